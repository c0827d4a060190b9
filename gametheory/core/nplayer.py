r"""Payoff arrays, labels and expected payoffs of n-player normal-form games.

An n-player normal-form game gives player :math:`i` the payoff :math:`u_i(s)` at each pure
profile :math:`s = (s_1, \dots, s_n) \in S_1 \times \dots \times S_n`, stored as an array
:math:`U_i` of shape :math:`(|S_1|, \dots, |S_n|)` (axis :math:`j` is player :math:`j`'s
strategy). Against mixed strategies :math:`x_1, \dots, x_n` the expected payoff is the
multilinear form

.. math::  u_i(x) = \sum_{s} U_i[s] \prod_{j} x_{j, s_j},

and the payoff of player :math:`i`'s pure strategy :math:`t` against the others is
:math:`E_i(t, x_{-i})`, the same sum with :math:`x_i` replaced by the unit vector of
:math:`t`. Both are tensor contractions, computed exactly on object arrays of Fractions
and in float64 otherwise.

This module holds the validation and the arithmetic that
:class:`~gametheory.NormalFormGame` uses for three or more players; two-player games keep
the checks of :mod:`gametheory.core.game`.

Examples
--------
>>> import numpy as np
>>> from fractions import Fraction as F
>>> U = payoff_array([[[1, 0], [0, 0]], [[0, 0], [0, 1]]], "U", 3)
>>> U.shape, U[1, 1, 1]
((2, 2, 2), Fraction(1, 1))
>>> half = (F(1, 2), F(1, 2))
>>> contract(U, [half, half, half])
Fraction(1, 4)
>>> deviation_payoffs(U, 0, [half, half, half])
(Fraction(1, 4), Fraction(1, 4))
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .._labels import label_tuple
from .._numbers import NotANumber, to_number
from ..errors import LabelError, PayoffError

__all__ = ["payoff_array", "nplayer_labels", "contract", "deviation_payoffs",
           "default_players"]

Number = Fraction | float


def default_players(n: int) -> tuple[str, ...]:
    """``("Player 1", ..., "Player n")``, the names of an n-player game without names.

    >>> default_players(3)
    ('Player 1', 'Player 2', 'Player 3')
    """
    return tuple(f"Player {k + 1}" for k in range(n))


def _nested(data: Any, name: str, depth: int, index: tuple[int, ...]) -> list[Any]:
    """``data`` as nested lists of numbers ``depth`` deep, naming the cell of any fault."""
    where = f"at {index}" if index else ""
    if depth == 0:
        if isinstance(data, Sequence | np.ndarray) and not isinstance(data, str):
            raise PayoffError(f"payoff array {name} has too many dimensions: cell {index} is "
                              "itself a sequence")
        try:
            return to_number(data)  # type: ignore[return-value]
        except NotANumber as err:
            raise PayoffError(f"payoff array {name}, cell {index}: {err}") from None
    if isinstance(data, str | bytes) or not isinstance(data, Sequence | np.ndarray):
        raise PayoffError(f"payoff array {name} needs {len(index) + depth} dimensions: the "
                          f"entry {where or 'itself'} is {type(data).__name__}, not a sequence")
    items = list(data)
    if not items:
        raise PayoffError(f"payoff array {name} is empty {where or 'at the top'} (a player "
                          "needs at least one strategy)")
    return [_nested(v, name, depth - 1, (*index, k)) for k, v in enumerate(items)]


def _shape_of(nested: Any, depth: int) -> tuple[int, ...]:
    shape = []
    level = nested
    for _ in range(depth):
        shape.append(len(level))
        level = level[0]
    return tuple(shape)


def _check_rectangular(nested: Any, shape: tuple[int, ...], name: str,
                       index: tuple[int, ...] = ()) -> None:
    if len(index) == len(shape):
        return
    if len(nested) != shape[len(index)]:
        raise PayoffError(f"payoff array {name} is ragged: the entry at {index} has "
                          f"{len(nested)} items, the first has {shape[len(index)]}")
    for k, v in enumerate(nested):
        _check_rectangular(v, shape, name, (*index, k))


def payoff_array(data: Any, name: str, ndim: int) -> np.ndarray:
    """Validated, read-only ``ndim``-dimensional payoff array.

    Entries are converted by :func:`gametheory._numbers.to_number`: the array is an object
    array of Fractions when every entry is rational, else float64 (the caller makes the
    whole game float when any array is). Raises :class:`PayoffError` naming the array and
    the cell for ragged, empty, wrongly dimensioned, NaN, infinite, complex or boolean input.

    >>> payoff_array([[[1, 2]]], "U", 3).shape
    (1, 1, 2)
    >>> payoff_array([[1, 2]], "U", 3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    gametheory.errors.PayoffError: payoff array U needs 3 dimensions: the entry at (0, 0) is ...
    """
    if isinstance(data, np.ndarray):
        if data.ndim != ndim:
            raise PayoffError(f"payoff array {name} must be {ndim}-D (one axis per player), "
                              f"got a {data.ndim}-D array of shape {data.shape}")
        if np.iscomplexobj(data):
            raise PayoffError(f"payoff array {name} is complex; payoffs must be real")
        if data.dtype.kind == "b":
            raise PayoffError(f"payoff array {name} is boolean; payoffs must be numbers")
        if 0 in data.shape:
            raise PayoffError(f"payoff array {name} is empty (a player needs at least one "
                              "strategy)")
        if data.dtype.kind == "f":  # fast path: a float array stays a float array
            if not np.isfinite(data).all():
                bad = tuple(int(k) for k in np.argwhere(~np.isfinite(data))[0])
                raise PayoffError(f"payoff array {name}, cell {bad}: payoffs must be finite "
                                  "numbers")
            return data.astype(float)
        if data.dtype.kind in "iu":  # fast path: integers become exact Fractions
            return np.frompyfunc(Fraction, 1, 1)(data.astype(object))
        data = data.tolist()
    nested = _nested(data, name, ndim, ())
    shape = _shape_of(nested, ndim)
    _check_rectangular(nested, shape, name)
    flat: list[Any] = []

    def walk(v: Any, depth: int) -> None:
        if depth == 0:
            flat.append(v)
        else:
            for w in v:
                walk(w, depth - 1)

    walk(nested, ndim)
    exact = all(isinstance(v, Fraction) for v in flat)
    if exact:
        arr = np.empty(len(flat), dtype=object)
        arr[:] = flat
        arr = arr.reshape(shape)
    else:
        arr = np.array([float(v) for v in flat], dtype=float).reshape(shape)
    return arr


def nplayer_labels(players: Any, strategies: Any, title: Any, shape: tuple[int, ...]
                   ) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str]:
    """Check n player names, per-player strategy labels for ``shape`` and a title.

    ``players=None`` names them ``Player 1``, ...; ``strategies=None`` labels player ``i``'s
    strategies ``s1``, ``s2``, ... (labels need to be unique only within a player).

    >>> nplayer_labels(None, None, "", (2, 1, 2))[1]
    (('s1', 's2'), ('s1',), ('s1', 's2'))
    """
    n = len(shape)
    if players is None:
        players = default_players(n)
    if isinstance(players, str) or not isinstance(players, Sequence) or len(players) != n:
        raise LabelError(f"players must be a sequence of {n} names (one per payoff array), "
                         f"got {players!r}")
    for k, p in enumerate(players):
        if not isinstance(p, str) or p == "":
            raise LabelError(f"player {k} name must be a non-empty string, got {p!r}")
    if len(set(players)) != n:
        dup = next(p for p in players if list(players).count(p) > 1)
        raise LabelError(f"two players have the same name {dup!r}")
    if strategies is None:
        strategies = (None,) * n
    elif isinstance(strategies, str) or not isinstance(strategies, Sequence) \
            or len(strategies) != n:
        raise LabelError(f"strategies must be a sequence of {n} label lists (one per "
                         f"player), got {strategies!r}")
    labels = tuple(label_tuple(strategies[i], shape[i], f"strategies of {players[i]}", "s")
                   for i in range(n))
    if not isinstance(title, str):
        raise LabelError(f"title must be a string, got {title!r}")
    return tuple(str(p) for p in players), labels, title


def contract(u: np.ndarray, mixes: Sequence[Sequence[Number]], keep: int | None = None
             ) -> Any:
    """:math:`\\sum_s u[s] \\prod_j x_{j,s_j}` over every axis except ``keep``.

    With ``keep=None`` the expected payoff (a number); with ``keep=i`` the vector of
    :math:`E(t, x_{-i})` over player ``i``'s strategies. Exact when ``u`` and the mixes are
    (object arrays and Fractions), float64 otherwise.

    >>> u = np.arange(8).reshape(2, 2, 2)
    >>> float(contract(u, [(1, 0), (0, 1), (.5, .5)]))
    2.5
    """
    exact = u.dtype == object
    out = u
    for k in reversed(range(u.ndim)):
        if k == keep:
            continue
        vec = np.array(list(mixes[k]), dtype=object if exact else float)
        out = np.tensordot(out, vec, axes=([k], [0]))
    return out if keep is not None else out[()]


def deviation_payoffs(u: np.ndarray, player: int, mixes: Sequence[Sequence[Number]]
                      ) -> tuple[Number, ...]:
    """Player ``player``'s payoff from each of its pure strategies against the others' mixes.

    >>> u = np.arange(8).reshape(2, 2, 2)
    >>> [float(v) for v in deviation_payoffs(u, 2, [(1, 0), (0, 1), (.5, .5)])]
    [2.0, 3.0]
    """
    return tuple(contract(u, mixes, keep=player).tolist())
