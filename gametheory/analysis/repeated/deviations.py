r"""One-shot deviations and best responses: subgame perfection and Nash equilibrium of a
profile of automata in a discounted repeated game.

Subgame perfection
------------------
By the one-shot deviation principle (Blackwell 1965; Mailath and Samuelson 2006,
Proposition 2.4.1) an automaton profile is a subgame-perfect equilibrium iff at every
joint state :math:`w` accessible from the initial state *by any history* (on or off the
path of play) no player gains from deviating once:

.. math:: g_i(w, a_i') = (1-\delta)\,[u_i(a_i', f_{-i}(w)) - u_i(f(w))]
          + \delta\,[V_i(\tau(w, (a_i', f_{-i}(w)))) - V_i(\tau(w, f(w)))] \le 0 .

With a sequential stage (the column player replies to the row's action) the column
player's deviations are checked at every node (joint state, row action), including nodes
after a row deviation (Selten 1975).

Nash equilibrium
----------------
Against an automaton a best response is a stationary policy on the opponent's states (a
deterministic dynamic program), found by exact policy iteration; a profile is a Nash
equilibrium iff no player's best response does better than its automaton.

References
----------
Blackwell, D. (1965). Discounted dynamic programming. *Annals of Mathematical Statistics*
36, 226-235.
Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
University Press, chapter 2.
Selten, R. (1975). Reexamination of the perfectness concept for equilibrium points in
extensive games. *International Journal of Game Theory* 4, 25-55.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> grim = (gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1))
>>> subgame_perfection(StageData(pd), *grim, "1/3").deviation.gain
Fraction(2, 3)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..._numbers import format_number
from ...errors import GameError, SolverError
from .automata import Automaton
from .joint import Domain, Joint, StageData, discounted_values, states_option

__all__ = ["Deviation", "SubgamePerfection", "NashCheck", "subgame_perfection",
           "nash_check", "one_shot_gains", "nash_gains", "MAX_POLICIES"]

#: Largest number of stationary policies enumerated for symbolic Nash conditions.
MAX_POLICIES = 4096

#: Where a one-shot deviation happens: (player, deviation cell, base cell, next joint state
#: after the deviation, next joint state otherwise).
DeviationSite = tuple[int, tuple[int, int], tuple[int, int], int, int]


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

    Examples
    --------
    >>> Deviation(("c", "c"), "Row", "D", "C", Fraction(1, 2), discount=Fraction(1, 3))
    Deviation(state (c, c): Row plays D instead of C, gain 1/2 at discount 1/3)
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

    >>> bool(SubgamePerfection(True, Fraction(1, 2), 3, []))
    True
    """

    __slots__ = ("holds", "discount", "states_checked", "_compute", "_deviations")

    def __init__(self, holds: bool, discount: Any, states_checked: int,
                 deviations: Iterable[Deviation] | Callable[[], Iterable[Deviation]]) -> None:
        self.holds = holds
        self.discount = discount
        self.states_checked = states_checked
        if callable(deviations):
            self._compute: Callable[[], Iterable[Deviation]] | None = deviations
            self._deviations: tuple[Deviation, ...] | None = None
        else:
            self._compute, self._deviations = None, tuple(deviations)

    @property
    def deviations(self) -> tuple[Deviation, ...]:
        if self._deviations is None:
            assert self._compute is not None
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

    >>> NashCheck(True, Fraction(2, 3), {})
    NashCheck(True at discount 2/3)
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


