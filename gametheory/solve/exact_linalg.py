r"""Exact linear algebra over Fractions: row reduction, null spaces and the vertices of small
polytopes, for the equilibrium refinements that need them (mixed perfect Bayesian
equilibria, consistency of beliefs).

A polytope here is :math:`\{x \in \mathbb{R}^n : E x = e,\ G x \le g\}` and is assumed
bounded. Its vertices are the feasible points where the equalities and :math:`n -
\operatorname{rank} E` linearly independent inequalities hold with equality; we write
:math:`x = x_0 + N z` over the null space :math:`N` of :math:`E` and try every choice of
:math:`d = \dim N` inequalities (fine for the small dimensions of textbook games, bounded
by ``MAX_BASES``).

>>> from fractions import Fraction as F
>>> # the simplex {x1 + x2 = 1, x >= 0}: vertices (1, 0) and (0, 1)
>>> sorted(polytope_vertices([[F(1), F(1)]], [F(1)], [[F(-1), F(0)], [F(0), F(-1)]],
...                          [F(0), F(0)]))
[(Fraction(0, 1), Fraction(1, 1)), (Fraction(1, 1), Fraction(0, 1))]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from fractions import Fraction

from ..errors import SolverError

__all__ = ["rref", "nullspace", "solve_affine", "polytope_vertices", "MAX_BASES"]

#: Most candidate bases :func:`polytope_vertices` tries before giving up.
MAX_BASES = 200_000

_F0 = Fraction(0)


def rref(rows: Sequence[Sequence[Fraction]]) -> tuple[list[list[Fraction]], list[int]]:
    """Reduced row echelon form and pivot columns (exact).

    >>> from fractions import Fraction as F
    >>> rref([[F(2), F(4)], [F(1), F(2)]])
    ([[Fraction(1, 1), Fraction(2, 1)]], [0])
    """
    m = [list(map(Fraction, r)) for r in rows]
    pivots: list[int] = []
    ncols = len(m[0]) if m else 0
    r = 0
    for c in range(ncols):
        p = next((i for i in range(r, len(m)) if m[i][c] != 0), None)
        if p is None:
            continue
        m[r], m[p] = m[p], m[r]
        inv = 1 / m[r][c]
        m[r] = [v * inv for v in m[r]]
        for i in range(len(m)):
            if i != r and m[i][c] != 0:
                f = m[i][c]
                m[i] = [a - f * b for a, b in zip(m[i], m[r], strict=True)]
        pivots.append(c)
        r += 1
        if r == len(m):
            break
    return m[:r], pivots


def nullspace(rows: Sequence[Sequence[Fraction]], ncols: int) -> list[list[Fraction]]:
    """A basis of :math:`\\{x : R x = 0\\}` (exact; ``ncols`` columns).

    >>> from fractions import Fraction as F
    >>> nullspace([[F(1), F(1)]], 2)
    [[Fraction(-1, 1), Fraction(1, 1)]]
    """
    if not rows:
        return [[Fraction(int(i == j)) for i in range(ncols)] for j in range(ncols)]
    m, piv = rref(rows)
    free = [c for c in range(ncols) if c not in piv]
    basis = []
    for f in free:
        v = [_F0] * ncols
        v[f] = Fraction(1)
        for r, p in enumerate(piv):
            v[p] = -m[r][f]
        basis.append(v)
    return basis


def solve_affine(rows: Sequence[Sequence[Fraction]], rhs: Sequence[Fraction], ncols: int
                 ) -> tuple[list[Fraction], list[list[Fraction]]] | None:
    """A particular solution and a null-space basis of :math:`R x = r`, or None if none.

    >>> from fractions import Fraction as F
    >>> solve_affine([[F(1), F(1)]], [F(1)], 2)
    ([Fraction(1, 1), Fraction(0, 1)], [[Fraction(-1, 1), Fraction(1, 1)]])
    """
    if not rows:
        return [_F0] * ncols, nullspace([], ncols)
    aug = [list(r) + [Fraction(b)] for r, b in zip(rows, rhs, strict=True)]
    m, piv = rref(aug)
    if ncols in piv:
        return None
    x = [_F0] * ncols
    for r, p in enumerate(piv):
        x[p] = m[r][ncols]
    return x, nullspace([r[:ncols] for r in m], ncols)


def _det(m: list[list[int]]) -> int:
    """Determinant of an integer matrix by Bareiss's fraction-free elimination."""
    a = [row[:] for row in m]
    n = len(a)
    sign, prev = 1, 1
    for k in range(n - 1):
        if a[k][k] == 0:
            swap = next((i for i in range(k + 1, n) if a[i][k] != 0), None)
            if swap is None:
                return 0
            a[k], a[swap] = a[swap], a[k]
            sign = -sign
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
        prev = a[k][k]
    return sign * a[n - 1][n - 1] if n else 1


