r"""Mixed perfect Bayesian equilibria of small game trees, exactly, by support enumeration.

Fix a *pattern*: at every information set :math:`h` a support :math:`S_h` (the actions
played with positive probability) and a set of best replies :math:`B_h \supseteq S_h`.
Which information sets the behaviour reaches from the root of their smallest subgame
depends on the supports alone (a node is reached iff every action on its path lies in a
support and every chance move on it has positive probability). Write :math:`P(x)` for
the probability of node :math:`x` given the last common ancestor of the nodes of its
information set, with player :math:`i`'s own actions left out (the probability given the
subgame's root is :math:`P(x)` times a factor common to the set's nodes, and by perfect
recall so are :math:`i`'s own actions), and :math:`V_i(y)` for :math:`i`'s expected
payoff from node :math:`y` on. At a reached set :math:`h` of player :math:`i`, with
:math:`a_0` the first action of :math:`S_h`, the actions of :math:`B_h` must be equally
good against the Bayes belief:

.. math::

    \sum_{x \in h} P(x) \,\bigl[V_i(x a) - V_i(x a_0)\bigr] = 0
    \qquad (a \in B_h \setminus \{a_0\}),

which is Bayes' rule multiplied by a positive number. These equations are polynomial
(multilinear in the behaviour probabilities of each information set) in the unknowns
:math:`b_h(a)`, :math:`a \in S_h` with :math:`|S_h| > 1` (one per support eliminated by
the sum). A lexicographic Groebner basis decides whether the system is inconsistent,
finite (every real solution is found) or positive-dimensional, as in
:mod:`gametheory.solve.nplayer_support` for normal forms; before a positive-dimensional
verdict, factors that are support probabilities (positive by construction, so their zero
sets lie outside the region sought) are removed from the equations and the basis redone.

Information sets that the supports leave unreached carry no equation: their belief is
free, and the behaviour there only has to be a best reply to *some* belief. Every
candidate with all support probabilities positive is therefore verified in full by the
pure solver's check (:mod:`gametheory.solve.tree_pbe`): at every information set, every
pure continuation (a choice there and at each of the player's later sets) against the
Bayes belief on the path, and off the path the exact set of supporting beliefs (a
:class:`~gametheory.solve.signaling.BeliefSet`, non-empty by exact LP). What is returned
is verified; nothing unverified is returned.

First each support profile is solved with :math:`B_h = S_h`. When its equations leave a
positive-dimensional set (a *continuum*, for instance an unreached player mixing with
nothing to pin the mixture down), the points where it ends are found as the isolated
solutions with larger best-reply sets :math:`B_h` at the reached sets (another action
becomes just as good) or with smaller supports (a probability reaches 0), as the
signalling solver (:mod:`gametheory.solve.signaling_mixed`) finds the vertices of its
polytopes. The support profile is then listed in :attr:`MixedPBESolution.continua` (a
*possible* continuum: its points are not enumerated, and the set may miss the region
where the inequalities hold).

Limits. At most ``MAX_TREE_SUPPORTS`` support profiles :math:`\prod_h (2^{|A_h|}-1)`
(:class:`~gametheory.errors.SolverError` beyond). An end of a continuum where an
*unreached* set's belief set becomes empty (possible when the behaviour after it mixes)
is not found, because such sets carry no equation. A candidate with irrational
probabilities (possible with three or more players) raises
:class:`~gametheory.errors.SolverError` rather than being dropped: the belief-set LP is
over the rationals. Payoffs are read exactly (floats at their binary value).

Measured (one core): Selten's horse (27 support profiles) 0.25 s; Beer-Quiche as a tree
(81) 0.3-0.7 s; signalling trees with 243 to 441 profiles 1-3 s. The signalling solver
is faster on signalling games (it exploits their bilinear structure).

Examples
--------
Matching pennies after an entry decision: the row player may stay Out (payoff 1/4 to it)
or go In to play matching pennies (1 to the matcher R, 0 to C, or the reverse). The
subgame's only equilibrium mixes half and half, worth 1/2 > 1/4 to R, so R enters: the
tree's only PBE, in which C's belief is the Bayes posterior of R's mixture.

>>> import gametheory as gt
>>> T = gt.GameTree
>>> def mp(h, t):
...     return T.decision("C", {"h": T.terminal(*h), "t": T.terminal(*t)}, "guess")
>>> game = T(T.decision("R", {"Out": T.terminal("1/4", 1),
...     "In": T.decision("R", {"H": mp((1, 0), (0, 1)), "T": mp((0, 1), (1, 0))}, "coin")},
...     "enter"), players=("R", "C"))
>>> sol = mixed_perfect_bayesian_equilibria(game)
>>> for e in sol:
...     print(e.describe())
R: In at enter, 1/2 H + 1/2 T at coin; C: 1/2 h + 1/2 t  (payoffs 1/2, 1/2); beliefs guess:
mu(In > H) = 1/2, mu(In > T) = 1/2
>>> sol.continua
()
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import sympy as sp

from .._numbers import format_number
from ..errors import SolverError
from .exact_linalg import rref
from .nplayer_support import _as_value
from .signaling import BeliefSet
from .tree_pbe import Assessment, Behaviour, _check_pure, _Engine, describe_assessment

if TYPE_CHECKING:  # pragma: no cover
    from ..core.tree import GameTree

__all__ = ["MixedPerfectBayesianAssessment", "MixedPBESolution",
           "mixed_perfect_bayesian_equilibria", "MAX_TREE_SUPPORTS"]

#: Most support profiles :func:`mixed_perfect_bayesian_equilibria` enumerates.
MAX_TREE_SUPPORTS = 5_000

_F0, _F1 = Fraction(0), Fraction(1)
Pattern = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class MixedPerfectBayesianAssessment:
    """A (possibly mixed) perfect Bayesian equilibrium of a tree with its beliefs.

    Attributes
    ----------
    players : tuple of str
    behaviour : dict
        ``{information set name: {action: probability}}`` (positive probabilities only).
    owners : dict
        ``{information set name: player}``.
    beliefs : dict
        ``{information set name: {node label: probability}}`` by Bayes' rule where the
        behaviour reaches the set (sets of more than one node).
    off_path : dict
        ``{information set name: BeliefSet}``: every belief supporting the behaviour at
        an unreached set.
    payoffs : tuple of Fraction
        Expected payoffs at the root.
    """

    players: tuple[str, ...]
    behaviour: dict[str, dict[str, Fraction]]
    owners: dict[str, str]
    beliefs: dict[str, dict[str, Fraction]]
    off_path: dict[str, BeliefSet]
    payoffs: tuple[Fraction, ...]

    @property
    def is_pure(self) -> bool:
        return all(len(d) == 1 for d in self.behaviour.values())

    @property
    def support(self) -> Pattern:
        """``{information set name: actions played}``."""
        return {h: tuple(d) for h, d in self.behaviour.items()}

    def assessment(self, beliefs: Mapping[str, Mapping[str, Any]] | None = None) -> Assessment:
        """The :class:`~gametheory.solve.tree_pbe.Assessment` with the Bayes beliefs and,
        off path, ``beliefs`` where given, else a vertex of each supporting set."""
        chosen: dict[str, Mapping[str, Any]] = dict(self.beliefs)
        for name, bs in self.off_path.items():
            chosen[name] = (beliefs or {}).get(name) or bs.point()
        return Assessment({h: dict(d) for h, d in self.behaviour.items()}, chosen)

    def describe(self) -> str:
        def mix(d: Mapping[str, Fraction]) -> str:
            if len(d) == 1:
                return next(iter(d))
            return " + ".join(f"{format_number(p)} {a}" for a, p in d.items())

        return describe_assessment(self, ((h, mix(d)) for h, d in self.behaviour.items()))

    def __repr__(self) -> str:
        return f"MixedPerfectBayesianAssessment({self.describe()})"


@dataclass(frozen=True)
class MixedPBESolution:
    """The extreme perfect Bayesian equilibria of a tree and its possible continua.

    Iterating gives the equilibria (pure ones first, then by number of mixed
    information sets, support and probabilities). ``continua`` lists the support
    profiles whose indifference equations leave a positive-dimensional set (their points
    are not enumerated; their ends are among the equilibria). ``profiles`` is the number
    of support profiles enumerated.
    """

    equilibria: tuple[MixedPerfectBayesianAssessment, ...]
    continua: tuple[Pattern, ...]
    profiles: int

    def __iter__(self) -> Iterator[MixedPerfectBayesianAssessment]:
        return iter(self.equilibria)

    def __len__(self) -> int:
        return len(self.equilibria)

    def __getitem__(self, i: int) -> MixedPerfectBayesianAssessment:
        return self.equilibria[i]


def _subsets(items: Sequence[str]) -> list[tuple[str, ...]]:
    return [c for k in range(1, len(items) + 1) for c in itertools.combinations(items, k)]


def _supersets(support: tuple[str, ...], actions: Sequence[str]) -> list[tuple[str, ...]]:
    rest = [a for a in actions if a not in support]
    return [tuple(a for a in actions if a in support or a in extra)
            for k in range(len(rest) + 1) for extra in itertools.combinations(rest, k)]


class _Pattern:
    """The symbolic behaviour of one support profile, what it reaches and its values."""

    def __init__(self, eng: _Engine, supports: Sequence[tuple[str, ...]]) -> None:
        self.eng = eng
        self.supports = supports
        self.unknowns: list[sp.Symbol] = []
        self.positive: list[sp.Expr] = []  # the support probabilities, each > 0
        b: Behaviour = {}
        for h, S in zip(eng.sets, supports, strict=True):
            xs = [sp.Symbol(f"b{h.index}_{k}") for k in range(1, len(S))]
            self.unknowns += xs
            first = 1 - sum(xs, sp.Integer(0))
            b[h.index] = dict(zip(S, [first, *xs], strict=True))
            if xs:
                self.positive += [first, *xs]
        self.b = b
        self.value = eng.values(b)
        # P(x) with the owner's own actions left out, from the subgame root (whether the
        # set is reached) and from the set's last common ancestor (the same up to a factor
        # common to the set's nodes, left out of the equations)
        self.weight: dict[int, dict[int, Any]] = {}
        self.reached: list[bool] = []
        for h in eng.sets:
            r = eng.sub_root[h.index]
            self.reached.append(any(self._weight(x, r, h.player) != 0 for x in h.nodes))
            top = h.nodes[0]
            while not all(top <= x < eng.nodes[top].end for x in h.nodes):
                top = eng.nodes[top].parent
            self.weight[h.index] = {x: self._weight(x, top, h.player) for x in h.nodes}

    def _weight(self, x: int, root: int, player: int) -> Any:
        nodes, eng = self.eng.nodes, self.eng
        out: Any = _F1
        while x != root:
            p = nodes[x].parent
            n = nodes[p]
            k = n.children.index(x)
            if n.kind == "chance":
                out *= eng.prob[p][k]
            else:
                a = n.actions[k]
                dist = self.b[n.infoset]
                if a not in dist:
                    return _F0
                if eng.sets[n.infoset].player != player:
                    out *= dist[a]
            x = p
        return out

    def equations(self, best: Sequence[tuple[str, ...]]) -> list[sp.Expr] | None:
        """The indifference equations for best-reply sets ``best`` (None: inconsistent)."""
        eng = self.eng
        out = []
        for h, S, B in zip(eng.sets, self.supports, best, strict=True):
            if not self.reached[h.index] or len(B) < 2:
                continue
            i = h.player
            a0 = S[0]
            for a in B:
                if a == a0:
                    continue
                total: Any = sp.Integer(0)
                for x in h.nodes:
                    n = eng.nodes[x]
                    ya, y0 = (n.children[n.actions.index(c)] for c in (a, a0))
                    total += self.weight[h.index][x] * (self.value[ya][i] - self.value[y0][i])
                e = sp.expand(total)
                if e == 0:
                    continue
                if e.is_number:
                    return None
                out.append(e)
        return out

    def strip(self, e: sp.Expr) -> sp.Expr:
        """``e`` without its factors that are support probabilities (positive)."""
        _, factors = sp.factor_list(e, *self.unknowns)
        keep = sp.Integer(1)
        for f, k in factors:
            if any(sp.expand(f - c * p) == 0 for p in self.positive for c in (1, -1)):
                continue
            keep *= f ** k
        return sp.expand(keep)


def _solve(pat: _Pattern, best: Sequence[tuple[str, ...]]
           ) -> tuple[list[dict[sp.Symbol, Fraction]], bool]:
    """Solutions with every support probability positive, and whether the system is
    positive-dimensional."""
    eqs = pat.equations(best)
    if eqs is None:
        return [], False
    xs = pat.unknowns
    if not xs:
        return [{}], False
    if not eqs:
        return [], True
    linear = _linear_solution(eqs, xs)
    if linear is not None:
        points, continuum = linear
        return [p for p in points if all(_fraction(q, p) > 0 for q in pat.positive)], continuum
    basis = sp.groebner(eqs, *xs, order="lex")
    if not basis.is_zero_dimensional and list(basis.exprs) != [1] and pat.positive:
        # a factor that is a support probability adds a component where it vanishes,
        # outside the region sought: the system without such factors has the same
        # positive solutions and a smaller variety
        basis = sp.groebner([pat.strip(e) for e in eqs], *xs, order="lex")
    if list(basis.exprs) == [1]:
        return [], False
    if not basis.is_zero_dimensional:
        return [], True
    out = []
    for sol in sp.solve_poly_system(list(basis.exprs), *xs):
        point = dict(zip(xs, sol, strict=True))
        vals = [sp.expand(p.subs(point)) for p in pat.positive]
        if not all(v.is_real and v.is_positive for v in vals):
            continue
        exact = {x: _as_value(sp.expand(v)) for x, v in point.items()}
        if not all(isinstance(v, Fraction) for v in exact.values()):
            raise SolverError("a candidate equilibrium has irrational probabilities "
                              f"({dict(point)}); this solver verifies rational ones only")
        out.append(exact)
    return out, False


def _linear_solution(eqs: Sequence[sp.Expr], xs: Sequence[sp.Symbol]
                     ) -> tuple[list[dict[sp.Symbol, Fraction]], bool] | None:
    """The solutions of linear equations by exact row reduction (None if not linear)."""
    rows = []
    for e in eqs:
        row = [_F0] * (len(xs) + 1)
        for monom, c in sp.Poly(e, *xs).terms():
            if sum(monom) > 1:
                return None
            k = monom.index(1) if sum(monom) else len(xs)
            row[k] = Fraction(int(c.p), int(c.q)) * (1 if sum(monom) else -1)
        rows.append(row)
    red, pivots = rref(rows)
    if len(xs) in pivots:
        return [], False  # 0 = 1
    if len(pivots) < len(xs):
        return [], True
    return [{x: red[k][-1] for k, x in enumerate(xs)}], False


def _fraction(p: sp.Expr, sol: Mapping[sp.Symbol, Fraction]) -> Fraction:
    v = sp.expand(sp.sympify(p).subs({x: sp.Rational(q.numerator, q.denominator)
                                      for x, q in sol.items()}))
    return Fraction(int(v.p), int(v.q))


def mixed_perfect_bayesian_equilibria(tree: GameTree,
                                      max_profiles: int = MAX_TREE_SUPPORTS,
                                      **values: Any) -> MixedPBESolution:
    """Every extreme perfect Bayesian equilibrium of a small tree, pure or mixed, exactly.

    See the module docstring for the method and its limits. Symbolic trees are evaluated
    at ``values`` first. Each equilibrium is verified by the pure solver's check
    (sequential rationality against every continuation at every information set, Bayes'
    rule on the path, a non-empty supporting belief set off it).

    Raises
    ------
    SolverError
        More than ``max_profiles`` support profiles, information sets without distinct
        names, non-numeric payoffs, or an irrational candidate.

    Examples
    --------
    See the module docstring (matching pennies after entry).
    """
    tree = tree.numeric(values, "mixed_perfect_bayesian_equilibria()")
    eng = _Engine(tree)
    sets = eng.sets
    count = math.prod(2 ** len(h.actions) - 1 for h in sets)
    if count > max_profiles:
        raise SolverError(f"the tree has {count:,} support profiles; the mixed PBE solver "
                          f"enumerates at most {max_profiles:,} (ask for pure PBE instead)")
    found: dict[tuple, tuple[tuple, MixedPerfectBayesianAssessment]] = {}
    continua: list[Pattern] = []
    for supports in itertools.product(*(_subsets(h.actions) for h in sets)):
        pat = _Pattern(eng, supports)
        sols, continuum = _solve(pat, supports)
        if continuum:
            continua.append({h.name: S for h, S in zip(sets, supports, strict=True)})
            grow = [_supersets(S, h.actions) if pat.reached[h.index] else [S]
                    for h, S in zip(sets, supports, strict=True)]
            for best in itertools.product(*grow):
                if tuple(best) != tuple(supports):
                    sols += _solve(pat, best)[0]
        for sol in sols:
            b = {h: {a: _fraction(p, sol) for a, p in d.items()} for h, d in pat.b.items()}
            key = tuple((h, tuple(sorted(d.items()))) for h, d in sorted(b.items()))
            if key in found:
                continue
            checked = _check_pure(eng, b)
            if checked is None:
                continue
            beliefs, off = checked
            order = (sum(len(S) > 1 for S in supports),
                     tuple(tuple(h.actions.index(a) for a in S)
                           for h, S in zip(sets, supports, strict=True)),
                     tuple(-p for _, d in key for _, p in d))
            found[key] = (order, MixedPerfectBayesianAssessment(
                tree.players, {h.name: b[h.index] for h in sets},
                {h.name: tree.players[h.player] for h in sets}, beliefs, off,
                eng.values(b)[0]))
    ordered = [e for _, e in sorted(found.values(), key=lambda t: t[0])]
    return MixedPBESolution(tuple(ordered), tuple(continua), count)
