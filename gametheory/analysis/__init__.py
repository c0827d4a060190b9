"""Analysis on top of the core games: repeated games (automaton strategies, subgame
perfection, critical discount factors, the folk-theorem region, noise, reputation,
salami tactics) and sensitivity analysis.
"""

from . import automata, repeated, strategies
from .automata import Automaton
from .repeated import RepeatedGame

__all__ = ["Automaton", "RepeatedGame", "automata", "repeated", "strategies"]
