"""Assessment tables: beliefs shown on and off the path, in every list format, for
signalling equilibria (pure and mixed) and tree assessments."""

from __future__ import annotations

import pytest

import gametheory as gt
from gametheory.errors import GameError
from gametheory.models import beer_quiche
from gametheory.report.tables.assessments import assessment_table


def test_signalling_rows_show_posteriors_and_supporting_sets():
    eqs = beer_quiche().perfect_bayesian_equilibria()
    md = assessment_table(eqs, format="markdown")
    lines = md.splitlines()
    assert len(lines) == 2 + len(eqs)
    # the pure beer pool: posterior after beer is the prior, quiche's belief set
    assert "beer: 9/10 strong + 1/10 weak; quiche: mu(weak \\| quiche) \\>= 1/2" in lines[2]
    # the mixed extreme: the receiver mixes after quiche at exactly mu(weak) = 1/2
    assert "quiche: 1/2 duel + 1/2 not" in lines[4] and "= 1/2" in lines[4]
    semi = assessment_table(beer_quiche("1/10").perfect_bayesian_equilibria(), format="text")
    assert "weak: 1/9 beer + 8/9 quiche" in semi and "quiche: weak" in semi


@pytest.mark.parametrize("fmt", ["booktabs", "markdown", "html", "text"])
def test_every_list_format_renders(fmt):
    out = assessment_table(beer_quiche().perfect_bayesian_equilibria(pure=True), format=fmt)
    assert "quiche" in out
    if fmt == "booktabs":
        assert "\\toprule" in out and "mu(weak \\textbar{}" in out and "\\textgreater{}=" in out


def test_tree_rows_and_refusals():
    T = gt.GameTree
    t = T(T.chance({"strong": ("2/3", T.decision("E", {"Out": T.terminal(1, 2), "In": T.decision(
        "I", {"F": T.terminal(0, 0), "A": T.terminal(2, 1)}, "in")}, "e")),
        "weak": ("1/3", T.decision("E", {"Out": T.terminal(1, 2), "In": T.decision(
            "I", {"F": T.terminal(0, 1), "A": T.terminal(2, 0)}, "in")}, "e"))}),
        players=("E", "I"))
    text = assessment_table(t.perfect_bayesian_equilibria(), format="text")
    assert "e: 2/3 strong + 1/3 weak; in: mu(weak > In | in) >= 1/2" in text
    assert "in: 2/3 strong > In + 1/3 weak > In" in text
    with pytest.raises(GameError, match="at least one"):
        assessment_table([])
    with pytest.raises(GameError, match="one kind"):
        assessment_table([*t.perfect_bayesian_equilibria(),
                          *beer_quiche().perfect_bayesian_equilibria()])
