"""Write the README's API index: every name in ``gametheory.__all__`` with its summary.

Usage: ``python tools/api_index.py`` rewrites the block between the
``<!-- api-index:start -->`` and ``<!-- api-index:end -->`` markers of README.md and the
documentation site's API reference page ``docs/reference.md`` (one mkdocstrings entry per
public name, in the same groups); ``tests/test_readme.py`` checks that both are current.
"""

from __future__ import annotations

import inspect
import sys
import types
from pathlib import Path

import gametheory as gt

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- api-index:start -->", "<!-- api-index:end -->"
GROUPS = [
    ("Games and equilibria", ("core.game", "core.results", "_labels", "solve", "errors")),
    ("Symbolic models", ("core.parametric", "core.parameters", "core.tree", "core.bayesian",
                         "core.expressions", "models")),
    ("Sensitivity analysis", ("analysis.sensitivity",)),
    ("Repeated games and reputation", ("analysis.repeated",)),
    ("Files, tables and figures", ("io", "report")),
]


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _home(name: str, obj: object) -> str:
    if isinstance(obj, types.ModuleType):
        mod = obj.__name__
    else:
        mod = getattr(obj, "__module__", "") or ""
    return mod.removeprefix("gametheory.")


def index() -> str:
    """The markdown of the index."""
    rows: dict[str, list[str]] = {title: [] for title, _ in GROUPS}
    for name in sorted(gt.__all__, key=str.lower):
        obj = getattr(gt, name)
        home = _home(name, obj)
        title = next((t for t, prefixes in GROUPS
                      if any(home == p or home.startswith(p + ".") for p in prefixes)),
                     GROUPS[-1][0])
        kind = "module" if isinstance(obj, types.ModuleType) else \
            "class" if isinstance(obj, type) else "function"
        rows[title].append(f"| `gt.{name}` | {kind} | {_summary(obj)} |")
    out = []
    for title, _ in GROUPS:
        if rows[title]:
            out += [f"**{title}**", "", "| name | kind | what it is |", "|---|---|---|",
                    *rows[title], ""]
    return "\n".join(out).rstrip() + "\n"


def _grouped() -> dict[str, list[tuple[str, object]]]:
    groups: dict[str, list[tuple[str, object]]] = {title: [] for title, _ in GROUPS}
    for name in sorted(gt.__all__, key=str.lower):
        obj = getattr(gt, name)
        home = _home(name, obj)
        title = next((t for t, prefixes in GROUPS
                      if any(home == p or home.startswith(p + ".") for p in prefixes)),
                     GROUPS[-1][0])
        groups[title].append((name, obj))
    return groups


def reference() -> str:
    """The markdown of ``docs/reference.md``: every public name, rendered by mkdocstrings."""
    out = ["# API reference", "",
           "Every public name of `import gametheory as gt`, grouped as in the README's index.",
           "Modules are listed with their summary; their functions are documented under the",
           "names `gt` exports.", ""]
    for title, items in _grouped().items():
        if not items:
            continue
        out += [f"## {title}", ""]
        for name, obj in items:
            out.append(f"::: gametheory.{name}")
            if isinstance(obj, types.ModuleType):
                out += ["    options:", "      members: false"]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(readme: str) -> str:
    """``readme`` with its index block replaced by the current index."""
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{index()}{END}{tail}"


def main() -> int:
    path = ROOT / "README.md"
    path.write_text(render(path.read_text(encoding="utf-8")), encoding="utf-8")
    (ROOT / "docs" / "reference.md").write_text(reference(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
