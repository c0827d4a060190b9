"""Tests of the probe-versus-response model against docs/model.md.

Expected values are re-derived here from docs/model.md's payoff table (typed again below, not
imported from the code under test) and from the definitions of its regimes.
"""

from __future__ import annotations

import random
from collections import Counter
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.models.kit import symbol
from gametheory.models.probe_response import (
    CORE_PARAMETERS,
    PARAMETERS,
    REGIMES,
    best_reply_after_probe,
    posture_game,
    probe_response,
    probe_response_payoffs,
    regime,
    regime_conditions,
    sequential_game,
    sequential_normal_form,
)

S = {n: sympy.Symbol(n, real=True) for n in PARAMETERS}
v, c_p, pi, s = S["probe_value"], S["probe_cost"], S["interception_prob"], S["retaliation_damage"]
e_I, e_X = S["escalation_prob_intercept"], S["escalation_prob_retaliate"]
W_A, W_D, h = S["war_cost_aggressor"], S["war_cost_defender"], S["probe_damage"]
r_U, r_I = S["credibility_loss"], S["residual_credibility_loss"]
c_I, c_X, theta = S["intercept_cost"], S["retaliation_cost"], S["cohesion"]
g, k, d = S["information_gain"], S["cost_imposition"], S["disunity_cost"]
m_I, m_X = S["readiness_cost_intercept"], S["readiness_cost_retaliate"]

# docs/model.md, "Reduced-form payoffs after a probe", typed from the table.
MODEL_MD = {
    "A_U": v - c_p,
    "A_I": (1 - pi) * v - c_p - e_I * W_A + g + k * c_I,
    "A_X": theta * ((1 - pi) * v - c_p - s - e_X * W_A + g + k * c_I)
    + (1 - theta) * ((1 - pi) * v - c_p - e_I * W_A + g + k * c_I),
    "D_U": -h - r_U,
    "D_I": -(1 - pi) * h - c_I - e_I * W_D - r_I,
    "D_X": theta * (-(1 - pi) * h - c_I - c_X - e_X * W_D)
    + (1 - theta) * (-(1 - pi) * h - c_I - e_I * W_D - r_I - d),
}

REPLIES = ("Under-react", "Intercept", "Retaliate")


def model_md_values(point: dict) -> dict:
    """The six payoffs at a point, as Fractions, from the typed docs/model.md formulas."""
    full = {n: point.get(n, PARAMETERS[n].default) for n in CORE_PARAMETERS}
    sub = {S[n]: sympy.Rational(x.numerator, x.denominator) for n, x in full.items()}
    out = {}
    for k, e in MODEL_MD.items():
        val = e.xreplace(sub)
        out[k] = Fraction(int(val.p), int(val.q))
    return out


def direct_regime(point: dict) -> str:
    """docs/model.md's regime table applied literally (every best reply, its A_r)."""
    pay = model_md_values(point)
    d = {"Under-react": pay["D_U"], "Intercept": pay["D_I"], "Retaliate": pay["D_X"]}
    a = {"Under-react": pay["A_U"], "Intercept": pay["A_I"], "Retaliate": pay["A_X"]}
    best = [r for r in REPLIES if d[r] == max(d.values())]
    if pay["A_U"] <= 0:
        if all(a[r] <= 0 for r in best):
            return "no incentive to probe"
        if all(a[r] > 0 for r in best):
            return "invited probing"
        return "knife edge (several equilibria)"
    if len(best) > 1 or a[best[0]] == 0:
        return "knife edge (several equilibria)"
    return {("Under-react", True): "tolerated probing",
            ("Intercept", False): "deterrence by denial",
            ("Intercept", True): "contested probing",
            ("Retaliate", False): "deterrence by punishment",
            ("Retaliate", True): "retaliation risking escalation"}[best[0], a[best[0]] > 0]


def random_point(rng: random.Random) -> dict:
    def frac(lo: float, hi: float, den: int = 24) -> Fraction:
        return Fraction(rng.randint(int(lo * den), int(hi * den)), den)

    p = {
        "probe_value": frac(0, 8), "probe_cost": frac(0, 4), "interception_prob": frac(0, 1),
        "retaliation_damage": frac(0, 10), "escalation_prob_intercept": frac(0, 0.2, 200),
        "war_cost_aggressor": frac(0, 100, 1), "war_cost_defender": frac(0, 100, 1),
        "probe_damage": frac(0, 6), "credibility_loss": frac(0, 8),
        "intercept_cost": frac(0, 4), "retaliation_cost": frac(0, 4), "cohesion": frac(0, 1),
        "information_gain": frac(0, 2), "cost_imposition": frac(0, 1),
        "disunity_cost": frac(0, 2),
    }
    p["escalation_prob_retaliate"] = p["escalation_prob_intercept"] + frac(0, 0.3, 200)
    p["residual_credibility_loss"] = p["credibility_loss"] * frac(0, 1)
    return p


