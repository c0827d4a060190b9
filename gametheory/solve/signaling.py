r"""Perfect Bayesian equilibria of signalling games, exactly, with their belief sets.

An assessment of a sender-receiver game is a sender strategy :math:`s : T \to M`, a
receiver strategy :math:`r : M \to A` and beliefs :math:`\mu(\cdot \mid m) \in \Delta(T)`
at each message. It is a *perfect Bayesian equilibrium* (Fudenberg and Tirole 1991,
*Game Theory*, sec. 8.2) when

1. each type's message is a best reply to :math:`r`:
   :math:`u_S(t, s(t), r(s(t))) \ge u_S(t, m', r(m'))` for all :math:`m'`;
2. after each message the receiver's action is a best reply to its belief:
   :math:`\sum_t \mu(t \mid m)\,[u_R(t, m, r(m)) - u_R(t, m, a')] \ge 0` for all
   :math:`a'`;
3. beliefs on the path follow Bayes' rule,
   :math:`\mu(t \mid m) = p(t)\,[s(t) = m] / \sum_{t'} p(t')\,[s(t') = m]`.

Off the path Bayes' rule says nothing: the equilibrium is supported by *every* belief in
the polytope that condition 2 cuts out of the simplex. This module returns that set
exactly, as its linear inequalities (and, for two types, as an interval), and decides
its emptiness with an exact LP, so an equilibrium is reported exactly when some belief
supports it.

Refinements: the *intuitive criterion* (Cho and Kreps 1987, *Quarterly Journal of
Economics* 102, 179-221) removes, for an unsent message :math:`m`, the types for which
:math:`m` is *equilibrium dominated* (:math:`u^*(t) > \max_{a \in BR(T, m)} u_S(t, m, a)`)
and rejects the equilibrium when some type would gain from :math:`m` against every best
reply to beliefs on the remaining types.

Examples
--------
Beer-quiche at prior 9/10 has two pooling equilibria; only beer-pooling passes the
intuitive criterion:

>>> from gametheory.models import beer_quiche
>>> g = beer_quiche()
>>> for e in perfect_bayesian_equilibria(g):
...     print(e.describe())
pooling on beer: strong -> beer, weak -> beer; beer -> not, quiche -> duel;
    off path: mu(weak | quiche) >= 1/2
pooling on quiche: strong -> quiche, weak -> quiche; beer -> duel, quiche -> not;
    off path: mu(weak | beer) >= 1/2
>>> [intuitive_criterion(g, e).survives for e in perfect_bayesian_equilibria(g)]
[True, False]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from .._numbers import format_number
from .exact_lp import simplex_max

if TYPE_CHECKING:  # pragma: no cover
    from ..core.signaling import SignalingGame

__all__ = ["perfect_bayesian_equilibria", "PerfectBayesianEquilibrium", "BeliefSet",
           "intuitive_criterion", "CriterionVerdict", "best_reply_actions"]

_F0, _F1 = Fraction(0), Fraction(1)


@dataclass(frozen=True)
class BeliefSet:
    """Beliefs over the types at an unsent message that make the receiver's action a best
    reply: :math:`\\{\\mu \\in \\Delta(T) : \\sum_t \\mu_t c_t \\ge 0\\ \\text{for each row } c\\}`.

    ``inequalities`` lists the rows ``c`` (one per alternative action, as
    ``{type: coefficient}``); for two types :attr:`interval` gives the same set as bounds
    on the second type's probability.
    """

    message: str
    types: tuple[str, ...]
    inequalities: tuple[dict[str, Fraction], ...]

    @property
    def interval(self) -> tuple[Fraction, Fraction] | None:
        """For two types: ``(low, high)`` bounds on the probability of the second type."""
        if len(self.types) != 2:
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
            if hi == 1:
                return f"{name} >= {format_number(lo)}"
            if lo == 0:
                return f"{name} <= {format_number(hi)}"
            return f"{format_number(lo)} <= {name} <= {format_number(hi)}"
        rows = [" + ".join(f"{format_number(c)} mu({t})" for t, c in row.items() if c) + " >= 0"
                for row in self.inequalities]
        return f"after {self.message}: " + "; ".join(r for r in rows if r != " >= 0")

    def contains(self, belief: Mapping[str, Fraction]) -> bool:
        """Whether ``belief`` (a distribution over the types) is in the set."""
        return all(sum((row[t] * Fraction(belief.get(t, 0)) for t in self.types), _F0) >= 0
                   for row in self.inequalities)


@dataclass(frozen=True)
class PerfectBayesianEquilibrium:
    """A pure perfect Bayesian equilibrium of a signalling game.

    ``sender`` maps type to message, ``receiver`` message to action; ``beliefs`` maps each
    sent message to its Bayes posterior; ``off_path`` maps each unsent message to the
    :class:`BeliefSet` that supports the receiver's action there. ``kind`` is
    ``"separating"`` (each type its own message), ``"pooling"`` (one message) or
    ``"partially pooling"``. ``sender_payoffs`` by type; ``receiver_payoff`` expected.
    """

    sender: dict[str, str]
    receiver: dict[str, str]
    beliefs: dict[str, dict[str, Fraction]]
    off_path: dict[str, BeliefSet]
    kind: str
    sender_payoffs: dict[str, Fraction]
    receiver_payoff: Fraction

    def describe(self) -> str:
        sent = list(dict.fromkeys(self.sender.values()))
        head = f"pooling on {sent[0]}" if self.kind == "pooling" else self.kind
        s = ", ".join(f"{t} -> {m}" for t, m in self.sender.items())
        r = ", ".join(f"{m} -> {a}" for m, a in self.receiver.items())
        off = "; ".join(b.describe() for b in self.off_path.values())
        return f"{head}: {s}; {r}" + (f"; off path: {off}" if off else "")

    def __repr__(self) -> str:
        return f"PerfectBayesianEquilibrium({self.describe()})"


def _expected_receiver(game: SignalingGame, m: str, a: str,
                       belief: Mapping[str, Fraction]) -> Fraction:
    return sum((belief[t] * game.payoff(t, m, a)[1] for t in game.types), _F0)


def _support_rows(game: SignalingGame, m: str, a: str, types: Sequence[str]
                  ) -> tuple[dict[str, Fraction], ...]:
    return tuple({t: game.payoff(t, m, a)[1] - game.payoff(t, m, b)[1] for t in types}
                 for b in game.actions if b != a)


def _feasible(rows: Sequence[Mapping[str, Fraction]], types: Sequence[str]) -> bool:
    """Whether some belief over ``types`` satisfies every row (an exact LP)."""
    if not types:
        return False
    constraints = [[row[t] for t in types] for row in rows] + [[_F1] * len(types)]
    senses = [">="] * len(rows) + ["="]
    rhs = [_F0] * len(rows) + [_F1]
    status, _, _ = simplex_max([_F0] * len(types), constraints, senses, rhs)
    return status == "optimal"


def best_reply_actions(game: SignalingGame, message: str, types: Sequence[str]) -> list[str]:
    """:math:`BR(T', m)`: the actions that are a best reply to some belief over ``types``.

    >>> from gametheory.models import beer_quiche
    >>> best_reply_actions(beer_quiche(), "quiche", ["strong"])
    ['not']
    """
    return [a for a in game.actions
            if _feasible(_support_rows(game, message, a, types), list(types))]


def perfect_bayesian_equilibria(game: SignalingGame) -> list[PerfectBayesianEquilibrium]:
    """Every pure-strategy perfect Bayesian equilibrium, in a deterministic order.

    Sender strategies are enumerated in the order of the messages (lexicographic over
    types), receiver strategies likewise; an equilibrium is listed once per pair
    ``(s, r)``. Off-path actions are kept whenever *some* belief supports them, and the
    supporting set is returned.

    Examples
    --------
    See the module docstring (beer-quiche).
    """
    T, M, A = game.types, game.messages, game.actions
    prior = game.prior
    out = []
    for sent in itertools.product(M, repeat=len(T)):
        s = dict(zip(T, sent, strict=True))
        on_path = [m for m in M if m in sent]
        beliefs: dict[str, dict[str, Fraction]] = {}
        for m in on_path:
            mass = sum((prior[t] for t in T if s[t] == m), _F0)
            beliefs[m] = {t: (prior[t] / mass if s[t] == m else _F0) for t in T}
        # receiver best replies on path, and the actions some belief supports off path
        choices: list[list[str]] = []
        for m in M:
            if m in beliefs:
                values = {a: _expected_receiver(game, m, a, beliefs[m]) for a in A}
                best = max(values.values())
                choices.append([a for a in A if values[a] == best])
            else:
                choices.append(best_reply_actions(game, m, T))
        for acts in itertools.product(*choices):
            r = dict(zip(M, acts, strict=True))
            pays = {t: game.payoff(t, s[t], r[s[t]])[0] for t in T}
            if any(game.payoff(t, m, r[m])[0] > pays[t] for t in T for m in M):
                continue
            off = {m: BeliefSet(m, T, _support_rows(game, m, r[m], T))
                   for m in M if m not in beliefs}
            kind = ("pooling" if len(on_path) == 1 else
                    "separating" if len(on_path) == len(T) else "partially pooling")
            receiver_payoff = sum((prior[t] * game.payoff(t, s[t], r[s[t]])[1] for t in T), _F0)
            out.append(PerfectBayesianEquilibrium(s, r, beliefs, off, kind, pays,
                                                  receiver_payoff))
    return out


@dataclass(frozen=True)
class CriterionVerdict:
    """Whether an equilibrium survives a refinement, and why (one reason per message)."""

    survives: bool
    reasons: tuple[str, ...]


def intuitive_criterion(game: SignalingGame, eq: PerfectBayesianEquilibrium
                        ) -> CriterionVerdict:
    """The Cho-Kreps intuitive criterion applied to a pure PBE.

    For each unsent message :math:`m`: drop the types for which :math:`m` is equilibrium
    dominated; if some type's equilibrium payoff is strictly below its payoff from
    :math:`m` against *every* best reply to beliefs on the remaining types, the
    equilibrium fails.

    >>> from gametheory.models import beer_quiche
    >>> g = beer_quiche()
    >>> quiche_pool = perfect_bayesian_equilibria(g)[1]
    >>> print(intuitive_criterion(g, quiche_pool).reasons[0])
    beer: equilibrium dominated for weak; against every best reply to beliefs on strong,
    strong gains (3 > 2)
    """
    reasons = []
    ok = True
    for m in game.messages:
        if m in eq.beliefs:
            continue
        br_all = best_reply_actions(game, m, game.types)
        dominated = [t for t in game.types
                     if eq.sender_payoffs[t] > max(game.payoff(t, m, a)[0] for a in br_all)]
        rest = [t for t in game.types if t not in dominated]
        if not rest:
            reasons.append(f"{m}: equilibrium dominated for every type (no restriction)")
            continue
        br_rest = best_reply_actions(game, m, rest)
        gainers = [t for t in game.types
                   if min(game.payoff(t, m, a)[0] for a in br_rest) > eq.sender_payoffs[t]]
        dom = ", ".join(dominated) if dominated else "no type"
        if gainers:
            ok = False
            t = gainers[0]
            worst = min(game.payoff(t, m, a)[0] for a in br_rest)
            reasons.append(f"{m}: equilibrium dominated for {dom}; against every best reply to "
                           f"beliefs on {', '.join(rest)}, {t} gains "
                           f"({format_number(worst)} > {format_number(eq.sender_payoffs[t])})")
        else:
            reasons.append(f"{m}: equilibrium dominated for {dom}; no type gains for sure")
    return CriterionVerdict(ok, tuple(reasons))
