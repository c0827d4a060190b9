"""The solve facade: games in, sorted and labelled Equilibrium values out."""

from __future__ import annotations

from fractions import Fraction

import pytest

import gametheory as gt
from gametheory.solve.facade import (
    equilibria,
    equilibrium_components,
    is_degenerate,
    labelled,
    pure_equilibria,
)

BOS = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]], players=("Her", "Him"),
                        strategies=(("Opera", "Fight"), ("Opera", "Fight")))


def test_labelled_sorts_deduplicates_and_labels():
    found = [((0, 1), (0, 1)), ((1, 0), (1, 0)), ((0, 1), (0, 1))]
    eqs = labelled(BOS, found, exact=True)
    assert [e.pure_labels() for e in eqs] == [("Opera", "Opera"), ("Fight", "Fight")]
    assert [e.payoffs for e in eqs] == [(2, 1), (1, 2)]
    assert eqs[0].players == ("Her", "Him")


def test_labelled_keeps_given_payoffs_and_rounds_exact_answers_of_float_games():
    g = BOS.relabel()
    fg = gt.NormalFormGame(g.as_float()[0], g.as_float()[1])
    half = Fraction(1, 2)
    [e] = labelled(fg, [((half, half), (half, half), (Fraction(7), Fraction(8)))], exact=True)
    assert e.row == (0.5, 0.5) and e.payoffs == (7.0, 8.0)
    assert all(isinstance(v, float) for v in (*e.row, *e.col, *e.payoffs))
    [e] = labelled(g, [((0.5, 0.5), (0.5, 0.5))], exact=False)   # inexact: kept as given
    assert e.row == (0.5, 0.5) and isinstance(e.payoffs[0], float)


def test_every_method_returns_the_same_set_on_a_nondegenerate_game():
    exact = equilibria(BOS)
    assert exact == BOS.equilibria()
    for method in ("support", "vertex", "reference"):
        got = equilibria(BOS, method)
        assert len(got) == len(exact), method
        for a, b in zip(got, exact, strict=True):
            assert a.row == pytest.approx(tuple(map(float, b.row)), abs=1e-12), method


def test_exact_answers_for_exact_games_floats_for_float_games():
    assert all(e.is_exact for e in equilibria(BOS))
    fg = gt.NormalFormGame(*BOS.as_float())
    assert [e.as_float() for e in equilibria(BOS)] == equilibria(fg)


def test_pure_degenerate_and_components():
    assert [e.pure_labels() for e in pure_equilibria(BOS)] == [("Opera", "Opera"),
                                                                ("Fight", "Fight")]
    assert not is_degenerate(BOS)
    assert is_degenerate(gt.NormalFormGame([[1, 1], [0, 2]], [[0, 0], [1, 1]]))
    assert [c.is_isolated for c in equilibrium_components(BOS)] == [True, True, True]


def test_unknown_method():
    with pytest.raises(gt.SolverError, match="unknown equilibrium method"):
        equilibria(BOS, "simplex")


@pytest.mark.parametrize("module", ["exact", "pure", "nashpy_backend", "reference",
                                    "components", "dominance", "batch", "registry"])
def test_algorithms_do_not_know_the_game_class(module):
    """Only the facade (and elimination) turn games into arrays and profiles into values."""
    import ast

    from support import ROOT

    tree = ast.parse((ROOT / "gametheory" / "solve" / f"{module}.py").read_text())
    imported = {node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module}
    assert not {m for m in imported if m.startswith("core") or ".core" in m}, module


def test_nplayer_profiles_are_verified_merged_and_sorted():
    import warnings

    from gametheory.solve import METHODS, register_method

    U = [[[1, 0], [0, 0]], [[0, 0], [0, 1]]]
    g = gt.NormalFormGame(U, U, U)
    good, close = ((0.0, 1.0),) * 3, ((1e-9, 1 - 1e-9),) * 3
    bad = ((1.0, 0.0), (0.0, 1.0), (1.0, 0.0))
    register_method("noisy", None, nplayer=lambda payoffs: [bad, close, good, ((1, 0),) * 3],
                    exact=False, summary="a float method with one wrong answer")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            eqs = g.equilibria(method="noisy")
        assert len(eqs) == 2 and eqs[0].pure_labels() == ("s1", "s1", "s1")
        assert sum(eqs[1].profile, ()) == pytest.approx(sum(good, ()), abs=1e-6)  # merged
        assert any("dropped 1 profile" in str(w.message) for w in caught)
        assert all(isinstance(p, float) for e in eqs for x in e.profile for p in x)
        assert len(g.equilibria(method="noisy", tol=10.0)) == 3   # a looser stated bound
    finally:
        del METHODS["noisy"]


def test_logit_and_pure_on_three_players():
    U = [[[1, 0], [0, 0]], [[0, 0], [0, 1]]]
    g = gt.NormalFormGame(U, U, U)
    [qre] = g.equilibria(method="logit")
    assert g.is_equilibrium(qre, tol=1e-6)
    assert [e.support for e in g.equilibria(method="pure")] == [((0,),) * 3, ((1,),) * 3]
