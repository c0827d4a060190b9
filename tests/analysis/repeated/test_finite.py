"""Finitely repeated games: backward induction (Luce and Raiffa 1957; Selten 1978) and
the nashpy normal form with its size check."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

import gametheory as gt


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