# Points where each regime holds (checked against the direct definition below).
REGIME_POINTS = {
    "no incentive to probe": {"probe_value": 1},
    "tolerated probing": {"credibility_loss": "1/2"},
    "deterrence by denial": {},
    "contested probing": {"interception_prob": "1/4"},
    "invited probing": {"probe_value": 1, "intercept_cost": 8, "credibility_loss": 12},
    "deterrence by punishment": {"war_cost_defender": 20, "cohesion": 1},
    "retaliation risking escalation": {"war_cost_defender": 20, "cohesion": 1,
                                       "retaliation_damage": 0, "war_cost_aggressor": 10,
                                       "interception_prob": "1/4"},
    "knife edge (several equilibria)": {"credibility_loss": 1},
}


def _exact(point: dict) -> dict:
    return {k: Fraction(x) for k, x in point.items()}


# ------------------------------------------------------------------ payoffs
def test_reduced_form_payoffs_are_model_md_table():
    pay = probe_response_payoffs()
    assert set(pay) == set(MODEL_MD)
    for k, expr in MODEL_MD.items():
        assert sympy.expand(pay[k] - expr) == 0, k


def test_every_variant_reuses_the_reduced_form():
    pay = probe_response_payoffs()
    nf = sequential_normal_form()
    probe = nf.strategy_index(0, "Probe")
    for j, key in enumerate(("U", "I", "X")):
        assert sympy.expand(nf.A[probe, j] - pay["A_" + key]) == 0
        assert sympy.expand(nf.B[probe, j] - pay["D_" + key]) == 0
    post = posture_game()
    for j, (key, m) in enumerate((("U", 0), ("I", m_I), ("X", m_X))):
        assert sympy.expand(post.A[1, j] - pay["A_" + key]) == 0
        assert sympy.expand(post.B[1, j] - (pay["D_" + key] - m)) == 0
        assert sympy.expand(post.B[0, j] + m) == 0


def test_sequential_normal_form_is_2x3_of_plans_with_status_quo_row():
    nf = probe_response("sequential").to_normal_form()
    assert isinstance(nf, gt.ParametricGame)
    assert nf.shape == (2, 3)
    assert nf.strategies == (("Refrain", "Probe"), tuple(f"{r} if probed" for r in REPLIES))
    refrain = nf.strategy_index(0, "Refrain")
    assert all(nf.A[refrain, j] == 0 and nf.B[refrain, j] == 0 for j in range(3))


def test_parameters_have_symbols_bounds_and_exact_defaults():
    nf = sequential_normal_form()
    assert set(nf.parameter_names) == set(CORE_PARAMETERS)
    by_name = {p.name: p for p in nf.parameters}
    assert by_name["interception_prob"].symbol == r"\pi"
    assert by_name["interception_prob"].bounds == (0, 1)
    assert by_name["cohesion"].bounds == (0, 1)
    assert all(isinstance(p.default, Fraction) for p in nf.parameters)
    with pytest.raises(gt.ParameterError):
        nf.at(residual_credibility_loss=4)  # r_I > r_U = 3
    with pytest.raises(gt.ParameterError):
        nf.at(escalation_prob_retaliate="1/1000")  # e_X < e_I
    with pytest.raises(gt.ParameterError):
        nf.at(interception_prob="3/2")


def test_overrides_change_defaults_and_unknown_names_are_refused():
    g = probe_response("posture", probe_value=10).at()
    assert g.A[1, 0] == 9  # A_U = v - c_p
    with pytest.raises(gt.ParameterError, match="readiness_cost_intercept"):
        probe_response("sequential", readiness_cost_intercept=1)
    with pytest.raises(gt.ParameterError, match="no_such"):
        probe_response("posture", no_such=1)
    with pytest.raises(gt.GameError, match="variant"):
        probe_response("simultaneous")


