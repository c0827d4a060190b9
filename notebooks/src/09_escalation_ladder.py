# %% [markdown]
# # 09 · The escalation ladder: where each side stops, Articles 4 and 5, and attrition
#
# In the core model (docs/model.md) escalation is a chance term: the Defender's response
# risks war with a fixed probability and nobody moves again. In September 2025 both sides
# chose how far to go: Moscow "treads the thin line between harassment and aggression",
# NATO weighed Article 4 consultations (cheap, reversible) against Article 5 (a discrete
# threshold), and cheap drones were set against costly interceptors. This notebook puts
# those choices into moves:
#
# 1. the escalation ladder calibrated to September 2025 (`gt.models.DRONE_LADDER`) and
#    where each side stops on the subgame-perfect path (`ladder_outcomes`);
# 2. regime maps over two parameters showing the stopping rung;
# 3. what the Article 4 and Article 5 rungs do to the Aggressor's calculation;
# 4. the complete-information brinkmanship benchmark (`climb_thresholds`);
# 5. the cost-exchange campaign (`attrition_campaign`): salvos, magazine, exchange ratio,
#    and the strike on launch sites as a threat that caps the campaign.
#
# **Every number below is an assumption chosen to be read, not an estimate.** The rungs'
# war risks, standing gains and costs, the stakes and war costs are illustrative; what the
# notebook shows is which of them drive each conclusion.
#
# *Sources.* Schelling, *The Strategy of Conflict* (1960), ch. 8 (threats that leave
# something to chance); Schelling, *Arms and Influence* (1966), ch. 3; Powell, *Nuclear
# Deterrence Theory* (1990), ch. 2 (brinkmanship); Shapley (1953), "Stochastic games",
# *PNAS* 39(10) (the recursion behind the campaign).

# %%
import dataclasses
from fractions import Fraction as F

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import sympy

import gametheory as gt
from gametheory.models.escalation import LADDER_PARAMETERS

pd.set_option("display.width", 120)
M = gt.models
LADDER = M.DRONE_LADDER

# %% [markdown]
# ## 1. The ladder and its assumptions
#
# Six rungs above the status quo. The Aggressor moves first; each climb hands the move to
# the other side, so odd rungs are the Aggressor's climbs and even rungs the Defender's.
# Each rung carries the war risk $p_j$ that climbing onto it slips into war, the
# Aggressor's standing gain $g_j$ if the crisis settles there (taken from the Defender),
# and each side's standing cost of being there:

# %%
rungs = pd.DataFrame([{"rung": r.name, "climbed by": ("Aggressor", "Defender")[k % 2],
                       "war risk p": str(r.war_risk), "Aggressor gain g": str(r.aggressor_gain),
                       "Aggressor cost": str(r.aggressor_cost),
                       "Defender cost": str(r.defender_cost)}
                      for k, r in enumerate(LADDER)], index=range(1, len(LADDER) + 1))
rungs

# %% [markdown]
# and the stakes and costs (the model's defaults, also assumptions):

# %%
pd.DataFrame([{"parameter": name, "symbol": s.symbol, "default": s.default,
               "meaning": s.description} for name, s in LADDER_PARAMETERS.items()])

# %% [markdown]
# ## 2. Where each side stops
#
# `escalation_ladder()` builds the parametric tree (climb, hold or yield at every rung);
# `ladder_outcomes` follows each subgame-perfect equilibrium along its path.

# %%
tree = M.escalation_ladder()
print(len(tree.nodes), "nodes;", len(tree.information_sets()), "decision nodes")
outcomes = M.ladder_outcomes(tree)
for o in outcomes:
    print(o.describe())
    print("  path:", " -> ".join(o.path))
    print("  expected payoffs (Aggressor, Defender):", tuple(str(v) for v in o.payoffs))

# %% [markdown]
# The Aggressor probes, the Defender intercepts, and both hold: the crisis settles at
# interception, having run the 1/100 war risk of that rung. To see *why* each side stops
# where it does, compare each mover's equilibrium payoff with what a one-step deviation
# (the other moves kept at their subgame-perfect choices) would give. The tree is
# symbolic, so these comparisons are exact formulas in the stakes and costs, and the
# thresholds at which each decision flips come out exactly.

