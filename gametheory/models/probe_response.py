r"""The probe-versus-response model: cheap deniable probes against an alliance.

The game
--------
An **Aggressor** chooses to ``Refrain`` or to ``Probe`` (a cheap, deniable incursion such
as a Geran drone crossing into allied airspace). After a probe the **Defender** (the
alliance) replies: ``Under-react`` (ignore or protest), ``Intercept`` (proportionate: shoot
the drone down) or ``Retaliate`` (escalate against the launcher). Payoffs are relative to
the status quo (no probe), worth 0 to both. The model is a reduced form: each payoff is an
expected value over what a probe, an interception or a retaliation leads to. With the
parameters

===================================  ===============  ==========================================
name                                 symbol           meaning
===================================  ===============  ==========================================
``probe_value``                      :math:`v`        Aggressor's gain from an unanswered probe
``probe_cost``                       :math:`c_p`      Aggressor's direct cost of a probe
``interception_prob``                :math:`\pi`      share of a probe's effect interception
                                                      neutralises, in [0, 1]
``retaliation_damage``               :math:`s`        harm retaliation does to the Aggressor
``escalation_prob_intercept``        :math:`e_I`      P(interception spirals into major war)
``escalation_prob_retaliate``        :math:`e_X`      P(retaliation spirals), :math:`e_X \ge e_I`
``war_cost_aggressor``               :math:`W_A`      Aggressor's cost of a major war
``war_cost_defender``                :math:`W_D`      Defender's cost of a major war
``probe_damage``                     :math:`h`        Defender's damage from an unanswered probe
``credibility_loss``                 :math:`r_U`      credibility lost by under-reacting
``residual_credibility_loss``        :math:`r_I`      credibility still lost after interception,
                                                      :math:`0 \le r_I \le r_U`
``intercept_cost``                   :math:`c_I`      Defender's cost of intercepting
``retaliation_cost``                 :math:`c_X`      Defender's extra cost of retaliating
``cohesion``                         :math:`\theta`   P(alliance agrees to retaliate); otherwise
                                                      it falls back to interception
``information_gain``                 :math:`g`        Aggressor's gain from any reaction
                                                      (intelligence on the defences)
``cost_imposition``                  :math:`k`        Aggressor's gain per unit of the
                                                      Defender's interception cost
``disunity_cost``                    :math:`d`        Defender's cost of a visible failure to
                                                      agree on retaliation
===================================  ===============  ==========================================

the reduced-form payoffs after a probe are (``docs/model.md``; written once, in
:func:`probe_response_payoffs`, and reused by every variant)

.. math::

    A_U &= v - c_p, & D_U &= -h - r_U,\\
    A_I &= (1-\pi) v - c_p - e_I W_A + g + k c_I, & D_I &= -(1-\pi) h - c_I - e_I W_D - r_I,\\
    A_X &= \theta\,(A_I - s - (e_X - e_I) W_A) + (1-\theta) A_I, &
    D_X &= \theta\,(-(1-\pi) h - c_I - c_X - e_X W_D) + (1-\theta)(D_I - d).

A failed consensus on retaliation falls back to interception (national air policing needs
no alliance decision) and costs the Defender the visible disunity :math:`d`; the Aggressor
gains :math:`g + k c_I` from any reaction, so interception can invite probing.

Regimes
-------
Intercepting beats under-reacting iff :math:`c_I + e_I W_D + r_I < \pi h + r_U`;
retaliating beats intercepting iff :math:`\theta\,(r_I - c_X - (e_X - e_I) W_D) >
(1-\theta)\,d`, so cohesion :math:`\theta` matters as soon as disunity is costly. The
labels (:mod:`gametheory.models.probe_regimes`) name the equilibrium set: each is true of
every subgame-perfect equilibrium (every pure equilibrium of the posture game), and
points where the equilibria disagree (ties, an indifferent Aggressor) are a knife edge.

==================================  ======================================================
regime                              sequential game (BR: the Defender's best replies)
==================================  ======================================================
no incentive to probe               :math:`A_U \le 0` and :math:`A_r \le 0` for all r in BR
invited probing                     :math:`A_U \le 0 < A_r` for all r in BR
tolerated probing                   BR = {Under-react}, :math:`A_U > 0`
deterrence by denial                BR = {Intercept}, :math:`A_I < 0 < A_U`
contested probing                   BR = {Intercept}, :math:`A_I > 0, A_U > 0`
deterrence by punishment            BR = {Retaliate}, :math:`A_X < 0 < A_U`
retaliation risking escalation      BR = {Retaliate}, :math:`A_X > 0, A_U > 0`
knife edge (several equilibria)     otherwise (ties in BR, or :math:`A_{BR} = 0 < A_U`)
mixed probing                       posture game: :math:`A_U > 0` and no pure equilibrium
==================================  ======================================================

In the sequential game the pure subgame-perfect equilibria are (Probe, r) for
:math:`r \in BR` with :math:`A_r \ge 0` and (Refrain, r) with :math:`A_r \le 0`
(Selten 1975). Its 2x3 normal form of contingent plans is degenerate (the Defender is
indifferent between plans when no probe comes), so it also has Nash equilibria that rest
on threats the Defender would not carry out.

Variants
--------
``sequential``
    A :class:`~gametheory.core.tree.GameTree`; the Aggressor moves, the Defender sees the probe.
``posture``
    Simultaneous: the Defender picks a readiness posture (``Under-react``, ``Intercept``,
    ``Retaliate``) and pays a readiness cost :math:`m_I` or :math:`m_X` whether or not a
    probe comes. When the best posture against a sure probe is interception, probing pays
    against an unready Defender (:math:`A_U > 0`) and not against interception
    (:math:`A_I < 0`), and holding the posture costs something (:math:`m_I > 0`), no pure
    equilibrium exists: the Aggressor probes with probability :math:`m_I/(D_I - D_U)` and
    the Defender holds the posture with probability :math:`A_U/(A_U - A_I)` ("mixed
    probing"). A costless posture (:math:`m_I = 0`) deters outright.
``bayesian``
    (:func:`bayesian_tree`; Harsanyi form :func:`bayesian_game`)
    The Defender is *resolute* with prior :math:`\rho` (credibility loss
    :math:`r_U^R`, high enough that interception is its best reply) or *irresolute*
    (credibility loss :math:`r_U^L`). Against sequentially rational types the Aggressor
    probes iff :math:`\rho A_{BR_R} + (1-\rho) A_{BR_L} > 0`, i.e. below the prior
    :math:`\rho^* = A_L/(A_L - A_R)` (:func:`resolve_threshold`). With readiness postures
    (``bayesian_game("posture")``) there is no pure equilibrium above :math:`\rho^*`:
    mixed probing.
``repeated``
    Built by :mod:`gametheory.models.repeated_probe` (patience makes a statically
    costly interception credible).
``alliance``
    Built by :mod:`gametheory.models.alliance` (who intercepts, consensus to retaliate).

Mission context: in September 2025 Russian drones crossed into Poland (some were shot down
by Polish and allied aircraft) and Romania; NATO answered with Eastern Sentry, a wider
air-defence posture on its eastern flank. The parameter values here are illustrative
judgements, not calibrated estimates.

References
----------
Schelling, T. C. (1966). *Arms and Influence*. Yale University Press.
Snyder, G. H. (1961). *Deterrence and Defense*. Princeton University Press (denial vs.
punishment).
Selten, R. (1975). Reexamination of the perfectness concept for equilibrium points in
extensive games. *International Journal of Game Theory* 4, 25-55.
Zagare, F. C. and Kilgour, D. M. (2000). *Perfect Deterrence*. Cambridge University Press.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import sympy

from ..core.bayesian import BayesianGame
from ..core.formula import Formula, symbols_of
from ..core.parametric import ParametricGame
from ..core.tree import Decision, GameTree, chance, decision, terminal
from ..errors import GameError, ParameterError
from .kit import (
    ParameterSpec,
    ParameterValue,
    make_game,
    make_parameters,
    resolve_point,
    spec,
    symbol,
)
from .probe_regimes import (
    REGIMES,
    posture_regime_conditions,
    sequential_label,
    sequential_regime_conditions,
)
from .registry import build_variant, register_model, register_variant

__all__ = [
    "CORE_PARAMETERS",
    "PARAMETERS",
    "REGIMES",
    "REPLIES",
    "TYPES",
    "VARIANTS",
    "bayesian_game",
    "bayesian_tree",
    "best_reply_after_probe",
    "posture_game",
    "swarm_posture_game",
    "probe_response",
    "probe_response_payoffs",
    "regime",
    "regime_conditions",
    "resolve_threshold",
    "sequential_game",
    "sequential_normal_form",
    "type_payoffs",
]

#: The Defender's replies after a probe, least escalatory first.
REPLIES: tuple[str, str, str] = ("Under-react", "Intercept", "Retaliate")

_PAYOFF_UNIT = "payoff units (status quo = 0)"

#: Every parameter of the family, with illustrative exact defaults (docs/model.md says
#: why each). At the defaults the Defender's best reply after a probe is Intercept and
#: interception makes probing unprofitable (deterrence by denial); on the default map
#: (W_D, r_U) a low credibility loss gives tolerated probing and a low war cost makes
#: retaliation the best reply (deterrence by punishment), and cohesion moves that line.
PARAMETERS: dict[str, ParameterSpec] = {s.name: s for s in (
    spec("probe_value", "v", 4, "Aggressor's gain from an unanswered probe (intelligence "
         "on air defences, intimidation, division sown among allies)", unit=_PAYOFF_UNIT),
    spec("probe_cost", "c_p", 1, "Aggressor's direct cost of a probe, including "
         "attribution and diplomatic cost", unit=_PAYOFF_UNIT),
    spec("interception_prob", r"\pi", "3/4", "share of a probe's effect that interception "
         "neutralises", bounds=(0, 1), unit="probability"),
    spec("retaliation_damage", "s", 6, "harm retaliation does to the Aggressor",
         unit=_PAYOFF_UNIT),
    spec("escalation_prob_intercept", "e_I", "1/100", "probability that an interception "
         "spirals into major war", bounds=(0, 1), unit="probability"),
    spec("escalation_prob_retaliate", "e_X", "1/50", "probability that retaliation spirals "
         "into major war (at least e_I)", bounds=(0, 1), unit="probability"),
    spec("war_cost_aggressor", "W_A", 100, "Aggressor's cost of a major war",
         unit=_PAYOFF_UNIT),
    spec("war_cost_defender", "W_D", 100, "Defender's cost of a major war",
         unit=_PAYOFF_UNIT),
    spec("probe_damage", "h", 2, "Defender's direct damage from an unanswered probe",
         unit=_PAYOFF_UNIT),
    spec("credibility_loss", "r_U", 3, "Defender's loss of credibility from under-reacting "
         "(deterrence eroded, allies doubt, audiences punish)", unit=_PAYOFF_UNIT),
    spec("residual_credibility_loss", "r_I", "1/2", "credibility still lost after a merely "
         "proportionate response (at most r_U)", unit=_PAYOFF_UNIT),
    spec("intercept_cost", "c_I", 1, "Defender's cost of intercepting (munitions, sorties: "
         "a costly missile against a cheap drone)", unit=_PAYOFF_UNIT),
    spec("retaliation_cost", "c_X", "1/4", "Defender's extra direct and political cost of "
         "retaliating (its escalation risk is counted apart)", unit=_PAYOFF_UNIT),
    spec("cohesion", r"\theta", "3/4", "probability that the alliance reaches consensus to "
         "carry out retaliation; otherwise it falls back to interception",
         bounds=(0, 1), unit="probability"),
    spec("information_gain", "g", "1/2", "Aggressor's gain from any reaction of the "
         "defences (positions, reaction times, emitters revealed)", unit=_PAYOFF_UNIT),
    spec("cost_imposition", "k", "1/4", "Aggressor's gain per unit of the Defender's "
         "interception cost (costly interceptors against cheap drones)",
         unit="payoff units per payoff unit"),
    spec("disunity_cost", "d", "1/4", "Defender's cost of a visible failure to agree on "
         "retaliation, paid when consensus fails", unit=_PAYOFF_UNIT),
    spec("readiness_cost_intercept", "m_I", "1/2", "Defender's cost of holding an "
         "interception posture, paid whether or not a probe comes (posture variant)",
         unit=_PAYOFF_UNIT),
    spec("readiness_cost_retaliate", "m_X", 1, "Defender's cost of holding a retaliation "
         "posture, paid whether or not a probe comes (posture variant)", unit=_PAYOFF_UNIT),
    spec("resolve_prior", r"\rho", "1/2", "prior probability that the Defender is resolute "
         "(Bayesian variant)", bounds=(0, 1), unit="probability"),
    spec("credibility_loss_resolute", "r_U^R", 3, "credibility loss of a resolute Defender "
         "from under-reacting (Bayesian variant)", unit=_PAYOFF_UNIT),
    spec("credibility_loss_irresolute", "r_U^L", "1/2", "credibility loss of an irresolute "
         "Defender from under-reacting (Bayesian variant)", unit=_PAYOFF_UNIT),
)}

#: Parameters of the reduced form (docs/model.md's table).
CORE_PARAMETERS: tuple[str, ...] = (
    "probe_value", "probe_cost", "interception_prob", "retaliation_damage",
    "escalation_prob_intercept", "escalation_prob_retaliate", "war_cost_aggressor",
    "war_cost_defender", "probe_damage", "credibility_loss", "residual_credibility_loss",
    "intercept_cost", "retaliation_cost", "cohesion", "information_gain", "cost_imposition",
    "disunity_cost",
)

def probe_response_payoffs() -> dict[str, sympy.Expr]:
    r"""The six reduced-form payoffs after a probe, as sympy expressions (one source of truth).

    Returns
    -------
    dict
        Keys ``"A_U", "A_I", "A_X"`` (Aggressor) and ``"D_U", "D_I", "D_X"`` (Defender)
        for the Defender's replies Under-react, Intercept, Retaliate; the symbols are
        :func:`symbol` of the parameter names.

    Examples
    --------
    >>> pay = probe_response_payoffs()
    >>> pay["A_U"] == symbol("probe_value") - symbol("probe_cost")
    True
    >>> import sympy
    >>> sympy.expand(pay["A_I"] - (pay["A_U"] - symbol("interception_prob")
    ...                            * symbol("probe_value")))   # what a reaction adds
    cost_imposition*intercept_cost - escalation_prob_intercept*war_cost_aggressor + information_gain
    >>> sympy.expand(pay["D_X"] - pay["D_I"]).has(symbol("cohesion"), symbol("disunity_cost"))
    True
    """
    v, cp, pi, s = (symbol(n) for n in ("probe_value", "probe_cost", "interception_prob",
                                        "retaliation_damage"))
    eI, eX, WA, WD = (symbol(n) for n in ("escalation_prob_intercept",
                                          "escalation_prob_retaliate",
                                          "war_cost_aggressor", "war_cost_defender"))
    h, rU, rI, cI, cX, theta = (symbol(n) for n in (
        "probe_damage", "credibility_loss", "residual_credibility_loss", "intercept_cost",
        "retaliation_cost", "cohesion"))
    g, k, d = (symbol(n) for n in ("information_gain", "cost_imposition", "disunity_cost"))
    reaction = g + k * cI  # what any reaction gives the Aggressor
    A_U = v - cp
    A_I = (1 - pi) * v - cp - eI * WA + reaction
    A_X = theta * ((1 - pi) * v - cp - s - eX * WA + reaction) + (1 - theta) * A_I
    D_U = -h - rU
    D_I = -(1 - pi) * h - cI - eI * WD - rI
    D_X = theta * (-(1 - pi) * h - cI - cX - eX * WD) + (1 - theta) * (D_I - d)
    return {"A_U": A_U, "A_I": A_I, "A_X": A_X, "D_U": D_U, "D_I": D_I, "D_X": D_X}


def _exact_values(values: Mapping[str, object], names: tuple[str, ...]
                  ) -> dict[str, Fraction | float]:
    """Defaults overridden by ``values``; rational input stays exact; docs/model.md's relations."""
    out = resolve_point(PARAMETERS, values, names, "probe_response")
    if out["escalation_prob_retaliate"] < out["escalation_prob_intercept"]:
        raise ParameterError("escalation_prob_retaliate (e_X) must be at least "
                             "escalation_prob_intercept (e_I)")
    if out["residual_credibility_loss"] > out["credibility_loss"]:
        raise ParameterError("residual_credibility_loss (r_I) must be at most "
                             "credibility_loss (r_U)")
    return out