# ------------------------------------------------------------------ separating inequalities
def _probe_row_game(columns):
    """The Defender's choice after a probe, as a 1-row game from the tree's normal form."""
    nf = probe_response("sequential").to_normal_form()
    i = nf.strategy_index(0, "Probe")
    js = [nf.strategy_index(1, f"{c} if probed") for c in columns]
    return gt.ParametricGame([[nf.A[i, j] for j in js]], [[nf.B[i, j] for j in js]],
                             parameters=nf.parameters, players=nf.players,
                             strategies=(("Probe",), tuple(columns)))


def test_intercepting_beats_under_reacting_iff_model_md_inequality():
    g = _probe_row_game(["Under-react", "Intercept"])
    cond = g.conditions(("Probe", "Intercept"))
    assert isinstance(cond, sympy.core.relational.GreaterThan)
    # docs/model.md: intercepting beats under-reacting iff c_I + e_I W_D + r_I < pi h + r_U
    margin = (pi * h + r_U) - (c_I + e_I * W_D + r_I)
    assert sympy.expand((cond.lhs - cond.rhs) - margin) == 0


def test_retaliating_beats_intercepting_iff_model_md_inequality():
    g_ = _probe_row_game(["Intercept", "Retaliate"])
    cond = g_.conditions(("Probe", "Retaliate"), assume_bounds=False)
    # docs/model.md: theta (r_I - c_X - (e_X - e_I) W_D) > (1 - theta) d
    margin = theta * (r_I - c_X - (e_X - e_I) * W_D) - (1 - theta) * d
    assert sympy.expand((cond.lhs - cond.rhs) - margin) == 0
    assert sympy.diff(margin, theta) != 0   # cohesion no longer cancels


# ------------------------------------------------------------------ credibility
def test_normal_form_has_a_nash_equilibrium_resting_on_a_non_credible_threat():
    tree = probe_response("sequential")
    spe = tree.backward_induction()
    assert [e.labels for e in spe] == [("Refrain", "Intercept if probed")]
    classified = tree.classify_equilibria()
    nash = tree.to_normal_form().at().equilibria()
    assert len(classified) == len(nash)
    pure = {c.equilibrium.pure_labels(): c.subgame_perfect
            for c in classified if c.equilibrium.is_pure}
    # Retaliation is worse for the Defender than interception once a probe comes
    # (D_X = -91/8 < D_I = -3), so the threat that keeps the Aggressor out is empty.
    pay = model_md_values({})
    assert pay["D_X"] < pay["D_I"] and pay["A_X"] < 0
    assert pure[("Refrain", "Retaliate if probed")] is False
    assert pure[("Refrain", "Intercept if probed")] is True


def test_threat_to_intercept_is_not_credible_when_probing_is_tolerated():
    point = REGIME_POINTS["tolerated probing"]
    tree = probe_response("sequential")
    assert [e.labels for e in tree.backward_induction(**point)] == \
        [("Probe", "Under-react if probed")]
    verdict = {c.equilibrium.pure_labels(): c.subgame_perfect
               for c in tree.classify_equilibria(**point) if c.equilibrium.is_pure}
    assert verdict == {("Refrain", "Intercept if probed"): False,
                       ("Refrain", "Retaliate if probed"): False,
                       ("Probe", "Under-react if probed"): True}


# ------------------------------------------------------------------ regimes
def test_regime_names_are_the_documented_ones():
    assert REGIMES == ("no incentive to probe", "tolerated probing", "deterrence by denial",
                       "contested probing", "invited probing", "deterrence by punishment",
                       "retaliation risking escalation", "mixed probing",
                       "knife edge (several equilibria)")
    assert set(REGIME_POINTS) == set(REGIMES) - {"mixed probing"}


@pytest.mark.parametrize("name", sorted(REGIME_POINTS))
def test_each_sequential_regime_is_reachable(name):
    point = REGIME_POINTS[name]
    assert direct_regime(_exact(point)) == name
    assert regime(**point) == name
    assert sequential_normal_form().classify(**point) == name
    # The regime names the subgame-perfect set.
    spes = probe_response("sequential").backward_induction(**point)
    if name == "knife edge (several equilibria)":
        assert len(spes) == 2
        return
    moves = {e.labels[0] for e in spes}
    assert {e.labels[1].removesuffix(" if probed") for e in spes} == {
        best_reply_after_probe(**point)}
    probing = name in ("tolerated probing", "contested probing", "invited probing",
                       "retaliation risking escalation")
    assert moves == ({"Probe"} if probing else {"Refrain"})


