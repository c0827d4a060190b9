r"""Discounted repeated games with finite-automaton strategies: payoffs, subgame
perfection and critical discount factors.

The repeated game
-----------------
A stage game :math:`G = (A_1, A_2, u_1, u_2)` is played in periods
:math:`t = 0, 1, 2, \dots` with perfect monitoring; payoffs are discounted *averages*

.. math::  U_i = (1 - \delta) \sum_{t \ge 0} \delta^t u_i(a^t), \qquad 0 \le \delta < 1,

so they are on the scale of stage payoffs. A profile of finite automata
(:mod:`gametheory.analysis.repeated.automata`) induces a *joint automaton* on pairs of states
:math:`w = (w_1, w_2)`; the joint state moves deterministically, so the value of every
joint state solves :math:`V(w) = (1-\delta) u(f(w)) + \delta V(\tau(w, f(w)))`. The
successor map is a functional graph: each path ends in a cycle
:math:`c_0 \to \dots \to c_{L-1} \to c_0`, where

.. math:: V(c_0) = \frac{\sum_{t<L} \delta^t u(f(c_t))}{\sum_{t<L} \delta^t},

and values flow back along the paths into the cycle. This is exact (Fractions for a
rational stage and discount, sympy rational functions for a symbolic discount or a
parametric stage) and takes time linear in the number of joint states.

Subgame perfection
------------------
By the one-shot deviation principle (Blackwell 1965; Mailath and Samuelson 2006,
Proposition 2.4.1) an automaton profile is a subgame-perfect equilibrium iff at every
joint state :math:`w` accessible from the initial state *by any history* (on or off the
path of play) no player gains from deviating once:

.. math:: (1-\delta)\,[u_i(a_i', f_{-i}(w)) - u_i(f(w))]
          + \delta\,[V_i(\tau(w, (a_i', f_{-i}(w)))) - V_i(\tau(w, f(w)))] \le 0 .

Joint states no history leads to are irrelevant (checking them would reject grim trigger in
the prisoner's dilemma at the impossible state "I cooperate, you punish"). Each gain is a
rational function of :math:`\delta`; :meth:`RepeatedGame.critical_discount` intersects the
sets where all of them are non-positive: the set is closed in :math:`[0, 1)`, so its least
element is :math:`0` or a root of some gain's numerator, found exactly.

Sequential stages
-----------------
With ``follower_moves_after`` the row player moves first and the column player, having
seen the row's action, moves only after the listed actions (its strategy labels are
replies, as in the probe-response game). Then the column player's one-shot deviations are
checked at every node (joint state, row action), including nodes after a row deviation,
which is what makes a threat credible or not (Selten 1975).

Nash equilibrium
----------------
A profile is a Nash equilibrium of the repeated game iff no player's best response to the
other's automaton does better. Against an automaton a best response is a stationary policy
on the opponent's states (a deterministic dynamic program); :meth:`RepeatedGame.is_nash`
finds it by exact policy iteration, and ``critical_discount(..., concept="nash")``
enumerates the stationary policies (Axelrod 1984's collective stability of tit for tat).

References
----------
Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of Economic
Studies* 38, 1-12.
Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books, chapter 3 and appendix B.
Blackwell, D. (1965). Discounted dynamic programming. *Annals of Mathematical Statistics*
36, 226-235.
Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
University Press, chapter 2.
Selten, R. (1975). Reexamination of the perfectness concept for equilibrium points in
extensive games. *International Journal of Game Theory* 4, 25-55.

Examples
--------
>>> import gametheory as gt, sympy
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> rg = gt.RepeatedGame(pd)
>>> grim = (gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1))
>>> rg.critical_discount(grim)
Fraction(1, 2)
>>> bool(rg.is_subgame_perfect(grim, "1/3"))
False
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ..._numbers import NotANumber, format_number, to_number
from ...core.game import NormalFormGame
from ...errors import GameError, LabelError, ParameterError, ProfileError, SolverError
from .automata import Automaton

__all__ = ["RepeatedGame", "Deviation", "SubgamePerfection", "NashCheck",
           "DiscountAnalysis", "FiniteHorizonResult", "obtain_repeated_game",
           "repeated_game_size"]

#: Largest number of stationary policies enumerated for symbolic Nash conditions.
MAX_POLICIES = 4096


# ============================================================================ domains
class _Domain:
    """The arithmetic of one computation: Fractions, floats, or a sympy rational field."""

    def __init__(self, kind: str, delta: Any, field_: Any = None, delta_symbol: Any = None,
                 params: tuple = ()) -> None:
        self.kind = kind
        self.field = field_
        self.delta = delta
        self.delta_symbol = delta_symbol
        self.params = params
        if kind == "fraction":
            self.one, self.zero = Fraction(1), Fraction(0)
        elif kind == "float":
            self.one, self.zero = 1.0, 0.0
        else:
            self.one, self.zero = field_.one, field_.zero

    def convert(self, v: Any) -> Any:
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
        return self.field.from_expr(sympy.sympify(v) if isinstance(v, int) else v)

    def output(self, v: Any) -> Any:
        return v.as_expr() if self.kind == "field" else v


def _is_symbolic(x: Any) -> bool:
    mod = type(x).__module__
    return mod.startswith("sympy") and not getattr(x, "is_number", False)


# ============================================================================ results
@dataclass(frozen=True)
class Deviation:
    """A one-shot deviation: who deviates, where, to what, and what it gains.

    Attributes
    ----------
    state : tuple of str
        The joint automaton state (row's state name, column's state name).
    player : str
        The deviating player.
    action, prescribed : str
        The deviation and the action the automaton prescribes.
    gain : number or sympy expression
        Gain in discounted-average payoff (positive: profitable).
    after : str or None
        In a sequential stage, the row action the column player is replying to.
    discount : number or None
        The discount factor at which ``gain`` was evaluated (None when ``gain`` is a
        formula in the discount factor).
    gain_formula : sympy expression or None
        The gain as a function of the discount factor, where known.
    """

    state: tuple[str, str]
    player: str
    action: str
    prescribed: str
    gain: Any
    after: str | None = None
    discount: Any = None
    gain_formula: Any = field(default=None, compare=False)

    def describe(self) -> str:
        where = f"state ({self.state[0]}, {self.state[1]})"
        if self.after is not None:
            where += f" after {self.after}"
        at = "" if self.discount is None else f" at discount {format_number(self.discount)}"
        return (f"{where}: {self.player} plays {self.action} instead of {self.prescribed}, "
                f"gain {format_number(self.gain)}{at}")

    def __repr__(self) -> str:
        return f"Deviation({self.describe()})"


class SubgamePerfection:
    """Result of :meth:`RepeatedGame.is_subgame_perfect`; truthy iff the profile is an SPE.

    ``deviations`` lists every profitable one-shot deviation, largest gain first (exact
    gains for exact input, computed when first asked for); ``deviation`` is the first of
    them (None for an SPE).
    """

    __slots__ = ("holds", "discount", "states_checked", "_compute", "_deviations")

    def __init__(self, holds: bool, discount: Any, states_checked: int,
                 deviations: Any) -> None:
        self.holds = holds
        self.discount = discount
        self.states_checked = states_checked
        if callable(deviations):
            self._compute, self._deviations = deviations, None
        else:
            self._compute, self._deviations = None, tuple(deviations)

    @property
    def deviations(self) -> tuple[Deviation, ...]:
        if self._deviations is None:
            devs = list(self._compute())
            devs.sort(key=lambda x: -float(x.gain))
            self._deviations = tuple(devs)
        return self._deviations

    def __bool__(self) -> bool:
        return self.holds

    @property
    def deviation(self) -> Deviation | None:
        return self.deviations[0] if self.deviations else None

    def __repr__(self) -> str:
        d = format_number(self.discount)
        if self.holds:
            return (f"SubgamePerfection(True at discount {d}: no profitable one-shot deviation "
                    f"in {self.states_checked} joint states)")
        return f"SubgamePerfection(False at discount {d}: {self.deviation.describe()})"


@dataclass(frozen=True)
class NashCheck:
    """Result of :meth:`RepeatedGame.is_nash`; truthy iff the profile is a Nash equilibrium.

    ``improvements`` maps each player who can gain to ``(best value, value of its
    automaton, best policy)``, the policy as a dict opponent state -> own action label.
    """

    holds: bool
    discount: Any
    improvements: dict

    def __bool__(self) -> bool:
        return self.holds

    def __repr__(self) -> str:
        if self.holds:
            return f"NashCheck(True at discount {format_number(self.discount)})"
        who = ", ".join(f"{p} gains {format_number(v[0] - v[1])}"
                        for p, v in self.improvements.items())
        return f"NashCheck(False at discount {format_number(self.discount)}: {who})"


@dataclass(frozen=True)
class DiscountAnalysis:
    """Where in :math:`[0, 1)` a profile is an equilibrium, and why not elsewhere.

    Attributes
    ----------
    concept : {"spe", "nash"}
    critical : Fraction, float, sympy expression or None
        The least discount factor at which the profile is an equilibrium; None if none.
    region : list of (lo, hi, lo_closed, hi_closed)
        The set of such discount factors as disjoint intervals (numeric stages only).
    constraints : list of (Deviation, sympy expression)
        Each distinct one-shot (or policy) deviation and its gain as a function of the
        discount factor ``delta``.
    conditions : list of sympy relationals
        Parametric stages: the parameter conditions under which ``critical`` is valid
        (signs read off at the reference point).
    breaking : Deviation or None
        When ``critical`` is None: a deviation that is profitable at the least discount
        factor satisfying the constraints at the initial state (its ``discount``), i.e. the
        state whose one-shot deviation breaks the profile.
    delta : sympy Symbol
        The discount-factor symbol used in the formulas.
    """

    concept: str
    critical: Any
    region: list
    constraints: list
    conditions: list
    breaking: Deviation | None
    delta: Any

    def __repr__(self) -> str:
        if self.critical is None:
            why = f"; broken by {self.breaking.describe()}" if self.breaking else ""
            return f"DiscountAnalysis({self.concept}: no discount factor works{why})"
        return f"DiscountAnalysis({self.concept}: critical discount {self.critical})"


@dataclass(frozen=True)
class FiniteHorizonResult:
    """Subgame-perfect play of a finitely repeated game built by backward induction.

    ``periods[t]`` lists, for period ``t`` (0 first), the stage outcomes the backward
    induction allows (pure profiles as label pairs, or Equilibrium values); ``unique`` says
    whether the subgame-perfect outcome is unique; ``totals`` are the summed stage payoffs
    along the first outcome; ``note`` explains the result.
    """

    horizon: int
    periods: list
    unique: bool
    totals: tuple
    note: str


# ============================================================================ the game
class RepeatedGame:
    """The infinitely repeated game of a two-player stage game, with discounting.

    Parameters
    ----------
    stage : NormalFormGame or ParametricGame
        The stage game (a parametric stage gives answers as sympy expressions of its
        parameters).
    follower_moves_after : collection of str, optional
        Makes the stage sequential: the row player moves first and the column player,
        seeing it, replies only after these row actions; after the other row actions the
        stage ends, so the column player's payoffs there must not depend on its label and
        automata must not condition on the (unobserved) column label there.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> rg = gt.RepeatedGame(pd)
    >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
    >>> rg.payoffs(tft, "9/10")
    (Fraction(3, 1), Fraction(3, 1))
    >>> rg.critical_discount(tft) is None  # Axelrod's payoffs: never subgame perfect
    True
    """

    def __init__(self, stage: Any, follower_moves_after: Collection[str] | None = None) -> None:
        try:
            players = tuple(stage.players)
            strategies = tuple(tuple(s) for s in stage.strategies)
            A, B = stage.A, stage.B
        except AttributeError:
            raise GameError("RepeatedGame needs a NormalFormGame or ParametricGame stage, got "
                            f"{type(stage).__name__}") from None
        self._stage = stage
        self._players: tuple[str, str] = players  # type: ignore[assignment]
        self._strategies = strategies
        m, n = len(strategies[0]), len(strategies[1])
        self._shape = (m, n)
        if isinstance(stage, NormalFormGame):
            self._symbolic = False
            self._A = [list(r) for r in stage.A.tolist()]
            self._B = [list(r) for r in stage.B.tolist()]
            self._exact = stage.is_exact
            self._params: tuple = ()
        else:
            import sympy

            self._A = [[sympy.sympify(A[i, j]) for j in range(n)] for i in range(m)]
            self._B = [[sympy.sympify(B[i, j]) for j in range(n)] for i in range(m)]
            free = set()
            for row in self._A + self._B:
                for e in row:
                    free |= e.free_symbols
            self._symbolic = bool(free)
            self._exact = True
            if not self._symbolic:  # a parametric stage without parameters
                self._A = [[to_number(e) for e in r] for r in self._A]
                self._B = [[to_number(e) for e in r] for r in self._B]
                self._exact = all(isinstance(v, Fraction) for r in self._A + self._B for v in r)
            syms = getattr(stage, "symbols", None)
            if isinstance(syms, dict):
                syms = list(syms.values())
            ordered = list(syms) if syms is not None else []
            ordered += sorted(free - set(ordered), key=lambda s: s.name)
            self._params = tuple(s for s in ordered if s in free)
        if follower_moves_after is None:
            self._follows: frozenset[int] | None = None
        else:
            if isinstance(follower_moves_after, str):
                follower_moves_after = (follower_moves_after,)
            idx = set()
            for lab in follower_moves_after:
                if lab not in strategies[0]:
                    raise LabelError(f"follower_moves_after names {lab!r}, not a strategy of "
                                     f"{players[0]} ({list(strategies[0])})")
                idx.add(strategies[0].index(lab))
            self._follows = frozenset(idx)
            for i in range(m):
                if i in idx:
                    continue
                for j in range(1, n):
                    if not self._same(self._A[i][j], self._A[i][0]) or \
                            not self._same(self._B[i][j], self._B[i][0]):
                        raise GameError(
                            f"after {strategies[0][i]!r} the column player does not move, so "
                            "payoffs in that row must not depend on its strategy; column "
                            f"{strategies[1][j]!r} differs from {strategies[1][0]!r}")

    @staticmethod
    def _same(a: Any, b: Any) -> bool:
        if _is_symbolic(a) or _is_symbolic(b):
            import sympy

            return sympy.simplify(a - b) == 0
        return a == b

    # ------------------------------------------------------------------ properties
    @property
    def stage(self) -> Any:
        return self._stage

    @property
    def players(self) -> tuple[str, str]:
        return self._players

    @property
    def strategies(self) -> tuple[tuple[str, ...], ...]:
        return self._strategies

    @property
    def is_symbolic(self) -> bool:
        """True for a stage with free parameters."""
        return self._symbolic

    @property
    def parameters(self) -> tuple:
        """The sympy symbols of a parametric stage, in the field's order."""
        return self._params

    @property
    def is_sequential(self) -> bool:
        return self._follows is not None

    def __repr__(self) -> str:
        kind = "sequential" if self.is_sequential else "simultaneous"
        title = getattr(self._stage, "title", "")
        return (f"RepeatedGame({title + ', ' if title else ''}{self._players[0]} x "
                f"{self._players[1]}, {self._shape[0]}x{self._shape[1]} {kind} stage)")

    # ------------------------------------------------------------------ validation
    def _profile(self, profile: Any) -> tuple[Automaton, Automaton]:
        if not isinstance(profile, Sequence) or len(profile) != 2:
            raise ProfileError("a profile of the repeated game is a pair (row automaton, "
                               f"column automaton); got {profile!r}")
        a, b = profile
        for k, aut in enumerate((a, b)):
            if not isinstance(aut, Automaton):
                raise ProfileError(f"profile entry {k} is {type(aut).__name__}, not an "
                                   "Automaton (see gt.strategies)")
            if aut.player != k:
                raise ProfileError(f"profile entry {k} is an automaton of "
                                   f"{aut.player_name!r}; entry {k} must be "
                                   f"{self._players[k]!r}'s")
            if aut.stage_labels[1] != self._strategies:
                raise ProfileError(f"automaton {aut.name!r} was written for strategies "
                                   f"{aut.stage_labels[1]}, not this stage's "
                                   f"{self._strategies}")
        if self._follows is not None:
            for aut in (a, b):
                t = aut.table
                for i in range(self._shape[0]):
                    if i in self._follows:
                        continue
                    if (t[:, i, :] != t[:, i, :1]).any():
                        raise ProfileError(
                            f"automaton {aut.name!r} reacts to the column player's label "
                            f"after {self._strategies[0][i]!r}, but the column player does "
                            "not move then, so nothing is observed")
        return a, b

    def _discount(self, discount: Any) -> tuple[str, Any]:
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

    def _domain(self, discount: Any, force_field: bool = False) -> _Domain:
        kind, d = self._discount(discount)
        if kind == "number" and not self._symbolic and not force_field:
            if isinstance(d, Fraction) and self._exact:
                return _Domain("fraction", d)
            return _Domain("float", float(d))
        import sympy
        from sympy import QQ
        from sympy.polys.fields import field as make_field

        gens = ([d] if kind == "symbol" else []) + list(self._params)
        if not gens:
            gens = [sympy.Symbol("delta")]
        K = make_field(gens, QQ)[0]
        dom = _Domain("field", None, K, d if kind == "symbol" else None, self._params)
        dom.delta = K.from_expr(d) if kind == "symbol" else dom.convert(d)
        return dom

    def _payoff_lists(self, dom: _Domain) -> tuple[list, list]:
        key = dom.kind if dom.kind != "field" else id(dom.field)
        cache = self.__dict__.setdefault("_pcache", {})
        if key not in cache:
            if len(cache) > 8:
                cache.clear()
            cache[key] = ([[dom.convert(v) for v in r] for r in self._A],
                          [[dom.convert(v) for v in r] for r in self._B])
        return cache[key]

    # ------------------------------------------------------------------ core algebra
    @staticmethod
    def _values(succ: Sequence[int], r0: Sequence[Any], r1: Sequence[Any], dom: _Domain,
                nodes: Sequence[int] | None = None, memo: tuple[dict, dict] | None = None
                ) -> tuple[dict, dict]:
        """Discounted-average values of every node of a functional graph (see module doc).

        ``memo`` (two dicts of known values) is extended in place when given.
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

    def _joint(self, a: Automaton, b: Automaton, dom: _Domain, accessible: bool = True
               ) -> dict:
        """Joint automaton data: successors, rewards, values, accessible states."""
        k2 = b.size
        ta, tb = a.table.tolist(), b.table.tolist()
        fa, fb = a.actions, b.actions
        A, B = self._payoff_lists(dom)
        z0 = a.initial * k2 + b.initial
        m, n = self._shape
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
        V0, V1 = self._values(succ, r0, r1_, dom, nodes)
        return {"nodes": nodes, "succ": succ, "V": (V0, V1), "k2": k2, "ta": ta, "tb": tb,
                "fa": fa, "fb": fb, "A": A, "B": B, "z0": z0, "cells": cells}

    def _gains(self, a: Automaton, b: Automaton, dom: _Domain, with_info: bool = False,
               accessible: bool = True) -> Any:
        """Every one-shot deviation at every accessible joint state, with its gain.

        With ``with_info`` also returns, per deviation, ``(player, deviation cell, base
        cell, next state after the deviation, next state otherwise)`` and the joint data.
        """
        J = self._joint(a, b, dom, accessible)
        V0, V1 = J["V"]
        k2, ta, tb, fa, fb, A, B = (J[k] for k in ("k2", "ta", "tb", "fa", "fb", "A", "B"))
        delta = dom.delta
        omd = dom.one - delta
        m, n = self._shape
        lab0, lab1 = self._strategies
        out = []
        info: list = []
        for z in J["nodes"]:
            s1, s2 = divmod(z, k2)
            i, j = fa[s1], fb[s2]
            st = (a.states[s1], b.states[s2])
            nz = J["succ"][z]
            base0 = omd * A[i][j] + delta * V0[nz]
            for i2 in range(m):
                if i2 == i:
                    continue
                w = ta[s1][i2][j] * k2 + tb[s2][i2][j]
                g = omd * A[i2][j] + delta * V0[w] - base0
                out.append((Deviation(st, self._players[0], lab0[i2], lab0[i], g), g))
                if with_info:
                    info.append((0, (i2, j), (i, j), w, nz))
            rows = range(m) if self._follows is not None else (i,)
            for ir in rows:
                if self._follows is not None and ir not in self._follows:
                    continue
                w0 = ta[s1][ir][j] * k2 + tb[s2][ir][j]
                base1 = omd * B[ir][j] + delta * V1[w0]
                after = lab0[ir] if self._follows is not None else None
                for j2 in range(n):
                    if j2 == j:
                        continue
                    w = ta[s1][ir][j2] * k2 + tb[s2][ir][j2]
                    g = omd * B[ir][j2] + delta * V1[w] - base1
                    out.append((Deviation(st, self._players[1], lab1[j2], lab1[j], g,
                                          after=after), g))
                    if with_info:
                        info.append((1, (ir, j2), (ir, j), w, w0))
        return (out, info, J) if with_info else out

    def _exact_check(self, a: Automaton, b: Automaton, dom: _Domain, d: Any,
                     accessible: bool = True) -> tuple[bool, Any, int]:
        """Exact verdict by float screening: ``(holds, deviations thunk, states checked)``.

        Values are convex combinations of stage payoffs, so their float errors are near
        machine precision: a float gain beyond ``1e-7`` times the payoff scale has a
        certain sign. Only gains inside that margin are recomputed in Fractions (from exact
        values of just the joint states they involve) to decide; the exact gains of the
        profitable deviations are computed when the result's ``deviations`` is read.
        """
        fdom = _Domain("float", float(dom.delta))
        gains, info, J = self._gains(a, b, fdom, with_info=True, accessible=accessible)
        margin = 1e-7 * max([1.0] + [abs(float(v)) for r in self._A + self._B for v in r])
        A, B = self._payoff_lists(dom)
        cells, succ = J["cells"], J["succ"]
        memo: tuple[dict, dict] = ({}, {})
        delta = dom.delta
        omd = 1 - delta
        exact_rewards: list = []

        def exact_gain(p: int, dc: tuple, bc: tuple, w: int, nz: int) -> Fraction:
            if not exact_rewards:
                exact_rewards.append({z: A[i][j] for z, (i, j) in cells.items()})
                exact_rewards.append({z: B[i][j] for z, (i, j) in cells.items()})
            self._values(succ, exact_rewards[0], exact_rewards[1], dom, (w, nz), memo)
            U = A if p == 0 else B
            V = memo[p]
            return omd * (U[dc[0]][dc[1]] - U[bc[0]][bc[1]]) + delta * (V[w] - V[nz])

        candidates = []
        for (dev, g), inf in zip(gains, info, strict=True):
            if g > margin:
                candidates.append((dev, inf, None))
            elif g >= -margin:
                ge = exact_gain(*inf)
                if ge > 0:
                    candidates.append((dev, inf, ge))

        def compute() -> list[Deviation]:
            out = []
            for dev, inf, ge in candidates:
                ge = exact_gain(*inf) if ge is None else ge
                out.append(Deviation(dev.state, dev.player, dev.action, dev.prescribed, ge,
                                     dev.after, d))
            return out

        nstates = len(J["nodes"])
        return not candidates, compute, nstates

    def _tol(self, dom: _Domain) -> float:
        if dom.kind != "float":
            return 0.0
        scale = max([1.0] + [abs(float(v)) for r in self._A + self._B for v in r])
        return 1e-9 * scale

    # ------------------------------------------------------------------ public API
    def payoffs(self, profile: Sequence[Automaton], discount: Any) -> tuple[Any, Any]:
        """Discounted average payoffs :math:`(1-\\delta)\\sum_t \\delta^t u_i(a^t)`.

        Parameters
        ----------
        profile : pair of Automaton
        discount : number or sympy Symbol
            A number in [0, 1) (rational input with an exact stage gives Fractions) or a
            Symbol (sympy expressions in it).

        Examples
        --------
        >>> import gametheory as gt, sympy
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> d = sympy.Symbol("delta")
        >>> prof = (gt.strategies.always(pd, 0, "D"), gt.strategies.tit_for_tat(pd, 1))
        >>> rg.payoffs(prof, d)
        (5 - 4*delta, delta)
        """
        a, b = self._profile(profile)
        dom = self._domain(discount)
        k2 = b.size
        ta, tb, fa, fb = a.table.tolist(), b.table.tolist(), a.actions, b.actions
        A, B = self._payoff_lists(dom)
        z = a.initial * k2 + b.initial
        succ, r0, r1 = {}, {}, {}
        while z not in succ:
            s1, s2 = divmod(z, k2)
            i, j = fa[s1], fb[s2]
            succ[z] = ta[s1][i][j] * k2 + tb[s2][i][j]
            r0[z], r1[z] = A[i][j], B[i][j]
            z = succ[z]
        z0 = a.initial * k2 + b.initial
        V0, V1 = self._values(succ, r0, r1, dom, [z0])
        return dom.output(V0[z0]), dom.output(V1[z0])

    def path(self, profile: Sequence[Automaton], periods: int = 10) -> list[tuple[str, str]]:
        """The action profiles played in the first ``periods`` periods.

        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> rg.path((gt.strategies.always(pd, 0, "D"), gt.strategies.tit_for_tat(pd, 1)), 3)
        [('D', 'C'), ('D', 'D'), ('D', 'D')]
        """
        a, b = self._profile(profile)
        s1, s2 = a.initial, b.initial
        out = []
        for _ in range(int(periods)):
            i, j = a.actions[s1], b.actions[s2]
            out.append((self._strategies[0][i], self._strategies[1][j]))
            s1, s2 = int(a.table[s1, i, j]), int(b.table[s2, i, j])
        return out

    def is_subgame_perfect(self, profile: Sequence[Automaton], discount: Any,
                           states: str = "accessible") -> SubgamePerfection:
        """One-shot deviation check at every joint state some history leads to.

        Returns a :class:`SubgamePerfection` that is truthy iff the profile is a
        subgame-perfect equilibrium and reports every profitable deviation (state,
        player, action, gain). Exact for exact stages and rational discounts; float
        comparisons use a tolerance of 1e-9 times the largest absolute payoff.

        ``states="accessible"`` (default) checks every joint state some history leads to,
        on or off the path of play, which is what subgame perfection requires;
        ``states="all"`` checks every pair of automaton states, including pairs no
        history can produce (a stronger, history-free requirement: grim trigger fails it
        at "I cooperate, you punish").

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
        >>> rg.is_subgame_perfect(tft, "2/3").deviation
        Deviation(state (punish, punish): Row plays C instead of D, gain 1 at discount 2/3)
        """
        a, b = self._profile(profile)
        kind, d = self._discount(discount)
        if kind == "symbol" or self._symbolic:
            raise GameError("is_subgame_perfect needs numbers; for a symbolic discount factor "
                            "or a parametric stage use critical_discount or discount_analysis "
                            "(or the stage's .at(...) values)")
        acc = _states_option(states)
        dom = self._domain(discount)
        if dom.kind == "fraction":
            holds, compute, nstates = self._exact_check(a, b, dom, d, acc)
            return SubgamePerfection(holds, d, nstates, compute)
        gains = self._gains(a, b, dom, accessible=acc)
        tol = self._tol(dom)
        bad = [Deviation(x.state, x.player, x.action, x.prescribed, x.gain, x.after, d)
               for x, g in gains if g > tol]
        bad.sort(key=lambda x: -float(x.gain))
        nstates = len({x.state for x, _ in gains}) if gains else 1
        return SubgamePerfection(not bad, d, nstates, bad)

    # ------------------------------------------------------------------ Nash
    def _policy_value(self, player: int, opp: Automaton, policy: Sequence[int], dom: _Domain
                      ) -> dict:
        """Values on the opponent's states when ``player`` follows a stationary policy."""
        A, B = self._payoff_lists(dom)
        U = A if player == 0 else B
        t = opp.table.tolist()
        succ, r = {}, {}
        for s in range(opp.size):
            own, o = policy[s], opp.actions[s]
            i, j = (own, o) if player == 0 else (o, own)
            succ[s] = t[s][i][j]
            r[s] = U[i][j]
        V, _ = self._values(succ, r, r, dom)
        return V

    def _best_response_value(self, player: int, opp: Automaton, dom: _Domain
                             ) -> tuple[Any, list[int]]:
        """Exact policy iteration for the best response to an automaton."""
        A, B = self._payoff_lists(dom)
        U = A if player == 0 else B
        t = opp.table.tolist()
        n_own = self._shape[player]
        tol = self._tol(dom)
        policy = [0] * opp.size
        omd = dom.one - dom.delta
        for _ in range(10 * opp.size * n_own + 10):
            V = self._policy_value(player, opp, policy, dom)
            changed = False
            for s in range(opp.size):
                o = opp.actions[s]

                def q(own: int, s: int = s, o: int = o, V: dict = V) -> Any:
                    i, j = (own, o) if player == 0 else (o, own)
                    return omd * U[i][j] + dom.delta * V[t[s][i][j]]

                cur = q(policy[s])
                best, arg = cur, policy[s]
                for own in range(n_own):
                    v = q(own)
                    if v > best + tol:
                        best, arg = v, own
                if arg != policy[s]:
                    policy[s] = arg
                    changed = True
            if not changed:
                return V[opp.initial], policy
        raise SolverError("policy iteration did not converge")  # pragma: no cover

    def is_nash(self, profile: Sequence[Automaton], discount: Any) -> NashCheck:
        """Whether the profile is a Nash equilibrium of the repeated game.

        Each player's best response to the other's automaton is found by exact policy
        iteration over the opponent's states.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
        >>> bool(rg.is_nash(tft, "2/3")), bool(rg.is_nash(tft, "1/2"))
        (True, False)
        """
        a, b = self._profile(profile)
        kind, d = self._discount(discount)
        if kind == "symbol" or self._symbolic:
            raise GameError("is_nash needs numbers; use critical_discount(..., concept='nash')")
        dom = self._domain(discount)
        own = self.payoffs((a, b), discount)
        tol = self._tol(dom)
        improvements = {}
        for p, opp in ((0, b), (1, a)):
            best, policy = self._best_response_value(p, opp, dom)
            if best > own[p] + tol:
                labels = self._strategies[p]
                improvements[self._players[p]] = (
                    best, own[p], {opp.states[s]: labels[policy[s]] for s in range(opp.size)})
        return NashCheck(not improvements, d, improvements)

    def _nash_gains(self, a: Automaton, b: Automaton, dom: _Domain
                    ) -> list[tuple[Deviation, Any]]:
        J = self._joint(a, b, dom, accessible=False)
        z0 = J["z0"]
        own = (J["V"][0][z0], J["V"][1][z0])
        out = []
        for p, opp in ((0, b), (1, a)):
            n_own = self._shape[p]
            total = n_own ** opp.size
            if total > MAX_POLICIES:
                raise SolverError(f"symbolic Nash conditions enumerate {n_own}^{opp.size} = "
                                  f"{total} stationary policies (limit {MAX_POLICIES}); "
                                  "evaluate at numbers with is_nash instead")
            labels = self._strategies[p]
            for pol in itertools.product(range(n_own), repeat=opp.size):
                V = self._policy_value(p, opp, pol, dom)
                g = V[opp.initial] - own[p]
                st = (a.states[a.initial], b.states[b.initial])
                desc = "policy " + ", ".join(f"{opp.states[s]}->{labels[pol[s]]}"
                                             for s in range(opp.size))
                out.append((Deviation(st, self._players[p], desc, "its automaton", g), g))
        return out

    # ------------------------------------------------------------------ thresholds
    def critical_discount(self, profile: Sequence[Automaton], concept: str = "spe",
                          at: dict | None = None, states: str = "accessible") -> Any:
        """The least discount factor at which the profile is an equilibrium, exactly.

        Parameters
        ----------
        profile : pair of Automaton
        concept : {"spe", "nash"}
            Subgame perfection (default) or Nash equilibrium.
        at : dict, optional
            Parametric stages: a reference point (parameter name or symbol -> value) that
            fixes the signs of the parameter expressions; default the stage's parameter
            defaults. The answer holds on the region of parameter space with those signs
            (see :meth:`discount_analysis` ``.conditions``).

        Returns
        -------
        Fraction, float, sympy expression or None
            None when no discount factor in [0, 1) works; then
            ``discount_analysis(profile).breaking`` names the state whose one-shot
            deviation breaks the profile.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
        >>> rg.critical_discount(tft, concept="nash")
        Fraction(2, 3)
        """
        return self.discount_analysis(profile, concept=concept, at=at, states=states).critical

    def breaking_deviation(self, profile: Sequence[Automaton], concept: str = "spe",
                           at: dict | None = None) -> Deviation | None:
        """The deviation that leaves no discount factor working (None if one works)."""
        return self.discount_analysis(profile, concept=concept, at=at).breaking

    def discount_analysis(self, profile: Sequence[Automaton], concept: str = "spe",
                          at: dict | None = None, states: str = "accessible"
                          ) -> DiscountAnalysis:
        """Every constraint on the discount factor, the region where all hold, its least
        element, and (when empty) the breaking deviation. See :meth:`critical_discount`.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
        >>> rg.discount_analysis(tft).breaking.state
        ('punish', 'punish')
        """
        import sympy

        a, b = self._profile(profile)
        if concept not in ("spe", "nash"):
            raise GameError(f"concept must be 'spe' or 'nash', got {concept!r}")
        delta = sympy.Symbol("delta", real=True)
        used = {s.name for s in self._params}
        if "delta" in used:
            delta = sympy.Symbol("discount_factor", real=True)
        dom = self._domain(delta)
        acc = _states_option(states)
        raw = self._gains(a, b, dom, accessible=acc) if concept == "spe" else \
            self._nash_gains(a, b, dom)
        uniq: dict[Any, Deviation] = {}
        for dev, g in raw:
            if g not in uniq:
                uniq[g] = dev
        constraints = [(Deviation(dev.state, dev.player, dev.action, dev.prescribed,
                                  g.as_expr(), dev.after, None, g.as_expr()), g)
                       for g, dev in uniq.items()]
        init_state = (a.states[a.initial], b.states[b.initial])
        if self._symbolic:
            return _symbolic_analysis(self, concept, constraints, delta, at, init_state)
        return _numeric_analysis(self, concept, constraints, delta, init_state)

    # ------------------------------------------------------------------ meta-game
    def meta_game(self, row_strategies: Sequence[Automaton],
                  column_strategies: Sequence[Automaton] | None = None,
                  discount: Any = "9/10", title: str = "",
                  merge_duplicates: bool = False) -> NormalFormGame:
        """The normal-form game whose strategies are automata and payoffs discounted payoffs.

        With ``column_strategies`` omitted and the same labels for both players, the
        column player gets the mirror images of ``row_strategies``. Solve it with
        ``.equilibria()`` like any game.

        Automata that behave alike against the whole pool (e.g. tit for tat and grim
        trigger among nice strategies) give identical payoff rows; each duplicate
        multiplies the extreme equilibria of the (degenerate) meta-game. With
        ``merge_duplicates=True`` strategies whose payoff rows (columns) are identical for
        both players are merged into one, labelled ``"a = b"``.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> S = gt.strategies
        >>> meta = rg.meta_game([S.always(pd, 0, "D"), S.grim_trigger(pd, 0)], discount="3/4")
        >>> [e.pure_labels() for e in meta.pure_equilibria()]
        [('always D', 'always D'), ('grim trigger', 'grim trigger')]
        """
        if self._symbolic:
            raise GameError("meta_game needs a numeric stage; use the stage's .at(...) first")
        rows = list(row_strategies)
        cols = list(column_strategies) if column_strategies is not None else [
            mirror(s) for s in rows]
        if not rows or not cols:
            raise ProfileError("meta_game needs at least one automaton per player")
        dom = self._domain(discount)
        A = np.empty((len(rows), len(cols)), dtype=object)
        B = np.empty((len(rows), len(cols)), dtype=object)
        for i, s in enumerate(rows):
            for j, t in enumerate(cols):
                A[i, j], B[i, j] = self.payoffs((s, t), discount)
        if dom.kind == "float":
            A, B = A.astype(float), B.astype(float)

        def labels(auts: list[Automaton]) -> list[str]:
            names = [x.name for x in auts]
            return [nm if names.count(nm) == 1 else f"{nm} #{k + 1}"
                    for k, nm in enumerate(names)]

        rlab, clab = labels(rows), labels(cols)
        if merge_duplicates:
            def groups(keys: list) -> list[list[int]]:
                seen: dict = {}
                for k, key in enumerate(keys):
                    seen.setdefault(key, []).append(k)
                return list(seen.values())

            rg_ = groups([(tuple(A[i, :]), tuple(B[i, :])) for i in range(A.shape[0])])
            cg_ = groups([(tuple(A[:, j]), tuple(B[:, j])) for j in range(A.shape[1])])
            ri, ci = [g[0] for g in rg_], [g[0] for g in cg_]
            A, B = A[np.ix_(ri, ci)], B[np.ix_(ri, ci)]
            rlab = [" = ".join(rlab[k] for k in g) for g in rg_]
            clab = [" = ".join(clab[k] for k in g) for g in cg_]
        return NormalFormGame(A, B, players=self._players, strategies=(rlab, clab),
                              title=title or f"meta-game at discount {format_number(dom.delta)}")

    # ------------------------------------------------------------------ finite horizon
    def finite_horizon(self, horizon: int) -> FiniteHorizonResult:
        """Subgame-perfect play of the ``horizon``-times repeated stage, by backward induction.

        In the last period any subgame-perfect equilibrium plays a stage equilibrium; when
        the stage has a unique one (for a sequential stage: a unique backward-induction
        outcome) the continuation is fixed whatever happened, so the argument unravels to
        the first period (Selten 1978's chain-store paradox; Luce and Raiffa 1957 for the
        prisoner's dilemma). With several stage equilibria, every sequence of them is a
        subgame-perfect outcome, and threats to switch between them can sustain more
        (Benoit and Krishna 1985); the result then lists the stage equilibria per period.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> res = gt.RepeatedGame(pd).finite_horizon(3)
        >>> res.periods[0], res.unique, res.totals
        ([('D', 'D')], True, (Fraction(3, 1), Fraction(3, 1)))
        """
        if not isinstance(horizon, int) or isinstance(horizon, bool) or horizon < 1:
            raise ParameterError(f"horizon must be a positive integer, got {horizon!r}")
        if self._symbolic:
            raise GameError("finite_horizon needs a numeric stage; use the stage's .at(...)")
        m, n = self._shape
        lab0, lab1 = self._strategies
        if self._follows is not None:
            # backward induction inside the stage: follower's replies, then the leader
            reply = {}
            for i in self._follows:
                col = [self._B[i][j] for j in range(n)]
                best = max(col)
                reply[i] = [j for j in range(n) if col[j] == best]
            outcomes = []
            leader_vals = []
            for i in range(m):
                js = reply.get(i, [0])
                for j in js:
                    leader_vals.append((self._A[i][j], i, j))
            top = max(v for v, _, _ in leader_vals)
            outcomes = [(lab0[i], lab1[j] if i in self._follows else "-")
                        for v, i, j in leader_vals if v == top]
            first = next((i, j) for v, i, j in leader_vals if v == top)
            unique = len(outcomes) == 1
            note = ("unique backward-induction outcome of the stage, repeated: the "
                    "chain-store paradox unravels every period" if unique else
                    "several backward-induction outcomes of the stage (ties)")
            tot = (self._A[first[0]][first[1]] * horizon, self._B[first[0]][first[1]] * horizon)
            return FiniteHorizonResult(horizon, [list(outcomes) for _ in range(horizon)],
                                       unique, tot, note)
        eqs = self._stage.equilibria()
        unique = len(eqs) == 1
        items = [e.pure_labels() or e for e in eqs]
        e0 = eqs[0]
        tot = (e0.payoffs[0] * horizon, e0.payoffs[1] * horizon)
        note = ("unique stage equilibrium: the unique subgame-perfect outcome repeats it in "
                "every period" if unique else
                f"{len(eqs)} stage equilibria: any sequence of them is a subgame-perfect "
                "outcome, and threats to switch between them may sustain others "
                "(Benoit and Krishna 1985)")
        return FiniteHorizonResult(horizon, [list(items) for _ in range(horizon)], unique,
                                   tot, note)


