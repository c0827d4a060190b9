# %% [markdown]
# # 07 · An alliance of many: whom to probe, how the rule sets cohesion, where the wedge works
#
# "Will the alliance really be one?" Poland and the Baltic states read Russia as an
# existential threat; Germany or Hungary lean to restraint; Moscow tries to play them off
# against each other. The two-player model of notebooks 01-03 treats the alliance as one
# Defender whose cohesion $\theta$ is a number. Here the alliance has several members, and:
#
# 1. the Aggressor chooses **whom** to probe;
# 2. the probed ally decides **alone** whether to intercept (no consensus needed);
# 3. collective retaliation follows a **decision rule** (unanimity, a majority, a lead
#    nation acting alone), so cohesion is *derived*: the probability that the allies'
#    support meets the rule.
#
# Then three classic games of alliances with $n$ members, solved by the exact $n$-player
# solvers: Diekmann's volunteer's dilemma (who intercepts), Snyder's alliance security
# dilemma (abandonment against entrapment) and Olson and Zeckhauser's burden sharing.
#
# The ally data are illustrative judgements, not estimates.

# %%
from dataclasses import replace
from fractions import Fraction as F

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import sympy

import gametheory as gt
from gametheory.report import figures

pd.set_option("display.width", 120)

# %% [markdown]
# ## 1. The allies
#
# Each ally has a threat perception $\tau_i$ (the weight it puts on a probe's damage and on
# restored deterrence), an interception cost $c_i$, a domestic audience $a_i$ (its cost of
# letting a probe over its own territory pass), a cost of joining collective retaliation
# $\kappa_i$ (its share and its fear of escalation) and the Aggressor's cost of reaching
# it $d_i$.

# %%
allies = gt.models.DEFAULT_ALLIES
pd.DataFrame([{"ally": a.name, "threat": str(a.threat), "intercept cost": str(a.intercept_cost),
               "audience": str(a.audience), "retaliation cost": str(a.retaliation_cost),
               "reach cost": str(a.reach_cost)} for a in allies])

# %% [markdown]
# ## 2. How the decision rule sets cohesion
#
# After a probe on ally $j$, ally $i$ backs retaliation iff
# $\tau_i g + a_i[i = j] - \kappa_i + \varepsilon_i > 0$, with a domestic shock
# $\varepsilon_i$ uniform on $[-\sigma, \sigma]$: it supports with probability $p_{ij}$.
# Cohesion $\theta_j$ is the probability that the supporters meet the rule.

# %%
m = gt.models.alliance_probe()
support = pd.DataFrame([[str(p) for p in m.support(j)] for j in range(len(allies))],
                       index=[f"probe on {a.name}" for a in allies],
                       columns=[a.name for a in allies])
print("probability that each ally supports retaliation:")
support

# %%
rules = {"unanimity": {"rule": "unanimity"}, "majority": {"rule": "majority"},
         "any two": {"rule": 2}, "Poland leads": {"rule": "lead", "lead": "Poland"}}
cohesion = pd.DataFrame({name: {k: str(v) for k, v in gt.models.alliance_probe(**kw)
                                .cohesion().items()} for name, kw in rules.items()})
print("cohesion theta by target and rule:")
cohesion

# %% [markdown]
# Under unanimity Hungary is a veto player: its support is 0 whoever is probed, so
# cohesion is 0 everywhere. A majority needs the two distant allies' support with the
# frontline's; a lead nation acting alone makes retaliation nearly certain. How the
# rule's cohesion responds to the veto player's cost of retaliating:

# %%
kappas = [F(k, 20) for k in range(0, 101)]
fig, ax = plt.subplots(figsize=(6.8, 3.6))
for name, kw in rules.items():
    thetas = []
    for kappa in kappas:
        members = [replace(a, retaliation_cost=kappa) if a.name == "Hungary" else a
                   for a in allies]
        thetas.append(float(gt.models.alliance_probe(members, **kw).cohesion()["Estonia"]))
    ax.plot([float(k) for k in kappas], thetas, label=name)
ax.set_xlabel(r"Hungary's cost of retaliating $\kappa$")
ax.set_ylabel(r"cohesion $\theta$ after a probe on Estonia")
ax.legend()
plt.show()

