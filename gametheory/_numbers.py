"""Exact number handling shared by every module.

Payoffs are kept exact (:class:`fractions.Fraction`) whenever the input is rational:
Python and numpy integers, Fractions, Decimals, sympy rationals, and strings such as
``"3/4"``, ``"7.32"`` or ``"-1e-3"``. Python and numpy floats make a game floating
point. Nothing here evaluates text as code.
"""

from __future__ import annotations

import math
import numbers
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import numpy as np

_DECIMAL_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_FRACTION_RE = re.compile(r"^[+-]?\d+\s*/\s*[+-]?\d+$")

#: Largest exponent accepted in a decimal string; keeps "1e999999999" from exhausting memory.
MAX_EXPONENT = 4000


class NotANumber(ValueError):
    """Raised by :func:`to_number` with a short reason; callers add the location."""


def parse_number_text(text: str) -> Fraction:
    """Parse an integer, decimal or fraction string exactly.

    Examples
    --------
    >>> parse_number_text("3/4"), parse_number_text("7.32"), parse_number_text("-1e-3")
    (Fraction(3, 4), Fraction(183, 25), Fraction(-1, 1000))
    """
    s = text.strip()
    if _FRACTION_RE.match(s):
        num, den = (part.strip() for part in s.split("/"))
        if int(den) == 0:
            raise NotANumber(f"{text!r} divides by zero")
        return Fraction(int(num), int(den))
    if _DECIMAL_RE.match(s):
        m = re.search(r"[eE]([+-]?\d+)$", s)
        if m and abs(int(m.group(1))) > MAX_EXPONENT:
            raise NotANumber(f"{text!r} has an exponent beyond +-{MAX_EXPONENT}")
        return Fraction(Decimal(s))
    raise NotANumber(f"{text!r} is not a number (expected e.g. 2, -3/4, 7.32 or 1e-3)")


def to_number(value: Any) -> Fraction | float:
    """Convert one payoff entry to a Fraction (rational input) or a float.

    Raises :class:`NotANumber` for bools, complex numbers, NaN, infinities, None,
    sequences and anything else that is not a real number.

    Examples
    --------
    >>> to_number(2), to_number("3/4"), to_number(0.5)
    (Fraction(2, 1), Fraction(3, 4), 0.5)
    """
    if isinstance(value, bool | np.bool_):
        raise NotANumber(f"{value!r} is a boolean, not a payoff")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NotANumber(f"{value!r} is not finite")
        return Fraction(value)
    if isinstance(value, str):
        return parse_number_text(value)
    if isinstance(value, float | np.floating):
        f = float(value)
        if not math.isfinite(f):
            raise NotANumber(f"{value!r} is not finite (NaN and infinities are not payoffs)")
        return f
    if isinstance(value, complex | np.complexfloating):
        raise NotANumber(f"{value!r} is complex; payoffs must be real")
    # sympy numbers, without importing sympy eagerly
    mod = type(value).__module__
    if mod.startswith("sympy"):
        if getattr(value, "is_Rational", False):
            return Fraction(int(value.p), int(value.q))
        if getattr(value, "is_number", False) and getattr(value, "is_real", False):
            f = float(value)
            if not math.isfinite(f):
                raise NotANumber(f"{value!r} is not finite")
            return f
        raise NotANumber(f"{value!r} is a symbolic expression, not a number "
                         "(use gt.ParametricGame for symbolic payoffs)")
    if isinstance(value, numbers.Rational):
        return Fraction(value.numerator, value.denominator)
    if isinstance(value, numbers.Real):
        f = float(value)
        if not math.isfinite(f):
            raise NotANumber(f"{value!r} is not finite")
        return f
    raise NotANumber(f"{value!r} of type {type(value).__name__} is not a real number")


def as_fraction(value: Fraction | float | int) -> Fraction:
    """The exact rational value of a Fraction, int or finite float (numpy scalars too).

    The one exact-from-float conversion of the package: a float is taken at its exact
    binary value :math:`p / 2^k`, never rounded to a nearby decimal, so ties that hold in
    floating point hold exactly.

    Examples
    --------
    >>> as_fraction(0.5), as_fraction(3), as_fraction(Fraction(1, 3))
    (Fraction(1, 2), Fraction(3, 1), Fraction(1, 3))
    >>> as_fraction(0.1) == Fraction(1, 10)
    False
    """
    return value if isinstance(value, Fraction) else Fraction(value)


def fraction_matrix(M: Any) -> list[list[Fraction]]:
    """A nested list of the exact values (:func:`as_fraction`) of a 2-D array or sequence.

    >>> fraction_matrix(np.array([[0.5, 1.0]]))
    [[Fraction(1, 2), Fraction(1, 1)]]
    """
    rows = M.tolist() if isinstance(M, np.ndarray) else M
    return [[as_fraction(v) for v in row] for row in rows]


#: Default float tolerance, relative to the payoff scale (see :func:`float_tolerance`).
FLOAT_TOL = 1e-9


def payoff_scale(*matrices: Any) -> float:
    """The largest absolute entry of the given payoff arrays, at least 1.

    >>> payoff_scale([[0.5, -3]], [[2, 1]])
    3.0
    """
    return max(1.0, *(float(np.abs(np.asarray(M, dtype=float)).max()) for M in matrices))


def float_tolerance(tol: float | None, *matrices: Any) -> float:
    """``tol`` as a float, or by default :data:`FLOAT_TOL` times :func:`payoff_scale`.

    >>> float_tolerance(None, [[1e6, 0]]), float_tolerance(0.5, [[1e6, 0]])
    (0.001, 0.5)
    """
    return FLOAT_TOL * payoff_scale(*matrices) if tol is None else float(tol)


#: ``float_format`` of the CSV files written for readers: 15 significant digits, so
#: binary noise such as ``0.30000000000000004`` or ``0.8999999999999999`` prints as
#: ``0.3`` and ``0.9`` (files meant to round-trip exactly keep the full repr).
CSV_FLOAT_FORMAT = "%.15g"


def round_decimal(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals, rounded half away from zero on the number as
    written (its shortest round-trip repr), the way a reader rounds by hand.

    Python's ``f"{x:.2f}"`` rounds the binary value half to even, so ``2.675`` (stored as
    2.67499999...) gives ``2.67`` and ``0.4875`` gives ``0.487``; here they give ``2.68``
    and ``0.488``. Non-finite values print as ``inf``/``nan``; ``-0.00`` as ``0.00``.

    Examples
    --------
    >>> round_decimal(2.675, 2), round_decimal(0.4875, 3), round_decimal(-0.0001, 2)
    ('2.68', '0.488', '0.00')
    >>> round_decimal(0.30000000000000004, 3), round_decimal(1e20, 1)
    ('0.300', '100000000000000000000.0')
    """
    x = float(value)
    if not math.isfinite(x):
        return str(x)
    q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    s = f"{q:f}"
    return s[1:] if s.startswith("-") and q == 0 else s


def format_number(value: Any) -> str:
    """Short human-readable text for a payoff or probability: ``3/4``, ``2``, ``0.333``.

    Floats get 6 significant figures, so binary noise never shows.

    >>> format_number(Fraction(3, 4)), format_number(2.0), format_number(0.8999999999999999)
    ('3/4', '2', '0.9')
    """
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, float | np.floating):
        f = float(value)
        if f.is_integer() and abs(f) < 1e15:
            return str(int(f))
        return f"{f:.6g}"
    return str(value)
