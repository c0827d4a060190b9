"""EquilibriumList: a read-only list of equilibria with an HTML table and a tidy frame."""

from __future__ import annotations

import copy
import keyword
import pickle
from fractions import Fraction

import pandas as pd
import pytest

import gametheory as gt
from gametheory.core.results import EquilibriumList, identifier, plain_value
from gametheory.errors import GameError

T = gt.GameTree


def probe() -> gt.NormalFormGame:
    return gt.NormalFormGame([[0, 0], [2, -1]], [[0, 0], [-2, -3]],
                             players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))


def entry_tree() -> gt.GameTree:
    return T(T.decision("Entrant", {"Out": T.terminal(0, 2), "In": T.decision(
        "Incumbent", {"Fight": T.terminal(-1, -1), "Accommodate": T.terminal(1, 1)},
        "entered")}))


def bayes() -> gt.BayesianGame:
    return gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U", "D"), ("L", "R")),
                           prior={"B": {"h": "1/4", "l": "3/4"}},
                           payoffs={"h": ([[4, 0], [0, 0]], [[1, 0], [0, 1]]),
                                    "l": ([[0, 0], [0, 4]], [[0, 1], [1, 0]])})


@pytest.mark.filterwarnings("ignore:the game is degenerate")
@pytest.mark.parametrize("make", [
    lambda: probe().equilibria(), lambda: probe().pure_equilibria(),
    lambda: gt.solve.equilibria(probe(), method="lemke-howson"),
    lambda: entry_tree().backward_induction(), lambda: entry_tree().classify_equilibria(),
    lambda: bayes().bayes_nash_equilibria()])
def test_every_result_list_is_an_equilibrium_list_and_still_a_list(make):
    eqs = make()
    assert isinstance(eqs, EquilibriumList) and isinstance(eqs, list)
    assert eqs == list(eqs) and len(eqs) > 0
    assert "<table" in eqs._repr_html_()
    frame = eqs.to_frame()
    assert len(frame) == len(eqs)
    assert all(c.isidentifier() and not keyword.iskeyword(c) for c in frame.columns)
    assert set(frame.attrs["labels"]) == set(frame.columns)


def test_read_only_every_mutator_refuses():
    eqs = probe().equilibria()
    before = list(eqs)
    for mutate in (lambda: eqs.append(before[0]), lambda: eqs.extend(before),
                   lambda: eqs.insert(0, before[0]), lambda: eqs.pop(),
                   lambda: eqs.remove(before[0]), lambda: eqs.clear(), lambda: eqs.sort(),
                   lambda: eqs.reverse(), lambda: eqs.__setitem__(0, before[1]),
                   lambda: eqs.__delitem__(0), lambda: eqs.__iadd__(before)):
        with pytest.raises(GameError, match="read-only"):
            mutate()
    assert list(eqs) == before
    editable = eqs.copy()
    editable.append(before[0])
    assert type(editable) is list and len(eqs) == len(before)


def test_slices_pickles_and_copies_stay_equilibrium_lists():
    eqs = probe().equilibria()
    assert isinstance(eqs[1:], EquilibriumList) and eqs[1:] == list(eqs)[1:]
    for clone in (pickle.loads(pickle.dumps(eqs)), copy.copy(eqs), copy.deepcopy(eqs)):
        assert isinstance(clone, EquilibriumList) and clone == eqs


def test_repr_lists_each_equilibrium_without_fraction_reprs():
    eqs = probe().equilibria()
    text = repr(eqs)
    assert "Fraction" not in text and "1/3 Tolerate" in text
    assert text.count("\n") == len(eqs)
    assert repr(EquilibriumList()) == "EquilibriumList([])"


def test_frame_floats_and_labels_match_the_equilibria():
    g = probe()
    eqs = g.equilibria()
    frame = eqs.to_frame()
    for col, (group, label) in frame.attrs["labels"].items():
        assert frame[col].dtype == float
        for k, e in enumerate(eqs):
            if group == "payoff":
                want = e.payoffs[g.players.index(label)]
            else:
                p = g.players.index(group)
                want = e.profile[p][g.strategies[p].index(label)]
            assert frame[col].iloc[k] == float(want)


