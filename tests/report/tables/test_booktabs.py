"""gametheory.report.tables.booktabs: rules in order, the column player over the columns,
list-table cells escaped and math in $...$."""

from __future__ import annotations

import gametheory as gt
from gametheory.report import tables
from gametheory.report.tables.base import ListTable, Math
from gametheory.report.tables.booktabs import latex_cell, render_rows

PD = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Row", "Col"),
                       strategies=(("C", "D"), ("C", "D")))


def test_payoff_table_rules_and_header():
    lines = tables.payoff_table(PD, format="booktabs", caption="", width=None).splitlines()
    rules = [ln for ln in lines if ln in (r"\toprule", r"\midrule", r"\bottomrule")]
    assert rules == [r"\toprule", r"\midrule", r"\bottomrule"]
    assert r"\multicolumn{2}{c}{Col}" in lines[2]
    assert lines[6].startswith("{Row} & {C}") and not lines[7].startswith("{Row}")


def test_list_table_cells_and_alignment():
    out = render_rows(ListTable(["a_b", "x"], [["50%", Math(r"\tfrac{1}{2}", "1/2")]],
                                align="lr"))
    assert out.splitlines()[0] == r"\begin{tabular}{lr}"
    assert r"{50\%} & {$\tfrac{1}{2}$} \\" in out
    assert latex_cell("R&D") == r"R\&D" and latex_cell(Math("x^2", "x^2")) == "$x^2$"
