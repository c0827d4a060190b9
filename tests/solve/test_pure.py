"""Pure equilibria on payoff arrays (gametheory.solve.pure)."""

from __future__ import annotations

import random
from fractions import Fraction

import gametheory as gt
from gametheory.solve.pure import pure_solutions


def test_exact_arrays_give_exact_cells_in_row_major_order():
    found = pure_solutions([[2, 0], [0, 1]], [[2, 0], [0, 1]])
    assert [(x, y) for x, y, _ in found] == [((1, 0), (1, 0)), ((0, 1), (0, 1))]
    assert all(isinstance(v, Fraction) for x, y, pay in found for v in (*x, *y, *pay))
    assert [pay for _, _, pay in found] == [(2, 2), (1, 1)]


def test_float_arrays_use_the_tolerance():
    A, B = [[0.0, 0.0]], [[1.0, 1.0 - 1e-12]]
    assert len(pure_solutions(A, B)) == 2                 # within 1e-9 of the best
    assert len(pure_solutions(A, B, tol=0.0)) == 1
    [(x, y, pay)] = pure_solutions(A, B, tol=0.0)
    assert (x, y, pay) == ((1.0,), (1.0, 0.0), (0.0, 1.0))


def test_matching_pennies_has_none():
    assert pure_solutions([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]) == []


def test_agrees_with_the_pure_extreme_equilibria():
    rng = random.Random(3)
    for _ in range(60):
        m, n = rng.randint(1, 4), rng.randint(1, 4)
        A = [[rng.randint(-2, 2) for _ in range(n)] for _ in range(m)]
        B = [[rng.randint(-2, 2) for _ in range(n)] for _ in range(m)]
        g = gt.NormalFormGame(A, B)
        pure = [(x, y) for x, y, _ in pure_solutions(A, B)]
        assert sorted(pure) == sorted(e.profile for e in g.equilibria() if e.is_pure)
        assert [e.profile for e in g.pure_equilibria()] == pure
