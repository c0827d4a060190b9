"""gametheory.report.tables.base: Markdown escaping keeps one cell; a Table is a str that
knows its format, renders in Jupyter, saves and pickles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.report import tables

PD = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Row", "Col"),
                       strategies=(("C", "D"), ("C", "D")), title="Prisoner's dilemma")


@given(st.text(max_size=30))
@settings(max_examples=200, deadline=None)
def test_escape_markdown_keeps_one_table_cell(text):
    out = tables.escape_markdown(text)
    assert "\n" not in out
    assert not re.search(r"(?<!\\)\|", out)  # no raw pipe ends the cell


def test_tables_are_strings_that_render_in_jupyter(tmp_path):
    import pickle

    h = tables.payoff_table(PD, format="html")
    assert isinstance(h, str) and h.format == "html" and h._repr_html_() == str(h)
    m = tables.equilibrium_table(PD, format="markdown")
    assert m._repr_markdown_() == str(m) and m._repr_html_() is None
    path = m.save(tmp_path / "eq.md")
    assert path.read_text() == str(m) + "\n"
    back = pickle.loads(pickle.dumps(h))
    assert back == h and back.format == "html"


def test_text_and_latex_tables_display_as_preformatted_text_not_python_strings():
    pretty = pytest.importorskip("IPython.lib.pretty").pretty
    for fmt in ("text", "booktabs"):
        t = tables.payoff_table(PD, format=fmt)
        assert t._repr_html_().startswith("<pre>") and t._repr_html_().count("\n") == \
            str(t).count("\n")
        assert pretty(t) == str(t) and t == str(t)
    assert tables.payoff_table(PD, format="text")._repr_markdown_() is None

# ---- width policy: layout for the line, then scaling (compiled in test_latex_compile.py)

def test_wrap_label_keeps_every_word_in_order_within_the_line_length():
    from gametheory.report.tables.base import WRAP_CHARS, wrap_label

    text = "Retaliate at once if probed by a drone swarm"
    out = wrap_label(text, "linewidth")
    lines = out.removeprefix(r"\begin{tabular}{@{}c@{}}").removesuffix(r"\end{tabular}")
    parts = lines.split(r"\\")
    assert " ".join(parts) == text
    assert all(len(p) <= WRAP_CHARS or " " not in p for p in parts)
    assert wrap_label("R&D", "linewidth") == r"R\&D"  # one short line: no tabular
    assert wrap_label(text, None) == text


def test_fit_width_scales_only_when_wider_and_checks_the_policy():
    from gametheory.report.tables.base import fit_width

    out = fit_width(r"\begin{tabular}{l}x\end{tabular}", "linewidth")
    assert out.count(r"\ifdim\wd0>\linewidth") == 1 and r"\else\box0\fi" in out
    with pytest.raises(gt.GameError, match="width"):
        fit_width("x", "0.5\\linewidth")


def test_long_mixed_strategies_go_one_term_a_line_only_when_fitted():
    mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]], players=("Probe", "Guard"),
                           strategies=(("North gate", "South gate"), ("North gate", "South gate")))
    fitted = tables.equilibrium_table(mp)
    natural = tables.equilibrium_table(mp, width=None)
    assert r"\tfrac{1}{2}\,\text{North gate} +$\\$\tfrac{1}{2}" in fitted
    assert r"\tfrac{1}{2}\,\text{North gate} + \tfrac{1}{2}\,\text{South gate}" in natural
    assert tables.equilibrium_table(mp, format="markdown") == \
        tables.equilibrium_table(mp, format="markdown", width=None)


def test_long_symbolic_payoffs_break_at_their_sums_when_fitted():
    import sympy as sp

    from gametheory._latex import latex_expr

    names = ("probe_value", "probe_cost", "probe_damage", "credibility_loss")
    ps = [gt.Parameter(n, default=1) for n in names]
    g = gt.ParametricGame([[" - ".join(names), 0]], [[0, "probe_cost"]], ps)
    fitted = tables.payoff_table(g, format="booktabs", caption="")
    natural = tables.payoff_table(g, format="booktabs", caption="", width=None)
    assert r"\enspace {} - " in fitted and r"\enspace" not in natural
    v, c, d, r = sp.symbols(names)
    assert latex_expr(v - c - d - r) in natural


def test_regime_conditions_lose_left_right_only_when_fitted():
    import sympy as sp

    v, c, h = sp.symbols("v c h", positive=True)
    cond = sp.Or(sp.And(v > c, h > c), sp.And(v < c, h < v))
    fitted = tables.regime_table({"r": cond}, readable=False)
    natural = tables.regime_table({"r": cond}, readable=False, width=None)
    assert r"\left(" in natural and r"\left(" not in fitted and "(" in fitted
