"""Residue arithmetic of the compiled kernel against Python's exact integers and Fractions."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import numpy as np
import pytest

from gametheory.solve import exact_modular as em


def residues(x: int, primes: list[int]) -> np.ndarray:
    return np.array([x % p for p in primes], dtype=np.int64)


def test_primes_are_prime_and_below_2_31():
    ps = em.primes_below_2_31(6)
    assert len(set(ps)) == 6 and all(p < 2 ** 31 for p in ps)
    for p in ps:   # trial division up to sqrt(p), the independent check
        assert all(p % q for q in range(3, math.isqrt(p) + 1, 2))
    assert [n for n in range(60) if em.is_prime(n)] == \
        [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59]


@pytest.mark.parametrize("count", [1, 3, 8])
def test_residue_sign_against_python_integers(count):
    primes = em.primes_below_2_31(count)
    pref, inv = em.garner_tables(primes)
    M = math.prod(primes)
    rng = random.Random(count)
    arr = np.array(primes, dtype=np.int64)
    digits = np.empty(count, np.int64)
    samples = [0, 1, -1, (M - 1) // 2, -((M - 1) // 2)]
    samples += [rng.randrange(-(M // 2) + 1, M // 2) for _ in range(300)]
    samples += [rng.choice([-1, 1]) * rng.randrange(1, 2 ** rng.randint(1, 31 * count - 1))
                for _ in range(300)]
    for x in samples:
        assert em.residue_sign(residues(x, primes), arr, pref, inv, digits) == \
            (x > 0) - (x < 0), x


def test_inverse_mod():
    for p in (7, 2147483647):
        for a in (1, 2, 3, 12345 % p, p - 1):
            assert a * em.inverse_mod(a, p) % p == 1


def fraction_column(G, basis_S, rows, v):
    """det(C) * B^{-1} M_v by Fractions: structural rows from C, slack rows from G."""
    C = [[Fraction(G[r][c]) for c in basis_S] for r in rows]
    s = len(basis_S)
    vn = [Fraction(1) if v < 0 else Fraction(G[r][v]) for r in rows]
    M = [row[:] + [b] for row, b in zip(C, vn, strict=True)]
    det = Fraction(1)
    for col in range(s):
        piv = next(r for r in range(col, s) if M[r][col] != 0)
        if piv != col:
            M[col], M[piv] = M[piv], M[col]
            det = -det
        det *= M[col][col]
        p = M[col][col]
        M[col] = [a / p for a in M[col]]
        for r in range(s):
            if r != col and M[r][col]:
                f = M[r][col]
                M[r] = [a - f * b for a, b in zip(M[r], M[col], strict=True)]
    zS = [M[a][s] for a in range(s)]
    return det, zS


def test_mod_setup_and_column_against_fractions():
    rng = np.random.default_rng(4)
    k, d = 4, 3
    G = rng.integers(1, 500, size=(k, d))
    primes = em.primes_below_2_31(4)
    arr = np.array(primes, dtype=np.int64)
    Gm = np.array([[[int(v) % p for v in row] for row in G] for p in primes], dtype=np.int64)
    for S, rows in [((0, 2), (1, 3)), ((0, 1, 2), (0, 1, 2)), ((1,), (3,))]:
        s = len(S)
        basic = np.array(list(S) + [d + i for i in range(k) if i not in rows], dtype=np.int64)
        row_of = np.full(d + k, -1, dtype=np.int64)
        row_of[basic] = np.arange(k)
        Sa, Na = np.array(S + (0,) * (k - s)), np.array(rows + (0,) * (k - s))
        Ci = np.empty((4, k, k), np.int64)
        detp = np.empty(4, np.int64)
        assert em.mod_setup(Gm, s, Sa, Na, arr, Ci, np.empty((k, k), np.int64), detp)
        for v in (-1, 0, d + rows[0]):
            out = np.empty((4, k), np.int64)
            em.mod_column(Gm, d, k, s, Sa, Na, basic, row_of, Ci, detp, arr, v, out,
                          np.empty(k, np.int64), np.empty(k, np.int64))
            if v >= d:
                continue   # a slack column: covered through C^{-1} below
            det, zS = fraction_column(G.tolist(), S, rows, v)
            for t, p in enumerate(primes):
                assert detp[t] == int(det) % p
                for a, c in enumerate(S):
                    D = det * zS[a]
                    assert D.denominator == 1
                    assert out[t, row_of[c]] == D.numerator % p
                for i in range(k):   # basic slacks: det * v_i - G[i, S] . D_S
                    if i in rows:
                        continue
                    vi = 1 if v < 0 else int(G[i, v])
                    D = det * vi - sum(int(G[i, c]) * det * zS[a] for a, c in enumerate(S))
                    assert out[t, row_of[d + i]] == int(D) % p


def test_hadamard_bits_bounds_every_minor():
    rng = np.random.default_rng(9)
    G = rng.integers(1, 100, size=(4, 3)).tolist()
    bound = 2 ** em.hadamard_bits(G)
    aug = [row + [1] for row in G]   # G and the rhs column
    biggest = 0
    for size in (1, 2, 3, 4):
        for rows in itertools.combinations(range(4), size):
            for cols in itertools.combinations(range(4), size):
                if sum(c < 3 for c in cols) > 3:
                    continue
                M = [[Fraction(aug[r][c]) for c in cols] for r in rows]
                biggest = max(biggest, abs(int(np.round(np.linalg.det(np.array(M, float))))))
    assert biggest <= bound


def test_compiled_matches_python():
    pytest.importorskip("numba")
    primes = em.primes_below_2_31(3)
    pref, inv = em.garner_tables(primes)
    arr = np.array(primes, dtype=np.int64)
    f = em.compiled("residue_sign")
    for x in (0, 5, -5, 2 ** 80, -(2 ** 80)):
        assert f(residues(x, primes), arr, pref, inv, np.empty(3, np.int64)) == \
            (x > 0) - (x < 0)
