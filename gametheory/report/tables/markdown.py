r"""GitHub-flavoured Markdown tables; symbolic payoffs as ``$...$`` math.

Text is escaped with :func:`~.base.escape_markdown` so a cell never breaks the table;
numeric payoffs are written as text (they read better on GitHub than math), best replies
``<ins>`` underlined or ``\*`` starred, pure equilibria in bold. A caption becomes a
``Table:`` line under the table.

Examples
--------
>>> from gametheory.report.tables.base import ListTable
>>> print(render_rows(ListTable(["x", "y"], [["a|b", "1"]], caption="C")))
| x | y |
|---|---|
| a\|b | 1 |
<BLANKLINE>
Table: C
"""

from __future__ import annotations

from typing import Any

from .base import (
    Cell,
    ListTable,
    Math,
    PayoffGrid,
    TableFormat,
    all_numeric,
    escape_markdown,
    payoff_cells,
)

__all__ = ["markdown_cell", "render_payoff", "render_rows", "FORMAT"]


def markdown_cell(cell: Cell) -> str:
    """One cell in Markdown: math in ``$...$`` (pipes as ``\\vert``), text escaped."""
    if isinstance(cell, Math):
        return f"${cell.latex}$".replace("|", r"\vert ")
    return escape_markdown(cell)


def _mark(value: str, kind: str | None) -> str:
    return f"<ins>{value}</ins>" if kind == "underline" else value + r"\*"


def render_payoff(grid: PayoffGrid) -> str:
    """A payoff table in Markdown, the row player's strategies in bold."""
    if all_numeric(grid):  # numbers read better on GitHub as text than as math
        def val(v: Any) -> str:
            return escape_markdown(grid.value(v, False))
    else:
        def val(v: Any) -> str:
            return "$" + grid.value(v, True).replace("|", r"\vert ") + "$"
    cells = payoff_cells(grid, val, lambda s: _mark(s, grid.marks))
    players, strategies = grid.players, grid.strategies
    head = f"{escape_markdown(players[0])} \\\\ {escape_markdown(players[1])}"
    lines = ["| " + head + " | " + " | ".join(escape_markdown(s) for s in strategies[1])
             + " |",
             "|---|" + "|".join(":---:" for _ in strategies[1]) + "|"]
    for i, row in enumerate(cells):
        body = [f"**{x}, {y}**" if grid.highlight and eq else f"{x}, {y}" for x, y, eq in row]
        lines.append(f"| **{escape_markdown(strategies[0][i])}** | " + " | ".join(body) + " |")
    if grid.caption:
        lines += ["", f"Table: {escape_markdown(grid.caption)}"]
    return "\n".join(lines)


def render_rows(table: ListTable) -> str:
    """A list table in Markdown."""
    lines = ["| " + " | ".join(markdown_cell(h) for h in table.header) + " |",
             "|" + "|".join("---" for _ in table.header) + "|"]
    lines += ["| " + " | ".join(markdown_cell(c) for c in r) + " |" for r in table.rows]
    if table.caption:
        lines += ["", f"Table: {escape_markdown(table.caption)}"]
    return "\n".join(lines)


FORMAT = TableFormat(payoff=render_payoff, rows=render_rows)
