"""gametheory.report.tables.html: labels escaped, equilibria framed, best replies underlined."""

from __future__ import annotations

import html

import gametheory as gt
from gametheory.report import tables

HOSTILE = gt.NormalFormGame(
    [[1, 0], [0, 1]], [[1, 0], [0, 1]],
    players=("R&D_team 50%", "Défense #1 $"),
    strategies=(("a|b", "<x>"), ("{y}", "z~^\\")))


def test_html_escapes_and_highlights():
    out = tables.payoff_table(HOSTILE, format="html", caption="A & B", label="tab:h")
    assert "<caption>A &amp; B</caption>" in out and 'id="tab:h"' in out
    assert html.escape("<x>") in out and "<x>" not in out
    assert out.count('class="equilibrium"') == 2
    assert out.count("<u>1</u>") == 4
    plain = tables.payoff_table(HOSTILE, format="html", highlight_equilibria=False,
                                mark_best_replies=None)
    assert "equilibrium" not in plain.replace("payoff-table", "") and "<u>" not in plain
