r"""LaTeX text: escaping, numbers, symbolic payoffs and a compilable document.

Every label that reaches a ``.tex`` file goes through :func:`escape_latex`, which writes
pure ASCII that pdflatex compiles under the default OT1 encoding (no
``fontenc``/``cm-super`` needed). Numbers are written exactly (``\tfrac{1}{3}``), as
fixed decimals, or with a number of significant figures (``1.23\times 10^{-4}``).
Symbolic payoffs are printed with :func:`sympy.latex`, each parameter by its LaTeX
symbol. These live in the base layer (:mod:`gametheory._latex`) and are re-exported
here; this module adds plain-text expressions for terminals and the compilable document.

The preamble the toolkit's tables are tested with (:data:`PREAMBLE_PACKAGES`)::

    \documentclass{article}
    \usepackage[utf8]{inputenc}
    \usepackage{amsmath}   % \tfrac, \boxed, \text
    \usepackage{graphicx}  % \resizebox: tables wider than the line are scaled to fit
    \usepackage{booktabs}  % booktabs tables
    \usepackage{sgame}     % Osborne's strategic-game tables

Examples
--------
>>> from gametheory.report.latex import escape_latex, latex_number
>>> print(escape_latex("R&D_budget 50% #1 — Müller"))
R\&D\_budget 50\% \#1 \textemdash{} M\"{u}ller
>>> from fractions import Fraction
>>> latex_number(Fraction(-1, 3)), latex_number(0.0000123456, "sig", 3)
('-\\tfrac{1}{3}', '1.23\\times 10^{-5}')
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._latex import (
    NUMBER_FORMATS,
    escape_latex,
    latex_expr,
    latex_number,
    latex_symbol_names,
    text_number,
)

__all__ = [
    "escape_latex",
    "latex_number",
    "text_number",
    "latex_symbol_names",
    "latex_expr",
    "plain_expr",
    "standalone_document",
    "compile_pdf",
    "CompileResult",
    "overfull_boxes",
    "latex_packages",
    "PREAMBLE_PACKAGES",
    "NUMBER_FORMATS",
]

#: Packages every table of this toolkit needs, in the order they are loaded.
PREAMBLE_PACKAGES: tuple[str, ...] = ("amsmath", "graphicx", "booktabs", "sgame")

_OVERFULL_RE = re.compile(r"^Overfull \\hbox \(([0-9.]+)pt too wide\)", re.MULTILINE)


def plain_expr(expr: Any, symbols: Mapping[str, str] | None = None) -> str:
    r"""A sympy expression as short plain text for a terminal: ``v - c_p``, ``theta``.

    ``symbols`` maps parameter names to LaTeX symbols (backslashes and braces are
    dropped: ``\pi`` prints as ``pi``); positive terms come first.

    >>> import sympy as sp
    >>> v, c, pi = sp.symbols("probe_value probe_cost interception_prob")
    >>> plain_expr((1 - pi) * v - c, {"probe_value": "v", "probe_cost": "c_p",
    ...                               "interception_prob": r"\pi"})
    'v*(1 - pi) - c_p'
    """
    import sympy as sp
    from sympy.printing.str import StrPrinter

    class _Plain(StrPrinter):
        def _print_Add(self, e: Any, order: Any = None) -> str:
            terms = sorted(sp.Add.make_args(e), key=lambda t: bool(t.could_extract_minus_sign()))
            out = ""
            for k, t in enumerate(terms):
                txt = self._print(-t if t.could_extract_minus_sign() else t)
                if t.could_extract_minus_sign():
                    out += (" - " if k else "-") + (f"({txt})" if isinstance(-t, sp.Add)
                                                    else txt)
                else:
                    out += (" + " if k else "") + txt
            return out

    if hasattr(expr, "_sympy_") and not isinstance(expr, sp.Basic):
        expr = sp.sympify(expr)  # a Formula: its expression
    if not isinstance(expr, sp.Basic):
        return str(expr)
    symbols = dict(symbols or {})
    subs = {}
    for s_ in expr.free_symbols:
        if isinstance(s_, sp.Symbol) and s_.name in symbols:
            name = re.sub(r"[\\{} ]", "", symbols[s_.name]) or s_.name
            subs[s_] = sp.Symbol(name, real=True)
    return _Plain().doprint(expr.xreplace(subs))


def standalone_document(body: str, packages: Iterable[str] | None = None,
                        extra_preamble: str = "") -> str:
    r"""A complete ``.tex`` document around ``body`` that pdflatex compiles.

    Parameters
    ----------
    body : str
        LaTeX for the document body (tables, text).
    packages : iterable of str, optional
        Packages to load after ``inputenc``; default :data:`PREAMBLE_PACKAGES`.
    extra_preamble : str
        Further preamble lines.

    Examples
    --------
    >>> doc = standalone_document("Hello")
    >>> doc.splitlines()[0], r"\usepackage{sgame}" in doc, doc.rstrip().endswith(r"\end{document}")
    ('\\documentclass{article}', True, True)
    """
    pk = PREAMBLE_PACKAGES if packages is None else tuple(packages)
    lines = [r"\documentclass{article}", r"\usepackage[utf8]{inputenc}"]
    lines += [rf"\usepackage{{{p}}}" for p in pk]
    lines += [r"\pagestyle{empty}"]
    if extra_preamble:
        lines.append(extra_preamble)
    lines += [r"\begin{document}", body, r"\end{document}", ""]
    return "\n".join(lines)


def latex_packages(latex: str) -> tuple[str, ...]:
    r"""The packages a LaTeX fragment written by this toolkit needs, in loading order.

    ``amsmath`` always (``\tfrac``, ``\boxed``, ``\text``); ``graphicx`` for
    ``\resizebox`` (the ``width="linewidth"`` policy of the tables); ``booktabs`` for
    ``\toprule``; ``sgame`` for the ``game`` environment; ``istgame`` (TikZ) for a game
    tree (:mod:`gametheory.report.tree_tikz`). A plain
    ``\documentclass{article}`` with these packages compiles the fragment.

    Examples
    --------
    >>> latex_packages(r"\begin{tabular}{l}\toprule x\\ \bottomrule\end{tabular}")
    ('amsmath', 'booktabs')
    >>> latex_packages(r"\begin{game}{1}{1} \end{game}")
    ('amsmath', 'sgame')
    """
    need = {"amsmath": True, "graphicx": r"\resizebox" in latex,
            "booktabs": r"\toprule" in latex or r"\cmidrule" in latex,
            "sgame": r"\begin{game}" in latex, "istgame": r"\begin{istgame}" in latex}
    return tuple(p for p in (*PREAMBLE_PACKAGES, "istgame") if need[p])


def overfull_boxes(log: str) -> list[float]:
    r"""The widths (pt) by which each ``Overfull \hbox`` in a pdflatex log is too wide.

    >>> overfull_boxes("Overfull \\hbox (12.5pt too wide) in paragraph at lines 4--9\nx")
    [12.5]
    """
    return [float(m) for m in _OVERFULL_RE.findall(log)]


@dataclass(frozen=True)
class CompileResult:
    """What one pdflatex run produced.

    Attributes
    ----------
    ok : bool
        pdflatex exited 0 and wrote a PDF.
    log : str
        The ``.log`` file (or pdflatex's output when it wrote none).
    pdf : bytes or None
        The PDF, when one was written.
    reason : str
        Empty when ``ok``; else why not (not installed, timed out, the log's ``!`` lines).
    """

    ok: bool
    log: str
    pdf: bytes | None
    reason: str = ""

    @property
    def overfull(self) -> list[float]:
        r"""Widths (pt) of the ``Overfull \hbox`` warnings in the log."""
        return overfull_boxes(self.log)


def compile_pdf(source: str, files: Iterable[str | os.PathLike[str]] = (),
                timeout: float = 120) -> CompileResult:
    r"""Compile a LaTeX document with pdflatex, safely, in a fresh temporary directory.

    The one place the toolkit runs pdflatex. ``source`` is written to ``doc.tex`` in a
    new temporary directory, each of ``files`` (figures the document includes) is
    copied next to it, and pdflatex runs there with ``-no-shell-escape``,
    ``-interaction=nonstopmode``, ``-halt-on-error`` and the environment variables
    ``openin_any=p`` and ``openout_any=p`` (paranoid: no reading or writing outside
    the directory and the TeX tree). The directory is removed afterwards, and its path
    is replaced by ``.`` in the returned log.

    Parameters
    ----------
    source : str
        A complete document, e.g. from :func:`standalone_document`.
    files : iterable of path
        Files to copy beside the document (by their base name).
    timeout : float
        Seconds before pdflatex is stopped.

    Returns
    -------
    CompileResult
        ``ok`` is False (with a ``reason``) when pdflatex is missing, times out or fails.

    Examples
    --------
    >>> r = compile_pdf(standalone_document("Hello"))
    >>> r.ok == (shutil.which("pdflatex") is not None)
    True
    """
    exe = shutil.which("pdflatex")
    if exe is None:
        return CompileResult(False, "", None, "pdflatex not installed")
    env = dict(os.environ, openin_any="p", openout_any="p")
    with tempfile.TemporaryDirectory(prefix="gametheory-tex-") as tmp:
        work = Path(tmp)
        (work / "doc.tex").write_text(source, encoding="utf-8")
        for f in files:
            shutil.copyfile(f, work / Path(f).name)
        try:
            proc = subprocess.run([exe, "-no-shell-escape", "-interaction=nonstopmode",
                                   "-halt-on-error", "doc.tex"], cwd=work, env=env,
                                  capture_output=True, text=True, errors="replace",
                                  timeout=timeout, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as err:
            return CompileResult(False, "", None, f"pdflatex did not finish ({err})")
        log_file, pdf_file = work / "doc.log", work / "doc.pdf"
        log = log_file.read_text(errors="replace") if log_file.exists() else proc.stdout
        log = log.replace(str(work), ".")  # no path of this machine in a stored log
        pdf = pdf_file.read_bytes() if pdf_file.exists() else None
    if proc.returncode != 0 or pdf is None:
        errors = "\n".join(line for line in log.splitlines() if line.startswith("!"))
        return CompileResult(False, log, pdf, f"pdflatex failed: {errors or 'no PDF'}"[:2000])
    return CompileResult(True, log, pdf)
