"""Payoff tables of three- and four-player games, in every format; the LaTeX compiles."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from support import DATA

import gametheory as gt
from gametheory.report import tables
from gametheory.report.latex import compile_pdf, overfull_boxes, standalone_document
from gametheory.report.tables.nplayer import nplayer_payoff_table

PLAYERS = ("R&D_team 50% #1", "Défense {α} ~ ^", "Łódź $")


def _game() -> gt.NormalFormGame:
    return gt.read_nfg(DATA / "gambit-nplayer" / "2x2x2.nfg").relabel(
        players=PLAYERS, strategies=(("[Refrain]", "Probe_*"), ("Tolérer", "Intercept & 100%"),
                                     ("Hold", "Retaliate ~ $")),
        title="Alliance & rival: 3 players")


@pytest.mark.parametrize("fmt", ["sgame", "booktabs", "markdown", "html", "text"])
def test_every_format_shows_one_matrix_per_strategy_of_player_three(fmt):
    g = _game()
    t = tables.payoff_table(g, format=fmt)
    assert t.format == fmt and t == nplayer_payoff_table(g, format=fmt)
    pure = g.pure_equilibria()
    assert len(pure) == 4
    if fmt == "text":
        assert t.count("[Łódź $: Hold]") == 1 and t.count("[9*, 8*, 12*]") == 1
        assert t.count("[") - t.count("[Refrain]") - 2 == 4   # bracketed equilibrium cells
    if fmt == "markdown":
        assert t.count("**<u>") == 4 and "**Łódź $: Retaliate ~ $**" in t
    if fmt == "html":
        assert t.count("<table>") == 2 and t.count("<b>") == 4 and "&amp;" in t
    if fmt in ("sgame", "booktabs"):
        assert t.count(r"\boxed") == 4 and r"R\&D\_team" in t


def test_four_players_and_options():
    U = np.arange(16).reshape(2, 2, 2, 2)
    g = gt.NormalFormGame(U, U, U, U)
    t = nplayer_payoff_table(g, format="text", number_format="decimal", digits=1,
                             mark_best_replies=None, highlight_equilibria=False, caption="")
    assert t.count("[Player 3:") == 4 and "15.0, 15.0, 15.0, 15.0" in t and "*" not in t
    with pytest.raises(gt.GameError, match="n-player payoff tables come in"):
        nplayer_payoff_table(g, format="csv")
    with pytest.raises(gt.GameError, match="number_format"):
        nplayer_payoff_table(g, number_format="roman")


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex not installed")
@pytest.mark.parametrize("fmt", ["sgame", "booktabs"])
def test_latex_tables_compile_without_overfull_boxes(fmt):
    g = _game()
    parts = [tables.payoff_table(g, format=fmt, label=f"tab:{fmt}-{k}", number_format=nf,
                                 mark_best_replies=marks)
             for k, (nf, marks) in enumerate([("exact", "underline"), ("decimal", "star"),
                                              ("sig", None)])]
    four = gt.read_nfg(DATA / "gambit-nplayer" / "2x2x2x2.nfg")
    parts.append(tables.payoff_table(four, format=fmt, number_format="decimal", digits=2))
    result = compile_pdf(standalone_document("\n\n".join(parts)))
    assert result.ok, result.reason
    assert [pt for pt in overfull_boxes(result.log) if pt > 1.0] == []
