"""Tests of the batched vectorised solver against the exact solver.

Expected equilibrium sets come from the exact solver (``NormalFormGame.equilibria`` on
Fractions), an independent code path (vertex enumeration in rational arithmetic).
"""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.solve.batch import solve_batch
from gametheory.solve.exact import extreme_equilibria

# docs/model.md reduced-form payoffs after a probe, written as payoff strings
A_U = "v - c_p"
A_I = "(1 - pi) * v - c_p - e_I * W_A"
A_X = "theta * ((1 - pi) * v - c_p - s - e_X * W_A) + (1 - theta) * (v - c_p)"
D_U = "-h - r_U"
D_I = "-(1 - pi) * h - c_I - e_I * W_D - r_I"
D_X = f"theta * (-(1 - pi) * h - c_I - c_X - e_X * W_D) + (1 - theta) * ({D_U})"
DEFAULTS = dict(v=4, c_p=1, pi="3/4", s=6, e_I="1/100", e_X="1/10", W_A=100, W_D=100, h=2,
                r_U=3, r_I="1/2", c_I=1, c_X=2, theta="3/4", m_I="1/2", m_X=1)


def params(names):
    return [gt.Parameter(n, default=DEFAULTS[n]) for n in names]


def sequential_normal_form():
    """docs/model.md's sequential game as a 2x3 normal form of contingent plans (degenerate)."""
    names = ["v", "c_p", "pi", "s", "e_I", "e_X", "W_A", "W_D", "h", "r_U", "r_I", "c_I",
             "c_X", "theta"]
    return gt.ParametricGame([[0, 0, 0], [A_U, A_I, A_X]], [[0, 0, 0], [D_U, D_I, D_X]],
                             params(names), players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"),
                                         ("Under-react", "Intercept", "Retaliate")))


def posture_3x3():
    """A 3x3 posture game: the Aggressor may also Swarm (two probes, one extra cost)."""
    names = ["v", "c_p", "pi", "s", "e_I", "e_X", "W_A", "W_D", "h", "r_U", "r_I", "c_I",
             "c_X", "theta", "m_I", "m_X"]
    A = [[0, 0, 0], [A_U, A_I, A_X],
         [f"2*({A_U}) - c_p", f"2*({A_I}) - c_p", f"2*({A_X}) - c_p"]]
    B = [[0, "-m_I", "-m_X"], [D_U, f"{D_I} - m_I", f"{D_X} - m_X"],
         [f"2*({D_U})", f"2*({D_I}) - m_I", f"2*({D_X}) - m_X"]]
    return gt.ParametricGame(A, B, params(names), players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe", "Swarm"),
                                         ("Under-react", "Intercept", "Retaliate")))


def exact_value(x):
    """The decimal a float grid value stands for (0.1 -> 1/10)."""
    return Fraction(repr(float(x)))


def assert_same_sets(res, games, tol=1e-9):
    for i, g in enumerate(games):
        ex = [(np.array(e.row, dtype=float), np.array(e.col, dtype=float))
              for e in g.equilibria()]
        got = res.for_point(i)
        assert len(got) == len(ex), (i, g, ex, got)
        for (x, y), (ex_x, ex_y) in zip(got, ex, strict=True):
            np.testing.assert_allclose(x, ex_x, atol=tol)
            np.testing.assert_allclose(y, ex_y, atol=tol)
        assert bool(res.degenerate[i]) == g.is_degenerate(), i


@pytest.mark.parametrize("shape", [(2, 2), (2, 3), (3, 2), (3, 3), (2, 4), (4, 2), (1, 3), (3, 1)])
def test_random_small_integer_games_match_exact_solver(shape):
    # payoffs in {-1, 0, 1}: ties everywhere, most games degenerate
    rng = np.random.default_rng(sum(shape))
    A = rng.integers(-1, 2, (60, *shape)).astype(float)
    B = rng.integers(-1, 2, (60, *shape)).astype(float)
    res = solve_batch(A, B)
    games = [gt.NormalFormGame(a.astype(int).tolist(), b.astype(int).tolist())
             for a, b in zip(A, B, strict=True)]
    assert res.degenerate.sum() > 10  # the test exercises degenerate games
    assert_same_sets(res, games)


