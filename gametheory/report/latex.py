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

import re
from collections.abc import Iterable, Mapping
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
    "PREAMBLE_PACKAGES",
    "NUMBER_FORMATS",
]

#: Packages every table of this toolkit needs, in the order they are loaded.
PREAMBLE_PACKAGES: tuple[str, ...] = ("amsmath", "booktabs", "sgame")


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
