"""Fuzzing the readers of untrusted text: payoff expressions, ``.nfg`` text, scenario TOML
and labels (issue 16, item 7).

Each reader is fed text drawn by hypothesis, both random and derived from valid
documents by small mutations. The contract under test: the reader returns a value or
raises a ``GameError`` (a located ``ParseError`` for text), never another exception,
and always within a bounded time (hypothesis' ``deadline``). Valid documents also
round-trip. The suite is bounded: each property runs a modest number of examples
(``max_examples``, 60) with a per-example deadline of 2 s, so the file takes about 15 s
(less once hypothesis has cached its Unicode tables).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory._latex import check_symbol, escape_latex
from gametheory.app.cli import terminal_safe
from gametheory.core.expressions import parse_expression
from gametheory.io.nfg import read_nfg, to_nfg
from gametheory.io.scenario import load_scenario

FUZZ = settings(max_examples=60, deadline=2000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

NAMES = ["c", "v", "pi", "r_U"]

# ----------------------------------------------------------------- expressions
TOKENS = st.sampled_from(
    ["c", "v", "pi", "r_U", "x", "1", "2", "0.5", "1e3", "1000", "3/4", "1e400", "99" * 30,
     "+", "-", "*", "/", "^", "**", "(", ")", ",", " ", "exp", "log", "sqrt", "abs", "min",
     "max", "<", "<=", "==", "!=", "and", "or", "not", "True", "__import__", "'", "\\",
     "²", "\x00", ";", "lambda", "[", "]", "."])


@st.composite
def expressions(draw):
    """Text built from the grammar's tokens (and some that are not in it)."""
    return "".join(draw(st.lists(TOKENS, min_size=1, max_size=25)))


@st.composite
def nested(draw, depth=0):
    """Well-formed expressions: powers, products and functions nested a few levels."""
    if depth > 3 or draw(st.booleans()):
        return draw(st.sampled_from(["c", "v", "2", "1000", "0.1", "(1/3)"]))
    a = draw(nested(depth + 1))
    b = draw(nested(depth + 1))
    kind = draw(st.sampled_from(["^", "*", "+", "/", "exp", "log", "min"]))
    if kind == "exp" or kind == "log":
        return f"{kind}({a})"
    if kind == "min":
        return f"min({a}, {b})"
    return f"({a}){kind}({b})"


def _parse_or_refuse(text):
    try:
        return parse_expression(text, NAMES)
    except gt.ParseError as err:
        assert err.line is None or err.line >= 1
        return None


@FUZZ
@given(expressions())
def test_expression_token_soup_parses_or_is_refused(text):
    out = _parse_or_refuse(text)
    assert out is None or isinstance(out, sympy.Basic)


@FUZZ
@given(st.text(max_size=60))
def test_expression_arbitrary_text_parses_or_is_refused(text):
    out = _parse_or_refuse(text)
    assert out is None or isinstance(out, sympy.Basic)


@FUZZ
@given(nested(), st.sampled_from([0, 1, 2, 10, Fraction(1, 3), 10**15]))
def test_nested_expressions_evaluate_or_are_refused(text, value):
    """Folding and evaluation are bounded: a value or a GameError, within the deadline."""
    try:
        p = gt.ParametricGame([[text]], [["0"]], [gt.Parameter("c"), gt.Parameter("v")])
    except gt.GameError:
        return
    try:
        g = p.at(c=value, v=2)
    except gt.GameError:
        return
    assert g.A.shape == (1, 1)


# ----------------------------------------------------------------- .nfg text
NUMBERS = st.one_of(st.integers(-10**6, 10**6), st.fractions(max_denominator=1000),
                    st.sampled_from([Fraction(1, 3), Fraction(-7, 2), 0]))


@st.composite
def small_games(draw):
    m, n = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    A = [[draw(NUMBERS) for _ in range(n)] for _ in range(m)]
    B = [[draw(NUMBERS) for _ in range(n)] for _ in range(m)]
    return gt.NormalFormGame(A, B)


@FUZZ
@given(small_games())
def test_nfg_round_trip(game):
    back = read_nfg(to_nfg(game))
    assert back.A.tolist() == game.A.tolist() and back.B.tolist() == game.B.tolist()


@st.composite
def mutated_nfg(draw):
    """A valid .nfg text with a few cuts, insertions or replaced tokens."""
    text = to_nfg(draw(small_games()))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["cut", "insert", "replace"]))
        if kind == "cut":
            j = draw(st.integers(i, min(len(text), i + 8)))
            text = text[:i] + text[j:]
        else:
            piece = draw(st.sampled_from(
                ["{", "}", '"', "1e4000", "9" * 5000, "-", "1/0", "NFG", "R", "\x00", "é",
                 "3.5e-400", " 99999999 ", '"\\', "{ }", "0x10", "1/3"]))
            j = i + (draw(st.integers(0, 4)) if kind == "replace" else 0)
            text = text[:i] + piece + text[j:]
    return text


