"""gametheory.report.tables.payoff: number formats and option checks of payoff tables.

Best replies and pure equilibria below are worked out by hand from the payoff matrices
(Osborne 2004, sec. 2.8: a cell is a pure equilibrium iff both payoffs are best replies).
"""

from __future__ import annotations

from fractions import Fraction

import pytest

import gametheory as gt
from gametheory.report import tables
from gametheory.report.latex import latex_number, text_number

PD = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Row", "Col"),
                       strategies=(("C", "D"), ("C", "D")), title="Prisoner's dilemma")


def test_number_formats():
    g = gt.NormalFormGame([["1/3", "-2/3"]], [["1234567/1000", 0]])
    exact = tables.payoff_table(g, format="text", mark_best_replies=None, caption="")
    assert "1/3, 1234567/1000" in exact and "-2/3, 0" in exact
    dec = tables.payoff_table(g, format="text", number_format="decimal", digits=2,
                              mark_best_replies=None)
    assert "0.33, 1234.57" in dec and "-0.67, 0.00" in dec
    sig = tables.payoff_table(g, format="sgame", number_format="sig", digits=2,
                              mark_best_replies=None)
    assert r"0.33, 1.2\times 10^{3}" in sig
    assert latex_number(Fraction(-7, 4)) == r"-\tfrac{7}{4}"
    assert text_number(1 / 3) == "0.333333"  # never 0.3333333333333333
    assert text_number(-0.0001, "decimal", 2) == "0.00"


def test_bad_options_raise_game_error():
    with pytest.raises(gt.GameError, match="format"):
        tables.payoff_table(PD, format="pdf")
    with pytest.raises(gt.GameError, match="number_format"):
        tables.payoff_table(PD, number_format="roman")
    with pytest.raises(gt.GameError, match="label"):
        tables.payoff_table(PD, label="bad label{")
    with pytest.raises(gt.GameError, match="sgame"):
        tables.equilibrium_table(PD, format="sgame")
    with pytest.raises(gt.GameError, match="ParametricGame"):
        tables.payoff_table(PD, symbolic=True)
