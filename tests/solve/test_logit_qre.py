"""Logit QRE path following: every sampled point is a logit equilibrium at its precision
(the fixed point checked independently), the end point is an approximate Nash equilibrium
whose regret is reported, and it agrees with pygambit's logit_solve where installed."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from gametheory.errors import PayoffError, SolverError
from gametheory.solve.logit_qre import expected_payoffs, logit_path, max_regret


def _is_logit_fixed_point(payoffs, sigma, lam, tol=1e-7):
    for v, s in zip(expected_payoffs(payoffs, sigma), sigma, strict=True):
        w = np.exp(lam * (v - v.max()))
        if np.abs(w / w.sum() - s).max() > tol:
            return False
    return True


def jordan():
    U = [np.zeros((2, 2, 2)) for _ in range(3)]
    for a, b, c in itertools.product(range(2), repeat=3):
        U[0][a, b, c], U[1][a, b, c], U[2][a, b, c] = a == b, b == c, c != a
    return U


@pytest.mark.parametrize("shape, seed", [((2, 2), 0), ((3, 3), 1), ((2, 2, 2), 2),
                                         ((3, 2, 2), 3)])
def test_every_point_of_the_branch_is_a_logit_equilibrium(shape, seed):
    rng = np.random.default_rng(seed)
    payoffs = [rng.integers(-5, 6, size=shape).astype(float) for _ in shape]
    path = logit_path(payoffs, max_lambda=1e4)
    assert path.lambdas[0] == 0
    for k in range(0, len(path.lambdas), max(1, len(path.lambdas) // 10)):
        sigma = [p[k] for p in path.profiles]
        assert _is_logit_fixed_point(payoffs, sigma, path.lambdas[k])
    assert path.converged == (path.regret <= path.tol)


def test_dominance_solvable_game_ends_at_its_equilibrium():
    A = np.array([[3, 0], [5, 1]])
    path = logit_path([A, A.T])
    assert path.converged and path.regret < 1e-6
    assert np.allclose(path.profile, [[0, 1], [0, 1]], atol=1e-6)


def test_three_player_cycle_stays_at_the_uniform_mix():
    path = logit_path(jordan())
    assert np.allclose(path.profile, 0.5) and path.converged


def test_end_point_not_an_equilibrium_is_flagged():
    A = np.array([[3, 0], [5, 1]])
    path = logit_path([A, A.T], max_lambda=0.5)  # stop far from the limit
    assert not path.converged
    assert path.regret == pytest.approx(max_regret([A, A.T], [np.array(x) for x in path.profile]))


def test_bad_input_is_refused():
    with pytest.raises(PayoffError):
        logit_path([np.zeros((2, 2)), np.zeros((2, 3))])
    with pytest.raises(PayoffError):
        logit_path([np.array([[np.nan, 0], [0, 0]]), np.zeros((2, 2))])
    with pytest.raises(SolverError):
        logit_path([np.eye(2), np.eye(2)], step=0)


@pytest.mark.parametrize("shape, seed", [((3, 3), 5), ((2, 2, 2), 6), ((3, 3, 3), 7)])
def test_agrees_with_pygambit_logit(shape, seed):
    gbt = pytest.importorskip("pygambit")
    rng = np.random.default_rng(seed)
    payoffs = [rng.integers(-5, 6, size=shape) for _ in shape]
    mine = logit_path([p.astype(float) for p in payoffs])
    game = gbt.Game.from_arrays(*[p.astype(object) for p in payoffs])
    eq = gbt.nash.logit_solve(game).equilibria[0]
    theirs = [[float(eq[s]) for s in player.strategies] for player in game.players]
    assert mine.converged
    # both approach the same limiting equilibrium; how close each gets depends on where it stops
    assert np.allclose(np.concatenate(mine.profile), np.concatenate(theirs), atol=1e-3)
