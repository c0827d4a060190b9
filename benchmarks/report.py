"""How long the headline job takes: ``gametheory report`` end to end (target: under 60 s).

Run ``python benchmarks/report.py [runs]``. Each run is a fresh process writing every
file of the report (tables, figures, the compiled PDF when pdflatex is present) into a
temporary directory; the figures are wall time and the child's CPU time (user + system)
and peak resident memory.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_S = 60.0


def one_run() -> tuple[float, float]:
    exe = shutil.which("gametheory")
    cmd = [exe] if exe else [sys.executable, "-m", "gametheory"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([*cmd, "report", "--out", f"{tmp}/out"], check=True,
                       capture_output=True)
        wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 3
    results = [one_run() for _ in range(runs)]
    wall = statistics.median(w for w, _ in results)
    cpu = statistics.median(c for _, c in results)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"gametheory report: median wall {wall:.1f} s, CPU {cpu:.1f} s over {runs} runs; "
          f"peak RSS of a child {peak:.0f} MiB; target {TARGET_S:.0f} s: "
          f"{'met' if wall < TARGET_S else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
