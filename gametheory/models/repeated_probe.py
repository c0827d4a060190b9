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

No double counting
------------------
In the one-shot game the credibility loss :math:`r_U` stands for everything an unanswered
probe costs beyond its damage, including the further probing it invites. The repeated and
reputation variants model that future explicitly (a lapse invites probing forever; a weak
Defender's reputation decides later entries), so counting it in the stage payoff as well
would count it twice. Here :math:`r_U` and :math:`r_I` (``credibility_loss``,
``residual_credibility_loss``, the names kept) mean **only non-reputational costs** of
each incident: the domestic audience cost and the allies' anger at an incursion left
unanswered (or answered merely proportionately) *this time*, paid per incident. Their
defaults are :data:`REPEATED_DEFAULTS` (1/2 each), not the one-shot game's
:math:`r_U = 3`, and :data:`DYNAMIC_PARAMETERS` describes them so. The reputational cost
of a lapse is then what the model computes: the continuation drops from 0 (deterred) to
:math:`D_U` per period (probing forever), a loss of :math:`\delta (h + r_U)` in average
payoff, with :math:`r_U` paid once per unanswered probe and nowhere else.

Detection noise
---------------
Drones are small and air defences imperfect. In :meth:`RepeatedProbeResponse.noisy_values`
a probe goes undetected with probability :math:`e_m` (``missed_detection``; it is then
unanswered: the realised reply is ``Under-react``), a quiet period raises a false alarm
with probability :math:`e_f` (``false_alarm``; the Defender reacts to a phantom), and an
Aggressor who means to refrain lets a drone stray into allied airspace with probability
:math:`e_s` (``stray``: a drone aimed at a target in Ukraine that crosses the border, the
explanation offered for several incursions; its effects are those of a probe).
Each side's automaton moves on what *it* saw: the Aggressor sees whether its probe (or
stray) was answered; the Defender sees what it detected and how it replied, so a missed
probe leaves it firm while the Aggressor, having seen its probe go unanswered, is
emboldened. Reacting to a phantom costs the reaction's own terms only (the payoffs of
:func:`~gametheory.models.probe_response.probe_response_payoffs` with
:math:`v = c_p = h = r_U = r_I = 0`, and :math:`e_I = 0`: intercepting nothing cannot
escalate). Values are exact (:func:`gametheory.analysis.repeated.noise.noisy_values`).
With :math:`e_s = 0` nothing is probed while deterrence holds, so missed detections cannot
matter and the Defender's value from the start is :math:`e_f D^\varphi_I` (the false
alarms it pays for); a stray that goes unseen desynchronises the two automata and starts
contested probing forever, worth :math:`A_E = (1 - e_m) A_I + e_m A_U` and
:math:`D_E = (1 - e_m) D_I + e_m D_U` per period, so from the start

.. math:: V = \frac{(1 - \delta)\, r_0 + \delta e_s e_m E}{1 - \delta (1 - e_s e_m)},

with :math:`r_0` the expected stage payoff while deterred (strays and false alarms) and
:math:`E = (A_E, D_E)`.

References
----------
Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of Economic
Studies* 38, 1-12.
Schelling, T. C. (1966). *Arms and Influence*. Yale University Press.
Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
University Press, section 2.4 (and ch. 12 on private monitoring, where the players'
states drift apart as here).

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

from .._numbers import to_number
from ..analysis.repeated.automata import Automaton
from ..analysis.repeated.discount import DiscountAnalysis
from ..analysis.repeated.game import RepeatedGame
from ..analysis.repeated.noise import NoisyOutcome, NoisyValues, noisy_values
from ..analysis.repeated.reputation import ChainStore, chain_store_from_payoffs
from ..analysis.repeated.salami import SalamiCampaign, salami_campaign
from ..core.formula import Formula
from ..core.parametric import ParametricGame
from ..errors import LabelError, ParameterError
from .kit import ParameterSpec, ParameterValue, make_game, spec, symbol
from .probe_response import CORE_PARAMETERS, PARAMETERS, REPLIES, probe_response_payoffs
from .registry import register_model, register_variant

