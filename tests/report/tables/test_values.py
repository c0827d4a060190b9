"""gametheory.report.tables.values: number, mixed-strategy and formula cells."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from gametheory.report.tables.base import Math
from gametheory.report.tables.values import (
    field,
    math_of,
    mix_cell,
    num_cell,
    numeric_of,
    sym_value,
)


def test_sym_value_converts_numbers_only():
    x = sp.Symbol("x")
    assert sym_value(sp.Rational(2, 3)) == Fraction(2, 3)
    assert isinstance(sym_value(sp.sqrt(2)), float)
    assert sym_value(x + 1) == x + 1


def test_mixed_strategy_over_its_support():
    cell, support = mix_cell([Fraction(1, 3), 0, Fraction(2, 3)], ["A", "B", "C_1"], "exact", 3)
    assert cell.text == "1/3 A + 2/3 C_1" and support == "A, C_1"
    assert cell.latex == r"\tfrac{1}{3}\,\text{A} + \tfrac{2}{3}\,\text{C\_1}"
    assert mix_cell([1, 0], ["A", "B"], "exact", 3)[0] == Math(r"\text{A}", "A")


def test_number_formula_and_text_cells():
    assert num_cell(0.5, "decimal", 1) == Math("0.5", "0.5")
    assert math_of(sp.Symbol("v") - 1, {"v": r"\nu"}).latex == r"\nu - 1"
    assert math_of("a & b", {}) == Math(r"\text{a \& b}", "a & b")
    assert numeric_of("n/a", "decimal", 2) == "n/a"
    assert numeric_of(sp.Rational(1, 4), "decimal", 2) == Math("0.25", "0.25")


def test_field_skips_missing_and_empty_values():
    class Item:
        name = ""
        label = "x"

    assert field(Item(), "name", "label") == "x"
    assert field({"a": None}, "a", default=3) == 3
