# %% [markdown]
# # 03 · Policy levers: which regime does each option push the game into?
#
# The public debate after the September 2025 incursions offered four families of
# options. `docs/model.md` translates each into parameter moves of the
# probe-versus-response model:
#
# | option in the debate | parameter move |
# |---|---|
# | wider air-defence coordination (Eastern Sentry) | raises the interception probability $\pi$, lowers the cost of intercepting $c_I$ |
# | a public threat of retaliation | raises the credibility loss of under-reacting $r_U$ (an audience cost, Fearon 1994; here a complete-information commitment, Schelling 1960, Fearon 1997) |
# | proportionate countermeasures (down drones before they cross) | raises $\pi$ and the Aggressor's probe cost $c_p$ |
# | division among allies | lowers cohesion $\theta$ |
#
# This notebook starts from a baseline in which probing is tolerated, applies each lever,
# and computes which regime the game lands in (with *every* subgame-perfect equilibrium,
# not one), the exact threshold each lever must pass (and whether that threshold lies
# inside the parameter's bounds at all), and what it costs. Regimes are those of
# docs/model.md, defined from the exact equilibrium set. It then turns to the posture
# levers, whose signs run against intuition (Tsebelis 1989), and to what changes when the
# Aggressor can see the posture.

# %%
from fractions import Fraction as F

import pandas as pd
import sympy

import gametheory as gt
from gametheory.models.posture import partial_posture_equilibria
from gametheory.models.probe_response import (
    best_reply_after_probe,
    probe_response_payoffs,
    regime,
)

pd.set_option("display.width", 120)
tree = gt.models.probe_response("sequential")
model = tree.to_normal_form()
defaults = model.defaults()
bounds = {p.name: p.bounds for p in model.parameters}


def spe_paths(values):
    """Every pure subgame-perfect equilibrium at a point, as 'path (payoffs)' strings."""
    return [e.describe().split("(path ")[1].split(")")[0]
            for e in tree.backward_induction(**values)]

# %% [markdown]
# ## The baseline: tolerated probing, off any knife edge
#
# Take the model's defaults, but with the situation many observers described in autumn
# 2025: interceptors are expensive relative to a cheap drone ($c_I = 3$), interception
# neutralises only half a probe's effect ($\pi = 1/2$), and an unanswered probe costs
# the alliance little credibility ($r_U = 1$). A baseline is only informative if it is
# not a knife edge: the cell prints the margins (the Defender's gap between its best and
# second-best reply, and the Aggressor's payoff against that reply), which must not be 0,
# and every subgame-perfect equilibrium.

# %%
baseline = dict(defaults, intercept_cost=F(3), interception_prob=F(1, 2), credibility_loss=F(1))
pay = {k: v.subs({model.symbols[n]: x for n, x in baseline.items()})
       for k, v in probe_response_payoffs().items()}
print("reduced-form payoffs at the baseline:", {k: str(v) for k, v in pay.items()})
reply = best_reply_after_probe(**baseline)
d_pay = sorted((pay[k] for k in ("D_U", "D_I", "D_X")), reverse=True)
print("Defender's credible reply to a probe:", reply,
      f"(margin over the next reply: {d_pay[0] - d_pay[1]})")
print("Aggressor's payoff against it:", pay["A_" + reply[0].replace("R", "X")])
print("regime:", regime(**baseline))
base_spe = spe_paths(baseline)
print(f"{len(base_spe)} subgame-perfect equilibrium(s):", "; ".join(base_spe))

# %% [markdown]
# ## Each lever on its own
#
# Each option is applied with a magnitude an analyst might argue for; the table reports
# the regime it produces and **every** subgame-perfect equilibrium (a knife edge would
# show two or more; the regime then says "knife edge (several equilibria)"). The
# magnitudes are illustrative; the thresholds below say how far each lever must go.

