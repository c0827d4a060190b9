"""gametheory._latex: escape_latex escapes every special character, writes pure ASCII and
balanced braces (unrenderable characters warn); numbers and parameter symbols."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory._latex import (
    escape_latex,
    latex_number,
    latex_symbol_names,
    symbol_for,
    text_number,
)


@pytest.mark.parametrize("text, expected", [
    ("a&b", r"a\&b"), ("x_1", r"x\_1"), ("50%", r"50\%"), ("#2", r"\#2"), ("$5", r"\$5"),
    ("{}", r"\{\}"), ("~", r"\textasciitilde{}"), ("^", r"\textasciicircum{}"),
    ("\\", r"\textbackslash{}"), ("é", r"\'{e}"), ("ü", r'\"{u}'), ("ç", r"\c{c}"),
    ("ß", r"\ss{}"), ("Ł", r"\L{}"), ("π", r"\ensuremath{\pi}"), ("ï", r'\"{\i{}}'),
])
def test_escape_latex(text, expected):
    out = escape_latex(text)
    assert out == expected
    assert out.isascii()


def test_escape_unrenderable_character_warns():
    with pytest.warns(UserWarning, match="U\\+4E2D"):
        assert escape_latex("中") == "?"


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_escape_latex_invariants(text):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = escape_latex(text)
    assert out.isascii()
    assert not re.search(r"(?<!\\)[&%$#_]", out)  # every special character escaped
    depth = 0
    for m in re.finditer(r"\\[{}]|[{}]", out):  # braces balanced (escaped ones aside)
        tok = m.group()
        if tok in ("{", "}"):
            depth += 1 if tok == "{" else -1
            assert depth >= 0
    assert depth == 0
    assert "\n" not in out


def test_numbers_exact_decimal_and_significant():
    assert latex_number(Fraction(-7, 4)) == r"-\tfrac{7}{4}"
    assert latex_number(0.0000123456, "sig", 3) == r"1.23\times 10^{-5}"
    assert latex_number(float("inf")) == r"\infty"
    assert text_number(1 / 3) == "0.333333"  # never 0.3333333333333333
    assert text_number(-0.0001, "decimal", 2) == "0.00"
    assert text_number(sp.Rational(2, 3)) == "2/3"
    with pytest.raises(gt.GameError, match="number_format"):
        text_number(1, "roman")
    with pytest.raises(gt.GameError, match="digits"):
        text_number(1, "decimal", 16)


def test_parameter_symbols():
    assert symbol_for("theta") == r"\theta" and symbol_for("c_p") == "c_{p}"
    assert symbol_for(gt.Parameter("probe_value", symbol="v")) == "v"
    assert latex_symbol_names(["probe_value"]) == {"probe_value": r"\mathit{probe\_value}"}
