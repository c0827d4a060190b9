r"""LaTeX text: the one escaper, numbers, parameter symbols and sympy expressions.

*Escaping.* :func:`escape_latex` turns any text into pure-ASCII LaTeX that pdflatex
compiles.
The ten characters special to TeX (``& % $ # _ { } ~ ^ \``) and ``< > |`` become their
text commands; non-ASCII letters become accent commands (``é`` becomes ``\'{e}``, ``ß``
becomes ``\ss{}``, ``α`` becomes ``\ensuremath{\alpha}``). The output is pure ASCII,
so it compiles with pdflatex under the default OT1 encoding and Computer Modern Type 1
fonts (Lamport, *LaTeX: A Document Preparation System*, 2nd ed., 1994, sec. 3.2.1;
Mittelbach et al., *The LaTeX Companion*, 2nd ed., 2004, sec. 7.11). Characters with no
such rendering (CJK, Cyrillic, the ogonek, ...) fall back to an ASCII transliteration or
``?`` with a warning.

*Numbers* are written exactly (``\tfrac{1}{3}``), as fixed decimals, or with a number
of significant figures (``1.23\times 10^{-4}``) (:func:`latex_number`,
:func:`text_number`). *Symbolic payoffs* are printed with :func:`sympy.latex`, each
parameter by its LaTeX symbol (:func:`symbol_for`) and positive terms first
(:func:`latex_expr`).

This is the base layer's single home of LaTeX text, so the core types'
``_repr_latex_``, the analysis (boundary labels) and :mod:`gametheory.report.latex`
(tables, figures, documents) write LaTeX the same way.

Examples
--------
>>> from gametheory._latex import escape_latex
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
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from ._limits import MAX_SYMBOL_LENGTH
from ._numbers import round_decimal
from .errors import GameError, ParameterError

__all__ = ["escape_latex", "check_symbol", "SYMBOL_COMMANDS", "NUMBER_FORMATS",
           "check_number_format", "text_number", "latex_number", "default_symbol",
           "symbol_for", "latex_symbol_names", "latex_expr", "latex_expr_lines",
           "visible_length"]

_SPECIAL = {
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
    "\n": " ", "\r": " ", "\t": " ",
}
# Letters and signs with their own command in OT1/TS1 (and the LaTeX kernel).
_LETTERS = {
    "ß": r"\ss{}", "æ": r"\ae{}", "Æ": r"\AE{}", "ø": r"\o{}", "Ø": r"\O{}",
    "œ": r"\oe{}", "Œ": r"\OE{}", "ł": r"\l{}", "Ł": r"\L{}", "ı": r"\i{}", "ȷ": r"\j{}",
    "å": r"\aa{}", "Å": r"\AA{}", "–": r"\textendash{}", "—": r"\textemdash{}",
    "‘": "`", "’": "'", "“": "``", "”": "''", "„": ",,", "…": r"\ldots{}",
    "€": r"\texteuro{}", "£": r"\pounds{}", "§": r"\S{}", "¶": r"\P{}", "©": r"\copyright{}",
    "°": r"\textdegree{}", "±": r"\ensuremath{\pm}", "×": r"\ensuremath{\times}",
    "÷": r"\ensuremath{\div}", "·": r"\ensuremath{\cdot}", "¿": r"?`", "¡": r"!`",
    "\u00a0": "~", "−": r"\ensuremath{-}", "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}", "≠": r"\ensuremath{\neq}", "→": r"\ensuremath{\rightarrow}",
    "∞": r"\ensuremath{\infty}", "•": r"\textbullet{}", "†": r"\dag{}", "‡": r"\ddag{}",
    "µ": r"\ensuremath{\mu}", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "«": "<<",
    "»": ">>",
}
_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu",
    "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "varsigma", "τ": "tau",
    "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma",
    "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma",
    "Υ": "Upsilon", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega", "ο": "o",
}
_GREEK_LATIN_CAPITALS = dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΧ", "ABEZHIKMNOPTX", strict=True))
# Combining marks that OT1 can typeset as \accent (or the kernel builds by hand).
_ACCENTS = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0308": '"', "\u0303": "~",
    "\u0304": "=", "\u0307": ".", "\u0306": "u", "\u030c": "v", "\u030b": "H",
    "\u0327": "c", "\u030a": "r", "\u0323": "d", "\u0331": "b",
}


def _accented(ch: str) -> str | None:
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or ord(base) >= 128 or not all(m in _ACCENTS for m in marks):
        return None
    out = {"i": r"\i{}", "j": r"\j{}"}.get(base, base) if marks[0] not in ("\u0327", "\u0323",
                                                                            "\u0331") else base
    for m in marks:
        out = f"\\{_ACCENTS[m]}{{{out}}}"
    return out


def _non_ascii(ch: str) -> str:
    if ch in _LETTERS:
        return _LETTERS[ch]
    if ch in _GREEK:
        return rf"\ensuremath{{\{_GREEK[ch]}}}"
    if ch in _GREEK_LATIN_CAPITALS:
        return _GREEK_LATIN_CAPITALS[ch]
    acc = _accented(ch)
    if acc is not None:
        return acc
    ascii_form = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
    if ascii_form and ascii_form.isprintable():
        return escape_latex(ascii_form)
    warnings.warn(f"character {ch!r} (U+{ord(ch):04X}) has no pdflatex rendering without "
                  "extra packages; written as '?'", stacklevel=3)
    return "?"


def escape_latex(text: object) -> str:
    r"""Escape text for a LaTeX document, returning pure ASCII.

    Handles ``& % $ # _ { } ~ ^ \ < > |``, line breaks, accented Latin letters, Greek
    letters and common typographic signs; see the module docstring.

    Examples
    --------
    >>> print(escape_latex("a_b & {c} ~ ^ \\ 100% $5 #2"))
    a\_b \& \{c\} \textasciitilde{} \textasciicircum{} \textbackslash{} 100\% \$5 \#2
    >>> print(escape_latex("Ærø, Łódź, θ"))
    \AE{}r\o{}, \L{}\'{o}d\'{z}, \ensuremath{\theta}
    """
    out = []
    for ch in str(text):
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ord(ch) < 128:
            out.append(ch if ch.isprintable() else " ")
        else:
            out.append(_non_ascii(ch))
    return "".join(out)


#: Accepted ``number_format`` values.
NUMBER_FORMATS = ("exact", "decimal", "sig")

def check_number_format(number_format: str, digits: int) -> None:
    """Raise GameError unless ``number_format`` is known and ``digits`` is 0 to 15."""
    if number_format not in NUMBER_FORMATS:
        raise GameError(f"number_format {number_format!r} is not one of {list(NUMBER_FORMATS)}")
    if not isinstance(digits, int) or isinstance(digits, bool) or not 0 <= digits <= 15:
        raise GameError(f"digits must be an integer from 0 to 15, got {digits!r}")


def _float_text(x: float, number_format: str, digits: int) -> str:
    if number_format == "decimal":  # half up on the written number: 2.675 -> 2.68
        s = round_decimal(x, digits)
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
    >>> text_number(0.4875, "decimal", 3), text_number(0.8999999999999999)
    ('0.488', '0.9')
    """
    check_number_format(number_format, digits)
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


