r"""Refinements of signalling equilibria: the intuitive criterion and D1, with reasons.

Let :math:`u^*(t)` be type :math:`t`'s equilibrium payoff and :math:`m` a message no type
sends. :math:`BR(T', m)` is the set of the receiver's best replies to some belief over
:math:`T' \subseteq T`, and :math:`MBR(T', m)` its mixed best replies (the mixtures over a
set of actions that are *together* best against one belief).

* **Intuitive criterion** (Cho and Kreps 1987, *Quarterly Journal of Economics* 102,
  179-221). :math:`m` is *equilibrium dominated* for :math:`t` when
  :math:`u^*(t) > \max_{a \in BR(T, m)} u_S(t, m, a)`; let :math:`T^{**}` be the other
  types. The equilibrium fails when some type gains from :math:`m` against *every* best
  reply to beliefs on :math:`T^{**}`:
  :math:`\min_{a \in BR(T^{**}, m)} u_S(t, m, a) > u^*(t)`.
* **D1** (Cho and Kreps 1987, sec. on stronger restrictions; Banks and Sobel 1987,
  *Econometrica* 55, 647-661, for divinity). Let :math:`D_t` (:math:`D^0_t`) be the
  replies :math:`\alpha \in MBR(T, m)` for which :math:`t` strictly gains (breaks even)
  by sending :math:`m`. Type :math:`t` is deleted at :math:`m` when some other type
  :math:`t'` gains whenever :math:`t` would weakly gain:
  :math:`D_t \cup D^0_t \subseteq D_{t'}`. The equilibrium survives when, at each unsent
  message, the receiver's reply is a best reply to some belief on the types not deleted
  (all types when every type is deleted). Each inclusion is decided exactly: for every
  set :math:`R` of jointly best actions, an exact LP minimises :math:`u_S(t', m, \alpha)
  - u^*(t')` over :math:`\alpha \in \Delta(R)` with :math:`u_S(t, m, \alpha) \ge u^*(t)`.

Both apply to pure and mixed equilibria of :mod:`gametheory.solve.signaling` (only unsent
messages are tested).

Examples
--------
>>> from gametheory.models import beer_quiche
>>> from gametheory.solve.signaling import perfect_bayesian_equilibria
>>> g = beer_quiche()
>>> [(intuitive_criterion(g, e).survives, d1_criterion(g, e).survives)
...  for e in perfect_bayesian_equilibria(g)]
[(True, True), (False, False), (True, False), (False, False)]

The third, pooling on beer with the receiver mixing after quiche at the belief 1/2,
passes the intuitive criterion but not D1, which puts all weight on the weak type after
quiche.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from .._numbers import format_number
from .exact_lp import simplex_max
from .signaling import PerfectBayesianEquilibrium, best_reply_actions
from .signaling_mixed import supportable

if TYPE_CHECKING:  # pragma: no cover
    from ..core.signaling import SignalingGame

__all__ = ["CriterionVerdict", "intuitive_criterion", "d1_criterion", "d1_deleted"]

_F0, _F1 = Fraction(0), Fraction(1)


@dataclass(frozen=True)
class CriterionVerdict:
    """Whether an equilibrium survives a refinement, and why (one reason per unsent
    message)."""

    survives: bool
    reasons: tuple[str, ...]

    def __bool__(self) -> bool:
        return self.survives


def intuitive_criterion(game: SignalingGame, eq: PerfectBayesianEquilibrium
                        ) -> CriterionVerdict:
    """The Cho-Kreps intuitive criterion applied to a perfect Bayesian equilibrium.

    For each unsent message :math:`m`: drop the types for which :math:`m` is equilibrium
    dominated; if some type's equilibrium payoff is strictly below its payoff from
    :math:`m` against *every* best reply to beliefs on the remaining types, the
    equilibrium fails.

    >>> from gametheory.models import beer_quiche
    >>> from gametheory.solve.signaling import perfect_bayesian_equilibria
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


def _reply_sets(game: SignalingGame, m: str) -> list[tuple[str, ...]]:
    """The sets of actions that are jointly best replies to one belief after ``m``."""
    A = game.actions
    return [R for k in range(1, len(A) + 1) for R in itertools.combinations(A, k)
            if supportable(game, m, R)]


def _includes(game: SignalingGame, m: str, eq: PerfectBayesianEquilibrium, t: str,
              other: str, replies: list[tuple[str, ...]]) -> bool:
    """Whether :math:`D_t \\cup D^0_t \\subseteq D_{other}` at ``m``."""
    ut, uo = eq.sender_payoffs[t], eq.sender_payoffs[other]
    for R in replies:
        # minimise u_other(alpha) over alpha in Delta(R) with u_t(alpha) >= u*_t
        c = [-game.payoff(other, m, a)[0] for a in R]
        rows = [[game.payoff(t, m, a)[0] for a in R], [_F1] * len(R)]
        status, _, value = simplex_max(c, rows, [">=", "="], [ut, _F1])
        if status == "optimal" and value is not None and -value <= uo:
            return False
    return True


def d1_deleted(game: SignalingGame, eq: PerfectBayesianEquilibrium, message: str
               ) -> dict[str, str]:
    """The types D1 deletes at an unsent ``message``: ``{type: the type that gains
    whenever it would}``.

    >>> from gametheory.models import beer_quiche
    >>> from gametheory.solve.signaling import perfect_bayesian_equilibria
    >>> g = beer_quiche()
    >>> d1_deleted(g, perfect_bayesian_equilibria(g)[1], "beer")
    {'weak': 'strong'}
    """
    replies = _reply_sets(game, message)
    out = {}
    for t in game.types:
        for other in game.types:
            if other != t and _includes(game, message, eq, t, other, replies):
                out[t] = other
                break
    return out


def d1_criterion(game: SignalingGame, eq: PerfectBayesianEquilibrium) -> CriterionVerdict:
    """Criterion D1 applied to a perfect Bayesian equilibrium (one round, no iteration).

    >>> from gametheory.models import beer_quiche
    >>> from gametheory.solve.signaling import perfect_bayesian_equilibria
    >>> g = beer_quiche()
    >>> print(d1_criterion(g, perfect_bayesian_equilibria(g)[1]).reasons[0])
    beer: D1 deletes weak (strong gains whenever weak would); duel needs beliefs on
    strong: not a best reply to any of them
    """
    reasons = []
    ok = True
    for m in game.messages:
        if m in eq.beliefs:
            continue
        deleted = d1_deleted(game, eq, m)
        rest = [t for t in game.types if t not in deleted]
        if not rest:
            rest = list(game.types)
        why = ", ".join(f"{t} ({o} gains whenever {t} would)" for t, o in deleted.items())
        reply = " + ".join(f"{format_number(p)} {a}" if p != 1 else a
                           for a, p in eq.receiver_mix(m).items())
        supported = eq.off_path[m].is_nonempty(rest)
        ok = ok and supported
        reasons.append(f"{m}: D1 deletes {why or 'no type'}; {reply} needs beliefs on "
                       f"{', '.join(rest)}: "
                       + ("supported" if supported else "not a best reply to any of them"))
    return CriterionVerdict(ok, tuple(reasons))
