r"""Burden sharing of air defence among n allies: the great carry the small.

Each of :math:`n` members chooses how many units of air defence to provide,
:math:`q_i \in \{0, 1, \dots, m\}`, at cost :math:`c` per unit. Defence is a public good:
every unit protects every member. Member :math:`i` values the :math:`t`-th unit of the
alliance's total :math:`Q = \sum_j q_j` at :math:`b_i \delta^{t-1}` (diminishing returns,
:math:`0 < \delta < 1`), where :math:`b_i` grows with the member's size and threat
perception, so

.. math::  u_i(q) = b_i \sum_{t=1}^{Q} \delta^{t-1} - c\, q_i
                  = b_i \frac{1 - \delta^{Q}}{1 - \delta} - c\, q_i.

A profile is a Nash equilibrium iff every contributor's last unit is worth its cost to it
(:math:`b_i \delta^{Q-1} \ge c` when :math:`q_i > 0`) and no member wants one more
(:math:`b_i \delta^{Q} \le c` when :math:`q_i < m`). A contributor :math:`i` and a
large member :math:`L` below capacity thus satisfy :math:`b_i \delta^{Q-1} \ge c \ge
b_L \delta^{Q}`, so :math:`b_i \ge \delta\, b_L`: when every other member values
defence less than :math:`\delta b_L` (the great are great enough) and :math:`L` is not
at capacity, :math:`L` provides all the defence and the others free-ride, so its share of
the burden (1) exceeds its share of the benefit :math:`b_L / \sum_j b_j`; and the total
falls short of the alliance's optimum, where a further unit is provided while
:math:`\sum_j b_j \delta^{Q} > c`. These are Olson and Zeckhauser's (1966) two
propositions: the *exploitation of the great by the small* and the *suboptimality* of
alliance provision (stated there for Nash contributions with continuous quantities; here
on a grid of units, solved exactly by the vectorised n-player pure-equilibrium solver).
On the grid, members with close valuations (:math:`b_i \ge \delta b_L`) also have
equilibria in which the smaller one carries the burden: discreteness, not the theory,
makes those; the tests show one.

The game is a weighted potential game (potential
:math:`\sum_{t \le Q} \delta^{t-1} - \sum_i (c/b_i)\, q_i`), so pure equilibria exist.

References
----------
Olson, M. and Zeckhauser, R. (1966). An economic theory of alliances. *Review of Economics
and Statistics* 48(3), 266-279.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from fractions import Fraction

import numpy as np
import sympy

from ..errors import ParameterError
from .kit import ParameterSpec, ParameterValue, spec, specs, symbol
from .nplayer import NPlayerGame
from .registry import register_model
from .volunteer import MAX_MEMBERS

__all__ = ["burden_sharing_n", "burden_shares", "MAX_UNITS"]

_U = "payoff units"
#: Largest number of units a member may provide (the game has ``(m+1)**n`` profiles).
MAX_UNITS = 9


def _parameters(n: int) -> dict[str, ParameterSpec]:
    out = [spec("defence_unit_cost", "c", 3, "cost of one unit of air defence", unit=_U),
           spec("returns_decay", r"\delta", "1/2", "each further unit is worth this share "
                "of the previous one", bounds=(0, 1))]
    for k in range(1, n + 1):
        out.append(spec(f"defence_value_{k}", f"b_{{{k}}}", 3 ** (n - k), f"member {k}'s "
                        "value of the first unit of air defence (size and threat)", unit=_U))
    return specs(*out)


@register_model(
    title="Burden sharing of air defence among n allies",
    result="Nash contributions: the member valuing defence most bears a share above its "
           "share of the benefit; provision below the alliance optimum",
    citation="Olson and Zeckhauser (1966)", returns="NPlayerGame")
def burden_sharing_n(members: int | Sequence[str] = 3, units: int = 3,
                     **overrides: ParameterValue) -> NPlayerGame:
    r"""n-member burden sharing of air defence (Olson and Zeckhauser 1966).

    Parameters
    ----------
    members : int or sequence of str
        Number of members (2 to 12) or their names, largest first by default values.
    units : int
        The most units a member can provide, :math:`m` (1 to :data:`MAX_UNITS`).
    **overrides
        New defaults for ``defence_unit_cost`` :math:`c` (3), ``returns_decay``
        :math:`\delta` (1/2) and ``defence_value_k`` :math:`b_k` (``3**(n-k)``).

    Returns
    -------
    NPlayerGame
        Strategies ``("0 units", ..., "m units")``; payoff
        :math:`b_i (1 - \delta^Q)/(1 - \delta) - c\,q_i`.

    Notes
    -----
    Closed form: at an equilibrium every contributor has :math:`b_i \delta^{Q-1} \ge c`
    and every member below capacity :math:`b_i \delta^{Q} \le c`; at the defaults the
    largest member provides two units and the others none, while the alliance would want
    a third (:math:`\sum_j b_j \delta^2 = 13/4 > 3`).

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.burden_sharing_n(3)
    >>> [g.labels(s) for s in g.pure_equilibria()]
    [('2 units', '0 units', '0 units')]
    >>> burden_shares(g.pure_equilibria()[0])
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))
    """
    if isinstance(members, int) and not isinstance(members, bool):
        n = members
        names = tuple(f"Member {k}" for k in range(1, n + 1))
    else:
        names = tuple(members)
        n = len(names)
    if not 2 <= n <= MAX_MEMBERS:
        raise ParameterError(f"burden sharing needs 2 to {MAX_MEMBERS} members; got {n}")
    if isinstance(units, bool) or not isinstance(units, int) or not 1 <= units <= MAX_UNITS:
        raise ParameterError(f"units must be an integer from 1 to {MAX_UNITS}; got {units!r}")
    c, delta = symbol("defence_unit_cost"), symbol("returns_decay")
    b = [symbol(f"defence_value_{k}") for k in range(1, n + 1)]
    # benefit of a total of Q units: sum of delta**(t-1), t = 1..Q (a polynomial in delta)
    benefit = [sympy.Integer(0)]
    for t in range(n * units):
        benefit.append(benefit[-1] + delta**t)
    arrays = [np.empty((units + 1,) * n, dtype=object) for _ in range(n)]
    entry = {(i, total, k): b[i] * benefit[total] - c * k for i in range(n)
             for total in range(n * units + 1) for k in range(units + 1)}
    for q in itertools.product(range(units + 1), repeat=n):
        total = sum(q)
        for i in range(n):
            arrays[i][q] = entry[i, total, q[i]]
    return NPlayerGame.build(
        _parameters(n), arrays, players=names,
        strategies=tuple(tuple(f"{k} unit{'s' if k != 1 else ''}" for k in range(units + 1))
                         for _ in range(n)),
        title=f"Burden sharing of air defence among {n} allies", model="burden_sharing_n",
        overrides=overrides, constraints=(c > 0, delta > 0, delta < 1) + tuple(x > 0 for x in b))


def burden_shares(profile: Sequence[int]) -> tuple[Fraction, ...]:
    """Each member's share of the units provided in a pure profile (0 if none is).

    >>> burden_shares((2, 1, 1))
    (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4))
    """
    total = sum(profile)
    return tuple(Fraction(q, total) if total else Fraction(0) for q in profile)
