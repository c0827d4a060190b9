"""The documentation site builds strictly, lists every public name, and no README or docs
link leaves the repository."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest
from support import DOCS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import api_index  # noqa: E402

LINK = re.compile(r"\]\(([^)\s]+)\)")


def _markdown_files():
    return [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: p.name)
def test_links_stay_inside_the_repository(path):
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue  # web addresses and anchors
        resolved = (path.parent / target.split("#", 1)[0]).resolve()
        assert resolved.is_relative_to(ROOT), f"{path.name} links outside the repository: {target}"
        assert resolved.exists(), f"{path.name} links to a missing file: {target}"


def test_reference_page_lists_every_public_name():
    text = (DOCS / "reference.md").read_text(encoding="utf-8")
    assert text == api_index.reference(), (
        "docs/reference.md is stale; run `python tools/api_index.py`")
    import gametheory as gt

    for name in gt.__all__:
        assert f"::: gametheory.{name}\n" in text


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None,
                    reason="mkdocs is not installed (it is in the test extras)")
def test_site_builds_strictly(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                           str(tmp_path / "site")], cwd=ROOT, capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", **__import__("os").environ})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / "site" / "reference" / "index.html").exists()
    assert (tmp_path / "site" / "notebooks" / "02_escalation_vs_credibility" /
            "index.html").exists()
