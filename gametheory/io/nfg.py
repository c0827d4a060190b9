r"""Gambit strategic-form (``.nfg``) files: reading and writing two-player games.

A finite strategic-form game with players :math:`1, 2` and strategy sets
:math:`S_1 = \{1, \dots, m\}`, :math:`S_2 = \{1, \dots, n\}` is a table of payoff pairs
:math:`(A_{ij}, B_{ij})`, one per pure-strategy profile :math:`(i, j)`. A Gambit file
lists the :math:`mn` profiles in *mixed-radix counting order with the first player's
strategy as the fastest digit*: profile :math:`(i, j)` (1-based) is entry number

.. math::  k(i, j) = (i - 1) + m\,(j - 1) + 1, \qquad k = 1, \dots, mn,

so the list runs :math:`(1,1), (2,1), \dots, (m,1), (1,2), \dots` -- column by column
of the bimatrix, not row by row. (As Gambit's format documentation spells out for its
``e02.nfg`` example; the sample files agree, e.g. ``coord2.nfg``'s ``3 2 0 0 0 0 2 2`` is
the coordination game with :math:`A = \begin{psmallmatrix}3&0\\0&2\end{psmallmatrix}`.)

The file has a prologue and one of two bodies (McKelvey, McLennan and Turocy, *Gambit:
Software Tools for Game Theory*, "Game representation formats": "The strategic game
(.nfg) file format, payoff version" and "..., outcome version")::

    NFG 1 R "title" { "player 1" "player 2" }
    { { "s1" "s2" } { "t1" "t2" "t3" } }      or the counts   { 2 3 }
    "optional description, may span lines"
    body

* payoff version: :math:`2mn` numbers, the two players' payoffs of each profile in the
  order above (``A[0,0] B[0,0] A[1,0] B[1,0] ...``);
* outcome version: a brace list of outcomes ``{ "label" a, b }`` numbered 1, 2, ... in
  order, then :math:`mn` outcome numbers in the order above; outcome ``0`` is the null
  outcome paying zero to both players; outcomes may be reused and listed in any order.

Lexical rules, following Gambit's own reader: whitespace (spaces, tabs, newlines) only
separates tokens; text is in double quotes and may span lines, with ``\"`` standing for
a quote; numbers are integers (``-3``, ``007``), decimals (``7.32``, ``.5``), scientific
(``1.5e-3``) or fractions (``-3/4``); commas between payoffs are optional. ``NFG 1 R``
and ``NFG 1 D`` headers are both read, and every number is kept exact as a
:class:`~fractions.Fraction` (decimal text *is* a rational number: ``7.32`` is
:math:`183/25`), so ``D`` files are exact too.

Labels. :class:`~gametheory.NormalFormGame` needs non-empty, unique labels; Gambit files
need not have them. The reader normalises them deterministically:

1. an empty strategy label becomes its 1-based position as text (the second strategy
   ``""`` becomes ``"2"``); an empty player name becomes ``"Player 1"`` / ``"Player 2"``;
2. then every label that occurs more than once *in the same list* is replaced at each
   occurrence by ``label_k``, ``k = 1, 2, ...`` counting its occurrences, skipping a
   candidate that is already a label of that list (the rule of Gambit's own reader), so
   ``"C" "C" "C_1"`` becomes ``"C_2" "C_3" "C_1"``.

The raw labels stay available on :class:`NfgFile` from :func:`parse_nfg`.

Writing. :func:`to_nfg` writes the outcome version with every label, one outcome per
profile, numbers exact (``p/q``; floats as their exact decimal expansion), so that
``read_nfg(to_nfg(g)) == g``. Gambit 16.7 reads only labels of printable ASCII with single
inner spaces, refuses a label equal to the number of a later strategy (``"3"`` on the
first of three) and ASCII-only titles; :func:`to_nfg` warns when a game breaks these rules
and ``gambit_safe=True`` writes :func:`gambit_safe_labels` instead.

Backslashes. ``\"`` is a quote and ``\\`` a single backslash; any other backslash is kept
as it is. The writer escapes a backslash only where it precedes a quote or a backslash or
ends a label; labels without such a backslash are written exactly as Gambit writes them.

Examples
--------
>>> import gametheory as gt
>>> text = '''NFG 1 R "Coordination" { "Ann" "Bob" } { { "L" "R" } { "l" "r" } }
... 3 2 0 0 0 0 2 2'''
>>> g = gt.read_nfg(text)
>>> print(g)
Coordination
Ann \ Bob  l     r
L          3, 2  0, 0
R          0, 0  2, 2
>>> gt.read_nfg(g.to_nfg()) == g
True
"""

