"""Perfect Bayesian equilibria of signalling games, checked against published results
(Cho and Kreps 1987's beer-quiche) and a hand-solved job-market game, each equilibrium
re-verified by an independent check of the three PBE conditions."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from gametheory.models import beer_quiche, job_market
from gametheory.solve.refinements import intuitive_criterion
from gametheory.solve.signaling import (
    best_reply_actions,
    perfect_bayesian_equilibria,
    verify_equilibrium,
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
        assert bs.describe()
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
    eqs = perfect_bayesian_equilibria(g, pure=True)
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
    assert perfect_bayesian_equilibria(beer_quiche(F(1, 3)), pure=True) == []


def test_job_market_equilibria_solved_by_hand():
    g = job_market()
    eqs = perfect_bayesian_equilibria(g, pure=True)
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


def verify_mixed(game, eq):
    """The PBE conditions for a mixed equilibrium, from the game's payoffs alone: each
    type's messages are best, the receiver's actions are best against Bayes' posterior
    (or against a belief of the off-path set), and the beliefs are Bayes'."""
    T, M, A = game.types, game.messages, game.actions
    prior = game.prior
    s = {t: eq.sender_mix(t) for t in T}
    r = {m: eq.receiver_mix(m) for m in M}
    for t in T:
        assert sum(s[t].values()) == 1
        value = {m: sum(p * game.payoff(t, m, a)[0] for a, p in r[m].items()) for m in M}
        assert all(value[m] == max(value.values()) for m in s[t])
        assert eq.sender_payoffs[t] == max(value.values())
    for m in M:
        assert sum(r[m].values()) == 1
        mass = sum(prior[t] * s[t].get(m, 0) for t in T)
        if mass:
            belief = {t: prior[t] * s[t].get(m, 0) / mass for t in T}
            assert eq.beliefs[m] == belief
        else:
            belief = eq.off_path[m].point()
            assert eq.off_path[m].contains(belief)
        value = {a: sum(belief[t] * game.payoff(t, m, a)[1] for t in T) for a in A}
        assert all(value[a] == max(value.values()) for a in r[m])


def test_beer_quiche_at_prior_one_tenth_has_one_semi_separating_equilibrium():
    # Hand derivation (the textbook exercise on Cho and Kreps's game with a likely weak
    # sender): no pooling (the receiver duels at the prior) and no separation (weak would
    # mimic); strong drinks beer, weak drinks beer with probability x that makes the
    # receiver indifferent after beer, 1/10 = (9/10) x, x = 1/9, and the receiver duels
    # after beer with the probability d that makes weak indifferent, 2 (1 - d) = 1.
    g = beer_quiche(F(1, 10))
    eqs = perfect_bayesian_equilibria(g)
    assert len(eqs) == 1
    e = eqs[0]
    assert e.kind == "semi-separating" and not e.is_pure
    assert e.sender == {"strong": "beer", "weak": {"beer": F(1, 9), "quiche": F(8, 9)}}
    assert e.receiver == {"beer": {"duel": F(1, 2), "not": F(1, 2)}, "quiche": "duel"}
    assert e.beliefs == {"beer": {"strong": F(1, 2), "weak": F(1, 2)},
                         "quiche": {"strong": F(0), "weak": F(1)}}
    assert e.sender_payoffs == {"strong": F(2), "weak": F(1)}
    assert e.off_path == {}
    verify_mixed(g, e)


def test_beer_quiche_at_prior_nine_tenths_mixed_extremes_are_the_off_path_mixtures():
    # Cho and Kreps (1987): each pooling component lets the receiver mix off path as long
    # as it duels with probability >= 1/2; the extreme mixed point duels with 1/2, where
    # mu(weak) must be exactly 1/2
    g = beer_quiche(F(9, 10))
    eqs = perfect_bayesian_equilibria(g)
    assert len(eqs) == 4 and [e.is_pure for e in eqs] == [True, True, False, False]
    for e in eqs:
        verify_mixed(g, e)
        assert e.kind == "pooling"
    half = {"duel": F(1, 2), "not": F(1, 2)}
    assert {tuple(e.sender.values()) for e in eqs[2:]} == {("beer", "beer"),
                                                           ("quiche", "quiche")}
    for e in eqs[2:]:
        (m, bs), = e.off_path.items()
        assert e.receiver[m] == half and bs.interval == (F(1, 2), F(1, 2))
        assert bs.describe() == f"mu(weak | {m}) = 1/2"


def test_verify_equilibrium_rejects_non_equilibria():
    g = beer_quiche(F(1, 10))
    # the semi-separating profile with the wrong mixing probability is not a PBE
    s = {"strong": {"beer": F(1)}, "weak": {"beer": F(1, 3), "quiche": F(2, 3)}}
    r = {"beer": {"duel": F(1, 2), "not": F(1, 2)}, "quiche": {"duel": F(1)}}
    assert verify_equilibrium(g, s, r) is None
    s["weak"] = {"beer": F(1, 9), "quiche": F(8, 9)}
    assert verify_equilibrium(g, s, r) is not None
    r["beer"] = {"duel": F(1, 3), "not": F(2, 3)}  # weak no longer indifferent
    assert verify_equilibrium(g, s, r) is None


def test_three_types_partial_pooling_is_semi_separating():
    from gametheory.core.signaling import SignalingGame

    # the receiver guesses the type; a likes message x, b and c like y, whatever the
    # guess: a separates and b, c pool, which is neither separating nor pooling
    types, msgs, acts = ("a", "b", "c"), ("x", "y"), ("a", "b", "c")
    pay = {(t, m, g): (int((t == "a") == (m == "x")), int(g == t))
           for t in types for m in msgs for g in acts}
    game = SignalingGame(types, {"a": "1/2", "b": "1/4", "c": "1/4"}, msgs, acts, pay)
    eqs = perfect_bayesian_equilibria(game)
    assert {e.kind for e in eqs} == {"semi-separating"}
    # after y the receiver is indifferent between b and c: both pure guesses and, as the
    # extreme points, nothing else (mixtures are convex combinations, not vertices)
    assert sorted(str(e.receiver["y"]) for e in eqs) == ["b", "c"]
    for e in eqs:
        assert e.sender == {"a": "x", "b": "y", "c": "y"} and e.receiver["x"] == "a"
        verify(game, e, {})
        verify_mixed(game, e)
