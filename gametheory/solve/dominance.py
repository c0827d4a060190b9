r"""Iterated elimination of dominated strategies, with a trace of what went and why.

For the row player of a bimatrix game :math:`(A, B)` restricted to row strategies
:math:`R` and column strategies :math:`C`, a mixed strategy :math:`\sigma \in \Delta(R)`

* *strictly dominates* row :math:`i` when :math:`\sum_k \sigma_k A_{kj} > A_{ij}` for
  every :math:`j \in C`;
* *weakly dominates* it when :math:`\sum_k \sigma_k A_{kj} \ge A_{ij}` for every
  :math:`j \in C`, with strict inequality for at least one :math:`j`

(the column player likewise with :math:`B^\top`). A rational player never plays a
strictly dominated strategy, and a strategy is strictly dominated by a mixed strategy
exactly when it is never a best response to any belief (Pearce 1984; Osborne 2004,
*An Introduction to Game Theory*, sections 2.9 and 4.4; Fudenberg and Tirole 1991,
*Game Theory*, section 2.1). Removing dominated strategies and repeating on the smaller
game until nothing more goes is *iterated elimination*.

Order. For strict dominance the surviving game does not depend on the order in which
strategies are removed (Gilboa, Kalai and Zemel 1990; Apt 2004, "Uniform proofs of order
independence for various strategy elimination procedures"). For *weak* dominance it does
(Osborne 2004, section 2.9; Fudenberg and Tirole 1991, section 2.1). This module uses
*maximal simultaneous elimination*: in each round, every strategy of either player that is
dominated in the game at the start of the round is removed, all at once, and rounds
repeat until none is dominated. One call of Gambit's ``undominated_strategies_solve``
is one such round, so results can be compared with Gambit. It is one order among
several: a weakly dominated strategy removed here may survive under another order.

Each removed strategy is reported with a dominating strategy among the strategies that
survive its round (a pure strategy when one dominates, otherwise, with ``mixed=True``, a
mixed strategy with exact rational probabilities). Dominance by a mixed strategy is a
linear programme: strict dominance of :math:`i` holds iff some :math:`\lambda \ge 0` has
:math:`\sum_k \lambda_k (A_{kj} - A_{ij}) \ge 1` for all :math:`j` (then
:math:`\sigma = \lambda / \sum \lambda`); weak dominance iff
:math:`\max \{ \sum_j \sum_k \sigma_k (A_{kj} - A_{ij}) : \sigma \in \Delta,\
\sum_k \sigma_k (A_{kj} - A_{ij}) \ge 0\ \forall j \} > 0`.

Every answer is exact, with a certificate checked in rational arithmetic. For all but
tiny programmes scipy's ``linprog`` (HiGHS) is solved first and its solution rounded to
small-denominator fractions: either a dominating mixture :math:`\sigma`, checked
exactly, or -- by LP duality (Pearce 1984, lemmas 3 and 4) -- a belief :math:`y` over the
opponent's strategies under which :math:`i` is a best response among the candidates
(with full support, for weak dominance), which proves that nothing dominates :math:`i`.
When no rounded float solution passes its exact check, an exact two-phase simplex method
over Fractions with Bland's rule decides (Chvatal 1983, *Linear Programming*, chapters
2-3). Payoffs are compared exactly (float payoffs by their exact rational values, with no
tolerance).

This module works on payoff arrays and strategy indices; the labelled trace
(:class:`~gametheory.EliminationResult`, with a sentence per removal) is built by
:mod:`gametheory.solve.elimination`.

Examples
--------
The third row pays 1 whatever the column, less than the half-half mixture of the first
two rows (3/2 against either column): strictly dominated by a mixture, not by a pure row.

>>> res = iterated_elimination([[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]],
...                            mixed=True)
>>> res.remaining, [(r.player, r.index, r.dominator) for r in res.removals]
(((0, 1), (0, 1)), [(0, 2, {0: Fraction(1, 2), 1: Fraction(1, 2)})])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .._numbers import fraction_matrix
from .exact_lp import simplex_max

__all__ = ["iterated_elimination", "find_dominator", "Elimination", "Removal"]

_F0 = Fraction(0)
_F1 = Fraction(1)
#: LPs with at least this many coefficients try scipy's solution (verified exactly) first.
_FLOAT_FIRST_SIZE = 16


# ---------------------------------------------------------------------- exact LP
def _rationalisations(vec: Any, positive: bool) -> list[list[Fraction]]:
    """Candidate exact probability vectors near a float LP solution (small denominators)."""
    out = []
    for bound in (1000, 10**6):
        fr = [Fraction(max(0.0, float(v))).limit_denominator(bound) for v in vec]
        total = sum(fr, _F0)
        if total > 0 and (not positive or all(f > 0 for f in fr)):
            out.append([f / total for f in fr])
    return out


def _verified(diff: list[list[Fraction]], sigma: list[Fraction], strict: bool) -> bool:
    """Whether ``sigma`` (weights on the candidates) dominates, checked exactly."""
    k, n = len(diff), len(diff[0])
    gains = [sum((sigma[r] * diff[r][j] for r in range(k) if sigma[r]), _F0) for j in range(n)]
    if strict:
        return all(g > 0 for g in gains)
    return all(g >= 0 for g in gains) and any(g > 0 for g in gains)


def _refuted(diff: list[list[Fraction]], belief: list[Fraction], strict: bool) -> bool:
    """Whether ``belief`` (over the opponent's strategies) proves that nothing dominates.

    By LP duality (Pearce 1984, lemmas 3 and 4) the strategy is not strictly dominated
    iff it is a best response among itself and the candidates to some belief, and not
    weakly dominated iff it is one to some belief with full support.
    """
    if not strict and any(b <= 0 for b in belief):
        return False
    return all(sum((d * b for d, b in zip(row, belief, strict=True) if b), _F0) <= 0
               for row in diff)


def _float_certificate(diff: list[list[Fraction]], strict: bool
                       ) -> tuple[str, list[Fraction] | None] | None:
    """Decide dominance from scipy's LP solutions, rounded and verified exactly.

    Returns ``("dominated", sigma)``, ``("undominated", None)``, or None when no rounded
    float solution survives the exact check (the caller then runs the exact simplex).
    """
    try:
        import numpy as np
        from scipy.optimize import linprog
    except ImportError:  # pragma: no cover
        return None
    D = np.array([[float(v) for v in row] for row in diff])  # (k candidates, n opponent)
    k, n = D.shape
    tol = 1e-9 * max(1.0, float(np.abs(D).max()))
    opts = {"method": "highs"}
    # primal: a dominating mixture sigma
    if strict:  # max eps  s.t.  D^T sigma >= eps, sum sigma = 1
        res = linprog(np.append(np.zeros(k), -1.0), A_ub=np.hstack([-D.T, np.ones((n, 1))]),
                      b_ub=np.zeros(n), A_eq=np.append(np.ones(k), 0.0)[None, :], b_eq=[1.0],
                      bounds=[(0, None)] * k + [(None, None)], **opts)
        value = -res.fun if res.status == 0 else None
        sigma_f = res.x[:k] if res.status == 0 else None
    else:  # max sum_j (D^T sigma)_j  s.t.  D^T sigma >= 0, sum sigma = 1
        res = linprog(-D.sum(axis=1), A_ub=-D.T, b_ub=np.zeros(n), A_eq=np.ones((1, k)),
                      b_eq=[1.0], bounds=[(0, None)] * k, **opts)
        value = -res.fun if res.status == 0 else None
        sigma_f = res.x if res.status == 0 else None
    if value is not None and value > tol and sigma_f is not None:
        for sigma in _rationalisations(sigma_f, positive=False):
            if _verified(diff, sigma, strict):
                return "dominated", sigma
        return None
    # dual: a belief under which the strategy is a best response among the candidates
    if strict:  # max t  s.t.  D y + t <= 0, sum y = 1
        res = linprog(np.append(np.zeros(n), -1.0), A_ub=np.hstack([D, np.ones((k, 1))]),
                      b_ub=np.zeros(k), A_eq=np.append(np.ones(n), 0.0)[None, :], b_eq=[1.0],
                      bounds=[(0, None)] * n + [(None, None)], **opts)
    else:  # max s  s.t.  y_j >= s, D y + s <= 0, sum y = 1 (margins keep rounding safe)
        A_ub = np.vstack([np.hstack([D, np.ones((k, 1))]),
                          np.hstack([-np.eye(n), np.ones((n, 1))])])
        res = linprog(np.append(np.zeros(n), -1.0), A_ub=A_ub, b_ub=np.zeros(k + n),
                      A_eq=np.append(np.ones(n), 0.0)[None, :], b_eq=[1.0],
                      bounds=[(0, None)] * n + [(None, None)], **opts)
    if res.status == 0:
        for belief in _rationalisations(res.x[:n], positive=not strict):
            if _refuted(diff, belief, strict):
                return "undominated", None
    return None


def _mixed_dominator(diff: list[list[Fraction]], strict: bool) -> list[Fraction] | None:
    """Exact weights on the candidate dominators, or None when none dominates.

    ``diff[k][j]`` is (payoff of candidate ``k``) - (payoff of the dominated strategy)
    against opponent strategy ``j``.
    """
    # a candidate paying exactly what the dominated strategy pays (a duplicate) can be
    # dropped: weight on it adds no gain, and dropping it keeps the float margins positive
    keep = [r for r, row in enumerate(diff) if any(row)]
    if len(keep) < len(diff):
        sub = _mixed_dominator([diff[r] for r in keep], strict) if keep else None
        if sub is None:
            return None
        full = [_F0] * len(diff)
        for r, w in zip(keep, sub, strict=True):
            full[r] = w
        return full
    k = len(diff)
    if k == 0:
        return None
    n = len(diff[0])
    if k * n >= _FLOAT_FIRST_SIZE:
        quick = _float_certificate(diff, strict)
        if quick is not None:
            return quick[1]
    cols = [[diff[r][j] for r in range(k)] for j in range(n)]
    if strict:
        status, lam, _ = simplex_max([-_F1] * k, cols, [">="] * n, [_F1] * n)
        if status != "optimal" or lam is None:
            return None
        total = sum(lam, _F0)
        sigma = [v / total for v in lam]
    else:
        obj = [sum(diff[r], _F0) for r in range(k)]
        status, sigma_opt, value = simplex_max(obj, [*cols, [_F1] * k], [">="] * n + ["="],
                                                [_F0] * n + [_F1])
        if status != "optimal" or sigma_opt is None or value is None or value <= 0:
            return None
        sigma = sigma_opt
    # exact verification of the certificate
    if not _verified(diff, sigma, strict) or sum(sigma, _F0) != 1 or any(
            s < 0 for s in sigma):  # pragma: no cover
        raise AssertionError("exact simplex returned an invalid dominance certificate")
    return sigma


# ---------------------------------------------------------------------- elimination
Dominator = int | dict[int, Fraction]


@dataclass(frozen=True)
class Removal:
    """One removed strategy, as indices and exact payoffs.

    Attributes
    ----------
    round : int
        1-based round of the maximal simultaneous elimination.
    player, index : int
        The player (0 row, 1 column) and the index of the removed strategy.
    dominator : int or dict
        The dominating strategy: an index, or a mixture ``{index: Fraction}``.
    strict : bool
        True for strict dominance, False for weak.
    against : tuple of int
        The opponent's strategies remaining in that round.
    payoffs, dominator_payoffs : tuple of Fraction
        The removed strategy's and the dominator's payoffs against each of ``against``.
    """

    round: int
    player: int
    index: int
    dominator: Dominator
    strict: bool
    against: tuple[int, ...]
    payoffs: tuple[Fraction, ...]
    dominator_payoffs: tuple[Fraction, ...]


@dataclass(frozen=True)
class Elimination:
    """The outcome of :func:`iterated_elimination`: removals, survivors, rounds."""

    removals: tuple[Removal, ...]
    remaining: tuple[tuple[int, ...], tuple[int, ...]]
    rounds: int


def _payoff_rows(exact: tuple[list[list[Fraction]], list[list[Fraction]]], player: int,
                 own: Sequence[int], other: Sequence[int]) -> dict[int, list[Fraction]]:
    """Exact payoffs of each own strategy against each remaining opponent strategy."""
    A, B = exact
    if player == 0:
        return {i: [A[i][j] for j in other] for i in own}
    return {i: [B[j][i] for j in other] for i in own}


def _pure_dominates(better: list[Fraction], worse: list[Fraction], strict: bool) -> bool:
    if strict:
        return all(b > w for b, w in zip(better, worse, strict=True))
    return all(b >= w for b, w in zip(better, worse, strict=True)) and better != worse


def _find_dominator(rows: dict[int, list[Fraction]], i: int, candidates: Sequence[int],
                    strict: bool, mixed: bool) -> Dominator | None:
    """A pure (index) or mixed ({index: prob}) strategy among ``candidates`` dominating ``i``."""
    cands = [k for k in candidates if k != i]
    for k in cands:
        if _pure_dominates(rows[k], rows[i], strict):
            return k
    if not mixed or len(cands) < 2:
        return None
    diff = [[a - b for a, b in zip(rows[k], rows[i], strict=True)] for k in cands]
    sigma = _mixed_dominator(diff, strict)
    if sigma is None:
        return None
    mix = {k: p for k, p in zip(cands, sigma, strict=True) if p > 0}
    if len(mix) == 1:  # cannot happen after the pure check, kept for safety
        return next(iter(mix))
    return mix


def _classify(rows: dict[int, list[Fraction]], i: int, candidates: Sequence[int], weak: bool,
              mixed: bool) -> tuple[Dominator, bool] | None:
    """(dominator, strict) for strategy ``i``, trying strict dominance first."""
    dom = _find_dominator(rows, i, candidates, True, mixed)
    if dom is not None:
        return dom, True
    if weak:
        dom = _find_dominator(rows, i, candidates, False, mixed)
        if dom is not None:
            return dom, False
    return None


def _exact(A: Any, B: Any) -> tuple[list[list[Fraction]], list[list[Fraction]]]:
    return fraction_matrix(A), fraction_matrix(B)


def find_dominator(A: Any, B: Any, player: int, index: int, weak: bool = False,
                   mixed: bool = False) -> Dominator | None:
    """A strategy of ``player`` dominating its strategy ``index`` in ``(A, B)``, or None.

    Strict dominance is tried first, weak next when ``weak``; with ``mixed`` the answer
    may be a mixture ``{index: Fraction}``. Payoffs are compared exactly.

    >>> find_dominator([[3, 0], [0, 3], [1, 1]], [[0, 0]] * 3, 0, 2, mixed=True)
    {0: Fraction(1, 2), 1: Fraction(1, 2)}
    """
    exact = _exact(A, B)
    m, n = len(exact[0]), len(exact[0][0])
    own = list(range((m, n)[player]))
    rows = _payoff_rows(exact, player, own, range((m, n)[1 - player]))
    found = _classify(rows, index, own, weak, mixed)
    return None if found is None else found[0]


def iterated_elimination(A: Any, B: Any, weak: bool = False, mixed: bool = False
                         ) -> Elimination:
    """Iterated (maximal simultaneous) elimination of dominated strategies of ``(A, B)``.

    Each round removes every strategy of either player dominated in the game at the start
    of the round; the dominator reported is among the round's survivors when one is.

    >>> res = iterated_elimination([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> res.remaining, res.rounds, [(r.player, r.index, r.dominator) for r in res.removals]
    (((1,), (1,)), 1, [(0, 0, 1), (1, 0, 1)])
    """
    exact = _exact(A, B)
    alive: list[list[int]] = [list(range(len(exact[0]))), list(range(len(exact[0][0])))]
    removals: list[Removal] = []
    rnd = 0
    while True:
        dominated_by_player: list[tuple[int, list[int]]] = []
        for p in (0, 1):
            own, other = alive[p], alive[1 - p]
            if len(own) < 2:
                dominated_by_player.append((p, []))
                continue
            rows = _payoff_rows(exact, p, own, other)
            # strict dominance implies weak: one test per strategy decides whether it goes
            dominated_by_player.append((p, [i for i in own if _find_dominator(
                rows, i, own, not weak, mixed) is not None]))
        if not any(d for _, d in dominated_by_player):
            break
        rnd += 1
        for p, dominated in dominated_by_player:
            if not dominated:
                continue
            own, other = alive[p], alive[1 - p]
            rows = _payoff_rows(exact, p, own, other)
            survivors = [k for k in own if k not in dominated]
            for i in dominated:
                found = _classify(rows, i, survivors, weak, mixed)
                if found is None:  # dominated only through strategies removed with it
                    found = _classify(rows, i, own, weak, mixed)
                assert found is not None
                dom, strict = found
                if isinstance(dom, dict):
                    better = tuple(sum((pr * rows[k][c] for k, pr in dom.items()), _F0)
                                   for c in range(len(other)))
                else:
                    better = tuple(rows[dom])
                removals.append(Removal(rnd, p, i, dom, strict, tuple(other), tuple(rows[i]),
                                        better))
        for p, dominated in dominated_by_player:
            alive[p] = [k for k in alive[p] if k not in dominated]
    return Elimination(tuple(removals), (tuple(alive[0]), tuple(alive[1])), rnd)