def _integer_rows(rows: Sequence[Sequence[Fraction]], rhs: Sequence[Fraction]
                  ) -> list[tuple[list[int], int]] | None:
    """``a.z <= h`` rows scaled to integers, zero rows dropped, duplicates removed; None
    when a zero row is violated."""
    out: dict[tuple[tuple[int, ...], int], None] = {}
    for r, h in zip(rows, rhs, strict=True):
        den = 1
        for v in (*r, h):
            den = den * v.denominator // math.gcd(den, v.denominator)
        ints = [int(v * den) for v in r]
        hi = int(h * den)
        g = math.gcd(*ints, hi)
        if not any(ints):
            if hi < 0:
                return None
            continue
        out.setdefault((tuple(v // g for v in ints), hi // g), None)
    return [(list(r), h) for r, h in out]


def polytope_vertices(eq: Sequence[Sequence[Fraction]], eq_rhs: Sequence[Fraction],
                      ineq: Sequence[Sequence[Fraction]], ineq_rhs: Sequence[Fraction]
                      ) -> list[tuple[Fraction, ...]]:
    """The vertices of the bounded polytope ``{x : eq x = eq_rhs, ineq x <= ineq_rhs}``.

    The equalities are solved exactly once; each choice of :math:`d` inequalities is
    then solved by Cramer's rule with fraction-free (Bareiss) determinants and checked
    against the other inequalities in integer arithmetic.

    Raises
    ------
    SolverError
        When more than ``MAX_BASES`` candidate bases would be tried.
    """
    n = len(ineq[0]) if ineq else (len(eq[0]) if eq else 0)
    sol = solve_affine(eq, eq_rhs, n)
    if sol is None:
        return []
    x0, basis = sol
    d = len(basis)
    # inequalities in z: (G N) z <= g - G x0
    gz = [[sum((g[j] * b[j] for j in range(n)), _F0) for b in basis] for g in ineq]
    hz = [h - sum((g[j] * x0[j] for j in range(n)), _F0) for g, h in zip(ineq, ineq_rhs,
                                                                      strict=True)]
    rows = _integer_rows(gz, hz)
    if rows is None:
        return []

    def point(z: Sequence[Fraction]) -> tuple[Fraction, ...]:
        return tuple(x0[j] + sum((z[k] * basis[k][j] for k in range(d)), _F0)
                     for j in range(n))

    if d == 0:
        return [point([])]  # every remaining row was a satisfied zero row
    if math.comb(len(rows), d) > MAX_BASES:
        raise SolverError(f"vertex enumeration needs {math.comb(len(rows), d)} bases "
                          f"(more than {MAX_BASES}); the game is too large for it")
    found: dict[tuple[Fraction, ...], None] = {}
    for pick in itertools.combinations(range(len(rows)), d):
        a = [rows[i][0] for i in pick]
        det = _det(a)
        if det == 0:
            continue
        b = [rows[i][1] for i in pick]
        num = [_det([[*r[:k], bi, *r[k + 1:]] for r, bi in zip(a, b, strict=True)])
               for k in range(d)]
        if det < 0:
            det, num = -det, [-v for v in num]
        if all(sum(c * v for c, v in zip(r, num, strict=True)) <= h * det for r, h in rows):
            found.setdefault(point([Fraction(v, det) for v in num]), None)
    return list(found)
