"""NormalFormGame and Equilibrium: validation at the boundary and value semantics."""

from __future__ import annotations

import dataclasses
import math
import pickle
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

import gametheory as gt
from gametheory.errors import LabelError, PayoffError, ProfileError

F = Fraction


# ------------------------------------------------------------------ payoff validation
@pytest.mark.parametrize("A, B, pattern", [
    ([[1, 2], [3]], [[0, 0], [0, 0]], r"A \(row player\) is ragged: row 1 has 1 entries"),
    ([[0, 0], [0, 0]], [[1, 2], [3]], r"B \(column player\) is ragged"),
    ([], [], r"A \(row player\) is empty"),
    ([[]], [[]], r"A \(row player\) has an empty row 0"),
    (np.zeros((0, 2)), np.zeros((0, 2)), "is empty"),
    (np.zeros((2, 0)), np.zeros((2, 0)), "empty row 0"),
    ([[[1]]], [[[1]]], r"must be 2-D: cell \(0, 0\) is itself a sequence"),
    (np.zeros((1, 1, 1)), np.zeros((1, 1, 1)), "must be 2-D, got 3-D array of shape"),
    ([1, 2], [1, 2], "must be 2-D: row 0 is int"),
    (np.array([1, 2]), np.array([1, 2]), "got 1-D array"),
    (5, 5, "must be a 2-D array-like of numbers, got int"),
    ("[[1]]", "[[1]]", "got str"),
    ({0: 1}, [[1]], "got dict"),
    ([[float("nan"), 1]], [[0, 0]], r"cell \(0, 0\): nan is not finite"),
    (np.array([[1.0, np.nan]]), [[0, 0]], r"cell \(0, 1\): nan is not finite"),
    ([[1]], [[float("inf")]], r"B \(column player\), cell \(0, 0\): inf is not finite"),
    ([[1, 2], [3, -math.inf]], [[0, 0], [0, 0]], r"cell \(1, 1\): -inf"),
    ([[1 + 2j]], [[0]], r"cell \(0, 0\): \(1\+2j\) is complex"),
    (np.array([[1 + 0j]]), [[0]], "is complex; payoffs must be real"),
    ([[True, 0]], [[0, 0]], r"cell \(0, 0\): True is a boolean"),
    (np.array([[False]]), [[0]], "is a boolean"),
    ([[None]], [[0]], r"cell \(0, 0\): None"),
    ([[1, "abc"]], [[0, 0]], r"cell \(0, 1\): 'abc' is not a number"),
    ([[1, "1/0"]], [[0, 0]], "divides by zero"),
    ([[1, 2]], [[1], [2]], "different shapes: A is 1x2, B is 2x1"),
    ([[1, 2]], [[1, 2, 3]], "different shapes"),
])
def test_bad_payoffs_raise_payoff_error_naming_the_place(A, B, pattern):
    with pytest.raises(PayoffError, match=pattern):
        gt.NormalFormGame(A, B)


def test_payoff_error_is_a_game_error_and_a_value_error():
    with pytest.raises(gt.GameError):
        gt.NormalFormGame([[1]], [[float("nan")]])
    with pytest.raises(ValueError):
        gt.NormalFormGame([[1]], [[float("nan")]])


# ------------------------------------------------------------------ labels
@pytest.mark.parametrize("kwargs, pattern", [
    ({"strategies": (("a",), ("x",))}, "strategies of Column has 1 labels but the payoffs "
                                       "have 2"),
    ({"strategies": (("a", "b"), ("x", "y"))}, "strategies of Row has 2 labels"),
    ({"strategies": (("a",), ("x", "x"))}, "label 'x' is used for strategies 0 and 1"),
    ({"strategies": (("a",), ("x", ""))}, "label 1 is empty"),
    ({"strategies": ((1,), ("x", "y"))}, "label 0 is 1; labels must be strings"),
    ({"strategies": ("a", ("x", "y"))}, "must be a sequence of 1 labels"),
    ({"strategies": (("a",),)}, "must be a pair"),
    ({"strategies": "ab"}, "must be a pair"),
    ({"players": ("A", "A")}, "same name 'A'"),
    ({"players": ("A", "B", "C")}, "must be a pair of names"),
    ({"players": "AB"}, "must be a pair of names"),
    ({"players": ("A", "")}, "player 1 name must be a non-empty string"),
    ({"players": ("A", 3)}, "player 1 name must be a non-empty string"),
    ({"title": 5}, "title must be a string"),
])
def test_bad_labels_raise_label_error(kwargs, pattern):
    with pytest.raises(LabelError, match=pattern):
        gt.NormalFormGame([[1, 2]], [[3, 4]], **kwargs)


