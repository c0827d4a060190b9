r"""Every Nash equilibrium of a small n-player game, exactly, by support enumeration.

A mixed profile :math:`x = (x_1, \dots, x_n)` with supports :math:`S_i = \{s : x_{i,s} > 0\}`
is a Nash equilibrium iff for every player :math:`i` there is a value :math:`v_i` with

.. math::

    E_i(s, x_{-i}) = v_i \ (s \in S_i), \qquad E_i(t, x_{-i}) \le v_i \ (t \notin S_i),
    \qquad \textstyle\sum_{s \in S_i} x_{i,s} = 1,

where :math:`E_i(s, x_{-i}) = \sum_{s_{-i}} u_i(s, s_{-i}) \prod_{j \ne i} x_{j, s_j}` is
multilinear in the other players' probabilities. For each profile of supports the
equalities are a square polynomial system in :math:`\sum_i (|S_i| - 1)` unknowns (one
probability of each support eliminated by the sum). This module solves it exactly: a
lexicographic Groebner basis decides whether the system is inconsistent, has finitely many
solutions (then every real solution is found, rational or algebraic) or a continuum of
them; each real solution with every support probability strictly positive that no
strategy outside the supports improves on is an equilibrium with exactly these supports,
so no equilibrium is returned twice (McKelvey and McLennan 1996, *Handbook of
Computational Economics* 1, sec. 6, support enumeration for n-person games; the
polynomial systems as in Datta 2010, *Economic Theory* 42).

When a support profile's equalities leave a positive-dimensional set, an equilibrium in
it may still be isolated, by a strategy outside the support that is also a best reply
(one more equality) or by the inequalities; the solver then tries every larger set of
best replies, requiring strategies outside it to do strictly worse, so that each such
equilibrium is found once. What remains, points of a positive-dimensional set whose
best replies are exactly the support, is a continuum: the support profile is listed in
:attr:`NPlayerSolution.continua` (a *possible* continuum: the set may also miss the
region where the inequalities hold) and its points are not enumerated.

Examples
--------
Three players each choose ``0`` or ``1``; player 1 wants to match player 2, player 2 to
match player 3, and player 3 to mismatch player 1 (Jordan's matching-pennies cycle). The
only equilibrium is everybody mixing half and half.

>>> import numpy as np
>>> U1 = np.zeros((2, 2, 2), dtype=int); U2 = U1.copy(); U3 = U1.copy()
>>> for a in range(2):
...     for b in range(2):
...         for c in range(2):
...             U1[a, b, c] = int(a == b); U2[a, b, c] = int(b == c); U3[a, b, c] = int(c != a)
>>> sol = support_enumeration_n([U1, U2, U3])
>>> [[str(p) for p in x] for x in sol.equilibria[0].profile]
[['1/2', '1/2'], ['1/2', '1/2'], ['1/2', '1/2']]
>>> sol.continua
()
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from ..errors import PayoffError, SolverError

__all__ = ["support_enumeration_n", "support_profiles_n", "NPlayerSolution",
           "NPlayerProfile", "MAX_SUPPORT_PROFILES", "ContinuumWarning"]

#: Largest number of support profiles :func:`support_enumeration_n` tries; beyond it the
#: game is too large for enumeration (use a numerical method instead).
MAX_SUPPORT_PROFILES = 20_000

Value = Fraction | sympy.Expr


class ContinuumWarning(UserWarning):
    """Some support profile holds a continuum of equilibria that is not enumerated."""


@dataclass(frozen=True)
class NPlayerProfile:
    """One equilibrium: each player's mixed strategy and each player's payoff.

    Coordinates are :class:`~fractions.Fraction` when rational and exact sympy algebraic
    numbers otherwise.
    """

    profile: tuple[tuple[Value, ...], ...]
    payoffs: tuple[Value, ...]

    @property
    def support(self) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(k for k, p in enumerate(x) if p != 0) for x in self.profile)


@dataclass(frozen=True)
class NPlayerSolution:
    """The equilibria found, and the support profiles left out because they hold a continuum."""

    equilibria: tuple[NPlayerProfile, ...]
    continua: tuple[tuple[tuple[int, ...], ...], ...]
    supports_tried: int


def _exact_arrays(payoffs: Sequence[np.ndarray], scales: list[Fraction]) -> list[np.ndarray]:
    shapes = {np.shape(u) for u in payoffs}
    if len(payoffs) < 2 or len(shapes) != 1:
        raise PayoffError("support enumeration needs two or more players' payoff arrays of "
                          f"one shape; got shapes {sorted(shapes)}")
    shape = shapes.pop()
    if len(shape) != len(payoffs) or min(shape) < 1:
        raise PayoffError(f"{len(payoffs)} players need {len(payoffs)}-dimensional payoff "
                          f"arrays with at least one strategy each; got shape {shape}")
    out = []
    for u in payoffs:
        # exact values (floats at their exact binary value), scaled per player to coprime
        # integers: a positive multiple keeps best replies, and integer coefficients keep
        # the Groebner bases small; payoffs are scaled back in support_enumeration_n
        flat = [Fraction(v) for v in np.asarray(u, dtype=object).ravel()]
        lcm = math.lcm(*(f.denominator for f in flat))
        ints = [int(f * lcm) for f in flat]
        gcd = math.gcd(*ints) or 1
        out.append(np.array([sympy.Integer(v // gcd) for v in ints], dtype=object
                            ).reshape(shape))
        scales.append(Fraction(gcd, lcm))
    return out


def _scaled(v: Value, c: Fraction) -> Value:
    if isinstance(v, Fraction):
        return v * c
    return sympy.expand(v * sympy.Rational(c.numerator, c.denominator))


def _supports(k: int) -> Iterator[tuple[int, ...]]:
    for size in range(1, k + 1):
        yield from itertools.combinations(range(k), size)


def _expected(u: np.ndarray, player: int, strategy: int,
              mixes: Sequence[Sequence[sympy.Expr]]) -> sympy.Expr:
    """E_player(strategy, x_-player) as a polynomial in the others' probabilities."""
    sub = np.take(u, strategy, axis=player)
    others = [mixes[j] for j in range(len(mixes)) if j != player]
    total = sympy.Integer(0)
    for idx in itertools.product(*(range(len(m)) for m in others)):
        coeff = sub[idx]
        if coeff == 0:
            continue
        term = coeff
        for m, k in zip(others, idx, strict=True):
            term = term * m[k]
        total += term
    return sympy.expand(total)


