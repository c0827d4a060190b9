r"""Regime-map data in the plane of two parameters: the regime grid and the exact boundaries.

Fix every parameter but two, :math:`(x, y)`. A game with regime rules (ordered
conditions :math:`R_1(\theta), R_2(\theta), \dots`; the regime at :math:`\theta` is the
first that holds) is classified on a grid (:func:`regime_grid`). Each rule is a Boolean
combination of inequalities :math:`g(\theta) \ge 0`, so the boundaries between regimes lie
on the curves :math:`g(x, y) = 0` (:func:`regime_boundaries`): solved exactly for
:math:`y` (or :math:`x`) when :math:`g` is linear in it, otherwise traced as the zero
contour of :math:`g` on a fine grid. A curve is kept only where the regime differs on its
two sides (:func:`boundary_curves`): the regime is evaluated exactly a small step either
side along the normal :math:`\nabla g`.

:func:`gametheory.report.figures.regime_map` draws these curves; the report job
tabulates the same ones.

Examples
--------
>>> import gametheory as gt
>>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
...                       regime_rules=[("tolerated", "r <= 1 and v > 1"),
...                                     ("deterred", "r > 1 and v <= 3"),
...                                     ("other", "v >= 0")])
>>> grid = regime_grid(p, {"v": (0, 4), "r": (0, 2)}, resolution=41)
>>> curves = boundary_curves(p, "v", "r", grid["x"], grid["y"])
>>> [c.boundary.latex for c in curves]
['r = 1', 'v = 1', 'v = 3']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..._latex import latex_expr, latex_symbol_names
from ...core.expressions import to_sympy_number
from ...core.parameters import check_names, resolve_arrays
from ...core.parametric import ParametricGame
from ...errors import GameError, ParameterError
from .sweep import exact_value

__all__ = ["regime_grid", "Boundary", "regime_boundaries", "BoundaryCurve", "boundary_curves"]


def _axis_values(spec: Any, resolution: int) -> np.ndarray:
    """A tuple ``(start, stop)`` is a range of ``resolution`` points; a list/array: values."""
    if isinstance(spec, tuple) and len(spec) == 2:
        return np.linspace(float(spec[0]), float(spec[1]), max(int(resolution), 2))
    arr = np.asarray(spec, dtype=float)
    if arr.ndim != 1 or arr.size < 1:
        raise ParameterError(f"an axis is a (start, stop) pair or an array of values, got "
                             f"{spec!r}")
    return arr


def regime_grid(game: ParametricGame, axes: Mapping[str, Any], at: Mapping[str, Any] | None = None,
                resolution: int = 201) -> dict[str, Any]:
    """Regime labels of a ParametricGame over a 2-D grid, from its regime rules.

    Parameters
    ----------
    game : ParametricGame
        With ``regime_rules`` (vectorised :meth:`~gametheory.ParametricGame.classify`).
    axes : dict
        ``{x name: values, y name: values}`` in order; a tuple ``(start, stop)`` is a range
        of ``resolution`` points, a list or array the values themselves.
    at : dict, optional
        Values of the other parameters (defaults fill the rest).
    resolution : int
        Points per axis for ``(start, stop)`` pairs.

    Returns
    -------
    dict
        ``x``, ``y`` (axis values), ``labels``, ``codes`` (shape ``(len(x), len(y))``,
        index into labels, -1 where bounds or constraints fail), ``x_name``, ``y_name``
        (the layout of :meth:`gametheory.SweepResult.regime_map`).

    Examples
    --------
    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [["b"]], ["a", "b"],
    ...                       regime_rules=[("low", "a < b"), ("high", "a >= b")])
    >>> g = regime_grid(p, {"a": [0, 1, 2], "b": [1]})
    >>> g["labels"], g["codes"].ravel().tolist()
    (['low', 'high'], [0, 1, 1])
    """
    if len(axes) != 2:
        raise ParameterError(f"regime_grid needs two axes, got {list(axes)}")
    if not game.regime_rules:
        raise GameError("the game has no regime rules; give regime_rules=[(name, condition), "
                        "...] or use a sweep result")
    (xn, xs), (yn, ys) = axes.items()
    x, y = _axis_values(xs, resolution), _axis_values(ys, resolution)
    X, Y = np.meshgrid(x, y, indexing="ij")
    full = _full_arrays(game, {**(at or {}), xn: X, yn: Y}, X.shape)
    labels_arr = np.broadcast_to(np.asarray(game.classify(**full), dtype=object), X.shape)
    feasible = np.broadcast_to(np.asarray(game.feasible(**full)), X.shape)
    order = [name for name, _ in game.regime_rules] + ["unclassified"]
    present = set(labels_arr[feasible].ravel().tolist())
    labels = [lab for lab in order if lab in present]
    lut = {lab: k for k, lab in enumerate(labels)}
    codes = np.vectorize(lambda s: lut.get(s, -1), otypes=[int])(labels_arr)
    codes[~feasible] = -1
    return {"x": x, "y": y, "labels": labels, "codes": codes, "x_name": xn, "y_name": yn}


def _full_arrays(game: ParametricGame, values: Mapping[str, Any], shape: tuple[int, ...]
                 ) -> dict[str, np.ndarray]:
    """Every parameter as a float array of ``shape`` (given values, else defaults).

    Broadcasting all parameters up front keeps vectorised rules whose atoms do not all
    depend on the swept parameters from mixing scalars and arrays.
    """
    arrays = resolve_arrays(game.parameters, values, shape=shape)
    return {name: a.copy() for name, a in zip(game.parameter_names, arrays, strict=True)}


@dataclass(frozen=True)
class Boundary:
    """A regime boundary ``g(x, y) = 0`` in the plane of two parameters.

    Attributes
    ----------
    expr : sympy.Expr
        ``g`` with the other parameters at their fixed values (exact).
    general : sympy.Expr
        ``g`` with every parameter symbolic.
    solved_for : str or None
        The parameter ``g = 0`` is solved for (``y`` preferred), if linear in it.
    solution : sympy.Expr or None
        That parameter as an exact function of the other axis.
    general_solution : sympy.Expr or None
        The same, with every parameter symbolic.
    latex : str
        ``y = ...`` (or ``g = 0``) in LaTeX with the parameters' symbols.
    """

    expr: Any
    general: Any
    solved_for: str | None
    solution: Any
    general_solution: Any
    latex: str


def regime_boundaries(game: ParametricGame, x: str, y: str, at: Mapping[str, Any] | None = None
                      ) -> list[Boundary]:
    r"""The curves on which a regime rule's inequality turns, in the (x, y) plane.

    Every relational atom ``lhs ? rhs`` of the regime rules gives ``g = lhs - rhs``; with
    the other parameters fixed (``at``, else defaults) those that depend on ``x`` or
    ``y`` are kept, normalised (monic, so a rule written twice gives one curve) and,
    when linear in ``y`` (else ``x``), solved exactly.

    Examples
    --------
    >>> import gametheory as gt
    >>> p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", default=2), "b", "c"],
    ...                       regime_rules=[("low", "2*b < a + c"), ("high", "a + c <= 2*b")])
    >>> [(str(b.solution), b.latex) for b in regime_boundaries(p, "b", "c", at={"a": 2})]
    [('2*b - 2', 'c = 2 b - 2')]
    """
    import sympy as sp

    check_names(game.parameters, (x, y))
    params = {p.name: p for p in game.parameters}
    syms = {p.name: p.sympy for p in game.parameters}
    X, Y = syms[x], syms[y]
    fixed = {}
    for name, p in params.items():
        if name in (x, y):
            continue
        val = (at or {}).get(name, p.default)
        if val is not None:
            f = exact_value(val)
            fixed[syms[name]] = to_sympy_number(f)
    names = latex_symbol_names(game.parameters)
    seen: dict[Any, Boundary] = {}
    atoms = []
    for _, cond in game.regime_rules:
        for rel in sorted(cond.atoms(sp.core.relational.Relational), key=sp.default_sort_key):
            atoms.append(rel)
    for rel in atoms:
        general = sp.expand(rel.lhs - rel.rhs)
        g = sp.expand(general.subs(fixed))
        if not g.free_symbols & {X, Y}:
            continue
        key = _normal_form(g, X, Y)
        if key in seen:
            continue
        solved, sol, gsol = None, None, None
        for var, name in ((Y, y), (X, x)):
            if var in g.free_symbols and sp.Poly(g, var).degree() == 1 if g.is_polynomial(
                    var) else False:
                coeff = sp.expand(g).coeff(var, 1)
                if coeff.free_symbols & {X, Y}:
                    continue
                solved, sol = name, sp.simplify(-(g - coeff * var) / coeff)
                gc = sp.expand(general).coeff(var, 1)
                gsol = sp.simplify(-(general - gc * var) / gc) if gc != 0 else None
                break
        if solved is None:
            tex = latex_expr(g, names) + " = 0"
        else:
            tex = f"{names[solved]} = {latex_expr(sol, names)}"
        seen[key] = Boundary(g, general, solved, sol, gsol, tex)
    return list(seen.values())


def _normal_form(g: Any, X: Any, Y: Any) -> Any:
    import sympy as sp

    num = sp.numer(sp.together(g))
    try:
        poly = sp.Poly(num, X, Y)
        lc = poly.coeffs()[0]
        return sp.expand(num / lc)
    except sp.PolynomialError:
        return num


def _differs_across(game: ParametricGame, b: Boundary, x: str, y: str, at: Mapping[str, Any],
                    xs: np.ndarray, ys: np.ndarray, window: tuple[float, float, float, float]
                    ) -> np.ndarray:
    """Mask of points on a boundary where the game's regime differs on its two sides.

    The regime is evaluated exactly (the game's vectorised ``classify``) a small step
    (1e-4 of the plotted window) either side along the normal of ``g = 0``.
    """
    import sympy as sp

    X, Y = sp.Symbol(x, real=True), sp.Symbol(y, real=True)
    gx = sp.lambdify((X, Y), sp.diff(b.expr, X), "numpy")
    gy = sp.lambdify((X, Y), sp.diff(b.expr, Y), "numpy")
    dx = np.broadcast_to(np.asarray(gx(xs, ys), dtype=float), xs.shape)
    dy = np.broadcast_to(np.asarray(gy(xs, ys), dtype=float), xs.shape)
    x0, x1, y0, y1 = window
    sx, sy = max(x1 - x0, 1e-12), max(y1 - y0, 1e-12)
    u, w = dx * sx, dy * sy  # gradient in window-normalised coordinates
    norm = np.hypot(u, w)
    ok = norm > 0
    norm = np.where(ok, norm, 1.0)
    ox, oy = 1e-4 * sx * u / norm, 1e-4 * sy * w / norm
    plus = _full_arrays(game, {**at, x: xs + ox, y: ys + oy}, xs.shape)
    minus = _full_arrays(game, {**at, x: xs - ox, y: ys - oy}, xs.shape)
    a = np.asarray(game.classify(**plus), dtype=object)
    c = np.asarray(game.classify(**minus), dtype=object)
    fa, fc = np.asarray(game.feasible(**plus)), np.asarray(game.feasible(**minus))
    within = ((np.minimum(xs + ox, xs - ox) >= x0) & (np.maximum(xs + ox, xs - ox) <= x1)
              & (np.minimum(ys + oy, ys - oy) >= y0) & (np.maximum(ys + oy, ys - oy) <= y1))
    return ok & within & (a != c) & fa & fc



@dataclass(frozen=True)
class BoundaryCurve:
    """A boundary sampled for drawing: points ``(x, y)`` on ``g = 0``.

    ``y`` is NaN where the curve is hidden (outside the window, or where the regime is
    the same on both sides), so a line plot shows only the separating parts.
    """

    boundary: Boundary
    x: np.ndarray
    y: np.ndarray


def boundary_curves(game: ParametricGame | None, x: str, y: str, xs: Sequence[float],
                    ys: Sequence[float], at: Mapping[str, Any] | None = None,
                    thresholds: str | Sequence[Any] = "auto", samples: int = 400
                    ) -> list[BoundaryCurve]:
    """The boundaries that separate regimes in the window ``xs`` by ``ys``, sampled.

    Parameters
    ----------
    game : ParametricGame or None
        With regime rules; None draws the given ``thresholds`` wherever they lie.
    x, y : str
        The parameters of the two axes.
    xs, ys : array of float
        The window's axis values (first and last are its edges).
    at : mapping, optional
        Values of the other parameters (defaults fill the rest).
    thresholds : "auto" or sequence
        ``"auto"``: :func:`regime_boundaries` of the game; or :class:`Boundary` values
        and sympy expressions or relations ``g(x, y)`` (taken as ``g = 0``).
    samples : int
        Points per curve (per axis for a traced contour).

    Returns
    -------
    list of BoundaryCurve
        Only curves with a visible, separating part, in the order of the boundaries.
    """
    import sympy as sp

    at = dict(at or {})
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    if isinstance(thresholds, str):
        if thresholds != "auto":
            raise GameError(f"thresholds must be 'auto', None or a sequence, got {thresholds!r}")
        if game is None or not game.regime_rules:
            return []
        bounds = regime_boundaries(game, x, y, at)
    else:
        names = latex_symbol_names(game.parameters) if game is not None else {}
        bounds = []
        for t in thresholds:
            if isinstance(t, Boundary):
                bounds.append(t)
            else:
                e = t.lhs - t.rhs if isinstance(t, sp.core.relational.Relational) else t
                bounds.append(Boundary(e, e, None, None, None, latex_expr(e, names) + " = 0"))
    window = (xs[0], xs[-1], ys[0], ys[-1])
    dense_x = np.linspace(xs[0], xs[-1], samples)
    dense_y = np.linspace(ys[0], ys[-1], samples)
    out = []
    for b in bounds:
        traced = _trace(b, x, y, dense_x, dense_y)
        if traced is None:
            continue
        px, py = traced
        inside = (px >= xs[0]) & (px <= xs[-1]) & (py >= ys[0]) & (py <= ys[-1])
        if not inside.any():
            continue
        if game is not None:
            sep = np.zeros_like(inside)
            sep[inside] = _differs_across(game, b, x, y, at, px[inside], py[inside], window)
            if not sep.any():
                continue
            show = np.where(sep | _near(sep), py, np.nan)
        else:
            show = np.where(inside, py, np.nan)
        out.append(BoundaryCurve(b, px, show))
    return out


def _trace(b: Boundary, x: str, y: str, dense_x: np.ndarray, dense_y: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray] | None:
    """Points on ``g = 0``: from the exact solution, else the zero contour (NaN-separated)."""
    import sympy as sp

    X, Y = sp.Symbol(x, real=True), sp.Symbol(y, real=True)
    if b.solved_for == y:
        py = np.asarray(sp.lambdify(X, b.solution, "numpy")(dense_x), dtype=float)
        return dense_x, np.broadcast_to(py, dense_x.shape)
    if b.solved_for == x:
        px = np.asarray(sp.lambdify(Y, b.solution, "numpy")(dense_y), dtype=float)
        return np.broadcast_to(px, dense_y.shape), dense_y
    from contourpy import LineType, contour_generator

    GX, GY = np.meshgrid(dense_x, dense_y, indexing="ij")
    F = np.broadcast_to(np.asarray(sp.lambdify((X, Y), b.expr, "numpy")(GX, GY), dtype=float),
                        GX.shape)
    gen = contour_generator(GX, GY, np.ma.masked_invalid(F), name="mpl2014", corner_mask=True,
                            line_type=LineType.SeparateCode)
    segs = [s for s in gen.lines(0.0)[0] if len(s) > 1]
    if not segs:
        return None
    pts = np.concatenate([np.vstack([s, [[np.nan, np.nan]]]) for s in segs])
    return pts[:, 0], pts[:, 1]


def _near(mask: np.ndarray) -> np.ndarray:
    """Widen a boolean mask by one sample each way (closes gaps at line ends)."""
    out = mask.copy()
    out[1:] |= mask[:-1]
    out[:-1] |= mask[1:]
    return out
