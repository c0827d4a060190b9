# %% [markdown]
# # 05 · Alliance cohesion: uncertain resolve, consensus, volunteers and burdens
#
# NATO is not one mind. Poland and the Baltic states see the drone incursions as a
# direct threat; more distant allies weigh escalation risk more heavily. Cohesion is
# itself at stake, in four ways this notebook models:
#
# 1. **Uncertain resolve.** The Aggressor does not know whether the alliance is resolute
#    (it would intercept) or irresolute (it would let the probe pass). It probes unless
#    its belief in resolve is high enough: a Bayesian game (Harsanyi 1967-68).
# 2. **Consensual retaliation** is a Stag Hunt (Jervis 1978): retaliation deters only if
#    both allies support it, and holding back is safe. Which equilibrium is *risk*
#    dominant (Harsanyi and Selten 1988)?
# 3. **Who intercepts** the drone over a front-line state is a volunteer's dilemma
#    (Diekmann 1985): each member prefers the other to spend the missile.
# 4. **Burden sharing** of air defence is a public-goods game (Olson and Zeckhauser 1966):
#    the small ally free-rides.

# %%
from fractions import Fraction as F

import pandas as pd
import sympy
from IPython.display import Markdown, display

import gametheory as gt

pd.set_option("display.width", 120)

# %% [markdown]
# ## 1. Uncertain resolve
#
# After a probe, Nature makes the Defender *resolute* with prior $\rho$ (a high
# credibility loss $r_U^R$ makes interception its best reply) or *irresolute* (a low
# $r_U^L$: it under-reacts). The Aggressor never sees the type. As a tree with a chance
# move, solved by backward induction:

# %%
bayes = gt.models.probe_response("bayesian")
print(bayes)

# %%
for rho in (F(1, 2), F(4, 5)):
    (eq,) = bayes.backward_induction(resolve_prior=rho)
    print(f"prior of resolve {rho}: {eq.describe()}")

# %% [markdown]
# The prior above which probing stops paying, as a formula and at the defaults:

# %%
from gametheory.models.probe_response import PARAMETERS, symbol  # noqa: E402

rho_star = gt.models.resolve_threshold()
print("rho* =", rho_star)
defaults = {symbol(n): sympy.Rational(str(spec.default)) for n, spec in PARAMETERS.items()
            if spec.default is not None}
rho_star_value = rho_star.xreplace(defaults)
print("at the defaults: rho* =", rho_star_value)

# %% [markdown]
# Checked by backward induction on both sides of the threshold:

# %%
for rho in (rho_star_value - F(1, 100), rho_star_value + F(1, 100)):
    (eq,) = bayes.backward_induction(resolve_prior=rho)
    print(f"rho = {rho}: Aggressor {eq.labels[0]}")

# %% [markdown]
# The Harsanyi normal form of the same game: the Defender's strategies are type-contingent
# plans, and the toolkit labels each Nash equilibrium as subgame perfect or resting on a
# non-credible threat.

# %%
classified = bayes.classify_equilibria()
credible = [c for c in classified if not c.non_credible]
print(f"{len(classified)} extreme Nash equilibria of the normal form; "
      f"{len(classified) - len(credible)} rest on a non-credible threat; subgame perfect:")
for c in credible:
    print("  ", c.describe())

# %% [markdown]
# ### Uncertain resolve when postures are chosen in advance
#
# If instead the alliance picks its readiness posture *before* any probe, paying a
# readiness cost either way (the posture variant), the game is a Bayesian game proper:
# each type of Defender picks a posture, the Aggressor picks a probability of probing,
# simultaneously. `bayesian_game("posture")` builds it from the same reduced-form payoffs,
# and its Harsanyi transformation gives type-contingent strategies:

# %%
from gametheory.models.probe_response import bayesian_game  # noqa: E402

bg = bayesian_game("posture")
at_defaults = {p.name: p.default for p in bg.parameters if p.name != "resolve_prior"}
print("Defender's Harsanyi strategies:", bg.to_normal_form().strategies[1][:3], "...")
for rho in (F(1, 2), F(9, 10)):
    for e in bg.bayes_nash_equilibria(**at_defaults, resolve_prior=rho):
        print(f"rho = {rho}: {e.describe()}")

