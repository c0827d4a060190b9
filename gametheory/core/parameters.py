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
from typing import Any, Protocol, TypeAlias, runtime_checkable

import numpy as np
import sympy

from .._latex import check_symbol, symbol_for
from .._numbers import NotANumber, format_number, to_number
from ..errors import ParameterError
from .expressions import RESERVED_WORDS, is_valid_name

__all__ = ["Parameter", "ParameterLike", "Declared", "Parametrised", "is_parametric",
           "parameter_name", "resolve_point", "resolve_arrays", "check_names", "as_parameter"]

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
        r"""LaTeX for the parameter: its declared symbol, else its name (:func:`symbol_for`).

        A short name (``c``, ``r_U``, ``theta``) is typeset by sympy; a long one in
        italics with its underscores kept (``\mathit{probe\_value}``, not ``probe_{value}``).

        >>> Parameter("r_U").latex, Parameter("probe_value").latex
        ('r_{U}', '\\mathit{probe\\_value}')
        """
        return symbol_for(self)

    def __repr__(self) -> str:
        """``Parameter('pi', default=1/2, bounds=[0, 1], symbol='\\pi')``: set fields only.

        >>> Parameter("q", default="1/2", bounds=(0, None))
        Parameter('q', default=1/2, bounds=[0, inf))
        """
        parts = [repr(self.name)]
        if self.default is not None:
            parts.append(f"default={format_number(self.default)}")
        if self.bounds is not None:
            parts.append(f"bounds={_interval(self.bounds)}")
        for attr in ("description", "unit"):
            if getattr(self, attr):
                parts.append(f"{attr}={getattr(self, attr)!r}")
        if self.symbol != self.name:
            parts.append(f"symbol={self.symbol!r}")
        return f"Parameter({', '.join(parts)})"

    def _repr_markdown_(self) -> str:
        """Jupyter: name, symbol as math, default, bounds, unit and meaning on one line."""
        text = f"**{self.name}** ${self.latex}$"
        if self.default is not None:
            text += f" = {format_number(self.default)}"
        if self.bounds is not None:
            text += f", in {_interval(self.bounds)}"
        if self.unit:
            text += f" ({self.unit})"
        return text + (f": {self.description}" if self.description else "")

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


def _interval(bounds: tuple[Any, Any]) -> str:
    lo, hi = bounds
    return (("(-inf" if lo is None else f"[{format_number(lo)}") + ", "
            + ("inf)" if hi is None else f"{format_number(hi)}]"))


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


class ParameterLike(Protocol):
    """A declared parameter as the game classes read it (:class:`Parameter` is one)."""

    @property
    def name(self) -> str: ...

    @property
    def default(self) -> Any: ...

    @property
    def bounds(self) -> tuple[Any, Any] | None: ...

    @property
    def sympy(self) -> sympy.Symbol: ...

    def check(self, value: Any) -> None: ...


#: A declared parameter: a bare name, or a parameter with default, bounds and symbol.
Declared: TypeAlias = "str | ParameterLike"


def parameter_name(p: Declared) -> str:
    """The name of a parameter given as a name or as a :class:`Parameter`.

    >>> parameter_name("c"), parameter_name(Parameter("rho"))
    ('c', 'rho')
    """
    name = p if isinstance(p, str) else getattr(p, "name", None)
    if not isinstance(name, str) or not name:
        raise ParameterError(f"a parameter must be a name or a gt.Parameter, got {p!r}")
    return name


def _prefix(owner: str) -> str:
    return f"{owner}: " if owner else ""


def check_names(parameters: Sequence[Declared], names: Iterable[str], *, owner: str = ""
                ) -> None:
    """Raise :class:`ParameterError` naming every name that is not a parameter.

    ``owner`` (a model's or game's name) prefixes the message when given.

    >>> check_names([Parameter("a")], ["a", "b"])
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: unknown parameter 'b'; parameters are ['a']
    >>> check_names(["a"], ["b", "c"], owner="toy")
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: toy: unknown parameters 'b', 'c'; parameters are ['a']
    """
    declared = [parameter_name(p) for p in parameters]
    known = set(declared)
    unknown = [name for name in names if name not in known]
    if unknown:
        what = (f"parameter {unknown[0]!r}" if len(unknown) == 1
                else "parameters " + ", ".join(map(repr, unknown)))
        raise ParameterError(f"{_prefix(owner)}unknown {what}; parameters are {declared}")


