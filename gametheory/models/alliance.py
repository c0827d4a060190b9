r"""Alliance games: who intercepts, consensus to retaliate, and who pays for air defence.

The alliance is not one mind: two members weigh the threat differently (a *frontline*
ally that the probes cross, a *rear* ally further away). Three classic structures follow.

Volunteer's dilemma (:func:`volunteers_dilemma`)
    Each member can ``Intercept`` (cost :math:`c_i`) or ``Wait``. If at least one
    intercepts, member :math:`i` enjoys the protection :math:`b_i`; if nobody does, both
    get 0. With :math:`0 < c_i < b_i` the pure equilibria are the two profiles in which
    exactly one member intercepts, and in the mixed equilibrium member :math:`i`
    intercepts with probability :math:`1 - c_j/b_j` (the *other* member's cost-benefit
    ratio), so nobody intercepts with probability :math:`(c_1/b_1)(c_2/b_2)`
    (Diekmann 1985; the asymmetric case in Diekmann 1993). The member with more at stake
    volunteers *less* often in the mixed equilibrium.

Consensus stag hunt (:func:`consensus_stag_hunt`)
    Retaliation happens only if both members ``Support`` it. Member :math:`i` then gains
    :math:`g_i` in restored deterrence at its share :math:`k_i` of the cost; supporting
    alone exposes it (:math:`-x_i`); holding back is worth 0. With :math:`g_i > k_i` and
    :math:`x_i > 0` this is a Stag Hunt (Jervis 1978): (Support, Support) and
    (Hold back, Hold back) are equilibria, and in the mixed one member :math:`i` supports
    with probability :math:`x_j/(g_j - k_j + x_j)`. Joint support risk-dominates
    (Harsanyi and Selten 1988) iff :math:`(g_1 - k_1)(g_2 - k_2) > x_1 x_2`. The
    probe-response model's cohesion :math:`\theta` is the probability this coordination
    succeeds.

Burden sharing (:func:`burden_sharing`)
    Each member provides one unit of air defence at cost :math:`c` or free-rides; every
    unit protects both, member :math:`i` valuing a unit at :math:`b_i` (its size or
    threat perception). Payoff :math:`b_i (x_1 + x_2) - c\,x_i`. Contributing is
    strictly dominant for :math:`i` iff :math:`b_i > c`; with :math:`b_L > c > b_S` the
    unique equilibrium has the large member carry the whole burden and the small one
    free-ride, although a second unit is worth :math:`b_L + b_S > c` to the alliance:
    Olson and Zeckhauser's (1966) *exploitation of the great by the small* and
    under-provision of the public good.

References
----------
Diekmann, A. (1985). Volunteer's dilemma. *Journal of Conflict Resolution* 29(4), 605-610.
Diekmann, A. (1993). Cooperation in an asymmetric volunteer's dilemma game. *International
Journal of Game Theory* 22, 75-85.
Jervis, R. (1978). Cooperation under the security dilemma. *World Politics* 30(2), 167-214.
Harsanyi, J. C. and Selten, R. (1988). *A General Theory of Equilibrium Selection in
Games*. MIT Press.
Olson, M. and Zeckhauser, R. (1966). An economic theory of alliances. *Review of Economics
and Statistics* 48(3), 266-279.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import sympy

from ..core.formula import Formula, symbols_of
from ..core.parametric import ParametricGame
from ..errors import GameError
from .kit import ParameterSpec, ParameterValue, make_game, spec, specs, symbol
from .registry import register_model, register_variant

if TYPE_CHECKING:
    from .alliance_probe import AllianceProbe

__all__ = ["volunteers_dilemma", "consensus_stag_hunt", "burden_sharing", "alliance",
           "consensus_risk_dominance"]

_U = "payoff units"
_PLAYERS = ("Frontline ally", "Rear ally")

VOLUNTEER_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("protection_value_frontline", "b_1", 4, "frontline ally's value of the probe "
         "being intercepted", unit=_U),
    spec("protection_value_rear", "b_2", 2, "rear ally's value of the probe being "
         "intercepted", unit=_U),
    spec("intercept_cost_frontline", "c_1", 1, "frontline ally's cost of intercepting",
         unit=_U),
    spec("intercept_cost_rear", "c_2", 1, "rear ally's cost of intercepting", unit=_U),
)


@register_model(
    title="Two-member volunteer's dilemma: who intercepts",
    result="one volunteer in pure equilibria; mixed: member i intercepts w.p. 1 - c_j/b_j",
    citation="Diekmann (1985)", returns="ParametricGame")
def volunteers_dilemma(**overrides: ParameterValue) -> ParametricGame:
    r"""Two-member volunteer's dilemma: who intercepts the drone (Diekmann 1985).

    Parameters
    ----------
    **overrides
        New defaults for ``protection_value_frontline`` :math:`b_1` (4),
        ``protection_value_rear`` :math:`b_2` (2), ``intercept_cost_frontline``
        :math:`c_1` (1), ``intercept_cost_rear`` :math:`c_2` (1); constraints
        :math:`0 < c_i < b_i`.

    Returns
    -------
    ParametricGame
        Players ``("Frontline ally", "Rear ally")``, strategies ``("Intercept", "Wait")``.

    Notes
    -----
    Closed form: pure equilibria (Intercept, Wait) and (Wait, Intercept); mixed
    equilibrium with member :math:`i` intercepting w.p. :math:`1 - c_j/b_j`.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.volunteers_dilemma().at()
    >>> [(e.row[0], e.col[0]) for e in g.equilibria() if not e.is_pure]
    [(Fraction(1, 2), Fraction(3, 4))]
    """
    b1, b2, c1, c2 = (symbol(n) for n in VOLUNTEER_PARAMETERS)
    A = [[b1 - c1, b1 - c1], [b1, sympy.Integer(0)]]
    B = [[b2 - c2, b2], [b2 - c2, sympy.Integer(0)]]
    return make_game(VOLUNTEER_PARAMETERS, A, B, players=_PLAYERS,
                     strategies=(("Intercept", "Wait"), ("Intercept", "Wait")),
                     title="Volunteer's dilemma: who intercepts", overrides=overrides,
                     model="volunteers_dilemma",
                     constraints=(c1 > 0, c2 > 0, c1 < b1, c2 < b2))


CONSENSUS_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("deterrence_gain_frontline", "g_1", 6, "frontline ally's gain in restored "
         "deterrence when the alliance retaliates", unit=_U),
    spec("deterrence_gain_rear", "g_2", 3, "rear ally's gain in restored deterrence when "
         "the alliance retaliates", unit=_U),
    spec("retaliation_share_frontline", "k_1", 2, "frontline ally's share of the cost and "
         "risk of retaliating", unit=_U),
    spec("retaliation_share_rear", "k_2", 2, "rear ally's share of the cost and risk of "
         "retaliating", unit=_U),
    spec("exposure_cost_frontline", "x_1", 1, "frontline ally's cost of supporting "
         "retaliation alone", unit=_U),
    spec("exposure_cost_rear", "x_2", 2, "rear ally's cost of supporting retaliation "
         "alone", unit=_U),
)


@register_model(
    title="Retaliation that needs consensus of two allies",
    result="Stag Hunt; joint support risk-dominates iff (g1-k1)(g2-k2) > x1 x2",
    citation="Jervis (1978); Harsanyi and Selten (1988)", returns="ParametricGame")
def consensus_stag_hunt(**overrides: ParameterValue) -> ParametricGame:
    r"""Retaliation that needs consensus: a Stag Hunt between two allies (Jervis 1978).

    Parameters
    ----------
    **overrides
        New defaults for ``deterrence_gain_frontline`` :math:`g_1` (6),
        ``deterrence_gain_rear`` :math:`g_2` (3), ``retaliation_share_frontline``
        :math:`k_1` (2), ``retaliation_share_rear`` :math:`k_2` (2),
        ``exposure_cost_frontline`` :math:`x_1` (1), ``exposure_cost_rear`` :math:`x_2`
        (2); constraints :math:`g_i > k_i`, :math:`x_i > 0`.

    Returns
    -------
    ParametricGame
        Players ``("Frontline ally", "Rear ally")``, strategies ``("Support", "Hold back")``.

    Notes
    -----
    Closed form: equilibria (Support, Support), (Hold back, Hold back) and the mixed one
    with member :math:`i` supporting w.p. :math:`x_j/(g_j - k_j + x_j)`; joint support
    risk-dominates iff :math:`(g_1-k_1)(g_2-k_2) > x_1 x_2` (:func:`consensus_risk_dominance`).

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.consensus_stag_hunt().at()
    >>> [(e.row[0], e.col[0]) for e in g.equilibria() if not e.is_pure]
    [(Fraction(2, 3), Fraction(1, 5))]
    """
    g1, g2, k1, k2, x1, x2 = (symbol(n) for n in CONSENSUS_PARAMETERS)
    zero = sympy.Integer(0)
    A = [[g1 - k1, -x1], [zero, zero]]
    B = [[g2 - k2, zero], [-x2, zero]]
    return make_game(CONSENSUS_PARAMETERS, A, B, players=_PLAYERS,
                     strategies=(("Support", "Hold back"), ("Support", "Hold back")),
                     title="Consensus to retaliate (Stag Hunt)", overrides=overrides,
                     model="consensus_stag_hunt",
                     constraints=(g1 > k1, g2 > k2, x1 > 0, x2 > 0))


def consensus_risk_dominance() -> Formula:
    r"""Harsanyi-Selten condition for joint support to risk-dominate in :func:`consensus_stag_hunt`.

    Examples
    --------
    >>> consensus_risk_dominance().rhs
    exposure_cost_frontline*exposure_cost_rear
    """
    g1, g2, k1, k2, x1, x2 = (symbol(n) for n in CONSENSUS_PARAMETERS)
    return Formula(sympy.StrictGreaterThan((g1 - k1) * (g2 - k2), x1 * x2),
                   symbols_of(CONSENSUS_PARAMETERS.values()))


BURDEN_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("defence_value_large", "b_L", 3, "large (or more threatened) member's value of "
         "one unit of air defence", unit=_U),
    spec("defence_value_small", "b_S", 1, "small member's value of one unit of air "
         "defence", unit=_U),
    spec("defence_unit_cost", "c", 2, "cost of providing one unit of air defence", unit=_U),
)


@register_model(
    title="Burden sharing of air defence as a public good",
    result="contributing dominant iff b_i > c: the great carry the small (under-provision)",
    citation="Olson and Zeckhauser (1966)", returns="ParametricGame")
def burden_sharing(**overrides: ParameterValue) -> ParametricGame:
    r"""Burden sharing of a public good, air defence (Olson and Zeckhauser 1966).

    Parameters
    ----------
    **overrides
        New defaults for ``defence_value_large`` :math:`b_L` (3), ``defence_value_small``
        :math:`b_S` (1), ``defence_unit_cost`` :math:`c` (2).

    Returns
    -------
    ParametricGame
        Players ``("Large ally", "Small ally")``, strategies ``("Contribute", "Free-ride")``.

    Notes
    -----
    Closed form: contributing is strictly dominant for member :math:`i` iff
    :math:`b_i > c` (and free-riding iff :math:`b_i < c`); at the defaults the unique
    equilibrium is (Contribute, Free-ride) although :math:`b_L + b_S > c`.

    Examples
    --------
    >>> import gametheory as gt
    >>> [e.pure_labels() for e in gt.models.burden_sharing().at().equilibria()]
    [('Contribute', 'Free-ride')]
    """
    bL, bS, c = (symbol(n) for n in BURDEN_PARAMETERS)
    A = [[2 * bL - c, bL - c], [bL, sympy.Integer(0)]]
    B = [[2 * bS - c, bS], [bS - c, sympy.Integer(0)]]
    return make_game(BURDEN_PARAMETERS, A, B, players=("Large ally", "Small ally"),
                     strategies=(("Contribute", "Free-ride"), ("Contribute", "Free-ride")),
                     title="Burden sharing of air defence", overrides=overrides,
                     model="burden_sharing", constraints=(c > 0,))


ALLIANCE_GAMES: dict[str, Callable[..., ParametricGame]] = {
    "volunteers_dilemma": volunteers_dilemma,
    "consensus_stag_hunt": consensus_stag_hunt,
    "burden_sharing": burden_sharing,
}


@register_variant("probe_response", "alliance")
def alliance(game: str = "volunteers_dilemma", **overrides: Any
             ) -> ParametricGame | AllianceProbe:
    """One of the alliance games by name: the ``"alliance"`` variant of probe_response.

    Parameters
    ----------
    game : {"volunteers_dilemma", "consensus_stag_hunt", "burden_sharing", "probe"}
        Who intercepts; consensus to retaliate; who pays for air defence (two members);
        ``"probe"``: the probe against an alliance of k members
        (:func:`gametheory.models.alliance_probe`), also chosen by passing ``allies=``.
    **overrides
        New parameter defaults of that game (for ``"probe"`` also ``allies``, ``rule``,
        ``lead``).

    Examples
    --------
    >>> import gametheory as gt
    >>> gt.models.alliance("burden_sharing").players
    ('Large ally', 'Small ally')
    >>> gt.models.probe_response("alliance", allies=gt.models.DEFAULT_ALLIES[:2]).players
    ('Aggressor', 'Poland', 'Estonia')
    """
    if game == "probe" or "allies" in overrides:
        from .alliance_probe import alliance_probe  # registers in catalog order otherwise

        return alliance_probe(**overrides)
    try:
        fn = ALLIANCE_GAMES[game]
    except (KeyError, TypeError):
        raise GameError(f"unknown alliance game {game!r}; choose one of "
                        f"{', '.join(map(repr, ALLIANCE_GAMES))}") from None
    return fn(**overrides)
