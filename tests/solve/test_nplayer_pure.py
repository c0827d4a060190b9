"""Every pure equilibrium of an n-player game, checked against a cell-by-cell brute force."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest

from gametheory.errors import PayoffError
from gametheory.solve.nplayer_pure import integer_payoffs, pure_equilibria_n


def brute_pure(payoffs):
    shape = payoffs[0].shape
    out = []
    for s in itertools.product(*(range(k) for k in shape)):
        if all(payoffs[i][s] >= max(payoffs[i][s[:i] + (t,) + s[i + 1:]] for t in range(shape[i]))
               for i in range(len(shape))):
            out.append(s)
    return out


@pytest.mark.parametrize("shape", [(2, 2, 2), (3, 2, 4), (2, 2, 2, 2), (3, 3, 3), (2, 3, 2, 2, 2)])
@pytest.mark.parametrize("seed", range(4))
def test_pure_equilibria_match_brute_force_with_ties(shape, seed):
    rng = np.random.default_rng(seed)
    payoffs = [rng.integers(0, 3, size=shape) for _ in shape]  # small range: many ties
    assert pure_equilibria_n(payoffs) == brute_pure(payoffs)


def test_pure_equilibria_exact_fractions_and_floats():
    F = Fraction
    U = np.array([[F(1, 3), F(1, 3)], [F(1, 3) - F(1, 10**30), 0]], dtype=object)
    assert pure_equilibria_n([U, U.T.copy()]) == brute_pure([U, U.T.copy()])
    # a difference of 1e-30 is a real difference in exact arithmetic ...
    assert (1, 0) not in pure_equilibria_n([U, U.T.copy()])
    # ... and within tolerance for floats, when the caller says so
    Uf = U.astype(float)
    assert (1, 0) in pure_equilibria_n([Uf, Uf.T.copy()], tol=1e-12) or Uf[1, 0] == Uf[0, 0]


def test_pure_equilibria_refuse_bad_shapes():
    with pytest.raises(PayoffError, match="same shape"):
        pure_equilibria_n([np.zeros((2, 2)), np.zeros((2, 3))])
    with pytest.raises(PayoffError, match="3-dimensional"):
        pure_equilibria_n([np.zeros((2, 2))] * 3)
    with pytest.raises(PayoffError, match="tol"):
        pure_equilibria_n([np.zeros((2, 2)) + 0.5] * 2, tol=float("nan"))



def test_integer_payoffs_scale_exactly_and_fall_back_to_python_ints():
    F = Fraction
    u = np.array([[F(1, 2), F(-2, 3)], [F(5), F(0)]], dtype=object)
    ints = integer_payoffs(u)
    assert ints.tolist() == [[3, -4], [30, 0]] and ints.dtype == np.int64
    huge = integer_payoffs(np.array([[2**70, 1]], dtype=object))
    assert huge.dtype == object and huge.tolist() == [[2**70, 1]]


def test_pure_equilibria_of_gambits_games_are_gambits():
    """Every vendored Gambit n-player game: the same pure equilibria as pygambit's
    enumpure_solve (vendored in expected.json; recomputed when pygambit is installed)."""
    import json

    from support import DATA

    import gametheory as gt

    folder = DATA / "gambit-nplayer"
    expected = json.loads((folder / "expected.json").read_text())["games"]
    try:
        import pygambit as gbt
    except ImportError:
        gbt = None
    for name, entry in expected.items():
        g = gt.read_nfg(folder / f"{name}.nfg")
        ours = [list(cell) for cell in pure_equilibria_n(list(g.payoff_arrays))]
        assert ours == entry["pure"], name
        assert [list(s[0] for s in e.support) for e in g.equilibria(method="pure")] == ours
        if gbt is not None:
            gg = gbt.read_nfg(str(folder / f"{name}.nfg"))
            live = sorted([next(k for k, s in enumerate(p.strategies) if float(eq[s]) == 1)
                           for p in gg.players] for eq in gbt.nash.enumpure_solve(gg).equilibria)
            assert live == ours, name


def test_a_million_cells_is_fast():
    import time

    rng = np.random.default_rng(0)
    shape = (100, 100, 100)
    payoffs = [rng.integers(0, 1000, shape) for _ in range(3)]
    t0 = time.perf_counter()
    cells = pure_equilibria_n(payoffs)
    elapsed = time.perf_counter() - t0
    for cell in cells:
        for i, u in enumerate(payoffs):
            line = u[tuple(slice(None) if k == i else cell[k] for k in range(3))]
            assert u[cell] == line.max()
    assert elapsed < 5.0
