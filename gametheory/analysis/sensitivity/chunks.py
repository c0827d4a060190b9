"""Chunked execution: split a long computation, run it on any executor, keep it on disk.

A computation over :math:`N` independent points is cut into chunks of consecutive indices
:math:`[lo, hi)`. Each chunk is a pure function of its bounds (and of a per-chunk random
seed spawned from one root seed with :class:`numpy.random.SeedSequence`, so results do
not depend on the executor, the number of workers or the completion order). The chunks
run in-process (``executor=None``) or through any :class:`concurrent.futures.Executor`:
a :class:`~concurrent.futures.ProcessPoolExecutor` for all local cores, or
``dask.distributed.Client(...).get_executor()`` for a cluster.

With an output directory, every finished chunk is written as it completes to
``run-<key>/chunk-<lo>-<hi>.npz`` (numpy arrays only, loaded with
``allow_pickle=False``). ``<key>`` starts the SHA-256 of the task's *fingerprint* (which
its caller makes cover everything that changes a result: for a sweep the model with its
bounds, constraints and rules, or a function's code, the points, the method and its
options) together with the number of points, the chunk size and the root seed. A rerun
of the same task finds its folder, loads the finished chunks and computes only the
missing ones, so an interrupted run resumes without losing or duplicating rows; a
changed task gets a new folder and recomputes, never reading another task's chunks.

Each chunk file also carries its point range, the task's fingerprint and a SHA-256
checksum of its arrays. A file that cannot be read (truncated, not a zip), whose checksum
does not match (edited), whose range is not its name's (swapped) or whose fingerprint is
another task's (copied in) is *corrupt*: loading raises a :class:`GameError` naming the
file and the reason, or, with ``recompute_corrupt=True``, deletes it and computes the
chunk again. Files are written to a temporary name (``.tmp-<pid>-...``) and renamed
atomically (:func:`os.replace`), so a chunk file either holds a whole chunk or does not
exist; temporary files left by a killed run (their process no longer exists) are removed
when the next run starts. The checksum detects accidents, not forgery: whoever can write
the folder can also write a matching checksum, so a checkpoint folder is trusted like the
code that reads it (see ``docs/security.md``).

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

import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, as_completed
from numbers import Integral
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import GameError

__all__ = ["run_chunks", "chunk_bounds", "chunk_seeds", "save_chunk", "load_chunk",
           "Chunk", "CorruptChunk", "run_folder", "chunk_checksum"]

#: Keys of a chunk file that hold its metadata, not the task's arrays.
META = ("_lo", "_hi", "_fingerprint", "_checksum")

Chunk = dict[str, np.ndarray]
ChunkTask = Callable[[int, int, Any], Chunk]


def chunk_bounds(n: int, chunk_size: int) -> list[tuple[int, int]]:
    """``[(0, c), (c, 2c), ...]`` covering ``range(n)``.

    >>> chunk_bounds(5, 2)
    [(0, 2), (2, 4), (4, 5)]
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, Integral) or chunk_size < 1:
        raise GameError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    chunk_size = int(chunk_size)
    return [(lo, min(n, lo + chunk_size)) for lo in range(0, n, chunk_size)]


def chunk_seeds(seed: int | None, n_chunks: int) -> list[np.random.SeedSequence]:
    """Independent, reproducible seed sequences, one per chunk, spawned from ``seed``.

    >>> a = chunk_seeds(1, 3); b = chunk_seeds(1, 3)
    >>> [s.generate_state(1)[0] for s in a] == [s.generate_state(1)[0] for s in b]
    True
    """
    return np.random.SeedSequence(seed).spawn(n_chunks)


class CorruptChunk(GameError):
    """A chunk file that cannot be used: unreadable, edited, swapped or of another task."""


def _chunk_path(out_dir: Path, lo: int, hi: int) -> Path:
    return out_dir / f"chunk-{lo:012d}-{hi:012d}.npz"


