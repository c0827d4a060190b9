"""Folk-theorem region: minmax values (pure and mixed), feasible and individually rational
payoffs, against hand computations and, when installed, QuantEcon's repeated-game solver.

Hand computations:
* prisoner's dilemma (T, R, P, S) = (5, 3, 1, 0): minmax (P, P) = (1, 1); the feasible
  set's edge from (5, 0) to (3, 3) meets u2 = 1 at u1 = 13/3, so the individually rational
  set is the quadrilateral (1, 1), (13/3, 1), (3, 3), (1, 13/3) of area 20/3 (shoelace);
* matching pennies: pure minmax 1, mixed minmax 0 at the punisher's (1/2, 1/2);
* row payoffs [[3, 0], [0, 1]]: pure minmax min(3, 1) = 1; mixed: 3y = 1 - y gives
  y = 1/4 and value 3/4;
* rock-paper-scissors: pure minmax 1, mixed 0.
"""

from __future__ import annotations

from fractions import Fraction as F

import matplotlib
import numpy as np
import pytest

import gametheory as gt
from gametheory.analysis.repeated.folk import (
    feasible_set,
    folk_region,
    minmax,
    mixed_minmax,
    pure_minmax,
)

matplotlib.use("Agg")
S = gt.strategies


@pytest.fixture
def pd():
    return gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                             strategies=(("C", "D"), ("C", "D")), title="PD")


def test_minmax_hand_values(pd):
    assert pure_minmax(pd, 0).value == 1 and pure_minmax(pd, 1).value == 1
    assert pure_minmax(pd, 0).punishment == "D"
    mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    assert pure_minmax(mp, 0).value == 1
    m = mixed_minmax(mp, 0)
    assert m.value == 0 and m.punishment == (F(1, 2), F(1, 2))
    g = gt.NormalFormGame([[3, 0], [0, 1]], [[0, 0], [0, 0]])
    assert pure_minmax(g, 0).value == 1
    m = mixed_minmax(g, 0)
    assert m.value == F(3, 4) and m.punishment == (F(1, 4), F(3, 4))
    assert m.lp_value == pytest.approx(0.75, abs=1e-9)
    rps = gt.NormalFormGame([[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
                            [[0, 1, -1], [-1, 0, 1], [1, -1, 0]])
    assert pure_minmax(rps, 1).value == 1 and mixed_minmax(rps, 1).value == 0
    assert minmax(rps, 0, mixed=False).value == 1


def test_mixed_minmax_float_game_uses_lp():
    g = gt.NormalFormGame([[3.0, 0.0], [0.0, 1.0]], [[0.0, 0.0], [0.0, 0.0]])
    m = mixed_minmax(g, 0)
    assert isinstance(m.value, float) and m.value == pytest.approx(0.75)
    assert m.punishment == pytest.approx((0.25, 0.75))


def test_mixed_minmax_never_exceeds_pure():
    rng = np.random.default_rng(5)
    for _ in range(15):
        A = rng.integers(-4, 5, (3, 4)).tolist()
        B = rng.integers(-4, 5, (3, 4)).tolist()
        g = gt.NormalFormGame(A, B)
        for p in (0, 1):
            mixed, pure = mixed_minmax(g, p), pure_minmax(g, p)
            assert mixed.value <= pure.value
            assert float(mixed.value) == pytest.approx(mixed.lp_value, abs=1e-7)


def test_feasible_and_individually_rational_sets(pd):
    assert set(feasible_set(pd)) == {(0, 5), (1, 1), (5, 0), (3, 3)}
    r = folk_region(pd)
    assert r.individually_rational == [(1, 1), (F(13, 3), 1), (3, 3), (1, F(13, 3))]
    assert r.area == F(20, 3)
    assert r.contains((3, 3)) and r.contains((2, 2), strict=True)
    assert not r.contains((F(1, 2), 4)) and not r.contains((3, 3), strict=True)
    # pure minmax can only shrink the region
    assert folk_region(pd, mixed=False).area == r.area


def test_profiles_marked(pd):
    rg = gt.RepeatedGame(pd)
    profs = {"grim": (S.grim_trigger(pd, 0), S.grim_trigger(pd, 1)),
             "ALLD": (S.always(pd, 0, "D"), S.always(pd, 1, "D")),
             "ALLD vs TFT": (S.always(pd, 0, "D"), S.tit_for_tat(pd, 1))}
    r = folk_region(pd, repeated=rg, profiles=profs, discount="9/10")
    assert r.points["grim"] == (3, 3)
    assert r.points["ALLD vs TFT"] == (F(1, 10) * 5 + F(9, 10), F(9, 10))
    # drawing is the report layer's (gametheory.report.figures.folk_region)
    assert not hasattr(r, "plot")
    with pytest.raises(gt.GameError, match="repeated="):
        folk_region(pd, profiles=profs)


@pytest.mark.slow  # QuantEcon compiles its solver with numba on first use (~20 s)
def test_quantecon_equilibrium_payoffs_cross_check(pd):
    qe = pytest.importorskip("quantecon")
    A, B = pd.as_float()
    bimatrix = np.stack([A, B], axis=-1)
    rpg = qe.game_theory.RepeatedGame(qe.game_theory.NormalFormGame(bimatrix), 0.75)
    hull = rpg.equilibrium_payoffs()
    pts = hull.points[hull.vertices]
    region = folk_region(pd, mixed=False)
    v = [float(x) for x in region.minmax]
    # every pure-strategy SPE payoff is feasible and individually rational ...
    for x, y in pts:
        assert x >= v[0] - 1e-6 and y >= v[1] - 1e-6
        assert region.contains((F(x).limit_denominator(10 ** 6),
                                F(y).limit_denominator(10 ** 6))) or \
            min(abs(x - v[0]), abs(y - v[1])) < 1e-6
    # ... and grim trigger's (3, 3), an SPE payoff at 0.75 >= 1/2, and (P, P) are in it
    rg = gt.RepeatedGame(pd)
    grim = (S.grim_trigger(pd, 0), S.grim_trigger(pd, 1))
    assert rg.is_subgame_perfect(grim, 0.75)
    u = [float(x) for x in rg.payoffs(grim, 0.75)]
    assert any(np.allclose(p, u, atol=1e-6) for p in pts)
    assert any(np.allclose(p, v, atol=1e-6) for p in pts)
