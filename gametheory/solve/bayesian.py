r"""Bayes-Nash equilibria of two-player Bayesian games and the prior thresholds where they change.

A *Bayes-Nash equilibrium* (Harsanyi 1967-68) is a Nash equilibrium of the game's
Harsanyi normal form (:meth:`~gametheory.core.bayesian.BayesianGame.to_normal_form`),
whose strategies map types to actions. When every type has positive prior probability
it is equivalently a profile in which each type :math:`t_i` best responds, given its
*interim* belief :math:`p(t_{-i} \mid t_i)`, to the others' strategies (Osborne 2004,
ch. 9). A mixed equilibrium of the Harsanyi form is reported as what it means for play,
a probability over actions for each type (the marginal of the mixture at that type), so
realisation-equivalent mixtures appear once.

*Prior thresholds.* When the prior depends on a parameter :math:`\rho`, a pure profile
is an equilibrium iff finitely many differences :math:`U_i(s) - U_i(s_i', s_{-i})` are
non-negative. Each is a function of :math:`\rho`; the equilibrium set can change only
where one of them changes sign or where the support structure of a mixed equilibrium
changes. :func:`prior_threshold` solves these differences for :math:`\rho`: in closed
form when they are linear in :math:`\rho` (exactly, in the other parameters, when those
are left free), by exact real-root isolation when they are polynomial and the other
parameters are fixed, and otherwise by bisection to a stated tolerance; with numbers
fixed it keeps only the values where the equilibrium set actually changes, and finds
changes of mixed equilibria by bisection as well.

References: J. C. Harsanyi (1967-68), Games with incomplete information played by
"Bayesian" players, parts I-III, *Management Science* 14, 159-182, 320-334, 486-502.
M. J. Osborne (2004), *An Introduction to Game Theory*, Oxford, ch. 9.

Examples
--------
>>> import gametheory as gt
>>> from gametheory.solve.bayesian import bayes_nash_equilibria
>>> g = gt.BayesianGame(("A", "B"), (("-",), ("h", "l")), (("U", "D"), ("L", "R")),
...     prior={"B": {"h": "1/2", "l": "1/2"}},
...     payoffs={"h": ([[1, 0], [0, 1]], [[1, 0], [0, 1]]),
...              "l": ([[1, 0], [0, 1]], [[0, 1], [1, 0]])})
>>> [e.describe() for e in bayes_nash_equilibria(g, pure=True)]
['A: U; B: L if h, R if l  (payoffs 1/2, 1)', 'A: D; B: R if h, L if l  (payoffs 1/2, 1)']
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy as sp

from .._numbers import NotANumber, format_number, to_number
from .._roots import real_roots
from ..core.bayesian import BayesianGame
from ..core.game import Equilibrium, NormalFormGame
from ..core.parameters import check_names
from ..core.results import EquilibriumList
from ..core.values import parameter_bounds, parameter_name
from ..errors import GameError, ParameterError

__all__ = ["BayesNashEquilibrium", "PriorThreshold", "bayes_nash_equilibria", "prior_threshold"]

#: Grid points per interval when scanning for sign changes and mixed-equilibrium changes.
SCAN_POINTS = 64


@dataclass(frozen=True)
class BayesNashEquilibrium:
    """A Bayes-Nash equilibrium, as behaviour per type.

    Attributes
    ----------
    players : pair of str
    types, actions : pair of tuples of labels
    behaviour : pair of tuples
        ``behaviour[i][k]`` is the probability vector over player ``i``'s actions played
        by its ``k``-th type.
    payoffs : pair
        Ex-ante expected payoffs.
    interim : pair of tuples
        Each type's expected payoff given its own type (``None`` for a type of prior
        probability zero).
    equilibrium : Equilibrium
        One Harsanyi normal-form equilibrium that induces this behaviour.
    """

    players: tuple[str, str]
    types: tuple[tuple[str, ...], tuple[str, ...]]
    actions: tuple[tuple[str, ...], tuple[str, ...]]
    behaviour: tuple[tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...]]
    payoffs: tuple[Any, Any]
    interim: tuple[tuple[Any, ...], tuple[Any, ...]] = field(compare=False)
    equilibrium: Equilibrium | None = field(default=None, compare=False)

    @property
    def is_pure(self) -> bool:
        """True when every type plays one action for sure."""
        return all(sum(1 for q in vec if q > 0) == 1 for side in self.behaviour for vec in side)

    def action(self, player: str | int, type_: str) -> dict[str, Any]:
        """``{action: probability}`` of one type of one player (positive entries)."""
        i = player if isinstance(player, int) else self.players.index(player)
        vec = self.behaviour[i][self.types[i].index(type_)]
        return {a: q for a, q in zip(self.actions[i], vec, strict=True) if q > 0}

    def describe(self) -> str:
        parts = []
        for i in range(2):
            per_type = []
            for t, vec in zip(self.types[i], self.behaviour[i], strict=True):
                mix = " + ".join(a if q == 1 else f"{format_number(q)} {a}"
                                 for a, q in zip(self.actions[i], vec, strict=True) if q > 0)
                if len(self.types[i]) == 1:
                    per_type.append(mix)
                else:
                    per_type.append(f"{mix} if {t}" if "+" not in mix else f"({mix}) if {t}")
            parts.append(f"{self.players[i]}: {', '.join(per_type)}")
        pay = ", ".join(format_number(v) for v in self.payoffs)
        return f"{'; '.join(parts)}  (payoffs {pay})"

    def table_row(self) -> tuple[tuple[tuple[str, str], Any], ...]:
        """Cells ``((player, "action if type"), probability)``, then the payoffs.

        A player with one type has plain action labels.
        """
        cells: list[tuple[tuple[str, str], Any]] = []
        for i in range(2):
            one = len(self.types[i]) == 1
            for t, vec in zip(self.types[i], self.behaviour[i], strict=True):
                cells += [((self.players[i], a if one else f"{a} if {t}"), q)
                          for a, q in zip(self.actions[i], vec, strict=True)]
        cells += [(("payoff", p), v) for p, v in zip(self.players, self.payoffs, strict=True)]
        return tuple(cells)

    def __repr__(self) -> str:
        return f"BayesNashEquilibrium({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"


@dataclass(frozen=True)
class PriorThreshold:
    """A value of a prior parameter at which the Bayes-Nash equilibria change.

    Attributes
    ----------
    parameter : str
    value :
        The threshold: a sympy expression in the other parameters (``method ==
        "symbolic"``), an exact number (``"exact"``), or a float (``"bisection"``).
    method : str
        ``"symbolic"``, ``"exact"`` or ``"bisection"``.
    tolerance : float or None
        Width of the final bisection bracket (``None`` when exact).
    profiles : tuple of pairs of str
        Pure Harsanyi profiles whose equilibrium condition has a boundary here.
    below, above : tuple of BayesNashEquilibrium
        The equilibria at ``below_at`` and ``above_at``, sample points on either side
        (numeric thresholds only).
    below_at, above_at :
        Those sample points.
    """

    parameter: str
    value: Any
    method: str
    tolerance: float | None = None
    profiles: tuple[tuple[str, str], ...] = ()
    below: tuple[BayesNashEquilibrium, ...] = field(default=(), compare=False)
    above: tuple[BayesNashEquilibrium, ...] = field(default=(), compare=False)
    below_at: Any = field(default=None, compare=False)
    above_at: Any = field(default=None, compare=False)

    def describe(self) -> str:
        val = format_number(self.value) if isinstance(self.value, Fraction | float) \
            else str(self.value)
        tol = f" (+-{self.tolerance:.1e})" if self.tolerance else ""
        text = f"{self.parameter} = {val}{tol} [{self.method}]"
        if self.below or self.above:
            b = "; ".join(e.describe() for e in self.below) or "none"
            a = "; ".join(e.describe() for e in self.above) or "none"
            text += f": below {b} | above {a}"
        elif self.profiles:
            text += ": boundary of " + "; ".join(f"({r}, {c})" for r, c in self.profiles)
        return text

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        return f"PriorThreshold({self.describe()})"



def bayes_nash_equilibria(game: BayesianGame, pure: bool = False, **values: Any
                          ) -> list[BayesNashEquilibrium]:
    """Bayes-Nash equilibria: the Harsanyi form's extreme equilibria, per type.

    Symbolic games are evaluated at ``values`` (defaults fill the rest). Mixtures that
    induce the same behaviour at every type are reported once. ``pure=True`` returns
    only the pure equilibria (fast on large Harsanyi forms).

    >>> import gametheory as gt
    >>> g = gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U", "D"), ("L", "R")),
    ...     prior={"B": {"h": "1/4", "l": "3/4"}},
    ...     payoffs={"h": ([[4, 0], [0, 0]], [[1, 0], [0, 1]]),
    ...              "l": ([[0, 0], [0, 4]], [[0, 1], [1, 0]])})
    >>> [e.describe() for e in bayes_nash_equilibria(g) if e.is_pure]
    ['A: D; B: R if h, L if l  (payoffs 0, 1)']
    """
    if game.is_symbolic:
        game = game.at(**values)
    elif values:
        raise ParameterError(f"the game has no parameters, got {sorted(values)}")
    return EquilibriumList(_equilibria(game, pure))


def _equilibria(game: BayesianGame, pure: bool = False) -> list[BayesNashEquilibrium]:
    """The Bayes-Nash equilibria of a numeric game, one per distinct behaviour."""
    nf = game.to_normal_form()
    out: list[BayesNashEquilibrium] = []
    seen = set()
    for eq in (nf.pure_equilibria() if pure else nf.equilibria()):
        bne = _per_type(game, nf, eq)
        key = bne.behaviour
        if key not in seen:
            seen.add(key)
            out.append(bne)
    return out


def _per_type(game: BayesianGame, nf: NormalFormGame, eq: Equilibrium) -> BayesNashEquilibrium:
    behaviour = []
    for i, mix in enumerate((eq.row, eq.col)):
        strategies = game.strategies(i)
        per_type = []
        for k in range(len(game.types[i])):
            vec = []
            for a in game.actions[i]:
                vec.append(sum((x for s, x in zip(strategies, mix, strict=True)
                                if s[k] == a), start=Fraction(0) if nf.is_exact else 0.0))
            per_type.append(tuple(vec))
        behaviour.append(tuple(per_type))
    interim = _interim(game, behaviour)
    return BayesNashEquilibrium(game.players, game.types, game.actions,
                                (behaviour[0], behaviour[1]), eq.payoffs, interim, eq)


def _interim(game: BayesianGame, behaviour: Sequence[Sequence[Sequence[Any]]]
             ) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    out = []
    for i in range(2):
        vals = []
        for k, t in enumerate(game.types[i]):
            mass: Any = 0
            total: Any = 0
            for kk, u in enumerate(game.types[1 - i]):
                prof = (t, u) if i == 0 else (u, t)
                p = game.prior(*prof)
                if p == 0:
                    continue
                mass += p
                mat = game.payoffs(*prof)[i]
                x = behaviour[0][k if i == 0 else kk]
                y = behaviour[1][kk if i == 0 else k]
                total += p * sum(x[a] * mat[a][b] * y[b] for a in range(len(x))
                                 for b in range(len(y)))
            vals.append(total / mass if mass else None)
        out.append(tuple(vals))
    return out[0], out[1]


# --------------------------------------------------------------------------- thresholds

def prior_threshold(game: BayesianGame, parameter: str, *, lower: Any = None, upper: Any = None,
                    tol: float = 1e-12, **values: Any) -> list[PriorThreshold]:
    """Values of a prior parameter at which the Bayes-Nash equilibria change.

    Parameters
    ----------
    parameter : str
        The parameter to vary (usually one the prior depends on).
    lower, upper : number, optional
        The range searched; default the parameter's bounds, else [0, 1].
    tol : float
        Bracket width at which bisection stops.
    **values
        Values of other parameters. Parameters left out stay symbolic: then the
        thresholds are closed forms in them, from the boundaries of the pure
        profiles' equilibrium conditions that are linear in ``parameter``
        (``method == "symbolic"``). When no other parameter remains, the thresholds
        are the points where the equilibrium set changes, exact where the conditions
        are polynomial in ``parameter`` and by bisection otherwise, with the
        equilibria on either side.

    Examples
    --------
    >>> import gametheory as gt
    >>> bos = gt.BayesianGame(("P1", "P2"), (("-",), ("meet", "avoid")),
    ...     (("B", "S"), ("B", "S")), prior={"P2": {"meet": "p", "avoid": "1 - p"}},
    ...     payoffs={"meet": ([[2, 0], [0, 1]], [[1, 0], [0, 2]]),
    ...              "avoid": ([[2, 0], [0, 1]], [[0, 2], [1, 0]])}, parameters=["p"])
    >>> [(str(t.value), t.method) for t in prior_threshold(bos, "p")]
    [('1/3', 'exact'), ('2/3', 'exact')]
    """
    if not game.is_symbolic:
        raise GameError("the game has no parameters; prior_threshold() needs a symbolic "
                        "prior or payoffs")
    check_names(game.parameters, [parameter])
    if parameter in values:
        raise ParameterError(f"{parameter!r} is the parameter to vary; do not give it a "
                             "value")
    x = game.symbols[parameter]
    lo, hi = _range(game, parameter, lower, upper)
    subs = game.substitution(values, fill_defaults=False)
    p = game.to_normal_form()
    A = p.A.xreplace(subs)
    B = p.B.xreplace(subs)
    free = set().union(*(e.free_symbols for e in (*A, *B)))
    others = free - {x}
    if others:
        return _symbolic_thresholds(parameter, x, A, B, lo, hi, p.strategies)
    return _numeric_thresholds(game, parameter, x, A, B, lo, hi, tol, values,
                                    p.strategies)


def _range(game: BayesianGame, parameter: str, lower: Any, upper: Any) -> tuple[Fraction, Fraction]:
    spec = next(p for p in game.parameters if parameter_name(p) == parameter)
    bounds = parameter_bounds(spec)
    lo = lower if lower is not None else bounds[0] if bounds[0] is not None else 0
    hi = upper if upper is not None else bounds[1] if bounds[1] is not None else 1
    try:
        lo_v, hi_v = to_number(lo), to_number(hi)
    except NotANumber as err:
        raise ParameterError(f"range of {parameter!r}: {err}") from None
    if not lo_v < hi_v:
        raise ParameterError(f"range of {parameter!r} is empty: [{lo}, {hi}]")
    return Fraction(lo_v), Fraction(hi_v)


def _deviations(A: Any, B: Any, i: int, j: int) -> list[Any]:
    m, n = A.shape
    diffs = [sp.expand(A[i, j] - A[k, j]) for k in range(m) if k != i]
    diffs += [sp.expand(B[i, j] - B[i, ll]) for ll in range(n) if ll != j]
    return diffs


def _symbolic_thresholds(parameter: str, x: sp.Symbol, A: Any, B: Any,
                         lo: Fraction, hi: Fraction,
                         labels: tuple[tuple[str, ...], tuple[str, ...]]
                         ) -> list[PriorThreshold]:
    found: list[tuple[Any, list[tuple[str, str]]]] = []
    m, n = A.shape
    for i in range(m):
        for j in range(n):
            diffs = _deviations(A, B, i, j)
            if any(not d.free_symbols and d < 0 for d in diffs):
                continue
            numeric = [d for d in diffs if d.free_symbols == {x}]
            if numeric and not _feasible_somewhere(numeric, x, lo, hi):
                continue
            for d in diffs:
                if x not in d.free_symbols or d.free_symbols == {x}:
                    continue
                poly = sp.Poly(d, x) if d.is_polynomial(x) else None
                if poly is None or poly.degree() != 1:
                    raise ParameterError(
                        f"the equilibrium condition {d} >= 0 of ({labels[0][i]}, "
                        f"{labels[1][j]}) is not linear in {parameter!r}; give values for "
                        f"the other parameters {sorted(s.name for s in d.free_symbols - {x})}"
                        " to get a numeric threshold")
                a, b = poly.all_coeffs()
                root = sp.simplify(-b / a)
                _add_root(found, root, (labels[0][i], labels[1][j]))
    # roots of deviations in the parameter alone (numeric coefficients) are kept too
    for i in range(m):
        for j in range(n):
            diffs = _deviations(A, B, i, j)
            if any(not d.free_symbols and d < 0 for d in diffs):
                continue
            numeric = [d for d in diffs if d.free_symbols == {x}]
            if not numeric or not _feasible_somewhere(numeric, x, lo, hi):
                continue
            for d in numeric:
                for r in _real_roots(d, x, lo, hi):
                    _add_root(found, r, (labels[0][i], labels[1][j]))
    out = [PriorThreshold(parameter, _clean(r), "symbolic", None, tuple(profs))
           for r, profs in found]
    return sorted(out, key=lambda t: str(t.value))


def _add_root(found: list[tuple[Any, list[tuple[str, str]]]], root: Any,
              profile: tuple[str, str]) -> None:
    for r, profs in found:
        if sp.simplify(r - root) == 0:
            if profile not in profs:
                profs.append(profile)
            return
    found.append((root, [profile]))


def _numeric_thresholds(game: BayesianGame, parameter: str, x: sp.Symbol, A: Any, B: Any,
                        lo: Fraction, hi: Fraction, tol: float, values: Mapping[str, Any],
                        labels: tuple[tuple[str, ...], tuple[str, ...]]
                        ) -> list[PriorThreshold]:
    m, n = A.shape
    cands: dict[Any, tuple[str, set[tuple[str, str]]]] = {}

    def add(r: Any, method: str, prof: tuple[str, str]) -> None:
        for key in cands:
            if abs(float(key) - float(r)) <= max(tol, 1e-15):
                cands[key][1].add(prof)
                return
        cands[r] = (method, {prof})

    for i in range(m):
        for j in range(n):
            for d in _deviations(A, B, i, j):
                if x not in d.free_symbols:
                    continue
                prof = (labels[0][i], labels[1][j])
                if d.is_polynomial(x) or sp.fraction(sp.together(d))[0].is_polynomial(x):
                    for r in _real_roots(d, x, lo, hi):
                        add(r, "exact", prof)
                else:
                    for r in _bisect_roots(sp.lambdify(x, d, "math"), lo, hi, tol):
                        add(r, "bisection", prof)
    name = parameter

    def bnes(v: Any) -> list[BayesNashEquilibrium]:
        return _equilibria(game.at(**{**values, name: _point(v)}))

    def signature(v: Any) -> frozenset:
        return frozenset(_support_key(e) for e in bnes(v))

    points = sorted(cands, key=float)
    edges = [lo, *points, hi]
    # scan each open interval between candidates for changes of mixed equilibria
    extra: list[Any] = []
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        fa, fb = float(a), float(b)
        grid = [fa + (fb - fa) * (k + 0.5) / 8 for k in range(8)]
        sigs = [signature(Fraction(g)) for g in grid]
        for g0, g1, s0, s1 in zip(grid[:-1], grid[1:], sigs[:-1], sigs[1:], strict=True):
            if s0 != s1:
                left, right = g0, g1
                while right - left > tol:
                    mid = (left + right) / 2
                    if signature(Fraction(mid)) == s0:
                        left = mid
                    else:
                        right = mid
                extra.append((left + right) / 2)
    for r in extra:
        cands.setdefault(r, ("bisection", set()))
    points = sorted(cands, key=float)
    edges = [lo, *points, hi]
    out = []
    for k, r in enumerate(points):
        below_at = _midpoint(edges[k], r)
        above_at = _midpoint(r, edges[k + 2])
        below, above = bnes(below_at), bnes(above_at)
        if {_support_key(e) for e in below} == {_support_key(e) for e in above}:
            continue
        method, profs = cands[r]
        out.append(PriorThreshold(parameter, _clean(r), method,
                                  tol if method == "bisection" else None,
                                  tuple(sorted(profs)), tuple(below), tuple(above),
                                  below_at, above_at))
    return out


# --------------------------------------------------------------------------- helpers
def _point(v: Any) -> Any:
    if isinstance(v, Fraction | float | int):
        return v
    if isinstance(v, sp.Rational):
        return Fraction(int(v.p), int(v.q))
    return float(v)


def _clean(r: Any) -> Any:
    if isinstance(r, sp.Rational):
        return Fraction(int(r.p), int(r.q))
    return r


def _midpoint(a: Any, b: Any) -> Any:
    if isinstance(a, Fraction | int) and isinstance(b, Fraction | int):
        return Fraction(a + b) / 2
    if isinstance(a, sp.Rational | Fraction) and isinstance(b, sp.Rational | Fraction):
        return (_point(a) + _point(b)) / 2
    return (float(a) + float(b)) / 2


def _real_roots(d: sp.Expr, x: sp.Symbol, lo: Fraction, hi: Fraction) -> list[Any]:
    """The real zeros in ``(lo, hi)`` of the numerator of ``d``, ascending, as exact sympy
    numbers (Rationals, radicals or CRootOf; :mod:`gametheory._roots`)."""
    num = sp.fraction(sp.together(d))[0]
    poly = sp.Poly(sp.expand(num), x)
    if poly.degree() <= 0:
        return []
    return [r.exact(x) for r in real_roots(poly, lo=lo, hi=hi, closed=False)]


def _bisect_roots(f: Callable[[float], float], lo: Fraction, hi: Fraction, tol: float
                  ) -> list[float]:
    a, b = float(lo), float(hi)
    grid = [a + (b - a) * k / SCAN_POINTS for k in range(SCAN_POINTS + 1)]
    vals = []
    for g in grid:
        try:
            vals.append(float(f(g)))
        except (ValueError, ZeroDivisionError, OverflowError):
            vals.append(math.nan)
    roots = []
    for g0, g1, v0, v1 in zip(grid[:-1], grid[1:], vals[:-1], vals[1:], strict=True):
        if math.isnan(v0) or math.isnan(v1) or v0 * v1 > 0:
            continue
        if v0 == 0:
            if g0 != a:
                roots.append(g0)
            continue
        left, right = g0, g1
        while right - left > tol:
            mid = (left + right) / 2
            vm = float(f(mid))
            if vm == 0:
                left = right = mid
                break
            if (vm > 0) == (v0 > 0):
                left = mid
            else:
                right = mid
        r = (left + right) / 2
        if a < r < b:
            roots.append(r)
    return roots


def _feasible_somewhere(diffs: Sequence[sp.Expr], x: sp.Symbol, lo: Fraction,
                        hi: Fraction) -> bool:
    """Whether all ``d(x) >= 0`` hold on some open sub-interval of ``(lo, hi)``."""
    cuts = {lo, hi}
    for d in diffs:
        if d.is_polynomial(x):
            cuts.update(_real_roots(d, x, lo, hi))
    pts = sorted(cuts, key=float)
    for a, b in zip(pts[:-1], pts[1:], strict=True):
        mid = (sp.sympify(a) + sp.sympify(b)) / 2 if all(
            isinstance(v, Fraction | sp.Rational) for v in (a, b)) else (float(a) + float(b)) / 2
        if all(float(d.subs(x, mid)) >= 0 for d in diffs):
            return True
    return False


def _support_key(e: BayesNashEquilibrium) -> tuple:
    """The support pattern of an equilibrium (which actions each type uses)."""
    return tuple(tuple(tuple(q > 0 for q in vec) for vec in side) for side in e.behaviour)


