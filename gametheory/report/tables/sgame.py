r"""Osborne's ``sgame`` LaTeX package: the economists' payoff-table layout.

``\begin{game}{m}{n}[Row][Column]``, one row per row strategy, each cell the payoff pair
:math:`A_{ij}, B_{ij}` in math mode; best replies underlined (or starred), pure
equilibria boxed. Payoff tables only (list tables use ``booktabs``).

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> print(gt.tables.payoff_table(pd, format="sgame", caption=""))
\begin{game}{2}{2}[{Row}][{Column}]
 & {C} & {D} \\
{C} & $3, 3$ & $0, \underline{5}$ \\
{D} & $\underline{5}, 0$ & {\fboxsep=1.5pt$\boxed{\underline{1}, \underline{1}}$}
\end{game}
"""

from __future__ import annotations

from ..._latex import escape_latex
from .base import PayoffGrid, TableFormat, boxed, latex_float, latex_mark, latex_pair, payoff_cells

__all__ = ["render_payoff", "FORMAT"]


def render_payoff(grid: PayoffGrid) -> str:
    """The ``game`` environment of a payoff table (in a ``table`` float if captioned)."""
    cells = payoff_cells(grid, lambda v: grid.value(v, True),
                         lambda s: latex_mark(s, grid.marks))
    m, n = len(grid.a), len(grid.a[0])
    p0, p1 = (escape_latex(p) for p in grid.players)
    lines = [rf"\begin{{game}}{{{m}}}{{{n}}}[{{{p0}}}][{{{p1}}}]",
             " & " + " & ".join("{" + escape_latex(s) + "}" for s in grid.strategies[1])
             + r" \\"]
    for i in range(m):
        body = []
        for x, y, eq in cells[i]:
            pair = latex_pair(x, y, grid.stack)
            body.append(boxed(pair) if grid.highlight and eq else f"${pair}$")
        end = r" \\" if i < m - 1 else ""
        lines.append("{" + escape_latex(grid.strategies[0][i]) + "} & " + " & ".join(body)
                     + end)
    lines.append(r"\end{game}")
    if grid.stack:  # two-line cells need taller rows
        lines = ["{" + r"\renewcommand{\gamestretch}{2.6}", *lines, "}"]
    return latex_float("\n".join(lines), grid.caption, grid.label)


FORMAT = TableFormat(payoff=render_payoff)
