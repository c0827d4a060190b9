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


# ------------------------------------------------- the Gambit repository's own .efg files
import json  # noqa: E402

from support import DATA  # noqa: E402

GAMBIT = DATA / "gambit-efg"
EXPECTED = json.loads((GAMBIT / "expected.json").read_text(encoding="utf-8"))
RECALL = sorted(k for k, e in EXPECTED.items() if e["perfect_recall"])
NO_RECALL = sorted(k for k, e in EXPECTED.items() if not e["perfect_recall"])
WITH_EQUILIBRIA = sorted(k for k, e in EXPECTED.items() if "pure_equilibrium_payoffs" in e)


def test_the_vendored_set_is_what_the_readme_says():
    two = [k for k, e in EXPECTED.items() if e["players"] == 2]
    assert len(two) == 132 and len(EXPECTED) == 137
    assert len(WITH_EQUILIBRIA) == 131 and len(NO_RECALL) == 21
    assert set(NO_RECALL) <= set(WITH_EQUILIBRIA)
    # every two-player game with perfect recall but tic-tac-toe (10^10 pure profiles)
    assert set(RECALL) - set(WITH_EQUILIBRIA) - {k for k, e in EXPECTED.items()
                                                 if e["players"] > 2} == {"contrib/games/ttt.efg"}
    on_disk = sorted(str(p.relative_to(GAMBIT)) for p in GAMBIT.rglob("*.efg"))
    assert on_disk == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_gambit_file_is_read_and_round_trips_exactly(name):
    """Every file, with perfect recall or without, is read with Gambit's players, recall
    flag and reduced strategy counts, and writing it back and reading again gives the same
    tree and the same text."""
    tree = read_efg(GAMBIT / name)
    expected = EXPECTED[name]
    assert len(tree.players) == expected["players"]
    assert tree.has_perfect_recall == expected["perfect_recall"]
    if max(expected["reduced_strategies"]) <= 5000:  # tic-tac-toe has 10^5 plans: not listed
        assert [len(tree.plans(p)) for p in tree.players] == expected["reduced_strategies"]
    text = to_efg(tree)
    again = read_efg(text)
    assert again == tree and to_efg(again) == text


def _payoffs(rows):
    return sorted(tuple(F(x) for x in row) for row in rows)


@pytest.mark.parametrize("name", WITH_EQUILIBRIA)
def test_gambit_file_has_gambits_pure_equilibrium_payoffs(name):
    """The pure equilibria of the reduced normal form have pygambit's payoff vectors (as
    recorded in expected.json by pygambit 16.7.0's enumpure_solve, on the strategic form
    for the games without perfect recall; Monty Hall has 768)."""
    tree = read_efg(GAMBIT / name)
    ours = sorted(tuple(e.payoffs) for e in tree.to_normal_form().pure_equilibria())
    assert ours == _payoffs(EXPECTED[name]["pure_equilibrium_payoffs"])


@pytest.mark.parametrize("name", NO_RECALL)
def test_gambit_file_without_perfect_recall_is_read_and_refused_where_it_must_be(name):
    """Gambit reads games without perfect recall (absent-minded drivers and the like), and
    so does the reader; asked to require perfect recall it refuses them naming the
    information set, and so do the solvers that read behaviour at information sets."""
    tree = read_efg(GAMBIT / name)
    assert not tree.has_perfect_recall
    with pytest.raises(gt.GameError, match="information set .* violates perfect recall: "
                       "the node .* and the node .* follow different own moves") as info:
        read_efg(GAMBIT / name, perfect_recall="require")
    assert not isinstance(info.value, gt.ParseError)
    assert "perfect_recall='allow'" in str(info.value)
    for solve in (tree.backward_induction, tree.perfect_bayesian_equilibria,
                  lambda: tree.classify_equilibria(pure=True)):
        with pytest.raises(gt.GameError, match="needs perfect recall, but information set"):
            solve()


