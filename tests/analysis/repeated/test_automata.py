"""Automaton strategies: construction, validation, rule order, tables, mirroring, equality."""

from __future__ import annotations

import pytest

import gametheory as gt
from gametheory.analysis.repeated.automata import mirror

S = gt.strategies


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


def test_automaton_html_has_each_state_its_action_and_transitions(pd):
    tft = gt.strategies.tit_for_tat(pd, 0)
    out = tft._repr_html_()
    assert "<caption>" in out and tft.name in out
    body = out.split("<tbody>")[1]
    assert body.count("<tr>") == tft.size
    for k, state in enumerate(tft.states):
        assert f"<td>{tft.action_label(k)}</td>" in body and state in body
    assert out.count("after (") == len(pd.strategies[0]) * len(pd.strategies[1])
