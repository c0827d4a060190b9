r"""The shared kit of the table renderers: rendered tables, cells and the two table shapes.

Every table is one of two shapes. A *payoff table* (:class:`PayoffGrid`) is the bimatrix
of a two-player game: for row strategy :math:`i` and column strategy :math:`j` the pair
:math:`(A_{ij}, B_{ij})`, each entry flagged when it is a best reply and the cell when
both are (a pure Nash equilibrium). A *list table* (:class:`ListTable`) is a header and
rows of cells. A format (:class:`TableFormat`) renders either shape to text; cells are
plain text or :class:`Math` (LaTeX, with a plain-text twin for the terminal).

Examples
--------
>>> t = Table("| a |", "markdown")
>>> t.format, str(t)
('markdown', '| a |')
>>> escape_markdown("R&D_1 | x")
'R\\&D\\_1 \\| x'
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from os import PathLike
from pathlib import Path
from typing import Any

from ..._latex import escape_latex
from ...errors import GameError

__all__ = ["Table", "Math", "Cell", "TableFormat", "PayoffGrid", "ListTable",
           "escape_markdown", "check_label", "latex_float", "payoff_cells", "latex_pair",
           "latex_mark", "boxed", "all_numeric", "WIDTHS", "check_width", "fit_width",
           "wrap_label", "stack_lines"]

#: Width policies of the LaTeX tables: fit to the line (default) or natural width.
WIDTHS: tuple[str | None, ...] = ("linewidth", None)
#: Characters per line of a wrapped label (about 60 pt of 10 pt Computer Modern).
WRAP_CHARS = 12

_LABEL_RE = re.compile(r"^[A-Za-z0-9:._/+-]+$")
_MD_SPECIAL = set("\\`*_{}[]<>#|&~$^")


def escape_markdown(text: object) -> str:
    r"""Escape text for a GitHub Markdown table cell (backslash before punctuation).

    >>> print(escape_markdown("a|b *c* R&D_1 $5"))
    a\|b \*c\* R\&D\_1 \$5
    """
    s = " ".join(str(text).split())
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in s)


class Table(str):
    r"""A rendered table: a ``str`` that also knows its format, renders in Jupyter and saves.

    Examples
    --------
    >>> t = Table("| a |\n|---|\n| 1 |", "markdown")
    >>> t.format, t.startswith("| a |"), t._repr_markdown_() is not None
    ('markdown', True, True)
    """

    format: str

    def __new__(cls, text: str, format: str) -> Table:
        obj = super().__new__(cls, text)
        obj.format = format
        return obj

    def _repr_html_(self) -> str | None:
        """HTML tables as themselves; text and LaTeX source as a ``<pre>`` block (not an
        escaped Python string); Markdown is left to :meth:`_repr_markdown_`."""
        if self.format == "html":
            return str(self)
        return None if self.format == "markdown" else f"<pre>{html.escape(str(self))}</pre>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain-text display: the table's lines, not ``repr`` of a string."""
        printer.text(str(self))

    def _repr_markdown_(self) -> str | None:
        return str(self) if self.format == "markdown" else None

    def save(self, path: str | PathLike[str]) -> Path:
        """Write the table to ``path`` (UTF-8, trailing newline); returns the path."""
        target = Path(path)
        target.write_text(str(self) + "\n", encoding="utf-8")
        return target

    def __reduce__(self):  # pickle as a Table, not a plain str
        return (Table, (str(self), self.format))


@dataclass(frozen=True)
class Math:
    """A table cell holding mathematics: LaTeX for TeX/Markdown/HTML, text for the terminal.

    ``lines``, when given, is the same LaTeX cut into pieces that a LaTeX table fitted to
    the line may put on separate lines (a mixed strategy's terms, a condition's
    conjuncts); joined they read as ``latex``.

    >>> Math(r"\\tfrac{1}{2}", "1/2").text
    '1/2'
    """

    latex: str
    text: str
    lines: tuple[str, ...] = field(default=(), repr=False)


Cell = str | Math


