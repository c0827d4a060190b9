# %% [markdown]
# # 06 · From a scenario file to the tables and figures of a paper
#
# Retyping a payoff matrix into LaTeX is where errors enter papers. This notebook takes a
# model that lives in a **scenario file** (TOML, parsed with the toolkit's safe
# expression parser: nothing in the file is executed), and produces, from that one
# source:
#
# - the payoff table, symbolic and numeric, in Osborne's `sgame` layout and in `booktabs`;
# - the equilibrium, regime and threshold tables;
# - a regime map as vector PDF and PNG;
# - a compiled PDF of the tables, rendered to PNG to check it.
#
# It ends with the classic crisis games of the catalog side by side.

# %%
import shutil
import subprocess
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Image, Markdown, display

import gametheory as gt
from gametheory.report import figures

pd.set_option("display.width", 120)
pd.set_option("display.max_colwidth", 80)
out = Path(tempfile.mkdtemp(prefix="gt-paper-"))

# %% [markdown]
# ## The scenario file
#
# `examples/probe_response.toml` holds the sequential probe-versus-response game of
# docs/model.md as a normal form of plans, with each parameter's default, bounds, meaning and
# LaTeX symbol, the relations between parameters, the regime rules and a sweep grid.
# Its first lines:

# %%
scenario_path = Path("..") / "examples" / "probe_response.toml"
print("\n".join(scenario_path.read_text(encoding="utf-8").splitlines()[:30]))

# %%
scenario = gt.load_scenario(scenario_path)
model = scenario.game
print(model)
print("sweep grid:", {k: (float(v[0]), float(v[-1]), len(v)) for k, v in scenario.sweep.items()})

# %% [markdown]
# A hostile file is refused with a message naming the key and line, and nothing in it
# runs:

# %%
hostile = scenario_path.read_text(encoding="utf-8").replace(
    '"probe_value - probe_cost"', "\"__import__('os').system('echo pwned')\"", 1)
try:
    gt.load_scenario(hostile)
except gt.ScenarioError as err:
    print("refused:", err)

# %% [markdown]
# ## Payoff tables
#
# Symbolic, with each parameter's LaTeX symbol, in the `sgame` layout (best replies
# underlined):

# %%
sym_tex = gt.tables.payoff_table(model, format="sgame", caption="Probe versus response",
                                 label="tab:payoffs-symbolic")
print(sym_tex)

# %% [markdown]
# At the defaults, exact, with best replies underlined and equilibrium cells boxed, in
# `booktabs`; and the same table as HTML for the notebook:

# %%
num_tex = gt.tables.payoff_table(model.at(), format="booktabs",
                                 caption="Probe versus response at the defaults",
                                 label="tab:payoffs")
print(num_tex)
display(HTML(gt.tables.payoff_table(model.at(), format="html")))

# %% [markdown]
# ## Equilibrium, regime and threshold tables

# %%
tree = gt.models.probe_response("sequential")
eq_tex = gt.tables.equilibrium_table(tree, caption="Extreme equilibria of the normal form",
                                     label="tab:equilibria")
display(Markdown(gt.tables.equilibrium_table(tree, format="markdown")))

# %%
regime_tex = gt.tables.regime_table(model, caption="Regimes", label="tab:regimes")
display(Markdown(gt.tables.regime_table(model, format="markdown")))

# %%
thr = gt.thresholds(model, "credibility_loss", lower=0, upper=12)
thr_tex = gt.tables.threshold_table(thr, parameters=model.parameters,
                                    caption="Thresholds in the credibility loss",
                                    label="tab:thresholds")
display(Markdown(gt.tables.threshold_table(thr, format="markdown",
                                           parameters=model.parameters)))

# %% [markdown]
# ## A regime map for the paper
#
# Over the scenario's sweep grid, with the exact threshold lines; saved as vector PDF and
# as PNG.

# %%
x, y = list(scenario.sweep)[:2]
ax = figures.regime_map(model, axes={x: scenario.sweep[x], y: scenario.sweep[y]},
                        title="Regimes of the probe-response game")