def test_frame_multiindex_keeps_readable_labels():
    eqs = probe().equilibria()
    frame = eqs.to_frame(columns="multiindex")
    assert isinstance(frame.columns, pd.MultiIndex)
    assert list(frame.columns) == list(eqs.to_frame().attrs["labels"].values())
    with pytest.raises(GameError, match="identifiers"):
        eqs.to_frame(columns="wide")


def test_html_escapes_labels_and_has_one_row_per_equilibrium():
    g = gt.NormalFormGame([[1, 0], [0, 1]], [[1, 0], [0, 1]], players=("<A>", "B&C"))
    eqs = g.equilibria()
    out = eqs._repr_html_()
    assert "&lt;A&gt;" in out and "B&amp;C" in out and "<A>" not in out
    assert out.split("<tbody>")[1].count("<tr>") == len(eqs)
    assert "no equilibria" in EquilibriumList()._repr_html_()


def test_tree_and_bayesian_rows():
    classified = entry_tree().classify_equilibria().to_frame()
    assert classified["subgame_perfect"].dtype == bool
    assert classified["subgame_perfect"].sum() == 1
    spe = entry_tree().backward_induction().to_frame()
    assert spe["plan__entrant"].tolist() == ["In"]
    bn = bayes().bayes_nash_equilibria().to_frame()
    assert "b__l_if_h" in bn.columns and bn.attrs["labels"]["b__l_if_h"] == ("B", "L if h")
    assert "a__u" in bn.columns  # a player with one type: plain action labels


def test_non_equilibrium_elements_are_refused_with_a_reason():
    with pytest.raises(GameError, match="table_row"):
        EquilibriumList([1, 2]).to_frame()


def test_identifier_and_plain_value():
    assert identifier("Probe if strong") == "probe_if_strong"
    assert identifier("") == "_" and identifier("3 moves").isidentifier()
    assert identifier("Müller") == "m_ller"
    assert plain_value(Fraction(3, 4)) == 0.75 and isinstance(plain_value(2), float)
    assert plain_value(False) is False


def test_duplicate_identifiers_are_made_unique():
    g = gt.NormalFormGame([[1, 0]], [[1, 0]], strategies=(("a",), ("x y", "x-y")))
    cols = list(g.equilibria().to_frame().columns)
    assert len(set(cols)) == len(cols) and "column__x_y" in cols


def test_equilibrium_of_any_number_of_players():
    from fractions import Fraction

    half = (Fraction(1, 2), Fraction(1, 2))
    eq = gt.Equilibrium.of((half, (1, 0), (0, 0, 1)), (1, 2, 3), players=("A", "B", "C"),
                           strategies=(("x", "y"), ("u", "v"), ("p", "q", "r")))
    assert eq.profile == (half, (1, 0), (0, 0, 1)) and eq.n_players == 3
    assert eq.row == half and eq.col == (1, 0) and eq.others == ((0, 0, 1),)
    assert eq.support == ((0, 1), (0,), (2,)) and not eq.is_pure
    assert list(eq) == list(eq.profile)
    assert eq.describe() == "A: 1/2 x + 1/2 y; B: u; C: r  (payoffs 1, 2, 3)"
    assert [k for k, _ in eq.table_row()][-3:] == [("payoff", "A"), ("payoff", "B"),
                                                   ("payoff", "C")]
    assert eq.as_float().others == ((0.0, 0.0, 1.0),)
    assert eq != gt.Equilibrium.of((half, (1, 0), (0, 1, 0)), (1, 2, 3))
    pure = gt.Equilibrium.of(((1, 0), (0, 1), (1,)), (0, 0, 0))
    assert pure.pure_labels() == ("s1", "s2", "s1")
    frame = gt.EquilibriumList([eq]).to_frame()
    assert frame["c__r"].tolist() == [1.0] and frame["payoff__c"].tolist() == [3.0]
    with pytest.raises(gt.ProfileError, match="one strategy and one payoff per player"):
        gt.Equilibrium.of(((1,), (1,)), (0,))
