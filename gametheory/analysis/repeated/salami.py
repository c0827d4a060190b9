r"""Salami tactics: a campaign of small incursions against a per-incident tolerance.

Schelling (1966, ch. 2, "salami tactics") observed that a commitment to respond can be
defeated by slicing a transgression into pieces, each too small to be worth the response:
"no one step is large enough to trigger the response". The model here makes the
arithmetic explicit.

The model
---------
The Defender judges incidents one at a time: it responds to an incident of size
:math:`x` iff its damage exceeds the cost of responding, :math:`h x > c`, i.e. iff
:math:`x` exceeds the *tolerance* :math:`\tau = c / h` (ties go to the less escalatory
reply, as in docs/model.md). The Aggressor, knowing :math:`\tau`, takes the largest slice that
is not answered, :math:`x_t = \tau_t`. Each unanswered incident *normalises* the next:
:math:`\tau_{t+1} = \tau_t + \kappa x_t` with normalisation rate :math:`\kappa \ge 0`.
After :math:`N` incidents the Aggressor holds

.. math:: X_N = \sum_{t<N} x_t = \begin{cases} N \tau_0, & \kappa = 0,\\
          \tau_0 \dfrac{(1+\kappa)^N - 1}{\kappa}, & \kappa > 0, \end{cases}

although the Defender would have paid :math:`c` to stop the whole campaign at once as soon
as :math:`X > \tau_0`, i.e. from the second slice on: the *salami gap* is
:math:`X_N - \tau_0`. A *cumulative red line* :math:`R` (respond once the total exceeds
:math:`R`) caps the take at :math:`R`: the Aggressor stops exactly at the line, which is
why declared red lines are drawn on totals rather than incidents. An Aggressor who pays a
cost :math:`c_p` per incident and values each unit at :math:`v` goes on only while
:math:`v x_t > c_p`.

References
----------
Schelling, T. C. (1966). *Arms and Influence*. Yale University Press, chapter 2.
Snyder, G. H. (1961). *Deterrence and Defense*. Princeton University Press.

Examples
--------
>>> r = salami_campaign(tolerance=1, periods=5, normalisation="1/2")
>>> [str(x) for x in r.slices]
['1', '3/2', '9/4', '27/8', '81/16']
>>> r.total, r.gap
(Fraction(211, 16), Fraction(195, 16))
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..._numbers import NotANumber, to_number
from ...errors import ParameterError

__all__ = ["salami_campaign", "SalamiCampaign", "tolerance_from_costs", "salami_total"]


def _num(v: Any, name: str, positive: bool = False) -> Fraction | float:
    try:
        f = to_number(v)
    except NotANumber as err:
        raise ParameterError(f"{name}: {err}") from None
    if f < 0 or (positive and f == 0):
        raise ParameterError(f"{name} must be {'positive' if positive else 'non-negative'}, "
                             f"got {f}")
    return f


def tolerance_from_costs(response_cost: Any, damage_per_unit: Any) -> Fraction | float:
    """The per-incident tolerance :math:`\\tau = c / h`: larger incidents are answered.

    >>> tolerance_from_costs(3, 2)
    Fraction(3, 2)
    """
    c = _num(response_cost, "response_cost")
    h = _num(damage_per_unit, "damage_per_unit", positive=True)
    return c / h


def salami_total(tolerance: Any, periods: int, normalisation: Any = 0) -> Fraction | float:
    """Closed form of the total take :math:`X_N` without a red line (see module doc).

    >>> salami_total(1, 5, "1/2")
    Fraction(211, 16)
    """
    tau = _num(tolerance, "tolerance")
    k = _num(normalisation, "normalisation")
    if k == 0:
        return periods * tau
    return tau * ((1 + k) ** periods - 1) / k


@dataclass(frozen=True)
class SalamiCampaign:
    """The outcome of a salami campaign.

    Attributes
    ----------
    slices : tuple
        Size of each incident taken.
    tolerances : tuple
        The Defender's tolerance before each incident.
    cumulative : tuple
        Running total after each incident.
    total : number
        What the Aggressor takes.
    gap : number
        ``total - initial tolerance``: how much more than a single unanswered incident
        the campaign takes without ever triggering a response.
    stopped_by : str
        ``"horizon"``, ``"red line"`` (the cumulative line binds) or ``"cost"`` (slices
        no longer pay for the incident cost).
    aggressor_payoff, defender_loss : number
        :math:`\\sum_t (v x_t - c_p)` and :math:`h \\cdot` total (when ``damage_per_unit``
        is known, else None).
    """

    slices: tuple
    tolerances: tuple
    cumulative: tuple
    total: Any
    gap: Any
    stopped_by: str
    aggressor_payoff: Any
    defender_loss: Any

    @property
    def incidents(self) -> int:
        return len(self.slices)

    def __repr__(self) -> str:
        return (f"SalamiCampaign({self.incidents} incidents, total {self.total}, gap "
                f"{self.gap}, stopped by {self.stopped_by})")


def salami_campaign(tolerance: Any = None, periods: int = 10, normalisation: Any = 0,
                    red_line: Any = None, response_cost: Any = None,
                    damage_per_unit: Any = None, value_per_unit: Any = 1,
                    incident_cost: Any = 0) -> SalamiCampaign:
    """Simulate the Aggressor's best salami campaign against a per-incident tolerance.

    Parameters
    ----------
    tolerance : number, optional
        Initial tolerance :math:`\\tau_0`; or give ``response_cost`` and
        ``damage_per_unit`` (:math:`\\tau_0 = c/h`).
    periods : int
        Number of incidents the Aggressor can stage.
    normalisation : number
        :math:`\\kappa`: each unanswered incident raises the tolerance by :math:`\\kappa`
        times its size.
    red_line : number, optional
        A cumulative threshold: the Defender responds once the total exceeds it.
    value_per_unit, incident_cost : number
        The Aggressor's value of a unit taken and its cost per incident.

    Examples
    --------
    >>> salami_campaign(tolerance=2, periods=10, red_line=7).slices
    (Fraction(2, 1), Fraction(2, 1), Fraction(2, 1), Fraction(1, 1))
    """
    if tolerance is None:
        if response_cost is None or damage_per_unit is None:
            raise ParameterError("give tolerance=, or response_cost= and damage_per_unit=")
        tau = tolerance_from_costs(response_cost, damage_per_unit)
    else:
        tau = _num(tolerance, "tolerance")
    if not isinstance(periods, int) or isinstance(periods, bool) or periods < 0:
        raise ParameterError(f"periods must be a non-negative integer, got {periods!r}")
    k = _num(normalisation, "normalisation")
    R = None if red_line is None else _num(red_line, "red_line")
    v = _num(value_per_unit, "value_per_unit")
    cp = _num(incident_cost, "incident_cost")
    h = None if damage_per_unit is None else _num(damage_per_unit, "damage_per_unit")
    slices, tols, cum = [], [], []
    total = 0 * tau
    pay = 0 * tau
    stopped = "horizon"
    cur = tau
    for _ in range(periods):
        x = cur
        if R is not None:
            x = min(x, R - total)
            if x <= 0:
                stopped = "red line"
                break
        if v * x <= cp:
            stopped = "cost"
            break
        tols.append(cur)
        slices.append(x)
        total += x
        pay += v * x - cp
        cum.append(total)
        cur = cur + k * x
        if R is not None and total >= R:
            stopped = "red line"
            break
    loss = None if h is None else h * total
    return SalamiCampaign(tuple(slices), tuple(tols), tuple(cum), total, total - tau, stopped,
                          pay, loss)