# ============================================================================ helpers
def _states_option(states: str) -> bool:
    if states == "accessible":
        return True
    if states == "all":
        return False
    raise GameError(f"states must be 'accessible' or 'all', got {states!r}")


def mirror(aut: Automaton) -> Automaton:
    """The same automaton for the other player of a stage whose players share labels.

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> mirror(gt.strategies.tit_for_tat(pd, 0)).player
    1
    """
    players, strategies = aut.stage_labels
    if strategies[0] != strategies[1]:
        raise ProfileError("mirroring an automaton needs the same strategy labels for both "
                           "players; pass column_strategies explicitly")

    class _Stage:
        pass

    st = _Stage()
    st.players, st.strategies = players, strategies  # type: ignore[attr-defined]
    names = aut.states
    t = aut.table
    return Automaton(st, 1 - aut.player, {s: aut.action_label(s) for s in names},
                     lambda s, r, c: names[t[names.index(s), strategies[0].index(c),
                                             strategies[1].index(r)]],
                     initial=names[aut.initial], name=aut.name)


def _horner(coeffs: Sequence[Fraction], x: Fraction) -> Fraction:
    acc = Fraction(0)
    for c in coeffs:
        acc = acc * x + c
    return acc


def _simplest_between(lo: Fraction, hi: Fraction) -> Fraction:
    """The rational with the smallest denominator strictly between lo < hi."""
    import math

    den = 1
    while True:
        num = math.floor(lo * den) + 1
        if Fraction(num, den) < hi:
            return Fraction(num, den)
        den += 1


