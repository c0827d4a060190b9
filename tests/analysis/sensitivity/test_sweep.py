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


# ----------------------------------------------------------------- issue 16: never lie
SCALES = [1e-300, 1e-160, 1e-110, 1e110, 1e160, 1e300]


def _scaled_games(count, shape, seed):
    """Random games with one-decimal payoffs (some rows tied: degenerate games too),
    each scaled by one of SCALES in turn."""
    rng = np.random.default_rng(seed)
    A = np.round(rng.normal(size=(count, *shape)), 1)
    B = np.round(rng.normal(size=(count, *shape)), 1)
    A[::5, 0, :] = A[::5, 1, :]
    B[1::5, :, 0] = B[1::5, :, 1]
    s = np.array([SCALES[k % len(SCALES)] for k in range(count)])[:, None, None]
    return A * s, B * s


@pytest.mark.slow
def test_scaled_random_games_through_sweep_match_the_exact_solver():
    """Issue 16 (must show): random 3x3 and 4x4 games scaled by 1e+-110, 1e+-160 and
    1e+-300 give the exact solver's equilibria in gt.sweep; 0 wrong of 1,000. Before,
    898 of 6,005 such games came back wrong with ``resolved=False``.

    The reference is the exact solver (rational vertex enumeration) on the exact values
    of the same float payoffs."""
    wrong = total = 0
    for shape, seed in (((3, 3), 1), ((4, 4), 2)):
        A, B = _scaled_games(500, shape, seed)
        games = [gt.NormalFormGame(a, b) for a, b in zip(A, B, strict=True)]
        res = gt.sweep(lambda k, games=games: games[int(k)], {"k": np.arange(500)},
                       progress=False)
        frame = res.frame
        cols = [c for c in frame.columns if c.startswith(("Row: ", "Column: "))]
        profiles = frame[cols].to_numpy()
        bounds = np.searchsorted(frame.point.to_numpy(), np.arange(501))
        for k, g in enumerate(games):
            total += 1
            ex = [np.concatenate([np.array(e.row, float), np.array(e.col, float)])
                  for e in g.equilibria()]
            wrong += not _same_set(list(profiles[bounds[k]:bounds[k + 1]]), ex)
    assert total == 1000 and wrong == 0


def _same_set(got, expected, tol=1e-9):
    """Equal sets of profiles (as rows x|y), up to ``tol``. The order is compared
    separately: two profiles 1e-17 apart in an exact probability may be listed in
    either order after rounding to floats."""
    if len(got) != len(expected):
        return False
    rest = list(expected)
    for v in got:
        hit = next((i for i, w in enumerate(rest) if np.allclose(v, w, atol=tol)), None)
        if hit is None:
            return False
        rest.pop(hit)
    return True


def test_scaled_parametric_games_keep_their_equilibria():
    """A parametric game ``s * A0``: every scale has the unscaled game's equilibria
    (scale invariance; the reference is the exact solver on A0)."""
    rng = np.random.default_rng(9)
    for _ in range(6):
        a0 = np.round(rng.normal(size=(3, 3)), 1)
        b0 = np.round(rng.normal(size=(3, 3)), 1)
        p = gt.ParametricGame([[f"s * {float(v)!r}" for v in row] for row in a0],
                              [[f"s * {float(v)!r}" for v in row] for row in b0],
                              [gt.Parameter("s", bounds=(0, None))])
        ref = gt.NormalFormGame([[Fraction(repr(float(v))) for v in r] for r in a0],
                                [[Fraction(repr(float(v))) for v in r] for r in b0]).equilibria()
        res = gt.sweep(p, {"s": SCALES}, progress=False)
        for k in range(len(SCALES)):
            rows = res.frame[res.frame.point == k]
            assert len(rows) == len(ref)
            for (_, row), e in zip(rows.iterrows(), ref, strict=True):
                assert np.allclose([row["Row: R1"], row["Row: R2"], row["Row: R3"]],
                                   [float(v) for v in e.row], atol=1e-9)


def test_non_finite_payoffs_are_reported_as_such_not_as_infeasible():
    """Issue 16: 1/(c - 1) at c = 1 was labelled "infeasible"."""
    p = gt.ParametricGame([["1/(c - 1)", 0], [0, 1]], [[1, 0], [0, 1]],
                          [gt.Parameter("c", bounds=(0, 5))])
    res = gt.sweep(p, {"c": [0, 1, 2, 9]}, progress=False)
    pts = res.points
    assert pts["feasible"].tolist() == [True, True, True, False]
    assert pts["finite"].tolist() == [True, False, True, True]
    assert pts["regime"].astype(str).tolist()[1] == "non-finite payoffs"
    assert pts["regime"].astype(str).tolist()[3] == "infeasible"
    assert pts["equilibria"].tolist()[1] == 0 and 1 not in set(res.frame.point)


def test_a_float_tie_is_checked_at_the_decimal_value():
    """Issue 16: ``c`` and ``c + 1e-20`` are equal floats at c = 1, not equal numbers:
    R2 is strictly better against C1, so (R2, C1) is the only equilibrium."""
    p = gt.ParametricGame([["c", 0], ["c + 1e-20", 0]], [[1, 0], [1, 0]], ["c"])
    res = gt.sweep(p, {"c": [1.0, 2.0]}, progress=False)
    assert res.points["resolved"].tolist() == [True, True]
    assert res.frame[["Row: R1", "Row: R2", "Column: C1"]].values.tolist() == \
        [[0.0, 1.0, 1.0], [0.0, 1.0, 1.0]]
    # identical payoffs (a structural tie) are believed, not re-solved
    q = gt.ParametricGame([["c", 0], ["c", 0]], [[1, 0], [1, 0]], ["c"])
    assert not gt.sweep(q, {"c": [1.0, 2.0]}, progress=False).points["resolved"].any()


def test_a_function_models_exact_games_decide_their_float_ties():
    """A function returning exact games: equal floats of different Fractions are doubted
    (and re-solved); equal floats of float games are the game itself (believed)."""
    tiny = Fraction(1, 10**20)

    def exact(c):
        return gt.NormalFormGame([[1, 0], [1 + tiny, 0]], [[1, 0], [1, 0]])

    def floats(c):
        return gt.NormalFormGame([[1.0, 0.0], [1.0, 0.0]], [[1.0, 0.0], [1.0, 0.0]])

    res = gt.sweep(exact, {"c": [0]}, progress=False)
    assert res.points["resolved"].tolist() == [True]
    assert res.frame[["Row: R1", "Row: R2"]].values.tolist() == [[0.0, 1.0]]
    res = gt.sweep(floats, {"c": [0]}, progress=False)
    assert res.points["resolved"].tolist() == [False] and len(res.frame) == 2


@pytest.mark.parametrize("tie_tol", [float("nan"), -1.0, float("inf"), "1e-9"])
def test_bad_tie_tol_is_refused(tie_tol):
    with pytest.raises(gt.PayoffError, match="tie_tol"):
        gt.sweep(sequential_nf(), {"r_U": [1, 2]}, tie_tol=tie_tol, progress=False)


def test_sweep_point_caps():
    p = gt.ParametricGame([["a", "b"]], [[0, 0]], ["a", "b"])
    with pytest.raises(gt.ParameterError, match=r"1e\+10 points.*MAX_SWEEP_POINTS"):
        gt.sweep(p, {"a": np.zeros(100_000), "b": np.zeros(100_000)}, progress=False)
    with pytest.raises(gt.GameError, match="chunk_size"):
        gt.sweep(p, {"a": [1], "b": [1]}, chunk_size=0, progress=False)