# %% [markdown]
# Here the prior threshold changes the *kind* of equilibrium: below it the Aggressor
# probes for sure; above it no pure equilibrium exists and probing becomes a gamble
# (mixed probing), with the resolute type keeping an interception posture most of the
# time. The threshold, computed exactly:

# %%
for th in bg.prior_threshold("resolve_prior", **at_defaults):
    print(th.describe())

# %% [markdown]
# ## 2. Consensual retaliation: a Stag Hunt between allies
#
# Retaliation deters only if both a front-line ally and a rear ally support it; each
# gains deterrence but bears a share of the retaliation and, if it supports alone, an
# exposure cost.

# %%
stag = gt.models.consensus_stag_hunt()
g = stag.at()
display(Markdown(gt.tables.payoff_table(g, format="markdown")))
for e in g.equilibria():
    print(e.describe())

# %% [markdown]
# Both joint support and joint holding back are equilibria. Risk dominance (Harsanyi and
# Selten 1988) selects between them: joint support risk-dominates iff the product of the
# deviation losses at it exceeds the product at joint holding back:

# %%
cond = gt.models.consensus_risk_dominance()
print("joint support risk-dominates iff", cond)
stag_defaults = {stag.symbols[k]: v for k, v in stag.defaults().items()}
print("at the defaults:", bool(cond.xreplace(
    {s: sympy.Rational(v.numerator, v.denominator) for s, v in stag_defaults.items()})))

# %% [markdown]
# The mixed equilibrium is the tipping point: each ally supports if it believes the other
# supports with at least this probability. Its closed form:

# %%
mixed = stag.mixed_equilibrium((("Support", "Hold back"), ("Support", "Hold back")))
print("P(front-line ally supports) =", sympy.simplify(mixed.row[0]))
print("P(rear ally supports)       =", sympy.simplify(mixed.col[0]))
print("at the defaults:", mixed.at().describe())

# %% [markdown]
# A division among allies that raises the rear ally's exposure cost moves the tipping
# point: the more exposed the rear ally, the more *it* needs to believe the front line
# supports.

# %%
rows = []
for x2 in (F(1), F(2), F(4), F(8)):
    gx = stag.at(exposure_cost_rear=x2)
    mixed_eq = next(e for e in gx.equilibria() if not e.is_pure)
    rows.append({"exposure_cost_rear": str(x2),
                 "front line must believe rear supports w.p. >=": str(mixed_eq.col[0]),
                 "rear must believe front line supports w.p. >=": str(mixed_eq.row[0])})
pd.DataFrame(rows).set_index("exposure_cost_rear")

# %% [markdown]
# ### From the stag hunt to the probe-response model's cohesion $\theta$
#
# In the probe-response model cohesion $\theta$ is the probability that the alliance
# reaches consensus to retaliate; a failed consensus falls back to interception and costs
# the visible disunity $d$ (docs/model.md). The stag hunt supplies that probability: in
# (Support, Support) $\theta = 1$, in (Hold back, Hold back) $\theta = 0$, and in the mixed
# equilibrium $\theta$ is the chance that both support. The alliance-of-many model
# (`alliance_probe`, notebook 07) derives $\theta$ from a decision rule instead. Each
# $\theta$ is then fed into the drone model at a low war cost ($W_D = 20$), where
# retaliation is tempting, with the default disunity cost and with $d = 0$:

# %%
from gametheory.models.probe_response import best_reply_after_probe, regime  # noqa: E402

mixed_now = next(e for e in g.equilibria() if not e.is_pure)
thetas = {"stag hunt: (Support, Support)": F(1),
          "stag hunt: mixed equilibrium": mixed_now.row[0] * mixed_now.col[0],
          "stag hunt: (Hold back, Hold back)": F(0)}
for name, th in gt.models.alliance_probe(rule="majority").cohesion().items():
    thetas[f"alliance_probe, majority rule, probe of {name}"] = th