# %%
levers = {
    "baseline": {},
    "Eastern Sentry: pi 1/2 -> 3/4, c_I 3 -> 1/2": {"interception_prob": F(3, 4),
                                                     "intercept_cost": F(1, 2)},
    "public threat: r_U 1 -> 4": {"credibility_loss": F(4)},
    "countermeasures: pi 1/2 -> 3/4, c_p 1 -> 2": {"interception_prob": F(3, 4),
                                                  "probe_cost": F(2)},
    "division: theta 3/4 -> 1/4": {"cohesion": F(1, 4)},
    "threat + division": {"credibility_loss": F(4), "cohesion": F(1, 4)},
    "Eastern Sentry + threat": {"interception_prob": F(3, 4), "intercept_cost": F(1, 2),
                                "credibility_loss": F(4)},
}
rows = []
for name, move in levers.items():
    v = dict(baseline, **move)
    paths = spe_paths(v)
    rows.append({
        "option": name,
        "credible reply": best_reply_after_probe(**v),
        "regime": regime(**v),
        "SPE count": len(paths),
        "every SPE (path; payoffs A, D)": " | ".join(paths),
        "NE count (normal form)": len(model.at(**v).equilibria()),
    })
levers_table = pd.DataFrame(rows).set_index("option")
levers_table

# %% [markdown]
# ## How far must each lever go? Exact thresholds, checked against the bounds
#
# The Defender intercepts rather than under-reacts iff $c_I + e_I W_D + r_I < \pi h + r_U$
# (docs/model.md). The toolkit derives the switching value of any parameter from the
# symbolic model; here for the interception probability, the credibility loss and the cost
# of intercepting, as formulas and at the baseline. A switching value outside the
# parameter's bounds means that **no admissible value of that lever alone works**: the
# last column says so rather than printing a number that reads like a target.

# %%
P = probe_response_payoffs()
intercept_beats_tolerate = sympy.StrictGreaterThan(P["D_I"], P["D_U"])
subs = {model.symbols[n]: x for n, x in baseline.items()}


def bound_verdict(name, value):
    """Whether a switching value lies within the parameter's bounds."""
    lo, hi = bounds[name]
    lo_s = "-inf" if lo is None else str(lo)
    hi_s = "inf" if hi is None else str(hi)
    inside = (lo is None or value >= lo) and (hi is None or value <= hi)
    if inside:
        return f"inside [{lo_s}, {hi_s}]"
    return f"outside [{lo_s}, {hi_s}]: no value in [{lo_s}, {hi_s}] works"


thr_rows = []
for name in ("interception_prob", "credibility_loss", "intercept_cost"):
    (formula,) = model.threshold(intercept_beats_tolerate, name)
    value = sympy.Rational(formula.subs(subs))
    thr_rows.append({"parameter": name, "threshold formula": str(formula),
                     "at the baseline": str(value),
                     "baseline value": str(baseline[name]),
                     "within bounds?": bound_verdict(name, F(int(value.p), int(value.q)))})
thresholds = pd.DataFrame(thr_rows).set_index("parameter")
thresholds

# %% [markdown]
# Interception only *deters* if, in addition, probing against an intercepting Defender
# does not pay. With the revised payoffs the Aggressor gains from the reaction itself
# (information $g$ and cost imposition $k c_I$):
# $A_I = (1-\pi)v - c_p - e_I W_A + g + k c_I \le 0$. The interception probability needed
# for deterrence by denial:

# %%
(pi_denial,) = model.threshold(sympy.LessThan(P["A_I"], 0), "interception_prob")
pi_denial_value = sympy.Rational(pi_denial.subs(subs))
print("A_I <= 0 iff interception_prob >=", pi_denial)
print("at the baseline:", pi_denial_value, "->",
      bound_verdict("interception_prob", F(int(pi_denial_value.p), int(pi_denial_value.q))))

# %% [markdown]
# ## Cohesion and the threat of retaliation
#
# Retaliation needs an alliance consensus, reached with probability $\theta$; a failed
# consensus falls back to interception (national air policing needs no alliance
# decision) and costs the visible disunity $d$. Retaliating beats intercepting iff
# $\theta\,(r_I - c_X - (e_X - e_I) W_D) > (1 - \theta)\,d$ (docs/model.md). The
# toolkit's factorisation shows where $\theta$ enters, and that it cancels only when
# $d = 0$:

