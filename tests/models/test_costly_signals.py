"""Sinking costs versus tying hands (Fearon 1997): the closed-form separating conditions
agree with the enumerated perfect Bayesian equilibria on a grid of exact points, and the
intuitive criterion (Cho and Kreps 1987) prunes pooling on silence inside the
separating region."""

from __future__ import annotations

from fractions import Fraction

import pytest

import gametheory as gt
from gametheory.errors import ParameterError
from gametheory.solve.refinements import intuitive_criterion
from gametheory.solve.signaling import perfect_bayesian_equilibria

F = Fraction


def separating_pbe(g):
    """The separating PBE in which the resolute type signals, found by enumeration."""
    sig = g.messages[1]
    return [e for e in perfect_bayesian_equilibria(g)
            if e.sender == {"resolute": sig, "irresolute": "Silent"}]


@pytest.mark.parametrize("rho", [F(0), F(1, 4), F(1, 2)])
def test_sunk_cost_separates_exactly_on_its_interval(rho):
    """(1 - rho) V_L <= k <= (1 - rho) w, endpoints included (weak best replies)."""
    VL, w = F(1), F(5)
    low, high = (1 - rho) * VL, (1 - rho) * w
    assert gt.models.separation_interval("sunk", test_prob=rho) == (low, high)
    for k in (low - F(1, 8), low, (low + high) / 2, high, high + F(1, 8), F(0)):
        if k < 0:
            continue
        g = gt.models.costly_signals("sunk", test_prob=rho, sunk_cost=k)
        found = separating_pbe(g)
        assert bool(found) == (low <= k <= high) == gt.models.separates(
            "sunk", test_prob=rho, sunk_cost=k), k
        for e in found:
            assert e.receiver == {"Silent": "Probe", "Eastern Sentry": "Refrain"}
            assert e.beliefs["Eastern Sentry"] == {"resolute": 1, "irresolute": 0}


@pytest.mark.parametrize("rho", [F(0), F(1, 10), F(1, 4), F(1, 2)])
def test_a_red_line_separates_only_if_it_may_be_tested(rho):
    """rho min(w, V_L + a) >= V_L: with rho = 0 the red line is never tested and no
    audience cost separates (cheap talk); rho w < V_L: none does either."""
    for a in (F(0), F(1), F(2), F(3), F(7, 2), F(4), F(6), F(10)):
        g = gt.models.costly_signals("tied", test_prob=rho, audience_cost=a)
        hand = rho * min(F(5), 1 + a) >= 1
        assert bool(separating_pbe(g)) == hand == gt.models.separates(
            "tied", test_prob=rho, audience_cost=a), (rho, a)
    interval = gt.models.separation_interval("tied", test_prob=rho)
    if rho * 5 < 1:
        assert interval is None
    else:
        assert interval == ((1 - rho) / rho, None)


def test_the_signals_differ_in_when_their_cost_is_paid():
    """Sunk cost: paid on the path by the resolute type. Red line: costs nothing on the
    separating path (the Prober refrains; only a rogue test can call the bluff, and the
    resolute type fights it)."""
    sunk = separating_pbe(gt.models.costly_signals("sunk"))[0]
    tied = separating_pbe(gt.models.costly_signals("tied"))[0]
    # resolute: -k - rho w = -2 - 5/4 with a sunk cost; -rho w = -5/4 with a red line
    assert sunk.sender_payoffs["resolute"] == F(-13, 4)
    assert tied.sender_payoffs["resolute"] == F(-5, 4)
    assert sunk.sender_payoffs["irresolute"] == tied.sender_payoffs["irresolute"] == -1


def test_intuitive_criterion_prunes_pooling_on_silence():
    """Inside the separating interval the signal is equilibrium dominated for the
    irresolute type (k > (1 - rho) V_L) and the resolute type gains from it against any
    reply to a resolute belief (k < (1 - rho) w): pooling on silence fails."""
    for sig in ("sunk", "tied"):
        g = gt.models.costly_signals(sig)
        verdict = {e.kind: intuitive_criterion(g, e).survives
                   for e in perfect_bayesian_equilibria(g, pure=True)}
        assert verdict == {"pooling": False, "separating": True}, sig
        (pool,) = [e for e in perfect_bayesian_equilibria(g, pure=True) if e.kind == "pooling"]
        # off the path the Prober probes the signal only if mu(irresolute) >= 3/5
        assert pool.off_path[g.messages[1]].interval == (F(3, 5), F(1))


def test_validation_and_catalog():
    with pytest.raises(ParameterError):
        gt.models.costly_signals("bluff")
    with pytest.raises(ParameterError):
        gt.models.costly_signals(stake_irresolute=6)
    with pytest.raises(ParameterError):
        gt.models.costly_signals(resolve=1)
    with pytest.raises(ParameterError):
        gt.models.costly_signals(test_prob=1)
    assert "costly_signals" in gt.models.catalog().names()
