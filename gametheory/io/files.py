"""Bounded reading of input files: regular files only, at most a limit of bytes.

Every reader of a user's file reads it through :func:`read_limited`. The file is opened
without blocking, checked with ``fstat`` on the open descriptor (so a path swapped after
the check cannot slip through) and refused unless it is a regular file: ``/dev/zero``
would otherwise be read without end and a FIFO would block forever. It is then read as a
stream of at most ``limit + 1`` bytes, so the limit holds whatever ``st_size`` claims
(``/proc`` files report 0). The limits are in :mod:`gametheory._limits`.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "x.txt")
>>> with open(path, "w") as f:
...     _ = f.write("hello")
>>> read_limited(path, 10, "a text file")
b'hello'
>>> read_limited(path, 3, "a text file")
Traceback (most recent call last):
...
gametheory.errors.ParseError: a text file ... exceeds the limit of 3 bytes
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import ParseError

__all__ = ["read_limited"]

_CHUNK = 1 << 16


def read_limited(path: str | os.PathLike[str], limit: int, what: str,
                 error: type[ParseError] = ParseError) -> bytes:
    """The bytes of the regular file at ``path``, refusing more than ``limit`` bytes.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    limit : int
        Largest accepted size in bytes; at most ``limit + 1`` bytes are read.
    what : str
        What the file is, for messages (``"scenario file"``).
    error : subclass of ParseError
        The error raised (``ScenarioError`` for scenario files).

    Raises
    ------
    ParseError (or ``error``)
        When the path is a device, FIFO, socket or directory, or the file holds more
        than ``limit`` bytes.
    OSError
        When the file does not exist or cannot be opened.
    """
    shown = str(Path(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a directory" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode)
                    else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                    else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
            raise error(f"{what} {shown!r} is {kind}; only regular files are read")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise error(f"{what} {shown!r} exceeds the limit of {limit} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)
