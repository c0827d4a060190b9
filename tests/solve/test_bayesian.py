"""Tests of gametheory.solve.bayesian: Bayes-Nash equilibria per type and prior thresholds
(exact, symbolic and by bisection).

Expected values are derived by hand in the comments from Osborne (2004, sec. 9.2) and from
docs/model.md's Bayesian probe-response variant; a hypothesis test checks every equilibrium
against the interim (per-type) best-reply definition, independently of the Harsanyi
construction.
"""

from __future__ import annotations

import math
from fractions import Fraction as F

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from reference_bayesian import bos, one_sided

import gametheory as gt
from gametheory.solve.bayesian import bayes_nash_equilibria, prior_threshold


def test_module_functions_are_what_the_facades_call():
    game = bos("p", parameters=["p"])
    assert prior_threshold(game, "p") == game.prior_threshold("p")
    assert bayes_nash_equilibria(game, p="1/2") == game.bayes_nash_equilibria(p="1/2")
    with pytest.raises(gt.ParameterError, match="no parameters"):
        bayes_nash_equilibria(bos(), p=1)


def test_bayes_nash_equilibria_of_osborne_bos():
    bnes = bos().bayes_nash_equilibria()
    pure = [e for e in bnes if e.is_pure]
    # Osborne (2004, sec. 9.2): the pure equilibrium is (B, (B, S))
    assert len(pure) == 1
    e = pure[0]
    assert e.action("P1", "-") == {"B": 1}
    assert e.action("P2", "meet") == {"B": 1} and e.action("P2", "avoid") == {"S": 1}
    assert e.payoffs == (1, F(3, 2))
    assert e.interim == ((1,), (1, 2))  # meet type gets 1 at (B, B); avoid gets 2 at (B, S)
    # Mixed ones, by hand: P1 is indifferent iff P2 plays B with total probability 1/3.
    # The meet type is indifferent iff P1 plays B w.p. 2/3, the avoid type iff 1/3; so
    # (2/3 B; meet 2/3 B, avoid S) and (1/3 B; meet S, avoid 2/3 B).
    assert [e.behaviour for e in bos().bayes_nash_equilibria(pure=True)] == [e.behaviour]
    behaviours = {e.behaviour for e in bnes}
    assert behaviours == {
        (((1, 0),), ((1, 0), (0, 1))),
        (((F(2, 3), F(1, 3)),), ((F(2, 3), F(1, 3)), (0, 1))),
        (((F(1, 3), F(2, 3)),), ((0, 1), (F(2, 3), F(1, 3)))),
    }
    assert "B if meet, S if avoid" in e.describe()


def test_prior_threshold_exact_for_osborne_bos():
    game = bos("p", parameters=[gt.Parameter("p", bounds=(0, 1))])
    assert isinstance(game.to_normal_form(), gt.ParametricGame)
    ts = game.prior_threshold("p")
    # (B, (B, S)) is an equilibrium iff 2p >= 1 - p, i.e. p >= 1/3;
    # (S, (S, B)) is an equilibrium iff p >= 2(1 - p), i.e. p >= 2/3.
    assert [t.value for t in ts] == [F(1, 3), F(2, 3)]
    assert all(t.method == "exact" and t.tolerance is None for t in ts)
    first = ts[0]
    assert ("B", "B if meet, S if avoid") in first.profiles
    assert not any(e.is_pure for e in first.below)
    assert any(e.is_pure and e.action("P1", "-") == {"B": 1} for e in first.above)
    second = ts[1]
    assert any(e.is_pure and e.action("P1", "-") == {"S": 1} for e in second.above)
    assert not any(e.is_pure and e.action("P1", "-") == {"S": 1} for e in second.below)


@pytest.mark.parametrize(("prior", "P", "expected"), [
    ("q**2", lambda q: q**2, lambda q: [sp.sqrt(3) / 3, sp.sqrt(6) / 3]),
    ("q**3", lambda q: q**3, lambda q: [3 ** sp.Rational(2, 3) / 3,
                                        sp.cbrt(sp.Rational(2, 3))]),
    ("(q**3 + q) / 2", lambda q: (q**3 + q) / 2,
     lambda q: [sp.CRootOf(3 * q**3 + 3 * q - 2, 0), sp.CRootOf(3 * q**3 + 3 * q - 4, 0)]),
])
def test_prior_threshold_exact_algebraic(prior, P, expected):
    """With prior P(q) the thresholds are where P(q) = 1/3 and P(q) = 2/3 (see the test
    above): radicals for quadratics and binomials, CRootOf otherwise, exactly."""
    game = bos(prior, parameters=[gt.Parameter("q", bounds=(0, 1))])
    ts = game.prior_threshold("q")
    q = game.symbols["q"]
    assert [t.value for t in ts] == expected(q)
    assert all(t.method == "exact" for t in ts)
    for t, p in zip(ts, (sp.Rational(1, 3), sp.Rational(2, 3)), strict=True):
        assert abs(sp.N(P(t.value) - p, 40)) < 1e-30