def test_label_errors_name_the_player():
    with pytest.raises(LabelError, match="strategies of Defender"):
        gt.NormalFormGame([[1, 2]], [[3, 4]], players=("Aggressor", "Defender"),
                          strategies=(("Probe",), ("Tolerate",)))


def test_unknown_strategy_and_player_lookups():
    g = gt.NormalFormGame([[1, 2]], [[3, 4]], players=("P", "Q"),
                          strategies=(("a",), ("x", "y")))
    assert g.strategy_index("Q", "y") == 1 and g.strategy_index(1, 0) == 0
    with pytest.raises(LabelError, match="Q has no strategy 'z'; choose from"):
        g.strategy_index("Q", "z")
    with pytest.raises(LabelError, match="unknown player 'R'"):
        g.strategy_index("R", "x")
    with pytest.raises(LabelError, match="strategies 0..1; got index 2"):
        g.strategy_index(1, 2)
    with pytest.raises(LabelError):
        g.strategy_index(1, True)


# ------------------------------------------------------------------ numbers
def test_exact_input_gives_fractions():
    g = gt.NormalFormGame([["7.32", "3/4"], [Decimal("0.1"), np.int64(2)]],
                          [[F(1, 3), 10**30], ["1e-3", -2]])
    assert g.is_exact
    assert g.A[0, 0] == F(183, 25) and g.A[0, 1] == F(3, 4) and g.A[1, 0] == F(1, 10)
    assert g.B[0, 1] == 10**30 and g.B[1, 0] == F(1, 1000)
    assert all(type(v) is F for v in g.A.flatten())


def test_any_float_makes_the_game_float():
    g = gt.NormalFormGame([[1, 0.5]], [[0, 0]])
    assert not g.is_exact and g.A.dtype == float and g.B.dtype == float
    assert g.as_fraction()[0][0, 1] == F(1, 2)


# ------------------------------------------------------------------ value semantics
def make():
    return gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Ann", "Bob"),
                             strategies=(("C", "D"), ("C", "D")), title="PD")


def test_equality_and_hash():
    assert make() == make() and hash(make()) == hash(make())
    assert make() != make().relabel(title="other")
    assert make() != make().relabel(players=("Ann", "Bo"))
    assert make() != make().relabel(strategies=(("C", "D"), ("c", "d")))
    assert make() != gt.NormalFormGame([[3, 0], [5, 2]], [[3, 5], [0, 1]],
                                       players=("Ann", "Bob"),
                                       strategies=(("C", "D"), ("C", "D")), title="PD")
    # equality is by value: a float game equals the exact game of the same numbers (the
    # .nfg round trip relies on it), with equal hashes; 0.1 is not 1/10
    exact = gt.NormalFormGame([[1, F(1, 2)]], [[3, 4]])
    assert exact == gt.NormalFormGame([[1.0, 0.5]], [[3, 4]])
    assert hash(exact) == hash(gt.NormalFormGame([[1.0, 0.5]], [[3, 4]]))
    assert gt.NormalFormGame([[F(1, 10)]], [[0]]) != gt.NormalFormGame([[0.1]], [[0]])
    assert len({make(), make(), exact}) == 2
    assert make() != "PD"


def test_immutability():
    g = make()
    with pytest.raises(ValueError):
        g.A[0, 0] = 99
    with pytest.raises(ValueError):
        g.A.flags.writeable = True
    with pytest.raises(ValueError):
        g.payoff_matrices[1][0, 0] = 99
    with pytest.raises(AttributeError):
        g.title = "changed"
    with pytest.raises(AttributeError):
        g.extra = 1
    assert g.A[0, 0] == 3 and g.title == "PD"


