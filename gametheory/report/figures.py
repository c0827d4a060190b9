r"""Figures for papers: regime maps, equilibrium paths, tornado charts, folk regions.

*Regime map.* For a parametric game with regime rules (ordered conditions
:math:`R_1(\theta), R_2(\theta), \dots`; the regime at :math:`\theta` is the first that
holds) and two parameters :math:`(x, y)` with the others fixed, the plane is coloured by
regime. Each rule is a Boolean combination of inequalities :math:`g(\theta) \ge 0`; the
boundaries between regimes lie on the curves :math:`g(x, y) = 0`. These are drawn
*exactly*: solved symbolically for :math:`y` (or :math:`x`) when :math:`g` is linear in
it, otherwise as the zero contour of :math:`g` on a fine grid, and only where the regime
actually differs on the two sides. The grid and the curves are computed by
:mod:`gametheory.analysis.sensitivity.boundaries` (its names are re-exported here); this
module only draws.

*Equilibrium path.* Equilibrium probabilities and payoffs against one parameter, with
the parameter values where the equilibrium set changes marked (a sweep's ``changes``).

*Tornado chart.* One-at-a-time local sensitivity: an output at each parameter's low and
high value with the others at their base values, bars sorted by swing (Saltelli et al.,
*Global Sensitivity Analysis: The Primer*, 2008, sec. 1.2.1, on OAT designs; Eschenbach
1992, "Spiderplots versus tornado diagrams", *Engineering Economist* 37(3)).

*Folk region.* In an infinitely repeated two-player game every feasible, strictly
individually rational payoff vector is the average payoff of a subgame-perfect
equilibrium for a discount factor close enough to 1 (Fudenberg and Maskin 1986,
*Econometrica* 54(3)). Feasible: the convex hull of the pure payoff pairs. Individually
rational: at least the mixed minmax value
:math:`\underline v_1 = \min_{y}\max_i (Ay)_i`, :math:`\underline v_2 =
\min_{x}\max_j (x^\top B)_j`, computed by linear programming in
:mod:`gametheory.analysis.repeated.folk`; :func:`folk_region` draws its
:class:`~gametheory.analysis.repeated.folk.FolkRegion`.

Style (:mod:`gametheory.report.style`): Okabe-Ito colours plus hatches and dashes, so each
figure reads in greyscale; :func:`gametheory.report.style.save_figure` writes PDF and PNG.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import gametheory as gt
>>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
...                       regime_rules=[("tolerated", "r <= 1 and v > 1"),
...                                     ("deterred", "r > 1 and v <= 3"),
...                                     ("other", "v >= 0")])
>>> fig = gt.figures.regime_map(p, {"v": (0, 4), "r": (0, 2)}, resolution=41)
>>> [ln.get_label() for ln in fig.axes[0].get_lines()]
['$r = 1$', '$v = 1$', '$v = 3$']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .._grid import cell_edges
from .._latex import latex_symbol_names
from ..analysis.repeated.folk import FolkRegion
from ..analysis.repeated.folk import folk_region as folk_region_of
from ..analysis.sensitivity.boundaries import (
    Boundary,
    boundary_curves,
    regime_boundaries,
    regime_grid,
)
from ..analysis.sensitivity.result import SweepFrame, sweep_frame
from ..analysis.sensitivity.sweep import SweepResult
from ..core.game import NormalFormGame
from ..core.parametric import ParametricGame
from ..errors import GameError, ParameterError
from .style import figure_style, line_style, region_style, save_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Boundary",
    "regime_grid",
    "regime_boundaries",
    "regime_map",
    "equilibrium_path",
    "one_at_a_time",
    "tornado",
    "folk_region_data",
    "folk_region",
    "save_figure",
]


# --------------------------------------------------------------------------- regime map
def _param_label(game: ParametricGame | None, name: str, given: str | None = None) -> str:
    if given is not None:
        return given
    try:
        p = game.parameter(name) if isinstance(game, ParametricGame) else None
    except (GameError, KeyError):
        p = None
    words = name.replace("_", " ")
    if p is None:
        return words
    sym = latex_symbol_names([p])[name]
    unit = f" [{p.unit}]" if getattr(p, "unit", "") and len(p.unit) <= 20 else ""
    return f"{words} ${sym}${unit}"


def regime_map(
    data: Any,
    axes: Mapping[str, Any] | None = None,
    *,
    x: str | None = None,
    y: str | None = None,
    at: Mapping[str, Any] | None = None,
    thresholds: Any = "auto",
    game: Any = None,
    resolution: int = 201,
    ax: Any = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend: bool = True,
    label_regions: bool = True,
) -> Any:
    r"""A regime map over two parameters: labelled regions, exact threshold lines.

    Parameters
    ----------
    data : ParametricGame, SweepResult or dict
        A ParametricGame with regime rules (classified on a grid, ``axes`` required), a
        :class:`~gametheory.SweepResult` of a 2-D grid sweep (``x``, ``y``; ``at`` fixes
        other swept parameters), or a dict in the layout of :func:`regime_grid`.
    axes : dict, optional
        For a game: ``{x: (start, stop) or values, y: ...}``.
    x, y : str, optional
        For a sweep result: the two parameters (default: the first two swept).
    at : dict, optional
        Values of the other parameters.
    thresholds : "auto", None, or sequence
        ``"auto"``: the exact boundaries of :func:`regime_boundaries` (needs the game:
        ``data`` or ``game=``), drawn where the regime changes across them; ``None``: no
        lines; or a sequence of :class:`Boundary` values or sympy expressions ``g(x, y)``
        (drawn as ``g = 0``).
    game : ParametricGame, optional
        The model behind a sweep result, for the threshold lines and axis labels.
    resolution : int
        Grid points per axis for a game.
    ax : matplotlib Axes, optional
    title, xlabel, ylabel : str, optional
        Axis labels default to the parameter name and its LaTeX symbol.
    legend, label_regions : bool
        Legend of regions and lines; region names written inside the regions.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [["b"]], ["a", "b"],
    ...                       regime_rules=[("low", "a < b"), ("high", "a >= b")])
    >>> fig = regime_map(p, {"a": (0, 1), "b": (0, 1)}, resolution=21)
    >>> fig.axes[0].get_xlabel(), fig.axes[0].get_lines()[0].get_label()
    ('a $a$', '$b = a$')
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    if isinstance(data, ParametricGame):
        game = data
        if axes is None:
            raise ParameterError("regime_map of a game needs axes={x: (start, stop), "
                                 "y: (start, stop)}")
        grid = regime_grid(game, axes, at=at, resolution=resolution)
    elif isinstance(data, SweepResult):
        params = list(data.parameters)
        if axes is not None:
            x, y = list(axes)[:2]
        x = x or (params[0] if params else None)
        y = y or (params[1] if len(params) > 1 else None)
        if x is None or y is None:
            raise ParameterError("regime_map needs a sweep over two parameters (x and y)")
        grid = data.regime_map(x, y, at=at)
    elif isinstance(data, Mapping) and {"x", "y", "codes", "labels"} <= set(data):
        grid = dict(data)
        grid.setdefault("x_name", x or "x")
        grid.setdefault("y_name", y or "y")
    else:
        raise GameError(f"regime_map needs a ParametricGame, a SweepResult or a grid dict, "
                        f"got {type(data).__name__}")
    xs, ys = np.asarray(grid["x"], dtype=float), np.asarray(grid["y"], dtype=float)
    codes = np.asarray(grid["codes"])
    labels = list(grid["labels"])
    xn, yn = grid["x_name"], grid["y_name"]

    with figure_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(6.8, 4.0))
        else:
            fig = ax.figure
        handles = []
        XE, YE = cell_edges(xs), cell_edges(ys)
        colours = [region_style(k)["facecolor"] for k in range(len(labels))] + ["#FFFFFF"]
        base = np.where(codes < 0, len(labels), codes).astype(float)
        # a raster base layer (closes hairline gaps where three regions meet) under one
        # vector, hatched polygon set per regime: small files, greyscale-safe
        ax.pcolormesh(XE, YE, base.T, shading="flat", cmap=_listed(colours), vmin=-0.5,
                      vmax=len(labels) + 0.5, rasterized=True, alpha=0.85, linewidth=0)
        for k, lab in enumerate(labels):
            mask = (codes == k).astype(float)
            if not mask.any():
                continue
            st = region_style(k)
            if mask.shape[0] > 1 and mask.shape[1] > 1:
                ax.contourf(xs, ys, mask.T, levels=[0.5, 1.5], colors=[st["facecolor"]],
                            alpha=0.85, hatches=[st["hatch"] or None])
            handles.append(Patch(facecolor=st["facecolor"], edgecolor="#333333",
                                 hatch=st["hatch"], label=lab, alpha=0.85))
        if (codes < 0).any():
            bad = (codes < 0).astype(float)
            if bad.shape[0] > 1 and bad.shape[1] > 1:
                ax.contourf(xs, ys, bad.T, levels=[0.5, 1.5], colors=["#FFFFFF"],
                            hatches=["xxxx"])
            handles.append(Patch(facecolor="white", edgecolor="#333333", hatch="xxxx",
                                 label="infeasible"))
        if label_regions:
            _label_regions(ax, xs, ys, codes, labels)
        lines = _threshold_lines(ax, thresholds, game, xn, yn, at or {}, xs, ys)
        handles += lines
        ax.set_xlim(xs[0], xs[-1]) if len(xs) > 1 else ax.set_xlim(XE[0], XE[-1])
        ax.set_ylim(ys[0], ys[-1]) if len(ys) > 1 else ax.set_ylim(YE[0], YE[-1])
        ax.set_xlabel(_param_label(game, xn, xlabel))
        ax.set_ylabel(_param_label(game, yn, ylabel))
        if title:
            ax.set_title(title)
        if legend and handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0),
                      handlelength=2.2, borderaxespad=0)
    return fig


