r"""Exact integer decisions from residues modulo word-size primes (for :mod:`.exact_kernel`).

Mathematics
-----------
Let :math:`p_0, \dots, p_{P-1}` be distinct primes below :math:`2^{31}` (so a product of
two residues fits in a signed 64-bit integer) and :math:`M = \prod_t p_t`. An integer
:math:`X` with :math:`|X| < M/2` is determined by its residues :math:`X \bmod p_t`
(Chinese remainder theorem), and its sign is read off Garner's mixed-radix form with
symmetric digits :math:`X = a_0 + a_1 p_0 + a_2 p_0 p_1 + \dots`,
:math:`|a_t| \le (p_t - 1)/2`, as the sign of the highest nonzero digit (Knuth, *The
Art of Computer Programming* vol. 2, Sec. 4.3.2). The kernel needs the signs of
:math:`\det(C)\,\beta_i`, :math:`\det(C)\,a_i` and of :math:`2 \times 2` determinants of
fraction-free tableau entries; each tableau entry is a minor of :math:`[G \mid I \mid 1]`,
bounded by Hadamard's inequality (:func:`hadamard_bits`), which fixes how many primes are
needed. Residues of the tableau come from the inverse of :math:`C` modulo each prime
(Gauss-Jordan elimination over :math:`\mathbb{F}_p`); a prime that divides
:math:`\det C` makes :func:`mod_setup` fail (the caller then declines, and the exact
Python search runs).

The functions taking arrays are compiled by numba on first use (:func:`compiled`); they
run as plain Python too, which the tests use.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["is_prime", "primes_below_2_31", "garner_tables", "hadamard_bits", "mod_setup",
           "mod_column", "residue_sign", "inverse_mod", "compiled"]

_compiled: dict[str, Any] = {}


def compiled(name: str) -> Any:
    """The numba-compiled version of the function ``name`` of this module (cached on disk).

    >>> compiled("inverse_mod")(3, 7)
    5
    """
    if name not in _compiled:
        import numba
        g = globals()
        if not _compiled:   # callees first, by their global names
            g["inverse_mod"] = numba.njit(cache=True, nogil=True)(g["inverse_mod"])
            _compiled["inverse_mod"] = g["inverse_mod"]
        if name not in _compiled:
            _compiled[name] = numba.njit(cache=True, nogil=True)(g[name])
    return _compiled[name]


def is_prime(n: int) -> bool:
    """Deterministic Miller-Rabin for ``n < 3,215,031,751`` (bases 2, 3, 5, 7).

    >>> [is_prime(n) for n in (2, 91, 97, 2 ** 31 - 1)]
    [True, False, True, True]
    """
    if n < 2:
        return False
    for q in (2, 3, 5, 7):
        if n % q == 0:
            return n == q
    dd, r = n - 1, 0
    while dd % 2 == 0:
        dd, r = dd // 2, r + 1
    for a in (2, 3, 5, 7):
        x = pow(a, dd, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def primes_below_2_31(count: int) -> list[int]:
    """The ``count`` largest primes below :math:`2^{31}` (so products fit in int64).

    >>> primes_below_2_31(2)
    [2147483647, 2147483629]
    """
    out, n = [], 2 ** 31 - 1
    while len(out) < count:
        if is_prime(n):
            out.append(n)
        n -= 2
    return out


def garner_tables(primes: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """``pref[t, q] = p_0 ... p_{q-1} mod p_t`` and ``invpref[t] = pref[t, t]^{-1} mod p_t``.

    >>> pref, inv = garner_tables([7, 5])
    >>> pref.tolist(), inv.tolist()
    ([[1, 0], [1, 2]], [1, 3])
    """
    P = len(primes)
    pref = np.zeros((P, P), np.int64)
    inv = np.zeros(P, np.int64)
    for t, p in enumerate(primes):
        acc = 1
        for q in range(t + 1):
            pref[t, q] = acc % p
            if q < t:
                acc = acc * primes[q] % p
        inv[t] = pow(int(pref[t, t]), -1, p)
    return pref, inv


def hadamard_bits(G: Sequence[Sequence[int]]) -> float:
    r"""An upper bound on :math:`\log_2` of every entry of a fraction-free tableau of ``G``.

    Every entry is a minor of :math:`[G \mid I \mid \mathbf 1]` of order at most
    :math:`\min(k, d) + 1` with at most :math:`\min(k, d)` columns of ``G``, so by
    Hadamard's inequality it is at most the product of the largest column norms of ``G``
    and :math:`\max(\text{largest norm}, \sqrt k)`.

    >>> round(hadamard_bits([[3, 0], [4, 1]]), 6)   # norms 5 and 1; 5 * 5
    4.643856
    """
    k, d = len(G), len(G[0])
    norms = sorted((math.sqrt(sum(G[i][c] ** 2 for i in range(k))) for c in range(d)),
                   reverse=True)
    top = norms[:min(k, d)]
    return sum(math.log2(max(v, 1.0)) for v in top) + math.log2(max(norms[0], math.sqrt(k)))


def mod_setup(Gm: np.ndarray, s: int, S: np.ndarray, Np: np.ndarray, primes: np.ndarray,
               Ci: np.ndarray, Wi: np.ndarray, detp: np.ndarray
               ) -> bool:  # pragma: no cover - compiled
    """``Ci[t] = C^{-1}`` and ``detp[t] = det C`` modulo ``primes[t]``, for ``C = G[Np, S]``.

    ``False`` when a prime divides ``det C`` (then the caller gives up).
    """
    for t in range(primes.shape[0]):
        p = primes[t]
        for a in range(s):
            for b in range(s):
                Wi[a, b] = Gm[t, Np[a], S[b]]
                Ci[t, a, b] = 1 if a == b else 0
        det = 1
        for col in range(s):
            piv = -1
            for r in range(col, s):
                if Wi[r, col] != 0:
                    piv = r
                    break
            if piv < 0:
                return False
            if piv != col:
                for b in range(s):
                    tmp = Wi[col, b]
                    Wi[col, b] = Wi[piv, b]
                    Wi[piv, b] = tmp
                    tmp = Ci[t, col, b]
                    Ci[t, col, b] = Ci[t, piv, b]
                    Ci[t, piv, b] = tmp
                det = (p - det) % p
            det = det * Wi[col, col] % p
            inv = inverse_mod(Wi[col, col], p)
            for b in range(s):
                Wi[col, b] = Wi[col, b] * inv % p
                Ci[t, col, b] = Ci[t, col, b] * inv % p
            for r in range(s):
                f = Wi[r, col]
                if r != col and f != 0:
                    g = p - f
                    for b in range(s):
                        Wi[r, b] = (Wi[r, b] + g * Wi[col, b]) % p
                        Ci[t, r, b] = (Ci[t, r, b] + g * Ci[t, col, b]) % p
        detp[t] = det
    return True


def inverse_mod(a: int, p: int) -> int:  # pragma: no cover - compiled
    """``a^{-1} mod p`` for a prime ``p`` (Fermat: ``a^{p-2}``).

    >>> inverse_mod(3, 7)
    5
    """
    result = 1
    base = a % p
    e = p - 2
    while e > 0:
        if e & 1:
            result = result * base % p
        base = base * base % p
        e >>= 1
    return result


def mod_column(Gm: np.ndarray, d: int, k: int, s: int, S: np.ndarray, Np: np.ndarray,
                basic: np.ndarray, row_of: np.ndarray, Ci: np.ndarray, detp: np.ndarray,
                primes: np.ndarray, v: int, out: np.ndarray, vni: np.ndarray,
                zsi: np.ndarray) -> None:  # pragma: no cover - compiled
    """``out[t] = det(C) B^{-1} M_v`` modulo ``primes[t]`` (``v = -1``: the rhs 1), by row."""
    for t in range(primes.shape[0]):
        p = primes[t]
        for a in range(s):
            r = Np[a]
            if v < 0:
                vni[a] = 1
            elif v < d:
                vni[a] = Gm[t, r, v]
            else:
                vni[a] = 1 if r == v - d else 0
        for a in range(s):
            acc = 0
            for b in range(s):
                acc = (acc + Ci[t, a, b] * vni[b]) % p
            zsi[a] = acc * detp[t] % p
            out[t, row_of[S[a]]] = zsi[a]
        for i in range(k):
            var = basic[i]
            if var < d:
                continue
            j = var - d
            if v < 0:
                vj = 1
            elif v < d:
                vj = Gm[t, j, v]
            else:
                vj = 1 if j == v - d else 0
            acc = vj * detp[t] % p
            for b in range(s):
                acc = (acc + (p - Gm[t, j, S[b]]) * zsi[b]) % p
            out[t, i] = acc


def residue_sign(res: np.ndarray, primes: np.ndarray, pref: np.ndarray, invpref: np.ndarray,
          digits: np.ndarray) -> int:  # pragma: no cover - compiled
    """The sign of the integer ``X`` with ``X = res[t] mod primes[t]``, ``|X| < M / 2``.

    Garner's mixed-radix conversion with symmetric digits
    :math:`X = a_0 + a_1 p_0 + a_2 p_0 p_1 + \\dots`, :math:`|a_t| \\le (p_t - 1)/2`:
    the lower terms sum to less than one unit of the highest nonzero one, so the sign of
    ``X`` is the sign of its highest nonzero digit.
    """
    P = primes.shape[0]
    for t in range(P):
        p = primes[t]
        acc = 0
        for q in range(t):
            dq = ((digits[q] % p) + p) % p
            acc = (acc + dq * pref[t, q]) % p
        x = (res[t] - acc + p) % p * invpref[t] % p
        digits[t] = x if x <= (p - 1) // 2 else x - p
    for t in range(P - 1, -1, -1):
        if digits[t] > 0:
            return 1
        if digits[t] < 0:
            return -1
    return 0
