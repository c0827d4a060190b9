r"""Pure Nash equilibria of n-player games, exactly and vectorised over all cells.

An n-player normal-form game gives player :math:`i` the payoff :math:`u_i(s)` at each pure
profile :math:`s = (s_1, \dots, s_n) \in S_1 \times \dots \times S_n`; stored as an array
:math:`U_i` of shape :math:`(|S_1|, \dots, |S_n|)`. A profile is a pure Nash equilibrium when
no player gains by a unilateral change:

.. math::  u_i(s) = \max_{t \in S_i} u_i(t, s_{-i}) \quad \text{for every } i,

that is, when :math:`U_i[s]` equals the maximum of :math:`U_i` along axis :math:`i` at the
other coordinates of :math:`s`. One reduction per player (``U_i.max(axis=i)``) and one
comparison per cell decide every profile at once.

Exactness: rational payoffs are scaled to integers per player by the least common multiple
of their denominators (a positive scaling keeps every best reply), so the comparison is
exact integer arithmetic in ``int64`` when the integers fit and in Python integers
otherwise. Float payoffs are compared with an explicit absolute tolerance.

Examples
--------
A three-player coordination game: all three choose ``0`` or ``1`` and each earns 1 when
everybody matches.

>>> import numpy as np
>>> U = np.zeros((2, 2, 2), dtype=int)
>>> U[0, 0, 0] = U[1, 1, 1] = 1
>>> pure_equilibria_n([U, U, U])
[(0, 0, 0), (1, 1, 1)]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from ..errors import PayoffError

__all__ = ["pure_equilibria_n", "pure_profiles_n", "integer_payoffs", "MAX_CELLS_PURE"]

#: Largest number of pure profiles :func:`pure_equilibria_n` checks (a bound on memory:
#: a few arrays of this many integers).
MAX_CELLS_PURE = 50_000_000
_INT64_SAFE = 2**62


def _shape_of(payoffs: Sequence[np.ndarray]) -> tuple[int, ...]:
    if len(payoffs) < 1:
        raise PayoffError("a game needs at least one player's payoff array")
    shapes = {np.shape(u) for u in payoffs}
    if len(shapes) != 1:
        raise PayoffError(f"every player's payoff array needs the same shape; got {sorted(shapes)}")
    shape = shapes.pop()
    if len(shape) != len(payoffs):
        raise PayoffError(f"{len(payoffs)} players need {len(payoffs)}-dimensional payoff arrays; "
                          f"got shape {shape}")
    if any(k < 1 for k in shape):
        raise PayoffError(f"every player needs at least one strategy; got shape {shape}")
    cells = math.prod(shape)
    if cells > MAX_CELLS_PURE:
        raise PayoffError(f"the game has {cells:,} pure profiles; pure_equilibria_n checks at "
                          f"most {MAX_CELLS_PURE:,}")
    return shape


def integer_payoffs(u: np.ndarray) -> np.ndarray:
    """``u`` (exact entries: ints or Fractions) times the LCM of its denominators.

    The result is an ``int64`` array when every entry fits, else an object array of Python
    integers; either way a positive multiple of ``u``, so best replies are unchanged.

    >>> from fractions import Fraction as F
    >>> integer_payoffs(np.array([[F(1, 2), F(2, 3)]], dtype=object)).tolist()
    [[3, 4]]
    """
    arr = np.asarray(u)
    if arr.dtype.kind in "iub":
        return arr.astype(np.int64) if arr.dtype.kind != "u" or arr.max(initial=0) < \
            _INT64_SAFE else arr.astype(object)
    flat = [v if type(v) is Fraction else Fraction(v) for v in arr.astype(object).ravel()]
    lcm = math.lcm(*(v.denominator for v in flat)) if flat else 1
    ints = [v.numerator * (lcm // v.denominator) for v in flat]
    big = max((abs(v) for v in ints), default=0)
    dtype = np.int64 if big < _INT64_SAFE else object
    return np.array(ints, dtype=dtype).reshape(np.shape(u))


def pure_equilibria_n(payoffs: Sequence[np.ndarray], tol: float | None = None
                      ) -> list[tuple[int, ...]]:
    """Every pure Nash equilibrium, as strategy-index tuples in lexicographic order.

    Parameters
    ----------
    payoffs : sequence of n arrays of shape ``(s_1, ..., s_n)``
        ``payoffs[i][s]`` is player ``i``'s payoff at profile ``s``. Integer, Fraction or
        exact object arrays are compared exactly; float arrays with tolerance ``tol``.
    tol : float, optional
        Absolute tolerance for float payoffs: ``s`` is accepted when every player's gain
        from deviating is at most ``tol``. Default ``1e-9`` times the largest absolute
        payoff (at least ``1e-12``). Ignored for exact payoffs.

    Returns
    -------
    list of tuple of int

    Raises
    ------
    PayoffError
        Shapes that do not match the number of players, or more than
        :data:`MAX_CELLS_PURE` profiles.

    Examples
    --------
    Matching pennies has no pure equilibrium; a prisoner's dilemma has one:

    >>> A = np.array([[3, 0], [5, 1]])
    >>> pure_equilibria_n([A, A.T])
    [(1, 1)]
    >>> pure_equilibria_n([np.array([[1, -1], [-1, 1]]), np.array([[-1, 1], [1, -1]])])
    []
    """
    shape = _shape_of(payoffs)
    arrays = [np.asarray(u) for u in payoffs]
    exact = all(a.dtype.kind in "iub" or a.dtype == object for a in arrays)
    mask = np.ones(shape, dtype=bool)
    if exact:
        for i, a in enumerate(arrays):
            ints = integer_payoffs(a)
            mask &= ints == ints.max(axis=i, keepdims=True)
    else:
        floats = [a.astype(float) for a in arrays]
        if not all(np.isfinite(f).all() for f in floats):
            raise PayoffError("payoffs must be finite numbers")
        if tol is None:
            scale = max(float(np.abs(f).max()) for f in floats)
            tol = max(1e-9 * scale, 1e-12)
        elif not (tol >= 0 and math.isfinite(tol)):
            raise PayoffError(f"tol must be a finite number >= 0; got {tol!r}")
        for i, f in enumerate(floats):
            mask &= f.max(axis=i, keepdims=True) - f <= tol
    return [tuple(int(k) for k in idx) for idx in np.argwhere(mask)]


def pure_profiles_n(payoffs: Sequence[np.ndarray], tol: float | None = None
                    ) -> list[tuple[tuple[Fraction, ...], ...]]:
    """:func:`pure_equilibria_n` as mixed profiles (unit vectors), the form the facade takes.

    >>> A = np.array([[3, 0], [5, 1]])
    >>> [[str(p) for p in x] for x in pure_profiles_n([A, A.T])[0]]
    [['0', '1'], ['0', '1']]
    """
    shape = np.shape(payoffs[0])
    one, zero = Fraction(1), Fraction(0)
    return [tuple(tuple(one if k == s else zero for k in range(shape[i]))
                  for i, s in enumerate(cell))
            for cell in pure_equilibria_n(payoffs, tol)]
