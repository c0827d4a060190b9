"""Bayesian games used by several test files: Osborne's (2004, sec. 9.2) Battle of the
Sexes in which player 1 does not know whether player 2 wants to meet or avoid her."""

from __future__ import annotations

import gametheory as gt

# Osborne (2004), sec. 9.2: BoS payoffs; the "avoid" type of player 2 prefers mismatches.
MEET = ([[2, 0], [0, 1]], [[1, 0], [0, 2]])


AVOID = ([[2, 0], [0, 1]], [[0, 2], [1, 0]])


def bos(prior_meet="1/2", parameters=None, p1_bb=2):
    meet = ([[p1_bb, 0], [0, 1]], MEET[1])
    avoid = ([[p1_bb, 0], [0, 1]], AVOID[1])
    return gt.BayesianGame(("P1", "P2"), (("-",), ("meet", "avoid")), (("B", "S"), ("B", "S")),
                           prior={"P2": {"meet": prior_meet, "avoid": f"1 - ({prior_meet})"}},
                           payoffs={"meet": meet, "avoid": avoid}, parameters=parameters,
                           title="BoS with uncertain preferences")


def one_sided(**overrides):
    """A game where only B has types (h, l), with ``overrides`` of the constructor's arguments."""
    spec = dict(players=("A", "B"), types=(("-",), ("h", "l")), actions=(("U", "D"), ("L",)),
                prior={"B": {"h": "1/2", "l": "1/2"}},
                payoffs={"h": ([[1], [0]], [[0], [0]]), "l": ([[0], [1]], [[0], [0]])})
    spec.update(overrides)
    return gt.BayesianGame(**spec)
