"""RepeatedGame: discounted payoffs, one-shot deviation checks, critical discount factors.

Expected values come from closed forms in the literature:

* Friedman (1971): grim trigger sustains (C, C) in the prisoner's dilemma iff
  delta >= (T - R) / (T - P).
* Axelrod (1984, ch. 3 and appendix B, Propositions 2 and 4): tit for tat is collectively
  stable (a Nash equilibrium against itself) iff delta >= max((T-R)/(T-P), (T-R)/(R-S)).
* One-shot deviation principle for TFT (e.g. Mailath and Samuelson 2006, section 2.4.3):
  TFT is subgame perfect iff delta = (T-R)/(R-S) = (P-S)/(T-P), so for Axelrod's
  (T, R, P, S) = (5, 3, 1, 0) (2/3 vs 1/4) never; for (3, 2, 1, 0) exactly at 1/2.
"""

from __future__ import annotations

import random
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.models.probe_response import PARAMETERS
from gametheory.models.repeated_probe import _profile

S = gt.strategies


def pd_game(T, R, P, S_):
    return gt.NormalFormGame([[R, S_], [T, P]], [[R, T], [S_, P]],
                             strategies=(("C", "D"), ("C", "D")), title="PD")


def both(fn, g, **kw):
    return fn(g, 0, **kw), fn(g, 1, **kw)


@pytest.fixture
def axelrod():
    return pd_game(5, 3, 1, 0)


@pytest.fixture
def symbolic_pd():
    return gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
                             parameters=[gt.Parameter("R", default=3),
                                         gt.Parameter("S", default=0),
                                         gt.Parameter("T", default=5),
                                         gt.Parameter("P", default=1)],
                             strategies=(("C", "D"), ("C", "D")))


# ----------------------------------------------------------------------------- payoffs
def test_payoffs_closed_forms(axelrod):
    rg = gt.RepeatedGame(axelrod)
    d = sympy.Symbol("delta")
    alld = S.always(axelrod, 0, "D")
    # ALLD against TFT: T then P forever; TFT gets S then P
    u = rg.payoffs((alld, S.tit_for_tat(axelrod, 1)), d)
    assert sympy.simplify(u[0] - ((1 - d) * 5 + d * 1)) == 0
    assert sympy.simplify(u[1] - ((1 - d) * 0 + d * 1)) == 0
    assert rg.payoffs(both(S.grim_trigger, axelrod), F(9, 10)) == (F(3), F(3))
    # alternation (D,C),(C,D),...: (T + delta S)/(1 + delta) for the first defector
    alt0 = gt.Automaton(axelrod, 0, {"a": "D", "b": "C"}, {"a": "b", "b": "a"})
    alt1 = gt.Automaton(axelrod, 1, {"a": "C", "b": "D"}, {"a": "b", "b": "a"})
    u = rg.payoffs((alt0, alt1), "1/2")
    assert u == (F(5, 1) / F(3, 2), F(5, 2) / F(3, 2))
    assert isinstance(rg.payoffs((alt0, alt1), 0.5)[0], float)
    assert rg.payoffs((alt0, alt1), 0) == (F(5), F(0))


def test_payoffs_match_truncated_simulation(axelrod):
    rg = gt.RepeatedGame(axelrod)
    prof = (S.graduated(axelrod, 0), S.punish_then_forgive(axelrod, 1, periods=2))
    delta = 0.8
    path = rg.path(prof, 400)
    A, B = axelrod.as_float()
    lab = axelrod.strategies
    tot = [0.0, 0.0]
    for t, (r, c) in enumerate(path):
        i, j = lab[0].index(r), lab[1].index(c)
        tot[0] += (1 - delta) * delta ** t * A[i, j]
        tot[1] += (1 - delta) * delta ** t * B[i, j]
    u = rg.payoffs(prof, delta)
    assert u[0] == pytest.approx(tot[0], abs=1e-12)
    assert u[1] == pytest.approx(tot[1], abs=1e-12)


