r"""The deniable probe: interception needs no attribution, retaliation needs it.

The game
--------
The probe-response game of docs/model.md with the culprit in doubt. The Aggressor
refrains or probes (probability :math:`x`); independently, *another culprit* (a proxy, a
stray drone of a neighbouring war) sends an incursion with probability :math:`\eta`. For
each incursion the Defender receives an attribution signal of quality
:math:`q \in [1/2, 1)`: it names the true culprit with probability :math:`q` (signal
``attributed`` names the Aggressor, ``unattributed`` names someone else). Knowing the
signal, not the culprit, it under-reacts (U), intercepts (I) or intercepts and
retaliates against the Aggressor (X). Payoffs per incursion, culprit Aggressor / other:

=========  =====================================  ====================================
reply      Defender (Aggressor / other culprit)    Aggressor (its own probe)
=========  =====================================  ====================================
U          :math:`-h - r_U` / :math:`-h`          :math:`v - c_p`
I          :math:`-(1-\pi)h - c_I - r_I` /         :math:`(1-\pi)v - c_p`
           :math:`-(1-\pi)h - c_I`
X          :math:`-(1-\pi)h - c_I - c_X` /         :math:`(1-\pi)v - c_p - s`
           :math:`-(1-\pi)h - c_I - c_X - M`
=========  =====================================  ====================================

Interception works whoever sent the drone; retaliation restores the credibility
:math:`r_I` an interception leaves lost only if it hits the culprit, and costs
:math:`M` more (escalation with, and the punishment of, an innocent party) if not. The
Aggressor also suffers :math:`s` whenever the Defender retaliates after another
culprit's incursion, whatever it did itself: punishing the innocent does not deter.

Result
------
Retaliation beats interception at the posterior :math:`\mu` that the Aggressor is the
culprit iff :math:`\mu \ge \mu^* = (c_X + M)/(r_I + M)`. After an attributing signal
:math:`\mu_A(x) = xq / (xq + \eta(1-q))`. With :math:`A_I = (1-\pi)v - c_p > 0`
(interception alone does not deter), interception beating under-reaction for both
culprits (:math:`c_I < \pi h`, :math:`c_I + r_I < \pi h + r_U`), :math:`r_I > c_X`,
the unique equilibrium is:

* poor attribution, :math:`q < q_1 = \mu^*\eta / (1 - \mu^* + \mu^*\eta)`: the Aggressor
  probes for sure and the Defender **intercepts every incursion** (deterrence by denial;
  even a certain probe leaves the attributing signal too weak to retaliate on);
* better attribution, :math:`q > q_1`: the Defender **retaliates after an attributing
  signal** with probability :math:`y = A_I / (q s)` (capped at 1) and intercepts
  otherwise; the Aggressor probes with probability
  :math:`x = \mu^*\eta(1-q) / ((1-\mu^*) q)`, falling in :math:`q`.

So better attribution moves the Defender from denial to punishment and lowers probing,
the monotone result of Baliga, Bueno de Mesquita and Wolitzky (2020); their results
that need several *strategic* attackers (one attacker's aggression making the others
less suspect) are not reproduced: the other culprit here is not strategic.

References
----------
Baliga, S., Bueno de Mesquita, E. and Wolitzky, A. (2020). Deterrence with imperfect
attribution. *American Political Science Review* 114(4), 1155-1178.
Snyder, G. H. (1961). *Deterrence and Defense*. Princeton University Press (denial
versus punishment).

Examples
--------
>>> eq = deniable_probe_equilibrium()
>>> eq.probe, eq.defender["attributed"]
(Fraction(5, 12), {'U': Fraction(0, 1), 'I': Fraction(7, 9), 'X': Fraction(2, 9)})
>>> deniable_probe_equilibrium(attribution_quality="1/2").regime
'denial: intercept every incursion'
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from ..core.parametric import ParametricGame
from ..errors import SolverError
from .kit import ParameterSpec, ParameterValue, make_game, resolve_point, spec, specs, symbol
from .probe_response import PARAMETERS
from .registry import register_model

__all__ = ["deniable_probe", "deniable_probe_equilibrium", "DeniableProbeEquilibrium",
           "REPLIES", "SIGNALS"]

REPLIES = ("U", "I", "X")
SIGNALS = ("attributed", "unattributed")
_F0, _F1 = Fraction(0), Fraction(1)

_SHARED = {"probe_value": None, "probe_cost": None, "interception_prob": "1/2",
           "retaliation_damage": None, "probe_damage": None, "credibility_loss": 4,
           "residual_credibility_loss": 3, "intercept_cost": "1/2", "retaliation_cost": 1}

DENIABLE_PARAMETERS: dict[str, ParameterSpec] = {
    **{n: (PARAMETERS[n] if d is None else
           dataclasses.replace(PARAMETERS[n], default=Fraction(d)))
       for n, d in _SHARED.items()},
    **specs(
        spec("attribution_quality", "q", "3/4", "probability that the attribution signal "
             "names the true culprit", bounds=("1/2", 1), unit="probability"),
        spec("other_incursion_prob", r"\eta", "1/2", "probability of an incursion by "
             "another culprit", bounds=(0, 1), unit="probability"),
        spec("wrong_target_cost", "M", 4, "Defender's extra cost of retaliating against "
             "the Aggressor for another culprit's incursion", unit="payoff units"),
    ),
}


def _pieces(P: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Per-incursion payoffs: Defender if the culprit is the Aggressor, if another, and
    the Aggressor's payoff from its own probe, by reply."""
    v, cp, pi, s, h = (P[n] for n in ("probe_value", "probe_cost", "interception_prob",
                                      "retaliation_damage", "probe_damage"))
    rU, rI, cI, cX, M = (P[n] for n in ("credibility_loss", "residual_credibility_loss",
                                        "intercept_cost", "retaliation_cost",
                                        "wrong_target_cost"))
    base = -(1 - pi) * h - cI
    d_agg = {"U": -h - rU, "I": base - rI, "X": base - cX}
    d_other = {"U": -h, "I": base, "X": base - cX - M}
    agg = {"U": v - cp, "I": (1 - pi) * v - cp, "X": (1 - pi) * v - cp - s}
    return d_agg, d_other, agg