def test_scaled_games_are_resolved_not_guessed():
    # scaling by 0.1 makes the arithmetic inexact: exact ties can no longer be certified
    # by floating point, so tied games must go to the exact solver
    rng = np.random.default_rng(7)
    A = rng.integers(-1, 2, (40, 3, 3)) * 0.1
    B = rng.integers(-1, 2, (40, 3, 3)) * 0.1
    res = solve_batch(A, B)
    assert res.resolved.any()
    games = [gt.NormalFormGame([[Fraction(v) for v in r] for r in a],
                               [[Fraction(v) for v in r] for r in b])
             for a, b in zip(A, B, strict=True)]
    assert_same_sets(res, games)


def test_near_tie_is_flagged_and_exact():
    eps = 1e-13
    A = np.array([[[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [1.0 + eps, 1.0]]])
    B = np.array([[[1.0, 0.0], [0.0, 1.0]], [[1.0, 1.0], [0.0, 1.0]]])
    res = solve_batch(A, B)
    assert res.resolved.tolist() == [False, True]
    g = gt.NormalFormGame([[1, 0], [Fraction(1.0 + eps), 1]], [[1, 1], [0, 1]])
    assert_same_sets(res.take_points([1]), [g])


def test_matching_pennies_and_empty_batch():
    res = solve_batch([[[1, -1], [-1, 1]]], [[[-1, 1], [1, -1]]])
    assert res.row.tolist() == [[0.5, 0.5]] and res.payoffs.tolist() == [[0.0, 0.0]]
    empty = solve_batch(np.zeros((0, 2, 2)), np.zeros((0, 2, 2)))
    assert len(empty) == 0 and empty.n_points == 0


def test_bad_input_raises():
    with pytest.raises(gt.PayoffError, match="same shape"):
        solve_batch(np.zeros((3, 2, 2)), np.zeros((3, 2, 3)))
    with pytest.raises(gt.PayoffError, match="finite"):
        solve_batch(np.full((1, 2, 2), np.nan), np.zeros((1, 2, 2)))


def _grid_games(p, xname, xs, yname, ys):
    f = p.lambdify()
    X, Y = np.meshgrid(xs, ys, indexing="ij")
    A, B = f(**{xname: X, yname: Y})
    games = [p.at(**{xname: exact_value(x), yname: exact_value(y)})
             for x, y in zip(X.ravel(), Y.ravel(), strict=True)]
    return A, B, games


def test_sequential_normal_form_grid_matches_exact_everywhere():
    # degenerate at every point (Defender indifferent when no probe); r_U = 1 and
    # r_U = 4/3 ... are tie lines of the Defender's reply after a probe
    p = sequential_normal_form()
    xs = np.linspace(0, 4.2, 15)        # credibility loss r_U: tie Intercept/Under-react at 1
    ys = np.linspace(0, 2.8, 15)        # intercept cost c_I
    A, B, games = _grid_games(p, "r_U", xs, "c_I", ys)
    ex_resolved = []

    def resolve(idx):
        ex_resolved.extend(idx.tolist())
        return [[(e.row, e.col) for e in games[i].equilibria()] for i in idx]

    res = solve_batch(A, B, resolve=resolve)
    assert res.degenerate.all()
    assert set(ex_resolved) == set(np.flatnonzero(res.resolved).tolist())
    assert_same_sets(res, games)


def test_posture_3x3_grid_matches_exact_everywhere():
    p = posture_3x3()
    xs = np.linspace(0, 4.2, 15)        # r_U
    ys = np.linspace(0, 2.8, 15)        # v: A_U = 0 at v = c_p = 1 (Aggressor indifferent)
    A, B, games = _grid_games(p, "r_U", xs, "v", ys)

    def resolve(idx):
        return [[(e.row, e.col) for e in games[i].equilibria()] for i in idx]

    res = solve_batch(A, B, resolve=resolve)
    assert res.degenerate.any() and not res.degenerate.all()
    assert_same_sets(res, games)


def test_model_posture_variant_grid_if_available():
    models = pytest.importorskip("gametheory.models.probe_response")
    p = models.probe_response("posture")
    xs = np.linspace(0.6, 4.8, 15)      # r_U >= r_I = 1/2; Defender's tie at r_U = 3/2
    ys = np.linspace(0, 2.8, 15)
    A, B, games = _grid_games(p, "credibility_loss", xs, "probe_value", ys)
    res = solve_batch(A, B, resolve=lambda idx: [[(e.row, e.col) for e in games[i].equilibria()]
                                                 for i in idx])
    assert_same_sets(res, games)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-10, 10, allow_nan=False, width=32), min_size=18, max_size=18),
       st.integers(-5, 5))
