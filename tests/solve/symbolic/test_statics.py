"""Comparative statics and thresholds (gametheory.solve.symbolic.statics).

Closed forms used are listed in tests/symbolic_games.py.
"""

from __future__ import annotations

import random
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


# ---------------------------------------------------------------- signs under validity
# The posture game (docs/model.md): the mixed equilibrium where the Aggressor probes with
# probability m_I / (D_I - D_U) and the Defender intercepts (its readiness) with
# probability (v - c_p) / (e_I W_A + pi v); neither sign is fixed by the bounds alone.
POSTURE_SUPPORT = (("Refrain", "Probe"), ("Under-react", "Intercept"))


def _posture():
    # without reaction gains (g = k = 0): with them the Defender's probability
    # (v - c_p) / (pi v + e_I W_A - g - k c_I) moves with v, c_p, c_I ... in a direction
    # that the validity conditions do not fix (it depends on pi c_p + e_I W_A - g - k c_I)
    g = gt.models.probe_response("posture").substitute(information_gain=0, cost_imposition=0)
    strict = gt.solve.symbolic.mixed_equilibrium(g, POSTURE_SUPPORT, strict=True)
    return g, strict


def _valid_points(g, cond, n, seed=12):
    """n random exact points within the bounds and constraints where cond holds."""
    rng = random.Random(seed)
    out, tries = [], 0
    while len(out) < n and tries < 20000:
        tries += 1
        point = {}
        for q in g.parameters:
            lo, hi = q.bounds
            top = hi if hi is not None else 10
            point[q.sympy] = sympy.Rational(lo) + sympy.Rational(rng.randint(1, 999), 1000) \
                * (top - lo)
        ok = all(bool(c.xreplace(point)) for c in g.constraints)
        if ok and cond.xreplace(point) == sympy.true:
            out.append(point)
    assert len(out) == n, f"only {len(out)} valid points in {tries} tries"
    return out


def _sign_of(x):
    return int(bool(x > 0)) - int(bool(x < 0))


@pytest.mark.parametrize("quantity", ["Aggressor: Probe", "Defender: Intercept"])
def test_posture_signs_hold_at_valid_points(quantity):
    g, strict = _posture()
    points = _valid_points(g, strict.conditions, 25)
    player, _, strategy = quantity.partition(": ")
    p = g.player_index(player)
    closed = (strict.row, strict.col)[p][g.strategy_index(p, strategy)]
    undecided = []
    for q in g.parameters:  # the strict equilibrium as support: computed once
        cs = g.comparative_statics(quantity, q.name, support=strict)
        if cs.sign is None:
            undecided.append(q.name)
            continue
        h = sympy.Rational(1, 10**6)
        for pt in points:
            # the derivative at the point, and the exact change of the closed form
            assert _sign_of(cs.derivative.xreplace(pt)) in ({cs.sign} if cs.sign else {0})
            step = {**pt, q.sympy: pt[q.sympy] + h}
            if strict.conditions.xreplace(step) == sympy.true:
                moved = closed.xreplace(step) - closed.xreplace(pt)
                assert _sign_of(moved) == cs.sign
    assert undecided == []          # every derivative is signed on the validity region


def test_posture_sign_in_readiness_cost_needs_validity():
    g, _ = _posture()
    m_i = g.symbols["readiness_cost_intercept"]
    cs = g.comparative_statics("Aggressor: Probe", "readiness_cost_intercept",
                               support=POSTURE_SUPPORT)
    assert cs.sign == 1                                  # a costlier posture raises probing
    assert gt.solve.symbolic.sign(cs.derivative, g, weak=True) is None   # bounds alone: no
    used = cs.validity_assumptions
    assert used and all(isinstance(r, sympy.core.relational.Relational) for r in used)
    assert any(m_i in r.free_symbols for r in used)      # P(Probe) = m_I/(D_I - D_U) > 0
    assert "where" in cs.describe()
    # each named relation is needed: with the conditions alone minus one, no sign
    from gametheory.solve.symbolic.signs import _sign_under
    for r in used:
        rest = sympy.And(*[u for u in used if u is not r])
        assert _sign_under(cs.derivative, g, rest)[0] is None


def test_posture_tsebelis_signs():
    g, _ = _posture()

    def cs(quantity, parameter):
        return g.comparative_statics(quantity, parameter, support=POSTURE_SUPPORT)

    assert cs("Aggressor: Probe", "probe_cost").sign == 0     # own cost: no deterrence
    assert cs("Defender: Intercept", "probe_cost").sign == -1  # less readiness needed
    assert cs("Aggressor: Probe", "readiness_cost_intercept").sign == 1
    assert cs("Defender: Intercept", "readiness_cost_intercept").sign == 0
    assert cs("Aggressor: Probe", "intercept_cost").sign == 1
    assert cs("Aggressor: Probe", "credibility_loss").sign == -1


def test_bounds_decided_signs_name_only_bounds():
    p = inspection()
    cs = p.comparative_statics("Inspector: Inspect", "f")
    assert cs.sign == -1 and cs.validity_assumptions == ()
    assert {r.lhs for r in cs.assumptions} <= {sym("g"), sym("f")}
    assert p.comparative_statics("Inspectee: Violate", "f").assumptions == ()
