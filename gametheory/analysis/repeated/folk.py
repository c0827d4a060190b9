r"""The folk-theorem picture: minmax values, feasible and individually rational payoffs.

For a two-player stage game with payoff matrices :math:`A` (row) and :math:`B` (column):

* the *pure minmax* value of the row player is
  :math:`\underline v_1^{p} = \min_j \max_i A_{ij}` (the column player punishes with a pure
  action, the row player best-responds), and symmetrically
  :math:`\underline v_2^{p} = \min_i \max_j B_{ij}`;
* the *mixed minmax* value :math:`\underline v_1 = \min_{y \in \Delta} \max_i (A y)_i` is a
  linear programme: minimise :math:`v` subject to :math:`A y \le v \mathbf 1`,
  :math:`\mathbf 1^\top y = 1`, :math:`y \ge 0` (solved with ``scipy.optimize.linprog``;
  for exact games the value is also found exactly as the value of the zero-sum game
  :math:`(A, -A)` by the toolkit's exact solver, von Neumann's minimax theorem);
* the *feasible* payoffs are the convex hull :math:`V` of the pure payoff pairs
  :math:`(A_{ij}, B_{ij})` (with public randomisation);
* the *individually rational* feasible payoffs are
  :math:`V^* = \{v \in V : v_1 \ge \underline v_1,\ v_2 \ge \underline v_2\}`.

The folk theorem (Fudenberg and Maskin 1986; for two players the full-dimensionality
condition is not needed): every payoff in the interior of :math:`V^*` is a
subgame-perfect equilibrium payoff of the repeated game for all discount factors close
enough to 1; with pure minmax punishments (Friedman 1971's Nash-threat version uses the
stage equilibrium instead). :func:`folk_region` computes the data, with the discounted
payoffs of automaton profiles marked; :func:`gametheory.report.figures.folk_region` draws
it.

References
----------
Fudenberg, D. and Maskin, E. (1986). The folk theorem in repeated games with discounting
or with incomplete information. *Econometrica* 54, 533-554.
Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of Economic
Studies* 38, 1-12.
Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*, section 2.3.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> r = folk_region(pd)
>>> r.minmax
(Fraction(1, 1), Fraction(1, 1))
>>> [tuple(map(str, v)) for v in r.individually_rational]
[('1', '1'), ('13/3', '1'), ('3', '3'), ('1', '13/3')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from ...core.game import NormalFormGame
from ...errors import GameError, LabelError, SolverError

__all__ = ["pure_minmax", "mixed_minmax", "minmax", "feasible_set", "folk_region",
           "FolkRegion", "Minmax"]


class DiscountedPayoffs(Protocol):
    """A repeated game that gives a profile's discounted payoffs (a RepeatedGame)."""

    def payoffs(self, profile: Sequence[Any], discount: Any) -> tuple[Any, Any]: ...


@dataclass(frozen=True)
class Minmax:
    """A minmax value with the punisher's strategy that attains it.

    ``value`` is exact (Fraction) when possible; ``punishment`` is the punisher's pure
    label (pure minmax) or mixed strategy (a tuple of probabilities); ``lp_value`` is the
    linear programme's float value for the mixed minmax.
    """

    player: str
    value: Any
    punishment: Any
    mixed: bool
    lp_value: float | None = None


def _player(stage: NormalFormGame, player: int | str) -> int:
    if not isinstance(stage, NormalFormGame):
        raise GameError("the folk-theorem functions need a numeric NormalFormGame stage "
                        "(use a ParametricGame's .at(...))")
    return stage.player_index(player)


def pure_minmax(stage: NormalFormGame, player: int | str) -> Minmax:
    """Pure minmax value of ``player``: the opponent's harshest pure punishment.

    >>> import gametheory as gt
    >>> mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> pure_minmax(mp, 0).value      # any pure punishment is answered: 1
    Fraction(1, 1)
    """
    p = _player(stage, player)
    U = stage.A if p == 0 else stage.B.T  # rows: own actions, columns: punisher's actions
    best = [max(U[:, k]) for k in range(U.shape[1])]
    k = min(range(len(best)), key=lambda c: best[c])
    return Minmax(stage.players[p], best[k], stage.strategies[1 - p][k], False)


