r"""Classic crisis and deterrence games, written once with named parameters.

Chicken / Hawk-Dove (:func:`chicken`)
    Two sides contest a stake. ``Hawk`` against ``Dove`` wins the whole stake :math:`V_i`;
    two Doves share it; two Hawks fight, each winning half the stake at a cost :math:`C_i`:

    .. math::
        \begin{array}{c|cc}
         & \text{Hawk} & \text{Dove}\\ \hline
        \text{Hawk} & \tfrac{V_A - C_A}{2},\ \tfrac{V_D - C_D}{2} & V_A,\ 0\\
        \text{Dove} & 0,\ V_D & \tfrac{V_A}{2},\ \tfrac{V_D}{2}
        \end{array}

    With :math:`0 < V_i < C_i` the pure equilibria are the two asymmetric profiles where
    one side stands firm and the other backs down, and the mixed equilibrium has side
    :math:`i` play Hawk with probability :math:`V_j / C_j` (each side's mixture makes the
    *other* indifferent). In the symmetric case this is the evolutionarily stable
    strategy :math:`p^* = V/C` of Maynard Smith and Price (1973); Snyder and Diesing
    (1977) read Chicken as the structure of crises where both fear war more than
    backing down.

Stag Hunt (:func:`stag_hunt`)
    Jervis's (1978) security dilemma as an alliance's cohesion problem: each ally chooses
    ``Cooperate`` (Stag: contribute to the joint posture) or ``Defect`` (Hare: look after
    itself). With :math:`R > T \ge P > S` both (Cooperate, Cooperate) and (Defect, Defect)
    are equilibria; the mixed one has each cooperate with probability
    :math:`p^* = (P - S)/((R - T) + (P - S))`. By Harsanyi and Selten (1988) mutual
    cooperation *risk-dominates* iff its Nash product of deviation losses is larger,
    :math:`(R - T)^2 > (P - S)^2`, i.e. iff :math:`R - T > P - S`, i.e. iff
    :math:`p^* < 1/2`.

Inspection game (:func:`inspection_game`)
    An ``Inspectee`` complies or violates (gain :math:`g`, fine :math:`f` if caught); an
    ``Inspector`` inspects at cost :math:`c` or trusts (losing :math:`l` to an undetected
    violation), with :math:`0 < c < l`. There is no pure equilibrium; in the unique mixed
    one the Inspectee violates with probability :math:`p^* = c/l` and the Inspector
    inspects with probability :math:`q^* = g/(g + f)`. *Tsebelis's paradox* (1989): the
    penalty :math:`f` does not enter :math:`p^*` at all; a harsher penalty only makes the
    Inspector inspect less (:math:`\partial q^*/\partial f < 0`). See Avenhaus, von Stengel
    and Zamir (2002) for the theory of inspection games.

Rudimentary asymmetric deterrence with one-sided incomplete information (:func:`deterrence_game`)
    Zagare and Kilgour (2000, ch. 4-5): a Challenger keeps the status quo (move
    ``Cooperate``, outcome SQ) or challenges it (``Defect``); the Defender then gives in
    (``Concede``, outcome DC: the Challenger wins) or resists (``Deny``, conflict DD). The
    Challenger values the outcomes :math:`u_{DC} > u_{SQ} > u_{DD}`. The Defender is *Hard*
    (it prefers conflict to conceding) with probability :math:`p_{Def}`, its
    *credibility*, or *Soft*; the Challenger knows only :math:`p_{Def}`. In every
    subgame-perfect (here: perfect Bayesian) equilibrium a Hard Defender denies and a Soft
    one concedes, and the Challenger defects iff
    :math:`p_{Def} < c_{Ch} = (u_{DC} - u_{SQ})/(u_{DC} - u_{DD})`: deterrence succeeds iff
    the threat is credible enough. Deterrence rests on credibility, not on the cost of
    conflict alone (*perfect deterrence*).

Audience costs as a public red line (:func:`audience_costs`)
    A stylised tying-hands game after Fearon (1994). The Defender first draws a public
    ``Red line`` or stays ``Silent``; the Aggressor then refrains or probes; after a probe
    the Defender chooses ``Back down`` (damage :math:`h`, credibility loss :math:`r_U`,
    and the audience cost :math:`a` if it drew a red line) or ``Respond`` (cost :math:`k`;
    the Aggressor loses :math:`s`). Without a red line the Defender backs down iff
    :math:`h + r_U \le k`, so probing pays; a red line makes responding credible iff
    :math:`h + r_U + a > k`, and then (if :math:`v - c_p - s < 0`) the Aggressor refrains
    and the red line is never tested: a public commitment whose cost is paid only if it
    fails, which is what makes it credible (Schelling 1960; Fearon 1994).

References
----------
Zagare, F. C. and Kilgour, D. M. (2000). *Perfect Deterrence*. Cambridge University Press.
Fearon, J. D. (1994). Domestic political audiences and the escalation of international
disputes. *American Political Science Review* 88(3), 577-592.
Schelling, T. C. (1960). *The Strategy of Conflict*. Harvard University Press.
Maynard Smith, J. and Price, G. R. (1973). The logic of animal conflict. *Nature* 246,
15-18.
Snyder, G. H. and Diesing, P. (1977). *Conflict Among Nations*. Princeton University Press.
Jervis, R. (1978). Cooperation under the security dilemma. *World Politics* 30(2), 167-214.
Harsanyi, J. C. and Selten, R. (1988). *A General Theory of Equilibrium Selection in
Games*. MIT Press.
Tsebelis, G. (1989). The abuse of probability in political analysis: the Robinson Crusoe
fallacy. *American Political Science Review* 83(1), 77-91.
Avenhaus, R., von Stengel, B. and Zamir, S. (2002). Inspection games. In *Handbook of Game
Theory with Economic Applications*, vol. 3, ch. 51, 1947-1987. Elsevier.
"""

