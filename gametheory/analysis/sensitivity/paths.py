"""Equilibria along one parameter, as branches: what an equilibrium-path figure draws.

Along a 1-D slice :math:`x_1 < x_2 < \\dots < x_n` of a sweep, a *branch* is a maximal run
of neighbouring grid points :math:`x_i, x_{i+1}, \\dots, x_j` at each of which an
equilibrium with the same support exists (the :math:`r`-th equilibrium of that support at
each point, in the exact solver's order, when a point has several of one support, as
the extreme points of a continuum do). Between neighbouring points whose sets of supports
differ the equilibrium set *changes*; the change is placed midway (a grid can say no
more; :mod:`gametheory.analysis.sensitivity.thresholds` gives the exact values). The
stretches of grid cells where a point has more than one equilibrium are listed too.
:func:`gametheory.report.figures.equilibrium_path` draws the result.

Examples
--------
>>> import gametheory as gt
>>> chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"])
>>> p = equilibrium_branches(gt.sweep(chicken, {"c": [-2, -1, 2, 3]}, progress=False))
>>> p.changes, p.several, len(p.branches)
([0.5], [(0.5, 3.0)], 4)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..._grid import cell_edges
from ..._lazy import lazy
from ...errors import ParameterError
from .result import sweep_frame

pd = lazy("pandas")

__all__ = ["EquilibriumBranches", "equilibrium_branches"]


@dataclass(frozen=True)
class EquilibriumBranches:
    """The equilibria of a sweep along one parameter, grouped into branches.

    Attributes
    ----------
    x : str
        The parameter along which the branches run.
    rows : pandas.DataFrame
        The sweep's frame rows on the slice (one per point and equilibrium).
    branches : list of pandas.DataFrame
        Each a run of rows of one support at neighbouring grid points, sorted by ``x``.
    several : list of (float, float)
        Stretches (grid cells, clipped to the grid's range) of points with more than one
        equilibrium.
    changes : list of float
        Midpoints between neighbouring grid points whose sets of supports differ.
    """

    x: str
    rows: pd.DataFrame
    branches: list[pd.DataFrame]
    several: list[tuple[float, float]]
    changes: list[float]


def equilibrium_branches(result: Any, x: str | None = None,
                         at: Mapping[str, Any] | None = None) -> EquilibriumBranches:
    """The branches, stretches with several equilibria and change points along ``x``.

    Parameters
    ----------
    result : SweepResult or pandas.DataFrame
        A sweep over ``x`` (its ``.frame``: columns ``x``, ``support`` or
        ``equilibrium``, and the equilibria's probabilities and payoffs).
    x : str, optional
        The parameter (default: the first swept).
    at : dict, optional
        Values of other swept parameters (the nearest grid value of each is used).

    Returns
    -------
    EquilibriumBranches

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, 1]], ["a"])
    >>> p = equilibrium_branches(gt.sweep(g, {"a": [-1, 0.5, 1]}, progress=False), "a")
    >>> [b["support"].iloc[0] for b in p.branches], p.changes
    (['R2 / C2', 'R1 / C1', 'R1+R2 / C1+C2'], [-0.25])
    """
    frame, params = sweep_frame(result, "an equilibrium path")
    x = x or (params[0] if params else None)
    if x is None or x not in frame.columns:
        raise ParameterError(f"equilibrium path needs a swept parameter x; got {x!r}; "
                             f"swept: {params}")
    sel = np.ones(len(frame), dtype=bool)
    for p in params:
        if p == x:
            continue
        vals = np.unique(frame[p].to_numpy(dtype=float))
        if len(vals) > 1:
            if not at or p not in at:
                raise ParameterError(f"parameter {p!r} is swept too; fix it with at={{{p!r}: "
                                     "...}}")
            v = vals[np.argmin(np.abs(vals - float(at[p])))]
            sel &= frame[p].to_numpy(dtype=float) == v
    rows = frame[sel]
    xv = np.unique(rows[x].to_numpy(dtype=float))
    return EquilibriumBranches(x, rows, _branches(rows, x, xv), _several(rows, x, xv),
                               _changes(rows, x))


def _branches(df: pd.DataFrame, x: str, xv: np.ndarray) -> list[pd.DataFrame]:
    pos = np.searchsorted(xv, df[x].to_numpy(dtype=float))
    col = "support" if "support" in df.columns else "equilibrium"
    key = df[col].astype(str).to_numpy() if col in df.columns else np.zeros(len(df), str)
    parts = df.assign(_pos=pos, _key=key)
    parts = parts.assign(_rank=parts.groupby(["_pos", "_key"]).cumcount().to_numpy())
    out = []
    for _, part in parts.groupby(["_key", "_rank"], sort=False):
        part = part.sort_values("_pos")
        cuts = [0, *(np.flatnonzero(np.diff(part["_pos"].to_numpy()) > 1) + 1), len(part)]
        out += [part.iloc[a:b].drop(columns=["_pos", "_key", "_rank"])
                for a, b in zip(cuts[:-1], cuts[1:], strict=True) if b > a]
    return out


def _several(df: pd.DataFrame, x: str, xv: np.ndarray) -> list[tuple[float, float]]:
    counts = df.groupby(x, sort=True).size().reindex(xv).to_numpy()
    edges = cell_edges(xv) if len(xv) > 1 else np.array([xv[0], xv[0]])
    edges = np.clip(edges, xv[0], xv[-1])
    out, k = [], 0
    while k < len(xv):
        if counts[k] > 1:
            j = k
            while j + 1 < len(xv) and counts[j + 1] > 1:
                j += 1
            out.append((float(edges[k]), float(edges[j + 1])))
            k = j + 1
        else:
            k += 1
    return out


def _changes(df: pd.DataFrame, x: str) -> list[float]:
    if "support" in df.columns:
        sets = df.groupby(x, sort=True)["support"].apply(lambda s: tuple(sorted(map(str, s))))
    else:
        sets = df.groupby(x, sort=True).size()
    xv = sets.index.to_numpy(dtype=float)
    vals = list(sets.values)
    return [float((xv[k] + xv[k + 1]) / 2) for k in range(len(vals) - 1)
            if vals[k] != vals[k + 1]]
