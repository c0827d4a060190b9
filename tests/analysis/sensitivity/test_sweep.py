"""Tests of gt.sweep and SweepResult.

Reference equilibria come from the exact solver at each grid point (exact rational
parameter values); reference regimes from docs/model.md's definitions as implemented
independently in ``gametheory.models.probe_response.regime``.
"""

from fractions import Fraction

import matplotlib
import numpy as np
import pandas as pd
import pytest

import gametheory as gt

matplotlib.use("Agg")

A_U = "v - c_p"
A_I = "(1 - pi) * v - c_p - e_I * W_A"
A_X = "theta * ((1 - pi) * v - c_p - s - e_X * W_A) + (1 - theta) * (v - c_p)"
D_U = "-h - r_U"
D_I = "-(1 - pi) * h - c_I - e_I * W_D - r_I"
D_X = f"theta * (-(1 - pi) * h - c_I - c_X - e_X * W_D) + (1 - theta) * ({D_U})"
DEFAULTS = dict(v=4, c_p=1, pi="3/4", s=6, e_I="1/100", e_X="1/10", W_A=100, W_D=100, h=2,
                r_U=3, r_I="1/2", c_I=1, c_X=2, theta="3/4")


def sequential_nf():
    """docs/model.md's sequential game as the 2x3 normal form of the Defender's plans."""
    return gt.ParametricGame([[0, 0, 0], [A_U, A_I, A_X]], [[0, 0, 0], [D_U, D_I, D_X]],
                             [gt.Parameter(k, default=v) for k, v in DEFAULTS.items()],
                             players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"),
                                         ("Under-react", "Intercept", "Retaliate")))


def check_against_exact(res, model, fixed=None):
    fixed = fixed or {}
    pts = res.regimes()
    for _, prow in pts.iterrows():
        values = {k: Fraction(repr(float(prow[k]))) for k in res.parameters}
        eqs = model.at(**fixed, **values).equilibria()
        rows = res.frame[res.frame.point == prow["point"]]
        assert len(rows) == len(eqs), (values, eqs, rows)
        for (_, r), e in zip(rows.iterrows(), eqs, strict=True):
            x = [r[f"{model.players[0]}: {s}"] for s in model.strategies[0]]
            y = [r[f"{model.players[1]}: {s}"] for s in model.strategies[1]]
            np.testing.assert_allclose(x, [float(v) for v in e.row], atol=1e-9)
            np.testing.assert_allclose(y, [float(v) for v in e.col], atol=1e-9)
            np.testing.assert_allclose(r[f"payoff: {model.players[1]}"], float(e.payoffs[1]),
                                       atol=1e-9)


def test_sequential_grid_with_tie_lines_matches_exact_solver():
    p = sequential_nf()
    # r_U = 1: Intercept ties Under-react (c_I + e_I W_D + r_I = pi h + r_U);
    # v = 1: probing breaks even against Under-react (A_U = 0)
    res = gt.sweep(p, {"r_U": np.linspace(0.5, 4.7, 15), "v": np.linspace(0, 2.8, 15)},
                   progress=False)
    assert len(res.regimes()) == 225 and res.regimes()["degenerate"].all()
    assert res.regimes()["resolved"].any()  # the tie line went to the exact solver
    check_against_exact(res, p)
    frame = res.frame
    assert list(frame.columns[:4]) == ["r_U", "v", "point", "equilibrium"]
    assert {"Aggressor: Probe", "Defender: Retaliate", "payoff: Aggressor", "support",
            "regime", "degenerate", "changes"} <= set(frame.columns)
    # probabilities of each player sum to one
    np.testing.assert_allclose(frame[["Aggressor: Refrain", "Aggressor: Probe"]].sum(axis=1), 1)


def test_model_regimes_match_model_definition():
    models = pytest.importorskip("gametheory.models.probe_response")
    nf = models.sequential_normal_form()
    xs = np.linspace(0.5, 4.7, 15)     # credibility_loss, tie at 1.0
    ys = np.linspace(0, 2.8, 15)       # probe_value, A_U = 0 at 1.0
    res = gt.sweep(nf, {"credibility_loss": xs, "probe_value": ys}, progress=False)
    pts = res.regimes()
    expected = [models.regime(credibility_loss=Fraction(repr(float(a))),
                              probe_value=Fraction(repr(float(b))))
                for a, b in zip(pts["credibility_loss"], pts["probe_value"], strict=True)]
    assert pts["regime"].astype(str).tolist() == expected
    assert {"tolerated probing", "deterrence by denial", "no incentive to probe"} <= set(expected)
    check_against_exact(res, nf)