def _listed(colours: Sequence[str]) -> Any:
    from matplotlib.colors import ListedColormap

    return ListedColormap(list(colours))


def _label_regions(ax: Any, xs: np.ndarray, ys: np.ndarray, codes: np.ndarray,
                   labels: Sequence[str]) -> None:
    """Write each region's name at its most interior grid point (largest distance to edge)."""
    from scipy.ndimage import distance_transform_edt, label

    for k, lab in enumerate(labels):
        mask = codes == k
        if not mask.any():
            continue
        comps, n = label(mask)
        sizes = [(comps == c).sum() for c in range(1, n + 1)]
        big = comps == (1 + int(np.argmax(sizes)))
        if big.sum() < 0.01 * codes.size:
            continue
        padded = np.pad(big, 1, constant_values=False)
        dist = distance_transform_edt(padded)[1:-1, 1:-1]
        i, j = np.unravel_index(np.argmax(dist), dist.shape)
        ax.text(xs[i], ys[j], lab, ha="center", va="center", fontsize=7.5,
                bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "alpha": 0.85,
                      "edgecolor": "none"}, zorder=5)


def _threshold_lines(ax: Any, thresholds: Any, game: ParametricGame | None, xn: str, yn: str,
                     at: Mapping[str, Any], xs: np.ndarray, ys: np.ndarray) -> list[Any]:
    """Draw the separating parts of the regime boundaries; their legend handles."""
    from matplotlib.lines import Line2D

    if thresholds is None:
        return []
    handles = []
    for k, curve in enumerate(boundary_curves(game, xn, yn, xs, ys, at, thresholds)):
        st = line_style(k)
        label = f"${curve.boundary.latex}$"
        ax.plot(curve.x, curve.y, color="black", linestyle=st["linestyle"], linewidth=1.3,
                label=label, zorder=4)
        handles.append(Line2D([], [], color="black", linestyle=st["linestyle"],
                              linewidth=1.3, label=label))
    return handles


