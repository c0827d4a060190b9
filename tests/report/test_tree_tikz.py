"""gametheory.report.tree_tikz: the tree layout (leaves evenly spaced, parents centred)
and istgame pictures that compile with no Overfull hbox over 1 pt.

The trees: docs/model.md's sequential probe-response game (symbolic: payoffs in a
legend; at numbers: inline), its Bayesian tree (a chance move with probabilities
:math:`\\rho, 1 - \\rho`), Selten's (1978) chain store (its SPE, In then Accommodate,
highlighted), and a hand-built tree whose two Aggressor nodes form one information set
and whose labels carry LaTeX's special characters.
"""

from __future__ import annotations

import importlib
import random
import re
import shutil
import subprocess

import pytest

import gametheory as gt
from gametheory.report.latex import compile_pdf, latex_packages, standalone_document
from gametheory.report.tree_tikz import (
    MAX_NODES,
    highlighted_moves,
    tree_layout,
    tree_to_tikz,
)

T = gt.GameTree
PR = importlib.import_module("gametheory.models.probe_response")

needs_istgame = pytest.mark.skipif(
    shutil.which("pdflatex") is None or shutil.which("kpsewhich") is None
    or subprocess.run(["kpsewhich", "istgame.sty"], capture_output=True).returncode != 0,
    reason="pdflatex with istgame.sty not installed (Debian: texlive-pictures); "
           ".ci/run installs it")


def blind_tree() -> gt.GameTree:
    """Nature draws the Defender strong or weak; the Aggressor, not seeing it, probes or
    waits (one information set of two nodes). Labels carry & % _ # $ and accents."""
    def aggressor(win: int) -> object:
        return T.decision("Aggressor & co", {"Probe_1 #": T.terminal(win, -win),
                                             "Wait 100% [<x>]": T.terminal(0, 0)},
                          infoset="blind")

    return T(T.chance({"Strong $": ("1/3", aggressor(1)), "Faible é": ("2/3", aggressor(2))},
                      name="Nature"), players=("Aggressor & co", "Défenseur"))


def random_tree(rng: random.Random, depth: int = 0) -> object:
    if depth >= 3 or rng.random() < 0.3:
        return T.terminal(rng.randint(-3, 3), rng.randint(-3, 3))
    k = rng.randint(1, 3)
    return T.decision("AB"[depth % 2], {f"m{j}": random_tree(rng, depth + 1) for j in range(k)})


def full_tree(depth: int) -> object:
    """A full binary tree: 2**depth leaves, payoffs (-k, k) left to right."""
    count = iter(range(2**depth))

    def build(d: int, who: str) -> object:
        if d == 0:
            k = next(count)
            return T.terminal(-k, k)
        return T.decision(who, {"l": build(d - 1, "B" if who == "A" else "A"),
                                "r": build(d - 1, "B" if who == "A" else "A")})
    return build(depth, "A")


# ------------------------------------------------------------------------- layout
def test_layout_of_the_chain_store_by_hand():
    # leaves Out, Fight, Accommodate at 0, 1, 2; Incumbent over 1 and 2; root over 0, 1.5
    assert tree_layout(gt.models.chain_store()) == {
        0: (0.75, 0), 1: (0.0, 1), 2: (1.5, 1), 3: (1.0, 2), 4: (2.0, 2)}


@pytest.mark.parametrize("seed", range(20))
def test_layout_leaves_evenly_spaced_parents_centred(seed):
    tree = T(random_tree(random.Random(seed)), players=("A", "B"))
    pos = tree_layout(tree)
    nodes = tree.nodes
    leaves = [n.id for n in nodes if not n.children]
    assert [pos[z][0] for z in leaves] == [float(k) for k in range(len(leaves))]
    for n in nodes:
        assert pos[n.id][1] == len(n.history)  # depth: moves from the root
        if n.children:
            xs = [pos[c][0] for c in n.children]
            assert xs == sorted(xs) and len(set(xs)) == len(xs)  # no crossing edges
            assert pos[n.id][0] == (xs[0] + xs[-1]) / 2


def test_layout_refuses_a_huge_tree():
    root = T.terminal(0, 0)
    for _ in range(9):  # a full binary tree of 2**10 - 1 nodes
        root = T.decision("A", {"l": root, "r": root})
    with pytest.raises(gt.GameError, match=f"at most {MAX_NODES}"):
        tree_layout(T(root, players=("A", "B")))


# ------------------------------------------------------------------------- the code
def test_labels_are_escaped_and_information_sets_joined():
    tikz = tree_to_tikz(blind_tree(), width=None)
    assert r"{Aggressor \& co}" in tikz and r"{Probe\_1 \#}" in tikz
    assert r"Strong \$ ($\tfrac{1}{3}$)" in tikz and r"Faible \'{e}" in tikz
    assert r"{Wait 100\% [\textless{}x\textgreater{}]}" in tikz and "[chance node]" in tikz
    assert tikz.count(r"\xtInfoset") == 1 and r"\xtInfoset(n1)(n4)" in tikz
    assert r"\resizebox" not in tikz and tikz.startswith(r"\begin{istgame}")