from __future__ import annotations

import os
import re
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .._limits import MAX_NFG_BYTES, MAX_NFG_NUMBER_LENGTH
from .._numbers import NotANumber, parse_number_text
from ..errors import ParseError
from .files import read_limited

if TYPE_CHECKING:  # pragma: no cover
    from ..core.game import NormalFormGame

__all__ = ["read_nfg", "parse_nfg", "to_nfg", "write_nfg", "gambit_safe_labels", "NfgFile",
           "MAX_CELLS", "gambit_quote", "gambit_number"]

#: Largest number of strategy profiles (m * n) the reader accepts by default.
MAX_CELLS = 10**7

_TOKEN_RE = re.compile(
    r'\s*(?:(?P<punct>[{},])|(?P<str>"(?:[^"\\]|\\.)*")|(?P<badstr>")'
    r'|(?P<word>[^\s{}",]+)|(?P<eof>\Z))',
    re.DOTALL,
)
_NUMBER_START_RE = re.compile(r"[+-]?\.?\d")
_PLAIN_INT_RE = re.compile(r"[+-]?\d+")
_INTEGER_RE = re.compile(r"\+?\d+")
_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
_TEXT_START_RE = re.compile(r"\ufeff?\s*NFG\s")
_BAD_BACKSLASH_RE = re.compile(r'\\(?=["\\]|$)')  # Gambit's reader garbles these
_DEFAULT_LABEL_RE = re.compile(r"[1-9][0-9]*")


class _Token(NamedTuple):
    kind: str  # "number", "text", "symbol", "{", "}", ",", "eof"
    text: str  # raw text; for "text" the decoded string content
    line: int
    column: int


def _unescape(body: str) -> str:
    return _ESCAPE_RE.sub(lambda m: m.group(1) if m.group(1) in '"\\' else m.group(0), body)


def _tokenize(text: str) -> list[_Token]:
    """Split ``.nfg`` text into tokens, each with its 1-based line and column.

    Whitespace (any, including newlines inside the layout) only separates tokens; line
    numbers count ``\\n`` characters, so CRLF files count lines as editors do.
    """
    tokens: list[_Token] = []
    append = tokens.append
    match = _TOKEN_RE.match
    number_start = _NUMBER_START_RE.match
    line, line_start, pos = 1, 0, 0
    while True:
        m = match(text, pos)
        kind = m.lastgroup if m is not None else None
        start = m.start(kind) if kind is not None else pos
        nl = text.count("\n", pos, start)
        if nl:
            line += nl
            line_start = text.rindex("\n", pos, start) + 1
        col = start - line_start + 1
        if kind == "punct":
            raw = m.group(kind)
            append(_Token(raw, raw, line, col))
        elif kind == "word":
            raw = m.group(kind)
            append(_Token("number" if number_start(raw) else "symbol", raw, line, col))
        elif kind == "str":
            raw = m.group(kind)
            append(_Token("text", _unescape(raw[1:-1]), line, col))
            nl = raw.count("\n")
            if nl:
                line += nl
                line_start = start + raw.rindex("\n") + 1
        elif kind == "eof":
            append(_Token("eof", "", line, col))
            return tokens
        elif kind == "badstr":
            raise ParseError("text starting here has no closing double quote", line=line,
                             column=col, token='"')
        else:  # pragma: no cover  (the alternatives cover every character)
            raise ParseError("unreadable character", line=line, column=col)
        pos = m.end()


def _describe(tok: _Token) -> str:
    if tok.kind == "eof":
        return "the end of the file"
    if tok.kind == "text":
        shown = tok.text if len(tok.text) <= 30 else tok.text[:27] + "..."
        return f"text {shown!r}"
    return repr(tok.text)