def test_float_games_and_shift_invariance(vals, shift):
    A = np.array(vals[:9], dtype=float).reshape(1, 3, 3)
    B = np.array(vals[9:], dtype=float).reshape(1, 3, 3)
    res = solve_batch(A, B)
    g = gt.NormalFormGame([[Fraction(v) for v in r] for r in A[0]],
                          [[Fraction(v) for v in r] for r in B[0]])
    assert_same_sets(res, [g], tol=1e-7)
    # adding a constant to a player's payoffs changes no equilibrium (integer payoffs, so
    # that the shifted game is exactly representable)
    A, B = np.round(A), np.round(B)
    res = solve_batch(A, B)
    res2 = solve_batch(A + shift, B - shift)
    assert len(res2) == len(res)
    np.testing.assert_allclose(res2.row, res.row, atol=1e-7)


def test_tiny_payoff_next_to_tie_keeps_exact_order():
    # found by hypothesis: an entry of 1e-31 next to exact zeros is within the tie band,
    # so the game is re-solved exactly, and its equilibria keep the exact solver's order
    A = np.zeros((1, 3, 3))
    B = np.zeros((1, 3, 3))
    B[0, 1, 2], B[0, 2, 0] = 1.0, 1.0130328030781916e-31
    res = solve_batch(A, B)
    assert res.resolved.tolist() == [True]
    g = gt.NormalFormGame([[0] * 3] * 3, [[Fraction(v) for v in r] for r in B[0]])
    assert_same_sets(res, [g])


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-2, 2), min_size=18, max_size=18), st.permutations(range(3)),
       st.permutations(range(3)))
def test_permuting_strategies_permutes_the_equilibria(vals, rp, cp):
    A = np.array(vals[:9], dtype=float).reshape(1, 3, 3)
    B = np.array(vals[9:], dtype=float).reshape(1, 3, 3)
    res = solve_batch(A, B)
    perm = solve_batch(A[:, rp][:, :, cp], B[:, rp][:, :, cp])
    before = sorted((tuple(np.round(x[list(rp)], 9)), tuple(np.round(y[list(cp)], 9)))
                    for x, y in zip(res.row, res.col, strict=True))
    after = sorted((tuple(np.round(x, 9)), tuple(np.round(y, 9)))
                   for x, y in zip(perm.row, perm.col, strict=True))
    assert len(before) == len(after)
    np.testing.assert_allclose([a[0] + a[1] for a in before], [a[0] + a[1] for a in after],
                               atol=1e-9)


