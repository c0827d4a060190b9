"""Every LaTeX table the toolkit writes compiles with pdflatex, and fits the page.

The preamble is :func:`gametheory.report.latex.standalone_document`'s (``inputenc``
utf8, ``amsmath``, ``graphicx``, ``booktabs``, ``sgame``). Labels carry the characters
that break unescaped LaTeX (``& _ % # $ { } ~ ^ \\``) and non-ASCII names. Every table
kind is compiled in that preamble and in a plain ``article`` with only the packages the
table needs (:func:`~gametheory.report.latex.latex_packages`), and the log must show no
``Overfull \\hbox`` wider than 1 pt. Every run goes through the one runner,
:func:`~gametheory.report.latex.compile_pdf`. One compiled table is rendered to PNG with
pdftoppm into ``docs/img/`` for the README.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import sympy as sp
from support import DOCS

import gametheory as gt
from gametheory.report import tables
from gametheory.report.latex import (
    CompileResult,
    compile_pdf,
    latex_packages,
    overfull_boxes,
    standalone_document,
)

PDFLATEX = shutil.which("pdflatex")
PDFTOPPM = shutil.which("pdftoppm")
needs_tex = pytest.mark.skipif(
    PDFLATEX is None,
    reason="pdflatex not installed (Debian: texlive-latex-base texlive-latex-recommended "
           "texlive-games); .ci/run installs it")
DOCS_IMG = DOCS / "img"
#: Largest overfull box tolerated, in pt.
OVERFULL_PT = 1.0

HOSTILE_PLAYERS = ("R&D_team 50% #1 $", "Défense {α} ~ ^ \\ Łódź")
HOSTILE_STRATEGIES = (("[Refrain]", "Probe_*"), ("Tolérer", "Intercept & 100%", "Retaliate ~ $"))


def compile_tex(body: str, tmp_path: Path, name: str = "doc", extra: str = "",
                packages: tuple[str, ...] | None = None) -> CompileResult:
    """Compile ``body`` in a standalone document; fail with the log's errors."""
    result = compile_pdf(standalone_document(body, packages=packages, extra_preamble=extra))
    assert result.ok, result.reason + "\n" + body
    assert "Missing character" not in result.log
    assert result.pdf is not None and result.pdf.startswith(b"%PDF")
    (tmp_path / f"{name}.pdf").write_bytes(result.pdf)
    return result


def numeric_game() -> gt.NormalFormGame:
    return gt.NormalFormGame([[0, 0, 0], ["1/3", -1, "-7/4"]],
                             [[0, 0, 0], ["-2/3", -3, -5]], players=HOSTILE_PLAYERS,
                             strategies=HOSTILE_STRATEGIES, title="Probe & respond: 100% #1")


def symbolic_game() -> gt.ParametricGame:
    ps = [gt.Parameter("probe_value", default=2, symbol="v"),
          gt.Parameter("probe_cost", default=1, symbol="c_p"),
          gt.Parameter("interception_prob", default="1/2", symbol=r"\pi"),
          gt.Parameter("credibility_loss", default=3, symbol="r_U"),
          gt.Parameter("probe_damage", default=1),
          gt.Parameter("cohesion", default="1/2", symbol=r"\theta")]
    A = [[0, 0, 0], ["probe_value - probe_cost", "(1 - interception_prob)*probe_value - probe_cost",
                     "cohesion*(-probe_cost) + (1 - cohesion)*(probe_value - probe_cost)"]]
    B = [[0, 0, 0], ["-probe_damage - credibility_loss",
                     "-(1 - interception_prob)*probe_damage", "-cohesion*probe_damage"]]
    return gt.ParametricGame(A, B, ps, players=HOSTILE_PLAYERS, strategies=HOSTILE_STRATEGIES,
                             title="Symbolic: R&D_1")


@needs_tex
@pytest.mark.parametrize("fmt", ["sgame", "booktabs"])
def test_numeric_payoff_tables_compile(tmp_path, fmt):
    # every number format and best-reply mark, one document per table format
    parts = []
    for number_format in ("exact", "decimal", "sig"):
        for marks in ("underline", "star", None):
            body = tables.payoff_table(numeric_game(), format=fmt, number_format=number_format,
                                       mark_best_replies=marks,
                                       label=f"tab:{number_format}-{marks}")
            assert r"\caption{Probe \& respond: 100\% \#1}" in body
            parts.append(body)
    compile_tex("\n\n".join(parts), tmp_path)


@needs_tex
@pytest.mark.parametrize("fmt", ["sgame", "booktabs"])
def test_symbolic_payoff_tables_compile(tmp_path, fmt):
    body = tables.payoff_table(symbolic_game(), format=fmt)
    assert "c_p" in body and r"\pi" in body and r"\theta" in body
    assert r"\mathit{probe\_damage}" in body
    compile_tex(body, tmp_path)
    numbers = tables.payoff_table(symbolic_game(), format=fmt, symbolic=False)
    compile_tex(numbers, tmp_path, "numbers")


