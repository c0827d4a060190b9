"""The repeated, reputation and salami variants of probe versus response, checked against
the closed forms of their module docstring."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

import gametheory as gt
from gametheory.models.kit import symbol
from gametheory.models.repeated_probe import (
    REPEATED_DEFAULTS,
    RepeatedProbeResponse,
    repeated_probe_response,
    reputation_probe_response,
    salami_probe_response,
)

F = Fraction


def test_repeated_variant_is_the_registered_builder():
    m = gt.models.probe_response("repeated")
    assert isinstance(m, RepeatedProbeResponse)
    assert m.stage.defaults()["credibility_loss"] == F(REPEATED_DEFAULTS["credibility_loss"])
    assert m.game.is_sequential and m.response == "Intercept"


def test_critical_discount_is_the_static_net_cost_over_the_per_period_cost():
    pay = gt.models.probe_response_payoffs()
    closed = (pay["D_U"] - pay["D_I"]) / (-pay["D_I"])
    m = repeated_probe_response()
    assert sympy.simplify(m.credibility_threshold() - closed) == 0
    for point in ({}, {"intercept_cost": "3/2"}, {"probe_damage": 1}):
        g = m.stage.at(**point)
        d_u, d_i = g.B[1, 0], g.B[1, 1]
        assert m.critical_discount_at(**point) == (d_u - d_i) / (-d_i)


def test_retaliation_response_and_bad_response():
    assert repeated_probe_response("Retaliate").defender.name == "retaliate until a lapse"
    with pytest.raises(gt.LabelError, match="response must be one of"):
        repeated_probe_response("Under-react")


def test_reputation_variant_normalises_the_stage_payoffs():
    cs = reputation_probe_response(stages=6, prior="1/5", probe_value="9/2")
    g = repeated_probe_response(probe_value="9/2").stage.at()
    a_u, a_i, d_u, d_i = g.A[1, 0], g.A[1, 1], g.B[1, 0], g.B[1, 1]
    assert cs.entrant_gain == a_u / (a_u - a_i)
    assert cs.incumbent_gain == -d_u / (d_u - d_i)


def test_salami_tolerance_and_refusal():
    c = salami_probe_response(periods=3, credibility_loss="1/2")
    assert c.slices[0] == F(4, 3)  # (c_I + e_I W_D) / (pi h + r_U - r_I) = 2 / (3/2)
    with pytest.raises(gt.ParameterError, match="saves nothing"):
        salami_probe_response(interception_prob=0, credibility_loss="1/2",
                              residual_credibility_loss="1/2")


# ------------------------------------------------------------------ no double counting
#: Today's values of the terms the closed forms below use, and the payoff terms the model
#: revision of issue #12 adds switched off where present, so the hand derivations keep
#: holding if the family's defaults move.
PIN = {"probe_value": 4, "probe_cost": 1, "interception_prob": F(3, 4), "probe_damage": 2,
       "escalation_prob_intercept": F(1, 100), "war_cost_aggressor": 100,
       "war_cost_defender": 100, "intercept_cost": 1, "credibility_loss": F(1, 2),
       "residual_credibility_loss": F(1, 2), "information_gain": 0, "cost_imposition": 0,
       "disunity_cost": 0}


def pin(m, **values):
    names = {p.name for p in m.stage.parameters}
    return {k: v for k, v in {**PIN, **values}.items() if k in names}


def test_dynamic_variants_count_only_non_reputational_credibility_costs():
    from gametheory.models.probe_response import PARAMETERS
    from gametheory.models.repeated_probe import DYNAMIC_PARAMETERS

    m = repeated_probe_response()
    desc = {p.name: p.description for p in m.stage.parameters}
    for name in ("credibility_loss", "residual_credibility_loss"):
        assert "non-reputational" in DYNAMIC_PARAMETERS[name].description
        assert desc[name] == DYNAMIC_PARAMETERS[name].description
    # the one-shot r_U (reputation included) does not flow into the dynamic stage
    assert m.stage.defaults()["credibility_loss"] == F(1, 2) != PARAMETERS[
        "credibility_loss"].default


def test_critical_discount_counts_r_u_once_by_hand():
    """delta* = (D_U - D_I) / (-D_I) with D_U = -h - r_U and D_I = -(1-pi) h - c_I - e_I W_D
    - r_I, r_U the per-incident non-reputational cost; the reputational cost of a lapse is
    the modelled continuation (0 -> D_U), so d delta*/d r_U = 1/D_I and nothing else."""
    m = repeated_probe_response()
    # h = 2, pi = 3/4, c_I = 1, e_I W_D = 1: D_I = -1/2 - 2 - r_I, D_U = -2 - r_U
    for point, want in (({}, F(1, 6)),  # D_U = -5/2, D_I = -3
                        ({"credibility_loss": "1/4", "residual_credibility_loss": 0},
                         F(1, 10)),  # D_U = -9/4, D_I = -5/2
                        ({"credibility_loss": 0, "residual_credibility_loss": 0},
                         F(1, 5))):  # D_U = -2, D_I = -5/2
        assert m.critical_discount_at(**pin(m, **point)) == want
    thr = m.credibility_threshold()
    d_i = gt.models.probe_response_payoffs()["D_I"]
    r_u = symbol("credibility_loss")
    assert sympy.simplify(sympy.diff(thr, r_u) - 1 / d_i) == 0
    # the reputation variant is built on the same stage
    cs = reputation_probe_response(stages=4, prior="1/5", **pin(
        m, credibility_loss="1/4", residual_credibility_loss=0))
    assert cs.incumbent_gain == F(9, 4) / F(1, 4)  # -D_U / (D_U - D_I)


# ------------------------------------------------------------------ detection noise
def _payoffs(m, **values):
    g = m.stage.at(**pin(m, **values))
    return ({"U": g.A[1, 0], "I": g.A[1, 1]}, {"U": g.B[1, 0], "I": g.B[1, 1]},
            m.stage.values(**pin(m, **values)))


def test_without_strays_only_false_alarms_cost_and_missed_detections_are_inert():
    m = repeated_probe_response()
    c_i = PIN["intercept_cost"]
    for e_m in (0, F(1, 10), F(1, 2), 1):
        for e_f in (0, F(1, 10), F(1, 4)):
            res = m.noisy_values(e_m, e_f, discount="9/10", **pin(m))
            assert res.values == (0, -c_i * e_f)
            assert set(res.states) == {("deterred", "firm")}


@pytest.mark.parametrize("e_m,e_f,e_s,d", [(F(1, 5), F(1, 10), F(1, 20), F(9, 10)),
                                           (F(1, 2), 0, F(1, 10), F(1, 2)),
                                           (F(1, 10), F(1, 3), F(1, 100), F(99, 100))])
def test_strays_make_missed_detections_matter_closed_form(e_m, e_f, e_s, d):
    m = repeated_probe_response()
    A, D, vals = _payoffs(m)
    phantom_d = -vals["intercept_cost"]  # intercepting a phantom: c_I, nothing else
    emb_a = (1 - e_m) * A["I"] + e_m * A["U"]
    emb_d = (1 - e_m) * D["I"] + e_m * D["U"]
    r0_a = e_s * emb_a
    r0_d = e_s * emb_d + (1 - e_s) * e_f * phantom_d
    q = e_s * e_m  # an unseen stray emboldens the Aggressor; the Defender stays firm
    den = 1 - d * (1 - q)
    res = m.noisy_values(e_m, e_f, e_s, d, **pin(m))
    assert res.values == (((1 - d) * r0_a + d * q * emb_a) / den,
                          ((1 - d) * r0_d + d * q * emb_d) / den)
    assert res.states[("emboldened", "firm")] == (emb_a, emb_d)


def test_noise_comparison_changes_with_detection_error():
    m = gt.models.probe_response("repeated")
    rows = m.noise_comparison(missed_detection=(0, "1/20", "1/10"), false_alarm=(0, "1/20"),
                              stray="1/100", **pin(m))
    table = {(r["missed_detection"], r["false_alarm"]): r["Defender"] for r in rows}
    for e_f in (0, F(1, 20)):
        assert table[(0, e_f)] > table[(F(1, 20), e_f)] > table[(F(1, 10), e_f)]
    for e_m in (0, F(1, 20), F(1, 10)):
        assert table[(e_m, 0)] > table[(e_m, F(1, 20))]
    assert rows[0]["emboldened vs firm"] is None  # unreachable without missed detections
    # the perception-noise simulation is inert on this game: 0 at every error rate
    rg = m.at(**pin(m))
    from gametheory.analysis.repeated.noise import simulate

    for e in (0.05, 0.3):
        r = simulate(rg, m.profile, discount="9/10", rounds=60, runs=20, perception_error=e,
                     seed=1)
        assert r.mean == (0.0, 0.0)
    with pytest.raises(gt.ParameterError, match="probability"):
        m.noisy_values(missed_detection=2)


def test_phantom_payoffs_drop_the_probe_terms():
    from gametheory.models.repeated_probe import phantom_payoffs

    off = {symbol(n): 0 for n in ("information_gain", "cost_imposition", "disunity_cost")}
    pay = {k: sympy.expand(e.xreplace(off)) for k, e in phantom_payoffs().items()}
    assert pay["A_U"] == 0 and pay["D_U"] == 0
    assert pay["D_I"] == -symbol("intercept_cost") and pay["A_I"] == 0
    for k in ("A_X", "D_X"):
        assert symbol("escalation_prob_retaliate") in pay[k].free_symbols
        assert symbol("probe_value") not in pay[k].free_symbols