# ============================================================================ one-shot gains
def _gains(data: StageData, a: Automaton, b: Automaton, dom: Domain, accessible: bool
           ) -> tuple[list[tuple[Deviation, Any]], list[DeviationSite], Joint]:
    J = data.joint(a, b, dom, accessible)
    V0, V1 = J.V
    k2, ta, tb, fa, fb, A, B = J.k2, J.ta, J.tb, J.fa, J.fb, J.A, J.B
    delta = dom.delta
    omd = dom.one - delta
    m, n = data.shape
    lab0, lab1 = data.strategies
    follows = data.follows
    out = []
    info: list[DeviationSite] = []
    for z in J.nodes:
        s1, s2 = divmod(z, k2)
        i, j = fa[s1], fb[s2]
        st = (a.states[s1], b.states[s2])
        nz = J.succ[z]
        base0 = omd * A[i][j] + delta * V0[nz]
        for i2 in range(m):
            if i2 == i:
                continue
            w = ta[s1][i2][j] * k2 + tb[s2][i2][j]
            g = omd * A[i2][j] + delta * V0[w] - base0
            out.append((Deviation(st, data.players[0], lab0[i2], lab0[i], g), g))
            info.append((0, (i2, j), (i, j), w, nz))
        rows = range(m) if follows is not None else (i,)
        for ir in rows:
            if follows is not None and ir not in follows:
                continue
            w0 = ta[s1][ir][j] * k2 + tb[s2][ir][j]
            base1 = omd * B[ir][j] + delta * V1[w0]
            after = lab0[ir] if follows is not None else None
            for j2 in range(n):
                if j2 == j:
                    continue
                w = ta[s1][ir][j2] * k2 + tb[s2][ir][j2]
                g = omd * B[ir][j2] + delta * V1[w] - base1
                out.append((Deviation(st, data.players[1], lab1[j2], lab1[j], g,
                                      after=after), g))
                info.append((1, (ir, j2), (ir, j), w, w0))
    return out, info, J


def one_shot_gains(data: StageData, a: Automaton, b: Automaton, dom: Domain,
                   accessible: bool = True) -> list[tuple[Deviation, Any]]:
    """Every one-shot deviation at every accessible (or every) joint state, with its gain
    :math:`g_i(w, a_i')` as an element of ``dom``.

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> data = StageData(pd)
    >>> grim = gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1)
    >>> [g for _, g in one_shot_gains(data, *grim, data.domain("1/2"))]
    [Fraction(0, 1), Fraction(0, 1), Fraction(-1, 2), Fraction(-1, 2)]
    """
    return _gains(data, a, b, dom, accessible)[0]


def _exact_check(data: StageData, a: Automaton, b: Automaton, dom: Domain, d: Any,
                 accessible: bool = True) -> tuple[bool, Callable[[], list[Deviation]], int]:
    """Exact verdict by float screening: ``(holds, deviations thunk, states checked)``.

    Values are convex combinations of stage payoffs, so their float errors are near
    machine precision: a float gain beyond ``1e-7`` times the payoff scale has a certain
    sign. Only gains inside that margin are recomputed in Fractions (from exact values of
    just the joint states they involve) to decide; the exact gains of the profitable
    deviations are computed when the result's ``deviations`` is read.
    """
    fdom = Domain("float", float(dom.delta))
    gains, info, J = _gains(data, a, b, fdom, accessible)
    margin = 1e-7 * data.scale()
    A, B = data.payoff_lists(dom)
    cells, succ = J.cells, J.succ
    memo: tuple[dict, dict] = ({}, {})
    delta = dom.delta
    omd = 1 - delta
    exact_rewards: list = []

    def exact_gain(p: int, dc: tuple, bc: tuple, w: int, nz: int) -> Fraction:
        if not exact_rewards:
            exact_rewards.append({z: A[i][j] for z, (i, j) in cells.items()})
            exact_rewards.append({z: B[i][j] for z, (i, j) in cells.items()})
        discounted_values(succ, exact_rewards[0], exact_rewards[1], dom, (w, nz), memo)
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

    return not candidates, compute, len(J.nodes)


def subgame_perfection(data: StageData, a: Automaton, b: Automaton, discount: Any,
                       states: str = "accessible") -> SubgamePerfection:
    """The one-shot deviation check of the profile ``(a, b)`` at a numeric discount factor
    (see :meth:`RepeatedGame.is_subgame_perfect`; the automata are assumed validated).

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> grim = gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1)
    >>> subgame_perfection(StageData(pd), *grim, "1/2")
    SubgamePerfection(True at discount 1/2: no profitable one-shot deviation in 2 joint states)
    """
    kind, d = data.discount(discount)
    if kind == "symbol" or data.symbolic:
        raise GameError("is_subgame_perfect needs numbers; for a symbolic discount factor "
                        "or a parametric stage use critical_discount or discount_analysis "
                        "(or the stage's .at(...) values)")
    acc = states_option(states)
    dom = data.domain(discount)
    if dom.kind == "fraction":
        holds, compute, nstates = _exact_check(data, a, b, dom, d, acc)
        return SubgamePerfection(holds, d, nstates, compute)
    gains = one_shot_gains(data, a, b, dom, accessible=acc)
    tol = data.tol(dom)
    bad = [Deviation(x.state, x.player, x.action, x.prescribed, x.gain, x.after, d)
           for x, g in gains if g > tol]
    bad.sort(key=lambda x: -float(x.gain))
    nstates = len({x.state for x, _ in gains}) if gains else 1
    return SubgamePerfection(not bad, d, nstates, bad)


