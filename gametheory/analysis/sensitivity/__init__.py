"""Sensitivity analysis: parameter sweeps, regime shares, thresholds, Monte Carlo and
global indices, with chunked, resumable and distributed execution.

Modules: :mod:`.sweep` (the entry points), :mod:`.points` (values and point sets),
:mod:`.model` (the model adapter, parameter points, exact regimes), :mod:`.evaluate` (one
chunk of a sweep), :mod:`.regimes` (the tidy frames), :mod:`.result` (``SweepResult``),
:mod:`.chunks` (executors and chunk files), :mod:`.thresholds`, :mod:`.uncertainty`,
:mod:`.paths` (equilibria along one parameter, as branches).
"""

from . import chunks, thresholds, uncertainty
from .points import exact_value
from .result import SweepResult
from .sweep import evaluate_points, sweep

__all__ = ["SweepResult", "chunks", "evaluate_points", "exact_value", "sweep", "thresholds",
           "uncertainty"]