low_war = {"war_cost_defender": F(20)}
theta_rows = []
for source, th in thetas.items():
    row = {"source of theta": source, "theta": str(th)}
    for d in (F(1, 4), F(0)):
        row[f"reply (d = {d})"] = best_reply_after_probe(cohesion=th, disunity_cost=d, **low_war)
        row[f"regime (d = {d})"] = regime(cohesion=th, disunity_cost=d, **low_war)
    theta_rows.append(row)
theta_table = pd.DataFrame(theta_rows).set_index("source of theta")
theta_table

# %%
moved = theta_table[theta_table["regime (d = 1/4)"] != theta_table["regime (d = 1/4)"].iloc[0]]
print(f"with d = 1/4, {len(moved)} of {len(theta_table)} sources of theta give a different "
      f"regime from full consensus; with d = 0 the reply is the same for every theta > 0: "
      f"{sorted(set(theta_table.loc[theta_table['theta'] != '0', 'reply (d = 0)']))}")

# %% [markdown]
# Where $\theta$ now matters is the disunity cost: retaliating beats intercepting iff
# $\theta\,(r_I - c_X - (e_X - e_I) W_D) > (1 - \theta)\,d$, so with $d > 0$ a less
# cohesive alliance falls back to interception, and with $d = 0$ cohesion cancels from the
# comparison. The cohesion the alliance needs for retaliation, as a function of the
# disunity cost (exactly, at $W_D = 20$):

# %%
from gametheory.models.probe_response import probe_response_payoffs, symbol  # noqa: E402

P = probe_response_payoffs()
point = {symbol(n): sympy.Rational(str(spec.default)) for n, spec in PARAMETERS.items()
         if spec.default is not None and n not in ("cohesion", "disunity_cost")}
point[symbol("war_cost_defender")] = sympy.Integer(20)
(theta_needed,) = sympy.solve(sympy.Eq((P["D_X"] - P["D_I"]).xreplace(point), 0),
                              symbol("cohesion"))
print("retaliation beats interception iff cohesion >", sympy.simplify(theta_needed))
for d in (F(0), F(1, 4), F(1, 2), F(1)):
    print(f"  d = {d}: cohesion > {theta_needed.subs(symbol('disunity_cost'), d)}")

# %% [markdown]
# ## 3. Who intercepts? The volunteer's dilemma
#
# A drone crosses a front-line state. Either ally can intercept it; both benefit, the
# interceptor pays. Two pure equilibria (one volunteers) and a mixed one in which each
# intercepts with probability $1 - c_j/b_j$, so the drone gets through with positive
# probability:

# %%
vd = gt.models.volunteers_dilemma()
gv = vd.at()
display(Markdown(gt.tables.payoff_table(gv, format="markdown")))
for e in gv.equilibria():
    print(e.describe())
mixed_vd = next(e for e in gv.equilibria() if not e.is_pure)
p_nobody = mixed_vd.row[1] * mixed_vd.col[1]
print(f"in the mixed equilibrium nobody intercepts with probability {p_nobody}")

# %% [markdown]
# ## 4. Burden sharing
#
# Air defence protects both allies. The large ally values it more than it costs and
# contributes; the small ally free-rides, although jointly the allies value a unit of
# defence above its cost (Olson and Zeckhauser 1966):

# %%
bs = gt.models.burden_sharing()
gb = bs.at()
display(Markdown(gt.tables.payoff_table(gb, format="markdown")))
print([e.pure_labels() for e in gb.equilibria()])
elim = gb.eliminate_dominated()
print(elim)

# %% [markdown]
# ## Summary
#
# Computed above: the prior on resolve at which probing stops, the risk-dominance
# condition and tipping point of consensual retaliation, the probability that nobody
# intercepts in the volunteer's dilemma, and the free-riding equilibrium of burden
# sharing; and the link to the drone model: the stag hunt's (or a decision rule's)
# probability of consensus is the drone model's cohesion $\theta$, which decides between
# retaliation and interception through the cost of a visible failure to agree ($d$); with
# $d = 0$ cohesion would cancel from that choice.