def _as_value(v: sympy.Expr) -> Value:
    """A Fraction for a rational number; an exact sympy algebraic number otherwise."""
    if v.is_Rational:
        return Fraction(int(v.p), int(v.q))
    return v


_T = sympy.Symbol("t")


class _Root:
    """One real root ``r`` of an irreducible ``f`` in Q[t]; numbers are polynomials in ``t``
    reduced modulo ``f`` (exact arithmetic in the field Q(r))."""

    def __init__(self, f: sympy.Poly, index: int) -> None:
        self.f = f
        self.rational = f.degree() == 1
        self.value = (-f.nth(0) / f.nth(1)) if self.rational else sympy.CRootOf(f.as_expr(),
                                                                                 index)

    def reduce(self, expr: sympy.Expr) -> sympy.Poly:
        return sympy.Poly(expr, _T, domain="QQ").rem(self.f)

    def sign(self, p: sympy.Poly) -> int:
        """The exact sign of ``p(r)``: 0 iff ``f`` divides ``p`` (f is irreducible)."""
        if p.is_zero:
            return 0
        if self.rational or p.degree() <= 0:
            v = p.eval(self.value) if self.rational else p.nth(0)
            return int(bool(v > 0)) - int(bool(v < 0))
        for digits in (30, 60, 120):
            v = sympy.Float(p.eval(self.value.evalf(digits + 10)), digits)
            if abs(v) > sympy.Float(10) ** (10 - digits):
                return 1 if v > 0 else -1
        raise SolverError(f"could not decide the sign of {p.as_expr()} at a root of "
                          f"{self.f.as_expr()}")

    def number(self, p: sympy.Poly) -> Value:
        if p.degree() <= 0 or self.rational:
            v = sympy.Rational(p.eval(self.value) if self.rational else p.nth(0))
            return Fraction(int(v.p), int(v.q))
        return sympy.expand(p.as_expr().subs(_T, self.value))


def _shape_position(basis: Sequence[sympy.Expr], unknowns: Sequence[sympy.Symbol]
                    ) -> list[sympy.Expr] | None:
    """``[h_1, ..., h_{m-1}, g]`` when the lex basis is ``x_k - h_k(x_m)``, ``g(x_m)``."""
    m, last = len(unknowns), unknowns[-1]
    if len(basis) != m:
        return None
    out = []
    for k, g in enumerate(basis[:-1]):
        rest = sympy.expand(g - unknowns[k])
        if rest.free_symbols - {last}:
            return None
        out.append(-rest)
    g = basis[-1]
    if g.free_symbols - {last}:
        return None
    out.append(g)
    return out