class _Parser:
    def __init__(self, text: str, max_cells: int) -> None:
        self.tokens = _tokenize(text)
        self.pos = 0
        self.max_cells = max_cells
        self.cache: dict[str, Fraction] = {}

    # ------------------------------------------------------------------ helpers
    @property
    def tok(self) -> _Token:
        return self.tokens[self.pos]

    def advance(self) -> _Token:
        tok = self.tokens[self.pos]
        if tok.kind != "eof":
            self.pos += 1
        return tok

    def error(self, message: str, tok: _Token | None = None) -> ParseError:
        tok = self.tok if tok is None else tok
        return ParseError(message, line=tok.line, column=tok.column,
                          token=None if tok.kind == "eof" else tok.text)

    def expect(self, kind: str, what: str) -> _Token:
        if self.tok.kind != kind:
            raise self.error(f"expected {what}, found {_describe(self.tok)}")
        return self.advance()

    def number(self, what: str) -> Fraction:
        tok = self.tok
        if tok.kind != "number":
            raise self.error(f"expected {what} (a number such as 2, -3/4, 7.32 or 1e-3), "
                             f"found {_describe(tok)}")
        value = self.cache.get(tok.text)
        if value is None:
            if len(tok.text) > MAX_NFG_NUMBER_LENGTH:
                raise self.error(f"{what}: number of {len(tok.text)} characters is too long "
                                 f"(at most {MAX_NFG_NUMBER_LENGTH})")
            try:
                value = (Fraction(int(tok.text)) if _PLAIN_INT_RE.fullmatch(tok.text)
                         else parse_number_text(tok.text))
            except NotANumber as err:
                raise self.error(f"{what}: {err}") from None
            self.cache[tok.text] = value
        self.pos += 1
        return value

    def skip_comma(self) -> None:
        if self.tok.kind == ",":
            self.advance()

    # ------------------------------------------------------------------ grammar
    def header(self) -> tuple[str, str]:
        tok = self.tok
        if tok.kind != "symbol" or tok.text != "NFG":
            if tok.kind == "symbol" and tok.text == "EFG":
                raise self.error("this is a Gambit extensive-form (EFG) file; read_nfg reads "
                                 "strategic-form files, which start with 'NFG 1 R'")
            raise self.error(f"a Gambit strategic-form file starts with 'NFG 1 R' or "
                             f"'NFG 1 D', found {_describe(tok)}")
        self.advance()
        tok = self.tok
        if tok.kind != "number" or tok.text != "1":
            raise self.error(f"only version 1 of the NFG format exists; expected 'NFG 1', "
                             f"found version {_describe(tok)}")
        self.advance()
        tok = self.tok
        if tok.kind != "symbol" or tok.text not in ("R", "D"):
            raise self.error(f"expected the data type R or D after 'NFG 1', found "
                             f"{_describe(tok)}")
        self.advance()
        title = self.expect("text", 'the game title in double quotes (it may be "")').text
        return tok.text, title

    def players(self) -> list[str]:
        open_tok = self.expect("{", "'{' opening the list of player names")
        names = []
        while self.tok.kind == "text":
            names.append(self.advance().text)
        self.expect("}", "a player name in double quotes or '}' closing the player list")
        if len(names) != 2:
            raise self.error(f"the file defines {len(names)} player"
                             f"{'' if len(names) == 1 else 's'}; gametheory reads two-player "
                             "games only", open_tok)
        return names

    def strategies(self) -> tuple[list[list[str]], bool]:
        self.expect("{", "'{' opening the strategy lists or strategy counts")
        labelled = self.tok.kind == "{"
        result: list[list[str]] = []
        counts: list[int] = []  # strategy counts, turned into labels once both are known
        for p in range(2):
            if labelled:
                open_tok = self.expect("{", f"'{{' opening player {p + 1}'s strategy labels")
                labels = []
                while self.tok.kind == "text":
                    labels.append(self.advance().text)
                self.expect("}", f"a strategy label in double quotes or '}}' closing player "
                            f"{p + 1}'s strategies")
                if not labels:
                    raise self.error(f"player {p + 1} has no strategies (an empty label list); "
                                     "each player needs at least one", open_tok)
                result.append(labels)
            else:
                tok = self.tok
                if tok.kind != "number" or not _INTEGER_RE.fullmatch(tok.text):
                    raise self.error(f"expected player {p + 1}'s number of strategies (a "
                                     f"positive integer) or a '{{' label list, found "
                                     f"{_describe(tok)}")
                count = int(tok.text)
                if count < 1:
                    raise self.error(f"player {p + 1} has {count} strategies; each player "
                                     "needs at least one")
                cells = count * (counts[0] if counts else 1)
                if cells > self.max_cells:
                    raise self.error(f"player {p + 1} has {count} strategies, which makes "
                                     f"{cells} profiles, more than the limit of "
                                     f"{self.max_cells} (raise max_cells to read larger games)")
                self.advance()
                counts.append(count)
        self.expect("}", "'}' closing the strategy lists (the file has more than two players' "
                    "strategies, or a stray token)")
        if not labelled:
            result = [[str(k + 1) for k in range(c)] for c in counts]
        cells = len(result[0]) * len(result[1])
        if cells > self.max_cells:
            raise self.error(f"{len(result[0])} x {len(result[1])} strategies make {cells} "
                             f"profiles, more than the limit of {self.max_cells} (raise "
                             "max_cells to read larger games)")
        return result, labelled

    def payoff_body(self, m: int, n: int) -> list[list[list[Fraction]]]:
        A = [[Fraction(0)] * n for _ in range(m)]
        B = [[Fraction(0)] * n for _ in range(m)]
        count = 0
        for j in range(n):
            for i in range(m):
                for M, who in ((A, 1), (B, 2)):
                    if self.tok.kind == "eof":
                        raise self.error(f"the file ends after {count} payoffs; a {m} x {n} "
                                         f"game needs {2 * m * n} (two per profile)")
                    M[i][j] = self.number(f"payoff of player {who} at profile "
                                          f"({i + 1}, {j + 1})")
                    count += 1
                    self.skip_comma()
        if self.tok.kind != "eof":
            raise self.error(f"unexpected {_describe(self.tok)} after the {2 * m * n} payoffs "
                             f"of the {m} x {n} game (too many payoffs?)")
        return [A, B]

    def outcome_body(self, m: int, n: int
                     ) -> tuple[list[list[list[Fraction]]], list[tuple[str, tuple[Fraction, ...]]]]:
        self.expect("{", "'{' opening the outcome list")
        outcomes: list[tuple[str, tuple[Fraction, ...]]] = []
        while self.tok.kind == "{":
            open_tok = self.advance()
            k = len(outcomes) + 1
            label = self.advance().text if self.tok.kind == "text" else ""
            pays: list[Fraction] = []
            while self.tok.kind not in ("}", "eof"):
                if len(pays) == 2 and self.tok.kind == "number":
                    raise self.error(f"outcome {k} has more than 2 payoffs; a two-player game "
                                     "needs exactly one payoff per player")
                pays.append(self.number(f"payoff of player {len(pays) + 1} in outcome {k}"))
                self.skip_comma()
            self.expect("}", f"'}}' closing outcome {k}")
            if len(pays) != 2:
                raise self.error(f"outcome {k} has {len(pays)} payoff"
                                 f"{'' if len(pays) == 1 else 's'}; a two-player game needs "
                                 "exactly 2", open_tok)
            outcomes.append((label, (pays[0], pays[1])))
        self.expect("}", "'{' opening another outcome or '}' closing the outcome list")
        A = [[Fraction(0)] * n for _ in range(m)]
        B = [[Fraction(0)] * n for _ in range(m)]
        for j in range(n):
            for i in range(m):
                tok = self.tok
                if tok.kind == "eof":
                    done = j * m + i
                    raise self.error(f"the file ends after {done} outcome numbers; a {m} x {n} "
                                     f"game needs {m * n} (one per profile)")
                if tok.kind != "number" or not _INTEGER_RE.fullmatch(tok.text):
                    raise self.error(f"expected the outcome number (0 to {len(outcomes)}) of "
                                     f"profile ({i + 1}, {j + 1}), found {_describe(tok)}")
                idx = int(tok.text)
                if idx > len(outcomes):
                    raise self.error(f"outcome number {idx} at profile ({i + 1}, {j + 1}) is "
                                     f"out of range: the file defines outcomes 1 to "
                                     f"{len(outcomes)} (0 is the null outcome)")
                if idx:
                    A[i][j], B[i][j] = outcomes[idx - 1][1]
                self.advance()
                self.skip_comma()
        if self.tok.kind != "eof":
            raise self.error(f"unexpected {_describe(self.tok)} after the {m * n} outcome "
                             f"numbers of the {m} x {n} game (too many entries?)")
        return [A, B], outcomes

    def document(self) -> NfgFile:
        data_type, title = self.header()
        raw_players = self.players()
        strategies, labelled = self.strategies()
        description = ""
        if self.tok.kind == "text":
            description = self.advance().text
        m, n = len(strategies[0]), len(strategies[1])
        outcomes: list[tuple[str, tuple[Fraction, ...]]] = []
        if self.tok.kind == "{":
            (A, B), outcomes = self.outcome_body(m, n)
            body = "outcome"
        elif self.tok.kind == "number":
            A, B = self.payoff_body(m, n)
            body = "payoff"
        else:
            raise self.error("expected the body: a list of payoffs (payoff version) or a "
                             "'{' list of outcomes (outcome version), found "
                             f"{_describe(self.tok)}")
        players = _normalise_labels([p or f"Player {k + 1}" for k, p in enumerate(raw_players)])
        labels = tuple(tuple(_normalise_labels([s or str(k + 1) for k, s in enumerate(lst)]))
                       for lst in strategies)
        return NfgFile(
            title=title,
            description=description,
            players=(players[0], players[1]),
            strategies=(labels[0], labels[1]),
            A=tuple(tuple(r) for r in A),
            B=tuple(tuple(r) for r in B),
            body=body,
            data_type=data_type,
            raw_players=(raw_players[0], raw_players[1]),
            raw_strategies=(tuple(strategies[0]), tuple(strategies[1])) if labelled else None,
            outcomes=tuple(outcomes),
        )


