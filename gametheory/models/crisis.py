r"""Classic crisis and deterrence games, written once with named parameters.

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
    the threat is credible enough. This is the point of *perfect deterrence*: a threat is
    credible only if the Defender prefers carrying it out to backing down
    (:math:`v_{DD} > v_{DC}`), so a higher cost of conflict, while it makes conflict
    worse for the Challenger (lower :math:`u_{DD}`, lower :math:`c_{Ch}`), can also make a
    Defender Soft and so *lower* the threat's credibility; classical deterrence theory,
    which reads costlier conflict as always more stable deterrence, misses this
    (Zagare and Kilgour 2000).

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
    strategy :math:`p^* = V/C` of Maynard Smith (1974, 1982); Snyder and Diesing
    (1977) read Chicken as the structure of crises where both fear war more than
    backing down.

Stag Hunt (:func:`stag_hunt`)
    Jervis's (1978) security dilemma as an alliance's cohesion problem: each ally chooses
    ``Cooperate`` (Stag: contribute to the joint posture) or ``Defect`` (Hare: look after
    itself). With :math:`R > T`, :math:`R > P` and :math:`P > S` (either order of
    :math:`T` and :math:`P`: Skyrms's (2004) :math:`R > T \ge P > S` is one common form,
    and :math:`P > T` is a stag hunt too) both (Cooperate, Cooperate) and (Defect, Defect)
    are strict equilibria, the first Pareto-better; the mixed one has each cooperate with
    probability
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

References
----------
Zagare, F. C. and Kilgour, D. M. (2000). *Perfect Deterrence*. Cambridge University Press.
Maynard Smith, J. (1974). The theory of games and the evolution of animal conflicts.
*Journal of Theoretical Biology* 47, 209-221.
Maynard Smith, J. (1982). *Evolution and the Theory of Games*. Cambridge University Press.
Snyder, G. H. and Diesing, P. (1977). *Conflict Among Nations*. Princeton University Press.
Jervis, R. (1978). Cooperation under the security dilemma. *World Politics* 30(2), 167-214.
Skyrms, B. (2004). *The Stag Hunt and the Evolution of Social Structure*. Cambridge
University Press.
Harsanyi, J. C. and Selten, R. (1988). *A General Theory of Equilibrium Selection in
Games*. MIT Press.
Tsebelis, G. (1989). The abuse of probability in political analysis: the Robinson Crusoe
fallacy. *American Political Science Review* 83(1), 77-91.
Avenhaus, R., von Stengel, B. and Zamir, S. (2002). Inspection games. In *Handbook of Game
Theory with Economic Applications*, vol. 3, ch. 51, 1947-1987. Elsevier.
"""

from __future__ import annotations

import sympy

from ..core.formula import Formula, symbols_of
from ..core.parametric import ParametricGame
from ..core.tree import GameTree, chance, decision, terminal
from .kit import ParameterSpec, ParameterValue, make_game, make_parameters, spec, specs, symbol
from .registry import register_model

__all__ = ["deterrence_game", "deterrence_threshold", "chicken", "stag_hunt",
           "stag_hunt_risk_dominance", "inspection_game"]

_U = "payoff units"

DETERRENCE_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("challenger_wins", "u_{DC}", 1, "Challenger's payoff when the Defender concedes",
         bounds=None, unit=_U),
    spec("challenger_status_quo", "u_{SQ}", "1/2", "Challenger's payoff from the status quo",
         bounds=None, unit=_U),
    spec("challenger_conflict", "u_{DD}", -1, "Challenger's payoff from conflict",
         bounds=None, unit=_U),
    spec("defender_status_quo", "v_{SQ}", 1, "Defender's payoff from the status quo",
         bounds=None, unit=_U),
    spec("defender_concedes", "v_{DC}", 0, "Defender's payoff from conceding",
         bounds=None, unit=_U),
    spec("defender_conflict_hard", "v_{DD}^H", "1/2", "a Hard Defender's payoff from "
         "conflict (above conceding)", bounds=None, unit=_U),
    spec("defender_conflict_soft", "v_{DD}^S", -1, "a Soft Defender's payoff from conflict "
         "(below conceding)", bounds=None, unit=_U),
    spec("credibility", "p_{Def}", "1/2", "probability that the Defender is Hard",
         bounds=(0, 1), unit="probability"),
)


@register_model(
    title="Rudimentary asymmetric deterrence with one-sided incomplete information about "
          "the Defender's resolve",
    result="Challenger defects iff credibility p < (u_DC - u_SQ)/(u_DC - u_DD)",
    citation="Zagare and Kilgour (2000)", returns="GameTree")
def deterrence_game(**overrides: ParameterValue) -> GameTree:
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
    uDC, uSQ, uDD, vSQ, vDC, vH, vS, p = (symbol(n) for n in DETERRENCE_PARAMETERS)
    params = make_parameters(DETERRENCE_PARAMETERS, DETERRENCE_PARAMETERS, overrides,
                             "deterrence_game")

    # The Challenger does not see the type, so Nature may as well move after it.
    root = decision("Challenger", {
        "Cooperate": terminal(uSQ, vSQ),
        "Defect": chance({
            "Hard": (p, decision("Defender", {"Concede": terminal(uDC, vDC),
                                                "Deny": terminal(uDD, vH)}, infoset="Hard")),
            "Soft": (1 - p, decision("Defender", {"Concede": terminal(uDC, vDC),
                                                    "Deny": terminal(uDD, vS)},
                                       infoset="Soft")),
        }, name="Nature"),
    })
    return GameTree(root, players=("Challenger", "Defender"), parameters=params,
             title="Rudimentary asymmetric deterrence (Zagare and Kilgour 2000)")


