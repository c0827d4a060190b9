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
from .alliance_probe import (
    DEFAULT_ALLIES,
    AllianceProbe,
    AllianceProbeOutcome,
    Ally,
    TargetAnalysis,
    alliance_probe,
    rule_probability,
)
from .alliance_security import SecurityPath, alliance_security_dilemma, security_dilemma_path
from .volunteer import asymmetric_volunteers_dilemma, nobody_intercepts, volunteers_dilemma_n
from .alliance_burden import burden_shares, burden_sharing_n
from .attribution import attribution_game
from .audience import audience_costs
from .repeated_probe import repeated_probe_response, reputation_probe_response
from .posture import observed_posture_game, partial_posture_equilibria, partial_posture_game
from .signaling import beer_quiche, job_market, spence_education
from .learning_prober import LearningProber, learning_prober
from .costly_signals import costly_signals, separates, separation_interval
from .deniable_probe import DeniableProbeEquilibrium, deniable_probe, deniable_probe_equilibrium
from .attrition import (
    AttritionCampaign,
    CampaignRound,
    CampaignSolution,
    attrition_campaign,
    campaign_tree,
)
from .escalation import (
    DRONE_LADDER,
    LadderOutcome,
    Rung,
    brinkmanship_outcome,
    climb_thresholds,
    escalation_ladder,
    ladder_outcomes,
)
# isort: on
from .catalog import Catalog, CatalogEntry, catalog
from .nplayer import NPlayerGame
from .registry import register_model, register_variant

__all__ = [
    "AttritionCampaign",
    "CampaignRound",
    "CampaignSolution",
    "attrition_campaign",
    "campaign_tree",
    "DRONE_LADDER",
    "LadderOutcome",
    "Rung",
    "brinkmanship_outcome",
    "climb_thresholds",
    "escalation_ladder",
    "ladder_outcomes",
    "DEFAULT_ALLIES",
    "Ally",
    "AllianceProbe",
    "AllianceProbeOutcome",
    "Catalog",
    "CatalogEntry",
    "NPlayerGame",
    "SecurityPath",
    "TargetAnalysis",
    "alliance",
    "alliance_probe",
    "alliance_security_dilemma",
    "asymmetric_volunteers_dilemma",
    "audience_costs",
    "bayesian_game",
    "beer_quiche",
    "bayesian_tree",
    "attribution_game",
    "best_reply_after_probe",
    "burden_shares",
    "burden_sharing",
    "burden_sharing_n",
    "catalog",
    "chain_store",
    "chicken",
    "consensus_risk_dominance",
    "consensus_stag_hunt",
    "deterrence_game",
    "deterrence_threshold",
    "inspection_game",
    "job_market",
    "LearningProber",
    "learning_prober",
    "costly_signals",
    "separates",
    "separation_interval",
    "DeniableProbeEquilibrium",
    "deniable_probe",
    "deniable_probe_equilibrium",
    "observed_posture_game",
    "partial_posture_equilibria",
    "partial_posture_game",
    "nobody_intercepts",
    "spence_education",
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
    "rule_probability",
    "sequential_game",
    "security_dilemma_path",
    "sequential_label",
    "sequential_regime_conditions",
    "sequential_normal_form",
    "stag_hunt",
    "stag_hunt_risk_dominance",
    "type_payoffs",
    "volunteers_dilemma",
    "volunteers_dilemma_n",
]