@needs_tex
def test_equilibrium_regime_threshold_and_summary_tables_compile(tmp_path):
    import pandas as pd

    g = numeric_game()
    v, c = sp.symbols("probe_value probe_cost", real=True)
    parts = [
        tables.equilibrium_table(g, caption="Equilibria & more", label="tab:eq"),
        tables.equilibrium_table(g, subgame_perfect=[False] * len(g.equilibria())),
        tables.regime_table({"no incentive_to probe": v <= c, "tolerated & 50%": v > c,
                             "both": sp.And(v > c, c > 0)},
                            symbols={"probe_value": "v", "probe_cost": "c_p"}),
        tables.threshold_table([{"parameter": "credibility_loss", "value": sp.Rational(7, 2),
                                 "expression": v - c, "below": "Under-react & co",
                                 "above": "Intercept_1"}], symbols={"probe_value": "v"}),
        tables.sweep_summary_table(pd.DataFrame(
            {"escalation_cost": [0.0, 1.0], "point": [0, 1],
             "regime": ["deterrence by denial", "escalation_spiral 100%"]})),
    ]
    compile_tex("\n\n".join(parts), tmp_path)


@needs_tex
@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) not installed")
def test_render_payoff_table_png_for_readme(tmp_path):
    from gametheory.models.probe_response import sequential_normal_form

    game = sequential_normal_form()  # docs/model.md's sequential game, plans as strategies
    body = (tables.payoff_table(game, format="sgame", caption="")
            + "\n\n\\bigskip\n\n"
            + tables.payoff_table(game, format="sgame", symbolic=False, caption=""))
    compile_tex(body, tmp_path, "payoff_table",
                extra=r"\usepackage[paperwidth=40cm,paperheight=12cm,margin=1cm]{geometry}")
    pdf = tmp_path / "payoff_table.pdf"
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    out = DOCS_IMG / "payoff_table"
    subprocess.run([PDFTOPPM, "-png", "-r", "150", "-singlefile", "-cropbox", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    from PIL import Image, ImageChops

    page = Image.open(tmp_path / "page.png").convert("RGB")
    bg = Image.new("RGB", page.size, (255, 255, 255))
    box = ImageChops.difference(page, bg).getbbox()
    assert box is not None, "the rendered page is blank"
    pad = 12
    crop = page.crop((max(box[0] - pad, 0), max(box[1] - pad, 0),
                      min(box[2] + pad, page.width), min(box[3] + pad, page.height)))
    crop.save(out.with_suffix(".png"))
    png = out.with_suffix(".png")
    assert png.exists() and png.stat().st_size > 1000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_tex
def test_random_hostile_labels_compile(tmp_path):
    """200 random labels from a hostile alphabet, escaped, in one document."""
    import random
    import warnings

    from gametheory.report.latex import escape_latex

    rng = random.Random(20251128)
    alphabet = ("&_%#$\\{}~^<>|[]*\"'`@!?/:;=+-., \t\n" + "abcXYZ0129"
                + "éèêëàâäçñõöüÿßæøåœłŁŒÆØÅıİĞğŞşŽžČčŠšŘřĚěŮůŐőŰű" + "αβγδεθλμπσφωΔΣΩ"
                + "–—‘’“”…€£§©°±×÷·¿¡\u00a0−≤≥≠→∞•†‡" + "中Ж")
    labels = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
              for _ in range(200)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # CJK/Cyrillic fall back to '?' with a warning
        escaped = [escape_latex(s) for s in labels]
    assert all(e.isascii() for e in escaped)
    body = "\n\n".join(f"{k}: {e}" for k, e in enumerate(escaped))
    compile_tex(body, tmp_path, "labels")


def _probe_response() -> object:
    return importlib.import_module("gametheory.models.probe_response")


def _sweep_frame() -> object:
    import pandas as pd

    return pd.DataFrame({"escalation_cost": [0.0, 1.0], "point": [0, 1],
                         "regime": ["deterrence by denial", "escalation_spiral 100%"]})


_V, _C = sp.symbols("probe_value probe_cost", real=True)
_MP = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]], players=("Probe", "Guard"),
                        strategies=(("North", "South"), ("North", "South")))

