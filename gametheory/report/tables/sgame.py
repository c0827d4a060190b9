r"""Osborne's ``sgame`` LaTeX package: the economists' payoff-table layout.

``\begin{game}{m}{n}[Row][Column]``, one row per row strategy, each cell the payoff pair
:math:`A_{ij}, B_{ij}` in math mode; best replies underlined (or starred), pure
equilibria boxed. Payoff tables only (list tables use ``booktabs``).

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> print(gt.tables.payoff_table(pd, format="sgame", caption="", width=None))
\begin{game}{2}{2}[{Row}][{Column}]
 & {C} & {D} \\
{C} & $3, 3$ & $0, \underline{5}$ \\
{D} & $\underline{5}, 0$ & {\fboxsep=1.5pt$\boxed{\underline{1}, \underline{1}}$}
\end{game}

By default (``width="linewidth"``) a symbolic table is laid out for a plain
``article``'s line: ``sgame`` makes every column as wide as the widest cell, so the two
payoffs of a cell are stacked and each formula is cut at its sums into lines of
:func:`~.payoff.line_chars` characters, the line shared among the columns (the
probe-response posture and sequential tables fit 345 pt unscaled); what is still wider
(long labels, parameters without a symbol) is set in a box that ``\resizebox`` shrinks
to ``\linewidth`` (:func:`~.base.fit_width`).
"""

from __future__ import annotations

from ..._latex import escape_latex
from .base import PayoffGrid, TableFormat, fit_width, latex_float, latex_payoffs, wrap_label

__all__ = ["render_payoff", "FORMAT"]


def render_payoff(grid: PayoffGrid) -> str:
    """The ``game`` environment of a payoff table (in a ``table`` float if captioned).

    Fitted to the line (``grid.width``): labels wrapped, long formulas on several lines
    (by :func:`~.payoff.payoff_table`), and what is still too wide scaled down
    (:func:`~.base.fit_width`).
    """
    cells = latex_payoffs(grid)
    m, n = len(grid.a), len(grid.a[0])
    w = grid.width
    p0 = wrap_label(grid.players[0], w, "r")
    p1 = escape_latex(grid.players[1])
    lines = [rf"\begin{{game}}{{{m}}}{{{n}}}[{{{p0}}}][{{{p1}}}]",
             " & " + " & ".join("{" + wrap_label(s, w) + "}" for s in grid.strategies[1])
             + r" \\"]
    for i in range(m):
        end = r" \\" if i < m - 1 else ""
        lines.append("{" + wrap_label(grid.strategies[0][i], w, "r") + "} & "
                     + " & ".join(cells[i]) + end)
    lines.append(r"\end{game}")
    if grid.stack:  # two-line cells need taller rows (longer ones carry their own struts)
        lines = ["{" + r"\renewcommand{\gamestretch}{2.6}", *lines, "}"]
    return latex_float(fit_width("\n".join(lines), w), grid.caption, grid.label)


FORMAT = TableFormat(payoff=render_payoff)
