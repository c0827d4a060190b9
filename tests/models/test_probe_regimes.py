"""Regime labels of the drone model against its exact equilibrium sets.

The reference here never uses the regime rules: docs/model.md's payoffs are typed again
below in Fraction arithmetic, the pure subgame-perfect equilibria of the sequential game
and the pure Nash equilibria of the posture game are enumerated by brute force, and what
each label claims about that set (docs/model.md, "Regimes") is checked. The brute force
is itself checked against the project's solvers (backward induction of the tree, the
exact normal-form solver) on a sample. Labels under test: ``regime`` (exact Python) and
the sympy regime rules (``classify``), evaluated exactly on object arrays of Fractions.
"""

from __future__ import annotations

import random
from collections import Counter
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from sympy.printing.pycode import PythonCodePrinter

from gametheory.models.kit import symbol
from gametheory.models.probe_regimes import (
    KNIFE_EDGE,
    REGIMES,
    posture_label,
    sequential_label,
)
from gametheory.models.probe_response import (
    CORE_PARAMETERS,
    PARAMETERS,
    posture_game,
    probe_response,
    regime,
    regime_conditions,
    sequential_normal_form,
)

REPLIES = ("Under-react", "Intercept", "Retaliate")
DEFAULTS = {n: PARAMETERS[n].default for n in PARAMETERS}


def payoffs(point: dict) -> dict:
    """docs/model.md's reduced form, typed again (Fractions in, Fractions out)."""
    p = {**DEFAULTS, **point}
    v, cp, pi, s = p["probe_value"], p["probe_cost"], p["interception_prob"], \
        p["retaliation_damage"]
    eI, eX, WA, WD = p["escalation_prob_intercept"], p["escalation_prob_retaliate"], \
        p["war_cost_aggressor"], p["war_cost_defender"]
    h, rU, rI, cI, cX, th = p["probe_damage"], p["credibility_loss"], \
        p["residual_credibility_loss"], p["intercept_cost"], p["retaliation_cost"], p["cohesion"]
    g, k, d = p["information_gain"], p["cost_imposition"], p["disunity_cost"]
    A_I = (1 - pi) * v - cp - eI * WA + g + k * cI
    D_I = -(1 - pi) * h - cI - eI * WD - rI
    return {"A_U": v - cp, "A_I": A_I,
            "A_X": th * ((1 - pi) * v - cp - s - eX * WA + g + k * cI) + (1 - th) * A_I,
            "D_U": -h - rU, "D_I": D_I,
            "D_X": th * (-(1 - pi) * h - cI - cX - eX * WD) + (1 - th) * (D_I - d)}


def spe_set(pay: dict) -> set[tuple[str, str, F]]:
    """Every pure SPE of the sequential game: (Aggressor move, reply, Aggressor payoff)."""
    d = dict(zip(REPLIES, (pay["D_U"], pay["D_I"], pay["D_X"]), strict=True))
    a = dict(zip(REPLIES, (pay["A_U"], pay["A_I"], pay["A_X"]), strict=True))
    out = set()
    for r in REPLIES:
        if d[r] == max(d.values()):
            if a[r] >= 0:
                out.add(("Probe", r, a[r]))
            if a[r] <= 0:
                out.add(("Refrain", r, F(0)))
    return out


def label_of_spe_set(spe: set, a_u: F) -> str:
    """What the SPE set says, by docs/model.md's meaning of each label."""
    gains = {x[2] for x in spe}
    if a_u <= 0:
        if gains == {0}:
            return "no incentive to probe"
        return "invited probing" if min(gains) > 0 else KNIFE_EDGE
    if len(spe) > 1:
        return KNIFE_EDGE
    ((move, reply, _),) = spe
    return {("Probe", "Under-react"): "tolerated probing",
            ("Refrain", "Intercept"): "deterrence by denial",
            ("Probe", "Intercept"): "contested probing",
            ("Refrain", "Retaliate"): "deterrence by punishment",
            ("Probe", "Retaliate"): "retaliation risking escalation"}[(move, reply)]


def posture_pure(pay: dict, m_i: F, m_x: F) -> set[tuple[str, str]]:
    """Pure Nash equilibria of the 2x3 posture game by checking all six cells."""
    A = [[0, 0, 0], [pay["A_U"], pay["A_I"], pay["A_X"]]]
    B = [[0, -m_i, -m_x], [pay["D_U"], pay["D_I"] - m_i, pay["D_X"] - m_x]]
    return {(("Refrain", "Probe")[i], REPLIES[j]) for i in range(2) for j in range(3)
            if A[i][j] >= A[1 - i][j] and B[i][j] >= max(B[i])}


