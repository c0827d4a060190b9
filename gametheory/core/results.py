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
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol, SupportsIndex, TypeVar, runtime_checkable

from .._numbers import format_number
from ..errors import GameError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["EquilibriumList", "TableRow", "Cell", "identifier", "plain_value"]

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
