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
module only draws. Over one parameter the map is a strip of regimes.

*Equilibrium path.* Equilibrium probabilities and payoffs against one parameter: one
line per strategy along each branch of equilibria (equilibria with the same support at
neighbouring grid points), the stretches with several equilibria shaded and the
parameter values where the equilibrium set changes marked (a sweep's ``changes``).

*Tornado chart.* One-at-a-time local sensitivity: an output at each parameter's low and
high value with the others at their base values, bars sorted by swing (Saltelli et al.,
*Global Sensitivity Analysis: The Primer*, 2008, sec. 1.2.1, on OAT designs; Eschenbach
1992, "Spiderplots versus tornado diagrams", *Engineering Economist* 37(3)). The data
come from :func:`gametheory.local_sensitivity` or :func:`gametheory.one_at_a_time`.

*Folk region.* In an infinitely repeated two-player game every feasible, strictly
individually rational payoff vector is the average payoff of a subgame-perfect
equilibrium for a discount factor close enough to 1 (Fudenberg and Maskin 1986,
*Econometrica* 54(3)). Feasible: the convex hull of the pure payoff pairs. Individually
rational: at least the mixed minmax value
:math:`\underline v_1 = \min_{y}\max_i (Ay)_i`, :math:`\underline v_2 =
\min_{x}\max_j (x^\top B)_j`, computed by linear programming in
:mod:`gametheory.analysis.repeated.folk`; :func:`folk_region` draws its
:class:`~gametheory.analysis.repeated.folk.FolkRegion`.

*Contract of every plot function.* It draws into ``ax=`` when given (else into a new
figure with constrained layout) and returns the ``Axes`` it drew in (the equilibrium
path: :class:`PathAxes`), never the ``Figure``, so a plot as a notebook cell's last line
is shown once. Legends lie inside the figure: on a figure of its own, beside the axes with
the layout making room; in the user's axes, inside them. A plain ``fig.savefig`` clips
nothing. Text that comes from the user or the model (regime, strategy and player names,
titles, labels, units) is shown literally, never parsed as mathtext (``$`` is escaped);
only the toolkit's own symbols (``$r_U$``) are typeset.

Style (:mod:`gametheory.report.style`): Okabe-Ito colours plus hatches and dashes, so each
figure reads in greyscale. Fonts and sizes follow the user's ``rcParams``; the house
style is opt-in, ``with gt.figures.house_style(): ...``;
:func:`gametheory.report.style.save_figure` writes PDF and PNG.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import gametheory as gt
>>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
...                       regime_rules=[("tolerated", "r <= 1 and v > 1"),
...                                     ("deterred", "r > 1 and v <= 3"),
...                                     ("other", "v >= 0")])
>>> ax = gt.figures.regime_map(p, {"v": (0, 4), "r": (0, 2)}, resolution=41)
>>> [ln.get_label() for ln in ax.get_lines()]
['$r = 1$', '$v = 1$', '$v = 3$']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from .._grid import cell_edges
from .._latex import escape_latex, latex_symbol_names
from ..analysis.repeated.folk import FolkRegion
from ..analysis.sensitivity.boundaries import (
    Boundary,
    boundary_curves,
    regime_boundaries,
    regime_grid,
)
from ..analysis.sensitivity.paths import equilibrium_branches
from ..analysis.sensitivity.result import SweepFrame, SweepResult
from ..core.parametric import ParametricGame
from ..errors import GameError, ParameterError
from .learning_figures import posterior_paths, probing_by_round
from .style import HOUSE_STYLE, house_style, line_style, region_style, save_figure
from .tree_figure import draw_tree

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Boundary",
    "regime_grid",
    "regime_boundaries",
    "regime_map",
    "equilibrium_path",
    "PathAxes",
    "tornado",
    "folk_region_data",
    "folk_region",
    "posterior_paths",
    "probing_by_round",
    "draw_tree",
    "save_figure",
    "house_style",
    "HOUSE_STYLE",
]

#: Accepted values of the plot functions' ``legend=``.
LEGEND_PLACES = (True, False, "auto", "outside", "inside")


