r"""One chunk of a sweep: equilibria and regimes at points ``lo..hi-1``, as chunk arrays.

For the chunk's points :math:`\theta_{lo}, \dots, \theta_{hi-1}` the payoffs
:math:`(A(\theta), B(\theta))` are evaluated at once (the model's lambdified payoffs, or
one call of a model function per point) and solved together by
:func:`gametheory.solve.batch.solve_batch`; a game with a decision inside the tie band is
re-solved exactly on the model at the point's exact rational values. Points outside the
model's bounds and constraints (or with non-finite payoffs) are *infeasible*: they keep no
equilibria. With regime rules, each point gets the label of the first rule that holds,
decided exactly where a rule's atom :math:`g(\theta) = \mathrm{lhs} - \mathrm{rhs}` is
within the tie band (:math:`|g| \le \mathrm{tol}\,(1 + |\mathrm{lhs}| + |\mathrm{rhs}|)`)
or the game was re-solved.

The chunk is a dict of numpy arrays (what :mod:`.chunks` writes to disk): the
:class:`~gametheory.solve.batch.BatchEquilibria` fields
(:meth:`~gametheory.solve.batch.BatchEquilibria.to_arrays`, points numbered within the
chunk, infeasible points without rows), ``feasible`` and, with regime rules, ``regime``;
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
>>> chunk["point"].tolist(), chunk["feasible"].tolist()
([0, 1, 1, 1], [True, True])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from ...core.game import NormalFormGame
from ...core.parameters import resolve_arrays
from ...core.parametric import ParametricGame
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
    if isinstance(model.model, ParametricGame):
        p = canonical(model.model)
        base = resolve_point(p, fixed, free=points.names)
        allv = dict(zip(p.parameter_names,
                        resolve_arrays(p.parameters, {**base, **vals}, shape=nloc), strict=True))
        feas = np.broadcast_to(np.asarray(p.feasible(**allv)), (nloc,)).copy()
        A, B = p.lambdify()(**allv)
        A = np.broadcast_to(A, (nloc, *p.shape)).copy()
        B = np.broadcast_to(B, (nloc, *p.shape)).copy()
        feas &= np.isfinite(A).all(axis=(1, 2)) & np.isfinite(B).all(axis=(1, 2))
        A[~feas] = 0.0
        B[~feas] = 0.0

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

    if method == "batch":
        res = solve_batch(A, B, tie_tol=tie_tol, resolve=_resolver(exact_game))
    else:
        res = _solve_each(A, B, feas, exact_game, method)
    keep = feas[res.point]
    res = BatchEquilibria(res.point[keep], res.row[keep], res.col[keep], res.payoffs[keep],
                          nloc, res.degenerate & feas, res.resolved & feas)
    out.update(res.to_arrays(), feasible=feas)
    if model.rules:
        out["regime"] = _regimes(canonical(model.model), allv, base, points, lo, tie_tol,
                                 feas, res.resolved)
    return out


def _resolver(exact_game: Callable[[int], NormalFormGame]):
    """``solve_batch``'s ``resolve``: the exact solver on the model at the exact point."""
    def resolve(idx: np.ndarray) -> list[tuple[list, bool]]:
        out = []
        for i in idx:
            g = exact_game(int(i))
            out.append(([(e.row, e.col) for e in g.equilibria()], bool(g.is_degenerate())))
        return out

    return resolve


def _solve_each(A: np.ndarray, B: np.ndarray, feas: np.ndarray,
                exact_game: Callable[[int], NormalFormGame], method: str) -> BatchEquilibria:
    """One exact solve per feasible point (for checking the batch solver)."""
    nloc, m, n = A.shape
    pl, xl, yl, degenerate = [], [], [], np.zeros(nloc, dtype=bool)
    for i in np.flatnonzero(feas).tolist():
        g = exact_game(i)
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
