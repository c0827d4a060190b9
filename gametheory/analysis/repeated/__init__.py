"""Repeated play: automaton strategies, discounted payoffs and subgame perfection,
critical discount factors, the folk-theorem region, noise, reputation and salami tactics.

The repeated-game class lives in :mod:`.game`, its analyses in :mod:`.joint` (the joint
automaton and its values), :mod:`.deviations` (subgame perfection, Nash),
:mod:`.discount` (critical discount factors) and :mod:`.finite` (finite horizons); this
package re-exports their public names, so ``gt.repeated.RepeatedGame`` is
``gt.RepeatedGame``.
"""

from . import (
    automata,
    deviations,
    discount,
    finite,
    folk,
    game,
    joint,
    noise,
    reputation,
    salami,
    strategies,
)
from .automata import Automaton, mirror
from .deviations import Deviation, NashCheck, SubgamePerfection
from .discount import DiscountAnalysis
from .finite import FiniteHorizonResult, obtain_repeated_game, repeated_game_size
from .game import RepeatedGame
from .reputation import ChainStore

__all__ = ["Automaton", "ChainStore", "Deviation", "DiscountAnalysis", "FiniteHorizonResult",
           "NashCheck", "RepeatedGame", "SubgamePerfection", "automata", "deviations",
           "discount", "finite", "folk", "game", "joint", "mirror", "noise",
           "obtain_repeated_game", "repeated_game_size", "reputation", "salami",
           "strategies"]
