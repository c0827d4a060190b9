r"""Threshold tables: parameter values where the equilibrium or regime changes.

A threshold :math:`\theta^*` of a parameter is where the game's regime (or equilibrium
structure) switches; the table lists each one numerically, exactly (as a formula in the
other parameters when known) and what holds just below and just above it.

Examples
--------
>>> print(threshold_table({"cost": 0.5}, format="text"))
Parameter  Value  Exact
---------  -----  -----
cost       0.500  0.5
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

from ..._latex import latex_symbol_names
from ...errors import GameError
from .base import Cell, Table
from .registry import render_rows
from .values import field, math_of, numeric_of, sym_value

__all__ = ["threshold_table"]


@runtime_checkable
class HasThresholds(Protocol):
    """A threshold search result (``gt.thresholds`` output) holding its thresholds."""

    thresholds: Any


def threshold_table(
    thresholds: Any,
    format: str = "booktabs",
    symbols: Mapping[str, str] | None = None,
    parameters: Iterable[Any] | None = None,
    number_format: str = "decimal",
    digits: int = 3,
    caption: str | None = None,
    label: str | None = None,
    width: str | None = "linewidth",
) -> Table:
    r"""A table of parameter thresholds: where each lies, exactly and numerically.

    Parameters
    ----------
    thresholds : mapping or sequence
        ``gt.thresholds`` output (its regimes, else equilibrium structures, become the
        Below/Above columns), a mapping ``label -> value`` or a sequence of
        objects/dicts with ``value`` and optionally ``parameter``, ``expression``
        (the exact formula), ``below``/``above`` (what holds on each side) and
        ``description``.
    format : {"booktabs", "markdown", "html", "text"}
    symbols, parameters : LaTeX symbols, as in :func:`regime_table`.
    number_format, digits : formatting of the numeric value.
    caption, label : str, optional
    width : {"linewidth", None}
        LaTeX width policy (booktabs): ``"linewidth"`` (default) fits the table to
        ``\linewidth`` (headers and long text wrapped, then scaled down if still
        too wide, never up); None keeps the natural width. Other formats ignore it.

    Examples
    --------
    >>> import gametheory as gt
    >>> from fractions import Fraction
    >>> print(gt.tables.threshold_table(
    ...     [{"parameter": "credibility_loss", "value": Fraction(7, 2),
    ...       "below": "Under-react", "above": "Intercept"}], format="text"))
    Parameter         Value  Exact  Below        Above
    ----------------  -----  -----  -----------  ---------
    credibility_loss  3.500  7/2    Under-react  Intercept
    """
    syms: dict[str, str] = dict(latex_symbol_names(parameters or []))
    syms.update(symbols or {})
    if isinstance(thresholds, HasThresholds) and not isinstance(thresholds, Mapping):
        thresholds = thresholds.thresholds
    if isinstance(thresholds, Mapping):
        items: list[Any] = [{"parameter": k, "value": v} for k, v in thresholds.items()]
    else:
        items = list(thresholds)
    cols = {"parameter": False, "value": True, "expression": False, "below": False,
            "above": False, "description": False}
    recs = []
    for it in items:
        rec = {"parameter": field(it, "parameter", "name"),
               "value": field(it, "value", "threshold"),
               "expression": field(it, "expression", "formula"),
               "below": field(it, "below", "left", "regime_before", "before"),
               "above": field(it, "above", "right", "regime_after", "after"),
               "description": field(it, "description", "meaning")}
        if rec["value"] is not None and field(it, "exact") is False:
            rec["expression"] = ""  # a numeric (bracketed) threshold has no exact form
        if rec["value"] is None and rec["expression"] is None:
            raise GameError(f"threshold_table: no value in {it!r}")
        if rec["expression"] is None:
            rec["expression"] = rec["value"]
        for k, v in rec.items():
            if v is not None:
                cols[k] = True
        recs.append(rec)
    names = {"parameter": "Parameter", "value": "Value", "expression": "Exact",
             "below": "Below", "above": "Above", "description": "Description"}
    use = [k for k, on in cols.items() if on]
    header: list[Cell] = [names[k] for k in use]
    body = []
    for rec in recs:
        row: list[Cell] = []
        for k in use:
            v = rec[k]
            if v is None:
                row.append("")
            elif k == "value":
                row.append(numeric_of(v, number_format, digits))
            elif k == "expression":
                row.append(math_of(sym_value(v), syms))
            else:
                row.append(str(v) if not isinstance(v, tuple | list) else ", ".join(map(str, v)))
        body.append(row)
    return render_rows(header, body, format, caption, label, width=width)
