"""Players, strategy labels and title: the labelling shared by every two-player game type.

:class:`~gametheory.NormalFormGame` and :class:`~gametheory.ParametricGame` both carry two
named players, a tuple of unique strategy labels per player and a title; lookups by name
or index, with the same error messages, live here once.
"""

from __future__ import annotations

import numpy as np

from .errors import LabelError

__all__ = ["LabelledGame"]


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
        """0 for the row player, 1 for the column player, by name or index."""
        if isinstance(player, int | np.integer) and not isinstance(player, bool) \
                and int(player) in (0, 1):
            return int(player)
        if player in self._players:
            return self._players.index(player)  # type: ignore[arg-type]
        raise LabelError(f"unknown player {player!r}; players are {list(self._players)} (or 0, 1)")

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
