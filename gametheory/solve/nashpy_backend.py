r"""nashpy's equilibrium algorithms, run on float payoffs and cleaned.

Mathematics
-----------
All three methods look for profiles :math:`(x, y)` in which every strategy played with
positive probability is a best reply (von Stengel 2007, ch. 3 of Nisan et al.,
*Algorithmic Game Theory*):

* **support enumeration** (Algorithm 3.4 ibid.): for supports :math:`I, J` of equal size,
  solve the indifference equations :math:`(Ay)_i = u` for :math:`i \in I`,
  :math:`y_j = 0` for :math:`j \notin J`, :math:`\sum y = 1` (and the same for :math:`x`),
  and keep solutions that are probability vectors and best replies;
* **vertex enumeration** (Algorithm 3.5 ibid.): pair the vertices of the best-response
  polytopes whose labels together are complete;
* **Lemke-Howson** (Algorithm 3.6 ibid.): complementary pivoting from the artificial
  equilibrium, once per dropped label; finds *some* equilibria, not all.

On a nondegenerate game support and vertex enumeration find every equilibrium; on a
degenerate game (some strategy with support size :math:`k` has more than :math:`k` best
replies, as every normal form of a sequential game has) they can miss extreme
equilibria, and support enumeration only finds equilibria whose two supports have equal
size. :func:`gametheory.solve.exact.extreme_equilibria` has no such gaps.

What this module adds to nashpy 0.0.43
--------------------------------------
1. Payoffs are mapped into :math:`[1, 2]` by a positive affine map per player (this
   changes no equilibrium) before nashpy sees them: vertex enumeration then has bounded
   polytopes (nashpy shifts the minimum to 0, not above it, and crashes on all-zero
   games) and its qhull tolerances meet numbers of size 1 (games with payoffs near 1e6
   gave non-equilibria).
2. Games with a single row or column are answered directly (the lone strategy against
   each pure best reply): nashpy's vertex enumeration crashes on them and Lemke-Howson
   can loop forever.
3. Support enumeration uses nashpy's support pairs, but solves the indifference equations
   with a tolerance: nashpy rejects a support when a probability that should be 0 comes
   out as -1e-17, silently dropping equilibria of ordinary games.
4. Lemke-Howson runs nashpy's lexicographic tableaux with an iteration cap, so it cannot
   hang; a path that hits the cap is reported in the warning.
5. Every candidate is cleaned (entries within ``1e-9`` of 0 set to 0, renormalised, so
   supports are re-derived with a tolerance), kept only if
   both players' regret is at most the tolerance ``tol``,
   and merged with any candidate within ``1e-9`` of it.
6. A :class:`GameWarning` names the risk of missed equilibria when the game is
   degenerate (decided exactly), or when support or vertex enumeration found an even
   number of equilibria of a nondegenerate game (which has an odd number, Lemke and
   Howson 1964), and nashpy's own vague warnings are silenced.
7. Should nashpy still fail (an exception from qhull or a singular tableau), a
   :class:`GameWarning` says so and the exact solver's equilibria are returned as floats.

The result is sorted like the exact solver's (see :mod:`gametheory.solve.exact`).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from math import comb, isfinite
from numbers import Real
from typing import Any

import numpy as np

from .. import _limits
from .._numbers import float_tolerance
from ..errors import SolverError
from .exact import check_size, extreme_equilibria, is_degenerate_exact, profile_key

__all__ = ["GameWarning", "nashpy_solutions", "NASHPY_METHODS", "PROBABILITY_TOL"]

#: An equilibrium as plain float data: ``(x, y, (row payoff, column payoff))``.
FloatSolution = tuple[tuple[float, ...], tuple[float, ...], tuple[float, float]]
#: Warnings point at the caller of ``game.equilibria(...)`` (through the solve facade).
_STACKLEVEL = 4

#: Methods this backend runs.
NASHPY_METHODS = ("support", "vertex", "lemke-howson")
#: Probabilities within this distance of 0 are taken as 0 when re-deriving supports.
PROBABILITY_TOL = 1e-9


class GameWarning(UserWarning):
    """A result may be incomplete or approximate (e.g. a degenerate game given to nashpy)."""


def _unit_interval(M: np.ndarray) -> np.ndarray:
    """Map a payoff matrix into ``[1, 2]`` by a positive affine map (constant -> all 1)."""
    lo, hi = float(M.min()), float(M.max())
    if hi - lo <= 0:
        return np.ones_like(M, dtype=float)
    return 1.0 + (M - lo) / (hi - lo)


def _support_candidates(A: np.ndarray, B: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """nashpy's equal-size support pairs, indifference solved with a tolerance."""
    from nashpy.algorithms.support_enumeration import potential_support_pairs

    m, n = A.shape
    for rows, cols in potential_support_pairs(A, B, non_degenerate=True):
        y = _indifferent(A, rows, cols, n)
        if y is None:
            continue
        x = _indifferent(B.T, cols, rows, m)
        if x is not None:
            yield x, y


