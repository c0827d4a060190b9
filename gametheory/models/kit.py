"""The building kit of the model catalog: parameter specs, symbols and game construction.

A model is a function that writes its payoffs as sympy expressions in the real symbols
:func:`symbol` gives for its parameter names, declares each parameter once as a
:class:`ParameterSpec` (name, LaTeX symbol, exact default, meaning, bounds, unit), and
builds its game with :func:`make_game` (a normal form) or, for trees and Bayesian games,
with the :class:`~gametheory.core.parametric.Parameter` values of :func:`make_parameters`.
Keyword overrides of a model replace parameter defaults; unknown names raise
:class:`~gametheory.errors.ParameterError` naming the model.

Examples
--------
>>> P = specs(spec("gain", "g", 3, "what a probe gains"), spec("cost", "c", 1, "its cost"))
>>> g = make_game(P, [[0], [symbol("gain") - symbol("cost")]], [[0], [-symbol("gain")]],
...               players=("Aggressor", "Defender"),
...               strategies=(("Refrain", "Probe"), ("Watch",)), title="toy",
...               overrides={"cost": 5}, model="toy")
>>> g.parameter_names, g.at().A[1, 0]
(('gain', 'cost'), Fraction(-2, 1))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import TypeAlias

import sympy

from ..core.parameters import Parametrised, parameter_name
from ..core.parameters import resolve_point as core_resolve
from ..core.parametric import Parameter, ParametricGame

__all__ = ["ParameterSpec", "ParameterValue", "Parametrised", "make_game", "make_parameters",
           "parameter_names", "resolve_point", "spec", "specs", "symbol"]

#: A parameter value as models accept it: a number, or exact text such as ``"3/4"``.
ParameterValue: TypeAlias = int | float | Fraction | Decimal | str

#: A payoff entry of :func:`make_game`: a sympy expression or a plain number.
Entry: TypeAlias = sympy.Expr | int | Fraction


@dataclass(frozen=True)
class ParameterSpec:
    """One model parameter before it becomes a :class:`gametheory.Parameter`.

    Attributes
    ----------
    name : str
        The parameter's name, also the name of its sympy symbol (:func:`symbol`).
    symbol : str
        Its LaTeX symbol.
    default : Fraction
        Its exact default value.
    description : str
        What it means.
    bounds : pair or None
        Inclusive ``(low, high)``, either side ``None`` for unbounded; ``None``: any real.
    unit : str
        Its unit of measurement.
    """

    name: str
    symbol: str
    default: Fraction
    description: str
    bounds: tuple[Fraction | None, Fraction | None] | None = None
    unit: str = ""


def spec(name: str, symbol_: str, default: ParameterValue, description: str,
         bounds: tuple[ParameterValue | None, ParameterValue | None] | None = (0, None),
         unit: str = "") -> ParameterSpec:
    """A :class:`ParameterSpec` with exact default and bounds (non-negative unless told).

    Examples
    --------
    >>> spec("cohesion", r"\\theta", "3/4", "P(consensus)", bounds=(0, 1)).bounds
    (Fraction(0, 1), Fraction(1, 1))
    >>> spec("reward", "R", 4, "payoff of mutual cooperation", bounds=None).bounds is None
    True
    """
    conv = None if bounds is None else (
        None if bounds[0] is None else Fraction(bounds[0]),
        None if bounds[1] is None else Fraction(bounds[1]))
    return ParameterSpec(name, symbol_, Fraction(default), description, conv, unit)


def specs(*items: ParameterSpec) -> dict[str, ParameterSpec]:
    """A model's parameter table: its specs by name, in the order given.

    Examples
    --------
    >>> list(specs(spec("a", "a", 1, "first"), spec("b", "b", 2, "second")))
    ['a', 'b']
    """
    return {s.name: s for s in items}


_SYMBOLS: dict[str, sympy.Symbol] = {}


def symbol(name: str) -> sympy.Symbol:
    """The sympy symbol of a model parameter: a real symbol named after the parameter.

    Every model of the catalog uses this one convention, so expressions from different
    modules combine and ``expr.subs(symbol("cohesion"), ...)`` works.

    Examples
    --------
    >>> symbol("cohesion")
    cohesion
    >>> symbol("cohesion") is symbol("cohesion"), symbol("cohesion").is_real
    (True, True)
    """
    sym = _SYMBOLS.get(name)
    if sym is None:
        sym = _SYMBOLS[name] = sympy.Symbol(name, real=True)
    return sym


def make_parameters(table: Mapping[str, ParameterSpec], names: Iterable[str],
                    overrides: Mapping[str, object], model: str) -> list[Parameter]:
    """:class:`gametheory.Parameter` values for ``names``, defaults replaced by overrides.

    Raises
    ------
    ParameterError
        Naming ``model``, for an override that is not one of ``names`` or is not a number.

    Examples
    --------
    >>> P = specs(spec("cohesion", r"\\theta", "3/4", "P(consensus)", bounds=(0, 1)))
    >>> [p.default for p in make_parameters(P, ["cohesion"], {"cohesion": "1/2"}, "x")]
    [Fraction(1, 2)]
    >>> make_parameters(P, ["cohesion"], {"resolve": 1}, "x")
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: x: unknown parameter 'resolve'; parameters are ['cohesion']
    """
    names = tuple(names)
    # names only: values converted, unknown names refused; bounds checked by Parameter
    new = core_resolve(names, overrides, free=names, owner=model)
    out = []
    for name in names:
        sp = table[name]
        out.append(Parameter(name, default=new.get(name, sp.default), bounds=sp.bounds,
                             description=sp.description, symbol=sp.symbol, unit=sp.unit))
    return out


def make_game(table: Mapping[str, ParameterSpec], A: Sequence[Sequence[Entry]],
              B: Sequence[Sequence[Entry]], *, players: tuple[str, str],
              strategies: tuple[Sequence[str], Sequence[str]], title: str,
              overrides: Mapping[str, object], model: str,
              constraints: Iterable[sympy.Basic] = (),
              regime_rules: Iterable[tuple[str, sympy.Basic]] = ()) -> ParametricGame:
    """Build a :class:`gametheory.ParametricGame` from sympy matrices and parameter specs.

    The game's parameters are the specs whose symbols occur in the payoffs, in the
    table's order; ``overrides`` replace their defaults (unknown names raise
    :class:`~gametheory.errors.ParameterError` naming ``model``). Every normal-form model
    of the catalog is built this way.

    Examples
    --------
    >>> P = specs(spec("probe_value", "v", 4, "gain"), spec("probe_cost", "c_p", 1, "cost"),
    ...           spec("unused", "u", 1, "not in the payoffs"))
    >>> v, c = symbol("probe_value"), symbol("probe_cost")
    >>> g = make_game(P, [[0], [v - c]], [[0], [-v]], players=("Aggressor", "Defender"),
    ...               strategies=(("Refrain", "Probe"), ("Watch",)), title="toy",
    ...               overrides={"probe_cost": 5}, model="toy")
    >>> g.parameter_names, g.at().A[1, 0]
    (('probe_value', 'probe_cost'), Fraction(-1, 1))
    """
    used: set[sympy.Basic] = set().union(
        *(e.free_symbols for row in list(A) + list(B) for e in row
          if isinstance(e, sympy.Basic)))
    names = [n for n in table if symbol(n) in used]
    params = make_parameters(table, names, overrides, model)
    return ParametricGame([list(r) for r in A], [list(r) for r in B], parameters=params,
                          players=players, strategies=strategies, title=title,
                          constraints=tuple(constraints), regime_rules=tuple(regime_rules))


def resolve_point(table: Mapping[str, ParameterSpec], values: Mapping[str, object],
                  names: Iterable[str], model: str) -> dict[str, Fraction | float]:
    """The values of ``names`` at a point, resolved against a model's whole table.

    A thin use of :func:`gametheory.core.parameters.resolve_point` (messages prefixed by
    ``model``): names outside ``table`` are refused; every given value is converted and
    checked against its bounds; of the result only ``names`` are kept (a model's
    functions may read a subset of its parameters). Rational input stays exact.

    Examples
    --------
    >>> P = specs(spec("share", r"\\sigma", "1/4", "a probability", bounds=(0, 1)),
    ...           spec("cost", "c", 1, "a cost"))
    >>> resolve_point(P, {"share": "0.5", "cost": 3}, ["share"], "toy")
    {'share': Fraction(1, 2)}
    >>> resolve_point(P, {"share": 2}, ["share"], "toy")
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: parameter 'share' = 2 is outside its bounds [0, 1]
    """
    point = core_resolve([_checker(sp) for sp in table.values()], values, owner=model)
    return {name: point[name] for name in names}


@cache
def _checker(sp: ParameterSpec) -> Parameter:
    """The :class:`Parameter` of a spec, whose ``check`` is the one bounds check."""
    return Parameter(sp.name, default=sp.default, bounds=sp.bounds)


def parameter_names(obj: Parametrised) -> tuple[str, ...]:
    """The names of a built model's parameters, in declaration order.

    Examples
    --------
    >>> import gametheory as gt
    >>> parameter_names(gt.models.chain_store())[:2]
    ('entrant_outside', 'entrant_accommodated')
    """
    return tuple(parameter_name(p) for p in obj.parameters)