ax.figure.savefig(out / "regime_map.pdf")  # a plain savefig: the legend is inside the figure
ax.figure.savefig(out / "regime_map.png", dpi=150)
plt.show()
print(sorted(p.name for p in out.iterdir()))

# %% [markdown]
# ## Compile the tables
#
# `standalone_document` wraps the tables in a preamble with the packages they need
# (`sgame`, `booktabs`, ...). Where `pdflatex` is installed, the notebook compiles it and
# renders the first page to PNG with `pdftoppm` to check the result.

# %%
doc = gt.tables.standalone_document("\n\n".join([sym_tex, num_tex, eq_tex, regime_tex,
                                                 thr_tex]))
(out / "tables.tex").write_text(doc, encoding="utf-8")
if shutil.which("pdflatex") and shutil.which("pdftoppm"):
    run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                          "tables.tex"], cwd=out, capture_output=True, text=True)
    print("pdflatex exit status:", run.returncode)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "tables.pdf",
                    "tables"], cwd=out, check=True)
    page = next(out.glob("tables*.png"))
    display(Image(filename=str(page)))
else:
    print("pdflatex or pdftoppm is not installed; the .tex file is in", out)

# %% [markdown]
# ## The classic crisis games, side by side
#
# The catalog lists every model with its citation and the published result its tests
# reproduce:

# %%
cat = gt.models.catalog()
cat.to_frame()[["name", "citation"]]

# %% [markdown]
# Their equilibria at the defaults, computed exactly. For a sequential game (a tree) the
# table reports its **credible** equilibria, every subgame-perfect one found by backward
# induction (Selten 1975), beside the number of Nash equilibria of its normal form: in
# these degenerate trees the first Nash equilibrium a solver returns is often one resting
# on a non-credible threat. A simultaneous game has no proper subgame, so there every Nash
# equilibrium is listed (pure ones by their cells, mixed ones counted). Signalling games,
# campaigns and n-player games are solved by their own methods elsewhere and left out here.

# %%
rows = []
for entry in cat:
    if entry.name == "probe_response":
        continue
    game = entry.function()
    kind = type(game).__name__
    credible = None
    if isinstance(game, gt.GameTree):
        if not game.is_perfect_information:
            continue
        credible = game.backward_induction()
        try:
            game = game.to_normal_form()
        except gt.GameError as err:  # e.g. the escalation ladder: too many plans
            rows.append({"model": entry.name, "built as": kind,
                         "players": " vs ".join(game.players), "shape": "-",
                         "Nash equilibria": f"not enumerated ({type(err).__name__})",
                         "degenerate": "-", "concept": "subgame perfect",
                         "credible equilibria": len(credible),
                         "each credible equilibrium": " | ".join(e.describe()
                                                                 for e in credible)})
            continue
    if isinstance(game, gt.ParametricGame):
        game = game.at()
    if not isinstance(game, gt.NormalFormGame):
        continue  # e.g. the reputation model, a campaign rather than one game
    eqs = game.equilibria()
    if credible is None:
        shown = [e.describe() for e in eqs if e.is_pure]
        n_mixed = sum(not e.is_pure for e in eqs)
        if n_mixed:
            shown.append(f"and {n_mixed} mixed")
        concept = "Nash (no proper subgame)"
    else:
        shown = [e.describe() for e in credible]
        concept = "subgame perfect"
    rows.append({"model": entry.name, "built as": kind,
                 "players": " vs ".join(game.players),
                 "shape": "x".join(map(str, game.shape)),
                 "Nash equilibria": len(eqs),
                 "degenerate": game.is_degenerate(),
                 "concept": concept,
                 "credible equilibria": len(credible) if credible is not None else len(eqs),
                 "each credible equilibrium": " | ".join(shown)})
side_by_side = pd.DataFrame(rows).set_index("model")
side_by_side

# %%
trees = side_by_side[side_by_side["concept"] == "subgame perfect"]
for name, row in trees.iterrows():
    print(f"{name}: {row['credible equilibria']} subgame-perfect equilibrium(s); extreme Nash "
          f"equilibria of the normal form: {row['Nash equilibria']}")
