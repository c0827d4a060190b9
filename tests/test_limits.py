"""The resource limits are documented in one place (each has a docstring comment and a
row in docs/security.md), and each hang or blow-up of issue 16 ends within 10 s and under
2 GB with a GameError (run in a fresh interpreter whose address space is capped)."""

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
from support import DOCS

from gametheory import _limits


def test_every_limit_is_documented_in_the_security_page():
    page = (DOCS / "security.md").read_text(encoding="utf-8")
    for name in _limits.__all__:
        row = re.search(rf"^\| `{name}` \| ([^|]+) \|", page, re.M)
        assert row, f"{name} has no row in docs/security.md"
        shown = int(re.sub(r"[^0-9]", "", row.group(1).split()[0]))
        assert shown == getattr(_limits, name), f"docs/security.md shows {name} = {shown}"


def test_every_limit_is_a_positive_integer():
    for name in _limits.__all__:
        value = getattr(_limits, name)
        assert isinstance(value, int) and value > 0, name


# ----------------------------------------------------------------- blow-ups of issue 16
#: name -> (statements run in a fresh interpreter under 2 GB and a 10 s alarm, expected
#: outcome: the name of the GameError subclass raised, or "ok" for work that must finish)
BLOW_UPS = {
    "folded exponents (((c^1000)^1000)^1000)^1000": (
        'gt.ParametricGame([["(((c^1000)^1000)^1000)^1000"]], [["0"]], '
        '[gt.Parameter("c", default=2)]).at()', "ParseError"),
    "3^c at c = 1e15": ('gt.ParametricGame([["3^c"]], [["0"]], '
                        '[gt.Parameter("c", default="1e15")]).at()', "PayoffError"),
    "exp(exp(exp(exp(c))))": ('gt.ParametricGame([["exp(exp(exp(exp(c))))"]], [["0"]], '
                              '[gt.Parameter("c", default=10)]).at()', "ParseError"),
    "200x200 exact": ('rng = np.random.default_rng(0)\n'
                      'g = gt.NormalFormGame(rng.integers(0, 9, (200, 200)).tolist(), '
                      'rng.integers(0, 9, (200, 200)).tolist())\n'
                      'g.equilibria()', "SolverError"),
    "100x100 degeneracy test": ('rng = np.random.default_rng(0)\n'
                                'g = gt.NormalFormGame(rng.integers(0, 9, (100, 100)), '
                                'rng.integers(0, 9, (100, 100)))\n'
                                'g.is_degenerate()', "SolverError"),
    "100x100 sweep (batch)": ('rng = np.random.default_rng(0)\n'
                              'g = gt.NormalFormGame(rng.random((100, 100)), '
                              'rng.random((100, 100)))'
                              '\ngt.sweep(lambda c: g, {"c": [0, 1]}, progress=False)',
                              "SolverError"),
    "100x100 sweep (exact)": ('rng = np.random.default_rng(0)\n'
                              'g = gt.NormalFormGame(rng.random((100, 100)), '
                              'rng.random((100, 100)))'
                              '\ngt.sweep(lambda c: g, {"c": [0, 1]}, method="exact", '
                              'progress=False)', "SolverError"),
    # the row player indifferent against column 0, the column player against row 0:
    # every game degenerate; the old pairing needed more than 2 GB for 400 of them
    "6x6 constant-row batch": ('rng = np.random.default_rng(0)\n'
                               'A = rng.normal(size=(400, 6, 6))\n'
                               'B = rng.normal(size=(400, 6, 6))\n'
                               'A[:, :, 0] = 1.0\nB[:, 0, :] = 2.0\n'
                               'from gametheory.solve.batch import solve_batch\n'
                               'res = solve_batch(A, B)\n'
                               'assert res.degenerate.all() and res.counts.min() >= 1',
                               "ok"),
    "10^10 sweep points": ('p = gt.ParametricGame([["a", "b"]], [[0, 0]], ["a", "b"])\n'
                           'gt.sweep(p, {"a": np.zeros(100_000), "b": np.zeros(100_000)}, '
                           'progress=False)', "ParameterError"),
    "7 axes x 600 values": ('names = [f"p{k}" for k in range(7)]\n'
                            'p = gt.ParametricGame([["+".join(names)]], [[0]], names)\n'
                            'gt.sweep(p, {k: np.arange(600.0) for k in names}, '
                            'progress=False)', "ParameterError"),
    "support enumeration 30x30": ('g = gt.NormalFormGame(np.eye(30), np.eye(30))\n'
                                  'g.equilibria(method="support")', "SolverError"),
}

_BLOW_UP_RUNNER = """
import json, resource, signal, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
import numpy as np
import gametheory as gt

class Alarm(Exception):
    pass

def on_alarm(signum, frame):
    raise Alarm("no answer within 10 s")

signal.signal(signal.SIGALRM, on_alarm)
out = {}
for name, code in CASES.items():
    start = time.perf_counter()
    signal.alarm(10)
    try:
        exec(code, {"gt": gt, "np": np})
        kind, message = "ok", ""
    except BaseException as err:  # noqa: BLE001 - the report says which
        kind, message = type(err).__name__, str(err)
        message += " [GameError]" if isinstance(err, gt.GameError) else ""
    signal.alarm(0)
    out[name] = [kind, message, time.perf_counter() - start]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def blow_ups():
    code = f"CASES = {json.dumps({k: v[0] for k, v in BLOW_UPS.items()})}\n" \
        + textwrap.dedent(_BLOW_UP_RUNNER)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=10 * len(BLOW_UPS) + 60, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("name", list(BLOW_UPS))
def test_blow_up_ends_within_10_s_and_2_gb(blow_ups, name):
    kind, message, seconds = blow_ups[name]
    assert kind == BLOW_UPS[name][1], message
    if kind != "ok":
        assert message.endswith("[GameError]")
        assert "limit" in message or "MAX_" in message or kind == "ParseError" \
            or kind == "PayoffError", message
    assert seconds < 10


@pytest.mark.slow
def test_cli_refuses_10_to_the_10_sweep_points_in_one_line(tmp_path):
    scenario = tmp_path / "two.toml"
    scenario.write_text('players = ["A", "B"]\nstrategies = [["x", "y"], ["z", "w"]]\n'
                        '[parameters.a]\ndefault = 1\n[parameters.b]\ndefault = 1\n'
                        '[payoffs]\nrow = [["a", 0], [0, "b"]]\ncolumn = [[1, 0], [0, 1]]\n',
                        encoding="utf-8")
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
            "from gametheory.app.cli import main\n"
            f"sys.exit(main(['sweep', {str(scenario)!r}, '--param', 'a=0:1:100000', "
            f"'--param', 'b=0:1:100000', '--out', {str(tmp_path / 'o.csv')!r}, "
            "'--no-progress']))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=env)
    assert proc.returncode == 2, proc.stderr[-2000:]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "MAX_SWEEP_POINTS" in lines[0], proc.stderr


def test_vertex_bound_matches_known_polytopes():
    # a polygon with f edges has f vertices; the cube (d=3, f=6) has 8 <= bound 8
    assert [_limits.vertex_bound(2, f) for f in range(3, 8)] == [3, 4, 5, 6, 7]
    assert _limits.vertex_bound(3, 6) == 8
    # the 4-dimensional cyclic polytope with 8 facets attains the bound: 20 vertices
    assert _limits.vertex_bound(4, 8) == 20
    # the bound of a best-response polytope covers its vertices, degenerate or not:
    # the 2x2 identity game's P has 3 nonzero vertices plus 0 = 4 <= bound(2, 4) = 4
    assert _limits.vertex_bound(2, 4) == 4