class _Point:
    """A candidate discount factor: a rational, or a root of an irreducible polynomial
    isolated in ``[lo, hi]`` (rational endpoints)."""

    __slots__ = ("lo", "hi", "factor", "value")

    def __init__(self, lo: Fraction, hi: Fraction, factor: Any = None, value: Any = None):
        self.lo, self.hi, self.factor, self.value = lo, hi, factor, value

    @property
    def is_rational(self) -> bool:
        return self.factor is None

    def exact(self, delta: Any) -> Any:
        """Fraction, or a sympy expression (radicals for quadratics, else CRootOf)."""
        import sympy

        if self.factor is None:
            return self.lo
        if self.value is not None:
            return self.value
        f = self.factor
        if f.degree() == 2:
            for r in sympy.Poly(f, delta).all_roots():
                if self.lo <= r <= self.hi:
                    self.value = sympy.radsimp(r)
                    return self.value
        idx = f.count_roots(None, sympy.Rational(self.lo.numerator, self.lo.denominator))
        self.value = sympy.CRootOf(f.as_expr(), int(idx))
        return self.value


def _numeric_analysis(rg: RepeatedGame, concept: str, constraints: list, delta: Any,
                      init_state: tuple) -> DiscountAnalysis:
    """Exact region in [0, 1) where every gain is non-positive (numeric stage).

    Each gain is ``N(delta) / D(delta)`` with ``D > 0`` on [0, 1) (products of
    ``1 + delta + ... + delta^(L-1)``), so the condition is ``sD * N <= 0``. The candidate
    discount factors are 0 and the roots in [0, 1) of the irreducible factors of the
    numerators, isolated exactly in rational intervals; signs at a root come from exact
    divisibility (zero) or from a rational point of an interval on which the numerator has
    no root (sturm counts), so no floating point decides anything.
    """
    import sympy

    QQ = sympy.QQ
    half = sympy.Rational(1, 2)
    items = []          # (dev, effective polynomial E with E <= 0 required, coeffs)
    seen: dict = {}
    for dev, g in constraints:
        N = sympy.Poly(g.numer.as_expr(), delta, domain=QQ)
        if N.is_zero:
            continue
        D = sympy.Poly(g.denom.as_expr(), delta, domain=QQ)
        if D.count_roots(0, 1) != 0:  # pragma: no cover - denominators are 1+d+...+d^(L-1)
            raise SolverError("a gain's denominator vanishes in [0, 1]")
        E = N if D.eval(half) > 0 else -N
        lc = abs(E.LC())
        E = E.quo_ground(lc)
        key = tuple(E.all_coeffs())
        if key in seen:
            continue
        seen[key] = True
        coeffs = [Fraction(int(c.p), int(c.q)) for c in E.all_coeffs()]
        items.append((dev, E, coeffs))

    # irreducible factors and their roots in [0, 1)
    factors: dict = {}
    for _, E, _ in items:
        for f, _m in E.factor_list()[1]:
            f = f.monic()
            factors.setdefault(tuple(f.all_coeffs()), f)
    points: list[_Point] = [_Point(Fraction(0), Fraction(0))]
    for f in factors.values():
        if f.degree() == 1:
            a, b = f.all_coeffs()
            r = -b / a
            if 0 < r < 1:
                fr = Fraction(int(r.p), int(r.q))
                points.append(_Point(fr, fr))
            continue
        for (lo, hi), _m in f.intervals(inf=0, sup=1, eps=sympy.Rational(1, 10 ** 12)):
            flo, fhi = Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q))
            if flo >= 1:
                continue
            points.append(_Point(flo, fhi, f))
    # order the points; separate overlapping isolating intervals by refining them
    for _ in range(60):
        points.sort(key=lambda q: (q.lo, q.hi))
        clash = [k for k in range(len(points) - 1) if points[k].hi >= points[k + 1].lo
                 and not (points[k].is_rational and points[k + 1].is_rational)]
        if not clash:
            break
        for k in clash:
            for q in (points[k], points[k + 1]):
                if not q.is_rational:
                    w = (q.hi - q.lo) / 1000
                    lo, hi = q.factor.refine_root(sympy.Rational(q.lo.numerator,
                                                                 q.lo.denominator),
                                                  sympy.Rational(q.hi.numerator,
                                                                 q.hi.denominator),
                                                  eps=sympy.Rational(w.numerator,
                                                                     w.denominator))
                    q.lo = Fraction(int(lo.p), int(lo.q))
                    q.hi = Fraction(int(hi.p), int(hi.q))
    uniq: list[_Point] = []
    for q in points:
        if uniq and uniq[-1].is_rational and q.is_rational and uniq[-1].lo == q.lo:
            continue
        uniq.append(q)
    points = uniq

    def sign_at(item: tuple, q: _Point) -> int:
        _, E, coeffs = item
        if q.is_rational:
            v = _horner(coeffs, q.lo)
            return (v > 0) - (v < 0)
        if E.rem(q.factor).is_zero:
            return 0
        lo = sympy.Rational(q.lo.numerator, q.lo.denominator)
        hi = sympy.Rational(q.hi.numerator, q.hi.denominator)
        while E.count_roots(lo, hi) != 0:
            w = (hi - lo) / 1000
            lo, hi = q.factor.refine_root(lo, hi, eps=w)
        v = _horner(coeffs, Fraction(int(lo.p), int(lo.q)))
        if v == 0:  # pragma: no cover - excluded by the root count
            v = _horner(coeffs, Fraction(int(hi.p), int(hi.q)))
        return (v > 0) - (v < 0)

    def region_of(sub: list) -> tuple[_Point | None, list, list]:
        cells: list = []
        for k, q in enumerate(points):
            cells.append(("point", q))
            nxt_lo = points[k + 1].lo if k + 1 < len(points) else Fraction(1)
            mid = _simplest_between(q.hi, nxt_lo)
            cells.append(("open", (q, points[k + 1] if k + 1 < len(points) else None),
                          _Point(mid, mid)))
        ok = []
        for c in cells:
            q = c[1] if c[0] == "point" else c[2]
            ok.append(all(sign_at(it, q) <= 0 for it in sub))
        first = next((c[1] for c, good in zip(cells, ok, strict=True)
                      if good and c[0] == "point"), None)
        intervals: list = []
        for c, good in zip(cells, ok, strict=True):
            if not good:
                continue
            if c[0] == "point":
                lo = hi = c[1].exact(delta)
                lc = hc = True
            else:
                lo = c[1][0].exact(delta)
                hi = c[1][1].exact(delta) if c[1][1] is not None else Fraction(1)
                lc = hc = False
            if intervals and intervals[-1][1] == lo and (intervals[-1][3] or lc):
                intervals[-1] = (intervals[-1][0], hi, intervals[-1][2], hc)
            else:
                intervals.append((lo, hi, lc, hc))
        opens = [c[2] for c in cells if c[0] == "open"]
        return first, intervals, opens

    def out(v: Any) -> Any:
        if isinstance(v, Fraction):
            return float(v) if not rg._exact else v
        return float(v) if not rg._exact else v

    first, intervals, _opens = region_of(items)
    conv = [(out(lo), out(hi), lc, hc) for lo, hi, lc, hc in intervals]
    breaking = None
    if first is None:
        on_path = [it for it in items if it[0].state == init_state]
        if on_path:
            ref, _, opens_init = region_of(on_path)
        else:
            ref, opens_init = _Point(Fraction(0), Fraction(0)), []
        if ref is None:  # even the initial state's constraints fail everywhere
            ref = opens_init[-1] if opens_init else _Point(Fraction(1, 2), Fraction(1, 2))
            cands = on_path
        else:
            cands = items
        bad = [it for it in cands if sign_at(it, ref) > 0]
        if bad:
            dev = bad[0][0]
            x = ref.exact(delta)
            if isinstance(x, Fraction):
                val = dev.gain_formula.subs(delta, sympy.Rational(x.numerator, x.denominator))
                val = Fraction(int(val.p), int(val.q)) if val.is_Rational else val
            else:
                val = dev.gain_formula.subs(delta, x)
            breaking = Deviation(dev.state, dev.player, dev.action, dev.prescribed,
                                 out(val), dev.after, out(x), dev.gain_formula)
    crit = None if first is None else out(first.exact(delta))
    devs = [(dev, dev.gain_formula) for dev, _, _ in items]
    return DiscountAnalysis(concept, crit, conv, devs, [], breaking, delta)


