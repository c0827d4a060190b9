r"""Gambit strategic-form (``.nfg``) files: reading and writing games of n >= 2 players.

A finite strategic-form game with players :math:`1, 2` and strategy sets
:math:`S_1 = \{1, \dots, m\}`, :math:`S_2 = \{1, \dots, n\}` is a table of payoff pairs
:math:`(A_{ij}, B_{ij})`, one per pure-strategy profile :math:`(i, j)`. A Gambit file
lists the :math:`mn` profiles in *mixed-radix counting order with the first player's
strategy as the fastest digit*: profile :math:`(i, j)` (1-based) is entry number

.. math::  k(i, j) = (i - 1) + m\,(j - 1) + 1, \qquad k = 1, \dots, mn,

so the list runs :math:`(1,1), (2,1), \dots, (m,1), (1,2), \dots` -- column by column
of the bimatrix, not row by row. With :math:`n` players the same rule holds: profiles
are counted in mixed radix with player 1's strategy the fastest digit and player
:math:`n`'s the slowest, and each profile carries :math:`n` payoffs. (As Gambit's
format documentation spells out for its ``e02.nfg`` example; the sample files agree,
e.g. ``coord2.nfg``'s ``3 2 0 0 0 0 2 2`` is the coordination game
with :math:`A = \begin{psmallmatrix}3&0\\0&2\end{psmallmatrix}`.)

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

import itertools
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from .._limits import MAX_NFG_BYTES, MAX_NFG_NUMBER_LENGTH
from .._numbers import NotANumber, parse_number_text
from ..errors import ParseError
from .files import read_limited
from .nfg_write import (
    _normalise_labels,
    gambit_number,
    gambit_quote,
    gambit_safe_labels,
    to_nfg,
    write_nfg,
)

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
        if len(names) < 2:
            raise self.error(f"the file defines {len(names)} player"
                             f"{'' if len(names) == 1 else 's'}; a game needs at least two",
                             open_tok)
        return names

    def strategies(self, n_players: int) -> tuple[list[list[str]], bool]:
        self.expect("{", "'{' opening the strategy lists or strategy counts")
        labelled = self.tok.kind == "{"
        result: list[list[str]] = []
        counts: list[int] = []  # strategy counts, turned into labels once all are known
        cells = 1
        for p in range(n_players):
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
                count, tok = len(labels), open_tok
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
                counts.append(count)
                self.advance()
            cells *= count
            if cells > self.max_cells:
                raise self.error(f"player {p + 1} has {count} strategies, which makes "
                                 f"{cells} profiles, more than the limit of "
                                 f"{self.max_cells} (raise max_cells to read larger games)",
                                 tok)
        self.expect("}", f"'}}' closing the strategy lists (the file has more than "
                    f"{n_players} players' strategies, or a stray token)")
        if not labelled:
            result = [[str(k + 1) for k in range(c)] for c in counts]
        return result, labelled

    def _profile_text(self, index: tuple[int, ...]) -> str:
        return "(" + ", ".join(str(k + 1) for k in index) + ")"

    def payoff_body(self, shape: tuple[int, ...]) -> list[list[Fraction]]:
        """Each player's payoffs, flat in Gambit's order (first player fastest)."""
        n, cells = len(shape), math.prod(shape)
        flat: list[list[Fraction]] = [[] for _ in range(n)]
        count = 0
        for index in _gambit_order(shape):
            for p in range(n):
                if self.tok.kind == "eof":
                    raise self.error(f"the file ends after {count} payoffs; a {_dims(shape)} "
                                     f"game needs {n * cells} ({n} per profile)")
                flat[p].append(self.number(f"payoff of player {p + 1} at profile "
                                           f"{self._profile_text(index)}"))
                count += 1
                self.skip_comma()
        if self.tok.kind != "eof":
            raise self.error(f"unexpected {_describe(self.tok)} after the {n * cells} payoffs "
                             f"of the {_dims(shape)} game (too many payoffs?)")
        return flat

    def outcome_body(self, shape: tuple[int, ...]
                     ) -> tuple[list[list[Fraction]], list[tuple[str, tuple[Fraction, ...]]]]:
        n, cells = len(shape), math.prod(shape)
        self.expect("{", "'{' opening the outcome list")
        outcomes: list[tuple[str, tuple[Fraction, ...]]] = []
        while self.tok.kind == "{":
            open_tok = self.advance()
            k = len(outcomes) + 1
            label = self.advance().text if self.tok.kind == "text" else ""
            pays: list[Fraction] = []
            while self.tok.kind not in ("}", "eof"):
                if len(pays) == n and self.tok.kind == "number":
                    raise self.error(f"outcome {k} has more than {n} payoffs; a {n}-player "
                                     "game needs exactly one payoff per player")
                pays.append(self.number(f"payoff of player {len(pays) + 1} in outcome {k}"))
                self.skip_comma()
            self.expect("}", f"'}}' closing outcome {k}")
            if len(pays) != n:
                raise self.error(f"outcome {k} has {len(pays)} payoff"
                                 f"{'' if len(pays) == 1 else 's'}; a {n}-player game needs "
                                 f"exactly {n}", open_tok)
            outcomes.append((label, tuple(pays)))
        self.expect("}", "'{' opening another outcome or '}' closing the outcome list")
        zero = (Fraction(0),) * n
        flat: list[list[Fraction]] = [[] for _ in range(n)]
        for done, index in enumerate(_gambit_order(shape)):
            tok = self.tok
            where = self._profile_text(index)
            if tok.kind == "eof":
                raise self.error(f"the file ends after {done} outcome numbers; a "
                                 f"{_dims(shape)} game needs {cells} (one per profile)")
            if tok.kind != "number" or not _INTEGER_RE.fullmatch(tok.text):
                raise self.error(f"expected the outcome number (0 to {len(outcomes)}) of "
                                 f"profile {where}, found {_describe(tok)}")
            idx = int(tok.text)
            if idx > len(outcomes):
                raise self.error(f"outcome number {idx} at profile {where} is out of range: "
                                 f"the file defines outcomes 1 to {len(outcomes)} (0 is the "
                                 "null outcome)")
            pays = outcomes[idx - 1][1] if idx else zero
            for p in range(n):
                flat[p].append(pays[p])
            self.advance()
            self.skip_comma()
        if self.tok.kind != "eof":
            raise self.error(f"unexpected {_describe(self.tok)} after the {cells} outcome "
                             f"numbers of the {_dims(shape)} game (too many entries?)")
        return flat, outcomes

    def document(self) -> NfgFile:
        data_type, title = self.header()
        raw_players = self.players()
        strategies, labelled = self.strategies(len(raw_players))
        description = ""
        if self.tok.kind == "text":
            description = self.advance().text
        shape = tuple(len(s) for s in strategies)
        outcomes: list[tuple[str, tuple[Fraction, ...]]] = []
        if self.tok.kind == "{":
            flat, outcomes = self.outcome_body(shape)
            body = "outcome"
        elif self.tok.kind == "number":
            flat = self.payoff_body(shape)
            body = "payoff"
        else:
            raise self.error("expected the body: a list of payoffs (payoff version) or a "
                             "'{' list of outcomes (outcome version), found "
                             f"{_describe(self.tok)}")
        players = _normalise_labels([p or f"Player {k + 1}" for k, p in enumerate(raw_players)])
        labels = tuple(tuple(_normalise_labels([s or str(k + 1) for k, s in enumerate(lst)]))
                       for lst in strategies)
        payoffs = tuple(_nested_tuples(f, shape) for f in flat)
        return NfgFile(
            title=title,
            description=description,
            players=tuple(players),
            strategies=labels,
            A=payoffs[0],
            B=payoffs[1],
            body=body,
            data_type=data_type,
            raw_players=tuple(raw_players),
            raw_strategies=tuple(tuple(s) for s in strategies) if labelled else None,
            outcomes=tuple(outcomes),
            payoffs=payoffs,
        )


def _dims(shape: tuple[int, ...]) -> str:
    return " x ".join(map(str, shape))


def _gambit_order(shape: tuple[int, ...]) -> Iterator[tuple[int, ...]]:
    """Profiles in Gambit's order: the first player's strategy changes fastest.

    >>> list(_gambit_order((2, 2)))
    [(0, 0), (1, 0), (0, 1), (1, 1)]
    """
    for rev in itertools.product(*(range(k) for k in reversed(shape))):
        yield rev[::-1]


def _nested_tuples(flat: list[Fraction], shape: tuple[int, ...]) -> Any:
    """Gambit-ordered ``flat`` values as nested tuples indexed ``[s1][s2]...[sn]``."""
    arr = np.empty(len(flat), dtype=object)
    arr[:] = flat
    arr = arr.reshape(shape, order="F")

    def build(a: np.ndarray) -> Any:
        return tuple(build(b) for b in a) if a.ndim > 1 else tuple(a.tolist())

    return build(arr)


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
        Payoff matrices, ``A[i][j]`` for row strategy ``i`` and column strategy ``j``
        (with n players: players 1 and 2's n-dimensional nested tuples).
    payoffs : tuple
        Every player's payoffs as nested tuples indexed ``[s1][s2]...[sn]``; ``(A, B)``
        for two players.
    body : {"payoff", "outcome"}
        Which body format the file uses.
    data_type : {"R", "D"}
        The header's data type letter (obsolete in Gambit; both are read exactly).
    raw_players, raw_strategies :
        Names and labels exactly as in the file (``raw_strategies`` is None when the file
        gives strategy counts).
    outcomes : tuple of (label, (payoff 1, ..., payoff n))
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
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    A: tuple[Any, ...]
    B: tuple[Any, ...]
    body: str = "payoff"
    data_type: str = "R"
    raw_players: tuple[str, ...] = ("", "")
    raw_strategies: tuple[tuple[str, ...], ...] | None = None
    outcomes: tuple[tuple[str, tuple[Fraction, ...]], ...] = field(default=())
    payoffs: tuple[Any, ...] = ()

    @property
    def n_players(self) -> int:
        return len(self.players)

    def game(self, exact: bool = True) -> NormalFormGame:
        """The :class:`~gametheory.NormalFormGame`; floats instead of Fractions if not ``exact``."""
        from ..core.game import NormalFormGame

        arrays = self.payoffs or (self.A, self.B)
        if exact:
            data = [np.array(a, dtype=object) for a in arrays]
        else:
            data = [np.array(a, dtype=object).astype(float) for a in arrays]
        return NormalFormGame(*data, players=self.players, strategies=self.strategies,
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
    """Read a Gambit ``.nfg`` file (n >= 2 players) into a :class:`~gametheory.NormalFormGame`.

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
        For a syntax error, fewer than two players, a wrong number of payoffs or
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
    >>> g3 = gt.read_nfg('NFG 1 R "" { "a" "b" "c" } { 2 1 1 } 1 2 3 4 5 6')
    >>> g3.n_players, g3.shape, g3.payoff_array("c")[1, 0, 0]
    (3, (2, 1, 1), Fraction(6, 1))
    >>> try:
    ...     gt.read_nfg('NFG 1 R "" { "a" } { 2 }')
    ... except gt.ParseError as err:
    ...     print(err)
    the file defines 1 player; a game needs at least two (at line 1, column 12)
    """
    return parse_nfg(path_or_text, max_cells=max_cells).game(exact=exact)