# --------------------------------------------------------------------------- paths
def equilibrium_path(
    result: SweepFrame | pd.DataFrame,
    x: str | None = None,
    *,
    at: Mapping[str, Any] | None = None,
    players: Sequence[str] | None = None,
    show_payoffs: bool = True,
    change_points: Sequence[float] | None = None,
    game: Any = None,
    title: str | None = None,
    xlabel: str | None = None,
) -> Any:
    """Equilibrium probabilities (and payoffs) against one parameter, changes marked.

    Parameters
    ----------
    result : SweepResult or pandas.DataFrame
        A sweep over ``x`` (its ``.frame``: one row per point and equilibrium, columns
        ``"<player>: <strategy>"`` and ``"payoff: <player>"``, ``equilibrium``).
    x : str, optional
        The parameter on the horizontal axis (default: the first swept).
    at : dict, optional
        Values of other swept parameters (nearest grid value is used).
    players : sequence of str, optional
        Whose strategies to plot (default both).
    show_payoffs : bool
        Add a lower panel with equilibrium payoffs.
    change_points : sequence of float, optional
        Where the equilibrium set changes; default: midway between neighbouring grid
        points whose sets of supports differ (a sweep's ``changes``); pass exact
        thresholds to mark them precisely.
    game : ParametricGame, optional
        For the axis label (parameter symbol).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import gametheory as gt
    >>> chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"],
    ...                             strategies=(("Swerve", "Straight"),) * 2)
    >>> res = gt.sweep(chicken, {"c": [-1, -0.5, 0.5, 1, 2]}, progress=False)
    >>> fig = equilibrium_path(res, "c")
    >>> [a.get_ylabel() for a in fig.axes]
    ['probability', 'payoff']
    """
    import matplotlib.pyplot as plt

    frame, params = sweep_frame(result, "equilibrium_path")
    x = x or (params[0] if params else None)
    if x is None or x not in frame.columns:
        raise ParameterError(f"equilibrium_path needs a swept parameter x; got {x!r}")
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
    df = frame[sel]
    strat_cols = [c for c in df.columns if ": " in c and not c.startswith("payoff: ")]
    if players is not None:
        strat_cols = [c for c in strat_cols if c.split(": ", 1)[0] in players]
    pay_cols = [c for c in df.columns if c.startswith("payoff: ")]
    eq_col = df["equilibrium"] if "equilibrium" in df.columns else np.zeros(len(df), int)
    if change_points is None:
        change_points = _change_points(df, x)
    with figure_style():
        nrows = 2 if show_payoffs and pay_cols else 1
        fig, axs = plt.subplots(nrows, 1, figsize=(6.8, 2.4 * nrows + 0.4), sharex=True,
                                squeeze=False)
        axs = axs[:, 0]
        panels = [(axs[0], strat_cols, "probability")]
        if nrows == 2:
            panels.append((axs[1], pay_cols, "payoff"))
        for axp, cols, ylab in panels:
            for k, c in enumerate(cols):
                st = line_style(k)
                for e in sorted(np.unique(np.asarray(eq_col))):
                    part = df[np.asarray(eq_col) == e].sort_values(x)
                    axp.plot(part[x].to_numpy(dtype=float), part[c].to_numpy(dtype=float),
                             color=st["color"], linestyle=st["linestyle"] if e == 0 else "none",
                             marker=st["marker"], markersize=3.5 if e == 0 else 5,
                             markerfacecolor=st["color"] if e == 0 else "none",
                             label=c.replace("payoff: ", "") if e == 0 else None,
                             alpha=1.0 if e == 0 else 0.8)
            for cp in change_points:
                axp.axvline(cp, color="#555555", linestyle=":", linewidth=1.0)
            axp.set_ylabel(ylab)
            axp.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0)
        if change_points:
            axs[0].plot([], [], color="#555555", linestyle=":", label="equilibrium set changes")
            axs[0].legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0)
        axs[0].set_ylim(-0.05, 1.05)
        axs[-1].set_xlabel(_param_label(game, x, xlabel))
        if title:
            axs[0].set_title(title)
    return fig


