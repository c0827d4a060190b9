"""Brute-force exact vertex enumeration: a slow, obviously-correct reference solver.

For a bimatrix game with payoffs shifted to be positive, the best-response polytopes are
(von Stengel 2007, "Equilibrium computation for two-player games in strategic and
extensive form", ch. 3 of Nisan et al., *Algorithmic Game Theory*, Sec. 3.2)

    P = {x in R^m : x >= 0, B^T x <= 1},    Q = {y in R^n : A y <= 1, y >= 0}.

Label the m + n inequalities 0..m+n-1 (row strategies first). A pair of vertices
(x, y) != (0, 0) whose tight labels together cover all m + n labels, normalised to
probability vectors, is an extreme Nash equilibrium, and every extreme equilibrium arises
so (Theorem 3.4 ibid.; Avis, Rosenberg, Savani and von Stengel 2010, Sec. 2).

This module tries every set of m (resp. n) tight inequalities, solves each system in
exact rational arithmetic and keeps the feasible, unique solutions. It is exponential and
meant for games up to about 5x5: the test suite uses it as an independent check of the
fast solvers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction
from itertools import combinations
from typing import Any

from .._numbers import fraction_matrix
from .exact import profile_key

__all__ = ["solve_linear_exact", "polytope_vertices_bruteforce", "reference_equilibria"]


def solve_linear_exact(M: Sequence[Sequence[Fraction]], rhs: Sequence[Fraction]
                       ) -> list[Fraction] | None:
    """Solve the square system ``M z = rhs`` exactly; ``None`` if ``M`` is singular."""
    n = len(M)
    aug = [[Fraction(v) for v in row] + [Fraction(r)] for row, r in zip(M, rhs, strict=True)]
    for c in range(n):
        piv = next((r for r in range(c, n) if aug[r][c] != 0), None)
        if piv is None:
            return None
        aug[c], aug[piv] = aug[piv], aug[c]
        pv = aug[c][c]
        rowc = [v / pv for v in aug[c]]
        aug[c] = rowc
        for r in range(n):
            if r != c and aug[r][c] != 0:
                f = aug[r][c]
                aug[r] = [a - f * b for a, b in zip(aug[r], rowc, strict=True)]
    return [aug[r][n] for r in range(n)]


def polytope_vertices_bruteforce(G: Sequence[Sequence[Fraction]], dim_first: bool
                                 ) -> Iterator[tuple[tuple[Fraction, ...], frozenset[int]]]:
    """Vertices (with their tight-label sets) of ``{z >= 0 : G z <= 1}``.

    ``G`` has ``k`` rows and ``d`` columns (``z`` in R^d). Labels: when ``dim_first`` the
    ``d`` nonnegativity constraints are labels ``0..d-1`` and the ``k`` rows of ``G`` are
    ``d..d+k-1``; otherwise the rows of ``G`` come first.
    """
    k, d = len(G), len(G[0])
    # constraint c as (coeffs, rhs, label)
    cons = []
    for j in range(d):
        coeffs = [Fraction(int(i == j)) for i in range(d)]
        cons.append((coeffs, Fraction(0), j if dim_first else k + j))
    for i in range(k):
        cons.append(([Fraction(v) for v in G[i]], Fraction(1), d + i if dim_first else i))
    seen = set()
    for chosen in combinations(range(len(cons)), d):
        z = solve_linear_exact([cons[c][0] for c in chosen], [cons[c][1] for c in chosen])
        if z is None:
            continue
        if any(v < 0 for v in z):
            continue
        if any(sum(g * v for g, v in zip(G[i], z, strict=True)) > 1 for i in range(k)):
            continue
        key = tuple(z)
        if key in seen:
            continue
        seen.add(key)
        labels = frozenset(lab for coeffs, r, lab in cons
                           if sum(c * v for c, v in zip(coeffs, z, strict=True)) == r)
        yield key, labels


def reference_equilibria(A: Sequence[Sequence[Any]], B: Sequence[Sequence[Any]]
                         ) -> list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]:
    """All extreme equilibria ``(x, y)`` of the game ``(A, B)``, exactly, sorted.

    ``A`` and ``B`` are 2-D arrays or nested sequences of ints, Fractions or floats
    (floats at their exact rational value).

    >>> reference_equilibria([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    [((Fraction(1, 2), Fraction(1, 2)), (Fraction(1, 2), Fraction(1, 2)))]
    """
    A = fraction_matrix(A)
    B = fraction_matrix(B)
    m, n = len(A), len(A[0])
    shift_a = 1 - min(min(r) for r in A)
    shift_b = 1 - min(min(r) for r in B)
    Ap = [[v + shift_a for v in row] for row in A]
    BpT = [[B[i][j] + shift_b for i in range(m)] for j in range(n)]
    # P: x in R^m, constraints x >= 0 (labels 0..m-1), B^T x <= 1 (labels m..m+n-1)
    P = list(polytope_vertices_bruteforce(BpT, dim_first=True))
    # Q: y in R^n, A y <= 1 (labels 0..m-1), y >= 0 (labels m..m+n-1)
    Q = list(polytope_vertices_bruteforce(Ap, dim_first=False))
    full = frozenset(range(m + n))
    out = []
    for x, lx in P:
        if not any(x):
            continue
        for y, ly in Q:
            if not any(y) or (lx | ly) != full:
                continue
            sx, sy = sum(x), sum(y)
            out.append((tuple(v / sx for v in x), tuple(v / sy for v in y)))
    return sorted(set(out), key=profile_key)
