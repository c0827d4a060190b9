"""Tests of Monte Carlo, selection policies, local sensitivity, Sobol and Morris indices.

Analytic Sobol indices (derivation). In docs/model.md's sequential game at the defaults
(pi h = 3/2, e_I W_D = 1, r_I = 1/2) the Defender under-reacts iff r_U <= c_I, and probing
pays iff v > c_p = 1. With v ~ U(0, 2), r_U ~ U(1, 2), c_I ~ U(1, 2) independent, the
indicator of "tolerated probing" is Y = Y1 Y2 with Y1 = 1{v > 1}, Y2 = 1{r_U <= c_I},
P(Y1) = P(Y2) = 1/2 independent, so Var Y = (1/4)(3/4) = 3/16 and

* v: E[Y | v] = Y1 / 2, Var = 1/16, S1 = 1/3; E[Y | r_U, c_I] = Y2 / 2, so
  ST = 1 - (1/16)/(3/16) = 2/3;
* c_I: E[Y | c_I] = (c_I - 1)/2, Var = 1/48, S1 = 1/9; E[Y | v, r_U] = Y1 (2 - r_U) with
  Var = 1/6 - 1/16 = 5/48, ST = 1 - 5/9 = 4/9; r_U likewise by symmetry.

Wilson intervals are checked against Newcombe (1998), "Two-sided confidence intervals for
the single proportion", Statistics in Medicine 17, Table II (81/263: 0.2553-0.3662;
15/148: 0.0624-0.1605; 0/20: 0-0.1611).
"""

import numpy as np
import pandas as pd
import pytest

import gametheory as gt
from gametheory._numbers import round_decimal
from gametheory.analysis.sensitivity.uncertainty import select_equilibria, wilson_interval

models = pytest.importorskip("gametheory.models.probe_response")

DISTS = {"probe_value": gt.uniform(0, 2), "credibility_loss": gt.uniform(1, 2),
         "intercept_cost": gt.uniform(1, 2)}


def test_sobol_indices_of_tolerated_probing_match_analytic_values():
    nf = models.sequential_normal_form()
    s = gt.sobol_indices(nf, DISTS, "regime:tolerated probing", n=4096, seed=1)
    s = s.set_index("parameter")
    expected = pd.DataFrame({"S1": [1 / 3, 1 / 9, 1 / 9], "ST": [2 / 3, 4 / 9, 4 / 9]},
                            index=["probe_value", "credibility_loss", "intercept_cost"])
    np.testing.assert_allclose(s.loc[expected.index, ["S1", "ST"]], expected, atol=0.05)


def test_monte_carlo_regime_probability_and_wilson_interval():
    nf = models.sequential_normal_form()
    mc = gt.monte_carlo(nf, DISTS, n=4000, seed=5, progress=False, confidence=0.99)
    rp = mc.regime_probabilities.set_index("regime")
    assert rp["probability"].sum() == pytest.approx(1.0)
    tol = rp.loc["tolerated probing"]
    assert tol["ci_low"] <= 0.25 <= tol["ci_high"]  # analytic P = 1/2 * 1/2
    # v <= 1 gives "no incentive to probe" whatever the Defender's reply (interception
    # gives at most A_I = v/4 + c_I/4 - 3/2 < 0 here): P = 1/2
    assert rp.loc["no incentive to probe", "ci_low"] <= 0.5 <= rp.loc[
        "no incentive to probe", "ci_high"]
    # the same seed gives the same samples; another seed does not
    again = gt.monte_carlo(nf, DISTS, n=4000, seed=5, progress=False)
    pd.testing.assert_frame_equal(mc.samples, again.samples)
    other = gt.monte_carlo(nf, DISTS, n=4000, seed=6, progress=False)
    assert not mc.samples.equals(other.samples)
    assert "<table" in mc._repr_html_() and "tolerated probing" in mc.to_markdown()


