# %% [markdown]
# # 01 · Probe or respond: the September 2025 incursions as a game
#
# In September 2025 Russian Geran-type drones crossed into Polish airspace (several were
# shot down by Polish and allied aircraft) and into Romania, where one was shadowed by
# Romanian fighters for about fifty minutes without being engaged. NATO answered with
# *Eastern Sentry*: more early warning, electronic warfare and ground-based air defence,
# coordinated with fighters along the eastern flank.
#
# The incursions pose a textbook deterrence dilemma. A drone is a **cheap, deniable
# probe**. If the alliance *under-reacts* it loses credibility and invites more probing;
# if it *over-reacts* it risks escalation toward a direct Russia–NATO war. This notebook
# writes the dilemma down as a game with `gametheory`, solves it, and shows the one point
# every deterrence analyst must get right: **which threats are credible**.
#
# The model is the reduced form of `docs/model.md`, exposed as
# `gt.models.probe_response`. Parameter values are illustrative judgements, not
# calibrated estimates; notebooks 02 and 03 show how conclusions move with them.
#
# *Sources.* Schelling, *Arms and Influence* (1966); Snyder, *Deterrence and Defense*
# (1961) for denial versus punishment; Selten (1975) for subgame perfection; Zagare and
# Kilgour, *Perfect Deterrence* (2000) for credibility in deterrence games.

# %%
import pandas as pd
from IPython.display import Markdown, display

import gametheory as gt

pd.set_option("display.width", 120)
pd.set_option("display.max_colwidth", 70)

# %% [markdown]
# ## The players, moves and parameters
#
# The **Aggressor** refrains or probes. After a probe the **Defender** (the alliance)
# *under-reacts* (ignores or protests), *intercepts* (a proportionate response: shoot the
# drone down) or *retaliates* (escalates against the launcher). Payoffs are measured
# relative to the status quo, worth 0 to both. Any reaction gives the Aggressor
# something too: the intelligence the defences reveal when they react (information gain
# $g$) and the cost a costly interceptor imposes against a cheap drone (cost imposition
# $k$ per unit of interception cost). Retaliation needs an alliance consensus, reached
# with probability $\theta$; a failed consensus falls back to interception and costs the
# visible disunity $d$. Every parameter has a name, a symbol, a default and a meaning:

# %%
tree = gt.models.probe_response("sequential")
normal = tree.to_normal_form()
params = pd.DataFrame(
    [(p.name, p.symbol, str(p.default), p.description) for p in normal.parameters],
    columns=["name", "symbol", "default", "meaning"],
)
params

# %% [markdown]
# The reduced-form payoffs after a probe are written once, symbolically, and every
# variant, table and sweep is derived from them:

# %%
from gametheory.models.probe_response import probe_response_payoffs  # noqa: E402
from gametheory.report.latex import latex_expr, latex_symbol_names  # noqa: E402

symbols = latex_symbol_names(normal.parameters)
payoffs = probe_response_payoffs()
display(Markdown("\n".join(f"- ${k} = {latex_expr(v, symbols)}$" for k, v in payoffs.items())))

# %% [markdown]
# ## The sequential game
#
# The Aggressor moves first; the Defender sees the probe and replies. As a game tree:

# %%
print(tree)

# %% [markdown]
# Drawn, with the payoffs at the defaults:

# %%
import matplotlib.pyplot as plt  # noqa: E402

gt.figures.draw_tree(tree.at())
plt.show()

# %% [markdown]
# ### Backward induction keeps only credible replies
#
# At the defaults, what does the Defender do *after* a probe, and what does the Aggressor
# do anticipating it? Backward induction gives the subgame-perfect equilibrium:

# %%
spe = tree.backward_induction()
for e in spe:
    print(e.describe())
from gametheory.models.probe_response import best_reply_after_probe, regime  # noqa: E402

print("Defender's best reply after a probe:", best_reply_after_probe())
print("Regime at the defaults:", regime())

# %% [markdown]
# ## The normal form, and equilibria that rest on empty threats
#
# Writing the sequential game as a normal form of contingent plans gives a 2×3 game.
# The Defender is indifferent among its plans when no probe comes, so the game is
# **degenerate**: its Nash equilibria come in continua, and a solver that handles only
# non-degenerate games misses or duplicates them.

