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
import html
import json
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sympy

from ..._grid import cell_edges
from ..._numbers import NotANumber, to_number
from ...core.game import NormalFormGame
from ...errors import GameError, ParameterError
from ...solve.batch import TIE_TOL, solve_batch
from .chunks import run_chunks

__all__ = ["sweep", "evaluate_points", "SweepResult", "exact_value"]


# --------------------------------------------------------------------------- values
def exact_value(v: Any) -> Fraction:
    """The exact rational a parameter value stands for: floats by their shortest repr.

    >>> exact_value(0.1), exact_value("3/4"), exact_value(2)
    (Fraction(1, 10), Fraction(3, 4), Fraction(2, 1))
    """
    if isinstance(v, Fraction):
        return v
    if isinstance(v, float | np.floating):
        return Fraction(repr(float(v)))
    if isinstance(v, int | np.integer) and not isinstance(v, bool):
        return Fraction(int(v))
    try:
        num = to_number(v)
    except NotANumber as err:
        raise ParameterError(f"{v!r} is not a parameter value: {err}") from None
    return num if isinstance(num, Fraction) else Fraction(repr(float(num)))


def _axis(name: str, values: Any) -> tuple[np.ndarray, list[Fraction]]:
    """A grid axis as floats and as exact values."""
    if isinstance(values, str) or np.ndim(values) == 0:
        values = [values]
    seq = list(np.asarray(values, dtype=object).ravel()) if not isinstance(values, list) \
        else list(values)
    if not seq:
        raise ParameterError(f"grid axis {name!r} is empty")
    exact = [exact_value(v) for v in seq]
    floats = np.array([float(v) if isinstance(v, float | np.floating) else float(e)
                       for v, e in zip(seq, exact, strict=True)])
    if not np.isfinite(floats).all():
        raise ParameterError(f"grid axis {name!r} has a value that is not finite")
    return floats, exact


# --------------------------------------------------------------------------- models
class _Model:
    """Uniform access to a ParametricGame or a function returning NormalFormGames."""

    def __init__(self, model: Any, names: Sequence[str]) -> None:
        from ...core.parametric import ParametricGame

        if not isinstance(model, ParametricGame) and hasattr(model, "to_normal_form"):
            model = model.to_normal_form()
        self.model = model
        self.parametric = isinstance(model, ParametricGame)
        if self.parametric:
            known = set(model.parameter_names)
            for n in names:
                if n not in known:
                    raise ParameterError(f"unknown parameter {n!r}; the model's parameters "
                                         f"are {list(model.parameter_names)}")
            self.players, self.strategies = model.players, model.strategies
            self.title = model.title
            self.rules = model.regime_rules
        elif callable(model):
            self.rules = ()
            self.players = self.strategies = None  # from the first game
            self.title = getattr(model, "__name__", "")
        else:
            raise GameError("sweep needs a ParametricGame, a GameTree with to_normal_form(), "
                            f"or a function returning a NormalFormGame; got {type(model)!r}")

    def fingerprint(self) -> str:
        if self.parametric:
            m = self.model
            return repr((str(m.A), str(m.B), m.parameter_names,
                         [(p.name, str(p.default)) for p in m.parameters],
                         [(lab, str(c)) for lab, c in m.regime_rules], str(m.constraints)))
        return f"{getattr(self.model, '__module__', '')}.{getattr(self.model, '__qualname__', '')}"

    def games(self, values: Mapping[str, np.ndarray], n: int) -> list[NormalFormGame]:
        out = []
        for k in range(n):
            g = self.model(**{name: float(v[k]) for name, v in values.items()})
            if not isinstance(g, NormalFormGame):
                raise GameError(f"the model function returned {type(g)!r}, not a "
                                "NormalFormGame")
            out.append(g)
        return out


_CANONICAL: dict[Any, Any] = {}
_RULE_CACHE: dict[int, Any] = {}


