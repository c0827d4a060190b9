"""Exact number handling (gametheory._numbers): the one exact/float conversion."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from gametheory._numbers import (
    FLOAT_TOL,
    NotANumber,
    as_fraction,
    float_tolerance,
    fraction_matrix,
    payoff_scale,
    to_number,
)


def test_as_fraction_is_exact_for_floats_and_numpy_scalars():
    assert as_fraction(0.1) == Fraction(3602879701896397, 36028797018963968)
    assert as_fraction(np.float64(0.25)) == Fraction(1, 4)
    assert as_fraction(np.int64(-3)) == -3
    f = Fraction(2, 7)
    assert as_fraction(f) is f


def test_fraction_matrix_from_arrays_and_lists():
    assert fraction_matrix(np.array([[0.5, 2.0]])) == [[Fraction(1, 2), Fraction(2)]]
    assert fraction_matrix([[1, Fraction(1, 3)]]) == [[1, Fraction(1, 3)]]
    obj = np.array([[Fraction(1, 3)]], dtype=object)
    assert fraction_matrix(obj) == [[Fraction(1, 3)]]


def test_tolerance_scales_with_the_payoffs():
    assert payoff_scale([[0.1]]) == 1.0
    assert payoff_scale([[-40, 2]], np.array([[3.0]])) == 40.0
    assert float_tolerance(None, [[-40, 2]]) == FLOAT_TOL * 40
    assert float_tolerance(0, [[1e9]]) == 0.0


def test_to_number_keeps_rationals_exact_and_rejects_non_numbers():
    assert to_number("7.32") == Fraction(183, 25)
    assert to_number(np.float32(0.5)) == 0.5 and isinstance(to_number(0.5), float)
    for bad in (True, float("nan"), 1j, None, "x"):
        with pytest.raises(NotANumber):
            to_number(bad)
