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
    from ..core.game import Equilibrium
    from ..core.parametric import ParametricGame

__all__ = [
    "pure_conditions",
    "pure_equilibrium",
    "mixed_equilibrium",
    "regimes",
    "comparative_statics",
    "threshold",
    "sign",
    "SymbolicEquilibrium",
    "Regime",
    "ComparativeStatics",
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
    if not den.is_number:  # a rational function: keep "N/D op 0", factored
        return type(rel)(sympy.factor(diff), 0)
    if den.is_positive:
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
            if assumed:
                c = _clear_denominator(c, assumed)
                c = _drop_signed_factors(c, assumed)
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


def _clear_denominator(rel: sympy.Basic, assumed: dict) -> sympy.Basic:
    """``N/D op 0`` becomes ``N op 0`` (or flipped) when the bounds fix the sign of ``D``."""
    num, den = sympy.fraction(sympy.together(rel.lhs - rel.rhs))
    if den.is_number:
        return rel
    d = sympy.factor(den.xreplace(assumed))
    if d.is_positive:
        return type(rel)(num, 0)
    if d.is_negative:
        return _FLIP[type(rel)](num, 0)
    return rel


def _drop_signed_factors(rel: sympy.Basic, assumed: dict) -> sympy.Basic:
    """``theta * X op 0`` becomes ``X op 0`` when the bounds make ``theta`` positive.

    So a parameter that scales both sides of a comparison (e.g. a positive probability)
    cancels out of the condition, as in the analyst's derivation.
    """
    if not isinstance(rel, sympy.core.relational.Relational):
        return rel
    f = sympy.factor(rel.lhs - rel.rhs)
    if not f.is_Mul:
        return rel
    keep, flip, dropped = [], False, False
    for a in f.args:
        sa = a.xreplace(assumed)
        if a.is_number:
            if a.is_negative:
                flip = not flip
            dropped = dropped or a != 1
        elif sa.is_positive:
            dropped = True
        elif sa.is_negative:
            dropped, flip = True, not flip
        else:
            keep.append(a)
    if not dropped or not keep:
        return rel
    return (_FLIP[type(rel)] if flip else type(rel))(sympy.Mul(*keep), 0)


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


def sign(expr: sympy.Expr, game: ParametricGame, *, weak: bool = False) -> int | None:
    """Sign (+1, 0, -1) of ``expr`` for all parameter values within the bounds, or None.

    ``+1`` means positive everywhere, ``-1`` negative everywhere and ``0`` identically
    zero; ``None`` when the sign varies or sympy cannot decide it (e.g. it would need a
    declared constraint). With ``weak=True``, +1 (-1) means non-negative (non-positive)
    wherever defined (a denominator may vanish on the boundary of the bounds) and not
    identically zero.

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", bounds=(1, None)), "b"])
    >>> sign(p.symbols["a"] + 2, p), sign(p.symbols["b"], p)
    (1, None)
    """
    e = sympy.factor(sympy.together(sympy.sympify(expr).xreplace(_assumed_symbols(game))))
    if e.is_zero:
        return 0
    if e.is_positive or (weak and e.is_nonnegative):
        return 1
    if e.is_negative or (weak and e.is_nonpositive):
        return -1
    if weak:  # N/D with a denominator of fixed sign: the sign of N wherever defined
        num, den = sympy.fraction(e)
        flip = 1 if den.is_nonnegative else (-1 if den.is_nonpositive else 0)
        if flip and num.is_nonnegative:
            return flip
        if flip and num.is_nonpositive:
            return -flip
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
        from ..core.game import Equilibrium

        g = self.game
        point = g.values(**values)
        sub = g._subs_map(point)
        ok = self.conditions.xreplace(sub)
        if ok != sympy.true:
            raise ParameterError(f"the equilibrium on support {self.support} is not valid at "
                                 f"{point}: {self.conditions} is false there")

        def num(e: sympy.Expr) -> Fraction | float:
            v = e.xreplace(sub)
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
                        tight_own: tuple[int, ...], size_other: int
                        ) -> tuple[list[sympy.Expr], sympy.Expr, list[sympy.Expr]]:
    """Solve (M y)_i = u for i in ``tight_own``, sum y = 1, y = 0 off ``support_other``.

    ``M`` is indexed [own, other]. Returns (y over all ``size_other``, u, expressions
    that must be nonzero for the solution to be valid). A square system is solved by the
    adjugate (Cramer's rule); an over-determined one by ``sympy.linsolve`` and kept only
    when it is consistent for all parameter values (a structural tie).
    """
    k, h = len(tight_own), len(support_other)
    if k < h:
        raise SolverError(f"{h} unknown probabilities but only {k} indifference equations: "
                          "the support does not determine a unique equilibrium (add tight "
                          "strategies or use supports of equal size)")
    S = sympy.zeros(k + 1, h + 1)
    for r, i in enumerate(tight_own):
        for c, j in enumerate(support_other):
            S[r, c] = M[i, j]
        S[r, h] = -1
    for c in range(h):
        S[k, c] = 1
    rhs = sympy.zeros(k + 1, 1)
    rhs[k] = 1
    if k == h:
        det = sympy.factor(S.det(method="berkowitz"))
        if det == 0:
            raise SolverError("the indifference system is singular for every parameter value "
                              "(degenerate support); try another support")
        adj = S.adjugate(method="berkowitz")
        sol = [sympy.cancel((adj * rhs)[r] / det) for r in range(h + 1)]
        nonzero = [] if det.is_number else [det]
    else:
        unknowns = sympy.symbols(f"_z0:{h + 1}", real=True)
        eqs = [sum((S[r, c] * unknowns[c] for c in range(h + 1)), sympy.Integer(0)) - rhs[r]
               for r in range(k + 1)]
        sols = sympy.linsolve(eqs, *unknowns)
        if not sols:
            raise SolverError("the indifference equations are inconsistent for generic "
                              "parameter values")
        (tup,) = sols
        if any(e.free_symbols & set(unknowns) for e in tup):
            raise SolverError("the indifference equations do not determine the mix")
        sol = [sympy.cancel(e) for e in tup]
        sub = dict(zip(unknowns, sol, strict=True))
        if any(sympy.cancel(e.xreplace(sub)) != 0 for e in eqs):
            raise SolverError("the indifference equations are inconsistent for generic "
                              "parameter values")
        nonzero = []
        for e in sol:
            den = sympy.fraction(sympy.together(e))[1]
            if not den.is_number:
                nonzero.append(sympy.factor(den))
    y = [sympy.Integer(0)] * size_other
    for c, j in enumerate(support_other):
        y[j] = sol[c]
    return y, sol[h], nonzero


