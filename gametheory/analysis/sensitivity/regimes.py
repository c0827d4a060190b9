r"""From solved chunks to tidy data: the equilibrium frame and the per-point regime table.

The equilibria of all points form one :class:`~gametheory.solve.batch.BatchEquilibria`,
whose :meth:`~gametheory.solve.batch.BatchEquilibria.to_frame` is the tidy frame (one row
per point and extreme equilibrium). A point's *equilibrium structure* is the ordered list
of the supports of its equilibria, a support written ``"Probe / Under-react+Intercept"``
and coded as the bitmask :math:`(r \ll n) \,|\, c` of the row support :math:`r` and
column support :math:`c` (:meth:`~gametheory.solve.batch.BatchEquilibria.support_masks`).
Its *regime* is the label of the model's first regime rule that holds, or, for a model
without rules, its structure. On a grid a point *changes* when its structure differs from
that of a feasible neighbour one step along an axis.

Examples
--------
>>> import numpy as np
>>> from gametheory.analysis.sensitivity.regimes import grid_changes, support_labels
>>> support_labels((("T", "B"), ("L", "R")), np.array([0b1001, 0b0110]))
{6: 'T / R', 9: 'B / L'}
>>> grid_changes(np.array([0, 0, 1, -1, 1]), (5,)).tolist()
[False, True, True, False, False]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..._lazy import lazy
from ...solve.batch import BatchEquilibria
from .model import SweepModel
from .points import PointSet

pd = lazy("pandas")

__all__ = ["support_labels", "structures", "grid_changes", "assemble"]


def support_labels(strategies: Sequence[Sequence[str]], codes: np.ndarray) -> dict[int, str]:
    """``"Probe / Under-react+Intercept"`` for each support code ``rows << n | cols``."""
    n = len(strategies[1])
    labs = {}
    for code in np.unique(codes).tolist():
        rb, cb = code >> n, code & ((1 << n) - 1)
        r = "+".join(s for i, s in enumerate(strategies[0]) if rb >> i & 1)
        c = "+".join(s for j, s in enumerate(strategies[1]) if cb >> j & 1)
        labs[code] = f"{r} / {c}"
    return labs


def structures(point: np.ndarray, eq_index: np.ndarray, code: np.ndarray, n_points: int,
               width: int) -> tuple[np.ndarray, np.ndarray]:
    """Each point's structure id and the distinct structures (rows of support codes).

    ``width`` is the number of bits of a support code plus one (for the padding ``-1``).
    Returns ``(struct_id, uniq)``: ``uniq[struct_id[i]]`` lists point ``i``'s codes,
    padded with ``-1``.
    """
    kmax = int(np.bincount(point, minlength=n_points).max()) if n_points else 0
    padded = np.full((n_points, max(kmax, 1)), -1, dtype=np.int64)
    padded[point, eq_index] = code
    if padded.shape[1] * width <= 62:  # pack each point's codes into one int64 key
        key = np.zeros(n_points, dtype=np.int64)
        for k in range(padded.shape[1]):
            key |= (padded[:, k] + 1) << (k * width)
        struct_id, uniq_keys = pd.factorize(key)
        uniq = np.array([[((int(u) >> (k * width)) & ((1 << width) - 1)) - 1
                          for k in range(padded.shape[1])] for u in uniq_keys],
                        dtype=np.int64).reshape(-1, padded.shape[1])
        return struct_id, uniq
    uniq, struct_id = np.unique(padded, axis=0, return_inverse=True)
    return struct_id.ravel(), uniq


def grid_changes(struct_id: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Points whose structure differs from a neighbour's (ids ``< 0`` are infeasible)."""
    changes = np.zeros(struct_id.size, dtype=bool)
    grid_ids = struct_id.reshape(shape)
    for ax in range(len(shape)):
        a = np.moveaxis(grid_ids, ax, 0)
        ch = np.moveaxis(np.zeros(grid_ids.shape, dtype=bool), ax, 0)
        valid = (a[1:] >= 0) & (a[:-1] >= 0)
        diff = (a[1:] != a[:-1]) & valid
        ch[1:] |= diff
        ch[:-1] |= diff
        changes |= np.moveaxis(ch, 0, ax).ravel()
    return changes


def assemble(chunks: list[dict[str, np.ndarray]], model: SweepModel, points: PointSet
             ) -> tuple[pd.DataFrame, pd.DataFrame, list[str], list[list[str]]]:
    """The equilibrium frame, the per-point table, the players and the strategies."""
    players, strategies = model.players, model.strategies
    if players is None or strategies is None:
        first = next(c for c in chunks if "players" in c)
        players = tuple(first["players"].tolist())
        strategies = (tuple(first["strategies0"].tolist()),
                      tuple(first["strategies1"].tolist()))
    res = BatchEquilibria.concatenate([BatchEquilibria.from_arrays(c) for c in chunks])
    feas = np.concatenate([c["feasible"] for c in chunks])
    eqs = res.to_frame(players, strategies)
    point = res.point
    m, n = len(strategies[0]), len(strategies[1])
    rb, cb = res.support_masks()
    code = rb * (1 << n) + cb
    sup_labels = support_labels(strategies, code)
    struct_id, uniq = structures(point, eqs["equilibrium"].to_numpy(), code, points.n, m + n + 1)
    struct_labels = np.array([" & ".join(sup_labels[c] for c in u if c >= 0) or "infeasible"
                              for u in uniq], dtype=object)
    struct_id = np.where(feas, struct_id, -1)
    changes = np.zeros(points.n, dtype=bool) if points.shape is None else \
        grid_changes(struct_id, points.shape)
    structure = np.where(struct_id >= 0, struct_labels[np.maximum(struct_id, 0)], "infeasible")
    if model.rules:
        regime = np.concatenate([c["regime"] for c in chunks]).astype(object)
        regime[~feas] = "infeasible"
        present = set(pd.unique(regime))  # categories in the rules' order (stable colours)
        order = [lab for lab, _ in model.rules] + ["unclassified", "infeasible"]
        regime_cat = pd.Categorical(regime, categories=[lab for lab in dict.fromkeys(order)
                                                        if lab in present])
    else:
        regime_cat = pd.Categorical(structure)
    pvals = points.floats(0, points.n)
    table: dict[str, Any] = dict(pvals)
    table.update(point=np.arange(points.n), regime=regime_cat,
                 structure=pd.Categorical(structure), equilibria=res.counts,
                 degenerate=res.degenerate, resolved=res.resolved, changes=changes,
                 feasible=feas)
    point_table = pd.DataFrame(table)
    used = np.unique(code)
    extra = pd.DataFrame({
        "support": pd.Categorical.from_codes(np.searchsorted(used, code),
                                             categories=[sup_labels[c] for c in used.tolist()]),
        "regime": point_table["regime"].values.take(point),
        "degenerate": res.degenerate[point], "changes": changes[point]})
    frame = pd.concat([pd.DataFrame({k: v[point] for k, v in pvals.items()}), eqs, extra],
                      axis=1)
    return frame, point_table, list(players), [list(s) for s in strategies]