def test_derived_games_leave_the_original_alone():
    g = make()
    h = g.swap_players()
    assert h.players == ("Bob", "Ann") and h.A[1, 0] == 5 and h.B[1, 0] == 0
    assert h.swap_players() == g
    p = g.permute([1, 0], [0, 1])
    assert p.strategies[0] == ("D", "C") and p.A[0, 0] == 5
    r = g.restrict(["D"], ["C", "D"])
    assert r.shape == (1, 2) and r.A.tolist() == [[5, 1]]
    assert g == make()
    with pytest.raises(LabelError):
        g.permute([0, 0], [0, 1])


def test_repr_str_and_html():
    g = make()
    assert repr(g) == "NormalFormGame('PD', Ann: C, D; Bob: C, D; exact)"
    assert repr(gt.NormalFormGame([[0.5]], [[1]])) == \
        "NormalFormGame(Row: R1; Column: C1; float)"
    text = str(g)
    assert text.splitlines()[0] == "PD" and "5, 0" in text
    html = gt.NormalFormGame([[F(1, 2)]], [[1]], players=("<b>", "B&"),
                             strategies=(("<script>",), ("x",)), title="T<1>")._repr_html_()
    assert html.startswith("<table>") and "<caption>T&lt;1&gt;</caption>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "<td>1/2, 1</td>" in html


@pytest.mark.parametrize("game", [make(), gt.NormalFormGame([[0.1, 2.5]], [[1e300, -3]])])
def test_pickle_round_trip(game):
    back = pickle.loads(pickle.dumps(game))
    assert back == game and back.is_exact == game.is_exact
    assert back.strategies == game.strategies and back.title == game.title


# ------------------------------------------------------------------ profiles
def test_profiles_and_regret():
    g = make()
    # against C the row player gets 3 or 5 (mix: 4); against the mix, C gets 3/2, D gets 3
    assert g.regret((["1/2", "1/2"], "C")) == (F(1), F(3, 2))
    assert g.is_equilibrium(("D", "D")) and not g.is_equilibrium(("C", "D"))
    assert g.is_equilibrium(({"D": 1}, [0, 1]))
    with pytest.raises(ProfileError, match="sums to 3/2, not 1"):
        g.is_equilibrium((["1/2", 1], "C"))
    with pytest.raises(ProfileError, match="has 3 entries; Ann has 2"):
        g.regret(([1, 0, 0], "C"))
    with pytest.raises(ProfileError, match="negative probability"):
        g.regret(([2, -1], "C"))
    with pytest.raises(ProfileError, match="a pair"):
        g.regret("C")


def test_float_regret_tolerance():
    g = gt.NormalFormGame([[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]])
    almost = ((0.5 + 1e-12, 0.5 - 1e-12), (0.5, 0.5))
    assert g.is_equilibrium(almost)
    # the row player is indifferent, the column player regrets 0.6 - 0.5
    assert not g.is_equilibrium(((0.6, 0.4), (0.5, 0.5)), tol=1e-3)
    assert g.is_equilibrium(((0.6, 0.4), (0.5, 0.5)), tol=0.11)
    assert not g.is_equilibrium(((1.0, 0.0), (0.4, 0.6)), tol=1e-6)


# ------------------------------------------------------------------ Equilibrium
def test_equilibrium_value_semantics():
    g = make()
    [e] = g.equilibria()
    assert e == gt.Equilibrium.from_game(g, (F(0), F(1)), (F(0), F(1)))
    other = gt.Equilibrium((F(0), F(1)), (F(0), F(1)), (F(1), F(1)))
    assert e == other and hash(e) == hash(other)          # labels are not part of equality
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.row = (1, 0)
    assert e.support == ((1,), (1,)) and e.is_pure and e.pure_labels() == ("D", "D")
    assert e.describe() == "Ann: D; Bob: D  (payoffs 1, 1)"
    assert repr(e) == "Equilibrium(Ann: D; Bob: D  (payoffs 1, 1))"
    assert e._repr_html_() == "<code>Ann: D; Bob: D  (payoffs 1, 1)</code>"
    assert pickle.loads(pickle.dumps(e)) == e
    f = e.as_float()
    assert f.row == (0.0, 1.0) and isinstance(f.payoffs[0], float) and e.is_exact