def _canonical(model: Any) -> Any:
    """The first instance of an equal model seen in this process.

    Chunks sent to worker processes arrive as fresh copies of the model; mapping them to
    one instance per process keeps its compiled (lambdified) payoffs and conditions.
    """
    if len(_CANONICAL) > 64:
        _CANONICAL.clear()
    return _CANONICAL.setdefault(model, model)


def _lambdified(model: Any):
    return model.lambdify()


def _rule_atoms(model: Any):
    """Each regime rule's relational atoms as vectorised ``lhs - rhs`` and scale functions."""
    key = id(model)
    hit = _RULE_CACHE.get(key)
    if hit is None or hit[0] is not model:
        syms = [p.sympy for p in model.parameters]
        atoms = set()
        for _, cond in model.regime_rules:
            atoms |= cond.atoms(sympy.core.relational.Relational)
        funcs = []
        for a in sorted(atoms, key=str):
            lhs, rhs = a.lhs, a.rhs
            funcs.append((sympy.lambdify(syms, lhs - rhs, modules="numpy"),
                          sympy.lambdify(syms, sympy.Abs(lhs) + sympy.Abs(rhs),
                                         modules="numpy")))
        hit = _RULE_CACHE[key] = (model, funcs)
    return hit[1]


def _exact_regime(model: Any, point: Mapping[str, Fraction]) -> str:
    syms = model.symbols
    sub = {syms[k]: sympy.Rational(exact_value(v).numerator, exact_value(v).denominator)
           for k, v in point.items()}
    for label, cond in model.regime_rules:
        if bool(cond.xreplace(sub) == sympy.true):
            return label
    return "unclassified"


# --------------------------------------------------------------------------- point sets
class _Points:
    """Flat parameter points: a grid (axes) or scattered samples (arrays)."""

    def __init__(self, axes: Mapping[str, tuple[np.ndarray, list[Fraction]]] | None = None,
                 arrays: Mapping[str, np.ndarray] | None = None) -> None:
        self.axes = axes
        self.arrays = arrays
        if axes is not None:
            self.names = list(axes)
            self.shape = tuple(len(a[0]) for a in axes.values())
            self.n = int(np.prod(self.shape))
        else:
            self.names = list(arrays)
            lens = {len(v) for v in arrays.values()}
            if len(lens) > 1:
                raise ParameterError(f"point arrays have different lengths {sorted(lens)}")
            self.shape = None
            self.n = lens.pop() if lens else 0

    def floats(self, lo: int, hi: int) -> dict[str, np.ndarray]:
        if self.axes is None:
            return {k: np.asarray(v[lo:hi], dtype=float) for k, v in self.arrays.items()}
        idx = np.unravel_index(np.arange(lo, hi), self.shape)
        return {k: a[0][i] for (k, a), i in zip(self.axes.items(), idx, strict=True)}

    def exact(self, i: int) -> dict[str, Fraction]:
        if self.axes is None:
            return {k: exact_value(float(v[i])) for k, v in self.arrays.items()}
        idx = np.unravel_index(i, self.shape)
        return {k: a[1][j] for (k, a), j in zip(self.axes.items(), idx, strict=True)}

    def digest(self) -> str:
        h = hashlib.sha256()
        if self.axes is not None:
            for k, (_, ex) in self.axes.items():
                h.update(k.encode())
                h.update(repr(ex).encode())
        else:
            for k, v in self.arrays.items():
                h.update(k.encode())
                h.update(np.ascontiguousarray(v, dtype=float).tobytes())
        return h.hexdigest()


# --------------------------------------------------------------------------- chunk task
def _full_values(p: Any, fixed_f: Mapping[str, float], vals: Mapping[str, np.ndarray],
                 nloc: int) -> dict[str, np.ndarray]:
    """Every parameter as a float array of length ``nloc`` (defaults filled, broadcast).

    Broadcasting up front keeps the model's vectorised conditions (``classify``,
    ``feasible``) away from mixed scalar/array arguments.
    """
    out = {}
    for q in p.parameters:
        if q.name in vals:
            v = vals[q.name]
        elif q.name in fixed_f:
            v = fixed_f[q.name]
        else:
            v = float(q.default)
        out[q.name] = np.broadcast_to(np.asarray(v, dtype=float), (nloc,))
    return out