from __future__ import annotations

from typing import Any

import sympy

from .probe_response import (
    PARAMETERS,
    ParameterSpec,
    _spec,
    make_game,
    make_parameters,
    symbol,
)

__all__ = ["chicken", "stag_hunt", "inspection_game", "stag_hunt_risk_dominance",
           "deterrence_game", "deterrence_threshold", "audience_costs"]

_U = "payoff units"

CHICKEN_PARAMETERS: dict[str, ParameterSpec] = {s.name: s for s in (
    _spec("stake_aggressor", "V_A", 2, "value of the contested stake to the Aggressor", unit=_U),
    _spec("stake_defender", "V_D", 3, "value of the contested stake to the Defender", unit=_U),
    _spec("fight_cost_aggressor", "C_A", 6, "Aggressor's cost of a fight (both Hawk)",
          unit=_U),
    _spec("fight_cost_defender", "C_D", 6, "Defender's cost of a fight (both Hawk)", unit=_U),
)}


def chicken(**overrides: Any) -> Any:
    r"""Chicken / Hawk-Dove with asymmetric stakes and fight costs.

    Parameters
    ----------
    **overrides
        New defaults for ``stake_aggressor`` :math:`V_A` (2), ``stake_defender``
        :math:`V_D` (3), ``fight_cost_aggressor`` :math:`C_A` (6) and
        ``fight_cost_defender`` :math:`C_D` (6). The game is Chicken when
        :math:`0 < V_i < C_i` (declared as constraints).

    Returns
    -------
    ParametricGame
        Players ``("Aggressor", "Defender")``, strategies ``("Hawk", "Dove")`` each.

    Notes
    -----
    Closed form (Maynard Smith and Price 1973): the Aggressor plays Hawk with probability
    :math:`V_D/C_D` and the Defender with :math:`V_A/C_A` in the mixed equilibrium; the
    pure equilibria are (Hawk, Dove) and (Dove, Hawk). Symmetric ESS: :math:`V/C`.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.chicken().at()
    >>> [e.row for e in g.equilibria() if not e.is_pure]
    [(Fraction(1, 2), Fraction(1, 2))]
    """
    VA, VD, CA, CD = (symbol(n) for n in CHICKEN_PARAMETERS)
    half = sympy.Rational(1, 2)
    A = [[(VA - CA) * half, VA], [sympy.Integer(0), VA * half]]
    B = [[(VD - CD) * half, sympy.Integer(0)], [VD, VD * half]]
    return make_game(CHICKEN_PARAMETERS, A, B, players=("Aggressor", "Defender"),
                     strategies=(("Hawk", "Dove"), ("Hawk", "Dove")),
                     title="Chicken (Hawk-Dove)", overrides=overrides, model="chicken",
                     constraints=(VA > 0, VD > 0, VA < CA, VD < CD))


