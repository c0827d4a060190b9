r"""Exact real roots of univariate polynomials with rational coefficients.

Let :math:`p \in \mathbb{Q}[x]`, :math:`p \ne 0`. Over :math:`\mathbb{Q}` it factors as
:math:`p = c \prod_k f_k^{m_k}` with distinct monic irreducible :math:`f_k`. A factor of
degree 1, :math:`x - r`, gives the rational root :math:`r` exactly. A factor of degree
:math:`d \ge 2` has no rational root, so each of its real roots :math:`\alpha` is
isolated in an open interval :math:`(a, b)` with rational ends that contains no other root
of :math:`f_k` (Collins and Akritas 1976, Descartes' rule of signs with continued
fractions, as in sympy's ``Poly.intervals``), and :math:`\alpha` is named exactly as the
:math:`i`-th real root of :math:`f_k` in ascending order, ``CRootOf(f_k, i)``. Since
:math:`\alpha` is irrational, a rational point is never equal to it: comparing it with
a bound only needs the interval refined until the bound falls outside.

The sign of a polynomial :math:`g` at such a root :math:`\alpha` of :math:`f` is decided
without floating point: :math:`g(\alpha) = 0` iff :math:`f \mid g` (:math:`f` is the
minimal polynomial of :math:`\alpha`); otherwise the interval of :math:`\alpha` is
refined until :math:`g` has no root in its closure (a Sturm count), and :math:`g` has
there the sign it has at any rational point of the interval.

Between two distinct real numbers :math:`a < b` the *simplest* rational is the one with
the smallest denominator, and among those the one of least absolute value; it is found
by descending the Stern-Brocot tree, each step an exact comparison of a rational with
:math:`a` or :math:`b` (:func:`simplest_between`).

Examples
--------
>>> import sympy
>>> x = sympy.Symbol("x")
>>> roots = real_roots((x**2 - 2) * (x - 1)**2, x)
>>> [(r.exact(), r.multiplicity) for r in roots]
[(-sqrt(2), 1), (1, 2), (sqrt(2), 1)]
>>> sign_at(x**3 - 3, roots[2], x), sign_at(x**2 - 2, roots[2], x)
(-1, 0)
>>> [r.exact() for r in real_roots([1, 0, -2], lo=0, hi=1)]
[]
>>> simplest_between(roots[0], roots[1]), simplest_between(roots[1], roots[2])
(Fraction(0, 1), Fraction(4, 3))
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache

import sympy
from sympy.polys.rootisolation import dup_sturm

from .errors import GameError

__all__ = ["RealRoot", "real_roots", "sign_at", "as_rational_poly", "sorted_roots",
           "simplest_between", "compare"]

#: What the functions accept as a polynomial: a sympy expression (with its variable), a
#: univariate ``sympy.Poly``, or coefficients with the highest degree first.
PolyLike = sympy.Expr | sympy.Poly | Sequence[int | Fraction]
_X = sympy.Dummy("x")


def _rat(v: Fraction | int) -> sympy.Rational:
    v = Fraction(v)
    return sympy.Rational(v.numerator, v.denominator)


def _frac(v: sympy.Rational) -> Fraction:
    return Fraction(int(v.p), int(v.q))


def as_rational_poly(poly: PolyLike, var: sympy.Symbol | None = None) -> sympy.Poly:
    """``poly`` as a univariate ``sympy.Poly`` over the rationals.

    Raises :class:`~gametheory.errors.GameError` when it is not a polynomial in one
    variable with rational coefficients.

    >>> as_rational_poly([Fraction(1, 2), 0, -1]).all_coeffs()
    [1/2, 0, -1]
    """
    try:
        if isinstance(poly, sympy.Poly):
            p = poly
        elif isinstance(poly, Sequence) and not isinstance(poly, str):
            p = sympy.Poly([_rat(c) for c in poly], _X)
        elif isinstance(poly, sympy.Expr):
            p = sympy.Poly(poly, var) if var is not None else sympy.Poly(poly)
        else:
            raise TypeError(type(poly).__name__)
        if len(p.gens) != 1:
            raise ValueError(f"{len(p.gens)} variables")
        return p.set_domain(sympy.QQ)
    except (TypeError, ValueError, sympy.PolynomialError, sympy.polys.CoercionFailed) as err:
        raise GameError(f"{poly!r} is not a univariate polynomial with rational coefficients "
                        f"({err})") from None


@dataclass(frozen=True)
class RealRoot:
    """A real algebraic number: the ``index``-th real root of a monic irreducible ``factor``.

    Attributes
    ----------
    factor : tuple of Fraction
        Coefficients of the monic irreducible polynomial over the rationals, highest
        degree first (``(1, -r)`` for the rational root ``r``).
    index : int
        Position among the real roots of ``factor`` in ascending order (``CRootOf``).
    lo, hi : Fraction
        An isolating interval: ``lo == hi`` is the root when it is rational, else the
        root is the only root of ``factor`` in the open interval ``(lo, hi)``.
    multiplicity : int
        Multiplicity as a root of the polynomial it was found in.

    Two roots are equal when they are the same number (``factor`` and ``index``).

    >>> r = real_roots([1, 0, -2], lo=0)[0]
    >>> r.is_rational, r.lo < r.exact() < r.hi, round(float(r), 6)
    (False, True, 1.414214)
    """

    factor: tuple[Fraction, ...]
    index: int
    lo: Fraction = field(compare=False)
    hi: Fraction = field(compare=False)
    multiplicity: int = field(default=1, compare=False)

    @classmethod
    def of(cls, value: Fraction | int) -> RealRoot:
        """The rational number ``value`` as a root (of ``x - value``).

        >>> RealRoot.of(Fraction(1, 2)).exact()
        1/2
        """
        v = Fraction(value)
        return cls((Fraction(1), -v), 0, v, v)

    @property
    def is_rational(self) -> bool:
        """Whether the root is a rational number (its factor has degree 1)."""
        return len(self.factor) == 2

    @property
    def degree(self) -> int:
        """Degree of the root as an algebraic number (1 for rationals)."""
        return len(self.factor) - 1

    def poly(self) -> sympy.Poly:
        """The monic irreducible polynomial of the root, in a dummy variable."""
        return sympy.Poly([_rat(c) for c in self.factor], _X, domain=sympy.QQ)

    def exact(self, var: sympy.Symbol | None = None) -> sympy.Expr:
        """The root as a sympy number: a Rational, radicals for degree 2 and for
        :math:`x^n - a`, else CRootOf (the forms of ``sympy.real_roots``).

        ``var`` is the variable a ``CRootOf`` writes its polynomial in (default ``x``;
        sympy caches roots by polynomial, so an equal root made before keeps its variable).

        >>> real_roots([1, 0, -1, -5])[0].exact(sympy.Symbol("z"))
        CRootOf(z**3 - z - 5, 0)
        """
        if self.is_rational:
            return _rat(self.lo)
        if self.degree == 2:
            _, b, c = (_rat(v) for v in self.factor)
            disc = sympy.sqrt(b * b - 4 * c)
            return sympy.radsimp((-b + (disc if self.index else -disc)) / 2)
        if not any(self.factor[1:-1]):  # x**n - a: the real n-th root(s) of a
            n, a = self.degree, -_rat(self.factor[-1])
            mag = abs(a) ** sympy.Rational(1, n)
            return (mag if a > 0 else -mag) if n % 2 else (mag if self.index else -mag)
        x = var if var is not None else sympy.Symbol("x")
        return sympy.CRootOf(self.poly().as_expr().xreplace({_X: x}), self.index)

    def number(self, var: sympy.Symbol | None = None) -> Fraction | sympy.Expr:
        """The root as a Fraction when rational, else as :meth:`exact` gives it.

        >>> RealRoot.of(3).number(), real_roots([1, 0, -2], lo=0)[0].number()
        (Fraction(3, 1), sqrt(2))
        """
        return self.lo if self.is_rational else self.exact(var)

    def refine(self, width: Fraction) -> RealRoot:
        """The same root with an isolating interval no wider than ``width`` (> 0), by
        bisection.

        >>> r = real_roots([1, 0, -2], lo=0)[0].refine(Fraction(1, 1000))
        >>> r.hi - r.lo <= Fraction(1, 1000) and r.lo ** 2 < 2 < r.hi ** 2
        True
        """
        if width <= 0:
            raise GameError(f"refine needs a positive width, got {width}")
        if self.is_rational or self.hi - self.lo <= width:
            return self
        # an irreducible factor of degree >= 2 has no rational root and only simple ones,
        # so it has opposite signs at the ends and never vanishes at a midpoint: bisect
        lo, hi = self.lo, self.hi
        s_lo = _sign(self.factor, lo)
        while hi - lo > width:
            mid = (lo + hi) / 2
            if _sign(self.factor, mid) == s_lo:
                lo = mid
            else:
                hi = mid
        return replace(self, lo=lo, hi=hi)

    def __float__(self) -> float:
        return float(self.exact().evalf(30))


def _split(root: RealRoot, point: Fraction) -> RealRoot:
    """Refine an irrational root's interval until ``point`` lies outside it."""
    while root.lo <= point <= root.hi:
        root = root.refine((root.hi - root.lo) / 2)
    return root


