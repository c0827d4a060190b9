r"""Game trees drawn for notebooks with matplotlib, in the layout of the TikZ pictures.

The same layout as :mod:`gametheory.report.tree_tikz` (:func:`~.tree_tikz.tree_layout`:
leaves one unit apart in preorder, every parent centred over its children, one level
per move): decision nodes are filled dots with the mover's name, chance nodes hollow
circles with each outcome's probability after its label, information sets dashed lines
between their nodes, and payoff vectors under the leaves (or, when long, leaves named
:math:`z_k` and a list of payoffs under the tree, inside the axes). The moves of a
highlighted equilibrium are drawn thick and coloured.

Like every plot function of :mod:`gametheory.report.figures`, :func:`draw_tree` draws
into ``ax=`` when given (else into a new figure sized to the tree) and returns the
``Axes``; everything it draws lies inside the axes, so a plain ``fig.savefig`` clips
nothing. Labels from the tree are shown literally (``$`` escaped, never mathtext); the
parameters' own symbols are typeset (``$r_U$``) when matplotlib's mathtext reads them,
else written as plain text.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import gametheory as gt
>>> tree = gt.models.chain_store()
>>> ax = draw_tree(tree, highlight=tree.backward_induction()[0])
>>> sorted(t.get_text() for t in ax.texts)[:4]
['$a_E, a_I$', '$f_E, f_I$', '$o_E, m_I$', 'Accommodate']
>>> sum(ln.get_linewidth() > 2 for ln in ax.get_lines())  # In, then Accommodate
2
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._latex import escape_latex, latex_expr, latex_symbol_names
from .._numbers import format_number
from ..errors import GameError
from .latex import plain_expr
from .style import OKABE_ITO
from .tree_tikz import HasPlans, Tree, highlighted_moves, tree_layout

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["draw_tree"]

#: Printed characters of a leaf's payoffs above which they go to the list under the tree.
_INLINE_CHARS = 14
#: Colour and width of a highlighted move; width of the others.
_HIGHLIGHT, _THICK, _THIN = OKABE_ITO[5], 2.6, 1.0


def _literal(text: Any) -> str:
    """Tree labels as matplotlib shows them literally (no mathtext)."""
    import matplotlib as mpl

    s = str(text)
    return escape_latex(s) if mpl.rcParams["text.usetex"] else s.replace("$", r"\$")


def _math_ok(tex: str) -> bool:
    """Whether matplotlib's mathtext reads ``$tex$`` (the toolkit's symbols)."""
    from matplotlib.mathtext import MathTextParser

    try:
        MathTextParser("path").parse(f"${tex}$")
    except ValueError:
        return False
    return True


def _value_text(v: Any, symbols: Mapping[str, str]) -> tuple[str, bool]:
    """A payoff or probability as text, and whether it is mathtext."""
    if getattr(v, "free_symbols", None):
        tex = latex_expr(v, symbols)
        if _math_ok(tex):
            return tex, True
        return plain_expr(v, symbols), False
    return format_number(v), False


def _shrink_to_axes(ax: Axes, texts: list[Any]) -> None:
    """Shrink the listed payoffs' font until the widest line fits the axes' width.

    Long symbolic payoffs would otherwise run past the figure's edge and be cut by a
    plain ``savefig``. Needs a renderer (every Agg-based canvas has one); without it the
    texts keep their size.
    """
    canvas = ax.figure.canvas
    get_renderer = getattr(canvas, "get_renderer", None)
    if get_renderer is None or not texts:
        return
    renderer = get_renderer()
    right = ax.get_window_extent(renderer).x1
    boxes = [t.get_window_extent(renderer) for t in texts]
    room = right - min(b.x0 for b in boxes)
    widest = max(b.width for b in boxes)
    if widest > room > 0:
        size = max(3.0, texts[0].get_fontsize() * room / widest * 0.97)
        for t in texts:
            t.set_fontsize(size)


def _vector(values: list[tuple[str, bool]]) -> str:
    """A payoff vector: ``$a, b$`` when any entry is mathtext, else ``a, b``."""
    if any(m for _, m in values):
        import matplotlib as mpl

        if mpl.rcParams["text.usetex"]:
            return "$" + ", ".join(t for t, _ in values) + "$"
        return "$" + ", ".join(t if m else t.replace("*", r"\cdot ")
                               for t, m in values) + "$"
    return ", ".join(t for t, _ in values)


def draw_tree(tree: Tree, *, ax: Axes | None = None,
              highlight: HasPlans | Mapping[str, str] | None = None,
              payoffs: str = "auto", symbols: Mapping[str, str] | None = None,
              title: str | None = None) -> Axes:
    r"""Draw a game tree: nodes, moves, information sets, probabilities and payoffs.

    Parameters
    ----------
    tree : GameTree
    ax : matplotlib Axes, optional
        Where to draw; default a new figure sized to the tree.
    highlight : equilibrium or mapping, optional
        Moves drawn thick: an SPE (``tree.backward_induction()[0]``) or
        ``{information set name: action}``.
    payoffs : {"auto", "inline", "legend", "none"}
        Payoffs under the leaves, or leaves named :math:`z_k` with a list under the
        tree; ``auto`` puts them inline when every vector is short.
    symbols : mapping, optional
        LaTeX symbol per parameter name, overriding the parameters' own.
    title : str, optional
        Default: the tree's title.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    GameError
        For an unknown ``payoffs`` mode, a tree of more than
        :data:`~.tree_tikz.MAX_NODES` nodes or a ``highlight`` that does not fit it.
    """
    if payoffs not in ("auto", "inline", "legend", "none"):
        raise GameError(f"payoffs must be 'auto', 'inline', 'legend' or 'none', got "
                        f"{payoffs!r}")
    nodes = tree.nodes
    pos = tree_layout(tree)
    chosen = highlighted_moves(tree, highlight)
    syms = dict(latex_symbol_names(getattr(tree, "parameters", ()) or ()))
    syms.update(symbols or {})
    leaves = [n.id for n in nodes if n.kind == "terminal"]
    texts = {z: [_value_text(v, syms) for v in nodes[z].payoffs] for z in leaves}
    if payoffs == "auto":
        longest = max((sum(len(t) for t, _ in v) + 2 * len(v) for v in texts.values()),
                      default=0)
        payoffs = "inline" if longest <= _INLINE_CHARS + 12 else "legend"
    depth = max(d for _, d in pos.values())
    width = max(x for x, _ in pos.values())
    rows = len(leaves) if payoffs == "legend" else 0
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(min(11.0, 1.6 + 1.1 * (width + 1)),
                                      1.0 + 1.0 * depth + 0.28 * rows),
                             layout="constrained")

    def xy(nid: int) -> tuple[float, float]:
        x, d = pos[nid]
        return x, -float(d)

    names = {z: k + 1 for k, z in enumerate(leaves)}
    for n in nodes:
        x, y = xy(n.id)
        for k, (a, c) in enumerate(zip(n.actions, n.children, strict=True)):
            cx, cy = xy(c)
            hot = chosen.get(n.id) == a
            ax.plot([x, cx], [y, cy], color=_HIGHLIGHT if hot else "black",
                    linewidth=_THICK if hot else _THIN, zorder=1, solid_capstyle="round")
            label = _literal(a)
            if n.kind == "chance":
                p, math = _value_text(n.probabilities[k], syms)
                label += f" (${p}$)" if math else f" ({p})"
            side = "right" if cx < x else ("left" if cx > x else "left")
            mx, my = (x + cx) / 2, (y + cy) / 2
            if cx == x:
                mx, my = x + 0.06, y - 0.7
            ax.annotate(label, (mx, my), xytext=(-4 if side == "right" else 4, 3),
                        textcoords="offset points", ha=side, va="bottom", fontsize=8)
        if n.kind == "terminal":
            if payoffs == "inline":
                ax.annotate(_vector(texts[n.id]), (x, y), xytext=(0, -5),
                            textcoords="offset points", ha="center", va="top", fontsize=8)
            elif payoffs == "legend":
                ax.annotate(f"$z_{{{names[n.id]}}}$", (x, y), xytext=(0, -5),
                            textcoords="offset points", ha="center", va="top", fontsize=8)
            continue
        chance = n.kind == "chance"
        ax.plot([x], [y], marker="o", markersize=7 if chance else 5, zorder=3,
                markerfacecolor="white" if chance else "black", markeredgecolor="black",
                linestyle="none")
        owner = _literal(n.name or "Chance") if chance else _literal(tree.players[n.player])
        if n.parent is None:
            ax.annotate(owner, (x, y), xytext=(0, 6), textcoords="offset points",
                        ha="center", va="bottom", fontsize=9)
        else:
            left = pos[n.id][0] < pos[n.parent][0]
            ax.annotate(owner, (x, y), xytext=(-6 if left else 6, 0),
                        textcoords="offset points", ha="right" if left else "left",
                        va="center", fontsize=9)
    for h in tree.information_sets():
        ordered = sorted(h.nodes, key=lambda v: pos[v][0])
        for a, b in zip(ordered, ordered[1:], strict=False):
            (ax_, ay), (bx, by) = xy(a), xy(b)
            ax.plot([ax_, bx], [ay, by], linestyle=(0, (2, 2)), color="black",
                    linewidth=0.9, zorder=0)
    bottom = -depth - 0.55
    listed: list[Any] = []
    if payoffs == "legend":  # the payoffs listed under the tree, inside the axes
        who = ", ".join(_literal(p) for p in tree.players)
        ax.text(0.0, bottom, f"payoffs ({who}):", ha="left", va="top", fontsize=8)
        listed = [ax.text(0.0, bottom - 0.3 * (k + 1), f"$z_{{{names[z]}}}$:  "
                          + _vector(texts[z]), ha="left", va="top", fontsize=8)
                  for k, z in enumerate(leaves)]
        bottom -= 0.3 * (rows + 1.6)
    ax.set_xlim(-0.6, width + 0.6)
    ax.set_ylim(bottom - 0.25, 0.45)
    ax.set_axis_off()
    _shrink_to_axes(ax, listed)
    shown = getattr(tree, "title", "") if title is None else title
    if shown:
        ax.set_title(_literal(shown), fontsize=10)
    return ax
