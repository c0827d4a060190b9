"""Perfect Bayesian equilibria of signalling games, checked against published results
(Cho and Kreps 1987's beer-quiche) and a hand-solved job-market game, each equilibrium
re-verified by an independent check of the three PBE conditions."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from gametheory.models import beer_quiche, job_market
from gametheory.solve.signaling import (
    best_reply_actions,
    intuitive_criterion,
    perfect_bayesian_equilibria,
)


def verify(game, eq, off_belief):
    """The three conditions, computed here from the game's payoffs alone."""
    T, M, A = game.types, game.messages, game.actions
    prior = game.prior
    for t in T:  # 1. sender best replies
        mine = game.payoff(t, eq.sender[t], eq.receiver[eq.sender[t]])[0]
        assert all(mine >= game.payoff(t, m, eq.receiver[m])[0] for m in M)
    for m in M:  # 2. and 3. receiver best replies to Bayes beliefs (or the given one)
        senders = [t for t in T if eq.sender[t] == m]
        if senders:
            total = sum(prior[t] for t in senders)
            belief = {t: (prior[t] / total if t in senders else F(0)) for t in T}
            assert eq.beliefs[m] == belief
        else:
            belief = off_belief[m]
        value = {a: sum(belief[t] * game.payoff(t, m, a)[1] for t in T) for a in A}
        assert value[eq.receiver[m]] == max(value.values())


def endpoint_belief(eq):
    """A belief from each off-path set: an end of the two-type interval."""
    out = {}
    for m, bs in eq.off_path.items():
        lo, hi = bs.interval
        assert lo <= hi
        q = hi
        out[m] = {bs.types[0]: 1 - q, bs.types[1]: q}
        assert bs.contains(out[m])
    return out


@pytest.mark.parametrize("prior", [F(9, 10), F(3, 5)])
def test_beer_quiche_pooling_equilibria_and_the_intuitive_criterion(prior):
    # Cho and Kreps (1987, QJE 102, sec. II): with the strong type likely, both pooling
    # equilibria exist, each supported by off-path beliefs that the deviator is weak with
    # probability at least 1/2; the intuitive criterion rejects pooling on quiche.
    g = beer_quiche(prior)
    eqs = perfect_bayesian_equilibria(g)
    assert [(e.kind, e.sender, e.receiver) for e in eqs] == [
        ("pooling", {"strong": "beer", "weak": "beer"}, {"beer": "not", "quiche": "duel"}),
        ("pooling", {"strong": "quiche", "weak": "quiche"}, {"beer": "duel", "quiche": "not"}),
    ]
    assert eqs[0].off_path["quiche"].interval == (F(1, 2), F(1))
    assert eqs[1].off_path["beer"].interval == (F(1, 2), F(1))
    assert [intuitive_criterion(g, e).survives for e in eqs] == [True, False]
    for e in eqs:
        verify(g, e, endpoint_belief(e))
        # just outside the belief set the receiver would not duel: the bound is tight
        (m, bs), = e.off_path.items()
        below = {bs.types[0]: F(1, 2) + F(1, 100), bs.types[1]: F(1, 2) - F(1, 100)}
        assert not bs.contains(below)


def test_beer_quiche_with_a_weak_majority_has_no_pure_equilibrium():
    # with prior(strong) < 1/2 the receiver duels after a pooling message and separation
    # invites the weak type to mimic: only mixed (semi-separating) equilibria remain
    assert perfect_bayesian_equilibria(beer_quiche(F(1, 3))) == []


def test_job_market_equilibria_solved_by_hand():
    g = job_market()
    eqs = perfect_bayesian_equilibria(g)
    found = {(e.kind, tuple(e.sender.values()), tuple(e.receiver.values())) for e in eqs}
    # separating: High educates (4 - 1 = 3 > 2), Low skips (2 > 4 - 3 = 1)
    assert ("separating", ("Educate", "Skip"), ("Manager", "Clerk")) in found
    # pooling on Skip: at the prior 1/2 the employer is indifferent, so both wages are
    # best replies; off path Educate is met by Clerk, supported by mu(Low) >= 1/2
    assert ("pooling", ("Skip", "Skip"), ("Clerk", "Manager")) in found
    assert ("pooling", ("Skip", "Skip"), ("Clerk", "Clerk")) in found
    # pooling on Educate fails: Low would rather skip (2 > 4 - 3 or 2 - 3)
    assert not any(e.sender == {"High": "Educate", "Low": "Educate"} for e in eqs)
    for e in eqs:
        verify(g, e, endpoint_belief(e) if e.off_path else {})
    # intuitive criterion: Educate is equilibrium dominated for Low in both pools; against
    # beliefs on High the employer hires a Manager, which High prefers (3) to the Clerk
    # pool (2) but not to the Manager pool (4)
    verdict = {e.receiver["Skip"]: intuitive_criterion(g, e).survives
               for e in eqs if e.kind == "pooling"}
    assert verdict == {"Clerk": False, "Manager": True}


def test_best_reply_actions_to_restricted_beliefs():
    g = beer_quiche()
    assert best_reply_actions(g, "beer", ["strong", "weak"]) == ["duel", "not"]
    assert best_reply_actions(g, "beer", ["weak"]) == ["duel"]
    assert best_reply_actions(g, "beer", ["strong"]) == ["not"]