def _normalise_labels(labels: list[str]) -> list[str]:
    """Make non-empty labels unique: each repeated label becomes ``label_k`` (Gambit's rule).

    >>> _normalise_labels(["C", "D", "C", "C_1"])
    ['C_2', 'D', 'C_3', 'C_1']
    """
    counts: dict[str, int] = {}
    for lab in labels:
        counts[lab] = counts.get(lab, 0) + 1
    used = set(labels)
    visited: dict[str, int] = {}
    out = []
    for lab in labels:
        if counts[lab] == 1:
            out.append(lab)
            continue
        while True:
            visited[lab] = visited.get(lab, 0) + 1
            candidate = f"{lab}_{visited[lab]}"
            if candidate not in used:
                break
        used.add(candidate)
        out.append(candidate)
    return out


@dataclass(frozen=True)
class NfgFile:
    """The content of a ``.nfg`` file, as read, before it becomes a game.

    Attributes
    ----------
    title, description : str
        The game title and the optional description (comment) text.
    players, strategies :
        Player names and strategy labels after normalisation (see the module docstring).
    A, B : tuple of tuples of Fraction
        Payoff matrices, ``A[i][j]`` for row strategy ``i`` and column strategy ``j``.
    body : {"payoff", "outcome"}
        Which body format the file uses.
    data_type : {"R", "D"}
        The header's data type letter (obsolete in Gambit; both are read exactly).
    raw_players, raw_strategies :
        Names and labels exactly as in the file (``raw_strategies`` is None when the file
        gives strategy counts).
    outcomes : tuple of (label, (payoff 1, payoff 2))
        The outcome list of an outcome-version file, in file order (outcome ``k`` is
        ``outcomes[k - 1]``); empty for the payoff version.

    Examples
    --------
    >>> f = parse_nfg('NFG 1 D "" { "" "" } { 1 2 } 1 2 3 4')
    >>> f.players, f.strategies, f.body
    (('Player 1', 'Player 2'), (('1',), ('1', '2')), 'payoff')
    """

    title: str
    description: str
    players: tuple[str, str]
    strategies: tuple[tuple[str, ...], tuple[str, ...]]
    A: tuple[tuple[Fraction, ...], ...]
    B: tuple[tuple[Fraction, ...], ...]
    body: str = "payoff"
    data_type: str = "R"
    raw_players: tuple[str, str] = ("", "")
    raw_strategies: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    outcomes: tuple[tuple[str, tuple[Fraction, ...]], ...] = field(default=())

    def game(self, exact: bool = True) -> NormalFormGame:
        """The :class:`~gametheory.NormalFormGame`; floats instead of Fractions if not ``exact``."""
        from ..core.game import NormalFormGame

        conv = (lambda v: v) if exact else float
        A = [[conv(v) for v in row] for row in self.A]
        B = [[conv(v) for v in row] for row in self.B]
        return NormalFormGame(A, B, players=self.players, strategies=self.strategies,
                              title=self.title)


