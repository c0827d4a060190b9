r"""The model a sensitivity analysis moves: a parametric game, one convertible to it, or a
function returning games; parameter points resolved once; exact regimes.

A model is either a :class:`~gametheory.ParametricGame` :math:`(A(\theta), B(\theta))`
(vectorised payoffs, exact values at rational points, regime rules), anything with a
``to_normal_form()`` method giving one (a :class:`~gametheory.GameTree` with parameters),
or a function :math:`\theta \mapsto (A, B)` returning a
:class:`~gametheory.NormalFormGame` for each point. A *point* assigns each parameter a
value: the given ones, the model's defaults for the others; parameters left free (swept
or sampled) get theirs later, point by point.

A point's *regime* is the label of the first regime rule :math:`(\ell, C_\ell(\theta))`
of the model whose condition holds, decided exactly at the rational point
(``"unclassified"`` when none holds).

Examples
--------
>>> import gametheory as gt
>>> from fractions import Fraction
>>> from gametheory.analysis.sensitivity.model import exact_regime, resolve_point
>>> p = gt.ParametricGame([["a", 0], [0, 1]], [[1, 0], [0, 1]],
...                       [gt.Parameter("a", default="1/2"), "b"],
...                       regime_rules=[("a above b", "a > b"), ("otherwise", "a <= b")])
>>> point = resolve_point(p, {"b": 0.25})
>>> point
{'a': Fraction(1, 2), 'b': Fraction(1, 4)}
>>> exact_regime(p, point), exact_regime(p, {**point, "b": Fraction(1, 2)})
('a above b', 'otherwise')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Protocol, runtime_checkable

import numpy as np
import sympy

from ...core.expressions import to_sympy_number
from ...core.game import NormalFormGame
from ...core.parameters import check_names
from ...core.parameters import resolve_point as _resolve
from ...core.parametric import ParametricGame
from ...errors import GameError
from .points import Number, exact_value

__all__ = ["NormalFormSource", "GameFunction", "SweepModel", "as_parametric", "resolve_point",
           "exact_regime", "rule_atoms", "canonical"]


@runtime_checkable
class NormalFormSource(Protocol):
    """Anything that converts to a parametric normal form (a game tree with parameters)."""

    def to_normal_form(self) -> ParametricGame | NormalFormGame: ...


class GameFunction(Protocol):
    """``f(**values) -> NormalFormGame``: a model given as a function of its parameters."""

    def __call__(self, **values: float) -> NormalFormGame: ...


Model = ParametricGame | NormalFormSource | GameFunction


class SweepModel:
    """Uniform access to a ParametricGame or a function returning NormalFormGames.

    ``parametric`` tells which; ``players``, ``strategies`` (None for a function: they
    come from its first game), ``title`` and ``rules`` (the regime rules, empty for a
    function) describe it.
    """

    def __init__(self, model: Model, names: Sequence[str]) -> None:
        if not isinstance(model, ParametricGame) and isinstance(model, NormalFormSource):
            model = model.to_normal_form()
        self.model = model
        self.parametric = isinstance(model, ParametricGame)
        self.players: tuple[str, ...] | None
        self.strategies: tuple[tuple[str, ...], ...] | None
        if isinstance(model, ParametricGame):
            check_names(model.parameters, names)
            self.players, self.strategies = model.players, model.strategies
            self.title: str = model.title
            self.rules: tuple[tuple[str, sympy.Basic], ...] = model.regime_rules
        elif callable(model):
            self.rules = ()
            self.players = self.strategies = None  # from the first game
            self.title = getattr(model, "__name__", "")
        else:
            raise GameError("sweep needs a ParametricGame, a GameTree with to_normal_form(), "
                            f"or a function returning a NormalFormGame; got {type(model)!r}")

    def fingerprint(self) -> str:
        """Identifies the model in a chunked run's fingerprint."""
        m = self.model
        if isinstance(m, ParametricGame):
            return repr((str(m.A), str(m.B), m.parameter_names,
                         [(p.name, str(p.default)) for p in m.parameters],
                         [(lab, str(c)) for lab, c in m.regime_rules], str(m.constraints)))
        return f"{getattr(m, '__module__', '')}.{getattr(m, '__qualname__', '')}"

    def games(self, values: Mapping[str, np.ndarray], n: int) -> list[NormalFormGame]:
        """The function model's games at ``n`` points (one call per point)."""
        out = []
        for k in range(n):
            g = self.model(**{name: float(v[k]) for name, v in values.items()})
            if not isinstance(g, NormalFormGame):
                raise GameError(f"the model function returned {type(g)!r}, not a "
                                "NormalFormGame")
            out.append(g)
        return out