#: The LaTeX commands a parameter symbol may use: Greek letters, a few math symbols,
#: accents (one argument) and font switches (one argument). Nothing else is accepted.
SYMBOL_COMMANDS: Mapping[str, int] = {
    **{g: 0 for g in _GREEK_NAMES.split("|")},
    **{g: 0 for g in ("varepsilon", "vartheta", "varpi", "varrho", "varsigma", "varphi",
                      "ell", "prime", "ast", "star", "dagger", "infty", "partial")},
    **{a: 1 for a in ("hat", "bar", "tilde", "check", "breve", "dot", "ddot", "vec",
                      "widehat", "widetilde", "overline", "underline", "acute", "grave")},
    **{f: 1 for f in ("mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathcal")},
}
_SYMBOL_SIGNS = frozenset("+-,.()/*' ")


class _SymbolRefused(Exception):
    def __init__(self, index: int, why: str) -> None:
        super().__init__(why)
        self.index, self.why = index, why


class _SymbolGrammar:
    r"""Recursive descent over the symbol grammar of :func:`check_symbol`."""

    def __init__(self, text: str) -> None:
        self.text, self.i = text, 0

    def peek(self) -> str:
        return self.text[self.i] if self.i < len(self.text) else ""

    def refuse(self, why: str, index: int | None = None) -> _SymbolRefused:
        return _SymbolRefused(self.i if index is None else index, why)

    def sequence(self, closing: str) -> None:
        """``sequence := piece*`` up to ``closing`` ("" for the end of the text)."""
        while self.peek() != closing:
            if self.peek() == "":
                raise self.refuse("unbalanced '{': missing '}'")
            self.piece()

    def piece(self) -> None:
        """``piece := base prime* [ "_" arg ] [ "^" arg ]`` (either script order)."""
        ch = self.peek()
        if ch in _SYMBOL_SIGNS:
            self.i += 1
            return
        self.base()
        while self.peek() == "'":
            self.i += 1
        seen: set[str] = set()
        while self.peek() in ("_", "^"):
            mark = self.peek()
            if mark in seen:
                raise self.refuse(f"a second {'subscript' if mark == '_' else 'superscript'} "
                                  "on the same base; group it in braces")
            seen.add(mark)
            self.i += 1
            self.argument()

    def base(self) -> None:
        ch = self.peek()
        if ch.isascii() and ch.isalnum():
            self.i += 1
        elif ch == "\\":
            self.command()
        elif ch == "{":
            self.group()
        elif ch in ("_", "^"):
            raise self.refuse(f"{ch!r} needs a letter, digit or group before it")
        elif ch == "}":
            raise self.refuse("unbalanced '}'")
        else:
            raise self.refuse(f"character {ch!r} is not allowed")

    def group(self) -> None:
        self.i += 1  # "{"
        self.sequence("}")
        self.i += 1  # "}"

    def argument(self) -> None:
        """``arg := LETTER | DIGIT | zero-argument command | "{" sequence "}"``."""
        ch = self.peek()
        if ch == "{":
            self.group()
        elif ch.isascii() and ch.isalnum():
            self.i += 1
        elif ch == "\\":
            start = self.i
            if self.command() != 0:
                raise self.refuse("a command with an argument must be braced here", start)
        elif ch == "":
            raise self.refuse("a subscript, superscript or command argument is missing")
        else:
            raise self.refuse(f"character {ch!r} is not allowed as an argument")

    def command(self) -> int:
        start = self.i
        self.i += 1  # backslash
        m = re.compile(r"[A-Za-z]+").match(self.text, self.i)
        if m is None:
            raise self.refuse("a backslash must start one of the allowed commands", start)
        name = m.group(0)
        if name not in SYMBOL_COMMANDS:
            raise self.refuse(f"command \\{name} is not allowed", start)
        self.i = m.end()
        if SYMBOL_COMMANDS[name]:
            if self.peek() != "{":
                raise self.refuse(f"\\{name} needs a braced argument, e.g. \\{name}{{x}}")
            self.group()
        return SYMBOL_COMMANDS[name]


