"""Tests of gametheory.analysis.sensitivity.points: exact values, grid axes, point sets."""

from fractions import Fraction

import numpy as np
import pytest

import gametheory as gt
from gametheory.analysis.sensitivity.points import PointSet, exact_value, grid_axis


def test_exact_value_reads_floats_by_their_shortest_repr():
    assert exact_value(0.1) == Fraction(1, 10)
    assert exact_value(np.float64(2.5)) == Fraction(5, 2)
    assert exact_value(np.int64(3)) == 3 and exact_value("3/4") == Fraction(3, 4)
    assert exact_value(Fraction(1, 3)) == Fraction(1, 3)
    with pytest.raises(gt.ParameterError, match="not a parameter value"):
        exact_value("cheap")
    with pytest.raises(gt.ParameterError, match="finite"):
        exact_value(float("nan"))


def test_grid_axis_keeps_floats_and_exact_values():
    floats, exact = grid_axis("c", [0.1, "1/3", 2])
    np.testing.assert_array_equal(floats, [0.1, 1 / 3, 2.0])
    assert exact == [Fraction(1, 10), Fraction(1, 3), Fraction(2)]
    assert grid_axis("c", 5)[1] == [Fraction(5)]  # a scalar is a one-value axis
    with pytest.raises(gt.ParameterError, match="empty"):
        grid_axis("c", [])
    with pytest.raises(gt.ParameterError, match="finite"):
        grid_axis("c", [1.0, np.inf])


def test_grid_points_in_c_order():
    pts = PointSet(axes={"a": grid_axis("a", [0, 1]), "b": grid_axis("b", [10, 20, 30])})
    assert (pts.n, pts.shape, pts.names) == (6, (2, 3), ["a", "b"])
    f = pts.floats(0, 6)
    assert f["a"].tolist() == [0, 0, 0, 1, 1, 1] and f["b"].tolist() == [10, 20, 30] * 2
    assert pts.exact(5) == {"a": 1, "b": 30}
    assert list(pts.grid()) == ["a", "b"]


def test_scattered_points():
    pts = PointSet(arrays={"a": np.array([0.1, 0.2]), "b": np.array([1.0, 2.0])})
    assert pts.n == 2 and pts.shape is None and pts.grid() is None
    assert pts.exact(1) == {"a": Fraction(1, 5), "b": Fraction(2)}
    assert pts.floats(1, 2)["b"].tolist() == [2.0]
    with pytest.raises(gt.ParameterError, match="different lengths"):
        PointSet(arrays={"a": np.zeros(2), "b": np.zeros(3)})


def test_digest_tells_point_sets_apart():
    a = PointSet(axes={"a": grid_axis("a", [0, 1])})
    b = PointSet(axes={"a": grid_axis("a", [0, 2])})
    c = PointSet(arrays={"a": np.array([0.0, 1.0])})
    assert len({a.digest(), b.digest(), c.digest()}) == 3
    assert a.digest() == PointSet(axes={"a": grid_axis("a", [0, 1])}).digest()
