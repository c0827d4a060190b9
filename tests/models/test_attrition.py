"""The attrition campaign: the exact recursion against the generic tree solver, saturation,
the strike threshold, and bad input."""

from __future__ import annotations

from fractions import Fraction

import pytest

import gametheory as gt
from gametheory.errors import GameError
from gametheory.models.attrition import solve_campaign


@pytest.mark.parametrize("fields", [
    {"rounds": 1},
    {"rounds": 2, "stock": 1},
    {"rounds": 2, "stock": 3, "strike_cost_defender": 3},
    {"rounds": 3, "max_salvo": 1, "stock": 1, "capacity": 2, "restock": 1},
    {"rounds": 2, "kill_prob": "1/2", "saturation": 1, "leak_value": 3},
])
def test_recursion_agrees_with_backward_induction_on_the_full_tree(fields):
    campaign = gt.models.attrition_campaign(**fields)
    solution = campaign.solve()
    spe = gt.models.campaign_tree(campaign).backward_induction()
    payoffs = {tuple(e.payoffs) for e in spe}
    assert solution.payoffs in payoffs
    if solution.ties == 0:
        assert payoffs == {solution.payoffs}


def test_stage_payoffs_and_saturation_by_hand():
    c = gt.models.attrition_campaign()
    # q(n) = 9/10 * 4 / (4 + n): one drone is killed with 18/25, two with 3/5 each
    assert c.kill(1) == Fraction(18, 25) and c.kill(2) == Fraction(3, 5)
    ua, ud = c.stage(2, 2, 0)
    leak = 2 - 2 * Fraction(3, 5)
    assert ua == leak * 1 - Fraction(2, 10)
    assert ud == -2 * leak - 2 * Fraction(1, 2)


def test_a_long_campaign_is_deterred_by_the_strike_threat():
    # over 20 rounds the Defender's campaign value is below the strike payoff -K_D, so a
    # salvo would be met by a strike; the Aggressor holds fire until near the end
    solution = gt.models.attrition_campaign(rounds=20).solve()
    salvos = [r.salvo for r in solution.path]
    assert salvos[0] == 0 and salvos[-1] > 0
    assert not any(r.strike for r in solution.path)
    # a strike that costs the Defender more than the whole campaign deters nothing
    costly = gt.models.attrition_campaign(rounds=20, strike_cost_defender=100).solve()
    assert all(r.salvo == 2 for r in costly.path)


def test_exchange_ratio_is_spending_over_spending():
    solution = gt.models.attrition_campaign(rounds=3).solve()
    first = solution.path[0]
    assert first.exchange_ratio == (Fraction(1, 2) * first.fired + Fraction(1, 4)
                                    * first.bought) / (Fraction(1, 10) * first.salvo)


def test_discount_enters_exactly():
    c = gt.models.attrition_campaign(rounds=1)
    assert c.solve("1/2").payoffs == c.solve().payoffs  # one round: nothing to discount
    two = gt.models.attrition_campaign(rounds=2)
    assert two.solve("1/2").payoffs != two.solve().payoffs


@pytest.mark.parametrize("fields, message", [
    ({"rounds": 0}, "at least one round"),
    ({"stock": 7, "capacity": 6}, "exceeds capacity"),
    ({"max_salvo": 10**6}, "max_salvo"),
    ({"kill_prob": 2}, "kill_prob"),
    ({"saturation": 0}, "saturation"),
    ({"drone_cost": float("nan")}, "drone_cost"),
    ({"rounds": True}, "rounds"),
    ({"volleys": 3}, "attrition_campaign"),
])
def test_bad_campaigns_are_refused(fields, message):
    with pytest.raises(GameError, match=message):
        gt.models.attrition_campaign(**fields)


def test_bad_discount_and_oversized_tree_are_refused():
    c = gt.models.attrition_campaign(rounds=3)
    with pytest.raises(GameError, match="discount"):
        solve_campaign(c, 0)
    with pytest.raises(GameError, match="nodes"):
        gt.models.campaign_tree(c, max_nodes=100)
