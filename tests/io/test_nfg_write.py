"""Writing .nfg files for any number of players (gametheory.io.nfg_write)."""

from __future__ import annotations

import tempfile
from fractions import Fraction as F
from pathlib import Path

import numpy as np
import pytest
from support import DATA

import gametheory as gt
from gametheory.io.nfg_write import to_nfg

NPLAYER = DATA / "gambit-nplayer"


def _random_game(seed: int, shape: tuple[int, ...]) -> gt.NormalFormGame:
    rng = np.random.default_rng(seed)
    arrays = []
    for _ in shape:
        num = rng.integers(-9, 10, shape)
        den = rng.integers(1, 5, shape)
        a = np.empty(shape, dtype=object)
        for idx in np.ndindex(*shape):
            a[idx] = F(int(num[idx]), int(den[idx]))
        arrays.append(a)
    return gt.NormalFormGame(*arrays, players=[f"P{k}" for k in range(len(shape))],
                             title=f"random {shape}")


@pytest.mark.parametrize("shape", [(2, 3, 2), (1, 2, 2, 3), (2, 2, 2, 2, 2)])
def test_round_trips_are_exact(shape):
    g = _random_game(sum(shape), shape)
    assert gt.read_nfg(to_nfg(g)) == g
    floats = gt.NormalFormGame(*(a.astype(float) / 7 for a in g.payoff_arrays))
    back = gt.read_nfg(to_nfg(floats), exact=False)
    assert all(np.array_equal(a, b) for a, b in zip(back.payoff_arrays, floats.payoff_arrays,
                                                     strict=True))


def test_profiles_are_written_in_gambits_order():
    # profile (s1, s2, s3) is outcome 1 + s1 + 2 s2 + 4 s3 (first player fastest)
    U = np.arange(8).reshape(2, 2, 2)
    text = to_nfg(gt.NormalFormGame(U, 10 * U, 100 * U))
    outcomes = [line for line in text.splitlines() if line.startswith('{ ""')]
    assert outcomes[1] == '{ "" 4, 40, 400 }'      # (2, 1, 1): U[1, 0, 0] = 4
    assert outcomes[2] == '{ "" 2, 20, 200 }'      # (1, 2, 1): U[0, 1, 0] = 2


@pytest.mark.parametrize("name", ["3x3x3", "2x2x2x2", "nau2004_sec6"])
def test_gambit_files_survive_a_round_trip(name):
    g = gt.read_nfg(NPLAYER / f"{name}.nfg")
    assert gt.read_nfg(to_nfg(g)) == g


def test_pygambit_reads_what_we_write():
    gbt = pytest.importorskip("pygambit")
    g = _random_game(7, (2, 3, 2))
    with tempfile.TemporaryDirectory() as d:
        path = gt.write_nfg(g, Path(d) / "g.nfg")
        gg = gbt.read_nfg(str(path))
    assert [p.label for p in gg.players] == list(g.players)
    for idx in np.ndindex(*g.shape):
        outcome = gg[list(idx)]
        for k, player in enumerate(gg.players):
            assert F(str(outcome[player])) == g.payoff_array(k)[idx]