# --------------------------------------------------------------------------- shared
def _literal(text: Any) -> str:
    r"""``text`` as matplotlib shows it literally: no mathtext, no TeX.

    With ``text.usetex`` off, every ``$`` is escaped (``\$``), so nothing is parsed as
    mathtext; with it on, the text is escaped for LaTeX.

    >>> _literal(r"$\foo$ costs $5")
    '\\$\\foo\\$ costs \\$5'
    """
    import matplotlib as mpl

    s = str(text)
    if mpl.rcParams["text.usetex"]:
        return escape_latex(s)
    return s.replace("$", r"\$")


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Axes, bool]:
    """The axes to draw in and whether the figure is the function's own (new)."""
    if ax is not None:
        return ax, False
    return _new_figure(1, figsize)[0], True


def _new_figure(nrows: int, figsize: tuple[float, float]) -> list[Axes]:
    """A figure of ``nrows`` panels sharing x, laid out by constrained layout (which
    makes room for legends beside the axes), with a margin of 0.05 in."""
    import matplotlib.pyplot as plt

    fig, axs = plt.subplots(nrows, 1, figsize=figsize, sharex=True, squeeze=False,
                            layout="constrained")
    fig.get_layout_engine().set(w_pad=0.05, h_pad=0.05)
    return list(axs[:, 0])


def _legend(ax: Axes, legend: bool | str, owned: bool, *, below: bool = False,
            **options: Any) -> None:
    """Place the legend where a plain ``savefig`` keeps it.

    ``"auto"`` (or True): beside the axes (below them with ``below``) on the function's
    own figure, whose constrained layout makes room; inside the axes (``loc="best"``) in
    the user's axes, whose layout the function does not know. ``"outside"`` and
    ``"inside"`` force either; False draws none.
    """
    if legend not in LEGEND_PLACES:
        raise GameError(f"legend={legend!r} is not a legend placement; accepted: "
                        f"{', '.join(map(repr, LEGEND_PLACES))}")
    if legend is False:
        return
    outside = legend == "outside" or (legend in (True, "auto") and owned)
    if not outside:
        ax.legend(loc="best", **options)
    elif below:  # a figure legend: constrained layout puts it under the axis label
        ax.figure.legend(*ax.get_legend_handles_labels(), loc="outside lower center",
                         ncol=2, **options)
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0, **options)


def _param_label(game: ParametricGame | None, name: str, given: str | None = None) -> str:
    """An axis label: the user's (literal), or the parameter's name and LaTeX symbol."""
    if given is not None:
        return _literal(given)
    try:
        p = game.parameter(name) if isinstance(game, ParametricGame) else None
    except (GameError, KeyError):
        p = None
    if p is None:
        return _literal(name)
    sym = latex_symbol_names([p])[name]
    unit = f" [{_literal(p.unit)}]" if getattr(p, "unit", "") and len(p.unit) <= 20 else ""
    return f"{_literal(name.replace('_', ' '))} ${sym}${unit}"


