"""The built-in automaton strategies: their states and transitions (grim trigger, tit for
tat, punish-then-forgive, graduated, proportionate), on two- and three-action stages."""

from __future__ import annotations

import pytest

import gametheory as gt

S = gt.strategies


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