@register_model(
    title="The deniable probe: interception needs no attribution, retaliation needs it",
    result="q < mu*eta/(1 - mu* + mu*eta): intercept everything; above: retaliate after "
           "attribution w.p. A_I/(qs), probing falls in q",
    citation="after Baliga, Bueno de Mesquita and Wolitzky (2020), monotone results only",
    returns="ParametricGame")
def deniable_probe(**overrides: ParameterValue) -> ParametricGame:
    r"""The deniable probe as a normal form: the Aggressor's ``Refrain`` / ``Probe``
    against the Defender's plans ``"r_A / r_N"`` (its reply after an attributing and
    after a non-attributing signal, each U, I or X), payoffs in expectation over
    culprits and signals. Every information set of the Defender is reached when
    :math:`\eta > 0` and :math:`q < 1`, so its Nash equilibria are sequentially rational.

    Parameters
    ----------
    **overrides
        New defaults for the probe-response parameters ``probe_value`` (4),
        ``probe_cost`` (1), ``interception_prob`` (1/2), ``retaliation_damage`` (6),
        ``probe_damage`` (2), ``credibility_loss`` (4), ``residual_credibility_loss`` (3),
        ``intercept_cost`` (1/2), ``retaliation_cost`` (1), and ``attribution_quality``
        :math:`q` (3/4), ``other_incursion_prob`` :math:`\eta` (1/2),
        ``wrong_target_cost`` :math:`M` (4).

    Returns
    -------
    ParametricGame

    Examples
    --------
    >>> import gametheory as gt
    >>> [(e.row[1], e.col) for e in gt.models.deniable_probe().at().equilibria()][0][0]
    Fraction(5, 12)
    """
    P = {n: symbol(n) for n in DENIABLE_PARAMETERS}
    d_agg, d_other, agg = _pieces(P)
    q, eta = P["attribution_quality"], P["other_incursion_prob"]
    s = P["retaliation_damage"]
    A: list[list[sympy.Expr]] = [[], []]
    B: list[list[sympy.Expr]] = [[], []]
    plans = list(itertools.product(REPLIES, repeat=2))
    for ra, rn in plans:
        other_d = eta * ((1 - q) * d_other[ra] + q * d_other[rn])
        framed = -eta * s * ((1 - q) * int(ra == "X") + q * int(rn == "X"))
        A[0].append(sympy.sympify(framed))
        B[0].append(sympy.sympify(other_d))
        A[1].append(q * agg[ra] + (1 - q) * agg[rn] + framed)
        B[1].append(q * d_agg[ra] + (1 - q) * d_agg[rn] + other_d)
    return make_game(DENIABLE_PARAMETERS, A, B, players=("Aggressor", "Defender"),
                     strategies=(("Refrain", "Probe"), tuple(f"{a} / {n}" for a, n in plans)),
                     title="The deniable probe", overrides=overrides, model="deniable_probe")


