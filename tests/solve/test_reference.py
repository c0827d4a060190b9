"""The brute-force reference solver (gametheory.solve.reference)."""

from __future__ import annotations

from fractions import Fraction

from reference_games import REFERENCE_GAMES

import gametheory as gt
from gametheory.solve.reference import (
    polytope_vertices_bruteforce,
    reference_equilibria,
    solve_linear_exact,
)


def test_solve_linear_exact():
    assert solve_linear_exact([[2, 1], [1, 3]], [3, 5]) == [Fraction(4, 5), Fraction(7, 5)]
    assert solve_linear_exact([[1, 2], [2, 4]], [1, 2]) is None


def test_vertices_of_the_unit_square():
    verts = dict(polytope_vertices_bruteforce([[1, 0], [0, 1]], dim_first=True))
    assert set(verts) == {(0, 0), (1, 0), (0, 1), (1, 1)}
    assert verts[(1, 1)] == frozenset({2, 3})


def test_published_games_and_the_exact_solver_agree():
    for ref in REFERENCE_GAMES:
        g = gt.NormalFormGame(ref.A, ref.B)
        assert reference_equilibria(ref.A, ref.B) == [e.profile for e in g.equilibria()], \
            ref.name


def test_floats_are_taken_at_their_exact_value():
    got = reference_equilibria([[0.5, 0.0], [0.0, 0.25]], [[0.25, 0.0], [0.0, 0.5]])
    assert got[1] == ((Fraction(2, 3), Fraction(1, 3)), (Fraction(1, 3), Fraction(2, 3)))


def test_reference_method_through_the_facade():
    g = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    assert g.equilibria(method="reference") == g.equilibria()
