"""Exact real-root isolation (gametheory._roots) against roots known in closed form."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from gametheory._roots import RealRoot, as_rational_poly, real_roots, sign_at
from gametheory.errors import GameError

x, a = sympy.symbols("x a")


def exact(roots: list[RealRoot]) -> list:
    return [r.exact() for r in roots]


def test_known_rational_roots_in_order():
    p = (x - 3) * (2 * x + 1) * (x - Fraction(2, 3))
    assert exact(real_roots(p, x)) == [sympy.Rational(-1, 2), sympy.Rational(2, 3), 3]
    assert all(r.is_rational and r.lo == r.hi for r in real_roots(p, x))


def test_multiple_roots_are_counted_once_with_multiplicity():
    roots = real_roots((x - 1) ** 3 * (x + 2) ** 2 * (x**2 + 1), x)
    assert [(r.exact(), r.multiplicity) for r in roots] == [(-2, 2), (1, 3)]


def test_irrational_roots_are_exact_and_isolated():
    roots = real_roots((x**2 - 2) * (x**2 - 3), x)
    assert exact(roots) == [-sympy.sqrt(3), -sympy.sqrt(2), sympy.sqrt(2), sympy.sqrt(3)]
    for r in roots:
        assert not r.is_rational and r.degree == 2
        assert r.lo < r.exact() < r.hi
    assert all(roots[k].hi < roots[k + 1].lo for k in range(3))  # disjoint, so ordered


def test_roots_of_degree_five_are_crootof():
    roots = real_roots(x**5 - x - 1, x)
    assert len(roots) == 1
    assert roots[0].exact() == sympy.CRootOf(x**5 - x - 1, 0)
    assert abs(float(roots[0]) - 1.1673039782614187) < 1e-14


def test_roots_at_interval_ends():
    p = x * (x - 1) * (x - Fraction(1, 2))
    assert exact(real_roots(p, x, lo=0, hi=1)) == [0, sympy.Rational(1, 2), 1]
    assert exact(real_roots(p, x, lo=0, hi=1, closed=False)) == [sympy.Rational(1, 2)]
    assert exact(real_roots(p, x, lo=Fraction(1, 2))) == [sympy.Rational(1, 2), 1]


def test_irrational_root_near_an_interval_end():
    # sqrt(2) - 1e-12 < lo < sqrt(2): the isolating interval is refined past the end
    lo = Fraction(1414213562373, 10**12)
    assert exact(real_roots(x**2 - 2, x, lo=lo)) == [sympy.sqrt(2)]
    assert real_roots(x**2 - 2, x, lo=0, hi=lo) == []


def test_coefficients_and_poly_input():
    assert exact(real_roots([1, 0, -4])) == [-2, 2]
    assert exact(real_roots(sympy.Poly(x**2 - 4, x), lo=0)) == [2]
    assert as_rational_poly([Fraction(1, 3), 1]).all_coeffs() == [sympy.Rational(1, 3), 1]


def test_refusals():
    with pytest.raises(GameError, match="rational coefficients"):
        real_roots(x**2 - sympy.pi, x)
    with pytest.raises(GameError, match="rational coefficients"):
        real_roots(x * a - 1)
    with pytest.raises(GameError, match="zero polynomial"):
        real_roots([0])


def test_sign_at_rational_and_algebraic_points():
    r2 = real_roots(x**2 - 2, x, lo=0)[0]
    assert sign_at(x**2 - 2, r2, x) == 0
    assert sign_at((x**2 - 2) ** 2 * (x + 5), r2, x) == 0
    # 1.41421356237 < sqrt(2) < 1.41421356238, decided without floating point
    assert sign_at(x - Fraction(141421356237, 10**11), r2, x) == 1
    assert sign_at(x - Fraction(141421356238, 10**11), r2, x) == -1
    assert sign_at(x**2 - 3, r2, x) == -1 and sign_at(-(x**3) + 3, r2, x) == 1
    assert sign_at(x - 1, Fraction(1), x) == 0 and sign_at([1, -1], 3) == 1
    one = real_roots(x - 1, x)[0]
    assert sign_at(x**2 - 2, one, x) == -1


def test_equality_is_by_number():
    a1 = real_roots(x**2 - 2, x)[1]
    a2 = real_roots((x**2 - 2) * (x - 7), x)[1]
    assert a1 == a2 and hash(a1) == hash(a2)
    assert a1.refine(Fraction(1, 10**9)) == a1
    assert a1.refine(Fraction(1, 10**9)).hi - a1.refine(Fraction(1, 10**9)).lo <= \
        Fraction(1, 10**9)

