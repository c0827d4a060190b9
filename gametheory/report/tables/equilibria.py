r"""Equilibrium tables: each equilibrium's strategies, payoffs, support and type.

Row :math:`k` lists equilibrium :math:`(x^k, y^k)` of a two-player game: each player's
mixed strategy written over its support (:math:`\tfrac{1}{2}\,C + \tfrac{1}{2}\,D`), the
payoffs :math:`x^{k\top} A y^k` and :math:`x^{k\top} B y^k`, and whether it is pure or
mixed on an :math:`s \times t` support; for a game tree, whether it is subgame perfect.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> print(equilibrium_table(pd, format="markdown"))
| \# | Row | Column | Payoff to Row | Payoff to Column | Support |
|---|---|---|---|---|---|
| 1 | $\text{D}$ | $\text{D}$ | $1$ | $1$ | pure |
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from ...core.game import Equilibrium, NormalFormGame
from ...core.parametric import ParametricGame
from ...errors import GameError
from .base import Cell, Table
from .registry import render_rows
from .values import mix_cell, num_cell

__all__ = ["equilibrium_table"]


class _Classified(Protocol):
    equilibrium: Equilibrium
    subgame_perfect: bool | None


@runtime_checkable
class ClassifiesEquilibria(Protocol):
    """A game tree: its equilibria, each classified as subgame perfect or not."""

    def classify_equilibria(self, *args: Any, **values: Any) -> Sequence[_Classified]: ...


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
    width: str | None = "linewidth",
) -> Table:
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
    width : {"linewidth", None}
        LaTeX width policy (booktabs): ``"linewidth"`` (default) fits the table to
        ``\linewidth`` (headers and long text wrapped, long mixed strategies one term a
        line, then scaled down if still too wide, never up); None keeps the natural
        width. Other formats ignore it.

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
        r_mix, _ = mix_cell(e.row, strategies[0], number_format, digits)
        c_mix, _ = mix_cell(e.col, strategies[1], number_format, digits)
        sr, sc = e.support
        row: list[Cell] = [str(k + 1), r_mix, c_mix,
                           num_cell(e.payoffs[0], number_format, digits),
                           num_cell(e.payoffs[1], number_format, digits),
                           "pure" if e.is_pure else f"mixed {len(sr)}x{len(sc)}"]
        if spe is not None:
            row.append({True: "yes", False: "no", None: "unknown"}[spe[k]])
        rows.append(row)
    align = "rllrrl" + ("l" if spe is not None else "")
    return render_rows(header, rows, format, caption, label, align, width)


def _equilibria_of(obj: object, method: str, at: Mapping[str, Any] | None = None
                   ) -> tuple[list[Equilibrium], Sequence[str], Sequence[Sequence[str]],
                              list[bool] | None]:
    """The equilibria to list, the players, the strategy labels and SPE flags (or None)."""
    spe = None
    at = dict(at or {})
    if isinstance(obj, NormalFormGame):
        return obj.equilibria(method=method), obj.players, obj.strategies, None
    if isinstance(obj, ClassifiesEquilibria):  # a GameTree: SPE classification is known
        classified = obj.classify_equilibria(**at)
        eqs = [c.equilibrium for c in classified]
        spe = [bool(c.subgame_perfect) for c in classified]
        if not eqs:
            raise GameError("the game tree has no equilibria to tabulate")
        e0 = eqs[0]
        return eqs, e0.players, e0.strategies, spe
    if isinstance(obj, ParametricGame):
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
