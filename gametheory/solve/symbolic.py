r"""Symbolic equilibrium analysis of parametric two-player games.

Let :math:`(A(\theta), B(\theta))` be an :math:`m \times n` bimatrix game whose payoffs
are expressions in parameters :math:`\theta`.

*Pure equilibria.* A pure profile :math:`(i, j)` is a Nash equilibrium iff
:math:`A_{ij} \ge A_{kj}` for every row :math:`k` and :math:`B_{ij} \ge B_{il}` for every
column :math:`l` (Nash 1951; e.g. Osborne, *An Introduction to Game Theory*, 2004,
ch. 2). :func:`pure_conditions` returns the conjunction of these inequalities, each
rewritten as ``positive terms >= negative terms`` and dropped when it holds for every
parameter value within the declared bounds.

*Mixed equilibria on a support.* For supports :math:`I \subseteq` rows and
:math:`J \subseteq` columns, the *support enumeration* conditions (Algorithm 3.4 of
Nisan, Roughgarden, Tardos and Vazirani, *Algorithmic Game Theory*, 2007, sec. 3.3;
von Stengel 2007) are: the column mix :math:`y` with :math:`\sum_{j\in J} y_j = 1`,
:math:`y_j = 0` off :math:`J`, makes the row player indifferent on :math:`I`,
:math:`(Ay)_i = u` for :math:`i \in I`; symmetrically :math:`x` makes the column player
indifferent on :math:`J`; and the pair is an equilibrium iff :math:`x, y \ge 0` and no
pure strategy outside the supports pays more, :math:`(Ay)_k \le u`,
:math:`(x^\top B)_l \le v`. :func:`mixed_equilibrium` solves the two linear systems
symbolically (they have a unique solution iff their matrices are non-singular, which is
part of the returned conditions) and returns a :class:`SymbolicEquilibrium`.

*Regimes.* :func:`regimes` partitions generic parameter space by equilibrium
structure: it enumerates candidate support pairs of equal size, factors every
expression whose sign decides a candidate's validity, enumerates sign patterns of those
factors, keeps the patterns that are feasible within the bounds and constraints (by
linear programming when every factor is linear in the parameters, by random sampling
otherwise), and groups patterns with the same set of equilibria. Boundaries between
regimes (ties, where the game is degenerate) are excluded. This is exponential in the
number of factors, so it is meant for 2x2 and small games.

*Comparative statics.* :func:`comparative_statics` differentiates an equilibrium
quantity (a mixing probability or a payoff) in a parameter and decides its sign where
the bounds allow. The textbook example is the inspection game, where the inspectee's
equilibrium mixing probability depends only on the inspector's payoffs (Tsebelis 1989,
"The abuse of probability in political analysis: the Robinson Crusoe fallacy", APSR 83).

Sign decisions use sympy's assumption system with each parameter replaced by a symbol
carrying the sign information of its bounds (positive when the lower bound is positive,
and so on); relations between parameters declared as constraints are not used there.

Examples
--------
>>> import gametheory as gt
>>> mp = gt.ParametricGame([["a", "-a"], ["-a", "a"]], [["-a", "a"], ["a", "-a"]],
...                        [gt.Parameter("a", bounds=(0, None))])
>>> mp.conditions((0, 0))
a <= 0
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import sympy

from ..errors import LabelError, ParameterError, SolverError

if TYPE_CHECKING:  # pragma: no cover
    from ..game import Equilibrium
    from ..parametric import ParametricGame

__all__ = [
    "pure_conditions",
    "mixed_equilibrium",
    "SymbolicEquilibrium",
]


# ---------------------------------------------------------------------- sign machinery
def _assumed_symbols(game: ParametricGame) -> dict[sympy.Symbol, sympy.Symbol]:
    """Map each parameter symbol to a symbol carrying the sign its bounds imply."""
    out = {}
    for p in game.parameters:
        kw: dict[str, bool] = {"real": True}
        if p.bounds is not None:
            lo, hi = p.bounds
            if lo is not None and lo > 0:
                kw["positive"] = True
            elif lo is not None and lo == 0:
                kw["nonnegative"] = True
            elif hi is not None and hi < 0:
                kw["negative"] = True
            elif hi is not None and hi == 0:
                kw["nonpositive"] = True
        out[p.sympy] = sympy.Symbol(p.name, **kw) if len(kw) > 1 else p.sympy
    return out


def _normalise(rel: sympy.Basic) -> sympy.Basic:
    """Rewrite ``lhs op rhs`` as ``positive terms op negative terms`` (readable form)."""
    if not isinstance(rel, sympy.core.relational.Relational):
        return rel
    diff = sympy.expand(rel.lhs - rel.rhs)
    num, den = sympy.fraction(sympy.together(diff))
    if den.is_number and den.is_positive:
        diff = sympy.expand(num)
    if diff.is_number:
        return type(rel)(diff, 0)
    content, diff = diff.as_content_primitive()
    pos, neg = [], []
    for term in sympy.Add.make_args(diff):
        coeff = term.as_coeff_Mul()[0]
        (neg if coeff.is_negative else pos).append(term)
    lhs = sympy.Add(*pos)
    rhs = -sympy.Add(*neg)
    if not pos:  # "0 >= a" reads better as "a <= 0"
        return _FLIP[type(rel)](rhs, 0)
    return type(rel)(lhs, rhs)


_FLIP = {sympy.GreaterThan: sympy.LessThan, sympy.LessThan: sympy.GreaterThan,
         sympy.StrictGreaterThan: sympy.StrictLessThan,
         sympy.StrictLessThan: sympy.StrictGreaterThan,
         sympy.Equality: sympy.Equality, sympy.Unequality: sympy.Unequality}


def _simplify_condition(cond: sympy.Basic, game: ParametricGame, assume_bounds: bool
                        ) -> sympy.Basic:
    """Normalise each relation and drop those the parameter bounds decide."""
    if cond in (sympy.true, sympy.false):
        return cond
    assumed = _assumed_symbols(game) if assume_bounds else {}
    back = {v: k for k, v in assumed.items()}

    def visit(c: sympy.Basic) -> sympy.Basic:
        if isinstance(c, sympy.core.relational.Relational):
            c = _normalise(c)
            if assumed:
                decided = _decide(c, assumed, back)
                if decided is not None:
                    return decided
            return c
        if isinstance(c, sympy.And | sympy.Or | sympy.Not):
            return type(c)(*(visit(a) for a in c.args))
        return c

    return visit(cond)


def _decide(rel: sympy.Basic, assumed: dict, back: dict) -> sympy.Basic | None:
    """True/False if the sign of ``lhs - rhs`` is fixed under the bound assumptions."""
    diff = sympy.factor(sympy.together((rel.lhs - rel.rhs).xreplace(assumed)))
    pos, nonneg, neg, nonpos, zero = (diff.is_positive, diff.is_nonnegative,
                                      diff.is_negative, diff.is_nonpositive, diff.is_zero)
    if isinstance(rel, sympy.GreaterThan):
        return sympy.true if nonneg else (sympy.false if neg else None)
    if isinstance(rel, sympy.StrictGreaterThan):
        return sympy.true if pos else (sympy.false if nonpos else None)
    if isinstance(rel, sympy.LessThan):
        return sympy.true if nonpos else (sympy.false if pos else None)
    if isinstance(rel, sympy.StrictLessThan):
        return sympy.true if neg else (sympy.false if nonneg else None)
    if isinstance(rel, sympy.Unequality):
        return sympy.true if (pos or neg) else (sympy.false if zero else None)
    if isinstance(rel, sympy.Equality):
        return sympy.true if zero else (sympy.false if (pos or neg) else None)
    return None


def sign(expr: sympy.Expr, game: ParametricGame) -> int | None:
    """Sign (+1, 0, -1) of ``expr`` for all parameter values within the bounds, or None.

    ``+1`` means positive everywhere, ``-1`` negative everywhere and ``0`` identically
    zero; ``None`` when the sign varies or sympy cannot decide it (e.g. it would need a
    declared constraint).

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", bounds=(1, None)), "b"])
    >>> sign(p.symbols["a"] + 2, p), sign(p.symbols["b"], p)
    (1, None)
    """
    e = sympy.factor(sympy.together(sympy.sympify(expr).xreplace(_assumed_symbols(game))))
    if e.is_zero:
        return 0
    if e.is_positive:
        return 1
    if e.is_negative:
        return -1
    return None


# ---------------------------------------------------------------------- pure profiles
def _pure_index(game: ParametricGame, profile: Sequence[int | str]) -> tuple[int, int]:
    if isinstance(profile, str) or not isinstance(profile, Sequence) or len(profile) != 2:
        raise LabelError(f"a pure profile is a pair (row strategy, column strategy), got "
                         f"{profile!r}")
    return game.strategy_index(0, profile[0]), game.strategy_index(1, profile[1])


def pure_conditions(game: ParametricGame, profile: Sequence[int | str], *,
                    assume_bounds: bool = True) -> sympy.Basic:
    r"""Condition under which the pure profile ``(i, j)`` is a Nash equilibrium.

    The conjunction of :math:`A_{ij} \ge A_{kj}` (:math:`k \ne i`) and
    :math:`B_{ij} \ge B_{il}` (:math:`l \ne j`), each written as ``positive terms >=
    negative terms``; with ``assume_bounds`` inequalities that the parameter bounds
    decide are replaced by true or false. Returns ``sympy.true`` / ``sympy.false`` when
    the answer does not depend on the parameters.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
    ...                        ["R", "S", "T", "P"], strategies=(("C", "D"), ("C", "D")))
    >>> pure_conditions(pd, ("C", "C"))
    R >= T
    """
    i, j = _pure_index(game, profile)
    A, B = game.A, game.B
    m, n = game.shape
    rels = [sympy.Ge(A[i, j], A[k, j]) for k in range(m) if k != i]
    rels += [sympy.Ge(B[i, j], B[i, l]) for l in range(n) if l != j]
    cond = sympy.And(*[_normalise(r) for r in rels])
    return _simplify_condition(cond, game, assume_bounds)


# ---------------------------------------------------------------------- mixed supports
@dataclass(frozen=True)
class SymbolicEquilibrium:
    """A closed-form equilibrium on a support pair, valid where ``conditions`` holds.

    Attributes
    ----------
    support : pair of tuples of int
        Row and column support (indices).
    row, col : tuple of sympy.Expr
        Probabilities of every strategy (zero off the support).
    payoffs : pair of sympy.Expr
        Equilibrium payoffs of the row and column player.
    conditions : sympy Boolean
        Validity: non-singular indifference systems, non-negative probabilities and no
        profitable deviation outside the supports.
    game : ParametricGame
        The game (not part of equality).
    """

    support: tuple[tuple[int, ...], tuple[int, ...]]
    row: tuple[sympy.Expr, ...]
    col: tuple[sympy.Expr, ...]
    payoffs: tuple[sympy.Expr, sympy.Expr]
    conditions: sympy.Basic
    game: Any = field(compare=False, repr=False, default=None)

    def probabilities(self) -> dict[str, sympy.Expr]:
        """``{"<player>: <strategy>": probability}`` for every strategy."""
        g = self.game
        out = {}
        for p, mix in enumerate((self.row, self.col)):
            for k, v in enumerate(mix):
                out[f"{g.players[p]}: {g.strategies[p][k]}"] = v
        return out

    def holds(self, **values: Any) -> bool:
        """Whether the equilibrium is valid at a parameter point (defaults fill the rest)."""
        point = self.game.values(**values)
        return bool(self.conditions.xreplace(self.game._subs_map(point)) == sympy.true)

    def at(self, **values: Any) -> Equilibrium:
        """The numeric Equilibrium at a parameter point (exact for rational values).

        Raises :class:`ParameterError` if the conditions fail at that point.
        """
        from ..game import Equilibrium

        g = self.game
        point = g.values(**values)
        sub = g._subs_map(point)
        ok = self.conditions.xreplace(sub)
        if ok != sympy.true:
            raise ParameterError(f"the equilibrium on support {self.support} is not valid at "
                                 f"{point}: {self.conditions} is false there")

        def num(e: sympy.Expr) -> Fraction | float:
            v = sympy.nsimplify(e.xreplace(sub)) if False else e.xreplace(sub)
            if v.is_Rational:
                return Fraction(int(v.p), int(v.q))
            return float(v)

        row = tuple(num(v) for v in self.row)
        col = tuple(num(v) for v in self.col)
        pay = (num(self.payoffs[0]), num(self.payoffs[1]))
        return Equilibrium(row, col, pay, g.players, g.strategies)

    def describe(self) -> str:
        g = self.game
        parts = []
        for p, mix in enumerate((self.row, self.col)):
            terms = [(g.strategies[p][k] if v == 1 else f"({v}) {g.strategies[p][k]}")
                     for k, v in enumerate(mix) if v != 0]
            parts.append(f"{g.players[p]}: {' + '.join(terms)}")
        return "; ".join(parts)

    def __repr__(self) -> str:
        return f"SymbolicEquilibrium({self.describe()}; if {self.conditions})"

    def _repr_latex_(self) -> str:
        names = self.game._latex_names()
        lat = [sympy.latex(v, symbol_names=names) for v in (*self.row, *self.col)]
        cond = sympy.latex(self.conditions, symbol_names=names)
        k = len(self.row)
        return (rf"$x = ({', '.join(lat[:k])}),\ y = ({', '.join(lat[k:])})"
                rf"\quad \text{{if }} {cond}$")


def _support_indices(game: ParametricGame, support: Sequence[Sequence[int | str]]
                     ) -> tuple[tuple[int, ...], tuple[int, ...]]:
    if isinstance(support, str) or not isinstance(support, Sequence) or len(support) != 2:
        raise LabelError(f"a support is a pair (row strategies, column strategies), got "
                         f"{support!r}")
    out = []
    for p in (0, 1):
        s = support[p]
        if isinstance(s, str | int):
            s = [s]
        idx = tuple(sorted({game.strategy_index(p, k) for k in s}))
        if not idx:
            raise LabelError(f"the support of {game.players[p]} is empty")
        out.append(idx)
    return out[0], out[1]


def _solve_indifference(M: sympy.Matrix, support_other: tuple[int, ...],
                        support_own: tuple[int, ...], size_other: int
                        ) -> tuple[list[sympy.Expr], sympy.Expr, sympy.Expr]:
    """Solve (M y)_i = u on ``support_own``, sum y = 1, y = 0 off ``support_other``.

    ``M`` is indexed [own, other]. Returns (y over all ``size_other``, u, determinant).
    """
    k, h = len(support_own), len(support_other)
    if k != h:
        raise SolverError(f"supports of sizes {k} and {h}: indifference systems have a unique "
                          "solution only for supports of equal size")
    S = sympy.zeros(k + 1, k + 1)
    for r, i in enumerate(support_own):
        for c, j in enumerate(support_other):
            S[r, c] = M[i, j]
        S[r, k] = -1
    for c in range(k):
        S[k, c] = 1
    rhs = sympy.zeros(k + 1, 1)
    rhs[k] = 1
    det = sympy.factor(S.det(method="berkowitz"))
    if det == 0:
        raise SolverError("the indifference system is singular for every parameter value "
                          "(degenerate support); try another support")
    adj = S.adjugate(method="berkowitz")
    sol = [sympy.cancel((adj * rhs)[r] / det) for r in range(k + 1)]
    y = [sympy.Integer(0)] * size_other
    for c, j in enumerate(support_other):
        y[j] = sol[c]
    return y, sol[k], det


def mixed_equilibrium(game: ParametricGame, support: Sequence[Sequence[int | str]], *,
                      assume_bounds: bool = True, strict: bool = False
                      ) -> SymbolicEquilibrium:
    r"""Closed-form equilibrium on a support pair and the conditions for its validity.

    Solves the indifference equations of support enumeration (module docstring).
    ``strict=True`` requires probabilities on the support to be positive (the support is
    then exactly the given one); the default allows zeros, i.e. a valid equilibrium whose
    support lies within the given one.

    Raises :class:`SolverError` for supports of unequal size or indifference systems that
    are singular for all parameter values.

    Examples
    --------
    The inspection game (Tsebelis 1989; Avenhaus, von Stengel and Zamir 2002): the
    inspectee violates or complies, the inspector inspects or not. With gain ``g`` from an
    undetected violation, penalty ``f``, inspection cost ``c`` and loss ``l`` from an
    undetected violation, the inspectee violates with probability ``c/l`` and the inspector
    inspects with probability ``g/(g + f)``:

    >>> import gametheory as gt
    >>> pos = (0, None)
    >>> p = gt.ParametricGame([["-f", "g"], [0, 0]], [["-c", "-l"], ["-c", 0]],
    ...                       [gt.Parameter(n, bounds=pos) for n in "gfcl"],
    ...                       strategies=(("Violate", "Comply"), ("Inspect", "Trust")))
    >>> eq = mixed_equilibrium(p, (("Violate", "Comply"), ("Inspect", "Trust")))
    >>> eq.row, eq.col
    ((c/l, (-c + l)/l), (g/(f + g), f/(f + g)))
    """
    I, J = _support_indices(game, support)
    A = sympy.Matrix(game.A)
    B = sympy.Matrix(game.B)
    m, n = game.shape
    y, u, det_row = _solve_indifference(A, J, I, n)      # column mix makes row indifferent
    x, v, det_col = _solve_indifference(B.T, I, J, m)    # row mix makes column indifferent
    xv = sympy.Matrix(x)
    yv = sympy.Matrix(y)
    rels: list[sympy.Basic] = []
    if not det_row.is_number:
        rels.append(sympy.Ne(det_row, 0))
    if not det_col.is_number:
        rels.append(sympy.Ne(det_col, 0))
    for k in I:
        rels.append((sympy.Gt if strict else sympy.Ge)(x[k], 0))
    for k in J:
        rels.append((sympy.Gt if strict else sympy.Ge)(y[k], 0))
    Ay = A * yv
    xB = xv.T * B
    for k in range(m):
        if k not in I:
            rels.append(sympy.Le(sympy.cancel(Ay[k] - u), 0))
    for k in range(n):
        if k not in J:
            rels.append(sympy.Le(sympy.cancel(xB[k] - v), 0))
    cond = _simplify_condition(sympy.And(*[_fraction_relation(r) for r in rels]), game,
                               assume_bounds)
    return SymbolicEquilibrium((I, J), tuple(x), tuple(y), (sympy.factor(u), sympy.factor(v)),
                               cond, game)


def _fraction_relation(rel: sympy.Basic) -> sympy.Basic:
    """Simplify ``N/D op 0`` when the sign of ``D`` is a number; keep it readable."""
    if not isinstance(rel, sympy.core.relational.Relational) or rel == sympy.true \
            or rel == sympy.false:
        return rel
    expr = sympy.together(rel.lhs - rel.rhs)
    num, den = sympy.fraction(expr)
    if den.is_number:
        num = num / den
        return type(rel)(sympy.expand(num), 0)
    return type(rel)(sympy.factor(expr), 0)


def _unused() -> None:  # pragma: no cover
    itertools  # noqa: B018