# %%
def deviation(tree, infoset, action, **values):
    """Payoffs (Aggressor, Defender) of the first equilibrium, and of the same profile with
    the move at ``infoset`` replaced by ``action`` (sympy expressions on a symbolic tree)."""
    eq = tree.backward_induction(**values)[0]
    index = {h.name: h.index for h in tree.information_sets()}
    profile = {index[name]: a for plan in eq.plans for name, a in plan}
    base = tree.expected_payoffs(profile)
    profile[index[infoset]] = action
    return base, tree.expected_payoffs(profile)


checks = [("Aggressor", "Aggressor at the status quo (start)", "Hold", "war_cost_aggressor"),
          ("Defender", "Defender at drone incursion (C)", "Hold", "war_cost_defender"),
          ("Aggressor", "Aggressor at interception (Eastern Sentry) (CC)",
           "Climb to massed incursions", "war_cost_aggressor")]
params = {p.name: p for p in tree.parameters}
short = {p.sympy: sympy.Symbol(p.symbol) for p in tree.parameters}  # v_A for stake_aggressor
defaults = {p.sympy: p.default for p in tree.parameters}
rows = []
for who, infoset, action, free in checks:
    base, dev = deviation(tree, infoset, action)
    k = 0 if who == "Aggressor" else 1
    gain = sympy.expand(dev[k] - base[k])
    x = params[free].sympy
    flip = sympy.solve(sympy.Eq(gain.subs({s: v for s, v in defaults.items() if s != x}), 0), x)
    rows.append({"mover": who, "at": infoset.split(" at ")[1], "deviation": action,
                 "gain from deviating": str(gain.subs(short)),
                 "at the defaults": str(gain.subs(defaults)),
                 "flips at": f"{params[free].symbol} = {flip[0]}" if flip else "-"})
pd.DataFrame(rows)

# %% [markdown]
# Reading (each line is a property of the assumed numbers):
#
# * the **Aggressor challenges** because probing is worth $\tfrac{99}{100}\cdot\tfrac34 -
#   \tfrac{w_A}{100}$ (the interception stalemate, net of its standing cost, against the
#   1/100 risk the Defender's interception runs), which is positive while $w_A < 297/4$:
#   the driver is the interception rung's war risk times the Aggressor's war cost;
# * the **Defender intercepts** rather than tolerating the incursion while
#   $v_D + w_D < 52$, i.e. $w_D < 46$ at $v_D = 6$: interception buys back part of the
#   stake (the Aggressor's standing gain drops from 2 to 1) for a 1/100 risk of war;
# * the **Aggressor stops at interception** because climbing on gains
#   $\tfrac{99}{100}(\tfrac15 - \tfrac{w_A}{20})$: the extra standing gain of massed
#   incursions over interception, net of the 1/20 chance of losing it (worth 1/5 in
#   all), is less than the rung's 1/20 war risk once $w_A > 4$. Articles 4 and 5 never
#   come into play on this path; section 4 shows when they do.

# %% [markdown]
# ## 3. Regime maps: the stopping rung over two parameters
#
# First the two war costs, which the symbolic tree takes directly (one backward induction
# per point). Points where several subgame-perfect equilibria stop at different places
# are marked "several".

# %%
def stop_label(t, **values):
    """Where the subgame-perfect paths of ladder ``t`` stop at ``values``."""
    try:
        outs = M.ladder_outcomes(t, **values)
    except gt.SolverError:  # exact ties everywhere below: too many equilibria to list
        return "several"
    names = sorted({o.describe().split(";")[0] for o in outs})
    return names[0] if len(names) == 1 else "several"


wa_values = [F(v) for v in np.geomspace(2, 160, 21).round(2).astype(str)]
wd_values = [F(v) for v in np.geomspace(5, 160, 16).round(2).astype(str)]
labels = [[stop_label(tree, war_cost_aggressor=a, war_cost_defender=d)
           for a in wa_values] for d in wd_values]
