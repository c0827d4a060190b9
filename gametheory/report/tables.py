r"""Tables for papers: payoff, equilibrium, regime, threshold and sweep-summary tables.

A payoff table of a two-player game lists, for row strategy :math:`i` and column
strategy :math:`j`, the pair :math:`(A_{ij}, B_{ij})`. Row's payoff :math:`A_{ij}` is a
*best reply* when :math:`A_{ij} = \max_k A_{kj}` and column's :math:`B_{ij}` when
:math:`B_{ij} = \max_l B_{il}`; a cell where both are best replies is a pure Nash
equilibrium. Marking best replies (underlined, or starred) and boxing the equilibrium
cells is the textbook convention (Osborne, *An Introduction to Game Theory*, 2004,
sec. 2.8; Gibbons, *A Primer in Game Theory*, 1992, sec. 1.1.C).

Formats:

``"sgame"``
    Martin Osborne's ``sgame`` LaTeX package, the economists' layout
    (``\begin{game}{m}{n}[Row][Column]``).
``"booktabs"``
    A ``tabular`` with ``booktabs`` rules, for journals that want plain tables.
``"markdown"``
    GitHub-flavoured Markdown; symbolic payoffs as ``$...$`` math.
``"html"``
    An HTML ``<table>`` (used for Jupyter's ``_repr_html_``); symbolic payoffs as
    MathJax ``\(...\)``.
``"text"``
    Aligned plain text for the terminal; best replies starred, equilibria in brackets.

LaTeX output is escaped with :func:`gametheory.report.latex.escape_latex` and compiles
with the preamble of :func:`standalone_document` (``inputenc``, ``amsmath``,
``booktabs``, ``sgame``).

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> print(gt.tables.payoff_table(pd, format="text"))
Row \ Column  C       D
C             3, 3    0, 5*
D             5*, 0   [1*, 1*]
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..core.game import Equilibrium, NormalFormGame
from ..errors import GameError
from .latex import (
    _check_format,
    escape_latex,
    latex_expr,
    latex_number,
    latex_symbol_names,
    standalone_document,
    text_number,
)

__all__ = [
    "payoff_table",
    "equilibrium_table",
    "regime_table",
    "threshold_table",
    "sweep_summary_table",
    "standalone_document",
    "escape_latex",
    "escape_markdown",
    "readable_condition",
    "Table",
    "Math",
    "FORMATS",
]

#: Formats of :func:`payoff_table`; the other tables accept all but ``"sgame"``.
FORMATS = ("sgame", "booktabs", "markdown", "html", "text")
_LIST_FORMATS = ("booktabs", "latex", "markdown", "html", "text")
_MARKS = ("underline", "star", None)
_LABEL_RE = re.compile(r"^[A-Za-z0-9:._/+-]+$")
_MD_SPECIAL = set("\\`*_{}[]<>#|&~$^")


def escape_markdown(text: Any) -> str:
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
        return str(self) if self.format == "html" else None

    def _repr_markdown_(self) -> str | None:
        return str(self) if self.format == "markdown" else None

    def save(self, path: Any) -> Any:
        """Write the table to ``path`` (UTF-8, trailing newline); returns the path."""
        from pathlib import Path

        target = Path(path)
        target.write_text(str(self) + "\n", encoding="utf-8")
        return target

    def __reduce__(self):  # pickle as a Table, not a plain str
        return (Table, (str(self), self.format))


@dataclass(frozen=True)
class Math:
    """A table cell holding mathematics: LaTeX for TeX/Markdown/HTML, text for the terminal.

    >>> Math(r"\\tfrac{1}{2}", "1/2").text
    '1/2'
    """

    latex: str
    text: str


Cell = str | Math


# --------------------------------------------------------------------------- helpers
def _check_label(label: str | None) -> None:
    if label is not None and not _LABEL_RE.match(label):
        raise GameError(f"label {label!r} may contain only letters, digits and : . _ / + -")


def _is_parametric(game: Any) -> bool:
    return hasattr(game, "at") and hasattr(game, "parameters") and not isinstance(
        game, NormalFormGame)


def _render(cell: Cell, fmt: str) -> str:
    """One table cell in one output format."""
    if isinstance(cell, Math):
        if fmt in ("sgame", "booktabs", "latex"):
            return f"${cell.latex}$"
        if fmt == "markdown":
            return f"${cell.latex}$".replace("|", r"\vert ")
        if fmt == "html":
            return html.escape(rf"\({cell.latex}\)")
        return cell.text
    if fmt in ("sgame", "booktabs", "latex"):
        return escape_latex(cell)
    if fmt == "markdown":
        return escape_markdown(cell)
    if fmt == "html":
        return html.escape(str(cell))
    return " ".join(str(cell).split())


def _latex_float(body: str, caption: str | None, label: str | None) -> str:
    if not caption and not label:
        return body
    out = [r"\begin{table}[htbp]", r"\centering"]
    if caption:
        out.append(rf"\caption{{{escape_latex(caption)}}}")
    if label:
        out.append(rf"\label{{{label}}}")
    out += [body, r"\end{table}"]
    return "\n".join(out)


def _list_table(header: Sequence[Cell], rows: Sequence[Sequence[Cell]], fmt: str,
                caption: str | None = None, label: str | None = None,
                align: str | None = None) -> Table:
    """A plain rectangular table (header + rows) in one of the list formats."""
    return Table(_list_text(header, rows, fmt, caption, label, align),
                 "booktabs" if fmt == "latex" else fmt)


def _list_text(header: Sequence[Cell], rows: Sequence[Sequence[Cell]], fmt: str,
               caption: str | None, label: str | None, align: str | None) -> str:
    if fmt not in _LIST_FORMATS:
        raise GameError(f"format {fmt!r} is not one of {list(_LIST_FORMATS)} for this table "
                        "(sgame is for payoff tables only)")
    _check_label(label)
    ncol = len(header)
    if fmt in ("booktabs", "latex"):
        spec = align or "l" * ncol
        lines = [rf"\begin{{tabular}}{{{spec}}}", r"\toprule",
                 " & ".join("{" + _render(h, fmt) + "}" for h in header) + r" \\", r"\midrule"]
        for r in rows:
            lines.append(" & ".join("{" + _render(c, fmt) + "}" for c in r) + r" \\")
        lines += [r"\bottomrule", r"\end{tabular}"]
        return _latex_float("\n".join(lines), caption, label)
    if fmt == "markdown":
        lines = ["| " + " | ".join(_render(h, fmt) for h in header) + " |",
                 "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(_render(c, fmt) for c in r) + " |" for r in rows]
        if caption:
            lines += ["", f"Table: {escape_markdown(caption)}"]
        return "\n".join(lines)
    if fmt == "html":
        ident = f' id="{html.escape(label)}"' if label else ""
        out = [f'<table class="gametheory"{ident}>']
        if caption:
            out.append(f"<caption>{html.escape(caption)}</caption>")
        out.append("<thead><tr>" + "".join(f"<th>{_render(h, fmt)}</th>" for h in header)
                   + "</tr></thead><tbody>")
        for r in rows:
            out.append("<tr>" + "".join(f"<td>{_render(c, fmt)}</td>" for c in r) + "</tr>")
        out.append("</tbody></table>")
        return "\n".join(out)
    texts = [[_render(c, fmt) for c in r] for r in [header, *rows]]
    widths = [max(len(r[k]) for r in texts) for k in range(ncol)]
    lines = [caption] if caption else []
    for n, r in enumerate(texts):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --------------------------------------------------------------------------- payoff tables
def _numeric_cells(game: NormalFormGame) -> tuple[list[list[bool]], list[list[bool]]]:
    """Which entries are best replies (exact for exact games, 1e-9 relative otherwise)."""
    m, n = game.shape
    tol = 0 if game.is_exact else 1e-9 * game.payoff_scale()
    A, B = game.A, game.B
    row_best = [[A[i, j] >= max(A[k, j] for k in range(m)) - tol for j in range(n)]
                for i in range(m)]
    col_best = [[B[i, j] >= max(B[i, k] for k in range(n)) - tol for j in range(n)]
                for i in range(m)]
    return row_best, col_best


def _sym_value(value: Any) -> Any:
    """A sympy number as Fraction/float; symbolic expressions unchanged."""
    import sympy as sp

    if isinstance(value, sp.Basic) and not value.free_symbols:
        if value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        return float(value)
    return value


def payoff_table(
    game: Any,
    format: str = "sgame",
    number_format: str = "exact",
    digits: int = 3,
    mark_best_replies: str | None = "underline",
    highlight_equilibria: bool = True,
    caption: str | None = None,
    label: str | None = None,
    symbolic: bool | None = None,
    symbol_names: Mapping[str, str] | None = None,
    at: Mapping[str, Any] | None = None,
    stack: bool | None = None,
) -> str:
    r"""The payoff table of a two-player game in LaTeX, Markdown, HTML or text.

    Parameters
    ----------
    game : NormalFormGame, ParametricGame or GameTree (its normal form of plans)
    format : {"sgame", "booktabs", "markdown", "html", "text"}
    number_format : {"exact", "decimal", "sig"}
        Exact fractions (``\tfrac{1}{3}``), ``digits`` decimals, or ``digits``
        significant figures.
    digits : int
    mark_best_replies : {"underline", "star", None}
        Mark each player's best-reply payoffs (plain text always uses ``*``).
    highlight_equilibria : bool
        Box (LaTeX), bold (Markdown, HTML) or bracket (text) the pure-equilibrium cells.
    caption, label : str, optional
        LaTeX puts the table in a ``table`` float with ``\caption``/``\label``; HTML uses
        ``<caption>`` and ``id``. The caption defaults to the game's title (``""`` for none).
    symbolic : bool, optional
        For a ParametricGame: show the payoff formulas (default) or, when False, the
        numbers at ``at`` (parameter defaults fill the rest). Best replies cannot be
        marked on formulas.
    symbol_names : mapping, optional
        LaTeX symbol per parameter name, overriding each ``Parameter.symbol``.
    at : mapping, optional
        Parameter values for ``symbolic=False``.
    stack : bool, optional
        LaTeX: write each cell's two payoffs on two lines (narrower columns). Default:
        for symbolic tables whose longest payoff exceeds 30 characters of LaTeX.

    Returns
    -------
    str

    Raises
    ------
    GameError
        For an unknown format, number format or mark, or a bad label.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.NormalFormGame([[0, 0], [2, -1]], [[0, 0], [-2, -3]],
    ...                       players=("Aggressor", "Defender"),
    ...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
    >>> print(gt.tables.payoff_table(g, format="sgame", caption=""))
    \begin{game}{2}{2}[{Aggressor}][{Defender}]
     & {Tolerate} & {Intercept} \\
    {Refrain} & $0, \underline{0}$ & {\fboxsep=1.5pt$\boxed{\underline{0}, \underline{0}}$} \\
    {Probe} & {\fboxsep=1.5pt$\boxed{\underline{2}, \underline{-2}}$} & $-1, -3$
    \end{game}
    """
    if format not in FORMATS:
        raise GameError(f"format {format!r} is not one of {list(FORMATS)}")
    if mark_best_replies not in _MARKS:
        raise GameError(f"mark_best_replies {mark_best_replies!r} is not one of {list(_MARKS)}")
    _check_format(number_format, digits)
    _check_label(label)
    if hasattr(game, "to_normal_form") and not isinstance(game, NormalFormGame) \
            and not hasattr(game, "lambdify"):
        game = game.to_normal_form()  # a GameTree: its (reduced) normal form of plans
    symbols: dict[str, str] = {}
    if _is_parametric(game):
        symbols = latex_symbol_names(game.parameters)
        if symbol_names:
            symbols.update(symbol_names)
        if symbolic is None or symbolic:
            import sympy as sp

            A, B = sp.Matrix(game.A), sp.Matrix(game.B)
            m, n = A.shape
            a = [[_sym_value(A[i, j]) for j in range(n)] for i in range(m)]
            b = [[_sym_value(B[i, j]) for j in range(n)] for i in range(m)]
            row_best = col_best = [[False] * n for _ in range(m)]
            players, strategies = tuple(game.players), tuple(map(tuple, game.strategies))
            title = getattr(game, "title", "")
            sym = True
        else:
            game = game.at(**dict(at or {}))
            sym = False
    elif isinstance(game, NormalFormGame):
        if symbolic:
            raise GameError("symbolic=True needs a ParametricGame; this NormalFormGame has "
                            "numeric payoffs only")
        sym = False
    else:
        raise GameError(f"payoff_table needs a NormalFormGame or ParametricGame, got "
                        f"{type(game).__name__}")
    if not sym:
        m, n = game.shape
        a = [[game.A[i, j] for j in range(n)] for i in range(m)]
        b = [[game.B[i, j] for j in range(n)] for i in range(m)]
        row_best, col_best = _numeric_cells(game)
        players, strategies, title = game.players, game.strategies, game.title
    if caption is None:
        caption = title or None
    marks = mark_best_replies if not sym else None
    if stack is None:
        stack = sym and max(len(_payoff_value(v, "sgame", number_format, digits, symbols))
                            for r in (*a, *b) for v in r) > 30
    extra = {"stack": bool(stack)} if format in ("sgame", "booktabs") else {}
    return Table(_PAYOFF_RENDERERS[format](
        players, strategies, a, b, row_best, col_best, marks,
        highlight_equilibria and not sym, caption, label,
        lambda v, f: _payoff_value(v, f, number_format, digits, symbols), **extra), format)


def _payoff_value(v: Any, fmt: str, number_format: str, digits: int,
                  symbols: Mapping[str, str]) -> str:
    """One payoff, formatted for a format (LaTeX math for LaTeX/Markdown/HTML)."""
    import sympy as sp

    if isinstance(v, sp.Basic):
        if fmt == "text":
            return sp.sstr(v)
        return latex_expr(v, symbols)
    if fmt == "text":
        return text_number(v, number_format, digits)
    return latex_number(v, number_format, digits)


def _marked(value: str, best: bool, mark: str | None, fmt: str) -> str:
    if not best or mark is None:
        return value
    if fmt == "text":
        return value + "*"
    if fmt == "html":
        return f"<u>{value}</u>" if mark == "underline" else f"{value}<sup>*</sup>"
    if fmt == "markdown":
        return f"<ins>{value}</ins>" if mark == "underline" else value + r"\*"
    return rf"\underline{{{value}}}" if mark == "underline" else f"{value}^{{*}}"


def _cells(a, b, row_best, col_best, marks, fmt, fmtval):
    """Rendered payoff pairs and an equilibrium flag per cell."""
    m, n = len(a), len(a[0])
    out = []
    for i in range(m):
        row = []
        for j in range(n):
            x = _marked(fmtval(a[i][j], fmt), row_best[i][j], marks, fmt)
            y = _marked(fmtval(b[i][j], fmt), col_best[i][j], marks, fmt)
            row.append((x, y, row_best[i][j] and col_best[i][j]))
        out.append(row)
    return out


def _pair(x: str, y: str, stack: bool) -> str:
    """A cell's payoff pair in LaTeX math: ``x, y`` or stacked on two lines."""
    if stack:
        return rf"\begin{{array}}{{@{{}}c@{{}}}} {x}, \\ {y} \end{{array}}"
    return f"{x}, {y}"


def _boxed(pair: str) -> str:
    """An equilibrium cell: the payoff pair in a tight frame (fits sgame's cells)."""
    return f"{{\\fboxsep=1.5pt$\\boxed{{{pair}}}$}}"


def _render_sgame(players, strategies, a, b, rb, cb, marks, hl, caption, label, fmtval,
                  stack=False):
    m, n = len(a), len(a[0])
    cells = _cells(a, b, rb, cb, marks, "sgame", fmtval)
    p0, p1 = (escape_latex(p) for p in players)
    lines = [rf"\begin{{game}}{{{m}}}{{{n}}}[{{{p0}}}][{{{p1}}}]",
             " & " + " & ".join("{" + escape_latex(s) + "}" for s in strategies[1]) + r" \\"]
    for i in range(m):
        body = []
        for x, y, eq in cells[i]:
            pair = _pair(x, y, stack)
            body.append(_boxed(pair) if hl and eq else f"${pair}$")
        end = r" \\" if i < m - 1 else ""
        lines.append("{" + escape_latex(strategies[0][i]) + "} & " + " & ".join(body) + end)
    lines.append(r"\end{game}")
    if stack:  # two-line cells need taller rows
        lines = ["{" + r"\renewcommand{\gamestretch}{2.6}", *lines, "}"]
    return _latex_float("\n".join(lines), caption, label)


def _render_booktabs(players, strategies, a, b, rb, cb, marks, hl, caption, label, fmtval,
                     stack=False):
    m, n = len(a), len(a[0])
    cells = _cells(a, b, rb, cb, marks, "booktabs", fmtval)
    p0, p1 = (escape_latex(p) for p in players)
    lines = [rf"\begin{{tabular}}{{ll{'c' * n}}}", r"\toprule",
             rf" & & \multicolumn{{{n}}}{{c}}{{{p1}}} \\",
             rf"\cmidrule(l){{3-{n + 2}}}",
             " & & " + " & ".join("{" + escape_latex(s) + "}" for s in strategies[1]) + r" \\",
             r"\midrule"]
    for i in range(m):
        body = []
        for x, y, eq in cells[i]:
            pair = _pair(x, y, stack)
            body.append(_boxed(pair) if hl and eq else f"${pair}$")
        first = "{" + p0 + "}" if i == 0 else ""
        lines.append(f"{first} & {{{escape_latex(strategies[0][i])}}} & " + " & ".join(body)
                     + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return _latex_float("\n".join(lines), caption, label)


def _all_numeric(a, b) -> bool:
    return all(isinstance(v, Fraction | float | int) for r in (*a, *b) for v in r)


def _render_markdown(players, strategies, a, b, rb, cb, marks, hl, caption, label, fmtval):
    if _all_numeric(a, b):  # numbers read better on GitHub as text than as math
        def val(v, f):
            return escape_markdown(fmtval(v, "text"))
    else:
        def val(v, f):
            return "$" + fmtval(v, "markdown").replace("|", r"\vert ") + "$"
    cells = _cells(a, b, rb, cb, marks, "markdown", val)
    head = f"{escape_markdown(players[0])} \\\\ {escape_markdown(players[1])}"
    lines = ["| " + head + " | " + " | ".join(escape_markdown(s) for s in strategies[1]) + " |",
             "|---|" + "|".join(":---:" for _ in strategies[1]) + "|"]
    for i, row in enumerate(cells):
        body = [f"**{x}, {y}**" if hl and eq else f"{x}, {y}" for x, y, eq in row]
        lines.append(f"| **{escape_markdown(strategies[0][i])}** | " + " | ".join(body) + " |")
    if caption:
        lines += ["", f"Table: {escape_markdown(caption)}"]
    return "\n".join(lines)


def _render_html(players, strategies, a, b, rb, cb, marks, hl, caption, label, fmtval):
    if _all_numeric(a, b):
        def val(v, f):
            return html.escape(fmtval(v, "text"))
    else:
        def val(v, f):
            return html.escape(rf"\({fmtval(v, 'html')}\)")
    cells = _cells(a, b, rb, cb, marks, "html", val)
    esc = html.escape
    ident = f' id="{esc(label)}"' if label else ""
    out = [f'<table class="gametheory payoff-table"{ident}>']
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append(f'<thead><tr><th>{esc(players[0])} \\ {esc(players[1])}</th>'
               + "".join(f"<th>{esc(s)}</th>" for s in strategies[1]) + "</tr></thead><tbody>")
    for i, row in enumerate(cells):
        tds = []
        for x, y, eq in row:
            if hl and eq:
                tds.append('<td class="equilibrium" style="font-weight:bold;'
                           f'border:2px solid currentColor">{x}, {y}</td>')
            else:
                tds.append(f"<td>{x}, {y}</td>")
        out.append(f"<tr><th>{esc(strategies[0][i])}</th>{''.join(tds)}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _render_text(players, strategies, a, b, rb, cb, marks, hl, caption, label, fmtval):
    cells = _cells(a, b, rb, cb, marks and "star", "text", fmtval)
    n = len(a[0])
    body = [[strategies[0][i]] + [(f"[{x}, {y}]" if hl and eq else f"{x}, {y}")
                                  for x, y, eq in row] for i, row in enumerate(cells)]
    head = [f"{players[0]} \\ {players[1]}", *strategies[1]]
    widths = [max(len(r[k]) for r in [head, *body]) for k in range(n + 1)]
    lines = [caption] if caption else []
    for r in [head, *body]:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines)


_PAYOFF_RENDERERS: dict[str, Callable[..., str]] = {
    "sgame": _render_sgame, "booktabs": _render_booktabs, "markdown": _render_markdown,
    "html": _render_html, "text": _render_text,
}


# --------------------------------------------------------------------------- equilibria
def _num_cell(v: Any, number_format: str, digits: int) -> Math:
    return Math(latex_number(v, number_format, digits), text_number(v, number_format, digits))


def _mix_cell(mix: Sequence[Any], labels: Sequence[str], number_format: str,
              digits: int) -> tuple[Math, str]:
    terms_l, terms_t, support = [], [], []
    for k, p in enumerate(mix):
        if p > 0:
            support.append(labels[k])
            lab_l = r"\text{" + escape_latex(labels[k]) + "}"
            if p == 1:
                terms_l.append(lab_l)
                terms_t.append(labels[k])
            else:
                terms_l.append(f"{latex_number(p, number_format, digits)}\\,{lab_l}")
                terms_t.append(f"{text_number(p, number_format, digits)} {labels[k]}")
    return Math(" + ".join(terms_l), " + ".join(terms_t)), ", ".join(support)


def equilibrium_table(
    game_or_equilibria: Any,
    format: str = "booktabs",
    number_format: str = "exact",
    digits: int = 3,
    subgame_perfect: Sequence[bool | None] | None = None,
    caption: str | None = None,
    label: str | None = None,
    method: str = "exact",
    at: Mapping[str, Any] | None = None,
) -> str:
    r"""A table of equilibria: each player's strategy, the supports, payoffs and type.

    Parameters
    ----------
    game_or_equilibria : NormalFormGame, ParametricGame, GameTree, or a sequence of
        :class:`~gametheory.Equilibrium`.
        A ParametricGame or GameTree is taken at ``at`` (defaults fill the rest); for a
        game tree the equilibria of its reduced normal form are listed with a
        "Subgame perfect" column from its ``classify_equilibria``.
    format : {"booktabs", "markdown", "html", "text"}
    number_format, digits : see :func:`payoff_table`.
    subgame_perfect : sequence of bool or None, optional
        One flag per equilibrium; adds a "Subgame perfect" column.
    caption, label : str, optional
    method : str
        Solver method when a game is given.
    at : dict, optional
        Parameter values for a ParametricGame or GameTree.

    Examples
    --------
    >>> import gametheory as gt
    >>> mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]],
    ...                        players=("Probe", "Guard"),
    ...                        strategies=(("North", "South"), ("North", "South")))
    >>> print(gt.tables.equilibrium_table(mp, format="text"))
    #  Probe                  Guard                  Payoff to Probe  Payoff to Guard  Support
    -  ---------------------  ---------------------  ---------------  ---------------  ---------
    1  1/2 North + 1/2 South  1/2 North + 1/2 South  0                0                mixed 2x2
    """
    eqs, players, strategies, spe = _equilibria_of(game_or_equilibria, method, at)
    if subgame_perfect is not None:
        spe = list(subgame_perfect)
        if len(spe) != len(eqs):
            raise GameError(f"subgame_perfect has {len(spe)} flags for {len(eqs)} equilibria")
    header: list[Cell] = ["#", players[0], players[1], f"Payoff to {players[0]}",
                          f"Payoff to {players[1]}", "Support"]
    if spe is not None:
        header.append("Subgame perfect")
    rows = []
    for k, e in enumerate(eqs):
        r_mix, _ = _mix_cell(e.row, strategies[0], number_format, digits)
        c_mix, _ = _mix_cell(e.col, strategies[1], number_format, digits)
        sr, sc = e.support
        row: list[Cell] = [str(k + 1), r_mix, c_mix,
                           _num_cell(e.payoffs[0], number_format, digits),
                           _num_cell(e.payoffs[1], number_format, digits),
                           "pure" if e.is_pure else f"mixed {len(sr)}x{len(sc)}"]
        if spe is not None:
            row.append({True: "yes", False: "no", None: "unknown"}[spe[k]])
        rows.append(row)
    align = "rllrrl" + ("l" if spe is not None else "")
    return _list_table(header, rows, format, caption, label, align)


def _equilibria_of(obj: Any, method: str, at: Mapping[str, Any] | None = None):
    spe = None
    at = dict(at or {})
    if isinstance(obj, NormalFormGame):
        return obj.equilibria(method=method), obj.players, obj.strategies, None
    if hasattr(obj, "classify_equilibria"):  # a GameTree: SPE classification is known
        classified = obj.classify_equilibria(**at)
        eqs = [c.equilibrium for c in classified]
        spe = [bool(c.subgame_perfect) for c in classified]
        if not eqs:
            raise GameError("the game tree has no equilibria to tabulate")
        e0 = eqs[0]
        return eqs, e0.players, e0.strategies, spe
    if _is_parametric(obj):
        g = obj.at(**at)
        return g.equilibria(method=method), g.players, g.strategies, None
    if isinstance(obj, Iterable):
        eqs = list(obj)
        if not eqs:
            raise GameError("equilibrium_table got an empty list of equilibria")
        if not all(isinstance(e, Equilibrium) for e in eqs):
            raise GameError("equilibrium_table needs a game or a sequence of Equilibrium values")
        e0 = eqs[0]
        strategies = e0.strategies or (tuple(f"R{k + 1}" for k in range(len(e0.row))),
                                       tuple(f"C{k + 1}" for k in range(len(e0.col))))
        return eqs, e0.players, strategies, spe
    raise GameError(f"equilibrium_table cannot tabulate {type(obj).__name__}")


# --------------------------------------------------------------------------- regimes
def _field(item: Any, *names: str, default: Any = None) -> Any:
    """The first of ``names`` that ``item`` (a mapping or object) has with a non-empty value."""
    for n in names:
        if isinstance(item, Mapping) and n in item:
            v = item[n]
        elif not isinstance(item, Mapping) and hasattr(item, n):
            v = getattr(item, n)
        else:
            continue
        if v is not None and not (isinstance(v, str) and v == ""):
            return v
    return default


def readable_condition(cond: Any) -> Any:
    """A sympy condition rewritten for reading: each comparison as positive terms on both sides.

    ``lhs ? rhs`` becomes ``P ? N`` where ``lhs - rhs = P - N`` (common factors with a
    known sign taken out first); ``And``/``Or``/``Not`` are kept. The result is
    equivalent to ``cond``.

    Examples
    --------
    >>> import sympy as sp
    >>> h, r, c = sp.symbols("h r c", real=True)
    >>> readable_condition(-h - r >= -c)
    c >= h + r
    >>> readable_condition(sp.Rational(3, 4) * (c - h) < 0)
    c < h
    """
    import sympy as sp
    from sympy.core.relational import Relational

    if isinstance(cond, sp.And | sp.Or):
        return type(cond)(*(readable_condition(a) for a in cond.args), evaluate=False)
    if isinstance(cond, sp.Not):
        return sp.Not(readable_condition(cond.args[0]), evaluate=False)
    if not isinstance(cond, Relational):
        return cond
    f = sp.factor_terms(sp.expand(cond.lhs - cond.rhs))
    coeff, rest = f.as_coeff_Mul()
    if coeff.is_number and coeff != 0:
        if coeff < 0:
            cond = cond.reversed  # a > b  <=>  b < a; negate f below
            f = -f
            coeff, rest = f.as_coeff_Mul()
        f = rest
    common = sp.Integer(1)
    if isinstance(f, sp.Mul):  # keep a symbolic common factor (theta (...) >= theta (...))
        common = sp.Mul(*[a for a in f.args if not isinstance(a, sp.Add)])
        f = sp.Mul(*[a for a in f.args if isinstance(a, sp.Add)])
    f = sp.expand(f)
    pos = [t for t in sp.Add.make_args(f) if not t.could_extract_minus_sign()]
    neg = [-t for t in sp.Add.make_args(f) if t.could_extract_minus_sign()]
    lhs, rhs = sp.Add(*pos), sp.Add(*neg)
    if common != 1:
        lhs, rhs = sp.Mul(common, lhs, evaluate=False), sp.Mul(common, rhs, evaluate=False)
    return Relational(lhs, rhs, cond.rel_op)


def _math_of(expr: Any, symbols: Mapping[str, str]) -> Math:
    import sympy as sp

    if isinstance(expr, sp.Basic):
        return Math(latex_expr(expr, symbols), sp.sstr(expr))
    if isinstance(expr, Fraction | int | float) and not isinstance(expr, bool):
        return Math(latex_number(expr), text_number(expr))
    return Math(r"\text{" + escape_latex(expr) + "}", str(expr))


def regime_table(
    regimes: Any,
    format: str = "booktabs",
    symbols: Mapping[str, str] | None = None,
    parameters: Iterable[Any] | None = None,
    caption: str | None = None,
    label: str | None = None,
    readable: bool = True,
) -> str:
    r"""A table of regimes and the symbolic condition under which each holds.

    Parameters
    ----------
    regimes : ParametricGame, mapping or sequence
        A ParametricGame (its named ``regime_rules``, else the equilibrium-structure
        partition of ``.regimes()``), a mapping ``name -> sympy condition``, or
        a sequence of ``(name, condition)`` pairs or objects/dicts with ``name`` and
        ``condition`` (and optionally ``equilibrium``/``description``).
    format : {"booktabs", "markdown", "html", "text"}
    symbols : mapping, optional
        LaTeX symbol per parameter name; ``parameters`` (names or Parameters) fills it.
    caption, label : str, optional
    readable : bool
        Rewrite each comparison with positive terms on both sides
        (:func:`readable_condition`); the conditions stay equivalent.

    Examples
    --------
    >>> import sympy as sp, gametheory as gt
    >>> v, c = sp.symbols("probe_value probe_cost", positive=True)
    >>> print(gt.tables.regime_table({"no incentive to probe": v <= c,
    ...                               "tolerated probing": v > c},
    ...                              format="markdown", symbols={"probe_value": "v",
    ...                                                          "probe_cost": "c_p"}))
    | Regime | Condition |
    |---|---|
    | no incentive to probe | $v \leq c_p$ |
    | tolerated probing | $v > c_p$ |
    """
    syms: dict[str, str] = {}
    if _is_parametric(regimes):
        syms.update(latex_symbol_names(regimes.parameters))
        rules = getattr(regimes, "regime_rules", ())
        regimes = list(rules) if rules else regimes.regimes()
    if parameters is not None:
        syms.update(latex_symbol_names(parameters))
    syms.update(symbols or {})
    items = list(regimes.items()) if isinstance(regimes, Mapping) else list(regimes)
    rows, extra = [], []
    for it in items:
        if isinstance(it, tuple) and len(it) == 2:
            name, cond, eqm, desc = it[0], it[1], None, None
        else:
            name = _field(it, "name", "regime", "label")
            cond = _field(it, "condition", "conditions")
            eqm = _field(it, "equilibrium", "profile")
            desc = _field(it, "description")
        if name is None or cond is None:
            raise GameError(f"regime_table: cannot read a name and condition from {it!r}")
        if readable and hasattr(cond, "atoms"):
            cond = readable_condition(cond)
        rows.append((str(name), _math_of(cond, syms), eqm, desc))
    has_eq = any(r[2] is not None for r in rows)
    has_desc = any(r[3] for r in rows)
    header: list[Cell] = ["Regime", "Condition"]
    if has_eq:
        header.append("Equilibrium")
        extra.append(2)
    if has_desc:
        header.append("Description")
    body = []
    for name, cond, eqm, desc in rows:
        r: list[Cell] = [name, cond]
        if has_eq:
            r.append(", ".join(map(str, eqm)) if isinstance(eqm, tuple | list)
                     else ("" if eqm is None else str(eqm)))
        if has_desc:
            r.append(desc or "")
        body.append(r)
    align = "l" + r"p{0.62\linewidth}" + "l" * (len(header) - 2)
    return _list_table(header, body, format, caption, label, align)


def threshold_table(
    thresholds: Any,
    format: str = "booktabs",
    symbols: Mapping[str, str] | None = None,
    parameters: Iterable[Any] | None = None,
    number_format: str = "decimal",
    digits: int = 3,
    caption: str | None = None,
    label: str | None = None,
) -> str:
    r"""A table of parameter thresholds: where each lies, exactly and numerically.

    Parameters
    ----------
    thresholds : mapping or sequence
        ``gt.thresholds`` output (its regimes, else equilibrium structures, become the
        Below/Above columns), a mapping ``label -> value`` or a sequence of
        objects/dicts with ``value`` and optionally ``parameter``, ``expression``
        (the exact formula), ``below``/``above`` (what holds on each side) and
        ``description``.
    format : {"booktabs", "markdown", "html", "text"}
    symbols, parameters : LaTeX symbols, as in :func:`regime_table`.
    number_format, digits : formatting of the numeric value.

    Examples
    --------
    >>> import gametheory as gt
    >>> from fractions import Fraction
    >>> print(gt.tables.threshold_table(
    ...     [{"parameter": "credibility_loss", "value": Fraction(7, 2),
    ...       "below": "Under-react", "above": "Intercept"}], format="text"))
    Parameter         Value  Exact  Below        Above
    ----------------  -----  -----  -----------  ---------
    credibility_loss  3.500  7/2    Under-react  Intercept
    """
    syms: dict[str, str] = dict(latex_symbol_names(parameters or []))
    syms.update(symbols or {})
    if hasattr(thresholds, "thresholds") and not isinstance(thresholds, Mapping):
        thresholds = thresholds.thresholds
    if isinstance(thresholds, Mapping):
        items: list[Any] = [{"parameter": k, "value": v} for k, v in thresholds.items()]
    else:
        items = list(thresholds)
    cols = {"parameter": False, "value": True, "expression": False, "below": False,
            "above": False, "description": False}
    recs = []
    for it in items:
        rec = {"parameter": _field(it, "parameter", "name"),
               "value": _field(it, "value", "threshold"),
               "expression": _field(it, "expression", "formula"),
               "below": _field(it, "below", "left", "regime_before", "before"),
               "above": _field(it, "above", "right", "regime_after", "after"),
               "description": _field(it, "description", "meaning")}
        if rec["value"] is not None and _field(it, "exact") is False:
            rec["expression"] = ""  # a numeric (bracketed) threshold has no exact form
        if rec["value"] is None and rec["expression"] is None:
            raise GameError(f"threshold_table: no value in {it!r}")
        if rec["expression"] is None:
            rec["expression"] = rec["value"]
        for k, v in rec.items():
            if v is not None:
                cols[k] = True
        recs.append(rec)
    names = {"parameter": "Parameter", "value": "Value", "expression": "Exact",
             "below": "Below", "above": "Above", "description": "Description"}
    use = [k for k, on in cols.items() if on]
    header: list[Cell] = [names[k] for k in use]
    body = []
    for rec in recs:
        row: list[Cell] = []
        for k in use:
            v = rec[k]
            if v is None:
                row.append("")
            elif k == "value":
                row.append(_numeric_of(v, number_format, digits))
            elif k == "expression":
                row.append(_math_of(_sym_or_num(v), syms))
            else:
                row.append(str(v) if not isinstance(v, tuple | list) else ", ".join(map(str, v)))
        body.append(row)
    return _list_table(header, body, format, caption, label)


def _sym_or_num(v: Any) -> Any:
    v = _sym_value(v)
    return v


def _numeric_of(v: Any, number_format: str, digits: int) -> Cell:
    try:
        x = _sym_value(v)
        if not isinstance(x, Fraction | int | float):
            x = float(x)
    except (TypeError, ValueError):
        return str(v)
    return _num_cell(x, number_format, digits)


# --------------------------------------------------------------------------- sweeps
_NON_PARAMETER = {"point", "equilibrium", "support", "regime"}


def _parameter_columns(frame: Any, result: Any) -> list[str]:
    params = getattr(result, "parameters", None)
    if params:
        names = [p if isinstance(p, str) else p.name for p in params]
        return [c for c in names if c in frame.columns]
    return [c for c in frame.columns if c not in _NON_PARAMETER and ":" not in c
            and frame[c].dtype.kind in "fiu"]


def sweep_summary_table(
    sweep_result: Any,
    format: str = "booktabs",
    by: str = "regime",
    digits: int = 3,
    caption: str | None = None,
    label: str | None = None,
) -> str:
    r"""Summary of a sensitivity sweep: each regime's share of points and parameter ranges.

    Parameters
    ----------
    sweep_result : SweepResult or pandas.DataFrame
        ``gt.sweep`` output (its ``.frame``) with a ``"point"`` column (one id per
        parameter point) and the ``by`` column.
    format : {"booktabs", "markdown", "html", "text"}
    by : str
        Column to group by (default ``"regime"``).
    digits : int
        Decimals of the parameter ranges.

    Examples
    --------
    >>> import pandas as pd, gametheory as gt
    >>> f = pd.DataFrame({"cost": [0.0, 1.0, 2.0, 3.0], "point": [0, 1, 2, 3],
    ...                   "regime": ["deterrence", "deterrence", "spiral", "spiral"]})
    >>> print(gt.tables.sweep_summary_table(f, format="text", digits=1))
    Regime      Points  Share  cost
    ----------  ------  -----  ---------
    deterrence  2       50%    0.0 - 1.0
    spiral      2       50%    2.0 - 3.0
    """
    frame = getattr(sweep_result, "frame", sweep_result)
    if not hasattr(frame, "groupby") or by not in getattr(frame, "columns", ()):
        raise GameError(f"sweep_summary_table needs a SweepResult or DataFrame with a {by!r} "
                        "column")
    params = _parameter_columns(frame, sweep_result)
    point = frame["point"] if "point" in frame.columns else frame.index.to_series()
    total = point.nunique()
    header: list[Cell] = [by.capitalize(), "Points", "Share", *params]
    body = []
    for key, grp in frame.groupby(by, sort=False, dropna=False):
        npts = (grp["point"] if "point" in grp.columns else grp.index.to_series()).nunique()
        row: list[Cell] = [str(key), str(npts), f"{100 * npts / max(total, 1):.0f}%"]
        for p in params:
            lo, hi = float(grp[p].min()), float(grp[p].max())
            row.append(f"{lo:.{digits}f}" if lo == hi else f"{lo:.{digits}f} - {hi:.{digits}f}")
        body.append(row)
    return _list_table(header, body, format, caption, label)
