r"""Two-player normal-form games and their equilibria, as plain validated data.

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
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
from ..errors import LabelError, PayoffError, ProfileError

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


class NormalFormGame(LabelledGame):
    """A two-player normal-form game with named players and labelled strategies.

    Parameters
    ----------
    A, B : array-like, shape (m, n)
        Payoffs of the row and the column player. Entries may be ints, Fractions,
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

    __slots__ = ("_A", "_B", "_players", "_strategies", "_title", "_exact", "__weakref__")

    def __init__(
        self,
        A: Any,
        B: Any,
        players: Sequence[str] = DEFAULT_PLAYERS,
        strategies: Sequence[Sequence[str]] | None = None,
        title: str = "",
    ) -> None:
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

    # ----------------------------------------------------------------- data access
    @property
    def A(self) -> np.ndarray:
        """Row player's payoffs, a read-only array (dtype object of Fractions when exact)."""
        return self._A.view()  # a view of a read-only array cannot be made writeable

    @property
    def B(self) -> np.ndarray:
        """Column player's payoffs, a read-only array (dtype object of Fractions when exact)."""
        return self._B.view()

    @property
    def payoff_matrices(self) -> tuple[np.ndarray, np.ndarray]:
        """``(A, B)``."""
        return self.A, self.B

    @property
    def is_exact(self) -> bool:
        """True when every payoff is a Fraction, so equilibria are exact."""
        return self._exact

    def as_float(self) -> tuple[np.ndarray, np.ndarray]:
        """Float64 copies of ``(A, B)``."""
        return self._A.astype(float), self._B.astype(float)

    def as_fraction(self) -> tuple[np.ndarray, np.ndarray]:
        """Object arrays of the exact rational values of ``(A, B)`` (floats converted exactly)."""
        conv = np.vectorize(as_fraction, otypes=[object])
        return conv(self._A), conv(self._B)

    # ----------------------------------------------------------------- derived games
    def swap_players(self) -> NormalFormGame:
        """The same game with the roles of row and column player exchanged."""
        return NormalFormGame(self._B.T, self._A.T, players=self._players[::-1],
                              strategies=self._strategies[::-1], title=self._title)

    def permute(self, row_order: Sequence[int], col_order: Sequence[int]) -> NormalFormGame:
        """The game with strategies reordered: new row ``k`` is old row ``row_order[k]``."""
        ro, co = list(row_order), list(col_order)
        if sorted(ro) != list(range(self.shape[0])) or sorted(co) != list(range(self.shape[1])):
            raise LabelError("row_order and col_order must be permutations of the strategy indices")
        return NormalFormGame(self._A[np.ix_(ro, co)], self._B[np.ix_(ro, co)],
                              players=self._players,
                              strategies=([self._strategies[0][i] for i in ro],
                                          [self._strategies[1][j] for j in co]),
                              title=self._title)

    def restrict(self, rows: Sequence[int | str], cols: Sequence[int | str]) -> NormalFormGame:
        """The subgame on the given strategies (labels or indices), in the given order."""
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
        return NormalFormGame(self._A, self._B,
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

    def _profile(self, profile: Any) -> tuple[tuple[Number, ...], tuple[Number, ...]]:
        if isinstance(profile, Equilibrium):
            return profile.row, profile.col
        if not isinstance(profile, Sequence) or isinstance(profile, str) or len(profile) != 2:
            raise ProfileError("a profile is a pair (row strategy, column strategy); "
                               f"got {profile!r}")
        return self.mixed_strategy(0, profile[0]), self.mixed_strategy(1, profile[1])

    def _exact_with(self, x: Sequence[Number], y: Sequence[Number]) -> bool:
        return self._exact and all(isinstance(v, Fraction) for v in (*x, *y))

    def _matrices_for(self, exact: bool) -> tuple[np.ndarray, np.ndarray]:
        return (self._A, self._B) if exact else self.as_float()

    def expected_payoffs(self, profile: Any) -> tuple[Number, Number]:
        """Expected payoffs ``(x^T A y, x^T B y)`` of a profile (exact when possible).

        >>> import gametheory as gt
        >>> mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
        >>> mp.expected_payoffs((["1/2", "1/2"], ["1/2", "1/2"]))
        (Fraction(0, 1), Fraction(0, 1))
        """
        x, y = self._profile(profile)
        exact = self._exact_with(x, y)
        A, B = self._matrices_for(exact)
        xv = np.array(x, dtype=object if exact else float)
        yv = np.array(y, dtype=object if exact else float)
        return xv @ A @ yv, xv @ B @ yv

    def pure_payoffs(self, player: int | str, opponent: Any) -> tuple[Number, ...]:
        """Payoff of each pure strategy of ``player`` against the opponent's strategy."""
        p = self.player_index(player)
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

    def regret(self, profile: Any) -> tuple[Number, Number]:
        """Each player's gain from the best pure deviation; both zero at a Nash equilibrium.

        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
        >>> pd.regret(([1, 0], [1, 0]))
        (Fraction(2, 1), Fraction(2, 1))
        """
        x, y = self._profile(profile)
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
        x, y = self._profile(profile)
        r = self.regret((x, y))
        if tol is None and self._exact_with(x, y):
            return r[0] == 0 and r[1] == 0
        t = self._tol(tol)
        return float(r[0]) <= t and float(r[1]) <= t

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

        return is_degenerate(self)

    def equilibrium_components(self) -> list[EquilibriumComponent]:
        """Connected components of the equilibrium set, with their maximal Nash subsets."""
        from ..solve import equilibrium_components

        return equilibrium_components(self)

    def eliminate_dominated(self, weak: bool = False, mixed: bool = False
                            ) -> EliminationResult:
        """Iterated elimination of dominated strategies, with a trace of what went and why."""
        from ..solve import eliminate_dominated

        return eliminate_dominated(self, weak=weak, mixed=mixed)

    def to_nfg(self) -> str:
        """The game as a Gambit ``.nfg`` file (outcome version), readable by Gambit."""
        from ..io.nfg import to_nfg

        return to_nfg(self)

    # ----------------------------------------------------------------- value semantics
    def _key(self) -> tuple:
        return (self._players, self._strategies, self._title,
                tuple(map(tuple, self._A.tolist())), tuple(map(tuple, self._B.tolist())))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalFormGame):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self):  # pickling for process pools and dask
        return (NormalFormGame, (self._A.tolist(), self._B.tolist(), self._players,
                                 self._strategies, self._title))

    def __repr__(self) -> str:
        t = f"{self._title!r}, " if self._title else ""
        s0 = ", ".join(self._strategies[0])
        s1 = ", ".join(self._strategies[1])
        kind = "exact" if self._exact else "float"
        return f"NormalFormGame({t}{self._players[0]}: {s0}; {self._players[1]}: {s1}; {kind})"

    def __str__(self) -> str:
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

    def _repr_html_(self) -> str:
        return self._bimatrix_html(format_number)