# ============================================================================ Nash
def _policy_value(data: StageData, player: int, opp: Automaton, policy: Sequence[int],
                  dom: Domain) -> dict:
    """Values on the opponent's states when ``player`` follows a stationary policy."""
    A, B = data.payoff_lists(dom)
    U = A if player == 0 else B
    t = opp.table.tolist()
    succ, r = {}, {}
    for s in range(opp.size):
        own, o = policy[s], opp.actions[s]
        i, j = (own, o) if player == 0 else (o, own)
        succ[s] = t[s][i][j]
        r[s] = U[i][j]
    V, _ = discounted_values(succ, r, r, dom)
    return V


def _best_response_value(data: StageData, player: int, opp: Automaton, dom: Domain
                         ) -> tuple[Any, list[int]]:
    """Exact policy iteration for the best response to an automaton."""
    A, B = data.payoff_lists(dom)
    U = A if player == 0 else B
    t = opp.table.tolist()
    n_own = data.shape[player]
    tol = data.tol(dom)
    policy = [0] * opp.size
    omd = dom.one - dom.delta
    for _ in range(10 * opp.size * n_own + 10):
        V = _policy_value(data, player, opp, policy, dom)
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


def nash_check(data: StageData, a: Automaton, b: Automaton, discount: Any) -> NashCheck:
    """Whether ``(a, b)`` is a Nash equilibrium at a numeric discount factor: each
    player's best response (exact policy iteration) against its own automaton's value.

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> tft = gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1)
    >>> nash_check(StageData(pd), *tft, "1/2")
    NashCheck(False at discount 1/2: Row gains 1/3, Column gains 1/3)
    """
    kind, d = data.discount(discount)
    if kind == "symbol" or data.symbolic:
        raise GameError("is_nash needs numbers; use critical_discount(..., concept='nash')")
    dom = data.domain(discount)
    own = data.path_values(a, b, dom)
    tol = data.tol(dom)
    improvements = {}
    for p, opp in ((0, b), (1, a)):
        best, policy = _best_response_value(data, p, opp, dom)
        if best > own[p] + tol:
            labels = data.strategies[p]
            improvements[data.players[p]] = (
                best, own[p], {opp.states[s]: labels[policy[s]] for s in range(opp.size)})
    return NashCheck(not improvements, d, improvements)


def nash_gains(data: StageData, a: Automaton, b: Automaton, dom: Domain
               ) -> list[tuple[Deviation, Any]]:
    """The gain of every stationary policy against the other's automaton over the
    profile's value, at the initial state (at most :data:`MAX_POLICIES` per player).

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> data = StageData(pd)
    >>> tft = gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1)
    >>> len(nash_gains(data, *tft, data.domain("1/2")))
    8
    """
    J = data.joint(a, b, dom, accessible=False)
    own = (J.V[0][J.z0], J.V[1][J.z0])
    out = []
    for p, opp in ((0, b), (1, a)):
        n_own = data.shape[p]
        total = n_own ** opp.size
        if total > MAX_POLICIES:
            raise SolverError(f"symbolic Nash conditions enumerate {n_own}^{opp.size} = "
                              f"{total} stationary policies (limit {MAX_POLICIES}); "
                              "evaluate at numbers with is_nash instead")
        labels = data.strategies[p]
        for pol in itertools.product(range(n_own), repeat=opp.size):
            V = _policy_value(data, p, opp, pol, dom)
            g = V[opp.initial] - own[p]
            st = (a.states[a.initial], b.states[b.initial])
            desc = "policy " + ", ".join(f"{opp.states[s]}->{labels[pol[s]]}"
                                         for s in range(opp.size))
            out.append((Deviation(st, data.players[p], desc, "its automaton", g), g))
    return out
