r"""Compiled vertex enumeration with certified floating-point decisions (optional, numba).

Mathematics
-----------
:mod:`.exact` enumerates the vertices of a best-response polytope
:math:`\{z \ge 0 : Gz \le 1\}` (``G`` a positive integer ``k x d`` matrix) by a depth-first
search over its bases, pivoting in exact integers. Every step of that search is a
*decision* about exact rational numbers: the sign of a tableau entry, the sign of a basic
variable's value, and which of two ratios :math:`\beta_i / a_i` is the smaller. This module
makes the same decisions in compiled code (numba). Each is first tried in floating point
and taken only when *certified*: a rigorous bound on the error of every float used (below)
puts the float farther from the threshold than its error. A decision the floats cannot
certify (a ratio tie or a basic variable at zero, i.e. a degenerate polytope, or a
nearly singular basis) is taken exactly from residues: the fraction-free tableau entries
are integer minors, known modulo a few primes below :math:`2^{31}` from the inverse of
the basis modulo each prime, and the sign of :math:`\det(C)\,\beta_i`, of
:math:`\det(C)\,a_i`, or of :math:`\beta_i a_r - \beta_r a_i` (and of the same
cross products of the rows of :math:`B^{-1}`, the lexicographic rule) is read off the
residues (:mod:`.exact_modular`; enough primes that the product exceeds twice the
Hadamard bound on these numbers). So every decision equals the exact search's: the
kernel visits the same lexicographic bases and finds every vertex, degenerate ones
included.

A vertex is identified by its label mask (its binding constraints: the nonbasic variables
and the basic ones at zero, which determine the point), recorded once with one of its
bases. The completely labelled pairs are matched by label masks (equal complements for
vertices with exactly ``m`` or ``n`` labels, a vectorised superset test for the
degenerate ones), and every matched vertex is recomputed from its basis in exact
rational arithmetic and checked (nonnegative, feasible, binding exactly where its mask
says), so the answer is the same list of :class:`~fractions.Fraction` equilibria as the
exact search, in the same order after sorting, and never a non-equilibrium. The kernel
declines (``None``; the caller runs the pure-Python search) only when numba is missing,
an integer entry reaches :math:`2^{52}`, the game has over 62 strategies in all, or a
prime divides a basis determinant (probability about :math:`k \cdot 2^{-31}` per basis
that needs residues).

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

Speed (measured on the 2-core development machine, heavily shared while measured)
---------------------------------------------------------------------------------
``python benchmarks/solve.py --large`` (random n x n games, standard normal payoffs rounded
to two decimals, seed 20261128, three games per size, CPU time of one fresh process per
solve forked after the kernel was loaded, peak resident memory including the 152 MiB of
the idle interpreter), median (min-max):

======  =====================  =====================  =======================
size    kernel (this module)   pure-Python search     pygambit rational
======  =====================  =====================  =======================
10x10   0.02 s (0.01-0.03)     0.28 s (0.06-0.35)     9.6 s (4.6-19.2)
12x12   0.08 s (0.05-0.14)     1.03 s (0.75-1.46)     > 120 s (all three)
15x15   1.27 s (0.66-1.72)     15.9 s (10.0-27.8)     > 120 s (all three)
======  =====================  =====================  =======================

Peak memory at 15 x 15: 214 MiB against 409 MiB. Same equilibria in every game. Loading
the compiled kernel from numba's on-disk cache costs 0.3 s of CPU once per process;
compiling it on a fresh checkout about 27 s once. A heavily degenerate 15 x 15 game
(integer payoffs in -2..2: 61,000 and 37,000 vertices, about 650 of them degenerate in
each polytope, 99 extreme equilibria) takes 6 s, most bases there needing residues.

Why this design (measured alternatives for the integer search are in :mod:`.exact`'s
docstring): the integer search spends 80-200 us per basis in the interpreter; its
integers are 53 bits on average and 102 at most, so int64 arithmetic would overflow in
most pivots, and purely modular arithmetic would need a mixed-radix conversion
(``O(P^2)`` modular products for ``P`` primes, 13 primes at 15 x 15) for every sign, i.e.
for every comparison of every ratio test. Certified floats need one small inverse per
basis (of the ``s x s`` block :math:`C` only, ``s`` the number of basic structural
variables) and decide almost everything; residues are computed only for the bases where
a float cannot decide. Not tried: enumerating only the smaller polytope and solving the
complementary systems (EEE, Audet, Hansen, Jaumard and Savard 2001), which would save
the larger polytope's bases but not the per-basis cost.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from . import exact_modular
from .exact_modular import (
    garner_tables,
    hadamard_bits,
    mod_column,
    mod_setup,
    primes_below_2_31,
    residue_sign,
)

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
        g = globals()
        for name in ("_column", "_mix", "_insert"):
            g[name] = numba.njit(cache=True, nogil=True)(g[name])
        for name in ("mod_setup", "mod_column", "residue_sign"):
            g[name] = exact_modular.compiled(name)
        _compiled = numba.njit(cache=True, nogil=True)(_search)
    return _compiled


def _search(G: np.ndarray, bits: np.ndarray, max_bases: int, Gm: np.ndarray,
            primes: np.ndarray, pref: np.ndarray, invpref: np.ndarray
            ) -> tuple[int, np.ndarray, np.ndarray]:  # pragma: no cover - compiled
    """Depth-first search over the bases of ``{z >= 0 : G z <= 1}`` with certified floats.

    Decisions the floats cannot certify are taken exactly from residues modulo the
    ``primes`` (``Gm[t] = G mod primes[t]``; ``pref``/``invpref`` from
    :func:`.exact_modular.garner_tables`). Returns ``(status, basis masks, label masks)``
    of the distinct nonzero vertices, one basis each, in the order of the search;
    ``status`` is ``OK``, ``UNCERTIFIED`` or ``TOO_LARGE``.
    """
    k, d = G.shape
    nv = d + k
    P = primes.shape[0]
    u = 2.0 ** -53
    gam = 2.0 * (k + 2) * u / (1.0 - (k + 2) * u)
    table = np.zeros(1 << 12, np.int64)      # visited bases (hash set, 0 = empty)
    labtab = np.zeros(1 << 12, np.int64)     # label masks of the vertices recorded
    nvis = 0
    nlab = 0
    scap = 256
    stack = np.empty((scap, k), np.int64)    # bases to visit and the variable that left
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
    table, nvis, _ = _insert(table, nvis, start)
    row_of = np.empty(nv, np.int64)
    S = np.empty(k, np.int64)        # basic structural variables
    Np = np.empty(k, np.int64)       # rows whose slack is nonbasic
    C = np.empty((k, k))
    W = np.empty((k, k))
    R = np.empty((k, k))
    z = np.empty(k)                  # a tableau column, by basis row
    ez = np.empty(k)                 # its error bound, by basis row
    beta = np.empty(k)
    eb = np.empty(k)
    zs = np.empty(k)
    vn = np.empty(k)
    zero = np.zeros(k, np.bool_)
    rlo = np.empty(k)
    rhi = np.empty(k)
    cand = np.empty(k, np.int64)
    # modular data of the current basis, computed only when a decision needs it
    Ci = np.empty((P, k, k), np.int64)
    Wi = np.empty((k, k), np.int64)
    detp = np.empty(P, np.int64)
    Mb = np.empty((P, k), np.int64)
    Mc = np.empty((P, k), np.int64)
    Ml = np.empty((k, P, k), np.int64)   # slack columns (rows of B^{-1}), for ties
    vni = np.empty(k, np.int64)
    zsi = np.empty(k, np.int64)
    res = np.empty(P, np.int64)
    digits = np.empty(P, np.int64)
    visited_count = 0
    RHS = nv - nv - 1            # the rhs column, as a plain int64 (one compiled signature)
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
            if row_of[d + i] < 0:
                Np[t] = i
                t += 1
        mod_ready = False
        mb_ready = False
        ml_ready = False
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
        # ---- the rhs column (v = 1): certified positive, or exactly zero or positive
        _column(G, d, k, s, S, Np, basic, row_of, C, R, cinv, gam, RHS, vn, zs, beta, eb)
        for i in range(k):
            zero[i] = False
            if beta[i] - eb[i] > 0.0:
                continue
            if not mod_ready:
                if not mod_setup(Gm, s, S, Np, primes, Ci, Wi, detp):
                    return UNCERTIFIED, out_b[:nout], out_l[:nout]
                mod_ready = True
            if not mb_ready:
                mod_column(Gm, d, k, s, S, Np, basic, row_of, Ci, detp, primes, RHS,
                            Mb, vni, zsi)
                mb_ready = True
            for q in range(P):
                res[q] = Mb[q, i] * detp[q] % primes[q]
            sg = residue_sign(res, primes, pref, invpref, digits)
            if sg < 0:
                return UNCERTIFIED, out_b[:nout], out_l[:nout]
            if sg == 0:
                zero[i] = True
                beta[i] = 0.0
                eb[i] = 0.0
        mask = np.int64(0)
        for i in range(k):
            mask |= np.int64(1) << basic[i]
        lab = np.int64(0)
        nonzero = False
        for v in range(nv):
            if row_of[v] < 0:
                lab |= bits[v]
            elif zero[row_of[v]]:
                lab |= bits[v]
            elif v < d:
                nonzero = True
        if nonzero:
            labtab, nlab, new = _insert(labtab, nlab, lab)
            if new:
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
        # ---- one ratio test per nonbasic column, certified or exact
        for v in range(nv):
            if row_of[v] >= 0 or v == came:
                continue
            _column(G, d, k, s, S, Np, basic, row_of, C, R, cinv, gam, v, vn, zs, z, ez)
            mc_ready = False
            ncand = 0
            for i in range(k):
                lo_a = z[i] - ez[i]
                hi_a = z[i] + ez[i]
                if hi_a <= 0.0:
                    continue
                if lo_a <= 0.0:   # sign not certified: decide it exactly
                    if not mod_ready:
                        if not mod_setup(Gm, s, S, Np, primes, Ci, Wi, detp):
                            return UNCERTIFIED, out_b[:nout], out_l[:nout]
                        mod_ready = True
                    if not mc_ready:
                        mod_column(Gm, d, k, s, S, Np, basic, row_of, Ci, detp, primes, v,
                                    Mc, vni, zsi)
                        mc_ready = True
                    for q in range(P):
                        res[q] = Mc[q, i] * detp[q] % primes[q]
                    if residue_sign(res, primes, pref, invpref, digits) <= 0:
                        continue
                cand[ncand] = i
                ncand += 1
                blo = max(beta[i] - eb[i], 0.0)
                bhi = beta[i] + eb[i]
                rlo[i] = blo / hi_a * (1.0 - 8.0 * u)
                if bhi == 0.0:
                    rhi[i] = 0.0
                elif lo_a > 0.0:
                    rhi[i] = bhi / lo_a * (1.0 + 8.0 * u)
                else:
                    rhi[i] = np.inf
            if ncand == 0:
                return UNCERTIFIED, out_b[:nout], out_l[:nout]
            win = cand[0]
            for a in range(1, ncand):
                i = cand[a]
                if rhi[i] < rlo[win]:
                    win = i
                    continue
                if rlo[i] > rhi[win]:
                    continue
                # a possible tie: compare beta_i a_win - beta_win a_i exactly, then by the
                # rows of B^{-1} (the lexicographic rule)
                if not mod_ready:
                    if not mod_setup(Gm, s, S, Np, primes, Ci, Wi, detp):
                        return UNCERTIFIED, out_b[:nout], out_l[:nout]
                    mod_ready = True
                if not mc_ready:
                    mod_column(Gm, d, k, s, S, Np, basic, row_of, Ci, detp, primes, v,
                                Mc, vni, zsi)
                    mc_ready = True
                if not mb_ready:
                    mod_column(Gm, d, k, s, S, Np, basic, row_of, Ci, detp, primes, RHS,
                                Mb, vni, zsi)
                    mb_ready = True
                for q in range(P):
                    p = primes[q]
                    res[q] = (Mb[q, i] * Mc[q, win] % p - Mb[q, win] * Mc[q, i] % p + p) % p
                sg = residue_sign(res, primes, pref, invpref, digits)
                if sg == 0:
                    if not ml_ready:   # every nonbasic slack column, once per basis
                        for sl in range(d, nv):
                            if row_of[sl] < 0:
                                mod_column(Gm, d, k, s, S, Np, basic, row_of, Ci, detp,
                                           primes, sl, Ml[sl - d], vni, zsi)
                        ml_ready = True
                    for sl in range(d, nv):
                        r_sl = row_of[sl]
                        for q in range(P):
                            p = primes[q]
                            if r_sl < 0:
                                ei = Ml[sl - d, q, i]
                                ew = Ml[sl - d, q, win]
                            else:
                                ei = detp[q] if r_sl == i else 0
                                ew = detp[q] if r_sl == win else 0
                            res[q] = (ei * Mc[q, win] % p - ew * Mc[q, i] % p + p) % p
                        sg = residue_sign(res, primes, pref, invpref, digits)
                        if sg != 0:
                            break
                    if sg == 0:
                        return UNCERTIFIED, out_b[:nout], out_l[:nout]
                if sg < 0:
                    win = i
            out_var = basic[win]
            child = (mask & ~(np.int64(1) << out_var)) | (np.int64(1) << v)
            table, nvis, new = _insert(table, nvis, child)
            if not new:
                continue
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


def _insert(table: np.ndarray, count: int, key: np.int64
            ) -> tuple[np.ndarray, int, bool]:  # pragma: no cover - compiled
    """Insert the nonzero ``key`` in the open-addressing set ``table`` (grown at half full).

    Returns the (possibly new) table, the new count and whether ``key`` was new.
    """
    cap = table.shape[0]
    h = _mix(key) & (cap - 1)
    while table[h] != 0:
        if table[h] == key:
            return table, count, False
        h = (h + 1) & (cap - 1)
    table[h] = key
    count += 1
    if 2 * count > cap:
        old = table
        cap *= 2
        table = np.zeros(cap, np.int64)
        for x in old:
            if x != 0:
                h = _mix(x) & (cap - 1)
                while table[h] != 0:
                    h = (h + 1) & (cap - 1)
                table[h] = x
    return table, count, True


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
    """One basis mask and the label mask of each nonzero vertex of ``{z >= 0 : G z <= 1}``.

    ``G`` is a positive integer ``k x d`` matrix, ``bits[v]`` the label bit of variable
    ``v`` (structural ``0..d-1``, then slacks). The labels include those of basic
    variables at zero (degenerate vertices). ``None`` when the kernel cannot run (entries
    of :math:`2^{52}` or more, over ``MAX_VARIABLES`` variables, a prime dividing a basis
    determinant) or the search passes ``max_bases``.

    >>> b, lab = polytope_bases([[2, 1], [1, 2]], [1, 2, 4, 8])
    >>> sorted(lab.tolist())
    [6, 9, 12]
    """
    if not G or not G[0] or len(G) + len(G[0]) > MAX_VARIABLES or \
            max(abs(int(v)) for row in G for v in row) >= 2 ** 52:
        return None
    Gf = np.asarray(G, dtype=np.float64)
    # |X| <= 2 H^2 for every integer whose sign is decided; M = prod(primes) > 2 |X| + 1
    count = math.ceil((2 * hadamard_bits(G) + 3) / 30) + 1
    primes = primes_below_2_31(count)
    Gm = np.array([[[int(v) % p for v in row] for row in G] for p in primes], dtype=np.int64)
    pref, invpref = garner_tables(primes)
    status, bases, labels = _kernel()(Gf, np.asarray(bits, dtype=np.int64), max_bases, Gm,
                                      np.array(primes, dtype=np.int64), pref, invpref)
    if status != OK:
        return None
    return bases, labels


def _exact_vertex(G: list[list[int]], d: int, basis: int, bits: Sequence[int]
                  ) -> tuple[tuple[int, ...], Fraction, int] | None:
    """The vertex of basis ``basis`` (a mask) in exact arithmetic, checked; ``None`` if not.

    Solves :math:`G_{N', S} z_S = 1` by fraction-free elimination (Bareiss), checks
    ``z >= 0`` and ``G z <= 1`` with equality on :math:`N'`, and returns the coprime integer
    weights proportional to ``z``, :math:`1 / \\sum_c z_c` and the exact label mask
    (``bits`` of the zero coordinates and of the binding rows).

    >>> _exact_vertex([[2, 1], [1, 2]], 2, 0b0011, [1, 2, 4, 8])
    ((1, 1), Fraction(3, 2), 12)
    """
    k = len(G)
    S = [v for v in range(d) if basis >> v & 1]
    rows = [i for i in range(k) if not basis >> (d + i) & 1]
    if len(S) != len(rows) or not S:
        return None
    s = len(S)
    # fraction-free (Bareiss) elimination on [C | 1]: integers throughout, exact divisions
    M = [[G[r][c] for c in S] + [1] for r in rows]
    prev = 1
    for col in range(s):
        piv = next((r for r in range(col, s) if M[r][col] != 0), None)
        if piv is None:
            return None
        if piv != col:
            M[col], M[piv] = M[piv], M[col]
        p = M[col][col]
        for r in range(col + 1, s):
            f = M[r][col]
            M[r] = [(p * a - f * b) // prev for a, b in zip(M[r], M[col], strict=True)]
        prev = p
    zS: list[Fraction] = [Fraction(0)] * s     # back substitution
    for r in range(s - 1, -1, -1):
        acc = Fraction(M[r][s]) - sum(M[r][c] * zS[c] for c in range(r + 1, s))
        zS[r] = acc / M[r][r]
    z = [Fraction(0)] * d
    for a, c in enumerate(S):
        z[c] = zS[a]
    if any(v < 0 for v in z) or not any(z):
        return None
    den = math.lcm(*(v.denominator for v in z))
    ints = [v.numerator * (den // v.denominator) for v in z]   # z = ints / den
    labels = sum(bits[c] for c in range(d) if ints[c] == 0)
    in_rows = set(rows)
    for i in range(k):
        lhs = sum(G[i][c] * ints[c] for c in S)
        if lhs > den or (i in in_rows and lhs != den):
            return None
        if lhs == den:
            labels |= bits[d + i]
    g = math.gcd(*ints)
    return tuple(w // g for w in ints), 1 / sum(z), labels


#: A nonzero vertex as ``(coprime integer weights, 1 / sum of coordinates)``.
ExactVertex = tuple[tuple[int, ...], Fraction]


def _complete_pairs(pl: np.ndarray, ql: np.ndarray, m: int, n: int) -> list[tuple[int, int]]:
    """Indices ``(a, b)`` with ``pl[a] | ql[b]`` covering all ``m + n`` labels.

    A vertex of ``P`` has at least ``m`` labels and one of ``Q`` at least ``n``; pairs of
    vertices with exactly that many are matched by equal complement masks, the others by a
    vectorised superset test.

    >>> _complete_pairs(np.array([0b0110, 0b1001]), np.array([0b1001, 0b1011]), 2, 2)
    [(0, 0), (0, 1)]
    """
    full = np.int64((1 << (m + n)) - 1)
    need = full & ~pl
    pcount = np.bitwise_count(pl)
    qcount = np.bitwise_count(ql)
    pn, qn = np.flatnonzero(pcount == m), np.flatnonzero(qcount == n)
    out: list[tuple[int, int]] = []
    _, ip, iq = np.intersect1d(need[pn], ql[qn], assume_unique=True, return_indices=True)
    out += zip(pn[ip].tolist(), qn[iq].tolist(), strict=True)
    for b in np.flatnonzero(qcount > n).tolist():          # degenerate vertices of Q
        hit = pn[(need[pn] & ~ql[b]) == 0]
        out += ((a, b) for a in hit.tolist())
    for a in np.flatnonzero(pcount > m).tolist():          # degenerate vertices of P
        hit = np.flatnonzero((need[a] & ~ql) == 0)
        out += ((a, b) for b in hit.tolist())
    return sorted(out)


def fast_vertex_pairs(A2: list[list[int]], BT: list[list[int]]
                      ) -> list[tuple[ExactVertex, ExactVertex]] | None:
    """The completely labelled vertex pairs ``(x, y)`` of ``P`` and ``Q``, or ``None``.

    ``A2`` (``m x n``) and ``BT`` (``n x m``) are the positive integer matrices of
    :func:`.exact.integer_game` (``BT`` transposed), so
    :math:`P = \\{x \\ge 0 : B^\\top x \\le 1\\}` and :math:`Q = \\{y \\ge 0 : Ay \\le 1\\}`.
    ``None`` when ``ENABLED`` is false, numba is missing, or the kernel cannot run (see
    :func:`polytope_bases`): the caller then runs the pure-Python search. Otherwise every
    pair, degenerate games included, each vertex recomputed and checked in exact
    arithmetic, in no particular order.

    >>> fast_vertex_pairs([[3, 1], [5, 2]], [[3, 1], [5, 2]])
    [(((0, 1), Fraction(2, 1)), ((0, 1), Fraction(2, 1)))]
    """
    m, n = len(A2), len(A2[0])
    if not ENABLED or m < 2 or n < 2 or m + n > MAX_VARIABLES or not kernel_available():
        return None
    # P: x_i has label i, row j of B^T label m+j (variables in order)
    pbits = [1 << v for v in range(m + n)]
    p = polytope_bases(BT, pbits)
    if p is None:
        return None
    # Q: y_j has label m+j, row i of A label i
    qbits = [1 << (m + v) for v in range(n)] + [1 << i for i in range(m)]
    q = polytope_bases(A2, qbits)
    if q is None:
        return None
    (pb, pl), (qb, ql) = p, q
    out = []
    xs: dict[int, tuple] = {}
    ys: dict[int, tuple] = {}
    for a, b in _complete_pairs(pl, ql, m, n):
        if a not in xs:
            xs[a] = _exact_vertex(BT, m, int(pb[a]), pbits)
        if b not in ys:
            ys[b] = _exact_vertex(A2, n, int(qb[b]), qbits)
        vx, vy = xs[a], ys[b]
        if vx is None or vy is None or vx[2] != pl[a] or vy[2] != ql[b]:
            return None  # pragma: no cover - would be a wrong certificate
        out.append((vx[:2], vy[:2]))
    return out
