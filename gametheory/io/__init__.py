"""Input and output: Gambit .nfg files, scenario files and safe expression parsing."""

from . import nfg
from .nfg import NfgFile, gambit_safe_labels, parse_nfg, read_nfg, to_nfg, write_nfg

__all__ = ["nfg", "NfgFile", "gambit_safe_labels", "parse_nfg", "read_nfg", "to_nfg",
           "write_nfg"]