# %% [markdown]
# ## 3. Which ally gets probed, and why
#
# The Aggressor's value of probing ally $j$ is
# $U_A(j) = v(1 - \pi I_j) - c_p - d_j - \theta_j s + (1 - \theta_j) w$: it gains less
# where the target intercepts ($I_j = 1$), where cohesion makes retaliation likely, and
# where the ally is far away; it gains the wedge $w$ where the alliance fails to agree.

# %%
for name, kw in rules.items():
    out = gt.models.alliance_probe(**kw).solve()
    print(f"{name:13s}", out.describe())
out = gt.models.alliance_probe(rule="majority").solve()
pd.DataFrame([{"target": t.target, "intercepts": t.intercepts, "cohesion": str(t.cohesion),
               "Aggressor's payoff": str(t.aggressor_payoff)} for t in out.targets])

# %% [markdown]
# Estonia is the weakest link: its interception cost (3) exceeds what interception saves
# it ($\pi \tau h + a = 5/2$), so a probe over Estonia goes through, and the majority
# that retaliation needs is unlikely. The backward-induction solution is also a pure Nash
# equilibrium of the $(1 + k)$-player normal form, found by the vectorised $n$-player
# solver (with others that rest on interceptions no target would carry out):

# %%
majority = gt.models.alliance_probe(rule="majority")
equilibria = majority.pure_equilibria()
print(len(equilibria), "pure equilibria; the backward-induction profile is one of them:",
      majority.solve().profile in equilibria)
print(majority.labels(majority.solve().profile))

# %% [markdown]
# ### Regime map: whom Moscow probes
#
# Over Estonia's interception cost and the value of restored deterrence $g$ (which raises
# every ally's support for retaliation), under a majority rule; every point is solved
# exactly:

# %%
def target_grid(model, xs, ys, x_of, y_of):
    labels = ["refrain"] + [f"probe {a.name}" for a in model.allies]
    codes = np.zeros((len(xs), len(ys)), dtype=int)
    for i, xv in enumerate(xs):
        mod = x_of(model, xv)
        for k, yv in enumerate(ys):
            codes[i, k] = mod.solve(**y_of(yv)).profile[0]
    return {"x": [float(v) for v in xs], "y": [float(v) for v in ys], "codes": codes,
            "labels": labels}


def estonia_cost(model, c):
    members = [replace(a, intercept_cost=c) if a.name == "Estonia" else a
               for a in model.allies]
    return gt.models.alliance_probe(members, rule=model.rule)


xs = [F(k, 10) for k in range(0, 41)]
ys = [F(k, 4) for k in range(0, 41)]
grid = target_grid(majority, xs, ys, estonia_cost, lambda g: {"deterrence_gain": g})
figures.regime_map(grid, x="Estonia's interception cost", y="value of deterrence g",
                   title="Whom the Aggressor probes (majority rule)")
plt.show()

# %% [markdown]
# Cheap interception moves the probe from Estonia to Hungary, the far ally that neither
# intercepts nor backs retaliation. As the allies value deterrence more, a majority for
# retaliation becomes likely and the probe stops paying, later over Estonia, where a
# probe goes through even when it may be punished: retaliation deters only through the
# cohesion that the rule lets it have.
#
# ## 4. Where Moscow's wedge works
#
# A probe *works as a wedge* when it pays only through the division it exposes:
# $U_A(j) > 0 \ge U_A(j) - (1 - \theta_j) w$. Over the probe's value and the wedge gain:

# %%
def wedge_grid(model, vs, ws):
    labels = ["refrain", "probe pays by itself", "the wedge works"]
    codes = np.zeros((len(vs), len(ws)), dtype=int)
    for i, v in enumerate(vs):
        for k, w in enumerate(ws):
            out = model.solve(probe_value=v, wedge_gain=w)
            codes[i, k] = 0 if out.target is None else 2 if out.wedge_works else 1
    return {"x": [float(v) for v in vs], "y": [float(w) for w in ws], "codes": codes,
            "labels": labels}


vs = [F(k, 10) for k in range(0, 31)]
ws = [F(k, 10) for k in range(0, 31)]
for name in ("majority", "unanimity"):
    figures.regime_map(wedge_grid(gt.models.alliance_probe(**rules[name]), vs, ws),
                       x="probe value v", y="wedge gain w",
                       title=f"Where the wedge works ({name})")
    plt.show()