def deterrence_threshold() -> Formula:
    r"""The Challenger's credibility threshold :math:`c_{Ch}` of :func:`deterrence_game`.

    A :class:`~gametheory.core.formula.Formula` (sympy's expression, ``.expr``), shown
    in the parameters' symbols.

    Examples
    --------
    >>> deterrence_threshold().subs({symbol("challenger_wins"): 1,
    ...     symbol("challenger_status_quo"): sympy.Rational(1, 2),
    ...     symbol("challenger_conflict"): -1})
    1/4
    """
    uDC, uSQ, uDD = (symbol(n) for n in ("challenger_wins", "challenger_status_quo",
                                          "challenger_conflict"))
    return Formula((uDC - uSQ) / (uDC - uDD), symbols_of(DETERRENCE_PARAMETERS.values()),
                   lhs="c_{Ch}")


CHICKEN_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("stake_aggressor", "V_A", 2, "value of the contested stake to the Aggressor", unit=_U),
    spec("stake_defender", "V_D", 3, "value of the contested stake to the Defender", unit=_U),
    spec("fight_cost_aggressor", "C_A", 6, "Aggressor's cost of a fight (both Hawk)",
         unit=_U),
    spec("fight_cost_defender", "C_D", 6, "Defender's cost of a fight (both Hawk)", unit=_U),
)


@register_model(
    title="Chicken / Hawk-Dove with asymmetric stakes and fight costs",
    result="pure (Hawk, Dove), (Dove, Hawk); mixed Hawk probability V_j/C_j; symmetric ESS V/C",
    citation="Maynard Smith (1974); Maynard Smith (1982); Snyder and Diesing (1977)",
    returns="ParametricGame")
def chicken(**overrides: ParameterValue) -> ParametricGame:
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
    Closed form (Maynard Smith 1974, 1982): the Aggressor plays Hawk with probability
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


STAG_HUNT_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("cooperation_reward", "R", 4, "each ally's payoff when both cooperate (Stag)",
         bounds=None, unit=_U),
    spec("temptation", "T", 3, "payoff to defecting (Hare) while the other cooperates",
         bounds=None, unit=_U),
    spec("punishment", "P", 2, "each ally's payoff when both defect", bounds=None, unit=_U),
    spec("sucker_payoff", "S", 0, "payoff to cooperating alone", bounds=None, unit=_U),
)


@register_model(
    title="Stag Hunt: alliance cohesion under the security dilemma",
    result="two strict equilibria; cooperation risk-dominates iff R - T > P - S",
    citation="Jervis (1978); Skyrms (2004); Harsanyi and Selten (1988)",
    returns="ParametricGame")
def stag_hunt(**overrides: ParameterValue) -> ParametricGame:
    r"""The Stag Hunt as alliance cohesion (Jervis 1978).

    Parameters
    ----------
    **overrides
        New defaults for ``cooperation_reward`` :math:`R` (4), ``temptation`` :math:`T`
        (3), ``punishment`` :math:`P` (2), ``sucker_payoff`` :math:`S` (0); constraints
        :math:`R > T`, :math:`R > P`, :math:`P > S` (so :math:`P > T` is allowed: the
        stag hunts in which hunting hare pays more when the other does too).

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
    >>> g = gt.models.stag_hunt(temptation=1, punishment=3).at()  # P > T: still a stag hunt
    >>> sorted(e.row[0] for e in g.equilibria())
    [Fraction(0, 1), Fraction(1, 2), Fraction(1, 1)]
    """
    R, T, P, S = (symbol(n) for n in STAG_HUNT_PARAMETERS)
    A = [[R, S], [T, P]]
    B = [[R, T], [S, P]]
    return make_game(STAG_HUNT_PARAMETERS, A, B, players=("Ally 1", "Ally 2"),
                     strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")),
                     title="Stag Hunt (alliance cohesion)", overrides=overrides,
                     model="stag_hunt", constraints=(R > T, R > P, P > S))


def stag_hunt_risk_dominance() -> Formula:
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
    return Formula(sympy.StrictGreaterThan(R - T, P - S),
                   symbols_of(STAG_HUNT_PARAMETERS.values()))


INSPECTION_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("violation_gain", "g", 1, "Inspectee's gain from an undetected violation", unit=_U),
    spec("penalty", "f", 4, "fine the Inspectee pays when a violation is detected", unit=_U),
    spec("inspection_cost", "c", 1, "Inspector's cost of an inspection", unit=_U),
    spec("violation_loss", "l", 4, "Inspector's loss from an undetected violation (> c)",
         unit=_U),
)


@register_model(
    title="Inspection game: comply or violate, inspect or trust",
    result="unique mixed equilibrium; violation rate c/l independent of the penalty "
           "(Tsebelis paradox)",
    citation="Tsebelis (1989); Avenhaus, von Stengel and Zamir (2002)",
    returns="ParametricGame")
def inspection_game(**overrides: ParameterValue) -> ParametricGame:
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
