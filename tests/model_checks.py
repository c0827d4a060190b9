"""Helpers the model tests share: exact evaluation of a model's formulas at a point."""

from __future__ import annotations

from fractions import Fraction

import sympy

from gametheory.models.kit import symbol

F = Fraction


def sub(point: dict) -> dict:
    """``{symbol(name): exact value}`` for a point given by parameter names."""
    return {symbol(k): sympy.Rational(F(v).numerator, F(v).denominator)
            for k, v in point.items()}


def val(expr, point: dict) -> Fraction:
    """An expression's exact value at a point."""
    out = sympy.S(expr).xreplace(sub(point))
    assert out.is_Rational, out
    return F(int(out.p), int(out.q))


def truth(cond, point: dict) -> bool:
    """A condition's truth at a point (it must decide there)."""
    out = cond.xreplace(sub(point))
    assert out in (sympy.true, sympy.false), out
    return out == sympy.true


def profiles(game) -> set:
    """The equilibrium set of a numeric game as (row, column) mixtures."""
    return {(e.row, e.col) for e in game.equilibria()}


def pure(i: int, n: int = 2) -> tuple:
    """The pure mixture on strategy ``i`` of ``n``."""
    return tuple(F(int(k == i)) for k in range(n))
