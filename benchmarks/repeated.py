"""Benchmarks of the repeated-game analysis (issue 4's performance targets).

Run ``python benchmarks/repeated.py``. Targets:

* discounted payoffs + the subgame-perfection check of a pair of 8-state automata on a 3x3
  stage game: under 10 ms;
* a 20-strategy meta-game built and solved in seconds.

``--skip-exact`` skips the full exact enumeration of the degenerate meta-game (about a
minute: meta-games of the prisoner's dilemma are highly degenerate, with hundreds of
extreme equilibria).

Also timed: the exact critical discount factor of textbook and random profiles, the noise
simulation, and nashpy's ``obtain_repeated_game`` next to the size check that refuses it.
"""

from __future__ import annotations

import statistics
import sys
import time
from fractions import Fraction

import numpy as np

import gametheory as gt
from gametheory.analysis.repeated.noise import simulate

S = gt.strategies


def timeit(fn, repeat: int = 50) -> tuple[float, float]:
    """Median and minimum wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


def random_automaton(stage, player: int, k: int, rng: np.random.Generator) -> gt.Automaton:
    labels = stage.strategies[player]
    m, n = stage.shape
    acts = [labels[i] for i in rng.integers(0, len(labels), k)]
    return gt.Automaton.from_table(stage, player, acts, rng.integers(0, k, (k, m, n)))


def bench_eight_state(results: dict) -> None:
    rng = np.random.default_rng(2026)
    stage = gt.NormalFormGame(rng.integers(-5, 6, (3, 3)).tolist(),
                              rng.integers(-5, 6, (3, 3)).tolist(),
                              strategies=(("a", "b", "c"), ("x", "y", "z")))
    rg = gt.RepeatedGame(stage)
    pairs = [(random_automaton(stage, 0, 8, rng), random_automaton(stage, 1, 8, rng))
             for _ in range(20)]
    # an 8-state pair that is an SPE: stage Nash play with 8-state bookkeeping
    eq = stage.pure_equilibria()
    if eq:
        i, j = eq[0].pure_labels()
        cyc = {f"s{q}": f"s{(q + 1) % 8}" for q in range(8)}
        pairs.append((gt.Automaton(stage, 0, {f"s{q}": i for q in range(8)}, cyc),
                      gt.Automaton(stage, 1, {f"s{q}": j for q in range(8)}, cyc)))
    for label, delta in (("exact 9/10", Fraction(9, 10)), ("float 0.9", 0.9)):
        meds = []
        for prof in pairs:
            med, _ = timeit(lambda prof=prof, delta=delta: (rg.payoffs(prof, delta),
                                               bool(rg.is_subgame_perfect(prof, delta))), 20)
            meds.append(med)
        results[f"payoffs + SPE check, 8x8 states, 3x3 stage, {label} (ms, median)"] = \
            statistics.median(meds)
        results[f"payoffs + SPE check, 8x8 states, 3x3 stage, {label} (ms, worst pair)"] = \
            max(meds)
    states = [rg.is_subgame_perfect(p, 0.9).states_checked for p in pairs]
    results["joint states checked per pair (median, max of 64)"] = \
        f"{statistics.median(states)}, {max(states)}"
    spe = sum(bool(rg.is_subgame_perfect(p, Fraction(9, 10))) for p in pairs)
    results["pairs that are subgame perfect at 9/10"] = f"{spe} of {len(pairs)}"
    prof = pairs[0]
    med, _ = timeit(lambda: rg.is_subgame_perfect(prof, Fraction(9, 10)).deviations, 20)
    results["SPE check incl. exact gains of every profitable deviation (ms)"] = med
    med, _ = timeit(lambda: rg.discount_analysis(prof), 3)
    results["critical discount factor, random 8-state pair (ms)"] = med


def bench_textbook(results: dict) -> None:
    pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                           strategies=(("C", "D"), ("C", "D")))
    rg = gt.RepeatedGame(pd)
    grim = (S.grim_trigger(pd, 0), S.grim_trigger(pd, 1))
    med, _ = timeit(lambda: rg.critical_discount(grim), 10)
    results["critical discount, grim trigger PD (ms)"] = med
    sym = gt.models.probe_response("repeated")
    med, _ = timeit(lambda: sym.credibility_threshold(), 3)
    results["symbolic credibility threshold, repeated probe-response (ms)"] = med
    pool = [S.grim_trigger(pd, 0), S.tit_for_tat(pd, 0),
            S.punish_then_forgive(pd, 0, periods=1)]
    t0 = time.perf_counter()
    for prof in [(p, gt.analysis.repeated.mirror(p)) for p in pool]:
        simulate(rg, prof, discount="99/100", rounds=300, runs=1000, perception_error=0.05,
                 seed=0)
    results["noise simulation, 3 profiles x 1000 runs x 300 rounds (ms)"] = \
        (time.perf_counter() - t0) * 1000


def bench_meta_game(results: dict) -> None:
    pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                           strategies=(("C", "D"), ("C", "D")))
    rg = gt.RepeatedGame(pd)
    rng = np.random.default_rng(7)
    pool = [S.always(pd, 0, "C"), S.always(pd, 0, "D"), S.grim_trigger(pd, 0),
            S.tit_for_tat(pd, 0), S.punish_then_forgive(pd, 0, periods=1),
            S.punish_then_forgive(pd, 0, periods=2), S.graduated(pd, 0),
            S.automaton(pd, 0, {"C": "C", "D": "D"}, lambda s, r, c: "C" if r == c else "D",
                        name="win-stay lose-shift")]
    while len(pool) < 20:
        pool.append(random_automaton(pd, 0, 3, rng).renamed(f"random {len(pool)}"))
    t0 = time.perf_counter()
    meta = rg.meta_game(pool, discount="9/10")
    results["meta-game 20x20 built (ms)"] = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    merged = rg.meta_game(pool, discount="9/10", merge_duplicates=True)
    results["meta-game built with duplicates merged (ms)"] = (time.perf_counter() - t0) * 1000
    results["meta-game distinct strategies after merging"] = f"{merged.shape}"
    t0 = time.perf_counter()
    pure = meta.pure_equilibria()
    results["meta-game 20x20 pure equilibria (ms)"] = (time.perf_counter() - t0) * 1000
    results["meta-game 20x20 pure equilibria found"] = len(pure)
    if "--skip-exact" not in sys.argv:
        t0 = time.perf_counter()
        eqs = merged.equilibria()
        results["meta-game (merged) all extreme equilibria, exact (s)"] = \
            time.perf_counter() - t0
        results["meta-game (merged) extreme equilibria found"] = len(eqs)


def bench_nashpy(results: dict) -> None:
    pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    t0 = time.perf_counter()
    gt.repeated.obtain_repeated_game(pd, 2)
    results["nashpy obtain_repeated_game, 2x2 stage twice: 32x32 (ms)"] = \
        (time.perf_counter() - t0) * 1000
    g23 = gt.NormalFormGame([[1, 2, 3], [4, 5, 6]], [[0, 1, 0], [1, 0, 1]])
    t0 = time.perf_counter()
    try:
        gt.repeated.obtain_repeated_game(g23, 3)
    except gt.SolverError:
        pass
    results["size check refusing a 2x3 stage three times (ms)"] = \
        (time.perf_counter() - t0) * 1000


def main() -> int:
    results: dict = {}
    bench_eight_state(results)
    bench_textbook(results)
    bench_meta_game(results)
    bench_nashpy(results)
    width = max(map(len, results))
    for k, v in results.items():
        val = f"{v:.3f}" if isinstance(v, float) else str(v)
        print(f"{k.ljust(width)}  {val}")
    ok = results["payoffs + SPE check, 8x8 states, 3x3 stage, exact 9/10 (ms, median)"] < 10
    print("target < 10 ms (exact, median):", "met" if ok else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