def _solve_chunk(model: _Model, points: _Points, fixed: dict[str, Any], method: str,
                 tie_tol: float, lo: int, hi: int, seed: Any = None) -> dict[str, np.ndarray]:
    """Equilibria and regimes of points ``lo..hi-1`` (a picklable chunk task)."""
    vals = points.floats(lo, hi)
    nloc = hi - lo
    fixed_f = {k: float(v) for k, v in fixed.items()}
    out: dict[str, np.ndarray] = {}
    if model.parametric:
        p = _canonical(model.model)
        allv = _full_values(p, fixed_f, vals, nloc)
        feas = np.broadcast_to(np.asarray(p.feasible(**allv)), (nloc,)).copy()
        A, B = _lambdified(p)(**allv)
        A = np.broadcast_to(A, (nloc, *p.shape)).copy()
        B = np.broadcast_to(B, (nloc, *p.shape)).copy()
        bad = ~(np.isfinite(A).all(axis=(1, 2)) & np.isfinite(B).all(axis=(1, 2)))
        feas &= ~bad
        A[~feas] = 0.0
        B[~feas] = 0.0

        def exact_game(i: int) -> NormalFormGame:
            return p.at(**{**fixed, **points.exact(lo + i)})
    else:
        games = model.games({**{k: np.full(nloc, v) for k, v in fixed_f.items()}, **vals}, nloc)
        A = np.stack([g.as_float()[0] for g in games]).astype(float)
        B = np.stack([g.as_float()[1] for g in games]).astype(float)
        feas = np.ones(nloc, dtype=bool)
        out["players"] = np.array(games[0].players)
        out["strategies0"] = np.array(games[0].strategies[0])
        out["strategies1"] = np.array(games[0].strategies[1])

        def exact_game(i: int) -> NormalFormGame:
            g = games[i]
            a, b = g.as_fraction()
            return NormalFormGame(a.tolist(), b.tolist())

    def resolve(idx: np.ndarray):
        out = []
        for i in idx:
            g = exact_game(int(i))
            out.append(([(e.row, e.col) for e in g.equilibria()], bool(g.is_degenerate())))
        return out

    if method == "batch":
        res = solve_batch(A, B, tie_tol=tie_tol, resolve=resolve)
        degenerate, resolved = res.degenerate, res.resolved
        pts, xs, ys, pay = res.point, res.row, res.col, res.payoffs
    else:
        m, n = A.shape[1:]
        pl, xl, yl, degenerate = [], [], [], np.zeros(nloc, dtype=bool)
        for i in range(nloc):
            if not feas[i]:
                continue
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
        resolved = np.ones(nloc, dtype=bool)
    keep = feas[pts]
    out.update(point=pts[keep] + lo, row=xs[keep], col=ys[keep], payoffs=pay[keep],
               p_feasible=feas, p_degenerate=degenerate & feas, p_resolved=resolved & feas)
    if model.rules:
        p = _canonical(model.model)
        labels = np.asarray(np.broadcast_to(p.classify(**allv), (nloc,)), dtype=str)
        near = np.zeros(nloc, dtype=bool)
        args = p.lambdify()._arrays(allv)
        with np.errstate(all="ignore"):
            for diff, size in _rule_atoms(p):
                d = np.broadcast_to(diff(*args), (nloc,))
                s = np.broadcast_to(size(*args), (nloc,))
                near |= np.abs(d) <= tie_tol * (1.0 + s)
        base = {q.name: q.default for q in p.parameters if q.default is not None}
        base.update({k: exact_value(v) for k, v in fixed.items()})
        for i in np.flatnonzero((near | resolved) & feas):
            labels[i] = _exact_regime(p, {**base, **points.exact(lo + int(i))})
        out["p_regime"] = labels
    return out


