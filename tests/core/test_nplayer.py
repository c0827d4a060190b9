"""Payoff arrays, labels and contractions of n-player games (gametheory.core.nplayer)."""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import numpy as np
import pytest

from gametheory.core.nplayer import (
    contract,
    default_players,
    deviation_payoffs,
    nplayer_labels,
    payoff_array,
)
from gametheory.errors import LabelError, PayoffError


def test_payoff_array_exact_and_float():
    exact = payoff_array([[[1, "1/2"]], [[0, 3]]], "U", 3)
    assert exact.dtype == object and exact[0, 0, 1] == F(1, 2) and exact.shape == (2, 1, 2)
    floats = payoff_array(np.arange(8.0).reshape(2, 2, 2) / 3, "U", 3)
    assert floats.dtype == float and floats[1, 1, 1] == pytest.approx(7 / 3)


@pytest.mark.parametrize("data, fragment", [
    ([[1, 2]], "needs 3 dimensions"),
    ([[[1, 2]], [[1]]], "ragged"),
    ([[[1, [2]]]], "too many dimensions"),
    ([[[1, float("nan")]]], "cell (0, 0, 1)"),
    ([[[1, True]]], "cell (0, 0, 1)"),
    ([[[]]], "empty"),
    (np.zeros((2, 2)), "must be 3-D"),
    (np.zeros((1, 1, 1), dtype=complex), "complex"),
    ("abc", "not a sequence"),
])
def test_payoff_array_refuses_bad_input(data, fragment):
    with pytest.raises(PayoffError, match="payoff array U") as err:
        payoff_array(data, "U", 3)
    assert fragment in str(err.value)


def test_labels():
    players, strategies, title = nplayer_labels(None, None, "t", (2, 1, 3))
    assert players == default_players(3) == ("Player 1", "Player 2", "Player 3")
    assert strategies == (("s1", "s2"), ("s1",), ("s1", "s2", "s3")) and title == "t"
    for bad, fragment in [(("a", "b"), "sequence of 3 names"), (("a", "b", "a"), "same name"),
                          (("a", "", "c"), "player 1 name")]:
        with pytest.raises(LabelError, match=fragment):
            nplayer_labels(bad, None, "", (1, 1, 1))
    with pytest.raises(LabelError, match="3 label lists"):
        nplayer_labels(None, (("a",), ("b",)), "", (1, 1, 1))
    with pytest.raises(LabelError, match="strategies of Player 3 has 1 labels"):
        nplayer_labels(None, (("a",), ("b",), ("c",)), "", (1, 1, 2))
    with pytest.raises(LabelError, match="title"):
        nplayer_labels(None, None, 3, (1, 1, 1))


def test_contraction_matches_the_sum_over_profiles():
    rng = np.random.default_rng(4)
    u = rng.integers(-5, 6, (2, 3, 2)).astype(object)
    mixes = [(F(1, 3), F(2, 3)), (F(1, 2), F(0), F(1, 2)), (F(1, 5), F(4, 5))]
    brute = sum(u[s] * mixes[0][s[0]] * mixes[1][s[1]] * mixes[2][s[2]]
                for s in itertools.product(range(2), range(3), range(2)))
    assert contract(u, mixes) == brute and isinstance(brute, F)
    for i in range(3):
        pure = [tuple(F(int(k == t)) for k in range(u.shape[i])) for t in range(u.shape[i])]
        by_strategy = deviation_payoffs(u, i, mixes)
        assert by_strategy == tuple(contract(u, [*mixes[:i], e, *mixes[i + 1:]]) for e in pure)
        assert sum(p * v for p, v in zip(mixes[i], by_strategy, strict=True)) == brute