def test_prior_threshold_symbolic_in_other_parameters():
    # P1's payoff from meeting at B is a > 0: (B, (B, S)) needs a p >= 1 - p, p >= 1/(a + 1)
    game = bos("p", parameters=[gt.Parameter("p", bounds=(0, 1)),
                                gt.Parameter("a", default=2, bounds=(0, None))], p1_bb="a")
    ts = game.prior_threshold("p")
    a = sp.Symbol("a", real=True)
    assert all(t.method == "symbolic" for t in ts)
    assert any(sp.simplify(sp.sympify(t.value) - 1 / (a + 1)) == 0 for t in ts)
    assert any(sp.simplify(sp.sympify(t.value) - 2 / (a + 1)) != 0 for t in ts)
    numeric = game.prior_threshold("p", a=2)
    assert [t.value for t in numeric] == [F(1, 3), F(2, 3)]


def test_prior_threshold_by_bisection():
    # prior of "meet" 1 - exp(-lam): p = 1/3 at lam = ln(3/2) and p = 2/3 at lam = ln 3
    game = bos("1 - exp(-lam)", parameters=[gt.Parameter("lam", bounds=(0, 5))])
    ts = game.prior_threshold("lam", tol=1e-10)
    assert [t.method for t in ts] == ["bisection", "bisection"]
    assert abs(ts[0].value - math.log(1.5)) < 1e-9
    assert abs(ts[1].value - math.log(3)) < 1e-9
    assert ts[0].tolerance == 1e-10
    assert "bisection" in ts[0].describe()


def probe_bayesian():
    """docs/model.md's Bayesian variant: the Defender is resolute with prior rho (intercepting is
    its best reply) or irresolute (under-reacting is); Aggressor payoffs as in docs/model.md."""
    names = ["probe_value", "probe_cost", "interception_prob", "escalation_prob_intercept",
             "war_cost_aggressor", "rho"]
    a_u = "probe_value - probe_cost"
    a_i = ("(1 - interception_prob)*probe_value - probe_cost "
           "- escalation_prob_intercept*war_cost_aggressor")
    A = [[0, 0], [a_u, a_i]]
    return gt.BayesianGame(
        ("Aggressor", "Defender"), (("-",), ("resolute", "irresolute")),
        (("Refrain", "Probe"), ("Under-react", "Intercept")),
        prior={"Defender": {"resolute": "rho", "irresolute": "1 - rho"}},
        payoffs={"resolute": (A, [[0, 0], [-5, -4]]), "irresolute": (A, [[0, 0], [-5, -6]])},
        parameters=[gt.Parameter(n, bounds=(0, 1) if n == "rho" else None) for n in names],
        title="Bayesian probe-response")


VALUES = dict(probe_value=3, probe_cost=1, interception_prob=F(1, 2),
              escalation_prob_intercept=F(1, 10), war_cost_aggressor=10)


def test_probe_bayesian_symbolic_threshold_closed_form():
    game = probe_bayesian()
    ts = game.prior_threshold("rho")
    s = {n: sp.Symbol(n, real=True) for n in VALUES}
    # The Aggressor facing (Intercept if resolute, Under-react if irresolute) probes iff
    # rho A_I + (1 - rho) A_U >= 0, i.e. rho <= A_U / (A_U - A_I) = (v - c_p)/(pi v + e_I W_A)
    closed = (s["probe_value"] - s["probe_cost"]) / (
        s["interception_prob"] * s["probe_value"]
        + s["escalation_prob_intercept"] * s["war_cost_aggressor"])
    match = [t for t in ts if sp.simplify(sp.sympify(t.value) - closed) == 0]
    assert len(match) == 1
    sep = "Intercept if resolute, Under-react if irresolute"
    assert set(match[0].profiles) == {("Probe", sep), ("Refrain", sep)}


