"""Tests of gametheory.core.tree: construction, validation, backward induction, reduced normal
forms, credibility classification, symbolic trees and Gambit export.

Expected values come from cited closed forms (Selten 1978; MODEL.md's reduced-form
payoffs), from hand computation written out in comments, or from independent checks
(every pure Nash equilibrium of the normal form labelled subgame perfect must be the
backward-induction outcome in generic trees).
"""

from __future__ import annotations

import random
from fractions import Fraction as F

import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.core.tree import chance, decision, terminal
from gametheory.solve.tree_credibility import classify

T = gt.GameTree


def chain_store() -> gt.GameTree:
    """Selten (1978), one market: Out gives (1, 5); after entry the incumbent fights (0, 0)
    or cooperates (2, 2)."""
    return T(decision("Entrant", {
        "Out": terminal(1, 5),
        "In": decision("Incumbent", {"Fight": terminal(0, 0), "Accommodate": terminal(2, 2)},
                       infoset="entered")}),
        players=("Entrant", "Incumbent"), title="Chain store")


# --------------------------------------------------------------------------- chain store
def test_chain_store_spe_is_in_accommodate():
    spes = chain_store().backward_induction()
    assert len(spes) == 1
    e = spes[0]
    assert e.labels == ("In", "Accommodate if entered")
    assert e.path == ("In", "Accommodate")
    assert e.payoffs == (2, 2)
    assert e.ties == ()
    assert e.plan("Incumbent") == {"entered": "Accommodate"}


def test_chain_store_normal_form():
    g = chain_store().to_normal_form()
    assert g.strategies == (("Out", "In"), ("Fight if entered", "Accommodate if entered"))
    assert g == gt.NormalFormGame([[1, 1], [0, 2]], [[5, 5], [0, 2]],
                                  players=("Entrant", "Incumbent"),
                                  strategies=g.strategies, title="Chain store")


def test_chain_store_out_fight_rests_on_non_credible_threat():
    classified = chain_store().classify_equilibria()
    by_profile = {c.equilibrium.pure_labels(): c for c in classified if c.equilibrium.is_pure}
    assert set(by_profile) == {("Out", "Fight if entered"), ("In", "Accommodate if entered")}
    threat = by_profile[("Out", "Fight if entered")]
    assert not threat.subgame_perfect and threat.non_credible
    (t,) = threat.threats
    assert t.node == "entered" and t.player == "Incumbent"
    assert t.better == ("Accommodate",) and t.gain == 2
    assert by_profile[("In", "Accommodate if entered")].subgame_perfect
    # the mixed equilibria (Out, q Fight + (1-q) Accommodate), q >= 1/2, also rest on the
    # threat: only the pure (In, Accommodate) is subgame perfect
    assert [c.equilibrium.pure_labels() for c in classified if c.subgame_perfect] == \
        [("In", "Accommodate if entered")]
    mixed = [c for c in classified if not c.equilibrium.is_pure]
    assert mixed and all(not c.subgame_perfect for c in mixed)
    assert all(c.equilibrium.row == (1, 0) and c.equilibrium.col[0] >= F(1, 2) for c in mixed)


# --------------------------------------------------------------------------- probe-response
PARAMS = ["probe_value", "probe_cost", "interception_prob", "retaliation_damage",
          "escalation_prob_intercept", "escalation_prob_retaliate", "war_cost_aggressor",
          "war_cost_defender", "probe_damage", "credibility_loss", "residual_credibility_loss",
          "intercept_cost", "retaliation_cost", "cohesion"]

# MODEL.md's reduced-form payoffs after a probe
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
TOLERATED = {**DENIAL, "intercept_cost": 3}
# By hand: D_I = -6, D_X = -8, so Under-react (-5) is the best reply and A_U = 2 > 0.


def test_probe_response_symbolic_tree_and_normal_form():
    tree = probe_tree()
    assert tree.is_symbolic and tree.is_perfect_information
    p = tree.to_normal_form()
    assert isinstance(p, gt.ParametricGame)
    assert p.strategies == (("Refrain", "Probe"),
                            ("Under-react if probed", "Intercept if probed",
                             "Retaliate if probed"))
    g = tree.at(**DENIAL).to_normal_form()
    assert p.at(**DENIAL) == g
    assert g.A.tolist() == [[0, 0, 0], [2, F(-1, 2), F(-13, 2)]]
    assert g.B.tolist() == [[0, 0, 0], [-5, -4, -6]]


