"""Figures: regime maps with exact threshold lines, equilibrium paths, tornado, folk region;
the plotting contract (ax=, Axes returned, legends a plain savefig keeps, user rcParams,
user text shown literally).

Expected boundaries come from docs/model.md's closed forms (intercepting beats under-reacting
iff c_I + e_I W_D + r_I < pi h + r_U); the folk-region numbers from the prisoner's
dilemma and matching pennies by hand (Fudenberg and Tirole 1991, sec. 5.1).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from support import DOCS, EXAMPLES  # noqa: E402

import gametheory as gt  # noqa: E402
from gametheory.report import figures, style  # noqa: E402

EXAMPLE = EXAMPLES / "probe_response.toml"
DOCS_IMG = DOCS / "img"


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def toy() -> gt.ParametricGame:
    return gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
                             regime_rules=[("tolerated", "r <= 1 and v > 1"),
                                           ("deterred", "r > 1 and v <= 3"),
                                           ("other", "v >= 0")])


def check_files(paths):
    assert [p.suffix for p in paths] == [".pdf", ".png"]
    pdf, png = paths
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 2000


def test_regime_map_draws_only_separating_thresholds(tmp_path):
    ax = figures.regime_map(toy(), {"v": (0, 4), "r": (0, 2)}, resolution=41)
    fig = ax.figure
    assert [ln.get_label() for ln in ax.get_lines()] == ["$r = 1$", "$v = 1$", "$v = 3$"]
    # v = 1 separates regimes only below r = 1: the drawn part lies there
    v1 = ax.get_lines()[1]
    ys = np.asarray(v1.get_ydata(), dtype=float)
    shown = ys[np.isfinite(ys)]
    assert shown.max() <= 1.02 and shown.min() >= 0
    assert ax.get_xlabel() == "v $v$" and ax.get_ylabel() == "r $r$"
    texts = {t.get_text() for t in ax.texts}
    assert {"tolerated", "deterred", "other"} <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:3] == ["tolerated", "deterred", "other"]
    check_files(style.save_figure(fig, tmp_path / "toy"))


def test_probe_response_regime_map_draws_the_model_boundary(tmp_path):
    # the closed forms themselves: tests/analysis/sensitivity/test_boundaries.py
    s = gt.load_scenario(EXAMPLE)
    game = s.game
    ax = figures.regime_map(game, {"war_cost_defender": (0, 300), "credibility_loss": (0, 12)},
                            resolution=161, title="Regimes of the probe-versus-response game")
    fig = ax.figure
    labels = [ln.get_label() for ln in ax.get_lines()]
    assert r"$r_U = \frac{W_D}{100}$" in labels
    check_files(style.save_figure(fig, tmp_path / "probe"))
    # the README's regime map (the map `gametheory report` draws)
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    (png,) = style.save_figure(fig, DOCS_IMG / "regime_map", formats=("png",), dpi=150)
    assert png.stat().st_size > 5000


def test_regime_map_from_sweep_result():
    res = gt.sweep(toy(), {"v": np.linspace(0, 4, 9), "r": np.linspace(0, 2, 5)},
                   progress=False)
    ax = figures.regime_map(res, game=toy())
    assert ax.get_xlabel().startswith("v") and ax.get_ylabel().startswith("r")
    assert any(t.get_text() == "deterred" for t in ax.texts)


def test_equilibrium_path_marks_changes(tmp_path):
    # chicken with crash cost c: one pure equilibrium structure for c < 0, three for c > 0
    chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"],
                                strategies=(("Swerve", "Straight"),) * 2)
    res = gt.sweep(chicken, {"c": [-2, -1, 2, 3]}, progress=False)
    top, bottom = panels = figures.equilibrium_path(res, "c")
    fig = panels.figure
    assert fig.axes == [top, bottom] and "Figure" not in repr(panels)
    assert top.get_ylabel() == "probability" and bottom.get_ylabel() == "payoff"
    assert bottom.get_xlabel() == "c"
    vlines = [ln for ln in top.get_lines() if ln.get_linestyle() == ":"
              and ln.get_color() == "#555555"]
    assert [float(ln.get_xdata()[0]) for ln in vlines] == [0.5]
    check_files(style.save_figure(fig, tmp_path / "path"))


def test_tornado_orders_by_swing(tmp_path):
    data = gt.one_at_a_time(lambda a, b, c: a + 3 * b - 0.5 * c,
                            {"a": 1.0, "b": 1.0, "c": 1.0}, rel=0.5)
    assert data["parameter"].tolist() == ["b", "a", "c"]
    assert np.allclose(data["output_low"], [2.0, 3.0, 3.75])
    ax = figures.tornado(data, output="value")
    fig = ax.figure
    assert [t.get_text() for t in ax.get_yticklabels()] == ["c", "a", "b"]  # largest on top
    assert ax.get_xlabel() == "value"
    check_files(style.save_figure(fig, tmp_path / "tornado"))


def test_tornado_of_local_sensitivity():
    # A's payoff after a probe against interception is v - 3 (toy model): d/dv = 1, and
    # the interception threshold r = 1 is far from r = 2, so only v moves the output
    p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]],
                          [gt.Parameter("v", default=4), gt.Parameter("r", default=2)],
                          players=("Aggressor", "Defender"),
                          strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
    data = gt.local_sensitivity(p, "payoff: Aggressor")
    ax = figures.tornado(data, output="Aggressor's payoff", game=p)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["r $r$", "v $v$"]
    widths = sorted(abs(b.get_width()) for b in ax.patches)
    assert np.allclose(widths, [0, 0, 0.4, 0.4])  # v = 4 -+ 10 %: payoff 1 -+ 0.4


def test_folk_region_prisoners_dilemma_and_mixed_minmax(tmp_path):
    pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Ann", "Bob"))
    d = figures.folk_region_data(gt.folk_region(pd_))
    assert np.allclose(d["minmax"], (1, 1))
    ir = {tuple(np.round(p, 9)) for p in d["individually_rational"]}
    expected = {(1, 1), (13 / 3, 1), (3, 3), (1, 13 / 3)}
    assert ir == {tuple(np.round(p, 9)) for p in expected}
    # matching pennies: the pure minmax is 1 but the mixed minmax (the LP) is 0
    mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    assert np.allclose(figures.folk_region_data(gt.folk_region(mp))["minmax"], (0, 0))
    ax = figures.folk_region(gt.folk_region(pd_))
    fig = ax.figure
    assert ax.get_xlabel() == "payoff to Ann" and ax.get_ylabel() == "payoff to Bob"
    check_files(style.save_figure(fig, tmp_path / "folk"))


def test_bad_input():
    with pytest.raises(gt.GameError):
        figures.regime_map(42)
    with pytest.raises(gt.ParameterError):
        figures.regime_map(toy())
    with pytest.raises(gt.GameError):
        figures.regime_grid(gt.ParametricGame([["a"]], [["a"]], ["a"]), {"a": [0], "b": [0]})


def test_folk_region_draws_an_analysis_region_with_its_marked_payoffs():
    pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                            strategies=(("C", "D"), ("C", "D")))
    grim = (gt.strategies.grim_trigger(pd_, 0), gt.strategies.grim_trigger(pd_, 1))
    region = gt.folk_region(pd_, repeated=gt.RepeatedGame(pd_), profiles={"grim": grim},
                            discount="9/10")
    ax = figures.folk_region(region, equilibria=[(1, 1)])
    assert "grim" in {t.get_text() for t in ax.texts}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "marked payoffs" in legend and "stage Nash equilibria" in legend
    # without equilibria no stage game is solved and none is marked
    ax2 = figures.folk_region(region, equilibria=False)
    assert "stage Nash equilibria" not in [t.get_text()
                                           for t in ax2.get_legend().get_texts()]


def test_folk_region_of_a_degenerate_hull_is_a_segment():
    # constant-sum pure payoffs on a line: the feasible set is a segment
    g = gt.NormalFormGame([[0, 1], [1, 0]], [[1, 0], [0, 1]])
    ax = figures.folk_region(gt.folk_region(g))
    assert "feasible" in [ln.get_label() for ln in ax.get_lines()]
    # the figure draws a region; computing one is the analysis layer's
    with pytest.raises(gt.GameError, match="gt.folk_region"):
        figures.folk_region(g)
    with pytest.raises(gt.GameError, match="FolkRegion"):
        figures.folk_region_data("not a game")


# --------------------------------------------------------------------------- the contract
def chicken_sweep(n=41):
    chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"],
                                strategies=(("Swerve", "Straight"),) * 2)
    return gt.sweep(chicken, {"c": np.linspace(-2, 3, n)}, progress=False)


def test_regime_map_legend_survives_a_plain_savefig(tmp_path):
    ax = figures.regime_map(toy(), {"v": (0, 4), "r": (0, 2)}, resolution=41,
                            title="Toy regimes")
    fig = ax.figure
    assert not isinstance(ax, type(fig)) and ax in fig.axes
    legend = ax.get_legend()
    assert legend is not None and legend.get_bbox_to_anchor().x0 > ax.bbox.x1  # beside
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    window = fig.bbox  # the figure in display units, as savefig writes it
    extent = legend.get_window_extent(renderer)
    assert window.x0 <= extent.x0 and extent.x1 <= window.x1
    assert window.y0 <= extent.y0 and extent.y1 <= window.y1
    for text in legend.get_texts():  # every entry, not only the frame
        e = text.get_window_extent(renderer)
        assert e.x1 <= window.x1 and e.y0 >= window.y0
    # the saved picture: nothing drawn touches its edges (a clipped legend would)
    target = tmp_path / "plain.png"
    fig.savefig(target, dpi=80)
    img = plt.imread(target)
    h, w = img.shape[:2]
    assert (w, h) == tuple(round(v * 80) for v in fig.get_size_inches())
    border = np.concatenate([img[:2].reshape(-1, img.shape[2]),
                             img[-2:].reshape(-1, img.shape[2]),
                             img[:, :2].reshape(-1, img.shape[2]),
                             img[:, -2:].reshape(-1, img.shape[2])])
    assert np.allclose(border[:, :3], 1.0)


@pytest.mark.parametrize("kind", ["regime_map", "tornado", "folk_region", "equilibrium_path"])
def test_every_figure_draws_into_the_users_axes_and_returns_them(kind):
    fig, ax = plt.subplots()
    n_figs = len(plt.get_fignums())
    if kind == "regime_map":
        out = figures.regime_map(toy(), {"v": (0, 4), "r": (0, 2)}, resolution=21, ax=ax)
    elif kind == "tornado":
        out = figures.tornado({"a": (2.9, 3.1), "b": (2.8, 3.2)}, base=3.0, ax=ax)
    elif kind == "folk_region":
        pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
        out = figures.folk_region(gt.folk_region(pd_), ax=ax, equilibria=False)
    else:
        out = figures.equilibrium_path(chicken_sweep(9), "c", ax=ax)
        assert out.payoff is None  # one Axes given: the probability panel only
        out = out.probability
    assert out is ax and len(plt.get_fignums()) == n_figs and fig.axes == [ax]
    assert ax.has_data()
    # in the user's axes the legend sits inside them (their layout is the user's)
    fig.draw_without_rendering()
    extent = ax.get_legend().get_window_extent(fig.canvas.get_renderer())
    assert ax.bbox.x0 <= extent.x0 and extent.x1 <= ax.bbox.x1 + 0.5
    assert "Figure" not in repr(out)


def test_equilibrium_path_into_two_axes_and_bad_axes():
    fig, (a, b) = plt.subplots(2, 1)
    panels = figures.equilibrium_path(chicken_sweep(9), "c", ax=[a, b])
    assert panels == (a, b) and b.get_ylabel() == "payoff"
    with pytest.raises(gt.GameError, match="one or two Axes"):
        figures.equilibrium_path(chicken_sweep(9), "c", ax=[a, b, a])
    with pytest.raises(gt.GameError, match="legend placement"):
        figures.regime_map(toy(), {"v": (0, 4), "r": (0, 2)}, resolution=11, legend="left")


def test_equilibrium_path_is_readable_lines_not_a_marker_per_equilibrium():
    res = chicken_sweep(41)
    n_eq = len(res.frame)
    top, bottom = figures.equilibrium_path(res, "c")
    data_lines = [ln for ln in top.get_lines() if ln.get_color() != "#555555"]
    # a line per strategy and branch, not a marker per equilibrium and point
    assert len(data_lines) < 12 < n_eq
    # lines join the points of a branch; markers only for a branch of a single point
    for ln in data_lines:
        if len(ln.get_xdata()) > 1:
            assert ln.get_linestyle() not in ("None", "none", "")
        else:
            assert ln.get_marker() not in ("None", "none", "", None)
    # a two-strategy player's first strategy is one minus its second: one line suffices
    legend = [t.get_text() for t in top.get_legend().get_texts()]
    assert "Row: Straight" in legend and "Row: Swerve" not in legend
    assert "several equilibria" in legend  # the stretch with three equilibria is shaded
    counts = res.frame.groupby("c").size()
    spans = [p for p in top.patches]
    assert spans and all(
        counts[(counts.index >= p.get_x()) & (counts.index <= p.get_x() + p.get_width())
               ].min() > 1 for p in spans)


def test_user_rcparams_win_and_the_house_style_is_opt_in():
    with matplotlib.rc_context({"axes.labelsize": 15, "legend.fontsize": 13}):
        ax = figures.regime_map(toy(), {"v": (0, 4), "r": (0, 2)}, resolution=21)
        assert ax.xaxis.label.get_fontsize() == 15
        assert ax.get_legend().get_texts()[0].get_fontsize() == 13
    with style.house_style():
        ax = figures.regime_map(toy(), {"v": (0, 4), "r": (0, 2)}, resolution=21)
        assert ax.xaxis.label.get_fontsize() == 9
        assert matplotlib.rcParams["pdf.fonttype"] == 42
    assert figures.house_style is style.house_style and figures.HOUSE_STYLE.is_file()


def test_user_text_is_shown_literally_not_as_mathtext(tmp_path):
    weird = r"$\foo$ & 5$"
    # the text would break matplotlib if parsed (the check that the test can fail)
    fig, ax = plt.subplots()
    ax.set_title(r"$\foo$")
    with pytest.raises(ValueError):
        fig.canvas.draw()
    p = gt.ParametricGame([["a"]], [["b"]], ["a", "b"],
                          regime_rules=[(weird, "a < b"), ("high", "a >= b")],
                          players=("$P", r"\Q$"), strategies=(("$s",), ("t$",)))
    ax = figures.regime_map(p, {"a": (0, 1), "b": (0, 1)}, resolution=11, title=weird,
                            xlabel=weird)
    ax.figure.savefig(tmp_path / "r.png")
    rendered = {t.get_text() for t in ax.get_legend().get_texts()} | {
        t.get_text() for t in ax.texts}
    assert weird.replace("$", r"\$") in rendered
    ax = figures.tornado({weird: (0.0, 1.0)}, base=0.5, output=weird, title=weird)
    ax.figure.savefig(tmp_path / "t.png")
    pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("$A", "B$"))
    ax = figures.folk_region(gt.folk_region(pd_), title=weird)
    ax.figure.savefig(tmp_path / "f.png")
    res = gt.sweep(p, {"a": [0, 0.5, 1], "b": [0.25, 0.75]}, progress=False)
    figures.equilibrium_path(res, "a", at={"b": 0.25}, title=weird).figure.savefig(
        tmp_path / "p.png")


def test_one_parameter_regime_strip_from_a_sweep():
    res = gt.sweep(toy(), {"v": np.linspace(0, 4, 9)}, fixed={"r": 0.5}, progress=False)
    ax = res.plot()
    assert ax.get_xlabel() == "v" and ax.get_yticks().size == 0
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(legend) == set(res.points["regime"].astype(str))
    assert len(ax.patches) >= 2  # one band per run of equal regime