def test_wilson_interval_matches_newcombe():
    lo, hi = wilson_interval([81, 15, 0], [263, 148, 20][0])  # same n for the vector call
    assert round(float(lo[0]), 4) == 0.2553 and round(float(hi[0]), 4) == 0.3662
    lo, hi = wilson_interval(15, 148)
    assert (round(float(lo), 4), round(float(hi), 4)) == (0.0624, 0.1605)
    lo, hi = wilson_interval(0, 20)
    assert (float(lo), round(float(hi), 4)) == (0.0, 0.1611)


@pytest.mark.parametrize("dist, low, high, mean", [
    (gt.uniform(1, 3), 1, 3, 2.0),
    (gt.triangular(0, 1, 4), 0, 4, 5 / 3),
    (gt.beta(2, 6, 0, 1), 0, 1, 0.25),
    (gt.truncated_normal(1, 2, low=0, high=3), 0, 3, None),
    (gt.normal(5, 1), -np.inf, np.inf, 5.0),
])
def test_distributions_sampled_by_inverse_transform(dist, low, high, mean):
    p = gt.ParametricGame([["x", 0], [0, 1]], [[1, 0], [0, 1]], ["x"])
    mc = gt.monte_carlo(p, {"x": dist}, n=3000, seed=2, progress=False)
    x = mc.samples["x"].to_numpy()
    assert x.min() >= low and x.max() <= high
    m = float(dist.mean()) if mean is None else mean
    assert abs(x.mean() - m) < 4 * float(dist.std()) / np.sqrt(len(x))


def test_selection_policies():
    # stag hunt: payoff dominance picks (Stag, Stag), risk dominance (Hare, Hare)
    stag = gt.ParametricGame([[4, 0], [3, 3]], [[4, 3], [0, 3]], ["x"],
                             players=("A", "D"), strategies=(("Stag", "Hare"),) * 2)
    r = gt.evaluate_points(stag, {"x": [0.0, 1.0]}, progress=False)
    AB = stag.lambdify()(x=np.array([0.0, 1.0]))
    assert select_equilibria(r, "all").shape[0] == 6
    assert select_equilibria(r, "payoff-dominant")["support"].tolist() == ["Stag / Stag"] * 2
    assert select_equilibria(r, "risk-dominant", payoffs=AB)["support"].tolist() == \
        ["Hare / Hare"] * 2
    worst = select_equilibria(r, "worst-for-defender")
    # the mixed equilibrium gives D 3 = Hare's sure payoff; Hare/Hare gives 3 as well: the
    # first in the exact solver's order among the minima (payoffs: 4, 3, 3)
    assert worst["payoff: D"].tolist() == [3.0, 3.0]
    with pytest.raises(gt.GameError, match="unknown selection"):
        select_equilibria(r, "best")


def test_local_sensitivity_elasticities_and_tornado():
    nf = models.sequential_normal_form()
    at = {"credibility_loss": "3/4", "probe_value": 3}
    t = gt.local_sensitivity(nf, "payoff: Defender", at=at,
                             parameters=["credibility_loss", "probe_damage", "cohesion"],
                             selection="worst-for-defender").set_index("parameter")
    # worst for the Defender: it is probed and under-reacts, D_U = -h - r_U
    d_u = -2 - 0.75
    assert t.loc["credibility_loss", "output"] == pytest.approx(d_u)
    assert t.loc["credibility_loss", "derivative"] == pytest.approx(-1, abs=1e-6)
    assert t.loc["credibility_loss", "elasticity"] == pytest.approx(-0.75 / d_u, abs=1e-6)
    assert t.loc["probe_damage", "derivative"] == pytest.approx(-1, abs=1e-6)
    assert t.loc["cohesion", "derivative"] == pytest.approx(0, abs=1e-9)
    assert t["swing"].is_monotonic_decreasing


