r"""Safe parsing of payoff expressions and parameter conditions into sympy objects.

A payoff such as ``"(1 - pi)*v - c_p - e_I*W_A"`` or a constraint such as
``"0 <= r_I <= r_U"`` is text a user (or a scenario file) supplies. It is parsed here by a
small tokenizer and a recursive-descent parser over a fixed grammar, and the sympy
object is built directly from the parse tree (``sympy.Add``, ``sympy.Mul``,
``sympy.Pow``, ``sympy.Rational``, ``sympy.Symbol``). Nothing is ever passed to
``eval``, ``exec``, ``sympify`` or ``parse_expr``, so text cannot reach Python.

Grammar (EBNF; ``^`` and ``**`` are synonyms, ``^`` is right-associative and binds
tighter than unary minus, so ``-x^2`` is :math:`-(x^2)` and ``2^-1`` is :math:`1/2`)::

    condition  := disjunct { ("or" | "|") disjunct }
    disjunct   := conjunct { ("and" | "&") conjunct }
    conjunct   := "not" conjunct | comparison
    comparison := expr { ("<" | "<=" | ">" | ">=" | "==" | "!=") expr }
    expr       := term { ("+" | "-") term }
    term       := unary { ("*" | "/") unary }
    unary      := ("-" | "+") unary | power
    power      := atom [ ("^" | "**") unary ]
    atom       := NUMBER | NAME | FUNCTION "(" expr { "," expr } ")" | "(" inner ")"

``inner`` is ``expr`` in an expression and ``condition`` in a condition (so
``(a < b) or (c < d)`` works). A chained comparison ``a <= b <= c`` means
``a <= b and b <= c``. NUMBER is an integer, decimal or scientific literal and becomes an
exact :class:`sympy.Rational` (``0.1`` is exactly 1/10). NAME must be a declared
parameter. FUNCTION is one of ``min``, ``max`` (any number of arguments), ``exp``,
``log``, ``sqrt`` and ``abs`` (one argument).

Everything else is refused with a :class:`~gametheory.errors.ParseError` that names the
offending token and its column: attribute access, dunder names, undeclared names, calls
outside the whitelist, strings, brackets, ``lambda``, implicit multiplication, literals
with huge exponents, powers with huge numeric exponents, input longer than
``max_length`` characters or nested deeper than ``max_depth``.

The approach follows the usual advice for evaluating untrusted arithmetic: tokenize
against a whitelist and build the result from a grammar, never from the host language's
evaluator (see e.g. the discussion of ``ast.literal_eval`` limits in the Python docs and
Aho, Lam, Sethi and Ullman, *Compilers*, 2nd ed., sec. 4.4 on recursive-descent parsing).

Examples
--------
>>> from gametheory.core.expressions import parse_expression, parse_condition
>>> parse_expression("(1 - pi)*v - c_p", ["pi", "v", "c_p"])
-c_p + v*(1 - pi)
>>> parse_condition("0 <= r_I <= r_U", ["r_I", "r_U"])
(0 <= r_I) & (r_I <= r_U)
>>> parse_expression("__import__('os')", ["x"])
Traceback (most recent call last):
...
gametheory.errors.ParseError: '__import__' is a dunder name; ... (at line 1, column 1)
"""

from __future__ import annotations

import functools
import keyword
import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from .. import _limits
from .._numbers import MAX_EXPONENT, NotANumber, parse_number_text, to_number
from ..errors import ParameterError, ParseError, PayoffError

__all__ = [
    "parse_expression",
    "parse_condition",
    "parse_entry",
    "entry_value",
    "located",
    "rebind",
    "to_sympy_number",
    "FUNCTIONS",
    "RESERVED_WORDS",
    "MAX_LENGTH",
    "MAX_DEPTH",
    "is_valid_name",
    "short_text",
    "expanded_terms",
]

# The limits are defined and documented once, in gametheory._limits.
#: Default longest accepted input, in characters.
MAX_LENGTH = _limits.MAX_EXPRESSION_LENGTH
#: Default deepest accepted nesting (parentheses, unary signs, powers, calls).
MAX_DEPTH = _limits.MAX_EXPRESSION_DEPTH
MAX_NUMBER_LENGTH = _limits.MAX_LITERAL_LENGTH
MAX_POWER = _limits.MAX_POWER


