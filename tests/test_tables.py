"""Structure of the Markdown, HTML, text and LaTeX tables of gametheory.report.tables.

Best replies and pure equilibria below are worked out by hand from the payoff matrices
(Osborne 2004, sec. 2.8: a cell is a pure equilibrium iff both payoffs are best replies).
"""

from __future__ import annotations

import html
import re
from fractions import Fraction

import pandas as pd
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.report import tables
from gametheory.report.latex import escape_latex, latex_expr, latex_number, text_number

PD = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Row", "Col"),
                       strategies=(("C", "D"), ("C", "D")), title="Prisoner's dilemma")
HOSTILE = gt.NormalFormGame(
    [[1, 0], [0, 1]], [[1, 0], [0, 1]],
    players=("R&D_team 50%", "Défense #1 $"),
    strategies=(("a|b", "<x>"), ("{y}", "z~^\\")))


def test_text_table_marks_best_replies_and_equilibrium():
    text = tables.payoff_table(PD, format="text", caption="")
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["Row", "\\", "Col"]
    # (D, D) is the unique pure equilibrium; 5 beats 3 against C, 1 beats 0 against D
    assert "[1*, 1*]" in lines[2]
    assert "5*, 0" in lines[2] and "0, 5*" in lines[1] and "3, 3 " in lines[1]


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


def test_html_escapes_and_highlights():
    out = tables.payoff_table(HOSTILE, format="html", caption="A & B", label="tab:h")
    assert "<caption>A &amp; B</caption>" in out and 'id="tab:h"' in out
    assert html.escape("<x>") in out and "<x>" not in out
    assert out.count('class="equilibrium"') == 2
    assert out.count("<u>1</u>") == 4
    plain = tables.payoff_table(HOSTILE, format="html", highlight_equilibria=False,
                                mark_best_replies=None)
    assert "equilibrium" not in plain.replace("payoff-table", "") and "<u>" not in plain


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


@pytest.mark.parametrize("text, expected", [
    ("a&b", r"a\&b"), ("x_1", r"x\_1"), ("50%", r"50\%"), ("#2", r"\#2"), ("$5", r"\$5"),
    ("{}", r"\{\}"), ("~", r"\textasciitilde{}"), ("^", r"\textasciicircum{}"),
    ("\\", r"\textbackslash{}"), ("é", r"\'{e}"), ("ü", r'\"{u}'), ("ç", r"\c{c}"),
    ("ß", r"\ss{}"), ("Ł", r"\L{}"), ("π", r"\ensuremath{\pi}"), ("ï", r'\"{\i{}}'),
])
def test_escape_latex(text, expected):
    out = escape_latex(text)
    assert out == expected
    assert out.isascii()


def test_escape_unrenderable_character_warns():
    with pytest.warns(UserWarning, match="U\\+4E2D"):
        assert escape_latex("中") == "?"


def test_symbolic_expression_uses_parameter_symbols_positive_terms_first():
    v, c, pi = sp.symbols("probe_value probe_cost interception_prob")
    out = latex_expr((1 - pi) * v - c, {"probe_value": "v", "probe_cost": "c_p",
                                        "interception_prob": r"\pi"})
    assert out.startswith("v") and out.endswith("- c_p") and r"\pi" in out
    assert latex_expr(sp.Symbol("cohesion")) == r"\mathit{cohesion}"


def test_equilibrium_table_lists_every_equilibrium():
    # battle of the sexes: (A, A), (B, B) and the mix (2/3, 1/3), (1/3, 2/3);
    # payoffs of the mix are 2/3 each (Osborne 2004, ex. 4.2 / 4.13)
    bos = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]],
                            strategies=(("A", "B"), ("A", "B")))
    text = tables.equilibrium_table(bos, format="text")
    assert "2/3 A + 1/3 B" in text and "1/3 A + 2/3 B" in text
    assert text.count("pure") == 2 and "mixed 2x2" in text
    md = tables.equilibrium_table(bos, format="markdown", subgame_perfect=[True, False, None])
    assert "Subgame perfect" in md and "| yes |" in md and "| unknown |" in md
    with pytest.raises(gt.GameError, match="flags"):
        tables.equilibrium_table(bos, subgame_perfect=[True])
    eqs = bos.equilibria()
    assert tables.equilibrium_table(eqs, format="text") == text


def test_regime_and_threshold_tables():
    v, c = sp.symbols("probe_value probe_cost")
    out = tables.regime_table([("none", v <= c), ("tolerated", v > c)], format="booktabs",
                              symbols={"probe_value": "v", "probe_cost": "c_p"})
    assert r"$v \leq c_p$" in out and r"\toprule" in out
    text = tables.threshold_table({"credibility_loss": Fraction(7, 2)}, format="text")
    assert "credibility_loss" in text and "3.500" in text and "7/2" in text


def test_sweep_summary_counts_points_not_rows():
    # point 0 has two equilibria (two rows); it still counts as one point
    f = pd.DataFrame({"cost": [0.0, 0.0, 1.0, 2.0], "point": [0, 0, 1, 2],
                      "equilibrium": [0, 1, 0, 0],
                      "regime": ["mixed", "mixed", "spiral", "spiral"],
                      "payoff: Row": [1.0, 2.0, 3.0, 4.0]})
    text = tables.sweep_summary_table(f, format="text", digits=1)
    lines = text.splitlines()
    assert lines[0].split() == ["Regime", "Points", "Share", "cost"]
    assert lines[2].split() == ["mixed", "1", "33%", "0.0"]
    assert lines[3].split() == ["spiral", "2", "67%", "1.0", "-", "2.0"]
    with pytest.raises(gt.GameError, match="regime"):
        tables.sweep_summary_table(pd.DataFrame({"x": [1]}))


def test_regime_table_of_parametric_games():
    # named rules when the game has them (MODEL.md's posture regimes) ...
    md = tables.regime_table(gt.models.probe_response("posture"), format="markdown")
    assert "| no incentive to probe | $v \\leq c_p$ |" in md
    assert md.count("\n") == 1 + len(gt.models.probe_response("posture").regime_rules)
    # ... else the equilibrium-structure partition: chicken with positive costs always has
    # two pure equilibria and a mixed one (Maynard Smith and Price 1973)
    text = tables.regime_table(gt.models.chicken(), format="text")
    assert "(Hawk, Dove); (Dove, Hawk); mixed" in text


def test_readable_condition_is_equivalent():
    from gametheory.report.tables import readable_condition

    s = gt.load_scenario(str(__import__("pathlib").Path(__file__).resolve().parent.parent
                             / "examples" / "probe_response.toml"))
    import numpy as np

    rng = np.random.default_rng(3)
    for _, cond in s.game.regime_rules:
        new = readable_condition(cond)
        syms = sorted(cond.free_symbols, key=lambda x: x.name)
        f_old = sp.lambdify(syms, cond, "numpy")
        f_new = sp.lambdify(syms, new, "numpy")
        for _ in range(200):
            vals = rng.uniform(0, 5, len(syms)).round(1)
            assert bool(f_old(*vals)) == bool(f_new(*vals))


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_escape_latex_invariants(text):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = escape_latex(text)
    assert out.isascii()
    assert not re.search(r"(?<!\\)[&%$#_]", out)  # every special character escaped
    depth = 0
    for m in re.finditer(r"\\[{}]|[{}]", out):  # braces balanced (escaped ones aside)
        tok = m.group()
        if tok in ("{", "}"):
            depth += 1 if tok == "{" else -1
            assert depth >= 0
    assert depth == 0
    assert "\n" not in out


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