def as_parametric(model: Model, names: Sequence[str], error: str) -> ParametricGame:
    """``model`` as a ParametricGame knowing ``names``; a GameError saying ``error`` if not.

    >>> as_parametric(lambda a: None, [], "local_sensitivity needs a ParametricGame")
    Traceback (most recent call last):
    ...
    gametheory.errors.GameError: local_sensitivity needs a ParametricGame
    """
    mdl = SweepModel(model, names)
    if not isinstance(mdl.model, ParametricGame):
        raise GameError(error)
    return mdl.model


def resolve_point(p: ParametricGame, given: Mapping[str, Number], free: Sequence[str] = (),
                  hint: str = "give them in at=") -> dict[str, Fraction]:
    """Exact values of every parameter but the ``free`` ones: ``given``, then defaults.

    :func:`gametheory.core.parameters.resolve_point` (names, defaults, bounds, one message
    ending in ``hint`` for parameters without a value), then each value as the exact
    rational a sweep means by it (:func:`~.points.exact_value`: floats by their shortest
    repr).
    """
    return {k: exact_value(v) for k, v in _resolve(p.parameters, given, free=free,
                                                    hint=hint).items()}


def exact_regime(p: ParametricGame, point: Mapping[str, Number]) -> str:
    """The first regime rule of ``p`` that holds at ``point`` (exact), or "unclassified"."""
    syms = p.symbols
    sub = {}
    for k, v in point.items():
        e = exact_value(v)
        sub[syms[k]] = to_sympy_number(e)
    for label, cond in p.regime_rules:
        if bool(cond.xreplace(sub) == sympy.true):
            return label
    return "unclassified"


_CANONICAL: dict[ParametricGame, ParametricGame] = {}
_RULE_CACHE: dict[int, tuple[ParametricGame, list[tuple[Callable, Callable]]]] = {}


def canonical(p: ParametricGame) -> ParametricGame:
    """The first instance of an equal model seen in this process.

    Chunks sent to worker processes arrive as fresh copies of the model; mapping them to
    one instance per process keeps its compiled (lambdified) payoffs and conditions.
    """
    if len(_CANONICAL) > 64:
        _CANONICAL.clear()
    return _CANONICAL.setdefault(p, p)


def rule_atoms(p: ParametricGame) -> list[tuple[Callable, Callable]]:
    """Each regime rule's relational atoms as vectorised ``lhs - rhs`` and scale functions."""
    hit = _RULE_CACHE.get(id(p))
    if hit is None or hit[0] is not p:
        syms = [q.sympy for q in p.parameters]
        atoms: set[sympy.Basic] = set()
        for _, cond in p.regime_rules:
            atoms |= cond.atoms(sympy.core.relational.Relational)
        funcs = []
        for a in sorted(atoms, key=str):
            lhs, rhs = a.lhs, a.rhs
            funcs.append((sympy.lambdify(syms, lhs - rhs, modules="numpy"),
                          sympy.lambdify(syms, sympy.Abs(lhs) + sympy.Abs(rhs),
                                         modules="numpy")))
        hit = _RULE_CACHE[id(p)] = (p, funcs)
    return hit[1]
