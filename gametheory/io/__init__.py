"""Input and output: Gambit ``.nfg`` and ``.efg`` files and scenario files.

:data:`READERS` maps a file suffix to the function that reads such a file into a game or
a scenario; a new file format is one module here plus one line in it.

>>> from gametheory.io import READERS
>>> sorted(READERS)
['.efg', '.nfg', '.toml']
"""

from collections.abc import Callable
from typing import Any

from . import efg, nfg, nfg_write
from .efg import read_efg, to_efg
from .nfg import NfgFile, gambit_safe_labels, parse_nfg, read_nfg, to_nfg, write_nfg
from .scenario import load_scenario

#: File suffix -> reader (a path in, a game or scenario out).
READERS: dict[str, Callable[..., Any]] = {
    ".efg": read_efg,
    ".nfg": read_nfg,
    ".toml": load_scenario,
}

__all__ = ["READERS", "efg", "nfg", "nfg_write", "NfgFile", "gambit_safe_labels", "parse_nfg",
           "read_nfg", "read_efg", "to_efg", "to_nfg", "write_nfg"]
