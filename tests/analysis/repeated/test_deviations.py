"""One-shot deviation checks (subgame perfection) and Nash checks of automaton profiles.

* One-shot deviation principle (Blackwell 1965; Mailath and Samuelson 2006, Proposition
  2.4.1): checked against an independent linear solve of the joint automaton's values.
"""

from __future__ import annotations

import random
from fractions import Fraction as F

import pytest
import sympy

import gametheory as gt
from gametheory.analysis.repeated import deviations
from gametheory.analysis.repeated.deviations import (
    Deviation,
    SubgamePerfection,
    nash_check,
    nash_gains,
    one_shot_gains,
    subgame_perfection,
)
from gametheory.analysis.repeated.joint import StageData

S = gt.strategies


def both(fn, g, **kw):
    return fn(g, 0, **kw), fn(g, 1, **kw)


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


# ----------------------------------------------------------------------------- the functions
def test_one_shot_gains_count_and_sign(axelrod):
    data = StageData(axelrod)
    grim = both(S.grim_trigger, axelrod)
    gains = one_shot_gains(data, *grim, data.domain("3/4"))
    # two accessible joint states, one deviation per player at each
    assert len(gains) == 4
    assert {dev.state for dev, _ in gains} == {("cooperate", "cooperate"), ("punish", "punish")}
    assert all(g <= 0 for _, g in gains)
    coop = [g for dev, g in gains if dev.state == ("cooperate", "cooperate")]
    assert coop == [F(1, 4) * 2 + F(3, 4) * (1 - 3)] * 2   # (1-d)(T-R) + d(P-R)


def test_subgame_perfection_exact_and_float_agree(axelrod):
    data = StageData(axelrod)
    tft = both(S.tit_for_tat, axelrod)
    exact = subgame_perfection(data, *tft, "2/3")
    flt = subgame_perfection(data, *tft, 2 / 3)
    assert not exact and not flt
    assert exact.deviation.state == flt.deviation.state == ("punish", "punish")
    assert exact.deviation.gain == 1 and flt.deviation.gain == pytest.approx(1)
    assert [d.gain for d in exact.deviations] == sorted((d.gain for d in exact.deviations),
                                                        reverse=True)
    with pytest.raises(gt.GameError, match="needs numbers"):
        subgame_perfection(data, *tft, sympy.Symbol("d"))


def test_nash_check_reports_best_policy(axelrod):
    data = StageData(axelrod)
    res = nash_check(data, S.always(axelrod, 0, "C"), S.tit_for_tat(axelrod, 1), "1/2")
    assert not res and set(res.improvements) == {"Row", "Column"}
    best, own, policy = res.improvements["Row"]
    assert own == 3 and best == F(10, 3)   # alternate D and C against tit for tat
    assert policy == {"cooperate": "D", "punish": "C"}
    assert res.improvements["Column"][:2] == (5, 3)   # defect forever against ALLC
    assert nash_check(data, *both(S.grim_trigger, axelrod), "1/2")


def test_nash_gains_enumerates_policies_up_to_a_limit(axelrod, monkeypatch):
    data = StageData(axelrod)
    tft = both(S.tit_for_tat, axelrod)
    dom = data.domain(sympy.Symbol("d"))
    assert len(nash_gains(data, *tft, dom)) == 2 * 2 ** 2
    monkeypatch.setattr(deviations, "MAX_POLICIES", 3)
    with pytest.raises(gt.SolverError, match="limit 3"):
        nash_gains(data, *tft, dom)


def test_result_values():
    dev = Deviation(("a", "b"), "Column", "Fight", "Acquiesce", F(1, 3), after="In",
                    discount=F(1, 2))
    assert dev.describe() == ("state (a, b) after In: Column plays Fight instead of "
                              "Acquiesce, gain 1/3 at discount 1/2")
    calls = []

    def compute():
        calls.append(1)
        return [dev, Deviation(("a", "b"), "Row", "x", "y", F(1, 2))]

    res = SubgamePerfection(False, F(1, 2), 2, compute)
    assert not calls                          # computed only when asked for
    assert [d.gain for d in res.deviations] == [F(1, 2), F(1, 3)]
    assert res.deviations and calls == [1]
    assert "False at discount 1/2" in repr(res)