def mixed_equilibrium(game: ParametricGame, support: Sequence[Sequence[int | str]], *,
                      tight: Sequence[Sequence[int | str]] = ((), ()),
                      assume_bounds: bool = True, strict: bool = False
                      ) -> SymbolicEquilibrium:
    r"""Closed-form equilibrium on a support pair and the conditions for its validity.

    Solves the indifference equations of support enumeration (module docstring).
    ``strict=True`` requires probabilities on the support to be positive and strategies
    outside the supports (and outside ``tight``) to be strictly worse; the default allows
    zeros and ties, i.e. a valid equilibrium whose support lies within the given one.

    ``tight`` names, for each player, strategies outside the support that are also best
    replies (unplayed but indifferent). In degenerate games, such as the normal form of a
    sequential game, the extreme points of an equilibrium component have supports of
    unequal size; ``tight`` supplies the missing indifference equations.

    Raises :class:`SolverError` when the equations do not determine a unique solution
    or are inconsistent for generic parameter values.

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

    A threat that is never tested: if the aggressor refrains, the defender's plans tie,
    and the extreme equilibrium where the defender intercepts just often enough to deter
    has supports of sizes 1 and 2, with the aggressor's probe as a tight reply:

    >>> q = gt.ParametricGame([[0, 0], ["v", "v - d"]], [[0, 0], [-1, -2]],
    ...                       [gt.Parameter("v", bounds=(0, None)),
    ...                        gt.Parameter("d", bounds=(1, None))],
    ...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
    >>> e = mixed_equilibrium(q, (["Refrain"], ["Tolerate", "Intercept"]), tight=(["Probe"], []))
    >>> e.col, e.conditions
    (((d - v)/d, v/d), d >= v)
    """
    I, J = _support_indices(game, support)
    K, L = _tight_indices(game, tight, I, J)
    A = sympy.Matrix(game.A)
    B = sympy.Matrix(game.B)
    m, n = game.shape
    y, u, nz_row = _solve_indifference(A, J, tuple(sorted(I + K)), n)
    x, v, nz_col = _solve_indifference(B.T, I, tuple(sorted(J + L)), m)
    xv = sympy.Matrix(x)
    yv = sympy.Matrix(y)
    rels: list[sympy.Basic] = [sympy.Ne(e, 0) for e in (*nz_row, *nz_col)]
    for k in I:
        rels.append((sympy.Gt if strict else sympy.Ge)(x[k], 0))
    for k in J:
        rels.append((sympy.Gt if strict else sympy.Ge)(y[k], 0))
    Ay = A * yv
    xB = xv.T * B
    for k in range(m):
        if k not in I and k not in K:
            rels.append((sympy.Lt if strict else sympy.Le)(sympy.cancel(Ay[k] - u), 0))
    for k in range(n):
        if k not in J and k not in L:
            rels.append((sympy.Lt if strict else sympy.Le)(sympy.cancel(xB[k] - v), 0))
    cond = _simplify_condition(sympy.And(*[_fraction_relation(r) for r in rels]), game,
                               assume_bounds)
    return SymbolicEquilibrium((I, J), tuple(x), tuple(y), (sympy.factor(u), sympy.factor(v)),
                               cond, game)


