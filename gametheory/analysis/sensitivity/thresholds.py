r"""Thresholds and equilibrium branches along one parameter.

Fix every parameter but one, :math:`t`, and write the payoffs as functions
:math:`A(t), B(t)`. In vertex enumeration of the best-response polytopes every decision
(is a basis a vertex, which constraints are tight) is the sign of a determinant built from
payoff differences (:mod:`gametheory.solve.batch`: the cofactors :math:`c_i` and the
slacks :math:`t_{j'}` of every basis of both polytopes). Between two consecutive real
zeros of these determinants all signs are constant, so the set of extreme equilibria keeps
its structure (its supports); with a model's regime rules and constraints added to the
list, the regime and feasibility are constant too. Hence, for payoffs rational in
:math:`t`:

1. collect the numerators of all determinants, regime-rule atoms and constraints as
   polynomials in :math:`t`, and their real roots (exactly, with sympy);
2. solve the game exactly at each root and at a rational point of each interval between
   roots;
3. report each root where the structure or regime to its left, at it, or to its right
   differ.

That gives *every* threshold, exactly, including isolated points where the game is
degenerate (a tie adds equilibria at a single value). When the payoffs are not rational
in :math:`t` (or ``method="numeric"``), thresholds are found by bracketing on a grid and
bisection to the stated tolerance (isolated points are then missed, as they have measure
zero). Such parametric analysis of equilibrium correspondences goes back to the homotopy
view of Herings and Peeters (2010), "Homotopy methods to compute equilibria in game
theory", *Economic Theory* 42; the branch tracking below follows equilibria along a grid
by optimal matching (Kuhn 1955, the Hungarian method, via
:func:`scipy.optimize.linear_sum_assignment`).

Examples
--------
>>> import gametheory as gt
>>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
...                       players=("Aggressor", "Defender"),
...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
>>> [(str(t.value), t.kind) for t in gt.thresholds(p, "r", at={"v": 2}, lower=0, upper=3)]
[('1', 'switch')]
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

import numpy as np
import sympy

from ..._latex import escape_latex, latex_expr, latex_number, symbol_for
from ..._lazy import lazy
from ..._roots import RealRoot, real_roots, simplest_between, sorted_roots
from ...core.game import NormalFormGame
from ...core.parametric import ParametricGame
from ...errors import GameError, ParameterError
from ...solve.batch import square_bases
from .model import Model, as_parametric, exact_regime, resolve_point
from .points import Number, exact_value
from .sweep import sweep

pd = lazy("pandas")

__all__ = ["thresholds", "Threshold", "ThresholdList", "track", "TrackResult"]


@dataclass(frozen=True)
class Threshold:
    """A parameter value where the equilibrium structure or the regime changes.

    Attributes
    ----------
    parameter : str
    value : sympy expression (exact) or float (numeric)
    exact : bool
        Whether ``value`` is exact; otherwise it lies within ``tolerance`` of the change.
    tolerance : float
        Half-width of the final bracket (0 when exact).
    kind : str
        ``"switch"`` (different structure on the two sides) or ``"isolated"`` (the same on
        both sides, different at the value itself: a degenerate tie).
    before, at, after : str
        Equilibrium structure (supports of the extreme equilibria) left of, at and right
        of the value (``at`` is ``""`` when not computed).
    regime_before, regime_at, regime_after : str
        Regimes (model rules) or ``""`` when the model has none.
    symbol : str
        LaTeX symbol of the parameter (its declared one), for ``_repr_latex_``.
    """

    parameter: str
    value: sympy.Expr | float
    exact: bool
    tolerance: float
    kind: str
    before: str
    at: str
    after: str
    regime_before: str = ""
    regime_at: str = ""
    regime_after: str = ""
    symbol: str = field(default="", compare=False)

    def __float__(self) -> float:
        return float(self.value)

    def describe(self) -> str:
        v = str(self.value) if self.exact else f"{float(self.value):.10g} ± {self.tolerance:.1g}"
        if self.regime_before or self.regime_after:
            what = f"{self.regime_before} -> {self.regime_after}"
            if self.regime_before == self.regime_after:
                what = f"{self.regime_before}: {self.before} -> {self.after}"
        else:
            what = f"{self.before} -> {self.after}"
        if self.kind == "isolated":
            what = f"at this value only: {self.at}"
        return f"{self.parameter} = {v}: {what}"

    def __repr__(self) -> str:
        return f"Threshold({self.describe()})"

    def _repr_latex_(self) -> str:
        r"""Jupyter: ``$\pi = \frac{1}{2}$`` (or ``\approx v \pm tol``), then the change."""
        sym = self.symbol or symbol_for(self.parameter)
        if self.exact:
            value = f"= {latex_expr(self.value)}"
        else:
            value = rf"\approx {latex_number(float(self.value), 'sig', 10)}"
            if self.tolerance:
                value += rf" \pm {latex_number(self.tolerance, 'sig', 1)}"
        parts = self.describe().split(": ", 1)[1].split(" -> ")
        what = r"} \to \text{".join(escape_latex(part) for part in parts)
        return rf"${sym} {value}:\ \text{{{what}}}$"


class ThresholdList(list):
    """A list of :class:`Threshold` with a DataFrame view and Jupyter rendering."""

    @property
    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "parameter": t.parameter, "value": float(t.value), "exact value": str(t.value)
            if t.exact else "", "tolerance": t.tolerance, "kind": t.kind,
            "regime before": t.regime_before, "regime after": t.regime_after,
            "structure before": t.before, "structure at": t.at, "structure after": t.after}
            for t in self])

    def _repr_html_(self) -> str:
        return self.frame.to_html(index=False, escape=True) if self else \
            f"<p>{html.escape('no thresholds')}</p>"


# --------------------------------------------------------------------------- helpers
def _structure(game: NormalFormGame) -> str:
    labs = game.strategies
    parts = []
    for e in game.equilibria():
        r, c = e.support
        parts.append("+".join(labs[0][i] for i in r) + " / " + "+".join(labs[1][j] for j in c))
    return " & ".join(parts)


def _decision_expressions(A: sympy.Matrix, B: sympy.Matrix) -> list[sympy.Expr]:
    """Every determinant whose sign is a decision of vertex enumeration (both polytopes)."""
    out = []
    m, n = A.shape
    for G in (B, A.T):
        d, e = G.shape
        for S, J in square_bases(d, e):
            k = len(S)
            j0 = J[0]
            E = sympy.Matrix([[G[i, j] - G[i, j0] for j in range(e)] for i in S])  # k x e
            D = sympy.Matrix([[E[i, j] for i in range(k)] for j in J[1:]])  # (k-1) x k
            cof = []
            for i in range(k):
                minor = D[:, [q for q in range(k) if q != i]] if k > 1 else sympy.Matrix()
                cof.append((-1) ** i * (minor.det() if k > 1 else sympy.Integer(1)))
            out.extend(cof)
            for j in range(e):
                if j not in J:
                    out.append(sum(E[i, j] * cof[i] for i in range(k)))
    return out


def _real_roots(expr: sympy.Expr, t: sympy.Symbol, lo: Fraction | None, hi: Fraction | None
                ) -> list[RealRoot] | None:
    """Real zeros and poles of ``expr`` in ``t`` inside ``(lo, hi)``, exactly; ``None`` when
    ``expr`` is not a rational function of ``t`` with rational coefficients."""
    expr = sympy.together(sympy.expand(expr))
    if not expr.has(t):
        return []
    num, den = sympy.fraction(expr)
    out: list[RealRoot] = []
    for part in (num, den):  # a pole is a change too
        if not part.has(t):
            continue
        try:
            if not all(c.is_Rational for c in sympy.Poly(part, t).coeffs()):
                return None  # floats or irrational numbers: no exact isolation
            out.extend(real_roots(part, t, lo=lo, hi=hi, closed=False))
        except (sympy.PolynomialError, GameError):
            return None
    return out


def _line_model(model: Model, parameter: str, at: Mapping[str, Number] | None
                ) -> tuple[ParametricGame, dict[str, Fraction]]:
    """The model and the exact values of every parameter but ``parameter``."""
    at = dict(at or {})
    p = as_parametric(model, [parameter, *at],
                      "thresholds and track need a ParametricGame (or a GameTree)")
    if parameter in at:
        raise ParameterError(f"{parameter!r} is the threshold parameter; do not fix it")
    fixed = resolve_point(p, at, free=[parameter], hint="give them in at=")
    fixed.pop(parameter, None)
    return p, fixed


class _Evaluator:
    """Exact structure and regime of the line's game at rational points, memoised."""

    def __init__(self, p: ParametricGame, parameter: str,
                 fixed: Mapping[str, Fraction]) -> None:
        self.p, self.parameter, self.fixed = p, parameter, dict(fixed)
        self.cache: dict[Fraction, tuple[str, str]] = {}

    def __call__(self, value: Fraction) -> tuple[str, str]:
        value = Fraction(value)
        hit = self.cache.get(value)
        if hit is None:
            point = {**self.fixed, self.parameter: value}
            feasible = bool(self.p.feasible(**{k: float(v) for k, v in point.items()}))
            if feasible:
                try:
                    game = self.p.at(**point)
                except ParameterError:
                    feasible = False
            if not feasible:
                hit = ("infeasible", "infeasible" if self.p.regime_rules else "")
            else:
                reg = exact_regime(self.p, point) if self.p.regime_rules else ""
                hit = (_structure(game), reg)
            self.cache[value] = hit
        return hit


