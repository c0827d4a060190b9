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


# ------------------------------------------------------------------------------ reading
from gametheory.io.efg import read_efg  # noqa: E402


@pytest.mark.parametrize("make", [chain_store, chance_tree, outside_option_tree,
                                  lambda: probe_tree().at(**DENIAL),
                                  lambda: gt.models.beer_quiche().to_tree()])
def test_round_trip_is_exact(make):
    tree = make()
    again = read_efg(to_efg(tree))
    assert again == tree
    assert to_efg(again) == to_efg(tree)


def test_three_players_and_outcomes_at_interior_nodes_add_up():
    text = '''EFG 2 R "three" { "A" "B" "" }
"an outcome at the root adds to every terminal below it"
p "" 1 1 "" { "x" "y" } 1 "entry fee" { -1, 0, 0 }
p "" 2 1 "" { "l" "r" } 0
t "" 2 "a" { 3, 1, 0 }
t "" 0
p "" 3 1 "" { "u" "" } 0
t "" 2
t "" 3 "c" { 0, 0, 5 }
'''
    tree = read_efg(text)
    assert tree.players == ("A", "B", "Player 3")
    pays = sorted(n.payoffs for n in tree.nodes if n.kind == "terminal")
    # (3,1,0) and (0,0,5) plus the root's (-1,0,0); the null outcome leaves (-1,0,0)
    assert pays == sorted([(F(2), F(1), F(0)), (F(-1), F(0), F(0)), (F(2), F(1), F(0)),
                           (F(-1), F(0), F(5))])
    # the empty action name is filled in with its position
    assert [h.actions for h in tree.information_sets(2)] == [("u", "2")]


def test_information_set_actions_may_be_omitted_after_its_first_node():
    text = '''EFG 2 R "" { "A" "B" } ""
p "" 1 1 "" { "L" "R" } 0
p "" 2 1 "blind" { "a" "b" } 0
t "" 1 "" { 1, 0 }
t "" 2 "" { 0, 1 }
p "" 2 1 0
t "" 2
t "" 1
'''
    tree = read_efg(text)
    (h,) = tree.information_sets("B")
    assert h.name == "blind" and len(h.nodes) == 2


@pytest.mark.parametrize("text, message", [
    ('NFG 1 R "" { "A" "B" }', "starts with 'EFG 2 R'"),
    ('EFG 2 R "" { "A" } ""\nq "" 1 "" { 1 }', "expected a node"),
    ('EFG 2 R "" { "A" } ""\nt "" 3', "outcome 3 is used before"),
    ('EFG 2 R "" { "A" } ""\np "" 2 1 "" { "x" } 0\nt "" 0', "player 2 is not one of"),
    ('EFG 2 R "" { "A" } ""\nt "" 1 "" { 1, 2 }', "2 payoffs for 1 players"),
    ('EFG 2 R "" { "A" } ""\np "" 1 1 "" { "x" "y" } 0\np "" 1 1 "" { "x" } 0\nt "" 0\n'
     't "" 0', "different actions"),
    ('EFG 2 R "" { "A" } ""\nc "" 1 "" { "h" 1/2 "t" 1/3 } 0\nt "" 0\nt "" 0', "sum"),
    ('EFG 2 R "" { "A" } ""\nt "" 0\nt "" 0', "end of the file"),
    ('EFG 2 R "unterminated { "A" }', "closing double quote"),
])
def test_hostile_files_are_refused_with_located_errors(text, message):
    with pytest.raises(gt.GameError, match=message):
        read_efg(text)


def test_node_limit():
    body = 'p "" 1 1 "" { "x" "y" } 0\n' + 't "" 0\n' * 2
    with pytest.raises(gt.ParseError, match="more than 2 nodes"):
        read_efg('EFG 2 R "" { "A" } ""\n' + body, max_nodes=2)


def test_reads_what_pygambit_writes():
    gbt = pytest.importorskip("pygambit")
    g = gbt.Game.new_tree(players=["Ann", "Bob"], title="built in Gambit")
    g.append_move(g.root, "Ann", ["In", "Out"])
    entered = g.root.children["In"]
    g.append_move(entered, "Bob", ["Fight", "Yield"])
    for node, label, pays in ((entered.children["Fight"], "war", [-1, -1]),
                              (entered.children["Yield"], "share", [2, 1]),
                              (g.root.children["Out"], "stay out", [0, 3])):
        g.set_outcome(node, g.add_outcome(label, pays))
    tree = read_efg(g.to_efg())
    theirs = sorted(tuple(F(str(prof.payoff(p.label))) for p in g.players)
                    for prof in gbt.nash.enumpure_solve(g).equilibria)
    ours = sorted(tuple(e.payoffs) for e in tree.to_normal_form().pure_equilibria())
    assert tree.players == ("Ann", "Bob") and theirs == ours
