"""Analysis on top of the core games and the solvers, in two families.

- :mod:`.repeated`: repeated play (automaton strategies, subgame perfection, critical
  discount factors, the folk-theorem region, noise, reputation, salami tactics);
- :mod:`.sensitivity`: sensitivity analysis (sweeps, thresholds, uncertainty, chunked and
  distributed execution).
"""

from . import repeated, sensitivity
from .repeated import Automaton, ChainStore, RepeatedGame
from .sensitivity import SweepResult, sweep

__all__ = ["Automaton", "ChainStore", "RepeatedGame", "SweepResult", "repeated",
           "sensitivity", "sweep"]