def chunk_checksum(data: Mapping[str, np.ndarray]) -> str:
    """SHA-256 of a chunk's arrays: each key with its dtype, shape and bytes, keys sorted.

    >>> import numpy as np
    >>> a = chunk_checksum({"x": np.arange(3)})
    >>> a == chunk_checksum({"x": np.arange(3)}), a == chunk_checksum({"x": np.arange(4)})
    (True, False)
    """
    h = hashlib.sha256()
    for key in sorted(data):
        arr = np.ascontiguousarray(data[key])
        h.update(f"{key}|{arr.dtype.str}|{arr.shape}|".encode())
        h.update(arr.tobytes())
    return h.hexdigest()


def _temp_file(folder: Path, suffix: str) -> tuple[int, str]:
    return tempfile.mkstemp(dir=folder, prefix=f".tmp-{os.getpid()}-", suffix=suffix)


def save_chunk(path: str | os.PathLike, data: Mapping[str, np.ndarray], *, lo: int = 0,
               hi: int = 0, fingerprint: str = "") -> None:
    """Write a chunk's arrays with its range, fingerprint and checksum, atomically.

    The file is written to a temporary name in the same folder and renamed with
    :func:`os.replace`; on any failure the temporary file is removed.
    """
    path = Path(path)
    arrays = {k: np.asarray(v) for k, v in data.items()}
    if any(k in META for k in arrays):
        raise GameError(f"chunk arrays may not use the reserved keys {META}")
    meta = {"_lo": np.asarray(lo, dtype=np.int64), "_hi": np.asarray(hi, dtype=np.int64),
            "_fingerprint": np.asarray(fingerprint), "_checksum":
            np.asarray(chunk_checksum(arrays))}
    fd, tmp = _temp_file(path.parent, ".npz")
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **arrays, **meta)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def load_chunk(path: str | os.PathLike, *, lo: int | None = None, hi: int | None = None,
               fingerprint: str | None = None) -> Chunk:
    """Read and verify a chunk written by :func:`save_chunk` (no pickles are loaded).

    The checksum is always verified; ``lo``, ``hi`` and ``fingerprint``, when given,
    must match the ones stored.

    Raises
    ------
    CorruptChunk
        Naming the file and what is wrong with it.
    """
    def corrupt(why: str) -> CorruptChunk:
        return CorruptChunk(f"checkpoint chunk {path} is corrupt: {why}; delete it or pass "
                            "recompute_corrupt=True to compute it again")

    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile, zlib.error) as err:
        raise corrupt(f"unreadable ({type(err).__name__}: {err})") from None
    missing = [k for k in META if k not in data]
    if missing:
        raise corrupt(f"no {', '.join(missing)} (not written by this version?)")
    meta = {k: data.pop(k) for k in META}
    if str(meta["_checksum"]) != chunk_checksum(data):
        raise corrupt("its arrays do not match their checksum (edited or damaged)")
    have = (int(meta["_lo"]), int(meta["_hi"]))
    if lo is not None and hi is not None and have != (lo, hi):
        raise corrupt(f"it holds points {have[0]}..{have[1] - 1}, not {lo}..{hi - 1} "
                      "(a chunk moved or renamed)")
    if fingerprint is not None and str(meta["_fingerprint"]) != fingerprint:
        raise corrupt("it belongs to another computation (fingerprint differs)")
    return data


def run_folder(out_dir: str | os.PathLike, fingerprint: str, n: int, chunk_size: int,
               seed: int | None) -> Path:
    """The folder of one task inside ``out_dir`` and its full key (see the module text).

    >>> run_folder("out", "f", 10, 4, None).name.startswith("run-")
    True
    """
    return Path(out_dir) / f"run-{_task_key(fingerprint, n, chunk_size, seed)[:16]}"