def _tight_indices(game: ParametricGame, tight: Sequence[Sequence[int | str]],
                   I: tuple[int, ...], J: tuple[int, ...]
                   ) -> tuple[tuple[int, ...], tuple[int, ...]]:
    if isinstance(tight, str) or not isinstance(tight, Sequence) or len(tight) != 2:
        raise LabelError(f"tight is a pair (row strategies, column strategies), got {tight!r}")
    out = []
    for p, supp in ((0, I), (1, J)):
        s = tight[p]
        if isinstance(s, str | int):
            s = [s]
        idx = tuple(sorted({game.strategy_index(p, k) for k in s}))
        if set(idx) & set(supp):
            raise LabelError(f"tight strategies of {game.players[p]} must lie outside its "
                             "support")
        out.append(idx)
    return out[0], out[1]


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




def pure_equilibrium(game: ParametricGame, profile: Sequence[int | str], *,
                     assume_bounds: bool = True, strict: bool = False) -> SymbolicEquilibrium:
    """The pure profile as a :class:`SymbolicEquilibrium` with :func:`pure_conditions`.

    ``strict=True`` makes every inequality that depends on the parameters strict (the
    profile is then a strict equilibrium wherever no payoff tie is structural).

    >>> import gametheory as gt
    >>> pd = gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
    ...                        ["R", "S", "T", "P"], strategies=(("C", "D"), ("C", "D")))
    >>> pure_equilibrium(pd, ("D", "D"))
    SymbolicEquilibrium(Row: D; Column: D; if P >= S)
    """
    i, j = _pure_index(game, profile)
    m, n = game.shape
    cond = pure_conditions(game, (i, j), assume_bounds=assume_bounds)
    if strict:
        cond = _simplify_condition(_strict(cond), game, assume_bounds)
    row = tuple(sympy.Integer(int(k == i)) for k in range(m))
    col = tuple(sympy.Integer(int(k == j)) for k in range(n))
    return SymbolicEquilibrium(((i,), (j,)), row, col, (game.A[i, j], game.B[i, j]), cond, game)


def _strict(cond: sympy.Basic) -> sympy.Basic:
    """Replace weak inequalities by strict ones (generic parameter points)."""
    if isinstance(cond, sympy.GreaterThan):
        return sympy.Gt(cond.lhs, cond.rhs)
    if isinstance(cond, sympy.LessThan):
        return sympy.Lt(cond.lhs, cond.rhs)
    if isinstance(cond, sympy.And | sympy.Or):
        return type(cond)(*(_strict(a) for a in cond.args))
    return cond


# ---------------------------------------------------------------------- thresholds
def _relations(cond: sympy.Basic) -> list[sympy.Basic]:
    if isinstance(cond, sympy.core.relational.Relational):
        return [cond]
    if isinstance(cond, sympy.And | sympy.Or | sympy.Not):
        return [r for a in cond.args for r in _relations(a)]
    return []