# --------------------------------------------------------------------------- thresholds
def thresholds(model: Model, parameter: str, at: Mapping[str, Number] | None = None, *,
               lower: Number | None = None, upper: Number | None = None, tol: float = 1e-9,
               method: str = "auto", grid_points: int = 201) -> ThresholdList:
    """Every value of ``parameter`` where the equilibrium structure or regime changes.

    Parameters
    ----------
    model : ParametricGame or GameTree
    parameter : str
        The parameter to move.
    at : dict, optional
        Values of the other parameters (defaults fill the rest).
    lower, upper : number, optional
        Search interval (default: the parameter's bounds; the numeric method needs a
        finite interval).
    tol : float
        Numeric method: half-width of the final bisection bracket (the stated accuracy).
    method : {"auto", "exact", "numeric"}
        ``"exact"`` solves the vertex-enumeration determinants with sympy (payoffs must
        be rational functions of the parameter with rational coefficients at ``at``);
        ``"numeric"`` brackets on ``grid_points`` values and bisects; ``"auto"`` tries
        exact first.
    grid_points : int
        Bracketing grid of the numeric method.

    Returns
    -------
    ThresholdList
        Sorted :class:`Threshold` values; ``.frame`` gives a DataFrame.

    Examples
    --------
    The Defender of docs/model.md switches from under-reacting to intercepting where
    ``c_I + e_I W_D + r_I = pi h + r_U`` (here r_U = 1):

    >>> import gametheory as gt
    >>> p = gt.ParametricGame([[0, 0], ["v - c_p", "v/4 - c_p - 1"]],
    ...                       [[0, 0], ["-2 - r_U", "-5/2 - r_I"]],
    ...                       [gt.Parameter("v", default=2), gt.Parameter("c_p", default=1),
    ...                        gt.Parameter("r_U", default=3), gt.Parameter("r_I", default="1/2")],
    ...                       players=("Aggressor", "Defender"),
    ...                       strategies=(("Refrain", "Probe"), ("Under-react", "Intercept")))
    >>> ts = gt.thresholds(p, "r_U", lower=0, upper=5)
    >>> for t in ts:
    ...     print(t.value, t.kind, "|", t.after)
    1 switch | Refrain / Under-react+Intercept & Refrain / Intercept
    >>> num = gt.thresholds(p, "r_U", lower=0, upper=5, method="numeric", tol=1e-8)
    >>> abs(float(num[0].value) - 1) <= 1e-8
    True
    """
    p, fixed = _line_model(model, parameter, at)
    prm = p.parameter(parameter)
    if lower is None and prm.bounds is not None:
        lower = prm.bounds[0]
    if upper is None and prm.bounds is not None:
        upper = prm.bounds[1]
    lo = None if lower is None else exact_value(lower)
    hi = None if upper is None else exact_value(upper)
    if lo is not None and hi is not None and lo >= hi:
        raise ParameterError(f"empty interval [{lo}, {hi}] for {parameter!r}")
    ev = _Evaluator(p, parameter, fixed)
    if method not in ("auto", "exact", "numeric"):
        raise GameError(f"method must be 'auto', 'exact' or 'numeric', got {method!r}")
    if method in ("auto", "exact"):
        out = _exact_thresholds(p, parameter, fixed, lo, hi, ev)
        if out is not None:
            return ThresholdList(replace(t, symbol=prm.latex) for t in out)
        if method == "exact":
            raise GameError(f"the payoffs are not rational functions of {parameter!r} with "
                            "rational coefficients here; use method='numeric'")
    if lo is None or hi is None:
        raise ParameterError(f"the numeric method needs a finite interval for {parameter!r}: "
                             "give lower= and upper=")
    return ThresholdList(replace(t, symbol=prm.latex) for t in
                         _numeric_thresholds(p, parameter, fixed, lo, hi, ev, tol, grid_points))


