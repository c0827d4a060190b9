"""Tests of gametheory.io.efg: Gambit extensive-form files written from game trees,
checked as text and, when pygambit is installed, read back by Gambit itself."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from reference_trees import DENIAL, chain_store, chance_tree, outside_option_tree, probe_tree

import gametheory as gt
from gametheory.core.tree import decision, terminal
from gametheory.io.efg import to_efg

T = gt.GameTree


def test_module_function_and_facade_agree_and_floats_are_exact():
    tree = T(decision("A", {"L": terminal(0.1, "1/2"), "R": terminal(0, 0)}),
             players=("A", "B"), title='say "hi"')
    text = to_efg(tree)
    assert text == tree.to_efg()
    assert text.splitlines()[0] == 'EFG 2 R "say \\"hi\\"" { "A" "B" }'
    # a float is written as its exact decimal value, which Gambit reads exactly
    assert F("0.1000000000000000055511151231257827021181583404541015625") == F(0.1)
    assert 't "" 1 "L" { 0.1000000000000000055511151231257827021181583404541015625, 1/2 }' \
        in text


def test_to_efg_text():
    text = chance_tree().to_efg()
    lines = text.splitlines()
    assert lines[0] == 'EFG 2 R "" { "P1" "P2" }'
    assert 'c "" 1 "" { "Good" 1/3 "Bad" 2/3 } 0' in lines
    assert 'p "" 2 1 "at the root" { "Share" "Grab" } 0' not in lines
    assert sum(line.startswith("t ") for line in lines) == 4
    with pytest.raises(gt.GameError, match="at"):
        probe_tree().to_efg()


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