def _source_text(path_or_text: Any) -> str:
    """The file text: from a path, an open file, bytes, or the text itself."""
    if hasattr(path_or_text, "read"):
        data = path_or_text.read(MAX_NFG_BYTES + 1)
        if len(data) > MAX_NFG_BYTES:
            raise ParseError(f".nfg input exceeds the limit of {MAX_NFG_BYTES} bytes")
    elif isinstance(path_or_text, bytes):
        data = path_or_text
    elif isinstance(path_or_text, os.PathLike):
        data = read_limited(path_or_text, MAX_NFG_BYTES, ".nfg file")
    elif isinstance(path_or_text, str):
        if _TEXT_START_RE.match(path_or_text):
            return path_or_text.lstrip("\ufeff")
        if os.path.exists(path_or_text):
            data = read_limited(path_or_text, MAX_NFG_BYTES, ".nfg file")
        elif "\n" in path_or_text or "{" in path_or_text or '"' in path_or_text:
            return path_or_text.lstrip("\ufeff")  # text, not a path: the parser says what is wrong
        else:
            raise FileNotFoundError(f"no .nfg file at {path_or_text!r} (read_nfg takes a path "
                                    "or the file's text, which starts with 'NFG')")
    else:
        raise TypeError(f"read_nfg takes a path, an open file or the file's text, got "
                        f"{type(path_or_text).__name__}")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            data = data.decode("latin-1")  # old Gambit files from Windows GUIs
    return data.lstrip("\ufeff")


