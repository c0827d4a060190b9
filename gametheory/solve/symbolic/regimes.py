r"""Regimes: a partition of generic parameter space by equilibrium structure.

:func:`regimes` enumerates candidate support pairs (of equal size, and with ``tight``
unplayed best replies also of unequal size), factors every expression whose sign decides
a candidate's validity into irreducible factors :math:`f_1, \dots, f_r`, enumerates the
sign patterns :math:`s \in \{-1, +1\}^r` of those factors, keeps the patterns that are
feasible within the bounds and constraints (by linear programming when every factor is
linear in the parameters, by random sampling otherwise), and groups patterns with the
same set of equilibria; each group's condition is the minimal sum of products of the
factor signs (Quine-McCluskey via ``sympy.SOPform``) with infeasible patterns as
don't-cares. Boundaries between regimes (ties, where the game is degenerate) are
excluded. This is exponential in the number of factors, so it is meant for 2x2 and small
games.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
...                        [gt.Parameter("R", bounds=(0, 1)), gt.Parameter("S", bounds=(-1, -1)),
...                         gt.Parameter("T", bounds=(2, 2)), gt.Parameter("P", bounds=(0, 0))],
...                        strategies=(("C", "D"), ("C", "D")))
>>> [r.label for r in regimes(pd)]
['(D, D)']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy

from ...errors import SolverError
from .equilibria import SymbolicEquilibrium, mixed_equilibrium, pure_equilibrium
from .signs import relations, sign, simplify_condition

if TYPE_CHECKING:  # pragma: no cover
    from ...core.parametric import ParametricGame

__all__ = ["regimes", "Regime"]


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
        names = g.latex_names() if g is not None else {}
        return sympy.latex(self.condition, symbol_names=names)

    def _repr_latex_(self) -> str:
        label = self.label.replace("{", r"\{").replace("}", r"\}")
        return rf"$\text{{{label}}}:\quad {self._latex_condition()}$"

    # No _repr_html_: Jupyter would prefer it to the LaTeX above and hide the symbols.


def _candidate_label(game: ParametricGame, eq: SymbolicEquilibrium) -> str:
    I, J = eq.support
    if len(I) == 1 and len(J) == 1:
        return f"({game.strategies[0][I[0]]}, {game.strategies[1][J[0]]})"
    r = ", ".join(game.strategies[0][i] for i in I)
    c = ", ".join(game.strategies[1][j] for j in J)
    return f"mixed {{{r}}} x {{{c}}}"


def _subsets(items: Sequence[int], max_size: int | None = None
             ) -> Iterator[tuple[int, ...]]:
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
                        merged = simplify_condition(sympy.Or(old.conditions, eq.conditions),
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
        for rel in relations(c):
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
    from scipy.optimize import linprog  # scipy loads slowly: only when regimes need LPs

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
        for rel in relations(c) if isinstance(c, sympy.And | sympy.core.relational.Relational) \
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
            cond = simplify_condition(cond, game, True)
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
