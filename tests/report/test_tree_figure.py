"""gametheory.report.tree_figure: the matplotlib drawing of a game tree (the layout of
the TikZ pictures; the plot-function contract of gt.figures: ``ax=`` in, Axes out,
nothing outside the figure, labels literal)."""

from __future__ import annotations

import importlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import gametheory as gt  # noqa: E402
from gametheory.report.tree_figure import draw_tree  # noqa: E402
from gametheory.report.tree_tikz import tree_layout  # noqa: E402

T = gt.GameTree
PR = importlib.import_module("gametheory.models.probe_response")


def blind_tree() -> gt.GameTree:
    def aggressor(win: int) -> object:
        return T.decision("Aggressor $x$", {"Probe_1": T.terminal(win, -win),
                                            "Wait": T.terminal(0, 0)}, infoset="blind")

    return T(T.chance({"Strong": ("1/3", aggressor(1)), "Weak": ("2/3", aggressor(2))},
                      name="Nature"), players=("Aggressor $x$", "Defender"))


def _segments(ax) -> list[tuple[tuple[float, float], tuple[float, float], object]]:
    out = []
    for ln in ax.get_lines():
        xs, ys = ln.get_xdata(), ln.get_ydata()
        if len(xs) == 2:
            out.append(((xs[0], ys[0]), (xs[1], ys[1]), ln))
    return out


def test_edges_follow_the_layout_and_the_spe_is_highlighted():
    tree = gt.models.chain_store()
    ax = draw_tree(tree, highlight=tree.backward_induction()[0])
    pos = tree_layout(tree)
    edges = {(a, b) for a, b, ln in _segments(ax) if ln.get_linestyle() == "-"}
    want = {((pos[n.id][0], -pos[n.id][1]), (pos[c][0], -pos[c][1]))
            for n in tree.nodes for c in n.children}
    assert edges == want
    thick = sorted((a, b) for a, b, ln in _segments(ax) if ln.get_linewidth() > 2)
    assert thick == sorted([((0.75, 0.0), (1.5, -1.0)), ((1.5, -1.0), (2.0, -2.0))])
    assert ax.get_title() == "Chain store (Selten 1978)"
    plt.close(ax.figure)


def test_information_sets_chance_and_literal_labels():
    tree = blind_tree()
    ax = draw_tree(tree)
    dashed = [(a, b) for a, b, ln in _segments(ax) if ln.get_linestyle() != "-"]
    assert dashed == [((0.5, -1.0), (2.5, -1.0))]  # the two Aggressor nodes
    texts = [t.get_text() for t in ax.texts]
    assert r"Aggressor \$x\$" in texts and "Probe_1" in texts
    assert "Strong (1/3)" in texts and "Weak (2/3)" in texts and "1, -1" in texts
    hollow = [ln for ln in ax.get_lines() if ln.get_marker() == "o"
              and ln.get_markerfacecolor() == "white"]
    assert len(hollow) == 1  # the chance node
    plt.close(ax.figure)


def test_symbolic_payoffs_use_the_symbols_and_a_list_when_long():
    ax = draw_tree(PR.sequential_game())
    texts = [t.get_text() for t in ax.texts]
    assert "$z_{4}$" in texts and "payoffs (Aggressor, Defender):" in texts
    assert any(r"\pi" in t for t in texts) and not any("interception" in t for t in texts)
    bay = draw_tree(PR.bayesian_tree(), payoffs="none")
    assert r"Resolute ($\rho$)" in [t.get_text() for t in bay.texts]
    assert not any(t.get_text().startswith("$z_") for t in bay.texts)
    plt.close("all")


def test_draws_into_the_given_axes_and_nothing_is_clipped(tmp_path):
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    n_figs = len(plt.get_fignums())
    out = draw_tree(PR.bayesian_tree(), ax=right, title="")
    assert out is right and len(plt.get_fignums()) == n_figs and not left.texts
    fig.savefig(tmp_path / "tree.png")
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for t in right.texts:
        ext = t.get_window_extent(renderer)
        assert box.x0 - 1 <= ext.x0 and ext.x1 <= box.x1 + 1, t.get_text()
        assert box.y0 - 1 <= ext.y0 and ext.y1 <= box.y1 + 1, t.get_text()
    plt.close(fig)


def test_bad_options_are_refused():
    with pytest.raises(gt.GameError, match="payoffs must be"):
        draw_tree(blind_tree(), payoffs="above")
    with pytest.raises(gt.GameError, match="lacks"):
        draw_tree(blind_tree(), highlight={"nowhere": "Wait"})
    assert gt.figures.draw_tree is draw_tree
    plt.close("all")
