"""Time gametheory's equilibrium solvers against nashpy and pygambit on random games.

For each size n x n (2..10 by default) the script draws seeded random games whose payoffs
are standard normal numbers rounded to two decimals, so that every engine sees the same
game: ``gametheory`` exact path (the decimals as exact Fractions), ``gametheory`` float
path (the same numbers as floats), nashpy 0.0.43 ``support_enumeration`` and
``vertex_enumeration`` (floats), and, when installed, pygambit's ``enummixed_solve`` with
``rational=True`` (the exact decimals) and ``rational=False`` (floats). For sizes up to 4
it also draws integer games with many ties (degenerate), the kind sequential models give.

It prints per-size medians (milliseconds), the ratios other / ours (above 1 means we are
faster), the slowest per-game ratio against nashpy's support enumeration for every game
from 2x2 to 4x4 (square and rectangular),
and how many games each engine got a different number of distinct equilibria than the
exact path. Engines whose time explodes (support enumeration is exponential) are run on
fewer games at large sizes (see ``--budget``) and dropped at the next size once a single
game takes over 1.25 s; pygambit's rational solver is timed up to 8x8 and at the largest
size (one 10x10 game takes it about 30-60 s).

Run: ``python benchmarks/solve.py`` (about 1-2 minutes), ``--help`` for options.

``python benchmarks/solve.py --large`` times the exact path alone on larger random games
(10x10, 12x12 and 15x15 by default, ``--large-games`` seeds each, the same two-decimal
games) against its own pure-Python search (``exact-python``, skip with
``--no-python-path``) and pygambit's ``enummixed_solve(rational=True)`` in the same run. Each solve
runs in a fresh child process, so the figures are the child's CPU time (user + system)
and its peak resident memory (``ru_maxrss``, including the interpreter and imports: the
idle child's figure is printed for reference); a pygambit solve still running after
``--gambit-timeout`` seconds is stopped and reported as ``>T``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import statistics
import time
import warnings
from collections.abc import Callable
from fractions import Fraction

import numpy as np

import gametheory as gt
from gametheory.solve import exact_kernel
from gametheory.solve.exact import extreme_equilibria

try:  # optional
    import pygambit as gbt
except ImportError:  # pragma: no cover
    gbt = None

import nashpy


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best of up to ``repeat`` wall-clock times in seconds, and the last result.

    Runs after the first only while the runs so far took under 0.25 s in total, so cheap
    engines are timed several times (best-of filters out scheduling noise on a loaded
    machine) and slow ones once.
    """
    best, out, total = float("inf"), None, 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        t = time.perf_counter() - t0
        best, total = min(best, t), total + t
        if total > 0.25:
            break
    return best, out


def distinct(pairs, ndigits: int = 6) -> int:
    return len({(tuple(round(float(v), ndigits) for v in x),
                 tuple(round(float(v), ndigits) for v in y)) for x, y in pairs})


def make_engines(A_exact, B_exact):
    Af = np.array([[float(v) for v in r] for r in A_exact])
    Bf = np.array([[float(v) for v in r] for r in B_exact])
    g_exact = gt.NormalFormGame(A_exact, B_exact)
    g_float = gt.NormalFormGame(Af, Bf)
    nash_game = nashpy.Game(Af, Bf)

    def pairs_of(eqs):
        return [(e.row, e.col) for e in eqs]

    engines = {
        "exact": lambda: pairs_of(g_exact.equilibria()),
        "float": lambda: pairs_of(g_float.equilibria()),
        "nashpy-support": lambda: list(nash_game.support_enumeration()),
        "nashpy-vertex": lambda: list(nash_game.vertex_enumeration()),
    }
    if gbt is not None:
        gg_rat = gbt.Game.from_arrays(np.array(A_exact, dtype=object),
                                      np.array(B_exact, dtype=object))
        gg_flt = gbt.Game.from_arrays(Af, Bf)

        def gambit(game, rational):
            p1, p2 = list(game.players)
            res = gbt.nash.enummixed_solve(game, rational=rational)
            return [([eq[s] for s in p1.strategies], [eq[s] for s in p2.strategies])
                    for eq in res.equilibria]

        engines["gambit-rational"] = lambda: gambit(gg_rat, True)
        engines["gambit-float"] = lambda: gambit(gg_flt, False)
    return engines


