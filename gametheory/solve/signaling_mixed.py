r"""Mixed and semi-separating equilibria of signalling games: the indifference systems,
solved exactly by support enumeration.

Fix a *pattern*: a set :math:`S_t \subseteq M` of messages for each type and a set
:math:`R_m \subseteq A` of actions for each message. With :math:`\sigma(m \mid t)`
supported on :math:`S_t` and :math:`\rho(a \mid m)` on :math:`R_m`, the equilibrium
conditions split into two linear systems:

* the receiver's, in :math:`\sigma` alone: at each message :math:`m` some type sends, the
  actions of :math:`R_m` are equally good and no worse than the others against the
  *unnormalised* posterior :math:`p(t)\sigma(m \mid t)`:
  :math:`\sum_t p(t)\sigma(m \mid t)[u_R(t,m,a) - u_R(t,m,a')] = 0` for :math:`a, a' \in
  R_m` and :math:`\ge 0` for :math:`a \in R_m, a' \notin R_m` (Bayes' rule divides by a
  positive number, so these are the conditions on the posterior);
* the sender's, in :math:`\rho` alone: each type is indifferent among the messages of
  :math:`S_t` and weakly prefers them to the others, :math:`U_t(m) = \sum_a
  \rho(a \mid m) u_S(t,m,a)`;

and, at messages nobody sends, :math:`R_m` must be a set of best replies to some belief
(an exact LP). So each pattern's equilibria are a product of two polytopes, and this
module returns, for every pattern, the pairs of their vertices (exact Fractions). Each is
then re-checked as an equilibrium by :mod:`gametheory.solve.signaling`, which also
removes duplicates: the result is every *extreme* equilibrium of every pattern, in the
sense of the normal-form solver (:mod:`gametheory.solve.exact`), among which all pure
ones and all isolated mixed ones.

A pattern is skipped at once when some :math:`R_m` is not a set of joint best replies to
a belief on the types that send :math:`m` (on the path the posterior is such a belief),
or when its sender polytope is empty. The number of patterns is
:math:`(2^{|M|}-1)^{|T|} (2^{|A|}-1)^{|M|}`; more than ``MAX_PATTERNS`` raises
:class:`~gametheory.errors.SolverError` (use ``pure=True``). Measured: beer-quiche (81
patterns) 0.1 s; a two-type game with three messages and three actions (16,807
patterns, :func:`~gametheory.models.spence_education`) about 10 s.

>>> from gametheory.models import beer_quiche
>>> from fractions import Fraction as F
>>> found = mixed_candidates(beer_quiche(F(1, 10)))
>>> ({"strong": {"beer": F(1)}, "weak": {"beer": F(1, 9), "quiche": F(8, 9)}},
...  {"beer": {"duel": F(1, 2), "not": F(1, 2)}, "quiche": {"duel": F(1)}}) in found
True
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from ..errors import SolverError
from .exact_linalg import polytope_vertices
from .exact_lp import simplex_max

if TYPE_CHECKING:  # pragma: no cover
    from ..core.signaling import SignalingGame

__all__ = ["mixed_candidates", "MAX_PATTERNS", "Mix"]

#: Most support patterns enumerated.
MAX_PATTERNS = 20_000

_F0, _F1 = Fraction(0), Fraction(1)

#: A strategy: ``{type or message: {message or action: probability}}`` (positive entries).
Mix = dict[str, dict[str, Fraction]]


def _subsets(items: Sequence[str]) -> list[tuple[str, ...]]:
    return [c for k in range(1, len(items) + 1) for c in itertools.combinations(items, k)]


def pattern_count(game: SignalingGame) -> int:
    """How many support patterns :func:`mixed_candidates` visits (before pruning)."""
    return ((2 ** len(game.messages) - 1) ** len(game.types)
            * (2 ** len(game.actions) - 1) ** len(game.messages))


def supportable(game: SignalingGame, m: str, acts: Sequence[str],
                types: Sequence[str] | None = None) -> bool:
    """Whether some belief over ``types`` (default all) makes every action of ``acts`` a
    best reply after ``m`` (an exact LP)."""
    T = list(game.types if types is None else types)
    if not T:
        return False
    rows, senses, rhs = [], [], []
    a0 = acts[0]
    for b in game.actions:
        if b == a0:
            continue
        rows.append([game.payoff(t, m, a0)[1] - game.payoff(t, m, b)[1] for t in T])
        senses.append("=" if b in acts else ">=")
        rhs.append(_F0)
    rows.append([_F1] * len(T))
    senses.append("=")
    rhs.append(_F1)
    return simplex_max([_F0] * len(T), rows, senses, rhs)[0] == "optimal"


def _sigma_vertices(game: SignalingGame, S: dict[str, tuple[str, ...]],
                    R: dict[str, tuple[str, ...]]) -> list[Mix]:
    T, A = game.types, game.actions
    var = [(t, m) for t in T for m in S[t]]
    col = {v: j for j, v in enumerate(var)}
    n = len(var)
    eq, eq_rhs, ineq, ineq_rhs = [], [], [], []
    for t in T:
        eq.append([_F1 if v[0] == t else _F0 for v in var])
        eq_rhs.append(_F1)
    for j in range(n):
        ineq.append([-_F1 if i == j else _F0 for i in range(n)])
        ineq_rhs.append(_F0)
    prior = game.prior
    for m in R:
        a0 = R[m][0]
        for b in A:
            if b == a0:
                continue
            row = [_F0] * n
            for t in T:
                if (t, m) in col:
                    row[col[(t, m)]] = prior[t] * (game.payoff(t, m, a0)[1]
                                                   - game.payoff(t, m, b)[1])
            if b in R[m]:
                eq.append(row)
                eq_rhs.append(_F0)
            else:
                ineq.append([-v for v in row])
                ineq_rhs.append(_F0)
    out = []
    for x in polytope_vertices(eq, eq_rhs, ineq, ineq_rhs):
        mix: Mix = {t: {} for t in T}
        for (t, m), v in zip(var, x, strict=True):
            if v:
                mix[t][m] = v
        out.append(mix)
    return out


def _rho_vertices(game: SignalingGame, S: dict[str, tuple[str, ...]],
                  R: dict[str, tuple[str, ...]]) -> list[Mix]:
    T, M = game.types, game.messages
    var = [(m, a) for m in M for a in R[m]]
    n = len(var)
    eq, eq_rhs, ineq, ineq_rhs = [], [], [], []
    for m in M:
        eq.append([_F1 if v[0] == m else _F0 for v in var])
        eq_rhs.append(_F1)
    for j in range(n):
        ineq.append([-_F1 if i == j else _F0 for i in range(n)])
        ineq_rhs.append(_F0)
    for t in T:
        m0 = S[t][0]
        for m in M:
            if m == m0:
                continue
            # U_t(m) - U_t(m0): = 0 inside the support, <= 0 outside
            row = [(game.payoff(t, mm, a)[0] if mm == m else _F0)
                   - (game.payoff(t, mm, a)[0] if mm == m0 else _F0) for mm, a in var]
            if m in S[t]:
                eq.append(row)
                eq_rhs.append(_F0)
            else:
                ineq.append(row)
                ineq_rhs.append(_F0)
    out = []
    for x in polytope_vertices(eq, eq_rhs, ineq, ineq_rhs):
        mix: Mix = {m: {} for m in M}
        for (m, a), v in zip(var, x, strict=True):
            if v:
                mix[m][a] = v
        out.append(mix)
    return out


def mixed_candidates(game: SignalingGame) -> list[tuple[Mix, Mix]]:
    """Candidate equilibria ``(sender, receiver)``: the vertex pairs of every support
    pattern's two polytopes, without duplicates (see the module docstring). They still
    have to be checked (off-path beliefs, supports that shrank at a vertex).

    Raises
    ------
    SolverError
        More than ``MAX_PATTERNS`` support patterns.
    """
    T, M, A = game.types, game.messages, game.actions
    if pattern_count(game) > MAX_PATTERNS:
        raise SolverError(f"{pattern_count(game)} support patterns (more than "
                          f"{MAX_PATTERNS}): mixed equilibria of this game are too costly; "
                          "ask for pure ones (pure=True)")
    msg_sets, act_sets = _subsets(M), _subsets(A)
    type_sets = [frozenset(c) for c in _subsets(T)] + [frozenset()]
    # a message's replies must be jointly best against a belief on the types sending it
    # (on the path: the posterior; off the path: any belief)
    replies = {(m, ts): [R for R in act_sets if supportable(game, m, R, sorted(ts) or T)]
               for m in M for ts in type_sets}
    found: dict[tuple, tuple[Mix, Mix]] = {}
    for combo in itertools.product(msg_sets, repeat=len(T)):
        S = dict(zip(T, combo, strict=True))
        senders = {m: frozenset(t for t in T if m in S[t]) for m in M}
        on = [m for m in M if senders[m]]
        off = [m for m in M if not senders[m]]
        for r_on in itertools.product(*(replies[(m, senders[m])] for m in on)):
            R_on = dict(zip(on, r_on, strict=True))
            sigmas = _sigma_vertices(game, S, R_on)
            if not sigmas:
                continue
            for r_off in itertools.product(*(replies[(m, frozenset())] for m in off)):
                R = {**R_on, **dict(zip(off, r_off, strict=True))}
                for rho in _rho_vertices(game, S, R):
                    for sigma in sigmas:
                        key = (_key(sigma), _key(rho))
                        found.setdefault(key, (sigma, rho))
    return list(found.values())


def _key(mix: Mix) -> tuple:
    return tuple((k, tuple(sorted(v.items()))) for k, v in mix.items())
