"""The package's layers hold: no module imports from a layer above it, and no circles.

Every import statement of every module is read with :mod:`ast`, those inside functions
and ``if TYPE_CHECKING:`` blocks included, and resolved to the module it names. The
layers, from the bottom up (see ``docs/architecture.md``)::

    base      errors, _numbers, _labels, _grid, _latex, _roots, _version
    core      core/       games as plain validated data; the payoff-expression language
    io        io/         file formats (beside solve; neither imports the other)
    solve     solve/      equilibrium computation on arrays and trees
    analysis  analysis/   repeated/ and sensitivity/
    models    models/     named, cited game families
    report    report/     tables and figures
    app       app/        the command line, the report job, source resolution
    top       gametheory/__init__.py, __main__.py

An import may go to its own layer or any layer below; two packages of one rank (io and
solve) may not import each other. The only upward arrows are the facade methods of the
core classes (``game.equilibria()`` and friends), listed in :data:`FACADE` with the reason
for each; they are imported inside the method, so importing the core never loads a
solver. Circles are looked for in the graph without the facade arrows.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "gametheory"

#: (prefix, layer name, rank); the longest matching prefix decides a module's layer.
LAYERS = [
    ("gametheory.errors", "base", 0),
    ("gametheory._numbers", "base", 0),
    ("gametheory._labels", "base", 0),
    ("gametheory._grid", "base", 0),
    ("gametheory._latex", "base", 0),
    ("gametheory._roots", "base", 0),
    ("gametheory._limits", "base", 0),
    ("gametheory._lazy", "base", 0),
    ("gametheory._version", "base", 0),
    ("gametheory.core", "core", 1),
    ("gametheory.io", "io", 2),
    ("gametheory.solve", "solve", 2),
    ("gametheory.analysis", "analysis", 3),
    ("gametheory.models", "models", 4),
    ("gametheory.report", "report", 5),
    ("gametheory.app", "app", 6),
    ("gametheory.__main__", "top", 7),
    ("gametheory", "top", 7),
]

#: Upward arrows allowed, each a facade method of a core class that calls down into a
#: solver or a writer so that users can write ``game.equilibria()``. Keys are (importer,
#: imported module); the value says why.
FACADE: dict[tuple[str, str], str] = {
    ("gametheory.core.game", "gametheory.solve"):
        "NormalFormGame.equilibria / pure_equilibria / is_degenerate / equilibrium_components "
        "/ eliminate_dominated call the solve facade",
    ("gametheory.core.game", "gametheory.io.nfg"): "NormalFormGame.to_nfg",
    ("gametheory.core.parametric", "gametheory.solve.symbolic.equilibria"):
        "ParametricGame.conditions / mixed_equilibrium",
    ("gametheory.core.parametric", "gametheory.solve.symbolic.regimes"): "ParametricGame.regimes",
    ("gametheory.core.parametric", "gametheory.solve.symbolic.statics"):
        "ParametricGame.comparative_statics / threshold",
    ("gametheory.core.tree", "gametheory.solve.tree"):
        "GameTree.backward_induction / spe_conditions / to_normal_form",
    ("gametheory.core.tree", "gametheory.solve.tree_credibility"):
        "GameTree.classify_equilibria / classify / nash_equilibria",
    ("gametheory.core.tree", "gametheory.io.efg"): "GameTree.to_efg",
    ("gametheory.core.tree", "gametheory.solve.tree_pbe"):
        "GameTree.perfect_bayesian_equilibria / pbe_conditions / is_sequential",
    ("gametheory.core.tree", "gametheory.solve.tree_pbe_mixed"):
        "GameTree.perfect_bayesian_equilibria(mixed=True)",
    ("gametheory.core.tree", "gametheory.report.tree_tikz"):
        "GameTree.to_tikz draws the tree for a paper (istgame), like to_efg writes it",
    ("gametheory.core.signaling", "gametheory.solve.signaling"):
        "SignalingGame.perfect_bayesian_equilibria",
    ("gametheory.core.bayesian", "gametheory.solve.bayesian"):
        "BayesianGame.bayes_nash_equilibria / prior_thresholds",
    ("gametheory.analysis.sensitivity.result", "gametheory.report.tables"):
        "SweepResult.to_markdown / to_latex render through sweep_summary_table",
    ("gametheory.analysis.sensitivity.result", "gametheory.report.figures"):
        "SweepResult.plot draws through figures.regime_map (one plotting home)",

    ("gametheory.analysis.sensitivity.uncertainty", "gametheory.report.tables.registry"):
        "MonteCarloResult.to_markdown renders its table through the registered markdown format",
}


def layer_of(module: str) -> tuple[str, int, str]:
    """(layer name, rank, package) of a module of the package."""
    best = max((p for p in LAYERS if module == p[0] or module.startswith(p[0] + ".")),
               key=lambda p: len(p[0]))
    return best[1], best[2], best[0]


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _known_modules() -> set[str]:
    return {module_name(p) for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path, known: set[str], root: Path = ROOT) -> set[str]:
    """Every package module ``path`` imports, at any depth of its syntax tree."""
    mod = module_name(path, root)
    package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "gametheory":
                    out.add(_deepest_known(alias.name, known))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                if node.level > 1:
                    base = base[: -(node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "gametheory":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in known else _deepest_known(target, known))
    out.discard(mod)
    return out


def _deepest_known(name: str, known: set[str]) -> str:
    parts = name.split(".")
    while parts and ".".join(parts) not in known:
        parts.pop()
    return ".".join(parts)


def package_graph() -> dict[str, set[str]]:
    known = _known_modules()
    return {module_name(p): imports_of(p, known) for p in sorted(PACKAGE.rglob("*.py"))}


def _allowed(src: str, dst: str, facade: dict[tuple[str, str], str]) -> bool:
    if (src, dst) in facade:
        return True
    s_layer, s_rank, s_pkg = layer_of(src)
    d_layer, d_rank, d_pkg = layer_of(dst)
    if d_rank < s_rank:
        return True
    if d_rank == s_rank:
        return s_pkg == d_pkg or s_layer == d_layer
    return False


def upward_edges(graph: dict[str, set[str]],
                 facade: dict[tuple[str, str], str] = FACADE) -> list[tuple[str, str]]:
    """Arrows that point to a higher layer (or across one rank) and are not facades."""
    return sorted((s, d) for s, ds in graph.items() for d in ds if not _allowed(s, d, facade))


def circles(graph: dict[str, set[str]],
            facade: dict[tuple[str, str], str] = FACADE) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), facades removed.

    A package's ``__init__`` re-exports its submodules and is not part of a circle for
    that alone, so the arrows from a package to its own submodules are left out.
    """
    edges = {s: {d for d in ds if (s, d) not in facade and not d.startswith(s + ".")}
             for s, ds in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(out)


# --------------------------------------------------------------------------- the checks

def test_checker_catches_an_upward_import_and_a_circle():
    graph = {
        "gametheory.core.game": {"gametheory.errors"},
        "gametheory.solve.exact": {"gametheory.core.game"},
        "gametheory.errors": set(),
    }
    assert upward_edges(graph) == [] and circles(graph) == []
    graph["gametheory.core.game"].add("gametheory.models.catalog")  # core -> models: up
    graph["gametheory.models.catalog"] = set()
    assert upward_edges(graph) == [("gametheory.core.game", "gametheory.models.catalog")]
    graph["gametheory.io.nfg"] = {"gametheory.solve.exact"}  # io -> solve: across one rank
    assert ("gametheory.io.nfg", "gametheory.solve.exact") in upward_edges(graph)
    graph["gametheory.core.a"] = {"gametheory.core.b"}
    graph["gametheory.core.b"] = {"gametheory.core.a"}
    assert circles(graph) == [["gametheory.core.a", "gametheory.core.b"]]
    # a facade arrow is allowed and does not make a circle
    facade = {("gametheory.core.game", "gametheory.solve.exact"): "facade"}
    graph2 = {"gametheory.core.game": {"gametheory.solve.exact"},
              "gametheory.solve.exact": {"gametheory.core.game"}}
    assert upward_edges(graph2, facade) == [] and circles(graph2, facade) == []
    assert circles(graph2, {}) == [["gametheory.core.game", "gametheory.solve.exact"]]


def test_checker_reads_function_level_and_relative_imports(tmp_path):
    pkg = tmp_path / "gametheory"
    for sub in ("core", "models"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "models" / "kit.py").write_text("X = 1\n")
    game = pkg / "core" / "game.py"
    game.write_text("import numpy\n"
                    "def f():\n    from ..models import kit\n    return kit.X\n")
    known = {module_name(p, tmp_path) for p in pkg.rglob("*.py")}
    found = imports_of(game, known, tmp_path)
    assert found == {"gametheory.models.kit"}
    assert upward_edges({"gametheory.core.game": found}) == [
        ("gametheory.core.game", "gametheory.models.kit")]


def test_every_module_has_a_layer():
    for mod in package_graph():
        assert layer_of(mod)[0] != "top" or mod in ("gametheory", "gametheory.__main__"), (
            f"{mod} has no layer: put it in a layer folder or add it to LAYERS")


def test_no_upward_imports():
    bad = upward_edges(package_graph())
    assert not bad, "imports that run up the layers:\n" + "\n".join(
        f"  {s} -> {d}" for s, d in bad)


def test_no_circles():
    found = circles(package_graph())
    assert not found, "import circles:\n" + "\n".join("  " + " <-> ".join(c) for c in found)


def test_facade_allowlist_is_used():
    graph = package_graph()
    stale = [k for k in FACADE if k[1] not in graph.get(k[0], set())]
    # entries for modules that do not exist yet are allowed only if the importer exists
    stale = [k for k in stale if k[0] in graph and k[1] in graph]
    assert not stale, f"facade entries no module uses any more: {stale}"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: module_name(p))
def test_module_size(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 850, f"{module_name(path)} has {lines} lines; split it along its seams"


def _test_file_candidates(path: Path) -> list[Path]:
    rel = path.relative_to(PACKAGE)
    folder = ROOT / "tests" / rel.parent
    return [folder / f"test_{rel.stem}.py", folder / f"test_{rel.stem.lstrip('_')}.py"]


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py")
                                        if p.name not in ("__init__.py", "__main__.py")),
                         ids=lambda p: module_name(p))
def test_every_module_has_its_mirrored_test_file(path):
    """Tests mirror the package: gametheory/<pkg>/<mod>.py is tested in
    tests/<pkg>/test_<mod>.py (a leading underscore may be dropped)."""
    candidates = _test_file_candidates(path)
    assert any(c.exists() for c in candidates), (
        f"{module_name(path)} has no test file; expected {candidates[0].relative_to(ROOT)}")
