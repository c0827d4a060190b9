"""Noisy automaton play: reproducibility, the noiseless limit, and the collapse of grim
trigger under misperception while forgiving strategies recover (Axelrod 1984, ch. 9;
Bendor, Kramer and Stout 1991)."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

import gametheory as gt
from gametheory.analysis.repeated.noise import compare_under_noise, simulate

S = gt.strategies


@pytest.fixture
def pd():
    return gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                             strategies=(("C", "D"), ("C", "D")))


def pair(fn, g, **kw):
    return fn(g, 0, **kw), fn(g, 1, **kw)


def test_reproducible_with_seed(pd):
    rg = gt.RepeatedGame(pd)
    prof = pair(S.tit_for_tat, pd)
    r1 = simulate(rg, prof, rounds=50, runs=300, perception_error=0.1, seed=42)
    r2 = simulate(rg, prof, rounds=50, runs=300, perception_error=0.1, seed=42)
    r3 = simulate(rg, prof, rounds=50, runs=300, perception_error=0.1, seed=43)
    assert np.array_equal(r1.payoffs, r2.payoffs)
    assert not np.array_equal(r1.payoffs, r3.payoffs)


def test_noiseless_limit_matches_truncated_discounting(pd):
    rg = gt.RepeatedGame(pd)
    prof = (S.always(pd, 0, "D"), S.tit_for_tat(pd, 1))
    delta, T = F(9, 10), 40
    r = simulate(rg, prof, discount=delta, rounds=T, runs=5, perception_error=0, seed=0)
    # independent: (1 - d)/(1 - d^T) * sum_t d^t u_t along the path (T, then P forever)
    path_u = [5] + [1] * (T - 1)
    want = (1 - delta) / (1 - delta ** T) * sum(delta ** t * u for t, u in enumerate(path_u))
    assert np.allclose(r.payoffs[:, 0], float(want))
    assert r.ci_low[0] == pytest.approx(r.ci_high[0])


def test_execution_error_expected_payoff(pd):
    rg = gt.RepeatedGame(pd)
    e = 0.1
    r = simulate(rg, pair(S.always, pd, action="D"), discount=0, rounds=1, runs=20000,
                 perception_error=0, execution_error=e, seed=7)
    # each player's D flips to C w.p. e: (1-e)^2 P + (1-e) e T + e (1-e) S + e^2 R
    want = (1 - e) ** 2 * 1 + (1 - e) * e * 5 + e * (1 - e) * 0 + e ** 2 * 3
    assert r.ci_low[0] - 0.02 <= want <= r.ci_high[0] + 0.02


def test_grim_collapses_forgiving_survives(pd):
    rg = gt.RepeatedGame(pd)
    opts = dict(discount="99/100", rounds=300, runs=600, perception_error=0.05, seed=11)
    grim = simulate(rg, pair(S.grim_trigger, pd), **opts)
    forgive = simulate(rg, pair(S.punish_then_forgive, pd, periods=1), **opts)
    assert grim.ci_high[0] < forgive.ci_low[0]
    assert grim.mean[0] < 1.5 < 2.5 < forgive.mean[0]
    # by the end, grim pairs are locked in mutual punishment; forgiving pairs cooperate
    assert grim.cooperation[-1] < 0.05 and forgive.cooperation[-1] > 0.3
    table = compare_under_noise(rg, {"grim": pair(S.grim_trigger, pd)}, errors=(0, 0.05),
                                rounds=100, runs=100)
    assert table.loc[0, "mean: Row"] == pytest.approx(3.0) and table.loc[1, "mean: Row"] < 3.0


def test_misread_and_validation(pd):
    rg = gt.RepeatedGame(pd)
    prof = pair(S.grim_trigger, pd)
    # misreading C as C (identity) is no noise at all
    r = simulate(rg, prof, rounds=30, runs=10, perception_error=1, seed=0,
                 misread={"C": "C", "D": "D"})
    assert r.mean == pytest.approx((3.0, 3.0))
    with pytest.raises(gt.LabelError, match="misread"):
        simulate(rg, prof, misread={"C": "X"})
    with pytest.raises(gt.ParameterError, match="probability"):
        simulate(rg, prof, perception_error=2)


# ------------------------------------------------------------------ exact values under noise
from gametheory.analysis.repeated import noise as noise_mod  # noqa: E402
from gametheory.analysis.repeated.noise import noisy_values, perception_kernel  # noqa: E402


def test_exact_values_by_hand(pd):
    """Row always cooperates; column's grim trigger misreads C as D w.p. e and then
    punishes forever: V_col = ((1-d) 3 + 5 d e) / (1 - d (1-e)), V_row = (1-d) 3 / (...)."""
    rg = gt.RepeatedGame(pd)
    prof = (S.always(pd, 0, "C"), S.grim_trigger(pd, 1))
    for e, d in ((F(1, 10), F(9, 10)), (F(1, 3), F(1, 2)), (F(0), F(3, 4))):
        res = noisy_values(rg, prof, perception_kernel(rg, e), d)
        den = 1 - d * (1 - e)
        assert res.values == ((1 - d) * 3 / den, ((1 - d) * 3 + 5 * d * e) / den)
        assert all(isinstance(v, F) for v in res.values)
    floats = noisy_values(rg, prof, perception_kernel(rg, 0.1), 0.9).values
    assert isinstance(floats[0], float)
    assert floats[0] == pytest.approx(float(F(3, 10) / F(19, 100)), rel=1e-12)


def test_noiseless_kernel_gives_the_path_values(pd):
    rg = gt.RepeatedGame(pd)
    for prof in (pair(S.grim_trigger, pd), pair(S.tit_for_tat, pd),
                 (S.always(pd, 0, "D"), S.tit_for_tat(pd, 1))):
        res = noisy_values(rg, prof, perception_kernel(rg, 0), F(4, 5))
        assert res.values == rg.payoffs(prof, F(4, 5))


def test_exact_values_match_the_monte_carlo(pd):
    rg = gt.RepeatedGame(pd)
    prof = pair(S.tit_for_tat, pd)
    exact = noisy_values(rg, prof, perception_kernel(rg, "1/20", "1/50"), "9/10").values
    mc = simulate(rg, prof, discount="9/10", rounds=250, runs=4000, perception_error=0.05,
                  execution_error=0.02, seed=5)
    for p in (0, 1):
        assert mc.ci_low[p] - 1e-9 <= float(exact[p]) <= mc.ci_high[p] + 1e-9


def test_noisy_values_validation(pd, monkeypatch):
    rg = gt.RepeatedGame(pd)
    prof = pair(S.grim_trigger, pd)

    def leaky(i, j):
        return [(F(1, 2), (0, 0), (i, j), (i, j))]

    with pytest.raises(gt.ParameterError, match="sum to"):
        noisy_values(rg, prof, leaky)
    with pytest.raises(gt.ParameterError, match="probability"):
        perception_kernel(rg, 2)
    monkeypatch.setattr(noise_mod, "MAX_NOISY_STATES", 1)
    with pytest.raises(gt.SolverError, match="joint states"):
        noisy_values(rg, prof, perception_kernel(rg, "1/10"))