@FUZZ
@given(mutated_nfg())
def test_mutated_nfg_reads_or_is_refused(text):
    try:
        g = read_nfg(text)
    except gt.GameError:
        return
    assert isinstance(g, gt.NormalFormGame)


@FUZZ
@given(st.text(max_size=200).map(lambda t: "NFG 1 R " + t))
def test_random_nfg_body_reads_or_is_refused(text):
    try:
        read_nfg(text)
    except gt.GameError:
        pass


# ----------------------------------------------------------------- scenario TOML
SCENARIO = """\
title = {title}
players = [{p0}, {p1}]
strategies = [[{s0}, "b"], ["x", "y"]]

[parameters.c]
default = {default}
bounds = [{lo}, {hi}]
symbol = {symbol}

[payoffs]
row = [[{e0}, 0], [1, {e1}]]
column = [[0, 1], [-1, "-c"]]

[sweep]
c = {{ start = 0, stop = 4, num = {num} }}
"""

TOML_VALUES = st.sampled_from(['"A"', '"B"', '"é"', '"\\u001b[2J"', '"a\\nb"', "1", "1e400",
                               '"inf"', "-1", '"1/3"', '"c^1000"', '"3^c"', "[]", "{}",
                               '"exp(exp(exp(c)))"', '"\\\\input{/etc/passwd}"', '"c"', "0",
                               '"x_1"', '"\\\\lowercase"', "10000000", "true"])


@st.composite
def scenario_texts(draw):
    keys = ["title", "p0", "p1", "s0", "default", "lo", "hi", "symbol", "e0", "e1", "num"]
    valid = dict(title='"T"', p0='"Ann"', p1='"Bob"', s0='"a"', default="1", lo="0",
                 hi="10", symbol='"c"', e0='"c - 1"', e1='"-c"', num="5")
    values = {k: (draw(TOML_VALUES) if draw(st.integers(0, 3)) == 0 else valid[k])
              for k in keys}
    text = SCENARIO.format(**values)
    if draw(st.booleans()):  # and a raw cut somewhere
        i = draw(st.integers(0, len(text)))
        text = text[:i] + text[i + draw(st.integers(0, 6)):]
    return text


@FUZZ
@given(scenario_texts())
def test_scenario_text_loads_or_is_refused(text):
    try:
        s = load_scenario(text)
    except gt.ScenarioError as err:
        assert str(err)
        return
    except gt.GameError:
        return
    # what loads is usable: its game evaluates at its defaults or says why not
    try:
        s.game.at() if s.is_parametric else s.game
    except gt.GameError:
        pass


def test_the_valid_scenario_template_loads():
    s = load_scenario(SCENARIO.format(title='"T"', p0='"Ann"', p1='"Bob"', s0='"a"',
                                      default="1", lo="0", hi="10", symbol='"c"',
                                      e0='"c - 1"', e1='"-c"', num="5"))
    assert s.game.at(c=2).A[0, 0] == 1


# ----------------------------------------------------------------- labels
@pytest.mark.filterwarnings("ignore:character .* has no pdflatex rendering")
@FUZZ
@given(st.lists(st.text(min_size=0, max_size=12), min_size=2, max_size=2),
       st.text(max_size=20))
def test_labels_are_accepted_or_refused_and_escaped(labels, player):
    try:
        g = gt.NormalFormGame([[1, 0]], [[0, 1]], players=(player or "P", "Q"),
                              strategies=(("r",), tuple(labels)))
    except gt.LabelError:
        return
    for lab in (*g.strategies[1], *g.players):
        tex = escape_latex(lab)
        assert tex.isascii()
        # only the escaping's own text commands appear: no user-made control sequence
        assert "\\input" not in tex and "\\csname" not in tex and "\\write" not in tex
        shown = terminal_safe(lab)
        assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in shown)


@FUZZ
@given(st.text(max_size=30))
def test_latex_symbols_pass_the_allowlist_or_are_refused(text):
    try:
        out = check_symbol(text)
    except gt.ParameterError:
        return
    assert "\\input" not in out and "\\def" not in out and "\\catcode" not in out
    assert "\\lowercase" not in out and "\\csname" not in out


@pytest.mark.parametrize("text", ["c^1000", "exp(exp(c))", "min(c, v) + log(2)"])
def test_fuzz_strategies_reach_the_accepted_grammar(text):
    """Sanity check of the harness: accepted inputs exist and are values."""
    assert isinstance(parse_expression(text, NAMES), sympy.Basic)
    assert np.isfinite(float(parse_expression(text, NAMES).subs({sympy.Symbol(n, real=True): 2
                                                                  for n in NAMES})))