def test_probe_response_orientation_inequalities_from_model():
    p = probe_tree().to_normal_form()
    s = {name: sym for name, sym in p.symbols.items()}
    # MODEL.md: intercepting beats under-reacting iff c_I + e_I W_D + r_I < pi h + r_U
    closed = (s["interception_prob"] * s["probe_damage"] + s["credibility_loss"]) - (
        s["intercept_cost"] + s["escalation_prob_intercept"] * s["war_cost_defender"]
        + s["residual_credibility_loss"])
    assert sp.simplify(p.B[1, 1] - p.B[1, 0] - closed) == 0
    # ... and cohesion cancels out of the comparison between retaliating and under-reacting
    ratio = sp.simplify((p.B[1, 2] - p.B[1, 0]) / s["cohesion"])
    assert s["cohesion"] not in ratio.free_symbols


def test_probe_response_deterrence_by_denial():
    tree = probe_tree()
    (spe,) = tree.backward_induction(**DENIAL)
    assert spe.labels == ("Refrain", "Intercept if probed")
    assert spe.path == ("Refrain",) and spe.payoffs == (0, 0)
    classified = tree.classify_equilibria(**DENIAL)
    pure = {c.equilibrium.pure_labels(): c.subgame_perfect
            for c in classified if c.equilibrium.is_pure}
    # (Refrain, Retaliate if probed) is a Nash equilibrium resting on a non-credible threat
    assert pure == {("Refrain", "Intercept if probed"): True,
                    ("Refrain", "Retaliate if probed"): False}
    # mixed equilibria put weight on a non-best reply after a probe: none is credible
    assert sum(c.subgame_perfect for c in classified) == 1


def test_probe_response_tolerated_probing_and_empty_threat():
    tree = probe_tree()
    (spe,) = tree.backward_induction(**TOLERATED)
    assert spe.labels == ("Probe", "Under-react if probed")
    assert spe.payoffs == (2, -5)
    classified = tree.classify_equilibria(**TOLERATED)
    verdict = {c.equilibrium.pure_labels(): c for c in classified if c.equilibrium.is_pure}
    assert verdict[("Probe", "Under-react if probed")].subgame_perfect
    threat = verdict[("Refrain", "Intercept if probed")]
    assert not threat.subgame_perfect
    (t,) = threat.threats
    assert t.node == "probed" and t.better == ("Under-react",) and t.gain == 1  # -5 - (-6)


def test_probe_response_spe_conditions_match_model_regimes():
    tree = probe_tree()
    conds = {e.labels: e.condition for e in tree.spe_conditions()}
    assert ("Probe", "Under-react if probed") in conds
    p = tree.to_normal_form()
    rng = random.Random(7)
    for _ in range(25):
        point = {n: F(rng.randint(0, 20), rng.randint(1, 5)) for n in PARAMS}
        for n in ("interception_prob", "escalation_prob_intercept", "escalation_prob_retaliate",
                  "cohesion"):
            point[n] = F(rng.randint(0, 10), 10)
        subs = {p.symbols[k]: sp.Rational(v.numerator, v.denominator) for k, v in point.items()}
        a_u, a_i, a_x = (sp.sympify(p.A[1, j]).xreplace(subs) for j in range(3))
        d_u, d_i, d_x = (sp.sympify(p.B[1, j]).xreplace(subs) for j in range(3))
        # independent reading of the regimes: the defender's best replies, then the
        # aggressor's comparison of 0 with the payoff of the reply it expects
        replies = {"Under-react": d_u, "Intercept": d_i, "Retaliate": d_x}
        aggressor = {"Under-react": a_u, "Intercept": a_i, "Retaliate": a_x}
        best = max(replies.values())
        expected = set()
        for reply, val in replies.items():
            if val == best:
                if aggressor[reply] >= 0:
                    expected.add(("Probe", f"{reply} if probed"))
                if aggressor[reply] <= 0:
                    expected.add(("Refrain", f"{reply} if probed"))
        holds = {lab for lab, c in conds.items() if bool(c.xreplace(subs))}
        assert holds == expected, point
        bi = {e.labels for e in tree.backward_induction(**point)}
        assert bi == expected, point


