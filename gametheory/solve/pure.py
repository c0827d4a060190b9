"""Pure-strategy Nash equilibria by checking every cell for mutual best replies."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from ..core.game import Equilibrium, NormalFormGame

__all__ = ["pure_equilibria"]


def pure_equilibria(game: NormalFormGame, tol: float | None = None) -> list[Equilibrium]:
    """Cells ``(i, j)`` where ``i`` is a best reply to ``j`` and ``j`` to ``i``, row-major.

    Exact games are compared exactly; float games with tolerance ``tol`` (default
    ``1e-9`` times the payoff scale).

    Examples
    --------
    >>> import gametheory as gt
    >>> coord = gt.NormalFormGame([[2, 0], [0, 1]], [[2, 0], [0, 1]])
    >>> [e.support for e in gt.solve.pure_equilibria(coord)]
    [((0,), (0,)), ((1,), (1,))]
    """
    from ..core.game import Equilibrium

    A, B = game.payoff_matrices
    m, n = game.shape
    if game.is_exact and tol is None:
        col_best = [max(A[:, j]) for j in range(n)]
        row_best = [max(B[i, :]) for i in range(m)]

        def ok(i: int, j: int) -> bool:
            return A[i, j] == col_best[j] and B[i, j] == row_best[i]
        one, zero = Fraction(1), Fraction(0)
    else:
        t = game._tol(tol)
        Af, Bf = game.as_float()
        cb, rb = Af.max(axis=0), Bf.max(axis=1)

        def ok(i: int, j: int) -> bool:
            return cb[j] - Af[i, j] <= t and rb[i] - Bf[i, j] <= t
        one, zero = 1.0, 0.0
    out = []
    for i in range(m):
        for j in range(n):
            if ok(i, j):
                x = tuple(one if k == i else zero for k in range(m))
                y = tuple(one if k == j else zero for k in range(n))
                pay = (A[i, j], B[i, j]) if game.is_exact else (float(A[i, j]), float(B[i, j]))
                out.append(Equilibrium(x, y, pay, game.players, game.strategies))
    return out


del np
