"""Tests of gametheory.analysis.sensitivity.chunks (scale-out): executors (process pool,
dask.distributed), on-disk chunks holding BatchEquilibria arrays, kill and resume, and
checkpoints that cannot be stale: a changed bound, constraint, rule, option or model
function recomputes; edited, truncated, swapped and foreign chunk files are named in a
GameError (or recomputed on request); temporary files of a killed run are removed."""

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
from gametheory.analysis.sensitivity.chunks import (
    CorruptChunk,
    chunk_bounds,
    load_chunk,
    run_chunks,
    save_chunk,
)
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


def chunk_files(out):
    """The chunk files of every run folder below ``out``."""
    return sorted(Path(out).glob("run-*/chunk-*.npz"))


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
            if out.exists() and len(chunk_files(out)) >= 5:
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
    files = chunk_files(out)
    assert killed and 5 <= len(files) < 150  # interrupted midway, some chunks on disk
    before = {f: f.stat().st_mtime_ns for f in files}
    res = gt.sweep(model(), GRID, progress=False, chunk_size=4, out_dir=out)
    # finished chunks were loaded, not recomputed; no temporary file survives the kill
    assert all(f.stat().st_mtime_ns == t for f, t in before.items())
    assert len(chunk_files(out)) == 150
    assert not list(out.glob("run-*/.tmp-*"))
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

    # the switch is state the function reads from its closure: a key says that the
    # function computes the same results before and after it is turned off
    with pytest.raises(RuntimeError, match="injected"):
        gt.sweep(game, GRID, progress=False, chunk_size=50, out_dir=out, key="probe v1")
    done = chunk_files(out)
    assert 0 < len(done) < 12
    stamps = {f: f.stat().st_mtime_ns for f in done}
    fail["on"] = False
    res = gt.sweep(game, GRID, progress=False, chunk_size=50, out_dir=out, key="probe v1")
    assert all(f.stat().st_mtime_ns == t for f, t in stamps.items())  # resumed
    fresh = gt.sweep(game, GRID, progress=False, chunk_size=50)
    pd.testing.assert_frame_equal(res.frame, fresh.frame)


def test_chunk_files_hold_batch_equilibria_that_rebuild_the_frame(tmp_path):
    res = gt.sweep(model(), GRID, progress=False, chunk_size=250, out_dir=tmp_path)
    files = chunk_files(tmp_path)
    assert len(files) == len(chunk_bounds(600, 250)) == 3
    chunks = [load_chunk(f) for f in files]
    eqs = BatchEquilibria.concatenate([BatchEquilibria.from_arrays(c) for c in chunks])
    ref = eqs.to_frame(res.players, res.strategies)
    pd.testing.assert_frame_equal(res.frame[ref.columns], ref)
    assert np.concatenate([c["feasible"] for c in chunks]).tolist() == \
        res.points["feasible"].tolist()


def test_another_sweep_in_the_same_out_dir_gets_its_own_folder(tmp_path):
    gt.sweep(model(), GRID, progress=False, chunk_size=100, out_dir=tmp_path)
    other = gt.sweep(model(), {"r_U": [1, 2]}, progress=False, out_dir=tmp_path)
    assert len(list(tmp_path.glob("run-*"))) == 2
    fresh = gt.sweep(model(), {"r_U": [1, 2]}, progress=False)
    pd.testing.assert_frame_equal(other.frame, fresh.frame)


# ----------------------------------------------------------------- stale checkpoints
def bounded(high):
    """The probe game with r_U bounded above by ``high``: points beyond are infeasible."""
    p = model()
    params = [gt.Parameter(q.name, bounds=(0, high)) if q.name == "r_U" else q
              for q in p.parameters]
    return gt.ParametricGame(p.A, p.B, params, players=p.players, strategies=p.strategies)


def test_changing_a_bound_recomputes(tmp_path):
    """Issue 16: a changed bound resumed to the old run's infeasible points."""
    small = gt.sweep(bounded(1), GRID, progress=False, chunk_size=100, out_dir=tmp_path)
    assert small.points["feasible"].sum() < 200
    wide = gt.sweep(bounded(10), GRID, progress=False, chunk_size=100, out_dir=tmp_path)
    assert wide.points["feasible"].all()
    fresh = gt.sweep(bounded(10), GRID, progress=False, chunk_size=100)
    pd.testing.assert_frame_equal(wide.frame, fresh.frame)
    pd.testing.assert_frame_equal(wide.points, fresh.points)


@pytest.mark.parametrize("change", ["constraint", "rule", "tie_tol", "method", "fixed"])
def test_changing_what_decides_a_result_recomputes(tmp_path, change):
    base = model()
    args = dict(progress=False, chunk_size=100, out_dir=tmp_path)
    gt.sweep(base, GRID, **args)
    other, extra = base, {}
    if change == "constraint":
        other = gt.ParametricGame(base.A, base.B, base.parameters, players=base.players,
                                  strategies=base.strategies, constraints=["r_U >= 2"])
    elif change == "rule":
        other = gt.ParametricGame(base.A, base.B, base.parameters, players=base.players,
                                  strategies=base.strategies,
                                  regime_rules=[("high", "r_U > 2"), ("low", "r_U <= 2")])
    elif change == "tie_tol":
        extra = {"tie_tol": 1e-6}
    elif change == "method":
        extra = {"method": "exact"}
    else:
        extra = {"fixed": {"v": 5}}
    res = gt.sweep(other, GRID, **args, **extra)
    fresh = gt.sweep(other, GRID, progress=False, chunk_size=100, **extra)
    assert len(list(tmp_path.glob("run-*"))) == 2
    pd.testing.assert_frame_equal(res.points, fresh.points)