regimes = sorted({x for row in labels for x in row})
print(len(wa_values) * len(wd_values), "points;", len(regimes), "regimes:")
for r in regimes:
    print(f"  {sum(row.count(r) for row in labels):>3}  {r}")


# %%
COLOURS = {"status quo": "tab:pink", "several": "tab:gray",
           "stalemate at drone incursion (Defender holds first)": "tab:blue",
           "stalemate at interception (Eastern Sentry) (Aggressor holds first)": "tab:red",
           "yield at drone incursion by Defender": "tab:cyan"}


def draw_map(labels, xs, ys, xlabel, ylabel, title, logx=True, logy=True):
    """A categorical map of the stopping rung, one colour per outcome in every map."""
    names = sorted({x for row in labels for x in row})
    codes = np.array([[names.index(x) for x in row] for row in labels])
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    colours = [COLOURS.get(n, "tab:olive") for n in names]
    cmap = matplotlib.colors.ListedColormap(colours)
    ax.pcolormesh(np.array(xs, dtype=float), np.array(ys, dtype=float), codes, cmap=cmap,
                  vmin=-0.5, vmax=len(names) - 0.5, shading="nearest")
    if logx:
        ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title)
    handles = [plt.Rectangle((0, 0), 1, 1, color=cmap(k)) for k in range(len(names))]
    ax.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=8,
              ncol=1, frameon=False)
    return fig, ax


fig, ax = draw_map(labels, wa_values, wd_values, "Aggressor's war cost $w_A$",
                   "Defender's war cost $w_D$", "Where the drone ladder stops")
ax.axvline(float(F(297, 4)), color="k", lw=0.8, ls="--")
plt.show()

# %% [markdown]
# Reading: the map has three broad regions and a fourth at its edge, driven by the two
# war costs separately. Right of the dashed line ($w_A > 297/4$, from section 2) the
# Aggressor does not probe at all. Above the Defender's threshold ($w_D = 46$) the
# Defender tolerates the incursion (a stalemate at the first rung) and the Aggressor is
# not deterred even by a large war cost, because the incursion rung carries no war risk.
# In between, the crisis settles at interception. Left of $w_A = 4$ the Aggressor would
# climb past interception (section 2), so interception no longer settles anything: the
# Defender tolerates the incursion or, for the most risk-tolerant Aggressors, yields at
# it. The driver of every boundary is a rung's war risk times a war cost; the standing
# gains decide which stalemate each side is willing to accept.
#
# The Defender's back-down cost $a_D$, another natural axis, does not move the stopping
# rung on the default path: nobody yields there. It matters only where the Defender
# yields (the left edge): in the next cell a back-down cost of 12 turns the Defender's
# yield at $w_A = 5/2$ into a stalemate at the incursion, and changes nothing at
# $w_A = 7/2$ or $40$.

# %%
for a_D in (0, 2, 6, 12):
    print(f"a_D = {a_D:>2}:", "; ".join(
        f"w_A={a}: {stop_label(tree, war_cost_aggressor=a, backdown_cost_defender=a_D)}"
        for a in (F(5, 2), F(7, 2), 40)))

# %% [markdown]
# ## 4. What Article 4 and Article 5 do to the Aggressor's calculation
#
# On the default path neither Article 4 nor Article 5 is reached. They matter through the
# Aggressor's value of climbing *past* interception, and through whether the Defender's
# interception is credible against a risk-tolerant Aggressor. Rung properties are not
# parameters of the tree, so each variant rebuilds the ladder.

# %%
def variant(article4=None, article5="keep"):
    """DRONE_LADDER with the Article 4 rung's fields replaced, and the Article 5 rung kept,
    dropped or given another war risk."""
    rs = list(LADDER)
    if article4:
        rs[3] = dataclasses.replace(rs[3], **article4)
    if article5 == "drop":
        rs = rs[:5]
    elif article5 != "keep":
        rs[5] = dataclasses.replace(rs[5], war_risk=F(article5))
    return M.escalation_ladder(rs)