def test_mixed_probing_is_reachable_in_the_posture_variant():
    assert posture_game().classify() == "mixed probing"
    assert posture_game().at().pure_equilibria() == []


def test_regime_classification_agrees_with_direct_definition_at_random_points():
    rng = random.Random(20251110)
    nf = sequential_normal_form()
    tree = sequential_game()
    seen = Counter()
    for k in range(250):
        point = random_point(rng)
        expected = direct_regime(point)
        seen[expected] += 1
        assert regime(**point) == expected
        assert nf.classify(**point) == expected
        if k % 10 == 0:  # backward induction and the Nash set agree with the regime
            spes = tree.backward_induction(**point)
            br = best_reply_after_probe(**point)
            assert any(e.labels[1] == f"{br} if probed" for e in spes)
            game = nf.at(**point)
            for e in spes:
                assert game.is_equilibrium(
                    ([int(lab == e.labels[0]) for lab in game.strategies[0]],
                     [int(lab == e.labels[1]) for lab in game.strategies[1]]))
    assert len(seen) >= 4, seen


def test_regime_conditions_partition_random_points():
    rng = random.Random(7)
    conds = regime_conditions("sequential")
    for _ in range(60):
        point = random_point(rng)
        sub = {S[n]: sympy.Rational(x.numerator, x.denominator) for n, x in point.items()}
        hits = [name for name, c in conds.items() if c.xreplace(sub) == sympy.true]
        assert hits == [direct_regime(point)]


def test_posture_regime_mixed_iff_no_pure_equilibrium_at_random_points():
    rng = random.Random(11)
    post = posture_game()
    for _ in range(80):
        point = random_point(rng)
        point["readiness_cost_intercept"] = Fraction(rng.randint(1, 40), 20)
        point["readiness_cost_retaliate"] = Fraction(rng.randint(1, 40), 20)
        game = post.at(**point)
        label = post.classify(**point)
        assert (label == "mixed probing") == (game.pure_equilibria() == []), (point, label)
        if label == "tolerated probing":
            assert [e.pure_labels() for e in game.pure_equilibria()] == \
                [("Probe", "Under-react")]


# ------------------------------------------------------------------ posture closed form
def test_posture_mixed_probing_closed_form():
    post = posture_game()
    eq = post.mixed_equilibrium((("Refrain", "Probe"), ("Under-react", "Intercept")))
    pay = probe_response_payoffs()
    q = m_I / (pay["D_I"] - pay["D_U"])            # probe probability
    p = pay["A_U"] / (pay["A_U"] - pay["A_I"])     # interception-posture probability
    assert sympy.simplify(eq.row[1] - q) == 0
    assert sympy.simplify(eq.col[1] - p) == 0
    for point in ({}, {"readiness_cost_intercept": "1/4"}, {"probe_value": "9/2"},
                  {"interception_prob": "9/10", "probe_cost": 2}):
        vals = post.values(**point)
        exact = {S[n]: sympy.Rational(x.numerator, x.denominator) for n, x in vals.items()}
        expected_q = q.xreplace(exact)
        expected_p = p.xreplace(exact)
        eqs = post.at(**point).equilibria()
        assert len(eqs) == 1
        assert eqs[0].row[1] == Fraction(int(expected_q.p), int(expected_q.q))
        assert eqs[0].col[1] == Fraction(int(expected_p.p), int(expected_p.q))


def test_symbol_helper_matches_parametric_game_symbols():
    assert symbol("cohesion") == posture_game().symbols["cohesion"]


def test_repeated_variant_is_built_by_its_module():
    from gametheory.models.repeated_probe import RepeatedProbeResponse

    assert isinstance(probe_response("repeated"), RepeatedProbeResponse)


def test_unknown_variant_names_the_variants():
    with pytest.raises(gt.GameError, match="unknown probe_response variant 'spiral'.*'swarm'"):
        probe_response("spiral")


def test_alliance_variant_delegates():
    assert probe_response("alliance").players == ("Frontline ally", "Rear ally")
    assert probe_response("alliance", game="burden_sharing").shape == (2, 2)