def threshold(game: ParametricGame, condition: Any, parameter: str) -> list[sympy.Expr]:
    """Values of ``parameter`` at which a relation of ``condition`` becomes an equality.

    ``condition`` is a sympy Boolean (e.g. from :func:`pure_conditions`) or a condition
    string; every relation in it is solved for the parameter (with ``sympy.solve`` on the
    trusted sympy object). Returns the distinct real solutions, as expressions in the other
    parameters, sorted by their string form.

    Examples
    --------
    Interception beats under-reacting iff ``c_I + e_I W_D + r_I < pi h + r_U`` (MODEL.md);
    the credibility loss at which the Defender switches:

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([[0, 0]], [["-h - r_U", "-(1 - pi)*h - c_I - e_I*W_D - r_I"]],
    ...                       ["h", "r_U", "pi", "c_I", "e_I", "W_D", "r_I"])
    >>> threshold(p, "-h - r_U <= -(1 - pi)*h - c_I - e_I*W_D - r_I", "r_U")
    [W_D*e_I + c_I - h*pi + r_I]
    """
    from ..core.expressions import parse_condition

    if isinstance(condition, str):
        syms = game.symbols
        condition = parse_condition(condition, syms, symbols=syms)
    sym = game.symbols.get(parameter)
    if sym is None:
        raise ParameterError(f"unknown parameter {parameter!r}; parameters are "
                             f"{list(game.parameter_names)}")
    out: dict[str, sympy.Expr] = {}
    for rel in _relations(condition):
        diff = rel.lhs - rel.rhs
        if sym not in diff.free_symbols:
            continue
        num = sympy.fraction(sympy.together(diff))[0]
        for sol in sympy.solve(sympy.Eq(num, 0), sym):
            if sol.is_real is False:
                continue
            sol = sympy.simplify(sol)
            out.setdefault(str(sol), sol)
    return [out[k] for k in sorted(out)]


# ---------------------------------------------------------------------- comparative statics
@dataclass(frozen=True)
class ComparativeStatics:
    """The derivative of an equilibrium quantity in a parameter, and its sign.

    Attributes
    ----------
    quantity : str
        What was differentiated (``"Row: Violate"``, ``"payoff: Column"`` or the expression).
    parameter : str
        The parameter.
    expression : sympy.Expr
        The quantity as a function of the parameters.
    derivative : sympy.Expr
        Its partial derivative, simplified.
    sign : int or None
        0 if the derivative is identically zero (the quantity does not depend on the
        parameter); +1 (-1) if it is non-negative (non-positive) for every parameter value
        within the declared bounds, i.e. the quantity is weakly increasing (decreasing);
        None if its sign varies or cannot be decided.
    """

    quantity: str
    parameter: str
    expression: sympy.Expr
    derivative: sympy.Expr
    sign: int | None

    def describe(self) -> str:
        """One line: ``"Inspector: Inspect decreases with f (d/df = -g/f**2)"``."""
        if self.sign == 0:
            return f"{self.quantity} does not depend on {self.parameter}"
        word = {1: "increases with", -1: "decreases with",
                None: "has no fixed direction in"}[self.sign]
        return f"{self.quantity} {word} {self.parameter} (d/d{self.parameter} = " \
            f"{self.derivative})"

    def __repr__(self) -> str:
        return f"ComparativeStatics({self.describe()})"

    def _repr_html_(self) -> str:
        import html

        return f"<code>{html.escape(self.describe())}</code>"


def _quantity(game: ParametricGame, quantity: Any, support: Any) -> tuple[str, sympy.Expr]:
    from ..core.expressions import parse_expression

    if isinstance(quantity, sympy.Expr):
        return str(quantity), quantity
    if isinstance(quantity, str) and ":" not in quantity:
        syms = game.symbols
        return quantity, parse_expression(quantity, syms, symbols=syms)
    if support is None:
        support = (tuple(range(game.shape[0])), tuple(range(game.shape[1])))
    eq = support if isinstance(support, SymbolicEquilibrium) else \
        mixed_equilibrium(game, support)
    if isinstance(quantity, str):
        head, _, tail = (t.strip() for t in quantity.partition(":"))
        if head == "payoff":
            p = game.player_index(tail)
            return quantity, eq.payoffs[p]
        p = game.player_index(head)
        k = game.strategy_index(p, tail)
        return quantity, (eq.row, eq.col)[p][k]
    if isinstance(quantity, tuple) and len(quantity) == 2:
        p = game.player_index(quantity[0])
        k = game.strategy_index(p, quantity[1])
        return f"{game.players[p]}: {game.strategies[p][k]}", (eq.row, eq.col)[p][k]
    raise ParameterError(f"quantity must be an expression, 'player: strategy', 'payoff: "
                         f"player' or a (player, strategy) pair; got {quantity!r}")


