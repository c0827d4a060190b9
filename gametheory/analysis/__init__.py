"""Analysis on top of the core games: repeated games (automaton strategies, subgame
perfection, critical discount factors, the folk-theorem region, noise, reputation,
salami tactics) and sensitivity analysis (sweeps, thresholds, uncertainty).
"""

from . import (
    automata,
    chunks,
    folk,
    noise,
    repeated,
    reputation,
    salami,
    sensitivity,
    strategies,
    thresholds,
    uncertainty,
)
from .automata import Automaton
from .repeated import RepeatedGame
from .reputation import ChainStore
from .sensitivity import SweepResult, sweep

__all__ = [
    # repeated games
    "Automaton", "ChainStore", "RepeatedGame", "automata", "folk", "noise", "repeated",
    "reputation", "salami", "strategies",
    # sensitivity analysis
    "SweepResult", "chunks", "sensitivity", "sweep", "thresholds", "uncertainty",
]
