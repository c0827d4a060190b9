"""Benchmark of the batched sweep against per-game loops, plus the full correctness check.

Run: ``python benchmarks/sweep.py`` (``--quick`` for a smaller run, ``--workers N``).

What it measures, in one run on this machine:

1. Per-game loops on a random sample of the 100x100 grid of a 3x3 probe-response model
   (``gt.models.probe_response("swarm")``: docs/model.md's posture variant with a third
   Aggressor option "Swarm", two probes at once, payoffs 2 A_r - c_p for the Aggressor
   and 2 D_r - m_r for the Defender):
   nashpy ``support_enumeration`` and ``vertex_enumeration``, QuantEcon's numba-compiled
   ``support_enumeration`` and pygambit's float ``enummixed_solve`` when installed.
   Games per second are extrapolated from the sample; each loop's equilibrium sets are
   compared with the exact solver on the sample.
2. ``gt.sweep`` on the full 100x100 grid and on a 1000x1000 grid (1,000,000 points, all
   equilibria, DataFrame included), in-process and with a process pool; wall time, CPU
   time, points per second, peak resident memory (``resource.getrusage``).
3. Ratios of the million-point run's rate to each loop's rate.
4. Correctness: at every point of 100x100 grids of the 3x3 model, the 2x3 sequential
   normal form (degenerate everywhere) and the 2x3 posture variant, including the tie
   lines, the batched equilibrium set equals the exact solver's (at the decimal values of
   the grid).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction

import numpy as np

import gametheory as gt


def posture_swarm() -> gt.ParametricGame:
    """The 3x3 benchmark model, ``gt.models.probe_response("swarm")``."""
    return gt.models.probe_response("swarm")


def sequential_nf() -> gt.ParametricGame:
    """The 2x3 sequential normal form (degenerate at every point)."""
    return gt.models.sequential_normal_form()


def posture_2x3():
    try:
        import importlib

        return importlib.import_module("gametheory.models.probe_response").probe_response(
            "posture")
    except Exception:  # noqa: BLE001 - the model catalog is optional here
        return None


# grids with exact tie lines: r_U = 1 (Defender: Intercept ~ Under-react),
# v = 1 (A_U = 0), on steps of 1/20 (100 points) and 1/200 (1000 points)
def grid(k: int) -> dict[str, np.ndarray]:
    step = 5.0 / k
    return {"credibility_loss": np.round(0.5 + step * np.arange(k), 10),
            "probe_value": np.round(step * np.arange(k), 10)}


def eq_set(pairs, digits=6):
    return sorted((tuple(np.round(np.asarray(x, float), digits) + 0.0),
                   tuple(np.round(np.asarray(y, float), digits) + 0.0)) for x, y in pairs)


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def sample_games(p, g, n, rng):
    f = p.lambdify()
    X, Y = np.meshgrid(g["credibility_loss"], g["probe_value"], indexing="ij")
    idx = rng.choice(X.size, size=min(n, X.size), replace=False)
    A, B = f(credibility_loss=X.ravel()[idx], probe_value=Y.ravel()[idx])
    vals = [(X.ravel()[i], Y.ravel()[i]) for i in idx]
    return A, B, vals


def exact_sets(p, vals):
    out = []
    for r, v in vals:
        eqs = p.at(credibility_loss=Fraction(repr(float(r))),
                   probe_value=Fraction(repr(float(v)))).equilibria()
        out.append(eq_set([(e.row, e.col) for e in eqs]))
    return out


def time_loop(name, solve, A, B, truth):
    t0, c0 = time.perf_counter(), time.process_time()
    got = []
    for a, b in zip(A, B, strict=True):
        try:
            got.append(eq_set(solve(a, b)))
        except Exception:  # noqa: BLE001 - a crash counts as a wrong answer
            got.append(None)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    wrong = sum(g != t for g, t in zip(got, truth, strict=True))
    empty = sum(not g for g in got)
    rate = len(A) / dt
    print(f"  {name:<38s} {rate:>8.0f} games/s wall, {len(A) / cpu:>8.0f} per CPU-s   "
          f"wrong {wrong:>4d}/{len(A)} (no equilibrium: {empty})")
    return rate, len(A) / cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller samples and grids")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--million", type=int, default=1000, help="side of the big grid")
    args = ap.parse_args()
    rng = np.random.default_rng(2026)
    p = posture_swarm()
    g100 = grid(100)
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"model: {p.title} (3x3), grid credibility_loss x probe_value")

    # ------------------------------------------------------------------ loops on a sample
    print("\n1. per-game loops on a random sample of the 100x100 grid")
    n_small = 100 if args.quick else 300
    A, B, vals = sample_games(p, g100, n_small, rng)
    truth = exact_sets(p, vals)
    rates = {}
    import nashpy

    rates["nashpy support_enumeration"] = time_loop(
        "nashpy support_enumeration", lambda a, b: list(nashpy.Game(a, b).support_enumeration()),
        A, B, truth)
    nv = min(len(A), 60 if args.quick else 150)
    rates["nashpy vertex_enumeration"] = time_loop(
        "nashpy vertex_enumeration", lambda a, b: list(nashpy.Game(a, b).vertex_enumeration()),
        A[:nv], B[:nv], truth[:nv])
    try:
        import quantecon.game_theory as qe

        qe.support_enumeration(qe.NormalFormGame(np.stack([A[0], B[0]], axis=-1)))  # compile
        nq = 2000 if not args.quick else 500
        Aq, Bq, vq = sample_games(p, g100, nq, rng)
        tq = exact_sets(p, vq)
        rates["quantecon support_enumeration"] = time_loop(
            "quantecon support_enumeration (numba)",
            lambda a, b: qe.support_enumeration(qe.NormalFormGame(np.stack([a, b], axis=-1))),
            Aq, Bq, tq)
    except ImportError:
        print("  quantecon not installed")
    try:
        import pygambit as gbt

        def gambit(a, b):
            g = gbt.Game.from_arrays(a, b)
            p0, p1 = list(g.players)
            res = gbt.nash.enummixed_solve(g, rational=False)
            return [([float(e[s]) for s in p0.strategies], [float(e[s]) for s in p1.strategies])
                    for e in res.equilibria]

        rates["pygambit enummixed"] = time_loop("pygambit enummixed_solve (float)", gambit,
                                                A, B, truth)
    except ImportError:
        print("  pygambit not installed")

    # ------------------------------------------------------------------ batched
    print("\n2. gt.sweep (batched, all equilibria, DataFrame included)")
    t0, c0 = time.perf_counter(), time.process_time()
    r100 = gt.sweep(p, g100, progress=False)
    dt = time.perf_counter() - t0
    print(f"  100x100 in-process: {dt:.2f} s wall, {time.process_time() - c0:.2f} s CPU, "
          f"{len(r100.frame)} equilibria, {int(r100.points['resolved'].sum())} points "
          f"re-solved exactly, {int(r100.points['degenerate'].sum())} degenerate")
    k = 300 if args.quick else args.million
    gbig = grid(k)
    n_big = k * k
    t0, c0 = time.perf_counter(), time.process_time()
    rb = gt.sweep(p, gbig, progress=False, chunk_size=50_000)
    dt_in = time.perf_counter() - t0
    cpu_in = time.process_time() - c0
    own, _ = peak_mb()
    print(f"  {k}x{k} = {n_big:,} points in-process: {dt_in:.2f} s wall, {cpu_in:.2f} s CPU "
          f"({n_big / dt_in:,.0f} points/s), {len(rb.frame):,} equilibria, "
          f"{int(rb.points['resolved'].sum())} re-solved; peak RSS {own:.0f} MB")
    del rb
    dt_pool = None
    if args.workers > 1:
        ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        with ProcessPoolExecutor(args.workers) as ex:
            gt.sweep(p, grid(20), progress=False, executor=ex)  # start the workers
            t0, c0 = time.perf_counter(), time.process_time()
            rp = gt.sweep(p, gbig, progress=False, chunk_size=62_500, executor=ex)
            dt_pool = time.perf_counter() - t0
            cpu_parent = time.process_time() - c0
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_kids = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)
        own, kids = peak_mb()
        print(f"  {k}x{k} with {args.workers} worker processes: {dt_pool:.2f} s wall "
              f"({n_big / dt_pool:,.0f} points/s), CPU {cpu_parent:.2f} s parent + "
              f"{cpu_kids:.2f} s workers, {len(rp.frame):,} equilibria; peak RSS parent "
              f"{own:.0f} MB, largest worker {kids:.0f} MB")
        print(f"  (on an idle machine the wall time is at most parent CPU + worker CPU / "
              f"{args.workers} = {cpu_parent + cpu_kids / args.workers:.2f} s)")
        del rp
    best = min(x for x in (dt_in, dt_pool) if x is not None)
    batch_rate = n_big / best
    batch_cpu_rate = n_big / cpu_in

    # ------------------------------------------------------------------ ratios
    print(f"\n3. ratios: wall clock (batched {batch_rate:,.0f} points/s, best run above) and "
          f"CPU time (in-process {batch_cpu_rate:,.0f} points per CPU-second); CPU-time "
          "ratios are robust to other load on the machine")
    for name, (rate, cpu_rate) in rates.items():
        print(f"  vs {name:<36s} {batch_rate / rate:>8.1f}x wall   "
              f"{batch_cpu_rate / cpu_rate:>8.1f}x CPU")
    print(f"  1,000,000 points: {1e6 / batch_rate:.1f} s batched (wall, this run); "
          f"{1e6 / rates['nashpy support_enumeration'][0] / 60:.0f} min with nashpy "
          "support enumeration")

    # ------------------------------------------------------------------ correctness
    print("\n4. correctness: batched vs exact solver at every grid point")
    gcheck = grid(40 if args.quick else 100)
    # pi = 7/10, h = 3 make (1 - pi) h = 0.9000000000000001 in floats: the Defender's
    # tie on the grid is then missed by float arithmetic and must be caught and re-solved
    models = [("3x3 posture + swarm", p, gcheck, None),
              ("3x3, pi = 0.7, h = 3 (inexact)", p, gcheck,
               {"interception_prob": Fraction(7, 10), "probe_damage": 3}),
              ("2x3 sequential normal form", sequential_nf(), gcheck, None)]
    post = posture_2x3()
    if post is not None:
        models.append(("2x3 posture (gt.models)", post,
                       gcheck, None))
    for label, model, gr, fixed in models:
        fixed = fixed if isinstance(fixed, dict) else {}
        t0 = time.perf_counter()
        res = gt.sweep(model, gr, fixed=fixed, progress=False)
        dt_b = time.perf_counter() - t0
        keys = list(gr)
        pts = res.regimes()
        f = res.frame
        pcols = [c for c in f.columns if ": " in c and not c.startswith("payoff")]
        m0 = len(model.strategies[0])
        groups = dict(tuple(f.groupby("point")))
        t0 = time.perf_counter()
        bad = 0
        for i in range(len(pts)):
            point = {kk: Fraction(repr(float(pts[kk].iloc[i]))) for kk in keys}
            try:
                ex = model.at(**fixed, **point).equilibria()
            except gt.ParameterError:
                continue
            rows = groups.get(i)
            got = [] if rows is None else [(r[:m0], r[m0:]) for r in rows[pcols].to_numpy()]
            if eq_set(got) != eq_set([(e.row, e.col) for e in ex]):
                bad += 1
        dt_e = time.perf_counter() - t0
        print(f"  {label:<31s} {len(pts):>6d} points: mismatches {bad}; degenerate "
              f"{int(pts['degenerate'].sum())}, re-solved {int(pts['resolved'].sum())}; "
              f"batched {dt_b:.2f} s, exact loop {dt_e:.1f} s")


if __name__ == "__main__":
    main()