def _sign_at(expr: Any, ref: dict | None, what: str) -> int:
    import sympy

    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    if expr.is_zero:
        return 0
    if ref is None:
        raise ParameterError(f"the sign of {expr} ({what}) depends on the parameters; pass "
                             "at={parameter: value, ...}, a reference point, or give the "
                             "stage's parameters defaults")
    val = expr.subs(ref)
    if not val.is_number:
        missing = sorted(str(s) for s in val.free_symbols)
        raise ParameterError(f"the reference point gives no value to {', '.join(missing)}")
    return int(sympy.sign(val))


def _reference_point(rg: RepeatedGame, at: dict | None) -> dict | None:
    import sympy

    by_name = {s.name: s for s in rg._params}
    ref: dict = {}
    def value(v: Any) -> Any:
        f = to_number(v)
        return sympy.Rational(f.numerator, f.denominator) if isinstance(f, Fraction) \
            else sympy.Float(f)

    params = getattr(rg.stage, "parameters", None)
    if params is not None:
        for p in params:
            name = getattr(p, "name", p)
            default = getattr(p, "default", None)
            if default is not None and name in by_name:
                ref[by_name[name]] = value(default)
    for k, v in (at or {}).items():
        key = by_name.get(k, k) if isinstance(k, str) else k
        if isinstance(key, str):
            raise ParameterError(f"reference point names {k!r}, not a parameter of the stage "
                                 f"({', '.join(sorted(by_name))})")
        ref[key] = value(v)
    if not ref:
        return None
    return ref