def test_symbolic_payoffs_use_the_symbols_and_a_legend_when_long():
    tikz = tree_to_tikz(PR.sequential_game())
    assert "$z_{4}$" in tikz and r"\textit{Defender}" in tikz  # legend: long formulas
    assert r"\pi" in tikz and "interception" not in tikz
    short = tree_to_tikz(gt.models.chain_store())
    assert "$o_E, m_I$" in short and "z_{1}" not in short     # short ones stay inline
    assert "z_{" not in tree_to_tikz(PR.sequential_game(), payoffs="inline")
    assert "$" not in tree_to_tikz(gt.models.chain_store(), payoffs="none").split(
        r"\end{istgame}")[0].split(r"\setistmathTF000")[1].replace(r"$\tfrac", "")


def test_chance_probabilities_are_written():
    tikz = tree_to_tikz(PR.bayesian_tree())
    assert r"Resolute ($\rho$)" in tikz and r"Irresolute ($1 - \rho$)" in tikz


def test_highlight_marks_the_spe_moves():
    tree = gt.models.chain_store()
    spe = tree.backward_induction()[0]
    assert highlighted_moves(tree, spe) == {0: "In", 2: "Accommodate"}
    tikz = tree.to_tikz(highlight=True)
    thick = re.findall(r"\[very thick\]\{([^}]*)\}", tikz)
    assert thick == ["In", "Accommodate"]
    assert tree.to_tikz(highlight={"entered": "Fight"}).count("[very thick]") == 1
    assert "[very thick]" not in tree.to_tikz()
    # the Bayesian tree's SPE at the defaults: probe; resolute intercepts, irresolute lapses
    bt = PR.bayesian_tree()
    moves = highlighted_moves(bt, bt.backward_induction()[0])
    assert sorted(moves.values()) == ["Intercept", "Probe", "Under-react"]
    with pytest.raises(gt.GameError, match="lacks"):
        highlighted_moves(tree, {"nowhere": "In"})
    with pytest.raises(gt.GameError, match="whose actions are"):
        highlighted_moves(tree, {"entered": "Retreat"})
    with pytest.raises(gt.GameError, match="must be an equilibrium"):
        tree_to_tikz(tree, highlight=3)  # type: ignore[arg-type]


def test_options_are_checked_and_floats_made():
    tree = gt.models.chain_store()
    with pytest.raises(gt.GameError, match="payoffs must be"):
        tree_to_tikz(tree, payoffs="below")
    with pytest.raises(gt.GameError, match="width"):
        tree_to_tikz(tree, width="page")
    fig = tree_to_tikz(tree, caption="Chain store & co", label="fig:chain")
    assert fig.startswith(r"\begin{figure}[htbp]") and fig.rstrip().endswith(r"\end{figure}")
    assert r"\caption{Chain store \& co}" in fig and r"\label{fig:chain}" in fig
    assert latex_packages(fig) == ("amsmath", "graphicx", "istgame")


# ------------------------------------------------------------------------- compiled
def _pictures() -> dict[str, str]:
    seq = PR.sequential_game()
    return {
        "sequential, symbolic": seq.to_tikz(highlight=True),
        "sequential at numbers": seq.at().to_tikz(highlight=True),
        "bayesian": PR.bayesian_tree().to_tikz(highlight=True),
        "chain store": gt.models.chain_store().to_tikz(highlight=True),
        "information set": blind_tree().to_tikz(caption="Blind & 100%"),
        "wide": T(full_tree(4), players=("A", "B")).to_tikz(highlight={
            "at the root": "l", "after l": "r"}),
    }


@needs_istgame
@pytest.mark.slow  # six pictures a document, TikZ: a few seconds each preamble
@pytest.mark.parametrize("preamble", ["toolkit", "plain article"])
def test_every_tree_compiles_without_overfull_boxes(tmp_path, preamble):
    pictures = _pictures()
    body = "\n\n\\clearpage\n".join(pictures.values())
    packages = ("amsmath", "graphicx", "booktabs", "sgame", "istgame") \
        if preamble == "toolkit" else latex_packages(body)
    result = compile_pdf(standalone_document(body, packages=packages))
    assert result.ok, result.reason
    assert "Missing character" not in result.log
    assert not [w for w in result.overfull if w > 1.0], result.overfull
    (tmp_path / "trees.pdf").write_bytes(result.pdf)
    assert f"({len(pictures)} pages" in result.log  # one picture a page, none lost
