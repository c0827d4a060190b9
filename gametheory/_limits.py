r"""Resource limits on untrusted input: the one place each limit is defined.

Text from users and files (payoff expressions, conditions, LaTeX symbols, ``.nfg`` and
scenario files) is data. Every limit below bounds the time or memory that such text can
make the toolkit spend, so that a hostile input ends quickly with a
:class:`~gametheory.errors.GameError` that names the limit, never with a hang, a
``MemoryError`` or a bare ``ValueError``/``OverflowError``. The security model, with what
is trusted and what is not, is in ``docs/security.md``.

Each constant is a plain module attribute; modules import the constant (never copy its
value), so changing it here changes it everywhere.

Examples
--------
>>> from gametheory import _limits
>>> _limits.MAX_POWER, _limits.MAX_FILE_BYTES
(1000, 1000000)
"""

from __future__ import annotations

__all__ = ["MAX_EXPRESSION_LENGTH", "MAX_EXPRESSION_DEPTH", "MAX_LITERAL_LENGTH",
           "MAX_POWER", "MAX_NUMBER_BITS", "MAX_TRANSCENDENTAL_NESTING", "MAX_EVALUATION_BITS",
           "MAX_EXP_ARGUMENT",
           "MAX_SYMBOL_LENGTH", "MAX_FILE_BYTES", "MAX_NFG_BYTES",
           "MAX_NFG_NUMBER_LENGTH"]

# ----------------------------------------------------------------- payoff expressions
#: Longest expression or condition string, in characters.
MAX_EXPRESSION_LENGTH = 10_000
#: Deepest nesting of parentheses, unary signs, powers and calls in one expression.
MAX_EXPRESSION_DEPTH = 100
#: Longest numeric literal, in characters (Python's ``int()`` refuses 4,300 digits).
MAX_LITERAL_LENGTH = 400
#: Largest magnitude of a numeric exponent, after folding: ``c^1000`` is accepted,
#: ``(c^1000)^2`` (which sympy folds to ``c^2000``) and ``c^1000 * c^1000`` are not.
MAX_POWER = 1000
#: Largest bit size of the numerator or denominator of any exact number in a parsed
#: expression, literal or folded (``2^1000``, ``1e300 * 1e3``): :math:`2^{1020} \approx
#: 1.1 \times 10^{307}`, so every number also converts to a float (``1e4000`` and
#: ``1e-400`` are refused).
MAX_NUMBER_BITS = 1020
#: Deepest nesting of ``exp`` and ``log`` (``exp(exp(c))`` is 2; ``exp(exp(exp(c)))``
#: is refused).
MAX_TRANSCENDENTAL_NESTING = 2

# ----------------------------------------------------------------- evaluation at a point
#: Largest estimated bit size :math:`|e| \log_2 |b|` of a power :math:`b^e` computed
#: exactly when a parameter point is substituted (``3^c`` at ``c = 10^15`` is refused
#: before anything is computed).
MAX_EVALUATION_BITS = 100_000
#: Largest :math:`|x|` for which ``exp(x)`` is evaluated at a point (``exp(710)``
#: already overflows a float).
MAX_EXP_ARGUMENT = 10_000

# ----------------------------------------------------------------- LaTeX
#: Longest LaTeX symbol of a parameter, in characters.
MAX_SYMBOL_LENGTH = 60

# ----------------------------------------------------------------- files
#: Largest scenario (TOML) file, in bytes; at most this many plus one are ever read.
MAX_FILE_BYTES = 1_000_000
#: Largest Gambit ``.nfg`` file, in bytes; at most this many plus one are ever read.
MAX_NFG_BYTES = 5_000_000
#: Longest number in a ``.nfg`` file, in characters: room for the exact decimal form of
#: any float (about 1,100 characters), below Python's 4,300-digit ``int()`` limit.
MAX_NFG_NUMBER_LENGTH = 4000
