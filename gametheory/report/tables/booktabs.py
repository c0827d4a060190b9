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

import re

from ..._latex import escape_latex
from .base import (
    WRAP_CHARS,
    Cell,
    ListTable,
    Math,
    PayoffGrid,
    TableFormat,
    fit_width,
    latex_float,
    latex_payoffs,
    stack_lines,
    wrap_label,
)

__all__ = ["latex_cell", "render_payoff", "render_rows", "FORMAT"]


def latex_cell(cell: Cell, width: str | None = None, align: str = "l",
               header: bool = False) -> str:
    r"""One cell in LaTeX: math in ``$...$``, text escaped.

    Fitted to the line (``width="linewidth"``), a header is wrapped at spaces, body text
    longer than twice :data:`~.base.WRAP_CHARS` too, and a long :class:`~.base.Math`
    cell with ``lines`` (a mixed strategy's terms) puts each on its own line.

    >>> print(latex_cell("Payoff to Row", "linewidth", header=True))
    \begin{tabular}{@{}l@{}}Payoff to\\Row\end{tabular}
    """
    if isinstance(cell, Math):
        if width is not None and len(cell.lines) > 1 and len(cell.text) > 2 * WRAP_CHARS:
            return stack_lines([f"${x}$" for x in cell.lines], align)
        return f"${cell.latex}$"
    if width is not None and (header or len(str(cell)) > 2 * WRAP_CHARS):
        return wrap_label(str(cell), width, align)
    return escape_latex(cell)


def _column_aligns(spec: str, n: int) -> list[str]:
    """The alignment (l, c or r) of each of ``n`` columns of a tabular spec (p: l)."""
    cols = [c if c in "lcr" else "l" for c in re.findall(r"p\{[^}]*\}|[lcr]", spec)]
    return (cols + ["l"] * n)[:n]


def render_payoff(grid: PayoffGrid) -> str:
    """A payoff table as a booktabs ``tabular`` (in a ``table`` float if captioned).

    Fitted to the line (``grid.width``): labels wrapped, long formulas on several lines,
    and what is still too wide scaled down (:func:`~.base.fit_width`).
    """
    cells = latex_payoffs(grid)
    m, n = len(grid.a), len(grid.a[0])
    w = grid.width
    p0, p1 = wrap_label(grid.players[0], w, "l"), escape_latex(grid.players[1])
    lines = [rf"\begin{{tabular}}{{ll{'c' * n}}}", r"\toprule",
             rf" & & \multicolumn{{{n}}}{{c}}{{{p1}}} \\",
             rf"\cmidrule(l){{3-{n + 2}}}",
             " & & " + " & ".join("{" + wrap_label(s, w) + "}" for s in grid.strategies[1])
             + r" \\",
             r"\midrule"]
    for i in range(m):
        first = "{" + p0 + "}" if i == 0 else ""
        lines.append(f"{first} & {{{wrap_label(grid.strategies[0][i], w, 'l')}}} & "
                     + " & ".join(cells[i]) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return latex_float(fit_width("\n".join(lines), w), grid.caption, grid.label)


def render_rows(table: ListTable) -> str:
    """A list table as a booktabs ``tabular`` (in a ``table`` float if captioned).

    Fitted to the line (``table.width``): headers and long text wrapped, long mixed
    strategies one term a line, and what is still too wide scaled down
    (:func:`~.base.fit_width`).
    """
    spec = table.align or "l" * len(table.header)
    w = table.width
    aligns = _column_aligns(spec, len(table.header))
    lines = [rf"\begin{{tabular}}{{{spec}}}", r"\toprule",
             " & ".join("{" + latex_cell(h, w, a, header=True) + "}"
                        for h, a in zip(table.header, aligns, strict=True)) + r" \\",
             r"\midrule"]
    for r in table.rows:
        lines.append(" & ".join("{" + latex_cell(c, w, a) + "}"
                                for c, a in zip(r, aligns, strict=True)) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return latex_float(fit_width("\n".join(lines), w), table.caption, table.label)


FORMAT = TableFormat(payoff=render_payoff, rows=render_rows)
