r"""Sign decisions for conditions on the parameters of a parametric game.

An equilibrium condition is a Boolean combination of relations :math:`f(\theta) \;\mathrm{op}\;
g(\theta)`. Each relation is rewritten as :math:`h = f - g \;\mathrm{op}\; 0` and, where the
parameter bounds :math:`\ell_i \le \theta_i \le u_i` fix the sign of :math:`h`, replaced by
true or false. The sign is decided by sympy's assumption system with each parameter
replaced by a symbol carrying the sign its bounds imply (positive when :math:`\ell_i > 0`,
non-negative when :math:`\ell_i = 0`, and so on); relations between parameters declared
as constraints are not used. Two rewritings make more relations decidable and readable:
a denominator of fixed sign is cleared (:math:`N/D \ge 0 \iff N \ge 0` for :math:`D > 0`)
and factors of fixed sign are cancelled (:math:`\theta X \ge 0 \iff X \ge 0` for
:math:`\theta > 0`). Undecided relations are written ``positive terms op negative terms``.

Examples
--------
>>> import gametheory as gt
>>> p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", bounds=(1, None)), "b"])
>>> a, b = p.symbols["a"], p.symbols["b"]
>>> sign(a + 2, p), simplify_condition(sympy.Ge(a * b, 0), p, True)
(1, b >= 0)
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import sympy

from ..._roots import real_roots, sign_at
from ...errors import GameError

if TYPE_CHECKING:  # pragma: no cover
    from ...core.parametric import ParametricGame

__all__ = ["sign", "simplify_condition", "normalise", "relations", "make_strict"]


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


def normalise(rel: sympy.Basic) -> sympy.Basic:
    """Rewrite ``lhs op rhs`` as ``positive terms op negative terms`` (readable form).

    The difference ``lhs - rhs`` is expanded, divided by its numeric content and a
    positive numeric denominator, and its terms are split by the sign of their
    coefficients; a rational function is kept as ``N/D op 0``, factored.

    >>> a, b = sympy.symbols("a b", real=True)
    >>> normalise(sympy.Ge(2 * a, 2 * b + 4)), normalise(sympy.Ge(0, a))
    (a >= b + 2, a <= 0)
    """
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


def simplify_condition(cond: sympy.Basic, game: ParametricGame, assume_bounds: bool
                       ) -> sympy.Basic:
    """Normalise each relation of ``cond`` and, with ``assume_bounds``, decide it.

    Every relation is rewritten by :func:`normalise`; with ``assume_bounds`` a
    denominator or factor whose sign the bounds fix is cleared first, and a relation whose
    truth the bounds fix becomes ``sympy.true`` or ``sympy.false``.

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", bounds=(0, None)), "b"])
    >>> a, b = p.symbols["a"], p.symbols["b"]
    >>> simplify_condition(sympy.And(sympy.Ge(a, -1), sympy.Ge(b, a)), p, True)
    b >= a
    """
    if cond in (sympy.true, sympy.false):
        return cond
    assumed = _assumed_symbols(game) if assume_bounds else {}

    def visit(c: sympy.Basic) -> sympy.Basic:
        if isinstance(c, sympy.core.relational.Relational):
            if assumed:
                c = _clear_denominator(c, assumed)
                c = _drop_signed_factors(c, assumed)
            c = normalise(c)
            if assumed:
                decided = _decide(c, assumed)
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


def _decide(rel: sympy.Basic, assumed: dict) -> sympy.Basic | None:
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
    return _sign_by_roots(sympy.sympify(expr), game)


def _sign_by_roots(expr: sympy.Expr, game: ParametricGame) -> int | None:
    """The sign of a rational function of one parameter, exactly, or None if it varies.

    With ``expr = N/D`` in the parameter ``t`` with bounds ``[lo, hi]``: when neither
    ``N`` nor ``D`` has a real root in ``[lo, hi]`` (exact isolation, :mod:`gametheory._roots`)
    the sign is the same throughout, that at one point of the interval. This decides
    what sympy's assumptions cannot, such as ``t**2 - 3*t + 3 > 0``.
    """
    if len(expr.free_symbols) != 1:
        return None
    (t,) = expr.free_symbols
    bounds = next((q.bounds for q in game.parameters if q.name == t.name), None)
    lo, hi = bounds if bounds is not None else (None, None)
    num, den = sympy.fraction(sympy.together(expr))
    try:
        if any(real_roots(part, t, lo=lo, hi=hi) for part in (num, den) if part.has(t)):
            return None
        point = Fraction(lo if lo is not None else (hi if hi is not None else 0))
        return sign_at(num, point, t) * sign_at(den, point, t)
    except GameError:  # not polynomial with rational coefficients (exp, sqrt(2), ...)
        return None


def make_strict(cond: sympy.Basic) -> sympy.Basic:
    """Replace weak inequalities by strict ones (generic parameter points).

    >>> a = sympy.Symbol("a", real=True)
    >>> make_strict(sympy.And(sympy.Ge(a, 0), sympy.Le(a, 1)))
    (a > 0) & (a < 1)
    """
    if isinstance(cond, sympy.GreaterThan):
        return sympy.Gt(cond.lhs, cond.rhs)
    if isinstance(cond, sympy.LessThan):
        return sympy.Lt(cond.lhs, cond.rhs)
    if isinstance(cond, sympy.And | sympy.Or):
        return type(cond)(*(make_strict(a) for a in cond.args))
    return cond


# ---------------------------------------------------------------------- thresholds
def relations(cond: sympy.Basic) -> list[sympy.Basic]:
    """Every relation in a Boolean combination, in the order of its arguments.

    >>> a = sympy.Symbol("a", real=True)
    >>> relations(sympy.Or(sympy.Ge(a, 0), sympy.Not(sympy.Lt(a, 2))))
    [a >= 0, a >= 2]
    """
    if isinstance(cond, sympy.core.relational.Relational):
        return [cond]
    if isinstance(cond, sympy.And | sympy.Or | sympy.Not):
        return [r for a in cond.args for r in relations(a)]
    return []


# ---------------------------------------------------------------------- signs under conditions
# A sign set is the set of values in {-1, 0, 1} that an expression may take.
_ALL = frozenset({-1, 0, 1})
_REL_SIGNS = {sympy.StrictGreaterThan: frozenset({1}), sympy.GreaterThan: frozenset({0, 1}),
              sympy.StrictLessThan: frozenset({-1}), sympy.LessThan: frozenset({-1, 0}),
              sympy.Unequality: frozenset({-1, 1}), sympy.Equality: frozenset({0})}


def _canonical(f: sympy.Expr) -> tuple[sympy.Expr, int]:
    """``f = s * c * p`` with ``c > 0`` rational, ``s = +-1`` and ``p`` primitive with a
    positive leading coefficient: returns ``(p, s)`` (a key for the factor, up to sign)."""
    c, p = sympy.expand(f).as_content_primitive()
    p = sympy.Poly(p) if p.free_symbols else None  # generators: symbols, exp(b), ...
    if p is None:
        return sympy.Integer(1), (1 if c > 0 else -1)
    s = 1 if p.LC() > 0 else -1
    return sympy.expand(s * p.as_expr()), s if c > 0 else -s


def _flip(signs: frozenset[int], s: int) -> frozenset[int]:
    return signs if s == 1 else frozenset(-v for v in signs)


def _factors(e: sympy.Expr) -> tuple[int, list[tuple[sympy.Expr, int]], list[sympy.Expr]]:
    """``e = sign * prod p_i**k_i`` in canonical factors; also the denominator factors."""
    num, den = sympy.fraction(sympy.factor(sympy.together(e)))
    s, out, dens = 1, [], []
    for part, is_den in ((num, False), (den, True)):
        c, fl = sympy.factor_list(sympy.expand(part))
        s *= 1 if c > 0 else -1
        for f, k in fl:
            p, fs = _canonical(f)
            s *= fs ** k
            out.append((p, k))
            if is_den:
                dens.append(p)
    return s, out, dens


def _product_signs(s: int, sets: list[tuple[frozenset[int], int]]) -> frozenset[int]:
    """The possible signs of ``s * prod x_i**k_i`` with ``sign(x_i)`` in the given sets."""
    out = {s}
    for signs, k in sets:
        out = {a * b ** k for a in out for b in signs}
    return frozenset(out)


class _Knowledge:
    """Sign sets of polynomial factors, narrowed by bounds, constraints and conditions,
    each with the relations that fixed it (constraint propagation to a fixed point)."""

    def __init__(self, game: ParametricGame, relations_: list[sympy.Basic]):
        self.game, self.assumed = game, _assumed_symbols(game)
        self.known: dict[sympy.Expr, tuple[frozenset[int], frozenset]] = {}
        rels = []
        for rel in relations_:
            if type(rel) not in _REL_SIGNS:
                continue
            s, facs, dens = _factors(rel.lhs - rel.rhs)
            for p in dens:  # the relation is defined only where its denominator is not zero
                self._narrow(p, frozenset({-1, 1}), frozenset({rel}))
            rels.append((rel, s, facs))
        changed = True
        while changed:
            changed = False
            for rel, s, facs in rels:
                target = _REL_SIGNS[type(rel)]
                for i, (p, k) in enumerate(facs):
                    others = facs[:i] + facs[i + 1:]
                    sets = [(self.get(q)[0], m) for q, m in others]
                    ok = frozenset(v for v in self.get(p)[0]
                                   if _product_signs(s, [*sets, (frozenset({v}), k)]) & target)
                    why = frozenset({rel}).union(*(self.get(q)[1] for q, _ in others))
                    changed |= self._narrow(p, ok, why)

    def _bound_reasons(self, e: sympy.Expr) -> frozenset:
        out = []
        for q in self.game.parameters:
            if q.sympy in e.free_symbols and q.bounds is not None:
                lo, hi = q.bounds
                out += ([sympy.Ge(q.sympy, lo)] if lo is not None else []) + \
                    ([sympy.Le(q.sympy, hi)] if hi is not None else [])
        return frozenset(out)

    def by_bounds(self, e: sympy.Expr) -> frozenset[int]:
        v = sympy.factor(e.xreplace(self.assumed))
        if v.is_zero:
            return frozenset({0})
        for test, out in ((v.is_positive, {1}), (v.is_negative, {-1}),
                          (v.is_nonnegative, {0, 1}), (v.is_nonpositive, {-1, 0})):
            if test:
                return frozenset(out)
        return _ALL

    def get(self, p: sympy.Expr) -> tuple[frozenset[int], frozenset]:
        if p not in self.known:
            b = self.by_bounds(p)
            self.known[p] = (b, self._bound_reasons(p) if b != _ALL else frozenset())
        return self.known[p]

    def _narrow(self, p: sympy.Expr, signs: frozenset[int], why: frozenset) -> bool:
        old, reasons = self.get(p)
        new = old & signs
        if new == old or not new:  # nothing learnt, or the conditions are inconsistent
            return False
        self.known[p] = (new, reasons | why)
        return True

    def factor_signs(self, p: sympy.Expr) -> tuple[frozenset[int], frozenset]:
        """Sign set of a factor: known, or ``p = +-q + r`` with ``q`` known, ``r`` by bounds."""
        best = self.get(p)
        for q, (qs, why) in list(self.known.items()):
            if len(best[0]) == 1 or q == p or not (qs <= {0, 1} or qs <= {-1, 0}):
                continue
            for s in (1, -1):
                r = sympy.expand(p - s * q)
                rs = self.by_bounds(r)
                for half in ({0, 1}, {-1, 0}):
                    sq = _flip(qs, s)
                    if sq <= half and rs <= half:
                        out = frozenset(half - {0} if 0 not in sq or 0 not in rs else half)
                        if len(out) < len(best[0]):
                            best = (out, why | self._bound_reasons(r))
        return best


def _sign_under(expr: sympy.Expr, game: ParametricGame, conditions: sympy.Basic
                ) -> tuple[int | None, tuple[sympy.Basic, ...]]:
    """Weak sign of ``expr`` where the bounds, the declared constraints and the top-level
    conjuncts of ``conditions`` hold, with the relations that fixed it (or None, ()).

    Each relation ``N/D op 0`` constrains the signs of the irreducible factors of ``N`` and
    ``D``; the sign set of every factor (initially what the bounds imply) is narrowed to
    the values consistent with all relations, to a fixed point. Exact: sympy factorisation
    and sign logic, no numerical evaluation.

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", bounds=(0, None)), "b"])
    >>> a, b = p.symbols["a"], p.symbols["b"]
    >>> _sign_under(1 / b, p, sympy.Gt(a / b, 0))
    (1, (a >= 0, a/b > 0))
    """
    if sympy.simplify(expr) == 0:
        return 0, ()
    conj = sympy.And.make_args(conditions) if conditions not in (sympy.true, sympy.false) \
        else ()
    try:
        result, why = _decide_sign(expr, game, [*game.constraints, *conj])
    except sympy.PolynomialError:  # a factor sympy cannot treat as a polynomial
        return None, ()
    if result is None:
        return None, ()
    used = [r for r in (*game.constraints, *conj) if r in why]
    for r in list(used):  # keep an irredundant set of relations: drop each one not needed
        trial = [u for u in used if u is not r]
        res, w = _decide_sign(expr, game, trial)
        if res == result:
            used, why = trial, w
    return result, tuple(sorted(why, key=str))


def _decide_sign(expr: sympy.Expr, game: ParametricGame, rels: list[sympy.Basic]
                 ) -> tuple[int | None, frozenset]:
    know = _Knowledge(game, rels)
    s, facs, _ = _factors(expr)
    sets, why = [], frozenset()
    for p, k in facs:
        signs, reasons = know.factor_signs(p)
        sets.append((signs, k))
        why |= reasons
    out = _product_signs(s, sets)
    if out <= {0, 1} and 1 in out:
        return 1, why
    if out <= {-1, 0} and -1 in out:
        return -1, why
    return None, frozenset()
