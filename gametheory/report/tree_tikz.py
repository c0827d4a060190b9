r"""Game trees drawn for papers: TikZ code for the ``istgame`` package, and the layout.

*Layout* (:func:`tree_layout`). Leaves are evenly spaced, one unit apart, in preorder
(left to right); every other node is centred over its children (midway between its
first and last child); depth is the number of moves from the root. This is the
layout of the textbooks' figures (Osborne 2004, ch. 5; Osborne and Rubinstein 1994,
ch. 6), which the ``istgame`` package is written for (In Sung Na, *The istgame package*,
CTAN, 2022). The report layer computes only this layout: the tree and the equilibrium
to highlight come from the core and the solver.

*Drawing* (:func:`tree_to_tikz`). Each decision or chance node is an ``\istroot`` placed
at its layout point; each move an ``\istb`` grown to its child's point (the offset from
the layout, so siblings need not be equally spaced). The mover's name
sits by its node, the action label by its edge, a chance move's probability after its
label in parentheses, and payoffs under the leaves: inline when short, else the leaves
are named :math:`z_1, z_2, \dots` and a table under the tree lists their payoffs. Nodes of
one information set are joined by a dotted line (``\xtInfoset``). The moves of a
highlighted equilibrium (an SPE from ``tree.backward_induction()``, or a mapping from
information-set name to action) are drawn thick: from the root, the thick edges are
the equilibrium path; elsewhere, what the players would do off it. Every label goes
through :func:`gametheory._latex.escape_latex` (labels are data, never LaTeX), every
formula through :func:`gametheory._latex.latex_expr` with the parameters' symbols.

The picture is sized for a plain ``article`` (leaves 10 to 22 mm apart, the tree at most
110 mm wide when 10 mm allow it) and, like the tables, set in a box that is scaled down
to ``\linewidth`` if it is still wider (:func:`~gametheory.report.tables.base.fit_width`).

Examples
--------
>>> import gametheory as gt
>>> T = gt.GameTree
>>> tree = T(T.decision("Entrant", {
...          "Out": T.terminal(1, 5),
...          "In": T.decision("Incumbent", {"Fight": T.terminal(0, 0),
...                                         "Accommodate": T.terminal(2, 2)},
...                           infoset="entered")}), title="Chain store")
>>> tree_layout(tree)
{0: (0.75, 0), 1: (0.0, 1), 2: (1.5, 1), 3: (1.0, 2), 4: (2.0, 2)}
>>> tikz = tree_to_tikz(tree, width=None)
>>> print(tikz.splitlines()[5])
\istroot(n0)(16.50mm,0.00mm)<above>{Entrant}
>>> print(tikz.splitlines()[6])  # Out: to the leaf 16.5 mm left, 16 mm down
\istb<gt to={-16.50mm}{-16.00mm}>{Out}[al]{$1, 5$}[below]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from .._latex import (
    escape_latex,
    latex_expr,
    latex_expr_lines,
    latex_number,
    latex_symbol_names,
    visible_length,
)
from ..errors import GameError
from .tables.base import check_label, check_width, fit_width, stack_lines

__all__ = ["tree_layout", "tree_to_tikz", "highlighted_moves", "HasPlans", "Tree",
           "MAX_NODES"]

#: Largest tree drawn (nodes); a bigger picture is unreadable on a page.
MAX_NODES = 400
#: Widest tree, in mm (a plain article's line is 121.7 mm); leaves 10 to 22 mm apart
#: (a tree too wide even at 10 mm is scaled down as a whole, its labels never overlap).
_TREE_MM, _LEAF_MM, _MIN_LEAF_MM = 110.0, 22.0, 10.0
#: Vertical distance between levels, in mm.
_LEVEL_MM = 16.0
#: Printed characters of a leaf's payoffs above which the payoffs go to a legend.
_INLINE_CHARS = 14
#: Printed characters of a legend line, shared by the players' columns (a plain
#: article's line holds about 48 characters of formula next to the leaf names).
_LEGEND_CHARS = 44
#: Each move grows by its child's offset from the layout (TikZ's own ``grow=<angle>``
#: takes whole degrees only): a growth function shifting by ``(\gtTreeDx, \gtTreeDy)``.
#: ``\istb<gt to={dx}{dy}>`` sets them.
_GROW_DEF = (r"\def\gtTreeGrow{\pgftransformshift{\pgfpoint{\gtTreeDx}{\gtTreeDy}}}"
             "\n" + r"\tikzset{gt to/.style 2 args={growth function=\gtTreeGrow,"
             r"/utils/exec={\def\gtTreeDx{#1}\def\gtTreeDy{#2}}}}")


@runtime_checkable
class Tree(Protocol):
    """What is drawn: a compiled game tree (:class:`gametheory.GameTree`)."""

    @property
    def nodes(self) -> Sequence[Any]: ...

    @property
    def players(self) -> tuple[str, ...]: ...

    def information_sets(self) -> Sequence[Any]: ...


@runtime_checkable
class HasPlans(Protocol):
    """An equilibrium to highlight: per player, ``((information set name, action), ...)``
    (:class:`gametheory.SubgamePerfectEquilibrium`)."""

    plans: Sequence[Sequence[tuple[str, str]]]


def tree_layout(tree: Tree) -> dict[int, tuple[float, int]]:
    """Node id -> ``(x, depth)``: leaves one unit apart in preorder, parents centred.

    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("A", {"L": T.terminal(1, 0), "M": T.terminal(0, 0),
    ...                        "R": T.decision("B", {"x": T.terminal(0, 1),
    ...                                              "y": T.terminal(1, 1)})}))
    >>> tree_layout(t)[0], tree_layout(t)[3]  # the root: over its first and last child
    ((1.25, 0), (2.5, 1))
    """
    nodes = tree.nodes
    if len(nodes) > MAX_NODES:
        raise GameError(f"the tree has {len(nodes)} nodes; at most {MAX_NODES} are drawn "
                        "(draw a subgame or a smaller instance)")
    pos: dict[int, tuple[float, int]] = {}
    leaves = 0
    depth = {0: 0}
    for n in nodes:  # preorder: parents first, so depths are known
        for c in n.children:
            depth[c] = depth[n.id] + 1
    for n in nodes:  # leaves in preorder: x = 0, 1, 2, ...
        if not n.children:
            pos[n.id] = (float(leaves), depth[n.id])
            leaves += 1
    for n in reversed(nodes):  # children before parents
        if n.children:
            pos[n.id] = ((pos[n.children[0]][0] + pos[n.children[-1]][0]) / 2, depth[n.id])
    return dict(sorted(pos.items()))


def highlighted_moves(tree: Tree, highlight: HasPlans | Mapping[str, str] | None
                      ) -> dict[int, str]:
    """Decision node id -> the action a highlighted equilibrium takes there.

    ``highlight`` is an equilibrium with ``plans`` (``tree.backward_induction()[k]``) or
    a mapping from information-set name to action; None highlights nothing.

    Raises
    ------
    GameError
        If it names an information set the tree lacks or an action not available there.
    """
    if highlight is None:
        return {}
    if isinstance(highlight, HasPlans):
        choice = {name: a for plan in highlight.plans for name, a in plan}
    elif isinstance(highlight, Mapping):
        choice = dict(highlight)
    else:
        raise GameError(f"highlight must be an equilibrium of the tree "
                        f"(tree.backward_induction()[0]) or a mapping information set -> "
                        f"action, got {type(highlight).__name__}")
    sets = {h.name: h for h in tree.information_sets()}
    out: dict[int, str] = {}
    for name, action in choice.items():
        if name not in sets:
            raise GameError(f"highlight names information set {name!r}, which the tree "
                            f"lacks; its information sets: {', '.join(map(repr, sets))}")
        if action not in sets[name].actions:
            raise GameError(f"highlight plays {action!r} at {name!r}, whose actions are "
                            f"{', '.join(map(repr, sets[name].actions))}")
        out.update({nid: action for nid in sets[name].nodes})
    return out


def _value(v: Any, symbols: Mapping[str, str]) -> str:
    """A payoff or probability as LaTeX math: exact numbers, formulas in the symbols."""
    if hasattr(v, "free_symbols") and getattr(v, "free_symbols", None):
        return latex_expr(v, symbols)
    if hasattr(v, "is_Rational") and v.is_Rational:
        from fractions import Fraction

        v = Fraction(int(v.p), int(v.q))
    elif hasattr(v, "is_number") and v.is_number:
        v = float(v)
    return latex_number(v)


def _legend_cell(v: Any, symbols: Mapping[str, str], chars: int) -> str:
    """A payoff in the legend: a long formula on several lines, continuations indented."""
    if not getattr(v, "free_symbols", None):
        return f"${_value(v, symbols)}$"
    lines = latex_expr_lines(v, symbols, chars=chars)
    if len(lines) == 1:
        return f"${lines[0]}$"
    return stack_lines([f"${lines[0]}$", *(rf"$\quad {t}$" for t in lines[1:])], "l")


def _label_side(dx: float) -> str:
    """Where an action label sits beside an edge going ``dx`` to the right: above it on
    a slanted edge, right of the lower part of a vertical one (clear of its siblings')."""
    return "al" if dx < -1e-9 else ("ar" if dx > 1e-9 else "right, pos=.75")


def tree_to_tikz(tree: Tree, *, highlight: HasPlans | Mapping[str, str] | None = None,
                 payoffs: str = "auto", symbols: Mapping[str, str] | None = None,
                 caption: str | None = None, label: str | None = None,
                 width: str | None = "linewidth") -> str:
    r"""The tree as an ``istgame`` picture (LaTeX; needs ``\usepackage{istgame}``).

    Parameters
    ----------
    tree : GameTree
    highlight : equilibrium or mapping, optional
        Moves drawn thick: an SPE (``tree.backward_induction()[0]``) or
        ``{information set name: action}`` (see :func:`highlighted_moves`).
    payoffs : {"auto", "inline", "legend", "none"}
        Payoff vectors under the leaves (``inline``), or leaves named
        :math:`z_1, z_2, \dots` with a table of payoffs under the tree (``legend``);
        ``auto`` (default) puts them inline when every vector is short.
    symbols : mapping, optional
        LaTeX symbol per parameter name, overriding the parameters' own.
    caption, label : str, optional
        Put the picture in a ``figure`` float with ``\caption``/``\label``.
    width : {"linewidth", None}
        ``"linewidth"`` (default) scales the picture down to the line if it is wider;
        None keeps its natural size.

    Returns
    -------
    str

    Raises
    ------
    GameError
        For a tree of more than :data:`MAX_NODES` nodes, an unknown ``payoffs`` mode or
        width, or a ``highlight`` that does not fit the tree.

    Examples
    --------
    >>> import gametheory as gt
    >>> tree = gt.models.chain_store()
    >>> tikz = tree_to_tikz(tree, highlight=tree.backward_induction()[0])
    >>> r"[very thick]{Accommodate}" in tikz and r"$f_E, f_I$" in tikz
    True
    """
    if payoffs not in ("auto", "inline", "legend", "none"):
        raise GameError(f"payoffs must be 'auto', 'inline', 'legend' or 'none', got "
                        f"{payoffs!r}")
    check_width(width)
    check_label(label)
    nodes = tree.nodes
    pos = tree_layout(tree)
    syms = dict(latex_symbol_names(getattr(tree, "parameters", ()) or ()))
    syms.update(symbols or {})
    chosen = highlighted_moves(tree, highlight)
    sets = tree.information_sets()
    players = tree.players
    leaves = [n.id for n in nodes if n.kind == "terminal"]
    texts = {z: [_value(v, syms) for v in nodes[z].payoffs] for z in leaves}
    if payoffs == "auto":
        longest = max((visible_length(", ".join(t)) for t in texts.values()), default=0)
        payoffs = "inline" if longest <= _INLINE_CHARS else "legend"
    span = max((x for x, _ in pos.values()), default=0.0)
    dx = max(_MIN_LEAF_MM, min(_LEAF_MM, _TREE_MM / span)) if span else _LEAF_MM
    dy = _LEVEL_MM

    def at(nid: int) -> tuple[float, float]:
        x, d = pos[nid]
        return x * dx, -d * dy

    name = {z: k + 1 for k, z in enumerate(leaves)}
    lines = [r"\begin{istgame}[font=\footnotesize]", r"\setistmathTF000", _GROW_DEF,
             r"\tikzset{chance node/.style={circle,draw,fill=white,inner sep=1.6pt}}"]
    for n in nodes:
        if n.kind == "terminal":
            continue
        x, y = at(n.id)
        if n.kind == "chance":
            owner, style = escape_latex(n.name or "Chance"), "[chance node]"
        else:
            owner, style = escape_latex(players[n.player]), ""
        where = "above" if n.parent is None else (
            "left" if pos[n.id][0] < pos[n.parent][0] else "right")
        lines.append(rf"\istroot(n{n.id})({x:.2f}mm,{y:.2f}mm){style}<{where}>{{{owner}}}")
        for k, (a, c) in enumerate(zip(n.actions, n.children, strict=True)):
            cx, cy = at(c)
            text = escape_latex(a)
            if n.kind == "chance":
                text += rf" (${_value(n.probabilities[k], syms)}$)"
            thick = "[very thick]" if chosen.get(n.id) == a else ""
            pay = ""
            if nodes[c].kind == "terminal" and payoffs != "none":
                pay = (f"{{${', '.join(texts[c])}$}}[below]" if payoffs == "inline"
                       else rf"{{$z_{{{name[c]}}}$}}[below]")
            lines.append(rf"\istb<gt to={{{cx - x:.2f}mm}}{{{cy - y:.2f}mm}}>{thick}"
                         rf"{{{text}}}[{_label_side(cx - x)}]{pay}")
        lines.append(r"\endist")
    for h in sets:  # information sets: dotted lines between neighbouring nodes
        ordered = sorted(h.nodes, key=lambda v: pos[v][0])
        for a, b in zip(ordered, ordered[1:], strict=False):
            lines.append(rf"\xtInfoset(n{a})(n{b})")
    lines.append(r"\end{istgame}")
    body = "\n".join(lines)
    if payoffs == "legend" and leaves:  # the picture over a table of the leaves' payoffs
        head = " & ".join(rf"\textit{{{escape_latex(p)}}}" for p in players)
        chars = max(12, int(_LEGEND_CHARS / len(players)))
        rows = [rf"$z_{{{name[z]}}}$ & " + " & ".join(
            _legend_cell(v, syms, chars) for v in nodes[z].payoffs) + r" \\" for z in leaves]
        body = "\n".join([r"\begin{tabular}{@{}c@{}}", body + r" \\[1ex]",
                          r"{\footnotesize\begin{tabular}{@{}" + "l" * (len(players) + 1)
                          + "@{}}", rf"& {head} \\", *rows, r"\end{tabular}}",
                          r"\end{tabular}"])
    return _in_figure(fit_width(body, width), caption, label)


def _in_figure(body: str, caption: str | None, label: str | None) -> str:
    """``body`` centred in a ``figure`` float, the caption below, when captioned or
    labelled."""
    if not caption and not label:
        return body
    out = [r"\begin{figure}[htbp]", r"\centering", body]
    if caption:
        out.append(rf"\caption{{{escape_latex(caption)}}}")
    if label:
        out.append(rf"\label{{{label}}}")
    out.append(r"\end{figure}")
    return "\n".join(out)
