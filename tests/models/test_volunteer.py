"""The n-member volunteer's dilemma: Diekmann's (1985) group-size result and the asymmetric
case (Diekmann 1993), reproduced by the exact n-player support enumeration and compared
with the closed forms exactly (minimal polynomials, exact root comparison)."""

from __future__ import annotations

import math
from fractions import Fraction as F

import numpy as np
import pytest
import sympy

import gametheory as gt
from gametheory._roots import compare, real_roots
from gametheory.models.volunteer import INTERCEPT, WAIT, nobody_intercepts
from gametheory.solve.logit_qre import max_regret

x = sympy.Symbol("x")


def _solve(n, **values):
    return gt.models.volunteers_dilemma_n(n, **values).equilibria()


def _fully_mixed(sol):
    return [e for e in sol.equilibria if all(len(s) == 2 for s in e.support)]


def _group_size(ns):
    """Diekmann (1985), J. Conflict Resolution 29(4): in the symmetric mixed equilibrium
    P(nobody volunteers) = (c/b)^(n/(n-1)). Here b = 4, c = 1: the solver's value is a
    root of x^(n-1) - (1/4)^n (its minimal polynomial divides it) and positive, and that
    polynomial has one positive root, the closed form. Returns those roots."""
    r = F(1, 4)
    closed_roots = []
    for n in ns:
        sol = _solve(n)
        # 2^n - 1 equilibria (hand derivation): n with one interceptor, and for every set
        # of k >= 2 allies one where they mix and the others wait; no continuum
        assert len(sol.equilibria) == 2**n - 1 and sol.continua == ()
        assert sum(e.support == tuple((INTERCEPT,) if i == k else (WAIT,) for i in range(n))
                   for e in sol.equilibria for k in range(n)) == n
        (eq,) = _fully_mixed(sol)
        q = eq.profile[0][WAIT]
        assert all(p[WAIT] == q for p in eq.profile)  # the symmetric one
        p_nobody = sympy.sympify(nobody_intercepts(eq.profile))
        target = x**(n - 1) - sympy.Rational(r.numerator, r.denominator)**n
        mp = sympy.minimal_polynomial(p_nobody, x)
        assert sympy.rem(target, mp, x) == 0
        assert sympy.sympify(p_nobody).is_positive
        (positive,) = real_roots(target, x, lo=0, closed=False)
        closed = sympy.Rational(1, 4)**sympy.Rational(n, n - 1)
        assert sympy.minimal_polynomial(p_nobody - closed, x) == x
        closed_roots.append(positive)
        # each ally is indifferent: b - c = b (1 - q^(n-1))
        assert sympy.minimal_polynomial(sympy.sympify(q)**(n - 1) - sympy.Rational(1, 4), x) == x
    return closed_roots


@pytest.mark.slow
def test_diekmann_1985_group_size_result_by_the_solver_n_2_to_5():
    roots = _group_size(range(2, 6))
    # P(nobody) rises with n, compared exactly, and stays below its limit c/b
    assert all(compare(a, b) < 0 for a, b in zip(roots, roots[1:], strict=False))
    assert compare(roots[-1], F(1, 4)) < 0


@pytest.mark.slow
def test_diekmann_1985_group_size_result_by_the_solver_n_6():
    """n = 6 (729 support profiles, the slowest exact solve here: about 12-30 s)."""
    (six,) = _group_size([6])
    (five,) = real_roots(x**4 - sympy.Rational(1, 4)**5, x, lo=0, closed=False)
    assert compare(five, six) < 0 and compare(six, F(1, 4)) < 0


def test_smaller_sets_of_mixers_follow_the_same_rule():
    """For 4 allies, the equilibria where exactly k = 2 or 3 allies mix have those allies
    waiting with probability (c/b)^(1/(k-1)) and the others waiting for sure."""
    sol = _solve(4, intercept_cost=2, protection_value=8)
    for e in sol.equilibria:
        mixers = [i for i, s in enumerate(e.support) if len(s) == 2]
        if len(mixers) < 2:
            continue
        k = len(mixers)
        assert all(e.support[i] == (WAIT,) for i in range(4) if i not in mixers)
        q = sympy.sympify(e.profile[mixers[0]][WAIT])
        assert sympy.minimal_polynomial(q**(k - 1) - sympy.Rational(1, 4), x) == x
    assert sum(1 for e in sol.equilibria if sum(len(s) == 2 for s in e.support) == 2) == \
        math.comb(4, 2)