# ----------------------------------------------------------------------------- Friedman
@settings(max_examples=25, deadline=None)
@given(st.integers(0, 5), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
def test_grim_trigger_friedman_threshold(S_, gap_ps, gap_rp, gap_tr):
    P = S_ + gap_ps
    R = P + gap_rp
    T = R + gap_tr
    g = pd_game(T, R, P, S_)
    rg = gt.RepeatedGame(g)
    grim = both(S.grim_trigger, g)
    crit = F(T - R, T - P)
    assert rg.critical_discount(grim) == crit
    assert rg.is_subgame_perfect(grim, crit)
    below = crit - F(1, 1000)
    if below >= 0:
        res = rg.is_subgame_perfect(grim, below)
        assert not res
        assert res.deviation.state == ("cooperate", "cooperate")
        assert res.deviation.action == "D"
        # gain of defecting once: (1-d)(T-R) - d(R-P)
        assert res.deviation.gain == (1 - below) * (T - R) - below * (R - P)


def test_grim_trigger_symbolic(symbolic_pd):
    rg = gt.RepeatedGame(symbolic_pd)
    an = rg.discount_analysis(both(S.grim_trigger, symbolic_pd))
    T, R, P, S_ = (symbolic_pd.symbols[k] for k in "TRPS")
    assert sympy.simplify(an.critical - (T - R) / (T - P)) == 0
    # the punishment phase needs P >= S (no gain from cooperating alone)
    assert any(sympy.simplify(c.lhs - (P - S_)) == 0 or sympy.simplify(c.lhs + (P - S_)) == 0
               for c in an.conditions if hasattr(c, "lhs"))
    # agrees with the numeric analysis at exact points
    for vals in ({"T": 5, "R": 3, "P": 1, "S": 0}, {"T": 7, "R": 4, "P": 2, "S": 1}):
        num = gt.RepeatedGame(symbolic_pd.at(**vals))
        want = num.critical_discount(both(S.grim_trigger, num.stage))
        got = an.critical.subs({symbolic_pd.symbols[k]: v for k, v in vals.items()})
        assert F(str(got)) == want


def test_grim_trigger_unreachable_joint_state_is_ignored(axelrod):
    rg = gt.RepeatedGame(axelrod)
    res = rg.is_subgame_perfect(both(S.grim_trigger, axelrod), "3/4")
    assert res and res.states_checked == 2  # (cooperate, punish) is reached by no history


def test_grim_trigger_ignoring_own_deviation_is_not_spe(axelrod):
    rg = gt.RepeatedGame(axelrod)
    prof = both(S.grim_trigger, axelrod, trigger="opponent")
    assert rg.is_nash(prof, "3/4")
    an = rg.discount_analysis(prof)
    assert an.critical is None
    # after its own deviation the row player is asked to cooperate against punishment
    assert an.breaking.state in {("cooperate", "punish"), ("punish", "cooperate")}
    assert an.breaking.action == "D"


# ----------------------------------------------------------------------------- Axelrod
@pytest.mark.parametrize("T,R,P,S_", [(5, 3, 1, 0), (4, 3, 1, 0), (6, 4, 1, 0), (5, 4, 1, 0)])
def test_tft_nash_conditions_axelrod(T, R, P, S_):
    g = pd_game(T, R, P, S_)
    rg = gt.RepeatedGame(g)
    tft = both(S.tit_for_tat, g)
    want = max(F(T - R, T - P), F(T - R, R - S_))
    assert rg.critical_discount(tft, concept="nash") == want
    assert rg.is_nash(tft, want)
    bad = rg.is_nash(tft, want - F(1, 100))
    assert not bad and set(bad.improvements) == {"Row", "Column"}


def test_tft_nash_symbolic(symbolic_pd):
    rg = gt.RepeatedGame(symbolic_pd)
    crit = rg.critical_discount(both(S.tit_for_tat, symbolic_pd), concept="nash")
    T, R, P, S_ = (symbolic_pd.symbols[k] for k in "TRPS")
    args = set(crit.args) if isinstance(crit, sympy.Max) else {crit}
    want = {(T - R) / (T - P), (T - R) / (R - S_)}
    assert len(args) == 2
    assert all(any(sympy.simplify(a - w) == 0 for a in args) for w in want)


def test_tft_never_spe_with_axelrod_payoffs(axelrod):
    rg = gt.RepeatedGame(axelrod)
    tft = both(S.tit_for_tat, axelrod)
    an = rg.discount_analysis(tft)
    assert an.critical is None and an.region == []
    assert rg.critical_discount(tft) is None
    # on the path TFT needs delta >= 2/3; there, in the mutual-punishment state, cooperating
    # once starts the alternation (C,D),(D,C),... worth delta*T/(1+delta) = 2 > P = 1
    br = rg.breaking_deviation(tft)
    assert br.state == ("punish", "punish")
    assert br.action == "C" and br.discount == F(2, 3) and br.gain == 1
    for d in ("1/4", "2/3", "1/2", "9/10", "99/100"):
        assert not rg.is_subgame_perfect(tft, d)


def test_tft_knife_edge_spe():
    g = pd_game(3, 2, 1, 0)   # (T-R)/(R-S) = (P-S)/(T-P) = 1/2
    rg = gt.RepeatedGame(g)
    tft = both(S.tit_for_tat, g)
    an = rg.discount_analysis(tft)
    assert an.critical == F(1, 2)
    assert an.region == [(F(1, 2), F(1, 2), True, True)]
    assert rg.is_subgame_perfect(tft, "1/2")
    assert not rg.is_subgame_perfect(tft, "51/100")
    assert not rg.is_subgame_perfect(tft, "49/100")


def test_tft_symbolic_spe_reports_conflict(symbolic_pd):
    rg = gt.RepeatedGame(symbolic_pd)
    an = rg.discount_analysis(both(S.tit_for_tat, symbolic_pd))
    assert an.critical is None and an.breaking is not None


# ----------------------------------------------------------------------------- reference
def _reference_spe(stage, a, b, delta):
    """Independent check: values by an exact linear solve over ALL joint states, then every
    one-shot deviation at states reachable by some history (sympy matrices)."""
    k1, k2 = a.size, b.size
    m, n = stage.shape
    N = k1 * k2
    A, B = stage.A, stage.B
    M = sympy.zeros(N, N)
    u0 = sympy.zeros(N, 1)
    u1 = sympy.zeros(N, 1)
    d = sympy.Rational(delta.numerator, delta.denominator)
    for s1 in range(k1):
        for s2 in range(k2):
            z = s1 * k2 + s2
            i, j = a.actions[s1], b.actions[s2]
            w = int(a.table[s1, i, j]) * k2 + int(b.table[s2, i, j])
            M[z, z] += 1
            M[z, w] -= d
            u0[z] = (1 - d) * sympy.Rational(str(A[i, j]))
            u1[z] = (1 - d) * sympy.Rational(str(B[i, j]))
    V0 = M.LUsolve(u0)
    V1 = M.LUsolve(u1)
    reach = {a.initial * k2 + b.initial}
    frontier = list(reach)
    while frontier:
        z = frontier.pop()
        s1, s2 = divmod(z, k2)
        for i in range(m):
            for j in range(n):
                w = int(a.table[s1, i, j]) * k2 + int(b.table[s2, i, j])
                if w not in reach:
                    reach.add(w)
                    frontier.append(w)
    for z in reach:
        s1, s2 = divmod(z, k2)
        i, j = a.actions[s1], b.actions[s2]

        def val(p, ii, jj, s1=s1, s2=s2):
            w = int(a.table[s1, ii, jj]) * k2 + int(b.table[s2, ii, jj])
            U = A if p == 0 else B
            return (1 - d) * sympy.Rational(str(U[ii, jj])) + d * (V0 if p == 0 else V1)[w]

        if any(val(0, i2, j) > val(0, i, j) for i2 in range(m)):
            return False
        if any(val(1, i, j2) > val(1, i, j) for j2 in range(n)):
            return False
    return True


def test_spe_check_matches_independent_linear_solve():
    rng = random.Random(7)
    g = gt.NormalFormGame([[3, 0, 1], [4, 1, 2]], [[2, 5, 0], [0, 1, 3]],
                          strategies=(("a", "b"), ("x", "y", "z")))
    rg = gt.RepeatedGame(g)
    agree = 0
    for _ in range(40):
        k1, k2 = rng.choice((1, 2, 3)), rng.choice((1, 2, 3))
        t1 = [[[rng.randrange(k1) for _ in range(3)] for _ in range(2)] for _ in range(k1)]
        t2 = [[[rng.randrange(k2) for _ in range(3)] for _ in range(2)] for _ in range(k2)]
        a = gt.Automaton.from_table(g, 0, [rng.choice("abb") for _ in range(k1)], t1)
        b = gt.Automaton.from_table(g, 1, [rng.choice("xyzz") for _ in range(k2)], t2)
        delta = F(rng.randint(1, 19), 20)
        mine = bool(rg.is_subgame_perfect((a, b), delta))
        assert mine == _reference_spe(g, a, b, delta)
        agree += mine
        # the float path gives the same verdict
        assert bool(rg.is_subgame_perfect((a, b), float(delta))) == mine
    assert agree > 0  # the sample contains equilibria, so both verdicts were exercised


# ----------------------------------------------------------------------------- meta-game
def test_meta_game(axelrod):
    rg = gt.RepeatedGame(axelrod)
    pool = [S.always(axelrod, 0, "D"), S.always(axelrod, 0, "C"), S.grim_trigger(axelrod, 0),
            S.tit_for_tat(axelrod, 0)]
    meta = rg.meta_game(pool, discount="9/10")
    assert meta.shape == (4, 4)
    assert meta.strategies[0] == ("always D", "always C", "grim trigger", "tit for tat")
    # grim vs ALLD: S then P forever for grim
    assert meta.A[2, 0] == F(1, 10) * 0 + F(9, 10) * 1
    pure = {e.pure_labels() for e in meta.pure_equilibria()}
    assert ("grim trigger", "tit for tat") in pure and ("always D", "always D") in pure
    assert meta.equilibria()  # solved by the core solvers
    merged = rg.meta_game(pool, discount="9/10", merge_duplicates=True)
    # against this pool grim trigger and tit for tat earn the same, row and column alike
    assert merged.shape == (3, 3)
    assert "grim trigger = tit for tat" in merged.strategies[0]


# ----------------------------------------------------------------------------- finite horizon
def test_finite_horizon_pd_unravels(axelrod):
    res = gt.RepeatedGame(axelrod).finite_horizon(5)
    assert res.unique and all(p == [("D", "D")] for p in res.periods)
    assert res.totals == (F(5), F(5))


def test_finite_horizon_chain_store_unravels():
    # Selten (1978): entrant In/Out; incumbent Fight/Acquiesce, moving after In only
    stage = gt.NormalFormGame([[0, 0], [-1, 2]], [[5, 5], [-1, 1]],
                              players=("Entrant", "Incumbent"),
                              strategies=(("Out", "In"), ("Fight", "Acquiesce")))
    rg = gt.RepeatedGame(stage, follower_moves_after=["In"])
    res = rg.finite_horizon(20)
    assert res.unique and res.periods[0] == [("In", "Acquiesce")]
    assert res.totals == (F(40), F(20))
    # the normal form also has the non-credible (Out, Fight) Nash equilibrium
    assert ("Out", "Fight") in {e.pure_labels() for e in stage.pure_equilibria()}


# ----------------------------------------------------------------------------- nashpy
def test_obtain_repeated_game_wrapper(axelrod):
    import nashpy
    from nashpy.repeated_games import obtain_repeated_game as nashpy_repeated

    big = gt.repeated.obtain_repeated_game(axelrod, 2)
    ref = nashpy_repeated(nashpy.Game(*axelrod.as_float()), 2)
    assert big.shape == (32, 32)
    assert np.array_equal(big.as_float()[0], ref.payoff_matrices[0])
    g23 = gt.NormalFormGame([[1, 2, 3], [4, 5, 6]], [[0, 1, 0], [1, 0, 1]])
    assert gt.repeated.repeated_game_size(g23.shape, 2) == (128, 2187)
    with pytest.raises(gt.SolverError, match="max_cells"):
        gt.repeated.obtain_repeated_game(g23, 3)
    with pytest.raises(gt.SolverError, match="10\\^"):
        gt.repeated.obtain_repeated_game(g23, 10)
    with pytest.raises(gt.SolverError, match="128 x 2187"):
        gt.repeated.obtain_repeated_game(g23, 2, max_cells=1000)


# ----------------------------------------------------------------------------- errors
def test_errors(axelrod, symbolic_pd):
    rg = gt.RepeatedGame(axelrod)
    grim = both(S.grim_trigger, axelrod)
    with pytest.raises(gt.ProfileError, match="entry 0"):
        rg.payoffs(grim[::-1], "1/2")
    with pytest.raises(gt.ParameterError, match=r"\[0, 1\)"):
        rg.payoffs(grim, 1)
    with pytest.raises(gt.ProfileError):
        rg.payoffs((grim[0],), "1/2")
    with pytest.raises(gt.GameError, match="critical_discount"):
        gt.RepeatedGame(symbolic_pd).is_subgame_perfect(both(S.grim_trigger, symbolic_pd),
                                                        "1/2")
    with pytest.raises(gt.GameError, match="payoffs in that row"):
        gt.RepeatedGame(axelrod, follower_moves_after=["D"])


def test_float_stage_thresholds():
    g = pd_game(5.0, 3.0, 1.0, 0.0)
    rg = gt.RepeatedGame(g)
    crit = rg.critical_discount(both(S.grim_trigger, g))
    assert isinstance(crit, float) and crit == pytest.approx(0.5)
    assert rg.is_subgame_perfect(both(S.grim_trigger, g), 0.5)


# ----------------------------------------------------------------------------- probe-response
COSTLY_POINTS = [
    {},                                                   # variant defaults: r_U = 1/2
    {"credibility_loss": 0, "intercept_cost": 2},
    {"credibility_loss": 1, "probe_damage": 1, "residual_credibility_loss": "1/4"},
    {"interception_prob": "1/2", "credibility_loss": "1/2", "intercept_cost": "3/2"},
]


def _hand_threshold(values):
    """delta* = (D_U - D_I) / (-D_I), from MODEL.md's payoffs (see repeated_probe's doc)."""
    base = {k: F(str(v.default)) for k, v in PARAMETERS.items()}
    base.update({"credibility_loss": F(1, 2)})
    base.update({k: F(str(v)) for k, v in values.items()})
    h, rU, rI, cI = (base[k] for k in ("probe_damage", "credibility_loss",
                                       "residual_credibility_loss", "intercept_cost"))
    pi, eI, WD = (base[k] for k in ("interception_prob", "escalation_prob_intercept",
                                    "war_cost_defender"))
    D_U = -h - rU
    D_I = -(1 - pi) * h - cI - eI * WD - rI
    assert D_I < D_U  # statically costly
    return (D_U - D_I) / (-D_I)


def test_probe_response_credibility_threshold_symbolic():
    m = gt.models.probe_response("repeated")
    thr = m.credibility_threshold()
    pay = gt.models.probe_response_payoffs()
    assert sympy.simplify(thr - (pay["D_U"] - pay["D_I"]) / (-pay["D_I"])) == 0
    conds = m.analysis().conditions
    # A_I <= 0 (interception deters) is among the conditions the analysis found
    assert any(sympy.simplify(c.lhs + pay["A_I"]) == 0 or sympy.simplify(c.lhs - pay["A_I"]) == 0
               for c in conds if hasattr(c, "lhs"))


@pytest.mark.parametrize("values", COSTLY_POINTS)
def test_probe_response_threshold_matches_numeric_search(values):
    m = gt.models.probe_response("repeated")
    want = _hand_threshold(values)
    syms = {m.stage.symbols[k]: sympy.Rational(str(F(str(v)))) for k, v in values.items()}
    assert F(str(m.credibility_threshold().subs(syms).subs(
        {m.stage.symbols[p.name]: sympy.Rational(str(p.default)) for p in m.stage.parameters}))
    ) == want
    assert m.critical_discount_at(**values) == want
    # numeric search on a grid of exact discount factors, by the one-shot deviation check
    rg = m.at(**values)
    prof = _profile(rg.stage, "Intercept")
    grid = [F(k, 240) for k in range(240)]
    ok = [d for d in grid if rg.is_subgame_perfect(prof, d)]
    assert ok and want <= ok[0] < want + F(1, 240)
    assert all(d in ok for d in grid if d >= want)
    res = rg.is_subgame_perfect(prof, ok[0] - F(1, 240)) if ok[0] > 0 else None
    if res is not None:
        dev = res.deviation
        assert dev.state == ("deterred", "firm") and dev.after == "Probe"
        assert dev.player == "Defender" and dev.action == "Under-react"


def test_probe_response_lapse_not_self_enforcing_when_interception_pays():
    m = gt.models.probe_response("repeated", credibility_loss=3)
    rg = m.at()
    an = rg.discount_analysis(_profile(rg.stage, "Intercept"))
    assert an.critical is None
    assert an.breaking.state[1] == "lapsed" and an.breaking.action == "Intercept"


def test_k_period_punishment_thresholds_are_algebraic(axelrod):
    """Forgiving trigger with k punishment periods: cooperation is an SPE iff
    delta + ... + delta^k >= (T - R) / (R - P) (the deviation gain T - R is repaid by k
    periods of R - P; e.g. Fudenberg and Tirole 1991, section 5.1). With (5, 3, 1, 0) the
    right side is 1: k = 1 never, k = 2 at the golden ratio (sqrt(5) - 1) / 2, k = 3 at the
    real root of d^3 + d^2 + d - 1."""
    rg = gt.RepeatedGame(axelrod)
    d = sympy.Symbol("d")

    def prof(k):
        return both(S.punish_then_forgive, axelrod, periods=k)

    an = rg.discount_analysis(prof(1))
    assert an.critical is None and an.breaking.state == ("cooperate", "cooperate")
    crit2 = rg.critical_discount(prof(2))
    assert sympy.simplify(crit2 - (sympy.sqrt(5) - 1) / 2) == 0
    crit3 = rg.critical_discount(prof(3))
    assert sympy.simplify((d ** 3 + d ** 2 + d - 1).subs(d, crit3)) == 0
    assert float(crit3) == pytest.approx(0.5436890127, abs=1e-9)
    for k, crit in ((2, crit2), (3, crit3)):
        c = float(crit)
        assert rg.is_subgame_perfect(prof(k), F(c).limit_denominator(10 ** 6) + F(1, 10 ** 5))
        assert not rg.is_subgame_perfect(prof(k), F(c).limit_denominator(10 ** 6) - F(1, 10 ** 5))


def test_states_all_also_checks_pairs_no_history_reaches(axelrod):
    rg = gt.RepeatedGame(axelrod)
    grim = both(S.grim_trigger, axelrod)
    res = rg.is_subgame_perfect(grim, "3/4", states="all")
    assert not res and res.states_checked == 4
    # the impossible pair: one cooperates while the other punishes; D gains (1-d)(P-S)
    assert {d.state for d in res.deviations} == {("cooperate", "punish"),
                                                  ("punish", "cooperate")}
    assert res.deviation.gain == F(1, 4) * 1
    assert rg.critical_discount(grim, states="all") is None
    with pytest.raises(gt.GameError, match="accessible"):
        rg.is_subgame_perfect(grim, "3/4", states="some")