def parse_nfg(path_or_text: Any, *, max_cells: int = MAX_CELLS) -> NfgFile:
    """Read a ``.nfg`` file into an :class:`NfgFile` (title, description, raw labels, ...).

    Takes the same input as :func:`read_nfg`; use it when the description, the raw labels
    or the outcome list matter.

    Examples
    --------
    >>> f = parse_nfg('NFG 1 R "t" { "A" "B" } { { "x" "" } { "y" "y" } } "Notes" '
    ...               '{ { "" 1, 2 } } 1 0 0 1')
    >>> f.description, f.strategies, f.body
    ('Notes', (('x', '2'), ('y_1', 'y_2')), 'outcome')
    >>> f.A
    ((Fraction(1, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(1, 1)))
    """
    return _Parser(_source_text(path_or_text), max_cells).document()


def read_nfg(path_or_text: Any, *, exact: bool = True, max_cells: int = MAX_CELLS
             ) -> NormalFormGame:
    """Read a two-player Gambit ``.nfg`` file into a :class:`~gametheory.NormalFormGame`.

    Parameters
    ----------
    path_or_text : str, os.PathLike, bytes or file object
        A path, an open file, or the file's text itself. A string whose first
        non-blank characters are ``NFG`` is taken as text, any other string as a path.
    exact : bool, default True
        Keep payoffs as exact Fractions (every number in a ``.nfg`` file is rational
        text). ``False`` gives a floating-point game.
    max_cells : int
        Refuse files with more than this many strategy profiles (default ``10**7``), so a
        corrupt header cannot make the reader allocate without bound.

    Returns
    -------
    NormalFormGame
        With the file's title, player names and strategy labels (normalised as described
        in :mod:`gametheory.io.nfg`). The description is dropped; see :func:`parse_nfg`.

    Raises
    ------
    ParseError
        For a syntax error, more or fewer than two players, a wrong number of payoffs or
        outcome numbers, an outcome number out of range or too many profiles; the message
        names the line and column. Also for a path that is not a regular file (a device,
        FIFO or directory) or input over :data:`~gametheory._limits.MAX_NFG_BYTES` bytes,
        of which at most one more byte is read.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.read_nfg('NFG 1 R "PD" { "Row" "Col" } { 2 2 } 3 3 5 0 0 5 1 1')
    >>> g.A.tolist()
    [[Fraction(3, 1), Fraction(0, 1)], [Fraction(5, 1), Fraction(1, 1)]]
    >>> try:
    ...     gt.read_nfg('NFG 1 R "" { "a" "b" "c" } { 2 2 2 }')
    ... except gt.ParseError as err:
    ...     print(err)
    the file defines 3 players; gametheory reads two-player games only (at line 1, column 12)
    """
    return parse_nfg(path_or_text, max_cells=max_cells).game(exact=exact)


