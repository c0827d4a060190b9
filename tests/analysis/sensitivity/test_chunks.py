"""Tests of gametheory.analysis.sensitivity.chunks (scale-out): executors (process pool,
dask.distributed), on-disk chunks holding BatchEquilibria arrays, kill and resume."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import gametheory as gt
from gametheory.analysis.sensitivity.chunks import chunk_bounds, load_chunk, run_chunks
from gametheory.solve.batch import BatchEquilibria

A_U = "v - c_p"
A_I = "(1 - pi) * v - c_p - e_I * W_A"
D_U = "-h - r_U"
D_I = "-(1 - pi) * h - c_I - e_I * W_D - r_I"
DEFAULTS = dict(v=4, c_p=1, pi="3/4", e_I="1/100", W_A=100, W_D=100, h=2, r_U=3,
                r_I="1/2", c_I=1)


def model():
    """docs/model.md's probe game with the Defender choosing Under-react or Intercept."""
    return gt.ParametricGame([[0, 0], [A_U, A_I]], [[0, 0], [D_U, D_I]],
                             [gt.Parameter(k, default=v) for k, v in DEFAULTS.items()],
                             players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"), ("Under-react", "Intercept")))


GRID = {"r_U": np.linspace(0.5, 4.5, 30), "c_I": np.linspace(0, 3, 20)}


def test_process_pool_gives_identical_frame():
    ref = gt.sweep(model(), GRID, progress=False, chunk_size=100).frame
    with ProcessPoolExecutor(2) as ex:
        got = gt.sweep(model(), GRID, progress=False, chunk_size=100, executor=ex).frame
    pd.testing.assert_frame_equal(got, ref)


def test_dask_local_cluster_gives_identical_frame():
    distributed = pytest.importorskip("dask.distributed")
    ref = gt.sweep(model(), GRID, progress=False, chunk_size=100).frame
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        got = gt.sweep(model(), GRID, progress=False, chunk_size=100,
                       executor=client.get_executor()).frame
    pd.testing.assert_frame_equal(got, ref)


SCRIPT = textwrap.dedent("""
    import sys, numpy as np
    sys.path.insert(0, {tests!r})
    import gametheory as gt
    from test_chunks import model, GRID
    gt.sweep(model(), GRID, progress=False, chunk_size=4, out_dir={out!r})
""")


@pytest.mark.slow
def test_killed_sweep_resumes_without_loss_or_duplicates(tmp_path):
    out = tmp_path / "chunks"
    script = SCRIPT.format(tests=str(Path(__file__).parent), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            if out.exists() and len(list(out.glob("chunk-*.npz"))) >= 5:
                break
            if proc.poll() is not None:
                break
            time.sleep(0.01)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    files = sorted(out.glob("chunk-*.npz"))
    assert killed and 5 <= len(files) < 150  # interrupted midway, some chunks on disk
    before = {f.name: f.stat().st_mtime_ns for f in files}
    res = gt.sweep(model(), GRID, progress=False, chunk_size=4, out_dir=out)
    # finished chunks were loaded, not recomputed
    assert all((out / name).stat().st_mtime_ns == t for name, t in before.items())
    assert len(list(out.glob("chunk-*.npz"))) == 150
    fresh = gt.sweep(model(), GRID, progress=False, chunk_size=4)
    pd.testing.assert_frame_equal(res.frame, fresh.frame)
    assert res.frame.groupby("point").size().sum() == len(fresh.frame)
    assert sorted(res.frame.point.unique()) == list(range(600))


def test_injected_failure_then_resume(tmp_path):
    out = tmp_path / "chunks"
    p = model()
    fail = {"on": True}

    def game(r_U, c_I):
        if fail["on"] and r_U > 3:
            raise RuntimeError("injected failure")
        return p.at(r_U=r_U, c_I=c_I)

    with pytest.raises(RuntimeError, match="injected"):
        gt.sweep(game, GRID, progress=False, chunk_size=50, out_dir=out)
    done = sorted(out.glob("chunk-*.npz"))
    assert 0 < len(done) < 12
    fail["on"] = False
    res = gt.sweep(game, GRID, progress=False, chunk_size=50, out_dir=out)
    fresh = gt.sweep(game, GRID, progress=False, chunk_size=50)
    pd.testing.assert_frame_equal(res.frame, fresh.frame)


def test_chunk_files_hold_batch_equilibria_that_rebuild_the_frame(tmp_path):
    res = gt.sweep(model(), GRID, progress=False, chunk_size=250, out_dir=tmp_path)
    files = sorted(tmp_path.glob("chunk-*.npz"))
    assert len(files) == len(chunk_bounds(600, 250)) == 3
    chunks = [load_chunk(f) for f in files]
    eqs = BatchEquilibria.concatenate([BatchEquilibria.from_arrays(c) for c in chunks])
    ref = eqs.to_frame(res.players, res.strategies)
    pd.testing.assert_frame_equal(res.frame[ref.columns], ref)
    assert np.concatenate([c["feasible"] for c in chunks]).tolist() == \
        res.points["feasible"].tolist()


def test_out_dir_of_another_sweep_is_refused(tmp_path):
    gt.sweep(model(), GRID, progress=False, chunk_size=100, out_dir=tmp_path)
    with pytest.raises(gt.GameError, match="different computation"):
        gt.sweep(model(), {"r_U": [1, 2]}, progress=False, out_dir=tmp_path)


def _draw(lo, hi, seed):
    return {"u": np.random.default_rng(seed).random(hi - lo)}


def test_chunk_seeds_are_reproducible_across_executors():
    a = np.concatenate([c["u"] for c in run_chunks(_draw, 50, chunk_size=7, seed=3,
                                                   progress=False)])
    with ProcessPoolExecutor(2) as ex:
        b = np.concatenate([c["u"] for c in run_chunks(_draw, 50, chunk_size=7, seed=3,
                                                       executor=ex, progress=False)])
    np.testing.assert_array_equal(a, b)
    c = np.concatenate([c["u"] for c in run_chunks(_draw, 50, chunk_size=7, seed=4,
                                                   progress=False)])
    assert not np.array_equal(a, c)