@dataclass(frozen=True)
class PayoffGrid:
    """A two-player payoff table ready to render.

    Attributes
    ----------
    players, strategies : the two players' names and strategy labels.
    a, b : payoffs (numbers or sympy expressions), ``a[i][j]`` and ``b[i][j]``.
    row_best, col_best : whether each entry is the player's best reply.
    marks : ``"underline"``, ``"star"`` or None (how best replies are marked).
    highlight : whether pure-equilibrium cells are boxed, bold or bracketed.
    caption, label : the table's caption and cross-reference label.
    stack : LaTeX: the two payoffs of a cell on two lines.
    value : ``value(v, latex)``: one payoff as LaTeX math (``latex=True``) or plain text.
    width : LaTeX width policy, one of :data:`WIDTHS` (:func:`fit_width`).
    value_lines : ``value_lines(v)``: one payoff as LaTeX math cut into lines (long
        formulas in a table fitted to the line), or None.
    """

    players: Sequence[str]
    strategies: Sequence[Sequence[str]]
    a: list[list[Any]]
    b: list[list[Any]]
    row_best: list[list[bool]]
    col_best: list[list[bool]]
    marks: str | None
    highlight: bool
    caption: str | None
    label: str | None
    stack: bool
    value: Callable[[Any, bool], str]
    width: str | None = None
    value_lines: Callable[[Any], list[str]] | None = None


@dataclass(frozen=True)
class ListTable:
    """A rectangular table: a header row and body rows of cells, with LaTeX column ``align``
    and LaTeX ``width`` policy (one of :data:`WIDTHS`, :func:`fit_width`)."""

    header: Sequence[Cell]
    rows: Sequence[Sequence[Cell]]
    caption: str | None = None
    label: str | None = None
    align: str | None = None
    width: str | None = None


@dataclass(frozen=True)
class TableFormat:
    """How one output format renders the two table shapes.

    Attributes
    ----------
    payoff : renders a :class:`PayoffGrid`.
    rows : renders a :class:`ListTable`; None when the format has payoff tables only
        (``sgame``).
    """

    payoff: Callable[[PayoffGrid], str]
    rows: Callable[[ListTable], str] | None = None


def check_label(label: str | None) -> None:
    """Raise GameError unless ``label`` is None or a safe cross-reference label."""
    if label is not None and not _LABEL_RE.match(label):
        raise GameError(f"label {label!r} may contain only letters, digits and : . _ / + -")


def latex_float(body: str, caption: str | None, label: str | None) -> str:
    r"""``body`` in a ``table`` float with ``\caption``/``\label`` when either is given."""
    if not caption and not label:
        return body
    out = [r"\begin{table}[htbp]", r"\centering"]
    if caption:
        out.append(rf"\caption{{{escape_latex(caption)}}}")
    if label:
        out.append(rf"\label{{{label}}}")
    out += [body, r"\end{table}"]
    return "\n".join(out)


def payoff_cells(grid: PayoffGrid, value: Callable[[Any], str],
                 mark: Callable[[str], str]) -> list[list[tuple[str, str, bool]]]:
    """Each cell's two rendered payoffs and its equilibrium flag.

    Best replies go through ``mark`` unless ``grid.marks`` is None.
    """
    marks = grid.marks
    out = []
    for i, (ra, rb) in enumerate(zip(grid.a, grid.b, strict=True)):
        row = []
        for j, (x, y) in enumerate(zip(ra, rb, strict=True)):
            rbest, cbest = grid.row_best[i][j], grid.col_best[i][j]
            xs, ys = value(x), value(y)
            if marks is not None:
                xs = mark(xs) if rbest else xs
                ys = mark(ys) if cbest else ys
            row.append((xs, ys, rbest and cbest))
        out.append(row)
    return out


def latex_pair(x: str, y: str, stack: bool) -> str:
    """A cell's payoff pair in LaTeX math: ``x, y`` or stacked on two lines."""
    if stack:
        return rf"\begin{{array}}{{@{{}}c@{{}}}} {x}, \\ {y} \end{{array}}"
    return f"{x}, {y}"