MODEL = model()
SMALL = {"r_U": np.linspace(0.5, 4.5, 8), "c_I": np.linspace(0, 3, 5)}


def _scaled_game(r_U, c_I, factor=1.0):
    return MODEL.at(r_U=r_U * factor, c_I=c_I)


def test_changing_a_model_function_recomputes(tmp_path):
    """Issue 16: a different lambda received the previous function's results."""
    args = dict(progress=False, chunk_size=10, out_dir=tmp_path)
    first = gt.sweep(lambda r_U, c_I: _scaled_game(r_U, c_I), SMALL, **args)
    second = gt.sweep(lambda r_U, c_I: _scaled_game(r_U, c_I, 3.0), SMALL, **args)
    fresh = gt.sweep(lambda r_U, c_I: _scaled_game(r_U, c_I, 3.0), SMALL, progress=False,
                     chunk_size=10)
    pd.testing.assert_frame_equal(second.frame, fresh.frame)
    assert not first.frame.equals(second.frame)
    # a default argument or a value the function closes over is part of its identity
    factor = 2.0
    third = gt.sweep(lambda r_U, c_I: _scaled_game(r_U, c_I, factor), SMALL, **args)
    factor = 3.0
    fourth = gt.sweep(lambda r_U, c_I: _scaled_game(r_U, c_I, factor), SMALL, **args)
    pd.testing.assert_frame_equal(fourth.frame, second.frame)
    assert not third.frame.equals(fourth.frame)
    assert len(list(tmp_path.glob("run-*"))) == 4
    gt.sweep(lambda r_U, c_I: _scaled_game(r_U, c_I, factor), SMALL, **args)
    assert len(list(tmp_path.glob("run-*"))) == 4  # the same function resumes its run


def _chunked(tmp_path, **kw):
    return gt.sweep(model(), GRID, progress=False, chunk_size=100, out_dir=tmp_path, **kw)


def test_edited_chunk_is_detected_and_recomputed_on_request(tmp_path):
    ref = _chunked(tmp_path)
    target = chunk_files(tmp_path)[2]
    data = load_chunk(target)
    data["row"] = data["row"][::-1].copy()  # plausible numbers, wrong rows
    with np.load(target) as z:
        meta = {k: z[k] for k in z.files if k.startswith("_")}
    np.savez(target, **data, **meta)  # the old checksum no longer matches
    with pytest.raises(CorruptChunk, match=f"{target.name}.*checksum"):
        _chunked(tmp_path)
    res = _chunked(tmp_path, recompute_corrupt=True)
    pd.testing.assert_frame_equal(res.frame, ref.frame)
    load_chunk(target)  # rewritten, valid again


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty"])
def test_unreadable_chunk_is_named(tmp_path, damage):
    ref = _chunked(tmp_path)
    target = chunk_files(tmp_path)[1]
    raw = target.read_bytes()
    target.write_bytes({"truncate": raw[: len(raw) // 2], "garbage": b"PK" + b"x" * 99,
                        "empty": b""}[damage])
    with pytest.raises(gt.GameError, match=f"{target.name}.*unreadable"):
        _chunked(tmp_path)
    pd.testing.assert_frame_equal(_chunked(tmp_path, recompute_corrupt=True).frame, ref.frame)


def test_swapped_and_foreign_chunks_are_detected(tmp_path):
    ref = _chunked(tmp_path)
    a, b = chunk_files(tmp_path)[0], chunk_files(tmp_path)[1]
    raw_a, raw_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(raw_b)
    b.write_bytes(raw_a)
    with pytest.raises(CorruptChunk, match="points 100..199, not 0..99"):
        _chunked(tmp_path)
    a.write_bytes(raw_a)
    b.write_bytes(raw_b)
    # a chunk of the same range from another computation, copied in
    other = tmp_path / "other"
    gt.sweep(bounded(1), GRID, progress=False, chunk_size=100, out_dir=other)
    a.write_bytes(chunk_files(other)[0].read_bytes())
    with pytest.raises(CorruptChunk, match="another computation"):
        _chunked(tmp_path)
    pd.testing.assert_frame_equal(_chunked(tmp_path, recompute_corrupt=True).frame, ref.frame)


def test_load_chunk_checks_what_it_is_told(tmp_path):
    path = tmp_path / "c.npz"
    save_chunk(path, {"x": np.arange(4)}, lo=4, hi=8, fingerprint="f")
    assert load_chunk(path, lo=4, hi=8, fingerprint="f")["x"].tolist() == [0, 1, 2, 3]
    with pytest.raises(CorruptChunk, match="not 0..3"):
        load_chunk(path, lo=0, hi=4)
    with pytest.raises(CorruptChunk, match="another computation"):
        load_chunk(path, fingerprint="g")
    np.savez(path, x=np.arange(4))  # no metadata: not a chunk of this version
    with pytest.raises(CorruptChunk, match="_checksum"):
        load_chunk(path)
    with pytest.raises(gt.GameError, match="reserved"):
        save_chunk(path, {"_lo": np.zeros(1)})


def test_stale_temporary_files_are_removed_on_start(tmp_path):
    _chunked(tmp_path)
    folder = next(tmp_path.glob("run-*"))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = [folder / f".tmp-{dead}-abc.npz", folder / ".tmp-old.npz"]
    live = folder / f".tmp-{os.getpid()}-mine.npz"  # this process: still being written
    for f in (*stale, live):
        f.write_bytes(b"partial")
    _chunked(tmp_path)
    assert not any(f.exists() for f in stale) and live.exists()


def test_chunk_size_must_be_positive():
    for bad in (0, -1, 2.5, True):
        with pytest.raises(gt.GameError, match="chunk_size"):
            chunk_bounds(10, bad)


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
