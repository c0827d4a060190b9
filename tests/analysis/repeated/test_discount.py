"""Critical discount factors, exact and symbolic.

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

from fractions import Fraction as F

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.analysis.repeated.discount import discount_analysis
from gametheory.analysis.repeated.joint import StageData
from gametheory.models.probe_response import PARAMETERS
from gametheory.models.repeated_probe import _profile

S = gt.strategies


def pd_game(T, R, P, S_):
    return gt.NormalFormGame([[R, S_], [T, P]], [[R, T], [S_, P]],
                             strategies=(("C", "D"), ("C", "D")), title="PD")


def both(fn, g, **kw):
    return fn(g, 0, **kw), fn(g, 1, **kw)


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
    assert isinstance(crit, gt.Formula)  # displays in the symbols; .expr is sympy's
    args = set(crit.args) if isinstance(crit.expr, sympy.Max) else {crit.expr}
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


def test_float_stage_thresholds():
    g = pd_game(5.0, 3.0, 1.0, 0.0)
    rg = gt.RepeatedGame(g)
    crit = rg.critical_discount(both(S.grim_trigger, g))
    assert isinstance(crit, float) and crit == pytest.approx(0.5)
    assert rg.is_subgame_perfect(both(S.grim_trigger, g), 0.5)


COSTLY_POINTS = [
    {},                                                   # variant defaults: r_U = 1/2
    {"credibility_loss": 0, "intercept_cost": 2},
    {"credibility_loss": 1, "probe_damage": 1, "residual_credibility_loss": "1/4"},
    {"interception_prob": "1/2", "credibility_loss": "1/2", "intercept_cost": "3/2",
     "information_gain": 0, "cost_imposition": 0},   # no reaction gain: A_I = 0 deters
]


def _hand_threshold(values):
    """delta* = (D_U - D_I) / (-D_I), from docs/model.md's payoffs (see repeated_probe's doc)."""
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


# ----------------------------------------------------------------------------- the function
def test_discount_analysis_function(axelrod):
    data = StageData(axelrod)
    grim = both(S.grim_trigger, axelrod)
    an = discount_analysis(data, *grim)
    assert an.concept == "spe" and an.critical == F(1, 2) and an.breaking is None
    assert an.region == [(F(1, 2), F(1), True, False)]
    assert {str(g) for _, g in an.constraints} == {"2 - 4*delta", "delta - 1"}
    assert "critical discount 1/2" in repr(an)
    with pytest.raises(gt.GameError, match="'spe' or 'nash'"):
        discount_analysis(data, *grim, concept="perfect")


def test_discount_symbol_avoids_a_parameter_named_delta():
    g = gt.ParametricGame([["R", 0], ["delta", 1]], [["R", "delta"], [0, 1]],
                          parameters=[gt.Parameter("R", default=3),
                                      gt.Parameter("delta", default=5)],
                          strategies=(("C", "D"), ("C", "D")))
    an = discount_analysis(StageData(g), *both(S.grim_trigger, g))
    assert an.delta.name == "discount_factor"
    R, T = g.symbols["R"], g.symbols["delta"]
    assert sympy.simplify(an.critical - (T - R) / (T - 1)) == 0


def test_tft_never_spe_breaking_state(axelrod):
    an = discount_analysis(StageData(axelrod), *both(S.tit_for_tat, axelrod))
    assert an.critical is None and an.region == []
    assert an.breaking.state == ("punish", "punish")
    assert "no discount factor works" in repr(an)


def test_discount_latex_uses_the_stage_parameters_symbols():
    m = gt.models.probe_response("repeated")
    analysis = m.analysis()
    out = analysis._repr_latex_()
    assert out.startswith(r"$\delta^* = ") and r"\pi" in out
    assert "interception_prob" not in out and "_{" not in out.split("=")[0]
    assert analysis.symbols["interception_prob"] == r"\pi"
    pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                            strategies=(("C", "D"), ("C", "D")))
    rg = gt.RepeatedGame(pd_)
    grim = (gt.strategies.grim_trigger(pd_, 0), gt.strategies.grim_trigger(pd_, 1))
    a = rg.discount_analysis(grim)
    assert a._repr_latex_() == rf"$\delta^* = {sympy.latex(sympy.Rational(a.critical))}$"
