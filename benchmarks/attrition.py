"""Time the drone-attrition campaign (issue 15): the exact recursion over (round, stock) on
long campaigns, and the generic tree solver against it on short ones.

Run ``python benchmarks/attrition.py`` (about a minute of CPU). Part 1 solves campaigns of 20, 100
and 1000 rounds at the model's defaults (magazine 6, salvos up to 2, restock 2; exact
Fractions, no discounting), the same with discount 9/10 (denominators grow with the
horizon), and a 20-round campaign on a wider state space (magazine 30, salvos up to 8, restock
6). Each solve
runs in a fresh child process (forked), which reports its CPU time (user + system) and its
peak resident memory (``ru_maxrss``, including the interpreter and the imports: the idle
child's figure is printed for reference); a second fresh child repeats the solve under
``tracemalloc`` to report the peak of the Python allocations the solve itself makes.

Part 2 builds the explicit game tree of a 1-, 2- and 3-round campaign
(:func:`gametheory.models.attrition.campaign_tree`) and solves it by the project's generic
backward induction, next to the recursion, and checks both give the same payoffs. The tree
grows about 12-fold per round (2813 nodes at 3 rounds, about 34 000 at 4), and at 4
rounds the generic solver stops with a ``SolverError``: the Defender's ties (equal
payoffs for several replies) give more than 50 000 subgame-perfect equilibria to
enumerate, where the recursion breaks ties in a fixed order.

``--quick`` drops the 1000-round campaigns and the 3-round tree.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import time
import tracemalloc
from collections.abc import Callable

import gametheory as gt
from gametheory.models.attrition import campaign_tree

WIDE = dict(capacity=30, stock=20, restock=6, max_salvo=8)


def _child(conn, rounds: int, discount: str, wide: bool, traced: bool) -> None:
    """Solve once in this process; send (CPU s, peak RSS KiB, traced peak bytes, summary)."""
    summary = ""
    peak = 0
    if rounds:
        campaign = gt.models.attrition_campaign(rounds=rounds, **(WIDE if wide else {}))
        if traced:
            tracemalloc.start()
        t0 = time.process_time()
        solution = campaign.solve(discount)
        cpu = time.process_time() - t0
        if traced:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        first = solution.path[0]
        summary = (f"{len(solution.path)} rounds on path, first salvo {first.salvo}, "
                   f"strike {'yes' if any(r.strike for r in solution.path) else 'no'}, "
                   f"ties broken {solution.ties}")
    else:
        cpu = 0.0
    conn.send((cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, peak, summary))
    conn.close()


def isolated(rounds: int, discount: str = "1", wide: bool = False,
             traced: bool = False) -> tuple[float, int, int, str]:
    """``(CPU s, peak RSS KiB, traced peak bytes, summary)`` of one solve in a fresh process."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, rounds, discount, wide, traced))
    proc.start()
    child.close()
    out = parent.recv()
    proc.join()
    return out


def best_cpu(fn: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    """Best CPU time in seconds of ``repeat`` runs, and the last result."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t0)
    return best, out


def long_campaigns(quick: bool) -> None:
    idle = isolated(0)[1]
    print(f"Part 1: exact recursion, one fresh process per solve (idle child: "
          f"{idle / 1024:.0f} MiB peak RSS)")
    print(f"{'campaign':<34} {'states':>7} {'CPU s':>7} {'peak RSS MiB':>13} "
          f"{'traced peak MiB':>16}  path")
    cases = [(20, "1", False), (100, "1", False), (1000, "1", False),
             (20, "9/10", False), (100, "9/10", False), (1000, "9/10", False),
             (20, "1", True)]
    if quick:
        cases = [c for c in cases if c[0] < 1000]
    for rounds, discount, wide in cases:
        cpu, rss, _, summary = isolated(rounds, discount, wide)
        _, _, traced, _ = isolated(rounds, discount, wide, traced=True)
        capacity = WIDE["capacity"] if wide else 6
        name = (f"{rounds} rounds, delta {discount}" + (", wide" if wide else ""))
        print(f"{name:<34} {rounds * (capacity + 1):>7} {cpu:>7.3f} {rss / 1024:>13.0f} "
              f"{traced / 2**20:>16.2f}  {summary}")
    print(f"(wide: {WIDE}; defaults otherwise: magazine 6, salvos 0-2, restock 2)")


def tree_against_recursion(quick: bool) -> None:
    print("\nPart 2: generic backward induction on the explicit tree vs the recursion "
          "(best of 3 CPU times)")
    print(f"{'rounds':>6} {'tree nodes':>11} {'build s':>8} {'tree solve s':>13} "
          f"{'recursion s':>12} {'same payoffs':>13}")
    for rounds in (1, 2) if quick else (1, 2, 3):
        campaign = gt.models.attrition_campaign(rounds=rounds)
        build, tree = best_cpu(lambda c=campaign: campaign_tree(c), 3)
        solve, eqs = best_cpu(lambda t=tree: t.backward_induction(), 3)
        rec, sol = best_cpu(campaign.solve)
        same = all(tuple(e.payoffs) == sol.payoffs for e in eqs)  # type: ignore[union-attr]
        print(f"{rounds:>6} {len(tree.nodes):>11} {build:>8.3f} {solve:>13.3f} "  # type: ignore[union-attr]
              f"{rec:>12.4f} {str(same):>13}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="skip the 1000-round campaigns and the 3-round tree")
    args = parser.parse_args(argv)
    long_campaigns(args.quick)
    tree_against_recursion(args.quick)


if __name__ == "__main__":
    main()
