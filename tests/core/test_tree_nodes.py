"""Tests of gametheory.core.tree_nodes: the node constructors a user builds a tree with,
their validation and their repr, and the compiled records' helpers."""

from __future__ import annotations

import pytest

import gametheory as gt
from gametheory.core.tree_nodes import Chance, Decision, Terminal, chance, decision, terminal


def test_constructors_build_frozen_nodes():
    leaf = terminal([1, "1/2"])
    assert leaf == Terminal((1, "1/2"))
    node = decision("A", [("x", leaf), ("y", terminal(0, 0))], infoset="h")
    assert isinstance(node, Decision) and node.infoset == "h"
    assert [a for a, _ in node.moves] == ["x", "y"]
    c = chance({"H": ("1/3", leaf), "T": ("2/3", leaf)}, name="coin")
    assert isinstance(c, Chance) and c.name == "coin"
    assert repr(c) == "chance({'H': ('1/3', terminal(1, '1/2')), 'T': ('2/3', terminal(1, '1/2'))})"


@pytest.mark.parametrize("build, match", [
    (lambda: terminal(), "needs one payoff"),
    (lambda: decision(True, {"a": terminal(0)}), "name or an index"),
    (lambda: decision("A", {"": terminal(0)}), "non-empty string"),
    (lambda: decision("A", [("a", terminal(0)), ("a", terminal(1))]), "used twice"),
    (lambda: decision("A", [("a",)]), "pair"),
    (lambda: decision("A", "ab"), "mapping"),
    (lambda: chance({"H": ("1/2",)}), "pair"),
    (lambda: decision("A", {"a": terminal(0)}, infoset=""), "information set name"),
])
def test_constructor_errors(build, match):
    with pytest.raises(gt.GameError, match=match):
        build()


def test_tree_node_child_follows_an_action():
    T = gt.GameTree
    tree = T(decision("A", {"L": terminal(1, 0), "R": terminal(0, 1)}), players=("A", "B"))
    root = tree.nodes[0]
    assert root.child("R") == 2 and tree.nodes[root.child("L")].kind == "terminal"