def _points(equations: list[sympy.Expr], unknowns: list[sympy.Symbol]
            ) -> tuple[list[tuple[_Root | None, dict[sympy.Symbol, Any]]], bool]:
    """Real solutions of the square system, and whether its solution set is a continuum.

    In shape position (the usual case) each solution is a real root ``r`` of an irreducible
    factor of the univariate basis element, the other unknowns polynomials in ``r``.
    Otherwise sympy's ``solve_poly_system`` gives them as expressions.
    """
    basis = sympy.groebner(equations, *unknowns, order="lex")
    exprs = list(basis.exprs)
    if exprs == [1]:
        return [], False
    if not basis.is_zero_dimensional:
        return [], True
    shape = _shape_position(exprs, unknowns)
    if shape is None:  # pragma: no cover  (non-generic systems)
        sols = sympy.solve_poly_system(exprs, *unknowns) or []
        return [(None, dict(zip(unknowns, sol, strict=True))) for sol in sols], False
    last = unknowns[-1]
    g = sympy.Poly(shape[-1].subs(last, _T), _T, domain="QQ")
    sub = {x: sympy.expand(h.subs(last, _T)) for x, h in zip(unknowns[:-1], shape[:-1],
                                                             strict=True)}
    sub[last] = _T
    points = []
    for f, _mult in g.factor_list()[1]:
        f = sympy.Poly(f, _T, domain="QQ")
        count = 1 if f.degree() == 1 else f.count_roots()
        points += [(_Root(f, k), sub) for k in range(count)]
    return points, False


def _check_expressions(expected: list[list[sympy.Expr]], mixes: list[list[sympy.Expr]],
                       sol: dict[sympy.Symbol, Any], supports: tuple[tuple[int, ...], ...],
                       best: tuple[tuple[int, ...], ...], strict_outside: bool
                       ) -> list[NPlayerProfile]:  # pragma: no cover  (non-generic systems)
    """The checks of :func:`_solve_support` on a solution given as sympy expressions."""
    values = [[sympy.expand(p.subs(sol)) for p in m] for m in mixes]
    if not all(values[i][s].is_real and values[i][s].is_positive
               for i in range(len(mixes)) for s in supports[i]):
        return []
    payoffs = []
    for i in range(len(mixes)):
        v = sympy.expand(expected[i][supports[i][0]].subs(sol))
        for t in range(len(mixes[i])):
            if t in best[i]:
                continue
            gain = sympy.expand(expected[i][t].subs(sol) - v)
            if gain.is_positive is None or gain.is_zero is None:
                raise SolverError("could not decide the sign of an algebraic payoff "
                                  f"difference {gain} exactly")
            if gain.is_positive or (strict_outside and gain.is_zero):
                return []
        payoffs.append(_as_value(v))
    return [NPlayerProfile(tuple(tuple(_as_value(p) for p in m) for m in values),
                           tuple(payoffs))]