def test_posture_variant_matches_exact_solver():
    models = pytest.importorskip("gametheory.models.probe_response")
    p = models.probe_response("posture")
    res = gt.sweep(p, {"credibility_loss": np.linspace(0.6, 4.8, 15),
                       "probe_value": np.linspace(0, 2.8, 15)}, progress=False)
    check_against_exact(res, p)
    assert "mixed probing" in set(res.regimes()["regime"].astype(str))


def test_changes_flag_marks_both_sides_of_a_structure_change():
    # 1-D: the Defender's reply after a probe switches at r_U = 1
    p = sequential_nf()
    res = gt.sweep(p, {"r_U": [0.5, 0.75, 1.25, 1.5, 2.0]}, progress=False)
    pts = res.regimes()
    s = pts["structure"].astype(str).tolist()
    expected = [(k > 0 and s[k] != s[k - 1]) or (k < 4 and s[k] != s[k + 1]) for k in range(5)]
    assert pts["changes"].tolist() == expected
    assert expected == [False, True, True, False, False]


def test_three_dimensional_grid_and_fixed_values():
    p = sequential_nf()
    res = gt.sweep(p, {"r_U": [1, 2], "c_I": [0, 1, 2], "theta": [0, "1/2"]},
                   fixed={"W_D": 50}, progress=False)
    pts = res.regimes()
    assert len(pts) == 12
    assert pts[["r_U", "c_I", "theta"]].values.tolist()[:3] == [[1, 0, 0], [1, 0, 0.5],
                                                                [1, 1, 0]]
    check_against_exact(res, p, fixed={"W_D": 50})


def test_callable_model_gives_the_same_frame():
    p = sequential_nf()

    def game(r_U, c_I):
        return p.at(r_U=r_U, c_I=c_I)

    grid = {"r_U": [0.5, 1.5, 3.0], "c_I": [0.5, 2.0]}
    a = gt.sweep(p, grid, progress=False).frame
    b = gt.sweep(game, grid, progress=False).frame
    pd.testing.assert_frame_equal(a.drop(columns="regime"), b.drop(columns="regime"),
                                  check_categorical=False, atol=1e-12)


def test_exact_method_and_batch_agree():
    p = sequential_nf()
    grid = {"r_U": np.linspace(0.5, 3, 6), "pi": [0, 0.5, 1]}
    a = gt.sweep(p, grid, progress=False).frame
    b = gt.sweep(p, grid, method="exact", progress=False).frame
    pd.testing.assert_frame_equal(a, b, check_categorical=False, atol=1e-12)


def test_infeasible_points_have_no_rows():
    models = pytest.importorskip("gametheory.models.probe_response")
    nf = models.sequential_normal_form()
    # residual_credibility_loss (1/2) > credibility_loss at 0.25: broken constraint
    res = gt.sweep(nf, {"credibility_loss": [0.25, 1, 3]}, progress=False)
    pts = res.regimes()
    assert pts["feasible"].tolist() == [False, True, True]
    assert pts["regime"].astype(str).tolist()[0] == "infeasible"
    assert 0 not in set(res.frame.point)


def test_errors_are_reported():
    p = sequential_nf()
    with pytest.raises(gt.ParameterError, match="unknown parameter 'nope'"):
        gt.sweep(p, {"nope": [1]}, progress=False)
    with pytest.raises(gt.ParameterError, match="both swept and fixed"):
        gt.sweep(p, {"r_U": [1]}, fixed={"r_U": 2}, progress=False)
    with pytest.raises(gt.ParameterError, match="empty"):
        gt.sweep(p, {"r_U": []}, progress=False)
    res = gt.sweep(p, {"r_U": [1, 2], "c_I": [1, 2]}, progress=False)
    with pytest.raises(gt.ParameterError, match="at="):
        res.regime_map("r_U")
    with pytest.raises(gt.SolverError, match="'batch', 'enumpoly', 'exact', 'gnm'"):
        gt.sweep(p, {"r_U": [1]}, method="simplex", progress=False)