# ------------------------------------------------------------------ Bayesian variant
def test_bayesian_prior_threshold_by_backward_induction():
    tree = probe_response("bayesian")
    assert "credibility_loss" not in {p.name for p in tree.parameters}
    rng = random.Random(13)
    checked = 0
    while checked < 6:
        point = random_point(rng)
        rU = point.pop("credibility_loss")
        point["credibility_loss_irresolute"] = rU
        point["credibility_loss_resolute"] = rU + Fraction(rng.randint(0, 40), 4)
        # each type's best reply and payoffs from the typed docs/model.md formulas
        replies, gains = {}, {}
        for kind in ("resolute", "irresolute"):
            typed = {**point, "credibility_loss": point[f"credibility_loss_{kind}"]}
            pay = model_md_values(typed)
            d = [pay["D_U"], pay["D_I"], pay["D_X"]]
            replies[kind] = REPLIES[d.index(max(d))]
            gains[kind] = pay["A_" + "UIX"[d.index(max(d))]]
        if not gains["resolute"] < 0 < gains["irresolute"]:
            continue
        checked += 1
        rho_star = gains["irresolute"] / (gains["irresolute"] - gains["resolute"])
        formula = gt.models.resolve_threshold(replies["resolute"], replies["irresolute"])
        sub = {S[n]: sympy.Rational(x.numerator, x.denominator) for n, x in
               {**point, "credibility_loss": point["credibility_loss_irresolute"]}.items()}
        assert formula.xreplace(sub) == sympy.Rational(rho_star.numerator,
                                                       rho_star.denominator)
        plan = f"{replies['resolute']} if resolute, {replies['irresolute']} if irresolute"
        for rho, moves in ((rho_star / 2, {"Probe"}), (rho_star, {"Probe", "Refrain"}),
                           ((1 + rho_star) / 2, {"Refrain"})):
            spes = tree.backward_induction(**point, resolve_prior=rho)
            assert {e.labels[0] for e in spes} == moves
            assert {e.labels[1] for e in spes} == {plan}


def test_bayesian_normal_form_bluff_is_not_credible():
    tree = probe_response("bayesian")
    verdict = {c.equilibrium.pure_labels(): c.subgame_perfect
               for c in tree.classify_equilibria() if c.equilibrium.is_pure}
    # prior 1/2 < 3/4: probing pays against credible types; an irresolute Defender's
    # "interception" would deter, but it is not credible
    assert verdict[("Probe", "Intercept if resolute, Under-react if irresolute")] is True
    assert verdict[("Refrain", "Intercept if resolute, Intercept if irresolute")] is False


# ------------------------------------------------------------------ invariants (hypothesis)

fractions = st.fractions(min_value=0, max_value=20, max_denominator=12)
probabilities = st.fractions(min_value=0, max_value=1, max_denominator=20)


@st.composite
def points(draw):
    p = {n: draw(fractions) for n in ("probe_value", "probe_cost", "retaliation_damage",
                                      "probe_damage", "credibility_loss", "intercept_cost",
                                      "retaliation_cost", "information_gain",
                                      "disunity_cost")}
    p.update({n: draw(probabilities) for n in ("interception_prob", "cohesion",
                                               "cost_imposition")})
    p["war_cost_aggressor"] = draw(fractions) * 5
    p["war_cost_defender"] = draw(fractions) * 5
    p["escalation_prob_intercept"] = draw(probabilities) / 4
    p["escalation_prob_retaliate"] = p["escalation_prob_intercept"] + draw(probabilities) / 4
    p["residual_credibility_loss"] = p["credibility_loss"] * draw(probabilities)
    return p


@settings(max_examples=40, deadline=None)
@given(points())
def test_regime_matches_definition_for_any_exact_point(point):
    assert regime(**point) == direct_regime(point)


@settings(max_examples=40, deadline=None)
@given(points(), st.fractions(min_value=Fraction(1, 20), max_value=1, max_denominator=20))
def test_cohesion_cancels_only_without_disunity_cost(point, other_cohesion):
    """With d = 0 the sign of D_X - D_I does not depend on theta > 0; with d > 0 it can."""
    if point["cohesion"] == 0:
        return
    point = {**point, "disunity_cost": Fraction(0)}
    before = model_md_values(point)
    after = model_md_values({**point, "cohesion": other_cohesion})
    sign = lambda x: (x > 0) - (x < 0)  # noqa: E731
    assert sign(before["D_X"] - before["D_I"]) == sign(after["D_X"] - after["D_I"])


# ------------------------------------------------------------------ Bayesian (Harsanyi form)
def _bayes_defaults(exclude=()):
    names = [n for n in CORE_PARAMETERS if n != "credibility_loss"] + [
        "credibility_loss_resolute", "credibility_loss_irresolute"]
    return {n: PARAMETERS[n].default for n in names if n not in exclude}