def _inside(root: RealRoot, lo: Fraction | None, hi: Fraction | None, closed: bool
            ) -> tuple[bool, RealRoot]:
    if root.is_rational:
        v = root.lo
        ok = (lo is None or (v >= lo if closed else v > lo)) and \
            (hi is None or (v <= hi if closed else v < hi))
        return ok, root
    for end in (lo, hi):
        if end is not None:
            root = _split(root, end)
    return (lo is None or root.lo >= lo) and (hi is None or root.hi <= hi), root


def real_roots(poly: PolyLike, var: sympy.Symbol | None = None, *,
               lo: Fraction | int | None = None, hi: Fraction | int | None = None,
               closed: bool = True) -> list[RealRoot]:
    """The distinct real roots of ``poly`` in an interval, ascending, with multiplicities.

    Parameters
    ----------
    poly : sympy expression, sympy.Poly or sequence of rationals
        A polynomial with rational coefficients in one variable (``var`` for an
        expression with several symbols; coefficients are highest degree first).
    lo, hi : rational, optional
        Ends of the interval (``None``: unbounded).
    closed : bool
        Whether roots at the ends count (``[lo, hi]``) or not (``(lo, hi)``).

    The returned isolating intervals are disjoint, so the list is ordered exactly.

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> [r.exact() for r in real_roots(x**3 - x, x, lo=0, hi=1)]
    [0, 1]
    >>> [r.exact() for r in real_roots(x**3 - x, x, lo=0, hi=1, closed=False)]
    []
    """
    p = as_rational_poly(poly, var)
    if p.is_zero:
        raise GameError("the zero polynomial vanishes everywhere: it has no isolated roots")
    flo = None if lo is None else Fraction(lo)
    fhi = None if hi is None else Fraction(hi)
    found: list[RealRoot] = []
    for f, mult in p.factor_list()[1]:
        f = f.monic()
        coeffs = tuple(_frac(c) for c in f.all_coeffs())
        if f.degree() == 1:
            cands = [RealRoot(coeffs, 0, -coeffs[1], -coeffs[1], mult)]
        else:
            ivs = sorted((_frac(a), _frac(b)) for (a, b), _ in f.intervals())
            cands = [RealRoot(coeffs, k, a, b, mult) for k, (a, b) in enumerate(ivs)]
        for root in cands:
            ok, root = _inside(root, flo, fhi, closed)
            if ok:
                found.append(root)
    return _separate(found)