# --------------------------------------------------------------------------- ties
def test_ties_enumerated_and_stated():
    # B is indifferent after R (0 either way), so A's choice depends on B's tie-break:
    # x gives A 2 > 1 (A plays R); y gives A 0 < 1 (A plays L). Two SPEs.
    tree = T(decision("A", {"L": terminal(1, 1),
                            "R": decision("B", {"x": terminal(2, 0), "y": terminal(0, 0)})}))
    spes = tree.backward_induction()
    assert [(e.labels, e.payoffs) for e in spes] == [(("R", "x"), (2, 0)), (("L", "y"), (1, 1))]
    for e in spes:
        (tie,) = e.ties
        assert (tie.node, tie.player, tie.actions, tie.value) == ("after R", "B", ("x", "y"), 0)
    assert "indifferent between x and y" in spes[0].describe()


def test_tie_at_root_and_off_path_multiplies_equilibria():
    # A indifferent between L and R (both 1); off the path after R, B ties as well.
    tree = T(decision("A", {"L": terminal(1, 0),
                            "R": decision("B", {"x": terminal(1, 3), "y": terminal(1, 3)})}))
    spes = tree.backward_induction()
    assert len(spes) == 4
    assert {e.labels for e in spes} == {("L", "x"), ("L", "y"), ("R", "x"), ("R", "y")}
    assert all(len(e.ties) == 2 for e in spes)


# --------------------------------------------------------------------------- chance
def chance_tree() -> gt.GameTree:
    return T(decision("P1", {
        "Safe": terminal(1, 1),
        "Risky": chance({"Good": ("1/3", decision("P2", {"Share": terminal(3, 3),
                                                          "Grab": terminal(0, 5)})),
                         "Bad": ("2/3", terminal(-1, 0))})}))


def test_chance_move_expected_payoffs():
    tree = chance_tree()
    g = tree.to_normal_form()
    assert g.strategies == (("Safe", "Risky"), ("Share", "Grab"))
    # Risky, Share: 1/3*3 + 2/3*(-1) = 1/3 for P1; 1/3*3 + 2/3*0 = 1 for P2
    # Risky, Grab: 1/3*0 + 2/3*(-1) = -2/3; 1/3*5 = 5/3
    assert g.A.tolist() == [[1, 1], [F(1, 3), F(-2, 3)]]
    assert g.B.tolist() == [[1, 1], [1, F(5, 3)]]
    (spe,) = tree.backward_induction()
    assert spe.labels == ("Safe", "Grab") and spe.payoffs == (1, 1) and spe.path == ("Safe",)


def test_chance_outcomes_of_spe():
    tree = T(chance({"H": ("1/4", decision("P1", {"a": terminal(1, 0), "b": terminal(0, 1)})),
                     "L": ("3/4", terminal(2, 2))}), players=("P1", "P2"))
    (spe,) = tree.backward_induction()
    assert spe.payoffs == (F(1, 4) + F(3, 2), F(3, 2))
    assert [(p, h) for p, h, _ in spe.outcomes] == [(F(1, 4), ("H", "a")), (F(3, 4), ("L",))]
    assert spe.path == ()


def test_symbolic_chance_probability():
    q = sp.Symbol("q")
    tree = T(chance({"H": (q, terminal(4, 0)), "L": (1 - q, terminal(0, 4))}),
             players=("X", "Y"))
    assert tree.is_symbolic and tree.parameters == ("q",)
    assert tree.at(q="1/4").backward_induction()[0].payoffs == (1, 3)


