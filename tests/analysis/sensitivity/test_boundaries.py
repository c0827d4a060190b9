"""gametheory.analysis.sensitivity.boundaries: the regime grid agrees with the rules point
by point, boundaries are the model's closed forms, and only separating parts are kept."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from support import EXAMPLES

import gametheory as gt
from gametheory.analysis.sensitivity.boundaries import (
    Boundary,
    boundary_curves,
    regime_boundaries,
    regime_grid,
)


def toy() -> gt.ParametricGame:
    return gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
                             regime_rules=[("tolerated", "r <= 1 and v > 1"),
                                           ("deterred", "r > 1 and v <= 3"),
                                           ("other", "v >= 0")])


def test_regime_grid_matches_rules_pointwise():
    g = regime_grid(toy(), {"v": np.array([0.5, 2.0, 4.0]), "r": np.array([0.5, 2.0])})
    lab = np.array(g["labels"], dtype=object)[g["codes"]]
    # by hand from the rules, first that holds
    assert lab.tolist() == [["other", "deterred"], ["tolerated", "deterred"],
                            ["tolerated", "other"]]
    assert (g["x_name"], g["y_name"]) == ("v", "r")


def test_probe_response_boundaries_are_model_closed_forms():
    game = gt.load_scenario(EXAMPLES / "probe_response.toml").game
    bounds = regime_boundaries(game, "war_cost_defender", "credibility_loss")
    sym = {p.name: p.sympy for p in game.parameters}
    cI, eI, WD, rI, pi, h = (sym[n] for n in ("intercept_cost", "escalation_prob_intercept",
                                              "war_cost_defender", "residual_credibility_loss",
                                              "interception_prob", "probe_damage"))
    cX, eX = sym["retaliation_cost"], sym["escalation_prob_retaliate"]
    theta, d = sym["cohesion"], sym["disunity_cost"]
    general = [b.general_solution for b in bounds if b.solved_for == "credibility_loss"]
    # docs/model.md: intercept beats under-react iff c_I + e_I W_D + r_I < pi h + r_U
    assert any(sp.simplify(g - (cI + eI * WD + rI - pi * h)) == 0 for g in general)
    # retaliate vs intercept: theta (r_I - c_X - (e_X - e_I) W_D) = (1 - theta) d
    in_wd = [b.general_solution for b in bounds if b.solved_for == "war_cost_defender"]
    over = (theta * (rI - cX) - (1 - theta) * d) / (theta * (eX - eI))
    assert any(sp.simplify(g - over) == 0 for g in in_wd)
    # at the defaults over-reaction tempts below W_D = (1/4 - 1/12) / (1/100) = 50/3
    assert any(b.solution == sp.Rational(50, 3) for b in bounds
               if b.solved_for == "war_cost_defender")
    # at the defaults (c_I = 1, e_I = 1/100, r_I = 1/2, pi = 3/4, h = 2): r_U = W_D / 100
    at_defaults = [b.solution for b in bounds]
    assert any(sp.simplify(a - WD / 100) == 0 for a in at_defaults)


def test_a_rule_written_twice_gives_one_boundary():
    p = gt.ParametricGame([["a"]], [["b"]], ["a", "b"],
                          regime_rules=[("low", "2*a < 2*b"), ("high", "a >= b")])
    (b,) = regime_boundaries(p, "a", "b")
    assert b.solved_for == "b" and str(b.solution) == "a" and b.latex == "b = a"


def test_curves_keep_only_the_separating_parts():
    xs, ys = np.linspace(0, 4, 41), np.linspace(0, 2, 41)
    curves = boundary_curves(toy(), "v", "r", xs, ys)
    assert [c.boundary.latex for c in curves] == ["r = 1", "v = 1", "v = 3"]
    # v = 1 separates tolerated from other only below r = 1
    shown = curves[1].y[np.isfinite(curves[1].y)]
    assert shown.max() <= 1.02 and shown.min() >= 0
    # v = 3 separates deterred from other only above r = 1
    shown = curves[2].y[np.isfinite(curves[2].y)]
    assert shown.min() >= 0.98


def test_curves_of_nonlinear_boundaries_are_traced():
    p = gt.ParametricGame([["v"]], [["r"]], ["v", "r"],
                          regime_rules=[("inside", "v**2 + r**2 < 4"), ("outside", "v >= -9")])
    (c,) = boundary_curves(p, "v", "r", np.linspace(0, 3, 31), np.linspace(0, 3, 31))
    assert c.boundary.solved_for is None
    ok = np.isfinite(c.y)
    assert np.allclose(c.x[ok] ** 2 + c.y[ok] ** 2, 4, atol=1e-2)


def test_given_thresholds_without_a_game():
    v, r = sp.symbols("v r", real=True)
    curves = boundary_curves(None, "v", "r", np.linspace(0, 2, 5), np.linspace(0, 2, 5),
                             thresholds=[Boundary(v - 1, v - 1, "v", sp.Integer(1), None,
                                                  "v = 1"), r - 5])
    assert [c.boundary.latex for c in curves] == ["v = 1"]  # r = 5 lies outside
    assert boundary_curves(None, "v", "r", [0, 1], [0, 1]) == []
    with pytest.raises(gt.GameError, match="thresholds"):
        boundary_curves(toy(), "v", "r", [0, 1], [0, 1], thresholds="all")
