r"""The alliance security dilemma: abandonment for the frontline, entrapment for the restrained.

Snyder (1984) splits an ally's choices into two games played at once. In the *alliance
game* an ally chooses how firmly to commit to its partner; in the *adversary game* how
firmly to stand against the opponent. A strong commitment lowers the partner's fear of
*abandonment* but raises one's own risk of *entrapment* (being dragged into a conflict
over the partner's interests, all the more as a backed partner stands firmer); a weak
commitment does the opposite. That trade-off is the alliance security dilemma.

This module writes it as a three-stage game of perfect information between the
**Restrained ally**, the **Frontline ally** (whose airspace the probes cross) and the
**Aggressor**:

1. the Restrained ally chooses ``Commit`` (back the frontline's response) or ``Distance``
   (hold back; it loses :math:`d` by the frontline's hedging and its own lost standing);
2. the Frontline ally, seeing that choice, chooses ``Stand firm`` (a readiness posture
   costing :math:`m`) or ``Accommodate``;
3. the Aggressor, seeing both, chooses ``Probe`` or ``Refrain`` (payoff 0).

After a probe:

=====================  ===========================  ====================  ================
frontline, restrained  Aggressor                    Frontline             Restrained
=====================  ===========================  ====================  ================
accommodate, commit    :math:`v - c_p`              :math:`-h_F`          :math:`-h_R`
accommodate, distance  :math:`v - c_p`              :math:`-h_F`          :math:`-h_R - d`
firm, commit           :math:`v - c_p - s_F - s_R`  :math:`-m - k_F`      :math:`-e`
firm, distance         :math:`v - c_p - s_F + w`    :math:`-m - k_F - a`  :math:`-d`
=====================  ===========================  ====================  ================

:math:`s_F, s_R` are the harm the frontline's and the restrained ally's responses do to
the Aggressor, :math:`k_F` the frontline's cost of answering, :math:`a` its extra cost of
facing the Aggressor alone (*abandonment*), :math:`e` the restrained ally's cost of being
drawn into the confrontation (*entrapment*), :math:`h_F, h_R` the losses from a probe
left unanswered and :math:`w` the Aggressor's gain from exposing a divided alliance (its
*wedge*). With no probe the frontline pays :math:`m` if firm and the restrained ally
:math:`d` if it distances.

:func:`security_dilemma_path` solves the game by backward induction, exactly (ties go to
the less committal choice: ``Refrain``, ``Accommodate``, ``Distance``).
:func:`alliance_security_dilemma` gives the normal form of contingent plans (2 x 4 x 16),
whose pure equilibria (the n-player solver) include the subgame-perfect plans and others
resting on threats that would not be carried out.

The dilemma, derived: when the Aggressor is strong enough to probe even a committed,
firm alliance (:math:`v - c_p > s_F + s_R`) and an abandoned frontline accommodates
(:math:`a + k_F + m > h_F`), committing means entrapment and distancing means an
unanswered probe, so the restrained ally commits iff :math:`e < d + h_R`; crossing that
threshold moves the alliance from entrapment to abandonment. (The Aggressor gains
:math:`w` when it probes a frontline left standing alone; on the subgame-perfect path
the wedge never decides whether it probes here, since a restrained ally whose commitment
would deter always commits; it does in :func:`gametheory.models.alliance_probe`.) When
commitment deters (:math:`v - c_p < s_F + s_R`) the restrained ally commits at
no entrapment risk. This reproduces Snyder's qualitative proposition that strengthening
commitment trades the partner's abandonment for one's own entrapment; the payoff numbers
are illustrative.

References
----------
Snyder, G. H. (1984). The security dilemma in alliance politics. *World Politics* 36(4),
461-495.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .kit import ParameterValue, spec, specs, symbol
from .nplayer import NPlayerGame, exact_value
from .registry import register_model

__all__ = ["alliance_security_dilemma", "security_dilemma_path", "SecurityPath"]

_U = "payoff units"
COMMIT, DISTANCE = 0, 1
FIRM, ACCOMMODATE = 0, 1
REFRAIN, PROBE = 0, 1
#: The Aggressor's information sets, in the order its plan labels list them.
HISTORIES = ((COMMIT, FIRM), (COMMIT, ACCOMMODATE), (DISTANCE, FIRM), (DISTANCE, ACCOMMODATE))

PARAMETERS = specs(
    spec("probe_value", "v", 4, "Aggressor's gain from an unanswered probe", unit=_U),
    spec("probe_cost", "c_p", 1, "Aggressor's direct cost of a probe", unit=_U),
    spec("harm_frontline", "s_F", 1, "harm the frontline ally's response does to the "
         "Aggressor", unit=_U),
    spec("harm_restrained", "s_R", 1, "extra harm when the restrained ally joins the "
         "response", unit=_U),
    spec("wedge_gain", "w", 1, "Aggressor's gain from exposing a divided alliance", unit=_U),
    spec("readiness_cost", "m", "1/2", "frontline's cost of holding a firm posture", unit=_U),
    spec("response_cost", "k_F", 1, "frontline's cost of answering a probe", unit=_U),
    spec("abandonment_cost", "a", 3, "frontline's extra cost of facing the Aggressor "
         "alone", unit=_U),
    spec("probe_damage_frontline", "h_F", 4, "frontline's damage and credibility loss "
         "from a probe it accommodates", unit=_U),
    spec("probe_damage_restrained", "h_R", 1, "restrained ally's loss when a probe on the "
         "frontline goes unanswered", unit=_U),
    spec("entrapment_cost", "e", "3/2", "restrained ally's cost of being drawn into the "
         "frontline's confrontation", unit=_U),
    spec("distancing_cost", "d", 1, "restrained ally's loss from distancing (the "
         "frontline hedges, its standing falls)", unit=_U),
)

PLAYERS = ("Restrained ally", "Frontline ally", "Aggressor")
_MOVES = (("Commit", "Distance"), ("Stand firm", "Accommodate"), ("Refrain", "Probe"))


def _terminal(r: int, f: int, p: int) -> tuple[sympy.Expr, sympy.Expr, sympy.Expr]:
    """(Restrained, Frontline, Aggressor) payoffs at the end of history (r, f, p)."""
    v, cp, sF, sR, w, m, kF, a, hF, hR, e, d = (symbol(n) for n in PARAMETERS)
    zero = sympy.Integer(0)
    rest = -d if r == DISTANCE else zero
    front = -m if f == FIRM else zero
    if p == REFRAIN:
        return rest, front, zero
    if f == ACCOMMODATE:
        return rest - hR, -hF, v - cp
    if r == COMMIT:
        return -e, front - kF, v - cp - sF - sR
    return rest, front - kF - a, v - cp - sF + w


def _plans() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    frontline = tuple(f"{_MOVES[1][x]} if committed, {_MOVES[1][y]} if distanced"
                      for x, y in itertools.product((FIRM, ACCOMMODATE), repeat=2))
    aggressor = tuple("".join("P" if x else "R" for x in plan)
                      for plan in itertools.product((REFRAIN, PROBE), repeat=4))
    return _MOVES[0], frontline, aggressor


@register_model(
    title="Alliance security dilemma: abandonment versus entrapment",
    result="a restrained ally's commitment trades the frontline's abandonment for its own "
           "entrapment: it commits iff e < d + h_R against a strong Aggressor",
    citation="Snyder (1984)", returns="NPlayerGame")
def alliance_security_dilemma(**overrides: ParameterValue) -> NPlayerGame:
    r"""Frontline and restrained ally facing the Aggressor (Snyder 1984), in normal form.

    Parameters
    ----------
    **overrides
        New defaults of ``probe_value`` :math:`v` (4), ``probe_cost`` :math:`c_p` (1),
        ``harm_frontline`` :math:`s_F` (1), ``harm_restrained`` :math:`s_R` (1),
        ``wedge_gain`` :math:`w` (1), ``readiness_cost`` :math:`m` (1/2),
        ``response_cost`` :math:`k_F` (1), ``abandonment_cost`` :math:`a` (3),
        ``probe_damage_frontline`` :math:`h_F` (4), ``probe_damage_restrained``
        :math:`h_R` (1), ``entrapment_cost`` :math:`e` (3/2), ``distancing_cost``
        :math:`d` (1).

    Returns
    -------
    NPlayerGame
        Players ``("Restrained ally", "Frontline ally", "Aggressor")`` with contingent
        plans: the frontline's reply to each commitment (4 plans) and the Aggressor's
        probe decision after each of the four histories (16 plans, written as four letters
        ``R``/``P`` after (Commit, Stand firm), (Commit, Accommodate), (Distance, Stand
        firm), (Distance, Accommodate)).

    Notes
    -----
    Closed form: against a strong Aggressor (:math:`v - c_p > s_F + s_R`) whose probe an
    abandoned frontline accommodates (:math:`a + k_F + m > h_F`), the subgame-perfect
    path is (Commit, Stand firm, Probe), entrapment, iff :math:`e < d + h_R`, and
    (Distance, Accommodate, Probe) otherwise (:func:`security_dilemma_path`).

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.models.alliance_security_dilemma()
    >>> g.shape
    (2, 4, 16)
    >>> spe = security_dilemma_path()
    >>> spe.outcome, spe.plans in g.pure_equilibria()
    ('entrapment', True)
    """
    R = np.empty((2, 4, 16), dtype=object)
    F = np.empty((2, 4, 16), dtype=object)
    A = np.empty((2, 4, 16), dtype=object)
    for r, fplan, aplan in itertools.product(range(2), range(4), range(16)):
        f = (fplan >> 1) & 1 if r == COMMIT else fplan & 1
        p = (aplan >> (3 - HISTORIES.index((r, f)))) & 1
        R[r, fplan, aplan], F[r, fplan, aplan], A[r, fplan, aplan] = _terminal(r, f, p)
    return NPlayerGame.build(PARAMETERS, (R, F, A), players=PLAYERS, strategies=_plans(),
                             title="Alliance security dilemma",
                             model="alliance_security_dilemma", overrides=overrides)


@dataclass(frozen=True)
class SecurityPath:
    """The subgame-perfect play of the alliance security dilemma.

    Attributes
    ----------
    plans : tuple of int
        The subgame-perfect plans as a pure profile of :func:`alliance_security_dilemma`.
    path : tuple of str
        The moves played: commitment, frontline stance, Aggressor's choice.
    payoffs : tuple of Fraction
        (Restrained, Frontline, Aggressor) on the path.
    outcome : str
        ``"deterrence"`` (committed, firm, no probe), ``"no probe"``, ``"entrapment"``
        (a probe meets a firm frontline backed by the committed ally),
        ``"abandonment"`` (a probe meets a firm frontline left alone) or
        ``"unanswered probe"`` (the frontline accommodates).
    """

    plans: tuple[int, int, int]
    path: tuple[str, str, str]
    payoffs: tuple[Fraction | float, ...]
    outcome: str


def security_dilemma_path(**values: Any) -> SecurityPath:
    """Backward induction on the alliance security dilemma at a parameter point, exactly.

    Ties go to the less committal choice (``Refrain``, ``Accommodate``, ``Distance``).

    Examples
    --------
    >>> security_dilemma_path().path
    ('Commit', 'Stand firm', 'Probe')
    >>> security_dilemma_path(entrapment_cost=3).outcome
    'unanswered probe'
    >>> security_dilemma_path(harm_restrained=3).outcome
    'deterrence'
    """
    game = alliance_security_dilemma()
    sub = {symbol(k): sympy.Rational(str(v)) if isinstance(v, Fraction) else sympy.Float(v)
           for k, v in game.point(**values).items()}
    pay = {h: tuple(exact_value(x.xreplace(sub)) for x in _terminal(*h))
           for h in itertools.product(range(2), repeat=3)}
    probe = {(r, f): int(pay[r, f, PROBE][2] > pay[r, f, REFRAIN][2]) for r, f in HISTORIES}
    stance = {r: (FIRM if pay[r, FIRM, probe[r, FIRM]][1] > pay[r, ACCOMMODATE,
                                                                  probe[r, ACCOMMODATE]][1]
                  else ACCOMMODATE) for r in (COMMIT, DISTANCE)}
    value = {r: pay[r, stance[r], probe[r, stance[r]]][0] for r in (COMMIT, DISTANCE)}
    r = COMMIT if value[COMMIT] > value[DISTANCE] else DISTANCE
    f, p = stance[r], probe[r, stance[r]]
    plans = (r, 2 * stance[COMMIT] + stance[DISTANCE],
             sum(probe[h] << (3 - k) for k, h in enumerate(HISTORIES)))
    if not p:
        outcome = "deterrence" if (r, f) == (COMMIT, FIRM) else "no probe"
    elif f == ACCOMMODATE:
        outcome = "unanswered probe"
    else:
        outcome = "entrapment" if r == COMMIT else "abandonment"
    return SecurityPath(plans, (_MOVES[0][r], _MOVES[1][f], _MOVES[2][p]), pay[r, f, p],
                        outcome)
