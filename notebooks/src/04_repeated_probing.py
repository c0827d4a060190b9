# %% [markdown]
# # 04 · Repeated probing: patience, lapses, noise and reputation
#
# The drone incursions are not one game but a campaign. Each unanswered probe normalises
# the next; a costly response today can buy deterrence tomorrow. This notebook asks the
# questions analysts ask of a campaign:
#
# 1. How patient must the alliance be for responding to *every* probe to be credible,
#    even when a single response costs more than it saves? (a critical discount factor,
#    as a formula)
# 2. How does that deterrence fare when probes are missed and phantoms are answered
#    (detection noise on the drone game itself), and how do trigger strategies fare under
#    misperception in the classic prisoner's dilemma?
# 3. How long does a *reputation* for toughness deter a finite campaign
#    (Kreps and Wilson 1982)?
# 4. What does a patient aggressor take by *salami tactics* (Schelling 1966)?
#
# *Sources.* Friedman (1971) for trigger strategies; Axelrod (1984) for tit-for-tat;
# Kreps and Wilson (1982), "Reputation and imperfect information", *JET* 27; Milgrom and
# Roberts (1982), same issue; Schelling, *Arms and Influence* (1966), ch. 2;
# Mailath and Samuelson, *Repeated Games and Reputations* (2006).

# %%
from fractions import Fraction as F

import matplotlib.pyplot as plt
import pandas as pd
import sympy

import gametheory as gt
from gametheory.analysis.repeated import noise, salami
from gametheory.analysis.repeated.folk import folk_region
from gametheory.report import figures

pd.set_option("display.width", 120)

# %% [markdown]
# ## Warm-up: the prisoner's dilemma and Friedman's threshold
#
# Grim trigger sustains mutual cooperation in the repeated prisoner's dilemma iff
# $\delta \ge (T-R)/(T-P)$ (Friedman 1971). The toolkit derives it from the stage game
# written with symbolic payoffs. The defaults (Axelrod's 5, 3, 1, 0) serve as the
# reference point that tells the toolkit the signs of expressions such as $T - P$:

# %%
pd_params = [gt.Parameter("T", default=5), gt.Parameter("R", default=3),
             gt.Parameter("P", default=1), gt.Parameter("S", default=0)]
pd_sym = gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
                           parameters=pd_params,
                           strategies=(("C", "D"), ("C", "D")),
                           constraints=["T > R", "R > P", "P > S"])
rg_sym = gt.RepeatedGame(pd_sym)
grim = (gt.strategies.grim_trigger(pd_sym, 0), gt.strategies.grim_trigger(pd_sym, 1))
delta_star = rg_sym.critical_discount(grim)
print("grim trigger is subgame perfect iff delta >=", delta_star)
T, R, P = sympy.symbols("T R P", real=True)
print("equals Friedman's (T-R)/(T-P):",
      sympy.simplify(delta_star - (T - R) / (T - P)) == 0)

# %% [markdown]
# Tit-for-tat is different: with Axelrod's payoffs $(T, R, P, S) = (5, 3, 1, 0)$ it is a
# Nash equilibrium for patient players but subgame perfect for no discount factor. The
# one-shot deviation principle names the state whose deviation breaks it:

# %%
axelrod = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                            strategies=(("C", "D"), ("C", "D")), title="Axelrod's PD")
rg = gt.RepeatedGame(axelrod)
tft = (gt.strategies.tit_for_tat(axelrod, 0), gt.strategies.tit_for_tat(axelrod, 1))
print("TFT critical discount (SPE):", rg.critical_discount(tft))
print("TFT critical discount (Nash):", rg.critical_discount(tft, concept="nash"))
print("breaking deviation:", rg.breaking_deviation(tft).describe())

# %% [markdown]
# ## The repeated probe-response game
#
# Now the campaign. The stage is the sequential probe-response game of docs/model.md; the
# variant's defaults make interception *statically costly*: in a single encounter the
# Defender prefers to under-react ($D_I < D_U$), so a one-shot threat to intercept is
# not credible, and unanswered probing pays ($A_U > 0$).
#
# The profile: the Aggressor refrains while the Defender has never lapsed and probes
# forever after a lapse; the Defender intercepts every probe while firm.
#
# No double counting: in the one-shot game the credibility loss $r_U$ stands for
# everything an unanswered probe costs, including the probing it invites. Here that
# future is modelled (a lapse invites probing forever), so in this variant $r_U$ and $r_I$
# mean only the **non-reputational** cost of each incident (domestic audience, allies'
# anger), with their own defaults:

# %%
m = gt.models.probe_response("repeated")
stage = m.stage.at()
print({p.name: str(p.default) for p in m.stage.parameters
       if p.name in ("credibility_loss", "residual_credibility_loss")})
print(stage)
print()
print("D_I < D_U (interception statically costly):",
      stage.B[1, 1] < stage.B[1, 0])

