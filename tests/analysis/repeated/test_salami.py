"""Salami tactics (Schelling 1966, ch. 2): the campaign's total against closed forms."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.analysis.repeated.salami import salami_campaign, salami_total, tolerance_from_costs
from gametheory.models.repeated_probe import salami_probe_response


@settings(max_examples=40, deadline=None)
@given(st.fractions(F(1, 10), F(10)), st.integers(0, 12), st.fractions(F(0), F(2)))
def test_total_matches_geometric_closed_form(tau, n, kappa):
    c = salami_campaign(tolerance=tau, periods=n, normalisation=kappa)
    # X_N = N tau (kappa = 0) or tau ((1 + kappa)^N - 1) / kappa
    want = n * tau if kappa == 0 else tau * ((1 + kappa) ** n - 1) / kappa
    assert c.total == want == salami_total(tau, n, kappa)
    assert c.incidents == n and c.stopped_by == "horizon"
    # no slice ever exceeds the tolerance in force: the Defender never responds
    assert all(x <= t for x, t in zip(c.slices, c.tolerances, strict=True))
    if n >= 2:
        assert c.gap == want - tau and c.gap > 0   # more than one incident's worth


@settings(max_examples=30, deadline=None)
@given(st.fractions(F(1, 10), F(5)), st.integers(1, 12), st.fractions(F(1, 10), F(30)))
def test_cumulative_red_line_caps_the_take(tau, n, R):
    c = salami_campaign(tolerance=tau, periods=n, red_line=R)
    assert c.total == min(n * tau, R)
    assert all(x > 0 for x in c.slices)


def test_costs_and_stopping():
    assert tolerance_from_costs(3, 2) == F(3, 2)
    c = salami_campaign(response_cost=3, damage_per_unit=2, periods=4)
    assert c.total == 6 and c.defender_loss is not None and c.defender_loss == 12
    # slices too small to pay for the incident cost: no campaign
    c = salami_campaign(tolerance=1, periods=5, value_per_unit=1, incident_cost=1)
    assert c.incidents == 0 and c.stopped_by == "cost"
    c = salami_campaign(tolerance=1, periods=3, value_per_unit=3, incident_cost=1)
    assert c.aggressor_payoff == 3 * (3 * 1 - 1)
    with pytest.raises(gt.ParameterError, match="tolerance="):
        salami_campaign(periods=3)
    with pytest.raises(gt.ParameterError, match="damage_per_unit"):
        tolerance_from_costs(1, 0)


def test_probe_response_salami():
    # docs/model.md at r_U = 1/2: tau = (c_I + e_I W_D) / (pi h + r_U - r_I) = 2 / (3/2) = 4/3
    c = salami_probe_response(periods=5)
    assert c.slices[0] == F(4, 3) and c.total == F(20, 3)
    # a stronger public commitment (higher r_U) lowers the tolerance: r_U = 3 -> 2/4 = 1/2
    c = salami_probe_response(periods=5, credibility_loss=3)
    assert c.slices[0] == F(1, 2)