@dataclass(frozen=True)
class Equilibrium:
    """A Nash equilibrium ``(x, y)`` with its payoffs, as an immutable value.

    Attributes
    ----------
    row, col : tuple
        Mixed strategies of the row and column player (Fractions when exact).
    payoffs : tuple
        ``(row payoff, column payoff)``.
    players, strategies :
        Labels for display; not part of equality.

    Examples
    --------
    >>> import gametheory as gt
    >>> mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> eq = mp.equilibria()[0]
    >>> eq.row, eq.support
    ((Fraction(1, 2), Fraction(1, 2)), ((0, 1), (0, 1)))
    >>> x, y = eq  # unpacks as the two mixed strategies
    >>> x == eq.row and y == eq.col
    True
    >>> eq
    Equilibrium(Row: 1/2 R1 + 1/2 R2; Column: 1/2 C1 + 1/2 C2  (payoffs 0, 0))
    """

    row: tuple[Number, ...]
    col: tuple[Number, ...]
    payoffs: tuple[Number, Number]
    players: tuple[str, str] = field(default=DEFAULT_PLAYERS, compare=False)
    strategies: tuple[tuple[str, ...], tuple[str, ...]] | None = field(default=None,
                                                                     compare=False)

    @classmethod
    def from_game(cls, game: NormalFormGame, row: Sequence[Number], col: Sequence[Number]
                  ) -> Equilibrium:
        """Build an Equilibrium of ``game`` from two mixed strategies, computing payoffs."""
        x, y = tuple(row), tuple(col)
        return cls(x, y, game.expected_payoffs((x, y)), game.players, game.strategies)

    @property
    def profile(self) -> tuple[tuple[Number, ...], tuple[Number, ...]]:
        return self.row, self.col

    @property
    def support(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Indices played with positive probability by each player."""
        return (tuple(i for i, p in enumerate(self.row) if p > 0),
                tuple(j for j, q in enumerate(self.col) if q > 0))

    @property
    def is_pure(self) -> bool:
        return len(self.support[0]) == 1 and len(self.support[1]) == 1

    @property
    def is_exact(self) -> bool:
        return all(isinstance(v, Fraction) for v in (*self.row, *self.col, *self.payoffs))

    def __iter__(self) -> Iterator[tuple[Number, ...]]:
        """``x, y = eq``: the row and the column player's mixed strategies."""
        return iter((self.row, self.col))

    def _labels(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.strategies or (tuple(f"R{k + 1}" for k in range(len(self.row))),
                                   tuple(f"C{k + 1}" for k in range(len(self.col))))

    def pure_labels(self) -> tuple[str, str] | None:
        """The labels of a pure equilibrium, ``None`` for a mixed one."""
        if not self.is_pure:
            return None
        (i,), (j,) = self.support
        labs = self._labels()
        return labs[0][i], labs[1][j]

    def table_row(self) -> tuple[tuple[tuple[str, str], Number], ...]:
        """Cells ``((player, strategy), probability)`` then ``(("payoff", player), u)``.

        The row of :class:`~gametheory.EquilibriumList` tables and frames.

        Examples
        --------
        >>> import gametheory as gt
        >>> eq = gt.NormalFormGame([[1]], [[2]]).equilibria()[0]
        >>> [key for key, _ in eq.table_row()]
        [('Row', 'R1'), ('Column', 'C1'), ('payoff', 'Row'), ('payoff', 'Column')]
        """
        labs = self._labels()
        cells = [((self.players[p], labs[p][k]), v)
                 for p, mix in enumerate((self.row, self.col)) for k, v in enumerate(mix)]
        cells += [(("payoff", self.players[p]), self.payoffs[p]) for p in range(2)]
        return tuple(cells)

    def as_float(self) -> Equilibrium:
        """The same equilibrium with float entries."""
        return Equilibrium(tuple(map(float, self.row)), tuple(map(float, self.col)),
                           (float(self.payoffs[0]), float(self.payoffs[1])),
                           self.players, self.strategies)

    def describe(self) -> str:
        """One-line human description: ``Aggressor: Probe; Defender: 1/2 Tolerate + ...``."""
        labs = self._labels()
        parts = []
        for p, mix in enumerate((self.row, self.col)):
            terms = [(labs[p][k] if v == 1 else f"{format_number(v)} {labs[p][k]}")
                     for k, v in enumerate(mix) if v > 0]
            parts.append(f"{self.players[p]}: {' + '.join(terms)}")
        pay = ", ".join(format_number(v) for v in self.payoffs)
        return f"{'; '.join(parts)}  (payoffs {pay})"

    def __repr__(self) -> str:
        return f"Equilibrium({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"
