"""Finitely repeated games: backward induction (Luce and Raiffa 1957; Selten 1978) and
the nashpy normal form with its size check."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

import gametheory as gt
from gametheory.analysis.repeated.finite import (
    finite_horizon,
    obtain_repeated_game,
    repeated_game_size,
)
from gametheory.analysis.repeated.joint import StageData


def test_finite_horizon_pd_unravels(axelrod):
    res = gt.RepeatedGame(axelrod).finite_horizon(5)
    assert res.unique and all(p == [("D", "D")] for p in res.periods)
    assert res.totals == (F(5), F(5))


def test_finite_horizon_chain_store_unravels():
    # Selten (1978): entrant In/Out; incumbent Fight/Acquiesce, moving after In only
    stage = gt.NormalFormGame([[0, 0], [-1, 2]], [[5, 5], [-1, 1]],
                              players=("Entrant", "Incumbent"),
                              strategies=(("Out", "In"), ("Fight", "Acquiesce")))
    rg = gt.RepeatedGame(stage, follower_moves_after=["In"])
    res = rg.finite_horizon(20)
    assert res.unique and res.periods[0] == [("In", "Acquiesce")]
    assert res.totals == (F(40), F(20))
    # the normal form also has the non-credible (Out, Fight) Nash equilibrium
    assert ("Out", "Fight") in {e.pure_labels() for e in stage.pure_equilibria()}


def test_obtain_repeated_game_wrapper(axelrod):
    import nashpy
    from nashpy.repeated_games import obtain_repeated_game as nashpy_repeated

    big = gt.repeated.obtain_repeated_game(axelrod, 2)
    ref = nashpy_repeated(nashpy.Game(*axelrod.as_float()), 2)
    assert big.shape == (32, 32)
    assert np.array_equal(big.as_float()[0], ref.payoff_matrices[0])
    g23 = gt.NormalFormGame([[1, 2, 3], [4, 5, 6]], [[0, 1, 0], [1, 0, 1]])
    assert gt.repeated.repeated_game_size(g23.shape, 2) == (128, 2187)
    with pytest.raises(gt.SolverError, match="max_cells"):
        gt.repeated.obtain_repeated_game(g23, 3)
    with pytest.raises(gt.SolverError, match="10\\^"):
        gt.repeated.obtain_repeated_game(g23, 10)
    with pytest.raises(gt.SolverError, match="128 x 2187"):
        gt.repeated.obtain_repeated_game(g23, 2, max_cells=1000)


# ----------------------------------------------------------------------------- the functions
def test_finite_horizon_with_several_stage_equilibria():
    # battle of the sexes: two pure and one mixed stage equilibrium
    bos = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]],
                            strategies=(("Opera", "Fight"), ("Opera", "Fight")))
    res = finite_horizon(StageData(bos), 3)
    assert not res.unique and len(res.periods) == 3
    assert ("Opera", "Opera") in res.periods[0] and ("Fight", "Fight") in res.periods[0]
    assert "Benoit and Krishna" in res.note
    assert res.totals == (res.totals[0], res.totals[1]) and res.horizon == 3


def test_finite_horizon_validation(axelrod, symbolic_pd):
    for bad in (0, 2.5, True):
        with pytest.raises(gt.ParameterError, match="positive integer"):
            finite_horizon(StageData(axelrod), bad)
    with pytest.raises(gt.GameError, match="numeric stage"):
        finite_horizon(StageData(symbolic_pd), 2)


def test_normal_form_size_and_refusal(axelrod):
    assert repeated_game_size((2, 2), 1) == (2, 2)
    assert repeated_game_size((2, 2), 2) == (2 ** 5, 2 ** 5)
    with pytest.raises(gt.ParameterError, match="positive integer"):
        obtain_repeated_game(axelrod, 0)
    with pytest.raises(gt.GameError, match="NormalFormGame"):
        obtain_repeated_game("pd", 2)  # type: ignore[arg-type]
