"""Build the worked notebooks from their percent-format sources and store their outputs.

Each ``notebooks/src/NN_name.py`` holds cells separated by ``# %%`` (code) and
``# %% [markdown]`` lines (markdown, written as ``#``-prefixed comment lines). This script
turns each into ``notebooks/NN_name.ipynb``, executes it top to bottom with nbclient in the
notebooks folder, and saves it with its outputs, so the notebooks read well on a code host
and ``tests/test_notebooks.py`` can check that re-running reproduces them.

Figures are stored as images: the first code cell starts with ``%matplotlib inline``, so
a plotting cell stores its PNG whatever ``MPLBACKEND`` says (CI sets ``Agg``, which would
store nothing). Warnings from third-party code carry the path of the machine's
site-packages; a notebook catches and restates them, and ``tests/test_notebooks.py`` fails
on any stored path or standard-error output.

Usage: ``python tools/build_notebooks.py [NAME ...]`` (default: every source).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "notebooks" / "src"
OUT = ROOT / "notebooks"


def parse_percent(text: str) -> nbformat.NotebookNode:
    """Split a percent-format script into notebook cells."""
    cells = []
    kind, lines = None, []

    def flush() -> None:
        if kind is None:
            return
        body = "\n".join(lines).strip("\n")
        if kind == "markdown":
            md = []
            for ln in body.splitlines():
                md.append(ln[2:] if ln.startswith("# ") else ln[1:] if ln.startswith("#") else ln)
            cells.append(nbformat.v4.new_markdown_cell("\n".join(md)))
        elif body.strip():
            cells.append(nbformat.v4.new_code_cell(body))

    for line in text.splitlines():
        if line.startswith("# %%"):
            flush()
            kind = "markdown" if "[markdown]" in line else "code"
            lines = []
        else:
            lines.append(line)
    flush()
    first = next((c for c in cells if c.cell_type == "code"), None)
    if first is not None and not first.source.startswith("%matplotlib"):
        first.source = "%matplotlib inline\n" + first.source
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def build(src: Path) -> Path:
    nb = parse_percent(src.read_text(encoding="utf-8"))
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(OUT)}}).execute()
    # execution metadata carries timestamps; drop it so rebuilds diff cleanly
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    target = OUT / (src.stem + ".ipynb")
    nbformat.write(nb, target)
    print(f"{target.relative_to(ROOT)}: {len(nb.cells)} cells, {time.perf_counter() - start:.1f} s")
    return target


def main(argv: list[str]) -> int:
    sources = sorted(SRC.glob("*.py"))
    if argv:
        sources = [s for s in sources if any(a in s.stem for a in argv)]
    for src in sources:
        build(src)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
