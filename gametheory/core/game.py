r"""Normal-form games and their equilibria, as plain validated data.

A two-player normal-form (bimatrix) game is a pair of :math:`m \times n` payoff
matrices :math:`(A, B)`: when the row player picks pure strategy :math:`i` and the
column player :math:`j`, they receive :math:`A_{ij}` and :math:`B_{ij}`. A mixed
strategy is a probability vector :math:`x \in \Delta_m` (row) or :math:`y \in \Delta_n`
(column); expected payoffs are :math:`x^\top A y` and :math:`x^\top B y`. A pure strategy
:math:`i` is a best response to :math:`y` when :math:`(Ay)_i = \max_k (Ay)_k`, and a
profile :math:`(x, y)` is a Nash equilibrium when every strategy in the support of
:math:`x` is a best response to :math:`y` and vice versa, i.e. when both players'
*regret* :math:`\max_k (Ay)_k - x^\top A y` and :math:`\max_l (x^\top B)_l - x^\top B y`
is zero.

Payoffs are exact :class:`fractions.Fraction` values whenever the input is rational
(integers, Fractions, strings such as ``"3/4"`` or ``"7.32"``), and floats otherwise.
With three or more players, player :math:`i`'s payoffs are an array
:math:`U_i` of shape :math:`(s_1, \dots, s_n)`, a mixed profile is
:math:`(x_1, \dots, x_n)` and the regret of player :math:`i` is
:math:`\max_t E_i(t, x_{-i}) - u_i(x)` (see :mod:`gametheory.core.nplayer`); the class,
its checks and its methods are the same, and ``A``/``B`` become ``payoff_arrays``.
This module holds data and checks only; the equilibrium algorithms live in
:mod:`gametheory.solve` and are reached through the methods below.

Examples
--------
>>> import gametheory as gt
>>> g = gt.NormalFormGame([[0, 0], [2, -1]], [[0, 0], [-2, -3]],
...                       players=("Aggressor", "Defender"),
...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
>>> g.shape, g.is_exact
((2, 2), True)
>>> [e.pure_labels() for e in g.pure_equilibria()]  # the first rests on a threat
[('Refrain', 'Intercept'), ('Probe', 'Tolerate')]
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from .._labels import DEFAULT_PLAYERS, LabelledGame, validate_labels
from .._numbers import (
    NotANumber,
    as_fraction,
    float_tolerance,
    format_number,
    payoff_scale,
    to_number,
)
from ..errors import GameError, LabelError, PayoffError, ProfileError
from .nplayer import contract, deviation_payoffs, nplayer_labels, payoff_array
from .results import Equilibrium

if TYPE_CHECKING:  # pragma: no cover
    from ..solve import EliminationResult, EquilibriumComponent
    from .results import EquilibriumList

__all__ = ["NormalFormGame", "Equilibrium", "Number"]

Number = Fraction | float


def _payoff_matrix(data: Any, name: str) -> list[list[Number]]:
    """Validate one payoff matrix and convert its entries, naming the bad cell."""
    if isinstance(data, np.ndarray):
        if data.ndim != 2:
            raise PayoffError(f"payoff matrix {name} must be 2-D, got {data.ndim}-D array "
                              f"of shape {data.shape}")
        if np.iscomplexobj(data):
            raise PayoffError(f"payoff matrix {name} is complex; payoffs must be real")
        rows = data.tolist()
    elif isinstance(data, str | bytes) or not isinstance(data, Sequence):
        raise PayoffError(f"payoff matrix {name} must be a 2-D array-like of numbers, "
                          f"got {type(data).__name__}")
    else:
        rows = list(data)
    if len(rows) == 0:
        raise PayoffError(f"payoff matrix {name} is empty (a player needs at least one strategy)")
    out: list[list[Number]] = []
    width = None
    for i, row in enumerate(rows):
        if isinstance(row, str | bytes) or not isinstance(row, Sequence | np.ndarray):
            raise PayoffError(f"payoff matrix {name} must be 2-D: row {i} is "
                              f"{type(row).__name__}, not a sequence")
        row = list(row)
        if width is None:
            width = len(row)
            if width == 0:
                raise PayoffError(f"payoff matrix {name} has an empty row {i}")
        elif len(row) != width:
            raise PayoffError(f"payoff matrix {name} is ragged: row {i} has {len(row)} "
                              f"entries, row 0 has {width}")
        conv = []
        for j, v in enumerate(row):
            if isinstance(v, Sequence | np.ndarray) and not isinstance(v, str):
                raise PayoffError(f"payoff matrix {name} must be 2-D: cell ({i}, {j}) is "
                                  "itself a sequence")
            try:
                conv.append(to_number(v))
            except NotANumber as err:
                raise PayoffError(f"payoff matrix {name}, cell ({i}, {j}): {err}") from None
        out.append(conv)
    return out


def _is_frame(data: Any) -> bool:
    """True for a pandas DataFrame (checked without importing pandas)."""
    return type(data).__module__.startswith("pandas") and type(data).__name__ == "DataFrame"


def _frame_axes(frame: Any) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Strategy labels of a payoff DataFrame from its index and columns.

    ``None`` for a frame with default (0, 1, ...) index and columns; an error when
    only one of the two axes is labelled.
    """
    import pandas as pd

    axes = [frame.index, frame.columns]
    plain = [isinstance(ax, pd.RangeIndex) for ax in axes]
    if all(plain):
        return None
    if any(plain):
        raise LabelError("a payoff DataFrame must label both its index (row strategies) and "
                         "its columns (column strategies), or neither")
    return tuple(str(v) for v in axes[0]), tuple(str(v) for v in axes[1])