# %% [markdown]
# Under unanimity the veto player makes cohesion 0: there is no retaliation to fear, the
# probe pays by itself once $v > c_p$, and the wedge decides only below that. A majority
# sometimes retaliates, so over Estonia the probe needs the wedge up to
# $v = c_p + \tfrac{3}{32} s \approx 1.56$: the more an alliance can punish, the more the
# Aggressor's gain depends on showing that it will not.
#
# ## 5. Who intercepts: the volunteer's dilemma of $n$ allies (Diekmann 1985)
#
# If one interception protects everybody, each ally would rather another spent the
# missile. In the symmetric mixed equilibrium nobody intercepts with probability
# $(c/b)^{n/(n-1)}$, which *rises* with $n$. Here the exact $n$-player support enumeration
# finds every equilibrium ($2^n - 1$ of them) and the symmetric one's probability is read
# off, an algebraic number:

# %%
def in_radicals(x):
    """An algebraic number from the solver (``CRootOf``) written in radicals where sympy can."""
    def radical(r):
        for cand in sympy.roots(sympy.Poly(r.expr, r.poly.gen)):
            if cand.is_real and abs(sympy.N(cand - r, 30)) < sympy.Float("1e-25"):
                return cand
        return r
    return sympy.simplify(x.replace(lambda e: isinstance(e, sympy.CRootOf), radical))


rows = []
for n in range(2, 6):
    sol = gt.models.volunteers_dilemma_n(n).equilibria()
    (mixed,) = [e for e in sol.equilibria if all(len(s) == 2 for s in e.support)]
    p = in_radicals(sympy.sympify(gt.models.nobody_intercepts(mixed.profile)))
    rows.append({"allies": n, "equilibria": len(sol.equilibria), "P(nobody), exact": str(p),
                 "value": f"{float(p):.4f}",
                 "closed form (1/4)^(n/(n-1))": f"{(1 / 4) ** (n / (n - 1)):.4f}"})
pd.DataFrame(rows)

# %% [markdown]
# ## 6. Abandonment or entrapment (Snyder 1984)
#
# A restrained ally chooses to commit to or distance itself from the frontline ally, which
# then stands firm or accommodates, and the Aggressor decides whether to probe. Against
# a strong Aggressor, committing means entrapment, distancing means the frontline is
# abandoned and accommodates; the restrained ally commits iff its entrapment cost is
# below $d + h_R = 2$:

# %%
for e in ("1/2", "3/2", "2", "5/2", "4"):
    path = gt.models.security_dilemma_path(entrapment_cost=e)
    print(f"entrapment cost {e:>3}: {' -> '.join(path.path):35s} {path.outcome}")
print("a weaker Aggressor (s_R = 3):", gt.models.security_dilemma_path(harm_restrained=3).outcome)

# %% [markdown]
# ## 7. Who pays for air defence (Olson and Zeckhauser 1966)
#
# Four members value air defence $27, 9, 3, 1$ (size and threat); units cost 3 and each
# further unit is worth half the previous one. In the unique Nash equilibrium the largest
# member provides everything, more than its 27/40 share of the benefit, and the alliance
# buys fewer units than it would jointly want:

# %%
burden = gt.models.burden_sharing_n(4, units=3)
(q,) = burden.pure_equilibria()
print("units provided:", dict(zip(burden.players, q)))
print("burden shares: ", [str(s) for s in gt.models.burden_shares(q)])

# %% [markdown]
# ## What this shows, and its limits
#
# - The weakest link is where interception is unaffordable *and* the rule is hard to meet;
#   raising the frontline's interception capacity moves the probe, it does not stop it.
# - The decision rule sets cohesion: unanimity hands a veto to the least threatened ally,
#   and that is where the wedge pays best. A lead nation acting alone restores cohesion at
#   the price of that nation's escalation risk, which this reduced form does not track.
# - Support shocks are independent across allies; correlated politics would change the
#   rule probabilities. Targets decide interception before knowing whether retaliation
#   will follow, and the Aggressor cannot probe two allies at once.
