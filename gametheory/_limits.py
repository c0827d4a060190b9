r"""Resource limits on untrusted input: the one place each limit is defined.

Text from users and files (payoff expressions, conditions, LaTeX symbols, ``.nfg`` and
scenario files) is data. Every limit below bounds the time or memory that such text can
make the toolkit spend, so that a hostile input ends quickly with a
:class:`~gametheory.errors.GameError` that names the limit, never with a hang, a
``MemoryError`` or a bare ``ValueError``/``OverflowError``. The security model, with what
is trusted and what is not, is in ``docs/security.md``.

Each constant is a plain module attribute; modules import the constant (never copy its
value into a literal), so changing it here changes it everywhere. The solver and sweep
limits are read at each call, so a trusted caller with more memory may also raise them
for a session (``gametheory._limits.MAX_SWEEP_POINTS = 10**7``).

Examples
--------
>>> from gametheory import _limits
>>> _limits.MAX_POWER, _limits.MAX_FILE_BYTES
(1000, 1000000)
"""

from __future__ import annotations

from math import comb

__all__ = ["MAX_EXPRESSION_LENGTH", "MAX_EXPRESSION_DEPTH", "MAX_LITERAL_LENGTH",
           "MAX_POWER", "MAX_NUMBER_BITS", "MAX_TRANSCENDENTAL_NESTING", "MAX_EVALUATION_BITS",
           "MAX_EXP_ARGUMENT", "MAX_EXPANDED_TERMS",
           "MAX_SYMBOL_LENGTH", "MAX_FILE_BYTES", "MAX_NFG_BYTES",
           "MAX_NFG_NUMBER_LENGTH", "MAX_EXACT_BASES", "MAX_SUPPORT_PAIRS",
           "MAX_BATCH_BASES", "MAX_BATCH_BYTES", "MAX_SWEEP_POINTS", "MAX_SWEEP_AXES"]

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
#: Largest number of terms an expression may have when multiplied out, estimated after
#: folding (:func:`gametheory.core.expressions.expanded_terms`): ``(a + b)^1000`` (1,001
#: terms) is accepted, ``(a + b + c)^1000`` (501,501) is not, so no symbolic analysis
#: that expands payoff differences can be made to build millions of terms.
MAX_EXPANDED_TERMS = 100_000

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

# ----------------------------------------------------------------- solvers
#: Largest worst-case number of bases the exact vertex enumeration may visit: the sum,
#: over both best-response polytopes, of McMullen's upper bound :func:`vertex_bound` on
#: their lexicographically feasible bases. A 16 x 16 game (1,961,256) is accepted, a
#: 17 x 17 game (about 4.3 million) or a 100 x 100 game is refused before anything is
#: computed, with a ``SolverError`` naming this limit and the methods that can handle it.
MAX_EXACT_BASES = 2_000_000
#: Largest number of support pairs :math:`\sum_k \binom{m}{k}\binom{n}{k}` that nashpy's
#: support enumeration (``method="support"``) may try (a 10 x 10 game has 184,755).
MAX_SUPPORT_PAIRS = 200_000
#: Largest number of candidate bases :math:`\sum_k \binom{m}{k}\binom{n}{k}` per game in
#: the vectorised batch solver (a 5 x 5 game has 251, 6 x 6 has 923, 7 x 7 has 3,431);
#: larger games are refused with a ``SolverError`` that points to ``method="exact"``.
MAX_BATCH_BASES = 1000
#: Working memory of the batch solver per chunk of games, in bytes: chunks are cut so
#: that their arrays (including the pairing of degenerate games) stay below it.
MAX_BATCH_BYTES = 256_000_000

# ----------------------------------------------------------------- sweeps
#: Largest number of points of one sweep or sample (the product of the axis lengths,
#: computed exactly: ``7`` axes of ``600`` values are refused, not wrapped to a negative
#: int64). A sweep keeps its result in memory, about 500 bytes per point of a 2x2 game
#: (a million points: 0.66 GiB peak), so this keeps one under about 2 GB.
MAX_SWEEP_POINTS = 2_000_000
#: Most swept parameters of one grid.
MAX_SWEEP_AXES = 32


def vertex_bound(d: int, f: int) -> int:
    r"""McMullen's upper bound on the vertices of a :math:`d`-polytope with :math:`f` facets.

    .. math::

        \binom{f - \lceil d/2 \rceil}{\lfloor d/2 \rfloor}
        + \binom{f - \lfloor d/2 \rfloor - 1}{\lceil d/2 \rceil - 1}

    (McMullen 1970, "The maximum numbers of faces of a convex polytope", *Mathematika*
    17). The lexicographically feasible bases of a best-response polytope are the
    vertices of a simple polytope with the same number of facets, so this bounds the
    work of the exact solver before it starts.

    >>> vertex_bound(2, 5), vertex_bound(15, 30)
    (5, 341088)
    """
    if d <= 0:
        return 1
    lo, hi = d // 2, (d + 1) // 2
    return comb(f - hi, lo) + comb(f - lo - 1, hi - 1)