def label_of_posture(pure: set, pay: dict) -> str:
    a = dict(zip(REPLIES, (pay["A_U"], pay["A_I"], pay["A_X"]), strict=True))
    if pay["A_U"] <= 0:
        assert ("Refrain", "Under-react") in pure
        return "invited probing" if any(m == "Probe" and a[r] > 0 for m, r in pure) \
            else "no incentive to probe"
    if not pure:
        return "mixed probing"
    if len(pure) > 1:
        return KNIFE_EDGE
    ((move, reply),) = pure
    if a[reply] == 0:
        return KNIFE_EDGE
    return label_of_spe_set({(move, reply, a[reply] if move == "Probe" else 0)}, pay["A_U"])


class _ExactPrinter(PythonCodePrinter):
    """Python code in which a rational constant stays a Fraction (not 1/20 = 0.05)."""

    def _print_Rational(self, expr: sympy.Rational) -> str:
        return f"Fraction({expr.p}, {expr.q})"

    def _print_Half(self, expr: sympy.Rational) -> str:
        return self._print_Rational(expr)


def exact_rules(variant: str, points: dict[str, np.ndarray], exclusive: bool = True
                ) -> list[str]:
    """The regime rules evaluated in plain Python on Fractions, so ties are ties.

    Parameters constant over ``points`` are substituted first (exact sympy Rationals).
    ``ParametricGame.classify`` evaluates the same rules in floats (core/parameters.py's
    ``resolve_arrays``), so it is compared only off the knife edges. Each point must
    satisfy exactly one rule (exclusive and exhaustive); ``exclusive=False`` takes the
    first rule that holds, as ``classify`` does, and only checks that one does.
    """
    size = len(next(iter(points.values())))
    full = {n: points.get(n, [DEFAULTS[n]] * size) for n in PARAMETERS}
    fixed = {n: v[0] for n, v in full.items() if all(x == v[0] for x in v)}
    varying = [n for n in PARAMETERS if n not in fixed]
    sub = {symbol(n): sympy.Rational(v.numerator, v.denominator) for n, v in fixed.items()}
    fns = {k: sympy.lambdify([symbol(n) for n in varying], c.xreplace(sub),
                             modules=[{"Fraction": F}, "math"], printer=_ExactPrinter)
           for k, c in regime_conditions(variant).items()}
    out = []
    for i in range(size):
        args = [full[n][i] for n in varying]
        if exclusive:
            hits = [k for k, f in fns.items() if f(*args)]
        else:
            hits = [next(k for k, f in fns.items() if f(*args))]
        assert len(hits) == 1, (hits, {n: full[n][i] for n in varying})
        out.append(hits[0])
    return out


def on_an_edge(pay: dict, m_i: F, m_x: F) -> bool:
    """A tie among replies or postures, or a zero Aggressor payoff: floats may round."""
    d = (pay["D_U"], pay["D_I"], pay["D_X"])
    e = (pay["D_U"], pay["D_I"] - m_i, pay["D_X"] - m_x)
    return (len(set(d)) < 3 or len(set(e)) < 3 or 0 in (pay["A_U"], pay["A_I"], pay["A_X"])
            or 0 in (m_i, m_x))


# ---------------------------------------------------------------- random points
def random_point(rng: random.Random) -> dict:
    """A feasible exact point; a quarter of costs set to 0, some knife edges forced."""
    def frac(hi: int, den: int = 8) -> F:
        return F(rng.randint(0, hi * den), den)

    p = {"probe_value": frac(6), "probe_cost": frac(3), "interception_prob": frac(1, 8),
         "retaliation_damage": frac(8), "escalation_prob_intercept": frac(1, 400) / 10,
         "war_cost_aggressor": frac(100, 1), "war_cost_defender": frac(100, 1),
         "probe_damage": frac(4), "credibility_loss": frac(8), "intercept_cost": frac(4),
         "retaliation_cost": frac(3), "cohesion": frac(1, 8), "information_gain": frac(3),
         "cost_imposition": frac(1), "disunity_cost": frac(2),
         "readiness_cost_intercept": frac(2), "readiness_cost_retaliate": frac(2)}
    p["escalation_prob_retaliate"] = p["escalation_prob_intercept"] + frac(1, 400) / 10
    p["residual_credibility_loss"] = p["credibility_loss"] * frac(1, 8)
    for name in ("probe_cost", "intercept_cost", "retaliation_cost", "disunity_cost",
                 "information_gain", "cost_imposition", "readiness_cost_intercept",
                 "readiness_cost_retaliate", "war_cost_defender", "probe_damage"):
        if rng.random() < 0.25:
            p[name] = F(0)
    edge = rng.randrange(6)
    pay = payoffs(p)
    if edge == 0:                       # A_U = 0
        p["probe_value"] = p["probe_cost"]
    elif edge == 1:                     # A_I = 0 through the information gain
        g = p["information_gain"] - pay["A_I"]
        if g >= 0:
            p["information_gain"] = g
    elif edge == 2:                     # D_U = D_I through r_U
        r_u = p["credibility_loss"] + pay["D_U"] - pay["D_I"]
        if r_u >= p["residual_credibility_loss"]:
            p["credibility_loss"] = r_u
    elif edge == 3 and p["cohesion"] < 1:   # D_I = D_X through the disunity cost
        d = p["disunity_cost"] + (pay["D_X"] - pay["D_I"]) / (1 - p["cohesion"])
        if d >= 0:
            p["disunity_cost"] = d
    elif edge == 4:                     # the posture's E_U = E_I through m_I
        m = pay["D_I"] - pay["D_U"]
        if m >= 0:
            p["readiness_cost_intercept"] = m
    return p


