"""Tests of gt.thresholds and gt.track.

Expected thresholds come from closed forms stated in docs/model.md: intercepting beats
under-reacting iff c_I + e_I W_D + r_I < pi h + r_U, so along r_U the Defender's reply
switches at r_U* = c_I + e_I W_D + r_I - pi h; probing pays against under-reaction iff
v > c_p.
"""

import dataclasses
import math
from fractions import Fraction

import numpy as np
import pytest

import gametheory as gt

A_U = "v - c_p"
A_I = "(1 - pi) * v - c_p - e_I * W_A"
A_X = "theta * ((1 - pi) * v - c_p - s - e_X * W_A) + (1 - theta) * (v - c_p)"
D_U = "-h - r_U"
D_I = "-(1 - pi) * h - c_I - e_I * W_D - r_I"
D_X = f"theta * (-(1 - pi) * h - c_I - c_X - e_X * W_D) + (1 - theta) * ({D_U})"
DEFAULTS = dict(v=4, c_p=1, pi="3/4", s=6, e_I="1/100", e_X="1/10", W_A=100, W_D=100, h=2,
                r_U=3, r_I="1/2", c_I=1, c_X=2, theta="3/4")


def sequential_nf():
    return gt.ParametricGame([[0, 0, 0], [A_U, A_I, A_X]], [[0, 0, 0], [D_U, D_I, D_X]],
                             [gt.Parameter(k, default=v) for k, v in DEFAULTS.items()],
                             players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"),
                                         ("Under-react", "Intercept", "Retaliate")))


@pytest.mark.parametrize("at", [{}, {"c_I": "1/2", "pi": "1/3"}, {"W_D": 20, "r_I": 0}])
def test_reply_switch_matches_closed_form(at):
    p = sequential_nf()
    vals = {k: Fraction(v) for k, v in {**DEFAULTS, **at}.items()}
    r_star = vals["c_I"] + vals["e_I"] * vals["W_D"] + vals["r_I"] - vals["pi"] * vals["h"]
    # make probing profitable against under-reaction but not against interception, so the
    # switch changes the outcome
    ts = gt.thresholds(p, "r_U", at={**at, "v": 4}, lower=r_star - 3, upper=r_star + 3)
    values = [Fraction(str(t.value)) for t in ts if t.exact]
    assert r_star in values
    t = next(t for t in ts if Fraction(str(t.value)) == r_star)
    assert "Probe / Under-react" in t.before and "Probe / Under-react" not in t.after


def test_numeric_thresholds_agree_with_exact_within_tolerance():
    p = sequential_nf()
    tol = 1e-7
    for param, lo, hi in (("r_U", 0.3, 20), ("v", 0, 7.5), ("c_I", 0, 6)):
        exact = [t for t in gt.thresholds(p, param, lower=lo, upper=hi) if t.kind == "switch"]
        numeric = gt.thresholds(p, param, lower=lo, upper=hi, method="numeric", tol=tol,
                                grid_points=157)
        assert exact, param
        assert len(numeric) == len(exact), (param, exact, numeric)
        for e, n in zip(exact, numeric, strict=True):
            assert not n.exact and n.tolerance <= tol
            assert abs(float(e.value) - float(n.value)) <= tol, (param, e, n)
            assert (e.before, e.after) == (n.before, n.after)


def test_model_regime_thresholds():
    models = pytest.importorskip("gametheory.models.probe_response")
    nf = models.sequential_normal_form()
    ts = gt.thresholds(nf, "probe_value", lower=0, upper=20)
    # below v = c_p = 1 probing would not pay even unanswered (nothing to deter); the
    # interception regime changes where A_I = (1 - pi) v - c_p - e_I W_A + g + k c_I = 0,
    # i.e. v = (c_p + e_I W_A - g - k c_I)/(1 - pi) = 5
    regime_changes = [t for t in ts if t.regime_before != t.regime_after]
    assert [(str(t.value), t.regime_before, t.regime_after) for t in regime_changes] == [
        ("1", "no incentive to probe", "deterrence by denial"),
        ("5", "deterrence by denial", "contested probing")]
    num = gt.thresholds(nf, "probe_value", lower=0, upper=20, method="numeric", tol=1e-9)
    reg = [t for t in num if t.regime_before != t.regime_after]
    assert len(reg) == 2 and abs(float(reg[1].value) - 5) <= 1e-9