def _min(*args: sympy.Expr) -> sympy.Expr:
    return sympy.Min(*args)


def _max(*args: sympy.Expr) -> sympy.Expr:
    return sympy.Max(*args)


#: Whitelisted functions: name -> (sympy constructor, minimum arity, maximum arity or None).
FUNCTIONS: dict[str, tuple[Callable[..., sympy.Expr], int, int | None]] = {
    "min": (_min, 1, None),
    "max": (_max, 1, None),
    "exp": (sympy.exp, 1, 1),
    "log": (sympy.log, 1, 1),
    "sqrt": (sympy.sqrt, 1, 1),
    "abs": (sympy.Abs, 1, 1),
}

_LOGIC_WORDS = ("and", "or", "not")
#: Words that cannot be parameter names: functions, logic words and Python keywords.
RESERVED_WORDS = frozenset(FUNCTIONS) | frozenset(_LOGIC_WORDS) | frozenset(keyword.kwlist)

_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DIGITS = frozenset("0123456789")
_NUMBER_RE = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_OPERATORS = ("**", "<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "(", ")", ",",
              "<", ">", "&", "|")
_REL_OPS = {"<": sympy.Lt, "<=": sympy.Le, ">": sympy.Gt, ">=": sympy.Ge,
            "==": sympy.Eq, "!=": sympy.Ne}


def _is_bool(value: object) -> bool:
    # sympy.Symbol subclasses Boolean too; a truth value is a Boolean that is no Expr
    return isinstance(value, sympy.logic.boolalg.Boolean) and not isinstance(value, sympy.Expr)


def is_valid_name(name: str) -> bool:
    """Whether ``name`` can be a parameter: an ASCII identifier, not reserved, not dunder.

    >>> is_valid_name("credibility_loss"), is_valid_name("__class__"), is_valid_name("min")
    (True, False, False)
    """
    return (isinstance(name, str) and _NAME_RE.fullmatch(name) is not None
            and name not in RESERVED_WORDS and not name.startswith("__"))


@dataclass(frozen=True)
class _Token:
    kind: str  # "num", "name", "op", "end"
    text: str
    line: int
    column: int
    message: str = ""  # for kind "bad": why the text is refused


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return line, index - start + 1


class _Bad(Exception):
    def __init__(self, message: str, index: int, token: str) -> None:
        super().__init__(message)
        self.message, self.index, self.token = message, index, token


def _error(message: str, text: str, index: int, token: str) -> _Bad:
    return _Bad(message, index, token)


def _tokenize(text: str) -> list[_Token]:
    """Tokens up to the end, or up to a "bad" token that the parser reports when reached.

    Deferring lexical errors makes the error message name the leftmost problem.
    """
    tokens: list[_Token] = []
    try:
        _scan(text, tokens)
    except _Bad as bad:
        line, col = _position(text, bad.index)
        tokens.append(_Token("bad", bad.token, line, col, bad.message))
    return tokens