def test_mixed_equilibrium_describe_and_support():
    bos = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]],
                            strategies=(("Bach", "Stravinsky"), ("Bach", "Stravinsky")))
    mixed = bos.equilibria()[1]
    assert mixed.pure_labels() is None and not mixed.is_pure
    assert mixed.describe() == ("Row: 2/3 Bach + 1/3 Stravinsky; "
                                "Column: 1/3 Bach + 2/3 Stravinsky  (payoffs 2/3, 2/3)")
    zero_weight = gt.Equilibrium((F(1), F(0)), (F(1), F(0)), (F(2), F(1)))
    assert zero_weight.support == ((0,), (0,))
    assert zero_weight.pure_labels() == ("R1", "C1")


# ------------------------------------------------------------------ Jupyter and pandas
def test_equilibrium_unpacks_as_its_two_strategies():
    g = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    for eq in g.equilibria():
        x, y = eq
        assert (x, y) == eq.profile
    assert "Fraction" not in repr(g.equilibria()) and "1/2 R1" in repr(g.equilibria()[0])


def test_dataframe_payoffs_take_labels_and_player_names():
    import pandas as pd

    rows, cols = ["Refrain", "Probe"], ["Tolerate", "Intercept"]
    A = pd.DataFrame([[0, 0], [2, -1]], index=pd.Index(rows, name="Aggressor"),
                     columns=pd.Index(cols, name="Defender"))
    B = pd.DataFrame([[0, 0], [-2, -3]], index=rows, columns=cols)
    g = gt.NormalFormGame(A, B)
    assert g.strategies == (tuple(rows), tuple(cols)) and g.players == ("Aggressor", "Defender")
    assert g.is_exact and g.A[1, 0] == 2 and g.B[1, 1] == -3
    # B given in another order is aligned to A's labels, cell by cell
    shuffled = B.loc[rows[::-1], cols[::-1]]
    assert gt.NormalFormGame(A, shuffled) == g
    # a plain matrix next to a frame, and explicit player names, still work
    assert gt.NormalFormGame(A, B.to_numpy(), players=("P", "Q")).strategies == g.strategies
    # default (Range) indexes carry no labels
    plain = gt.NormalFormGame(pd.DataFrame([[1, 2]]), pd.DataFrame([[0, 0]]))
    assert plain.strategies == (("R1",), ("C1", "C2"))


def test_dataframe_labels_that_disagree_are_refused():
    import pandas as pd

    A = pd.DataFrame([[1, 0], [0, 1]], index=["a", "b"], columns=["x", "y"])
    B = pd.DataFrame([[1, 0], [0, 1]], index=["a", "c"], columns=["x", "y"])
    with pytest.raises(LabelError, match="disagree"):
        gt.NormalFormGame(A, B)
    with pytest.raises(LabelError, match="conflict"):
        gt.NormalFormGame(A, A, strategies=(("a", "b"), ("y", "x")))
    assert gt.NormalFormGame(A, A, strategies=(("a", "b"), ("x", "y"))).shape == (2, 2)
    half = pd.DataFrame([[1, 0]], index=["a"])
    with pytest.raises(LabelError, match="both"):
        gt.NormalFormGame(half, half)


# ---------------------------------------------------------------------- n players
def _three():
    """Three players choose 0 or 1; each earns 1 when all match (a coordination game)."""
    U = np.zeros((2, 2, 2), dtype=int)
    U[0, 0, 0] = U[1, 1, 1] = 1
    return gt.NormalFormGame(U, U, 2 * U, players=("Ann", "Bob", "Cy"),
                             strategies=(("a0", "a1"), ("b0", "b1"), ("c0", "c1")),
                             title="match")


