"""nashpy-backed methods: only true equilibria, no duplicates, warnings on degenerate games."""

from __future__ import annotations

import random
import warnings
from fractions import Fraction

import numpy as np
import pytest
from reference_games import REFERENCE_GAMES

import gametheory as gt
from gametheory.solve.nashpy_backend import nashpy_solutions

METHODS = ("support", "vertex", "lemke-howson")


def solve_quietly(g, method, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        eqs = g.equilibria(method=method, **kw)
    return eqs, [w for w in caught if issubclass(w.category, gt.GameWarning)]


def close_to_one_of(e, exact, tol=1e-7):
    return any(np.allclose(e.row, [float(v) for v in x], atol=tol)
               and np.allclose(e.col, [float(v) for v in y], atol=tol) for x, y in exact)


def check(g, method):
    """Every result is a verified equilibrium, no two coincide, warning iff degenerate."""
    eqs, warned = solve_quietly(g, method)
    exact = [(e.row, e.col) for e in g.equilibria()]
    for e in eqs:
        assert g.is_equilibrium(e)          # tolerance relative to the payoff scale
        assert all(isinstance(v, float) for v in (*e.row, *e.col, *e.payoffs))
        if method != "support":            # Lemke-Howson and vertices give vertices
            assert close_to_one_of(e, exact)
    for i, e in enumerate(eqs):
        for f in eqs[:i]:
            assert not (np.allclose(e.row, f.row, atol=1e-9) and np.allclose(e.col, f.col,
                                                                             atol=1e-9))
    assert bool(warned) == g.is_degenerate()
    return eqs, exact


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("ref", REFERENCE_GAMES, ids=lambda r: r.name)
def test_reference_games(ref, method):
    g = gt.NormalFormGame(ref.A, ref.B)
    eqs, exact = check(g, method)
    if not ref.degenerate and method != "lemke-howson":
        assert len(eqs) == len(exact)       # complete on nondegenerate games
        assert all(close_to_one_of(e, exact) for e in eqs)
    if method == "lemke-howson":
        assert eqs                           # Lemke-Howson always finds one


@pytest.mark.parametrize("method", METHODS)
def test_random_integer_games_with_ties(method):
    rng = random.Random(4)
    for _ in range(25):
        m, n = rng.randint(1, 4), rng.randint(1, 4)
        A = [[rng.randint(-1, 1) for _ in range(n)] for _ in range(m)]
        B = [[rng.randint(-1, 1) for _ in range(n)] for _ in range(m)]
        check(gt.NormalFormGame(A, B), method)


def test_support_enumeration_finds_every_equilibrium_of_random_normal_games():
    """nashpy itself drops about one 3x3 game in five here (a -1e-17 probability)."""
    rng = np.random.default_rng(2024)
    for _ in range(40):
        g = gt.NormalFormGame(rng.normal(size=(3, 3)), rng.normal(size=(3, 3)))
        eqs, exact = check(g, "support")
        assert len(eqs) == len(exact)
        assert all(close_to_one_of(e, exact) for e in eqs)


def test_vertex_enumeration_complete_on_random_normal_games():
    rng = np.random.default_rng(5)
    for _ in range(15):
        m, n = rng.integers(2, 5, size=2)
        g = gt.NormalFormGame(rng.normal(size=(m, n)), rng.normal(size=(m, n)))
        eqs, exact = check(g, "vertex")
        assert len(eqs) == len(exact)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("shape", [(1, 1), (1, 4), (3, 1), (3, 3)])
def test_no_crash_or_hang_on_trivial_and_all_zero_games(method, shape):
    """nashpy's vertex enumeration crashes on all-zero and 1xN games; Lemke-Howson hangs
    on some 3x1 and 1x1 games."""
    g = gt.NormalFormGame(np.zeros(shape), np.zeros(shape))
    eqs, warned = solve_quietly(g, method)
    assert eqs and all(g.is_equilibrium(e) for e in eqs)
    if method != "lemke-howson" or min(shape) == 1:
        assert len(eqs) == shape[0] * shape[1]       # every pure profile
    assert bool(warned) == g.is_degenerate()


@pytest.mark.parametrize("method", METHODS)
def test_three_by_one_and_one_by_one(method):
    g = gt.NormalFormGame([[1], [3], [2]], [[0], [5], [1]])
    eqs, _ = solve_quietly(g, method)
    assert [(e.row, e.col) for e in eqs] == [((0.0, 1.0, 0.0), (1.0,))]
    eqs, _ = solve_quietly(gt.NormalFormGame([[7]], [[-1]]), method)
    assert [(e.row, e.col, e.payoffs) for e in eqs] == [((1.0,), (1.0,), (7.0, -1.0))]


@pytest.mark.parametrize("method", ("support", "vertex"))
def test_payoffs_near_one_million(method):
    """nashpy's vertex enumeration returned non-equilibria on such games."""
    rng = np.random.default_rng(9)
    for _ in range(6):
        g = gt.NormalFormGame(1e6 + rng.normal(size=(3, 3)), 1e6 + rng.normal(size=(3, 3)))
        eqs, exact = check(g, method)
        for e in eqs:
            x = [Fraction(v) for v in e.row]
            y = [Fraction(v) for v in e.col]
            # regret relative to the payoff differences (about 1), not to 1e6
            assert max(float(r) for r in g.regret((e.row, e.col))) < 1e-6
            assert sum(x) > 0 and sum(y) > 0
        assert len(eqs) == len(exact)


def test_warning_names_the_risk():
    g = gt.NormalFormGame([[1, 1], [0, 0]], [[1, 1], [0, 0]])
    with pytest.warns(gt.GameWarning, match="degenerate.*may miss extreme equilibria"):
        g.equilibria(method="support")
    assert issubclass(gt.GameWarning, UserWarning)


def test_no_warning_on_nondegenerate_game():
    g = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for method in METHODS:
            assert len(g.equilibria(method=method)) == (3 if method != "lemke-howson" else
                                                        len(g.equilibria(method=method)))


def test_lemke_howson_iteration_cap_warns():
    rng = np.random.default_rng(1)
    g = gt.NormalFormGame(rng.normal(size=(6, 6)), rng.normal(size=(6, 6)))
    with pytest.warns(gt.GameWarning, match="iteration cap"):
        g.equilibria("lemke-howson", max_iterations=1)


def test_bad_method_and_options():
    g = gt.NormalFormGame([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(gt.SolverError, match="unknown nashpy method"):
        nashpy_solutions(g.A, g.B, "simplex")
    with pytest.raises(gt.SolverError, match="lemke-howson"):
        g.equilibria(method="support", max_iterations=3)


def test_tolerance_option_rejects_with_tight_tolerance():
    g = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    eqs, _ = solve_quietly(g, "support", tol=1e-12)
    assert len(eqs) == 1


def test_nashpy_failure_falls_back_to_exact_with_a_warning(monkeypatch):
    from gametheory.solve import nashpy_backend

    def boom(A, B):
        raise RuntimeError("qhull says no")
        yield  # pragma: no cover

    monkeypatch.setattr(nashpy_backend, "_vertex_candidates", boom)
    g = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    with pytest.warns(gt.GameWarning, match="failed .*qhull says no"):
        eqs = g.equilibria(method="vertex")
    assert [e.row for e in eqs] == [(1.0, 0.0), (2 / 3, 1 / 3), (0.0, 1.0)]


def test_even_count_on_a_nondegenerate_game_warns(monkeypatch):
    """Battle of the sexes has three equilibria; if rounding loses one, the user hears."""
    from gametheory.solve import nashpy_backend

    real = nashpy_backend._support_candidates

    def lossy(A, B):
        return list(real(A, B))[1:]

    monkeypatch.setattr(nashpy_backend, "_support_candidates", lossy)
    g = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    with pytest.warns(gt.GameWarning, match="found 2 equilibria of a nondegenerate game"):
        assert len(g.equilibria(method="support")) == 2


@pytest.mark.parametrize("options, match", [
    ({"max_iterations": -1}, "max_iterations must be a positive integer"),
    ({"max_iterations": 0}, "max_iterations must be a positive integer"),
    ({"max_iterations": 2.5}, "max_iterations must be a positive integer"),
    ({"tol": float("nan")}, "tol must be a finite number"),
    ({"tol": -1e-9}, "tol must be a finite number"),
])
def test_bad_options_are_refused(options, match):
    """Issue 16: max_iterations=-1 returned no equilibria instead of an error."""
    g = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    with pytest.raises(gt.SolverError, match=match):
        g.equilibria(method="lemke-howson", **options)


def test_support_enumeration_size_limit():
    g = gt.NormalFormGame(np.eye(12), np.eye(12))  # 2,704,155 support pairs
    with pytest.raises(gt.SolverError, match="MAX_SUPPORT_PAIRS.*method='exact'"):
        g.equilibria(method="support")
    with pytest.raises(gt.SolverError, match="MAX_EXACT_BASES"):
        gt.NormalFormGame(np.eye(30), np.eye(30)).equilibria(method="vertex")
