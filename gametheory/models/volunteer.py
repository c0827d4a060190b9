r"""The volunteer's dilemma of n allies: who intercepts the drone, and how group size hurts.

Each of :math:`n` allies can ``Intercept`` (cost :math:`c_i`) or ``Wait``. If at least one
intercepts, every ally enjoys the protection :math:`b_i`; if nobody does, all get 0. So
ally :math:`i` earns :math:`b_i - c_i` by intercepting, :math:`b_i` by waiting while
another intercepts and 0 when nobody does; :math:`0 < c_i < b_i`.

Symmetric game (:func:`volunteers_dilemma_n`, Diekmann 1985)
    With :math:`b_i = b`, :math:`c_i = c` the pure equilibria are the :math:`n` profiles
    with exactly one interceptor. In the symmetric mixed equilibrium each ally waits with
    probability :math:`q` making the others indifferent: :math:`b - c = b(1 - q^{n-1})`,
    so :math:`q = (c/b)^{1/(n-1)}` and nobody intercepts with probability

    .. math::  q^n = (c/b)^{n/(n-1)},

    which *rises* with :math:`n` towards :math:`c/b`: the larger the alliance, the more
    likely that nobody acts (Diekmann 1985, the group-size result). More generally, for
    every set :math:`M` of at least two allies there is exactly one equilibrium in which
    the members of :math:`M` mix as above (with :math:`n` replaced by :math:`|M|`) and the
    others wait, so the game has :math:`2^n - 1` equilibria.

Asymmetric game (:func:`asymmetric_volunteers_dilemma`, Diekmann 1993)
    With cost-benefit ratios :math:`r_i = c_i/b_i`, ally :math:`i` is indifferent when
    the others all wait with probability :math:`\prod_{j \ne i} q_j = r_i`. Writing
    :math:`P = \prod_j q_j` (the probability that nobody intercepts) gives
    :math:`q_i = P/r_i` and :math:`P = (\prod_j r_j)^{1/(n-1)}`: in the completely mixed
    equilibrium (it exists iff :math:`P < \min_j r_j`) the ally with the *lowest* cost
    ratio, the one with most at stake, intercepts with the *lowest* probability. For two
    allies, ally :math:`i` intercepts with probability :math:`1 - r_j`, as in
    :func:`gametheory.models.volunteers_dilemma`.

The models write only the payoffs; the tests obtain the equilibria from the exact
n-player support enumeration and compare them with the closed forms above.

References
----------
Diekmann, A. (1985). Volunteer's dilemma. *Journal of Conflict Resolution* 29(4), 605-610.
Diekmann, A. (1993). Cooperation in an asymmetric volunteer's dilemma game. *International
Journal of Game Theory* 22, 75-85.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from ..errors import ParameterError
from .kit import ParameterSpec, ParameterValue, spec, specs, symbol
from .nplayer import NPlayerGame, probability_all
from .registry import register_model

__all__ = ["volunteers_dilemma_n", "asymmetric_volunteers_dilemma", "nobody_intercepts",
           "MAX_MEMBERS"]

_U = "payoff units"
#: Largest alliance the n-member games build (``2**n`` profiles per player's array).
MAX_MEMBERS = 12
INTERCEPT, WAIT = 0, 1

SYMMETRIC_PARAMETERS = specs(
    spec("protection_value", "b", 4, "each ally's value of the probe being intercepted "
         "by someone", unit=_U),
    spec("intercept_cost", "c", 1, "an ally's cost of intercepting", unit=_U),
)


def _members(members: int | Sequence[str]) -> tuple[str, ...]:
    if isinstance(members, int) and not isinstance(members, bool):
        if not 2 <= members <= MAX_MEMBERS:
            raise ParameterError(f"an alliance needs 2 to {MAX_MEMBERS} members; got {members}")
        return tuple(f"Ally {k}" for k in range(1, members + 1))
    names = tuple(members)
    if not 2 <= len(names) <= MAX_MEMBERS or len(set(names)) != len(names) or not all(
            isinstance(x, str) and x for x in names):
        raise ParameterError(f"members must be 2 to {MAX_MEMBERS} distinct names; got {members!r}")
    return names


def _volunteer_arrays(b: Sequence[sympy.Expr], c: Sequence[sympy.Expr]) -> list[np.ndarray]:
    n = len(b)
    arrays = [np.empty((2,) * n, dtype=object) for _ in range(n)]
    for s in itertools.product((INTERCEPT, WAIT), repeat=n):
        someone = INTERCEPT in s
        for i in range(n):
            arrays[i][s] = (b[i] - c[i] if s[i] == INTERCEPT
                            else b[i] if someone else sympy.Integer(0))
    return arrays


@register_model(
    title="Volunteer's dilemma of n allies: who intercepts",
    result="P(nobody intercepts) = (c/b)^(n/(n-1)) in the symmetric mixed equilibrium, "
           "rising with n",
    citation="Diekmann (1985)", returns="NPlayerGame")
def volunteers_dilemma_n(members: int | Sequence[str] = 3, **overrides: ParameterValue
                         ) -> NPlayerGame:
    r"""The symmetric n-member volunteer's dilemma (Diekmann 1985).

    Parameters
    ----------
    members : int or sequence of str
        The number of allies (2 to :data:`MAX_MEMBERS`) or their names.
    **overrides
        New defaults for ``protection_value`` :math:`b` (4) and ``intercept_cost``
        :math:`c` (1); constraint :math:`0 < c < b`.

    Returns
    -------
    NPlayerGame
        Strategies ``("Intercept", "Wait")`` for every ally; ally :math:`i` earns
        :math:`b - c` by intercepting, :math:`b` by waiting while someone intercepts and 0
        when nobody does.

    Notes
    -----
    Closed form (Diekmann 1985): in the symmetric mixed equilibrium nobody intercepts
    with probability :math:`(c/b)^{n/(n-1)}`, rising with :math:`n`; the game has
    :math:`2^n - 1` equilibria.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.volunteers_dilemma_n(3)
    >>> g.pure_equilibria()
    [(0, 1, 1), (1, 0, 1), (1, 1, 0)]
    >>> mixed = [e.profile for e in g.equilibria().equilibria if len(e.support[0]) == 2
    ...          and len(e.support[1]) == 2 and len(e.support[2]) == 2]
    >>> nobody_intercepts(mixed[0])  # (1/4) ** (3/2)
    Fraction(1, 8)
    """
    names = _members(members)
    b, c = symbol("protection_value"), symbol("intercept_cost")
    n = len(names)
    return NPlayerGame.build(SYMMETRIC_PARAMETERS, _volunteer_arrays([b] * n, [c] * n),
                             players=names, strategies=(("Intercept", "Wait"),) * n,
                             title=f"Volunteer's dilemma of {n} allies",
                             model="volunteers_dilemma_n", overrides=overrides,
                             constraints=(c > 0, c < b))


def _asymmetric_parameters(n: int) -> dict[str, ParameterSpec]:
    """The parameter table of the asymmetric game of ``n`` members: ``protection_value_k``
    (default 4) and ``intercept_cost_k`` (default ``1 + (k - 1)/4``), ``k = 1..n``.

    >>> [p.default for p in _asymmetric_parameters(3).values()][-1]
    Fraction(3, 2)
    """
    out = []
    for k in range(1, n + 1):
        out.append(spec(f"protection_value_{k}", f"b_{{{k}}}", 4, f"member {k}'s value of "
                        "the probe being intercepted by someone", unit=_U))
    for k in range(1, n + 1):
        out.append(spec(f"intercept_cost_{k}", f"c_{{{k}}}", Fraction(k + 3, 4),
                        f"member {k}'s cost of intercepting", unit=_U))
    return specs(*out)


@register_model(
    title="Asymmetric volunteer's dilemma of n allies",
    result="completely mixed equilibrium: q_i = P/r_i, P = (prod r_j)^(1/(n-1)); the ally "
           "with the lowest cost ratio intercepts least",
    citation="Diekmann (1993)", returns="NPlayerGame")
def asymmetric_volunteers_dilemma(members: int | Sequence[str] = 3,
                                  **overrides: ParameterValue) -> NPlayerGame:
    r"""The asymmetric n-member volunteer's dilemma (Diekmann 1993).

    Parameters
    ----------
    members : int or sequence of str
        The number of allies (2 to :data:`MAX_MEMBERS`) or their names (member ``k`` is
        the ``k``-th name).
    **overrides
        New defaults for ``protection_value_k`` :math:`b_k` (4) and ``intercept_cost_k``
        :math:`c_k` (``1 + (k-1)/4``), ``k = 1..n``; constraints :math:`0 < c_k < b_k`.

    Returns
    -------
    NPlayerGame
        Strategies ``("Intercept", "Wait")`` for every ally.

    Notes
    -----
    Closed form: with :math:`r_k = c_k/b_k`, in the completely mixed equilibrium (when
    :math:`P = (\prod_j r_j)^{1/(n-1)} < \min_j r_j`) member :math:`k` waits with
    probability :math:`P/r_k`: the lower its cost ratio, the less it intercepts.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.asymmetric_volunteers_dilemma(2)
    >>> [e.profile for e in g.equilibria().equilibria if len(e.support[0]) == 2][0]
    ((Fraction(11, 16), Fraction(5, 16)), (Fraction(3, 4), Fraction(1, 4)))
    """
    names = _members(members)
    n = len(names)
    table = _asymmetric_parameters(n)
    b = [symbol(f"protection_value_{k}") for k in range(1, n + 1)]
    c = [symbol(f"intercept_cost_{k}") for k in range(1, n + 1)]
    constraints = tuple(x > 0 for x in c) + tuple(x < y for x, y in zip(c, b, strict=True))
    return NPlayerGame.build(table, _volunteer_arrays(b, c), players=names,
                             strategies=(("Intercept", "Wait"),) * n,
                             title=f"Asymmetric volunteer's dilemma of {n} allies",
                             model="asymmetric_volunteers_dilemma", overrides=overrides,
                             constraints=constraints)


def nobody_intercepts(profile: Sequence[Sequence[Any]]) -> Any:
    r"""The probability that nobody intercepts under a mixed profile: :math:`\prod_i q_i`.

    Exact (Fraction or sympy algebraic number) for an exact profile.

    >>> from fractions import Fraction as F
    >>> nobody_intercepts([(F(1, 2), F(1, 2)), (F(3, 4), F(1, 4))])
    Fraction(1, 8)
    """
    return probability_all(profile, WAIT)
