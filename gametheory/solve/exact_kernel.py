r"""Compiled vertex enumeration with certified floating-point decisions (optional, numba).

Mathematics
-----------
:mod:`.exact` enumerates the vertices of a best-response polytope
:math:`\{z \ge 0 : Gz \le 1\}` (``G`` a positive integer ``k x d`` matrix) by a depth-first
search over its bases, pivoting in exact integers. Every step of that search is a
*decision* about exact rational numbers: the sign of a tableau entry, the sign of a basic
variable's value, and which of two ratios :math:`\beta_i / a_i` is the smaller. This module
makes the same decisions in compiled floating point, each one *certified*: it computes a
rigorous bound on the error of every float it uses and takes a decision only when the
float is farther from the threshold than its bound. When a decision cannot be certified
(a tie, a basic variable at zero, i.e. a degenerate game, or an ill-conditioned basis),
the kernel gives up and the caller runs the exact integer search of :mod:`.exact`.

A certified run visits exactly the bases the exact search visits (all decisions agree,
and no lexicographic tie-break is ever needed since no ratio ties), so it finds every
vertex. Each vertex is identified by its basis; the completely labelled pairs are matched
by their label masks, and every matched vertex is then recomputed from its basis in exact
rational arithmetic and checked (feasible, binding where its labels say), so the answer is
the same list of :class:`~fractions.Fraction` equilibria as the exact path, in the same
order, and never a non-equilibrium.

Error bound (per basis, computed afresh, no accumulated drift). Let :math:`S` be the basic
structural variables, :math:`N'` the rows whose slack is nonbasic (:math:`|N'| = |S| = s`)
and :math:`C = G_{N', S}`. A column :math:`z = B^{-1} v` of the tableau has
:math:`z_S = C^{-1} v_{N'}` and, for a basic slack of row :math:`j`,
:math:`z_j = v_j - G_{j, S} z_S`. With :math:`R \approx C^{-1}` from Gauss-Jordan
elimination, :math:`E = I - RC` computed with its rounding bound
:math:`\gamma (1 + |R||C|)` gives :math:`\alpha \ge \|I - RC\|_\infty`; if
:math:`\alpha < 1/2` then :math:`\|C^{-1}\|_\infty \le \|R\|_\infty / (1 - \alpha)`, and
:math:`|z_S - \tilde z_S| \le \|C^{-1}\|_\infty (\|v_{N'} - C \tilde z_S\|_\infty +
\gamma \max(|v_{N'}| + |C||\tilde z_S|))`, propagated to the slack rows through
:math:`G_{j,S}`. Here :math:`\gamma = 2 (k + 2) u / (1 - (k+2) u)`, :math:`u = 2^{-53}`,
which is twice the classical bound for sums of :math:`k + 2` products (Higham 2002,
*Accuracy and Stability of Numerical Algorithms*, Sec. 3.1); the factor 2 also covers the
rounding of the bound computations themselves, whose relative error is :math:`O(ku)`.
Ratios carry a further relative margin of :math:`8u`. ``G`` must be exactly representable
(integers below :math:`2^{52}`); otherwise the kernel declines.

Speed (measured on the 2-core development machine)
--------------------------------------------------
See :func:`fast_vertex_pairs` and ``python benchmarks/solve.py --large``.

Why this design (measured alternatives are in :mod:`.exact`'s docstring): the exact
search spends about 80-200 us per basis in the interpreter; the integers are 53 bits on
average and 102 at most, so int64 arithmetic would overflow in most pivots, and
multi-modular arithmetic needs a mixed-radix conversion (``O(p^2)`` modular products for
``p`` primes) for every sign, i.e. for every comparison of the ratio test. The float
tableau with a certificate needs one small inverse per basis and no big integers at all;
exact arithmetic is kept for the few matched vertices and for every game whose decisions
cannot be certified.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = ["kernel_available", "fast_vertex_pairs", "polytope_bases"]

#: Status codes of the compiled search.
OK, UNCERTIFIED, TOO_LARGE = 0, 1, 2
#: Set to False to make :func:`fast_vertex_pairs` decline (the pure-Python path runs).
ENABLED = True
#: Largest number of variables ``k + d`` (a basis is a 62-bit mask).
MAX_VARIABLES = 62

_compiled: Any = None


def kernel_available() -> bool:
    """Whether numba is installed, so :func:`fast_vertex_pairs` can run.

    >>> isinstance(kernel_available(), bool)
    True
    """
    try:
        import numba  # noqa: F401
    except ImportError:  # pragma: no cover - numba is in the `fast` extra
        return False
    return True


def _kernel() -> Any:
    """The compiled search (compiled on first use, cached on disk by numba)."""
    global _compiled
    if _compiled is None:
        import numba
        # _search calls _column by its global name: compile that first
        globals()["_column"] = numba.njit(cache=True, nogil=True)(_column)
        globals()["_mix"] = numba.njit(cache=True, nogil=True)(_mix)
        _compiled = numba.njit(cache=True, nogil=True)(_search)
    return _compiled


def _search(G: np.ndarray, bits: np.ndarray, max_bases: int
            ) -> tuple[int, np.ndarray, np.ndarray]:  # pragma: no cover - compiled
    """Depth-first search over the bases of ``{z >= 0 : G z <= 1}`` with certified floats.

    Returns ``(status, basis masks, label masks)`` of the nonzero vertices found, in the
    order of the search; ``status`` is ``OK``, ``UNCERTIFIED`` or ``TOO_LARGE``.
    """
    k, d = G.shape
    nv = d + k
    u = 2.0 ** -53
    gam = 2.0 * (k + 2) * u / (1.0 - (k + 2) * u)
    # ---- hash set of visited basis masks (open addressing, 0 = empty)
    hcap = 1 << 12
    table = np.zeros(hcap, np.int64)
    hcount = 0
    # ---- stack of bases and the variable that left to reach each
    scap = 256
    stack = np.empty((scap, k), np.int64)
    left = np.empty(scap, np.int64)
    ocap = 1024
    out_b = np.empty(ocap, np.int64)
    out_l = np.empty(ocap, np.int64)
    nout = 0
    start = np.int64(0)
    for i in range(k):
        stack[0, i] = d + i
        start |= np.int64(1) << np.int64(d + i)
    left[0] = -1
    top = 1
    # insert start
    h = _mix(start) & (hcap - 1)
    table[h] = start
    hcount = 1
    row_of = np.empty(nv, np.int64)
    S = np.empty(k, np.int64)        # basic structural variables
    Np = np.empty(k, np.int64)       # rows whose slack is nonbasic
    pos_np = np.empty(k, np.int64)   # position of row i in Np, or -1
    C = np.empty((k, k))
    W = np.empty((k, k))
    R = np.empty((k, k))
    z = np.empty(k)                  # a tableau column, by basis row
    ez = np.empty(k)                 # its error bound, by basis row
    beta = np.empty(k)
    eb = np.empty(k)
    zs = np.empty(k)
    vn = np.empty(k)
    visited_count = 0
    while top > 0:
        top -= 1
        basic = stack[top].copy()
        came = left[top]
        visited_count += 1
        if visited_count > max_bases:
            return TOO_LARGE, out_b[:nout], out_l[:nout]
        for v in range(nv):
            row_of[v] = -1
        for i in range(k):
            row_of[basic[i]] = i
        s = 0
        for i in range(k):
            if basic[i] < d:
                S[s] = basic[i]
                s += 1
        t = 0
        for i in range(k):
            pos_np[i] = -1
            if row_of[d + i] < 0:
                Np[t] = i
                pos_np[i] = t
                t += 1
        # ---- C = G[Np, S] and R ~ C^{-1} by Gauss-Jordan with partial pivoting
        for a in range(s):
            for b in range(s):
                C[a, b] = G[Np[a], S[b]]
                W[a, b] = C[a, b]
                R[a, b] = 1.0 if a == b else 0.0
        for col in range(s):
            piv = col
            best = abs(W[col, col])
            for r in range(col + 1, s):
                if abs(W[r, col]) > best:
                    best = abs(W[r, col])
                    piv = r
            if best == 0.0:
                return UNCERTIFIED, out_b[:nout], out_l[:nout]
            if piv != col:
                for b in range(s):
                    tmp = W[col, b]
                    W[col, b] = W[piv, b]
                    W[piv, b] = tmp
                    tmp = R[col, b]
                    R[col, b] = R[piv, b]
                    R[piv, b] = tmp
            inv = 1.0 / W[col, col]
            for b in range(s):
                W[col, b] *= inv
                R[col, b] *= inv
            for r in range(s):
                if r != col:
                    f = W[r, col]
                    if f != 0.0:
                        for b in range(s):
                            W[r, b] -= f * W[col, b]
                            R[r, b] -= f * R[col, b]
        # ---- alpha >= ||I - R C||, and the bound on ||C^{-1}||
        alpha = 0.0
        rnorm = 0.0
        for a in range(s):
            rowsum = 0.0
            rabs = 0.0
            for b in range(s):
                acc = 0.0
                aac = 0.0
                for c in range(s):
                    acc += R[a, c] * C[c, b]
                    aac += abs(R[a, c]) * C[c, b]
                e = (1.0 if a == b else 0.0) - acc
                rowsum += abs(e) + gam * (1.0 + aac)
                rabs += abs(R[a, b])
            if rowsum > alpha:
                alpha = rowsum
            if rabs > rnorm:
                rnorm = rabs
        if alpha >= 0.5:
            return UNCERTIFIED, out_b[:nout], out_l[:nout]
        cinv = rnorm / (1.0 - alpha) * (1.0 + 4.0 * gam)
        # ---- the rhs column (v = 1) and its bounds
        _column(G, d, k, s, S, Np, basic, row_of, C, R, cinv, gam, -1, vn, zs, beta, eb)
        for i in range(k):
            if beta[i] - eb[i] <= 0.0:
                return UNCERTIFIED, out_b[:nout], out_l[:nout]
        mask = np.int64(0)
        for i in range(k):
            mask |= np.int64(1) << basic[i]
        if s > 0:
            lab = np.int64(0)
            for v in range(nv):
                if row_of[v] < 0:
                    lab |= bits[v]
            if nout == ocap:
                ocap *= 2
                nb = np.empty(ocap, np.int64)
                nl = np.empty(ocap, np.int64)
                nb[:nout] = out_b[:nout]
                nl[:nout] = out_l[:nout]
                out_b = nb
                out_l = nl
            out_b[nout] = mask
            out_l[nout] = lab
            nout += 1
        # ---- one certified ratio test per nonbasic column
        for v in range(nv):
            if row_of[v] >= 0 or v == came:
                continue
            _column(G, d, k, s, S, Np, basic, row_of, C, R, cinv, gam, v, vn, zs, z, ez)
            win = -1
            win_hi = 0.0
            for i in range(k):
                lo_a = z[i] - ez[i]
                if lo_a > 0.0:
                    hi = (beta[i] + eb[i]) / lo_a * (1.0 + 8.0 * u)
                    if win < 0 or hi < win_hi:
                        win = i
                        win_hi = hi
            if win < 0:
                return UNCERTIFIED, out_b[:nout], out_l[:nout]
            for i in range(k):
                if i == win:
                    continue
                hi_a = z[i] + ez[i]
                if hi_a > 0.0:
                    lo = (beta[i] - eb[i]) / hi_a * (1.0 - 8.0 * u)
                    if lo <= win_hi:
                        return UNCERTIFIED, out_b[:nout], out_l[:nout]
            out_var = basic[win]
            child = (mask & ~(np.int64(1) << out_var)) | (np.int64(1) << v)
            # visited?
            h = _mix(child) & (hcap - 1)
            found = False
            while table[h] != 0:
                if table[h] == child:
                    found = True
                    break
                h = (h + 1) & (hcap - 1)
            if found:
                continue
            table[h] = child
            hcount += 1
            if 2 * hcount > hcap:
                old = table
                hcap *= 2
                table = np.zeros(hcap, np.int64)
                for key in old:
                    if key != 0:
                        h2 = _mix(key) & (hcap - 1)
                        while table[h2] != 0:
                            h2 = (h2 + 1) & (hcap - 1)
                        table[h2] = key
            if top == scap:
                scap *= 2
                ns = np.empty((scap, k), np.int64)
                nlft = np.empty(scap, np.int64)
                ns[:top] = stack[:top]
                nlft[:top] = left[:top]
                stack = ns
                left = nlft
            for i in range(k):
                stack[top, i] = basic[i]
            stack[top, win] = v
            left[top] = out_var
            top += 1
    return OK, out_b[:nout], out_l[:nout]


def _mix(x: np.int64) -> np.int64:  # pragma: no cover - compiled
    """A 64-bit hash of a basis mask (xor-shift-multiply)."""
    x = x ^ (x >> np.int64(29))
    x = x * np.int64(-4658895280553007687)
    return x ^ (x >> np.int64(32))


def _column(G: np.ndarray, d: int, k: int, s: int, S: np.ndarray, Np: np.ndarray,
            basic: np.ndarray, row_of: np.ndarray, C: np.ndarray, R: np.ndarray,
            cinv: float, gam: float, v: int, vn: np.ndarray, zs: np.ndarray,
            z: np.ndarray, ez: np.ndarray) -> None:  # pragma: no cover - compiled
    """Tableau column ``z = B^{-1} M_v`` (``v = -1``: the rhs 1) and its error bounds ``ez``."""
    # v restricted to the rows Np
    for a in range(s):
        r = Np[a]
        if v < 0:
            vn[a] = 1.0
        elif v < d:
            vn[a] = G[r, v]
        else:
            vn[a] = 1.0 if r == v - d else 0.0
    res = 0.0
    mag = 0.0
    for a in range(s):
        acc = 0.0
        for b in range(s):
            acc += R[a, b] * vn[b]
        zs[a] = acc
    for a in range(s):
        acc = vn[a]
        aac = abs(vn[a])
        for b in range(s):
            acc -= C[a, b] * zs[b]
            aac += C[a, b] * abs(zs[b])
        if abs(acc) > res:
            res = abs(acc)
        if aac > mag:
            mag = aac
    es = cinv * (res + gam * mag)
    # rows of the basis: structural ones from zs, slack rows j: v_j - G[j, S] zs
    for b in range(s):
        i = row_of[S[b]]
        z[i] = zs[b]
        ez[i] = es
    for i in range(k):
        var = basic[i]
        if var < d:
            continue
        j = var - d
        if v < 0:
            vj = 1.0
        elif v < d:
            vj = G[j, v]
        else:
            vj = 1.0 if j == v - d else 0.0
        acc = vj
        aac = abs(vj)
        gs = 0.0
        for b in range(s):
            acc -= G[j, S[b]] * zs[b]
            aac += G[j, S[b]] * abs(zs[b])
            gs += G[j, S[b]]
        z[i] = acc
        ez[i] = gs * es + gam * aac


def polytope_bases(G: Sequence[Sequence[int]], bits: Sequence[int],
                   max_bases: int = 50_000_000) -> tuple[np.ndarray, np.ndarray] | None:
    """Basis masks and label masks of the nonzero vertices of ``{z >= 0 : G z <= 1}``.

    ``G`` is a positive integer ``k x d`` matrix, ``bits[v]`` the label bit of variable
    ``v`` (structural ``0..d-1``, then slacks). ``None`` when a decision cannot be
    certified (e.g. the polytope is degenerate) or the search passes ``max_bases``.

    >>> b, lab = polytope_bases([[2, 1], [1, 2]], [1, 2, 4, 8])
    >>> sorted(lab.tolist())
    [6, 9, 12]
    """
    Gf = np.asarray(G, dtype=np.float64)
    if Gf.size == 0 or len(G) + len(G[0]) > MAX_VARIABLES or \
            max(abs(int(v)) for row in G for v in row) >= 2 ** 52:
        return None
    status, bases, labels = _kernel()(Gf, np.asarray(bits, dtype=np.int64), max_bases)
    if status != OK:
        return None
    return bases, labels


def _exact_vertex(G: list[list[int]], d: int, basis: int
                  ) -> tuple[tuple[int, ...], Fraction] | None:
    """The vertex of basis ``basis`` (a mask) in exact arithmetic, checked; ``None`` if not.

    Solves :math:`G_{N', S} z_S = 1` by Gaussian elimination over the rationals, checks
    ``z > 0`` on ``S``, ``G z = 1`` on ``N'`` and ``G z < 1`` elsewhere, and returns the
    coprime integer weights proportional to ``z`` and :math:`1 / \\sum_c z_c`.

    >>> _exact_vertex([[2, 1], [1, 2]], 2, 0b0011)
    ((1, 1), Fraction(3, 2))
    """
    k = len(G)
    S = [v for v in range(d) if basis >> v & 1]
    rows = [i for i in range(k) if not basis >> (d + i) & 1]
    if len(S) != len(rows) or not S:
        return None
    s = len(S)
    M = [[Fraction(G[r][c]) for c in S] + [Fraction(1)] for r in rows]
    for col in range(s):
        piv = next((r for r in range(col, s) if M[r][col] != 0), None)
        if piv is None:
            return None
        M[col], M[piv] = M[piv], M[col]
        p = M[col][col]
        M[col] = [a / p for a in M[col]]
        for r in range(s):
            f = M[r][col]
            if r != col and f:
                M[r] = [a - f * b for a, b in zip(M[r], M[col], strict=True)]
    zS = [M[a][s] for a in range(s)]
    if any(v <= 0 for v in zS):
        return None
    z = [Fraction(0)] * d
    for c, val in zip(S, zS, strict=True):
        z[c] = val
    in_rows = set(rows)
    for i in range(k):
        lhs = sum(G[i][c] * z[c] for c in S)
        if (lhs != 1) if i in in_rows else (lhs >= 1):
            return None
    den = math.lcm(*(v.denominator for v in z))
    ints = [v.numerator * (den // v.denominator) for v in z]
    g = math.gcd(*ints)
    return tuple(w // g for w in ints), 1 / sum(z)


#: A nonzero vertex as ``(coprime integer weights, 1 / sum of coordinates)``.
ExactVertex = tuple[tuple[int, ...], Fraction]


def fast_vertex_pairs(A2: list[list[int]], BT: list[list[int]]
                      ) -> list[tuple[ExactVertex, ExactVertex]] | None:
    """The completely labelled vertex pairs ``(x, y)`` of ``P`` and ``Q``, or ``None``.

    ``A2`` (``m x n``) and ``BT`` (``n x m``) are the positive integer matrices of
    :func:`.exact.integer_game` (``BT`` transposed), so
    :math:`P = \\{x \\ge 0 : B^\\top x \\le 1\\}` and :math:`Q = \\{y \\ge 0 : Ay \\le 1\\}`.
    ``None`` when ``ENABLED`` is false, numba is missing, the game is too large for the
    kernel, or a decision of the vertex search cannot be certified (degenerate games among
    others): the caller then runs the exact integer search. Otherwise every pair, each
    vertex recomputed and checked in exact arithmetic, in no particular order.

    >>> fast_vertex_pairs([[3, 1], [5, 2]], [[3, 1], [5, 2]])
    [(((0, 1), Fraction(2, 1)), ((0, 1), Fraction(2, 1)))]
    """
    m, n = len(A2), len(A2[0])
    if not ENABLED or m < 2 or n < 2 or m + n > MAX_VARIABLES or not kernel_available():
        return None
    # P: x_i has label i, row j of B^T label m+j (variables in order)
    p = polytope_bases(BT, [1 << v for v in range(m + n)])
    if p is None:
        return None
    # Q: y_j has label m+j, row i of A label i
    q = polytope_bases(A2, [1 << (m + v) for v in range(n)] + [1 << i for i in range(m)])
    if q is None:
        return None
    (pb, pl), (qb, ql) = p, q
    full = (1 << (m + n)) - 1
    # nondegenerate (certified): a vertex of P has exactly m labels, one of Q exactly n,
    # so a completely labelled pair has complementary label masks
    _, ip, iq = np.intersect1d(np.int64(full) & ~pl, ql, assume_unique=True,
                               return_indices=True)
    out = []
    for a, b in zip(ip.tolist(), iq.tolist(), strict=True):
        vx = _exact_vertex(BT, m, int(pb[a]))
        vy = _exact_vertex(A2, n, int(qb[b]))
        if vx is None or vy is None:  # pragma: no cover - would be a wrong certificate
            return None
        out.append((vx, vy))
    return out
