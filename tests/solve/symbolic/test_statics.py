"""Comparative statics and thresholds (gametheory.solve.symbolic.statics).

Closed forms used are listed in tests/symbolic_games.py.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from symbolic_games import hawk_dove, inspection, prisoners_dilemma, sym

import gametheory as gt
from gametheory.errors import ParameterError
from gametheory.solve.symbolic import threshold


def test_tsebelis_paradox():
    p = inspection()
    cs = p.comparative_statics("Inspectee: Violate", "f")
    assert cs.sign == 0 and cs.derivative == 0          # own penalty does not deter
    cs = p.comparative_statics("Inspector: Inspect", "f")
    assert cs.sign == -1                                 # it makes inspection rarer
    assert sympy.simplify(cs.derivative + sym("g") / sym("f") ** 2) == 0
    assert p.comparative_statics(("Inspectee", "Violate"), "c").sign == 1
    assert p.comparative_statics("Inspectee: Violate", "l").sign == -1
    assert p.comparative_statics("payoff: Inspector", "c").sign == -1
    assert p.comparative_statics("payoff: Inspectee", "f").sign == 0
    assert gt.comparative_statics(p, "g/f", "g").sign == 1      # 1/f, wherever defined
    assert gt.comparative_statics(p, "g*(f - l)", "g").sign is None
    assert gt.comparative_statics(p, sym("c") * sym("l"), "c").derivative == sym("l")


def test_comparative_statics_numerically():
    p = inspection()
    cs = p.comparative_statics("Inspector: Inspect", "g")
    h = Fraction(1, 10**6)
    e1 = p.at(g=1).equilibria()[0].col[0]
    e2 = p.at(g=1 + h).equilibria()[0].col[0]
    slope = (e2 - e1) / h
    exact = cs.derivative.xreplace({sym("g"): 1, sym("f"): 4})
    assert abs(float(slope) - float(exact)) < 1e-5


# ---------------------------------------------------------------- thresholds
def test_threshold_of_pure_condition():
    hd = hawk_dove()
    assert threshold(hd, hd.conditions(("Hawk", "Hawk")), "C") == [sym("V")]
    pd = prisoners_dilemma()
    assert pd.threshold("R >= T and P >= S", "T") == [sym("R")]
    with pytest.raises(ParameterError):
        threshold(pd, "R >= T", "X")




def test_threshold_roots_are_exact():
    p = gt.ParametricGame([["t"]], [["u"]], [gt.Parameter("t", bounds=(0, 1)), "u"])
    cubic = threshold(p, "t^3 - 3*t + 1 >= 0", "t")
    assert len(cubic) == 3 and all(isinstance(r, sympy.CRootOf) for r in cubic)
    assert threshold(p, "t^2 >= 2", "t") == [-sympy.sqrt(2), sympy.sqrt(2)]
    assert threshold(p, "t^2 >= u", "t") == [-sympy.sqrt(sym("u")), sympy.sqrt(sym("u"))]
