"""Tests of gametheory.core.tree_compile: validating a user-built tree into numbered,
frozen node and information-set records."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy as sp

import gametheory as gt
from gametheory.core.tree_compile import (
    compile_tree,
    history_name,
    player_index,
    reachable_plan,
    to_exact,
)
from gametheory.core.tree_nodes import chance, decision, terminal


def test_compile_orders_actions_by_the_information_set():
    # the second node of "h" lists its actions in another order; the records follow the
    # information set's first node
    root = decision("A", {"a": decision("B", {"x": terminal(1, 0), "y": terminal(2, 0)}, "h"),
                          "b": decision("B", {"y": terminal(3, 0), "x": terminal(4, 0)}, "h")})
    c = compile_tree(root, None, None)
    assert c.players == ("A", "B") and c.parameters == () and c.symbols == {}
    second = c.nodes[4]
    assert second.actions == ("x", "y")
    assert [c.nodes[k].payoffs[0] for k in second.children] == [4, 3]
    assert c.infosets[1].nodes == (1, 4) and c.infosets[1].name == "h"


def test_compile_collects_parameters_and_parses_strings():
    v = sp.Symbol("v")
    c = compile_tree(chance({"H": ("q", terminal(v, 0)), "T": ("1 - q", terminal(0, 1))}),
                     ("A", "B"), ["q", "v"])
    assert set(c.symbols) == {"q", "v"}
    assert c.nodes[0].probabilities[0] == c.symbols["q"]
    assert compile_tree(terminal(v, 1), ("A", "B"), None).parameters == ("v",)


def test_helpers():
    assert history_name([()]) == "at the root"
    assert history_name([("a", "b"), ("c",)]) == "after a, b or c"
    assert player_index(("A", "B"), "B", "here") == 1
    with pytest.raises(gt.LabelError, match="out of range"):
        player_index(("A", "B"), 2, "here")
    assert to_exact(sp.Rational(1, 3), "x") == F(1, 3)
    with pytest.raises(gt.ParameterError, match="still has parameters"):
        to_exact(sp.Symbol("c") + 1, "x")


def test_too_many_nodes_is_a_solver_error(monkeypatch):
    import gametheory.core.tree_compile as tc

    monkeypatch.setattr(tc, "MAX_NODES", 3)
    with pytest.raises(gt.SolverError, match="more than 3 nodes"):
        compile_tree(decision("A", {"a": terminal(0), "b": terminal(1), "c": terminal(2)}),
                     ("A",), None)


def test_recall_violation_is_recorded_when_allowed():
    late = decision("B", {"u": terminal(0, 1), "v": terminal(1, 0)}, "late")
    root = decision("B", {"l": decision("A", {"x": late, "y": terminal(0, 0)}, "mid"),
                          "r": late}, "early")
    with pytest.raises(gt.GameError, match="'late' of B violates perfect recall: the node "
                       "after l, x and the node after r follow different own moves"):
        compile_tree(root, None, None)
    c = compile_tree(root, None, None, "allow")
    assert c.recall_violation.startswith("information set 'late' of B violates")
    assert "absent-minded" not in c.recall_violation
    late_set = c.infosets[2]
    assert late_set.nodes == (2, 6) and late_set.own_history == ()
    # B's plan keeps "late" after l only if some node of it is reached: l then A's x, or r
    assert reachable_plan(c.nodes, c.infosets, 0, {0: "l", 2: "u"}) == ((0, "l"), (2, "u"))
    assert reachable_plan(c.nodes, c.infosets, 1, {1: "y"}) == ((1, "y"),)
    assert compile_tree(root, None, None, "allow").recall_violation == c.recall_violation
    assert compile_tree(late, ("B", "A"), None).recall_violation is None