def test_asymmetric_two_members_match_the_two_player_model():
    """n = 2: member i intercepts w.p. 1 - r_j, as gt.models.volunteers_dilemma says (a
    different code path: the bimatrix solver)."""
    g = gt.models.asymmetric_volunteers_dilemma(2, protection_value_1=4, protection_value_2=2,
                                                intercept_cost_1=1, intercept_cost_2=1)
    (mixed,) = _fully_mixed(g.equilibria())
    two = [e for e in gt.models.volunteers_dilemma().at().equilibria() if not e.is_pure]
    assert (mixed.profile[0][0], mixed.profile[1][0]) == (two[0].row[0], two[0].col[0])


def test_diekmann_1993_lowest_cost_ratio_intercepts_least():
    """Diekmann (1993), asymmetric case, n = 3 at the defaults (r = 1/4, 5/16, 3/8): in the
    completely mixed equilibrium member k waits w.p. P / r_k with P = (r1 r2 r3)^(1/2), so
    the member with the lowest cost ratio intercepts least."""
    g = gt.models.asymmetric_volunteers_dilemma(3)
    sol = g.equilibria()
    (eq,) = _fully_mixed(sol)
    ratios = [F(1, 4), F(5, 16), F(3, 8)]
    P = sympy.sqrt(sympy.Rational(15, 512))
    for k, r in enumerate(ratios):
        q = sympy.sympify(eq.profile[k][WAIT])
        assert sympy.minimal_polynomial(q - P / sympy.Rational(r.numerator, r.denominator),
                                        x) == x
    volunteer = [sympy.sympify(eq.profile[k][INTERCEPT]) for k in range(3)]
    assert (volunteer[1] - volunteer[0]).is_positive and (volunteer[2] - volunteer[1]).is_positive
    # the solver's profile is an equilibrium: every pure deviation gains nothing (floats)
    arrays = g.arrays()
    sigma = [np.array([float(sympy.sympify(p)) for p in s]) for s in eq.profile]
    assert max_regret([np.array(u, dtype=float) for u in arrays], sigma) < 1e-12


def test_no_completely_mixed_equilibrium_when_one_ratio_is_far_below():
    """With r = (1/8, 1/2, 1/2), P = (1/32)^(1/2) > 1/8 = min r: no completely mixed
    equilibrium; the member with most at stake then waits for sure in every mixed one."""
    g = gt.models.asymmetric_volunteers_dilemma(3, intercept_cost_1="1/2", intercept_cost_2=2,
                                                intercept_cost_3=2)
    sol = g.equilibria()
    assert _fully_mixed(sol) == []
    for e in sol.equilibria:
        if len(e.support[1]) == 2 and len(e.support[2]) == 2:
            assert e.support[0] == (WAIT,)


def test_validation():
    with pytest.raises(gt.ParameterError, match="2 to"):
        gt.models.volunteers_dilemma_n(1)
    with pytest.raises(gt.ParameterError, match="constraint"):
        gt.models.volunteers_dilemma_n(3, intercept_cost=5)
    with pytest.raises(gt.ParameterError, match="distinct"):
        gt.models.volunteers_dilemma_n(["A", "A"])
    with pytest.raises(gt.ParameterError, match="not_a_parameter"):
        gt.models.volunteers_dilemma_n(3, not_a_parameter=1)
    g = gt.models.volunteers_dilemma_n(["Poland", "Estonia", "Latvia"])
    assert g.players == ("Poland", "Estonia", "Latvia") and g.shape == (2, 2, 2)
    assert g.parameter_names == ("protection_value", "intercept_cost")