def test_tidy_frame_and_support_masks():
    """The tidy equilibrium frame of a batch: one row per equilibrium, numbered per point."""
    A = np.stack([np.eye(2), [[3.0, 0.0], [5.0, 1.0]]])
    B = np.stack([np.eye(2), [[3.0, 5.0], [0.0, 1.0]]])
    res = solve_batch(A, B)
    frame = res.to_frame(players=("P", "Q"), strategies=(("a", "b"), ("c", "d")))
    assert list(frame.columns) == ["point", "equilibrium", "P: a", "P: b", "Q: c", "Q: d",
                                   "payoff: P", "payoff: Q"]
    assert frame["point"].tolist() == [0, 0, 0, 1]
    assert frame["equilibrium"].tolist() == [0, 1, 2, 0]
    assert frame["payoff: P"].tolist()[-1] == 1.0
    rows, cols = res.support_masks()
    assert rows.tolist() == [0b01, 0b11, 0b10, 0b10]
    assert cols.tolist() == [0b01, 0b11, 0b10, 0b10]


# ----------------------------------------------------------------- issue 16: never lie
@pytest.mark.parametrize("kwargs, match", [
    ({"chunk_size": 0}, "chunk_size must be a positive integer"),
    ({"chunk_size": -5}, "chunk_size must be a positive integer"),
    ({"chunk_size": 2.5}, "chunk_size must be a positive integer"),
    ({"tie_tol": float("nan")}, "tie_tol must be a finite number >= 0"),
    ({"tie_tol": -1e-9}, "tie_tol must be a finite number >= 0"),
    ({"tie_tol": float("inf")}, "tie_tol must be a finite number >= 0"),
    ({"equal": (np.ones((2, 2, 2)), np.ones(3))}, "equal has an array of shape"),
])
def test_bad_arguments_are_refused(kwargs, match):
    """Issue 16: chunk_size=0 returned no equilibria; NaN or negative tie_tol passed."""
    with pytest.raises(gt.PayoffError, match=match):
        solve_batch(np.eye(2)[None], np.eye(2)[None], **kwargs)


def test_games_beyond_the_batch_size_limit_point_to_the_exact_solver():
    with pytest.raises(gt.SolverError, match="7x7.*MAX_BATCH_BASES.*method='exact'"):
        solve_batch(np.zeros((1, 7, 7)), np.zeros((1, 7, 7)))


def test_chunking_changes_nothing():
    rng = np.random.default_rng(11)
    A = rng.integers(-1, 2, (50, 3, 3)).astype(float)
    B = rng.integers(-1, 2, (50, 3, 3)).astype(float)
    ref = solve_batch(A, B)
    for size in (1, 7, 49):
        got = solve_batch(A, B, chunk_size=size)
        assert got.point.tolist() == ref.point.tolist()
        np.testing.assert_array_equal(got.row, ref.row)
        np.testing.assert_array_equal(got.col, ref.col)


def exact_sets(A, B):
    return [[(tuple(map(float, x)), tuple(map(float, y)))
             for x, y, _ in extreme_equilibria(a.tolist(), b.tolist())]
            for a, b in zip(A, B, strict=True)]


def count_wrong(res, expected, tol=1e-9):
    """Points whose equilibrium set differs from the expected one (as sets: two profiles
    whose exact probabilities differ by less than float resolution, 2e-19 in one 6x6
    game, may come out in either order)."""
    wrong = 0
    for i, ex in enumerate(expected):
        got = [np.concatenate(p) for p in res.for_point(i)]
        rest = [np.concatenate(p) for p in ex]
        ok = len(got) == len(rest)
        for v in got if ok else []:
            hit = next((k for k, w in enumerate(rest) if np.allclose(v, w, atol=tol)), None)
            if hit is None:
                ok = False
                break
            rest.pop(hit)
        wrong += not ok
    return wrong


@pytest.mark.parametrize("scale", [1e-300, 1e-160, 1e-110, 1e110, 1e160, 1e300])
def test_scaled_games_give_the_exact_equilibria(scale):
    """Issue 16: at payoff scales near 1e+-110 and beyond the error bound underflowed or
    overflowed and non-equilibria came back unflagged. Each game is now scaled by a
    power of two before any determinant."""
    rng = np.random.default_rng(int(abs(np.log10(scale))))
    A = np.round(rng.normal(size=(60, 3, 3)), 1) * scale
    B = np.round(rng.normal(size=(60, 3, 3)), 1) * scale
    A[::4, 0, :] = A[::4, 1, :]  # some exact ties, so degenerate games too
    assert np.isfinite(A).all() and (np.abs(A[A != 0]) > 0).all()
    res = solve_batch(A, B)
    assert count_wrong(res, exact_sets(A, B)) == 0
    assert not res.resolved.all()  # solved in floats, not all handed to the exact solver


