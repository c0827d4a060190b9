r"""Deniable probes under imperfect attribution: the monotone results of Baliga et al. (2020).

The game
--------
The Aggressor chooses ``Refrain`` or ``Probe``. The Defender does not see the probe
itself, only an attribution signal: it arrives with probability :math:`a` after a probe
(attribution accuracy) and with probability :math:`f < a` without one (a false alarm: a
stray drone, another actor, a misread radar track). The Defender's strategy is a policy
for the signal: ``Ignore`` it or ``Retaliate if attributed``. Retaliation harms the
Aggressor by :math:`s` and costs the Defender :math:`k`; retaliating against a real
culprit wins back the credibility :math:`r_U` that an unanswered probe costs, on top of
the probe's damage :math:`h`. Expected payoffs (rows Aggressor, columns Defender):

.. math::
    \begin{array}{c|cc}
     & \text{Ignore} & \text{Retaliate if attributed}\\ \hline
    \text{Refrain} & 0,\ 0 & -f s,\ -f k\\
    \text{Probe} & v - c_p,\ -h - r_U & v - c_p - a s,\ -h - r_U + a (r_U - k)
    \end{array}

Because a false alarm comes with positive probability whatever the Aggressor does, the
retaliation policy is judged on the Defender's posterior after a signal and no threat
here is empty (no subgame is left unreached).

Result
------
With :math:`0 < f < a`, :math:`r_U > k > 0` and :math:`0 < v - c_p < (a - f) s`, the
unique equilibrium is mixed, as in Baliga, Bueno de Mesquita and Wolitzky (2020): the
Aggressor probes with probability

.. math:: q^* = \frac{f k}{f k + a (r_U - k)}

(the probability that makes the Defender indifferent about retaliating on a signal) and
the Defender retaliates on a signal with probability

.. math:: x^* = \frac{v - c_p}{(a - f) s}.

Better attribution (higher :math:`a`) lowers both; more false alarms (higher :math:`f`)
raise both: noise in attribution invites deniable probing and makes punishment of the
guilty rarer. With perfect attribution (:math:`f = 0`) and :math:`a s > v - c_p`, pure
deterrence (Refrain, Retaliate if attributed) returns.

Scope: this is a stylised one-attacker reduction of Baliga, Bueno de Mesquita and
Wolitzky (2020), whose model has several potential attackers and a continuum of types.
It reproduces only their *monotone* results: better detection and fewer false alarms
strengthen deterrence. Their other findings cannot arise here: the strategic
complementarity among attackers (one attacker's aggression makes the others less
suspect and so more aggressive), and improvements in attribution that backfire
(detecting more attacks whose author is hard to identify, or pursuing too much certainty
in attribution).

References
----------
Baliga, S., Bueno de Mesquita, E. and Wolitzky, A. (2020). Deterrence with imperfect
attribution. *American Political Science Review* 114(4), 1155-1178.
"""

from __future__ import annotations

import sympy

from ..core.parametric import ParametricGame
from .kit import ParameterSpec, ParameterValue, make_game, spec, specs, symbol
from .probe_response import PARAMETERS
from .registry import register_model

__all__ = ["attribution_game"]

ATTRIBUTION_PARAMETERS: dict[str, ParameterSpec] = {
    **{n: PARAMETERS[n] for n in ("probe_value", "probe_cost", "retaliation_damage",
                                  "probe_damage", "credibility_loss")},
    **specs(
        spec("attribution_accuracy", "a", "3/4", "probability that a probe is attributed "
             "to the Aggressor (a signal arrives)", bounds=(0, 1), unit="probability"),
        spec("false_alarm_prob", "f", "1/10", "probability of a signal blaming the "
             "Aggressor when it did not probe", bounds=(0, 1), unit="probability"),
        spec("retaliation_cost", "k", 2, "Defender's total cost and risk of one "
             "retaliation", unit="payoff units (status quo = 0)"),
    ),
}


@register_model(
    title="Deniable probes under imperfect attribution",
    result="mixed: probe w.p. fk/(fk + a(r_U - k)), retaliate on a signal w.p. "
           "(v - c_p)/((a - f)s)",
    citation="after Baliga, Bueno de Mesquita and Wolitzky (2020), monotone results only",
    returns="ParametricGame")
def attribution_game(**overrides: ParameterValue) -> ParametricGame:
    r"""Deniable probes under imperfect attribution (see the module docstring).

    A one-attacker reduction that reproduces only the monotone comparative statics of
    Baliga, Bueno de Mesquita and Wolitzky (2020); their multi-attacker, non-monotone
    results are out of its reach.

    Parameters
    ----------
    **overrides
        New defaults for ``probe_value`` :math:`v` (4), ``probe_cost`` :math:`c_p` (1),
        ``retaliation_damage`` :math:`s` (6), ``probe_damage`` :math:`h` (2),
        ``credibility_loss`` :math:`r_U` (3), ``attribution_accuracy`` :math:`a` (3/4),
        ``false_alarm_prob`` :math:`f` (1/10), ``retaliation_cost`` :math:`k` (2).

    Returns
    -------
    ParametricGame
        Players ``("Aggressor", "Defender")``; strategies ``("Refrain", "Probe")`` and
        ``("Ignore", "Retaliate if attributed")``.

    Notes
    -----
    Closed form (module docstring): probing probability :math:`fk/(fk + a(r_U-k))`,
    retaliation probability :math:`(v - c_p)/((a - f)s)`.

    Examples
    --------
    >>> import gametheory as gt
    >>> [(e.row[1], e.col[1]) for e in gt.models.attribution_game().at().equilibria()]
    [(Fraction(4, 19), Fraction(10, 13))]
    """
    v, cp, s, h, rU, a, f, k = (symbol(n) for n in ATTRIBUTION_PARAMETERS)
    zero = sympy.Integer(0)
    A = [[zero, -f * s], [v - cp, v - cp - a * s]]
    B = [[zero, -f * k], [-h - rU, -h - rU + a * (rU - k)]]
    return make_game(ATTRIBUTION_PARAMETERS, A, B, players=("Aggressor", "Defender"),
                     strategies=(("Refrain", "Probe"), ("Ignore", "Retaliate if attributed")),
                     title="Deniable probes under imperfect attribution",
                     overrides=overrides, model="attribution_game",
                     constraints=(f < a, k < rU))
