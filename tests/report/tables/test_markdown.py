"""gametheory.report.tables.markdown: one cell per column whatever the labels; equilibria
bold, best replies underlined or starred."""

from __future__ import annotations

import re

import gametheory as gt
from gametheory.report import tables

HOSTILE = gt.NormalFormGame(
    [[1, 0], [0, 1]], [[1, 0], [0, 1]],
    players=("R&D_team 50%", "Défense #1 $"),
    strategies=(("a|b", "<x>"), ("{y}", "z~^\\")))


def test_markdown_structure_and_escaping():
    md = tables.payoff_table(HOSTILE, format="markdown", caption="")
    rows = [r for r in md.splitlines() if r.startswith("|")]
    assert len(rows) == 4  # header, rule, two strategies
    # every row has the same number of unescaped pipes
    counts = {len(re.findall(r"(?<!\\)\|", r)) for r in rows}
    assert counts == {4}
    assert r"R\&D\_team" in md and r"a\|b" in md and r"\<x\>" in md
    # coordination game: both diagonal cells are equilibria, in bold with underlines
    assert md.count("**<ins>1</ins>, <ins>1</ins>**") == 2
    star = tables.payoff_table(HOSTILE, format="markdown", mark_best_replies="star")
    assert r"**1\*, 1\***" in star
