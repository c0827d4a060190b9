"""gametheory.report.latex: numbers, parameter symbols, sympy expressions as LaTeX and text,
and the standalone document."""

from __future__ import annotations

import sympy as sp

from gametheory import _latex
from gametheory.report.latex import (
    PREAMBLE_PACKAGES,
    escape_latex,
    latex_expr,
    plain_expr,
    standalone_document,
)


def test_symbolic_expression_uses_parameter_symbols_positive_terms_first():
    v, c, pi = sp.symbols("probe_value probe_cost interception_prob")
    out = latex_expr((1 - pi) * v - c, {"probe_value": "v", "probe_cost": "c_p",
                                        "interception_prob": r"\pi"})
    assert out.startswith("v") and out.endswith("- c_p") and r"\pi" in out
    assert latex_expr(sp.Symbol("cohesion")) == r"\mathit{cohesion}"


def test_plain_expression_for_terminals():
    v, c = sp.symbols("probe_value probe_cost")
    assert plain_expr(v - c, {"probe_value": "v", "probe_cost": "c_p"}) == "v - c_p"
    assert plain_expr(3) == "3"


def test_standalone_document_loads_the_preamble():
    doc = standalone_document("body", extra_preamble=r"\usepackage{xcolor}")
    lines = doc.splitlines()
    assert lines[:2] == [r"\documentclass{article}", r"\usepackage[utf8]{inputenc}"]
    assert all(rf"\usepackage{{{p}}}" in doc for p in PREAMBLE_PACKAGES)
    assert lines.index(r"\usepackage{xcolor}") < lines.index(r"\begin{document}")
    assert escape_latex is _latex.escape_latex  # one escaper, re-exported
