r"""A LaTeX ``tabular`` with ``booktabs`` rules, for journals that want plain tables.

Payoff tables put the column player over a ``\multicolumn``; list tables are a header
row between ``\toprule`` and ``\midrule``. Text is escaped with
:func:`gametheory._latex.escape_latex`; :class:`~.base.Math` cells go in ``$...$``.

Examples
--------
>>> from gametheory.report.tables.base import ListTable, Math
>>> print(render_rows(ListTable(["x", "p"], [["a&b", Math(r"\tfrac{1}{2}", "1/2")]])))
\begin{tabular}{ll}
\toprule
{x} & {p} \\
\midrule
{a\&b} & {$\tfrac{1}{2}$} \\
\bottomrule
\end{tabular}
"""

from __future__ import annotations

from ..._latex import escape_latex
from .base import (
    Cell,
    ListTable,
    Math,
    PayoffGrid,
    TableFormat,
    boxed,
    latex_float,
    latex_mark,
    latex_pair,
    payoff_cells,
)

__all__ = ["latex_cell", "render_payoff", "render_rows", "FORMAT"]


def latex_cell(cell: Cell) -> str:
    """One cell in LaTeX: math in ``$...$``, text escaped."""
    if isinstance(cell, Math):
        return f"${cell.latex}$"
    return escape_latex(cell)


def render_payoff(grid: PayoffGrid) -> str:
    """A payoff table as a booktabs ``tabular`` (in a ``table`` float if captioned)."""
    cells = payoff_cells(grid, lambda v: grid.value(v, True),
                         lambda s: latex_mark(s, grid.marks))
    m, n = len(grid.a), len(grid.a[0])
    p0, p1 = (escape_latex(p) for p in grid.players)
    lines = [rf"\begin{{tabular}}{{ll{'c' * n}}}", r"\toprule",
             rf" & & \multicolumn{{{n}}}{{c}}{{{p1}}} \\",
             rf"\cmidrule(l){{3-{n + 2}}}",
             " & & " + " & ".join("{" + escape_latex(s) + "}" for s in grid.strategies[1])
             + r" \\",
             r"\midrule"]
    for i in range(m):
        body = []
        for x, y, eq in cells[i]:
            pair = latex_pair(x, y, grid.stack)
            body.append(boxed(pair) if grid.highlight and eq else f"${pair}$")
        first = "{" + p0 + "}" if i == 0 else ""
        lines.append(f"{first} & {{{escape_latex(grid.strategies[0][i])}}} & "
                     + " & ".join(body) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return latex_float("\n".join(lines), grid.caption, grid.label)


def render_rows(table: ListTable) -> str:
    """A list table as a booktabs ``tabular`` (in a ``table`` float if captioned)."""
    spec = table.align or "l" * len(table.header)
    lines = [rf"\begin{{tabular}}{{{spec}}}", r"\toprule",
             " & ".join("{" + latex_cell(h) + "}" for h in table.header) + r" \\",
             r"\midrule"]
    for r in table.rows:
        lines.append(" & ".join("{" + latex_cell(c) + "}" for c in r) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return latex_float("\n".join(lines), table.caption, table.label)


FORMAT = TableFormat(payoff=render_payoff, rows=render_rows)
