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
# and computes which regime the game lands in, the exact threshold each lever must pass,
# and what it costs. Regimes are those of docs/model.md: the Defender's credible (subgame-
# perfect) reply to a probe, and whether the Aggressor still gains by probing.

# %%
from fractions import Fraction as F

import pandas as pd
import sympy

import gametheory as gt
from gametheory.models.probe_response import (
    best_reply_after_probe,
    probe_response_payoffs,
    regime,
)

pd.set_option("display.width", 120)
model = gt.models.probe_response("sequential").to_normal_form()
defaults = model.defaults()

# %% [markdown]
# ## The baseline: tolerated probing
#
# Take the model's defaults, but with the situation many observers described in autumn
# 2025: interceptors are expensive relative to a cheap drone ($c_I = 3$), interception
# neutralises only half a probe's effect ($\pi = 1/2$), and an unanswered probe costs
# the alliance little credibility ($r_U = 1$).

# %%
baseline = dict(defaults, intercept_cost=F(3), interception_prob=F(1, 2), credibility_loss=F(1))
pay = {k: v.subs({model.symbols[n]: x for n, x in baseline.items()})
       for k, v in probe_response_payoffs().items()}
print("reduced-form payoffs at the baseline:", {k: str(v) for k, v in pay.items()})
print("Defender's credible reply to a probe:", best_reply_after_probe(**baseline))
print("regime:", regime(**baseline))

# %% [markdown]
# ## Each lever on its own
#
# Each option is applied with a magnitude an analyst might argue for; the table reports
# the regime it produces. The magnitudes are illustrative; the thresholds below say how
# far each lever must go.

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
    game = model.at(**v)
    spe = gt.models.probe_response("sequential").backward_induction(**v)
    rows.append({
        "option": name,
        "credible reply": best_reply_after_probe(**v),
        "regime": regime(**v),
        "SPE path": spe[0].describe().split("(path ")[1].split(";")[0],
        "Aggressor payoff": str(spe[0].payoffs[0]),
        "Defender payoff": str(spe[0].payoffs[1]),
        "NE count (normal form)": len(game.equilibria()),
    })
levers_table = pd.DataFrame(rows).set_index("option")
levers_table

# %% [markdown]
# ## How far must each lever go? Exact thresholds
#
# The Defender intercepts rather than under-reacts iff $c_I + e_I W_D + r_I < \pi h + r_U$
# (docs/model.md). The toolkit derives the switching value of any parameter from the symbolic
# model; here for the interception probability, the credibility loss and the cost of
# intercepting, as formulas and at the baseline.

# %%
P = probe_response_payoffs()
intercept_beats_tolerate = sympy.StrictGreaterThan(P["D_I"], P["D_U"])
subs = {model.symbols[n]: x for n, x in baseline.items()}
thr_rows = []
for name in ("interception_prob", "credibility_loss", "intercept_cost"):
    (formula,) = model.threshold(intercept_beats_tolerate, name)
    thr_rows.append({"parameter": name, "threshold formula": str(formula),
                     "at the baseline": str(formula.subs(subs)),
                     "baseline value": str(baseline[name])})
thresholds = pd.DataFrame(thr_rows).set_index("parameter")
thresholds

# %% [markdown]
# Interception only *deters* if, in addition, probing against an intercepting Defender
# does not pay: $A_I = (1-\pi)v - c_p - e_I W_A \le 0$. The interception probability
# needed for deterrence by denial:

# %%
(pi_denial,) = model.threshold(sympy.LessThan(P["A_I"], 0), "interception_prob")
print("A_I <= 0 iff interception_prob >=", pi_denial)
print("at the baseline:", pi_denial.subs(subs))

# %% [markdown]
# ## Cohesion and the threat of retaliation
#
# docs/model.md notes that cohesion cancels out of the comparison between retaliating and
# under-reacting. The toolkit confirms it: the difference $D_X - D_U$ factors as
# $\theta$ times an expression free of $\theta$, so for any $\theta > 0$ the sign, and so
# the Defender's choice between these two replies, does not depend on cohesion.

# %%
theta = model.symbols["cohesion"]
diff = sympy.factor(P["D_X"] - P["D_U"])
print("D_X - D_U =", diff)
print("free of cohesion after dividing by it:",
      theta not in sympy.simplify((P["D_X"] - P["D_U"]) / theta).free_symbols)

# %% [markdown]
# What cohesion *does* change is whether the alliance can carry retaliation out, and so
# what retaliation costs the Aggressor, $A_X$, and whether retaliation beats a mere
# interception. Take a strong public threat ($r_U = 8$), a residual credibility loss
# after a mere interception ($r_I = 6$), and retaliation that is cheap and unlikely to
# spiral ($c_X = 1/2$, $e_X = 1/50$), then vary cohesion:

# %%
strong = dict(baseline, credibility_loss=F(8), residual_credibility_loss=F(6),
              intercept_cost=F(1), retaliation_cost=F(1, 2),
              escalation_prob_retaliate=F(1, 50))
strong_subs = {model.symbols[n]: x for n, x in strong.items() if n != "cohesion"}
cohesion_rows = []
for th in [F(k, 10) for k in range(0, 11)]:
    v = dict(strong, cohesion=th)
    cohesion_rows.append({"cohesion": str(th), "credible reply": best_reply_after_probe(**v),
                          "A_X": str(P["A_X"].subs(strong_subs).subs(theta, th)),
                          "regime": regime(**v)})
pd.DataFrame(cohesion_rows).set_index("cohesion")

# %% [markdown]
# The two cohesion thresholds, exactly: retaliation beats interception above the first,
# and deters (makes $A_X \le 0$) above the second. Between them lies an escalation
# spiral: the alliance retaliates, but not reliably enough to stop probing.

# %%
(theta_x_beats_i,) = sympy.solve(sympy.Eq((P["D_X"] - P["D_I"]).subs(strong_subs), 0), theta)
(theta_deters,) = sympy.solve(sympy.Eq(P["A_X"].subs(strong_subs), 0), theta)
print("retaliation beats interception iff cohesion >", theta_x_beats_i)
print("retaliation deters iff cohesion >=", theta_deters)

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