@dataclass(frozen=True)
class DeniableProbeEquilibrium:
    """The equilibrium of the deniable probe at a point: the probing probability, the
    Defender's reply distribution and posterior at each signal, and the regime."""

    probe: Fraction
    defender: dict[str, dict[str, Fraction]]
    posterior: dict[str, Fraction]
    regime: str


def deniable_probe_equilibrium(**values: ParameterValue) -> DeniableProbeEquilibrium:
    r"""The equilibrium at a point, exactly, by the closed form of the module docstring.

    Raises
    ------
    SolverError
        Outside the stated assumptions (:math:`A_I > 0`, interception beating
        under-reaction for both culprits, :math:`r_I > c_X`, :math:`\eta > 0`,
        :math:`q < 1`).

    Examples
    --------
    >>> deniable_probe_equilibrium(attribution_quality="9/10").probe
    Fraction(5, 36)
    """
    P = resolve_point(DENIABLE_PARAMETERS, values, list(DENIABLE_PARAMETERS), "deniable_probe")
    P = {k: Fraction(v) for k, v in P.items()}
    d_agg, d_other, agg = _pieces(P)
    q, eta, s = P["attribution_quality"], P["other_incursion_prob"], P["retaliation_damage"]
    rI, cX, M = P["residual_credibility_loss"], P["retaliation_cost"], P["wrong_target_cost"]
    if not (agg["I"] > 0 and d_other["I"] > d_other["U"] and d_agg["I"] > d_agg["U"]
            and rI > cX and eta > 0 and q < 1):
        raise SolverError("deniable_probe_equilibrium needs A_I > 0, interception beating "
                          "under-reaction for both culprits, r_I > c_X, eta > 0 and q < 1")
    mu_star = (cX + M) / (rI + M)
    q1 = mu_star * eta / (1 - mu_star + mu_star * eta)

    def post(x: Fraction, s_: str) -> Fraction:
        hit = q if s_ == "attributed" else 1 - q
        return x * hit / (x * hit + eta * (1 - hit))

    intercept = {"U": _F0, "I": _F1, "X": _F0}
    if q <= q1:
        x, regime = _F1, "denial: intercept every incursion"
        beh = {"attributed": dict(intercept), "unattributed": dict(intercept)}
    else:
        x = mu_star * eta * (1 - q) / ((1 - mu_star) * q)
        y = agg["I"] / (q * s)
        if y > 1:  # even certain retaliation on attribution leaves probing profitable
            x, y = _F1, _F1
        regime = "punishment after attribution"
        beh = {"attributed": {"U": _F0, "I": 1 - y, "X": y}, "unattributed": dict(intercept)}
    return DeniableProbeEquilibrium(x, beh, {s_: post(x, s_) for s_ in SIGNALS}, regime)