_EVALUATORS: dict[str, Callable[..., Fraction | float]] = {}


def _numeric(key: str, values: Mapping[str, Fraction | float]) -> Fraction | float:
    """Evaluate one reduced-form payoff in plain Python arithmetic (Fractions stay exact).

    The function is generated by ``sympy.lambdify`` from :func:`probe_response_payoffs`
    (trusted expressions, no user text), so the payoffs are still written only once.
    """
    fn = _EVALUATORS.get(key)
    if fn is None:
        expr = probe_response_payoffs()[key]
        args = [symbol(n) for n in CORE_PARAMETERS]
        fn = _EVALUATORS[key] = sympy.lambdify(args, expr, modules=[{}, "math"])
    return fn(*(values[n] for n in CORE_PARAMETERS))


def best_reply_after_probe(**values: ParameterValue) -> str:
    """The Defender's best reply after a probe; ties go to the less escalatory reply.

    Parameters
    ----------
    **values
        Parameter values by name; defaults fill the rest.

    Examples
    --------
    >>> best_reply_after_probe()
    'Intercept'
    >>> best_reply_after_probe(credibility_loss="1/2")
    'Under-react'
    """
    vals = _exact_values(values, CORE_PARAMETERS)
    d = [_numeric(k, vals) for k in ("D_U", "D_I", "D_X")]
    best = max(d)
    return REPLIES[d.index(best)]  # first maximiser: the least escalatory of the ties


