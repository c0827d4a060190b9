"""Players, strategy labels and title: the labelling shared by every two-player game type.

:class:`~gametheory.NormalFormGame` and :class:`~gametheory.ParametricGame` both carry two
named players, a tuple of unique strategy labels per player and a title; lookups by name
or index, with the same error messages, live here once.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .errors import LabelError

__all__ = ["LabelledGame", "label_tuple", "validate_labels"]

DEFAULT_PLAYERS = ("Row", "Column")


def label_tuple(given: Any, count: int | None, what: str, default_prefix: str = ""
                ) -> tuple[str, ...]:
    """Validated labels: ``count`` non-empty, unique strings (any positive number if None).

    ``None`` gives ``default_prefix`` + 1, 2, ... when ``count`` is known.

    >>> label_tuple(None, 2, "strategies of Row", "R")
    ('R1', 'R2')
    """
    if given is None and count is not None:
        return tuple(f"{default_prefix}{k + 1}" for k in range(count))
    if isinstance(given, str) or not isinstance(given, Sequence):
        wanted = f"{count} labels" if count is not None else "labels"
        raise LabelError(f"{what} must be a sequence of {wanted}, got {given!r}")
    labels = tuple(given)
    if count is None and not labels:
        raise LabelError(f"{what} must be a non-empty sequence of labels, got {given!r}")
    if count is not None and len(labels) != count:
        raise LabelError(f"{what} has {len(labels)} labels but the payoffs have {count} "
                         "strategies for that player")
    for k, lab in enumerate(labels):
        if not isinstance(lab, str):
            raise LabelError(f"{what}, label {k} is {lab!r}; labels must be strings")
        if lab == "":
            raise LabelError(f"{what}, label {k} is empty")
    seen: dict[str, int] = {}
    for k, lab in enumerate(labels):
        if lab in seen:
            noun = what.split()[0]  # "strategies", "types", "actions"
            raise LabelError(f"{what}: label {lab!r} is used for {noun} {seen[lab]} and "
                             f"{k}; labels must be unique, none used twice")
        seen[lab] = k
    return labels


def validate_labels(players: Any, strategies: Any, title: Any, shape: tuple[int, int]
                    ) -> tuple[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]], str]:
    """Check two-player names, per-player strategy labels for ``shape`` and a title."""
    if isinstance(players, str) or not isinstance(players, Sequence) or len(players) != 2:
        raise LabelError(f"players must be a pair of names, got {players!r}")
    for k, p in enumerate(players):
        if not isinstance(p, str) or p == "":
            raise LabelError(f"player {k} name must be a non-empty string, got {p!r}")
    if players[0] == players[1]:
        raise LabelError(f"the two players have the same name {players[0]!r}")
    if strategies is None:
        strategies = (None, None)
    elif isinstance(strategies, str) or not isinstance(strategies, Sequence) \
            or len(strategies) != 2:
        raise LabelError("strategies must be a pair (row labels, column labels), "
                         f"got {strategies!r}")
    labels = (label_tuple(strategies[0], shape[0], f"strategies of {players[0]}", "R"),
              label_tuple(strategies[1], shape[1], f"strategies of {players[1]}", "C"))
    if not isinstance(title, str):
        raise LabelError(f"title must be a string, got {title!r}")
    return (str(players[0]), str(players[1])), labels, title


class LabelledGame:
    """Mixin for games with ``_players``, ``_strategies``, ``_title`` and payoff array ``_A``."""

    __slots__ = ()
    _players: tuple[str, str]
    _strategies: tuple[tuple[str, ...], tuple[str, ...]]
    _title: str
    _A: object

    @property
    def players(self) -> tuple[str, str]:
        return self._players

    @property
    def strategies(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self._strategies

    @property
    def title(self) -> str:
        return self._title

    @property
    def shape(self) -> tuple[int, int]:
        return tuple(self._A.shape)  # type: ignore[attr-defined,return-value]

    def player_index(self, player: int | str) -> int:
        """0 for the row player, 1 for the column player (k for player k + 1), by name or index."""
        n = len(self._players)
        if isinstance(player, int | np.integer) and not isinstance(player, bool) \
                and 0 <= int(player) < n:
            return int(player)
        if player in self._players:
            return self._players.index(player)  # type: ignore[arg-type]
        indices = ", ".join(map(str, range(n))) if n <= 3 else f"0..{n - 1}"
        raise LabelError(f"unknown player {player!r}; players are {list(self._players)} "
                         f"(or {indices})")

    def strategy_index(self, player: int | str, strategy: int | str) -> int:
        """Index of a strategy given by label or index, for a player given by name or 0/1.

        >>> import gametheory as gt
        >>> g = gt.NormalFormGame([[1, 2]], [[0, 0]], strategies=(("a",), ("x", "y")))
        >>> g.strategy_index(1, "y")
        1
        """
        p = self.player_index(player)
        labels = self._strategies[p]
        if isinstance(strategy, bool):
            raise LabelError(f"strategy {strategy!r} is neither a label nor an index")
        if isinstance(strategy, int | np.integer):
            if not 0 <= int(strategy) < len(labels):
                raise LabelError(f"{self._players[p]} has strategies 0..{len(labels) - 1}; "
                                 f"got index {strategy}")
            return int(strategy)
        if isinstance(strategy, str):
            try:
                return labels.index(strategy)
            except ValueError:
                raise LabelError(f"{self._players[p]} has no strategy {strategy!r}; "
                                 f"choose from {list(labels)}") from None
        raise LabelError(f"strategy {strategy!r} is neither a label nor an index")

    def _bimatrix_html(self, cell: Callable[[object], str]) -> str:
        """An HTML bimatrix of ``_A`` and ``_B``, each payoff written by ``cell``."""
        esc = html.escape
        A, B = self._A, self._B  # type: ignore[attr-defined]
        m, n = self.shape
        out = ["<table>"]
        if self._title:
            out.append(f"<caption>{esc(self._title)}</caption>")
        out.append(f"<tr><th>{esc(self._players[0])} \\ {esc(self._players[1])}</th>"
                   + "".join(f"<th>{esc(s)}</th>" for s in self._strategies[1]) + "</tr>")
        for i in range(m):
            cells = "".join(f"<td>{esc(cell(A[i, j]))}, {esc(cell(B[i, j]))}</td>"
                            for j in range(n))
            out.append(f"<tr><th>{esc(self._strategies[0][i])}</th>{cells}</tr>")
        out.append("</table>")
        return "".join(out)
