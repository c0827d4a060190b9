"""Every LaTeX table the toolkit writes compiles with pdflatex.

The preamble is :func:`gametheory.report.latex.standalone_document`'s (``inputenc``
utf8, ``amsmath``, ``booktabs``, ``sgame``). Labels carry the characters that break
unescaped LaTeX (``& _ % # $ { } ~ ^ \\``) and non-ASCII names. One compiled table is
rendered to PNG with pdftoppm into ``docs/img/`` for the README.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import sympy as sp
from support import DOCS

import gametheory as gt
from gametheory.report import tables
from gametheory.report.latex import standalone_document

PDFLATEX = shutil.which("pdflatex")
PDFTOPPM = shutil.which("pdftoppm")
needs_tex = pytest.mark.skipif(
    PDFLATEX is None,
    reason="pdflatex not installed (Debian: texlive-latex-base texlive-latex-recommended "
           "texlive-games); .ci/run installs it")
DOCS_IMG = DOCS / "img"

HOSTILE_PLAYERS = ("R&D_team 50% #1 $", "Défense {α} ~ ^ \\ Łódź")
HOSTILE_STRATEGIES = (("[Refrain]", "Probe_*"), ("Tolérer", "Intercept & 100%", "Retaliate ~ $"))


def compile_tex(body: str, tmp_path: Path, name: str = "doc", extra: str = "") -> Path:
    tex = tmp_path / f"{name}.tex"
    tex.write_text(standalone_document(body, extra_preamble=extra), encoding="utf-8")
    proc = subprocess.run([PDFLATEX, "-interaction=nonstopmode", "-halt-on-error",
                           "-no-shell-escape", tex.name], cwd=tmp_path, capture_output=True,
                          text=True, errors="replace", timeout=120)
    pdf = tmp_path / f"{name}.pdf"
    log = (tmp_path / f"{name}.log")
    log_text = log.read_text(errors="replace") if log.exists() else proc.stdout
    assert proc.returncode == 0 and pdf.exists(), (
        "pdflatex failed:\n" + "\n".join(line for line in log_text.splitlines()
                                         if line.startswith("!"))[:2000] + "\n" + body)
    assert "Missing character" not in log_text
    return pdf


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
    pdf = compile_tex(body, tmp_path, "payoff_table",
                      extra=r"\usepackage[paperwidth=40cm,paperheight=12cm,margin=1cm]{geometry}")
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
