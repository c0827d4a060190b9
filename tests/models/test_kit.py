"""The model kit: parameter specs, the one symbol convention, parameters and games from specs."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

import gametheory as gt
from gametheory.models.kit import (
    ParameterSpec,
    make_game,
    make_parameters,
    parameter_names,
    resolve_point,
    spec,
    specs,
    symbol,
)
from gametheory.models.probe_response import PARAMETERS, posture_game

TABLE = specs(
    spec("gain", "g", "3/2", "what a probe gains", unit="payoff units"),
    spec("cost", "c", 1, "what it costs"),
    spec("share", r"\sigma", "1/4", "a probability", bounds=(0, 1)),
    spec("level", "L", -2, "any real", bounds=None),
)


def test_spec_is_exact_and_non_negative_unless_told():
    s = TABLE["gain"]
    assert isinstance(s, ParameterSpec)
    assert s.default == Fraction(3, 2) and isinstance(s.default, Fraction)
    assert s.bounds == (0, None) and s.unit == "payoff units"
    assert TABLE["share"].bounds == (Fraction(0), Fraction(1))
    assert TABLE["level"].bounds is None
    assert list(TABLE) == ["gain", "cost", "share", "level"]


def test_symbol_is_one_real_symbol_per_name():
    assert symbol("cohesion") is symbol("cohesion")
    assert symbol("cohesion") == sympy.Symbol("cohesion", real=True)
    assert symbol("cohesion") != sympy.Symbol("cohesion")  # not a complex symbol
    assert symbol("cohesion") == posture_game().symbols["cohesion"]


def test_make_parameters_keeps_metadata_and_applies_overrides():
    params = make_parameters(TABLE, ["gain", "share"], {"share": "0.5"}, "toy")
    assert [p.name for p in params] == ["gain", "share"]
    assert [p.default for p in params] == [Fraction(3, 2), Fraction(1, 2)]
    assert params[1].symbol == r"\sigma" and params[1].bounds == (0, 1)
    assert params[0].description == "what a probe gains"


@pytest.mark.parametrize("overrides, message", [
    ({"cost": 1}, r"toy: unknown parameter 'cost'; parameters are \['gain', 'share'\]"),
    ({"nothing": 1}, r"toy: unknown parameter 'nothing'"),
    ({"gain": "lots"}, "toy: parameter 'gain'"),
    ({"gain": True}, "toy: parameter 'gain'"),
])
def test_make_parameters_refuses_unknown_names_and_non_numbers(overrides, message):
    with pytest.raises(gt.ParameterError, match=message):
        make_parameters(TABLE, ["gain", "share"], overrides, "toy")


def test_make_parameters_out_of_bounds_default_is_refused():
    with pytest.raises(gt.ParameterError):
        make_parameters(TABLE, ["share"], {"share": 2}, "toy")


def test_make_game_takes_the_parameters_its_payoffs_use_in_table_order():
    g_, c, lv = symbol("gain"), symbol("cost"), symbol("level")
    game = make_game(TABLE, [[0, lv], [g_ - c, 0]], [[0, 0], [-g_, Fraction(1, 2)]],
                     players=("Row", "Column"), strategies=(("a", "b"), ("x", "y")),
                     title="toy", overrides={"level": 3}, model="toy",
                     constraints=(c > 0,))
    assert isinstance(game, gt.ParametricGame)
    assert game.parameter_names == ("gain", "cost", "level")
    assert game.defaults()["level"] == 3
    num = game.at()
    assert num.A[1, 0] == Fraction(1, 2) and num.B[1, 1] == Fraction(1, 2)
    with pytest.raises(gt.ParameterError, match="share"):
        make_game(TABLE, [[g_]], [[c]], players=("R", "C"), strategies=(("a",), ("x",)),
                  title="toy", overrides={"share": "1/2"}, model="toy")


def test_parameter_names_of_every_built_kind():
    assert parameter_names(posture_game()) == posture_game().parameter_names
    tree = gt.models.chain_store()
    assert parameter_names(tree) == tuple(p.name for p in tree.parameters)
    bayes = gt.models.bayesian_game()
    assert "resolve_prior" in parameter_names(bayes)
    assert set(parameter_names(bayes)) <= set(PARAMETERS)


def test_resolve_point_fills_defaults_converts_and_checks_bounds():
    assert resolve_point(TABLE, {"gain": "0.5"}, ["gain", "cost"], "toy") == {
        "gain": Fraction(1, 2), "cost": Fraction(1)}
    # a name of the table outside the requested names is accepted, checked and left out
    assert resolve_point(TABLE, {"level": 7}, ["share"], "toy") == {"share": Fraction(1, 4)}
    with pytest.raises(gt.ParameterError, match="'cost' = -1 is outside its bounds"):
        resolve_point(TABLE, {"cost": -1}, ["share"], "toy")
    assert isinstance(resolve_point(TABLE, {"gain": 0.25}, ["gain"], "toy")["gain"], float)
    with pytest.raises(gt.ParameterError, match=r"toy: unknown parameter 'bogus'"):
        resolve_point(TABLE, {"bogus": 1}, ["gain"], "toy")
    with pytest.raises(gt.ParameterError, match="outside its bounds"):
        resolve_point(TABLE, {"share": "3/2"}, ["share"], "toy")
    with pytest.raises(gt.ParameterError, match="toy: parameter 'cost'"):
        resolve_point(TABLE, {"cost": None}, ["gain"], "toy")
