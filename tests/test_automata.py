"""Automaton strategies: construction, validation and the built-in strategies' transitions."""

from __future__ import annotations

import pytest

import gametheory as gt
from gametheory.analysis.repeated.game import mirror

S = gt.strategies


@pytest.fixture
def pd():
    return gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                             strategies=(("C", "D"), ("C", "D")))


@pytest.fixture
def three():
    return gt.NormalFormGame([[0, 0, 0], [2, -1, -3]], [[0, 0, 0], [-2, -3, -4]],
                             players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept",
                                                                "Retaliate")))


def test_grim_trigger_any_and_opponent(pd):
    g = S.grim_trigger(pd, 0)
    assert g.states == ("cooperate", "punish")
    assert [g.next_state("cooperate", p) for p in (("C", "C"), ("D", "C"), ("C", "D"))] == \
        ["cooperate", "punish", "punish"]
    assert g.next_state("punish", ("C", "C")) == "punish"  # grim: never forgives
    g2 = S.grim_trigger(pd, 0, trigger="opponent")
    assert g2.next_state("cooperate", ("D", "C")) == "cooperate"  # own deviation ignored
    assert g2.next_state("cooperate", ("C", "D")) == "punish"


def test_tit_for_tat_copies_opponent(pd):
    t = S.tit_for_tat(pd, 1)  # column player copies the row player's last action
    assert t.next_state("cooperate", ("D", "C")) == "punish"
    assert t.next_state("punish", ("C", "D")) == "cooperate"
    assert t.action_label(t.initial) == "C"


def test_labels_with_many_actions(three):
    # the Defender "cooperates" by intercepting; the Aggressor by refraining
    d = S.grim_trigger(three, "Defender", cooperate="Intercept", punish="Tolerate",
                       opponent_cooperate="Refrain", trigger="opponent")
    assert d.next_state("cooperate", ("Probe", "Intercept")) == "punish"
    assert d.next_state("cooperate", ("Refrain", "Retaliate")) == "cooperate"
    t = S.tit_for_tat(three, 1, cooperate="Tolerate", punish="Retaliate",
                      opponent_cooperate="Refrain")
    assert t.next_state("cooperate", ("Probe", "Tolerate")) == "punish"


def test_punish_then_forgive_cycle(pd):
    a = S.punish_then_forgive(pd, 0, periods=3)
    s = "cooperate"
    seen = []
    for prof in [("D", "C"), ("C", "C"), ("C", "C"), ("C", "C"), ("C", "C")]:
        s = a.next_state(s, prof)
        seen.append(s)
    assert seen == ["punish 1", "punish 2", "punish 3", "cooperate", "cooperate"]
    r = S.punish_then_forgive(pd, 0, periods=2, restart=True)
    assert r.next_state("punish 2", ("D", "D")) == "punish 1"  # punishment not accepted


def test_graduated_counts_defections(pd):
    g = S.graduated(pd, 0, max_count=3, calm=2)
    s = "cooperate 0"
    acts = []
    # opponent defects once, then twice later; punishments 1 then 2, each followed by calm
    opp = ["D", "C", "C", "C", "D", "C", "C", "C", "C"]
    for o in opp:
        acts.append(g.action_label(s))
        s = g.next_state(s, (g.action_label(s), o))
    assert acts == ["C", "D", "C", "C", "C", "D", "D", "C", "C"]


def test_proportionate(three):
    d = S.proportionate(three, 1, {"Refrain": "Tolerate", "Probe": "Intercept"})
    assert d.action_label("start") == "Tolerate"
    assert d.next_state("after Refrain", ("Probe", "Tolerate")) == "after Probe"
    with pytest.raises(gt.LabelError, match="missing"):
        S.proportionate(three, 1, {"Refrain": "Tolerate"})


def test_user_automaton_and_validation(pd):
    pavlov = S.automaton(pd, 0, {"C": "C", "D": "D"}, lambda s, r, c: "C" if r == c else "D")
    assert pavlov.next_state("D", ("D", "D")) == "C"
    with pytest.raises(gt.LabelError, match="not a strategy"):
        S.grim_trigger(pd, 0, cooperate="X")
    with pytest.raises(gt.LabelError, match="unknown state"):
        gt.Automaton(pd, 0, {"a": "C"}, {"a": "b"})
    with pytest.raises(gt.LabelError, match="not a strategy of Column"):
        gt.Automaton(pd, 0, {"a": "C"}, {"a": [(("C", "Z"), "a")]})
    with pytest.raises(gt.LabelError, match="unknown player"):
        S.always(pd, "Nobody", "C")
    with pytest.raises(gt.LabelError, match="shape"):
        gt.Automaton.from_table(pd, 0, ["C"], [[[0, 0]]])


def test_first_matching_rule_wins_and_unmatched_stays(pd):
    a = gt.Automaton(pd, 0, {"x": "C", "y": "D"},
                     {"x": [(("D", "*"), "y"), (("*", "D"), "x"), (("*", "*"), "y")]})
    assert a.next_state("x", ("D", "D")) == "y"   # first rule
    assert a.next_state("x", ("C", "D")) == "x"   # second rule
    assert a.next_state("x", ("C", "C")) == "y"   # catch-all
    assert a.next_state("y", ("C", "C")) == "y"   # no rules: stays


def test_from_table_and_mirror_and_equality(pd):
    a = gt.Automaton.from_table(pd, 0, ["C", "D"], [[[0, 1], [1, 1]], [[1, 1], [1, 1]]],
                                name="grim")
    b = S.grim_trigger(pd, 0)
    assert a.table.tolist() == b.table.tolist()
    m = mirror(S.tit_for_tat(pd, 0))
    assert m == S.tit_for_tat(pd, 1)
    assert hash(m) == hash(S.tit_for_tat(pd, 1))
    assert a.renamed("x").name == "x" and a.name == "grim"
    assert "punish" in b.describe()
