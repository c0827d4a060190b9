"""Game trees used by several test files: Selten's chain store, docs/model.md's sequential
probe-response tree (symbolic, with two calibrations), a tree with a chance move and an
outside option before a simultaneous Battle of the Sexes."""

from __future__ import annotations

from fractions import Fraction as F

import gametheory as gt
from gametheory.core.tree import chance, decision, terminal

T = gt.GameTree


def chain_store() -> gt.GameTree:
    """Selten (1978), one market: Out gives (1, 5); after entry the incumbent fights (0, 0)
    or cooperates (2, 2)."""
    return T(decision("Entrant", {
        "Out": terminal(1, 5),
        "In": decision("Incumbent", {"Fight": terminal(0, 0), "Accommodate": terminal(2, 2)},
                       infoset="entered")}),
        players=("Entrant", "Incumbent"), title="Chain store")


PARAMS = ["probe_value", "probe_cost", "interception_prob", "retaliation_damage",
          "escalation_prob_intercept", "escalation_prob_retaliate", "war_cost_aggressor",
          "war_cost_defender", "probe_damage", "credibility_loss", "residual_credibility_loss",
          "intercept_cost", "retaliation_cost", "cohesion"]


# docs/model.md's reduced-form payoffs after a probe
A_U = "probe_value - probe_cost"


A_I = ("(1 - interception_prob)*probe_value - probe_cost "
       "- escalation_prob_intercept*war_cost_aggressor")


A_X = ("cohesion*((1 - interception_prob)*probe_value - probe_cost - retaliation_damage "
       "- escalation_prob_retaliate*war_cost_aggressor) "
       "+ (1 - cohesion)*(probe_value - probe_cost)")


D_U = "-probe_damage - credibility_loss"


D_I = ("-(1 - interception_prob)*probe_damage - intercept_cost "
       "- escalation_prob_intercept*war_cost_defender - residual_credibility_loss")


D_X = ("cohesion*(-(1 - interception_prob)*probe_damage - intercept_cost - retaliation_cost "
       "- escalation_prob_retaliate*war_cost_defender) "
       "+ (1 - cohesion)*(-probe_damage - credibility_loss)")


def probe_tree() -> gt.GameTree:
    return T(decision("Aggressor", {
        "Refrain": terminal(0, 0),
        "Probe": decision("Defender", {"Under-react": terminal(A_U, D_U),
                                       "Intercept": terminal(A_I, D_I),
                                       "Retaliate": terminal(A_X, D_X)}, infoset="probed")}),
        players=("Aggressor", "Defender"), parameters=[gt.Parameter(n) for n in PARAMS],
        title="Sequential probe-response")


DENIAL = dict(probe_value=3, probe_cost=1, interception_prob=F(1, 2), retaliation_damage=4,
              escalation_prob_intercept=F(1, 10), escalation_prob_retaliate=F(3, 10),
              war_cost_aggressor=10, war_cost_defender=10, probe_damage=2, credibility_loss=3,
              residual_credibility_loss=1, intercept_cost=1, retaliation_cost=1, cohesion=1)
# By hand: A_U = 2, A_I = 3/2 - 1 - 1 = -1/2, A_X = 3/2 - 1 - 4 - 3 = -13/2;
# D_U = -5, D_I = -1 - 1 - 1 - 1 = -4, D_X = -1 - 1 - 1 - 3 = -6.


# By hand: A_U = 2, A_I = 3/2 - 1 - 1 = -1/2, A_X = 3/2 - 1 - 4 - 3 = -13/2;
# D_U = -5, D_I = -1 - 1 - 1 - 1 = -4, D_X = -1 - 1 - 1 - 3 = -6.
TOLERATED = {**DENIAL, "intercept_cost": 3}
# By hand: D_I = -6, D_X = -8, so Under-react (-5) is the best reply and A_U = 2 > 0.


def chance_tree() -> gt.GameTree:
    return T(decision("P1", {
        "Safe": terminal(1, 1),
        "Risky": chance({"Good": ("1/3", decision("P2", {"Share": terminal(3, 3),
                                                          "Grab": terminal(0, 5)})),
                         "Bad": ("2/3", terminal(-1, 0))})}))


def outside_option_tree() -> gt.GameTree:
    bos = {"B": decision("P2", {"B": terminal(3, 1), "S": terminal(0, 0)}, infoset="BoS"),
           "S": decision("P2", {"B": terminal(0, 0), "S": terminal(1, 3)}, infoset="BoS")}
    return T(decision("P1", {"Out": terminal(2, 2), "In": decision("P1", bos)}))
