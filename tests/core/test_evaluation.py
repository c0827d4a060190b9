"""Evaluating expressions at a point: exact results, and sizes checked before computing."""

from fractions import Fraction

import pytest
import sympy

from gametheory.core.evaluation import compile_exact, substitute
from gametheory.errors import PayoffError

c = sympy.Symbol("c", real=True)


def test_substitute_is_exact_on_ordinary_values():
    assert substitute(c**2 + sympy.Rational(1, 3), {c: sympy.Rational(1, 2)}, "x") == \
        sympy.Rational(7, 12)


@pytest.mark.parametrize("expr, value", [(3**c, 10**15), (sympy.exp(c), 10**6)])
def test_substitute_refuses_values_too_large_to_compute(expr, value):
    with pytest.raises(PayoffError, match="x:"):
        substitute(expr, {c: sympy.Integer(value)}, "x")


def test_compile_exact_evaluates_rational_expressions_and_declines_the_rest():
    f = compile_exact(c**2 / 3 - 1)
    assert f({"c": Fraction(3, 2)}) == Fraction(-1, 4)
    assert compile_exact(sympy.exp(c)) is None