def _scan(text: str, tokens: list[_Token]) -> None:
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n":
            i += 1
            continue
        line, col = _position(text, i)
        if ch in _DIGITS or (ch == "." and i + 1 < n and text[i + 1] in _DIGITS):
            m = _NUMBER_RE.match(text, i)
            assert m is not None
            tok = m.group(0)
            end = m.end()
            # a letter glued to a number (2x, 1e5x, 0x1F) is implicit multiplication or junk
            if end < n and (text[end].isalpha() or text[end] == "_" or text[end] == "."):
                bad = re.match(r"[A-Za-z0-9_.]+", text[i:]).group(0)  # type: ignore[union-attr]
                raise _error(f"malformed number {bad!r} (write multiplication as 2*x; "
                             "numbers look like 3, 0.25, 3/4 or 1.5e-3)", text, i, bad)
            if len(tok) > MAX_NUMBER_LENGTH:
                raise _error(f"number literal of {len(tok)} characters is too long "
                             f"(at most {MAX_NUMBER_LENGTH})", text, i, tok[:20] + "...")
            em = re.search(r"[eE]([+-]?\d+)$", tok)
            if em and abs(int(em.group(1))) > MAX_EXPONENT:
                raise _error(f"number {tok!r} has an exponent beyond +-{MAX_EXPONENT}",
                             text, i, tok)
            if _number_bits(_decimal_fraction(tok)) > _limits.MAX_NUMBER_BITS:
                raise _error(f"number {tok!r} is beyond the range of payoffs (numerator and "
                             f"denominator of at most {_limits.MAX_NUMBER_BITS} bits, about "
                             "1e307)", text, i, tok)
            tokens.append(_Token("num", tok, line, col))
            i = end
            continue
        if ch.isalpha() or ch == "_":
            m = _NAME_RE.match(text, i)
            if m is None:  # a non-ASCII letter
                raise _error(f"unexpected character {ch!r}; names are ASCII letters, digits "
                             "and underscores", text, i, ch)
            tokens.append(_Token("name", m.group(0), line, col))
            i = m.end()
            continue
        for op in _OPERATORS:
            if text.startswith(op, i):
                tokens.append(_Token("op", op, line, col))
                i += len(op)
                break
        else:
            hint = {
                ".": "attribute access is not allowed",
                "'": "strings are not allowed",
                '"': "strings are not allowed",
                "[": "brackets are not allowed; use parentheses",
                "]": "brackets are not allowed; use parentheses",
                "{": "braces are not allowed; use parentheses",
                "}": "braces are not allowed; use parentheses",
                "=": "use == for equality",
                ":": "colons are not allowed (no lambda, slices or dicts)",
                ";": "only one expression is allowed",
            }.get(ch, "not part of the expression grammar")
            if ch == "=" and tokens and tokens[-1].text in ("<", ">", "!"):
                hint = "not part of the expression grammar"
            raise _error(f"unexpected character {ch!r}: {hint}", text, i, ch)
    line, col = _position(text, n)
    tokens.append(_Token("end", "", line, col))


