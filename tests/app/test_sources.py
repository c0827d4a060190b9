"""Sources resolved once into typed values: catalog models, scenario files, game files."""

from __future__ import annotations

from fractions import Fraction

import pytest
from support import EXAMPLES

import gametheory as gt
from gametheory.app import sources
from gametheory.app.sources import RepeatedModel, Source, resolve_source
from gametheory.core.tree import GameTree
from gametheory.errors import GameError, ParameterError

EXAMPLE = EXAMPLES / "probe_response.toml"


def test_default_model_has_tree_and_repeated_variant():
    for text in (None, "probe_response"):
        src = resolve_source(text)
        assert src.kind == "model" and src.origin == "probe_response"
        assert isinstance(src.tree, GameTree) and isinstance(src.repeated, RepeatedModel)
        assert src.name == "probe_response (sequential)" and src.citation
        assert src.game.classify() == "deterrence by denial"


def test_catalog_model_with_variant_and_values():
    src = resolve_source("probe_response:posture", {"credibility_loss": "1/2"})
    assert src.kind == "model" and src.origin == "probe_response:posture"
    assert src.parametric and src.tree is None and src.scenario is None
    assert src.values == {"credibility_loss": "1/2"}
    assert src.numeric == src.game.at(credibility_loss=Fraction(1, 2))
    assert src.game.classify(**src.values) == "tolerated probing"


def test_sequential_catalog_model_keeps_its_tree():
    src = resolve_source("chain_store")
    assert isinstance(src.tree, GameTree)
    assert src.game == src.tree.to_normal_form()


def test_repeated_catalog_model_analyses_its_stage():
    src = resolve_source("probe_response:repeated")
    assert isinstance(src.repeated, RepeatedModel)
    assert src.game is src.repeated.stage


def test_scenario_file_is_read_once_and_kept(monkeypatch):
    calls = []
    reader = sources.READERS[".toml"]
    monkeypatch.setitem(sources.READERS, ".toml",
                        lambda path: calls.append(path) or reader(path))
    src = resolve_source(str(EXAMPLE))
    assert len(calls) == 1
    assert src.kind == "scenario" and src.scenario is not None
    assert src.game is src.scenario.game
    assert set(src.sweep_grid()) == set(src.scenario.sweep)
    assert src.with_values({"credibility_loss": 1}).scenario is src.scenario
    assert len(calls) == 1


def test_nfg_file(tmp_path):
    pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    f = tmp_path / "pd.nfg"
    f.write_text(pd_.to_nfg())
    src = resolve_source(f)
    assert src.kind == "file" and not src.parametric and src.numeric is src.game
    assert src.game.A.tolist() == pd_.A.tolist() and src.sweep_grid() == {}


def test_errors():
    with pytest.raises(GameError, match="no model 'nope'"):
        resolve_source("nope")
    with pytest.raises(FileNotFoundError, match="no such scenario file"):
        resolve_source("missing.toml")
    with pytest.raises(GameError, match="outside its bounds"):
        resolve_source("probe_response", {"cohesion": 2})


def test_values_on_a_numeric_game_refused_without_cli_wording(tmp_path):
    f = tmp_path / "pd.nfg"
    f.write_text(gt.NormalFormGame([[1]], [[1]]).to_nfg())
    with pytest.raises(ParameterError, match="has no parameters") as info:
        resolve_source(f, {"x": 1})
    assert "--" not in str(info.value)


def test_a_source_is_plain_frozen_data():
    src = resolve_source("chicken")
    assert isinstance(src, Source)
    with pytest.raises(AttributeError):
        src.game = None  # type: ignore[misc]


def test_files_resolve_through_the_io_registry():
    from gametheory import io

    assert sources.READERS is io.READERS  # one table of readers, not a copy