def _change_points(df: Any, x: str) -> list[float]:
    if "support" in df.columns:
        sets = df.groupby(x, sort=True)["support"].apply(lambda s: tuple(sorted(map(str, s))))
    else:
        sets = df.groupby(x, sort=True).size()
    xv = sets.index.to_numpy(dtype=float)
    vals = list(sets.values)
    return [float((xv[k] + xv[k + 1]) / 2) for k in range(len(vals) - 1)
            if vals[k] != vals[k + 1]]


# --------------------------------------------------------------------------- tornado
def one_at_a_time(func: Callable[..., float], base: Mapping[str, Any],
                  spans: Mapping[str, tuple[Any, Any]] | None = None,
                  rel: float = 0.1) -> Any:
    """One-at-a-time sensitivity data for :func:`tornado`.

    Parameters
    ----------
    func : callable
        ``func(**values) -> float``, e.g. ``lambda **v: game.at(**v).equilibria()[0]
        .payoffs[1]``.
    base : dict
        Base values of the parameters to vary.
    spans : dict, optional
        ``{name: (low, high)}``; default ``base * (1 - rel)`` and ``base * (1 + rel)``.
    rel : float
        Relative change when ``spans`` is not given.

    Returns
    -------
    pandas.DataFrame
        Columns ``parameter, low, high, output_low, output_high, base_output, swing``,
        sorted by swing (largest first).

    Examples
    --------
    >>> d = one_at_a_time(lambda a, b: a + 2 * b, {"a": 1.0, "b": 1.0})
    >>> d[["parameter", "output_low", "output_high"]].values.tolist()
    [['b', 2.8, 3.2], ['a', 2.9, 3.1]]
    """
    import pandas as pd

    base = dict(base)
    b0 = float(func(**base))
    rows = []
    for name, v in base.items():
        lo, hi = (spans or {}).get(name, (float(v) * (1 - rel), float(v) * (1 + rel)))
        out_lo = float(func(**{**base, name: lo}))
        out_hi = float(func(**{**base, name: hi}))
        rows.append({"parameter": name, "low": lo, "high": hi, "output_low": out_lo,
                     "output_high": out_hi, "base_output": b0,
                     "swing": abs(out_hi - out_lo)})
    df = pd.DataFrame(rows).sort_values("swing", ascending=False, kind="stable")
    return df.reset_index(drop=True)