def _separate(roots: list[RealRoot]) -> list[RealRoot]:
    """Refine the intervals of distinct roots until they are disjoint, then sort them."""
    out = list(roots)
    while True:
        out.sort(key=lambda r: (r.lo, r.hi))
        clash = next((k for k in range(len(out) - 1) if out[k].hi >= out[k + 1].lo), None)
        if clash is None:
            return out
        a, b = out[clash], out[clash + 1]
        if a.is_rational:
            out[clash + 1] = _split(b, a.lo)
        elif b.is_rational:
            out[clash] = _split(a, b.lo)
        else:
            out[clash] = a.refine((a.hi - a.lo) / 2)
            out[clash + 1] = b.refine((b.hi - b.lo) / 2)


def sign_at(poly: PolyLike, point: RealRoot | Fraction | int, var: sympy.Symbol | None = None
            ) -> int:
    """The sign (+1, 0 or -1) of ``poly`` at an exact point (a rational or a RealRoot).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> golden = real_roots(x**2 - x - 1, x, lo=0)[0]
    >>> sign_at(x**2 - x - 1, golden, x), sign_at(x - Fraction(8, 5), golden, x)
    (0, 1)
    >>> sign_at([1, 0, -2], Fraction(3, 2))
    1
    """
    p = as_rational_poly(poly, var)
    if isinstance(point, RealRoot) and point.is_rational:
        point = point.lo
    if not isinstance(point, RealRoot):
        v = p.eval(_rat(point))
        return 1 if v > 0 else (-1 if v < 0 else 0)
    if p.is_zero:
        return 0
    coeffs = tuple(_frac(c) for c in p.all_coeffs())
    if _divides(point.factor, coeffs):
        return 0  # the minimal polynomial of the root divides p
    root = point
    while not _root_free(coeffs, root.lo, root.hi):
        root = root.refine((root.hi - root.lo) / 2)
    return _sign(coeffs, root.lo)