STAG_HUNT_PARAMETERS: dict[str, ParameterSpec] = {s.name: s for s in (
    _spec("cooperation_reward", "R", 4, "each ally's payoff when both cooperate (Stag)",
          bounds=None, unit=_U),
    _spec("temptation", "T", 3, "payoff to defecting (Hare) while the other cooperates",
          bounds=None, unit=_U),
    _spec("punishment", "P", 2, "each ally's payoff when both defect", bounds=None, unit=_U),
    _spec("sucker_payoff", "S", 0, "payoff to cooperating alone", bounds=None, unit=_U),
)}


def stag_hunt(**overrides: Any) -> Any:
    r"""The Stag Hunt as alliance cohesion (Jervis 1978).

    Parameters
    ----------
    **overrides
        New defaults for ``cooperation_reward`` :math:`R` (4), ``temptation`` :math:`T`
        (3), ``punishment`` :math:`P` (2), ``sucker_payoff`` :math:`S` (0); constraints
        :math:`R > T \ge P > S`.

    Returns
    -------
    ParametricGame
        Players ``("Ally 1", "Ally 2")``, strategies ``("Cooperate", "Defect")`` each.

    Notes
    -----
    Closed form: equilibria (Cooperate, Cooperate), (Defect, Defect) and the mixed one in
    which each cooperates with probability :math:`(P-S)/((R-T)+(P-S))`; mutual cooperation
    risk-dominates (Harsanyi and Selten 1988) iff :math:`R - T > P - S`
    (:func:`stag_hunt_risk_dominance`).

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.stag_hunt().at()
    >>> sorted(e.row[0] for e in g.equilibria())  # probability of Cooperate
    [Fraction(0, 1), Fraction(2, 3), Fraction(1, 1)]
    """
    R, T, P, S = (symbol(n) for n in STAG_HUNT_PARAMETERS)
    A = [[R, S], [T, P]]
    B = [[R, T], [S, P]]
    return make_game(STAG_HUNT_PARAMETERS, A, B, players=("Ally 1", "Ally 2"),
                     strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")),
                     title="Stag Hunt (alliance cohesion)", overrides=overrides,
                     model="stag_hunt", constraints=(R > T, T >= P, P > S))


def stag_hunt_risk_dominance() -> sympy.Basic:
    r"""Harsanyi-Selten condition for (Cooperate, Cooperate) to risk-dominate in :func:`stag_hunt`.

    In a 2x2 game with two strict equilibria, one risk-dominates the other when the
    product of the players' deviation losses is larger there (Harsanyi and Selten 1988,
    Lemma 5.4.4). In the symmetric Stag Hunt the products are :math:`(R-T)^2` and
    :math:`(P-S)^2`.

    Examples
    --------
    >>> stag_hunt_risk_dominance()
    cooperation_reward - temptation > punishment - sucker_payoff
    """
    R, T, P, S = (symbol(n) for n in STAG_HUNT_PARAMETERS)
    return sympy.StrictGreaterThan(R - T, P - S)


INSPECTION_PARAMETERS: dict[str, ParameterSpec] = {s.name: s for s in (
    _spec("violation_gain", "g", 1, "Inspectee's gain from an undetected violation", unit=_U),
    _spec("penalty", "f", 4, "fine the Inspectee pays when a violation is detected", unit=_U),
    _spec("inspection_cost", "c", 1, "Inspector's cost of an inspection", unit=_U),
    _spec("violation_loss", "l", 4, "Inspector's loss from an undetected violation (> c)",
          unit=_U),
)}


def inspection_game(**overrides: Any) -> Any:
    r"""The inspection game and the Tsebelis paradox (Tsebelis 1989; Avenhaus et al. 2002).

    Parameters
    ----------
    **overrides
        New defaults for ``violation_gain`` :math:`g` (1), ``penalty`` :math:`f` (4),
        ``inspection_cost`` :math:`c` (1), ``violation_loss`` :math:`l` (4); constraints
        :math:`g, f > 0` and :math:`0 < c < l`.

    Returns
    -------
    ParametricGame
        Players ``("Inspectee", "Inspector")``; strategies ``("Comply", "Violate")`` and
        ``("Inspect", "Trust")``.

    Notes
    -----
    Closed form: the unique equilibrium is mixed with violation probability
    :math:`c/l` and inspection probability :math:`g/(g+f)`; the penalty changes only the
    inspection rate (Tsebelis's paradox).

    Examples
    --------
    >>> import gametheory as gt
    >>> [(e.row, e.col) for e in gt.models.inspection_game(penalty=9).at().equilibria()]
    [((Fraction(3, 4), Fraction(1, 4)), (Fraction(1, 10), Fraction(9, 10)))]
    """
    g, f, c, l = (symbol(n) for n in INSPECTION_PARAMETERS)
    zero = sympy.Integer(0)
    A = [[zero, zero], [-f, g]]
    B = [[-c, zero], [-c, -l]]
    return make_game(INSPECTION_PARAMETERS, A, B, players=("Inspectee", "Inspector"),
                     strategies=(("Comply", "Violate"), ("Inspect", "Trust")),
                     title="Inspection game", overrides=overrides, model="inspection_game",
                     constraints=(g > 0, f > 0, c > 0, c < l))


