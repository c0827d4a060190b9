r"""LaTeX text: escaping, numbers, symbolic payoffs and a compilable document.

Every label that reaches a ``.tex`` file goes through :func:`escape_latex` (defined in
:mod:`gametheory._latex`, re-exported here), which writes pure ASCII that pdflatex
compiles under the default OT1 encoding (no ``fontenc``/``cm-super`` needed).

Numbers are written exactly (``\tfrac{1}{3}``), as fixed decimals, or with a number of
significant figures (``1.23\times 10^{-4}``). Symbolic payoffs are printed with
:func:`sympy.latex`, replacing each parameter by its LaTeX symbol.

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

import functools
import math
import re
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from .._latex import escape_latex

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
#: Accepted ``number_format`` values.
NUMBER_FORMATS = ("exact", "decimal", "sig")

def _check_format(number_format: str, digits: int) -> None:
    from ..errors import GameError

    if number_format not in NUMBER_FORMATS:
        raise GameError(f"number_format {number_format!r} is not one of {list(NUMBER_FORMATS)}")
    if not isinstance(digits, int) or isinstance(digits, bool) or not 0 <= digits <= 15:
        raise GameError(f"digits must be an integer from 0 to 15, got {digits!r}")


def _float_text(x: float, number_format: str, digits: int) -> str:
    if number_format == "decimal":
        s = f"{x:.{digits}f}"
    elif number_format == "sig":
        s = f"{x:.{max(digits, 1)}g}"
    else:  # exact requested for a float: shortest round-trip form when short, else 6 sig
        s = repr(x)
        if len(s.lstrip("-")) > 8:
            s = f"{x:.6g}"
        elif s.endswith(".0"):
            s = s[:-2]
    if s.startswith("-") and float(s) == 0:
        s = s[1:]
    return s


def text_number(value: Any, number_format: str = "exact", digits: int = 3) -> str:
    """A number as plain text: ``1/3``, ``0.333`` (decimal) or ``0.333`` (sig).

    Examples
    --------
    >>> from fractions import Fraction
    >>> text_number(Fraction(2, 3)), text_number(Fraction(2, 3), "decimal", 2)
    ('2/3', '0.67')
    >>> text_number(1234.5, "sig", 2), text_number(-0.0001, "decimal", 2)
    ('1.2e+03', '0.00')
    """
    _check_format(number_format, digits)
    if number_format == "exact" and isinstance(value, Fraction | int) \
            and not isinstance(value, bool):
        v = Fraction(value)
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    mod = type(value).__module__
    if mod.startswith("sympy") and number_format == "exact" and getattr(value, "is_Rational",
                                                                         False):
        return text_number(Fraction(int(value.p), int(value.q)))
    x = float(value)
    if not math.isfinite(x):
        return str(x)
    return _float_text(x, number_format, digits)


def latex_number(value: Any, number_format: str = "exact", digits: int = 3) -> str:
    r"""A number as LaTeX math: ``\tfrac{1}{3}``, ``0.333`` or ``3.33\times 10^{-4}``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> latex_number(Fraction(5, 2)), latex_number(2.5, "decimal", 1), latex_number(-7)
    ('\\tfrac{5}{2}', '2.5', '-7')
    """
    text = text_number(value, number_format, digits)
    if "/" in text:
        num, den = text.split("/")
        sign = "-" if num.startswith("-") else ""
        return rf"{sign}\tfrac{{{num.lstrip('-')}}}{{{den}}}"
    if "e" in text and "inf" not in text:
        mant, exp = text.split("e")
        return rf"{mant}\times 10^{{{int(exp)}}}"
    if text in ("inf", "-inf", "nan"):
        return {"inf": r"\infty", "-inf": r"-\infty", "nan": r"\text{NaN}"}[text]
    return text


def default_symbol(name: str) -> str:
    r"""LaTeX for a parameter without a declared symbol: ``\mathit{probe\_value}``.

    >>> default_symbol("probe_value")
    '\\mathit{probe\\_value}'
    """
    return rf"\mathit{{{escape_latex(name)}}}"


_GREEK_NAMES = ("alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|"
                "pi|rho|sigma|tau|upsilon|phi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|"
                "Sigma|Upsilon|Phi|Psi|Omega")
_SHORT_NAME = re.compile(rf"^([A-Za-z]|{_GREEK_NAMES})(_[A-Za-z0-9]{{1,3}})?$")


def symbol_for(parameter: Any) -> str:
    r"""LaTeX symbol of a parameter (a name, or an object with ``.name``/``.symbol``).

    A declared symbol is used as given. An undeclared short name (a letter or Greek
    letter with an optional short subscript, ``c_p``, ``theta``) is typeset by sympy; a
    long name is set in italics with its underscores kept: ``\mathit{probe\_value}``.

    >>> symbol_for("c_p"), symbol_for("theta"), symbol_for("probe_value")
    ('c_{p}', '\\theta', '\\mathit{probe\\_value}')
    """
    name = parameter if isinstance(parameter, str) else str(parameter.name)
    symbol = None if isinstance(parameter, str) else getattr(parameter, "symbol", None)
    if symbol and symbol != name:
        return str(symbol)
    if _SHORT_NAME.match(name):
        import sympy as sp

        return sp.latex(sp.Symbol(name))
    return default_symbol(name)


def latex_symbol_names(parameters: Iterable[Any]) -> dict[str, str]:
    """Map parameter names to LaTeX symbols (see :func:`symbol_for`).

    ``parameters`` holds names or objects with ``.name`` and optionally ``.symbol``.

    >>> latex_symbol_names(["cohesion", "v"])
    {'cohesion': '\\\\mathit{cohesion}', 'v': 'v'}
    """
    return {(p if isinstance(p, str) else str(p.name)): symbol_for(p) for p in parameters}


def latex_expr(expr: Any, symbols: Mapping[str, str] | None = None) -> str:
    r"""LaTeX for a sympy expression (or number), parameters written with their symbols.

    Parameters
    ----------
    expr : sympy expression, number
    symbols : mapping of symbol name to LaTeX, e.g. from :func:`latex_symbol_names`.
        Names without an entry are written with :func:`default_symbol`.

    Examples
    --------
    >>> import sympy as sp
    >>> v, c = sp.symbols("probe_value probe_cost")
    >>> latex_expr(v - c, {"probe_value": "v", "probe_cost": "c_p"})
    'v - c_p'
    >>> latex_expr(sp.Rational(1, 2))
    '\\frac{1}{2}'
    """
    import sympy as sp

    if isinstance(expr, Fraction | int) and not isinstance(expr, bool):
        expr = sp.Rational(Fraction(expr).numerator, Fraction(expr).denominator)
    elif isinstance(expr, float):
        return latex_number(expr)
    elif not isinstance(expr, sp.Basic):
        raise TypeError(f"latex_expr needs a sympy expression or a number, got {expr!r}")
    symbols = dict(symbols or {})
    names = {s: symbols.get(s.name, symbol_for(s.name)) for s in expr.free_symbols
             if isinstance(s, sp.Symbol)}
    return _printer_class()({"symbol_names": names}).doprint(expr)


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


@functools.lru_cache(maxsize=1)
def _printer_class() -> type:
    """sympy's LaTeX printer with positive terms of a sum first (``v - c_p``, not ``- c_p + v``)."""
    from sympy.printing.latex import LatexPrinter

    class _PositiveFirst(LatexPrinter):
        def _as_ordered_terms(self, expr: Any, order: Any = None) -> list:
            terms = list(super()._as_ordered_terms(expr, order))
            return sorted(terms, key=lambda t: bool(t.could_extract_minus_sign()))

    return _PositiveFirst


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