def _solve_support(arrays: list[np.ndarray], supports: tuple[tuple[int, ...], ...],
                   best: tuple[tuple[int, ...], ...], strict_outside: bool
                   ) -> tuple[list[NPlayerProfile], bool]:
    """Equilibria with supports ``supports`` at which every strategy in ``best`` is a best
    reply; outside ``best`` strategies must do no better (strictly worse if
    ``strict_outside``). The flag says the equalities have a positive-dimensional set."""
    n = len(arrays)
    shape = arrays[0].shape
    unknowns: list[sympy.Symbol] = []
    mixes: list[list[sympy.Expr]] = []
    for i in range(n):
        xs = [sympy.Symbol(f"x{i}_{s}") for s in supports[i][1:]]
        unknowns += xs
        full = [sympy.Integer(0)] * shape[i]
        full[supports[i][0]] = 1 - sum(xs, sympy.Integer(0))
        for s, x in zip(supports[i][1:], xs, strict=True):
            full[s] = x
        mixes.append(full)
    expected = [[_expected(arrays[i], i, t, mixes) for t in range(shape[i])]
                for i in range(n)]
    equations = []
    for i in range(n):
        base = expected[i][supports[i][0]]
        for s in best[i]:
            if s != supports[i][0]:
                equations.append(sympy.expand(expected[i][s] - base))
    if any(e.is_number and e != 0 for e in equations):
        return [], False
    equations = [e for e in equations if not e.is_number]
    points: list[tuple[_Root | None, dict[sympy.Symbol, Any]]]
    if not unknowns:
        points = [(_Root(sympy.Poly(_T, _T, domain="QQ"), 0), {})]
    elif not equations:
        return [], True  # the probabilities are not pinned down by indifference
    else:
        points, continuum = _points(equations, unknowns)
        if continuum:
            return [], True
    found = []
    for root, sub in points:
        if root is None:  # pragma: no cover  (non-generic systems)
            found += _check_expressions(expected, mixes, sub, supports, best, strict_outside)
            continue

        def at(expr: sympy.Expr, root: _Root = root, sub: dict = sub) -> sympy.Poly:
            return root.reduce(sympy.expand(expr.subs(sub)) if sub else expr)

        values = [[at(p) for p in m] for m in mixes]
        if not all(root.sign(values[i][s]) > 0 for i in range(n) for s in supports[i]):
            continue
        payoffs = []
        for i in range(n):
            v = at(expected[i][supports[i][0]])
            if any((sign := root.sign(at(expected[i][t]) - v)) > 0
                   or (strict_outside and sign == 0)
                   for t in range(shape[i]) if t not in best[i]):
                break
            payoffs.append(root.number(v))
        else:
            profile = tuple(tuple(root.number(p) for p in m) for m in values)
            found.append(NPlayerProfile(profile, tuple(payoffs)))
    return found, False


def _conditionally_dominated(arrays: list[np.ndarray],
                              supports: tuple[tuple[int, ...], ...]) -> bool:
    """Whether some support strategy is strictly worse than another strategy against every
    pure profile of the others' supports (then it is never a best reply there; Porter,
    Nudelman and Shoham 2008, *Games and Economic Behavior* 63, conditional dominance)."""
    n = len(arrays)
    for i in range(n):
        index = tuple(np.array(supports[j]) if j != i else slice(None) for j in range(n))
        sub = arrays[i][np.ix_(*[np.array(supports[j]) if j != i else
                                 np.arange(arrays[i].shape[i]) for j in range(n)])]
        del index
        moved = np.moveaxis(sub, i, 0).reshape(sub.shape[i], -1)
        for s in supports[i]:
            if any(all(moved[t, c] > moved[s, c] for c in range(moved.shape[1]))
                   for t in range(moved.shape[0]) if t != s):
                return True
    return False


def _supersets(support: tuple[int, ...], k: int) -> Iterator[tuple[int, ...]]:
    rest = [s for s in range(k) if s not in support]
    for size in range(len(rest) + 1):
        for extra in itertools.combinations(rest, size):
            yield tuple(sorted(support + extra))


