r"""Lists of equilibria as a reader expects them in Jupyter and pandas.

An :class:`EquilibriumList` is what ``game.equilibria()``, ``game.pure_equilibria()``,
``tree.backward_induction()``, ``tree.classify_equilibria()`` and
``bayesian.bayes_nash_equilibria()`` return: a read-only ``list`` of equilibria (so
indexing, ``len``, iteration and ``== [...]`` work as on a list) that shows as an HTML
table in a notebook and converts to a tidy :class:`pandas.DataFrame`.

Each element describes itself as a *table row* (the :class:`TableRow` protocol): an
ordered sequence of ``((group, label), value)`` cells, e.g.
``(("Aggressor", "Refrain"), 1/2)`` for a probability or ``(("payoff", "Defender"), -1)``
for a payoff. :meth:`EquilibriumList.to_frame` makes one row per equilibrium with

- *identifier-safe* column names by default, ``group__label`` in lower case with every
  run of other characters replaced by ``_`` (``aggressor__refrain``,
  ``payoff__defender``), so ``frame.aggressor__refrain`` and ``df.query`` work; the
  readable ``(group, label)`` pair of each column is kept in
  ``frame.attrs["labels"]``;
- or, with ``columns="multiindex"``, the readable pairs themselves as a two-level
  :class:`pandas.MultiIndex`.

Probabilities and payoffs are float columns (exact Fractions become floats; a symbolic
payoff stays a sympy expression in an object column).

Examples
--------
>>> import gametheory as gt
>>> g = gt.NormalFormGame([[0, 0], [2, -1]], [[0, 0], [-2, -3]],
...                       players=("Aggressor", "Defender"),
...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
>>> eqs = g.equilibria()
>>> eqs  # doctest: +NORMALIZE_WHITESPACE
EquilibriumList(3 equilibria:
  [0] Aggressor: Refrain; Defender: 1/3 Tolerate + 2/3 Intercept  (payoffs 0, 0)
  [1] Aggressor: Refrain; Defender: Intercept  (payoffs 0, 0)
  [2] Aggressor: Probe; Defender: Tolerate  (payoffs 2, -2))
>>> frame = eqs.to_frame()
>>> list(frame.columns)  # doctest: +NORMALIZE_WHITESPACE
['aggressor__refrain', 'aggressor__probe', 'defender__tolerate', 'defender__intercept',
 'payoff__aggressor', 'payoff__defender']
>>> frame.attrs["labels"]["defender__intercept"], frame["defender__intercept"].tolist()
(('Defender', 'Intercept'), [0.6666666666666666, 1.0, 0.0])
>>> eqs.to_frame(columns="multiindex")["Defender"].columns.tolist()
['Tolerate', 'Intercept']
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol, SupportsIndex, TypeVar, runtime_checkable

from .._labels import DEFAULT_PLAYERS
from .._numbers import format_number
from ..errors import GameError, ProfileError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Number = Fraction | float


class PayoffGame(Protocol):
    """What :meth:`Equilibrium.from_game` reads of a game (a two-player game)."""

    players: Any
    strategies: Any

    def expected_payoffs(self, profile: Any) -> tuple[Any, ...]: ...

__all__ = ["EquilibriumList", "Equilibrium", "TableRow", "Cell", "identifier", "plain_value"]

#: One cell of a table row: ``((group, label), value)``; ``label`` may be ``""``.
Cell = tuple[tuple[str, str], Any]


@runtime_checkable
class TableRow(Protocol):
    """An equilibrium that can be a row of a table.

    ``table_row()`` returns its cells in display order; ``describe()`` one line of text.
    """

    def table_row(self) -> Sequence[Cell]: ...

    def describe(self) -> str: ...


T = TypeVar("T")


def identifier(text: str) -> str:
    """``text`` as a Python identifier: lower case, other characters runs become ``_``.

    >>> identifier("Aggressor"), identifier("Probe if strong"), identifier("2nd move!")
    ('aggressor', 'probe_if_strong', '_2nd_move')
    """
    out = re.sub(r"\W+", "_", text.strip().lower(), flags=re.ASCII).strip("_") or "_"
    return "_" + out if out[0].isdigit() else out


def plain_value(v: Any) -> Any:
    """A cell value for a frame: a number as a float, anything else unchanged.

    Fractions, ints and sympy numbers become floats; booleans, strings and symbolic
    expressions are kept.

    >>> from fractions import Fraction
    >>> plain_value(Fraction(1, 4)), plain_value(True), plain_value("x")
    (0.25, True, 'x')
    """
    if isinstance(v, bool | str) or v is None:
        return v
    if isinstance(v, Fraction | int | float):
        return float(v)
    if getattr(v, "is_number", False):  # a sympy number (not a symbolic expression)
        try:
            return float(v)
        except TypeError:
            return v
    return v


def _text(v: Any) -> str:
    return v if isinstance(v, str) else ("yes" if v is True else "no" if v is False
                                        else format_number(v))


class EquilibriumList(list):
    """A read-only list of equilibria with a notebook table and a tidy frame.

    A ``list`` subclass, so results compare equal to plain lists and index, slice and
    iterate as before; every mutating method raises :class:`~gametheory.GameError`
    (make a copy with ``list(eqs)`` to edit). Elements follow :class:`TableRow`.

    Examples
    --------
    >>> import gametheory as gt
    >>> eqs = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]).equilibria()
    >>> len(eqs), eqs == list(eqs), eqs[0].describe()
    (1, True, 'Row: 1/2 R1 + 1/2 R2; Column: 1/2 C1 + 1/2 C2  (payoffs 0, 0)')
    >>> eqs.append(eqs[0])
    Traceback (most recent call last):
        ...
    gametheory.errors.GameError: an EquilibriumList is read-only; copy it with list(...) ...
    """

    __slots__ = ()

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)

    # ----------------------------------------------------------- read-only list
    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise GameError("an EquilibriumList is read-only; copy it with list(...) to edit it")

    append = extend = insert = remove = pop = clear = sort = reverse = _read_only
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only

    def __getitem__(self, index: SupportsIndex | slice) -> Any:  # type: ignore[override]
        got = super().__getitem__(index)
        return EquilibriumList(got) if isinstance(index, slice) else got

    def __reduce__(self) -> tuple[Any, ...]:
        return (EquilibriumList, (list(self),))

    def copy(self) -> list[Any]:  # type: ignore[override]
        """A plain, editable ``list`` of the same equilibria."""
        return list(self)

    # ----------------------------------------------------------- display
    def __repr__(self) -> str:
        if not self:
            return "EquilibriumList([])"
        noun = "equilibrium" if len(self) == 1 else "equilibria"
        lines = [f"  [{k}] {_describe(e)}" for k, e in enumerate(self)]
        return f"EquilibriumList({len(self)} {noun}:\n" + "\n".join(lines) + ")"

    def _columns(self) -> list[tuple[str, str]]:
        cols: list[tuple[str, str]] = []
        for e in self:
            for key, _ in _cells(e):
                if key not in cols:
                    cols.append(key)
        return cols

    def _repr_html_(self) -> str:
        """An HTML table: one row per equilibrium, grouped column headers."""
        if not self:
            return "<p><em>no equilibria</em></p>"
        cols = self._columns()
        groups: list[list[Any]] = []
        for g, _ in cols:
            if groups and groups[-1][0] == g:
                groups[-1][1] += 1
            else:
                groups.append([g, 1])
        esc = html.escape
        top = "".join(f'<th colspan="{n}">{esc(g)}</th>' if n > 1 or _has_label(cols, g)
                      else f'<th rowspan="2">{esc(g)}</th>' for g, n in groups)
        sub = "".join(f"<th>{esc(lab)}</th>" for g, lab in cols if _has_label(cols, g))
        body = []
        for k, e in enumerate(self):
            row = dict(_cells(e))
            tds = "".join(f"<td>{esc(_text(row[c])) if c in row else ''}</td>" for c in cols)
            body.append(f"<tr><th>{k}</th>{tds}</tr>")
        return ('<table class="gametheory-equilibria">\n<thead><tr><th rowspan="2"></th>'
                f"{top}</tr>\n<tr>{sub}</tr></thead>\n<tbody>\n" + "\n".join(body)
                + "\n</tbody></table>")

    # ----------------------------------------------------------- pandas
    def to_frame(self, columns: str = "identifiers") -> pd.DataFrame:
        """One row per equilibrium: probabilities, payoffs and any verdicts as columns.

        Parameters
        ----------
        columns : {"identifiers", "multiindex"}
            ``"identifiers"`` (default): names ``group__label`` made identifier-safe
            (:func:`identifier`), with the readable ``(group, label)`` of each column in
            ``frame.attrs["labels"]``. ``"multiindex"``: the readable pairs as a
            two-level column :class:`pandas.MultiIndex`.

        Returns
        -------
        pandas.DataFrame
            Numbers as floats (:func:`plain_value`); a cell an equilibrium lacks is NaN.
        """
        import pandas as pd

        if columns not in ("identifiers", "multiindex"):
            raise GameError(f"to_frame: columns={columns!r} is not a choice; use "
                            "'identifiers' or 'multiindex'")
        cols = self._columns()
        rows = [{c: plain_value(v) for c, v in _cells(e)} for e in self]
        data = [[r.get(c, float("nan")) for c in cols] for r in rows]
        if columns == "multiindex":
            index = pd.MultiIndex.from_tuples(cols) if cols else pd.MultiIndex.from_arrays(
                [[], []])
            return pd.DataFrame(data, columns=index)
        names = _unique([identifier(g) + (f"__{identifier(lab)}" if lab else "")
                         for g, lab in cols])
        frame = pd.DataFrame(data, columns=names)
        frame.attrs["labels"] = dict(zip(names, cols, strict=True))
        return frame


def _describe(e: Any) -> str:
    return e.describe() if isinstance(e, TableRow) else repr(e)


def _cells(e: Any) -> Sequence[Cell]:
    if not isinstance(e, TableRow):
        raise GameError(f"EquilibriumList: {type(e).__name__} has no table_row(); an "
                        "element must be an equilibrium (gt.Equilibrium, "
                        "SubgamePerfectEquilibrium, ClassifiedEquilibrium, "
                        "BayesNashEquilibrium)")
    return e.table_row()


def _has_label(cols: list[tuple[str, str]], group: str) -> bool:
    return any(lab for g, lab in cols if g == group)


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n}_{seen[n]}")
    return out


@dataclass(frozen=True)
class Equilibrium:
    """A Nash equilibrium ``(x, y)`` with its payoffs, as an immutable value.

    Attributes
    ----------
    row, col : tuple
        Mixed strategies of the row and column player (Fractions when exact).
    payoffs : tuple
        ``(row payoff, column payoff)``; one payoff per player with n players.
    players, strategies :
        Labels for display; not part of equality.
    others : tuple of tuples
        With n > 2 players, the mixed strategies of players 3, ..., n (empty for two).
        ``profile`` is ``(row, col, *others)``; build with :meth:`of`.

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
    >>> three = gt.Equilibrium.of(((1, 0), (0, 1), (1,)), (2, 1, 0))
    >>> three.profile, three.is_pure
    (((1, 0), (0, 1), (1,)), True)
    >>> three
    Equilibrium(Player 1: s1; Player 2: s2; Player 3: s1  (payoffs 2, 1, 0))
    """

    row: tuple[Number, ...]
    col: tuple[Number, ...]
    payoffs: tuple[Number, Number]
    players: tuple[str, str] = field(default=DEFAULT_PLAYERS, compare=False)
    strategies: tuple[tuple[str, ...], ...] | None = field(default=None, compare=False)
    others: tuple[tuple[Number, ...], ...] = ()

    @classmethod
    def of(cls, profile: Sequence[Sequence[Number]], payoffs: Sequence[Number],
           players: Sequence[str] | None = None,
           strategies: Sequence[Sequence[str]] | None = None) -> Equilibrium:
        """An equilibrium of any number of players from its profile and payoffs."""
        mixes = tuple(tuple(x) for x in profile)
        if len(mixes) < 2 or len(payoffs) != len(mixes):
            raise ProfileError(f"an equilibrium needs one strategy and one payoff per player "
                               f"(two or more); got {len(mixes)} and {len(payoffs)}")
        if players is None:
            players = DEFAULT_PLAYERS if len(mixes) == 2 else tuple(
                f"Player {k + 1}" for k in range(len(mixes)))
        strats = None if strategies is None else tuple(tuple(s) for s in strategies)
        return cls(mixes[0], mixes[1], tuple(payoffs), tuple(players), strats,
                   others=mixes[2:])

    @classmethod
    def from_game(cls, game: PayoffGame, row: Sequence[Number], col: Sequence[Number]
                  ) -> Equilibrium:
        """Build an Equilibrium of ``game`` from two mixed strategies, computing payoffs."""
        x, y = tuple(row), tuple(col)
        return cls(x, y, game.expected_payoffs((x, y)), game.players, game.strategies)

    @property
    def profile(self) -> tuple[tuple[Number, ...], ...]:
        """Every player's mixed strategy: ``(row, col)``, or ``(x1, ..., xn)``."""
        return (self.row, self.col, *self.others)

    @property
    def n_players(self) -> int:
        return 2 + len(self.others)

    @property
    def support(self) -> tuple[tuple[int, ...], ...]:
        """Indices played with positive probability by each player."""
        return tuple(tuple(i for i, p in enumerate(x) if p > 0) for x in self.profile)

    @property
    def is_pure(self) -> bool:
        return all(len(s) == 1 for s in self.support)

    @property
    def is_exact(self) -> bool:
        return all(isinstance(v, Fraction) for x in self.profile for v in x) and all(
            isinstance(v, Fraction) for v in self.payoffs)

    def __iter__(self) -> Iterator[tuple[Number, ...]]:
        """``x, y = eq``: the row and the column player's mixed strategies (all n for n)."""
        return iter(self.profile)

    def _labels(self) -> tuple[tuple[str, ...], ...]:
        if self.strategies:
            return self.strategies
        if not self.others:
            return (tuple(f"R{k + 1}" for k in range(len(self.row))),
                    tuple(f"C{k + 1}" for k in range(len(self.col))))
        return tuple(tuple(f"s{k + 1}" for k in range(len(x))) for x in self.profile)

    def pure_labels(self) -> tuple[str, ...] | None:
        """The labels of a pure equilibrium, ``None`` for a mixed one."""
        if not self.is_pure:
            return None
        labs = self._labels()
        return tuple(labs[p][s[0]] for p, s in enumerate(self.support))

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
                 for p, mix in enumerate(self.profile) for k, v in enumerate(mix)]
        cells += [(("payoff", self.players[p]), self.payoffs[p])
                  for p in range(self.n_players)]
        return tuple(cells)

    def as_float(self) -> Equilibrium:
        """The same equilibrium with float entries."""
        return Equilibrium(tuple(map(float, self.row)), tuple(map(float, self.col)),
                           tuple(float(v) for v in self.payoffs),
                           self.players, self.strategies,
                           tuple(tuple(map(float, x)) for x in self.others))

    def describe(self) -> str:
        """One-line human description: ``Aggressor: Probe; Defender: 1/2 Tolerate + ...``."""
        labs = self._labels()
        parts = []
        for p, mix in enumerate(self.profile):
            terms = [(labs[p][k] if v == 1 else f"{format_number(v)} {labs[p][k]}")
                     for k, v in enumerate(mix) if v > 0]
            parts.append(f"{self.players[p]}: {' + '.join(terms)}")
        pay = ", ".join(format_number(v) for v in self.payoffs)
        return f"{'; '.join(parts)}  (payoffs {pay})"

    def __repr__(self) -> str:
        return f"Equilibrium({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"
