"""Values inside games given as data: parameters, symbolic entries, probability vectors.

Shared by the game classes that read payoffs and probabilities from user input (trees
and Bayesian games): a parameter is a name or a :class:`ParameterLike` such as
``gt.Parameter``; a *parameter point* assigns numbers to parameters, resolved once
against the declared ones by :func:`~gametheory.core.parameters.resolve_point`
(:func:`substitution` gives it as sympy numbers); an entry is *symbolic*
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

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import sympy as sp

from .._numbers import format_number
from ..errors import GameError, ParameterError
from .expressions import located, to_sympy_number
from .parameters import (
    Declared,
    ParameterLike,
    check_names,
    parameter_name,
    resolve_point,
)

__all__ = ["ParameterLike", "Declared", "is_symbolic_value", "parameter_name",
           "parameter_symbol", "parameter_bounds", "substitution", "located",
           "check_distribution", "declared_parameters"]


def declared_parameters(parameters: Any, found: Sequence[Declared]
                        ) -> tuple[tuple[Declared, ...], dict[str, sp.Symbol]]:
    """The parameters a game declares (or, when ``parameters`` is None, the names
    ``found`` in its payoffs, sorted) with their sympy symbols; each name once.

    >>> declared_parameters(None, ["b", "a"])[0]
    ('a', 'b')
    >>> declared_parameters(["c", "c"], [])
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: parameter 'c' is declared twice
    """
    if parameters is None:
        params: tuple[Declared, ...] = tuple(sorted(found, key=parameter_name))
    else:
        if isinstance(parameters, str) or not isinstance(parameters, Sequence):
            raise ParameterError(f"parameters must be a sequence, got {parameters!r}")
        params = tuple(parameters)
    symbols: dict[str, sp.Symbol] = {}
    for p in params:
        name = parameter_name(p)
        if name in symbols:
            raise ParameterError(f"parameter {name!r} is declared twice")
        symbols[name] = parameter_symbol(p)
    return params, symbols


def is_symbolic_value(v: Any) -> bool:
    """True for a sympy expression with free symbols.

    >>> import sympy as sp
    >>> is_symbolic_value(sp.Symbol("c") + 1), is_symbolic_value(sp.Integer(2))
    (True, False)
    """
    return isinstance(v, sp.Basic) and bool(v.free_symbols)


def parameter_symbol(p: Declared) -> sp.Symbol:
    """The sympy symbol of a parameter: its own, or a real symbol of its name.

    >>> parameter_symbol("c")
    c
    """
    return sp.Symbol(p, real=True) if isinstance(p, str) else p.sympy


def parameter_bounds(p: Declared) -> tuple[Any, Any]:
    """``(lower, upper)`` of a parameter, ``None`` where unbounded (always for a name).

    >>> import gametheory as gt
    >>> parameter_bounds("c"), parameter_bounds(gt.Parameter("rho", bounds=(0, None)))
    ((None, None), (Fraction(0, 1), None))
    """
    if isinstance(p, str) or p.bounds is None:
        return (None, None)
    return p.bounds


def substitution(parameters: Sequence[Declared], symbols: Mapping[str, sp.Symbol],
                 values: Mapping[str, Any], *, fill_defaults: bool = True,
                 owner: str = "game") -> dict[sp.Symbol, Any]:
    """``{symbol: exact sympy number}`` for a parameter point.

    The point is resolved by :func:`~gametheory.core.parameters.resolve_point` (names
    declared, values read as numbers, bounds checked, every other parameter at its
    default); without ``fill_defaults`` only the given names are resolved and the others
    left out.

    >>> import gametheory as gt, sympy as sp
    >>> params = ["q", gt.Parameter("c", default=2)]
    >>> symbols = {"q": sp.Symbol("q", real=True), "c": sp.Symbol("c", real=True)}
    >>> substitution(params, symbols, {"q": "1/3"})
    {q: 1/3, c: 2}
    >>> substitution(params, symbols, {"z": 1})
    Traceback (most recent call last):
        ...
    gametheory.errors.ParameterError: game: unknown parameter 'z'; parameters are ['q', 'c']
    """
    if fill_defaults:
        point = resolve_point(parameters, values, owner=owner)
    else:
        check_names(parameters, values, owner=owner)
        point = resolve_point([p for p in parameters if parameter_name(p) in values], values,
                              owner=owner)
    return {symbols[name]: to_sympy_number(val) for name, val in point.items()}


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