@lru_cache(maxsize=8192)
def _integral(coeffs: tuple[Fraction, ...]) -> tuple[int, ...]:
    """The coefficients times their least common denominator (same signs, same roots)."""
    den = math.lcm(*(c.denominator for c in coeffs))
    return tuple(int(c * den) for c in coeffs)


def _sign(coeffs: tuple[Fraction, ...], x: Fraction) -> int:
    """The sign of the polynomial at ``x = n / d``: that of ``d**deg * p(n / d)``, an
    integer found by a homogeneous Horner scheme."""
    n, d = x.numerator, x.denominator
    acc, dpow = 0, 1
    for a in _integral(coeffs):
        acc = acc * n + a * dpow
        dpow *= d
    return (acc > 0) - (acc < 0)


def _divides(f: tuple[Fraction, ...], g: tuple[Fraction, ...]) -> bool:
    """Whether the monic ``f`` divides ``g`` (coefficients highest degree first)."""
    rem = list(g)
    for k in range(len(g) - len(f) + 1):
        c = rem[k]
        if c:
            for j in range(1, len(f)):
                rem[k + j] -= c * f[j]
    return not any(rem[len(g) - len(f) + 1:]) if len(g) >= len(f) else not any(g)


@lru_cache(maxsize=4096)
def _sturm(coeffs: tuple[Fraction, ...]) -> tuple[tuple[Fraction, ...], ...]:
    """The Sturm sequence of a polynomial (coefficients highest degree first)."""
    chain = dup_sturm([sympy.QQ(c.numerator, c.denominator) for c in coeffs], sympy.QQ)
    return tuple(tuple(Fraction(int(c.numerator), int(c.denominator)) for c in q)
                 for q in chain)


def _changes(chain: tuple[tuple[Fraction, ...], ...], x: Fraction) -> int:
    signs = [v > 0 for v in (_sign(q, x) for q in chain) if v != 0]
    return sum(a != b for a, b in zip(signs, signs[1:], strict=False))


def _root_free(coeffs: tuple[Fraction, ...], lo: Fraction, hi: Fraction) -> bool:
    """Whether the polynomial has no real root in ``[lo, hi]`` (Sturm's theorem)."""
    if _sign(coeffs, lo) == 0 or _sign(coeffs, hi) == 0:
        return False
    chain = _sturm(coeffs)
    return _changes(chain, lo) == _changes(chain, hi)


Real = RealRoot | Fraction | int


def _comparator(x: Real) -> Callable[[Fraction], int]:
    """``cmp(q)``: the sign of ``q - x`` for rationals ``q``, refining ``x`` as needed."""
    if not isinstance(x, RealRoot) or x.is_rational:
        v = x.lo if isinstance(x, RealRoot) else Fraction(x)
        return lambda q: (q > v) - (q < v)
    state = [x]

    def cmp(q: Fraction) -> int:
        state[0] = _split(state[0], q)
        return -1 if q < state[0].lo else 1

    return cmp


def compare(x: Real, y: Real) -> int:
    """The sign (+1, 0 or -1) of ``x - y`` for exact reals (rationals or RealRoots).

    >>> r2 = real_roots([1, 0, -2], lo=0)[0]
    >>> compare(r2, Fraction(7, 5)), compare(Fraction(3, 2), r2), compare(r2, r2)
    (1, 1, 0)
    """
    if isinstance(x, RealRoot) and x.is_rational:
        x = x.lo
    if not isinstance(x, RealRoot):
        return _comparator(y)(Fraction(x)) if isinstance(y, RealRoot) else \
            (Fraction(x) > Fraction(y)) - (Fraction(x) < Fraction(y))
    if not isinstance(y, RealRoot) or y.is_rational:
        return _comparator(x)(y.lo if isinstance(y, RealRoot) else Fraction(y)) * -1
    if x == y:
        return 0
    a, b = _separate([x, y])
    return 1 if a == y else -1


