"""NPlayerGame: symbolic n-player arrays evaluated exactly, labels, constraints, and the
n-player solvers reached through it (checked against a brute-force best-reply scan)."""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import numpy as np
import pytest
import sympy

import gametheory as gt
from gametheory.models.kit import spec, specs, symbol
from gametheory.models.nplayer import (
    NPlayerGame,
    exact_value,
    probability_all,
    profile_probability,
)

P = specs(spec("gain", "g", 2, "value of matching"), spec("cost", "c", 1, "cost of 1"))


def _game(**overrides):
    g, c = symbol("gain"), symbol("cost")
    arrays = [np.empty((2, 2, 3), dtype=object) for _ in range(3)]
    for s in itertools.product(range(2), range(2), range(3)):
        for i in range(3):
            arrays[i][s] = (g * int(s[0] == s[1]) - c * s[i]
                            + int(i == 2) * sympy.Rational(s[2], 3))
    return NPlayerGame.build(P, arrays, players=("A", "B", "C"),
                             strategies=(("x", "y"), ("x", "y"), ("p", "q", "r")),
                             title="toy", model="toy", overrides=overrides,
                             constraints=(symbol("cost") < symbol("gain"),))


def _brute_force_pure(arrays):
    shape = arrays[0].shape
    out = []
    for s in itertools.product(*(range(k) for k in shape)):
        if all(arrays[i][s] >= arrays[i][s[:i] + (t,) + s[i + 1:]]
               for i in range(len(shape)) for t in range(shape[i])):
            out.append(s)
    return out


def test_arrays_are_exact_and_overrides_apply():
    g = _game()
    A = g.arrays(gain="5/2")
    assert A[0][0, 0, 0] == F(5, 2) and isinstance(A[0][0, 0, 0], F)
    assert A[2][0, 1, 2] == F(2, 3) - 2
    assert g.payoffs(gain="5/2")[1][1, 1, 0] == F(3, 2)
    assert _game(gain=3).defaults() == {"gain": F(3), "cost": F(1)}
    assert g.shape == (2, 2, 3) and g.n_players == 3 and g.parameter_names == ("gain", "cost")
    assert "toy: 3 players, shape (2, 2, 3)" in str(g)


def test_pure_equilibria_match_brute_force_at_several_points():
    g = _game()
    for gain in ("1/2", 2, 7):
        for cost in (0, "1/4", "1/3"):
            assert g.pure_equilibria(gain=gain, cost=cost) == _brute_force_pure(
                g.arrays(gain=gain, cost=cost))


def test_constraints_and_unknown_names_are_refused():
    with pytest.raises(gt.ParameterError, match="constraint"):
        _game().arrays(cost=3)
    with pytest.raises(gt.ParameterError, match="constraint"):
        _game(cost=5)
    with pytest.raises(gt.ParameterError, match="nope"):
        _game().arrays(nope=1)


def test_shape_mismatch_is_refused():
    u = np.zeros((2, 2), dtype=object)
    with pytest.raises(gt.PayoffError, match="shape"):
        NPlayerGame((u, u), (), ("A", "B"), (("x", "y"), ("x",)), "bad", "bad")


def test_equilibria_and_logit_reach_the_solvers():
    g = gt.models.volunteers_dilemma_n(3)
    sol = g.equilibria()
    assert len(sol.equilibria) == 7
    path = g.logit()
    # the logit branch of the symmetric game ends at the symmetric mixed equilibrium
    assert path.converged
    assert all(abs(float(x[1]) - 0.5) < 1e-6 for x in path.profile)


def test_probabilities():
    prof = [(F(1, 2), F(1, 2)), (F(1, 4), F(3, 4)), (F(1), F(0))]
    assert probability_all(prof, 0) == F(1, 8)
    assert profile_probability(prof, [(0, 0, 0), (1, 1, 0)]) == F(1, 8) + F(3, 8)
    assert exact_value(sympy.Rational(2, 3)) == F(2, 3)
    with pytest.raises(gt.PayoffError):
        exact_value(symbol("gain"))


def test_at_gives_the_n_player_normal_form_with_its_equilibria():
    """The model's game at a point is an n-player NormalFormGame; its pure equilibria
    through the facade are the array solver's, with the model's labels."""
    import gametheory as gt

    model = gt.models.volunteers_dilemma_n(3)
    game = model.at()
    assert game.n_players == 3 and game.players == model.players
    pure = {e.pure_labels() for e in game.equilibria(method="pure")}
    assert pure == {model.labels(p) for p in model.pure_equilibria()}
    assert len(pure) == 3  # one volunteer, the others wait