def test_morris_on_a_linear_output():
    nf = models.sequential_normal_form()
    dists = {"probe_value": gt.uniform(2, 4), "credibility_loss": gt.uniform(0.6, 0.9)}
    # the Defender under-reacts (r_U <= c_I = 1) and probing pays: the Aggressor's payoff
    # in the equilibrium worst for the Defender is v - c_p, so its elementary effect per
    # unit-cube step is the range of v (2) and r_U has none
    m = gt.morris(nf, dists, "payoff: Aggressor", trajectories=20, seed=3,
                  selection="worst-for-defender").set_index("parameter")
    assert m.loc["probe_value", "mu_star"] == pytest.approx(2.0, rel=1e-6)
    assert m.loc["probe_value", "sigma"] == pytest.approx(0.0, abs=1e-6)
    assert m.loc["credibility_loss", "mu_star"] == pytest.approx(0.0, abs=1e-9)


def test_bad_arguments():
    nf = models.sequential_normal_form()
    with pytest.raises(gt.ParameterError, match="scipy.stats"):
        gt.monte_carlo(nf, {"probe_value": (0, 1)}, n=10, progress=False)
    with pytest.raises(gt.GameError, match="unknown output"):
        gt.sobol_indices(nf, DISTS, "nonsense", n=8)
    with pytest.raises(gt.ParameterError):
        gt.uniform(2, 1)


def test_distribution_helpers_accept_exact_numbers_and_refuse_nonsense():
    from fractions import Fraction

    import gametheory as gt

    d = gt.uniform(Fraction(1, 2), 8)
    assert float(d.ppf(0.0)) == 0.5 and float(d.ppf(1.0)) == 8.0
    assert float(gt.triangular("0", "1/2", 1).mean()) == pytest.approx(0.5)
    assert float(gt.truncated_normal(Fraction(1), Fraction(1, 2), 0).ppf(0.0)) == 0.0
    assert float(gt.beta(2, 2, Fraction(1, 4), 1).ppf(0.0)) == 0.25
    for bad in (lambda: gt.uniform("x", 1), lambda: gt.normal(0, float("nan")),
                lambda: gt.uniform(0, float("inf"))):
        with pytest.raises(gt.ParameterError):
            bad()


def test_one_at_a_time_moves_each_parameter_alone():
    # f = a * b + c: moving a by -+50 % moves f by -+ b/2; c's span given explicitly
    calls = []

    def f(a, b, c):
        calls.append((a, b, c))
        return a * b + c

    d = gt.one_at_a_time(f, {"a": 1.0, "b": 4.0, "c": 0.0}, spans={"c": (-1.0, 1.0)},
                         rel=0.5)
    rows = d.set_index("parameter")
    assert rows.loc["a", ["low", "high"]].tolist() == [0.5, 1.5]
    assert rows.loc["a", ["output_low", "output_high"]].tolist() == [2.0, 6.0]
    assert rows.loc["b", ["output_low", "output_high"]].tolist() == [2.0, 6.0]
    assert rows.loc["c", ["output_low", "output_high"]].tolist() == [3.0, 5.0]
    assert (d["base_output"] == 4.0).all()
    assert list(d["swing"]) == sorted(d["swing"], reverse=True)
    # every call but the base one moves exactly one parameter away from its base value
    base = (1.0, 4.0, 0.0)
    assert len(calls) == 7
    assert all(sum(v != b for v, b in zip(call, base, strict=True)) == 1 for call in calls[1:])

def test_monte_carlo_markdown_is_the_report_layer_table():
    nf = models.sequential_normal_form()
    mc = gt.monte_carlo(nf, DISTS, n=400, seed=2, progress=False)
    lines = mc.to_markdown(digits=3).splitlines()
    assert lines[:2] == ["| regime | count | probability | CI low | CI high |",
                         "|---|---|---|---|---|"]
    t = mc.regime_probabilities
    assert len(lines) == 2 + len(t)
    for line, r in zip(lines[2:], t.itertuples(index=False), strict=True):
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[0].replace("\\", "") == r.regime and int(cells[1]) == r.count
        assert cells[2] == round_decimal(r.probability, 3)  # half up: 0.4875 -> 0.488
        assert abs(float(cells[2]) - r.probability) <= 5e-4 + 1e-12
        assert float(cells[3]) <= float(cells[2]) <= float(cells[4])