class _Parser:
    def __init__(self, text: str, allowed: frozenset[str], symbols: Mapping[str, sympy.Symbol],
                 max_depth: int, conditions: bool) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0
        self.allowed = allowed
        self.symbols = symbols
        self.max_depth = max_depth
        self.depth = 0
        self.conditions = conditions

    # ------------------------------------------------------------ helpers
    @property
    def tok(self) -> _Token:
        t = self.tokens[self.pos]
        if t.kind == "bad":
            raise ParseError(t.message, line=t.line, column=t.column, token=t.text)
        return t

    def fail(self, message: str, tok: _Token | None = None) -> ParseError:
        t = tok or self.tok
        shown = t.text if t.kind != "end" else "end of input"
        return ParseError(f"{message}", line=t.line, column=t.column, token=shown)

    def unexpected(self, expected: str) -> ParseError:
        t = self.tok
        if t.kind == "end":
            return self.fail(f"unexpected end of input; expected {expected}")
        return self.fail(f"unexpected {t.text!r}; expected {expected}")

    def advance(self) -> _Token:
        t = self.tok
        self.pos += 1
        return t

    def accept(self, *texts: str) -> _Token | None:
        t = self.tok
        if t.kind in ("op", "name") and t.text in texts:
            self.pos += 1
            return t
        return None

    def bounded(self, value: sympy.Basic, tok: _Token) -> sympy.Basic:
        """``value`` after sympy's folding, refused at ``tok`` if it exceeds a size limit.

        Folding can multiply exponents (``(c^1000)^1000`` is ``c^(10^6)``), add them
        (``c^1000 * c^1000``) or compute numbers; each new node and its direct arguments
        are checked, so the sizes stay bounded whatever the nesting.
        """
        for node in (value, *value.args) if value.is_Add or value.is_Mul else (value,):
            if node.is_Pow and node.exp.is_number and bool(abs(node.exp) > MAX_POWER):
                raise self.fail(f"the power {short_text(node)} has an exponent beyond "
                                f"+-{MAX_POWER} after folding", tok)
            if node.is_Rational and _number_bits(node) > _limits.MAX_NUMBER_BITS:
                raise self.fail(f"the number computed here has more than "
                                f"{_limits.MAX_NUMBER_BITS} bits (about 1e307)", tok)
        if expanded_terms(value) > _limits.MAX_EXPANDED_TERMS:
            raise self.fail(f"the expression would have more than "
                            f"{_limits.MAX_EXPANDED_TERMS:,} terms when multiplied out "
                            "(MAX_EXPANDED_TERMS)", tok)
        return value

    def enter(self) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise self.fail(f"expression nested more than {self.max_depth} levels deep")

    # ------------------------------------------------------------ conditions
    def condition(self) -> sympy.Basic:
        self.enter()
        parts = [self.disjunct()]
        while self.accept("or", "|"):
            parts.append(self.disjunct())
        self.depth -= 1
        return parts[0] if len(parts) == 1 else sympy.Or(*(self.boolean(p) for p in parts))

    def disjunct(self) -> sympy.Basic:
        parts = [self.conjunct()]
        while self.accept("and", "&"):
            parts.append(self.conjunct())
        return parts[0] if len(parts) == 1 else sympy.And(*(self.boolean(p) for p in parts))

    def conjunct(self) -> sympy.Basic:
        t = self.accept("not")
        if t is not None:
            self.enter()
            inner = self.conjunct()
            self.depth -= 1
            return sympy.Not(self.boolean(inner, t))
        return self.comparison()

    def boolean(self, value: sympy.Basic, tok: _Token | None = None) -> sympy.Basic:
        if not _is_bool(value):
            raise self.fail("expected a comparison such as a <= b here, not an expression",
                            tok)
        return value

    def comparison(self) -> sympy.Basic:
        start = self.tok
        left = self.expr()
        rels = []
        while self.tok.kind == "op" and self.tok.text in _REL_OPS:
            optok = self.advance()
            right = self.expr()
            for side, t in ((left, start), (right, optok)):
                if _is_bool(side):
                    raise self.fail("a condition cannot be compared; use and/or", t)
            rels.append(_REL_OPS[optok.text](left, right))
            left = right
        if not rels:
            return left
        return rels[0] if len(rels) == 1 else sympy.And(*rels)

    # ------------------------------------------------------------ expressions
    def arith(self, value: sympy.Basic, tok: _Token) -> sympy.Expr:
        if _is_bool(value):
            raise self.fail("a condition cannot be used in arithmetic", tok)
        return value

    def expr(self) -> sympy.Basic:
        first = self.tok
        value = self.term()
        while True:
            t = self.accept("+", "-")
            if t is None:
                return value
            value = self.arith(value, first)
            rhs = self.arith(self.term(), t)
            value = self.bounded(sympy.Add(value, rhs if t.text == "+" else sympy.Mul(-1, rhs)),
                                 t)

    def term(self) -> sympy.Basic:
        first = self.tok
        value = self.unary()
        while True:
            t = self.accept("*", "/")
            if t is None:
                return value
            value = self.arith(value, first)
            rhs = self.arith(self.unary(), t)
            if t.text == "*":
                value = self.bounded(sympy.Mul(value, rhs), t)
            else:
                if rhs == 0:
                    raise self.fail("division by zero", t)
                value = self.bounded(sympy.Mul(value, sympy.Pow(rhs, -1)), t)

    def unary(self) -> sympy.Basic:
        t = self.accept("-", "+")
        if t is not None:
            self.enter()
            operand = self.arith(self.unary(), t)
            self.depth -= 1
            return sympy.Mul(-1, operand) if t.text == "-" else operand
        return self.power()

    def power(self) -> sympy.Basic:
        first = self.tok
        base = self.atom()
        t = self.accept("^", "**")
        if t is None:
            return base
        base = self.arith(base, first)
        self.enter()
        exponent = self.arith(self.unary(), t)
        self.depth -= 1
        if exponent.is_number:
            if exponent.is_real is False:
                raise self.fail("the exponent is not a real number", t)
            if bool(abs(exponent) > MAX_POWER):
                raise self.fail(f"exponent {short_text(exponent)} is too large (at most "
                                f"{MAX_POWER} in magnitude)", t)
            if base.is_Rational and exponent.is_Integer and base != 0:
                k = abs(int(exponent))
                if k * max(math.log2(abs(int(base.p))), math.log2(int(base.q))) \
                        > _limits.MAX_NUMBER_BITS + 1:
                    raise self.fail(f"numeric power is too large to evaluate (more than "
                                    f"{_limits.MAX_NUMBER_BITS} bits)", t)
            if base == 0 and exponent.is_negative:
                raise self.fail("division by zero (0 to a negative power)", t)
        return self.bounded(sympy.Pow(base, exponent), t)

    def atom(self) -> sympy.Basic:
        t = self.tok
        if t.kind == "num":
            self.advance()
            return sympy.Rational(Fraction(_decimal_fraction(t.text)))
        if t.kind == "name":
            return self.name_or_call()
        if t.kind == "op" and t.text == "(":
            self.advance()
            self.enter()
            value = self.condition() if self.conditions else self.expr()
            self.depth -= 1
            if self.accept(")") is None:
                raise self.unexpected("')' to close the '(' at column "
                                      f"{t.column}")
            return value
        raise self.unexpected("a number, a parameter name, a function call or '('")

    def name_or_call(self) -> sympy.Basic:
        t = self.advance()
        name = t.text
        is_call = self.tok.kind == "op" and self.tok.text == "("
        if name.startswith("__"):
            raise self.fail(f"{name!r} is a dunder name; only declared parameter names and "
                            f"the functions {sorted(FUNCTIONS)} are allowed", t)
        if is_call:
            if name not in FUNCTIONS:
                raise self.fail(f"call to {name!r} is not allowed; allowed functions are "
                                f"{', '.join(sorted(FUNCTIONS))}", t)
            return self.call(t)
        if name in FUNCTIONS:
            raise self.fail(f"function {name!r} must be called with parentheses, e.g. "
                            f"{name}(x)", t)
        if name in _LOGIC_WORDS or keyword.iskeyword(name):
            raise self.fail(f"unexpected keyword {name!r}", t)
        if name not in self.allowed:
            shown = ", ".join(sorted(self.allowed)) or "none"
            raise self.fail(f"unknown name {name!r}; declared parameters are: {shown}", t)
        sym = self.symbols.get(name)
        return sym if sym is not None else sympy.Symbol(name, real=True)

    def call(self, name_tok: _Token) -> sympy.Expr:
        func, lo, hi = FUNCTIONS[name_tok.text]
        open_tok = self.advance()  # "("
        self.enter()
        args = []
        if self.tok.text != ")" or self.tok.kind != "op":
            args.append(self.arith(self.expr(), self.tok))
            while self.accept(","):
                args.append(self.arith(self.expr(), self.tok))
        self.depth -= 1
        if self.accept(")") is None:
            raise self.unexpected(f"',' or ')' to close the call opened at column "
                                  f"{open_tok.column}")
        if len(args) < lo or (hi is not None and len(args) > hi):
            want = f"{lo}" if hi == lo else f"at least {lo}"
            raise self.fail(f"{name_tok.text}() takes {want} argument(s), got {len(args)}",
                            name_tok)
        if name_tok.text in _TRANSCENDENTAL and max(map(_transcendental_depth, args)) \
                >= _limits.MAX_TRANSCENDENTAL_NESTING:
            raise self.fail(f"{name_tok.text}() nested in exp/log more than "
                            f"{_limits.MAX_TRANSCENDENTAL_NESTING} deep", name_tok)
        value = self.bounded(func(*args), name_tok)
        if value.is_number and (value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)
                                or value.is_real is False):
            raise self.fail(f"{name_tok.text}() of these arguments is not a finite real "
                            "number", name_tok)
        return value

    def finish(self, value: sympy.Basic) -> sympy.Basic:
        if self.tok.kind != "end":
            t = self.tok
            if t.kind == "name" and self.tokens[self.pos - 1].kind in ("num", "name"):
                raise self.fail(f"unexpected {t.text!r}: write multiplication explicitly "
                                "with *")
            raise self.unexpected("an operator or the end of input")
        return value