def _exact_thresholds(p, parameter, fixed, lo, hi, ev) -> ThresholdList | None:
    t = p.symbols[parameter]
    sub = {p.symbols[k]: sympy.Rational(v.numerator, v.denominator) for k, v in fixed.items()}
    A = sympy.Matrix(p.A).xreplace(sub)
    B = sympy.Matrix(p.B).xreplace(sub)
    exprs = _decision_expressions(A, B)
    for _, cond in p.regime_rules:
        exprs += [a.lhs - a.rhs for a in cond.atoms(sympy.core.relational.Relational)]
    for c in p.constraints:
        exprs += [a.lhs - a.rhs for a in c.atoms(sympy.core.relational.Relational)]
    roots: list[RealRoot] = []
    for e in exprs:
        rs = _real_roots(e.xreplace(sub), t, lo, hi)
        if rs is None:
            return None
        roots.extend(rs)
    uniq = sorted_roots(roots)  # distinct numbers, in exact order
    ends: list[RealRoot | Fraction | None] = [lo, *uniq, hi]
    mids = [simplest_between(ends[k], ends[k + 1]) for k in range(len(ends) - 1)]
    out = ThresholdList()
    for k, r in enumerate(uniq):
        before, after = ev(mids[k]), ev(mids[k + 1])
        here = ev(r.lo) if r.is_rational else ("", "")
        if before == after and (here == before or here == ("", "")):
            continue
        kind = "switch" if before != after else "isolated"
        out.append(Threshold(parameter, r.exact(t), True, 0.0, kind, before[0], here[0],
                             after[0], before[1], here[1], after[1]))
    return out