# --------------------------------------------------------------------------- imperfect info
def test_simultaneous_game_as_tree_equals_normal_form():
    pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Row", "Col"),
                           strategies=(("C", "D"), ("C", "D")), title="PD")
    tree = T(decision("Row", {
        "C": decision("Col", {"C": terminal(3, 3), "D": terminal(0, 5)}, infoset="col"),
        "D": decision("Col", {"D": terminal(1, 1), "C": terminal(5, 0)}, infoset="col")}),
        title="PD")
    assert not tree.is_perfect_information
    assert tree.to_normal_form().relabel(strategies=(("C", "D"), ("C", "D"))) == pd
    assert tree.subgames() == ["at the root"]
    with pytest.raises(gt.GameError, match="perfect information"):
        tree.backward_induction()
    classified = tree.classify_equilibria()
    assert [(c.equilibrium.pure_labels(), c.subgame_perfect) for c in classified] == \
        [(("D", "D if col"), True)]


def test_outside_option_with_simultaneous_subgame():
    # P1: Out (2, 2) or In, then Battle of the Sexes played simultaneously:
    # (B, B) = (3, 1), (S, S) = (1, 3), else (0, 0). Subgame NE: (B, B), (S, S) and a mixed
    # one; the SPEs are (In then B, B) and (Out, S), where S is credible because (S, S) is a
    # Nash equilibrium of the subgame. (Out, 2/3 B + 1/3 S) is a Nash equilibrium of the
    # normal form (In then B gives 3 * 2/3 = 2) but no subgame equilibrium has P2 mix 2/3.
    tree = outside_option_tree()
    assert tree.plans("P1") == ["Out", "In, B", "In, S"]
    assert tree.subgames() == ["at the root", "after In"]
    verdict = {c.equilibrium.describe().split("  ")[0]: c.subgame_perfect
               for c in tree.classify_equilibria()}
    assert verdict == {"P1: In, B; P2: B if BoS": True, "P1: Out; P2: S if BoS": True,
                       "P1: Out; P2: 2/3 B if BoS + 1/3 S if BoS": False}


def test_imperfect_recall_is_refused():
    # P1 forgets its own first move: both nodes of "later" follow different own actions
    with pytest.raises(gt.GameError, match="perfect recall"):
        T(decision("P1", {"a": decision("P1", {"x": terminal(1, 0), "y": terminal(0, 0)},
                                        infoset="later"),
                          "b": decision("P1", {"x": terminal(0, 0), "y": terminal(1, 0)},
                                        infoset="later")}), players=("P1", "P2"))


# --------------------------------------------------------------------------- plans
def test_plan_labels_several_nodes():
    tree = T(decision("Aggressor", {
        "Refrain": terminal(0, 0),
        "Probe": decision("Defender", {
            "Intercept": terminal(-1, -1),
            "Retaliate": decision("Aggressor", {
                "Back down": terminal(-3, -2),
                "Escalate": decision("Defender", {"Retaliate": terminal(-5, -5),
                                                  "Stop": terminal(1, -4)},
                                     infoset="escalated")}, infoset="retaliated")},
            infoset="probed")}))
    assert tree.plans("Defender") == [
        "Intercept if probed",
        "Retaliate if probed, Retaliate if escalated",
        "Retaliate if probed, Stop if escalated"]
    assert tree.plans("Aggressor") == ["Refrain", "Probe, Back down if retaliated",
                                       "Probe, Escalate if retaliated"]
    g = tree.to_normal_form()
    assert g.shape == (3, 3)
    # Probe, Escalate vs Retaliate if probed, Stop if escalated -> (1, -4)
    assert (g.A[2, 2], g.B[2, 2]) == (1, -4)
    (spe,) = tree.backward_induction()
    # by hand: after escalation, Defender retaliates (-5 > -4? no: -4 > -5, so Stop);
    # Aggressor then escalates (1 > -3); Defender intercepts (-1 > -4); Aggressor probes
    # (-1 < 0? no: refrains, 0 > -1)
    assert spe.labels == ("Refrain", "Intercept if probed")
    assert spe.plan("Defender") == {"probed": "Intercept", "escalated": "Stop"}


