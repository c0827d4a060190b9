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
without floating point: :math:`g(\alpha) = 0` iff :math:`f \mid g` (as :math:`f` is
irreducible, iff :math:`f` is one of the irreducible factors of :math:`g`); otherwise
the interval of :math:`\alpha` is refined until :math:`g` has no root in it (a Sturm
count), and :math:`g` has there the sign it has at any rational point of the interval.

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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

import sympy

from .errors import GameError

__all__ = ["RealRoot", "real_roots", "sign_at", "as_rational_poly"]

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
        """The root as a sympy number: a Rational, radicals for degree 2, else CRootOf.

        ``var`` is the variable a ``CRootOf`` writes its polynomial in (default ``x``;
        sympy caches roots by polynomial, so an equal root made before keeps its variable).

        >>> real_roots([1, 0, 0, -5])[0].exact(sympy.Symbol("z"))
        CRootOf(z**3 - 5, 0)
        """
        if self.is_rational:
            return _rat(self.lo)
        if self.degree == 2:
            _, b, c = (_rat(v) for v in self.factor)
            disc = sympy.sqrt(b * b - 4 * c)
            return sympy.radsimp((-b + (disc if self.index else -disc)) / 2)
        x = var if var is not None else sympy.Symbol("x")
        return sympy.CRootOf(self.poly().as_expr().xreplace({_X: x}), self.index)

    def refine(self, width: Fraction) -> RealRoot:
        """The same root with an isolating interval no wider than ``width`` (> 0)."""
        if self.is_rational or self.hi - self.lo <= width:
            return self
        lo, hi = self.poly().refine_root(_rat(self.lo), _rat(self.hi), eps=_rat(width))
        return replace(self, lo=_frac(lo), hi=_frac(hi))

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
    c, factors = p.factor_list()
    out = 1 if c > 0 else -1
    root = point
    for g, mult in factors:
        g = g.monic()
        if tuple(_frac(x) for x in g.all_coeffs()) == root.factor:
            return 0
        while g.count_roots(_rat(root.lo), _rat(root.hi)) > 0:
            root = root.refine((root.hi - root.lo) / 2)
        v = g.eval(_rat((root.lo + root.hi) / 2))
        out *= (1 if v > 0 else -1) ** mult
    return out
