"""The ``GameError`` family: every user error the toolkit raises.

Each error says what was wrong, where (which cell, parameter, key or line) and, where
it helps, what would be accepted. All subclass :class:`GameError`, which subclasses
:class:`ValueError`, so ``except ValueError`` keeps working for callers who do not
know this package.

Examples
--------
>>> import gametheory as gt
>>> try:
...     gt.NormalFormGame([[1, 2], [3]], [[0, 0], [0, 0]])
... except gt.GameError as err:
...     print(type(err).__name__)
PayoffError
"""

from __future__ import annotations

__all__ = [
    "GameError",
    "PayoffError",
    "LabelError",
    "ProfileError",
    "ParseError",
    "ParameterError",
    "ScenarioError",
    "SolverError",
]


class GameError(ValueError):
    """Base class of every error the toolkit raises for bad input."""


class PayoffError(GameError):
    """A payoff matrix is malformed: ragged, empty, not 2-D, NaN, inf, complex, ..."""


class LabelError(GameError):
    """Player names or strategy labels do not match the payoffs, or a label is unknown."""


class ProfileError(GameError):
    """A strategy profile has the wrong length, negative entries or does not sum to 1."""


class ParseError(GameError):
    """Text (a payoff expression, a Gambit file) does not follow its grammar.

    Attributes
    ----------
    line, column : int or None
        1-based position of the offending token, where known.
    token : str or None
        The offending token, where known.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        token: str | None = None,
    ) -> None:
        where = []
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        full = f"{message} (at {', '.join(where)})" if where else message
        super().__init__(full)
        self.line = line
        self.column = column
        self.token = token


class ParameterError(GameError):
    """A parameter is unknown, missing, out of its bounds or breaks a declared relation."""


class ScenarioError(ParseError):
    """A scenario file is invalid; the message names the key and, where known, the line."""


class SolverError(GameError):
    """A solver cannot handle the game it was given (size limit, unsupported method)."""