def regime(**values: ParameterValue) -> str:
    """The regime of the sequential game at a parameter point (exact for exact input).

    The label names the set of pure subgame-perfect equilibria
    (:func:`gametheory.models.probe_regimes.sequential_label`): it is true of every one of
    them, and a point where they disagree is ``"knife edge (several equilibria)"``.

    Examples
    --------
    >>> regime(), regime(credibility_loss="1/2"), regime(interception_prob="1/4")
    ('deterrence by denial', 'tolerated probing', 'contested probing')
    >>> regime(war_cost_defender=20, cohesion=1)      # cheap escalation: over-reaction tempts
    'deterrence by punishment'
    >>> regime(war_cost_defender=20)                  # ... unless consensus may fail
    'deterrence by denial'
    >>> regime(probe_value=1)                         # probing would not pay unanswered
    'no incentive to probe'
    >>> regime(probe_value=1, intercept_cost=8, credibility_loss=12)   # interception invites it
    'invited probing'
    >>> regime(credibility_loss=1)                    # D_U = D_I: two equilibria
    'knife edge (several equilibria)'
    """
    vals = _exact_values(values, CORE_PARAMETERS)
    return sequential_label({k: _numeric(k, vals) for k in ("A_U", "A_I", "A_X", "D_U",
                                                            "D_I", "D_X")})