def mixed_minmax(stage: NormalFormGame, player: int | str) -> Minmax:
    """Mixed minmax value of ``player`` by linear programming (exact too for exact games).

    >>> import gametheory as gt
    >>> mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> m = mixed_minmax(mp, 0)
    >>> m.value, m.punishment
    (Fraction(0, 1), (Fraction(1, 2), Fraction(1, 2)))
    """
    from scipy.optimize import linprog

    p = _player(stage, player)
    A, B = stage.as_float()
    U = A if p == 0 else B.T          # U[own, punisher]
    m, n = U.shape
    # variables (y_1..y_n, v): minimise v s.t. U y - v <= 0, sum y = 1, y >= 0
    c = np.zeros(n + 1)
    c[-1] = 1.0
    A_ub = np.hstack([U, -np.ones((m, 1))])
    b_ub = np.zeros(m)
    A_eq = np.hstack([np.ones((1, n)), np.zeros((1, 1))])
    res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=[1.0],
                  bounds=[(0, None)] * n + [(None, None)], method="highs")
    if not res.success:  # pragma: no cover - the LP is always feasible and bounded
        raise SolverError(f"minmax linear programme failed: {res.message}")
    lp_value = float(res.x[-1])
    y = tuple(float(v) for v in res.x[:n])
    if stage.is_exact:
        # exact value of the zero-sum game (U, -U): the punisher's optimal strategy
        Ue = stage.A if p == 0 else stage.B.T
        zs = NormalFormGame(Ue, -Ue)
        eq = zs.equilibria()[0]
        value = eq.payoffs[0]
        if abs(float(value) - lp_value) > 1e-7 * max(1.0, abs(lp_value)):  # pragma: no cover
            raise SolverError(f"linear programme ({lp_value}) and exact solver ({value}) "
                              "disagree on the minmax value")
        return Minmax(stage.players[p], value, tuple(eq.col), True, lp_value)
    return Minmax(stage.players[p], lp_value, y, True, lp_value)


def minmax(stage: NormalFormGame, player: int | str, mixed: bool = True) -> Minmax:
    """Mixed (default) or pure minmax value of ``player``."""
    return mixed_minmax(stage, player) if mixed else pure_minmax(stage, player)


def _hull(points: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Convex hull, counter-clockwise, exact (Andrew's monotone chain on exact values)."""
    pts = sorted(set(points), key=lambda q: (q[0], q[1]))
    if len(pts) <= 2:
        return pts

    def cross(o: tuple, a: tuple, b: tuple) -> Any:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for q in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], q) <= 0:
            lower.pop()
        lower.append(q)
    upper: list = []
    for q in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], q) <= 0:
            upper.pop()
        upper.append(q)
    return lower[:-1] + upper[:-1]


def feasible_set(stage: NormalFormGame) -> list[tuple[Any, Any]]:
    """Vertices of the convex hull of the pure payoff pairs, counter-clockwise.

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> [tuple(map(int, v)) for v in feasible_set(pd)]
    [(0, 5), (1, 1), (5, 0), (3, 3)]
    """
    _player(stage, 0)
    m, n = stage.shape
    pts = [(stage.A[i, j], stage.B[i, j]) for i in range(m) for j in range(n)]
    return _hull(pts)


def _clip(poly: list, axis: int, bound: Any) -> list:
    """Sutherland-Hodgman: keep the part of a convex polygon with coordinate >= bound."""
    if not poly:
        return []
    out = []
    k = len(poly)
    for idx in range(k):
        cur, nxt = poly[idx], poly[(idx + 1) % k]
        cin, nin = cur[axis] >= bound, nxt[axis] >= bound
        if cin:
            out.append(cur)
        if cin != nin and (k > 1):
            t = (bound - cur[axis]) / (nxt[axis] - cur[axis])
            pt = (cur[0] + t * (nxt[0] - cur[0]), cur[1] + t * (nxt[1] - cur[1]))
            out.append(pt)
    dedup: list = []
    for q in out:
        if not dedup or q != dedup[-1]:
            dedup.append(q)
    if len(dedup) > 1 and dedup[0] == dedup[-1]:
        dedup.pop()
    return dedup


