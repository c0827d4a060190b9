"""Snyder's (1984) alliance security dilemma: backward induction checked by hand-derived
thresholds and against the pure equilibria of the contingent-plan normal form."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

import gametheory as gt
from gametheory.models.alliance_security import security_dilemma_path


def test_spe_is_a_pure_nash_equilibrium_of_the_normal_form_everywhere():
    g = gt.models.alliance_security_dilemma()
    for e in ("1/2", 2, 3):
        for sR in (1, 3):
            for a in (1, 3):
                values = dict(entrapment_cost=e, harm_restrained=sR, abandonment_cost=a)
                spe = security_dilemma_path(**values)
                assert spe.plans in g.pure_equilibria(**values)
                R, F_, A = (u[spe.plans] for u in g.arrays(**values))
                assert (R, F_, A) == spe.payoffs


def test_snyder_dilemma_threshold_entrapment_versus_abandonment():
    """Strong Aggressor (v - c_p = 3 > s_F + s_R = 2) and an abandoned frontline that
    accommodates (a + k_F + m = 9/2 > h_F = 4): committing means entrapment (-e), distancing
    an unanswered probe (-d - h_R = -2), so the restrained ally commits iff e < 2."""
    below = security_dilemma_path(entrapment_cost=F(2) - F(1, 100))
    above = security_dilemma_path(entrapment_cost=F(2) + F(1, 100))
    assert below.outcome == "entrapment" and below.path == ("Commit", "Stand firm", "Probe")
    assert above.outcome == "unanswered probe"
    assert above.path == ("Distance", "Accommodate", "Probe")
    assert security_dilemma_path(entrapment_cost=2).path[0] == "Distance"  # the tie rule
    # the restrained ally's payoff is -e below and -2 above: entrapment traded for abandonment
    assert below.payoffs[0] == -(F(2) - F(1, 100)) and above.payoffs[0] == -2


def test_frontline_left_alone_stands_firm_when_abandonment_is_cheap():
    """With a = 1 the frontline alone stands firm (-m - k_F - a = -5/2 > -4): abandonment
    on the path, and the probe against the divided alliance pays the Aggressor
    v - c_p - s_F + w = 3."""
    out = security_dilemma_path(entrapment_cost=3, abandonment_cost=1)
    assert out.outcome == "abandonment" and out.payoffs[2] == 3


def test_commitment_deters_a_weaker_aggressor_at_any_entrapment_cost():
    """v - c_p = 3 < s_F + s_R = 4: a committed, firm alliance deters, so entrapment never
    materialises and the restrained ally commits whatever e is."""
    for e in ("1/2", 5, 50):
        out = security_dilemma_path(entrapment_cost=e, harm_restrained=3)
        assert out.outcome == "deterrence" and out.payoffs == (0, F(-1, 2), 0)


def test_parameters_and_validation():
    g = gt.models.alliance_security_dilemma(entrapment_cost=4)
    assert g.defaults()["entrapment_cost"] == 4
    assert g.players == ("Restrained ally", "Frontline ally", "Aggressor")
    with pytest.raises(gt.ParameterError, match="bounds"):
        security_dilemma_path(entrapment_cost=-1)