def comparative_statics(game: ParametricGame, quantity: Any, parameter: str, *,
                        support: Any = None) -> ComparativeStatics:
    r"""Derivative of an equilibrium quantity in a parameter and its sign under the bounds.

    Parameters
    ----------
    quantity : str, tuple or sympy.Expr
        ``"<player>: <strategy>"`` (a mixing probability), ``"payoff: <player>"``, a
        ``(player, strategy)`` pair, an expression string in the parameters, or a sympy
        expression.
    parameter : str
        The parameter to differentiate in.
    support : support pair or SymbolicEquilibrium, optional
        The equilibrium the quantity refers to; default: full support.

    Examples
    --------
    The Tsebelis (1989) paradox in the inspection game: raising the penalty ``f`` does not
    change how often the inspectee violates; it lowers how often the inspector inspects.

    >>> import gametheory as gt
    >>> pos = (0, None)
    >>> p = gt.ParametricGame([["g - f", "g"], [0, 0]], [["-c", "-l"], ["-c", 0]],
    ...                       [gt.Parameter(n, bounds=(1, None)) for n in "gfcl"],
    ...                       players=("Inspectee", "Inspector"),
    ...                       strategies=(("Violate", "Comply"), ("Inspect", "Trust")))
    >>> comparative_statics(p, "Inspectee: Violate", "f").sign
    0
    >>> comparative_statics(p, "Inspector: Inspect", "f")
    ComparativeStatics(Inspector: Inspect decreases with f (d/df = -g/f**2))
    >>> comparative_statics(p, "Inspectee: Violate", "f")
    ComparativeStatics(Inspectee: Violate does not depend on f)
    """
    sym = game.symbols.get(parameter)
    if sym is None:
        raise ParameterError(f"unknown parameter {parameter!r}; parameters are "
                             f"{list(game.parameter_names)}")
    name, expr = _quantity(game, quantity, support)
    deriv = sympy.factor(sympy.simplify(sympy.diff(expr, sym)))
    return ComparativeStatics(name, parameter, expr, deriv, sign(deriv, game, weak=True))


# ---------------------------------------------------------------------- regimes
@dataclass(frozen=True)
class Regime:
    """A region of parameter space with one equilibrium structure.

    Attributes
    ----------
    label : str
        The equilibria present, e.g. ``"(D, D)"`` or ``"(Up, Left); mixed"``.
    condition : sympy Boolean
        Where the regime holds (strict inequalities; boundaries excluded).
    equilibria : tuple of SymbolicEquilibrium
        The equilibria, in closed form, valid throughout the region.
    witness : dict
        A parameter point inside the region (exact rationals).
    verified : bool or None
        Whether exact numeric solving at the witness finds exactly these equilibria
        (None when not checked). False flags a structure the symbolic candidates miss,
        e.g. extreme equilibria of a degenerate game when ``tight`` was off.
    """

    label: str
    condition: sympy.Basic
    equilibria: tuple[SymbolicEquilibrium, ...]
    witness: dict = field(compare=False)
    verified: bool | None = field(default=None, compare=False)

    @property
    def supports(self) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
        """The support pair of each equilibrium."""
        return tuple(e.support for e in self.equilibria)

    @property
    def name(self) -> str:
        """Alias of ``label`` (what regime tables read)."""
        return self.label

    def __repr__(self) -> str:
        return f"Regime({self.label!r}: {self.condition})"

    def _latex_condition(self) -> str:
        g = self.equilibria[0].game if self.equilibria else None
        names = g._latex_names() if g is not None else {}
        return sympy.latex(self.condition, symbol_names=names)

    def _repr_latex_(self) -> str:
        label = self.label.replace("{", r"\{").replace("}", r"\}")
        return rf"$\text{{{label}}}:\quad {self._latex_condition()}$"

    def _repr_html_(self) -> str:
        import html

        return (f"<b>{html.escape(self.label)}</b> where "
                f"<code>{html.escape(str(self.condition))}</code>")


def _candidate_label(game: ParametricGame, eq: SymbolicEquilibrium) -> str:
    I, J = eq.support
    if len(I) == 1 and len(J) == 1:
        return f"({game.strategies[0][I[0]]}, {game.strategies[1][J[0]]})"
    r = ", ".join(game.strategies[0][i] for i in I)
    c = ", ".join(game.strategies[1][j] for j in J)
    return f"mixed {{{r}}} x {{{c}}}"


def _subsets(items: Sequence[int], max_size: int | None = None):
    top = len(items) if max_size is None else min(max_size, len(items))
    for k in range(top + 1):
        yield from itertools.combinations(items, k)