def check_symbol(text: str, where: str = "LaTeX symbol") -> str:
    r"""Return ``text`` if it is an allowed LaTeX symbol, else raise ParameterError.

    A symbol is accepted by an allowlist grammar, never filtered by a blacklist::

        symbol   := piece+
        piece    := SIGN | base "'"* [ "_" arg ] [ "^" arg ]     (scripts in either order)
        base     := LETTER | DIGIT | GREEK | COMMAND0 | ACCENT "{" piece* "}"
                    | FONT "{" piece* "}" | "{" piece* "}"
        arg      := LETTER | DIGIT | GREEK | COMMAND0 | "{" piece* "}"

    LETTER and DIGIT are ASCII; SIGN is one of ``+ - , . ( ) / * '`` and space; GREEK,
    COMMAND0 (``\ell``, ``\infty``, ...), ACCENT (``\hat``, ``\bar``, ``\tilde``, ...)
    and FONT (``\mathrm``, ``\mathit``, ...) are the names in :data:`SYMBOL_COMMANDS`.
    Braces are balanced by construction and at most :data:`~gametheory._limits.MAX_SYMBOL_LENGTH`
    characters are accepted. No accepted symbol can change catcodes, define, read or write
    anything, so ``\input``, ``\lowercase``, ``\csname``, ``\write`` and their disguises
    are refused wherever they appear.

    Raises
    ------
    ParameterError
        Naming ``where``, the 1-based position of the first refused character and why.

    Examples
    --------
    >>> check_symbol(r"\hat{v}_{DD}^H"), check_symbol(r"r_U'"), check_symbol(r"\mathrm{Def}")
    ('\\hat{v}_{DD}^H', "r_U'", '\\mathrm{Def}')
    >>> check_symbol(r"x\lowercase{\input}")
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: LaTeX symbol 'x\\lowercase{\\input}' refused at
    character 2: command \lowercase is not allowed; ...
    """
    if not isinstance(text, str):
        raise ParameterError(f"{where} must be a string, got {type(text).__name__}")
    if not text.strip():
        raise ParameterError(f"{where} is empty; write e.g. \"c_p\" or \"\\\\pi\"")
    too_long = ParameterError(f"{where} {text[:20]!r}... has {len(text)} characters, more "
                              f"than the limit of {MAX_SYMBOL_LENGTH}")
    if len(text) > 4 * MAX_SYMBOL_LENGTH:  # bounds the grammar's recursion too
        raise too_long
    try:
        _SymbolGrammar(text).sequence("")
    except _SymbolRefused as bad:
        raise ParameterError(f"{where} {text!r} refused at character {bad.index + 1}: "
                             f"{bad.why}; a symbol is ASCII letters, digits, _ and ^ with "
                             "braces, primes, Greek letters and the commands \\hat, \\bar, "
                             "\\tilde, \\mathrm{...} and the like (see check_symbol)") from None
    if len(text) > MAX_SYMBOL_LENGTH:
        raise too_long
    return text


