r"""Regime tables: each regime of a parametric game and the condition under which it holds.

A regime is a named region of parameter space, :math:`\{\theta : R(\theta)\}`, with
:math:`R` a Boolean combination of inequalities between payoff expressions. The table
writes each :math:`R` in LaTeX with the parameters' symbols, each comparison rewritten
with positive terms on both sides (:func:`readable_condition`).

Examples
--------
>>> import sympy as sp
>>> v, c = sp.symbols("v c", positive=True)
>>> print(regime_table({"deterred": v <= c, "probing": v > c}, format="text"))
Regime    Condition
--------  ---------
deterred  v <= c
probing   v > c
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..._latex import latex_symbol_names
from ...core.parametric import ParametricGame
from ...errors import GameError
from .base import Cell, Math, Table, check_width
from .registry import render_rows
from .values import field, math_of

__all__ = ["regime_table", "readable_condition"]

_BIG_DELIMITER = re.compile(r"\\(left|right)(?=[()\[\]|])")


def readable_condition(cond: Any) -> Any:
    """A sympy condition rewritten for reading: each comparison as positive terms on both sides.

    ``lhs ? rhs`` becomes ``P ? N`` where ``lhs - rhs = P - N`` (common factors with a
    known sign taken out first); ``And``/``Or``/``Not`` are kept. The result is
    equivalent to ``cond``.

    Examples
    --------
    >>> import sympy as sp
    >>> h, r, c = sp.symbols("h r c", real=True)
    >>> readable_condition(-h - r >= -c)
    c >= h + r
    >>> readable_condition(sp.Rational(3, 4) * (c - h) < 0)
    c < h
    """
    import sympy as sp
    from sympy.core.relational import Relational

    if isinstance(cond, sp.And | sp.Or):
        return type(cond)(*(readable_condition(a) for a in cond.args), evaluate=False)
    if isinstance(cond, sp.Not):
        return sp.Not(readable_condition(cond.args[0]), evaluate=False)
    if not isinstance(cond, Relational):
        return cond
    f = sp.factor_terms(sp.expand(cond.lhs - cond.rhs))
    coeff, rest = f.as_coeff_Mul()
    if coeff.is_number and coeff != 0:
        if coeff < 0:
            cond = cond.reversed  # a > b  <=>  b < a; negate f below
            f = -f
            coeff, rest = f.as_coeff_Mul()
        f = rest
    common = sp.Integer(1)
    if isinstance(f, sp.Mul):  # keep a symbolic common factor (theta (...) >= theta (...))
        common = sp.Mul(*[a for a in f.args if not isinstance(a, sp.Add)])
        f = sp.Mul(*[a for a in f.args if isinstance(a, sp.Add)])
    f = sp.expand(f)
    pos = [t for t in sp.Add.make_args(f) if not t.could_extract_minus_sign()]
    neg = [-t for t in sp.Add.make_args(f) if t.could_extract_minus_sign()]
    lhs, rhs = sp.Add(*pos), sp.Add(*neg)
    if common != 1:
        lhs, rhs = sp.Mul(common, lhs, evaluate=False), sp.Mul(common, rhs, evaluate=False)
    return Relational(lhs, rhs, cond.rel_op)


def regime_table(
    regimes: Any,
    format: str = "booktabs",
    symbols: Mapping[str, str] | None = None,
    parameters: Iterable[Any] | None = None,
    caption: str | None = None,
    label: str | None = None,
    readable: bool = True,
    width: str | None = "linewidth",
) -> Table:
    r"""A table of regimes and the symbolic condition under which each holds.

    Parameters
    ----------
    regimes : ParametricGame, mapping or sequence
        A ParametricGame (its named ``regime_rules``, else the equilibrium-structure
        partition of ``.regimes()``), a mapping ``name -> sympy condition``, or
        a sequence of ``(name, condition)`` pairs or objects/dicts with ``name`` and
        ``condition`` (and optionally ``equilibrium``/``description``).
    format : {"booktabs", "markdown", "html", "text"}
    symbols : mapping, optional
        LaTeX symbol per parameter name; ``parameters`` (names or Parameters) fills it.
    caption, label : str, optional
    readable : bool
        Rewrite each comparison with positive terms on both sides
        (:func:`readable_condition`); the conditions stay equivalent.
    width : {"linewidth", None}
        LaTeX width policy (booktabs): ``"linewidth"`` (default) fits the table to
        ``\linewidth`` (headers and long text wrapped, conditions broken across lines
        in a column of ``0.62\linewidth``, their ``\left(``/``\right)`` made plain
        parentheses so TeX may break inside; then scaled down if still too wide, never
        up); None keeps the natural width. Other formats ignore it.

    Examples
    --------
    >>> import sympy as sp, gametheory as gt
    >>> v, c = sp.symbols("probe_value probe_cost", positive=True)
    >>> print(gt.tables.regime_table({"no incentive to probe": v <= c,
    ...                               "tolerated probing": v > c},
    ...                              format="markdown", symbols={"probe_value": "v",
    ...                                                          "probe_cost": "c_p"}))
    | Regime | Condition |
    |---|---|
    | no incentive to probe | $v \leq c_p$ |
    | tolerated probing | $v > c_p$ |
    """
    check_width(width)
    syms: dict[str, str] = {}
    if isinstance(regimes, ParametricGame):
        syms.update(latex_symbol_names(regimes.parameters))
        rules = regimes.regime_rules
        regimes = list(rules) if rules else regimes.regimes()
    if parameters is not None:
        syms.update(latex_symbol_names(parameters))
    syms.update(symbols or {})
    items = list(regimes.items()) if isinstance(regimes, Mapping) else list(regimes)
    rows, extra = [], []
    for it in items:
        if isinstance(it, tuple) and len(it) == 2:
            name, cond, eqm, desc = it[0], it[1], None, None
        else:
            name = field(it, "name", "regime", "label")
            cond = field(it, "condition", "conditions")
            eqm = field(it, "equilibrium", "profile")
            desc = field(it, "description")
        if name is None or cond is None:
            raise GameError(f"regime_table: cannot read a name and condition from {it!r}")
        if readable and hasattr(cond, "atoms"):
            cond = readable_condition(cond)
        cell = math_of(cond, syms)
        if width is not None:  # \left( ... \right) is one unbreakable box
            cell = Math(_BIG_DELIMITER.sub("", cell.latex), cell.text)
        rows.append((str(name), cell, eqm, desc))
    has_eq = any(r[2] is not None for r in rows)
    has_desc = any(r[3] for r in rows)
    header: list[Cell] = ["Regime", "Condition"]
    if has_eq:
        header.append("Equilibrium")
        extra.append(2)
    if has_desc:
        header.append("Description")
    body = []
    for name, cond, eqm, desc in rows:
        r: list[Cell] = [name, cond]
        if has_eq:
            r.append(", ".join(map(str, eqm)) if isinstance(eqm, tuple | list)
                     else ("" if eqm is None else str(eqm)))
        if has_desc:
            r.append(desc or "")
        body.append(r)
    align = "l" + r"p{0.62\linewidth}" + "l" * (len(header) - 2)
    return render_rows(header, body, format, caption, label, align, width)