def _task_key(fingerprint: str, n: int, chunk_size: int, seed: int | None) -> str:
    text = json.dumps({"fingerprint": fingerprint, "n_points": n, "chunk_size": chunk_size,
                       "seed": None if seed is None else str(seed)}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temporary files whose writing process no longer exists (a killed run)."""
    removed = []
    for tmp in folder.glob(".tmp-*"):
        parts = tmp.name.split("-")
        pid = int(parts[1]) if len(parts) > 2 and parts[1].isdigit() else None
        if pid is not None and (pid == os.getpid() or _alive(pid)):
            continue
        try:
            tmp.unlink()
            removed.append(tmp)
        except FileNotFoundError:
            pass
    return removed


def _prepare_dir(folder: Path, key: str, want: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    _clean_stale_temps(folder)
    manifest = folder / "manifest.json"
    want = {**want, "key": key}
    if manifest.exists():
        try:
            have = json.loads(manifest.read_text())
        except (OSError, ValueError):
            have = None
        if have != want:
            raise GameError(f"{manifest} does not describe this computation (damaged, or a "
                            "hash collision); delete the folder to recompute")
        return
    fd, tmp = _temp_file(folder, ".json")
    with os.fdopen(fd, "w") as fh:
        fh.write(json.dumps(want))
    os.replace(tmp, manifest)


def run_chunks(task: ChunkTask, n: int, *, chunk_size: int = 50_000,
               executor: Executor | None = None, out_dir: str | os.PathLike | None = None,
               progress: bool = True, seed: int | None = None, fingerprint: str = "",
               desc: str = "chunks", recompute_corrupt: bool = False) -> list[Chunk]:
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
        Directory for finished chunks (created if needed); enables resuming. The chunks
        go to the task's own folder :func:`run_folder` inside it.
    progress : bool
        Show a tqdm progress bar (only when there is more than one chunk to compute).
    seed : int, optional
        Root seed; chunk ``k`` gets the ``k``-th spawned :class:`~numpy.random.SeedSequence`.
    fingerprint : str
        Identifies the computation: it must change whenever a result would.
    recompute_corrupt : bool
        Compute corrupt chunk files again (they are deleted first) instead of raising.

    Returns
    -------
    list of dict
        The chunks' results in index order.

    Raises
    ------
    GameError
        For a bad ``chunk_size``; :class:`CorruptChunk` for a corrupt chunk file (unless
        ``recompute_corrupt``).

    Examples
    --------
    >>> import tempfile, numpy as np
    >>> def ones(lo, hi, seed):
    ...     return {"x": np.ones(hi - lo)}
    >>> with tempfile.TemporaryDirectory() as d:
    ...     first = run_chunks(ones, 5, chunk_size=2, out_dir=d, progress=False)
    ...     again = run_chunks(ones, 5, chunk_size=2, out_dir=d, progress=False)
    >>> [len(c["x"]) for c in again]
    [2, 2, 1]
    """
    bounds = chunk_bounds(n, chunk_size)
    seeds = chunk_seeds(seed, len(bounds))
    results: list[Chunk | None] = [None] * len(bounds)
    folder = None
    if out_dir is not None:
        folder = run_folder(out_dir, fingerprint, n, int(chunk_size), seed)
        _prepare_dir(folder, _task_key(fingerprint, n, int(chunk_size), seed),
                     {"fingerprint": fingerprint, "n_points": n, "chunk_size": int(chunk_size),
                      "seed": None if seed is None else str(seed)})
        for k, (lo, hi) in enumerate(bounds):
            p = _chunk_path(folder, lo, hi)
            if not p.exists():
                continue
            try:
                results[k] = load_chunk(p, lo=lo, hi=hi, fingerprint=fingerprint)
            except CorruptChunk:
                if not recompute_corrupt:
                    raise
                p.unlink()
    todo = [k for k, r in enumerate(results) if r is None]
    bar = None
    if progress and len(todo) > 1:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(todo), desc=desc, unit="chunk")

    def finish(k: int, data: Chunk) -> None:
        if folder is not None:
            save_chunk(_chunk_path(folder, *bounds[k]), data, lo=bounds[k][0],
                       hi=bounds[k][1], fingerprint=fingerprint)
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