# --------------------------------------------------------------------------- regime map
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
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend: bool | str = "auto",
    label_regions: bool = True,
) -> Axes:
    r"""A regime map over two parameters (labelled regions, exact threshold lines), or a
    strip of regimes over one.

    Parameters
    ----------
    data : ParametricGame, SweepResult or dict
        A ParametricGame with regime rules (classified on a grid, ``axes`` required), a
        :class:`~gametheory.SweepResult` of a grid sweep (``x``, ``y``; ``at`` fixes
        other swept parameters), or a dict in the layout of :func:`regime_grid` or
        :meth:`SweepResult.regime_map <gametheory.SweepResult.regime_map>` (``y`` None:
        a strip over ``x``).
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
        Draw here; default a new figure (constrained layout, legend beside the axes).
    title, xlabel, ylabel : str, optional
        Shown literally. Axis labels default to the parameter name and its LaTeX symbol.
    legend : "auto", "outside", "inside" or bool
        Where the legend of regions and lines goes (see the module docstring); False: none.
    label_regions : bool
        Write the region names inside the regions.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [["b"]], ["a", "b"],
    ...                       regime_rules=[("low", "a < b"), ("high", "a >= b")])
    >>> ax = regime_map(p, {"a": (0, 1), "b": (0, 1)}, resolution=21)
    >>> ax.get_xlabel(), ax.get_lines()[0].get_label()
    ('a $a$', '$b = a$')
    """
    from matplotlib.patches import Patch

    grid, game = _regime_data(data, axes, x, y, at, game, resolution)
    xs = np.asarray(grid["x"], dtype=float)
    strip = grid.get("y") is None
    ys = np.zeros(1) if strip else np.asarray(grid["y"], dtype=float)
    codes = np.asarray(grid["codes"])
    labels = list(grid["labels"])
    xn, yn = grid["x_name"], grid.get("y_name")

    ax, owned = _axes(ax, (6.8, 1.8) if strip else (6.8, 4.0))
    handles = []
    if strip:
        _draw_strip(ax, xs, codes, len(labels))
    else:
        _draw_regions(ax, xs, ys, codes, len(labels))
    for k, lab in enumerate(labels):
        if (codes == k).any():
            st = region_style(k)
            handles.append(Patch(facecolor=st["facecolor"], edgecolor="#333333",
                                 hatch=st["hatch"], label=_literal(lab), alpha=0.85))
    if (codes < 0).any():
        handles.append(Patch(facecolor="white", edgecolor="#333333", hatch="xxxx",
                             label="infeasible"))
    XE = cell_edges(xs)
    ax.set_xlim(xs[0], xs[-1]) if len(xs) > 1 else ax.set_xlim(XE[0], XE[-1])
    ax.set_xlabel(_param_label(game, xn, xlabel))
    if strip:
        ax.set_ylim(0, 1)
        ax.set_yticks([])
    else:
        if label_regions:
            _label_regions(ax, xs, ys, codes, labels)
        handles += _threshold_lines(ax, thresholds, game, xn, yn, at or {}, xs, ys)
        YE = cell_edges(ys)
        ax.set_ylim(ys[0], ys[-1]) if len(ys) > 1 else ax.set_ylim(YE[0], YE[-1])
        ax.set_ylabel(_param_label(game, yn, ylabel))
    if title:
        ax.set_title(_literal(title))
    if handles:
        _legend(ax, legend, owned, handles=handles, handlelength=2.2)
    return ax


def _regime_data(data: Any, axes: Mapping[str, Any] | None, x: str | None, y: str | None,
                 at: Mapping[str, Any] | None, game: Any, resolution: int
                 ) -> tuple[dict[str, Any], Any]:
    """The grid of regime codes a regime map draws, and the game behind it (if known)."""
    if isinstance(data, ParametricGame):
        if axes is None:
            raise ParameterError("regime_map of a game needs axes={x: (start, stop), "
                                 "y: (start, stop)}")
        return regime_grid(data, axes, at=at, resolution=resolution), data
    if isinstance(data, SweepResult):
        params = list(data.parameters)
        if axes is not None:
            x, y = list(axes)[:2]
        x = x or (params[0] if params else None)
        y = y or (params[1] if len(params) > 1 else None)
        if x is None or y is None:
            raise ParameterError("regime_map needs a sweep over two parameters (x and y); "
                                 "for one, pass sweep.regime_map(x) or use sweep.plot(x)")
        return data.regime_map(x, y, at=at), game
    if isinstance(data, Mapping) and {"x", "y", "codes", "labels"} <= set(data):
        grid = dict(data)
        grid.setdefault("x_name", x or "x")
        if grid["y"] is not None:
            grid.setdefault("y_name", y or "y")
        return grid, game
    raise GameError(f"regime_map needs a ParametricGame, a SweepResult or a grid dict "
                    f"(keys x, y, codes, labels), got {type(data).__name__}")


def _draw_regions(ax: Axes, xs: np.ndarray, ys: np.ndarray, codes: np.ndarray,
                  n: int) -> None:
    """Colour the plane by regime: a raster base layer (closes hairline gaps where three
    regions meet) under one vector, hatched polygon set per regime (small files,
    greyscale-safe); infeasible cells white, cross-hatched."""
    XE, YE = cell_edges(xs), cell_edges(ys)
    colours = [region_style(k)["facecolor"] for k in range(n)] + ["#FFFFFF"]
    base = np.where(codes < 0, n, codes).astype(float)
    ax.pcolormesh(XE, YE, base.T, shading="flat", cmap=_listed(colours), vmin=-0.5,
                  vmax=n + 0.5, rasterized=True, alpha=0.85, linewidth=0)
    if codes.shape[0] < 2 or codes.shape[1] < 2:
        return
    for k in range(n):
        mask = (codes == k).astype(float)
        if mask.any():
            st = region_style(k)
            ax.contourf(xs, ys, mask.T, levels=[0.5, 1.5], colors=[st["facecolor"]],
                        alpha=0.85, hatches=[st["hatch"] or None])
    if (codes < 0).any():
        ax.contourf(xs, ys, (codes < 0).astype(float).T, levels=[0.5, 1.5],
                    colors=["#FFFFFF"], hatches=["xxxx"])