#: Every table kind, as a function of the width policy.
TABLE_KINDS: dict[str, Callable[..., str]] = {
    "payoff numeric sgame": lambda **w: tables.payoff_table(numeric_game(), format="sgame", **w),
    "payoff numeric booktabs": lambda **w: tables.payoff_table(numeric_game(),
                                                               format="booktabs", **w),
    "payoff symbolic sgame": lambda **w: tables.payoff_table(symbolic_game(), format="sgame",
                                                             **w),
    "payoff symbolic booktabs": lambda **w: tables.payoff_table(symbolic_game(),
                                                                format="booktabs", **w),
    "equilibrium": lambda **w: tables.equilibrium_table(numeric_game(), **w),
    "equilibrium mixed": lambda **w: tables.equilibrium_table(_MP, caption="Pennies", **w),
    "regime": lambda **w: tables.regime_table(
        {"no incentive_to probe": _V <= _C, "tolerated & 50%": _V > _C,
         "both": sp.And(_V > _C, _C > 0)}, symbols={"probe_value": "v", "probe_cost": "c_p"},
        **w),
    "threshold": lambda **w: tables.threshold_table(
        [{"parameter": "credibility_loss", "value": sp.Rational(7, 2), "expression": _V - _C,
          "below": "Under-react & co", "above": "Intercept_1"}], symbols={"probe_value": "v"},
        **w),
    "sweep summary": lambda **w: tables.sweep_summary_table(_sweep_frame(), **w),
    "model sequential sgame": lambda **w: tables.payoff_table(
        _probe_response().sequential_normal_form(), format="sgame", **w),
    "model sequential booktabs": lambda **w: tables.payoff_table(
        _probe_response().sequential_normal_form(), format="booktabs", **w),
    "model posture sgame": lambda **w: tables.payoff_table(_probe_response().posture_game(),
                                                           format="sgame", **w),
    "model posture numbers": lambda **w: tables.payoff_table(
        _probe_response().posture_game(), format="sgame", symbolic=False, **w),
    "model regimes": lambda **w: tables.regime_table(_probe_response().posture_game(), **w),
    "model sequential regimes": lambda **w: tables.regime_table(
        _probe_response().regime_conditions(),
        parameters=_probe_response().posture_game().parameters, **w),
    "model equilibria": lambda **w: tables.equilibrium_table(
        _probe_response().sequential_game(), **w),
}


def test_overfull_boxes_reads_the_log():
    log = ("Overfull \\hbox (461.72502pt too wide) in paragraph at lines 9--20\n"
           "Underfull \\hbox (badness 10000) in paragraph\n"
           "Overfull \\hbox (0.5pt too wide) detected at line 3\n")
    assert overfull_boxes(log) == [461.72502, 0.5]
    assert overfull_boxes("Overfull \\vbox (3pt too high)") == []


def test_latex_packages_are_what_the_fragment_uses():
    fitted = tables.payoff_table(numeric_game(), format="sgame")
    natural = tables.payoff_table(numeric_game(), format="booktabs", width=None)
    assert latex_packages(fitted) == ("amsmath", "graphicx", "sgame")
    assert latex_packages(natural) == ("amsmath", "booktabs")


def test_width_policy_is_checked():
    with pytest.raises(gt.GameError, match="width 'page' is not one of"):
        tables.payoff_table(numeric_game(), width="page")
    with pytest.raises(gt.GameError, match="width"):
        tables.sweep_summary_table(_sweep_frame(), width="textwidth")


@pytest.mark.parametrize("kind", list(TABLE_KINDS))
def test_natural_width_is_the_unwrapped_table(kind):
    body = TABLE_KINDS[kind](width=None)
    assert r"\resizebox" not in body and r"\setbox0" not in body


@needs_tex
@pytest.mark.parametrize("preamble", ["toolkit", "plain article"])
@pytest.mark.parametrize("kind", list(TABLE_KINDS))
def test_every_table_fits_the_line(tmp_path, kind, preamble):
    body = TABLE_KINDS[kind]()
    packages = None if preamble == "toolkit" else latex_packages(body)
    result = compile_tex(body, tmp_path, packages=packages)
    too_wide = [w for w in result.overfull if w > OVERFULL_PT]
    assert not too_wide, f"{kind} in the {preamble} preamble: Overfull \\hbox {too_wide} pt"


@needs_tex
def test_the_compile_tests_can_see_a_table_that_is_too_wide(tmp_path):
    # the measurement the test above relies on: the natural width overflows the line
    body = TABLE_KINDS["model sequential sgame"](width=None)
    assert max(compile_tex(body, tmp_path).overfull, default=0.0) > 100


@needs_tex
def test_compile_pdf_is_paranoid_about_files(tmp_path):
    # openin_any=p / openout_any=p: no absolute paths in, no parent directories out
    secret = tmp_path / "secret.tex"
    secret.write_text("SECRET", encoding="utf-8")
    read = compile_pdf(standalone_document(rf"\input{{{secret.as_posix()}}}"))
    assert not read.ok and "LaTeX Error: File" in read.reason and "SECRET" not in read.log
    write = compile_pdf(standalone_document(
        r"\newwrite\f\immediate\openout\f=../escaped.txt\immediate\write\f{x}"
        r"\immediate\closeout\f x"))
    assert not write.ok and "can't write on file `../escaped.txt'" in write.reason


@needs_tex
def test_compile_pdf_copies_the_figures_it_is_given(tmp_path):
    img = tmp_path / "fig.tex"
    img.write_text("Included text", encoding="utf-8")
    result = compile_pdf(standalone_document(r"\input{fig.tex}"), files=[img])
    assert result.ok, result.reason
    assert "fig.tex" in result.log
    assert "gametheory-tex-" not in result.log  # the temporary directory's path is not kept
