"""Tests of the safe expression parser: hostile input is refused, valid input is exact."""

from __future__ import annotations

import os
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.core.expressions import parse_condition, parse_expression
from gametheory.errors import GameError, ParseError

NAMES = ["a", "b", "c_p", "pi"]
a, b, c_p, pi = (sympy.Symbol(n, real=True) for n in NAMES)


# ---------------------------------------------------------------- hostile strings
def _hostile(sentinel: str) -> list[tuple[str, str]]:
    """(text, the token the error must name)."""
    return [
        (f"__import__('os').system('touch {sentinel}')", "__import__"),
        (f"a + __import__('os').system('touch {sentinel}')", "__import__"),
        ("().__class__", ")"),
        ("a.b", "."),
        ("a.__class__.__bases__", "."),
        ("lambda x: x", "lambda"),
        ("[1]", "["),
        ("'s'", "'"),
        ('"s"', '"'),
        ("f(a)", "f"),
        ("eval(a)", "eval"),
        ("exec(a)", "exec"),
        ("open(a)", "open"),
        ("undeclared + 1", "undeclared"),
        ("a + b + z", "z"),
        ("1e999999", "1e999999"),
        ("a if b else c_p", "if"),
        ("a; b", ";"),
        ("a = 1", "="),
        ("{a}", "{"),
        ("a @ b", "@"),
        ("`a`", "`"),
        ("a ~ b", "~"),
        ("2a", "2a"),
        ("a b", "b"),
        ("a +", "end of input"),
        ("(a", "end of input"),
        ("a)", ")"),
        ("", "end of input"),
        ("sqrt(a, b)", "sqrt"),
        ("min", "min"),
        ("a ^ 10000", "^"),
        ("(10^999)^999", "^"),
        ("a / 0", "/"),
        ("log(0)", "log"),
        ("é", "é"),
        ("\\x00", "\\"),
        ("a < b", "<"),  # a condition is not a payoff
    ]


def test_hostile_strings_are_refused_and_nothing_runs(tmp_path):
    sentinel = tmp_path / "pwned"
    for text, token in _hostile(str(sentinel)):
        with pytest.raises(ParseError) as info:
            parse_expression(text, NAMES)
        err = info.value
        assert isinstance(err, GameError)
        assert err.token == token, (text, err.token, str(err))
        assert err.column is not None and err.column >= 1
        assert "column" in str(err)
    assert not sentinel.exists()
    assert not os.path.exists("pwned")


def test_columns_point_at_the_offending_token():
    with pytest.raises(ParseError) as info:
        parse_expression("a + b * zz", NAMES)
    assert (info.value.token, info.value.column) == ("zz", 9)
    with pytest.raises(ParseError) as info:
        parse_expression("a +\n  b.c", NAMES)
    assert (info.value.line, info.value.column) == (2, 4)


def test_very_long_input_is_refused_quickly():
    text = "a+" * 50_000 + "a"  # 100k characters
    with pytest.raises(ParseError, match="longer than the limit"):
        parse_expression(text, NAMES)


def test_deep_nesting_is_refused_without_recursion_error():
    for text in ("(" * 10_000 + "a" + ")" * 10_000, "-" * 10_000 + "a",
                 "a^" * 5_000 + "a", "max(" * 3000 + "a" + ")" * 3000):
        with pytest.raises(ParseError, match="nested more than") as info:
            parse_expression(text, NAMES, max_length=100_000)
        assert info.value.column is not None
        with pytest.raises(ParseError):  # with the default length limit too
            parse_expression(text, NAMES)


def test_dunder_names_refused_even_if_declared():
    with pytest.raises(ParseError, match="dunder"):
        parse_expression("__class__", ["__class__"])


def test_hostile_conditions():
    for text in ("__import__('os')", "a.b < 1", "lambda: 1", "a <", "a + 1", "(a < b) + 1",
                 "(a < b) < c_p", "not a"):
        with pytest.raises(ParseError):
            parse_condition(text, NAMES)


# ---------------------------------------------------------------- correct parses
@pytest.mark.parametrize("text, expected", [
    ("1", sympy.Integer(1)),
    ("0.1", sympy.Rational(1, 10)),
    ("1.5e-3", sympy.Rational(3, 2000)),
    ("2E3", sympy.Integer(2000)),
    (".25", sympy.Rational(1, 4)),
    ("3/4", sympy.Rational(3, 4)),
    ("a + b*c_p", a + b * c_p),
    ("(1 - pi)*a - c_p", (1 - pi) * a - c_p),
    ("a - b - c_p", a - b - c_p),            # left-associative
    ("a / b / c_p", a / (b * c_p)),
    ("-a^2", -(a ** 2)),                    # ^ binds tighter than unary minus
    ("2^3^2", sympy.Integer(2 ** 9)),       # right-associative
    ("a**2", a ** 2),
    ("2^-1", sympy.Rational(1, 2)),
    ("--a", a),
    ("+a", a),
    ("min(a, b, 0)", sympy.Min(a, b, 0)),
    ("max(a, b)", sympy.Max(a, b)),
    ("exp(a) + log(b) + sqrt(c_p) + abs(pi)",
     sympy.exp(a) + sympy.log(b) + sympy.sqrt(c_p) + sympy.Abs(pi)),
    ("  a\t+\n b ", a + b),
])
def test_parse_matches_hand_built_sympy(text, expected):
    got = parse_expression(text, NAMES)
    assert sympy.simplify(got - expected) == 0
    assert got == expected


