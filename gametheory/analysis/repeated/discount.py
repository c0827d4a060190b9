r"""Critical discount factors: where in :math:`[0, 1)` a profile of automata is an
equilibrium, exactly, and which deviation breaks it elsewhere.

Each one-shot (or stationary-policy) gain is a rational function
:math:`g(\delta) = N(\delta) / D(\delta)` of the discount factor with :math:`D > 0` on
:math:`[0, 1)` (products of :math:`1 + \delta + \dots + \delta^{L-1}`), so the profile is
an equilibrium at :math:`\delta` iff :math:`\operatorname{sign}(D)\,N(\delta) \le 0` for
every gain. The set of such :math:`\delta` is closed in :math:`[0, 1)`, so its least
element is :math:`0` or a root of some numerator: for a numeric stage the candidates are
the roots in :math:`[0, 1)` of the irreducible factors of the numerators, isolated in
rational intervals, and signs are decided by exact divisibility and Sturm counts, so no
floating point decides anything (Friedman 1971; Axelrod 1984, chapter 3). For a
parametric stage each gain must be linear in :math:`\delta`; the threshold is then a
formula in the parameters, valid on the region where the parameter expressions have the
signs they have at a reference point.

References
----------
Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of Economic
Studies* 38, 1-12.
Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books, chapter 3 and appendix B.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> grim = (gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1))
>>> discount_analysis(StageData(pd), *grim).region
[(Fraction(1, 2), Fraction(1, 1), True, False)]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..._latex import latex_expr
from ..._numbers import to_number
from ..._roots import RealRoot, real_roots, sign_at, simplest_between, sorted_roots
from ...core.formula import Conditions, Formula, symbols_of
from ...core.parametric import ParametricGame
from ...errors import GameError, ParameterError, SolverError
from .automata import Automaton
from .deviations import Deviation, nash_gains, one_shot_gains
from .joint import StageData, states_option

__all__ = ["DiscountAnalysis", "discount_analysis"]


@dataclass(frozen=True)
class DiscountAnalysis:
    """Where in :math:`[0, 1)` a profile is an equilibrium, and why not elsewhere.

    Attributes
    ----------
    concept : {"spe", "nash"}
    critical : Fraction, float, Formula or None
        The least discount factor at which the profile is an equilibrium; None if none.
        For a parametric stage a :class:`~gametheory.core.formula.Formula`: the sympy
        expression (``.expr``; arithmetic, ``.subs`` and equality as sympy's) that shows
        as :math:`\\delta^* = ...` in the parameters' LaTeX symbols.
    region : list of (lo, hi, lo_closed, hi_closed)
        The set of such discount factors as disjoint intervals (numeric stages only).
    constraints : list of (Deviation, sympy expression)
        Each distinct one-shot (or policy) deviation and its gain as a function of the
        discount factor ``delta``.
    conditions : Conditions (a list of sympy relationals)
        Parametric stages: the parameter conditions under which ``critical`` is valid
        (signs read off at the reference point); shown in the parameters' symbols.
    breaking : Deviation or None
        When ``critical`` is None: a deviation that is profitable at the least discount
        factor satisfying the constraints at the initial state (its ``discount``), i.e. the
        state whose one-shot deviation breaks the profile.
    delta : sympy Symbol
        The discount-factor symbol used in the formulas.
    symbols : dict of str to str
        LaTeX symbol of each stage parameter, for ``_repr_latex_``.
    """

    concept: str
    critical: Any
    region: list
    constraints: list
    conditions: list
    breaking: Deviation | None
    delta: Any
    symbols: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __repr__(self) -> str:
        if self.critical is None:
            why = f"; broken by {self.breaking.describe()}" if self.breaking else ""
            return f"DiscountAnalysis({self.concept}: no discount factor works{why})"
        return f"DiscountAnalysis({self.concept}: critical discount {self.critical})"

    def _repr_latex_(self) -> str:
        r"""Jupyter: ``$\delta^* = ...$`` in the parameters' symbols, and its conditions."""
        if self.critical is None:
            return r"$\text{no discount factor works}$"
        crit = self.critical.expr if isinstance(self.critical, Formula) else self.critical
        out = rf"\delta^* = {latex_expr(crit, self.symbols)}"
        if self.conditions:
            conds = r",\ ".join(latex_expr(c, self.symbols) for c in self.conditions)
            out += rf"\quad\text{{if }} {conds}"
        return f"${out}$"




def discount_analysis(data: StageData, a: Automaton, b: Automaton, concept: str = "spe",
                      at: Mapping[Any, Any] | None = None, states: str = "accessible"
                      ) -> DiscountAnalysis:
    """Every constraint on the discount factor for the profile ``(a, b)``, the region
    where all hold, its least element and (when empty) the breaking deviation (see
    :meth:`RepeatedGame.discount_analysis`; the automata are assumed validated).

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
    >>> discount_analysis(StageData(pd), *tft, concept="nash").critical
    Fraction(2, 3)
    """
    import sympy

    if concept not in ("spe", "nash"):
        raise GameError(f"concept must be 'spe' or 'nash', got {concept!r}")
    delta = sympy.Symbol("delta", real=True)
    used = {s.name for s in data.params}
    if "delta" in used:
        delta = sympy.Symbol("discount_factor", real=True)
    dom = data.domain(delta)
    acc = states_option(states)
    raw = one_shot_gains(data, a, b, dom, accessible=acc) if concept == "spe" else \
        nash_gains(data, a, b, dom)
    uniq: dict[Any, Deviation] = {}
    for dev, g in raw:
        if g not in uniq:
            uniq[g] = dev
    constraints = [(Deviation(dev.state, dev.player, dev.action, dev.prescribed,
                              g.as_expr(), dev.after, None, g.as_expr()), g)
                   for g, dev in uniq.items()]
    init_state = (a.states[a.initial], b.states[b.initial])
    if data.symbolic:
        return _symbolic_analysis(data, concept, constraints, delta, at)
    return _numeric_analysis(data, concept, constraints, delta, init_state)


_NARROW = Fraction(1, 2**40)


def _numeric_analysis(data: StageData, concept: str, constraints: list, delta: Any,
                      init_state: tuple) -> DiscountAnalysis:
    """Exact region in [0, 1) where every gain is non-positive (numeric stage).

    Each gain is ``N(delta) / D(delta)`` with ``D > 0`` on [0, 1) (products of
    ``1 + delta + ... + delta^(L-1)``), so the condition is ``sD * N <= 0``. The candidate
    discount factors are 0 and the roots in (0, 1) of the numerators, and between two
    candidates the simplest rational stands for the open interval; every root and sign is
    exact (:mod:`gametheory._roots`), so no floating point decides anything.
    """
    import sympy

    QQ = sympy.QQ
    half = sympy.Rational(1, 2)
    items = []          # (dev, effective polynomial E with E <= 0 required)
    seen: dict = {}
    for dev, g in constraints:
        N = sympy.Poly(g.numer.as_expr(), delta, domain=QQ)
        if N.is_zero:
            continue
        D = sympy.Poly(g.denom.as_expr(), delta, domain=QQ)
        if real_roots(D, lo=0, hi=1):  # pragma: no cover - denominators are 1+d+...+d^(L-1)
            raise SolverError("a gain's denominator vanishes in [0, 1]")
        E = N if D.eval(half) > 0 else -N
        E = E.quo_ground(abs(E.LC()))
        key = tuple(E.all_coeffs())
        if key in seen:
            continue
        seen[key] = True
        items.append((dev, E))

    points = sorted_roots([RealRoot.of(0)] + [r for _, E in items
                                              for r in real_roots(E, lo=0, hi=1, closed=False)])
    # narrow isolating intervals once, so that the many signs below rarely refine again
    points = [r.refine(_NARROW) for r in points]
    nexts = [*points[1:], RealRoot.of(1)]
    mids = [simplest_between(q, nxt) for q, nxt in zip(points, nexts, strict=True)]

    def holds(sub: list, q: RealRoot | Fraction) -> bool:
        return all(sign_at(E, q) <= 0 for _, E in sub)

    def region_of(sub: list) -> tuple[RealRoot | None, list, list[Fraction]]:
        """The least good point, the good intervals (ends as RealRoots), the open cells'
        representatives."""
        first = None
        intervals: list = []
        for q, nxt, mid in zip(points, nexts, mids, strict=True):
            for lo, hi, closed, good in ((q, q, True, holds(sub, q)),
                                         (q, nxt, False, holds(sub, mid))):
                if not good:
                    continue
                if closed and first is None:
                    first = q
                if intervals and intervals[-1][1] == lo and (intervals[-1][3] or closed):
                    intervals[-1] = (intervals[-1][0], hi, intervals[-1][2], closed)
                else:
                    intervals.append((lo, hi, closed, closed))
        return first, intervals, mids

    def out(v: Any) -> Any:
        return v if data.exact else float(v)

    def number(r: RealRoot) -> Any:
        return out(r.number(delta))

    first, intervals, _opens = region_of(items)
    conv = [(number(lo), number(hi), lc, hc) for lo, hi, lc, hc in intervals]
    breaking = None
    if first is None:
        on_path = [it for it in items if it[0].state == init_state]
        ref: RealRoot | Fraction | None
        if on_path:
            ref, _, opens_init = region_of(on_path)
        else:
            ref, opens_init = RealRoot.of(0), []
        if ref is None:  # even the initial state's constraints fail everywhere
            ref = opens_init[-1] if opens_init else Fraction(1, 2)
            cands = on_path
        else:
            cands = items
        bad = [it for it in cands if sign_at(it[1], ref) > 0]
        if bad:
            dev = bad[0][0]
            x = ref.number(delta) if isinstance(ref, RealRoot) else ref
            if isinstance(x, Fraction):
                val = dev.gain_formula.subs(delta, sympy.Rational(x.numerator, x.denominator))
                val = Fraction(int(val.p), int(val.q)) if val.is_Rational else val
            else:
                val = dev.gain_formula.subs(delta, x)
            breaking = Deviation(dev.state, dev.player, dev.action, dev.prescribed,
                                 out(val), dev.after, out(x), dev.gain_formula)
    crit = None if first is None else number(first)
    devs = [(dev, dev.gain_formula) for dev, _ in items]
    return DiscountAnalysis(concept, crit, conv, devs, Conditions(), breaking, delta,
                            _symbols(data))


def _sign_at(expr: Any, ref: dict | None, what: str) -> int:
    import sympy

    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    if expr.is_zero:
        return 0
    if ref is None:
        raise ParameterError(f"the sign of {expr} ({what}) depends on the parameters; pass "
                             "at={parameter: value, ...}, a reference point, or give the "
                             "stage's parameters defaults")
    val = expr.subs(ref)
    if not val.is_number:
        missing = sorted(str(s) for s in val.free_symbols)
        raise ParameterError(f"the reference point gives no value to {', '.join(missing)}")
    return int(sympy.sign(val))


def _reference_point(data: StageData, at: Mapping[Any, Any] | None) -> dict | None:
    """Parameter symbol -> sympy number: the stage's defaults, overridden by ``at``."""
    import sympy

    by_name = {s.name: s for s in data.params}
    ref: dict = {}

    def value(v: Any) -> Any:
        f = to_number(v)
        return sympy.Rational(f.numerator, f.denominator) if isinstance(f, Fraction) \
            else sympy.Float(f)

    if isinstance(data.game, ParametricGame):
        for p in data.game.parameters:
            if p.default is not None and p.name in by_name:
                ref[by_name[p.name]] = value(p.default)
    for k, v in (at or {}).items():
        key = by_name.get(k, k) if isinstance(k, str) else k
        if isinstance(key, str):
            raise ParameterError(f"reference point names {k!r}, not a parameter of the stage "
                                 f"({', '.join(sorted(by_name))})")
        ref[key] = value(v)
    if not ref:
        return None
    return ref


def _symbolic_analysis(data: StageData, concept: str, constraints: list, delta: Any,
                       at: Mapping[Any, Any] | None) -> DiscountAnalysis:
    """Thresholds as formulas in the stage parameters (each gain linear in the discount)."""
    import sympy

    ref = _reference_point(data, at)
    lower: list = []
    upper: list = []
    conditions: list = []
    failing: list = []
    devs = []
    half = sympy.Rational(1, 2)
    for dev, g in constraints:
        devs.append((dev, dev.gain_formula))
        num, den = g.numer.as_expr(), g.denom.as_expr()
        c, facs = sympy.factor_list(sympy.expand(num * den))
        fixed = int(sympy.sign(c))  # sign of the constant and the delta-only factors
        linear = []
        param_part = sympy.Integer(1)
        for f, e in facs:
            if delta not in f.free_symbols:
                param_part *= f ** e
            elif f.free_symbols == {delta}:
                P = sympy.Poly(f, delta)
                if real_roots(P, lo=0, hi=1, closed=False):
                    raise SolverError(f"the gain of {dev.describe()} changes sign inside "
                                      f"(0, 1) at a root of {f}; evaluate at numbers")
                fixed *= int(sympy.sign(P.eval(half))) ** e
            else:
                if sympy.degree(f, delta) != 1 or e != 1:
                    raise SolverError(f"the gain of {dev.describe()} is not linear in the "
                                      "discount factor; evaluate the stage at numbers "
                                      "(stage.at(...)) and use the numeric analysis")
                linear.append(f)
        ps = 1 if param_part == 1 else _sign_at(param_part, ref, "a factor of a gain")
        if ps == 0:
            conditions.append(sympy.Eq(param_part, 0))
            continue
        if not linear:
            # the gain's sign does not depend on delta in (0, 1): it must be <= 0
            if param_part != 1:
                need = sympy.Le(param_part, 0) if fixed > 0 else sympy.Ge(param_part, 0)
                conditions.append(need)
            if fixed * ps > 0:
                failing.append(dev)
            continue
        if len(linear) > 1:
            raise SolverError(f"the gain of {dev.describe()} has several factors in the "
                              "discount factor; evaluate the stage at numbers")
        f = linear[0]
        a_coef = sympy.expand(f).coeff(delta, 1)
        b_coef = sympy.expand(f).coeff(delta, 0)
        rest = fixed * ps  # sign of gain / f
        if param_part != 1:
            conditions.append(sympy.Gt(param_part, 0) if ps > 0 else sympy.Lt(param_part, 0))
        sa = _sign_at(a_coef, ref, "slope in the discount factor")
        if sa == 0:
            if rest * _sign_at(b_coef, ref, "constant term") > 0:
                failing.append(dev)
            continue
        conditions.append(sympy.Gt(a_coef, 0) if sa > 0 else sympy.Lt(a_coef, 0))
        root = sympy.factor(sympy.cancel(-b_coef / a_coef))
        if rest * sa < 0:
            lower.append((root, dev))
        else:
            upper.append((root, dev))

    # distinct bounds
    def distinct(items: list) -> list:
        out: list = []
        for r, dev in items:
            if not any(sympy.simplify(r - q) == 0 for q, _ in out):
                out.append((r, dev))
        return out

    lower, upper = distinct(lower), distinct(upper)
    conditions = list(dict.fromkeys(c for c in conditions if c is not sympy.true))
    breaking = None
    crit: Any
    if failing:
        crit = None
        breaking = failing[0]
    else:
        if lower:
            vals = [r for r, _ in lower]
            at_ref = [r.subs(ref) if ref else None for r in vals]
            nonneg = all(v is not None and v >= 0 for v in at_ref)
            if nonneg:
                for r in vals:
                    conditions.append(sympy.GreaterThan(r, 0))
                crit = vals[0] if len(vals) == 1 else sympy.Max(*vals)
            else:
                crit = sympy.Max(0, *vals)
        else:
            crit = sympy.Integer(0)
        if ref is not None:
            lo = crit.subs(ref)
            for r, dev in upper:
                hi = r.subs(ref)
                if lo > hi or lo >= 1:
                    crit = None
                    breaking = dev
                    break
            if crit is not None and lo >= 1:
                crit = None
                breaking = lower[0][1] if lower else None
        for r, _ in upper:
            conditions.append(sympy.GreaterThan(r, crit if crit is not None else 0))
    symbols = _symbols(data)
    if crit is not None:
        crit = Formula(crit, symbols, lhs=r"\delta^*")
    return DiscountAnalysis(concept, crit, [], devs, Conditions(conditions, symbols),
                            breaking, delta, symbols)


def _symbols(data: StageData) -> dict[str, str]:
    """``{name: LaTeX symbol}`` of a parametric stage's parameters (empty otherwise)."""
    game = data.game
    return symbols_of(game.parameters) if isinstance(game, ParametricGame) else {}
