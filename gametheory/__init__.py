"""gametheory: game-theoretic analysis of deterrence dilemmas.

Exact, degenerate-safe equilibria of two-player games (with nashpy as the engine for the
standard algorithms), symbolic parametric models of crises such as probe versus
response, sequential, Bayesian and repeated games, sensitivity analysis, and tables and
figures for papers.

>>> import gametheory as gt
>>> g = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
>>> [e.support for e in g.equilibria()]
[((1,), (1,))]
"""

from . import io, models, solve
from ._version import __version__ as __version__
from .analysis import repeated
from .analysis.repeated import folk, noise, reputation, salami, strategies
from .analysis.repeated.automata import Automaton
from .analysis.repeated.folk import folk_region
from .analysis.repeated.game import RepeatedGame
from .analysis.repeated.reputation import ChainStore
from .analysis.repeated.salami import salami_campaign
from .analysis.sensitivity import SweepResult, evaluate_points, sweep
from .analysis.sensitivity.thresholds import Threshold, TrackResult, thresholds, track
from .analysis.sensitivity.uncertainty import (
    MonteCarloResult,
    beta,
    local_sensitivity,
    monte_carlo,
    morris,
    normal,
    one_at_a_time,
    sobol_indices,
    triangular,
    truncated_normal,
    uniform,
)
from .core.bayesian import BayesianGame
from .core.expressions import parse_condition, parse_expression
from .core.formula import Conditions, Formula
from .core.game import Equilibrium, NormalFormGame
from .core.parametric import Parameter, ParametricGame
from .core.results import EquilibriumList
from .core.signaling import SignalingGame
from .core.tree import GameTree
from .errors import (
    GameError,
    LabelError,
    ParameterError,
    ParseError,
    PayoffError,
    ProfileError,
    ScenarioError,
    SolverError,
)
from .io.efg import read_efg
from .io.nfg import read_nfg, write_nfg
from .io.scenario import Scenario, dump_scenario, load_scenario
from .report import figures, tables
from .solve.batch import BatchEquilibria, solve_batch
from .solve.bayesian import BayesNashEquilibrium, PriorThreshold
from .solve.components import EquilibriumComponent
from .solve.elimination import EliminationResult
from .solve.facade import equilibrium_components
from .solve.nashpy_backend import GameWarning
from .solve.refinements import CriterionVerdict, d1_criterion, intuitive_criterion
from .solve.signaling import BeliefSet, PerfectBayesianEquilibrium
from .solve.symbolic import (
    ComparativeStatics,
    Regime,
    SymbolicEquilibrium,
    comparative_statics,
)
from .solve.tree import SubgamePerfectEquilibrium, Tie
from .solve.tree_credibility import ClassifiedEquilibrium, NonCredibleThreat
from .solve.tree_pbe import Assessment, PerfectBayesianAssessment, SequentialVerdict
from .solve.tree_pbe_mixed import MixedPBESolution, MixedPerfectBayesianAssessment

__all__ = [
    "Formula",
    "Conditions",
    "SignalingGame",
    "PerfectBayesianEquilibrium",
    "BeliefSet",
    "intuitive_criterion",
    "d1_criterion",
    "CriterionVerdict",
    "Assessment",
    "PerfectBayesianAssessment",
    "SequentialVerdict",
    "MixedPerfectBayesianAssessment",
    "MixedPBESolution",
    "salami_campaign",
    "salami",
    "reputation",
    "noise",
    "folk_region",
    "folk",
    "BayesianGame",
    "BayesNashEquilibrium",
    "ChainStore",
    "PriorThreshold",
    "ClassifiedEquilibrium",
    "GameTree",
    "NonCredibleThreat",
    "SubgamePerfectEquilibrium",
    "Tie",
    "Automaton",
    "ComparativeStatics",
    "EliminationResult",
    "Equilibrium",
    "EquilibriumList",
    "EquilibriumComponent",
    "GameWarning",
    "equilibrium_components",
    "GameError",
    "LabelError",
    "NormalFormGame",
    "Parameter",
    "ParameterError",
    "ParametricGame",
    "ParseError",
    "PayoffError",
    "ProfileError",
    "Regime",
    "RepeatedGame",
    "ScenarioError",
    "SolverError",
    "SweepResult",
    "BatchEquilibria",
    "evaluate_points",
    "solve_batch",
    "sweep",
    "tables",
    "figures",
    "Scenario",
    "load_scenario",
    "dump_scenario",
    "Threshold",
    "TrackResult",
    "thresholds",
    "track",
    "MonteCarloResult",
    "beta",
    "local_sensitivity",
    "one_at_a_time",
    "monte_carlo",
    "morris",
    "normal",
    "sobol_indices",
    "triangular",
    "truncated_normal",
    "uniform",
    "SymbolicEquilibrium",
    "comparative_statics",
    "io",
    "models",
    "parse_condition",
    "parse_expression",
    "read_efg",
    "read_nfg",
    "repeated",
    "solve",
    "strategies",
    "write_nfg",
]
