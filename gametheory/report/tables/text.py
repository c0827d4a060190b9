r"""Aligned plain text for the terminal: best replies starred, equilibria in brackets.

Columns are padded to their widest cell and separated by two spaces; a list table has a
rule of dashes under its header; a caption is the first line.

Examples
--------
>>> from gametheory.report.tables.base import ListTable, Math
>>> print(render_rows(ListTable(["x", "p"], [["long name", Math("", "1/2")]])))
x          p
---------  ---
long name  1/2
"""

from __future__ import annotations

from .base import Cell, ListTable, Math, PayoffGrid, TableFormat, payoff_cells

__all__ = ["text_cell", "render_payoff", "render_rows", "FORMAT"]


def text_cell(cell: Cell) -> str:
    """One cell as plain text on one line (math in its text form)."""
    if isinstance(cell, Math):
        return cell.text
    return " ".join(str(cell).split())


def _aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
            for r in rows]


def render_payoff(grid: PayoffGrid) -> str:
    """A payoff table as aligned text: ``x*`` a best reply, ``[x, y]`` an equilibrium."""
    cells = payoff_cells(grid, lambda v: grid.value(v, False), lambda s: s + "*")
    body = [[grid.strategies[0][i]] + [(f"[{x}, {y}]" if grid.highlight and eq
                                        else f"{x}, {y}") for x, y, eq in row]
            for i, row in enumerate(cells)]
    head = [f"{grid.players[0]} \\ {grid.players[1]}", *grid.strategies[1]]
    lines = [grid.caption] if grid.caption else []
    return "\n".join(lines + _aligned([head, *body]))


def render_rows(table: ListTable) -> str:
    """A list table as aligned text with a rule under the header."""
    texts = [[text_cell(c) for c in r] for r in [table.header, *table.rows]]
    widths = [max(len(r[k]) for r in texts) for k in range(len(table.header))]
    lines = [table.caption] if table.caption else []
    for n, line in enumerate(_aligned(texts)):
        lines.append(line)
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


FORMAT = TableFormat(payoff=render_payoff, rows=render_rows)
