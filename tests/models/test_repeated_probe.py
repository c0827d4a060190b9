"""The repeated, reputation and salami variants of probe versus response, checked against
the closed forms of their module docstring."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

import gametheory as gt
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
