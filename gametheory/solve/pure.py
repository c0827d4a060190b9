r"""Pure-strategy Nash equilibria by checking every cell for mutual best replies.

A cell :math:`(i, j)` of a bimatrix game :math:`(A, B)` is a pure Nash equilibrium when
:math:`A_{ij} = \max_k A_{kj}` (row :math:`i` is a best reply to column :math:`j`) and
:math:`B_{ij} = \max_l B_{il}` (and vice versa). Exact payoffs are compared exactly; float
payoffs within a tolerance.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from .._numbers import float_tolerance

__all__ = ["pure_solutions"]


def pure_solutions(A: Any, B: Any, tol: float | None = None) -> list[tuple[tuple, tuple, tuple]]:
    """Every pure equilibrium ``(x, y, payoffs)`` of ``(A, B)``, in row-major order of cells.

    Parameters
    ----------
    A, B : array-like, shape (m, n)
        Payoffs. When every entry is a Fraction (or int) and ``tol`` is None, the check is
        exact and the result holds Fractions; otherwise it runs on floats with tolerance
        ``tol`` (default ``1e-9`` times the payoff scale) and the result holds floats.
    tol : float, optional

    Examples
    --------
    >>> [(x, y) for x, y, _ in pure_solutions([[2, 0], [0, 1]], [[2, 0], [0, 1]])]
    [((Fraction(1, 1), Fraction(0, 1)), (Fraction(1, 1), Fraction(0, 1))), \
((Fraction(0, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1)))]
    >>> [(x, y) for x, y, _ in pure_solutions([[1.0, 1.0]], [[0.0, 1e-12]], tol=1e-9)]
    [((1.0,), (1.0, 0.0)), ((1.0,), (0.0, 1.0))]
    """
    Ao, Bo = np.asarray(A, dtype=object), np.asarray(B, dtype=object)
    m, n = Ao.shape
    exact = tol is None and all(isinstance(v, Fraction | int) and not isinstance(v, bool)
                                for v in (*Ao.flat, *Bo.flat))
    if exact:
        Ae = [[Fraction(v) for v in row] for row in Ao.tolist()]
        Be = [[Fraction(v) for v in row] for row in Bo.tolist()]
        col_best = [max(Ae[i][j] for i in range(m)) for j in range(n)]
        row_best = [max(Be[i]) for i in range(m)]

        def ok(i: int, j: int) -> bool:
            return Ae[i][j] == col_best[j] and Be[i][j] == row_best[i]

        def pay(i: int, j: int) -> tuple:
            return Ae[i][j], Be[i][j]
        one, zero = Fraction(1), Fraction(0)
    else:
        Af, Bf = Ao.astype(float), Bo.astype(float)
        t = float_tolerance(tol, Af, Bf)
        cb, rb = Af.max(axis=0), Bf.max(axis=1)

        def ok(i: int, j: int) -> bool:
            return cb[j] - Af[i, j] <= t and rb[i] - Bf[i, j] <= t

        def pay(i: int, j: int) -> tuple:
            return float(Af[i, j]), float(Bf[i, j])
        one, zero = 1.0, 0.0
    out = []
    for i in range(m):
        for j in range(n):
            if ok(i, j):
                x = tuple(one if k == i else zero for k in range(m))
                y = tuple(one if k == j else zero for k in range(n))
                out.append((x, y, pay(i, j)))
    return out