def _from_frames(A: Any, B: Any, strategies: Any, players: Any) -> tuple[Any, Any, Any, Any]:
    """Payoffs, strategies and players when ``A`` or ``B`` is a labelled DataFrame.

    Labels come from the index (row player) and columns (column player); ``B`` is
    reordered to ``A``'s labels when it has the same ones in another order. The axis
    names, when both are set, name the players unless ``players`` is given.
    """
    labels = [_frame_axes(M) if _is_frame(M) else None for M in (A, B)]
    if labels[0] is not None and labels[1] is not None:
        if tuple(map(set, labels[0])) != tuple(map(set, labels[1])):
            raise LabelError(f"the payoff DataFrames disagree on strategy labels: A has rows "
                             f"{list(labels[0][0])} and columns {list(labels[0][1])}, B has "
                             f"rows {list(labels[1][0])} and columns {list(labels[1][1])}")
        if labels[0] != labels[1]:
            B = B.set_axis(list(labels[1][0]), axis=0).set_axis(list(labels[1][1]), axis=1)
            B = B.loc[list(labels[0][0]), list(labels[0][1])]
    found = labels[0] or labels[1]
    if found is not None and strategies is not None:
        given = tuple(tuple(s) for s in strategies) if not isinstance(strategies, str) \
            else strategies
        if given != found:
            raise LabelError(f"strategies={strategies!r} conflict with the payoff DataFrame's "
                             f"labels {found!r}; pass one or the other")
    if found is not None:
        strategies = found
        first = A if labels[0] is not None else B
        names = (first.index.name, first.columns.name)
        if players == DEFAULT_PLAYERS and all(isinstance(n, str) and n for n in names):
            players = names
    A, B = (M.to_numpy(dtype=object) if _is_frame(M) else M for M in (A, B))
    return A, B, strategies, players


def _frozen(matrix: list[list[Number]], exact: bool) -> np.ndarray:
    if exact:
        arr = np.empty((len(matrix), len(matrix[0])), dtype=object)
        for i, row in enumerate(matrix):
            for j, v in enumerate(row):
                arr[i, j] = v
    else:
        arr = np.array([[float(v) for v in row] for row in matrix], dtype=float)
    arr.flags.writeable = False
    return arr