# %% [markdown]
# ### The credibility threshold as a formula
#
# The critical discount factor, derived by the toolkit from the symbolic stage, in
# docs/model.md's parameters:

# %%
delta_formula = m.credibility_threshold()
display_formula = sympy.simplify(delta_formula)
print("delta* =", display_formula)
print("at the defaults:", m.critical_discount_at())

# %% [markdown]
# Checked numerically: at the defaults, the profile is subgame perfect just above the
# threshold and not just below it.

# %%
d_star = m.critical_discount_at()
rg_num = m.at()
for d in (d_star - F(1, 100), d_star, d_star + F(1, 100)):
    res = rg_num.is_subgame_perfect(m.profile, d)
    print(f"delta = {d}: subgame perfect = {bool(res)}")

# %% [markdown]
# How the threshold moves with the credibility loss $r_U$ and the cost of intercepting
# $c_I$: the more a lapse costs in credibility, the less patience deterrence needs. Where
# intercepting is *statically* better ($D_I > D_U$) the table says "none": this profile
# then prescribes an incredible punishment (under-reacting forever after a lapse, when the
# Defender would rather intercept), so it is subgame perfect for no discount factor; the
# Defender intercepts anyway, in every period, without needing patience.

# %%
rows = []
for r_u in (F(1, 2), F(3, 4), F(1), F(3, 2), F(2)):  # r_U >= r_I = 1/2 (docs/model.md)
    for c_i in (F(1, 2), F(1), F(2)):
        d = m.critical_discount_at(credibility_loss=r_u, intercept_cost=c_i)
        rows.append({"credibility_loss r_U": r_u, "intercept_cost c_I": c_i,
                     "critical delta": "none" if d is None else str(d)})
pd.DataFrame(rows).pivot(index="credibility_loss r_U", columns="intercept_cost c_I",
                         values="critical delta")

# %% [markdown]
# ## The folk-theorem picture
#
# The feasible and individually rational payoffs of the stage (numerically, at the
# defaults), with the firm-until-lapse profile's payoffs marked:

# %%
region = folk_region(stage, repeated=rg_num, profiles={"firm until lapse": m.profile},
                     discount=F(9, 10))
print("minmax values:", region.minmax)
print("firm-until-lapse payoffs at delta = 9/10:", region.points["firm until lapse"])
figures.folk_region(region, title="Feasible, individually rational payoffs")
plt.show()

# %% [markdown]
# ## Detection noise on the drone game
#
# Drones are deniable and hard to see. In the repeated drone game a probe is **missed**
# with probability $e_m$ (it goes unanswered, and the Aggressor, having seen its probe pass,
# is emboldened while the Defender still thinks itself firm); a quiet period raises a
# **false alarm** with probability $e_f$ (the Defender reacts to a phantom and pays the
# reaction's own costs); and a drone meant for elsewhere **strays** into allied airspace
# with probability $e_s$. The values of the firm-until-lapse profile are exact (the joint
# automaton under noise is a Markov chain; docs/model.md, "Detection noise"), at
# $\delta = 9/10$, average discounted payoffs (Aggressor, Defender); the last column is
# the values once the Aggressor is emboldened while the Defender is still firm:

# %%
noise_rows = []
for e_s in (F(0), F(1, 100)):
    noise_rows += m.noise_comparison(missed_detection=(0, F(1, 20), F(1, 10)),
                                     false_alarm=(0, F(1, 20)), stray=e_s)
drone_noise = pd.DataFrame(noise_rows)
drone_noise.astype(str)

# %%
def value(e_m, e_f, e_s, who="Defender"):
    row = drone_noise[(drone_noise.missed_detection == e_m) & (drone_noise.false_alarm == e_f)
                      & (drone_noise.stray == e_s)]
    return row[who].iloc[0]


c_i = m.stage.defaults()["intercept_cost"]
print(f"without strays: the Defender's value is {value(0, 0, 0)} at e_m = 0 and "
      f"{value(F(1, 10), 0, 0)} at e_m = 1/10 (nothing is probed while deterrence holds, "
      f"so missed detections cannot matter); a false alarm rate of 1/20 costs it "
      f"{value(0, F(1, 20), 0)} = -e_f c_I = {-F(1, 20) * c_i} per period")
print(f"with strays (e_s = 1/100): the Defender's value falls from {value(0, 0, F(1, 100))} "
      f"= {float(value(0, 0, F(1, 100))):.4f} at e_m = 0 to {value(F(1, 10), 0, F(1, 100))} "
      f"= {float(value(F(1, 10), 0, F(1, 100))):.4f} at e_m = 1/10: an unseen stray starts "
      f"contested probing forever")

