"""Every worked notebook runs top to bottom, within its time budget, and reproduces the
text outputs stored with it (randomness in the notebooks is seeded)."""

from __future__ import annotations

import copy
import re
import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
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
        streams = "".join(o.text for o in cell.get("outputs", []) if o.output_type == "stream")
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


def test_notebooks_exist():
    names = {p.stem[:2] for p in NOTEBOOKS}
    assert names, "no notebooks in notebooks/"


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
