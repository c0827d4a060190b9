"""Symbolic analysis of parametric games against textbook closed forms and numeric solving.

Closed forms used:
- Prisoner's dilemma with T > R > P > S: (D, D) is the unique equilibrium; (C, C) is one
  iff R >= T (Osborne, An Introduction to Game Theory, 2004, sec. 2.2).
- Hawk-Dove with value V and cost C (Maynard Smith and Price 1973; Maynard Smith,
  Evolution and the Theory of Games, 1982, ch. 2): payoffs HH (V - C)/2, HD V, DH 0,
  DD V/2; for C > V the mixed equilibrium plays Hawk with probability V/C and the pure
  equilibria are (H, D) and (D, H); for V > C, (H, H) is the unique equilibrium.
- Matching pennies with stake a > 0: no pure equilibrium, unique mixed (1/2, 1/2).
- Inspection game (Tsebelis 1989, APSR 83(1); Avenhaus, von Stengel and Zamir 2002,
  Handbook of Game Theory vol. 3, ch. 51): inspectee Violate/Comply, inspector
  Inspect/Trust; inspectee gets g - f if caught, g if not, 0 by complying; inspector pays
  c to inspect and loses l from an undetected violation. For f > g and l > c the unique
  equilibrium is mixed: violate with probability c/l, inspect with probability g/f.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy

import gametheory as gt
from gametheory.errors import LabelError, ParameterError, SolverError
from gametheory.solve.symbolic import (
    mixed_equilibrium,
    pure_conditions,
    regimes,
    sign,
    threshold,
)


def sym(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, real=True)


def prisoners_dilemma(**kw) -> gt.ParametricGame:
    return gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
                             ["R", "S", "T", "P"], strategies=(("C", "D"), ("C", "D")), **kw)


def hawk_dove() -> gt.ParametricGame:
    pos = (0, None)
    return gt.ParametricGame(
        [["(V - C)/2", "V"], [0, "V/2"]], [["(V - C)/2", 0], ["V", "V/2"]],
        [gt.Parameter("V", bounds=pos, default=2), gt.Parameter("C", bounds=pos, default=6)],
        strategies=(("Hawk", "Dove"), ("Hawk", "Dove")), title="Hawk-Dove")


def inspection() -> gt.ParametricGame:
    return gt.ParametricGame(
        [["g - f", "g"], [0, 0]], [["-c", "-l"], ["-c", 0]],
        [gt.Parameter(n, bounds=(0, None), default=d)
         for n, d in (("g", 1), ("f", 4), ("c", 1), ("l", 3))],
        players=("Inspectee", "Inspector"),
        strategies=(("Violate", "Comply"), ("Inspect", "Trust")),
        constraints=["f > g", "l > c"])


def pure_set(game: gt.NormalFormGame) -> set[tuple[str, str]]:
    return {e.pure_labels() for e in game.equilibria() if e.is_pure}


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
            holds = pd.conditions(prof).xreplace(pd._subs_map(pd.values(**vals)))
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


def test_sign_helper():
    p = inspection()
    assert sign(sym("g") + sym("f") + 1, p) == 1
    assert sign(-sym("c") - 1, p) == -1
    assert sign(sym("g") - sym("f"), p) is None


# ---------------------------------------------------------------- thresholds
def test_threshold_of_pure_condition():
    hd = hawk_dove()
    assert threshold(hd, hd.conditions(("Hawk", "Hawk")), "C") == [sym("V")]
    pd = prisoners_dilemma()
    assert pd.threshold("R >= T and P >= S", "T") == [sym("R")]
    with pytest.raises(ParameterError):
        threshold(pd, "R >= T", "X")


# ---------------------------------------------------------------- regimes
def _supports(game: gt.NormalFormGame) -> set:
    return {e.support for e in game.equilibria()}


_GENERIC: dict = {}


def generic_2x2() -> tuple[gt.ParametricGame, list]:
    """The fully symbolic 2x2 game and its regimes (computed once)."""
    if not _GENERIC:
        names = ["a00", "a01", "a10", "a11", "b00", "b01", "b10", "b11"]
        p = gt.ParametricGame([["a00", "a01"], ["a10", "a11"]],
                              [["b00", "b01"], ["b10", "b11"]], names)
        _GENERIC["game"], _GENERIC["regimes"] = p, regimes(p)
    return _GENERIC["game"], _GENERIC["regimes"]


def test_regimes_of_generic_2x2_match_numeric_equilibria():
    p, rs = generic_2x2()
    # the classic classification: 4 dominance-solvable cells, one matching-pennies type
    # (unique mixed), coordination and anti-coordination (two pure plus mixed)
    assert len(rs) == 7
    assert sorted(len(r.equilibria) for r in rs) == [1, 1, 1, 1, 1, 3, 3]
    for r in rs:
        g = p.at(**r.witness)
        assert _supports(g) == set(r.supports), r
        assert r.condition.xreplace(p._subs_map(p.values(**r.witness))) == sympy.true
        for e in r.equilibria:
            assert e.at(**r.witness) in g.equilibria()


@pytest.mark.parametrize("point", [
    {"a00": 3, "a01": 0, "a10": 5, "a11": 1, "b00": 3, "b01": 5, "b10": 0, "b11": 1},
    {"a00": 2, "a01": 0, "a10": 0, "a11": 1, "b00": 1, "b01": 0, "b10": 0, "b11": 2},
    {"a00": 1, "a01": -1, "a10": -1, "a11": 1, "b00": -1, "b01": 1, "b10": 1, "b11": -1},
    {"a00": "1/3", "a01": 2, "a10": "-1/2", "a11": 7, "b00": 4, "b01": "5/2", "b10": 1,
     "b11": "1/7"},
])
def test_regime_conditions_partition_points(point):
    p, rs = generic_2x2()
    sub = p._subs_map(p.values(**point))
    hits = [r for r in rs if r.condition.xreplace(sub) == sympy.true]
    assert len(hits) == 1
    assert _supports(p.at(**point)) == set(hits[0].supports)


def test_regimes_of_hawk_dove():
    rs = hawk_dove().regimes()
    V, C = sym("V"), sym("C")
    assert [(r.condition, len(r.equilibria)) for r in rs] == [(sympy.Lt(C, V), 1),
                                                             (sympy.Gt(C, V), 3)]


def test_regimes_of_nonlinear_model_by_sampling():
    # probe-response after a probe (MODEL.md): products e_I*W_A make factors nonlinear
    p = gt.ParametricGame(
        [[0, 0], ["v - c_p", "(1 - pi)*v - c_p - e_I*W"]],
        [[0, 0], ["-h - r_U", "-(1 - pi)*h - c_I - e_I*W - r_I"]],
        [gt.Parameter(n, bounds=b) for n, b in (("v", (0, 5)), ("c_p", (0, 5)),
                                                ("pi", (0, 1)), ("e_I", (0, 1)),
                                                ("W", (0, 5)), ("h", (0, 5)), ("r_U", (0, 5)),
                                                ("c_I", (0, 5)), ("r_I", (0, 5)))],
        strategies=(("Refrain", "Probe"), ("Under-react", "Intercept")))
    rs = p.regimes(samples=3000)
    labels = {r.label for r in rs}
    assert "(Probe, Under-react)" in labels and "(Probe, Intercept)" in labels
    for r in rs:
        assert pure_set(p.at(**r.witness)) == {e.pure_labels() for e in
                                               (e.at(**r.witness) for e in r.equilibria)
                                               if e.is_pure}


def test_exports():
    assert gt.SymbolicEquilibrium is not None and gt.Regime is not None
    assert gt.ComparativeStatics is not None
    assert pure_conditions(prisoners_dilemma(), (1, 1)) == sympy.Ge(sym("P"), sym("S"))
    assert mixed_equilibrium is not None


def test_degenerate_sequential_form_regimes_with_tight_replies():
    """Normal form of 'refrain, or probe and face tolerate/intercept': the defender's plans
    tie when no probe comes, so the Nash set has a component (Refrain, any deterring mix)
    whose extreme points have supports of sizes 1 and 2; the threat to intercept is not
    credible (intercepting costs the defender 2 > 1), yet deters for d > v."""
    q = gt.ParametricGame([[0, 0], ["v", "v - d"]], [[0, 0], [-1, -2]],
                          [gt.Parameter("v", bounds=(0, None)),
                           gt.Parameter("d", bounds=(1, None))],
                          strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
    e = q.mixed_equilibrium((["Refrain"], ["Tolerate", "Intercept"]), tight=(["Probe"], []))
    v, d = sym("v"), sym("d")
    # the deterring mix makes probing worth exactly 0: v - d*q = 0, q = v/d
    assert sympy.simplify(e.col[1] - v / d) == 0
    assert e.conditions == sympy.Ge(d, v)
    rs = q.regimes()
    assert all(r.verified for r in rs)
    by_cond = {str(r.condition): r for r in rs}
    assert set(by_cond) == {"d < v", "d > v"}
    assert len(by_cond["d > v"].equilibria) == 3          # two pure + the mixed extreme point
    assert len(by_cond["d < v"].equilibria) == 1
    for vals in ({"v": 1, "d": 3}, {"v": "1/2", "d": "7/4"}, {"v": 5, "d": 2}):
        g = q.at(**vals)
        assert any(set(g.equilibria()) == {eq.at(**vals) for eq in r.equilibria}
                   for r in rs)
    # without tight replies the mixed extreme point is missed, and verification says so
    assert not all(r.verified for r in q.regimes(tight=False))


@pytest.mark.slow
def test_regimes_of_sequential_probe_normal_form_match_exact_solving():
    """2x3 normal form of the sequential probe game (after MODEL.md, reduced): the
    Aggressor refrains or probes, the Defender's plans are its reply if probed. Every
    regime must be confirmed by exact solving at its witness and at random exact points."""
    import random

    params = [gt.Parameter(n, bounds=(0, 4)) for n in ("v", "c_p", "k", "s", "h", "r", "c_I")]
    p = gt.ParametricGame(
        [[0, 0, 0], ["v - c_p", "v/2 - c_p - k", "v - c_p - s"]],
        [[0, 0, 0], ["-h - r", "-h/2 - c_I", "-1 - c_I"]], params,
        players=("Aggressor", "Defender"),
        strategies=(("Refrain", "Probe"), ("Under-react", "Intercept", "Retaliate")))
    rs = p.regimes()
    assert rs and all(r.verified for r in rs)
    rng = random.Random(3)
    for _ in range(12):
        point = {q.name: Fraction(rng.randint(1, 39), 10) for q in params}
        sub = p._subs_map(p.values(**point))
        hits = [r for r in rs if r.condition.xreplace(sub) == sympy.true]
        g = p.at(**point)
        a_row, b_row = list(g.A[1]), list(g.B[1])
        if len(hits) != 1 and (len(set(b_row)) < 3 or 0 in a_row):
            continue  # a tie between replies or with refraining: on a regime boundary
        assert len(hits) == 1, point
        assert set(g.equilibria()) == {e.at(**point) for e in hits[0].equilibria}


def test_result_objects_render_and_pickle():
    import pickle

    ch = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]],
                           [gt.Parameter("c", bounds=(0, None), symbol=r"\kappa")],
                           strategies=(("Swerve", "Straight"), ("Swerve", "Straight")))
    rs = ch.regimes()
    assert r"\kappa > 1" in rs[1]._repr_latex_()
    assert "<b>" in rs[1]._repr_html_() and rs[1].name == rs[1].label
    eq = ch.mixed_equilibrium(((0, 1), (0, 1)))
    assert r"\frac{1}{\kappa}" in eq._repr_latex_()
    assert pickle.loads(pickle.dumps(eq)) == eq
    assert pickle.loads(pickle.dumps(rs[0])) == rs[0]
    cs = ch.comparative_statics("Row: Straight", "c")
    assert cs.sign == -1 and "decreases" in cs._repr_html_()


def test_model_md_orientation_inequalities():
    """MODEL.md: intercepting beats under-reacting iff c_I + e_I W_D + r_I < pi h + r_U,
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