RNG_POINTS = [random_point(random.Random(1000 + k)) for k in range(1000)]


def _core(p: dict) -> dict:
    return {n: p[n] for n in CORE_PARAMETERS}


def test_regime_agrees_with_subgame_perfect_set_at_1000_random_points():
    seen = Counter()
    for p in RNG_POINTS:
        pay = payoffs(p)
        expected = label_of_spe_set(spe_set(pay), pay["A_U"])
        seen[expected] += 1
        assert regime(**_core(p)) == expected, p
    assert set(seen) == set(REGIMES) - {"mixed probing"}, seen   # every label reached
    assert seen[KNIFE_EDGE] >= 50 and seen["invited probing"] >= 20, seen


@pytest.mark.slow
def test_regime_rules_agree_exactly_at_1000_random_points():
    arrays = {n: np.array([p[n] for p in RNG_POINTS], dtype=object) for n in RNG_POINTS[0]}
    seq, pos = exact_rules("sequential", arrays), exact_rules("posture", arrays)
    floats = sequential_normal_form().classify(**_core(arrays))
    posture_floats = posture_game().classify(**arrays)
    seen, off_edge = Counter(), 0
    for k, p in enumerate(RNG_POINTS):
        pay = payoffs(p)
        expected = label_of_spe_set(spe_set(pay), pay["A_U"])
        assert seq[k] == expected, p
        m_i, m_x = p["readiness_cost_intercept"], p["readiness_cost_retaliate"]
        expected_posture = label_of_posture(posture_pure(pay, m_i, m_x), pay)
        seen[expected_posture] += 1
        assert pos[k] == expected_posture, p
        assert posture_label(pay, m_i, m_x) == expected_posture
        if not on_an_edge(pay, m_i, m_x):
            off_edge += 1
            assert (floats[k], posture_floats[k]) == (expected, expected_posture), p
    assert off_edge >= 150
    assert {"mixed probing", "invited probing", KNIFE_EDGE, "deterrence by denial",
            "tolerated probing", "contested probing"} <= set(seen), seen


def test_brute_force_matches_backward_induction_and_exact_solver():
    tree = probe_response("sequential")
    post = posture_game()
    for p in RNG_POINTS[::10]:
        pay = payoffs(p)
        spes = {(e.labels[0], e.labels[1].removesuffix(" if probed"))
                for e in tree.backward_induction(**_core(p))}
        assert spes == {(m, r) for m, r, _ in spe_set(pay)}, p
        game = post.at(**p)
        eqs = game.equilibria()
        pure = {e.pure_labels() for e in eqs if e.is_pure}
        assert pure == posture_pure(pay, p["readiness_cost_intercept"],
                                    p["readiness_cost_retaliate"]), p
        if label_of_posture(pure, pay) == "mixed probing":
            assert all(0 < e.row[1] < 1 for e in eqs)   # probing strictly mixed, always


def test_zero_readiness_cost_deters_outright_not_mixed():
    # the bug of issue 12: "mixed probing" reported where (Refrain, Intercept) is pure
    post = posture_game()
    assert post.classify() == "mixed probing"
    assert post.classify(readiness_cost_intercept=0) == "deterrence by denial"
    assert [e.pure_labels() for e in post.at(readiness_cost_intercept=0).equilibria()
            if e.is_pure] == [("Refrain", "Intercept")]