def _candidates(game: ParametricGame, max_support: int | None, tight: bool
                ) -> list[SymbolicEquilibrium]:
    """Support pairs (with tight unplayed replies when ``tight``) and their strict conditions.

    Without ``tight`` only supports of equal size are tried: the extreme equilibria of a
    nondegenerate game. With it, supports of any sizes with every choice of unplayed
    best replies completing the indifference equations: the extreme equilibria of
    degenerate games too (exponential: small games only). Duplicates (the same closed
    form reached through different tight sets) are merged.
    """
    m, n = game.shape
    top = min(m, n) if max_support is None else max_support
    rows, cols = range(m), range(n)
    out: dict[tuple, SymbolicEquilibrium] = {}
    for I in _subsets(rows, top):
        if not I:
            continue
        for J in _subsets(cols, top):
            if not J or (not tight and len(I) != len(J)):
                continue
            Ks = _subsets([r for r in rows if r not in I]) if tight else [()]
            for K in Ks:
                if len(I) + len(K) < len(J):
                    continue
                Ls = _subsets([c for c in cols if c not in J]) if tight else [()]
                for L in Ls:
                    if len(J) + len(L) < len(I):
                        continue
                    if (K or L) and len(I) + len(K) != len(J) and len(J) + len(L) != len(I):
                        continue  # both systems over-determined: nothing new
                    try:
                        if len(I) == 1 and len(J) == 1 and not K and not L:
                            eq = pure_equilibrium(game, (I[0], J[0]), strict=True)
                        else:
                            eq = mixed_equilibrium(game, (I, J), tight=(K, L), strict=True)
                    except SolverError:
                        continue
                    if eq.conditions == sympy.false:
                        continue
                    key = (eq.support, tuple(sympy.cancel(v) for v in (*eq.row, *eq.col)))
                    if key in out:
                        old = out[key]
                        merged = _simplify_condition(sympy.Or(old.conditions, eq.conditions),
                                                     game, True)
                        eq = SymbolicEquilibrium(old.support, old.row, old.col, old.payoffs,
                                                 merged, game)
                    out[key] = eq
    return list(out.values())


def _sign_factors(game: ParametricGame, conds: Sequence[sympy.Basic]
                  ) -> tuple[list[sympy.Expr], list[int | None]]:
    """Irreducible factors deciding the conditions, each with its fixed sign or None.

    A factor whose sign the bounds fix weakly (e.g. ``cohesion`` in [0, 1]) is kept with
    that sign, so witness points stay off the boundary where it vanishes.
    """
    factors: dict[sympy.Expr, int | None] = {}
    for c in conds:
        for rel in _relations(c):
            num, den = sympy.fraction(sympy.together(rel.lhs - rel.rhs))
            for part in (num, den):
                _, flist = sympy.factor_list(sympy.expand(part))
                for f, _mult in flist:
                    if f.is_number:
                        continue
                    if f.could_extract_minus_sign():
                        f = -f
                    f = sympy.expand(f)
                    if f not in factors:
                        factors[f] = sign(f, game, weak=True)
    return list(factors), list(factors.values())


def _linear_form(expr: sympy.Expr, syms: list[sympy.Symbol]) -> tuple[list[float], float] | None:
    poly = sympy.Poly(expr, *syms) if syms else None
    if poly is None or poly.total_degree() > 1:
        return None
    coeffs = [float(poly.coeff_monomial(s)) for s in syms]
    return coeffs, float(poly.coeff_monomial(1))


def _lp_witness(rows: list[tuple[list[float], float]], signs: Sequence[int],
                cons: list[tuple[list[float], float]], bounds: list[tuple[Any, Any]]
                ) -> list[float] | None:
    """Maximise t s.t. s_k (c_k.x + d_k) >= t, constraints c.x + d >= 0, bounds; t <= 1."""
    import numpy as np
    from scipy.optimize import linprog

    k = len(bounds)
    A_ub, b_ub = [], []
    for (c, d), s in zip(rows, signs, strict=True):
        A_ub.append([-s * ci for ci in c] + [1.0])
        b_ub.append(s * d)
    for c, d in cons:
        A_ub.append([-ci for ci in c] + [0.0])
        b_ub.append(d)
    obj = [0.0] * k + [-1.0]
    res = linprog(obj, A_ub=np.array(A_ub) if A_ub else None,
                  b_ub=np.array(b_ub) if b_ub else None,
                  bounds=[*bounds, (None, 1.0)], method="highs")
    if res.status != 0 or -res.fun <= 1e-9:
        return None
    return list(res.x[:k])


