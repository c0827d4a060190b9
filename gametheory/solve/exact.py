r"""Exact enumeration of all extreme Nash equilibria of a bimatrix game.

Mathematics
-----------
Let :math:`(A, B)` be an :math:`m \times n` bimatrix game. Replacing :math:`A` by
:math:`sA + t` (with :math:`s > 0`) changes no best reply, so we first scale each matrix
by the common denominator of its entries (making it integer) and shift it so that every
entry is at least 1. The *best-response polytopes* are (von Stengel 2007, Sec. 3.2)

.. math::

    P = \{x \in \mathbb{R}^m : x \ge 0,\ B^\top x \le 1\}, \qquad
    Q = \{y \in \mathbb{R}^n : A y \le 1,\ y \ge 0\}.

The :math:`m + n` inequalities carry *labels*: in :math:`P`, :math:`x_i \ge 0` has label
:math:`i` and :math:`(B^\top x)_j \le 1` has label :math:`m + j`; in :math:`Q`,
:math:`(Ay)_i \le 1` has label :math:`i` and :math:`y_j \ge 0` has label :math:`m + j`.
A point's labels are those of its binding inequalities. A pair of vertices
:math:`(x, y) \ne (0, 0)` is *completely labelled* when its labels together cover
:math:`\{0, \dots, m+n-1\}`; then :math:`(x / \sum x, y / \sum y)` is a Nash equilibrium,
and the completely labelled vertex pairs are exactly the extreme equilibria, i.e. the
vertices of the (finitely many, convex) maximal Nash subsets. This holds for degenerate
games too (Avis, Rosenberg, Savani and von Stengel 2010, "Enumeration of Nash equilibria
for two-player games", *Economic Theory* 42, Sec. 2-3; Mangasarian 1964). It is the set
Gambit's ``enummixed`` computes.

Algorithm (vertex enumeration, cf. Avis et al. 2010 Sec. 3 and Avis and Fukuda's ``lrs``)
----------------------------------------------------------------------------------------
1. Scale each payoff matrix to integers and shift it to entries >= 1.
2. Enumerate the vertices of :math:`P` (and of :math:`Q`) by a graph search over its
   *lexicographically feasible* bases: start at the slack basis (the vertex 0); from a
   basis, for every nonbasic variable, choose the leaving row by the minimum-ratio test
   with lexicographic tie-breaking (the symbolic perturbation :math:`1 \to 1 + \varepsilon^j`,
   Dantzig, Orden and Wolfe 1955), so each basis has exactly one neighbour per nonbasic
   variable; visit every basis once (depth-first, with a visited set of bases; the pivot
   back to the parent is skipped, as lexicographic pivots are reversible). The lexicographically
   feasible bases are the vertices of the perturbed, simple polytope, whose graph is
   connected and maps onto all vertices of the original one, so every vertex is found,
   however degenerate the game.
3. Pivot in exact integer arithmetic (fraction-free, Edmonds 1967): the tableau is kept as
   integers over the common denominator :math:`\det` of the basis, and every division in
   a pivot is exact. No :class:`~fractions.Fraction` appears in the inner loop.
4. Record each distinct vertex once, with its label set as a bit mask (nonbasic variables
   plus basic variables at value 0).
5. Match: every nonzero vertex :math:`x` of :math:`P` with every nonzero vertex :math:`y` of
   :math:`Q` whose labels cover the complement of :math:`x`'s (a dictionary look-up for
   vertices with exactly :math:`n` labels, a scan of the few degenerate ones).
6. Normalise to probabilities and return the pairs sorted (see *Order*).

Games with a single row or column are answered directly (every best reply of the other
player, paired with the single strategy).

Order
-----
Equilibria are sorted by the row strategy in *decreasing* lexicographic order of its
probabilities, then likewise by the column strategy: pure strategies of low index come
first, e.g. ``(1, 0)`` before ``(1/2, 1/2)`` before ``(0, 1)``. This is the order of
:func:`gametheory.solve.reference.reference_equilibria`.

Speed (measured, and why the arithmetic stays Python integers)
------------------------------------------------------------
The cost is the number of lexicographic bases times the Python-level work per basis: one
pivot (about ``k (d + 1)`` integer updates) and ``d`` ratio tests (about ``k d``
cross-multiplications). A random 15 x 15 game with two-decimal standard normal payoffs
(``numpy.random.default_rng(1)``) has about 33,400 vertices in :math:`P` and 87,300 in
:math:`Q`; the solve takes 20-25 s of CPU (about 200 us per basis, half in the
pivot, half in the ratio tests); the basis determinants have 53 bits on average, 102 at
most, so each integer operation is cheap and the interpreter's per-entry overhead is the
cost. Measured alternatives, on the same games:

* gmpy2 ``mpz`` with ``divexact`` in the same loops: 25.3 s -> 20.0 s (1.25x);
* a numpy float first stage for the ratio test (exact, as a float ratio is within a
  relative 4e-16 of the exact one, with the integer test for near ties): no gain on
  12 x 12 games (0.42/1.05/0.57 s -> 0.62/1.13/0.49 s), the float conversion costs what
  the comparisons saved;
* python-flint ``fmpz_mat``: a pivot as four C-level matrix operations costs 77 us per
  15 x 16 tableau (against 240 us for the list comprehension at 170-bit entries), but
  reading the entries back for the ratio test costs 67 us, so no net gain;
* pycddlib (double description in C) would still need the labels of every vertex
  evaluated in Python (about 2 s for the 87,300 vertices of :math:`Q` alone) and adds a
  compiled dependency.

What did help is memory: the search used to push every child's pivoted tableau on its
stack; it now pushes the parent and the pivot, and pivots when it pops (the same bases in
the same order, so the same output). On the game above: 18.6 s and 1,067 MiB peak
resident memory before, 13.8 s and 434 MiB after (less allocation and less work for
the garbage collector; 12 x 12: 0.76/1.87 s -> 0.58/1.42 s). ``python benchmarks/solve.py
--large`` (three games per size, CPU time, peak resident memory of a fresh process whose
imports alone take 153 MiB): 15 x 15 median 16.9 s and 993 MiB before, 9.6 s and 370 MiB
after; 12 x 12 0.9 s; 10 x 10 0.09 s against pygambit's rational ``enummixed`` 7.3 s
(which passes its 120 s time-out on every 12 x 12 and 15 x 15 game).

None reaches the 2 s target for 15 x 15 (about 15 us per basis), which needs the whole
pivot-and-ratio-test loop in compiled code. :mod:`.exact_kernel` does that (numba, the
optional ``fast`` extra): the same search with certified floating-point decisions and
exact residue arithmetic wherever a float cannot decide, the matched vertices recomputed
in exact rationals. :func:`extreme_equilibria` uses it for games of ``KERNEL_MIN_CELLS``
cells or more when numba is installed (same answer, see that module for the figures);
the search below stays the reference and the fallback.

References
----------
D. Avis, G. Rosenberg, R. Savani, B. von Stengel (2010), Enumeration of Nash equilibria
for two-player games, Economic Theory 42, 9-37.
B. von Stengel (2007), Equilibrium computation for two-player games in strategic and
extensive form, ch. 3 of Nisan, Roughgarden, Tardos, Vazirani (eds.), Algorithmic Game
Theory, Cambridge University Press.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .. import _limits
from .._numbers import as_fraction, fraction_matrix
from ..errors import SolverError
from . import exact_kernel

__all__ = [
    "Vertex",
    "integer_game",
    "polytope_vertices",
    "iter_extreme_equilibria",
    "extreme_equilibria",
    "is_degenerate_exact",
    "profile_key",
    "check_size",
]

#: An extreme equilibrium as plain data: ``(x, y, (row payoff, column payoff))``.
Solution = tuple[tuple[Fraction, ...], tuple[Fraction, ...], tuple[Fraction, Fraction]]


@dataclass(frozen=True, slots=True)
class Vertex:
    """A nonzero vertex of a best-response polytope.

    ``weights`` are coprime nonnegative integers proportional to the vertex (so the mixed
    strategy is ``weights / sum(weights)``); ``labels`` is the bit mask of its labels;
    ``value`` is :math:`1 / \\sum_k z_k` for the vertex ``z``, the opponent's best-reply
    payoff in the scaled and shifted game.
    """

    weights: tuple[int, ...]
    labels: int
    value: Fraction


def check_size(m: int, n: int, what: str = "the exact solver") -> int:
    r"""The worst-case number of bases of an :math:`m \times n` game; refuse it over the limit.

    Vertex enumeration visits each lexicographically feasible basis of :math:`P`
    (dimension :math:`m`) and :math:`Q` (dimension :math:`n`) once, each polytope having
    :math:`m + n` facets; McMullen's upper bound
    (:func:`gametheory._limits.vertex_bound`) caps both counts, so the work and memory of
    a solve are bounded before it starts. Games with a single row or column are answered
    directly and always accepted.

    Raises
    ------
    SolverError
        When the bound exceeds :data:`gametheory._limits.MAX_EXACT_BASES`; the message
        names the limit and the methods that handle larger games.

    Examples
    --------
    >>> check_size(15, 15)
    682176
    >>> check_size(100, 100)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gametheory.errors.SolverError: the exact solver refuses a 100x100 game: ...
    """
    if min(m, n) <= 1:
        return max(m, n)
    bound = _limits.vertex_bound(m, m + n) + _limits.vertex_bound(n, m + n)
    if bound > _limits.MAX_EXACT_BASES:
        raise SolverError(
            f"{what} refuses a {m}x{n} game: its vertex enumeration may visit up to "
            f"{bound:.3g} bases, over the limit MAX_EXACT_BASES = "
            f"{_limits.MAX_EXACT_BASES:,} (gametheory._limits; 16x16 is the largest square "
            "game accepted); method='lemke-howson' finds some equilibria of larger games "
            "(floats), gt.solve.pure_equilibria finds the pure ones")
    return bound


def integer_game(A: Sequence[Sequence[Any]], B: Sequence[Sequence[Any]]
                 ) -> tuple[list[list[int]], list[list[int]], tuple[int, int], tuple[int, int]]:
    """Scale and shift ``A`` and ``B`` to integer matrices with entries >= 1.

    Returns ``(A2, B2, (scale_a, shift_a), (scale_b, shift_b))`` with
    ``A2 = scale_a * A + shift_a``. Floats are taken at their exact rational value.

    >>> integer_game([[Fraction(1, 2), 0]], [[-1, 2]])
    ([[2, 1]], [[1, 4]], (2, 1), (1, 2))
    """
    out = []
    for M in (A, B):
        rows = fraction_matrix(M)
        den = math.lcm(*(v.denominator for row in rows for v in row))
        ints = [[v.numerator * (den // v.denominator) for v in row] for row in rows]
        shift = 1 - min(min(row) for row in ints)
        out.append(([[v + shift for v in row] for row in ints], (den, shift)))
    (A2, sa), (B2, sb) = out
    return A2, B2, sa, sb


def polytope_vertices(G: Sequence[Sequence[int]], first_label: int = 0,
                      structural_first: bool = True) -> Iterator[Vertex]:
    r"""Every nonzero vertex of :math:`\{z \ge 0 : G z \le 1\}` once, for positive integer ``G``.

    ``G`` is ``k x d``. Labels: when ``structural_first``, :math:`z_c \ge 0` has label
    ``first_label + c`` and row ``i`` of ``G`` label ``first_label + d + i``; otherwise the
    rows come first. Vertices are yielded in the (deterministic) order of a depth-first
    search over the lexicographically feasible bases (see the module docstring).

    >>> [(v.weights, bin(v.labels)) for v in polytope_vertices([[2, 1], [1, 2]])]
    [((0, 1), '0b1001'), ((1, 1), '0b1100'), ((1, 0), '0b110')]
    """
    k = len(G)
    d = len(G[0])
    # variables 0..d-1 structural z, d..d+k-1 slacks; label of each variable as a bit
    if structural_first:
        bit = [1 << (first_label + v) for v in range(d + k)]
    else:
        bit = [1 << (first_label + k + v) for v in range(d)] + \
              [1 << (first_label + i) for i in range(k)]
    D0 = [[int(v) for v in row] + [1] for row in G]       # rows: basic vars; cols: nonbasic + rhs
    basic0 = list(range(d, d + k))
    nonbasic0 = list(range(d))
    start = sum(1 << v for v in basic0)
    visited = {start}
    # a stack entry is a parent basis and the pivot (r, c) to one of its children, so a
    # child's tableau exists only once popped: the stack holds one tableau per parent with
    # pending children instead of one per child (about d times less memory, same order)
    stack: list[tuple[list[list[int]], int, list[int], list[int], int, int]] = [
        (D0, 1, basic0, nonbasic0, -1, -1)]
    seen: set[tuple[int, ...]] = set()
    rhs = d
    while stack:
        D, det, basic, nonbasic, r, back = stack.pop()
        if r >= 0:
            D, det = _pivot(D, det, r, back), D[r][back]
            basic, nonbasic = basic[:], nonbasic[:]
            basic[r], nonbasic[back] = nonbasic[back], basic[r]
        cols = list(zip(*D, strict=True))
        rhs_col = cols[rhs]
        # ---- record the vertex of this basis
        z = [0] * d
        labels = 0
        for v in nonbasic:
            labels |= bit[v]
        total = 0
        for i, val in enumerate(rhs_col):
            b = basic[i]
            if val == 0:
                labels |= bit[b]
            elif b < d:
                z[b] = val
                total += val
        if total:
            g = math.gcd(*z)
            key = tuple(w // g for w in z)
            if key not in seen:
                seen.add(key)
                yield Vertex(key, labels, Fraction(det, total))
        # ---- neighbours: one lexicographic pivot per nonbasic column; the column that
        # holds the variable that just left leads back to the parent basis, so skip it
        mask = 0
        for v in basic:
            mask |= 1 << v
        for c in range(d):
            if c == back:
                continue
            r = -1
            best_rhs = best_a = 0
            for i, a in enumerate(cols[c]):
                if a > 0:
                    if r < 0:
                        r, best_rhs, best_a = i, rhs_col[i], a
                        continue
                    lhs = rhs_col[i] * best_a
                    rgt = best_rhs * a
                    if lhs < rgt or (lhs == rgt and _lex_less(D, det, basic, nonbasic, d, k,
                                                              i, r, c)):
                        r, best_rhs, best_a = i, rhs_col[i], a
            if r < 0:  # pragma: no cover - P and Q are bounded for positive G
                continue
            nmask = (mask & ~(1 << basic[r])) | (1 << nonbasic[c])
            if nmask in visited:
                continue
            visited.add(nmask)
            stack.append((D, det, basic, nonbasic, r, c))


def _pivot(D: list[list[int]], det: int, r: int, c: int) -> list[list[int]]:
    """The fraction-free tableau after pivoting on row ``r``, column ``c`` (Edmonds 1967).

    The new determinant is ``p = D[r][c]``; every other entry becomes
    ``(p * D[i][j] - D[i][c] * D[r][j]) / det``, an exact division; the pivot column
    becomes ``-D[i][c]`` (and ``det`` in row ``r``), the variables having swapped.
    """
    p = D[r][c]
    Dr = D[r]
    ND = []
    for i, Di in enumerate(D):
        if i == r:
            row = Dr[:]
            row[c] = det
        else:
            f = Di[c]
            if f:
                row = [(p * a - f * b) // det for a, b in zip(Di, Dr, strict=True)]
            elif p == det:
                row = Di[:]
            else:
                row = [(p * a) // det for a in Di]
            row[c] = -f
        ND.append(row)
    return ND


def _lex_less(D: list[list[int]], det: int, basic: list[int], nonbasic: list[int],
              d: int, k: int, i: int, r: int, c: int) -> bool:
    """Whether row ``i`` beats row ``r`` in the lexicographic ratio test on column ``c``.

    Compares the rows of ``B^{-1}`` (the slack columns of the full tableau) divided by the
    pivot column entry, slack by slack, after a tie in the ordinary ratio.
    """
    ai, ar = D[i][c], D[r][c]
    pos = {v: col for col, v in enumerate(nonbasic)}
    row_of = {v: row for row, v in enumerate(basic)}
    for s in range(d, d + k):
        if s in pos:
            ei, er = D[i][pos[s]], D[r][pos[s]]
        else:
            rr = row_of[s]
            ei = det if rr == i else 0
            er = det if rr == r else 0
        lhs, rgt = ei * ar, er * ai
        if lhs != rgt:
            return lhs < rgt
    return False  # pragma: no cover - rows of B^{-1} are independent


def profile_key(profile: tuple[Sequence[Any], Sequence[Any]]) -> tuple:
    """Sort key of a profile ``(x, y)``: ``x`` in decreasing lexicographic order, then ``y``.

    The one order of every solver's output (see *Order* above).

    >>> sorted([((0, 1), (1,)), ((1, 0), (1,))], key=profile_key)
    [((1, 0), (1,)), ((0, 1), (1,))]
    """
    x, y = profile
    return tuple(-v for v in x), tuple(-v for v in y)


def iter_extreme_equilibria(A: Sequence[Sequence[Any]], B: Sequence[Sequence[Any]]
                            ) -> Iterator[Solution]:
    """Yield ``(x, y, (row payoff, column payoff))`` for every extreme equilibrium once.

    Exact Fractions throughout; the order is that of the vertex search (deterministic but
    not sorted); :func:`extreme_equilibria` sorts. A caller may stop early.

    >>> next(iter_extreme_equilibria([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]))[0]
    (Fraction(1, 2), Fraction(1, 2))
    """
    m, n = len(A), len(A[0])
    if m == 1 or n == 1:
        yield from _single_strategy(A, B)
        return
    check_size(m, n)
    A2, B2, (sa, ta), (sb, tb) = integer_game(A, B)
    BT = [[B2[i][j] for i in range(m)] for j in range(n)]
    full = (1 << (m + n)) - 1
    # Q = {y >= 0 : A y <= 1}: rows of A are labels 0..m-1, y_j >= 0 labels m..m+n-1
    q_exact: dict[int, list[Vertex]] = {}
    q_degenerate: list[Vertex] = []
    q_all: list[Vertex] = []
    for v in polytope_vertices(A2, first_label=0, structural_first=False):
        q_all.append(v)
        if v.labels.bit_count() == n:
            q_exact.setdefault(v.labels, []).append(v)
        else:
            q_degenerate.append(v)
    for vx in polytope_vertices(BT, first_label=0, structural_first=True):
        need = full & ~vx.labels
        if vx.labels.bit_count() == m:
            cands = q_exact.get(need, []) + [v for v in q_degenerate if v.labels & need == need]
        else:
            cands = [v for v in q_all if v.labels & need == need]
        if not cands:
            continue
        sx = sum(vx.weights)
        x = tuple(Fraction(w, sx) for w in vx.weights)
        pay_b = (vx.value - tb) / sb
        for vy in cands:
            sy = sum(vy.weights)
            y = tuple(Fraction(w, sy) for w in vy.weights)
            yield x, y, ((vy.value - ta) / sa, pay_b)


def _single_strategy(A: Sequence[Sequence[Any]], B: Sequence[Sequence[Any]]
                     ) -> Iterator[Solution]:
    """1 x n or m x 1 games: the lone strategy against each pure best reply."""
    m, n = len(A), len(A[0])
    one, zero = Fraction(1), Fraction(0)
    if m == 1:
        row = [as_fraction(v) for v in B[0]]
        best = max(row)
        for j, v in enumerate(row):
            if v == best:
                yield ((one,), tuple(one if k == j else zero for k in range(n)),
                       (as_fraction(A[0][j]), v))
    else:
        col = [as_fraction(A[i][0]) for i in range(m)]
        best = max(col)
        for i, v in enumerate(col):
            if v == best:
                yield (tuple(one if k == i else zero for k in range(m)), (one,),
                       (v, as_fraction(B[i][0])))


def extreme_equilibria(A: Sequence[Sequence[Any]], B: Sequence[Sequence[Any]]
                       ) -> list[Solution]:
    """All extreme equilibria ``(x, y, payoffs)`` exactly, sorted (see *Order* above).

    ``A`` and ``B`` are nested sequences of ints, Fractions or floats (floats are taken at
    their exact rational value).

    >>> [(x, y) for x, y, _ in extreme_equilibria([[2, 0], [0, 1]], [[1, 0], [0, 2]])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [((Fraction(1, 1), Fraction(0, 1)), (Fraction(1, 1), Fraction(0, 1))),
     ((Fraction(2, 3), Fraction(1, 3)), (Fraction(1, 3), Fraction(2, 3))),
     ((Fraction(0, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1)))]
    """
    fast = _compiled_equilibria(A, B)
    sols = iter_extreme_equilibria(A, B) if fast is None else fast
    return sorted(sols, key=lambda e: profile_key((e[0], e[1])))


#: Games with fewer cells than this skip the compiled kernel: the Python search takes
#: under about 0.1 s there, and loading numba and the kernel costs about a second of CPU
#: once per process.
KERNEL_MIN_CELLS = 81


def _compiled_equilibria(A: Sequence[Sequence[Any]], B: Sequence[Sequence[Any]]
                         ) -> list[Solution] | None:
    """The answer of :mod:`.exact_kernel` (certified floats, exact output), or ``None``."""
    m, n = len(A), len(A[0])
    if m * n < KERNEL_MIN_CELLS or m < 2 or n < 2:
        return None
    A2, B2, (sa, ta), (sb, tb) = integer_game(A, B)
    pairs = exact_kernel.fast_vertex_pairs(A2, [list(col) for col in zip(*B2, strict=True)])
    if pairs is None:
        return None
    out: list[Solution] = []
    for (wx, vx), (wy, vy) in pairs:
        sx, sy = sum(wx), sum(wy)
        out.append((tuple(Fraction(w, sx) for w in wx), tuple(Fraction(w, sy) for w in wy),
                    ((vy - ta) / sa, (vx - tb) / sb)))
    return out


def is_degenerate_exact(A: Sequence[Sequence[Any]], B: Sequence[Sequence[Any]]) -> bool:
    """Whether a vertex of ``P`` has more than ``m`` labels or one of ``Q`` more than ``n``.

    Equivalently, some mixed strategy with support size ``k`` has more than ``k`` pure best
    replies (von Stengel 2007, Def. 3.5 and Thm. 3.6). Exact; stops at the first witness.

    >>> is_degenerate_exact([[1, 1], [0, 2]], [[1, 1], [0, 2]]), \\
    ...     is_degenerate_exact([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    (True, False)
    """
    m, n = len(A), len(A[0])
    check_size(m, n, "the exact degeneracy test")
    A2, B2, _, _ = integer_game(A, B)
    BT = [[B2[i][j] for i in range(m)] for j in range(n)]
    if any(v.labels.bit_count() > m for v in polytope_vertices(BT, 0, True)):
        return True
    return any(v.labels.bit_count() > n for v in polytope_vertices(A2, 0, False))