def test_three_player_game_data():
    g = _three()
    assert g.n_players == 3 and g.shape == (2, 2, 2) and g.is_exact
    assert g.payoff_array("Cy")[1, 1, 1] == 2 and len(g.payoff_arrays) == 3
    assert g.player_index(2) == g.player_index("Cy") == 2
    assert repr(g) == "NormalFormGame('match', Ann: a0, a1; Bob: b0, b1; Cy: c0, c1; exact)"
    assert "[Cy: c1]" in str(g) and "1, 1, 2" in str(g)
    assert "<caption>Cy: c0</caption>" in g._repr_html_()
    with pytest.raises(gt.GameError, match="two-player games; this game has 3 players"):
        _ = g.A
    with pytest.raises(gt.GameError, match="swap_players"):
        g.swap_players()
    two = gt.NormalFormGame([[1]], [[2]])
    assert two.n_players == 2 and two.payoff_arrays[1][0, 0] == 2


def test_three_player_validation_is_as_strict_as_two():
    U = np.zeros((2, 2, 2), dtype=int)
    with pytest.raises(gt.PayoffError, match="different shapes: P1 is 2x2x2, P2 is 2x2x2, P3 "
                                             "is 2x2x1"):
        gt.NormalFormGame(U, U, U[:, :, :1])
    with pytest.raises(gt.PayoffError, match="P2 .player 2. must be 3-D"):
        gt.NormalFormGame(U, U[0], U)
    with pytest.raises(gt.PayoffError, match=r"P3 \(player 3\), cell \(1, 0, 1\)"):
        bad = U.astype(object)
        bad[1, 0, 1] = float("inf")
        gt.NormalFormGame(U, U, bad)
    with pytest.raises(gt.PayoffError, match="at least two"):
        gt.NormalFormGame([[1]])
    with pytest.raises(gt.LabelError, match="keyword arguments"):
        gt.NormalFormGame([[1]], [[2]], ("P", "Q"))
    with pytest.raises(gt.LabelError, match="sequence of 3 names"):
        gt.NormalFormGame(U, U, U, players=("a", "b"))
    assert not gt.NormalFormGame(U, U, U.astype(float)).is_exact


def test_three_player_profiles_regret_and_value_semantics():
    g = _three()
    half = ("1/2", "1/2")
    assert g.expected_payoffs((half, half, half)) == (F(1, 4), F(1, 4), F(1, 2))
    assert g.pure_payoffs("Ann", ("b1", "c1")) == (F(0), F(1))
    assert g.pure_payoffs(0, (0, "b1", "c1")) == (F(0), F(1))   # a whole profile works too
    assert g.best_responses(2, ((0, 1), (0, 1))) == (1,)
    assert g.regret(("a0", "b1", "c1")) == (F(1), F(0), F(0))
    assert g.is_equilibrium((half, half, half)) and g.is_equilibrium((0, 0, 0))
    assert not g.is_equilibrium((1, 0, 0))
    with pytest.raises(gt.ProfileError, match="one strategy per player .3."):
        g.regret(((1, 0), (1, 0)))
    assert pickle.loads(pickle.dumps(g)) == g and hash(g) == hash(pickle.loads(pickle.dumps(g)))
    assert g != g.relabel(players=("Ann", "Bob", "Di"))
    sub = g.restrict(["a1"], [0, 1], ["c1"])
    assert sub.shape == (1, 2, 1) and sub.strategies == (("a1",), ("b0", "b1"), ("c1",))
    assert sub.payoff_array(2)[0, 1, 0] == 2
    with pytest.raises(gt.LabelError, match="one strategy list per player"):
        g.restrict(["a1"], [0])


def test_three_player_equilibria_through_the_class():
    g = _three()
    pure = g.pure_equilibria()
    assert [e.pure_labels() for e in pure] == [("a0", "b0", "c0"), ("a1", "b1", "c1")]
    assert pure[1].payoffs == (1, 1, 2)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eqs = g.equilibria()
    assert len(eqs) == 3 and all(g.is_equilibrium(e) for e in eqs)
    assert eqs[1].profile == ((F(1, 2), F(1, 2)),) * 3
