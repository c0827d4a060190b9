r"""Payoff tables of games with three or more players: one matrix per strategy of the rest.

A three-player game is shown as the usual layout of the economists' textbooks: for each
strategy :math:`k` of player 3 a matrix of player 1 (rows) against player 2 (columns)
whose cells hold all three payoffs :math:`u_1, u_2, u_3`; with more players, one matrix
per profile of players 3, ..., n. A payoff is marked (underlined; ``*`` in text) when it
is its player's best reply to the others' strategies in that cell, and a cell where all
are marked, a pure equilibrium, is boxed (LaTeX), bold (Markdown, HTML) or bracketed
(text). Formats: ``"sgame"`` (Osborne's ``game`` environments side by side, each titled
with the strategy of player 3), ``"booktabs"`` (one ``tabular`` per matrix), ``"markdown"``,
``"html"`` and ``"text"``. :func:`gametheory.tables.payoff_table` sends games of more
than two players here.

Examples
--------
>>> import numpy as np, gametheory as gt
>>> U = np.zeros((2, 2, 2), dtype=int); U[0, 0, 0] = U[1, 1, 1] = 1
>>> g = gt.NormalFormGame(U, U, U, players=("A", "B", "C"))
>>> print(nplayer_payoff_table(g, format="markdown", caption=""))
**C: s1**
<BLANKLINE>
| A \ B | s1 | s2 |
|---|---|---|
| s1 | **<u>1</u>, <u>1</u>, <u>1</u>** | <u>0</u>, 0, <u>0</u> |
| s2 | 0, <u>0</u>, <u>0</u> | <u>0</u>, <u>0</u>, 0 |
<BLANKLINE>
**C: s2**
<BLANKLINE>
| A \ B | s1 | s2 |
|---|---|---|
| s1 | <u>0</u>, <u>0</u>, 0 | 0, <u>0</u>, <u>0</u> |
| s2 | <u>0</u>, 0, <u>0</u> | **<u>1</u>, <u>1</u>, <u>1</u>** |
"""

from __future__ import annotations

import html as _html
from typing import Any, Protocol

import numpy as np

from ..._latex import escape_latex
from ..._numbers import format_number
from ...errors import GameError
from .base import Table, fit_width, latex_float

__all__ = ["nplayer_payoff_table", "NPLAYER_FORMATS"]

#: The formats of n-player payoff tables.
NPLAYER_FORMATS = ("sgame", "booktabs", "markdown", "html", "text")


class NPlayerGame(Protocol):
    """What the table reads of a game: names, labels, title and payoff arrays."""

    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    title: str
    shape: tuple[int, ...]
    payoff_arrays: tuple[np.ndarray, ...]
    is_exact: bool


def _best(arrays: tuple[np.ndarray, ...]) -> list[np.ndarray]:
    """Per player, whether each cell's payoff is a best reply (max along its own axis)."""
    out = []
    for i, u in enumerate(arrays):
        if u.dtype == object:
            m = np.max(u, axis=i, keepdims=True)
            out.append(np.vectorize(lambda a, b: a == b, otypes=[bool])(u, m))
        else:
            f = u.astype(float)
            out.append(f.max(axis=i, keepdims=True) - f <= 1e-9 * max(1.0, np.abs(f).max()))
    return out


def _number(v: Any, latex: bool, number_format: str, digits: int) -> str:
    if number_format == "decimal":
        text = f"{float(v):.{digits}f}"
    elif number_format == "sig":
        text = f"{float(v):.{digits}g}"
    else:
        text = format_number(v)
        if latex and "/" in text:
            num, den = text.split("/")
            sign = "-" if num.startswith("-") else ""
            text = rf"{sign}\tfrac{{{num.lstrip('-')}}}{{{den}}}"
    return text