DETERRENCE_PARAMETERS: dict[str, ParameterSpec] = {s.name: s for s in (
    _spec("challenger_wins", "u_{DC}", 1, "Challenger's payoff when the Defender concedes",
          bounds=None, unit=_U),
    _spec("challenger_status_quo", "u_{SQ}", "1/2", "Challenger's payoff from the status quo",
          bounds=None, unit=_U),
    _spec("challenger_conflict", "u_{DD}", -1, "Challenger's payoff from conflict",
          bounds=None, unit=_U),
    _spec("defender_status_quo", "v_{SQ}", 1, "Defender's payoff from the status quo",
          bounds=None, unit=_U),
    _spec("defender_concedes", "v_{DC}", 0, "Defender's payoff from conceding",
          bounds=None, unit=_U),
    _spec("defender_conflict_hard", "v_{DD}^H", "1/2", "a Hard Defender's payoff from "
          "conflict (above conceding)", bounds=None, unit=_U),
    _spec("defender_conflict_soft", "v_{DD}^S", -1, "a Soft Defender's payoff from conflict "
          "(below conceding)", bounds=None, unit=_U),
    _spec("credibility", "p_{Def}", "1/2", "probability that the Defender is Hard",
          bounds=(0, 1), unit="probability"),
)}


def deterrence_game(**overrides: Any) -> Any:
    r"""Zagare-Kilgour rudimentary asymmetric deterrence, one-sided incomplete information.

    Parameters
    ----------
    **overrides
        New defaults for ``challenger_wins`` :math:`u_{DC}` (1), ``challenger_status_quo``
        :math:`u_{SQ}` (1/2), ``challenger_conflict`` :math:`u_{DD}` (-1),
        ``defender_status_quo`` (1), ``defender_concedes`` (0), ``defender_conflict_hard``
        (1/2), ``defender_conflict_soft`` (-1) and ``credibility`` :math:`p_{Def}` (1/2).

    Returns
    -------
    GameTree
        The Challenger cooperates or defects; Nature draws the Defender's type (``Hard``
        with probability :math:`p_{Def}`), which the Challenger never sees (so drawing it
        after the Challenger's move is equivalent and keeps the tree of perfect
        information); the Defender, knowing its type, concedes or denies. Defender plans
        read ``"Deny if Hard, Concede if Soft"``.

    Notes
    -----
    Closed form (Zagare and Kilgour 2000): in every subgame-perfect equilibrium Hard
    denies, Soft concedes, and the Challenger cooperates iff
    :math:`p_{Def} \ge c_{Ch} = (u_{DC} - u_{SQ})/(u_{DC} - u_{DD})` (indifferent at
    equality); see :func:`deterrence_threshold`. At the defaults :math:`c_{Ch} = 1/4`.

    Examples
    --------
    >>> import gametheory as gt
    >>> tree = gt.models.deterrence_game()
    >>> [e.labels for e in tree.backward_induction()]
    [('Cooperate', 'Deny if Hard, Concede if Soft')]
    >>> [e.labels for e in tree.backward_induction(credibility="1/5")]
    [('Defect', 'Deny if Hard, Concede if Soft')]
    """
    from ..core.tree import GameTree as T

    uDC, uSQ, uDD, vSQ, vDC, vH, vS, p = (symbol(n) for n in DETERRENCE_PARAMETERS)
    params = make_parameters(DETERRENCE_PARAMETERS, DETERRENCE_PARAMETERS, overrides,
                             "deterrence_game")

    # The Challenger does not see the type, so Nature may as well move after it.
    root = T.decision("Challenger", {
        "Cooperate": T.terminal(uSQ, vSQ),
        "Defect": T.chance({
            "Hard": (p, T.decision("Defender", {"Concede": T.terminal(uDC, vDC),
                                                "Deny": T.terminal(uDD, vH)}, infoset="Hard")),
            "Soft": (1 - p, T.decision("Defender", {"Concede": T.terminal(uDC, vDC),
                                                    "Deny": T.terminal(uDD, vS)},
                                       infoset="Soft")),
        }, name="Nature"),
    })
    return T(root, players=("Challenger", "Defender"), parameters=params,
             title="Rudimentary asymmetric deterrence (Zagare and Kilgour 2000)")