climb = ("Aggressor at interception (Eastern Sentry) (CC)", "Climb to massed incursions")
rows = []
for name, kw in [("as calibrated", {}),
                 ("no Article 5 rung", {"article5": "drop"}),
                 ("Article 5 war risk 1/2", {"article5": "1/2"}),
                 ("Article 4 war risk 1/40", {"article4": {"war_risk": F(1, 40)}}),
                 ("Article 4 war risk 0", {"article4": {"war_risk": 0}}),
                 ("Article 4 costs the Aggressor 6", {"article4": {"aggressor_cost": 6}}),
                 ("Article 4 costs the Aggressor 0", {"article4": {"aggressor_cost": 0}})]:
    t = variant(**kw)
    for w in (F(7, 2), 10, 40):
        base, dev = deviation(t.at(war_cost_aggressor=w), *climb)
        rows.append({"variant": name, "w_A": str(w),
                     "stops at": stop_label(t, war_cost_aggressor=w),
                     "Aggressor: climb past interception": str(dev[0]),
                     "vs equilibrium": str(base[0])})
article = pd.DataFrame(rows)
article

# %% [markdown]
# Reading the table (the Aggressor's payoffs are expected values of the whole game):
#
# * **Article 5** changes nothing at these points: removing the rung or halving its risk
#   leaves every stopping rung and the Aggressor's value of climbing past interception as
#   calibrated. With a 1/4 risk at the strike rung and a 1/10 risk at Article 4, the
#   crisis never gets near the top; the Article 5 threshold acts only through the lower
#   rungs' risks, which is the brinkmanship logic of section 5.
# * **Article 4's war risk** is what makes the Defender's answer to massed incursions
#   credible. As calibrated (1/10) the Defender would not invoke it; when Article 4 is
#   safer for the Defender to invoke (risk 1/40 or 0) the Defender answers massed
#   incursions with it, the Aggressor's value of climbing past interception falls, and a
#   risk-tolerant Aggressor ($w_A = 7/2$) that made the Defender tolerate incursions as
#   calibrated now settles at interception.
# * **Article 4's cost to the Aggressor** (sanctions, countermeasures over Ukraine) works
#   the same way but only once Article 4 would be invoked; as calibrated it is off the
#   path and its level does not matter.
#
# The map below sweeps Article 4's war risk against the Aggressor's war cost.

# %%
p4_values = [F(0), F(1, 200), F(1, 100), F(1, 50), F(1, 40), F(3, 100), F(1, 25), F(1, 20),
             F(3, 40), F(1, 10), F(3, 20), F(1, 5)]
wa_small = [F(v) for v in np.geomspace(2, 12, 14).round(2).astype(str)]
labels4 = []
for p4 in p4_values:
    t = variant(article4={"war_risk": p4})
    labels4.append([stop_label(t, war_cost_aggressor=a) for a in wa_small])
fig, ax = draw_map(labels4, wa_small, p4_values, "Aggressor's war cost $w_A$",
                   "Article 4 rung's war risk", "Article 4's risk and the stopping rung",
                   logy=False)
plt.show()

# %% [markdown]
# Reading: the band in which the Defender tolerates incursions (a risk-tolerant
# Aggressor would out-climb its interception) disappears once Article 4 is safe enough
# to invoke: on this grid between an Article 4 risk of 1/25 and 1/20, the Defender then
# intercepts at every $w_A$ where it does not simply yield, and the crisis settles at
# interception. Below $w_A \approx 3$ no Article 4 risk helps: the Defender yields at the
# incursion. The assumption driving the boundary is the Defender's comparison after
# massed incursions: settling there, worth $v_D - g_3 - c^D_3$, against invoking Article
# 4 at risk $p_4$ of a war costing $w_D$ and otherwise settling at Article 4 (the
# Aggressor holds there). The exact boundary from the rung data:

# %%
p4 = sympy.Symbol("p_4")
massed, art4 = LADDER[2], LADDER[3]
v_D, war_D = params["stake_defender"].default, params["war_cost_defender"].default
settle_massed = v_D - massed.aggressor_gain - massed.defender_cost
settle_art4 = v_D - art4.aggressor_gain - art4.defender_cost
print("the Defender invokes Article 4 after massed incursions iff p_4 <=",
      sympy.solve(sympy.Eq((1 - p4) * settle_art4 - p4 * war_D, settle_massed), p4)[0])

# %% [markdown]
# ## 5. The brinkmanship benchmark
#
# Strip the ladder to the pure contest in risk taking (no holds, no standing gains, no
# back-down costs; Schelling 1966, Powell 1990): each side climbs onto rung $j$ (when the
# other will then yield) iff $w/v < (1-p_j)/p_j$. `climb_thresholds` gives these
# war-cost-ratio thresholds for the calibrated risks:

# %%
thresholds = M.climb_thresholds()
pd.DataFrame({"war risk p": [str(r.war_risk) for r in LADDER],
              "climbs iff w/v below": [("always" if v is None else str(v))
                                       for v in thresholds.values()]},
             index=list(thresholds))

# %% [markdown]
# The closed form (`brinkmanship_outcome`) is checked against the tree's backward
# induction on the pure contest with the calibrated risks, at the Aggressor's ratios on
# either side of each threshold:

# %%
pure_rungs = tuple(M.Rung(r.name, r.war_risk) for r in LADDER[1:])  # every rung risky
pure = M.escalation_ladder(pure_rungs, hold=False)
agree = 0
points = []
for t in M.climb_thresholds(pure_rungs).values():
    for ratio in ((t * F(9, 10), t * F(11, 10)) if t else (F(1, 2),)):
        values = {"stake_aggressor": 4, "war_cost_aggressor": 4 * ratio,
                  "backdown_cost_aggressor": 0, "backdown_cost_defender": 0}
        challenge, _ = M.brinkmanship_outcome(pure_rungs, values)
        outs = M.ladder_outcomes(pure, **values)
        agree += all((o.how != "status quo") == challenge for o in outs)
        points.append((str(ratio), challenge))
print(f"closed form and backward induction agree at {agree} of {len(points)} points")
print("(w_A/v_A, Aggressor challenges):", points)

# %%
p = np.linspace(0.005, 0.6, 300)
fig, ax = plt.subplots(figsize=(6.5, 3.6))
ax.plot(p, (1 - p) / p, color="k", lw=1.2, label="$(1-p)/p$: climb below the curve")
for r in LADDER[1:-1]:
    ax.plot(float(r.war_risk), float((1 - r.war_risk) / r.war_risk), "o")
    ax.annotate(r.name, (float(r.war_risk), float((1 - r.war_risk) / r.war_risk)),
                textcoords="offset points", xytext=(6, 4), fontsize=8)
ax.axhline(40 / 4, color="tab:red", lw=0.8, ls="--", label="calibrated $w_A/v_A = 10$")
ax.set(yscale="log", xlabel="rung's war risk $p$", ylabel="war-cost ratio $w/v$",
       title="Brinkmanship: the highest risk each resolve will run")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# Reading: with the calibrated ratio $w_A/v_A = 10$, the Aggressor of the pure contest
# would run the risks of interception (threshold 99) and of massed incursions (19), but
# not Article 4's (9) or a strike on allied soil (3). Under complete information the
# crisis never climbs past the first rung on the path (the side that would give up
# somewhere gives up at its first move); the thresholds say which rungs a threat can
# credibly reach. What drives them is the risk attached to each rung and the ratio of war
# cost to stake, nothing else.

# %% [markdown]
# ## 6. The cost-exchange campaign
#
# Cheap drones against costly interceptors (`attrition_campaign`; the defaults are again
# assumptions): each round the Aggressor launches 0-2 drones at 1/10 each; the Defender
# fires interceptors (1/2 each; each kills with probability $q(n) = \tfrac{9}{10}
# \cdot 4/(4+n)$, falling with the salvo size), restocks 2 at 1/4 each into a magazine of
# 6, or strikes the launch sites, which ends the campaign at $(-K_A, -K_D) = (-4, -12)$.
# A leaked drone is worth 1 to the Aggressor and costs the Defender 2. A 20-round
# campaign solved exactly by backward induction over (round, stock):