def symbol_for(parameter: Any) -> str:
    r"""LaTeX symbol of a parameter (a name, or an object with ``.name``/``.symbol``).

    A declared symbol is checked by :func:`check_symbol` and used as given. An
    undeclared short name (a letter or Greek letter with an optional short subscript,
    ``c_p``, ``theta``) is typeset by sympy; a long name is set in
    italics with its underscores kept: ``\mathit{probe\_value}``.

    >>> symbol_for("c_p"), symbol_for("theta"), symbol_for("probe_value")
    ('c_{p}', '\\theta', '\\mathit{probe\\_value}')
    """
    name = parameter if isinstance(parameter, str) else str(parameter.name)
    symbol = None if isinstance(parameter, str) else getattr(parameter, "symbol", None)
    if symbol and symbol != name:
        return check_symbol(str(symbol), f"LaTeX symbol of parameter {name!r}")
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

    if hasattr(expr, "_sympy_") and not isinstance(expr, sp.Basic):
        expr = sp.sympify(expr)  # a Formula (gametheory.core.formula): its expression
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


def visible_length(latex: str) -> int:
    r"""About how many characters wide LaTeX math prints: a command (``\theta``) counts
    one; ``\left``/``\right``, spacing commands, braces, ``_``, ``^`` and spaces count
    nothing.

    >>> visible_length(r"\theta \left(v - c_{p}\right)")
    7
    """
    s = re.sub(r"\\(left|right|[,;:! ])", "", latex)
    s = re.sub(r"\\[A-Za-z]+", "x", s)
    return len(re.sub(r"[{}_^\s]", "", s))