def regime_conditions(variant: str = "sequential") -> dict[str, sympy.Basic]:
    """Each regime's defining condition as a sympy Boolean in the parameter symbols.

    ``"sequential"``: the labels of :func:`regime`; ``"posture"``: those of the posture
    game, from its pure equilibria (net of readiness costs; ``"mixed probing"`` where it
    has none). The conditions are mutually exclusive and, on the parameters' domain,
    exhaustive (:mod:`gametheory.models.probe_regimes`).

    Examples
    --------
    >>> sorted(regime_conditions())[:2]
    ['contested probing', 'deterrence by denial']
    >>> "mixed probing" in regime_conditions("posture")
    True
    """
    pay = probe_response_payoffs()
    if variant == "sequential":
        return sequential_regime_conditions(pay)
    if variant == "posture":
        return posture_regime_conditions(pay, symbol("readiness_cost_intercept"),
                                         symbol("readiness_cost_retaliate"))
    raise GameError(f"regime conditions are defined for variant 'sequential' or 'posture', "
                    f"got {variant!r}")


def _relations(*names: str) -> tuple[sympy.Basic, ...]:
    """docs/model.md's relations e_X >= e_I and r_I <= r_U (for the parameters present)."""
    out = [symbol("escalation_prob_retaliate") >= symbol("escalation_prob_intercept")]
    for name in names:
        out.append(symbol("residual_credibility_loss") <= symbol(name))
    return tuple(out)


