r"""n-player models: symbolic payoff arrays, exact evaluation and the n-player solvers.

An n-player normal-form model gives player :math:`i` a payoff :math:`u_i(s;\theta)` at each
pure profile :math:`s \in S_1 \times \dots \times S_n`, an expression in the model's
parameters :math:`\theta`. :class:`NPlayerGame` holds those expressions as ``n`` sympy object
arrays of shape :math:`(|S_1|, \dots, |S_n|)` with the players' and strategies' labels, the
parameters (with defaults and bounds) and the model's constraints. At a parameter point
:meth:`NPlayerGame.arrays` gives the payoffs exactly (``Fraction`` entries for rational
points), and the equilibria come from the array-level n-player solvers:
:func:`~gametheory.solve.nplayer_pure.pure_equilibria_n` (every pure equilibrium),
:func:`~gametheory.solve.nplayer_support.support_enumeration_n` (every equilibrium of a
small game, exact, algebraic where needed) and
:func:`~gametheory.solve.logit_qre.logit_path` (the logit QRE branch, floats with their
regret).

``at(**values)`` gives the game at a point as an n-player
:class:`gametheory.NormalFormGame`, with its labels, so every method of ``equilibria``
(exact support enumeration, ``pure``, ``logit``, pygambit's) and the payoff tables apply.

Examples
--------
>>> import sympy
>>> from gametheory.models.kit import spec, specs, symbol
>>> P = specs(spec("prize", "b", 2, "value of matching"))
>>> b = symbol("prize")
>>> U = np.empty((2, 2, 2), dtype=object)
>>> for s in np.ndindex(U.shape):
...     U[s] = b if len(set(s)) == 1 else sympy.Integer(0)
>>> g = NPlayerGame.build(P, (U, U, U), players=("A", "B", "C"),
...                       strategies=(("x", "y"),) * 3, title="Match", model="toy",
...                       overrides={})
>>> g.pure_equilibria(), g.labels((1, 1, 1))
([(0, 0, 0), (1, 1, 1)], ('y', 'y', 'y'))
>>> g.arrays(prize=5)[0][0, 0, 0]
Fraction(5, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from ..core.game import NormalFormGame
from ..core.parameters import Parameter, Value, resolve_point
from ..errors import ParameterError, PayoffError
from ..solve.logit_qre import LogitPath, logit_path
from ..solve.nplayer_pure import pure_equilibria_n
from ..solve.nplayer_support import NPlayerSolution, support_enumeration_n
from .kit import ParameterSpec, make_parameters, symbol

__all__ = ["NPlayerGame", "exact_value", "probability_all", "profile_probability"]


def exact_value(v: sympy.Expr) -> Fraction | float:
    """A numeric sympy value as a Fraction (rational) or a float.

    >>> exact_value(sympy.Rational(3, 4)), exact_value(sympy.Float(0.5))
    (Fraction(3, 4), 0.5)
    """
    v = sympy.sympify(v)
    if v.is_Rational:
        return Fraction(int(v.p), int(v.q))
    if not v.is_number:
        raise PayoffError(f"payoff {v} is not a number at this point")
    return float(v)


@dataclass(frozen=True)
class NPlayerGame:
    """A symbolic n-player normal form with labels, parameters and constraints.

    Attributes
    ----------
    symbolic : tuple of numpy object arrays
        ``symbolic[i][s]`` is player ``i``'s payoff at pure profile ``s``: a sympy
        expression in the parameters' symbols (:func:`gametheory.models.kit.symbol`).
    parameters : tuple of Parameter
        The parameters occurring in the payoffs, with defaults and bounds.
    players : tuple of str
    strategies : tuple of tuple of str
    title : str
    model : str
        The model's name, used in error messages.
    constraints : tuple of sympy relations
        Relations between parameters that every point must satisfy.
    """

    symbolic: tuple[np.ndarray, ...]
    parameters: tuple[Parameter, ...]
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    title: str
    model: str
    constraints: tuple[sympy.Basic, ...] = ()

    def __post_init__(self) -> None:
        shape = tuple(len(s) for s in self.strategies)
        if len(self.players) != len(shape) or len(self.symbolic) != len(shape):
            raise PayoffError(f"{self.model}: {len(self.players)} players, {len(shape)} "
                              f"strategy lists and {len(self.symbolic)} payoff arrays")
        for u in self.symbolic:
            if np.shape(u) != shape:
                raise PayoffError(f"{self.model}: payoff arrays must have shape {shape}; "
                                  f"got {np.shape(u)}")

    @classmethod
    def build(cls, table: Mapping[str, ParameterSpec], payoffs: Sequence[np.ndarray], *,
              players: Sequence[str], strategies: Sequence[Sequence[str]], title: str,
              model: str, overrides: Mapping[str, object],
              constraints: Iterable[sympy.Basic] = ()) -> NPlayerGame:
        """The game of ``payoffs``; its parameters are the specs whose symbols occur in them
        (in the table's order), defaults replaced by ``overrides``."""
        arrays = tuple(np.asarray(u, dtype=object) for u in payoffs)
        used: set[sympy.Basic] = set()
        for e in {e for u in arrays for e in u.ravel()}:
            used |= sympy.sympify(e).free_symbols
        names = [n for n in table if symbol(n) in used]
        params = make_parameters(table, names, overrides, model)
        game = cls(arrays, tuple(params), tuple(players),
                   tuple(tuple(s) for s in strategies), title, model, tuple(constraints))
        game.point()  # the defaults satisfy the constraints
        return game

    @property
    def n_players(self) -> int:
        return len(self.players)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(s) for s in self.strategies)

    @property
    def parameter_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parameters)

    def defaults(self) -> dict[str, Value]:
        """Every parameter's default value."""
        return {p.name: p.default for p in self.parameters}

    def point(self, **values: Any) -> dict[str, Value]:
        """The parameter point: values checked and made exact, defaults filled, constraints
        checked (:class:`~gametheory.errors.ParameterError` naming a broken one)."""
        out = resolve_point(self.parameters, values, owner=self.model)
        sub = {symbol(k): _sympy_number(v) for k, v in out.items()}
        for c in self.constraints:
            if sympy.sympify(c).xreplace(sub) != sympy.true:
                shown = ", ".join(f"{s.name}={out[s.name]}" for s in
                                  sorted(c.free_symbols, key=lambda s: s.name))
                raise ParameterError(f"{self.model}: constraint {c} is broken at {shown}")
        return out

    def arrays(self, **values: Any) -> tuple[np.ndarray, ...]:
        """The payoff arrays at a point: object arrays of Fractions (floats if a value is
        a float), one per player, each of shape :attr:`shape`."""
        sub = {symbol(k): _sympy_number(v) for k, v in self.point(**values).items()}
        seen: dict[sympy.Basic, Fraction | float] = {}  # cells share few distinct entries

        def value(e: sympy.Basic) -> Fraction | float:
            v = seen.get(e)
            if v is None:
                v = seen[e] = exact_value(sympy.sympify(e).xreplace(sub))
            return v

        return tuple(np.array([value(e) for e in u.ravel()], dtype=object).reshape(self.shape)
                     for u in self.symbolic)

    payoffs = arrays

    def at(self, **values: Any) -> NormalFormGame:
        """The game at a point as an n-player :class:`~gametheory.NormalFormGame`.

        >>> import gametheory as gt
        >>> g = gt.models.volunteers_dilemma_n(3).at()
        >>> g.n_players, g.shape
        (3, (2, 2, 2))
        """
        return NormalFormGame(*self.arrays(**values), players=self.players,
                              strategies=tuple(tuple(s) for s in self.strategies),
                              title=self.title)

    def labels(self, profile: Sequence[int]) -> tuple[str, ...]:
        """The strategy labels of a pure profile given by indices."""
        return tuple(self.strategies[i][k] for i, k in enumerate(profile))

    def pure_equilibria(self, **values: Any) -> list[tuple[int, ...]]:
        """Every pure Nash equilibrium at a point, as index tuples in lexicographic order
        (:func:`~gametheory.solve.nplayer_pure.pure_equilibria_n`)."""
        return pure_equilibria_n(self.arrays(**values))

    def equilibria(self, max_supports: int | None = None, **values: Any) -> NPlayerSolution:
        """Every equilibrium at a point, exactly, by support enumeration
        (:func:`~gametheory.solve.nplayer_support.support_enumeration_n`); support profiles
        that carry a continuum are listed in ``continua``."""
        arrays = self.arrays(**values)
        if max_supports is None:
            return support_enumeration_n(arrays)
        return support_enumeration_n(arrays, max_supports=max_supports)

    def logit(self, **values: Any) -> LogitPath:
        """The principal branch of the logit QRE at a point, followed to its end (floats,
        with the end point's regret; :func:`~gametheory.solve.logit_qre.logit_path`)."""
        return logit_path([np.array(u, dtype=float) for u in self.arrays(**values)])

    def __str__(self) -> str:
        lines = [f"{self.title}: {self.n_players} players, shape {self.shape}"]
        for p, s in zip(self.players, self.strategies, strict=True):
            lines.append(f"  {p}: {', '.join(s)}")
        if self.parameters:
            lines.append("  parameters: " + ", ".join(f"{p.name}={p.default}"
                                                      for p in self.parameters))
        return "\n".join(lines)


def _sympy_number(v: Value) -> sympy.Expr:
    if isinstance(v, Fraction):
        return sympy.Rational(v.numerator, v.denominator)
    return sympy.Float(v)


def profile_probability(profile: Sequence[Sequence[Any]], cells: Iterable[Sequence[int]]
                        ) -> Any:
    r"""The probability that a mixed profile plays one of the pure profiles ``cells``:
    :math:`\sum_{s} \prod_i x_{i, s_i}` (exact for exact probabilities).

    >>> from fractions import Fraction as F
    >>> profile_probability([(F(1, 2), F(1, 2)), (F(1, 3), F(2, 3))], [(0, 0), (1, 1)])
    Fraction(1, 2)
    """
    total: Any = 0
    for s in cells:
        term: Any = 1
        for x, k in zip(profile, s, strict=True):
            term = term * x[k]
        total = total + term
    return total


def probability_all(profile: Sequence[Sequence[Any]], strategy: int) -> Any:
    """The probability that every player plays pure strategy ``strategy``.

    >>> from fractions import Fraction as F
    >>> probability_all([(F(1, 2), F(1, 2))] * 3, 1)
    Fraction(1, 8)
    """
    return profile_probability(profile, [(strategy,) * len(profile)])
