r"""Model parameters and parameter points: declaration, validation and resolution.

A model's parameters :math:`\theta = (\theta_1, \dots, \theta_k)` are declared once as
:class:`Parameter` values (name, default, bounds :math:`\ell_i \le \theta_i \le u_i`,
LaTeX symbol, meaning). A *parameter point* is resolved from user input in one place,
:func:`resolve_point` (exact numbers; unknown names, missing values and values out of
bounds refused with one message each), or :func:`resolve_arrays` for vectorised sweeps
(float arrays). :class:`Parametrised` is the seam every parametric model offers
(``parameters`` and ``at(**values)``); :func:`is_parametric` tests for it.

Examples
--------
>>> pi = Parameter("interception_prob", default="1/2", bounds=(0, 1))
>>> resolve_point([pi], {}), resolve_point([pi], {"interception_prob": "0.25"})
({'interception_prob': Fraction(1, 2)}, {'interception_prob': Fraction(1, 4)})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Protocol, runtime_checkable

import numpy as np
import sympy

from .._latex import check_symbol
from .._numbers import NotANumber, format_number, to_number
from ..errors import ParameterError
from .expressions import RESERVED_WORDS, is_valid_name

__all__ = ["Parameter", "Parametrised", "is_parametric", "resolve_point", "resolve_arrays",
           "check_names", "as_parameter"]

Value = Fraction | float


def _bound_value(v: Any, what: str) -> Value | None:
    if v is None:
        return None
    try:
        return to_number(v)
    except NotANumber as err:
        raise ParameterError(f"{what}: {err}") from None


@dataclass(frozen=True)
class Parameter:
    """A named model parameter with its LaTeX symbol, default, bounds and meaning.

    Parameters
    ----------
    name : str
        A Python identifier used in code and in payoff strings (``credibility_loss``);
        not a function name (min, max, exp, log, sqrt, abs), logic word or keyword.
    default : number, optional
        Value used by :meth:`ParametricGame.at` when none is given. Rational input
        (int, Fraction, ``"3/4"``) is kept exact.
    bounds : pair, optional
        ``(low, high)``, inclusive; either side may be ``None`` (unbounded).
    description : str
        What the parameter means.
    symbol : str, optional
        LaTeX symbol (``r"\\pi"``, ``"r_U"``), accepted by the allowlist grammar of
        :func:`~gametheory._latex.check_symbol`; default: the name.
    unit : str
        Unit of measurement, if any.

    Examples
    --------
    >>> import gametheory as gt
    >>> pi = gt.Parameter("interception_prob", default="1/2", bounds=(0, 1), symbol=r"\\pi")
    >>> pi.default, pi.sympy, pi.latex
    (Fraction(1, 2), interception_prob, '\\\\pi')
    """

    name: str
    default: Any = None
    bounds: tuple[Any, Any] | None = None
    description: str = ""
    symbol: str | None = None
    unit: str = ""

    def __post_init__(self) -> None:
        if not is_valid_name(self.name):
            why = ("is reserved" if isinstance(self.name, str) and self.name in RESERVED_WORDS
                   else "is not a valid name (ASCII letters, digits and underscores, not "
                   "starting with a digit or '__')")
            raise ParameterError(f"parameter name {self.name!r} {why}")
        default = _bound_value(self.default, f"default of parameter {self.name!r}")
        object.__setattr__(self, "default", default)
        if self.bounds is not None:
            if isinstance(self.bounds, str) or not isinstance(self.bounds, Sequence) \
                    or len(self.bounds) != 2:
                raise ParameterError(f"bounds of parameter {self.name!r} must be a pair "
                                     f"(low, high), got {self.bounds!r}")
            lo = _bound_value(self.bounds[0], f"lower bound of parameter {self.name!r}")
            hi = _bound_value(self.bounds[1], f"upper bound of parameter {self.name!r}")
            if lo is not None and hi is not None and lo > hi:
                raise ParameterError(f"parameter {self.name!r} has empty bounds "
                                     f"[{format_number(lo)}, {format_number(hi)}]")
            object.__setattr__(self, "bounds", (lo, hi))
            if default is not None:
                self.check(default)
        if self.symbol is None:
            object.__setattr__(self, "symbol", self.name)
        for attr in ("description", "symbol", "unit"):
            if not isinstance(getattr(self, attr), str):
                raise ParameterError(f"{attr} of parameter {self.name!r} must be a string")
        if self.symbol != self.name:
            check_symbol(self.symbol, f"LaTeX symbol of parameter {self.name!r}")

    @property
    def sympy(self) -> sympy.Symbol:
        """The sympy symbol of this parameter, ``Symbol(name, real=True)``."""
        return sympy.Symbol(self.name, real=True)

    @property
    def latex(self) -> str:
        """LaTeX for the parameter: its symbol, or the name typeset by sympy."""
        if self.symbol == self.name:
            return sympy.latex(self.sympy)
        return str(self.symbol)

    def check(self, value: Value) -> None:
        """Raise :class:`ParameterError` if ``value`` is outside the bounds."""
        if self.bounds is None:
            return
        lo, hi = self.bounds
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            lo_s = "-inf" if lo is None else format_number(lo)
            hi_s = "inf" if hi is None else format_number(hi)
            raise ParameterError(f"parameter {self.name!r} = {format_number(value)} is outside "
                                 f"its bounds [{lo_s}, {hi_s}]")


def as_parameter(p: Any) -> Parameter:
    """A :class:`Parameter` from itself, a name or a sympy Symbol.

    >>> as_parameter("c").name
    'c'
    """
    if isinstance(p, Parameter):
        return p
    if isinstance(p, str):
        return Parameter(p)
    if isinstance(p, sympy.Symbol):
        return Parameter(p.name)
    raise ParameterError(f"a parameter is a name or a gt.Parameter, got {p!r}")


def check_names(parameters: Sequence[Parameter], names: Iterable[str]) -> None:
    """Raise :class:`ParameterError` for the first name that is not a parameter.

    >>> check_names([Parameter("a")], ["a", "b"])
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: unknown parameter 'b'; parameters are ['a']
    """
    known = {p.name for p in parameters}
    for name in names:
        if name not in known:
            raise ParameterError(f"unknown parameter {name!r}; parameters are "
                                 f"{[p.name for p in parameters]}")


def _given_or_default(p: Parameter, values: Mapping[str, Any]) -> Any:
    if p.name in values:
        return values[p.name]
    if p.default is not None:
        return p.default
    raise ParameterError(f"parameter {p.name!r} has no value and no default")


def resolve_point(parameters: Sequence[Parameter], values: Mapping[str, Any]
                  ) -> dict[str, Value]:
    r"""A validated parameter point :math:`\theta`: every parameter, in declaration order.

    Given values are converted exactly where they are rational (ints, Fractions,
    strings such as ``"3/4"`` or ``"0.2"``; floats stay floats), defaults fill the others,
    and each :math:`\theta_i` is checked against its bounds :math:`\ell_i \le \theta_i
    \le u_i`. Raises :class:`ParameterError` for unknown names (:func:`check_names`),
    missing values without a default, values that are not numbers and values out of
    bounds. Constraints between parameters are checked by :meth:`ParametricGame.resolve`.

    >>> resolve_point([Parameter("a", default=1), Parameter("b", bounds=(0, 1))], {"b": "0.5"})
    {'a': Fraction(1, 1), 'b': Fraction(1, 2)}
    """
    check_names(parameters, values)
    out: dict[str, Value] = {}
    for p in parameters:
        v = _given_or_default(p, values)
        if p.name in values:
            if isinstance(v, sympy.Basic) and not v.is_number:
                raise ParameterError(f"parameter {p.name!r}: {v} is not a number "
                                     "(use .substitute() for symbolic values)")
            try:
                v = to_number(v)
            except NotANumber as err:
                raise ParameterError(f"parameter {p.name!r}: {err}") from None
        p.check(v)
        out[p.name] = v
    return out


@runtime_checkable
class Parametrised(Protocol):
    """A model with named parameters that gives a game at each parameter point.

    :class:`ParametricGame`, :class:`~gametheory.core.tree.GameTree` and
    :class:`~gametheory.core.bayesian.BayesianGame` are; a
    :class:`~gametheory.core.game.NormalFormGame` is not. See :func:`is_parametric`.
    """

    @property
    def parameters(self) -> tuple[Any, ...]: ...

    def at(self, **values: Any) -> Any: ...


def is_parametric(obj: object) -> bool:
    """Whether ``obj`` has parameters and an ``at(**values)`` giving a game there.

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [[0]], ["a"])
    >>> is_parametric(p), is_parametric(p.at(a=1))
    (True, False)
    """
    return isinstance(obj, Parametrised)


def resolve_arrays(parameters: Sequence[Parameter], values: Mapping[str, Any]
                   ) -> list[np.ndarray]:
    """Float arrays of every parameter, in declaration order, for vectorised evaluation.

    Values may be numbers, number strings or arrays (not broadcast here); defaults fill
    the others. Bounds are not checked (see :meth:`ParametricGame.feasible`).

    >>> [a.tolist() for a in resolve_arrays([Parameter("a", default=1), Parameter("b")],
    ...                                     {"b": np.array([0.5, 2.0])})]
    [1.0, [0.5, 2.0]]
    """
    check_names(parameters, values)
    out = []
    for p in parameters:
        v = _given_or_default(p, values)
        try:
            arr = np.asarray(v, dtype=float)
        except (TypeError, ValueError):
            if isinstance(v, str):
                try:
                    arr = np.asarray(float(to_number(v)))
                except NotANumber as err:
                    raise ParameterError(f"parameter {p.name!r}: {err}") from None
            else:
                raise ParameterError(f"parameter {p.name!r}: {v!r} is not numeric") from None
        out.append(arr)
    return out
