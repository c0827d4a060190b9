"""Figures: regime maps with exact threshold lines, equilibrium paths, tornado, folk region.

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
    fig = figures.regime_map(toy(), {"v": (0, 4), "r": (0, 2)}, resolution=41)
    ax = fig.axes[0]
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
    fig = figures.regime_map(game, {"war_cost_defender": (0, 300), "credibility_loss": (0, 12)},
                             resolution=161, title="Regimes of the probe-versus-response game")
    labels = [ln.get_label() for ln in fig.axes[0].get_lines()]
    assert r"$r_U = \frac{W_D}{100}$" in labels
    check_files(style.save_figure(fig, tmp_path / "probe"))
    # the README's regime map (the map `gametheory report` draws)
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    (png,) = style.save_figure(fig, DOCS_IMG / "regime_map", formats=("png",), dpi=150)
    assert png.stat().st_size > 5000


def test_regime_map_from_sweep_result():
    res = gt.sweep(toy(), {"v": np.linspace(0, 4, 9), "r": np.linspace(0, 2, 5)},
                   progress=False)
    fig = figures.regime_map(res, game=toy())
    ax = fig.axes[0]
    assert ax.get_xlabel().startswith("v") and ax.get_ylabel().startswith("r")
    assert any(t.get_text() == "deterred" for t in ax.texts)


def test_equilibrium_path_marks_changes(tmp_path):
    # chicken with crash cost c: one pure equilibrium structure for c < 0, three for c > 0
    chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"],
                                strategies=(("Swerve", "Straight"),) * 2)
    res = gt.sweep(chicken, {"c": [-2, -1, 2, 3]}, progress=False)
    fig = figures.equilibrium_path(res, "c")
    top, bottom = fig.axes
    assert top.get_ylabel() == "probability" and bottom.get_ylabel() == "payoff"
    assert bottom.get_xlabel() == "c"
    vlines = [ln for ln in top.get_lines() if ln.get_linestyle() == ":"
              and len(ln.get_xdata()) == 2]
    assert [float(ln.get_xdata()[0]) for ln in vlines] == [0.5]
    check_files(style.save_figure(fig, tmp_path / "path"))


def test_tornado_orders_by_swing(tmp_path):
    data = figures.one_at_a_time(lambda a, b, c: a + 3 * b - 0.5 * c,
                                 {"a": 1.0, "b": 1.0, "c": 1.0}, rel=0.5)
    assert data["parameter"].tolist() == ["b", "a", "c"]
    assert np.allclose(data["output_low"], [2.0, 3.0, 3.75])
    fig = figures.tornado(data, output="value")
    ax = fig.axes[0]
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
    fig = figures.tornado(data, output="Aggressor's payoff", game=p)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["r $r$", "v $v$"]
    widths = sorted(abs(b.get_width()) for b in ax.patches)
    assert np.allclose(widths, [0, 0, 0.4, 0.4])  # v = 4 -+ 10 %: payoff 1 -+ 0.4


def test_folk_region_prisoners_dilemma_and_mixed_minmax(tmp_path):
    pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Ann", "Bob"))
    d = figures.folk_region_data(pd_)
    assert np.allclose(d["minmax"], (1, 1))
    ir = {tuple(np.round(p, 9)) for p in d["individually_rational"]}
    expected = {(1, 1), (13 / 3, 1), (3, 3), (1, 13 / 3)}
    assert ir == {tuple(np.round(p, 9)) for p in expected}
    # matching pennies: the pure minmax is 1 but the mixed minmax (the LP) is 0
    mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    assert np.allclose(figures.folk_region_data(mp)["minmax"], (0, 0))
    fig = figures.folk_region(pd_)
    ax = fig.axes[0]
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
    fig = figures.folk_region(region, equilibria=[(1, 1)])
    ax = fig.axes[0]
    assert "grim" in {t.get_text() for t in ax.texts}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "marked payoffs" in legend and "stage Nash equilibria" in legend
    # without equilibria no stage game is solved and none is marked
    fig2 = figures.folk_region(region, equilibria=False)
    assert "stage Nash equilibria" not in [t.get_text()
                                           for t in fig2.axes[0].get_legend().get_texts()]


def test_folk_region_of_a_degenerate_hull_is_a_segment():
    # constant-sum pure payoffs on a line: the feasible set is a segment
    g = gt.NormalFormGame([[0, 1], [1, 0]], [[1, 0], [0, 1]])
    fig = figures.folk_region(g)
    assert "feasible" in [ln.get_label() for ln in fig.axes[0].get_lines()]
    with pytest.raises(gt.GameError, match="folk region"):
        figures.folk_region("not a game")
