"""Repeated play: automaton strategies, discounted payoffs and subgame perfection,
critical discount factors, the folk-theorem region, noise, reputation and salami tactics.

The repeated-game class and its checks live in :mod:`.game`; this package re-exports its
public names, so ``gt.repeated.RepeatedGame`` is ``gt.RepeatedGame``.
"""

from . import automata, folk, game, noise, reputation, salami, strategies
from .automata import Automaton
from .game import *  # noqa: F403  (the repeated-game API, listed in game.__all__)
from .game import __all__ as _game_all
from .reputation import ChainStore

__all__ = ["Automaton", "ChainStore", "automata", "folk", "game", "noise", "reputation",
           "salami", "strategies", *_game_all]
