"""gametheory.report.latex: numbers, parameter symbols, sympy expressions as LaTeX and text,
and the standalone document."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

import gametheory as gt
from gametheory import _latex
from gametheory.report.latex import (
    PREAMBLE_PACKAGES,
    escape_latex,
    latex_expr,
    latex_number,
    latex_symbol_names,
    plain_expr,
    standalone_document,
    symbol_for,
    text_number,
)


def test_symbolic_expression_uses_parameter_symbols_positive_terms_first():
    v, c, pi = sp.symbols("probe_value probe_cost interception_prob")
    out = latex_expr((1 - pi) * v - c, {"probe_value": "v", "probe_cost": "c_p",
                                        "interception_prob": r"\pi"})
    assert out.startswith("v") and out.endswith("- c_p") and r"\pi" in out
    assert latex_expr(sp.Symbol("cohesion")) == r"\mathit{cohesion}"


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


def test_plain_expression_for_terminals():
    v, c = sp.symbols("probe_value probe_cost")
    assert plain_expr(v - c, {"probe_value": "v", "probe_cost": "c_p"}) == "v - c_p"
    assert plain_expr(3) == "3"


def test_standalone_document_loads_the_preamble():
    doc = standalone_document("body", extra_preamble=r"\usepackage{xcolor}")
    lines = doc.splitlines()
    assert lines[:2] == [r"\documentclass{article}", r"\usepackage[utf8]{inputenc}"]
    assert [rf"\usepackage{{{p}}}" in doc for p in PREAMBLE_PACKAGES] == [True] * 3
    assert lines.index(r"\usepackage{xcolor}") < lines.index(r"\begin{document}")
    assert escape_latex is _latex.escape_latex  # one escaper, re-exported
