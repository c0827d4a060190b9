r"""The result of a sweep: the tidy equilibrium frame, the per-point regime table, and
their views (regime shares, regime maps), renderings and persistence.

A regime's *share* is its number of feasible points over the number of feasible points
(grid cells weigh equally; for Monte Carlo samples the share estimates the regime's
probability). A *regime map* lays the regimes of a 1-D or 2-D slice of the grid out as an
array of codes for plotting.

Examples
--------
>>> import gametheory as gt
>>> p = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, 1]], ["a"])
>>> s = gt.sweep(p, {"a": [-1, 0.5, 1]}, progress=False).summary()
>>> s[["points", "share"]].values.tolist()
[[1.0, 0.3333333333333333], [2.0, 0.6666666666666666]]
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from ..._lazy import lazy
from ...errors import GameError, ParameterError

pd = lazy("pandas")

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["SweepResult", "SweepFrame", "sweep_frame"]


@runtime_checkable
class SweepFrame(Protocol):
    """A sweep as tables and figures read it: its tidy ``frame`` and swept ``parameters``.

    :class:`SweepResult` is one; see :func:`sweep_frame`.
    """

    frame: pd.DataFrame
    parameters: list[str]


@dataclass(frozen=True)
class _FeasiblePoints:
    """What the summary table reads of a sweep: its feasible points and parameters."""

    frame: pd.DataFrame
    parameters: list[str]


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
        """The feasible points' regime shares and ranges, rendered by the report layer.

        A facade: :func:`gametheory.report.tables.sweep_summary_table` is imported here,
        in the method, so that the analysis layer never loads the report layer.
        """
        from ...report.tables import sweep_summary_table

        frame = self.points[self.points["feasible"]].assign(
            regime=lambda d: d["regime"].astype(str))
        return sweep_summary_table(_FeasiblePoints(frame, self.parameters), format=fmt,
                                   digits=digits)

    def _repr_html_(self) -> str:
        s = self.summary()
        head = html.escape(repr(self))
        return (f"<div><p><b>{head}</b></p>{s.to_html(index=False, float_format='%.4g')}"
                f"<p>first rows of <code>.frame</code>:</p>"
                f"{self.frame.head(8).to_html(index=False, float_format='%.4g')}</div>")

    def plot(self, x: str | None = None, y: str | None = None, ax: Axes | None = None,
             at: Mapping[str, float] | None = None, **options: Any) -> Axes:
        """The regime map (2-D) or regime strip (1-D) of :meth:`regime_map`; returns the axes.

        A facade: :func:`gametheory.report.figures.regime_map` draws it and is imported
        here, in the method, so that the analysis layer never loads the report layer.
        ``options`` go to it (``game=`` for exact threshold lines and parameter symbols,
        ``title=``, ``legend=``, ...); the title defaults to the sweep's.

        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> import gametheory as gt
        >>> p = gt.ParametricGame([["a", 0], [0, "b"]], [[1, 0], [0, 1]], ["a", "b"])
        >>> ax = gt.sweep(p, {"a": [-1, 1], "b": [-1, 1]}, progress=False).plot()
        >>> ax.get_xlabel(), ax.get_ylabel()
        ('a', 'b')
        """
        from ...report.figures import regime_map

        if x is None:
            x = self.parameters[0]
            if y is None and len(self.parameters) > 1:
                y = self.parameters[1]
        options.setdefault("title", self.title)
        if options.get("game") is None:
            options.setdefault("thresholds", None)  # exact lines need the model
        return regime_map(self.regime_map(x, y, at=at), at=at, ax=ax, **options)

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




def sweep_frame(result: SweepFrame | pd.DataFrame, what: str
                ) -> tuple[pd.DataFrame, list[str]]:
    """The tidy frame of a sweep and its swept parameter names (none known for a frame).

    The one reading of "a SweepResult or its DataFrame" for the tables and figures that
    accept either; anything else is a :class:`~gametheory.errors.GameError` naming
    ``what`` needs it.

    >>> f = pd.DataFrame({"c": [0.0], "regime": ["a"]})
    >>> sweep_frame(f, "a table")[0] is f, sweep_frame(f, "a table")[1]
    (True, [])
    >>> sweep_frame([1, 2], "a table")
    Traceback (most recent call last):
    ...
    gametheory.errors.GameError: a table needs a SweepResult or a pandas DataFrame, got list
    """
    if isinstance(result, pd.DataFrame):  # first: a frame's columns look like attributes
        return result, []
    if isinstance(result, SweepFrame):
        return result.frame, list(result.parameters)
    raise GameError(f"{what} needs a SweepResult or a pandas DataFrame, got "
                    f"{type(result).__name__}")