def _exact(name: str, value: Any, owner: str) -> Value:
    """``value`` as a Fraction (rational input) or float; errors name the parameter."""
    if isinstance(value, sympy.Basic) and not value.is_number:
        raise ParameterError(f"{_prefix(owner)}parameter {name!r}: {value} is not a number "
                             "(use .substitute() for symbolic values)")
    try:
        return to_number(value)
    except NotANumber as err:
        raise ParameterError(f"{_prefix(owner)}parameter {name!r}: {err}") from None


def _default(p: Declared) -> Any:
    return None if isinstance(p, str) else p.default


def _missing(names: Sequence[str], owner: str, hint: str) -> ParameterError:
    what = (f"parameter {names[0]!r} has" if len(names) == 1
            else "parameters " + ", ".join(map(repr, names)) + " have")
    tail = hint or "pass " + ", ".join(f"{n}=..." for n in names)
    return ParameterError(f"{_prefix(owner)}{what} no value and no default; {tail}")


def resolve_point(parameters: Sequence[Declared], values: Mapping[str, Any], *,
                  free: Iterable[str] = (), owner: str = "", hint: str = ""
                  ) -> dict[str, Value]:
    r"""A validated parameter point :math:`\theta`: every parameter, in declaration order.

    The one resolution of parameter points in the package. Given values are converted
    exactly where they are rational (ints, Fractions, strings such as ``"3/4"`` or
    ``"0.2"``; floats stay floats), defaults fill the others, and each :math:`\theta_i`
    is checked against its bounds :math:`\ell_i \le \theta_i \le u_i`. A parameter may
    be a :class:`Parameter` or a bare name (no default, no bounds).

    Raises :class:`ParameterError` for unknown names (:func:`check_names`), values that
    are not numbers, values out of bounds, and parameters with neither a value nor a
    default, all named in one message that ends in ``hint`` (default: ``pass name=...``).
    Parameters in ``free`` (swept or sampled later) may stay without a value: they are
    left out of the point. ``owner`` prefixes every message. Constraints between
    parameters are checked by :meth:`ParametricGame.resolve`.

    >>> resolve_point([Parameter("a", default=1), Parameter("b", bounds=(0, 1))], {"b": "0.5"})
    {'a': Fraction(1, 1), 'b': Fraction(1, 2)}
    >>> resolve_point(["q", Parameter("c", default=2)], {}, free=["q"])
    {'c': Fraction(2, 1)}
    >>> resolve_point(["q", "r"], {}, owner="tree")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: tree: parameters 'q', 'r' have no value and no ...
    """
    check_names(parameters, values, owner=owner)
    free = frozenset(free)
    out: dict[str, Value] = {}
    missing: list[str] = []
    for p in parameters:
        name = parameter_name(p)
        if name in values:
            v = _exact(name, values[name], owner)
        else:
            v = _default(p)
            if v is None:
                if name not in free:
                    missing.append(name)
                continue
        if not isinstance(p, str):
            p.check(v)
        out[name] = v
    if missing:
        raise _missing(missing, owner, hint)
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


def resolve_arrays(parameters: Sequence[Parameter], values: Mapping[str, Any], *,
                   shape: int | tuple[int, ...] | None = None) -> list[np.ndarray]:
    """Float arrays of every parameter, in declaration order, for vectorised evaluation.

    The array form of :func:`resolve_point`: values may be numbers, number strings or
    arrays; defaults fill the others; names are checked the same way. With ``shape`` every
    array is broadcast to that shape (a read-only view), which keeps vectorised conditions away from
    mixed scalar/array arguments; without it arrays keep their shapes. Bounds are not
    checked (see :meth:`ParametricGame.feasible`).

    >>> [a.tolist() for a in resolve_arrays([Parameter("a", default=1), Parameter("b")],
    ...                                     {"b": np.array([0.5, 2.0])})]
    [1.0, [0.5, 2.0]]
    >>> [a.tolist() for a in resolve_arrays([Parameter("a", default=1)], {}, shape=2)]
    [[1.0, 1.0]]
    """
    check_names(parameters, values)
    out = []
    missing = []
    for p in parameters:
        if p.name not in values and p.default is None:
            missing.append(p.name)
            continue
        v = values[p.name] if p.name in values else p.default
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
        out.append(arr if shape is None else np.broadcast_to(arr, shape))
    if missing:
        raise _missing(missing, "", "")
    return out