def tornado(data: Any, *, base: float | None = None, output: str = "output",
            game: Any = None, ax: Any = None, title: str | None = None,
            max_bars: int = 15) -> Any:
    """A tornado chart: the output at each parameter's low and high value, by swing.

    Parameters
    ----------
    data : pandas.DataFrame or dict
        ``gt.local_sensitivity`` or :func:`one_at_a_time` output (columns
        ``parameter, output_low, output_high`` and ``output``/``base_output``), or
        ``{parameter: (output at low, output at high)}``.
    base : float, optional
        The output at the base values (the bars' common origin); default from ``data``.
    output : str
        Name of the output for the axis label.
    game : ParametricGame, optional
        For parameter symbols in the labels.
    max_bars : int
        Show at most this many parameters (largest swings).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig = tornado({"a": (2.9, 3.1), "b": (2.8, 3.2)}, base=3.0, output="payoff")
    >>> fig.axes[0].get_xlabel(), [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ('payoff', ['a', 'b'])
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    if isinstance(data, Mapping):
        df = pd.DataFrame([{"parameter": k, "output_low": float(v[0]),
                            "output_high": float(v[1])} for k, v in data.items()])
    else:
        df = data.copy()
    if df.empty:
        raise GameError("tornado needs at least one parameter")
    if base is None:
        col = "base_output" if "base_output" in df.columns else "output"
        if col not in df.columns:
            raise GameError("tornado needs base= (the output at the base values)")
        base = float(df[col].iloc[0])
    df["swing"] = (df["output_high"] - df["output_low"]).abs()
    df = df.sort_values("swing", ascending=True, kind="stable").tail(max_bars)
    names = latex_symbol_names(game.parameters) if game is not None else {}
    labels = [f"{p.replace('_', ' ')} ${names[p]}$" if p in names else p
              for p in df["parameter"]]
    with figure_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(5.5, 0.32 * len(df) + 1.2))
        else:
            fig = ax.figure
        yk = np.arange(len(df))
        lo = df["output_low"].to_numpy(float) - base
        hi = df["output_high"].to_numpy(float) - base
        s_lo, s_hi = region_style(4), region_style(5)
        ax.barh(yk, lo, left=base, color=s_lo["facecolor"], hatch="//", edgecolor="#333333",
                linewidth=0.5, label="parameter at low value")
        ax.barh(yk, hi, left=base, color=s_hi["facecolor"], edgecolor="#333333",
                linewidth=0.5, label="parameter at high value")
        ax.axvline(base, color="black", linewidth=0.8)
        ax.set_yticks(yk)
        ax.set_yticklabels(labels)
        ax.set_xlabel(output)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
        if title:
            ax.set_title(title)
    return fig


# --------------------------------------------------------------------------- folk region
def _folk(data: FolkRegion | NormalFormGame | ParametricGame) -> FolkRegion:
    """The folk region of ``data`` (computed by the analysis for a game)."""
    if isinstance(data, FolkRegion):
        return data
    if isinstance(data, ParametricGame):
        data = data.at()
    if not isinstance(data, NormalFormGame):
        raise GameError(f"a folk region needs a FolkRegion or a two-player game, got "
                        f"{type(data).__name__}")
    return folk_region_of(data)  # exact hull, mixed minmax (LP) and clipped polygon


def folk_region_data(data: FolkRegion | NormalFormGame | ParametricGame) -> dict[str, Any]:
    """The feasible payoff set, the minmax point and the individually rational part.

    Computed by :func:`gametheory.analysis.repeated.folk.folk_region` (exact hull, mixed
    minmax by linear programming); returned as float arrays for plotting.

    Parameters
    ----------
    data : FolkRegion, NormalFormGame or ParametricGame
        A folk region, or the stage game (a ParametricGame is taken at its defaults).

    Returns
    -------
    dict
        ``feasible`` (hull vertices, counter-clockwise), ``minmax`` (v1, v2),
        ``individually_rational`` (vertices of the hull clipped to ``u >= minmax``),
        ``points`` (pure payoff pairs with their labels), ``region`` (the exact
        :class:`~gametheory.analysis.repeated.folk.FolkRegion`).

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> d = folk_region_data(pd)
    >>> d["minmax"], len(d["feasible"])
    ((1.0, 1.0), 4)
    """
    region = _folk(data)
    game = region.stage
    A, B = game.as_float()
    pts = np.c_[A.ravel(), B.ravel()]
    labels = [(game.strategies[0][i], game.strategies[1][j]) for i in range(A.shape[0])
              for j in range(A.shape[1])]
    return {"feasible": np.array(region.feasible, dtype=float).reshape(-1, 2),
            "minmax": (float(region.minmax[0]), float(region.minmax[1])),
            "individually_rational": np.array(region.individually_rational,
                                              dtype=float).reshape(-1, 2),
            "points": list(zip(map(tuple, pts), labels, strict=True)),
            "region": region}


def folk_region(data: FolkRegion | NormalFormGame | ParametricGame, *, ax: Any = None,
                title: str | None = None, label_points: bool = True,
                equilibria: bool | Sequence[Sequence[Any]] = True,
                annotate: bool = True) -> Any:
    """Plot the feasible and individually rational payoffs of a repeated stage game.

    Feasible: the convex hull of the pure payoff pairs (a segment or point is drawn as a
    line); individually rational: at least the minmax value of each player. The
    region's marked payoffs (e.g. of automaton profiles, ``FolkRegion.points``) are
    drawn as diamonds.

    Parameters
    ----------
    data : FolkRegion, NormalFormGame or ParametricGame (at its defaults)
        The region of :func:`gametheory.folk_region`, or its stage game.
    ax : matplotlib Axes, optional
    title : str, optional
    label_points : bool
        Label the pure payoff pairs with their strategy profiles.
    equilibria : bool or sequence of payoff pairs
        Mark the stage game's Nash equilibrium payoffs: True solves the stage game,
        a sequence gives them (no solving), False marks none.
    annotate : bool
        Label the region's marked payoffs.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Ann", "Bob"))
    >>> fig = folk_region(pd)
    >>> fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()
    ('payoff to Ann', 'payoff to Bob')
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon

    d = folk_region_data(data)
    region = d["region"]
    game = region.stage
    if equilibria is True:
        equilibria = [e.payoffs for e in game.equilibria()]
    with figure_style():
        if ax is None:
            fig, ax = plt.subplots(figsize=(4.6, 3.8))
        else:
            fig = ax.figure
        hull, ir = d["feasible"], d["individually_rational"]
        if len(hull) >= 3:
            ax.add_patch(Polygon(hull, closed=True, facecolor="#DDDDDD", edgecolor="#333333",
                                 linewidth=0.8, label="feasible"))
        else:  # degenerate hull: a segment or a point
            ax.plot(hull[:, 0], hull[:, 1], color="#333333", linewidth=2, label="feasible")
        if len(ir) >= 3:
            st = region_style(2)
            ax.add_patch(Polygon(ir, closed=True, facecolor=st["facecolor"], alpha=0.6,
                                 hatch="//", edgecolor="#333333", linewidth=0.8,
                                 label="feasible and individually rational"))
        pts = np.array([p for p, _ in d["points"]])
        ax.plot(pts[:, 0], pts[:, 1], "o", color="black", markersize=3.5, label="pure profiles")
        if label_points:  # one label per distinct payoff point
            groups: dict[tuple[float, float], list[str]] = {}
            for (px, py), (r, c) in d["points"]:
                groups.setdefault((round(px, 9), round(py, 9)), []).append(f"{r}, {c}")
            for (px, py), labs in groups.items():
                text = labs[0] if len(labs) == 1 else f"{labs[0]} (+{len(labs) - 1})"
                ax.annotate(text, (px, py), textcoords="offset points", xytext=(4, 3),
                            fontsize=6.5)
        v1, v2 = d["minmax"]
        ax.axvline(v1, color="#555555", linestyle="--", linewidth=0.8)
        ax.axhline(v2, color="#555555", linestyle="--", linewidth=0.8)
        ax.plot([v1], [v2], marker="s", color=line_style(1)["color"], linestyle="none",
                label="minmax point")
        if equilibria:
            eq = np.array([[float(u), float(v)] for u, v in equilibria])
            ax.plot(eq[:, 0], eq[:, 1], marker="*", markersize=9, linestyle="none",
                    color=line_style(0)["color"], label="stage Nash equilibria")
        for k, (label, (u, v)) in enumerate(region.points.items()):
            ax.plot([float(u)], [float(v)], marker="D", markersize=5, linestyle="none",
                    color=line_style(2)["color"], label="marked payoffs" if k == 0 else None)
            if annotate:
                ax.annotate(label, (float(u), float(v)), textcoords="offset points",
                            xytext=(5, 5), fontsize=7)
        pad_x = 0.08 * max(np.ptp(pts[:, 0]), 1e-9)
        pad_y = 0.08 * max(np.ptp(pts[:, 1]), 1e-9)
        ax.set_xlim(pts[:, 0].min() - pad_x, pts[:, 0].max() + pad_x)
        ax.set_ylim(pts[:, 1].min() - pad_y, pts[:, 1].max() + pad_y)
        ax.set_xlabel(f"payoff to {game.players[0]}")
        ax.set_ylabel(f"payoff to {game.players[1]}")
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0)
        if title:
            ax.set_title(title)
    return fig