def _looks_like_labels(value: Any) -> bool:
    """Whether a positional argument is names or label lists rather than payoffs."""
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        return False
    items = [w for v in value for w in (v if isinstance(v, Sequence) and not isinstance(v, str)
                                        else [v])]
    if not items or not all(isinstance(v, str) for v in items):
        return False
    for v in items:
        try:
            to_number(v)
        except NotANumber:
            return True
    return False


class NormalFormGame(LabelledGame):
    """A normal-form game with named players and labelled strategies.

    Parameters
    ----------
    *payoffs : array-like
        Two matrices ``A, B`` of shape (m, n): payoffs of the row and the column player.
        With three or more players, pass one array per player instead, ``P1, ..., Pn``,
        each of shape ``(s1, ..., sn)`` (axis ``j`` is player ``j``'s strategy), with the
        same entry rules; ``players`` then defaults to ``("Player 1", ...)`` and the
        strategies to ``s1, s2, ...``. Entries may be ints, Fractions,
        Decimals, floats, sympy rationals or strings such as ``"3/4"`` or ``"7.32"``.
        A labelled :class:`pandas.DataFrame` gives the strategy labels too (index: row
        player, columns: column player; named axes name the players); two frames must
        carry the same labels (``B`` is aligned to ``A``) and agree with ``strategies``.
        All-rational input gives exact :class:`~fractions.Fraction` payoffs; any float
        makes the whole game floating point.
    players : pair of str, optional
        Player names, default ``("Row", "Column")``.
    strategies : pair of sequences of str, optional
        Strategy labels of each player, unique within a player; default ``"R1", "R2",
        ...`` and ``"C1", "C2", ...``.
    title : str, optional
        A title used by tables, files and reprs.

    Raises
    ------
    PayoffError
        For ragged, empty, non-2-D, NaN, infinite, complex or boolean payoffs, or
        matrices of different shapes; the message names the matrix and cell.
    LabelError
        For player or strategy labels that do not match the payoffs.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")), title="Prisoner's dilemma")
    >>> pd
    NormalFormGame("Prisoner's dilemma", Row: C, D; Column: C, D; exact)
    >>> pd.A[1, 0]
    Fraction(5, 1)
    >>> import pandas
    >>> A = pandas.DataFrame([[0, 0], [2, -1]], index=["Refrain", "Probe"],
    ...                      columns=["Tolerate", "Intercept"])
    >>> gt.NormalFormGame(A, -A).strategies
    (('Refrain', 'Probe'), ('Tolerate', 'Intercept'))
    """

    __slots__ = ("_A", "_B", "_payoffs", "_players", "_strategies", "_title", "_exact",
                 "__weakref__")

    def __init__(
        self,
        *payoffs: Any,
        players: Sequence[str] = DEFAULT_PLAYERS,
        strategies: Sequence[Sequence[str]] | None = None,
        title: str = "",
    ) -> None:
        if len(payoffs) < 2:
            raise PayoffError(f"a normal-form game needs one payoff array per player, at least "
                              f"two; got {len(payoffs)}")
        if len(payoffs) > 2:
            self._init_n(payoffs, players, strategies, title)
            return
        A, B = payoffs
        if _is_frame(A) or _is_frame(B):
            A, B, strategies, players = _from_frames(A, B, strategies, players)
        a = _payoff_matrix(A, "A (row player)")
        b = _payoff_matrix(B, "B (column player)")
        if (len(a), len(a[0])) != (len(b), len(b[0])):
            raise PayoffError(f"payoff matrices have different shapes: A is {len(a)}x{len(a[0])}, "
                              f"B is {len(b)}x{len(b[0])}")
        m, n = len(a), len(a[0])
        exact = all(isinstance(v, Fraction) for row in a + b for v in row)
        self._players, self._strategies, self._title = validate_labels(
            players, strategies, title, (m, n))
        self._exact = exact
        self._A = _frozen(a, exact)
        self._B = _frozen(b, exact)
        self._payoffs = (self._A, self._B)

    def _init_n(self, payoffs: Sequence[Any], players: Any, strategies: Any, title: Any
                ) -> None:
        n = len(payoffs)
        if any(_looks_like_labels(P) for P in payoffs[2:]):
            raise LabelError("players, strategies and title are keyword arguments: "
                             "NormalFormGame(A, B, players=...); a positional argument after "
                             "the payoffs is read as one more player's payoff array")
        arrays = [payoff_array(P, f"P{k + 1} (player {k + 1})", n)
                  for k, P in enumerate(payoffs)]
        shapes = {a.shape for a in arrays}
        if len(shapes) != 1:
            raise PayoffError("payoff arrays have different shapes: " + ", ".join(
                f"P{k + 1} is {'x'.join(map(str, a.shape))}" for k, a in enumerate(arrays)))
        shape = arrays[0].shape
        exact = all(a.dtype == object for a in arrays)
        if players == DEFAULT_PLAYERS:
            players = None
        self._players, self._strategies, self._title = nplayer_labels(
            players, strategies, title, shape)
        self._exact = exact
        frozen = []
        for a in arrays:
            a = a if exact else a.astype(float)
            a.flags.writeable = False
            frozen.append(a)
        self._payoffs = tuple(frozen)
        self._A, self._B = frozen[0], frozen[1]

    # ----------------------------------------------------------------- data access
    @property
    def n_players(self) -> int:
        """The number of players (2 for a bimatrix game)."""
        return len(self._payoffs)

    def _two_players(self, what: str) -> None:
        if len(self._payoffs) != 2:
            raise GameError(f"{what} is defined for two-player games; this game has "
                            f"{len(self._payoffs)} players (use payoff_arrays, or "
                            "payoff_array(player))")

    @property
    def A(self) -> np.ndarray:
        """Row player's payoffs, a read-only array (dtype object of Fractions when exact)."""
        self._two_players("A")
        return self._A.view()  # a view of a read-only array cannot be made writeable

    @property
    def B(self) -> np.ndarray:
        """Column player's payoffs, a read-only array (dtype object of Fractions when exact)."""
        self._two_players("B")
        return self._B.view()

    @property
    def payoff_matrices(self) -> tuple[np.ndarray, np.ndarray]:
        """``(A, B)`` of a two-player game."""
        return self.A, self.B

    @property
    def payoff_arrays(self) -> tuple[np.ndarray, ...]:
        """Every player's payoff array (read-only views), ``(A, B)`` for two players.

        >>> import gametheory as gt
        >>> g = gt.NormalFormGame([[[1, 0]]], [[[0, 1]]], [[[2, 2]]])
        >>> g.n_players, g.shape, g.payoff_array(2)[0, 0, 1]
        (3, (1, 1, 2), Fraction(2, 1))
        """
        return tuple(a.view() for a in self._payoffs)

    def payoff_array(self, player: int | str) -> np.ndarray:
        """The payoff array of one player (by name or index)."""
        return self._payoffs[self.player_index(player)].view()

    @property
    def is_exact(self) -> bool:
        """True when every payoff is a Fraction, so equilibria are exact."""
        return self._exact

    def as_float(self) -> tuple[np.ndarray, ...]:
        """Float64 copies of ``(A, B)`` (of every payoff array for n players)."""
        return tuple(a.astype(float) for a in self._payoffs)

    def as_fraction(self) -> tuple[np.ndarray, ...]:
        """Object arrays of the exact rational values of ``(A, B)`` (floats converted exactly)."""
        conv = np.vectorize(as_fraction, otypes=[object])
        return tuple(conv(a) for a in self._payoffs)

    # ----------------------------------------------------------------- derived games
    def swap_players(self) -> NormalFormGame:
        """The same game with the roles of row and column player exchanged."""
        self._two_players("swap_players")
        return NormalFormGame(self._B.T, self._A.T, players=self._players[::-1],
                              strategies=self._strategies[::-1], title=self._title)

    def permute(self, row_order: Sequence[int], col_order: Sequence[int]) -> NormalFormGame:
        """The game with strategies reordered: new row ``k`` is old row ``row_order[k]``."""
        self._two_players("permute")
        ro, co = list(row_order), list(col_order)
        if sorted(ro) != list(range(self.shape[0])) or sorted(co) != list(range(self.shape[1])):
            raise LabelError("row_order and col_order must be permutations of the strategy indices")
        return NormalFormGame(self._A[np.ix_(ro, co)], self._B[np.ix_(ro, co)],
                              players=self._players,
                              strategies=([self._strategies[0][i] for i in ro],
                                          [self._strategies[1][j] for j in co]),
                              title=self._title)

    def restrict(self, *keep: Sequence[int | str]) -> NormalFormGame:
        """The subgame on the given strategies (labels or indices), in the given order.

        One sequence per player: ``restrict(rows, cols)``, or ``restrict(S1, ..., Sn)``.
        """
        if len(keep) != self.n_players:
            raise LabelError(f"restrict takes one strategy list per player ({self.n_players}); "
                             f"got {len(keep)}")
        if self.n_players > 2:
            idx = [[self.strategy_index(p, s) for s in k] for p, k in enumerate(keep)]
            return NormalFormGame(*(a[np.ix_(*idx)] for a in self._payoffs),
                                  players=self._players, title=self._title,
                                  strategies=[[self._strategies[p][i] for i in ix]
                                              for p, ix in enumerate(idx)])
        rows, cols = keep
        ri = [self.strategy_index(0, r) for r in rows]
        ci = [self.strategy_index(1, c) for c in cols]
        return NormalFormGame(self._A[np.ix_(ri, ci)], self._B[np.ix_(ri, ci)],
                              players=self._players,
                              strategies=([self._strategies[0][i] for i in ri],
                                          [self._strategies[1][j] for j in ci]),
                              title=self._title)

    def relabel(self, players: Sequence[str] | None = None,
                strategies: Sequence[Sequence[str]] | None = None,
                title: str | None = None) -> NormalFormGame:
        """A copy with new names, labels or title and the same payoffs."""
        return NormalFormGame(*self._payoffs,
                              players=self._players if players is None else players,
                              strategies=self._strategies if strategies is None else strategies,
                              title=self._title if title is None else title)

    # ----------------------------------------------------------------- profiles
    def mixed_strategy(self, player: int | str, spec: Any) -> tuple[Number, ...]:
        """Normalise a strategy: a label or index (pure), a {label: prob} dict, or a vector.

        Probabilities stay exact when given as ints, Fractions or strings. Raises
        :class:`ProfileError` for wrong lengths, negative entries or sums other than 1.
        """
        p = self.player_index(player)
        k = self.shape[p]
        if isinstance(spec, str | int | np.integer) and not isinstance(spec, bool):
            idx = self.strategy_index(p, spec)
            return tuple(Fraction(int(i == idx)) for i in range(k))
        if isinstance(spec, dict):
            vec: list[Any] = [Fraction(0)] * k
            for lab, pr in spec.items():
                vec[self.strategy_index(p, lab)] = pr
            spec = vec
        try:
            vals = [to_number(v) for v in spec]
        except (NotANumber, TypeError) as err:
            raise ProfileError(f"strategy of {self._players[p]}: {err}") from None
        if len(vals) != k:
            raise ProfileError(f"strategy of {self._players[p]} has {len(vals)} entries; "
                               f"{self._players[p]} has {k} strategies")
        if any(v < 0 for v in vals) and not all(
                isinstance(v, float) and v > -1e-12 for v in vals if v < 0):
            raise ProfileError(f"strategy of {self._players[p]} has a negative probability: "
                               f"{[format_number(v) for v in vals]}")
        total = sum(vals)
        if all(isinstance(v, Fraction) for v in vals):
            if total != 1:
                raise ProfileError(f"strategy of {self._players[p]} sums to {total}, not 1")
        elif abs(float(total) - 1.0) > 1e-9:
            raise ProfileError(f"strategy of {self._players[p]} sums to {float(total)!r}, not 1")
        return tuple(vals)

    def _profile(self, profile: Any) -> tuple[tuple[Number, ...], ...]:
        if isinstance(profile, Equilibrium):
            return profile.profile
        n = self.n_players
        if not isinstance(profile, Sequence) or isinstance(profile, str) or len(profile) != n:
            if n == 2:
                raise ProfileError("a profile is a pair (row strategy, column strategy); "
                                   f"got {profile!r}")
            raise ProfileError(f"a profile has one strategy per player ({n}); got {profile!r}")
        return tuple(self.mixed_strategy(p, s) for p, s in enumerate(profile))

    def _exact_with(self, *mixes: Sequence[Number]) -> bool:
        return self._exact and all(isinstance(v, Fraction) for m in mixes for v in m)

    def _matrices_for(self, exact: bool) -> tuple[np.ndarray, ...]:
        return self._payoffs if exact else self.as_float()

    def expected_payoffs(self, profile: Any) -> tuple[Number, ...]:
        """Expected payoffs ``(x^T A y, x^T B y)`` of a profile (exact when possible).

        With n players, :math:`u_i(x) = \\sum_s U_i[s] \\prod_j x_{j,s_j}` for each player.

        >>> import gametheory as gt
        >>> mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
        >>> mp.expected_payoffs((["1/2", "1/2"], ["1/2", "1/2"]))
        (Fraction(0, 1), Fraction(0, 1))
        """
        mixes = self._profile(profile)
        exact = self._exact_with(*mixes)
        arrays = self._matrices_for(exact)
        if self.n_players > 2:
            return tuple(contract(u, mixes) for u in arrays)
        x, y = mixes
        A, B = arrays
        xv = np.array(x, dtype=object if exact else float)
        yv = np.array(y, dtype=object if exact else float)
        return xv @ A @ yv, xv @ B @ yv

    def pure_payoffs(self, player: int | str, opponent: Any) -> tuple[Number, ...]:
        """Payoff of each pure strategy of ``player`` against the opponent's strategy.

        With n players ``opponent`` is a whole profile (the entry of ``player`` is
        ignored) or the ``n - 1`` strategies of the others, in player order.
        """
        p = self.player_index(player)
        if self.n_players > 2:
            others = list(opponent)
            if len(others) == self.n_players - 1:
                others.insert(p, 0)
            if len(others) != self.n_players:
                raise ProfileError(f"the others' strategies: give {self.n_players - 1} (or a "
                                   f"whole profile of {self.n_players}); got {len(others)}")
            mixes = [self.mixed_strategy(q, s) if q != p else (Fraction(1),) * self.shape[p]
                     for q, s in enumerate(others)]
            exact = self._exact_with(*mixes)
            return deviation_payoffs(self._matrices_for(exact)[p], p, mixes)
        other = self.mixed_strategy(1 - p, opponent)
        exact = self._exact and all(isinstance(v, Fraction) for v in other)
        A, B = self._matrices_for(exact)
        v = np.array(other, dtype=object if exact else float)
        return tuple(A @ v) if p == 0 else tuple(v @ B)

    def best_responses(self, player: int | str, opponent: Any, tol: float | None = None
                       ) -> tuple[int, ...]:
        """Indices of the pure best responses of ``player`` to the opponent's strategy.

        Exact comparison for exact games and strategies; otherwise payoffs within
        ``tol`` (default ``1e-9`` times the payoff scale) of the best count as best.
        """
        vals = self.pure_payoffs(player, opponent)
        best = max(vals)
        if all(isinstance(v, Fraction) for v in vals) and tol is None:
            return tuple(i for i, v in enumerate(vals) if v == best)
        t = self._tol(tol)
        return tuple(i for i, v in enumerate(vals) if float(best) - float(v) <= t)

    def payoff_scale(self) -> float:
        """Largest absolute payoff (at least 1), the scale of float tolerances."""
        return payoff_scale(*self.as_float())

    def _tol(self, tol: float | None) -> float:
        return float_tolerance(tol, *self.as_float())

    def regret(self, profile: Any) -> tuple[Number, ...]:
        """Each player's gain from the best pure deviation; both zero at a Nash equilibrium.

        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
        >>> pd.regret(([1, 0], [1, 0]))
        (Fraction(2, 1), Fraction(2, 1))
        """
        mixes = self._profile(profile)
        if self.n_players > 2:
            values = self.expected_payoffs(mixes)
            return tuple(max(self.pure_payoffs(p, mixes)) - values[p]
                         for p in range(self.n_players))
        x, y = mixes
        u_row, u_col = self.expected_payoffs((x, y))
        return (max(self.pure_payoffs(0, y)) - u_row, max(self.pure_payoffs(1, x)) - u_col)

    def is_equilibrium(self, profile: Any, tol: float | None = None) -> bool:
        """Whether a profile is a Nash equilibrium.

        Exact games with exact profiles are checked exactly (``tol`` ignored unless
        given); otherwise both regrets must be at most ``tol``, default ``1e-9`` times
        the largest absolute payoff.

        >>> import gametheory as gt
        >>> mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
        >>> mp.is_equilibrium((["1/2", "1/2"], ["1/2", "1/2"])), mp.is_equilibrium((0, 0))
        (True, False)
        """
        mixes = self._profile(profile)
        r = self.regret(mixes)
        if tol is None and self._exact_with(*mixes):
            return all(v == 0 for v in r)
        t = self._tol(tol)
        return all(float(v) <= t for v in r)

    # ----------------------------------------------------------------- solving (delegated)
    def equilibria(self, method: str = "exact", **options: Any) -> EquilibriumList:
        """Every extreme Nash equilibrium, once each, in a deterministic order.

        Returns a read-only :class:`~gametheory.EquilibriumList` (an HTML table in
        Jupyter, ``.to_frame()`` for pandas).

        See :func:`gametheory.solve.equilibria` for the methods and the guarantees.
        """
        from ..solve import equilibria

        return equilibria(self, method=method, **options)

    def pure_equilibria(self) -> EquilibriumList:
        """Pure-strategy Nash equilibria, in row-major order (exact comparison when exact)."""
        from ..solve import pure_equilibria

        return pure_equilibria(self)

    def is_degenerate(self) -> bool:
        """Whether some mixed strategy with support size k has more than k pure best replies.

        Decided exactly (floats are converted to their exact rational values).
        """
        from ..solve import is_degenerate

        self._two_players("is_degenerate")
        return is_degenerate(self)

    def equilibrium_components(self) -> list[EquilibriumComponent]:
        """Connected components of the equilibrium set, with their maximal Nash subsets."""
        from ..solve import equilibrium_components

        self._two_players("equilibrium_components")
        return equilibrium_components(self)

    def eliminate_dominated(self, weak: bool = False, mixed: bool = False
                            ) -> EliminationResult:
        """Iterated elimination of dominated strategies, with a trace of what went and why."""
        from ..solve import eliminate_dominated

        self._two_players("eliminate_dominated")
        return eliminate_dominated(self, weak=weak, mixed=mixed)

    def to_nfg(self) -> str:
        """The game as a Gambit ``.nfg`` file (outcome version), readable by Gambit."""
        from ..io.nfg import to_nfg

        return to_nfg(self)

    # ----------------------------------------------------------------- value semantics
    def _key(self) -> tuple:
        return (self._players, self._strategies, self._title,
                tuple(tuple(a.ravel().tolist()) for a in self._payoffs), self.shape)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self):  # pickling for process pools and dask
        return (_rebuild, (tuple(a.tolist() for a in self._payoffs), self._players,
                           self._strategies, self._title))

    def __repr__(self) -> str:
        t = f"{self._title!r}, " if self._title else ""
        parts = "; ".join(f"{p}: {', '.join(s)}"
                          for p, s in zip(self._players, self._strategies, strict=True))
        kind = "exact" if self._exact else "float"
        return f"NormalFormGame({t}{parts}; {kind})"

    def _slices(self) -> list[tuple[str, tuple[int, ...]]]:
        """For n > 2 players: a caption and index of each matrix (players 3..n fixed)."""
        rest = range(2, self.n_players)
        out = []
        for idx in np.ndindex(*self.shape[2:]):
            cap = ", ".join(f"{self._players[p]}: {self._strategies[p][k]}"
                            for p, k in zip(rest, idx, strict=True))
            out.append((cap, idx))
        return out

    def __str__(self) -> str:
        if self.n_players > 2:
            blocks = [self._title] if self._title else []
            for cap, idx in self._slices():
                blocks += [f"[{cap}]", self._cell_table(idx)]
            return "\n".join(blocks)
        m, n = self.shape
        cells = [[f"{format_number(self._A[i, j])}, {format_number(self._B[i, j])}"
                  for j in range(n)] for i in range(m)]
        head = [f"{self._players[0]} \\ {self._players[1]}", *self._strategies[1]]
        body = [[self._strategies[0][i], *cells[i]] for i in range(m)]
        widths = [max(len(r[k]) for r in [head, *body]) for k in range(n + 1)]
        lines = [self._title] if self._title else []
        for r in [head, *body]:
            lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        return "\n".join(lines)

    def _cell_table(self, idx: tuple[int, ...]) -> str:
        """The text matrix of players 1 and 2 with every player's payoff in each cell."""
        m, n = self.shape[:2]
        cells = [[", ".join(format_number(a[(i, j, *idx)]) for a in self._payoffs)
                  for j in range(n)] for i in range(m)]
        head = [f"{self._players[0]} \\ {self._players[1]}", *self._strategies[1]]
        body = [[self._strategies[0][i], *cells[i]] for i in range(m)]
        widths = [max(len(r[k]) for r in [head, *body]) for k in range(n + 1)]
        return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                         for r in [head, *body])

    def _repr_html_(self) -> str:
        if self.n_players > 2:
            esc = html.escape
            parts = [f"<p><b>{esc(self._title)}</b></p>"] if self._title else []
            for cap, idx in self._slices():
                m, n = self.shape[:2]
                rows = [f"<tr><th>{esc(self._players[0])} \\ {esc(self._players[1])}</th>"
                        + "".join(f"<th>{esc(s)}</th>" for s in self._strategies[1]) + "</tr>"]
                for i in range(m):
                    cells = "".join("<td>" + esc(", ".join(format_number(a[(i, j, *idx)])
                                                           for a in self._payoffs)) + "</td>"
                                    for j in range(n))
                    rows.append(f"<tr><th>{esc(self._strategies[0][i])}</th>{cells}</tr>")
                parts.append(f"<table><caption>{esc(cap)}</caption>{''.join(rows)}</table>")
            return "".join(parts)
        return self._bimatrix_html(format_number)


def _rebuild(payoffs: tuple[Any, ...], players: tuple[str, ...],
             strategies: tuple[tuple[str, ...], ...], title: str) -> NormalFormGame:
    """Unpickle a game (any number of players)."""
    return NormalFormGame(*payoffs, players=players, strategies=strategies, title=title)