@pytest.mark.parametrize("name", NO_RECALL)
def test_gambit_file_without_perfect_recall_against_pygambit_itself(name):
    """pygambit refuses to solve a tree without perfect recall, but solves its strategic
    form (``Game.from_arrays(*game.to_arrays())``): same strategies, same pure equilibrium
    payoffs, and the same for the file we write back. Our normal form is Gambit's table
    up to the order of rows and columns (rows and columns compared as sorted multisets)."""
    gbt = pytest.importorskip("pygambit")
    import io

    ours = read_efg(GAMBIT / name)
    A, B = gbt.read_efg(str(GAMBIT / name)).to_arrays()
    g = ours.to_normal_form()
    theirs_cells = [[(F(str(A[r][c])), F(str(B[r][c]))) for c in range(A.shape[1])]
                    for r in range(A.shape[0])]
    our_cells = [[(g.A[r, c], g.B[r, c]) for c in range(g.A.shape[1])]
                 for r in range(g.A.shape[0])]
    for table in (lambda t: t, lambda t: [list(col) for col in zip(*t, strict=True)]):
        assert sorted(map(sorted, table(our_cells))) == sorted(map(sorted, table(theirs_cells)))
    for theirs in (gbt.read_efg(str(GAMBIT / name)), gbt.read_efg(io.StringIO(to_efg(ours)))):
        assert not theirs.is_perfect_recall
        with pytest.raises(RuntimeError, match="imperfect recall"):
            gbt.nash.enumpure_solve(theirs)
        table = gbt.Game.from_arrays(*theirs.to_arrays())
        assert [len(p.strategies) for p in table.players] == EXPECTED[name]["reduced_strategies"]
        pays = sorted(tuple(F(str(pr.payoff(p))) for p in table.players)
                      for pr in gbt.nash.enumpure_solve(table).equilibria)
        assert pays == _payoffs(EXPECTED[name]["pure_equilibrium_payoffs"])


def test_absent_minded_driver_file_has_the_expected_normal_form():
    """Shoham and Leyton-Brown (2008), Fig. 5.12 in Gambit's catalog: one information set
    visited twice; a pure strategy repeats its action, so the normal form is 2 x 2."""
    tree = read_efg(GAMBIT / "catalog/books/shohamleytonbrown2008/fig5_12.efg")
    (h,) = tree.information_sets(0)
    assert len(h.nodes) == 2 and h.nodes[0] == 0  # the root and a node below it
    g = tree.to_normal_form()
    assert g.A.shape == (2, 2)
    # every cell is the expected payoff of playing the same action at both visits
    for r, plan in enumerate(tree.reduced_plans(0)):
        for c, other in enumerate(tree.reduced_plans(1)):
            assert (g.A[r, c], g.B[r, c]) == tree.expected_payoffs({**dict(plan),
                                                                    **dict(other)})


def test_wichardt_game_has_mixed_but_no_pure_equilibria():
    """Wichardt (2008, Games and Economic Behavior) gives a two-player game with imperfect
    recall and no Nash equilibrium in behaviour strategies. Its normal form, a finite
    game, has equilibria in mixed strategies (Nash 1951), none of them pure (as pygambit
    finds): each is checked as a best reply against every pure strategy."""
    tree = read_efg(GAMBIT / "catalog/journals/geb/wichardt2008.efg")
    g = tree.to_normal_form()
    assert g.pure_equilibria() == [] and EXPECTED["catalog/journals/geb/wichardt2008.efg"][
        "pure_equilibrium_payoffs"] == []
    eqs = g.equilibria()
    assert eqs
    for e in eqs:
        assert g.is_equilibrium((e.row, e.col))
        assert all(isinstance(x, F) for x in (*e.row, *e.col))


SMALL = [k for k in WITH_EQUILIBRIA if EXPECTED[k]["perfect_recall"]
         and EXPECTED[k]["reduced_strategies"][0] * EXPECTED[k]["reduced_strategies"][1] <= 1000]


@pytest.mark.parametrize("name", SMALL[::7])
def test_gambit_files_against_pygambit_itself(name):
    """Independent check of the recorded payoffs, and pygambit reads what we write back."""
    gbt = pytest.importorskip("pygambit")
    import io

    theirs = gbt.read_efg(str(GAMBIT / name))
    assert theirs.is_perfect_recall
    pays = sorted(tuple(F(str(pr.payoff(p))) for p in theirs.players)
                  for pr in gbt.nash.enumpure_solve(theirs).equilibria)
    assert pays == _payoffs(EXPECTED[name]["pure_equilibrium_payoffs"])
    back = gbt.read_efg(io.StringIO(to_efg(read_efg(GAMBIT / name))))
    assert sorted(tuple(F(str(pr.payoff(p))) for p in back.players)
                  for pr in gbt.nash.enumpure_solve(back).equilibria) == pays


def test_perfect_recall_flags_agree_with_pygambit():
    gbt = pytest.importorskip("pygambit")
    assert [k for k in sorted(EXPECTED) if not gbt.read_efg(str(GAMBIT / k)).is_perfect_recall
            ] == NO_RECALL


def test_repeated_action_names_are_made_distinct():
    """von Stengel (2022), Fig. 10.1 in Gambit's catalog names both chance moves "1/2"."""
    tree = read_efg(GAMBIT / "catalog/books/vonstengel2022/fig10.1.efg")
    root = tree.nodes[0]
    assert root.actions == ("1/2", "1/2 (2)") and root.probabilities == (F(1, 2), F(1, 2))