def nplayer_payoff_table(game: NPlayerGame, format: str = "sgame",
                         number_format: str = "exact", digits: int = 3,
                         mark_best_replies: str | None = "underline",
                         highlight_equilibria: bool = True, caption: str | None = None,
                         label: str | None = None, width: str | None = "linewidth") -> Table:
    """The payoff table of a game of three or more players (see the module docstring).

    Parameters are those of :func:`gametheory.tables.payoff_table` that apply to numbers
    (``symbolic``/``at``/``stack`` are for two-player parametric games).
    """
    if format not in NPLAYER_FORMATS:
        raise GameError(f"n-player payoff tables come in {', '.join(NPLAYER_FORMATS)}; "
                        f"got format={format!r}")
    if number_format not in ("exact", "decimal", "sig"):
        raise GameError(f"number_format must be 'exact', 'decimal' or 'sig'; got "
                        f"{number_format!r}")
    if mark_best_replies not in ("underline", "star", None):
        raise GameError("mark_best_replies must be 'underline', 'star' or None")
    arrays = game.payoff_arrays
    best = _best(arrays)
    latex = format in ("sgame", "booktabs")
    caption = game.title if caption is None else caption
    players, strategies = game.players, game.strategies
    m, n = game.shape[:2]

    def cell(idx: tuple[int, ...]) -> str:
        parts = []
        for i, u in enumerate(arrays):
            t = _number(u[idx], latex, number_format, digits)
            if mark_best_replies and best[i][idx]:
                if mark_best_replies == "star" or format == "text":
                    t += "^*" if latex else "*"
                elif latex:
                    t = rf"\underline{{{t}}}"
                elif format == "markdown":
                    t = f"<u>{t}</u>"
                else:
                    t = f"<u>{_html.escape(t)}</u>"
            elif format == "html":
                t = _html.escape(t)
            parts.append(t)
        text = ", ".join(parts)
        eq = highlight_equilibria and all(b[idx] for b in best)
        if latex:
            return rf"{{\fboxsep=1.5pt$\boxed{{{text}}}$}}" if eq else f"${text}$"
        if eq:
            return {"markdown": f"**{text}**", "html": f"<b>{text}</b>",
                    "text": f"[{text}]"}[format]
        return text

    slices = []
    for rest in np.ndindex(*game.shape[2:]):
        title = ", ".join(f"{players[p]}: {strategies[p][k]}"
                          for p, k in zip(range(2, len(players)), rest, strict=True))
        cells = [[cell((i, j, *rest)) for j in range(n)] for i in range(m)]
        slices.append((title, cells))
    if format == "sgame":
        e = escape_latex
        games = []
        for title, cells in slices:
            rows = [rf"\begin{{game}}{{{m}}}{{{n}}}[{{{e(players[0])}}}][{{{e(players[1])}}}]"
                    rf"[{{{e(title)}}}]",
                    " & " + " & ".join("{" + e(s) + "}" for s in strategies[1]) + r" \\"]
            rows += ["{" + e(strategies[0][i]) + "} & " + " & ".join(cells[i])
                     + (r" \\" if i < m - 1 else "") for i in range(m)]
            rows.append(r"\end{game}")
            games.append("\n".join(rows))
        body = fit_width("\n\\hspace{1.5em}\n".join(games), width)
        return Table(latex_float(body, caption, label), format)
    if format == "booktabs":
        e = escape_latex
        tabs = []
        for title, cells in slices:
            rows = [r"\begin{tabular}{l" + "c" * n + "}",
                    rf"\multicolumn{{{n + 1}}}{{c}}{{{e(title)}}} \\", r"\toprule",
                    rf"{e(players[0])} $\backslash$ {e(players[1])} & "
                    + " & ".join(e(s) for s in strategies[1]) + r" \\", r"\midrule"]
            rows += ["{" + e(strategies[0][i]) + "} & " + " & ".join(cells[i]) + r" \\"
                     for i in range(m)]  # braces: a label "[x]" after \\ is no option
            rows += [r"\bottomrule", r"\end{tabular}"]
            tabs.append("\n".join(rows))
        body = fit_width("\n\\hspace{1.5em}\n".join(tabs), width)
        return Table(latex_float(body, caption, label), format)
    if format == "markdown":
        blocks = [f"**{caption}**"] if caption else []
        for title, cells in slices:
            head = f"| {players[0]} \\ {players[1]} | " + " | ".join(strategies[1]) + " |"
            rows = [head, "|" + "---|" * (n + 1)]
            rows += [f"| {strategies[0][i]} | " + " | ".join(cells[i]) + " |" for i in range(m)]
            blocks.append(f"**{title}**\n\n" + "\n".join(rows))
        return Table("\n\n".join(blocks), format)
    if format == "html":
        esc = _html.escape
        out = []
        for title, cells in slices:
            rows = [f"<tr><th>{esc(players[0])} \\ {esc(players[1])}</th>"
                    + "".join(f"<th>{esc(s)}</th>" for s in strategies[1]) + "</tr>"]
            rows += [f"<tr><th>{esc(strategies[0][i])}</th>"
                     + "".join(f"<td>{c}</td>" for c in cells[i]) + "</tr>" for i in range(m)]
            cap = esc(f"{caption}: {title}" if caption else title)
            out.append(f"<table><caption>{cap}</caption>{''.join(rows)}</table>")
        return Table("\n".join(out), format)
    blocks = [caption] if caption else []
    for title, cells in slices:
        head = [f"{players[0]} \\ {players[1]}", *strategies[1]]
        body = [[strategies[0][i], *cells[i]] for i in range(m)]
        widths = [max(len(r[k]) for r in [head, *body]) for k in range(n + 1)]
        lines = [f"[{title}]"] + ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))
                                  .rstrip() for r in [head, *body]]
        blocks.append("\n".join(lines))
    return Table("\n\n".join(blocks), format)
