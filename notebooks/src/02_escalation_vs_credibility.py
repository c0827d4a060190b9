# %% [markdown]
# # 02 · Escalation versus credibility: a sensitivity analysis
#
# Notebook 01 solved the probe-versus-response game at one set of illustrative values.
# Nobody knows those values precisely: what would a war cost the alliance, how much
# credibility does an unanswered drone cost? The analyst's question is therefore how the
# equilibrium **moves** as escalation cost and credibility loss change, where it
# **flips**, and which assumptions **drive** the conclusion.
#
# This notebook
#
# 1. sweeps the model over a grid of escalation cost and credibility loss and draws the
#    regime map, with the exact threshold lines; then maps cohesion against the
#    credibility still lost after a mere interception, where the over-reaction horn
#    (retaliation) takes over;
# 2. computes those thresholds exactly and checks them against numeric bisection;
# 3. derives comparative statics of the posture game's mixed equilibrium;
# 4. runs a Monte Carlo over uncertain parameters, with confidence intervals;
# 5. computes global (Sobol) and screening (Morris) indices with SALib.
#
# Escalation cost enters through the Defender's war cost $W_D$: the expected escalation
# cost of intercepting is $e_I W_D$ (docs/model.md).
#
# *Sources.* Saltelli et al., *Global Sensitivity Analysis: The Primer* (2008);
# Herman and Usher (2017), "SALib", *JOSS* 2(9); Morris (1991), *Technometrics* 33.

# %%
from fractions import Fraction as F

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import sympy

import gametheory as gt
from gametheory.report import figures

pd.set_option("display.width", 120)
sequential = gt.models.sequential_normal_form()  # the 2x3 normal form with docs/model.md regime rules
posture = gt.models.probe_response("posture")

# %% [markdown]
# ## 1. A sweep over escalation cost and credibility loss
#
# `gt.sweep` solves every grid point with the batched solver: all extreme equilibria,
# with degenerate and near-tie points re-solved exactly. The sequential normal form is
# degenerate at *every* point (the Defender is indifferent when no probe comes), which is
# where a plain nashpy loop goes wrong.

# %%
grid = {"war_cost_defender": np.linspace(0, 300, 61),
        "credibility_loss": np.linspace(0, 12, 49)}
result = gt.sweep(sequential, grid, progress=False)
print(result)
result.frame.head()

# %% [markdown]
# The share of the grid in each regime (docs/model.md's regimes, from the model's symbolic
# regime rules). These are **shares of an assumed range** of parameter values (here a
# uniform grid over $W_D \in [0, 300]$, $r_U \in [0, 12]$), not probabilities that the
# world is in a regime: a wider or narrower range changes them.

# %%
regime_share = result.regimes()["regime"].value_counts(normalize=True).round(3)
print("; ".join(f"{name}: {share:.1%} of the assumed range" for name, share in
                regime_share.items()))
regime_share

# %% [markdown]
# The regime map, with the exact threshold lines derived from the symbolic model. Both
# horns of the dilemma appear: below $r_U = W_D/100$ the Defender under-reacts (probing is
# tolerated, the under-reaction horn); at a low war cost it retaliates (deterrence by
# punishment, the over-reaction horn); elsewhere interception deters.

# %%
ax = figures.regime_map(result, x="war_cost_defender", y="credibility_loss",
                        game=sequential,
                        title="Probe versus response: regimes")
plt.show()
from gametheory.models.probe_response import probe_response_payoffs  # noqa: E402

_P = probe_response_payoffs()
_fixed = {sequential.symbols[k]: v for k, v in sequential.defaults().items()
          if k != "war_cost_defender"}
(w_star,) = sympy.solve(sympy.Eq((_P["D_X"] - _P["D_I"]).xreplace(_fixed), 0),
                        sequential.symbols["war_cost_defender"])
punish = result.regimes().query("regime == 'deterrence by punishment'")
print(f"retaliation is the credible reply at war costs up to W_D = "
      f"{punish['war_cost_defender'].max():g} on this grid; exactly, it beats interception "
      f"iff W_D < {w_star} at the default cohesion")

