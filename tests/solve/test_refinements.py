"""The intuitive criterion and D1: Cho and Kreps's (1987) beer-quiche verdicts, and D1
selecting the Riley outcome of a Spence (1973) education game on a grid, with each
deletion re-derived by hand in the test."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from gametheory.models import beer_quiche, job_market, spence_education
from gametheory.solve.refinements import d1_criterion, d1_deleted, intuitive_criterion
from gametheory.solve.signaling import perfect_bayesian_equilibria


def test_beer_quiche_verdicts_at_prior_nine_tenths():
    # Cho and Kreps (1987, QJE 102, sec. II): pooling on quiche fails the intuitive
    # criterion (beer is equilibrium dominated for weak, and strong gains 3 > 2 when the
    # receiver believes the beer drinker strong); pooling on beer passes
    g = beer_quiche()
    eqs = perfect_bayesian_equilibria(g)
    verdicts = [(e.sender["strong"], e.is_pure, intuitive_criterion(g, e).survives,
                 d1_criterion(g, e).survives) for e in eqs]
    assert verdicts == [("beer", True, True, True), ("quiche", True, False, False),
                        ("beer", False, True, False), ("quiche", False, False, False)]
    # the beer pool's extreme point where the receiver mixes after quiche needs
    # mu(weak | quiche) = 1/2 exactly: the intuitive criterion lets it pass (no type gains
    # for sure), D1 puts all weight on weak after quiche, where dueling is the only reply
    assert "not a best reply" in d1_criterion(g, eqs[2]).reasons[0]
    quiche_pool = eqs[1]
    assert intuitive_criterion(g, quiche_pool).reasons == (
        "beer: equilibrium dominated for weak; against every best reply to beliefs on "
        "strong, strong gains (3 > 2)",)
    # D1 at beer in the quiche pool: weak (payoff 3) cannot gain from beer at all, so it
    # is deleted; strong would gain when the duel probability is <= 1/2
    assert d1_deleted(g, quiche_pool, "beer") == {"weak": "strong"}
    # in the beer pool, at quiche: weak gains (u* = 2) when the duel probability d has
    # 1 + 2 (1 - d) >= 2, i.e. d <= 1/2; strong (u* = 3) never gains: strong is deleted,
    # beliefs on weak justify the duel
    beer_pool = eqs[0]
    assert d1_deleted(g, beer_pool, "quiche") == {"strong": "weak"}
    assert "supported" in d1_criterion(g, beer_pool).reasons[0]


def test_semi_separating_equilibrium_has_nothing_off_path_to_test():
    g = beer_quiche(F(1, 10))
    (e,) = perfect_bayesian_equilibria(g)
    assert intuitive_criterion(g, e).reasons == () and intuitive_criterion(g, e)
    assert d1_criterion(g, e).survives


def test_job_market_two_levels():
    g = job_market()
    eqs = perfect_bayesian_equilibria(g, pure=True)
    d1 = {(e.kind, e.receiver["Skip"]): d1_criterion(g, e).survives for e in eqs}
    # D1 agrees with the intuitive criterion here: the Clerk pool fails, the Manager pool
    # (High's 4 beats its 3 from educating) survives, separation survives
    assert d1 == {("separating", "Clerk"): True, ("pooling", "Clerk"): False,
                  ("pooling", "Manager"): True}


def riley(e):
    return e.sender == {"High": "e=2", "Low": "e=0"} and e.receiver["e=2"] == "w=2" \
        and e.receiver["e=0"] == "w=1"


def test_d1_selects_the_riley_outcome_of_spence_education():
    # Spence (1973) on a grid: levels 0, 1, 2; costs 1/8 (High) and 3/4 (Low) per level;
    # productivities 2 and 1; prior(High) = 1/3; wages 1, 3/2, 2 (the employer pays the
    # wage nearest the expected productivity). Riley (1979): Low at 0, High at the least
    # level Low would not mimic, 2 (at 1 Low would: 2 - 3/4 > 1).
    g = spence_education()
    eqs = perfect_bayesian_equilibria(g, pure=True)
    kinds = {e.kind for e in eqs}
    assert kinds == {"pooling", "separating"}
    assert all(e.sender["High"] == "e=2" for e in eqs if e.kind == "separating")
    # pooling on no education at wage 3/2 (expected productivity 4/3) exists, supported
    # by pessimistic beliefs at e=1 and e=2
    pools = [e for e in eqs if e.kind == "pooling"]
    assert pools and all(e.sender == {"High": "e=0", "Low": "e=0"} for e in pools)
    assert all(e.receiver["e=0"] == "w=3/2" for e in pools)
    survivors = [e for e in eqs if d1_criterion(g, e).survives]
    assert survivors and all(riley(e) for e in survivors)
    # by hand: in a pool High gets 3/2 and Low 3/2; at e=2 Low gets at most 2 - 3/2 = 1/2,
    # so Low is deleted, and against beliefs on High the wage is 2: High's 7/4 > 3/2
    for e in pools:
        assert d1_deleted(g, e, "e=2") == {"Low": "High"}
        assert not d1_criterion(g, e).survives
        assert not intuitive_criterion(g, e).survives
    # in the Riley outcome, at e=1 High (u* = 7/4) gains only if the expected wage is
    # >= 15/8 while Low (u* = 1) gains already at > 7/4: D1 deletes High there, so the
    # wage after e=1 must be a best reply to beliefs on Low, i.e. 1
    assert {e.receiver["e=1"] for e in survivors} == {"w=1"}
    for e in survivors:
        assert d1_deleted(g, e, "e=1") == {"High": "Low"}
    kept = [e for e in eqs if riley(e) and e.receiver["e=1"] != "w=1"]
    assert kept and not any(d1_criterion(g, e).survives for e in kept)


@pytest.mark.slow
def test_d1_keeps_only_riley_among_mixed_and_semi_separating_equilibria_too():
    # all 15 extreme PBE of the grid game (6 pure, 5 pooling ones with the employer mixing
    # off path, 3 semi-separating ones where Low mixes between e=0 and e=1 and High takes
    # e=1, and a separating one mixing off path): D1 keeps one, the Riley outcome with
    # the wage 1 after e=1; the intuitive criterion keeps the Riley outcome with every
    # off-path reply
    g = spence_education()
    eqs = perfect_bayesian_equilibria(g)
    assert len(eqs) == 15
    assert sum(e.kind == "semi-separating" for e in eqs) == 3
    d1 = [e for e in eqs if d1_criterion(g, e).survives]
    assert len(d1) == 1 and riley(d1[0]) and d1[0].receiver["e=1"] == "w=1"
    ic = [e for e in eqs if intuitive_criterion(g, e).survives]
    assert len(ic) == 3 and all(riley(e) for e in ic)