def test_numbers_are_exact_rationals():
    got = parse_expression("0.3 + 0.7", [])
    assert got == 1 and got.is_Integer
    assert parse_expression("7.32", []) == sympy.Rational(183, 25)


def test_symbols_argument_is_used():
    s = sympy.Symbol("a", positive=True)
    assert parse_expression("a + 1", ["a"], symbols={"a": s}) == s + 1


def test_conditions():
    assert parse_condition("a <= b", NAMES) == sympy.Le(a, b)
    assert parse_condition("0 <= pi <= 1", NAMES) == sympy.And(sympy.Le(0, pi), sympy.Le(pi, 1))
    assert parse_condition("a < b or not b >= c_p", NAMES) == sympy.Or(
        sympy.Lt(a, b), sympy.Not(sympy.Ge(b, c_p)))
    assert parse_condition("a == b & a != 1", NAMES) == sympy.And(sympy.Eq(a, b),
                                                                 sympy.Ne(a, 1))
    assert parse_condition("(a < b) | (b < a)", NAMES) == sympy.Or(sympy.Lt(a, b),
                                                                 sympy.Lt(b, a))
    assert parse_condition("(a + 1) * 2 > b", NAMES) == sympy.Gt(2 * (a + 1), b)
    assert parse_condition("1 < 2", []) == sympy.true


def test_gt_exports():
    assert gt.parse_expression is parse_expression
    assert gt.parse_condition is parse_condition


# ---------------------------------------------------------------- invariants
_atoms = st.sampled_from(["a", "b", "2", "3/4", "0.5"])


@st.composite
def _expr_text(draw, depth=0):
    if depth > 3 or draw(st.booleans()):
        return draw(_atoms)
    op = draw(st.sampled_from(["+", "-", "*"]))
    return f"({draw(_expr_text(depth + 1))} {op} {draw(_expr_text(depth + 1))})"


@settings(max_examples=60, deadline=None)
@given(_expr_text(), st.fractions(-5, 5), st.fractions(-5, 5))
def test_parse_agrees_with_exact_python_arithmetic(text, va, vb):
    """The parsed expression evaluates like the same text computed with Fractions."""
    expr = parse_expression(text, ["a", "b"])
    got = expr.xreplace({a: sympy.Rational(va.numerator, va.denominator),
                         b: sympy.Rational(vb.numerator, vb.denominator)})
    expected = _eval_fraction(text, va, vb)
    assert Fraction(int(got.p), int(got.q)) == expected


def _eval_fraction(text: str, va: Fraction, vb: Fraction) -> Fraction:
    """A tiny independent evaluator (shunting-yard) for + - * and parentheses."""
    toks = text.replace("(", " ( ").replace(")", " ) ").split()
    out: list[Fraction] = []
    ops: list[str] = []
    prec = {"+": 1, "-": 1, "*": 2}

    def apply():
        op = ops.pop()
        r, l_ = out.pop(), out.pop()
        out.append(l_ + r if op == "+" else l_ - r if op == "-" else l_ * r)

    for t in toks:
        if t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                apply()
            ops.pop()
        elif t in prec:
            while ops and ops[-1] != "(" and prec[ops[-1]] >= prec[t]:
                apply()
            ops.append(t)
        else:
            out.append(va if t == "a" else vb if t == "b" else Fraction(t))
    while ops:
        apply()
    return out[0]


def test_hostile_payoffs_constraints_and_values_never_reach_eval(tmp_path, monkeypatch):
    """Through every public entry point that takes text, hostile strings raise a GameError
    and the text is never handed to eval/exec (spied on) nor executed (sentinel file)."""
    import builtins

    sentinel = tmp_path / "pwned"
    seen: list[str] = []
    real_eval, real_exec = builtins.eval, builtins.exec

    def spy(real):
        def wrapped(source, *args, **kwargs):
            if isinstance(source, str) and ("pwned" in source or "__" in source):
                seen.append(source)
            return real(source, *args, **kwargs)
        return wrapped

    monkeypatch.setattr(builtins, "eval", spy(real_eval))
    monkeypatch.setattr(builtins, "exec", spy(real_exec))
    attacks = [f"__import__('os').system('touch {sentinel}')", "a.__class__", "lambda: 1",
               "(" * 5000 + "a" + ")" * 5000, "x" * 200_000, "undeclared", "getattr(a, 'b')"]
    for text in attacks:
        with pytest.raises(GameError):
            gt.ParametricGame([[text]], [[0]], ["a"])
        with pytest.raises(GameError):
            gt.ParametricGame([["a"]], [[0]], ["a"], constraints=[text])
        with pytest.raises(GameError):
            gt.ParametricGame([["a"]], [[0]], ["a"], regime_rules=[("r", text)])
        with pytest.raises(GameError):
            gt.ParametricGame([["a"]], [[0]], ["a"]).substitute(a=text)
        with pytest.raises(GameError):
            gt.ParametricGame([["a"]], [[0]], ["a"]).at(a=text)
    assert not sentinel.exists()
    assert seen == []


