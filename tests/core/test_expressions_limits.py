"""Size limits of payoff expressions: each blow-up ends fast, under 2 GB, with a GameError.

The hostile inputs come from issue 16. Each runs in a fresh interpreter whose address
space is capped at 2 GB (``RLIMIT_AS``), with a 10 s alarm per case; the subprocess
reports what each case raised and how long it took.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest
import sympy

import gametheory as gt
from gametheory import _limits
from gametheory.core.evaluation import substitute
from gametheory.core.expressions import parse_expression

#: name -> (Python statement run in the subprocess, expected error class name)
CASES = {
    "folded exponent product": (
        'gt.ParametricGame([["(((c^1000)^1000)^1000)^1000"]], [["0"]], '
        '[gt.Parameter("c", default=2)]).at()', "ParseError"),
    "added exponents": ('gt.ParametricGame([["c^1000 * c^1000"]], [["0"]], ["c"])',
                        "ParseError"),
    "nested exp": ('gt.ParametricGame([["exp(exp(exp(exp(c))))"]], [["0"]], '
                   '[gt.Parameter("c", default=10)]).at()', "ParseError"),
    "3^c at 1e15": ('gt.ParametricGame([["3^c"]], [["0"]], '
                    '[gt.Parameter("c", default="1e15")]).at()', "PayoffError"),
    "3^c at 1e15 from a scenario": (
        'gt.io.load_scenario(\'players = ["A", "B"]\\nstrategies = [["x"], ["y"]]\\n'
        '[parameters.c]\\ndefault = 1e15\\n[payoffs]\\nrow = [["3^c"]]\\n'
        'column = [["0"]]\\n\').game.at()', "ScenarioError"),
    "sqrt(2)^c at 1e15": ('gt.ParametricGame([["sqrt(2)^c"]], [["0"]], '
                          '[gt.Parameter("c", default=10**15)]).at()', "PayoffError"),
    "exp(exp(c)) at 10": ('gt.ParametricGame([["exp(exp(c))"]], [["0"]], '
                          '[gt.Parameter("c", default=10)]).at()', "PayoffError"),
    "huge integer power": ('gt.ParametricGame([["(10^300)^1000"]], [["0"]], [])',
                           "ParseError"),
    "5000-digit literal": ('gt.ParametricGame([["1" * 5000]], [["0"]], [])', "ParseError"),
    "1e4000 in an expression": ('gt.ParametricGame([["1e4000 * c"]], [["0"]], ["c"])',
                                "ParseError"),
    "products beyond float range": ('gt.ParametricGame([["1e300 * 1e300 * c"]], [["0"]], '
                                    '["c"])', "ParseError"),
    "superscript two": ('gt.ParametricGame([["c²"]], [["0"]], ["c"])', "ParseError"),
    "exponent of 400 digits": ('gt.ParametricGame([["c^(10^400)"]], [["0"]], ["c"])',
                               "ParseError"),
}

_RUNNER = """
import json, resource, signal, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
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
        exec(code)
        kind, message = "no error", ""
    except BaseException as err:  # noqa: BLE001 - the report says which
        kind, message = type(err).__name__, str(err)
        message += " [GameError]" if isinstance(err, gt.GameError) else ""
    signal.alarm(0)
    out[name] = [kind, message, time.perf_counter() - start]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def outcomes():
    code = f"CASES = {json.dumps({k: v[0] for k, v in CASES.items()})}\n" \
        + textwrap.dedent(_RUNNER)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=10 * len(CASES) + 60, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", list(CASES))
def test_blow_up_ends_fast_with_a_game_error(outcomes, name):
    kind, message, seconds = outcomes[name]
    assert kind == CASES[name][1], message
    assert message.endswith("[GameError]")
    assert seconds < 10