# %%
theta = model.symbols["cohesion"]
d_sym = model.symbols["disunity_cost"]
diff = sympy.expand(P["D_X"] - P["D_I"])
print("D_X - D_I =", sympy.collect(diff, theta))
print("depends on cohesion:", theta in diff.free_symbols,
      "| with d = 0 it is theta times a theta-free term:",
      theta not in sympy.simplify(diff.subs(d_sym, 0) / theta).free_symbols)

# %% [markdown]
# Where does cohesion move the regime? At a low war cost ($W_D = 20$, the other
# parameters at the model's defaults) retaliation is tempting; cohesion decides whether
# the alliance retaliates or falls back to interception, and whether retaliation deters:

# %%
low_war = dict(defaults, war_cost_defender=F(20))
cohesion_rows = []
for th in [F(k, 10) for k in range(0, 11)]:
    v = dict(low_war, cohesion=th)
    cohesion_rows.append({"cohesion": str(th), "credible reply": best_reply_after_probe(**v),
                          "regime": regime(**v), "SPE": " | ".join(spe_paths(v))})
cohesion_table = pd.DataFrame(cohesion_rows).set_index("cohesion")
cohesion_table

# %% [markdown]
# The cohesion threshold, exactly: above it the alliance retaliates (and with the defaults'
# retaliation damage, retaliation deters); below it a failed consensus is too costly to
# risk and it intercepts. With $d = 0$ the threshold disappears:

# %%
low_subs = {model.symbols[n]: x for n, x in low_war.items() if n != "cohesion"}
(theta_x_beats_i,) = sympy.solve(sympy.Eq((P["D_X"] - P["D_I"]).subs(low_subs), 0), theta)
print("at W_D = 20: retaliation beats interception iff cohesion >", theta_x_beats_i)
no_d = {k: v for k, v in low_subs.items() if k != d_sym}
print("with d = 0: D_X - D_I =", sympy.factor((P["D_X"] - P["D_I"]).subs(no_d).subs(d_sym, 0)),
      "(the sign does not depend on cohesion)")

# %% [markdown]
# ## Posture levers: signs that run against intuition
#
# The sequential game assumes the Defender reacts to each probe. In practice the alliance
# chooses its readiness *before* a probe (the `posture` variant: both move at once, the
# Defender pays $m_I$ for an interception posture whether or not a drone comes). At the
# model's defaults interception is credible and deters ($D_I > D_U$, $A_I < 0 < A_U$), yet
# no pure equilibrium exists: the Aggressor probes with probability $m_I/(D_I - D_U)$ and
# the Defender holds the posture with probability $A_U/(A_U - A_I)$. Each side's mix is
# set by the *other* side's indifference (the inspection-game logic of Tsebelis 1989):

# %%
posture = gt.models.probe_response("posture")
support = (("Refrain", "Probe"), ("Under-react", "Intercept"))
mixed = posture.mixed_equilibrium(support)
print("P(Probe)              =", mixed.row[1])
print("P(Intercept posture)  =", mixed.col[1])
for name in ("probe_cost", "readiness_cost_intercept"):
    s = posture.symbols[name]
    print(f"d P(Probe)/d {name} = {sympy.simplify(sympy.diff(mixed.row[1], s))}; "
          f"d P(Intercept posture)/d {name} = {sympy.simplify(sympy.diff(mixed.col[1], s))}")

# %% [markdown]
# The same at numbers, each equilibrium solved exactly: raising the Aggressor's probe cost
# (countermeasures, attribution) leaves its probing probability **unchanged** and only
# lowers the Defender's readiness; a costlier standing posture **raises** probing.