# ---------------------------------------------------------------- payoff entries
def test_parse_entry_one_home_for_payoff_cells():
    from gametheory.core.expressions import parse_entry, to_sympy_number

    v = sympy.Symbol("v", real=True)
    syms = {"v": v}
    assert parse_entry("v - 1/2", syms, "cell") == v - sympy.Rational(1, 2)
    assert parse_entry(sympy.Symbol("v") * 2, syms, "cell") == 2 * v  # rebound to real v
    assert parse_entry(3, syms, "cell") == 3 and parse_entry("0.1", syms, "cell") == \
        sympy.Rational(1, 10)
    assert parse_entry(np.float64(0.5), syms, "cell") == to_sympy_number(0.5)
    assert to_sympy_number(Fraction(2, 3)) == sympy.Rational(2, 3)
    with pytest.raises(ParseError, match=r"^cell \(0, 1\): unknown name 'w'"):
        parse_entry("w", syms, "cell (0, 1)")
    with pytest.raises(gt.ParameterError, match="symbol 'w' is not a declared parameter"):
        parse_entry(sympy.Symbol("w"), syms, "cell")
    with pytest.raises(gt.PayoffError, match="is not finite"):
        parse_entry(sympy.zoo * v, syms, "cell")
    with pytest.raises(gt.PayoffError, match="is not an expression"):
        parse_entry(sympy.Eq(v, 1), syms, "cell")
    for bad in (True, None, [1]):
        with pytest.raises(gt.PayoffError, match="is not a payoff"):
            parse_entry(bad, syms, "cell")
    with pytest.raises(gt.PayoffError, match="cell: "):
        parse_entry(float("nan"), syms, "cell")


def test_compile_exact_agrees_with_substitution():
    from gametheory.core.evaluation import compile_exact

    names = ["a", "b"]
    point = {"a": Fraction(1, 3), "b": Fraction(-2, 5)}
    sub = {sympy.Symbol(k, real=True): sympy.Rational(v.numerator, v.denominator)
           for k, v in point.items()}
    for text in ["a*b - 3/7", "max(a, b)^2 / (1 - a)", "min(a, b, 0) + abs(b)", "a^-2"]:
        e = parse_expression(text, names)
        assert compile_exact(e)(point) == Fraction(str(e.xreplace(sub)))
    for text in ["a < b or not b >= 0", "a == 1/3 and b != 0"]:
        c = parse_condition(text, names)
        assert compile_exact(c)(point) is bool(c.xreplace(sub))
    assert compile_exact(parse_expression("exp(a)", names)) is None
    assert compile_exact(parse_expression("a^(1/2)", names)) is None
    with pytest.raises(ZeroDivisionError):
        compile_exact(parse_expression("1/(a - 1/3)", names))(point)


def test_parse_entry_states_the_position_once():
    from gametheory.core.expressions import parse_entry

    with pytest.raises(ParseError) as err:
        parse_entry("v +", {"v": sympy.Symbol("v", real=True)}, "A[0, 0]")
    assert str(err.value).startswith("A[0, 0]: unexpected end of input")
    assert str(err.value).count("(at line") == 1 and err.value.column == 4


def test_entry_value_is_the_one_reading_of_tree_bayesian_and_scenario_entries():
    from gametheory.core.expressions import entry_value, parse_entry

    v = sympy.Symbol("v", real=True)
    for raw in ["3/4", "0.1", 2, Fraction(1, 3), 0.25, "1e3", "sqrt(4)/4", sympy.Rational(2, 7)]:
        got = entry_value(raw, {"v": v}, "x")
        expr = parse_entry(raw, {"v": v}, "x")  # same value and exactness either way
        assert isinstance(got, Fraction) == expr.is_Rational and float(got) == float(expr)
    assert entry_value(sympy.Symbol("v") * 2, {"v": v}, "x").free_symbols == {v}
    with pytest.raises(gt.PayoffError, match="^x: "):
        entry_value(float("nan"), {}, "x")
    with pytest.raises(gt.ParameterError, match="'w' is not a declared parameter"):
        entry_value(sympy.Symbol("w"), {"v": v}, "x")
