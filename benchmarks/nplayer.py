"""Time the n-player solvers: exact support enumeration against pygambit, and pure equilibria.

1. Complete equilibrium sets of three-player games, in the same run: the toolkit's exact
   support enumeration (``equilibria(method="exact")``, rational or algebraic
   coordinates) against pygambit's ``enumpoly_solve(use_strategic=True)`` (floats), on
   Gambit's own sample games (``tests/data/gambit-nplayer``: 2x2x2, 3x3x3 by default) --
   wall time and the number of distinct equilibria each returns, and whether every
   profile pygambit finds is among ours (within 1e-4).
2. Pure equilibria of a game with 10^6 pure profiles (100 x 100 x 100, three players,
   seeded integer payoffs): ``pure_equilibria_n`` on the int64 arrays, and the same
   through ``NormalFormGame.equilibria(method="pure")`` on float payoffs (building the
   game included), with pygambit's ``enumpure_solve`` for comparison when asked
   (``--gambit-pure``; slow).

Run: ``python benchmarks/nplayer.py`` (3x3x3 takes minutes: the exact Groebner-basis
solve of each of its 343 support profiles is in sympy), ``--games 2x2x2 g1`` for a quick
run, ``--help`` for options.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np

import gametheory as gt
from gametheory.solve.nplayer_pure import pure_equilibria_n

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "gambit-nplayer"


def complete_sets(names: list[str]) -> None:
    try:
        import pygambit as gbt
    except ImportError:
        gbt = None
        print("pygambit not installed: only the toolkit's times are shown")
    print(f"{'game':>14} {'ours (s)':>9} {'#':>3} {'enumpoly (s)':>13} {'#':>3} "
          f"{'distinct':>8}  all of enumpoly's found")
    for name in names:
        path = DATA / f"{name}.nfg"
        g = gt.read_nfg(path)
        t0 = time.perf_counter()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            ours = g.equilibria(method="exact", max_supports=10**6)
        t_ours = time.perf_counter() - t0
        flat = [np.array([float(p) for x in e.profile for p in x]) for e in ours]
        row = f"{name:>14} {t_ours:9.2f} {len(ours):3d}"
        if gbt is not None:
            gg = gbt.read_nfg(str(path))
            t0 = time.perf_counter()
            res = gbt.nash.enumpoly_solve(gg, use_strategic=True)
            t_gbt = time.perf_counter() - t0
            theirs = [np.array([float(eq[s]) for p in gg.players for s in p.strategies])
                      for eq in res.equilibria]
            distinct = []
            for v in theirs:
                if not any(np.allclose(v, w, atol=1e-6) for w in distinct):
                    distinct.append(v)
            covered = all(any(np.allclose(v, f, atol=1e-4) for f in flat) for v in distinct)
            row += f" {t_gbt:13.3f} {len(theirs):3d} {len(distinct):8d}  {covered}"
        if caught:
            row += "  (a continuum was reported)"
        print(row, flush=True)


def million_cells(seed: int, gambit: bool) -> None:
    rng = np.random.default_rng(seed)
    shape = (100, 100, 100)
    arrays = [rng.integers(0, 1000, shape) for _ in range(3)]
    t0 = time.perf_counter()
    cells = pure_equilibria_n(arrays)
    t_arrays = time.perf_counter() - t0
    t0 = time.perf_counter()
    g = gt.NormalFormGame(*(a.astype(float) for a in arrays))
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    eqs = g.equilibria(method="pure")
    t_game = time.perf_counter() - t0
    assert len(eqs) == len(cells)
    print(f"10^6-cell game (100x100x100): {len(cells)} pure equilibria; arrays (int64) "
          f"{t_arrays:.3f} s; float game built in {t_build:.2f} s, solved in {t_game:.3f} s")
    if gambit:
        import pygambit as gbt

        gg = gbt.Game.from_arrays(*arrays)
        t0 = time.perf_counter()
        res = gbt.nash.enumpure_solve(gg)
        print(f"pygambit enumpure_solve: {len(res.equilibria)} in "
              f"{time.perf_counter() - t0:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--games", nargs="*", default=["2x2x2", "3x3x3"],
                        help="Gambit sample games (file stems in tests/data/gambit-nplayer)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--gambit-pure", action="store_true",
                        help="also time pygambit's enumpure_solve on the 10^6-cell game")
    parser.add_argument("--json", action="store_true", help="print the vendored pygambit "
                        "results' times (expected.json) instead of running pygambit")
    args = parser.parse_args()
    if args.json:
        print(json.dumps(json.loads((DATA / "expected.json").read_text()), indent=1))
        return
    million_cells(args.seed, args.gambit_pure)
    complete_sets(args.games)


if __name__ == "__main__":
    main()
