r"""pygambit's n-player equilibrium algorithms as optional methods (``pip install .[gambit]``).

Gambit (McKelvey, McLennan and Turocy, *Gambit: Software Tools for Game Theory*) solves
games of any number of players with

- ``"gnm"``: the global Newton method of Govindan and Wilson (2003, *Journal of Economic
  Theory* 110), a homotopy from a perturbed game (some equilibria, floats);
- ``"ipa"``: iterated polymatrix approximation (Govindan and Wilson 2004, *Games and
  Economic Behavior* 48) (one equilibrium, floats);
- ``"simpdiv"``: simplicial subdivision (van der Laan, Talman and van der Heyden 1987,
  *Mathematics of Operations Research* 12), an approximate equilibrium on a refined grid;
- ``"enumpoly"``: support enumeration solving each support's polynomial system
  numerically (floats; may repeat equilibria and miss some on degenerate games, which is
  why the toolkit's own ``"exact"`` method exists).

Each function here takes the n payoff arrays, builds a pygambit table, calls the solver and
returns plain probability tuples (floats). It does *not* trust them: the solve facade
(:mod:`gametheory.solve.facade`) checks every profile's regret against a stated tolerance,
merges duplicates and sorts, as for every inexact method. When pygambit is not installed
each raises :class:`~gametheory.SolverError` saying how to install it.

Examples
--------
>>> import numpy as np
>>> A = np.array([[1, -1], [-1, 1]])
>>> profiles = gambit_profiles([A, -A], "gnm")   # doctest: +SKIP
>>> [[round(p, 6) for p in x] for x in profiles[0]]  # doctest: +SKIP
[[0.5, 0.5], [0.5, 0.5]]
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from functools import partial
from typing import Any

import numpy as np

from ..errors import PayoffError, SolverError

__all__ = ["gambit_profiles", "GAMBIT_METHODS", "gambit_available", "gambit_game"]

#: The pygambit solvers offered as ``method=`` names.
GAMBIT_METHODS = ("gnm", "ipa", "simpdiv", "enumpoly")


def gambit_available() -> bool:
    """Whether pygambit can be imported."""
    try:
        import pygambit  # noqa: F401
    except ImportError:
        return False
    return True


def _pygambit() -> Any:
    try:
        import pygambit
    except ImportError:
        raise SolverError("this method runs pygambit, which is not installed; install it with "
                          "pip install 'gametheory[gambit]' (or pip install pygambit), or use "
                          "method='exact', 'pure' or 'logit'") from None
    return pygambit


def gambit_game(payoffs: Sequence[np.ndarray]) -> Any:
    """A pygambit table game with these payoffs (exact rationals when they are exact).

    >>> gg = gambit_game([np.array([[1, 0]]), np.array([[0, 1]])])  # doctest: +SKIP
    >>> [len(p.strategies) for p in gg.players]  # doctest: +SKIP
    [1, 2]
    """
    gbt = _pygambit()
    shapes = {np.shape(u) for u in payoffs}
    if len(payoffs) < 2 or len(shapes) != 1 or len(next(iter(shapes))) != len(payoffs):
        raise PayoffError("pygambit needs n payoff arrays of one n-dimensional shape")
    arrays = []
    for u in payoffs:
        a = np.asarray(u)
        if a.dtype == object:
            a = np.vectorize(lambda v: Fraction(v), otypes=[object])(a)
        arrays.append(a)
    return gbt.Game.from_arrays(*arrays)


def _solve(gbt: Any, game: Any, method: str) -> Any:
    nash = gbt.nash
    if method == "gnm":
        return nash.gnm_solve(game)
    if method == "ipa":
        return nash.ipa_solve(game)
    if method == "simpdiv":
        return nash.simpdiv_solve(game.mixed_strategy_profile(rational=True))
    return nash.enumpoly_solve(game, use_strategic=True)


def gambit_profiles(payoffs: Sequence[np.ndarray], method: str
                    ) -> list[tuple[tuple[float, ...], ...]]:
    """The profiles pygambit's ``method`` returns, as tuples of float probabilities.

    Unchecked (the facade verifies them); :class:`SolverError` when pygambit is missing or
    the method is unknown.
    """
    if method not in GAMBIT_METHODS:
        raise SolverError(f"unknown pygambit method {method!r}; choose one of "
                          f"{', '.join(GAMBIT_METHODS)}")
    gbt = _pygambit()
    game = gambit_game(payoffs)
    try:
        result = _solve(gbt, game, method)
    except (RuntimeError, ValueError) as err:
        raise SolverError(f"pygambit's {method} failed: {err}") from None
    out = []
    for eq in result.equilibria:
        out.append(tuple(tuple(float(eq[s]) for s in player.strategies)
                         for player in game.players))
    return out


#: The four solvers as functions of the payoff arrays, for the method registry.
gnm_profiles = partial(gambit_profiles, method="gnm")
ipa_profiles = partial(gambit_profiles, method="ipa")
simpdiv_profiles = partial(gambit_profiles, method="simpdiv")
enumpoly_profiles = partial(gambit_profiles, method="enumpoly")