def test_three_player_backward_induction():
    tree = T(decision("A", {
        "l": decision("B", {"l": terminal(1, 2, 3), "r": decision("C", {
            "l": terminal(0, 3, 1), "r": terminal(4, 1, 0)})}),
        "r": terminal(2, 0, 0)}))
    # C picks l (1 > 0) giving B 3 > 2, so B plays r; A gets 0 from l < 2 from r
    (spe,) = tree.backward_induction()
    assert spe.labels == ("r", "r", "l") and spe.payoffs == (2, 0, 0)
    with pytest.raises(gt.GameError, match="two players"):
        tree.to_normal_form()


# --------------------------------------------------------------------------- hypothesis
@st.composite
def generic_trees(draw):
    """Perfect-information two-player trees with all payoffs of each player distinct."""
    counter = iter(range(10_000))
    values = [draw(st.permutations(range(40))) for _ in range(2)]

    def node(depth: int):
        if depth == 0 or draw(st.integers(0, 3)) == 0:
            k = next(counter)
            return terminal(values[0][k], values[1][k])
        player = draw(st.sampled_from(["P1", "P2"]))
        width = draw(st.integers(2, 3)) if depth == 3 else 2
        return decision(player, {f"{player[1]}{depth}{j}": node(depth - 1)
                                 for j in range(width)})

    return T(node(3), players=("P1", "P2"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(generic_trees())
def test_generic_trees_unique_spe_is_the_only_credible_equilibrium(tree):
    assume(all(len(tree.plans(p)) <= 6 for p in tree.players))
    spes = tree.backward_induction()
    assert len(spes) == 1 and spes[0].ties == ()
    spe = spes[0]
    g = tree.to_normal_form()
    i = g.strategy_index(0, spe.labels[0])
    j = g.strategy_index(1, spe.labels[1])
    assert (g.A[i, j], g.B[i, j]) == spe.payoffs
    assert g.is_equilibrium((i, j))
    classified = tree.classify_equilibria()
    credible = [c for c in classified if c.subgame_perfect]
    assert [c.equilibrium.pure_labels() for c in credible] == [spe.labels]
    # the one-shot check used for perfect information agrees with the general check
    # (behaviour is a Nash equilibrium of every subgame, via best-response values)
    for c in classified:
        general = classify(tree, c.equilibrium, one_shot=False)
        assert general.subgame_perfect == c.subgame_perfect


# --------------------------------------------------------------------------- symbolic
def test_spe_conditions_symbolic_entry_deterrence():
    c = sp.Symbol("c", real=True)
    tree = T(decision("Entrant", {
        "Out": terminal(0, 2),
        "In": decision("Incumbent", {"Fight": terminal(-1, -c), "Accommodate": terminal(1, 1)},
                       infoset="entered")}), parameters=[gt.Parameter("c", default=3)])
    conds = {e.labels: e.condition for e in tree.spe_conditions()}
    assert set(conds) == {("Out", "Fight if entered"), ("In", "Accommodate if entered")}
    # fighting is credible iff -c >= 1
    assert conds[("Out", "Fight if entered")] == sp.Le(c, -1)
    assert conds[("In", "Accommodate if entered")] == sp.Ge(c, -1)
    assert tree.backward_induction()[0].labels == ("In", "Accommodate if entered")  # default
    assert tree.backward_induction(c=-2)[0].labels == ("Out", "Fight if entered")


def test_string_payoffs_use_the_restricted_parser():
    with pytest.raises(gt.GameError):
        T(decision("A", {"x": terminal("__import__('os').system('echo hi')", 0),
                         "y": terminal(0, 0)}), players=("A", "B"), parameters=["v"])
    with pytest.raises(gt.GameError):
        T(decision("A", {"x": terminal("v.real", 0), "y": terminal(0, 0)}),
          players=("A", "B"), parameters=["v"])
    with pytest.raises(gt.GameError, match="w"):
        T(decision("A", {"x": terminal("w + 1", 0), "y": terminal(0, 0)}),
          players=("A", "B"), parameters=["v"])
    tree = T(decision("A", {"x": terminal("2*v - 1", 0), "y": terminal(0, 0)}),
             players=("A", "B"), parameters=[gt.Parameter("v", bounds=(0, 1))])
    assert tree.at(v="3/4").to_normal_form().A[0, 0] == F(1, 2)
    with pytest.raises(gt.ParameterError, match="bounds"):
        tree.at(v=2)
    with pytest.raises(gt.ParameterError, match="no value"):
        tree.at()
    with pytest.raises(gt.ParameterError, match="unknown"):
        tree.at(v=1, u=2)


# --------------------------------------------------------------------------- validation
@pytest.mark.parametrize("build, match", [
    (lambda: T(decision("Ghost", {"a": terminal(1, 1)}), players=("A", "B")),
     "unknown player 'Ghost'"),
    (lambda: T(decision("A", {"a": terminal(1, 1, 1)}), players=("A", "B")),
     "has 3 payoffs"),
    (lambda: T(decision("A", {"a": decision("B", {"x": terminal(0, 0)}, "h"),
                              "b": decision("B", {"y": terminal(0, 0)}, "h")})),
     "inconsistent actions"),
    (lambda: T(decision("A", {"a": decision("B", {"x": terminal(0, 0)}, "h"),
                              "b": decision("A", {"x": terminal(0, 0)}, "h")}),
               players=("A", "B")),
     "mixes players"),
    (lambda: T(chance({"H": ("1/2", terminal(0, 0)), "T": ("1/3", terminal(0, 0))}),
               players=("A", "B")),
     "sum to 5/6"),
    (lambda: T(chance({"H": ("3/2", terminal(0, 0)), "T": ("-1/2", terminal(0, 0))}),
               players=("A", "B")),
     "outside"),
    (lambda: T(decision("A", {"a": terminal("nan", 0)}), players=("A", "B")), "payoff of A"),
    (lambda: decision("A", {}), "empty"),
    (lambda: decision("A", {"a": 3}), "not a node"),
    (lambda: chance({"H": terminal(0, 0)}), "pair"),
    (lambda: T("root"), "root must be a node"),
    (lambda: T(decision("A", {"a": terminal(0, 0)}), players=("A", "A")), "unique"),
    (lambda: T(chance({"H": (sp.Symbol("q"), terminal(0, 0)),
                       "T": (sp.Symbol("q"), terminal(0, 0))}), players=("A", "B")),
     "sum to 2\\*q"),
])
def test_validation_errors(build, match):
    with pytest.raises(gt.GameError, match=match):
        build()


def test_validation_message_names_the_node():
    with pytest.raises(gt.GameError, match="after Probe, Intercept"):
        T(decision("A", {"Probe": decision("B", {"Intercept": terminal(1)})}),
          players=("A", "B"))


# --------------------------------------------------------------------------- export
def test_to_efg_text():
    text = chance_tree().to_efg()
    lines = text.splitlines()
    assert lines[0] == 'EFG 2 R "" { "P1" "P2" }'
    assert 'c "" 1 "" { "Good" 1/3 "Bad" 2/3 } 0' in lines
    assert 'p "" 2 1 "at the root" { "Share" "Grab" } 0' not in lines
    assert sum(line.startswith("t ") for line in lines) == 4
    with pytest.raises(gt.GameError, match="at"):
        probe_tree().to_efg()


def outside_option_tree() -> gt.GameTree:
    bos = {"B": decision("P2", {"B": terminal(3, 1), "S": terminal(0, 0)}, infoset="BoS"),
           "S": decision("P2", {"B": terminal(0, 0), "S": terminal(1, 3)}, infoset="BoS")}
    return T(decision("P1", {"Out": terminal(2, 2), "In": decision("P1", bos)}))


@pytest.mark.parametrize("make", [chain_store, chance_tree, outside_option_tree,
                                  lambda: probe_tree().at(**DENIAL)])
def test_to_efg_read_by_pygambit(make):
    """Gambit reads the file and finds the same reduced strategies and pure equilibria."""
    gbt = pytest.importorskip("pygambit")
    import io

    tree = make()
    game = gbt.read_efg(io.StringIO(tree.to_efg()))
    assert [p.label for p in game.players] == list(tree.players)
    assert [len(p.strategies) for p in game.players] == [len(tree.plans(p))
                                                         for p in tree.players]
    theirs = sorted(tuple(F(str(prof.payoff(p.label))) for p in game.players)
                    for prof in gbt.nash.enumpure_solve(game).equilibria)
    ours = sorted(tuple(e.payoffs) for e in tree.to_normal_form().pure_equilibria())
    assert theirs == ours


def test_repr_and_str():
    tree = chain_store()
    assert "perfect information" in repr(tree)
    text = str(tree)
    assert "Incumbent [entered]" in text and "Fight -> (0, 0)" in text


def test_positive_common_factor_divided_out_of_conditions():
    # the retaliation comparison is theta * (...) >= 0; with theta bounded below by 1/10
    # the factor goes, and the condition reads like MODEL.md's cohesion-free comparison
    params = [gt.Parameter(n, bounds=("1/10", 1) if n == "cohesion" else None) for n in PARAMS]
    tree = T(probe_tree().root, players=("Aggressor", "Defender"), parameters=params)
    cond = {e.labels: e.condition for e in tree.spe_conditions()}[
        ("Refrain", "Retaliate if probed")]
    theta = sp.Symbol("cohesion", real=True)
    relations = cond.args
    assert any(theta not in r.free_symbols and "retaliation_cost" in str(r) for r in relations)


def test_at_validates_probabilities_and_equality_is_by_value():
    q = sp.Symbol("q")
    tree = T(chance({"H": (q, terminal(4, 0)), "L": (1 - q, terminal(0, 4))}),
             players=("X", "Y"))
    with pytest.raises(gt.GameError, match="outside"):
        tree.at(q="3/2")
    same = T(chance({"H": ("1/4", terminal("4", 0)), "L": ("3/4", terminal(0, "4.0"))}),
             players=("X", "Y"))
    assert tree.at(q="1/4") == same
    assert tree.at(q="1/3") != same


def test_signalling_game_without_proper_subgames():
    # Watson's job-market signalling game (Gambit's spence.efg): the only subgame is the
    # whole game, so every Nash equilibrium counts as subgame perfect.
    def worker(kind, pays):
        return decision("Worker", {
            "E": decision("Firm", {"M": terminal(*pays[0]), "C": terminal(*pays[1])}, "saw E"),
            "N": decision("Firm", {"M": terminal(*pays[2]), "C": terminal(*pays[3])}, "saw N")},
            f"type {kind}")
    tree = T(chance({"High": ("1/3", worker("High", [(6, 10), (0, 4), (10, 10), (4, 4)])),
                     "Low": ("2/3", worker("Low", [(3, 0), (-3, 4), (10, 0), (4, 4)]))}))
    assert tree.subgames() == ["at the root"]
    classified = tree.classify_equilibria()
    assert classified and all(c.subgame_perfect for c in classified)
    # the separating equilibrium: High educates, Low does not; the firm hires managers
    # exactly after E. Payoffs: 1/3*6 + 2/3*4 = 14/3 and 1/3*10 + 2/3*4 = 6
    sep = [c for c in classified if c.equilibrium.pure_labels() ==
           ("E if type High, N if type Low", "M if saw E, C if saw N")]
    assert len(sep) == 1 and sep[0].equilibrium.payoffs == (F(14, 3), 6)


def test_float_payoffs_use_tolerances():
    # Fight and Accommodate differ by less than the tolerance: a tie, stated as such
    tree = T(decision("Entrant", {
        "Out": terminal(1.0, 5.0),
        "In": decision("Incumbent", {"Fight": terminal(0.0, 2.0 + 1e-13),
                                     "Accommodate": terminal(2.0, 2.0)}, "entered")}))
    spes = tree.backward_induction()
    assert len(spes) == 2 and all(len(e.ties) == 1 for e in spes)
    assert {e.labels for e in spes} == {("Out", "Fight if entered"),
                                        ("In", "Accommodate if entered")}
    assert not tree.to_normal_form().is_exact
    # the normal-form solver compares the floats' exact values, where Fight is strictly
    # better after entry; the classification (with tolerance) keeps (Out, Fight) credible
    credible = {c.equilibrium.pure_labels() for c in tree.classify_equilibria()
                if c.subgame_perfect and c.equilibrium.is_pure}
    assert credible == {("Out", "Fight if entered")}
