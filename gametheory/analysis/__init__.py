"""Analysis on top of the core games: repeated games (automaton strategies, subgame
perfection, critical discount factors, the folk-theorem region, noise, reputation,
salami tactics) and sensitivity analysis.
"""

from . import automata, repeated, reputation, strategies
from .automata import Automaton
from .repeated import RepeatedGame
from .reputation import ChainStore
from . import chunks, sensitivity, thresholds, uncertainty  # sensitivity analysis
from .sensitivity import SweepResult, sweep

__all__ = ["Automaton", "ChainStore", "RepeatedGame", "automata", "repeated", "reputation",
           "strategies"]