# %% [markdown]
# ## 1b. The over-reaction horn: cohesion against residual credibility loss
#
# Retaliating beats intercepting iff $\theta\,(r_I - c_X - (e_X - e_I) W_D) > (1 -
# \theta)\,d$: the more credibility a merely proportionate response still loses ($r_I$),
# and the more cohesive the alliance ($\theta$), the more tempting retaliation. A failed
# consensus falls back to interception and costs the visible disunity $d$, which is why
# cohesion moves the boundary. Two maps over $(\theta, r_I)$ at a high credibility loss
# $r_U = 8$ (so that $r_I$ can range over $[0, 8]$): (a) the other parameters at the
# defaults, where retaliation deters (deterrence by punishment); (b) with a weaker
# retaliation ($s = 1$) and interception ($\pi = 1/2$), where a retaliating Defender still
# faces probes: **retaliation risking escalation** (its chance $e_X$ of war each time).

# %%
horn_axes = {"cohesion": (0, 1), "residual_credibility_loss": (0, 8)}
horn_points = {
    "(a) r_U = 8, other parameters at the defaults": {"credibility_loss": 8},
    "(b) r_U = 8, s = 1, pi = 1/2": {"credibility_loss": 8, "retaliation_damage": 1,
                                    "interception_prob": F(1, 2)},
}
for title, at in horn_points.items():
    figures.regime_map(sequential, axes=horn_axes, at=at, resolution=121, title=title)
    plt.show()

# %%
from gametheory.models.probe_response import regime  # noqa: E402

horn_rows = []
for title, at in horn_points.items():
    labels = [regime(cohesion=th, residual_credibility_loss=ri, **at)
              for th in [F(k, 40) for k in range(41)] for ri in [F(k, 5) for k in range(41)]]
    shares = pd.Series(labels).value_counts(normalize=True)
    horn_rows.append({"map": title, **{k: f"{v:.1%}" for k, v in shares.items()}})
print("exact regimes on a 41 x 41 grid of each map (shares of the assumed range):")
pd.DataFrame(horn_rows).set_index("map").fillna("-").T

# %% [markdown]
# ## 2. Exact thresholds
#
# Along the credibility-loss axis, at the default war cost, every value where the
# equilibrium structure changes, derived exactly. (Below $r_U = r_I$ the declared
# relation $r_I \le r_U$ fails, so that end of the axis is reported as infeasible.)

# %%
exact_thr = gt.thresholds(sequential, "credibility_loss", lower=0, upper=12)
exact_thr.frame

# %% [markdown]
# The same thresholds by numeric bracketing and bisection, to a stated tolerance:

# %%
numeric_thr = gt.thresholds(sequential, "credibility_loss", lower=0, upper=12,
                            method="numeric", tol=1e-9)
for e, n in zip(exact_thr, numeric_thr, strict=True):
    print(f"exact {e.value} = {float(e.value):.12f}; numeric {float(n):.12f}; "
          f"|difference| = {abs(float(e.value) - float(n)):.1e}")

# %% [markdown]
# The closed form behind the first threshold: the Defender intercepts rather than
# under-reacts iff $c_I + e_I W_D + r_I < \pi h + r_U$ (docs/model.md). Solved for $r_U$:

# %%
from gametheory.models.probe_response import probe_response_payoffs  # noqa: E402

P = probe_response_payoffs()
(r_u_star,) = sequential.threshold(P["D_I"] > P["D_U"], "credibility_loss")
print("r_U* =", r_u_star)
defaults = {sequential.symbols[k]: v for k, v in sequential.defaults().items()}
switch = next(t for t in exact_thr if t.describe().endswith("deterrence by denial"))
print("at the defaults:", r_u_star.subs(defaults), "| the exact threshold found above:",
      switch.describe())