# ---------------------------------------------------------------------- writing
def gambit_quote(text: str) -> str:
    """Double-quoted text that Gambit and :func:`read_nfg` both read back as ``text``.

    >>> print(gambit_quote('say "hi"'))
    "say \\"hi\\""
    """
    out = []
    for k, ch in enumerate(text):
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            nxt = text[k + 1] if k + 1 < len(text) else ""
            out.append("\\\\" if nxt in ("", '"', "\\") else "\\")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def gambit_number(value: Any) -> str:
    """Exact text of a payoff: ``3``, ``-3/4``; a float as its exact decimal expansion.

    >>> from fractions import Fraction
    >>> gambit_number(Fraction(-3, 4)), gambit_number(0.5)
    ('-3/4', '0.5')
    """
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, int):
        return str(value)
    text = format(Decimal(float(value)), "f")  # exact: every finite float is a decimal
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _gambit_label_ok(label: str) -> bool:
    """Whether Gambit 16.7 accepts ``label`` (printable ASCII, single inner spaces)."""
    return (label != "" and all(32 <= ord(c) < 127 for c in label)
            and label == label.strip(" ") and "  " not in label
            and not _BAD_BACKSLASH_RE.search(label))


def _ascii_text(text: str) -> str:
    """``text`` transliterated to ASCII (accents dropped, other characters removed)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _gambit_text(text: str) -> str:
    """``text`` as ASCII without backslashes that Gambit's reader would misread."""
    return _BAD_BACKSLASH_RE.sub("/", _ascii_text(text))


def _gambit_label(label: str, fallback: str) -> str:
    """A label Gambit 16.7 accepts, as close to ``label`` as possible."""
    text = _ascii_text(label)
    text = " ".join("".join(c if 32 <= ord(c) < 127 else " " for c in text).split())
    return _BAD_BACKSLASH_RE.sub("/", text) or fallback


def _number_clash(labels: Sequence[str]) -> int | None:
    """Index of the first label Gambit 16.7's reader refuses for its position.

    Gambit creates players and strategies with the default labels ``"1"``, ``"2"``, ...
    and renames them in order, refusing a name still held by a later one: the label
    ``"3"`` on the first of three strategies clashes with the third's default ``"3"``.
    """
    for k, lab in enumerate(labels):
        if _DEFAULT_LABEL_RE.fullmatch(lab) and len(lab) <= 20 \
                and k + 1 < int(lab) <= len(labels):
            return k
    return None


def _no_number_clash(labels: list[str]) -> list[str]:
    while (k := _number_clash(labels)) is not None:
        labels = _normalise_labels(labels[:k] + ["#" + labels[k]] + labels[k + 1:])
    return labels


def gambit_safe_labels(game: NormalFormGame) -> NormalFormGame:
    """The game relabelled so that Gambit 16.7 reads every name, label and the title.

    Gambit 16.7 accepts labels of printable ASCII with single inner spaces only, and
    ASCII titles. Accents are dropped (``"Défense"`` -> ``"Defense"``), other non-ASCII
    characters removed, whitespace runs become one space, a label left empty becomes its
    position (players ``"Player k"``), and clashes are resolved by the reader's rule.
    A label that is the number of a later strategy (``"3"`` on the first of three),
    which Gambit 16.7's reader refuses, gets a ``#`` in front (``"#3"``).

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.NormalFormGame([[1, 2]], [[0, 0]], players=("Défense", "Ö"),
    ...                       strategies=(("  a\tb ",), ("→", "x")), title="Köln")
    >>> s = gambit_safe_labels(g)
    >>> s.players, s.strategies, s.title
    (('Defense', 'O'), (('a b',), ('1', 'x')), 'Koln')
    """
    players = _no_number_clash(_normalise_labels([_gambit_label(p, f"Player {k + 1}")
                                                  for k, p in enumerate(game.players)]))
    strategies = [_no_number_clash(_normalise_labels([_gambit_label(s, str(k + 1))
                                                      for k, s in enumerate(labs)]))
                  for labs in game.strategies]
    return game.relabel(players=players, strategies=strategies,
                        title=_gambit_text(game.title))


