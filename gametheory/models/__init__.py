"""Named, cited game families: each model written once, with parameters and defaults.

Every function returns a :class:`~gametheory.core.parametric.ParametricGame` (or a
:class:`~gametheory.core.tree.GameTree`, or a :class:`~gametheory.core.bayesian.BayesianGame`)
whose docstring states the game, its timing, its payoffs, the published result it
reproduces and the citation. Each model registers that metadata where it is written
(:func:`register_model`; a family's variants with :func:`register_variant`), and
:func:`catalog` lists them all. Models are built with :mod:`gametheory.models.kit`.

Examples
--------
>>> import gametheory as gt
>>> gt.models.probe_response("posture").classify()
'mixed probing'
>>> gt.models.chicken().at().shape
(2, 2)
"""

# Each model module registers its models (gametheory.models.registry) as it is imported,
# and the catalog lists them in registration order, so the modules are imported in the
# catalog's order, not alphabetically.
# isort: off
from .probe_response import (
    bayesian_game,
    bayesian_tree,
    best_reply_after_probe,
    posture_game,
    probe_response,
    probe_response_payoffs,
    regime,
    regime_conditions,
    resolve_threshold,
    sequential_game,
    sequential_normal_form,
    swarm_posture_game,
    type_payoffs,
)
from .probe_regimes import (
    posture_label,
    posture_pure_equilibria,
    posture_regime_conditions,
    sequential_label,
    sequential_regime_conditions,
)
from .chain_store import chain_store
from .crisis import (
    chicken,
    deterrence_game,
    deterrence_threshold,
    inspection_game,
    stag_hunt,
    stag_hunt_risk_dominance,
)
from .alliance import (
    alliance,
    burden_sharing,
    consensus_risk_dominance,
    consensus_stag_hunt,
    volunteers_dilemma,
)
from .attribution import attribution_game
from .audience import audience_costs
from .repeated_probe import repeated_probe_response, reputation_probe_response
from .signaling import beer_quiche, job_market
# isort: on
from .catalog import Catalog, CatalogEntry, catalog
from .registry import register_model, register_variant

__all__ = [
    "Catalog",
    "CatalogEntry",
    "alliance",
    "audience_costs",
    "bayesian_game",
    "beer_quiche",
    "bayesian_tree",
    "attribution_game",
    "best_reply_after_probe",
    "burden_sharing",
    "catalog",
    "chain_store",
    "chicken",
    "consensus_risk_dominance",
    "consensus_stag_hunt",
    "deterrence_game",
    "deterrence_threshold",
    "inspection_game",
    "job_market",
    "posture_game",
    "posture_label",
    "posture_pure_equilibria",
    "posture_regime_conditions",
    "swarm_posture_game",
    "probe_response",
    "probe_response_payoffs",
    "regime",
    "register_model",
    "register_variant",
    "regime_conditions",
    "repeated_probe_response",
    "reputation_probe_response",
    "resolve_threshold",
    "sequential_game",
    "sequential_label",
    "sequential_regime_conditions",
    "sequential_normal_form",
    "stag_hunt",
    "stag_hunt_risk_dominance",
    "type_payoffs",
    "volunteers_dilemma",
]
