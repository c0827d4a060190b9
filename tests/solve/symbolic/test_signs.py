"""Sign decisions under parameter bounds (gametheory.solve.symbolic.signs).

Closed forms used are listed in tests/symbolic_games.py.
"""

from __future__ import annotations

import sympy
from symbolic_games import inspection, sym

import gametheory as gt
from gametheory.solve.symbolic import sign


def test_sign_helper():
    p = inspection()
    assert sign(sym("g") + sym("f") + 1, p) == 1
    assert sign(-sym("c") - 1, p) == -1
    assert sign(sym("g") - sym("f"), p) is None




def test_bounds_decide_and_cancel_relations():
    from gametheory.solve.symbolic.signs import (
        make_strict,
        normalise,
        relations,
        simplify_condition,
    )

    p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", bounds=(1, None)), "b"])
    a, b = sym("a"), sym("b")
    assert simplify_condition(sympy.Ge(a, 0), p, True) == sympy.true
    assert simplify_condition(sympy.Ge(a, 0), p, False) == sympy.Ge(a, 0)
    assert simplify_condition(sympy.Ge(a * b, 0), p, True) == sympy.Ge(b, 0)
    assert simplify_condition(sympy.Ge(b / a, 1), p, True) == sympy.Ge(b, a)
    assert normalise(sympy.Le(3 * a - 3 * b, 0)) == sympy.Le(a, b)
    assert make_strict(sympy.Ge(a, b)) == sympy.Gt(a, b)
    assert relations(sympy.And(sympy.Ge(a, 0), sympy.Lt(b, 1))) == [sympy.Ge(a, 0),
                                                                   sympy.Lt(b, 1)]
    assert sign(a - a, p) == 0 and sign(b**2 + 1, p) == 1
    assert sign(b / a, p) is None and sign(a / (a + 1), p, weak=True) == 1


def test_sign_of_one_parameter_by_exact_roots():
    p = gt.ParametricGame([["t"]], [["u"]], [gt.Parameter("t", bounds=(0, 1)), "u"])
    t = p.symbols["t"]
    assert sign(t**2 - 3 * t + 3, p) == 1  # no real root at all: sympy alone cannot tell
    assert sign(t**2 - 3 * t + 2, p) is None  # root t = 1 at the bound
    assert sign(t**2 - 3 * t + 2, p, weak=True) is None
    assert sign((t + 1) / (t - 2), p) == -1
    assert sign(sympy.exp(t) - 2, p) is None  # not a polynomial: undecided


# ---------------------------------------------------------------- signs under conditions
def test_sign_under_conditions():
    from gametheory.solve.symbolic.signs import _sign_under
    p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", bounds=(0, None)), "b"])
    a, b = p.symbols["a"], p.symbols["b"]
    gap = sympy.Gt(b - a, 0)
    assert _sign_under(a - b, p, gap) == (-1, (gap,))
    s, why = _sign_under(b, p, gap)          # b = (b - a) + a with a >= 0: positive
    assert s == 1 and gap in why and sympy.Ge(a, 0) in why
    assert _sign_under(b, p, sympy.Gt(b ** 2, 0)) == (None, ())   # b != 0 only
    assert _sign_under(b, p, sympy.Or(gap, sympy.Gt(a, 1))) == (None, ())  # not a conjunct
    assert _sign_under(sympy.exp(b) * (b - a), p, gap)[0] == 1     # non-polynomial factor
    assert _sign_under(b, p, sympy.true) == (None, ())
    assert _sign_under(b - b, p, gap) == (0, ())
