"""The version has one home, ``gametheory/_version.py``: the package, the command and the
build metadata all read it."""

from __future__ import annotations

import tomllib

from support import ROOT

import gametheory as gt
from gametheory import _version
from gametheory.app.cli import main


def test_package_reexports_the_version():
    assert gt.__version__ == _version.__version__
    assert all(part.isdigit() for part in _version.__version__.split("."))


def test_pyproject_reads_it_dynamically():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in meta["project"] and "version" in meta["project"]["dynamic"]
    assert meta["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "gametheory._version.__version__"}


def test_command_prints_it(capsys):
    try:
        main(["--version"])
    except SystemExit as stop:
        assert stop.code == 0
    assert capsys.readouterr().out.strip() == f"gametheory {_version.__version__}"
