r"""Writing Gambit strategic-form (``.nfg``) files, for any number of players.

:func:`to_nfg` writes the *outcome version* of the format (see :mod:`gametheory.io.nfg`
for the grammar and the order of profiles): one unlabelled outcome per pure profile,
listed in Gambit's order, in which the first player's strategy changes fastest, so that
profile :math:`(s_1, \dots, s_n)` (1-based) is outcome number

.. math::  k = 1 + \sum_{i=1}^{n} (s_i - 1) \prod_{j < i} |S_j|,

and each outcome holds the n players' payoffs. Numbers are written exactly (``p/q``;
floats as their exact decimal expansion), so ``read_nfg(to_nfg(g)) == g``. The label
rules of Gambit 16.7 (printable ASCII, single inner spaces, no label equal to the number of
a later entry) are checked with a warning, or enforced by ``gambit_safe=True``.

Examples
--------
>>> import gametheory as gt
>>> g = gt.NormalFormGame([[[1, 0]]], [[[2, 0]]], [[[3, "1/2"]]], title="three")
>>> print(to_nfg(g))  # doctest: +NORMALIZE_WHITESPACE
NFG 1 R "three" { "Player 1" "Player 2" "Player 3" }
<BLANKLINE>
{ { "s1" }
{ "s1" }
{ "s1" "s2" }
}
""
<BLANKLINE>
{
{ "" 1, 2, 3 }
{ "" 0, 0, 1/2 }
}
1 2
<BLANKLINE>
>>> gt.read_nfg(to_nfg(g)) == g
True
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
import warnings
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..core.game import NormalFormGame

__all__ = ["to_nfg", "write_nfg", "gambit_safe_labels", "gambit_quote", "gambit_number"]

_BAD_BACKSLASH_RE = re.compile(r'\\(?=["\\]|$)')  # Gambit's reader garbles these
_DEFAULT_LABEL_RE = re.compile(r"[1-9][0-9]*")


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
                    for lab in (*game.players, *(s for labs in game.strategies for s in labs))
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
    players = " ".join(gambit_quote(p) for p in game.players)
    lines = [f"NFG 1 R {gambit_quote(game.title)} {{ {players} }}", ""]
    for k, labs in enumerate(game.strategies):
        lines.append(("{ { " if k == 0 else "{ ") + " ".join(gambit_quote(s) for s in labs)
                     + " }")
    lines.append("}")
    lines.append(gambit_quote(description))
    lines.append("")
    lines.append("{")
    arrays = game.payoff_arrays
    shape = game.shape
    count = 0
    for rev in itertools.product(*(range(k) for k in reversed(shape))):
        index = rev[::-1]  # Gambit's order: the first player's strategy changes fastest
        lines.append('{ "" ' + ", ".join(gambit_number(a[index]) for a in arrays) + " }")
        count += 1
    lines.append("}")
    lines.append(" ".join(str(k + 1) for k in range(count)))
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