@register_variant("probe_response", "posture")
def posture_game(**overrides: ParameterValue) -> ParametricGame:
    r"""The ``posture`` variant: simultaneous choice of probing and readiness posture.

    The Defender commits to a posture before knowing whether a probe comes and pays its
    readiness cost (:math:`m_I` for interception, :math:`m_X` for retaliation) either way:

    .. math::
        \begin{array}{c|ccc}
         & \text{Under-react} & \text{Intercept} & \text{Retaliate}\\ \hline
        \text{Refrain} & 0,\ 0 & 0,\ -m_I & 0,\ -m_X\\
        \text{Probe} & A_U,\ D_U & A_I,\ D_I - m_I & A_X,\ D_X - m_X
        \end{array}

    When the interception posture is worth its cost against a sure probe
    (:math:`D_I - m_I > \max(D_U, D_X - m_X)`), probing pays against an unready Defender
    (:math:`A_U > 0`) and interception makes it unprofitable (:math:`A_I < 0`), no pure
    equilibrium exists; in the mixed one the Aggressor probes with probability
    :math:`m_I/(D_I - D_U)` and the Defender holds the interception posture with probability
    :math:`A_U/(A_U - A_I)` ("mixed probing").

    Examples
    --------
    >>> import gametheory as gt
    >>> p = gt.models.probe_response("posture")
    >>> p.classify()
    'mixed probing'
    >>> [(e.row[1], e.col) for e in p.at().equilibria()]
    [(Fraction(1, 4), (Fraction(1, 13), Fraction(12, 13), Fraction(0, 1)))]
    """
    pay = probe_response_payoffs()
    m_i, m_x = symbol("readiness_cost_intercept"), symbol("readiness_cost_retaliate")
    zero = sympy.Integer(0)
    A = [[zero, zero, zero], [pay["A_U"], pay["A_I"], pay["A_X"]]]
    B = [[zero, -m_i, -m_x], [pay["D_U"], pay["D_I"] - m_i, pay["D_X"] - m_x]]
    return make_game(PARAMETERS, A, B, players=("Aggressor", "Defender"),
                     strategies=(("Refrain", "Probe"), REPLIES),
                     title="Probe or refrain against a readiness posture",
                     overrides=overrides, model="probe_response('posture')",
                     constraints=_relations("credibility_loss"),
                     regime_rules=tuple(regime_conditions("posture").items()))


@register_variant("probe_response", "swarm")
def swarm_posture_game(**overrides: ParameterValue) -> ParametricGame:
    r"""The ``swarm`` variant: a 3x3 posture game in which the Aggressor may also swarm.

    As :func:`posture_game`, with a third Aggressor option: ``Swarm``, a salvo of two
    probes at once. Each probe of the salvo meets the Defender's posture, so both sides'
    probe payoffs double, and coordinating the salvo costs the Aggressor one more
    :math:`c_p`; the Defender's readiness cost is paid once:

    .. math::
        \begin{array}{c|ccc}
         & \text{Under-react} & \text{Intercept} & \text{Retaliate}\\ \hline
        \text{Refrain} & 0,\ 0 & 0,\ -m_I & 0,\ -m_X\\
        \text{Probe} & A_U,\ D_U & A_I,\ D_I - m_I & A_X,\ D_X - m_X\\
        \text{Swarm} & 2A_U - c_p,\ 2D_U & 2A_I - c_p,\ 2D_I - m_I & 2A_X - c_p,\ 2D_X - m_X
        \end{array}

    This is the 3x3 model of the million-point sweep benchmark (``benchmarks/sweep.py``);
    its payoffs come from :func:`probe_response_payoffs` like every other variant. It has
    no named regime rules: sweeps label its points by equilibrium structure.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.probe_response("swarm").at()
    >>> g.shape, g.strategies[0]
    ((3, 3), ('Refrain', 'Probe', 'Swarm'))
    >>> [e.row for e in g.equilibria()]
    [(Fraction(3, 4), Fraction(1, 4), Fraction(0, 1))]
    """
    pay = probe_response_payoffs()
    m_i, m_x = symbol("readiness_cost_intercept"), symbol("readiness_cost_retaliate")
    c_p = symbol("probe_cost")
    zero = sympy.Integer(0)
    A = [[zero, zero, zero], [pay["A_U"], pay["A_I"], pay["A_X"]],
         [2 * pay["A_U"] - c_p, 2 * pay["A_I"] - c_p, 2 * pay["A_X"] - c_p]]
    B = [[zero, -m_i, -m_x], [pay["D_U"], pay["D_I"] - m_i, pay["D_X"] - m_x],
         [2 * pay["D_U"], 2 * pay["D_I"] - m_i, 2 * pay["D_X"] - m_x]]
    return make_game(PARAMETERS, A, B, players=("Aggressor", "Defender"),
                     strategies=(("Refrain", "Probe", "Swarm"), REPLIES),
                     title="Probe, swarm or refrain against a readiness posture",
                     overrides=overrides, model="probe_response('swarm')",
                     constraints=_relations("credibility_loss"))