# %% [markdown]
# Grim deterrence does not forgive: once a missed stray has emboldened the Aggressor, the
# firm-until-lapse profile has no way back. The classic comparison of grim and forgiving
# strategies under noise is the prisoner's dilemma's, below.
#
# ## Misperception in the prisoner's dilemma: grim trigger versus forgiving strategies
#
# With perception errors (each player misreads the *opponent's* action), grim trigger
# collapses into permanent punishment after the first mistake; forgiving strategies
# recover. (On the drone game this perception noise is inert: the lapse trigger needs the
# Defender's own action, which it never misreads; hence the detection noise above.) A
# seeded simulation on the prisoner's dilemma (mean discounted payoffs with 95% confidence
# intervals, common random numbers):

# %%
S = gt.strategies
profiles = {
    "grim trigger": (S.grim_trigger(axelrod, 0), S.grim_trigger(axelrod, 1)),
    "tit for tat": (S.tit_for_tat(axelrod, 0), S.tit_for_tat(axelrod, 1)),
    "punish 2 then forgive": (S.punish_then_forgive(axelrod, 0, periods=2),
                              S.punish_then_forgive(axelrod, 1, periods=2)),
}
table = noise.compare_under_noise(rg, profiles, errors=(0.0, 0.02, 0.05, 0.1),
                                  discount=F(95, 100), rounds=150, runs=300, seed=7)
table[["profile", "perception_error", "mean: Row", "low: Row", "high: Row"]].round(3)

# %%
grim_clean = table[(table.profile == "grim trigger") & (table.perception_error == 0.0)]
grim_noisy = table[(table.profile == "grim trigger") & (table.perception_error == 0.1)]
forgive_noisy = table[(table.profile == "punish 2 then forgive")
                      & (table.perception_error == 0.1)]
print(f"grim trigger: {grim_clean['mean: Row'].iloc[0]:.2f} without noise, "
      f"{grim_noisy['mean: Row'].iloc[0]:.2f} with 10% misperception")
print(f"punish-2-then-forgive with 10% misperception: {forgive_noisy['mean: Row'].iloc[0]:.2f}")

# %% [markdown]
# ## Reputation: a finite campaign against a possibly tough alliance
#
# In a finite campaign, backward induction unravels any threat (Selten's chain-store
# paradox): a merely rational Defender under-reacts to the last probe, hence to every
# probe. Kreps and Wilson (1982) resolve it with a small prior that the Defender is
# *tough* (always intercepts). A weak Defender then intercepts early probes to keep its
# reputation, and, when the prior is high enough for the campaign's length, the
# Aggressor **does not probe early**: probing starts late. That is the opposite of the
# autumn-2025 pattern of early, repeated probes by one long-lived prober, so this model
# does not explain those probes (in Kreps-Wilson each market has its own short-lived
# entrant). The reputation variant maps docs/model.md's payoffs onto their model ($r_U$
# again meaning only non-reputational costs):

# %%
cs = gt.models.reputation_probe_response(stages=10, prior=F(1, 5))
print(cs)
path = pd.DataFrame(cs.belief_path())
path

# %% [markdown]
# How the prior moves the first probe: the probability of a probe in each market along
# the path on which every probe so far has been intercepted (market 10 is the first):

# %%
prior_rows = []
for prior in (F(1, 10), F(1, 5), F(1, 3), F(1, 2)):
    c = gt.models.reputation_probe_response(stages=10, prior=prior)
    bp = c.belief_path()
    quiet = next((i for i, r in enumerate(bp) if r["entry_probability"] != 0), len(bp))
    prior_rows.append({"prior of toughness": str(prior),
                       "markets without any probe at the start": quiet,
                       "expected probes": round(float(c.expected_entries()), 3),
                       **{f"m{r['market']}": str(r["entry_probability"]) for r in bp}})
prior_table = pd.DataFrame(prior_rows).set_index("prior of toughness")
prior_table

# %%
e_probes = cs.expected_entries()
print(f"expected number of probes in the campaign: {e_probes} = {float(e_probes):.3f}")
sim = cs.simulate(runs=2000, seed=11)
print(sim)

# %% [markdown]
# ## Salami tactics
#
# Schelling's salami tactics: the Aggressor takes slices just below the Defender's
# per-incident tolerance, and each unanswered slice normalises the next (the tolerance
# grows). A cumulative red line caps the total:

# %%
rows = []
for kappa in (F(0), F(1, 4), F(1, 2)):
    for red_line in (None, F(10)):
        c = salami.salami_campaign(tolerance=2, periods=10, normalisation=kappa,
                                   red_line=red_line)
        rows.append({"normalisation": str(kappa), "red line": str(red_line),
                     "slices": len(c.slices), "total taken": str(c.total),
                     "≈": round(float(c.total), 2)})
pd.DataFrame(rows)

# %% [markdown]
# ## Summary
#
# Everything above is computed: the critical discount factor of a statically costly
# response, as a formula and at the defaults; its sensitivity to credibility loss and
# interception cost; the exact values of deterrence under missed detections, false alarms
# and strays on the drone game; the collapse of grim trigger under misperception in the
# prisoner's dilemma; the reputation path of a finite campaign (no early probing when the
# prior of toughness is high enough, unlike the seed's early probes); and the take of a
# salami campaign with and without a red line.
