r"""One chunk of a sweep: equilibria and regimes at points ``lo..hi-1``, as chunk arrays.

For the chunk's points :math:`\theta_{lo}, \dots, \theta_{hi-1}` the payoffs
:math:`(A(\theta), B(\theta))` are evaluated at once (the model's lambdified payoffs, or
one call of a model function per point) and solved together by
:func:`gametheory.solve.batch.solve_batch`; a game with a decision inside the tie band is
re-solved exactly on the model at the point's exact rational values, and so is a game
whose float payoffs are equal where the model's payoffs are not identically equal (a
float tie is checked at the decimal value, not believed). Points outside the model's
bounds and constraints are *infeasible*; points where a payoff is not a finite number
(``1/(c - 1)`` at :math:`c = 1`, in floats or exactly) are *non-finite*; neither keeps
equilibria. With regime rules, each point gets the label of the first rule that holds,
decided exactly where a rule's atom :math:`g(\theta) = \mathrm{lhs} - \mathrm{rhs}` is
within the tie band (:math:`|g| \le \mathrm{tol}\,(1 + |\mathrm{lhs}| + |\mathrm{rhs}|)`)
or the game was re-solved.

The chunk is a dict of numpy arrays (what :mod:`.chunks` writes to disk): the
:class:`~gametheory.solve.batch.BatchEquilibria` fields
(:meth:`~gametheory.solve.batch.BatchEquilibria.to_arrays`, points numbered within the
chunk, infeasible and non-finite points without rows), ``feasible`` (bounds and
constraints hold), ``finite`` (the payoffs are finite numbers) and, with regime rules,
``regime``;
for a function model also its ``players`` and ``strategies0``/``strategies1``.

Examples
--------
>>> import gametheory as gt
>>> from gametheory.analysis.sensitivity.evaluate import evaluate_chunk
>>> from gametheory.analysis.sensitivity.model import SweepModel
>>> from gametheory.analysis.sensitivity.points import PointSet, grid_axis
>>> p = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, 1]], ["a"])
>>> pts = PointSet(axes={"a": grid_axis("a", [-1, 1])})
>>> chunk = evaluate_chunk(SweepModel(p, ["a"]), pts, {}, "batch", 1e-9, 0, 2)
>>> chunk["point"].tolist(), chunk["feasible"].tolist(), chunk["finite"].tolist()
([0, 1, 1, 1], [True, True], [True, True])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from ...core.game import NormalFormGame
from ...core.parameters import resolve_arrays
from ...core.parametric import ParametricGame
from ...errors import GameError
from ...solve.batch import BatchEquilibria, solve_batch
from .model import (
    SweepModel,
    canonical,
    exact_regime,
    resolve_point,
    rule_atoms,
)
from .points import PointSet

__all__ = ["evaluate_chunk"]

Chunk = dict[str, np.ndarray]


def evaluate_chunk(model: SweepModel, points: PointSet, fixed: Mapping[str, Fraction],
                   method: str, tie_tol: float, lo: int, hi: int, seed: Any = None) -> Chunk:
    """Equilibria and regimes of points ``lo..hi-1`` (a picklable chunk task).

    ``fixed`` holds the exact values of the parameters that are neither varied nor left
    at their defaults; ``method`` is ``"batch"`` or an exact-solver method name (one
    :meth:`~gametheory.NormalFormGame.equilibria` call per point). ``seed`` is unused (a
    sweep draws nothing).
    """
    vals = points.floats(lo, hi)
    nloc = hi - lo
    out: Chunk = {}
    allv: dict[str, np.ndarray] = {}
    base: dict[str, Fraction] = {}
    structural: tuple[np.ndarray, np.ndarray] | None = None
    if isinstance(model.model, ParametricGame):
        p = canonical(model.model)
        base = resolve_point(p, fixed, free=points.names)
        allv = dict(zip(p.parameter_names,
                        resolve_arrays(p.parameters, {**base, **vals}, shape=nloc), strict=True))
        feas = np.broadcast_to(np.asarray(p.feasible(**allv)), (nloc,)).copy()
        with np.errstate(all="ignore"):
            A, B = p.lambdify()(**allv)
        A = np.broadcast_to(A, (nloc, *p.shape)).copy()
        B = np.broadcast_to(B, (nloc, *p.shape)).copy()
        structural = structural_equalities(p)

        def exact_game(i: int) -> NormalFormGame:
            return p.at(**{**fixed, **points.exact(lo + i)})
    else:
        fixed_f = {k: np.full(nloc, float(v)) for k, v in fixed.items()}
        games = model.games({**fixed_f, **vals}, nloc)
        A = np.stack([g.as_float()[0] for g in games]).astype(float)
        B = np.stack([g.as_float()[1] for g in games]).astype(float)
        feas = np.ones(nloc, dtype=bool)
        out["players"] = np.array(games[0].players)
        out["strategies0"] = np.array(games[0].strategies[0])
        out["strategies1"] = np.array(games[0].strategies[1])

        def exact_game(i: int) -> NormalFormGame:
            a, b = games[i].as_fraction()
            return NormalFormGame(a.tolist(), b.tolist())

    finite = np.isfinite(A).all(axis=(1, 2)) & np.isfinite(B).all(axis=(1, 2))
    exact_games: dict[int, NormalFormGame | None] = {}
    undefined = np.zeros(nloc, dtype=bool)  # finite floats, but undefined exactly

    def cached(i: int) -> NormalFormGame | None:
        """The exact game at local point ``i`` (None where a payoff is undefined)."""
        if i not in exact_games:
            try:
                exact_games[i] = exact_game(i)
            except GameError:
                exact_games[i] = None
                undefined[i] = True
        return exact_games[i]

    # a float tie where the model's payoffs are not identically equal is checked at the
    # exact point: a true tie is kept, a false one makes the game re-solved exactly
    doubtable = feas & finite
    if not isinstance(model.model, ParametricGame):  # a float game's floats are exact
        doubtable &= np.array([g.is_exact for g in games], dtype=bool)
    equal = _checked_ties(A, B, doubtable, structural, cached)
    finite &= ~undefined
    # only points that are feasible with finite payoffs are solved (and ever re-solved)
    idx = np.flatnonzero(feas & finite)

    def exact_at(k: int) -> NormalFormGame | None:
        return cached(int(idx[k]))

    sub_equal = None if equal is None else (equal[0][idx], equal[1][idx])
    if method == "batch":
        sub = solve_batch(A[idx], B[idx], tie_tol=tie_tol, resolve=_resolver(exact_at),
                          equal=sub_equal)
    else:
        sub = _solve_each(A[idx], B[idx], exact_at, method)
    finite &= ~undefined
    ok = feas & finite
    keep = ok[idx[sub.point]]
    degenerate = np.zeros(nloc, dtype=bool)
    resolved = np.zeros(nloc, dtype=bool)
    degenerate[idx] = sub.degenerate
    resolved[idx] = sub.resolved
    res = BatchEquilibria(idx[sub.point[keep]], sub.row[keep], sub.col[keep],
                          sub.payoffs[keep], nloc, degenerate & ok, resolved & ok)
    out.update(res.to_arrays(), feasible=feas, finite=finite)
    if model.rules:
        out["regime"] = _regimes(canonical(model.model), allv, base, points, lo, tie_tol,
                                 ok, res.resolved)
    return out


_EQUAL_CACHE: dict[int, tuple[ParametricGame, tuple[np.ndarray, np.ndarray]]] = {}


def structural_equalities(p: ParametricGame) -> tuple[np.ndarray, np.ndarray]:
    """Which payoffs of ``p`` are identically equal, as :func:`solve_batch`'s ``equal``.

    ``A[i, j]`` and ``A[k, j]`` (the row player's payoffs against one column) and
    ``B[i, j]`` and ``B[i, l]`` are identically equal when their difference expands to
    zero; a float tie anywhere else is checked exactly at the point. Shapes
    (1, m, m, n) and (1, m, n, n).

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 1"]], [[0, 0], [1, "c"]], ["v", "c"])
    >>> ea, eb = structural_equalities(p)
    >>> bool(ea[0, 0, 1, 0]), bool(eb[0, 0, 0, 1]), bool(eb[0, 1, 0, 1])
    (False, True, False)
    """
    hit = _EQUAL_CACHE.get(id(p))
    if hit is not None and hit[0] is p:
        return hit[1]
    m, n = p.shape

    def same(a: sympy.Expr, b: sympy.Expr) -> bool:
        return bool(a == b or sympy.expand(a - b) == 0)

    A, B = p.A, p.B
    ea = np.array([[[same(A[i, j], A[k, j]) for j in range(n)] for k in range(m)]
                   for i in range(m)], dtype=bool)[None]
    eb = np.array([[[same(B[i, j], B[i, q]) for q in range(n)] for j in range(n)]
                   for i in range(m)], dtype=bool)[None]
    if len(_EQUAL_CACHE) > 64:
        _EQUAL_CACHE.clear()
    _EQUAL_CACHE[id(p)] = (p, (ea, eb))
    return ea, eb


def _checked_ties(A: np.ndarray, B: np.ndarray, doubtable: np.ndarray,
                  structural: tuple[np.ndarray, np.ndarray] | None,
                  exact_game: Callable[[int], NormalFormGame | None]
                  ) -> tuple[np.ndarray, np.ndarray] | None:
    """:func:`solve_batch`'s ``equal``: the exact payoff equalities of every ``doubtable``
    game with a float tie not known to be exact (not identical in the model, when
    ``structural`` says which are), found by evaluating the game exactly at its point.

    Games without such a tie keep all-True masks (nothing to doubt). None when no game
    has one.
    """
    N, m, n = A.shape
    if not doubtable.any():
        return None
    if structural is None:  # only an entry itself is identically equal to it
        structural = (np.eye(m, dtype=bool)[None, :, :, None],
                      np.eye(n, dtype=bool)[None, None, :, :])
    fa = (A[:, :, None, :] == A[:, None, :, :]) & ~structural[0]
    fb = (B[:, :, :, None] == B[:, :, None, :]) & ~structural[1]
    doubt = (fa.any(axis=(1, 2, 3)) | fb.any(axis=(1, 2, 3))) & doubtable
    if not doubt.any():
        return None
    ea = np.ones((N, m, m, n), dtype=bool)
    eb = np.ones((N, m, n, n), dtype=bool)
    for i in np.flatnonzero(doubt).tolist():
        g = exact_game(i)
        if g is None:  # undefined at the exact point: not solved at all
            continue
        a, b = g.A, g.B  # Fractions (or floats, for irrational payoffs: the best known)
        ea[i] = np.asarray(a[:, None, :] == a[None, :, :], dtype=bool)
        eb[i] = np.asarray(b[:, :, None] == b[:, None, :], dtype=bool)
    return ea, eb


def _resolver(exact_game: Callable[[int], NormalFormGame | None]):
    """``solve_batch``'s ``resolve``: the exact solver on the model at the exact point
    (no equilibria where the exact payoffs are undefined: ``exact_game`` returns None)."""
    def resolve(idx: np.ndarray) -> list[tuple[list, bool]]:
        out = []
        for i in idx:
            g = exact_game(int(i))
            if g is None:
                out.append(([], False))
                continue
            out.append(([(e.row, e.col) for e in g.equilibria()], bool(g.is_degenerate())))
        return out

    return resolve


def _solve_each(A: np.ndarray, B: np.ndarray,
                exact_game: Callable[[int], NormalFormGame | None], method: str
                ) -> BatchEquilibria:
    """One solve per point by ``method`` (for checking the batch solver)."""
    nloc, m, n = A.shape
    pl, xl, yl, degenerate = [], [], [], np.zeros(nloc, dtype=bool)
    for i in range(nloc):
        g = exact_game(i)
        if g is None:
            continue
        degenerate[i] = g.is_degenerate()
        for e in g.equilibria(method=method):
            pl.append(i)
            xl.append([float(v) for v in e.row])
            yl.append([float(v) for v in e.col])
    pts = np.asarray(pl, dtype=np.int64)
    xs = np.asarray(xl, dtype=float).reshape(-1, m)
    ys = np.asarray(yl, dtype=float).reshape(-1, n)
    pay = np.stack([np.einsum("ei,eij,ej->e", xs, A[pts], ys),
                    np.einsum("ei,eij,ej->e", xs, B[pts], ys)], axis=1).reshape(-1, 2)
    return BatchEquilibria(pts, xs, ys, pay, nloc, degenerate, np.ones(nloc, dtype=bool))


def _regimes(p: ParametricGame, allv: Mapping[str, np.ndarray], base: Mapping[str, Fraction],
             points: PointSet, lo: int, tie_tol: float, feasible: np.ndarray,
             resolved: np.ndarray) -> np.ndarray:
    """Regime labels: the vectorised rules, decided exactly near a rule's tie or where the
    game was re-solved (feasible points only)."""
    nloc = feasible.size
    labels = np.asarray(np.broadcast_to(p.classify(**allv), (nloc,)), dtype=str)
    near = np.zeros(nloc, dtype=bool)
    args = [allv[q.name] for q in p.parameters]  # rule_atoms' argument order
    with np.errstate(all="ignore"):
        for diff, size in rule_atoms(p):
            d = np.broadcast_to(diff(*args), (nloc,))
            s = np.broadcast_to(size(*args), (nloc,))
            near |= np.abs(d) <= tie_tol * (1.0 + s)
    for i in np.flatnonzero((near | resolved) & feasible):
        labels[i] = exact_regime(p, {**base, **points.exact(lo + int(i))})
    return labels
