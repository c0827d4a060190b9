r"""Perfect Bayesian equilibria of signalling games, exactly, with their belief sets.

An assessment of a sender-receiver game is a sender strategy :math:`\sigma(m \mid t)`, a
receiver strategy :math:`\rho(a \mid m)` and beliefs :math:`\mu(\cdot \mid m) \in
\Delta(T)` at each message. It is a *perfect Bayesian equilibrium* (Fudenberg and Tirole
1991, *Game Theory*, sec. 8.2) when

1. each type sends only messages that maximise
   :math:`U_t(m) = \sum_a \rho(a \mid m)\, u_S(t, m, a)`;
2. after each message the receiver plays only best replies to its belief:
   :math:`\sum_t \mu(t \mid m)\,[u_R(t, m, a) - u_R(t, m, a')] \ge 0` for every
   :math:`a` it plays and every :math:`a'`;
3. beliefs on the path follow Bayes' rule,
   :math:`\mu(t \mid m) = p(t)\,\sigma(m \mid t) / \sum_{t'} p(t')\,\sigma(m \mid t')`.

Off the path Bayes' rule says nothing: the equilibrium is supported by *every* belief in
the polytope that condition 2 cuts out of the simplex. This module returns that set
exactly, as its linear inequalities (and, for two types, as an interval), and decides
its emptiness with an exact LP, so an equilibrium is reported exactly when some belief
supports it.

Pure equilibria are enumerated directly; mixed ones (a type randomising: *semi-separating*
or *hybrid* equilibria; a receiver randomising) come from the exact indifference systems
of :mod:`gametheory.solve.signaling_mixed` and are re-checked here. An equilibrium's
``kind`` reads its posteriors: *separating* when every message sent reveals the type,
*pooling* when every message sent leaves the prior unchanged, *semi-separating*
otherwise. The refinements (intuitive criterion, D1) are in
:mod:`gametheory.solve.refinements`.

Examples
--------
Beer-quiche (Cho and Kreps 1987, *Quarterly Journal of Economics* 102) at prior 9/10 has
two pure pooling equilibria, each supported by off-path beliefs that the deviator is weak
with probability at least 1/2:

>>> from gametheory.models import beer_quiche
>>> for e in perfect_bayesian_equilibria(beer_quiche(), pure=True):
...     print(e.describe())
pooling on beer: strong -> beer, weak -> beer; beer -> not, quiche -> duel;
    off path: mu(weak | quiche) >= 1/2
pooling on quiche: strong -> quiche, weak -> quiche; beer -> duel, quiche -> not;
    off path: mu(weak | beer) >= 1/2

With mixed equilibria, each pooling component adds its other extreme point: the receiver
mixes off path, at the belief 1/2 that makes it indifferent.

>>> print(perfect_bayesian_equilibria(beer_quiche())[2].describe())
pooling on beer: strong -> beer, weak -> beer; beer -> not, quiche -> 1/2 duel + 1/2 not;
    beliefs mu(. | beer) = 9/10 strong + 1/10 weak; off path: mu(weak | quiche) = 1/2

At prior 1/10 the only equilibrium is semi-separating: the weak type mixes.

>>> for e in perfect_bayesian_equilibria(beer_quiche("1/10")):
...     print(e.describe())
semi-separating: strong -> beer, weak -> 1/9 beer + 8/9 quiche;
    beer -> 1/2 duel + 1/2 not, quiche -> duel;
    beliefs mu(. | beer) = 1/2 strong + 1/2 weak, mu(. | quiche) = weak
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from .._numbers import format_number
from .exact_lp import simplex_max
from .signaling_mixed import mixed_candidates

if TYPE_CHECKING:  # pragma: no cover
    from ..core.signaling import SignalingGame

__all__ = ["perfect_bayesian_equilibria", "PerfectBayesianEquilibrium", "BeliefSet",
           "best_reply_actions", "verify_equilibrium"]

_F0, _F1 = Fraction(0), Fraction(1)

#: A strategy entry: a label (played for sure) or ``{label: probability}``.
Choice = str | dict[str, Fraction]


@dataclass(frozen=True)
class BeliefSet:
    """Beliefs over states that make the chosen behaviour a best reply where Bayes' rule
    does not apply: :math:`\\{\\mu \\in \\Delta : \\sum_s \\mu_s c_s \\ge 0\\ \\text{for each
    row } c\\}`.

    In a signalling game the states are the types and ``message`` is the unsent message;
    on a game tree (:mod:`gametheory.solve.tree_pbe`) the states are the nodes of an
    information set (labelled by their histories) and ``message`` is its name.
    ``inequalities`` lists the rows ``c`` as ``{state: coefficient}`` (an equality, for a
    mixed reply, appears as a row and its negative); for two states :attr:`interval` gives
    the same set as bounds on the second state's probability.
    """

    message: str
    types: tuple[str, ...]
    inequalities: tuple[dict[str, Fraction], ...]

    @property
    def interval(self) -> tuple[Fraction, Fraction] | None:
        """For two states: ``(low, high)`` bounds on the probability of the second one
        (``low > high`` when the set is empty); None for symbolic rows."""
        if len(self.types) != 2 or not all(
                isinstance(v, Fraction | int) for row in self.inequalities for v in row.values()):
            return None
        a, b = self.types
        low, high = _F0, _F1
        for row in self.inequalities:
            # (1 - q) c_a + q c_b >= 0  <=>  c_a + q (c_b - c_a) >= 0
            ca, slope = row[a], row[b] - row[a]
            if slope > 0:
                low = max(low, -ca / slope)
            elif slope < 0:
                high = min(high, -ca / slope)
            elif ca < 0:
                return (_F1, _F0)  # empty
        return (low, high)

    def describe(self) -> str:
        iv = self.interval
        if iv is not None:
            t, (lo, hi) = self.types[1], iv
            name = f"mu({t} | {self.message})"
            if lo == 0 and hi == 1:
                return f"{name} anywhere in [0, 1]"
            if lo == hi:
                return f"{name} = {format_number(lo)}"
            if hi == 1:
                return f"{name} >= {format_number(lo)}"
            if lo == 0:
                return f"{name} <= {format_number(hi)}"
            return f"{format_number(lo)} <= {name} <= {format_number(hi)}"
        rows = [" + ".join(f"{format_number(c)} mu({t})" for t, c in row.items() if c) + " >= 0"
                for row in self.inequalities]
        return f"after {self.message}: " + "; ".join(r for r in rows if r != " >= 0")

    def contains(self, belief: Mapping[str, Fraction]) -> bool:
        """Whether ``belief`` (a distribution over the states) is in the set."""
        return all(sum((row[t] * Fraction(belief.get(t, 0)) for t in self.types), _F0) >= 0
                   for row in self.inequalities)

    def point(self, types: Sequence[str] | None = None) -> dict[str, Fraction] | None:
        """A belief in the set (a vertex found by exact LP), on ``types`` only if given;
        None when there is none."""
        ts = list(self.types if types is None else types)
        if not ts:
            return None
        constraints = [[row[t] for t in ts] for row in self.inequalities] + [[_F1] * len(ts)]
        senses = [">="] * len(self.inequalities) + ["="]
        rhs = [_F0] * len(self.inequalities) + [_F1]
        status, x, _ = simplex_max([_F0] * len(ts), constraints, senses, rhs)
        if status != "optimal" or x is None:
            return None
        return {t: (x[ts.index(t)] if t in ts else _F0) for t in self.types}

    def is_nonempty(self, types: Sequence[str] | None = None) -> bool:
        """Whether some belief (on ``types`` only, if given) is in the set."""
        return self.point(types) is not None


def _mix_text(choice: Choice) -> str:
    if isinstance(choice, str):
        return choice
    return " + ".join(f"{format_number(p)} {k}" for k, p in choice.items())


@dataclass(frozen=True)
class PerfectBayesianEquilibrium:
    """A perfect Bayesian equilibrium of a signalling game.

    ``sender`` maps each type to its message, or to ``{message: probability}`` when the
    type mixes; ``receiver`` maps each message to an action or ``{action: probability}``.
    ``beliefs`` maps each message sent to its Bayes posterior; ``off_path`` maps each
    unsent message to the :class:`BeliefSet` supporting the receiver's reply there
    (:meth:`belief` gives either). ``kind`` is ``"separating"``, ``"pooling"`` or
    ``"semi-separating"`` (see the module docstring). ``sender_payoffs`` by type;
    ``receiver_payoff`` expected.
    """

    sender: dict[str, Choice]
    receiver: dict[str, Choice]
    beliefs: dict[str, dict[str, Fraction]]
    off_path: dict[str, BeliefSet]
    kind: str
    sender_payoffs: dict[str, Fraction]
    receiver_payoff: Fraction

    @property
    def is_pure(self) -> bool:
        return all(isinstance(v, str) for v in (*self.sender.values(), *self.receiver.values()))

    def sender_mix(self, type_: str) -> dict[str, Fraction]:
        """``{message: probability}`` of a type (pure choices as probability 1)."""
        v = self.sender[type_]
        return {v: _F1} if isinstance(v, str) else dict(v)

    def receiver_mix(self, message: str) -> dict[str, Fraction]:
        """``{action: probability}`` after a message."""
        v = self.receiver[message]
        return {v: _F1} if isinstance(v, str) else dict(v)

    def belief(self, message: str) -> dict[str, Fraction] | BeliefSet:
        """The posterior after a message sent, or the supporting set after an unsent one."""
        return self.beliefs[message] if message in self.beliefs else self.off_path[message]

    def describe(self) -> str:
        sent = list(self.beliefs)
        head = f"pooling on {sent[0]}" if self.kind == "pooling" and len(sent) == 1 \
            else self.kind
        s = ", ".join(f"{t} -> {_mix_text(m)}" for t, m in self.sender.items())
        r = ", ".join(f"{m} -> {_mix_text(a)}" for m, a in self.receiver.items())
        text = f"{head}: {s}; {r}"
        if not self.is_pure:
            text += "; beliefs " + ", ".join(
                f"mu(. | {m}) = " + _mix_text(
                    {t: p for t, p in b.items() if p} if sum(1 for p in b.values() if p) > 1
                    else next(t for t, p in b.items() if p))
                for m, b in self.beliefs.items())
        off = "; ".join(b.describe() for b in self.off_path.values())
        return text + (f"; off path: {off}" if off else "")

    def __repr__(self) -> str:
        return f"PerfectBayesianEquilibrium({self.describe()})"


def _support_rows(game: SignalingGame, m: str, acts: Sequence[str], types: Sequence[str]
                  ) -> tuple[dict[str, Fraction], ...]:
    """Rows ``c`` with ``sum_t mu_t c_t >= 0`` iff every action of ``acts`` is a best
    reply after ``m`` (equalities between the actions of ``acts`` as two rows)."""
    rows = []
    for a in acts:
        for b in game.actions:
            if b != a:
                rows.append({t: game.payoff(t, m, a)[1] - game.payoff(t, m, b)[1]
                             for t in types})
    return tuple(rows)


def best_reply_actions(game: SignalingGame, message: str, types: Sequence[str]) -> list[str]:
    """:math:`BR(T', m)`: the actions that are a best reply to some belief over ``types``.

    >>> from gametheory.models import beer_quiche
    >>> best_reply_actions(beer_quiche(), "quiche", ["strong"])
    ['not']
    """
    return [a for a in game.actions
            if BeliefSet(message, tuple(types), _support_rows(game, message, [a], types)
                         ).is_nonempty()]


def _kind(game: SignalingGame, beliefs: Mapping[str, Mapping[str, Fraction]]) -> str:
    prior = game.prior
    if all(sum(1 for p in b.values() if p) == 1 for b in beliefs.values()):
        return "separating"
    if all(dict(b) == prior for b in beliefs.values()):
        return "pooling"
    return "semi-separating"


def verify_equilibrium(game: SignalingGame, sender: Mapping[str, Mapping[str, Fraction]],
                       receiver: Mapping[str, Mapping[str, Fraction]]
                       ) -> PerfectBayesianEquilibrium | None:
    """The equilibrium with behaviour ``(sender, receiver)`` (both as distributions), with
    its Bayes beliefs and off-path belief sets, or None if it is not a PBE."""
    T, M, A = game.types, game.messages, game.actions
    prior = game.prior
    mass = {m: sum((prior[t] * sender[t].get(m, _F0) for t in T), _F0) for m in M}
    beliefs = {m: {t: prior[t] * sender[t].get(m, _F0) / mass[m] for t in T}
               for m in M if mass[m] > 0}
    U = {(t, m): sum((p * game.payoff(t, m, a)[0] for a, p in receiver[m].items()), _F0)
         for t in T for m in M}
    pays = {}
    for t in T:
        best = max(U[(t, m)] for m in M)
        if any(p > 0 and U[(t, m)] < best for m, p in sender[t].items()):
            return None
        pays[t] = best
    off = {}
    for m in M:
        acts = [a for a, p in receiver[m].items() if p > 0]
        if m in beliefs:
            value = {a: sum((beliefs[m][t] * game.payoff(t, m, a)[1] for t in T), _F0)
                     for a in A}
            if any(value[a] < max(value.values()) for a in acts):
                return None
        else:
            bs = BeliefSet(m, T, _support_rows(game, m, acts, T))
            if not bs.is_nonempty():
                return None
            off[m] = bs
    receiver_payoff = sum((prior[t] * sender[t].get(m, _F0) * p * game.payoff(t, m, a)[1]
                           for t in T for m in M for a, p in receiver[m].items()), _F0)

    def show(mix: Mapping[str, Fraction]) -> Choice:
        live = {k: v for k, v in mix.items() if v > 0}
        return next(iter(live)) if len(live) == 1 else live

    return PerfectBayesianEquilibrium(
        {t: show(sender[t]) for t in T}, {m: show(receiver[m]) for m in M}, beliefs, off,
        _kind(game, beliefs), pays, receiver_payoff)


def perfect_bayesian_equilibria(game: SignalingGame, pure: bool = False
                                ) -> list[PerfectBayesianEquilibrium]:
    """Every pure perfect Bayesian equilibrium and, unless ``pure``, every extreme mixed
    one, in a deterministic order (pure ones first).

    Pure sender strategies are enumerated in the order of the messages (lexicographic
    over types), receiver strategies likewise. Off-path actions are kept whenever *some*
    belief supports them, and the supporting set is returned. Mixed equilibria are the
    vertices of each support pattern's equilibrium polytopes
    (:mod:`gametheory.solve.signaling_mixed`), each re-verified by
    :func:`verify_equilibrium`; a continuum of equilibria shows as its extreme points.

    Raises
    ------
    SolverError
        With ``pure=False``, when the game has too many support patterns.

    Examples
    --------
    See the module docstring (beer-quiche).
    """
    T, M, A = game.types, game.messages, game.actions
    out = []
    for sent in itertools.product(M, repeat=len(T)):
        s = {t: {m: _F1} for t, m in zip(T, sent, strict=True)}
        for acts in itertools.product(A, repeat=len(M)):
            r = {m: {a: _F1} for m, a in zip(M, acts, strict=True)}
            eq = verify_equilibrium(game, s, r)
            if eq is not None:
                out.append(eq)
    if pure:
        return out
    for sigma, rho in mixed_candidates(game):
        if all(len(v) == 1 for v in (*sigma.values(), *rho.values())):
            continue  # pure: listed above
        eq = verify_equilibrium(game, sigma, rho)
        if eq is not None:
            out.append(eq)
    return out
