"""The compiled, certified vertex search against the exact integer search and brute force."""

from __future__ import annotations

import random
from fractions import Fraction

import numpy as np
import pytest
from reference_games import REFERENCE_GAMES

from gametheory.solve import exact, exact_kernel
from gametheory.solve.exact import (
    extreme_equilibria,
    integer_game,
    is_degenerate_exact,
    iter_extreme_equilibria,
    polytope_vertices,
    profile_key,
)
from gametheory.solve.exact_kernel import fast_vertex_pairs, polytope_bases
from gametheory.solve.reference import reference_equilibria

pytest.importorskip("numba")


def decimal_game(rng: np.random.Generator, m: int, n: int):
    """Standard normal payoffs rounded to two decimals, as exact Fractions."""
    conv = lambda M: [[Fraction(f"{v:.2f}") for v in r] for r in M]  # noqa: E731
    return conv(rng.normal(size=(m, n))), conv(rng.normal(size=(m, n)))


def python_path(A, B):
    """The pure-Python exact search, sorted like :func:`extreme_equilibria`."""
    return sorted(iter_extreme_equilibria(A, B), key=lambda e: profile_key((e[0], e[1])))


def kernel_path(A, B):
    """The kernel's answer, sorted, or ``None`` when it declines."""
    old = exact.KERNEL_MIN_CELLS
    exact.KERNEL_MIN_CELLS = 0
    try:
        out = exact._compiled_equilibria(A, B)
    finally:
        exact.KERNEL_MIN_CELLS = old
    return None if out is None else sorted(out, key=lambda e: profile_key((e[0], e[1])))


@pytest.mark.parametrize("ref", REFERENCE_GAMES, ids=lambda r: r.name)
def test_reference_games_through_the_kernel(ref):
    """The published equilibrium sets (see tests/reference_games.py for the sources), the
    degenerate ones included, with the kernel forced on however small the game."""
    got = kernel_path(ref.A, ref.B)
    if min(len(ref.A), len(ref.A[0])) < 2:
        assert got is None    # one row or column: answered directly by the exact path
        return
    if got is None:           # declined only when the scaled integers pass 2**52
        A2, B2, _, _ = integer_game(ref.A, ref.B)
        assert max(max(map(abs, r)) for r in A2 + B2) >= 2 ** 52
        return
    assert [(x, y) for x, y, _ in got] == ref.expected()
    assert got == python_path(ref.A, ref.B)


def test_polytope_bases_of_a_square_match_the_exact_search():
    G = [[2, 1], [1, 2]]
    bases, labels = polytope_bases(G, [1, 2, 4, 8])
    exact_labels = sorted(v.labels for v in polytope_vertices(G))
    assert sorted(labels.tolist()) == exact_labels
    assert len(set(bases.tolist())) == len(bases) == 3


def test_polytope_bases_against_exact_search_on_random_polytopes():
    rng = np.random.default_rng(3)
    checked = 0
    for _ in range(30):
        k, d = rng.integers(2, 7, size=2)
        G = rng.integers(1, rng.choice([3, 1000]), size=(k, d)).tolist()
        got = polytope_bases(G, [1 << v for v in range(k + d)])
        vertices = list(polytope_vertices(G))
        assert got is not None
        assert sorted(got[1].tolist()) == sorted(v.labels for v in vertices)
        checked += any(v.labels.bit_count() > d for v in vertices)
    assert checked >= 1   # some of these polytopes are degenerate


@pytest.mark.parametrize("m,n,games", [(3, 3, 30), (4, 6, 20), (7, 7, 10), (9, 8, 4)])
def test_kernel_equals_the_exact_search_on_random_games(m, n, games):
    rng = np.random.default_rng(100 * m + n)
    degenerate = 0
    for _ in range(games):
        A, B = decimal_game(rng, m, n)
        got = kernel_path(A, B)
        assert got is not None
        assert got == python_path(A, B)
        degenerate += is_degenerate_exact(A, B)
    if (m, n) == (7, 7):
        assert degenerate >= 1   # two-decimal payoffs tie often enough


