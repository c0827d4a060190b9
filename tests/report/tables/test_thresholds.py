"""gametheory.report.tables.thresholds (and a regime table beside it): values, exact forms."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from gametheory.report import tables


def test_regime_and_threshold_tables():
    v, c = sp.symbols("probe_value probe_cost")
    out = tables.regime_table([("none", v <= c), ("tolerated", v > c)], format="booktabs",
                              symbols={"probe_value": "v", "probe_cost": "c_p"})
    assert r"$v \leq c_p$" in out and r"\toprule" in out
    text = tables.threshold_table({"credibility_loss": Fraction(7, 2)}, format="text")
    assert "credibility_loss" in text and "3.500" in text and "7/2" in text
