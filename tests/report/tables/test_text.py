"""gametheory.report.tables.text: best replies starred, the equilibrium bracketed
(Osborne 2004, sec. 2.8: a cell is a pure equilibrium iff both payoffs are best replies)."""

from __future__ import annotations

import gametheory as gt
from gametheory.report import tables

PD = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Row", "Col"),
                       strategies=(("C", "D"), ("C", "D")), title="Prisoner's dilemma")


def test_text_table_marks_best_replies_and_equilibrium():
    text = tables.payoff_table(PD, format="text", caption="")
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["Row", "\\", "Col"]
    # (D, D) is the unique pure equilibrium; 5 beats 3 against C, 1 beats 0 against D
    assert "[1*, 1*]" in lines[2]
    assert "5*, 0" in lines[2] and "0, 5*" in lines[1] and "3, 3 " in lines[1]