def test_probe_bayesian_numeric_thresholds():
    game = probe_bayesian()
    p = game.to_normal_form()
    assert p.at(**VALUES, rho=F(1, 2)) == game.at(**VALUES, rho=F(1, 2)).to_normal_form()
    ts = game.prior_threshold("rho", **VALUES)
    # By hand: (Probe, separating) is a BNE iff 2 - 5/2 rho >= 0, rho <= 4/5; (Refrain,
    # separating) iff rho >= 4/5; (Refrain, Under-react if resolute, Intercept if
    # irresolute) iff 2 rho - (1 - rho)/2 <= 0, rho <= 1/5.
    assert [t.value for t in ts] == [F(1, 5), F(4, 5)]
    below = {(e.action(0, "-").popitem()[0]) for e in ts[1].below if e.is_pure}
    above = {(e.action(0, "-").popitem()[0]) for e in ts[1].above if e.is_pure}
    assert "Probe" in below and "Probe" not in above
    # deterrence at a high prior: only refraining equilibria
    bnes = game.bayes_nash_equilibria(**VALUES, rho=F(9, 10))
    assert all(e.action("Aggressor", "-") == {"Refrain": 1} for e in bnes)
    assert any(e.action("Defender", "resolute") == {"Intercept": 1}
               and e.action("Defender", "irresolute") == {"Under-react": 1} for e in bnes)


def test_joint_prior_and_two_sided_types():
    # Correlated types: (h, h) 1/2, (l, l) 1/2. Payoffs: 1 to both when actions match
    # the common state's action (h -> X, l -> Y), else 0. Harsanyi payoff of
    # (X if h, Y if l) against itself is 1/2 + 1/2 = 1.
    same = ([[1, 0], [0, 0]], [[1, 0], [0, 0]])
    other = ([[0, 0], [0, 1]], [[0, 0], [0, 1]])
    zero = ([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    game = gt.BayesianGame(("A", "B"), (("h", "l"), ("h", "l")), (("X", "Y"), ("X", "Y")),
                           prior={("h", "h"): "1/2", ("l", "l"): "1/2"},
                           payoffs={("h", "h"): same, ("l", "l"): other,
                                    ("h", "l"): zero, ("l", "h"): zero})
    g = game.to_normal_form()
    i = g.strategy_index(0, "X if h, Y if l")
    j = g.strategy_index(1, "X if h, Y if l")
    assert (g.A[i, j], g.B[i, j]) == (1, 1)
    assert game.prior("h", "l") == 0
    assert any(e.payoffs == (1, 1) and e.is_pure for e in game.bayes_nash_equilibria())


@st.composite
def small_bayesian_games(draw):
    pay = st.integers(-3, 3)
    mats = {t: ([[draw(pay) for _ in range(2)] for _ in range(2)],
                [[draw(pay) for _ in range(2)] for _ in range(2)]) for t in ("h", "l")}
    q = F(draw(st.integers(1, 9)), 10)
    return gt.BayesianGame(("A", "B"), (("-",), ("h", "l")), (("U", "D"), ("L", "R")),
                           prior={"B": {"h": q, "l": 1 - q}}, payoffs=mats), mats, q


@settings(max_examples=30, deadline=None)
@given(small_bayesian_games())
def test_every_bne_is_an_interim_best_reply(data):
    game, mats, q = data
    prior = {"h": q, "l": 1 - q}
    for e in game.bayes_nash_equilibria():
        x = e.behaviour[0][0]
        ys = dict(zip(("h", "l"), e.behaviour[1], strict=True))
        # player A: expected payoff of each action over B's types
        ua = [sum(prior[t] * sum(mats[t][0][a][b] * ys[t][b] for b in range(2))
                  for t in ("h", "l")) for a in range(2)]
        assert all(ua[a] == max(ua) for a in range(2) if x[a] > 0)
        # each type of B best-responds to x
        for t in ("h", "l"):
            ub = [sum(x[a] * mats[t][1][a][b] for a in range(2)) for b in range(2)]
            assert all(ub[b] == max(ub) for b in range(2) if ys[t][b] > 0)


def test_ambiguous_type_key_and_threshold_errors():
    with pytest.raises(gt.GameError, match="type profile"):
        gt.BayesianGame(("A", "B"), (("a", "b"), ("h", "l")), (("U",), ("L",)),
                        prior={("a", "h"): 1}, payoffs={"h": ([[0]], [[0]])})
    with pytest.raises(gt.GameError, match="no parameters"):
        one_sided().prior_threshold("rho")
    game = bos("p", parameters=["p"])
    with pytest.raises(gt.ParameterError, match="unknown parameter"):
        game.prior_threshold("q")
    with pytest.raises(gt.ParameterError, match="no value"):
        game.bayes_nash_equilibria()
