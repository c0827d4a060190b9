"""Parameter declarations and the one resolution of parameter points (core/parameters.py)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy

import gametheory as gt
from gametheory.core.parameters import (
    Parameter,
    as_parameter,
    check_names,
    is_parametric,
    resolve_arrays,
    resolve_point,
)
from gametheory.errors import ParameterError

PARAMS = [Parameter("a", default=1), Parameter("b", bounds=(0, 1)), Parameter("c", default=0.5)]


def test_resolve_point_converts_exactly_and_fills_defaults():
    pt = resolve_point(PARAMS, {"b": "3/4"})
    assert pt == {"a": Fraction(1), "b": Fraction(3, 4), "c": 0.5}
    assert list(pt) == ["a", "b", "c"]  # declaration order
    assert resolve_point(PARAMS, {"b": sympy.Rational(1, 3), "a": "0.2"})["a"] == Fraction(1, 5)


@pytest.mark.parametrize(("values", "message"), [
    ({"b": 0, "x": 1}, "unknown parameter 'x'; parameters are ['a', 'b', 'c']"),
    ({}, "parameter 'b' has no value and no default"),
    ({"b": 2}, "parameter 'b' = 2 is outside its bounds [0, 1]"),
    ({"b": "half"}, "parameter 'b': "),
    ({"b": sympy.Symbol("a")}, "is not a number (use .substitute() for symbolic values)"),
])
def test_resolve_point_refusals(values, message):
    with pytest.raises(ParameterError) as err:
        resolve_point(PARAMS, values)
    assert message in str(err.value)


def test_one_message_for_unknown_names_everywhere():
    p = gt.ParametricGame([["a + b + c"]], [[0]], PARAMS)
    msg = "unknown parameter 'x'; parameters are ['a', 'b', 'c']"
    calls = [lambda: check_names(PARAMS, ["a", "x"]), lambda: p.at(b=0, x=1),
             lambda: p.values(b=0, x=1), lambda: p.lambdify()(x=1.0),
             lambda: p.substitute(x=1), lambda: p.parameter("x"),
             lambda: p.classify(b=0, x=1), lambda: p.threshold("a >= 0", "x"),
             lambda: resolve_arrays(PARAMS, {"x": 1})]
    for call in calls:
        with pytest.raises(ParameterError) as err:
            call()
        assert str(err.value) == msg


def test_resolve_arrays_for_sweeps():
    arrs = resolve_arrays(PARAMS, {"b": np.array([0.0, 2.0]), "c": "1/4"})
    assert [a.tolist() for a in arrs] == [1.0, [0.0, 2.0], 0.25]  # bounds not checked
    with pytest.raises(ParameterError, match="'b': .* is not numeric"):
        resolve_arrays(PARAMS, {"b": object()})
    with pytest.raises(ParameterError, match="parameter 'c'"):
        resolve_arrays(PARAMS, {"b": 0, "c": "x/2"})


def test_game_resolve_checks_constraints_on_request():
    p = gt.ParametricGame([["a"]], [["b"]], PARAMS[:2], constraints=["a <= b"])
    with pytest.raises(ParameterError, match="constraint a <= b is broken at a=1, b=1/2"):
        p.resolve({"b": "1/2"})
    assert p.resolve({"b": "1/2"}, check_constraints=False) == {"a": 1, "b": Fraction(1, 2)}
    assert p.resolve({"b": 1}) == p.values(b=1)


def test_is_parametric_is_one_structural_check():
    assert is_parametric(gt.ParametricGame([["a"]], [[0]], ["a"]))
    assert not is_parametric(gt.NormalFormGame([[1]], [[1]]))
    assert not is_parametric(object())

    class Model:  # the seam is structural: parameters and at(**values)
        parameters = (Parameter("a"),)

        def at(self, **values):
            return gt.NormalFormGame([[values["a"]]], [[0]])

    class NoAt:
        parameters = ()

    assert is_parametric(Model()) and not is_parametric(NoAt())


def test_as_parameter():
    assert as_parameter("x") == Parameter("x")
    assert as_parameter(sympy.Symbol("y")).name == "y"
    assert as_parameter(PARAMS[0]) is PARAMS[0]
    with pytest.raises(ParameterError, match="a parameter is a name"):
        as_parameter(3)


# ------------------------------------------------------------------ Jupyter display
def test_latex_uses_declared_symbol_short_names_and_never_subscripts_long_names():
    assert gt.Parameter("p", symbol=r"\pi").latex == r"\pi"
    assert gt.Parameter("r_U").latex == sympy.latex(sympy.Symbol("r_U"))
    long = gt.Parameter("probe_value").latex
    assert "probe_{value}" not in long and r"probe\_value" in long


def test_repr_is_readable_and_markdown_shows_the_symbol():
    p = gt.Parameter("interception_prob", default="1/2", bounds=(0, 1), symbol=r"\pi",
                     description="chance of interception", unit="")
    text = repr(p)
    assert "Fraction" not in text and "default=1/2" in text and "bounds=[0, 1]" in text
    assert "symbol='\\\\pi'" in text and "unit" not in text
    md = p._repr_markdown_()
    assert r"$\pi$" in md and "**interception_prob**" in md and "chance of interception" in md
    assert repr(gt.Parameter("c")) == "Parameter('c')"


def test_resolve_point_free_names_owner_and_all_missing_in_one_message():
    params = ["q", "r", Parameter("c", default=2, bounds=(0, None))]
    assert resolve_point(params, {"q": "1/3"}, free=["r"]) == {"q": Fraction(1, 3), "c": 2}
    with pytest.raises(ParameterError) as err:
        resolve_point(params, {}, owner="tree")
    assert str(err.value) == ("tree: parameters 'q', 'r' have no value and no default; "
                              "pass q=..., r=...")
    with pytest.raises(ParameterError, match="r' has no value and no default; sweep it$"):
        resolve_point(params, {"q": 0}, hint="sweep it")
    with pytest.raises(ParameterError, match=r"^m: unknown parameters 'x', 'y'; parameters "
                                             r"are \['q', 'r', 'c'\]$"):
        resolve_point(params, {"x": 1, "y": 2}, owner="m")
    with pytest.raises(ParameterError, match="^m: parameter 'q': "):
        resolve_point(params, {"q": "lots", "r": 0}, owner="m")


def test_resolve_arrays_broadcasts_to_a_shape():
    a, b, c = resolve_arrays(PARAMS, {"b": np.array([0.0, 2.0])}, shape=(2,))
    assert a.tolist() == [1.0, 1.0] and b.tolist() == [0.0, 2.0] and c.tolist() == [0.5, 0.5]
    grid = resolve_arrays(PARAMS, {"b": 0}, shape=(2, 3))
    assert all(x.shape == (2, 3) for x in grid)
    with pytest.raises(ParameterError, match="parameter 'b' has no value and no default"):
        resolve_arrays(PARAMS, {})
