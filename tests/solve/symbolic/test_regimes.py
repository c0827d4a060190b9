"""Regimes of parametric games against exact numeric solving (gametheory.solve.symbolic.regimes).

Closed forms used are listed in tests/symbolic_games.py.
"""

from __future__ import annotations

import pickle
from fractions import Fraction

import pytest
import sympy
from symbolic_games import hawk_dove, pure_set, sym

import gametheory as gt
from gametheory.solve.symbolic import regimes


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
        assert r.condition.xreplace(p.subs_map(p.values(**r.witness))) == sympy.true
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
    sub = p.subs_map(p.values(**point))
    hits = [r for r in rs if r.condition.xreplace(sub) == sympy.true]
    assert len(hits) == 1
    assert _supports(p.at(**point)) == set(hits[0].supports)


def test_regimes_of_hawk_dove():
    rs = hawk_dove().regimes()
    V, C = sym("V"), sym("C")
    assert [(r.condition, len(r.equilibria)) for r in rs] == [(sympy.Lt(C, V), 1),
                                                             (sympy.Gt(C, V), 3)]


def test_regimes_of_nonlinear_model_by_sampling():
    # probe-response after a probe (docs/model.md): products e_I*W_A make factors nonlinear
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
    """2x3 normal form of the sequential probe game (after docs/model.md, reduced): the
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
        sub = p.subs_map(p.values(**point))
        hits = [r for r in rs if r.condition.xreplace(sub) == sympy.true]
        g = p.at(**point)
        a_row, b_row = list(g.A[1]), list(g.B[1])
        if len(hits) != 1 and (len(set(b_row)) < 3 or 0 in a_row):
            continue  # a tie between replies or with refraining: on a regime boundary
        assert len(hits) == 1, point
        assert set(g.equilibria()) == {e.at(**point) for e in hits[0].equilibria}


def test_result_objects_render_and_pickle():

    ch = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]],
                           [gt.Parameter("c", bounds=(0, None), symbol=r"\kappa")],
                           strategies=(("Swerve", "Straight"), ("Swerve", "Straight")))
    rs = ch.regimes()
    assert r"\kappa > 1" in rs[1]._repr_latex_()
    assert not hasattr(rs[1], "_repr_html_") and rs[1].name == rs[1].label
    eq = ch.mixed_equilibrium(((0, 1), (0, 1)))
    assert r"\frac{1}{\kappa}" in eq._repr_latex_()
    assert pickle.loads(pickle.dumps(eq)) == eq
    assert pickle.loads(pickle.dumps(rs[0])) == rs[0]
    cs = ch.comparative_statics("Row: Straight", "c")
    assert cs.sign == -1 and "decreases" in cs._repr_html_()