def _numeric_thresholds(p, parameter, fixed, lo, hi, ev, tol, grid_points) -> ThresholdList:
    flo, fhi = float(lo), float(hi)
    grid = np.linspace(flo, fhi, int(grid_points))
    res = sweep(p, {parameter: grid}, fixed=fixed, progress=False)
    pts = res.regimes()
    key = list(zip(pts["structure"].astype(str), pts["regime"].astype(str)
                   if p.regime_rules else [""] * len(pts), strict=True))

    def state(x: float) -> tuple[str, str]:
        return ev(Fraction(x))

    out = ThresholdList()

    def bisect(a: float, b: float, sa, sb, depth: int = 0) -> None:
        while b - a > 2 * tol:
            mid = (a + b) / 2
            if mid in (a, b):
                break
            sm = state(mid)
            if sm == sa:
                a = mid
            elif sm == sb:
                b = mid
            else:
                if depth < 20:
                    bisect(a, mid, sa, sm, depth + 1)
                    bisect(mid, b, sm, sb, depth + 1)
                return
        out.append(Threshold(parameter, (a + b) / 2, False, (b - a) / 2, "switch", sa[0], "",
                             sb[0], sa[1], "", sb[1]))

    # a grid value whose structure differs from both neighbours is the change itself
    # (the grid hit a tie exactly): report it at that value instead of bisecting around it
    single = [0 < k < len(grid) - 1 and key[k - 1] != key[k] != key[k + 1]
              for k in range(len(grid))]
    for k in range(len(grid)):
        if single[k]:
            kind = "isolated" if key[k - 1] == key[k + 1] else "switch"
            out.append(Threshold(parameter, float(grid[k]), False, 0.0, kind, key[k - 1][0],
                                 key[k][0], key[k + 1][0], key[k - 1][1], key[k][1],
                                 key[k + 1][1]))
    for k in range(len(grid) - 1):
        if key[k] != key[k + 1] and not single[k] and not single[k + 1]:
            bisect(float(grid[k]), float(grid[k + 1]), state(float(grid[k])),
                   state(float(grid[k + 1])))
    out.sort(key=lambda th: float(th.value))
    return out