# %%
campaign = M.attrition_campaign(rounds=20)
plan = campaign.solve()
print("payoffs (Aggressor, Defender):", tuple(str(v) for v in plan.payoffs),
      "| ties broken:", plan.ties)
path = pd.DataFrame([{"round": r.round, "stock": r.stock, "salvo": r.salvo, "fired": r.fired,
                      "bought": r.bought, "strike": r.strike,
                      "exchange ratio": None if r.exchange_ratio is None
                      else float(r.exchange_ratio)} for r in plan.path])
path[path.salvo > 0]

# %%
fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 3.2))
a1.step(path["round"], path["stock"], where="post", label="interceptors in stock")
a1.bar(path["round"], path["salvo"], alpha=0.5, label="salvo")
a1.set(xlabel="round", title="Salvos and magazine, 20 rounds")
a1.legend(fontsize=8)
a2.plot(path["round"], path["exchange ratio"], "o-")
a2.set(xlabel="round (no ratio without a salvo)", ylabel="Defender spend / Aggressor spend",
       title="Exchange ratio by round", xlim=(-0.5, 19.5))
plt.show()

# %% [markdown]
# Reading: the Aggressor does nothing for the first 16 rounds and fires full salvos in
# the last four (rounds 16-19); the Defender fires an interceptor at every drone and
# restocks in rounds 17 and 18. The timing is a tie (the Aggressor is indifferent when it fires; the
# solver reports the ties it broke and takes the smaller salvo first), but the total is
# not: the Defender spends 5 to 7.5 times what the Aggressor spends per round, the
# cost-exchange the drones were chosen for. Why only four rounds of fire? The next cell
# varies the Defender's cost of striking the launch sites, $K_D$.

# %%
ks = [F(k) for k in (1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 20, 25, 30, 40, 50, 60, 70, 80)]
rows = []
for k in ks:
    sol = M.attrition_campaign(rounds=20, strike_cost_defender=k).solve()
    rows.append({"K_D": float(k), "Aggressor": float(sol.payoffs[0]),
                 "Defender": float(sol.payoffs[1]),
                 "drones launched": sum(r.salvo for r in sol.path),
                 "strikes on path": sum(r.strike for r in sol.path)})
strike = pd.DataFrame(rows)
unbounded = M.attrition_campaign(rounds=20, strike_cost_defender=10**6).solve()
print("without a usable strike the Defender would lose", str(-unbounded.payoffs[1]),
      "over 20 rounds")
strike

# %%
fig, ax = plt.subplots(figsize=(6.5, 3.6))
ax.plot(strike["K_D"], -strike["Defender"], "o-", label="Defender's campaign loss")
ax.plot(strike["K_D"], strike["Aggressor"], "s-", label="Aggressor's campaign gain")
ax.plot(strike["K_D"], strike["K_D"], "k--", lw=0.8, label="$K_D$ (loss = strike cost)")
ax.axhline(float(-unbounded.payoffs[1]), color="grey", lw=0.8, ls=":",
           label="loss with no usable strike")
ax.set(xlabel="Defender's cost of striking launch sites $K_D$", ylabel="payoff units",
       title="The strike threat caps the campaign")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# Reading: the Defender never strikes on the path, yet the strike option sets the size of
# the campaign. The Aggressor launches exactly as much as keeps the Defender's remaining
# loss just under $K_D$, because one drone more would make the strike the Defender's
# better reply, which costs the Aggressor $K_A = 4$ and the rest of its campaign. The
# Defender's loss tracks the $K_D$ line until $K_D$ exceeds 61, the loss of an
# unconstrained campaign, after which the strike threat no longer binds and the curves
# are flat. With $K_D = 1$ the threat is so cheap to carry out that the Aggressor
# launches nothing. The driver is the Defender's strike cost against the per-round cost
# exchange (the leak damage and interceptor prices). This is the "salami tactics" logic of
# notebook 04 in a campaign with a magazine.
