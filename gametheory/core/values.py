"""Values inside games given as data: parameters, symbolic entries, probability vectors.

Shared by the game classes that read payoffs and probabilities from user input (trees
and Bayesian games): a parameter is a name or a :class:`ParameterLike` such as
``gt.Parameter``; a *parameter point* assigns numbers to parameters, resolved once
against the declared ones (:func:`substitution`); an entry is *symbolic*
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
from typing import Any, Protocol, TypeAlias

import sympy as sp

from .._numbers import NotANumber, format_number, to_number
from ..errors import GameError, ParameterError, ParseError

__all__ = ["ParameterLike", "Declared", "is_symbolic_value", "parameter_name",
           "parameter_symbol", "parameter_bounds", "substitution", "located",
           "check_distribution"]


class ParameterLike(Protocol):
    """A declared parameter as the game classes read it (``gt.Parameter`` is one)."""

    @property
    def name(self) -> str: ...

    @property
    def default(self) -> Any: ...

    @property
    def bounds(self) -> tuple[Any, Any] | None: ...

    @property
    def sympy(self) -> sp.Symbol: ...

    def check(self, value: Any) -> None: ...


#: A declared parameter: a bare name, or a parameter with default, bounds and symbol.
Declared: TypeAlias = "str | ParameterLike"


def is_symbolic_value(v: Any) -> bool:
    """True for a sympy expression with free symbols.

    >>> import sympy as sp
    >>> is_symbolic_value(sp.Symbol("c") + 1), is_symbolic_value(sp.Integer(2))
    (True, False)
    """
    return isinstance(v, sp.Basic) and bool(v.free_symbols)


def parameter_name(p: Declared) -> str:
    """The name of a parameter given as a name or as a ``gt.Parameter``.

    >>> import gametheory as gt
    >>> parameter_name("c"), parameter_name(gt.Parameter("rho"))
    ('c', 'rho')
    """
    name = p if isinstance(p, str) else getattr(p, "name", None)
    if not isinstance(name, str) or not name:
        raise ParameterError(f"a parameter must be a name or a gt.Parameter, got {p!r}")
    return name


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

    Names in ``values`` must be declared; each value is read as a number and checked
    against the parameter's bounds. With ``fill_defaults`` every other parameter takes
    its default (a parameter without one is an error); otherwise it is left out.

    >>> import gametheory as gt, sympy as sp
    >>> params = ["q", gt.Parameter("c", default=2)]
    >>> symbols = {"q": sp.Symbol("q", real=True), "c": sp.Symbol("c", real=True)}
    >>> substitution(params, symbols, {"q": "1/3"})
    {q: 1/3, c: 2}
    >>> substitution(params, symbols, {"z": 1})
    Traceback (most recent call last):
        ...
    gametheory.errors.ParameterError: unknown parameter(s) ['z']; the game's parameters ...
    """
    unknown = sorted(set(values) - set(symbols))
    if unknown:
        raise ParameterError(f"unknown parameter(s) {unknown}; the {owner}'s parameters are "
                             f"{sorted(symbols)}")
    subs: dict[sp.Symbol, Any] = {}
    for p in parameters:
        name = parameter_name(p)
        default = None if isinstance(p, str) else p.default
        if name in values:
            raw = values[name]
        elif fill_defaults and default is not None:
            raw = default
        elif fill_defaults:
            raise ParameterError(f"parameter {name!r} has no value and no default; pass "
                                 f"{name}=...")
        else:
            continue
        try:
            val = to_number(raw)
        except NotANumber as err:
            raise ParameterError(f"parameter {name!r}: {err}") from None
        if not isinstance(p, str):
            p.check(val)
        subs[symbols[name]] = sp.Rational(val.numerator, val.denominator) \
            if isinstance(val, Fraction) else sp.Float(val)
    return subs


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