# --------------------------------------------------------------------------- tracking
class TrackResult:
    """Equilibrium branches along a 1-D path.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per (value, equilibrium) with a ``branch`` id, probabilities and payoffs.
    events : pandas.DataFrame
        ``value``, ``event`` (``"appears"``, ``"vanishes"``, ``"merges"``, ``"splits"``),
        ``branches`` (ids involved).
    """

    def __init__(self, frame: pd.DataFrame, events: pd.DataFrame, parameter: str) -> None:
        self.frame, self.events, self.parameter = frame, events, parameter

    @property
    def n_branches(self) -> int:
        return int(self.frame["branch"].nunique())

    def __repr__(self) -> str:
        return (f"TrackResult({self.parameter}: {self.n_branches} branches, "
                f"{len(self.events)} events)")

    def _repr_html_(self) -> str:
        return (f"<p><b>{html.escape(repr(self))}</b></p>"
                + self.events.to_html(index=False))


def track(model: Model, parameter: str, values: Sequence[Number], at: Mapping[str, Number] | None
          = None, *, jump: float = 0.25) -> TrackResult:
    """Follow each equilibrium along a path of parameter values.

    At each step the equilibria of consecutive values are matched by minimum total
    distance (the sup-norm distance between profiles, Hungarian method); a match farther
    than ``jump`` is no match. Unmatched new equilibria start a branch ("appears"),
    unmatched old ones end ("vanishes"); when several old branches are all within
    ``jump`` of one new equilibrium the surplus ones "merge" into it, and the reverse is a
    "split".

    Examples
    --------
    Chicken with crash cost c: for c < 1 going straight is dominant; at c = 1 the two
    asymmetric pure equilibria appear, and the symmetric one continues as the mixed
    equilibrium, leaving (Straight, Straight) continuously:

    >>> import gametheory as gt, numpy as np
    >>> chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"],
    ...                             strategies=(("Swerve", "Straight"),) * 2)
    >>> tr = gt.track(chicken, "c", np.linspace(-1, 3, 41))
    >>> tr.n_branches, tr.events[["value", "event"]].values.tolist()
    (3, [[1.0, 'appears'], [1.0, 'appears']])
    """
    from scipy.optimize import linear_sum_assignment

    p, fixed = _line_model(model, parameter, at)
    vals = list(values)
    res = sweep(p, {parameter: vals}, fixed=fixed, progress=False)
    f = res.frame
    prob_cols = [c for c in f.columns if ": " in c and not c.startswith("payoff: ")]
    X = f[prob_cols].to_numpy()
    grid = res.grid[parameter]
    branch = np.full(len(f), -1, dtype=np.int64)
    events = []
    next_id = 0
    prev_rows = np.array([], dtype=np.int64)
    for k in range(len(grid)):
        rows = np.flatnonzero(f["point"].to_numpy() == k)
        if k == 0 or prev_rows.size == 0:
            for r in rows:
                branch[r] = next_id
                next_id += 1
            prev_rows = rows
            continue
        D = np.abs(X[prev_rows][:, None, :] - X[rows][None, :, :]).max(axis=2)
        ri, ci = linear_sum_assignment(D)
        matched_new = set()
        matched_old = set()
        for a, b in zip(ri, ci, strict=True):
            if D[a, b] <= jump:
                branch[rows[b]] = branch[prev_rows[a]]
                matched_new.add(b)
                matched_old.add(a)
        for a in range(len(prev_rows)):
            if a in matched_old:
                continue
            near = [b for b in range(len(rows)) if D[a, b] <= jump]
            if near:
                events.append((float(grid[k]), "merges",
                               (int(branch[prev_rows[a]]), int(branch[rows[near[0]]]))))
            else:
                events.append((float(grid[k]), "vanishes", (int(branch[prev_rows[a]]),)))
        for b in range(len(rows)):
            if b in matched_new:
                continue
            branch[rows[b]] = next_id
            near = [a for a in range(len(prev_rows)) if D[a, b] <= jump]
            if near:
                events.append((float(grid[k]), "splits",
                               (int(branch[prev_rows[near[0]]]), next_id)))
            else:
                events.append((float(grid[k]), "appears", (next_id,)))
            next_id += 1
        prev_rows = rows
    frame = f.assign(branch=branch)
    ev = pd.DataFrame(events, columns=["value", "event", "branches"])
    return TrackResult(frame, ev, parameter)
