r"""The joint automaton of a profile and its discounted values, in exact arithmetic.

A profile of finite automata :math:`(M_1, M_2)` of a two-player stage game induces a
*joint automaton* on pairs of states :math:`w = (w_1, w_2)`, numbered
:math:`z = w_1 k_2 + w_2`; it plays :math:`f(w) = (f_1(w_1), f_2(w_2))` and moves to
:math:`\tau(w, f(w))`. The successor map is a functional graph: every path ends in a cycle
:math:`c_0 \to \dots \to c_{L-1} \to c_0`, and the discounted *average* values

.. math:: V(w) = (1-\delta)\, u(f(w)) + \delta\, V(\tau(w, f(w)))

are, on the cycle and then back along the paths into it,

.. math:: V(c_0) = \frac{\sum_{t<L} \delta^t u(f(c_t))}{\sum_{t<L} \delta^t},
          \qquad V(z) = (1-\delta)\, r(z) + \delta\, V(\mathrm{succ}(z)).

This is exact in the arithmetic of a :class:`Domain` (Fractions for a rational stage and
discount, floats, or a sympy rational-function field for a symbolic discount or a
parametric stage) and takes time linear in the number of joint states.
:class:`StageData` is the stage game reduced to what these computations need: labels,
payoff lists, and whether the stage is sequential.

Examples
--------
>>> from fractions import Fraction
>>> dom = Domain("fraction", Fraction(1, 2))
>>> V0, V1 = discounted_values({0: 1, 1: 0}, {0: 3, 1: 0}, {0: 0, 1: 3}, dom)
>>> V0[0], V1[0]
(Fraction(2, 1), Fraction(1, 1))
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..._numbers import NotANumber, format_number, to_number
from ...core.game import NormalFormGame
from ...core.parametric import ParametricGame
from ...errors import GameError, LabelError, ParameterError
from .automata import Automaton

__all__ = ["Domain", "StageData", "Joint", "discounted_values", "states_option"]

#: A stage game a repeated game can be built on.
Stage = NormalFormGame | ParametricGame


class Domain:
    """The arithmetic of one computation: Fractions, floats, or a sympy rational field.

    >>> Domain("float", 0.5).convert(Fraction(1, 4))
    0.25
    """

    def __init__(self, kind: str, delta: Any, field_: Any = None) -> None:
        self.kind = kind
        self.field = field_
        self.delta = delta
        if kind == "fraction":
            self.one, self.zero = Fraction(1), Fraction(0)
        elif kind == "float":
            self.one, self.zero = 1.0, 0.0
        else:
            self.one, self.zero = field_.one, field_.zero

    def convert(self, v: Any) -> Any:
        """A stage payoff as an element of this domain."""
        if self.kind == "fraction":
            return v
        if self.kind == "float":
            return float(v)
        import sympy

        if isinstance(v, Fraction):
            return self.field.from_expr(sympy.Rational(v.numerator, v.denominator))
        if isinstance(v, float):
            f = Fraction(v)
            return self.field.from_expr(sympy.Rational(f.numerator, f.denominator))
        return self.field.from_expr(sympy.Integer(v) if isinstance(v, int) else v)

    def output(self, v: Any) -> Any:
        """A value as the user sees it (sympy expressions for field elements)."""
        return v.as_expr() if self.kind == "field" else v


def _is_symbolic(x: Any) -> bool:
    mod = type(x).__module__
    return mod.startswith("sympy") and not getattr(x, "is_number", False)


def _same(a: Any, b: Any) -> bool:
    if _is_symbolic(a) or _is_symbolic(b):
        import sympy

        return sympy.simplify(a - b) == 0
    return a == b


def states_option(states: str) -> bool:
    """``states="accessible"`` -> True, ``"all"`` -> False (which joint states to check).

    >>> states_option("all")
    False
    """
    if states == "accessible":
        return True
    if states == "all":
        return False
    raise GameError(f"states must be 'accessible' or 'all', got {states!r}")


def discounted_values(succ: Mapping[int, int] | Sequence[int], r0: Mapping[int, Any],
                      r1: Mapping[int, Any], dom: Domain, nodes: Sequence[int] | None = None,
                      memo: tuple[dict, dict] | None = None) -> tuple[dict, dict]:
    """Discounted-average values of every node of a functional graph (see module doc).

    ``succ[z]`` is the successor of node ``z`` and ``r0[z]``, ``r1[z]`` the two players'
    stage payoffs there; ``nodes`` (default all) are the nodes whose values are needed;
    ``memo`` (two dicts of known values) is extended in place when given.

    >>> dom = Domain("fraction", Fraction(9, 10))
    >>> discounted_values([1, 1], [5, 1], [0, 1], dom)[0][0]
    Fraction(7, 5)
    """
    delta, one = dom.delta, dom.one
    omd = one - delta
    V0, V1 = memo if memo is not None else ({}, {})
    mark: dict[int, int] = {}
    for start in (nodes if nodes is not None else range(len(succ))):
        if start in V0:
            continue
        path = []
        z = start
        while z not in V0 and z not in mark:
            mark[z] = len(path)
            path.append(z)
            z = succ[z]
        if z not in V0:  # found a new cycle starting at z
            k = mark[z]
            cyc = path[k:]
            num0 = num1 = den = dom.zero
            p = one
            for c in cyc:
                num0 += p * r0[c]
                num1 += p * r1[c]
                den += p
                p = p * delta
            V0[cyc[0]] = num0 / den
            V1[cyc[0]] = num1 / den
            for c in reversed(cyc[1:]):
                V0[c] = omd * r0[c] + delta * V0[succ[c]]
                V1[c] = omd * r1[c] + delta * V1[succ[c]]
            path = path[:k]
        for c in reversed(path):
            V0[c] = omd * r0[c] + delta * V0[succ[c]]
            V1[c] = omd * r1[c] + delta * V1[succ[c]]
    return V0, V1


@dataclass
class Joint:
    """The joint automaton of a profile in one domain.

    ``nodes`` are the joint states considered (sorted), ``succ`` and ``cells`` their
    successors and played cells ``(i, j)``, ``V`` both players' values there; ``ta``,
    ``tb``, ``fa``, ``fb`` are the automata's transition tables and outputs as lists,
    ``A``, ``B`` the payoff lists, ``k2`` the column automaton's size and ``z0`` the
    initial joint state.
    """

    nodes: list[int]
    succ: dict[int, int]
    V: tuple[dict, dict]
    k2: int
    ta: list
    tb: list
    fa: tuple[int, ...]
    fb: tuple[int, ...]
    A: list
    B: list
    z0: int
    cells: dict[int, tuple[int, int]]


class StageData:
    """A stage game as payoff lists and labels, validated for repeated play.

    Parameters
    ----------
    stage : NormalFormGame or ParametricGame
    follower_moves_after : collection of str, optional
        Row actions after which the column player moves (a sequential stage).

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> StageData(pd).shape, StageData(pd).exact
    ((2, 2), True)
    """

    def __init__(self, stage: Stage, follower_moves_after: Collection[str] | None = None
                 ) -> None:
        if not isinstance(stage, NormalFormGame | ParametricGame):
            raise GameError("RepeatedGame needs a NormalFormGame or ParametricGame stage, got "
                            f"{type(stage).__name__}")
        players = tuple(stage.players)
        strategies = tuple(tuple(s) for s in stage.strategies)
        self.game = stage
        self.players: tuple[str, str] = players  # type: ignore[assignment]
        self.strategies = strategies
        m, n = len(strategies[0]), len(strategies[1])
        self.shape = (m, n)
        self._cache: dict = {}
        if isinstance(stage, NormalFormGame):
            self.symbolic = False
            self.A: list[list[Any]] = [list(r) for r in stage.A.tolist()]
            self.B: list[list[Any]] = [list(r) for r in stage.B.tolist()]
            self.exact = stage.is_exact
            self.params: tuple = ()
        else:
            A, B = stage.A, stage.B
            self.A = [[A[i, j] for j in range(n)] for i in range(m)]
            self.B = [[B[i, j] for j in range(n)] for i in range(m)]
            free = set()
            for row in self.A + self.B:
                for e in row:
                    free |= e.free_symbols
            self.symbolic = bool(free)
            self.exact = True
            if not self.symbolic:  # a parametric stage without parameters
                self.A = [[to_number(e) for e in r] for r in self.A]
                self.B = [[to_number(e) for e in r] for r in self.B]
                self.exact = all(isinstance(v, Fraction) for r in self.A + self.B for v in r)
            ordered = list(stage.symbols.values())
            ordered += sorted(free - set(ordered), key=lambda s: s.name)
            self.params = tuple(s for s in ordered if s in free)
        self.follows = self._follower_rows(follower_moves_after)

    def _follower_rows(self, follower_moves_after: Collection[str] | None
                       ) -> frozenset[int] | None:
        if follower_moves_after is None:
            return None
        players, strategies = self.players, self.strategies
        if isinstance(follower_moves_after, str):
            follower_moves_after = (follower_moves_after,)
        idx = set()
        for lab in follower_moves_after:
            if lab not in strategies[0]:
                raise LabelError(f"follower_moves_after names {lab!r}, not a strategy of "
                                 f"{players[0]} ({list(strategies[0])})")
            idx.add(strategies[0].index(lab))
        m, n = self.shape
        for i in range(m):
            if i in idx:
                continue
            for j in range(1, n):
                if not _same(self.A[i][j], self.A[i][0]) or \
                        not _same(self.B[i][j], self.B[i][0]):
                    raise GameError(
                        f"after {strategies[0][i]!r} the column player does not move, so "
                        "payoffs in that row must not depend on its strategy; column "
                        f"{strategies[1][j]!r} differs from {strategies[1][0]!r}")
        return frozenset(idx)

    # ------------------------------------------------------------------ discount factors
    def discount(self, discount: Any) -> tuple[str, Any]:
        """Classify a discount factor: ('symbol', sym) or ('number', Fraction | float)."""
        import sympy

        if isinstance(discount, sympy.Symbol):
            return "symbol", discount
        if isinstance(discount, sympy.Basic) and not discount.is_number:
            raise ParameterError("the discount factor must be a number or a single sympy "
                                 f"Symbol, got {discount!r}")
        try:
            d = to_number(discount)
        except NotANumber as err:
            raise ParameterError(f"discount factor: {err}") from None
        if not 0 <= d < 1:
            raise ParameterError(f"the discount factor must lie in [0, 1), got "
                                 f"{format_number(d)}")
        return "number", d

    def domain(self, discount: Any, force_field: bool = False) -> Domain:
        """The arithmetic for this stage at ``discount`` (a number or a sympy Symbol)."""
        kind, d = self.discount(discount)
        if kind == "number" and not self.symbolic and not force_field:
            if isinstance(d, Fraction) and self.exact:
                return Domain("fraction", d)
            return Domain("float", float(d))
        import sympy
        from sympy import QQ
        from sympy.polys.fields import field as make_field

        gens = ([d] if kind == "symbol" else []) + list(self.params)
        if not gens:
            gens = [sympy.Symbol("delta")]
        K = make_field(gens, QQ)[0]
        dom = Domain("field", None, K)
        dom.delta = K.from_expr(d) if kind == "symbol" else dom.convert(d)
        return dom

    def payoff_lists(self, dom: Domain) -> tuple[list, list]:
        """Both payoff matrices as nested lists of elements of ``dom`` (cached)."""
        key = dom.kind if dom.kind != "field" else id(dom.field)
        cache = self._cache
        if key not in cache:
            if len(cache) > 8:
                cache.clear()
            cache[key] = ([[dom.convert(v) for v in r] for r in self.A],
                          [[dom.convert(v) for v in r] for r in self.B])
        return cache[key]

    def scale(self) -> float:
        """The largest absolute stage payoff, at least 1."""
        return max([1.0] + [abs(float(v)) for r in self.A + self.B for v in r])

    def tol(self, dom: Domain) -> float:
        """Comparison tolerance: 0 for exact domains, 1e-9 times the payoff scale else."""
        if dom.kind != "float":
            return 0.0
        return 1e-9 * self.scale()

    # ------------------------------------------------------------------ the joint automaton
    def joint(self, a: Automaton, b: Automaton, dom: Domain, accessible: bool = True
              ) -> Joint:
        """The joint automaton of ``(a, b)``: its accessible (or all) states and values."""
        k2 = b.size
        ta, tb = a.table.tolist(), b.table.tolist()
        fa, fb = a.actions, b.actions
        A, B = self.payoff_lists(dom)
        z0 = a.initial * k2 + b.initial
        m, n = self.shape
        if accessible:
            seen = {z0}
            stack = [z0]
            order = []
            while stack:
                z = stack.pop()
                order.append(z)
                s1, s2 = divmod(z, k2)
                r1, r2 = ta[s1], tb[s2]
                for i in range(m):
                    ri, qi = r1[i], r2[i]
                    for j in range(n):
                        w = ri[j] * k2 + qi[j]
                        if w not in seen:
                            seen.add(w)
                            stack.append(w)
            nodes = sorted(order)
        else:
            nodes = list(range(a.size * k2))
        succ: dict[int, int] = {}
        r0: dict[int, Any] = {}
        r1_: dict[int, Any] = {}
        cells: dict[int, tuple[int, int]] = {}
        for z in nodes:
            s1, s2 = divmod(z, k2)
            i, j = fa[s1], fb[s2]
            succ[z] = ta[s1][i][j] * k2 + tb[s2][i][j]
            cells[z] = (i, j)
            r0[z] = A[i][j]
            r1_[z] = B[i][j]
        V = discounted_values(succ, r0, r1_, dom, nodes)
        return Joint(nodes, succ, V, k2, ta, tb, fa, fb, A, B, z0, cells)

    def path_values(self, a: Automaton, b: Automaton, dom: Domain) -> tuple[Any, Any]:
        """Both players' discounted values of the play path from the initial state."""
        k2 = b.size
        ta, tb, fa, fb = a.table.tolist(), b.table.tolist(), a.actions, b.actions
        A, B = self.payoff_lists(dom)
        z = a.initial * k2 + b.initial
        succ, r0, r1 = {}, {}, {}
        while z not in succ:
            s1, s2 = divmod(z, k2)
            i, j = fa[s1], fb[s2]
            succ[z] = ta[s1][i][j] * k2 + tb[s2][i][j]
            r0[z], r1[z] = A[i][j], B[i][j]
            z = succ[z]
        z0 = a.initial * k2 + b.initial
        V0, V1 = discounted_values(succ, r0, r1, dom, [z0])
        return dom.output(V0[z0]), dom.output(V1[z0])