# %%
posture_levers = {
    "defaults": {},
    "probe cost c_p 1 -> 2": {"probe_cost": F(2)},
    "readiness cost m_I 1/2 -> 1": {"readiness_cost_intercept": F(1)},
}
p_rows = []
for name, move in posture_levers.items():
    eqs = posture.at(**move).equilibria()
    for e in eqs:
        p_rows.append({"lever": name, "equilibria": len(eqs), "P(Probe)": str(e.row[1]),
                       "P(Intercept posture)": str(e.col[1]),
                       "payoffs (A, D)": ", ".join(map(str, e.payoffs))})
posture_table = pd.DataFrame(p_rows).set_index("lever")
posture_table

# %% [markdown]
# ### What observation of the posture changes
#
# Eastern Sentry is public. In the `observed-posture` variant the Defender commits to a
# posture (Unready, Intercept-ready, Retaliate-ready), the Aggressor sees it and then
# probes or refrains, and the Defender replies with what its posture allows. Backward
# induction, at the same three points:

# %%
observed = gt.models.probe_response("observed-posture")
o_rows = []
for name, move in posture_levers.items():
    for e in observed.backward_induction(**move):
        o_rows.append({"lever": name, "SPE path": e.describe().split("(path ")[1].split(";")[0],
                       "payoffs (A, D)": ", ".join(map(str, e.payoffs))})
pd.DataFrame(o_rows).set_index("lever")

# %% [markdown]
# Observed, the interception posture deters outright and nobody probes: the Tsebelis
# logic disappears, and neither lever moves the outcome (until readiness costs more than
# a tolerated probe, $m_I > -D_U$); the probe cost plays no role at all, and a costlier
# posture only costs the Defender. (At $m_I = m_X = 1$ the Defender is indifferent
# between the two ready postures: two subgame-perfect equilibria, both listed, with the
# same outcome.) With partial visibility $\lambda$ (the Aggressor sees
# the posture with probability $\lambda$, `partial-posture`) the two cases are joined:
# below $\lambda^* = m_I/(-D_U)$ probing survives, at and above it nobody probes in some
# equilibrium. Every equilibrium, exactly:

# %%
d_u = sympy.Rational(probe_response_payoffs()["D_U"].subs(
    {model.symbols[n]: x for n, x in defaults.items()}))
lam_star = F(1, 2) / F(int(-d_u.p), int(d_u.q))
print("lambda* = m_I / (-D_U) =", lam_star)
v_rows = []
for lam in (F(0), F(1, 20), lam_star, F(1, 2), F(1)):
    for e in partial_posture_equilibria(posture_visibility=lam):
        v_rows.append({"visibility": str(lam),
                       "P(Intercept-ready)": str(e.posture["Intercept-ready"]),
                       "P(Probe | unseen)": "-" if e.probe_if_unseen is None
                       else str(e.probe_if_unseen),
                       "P(a probe comes)": str(e.probe_probability),
                       "payoffs (A, D)": ", ".join(map(str, e.payoffs))})
pd.DataFrame(v_rows).set_index("visibility")

# %% [markdown]
# ## Reading the results
#
# The tables above are computed, not typed: change `baseline` or the lever magnitudes and
# re-run. At these illustrative values,

# %%
moved = levers_table[levers_table["regime"] != levers_table.loc["baseline", "regime"]]
print(f"{len(moved)} of {len(levers_table) - 1} options move the game out of "
      f"'{levers_table.loc['baseline', 'regime']}':")
for name, row in moved.iterrows():
    print(f"  - {name}: {row['regime']}")
outside = thresholds[thresholds["within bounds?"].str.startswith("outside")]
for name, row in outside.iterrows():
    print(f"no admissible value of {name} alone makes interception the credible reply "
          f"(switching value {row['at the baseline']})")
base_p = posture_table.loc["defaults", "P(Probe)"]
print(f"posture game: P(Probe) = {base_p} at the defaults, "
      f"{posture_table.loc['probe cost c_p 1 -> 2', 'P(Probe)']} with a doubled probe cost, "
      f"{posture_table.loc['readiness cost m_I 1/2 -> 1', 'P(Probe)']} with a doubled "
      f"readiness cost")
