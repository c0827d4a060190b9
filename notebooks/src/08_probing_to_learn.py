# %% [markdown]
# # 08 · Probing to learn: testing resolve as a game of learning
#
# The drone incursions of September 2025 were read as "deliberate intrusions intended to
# ... gauge political will": a long-lived prober testing an alliance whose resolve it
# does not know, and learning from each response. This notebook treats that reading as
# a game of incomplete information and asks:
#
# 1. **When does a prober probe, round by round?** A Defender is *resolute* (always
#    answers a probe) or *strategic* (answers at a cost $c$ only to build a reputation).
#    The Prober updates its belief after every answer. How does probing depend on the
#    prior, the response cost, the horizon and the Prober's patience?
# 2. **What is a signal worth?** Eastern Sentry as a *sunk cost* and a public red line
#    as *tied hands*: which separates a resolute from an irresolute Defender, and when?
# 3. **What does deniability do?** Interception needs no attribution, retaliation does:
#    how does the quality of attribution move the Defender between the two?
#
# *Sources.* Kreps and Wilson (1982), "Reputation and imperfect information", *Journal of
# Economic Theory* 27; Milgrom and Roberts (1982), same issue; Sobel (1985), "A theory of
# credibility", *Review of Economic Studies* 52; Sartori (2005), *Deterrence by
# Diplomacy*; Fearon (1997), "Signaling foreign policy interests: tying hands versus
# sinking costs", *Journal of Conflict Resolution* 41(1); Cho and Kreps (1987),
# *Quarterly Journal of Economics* 102; Baliga, Bueno de Mesquita and Wolitzky (2020),
# "Deterrence with imperfect attribution", *American Political Science Review* 114(4).
# The parameter values are illustrative, not calibrated.

# %%
from fractions import Fraction as F

import matplotlib.pyplot as plt
import pandas as pd

import gametheory as gt
from gametheory.solve.refinements import intuitive_criterion
from gametheory.solve.signaling import perfect_bayesian_equilibria

pd.set_option("display.width", 120)


def fmt(v):
    return "-" if v is None else str(v)


# %% [markdown]
# ## 1. A prober who learns
#
# Each round the Prober refrains (0) or probes: $g$ if the probe goes unanswered, $-\ell$
# if it is answered; it discounts later rounds by $\delta$. The strategic Defender gets
# $a$ for a round without a probe, 0 for an unanswered probe and $-c$ for an answered one.
# The equilibrium is computed exactly by backward recursion on the Prober's belief
# $\mu$ (the test suite checks it on the whole game tree for $T = 2, 3$: every
# information set, every deviation, Bayes' rule).
#
# With $g = \ell = 1$ (a myopic prober probes iff the chance of an answer is below
# $b = 1/2$), $a = 2$, $c = 1$ the model is Kreps and Wilson's chain store: the Prober
# probes with $n$ rounds left only if its belief is below $b^n$.

# %%
kw = gt.models.learning_prober(rounds=6, prior="1/10", patience=0)
print("thresholds b^n, n = 1..6:", [fmt(kw.threshold(n)) for n in range(1, 7)])
pd.DataFrame([{k: fmt(v) for k, v in row.items()} for row in kw.reputation_path()])

# %% [markdown]
# Along the path where every probe is answered, the first three rounds are quiet: the
# prior 1/10 is above $b^6, b^5, b^4$. Probing starts when the threshold passes the
# belief; each answer lifts the belief to the next threshold, where the strategic type
# has just enough reason to answer. **A reputation deters early and is tested late.**
#
# Is that because Kreps and Wilson's entrants are short-lived? Give the Prober full
# patience ($\delta = 1$): it now values what it learns.

# %%
for d in (F(0), F(1, 2), F(1)):
    m = gt.models.learning_prober(rounds=6, prior="1/10", patience=d)
    print(f"patience {d}: probing by round", [fmt(x) for x in m.probe_probability_by_round()])

# %% [markdown]
# Nothing changes. When one answer costs less than one round of peace ($c < a$), the
# strategic type's mixing leaves the Prober indifferent at every belief it can reach, so
# what it learns is worth nothing to it. Learning matters when answers are dear: with
# $c = 3 > a = 2$ a reputation is worth building only with at least three rounds left
# ($(n-1) a \ge c$), and in the last rounds a probe is an experiment that tells the
# Prober the type.

# %%
rows = []
for c in (1, 3, 5):
    for d in (F(0), F(9, 10)):
        m = gt.models.learning_prober(rounds=5, prior="1/5", response_cost=c, patience=d)
        byround = m.probe_probability_by_round()
        rows.append({"response cost c": c, "patience": str(d),
                     **{f"round {t + 1}": f"{float(x):.3f}" for t, x in enumerate(byround)},
                     "expected probes": f"{float(sum(byround)):.3f}"})
pd.DataFrame(rows)

# %% [markdown]
# Dear answers bring probing forward and make patience matter. With $c = 3$ a myopic
# Prober waits for the second round while a patient one probes in the first: the answer
# (or its absence) is worth learning, and the patient Prober expects more probes in all
# (4.00 against 3.30). With $c = 5$ every Prober opens with a probe. The prior and the
# horizon:

# %%
rows = []
for prior in ("1/40", "1/10", "3/10"):
    for T in (3, 6):
        m = gt.models.learning_prober(rounds=T, prior=prior)
        byround = m.probe_probability_by_round()
        first = next((t + 1 for t, x in enumerate(byround) if x > 0), None)
        rows.append({"prior (resolute)": prior, "rounds": T, "first round with probing": first,
                     "expected probes": f"{float(sum(byround)):.3f}"})
pd.DataFrame(rows)

