"""Shared test set-up: the tests folder is importable (``support``, ``reference_games``)
from test files at any depth of ``tests/``, which mirrors the package's folders."""

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
