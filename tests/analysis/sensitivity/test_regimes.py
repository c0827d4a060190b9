"""Tests of gametheory.analysis.sensitivity.regimes: supports, structures, changes and the
assembly of chunks into the tidy frames."""

import numpy as np
import pandas as pd

import gametheory as gt
from gametheory.analysis.sensitivity.chunks import run_chunks
from gametheory.analysis.sensitivity.evaluate import evaluate_chunk
from gametheory.analysis.sensitivity.model import SweepModel
from gametheory.analysis.sensitivity.points import PointSet, grid_axis
from gametheory.analysis.sensitivity.regimes import (
    assemble,
    grid_changes,
    structures,
    support_labels,
)
from gametheory.solve.batch import BatchEquilibria, solve_batch


def test_support_labels_read_row_then_column_bits():
    strategies = (("Refrain", "Probe"), ("Under-react", "Intercept", "Retaliate"))
    codes = np.array([(0b10 << 3) | 0b011, (0b01 << 3) | 0b100])
    assert support_labels(strategies, codes) == {
        19: "Probe / Under-react+Intercept", 12: "Refrain / Retaliate"}


def test_structures_packed_and_unpacked_paths_agree():
    point = np.array([0, 0, 1, 2, 2])
    eq = np.array([0, 1, 0, 0, 1])
    code = np.array([5, 6, 5, 5, 6])
    sid, uniq = structures(point, eq, code, 3, width=4)
    assert sid[0] == sid[2] != sid[1]  # points 0 and 2 alike
    assert [list(uniq[i]) for i in sid] == [[5, 6], [5, -1], [5, 6]]
    sid2, uniq2 = structures(point, eq, code, 3, width=40)  # too wide to pack
    assert [list(uniq2[i]) for i in sid2] == [[5, 6], [5, -1], [5, 6]]


def test_grid_changes_mark_both_sides_along_each_axis_skipping_infeasible():
    ids = np.array([[0, 0, 1],
                    [0, -1, 1]])
    assert grid_changes(ids.ravel(), ids.shape).reshape(ids.shape).tolist() == [
        [False, True, True], [False, False, False]]


def test_assemble_builds_the_frame_from_batch_equilibria_to_frame():
    p = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, 1]], ["a"],
                          players=("P", "Q"), strategies=(("x", "y"), ("u", "v")))
    pts = PointSet(axes={"a": grid_axis("a", [-1, 0, 1, 2])})
    mdl = SweepModel(p, ["a"])
    chunks = run_chunks(lambda lo, hi, seed: evaluate_chunk(mdl, pts, {}, "batch", 1e-9,
                                                            lo, hi), 4, chunk_size=3,
                        progress=False)
    frame, table, players, strategies = assemble(chunks, mdl, pts)
    A = np.array([[[a, 0], [0, 1]] for a in (-1.0, 0.0, 1.0, 2.0)])
    B = np.broadcast_to(np.array([[1.0, 0], [0, 1]]), A.shape)
    ref = solve_batch(A, B).to_frame(players, strategies)
    pd.testing.assert_frame_equal(frame[ref.columns], ref)
    assert list(frame.columns) == ["a", *ref.columns, "support", "regime", "degenerate",
                                   "changes"]
    assert table["equilibria"].tolist() == [1, 3, 3, 3] and players == ["P", "Q"]
    assert table["changes"].tolist() == [True, True, True, False]
    assert frame["support"].astype(str).tolist()[:3] == ["y / v", "x / u", "x+y / u"]
    rebuilt = BatchEquilibria.concatenate([BatchEquilibria.from_arrays(c) for c in chunks])
    assert rebuilt.counts.tolist() == table["equilibria"].tolist()
