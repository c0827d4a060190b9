r"""Closed-form equilibria of parametric two-player games: pure conditions, mixed supports.

Let :math:`(A(\theta), B(\theta))` be an :math:`m \times n` bimatrix game whose payoffs
are expressions in parameters :math:`\theta`.

*Pure equilibria.* A pure profile :math:`(i, j)` is a Nash equilibrium iff
:math:`A_{ij} \ge A_{kj}` for every row :math:`k` and :math:`B_{ij} \ge B_{il}` for every
column :math:`l` (Nash 1951; e.g. Osborne, *An Introduction to Game Theory*, 2004,
ch. 2). :func:`pure_conditions` returns the conjunction of these inequalities, each
rewritten as ``positive terms >= negative terms`` and dropped when it holds for every
parameter value within the declared bounds (:mod:`.signs`).

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

Examples
--------
>>> import gametheory as gt
>>> mp = gt.ParametricGame([["a", "-a"], ["-a", "a"]], [["-a", "a"], ["a", "-a"]],
...                        [gt.Parameter("a", bounds=(0, None))])
>>> pure_conditions(mp, (0, 0)), mixed_equilibrium(mp, ((0, 1), (0, 1))).col
(a <= 0, (1/2, 1/2))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import sympy

from ...core.game import Equilibrium
from ...errors import LabelError, ParameterError, SolverError
from .signs import make_strict, normalise, simplify_condition

if TYPE_CHECKING:  # pragma: no cover
    from ...core.parametric import ParametricGame

__all__ = ["pure_conditions", "pure_equilibrium", "mixed_equilibrium", "SymbolicEquilibrium"]


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
    cond = sympy.And(*[normalise(r) for r in rels])
    return simplify_condition(cond, game, assume_bounds)


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
        return bool(self.conditions.xreplace(self.game.subs_map(point)) == sympy.true)

    def at(self, **values: Any) -> Equilibrium:
        """The numeric Equilibrium at a parameter point (exact for rational values).

        Raises :class:`ParameterError` if the conditions fail at that point.
        """
        g = self.game
        point = g.values(**values)
        sub = g.subs_map(point)
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
        names = self.game.latex_names()
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
    cond = simplify_condition(sympy.And(*[_fraction_relation(r) for r in rels]), game,
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
        cond = simplify_condition(make_strict(cond), game, assume_bounds)
    row = tuple(sympy.Integer(int(k == i)) for k in range(m))
    col = tuple(sympy.Integer(int(k == j)) for k in range(n))
    return SymbolicEquilibrium(((i,), (j,)), row, col, (game.A[i, j], game.B[i, j]), cond, game)