def _pattern_key(values: Sequence[float]) -> tuple[int, ...] | None:
    out = []
    for v in values:
        if v > 0:
            out.append(1)
        elif v < 0:
            out.append(-1)
        else:
            return None
    return tuple(out)


def regimes(game: ParametricGame, *, max_support: int | None = None, max_factors: int = 12,
            samples: int = 4000, seed: int = 0, tight: bool | None = None,
            verify: bool = True) -> list[Regime]:
    """Partition generic parameter space into regions with the same equilibria.

    Steps (see the module docstring): (1) candidates: every support pair of equal size up
    to ``max_support`` with its strict validity conditions; (2) the irreducible factors of
    every expression in those conditions whose sign the bounds do not fix; (3) every sign
    pattern of the factors that is feasible within the bounds and linear constraints,
    found by linear programming (depth-first, pruning infeasible partial patterns) when
    all factors and constraints are linear in the parameters, else by ``samples`` random
    points in the bounds (unbounded sides sampled over a width of 10; thin regions may be
    missed); (4) the candidates valid at a witness point of each pattern; (5) patterns
    grouped by their set of equilibria, each group's condition simplified as a Boolean
    function of the factor signs with infeasible patterns as don't-cares.

    ``tight`` (default: on for games with at most 6 cells) also enumerates supports of
    unequal size completed by unplayed best replies, which finds the extreme equilibria of
    degenerate games such as the normal form of a sequential game. ``verify`` solves the
    game exactly at each regime's witness point and records in ``Regime.verified`` whether
    the numeric equilibria are exactly the regime's.

    Limits: meant for 2x2 and small games; at most ``max_factors`` sign factors
    (:class:`SolverError` beyond); boundaries between regimes, where payoffs tie, are
    excluded; conditions use the parameter bounds, and linear constraints only for
    feasibility.

    Examples
    --------
    Chicken with crash cost ``c``: one regime for ``c > 1`` (two pure equilibria and a
    mixed one) and one for ``c < 1`` (both go straight).

    >>> import gametheory as gt
    >>> ch = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]],
    ...                        [gt.Parameter("c", bounds=(0, None))],
    ...                        strategies=(("Swerve", "Straight"), ("Swerve", "Straight")))
    >>> for r in regimes(ch):
    ...     print(r.condition, "|", r.label)
    c < 1 | (Straight, Straight)
    c > 1 | (Swerve, Straight); (Straight, Swerve); mixed {Swerve, Straight} x {Swerve, Straight}
    """
    import numpy as np

    params = game.parameters
    syms = [p.sympy for p in params]
    if tight is None:
        tight = game.shape[0] * game.shape[1] <= 6
    cands = _candidates(game, max_support, tight)
    factors, fixed = _sign_factors(game, [c.conditions for c in cands])
    if sum(f is None for f in fixed) > max_factors:
        raise SolverError(f"{len(factors)} sign factors exceed max_factors={max_factors}; "
                          "fix some parameters with .substitute() or raise max_factors")
    bounds = [(None if p.bounds is None or p.bounds[0] is None else float(p.bounds[0]),
               None if p.bounds is None or p.bounds[1] is None else float(p.bounds[1]))
              for p in params]
    lin = [_linear_form(f, syms) for f in factors]
    cons_lin: list[tuple[list[float], float]] | None = []
    for c in game.constraints:
        for rel in _relations(c) if isinstance(c, sympy.And | sympy.core.relational.Relational) \
                else [None]:
            form = None
            if isinstance(rel, sympy.GreaterThan | sympy.StrictGreaterThan):
                form = _linear_form(rel.lhs - rel.rhs, syms)
            elif isinstance(rel, sympy.LessThan | sympy.StrictLessThan):
                form = _linear_form(rel.rhs - rel.lhs, syms)
            if form is None:
                cons_lin = None
                break
            cons_lin.append(form)
        if cons_lin is None:
            break
    patterns: dict[tuple[int, ...], list[float]] = {}
    if all(f is not None for f in lin) and cons_lin is not None:
        def dfs(prefix: tuple[int, ...]) -> None:
            w = _lp_witness(lin[:len(prefix)], prefix, cons_lin, bounds)  # type: ignore
            if w is None:
                return
            if len(prefix) == len(factors):
                patterns[prefix] = w
                return
            nxt = fixed[len(prefix)]
            for s_ in ((1, -1) if nxt is None else (nxt,)):
                dfs((*prefix, s_))
        dfs(())
    else:
        rng = np.random.default_rng(seed)
        cols = []
        for lo, hi in bounds:
            lo_ = lo if lo is not None else (hi - 10 if hi is not None else -10.0)
            hi_ = hi if hi is not None else lo_ + 10
            cols.append(rng.uniform(lo_, hi_, samples))
        pts = np.array(cols).T if cols else np.zeros((1, 0))
        point_kw = {p.name: pts[:, k] for k, p in enumerate(params)}
        ok = np.broadcast_to(game.feasible(**point_kw), (pts.shape[0],)) if params else [True]
        fvals = [np.broadcast_to(sympy.lambdify(syms, f, "numpy")(*pts.T), (pts.shape[0],))
                 for f in factors]
        for r in range(pts.shape[0]):
            if not ok[r]:
                continue
            key = _pattern_key([float(fv[r]) for fv in fvals])
            if key is not None and key not in patterns and all(
                    f is None or f == k for f, k in zip(fixed, key, strict=True)):
                patterns[key] = list(pts[r])
    groups: dict[tuple[int, ...], list[tuple[tuple[int, ...], dict]]] = {}
    for key, w in patterns.items():
        witness = _rational_witness(w, params, factors, key, syms)
        sub = {s: sympy.Rational(witness[p.name]) for s, p in zip(syms, params, strict=True)}
        valid = tuple(k for k, c in enumerate(cands) if _holds(c.conditions, sub))
        groups.setdefault(valid, []).append((key, witness))
    free = [k for k, f in enumerate(fixed) if f is None]  # fixed-sign factors are constants
    X = sympy.symbols(f"x0:{len(free)}")
    seen = {tuple(key[k] for k in free) for key in patterns}
    all_keys = set(itertools.product((1, -1), repeat=len(free)))
    dont = [[int(s > 0) for s in key] for key in all_keys - seen]
    out = []
    for valid, members in groups.items():
        minterms = [[int(key[k] > 0) for k in free] for key, _ in members]
        if not free:
            cond = sympy.true
        else:
            form = sympy.SOPform(list(X), minterms, dont)
            back = {X[i]: sympy.Gt(factors[k], 0) for i, k in enumerate(free)}
            neg = {sympy.Not(X[i]): sympy.Lt(factors[k], 0) for i, k in enumerate(free)}
            cond = form.xreplace(neg).xreplace(back)
            cond = _simplify_condition(cond, game, True)
        eqs = tuple(cands[k] for k in valid)
        label = "; ".join(_candidate_label(game, e) for e in eqs) or "no equilibrium found"
        verified = None
        if verify:
            witness = members[0][1]
            found = set(game.at(**witness).equilibria())
            verified = found == {e.at(**witness) for e in eqs}
        out.append(Regime(label, cond, eqs, members[0][1], verified))
    out.sort(key=lambda r: (len(r.equilibria), r.label))
    return out


