r"""Parameter sweeps: every equilibrium of a parametric game over a grid, as tidy data.

For a parametric bimatrix game :math:`(A(\theta), B(\theta))` and a grid
:math:`\Theta = \Theta_1 \times \dots \times \Theta_d` of parameter values, a sweep
computes the set :math:`E(\theta)` of extreme Nash equilibria at every grid point
:math:`\theta \in \Theta` (vectorised, :func:`gametheory.solve.batch.solve_batch`) and
labels each point with a *regime*: the model's closed-form regime rules
(:meth:`gametheory.ParametricGame.classify`, the first rule that holds) when it has them,
otherwise the *equilibrium structure*, the list of supports of :math:`E(\theta)`. A point
*changes* when its structure differs from that of a grid neighbour (one step along one
axis): the changes outline the thresholds that :func:`gametheory.thresholds` locates
exactly.

Exactness: points where a decision of the batched solver or a regime rule lies within a
tie band are recomputed exactly, on the model at the decimal values the floats stand for
(``0.1`` as :math:`1/10`; Fractions in the grid are kept as they are), so tie lines of a
grid (a Defender indifferent between two replies) get the exact solver's equilibria and
regimes. Comparative statics over such grids follow Milgrom and Roberts (1994),
"Comparing equilibria", *American Economic Review* 84(3).

Examples
--------
>>> import gametheory as gt
>>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
...                       players=("Aggressor", "Defender"),
...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
>>> res = gt.sweep(p, {"v": [0, 2, 4], "r": [0.5, 2]}, progress=False)
>>> for label in res.regimes()["regime"][2:5]:
...     print(label)
Refrain / Tolerate+Intercept & Refrain / Intercept & Probe / Tolerate
Refrain / Tolerate+Intercept & Refrain / Intercept
Probe / Tolerate
>>> last = res.frame[res.frame.point == 5]
>>> last[["Aggressor: Probe", "Defender: Intercept", "payoff: Defender"]].values.tolist()
[[1.0, 1.0, -1.0]]
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from concurrent.futures import Executor
from functools import partial
from typing import Any

import numpy as np

from ...errors import ParameterError, SolverError
from ...solve import METHODS
from ...solve.batch import TIE_TOL
from .chunks import run_chunks
from .evaluate import evaluate_chunk
from .model import Model, SweepModel, resolve_point
from .points import PointSet, exact_value, grid_axis
from .regimes import assemble
from .result import SweepResult

__all__ = ["sweep", "evaluate_points", "sweep_methods"]

#: Version of the chunk files' layout (part of the fingerprint: old chunks are not mixed in).
CHUNK_FORMAT = "BatchEquilibria.to_arrays 1"


def sweep_methods() -> list[str]:
    """The ``method`` choices of :func:`sweep`: ``"batch"`` and the solve methods.

    Examples
    --------
    >>> sweep_methods()[0], "exact" in sweep_methods()
    ('batch', True)
    """
    return ["batch", *sorted(METHODS)]


def evaluate_points(model: Model, points: Mapping[str, Any], *, fixed: Mapping[str, Any] | None
                    = None, method: str = "batch", executor: Executor | None = None,
                    progress: bool = True, chunk_size: int = 50_000,
                    out_dir: str | os.PathLike | None = None, seed: int | None = None,
                    tie_tol: float = TIE_TOL, _grid: bool = False) -> SweepResult:
    """Equilibria at scattered parameter points (equal-length arrays), as a SweepResult.

    The engine behind :func:`sweep` (on a grid) and :func:`gametheory.monte_carlo` (on
    samples). Arguments as in :func:`sweep`; ``points`` maps parameter names to 1-D arrays
    of equal length. ``changes`` is always ``False`` (points have no neighbours).

    >>> import gametheory as gt, numpy as np
    >>> p = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, "a"]], ["a"])
    >>> gt.evaluate_points(p, {"a": np.array([1.0, -1.0])}, progress=False).regimes()[
    ...     "equilibria"].tolist()
    [3, 1]
    """
    fixed = dict(fixed or {})
    if _grid:
        pts = PointSet(axes={k: grid_axis(k, v) for k, v in points.items()})
    else:
        pts = PointSet(arrays={k: np.asarray(v, dtype=float).ravel() for k, v in points.items()})
    overlap = set(fixed) & set(pts.names)
    if overlap:
        raise ParameterError(f"parameter(s) {sorted(overlap)} are both swept and fixed")
    mdl = SweepModel(model, [*pts.names, *fixed])
    fixed_exact = {k: exact_value(v) for k, v in fixed.items()}
    if mdl.parametric:
        resolve_point(mdl.model, fixed_exact, free=pts.names,
                      hint="sweep them or give them in fixed")
    if method not in sweep_methods():
        raise SolverError(f"unknown method {method!r}; choose one of "
                          f"{', '.join(repr(m) for m in sweep_methods())}")
    h = hashlib.sha256()
    h.update(mdl.fingerprint().encode())
    h.update(pts.digest().encode())
    h.update(repr(sorted((k, str(v)) for k, v in fixed_exact.items())).encode())
    h.update(f"{method}|{tie_tol}|{CHUNK_FORMAT}".encode())
    task = partial(evaluate_chunk, mdl, pts, fixed_exact, method, tie_tol)
    chunks = run_chunks(task, pts.n, chunk_size=chunk_size, executor=executor,
                        out_dir=out_dir, progress=progress, seed=seed,
                        fingerprint=h.hexdigest(), desc="sweep")
    if not chunks:
        raise ParameterError("the sweep has no points")
    frame, table, players, strategies = assemble(chunks, mdl, pts)
    return SweepResult(frame, table, parameters=pts.names, grid=pts.grid(),
                       fixed={k: str(v) for k, v in fixed_exact.items()}, players=players,
                       strategies=strategies, title=mdl.title,
                       regime_source="rules" if mdl.rules else "structure")


def sweep(model: Model, grid: Mapping[str, Any], fixed: Mapping[str, Any] | None = None, *,
          method: str = "batch", executor: Executor | None = None, progress: bool = True,
          chunk_size: int = 50_000, out_dir: str | os.PathLike | None = None,
          seed: int | None = None, tie_tol: float = TIE_TOL) -> SweepResult:
    """Every extreme equilibrium of ``model`` at every point of a parameter grid.

    Parameters
    ----------
    model : ParametricGame, GameTree or callable
        A :class:`gametheory.ParametricGame` (vectorised payoffs, exact re-solves, regime
        rules), anything with ``to_normal_form()`` giving one, or a function
        ``f(**values) -> NormalFormGame`` (called once per point; module-level, so
        that it pickles, when an executor runs the chunks in other processes).
    grid : dict
        ``{parameter name: values}``; the sweep covers the Cartesian product in C order
        (the last parameter varies fastest). Values may be floats, ints, Fractions or
        strings such as ``"3/4"``.
    fixed : dict, optional
        Values for other parameters (defaults fill the rest).
    method : str
        ``"batch"`` (vectorised, default) or a method of
        :meth:`gametheory.NormalFormGame.equilibria` (``"exact"``: one exact solve per
        point, for checking).
    executor : concurrent.futures.Executor, optional
        Runs the chunks (a process pool, or a ``dask.distributed`` client's
        ``get_executor()``); ``None`` runs in this process.
    progress : bool
        tqdm progress bar over chunks.
    chunk_size : int
        Points per chunk.
    out_dir : path, optional
        Write each finished chunk there; rerunning with the same directory resumes.
    seed : int, optional
        Root seed of the chunks' seed sequences (recorded; a grid sweep draws nothing).
    tie_tol : float
        Relative tie band: decisions closer than this to a tie are recomputed exactly.

    Returns
    -------
    SweepResult

    Raises
    ------
    ParameterError
        For unknown parameters, empty axes, parameters both swept and fixed.

    Examples
    --------
    >>> import gametheory as gt
    >>> chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"],
    ...                             strategies=(("Swerve", "Straight"),) * 2)
    >>> res = gt.sweep(chicken, {"c": [-1, 1, 2, 3]}, progress=False)
    >>> res.regimes()[["c", "equilibria", "degenerate", "changes"]].values.tolist()
    [[-1.0, 1, False, True], [1.0, 3, True, True], [2.0, 3, False, True], [3.0, 3, False, False]]
    """
    if not isinstance(grid, Mapping) or not grid:
        raise ParameterError("grid must be a non-empty dict {parameter name: values}")
    return evaluate_points(model, grid, fixed=fixed, method=method, executor=executor,
                           progress=progress, chunk_size=chunk_size, out_dir=out_dir,
                           seed=seed, tie_tol=tie_tol, _grid=True)
