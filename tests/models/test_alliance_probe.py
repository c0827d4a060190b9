"""A probe against an alliance of k members: cohesion derived from the decision rule
(checked against brute-force enumeration of the votes), the target chosen by backward
induction (checked against the pure equilibria of the normal form and a hand computation)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from fractions import Fraction as F

import pytest

import gametheory as gt
from gametheory.models.alliance_probe import DEFAULT_ALLIES, Ally, rule_probability


def _brute_rule(p, need):
    total = F(0)
    for votes in itertools.product((0, 1), repeat=len(p)):
        if need(votes):
            prob = F(1)
            for v, pi in zip(votes, p, strict=True):
                prob *= pi if v else 1 - pi
            total += prob
    return total


@pytest.mark.parametrize("p", [[F(1, 2)] * 4, [F(1), F(3, 4), F(1, 8), F(0)],
                               [F(2, 3), F(1, 5), F(9, 10)]])
def test_rule_probability_matches_enumerating_the_votes(p):
    k = len(p)
    assert rule_probability(p, "unanimity") == _brute_rule(p, lambda v: all(v))
    assert rule_probability(p, "majority") == _brute_rule(p, lambda v: 2 * sum(v) > k)
    for q in range(1, k + 1):
        assert rule_probability(p, q) == _brute_rule(p, lambda v, q=q: sum(v) >= q)
    assert rule_probability(p, "lead", lead=k - 1) == p[-1]


def test_cohesion_is_derived_from_support_at_the_defaults():
    """Hand computation, probe on Poland (g = 3, sigma = 2): net support tau g + a [target]
    - kappa = 3, 1, -3/2, -17/5, so p = 1, 3/4, 1/8, 0; unanimity 0, majority (3 of 4)
    3/4 * 1/8 = 3/32, Poland as lead nation 1."""
    m = gt.models.alliance_probe()
    assert m.support(0) == (1, F(3, 4), F(1, 8), 0)
    assert m.cohesion()["Poland"] == 0
    assert gt.models.alliance_probe(rule="majority").cohesion()["Poland"] == F(3, 32)
    assert gt.models.alliance_probe(rule="lead", lead="Poland").cohesion()["Poland"] == 1
    assert gt.models.alliance_probe(rule="lead", lead="Germany").cohesion()["Poland"] == F(1, 8)
    # more noise in domestic politics raises the veto player's support, so unanimity
    # becomes possible
    assert gt.models.alliance_probe().cohesion(support_noise=4)["Poland"] > 0


@pytest.mark.parametrize("rule", ["unanimity", "majority", "lead", 2])
@pytest.mark.parametrize("values", [{}, {"probe_value": 1}, {"retaliation_damage": 20},
                                    {"interception_prob": 1, "wedge_gain": 3}])
def test_backward_induction_is_a_pure_nash_equilibrium_and_maximises(rule, values):
    m = gt.models.alliance_probe(rule=rule)
    out = m.solve(**values)
    arrays = m.arrays(**values)
    assert out.profile in m.pure_equilibria(**values)
    # the Aggressor's payoff at the solution is the best of 0 and every target's value
    best = max([F(0)] + [t.aggressor_payoff for t in out.targets])
    assert arrays[0][out.profile] == best
    # each target's interception is its best reply when probed
    for j, t in enumerate(out.targets):
        assert (out.profile[1 + j] == 0) == t.intercepts
        probed = list(out.profile)
        probed[0] = j + 1
        mine = arrays[1 + j][tuple(probed)]
        probed[1 + j] = 1 - probed[1 + j]
        assert mine >= arrays[1 + j][tuple(probed)]


def test_the_weakest_link_is_probed_and_a_stronger_link_shifts_the_target():
    """At the defaults Estonia cannot afford to intercept (c = 3 > pi tau h + a = 5/2), so
    the Aggressor probes it; cheaper interceptors for Estonia move the probe to Hungary,
    where support for retaliation is weakest and nobody intercepts."""
    m = gt.models.alliance_probe()
    out = m.solve()
    assert out.target == "Estonia" and not out["Estonia"].intercepts
    assert out["Estonia"].aggressor_payoff == 4  # v - c_p + w, cohesion 0
    stronger = [replace(a, intercept_cost=F(2)) if a.name == "Estonia" else a
                for a in DEFAULT_ALLIES]
    out2 = gt.models.alliance_probe(stronger).solve()
    assert out2["Estonia"].intercepts and out2.target == "Hungary"
    assert out2["Hungary"].aggressor_payoff == 2  # v - c_p - d + w


def test_lead_nation_rule_deters_where_unanimity_fails():
    """Poland acting alone retaliates for sure when it is probed and w.p. 3/4 otherwise;
    the probe no longer pays anywhere, while under unanimity Hungary's veto leaves cohesion
    0 and the probe pays."""
    lead = gt.models.alliance_probe(rule="lead", lead="Poland").solve()
    assert lead.target is None and lead.describe() == "the Aggressor refrains"
    assert gt.models.alliance_probe(rule="unanimity").solve().target == "Estonia"


def test_the_wedge_works_where_the_probe_pays_only_by_dividing():
    m = gt.models.alliance_probe(rule="majority")
    out = m.solve(probe_value=1)
    t = out["Estonia"]
    assert out.target == "Estonia" and out.wedge_works
    assert t.aggressor_payoff > 0 >= t.aggressor_payoff - t.wedge_share
    assert not m.solve(probe_value=1, wedge_gain=0).target


def test_probe_response_alliance_variant_builds_it():
    allies = DEFAULT_ALLIES[:3]
    m = gt.models.probe_response("alliance", allies=allies, rule="majority")
    assert isinstance(m, gt.models.AllianceProbe) and m.players[1:] == ("Poland", "Estonia",
                                                                        "Germany")
    assert gt.models.alliance("probe").rule == "unanimity"
    assert m.shape == (4, 2, 2, 2) and m.strategies[0][1] == "Probe Poland"


def test_validation():
    with pytest.raises(gt.ParameterError, match="bounds"):
        Ally("X", 2, 1, 1, 1)
    with pytest.raises(gt.ParameterError, match="rational"):
        Ally("X", "a lot", 1, 1, 1)
    with pytest.raises(gt.ParameterError, match="distinct"):
        gt.models.alliance_probe([DEFAULT_ALLIES[0]] * 2)
    with pytest.raises(gt.ParameterError, match="decision rule"):
        gt.models.alliance_probe(rule="consensus-ish")
    with pytest.raises(gt.ParameterError, match="quota"):
        gt.models.alliance_probe(rule=9)
    with pytest.raises(gt.ParameterError, match="not an ally"):
        gt.models.alliance_probe(rule="lead", lead="France")
    with pytest.raises(gt.ParameterError, match="bounds"):
        gt.models.alliance_probe().solve(interception_prob=2)
    with pytest.raises(gt.ParameterError, match="not_a_parameter"):
        gt.models.alliance_probe(not_a_parameter=1)