def _holds(cond: sympy.Basic, sub: dict) -> bool:
    try:
        return bool(cond.xreplace(sub) == sympy.true)
    except TypeError:  # a comparison with zoo: undefined at this point
        return False


def _rational_witness(w: Sequence[float], params: Sequence[Any], factors: Sequence[sympy.Expr],
                      key: tuple[int, ...], syms: list[sympy.Symbol]) -> dict[str, Fraction]:
    """Round a float witness to simple rationals that keep the sign pattern exactly."""
    for limit in (10, 100, 10_000, 10**6, 10**9):
        vals = [Fraction(x).limit_denominator(limit) for x in w]
        ok = True
        for p, v in zip(params, vals, strict=True):
            if p.bounds is not None:
                lo, hi = p.bounds
                if (lo is not None and v < lo) or (hi is not None and v > hi):
                    ok = False
        sub = {s: sympy.Rational(v.numerator, v.denominator)
               for s, v in zip(syms, vals, strict=True)}
        if ok and all((f.xreplace(sub) > 0) == (s > 0) and f.xreplace(sub) != 0
                      for f, s in zip(factors, key, strict=True)):
            return {p.name: v for p, v in zip(params, vals, strict=True)}
    return {p.name: Fraction(x) for p, x in zip(params, w, strict=True)}