def latex_expr_lines(expr: Any, symbols: Mapping[str, str] | None = None,
                     chars: int = 24) -> list[str]:
    r"""LaTeX for a sympy expression cut into lines at the top-level ``+``/``-`` of a sum.

    Terms are gathered greedily while a line stays within ``chars`` printed characters
    (:func:`visible_length`); each further line starts with its sign as a binary
    operator (``{} - c_p``); a long term that is a product with sums in it opens at
    the terms of its longest sum, in plain parentheses (so does a long product on its
    own). A product without a sum, or a short formula, is one line.

    Examples
    --------
    >>> import sympy as sp
    >>> v, c, s, h = sp.symbols("v c s h")
    >>> latex_expr_lines(v - c, chars=24)
    ['v - c']
    >>> latex_expr_lines(3 * v - 2 * c - 5 * s + h, chars=6)
    ['h + 3 v', '{} - 2 c - 5 s']
    >>> latex_expr_lines(h * (v - c - s) + v, chars=6)  # a long product opens at its sum
    ['h (v - c', '{} - s) + v']
    """
    import sympy as sp

    whole = latex_expr(expr, symbols)
    if not isinstance(expr, sp.Add | sp.Mul) or visible_length(whole) <= chars:
        return [whole]
    if isinstance(expr, sp.Mul) and not any(isinstance(f, sp.Add) for f in expr.args):
        return [whole]
    names = {s: dict(symbols or {}).get(s.name, symbol_for(s.name)) for s in expr.free_symbols
             if isinstance(s, sp.Symbol)}
    printer = _printer_class()({"symbol_names": names})
    lines: list[str] = []
    for piece in _sum_pieces(expr, printer, chars):
        if lines and visible_length(lines[-1] + piece) <= chars:
            lines[-1] += " " + piece
        else:
            lines.append(piece if not lines or piece[:1] not in "+-" else "{} " + piece)
    return lines


def _sum_pieces(expr: Any, printer: Any, chars: int) -> list[str]:
    """``expr`` (a sum) as LaTeX pieces that may each start a line: one per term, and a
    long product with sums in it (``\theta (a - b - c)``) opened up at the terms of its
    longest sum."""
    import sympy as sp

    out: list[str] = []
    for k, term in enumerate(printer._as_ordered_terms(expr)):
        neg = term.could_extract_minus_sign()
        t = -term if neg else term
        sign = "- " if neg else ("" if k == 0 else "+ ")
        body = printer._print(t)
        sums = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.Add)]
        if isinstance(t, sp.Add):
            body = rf"\left({body}\right)"
        elif sums and visible_length(body) > chars:
            # open the longest sum; the other factors (sums too) lead, in parentheses
            wide = max(reversed(sums), key=lambda f: visible_length(printer._print(f)))
            rest = sp.Mul(*[f for f in sp.Mul.make_args(t) if f is not wide])
            inner = _sum_pieces(wide, printer, chars)
            head = "" if rest == 1 else printer._print(rest) + " "
            if isinstance(rest, sp.Add):  # a sum leading the product keeps its parentheses
                head = rf"\left({printer._print(rest)}\right) "
            inner[0], inner[-1] = head + "(" + inner[0], inner[-1] + ")"
            out += [sign + inner[0], *inner[1:]]
            continue
        out.append(sign + body)
    return out


@functools.lru_cache(maxsize=1)
def _printer_class() -> type:
    """sympy's LaTeX printer with positive terms of a sum first (``v - c_p``, not ``- c_p + v``)."""
    from sympy.printing.latex import LatexPrinter

    class _PositiveFirst(LatexPrinter):
        def _as_ordered_terms(self, expr: Any, order: Any = None) -> list:
            terms = list(super()._as_ordered_terms(expr, order))
            return sorted(terms, key=lambda t: bool(t.could_extract_minus_sign()))

    return _PositiveFirst