@register_variant("probe_response", "sequential")
def sequential_game(**overrides: ParameterValue) -> GameTree:
    r"""The ``sequential`` variant: the Aggressor probes or refrains, then the Defender replies.

    A perfect-information :class:`~gametheory.core.tree.GameTree`: ``Refrain`` ends the game
    at the status quo (0, 0); after ``Probe`` the Defender chooses ``Under-react``,
    ``Intercept`` or ``Retaliate`` with the reduced-form payoffs
    :math:`(A_U, D_U), (A_I, D_I), (A_X, D_X)`. Backward induction keeps the Defender's best
    reply BR after a probe; :func:`sequential_normal_form` is the 2x3 normal form of plans
    with docs/model.md's constraints and regime rules attached.

    Examples
    --------
    At the defaults interception is the Defender's best reply and it makes probing
    unprofitable (deterrence by denial). The normal form also has a Nash equilibrium in
    which the Aggressor refrains because the Defender "would retaliate", a threat the
    Defender would not carry out once probed:

    >>> import gametheory as gt
    >>> tree = gt.models.probe_response("sequential")
    >>> [spe.labels for spe in tree.backward_induction()]
    [('Refrain', 'Intercept if probed')]
    >>> for c in tree.classify_equilibria():
    ...     if c.equilibrium.is_pure:
    ...         print(c.equilibrium.pure_labels(), c.subgame_perfect)
    ('Refrain', 'Intercept if probed') True
    ('Refrain', 'Retaliate if probed') False
    """
    pay = probe_response_payoffs()
    names = [n for n in CORE_PARAMETERS]
    params = make_parameters(PARAMETERS, names, overrides, "probe_response('sequential')")
    root = decision("Aggressor", {
        "Refrain": terminal(sympy.Integer(0), sympy.Integer(0)),
        "Probe": decision("Defender", {
            REPLIES[0]: terminal(pay["A_U"], pay["D_U"]),
            REPLIES[1]: terminal(pay["A_I"], pay["D_I"]),
            REPLIES[2]: terminal(pay["A_X"], pay["D_X"]),
        }, infoset="probed"),
    })
    return GameTree(root, players=("Aggressor", "Defender"), parameters=params,
             title="Probe or refrain, then respond")


def sequential_normal_form(**overrides: ParameterValue) -> ParametricGame:
    """The 2x3 normal form of the sequential game, derived from its tree, with regimes.

    Strategies are plans (``"Intercept if probed"``); the payoffs come from
    ``sequential_game(...).to_normal_form()``; docs/model.md's relations and regime rules are
    attached so that ``.classify(**values)`` names the regime.

    Examples
    --------
    >>> nf = sequential_normal_form()
    >>> nf.shape, nf.classify(), nf.classify(credibility_loss="1/2")
    ((2, 3), 'deterrence by denial', 'tolerated probing')
    """
    nf = sequential_game(**overrides).to_normal_form()
    return ParametricGame(nf.A, nf.B, parameters=nf.parameters, players=nf.players,
                          strategies=nf.strategies, title=nf.title,
                          constraints=_relations("credibility_loss"),
                          regime_rules=tuple(regime_conditions("sequential").items()))


#: The Defender's types in the Bayesian variant and the parameter holding each one's
#: credibility loss from under-reacting.
TYPES: dict[str, str] = {"resolute": "credibility_loss_resolute",
                         "irresolute": "credibility_loss_irresolute"}


def type_payoffs(defender_type: str) -> dict[str, sympy.Expr]:
    """The reduced-form payoffs of one Defender type: r_U replaced by that type's loss.

    Examples
    --------
    >>> type_payoffs("resolute")["D_U"].has(symbol("credibility_loss_resolute"))
    True
    """
    try:
        name = TYPES[defender_type]
    except KeyError:
        raise GameError(f"unknown Defender type {defender_type!r}; types are "
                        f"{', '.join(map(repr, TYPES))}") from None
    swap = {symbol("credibility_loss"): symbol(name)}
    return {k: e.xreplace(swap) for k, e in probe_response_payoffs().items()}


def resolve_threshold(resolute_reply: str = "Intercept",
                      irresolute_reply: str = "Under-react") -> Formula:
    r"""The prior :math:`\rho^*` on a resolute Defender above which probing stops paying.

    With each type playing its best reply after a probe (resolute: ``resolute_reply``,
    irresolute: ``irresolute_reply``), the Aggressor's expected gain from probing is
    :math:`\rho A_R + (1 - \rho) A_L`, which is zero at
    :math:`\rho^* = A_L / (A_L - A_R)`; probing pays iff :math:`\rho < \rho^*` (when
    :math:`A_R < 0 < A_L`). A :class:`~gametheory.core.formula.Formula`: the sympy
    expression, shown as :math:`\rho^* = ...` in docs/model.md's symbols.

    Examples
    --------
    >>> rho = resolve_threshold()
    >>> rho.xreplace({symbol(n): sympy.Rational(PARAMETERS[n].default)
    ...               for n in CORE_PARAMETERS})
    12/13
    """
    key = {"Under-react": "A_U", "Intercept": "A_I", "Retaliate": "A_X"}
    try:
        a_r = probe_response_payoffs()[key[resolute_reply]]
        a_l = probe_response_payoffs()[key[irresolute_reply]]
    except KeyError as err:
        raise GameError(f"unknown reply {err.args[0]!r}; replies are {', '.join(REPLIES)}"
                        ) from None
    return Formula(sympy.cancel(a_l / (a_l - a_r)), symbols_of(PARAMETERS.values()),
                   lhs=r"\rho^*")


