"""Exact real-root isolation (gametheory._roots) against roots known in closed form."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
import sympy

from gametheory._roots import (
    RealRoot,
    as_rational_poly,
    compare,
    real_roots,
    sign_at,
    simplest_between,
    sorted_roots,
)
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



def brute_simplest(a, b) -> Fraction:
    """Smallest denominator, then least absolute value, by enumeration (a < b exact)."""
    a, b = (v.refine(Fraction(1, 10**9)) if isinstance(v, RealRoot) else v for v in (a, b))
    fa, fb = float(a), float(b)
    for den in range(1, 10**4):
        inside = []
        for num in range(math.floor(fa * den) - 1, math.ceil(fb * den) + 2):
            q = Fraction(num, den)
            if compare(q, a) > 0 and compare(q, b) < 0:
                inside.append(q)
        if inside:
            return min(inside, key=abs)
    raise AssertionError("no rational found")


def test_simplest_between_matches_enumeration():
    rng = random.Random(7)
    for _ in range(60):
        a = Fraction(rng.randint(-300, 300), rng.randint(1, 40))
        b = a + Fraction(rng.randint(1, 30), rng.randint(1, 60))
        assert simplest_between(a, b) == brute_simplest(a, b)


def test_simplest_between_algebraic_ends():
    r2, r3 = real_roots(x**2 - 2, x, lo=0)[0], real_roots(x**2 - 3, x, lo=0)[0]
    c = real_roots(x**3 - x - 11, x)[0].exact()  # degree 3: CRootOf
    c5 = real_roots(x**3 - x - 11, x)[0]
    assert c == sympy.CRootOf(x**3 - x - 11, 0)
    for a, b in [(r2, r3), (Fraction(7, 5), r2), (r2, Fraction(17, 12)), (1, c5),
                 (c5, Fraction(241, 100))]:
        q = simplest_between(a, b)
        assert q == brute_simplest(a, b)
        assert compare(a, q) < 0 < compare(b, q)
    # the answer does not depend on how narrow the isolating interval is
    fine = r2.refine(Fraction(1, 10**15))
    assert simplest_between(fine, r3) == simplest_between(r2, r3) == Fraction(3, 2)


def test_simplest_between_tiny_gap_and_unbounded_ends():
    a = Fraction(10**12 - 1, 10**12)
    assert simplest_between(a, 1) == Fraction(10**12, 10**12 + 1)  # a long run, bisected
    assert simplest_between(None, None) == 0
    assert simplest_between(None, Fraction(-5, 2)) == -3
    assert simplest_between(Fraction(5, 2), None) == 3
    assert simplest_between(Fraction(-1, 3), None) == 0
    assert simplest_between(0, Fraction(1, 10**6)) == Fraction(1, 10**6 + 1)


def test_simplest_between_refuses_empty_intervals():
    r2 = real_roots(x**2 - 2, x, lo=0)[0]
    for a, b in [(1, 1), (2, 1), (r2, r2), (r2, Fraction(7, 5))]:
        with pytest.raises(GameError, match="a < b"):
            simplest_between(a, b)


def test_compare_exactly():
    r2 = real_roots(x**2 - 2, x, lo=0)[0]
    r2b = real_roots((x**2 - 2) * (x - 9), x)[1]
    c = real_roots(x**5 - x - 1, x)[0]  # 1.1673...
    assert compare(r2, r2b) == 0 and compare(r2, c) == 1 and compare(c, r2) == -1
    assert compare(RealRoot.of(Fraction(1, 2)), Fraction(1, 2)) == 0
    assert compare(Fraction(141421356238, 10**11), r2) == 1
    assert compare(r2, Fraction(141421356238, 10**11)) == -1
    assert compare(3, 2) == 1


def test_sorted_roots_merges_calls_and_drops_duplicates():
    roots = (real_roots(x**3 - x - 2, x) + real_roots((x**2 - 2) * (x - 1), x)
             + real_roots(x**2 - 2, x, lo=0) + [RealRoot.of(1)])
    out = sorted_roots(roots)
    assert [r.exact() for r in out] == [-sympy.sqrt(2), 1, sympy.sqrt(2),
                                        sympy.CRootOf(x**3 - x - 2, 0)]
    assert all(out[k].hi < out[k + 1].lo for k in range(len(out) - 1))
    assert [float(r) for r in out] == sorted(float(r) for r in out)


def test_rational_roots_and_number():
    half = RealRoot.of(Fraction(1, 2))
    assert half == real_roots(2 * x - 1, x)[0] and half.number() == Fraction(1, 2)
    assert isinstance(half.number(), Fraction)
    assert real_roots(x**2 - 2, x, lo=0)[0].number() == sympy.sqrt(2)
    t = sympy.Symbol("t")
    assert real_roots(t**3 - t - 7, t)[0].number(t) == sympy.CRootOf(t**3 - t - 7, 0)


def test_sign_at_agrees_with_high_precision_evaluation():
    roots = real_roots(x**5 - 3 * x + 1, x)  # three real roots, CRootOf
    for g in [x**2 - 1, x**3 - x - Fraction(1, 3), (x**5 - 3 * x + 1) * (x + 4), 7 - x**4]:
        for r in roots:
            v = g.subs(x, r.exact()).evalf(50)
            expect = 0 if abs(v) < 1e-40 else (1 if v > 0 else -1)
            assert sign_at(g, r, x) == expect


@pytest.mark.parametrize("p", [x**3 - 2, x**3 + 2, x**4 - 5, x**5 - Fraction(1, 2),
                               x**3 + Fraction(4, 9), x**6 - 2, x**2 - x - 1,
                               x**4 - 3 * x**2 - x - 1, (x**2 - 2) * (x**3 - 7) * (x - 1)])
def test_exact_forms_are_those_of_sympy_real_roots(p):
    """Radicals for quadratics and binomials x**n - a, CRootOf otherwise, as sympy prints
    them; and the same numbers (checked numerically against the polynomial)."""
    ours = [r.exact(x) for r in real_roots(p, x)]
    assert ours == sympy.real_roots(sympy.Poly(p, x))
    for r in ours:
        assert abs(sympy.N(p.subs(x, r), 40)) < 1e-30


def test_refine_refuses_a_non_positive_width():
    r2 = real_roots(x**2 - 2, x, lo=0)[0]
    with pytest.raises(GameError, match="positive width"):
        r2.refine(Fraction(0))
