"""Deniable probes under imperfect attribution (the monotone results of Baliga, Bueno de
Mesquita and Wolitzky 2020): the mixed equilibrium's closed form and its comparative
statics."""

from __future__ import annotations

import random
from fractions import Fraction

import sympy
from model_checks import profiles, val

import gametheory as gt
from gametheory.models.kit import symbol

F = Fraction


def test_attribution_mixed_equilibrium_closed_form_and_statics():
    p = gt.models.attribution_game()
    v, cp, s, rU, a, f, k = (symbol(n) for n in (
        "probe_value", "probe_cost", "retaliation_damage", "credibility_loss",
        "attribution_accuracy", "false_alarm_prob", "retaliation_cost"))
    eq = p.mixed_equilibrium((("Refrain", "Probe"), ("Ignore", "Retaliate if attributed")))
    q = f * k / (f * k + a * (rU - k))
    x = (v - cp) / ((a - f) * s)
    assert sympy.simplify(eq.row[1] - q) == 0
    assert sympy.simplify(eq.col[1] - x) == 0
    rng = random.Random(6)
    checked = 0
    while checked < 5:
        pt = {"probe_value": F(rng.randint(2, 12), 2), "probe_cost": F(rng.randint(0, 4), 2),
              "retaliation_damage": F(rng.randint(4, 20), 2),
              "credibility_loss": F(rng.randint(3, 10)), "retaliation_cost": F(rng.randint(1, 2)),
              "attribution_accuracy": F(rng.randint(10, 20), 20),
              "false_alarm_prob": F(rng.randint(1, 8), 40), "probe_damage": F(2)}
        xs = val(x, pt)
        if not 0 < xs < 1:
            continue
        checked += 1
        qs = val(q, pt)
        assert profiles(p.at(**pt)) == {((1 - qs, qs), (1 - xs, xs))}
        assert val(sympy.diff(q, a), pt) < 0 and val(sympy.diff(q, f), pt) > 0
        assert val(sympy.diff(x, a), pt) < 0 and val(sympy.diff(x, f), pt) > 0
    # Perfect attribution restores pure deterrence.
    g = p.at(false_alarm_prob=0)
    assert ("Refrain", "Retaliate if attributed") in {e.pure_labels() for e in g.equilibria()
                                                      if e.is_pure}
