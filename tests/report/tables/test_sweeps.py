"""gametheory.report.tables.sweeps: regime shares count parameter points, not rows."""

from __future__ import annotations

import pandas as pd
import pytest

import gametheory as gt
from gametheory.report import tables


def test_sweep_summary_counts_points_not_rows():
    # point 0 has two equilibria (two rows); it still counts as one point
    f = pd.DataFrame({"cost": [0.0, 0.0, 1.0, 2.0], "point": [0, 0, 1, 2],
                      "equilibrium": [0, 1, 0, 0],
                      "regime": ["mixed", "mixed", "spiral", "spiral"],
                      "payoff: Row": [1.0, 2.0, 3.0, 4.0]})
    text = tables.sweep_summary_table(f, format="text", digits=1)
    lines = text.splitlines()
    assert lines[0].split() == ["Regime", "Points", "Share", "cost"]
    assert lines[2].split() == ["mixed", "1", "33%", "0.0"]
    assert lines[3].split() == ["spiral", "2", "67%", "1.0", "-", "2.0"]
    with pytest.raises(gt.GameError, match="regime"):
        tables.sweep_summary_table(pd.DataFrame({"x": [1]}))


def test_sweep_summary_reads_a_sweep_result_by_type_and_refuses_other_objects():
    chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"])
    res = gt.sweep(chicken, {"c": [-1, 1]}, progress=False)
    assert tables.sweep_summary_table(res, format="text").splitlines()[0].split()[-1] == "c"
    with pytest.raises(gt.GameError, match="needs a SweepResult or a pandas DataFrame, got dict"):
        tables.sweep_summary_table({"regime": ["a"]})
