"""Textbook signalling models: payoffs as published, and parameters that move the
separating condition of the job market."""

from fractions import Fraction as F

import pytest

import gametheory as gt
from gametheory.errors import PayoffError


def test_beer_quiche_payoffs_follow_cho_and_kreps():
    g = gt.models.beer_quiche()
    # the preferred breakfast is worth 1, avoiding a duel 2
    assert g.payoff("strong", "beer", "not")[0] == 3 and g.payoff("weak", "beer", "duel")[0] == 0
    assert g.payoff("weak", "quiche", "not")[0] == 3
    # the receiver wants to duel exactly the weak type
    assert g.payoff("weak", "beer", "duel")[1] == 1 and g.payoff("strong", "beer", "duel")[1] == 0
    assert g.prior == {"strong": F(9, 10), "weak": F(1, 10)}
    with pytest.raises(PayoffError):
        gt.models.beer_quiche("nine tenths")


@pytest.mark.parametrize("cost_low, separates", [(3, True), (F(3, 2), False)])
def test_job_market_separates_only_when_education_is_too_costly_for_low(cost_low, separates):
    g = gt.models.job_market(cost_low=cost_low)
    kinds = {e.kind for e in g.perfect_bayesian_equilibria()}
    assert ("separating" in kinds) == separates


def test_spence_education_payoffs_on_the_grid():
    g = gt.models.spence_education()
    # the worker pays its cost per level; the employer loses the squared wage error
    assert g.payoff("Low", "e=1", "w=3/2") == (F(3, 4), F(-1, 4))
    assert g.payoff("High", "e=0", "w=1") == (F(1), F(-1))
    assert g.prior == {"High": F(1, 3), "Low": F(2, 3)}
    g2 = gt.models.spence_education(levels=(0, 1), wages=(1, 2))
    assert g2.messages == ("e=0", "e=1") and g2.actions == ("w=1", "w=2")
    with pytest.raises(PayoffError):
        gt.models.spence_education(cost_low="lots")
