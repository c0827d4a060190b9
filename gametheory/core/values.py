"""Values inside games given as data: parameters, symbolic entries, probability vectors.

Shared by the game classes that read payoffs and probabilities from user input (trees
and Bayesian games): a parameter is a name or a ``gt.Parameter``; an entry is *symbolic*
when it is a sympy expression with free symbols; a probability vector is valid when
every entry is in :math:`[0, 1]` and the entries sum to 1 (exactly for Fractions, within
:math:`10^{-9}` for floats, identically after ``sympy.simplify`` when symbolic).

>>> from fractions import Fraction
>>> check_distribution({"H": Fraction(1, 3), "T": Fraction(2, 3)}, "coin")
>>> check_distribution({"H": Fraction(1, 2), "T": Fraction(1, 3)}, "coin")
Traceback (most recent call last):
    ...
gametheory.errors.GameError: coin: probabilities sum to 5/6, not 1
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import sympy as sp

from .._numbers import format_number
from ..errors import GameError, ParameterError, ParseError

__all__ = ["is_symbolic_value", "parameter_name", "located", "check_distribution"]


def is_symbolic_value(v: Any) -> bool:
    """True for a sympy expression with free symbols.

    >>> import sympy as sp
    >>> is_symbolic_value(sp.Symbol("c") + 1), is_symbolic_value(sp.Integer(2))
    (True, False)
    """
    return isinstance(v, sp.Basic) and bool(v.free_symbols)


def parameter_name(p: Any) -> str:
    """The name of a parameter given as a name or as a ``gt.Parameter``.

    >>> import gametheory as gt
    >>> parameter_name("c"), parameter_name(gt.Parameter("rho"))
    ('c', 'rho')
    """
    name = p if isinstance(p, str) else getattr(p, "name", None)
    if not isinstance(name, str) or not name:
        raise ParameterError(f"a parameter must be a name or a gt.Parameter, got {p!r}")
    return name


def located(err: ParseError, where: str) -> ParseError:
    """``err`` with ``where`` prefixed, keeping its position and token.

    >>> str(located(ParseError("bad token"), "payoff of A"))
    'payoff of A: bad token'
    """
    out = ParseError(f"{where}: {err}")
    out.line, out.column, out.token = err.line, err.column, err.token
    return out


def check_distribution(probs: Mapping[Any, Any], what: str) -> None:
    """Raise :class:`GameError` unless ``{label: probability}`` is a probability vector."""
    vals = list(probs.values())
    if any(is_symbolic_value(v) for v in vals):
        total = sp.simplify(sp.Add(*[sp.sympify(v) for v in vals]))
        if total != 1:
            raise GameError(f"{what}: probabilities sum to {total}, not 1")
        return
    for k, v in probs.items():
        if v < 0 or v > 1:
            raise GameError(f"{what}: probability of {k!r} is {format_number(v)}, "
                            "outside [0, 1]")
    total = sum(vals)
    exact = all(isinstance(v, Fraction) for v in vals)
    if (exact and total != 1) or (not exact and abs(float(total) - 1) > 1e-9):
        raise GameError(f"{what}: probabilities sum to {format_number(total)}, not 1")
