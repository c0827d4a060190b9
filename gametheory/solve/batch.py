r"""Batched, vectorised vertex enumeration: all extreme equilibria of many small games.

For one bimatrix game :math:`(A, B)` of shape :math:`m \times n`, shift the payoffs to be
positive and form the best-response polytopes (von Stengel 2007, "Equilibrium
computation for two-player games in strategic and extensive form", ch. 3 of Nisan et al.,
*Algorithmic Game Theory*, Sec. 3.2)

.. math::

    P = \{x \ge 0 : B^\top x \le 1\}, \qquad Q = \{y \ge 0 : A y \le 1\}.

Label row strategy :math:`i` by :math:`i` and column strategy :math:`j` by :math:`m + j`.
A pair of non-zero vertices :math:`(x, y)` whose tight constraints together carry every
label is, after normalisation, an extreme Nash equilibrium, and every extreme equilibrium
arises so, degenerate games included (ibid., Theorem 3.4; Avis, Rosenberg, Savani and von
Stengel 2010, "Enumeration of Nash equilibria for two-player games", *Economic Theory* 42).

Every non-zero vertex of :math:`P` is the unique solution of some *basis*: a row support
:math:`S` and a set :math:`J` of tight columns with :math:`|S| = |J| = k`. Normalising
:math:`x` to a probability vector :math:`p` and subtracting the tight column
:math:`j_0 \in J` from the others, :math:`p` spans the kernel of the
:math:`(k-1) \times k` matrix of payoff *differences*
:math:`D_{ji} = B_{ij} - B_{ij_0}` (:math:`j \in J \setminus j_0`, :math:`i \in S`), so
:math:`p \propto c` with :math:`c_i = (-1)^i \det D_{\cdot, S \setminus i}` (the
generalised cross product). The basis gives a vertex iff the :math:`c_i` are not all zero
and share a sign, and every other column :math:`j'` satisfies
:math:`\operatorname{sign}(\Sigma c)\, t_{j'} \le 0` with
:math:`t_{j'} = \sum_i (B_{ij'} - B_{ij_0})\, c_i`; the vertex's labels are the rows
outside :math:`S`, rows with :math:`c_i = 0`, the columns :math:`J` and the columns with
:math:`t_{j'} = 0`. The shift cancels from the differences, so no shift is applied.

This module evaluates those determinants for all bases of all games at once with numpy
(one pass over the :math:`\sum_k \binom{m}{k}\binom{n}{k}` bases, vectorised over the
games), and pairs complementary vertices. In a non-degenerate game every vertex has exactly
:math:`m` (resp. :math:`n`) labels, so the partner of basis :math:`(S, J)` in :math:`P` is
basis :math:`(J, S)` in :math:`Q` (support enumeration); games where some vertex carries an
extra label are degenerate and are paired by full label-set comparison, with duplicate
vertices (one vertex reached from several bases) merged by their label sets.

Exactness. Every decision is the sign of a polynomial in payoff differences, evaluated in
floating point together with a rigorous forward error bound (the standard
:math:`\gamma_n = n u / (1 - n u)` analysis of Higham 2002, *Accuracy and Stability of
Numerical Algorithms*, Sec. 3.1, applied to the Leibniz expansion; a semi-static filter in
the sense of Shewchuk 1997, "Adaptive precision floating-point arithmetic and fast robust
geometric predicates"). A difference of two floats is exactly zero iff they are equal, so
ties between equal payoffs (a player indifferent when the other refrains) are decided
exactly. A decision whose value lies within the error bound plus a relative band
``tie_tol`` of zero, but is not provably zero, makes its game *ambiguous*: such games are
re-solved by the exact solver (:func:`gametheory.solve.exact.extreme_equilibria` on the
:class:`~fractions.Fraction` values of the float payoffs, or by a caller-supplied
``resolve`` function) instead of being guessed.

Examples
--------
>>> import numpy as np
>>> from gametheory.solve.batch import solve_batch
>>> A = np.array([[[1., -1.], [-1., 1.]], [[3., 0.], [5., 1.]]])
>>> B = np.array([[[-1., 1.], [1., -1.]], [[3., 5.], [0., 1.]]])
>>> res = solve_batch(A, B)
>>> res.point.tolist(), res.row.tolist(), res.col.tolist()
([0, 1], [[0.5, 0.5], [0.0, 1.0]], [[0.5, 0.5], [0.0, 1.0]])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, permutations
from math import comb, isfinite
from numbers import Integral, Real

import numpy as np

from .. import _limits
from ..errors import PayoffError, SolverError
from .exact import extreme_equilibria, is_degenerate_exact

__all__ = ["solve_batch", "BatchEquilibria", "exact_resolver", "square_bases",
           "count_bases", "check_tie_tol"]

_U = 2.0 ** -53
#: Default relative band around a tie inside which a game is re-solved exactly.
TIE_TOL = 1e-9
#: Largest regret, relative to the payoff scale, that a float equilibrium may show before
#: its game is re-solved exactly (a last check: no non-equilibrium leaves the solver).
REGRET_TOL = 1e-8
#: Exponent of the safe range: after scaling a game's matrix by a power of two to a
#: largest entry in :math:`[1/2, 1)`, every nonzero payoff difference must be at least
#: :math:`2^{-960/k}` (:math:`k = \min(m, n)`), so that no product of :math:`k`
#: differences, nor its error bound, leaves the normal floating-point range.
SAFE_EXPONENT = 960

Equal = tuple[np.ndarray, np.ndarray]

Resolver = Callable[[np.ndarray], list[list[tuple[Sequence[float], Sequence[float]]]]]


# --------------------------------------------------------------------------- result
@dataclass(frozen=True)
class BatchEquilibria:
    """All extreme equilibria of a batch of games, as flat arrays.

    Attributes
    ----------
    point : ndarray of int, shape (E,)
        Index of the game (parameter point) each equilibrium belongs to; sorted, and
        within a point equilibria are in the exact solver's order (row strategy
        lexicographically descending, then column strategy), decided on probabilities
        rounded to 12 decimals: two profiles whose exact probabilities differ by less
        (they can differ by 1e-19) may be listed in either order.
    row, col : ndarray of float, shape (E, m) and (E, n)
        Mixed strategies.
    payoffs : ndarray of float, shape (E, 2)
        Row and column player's expected payoffs.
    n_points : int
        Number of games.
    degenerate : ndarray of bool, shape (N,)
        Whether the game (as decided, exactly or by its exact re-solve) is degenerate:
        some vertex of a best-response polytope has more labels than its dimension.
    resolved : ndarray of bool, shape (N,)
        Games that had a decision within the tie band and were re-solved exactly.
    """

    point: np.ndarray
    row: np.ndarray
    col: np.ndarray
    payoffs: np.ndarray
    n_points: int
    degenerate: np.ndarray
    resolved: np.ndarray

    def __len__(self) -> int:
        return int(self.point.shape[0])

    @property
    def counts(self) -> np.ndarray:
        """Number of extreme equilibria at each point, shape (N,)."""
        return np.bincount(self.point, minlength=self.n_points)

    @property
    def offsets(self) -> np.ndarray:
        """``offsets[i]:offsets[i+1]`` indexes point ``i``'s equilibria, shape (N + 1,)."""
        return np.concatenate([[0], np.cumsum(self.counts)])

    def support_masks(self, tol: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
        """Bitmasks of the row and column supports (bit ``i`` set when played)."""
        m, n = self.row.shape[1], self.col.shape[1]
        rb = (self.row > tol) @ (1 << np.arange(m, dtype=np.int64))
        cb = (self.col > tol) @ (1 << np.arange(n, dtype=np.int64))
        return rb, cb

    def for_point(self, i: int) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
        """The equilibria ``(x, y)`` of point ``i`` as tuples of floats."""
        lo, hi = np.searchsorted(self.point, [i, i + 1])
        return [(tuple(self.row[k].tolist()), tuple(self.col[k].tolist()))
                for k in range(lo, hi)]

    def take_points(self, index: np.ndarray) -> BatchEquilibria:
        """The result restricted to the points ``index`` (renumbered 0..len-1)."""
        index = np.asarray(index, dtype=np.int64)
        newpos = np.full(self.n_points, -1, dtype=np.int64)
        newpos[index] = np.arange(index.size)
        keep = newpos[self.point] >= 0
        order = np.argsort(newpos[self.point[keep]], kind="stable")
        sel = np.flatnonzero(keep)[order]
        return BatchEquilibria(newpos[self.point[sel]], self.row[sel], self.col[sel],
                               self.payoffs[sel], int(index.size), self.degenerate[index],
                               self.resolved[index])

    @staticmethod
    def concatenate(parts: Sequence[BatchEquilibria]) -> BatchEquilibria:
        """Join results of consecutive chunks of points into one."""
        offs = np.cumsum([0] + [p.n_points for p in parts])
        return BatchEquilibria(
            np.concatenate([p.point + o for p, o in zip(parts, offs, strict=False)]),
            np.concatenate([p.row for p in parts]), np.concatenate([p.col for p in parts]),
            np.concatenate([p.payoffs for p in parts]), int(offs[-1]),
            np.concatenate([p.degenerate for p in parts]),
            np.concatenate([p.resolved for p in parts]))

    def to_frame(self, players: Sequence[str] = ("Row", "Column"),
                 strategies: Sequence[Sequence[str]] | None = None):
        """A pandas DataFrame, one row per equilibrium (columns as in ``gt.sweep``)."""
        import pandas as pd

        m, n = self.row.shape[1], self.col.shape[1]
        if strategies is None:
            strategies = ([f"R{i + 1}" for i in range(m)], [f"C{j + 1}" for j in range(n)])
        cols: dict[str, np.ndarray] = {"point": self.point}
        counts = self.counts
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        cols["equilibrium"] = np.arange(len(self)) - np.repeat(starts, counts)
        for i, s in enumerate(strategies[0]):
            cols[f"{players[0]}: {s}"] = self.row[:, i]
        for j, s in enumerate(strategies[1]):
            cols[f"{players[1]}: {s}"] = self.col[:, j]
        cols[f"payoff: {players[0]}"] = self.payoffs[:, 0]
        cols[f"payoff: {players[1]}"] = self.payoffs[:, 1]
        return pd.DataFrame(cols)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The fields as named arrays (``numpy.savez``-ready; see :meth:`from_arrays`)."""
        return {"point": self.point, "row": self.row, "col": self.col,
                "payoffs": self.payoffs, "n_points": np.asarray(self.n_points),
                "degenerate": self.degenerate, "resolved": self.resolved}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> BatchEquilibria:
        """The result stored by :meth:`to_arrays` (other keys of ``arrays`` are ignored).

        >>> import numpy as np
        >>> res = solve_batch(np.eye(2)[None], np.eye(2)[None])
        >>> back = BatchEquilibria.from_arrays(res.to_arrays())
        >>> back.counts.tolist(), back.to_frame().equals(res.to_frame())
        ([3], True)
        """
        m, n = np.shape(arrays["row"])[-1], np.shape(arrays["col"])[-1]
        return cls(np.asarray(arrays["point"], dtype=np.int64),
                   np.asarray(arrays["row"], dtype=float).reshape(-1, m),
                   np.asarray(arrays["col"], dtype=float).reshape(-1, n),
                   np.asarray(arrays["payoffs"], dtype=float).reshape(-1, 2),
                   int(arrays["n_points"]), np.asarray(arrays["degenerate"], dtype=bool),
                   np.asarray(arrays["resolved"], dtype=bool))


# --------------------------------------------------------------------------- algebra
def _gamma(k: int) -> float:
    return 2.0 * k * _U / (1.0 - k * _U)


def _det_perm(M: list[list[np.ndarray]]) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Leibniz determinant of a square matrix of arrays, and its permanent of |entries|."""
    k = len(M)
    if k == 0:
        return 1.0, 1.0
    if k == 1:
        return M[0][0], np.abs(M[0][0])
    det = None
    per = None
    for perm in permutations(range(k)):
        inv = sum(1 for a in range(k) for b in range(a + 1, k) if perm[a] > perm[b])
        term = M[0][perm[0]]
        for r in range(1, k):
            term = term * M[r][perm[r]]
        if det is None:
            det, per = (term if inv % 2 == 0 else -term), np.abs(term)
        else:
            det = det + term if inv % 2 == 0 else det - term
            per = per + np.abs(term)
    return det, per


def _state(value: np.ndarray, perm: np.ndarray, err: float, band: np.ndarray,
           exact: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sign of a computed quantity (+1, -1, 0 when provably zero) and an ambiguity flag.

    ``err * perm`` bounds the rounding error; ``band`` is the tie band (in the quantity's
    units). ``exact`` marks games whose arithmetic is exact (small integer payoffs): there
    the computed sign is the true sign and nothing is ambiguous. A quantity whose every
    term is zero (``perm == 0``) is provably zero.
    """
    width = np.where(exact, 0.0, err * perm + band)
    amb = (np.abs(value) <= width) & (perm > 0) & ~exact
    sign = np.where(np.abs(value) > width, np.sign(value), 0.0)
    return sign, amb


def count_bases(m: int, n: int) -> int:
    r"""The number :math:`\sum_{k \ge 1} \binom{m}{k}\binom{n}{k}` of :func:`square_bases`.

    >>> count_bases(2, 2), count_bases(6, 6)
    (5, 923)
    """
    return sum(comb(m, k) * comb(n, k) for k in range(1, min(m, n) + 1))


def check_tie_tol(tie_tol: object) -> float:
    """``tie_tol`` as a float; a :class:`PayoffError` unless it is a finite number >= 0.

    >>> check_tie_tol(0), check_tie_tol(1e-9)
    (0.0, 1e-09)
    >>> check_tie_tol(float("nan"))
    Traceback (most recent call last):
    ...
    gametheory.errors.PayoffError: tie_tol must be a finite number >= 0, got nan
    """
    if isinstance(tie_tol, bool) or not isinstance(tie_tol, Real) or not isfinite(tie_tol) \
            or tie_tol < 0:
        raise PayoffError(f"tie_tol must be a finite number >= 0, got {tie_tol!r}")
    return float(tie_tol)


def _check_chunk_size(chunk_size: object) -> int:
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, Integral) or chunk_size < 1:
        raise PayoffError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    return int(chunk_size)


def _bytes_per_game(m: int, n: int, nb: int) -> int:
    """A generous estimate of the working memory of one game in :func:`_core`."""
    k = min(m, n)
    side = nb * (8 * (2 * k + max(m, n) + 4) + 4 * (k + max(m, n)) + 32)
    quantities = 12 * 2 * nb * (k + 1)
    return 2 * side + quantities + 64 * m * n * max(m, n)


def square_bases(m: int, n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Every pair ``(S, J)`` of index sets of equal size :math:`1 \\le k \\le \\min(m, n)`,
    ``S`` from ``range(m)`` and ``J`` from ``range(n)``, in lexicographic order by size.

    These are the candidate bases of vertex enumeration on an :math:`m \\times n` matrix:
    the batch solver evaluates them numerically, the sensitivity thresholds symbolically
    (:mod:`gametheory.analysis.sensitivity.thresholds`).

    >>> square_bases(2, 2)
    [((0,), (0,)), ((0,), (1,)), ((1,), (0,)), ((1,), (1,)), ((0, 1), (0, 1))]
    """
    return [(S, J) for k in range(1, min(m, n) + 1)
            for S in combinations(range(m), k) for J in combinations(range(n), k)]


def _any(arrays: list[np.ndarray]) -> np.ndarray:
    """Elementwise OR of a list of boolean arrays (without stacking them)."""
    out = arrays[0].copy()
    for a in arrays[1:]:
        out |= a
    return out


def _parity(seq: Sequence[int]) -> int:
    """+1 for an even permutation of ``sorted(seq)``, -1 for an odd one."""
    inv = sum(1 for a in range(len(seq)) for b in range(a + 1, len(seq)) if seq[a] > seq[b])
    return -1 if inv % 2 else 1


class _SidePlan:
    """Index tables of one polytope's bases, shared by all chunks of one game shape.

    Every decision quantity is a determinant ``q(S, C)``: rows ``S`` of the payoff matrix
    ``G`` (own strategies), columns ``C`` (``|C| = |S| + 1``), entries
    ``G[S_a, C_b] - G[S_a, C_0]`` for ``b >= 1``. It is the bordered determinant
    ``det [[1 ... 1], [G[S, C]]]``, so any other reference column or column order only
    changes its sign: cofactor ``c_i`` of basis ``(S, J)`` is
    ``(-1)^i q(S minus S_i, J)`` and the slack of column ``j`` is ``q(S, (j0, j, J[1:]))``
    up to the parity of the column order. Computing each ``q`` once and reusing it with
    the right sign makes all decisions consistent and cuts the work to the distinct
    determinants (12 per side of a 3x3 game instead of 48).
    """

    def __init__(self, d: int, e: int, bases, own_bits, opp_bits) -> None:
        self.keys: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        index: dict[tuple, int] = {}

        def q(S: tuple[int, ...], seq: tuple[int, ...]) -> tuple[int, int]:
            key = (S, tuple(sorted(seq)))
            if key not in index:
                index[key] = len(self.keys) + 2  # columns 0, 1: constants one and zero
                self.keys.append(key)
            return index[key], _parity(seq)

        nb = len(bases)
        kmax = max(len(S) for S, _ in bases)
        tmax = max(max(e - len(J) for _, J in bases), 1)
        self.c_idx = np.ones((nb, kmax), dtype=np.intp)
        self.c_mul = np.ones((nb, kmax), dtype=np.int8)
        self.c_bit = np.zeros((nb, kmax), dtype=np.int64)
        self.c_own = np.full((nb, kmax), d, dtype=np.intp)  # own strategy (d = none)
        self.t_idx = np.ones((nb, tmax), dtype=np.intp)
        self.t_mul = np.ones((nb, tmax), dtype=np.int8)
        self.t_bit = np.zeros((nb, tmax), dtype=np.int64)
        self.base_mask = np.zeros(nb, dtype=np.int64)
        all_own = int(own_bits.sum())
        for b, (S, J) in enumerate(bases):
            k = len(S)
            self.base_mask[b] = all_own - int(own_bits[list(S)].sum()) + \
                int(opp_bits[list(J)].sum())
            for i in range(k):
                if k == 1:
                    self.c_idx[b, 0], self.c_mul[b, 0] = 0, 1
                else:
                    rest = tuple(x for x in S if x != S[i])
                    idx, par = q(rest, J)
                    self.c_idx[b, i], self.c_mul[b, i] = idx, par * (-1) ** i
                self.c_bit[b, i] = own_bits[S[i]]
                self.c_own[b, i] = S[i]
            others = [j for j in range(e) if j not in J]
            for r, j in enumerate(others):
                idx, par = q(S, (J[0], j, *J[1:]))
                self.t_idx[b, r], self.t_mul[b, r] = idx, par
                self.t_bit[b, r] = opp_bits[j]


_PLANS: dict[tuple, _SidePlan] = {}


def _plan(d: int, e: int, bases, own_bits, opp_bits) -> _SidePlan:
    key = (d, e, tuple(bases), tuple(own_bits.tolist()), tuple(opp_bits.tolist()))
    plan = _PLANS.get(key)
    if plan is None:
        plan = _PLANS[key] = _SidePlan(d, e, bases, own_bits, opp_bits)
    return plan


def _side(G: np.ndarray, bases, own_bits: np.ndarray, opp_bits: np.ndarray, tie_tol: float,
          exact: np.ndarray):
    """Vertices of ``{x >= 0 : G^T x <= 1}`` for every basis, vectorised over games.

    ``G`` has shape (N, d, e): the own player has ``d`` strategies (rows), the opponent
    ``e`` (columns), and ``G`` holds the opponent's payoffs. Returns feasibility (N, nb),
    label masks (N, nb), probabilities (N, nb, d), and per-game flags: ambiguous, extra
    (some feasible vertex carries more than ``d`` labels).
    """
    N, d, e = G.shape
    plan = _plan(d, e, bases, own_bits, opp_bits)
    nq = len(plan.keys) + 2
    # tie band: tie_tol times the size of a degree-s term at the game's payoff scale
    scale = np.abs(G).max(axis=(1, 2))
    scale = np.where(scale > 0, scale, 1.0)
    # layout (quantity, game): gathers and reductions below run over whole rows
    q_val = np.empty((nq, N))
    q_sgn = np.empty((nq, N), dtype=np.int8)
    q_amb = np.zeros((nq, N), dtype=bool)
    q_val[0], q_sgn[0] = 1.0, 1
    q_val[1], q_sgn[1] = 0.0, 0
    diffs: dict[tuple[int, int, int], np.ndarray] = {}

    def diff(i: int, j: int, j0: int) -> np.ndarray:
        key = (i, j, j0)
        if key not in diffs:
            diffs[key] = G[:, i, j] - G[:, i, j0]
        return diffs[key]

    for col, (S, C) in enumerate(plan.keys, start=2):
        s = len(S)
        M = [[diff(S[a], C[b + 1], C[0]) for b in range(s)] for a in range(s)]
        val, per = _det_perm(M)
        fact = int(np.prod(range(1, s + 1)))
        err = _gamma(3 * s + fact + 4)
        band = tie_tol * fact * (2 * scale) ** s
        sign, amb = _state(val, per, err, band, exact)
        q_val[col] = val
        q_sgn[col] = sign
        q_amb[col] = amb
    nb = len(bases)
    kmax, tmax = plan.c_idx.shape[1], plan.t_idx.shape[1]
    # signs are 0 where ambiguous, so +-1 is always certain; per slot arrays (nb, N)
    CS = [q_sgn[plan.c_idx[:, q]] * plan.c_mul[:, q, None] for q in range(kmax)]
    TS = [q_sgn[plan.t_idx[:, r]] * plan.t_mul[:, r, None] for r in range(tmax)]
    c_pos = _any([c == 1 for c in CS])
    c_neg = _any([c == -1 for c in CS])
    t_pos = _any([t == 1 for t in TS])
    t_neg = _any([t == -1 for t in TS])
    fits_pos = ~c_neg & ~t_pos  # no certain violation with the sign of c positive
    fits_neg = ~c_pos & ~t_neg
    ok = (fits_pos & c_pos) | (fits_neg & c_neg)
    has_amb = bool(q_amb[2:].any())
    if has_amb:
        CA = [q_amb[plan.c_idx[:, q]] for q in range(kmax)]
        TA = [q_amb[plan.t_idx[:, r]] for r in range(tmax)]
        any_amb = _any(CA + TA)
        ok &= ~any_amb
        amb_any = ((fits_pos | fits_neg) & any_amb).any(axis=0)
    else:
        CA = TA = [None] * max(kmax, tmax)
        amb_any = np.zeros(N, dtype=bool)
    masks = np.repeat(plan.base_mask[:, None], N, axis=1)
    extra_any = np.zeros(N, dtype=bool)
    if ((q_sgn[2:] == 0) & ~q_amb[2:]).any():  # some provable tie: a degenerate game
        extra = np.zeros((nb, N), dtype=bool)
        slots = [(c, a, plan.c_bit[:, q]) for q, (c, a) in enumerate(zip(CS, CA[:kmax],
                                                                         strict=True))]
        slots += [(t, a, plan.t_bit[:, r]) for r, (t, a) in enumerate(zip(TS, TA[:tmax],
                                                                          strict=True))]
        for zs, za, bits in slots:
            z = zs == 0
            if za is not None:
                z &= ~za
            masks += z * bits[:, None]
            extra |= z & (bits[:, None] > 0)
        extra_any = (ok & extra).any(axis=0)
    CV = [q_val[plan.c_idx[:, q]] * plan.c_mul[:, q, None] for q in range(kmax)]
    tot = np.add.reduce(CV)
    probs = np.zeros((d + 1, nb, N))
    rows = np.arange(nb)
    with np.errstate(divide="ignore", invalid="ignore"):
        for q in range(kmax):
            probs[plan.c_own[:, q], rows] = np.where(ok, CV[q] / tot, 0.0)
    return (ok.T, masks.T, probs[:d].transpose(2, 1, 0), amb_any, extra_any)


def _rescaled(G: np.ndarray, swap: bool, k: int) -> tuple[np.ndarray, np.ndarray]:
    r"""``G`` times :math:`2^{-e}` per game (largest entry in [1/2, 1)), and whether it is safe.

    ``swap`` transposes each game first (the column player's polytope reads ``A``
    column-wise). A game is safe when the scaling lost nothing (no entry fell below the
    normal range) and every nonzero difference of two entries in one row of the result is
    at least :math:`2^{-\lfloor 960 / k \rfloor}` (see :data:`SAFE_EXPONENT`).
    """
    if swap:
        G = np.swapaxes(G, 1, 2)
    _, e = np.frexp(np.abs(G).max(axis=(1, 2)))
    S = np.ldexp(G, -e[:, None, None])
    safe = (np.ldexp(S, e[:, None, None]) == G).all(axis=(1, 2))
    tiny = 2.0 ** -(SAFE_EXPONENT // max(k, 1))
    # two different floats differ by at least the spacing of the smaller one, so entries
    # all >= tiny * 2^53 in magnitude (or 0) give safe differences; others are checked
    smallest = np.where(S != 0, np.abs(S), np.inf).min(axis=(1, 2))
    check = np.flatnonzero(smallest < tiny * 2.0 ** 53)
    if check.size:
        Sc = S[check]
        d = np.abs(Sc[:, :, :, None] - Sc[:, :, None, :])
        safe[check] &= ~((d > 0) & (d < tiny)).any(axis=(1, 2, 3))
    return np.ascontiguousarray(S), safe


def _doubted(A: np.ndarray, B: np.ndarray, equal: Equal | None) -> np.ndarray:
    """Games whose float payoffs are equal where the exact payoffs need not be."""
    if equal is None:
        return np.zeros(A.shape[0], dtype=bool)
    ea, eb = equal
    fa = A[:, :, None, :] == A[:, None, :, :]  # A[i, j] == A[k, j]: (N, m, m, n)
    fb = B[:, :, :, None] == B[:, :, None, :]  # B[i, j] == B[i, l]: (N, m, n, n)
    return (fa & ~ea).any(axis=(1, 2, 3)) | (fb & ~eb).any(axis=(1, 2, 3))


def _core(A: np.ndarray, B: np.ndarray, tie_tol: float, doubted: np.ndarray):
    """Float vertex enumeration of a chunk; returns raw pairs and per-game flags."""
    N, m, n = A.shape
    bases = square_bases(m, n)
    row_bits = 1 << np.arange(m, dtype=np.int64)
    col_bits = 1 << np.arange(m, m + n, dtype=np.int64)
    # small-integer games: every product and sum below is an exact float operation
    k = min(m, n)
    bound = 2.0 ** 52 / (2 * k * np.prod(range(1, k + 1)) + 1)
    exact = np.ones(N, dtype=bool)
    for G in (A, B):
        scale = np.abs(G).max(axis=(1, 2))
        exact &= (G == np.round(G)).all(axis=(1, 2)) & (scale <= (bound ** (1 / k) - 1) / 2)
    # scale each matrix by a power of two (exact) to a largest entry in [1/2, 1); games
    # whose differences would leave the normal range go to the exact solver
    As, safe_a = _rescaled(A, swap=True, k=k)
    Bs, safe_b = _rescaled(B, swap=False, k=k)
    fP, mP, pP, aP, xP = _side(Bs, bases, row_bits, col_bits, tie_tol, exact)
    fQ, mQ, pQ, aQ, xQ = _side(As, [(J, S) for S, J in bases],
                               col_bits, row_bits, tie_tol, exact)
    ambiguous = aP | aQ | ~safe_a | ~safe_b | doubted
    degenerate = (xP | xQ) & ~ambiguous
    good = ~ambiguous
    # non-degenerate games: complementary vertices come from the same basis
    nd = good & ~degenerate
    pi, bi = np.nonzero(fP & fQ & nd[:, None])
    pts = [pi]
    xs = [pP[pi, bi]]
    ys = [pQ[pi, bi]]
    # degenerate games: merge duplicate vertices, then pair by label sets
    dg_all = np.flatnonzero(good & degenerate)
    nb = len(bases)
    # pair the distinct vertices of each degenerate game by their label sets, a
    # sub-batch of games at a time so that no (games, nb, nb) array is ever built
    step = max(1, _limits.MAX_BATCH_BYTES // (32 * nb + 64))
    full = (1 << (m + n)) - 1
    for lo in range(0, dg_all.size, step):
        dg = dg_all[lo:lo + step]
        oP, upP, kP = _unique_vertices(fP[dg], mP[dg])
        oQ, upQ, kQ = _unique_vertices(fQ[dg], mQ[dg])
        sub = max(1, _limits.MAX_BATCH_BYTES // (10 * oP.shape[1] * oQ.shape[1] + 64))
        for s0 in range(0, dg.size, sub):
            sl = slice(s0, s0 + sub)
            pair = ((kP[sl, :, None] | kQ[sl, None, :]) == full) & upP[sl, :, None] & \
                upQ[sl, None, :]
            di, a, b = np.nonzero(pair)
            bp, bq = oP[sl][di, a], oQ[sl][di, b]
            g = dg[sl][di]
            pts.append(g)
            xs.append(pP[g, bp])
            ys.append(pQ[g, bq])
    return (np.concatenate(pts), np.concatenate(xs), np.concatenate(ys), ambiguous, degenerate)


def _unique_vertices(feasible: np.ndarray, masks: np.ndarray
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each game's distinct vertices, compacted: basis index, validity, label mask.

    A vertex reached from several bases (same label set) is kept once, from its first
    basis. Sorting the masks (stably, so the first basis leads each run of equal masks)
    finds the duplicates in :math:`O(F \\log F)` per game; the result has as many
    columns as the most vertices of any game.
    """
    none = np.iinfo(np.int64).max
    key = np.where(feasible, masks, none)
    order = np.argsort(key, axis=1, kind="stable")
    ks = np.take_along_axis(key, order, axis=1)
    first = np.ones(ks.shape, dtype=bool)
    first[:, 1:] = ks[:, 1:] != ks[:, :-1]
    uniq = first & (ks != none)
    width = max(int(uniq.sum(axis=1).max()), 1)
    pick = np.argsort(~uniq, axis=1, kind="stable")[:, :width]
    return (np.take_along_axis(order, pick, axis=1), np.take_along_axis(uniq, pick, axis=1),
            np.take_along_axis(ks, pick, axis=1))


def exact_resolver(A: np.ndarray, B: np.ndarray) -> Resolver:
    """A ``resolve`` function solving games exactly on the Fraction values of their floats.

    >>> import numpy as np
    >>> r = exact_resolver(np.array([[[1., 0.], [0., 1.]]]), np.array([[[1., 0.], [0., 1.]]]))
    >>> len(r(np.array([0]))[0])
    3
    """
    def resolve(index: np.ndarray) -> list[list[tuple[tuple, tuple]]]:
        return [[(x, y) for x, y, _ in extreme_equilibria(A[i].tolist(), B[i].tolist())]
                for i in index]

    return resolve


def _degenerate_exact(A: np.ndarray, B: np.ndarray) -> bool:
    return is_degenerate_exact(A.tolist(), B.tolist())


def solve_batch(A: np.ndarray, B: np.ndarray, *, tie_tol: float = TIE_TOL,
                resolve: Resolver | None = None, chunk_size: int = 8192,
                equal: Equal | None = None) -> BatchEquilibria:
    """Every extreme Nash equilibrium of each of many bimatrix games, vectorised.

    Parameters
    ----------
    A, B : array_like, shape (..., m, n)
        Stacked payoff matrices of the row and column player (leading dimensions are
        flattened into the point index, C order). Finite floats, of any magnitude: each
        game's matrices are scaled by powers of two (exactly) before any determinant,
        and a game whose payoff differences span more than the safe range
        (:data:`SAFE_EXPONENT`) is solved exactly.
    tie_tol : float
        Relative width of the band around a tie (on top of the rigorous rounding-error
        bound) inside which a decision counts as ambiguous and the game is re-solved
        exactly. ``0`` keeps only the rigorous bound. A finite number >= 0.
    resolve : callable, optional
        ``resolve(indices) -> list``, one item per ambiguous game: its list of ``(x, y)``
        in the exact solver's order, or a pair ``(list, degenerate)``;
        default :func:`exact_resolver` (the exact solver on the Fraction values of the
        float payoffs). :func:`gametheory.sweep` passes one that solves the model exactly
        at the parameter point.
    chunk_size : int
        Most games processed at once, a positive integer; chunks are also cut so that
        their working memory stays below :data:`gametheory._limits.MAX_BATCH_BYTES`
        (about 10 kB per 3x3 game; a few thousand keep the working set in cache).
    equal : pair of bool arrays, optional
        Which payoff equalities hold exactly, when the floats only approximate exact
        payoffs (a model at decimal parameter values): ``equal[0][..., i, k, j]`` says
        that ``A[i, j] == A[k, j]`` exactly, ``equal[1][..., i, j, l]`` that
        ``B[i, j] == B[i, l]``; shapes (N or 1, m, m, n) and (N or 1, m, n, n). A game
        whose floats are equal where ``equal`` is False is re-solved (``resolve``), not
        taken as tied. ``None``: the floats are the payoffs, their equalities exact.

    Returns
    -------
    BatchEquilibria
        Every equilibrium returned has a regret of at most :data:`REGRET_TOL` times its
        payoff scale; a float result failing that check is replaced by the exact one.

    Raises
    ------
    PayoffError
        For mismatched shapes, fewer than 2 dimensions, non-finite payoffs, or a bad
        ``tie_tol`` or ``chunk_size``.
    SolverError
        For games with more than :data:`gametheory._limits.MAX_BATCH_BASES` candidate
        bases (larger than 6 x 6; solve them one by one with the exact solver).

    Examples
    --------
    A coordination game has two pure equilibria and a mixed one:

    >>> import numpy as np
    >>> res = solve_batch(np.eye(2)[None], np.eye(2)[None])
    >>> res.counts.tolist(), res.row.round(2).tolist()
    ([3], [[1.0, 0.0], [0.5, 0.5], [0.0, 1.0]])

    Scaling a game by :math:`10^{-300}` changes nothing:

    >>> tiny = solve_batch(1e-300 * np.eye(2)[None], np.eye(2)[None])
    >>> tiny.row.round(2).tolist() == res.row.round(2).tolist()
    True
    """
    tie_tol = check_tie_tol(tie_tol)
    chunk_size = _check_chunk_size(chunk_size)
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.shape != B.shape or A.ndim < 2:
        raise PayoffError(f"A and B must have the same shape (..., m, n); got {A.shape} "
                          f"and {B.shape}")
    m, n = A.shape[-2:]
    if m < 1 or n < 1:
        raise PayoffError(f"games must have at least one strategy per player, got {m}x{n}")
    nb = count_bases(m, n)
    if nb > _limits.MAX_BATCH_BASES:
        raise SolverError(
            f"the batch solver refuses {m}x{n} games: "
            f"{f'{nb:,}' if nb < 10**9 else f'{nb:.3g}'} candidate bases per game, over "
            f"the limit MAX_BATCH_BASES = {_limits.MAX_BATCH_BASES:,} (gametheory._limits); "
            "solve them one by one with the exact solver (gt.sweep(..., method='exact'))")
    A = A.reshape(-1, m, n)
    B = B.reshape(-1, m, n)
    if not (np.isfinite(A).all() and np.isfinite(B).all()):
        bad = np.flatnonzero(~(np.isfinite(A).all(axis=(1, 2)) & np.isfinite(B).all(axis=(1, 2))))
        raise PayoffError(f"payoffs must be finite; game {int(bad[0])} has NaN or inf "
                          f"({bad.size} such games)")
    N = A.shape[0]
    masks = None if equal is None else _equal_masks(equal, N, m, n)
    if resolve is None:
        resolve = exact_resolver(A, B)
    step = min(chunk_size, max(1, _limits.MAX_BATCH_BYTES // _bytes_per_game(m, n, nb)))
    parts = []
    for lo in range(0, N, step):
        hi = min(N, lo + step)
        eq = None if masks is None else tuple(M if M.shape[0] == 1 else M[lo:hi]
                                              for M in masks)
        parts.append(_solve_chunk(A[lo:hi], B[lo:hi], lo, tie_tol, resolve, eq))
    if not parts:
        return BatchEquilibria(np.zeros(0, np.int64), np.zeros((0, m)), np.zeros((0, n)),
                               np.zeros((0, 2)), 0, np.zeros(0, bool), np.zeros(0, bool))
    return BatchEquilibria.concatenate(parts)


def _equal_masks(equal: Equal, N: int, m: int, n: int) -> Equal:
    """``equal`` as two bool arrays of shapes (N or 1, m, m, n) and (N or 1, m, n, n)."""
    out = []
    for M, shape in zip(equal, ((m, m, n), (m, n, n)), strict=True):
        M = np.asarray(M, dtype=bool)
        M = M[None] if M.ndim == 3 else M
        if M.shape[1:] != shape or M.shape[0] not in (1, N):
            raise PayoffError(f"equal has an array of shape {M.shape}; expected "
                              f"({N} or 1, {', '.join(map(str, shape))})")
        out.append(M)
    return out[0], out[1]


def _regret_failures(A: np.ndarray, B: np.ndarray, pts: np.ndarray, xs: np.ndarray,
                     ys: np.ndarray) -> np.ndarray:
    """Games (chunk indices) with an equilibrium whose regret exceeds :data:`REGRET_TOL`.

    Each player's largest gain from a pure deviation is compared with
    :data:`REGRET_TOL` times the largest absolute payoff of their matrix.
    """
    if pts.size == 0:
        return np.zeros(0, dtype=np.int64)
    with np.errstate(all="ignore"):
        ay = (A[pts] @ ys[:, :, None])[:, :, 0]
        xb = (xs[:, None, :] @ B[pts])[:, 0, :]
        ra = ay.max(axis=1) - (xs * ay).sum(axis=1)
        rb = xb.max(axis=1) - (xb * ys).sum(axis=1)
        sa = np.abs(A).max(axis=(1, 2))[pts]
        sb = np.abs(B).max(axis=(1, 2))[pts]
        bad = ~((ra <= REGRET_TOL * sa) & (rb <= REGRET_TOL * sb))
        bad |= ~((np.abs(xs.sum(axis=1) - 1) <= 1e-9) & (np.abs(ys.sum(axis=1) - 1) <= 1e-9))
    return np.unique(pts[bad])


def _solve_chunk(A: np.ndarray, B: np.ndarray, offset: int, tie_tol: float,
                 resolve: Resolver, equal: Equal | None = None) -> BatchEquilibria:
    N, m, n = A.shape
    pts, xs, ys, ambiguous, degenerate = _core(A, B, tie_tol, _doubted(A, B, equal))
    failed = _regret_failures(A, B, pts, xs, ys)
    if failed.size:  # a last check: never return a non-equilibrium
        ambiguous[failed] = True
        keep = ~ambiguous[pts]
        pts, xs, ys = pts[keep], xs[keep], ys[keep]
    # order: by point, then the exact solver's order (x descending, then y descending)
    keys = [np.round(-ys[:, j], 12) for j in range(n - 1, -1, -1)] + \
           [np.round(-xs[:, i], 12) for i in range(m - 1, -1, -1)] + [pts]
    order = np.lexsort(keys)
    pts, xs, ys = pts[order].astype(np.int64), xs[order], ys[order]
    amb = np.flatnonzero(ambiguous)
    if amb.size:
        # re-solved games keep the exact solver's own order
        sols = resolve(amb + offset)
        ep, ex, ey = [], [], []
        for i, item in zip(amb, sols, strict=True):
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bool | np.bool_):
                eqs, degenerate[i] = item
            else:
                eqs, degenerate[i] = item, _degenerate_exact(A[i], B[i])
            for x, y in eqs:
                ep.append(i)
                ex.append([float(v) for v in x])
                ey.append([float(v) for v in y])
        if ep:
            pts = np.concatenate([pts, np.asarray(ep, dtype=np.int64)])
            xs = np.concatenate([xs, np.asarray(ex, dtype=float).reshape(-1, m)])
            ys = np.concatenate([ys, np.asarray(ey, dtype=float).reshape(-1, n)])
            order = np.argsort(pts, kind="stable")
            pts, xs, ys = pts[order], xs[order], ys[order]
    Ae, Be = A[pts], B[pts]
    pay = np.stack([np.einsum("ei,eij,ej->e", xs, Ae, ys),
                    np.einsum("ei,eij,ej->e", xs, Be, ys)], axis=1)
    return BatchEquilibria(pts, xs, ys, pay, N, degenerate, ambiguous)
