"""How long ``import gametheory`` takes (the fast-import target: under 0.8 s cumulative).

Run ``python benchmarks/import_time.py [runs]``. Each run is a fresh interpreter with
``-X importtime``; the figure is the cumulative time of the ``gametheory`` package line,
so interpreter start-up is not counted. Also listed: the heavy libraries a cold import
loads (none of pandas, scipy.stats, SALib or matplotlib should be among them; they load on
first use), and the slowest imports under the package.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys

TARGET_S = 0.8
HEAVY = ("pandas", "scipy.stats", "SALib", "matplotlib.pyplot")


def one_run() -> tuple[float, list[tuple[float, str]]]:
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import gametheory"],
                         capture_output=True, text=True, check=True).stderr
    rows = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            rows.append((int(m.group(2)) / 1e6, m.group(4)))
    total = next(t for t, name in rows if name == "gametheory")
    return total, sorted(rows, reverse=True)


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 5
    totals = []
    rows: list[tuple[float, str]] = []
    for _ in range(runs):
        t, rows = one_run()
        totals.append(t)
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, gametheory; print(' '.join(m for m in "
         f"{HEAVY!r} if m in sys.modules))"], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"import gametheory: median {statistics.median(totals):.3f} s, "
          f"min {min(totals):.3f} s over {runs} runs (target < {TARGET_S} s)")
    print("heavy libraries loaded by the import:", ", ".join(loaded) or "none")
    print("slowest imports (cumulative s):")
    for t, name in [r for r in rows if r[1] != "gametheory"][:8]:
        print(f"  {t:6.3f}  {name}")
    return 0 if statistics.median(totals) < TARGET_S and not loaded else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
