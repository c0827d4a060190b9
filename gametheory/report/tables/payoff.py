r"""Payoff tables of two-player games, in every registered format.

A payoff table of a two-player game lists, for row strategy :math:`i` and column
strategy :math:`j`, the pair :math:`(A_{ij}, B_{ij})`. Row's payoff :math:`A_{ij}` is a
*best reply* when :math:`A_{ij} = \max_k A_{kj}` and column's :math:`B_{ij}` when
:math:`B_{ij} = \max_l B_{il}`; a cell where both are best replies is a pure Nash
equilibrium. Marking best replies (underlined, or starred) and boxing the equilibrium
cells is the textbook convention (Osborne, *An Introduction to Game Theory*, 2004,
sec. 2.8; Gibbons, *A Primer in Game Theory*, 1992, sec. 1.1.C).

:func:`payoff_table` works out the payoffs, best replies and labels once (a
:class:`~.base.PayoffGrid`) and hands them to the format's renderer from
:data:`~.registry.FORMATS`.

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

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from ..._latex import (
    check_number_format,
    latex_expr,
    latex_expr_lines,
    latex_number,
    latex_symbol_names,
    text_number,
    visible_length,
)
from ...core.game import NormalFormGame
from ...core.parametric import ParametricGame
from ...errors import GameError
from .base import WRAP_CHARS, PayoffGrid, Table, check_label, check_width
from .nplayer import nplayer_payoff_table
from .registry import payoff_format
from .values import sym_value

__all__ = ["payoff_table", "MARKS"]

#: The line a table fitted to the line is laid out for: ``\linewidth`` of a plain
#: ``article`` at 10 pt, in pt (a narrower line still gets the table scaled down).
LINE_PT = 345.0
#: Printed width of one visible character of a formula (:func:`visible_length`), in pt,
#: with the spacing of its binary operators (measured on the probe-response formulas in
#: 10 pt Computer Modern: 16 characters print 98 to 117 pt).
_MATH_PT = 7.0
#: Printed width of one character of a (wrapped) label, in pt.
_TEXT_PT = 5.0
#: Horizontal padding of a column (two ``\tabcolsep``) and a continuation line's
#: indentation (``\enspace``), in pt.
_COLUMN_PT, _INDENT_PT = 12.0, 5.0
#: Fewest characters a formula line is cut to, however many columns share the line.
_MIN_CHARS = 8


def line_chars(players: Sequence[str], strategies: Sequence[Sequence[str]],
               line_pt: float = LINE_PT) -> int:
    r"""Printed characters per line of a long payoff formula, so that the table fits.

    The line's width, less the row labels (the row player's name and the widest row
    strategy, each wrapped at :data:`~.base.WRAP_CHARS` characters), is shared by the
    :math:`n` columns (``sgame`` makes every column as wide as the widest cell); each
    column loses its padding and the indentation of a continuation line, and what is
    left is divided by the width of a printed character of a formula. A 2x2 table
    gets about 14 characters a line, a 2x3 table about 9, never fewer than 8.

    >>> line_chars(("Aggressor", "Defender"), (("Refrain", "Probe"), ("U", "I")))
    14
    >>> line_chars(("Aggressor", "Defender"), (("Refrain", "Probe"), ("U", "I", "X")))
    9
    """
    n = max(1, len(strategies[1]))
    label = min(len(str(players[0])), WRAP_CHARS) + max(
        (min(len(str(x)), WRAP_CHARS) for x in strategies[0]), default=0)
    room = (line_pt - label * _TEXT_PT - 2 * _COLUMN_PT) / n - _COLUMN_PT - _INDENT_PT
    return max(_MIN_CHARS, int(room / _MATH_PT))

#: How best replies may be marked.
MARKS = ("underline", "star", None)


@runtime_checkable
class HasNormalForm(Protocol):
    """A game with a normal form (a game tree: its reduced normal form of plans)."""

    def to_normal_form(self) -> Any: ...


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
    width: str | None = "linewidth",
) -> Table:
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
        for symbolic tables whose longest payoff exceeds 30 characters of LaTeX (16
        when fitted to the line).
    width : {"linewidth", None}
        LaTeX width policy (booktabs, sgame): ``"linewidth"`` fits the table to
        ``\linewidth`` (labels wrapped, long entries on several lines, then scaled down
        if still too wide, never up); None keeps the natural width. Other formats ignore
        it.

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
    >>> print(gt.tables.payoff_table(g, format="sgame", caption="", width=None))
    \begin{game}{2}{2}[{Aggressor}][{Defender}]
     & {Tolerate} & {Intercept} \\
    {Refrain} & $0, \underline{0}$ & {\fboxsep=1.5pt$\boxed{\underline{0}, \underline{0}}$} \\
    {Probe} & {\fboxsep=1.5pt$\boxed{\underline{2}, \underline{-2}}$} & $-1, -3$
    \end{game}
    >>> r"\resizebox{\linewidth}" in gt.tables.payoff_table(g, format="sgame")
    True
    """
    if getattr(game, "n_players", 2) > 2:  # one matrix per strategy of players 3..n
        return nplayer_payoff_table(game, format, number_format, digits, mark_best_replies,
                                    highlight_equilibria, caption, label, width)
    renderer = payoff_format(format)
    if mark_best_replies not in MARKS:
        raise GameError(f"mark_best_replies {mark_best_replies!r} is not one of {list(MARKS)}")
    check_number_format(number_format, digits)
    check_label(label)
    check_width(width)
    if isinstance(game, HasNormalForm) and not isinstance(game, NormalFormGame | ParametricGame):
        game = game.to_normal_form()  # a GameTree: its (reduced) normal form of plans
    symbols: dict[str, str] = {}
    if isinstance(game, ParametricGame):
        symbols = latex_symbol_names(game.parameters)
        if symbol_names:
            symbols.update(symbol_names)
        if symbolic is None or symbolic:
            import sympy as sp

            A, B = sp.Matrix(game.A), sp.Matrix(game.B)
            m, n = A.shape
            a = [[sym_value(A[i, j]) for j in range(n)] for i in range(m)]
            b = [[sym_value(B[i, j]) for j in range(n)] for i in range(m)]
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
    chars = line_chars(players, strategies)
    if stack is None:  # stack when a cell's pair would be wider than a formula line
        stack = sym and max(
            visible_length(_payoff_value(x, True, number_format, digits, symbols))
            + visible_length(_payoff_value(y, True, number_format, digits, symbols)) + 1
            for ra, rb in zip(a, b, strict=True) for x, y in zip(ra, rb, strict=True)
        ) > (30 if width is None else chars)

    def lines(v: Any) -> list[str]:
        if isinstance(v, sp.Basic):
            return latex_expr_lines(v, symbols, chars=chars)
        return [_payoff_value(v, True, number_format, digits, symbols)]

    grid = PayoffGrid(players, strategies, a, b, row_best, col_best, marks,
                      highlight_equilibria and not sym, caption, label, bool(stack),
                      lambda v, tex: _payoff_value(v, tex, number_format, digits, symbols),
                      width, lines if sym and width is not None else None)
    return Table(renderer.payoff(grid), format)


def _payoff_value(v: Any, tex: bool, number_format: str, digits: int,
                  symbols: Mapping[str, str]) -> str:
    """One payoff as LaTeX math (``tex``; for LaTeX, Markdown and HTML) or plain text."""
    import sympy as sp

    if isinstance(v, sp.Basic):
        if not tex:
            return sp.sstr(v)
        return latex_expr(v, symbols)
    if not tex:
        return text_number(v, number_format, digits)
    return latex_number(v, number_format, digits)