def _draw_strip(ax: Axes, xs: np.ndarray, codes: np.ndarray, n: int) -> None:
    """A regime strip over one parameter: one hatched band per run of equal regime."""
    XE = cell_edges(xs)
    start = 0
    for k in range(1, len(codes) + 1):
        if k < len(codes) and codes[k] == codes[start]:
            continue
        c = int(codes[start])
        st = region_style(c) if c >= 0 else {"facecolor": "#FFFFFF", "hatch": "xxxx"}
        ax.axvspan(XE[start], XE[k], facecolor=st["facecolor"], hatch=st["hatch"] or None,
                   edgecolor="#333333", linewidth=0, alpha=0.85)
        start = k


def _listed(colours: Sequence[str]) -> Any:
    from matplotlib.colors import ListedColormap

    return ListedColormap(list(colours))


def _label_regions(ax: Axes, xs: np.ndarray, ys: np.ndarray, codes: np.ndarray,
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
        ax.text(xs[i], ys[j], _literal(lab), ha="center", va="center", fontsize="small",
                bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "alpha": 0.85,
                      "edgecolor": "none"}, zorder=5)


def _threshold_lines(ax: Axes, thresholds: Any, game: ParametricGame | None, xn: str,
                     yn: str, at: Mapping[str, Any], xs: np.ndarray, ys: np.ndarray
                     ) -> list[Any]:
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
class PathAxes(NamedTuple):
    """The panels of :func:`equilibrium_path`: probabilities and (optionally) payoffs.

    A tuple, so ``top, bottom = equilibrium_path(...)`` unpacks it; its repr names the
    axes, so a plot as a notebook cell's last line is not shown twice.
    """

    probability: Axes
    payoff: Axes | None

    @property
    def figure(self) -> Any:
        """The figure the panels are in."""
        return self.probability.figure


