"""Tests of gametheory.analysis.sensitivity.model: the model adapter, parameter points and
exact regimes."""

from fractions import Fraction

import numpy as np
import pytest

import gametheory as gt
from gametheory.analysis.sensitivity.model import (
    NormalFormSource,
    SweepModel,
    as_parametric,
    canonical,
    exact_regime,
    resolve_point,
    rule_atoms,
)


def game():
    return gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, "b"]],
                             [gt.Parameter("a", default="1/2", bounds=(0, 10)), "b"],
                             regime_rules=[("a above b", "a > b"), ("otherwise", "a <= b")])


class Tree:
    """Anything with to_normal_form() (a game tree with parameters)."""

    def to_normal_form(self):
        return game()


def test_parametric_source_and_function_models():
    assert isinstance(Tree(), NormalFormSource)
    m = SweepModel(Tree(), ["a"])
    assert m.parametric and m.model == game() and [lab for lab, _ in m.rules] == [
        "a above b", "otherwise"]

    def f(a, b):
        return game().at(a=a, b=b)

    fm = SweepModel(f, ["a"])
    assert not fm.parametric and fm.players is None and fm.title == "f" and fm.rules == ()
    games = fm.games({"a": np.array([1.0, 2.0]), "b": np.array([0.0, 0.0])}, 2)
    assert [g.payoff_matrices[0][0][0] for g in games] == [1.0, 2.0]
    assert fm.fingerprint().endswith("f") and "a > b" in m.fingerprint()
    with pytest.raises(gt.GameError, match="sweep needs a ParametricGame"):
        SweepModel(42, [])
    with pytest.raises(gt.ParameterError, match="unknown parameter 'z'"):
        SweepModel(game(), ["z"])
    with pytest.raises(gt.GameError, match="NormalFormGame"):
        SweepModel(lambda a: "not a game", []).games({"a": np.zeros(1)}, 1)


def test_as_parametric():
    assert as_parametric(Tree(), ["b"], "x needs a ParametricGame") == game()
    with pytest.raises(gt.GameError, match="^x needs a ParametricGame$"):
        as_parametric(lambda a: None, [], "x needs a ParametricGame")


def test_resolve_point_fills_defaults_checks_bounds_and_names_missing():
    p = game()
    assert resolve_point(p, {"b": 0.25}) == {"a": Fraction(1, 2), "b": Fraction(1, 4)}
    assert resolve_point(p, {}, free=["b"]) == {"a": Fraction(1, 2)}
    with pytest.raises(gt.ParameterError,
                       match="parameter 'b' has no value and no default; give them in at="):
        resolve_point(p, {})
    with pytest.raises(gt.ParameterError, match="sweep them"):
        resolve_point(p, {}, hint="sweep them or give them in fixed")
    with pytest.raises(gt.ParameterError, match="outside its bounds"):
        resolve_point(p, {"a": 11, "b": 0})
    with pytest.raises(gt.ParameterError, match="unknown parameter 'z'"):
        resolve_point(p, {"z": 1, "b": 0})


def test_exact_regime_decides_ties_exactly():
    p = game()
    assert exact_regime(p, {"a": 0.1, "b": Fraction(1, 10)}) == "otherwise"
    assert exact_regime(p, {"a": "1/3", "b": 0.333333}) == "a above b"
    plain = gt.ParametricGame([["a"]], [["a"]], ["a"], regime_rules=[("pos", "a > 0")])
    assert exact_regime(plain, {"a": -1}) == "unclassified"


def test_caches_hold_one_instance_per_model():
    p, q = game(), game()
    assert canonical(p) is canonical(q) is p
    atoms = rule_atoms(p)
    assert len(atoms) == 2 and rule_atoms(p) is atoms
    diff, size = atoms[0]
    assert float(diff(1.0, 3.0)) in (-2.0, 2.0) and float(size(1.0, 3.0)) == 4.0
