"""Tests of gametheory.analysis.sensitivity.result: SweepResult's views, renderings and
persistence."""

import matplotlib
import numpy as np
import pandas as pd
import pytest

import gametheory as gt
from gametheory.analysis.sensitivity import result as result_module

matplotlib.use("Agg")


def sequential_nf():
    """The 2x2 probe game: the Defender's reply after a probe switches at r_U = 1."""
    return gt.ParametricGame([[0, 0], ["v - c_p", "v/4 - c_p - 1"]],
                             [[0, 0], ["-2 - r_U", "-5/2 - r_I + 1 - c_I"]],
                             [gt.Parameter("v", default=2), gt.Parameter("c_p", default=1),
                              gt.Parameter("r_U", default=3), gt.Parameter("r_I", default="1/2"),
                              gt.Parameter("c_I", default=1)],
                             players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"), ("Under-react", "Intercept")))


def test_save_load_roundtrip_and_rendering(tmp_path):
    p = sequential_nf()
    res = gt.sweep(p, {"r_U": [0.5, 1, 2], "c_I": [0, 1.5]}, progress=False)
    folder = res.save(tmp_path / "sw")
    back = gt.SweepResult.load(folder)
    pd.testing.assert_frame_equal(back.frame, res.frame)
    pd.testing.assert_frame_equal(back.points, res.points)
    assert back.parameters == ["r_U", "c_I"] and back.players == ["Aggressor", "Defender"]
    np.testing.assert_array_equal(back.grid["r_U"], [0.5, 1, 2])
    regs = set(res.regimes()["regime"].astype(str))
    tex = res.to_latex()
    assert "\\toprule" in tex or "\\begin{tabular}" in tex
    md = res.to_markdown()
    assert all(r.split(" / ")[0] in md for r in regs)
    assert "<table" in res._repr_html_()
    m = res.regime_map("r_U", "c_I")
    assert m["codes"].shape == (3, 2) and (m["codes"] >= 0).all()
    assert [m["labels"][c] for c in m["codes"].ravel()] == res.regimes()["regime"].astype(
        str).tolist()
    ax = res.plot()  # drawn by gametheory.report.figures.regime_map
    assert ax.get_xlabel() == "r_U" and ax.get_ylabel() == "c_I"
    assert {t.get_text() for t in ax.get_legend().get_texts()} == regs


@pytest.mark.parametrize("pyarrow", [True, False])
def test_save_load_roundtrip_in_both_formats(tmp_path, monkeypatch, pyarrow):
    if pyarrow:
        pytest.importorskip("pyarrow")
    monkeypatch.setattr(result_module, "_has_pyarrow", lambda: pyarrow)
    res = gt.evaluate_points(sequential_nf(), {"r_U": np.array([0.5, 2.0]), "c_I": [0.0, 1.0]},
                             fixed={"v": "5/2"}, progress=False)
    back = gt.SweepResult.load(res.save(tmp_path / "sw"))
    assert (tmp_path / "sw" / ("frame.parquet" if pyarrow else "frame.csv")).exists()
    pd.testing.assert_frame_equal(back.frame, res.frame)
    pd.testing.assert_frame_equal(back.points, res.points)
    assert back.grid is None and back.fixed == {"v": "5/2"}


def test_summary_shares_and_repr():
    res = gt.sweep(sequential_nf(), {"r_U": [0.5, 0.75, 2, 3]}, progress=False)
    s = res.summary()
    assert s["points"].sum() == 4 and s["share"].sum() == pytest.approx(1.0)
    assert {"r_U min", "r_U max"} <= set(s.columns)
    assert repr(res).startswith("SweepResult(4 points over r_U;") and len(res) == len(res.frame)


def test_regime_map_slices_and_errors():
    res = gt.sweep(sequential_nf(), {"r_U": [0.5, 2], "c_I": [0, 1, 2]}, progress=False)
    m = res.regime_map("c_I", at={"r_U": 2})
    assert m["codes"].shape == (3,) and m["y"] is None
    with pytest.raises(gt.ParameterError, match="not a swept parameter"):
        res.regime_map("v")
    scattered = gt.evaluate_points(sequential_nf(), {"r_U": [1.0, 2.0]}, progress=False)
    with pytest.raises(gt.GameError, match="grid sweep"):
        scattered.regime_map("r_U")
    assert res.plot("c_I", at={"r_U": 2}).get_xlabel() == "c_I"
