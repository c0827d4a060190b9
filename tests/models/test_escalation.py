"""The escalation ladder: its tree, the brinkmanship benchmark in closed form, thresholds.

The closed form (:func:`gametheory.models.brinkmanship_outcome`) is a recursion derived by
hand in the module docstring; the tree is solved by the project's backward induction.
They are independent computations and must agree at every random exact point.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

import gametheory as gt
from gametheory.errors import GameError
from gametheory.models.escalation import MAX_RUNGS

Rung = gt.models.Rung


def _pure_ladder(rng: random.Random, k: int) -> tuple[Rung, ...]:
    # risks strictly inside (0, 1): at a riskless rung, climbing only to yield later ties
    risks = [Fraction(rng.randint(1, 19), 20) for _ in range(k - 1)] + [Fraction(1)]
    return tuple(Rung(f"r{j + 1}", p) for j, p in enumerate(risks))


def _zero_costs(**values: object) -> dict[str, object]:
    return {"backdown_cost_aggressor": 0, "backdown_cost_defender": 0, **values}


def test_closed_form_agrees_with_backward_induction_on_random_ladders():
    rng = random.Random(20251007)
    checked = 0
    for _ in range(60):
        k = rng.randint(1, 5)
        rungs = _pure_ladder(rng, k)
        values = _zero_costs(
            stake_aggressor=rng.randint(1, 12), stake_defender=rng.randint(1, 12),
            war_cost_aggressor=rng.randint(1, 60), war_cost_defender=rng.randint(1, 60))
        rho = (Fraction(values["stake_aggressor"], values["stake_aggressor"]
                        + values["war_cost_aggressor"]),
               Fraction(values["stake_defender"], values["stake_defender"]
                        + values["war_cost_defender"]))
        if any(r.war_risk == rho[j % 2] for j, r in enumerate(rungs)):
            continue  # exact ties: both replies are optimal (tested separately)
        tree = gt.models.escalation_ladder(rungs, hold=False)
        challenge, _ = gt.models.brinkmanship_outcome(rungs, values)
        (eq,) = tree.backward_induction(**values)
        if challenge:
            assert eq.path[0] == "Climb to r1"
            # the crisis never climbs past rung 1: the Defender yields at once
            moves = [m for m in eq.path if m != "contained"]
            assert moves in (["Climb to r1", "Yield"], ["Climb to r1"])
            (out,) = gt.models.ladder_outcomes(tree, **values)
            assert out.war_probability == rungs[0].war_risk
            if rungs[0].war_risk < 1:
                assert (out.how, out.stopper) == ("yield", "Defender")
        else:
            assert eq.path == ("Hold",)
        checked += 1
    assert checked > 40


def test_climb_threshold_is_the_war_cost_ratio():
    rungs = (Rung("threat", "1/4"), Rung("war", 1))
    assert gt.models.climb_thresholds(rungs) == {"threat": 3, "war": 0}
    tree = gt.models.escalation_ladder(rungs, hold=False)
    base = _zero_costs(stake_aggressor=2, war_cost_defender=100)
    below = tree.backward_induction(**base, war_cost_aggressor=Fraction(599, 100))
    above = tree.backward_induction(**base, war_cost_aggressor=Fraction(601, 100))
    assert [e.path[0] for e in below] == ["Climb to threat"]
    assert [e.path for e in above] == [("Hold",)]
    # at w_A / v_A = 3 exactly the Aggressor is indifferent: both plans are subgame perfect
    tie = tree.backward_induction(**base, war_cost_aggressor=6)
    assert sorted(e.path[0] for e in tie) == ["Climb to threat", "Hold"]
    assert all(e.ties for e in tie)


def test_default_drone_ladder_settles_at_interception():
    tree = gt.models.escalation_ladder()
    (out,) = gt.models.ladder_outcomes(tree)
    assert out.rung == "interception (Eastern Sentry)"
    assert out.how == "stalemate"
    assert out.war_probability == Fraction(1, 100)
    # the payoffs are the tree's own: settle at rung 2 after surviving its risk
    (eq,) = tree.backward_induction()
    assert out.payoffs == tuple(eq.payoffs)
    vd, wa, wd = 6, 40, 30
    assert out.payoffs == (Fraction(99, 100) * (1 - Fraction(1, 4)) - Fraction(wa, 100),
                           Fraction(99, 100) * (vd - 1 - 1) - Fraction(wd, 100))


def test_a_costlier_war_deters_the_first_probe():
    tree = gt.models.escalation_ladder()
    (out,) = gt.models.ladder_outcomes(tree, war_cost_aggressor=80)
    assert out.how == "status quo" and out.war_probability == 0


def test_hold_lets_the_crisis_settle_above_the_first_rung():
    # the benchmark's "no escalation" is a complete-information result without standing
    # gains: with holds and gains the default ladder climbs two rungs on the path
    (out,) = gt.models.ladder_outcomes(gt.models.escalation_ladder())
    climbs = [m for m in out.path if m.startswith("Climb")]
    assert len(climbs) == 2


@pytest.mark.parametrize("bad, message", [
    ((), "1 to"),
    (tuple(Rung(f"r{i}", "1/2") for i in range(MAX_RUNGS + 1)), "1 to"),
    ((Rung("a", "1/2"), Rung("a", 1)), "distinct"),
])
def test_bad_ladders_are_refused(bad, message):
    with pytest.raises(GameError, match=message):
        gt.models.escalation_ladder(bad)


def test_bad_rungs_are_refused():
    with pytest.raises(GameError, match="war risk"):
        Rung("x", "3/2")
    with pytest.raises(GameError, match="name"):
        Rung(" ", "1/2")


def test_ladder_is_registered_with_its_citation():
    from gametheory.models.registry import MODELS
    assert "Powell" in MODELS["escalation_ladder"].citation