def support_enumeration_n(payoffs: Sequence[np.ndarray],
                          max_supports: int = MAX_SUPPORT_PROFILES) -> NPlayerSolution:
    """Every equilibrium of an n-player game with finitely many per support, exactly.

    Parameters
    ----------
    payoffs : sequence of n arrays of shape ``(s_1, ..., s_n)``
        Exact (int, Fraction) or float payoffs; floats are taken at their exact binary value.
    max_supports : int
        Refuse games with more support profiles than this (``prod(2**s_i - 1)``).

    Returns
    -------
    NPlayerSolution
        ``equilibria`` in order of support profile (smaller supports first, then
        lexicographic), ``continua`` the support profiles whose indifference system has a
        positive-dimensional solution set (not enumerated).

    Raises
    ------
    SolverError
        When the game has more support profiles than ``max_supports``.

    Examples
    --------
    Player 1 wants to match both others, who want to match player 1: besides the two
    coordinated pure equilibria, player 1 mixing half and half while the others split is an
    equilibrium (isolated by the others' best replies), and the full-support profiles with
    ``x1 = 1/2`` and ``q + r = 1`` form a continuum, reported rather than listed:

    >>> import numpy as np
    >>> U = np.zeros((2, 2, 2), dtype=int)
    >>> for a in range(2):
    ...     for b in range(2):
    ...         for c in range(2):
    ...             U[a, b, c] = (a == b) + (a == c)
    >>> V = np.zeros((2, 2, 2), dtype=int)
    >>> for a in range(2):
    ...     for b in range(2):
    ...         for c in range(2):
    ...             V[a, b, c] = int(b == a)
    >>> W = np.zeros((2, 2, 2), dtype=int)
    >>> for a in range(2):
    ...     for b in range(2):
    ...         for c in range(2):
    ...             W[a, b, c] = int(c == a)
    >>> sol = support_enumeration_n([U, V, W])
    >>> [e.support for e in sol.equilibria]
    [((0,), (0,), (0,)), ((1,), (1,), (1,)), ((0, 1), (0,), (1,)), ((0, 1), (1,), (0,))]
    >>> ((0, 1), (0, 1), (0, 1)) in sol.continua
    True
    """
    scales: list[Fraction] = []
    arrays = _exact_arrays(payoffs, scales)
    shape = arrays[0].shape
    count = math.prod(2**k - 1 for k in shape)
    if count > max_supports:
        raise SolverError(f"the game has {count:,} support profiles; exact support enumeration "
                          f"tries at most {max_supports:,} (MAX_SUPPORT_PROFILES; raise "
                          "max_supports, or use method='pure' for the pure equilibria, "
                          "'logit' for the logit QRE limit, or pygambit's 'gnm' or "
                          "'simpdiv')")
    found: list[NPlayerProfile] = []
    continua = []
    for supports in itertools.product(*(_supports(k) for k in shape)):
        if _conditionally_dominated(arrays, supports):
            continue
        eqs, continuum = _solve_support(arrays, supports, supports, strict_outside=False)
        found += eqs
        if not continuum:
            continue
        # The indifference equalities leave a continuum; an equilibrium in it can still be
        # isolated by further best replies outside the support (their equalities) and the
        # others' inequalities. Try each larger best-reply set, strictly better outside it,
        # so that every equilibrium is found at exactly one (support, best-reply) pair.
        continua.append(supports)
        for best in itertools.product(*(_supersets(s, k) for s, k in zip(supports, shape,
                                                                          strict=True))):
            if best == supports:
                continue
            eqs, _ = _solve_support(arrays, supports, best, strict_outside=True)
            found += eqs
    found = [NPlayerProfile(e.profile, tuple(_scaled(v, c) for v, c in zip(e.payoffs, scales,
                                                                          strict=True)))
             for e in found]
    unique = {e.profile: e for e in found}
    ordered = sorted(unique.values(), key=lambda e: (tuple(len(s) for s in e.support),
                     e.support, tuple(-float(p) for x in e.profile for p in x)))
    return NPlayerSolution(tuple(ordered), tuple(continua), count)


def support_profiles_n(payoffs: Sequence[np.ndarray], *,
                       max_supports: int = MAX_SUPPORT_PROFILES,
                       on_continuum: str = "warn") -> list[tuple[tuple, tuple]]:
    """:func:`support_enumeration_n` as ``(profile, payoffs)`` pairs, for the solve facade.

    ``on_continuum`` says what happens when a support profile holds a continuum (whose
    points are not listed): ``"warn"`` (default) issues a :class:`ContinuumWarning` naming
    the support profiles and returns the isolated equilibria found, ``"raise"`` raises
    :class:`SolverError`, ``"ignore"`` returns them silently.

    >>> import numpy as np
    >>> A = np.array([[1, -1], [-1, 1]])
    >>> [[str(p) for p in x] for x in support_profiles_n([A, -A])[0][0]]
    [['1/2', '1/2'], ['1/2', '1/2']]
    """
    if on_continuum not in ("warn", "raise", "ignore"):
        raise SolverError(f"on_continuum must be 'warn', 'raise' or 'ignore'; got "
                          f"{on_continuum!r}")
    sol = support_enumeration_n(payoffs, max_supports)
    if sol.continua and on_continuum != "ignore":
        shown = "; ".join(str(tuple(list(s) for s in c)) for c in sol.continua[:4])
        more = f" and {len(sol.continua) - 4} more" if len(sol.continua) > 4 else ""
        message = (f"{len(sol.continua)} support profile(s) hold a possible continuum of "
                   f"equilibria that is not enumerated (supports {shown}{more}); the "
                   f"{len(sol.equilibria)} equilibria returned are the isolated ones and those "
                   "pinned down by extra best replies")
        if on_continuum == "raise":
            raise SolverError(message)
        import warnings

        warnings.warn(message, ContinuumWarning, stacklevel=4)
    return [(e.profile, e.payoffs) for e in sol.equilibria]
