"""Every worked notebook runs top to bottom, within its time budget, and reproduces the
text outputs stored with it (randomness in the notebooks is seeded); every cell that draws
stores its image; no stored output carries a path of the machine that built it."""

from __future__ import annotations

import copy
import re
import time

import pytest
from support import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: The issue asks for under 2 minutes on a fresh install; CI machines vary, so allow slack.
TIME_BUDGET_S = 180

_VOLATILE = [
    (re.compile(r"0x[0-9a-f]+"), "0x?"),
    (re.compile(r"\d+(\.\d+)? ?(s|ms|µs|seconds)\b"), "<time>"),
    (re.compile(r"\d[\d,]* points/s"), "<rate>"),
]


def _text_outputs(nb) -> list[list[str]]:
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "nondeterministic" in cell.metadata.get("tags", []):
            continue
        # the kernel splits a cell's printed text into stream messages at arbitrary
        # points, so streams are compared joined, before the cell's other outputs
        streams = "".join(o.text for o in cell.get("outputs", [])
                          if o.output_type == "stream" and o.name == "stdout")
        texts = [streams] if streams else []
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                continue
            elif o.output_type in ("execute_result", "display_data") and "text/plain" in o.data:
                if "image/png" in o.data:  # figure objects print their id
                    continue
                texts.append(o.data["text/plain"])
            elif o.output_type == "error":
                texts.append(f"ERROR {o.ename}: {o.evalue}")
        norm = []
        for t in texts:
            for pat, rep in _VOLATILE:
                t = pat.sub(rep, t)
            norm.append(t.strip())
        out.append(norm)
    return out


#: A cell draws when it shows a figure: plt.show(), a gt.figures/figures call, .plot(...).
_DRAWS = re.compile(r"plt\.show\(\)|\bfigures\.\w+\(|\.plot\(|plt\.subplots\(")
#: An absolute path of a machine (a user's home, a build directory, site-packages).
_MACHINE_PATH = re.compile(r"site-packages|(?<![\w.:/])/(?:root|home|tmp|work|usr|opt|var|Users)/")


def test_notebooks_exist():
    names = {p.stem[:2] for p in NOTEBOOKS}
    assert names, "no notebooks in notebooks/"


def _outputs_text(cell) -> str:
    parts = []
    for o in cell.get("outputs", []):
        if o.output_type == "stream":
            parts.append(o.text)
        elif o.output_type in ("execute_result", "display_data"):
            parts += [v for k, v in o.data.items() if not k.startswith("image/")]
        elif o.output_type == "error":
            parts.append(f"{o.ename}: {o.evalue}")
    return "\n".join(map(str, parts))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_stored_outputs_are_portable(path):
    """No stored output names a machine path or holds standard-error text (warnings are
    caught in the notebook and restated without the path they carry)."""
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        text = _outputs_text(cell)
        hit = _MACHINE_PATH.search(text)
        assert hit is None, (f"{path.name} cell {i} stores a machine path: "
                             f"{text[max(0, hit.start() - 60):hit.end() + 60]!r}")
        stderr = [o for o in cell.get("outputs", [])
                  if o.output_type == "stream" and o.name == "stderr"]
        assert not stderr, (f"{path.name} cell {i} stores standard-error output: "
                            f"{stderr[0].text[:200]!r}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_drawing_cell_stores_its_image(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and _DRAWS.search(cell.source):
            images = [o for o in cell.get("outputs", [])
                      if o.output_type in ("display_data", "execute_result")
                      and "image/png" in o.data]
            assert images, (f"{path.name} cell {i} draws but stores no image/png; build the "
                            "notebooks with tools/build_notebooks.py (inline backend)")


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_reproduces(path):
    stored = nbformat.read(path, as_version=4)
    code = [c for c in stored.cells if c.cell_type == "code"]
    with_output = sum(bool(c.get("outputs")) for c in code)
    assert with_output >= len(code) // 2, f"{path.name} is stored without its outputs"
    nb = copy.deepcopy(stored)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    start = time.perf_counter()
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_BUDGET_S, f"{path.name} took {elapsed:.0f} s"
    assert _text_outputs(nb) == _text_outputs(stored), (
        f"re-running {path.name} does not reproduce its stored outputs; "
        "rebuild it with `python tools/build_notebooks.py`")