def random_game(rng: random.Random, m: int, n: int, spread: int):
    return ([[rng.randint(-spread, spread) for _ in range(n)] for _ in range(m)],
            [[rng.randint(-spread, spread) for _ in range(n)] for _ in range(m)])


@pytest.mark.parametrize("seed", range(4))
def test_kernel_against_brute_force_with_many_ties(seed):
    """Small spreads give degenerate games: many bases per vertex, lexicographic ties,
    basic variables at zero; every decision there is taken from the residues."""
    rng = random.Random(seed)
    degenerate = 0
    for _ in range(15):
        m, n = rng.randint(2, 5), rng.randint(2, 5)
        A, B = random_game(rng, m, n, rng.choice([1, 2, 5, 100]))
        got = kernel_path(A, B)
        assert got is not None
        assert [(x, y) for x, y, _ in got] == reference_equilibria(A, B), (A, B)
        assert got == python_path(A, B)
        degenerate += is_degenerate_exact(A, B)
    assert degenerate >= 3


def test_highly_degenerate_larger_games_equal_the_exact_search():
    rng = random.Random(2026)
    for m, n in [(7, 7), (8, 7), (6, 9)]:
        A, B = random_game(rng, m, n, 1)
        assert is_degenerate_exact(A, B)
        got = kernel_path(A, B)
        assert got is not None and got == python_path(A, B)
        assert extreme_equilibria(A, B) == got


def test_degenerate_game_against_gambit():
    gbt = pytest.importorskip("pygambit")
    rng = random.Random(77)
    A, B = random_game(rng, 5, 6, 2)
    game = gbt.Game.from_arrays(np.array(A, dtype=object), np.array(B, dtype=object))
    p1, p2 = list(game.players)
    res = gbt.nash.enummixed_solve(game, rational=True)
    theirs = {(tuple(Fraction(str(eq[s])) for s in p1.strategies),
               tuple(Fraction(str(eq[s])) for s in p2.strategies)) for eq in res.equilibria}
    got = kernel_path(A, B)
    assert is_degenerate_exact(A, B)
    assert {(x, y) for x, y, _ in got} == theirs


def test_disabled_kernel_declines(monkeypatch):
    monkeypatch.setattr(exact_kernel, "ENABLED", False)
    assert fast_vertex_pairs([[3, 1], [5, 2]], [[3, 1], [5, 2]]) is None


def test_large_entries_are_declined():
    assert polytope_bases([[2 ** 53, 1], [1, 2]], [1, 2, 4, 8]) is None


def test_dispatch_gives_the_same_answer_on_a_12x12_game():
    rng = np.random.default_rng(12)
    A, B = decimal_game(rng, 12, 12)
    fast = extreme_equilibria(A, B)
    assert exact._compiled_equilibria(A, B) is not None
    # the answers are equilibria: checked against the best-reply conditions exactly
    for x, y, (pa, pb) in fast:
        Ay = [sum(a * q for a, q in zip(row, y, strict=True)) for row in A]
        xB = [sum(B[i][j] * x[i] for i in range(12)) for j in range(12)]
        assert pa == max(Ay) == sum(p * v for p, v in zip(x, Ay, strict=True))
        assert pb == max(xB) == sum(q * v for q, v in zip(y, xB, strict=True))


def test_without_numba_the_python_search_answers(monkeypatch):
    """A machine without the `fast` extra: the kernel declines, the same answer comes back."""
    rng = np.random.default_rng(21)
    A, B = decimal_game(rng, 9, 9)
    fast = extreme_equilibria(A, B)
    monkeypatch.setattr(exact_kernel, "kernel_available", lambda: False)
    assert exact._compiled_equilibria(A, B) is None
    assert extreme_equilibria(A, B) == fast == python_path(A, B)
