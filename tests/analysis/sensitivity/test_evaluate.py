"""Tests of gametheory.analysis.sensitivity.evaluate: one chunk of a sweep as
BatchEquilibria arrays plus per-point feasibility and regimes."""

import numpy as np
import pytest

import gametheory as gt
from gametheory.analysis.sensitivity.evaluate import evaluate_chunk
from gametheory.analysis.sensitivity.model import SweepModel
from gametheory.analysis.sensitivity.points import PointSet, grid_axis
from gametheory.solve.batch import BatchEquilibria


def game():
    # a coordination game for a > 0; at a = 0 the row player is indifferent everywhere
    return gt.ParametricGame([["a", 0], [0, "a"]], [[1, 0], [0, 1]],
                             [gt.Parameter("a", bounds=(-5, 5)), gt.Parameter("k", default=1)],
                             constraints=["a != 3"],
                             regime_rules=[("coordination", "a > 0"), ("other", "a <= 0")])


def chunk(values, method="batch", lo=0, hi=None):
    pts = PointSet(axes={"a": grid_axis("a", values)})
    return evaluate_chunk(SweepModel(game(), ["a"]), pts, {}, method, 1e-9, lo,
                          pts.n if hi is None else hi)


def test_chunk_is_batch_equilibria_arrays_with_point_flags():
    c = chunk([-1, 0, 1, 3])
    res = BatchEquilibria.from_arrays(c)
    assert res.n_points == 4 and res.counts.tolist() == [1, 4, 3, 0]
    assert c["feasible"].tolist() == [True, True, True, False]  # a = 3 breaks the constraint
    assert res.degenerate.tolist() == [False, True, False, False]
    assert c["regime"].tolist() == ["other", "other", "coordination", "coordination"]
    assert res.resolved[3] == False  # noqa: E712 - infeasible points are never flagged


def test_chunk_points_are_numbered_within_the_chunk():
    c = chunk([-1, 0, 1, 2], lo=2, hi=4)
    assert c["point"].tolist() == [0, 0, 0, 1, 1, 1] and int(c["n_points"]) == 2


@pytest.mark.parametrize("method", ["exact", "reference"])
def test_exact_methods_give_the_same_chunk(method):
    a, b = chunk([-1, 0, 1, 3]), chunk([-1, 0, 1, 3], method=method)
    for key in ("point", "row", "col", "payoffs", "degenerate", "feasible", "regime"):
        np.testing.assert_allclose(a[key], b[key]) if a[key].dtype.kind == "f" else \
            np.testing.assert_array_equal(a[key], b[key])


def test_function_models_carry_their_labels():
    p = game()

    def f(a):
        return p.at(a=a)

    pts = PointSet(axes={"a": grid_axis("a", [1, 2])})
    c = evaluate_chunk(SweepModel(f, ["a"]), pts, {}, "batch", 1e-9, 0, 2)
    assert c["players"].tolist() == ["Row", "Column"] and "regime" not in c
    assert c["strategies0"].tolist() == ["R1", "R2"]
    assert BatchEquilibria.from_arrays(c).counts.tolist() == [3, 3]
