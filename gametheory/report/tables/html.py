r"""HTML ``<table>`` output (Jupyter's ``_repr_html_``); symbolic payoffs as MathJax.

Text is escaped with :func:`html.escape`; math cells are written ``\(...\)`` for
MathJax. Best replies are ``<u>`` underlined or ``<sup>*</sup>`` starred; pure
equilibria are bold and framed (class ``equilibrium``). A label becomes the ``id``.

Examples
--------
>>> from gametheory.report.tables.base import ListTable
>>> print(render_rows(ListTable(["x"], [["a<b"]], label="t1")))
<table class="gametheory" id="t1">
<thead><tr><th>x</th></tr></thead><tbody>
<tr><td>a&lt;b</td></tr>
</tbody></table>
"""

from __future__ import annotations

import html
from typing import Any

from .base import Cell, ListTable, Math, PayoffGrid, TableFormat, all_numeric, payoff_cells

__all__ = ["html_cell", "render_payoff", "render_rows", "FORMAT"]


def html_cell(cell: Cell) -> str:
    """One cell in HTML: math as MathJax ``\\(...\\)``, all of it escaped."""
    if isinstance(cell, Math):
        return html.escape(rf"\({cell.latex}\)")
    return html.escape(str(cell))


def _mark(value: str, kind: str | None) -> str:
    return f"<u>{value}</u>" if kind == "underline" else f"{value}<sup>*</sup>"


def render_payoff(grid: PayoffGrid) -> str:
    """A payoff table as an HTML ``<table class="gametheory payoff-table">``."""
    if all_numeric(grid):
        def val(v: Any) -> str:
            return html.escape(grid.value(v, False))
    else:
        def val(v: Any) -> str:
            return html.escape(rf"\({grid.value(v, True)}\)")
    cells = payoff_cells(grid, val, lambda s: _mark(s, grid.marks))
    esc = html.escape
    players, strategies = grid.players, grid.strategies
    ident = f' id="{esc(grid.label)}"' if grid.label else ""
    out = [f'<table class="gametheory payoff-table"{ident}>']
    if grid.caption:
        out.append(f"<caption>{esc(grid.caption)}</caption>")
    out.append(f'<thead><tr><th>{esc(players[0])} \\ {esc(players[1])}</th>'
               + "".join(f"<th>{esc(s)}</th>" for s in strategies[1]) + "</tr></thead><tbody>")
    for i, row in enumerate(cells):
        tds = []
        for x, y, eq in row:
            if grid.highlight and eq:
                tds.append('<td class="equilibrium" style="font-weight:bold;'
                           f'border:2px solid currentColor">{x}, {y}</td>')
            else:
                tds.append(f"<td>{x}, {y}</td>")
        out.append(f"<tr><th>{esc(strategies[0][i])}</th>{''.join(tds)}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def render_rows(table: ListTable) -> str:
    """A list table as an HTML ``<table class="gametheory">``."""
    ident = f' id="{html.escape(table.label)}"' if table.label else ""
    out = [f'<table class="gametheory"{ident}>']
    if table.caption:
        out.append(f"<caption>{html.escape(table.caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{html_cell(h)}</th>" for h in table.header)
               + "</tr></thead><tbody>")
    for r in table.rows:
        out.append("<tr>" + "".join(f"<td>{html_cell(c)}</td>" for c in r) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


FORMAT = TableFormat(payoff=render_payoff, rows=render_rows)