@pytest.mark.parametrize("text, column", [
    ("x²", 2), ("1 + 1e4000", 5), ("2*" + "7" * 4400, 3), ("(((x^1000)^1000)^1000)^1000", 11),
    ("x^1000*x^1000", 7), ("exp(exp(exp(x)))", 1), ("1e-400 + x", 1),
])
def test_refusals_are_located(text, column):
    with pytest.raises(gt.ParseError) as info:
        parse_expression(text, ["x"])
    assert info.value.column == column and info.value.line == 1


@pytest.mark.parametrize("text", ["x^1000", "exp(exp(x))", "2^1000", "(1/2)^1000", "1e300*x",
                                  "x^-1000", "log(exp(x))"])
def test_inputs_within_the_limits_are_accepted(text):
    assert parse_expression(text, ["x"]) is not None


def test_limits_are_the_documented_constants():
    """The parser reads the limits from gametheory._limits, not copies of their values."""
    base = sympy.Integer(2)
    k = _limits.MAX_POWER
    assert parse_expression(f"x^{k}", ["x"]) == sympy.Symbol("x", real=True) ** k
    with pytest.raises(gt.ParseError, match=str(k)):
        parse_expression(f"x^{k + 1}", ["x"])
    bits = _limits.MAX_NUMBER_BITS
    largest = f"2^{k} * 2^{bits - 1 - k}"  # bit length exactly ``bits``
    assert parse_expression(largest, []) == base ** (bits - 1)
    with pytest.raises(gt.ParseError, match=str(bits)):
        parse_expression(largest + " * 2", [])


def test_substitute_bounds_powers_and_exponentials():
    c = sympy.Symbol("c", real=True)
    assert substitute(c ** 3 + sympy.exp(c), {c: sympy.Integer(2)}) == 8 + sympy.exp(2)
    small = sympy.Integer(_limits.MAX_EVALUATION_BITS // 2)
    assert substitute(2 ** c, {c: small}) == 2 ** small
    with pytest.raises(gt.PayoffError, match="bits"):
        substitute(2 ** c, {c: 2 * small + 2}, "cell")
    with pytest.raises(gt.PayoffError, match="exp"):
        substitute(sympy.exp(c), {c: sympy.Integer(_limits.MAX_EXP_ARGUMENT + 1)})
    # a tiny result is fine: exp of a large negative number is nearly 0, not huge
    assert float(substitute(sympy.exp(-c), {c: sympy.Integer(10**15)})) == 0.0


def test_tree_and_bayesian_evaluation_bounded():
    T = gt.GameTree
    c = sympy.Symbol("c", real=True)
    tree = T(T.decision("A", {"x": T.terminal(3 ** c, 0), "y": T.terminal(1, 0)}),
             players=("A", "B"), parameters=[gt.Parameter("c")])
    assert tree.at(c=2) is not None
    with pytest.raises(gt.GameError, match="bits"):
        tree.at(c=10**15)


def test_expanded_size_is_bounded_after_folding():
    """A power of a sum is small as text and as a tree, but multiplied out by a symbolic
    analysis it has C(t + k - 1, k) terms: (a + b + c)^1000 has 501,501."""
    from gametheory.core.expressions import expanded_terms

    a, b, c = sympy.symbols("a b c")
    assert expanded_terms(sympy.expand((a + b + c) ** 4)) == len(
        sympy.expand((a + b + c) ** 4).args)  # 15 monomials, and the bound is 15
    assert expanded_terms((a + b + c) ** 4) == 15
    assert expanded_terms((a + b) * (a + c) * 3) == 4
    assert parse_expression("(a + b)^1000", ["a", "b"]) is not None
    with pytest.raises(gt.ParseError, match="MAX_EXPANDED_TERMS") as info:
        parse_expression("(a + b + c)^1000", ["a", "b", "c"])
    assert info.value.column == 12
    # six different sums of 11 terms: 11^5 = 161,051 terms at the fifth product
    with pytest.raises(gt.ParseError, match="terms when multiplied out"):
        parse_expression("*".join(f"(a + b + c + d + e + f + g + h + i + j + {k})"
                                  for k in range(1, 7)), list("abcdefghij"))
