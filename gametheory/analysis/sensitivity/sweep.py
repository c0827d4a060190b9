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
regimes. So are points whose float payoffs tie where the model's payoffs are not
identically equal, and games whose payoffs lie outside the batch solver's safe range
(:func:`gametheory.solve.batch.solve_batch`). Points where a payoff is not a finite
number get the regime and structure ``"non-finite payoffs"`` (``finite`` is False in
:attr:`SweepResult.points`), not ``"infeasible"``, which is kept for points outside the
bounds and constraints.

Checkpoints: with ``out_dir``, chunks are kept on disk under a key that covers everything
that changes a result: the model's payoffs, parameters with their defaults and bounds,
constraints and regime rules (or a model function's code, the plain values it closes
over and the plain globals it reads, or a ``key`` you give), the points, the fixed
values, the method and ``tie_tol``, the chunk size, the seed and the toolkit's version.
Changing any of them recomputes; each chunk is verified on loading
(:mod:`.chunks`). Comparative statics over such grids follow Milgrom and Roberts (1994),
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
import types
from collections.abc import Mapping
from concurrent.futures import Executor
from fractions import Fraction
from functools import partial
from typing import Any

import numpy as np
import sympy

from ..._version import __version__
from ...core.parametric import ParametricGame
from ...errors import GameError, ParameterError, SolverError
from ...solve import METHODS
from ...solve.batch import TIE_TOL, check_tie_tol
from .chunks import run_chunks
from .evaluate import evaluate_chunk
from .model import Model, SweepModel, resolve_point
from .points import PointSet, check_point_count, exact_value, grid_axis
from .regimes import assemble
from .result import SweepResult

__all__ = ["sweep", "evaluate_points", "sweep_methods", "model_fingerprint", "NON_FINITE"]

#: Version of the chunk files' layout (part of the fingerprint: old chunks are not mixed in).
CHUNK_FORMAT = "BatchEquilibria.to_arrays 2 (feasible, finite)"
#: Regime and structure of a point whose payoffs are not finite numbers there.
NON_FINITE = "non-finite payoffs"

_PLAIN = (int, float, complex, str, bytes, bool, type(None), Fraction)


