"""Bounded reads: devices and FIFOs refused, at most limit + 1 bytes read."""

import os
import subprocess
import sys
import textwrap

import pytest

import gametheory as gt
from gametheory._limits import MAX_FILE_BYTES, MAX_NFG_BYTES
from gametheory.io.files import read_limited
from gametheory.io.scenario import load_scenario


def _run_isolated(code: str, timeout: float = 10) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter under a 2 GB address-space limit."""
    prelude = ("import resource\n"
               "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=timeout, env=env)


@pytest.mark.parametrize("reader_code", ["gt.io.read_nfg(path)", "gt.io.load_scenario(path)"])
def test_dev_zero_refused_quickly(reader_code):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    proc = _run_isolated(f"""
        import gametheory as gt
        path = "/dev/zero"
        try:
            {reader_code}
        except gt.GameError as err:
            print(type(err).__name__, err)
    """)
    assert proc.returncode == 0, proc.stderr
    assert "is a device; only regular files are read" in proc.stdout


@pytest.mark.parametrize("reader_code", ["gt.io.read_nfg(path)", "gt.io.load_scenario(path)"])
def test_fifo_refused_without_blocking(tmp_path, reader_code):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    proc = _run_isolated(f"""
        import gametheory as gt
        path = {str(fifo)!r}
        try:
            {reader_code}
        except gt.GameError as err:
            print(type(err).__name__, err)
    """)
    assert proc.returncode == 0, proc.stderr
    assert "FIFO" in proc.stdout and "only regular files" in proc.stdout


def test_directory_refused(tmp_path):
    with pytest.raises(gt.ScenarioError, match="directory"):
        load_scenario(tmp_path)


def test_read_limited_stops_at_limit_plus_one(tmp_path, monkeypatch):
    f = tmp_path / "big.bin"
    f.write_bytes(b"x" * 5000)
    reads = []
    real_read = os.read

    def spy(fd, n):
        out = real_read(fd, n)
        reads.append(len(out))
        return out

    monkeypatch.setattr(os, "read", spy)
    with pytest.raises(gt.ParseError, match="exceeds the limit of 100 bytes"):
        read_limited(f, 100, "test file")
    assert sum(reads) == 101
    reads.clear()
    assert read_limited(f, 5000, "test file") == b"x" * 5000
    assert sum(reads) == 5000


def test_limit_does_not_trust_st_size(tmp_path, monkeypatch):
    """A file whose size grows after stat, or that reports 0 (``/proc``), is still bounded."""
    f = tmp_path / "s.toml"
    f.write_bytes(b"#" * (MAX_FILE_BYTES + 5))
    real_fstat = os.fstat

    class Small:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 0

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real_fstat(fd)))
    with pytest.raises(gt.ScenarioError, match="exceeds the limit"):
        load_scenario(f)


def test_nfg_file_limit(tmp_path):
    f = tmp_path / "big.nfg"
    with open(f, "wb") as out:
        out.write(b'NFG 1 R "" { "A" "B" } { 1 1 }\n')
        out.write(b" " * MAX_NFG_BYTES)
    with pytest.raises(gt.ParseError, match="exceeds the limit"):
        gt.io.read_nfg(f)
    with open(f, "rb") as fh, pytest.raises(gt.ParseError, match="exceeds the limit"):
        gt.io.read_nfg(fh)


def test_regular_files_still_read(tmp_path):
    f = tmp_path / "g.nfg"
    f.write_text('NFG 1 R "t" { "A" "B" } { 2 1 } 1 0 0 1\n')
    assert gt.io.read_nfg(f).shape == (2, 1)
    assert gt.io.read_nfg(str(f)).shape == (2, 1)


def test_44_megabyte_nfg_refused_fast_and_small(tmp_path):
    """Issue 16: a 44 MB .nfg took 78 s and 3 GB; now at most limit + 1 bytes are read."""
    f = tmp_path / "huge.nfg"
    with open(f, "wb") as out:
        out.write(b'NFG 1 R "" { "A" "B" } { 2000 2000 }\n')
        out.truncate(44_000_000)  # sparse: instant to create
    proc = _run_isolated(f"""
        import time
        import gametheory as gt
        start = time.perf_counter()
        try:
            gt.io.read_nfg({str(f)!r})
        except gt.GameError as err:
            print(type(err).__name__, time.perf_counter() - start, err)
    """)
    assert proc.returncode == 0, proc.stderr
    kind, seconds, message = proc.stdout.split(" ", 2)
    assert kind == "ParseError" and "exceeds the limit" in message
    assert float(seconds) < 10
