"""The registry of table formats: ``FORMATS`` maps a format name to its renderer.

Every public table function looks its format up here, so a new format is one new
module (a :class:`~.base.TableFormat` built from a payoff renderer and, optionally, a
list-table renderer) plus one :func:`register_format` line at the bottom of this file.
The command line offers ``sorted(FORMATS)``. ``"latex"`` is an alias of ``"booktabs"``
for list tables.

Examples
--------
>>> from gametheory.report.tables import FORMATS
>>> list(FORMATS)
['sgame', 'booktabs', 'markdown', 'html', 'text']
>>> FORMATS["sgame"].rows is None  # sgame draws payoff tables only
True
"""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import GameError
from . import booktabs, html, markdown, sgame, text
from .base import Cell, ListTable, Table, TableFormat, check_label, check_width

__all__ = ["FORMATS", "ALIASES", "register_format", "unregister_format", "list_formats",
           "payoff_format", "render_rows"]

#: Table formats by name, in the order they were registered.
FORMATS: dict[str, TableFormat] = {}
#: Other names of a format, for list tables.
ALIASES: dict[str, str] = {"latex": "booktabs"}


def register_format(name: str, renderer: TableFormat) -> None:
    """Make ``renderer`` the table format called ``name`` (replacing one of that name).

    Examples
    --------
    >>> from gametheory.report.tables.base import TableFormat
    >>> register_format("csv", TableFormat(payoff=lambda g: "..."))
    >>> "csv" in FORMATS
    True
    >>> unregister_format("csv")
    """
    if not isinstance(name, str) or not name:
        raise GameError(f"a table format needs a non-empty name, got {name!r}")
    if not isinstance(renderer, TableFormat):
        raise GameError(f"register_format needs a TableFormat, got {type(renderer).__name__}")
    FORMATS[name] = renderer


def unregister_format(name: str) -> None:
    """Remove the table format ``name`` (e.g. a test's toy format)."""
    FORMATS.pop(name, None)


def list_formats() -> list[str]:
    """Names accepted by the list tables (equilibria, regimes, ...), aliases after their
    targets.

    >>> list_formats()
    ['booktabs', 'latex', 'markdown', 'html', 'text']
    """
    out = []
    for name, fmt in FORMATS.items():
        if fmt.rows is not None:
            out.append(name)
            out += [a for a, target in ALIASES.items() if target == name]
    return out


def payoff_format(format: str) -> TableFormat:
    """The registered format ``format`` for a payoff table; GameError if there is none."""
    if format not in FORMATS:
        raise GameError(f"format {format!r} is not one of {list(FORMATS)}")
    return FORMATS[format]


def render_rows(header: Sequence[Cell], rows: Sequence[Sequence[Cell]], format: str,
                caption: str | None = None, label: str | None = None,
                align: str | None = None, width: str | None = None) -> Table:
    """Render a list table (header and rows) in the registered ``format``; ``width`` is
    the LaTeX width policy (:func:`~.base.fit_width`)."""
    name = ALIASES.get(format, format)
    fmt = FORMATS.get(name)
    if fmt is None or fmt.rows is None:
        raise GameError(f"format {format!r} is not one of {list_formats()} for this table "
                        "(sgame is for payoff tables only)")
    check_label(label)
    check_width(width)
    return Table(fmt.rows(ListTable(header, rows, caption, label, align, width)), name)


register_format("sgame", sgame.FORMAT)
register_format("booktabs", booktabs.FORMAT)
register_format("markdown", markdown.FORMAT)
register_format("html", html.FORMAT)
register_format("text", text.FORMAT)