@register_variant("probe_response", "bayesian")
def bayesian_tree(**overrides: ParameterValue) -> GameTree:
    r"""The Bayesian variant as a game tree: Nature draws the Defender's resolve after a probe.

    The Aggressor refrains or probes; Nature makes the Defender *resolute* with
    probability :math:`\rho` (``resolve_prior``; credibility loss
    :math:`r_U^R`, ``credibility_loss_resolute``) or *irresolute* (:math:`r_U^L`); the
    Defender, knowing its type, replies. The Aggressor never sees the type, so Nature
    may move after it. Backward induction gives the perfect Bayesian equilibrium: each
    type plays its best reply and the Aggressor probes iff
    :math:`\rho < \rho^*` (:func:`resolve_threshold`).

    Examples
    --------
    >>> import gametheory as gt
    >>> tree = bayesian_tree()
    >>> [e.labels for e in tree.backward_induction()]
    [('Probe', 'Intercept if resolute, Under-react if irresolute')]
    >>> [e.labels[0] for e in tree.backward_induction(resolve_prior="24/25")]
    ['Refrain']
    """
    names = [n for n in CORE_PARAMETERS if n != "credibility_loss"] + [
        "credibility_loss_resolute", "credibility_loss_irresolute", "resolve_prior"]
    params = make_parameters(PARAMETERS, names, overrides, "probe_response('bayesian')")
    rho = symbol("resolve_prior")

    def defender(kind: str) -> Decision:
        pay = type_payoffs(kind)
        return decision("Defender", {
            REPLIES[0]: terminal(pay["A_U"], pay["D_U"]),
            REPLIES[1]: terminal(pay["A_I"], pay["D_I"]),
            REPLIES[2]: terminal(pay["A_X"], pay["D_X"]),
        }, infoset=kind)

    root = decision("Aggressor", {
        "Refrain": terminal(sympy.Integer(0), sympy.Integer(0)),
        "Probe": chance({"Resolute": (rho, defender("resolute")),
                           "Irresolute": (1 - rho, defender("irresolute"))}, name="resolve"),
    })
    return GameTree(root, players=("Aggressor", "Defender"), parameters=params,
             title="Probing a Defender of uncertain resolve")


def bayesian_game(stage: str = "sequential", **overrides: ParameterValue) -> BayesianGame:
    r"""The Bayesian variant as a :class:`~gametheory.core.bayesian.BayesianGame` (Harsanyi form).

    The Aggressor has one type; the Defender is ``resolute`` with prior :math:`\rho`
    (``resolve_prior``, credibility loss :math:`r_U^R`) or ``irresolute``
    (:math:`r_U^L`). Both types' payoffs are the reduced form of
    :func:`probe_response_payoffs` with :math:`r_U` replaced by the type's loss.

    Parameters
    ----------
    stage : {"sequential", "posture"}
        ``"sequential"``: the Defender's actions are replies *if probed* (zero payoffs when
        the Aggressor refrains), the Harsanyi form of :func:`bayesian_tree`; its Nash set
        contains non-credible threats, and the subgame-perfect outcome flips at
        :math:`\rho^*` (:func:`resolve_threshold`). ``"posture"``: each type picks a
        readiness posture with the costs :math:`m_I, m_X` of :func:`posture_game`.
        Then, when the resolute type's best posture against a probe is interception
        and the irresolute type's is under-reaction, with :math:`A_I < 0 < A_U`: for
        :math:`\rho < \rho^* = A_U/(A_U - A_I)` the Aggressor probes and only the resolute
        type intercepts; for :math:`\rho > \rho^*` no pure equilibrium exists ("mixed
        probing"): the Aggressor probes with probability :math:`m_I/(D_I - D_U^R)`,
        which makes the resolute type indifferent, and the resolute type holds the
        interception posture with probability :math:`\rho^*/\rho`.
    **overrides
        New parameter defaults by name.

    Examples
    --------
    >>> g = bayesian_game("posture", resolve_prior="24/25")
    >>> [e.is_pure for e in g.bayes_nash_equilibria()]
    [False]
    >>> e = g.bayes_nash_equilibria()[0]
    >>> e.action("Aggressor", "any")["Probe"], e.action("Defender", "resolute")["Intercept"]
    (Fraction(1, 4), Fraction(25, 26))
    """
    if stage not in ("sequential", "posture"):
        raise GameError(f"stage must be 'sequential' or 'posture', got {stage!r}")
    names = [n for n in CORE_PARAMETERS if n != "credibility_loss"] + [
        "credibility_loss_resolute", "credibility_loss_irresolute", "resolve_prior"]
    if stage == "posture":
        names += ["readiness_cost_intercept", "readiness_cost_retaliate"]
    params = make_parameters(PARAMETERS, names, overrides,
                             f"probe_response('bayesian', stage={stage!r})")
    zero = sympy.Integer(0)
    m_i, m_x = symbol("readiness_cost_intercept"), symbol("readiness_cost_retaliate")
    payoffs = {}
    for kind in TYPES:
        pay = type_payoffs(kind)
        A = [[zero, zero, zero], [pay["A_U"], pay["A_I"], pay["A_X"]]]
        if stage == "posture":
            B = [[zero, -m_i, -m_x], [pay["D_U"], pay["D_I"] - m_i, pay["D_X"] - m_x]]
        else:
            B = [[zero, zero, zero], [pay["D_U"], pay["D_I"], pay["D_X"]]]
        payoffs[kind] = (A, B)
    rho = symbol("resolve_prior")
    return BayesianGame(("Aggressor", "Defender"), (("any",), tuple(TYPES)),
                        (("Refrain", "Probe"), REPLIES),
                        prior={"Defender": {"resolute": rho, "irresolute": 1 - rho}},
                        payoffs=payoffs, parameters=params,
                        title=f"Probing a Defender of uncertain resolve ({stage})")