def draw_game(rng: np.random.Generator, n: int, family: str, cols: int | None = None):
    shape = (n, n if cols is None else cols)
    if family == "ties":
        A = rng.integers(-2, 3, size=shape).tolist()
        B = rng.integers(-2, 3, size=shape).tolist()
        return [[Fraction(v) for v in r] for r in A], [[Fraction(v) for v in r] for r in B]
    A = np.round(rng.normal(size=shape), 2)
    B = np.round(rng.normal(size=shape), 2)
    conv = lambda M: [[Fraction(f"{v:.2f}") for v in r] for r in M]  # noqa: E731
    return conv(A), conv(B)


def _child_solve(conn, engine: str, A, B) -> None:
    """In a child process: solve once, send (CPU seconds, distinct equilibria, peak KiB)."""
    if engine == "idle":
        count, cpu = 0, 0.0
    else:
        t0 = time.process_time()
        if engine == "kernel-load":   # the one-time cost of loading the compiled kernel
            count = len(exact_kernel.polytope_bases([[2, 1], [1, 2]], [1, 2, 4, 8])[0])
        elif engine in ("exact", "exact-python"):
            exact_kernel.ENABLED = engine == "exact"
            count = len(extreme_equilibria(A, B))
        else:
            game = gbt.Game.from_arrays(np.array(A, dtype=object), np.array(B, dtype=object))
            count = len(gbt.nash.enummixed_solve(game, rational=True).equilibria)
        cpu = time.process_time() - t0
    conn.send((cpu, count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    conn.close()


def run_isolated(engine: str, A, B, timeout: float) -> tuple[float | None, int | None, int]:
    """``(CPU s, equilibria, peak KiB)`` of one solve in a fresh process; ``None`` on time-out."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_solve, args=(child, engine, A, B))
    proc.start()
    child.close()
    if parent.poll(timeout):
        out = parent.recv()
        proc.join()
        return out
    proc.terminate()
    proc.join()
    return None, None, 0


def peak_text(peaks: list[int]) -> str:
    """The largest peak of the finished solves in MiB, ``-`` when every solve timed out."""
    done = [p for p in peaks if p]
    return f"{max(done) / 1024:.0f}" if done else "-"


def large(sizes: list[int], games: int, seed: int, gambit_timeout: float,
          python_path: bool = True) -> None:
    """The exact path against pygambit rational enummixed on larger games (see ``--large``).

    ``exact`` is the default path (the compiled kernel of
    :mod:`gametheory.solve.exact_kernel` when numba is installed), ``exact-python`` the
    pure-Python integer search it replaces (``exact_kernel.ENABLED = False``).
    """
    rng = np.random.default_rng(seed)
    idle = run_isolated("idle", [[0]], [[0]], 60)[2]
    print(f"Exact extreme equilibria, random n x n games with two-decimal payoffs; "
          f"median of {games} games; one fresh process per solve (idle child: "
          f"{idle / 1024:.0f} MiB peak RSS)")
    engines = ["exact"] + (["exact-python"] if python_path else []) + \
        (["gambit-rational"] if gbt is not None else [])
    if exact_kernel.kernel_available():
        cpu, _, peak = run_isolated("kernel-load", [[0]], [[0]], 600)
        print(f"compiled kernel: loading it (numba import and on-disk cache, or compiling "
              f"on a first run) costs {cpu:.2f} s CPU once per process, {peak / 1024:.0f} MiB "
              f"peak; the parent loads it before forking, so the solves below exclude it")
        exact_kernel.polytope_bases([[2, 1], [1, 2]], [1, 2, 4, 8])
    else:
        print("numba is not installed: 'exact' is the pure-Python search")
    print(f"{'size':>5} {'engine':>16} {'median CPU s':>13} {'min':>8} {'max':>8} "
          f"{'peak MiB':>9} {'equilibria':>10}")
    for n in sizes:
        drawn = [draw_game(rng, n, "decimal") for _ in range(games)]
        counts: dict[str, list[int | None]] = {}
        medians: dict[str, float] = {}
        for name in engines:
            cpus, peaks, found = [], [], []
            for A, B in drawn:
                cpu, count, peak = run_isolated(name, A, B,
                                                 gambit_timeout if name == "gambit-rational"
                                                 else 3600)
                cpus.append(float("inf") if cpu is None else cpu)
                peaks.append(peak)
                found.append(count)
            counts[name] = found
            medians[name] = med = statistics.median(cpus)
            fmt = lambda t: f">{gambit_timeout:.0f}" if t == float("inf") else f"{t:.2f}"  # noqa: E731
            print(f"{n:>3}x{n:<1} {name:>16} {fmt(med):>13} {fmt(min(cpus)):>8} "
                  f"{fmt(max(cpus)):>8} {peak_text(peaks):>9} "
                  f"{'/'.join('-' if c is None else str(c) for c in found):>10}")
        for other in ("exact-python", "gambit-rational"):
            if other in counts:
                bad = sum(1 for a, b in zip(counts["exact"], counts[other], strict=True)
                          if b is not None and a != b)
                ratio = medians[other] / medians["exact"]
                times = (f"median timed out (>{gambit_timeout:.0f} s)" if ratio == float("inf")
                         else f"median CPU {ratio:.1f}x ours")
                print(f"      {other}: {times}; games with a different number of "
                      f"equilibria (among those finished): {bad}")
    if gbt is None:
        print("(pygambit not installed: its rows are omitted)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(range(2, 11)))
    ap.add_argument("--games", type=int, default=7, help="games per size (default 7)")
    ap.add_argument("--budget", type=float, default=3.0,
                    help="seconds per engine and size before running fewer games (default 3)")
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--large", action="store_true",
                    help="only the exact path against pygambit rational on larger games")
    ap.add_argument("--large-sizes", type=int, nargs="+", default=[10, 12, 15])
    ap.add_argument("--large-games", type=int, default=3, help="games per size (default 3)")
    ap.add_argument("--no-python-path", action="store_true",
                    help="with --large: skip the pure-Python exact search (slow at 15x15)")
    ap.add_argument("--gambit-timeout", type=float, default=120.0,
                    help="seconds before a pygambit solve is stopped (default 120)")
    args = ap.parse_args(argv)
    if args.large:
        large(args.large_sizes, args.large_games, args.seed, args.gambit_timeout,
              not args.no_python_path)
        return
    rng = np.random.default_rng(args.seed)
    warnings.simplefilter("ignore")

    names = ["exact", "float", "nashpy-support", "nashpy-vertex"]
    if gbt is not None:
        names += ["gambit-rational", "gambit-float"]
    times: dict[tuple[int, str], list[float]] = {}
    mismatches: dict[str, int] = dict.fromkeys(names, 0)
    small_ratios: list[float] = []
    start = time.perf_counter()
    skipped: dict[str, int] = {}
    for n in args.sizes:
        families = ["decimal", "ties"] if n <= 4 else ["decimal"]
        games = [(fam, *draw_game(rng, n, fam)) for fam in families for _ in range(args.games)]
        spent = dict.fromkeys(names, 0.0)
        for _fam, A, B in games:
            engines = make_engines(A, B)
            repeat = 5
            ref_count = None
            per_game: dict[str, float] = {}
            for name in names:
                if name in skipped and n > skipped[name] and not (
                        name == "gambit-rational" and n == max(args.sizes)):
                    continue
                if spent[name] > args.budget and len(times.get((n, name), [])) >= 1:
                    continue
                t, res = timed(engines[name], repeat)
                spent[name] += t
                per_game[name] = t
                times.setdefault((n, name), []).append(t)
                count = distinct(res)
                if name == "exact":
                    ref_count = count
                elif count != ref_count and name != "float":
                    mismatches[name] += 1
                elif name == "float" and count != ref_count:  # pragma: no cover
                    mismatches[name] += 1
            if n <= 4 and "nashpy-support" in per_game:
                small_ratios.append(per_game["nashpy-support"] / per_game["exact"])
        # exponential engines: skip the next sizes once one game here took over 1.25 s
        # (about 10 s at the next size); pygambit rational is timed up to 8x8 and then at
        # the largest size only, the headline comparison
        for name in names:
            ts = times.get((n, name), [])
            if ts and max(ts) * 8 > 10 and name != "gambit-rational" and name not in skipped:
                skipped[name] = n
        if n >= 8 and "gambit-rational" not in skipped:
            skipped["gambit-rational"] = n

    # rectangular 2x3 .. 4x3: only the exact path against nashpy's support enumeration
    for m in (2, 3, 4):
        for n in (2, 3, 4):
            if m == n or max(m, n) > max(args.sizes):
                continue
            for fam in ("decimal", "ties"):
                for _ in range(args.games):
                    engines = make_engines(*draw_game(rng, m, fam, n))
                    t_exact, _ = timed(engines["exact"], 5)
                    t_support, _ = timed(engines["nashpy-support"], 5)
                    small_ratios.append(t_support / t_exact)

    # ---------------------------------------------------------------- report
    head = f"{'size':>5} {'games':>5} " + " ".join(f"{nm:>15}" for nm in names)
    print("Median time per game, milliseconds (best of up to 5 runs; games timed)")
    print(head)
    for n in args.sizes:
        row = []
        for nm in names:
            ts = times.get((n, nm))
            row.append(f"{statistics.median(ts) * 1e3:>11.3f}({len(ts):>2})" if ts
                       else f"{'-':>15}")
        print(f"{n:>3}x{n:<1} {len(times[(n, 'exact')]):>5} " + " ".join(row))
    print()
    print("Ratios of medians, other engine / ours (> 1: ours is faster)")
    pairs = [("nashpy-support", "exact"), ("nashpy-vertex", "exact"),
             ("gambit-rational", "exact"), ("nashpy-support", "float"),
             ("nashpy-vertex", "float"), ("gambit-float", "float")]
    pairs = [p for p in pairs if p[0] in names]
    print(f"{'size':>5} " + " ".join(f"{a + '/' + b:>22}" for a, b in pairs))
    for n in args.sizes:
        row = []
        for a, b in pairs:
            ta, tb = times.get((n, a)), times.get((n, b))
            row.append(f"{statistics.median(ta) / statistics.median(tb):>22.2f}"
                       if ta and tb else f"{'-':>22}")
        print(f"{n:>3}x{n:<1} " + " ".join(row))
    print()
    if small_ratios:
        print(f"2x2..4x4 incl. rectangular, every game: nashpy support_enumeration / exact "
              f"path, slowest ratio "
              f"{min(small_ratios):.2f} (median {statistics.median(small_ratios):.2f}, "
              f"{len(small_ratios)} games)")
    big = max(args.sizes)
    if gbt is not None and times.get((big, "gambit-rational")):
        r = statistics.median(times[(big, "gambit-rational")]) / \
            statistics.median(times[(big, "exact")])
        print(f"{big}x{big}: pygambit enummixed_solve(rational=True) / exact path = {r:.1f}")
    print("Games where an engine found a different number of distinct equilibria than the "
          "exact path: " + ", ".join(f"{k} {v}" for k, v in mismatches.items() if k != "exact"))
    if gbt is None:
        print("(pygambit not installed: its columns are omitted)")
    print(f"Total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