def equilibrium_path(
    result: SweepFrame | pd.DataFrame,
    x: str | None = None,
    *,
    at: Mapping[str, Any] | None = None,
    players: Sequence[str] | None = None,
    show_payoffs: bool = True,
    change_points: Sequence[float] | None = None,
    game: Any = None,
    ax: Axes | Sequence[Axes] | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    legend: bool | str = "auto",
) -> PathAxes:
    """Equilibrium probabilities (and payoffs) against one parameter, changes marked.

    Equilibria are followed as *branches*: the equilibria with the same support at
    neighbouring grid points. Each strategy's probability is one line per branch in one
    colour (for a player with two strategies only the second is drawn: the first is one
    minus it); single points of a branch are markers. Stretches of the parameter with
    several equilibria are shaded, and the values where the equilibrium set changes are
    dotted vertical lines.

    Parameters
    ----------
    result : SweepResult or pandas.DataFrame
        A sweep over ``x`` (its ``.frame``: one row per point and equilibrium, columns
        ``"<player>: <strategy>"`` and ``"payoff: <player>"``, ``equilibrium``,
        ``support``).
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
    ax : Axes or pair of Axes, optional
        One Axes: the probability panel only; two: probabilities and payoffs. Default: a
        new figure with one or two panels.
    title, xlabel : str, optional
        Shown literally.
    legend : "auto", "outside", "inside" or bool
        Legend placement (see the module docstring).

    Returns
    -------
    PathAxes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import gametheory as gt
    >>> chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"],
    ...                             strategies=(("Swerve", "Straight"),) * 2)
    >>> res = gt.sweep(chicken, {"c": [-1, -0.5, 0.5, 1, 2]}, progress=False)
    >>> top, bottom = equilibrium_path(res, "c")
    >>> top.get_ylabel(), bottom.get_ylabel()
    ('probability', 'payoff')
    """
    path = equilibrium_branches(result, x, at)
    df, x = path.rows, path.x
    strat_cols = _shown_strategies([c for c in df.columns
                                    if ": " in c and not c.startswith("payoff: ")], players)
    pay_cols = [c for c in df.columns if c.startswith("payoff: ")]
    if change_points is None:
        change_points = path.changes
    two = show_payoffs and bool(pay_cols)
    if ax is None:
        owned = True
        panels_axes = _new_figure(2 if two else 1, (6.8, 2.4 * (1 + two) + 0.4))
    else:
        owned = False
        panels_axes = list(ax) if isinstance(ax, Sequence) else [ax]
        if not 1 <= len(panels_axes) <= 2:
            raise GameError(f"equilibrium_path draws into one or two Axes, got "
                            f"{len(panels_axes)}")
        two = two and len(panels_axes) == 2
    branches, several = path.branches, path.several
    panels = [(panels_axes[0], strat_cols, "probability")]
    if two:
        panels.append((panels_axes[1], pay_cols, "payoff"))
    for i, (axp, cols, ylab) in enumerate(panels):
        for a, b in several:
            axp.axvspan(a, b, color="#BBBBBB", alpha=0.3, linewidth=0,
                        label="several equilibria" if i == 0 and (a, b) == several[0]
                        else None)
        for k, c in enumerate(cols):
            _draw_branches(axp, branches, x, c, line_style(k),
                           _literal(c.removeprefix("payoff: ")))
        for cp in change_points:
            axp.axvline(cp, color="#555555", linestyle=":", linewidth=1.0,
                        label="equilibrium set changes" if i == 0 and cp == change_points[0]
                        else None)
        axp.set_ylabel(ylab)
        _legend(axp, legend, owned)
    panels_axes[0].set_ylim(-0.05, 1.05)
    panels[-1][0].set_xlabel(_param_label(game, x, xlabel))
    if title:
        panels_axes[0].set_title(_literal(title))
    return PathAxes(panels_axes[0], panels_axes[1] if two else None)


def _shown_strategies(cols: list[str], players: Sequence[str] | None) -> list[str]:
    """The strategy columns worth a line: a two-strategy player's second strategy only."""
    by_player: dict[str, list[str]] = {}
    for c in cols:
        by_player.setdefault(c.split(": ", 1)[0], []).append(c)
    if players is not None:
        by_player = {p: cs for p, cs in by_player.items() if p in players}
    return [c for cs in by_player.values() for c in (cs[1:] if len(cs) == 2 else cs)]


def _draw_branches(ax: Axes, branches: list[Any], x: str, col: str, st: Mapping[str, Any],
                   label: str) -> None:
    first = True
    for run in branches:
        xs, ys = run[x].to_numpy(dtype=float), run[col].to_numpy(dtype=float)
        ax.plot(xs, ys, color=st["color"], linestyle=st["linestyle"] if len(run) > 1 else "none",
                marker=st["marker"] if len(run) == 1 else None, markersize=4,
                label=label if first else None)
        first = False


# --------------------------------------------------------------------------- tornado
def tornado(data: Any, *, base: float | None = None, output: str = "output",
            game: Any = None, ax: Axes | None = None, title: str | None = None,
            max_bars: int = 15, legend: bool | str = "auto") -> Axes:
    """A tornado chart: the output at each parameter's low and high value, by swing.

    Parameters
    ----------
    data : pandas.DataFrame or dict
        :func:`gametheory.local_sensitivity` or :func:`gametheory.one_at_a_time` output
        (columns ``parameter, output_low, output_high`` and ``output``/``base_output``),
        or ``{parameter: (output at low, output at high)}``.
    base : float, optional
        The output at the base values (the bars' common origin); default from ``data``.
    output : str
        Name of the output for the axis label (shown literally).
    game : ParametricGame, optional
        For parameter symbols in the labels.
    ax : matplotlib Axes, optional
    title : str, optional
    max_bars : int
        Show at most this many parameters (largest swings).
    legend : "auto", "outside", "inside" or bool
        Legend placement (on a figure of its own: below the axes).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = tornado({"a": (2.9, 3.1), "b": (2.8, 3.2)}, base=3.0, output="payoff")
    >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()]
    ('payoff', ['a', 'b'])
    """
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
    labels = [_literal(f"{p.replace('_', ' ')} ") + f"${names[p]}$" if p in names
              else _literal(p) for p in df["parameter"]]
    ax, owned = _axes(ax, (5.5, 0.32 * len(df) + 1.5))
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
    ax.set_xlabel(_literal(output))
    _legend(ax, legend, owned, below=True)
    if title:
        ax.set_title(_literal(title))
    return ax


