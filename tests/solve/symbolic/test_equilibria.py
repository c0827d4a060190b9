"""Closed-form pure conditions and mixed equilibria (gametheory.solve.symbolic.equilibria).

Closed forms used are listed in tests/symbolic_games.py.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy
from symbolic_games import hawk_dove, inspection, prisoners_dilemma, pure_set, sym

import gametheory as gt
from gametheory.errors import LabelError, ParameterError, SolverError
from gametheory.solve.symbolic import mixed_equilibrium, pure_conditions


# ---------------------------------------------------------------- pure conditions
def test_prisoners_dilemma_conditions():
    pd = prisoners_dilemma()
    R, S, T, P = (sym(n) for n in "RSTP")
    assert pd.conditions(("D", "D")) == sympy.Ge(P, S)
    assert pd.conditions(("C", "C")) == sympy.Ge(R, T)
    assert pd.conditions(("C", "D")) == sympy.And(sympy.Ge(S, P), sympy.Ge(T, R))
    # agree with numeric solving at exact points with T > R > P > S and others
    for vals in ({"T": 5, "R": 3, "P": 1, "S": 0}, {"T": 3, "R": 5, "P": 1, "S": 0},
                 {"T": "7/2", "R": 3, "P": 2, "S": "5/2"}):
        g = pd.at(**vals)
        for prof in itertools.product(("C", "D"), repeat=2):
            holds = pd.conditions(prof).xreplace(pd.subs_map(pd.values(**vals)))
            assert bool(holds) == g.is_equilibrium(prof), (vals, prof)


def test_hawk_dove_conditions_match_maynard_smith():
    hd = hawk_dove()
    V, C = sym("V"), sym("C")
    assert hd.conditions(("Hawk", "Hawk")) == sympy.Ge(V, C)
    assert hd.conditions(("Hawk", "Dove")) == sympy.Ge(C, V)   # V >= V/2 holds as V >= 0
    # V/2 >= V only if V = 0: not decided by V >= 0, stated as a condition
    assert hd.conditions(("Dove", "Dove")) == sympy.Le(V, 0)
    for V_, C_ in ((2, 6), (6, 2), (1, 3), ("5/2", "3/2")):
        g = hd.at(V=V_, C=C_)
        expected = {("Hawk", "Hawk")} if Fraction(V_) > Fraction(C_) else \
            {("Hawk", "Dove"), ("Dove", "Hawk")}
        assert pure_set(g) == expected


def test_dove_dove_needs_zero_value_without_bounds():
    hd = gt.ParametricGame([["(V - C)/2", "V"], [0, "V/2"]], [["(V - C)/2", 0], ["V", "V/2"]],
                           ["V", "C"])
    assert hd.conditions((1, 1)) == sympy.Le(sym("V"), 0)


def test_matching_pennies_has_no_pure_equilibrium():
    mp = gt.ParametricGame([["a", "-a"], ["-a", "a"]], [["-a", "a"], ["a", "-a"]],
                           [gt.Parameter("a", bounds=(1, None))])
    for prof in itertools.product((0, 1), repeat=2):
        assert mp.conditions(prof) == sympy.false
    eq = mp.mixed_equilibrium(((0, 1), (0, 1)))
    assert eq.row == (sympy.Rational(1, 2),) * 2 and eq.col == (sympy.Rational(1, 2),) * 2
    assert eq.payoffs == (0, 0)
    assert eq.conditions == sympy.true


def test_profile_errors():
    pd = prisoners_dilemma()
    with pytest.raises(LabelError):
        pd.conditions(("C", "X"))
    with pytest.raises(LabelError):
        pd.conditions("C")


# ---------------------------------------------------------------- mixed equilibria
def test_hawk_dove_mixed_is_v_over_c():
    hd = hawk_dove()
    V, C = sym("V"), sym("C")
    eq = hd.mixed_equilibrium((("Hawk", "Dove"), ("Hawk", "Dove")))
    assert sympy.simplify(eq.row[0] - V / C) == 0
    assert sympy.simplify(eq.col[0] - V / C) == 0
    # payoff of the mixed ESS: V/2 (1 - V/C)  (Maynard Smith 1982, ch. 2)
    assert sympy.simplify(eq.payoffs[0] - V / 2 * (1 - V / C)) == 0
    e = eq.at(V=2, C=6)
    assert e.row == (Fraction(1, 3), Fraction(2, 3))
    assert e in hd.at(V=2, C=6).equilibria()
    assert not eq.holds(V=6, C=2)
    with pytest.raises(ParameterError, match="not valid"):
        eq.at(V=6, C=2)


def test_inspection_game_closed_form():
    p = inspection()
    g, f, c, l = (sym(n) for n in "gfcl")
    eq = p.mixed_equilibrium((("Violate", "Comply"), ("Inspect", "Trust")))
    assert sympy.simplify(eq.row[0] - c / l) == 0
    assert sympy.simplify(eq.col[0] - g / f) == 0
    assert sympy.simplify(eq.payoffs[0]) == 0
    assert sympy.simplify(eq.payoffs[1] + c) == 0
    for vals in ({}, {"g": 2, "f": 5, "c": "1/2", "l": 7}, {"g": "0.3", "f": 1, "l": 2}):
        num = p.at(**vals).equilibria()
        assert num == [eq.at(**vals)]


def test_mixed_support_errors():
    pd = prisoners_dilemma()
    with pytest.raises(SolverError, match="inconsistent"):
        pd.mixed_equilibrium(((0, 1), (0,)))
    with pytest.raises(SolverError, match="does not determine a unique"):
        pd.mixed_equilibrium(((0,), (0, 1)))
    with pytest.raises(LabelError, match="outside its support"):
        pd.mixed_equilibrium(((0,), (0,)), tight=((0,), ()))
    deg = gt.ParametricGame([["a", "a"], ["a", "a"]], [[0, 0], [0, 0]], ["a"])
    with pytest.raises(SolverError, match="singular"):
        deg.mixed_equilibrium(((0, 1), (0, 1)))


def test_mixed_agrees_with_numeric_on_asymmetric_chicken():
    # asymmetric chicken: crash costs cr (row) and cc (column), concession loss 1, win 1
    p = gt.ParametricGame([[0, -1], [1, "-cr"]], [[0, 1], [-1, "-cc"]],
                          [gt.Parameter("cr", bounds=(0, None)),
                           gt.Parameter("cc", bounds=(0, None))],
                          strategies=(("Swerve", "Straight"), ("Swerve", "Straight")))
    eq = p.mixed_equilibrium(((0, 1), (0, 1)))
    cr, cc = sym("cr"), sym("cc")
    # row player mixes so that the column player is indifferent: P(row straight) = 1/cc
    assert sympy.simplify(eq.row[1] - 1 / cc) == 0
    assert sympy.simplify(eq.col[1] - 1 / cr) == 0
    for a, b in ((2, 3), ("3/2", 5), (4, "9/4")):
        assert eq.at(cr=a, cc=b) in p.at(cr=a, cc=b).equilibria()


# ---------------------------------------------------------------- comparative statics


def test_exports():
    assert gt.SymbolicEquilibrium is not None and gt.Regime is not None
    assert gt.ComparativeStatics is not None
    assert pure_conditions(prisoners_dilemma(), (1, 1)) == sympy.Ge(sym("P"), sym("S"))
    assert mixed_equilibrium is not None



def test_model_md_orientation_inequalities():
    """docs/model.md: intercepting beats under-reacting iff c_I + e_I W_D + r_I < pi h + r_U,
    and cohesion theta cancels out of retaliating versus under-reacting (theta > 0)."""
    names = ["theta", "h", "r_U", "r_I", "pi", "c_I", "c_X", "e_I", "e_X", "W_D"]
    params = [gt.Parameter("theta", bounds=("1/100", 1))] + names[1:]
    D_U = "-h - r_U"
    D_I = "-(1 - pi)*h - c_I - e_I*W_D - r_I"
    D_X = f"theta*(-(1 - pi)*h - c_I - c_X - e_X*W_D) + (1 - theta)*({D_U})"
    p = gt.ParametricGame([[0, 0, 0]], [[D_U, D_I, D_X]], params,
                          strategies=(("Probe",), ("Under-react", "Intercept", "Retaliate")))
    s = {n: sym(n) for n in names}
    intercept = p.conditions(("Probe", "Intercept"))
    assert sympy.Ge(s["h"] * s["pi"] + s["r_U"],
                    s["W_D"] * s["e_I"] + s["c_I"] + s["r_I"]) in intercept.args
    two = gt.ParametricGame([[0, 0]], [[D_U, D_X]], [params[0], *names[1:]])
    cond = two.conditions((0, 1))
    assert cond == sympy.Ge(s["h"] * s["pi"] + s["r_U"],
                            s["W_D"] * s["e_X"] + s["c_I"] + s["c_X"])
    assert s["theta"] not in cond.free_symbols