# ---------------------------------------------------------------- 100 x 100 grids
def _grid(xname, xs, yname, ys, **fixed):
    X = np.array([x for x in xs for _ in ys], dtype=object)
    Y = np.array([y for _ in xs for y in ys], dtype=object)
    return {xname: X, yname: Y, **{k: np.array([F(v)] * len(X), dtype=object)
                                   for k, v in fixed.items()}}


@pytest.mark.slow
def test_labels_agree_with_equilibrium_set_on_a_100x100_grid():
    # cohesion x residual credibility loss at a low war cost (both horns); the steps hit
    # knife edges exactly, e.g. D_I = D_X at theta = 1/3, r_I = 1
    grid = _grid("cohesion", [F(i, 99) for i in range(100)], "residual_credibility_loss",
                 [F(j, 25) for j in range(100)], credibility_loss=4,
                 war_cost_defender=25)
    _check_grid(grid, 10_000)


def test_default_map_shows_both_horns_and_agrees_with_equilibria():
    # the report's default map, W_D in [0, 300] x r_U in [r_I, 12] at 41 x 41 points
    grid = _grid("war_cost_defender", [F(15 * i, 2) for i in range(41)], "credibility_loss",
                 [F(1, 2) + F(23 * j, 80) for j in range(41)])
    seen = _check_grid(grid, 41 * 41)
    # under-reaction invites probing; over-reaction (retaliation, e_X > e_I) tempts
    assert {"tolerated probing", "deterrence by denial", "deterrence by punishment"} <= seen


def _check_grid(grid: dict, n: int) -> set[str]:
    seq = exact_rules("sequential", grid, exclusive=False)
    pos = exact_rules("posture", grid, exclusive=False)
    floats = sequential_normal_form().classify(**grid)
    m_i, m_x = DEFAULTS["readiness_cost_intercept"], DEFAULTS["readiness_cost_retaliate"]
    seen = Counter()
    assert len(floats) == n
    for k in range(n):
        point = {name: grid[name][k] for name in grid}
        pay = payoffs(point)
        expected = label_of_spe_set(spe_set(pay), pay["A_U"])
        seen[expected] += 1
        assert seq[k] == expected, point
        assert sequential_label(pay) == expected
        assert pos[k] == label_of_posture(posture_pure(pay, m_i, m_x), pay), point
        if not on_an_edge(pay, m_i, m_x):
            assert floats[k] == expected, point
    assert {"deterrence by punishment", "deterrence by denial", KNIFE_EDGE} <= set(seen), seen
    return set(seen)


def test_cohesion_alone_changes_the_regime_on_the_default_map():
    # W_D = 20, r_U = 3 (on the default map): retaliate iff
    # theta (r_I - c_X - (e_X - e_I) W_D) > (1 - theta) d, i.e. theta / 20 > (1 - theta) / 4
    a = {"war_cost_defender": 20, "credibility_loss": 3, "cohesion": 1}
    b = {**a, "cohesion": F(3, 4)}
    assert regime(**a) == "deterrence by punishment"
    assert regime(**b) == "deterrence by denial"
    for p in (a, b):   # and the equilibrium sets say so
        pay = payoffs({k: F(v) for k, v in p.items()})
        assert label_of_spe_set(spe_set(pay), pay["A_U"]) == regime(**p)


def test_no_incentive_to_probe_for_every_best_reply_without_reaction_gains():
    rng = random.Random(3)
    replies = Counter()
    points = []
    for _ in range(300):
        p = random_point(rng)
        p.update(information_gain=F(0), cost_imposition=F(0))
        p["probe_value"] = p["probe_cost"] * F(rng.randint(0, 8), 8)   # v <= c_p
        pay = payoffs(p)
        d = (pay["D_U"], pay["D_I"], pay["D_X"])
        replies.update(r for r, x in zip(REPLIES, d, strict=True) if x == max(d))
        assert regime(**_core(p)) == "no incentive to probe", p
        points.append(p)
    assert all(replies[r] >= 10 for r in REPLIES), replies
    arrays = {n: np.array([p[n] for p in points], dtype=object) for n in points[0]}
    assert set(posture_game().classify(**arrays)) == {"no incentive to probe"}


def test_invited_probing_needs_a_reaction_gain():
    p = {"probe_value": 1, "intercept_cost": 8, "credibility_loss": 12}
    assert regime(**p) == "invited probing"
    pay = payoffs({k: F(v) for k, v in p.items()})
    assert pay["A_U"] <= 0 < pay["A_I"]
    assert regime(**p, information_gain=0, cost_imposition=0) == "no incentive to probe"