def test_games_spanning_more_than_the_safe_range_go_to_the_exact_solver():
    # differences of 1e-300 next to payoffs of 1e300 cannot be handled in floats
    A = np.array([[[1e300, 1e-300], [1e300, 0.0]], [[1.0, 0.0], [0.0, 1.0]]])
    B = np.array([[[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]])
    res = solve_batch(A, B)
    assert res.resolved.tolist() == [True, False]
    assert count_wrong(res, exact_sets(A, B)) == 0


def test_float_ties_are_doubted_where_the_exact_payoffs_differ():
    """Issue 16: a float tie was believed. ``c`` and ``c + 1e-20`` are equal floats at
    c = 1; the exact payoffs are not, so the row player strictly prefers R2."""
    A = np.array([[[1.0, 0.0], [1.0 + 1e-20, 0.0]]])
    B = np.array([[[1.0, 0.0], [1.0, 0.0]]])
    exact = gt.NormalFormGame([[1, 0], [1 + Fraction(1, 10**20), 0]], [[1, 0], [1, 0]])

    def resolve(idx):
        return [([(e.row, e.col) for e in exact.equilibria()], exact.is_degenerate())
                for _ in idx]

    believed = solve_batch(A, B, resolve=resolve)
    assert len(believed) == 2 and not believed.resolved[0]  # floats taken as the data
    ea = np.ones((1, 2, 2, 2), dtype=bool)
    ea[0, 0, 1, 0] = ea[0, 1, 0, 0] = False  # A[0, 0] and A[1, 0] are not identical
    doubted = solve_batch(A, B, resolve=resolve, equal=(ea, np.ones((1, 2, 2, 2), bool)))
    assert doubted.resolved[0] and doubted.row.tolist() == [[0.0, 1.0]]


def test_a_non_equilibrium_never_leaves_the_solver(monkeypatch):
    """The last check: a float result with positive regret is replaced by the exact one."""
    from gametheory.solve import batch

    real = batch._core

    def broken(A, B, tie_tol, doubted):
        pts, xs, ys, amb, deg = real(A, B, tie_tol, doubted)
        return pts, xs[:, ::-1].copy(), ys, amb, deg  # swap the row player's strategies

    monkeypatch.setattr(batch, "_core", broken)
    A = np.array([[[3.0, 0.0], [5.0, 1.0]]])  # prisoner's dilemma: (R2, C2) only
    B = np.array([[[3.0, 5.0], [0.0, 1.0]]])
    res = solve_batch(A, B)
    assert res.resolved.tolist() == [True] and res.row.tolist() == [[0.0, 1.0]]


@pytest.mark.slow
def test_six_by_six_games_with_a_constant_row_stay_in_memory():
    """Issue 16: pairing allocated (N, nb, nb) arrays, 6.49 GiB for 8,192 such games
    (and a MemoryError under 2 GB for 400); the pairing now uses each game's distinct
    vertices only, a budget of games at a time."""
    import tracemalloc

    rng = np.random.default_rng(5)
    A = np.round(rng.normal(size=(100, 6, 6)), 2)
    B = np.round(rng.normal(size=(100, 6, 6)), 2)
    A[:, :, 0] = 1.0  # the row player is indifferent against column 0
    B[:, 0, :] = 2.0  # the column player is indifferent against row 0
    tracemalloc.start()
    res = solve_batch(A, B)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 200e6, peak  # 45 MB measured for 200 games
    assert res.degenerate.all()
    assert count_wrong(res.take_points(np.arange(12)), exact_sets(A[:12], B[:12])) == 0
