r"""The repeated probe-response game: patience makes a costly response credible.

The game
--------
The sequential probe-response game of docs/model.md (:mod:`gametheory.models.probe_response`)
is played every period with discount factor :math:`\delta`: the Aggressor refrains or
probes; after a probe the Defender under-reacts (U), intercepts (I) or retaliates (X),
with the reduced-form payoffs :math:`(A_U, D_U), (A_I, D_I), (A_X, D_X)`; refraining gives
:math:`(0, 0)`. The Defender's reply is seen only when a probe comes.

Suppose the response is *statically costly*, :math:`D_I < D_U`: in a single encounter the
Defender would under-react, so its threat to intercept is not credible and the Aggressor
probes whenever :math:`A_U > 0` (docs/model.md's "tolerated probing"). In the repeated game
consider the profile

* Aggressor: refrain while the Defender has never under-reacted to a probe; after a lapse,
  probe forever ("each unanswered probe normalises the next");
* Defender: intercept every probe while firm; after a lapse, under-react forever.

By the one-shot deviation principle the Defender's binding constraint is at the node after
a probe in the firm state: intercepting keeps deterrence (:math:`(1-\delta) D_I + \delta
\cdot 0`), under-reacting invites probing forever (:math:`(1-\delta) D_U + \delta D_U`).
The response is credible iff

.. math::
    \delta \;\ge\; \delta^* = \frac{D_U - D_I}{-D_I}
    = \frac{c_I + e_I W_D + r_I - \pi h - r_U}{(1-\pi) h + c_I + e_I W_D + r_I},

the static net cost of intercepting over its per-period cost. The other constraints are
:math:`A_I \le 0 \le A_U` (interception deters, lapses invite probing), and
:math:`D_X \le D_I`, :math:`D_X \le D_U` (retaliating is not better). The toolkit derives
:math:`\delta^*` itself with :meth:`gametheory.RepeatedGame.discount_analysis` on the
parametric stage; the test suite checks it against this closed form and a numeric search.
This is the logic of deterrence reputations in repeated play (Schelling 1966, ch. 2: "a
country's reputation for action ... is one of the few things worth fighting over"; Friedman
1971 for the trigger-strategy threshold).

References
----------
Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of Economic
Studies* 38, 1-12.
Schelling, T. C. (1966). *Arms and Influence*. Yale University Press.
Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
University Press, section 2.4.

Examples
--------
>>> import gametheory as gt
>>> m = gt.models.probe_response("repeated")
>>> m.critical_discount_at()          # at the defaults: D_I = -3, D_U = -5/2
Fraction(1, 6)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy

from ..analysis.repeated.automata import Automaton
from ..analysis.repeated.discount import DiscountAnalysis
from ..analysis.repeated.game import RepeatedGame
from ..analysis.repeated.reputation import ChainStore, chain_store_from_payoffs
from ..analysis.repeated.salami import SalamiCampaign, salami_campaign
from ..core.formula import Formula
from ..core.parametric import ParametricGame
from ..errors import LabelError, ParameterError
from .kit import ParameterValue, make_game
from .probe_response import CORE_PARAMETERS, PARAMETERS, REPLIES, probe_response_payoffs
from .registry import register_model, register_variant

__all__ = ["repeated_probe_response", "reputation_probe_response", "salami_probe_response",
           "RepeatedProbeResponse", "REPEATED_DEFAULTS"]

#: Default overrides of the repeated variant: the probe-response defaults with a low
#: credibility loss, where intercepting is statically costly (D_I = -3 < D_U = -5/2) and
#: unanswered probing pays the Aggressor (A_U = 3 > 0 > A_I = -1).
REPEATED_DEFAULTS: dict[str, ParameterValue] = {"credibility_loss": "1/2"}


@dataclass(frozen=True)
class RepeatedProbeResponse:
    """The repeated probe-response game with the firm-until-lapse profile.

    Attributes
    ----------
    stage : ParametricGame
        The 2x3 stage (Refrain/Probe x Under-react/Intercept/Retaliate), the Defender
        replying after a probe only.
    game : RepeatedGame
        ``RepeatedGame(stage, follower_moves_after=("Probe",))``.
    aggressor, defender : Automaton
        The profile described in the module docstring.
    response : str
        The Defender's costly response on the firm path (``"Intercept"`` or
        ``"Retaliate"``).
    """

    stage: ParametricGame
    game: RepeatedGame
    aggressor: Automaton
    defender: Automaton
    response: str

    @property
    def profile(self) -> tuple[Automaton, Automaton]:
        return self.aggressor, self.defender

    def analysis(self, at: dict | None = None) -> DiscountAnalysis:
        """Symbolic :class:`~gametheory.analysis.repeated.discount.DiscountAnalysis` of the profile.

        ``at`` is the reference point fixing the signs of the payoff expressions (default:
        the stage's parameter defaults).
        """
        return self.game.discount_analysis(self.profile, at=at)

    def credibility_threshold(self, at: dict | None = None) -> Formula:
        """The least discount factor making the costly response credible, as a formula.

        A :class:`~gametheory.core.formula.Formula`: a sympy expression (``.expr``) that
        shows in Jupyter as :math:`\\delta^* = ...` in docs/model.md's symbols.

        >>> import gametheory as gt
        >>> m = gt.models.probe_response("repeated")
        >>> thr = m.credibility_threshold()
        >>> pay = gt.models.probe_response_payoffs()
        >>> import sympy
        >>> sympy.simplify(thr - (pay["D_U"] - pay["D_I"]) / (-pay["D_I"]))
        0
        """
        return self.analysis(at).critical

    def at(self, **values: ParameterValue) -> RepeatedGame:
        """The repeated game of the numeric stage ``stage.at(**values)``."""
        return RepeatedGame(self.stage.at(**values), follower_moves_after=("Probe",))

    def critical_discount_at(self, **values: ParameterValue) -> Fraction | float | None:
        """Exact critical discount factor at a parameter point (None if none works).

        >>> import gametheory as gt
        >>> m = gt.models.probe_response("repeated")
        >>> m.critical_discount_at(credibility_loss=3) is None   # intercepting pays anyway,
        ... # so the "lapse forever" punishment is not self-enforcing
        True
        """
        rg = self.at(**values)
        return rg.critical_discount(_profile(rg.stage, self.response))


def _profile(stage: ParametricGame, response: str) -> tuple[Automaton, Automaton]:
    lapse = [(("Probe", REPLIES[0]), "lapsed")]
    aggressor = Automaton(stage, 0, {"deterred": "Refrain", "emboldened": "Probe"},
                          {"deterred": [(("Probe", REPLIES[0]), "emboldened")]},
                          name="refrain until a lapse")
    defender = Automaton(stage, 1, {"firm": response, "lapsed": REPLIES[0]},
                         {"firm": lapse}, name=f"{response.lower()} until a lapse")
    return aggressor, defender


@register_variant("probe_response", "repeated")
def repeated_probe_response(response: str = "Intercept", **overrides: ParameterValue
                            ) -> RepeatedProbeResponse:
    """The ``repeated`` variant of :func:`gametheory.models.probe_response`.

    Parameters
    ----------
    response : {"Intercept", "Retaliate"}
        The Defender's response on the firm path.
    **overrides
        New parameter defaults by name (docs/model.md's parameters); the variant's own defaults
        are :data:`REPEATED_DEFAULTS` on top of the probe-response defaults.

    Returns
    -------
    RepeatedProbeResponse

    Examples
    --------
    >>> import gametheory as gt
    >>> m = gt.models.probe_response("repeated")
    >>> m.game.is_sequential, m.stage.shape
    (True, (2, 3))
    >>> rg = m.at()
    >>> [bool(rg.is_subgame_perfect(m.profile, d)) for d in ("1/5", "1/7")]
    [True, False]
    """
    if response not in REPLIES[1:]:
        raise LabelError(f"response must be one of {list(REPLIES[1:])}, got {response!r}")
    pay = probe_response_payoffs()
    zero = sympy.Integer(0)
    A = [[zero, zero, zero], [pay["A_U"], pay["A_I"], pay["A_X"]]]
    B = [[zero, zero, zero], [pay["D_U"], pay["D_I"], pay["D_X"]]]
    values = {**REPEATED_DEFAULTS, **overrides}
    stage = make_game(PARAMETERS, A, B, players=("Aggressor", "Defender"),
                      strategies=(("Refrain", "Probe"), REPLIES),
                      title="Repeated probing: probe or refrain, then respond",
                      overrides=values, model="probe_response('repeated')")
    game = RepeatedGame(stage, follower_moves_after=("Probe",))
    aggressor, defender = _profile(stage, response)
    return RepeatedProbeResponse(stage, game, aggressor, defender, response)


@register_model(
    title="A finite campaign of probes against a Defender who may be tough: Kreps-Wilson "
          "reputation with docs/model.md's payoffs",
    result="a weak Defender intercepts early probes to keep a reputation; probing starts "
           "only in the last stages",
    citation="Kreps and Wilson (1982); Milgrom and Roberts (1982)", returns="ChainStore",
    parameters=("stages", "prior", *CORE_PARAMETERS))
def reputation_probe_response(stages: int = 10, prior: ParameterValue = "1/10",
                              **overrides: ParameterValue) -> ChainStore:
    r"""The reputation variant: a finite campaign of probes against a possibly tough Defender.

    Kreps and Wilson's chain store (:class:`~gametheory.analysis.repeated.reputation.ChainStore`)
    with docs/model.md's payoffs: each of ``stages`` probes is an entry; a *tough* Defender
    (prior ``prior``) always intercepts; a *weak* one has the payoffs of the stage, for
    which interception is statically costly (:math:`D_I < D_U`). Normalised,
    :math:`b = A_U / (A_U - A_I)` and :math:`a = -D_U / (D_U - D_I)`.

    Examples
    --------
    >>> from gametheory.models.repeated_probe import reputation_probe_response
    >>> cs = reputation_probe_response(stages=10, prior="1/10")
    >>> cs.entrant_gain, cs.incumbent_gain, cs.first_entry_market()
    (Fraction(3, 4), Fraction(5, 1), 8)
    """
    g = repeated_probe_response(**overrides).stage.at()
    A_U, A_I = g.A[1, 0], g.A[1, 1]
    D_U, D_I = g.B[1, 0], g.B[1, 1]
    return chain_store_from_payoffs(stages, prior, entrant=(0, A_U, A_I),
                                    weak_incumbent=(0, D_U, D_I))


def salami_probe_response(periods: int = 10, normalisation: ParameterValue = 0,
                          red_line: ParameterValue | None = None,
                          **overrides: ParameterValue) -> SalamiCampaign:
    r"""Salami tactics with docs/model.md's payoffs: probes of divisible size against interception.

    An incursion of size :math:`x` scales what interception saves the Defender,
    :math:`x\,(\pi h + r_U - r_I)`, while intercepting costs :math:`c_I + e_I W_D` whatever
    the size; the Defender intercepts iff the saving exceeds the cost (docs/model.md's condition
    at :math:`x = 1`), so its tolerance is
    :math:`\tau = (c_I + e_I W_D) / (\pi h + r_U - r_I)`. The Aggressor values a unit at
    :math:`v` and pays :math:`c_p` per incident. See
    :func:`gametheory.analysis.repeated.salami.salami_campaign`.

    Examples
    --------
    >>> from gametheory.models.repeated_probe import salami_probe_response
    >>> c = salami_probe_response(periods=5, credibility_loss="1/2")
    >>> c.slices[0], c.total       # tau = 2 / (3/2 + 1/2 - 1/2) = 4/3
    (Fraction(4, 3), Fraction(20, 3))
    """
    g = repeated_probe_response(**overrides).stage
    vals = {p.name: p.default for p in g.parameters}

    def val(name: str) -> Fraction | float:
        return vals[name]

    cost = val("intercept_cost") + val("escalation_prob_intercept") * val("war_cost_defender")
    saving = (val("interception_prob") * val("probe_damage") + val("credibility_loss")
              - val("residual_credibility_loss"))
    if saving <= 0:
        raise ParameterError("interception saves nothing at these parameters "
                             "(pi h + r_U - r_I <= 0): any incursion is tolerated")
    return salami_campaign(tolerance=cost / saving, periods=periods,
                           normalisation=normalisation, red_line=red_line,
                           value_per_unit=val("probe_value"), incident_cost=val("probe_cost"))