# %%
g = normal.at()
display(Markdown(gt.tables.payoff_table(g, format="markdown")))
print("degenerate:", g.is_degenerate())

# %%
equilibria = g.equilibria()
for e in equilibria:
    print(e.describe())

# %% [markdown]
# The extreme equilibria above are the corners of connected sets. `equilibrium_components`
# groups them, so the analyst sees "a continuum from here to here":

# %%
for comp in g.equilibrium_components():
    print(comp.describe())

# %% [markdown]
# ### Which of these rest on a non-credible threat?
#
# A normal-form equilibrium in which the Aggressor refrains because the Defender
# "would retaliate" is only as good as that threat. If retaliating after a probe is worse
# for the Defender than its best reply, the threat is not credible: the equilibrium is
# Nash but not subgame perfect (Selten 1975). The tree classifies each equilibrium:

# %%
for c in tree.classify_equilibria():
    print(c.describe())

# %% [markdown]
# ## What does nashpy see?
#
# nashpy is the engine behind the toolkit's float methods. On this degenerate game its
# support enumeration, used directly, does not return the equilibrium set: the toolkit's
# `method="support"` runs it, verifies every candidate by a regret check and warns that
# equilibria may be missing, while the default exact method returns every extreme
# equilibrium once.

# %%
import warnings  # noqa: E402

import nashpy  # noqa: E402
import numpy as np  # noqa: E402

A, B = g.as_float()
with warnings.catch_warnings(record=True) as nashpy_said:
    warnings.simplefilter("always")
    raw = list(nashpy.Game(A, B).support_enumeration())
print(f"nashpy support_enumeration: {len(raw)} profile(s)")
for w in nashpy_said:  # restated without the file path nashpy's warning carries
    print(f"nashpy warned ({w.category.__name__}): {' '.join(str(w.message).split())}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    cleaned = g.equilibria(method="support")
print(f"toolkit method='support': {len(cleaned)} verified equilibria; warning: "
      f"{caught[0].message if caught else 'none'}")
print(f"toolkit exact method: {len(equilibria)} extreme equilibria")
exact_set = {(tuple(map(float, e.row)), tuple(map(float, e.col))) for e in equilibria}
print("nashpy's profiles all in the exact set:",
      all((tuple(np.round(x, 12)), tuple(np.round(y, 12))) in
          {(tuple(np.round(a, 12)), tuple(np.round(b, 12))) for a, b in exact_set}
          for x, y in raw))

# %% [markdown]
# ## The posture game: choosing readiness before any probe
#
# In practice the alliance chooses its readiness *before* a probe comes (Eastern Sentry
# is such a posture), paying a readiness cost whether or not a drone arrives. Both sides
# now move at once, and the game can have no pure equilibrium: the Aggressor probes
# sometimes, the Defender keeps an interception posture sometimes.

# %%
posture = gt.models.probe_response("posture")
gp = posture.at()
display(Markdown(gt.tables.payoff_table(gp, format="markdown")))
for e in gp.equilibria():
    print(e.describe())

# %% [markdown]
# Here the posture is unobserved (a simultaneous game), although a posture such as
# Eastern Sentry is public; notebook 03 compares the observed and partly observed
# variants, and the counter-intuitive signs of the posture levers. The mixed equilibrium
# has a closed form. With the toolkit's symbolic solver, the
# probability with which the Aggressor probes, in terms of the parameters:

# %%
eq_support = (("Refrain", "Probe"), ("Under-react", "Intercept"))
sym = posture.mixed_equilibrium(eq_support)
print("P(Probe) =", sym.row[1])
print("P(Intercept posture) =", sym.col[1])
num = sym.at()
print("at the defaults:", num.describe())
print("agrees with the numeric solver:", num in gp.equilibria())

# %% [markdown]
# ## Summary
#
# The cells above computed, at the default parameter values:
#
# - the Defender's credible reply to a probe and the resulting regime;
# - the normal-form equilibria, grouped into components, and which of them rest on a
#   non-credible threat;
# - the posture game's mixed probing equilibrium, in closed form and numerically.
#
# Notebook 02 asks how these conclusions move as escalation cost and credibility loss
# change; notebook 03 translates the policy options in the public debate into parameter
# moves.