def _plain(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` is plain data whose ``repr`` identifies it (numbers, strings and
    small containers of them)."""
    if isinstance(value, (*_PLAIN, np.number)):
        return True
    if depth < 3 and isinstance(value, tuple | list | frozenset) and len(value) <= 1000:
        return all(_plain(v, depth + 1) for v in value)
    if depth < 3 and isinstance(value, dict) and len(value) <= 1000:
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    if isinstance(value, np.ndarray) and value.dtype != object and value.size <= 100_000:
        return True
    return False


def _value_digest(value: Any, h: Any, depth: int) -> None:
    if isinstance(value, ParametricGame):
        h.update(model_fingerprint(value).encode())
    elif isinstance(value, np.ndarray) and _plain(value):
        h.update(f"ndarray{value.dtype.str}{value.shape}".encode())
        h.update(np.ascontiguousarray(value).tobytes())
    elif _plain(value):
        h.update(repr(value).encode())
    elif callable(value) and depth < 3:
        _callable_digest(value, h, depth + 1)
    else:
        h.update(f"<{type(value).__module__}.{type(value).__qualname__}>".encode())


def _code_digest(code: types.CodeType, h: Any) -> None:
    h.update(code.co_code)
    h.update(repr((code.co_names, code.co_varnames, code.co_freevars)).encode())
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            _code_digest(c, h)
        else:
            h.update(repr(c).encode())


def _callable_digest(f: Any, h: Any, depth: int = 0) -> None:
    """Feed what defines a model function into ``h``: its code (constants and nested
    functions included), defaults, the plain values of its closure and of the globals it
    names, recursively for the functions among them."""
    if isinstance(f, partial):
        h.update(b"partial")
        _value_digest(f.func, h, depth)
        for a in (*f.args, *sorted(f.keywords.items())):
            _value_digest(a, h, depth)
        return
    if isinstance(f, types.MethodType):
        _value_digest(f.__self__, h, depth)
        f = f.__func__
    if not isinstance(f, types.FunctionType):
        call = next((c.__dict__["__call__"] for c in type(f).__mro__
                     if "__call__" in c.__dict__), None)
        h.update(f"{type(f).__module__}.{type(f).__qualname__}".encode())
        if isinstance(call, types.FunctionType):
            _callable_digest(call, h, depth)
        state = getattr(f, "__dict__", {})
        for k in sorted(state):
            h.update(k.encode())
            _value_digest(state[k], h, depth)
        return
    h.update(f"{f.__module__}.{f.__qualname__}".encode())
    _code_digest(f.__code__, h)
    _value_digest(f.__defaults__, h, depth)
    _value_digest(f.__kwdefaults__, h, depth)
    for cell in f.__closure__ or ():
        try:
            _value_digest(cell.cell_contents, h, depth)
        except ValueError:  # an empty cell
            h.update(b"<empty>")
    for name in f.__code__.co_names:
        if name in f.__globals__:
            g = f.__globals__[name]
            if _plain(g) or isinstance(g, ParametricGame) or isinstance(g, types.FunctionType):
                h.update(name.encode())
                _value_digest(g, h, depth)


def model_fingerprint(model: Any, key: str | None = None) -> str:
    """A SHA-256 identifying what a sweep computes from ``model``.

    For a :class:`~gametheory.ParametricGame`: its payoffs, each parameter's name,
    default and bounds, its constraints and regime rules, players and strategies. For a
    function: its qualified name and, unless ``key`` is given, its code (constants and
    nested functions), defaults, the plain values of its closure and of the module
    globals it reads, recursively for functions among them. ``key`` (any string you
    choose) is part of the fingerprint; for a function it replaces the code, so
    changing the key, not the code, decides when a checkpoint is stale.

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [[0]], [gt.Parameter("a", bounds=(0, 1))])
    >>> q = gt.ParametricGame([["a"]], [[0]], [gt.Parameter("a", bounds=(0, 2))])
    >>> model_fingerprint(p) == model_fingerprint(q)
    False
    >>> model_fingerprint(lambda a: 1) == model_fingerprint(lambda a: 2)
    False
    """
    h = hashlib.sha256()
    h.update(repr(key).encode())
    if isinstance(model, ParametricGame):
        h.update(repr((sympy.srepr(model.A), sympy.srepr(model.B),
                       [(q.name, repr(q.default), repr(q.bounds)) for q in model.parameters],
                       [sympy.srepr(c) for c in model.constraints],
                       [(lab, sympy.srepr(c)) for lab, c in model.regime_rules],
                       model.players, model.strategies)).encode())
    elif key is not None:
        h.update(f"{getattr(model, '__module__', '')}."
                 f"{getattr(model, '__qualname__', type(model).__qualname__)}".encode())
    else:
        _callable_digest(model, h)
    return h.hexdigest()


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
                    tie_tol: float = TIE_TOL, key: str | None = None,
                    recompute_corrupt: bool = False, _grid: bool = False) -> SweepResult:
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
    tie_tol = check_tie_tol(tie_tol)
    if key is not None and not isinstance(key, str):
        raise GameError(f"key must be a string, got {type(key).__name__}")
    fixed = dict(fixed or {})
    if _grid:
        # the count is checked before any value is converted (10^10 points fail at once)
        check_point_count([1 if isinstance(v, str) or np.ndim(v) == 0 else len(v)
                           for v in points.values()])
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
    h.update(model_fingerprint(mdl.model, key).encode())
    h.update(pts.digest().encode())
    h.update(repr(sorted((k, str(v)) for k, v in fixed_exact.items())).encode())
    h.update(f"{method}|{tie_tol!r}|{CHUNK_FORMAT}|{__version__}".encode())
    task = partial(evaluate_chunk, mdl, pts, fixed_exact, method, tie_tol)
    chunks = run_chunks(task, pts.n, chunk_size=chunk_size, executor=executor,
                        out_dir=out_dir, progress=progress, seed=seed,
                        fingerprint=h.hexdigest(), desc="sweep",
                        recompute_corrupt=recompute_corrupt)
    if not chunks:
        raise ParameterError("the sweep has no points")
    frame, table, players, strategies = _assemble(chunks, mdl, pts)
    return SweepResult(frame, table, parameters=pts.names, grid=pts.grid(),
                       fixed={k: str(v) for k, v in fixed_exact.items()}, players=players,
                       strategies=strategies, title=mdl.title,
                       regime_source="rules" if mdl.rules else "structure")


def sweep(model: Model, grid: Mapping[str, Any], fixed: Mapping[str, Any] | None = None, *,
          method: str = "batch", executor: Executor | None = None, progress: bool = True,
          chunk_size: int = 50_000, out_dir: str | os.PathLike | None = None,
          seed: int | None = None, tie_tol: float = TIE_TOL, key: str | None = None,
          recompute_corrupt: bool = False) -> SweepResult:
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
        Write each finished chunk there (in a folder of its own per computation, see the
        module text); rerunning the same sweep with the same directory resumes, a
        changed one recomputes.
    seed : int, optional
        Root seed of the chunks' seed sequences (recorded; a grid sweep draws nothing).
    tie_tol : float
        Relative tie band: decisions closer than this to a tie are recomputed exactly
        (a finite number >= 0).
    key : str, optional
        Part of the checkpoint fingerprint; for a model function it replaces the hash of
        its code: give a new key whenever the function's results change in a way its
        code does not show (state it reads from objects, files or the network).
    recompute_corrupt : bool
        Compute corrupt checkpoint chunks again instead of raising
        :class:`~gametheory.analysis.sensitivity.chunks.CorruptChunk`.

    Returns
    -------
    SweepResult

    Raises
    ------
    ParameterError
        For unknown parameters, empty axes, parameters both swept and fixed, or more
        than :data:`gametheory._limits.MAX_SWEEP_POINTS` points.
    PayoffError
        For a ``tie_tol`` that is not a finite number >= 0.
    SolverError
        For an unknown method, or games too large for the batch solver.

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
                           seed=seed, tie_tol=tie_tol, key=key,
                           recompute_corrupt=recompute_corrupt, _grid=True)


def _assemble(chunks: list[dict[str, np.ndarray]], mdl: SweepModel, pts: PointSet
              ) -> tuple[Any, Any, list[str], list[list[str]]]:
    """:func:`.regimes.assemble`, with points whose payoffs are not finite labelled so.

    Such points have no equilibria; their ``feasible`` stays what the bounds and
    constraints say, ``finite`` is False and regime and structure read
    :data:`NON_FINITE`.
    """
    import pandas as pd

    feas = np.concatenate([c["feasible"] for c in chunks])
    finite = np.concatenate([c["finite"] for c in chunks])
    solved = [{**c, "feasible": c["feasible"] & c["finite"]} for c in chunks]
    frame, table, players, strategies = assemble(solved, mdl, pts)
    bad = feas & ~finite
    if bad.any():
        for col in ("regime", "structure"):
            cat = np.array(table[col].astype(object), dtype=object)
            cat[bad] = NON_FINITE
            order = list(dict.fromkeys([*table[col].cat.categories, NON_FINITE]))
            table[col] = pd.Categorical(cat, categories=[c for c in order if c in set(cat)])
        table["feasible"] = feas
    table["finite"] = finite
    return frame, table, players, strategies