#: The variants of the family, in the catalog's order. ``repeated`` and ``alliance`` are
#: built by :mod:`gametheory.models.repeated_probe` and :mod:`gametheory.models.alliance`,
#: which register their builders (they import this module, not the other way round).
VARIANTS: tuple[str, ...] = ("sequential", "posture", "swarm", "bayesian", "repeated",
                             "alliance", "observed-posture", "partial-posture")


@register_model(
    title="Cheap deniable probes against an alliance: refrain or probe; "
          "under-react, intercept or retaliate",
    result="regimes from no incentive to probe to retaliation risking escalation, "
           "including probing the response itself invites; non-credible "
           "threats in the normal form; mixed probing under readiness costs or uncertain "
           "resolve",
    citation="docs/model.md; Schelling (1966); Snyder (1961); Zagare and Kilgour (2000)",
    returns="GameTree (sequential, bayesian) | ParametricGame (posture, alliance) | "
            "RepeatedProbeResponse (repeated)",
    variants=VARIANTS, parameters=tuple(PARAMETERS))
def probe_response(variant: str = "sequential", **overrides: Any) -> Any:
    r"""The probe-versus-response model of docs/model.md, in one of its variants.

    Parameters
    ----------
    variant : {"sequential", "posture", "swarm", "bayesian", "repeated", "alliance"}
        ``"sequential"`` (default): a :class:`~gametheory.core.tree.GameTree`, the Aggressor
        refrains or probes, the Defender under-reacts, intercepts or retaliates
        (:func:`sequential_game`; its 2x3 normal form with regime rules is
        :func:`sequential_normal_form`). ``"posture"``: a simultaneous 2x3
        :class:`~gametheory.core.parametric.ParametricGame` with readiness costs
        (:func:`posture_game`). ``"bayesian"``: uncertain Defender resolve as a tree
        whose backward induction is the perfect Bayesian equilibrium
        (:func:`bayesian_tree`; :func:`bayesian_game` gives the Harsanyi form as a
        :class:`~gametheory.core.bayesian.BayesianGame`, also with readiness postures).
        ``"repeated"``: built by :mod:`gametheory.models.repeated_probe`.
        ``"alliance"``: built by :func:`gametheory.models.alliance.alliance`
        (``game=`` picks the alliance game). Each variant's builder registers itself
        (:func:`gametheory.models.registry.register_variant`).
    **overrides
        New defaults for parameters by name (see :data:`PARAMETERS` and the module
        docstring), e.g. ``credibility_loss=5`` or ``interception_prob="9/10"``; numbers
        or exact strings. Unknown names raise :class:`~gametheory.errors.ParameterError`.

    Returns
    -------
    GameTree, ParametricGame or BayesianGame
        With docs/model.md's relations :math:`e_X \ge e_I` and :math:`r_I \le r_U` declared
        (checked by ``.at()``) and, for normal forms, its regime rules
        (``.classify(**values)``).

    Raises
    ------
    GameError
        For an unknown variant, or a declared one whose module is not loaded.

    Examples
    --------
    The subgame-perfect equilibrium keeps only the Defender's best reply after a probe
    (intercepting, at the defaults); the normal form also has a Nash equilibrium in which
    the Aggressor is kept out by a threat to retaliate that the Defender would not carry
    out (retaliating pays it -25/4, intercepting -7/2):

    >>> import gametheory as gt
    >>> tree = gt.models.probe_response("sequential")
    >>> [e.labels for e in tree.backward_induction()]
    [('Refrain', 'Intercept if probed')]
    >>> for c in tree.classify_equilibria():
    ...     if c.equilibrium.is_pure and not c.subgame_perfect:
    ...         print(c.equilibrium.pure_labels(), "rests on a non-credible threat")
    ('Refrain', 'Retaliate if probed') rests on a non-credible threat
    >>> regime(), regime(credibility_loss="1/2"), regime(interception_prob="1/4")
    ('deterrence by denial', 'tolerated probing', 'contested probing')
    >>> gt.models.probe_response("posture", interception_prob="1/4").classify()
    'contested probing'
    """
    return build_variant("probe_response", variant, **overrides)