# --------------------------------------------------------------------------- folk region
def _region(data: Any) -> FolkRegion:
    if not isinstance(data, FolkRegion):
        raise GameError(f"a folk-region figure draws a FolkRegion (compute it with "
                        f"gt.folk_region(stage_game)), got {type(data).__name__}")
    return data


def folk_region_data(region: FolkRegion) -> dict[str, Any]:
    """The feasible payoff set, the minmax point and the individually rational part of a
    :class:`~gametheory.analysis.repeated.folk.FolkRegion`, as float arrays for plotting.

    Parameters
    ----------
    region : FolkRegion
        Computed by :func:`gametheory.folk_region` (exact hull, mixed minmax by linear
        programming).

    Returns
    -------
    dict
        ``feasible`` (hull vertices, counter-clockwise), ``minmax`` (v1, v2),
        ``individually_rational`` (vertices of the hull clipped to ``u >= minmax``),
        ``points`` (pure payoff pairs with their labels), ``region`` (the region).

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> d = folk_region_data(gt.folk_region(pd))
    >>> d["minmax"], len(d["feasible"])
    ((1.0, 1.0), 4)
    """
    region = _region(region)
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


def folk_region(region: FolkRegion, *, ax: Axes | None = None, title: str | None = None,
                label_points: bool = True,
                equilibria: bool | Sequence[Sequence[Any]] = True,
                annotate: bool = True, legend: bool | str = "auto") -> Axes:
    """Plot the feasible and individually rational payoffs of a repeated stage game.

    Feasible: the convex hull of the pure payoff pairs (a segment or point is drawn as a
    line); individually rational: at least the minmax value of each player. The
    region's marked payoffs (e.g. of automaton profiles, ``FolkRegion.points``) are
    drawn as diamonds.

    Parameters
    ----------
    region : FolkRegion
        The region of :func:`gametheory.folk_region`.
    ax : matplotlib Axes, optional
    title : str, optional
    label_points : bool
        Label the pure payoff pairs with their strategy profiles.
    equilibria : bool or sequence of payoff pairs
        Mark the stage game's Nash equilibrium payoffs: True asks the stage game for
        them (``region.stage.equilibria()``), a sequence gives them, False marks none.
    annotate : bool
        Label the region's marked payoffs.
    legend : "auto", "outside", "inside" or bool
        Legend placement (see the module docstring).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Ann", "Bob"))
    >>> ax = folk_region(gt.folk_region(pd))
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('payoff to Ann', 'payoff to Bob')
    """
    from matplotlib.patches import Polygon

    d = folk_region_data(region)
    game = region.stage
    if equilibria is True:
        equilibria = [e.payoffs for e in game.equilibria()]
    ax, owned = _axes(ax, (6.2, 3.8))
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
            ax.annotate(_literal(text), (px, py), textcoords="offset points", xytext=(4, 3),
                        fontsize="x-small")
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
            ax.annotate(_literal(label), (float(u), float(v)), textcoords="offset points",
                        xytext=(5, 5), fontsize="small")
    pad_x = 0.08 * max(np.ptp(pts[:, 0]), 1e-9)
    pad_y = 0.08 * max(np.ptp(pts[:, 1]), 1e-9)
    ax.set_xlim(pts[:, 0].min() - pad_x, pts[:, 0].max() + pad_x)
    ax.set_ylim(pts[:, 1].min() - pad_y, pts[:, 1].max() + pad_y)
    ax.set_xlabel(_literal(f"payoff to {game.players[0]}"))
    ax.set_ylabel(_literal(f"payoff to {game.players[1]}"))
    _legend(ax, legend, owned)
    if title:
        ax.set_title(_literal(title))
    return ax
