"""Exact n-player support enumeration, checked by exact regret and against pygambit's
``enumpoly_solve`` where it is installed."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
import sympy

from gametheory.errors import SolverError
from gametheory.solve.nplayer_support import support_enumeration_n


def _regret_is_zero(payoffs, profile):
    n = len(payoffs)
    shape = payoffs[0].shape
    for i in range(n):
        def value(strategy, i=i):
            total = sympy.Integer(0)
            for s in itertools.product(*(range(k) for k in shape)):
                if s[i] != strategy:
                    continue
                w = sympy.Integer(1)
                for j in range(n):
                    if j != i:
                        p = profile[j][s[j]]
                        w *= sympy.Rational(p.numerator, p.denominator) if isinstance(
                            p, Fraction) else p
                total += w * int(payoffs[i][s])
            return sympy.nsimplify(sympy.expand(total))
        vals = [value(t) for t in range(shape[i])]
        best = max(vals, key=lambda v: float(v))
        played = [t for t in range(shape[i]) if profile[i][t] != 0]
        if any(sympy.simplify(best - vals[t]) != 0 for t in played):
            return False
    return True


def jordan():
    U1, U2, U3 = (np.zeros((2, 2, 2), dtype=int) for _ in range(3))
    for a, b, c in itertools.product(range(2), repeat=3):
        U1[a, b, c], U2[a, b, c], U3[a, b, c] = int(a == b), int(b == c), int(c != a)
    return [U1, U2, U3]


def test_jordan_cycle_has_only_the_uniform_equilibrium():
    sol = support_enumeration_n(jordan())
    half = (Fraction(1, 2), Fraction(1, 2))
    assert [e.profile for e in sol.equilibria] == [(half, half, half)]
    assert sol.continua == ()


def test_isolated_points_inside_a_degenerate_support_are_found_once():
    # player 1 wants to match both others; 2 and 3 want to match player 1
    U, V, W = (np.zeros((2, 2, 2), dtype=int) for _ in range(3))
    for a, b, c in itertools.product(range(2), repeat=3):
        U[a, b, c], V[a, b, c], W[a, b, c] = (a == b) + (a == c), int(b == a), int(c == a)
    sol = support_enumeration_n([U, V, W])
    half = (Fraction(1, 2), Fraction(1, 2))
    one, two = (Fraction(1), Fraction(0)), (Fraction(0), Fraction(1))
    profiles = [e.profile for e in sol.equilibria]
    assert len(profiles) == len(set(profiles))
    assert {(one, one, one), (two, two, two), (half, one, two), (half, two, one)} <= set(profiles)
    # x1 = 1/2 with q + r = 1 is a continuum: its support profile is reported, not listed
    assert ((0, 1), (0, 1), (0, 1)) in sol.continua
    for e in sol.equilibria:
        assert _regret_is_zero([U, V, W], e.profile)


def test_support_enumeration_refuses_large_games():
    with pytest.raises(SolverError, match="support profiles"):
        support_enumeration_n([np.zeros((6, 6, 6))] * 3, max_supports=1000)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3))
def test_random_2x2x2_games_against_pygambit(seed):
    gbt = pytest.importorskip("pygambit")
    rng = np.random.default_rng(100 + seed)
    payoffs = [rng.integers(-5, 6, size=(2, 2, 2)) for _ in range(3)]
    sol = support_enumeration_n(payoffs)
    for e in sol.equilibria:
        assert _regret_is_zero(payoffs, e.profile)
    game = gbt.Game.from_arrays(*[p.astype(object) for p in payoffs])
    theirs = {tuple(round(float(eq[s]), 9) for p in game.players for s in p.strategies)
              for eq in gbt.nash.enumpoly_solve(game).equilibria}
    mine = {tuple(round(float(v), 9) for x in e.profile for v in x) for e in sol.equilibria}
    assert theirs <= mine


# ---------------------------------------------------------------------- Gambit's games
def _gambit_case(name):
    import json
    import warnings

    from support import DATA

    import gametheory as gt

    folder = DATA / "gambit-nplayer"
    expected = json.loads((folder / "expected.json").read_text())["games"][name]
    g = gt.read_nfg(folder / f"{name}.nfg")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        eqs = g.equilibria()
    return g, eqs, expected, caught


@pytest.mark.parametrize("name, count", [("2x2x2", 9), ("g1", 1), ("nau2004_sec4", 1),
                                         ("local_max_cut", 3), ("nau2004_sec5", 5)])
def test_every_equilibrium_enumpoly_finds_is_found_once_exactly(name, count):
    """Gambit's n-player sample games: our exact set contains every profile pygambit's
    enumpoly_solve finds (vendored in expected.json, pygambit 16.7), with no repeats."""
    g, eqs, expected, caught = _gambit_case(name)
    assert len(eqs) == count
    for e in eqs:   # exact regret zero (algebraic coordinates checked in the solver)
        if e.is_exact:
            assert g.is_equilibrium(e)
        assert all(float(sum(x)) == pytest.approx(1.0) for x in e.profile)
    flat = [np.array([float(p) for x in e.profile for p in x]) for e in eqs]
    assert len({tuple(np.round(f, 9)) for f in flat}) == len(flat)       # no duplicates
    for prof in expected["enumpoly"]:
        target = np.concatenate(prof)
        assert sum(np.allclose(f, target, atol=1e-4) for f in flat) == 1, prof
    pure = sorted([list(s[0] for s in e.support) for e in eqs if e.is_pure])
    assert pure == expected["pure"]
    # the continuum of completely mixed equilibria (Nau et al. 2004, sec. 5) is reported
    assert bool(caught) == (name in ("nau2004_sec5", "local_max_cut"))


def test_the_irrational_equilibrium_of_nau_et_al_is_algebraic():
    """Nau, Gomez Canovas and Hansen (2004, IJGT 32, sec. 4): a unique equilibrium, in
    irrational probabilities; ours is an exact algebraic number."""
    g, eqs, expected, _ = _gambit_case("nau2004_sec4")
    [e] = eqs
    assert not e.is_exact
    p = e.profile[0][0]
    assert isinstance(p, sympy.Expr) and not p.is_Rational
    assert float(p) == pytest.approx(expected["enumpoly"][0][0][0], abs=1e-6)


@pytest.mark.slow
def test_four_player_game_against_enumpoly():
    g, eqs, expected, _ = _gambit_case("2x2x2x2")
    assert len(eqs) == 3
    flat = [np.array([float(p) for x in e.profile for p in x]) for e in eqs]
    for prof in expected["enumpoly"]:
        assert any(np.allclose(f, np.concatenate(prof), atol=1e-4) for f in flat)


def test_too_large_games_name_the_limit_and_other_methods():
    import gametheory as gt

    g = gt.NormalFormGame(*(np.zeros((6, 6, 6), dtype=int),) * 3)
    with pytest.raises(SolverError, match=r"250,047 support profiles.*at most 20,000.*"
                                          r"method='pure'.*'logit'"):
        g.equilibria()
    with pytest.raises(SolverError, match="continuum"):
        U = np.zeros((2, 2, 2), dtype=int)
        gt.NormalFormGame(U, U, U).equilibria(on_continuum="raise")