def _symbolic_analysis(rg: RepeatedGame, concept: str, constraints: list, delta: Any,
                       at: dict | None, init_state: tuple) -> DiscountAnalysis:
    """Thresholds as formulas in the stage parameters (each gain linear in the discount)."""
    import sympy

    ref = _reference_point(rg, at)
    lower: list = []
    upper: list = []
    conditions: list = []
    failing: list = []
    devs = []
    half = sympy.Rational(1, 2)
    for dev, g in constraints:
        devs.append((dev, dev.gain_formula))
        num, den = g.numer.as_expr(), g.denom.as_expr()
        c, facs = sympy.factor_list(sympy.expand(num * den))
        fixed = int(sympy.sign(c))  # sign of the constant and the delta-only factors
        linear = []
        param_part = sympy.Integer(1)
        for f, e in facs:
            if delta not in f.free_symbols:
                param_part *= f ** e
            elif f.free_symbols == {delta}:
                P = sympy.Poly(f, delta)
                inside = [r for r in P.real_roots() if 0 < r < 1]
                if inside:
                    raise SolverError(f"the gain of {dev.describe()} changes sign inside "
                                      f"(0, 1) at a root of {f}; evaluate at numbers")
                fixed *= int(sympy.sign(P.eval(half))) ** e
            else:
                if sympy.degree(f, delta) != 1 or e != 1:
                    raise SolverError(f"the gain of {dev.describe()} is not linear in the "
                                      "discount factor; evaluate the stage at numbers "
                                      "(stage.at(...)) and use the numeric analysis")
                linear.append(f)
        ps = 1 if param_part == 1 else _sign_at(param_part, ref, "a factor of a gain")
        if ps == 0:
            conditions.append(sympy.Eq(param_part, 0))
            continue
        if not linear:
            # the gain's sign does not depend on delta in (0, 1): it must be <= 0
            if param_part != 1:
                need = sympy.Le(param_part, 0) if fixed > 0 else sympy.Ge(param_part, 0)
                conditions.append(need)
            if fixed * ps > 0:
                failing.append(dev)
            continue
        if len(linear) > 1:
            raise SolverError(f"the gain of {dev.describe()} has several factors in the "
                              "discount factor; evaluate the stage at numbers")
        f = linear[0]
        a_coef = sympy.expand(f).coeff(delta, 1)
        b_coef = sympy.expand(f).coeff(delta, 0)
        rest = fixed * ps  # sign of gain / f
        if param_part != 1:
            conditions.append(sympy.Gt(param_part, 0) if ps > 0 else sympy.Lt(param_part, 0))
        sa = _sign_at(a_coef, ref, "slope in the discount factor")
        if sa == 0:
            if rest * _sign_at(b_coef, ref, "constant term") > 0:
                failing.append(dev)
            continue
        conditions.append(sympy.Gt(a_coef, 0) if sa > 0 else sympy.Lt(a_coef, 0))
        root = sympy.factor(sympy.cancel(-b_coef / a_coef))
        if rest * sa < 0:
            lower.append((root, dev))
        else:
            upper.append((root, dev))

    # distinct bounds
    def distinct(items: list) -> list:
        out: list = []
        for r, dev in items:
            if not any(sympy.simplify(r - q) == 0 for q, _ in out):
                out.append((r, dev))
        return out

    lower, upper = distinct(lower), distinct(upper)
    conditions = list(dict.fromkeys(c for c in conditions if c is not sympy.true))
    breaking = None
    crit: Any
    if failing:
        crit = None
        breaking = failing[0]
    else:
        if lower:
            vals = [r for r, _ in lower]
            at_ref = [r.subs(ref) if ref else None for r in vals]
            nonneg = all(v is not None and v >= 0 for v in at_ref)
            if nonneg:
                for r in vals:
                    conditions.append(sympy.GreaterThan(r, 0))
                crit = vals[0] if len(vals) == 1 else sympy.Max(*vals)
            else:
                crit = sympy.Max(0, *vals)
        else:
            crit = sympy.Integer(0)
        if ref is not None:
            lo = crit.subs(ref)
            for r, dev in upper:
                hi = r.subs(ref)
                if lo > hi or lo >= 1:
                    crit = None
                    breaking = dev
                    break
            if crit is not None and lo >= 1:
                crit = None
                breaking = lower[0][1] if lower else None
        for r, _ in upper:
            conditions.append(sympy.GreaterThan(r, crit if crit is not None else 0))
    return DiscountAnalysis(concept, crit, [], devs, conditions, breaking, delta)


