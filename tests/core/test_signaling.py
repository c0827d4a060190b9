"""Signalling games as data: validation with located messages, exact payoffs, and the
extensive form they stand for."""

from fractions import Fraction as F

import pytest

from gametheory.core.signaling import SignalingGame
from gametheory.errors import LabelError, PayoffError, ProfileError
from gametheory.models import beer_quiche


def tiny(**changes):
    kw = dict(types=("h", "l"), prior={"h": "1/3", "l": "2/3"}, messages=("m",),
              actions=("a", "b"),
              payoffs={(t, "m", a): (1, 0) for t in ("h", "l") for a in ("a", "b")})
    kw.update(changes)
    return SignalingGame(**kw)


def test_exact_payoffs_and_prior():
    g = tiny()
    assert g.prior == {"h": F(1, 3), "l": F(2, 3)}
    assert g.payoff("h", "m", "a") == (F(1), F(0))
    with pytest.raises(ProfileError):
        g.payoff("h", "x", "a")


@pytest.mark.parametrize("changes, error, message", [
    (dict(prior={"h": "1/2", "l": "1/3"}), ProfileError, "sum to 1"),
    (dict(prior={"h": 0, "l": 1}), ProfileError, "positive"),
    (dict(prior={"h": 1}), ProfileError, "each type"),
    (dict(types=("h", "h")), LabelError, "unique"),
    (dict(payoffs={("h", "m", "a"): (1, 0)}), PayoffError, "missing"),
    (dict(payoffs={**{(t, "m", a): (1, 0) for t in "hl" for a in "ab"},
                   ("h", "m", "a"): (1,)}), PayoffError, "pair"),
    (dict(payoffs={**{(t, "m", a): (1, 0) for t in "hl" for a in "ab"},
                   ("h", "m", "a"): ("x", 0)}), PayoffError, "sender payoff"),
])
def test_bad_games_are_refused_with_a_located_message(changes, error, message):
    with pytest.raises(error, match=message):
        tiny(**changes)


def test_tree_has_one_receiver_information_set_per_message():
    g = beer_quiche()
    tree = g.to_tree()
    receiver_sets = tree.information_sets("Receiver")
    assert sorted(s.name for s in receiver_sets) == ["after beer", "after quiche"]
    assert all(len(s.nodes) == 2 for s in receiver_sets)  # one node per type
    assert len(tree.information_sets("Sender")) == 2
    # expected payoffs of a pure profile agree with the game's payoffs
    assert not tree.is_perfect_information
