"""Tests of gametheory.solve.tree: reduced normal forms, backward induction, subgame-perfect
conditions of symbolic trees, ties and float tolerances.

Expected values come from cited closed forms (Selten 1978; docs/model.md's reduced-form
payoffs) or from hand computation written out in comments.
"""

from __future__ import annotations

import random
from fractions import Fraction as F

import pytest
import sympy as sp
from reference_trees import DENIAL, PARAMS, TOLERATED, chain_store, chance_tree, probe_tree

import gametheory as gt
from gametheory.core.tree import chance, decision, terminal
from gametheory.solve.tree import (
    PayoffOrder,
    backward_induction,
    spe_conditions,
    to_normal_form,
)

T = gt.GameTree


def test_module_functions_are_what_the_facades_call():
    tree = chain_store()
    assert [e.labels for e in backward_induction(tree)] == \
        [e.labels for e in tree.backward_induction()]
    assert to_normal_form(tree) == tree.to_normal_form()
    with pytest.raises(gt.GameError, match="no parameters"):
        backward_induction(tree, c=1)
    c = sp.Symbol("c")
    sym = T(decision("A", {"x": terminal(c, 0), "y": terminal(1, 0)}), players=("A", "B"))
    assert [str(e.condition) for e in spe_conditions(sym)] == ["c >= 1", "c <= 1"]


def test_payoff_order_is_exact_for_fractions_and_scaled_for_floats():
    order = PayoffOrder(T(decision("A", {"x": terminal(1000.0, 0)}), players=("A", "B")))
    assert order.tol == pytest.approx(1e-6)
    assert order.ge(1.0, 1.0 + 1e-7) and not order.ge(1.0, 1.0 + 1e-5)
    assert not order.ge(F(1, 3), F(1, 3) + F(1, 10**12))
    assert order.best([F(1), F(3), F(2)]) == 3


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
    # docs/model.md: intercepting beats under-reacting iff c_I + e_I W_D + r_I < pi h + r_U
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


def test_positive_common_factor_divided_out_of_conditions():
    # the retaliation comparison is theta * (...) >= 0; with theta bounded below by 1/10
    # the factor goes, and the condition reads like docs/model.md's cohesion-free comparison
    params = [gt.Parameter(n, bounds=("1/10", 1) if n == "cohesion" else None) for n in PARAMS]
    tree = T(probe_tree().root, players=("Aggressor", "Defender"), parameters=params)
    cond = {e.labels: e.condition for e in tree.spe_conditions()}[
        ("Refrain", "Retaliate if probed")]
    theta = sp.Symbol("cohesion", real=True)
    relations = cond.args
    assert any(theta not in r.free_symbols and "retaliation_cost" in str(r) for r in relations)


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


def _absent_minded():
    """Piccione and Rubinstein's (1997) driver: one information set visited twice."""
    return gt.GameTree(decision("Driver", {
        "Exit": terminal(0, 0),
        "Continue": decision("Driver", {"Exit": terminal(4, 0), "Continue": terminal(1, 0)},
                             infoset="crossing")}, infoset="crossing"),
        players=("Driver", "Passenger"), perfect_recall="allow")


def test_without_perfect_recall_normal_form_works_and_spe_solvers_refuse_by_name():
    tree = _absent_minded()
    g = to_normal_form(tree)
    assert g.strategies[0] == ("Exit if crossing", "Continue if crossing")
    assert [e.payoffs for e in g.pure_equilibria()] == [(1, 0)]
    for solve, name in ((backward_induction, "backward_induction"),
                        (spe_conditions, "spe_conditions")):
        with pytest.raises(gt.GameError, match=rf"{name}\(\) needs perfect recall, but "
                           "information set 'crossing' of Driver violates perfect recall.*"
                           "absent-minded"):
            solve(tree)


def test_perfect_bayesian_and_sequential_refuse_a_tree_without_perfect_recall():
    from gametheory.solve.tree_pbe import (
        Assessment,
        is_sequential,
        pbe_conditions,
        perfect_bayesian_equilibria,
    )

    tree = _absent_minded()
    calls = (lambda: perfect_bayesian_equilibria(tree), lambda: pbe_conditions(tree),
             lambda: is_sequential(tree, Assessment({"crossing": "Continue"}, {})))
    for call in calls:
        with pytest.raises(gt.GameError, match="perfect Bayesian and sequential equilibrium "
                           "needs perfect recall, but information set 'crossing'"):
            call()