# ============================================================================ nashpy
def repeated_game_size(shape: tuple[int, int], repetitions: int) -> tuple[int, int]:
    """Rows and columns of the normal form of a finitely repeated game (nashpy's encoding).

    A pure strategy picks an action after each history of the first ``repetitions - 1``
    periods; there are :math:`H = \\sum_{t<T} (mn)^t` histories, so :math:`m^H` and
    :math:`n^H` strategies.

    >>> repeated_game_size((2, 3), 2)
    (128, 2187)
    """
    m, n = shape
    H = sum((m * n) ** t for t in range(repetitions))
    return m ** H, n ** H


def obtain_repeated_game(stage: NormalFormGame, repetitions: int,
                         max_cells: int = 1_000_000) -> NormalFormGame:
    """nashpy's ``obtain_repeated_game`` with a size check first.

    The normal form of a ``repetitions``-times repeated game has
    :func:`repeated_game_size` strategies per player, built cell by cell in Python by
    nashpy; anything beyond ``max_cells`` cells is refused with a :class:`SolverError`
    before any memory is used.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> gt.repeated.obtain_repeated_game(pd, 2).shape
    (32, 32)
    """
    if not isinstance(repetitions, int) or isinstance(repetitions, bool) or repetitions < 1:
        raise ParameterError(f"repetitions must be a positive integer, got {repetitions!r}")
    if not isinstance(stage, NormalFormGame):
        raise GameError("obtain_repeated_game needs a NormalFormGame stage")
    m, n = stage.shape
    # sizes grow doubly exponentially: bound them without building huge integers
    H = sum((m * n) ** t for t in range(repetitions))
    import math

    log_cells = H * (math.log10(m) + math.log10(n))
    if log_cells > math.log10(max_cells) + 1e-12:
        if log_cells < 300:
            rows, cols = repeated_game_size((m, n), repetitions)
            size = f"{rows} x {cols} = {rows * cols:.3e} cells"
        else:
            size = f"about 10^{log_cells:.0f} cells"
        raise SolverError(
            f"the {repetitions}-times repeated {m}x{n} game has {size} in its normal form "
            f"(nashpy builds every cell in Python; limit max_cells={max_cells}); use "
            "RepeatedGame with automaton strategies, or finite_horizon, instead")
    import nashpy
    from nashpy.repeated_games import obtain_repeated_game as _nashpy_repeated

    A, B = stage.as_float()
    big = _nashpy_repeated(nashpy.Game(A, B), repetitions)
    RA, RB = big.payoff_matrices
    return NormalFormGame(np.asarray(RA, dtype=float), np.asarray(RB, dtype=float),
                          players=stage.players,
                          title=f"{stage.title or 'stage'} repeated {repetitions} times")
