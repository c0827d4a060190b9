"""Tests of gametheory.io (the package): the registry of file readers by suffix."""

from __future__ import annotations

from support import DATA, EXAMPLES

import gametheory as gt
from gametheory.io import READERS


def test_readers_by_suffix_read_the_project_files():
    assert sorted(READERS) == [".efg", ".nfg", ".toml"]
    game = READERS[".nfg"](DATA / "nfg" / "degenerate_shapes.nfg")
    assert isinstance(game, gt.NormalFormGame)
    scenario = READERS[".toml"](EXAMPLES / "probe_response.toml")
    assert isinstance(scenario, gt.Scenario)


def test_every_reader_is_the_public_function():
    assert READERS[".nfg"] is gt.read_nfg and READERS[".toml"] is gt.load_scenario
    assert READERS[".efg"] is gt.read_efg


def test_efg_reader_reads_a_written_tree(tmp_path):
    path = tmp_path / "bq.efg"
    tree = gt.models.beer_quiche().to_tree()
    path.write_text(tree.to_efg())
    assert READERS[".efg"](path) == tree
