"""Tests of gametheory.core.bayesian: Bayesian games as validated data (types, priors,
typed payoffs, parameters) and their Harsanyi normal form.

Expected values are derived by hand in the comments from Osborne (2004, sec. 9.2: Battle
of the Sexes where player 1 does not know whether player 2 wants to meet or avoid her).
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy as sp
from reference_bayesian import bos, one_sided

import gametheory as gt


def test_data_accessors():
    game = bos("p", parameters=["p"])
    assert game.players == ("P1", "P2") and game.types == (("-",), ("meet", "avoid"))
    assert game.is_symbolic and game.symbols == {"p": sp.Symbol("p", real=True)}
    assert game.strategies(1) == [("B", "B"), ("B", "S"), ("S", "B"), ("S", "S")]
    assert game.strategies(0) == [("B",), ("S",)]
    A, B = game.payoffs("-", "avoid")
    assert A == [[2, 0], [0, 1]] and B == [[0, 2], [1, 0]]
    assert game.substitution({"p": "1/4"}, fill_defaults=False) == {
        sp.Symbol("p", real=True): sp.Rational(1, 4)}
    assert game.at(p="1/4").prior("-", "meet") == F(1, 4)
    with pytest.raises(gt.LabelError, match="no type"):
        game.payoffs("-", "x")


def test_harsanyi_normal_form_of_osborne_bos():
    g = bos().to_normal_form()
    assert g.strategies == (("B", "S"), ("B if meet, B if avoid", "B if meet, S if avoid",
                                         "S if meet, B if avoid", "S if meet, S if avoid"))
    # by hand, prior 1/2 each: P1's B earns 2 when P2 plays B, so 2, 1, 1, 0; S earns 1
    # when P2 plays S: 0, 1/2, 1/2, 1. P2 (meet: 1 at BB, 2 at SS; avoid: 2 at BS, 1 at SB):
    assert g.A.tolist() == [[2, 1, 1, 0], [0, F(1, 2), F(1, 2), 1]]
    assert g.B.tolist() == [[F(1, 2), F(3, 2), 0, 1], [F(1, 2), 0, F(3, 2), 1]]


@pytest.mark.parametrize("overrides, match", [
    (dict(prior={"B": {"h": "1/2", "x": "1/2"}}), "unknown type 'x'"),
    (dict(prior={"B": {"h": "1/2", "l": "1/3"}}), "sum to 5/6"),
    (dict(prior={"B": {"h": "3/2", "l": "-1/2"}}), "outside"),
    (dict(prior={"A": {"-": 1}}), "no marginal for B"),
    (dict(payoffs={"h": ([[1], [0]], [[0], [0]])}), "missing"),
    (dict(payoffs={"h": ([[1, 2], [0, 3]], [[0], [0]]), "l": ([[0], [1]], [[0], [0]])}),
     "2x1 matrix"),
    (dict(payoffs={"z": ([[1], [0]], [[0], [0]]), "l": ([[0], [1]], [[0], [0]])}),
     "no type 'z'"),
    (dict(types=(("-",), ("h", "h"))), "used twice"),
    (dict(players=("A", "A")), "same name"),
    (dict(prior={"B": {"h": "rho", "l": "1 - rho"}}), "rho"),
    (dict(prior={"B": {"h": "__import__('os')", "l": "1/2"}}, parameters=["rho"]),
     "dunder"),
    (dict(prior={"B": {"h": "rho", "l": "1/2"}}, parameters=["rho"]), "not 1"),
])
def test_validation_errors(overrides, match):
    with pytest.raises(gt.GameError, match=match):
        one_sided(**overrides)
