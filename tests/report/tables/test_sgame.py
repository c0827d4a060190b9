"""gametheory.report.tables.sgame: Osborne's game environment, best replies underlined,
equilibria boxed, long symbolic payoffs stacked on two lines."""

from __future__ import annotations

import gametheory as gt
from gametheory.report import tables

# matching pennies has no pure equilibrium; the coordination game has two
PENNIES = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
COORD = gt.NormalFormGame([[2, 0], [0, 1]], [[2, 0], [0, 1]], players=("A", "B"))


def test_environment_and_marks():
    out = tables.payoff_table(COORD, format="sgame", caption="", width=None)
    lines = out.splitlines()
    assert lines[0] == r"\begin{game}{2}{2}[{A}][{B}]" and lines[-1] == r"\end{game}"
    assert out.count(r"\boxed") == 2
    assert tables.payoff_table(PENNIES, format="sgame").count(r"\boxed") == 0
    star = tables.payoff_table(COORD, format="sgame", mark_best_replies="star")
    assert "2^{*}, 2^{*}" in star and r"\underline" not in star


def test_caption_and_label_make_a_float():
    out = tables.payoff_table(COORD, format="sgame", caption="Coordination", label="tab:c")
    assert out.startswith(r"\begin{table}[htbp]") and r"\label{tab:c}" in out
    assert r"\caption{Coordination}" in out


def test_long_symbolic_payoffs_are_stacked():
    g = gt.ParametricGame([["very_long_parameter_name - another_long_parameter_name", 0]],
                          [[0, 0]], ["very_long_parameter_name", "another_long_parameter_name"])
    out = tables.payoff_table(g, format="sgame")
    assert r"\gamestretch" in out and r"\begin{array}" in out
    flat = tables.payoff_table(g, format="sgame", stack=False)
    assert r"\begin{array}" not in flat