_TRANSCENDENTAL = ("exp", "log")


def _transcendental_depth(expr: sympy.Basic) -> int:
    """Deepest nesting of exp and log in ``expr`` (0 for none)."""
    inner = max((_transcendental_depth(a) for a in expr.args), default=0)
    return inner + 1 if isinstance(expr, sympy.exp | sympy.log) else inner


@functools.lru_cache(maxsize=4096)
def expanded_terms(value: sympy.Basic) -> int:
    r"""An upper bound on the number of terms of ``value`` multiplied out (``expand``).

    A sum has at most the sum of its terms' counts, a product the product, a power
    :math:`b^k` (integer :math:`k > 1`) of a base of :math:`t` terms at most
    :math:`\binom{t + k - 1}{k}` (the monomials of degree :math:`k` in :math:`t`
    variables), anything else one. Capped just above
    :data:`gametheory._limits.MAX_EXPANDED_TERMS`, so it is cheap whatever the exponents.

    >>> a, b, c = sympy.symbols("a b c")
    >>> expanded_terms((a + b) ** 2), expanded_terms((a + b + c) ** 1000)
    (3, 100001)
    """
    cap, out = _limits.MAX_EXPANDED_TERMS + 1, 1
    if value.is_Add:
        return min(cap, sum(expanded_terms(t) for t in value.args))
    for t in value.args if value.is_Mul else ():
        out = min(cap, out * expanded_terms(t))
    if value.is_Pow and value.exp.is_Integer and value.exp > 1:
        t, k = expanded_terms(value.base), int(value.exp)
        for i in range(1, min(k, t - 1) + 1):  # C(max + i, i) at step i: C(t + k - 1, k)
            out = min(cap, out * (max(k, t - 1) + i) // i)
    return out


def _number_bits(value: Fraction | sympy.Rational) -> int:
    """Bit size of the larger of numerator and denominator."""
    p, q = (value.numerator, value.denominator) if isinstance(value, Fraction) \
        else (int(value.p), int(value.q))
    return max(abs(p).bit_length(), q.bit_length())


def short_text(value: sympy.Basic) -> str:
    """A short display of ``value`` for an error message (never printing a huge number)."""
    text = sympy.sstr(value) if _number_bits_ok(value) else "a huge number"
    return text if len(text) <= 40 else text[:37] + "..."


def _number_bits_ok(value: sympy.Basic) -> bool:
    return all(_number_bits(r) <= 4 * _limits.MAX_NUMBER_BITS
               for r in value.atoms(sympy.Rational))


def _decimal_fraction(text: str) -> Fraction:
    mant, _, exp = text.lower().partition("e")
    value = Fraction(mant) if "." not in mant else _fraction_of_decimal(mant)
    if exp:
        value *= Fraction(10) ** int(exp)
    return value


def _fraction_of_decimal(mant: str) -> Fraction:
    whole, _, frac = mant.partition(".")
    digits = (whole or "0") + frac
    return Fraction(int(digits), 10 ** len(frac))


def _prepare(text: str, allowed_names: Iterable[str], symbols: Mapping[str, sympy.Symbol] | None,
             max_length: int) -> tuple[frozenset[str], Mapping[str, sympy.Symbol]]:
    if not isinstance(text, str):
        raise ParseError(f"expected a string expression, got {type(text).__name__}")
    if len(text) > max_length:
        raise ParseError(f"input of {len(text)} characters is longer than the limit of "
                         f"{max_length}", line=1, column=max_length + 1,
                         token=text[max_length:max_length + 10])
    if isinstance(allowed_names, str):
        allowed_names = [allowed_names]
    allowed = frozenset(allowed_names)
    return allowed, dict(symbols or {})


def parse_expression(
    text: str,
    allowed_names: Iterable[str],
    *,
    symbols: Mapping[str, sympy.Symbol] | None = None,
    max_length: int = MAX_LENGTH,
    max_depth: int = MAX_DEPTH,
) -> sympy.Expr:
    """Parse an arithmetic expression in the declared parameters into a sympy expression.

    Parameters
    ----------
    text : str
        The expression, e.g. ``"(1 - pi)*v - c_p - e_I*W_A"``.
    allowed_names : iterable of str
        The declared parameter names; any other name is an error.
    symbols : mapping of str to sympy.Symbol, optional
        The symbol to use for each name; default ``sympy.Symbol(name, real=True)``.
    max_length, max_depth : int
        Longest input (characters) and deepest nesting accepted.

    Returns
    -------
    sympy.Expr
        Built directly from the parse tree; numbers are exact rationals.

    Raises
    ------
    ParseError
        With ``.token`` and ``.column`` of the offending token, for anything outside the
        grammar in the module docstring.

    Examples
    --------
    >>> parse_expression("2^-1 + 0.25*x", ["x"])
    x/4 + 1/2
    >>> parse_expression("max(a, 0) - sqrt(b)", ["a", "b"])
    -sqrt(b) + Max(0, a)
    >>> parse_expression("a.b", ["a"]).free_symbols
    Traceback (most recent call last):
    ...
    gametheory.errors.ParseError: unexpected character '.': attribute access ... column 2)
    """
    allowed, syms = _prepare(text, allowed_names, symbols, max_length)
    parser = _Parser(text, allowed, syms, max_depth, conditions=False)
    if parser.tok.kind == "end":
        raise parser.fail("empty expression")
    value = parser.finish(parser.expr())
    if value.is_number and (value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)
                            or value.is_real is False):
        raise ParseError(f"expression {text!r} is not a finite real number", line=1, column=1,
                         token=text[:20])
    return value


