"""The indifference systems of mixed signalling equilibria: the candidate vertex pairs
contain the hand-derived semi-separating equilibrium, every candidate that survives the
independent check is an equilibrium, and the pattern bound holds."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from gametheory.errors import SolverError
from gametheory.models import beer_quiche, spence_education
from gametheory.solve import signaling_mixed
from gametheory.solve.signaling import verify_equilibrium
from gametheory.solve.signaling_mixed import mixed_candidates, pattern_count, supportable


def test_candidates_hold_the_semi_separating_equilibrium_and_nothing_pure_is_lost():
    g = beer_quiche(F(1, 10))
    cands = mixed_candidates(g)
    hand = ({"strong": {"beer": F(1)}, "weak": {"beer": F(1, 9), "quiche": F(8, 9)}},
            {"beer": {"duel": F(1, 2), "not": F(1, 2)}, "quiche": {"duel": F(1)}})
    assert hand in cands
    good = [c for c in cands if verify_equilibrium(g, *c) is not None]
    assert good == [hand]
    # at 9/10 both pooling profiles appear among the candidates as well
    pure = [c for c in mixed_candidates(beer_quiche())
            if all(len(v) == 1 for v in (*c[0].values(), *c[1].values()))]
    assert {tuple(next(iter(v)) for v in s.values()) for s, _ in pure
            if verify_equilibrium(beer_quiche(), s, _)} >= {("beer", "beer"),
                                                           ("quiche", "quiche")}


def test_supportable_reply_sets():
    g = beer_quiche()
    assert supportable(g, "beer", ("duel", "not"))  # at mu(weak) = 1/2
    assert not supportable(g, "beer", ("duel",), ["strong"])
    assert supportable(g, "beer", ("not",), ["strong"])


def test_pattern_bound(monkeypatch):
    g = spence_education()
    assert pattern_count(g) == 7 ** 2 * 7 ** 3
    monkeypatch.setattr(signaling_mixed, "MAX_PATTERNS", 100)
    with pytest.raises(SolverError, match="pure=True"):
        mixed_candidates(g)