__all__ = ["repeated_probe_response", "reputation_probe_response", "salami_probe_response",
           "RepeatedProbeResponse", "REPEATED_DEFAULTS", "DYNAMIC_PARAMETERS",
           "phantom_payoffs"]

#: Default overrides of the repeated variant: the non-reputational part of the credibility
#: loss (module docstring, "No double counting"), where intercepting is statically costly
#: (D_I = -3 < D_U = -5/2) and unanswered probing pays the Aggressor (A_U = 3 > 0 > A_I = -1).
REPEATED_DEFAULTS: dict[str, ParameterValue] = {"credibility_loss": "1/2"}

_UNIT = "payoff units (status quo = 0)"

#: The parameter table of the dynamic variants (repeated, reputation): the probe-response
#: table with the two credibility terms restricted to non-reputational costs.
DYNAMIC_PARAMETERS: dict[str, ParameterSpec] = {
    **PARAMETERS,
    "credibility_loss": spec(
        "credibility_loss", "r_U", REPEATED_DEFAULTS["credibility_loss"],
        "non-reputational cost of leaving a probe unanswered, paid per incident (domestic "
        "audience cost, allies' anger now); the further probing a lapse invites is modelled "
        "by the repeated game, not counted here", unit=_UNIT),
    "residual_credibility_loss": spec(
        "residual_credibility_loss", "r_I", "1/2",
        "non-reputational cost of answering a probe merely proportionately, paid per "
        "incident (at most r_U); reputation is modelled by the repeated game", unit=_UNIT),
}

#: Probe terms that a reaction to a phantom (a false alarm) does not carry.
_PHANTOM_ZERO = ("probe_value", "probe_cost", "probe_damage", "credibility_loss",
                 "residual_credibility_loss", "escalation_prob_intercept")


def phantom_payoffs() -> dict[str, sympy.Expr]:
    r"""Payoffs of reacting to a false alarm: the reply's payoffs without the probe's terms.

    :func:`~gametheory.models.probe_response.probe_response_payoffs` with
    :math:`v = c_p = h = r_U = r_I = 0` and :math:`e_I = 0` (intercepting nothing cannot
    escalate); retaliation against a phantom still hits the Aggressor and still risks war.
    Every other term of the reduced form is kept.

    >>> pay = phantom_payoffs()
    >>> pay["A_U"], pay["D_U"], pay["D_I"]
    (0, 0, -intercept_cost)
    """
    zero = {symbol(n): sympy.Integer(0) for n in _PHANTOM_ZERO}
    return {k: sympy.expand(e.xreplace(zero)) for k, e in probe_response_payoffs().items()}


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

    def noisy_values(self, missed_detection: ParameterValue = 0,
                     false_alarm: ParameterValue = 0, stray: ParameterValue = 0,
                     discount: ParameterValue = "9/10",
                     profile: tuple[Automaton, Automaton] | None = None,
                     **values: ParameterValue) -> NoisyValues:
        r"""Exact values of the firm-until-lapse profile under detection noise.

        See the module docstring ("Detection noise"); ``profile`` replaces the profile
        (automata of :attr:`stage`), ``values`` are parameter values.

        Examples
        --------
        Without strays nothing is probed while deterrence holds: the Defender pays only
        for false alarms (:math:`e_f D^\varphi_I = -c_I e_f`), and missed detections do
        not matter; with strays they do:

        >>> import gametheory as gt
        >>> m = gt.models.probe_response("repeated")
        >>> [m.noisy_values(e, "1/10").values for e in (0, "1/5")]
        [(Fraction(3, 40), Fraction(-1, 10)), (Fraction(3, 40), Fraction(-1, 10))]
        >>> [m.noisy_values(e, "1/10", "1/20").values[1] for e in (0, "1/5")]
        [Fraction(-49, 200), Fraction(-501, 1090)]
        """
        rates = {}
        for name, v in (("missed_detection", missed_detection), ("false_alarm", false_alarm),
                        ("stray", stray)):
            x = to_number(v)
            if not 0 <= x <= 1:
                raise ParameterError(f"{name} must be a probability in [0, 1], got {v!r}")
            rates[name] = x
        g = self.stage.at(**values)
        point = self.stage.values(**values)
        subs = {symbol(n): sympy.Rational(v.numerator, v.denominator)
                if isinstance(v, Fraction) else sympy.Float(v) for n, v in point.items()}
        phantom: dict[str, Fraction | float] = {}
        for k, e in phantom_payoffs().items():
            x = e.xreplace(subs)
            phantom[k] = Fraction(int(x.p), int(x.q)) if x.is_Rational else float(x)
        rg = RepeatedGame(g, follower_moves_after=("Probe",))
        kernel = _detection_kernel(g.A.tolist(), g.B.tolist(), phantom,
                                   rates["missed_detection"], rates["false_alarm"],
                                   rates["stray"])
        prof = self.profile if profile is None else profile
        return noisy_values(rg, prof, kernel, discount)

    def noise_comparison(self, missed_detection: tuple[ParameterValue, ...] = (0, "1/20",
                                                                                "1/10"),
                         false_alarm: tuple[ParameterValue, ...] = (0, "1/20"),
                         stray: ParameterValue = "1/100", discount: ParameterValue = "9/10",
                         **values: ParameterValue) -> list[dict[str, object]]:
        """Exact values of the profile over a grid of missed-detection and false-alarm rates.

        One row per pair of rates: ``missed_detection``, ``false_alarm``, and the values
        of both players from the start and once the Aggressor is emboldened while the
        Defender is still firm (None when that state cannot be reached).

        >>> import gametheory as gt
        >>> rows = gt.models.probe_response("repeated").noise_comparison(
        ...     missed_detection=(0, "1/10"), false_alarm=(0,))
        >>> [r["Defender"] for r in rows]
        [Fraction(-3, 100), Fraction(-1121, 20180)]
        """
        rows = []
        for e_m in missed_detection:
            for e_f in false_alarm:
                res = self.noisy_values(e_m, e_f, stray, discount, **values)
                emb = res.states.get(("emboldened", "firm"))
                rows.append({"missed_detection": to_number(e_m), "false_alarm": to_number(e_f),
                             "stray": to_number(stray), self.stage.players[0]: res.values[0],
                             self.stage.players[1]: res.values[1],
                             "emboldened vs firm": None if emb is None else emb})
        return rows

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