# --------------------------------------------------------------------------- assembly
def _support_labels(strategies, m: int, n: int, codes: np.ndarray) -> dict[int, str]:
    """``"Probe / Under-react+Intercept"`` for each support code ``rows << n | cols``."""
    labs = {}
    for code in np.unique(codes).tolist():
        rb, cb = code >> n, code & ((1 << n) - 1)
        r = "+".join(s for i, s in enumerate(strategies[0]) if rb >> i & 1)
        c = "+".join(s for j, s in enumerate(strategies[1]) if cb >> j & 1)
        labs[code] = f"{r} / {c}"
    return labs


def _assemble(parts: list[dict[str, np.ndarray]], model: _Model, points: _Points,
              fixed: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    players = model.players
    strategies = model.strategies
    if players is None:
        first = next(p for p in parts if "players" in p)
        players = tuple(first["players"].tolist())
        strategies = (tuple(first["strategies0"].tolist()), tuple(first["strategies1"].tolist()))
    m, n = len(strategies[0]), len(strategies[1])
    point = np.concatenate([p["point"] for p in parts]).astype(np.int64)
    row = np.concatenate([p["row"].reshape(-1, m) for p in parts])
    col = np.concatenate([p["col"].reshape(-1, n) for p in parts])
    pay = np.concatenate([p["payoffs"].reshape(-1, 2) for p in parts])
    feas = np.concatenate([p["p_feasible"] for p in parts])
    deg = np.concatenate([p["p_degenerate"] for p in parts])
    resolved = np.concatenate([p["p_resolved"] for p in parts])
    N = points.n
    counts = np.bincount(point, minlength=N)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    eq_index = np.arange(point.size) - np.repeat(starts, counts)
    rb = (row > 0) @ (1 << np.arange(m, dtype=np.int64))
    cb = (col > 0) @ (1 << np.arange(n, dtype=np.int64))
    code = rb * (1 << n) + cb
    sup_labels = _support_labels(strategies, m, n, code)
    # equilibrium structure of each point: its ordered list of support codes
    kmax = int(counts.max()) if counts.size else 0
    padded = np.full((N, max(kmax, 1)), -1, dtype=np.int64)
    padded[point, eq_index] = code
    width = m + n + 1  # bits of one support code (+1 for the padding value -1)
    if padded.shape[1] * width <= 62:
        key = np.zeros(N, dtype=np.int64)
        for k in range(padded.shape[1]):
            key |= (padded[:, k] + 1) << (k * width)
        struct_id, uniq_keys = pd.factorize(key)
        uniq = np.array([[((int(u) >> (k * width)) & ((1 << width) - 1)) - 1
                          for k in range(padded.shape[1])] for u in uniq_keys],
                        dtype=np.int64).reshape(-1, padded.shape[1])
    else:
        uniq, struct_id = np.unique(padded, axis=0, return_inverse=True)
        struct_id = struct_id.ravel()
    struct_labels = np.array([" & ".join(sup_labels[c] for c in u if c >= 0) or "infeasible"
                              for u in uniq], dtype=object)
    struct_id = np.where(feas, struct_id, -1)
    changes = np.zeros(N, dtype=bool)
    if points.shape is not None:
        grid_ids = struct_id.reshape(points.shape)
        for ax in range(len(points.shape)):
            a = np.moveaxis(grid_ids, ax, 0)
            ch = np.moveaxis(np.zeros(grid_ids.shape, dtype=bool), ax, 0)
            valid = (a[1:] >= 0) & (a[:-1] >= 0)
            diff = (a[1:] != a[:-1]) & valid
            ch[1:] |= diff
            ch[:-1] |= diff
            changes |= np.moveaxis(ch, 0, ax).ravel()
    structure = np.where(struct_id >= 0, struct_labels[np.maximum(struct_id, 0)], "infeasible")
    if model.rules:
        regime = np.concatenate([p["p_regime"] for p in parts]).astype(object)
        regime[~feas] = "infeasible"
    else:
        regime = structure
    # per-point table
    pvals = points.floats(0, N)
    ptab = {k: v for k, v in pvals.items()}
    if model.rules:  # categories in the order of the model's rules (stable colours)
        present = set(pd.unique(regime))
        order = [lab for lab, _ in model.rules] + ["unclassified", "infeasible"]
        regime_cat = pd.Categorical(regime, categories=[lab for lab in dict.fromkeys(order)
                                                        if lab in present])
    else:
        regime_cat = pd.Categorical(regime)
    ptab.update(point=np.arange(N), regime=regime_cat, structure=pd.Categorical(
        structure), equilibria=counts, degenerate=deg, resolved=resolved, changes=changes,
        feasible=feas)
    points_frame = pd.DataFrame(ptab)
    # per-equilibrium frame
    cols: dict[str, Any] = {k: v[point] for k, v in pvals.items()}
    cols["point"] = point
    cols["equilibrium"] = eq_index
    for i, s in enumerate(strategies[0]):
        cols[f"{players[0]}: {s}"] = row[:, i]
    for j, s in enumerate(strategies[1]):
        cols[f"{players[1]}: {s}"] = col[:, j]
    cols[f"payoff: {players[0]}"] = pay[:, 0]
    cols[f"payoff: {players[1]}"] = pay[:, 1]
    used = np.unique(code)
    cols["support"] = pd.Categorical.from_codes(np.searchsorted(used, code),
                                                categories=[sup_labels[c] for c in
                                                            used.tolist()])
    cols["regime"] = points_frame["regime"].values.take(point)
    cols["degenerate"] = deg[point]
    cols["changes"] = changes[point]
    frame = pd.DataFrame(cols)
    meta = {"players": list(players), "strategies": [list(s) for s in strategies]}
    return frame, points_frame, meta


# --------------------------------------------------------------------------- public API
def evaluate_points(model: Any, points: Mapping[str, Any], *, fixed: Mapping[str, Any] | None
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
        axes = {k: _axis(k, v) for k, v in points.items()}
        pts = _Points(axes=axes)
    else:
        pts = _Points(arrays={k: np.asarray(v, dtype=float).ravel() for k, v in points.items()})
    overlap = set(fixed) & set(pts.names)
    if overlap:
        raise ParameterError(f"parameter(s) {sorted(overlap)} are both swept and fixed")
    mdl = _Model(model, [*pts.names, *fixed])
    fixed_exact = {k: exact_value(v) for k, v in fixed.items()}
    if mdl.parametric:
        for k, v in fixed_exact.items():
            mdl.model.parameter(k).check(v)
        missing = [q.name for q in mdl.model.parameters
                   if q.default is None and q.name not in fixed and q.name not in pts.names]
        if missing:
            raise ParameterError(f"parameter(s) {missing} have no default; sweep them or give "
                                 "them in fixed")
    if method not in ("batch", "exact", "reference", "support", "vertex", "lemke-howson"):
        raise GameError(f"unknown method {method!r}; choose 'batch' or a method of "
                        "NormalFormGame.equilibria ('exact', 'support', 'vertex', ...)")
    h = hashlib.sha256()
    h.update(mdl.fingerprint().encode())
    h.update(pts.digest().encode())
    h.update(repr(sorted((k, str(v)) for k, v in fixed_exact.items())).encode())
    h.update(f"{method}|{tie_tol}".encode())
    task = partial(_solve_chunk, mdl, pts, fixed_exact, method, tie_tol)
    parts = run_chunks(task, pts.n, chunk_size=chunk_size, executor=executor,
                       out_dir=out_dir, progress=progress, seed=seed,
                       fingerprint=h.hexdigest(), desc="sweep")
    if not parts:
        raise ParameterError("the sweep has no points")
    frame, ptable, meta = _assemble(parts, mdl, pts, fixed_exact)
    grid = ({k: a[0] for k, a in pts.axes.items()} if pts.axes is not None else None)
    return SweepResult(frame, ptable, parameters=pts.names, grid=grid,
                       fixed={k: str(v) for k, v in fixed_exact.items()},
                       players=meta["players"], strategies=meta["strategies"],
                       title=mdl.title, regime_source="rules" if mdl.rules else "structure")


def sweep(model: Any, grid: Mapping[str, Any], fixed: Mapping[str, Any] | None = None, *,
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


# --------------------------------------------------------------------------- result
class SweepResult:
    """The result of a sweep: a tidy frame of equilibria and a per-point regime table.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per (parameter point, extreme equilibrium): a column per swept parameter,
        ``point`` (index of the point), ``equilibrium`` (index within the point, in the
        exact solver's order), ``"<player>: <strategy>"`` probabilities,
        ``"payoff: <player>"``, ``support`` (``"Probe / Intercept"``), ``regime``,
        ``degenerate`` and ``changes``.
    points : pandas.DataFrame
        One row per point: parameters, ``regime``, ``structure`` (supports of its
        equilibria), ``equilibria`` (count), ``degenerate``, ``resolved`` (recomputed
        exactly), ``changes``, ``feasible`` (bounds and constraints hold).
    parameters : list of str
        Swept parameter names.
    grid : dict or None
        The grid axes (None for scattered points).
    fixed : dict
        Fixed parameter values (as exact strings).
    """

    def __init__(self, frame: pd.DataFrame, points: pd.DataFrame, *, parameters: Sequence[str],
                 grid: Mapping[str, np.ndarray] | None, fixed: Mapping[str, str],
                 players: Sequence[str], strategies: Sequence[Sequence[str]], title: str = "",
                 regime_source: str = "structure") -> None:
        self.frame = frame
        self.points = points
        self.parameters = list(parameters)
        self.grid = None if grid is None else {k: np.asarray(v, dtype=float)
                                               for k, v in grid.items()}
        self.fixed = dict(fixed)
        self.players = list(players)
        self.strategies = [list(s) for s in strategies]
        self.title = title
        self.regime_source = regime_source

    def __len__(self) -> int:
        return len(self.frame)

    def __repr__(self) -> str:
        shape = "x".join(str(len(v)) for v in self.grid.values()) if self.grid else \
            str(len(self.points))
        return (f"SweepResult({self.title + ', ' if self.title else ''}{shape} points over "
                f"{', '.join(self.parameters)}; {len(self.frame)} equilibria; "
                f"{self.points['regime'].nunique()} regimes)")

    # ------------------------------------------------------------------ views
    def regimes(self) -> pd.DataFrame:
        """The per-point table (parameters, regime, structure, counts and flags).

        >>> import gametheory as gt
        >>> p = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, 1]], ["a"])
        >>> gt.sweep(p, {"a": [-1, 1]}, progress=False).regimes()["equilibria"].tolist()
        [1, 3]
        """
        return self.points

    def summary(self) -> pd.DataFrame:
        """Each regime's number and share of points and its parameter ranges."""
        pts = self.points[self.points["feasible"]]
        rows = []
        for reg, grp in pts.groupby("regime", observed=True, sort=False):
            row: dict[str, Any] = {"regime": reg, "points": len(grp),
                                   "share": len(grp) / max(len(pts), 1)}
            for p in self.parameters:
                row[f"{p} min"] = grp[p].min()
                row[f"{p} max"] = grp[p].max()
            rows.append(row)
        return pd.DataFrame(rows)

    def regime_map(self, x: str, y: str | None = None, at: Mapping[str, float] | None = None
                   ) -> dict[str, Any]:
        """Regimes over one or two swept parameters, as arrays for plotting.

        Other swept parameters must be fixed with ``at`` (a grid value each) unless they
        have a single value.

        Returns
        -------
        dict
            ``x``, ``y`` (axis values; ``y`` None in 1-D), ``labels`` (regime names),
            ``codes`` (array, shape (len(x),) or (len(x), len(y)), index into labels,
            -1 for infeasible).

        >>> import gametheory as gt
        >>> p = gt.ParametricGame([["a", 0], [0, "b"]], [[1, 0], [0, 1]], ["a", "b"])
        >>> m = gt.sweep(p, {"a": [-1, 1], "b": [-1, 1]}, progress=False).regime_map("a", "b")
        >>> m["codes"].shape
        (2, 2)
        """
        if self.grid is None:
            raise GameError("regime_map needs a grid sweep (not scattered points)")
        names = [x] if y is None else [x, y]
        for nme in names:
            if nme not in self.grid:
                raise ParameterError(f"{nme!r} is not a swept parameter; swept: "
                                     f"{self.parameters}")
        at = dict(at or {})
        sel = np.ones(len(self.points), dtype=bool)
        for p in self.parameters:
            if p in names:
                continue
            if p in at:
                vals = self.grid[p]
                k = int(np.argmin(np.abs(vals - float(at[p]))))
                sel &= self.points[p].values == vals[k]
            elif len(self.grid[p]) > 1:
                raise ParameterError(f"parameter {p!r} is swept too; choose a value with "
                                     f"at={{{p!r}: ...}}")
        pts = self.points[sel]
        labels = [lab for lab in pts["regime"].cat.categories if lab != "infeasible"]
        lut = {lab: k for k, lab in enumerate(labels)}
        codes = np.array([lut.get(r, -1) for r in pts["regime"].astype(str)])
        shape = tuple(len(self.grid[nme]) for nme in names)
        return {"x": self.grid[x], "y": None if y is None else self.grid[y],
                "labels": labels, "codes": codes.reshape(shape), "x_name": x, "y_name": y}

    # ------------------------------------------------------------------ rendering
    def to_markdown(self, digits: int = 3) -> str:
        """Summary table (regime, points, share, parameter ranges) in Markdown."""
        return self._summary_table("markdown", digits)

    def to_latex(self, digits: int = 3) -> str:
        """Summary table as a booktabs LaTeX tabular."""
        return self._summary_table("booktabs", digits)

    def _summary_table(self, fmt: str, digits: int) -> str:
        try:
            from ...report.tables import sweep_summary_table
        except ImportError:  # pragma: no cover - report layer absent
            sweep_summary_table = None
        frame = self.points[self.points["feasible"]].assign(
            regime=lambda d: d["regime"].astype(str))
        if sweep_summary_table is not None:
            from types import SimpleNamespace

            return sweep_summary_table(SimpleNamespace(frame=frame, parameters=self.parameters),
                                       format=fmt, digits=digits)
        s = self.summary()  # without the report layer: plain pandas renderings
        return s.to_latex(index=False) if fmt == "booktabs" else s.to_string(index=False)

    def _repr_html_(self) -> str:
        s = self.summary()
        head = html.escape(repr(self))
        return (f"<div><p><b>{head}</b></p>{s.to_html(index=False, float_format='%.4g')}"
                f"<p>first rows of <code>.frame</code>:</p>"
                f"{self.frame.head(8).to_html(index=False, float_format='%.4g')}</div>")

    def plot(self, x: str | None = None, y: str | None = None, ax: Any = None,
             at: Mapping[str, float] | None = None) -> Any:
        """A simple regime map (2-D) or regime strip (1-D) with matplotlib; returns the axes.

        Publication figures: :mod:`gametheory.report.figures`.
        """
        import matplotlib.pyplot as plt
        from matplotlib.colors import ListedColormap

        if x is None:
            x = self.parameters[0]
            if y is None and len(self.parameters) > 1:
                y = self.parameters[1]
        data = self.regime_map(x, y, at=at)
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4.5))
        k = max(len(data["labels"]), 1)
        cmap = ListedColormap(plt.get_cmap("tab10").colors[:k] if k <= 10
                              else plt.get_cmap("tab20").colors[:k])
        codes = np.ma.masked_less(data["codes"], 0)
        if y is None:
            ax.pcolormesh(cell_edges(data["x"]), [0, 1], codes[None, :], cmap=cmap, vmin=-0.5,
                          vmax=k - 0.5)
            ax.set_yticks([])
        else:
            ax.pcolormesh(cell_edges(data["x"]), cell_edges(data["y"]), codes.T, cmap=cmap,
                          vmin=-0.5, vmax=k - 0.5)
            ax.set_ylabel(y)
        ax.set_xlabel(x)
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=cmap(i), label=lab)
                           for i, lab in enumerate(data["labels"])],
                  loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
        if self.title:
            ax.set_title(self.title)
        return ax

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | os.PathLike) -> Path:
        """Save to a directory: frame and points (parquet with pyarrow, else CSV) + meta.json.

        >>> import gametheory as gt, tempfile, os
        >>> p = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, 1]], ["a"])
        >>> r = gt.sweep(p, {"a": [-1, 1]}, progress=False)
        >>> d = r.save(os.path.join(tempfile.mkdtemp(), "sweep"))
        >>> gt.SweepResult.load(d).frame.equals(r.frame)
        True
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        fmt = "parquet" if _has_pyarrow() else "csv"
        for name, df in (("frame", self.frame), ("points", self.points)):
            target = folder / f"{name}.{fmt}"
            tmp = folder / f".{name}.{fmt}.tmp"
            if fmt == "parquet":
                df.to_parquet(tmp, index=False)
            else:
                df.to_csv(tmp, index=False)
            os.replace(tmp, target)
        meta = {"format": fmt, "parameters": self.parameters,
                "grid": None if self.grid is None else {k: v.tolist()
                                                        for k, v in self.grid.items()},
                "fixed": self.fixed, "players": self.players, "strategies": self.strategies,
                "title": self.title, "regime_source": self.regime_source,
                "dtypes": {name: {c: str(t) for c, t in df.dtypes.items()}
                           for name, df in (("frame", self.frame), ("points", self.points))},
                "categories": {name: {c: [str(x) for x in df[c].cat.categories]
                                      for c in df.columns
                                      if isinstance(df[c].dtype, pd.CategoricalDtype)}
                               for name, df in (("frame", self.frame), ("points", self.points))}}
        (folder / "meta.json").write_text(json.dumps(meta, indent=1))
        return folder

    @classmethod
    def load(cls, path: str | os.PathLike) -> SweepResult:
        """Load a result written by :meth:`save`."""
        folder = Path(path)
        meta = json.loads((folder / "meta.json").read_text())
        fmt = meta["format"]
        dfs = {}
        for name in ("frame", "points"):
            f = folder / f"{name}.{fmt}"
            if fmt == "parquet":
                df = pd.read_parquet(f)
            else:
                df = pd.read_csv(f, keep_default_na=False,
                                 dtype={c: str for c in meta["categories"][name]})
            for c, t in meta["dtypes"][name].items():
                if c in meta["categories"][name]:
                    df[c] = pd.Categorical(df[c].astype(str),
                                           categories=meta["categories"][name][c])
                elif str(df[c].dtype) != t:
                    df[c] = df[c].astype(t)
            dfs[name] = df
        return cls(dfs["frame"], dfs["points"], parameters=meta["parameters"],
                   grid=meta["grid"], fixed=meta["fixed"], players=meta["players"],
                   strategies=meta["strategies"], title=meta["title"],
                   regime_source=meta["regime_source"])


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


SweepFunction = Callable[..., NormalFormGame]
