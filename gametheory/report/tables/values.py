r"""Cells of the list tables: numbers, mixed strategies and formulas as :class:`Math`.

Each helper returns a cell that renders in every format: LaTeX
(``\tfrac{1}{3}\,\text{C}``) for TeX, Markdown and HTML, plain text (``1/3 C``) for
the terminal.

Examples
--------
>>> from fractions import Fraction
>>> num_cell(Fraction(1, 3), "exact", 3)
Math(latex='\\tfrac{1}{3}', text='1/3')
>>> mix_cell([Fraction(1, 2), Fraction(1, 2)], ["C", "D"], "exact", 3)[0].text
'1/2 C + 1/2 D'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from ..._latex import escape_latex, latex_expr, latex_number, text_number
from .base import Cell, Math

__all__ = ["sym_value", "num_cell", "mix_cell", "math_of", "numeric_of", "field"]


def sym_value(value: Any) -> Any:
    """A sympy number as Fraction/float; symbolic expressions unchanged (a
    :class:`~gametheory.core.formula.Formula` becomes its sympy expression)."""
    import sympy as sp

    if hasattr(value, "_sympy_") and not isinstance(value, sp.Basic):
        value = sp.sympify(value)
    if isinstance(value, sp.Basic) and not value.free_symbols:
        if value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        return float(value)
    return value


def num_cell(v: Any, number_format: str, digits: int) -> Math:
    """A number in the table's number format."""
    return Math(latex_number(v, number_format, digits), text_number(v, number_format, digits))


def mix_cell(mix: Sequence[Any], labels: Sequence[str], number_format: str,
             digits: int) -> tuple[Math, str]:
    """A mixed strategy ``p_1 s_1 + p_2 s_2 + ...`` (support only) and its support's labels."""
    terms_l, terms_t, support = [], [], []
    for k, p in enumerate(mix):
        if p > 0:
            support.append(labels[k])
            lab_l = r"\text{" + escape_latex(labels[k]) + "}"
            if p == 1:
                terms_l.append(lab_l)
                terms_t.append(labels[k])
            else:
                terms_l.append(f"{latex_number(p, number_format, digits)}\\,{lab_l}")
                terms_t.append(f"{text_number(p, number_format, digits)} {labels[k]}")
    lines = tuple(t + (" +" if k < len(terms_l) - 1 else "") for k, t in enumerate(terms_l))
    lines = lines if len(lines) > 1 else ()
    return Math(" + ".join(terms_l), " + ".join(terms_t), lines), ", ".join(support)


def math_of(expr: Any, symbols: Mapping[str, str]) -> Math:
    """A formula, number or text as a math cell (parameters written with ``symbols``)."""
    import sympy as sp

    if isinstance(expr, sp.Basic):
        return Math(latex_expr(expr, symbols), sp.sstr(expr))
    if isinstance(expr, Fraction | int | float) and not isinstance(expr, bool):
        return Math(latex_number(expr), text_number(expr))
    return Math(r"\text{" + escape_latex(expr) + "}", str(expr))


def numeric_of(v: Any, number_format: str, digits: int) -> Cell:
    """A value as a number cell, or as text when it is not a number."""
    try:
        x = sym_value(v)
        if not isinstance(x, Fraction | int | float):
            x = float(x)
    except (TypeError, ValueError):
        return str(v)
    return num_cell(x, number_format, digits)


def field(item: Any, *names: str, default: Any = None) -> Any:
    """The first of ``names`` that ``item`` (a mapping or object) has with a non-empty value.

    >>> field({"name": "", "label": "x"}, "name", "label")
    'x'
    """
    for n in names:
        if isinstance(item, Mapping) and n in item:
            v = item[n]
        elif not isinstance(item, Mapping) and hasattr(item, n):
            v = getattr(item, n)
        else:
            continue
        if v is not None and not (isinstance(v, str) and v == ""):
            return v
    return default
