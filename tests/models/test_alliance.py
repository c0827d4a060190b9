"""Alliance games: volunteer's dilemma (Diekmann 1985), consensus stag hunt (Jervis 1978;
Harsanyi and Selten 1988), burden sharing (Olson and Zeckhauser 1966).

Closed forms are typed from the cited results, derived with the toolkit's symbolic
functions and compared with exact numeric equilibria at several parameter points.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy
from model_checks import profiles, pure, truth

import gametheory as gt
from gametheory.models.kit import symbol

F = Fraction


def test_volunteers_dilemma_closed_form():
    p = gt.models.volunteers_dilemma()
    b1, b2, c1, c2 = (symbol(n) for n in p.parameter_names)
    eq = p.mixed_equilibrium((("Intercept", "Wait"), ("Intercept", "Wait")))
    assert sympy.simplify(eq.row[0] - (1 - c2 / b2)) == 0
    assert sympy.simplify(eq.col[0] - (1 - c1 / b1)) == 0
    nobody = sympy.simplify(eq.row[1] * eq.col[1])
    assert sympy.simplify(nobody - (c1 / b1) * (c2 / b2)) == 0
    rng = random.Random(21)
    for _ in range(6):
        pt = {}
        for k in ("frontline", "rear"):
            cost = F(rng.randint(1, 12), 4)
            pt[f"intercept_cost_{k}"] = cost
            pt[f"protection_value_{k}"] = cost + F(rng.randint(1, 12), 4)
        x1 = 1 - pt["intercept_cost_rear"] / pt["protection_value_rear"]
        x2 = 1 - pt["intercept_cost_frontline"] / pt["protection_value_frontline"]
        assert profiles(p.at(**pt)) == {(pure(0), pure(1)), (pure(1), pure(0)),
                                        ((x1, 1 - x1), (x2, 1 - x2))}
        assert truth(p.conditions(("Intercept", "Wait")), pt)
        assert not truth(p.conditions(("Wait", "Wait")), pt)
    # The member with more at stake volunteers less often (Diekmann 1993).
    g = p.at(protection_value_frontline=8, protection_value_rear=2, intercept_cost_frontline=1,
             intercept_cost_rear=1)
    (mixed,) = [e for e in g.equilibria() if not e.is_pure]
    assert mixed.row[0] < mixed.col[0]


def test_consensus_stag_hunt_closed_form_and_risk_dominance():
    p = gt.models.consensus_stag_hunt()
    g1, g2, k1, k2, x1, x2 = (symbol(n) for n in p.parameter_names)
    eq = p.mixed_equilibrium((("Support", "Hold back"), ("Support", "Hold back")))
    assert sympy.simplify(eq.row[0] - x2 / (g2 - k2 + x2)) == 0
    assert sympy.simplify(eq.col[0] - x1 / (g1 - k1 + x1)) == 0
    rd = gt.models.consensus_risk_dominance()
    seen = set()
    rng = random.Random(22)
    for _ in range(8):
        pt = {}
        for k in ("frontline", "rear"):
            share = F(rng.randint(0, 8), 2)
            pt[f"retaliation_share_{k}"] = share
            pt[f"deterrence_gain_{k}"] = share + F(rng.randint(1, 8), 2)
            pt[f"exposure_cost_{k}"] = F(rng.randint(1, 8), 2)
        game = p.at(**pt)
        s1 = pt["exposure_cost_rear"] / (pt["deterrence_gain_rear"] - pt["retaliation_share_rear"]
                                         + pt["exposure_cost_rear"])
        s2 = pt["exposure_cost_frontline"] / (pt["deterrence_gain_frontline"]
                                              - pt["retaliation_share_frontline"]
                                              + pt["exposure_cost_frontline"])
        assert profiles(game) == {(pure(0), pure(0)), (pure(1), pure(1)),
                                  ((s1, 1 - s1), (s2, 1 - s2))}
        A, B = game.A, game.B
        at_support = (A[0, 0] - A[1, 0]) * (B[0, 0] - B[0, 1])
        at_hold = (A[1, 1] - A[0, 1]) * (B[1, 1] - B[1, 0])
        if at_support != at_hold:
            assert truth(rd, pt) == (at_support > at_hold)
            seen.add(at_support > at_hold)
    assert seen == {True, False}


def test_burden_sharing_exploitation_of_the_great_by_the_small():
    p = gt.models.burden_sharing()
    cond = p.conditions(("Contribute", "Free-ride"))
    rng = random.Random(23)
    for _ in range(10):
        pt = {"defence_value_large": F(rng.randint(1, 12), 2),
              "defence_value_small": F(rng.randint(1, 12), 2),
              "defence_unit_cost": F(rng.randint(1, 12), 2)}
        bL, bS, c = pt["defence_value_large"], pt["defence_value_small"], pt["defence_unit_cost"]
        assert truth(cond, pt) == (bL >= c >= bS)
        if bL != c and bS != c:  # strict dominance: a unique pure equilibrium
            expected = ("Contribute" if bL > c else "Free-ride",
                        "Contribute" if bS > c else "Free-ride")
            assert [e.pure_labels() for e in p.at(**pt).equilibria()] == [expected]
    (eq,) = p.at().equilibria()
    assert eq.pure_labels() == ("Contribute", "Free-ride")
    # ... although a second unit is worth more to the alliance than it costs
    d = p.defaults()
    assert d["defence_value_large"] + d["defence_value_small"] > d["defence_unit_cost"]


def test_alliance_dispatcher():
    assert gt.models.alliance("consensus_stag_hunt").strategies[0] == ("Support", "Hold back")
    assert gt.models.alliance("volunteers_dilemma", intercept_cost_rear=1).shape == (2, 2)
    with pytest.raises(gt.GameError, match="volunteers_dilemma"):
        gt.models.alliance("coalition")