def test_isolated_degenerate_point_is_reported():
    # matching-pennies-like game that is degenerate only at a = 0
    p = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, 1]], ["a"])
    ts = gt.thresholds(p, "a", lower=-2, upper=2)
    assert [(str(t.value), t.kind) for t in ts] == [("0", "switch")]
    # Bottom is strictly worse than Top except at a = 0, where the Row player is
    # indifferent: extra equilibria at that single value, the same structure either side
    q = gt.ParametricGame([[0, 0], ["-a^2", "-a^2"]], [[1, 0], [0, 1]], ["a"])
    iso = gt.thresholds(q, "a", lower=-1, upper=1)
    assert [(str(t.value), t.kind) for t in iso] == [("0", "isolated")]
    assert iso[0].before == iso[0].after == "R1 / C1" and iso[0].at.count("&") == 3


def test_non_rational_payoffs_fall_back_to_bisection():
    p = gt.ParametricGame([["exp(t)", 0], [2, 0]], [[1, 0], [0, 1]], ["t"])
    ts = gt.thresholds(p, "t", lower=0, upper=2, tol=1e-10)
    assert len(ts) == 1 and not ts[0].exact
    assert abs(ts[0].value - math.log(2)) <= 1e-10
    with pytest.raises(gt.GameError, match="numeric"):
        gt.thresholds(p, "t", lower=0, upper=2, method="exact")
    with pytest.raises(gt.ParameterError, match="finite interval"):
        gt.thresholds(p, "t", method="numeric")


def test_threshold_frame_and_errors():
    p = sequential_nf()
    ts = gt.thresholds(p, "r_U", lower=0.5, upper=5)
    f = ts.frame
    assert list(f.columns[:3]) == ["parameter", "value", "exact value"]
    assert "<table" in ts._repr_html_()
    with pytest.raises(gt.ParameterError):
        gt.thresholds(p, "nope")
    with pytest.raises(gt.ParameterError, match="threshold parameter"):
        gt.thresholds(p, "r_U", at={"r_U": 1})


def test_track_probe_game_branches():
    # Defender's reply switches at r_U = 1: the (Probe, Under-react) branch vanishes there
    p = sequential_nf()
    tr = gt.track(p, "r_U", np.linspace(0.5, 1.5, 11))
    f = tr.frame
    probe = f[f["Aggressor: Probe"] == 1]
    assert probe["r_U"].max() <= 1.0 + 1e-12
    ev = tr.events
    assert ((ev["event"] == "vanishes") & (ev["value"] > 1.0)).any() or \
        ((ev["event"] == "vanishes") & (ev["value"] == 1.0)).any()
    # every row has a branch and branch ids are consistent within a point
    assert (f["branch"] >= 0).all()
    assert not f.duplicated(["point", "branch"]).any()


def test_threshold_latex_uses_the_declared_symbol():
    ch = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]],
                           [gt.Parameter("c", bounds=(0, None), symbol=r"\kappa")],
                           strategies=(("Swerve", "Straight"), ("Swerve", "Straight")))
    exact = gt.thresholds(ch, "c", upper=5)
    assert exact[0].symbol == r"\kappa"
    assert exact[0]._repr_latex_().startswith(r"$\kappa = 1")
    assert r"\to" in exact[0]._repr_latex_()
    num = gt.thresholds(ch, "c", lower=0, upper=5, method="numeric", tol=1e-6)
    assert num[0]._repr_latex_().startswith(r"$\kappa \approx")
    # the symbol is display only: equality ignores it
    assert dataclasses.replace(exact[0], symbol="") == exact[0]


def test_algebraic_thresholds_are_exact_and_ordered():
    """Each payoff comparison changes sign at a root of t**3 - t - 1 (Row, column 1),
    t**3 - 2 (Row, column 2), t**5 - 4t - 1 or t**4 - 3t**2 - t - 1 (Column), so on (0, 3)
    the thresholds are roots of these; binomials print as radicals, others as CRootOf."""
    import sympy

    t = sympy.Symbol("t")
    g = gt.ParametricGame([["t**3 - t", "0"], ["1", "t**3 - 2"]],
                          [["1", "t**5 - 4*t"], ["t**4 - 3*t**2 - t", "1"]],
                          [gt.Parameter("t", default=1)])
    ts = gt.thresholds(g, "t", lower=0, upper=3)
    values = [th.value for th in ts]
    assert values[0] == 2 ** sympy.Rational(1, 3)
    assert values[1:] == [sympy.CRootOf(t**3 - t - 1, 0), sympy.CRootOf(t**5 - 4 * t - 1, 2),
                          sympy.CRootOf(t**4 - 3 * t**2 - t - 1, 1)]
    floats = [float(v) for v in values]
    assert floats == sorted(floats) and 0 < floats[0] and floats[-1] < 3
    # the structure differs on either side of every switch
    assert all(th.before != th.after for th in ts if th.kind == "switch")