def to_nfg(game: NormalFormGame, description: str = "", gambit_safe: bool = False) -> str:
    """The game as a Gambit ``.nfg`` file, outcome version, with all labels.

    One outcome per strategy profile (unlabelled, as Gambit itself writes tables), so
    editing a cell in Gambit's interface changes only that cell. Fractions are written as
    ``p/q``; floats as their exact decimal expansion, so :func:`read_nfg` gives back the
    same values (as Fractions equal to the floats).

    Gambit 16.7 refuses labels that are not printable ASCII with single inner spaces, and
    non-ASCII titles. Labels are written as they are (so :func:`read_nfg` gives back the
    identical game) with a warning when Gambit would refuse them; ``gambit_safe=True``
    writes :func:`gambit_safe_labels` instead, which Gambit reads.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.NormalFormGame([[1, "1/2"]], [[0, -1]], players=("P", "Q"),
    ...                       strategies=(("a",), ('say "hi"', "b")), title="tiny")
    >>> print(gt.io.nfg.to_nfg(g))
    NFG 1 R "tiny" { "P" "Q" }
    <BLANKLINE>
    { { "a" }
    { "say \\"hi\\"" "b" }
    }
    ""
    <BLANKLINE>
    {
    { "" 1, 0 }
    { "" 1/2, -1 }
    }
    1 2
    <BLANKLINE>
    """
    if gambit_safe:
        game = gambit_safe_labels(game)
        description = _gambit_text(description)
    else:
        problems = [f"label {lab!r} (Gambit takes printable ASCII with single inner spaces "
                    "and no backslash before a quote)"
                    for lab in (*game.players, *game.strategies[0], *game.strategies[1])
                    if not _gambit_label_ok(lab)]
        problems += [f"label {labs[k]!r} (it is the number of a later entry, which Gambit "
                     "refuses)" for labs in (game.players, *game.strategies)
                     if (k := _number_clash(labs)) is not None]
        free_text = game.title + "\n" + description
        if _gambit_text(free_text) != free_text:
            problems.append("the title or description (Gambit takes ASCII without a "
                            "backslash before a quote)")
        if problems:
            warnings.warn(f"Gambit 16.7 will not read this file: {problems[0]}; pass "
                          "gambit_safe=True to write Gambit-safe labels", UserWarning,
                          stacklevel=2)
    m, n = game.shape
    players = " ".join(gambit_quote(p) for p in game.players)
    lines = [f"NFG 1 R {gambit_quote(game.title)} {{ {players} }}", ""]
    lines.append("{ { " + " ".join(gambit_quote(s) for s in game.strategies[0]) + " }")
    lines.append("{ " + " ".join(gambit_quote(s) for s in game.strategies[1]) + " }")
    lines.append("}")
    lines.append(gambit_quote(description))
    lines.append("")
    lines.append("{")
    A, B = game.A, game.B
    for j in range(n):
        for i in range(m):
            lines.append(f'{{ "" {gambit_number(A[i, j])}, {gambit_number(B[i, j])} }}')
    lines.append("}")
    lines.append(" ".join(str(k + 1) for k in range(m * n)))
    return "\n".join(lines) + "\n"


def write_nfg(game: NormalFormGame, path: str | os.PathLike[str], description: str = "",
              gambit_safe: bool = False) -> Path:
    """Write :func:`to_nfg` of ``game`` to ``path`` (UTF-8) and return the path.

    Examples
    --------
    >>> import tempfile, pathlib, gametheory as gt
    >>> g = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = gt.write_nfg(g, pathlib.Path(d) / "pd.nfg")
    ...     gt.read_nfg(p) == g
    True
    """
    p = Path(path)
    p.write_text(to_nfg(game, description=description, gambit_safe=gambit_safe),
                 encoding="utf-8")
    return p

