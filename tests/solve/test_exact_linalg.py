"""Exact row reduction, null spaces and polytope vertices, checked against hand-computed
polytopes and a brute-force vertex test."""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import pytest

from gametheory.errors import SolverError
from gametheory.solve import exact_linalg
from gametheory.solve.exact_linalg import nullspace, polytope_vertices, rref, solve_affine


def test_rref_and_nullspace():
    m, piv = rref([[F(1), F(2), F(3)], [F(2), F(4), F(6)], [F(0), F(1), F(1)]])
    assert piv == [0, 1] and m == [[F(1), F(0), F(1)], [F(0), F(1), F(1)]]
    (v,) = nullspace([[F(1), F(2), F(3)], [F(0), F(1), F(1)]], 3)
    assert v == [F(-1), F(-1), F(1)]
    assert nullspace([], 2) == [[F(1), F(0)], [F(0), F(1)]]
    assert solve_affine([[F(1), F(1)], [F(1), F(1)]], [F(1), F(2)], 2) is None


def test_square_and_triangle_vertices():
    # the unit square
    ineq = [[F(-1), F(0)], [F(0), F(-1)], [F(1), F(0)], [F(0), F(1)]]
    assert sorted(polytope_vertices([], [], ineq, [F(0), F(0), F(1), F(1)])) == [
        (0, 0), (0, 1), (1, 0), (1, 1)]
    # a face of the 3-simplex cut by x1 <= 1/2 (a redundant-free quadrilateral)
    eq = [[F(1), F(1), F(1)]]
    ineq = [[F(-1), F(0), F(0)], [F(0), F(-1), F(0)], [F(0), F(0), F(-1)],
            [F(1), F(0), F(0)]]
    got = sorted(polytope_vertices(eq, [F(1)], ineq, [F(0)] * 3 + [F(1, 2)]))
    assert got == [(0, 0, 1), (0, 1, 0), (F(1, 2), 0, F(1, 2)), (F(1, 2), F(1, 2), 0)]
    # brute force: a vertex is a feasible point where 2 independent inequalities bind
    for v in got:
        tight = [r for r, h in zip(ineq, [0, 0, 0, F(1, 2)], strict=True)
                 if sum(a * b for a, b in zip(r, v, strict=True)) == h]
        assert len(tight) >= 2


def test_empty_point_and_limit(monkeypatch):
    assert polytope_vertices([[F(1)]], [F(2)], [[F(1)]], [F(1)]) == []
    assert polytope_vertices([[F(1)]], [F(1)], [[F(1)]], [F(1)]) == [(F(1),)]
    monkeypatch.setattr(exact_linalg, "MAX_BASES", 3)
    ineq = [list(r) for r in itertools.product([F(-1), F(1)], repeat=2)]
    with pytest.raises(SolverError, match="bases"):
        polytope_vertices([], [], ineq, [F(1)] * 4)