def _area(poly: list) -> Any:
    if len(poly) < 3:
        return 0
    s = 0
    for k in range(len(poly)):
        x0, y0 = poly[k]
        x1, y1 = poly[(k + 1) % len(poly)]
        s += x0 * y1 - x1 * y0
    return s / 2


@dataclass(frozen=True)
class FolkRegion:
    """Feasible and individually rational payoffs of a stage game (drawn by
    :func:`gametheory.report.figures.folk_region`).

    Attributes
    ----------
    feasible : list of (u1, u2)
        Convex-hull vertices, counter-clockwise.
    minmax : (v1, v2)
        Minmax values used (mixed by default).
    individually_rational : list of (u1, u2)
        Vertices of the feasible set cut at the minmax values (may be empty).
    minmax_details : (Minmax, Minmax)
    points : dict
        Marked payoff points (e.g. automaton profiles) by label.
    """

    stage: NormalFormGame
    feasible: list
    minmax: tuple
    individually_rational: list
    minmax_details: tuple
    points: dict = field(default_factory=dict)

    @property
    def area(self) -> Any:
        """Area of the individually rational feasible set."""
        return _area(self.individually_rational)

    def contains(self, payoff: Sequence[Any], strict: bool = False) -> bool:
        """Whether a payoff pair is individually rational and feasible (``strict``: interior)."""
        poly = self.individually_rational
        if len(poly) < 3:
            return False
        x, y = payoff
        for k in range(len(poly)):
            x0, y0 = poly[k]
            x1, y1 = poly[(k + 1) % len(poly)]
            c = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)
            if c < 0 or (strict and c == 0):
                return False
        return True

    def with_points(self, points: Mapping[str, Sequence[Any]]) -> FolkRegion:
        """A copy with more marked payoff points."""
        return FolkRegion(self.stage, self.feasible, self.minmax, self.individually_rational,
                          self.minmax_details, {**self.points, **dict(points)})


def folk_region(stage: NormalFormGame, mixed: bool = True,
                repeated: DiscountedPayoffs | None = None,
                profiles: Mapping[str, Any] | None = None, discount: Any = None
                ) -> FolkRegion:
    """The feasible and individually rational payoff set, with profiles' payoffs marked.

    Parameters
    ----------
    stage : NormalFormGame
    mixed : bool
        Mixed (default) or pure minmax values.
    repeated : RepeatedGame, optional
        Needed to mark ``profiles``.
    profiles : mapping of label -> pair of Automaton, optional
        Their discounted payoffs at ``discount`` are marked.
    discount : number, optional

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> rg = gt.RepeatedGame(pd)
    >>> grim = (gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1))
    >>> r = folk_region(pd, repeated=rg, profiles={"grim": grim}, discount="9/10")
    >>> r.points["grim"], r.contains(r.points["grim"])
    ((Fraction(3, 1), Fraction(3, 1)), True)
    """
    mm = (minmax(stage, 0, mixed), minmax(stage, 1, mixed))
    v = (mm[0].value, mm[1].value)
    feas = feasible_set(stage)
    if len(feas) >= 3:
        ir = _clip(_clip(feas, 0, v[0]), 1, v[1])
    else:  # degenerate hull (a point or a segment)
        ir = [q for q in feas if q[0] >= v[0] and q[1] >= v[1]]
    points: dict = {}
    if profiles:
        if repeated is None or discount is None:
            raise GameError("marking profiles needs repeated= (a RepeatedGame) and discount=")
        for label, prof in profiles.items():
            if not isinstance(label, str):
                raise LabelError(f"profile labels must be strings, got {label!r}")
            points[label] = repeated.payoffs(prof, discount)
    return FolkRegion(stage, feas, v, ir, mm, points)
