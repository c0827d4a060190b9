"""Tests of gametheory.core.tree: construction, validation, parameters, display and the
public traversal API (nodes, information sets, plans, play-outs) that the solvers use.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy as sp
from reference_trees import chain_store, chance_tree, outside_option_tree

import gametheory as gt
from gametheory.core.tree import chance, decision, terminal

T = gt.GameTree


# --------------------------------------------------------------------------- traversal
def test_nodes_are_numbered_in_preorder_with_subtree_ranges():
    tree = chance_tree()
    kinds = [(n.id, n.kind, n.history) for n in tree.nodes]
    assert kinds == [(0, "decision", ()), (1, "terminal", ("Safe",)),
                     (2, "chance", ("Risky",)), (3, "decision", ("Risky", "Good")),
                     (4, "terminal", ("Risky", "Good", "Share")),
                     (5, "terminal", ("Risky", "Good", "Grab")),
                     (6, "terminal", ("Risky", "Bad"))]
    assert tree.n_nodes == 7
    root, risky = tree.nodes[0], tree.nodes[2]
    assert root.children == (1, 2) and root.end == 7 and root.child("Risky") == 2
    assert risky.probabilities == (F(1, 3), F(2, 3)) and risky.parent == 0
    assert tree.nodes[3].player == 1 and tree.nodes[6].payoffs == (-1, 0)
    with pytest.raises(AttributeError):
        root.kind = "terminal"  # frozen records


def test_information_sets_names_and_own_histories():
    tree = outside_option_tree()
    hs = tree.information_sets()
    assert [(h.player, h.name, h.label, h.nodes) for h in hs] == [
        (0, "at the root", None, (0,)), (0, "after In", None, (2,)), (1, "BoS", "BoS", (3, 6))]
    assert hs[1].own_history == ((0, "In"),)
    assert tree.information_sets("P2") == (hs[2],)
    assert tree.player_index("P2") == 1 and tree.player_index(0) == 0
    with pytest.raises(gt.LabelError, match="unknown player"):
        tree.information_sets("P3")
    assert tree.node_name(3) == "BoS" and tree.node_name(1) == "after Out"


def test_plans_reduce_and_label():
    tree = outside_option_tree()
    assert tree.reduced_plans("P1") == [((0, "Out"),), ((0, "In"), (1, "B")),
                                        ((0, "In"), (1, "S"))]
    assert tree.reduce(0, {0: "Out", 1: "S"}) == ((0, "Out"),)
    assert [tree.plan_label("P1", p) for p in tree.reduced_plans("P1")] == tree.plans("P1")
    assert tree.plans("P2") == ["B if BoS", "S if BoS"]


def test_play_out_of_a_pure_profile():
    tree = chance_tree()
    profile = {0: "Risky", 1: "Grab"}
    assert tree.expected_payoffs(profile) == (F(-2, 3), F(5, 3))
    assert tree.outcomes(profile) == ((F(1, 3), ("Risky", "Good", "Grab"), (0, 5)),
                                      (F(2, 3), ("Risky", "Bad"), (-1, 0)))
    assert tree.path(profile) == ("Risky",)
    assert tree.path({0: "Safe"}) == ("Safe",)


def test_subgame_roots():
    assert outside_option_tree().subgame_roots() == [0, 2]
    assert chain_store().subgames() == ["at the root", "entered"]


def test_numeric_returns_the_tree_or_its_evaluation():
    tree = chain_store()
    assert tree.numeric({}) is tree
    with pytest.raises(gt.ParameterError, match="no parameters"):
        tree.numeric({"c": 1}, "f()")
    q = sp.Symbol("q")
    sym = T(chance({"H": (q, terminal(1, 0)), "L": (1 - q, terminal(0, 1))}), players=("X", "Y"))
    assert sym.symbols == {"q": sp.Symbol("q", real=True)}
    assert sym.numeric({"q": "1/2"}).nodes[0].probabilities == (F(1, 2), F(1, 2))


# --------------------------------------------------------------------------- validation
def _forgetful(**kw):
    # P1 forgets its own first move: both nodes of "later" follow different own actions
    return T(decision("P1", {"a": decision("P1", {"x": terminal(1, 0), "y": terminal(0, 0)},
                                           infoset="later"),
                             "b": decision("P1", {"x": terminal(0, 0), "y": terminal(1, 0)},
                                           infoset="later")}, infoset="first"),
             players=("P1", "P2"), **kw)


def test_imperfect_recall_is_refused_by_default_with_the_way_to_allow_it():
    with pytest.raises(gt.GameError, match="information set 'later' of P1 violates perfect "
                       "recall.*perfect_recall='allow'"):
        _forgetful()
    with pytest.raises(gt.GameError, match="perfect_recall must be one of"):
        _forgetful(perfect_recall="sometimes")
    assert chain_store().has_perfect_recall


def test_imperfect_recall_allowed_plans_are_full_strategies():
    tree = _forgetful(perfect_recall="allow")
    assert not tree.has_perfect_recall
    # both nodes of "later" are reached whatever P1 chose first: no reduction, 2 x 2 plans
    assert tree.reduced_plans("P1") == [((0, a), (1, b)) for a in "ab" for b in "xy"]
    assert tree.plans("P1") == ["a if first, x if later", "a if first, y if later",
                                "b if first, x if later", "b if first, y if later"]
    assert not tree.at().has_perfect_recall  # evaluation keeps the mode
    with pytest.raises(gt.GameError, match=r"backward_induction\(\) needs perfect recall, "
                       "but information set 'later'"):
        tree.backward_induction()


def driver(exit_first=0, exit_second=4, continue_both=1):
    """Piccione and Rubinstein's (1997) absent-minded driver, with a passenger who never
    moves (so that the normal form has two players)."""
    return T(decision("Driver", {
        "Exit": terminal(exit_first, 0),
        "Continue": decision("Driver", {"Exit": terminal(exit_second, 0),
                                        "Continue": terminal(continue_both, 0)},
                             infoset="crossing")}, infoset="crossing"),
        players=("Driver", "Passenger"), perfect_recall="allow")


def test_absent_minded_driver_repeats_its_action_and_mixing_is_not_behaviour():
    tree = driver()
    (h,) = tree.information_sets("Driver")
    assert h.nodes == (0, 2) and h.own_history == ()  # the common prefix of () and (Continue)
    assert tree.plans("Driver") == ["Exit if crossing", "Continue if crossing"]
    g = tree.to_normal_form()
    # a pure strategy repeats its action: Exit gets 0, Continue gets 1 (never the 4)
    assert [row[0] for row in g.A.tolist()] == [0, 1]
    assert tree.expected_payoffs({0: "Continue"}) == (1, 0)
    # any mixed strategy gets at most 1, but continuing with probability p at each visit
    # gets 4p(1-p) + p^2, whose maximum 4/3 at p = 2/3 beats it (Piccione and Rubinstein)
    p = F(2, 3)
    assert 4 * p * (1 - p) + p * p == F(4, 3) > max(row[0] for row in g.A.tolist())
    with pytest.raises(gt.GameError, match="absent-minded: the node after Continue"):
        T(tree.root, players=tree.players)


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


def test_repr_and_str():
    tree = chain_store()
    assert "perfect information" in repr(tree)
    text = str(tree)
    assert "Incumbent [entered]" in text and "Fight -> (0, 0)" in text


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


def test_perfect_bayesian_and_sequential_facades():
    from gametheory.solve.tree_pbe import Assessment

    T = gt.GameTree
    # an entrant whose two ways in the incumbent cannot tell apart (no proper subgame):
    # fighting is subgame perfect but a best reply to no belief
    t = T(T.decision("E", {"Out": T.terminal(0, 2),
                           "In1": T.decision("I", {"F": T.terminal(-1, -1),
                                                   "A": T.terminal(3, 0)}, "in"),
                           "In2": T.decision("I", {"F": T.terminal(-1, -1),
                                                   "A": T.terminal(2, 1)}, "in")}))
    (e,) = t.perfect_bayesian_equilibria()
    assert e.profile == {"at the root": "In1", "in": "A"}
    assert t.is_sequential(e.assessment()).sequential
    assert not t.is_sequential(Assessment({"at the root": "Out", "in": "F"},
                                          {"in": {"In1": 1, "In2": 0}}))
