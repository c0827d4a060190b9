"""Chunked execution: split a long computation, run it on any executor, keep it on disk.

A computation over :math:`N` independent points is cut into chunks of consecutive indices
:math:`[lo, hi)`. Each chunk is a pure function of its bounds (and of a per-chunk random
seed spawned from one root seed with :class:`numpy.random.SeedSequence`, so results do
not depend on the executor, the number of workers or the completion order). The chunks
run in-process (``executor=None``) or through any :class:`concurrent.futures.Executor`:
a :class:`~concurrent.futures.ProcessPoolExecutor` for all local cores, or
``dask.distributed.Client(...).get_executor()`` for a cluster.

With an output directory, every finished chunk is written as it completes to
``chunk-<lo>-<hi>.npz`` (numpy arrays only, loaded with ``allow_pickle=False``), first to a
temporary name and then renamed atomically (:func:`os.replace`), so a file either holds a
whole chunk or does not exist. A ``manifest.json`` records a fingerprint of the task; a
rerun with the same directory and the same task loads the finished chunks and computes
only the missing ones, so an interrupted run resumes without losing or duplicating rows.
A directory holding chunks of a *different* task is refused rather than mixed in.

Examples
--------
>>> from gametheory.analysis.sensitivity.chunks import run_chunks
>>> def squares(lo, hi, seed):
...     import numpy as np
...     return {"x": np.arange(lo, hi) ** 2}
>>> parts = run_chunks(squares, 10, chunk_size=4, progress=False)
>>> [p["x"].tolist() for p in parts]
[[0, 1, 4, 9], [16, 25, 36, 49], [64, 81]]
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, as_completed
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import GameError

__all__ = ["run_chunks", "chunk_bounds", "chunk_seeds", "save_chunk", "load_chunk",
           "Chunk"]

Chunk = dict[str, np.ndarray]
ChunkTask = Callable[[int, int, Any], Chunk]


def chunk_bounds(n: int, chunk_size: int) -> list[tuple[int, int]]:
    """``[(0, c), (c, 2c), ...]`` covering ``range(n)``.

    >>> chunk_bounds(5, 2)
    [(0, 2), (2, 4), (4, 5)]
    """
    if chunk_size < 1:
        raise GameError(f"chunk_size must be a positive integer, got {chunk_size}")
    return [(lo, min(n, lo + chunk_size)) for lo in range(0, n, chunk_size)]


def chunk_seeds(seed: int | None, n_chunks: int) -> list[np.random.SeedSequence]:
    """Independent, reproducible seed sequences, one per chunk, spawned from ``seed``.

    >>> a = chunk_seeds(1, 3); b = chunk_seeds(1, 3)
    >>> [s.generate_state(1)[0] for s in a] == [s.generate_state(1)[0] for s in b]
    True
    """
    return np.random.SeedSequence(seed).spawn(n_chunks)


def _chunk_path(out_dir: Path, lo: int, hi: int) -> Path:
    return out_dir / f"chunk-{lo:012d}-{hi:012d}.npz"


def save_chunk(path: str | os.PathLike, data: Mapping[str, np.ndarray]) -> None:
    """Write a chunk's arrays atomically (temporary file, then :func:`os.replace`)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".npz")
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **{k: np.asarray(v) for k, v in data.items()})
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def load_chunk(path: str | os.PathLike) -> Chunk:
    """Read a chunk written by :func:`save_chunk` (no pickles are loaded)."""
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def _prepare_dir(out_dir: Path, fingerprint: str, n: int, chunk_size: int) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = out_dir / "manifest.json"
    want = {"fingerprint": fingerprint, "n_points": n, "chunk_size": chunk_size}
    if manifest.exists():
        have = json.loads(manifest.read_text())
        if have != want:
            raise GameError(f"{out_dir} holds chunks of a different computation "
                            f"({have}); use a new out_dir or delete it (wanted {want})")
        return
    if any(out_dir.glob("chunk-*.npz")):
        raise GameError(f"{out_dir} holds chunk files but no manifest; use a new out_dir")
    tmp = manifest.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(want))
    os.replace(tmp, manifest)


def run_chunks(task: ChunkTask, n: int, *, chunk_size: int = 50_000,
               executor: Executor | None = None, out_dir: str | os.PathLike | None = None,
               progress: bool = True, seed: int | None = None, fingerprint: str = "",
               desc: str = "chunks") -> list[Chunk]:
    """Run ``task(lo, hi, seed_sequence)`` over all chunks of ``range(n)``, in order.

    Parameters
    ----------
    task : callable
        ``task(lo, hi, seed) -> dict[str, ndarray]``; must be picklable (a module-level
        function or :func:`functools.partial` of one) when an executor is used.
    n : int
        Number of points.
    chunk_size : int
        Points per chunk.
    executor : concurrent.futures.Executor, optional
        Where to run the chunks; ``None`` runs them in this process, one after another.
    out_dir : path, optional
        Directory for finished chunks (created if needed); enables resuming.
    progress : bool
        Show a tqdm progress bar (only when there is more than one chunk to compute).
    seed : int, optional
        Root seed; chunk ``k`` gets the ``k``-th spawned :class:`~numpy.random.SeedSequence`.
    fingerprint : str
        Identifies the computation; a directory made for another fingerprint is refused.

    Returns
    -------
    list of dict
        The chunks' results in index order.

    Raises
    ------
    GameError
        For a bad ``chunk_size`` or an ``out_dir`` that belongs to another computation.
    """
    bounds = chunk_bounds(n, chunk_size)
    seeds = chunk_seeds(seed, len(bounds))
    results: list[Chunk | None] = [None] * len(bounds)
    folder = None
    if out_dir is not None:
        folder = Path(out_dir)
        _prepare_dir(folder, fingerprint, n, chunk_size)
        for k, (lo, hi) in enumerate(bounds):
            p = _chunk_path(folder, lo, hi)
            if p.exists():
                results[k] = load_chunk(p)
    todo = [k for k, r in enumerate(results) if r is None]
    bar = None
    if progress and len(todo) > 1:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(todo), desc=desc, unit="chunk")

    def finish(k: int, data: Chunk) -> None:
        if folder is not None:
            save_chunk(_chunk_path(folder, *bounds[k]), data)
        results[k] = data
        if bar is not None:
            bar.update(1)

    try:
        if executor is None:
            for k in todo:
                finish(k, task(bounds[k][0], bounds[k][1], seeds[k]))
        else:
            futures = {executor.submit(task, bounds[k][0], bounds[k][1], seeds[k]): k
                       for k in todo}
            try:
                for fut in as_completed(futures):
                    finish(futures[fut], fut.result())
            finally:
                for fut in futures:
                    fut.cancel()
    finally:
        if bar is not None:
            bar.close()
    return results  # type: ignore[return-value]