def parse_condition(
    text: str,
    allowed_names: Iterable[str],
    *,
    symbols: Mapping[str, sympy.Symbol] | None = None,
    max_length: int = MAX_LENGTH,
    max_depth: int = MAX_DEPTH,
) -> sympy.logic.boolalg.Boolean:
    """Parse a condition (comparisons joined by and/or/not) into a sympy Boolean.

    Comparisons may be chained (``0 <= pi <= 1``); ``&`` and ``|`` are synonyms of
    ``and`` and ``or``. A comparison of numbers evaluates to ``sympy.true`` or
    ``sympy.false``.

    Examples
    --------
    >>> parse_condition("r_I <= r_U and (c < 1 or not c > 2)", ["r_I", "r_U", "c"])
    (r_I <= r_U) & ((c <= 2) | (c < 1))
    >>> parse_condition("r_I + 1", ["r_I"])
    Traceback (most recent call last):
    ...
    gametheory.errors.ParseError: expected a condition such as a <= b, ... column 1)
    """
    allowed, syms = _prepare(text, allowed_names, symbols, max_length)
    parser = _Parser(text, allowed, syms, max_depth, conditions=True)
    if parser.tok.kind == "end":
        raise parser.fail("empty condition")
    value = parser.finish(parser.condition())
    if not _is_bool(value):
        raise ParseError(f"expected a condition such as a <= b, got the expression {text!r}",
                         line=1, column=1, token=text[:20])
    return value