# %% [markdown]
# A more resolute-looking Defender is probed less and later. A longer horizon adds quiet
# rounds at the start, not probes: at prior 1/10 the expected number of probes is the
# same over 3 and 6 rounds (Kreps and Wilson's bounded number of entries).
#
# ### The posterior path
#
# How fast does the Prober learn? Its expected belief after each round, given each type
# of Defender (averaged over both types it stays at the prior: beliefs are a
# martingale), the belief along the path where every probe is answered, and the
# threshold below which the Prober probes in the next round.

# %%
m = gt.models.learning_prober(rounds=6, prior="1/5", response_cost=3)
paths = {"Defender resolute": m.expected_belief_by_round(True),
         "Defender strategic": m.expected_belief_by_round(False),
         "every probe answered": [r["belief"] for r in m.reputation_path()]
         + [m.reputation_path()[-1]["belief_after"]]}
fig, axs = plt.subplots(1, 2, figsize=(10, 3.6), layout="constrained")
gt.figures.posterior_paths(paths, thresholds=[m.threshold(n) for n in range(6, 0, -1)],
                           ax=axs[0], title="belief after each round (c = 3, a = 2)")
gt.figures.probing_by_round(
    {f"c = {c}": gt.models.learning_prober(rounds=6, prior="1/5",
                                           response_cost=c).probe_probability_by_round()
     for c in (1, 3, 5)}, ax=axs[1], title="probability of a probe")
plt.show()

# %% [markdown]
# ## 2. The value of signals: sinking costs versus tying hands
#
# A resolute Defender would fight a probe (cost $w = 5$), an irresolute one concede (its
# stake $V_L = 1$). Before the Prober decides, the Defender may deploy **Eastern Sentry**
# (a sunk cost $k$, paid whatever follows) or draw a **red line** (an audience cost $a$,
# paid only if it then concedes). A probe may come even if the Prober refrains, with
# probability $\rho = 1/4$ (a rogue unit, a stray drone): the test a bluff cannot
# prevent. The closed forms (derived in `gt.models.costly_signals`) say that the sunk
# cost separates iff $(1-\rho) V_L \le k \le (1-\rho) w$, the red line iff
# $\rho \min(w, V_L + a) \ge V_L$.

# %%
for sig in ("sunk", "tied"):
    g = gt.models.costly_signals(sig)
    print(g.title, "- separating interval of the signal's cost:",
          gt.models.separation_interval(sig))
    for e in perfect_bayesian_equilibria(g, pure=True):
        v = intuitive_criterion(g, e)
        print("  ", e.describe(), "| intuitive criterion:", "survives" if v.survives else "fails")

# %% [markdown]
# Both signals separate at these values, and the pooling equilibrium on silence (the
# Prober probes everyone, and would probe a signaller too) fails the intuitive
# criterion: the signal is too dear for an irresolute Defender, so a Prober who sees it
# should believe it. The two differ in who pays and when:

# %%
rows = []
for rho in ("0", "1/10", "1/4", "1/2"):
    row = {"rho": rho}
    for sig, cost in (("sunk", "sunk cost k"), ("tied", "audience cost a")):
        interval = gt.models.separation_interval(sig, test_prob=rho)
        row[f"{cost} that separates"] = ("none" if interval is None else
                                         f"[{interval[0]}, "
                                         f"{'inf' if interval[1] is None else interval[1]}]")
    rows.append(row)
pd.DataFrame(rows)

# %% [markdown]
# A red line that can never be tested ($\rho = 0$) is cheap talk: no audience cost makes
# it separate, because an irresolute Defender who draws it never pays. Eastern Sentry
# separates even then, because its cost is paid up front. **Value of a signal:** in the
# separating equilibrium the resolute Defender pays $k + \rho w = 13/4$ with Eastern
# Sentry but only $\rho w = 5/4$ with a red line, and the irresolute one is probed
# either way.

# %% [markdown]
# ## 3. Deniability: interception needs no attribution
#
# An incursion may be the Aggressor's or another culprit's (probability $\eta = 1/2$); an
# attribution signal of quality $q$ names the true culprit with probability $q$.
# Interception works whoever sent the drone; retaliation pays only against the culprit
# and costs $M$ more against an innocent party.

# %%
rows = []
for q in ("1/2", "11/20", "3/5", "3/4", "9/10", "99/100"):
    eq = gt.models.deniable_probe_equilibrium(attribution_quality=q)
    rows.append({"attribution quality q": q, "regime": eq.regime,
                 "P(probe)": f"{float(eq.probe):.3f}",
                 "P(retaliate | attributed)": f"{float(eq.defender['attributed']['X']):.3f}",
                 "P(retaliate | not attributed)":
                     f"{float(eq.defender['unattributed']['X']):.3f}"})
pd.DataFrame(rows)

# %% [markdown]
# Below $q_1 = 5/9$ even a certain probe leaves an attributing signal too weak to act
# on: the Defender intercepts everything and the Aggressor probes at will (deterrence
# by denial only). Above it the Defender retaliates after attribution, sometimes, and
# probing falls steadily with $q$: better attribution turns interception into
# punishment and deters (the monotone result of Baliga, Bueno de Mesquita and Wolitzky
# 2020; their multi-attacker effects are not modelled).
#
# ## What this says about "testing resolve"
#
# * A reputation for answering probes deters early and is tested late, whatever the
#   prober's patience, as long as answering is cheap relative to the peace it buys.
# * When answers are dear, probing comes early: a probe is an experiment, and a patient
#   prober runs more of them.
# * A sunk-cost signal separates resolute from irresolute defenders even if never
#   tested; a red line separates only because it may be tested.
# * Poor attribution pushes the Defender to denial (interception) and leaves threats of
#   punishment without force.