def sorted_roots(roots: Iterable[RealRoot]) -> list[RealRoot]:
    """The distinct numbers among ``roots``, ascending, with disjoint isolating intervals.

    Roots that are the same number are kept once (the first one given).

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> both = real_roots(x**2 - 2, x) + real_roots((x - 1) * (x**2 - 2), x)
    >>> [r.exact() for r in sorted_roots(both)]
    [-sqrt(2), 1, sqrt(2)]
    """
    return _separate(list(dict.fromkeys(roots)))


def _run(ok: Callable[[Fraction], bool], base: tuple[int, int], step: tuple[int, int]) -> int:
    """The largest ``k >= 1`` with ``ok(node(k))``, ``node(k) = (b0 + k s0) / (b1 + k s1)``,
    given ``ok(node(1))`` and ``ok`` true up to that ``k`` only."""
    def at(k: int) -> bool:
        return ok(Fraction(base[0] + k * step[0], base[1] + k * step[1]))

    lo, hi = 1, 2
    while at(hi):
        lo, hi = hi, hi * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if at(mid) else (lo, mid)
    return lo


def _stern_brocot(above: Callable[[Fraction], bool], below: Callable[[Fraction], bool]
                  ) -> Fraction:
    """The first node ``q`` of the Stern-Brocot tree with ``above(q)`` and ``below(q)``.

    ``above(q)`` is ``q > a`` and ``below(q)`` is ``q < b`` for ``0 <= a < b``. Nodes
    nearer the root have smaller numerators and denominators; a run of steps in one
    direction is taken at once, its length found by doubling and bisection.
    """
    lp, lq, rp, rq = 0, 1, 1, 0
    while True:
        mp, mq = lp + rp, lq + rq
        if not above(Fraction(mp, mq)):  # m <= a: go right while the node stays <= a
            k = _run(lambda q: not above(q), (lp, lq), (rp, rq))
            lp, lq = lp + k * rp, lq + k * rq
        elif not below(Fraction(mp, mq)):  # m >= b: go left while the node stays >= b
            k = _run(lambda q: not below(q), (rp, rq), (lp, lq))
            rp, rq = rp + k * lp, rq + k * lq
        else:
            return Fraction(mp, mq)


def simplest_between(a: Real | None, b: Real | None) -> Fraction:
    r"""The simplest rational strictly between exact reals ``a < b`` (``None``: unbounded).

    Simplest means the smallest denominator, and among those the least absolute value:
    ``0`` when :math:`a < 0 < b`, else the first rational met in the Stern-Brocot tree
    (mirrored for negative intervals). It depends only on the numbers, not on how
    precisely their isolating intervals are known.

    Raises :class:`~gametheory.errors.GameError` unless ``a < b``.

    >>> simplest_between(Fraction(1, 3), Fraction(1, 2)), simplest_between(None, -7)
    (Fraction(2, 5), Fraction(-8, 1))
    >>> golden = real_roots([1, -1, -1], lo=0)[0]
    >>> simplest_between(Fraction(8, 5), golden)
    Fraction(21, 13)
    """
    if a is not None and b is not None and compare(a, b) >= 0:
        raise GameError(f"simplest_between needs a < b, got a = {_show(a)} and b = {_show(b)}")
    ca = None if a is None else _comparator(a)
    cb = None if b is None else _comparator(b)

    def above(q: Fraction) -> bool:  # q > a
        return ca is None or ca(q) > 0

    def below(q: Fraction) -> bool:  # q < b
        return cb is None or cb(q) < 0

    zero = Fraction(0)
    if above(zero) and below(zero):
        return zero
    if below(zero):  # 0 <= a < b
        return _stern_brocot(above, below)
    # a < b <= 0: the mirror image -b < -a of a non-negative interval
    return -_stern_brocot(lambda q: below(-q), lambda q: above(-q))


def _show(v: Real) -> str:
    return str(v.exact()) if isinstance(v, RealRoot) else str(Fraction(v))
