"""Sensitivity analysis: parameter sweeps, regime shares, thresholds, Monte Carlo and
global indices, with chunked, resumable and distributed execution.
"""

from . import chunks, thresholds, uncertainty
from .sweep import SweepResult, evaluate_points, exact_value, sweep

__all__ = ["SweepResult", "chunks", "evaluate_points", "exact_value", "sweep", "thresholds",
           "uncertainty"]
