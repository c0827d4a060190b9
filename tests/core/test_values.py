"""Tests of gametheory.core.values: parameter names, symbolic entries, located parse errors
and probability vectors (exact, float and symbolic)."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy as sp

import gametheory as gt
from gametheory.core.values import (
    check_distribution,
    is_symbolic_value,
    located,
    parameter_bounds,
    parameter_name,
    parameter_symbol,
    substitution,
)


def test_parameter_name_and_symbolic_values():
    assert parameter_name(gt.Parameter("rho", bounds=(0, 1))) == "rho"
    with pytest.raises(gt.ParameterError, match="a parameter must be"):
        parameter_name(3)
    assert is_symbolic_value(sp.Symbol("x") * 2)
    assert not is_symbolic_value(F(1, 2)) and not is_symbolic_value(sp.Rational(1, 2))


def test_located_keeps_the_position():
    err = gt.ParseError("unexpected token")
    err.line, err.column, err.token = 1, 4, "+"
    out = located(err, "payoff of A")
    assert str(out) == "payoff of A: unexpected token"
    assert (out.line, out.column, out.token) == (1, 4, "+")


@pytest.mark.parametrize("probs, match", [
    ({"a": F(1, 2), "b": F(1, 3)}, "sum to 5/6"),
    ({"a": F(3, 2), "b": F(-1, 2)}, "probability of 'a' is 3/2, outside"),
    ({"a": 0.5, "b": 0.4}, "sum to 0.9"),
    ({"a": sp.Symbol("q"), "b": sp.Symbol("q")}, "sum to 2\\*q"),
])
def test_check_distribution_refuses(probs, match):
    with pytest.raises(gt.GameError, match=match):
        check_distribution(probs, "prior")


def test_check_distribution_accepts():
    q = sp.Symbol("q")
    check_distribution({"a": q, "b": 1 - q}, "prior")
    check_distribution({"a": 0.1, "b": 0.2, "c": 0.7}, "prior")  # float sum within 1e-9
    check_distribution({"a": F(1)}, "prior")


def test_substitution_resolves_a_parameter_point_once_for_trees_and_bayesian_games():
    c, q = sp.Symbol("c", real=True), sp.Symbol("q", real=True)
    params = [gt.Parameter("c", default=2, bounds=(0, None)), "q"]
    symbols = {"c": c, "q": q}
    assert substitution(params, symbols, {"q": 0.5}) == {c: 2, q: sp.Float(0.5)}
    assert substitution(params, symbols, {"q": "0.5"})[q] == sp.Rational(1, 2)  # exact text
    assert substitution(params, symbols, {"q": "1/4"}, fill_defaults=False) == {
        q: sp.Rational(1, 4)}
    with pytest.raises(gt.ParameterError, match="no value and no default; pass q=..."):
        substitution(params, symbols, {})
    with pytest.raises(gt.ParameterError, match="bounds"):
        substitution(params, symbols, {"c": -1, "q": 0})
    with pytest.raises(gt.ParameterError,
                       match=r"^tree: unknown parameter 'z'; parameters are \['c', 'q'\]$"):
        substitution(params, symbols, {"z": 0}, owner="tree")
    assert parameter_symbol("q") == q and parameter_symbol(params[0]) == c
    assert parameter_bounds("q") == (None, None) and parameter_bounds(params[0]) == (0, None)