def _indifferent(M: np.ndarray, rows: tuple[int, ...], cols: tuple[int, ...], size: int
                 ) -> np.ndarray | None:
    """``y`` on ``cols`` making the player of ``M`` indifferent among ``rows``, or None."""
    k = len(cols)
    sub = M[np.ix_(rows, cols)]
    system = np.vstack([sub[1:] - sub[:-1], np.ones((1, k))])
    rhs = np.zeros(k)
    rhs[-1] = 1.0
    try:
        sol = np.linalg.solve(system, rhs)
    except np.linalg.LinAlgError:
        return None
    if not np.all(np.isfinite(sol)) or sol.min() < -PROBABILITY_TOL:
        return None
    out = np.zeros(size)
    out[list(cols)] = sol
    return out


def _vertex_candidates(A: np.ndarray, B: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    from nashpy.algorithms.vertex_enumeration import vertex_enumeration

    yield from vertex_enumeration(A, B)


def _lemke_howson_candidates(A: np.ndarray, B: np.ndarray, max_iterations: int,
                             capped: list[int]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """nashpy's lexicographic Lemke-Howson from every label, each path capped."""
    from nashpy.linalg import create_col_tableau, create_row_tableau

    m, n = A.shape
    for label in range(m + n):
        col_tab = create_col_tableau(A, True)
        row_tab = create_row_tableau(B, True)
        order = (row_tab, col_tab) if label in row_tab.non_basic_variables \
            else (col_tab, row_tab)
        full = col_tab.labels
        entering = label
        for step in range(max_iterations):
            entering = order[step % 2].pivot_and_drop_label(entering)
            if col_tab.non_basic_variables | row_tab.non_basic_variables == full:
                break
        else:
            capped.append(label)
            continue
        x = row_tab.to_strategy(col_tab.non_basic_variables)
        y = col_tab.to_strategy(row_tab.non_basic_variables)
        if x.shape == (m,) and y.shape == (n,):
            yield x, y


def _clean(v: np.ndarray) -> tuple[float, ...] | None:
    v = np.asarray(v, dtype=float)
    if not np.all(np.isfinite(v)) or v.min() < -PROBABILITY_TOL:
        return None
    v = np.where(v < PROBABILITY_TOL, 0.0, v)
    total = v.sum()
    if total <= 0:
        return None
    return tuple(float(p) for p in v / total)


def _single_strategy(Af: np.ndarray, Bf: np.ndarray, tol: float | None
                     ) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
    """1 x n or m x 1 games: the lone strategy against each pure best reply (within ``tol``)."""
    m, n = Af.shape
    t = 0.0 if tol is None else float(tol)
    if m == 1:
        best = Bf[0].max()
        return [((1.0,), tuple(float(k == j) for k in range(n)))
                for j in range(n) if float(best) - float(Bf[0, j]) <= t]
    best = Af[:, 0].max()
    return [(tuple(float(k == i) for k in range(m)), (1.0,))
            for i in range(m) if float(best) - float(Af[i, 0]) <= t]


def _regret_ok(Af: np.ndarray, Bf: np.ndarray, x: tuple[float, ...], y: tuple[float, ...],
               tol: float) -> bool:
    """Whether neither player gains more than ``tol`` by a pure deviation from ``(x, y)``."""
    xv, yv = np.array(x, dtype=float), np.array(y, dtype=float)
    u_row, u_col = xv @ Af @ yv, xv @ Bf @ yv
    return float(max(Af @ yv) - u_row) <= tol and float(max(xv @ Bf) - u_col) <= tol


def _check_size(method: str, m: int, n: int) -> None:
    """Refuse games whose enumeration by ``method`` would exhaust time or memory.

    Support enumeration tries :math:`\\sum_k \\binom{m}{k}\\binom{n}{k}` support pairs
    (:data:`gametheory._limits.MAX_SUPPORT_PAIRS`); vertex enumeration meets the vertex
    counts bounded by :func:`gametheory.solve.exact.check_size`. Lemke-Howson follows
    ``m + n`` paths of capped length and has no size limit.
    """
    if min(m, n) <= 1 or method == "lemke-howson":
        return
    if method == "vertex":
        check_size(m, n, "nashpy's vertex enumeration")
        return
    pairs = sum(comb(m, k) * comb(n, k) for k in range(1, min(m, n) + 1))
    if pairs > _limits.MAX_SUPPORT_PAIRS:
        raise SolverError(
            f"support enumeration refuses a {m}x{n} game: it would try {pairs:.3g} support "
            f"pairs, over the limit MAX_SUPPORT_PAIRS = {_limits.MAX_SUPPORT_PAIRS:,} "
            "(gametheory._limits); method='exact' solves games up to 16x16, "
            "method='lemke-howson' finds some equilibria of larger ones")


def nashpy_solutions(A: Any, B: Any, method: str = "support", tol: float | None = None,
                     max_iterations: int | None = None) -> list[FloatSolution]:
    """Equilibria ``(x, y, payoffs)`` from nashpy's ``method``, verified, merged and sorted.

    Parameters
    ----------
    A, B : array-like, shape (m, n)
        Payoffs (Fractions or floats). nashpy runs on their float values; degeneracy is
        decided on their exact values.
    method : {"support", "vertex", "lemke-howson"}
    tol : float, optional
        Regret tolerance of the verification; default ``1e-9`` times the largest absolute
        payoff (see :func:`gametheory._numbers.float_tolerance`).
    max_iterations : int, optional
        Pivots allowed per Lemke-Howson path (default ``100 * (m + n)``).

    Returns
    -------
    list of (x, y, payoffs)
        Floats, in the exact solver's order.

    Warns
    -----
    GameWarning
        When the game is degenerate (equilibria may be missing), when an even number of
        equilibria of a nondegenerate game was found, and when a Lemke-Howson path hit
        the iteration cap.

    Examples
    --------
    >>> [[round(p, 9) for p in x] for x, _, _ in
    ...  nashpy_solutions([[1, -1], [-1, 1]], [[-1, 1], [1, -1]], "vertex")]
    [[0.5, 0.5]]
    """
    if method not in NASHPY_METHODS:
        raise SolverError(f"unknown nashpy method {method!r}; choose one of {NASHPY_METHODS}")
    if max_iterations is not None and method != "lemke-howson":
        raise SolverError(f"max_iterations applies to method 'lemke-howson' only, not {method!r}")
    if max_iterations is not None and (isinstance(max_iterations, bool) or not isinstance(
            max_iterations, int | np.integer) or max_iterations < 1):
        raise SolverError(f"max_iterations must be a positive integer, got {max_iterations!r}")
    if tol is not None and (isinstance(tol, bool) or not isinstance(tol, Real)
                            or not isfinite(tol) or tol < 0):
        raise SolverError(f"tol must be a finite number >= 0, got {tol!r}")
    Af, Bf = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    m, n = Af.shape
    _check_size(method, m, n)
    try:
        degenerate: bool | None = is_degenerate_exact(A, B)
    except SolverError:  # too large to decide exactly: say so instead
        degenerate = None
    capped: list[int] = []
    if min(m, n) == 1:
        raw = _single_strategy(Af, Bf, tol)
    else:
        A1, B1 = _unit_interval(Af), _unit_interval(Bf)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                if method == "support":
                    cands = list(_support_candidates(A1, B1))
                elif method == "vertex":
                    cands = list(_vertex_candidates(A1, B1))
                else:
                    cap = 100 * (m + n) if max_iterations is None else int(max_iterations)
                    cands = list(_lemke_howson_candidates(A1, B1, cap, capped))
        except Exception as err:  # nashpy/scipy failures (qhull, singular tableaux, ...)
            failed = f"nashpy's {method!r} method failed ({type(err).__name__}: {err})"
            try:
                exact = extreme_equilibria(A, B)
            except SolverError as big:
                raise SolverError(f"{failed}, and the game is too large for the exact "
                                  f"solver ({big})") from None
            warnings.warn(f"{failed}; returning the exact solver's equilibria instead",
                          GameWarning, stacklevel=_STACKLEVEL)
            return [(tuple(map(float, x)), tuple(map(float, y)), (float(pa), float(pb)))
                    for x, y, (pa, pb) in exact]
        raw = []
        for x, y in cands:
            cx, cy = _clean(x), _clean(y)
            if cx is not None and cy is not None:
                raw.append((cx, cy))
    t = float_tolerance(tol, Af, Bf)
    kept: list[tuple[tuple[float, ...], tuple[float, ...]]] = []
    for x, y in raw:
        if not _regret_ok(Af, Bf, x, y, t):
            continue
        if any(max(abs(a - b) for a, b in zip(x + y, kx + ky, strict=True)) <= PROBABILITY_TOL
               for kx, ky in kept):
            continue
        kept.append((x, y))
    kept.sort(key=profile_key)
    if degenerate is None:
        warnings.warn(
            f"the game is too large to decide its degeneracy exactly, so nashpy's {method!r} "
            f"method may miss extreme equilibria (found {len(kept)})", GameWarning,
            stacklevel=_STACKLEVEL)
    elif degenerate:
        warnings.warn(
            f"the game is degenerate, so nashpy's {method!r} method may miss extreme "
            f"equilibria (found {len(kept)}); method='exact' returns all of them",
            GameWarning, stacklevel=_STACKLEVEL)
    elif method != "lemke-howson" and len(kept) % 2 == 0:
        # a nondegenerate game has an odd number of equilibria (Lemke and Howson 1964)
        warnings.warn(
            f"nashpy's {method!r} method found {len(kept)} equilibria of a nondegenerate "
            "game, which has an odd number: some were lost to rounding; method='exact' "
            "returns all of them", GameWarning, stacklevel=_STACKLEVEL)
    if capped:
        warnings.warn(f"Lemke-Howson hit the iteration cap from labels {capped}; "
                      "those paths returned nothing", GameWarning, stacklevel=_STACKLEVEL)
    out = []
    for x, y in kept:
        xv, yv = np.array(x, dtype=float), np.array(y, dtype=float)
        out.append((x, y, (float(xv @ Af @ yv), float(xv @ Bf @ yv))))
    return out