def latex_payoffs(grid: PayoffGrid) -> list[list[str]]:
    r"""Each cell of a payoff table as LaTeX text: ``$x, y$``, stacked, or boxed.

    Stacked cells (``grid.stack``) put the two payoffs on two lines of an ``array``;
    with ``grid.value_lines`` a long formula takes several lines, each continuation
    indented by ``\enspace``. Pure-equilibrium cells are boxed when ``grid.highlight``.
    """
    cells = payoff_cells(grid, lambda v: grid.value(v, True),
                         lambda s: latex_mark(s, grid.marks))
    out = []
    for i, row in enumerate(cells):
        line = []
        for j, (x, y, eq) in enumerate(row):
            lines = grid.value_lines
            if grid.stack and lines is not None:
                xl, yl = lines(grid.a[i][j]), lines(grid.b[i][j])
                if len(xl) + len(yl) > 2:
                    xl = [xl[0], *(r"\enspace " + t for t in xl[1:])]
                    yl = [yl[0], *(r"\enspace " + t for t in yl[1:])]
                    xl[-1] += ","
                    yl[-1] += r"\rule[-1.5ex]{0pt}{0pt}"  # room above and below
                    body = r"\rule{0pt}{3ex}" + r" \\ ".join(xl + yl)
                    line.append(rf"$\begin{{array}}{{@{{}}l@{{}}}} {body} \end{{array}}$")
                    continue
            pair = latex_pair(x, y, grid.stack)
            line.append(boxed(pair) if grid.highlight and eq else f"${pair}$")
        out.append(line)
    return out


def latex_mark(value: str, kind: str | None) -> str:
    r"""A best reply in LaTeX math: ``\underline{v}`` or ``v^{*}``."""
    return rf"\underline{{{value}}}" if kind == "underline" else f"{value}^{{*}}"


def boxed(pair: str) -> str:
    """An equilibrium cell: the payoff pair in a tight frame (fits sgame's cells)."""
    return f"{{\\fboxsep=1.5pt$\\boxed{{{pair}}}$}}"


def all_numeric(grid: PayoffGrid) -> bool:
    """Whether every payoff is a plain number (not a formula)."""
    return all(isinstance(v, Fraction | float | int) for r in (*grid.a, *grid.b) for v in r)


def check_width(width: object) -> None:
    """Raise GameError unless ``width`` is a width policy of :data:`WIDTHS`.

    >>> check_width("linewidth"); check_width(None)
    """
    if width not in WIDTHS:
        raise GameError(f"width {width!r} is not one of {list(WIDTHS)} ('linewidth' fits the "
                        "LaTeX table to the line, None keeps its natural width)")


def fit_width(body: str, width: str | None) -> str:
    r"""LaTeX ``body`` (a tabular or ``game``) shrunk to ``\linewidth`` when it is wider.

    With ``width="linewidth"`` the body is set in a box; if the box is wider than
    ``\linewidth`` it is scaled down to exactly ``\linewidth`` with ``graphicx``'s
    ``\resizebox`` (and not indented), otherwise it is used as it is, never enlarged;
    ``adjustbox``'s ``max width=\linewidth`` without the extra package. With
    ``width=None`` the body is returned unchanged (natural width).

    >>> print(fit_width("X", None))
    X
    >>> fit_width("X", "linewidth").count(r"\resizebox{\linewidth}{!}")
    1
    """
    check_width(width)
    if width is None:
        return body
    return ("{\\setbox0=\\hbox{%\n" + body + "%\n}\\ifdim\\wd0>\\linewidth"
            "\\noindent\\resizebox{\\linewidth}{!}{\\box0}\\else\\box0\\fi}")


def stack_lines(lines: Sequence[str], align: str = "c") -> str:
    r"""LaTeX text lines stacked in one cell: ``\begin{tabular}{@{}c@{}}a\\b\end{tabular}``.

    One line is returned as it is.

    >>> print(stack_lines(["a", "b"], "l"))
    \begin{tabular}{@{}l@{}}a\\b\end{tabular}
    """
    if len(lines) == 1:
        return lines[0]
    return rf"\begin{{tabular}}{{@{{}}{align}@{{}}}}" + r"\\".join(lines) + r"\end{tabular}"


def wrap_label(text: str, width: str | None, align: str = "c") -> str:
    r"""A label as escaped LaTeX; wrapped at spaces into lines of about
    :data:`WRAP_CHARS` characters when ``width`` fits tables to the line.

    >>> print(wrap_label("Intercept if probed", "linewidth"))
    \begin{tabular}{@{}c@{}}Intercept if\\probed\end{tabular}
    >>> print(wrap_label("Intercept if probed", None))
    Intercept if probed
    """
    if width is None:
        return escape_latex(text)
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= WRAP_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return stack_lines([escape_latex(x) for x in lines] or [""], align)
