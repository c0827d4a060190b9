r"""Evaluating payoff expressions: bounded substitution and a fast exact evaluator.

Expressions come from :mod:`gametheory.core.expressions` (the restricted language) and
are evaluated here at parameter points. :func:`substitute` estimates the size of every
power and exponential before computing it, so a value such as :math:`3^c` at
:math:`c = 10^{15}` is refused at once (the limits are in :mod:`gametheory._limits`);
:func:`compile_exact` turns the common rational expressions into plain Python functions
that evaluate them exactly and quickly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import sympy

from .. import _limits
from ..errors import PayoffError
from .expressions import MAX_POWER, short_text

__all__ = ["substitute", "compile_exact"]


def _log2_magnitude(value: sympy.Expr) -> float:
    """:math:`|\\log_2 |x||` of a real number, estimated without computing more than a float."""
    if value.is_Rational:
        if value == 0:
            return 0.0
        return abs(math.log2(abs(int(value.p))) - math.log2(int(value.q)))
    try:
        x = abs(float(value))
    except (OverflowError, TypeError, ValueError):
        return math.inf
    return math.inf if x == 0 or not math.isfinite(x) else abs(math.log2(x))


def _check_evaluation(node: sympy.Basic, args: list[sympy.Basic], where: str) -> None:
    if isinstance(node, sympy.Pow) and all(a.is_number for a in args):
        base, exponent = args
        if base in (0, 1, -1):
            return
        try:
            k = abs(float(exponent))
        except (OverflowError, TypeError, ValueError):
            k = math.inf
        bits = k * _log2_magnitude(base)
        if bits > _limits.MAX_EVALUATION_BITS:
            raise PayoffError(f"{where}: {short_text(node)} at this point would need about "
                              f"{bits:.3g} bits, more than the limit of "
                              f"{_limits.MAX_EVALUATION_BITS}")
    elif isinstance(node, sympy.exp) and args[0].is_number:
        try:
            x = float(sympy.re(args[0]))
        except (OverflowError, TypeError, ValueError):
            x = math.inf
        if x > _limits.MAX_EXP_ARGUMENT:
            raise PayoffError(f"{where}: {short_text(node)} at this point has an argument above "
                              f"{_limits.MAX_EXP_ARGUMENT}, beyond any finite payoff")


def substitute(expr: sympy.Basic, values: Mapping[sympy.Basic, sympy.Basic],
               where: str = "expression") -> sympy.Basic:
    r"""``expr.xreplace(values)`` with every power and exponential bounded first.

    The tree is rebuilt from the leaves up. Before a numeric power :math:`b^e` is formed,
    its size :math:`|e| \log_2 |b|` in bits is estimated from floats and refused beyond
    :data:`~gametheory._limits.MAX_EVALUATION_BITS`; before ``exp(x)`` is formed,
    :math:`x` is refused above :data:`~gametheory._limits.MAX_EXP_ARGUMENT`. So
    ``3^c`` at :math:`c = 10^{15}` ends at once with a :class:`PayoffError` instead of
    computing a number of :math:`1.6 \times 10^{15}` bits.

    >>> c = sympy.Symbol("c", real=True)
    >>> substitute(3**c + 1, {c: sympy.Integer(4)})
    82
    >>> substitute(3**c, {c: sympy.Integer(10**15)}, "A[0, 0]")
    Traceback (most recent call last):
    ...
    gametheory.errors.PayoffError: A[0, 0]: 3**c at this point would need about 1.58e+15 bits, ...
    """
    if not expr.args:
        return values.get(expr, expr)
    args = [substitute(a, values, where) for a in expr.args]
    _check_evaluation(expr, args, where)
    return expr.func(*args)


def _const(value: Any) -> Callable[[Mapping[str, Any]], Any]:
    return lambda point: value


def compile_exact(expr: sympy.Basic) -> Callable[[Mapping[str, Any]], Any] | None:
    """A function ``point -> Fraction or bool`` evaluating ``expr`` exactly, or None.

    Covers rational arithmetic (Add, Mul, integer powers), Min, Max, Abs, comparisons
    and and/or/not: the common case of payoffs and constraints, much faster than
    substitution. Anything else (exp, log, sqrt, ...) returns None and the caller falls
    back to sympy substitution. A zero denominator raises ``ZeroDivisionError``.

    >>> from gametheory.core.expressions import parse_expression
    >>> f = compile_exact(parse_expression("max(a, 1/2) * b^2", ["a", "b"]))
    >>> f({"a": Fraction(1, 3), "b": Fraction(2)})
    Fraction(2, 1)
    >>> compile_exact(parse_expression("sqrt(a)", ["a"])) is None
    True
    """
    if expr.is_Rational:
        return _const(Fraction(int(expr.p), int(expr.q)))
    if expr is sympy.true or expr is sympy.false:
        return _const(bool(expr))
    if expr.is_Symbol:
        name = expr.name
        return lambda point: point[name]
    parts = [compile_exact(a) for a in expr.args]
    if any(p is None for p in parts):
        return None
    if isinstance(expr, sympy.Pow):
        if not expr.exp.is_Integer or abs(int(expr.exp)) > MAX_POWER:
            return None
        base, k = parts[0], int(expr.exp)
        return lambda point: base(point) ** k
    simple = {sympy.Add: sum, sympy.Min: min, sympy.Max: max, sympy.And: all, sympy.Or: any}
    for cls, fn in simple.items():
        if isinstance(expr, cls):
            return lambda point, fn=fn: fn(p(point) for p in parts)
    if isinstance(expr, sympy.Mul):
        def mul(point: Mapping[str, Any]) -> Fraction:
            out = Fraction(1)
            for p in parts:
                out *= p(point)
            return out
        return mul
    ops = {sympy.Abs: lambda a: abs(a), sympy.Not: lambda a: not a}
    for cls, fn in ops.items():
        if isinstance(expr, cls):
            return lambda point, fn=fn: fn(parts[0](point))
    rels = {sympy.LessThan: lambda a, b: a <= b, sympy.StrictLessThan: lambda a, b: a < b,
            sympy.GreaterThan: lambda a, b: a >= b, sympy.StrictGreaterThan: lambda a, b: a > b,
            sympy.Equality: lambda a, b: a == b, sympy.Unequality: lambda a, b: a != b}
    for cls, fn in rels.items():
        if type(expr) is cls:
            return lambda point, fn=fn: fn(parts[0](point), parts[1](point))
    return None