def to_sympy_number(value: Fraction | float) -> sympy.Expr:
    """A Fraction as an exact ``sympy.Rational``, a float as a ``sympy.Float``.

    >>> to_sympy_number(Fraction(3, 4)), to_sympy_number(0.5)
    (3/4, 0.500000000000000)
    """
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    return sympy.Float(value)


def rebind(expr: sympy.Basic, symbols: Mapping[str, sympy.Symbol], where: str) -> sympy.Basic:
    """``expr`` with each symbol replaced by the declared symbol of the same name.

    A user's ``sympy.Symbol("c")`` and the declared ``Symbol("c", real=True)`` are
    different objects; this makes them one. Raises :class:`ParameterError` for a symbol
    that is not declared and :class:`PayoffError` when ``expr`` is not finite.

    >>> c = sympy.Symbol("c", real=True)
    >>> rebind(sympy.Symbol("c") + 1, {"c": c}, "cell (0, 0)").free_symbols == {c}
    True
    """
    mapping = {}
    for s in expr.free_symbols:
        if s.name not in symbols:
            raise ParameterError(f"{where}: symbol {s.name!r} is not a declared parameter "
                                 f"(declared: {', '.join(symbols) or 'none'})")
        if s != symbols[s.name]:
            mapping[s] = symbols[s.name]
    out = expr.xreplace(mapping) if mapping else expr
    if out.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise PayoffError(f"{where}: {expr} is not finite")
    return out


