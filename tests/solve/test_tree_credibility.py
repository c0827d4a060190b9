"""Tests of gametheory.solve.tree_credibility: Nash equilibria of a tree's normal form
labelled subgame perfect or resting on a non-credible threat.

Expected verdicts come from Selten (1978), docs/model.md's calibrations, hand computation in
comments, and an independent check: in generic perfect-information trees the only
credible equilibrium is the backward-induction outcome.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from reference_trees import chain_store, outside_option_tree

import gametheory as gt
from gametheory.core.tree import chance, decision, terminal
from gametheory.solve.tree_credibility import classify, classify_equilibria

T = gt.GameTree


def test_classify_refuses_a_profile_that_is_not_an_equilibrium():
    tree = chain_store()
    g = tree.to_normal_form()
    with pytest.raises(gt.GameError, match="not a Nash equilibrium"):
        classify(tree, gt.Equilibrium.from_game(g, (1, 0), (0, 1)))  # Out vs Accommodate
    assert [c.subgame_perfect for c in classify_equilibria(tree, pure=True)] == [False, True]


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


def test_credibility_refuses_a_tree_without_perfect_recall_by_name():
    # P1 forgets whether it chose a or b: behaviour at 'later' is not Kuhn's equivalent
    later = {"x": terminal(1, 0), "y": terminal(0, 1)}
    tree = gt.GameTree(decision("P1", {"a": decision("P1", later, infoset="later"),
                                       "b": decision("P1", later, infoset="later"),
                                       "c": decision("P2", {"l": terminal(0, 0)})}),
                       players=("P1", "P2"), perfect_recall="allow")
    g = tree.to_normal_form()
    eq = g.pure_equilibria()[0]
    for call in (lambda: classify_equilibria(tree), lambda: classify(tree, eq)):
        with pytest.raises(gt.GameError, match="needs perfect recall, but information set "
                           "'later' of P1"):
            call()