def test_bayesian_harsanyi_form_threshold_and_credible_equilibria():
    pytest.importorskip("gametheory.core.bayesian")
    g = gt.models.bayesian_game("sequential")
    # typed docs/model.md values for each type at the defaults
    res = model_md_values({"credibility_loss": PARAMETERS["credibility_loss_resolute"].default})
    irr = model_md_values({"credibility_loss":
                           PARAMETERS["credibility_loss_irresolute"].default})
    assert res["D_I"] > max(res["D_U"], res["D_X"])     # resolute intercepts
    assert irr["D_U"] > max(irr["D_I"], irr["D_X"])     # irresolute under-reacts
    rho_star = res["A_U"] / (res["A_U"] - res["A_I"])   # = 3/4
    values = {t.value for t in g.prior_threshold("resolve_prior", **_bayes_defaults())}
    assert rho_star in values
    credible = ("Intercept", "Under-react")
    for rho, move in ((rho_star / 2, "Probe"), ((1 + rho_star) / 2, "Refrain")):
        pure = [e for e in g.bayes_nash_equilibria(resolve_prior=rho) if e.is_pure]
        plans = {(max(e.action("Aggressor", "any"), key=e.action("Aggressor", "any").get),
                  tuple(max(e.action("Defender", t), key=e.action("Defender", t).get)
                        for t in ("resolute", "irresolute"))) for e in pure}
        assert (move, credible) in plans
        # the Harsanyi form also keeps bluffs: the irresolute type "intercepting" deters
        assert ("Refrain", ("Intercept", "Intercept")) in plans


def test_bayesian_posture_mixed_probing_closed_form():
    pytest.importorskip("gametheory.core.bayesian")
    g = gt.models.bayesian_game("posture")
    res = model_md_values({"credibility_loss": PARAMETERS["credibility_loss_resolute"].default})
    rho_star = res["A_U"] / (res["A_U"] - res["A_I"])
    m = PARAMETERS["readiness_cost_intercept"].default
    q_star = m / (res["D_I"] - res["D_U"])
    for rho in (Fraction(1, 2), Fraction(7, 10)):
        (e,) = g.bayes_nash_equilibria(resolve_prior=rho)
        assert e.is_pure and rho < rho_star
        assert e.action("Aggressor", "any")["Probe"] == 1
        assert e.action("Defender", "resolute")["Intercept"] == 1
        assert e.action("Defender", "irresolute")["Under-react"] == 1
    for rho in (Fraction(24, 25), Fraction(49, 50)):
        eqs = g.bayes_nash_equilibria(resolve_prior=rho)
        assert [e.is_pure for e in eqs] == [False]      # mixed probing
        e = eqs[0]
        assert e.action("Aggressor", "any")["Probe"] == q_star
        assert e.action("Defender", "resolute")["Intercept"] == rho_star / rho
        assert e.action("Defender", "irresolute")["Under-react"] == 1


def test_swarm_variant_rows_are_built_from_the_reduced_form():
    """The 3x3 swarm posture game: Probe row as in the posture game, Swarm row doubled
    (both sides) with one extra probe cost for the Aggressor and one readiness cost."""
    from fractions import Fraction as F

    swarm = gt.models.probe_response("swarm")
    posture = gt.models.probe_response("posture")
    rng = random.Random(5)
    for _ in range(10):
        vals = {"probe_value": F(rng.randint(0, 12), 2),
                "credibility_loss": F(rng.randint(1, 16), 2),
                "intercept_cost": F(rng.randint(0, 8), 4),
                "readiness_cost_intercept": F(rng.randint(0, 4), 4)}
        g3, g2 = swarm.at(**vals), posture.at(**vals)
        c_p = swarm.defaults()["probe_cost"]
        m = (0, vals["readiness_cost_intercept"], swarm.defaults()["readiness_cost_retaliate"])
        for j in range(3):
            assert (g3.A[0, j], g3.B[0, j]) == (g2.A[0, j], g2.B[0, j])
            assert (g3.A[1, j], g3.B[1, j]) == (g2.A[1, j], g2.B[1, j])
            assert g3.A[2, j] == 2 * g2.A[1, j] - c_p
            assert g3.B[2, j] == 2 * (g2.B[1, j] + m[j]) - m[j]
        for e in g3.equilibria():
            assert g3.is_equilibrium(e)
