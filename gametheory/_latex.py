r"""The one LaTeX text escaper: any text to pure-ASCII LaTeX that pdflatex compiles.

The ten characters special to TeX (``& % $ # _ { } ~ ^ \``) and ``< > |`` become their
text commands; non-ASCII letters become accent commands (``é`` becomes ``\'{e}``, ``ß``
becomes ``\ss{}``, ``α`` becomes ``\ensuremath{\alpha}``). The output is pure ASCII,
so it compiles with pdflatex under the default OT1 encoding and Computer Modern Type 1
fonts (Lamport, *LaTeX: A Document Preparation System*, 2nd ed., 1994, sec. 3.2.1;
Mittelbach et al., *The LaTeX Companion*, 2nd ed., 2004, sec. 7.11). Characters with no
such rendering (CJK, Cyrillic, the ogonek, ...) fall back to an ASCII transliteration or
``?`` with a warning.

This is the base layer's single home of LaTeX escaping: the core types'
``_repr_latex_`` and :mod:`gametheory.report.latex` (tables, figures, documents) use it.

Examples
--------
>>> from gametheory._latex import escape_latex
>>> print(escape_latex("R&D_budget 50% #1 — Müller"))
R\&D\_budget 50\% \#1 \textemdash{} M\"{u}ller
"""

from __future__ import annotations

import unicodedata
import warnings

__all__ = ["escape_latex"]

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