def located(err: ParseError, where: str) -> ParseError:
    """``err`` with ``where`` prefixed, keeping its position and token (stated once).

    >>> err = located(ParseError("bad token", line=1, column=3), "payoff of A")
    >>> str(err), err.column
    ('payoff of A: bad token (at line 1, column 3)', 3)
    """
    out = ParseError(f"{where}: {err}")
    out.line, out.column, out.token = err.line, err.column, err.token
    return out


def parse_entry(value: Any, symbols: Mapping[str, sympy.Symbol], where: str) -> sympy.Expr:
    """One payoff entry as a sympy expression over the declared parameters.

    An expression string is parsed by :func:`parse_expression` (a :class:`ParseError`
    names ``where``); a sympy expression is rebound to the declared symbols
    (:func:`rebind`); a number becomes a Rational when exact (int, Fraction, ``"3/4"``),
    else a Float (:func:`~gametheory._numbers.to_number`). Anything else
    is a :class:`PayoffError`.

    >>> v = sympy.Symbol("v", real=True)
    >>> parse_entry("v/2 - 1", {"v": v}, "A[0, 0]"), parse_entry(Fraction(1, 4), {}, "A[0, 1]")
    (v/2 - 1, 1/4)
    >>> parse_entry("w", {"v": v}, "A[1, 0]")
    Traceback (most recent call last):
    ...
    gametheory.errors.ParseError: A[1, 0]: unknown name 'w'; declared parameters are: v ...
    """
    if isinstance(value, str):
        try:
            return parse_expression(value, symbols, symbols=symbols)
        except ParseError as err:
            raise located(err, where) from None
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise PayoffError(f"{where}: {value!r} is not an expression")
        return rebind(value, symbols, where)
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        raise PayoffError(f"{where}: {value!r} of type {type(value).__name__} is not a payoff "
                          "(use numbers, sympy expressions or expression strings)")
    try:
        num = to_number(value)
    except NotANumber as err:
        raise PayoffError(f"{where}: {err}") from None
    return to_sympy_number(num)


def entry_value(value: Any, symbols: Mapping[str, sympy.Symbol], where: str
                ) -> Fraction | float | sympy.Expr:
    """One entry (payoff or probability) as the game classes keep it: a number when constant.

    :func:`parse_entry` (the one reading of entries), then a constant result as a Python
    number: a Fraction when exact, else a float (:func:`~gametheory._numbers.to_number`);
    an expression in the parameters stays a sympy expression. Number text and plain
    numbers take a short path that gives the same values.

    >>> v = sympy.Symbol("v", real=True)
    >>> entry_value("3/4", {}, "x"), entry_value("2*v", {"v": v}, "x"), entry_value(0.5, {}, "x")
    (Fraction(3, 4), 2*v, 0.5)
    >>> entry_value("sqrt(4) / 4", {}, "x"), entry_value(sympy.Symbol("v") + 1, {"v": v}, "x")
    (Fraction(1, 2), v + 1)
    """
    if isinstance(value, str):
        try:
            return parse_number_text(value)
        except NotANumber:
            pass
    elif isinstance(value, numbers.Number) and not isinstance(value, bool):
        try:
            return to_number(value)
        except NotANumber as err:
            raise PayoffError(f"{where}: {err}") from None
    expr = parse_entry(value, symbols, where)
    if expr.free_symbols:
        return expr
    try:
        return to_number(expr)
    except NotANumber as err:
        raise PayoffError(f"{where}: {err}") from None
