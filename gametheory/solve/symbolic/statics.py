r"""Comparative statics and thresholds of closed-form equilibria.

*Comparative statics.* For an equilibrium quantity :math:`q(\theta)` (a mixing
probability or an equilibrium payoff from :mod:`.equilibria`, or any expression in the
parameters), :func:`comparative_statics` computes :math:`\partial q / \partial \theta_k`
and decides its sign where the bounds allow (:mod:`.signs`). The textbook example is the
inspection game, where the inspectee's equilibrium mixing probability depends only on
the inspector's payoffs (Tsebelis 1989, "The abuse of probability in political analysis:
the Robinson Crusoe fallacy", APSR 83).

*Thresholds.* A condition changes truth value only where one of its relations
:math:`f \;\mathrm{op}\; g` becomes an equality; :func:`threshold` solves
:math:`N(\theta) = 0` for one parameter, where :math:`f - g = N / D`.

Examples
--------
>>> import gametheory as gt
>>> p = gt.ParametricGame([["v - c"]], [[0]], ["v", "c"])
>>> threshold(p, "v - c >= 0", "c")
[v]
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sympy

from ..._roots import real_roots
from ...core.expressions import parse_condition, parse_expression
from ...core.parameters import check_names
from ...errors import GameError, ParameterError
from .equilibria import SymbolicEquilibrium, mixed_equilibrium
from .signs import _sign_under, make_strict, relations, sign

if TYPE_CHECKING:  # pragma: no cover
    from ...core.parametric import ParametricGame

__all__ = ["threshold", "comparative_statics", "ComparativeStatics"]


def threshold(game: ParametricGame, condition: Any, parameter: str) -> list[sympy.Expr]:
    """Values of ``parameter`` at which a relation of ``condition`` becomes an equality.

    ``condition`` is a sympy Boolean (e.g. from :func:`pure_conditions`) or a condition
    string; every relation in it is solved for the parameter (with ``sympy.solve`` on the
    trusted sympy object). Returns the distinct real solutions, as expressions in the other
    parameters, sorted by their string form.

    Examples
    --------
    Interception beats under-reacting iff ``c_I + e_I W_D + r_I < pi h + r_U`` (docs/model.md);
    the credibility loss at which the Defender switches:

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([[0, 0]], [["-h - r_U", "-(1 - pi)*h - c_I - e_I*W_D - r_I"]],
    ...                       ["h", "r_U", "pi", "c_I", "e_I", "W_D", "r_I"])
    >>> threshold(p, "-h - r_U <= -(1 - pi)*h - c_I - e_I*W_D - r_I", "r_U")
    [W_D*e_I + c_I - h*pi + r_I]
    """
    if isinstance(condition, str):
        syms = game.symbols
        condition = parse_condition(condition, syms, symbols=syms)
    check_names(game.parameters, [parameter])
    sym = game.symbols[parameter]
    out: dict[str, sympy.Expr] = {}
    for rel in relations(condition):
        diff = rel.lhs - rel.rhs
        if sym not in diff.free_symbols:
            continue
        num = sympy.fraction(sympy.together(diff))[0]
        for sol in _real_solutions(num, sym):
            sol = sympy.simplify(sol)
            out.setdefault(str(sol), sol)
    return [out[k] for k in sorted(out)]


def _real_solutions(num: sympy.Expr, sym: sympy.Symbol) -> list[sympy.Expr]:
    """Real zeros of ``num`` in ``sym``: exact isolation when ``num`` is a polynomial with
    rational coefficients in ``sym`` alone, else ``sympy.solve`` (on the trusted object)."""
    if num.free_symbols == {sym}:
        try:
            return [r.exact(sym) for r in real_roots(num, sym)]
        except GameError:  # irrational coefficients or not a polynomial
            pass
    return [s for s in sympy.solve(sympy.Eq(num, 0), sym) if s.is_real is not False]


# ---------------------------------------------------------------------- comparative statics
@dataclass(frozen=True)
class ComparativeStatics:
    """The derivative of an equilibrium quantity in a parameter, and its sign.

    Attributes
    ----------
    quantity : str
        What was differentiated (``"Row: Violate"``, ``"payoff: Column"`` or the expression).
    parameter : str
        The parameter.
    expression : sympy.Expr
        The quantity as a function of the parameters.
    derivative : sympy.Expr
        Its partial derivative, simplified.
    sign : int or None
        0 if the derivative is identically zero (the quantity does not depend on the
        parameter); +1 (-1) if it is non-negative (non-positive) for every parameter value
        within the declared bounds or, for an equilibrium quantity, wherever the
        equilibrium is valid (see ``assumptions``), i.e. the quantity is weakly increasing
        (decreasing); None if its sign varies or cannot be decided.
    assumptions : tuple of sympy relations
        The relations that fixed ``sign``: parameter bounds (``theta >= lo``), declared
        constraints, and the equilibrium's validity conditions in their strict (interior)
        form; empty when the sign is 0 or None.
    """

    quantity: str
    parameter: str
    expression: sympy.Expr
    derivative: sympy.Expr
    sign: int | None
    assumptions: tuple[sympy.Basic, ...] = ()

    @property
    def validity_assumptions(self) -> tuple[sympy.Basic, ...]:
        """The assumptions that are not a single parameter's bound (constraints and
        validity conditions): empty when the bounds alone fix the sign."""
        return tuple(a for a in self.assumptions if not _is_bound(a))

    def describe(self) -> str:
        """One line: ``"Inspector: Inspect decreases with f (d/df = -g/f**2)"``."""
        if self.sign == 0:
            return f"{self.quantity} does not depend on {self.parameter}"
        word = {1: "increases with", -1: "decreases with",
                None: "has no fixed direction in"}[self.sign]
        given = self.validity_assumptions
        tail = f" where {' & '.join(map(str, given))}" if given else ""
        return f"{self.quantity} {word} {self.parameter} (d/d{self.parameter} = " \
            f"{self.derivative}){tail}"

    def __repr__(self) -> str:
        return f"ComparativeStatics({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"


def _is_bound(rel: sympy.Basic) -> bool:
    """``theta >= c`` or ``theta <= c`` for one parameter and a number ``c``."""
    return isinstance(rel, sympy.GreaterThan | sympy.LessThan) and rel.lhs.is_Symbol \
        and rel.rhs.is_number


def _quantity(game: ParametricGame, quantity: Any, support: Any
              ) -> tuple[str, sympy.Expr, Callable[[], sympy.Basic]]:
    """Name, expression and its validity conditions (strict; ``true`` for a bare
    expression), the latter computed only when asked for."""
    if isinstance(quantity, sympy.Expr):
        return str(quantity), quantity, lambda: sympy.true
    if isinstance(quantity, str) and ":" not in quantity:
        syms = game.symbols
        return quantity, parse_expression(quantity, syms, symbols=syms), lambda: sympy.true
    if support is None:
        support = (tuple(range(game.shape[0])), tuple(range(game.shape[1])))
    if isinstance(support, SymbolicEquilibrium):
        eq, strict = support, support
    else:
        eq = mixed_equilibrium(game, support)
        strict = None

    def cond() -> sympy.Basic:
        if strict is not None:
            return make_strict(strict.conditions)
        return mixed_equilibrium(game, support, strict=True).conditions
    if isinstance(quantity, str):
        head, _, tail = (t.strip() for t in quantity.partition(":"))
        if head == "payoff":
            p = game.player_index(tail)
            return quantity, eq.payoffs[p], cond
        p = game.player_index(head)
        k = game.strategy_index(p, tail)
        return quantity, (eq.row, eq.col)[p][k], cond
    if isinstance(quantity, tuple) and len(quantity) == 2:
        p = game.player_index(quantity[0])
        k = game.strategy_index(p, quantity[1])
        return f"{game.players[p]}: {game.strategies[p][k]}", (eq.row, eq.col)[p][k], cond
    raise ParameterError(f"quantity must be an expression, 'player: strategy', 'payoff: "
                         f"player' or a (player, strategy) pair; got {quantity!r}")


def comparative_statics(game: ParametricGame, quantity: Any, parameter: str, *,
                        support: Any = None) -> ComparativeStatics:
    r"""Derivative of an equilibrium quantity in a parameter and its sign where it is valid.

    The sign of :math:`\partial q / \partial \theta_k` is decided exactly (sympy), first
    from the parameter bounds alone and, failing that, for an equilibrium quantity, also
    from the declared constraints and the equilibrium's validity conditions made strict
    (the interior of the region where the support is an equilibrium, where the closed
    form is differentiable; by continuity the weak sign extends to its closure). The
    relations used are in :attr:`ComparativeStatics.assumptions`.

    Parameters
    ----------
    quantity : str, tuple or sympy.Expr
        ``"<player>: <strategy>"`` (a mixing probability), ``"payoff: <player>"``, a
        ``(player, strategy)`` pair, an expression string in the parameters, or a sympy
        expression.
    parameter : str
        The parameter to differentiate in.
    support : support pair or SymbolicEquilibrium, optional
        The equilibrium the quantity refers to; default: full support.

    Examples
    --------
    The Tsebelis (1989) paradox in the inspection game: raising the penalty ``f`` does not
    change how often the inspectee violates; it lowers how often the inspector inspects.

    >>> import gametheory as gt
    >>> pos = (0, None)
    >>> p = gt.ParametricGame([["g - f", "g"], [0, 0]], [["-c", "-l"], ["-c", 0]],
    ...                       [gt.Parameter(n, bounds=(1, None)) for n in "gfcl"],
    ...                       players=("Inspectee", "Inspector"),
    ...                       strategies=(("Violate", "Comply"), ("Inspect", "Trust")))
    >>> comparative_statics(p, "Inspectee: Violate", "f").sign
    0
    >>> comparative_statics(p, "Inspector: Inspect", "f")
    ComparativeStatics(Inspector: Inspect decreases with f (d/df = -g/f**2))
    >>> comparative_statics(p, "Inspectee: Violate", "f")
    ComparativeStatics(Inspectee: Violate does not depend on f)

    Where the bounds do not fix the sign, the validity conditions may. A probe that a
    readiness posture costing ``m >= 0`` deters is played with probability ``m/d``; its
    derivative ``1/d`` has no sign under the bounds (``d`` is free), but ``m/d > 0`` is a
    validity condition of the mixed equilibrium, and with ``m >= 0`` it gives ``d > 0``:

    >>> q = gt.ParametricGame([[0, 0], [1, -1]], [[0, "-m"], ["-d", "-m"]],
    ...                       [gt.Parameter("m", bounds=(0, None)), "d"],
    ...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Ready")))
    >>> cs = comparative_statics(q, "Row: Probe", "m")
    >>> cs
    ComparativeStatics(Row: Probe increases with m (d/dm = 1/d) where m/d > 0)
    >>> cs.assumptions
    (m >= 0, m/d > 0)
    """
    check_names(game.parameters, [parameter])
    sym = game.symbols[parameter]
    name, expr, cond = _quantity(game, quantity, support)
    deriv = sympy.factor(sympy.simplify(sympy.diff(expr, sym)))
    s = sign(deriv, game, weak=True)
    if s == 0:
        return ComparativeStatics(name, parameter, expr, deriv, 0)
    if s is not None:  # the bounds alone decide: name the bounds of the parameters involved
        bounds = _sign_under(deriv, game, sympy.true)[1]
        return ComparativeStatics(name, parameter, expr, deriv, s, bounds)
    s, why = _sign_under(deriv, game, cond())
    return ComparativeStatics(name, parameter, expr, deriv, s, why)
