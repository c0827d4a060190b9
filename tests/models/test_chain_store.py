"""Selten's chain-store stage game (1978): the unique SPE and the non-credible threat."""

from __future__ import annotations

import random
from fractions import Fraction

from model_checks import truth

import gametheory as gt

F = Fraction


def test_chain_store_spe_and_non_credible_threat():
    tree = gt.models.chain_store()
    spe = tree.spe_conditions()
    by_labels = {e.labels: e.condition for e in spe}
    cond = by_labels[("In", "Accommodate if entered")]
    rng = random.Random(5)
    nf = tree.to_normal_form()
    for _ in range(8):
        pt = {n: F(rng.randint(-8, 8), 2) for n in nf.parameter_names}
        aE, oE, fE = pt["entrant_accommodated"], pt["entrant_outside"], pt["entrant_fought"]
        aI, fI = pt["incumbent_accommodates"], pt["incumbent_fights"]
        assert truth(cond, pt) == (aE >= oE and aI >= fI)
        nash = truth(nf.conditions(("Out", "Fight if entered")), pt)
        assert nash == (oE >= fE)
        labels = {e.pure_labels() for e in nf.at(**pt).pure_equilibria()}
        assert (("Out", "Fight if entered") in labels) == (oE >= fE)
    verdict = {c.equilibrium.pure_labels(): c.subgame_perfect
               for c in tree.classify_equilibria() if c.equilibrium.is_pure}
    assert verdict == {("Out", "Fight if entered"): False,
                       ("In", "Accommodate if entered"): True}