def _detection_kernel(A: list[list[Fraction | float]], B: list[list[Fraction | float]],
                      phantom: dict[str, Fraction | float], e_m: Fraction | float,
                      e_f: Fraction | float, e_s: Fraction | float):
    """The noise of missed detections, false alarms and strays (module docstring).

    Row actions: 0 Refrain, 1 Probe; column actions: the replies. Returns a
    :class:`~gametheory.analysis.repeated.noise.NoiseKernel`.
    """
    keys = ("U", "I", "X")

    def kernel(i: int, j: int) -> list[NoisyOutcome]:
        def probe(p: Fraction | float) -> list[NoisyOutcome]:
            # a probe (or stray): detected and answered, or missed and unanswered
            return [(p * (1 - e_m), (A[1][j], B[1][j]), (1, j), (1, j)),
                    (p * e_m, (A[1][0], B[1][0]), (1, 0), (0, j))]
        if i == 1:
            return probe(1)
        phantom_pay = (phantom["A_" + keys[j]], phantom["D_" + keys[j]])
        return probe(e_s) + [
            ((1 - e_s) * e_f, phantom_pay, (0, j), (1, j)),
            ((1 - e_s) * (1 - e_f), (A[0][j], B[0][j]), (0, j), (0, j))]

    return kernel


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
    stage = make_game(DYNAMIC_PARAMETERS, A, B, players=("Aggressor", "Defender"),
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
    :math:`b = A_U / (A_U - A_I)` and :math:`a = -D_U / (D_U - D_I)`. As in the repeated
    variant, :math:`r_U` and :math:`r_I` are only the non-reputational costs of an incident
    (:data:`DYNAMIC_PARAMETERS`): the reputation for toughness is what this game models.

    Examples
    --------
    >>> from gametheory.models.repeated_probe import reputation_probe_response
    >>> cs = reputation_probe_response(stages=10, prior="1/10")
    >>> cs.entrant_gain, cs.incumbent_gain, cs.first_entry_market()
    (Fraction(12, 13), Fraction(5, 1), 10)
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