def deterrence_threshold() -> sympy.Expr:
    r"""The Challenger's credibility threshold :math:`c_{Ch}` of :func:`deterrence_game`.

    Examples
    --------
    >>> deterrence_threshold().subs({symbol("challenger_wins"): 1,
    ...     symbol("challenger_status_quo"): sympy.Rational(1, 2),
    ...     symbol("challenger_conflict"): -1})
    1/4
    """
    uDC, uSQ, uDD = (symbol(n) for n in ("challenger_wins", "challenger_status_quo",
                                          "challenger_conflict"))
    return (uDC - uSQ) / (uDC - uDD)


AUDIENCE_PARAMETERS: dict[str, ParameterSpec] = {
    **{n: PARAMETERS[n] for n in ("probe_value", "probe_cost", "retaliation_damage",
                                  "probe_damage")},
    "credibility_loss": _spec("credibility_loss", "r_U", 1, "Defender's loss of credibility "
                              "from backing down, red line or not", unit=_U),
    **{s.name: s for s in (
        _spec("response_cost", "k", 5, "Defender's cost of responding to a probe (including "
              "escalation risk)", unit=_U),
        _spec("audience_cost", "a", 3, "extra cost of backing down after a public red line "
              "(domestic and allied audiences)", unit=_U),
    )},
}


def audience_costs(**overrides: Any) -> Any:
    r"""Audience costs as a public red line: a tying-hands game after Fearon (1994).

    Parameters
    ----------
    **overrides
        New defaults for ``probe_value`` :math:`v` (4), ``probe_cost`` :math:`c_p` (1),
        ``retaliation_damage`` :math:`s` (6), ``probe_damage`` :math:`h` (2),
        ``credibility_loss`` :math:`r_U` (1), ``response_cost`` :math:`k` (5) and
        ``audience_cost`` :math:`a` (3).

    Returns
    -------
    GameTree
        Defender (``Red line`` / ``Silent``), then Aggressor (``Refrain`` / ``Probe``),
        then Defender (``Back down`` / ``Respond``).

    Notes
    -----
    Closed form (module docstring): the red line is credible iff :math:`h + r_U + a > k`;
    when moreover :math:`h + r_U < k` and :math:`v - c_p > 0 > v - c_p - s`, the unique SPE
    is: draw the red line, the Aggressor refrains after it and probes after silence, and
    the Defender responds only after a red line.

    Examples
    --------
    >>> import gametheory as gt
    >>> (spe,) = gt.models.audience_costs().backward_induction()
    >>> spe.path, spe.payoffs
    (('Red line', 'Refrain'), (Fraction(0, 1), Fraction(0, 1)))
    >>> spe.labels[1]  # the Aggressor's plan
    'Refrain if red line drawn, Probe if no red line'
    >>> gt.models.audience_costs().backward_induction(audience_cost=1)[0].path
    ('Silent', 'Probe', 'Back down')
    """
    from ..core.tree import GameTree as T

    v, cp, s, h, rU, k, a = (symbol(n) for n in AUDIENCE_PARAMETERS)
    params = make_parameters(AUDIENCE_PARAMETERS, AUDIENCE_PARAMETERS, overrides,
                             "audience_costs")
    zero = sympy.Integer(0)

    def crisis(cost_of_backing_down: sympy.Expr, tag: str) -> Any:
        return T.decision("Aggressor", {
            "Refrain": T.terminal(zero, zero),
            "Probe": T.decision("Defender", {  # payoffs (Defender, Aggressor)
                "Back down": T.terminal(-cost_of_backing_down, v - cp),
                "Respond": T.terminal(-k, v - cp - s),
            }, infoset=f"probed, {tag}"),
        }, infoset=tag)
    # the Aggressor's information sets are named by what it saw: "Refrain if red line drawn"

    root = T.decision("Defender", {"Red line": crisis(h + rU + a, "red line drawn"),
                                   "Silent": crisis(h + rU, "no red line")})
    return T(root, players=("Defender", "Aggressor"), parameters=params,
             title="Audience costs: a public red line (after Fearon 1994)")
