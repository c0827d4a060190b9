"""Exact linear programming over Fractions: the one LP the toolkit's exact code needs
(mixed dominance, belief sets of perfect Bayesian equilibria).

A linear programme in standard form maximises :math:`c^\top x` subject to
:math:`a_r^\top x \\;(\\le, \\ge, =)\\; b_r` and :math:`x \\ge 0`. Sizes here are small
(a player's strategies, a receiver's types), so a dense two-phase tableau with exact
rational pivots is fast enough and never rounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

__all__ = ["simplex_max"]

_F0 = Fraction(0)
_F1 = Fraction(1)


def simplex_max(c: Sequence[Fraction], rows: Sequence[Sequence[Fraction]],
                 senses: Sequence[str], rhs: Sequence[Fraction]
                 ) -> tuple[str, list[Fraction] | None, Fraction | None]:
    """Maximise ``c.x`` subject to ``rows[r].x (<=|>=|=) rhs[r]``, ``x >= 0``, exactly.

    Two-phase tableau simplex over Fractions with Bland's (1977) smallest-index rule,
    which cannot cycle (Chvatal 1983, *Linear Programming*, chapter 3). Returns
    ``(status, x, value)`` with status ``"optimal"``, ``"infeasible"`` or ``"unbounded"``.

    >>> simplex_max([Fraction(1), Fraction(1)], [[Fraction(1), Fraction(2)]], ["<="],
    ...              [Fraction(4)])
    ('optimal', [Fraction(4, 1), Fraction(0, 1)], Fraction(4, 1))
    """
    n = len(c)
    flip = {"<=": ">=", ">=": "<=", "=": "="}
    norm = []
    for a, s, b in zip(rows, senses, rhs, strict=True):
        a = [Fraction(v) for v in a]
        b = Fraction(b)
        if b < 0:
            a, b, s = [-v for v in a], -b, flip[s]
        norm.append((a, s, b))
    n_slack = sum(s != "=" for _, s, _ in norm)
    n_art = sum(s != "<=" for _, s, _ in norm)
    total = n + n_slack + n_art
    tab: list[list[Fraction]] = []
    basis: list[int] = []
    si, ai = n, n + n_slack
    for a, s, b in norm:
        row = a + [_F0] * (n_slack + n_art) + [b]
        if s == "<=":
            row[si] = _F1
            basis.append(si)
            si += 1
        else:
            if s == ">=":
                row[si] = -_F1
                si += 1
            row[ai] = _F1
            basis.append(ai)
            ai += 1
        tab.append(row)
    artificial = set(range(n + n_slack, total))

    def run(cost: list[Fraction], allowed: int) -> str:
        while True:
            enter = -1
            for j in range(allowed):
                if j in basis:
                    continue
                rc = cost[j] - sum((cost[basis[r]] * tab[r][j] for r in range(len(tab))
                                    if tab[r][j]), _F0)
                if rc > 0:
                    enter = j
                    break
            if enter < 0:
                return "optimal"
            best_r, best_ratio = -1, None
            for r, row in enumerate(tab):
                if row[enter] > 0:
                    ratio = row[-1] / row[enter]
                    if best_ratio is None or ratio < best_ratio or (
                            ratio == best_ratio and basis[r] < basis[best_r]):
                        best_r, best_ratio = r, ratio
            if best_r < 0:
                return "unbounded"
            pivot(best_r, enter)

    def pivot(r: int, j: int) -> None:
        pr = tab[r]
        pv = pr[j]
        if pv != 1:
            tab[r] = pr = [v / pv for v in pr]
        for k, row in enumerate(tab):
            if k != r and row[j]:
                f = row[j]
                tab[k] = [v - f * w for v, w in zip(row, pr, strict=True)]
        basis[r] = j

    if artificial:
        phase1 = [_F0] * total
        for j in artificial:
            phase1[j] = -_F1
        run(phase1, total)
        if any(tab[r][-1] != 0 for r in range(len(tab)) if basis[r] in artificial):
            return "infeasible", None, None
        # drive zero-level artificials out of the basis; drop redundant rows
        r = 0
        while r < len(tab):
            if basis[r] in artificial:
                col = next((j for j in range(n + n_slack) if tab[r][j] != 0), None)
                if col is None:
                    del tab[r]
                    del basis[r]
                    continue
                pivot(r, col)
            r += 1
    cost = [Fraction(v) for v in c] + [_F0] * (total - n)
    status = run(cost, n + n_slack)
    if status == "unbounded":
        return status, None, None
    x = [_F0] * n
    for r, j in enumerate(basis):
        if j < n:
            x[j] = tab[r][-1]
    return "optimal", x, sum((ci * xi for ci, xi in zip(cost, x, strict=False)), _F0)
