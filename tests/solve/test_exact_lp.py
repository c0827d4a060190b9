"""Exact LP: optimal, infeasible and unbounded programmes, equality rows, exact values."""

from fractions import Fraction as F

from gametheory.solve.exact_lp import simplex_max


def test_simplex_small_programs():
    # maximise x + y s.t. x + 2y <= 4, 3x + y <= 6  -> x = 8/5, y = 6/5, value 14/5
    st_, x, v = simplex_max([F(1), F(1)], [[F(1), F(2)], [F(3), F(1)]], ["<=", "<="],
                             [F(4), F(6)])
    assert (st_, x, v) == ("optimal", [F(8, 5), F(6, 5)], F(14, 5))
    assert simplex_max([F(1)], [[F(1)], [F(1)]], [">=", "<="], [F(2), F(1)])[0] == "infeasible"
    assert simplex_max([F(1)], [[F(-1)]], ["<="], [F(1)])[0] == "unbounded"
    # equality with a redundant row
    st_, x, v = simplex_max([F(-1), F(-2)], [[F(1), F(1)], [F(2), F(2)]], ["=", "="],
                             [F(1), F(2)])
    assert (st_, x, v) == ("optimal", [F(1), F(0)], F(-1))
