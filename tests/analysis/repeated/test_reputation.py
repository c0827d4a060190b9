"""Kreps-Wilson chain store: thresholds b^n, the weak incumbent's mixing, expected entries.

Closed forms from Kreps and Wilson (1982, JET 27, section 3) as presented in Fudenberg and
Tirole (1991, section 9.1.3): thresholds b^n; the weak incumbent fights with probability
beta_n = (1 - b^(n-1)) p / ((1 - p) b^(n-1)) when p < b^(n-1), which makes the posterior
after a fight equal to b^(n-1); the entrant is indifferent at p = b^n (probability of being
fought exactly b) and mixes so the weak incumbent is indifferent too.
"""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.analysis.repeated.reputation import ChainStore, chain_store_from_payoffs
from gametheory.models.repeated_probe import reputation_probe_response


@pytest.fixture
def cs():
    return ChainStore(stages=10, prior=F(1, 10), entrant_gain=F(1, 2), incumbent_gain=2)


def test_thresholds_are_powers_of_b(cs):
    assert [cs.threshold(n) for n in range(1, 6)] == [F(1, 2 ** n) for n in range(1, 6)]
    # the reputation path: no entry while p > b^n; p = 1/10 lies in (1/16, 1/8]
    path = cs.belief_path()
    assert [r["entry_probability"] for r in path[:7]] == [0] * 7
    assert cs.first_entry_market() == 3


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 8), st.fractions(F(1, 20), F(19, 20)), st.fractions(F(1, 50), F(49, 50)))
def test_weak_mixing_probability_bayes_consistent(n, b, p):
    cs = ChainStore(stages=n, prior=p, entrant_gain=b, incumbent_gain=3)
    beta = cs.fight_probability(n, p)
    t = b ** (n - 1)
    if p >= t:
        assert beta == 1
    else:
        assert beta == (1 - t) * p / ((1 - p) * t)          # Kreps-Wilson's formula
        assert p / (p + (1 - p) * beta) == t                 # Bayes: posterior = b^(n-1)
        assert cs.posterior_after_fight(n, p) == t
        # probability the entrant is fought is p / b^(n-1)
        assert p + (1 - p) * beta == p / t


@pytest.mark.parametrize("b,a", [(F(1, 2), 2), (F(3, 4), 5), (F(1, 3), F(3, 2))])
def test_indifferences(b, a):
    cs = ChainStore(stages=8, prior=F(1, 100), entrant_gain=b, incumbent_gain=a)
    for n in range(2, 8):
        t = cs.threshold(n)
        # entrant at p = b^n: fought with probability exactly b, so b - P(fight) = 0
        assert t + (1 - t) * cs.fight_probability(n, t) == b
        assert cs.entry_probability(n, t) == 1 - F(1) / a
        # weak incumbent at a mixing node: fight (-1 + W(n-1, b^(n-1))) = acquiesce (0 + 0)
        assert -1 + cs.weak_value(n - 1, cs.threshold(n - 1)) == 0
        assert cs.weak_value(n - 1, 0) == 0
        # and where it fights for sure, fighting is at least as good
        p = cs.threshold(n - 1)
        assert -1 + cs.weak_value(n - 1, cs.posterior_after_fight(n, p)) >= 0


def test_expected_entries_hand_computation(cs):
    # markets 10..4: no entry; market 3: entry; weak fights w.p. 1/3 (posterior 1/4), then
    # market 2 entry w.p. 1/2 ... computed by hand: tough 9/4, weak 101/36, overall 11/4
    assert cs.expected_entries(tough=True) == F(9, 4)
    assert cs.expected_entries(tough=False) == F(101, 36)
    assert cs.expected_entries() == F(11, 4)


def test_reputation_bounds_entries_however_long_the_chain():
    short = ChainStore(stages=10, prior=F(1, 10), entrant_gain=F(1, 2), incumbent_gain=2)
    long = ChainStore(stages=60, prior=F(1, 10), entrant_gain=F(1, 2), incumbent_gain=2)
    assert short.expected_entries() == long.expected_entries()
    # Selten's paradox without a tough type: every entrant enters
    assert ChainStore(stages=12, prior=0, entrant_gain=F(1, 2),
                      incumbent_gain=2).expected_entries() == 12
    # more initial reputation, fewer probes
    vals = [ChainStore(20, p, F(1, 2), 2).expected_entries() for p in (F(1, 50), F(1, 10),
                                                                     F(1, 3))]
    assert vals[0] > vals[1] > vals[2]


def test_simulation_reproducible_and_matches_exact(cs):
    s1 = cs.simulate(4000, seed=3)
    s2 = cs.simulate(4000, seed=3)
    assert np.array_equal(s1.entries, s2.entries)
    m, lo, hi = s1.mean_entries()
    exact = float(cs.expected_entries())
    assert lo - 0.05 <= exact <= hi + 0.05
    mw, low, hiw = s1.mean_entries_given(False)
    assert abs(mw - float(cs.expected_entries(tough=False))) < 0.15
    # the weak incumbent's simulated payoff matches its exact equilibrium value
    assert abs(s1.weak_payoff[~s1.tough].mean() - float(cs.weak_value())) < 0.3


def test_from_payoffs_and_probe_response():
    # b = (2 - 0)/(2 + 1) = 2/3; a = (0 + 1)/(-1 + 3/2) = 2
    c = chain_store_from_payoffs(5, "1/10", entrant=(0, 2, -1),
                                 weak_incumbent=(0, -1, "-3/2"))
    assert c.entrant_gain == F(2, 3) and c.incumbent_gain == F(2)
    cs = reputation_probe_response(stages=10, prior="1/10", information_gain=0,
                                   cost_imposition=0)
    # docs/model.md at r_U = 1/2 without reaction gains: A_U = 3, A_I = -1, D_U = -5/2,
    # D_I = -3
    assert cs.entrant_gain == F(3, 4) and cs.incumbent_gain == F(5)
    assert cs.first_entry_market() == 8   # (3/4)^8 > 1/10 > (3/4)^9
    # with the default information gain and cost imposition A_I = -1/4: b = 3/(3 + 1/4)
    assert reputation_probe_response(stages=10, prior="1/10").entrant_gain == F(12, 13)


def test_errors():
    with pytest.raises(gt.ParameterError, match="entrant_gain"):
        ChainStore(5, "1/10", 1, 2)
    with pytest.raises(gt.ParameterError, match="incumbent_gain"):
        ChainStore(5, "1/10", "1/2", 1)
    with pytest.raises(gt.ParameterError, match="prior"):
        ChainStore(5, 1, "1/2", 2)
    with pytest.raises(gt.ParameterError, match="fighting costly"):
        chain_store_from_payoffs(5, "1/10", (0, 1, -1), (0, -3, -1))


def test_chain_store_repr_and_html_show_exact_numbers_plainly():
    cs = ChainStore(stages=3, prior="1/5", entrant_gain="1/2", incumbent_gain=2)
    assert repr(cs) == "ChainStore(stages=3, prior=1/5, entrant_gain=1/2, incumbent_gain=2)"
    out = cs._repr_html_()
    assert "Fraction" not in out and out.split("<tbody>")[1].count("<tr>") == cs.stages
    for row in cs.belief_path():
        assert f"<td>{row['market']}</td>" in out
    assert "entry probability" in out
