"""The code base stays ruff clean (the project's style gate runs with the tests)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (it is in the test extras)")
    proc = subprocess.run([ruff, "check", "gametheory", "tests", "benchmarks", "tools"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_package_imports_cleanly():
    proc = subprocess.run([sys.executable, "-c", "import gametheory as gt; print(gt.__version__)"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