# %% [markdown]
# ## 3. Comparative statics of mixed probing
#
# In the posture game the Aggressor probes with a probability that keeps the Defender
# indifferent between postures. How does that probability respond to each parameter?
# The toolkit differentiates the closed form and signs the derivative exactly under the
# parameters' bounds and, where those do not decide it, under the conditions that make
# this mixed profile an equilibrium (the `assumptions` column says which were needed):

# %%
support = (("Refrain", "Probe"), ("Under-react", "Intercept"))
rows = []
for name in ("credibility_loss", "intercept_cost", "interception_prob",
             "readiness_cost_intercept", "probe_value"):
    cs = posture.comparative_statics(("Aggressor", "Probe"), name, support=support)
    sign = {1: "+", -1: "-", 0: "0"}.get(cs.sign, "depends on parameters")
    rows.append({"parameter": name, "derivative": str(cs.derivative), "sign": sign,
                 "assumptions": "; ".join(map(str, cs.validity_assumptions)) or "bounds"})
pd.DataFrame(rows).set_index("parameter")

# %% [markdown]
# The derivative in the probe value is zero: the Aggressor's probing probability does not
# depend on its own payoffs. In a mixed equilibrium each side's mix is pinned down by the
# *other* side's indifference, the logic of Tsebelis's (1989) paradox. A costlier
# readiness posture raises probing: the Aggressor must probe more often to keep the
# Defender willing to pay for it.

# %% [markdown]
# ## 4. Monte Carlo over uncertain parameters
#
# Suppose the analyst is unsure of the war cost, the credibility loss, the interception
# probability and the cost of intercepting, and encodes that uncertainty as
# distributions. The share of draws in each regime, with 95% Wilson confidence intervals
# (seeded, so re-running reproduces it). The "probability" column is a probability under
# the **assumed distributions**, i.e. a share of an assumed range weighted by the
# analyst's judgement, not a probability that the world is in that regime:

# %%
dists = {
    "war_cost_defender": gt.triangular(20, 100, 300),
    "credibility_loss": gt.uniform(F(1, 2), 8),  # r_U >= r_I = 1/2 (docs/model.md)
    "interception_prob": gt.beta(6, 2),
    "intercept_cost": gt.truncated_normal(1, 0.5, 0, 3),
}
mc = gt.monte_carlo(sequential, dists, n=20000, seed=2025, progress=False)
mc.regime_probabilities

# %% [markdown]
# ## 5. Which assumptions drive the conclusion? Sobol and Morris indices
#
# The output: the indicator that probing is *tolerated* (the regime in which the
# alliance loses credibility and invites more probing). First-order ($S_1$) and total
# ($S_T$) Sobol indices, computed by SALib:

# %%
sobol = gt.sobol_indices(sequential, dists, output="regime:tolerated probing", n=1024,
                         seed=7)
sobol.round(3)

# %%
top = sobol.sort_values("ST", ascending=False).iloc[0]
print(f"the largest total index: {top['parameter']} (S_T = {top['ST']:.2f})")

# %% [markdown]
# Morris elementary effects give a cheaper screening of the same output:

# %%
mor = gt.morris(sequential, dists, output="regime:tolerated probing", trajectories=100,
                seed=7)
mor.round(3)

# %% [markdown]
# And locally, at the defaults, the tornado chart of the Defender's equilibrium payoff in
# the posture game: each parameter moved 20% down and up.

# %%
local = gt.local_sensitivity(posture, "payoff: Defender", swing=0.2)
figures.tornado(local, output="Defender's payoff", game=posture)
plt.show()
local.round(3).head(8)

# %% [markdown]
# ## Summary
#
# Computed above: the regime map over escalation cost and credibility loss (both horns:
# tolerated probing at a low credibility loss, retaliation at a low war cost), the maps
# over cohesion and residual credibility loss where retaliation deters or risks
# escalation, the exact thresholds (with a numeric check), the comparative statics of
# mixed probing, the regime shares under assumed distributions, and the global
# sensitivity of tolerated probing. Notebook 03 turns the parameters into the policy levers of the public debate.
