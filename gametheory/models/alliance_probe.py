r"""A probe against an alliance of k members: whom to probe, and cohesion derived from a rule.

The two-player probe-response model treats the alliance as one Defender whose cohesion
:math:`\theta` (the probability that it agrees to retaliate) is a number. Here the
alliance has :math:`k` members, each with its own threat perception :math:`\tau_i`,
interception cost :math:`c_i`, domestic audience :math:`a_i` (the cost of letting a probe
over its own territory pass, which also presses it to back retaliation), cost of taking
part in collective retaliation :math:`\kappa_i` (its share and its fear of escalation)
and the Aggressor's cost of reaching it :math:`d_i` (geography).

Timing and payoffs (Refrain is worth 0 to everybody):

1. The **Aggressor** refrains or probes one ally :math:`j`.
2. The target decides alone, without consensus, whether to **intercept**: it pays
   :math:`c_j` and neutralises the share :math:`\pi` of the probe's effect.
3. The alliance decides on **collective retaliation** by a decision rule: unanimity, a
   majority (or any quota of supporters) or a lead nation acting alone. Ally :math:`i`
   supports iff :math:`\tau_i g + a_i [i = j] - \kappa_i + \varepsilon_i > 0`, where
   :math:`g` is the value of restored deterrence and :math:`\varepsilon_i` a domestic
   political shock, uniform on :math:`[-\sigma, \sigma]` and independent across allies;
   in a binary vote, supporting iff one prefers retaliation is weakly dominant. So ally
   :math:`i` supports with probability
   :math:`p_{ij} = \min(1, \max(0, (\tau_i g + a_i [i = j] - \kappa_i + \sigma)/(2\sigma)))`
   and the **cohesion** :math:`\theta_j` is the probability that the supporters meet the
   rule (a product for unanimity, a Poisson-binomial tail for a quota, :math:`p_{\ell j}`
   for lead nation :math:`\ell`): derived, not assumed.

Expected payoffs of a probe on :math:`j` with interception :math:`I_j \in \{0, 1\}`:

.. math::

    U_A(j) &= v (1 - \pi I_j) - c_p - d_j - \theta_j s + (1 - \theta_j) w, \\
    U_j &= -(1 - \pi I_j) \tau_j h - c_j I_j - a_j (1 - I_j)
           + \theta_j (\tau_j g - \kappa_j), \\
    U_i &= -(1 - \pi I_j) \tau_i h + \theta_j (\tau_i g - \kappa_i) \quad (i \ne j),

where :math:`s` is the harm retaliation does to the Aggressor, :math:`w` its gain from
exposing a divided alliance (the *wedge*: the rule fails) and :math:`h` the damage of an
unanswered probe to an ally that takes the threat fully seriously. The target intercepts
iff :math:`c_j < \pi \tau_j h + a_j` (ties: it lets the probe pass); the Aggressor probes
the ally with the largest :math:`U_A(j)` if that is positive (ties: the earlier ally;
refraining on a tie with 0). :meth:`AllianceProbe.solve` does this backward induction
exactly; :meth:`AllianceProbe.arrays` gives the normal form (the Aggressor's
``1 + k`` choices, each ally's plan ``Intercept if probed`` / ``Let pass``), whose pure
equilibria include the backward-induction profile. A probe *works as a wedge* when the
Aggressor probes although it would not without the wedge gain (:math:`U_A(j) > 0 \ge
U_A(j) - (1 - \theta_j) w`).

Ally data are illustrative judgements, not estimates: the default four allies stand for
a frontline state that reads the threat as existential, a small frontline state with few
interceptors, and two more distant allies that lean to restraint.

The model builds on the reduced form of the probe-response model (see ``docs/model.md``);
the decision rules are the standard ones of voting theory (a quota rule with independent
voters; Condorcet 1785 for the majority). It extends the two-member alliance games of
:mod:`gametheory.models.alliance` (Diekmann 1985; Jervis 1978; Olson and Zeckhauser 1966)
to :math:`k` members with a derived cohesion.

References
----------
Condorcet, M. de (1785). *Essai sur l'application de l'analyse a la probabilite des
decisions rendues a la pluralite des voix*. Paris.
Snyder, G. H. (1984). The security dilemma in alliance politics. *World Politics* 36(4),
461-495.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from ..core.parameters import Parameter, Value, resolve_point
from ..errors import ParameterError
from ..solve.nplayer_pure import pure_equilibria_n
from .kit import ParameterValue, make_parameters, spec, specs
from .registry import register_model

__all__ = ["Ally", "AllianceProbe", "AllianceProbeOutcome", "TargetAnalysis",
           "alliance_probe", "rule_probability", "DEFAULT_ALLIES", "RULES"]

_U = "payoff units"
#: The decision rules by name (a quota of supporters is given as an int).
RULES = ("unanimity", "majority", "lead")
#: Largest alliance the model builds (the normal form has ``(k + 1) * 2**k`` cells).
MAX_ALLIES = 16

PARAMETERS = specs(
    spec("probe_value", "v", 4, "Aggressor's gain from an unanswered probe", unit=_U),
    spec("probe_cost", "c_p", 1, "Aggressor's direct cost of a probe", unit=_U),
    spec("interception_prob", r"\pi", "3/4", "share of a probe's effect interception "
         "neutralises", bounds=(0, 1)),
    spec("retaliation_damage", "s", 6, "harm collective retaliation does to the Aggressor",
         unit=_U),
    spec("probe_damage", "h", 2, "damage of an unanswered probe to an ally that takes the "
         "threat fully seriously", unit=_U),
    spec("deterrence_gain", "g", 3, "an ally's value of restored deterrence, times its "
         "threat perception", unit=_U),
    spec("wedge_gain", "w", 1, "Aggressor's gain when the alliance fails to meet its "
         "rule", unit=_U),
    spec("support_noise", r"\sigma", 2, "half-width of the domestic shock to each ally's "
         "support for retaliation", bounds=(Fraction(1, 1000), None), unit=_U),
)


def _frac(x: object, what: str) -> Fraction:
    try:
        return Fraction(str(x)) if not isinstance(x, Fraction) else x
    except (ValueError, ZeroDivisionError):
        raise ParameterError(f"{what} must be a rational number; got {x!r}") from None


@dataclass(frozen=True)
class Ally:
    """One member of the alliance.

    Attributes
    ----------
    name : str
    threat : Fraction
        Threat perception :math:`\\tau_i` in [0, 1]: the weight it puts on a probe's
        damage and on restored deterrence.
    intercept_cost : Fraction
        :math:`c_i`, its cost of intercepting a probe over its territory.
    audience : Fraction
        :math:`a_i`, its domestic cost of letting such a probe pass (also its extra
        support for retaliation when it is the target).
    retaliation_cost : Fraction
        :math:`\\kappa_i`, its cost (share, escalation fear) of collective retaliation.
    reach_cost : Fraction
        :math:`d_i`, the Aggressor's extra cost of probing it (distance, transit).
    """

    name: str
    threat: Fraction
    intercept_cost: Fraction
    audience: Fraction
    retaliation_cost: Fraction
    reach_cost: Fraction = Fraction(0)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise ParameterError(f"an ally needs a name; got {self.name!r}")
        for attr in ("threat", "intercept_cost", "audience", "retaliation_cost",
                     "reach_cost"):
            value = _frac(getattr(self, attr), f"{self.name}.{attr}")
            if value < 0 or (attr == "threat" and value > 1):
                raise ParameterError(f"{self.name}.{attr} = {value} is outside its bounds "
                                     f"{'[0, 1]' if attr == 'threat' else '[0, inf)'}")
            object.__setattr__(self, attr, value)


def _ally(name: str, *values: str | int) -> Ally:
    return Ally(name, *(Fraction(str(v)) for v in values))


#: Illustrative allies: threat, intercept cost, audience, retaliation cost, reach cost.
DEFAULT_ALLIES = (
    _ally("Poland", 1, 1, 2, 2, 0),
    _ally("Estonia", 1, 3, 1, 2, 0),
    _ally("Germany", "1/2", 1, "1/2", 3, 2),
    _ally("Hungary", "1/5", 2, 0, 4, 2),
)


def rule_probability(p: Sequence[Fraction], rule: str | int, lead: int = 0) -> Fraction:
    """The probability that independent supporters with probabilities ``p`` meet a rule.

    ``"unanimity"``: all support; ``"majority"``: more than half; an int ``q``: at least
    ``q`` support; ``"lead"``: the ally at index ``lead`` supports (it acts alone).

    >>> from fractions import Fraction as F
    >>> half = [F(1, 2)] * 3
    >>> rule_probability(half, "unanimity"), rule_probability(half, "majority")
    (Fraction(1, 8), Fraction(1, 2))
    >>> rule_probability([F(1), F(1, 3)], "lead", lead=1)
    Fraction(1, 3)
    """
    if rule == "lead":
        return Fraction(p[lead])
    quota = _quota(rule, len(p))
    dist = [Fraction(1)]  # distribution of the number of supporters so far
    for pi in p:
        new = [Fraction(0)] * (len(dist) + 1)
        for k, mass in enumerate(dist):
            new[k] += mass * (1 - pi)
            new[k + 1] += mass * pi
        dist = new
    return sum(dist[quota:], Fraction(0))


def _quota(rule: str | int, k: int) -> int:
    if rule == "unanimity":
        return k
    if rule == "majority":
        return k // 2 + 1
    if isinstance(rule, int) and not isinstance(rule, bool) and 1 <= rule <= k:
        return rule
    raise ParameterError(f"decision rule must be one of {RULES} or a quota 1..{k}; "
                         f"got {rule!r}")


@dataclass(frozen=True)
class TargetAnalysis:
    """What probing one ally brings: support, cohesion, interception, payoffs."""

    target: str
    support: tuple[Fraction, ...]
    cohesion: Fraction
    intercepts: bool
    aggressor_payoff: Fraction
    wedge_share: Fraction

    @property
    def pays_without_wedge(self) -> bool:
        """Whether the probe would pay without the wedge gain."""
        return self.aggressor_payoff - self.wedge_share > 0


@dataclass(frozen=True)
class AllianceProbeOutcome:
    """The backward-induction solution of :class:`AllianceProbe` at a point.

    Attributes
    ----------
    target : str or None
        The ally probed (``None``: the Aggressor refrains).
    targets : tuple of TargetAnalysis
        Every ally's analysis as a target, in alliance order.
    profile : tuple of int
        The solution as a pure profile of :meth:`AllianceProbe.arrays`.
    wedge_works : bool
        The Aggressor probes, and would not without the wedge gain.
    """

    target: str | None
    targets: tuple[TargetAnalysis, ...]
    profile: tuple[int, ...]
    wedge_works: bool

    def __getitem__(self, name: str) -> TargetAnalysis:
        for t in self.targets:
            if t.target == name:
                return t
        raise KeyError(name)

    def describe(self) -> str:
        """One line: whom the Aggressor probes, with what cohesion, and why."""
        if self.target is None:
            return "the Aggressor refrains"
        t = self[self.target]
        return (f"the Aggressor probes {self.target} (cohesion {t.cohesion}, "
                f"{'intercepted' if t.intercepts else 'not intercepted'}, payoff "
                f"{t.aggressor_payoff}{', the wedge works' if self.wedge_works else ''})")


@dataclass(frozen=True)
class AllianceProbe:
    """The probe-versus-alliance model: its allies, decision rule and common parameters.

    Build it with :func:`alliance_probe`.
    """

    allies: tuple[Ally, ...]
    rule: str | int
    lead: int
    parameters: tuple[Parameter, ...] = field(repr=False)

    @property
    def players(self) -> tuple[str, ...]:
        return ("Aggressor",) + tuple(a.name for a in self.allies)

    @property
    def strategies(self) -> tuple[tuple[str, ...], ...]:
        return ((("Refrain",) + tuple(f"Probe {a.name}" for a in self.allies),)
                + (("Intercept if probed", "Let pass"),) * len(self.allies))

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(s) for s in self.strategies)

    @property
    def parameter_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parameters)

    def point(self, **values: Any) -> dict[str, Value]:
        """The common parameters at a point, exact (floats are taken at their exact value)."""
        out = resolve_point(self.parameters, values, owner="alliance_probe")
        return {k: Fraction(v) for k, v in out.items()}

    def support(self, target: int, **values: Any) -> tuple[Fraction, ...]:
        """Each ally's probability of supporting retaliation after a probe on ``target``."""
        pt = self.point(**values)
        g, sigma = pt["deterrence_gain"], pt["support_noise"]
        out = []
        for i, a in enumerate(self.allies):
            net = a.threat * g + (a.audience if i == target else 0) - a.retaliation_cost
            out.append(min(Fraction(1), max(Fraction(0), (net + sigma) / (2 * sigma))))
        return tuple(out)

    def cohesion(self, **values: Any) -> dict[str, Fraction]:
        """:math:`\\theta_j` by target: the probability that the rule is met."""
        return {a.name: rule_probability(self.support(j, **values), self.rule, self.lead)
                for j, a in enumerate(self.allies)}

    def _analysis(self, pt: Mapping[str, Fraction], j: int) -> TargetAnalysis:
        a = self.allies[j]
        support = self.support(j, **pt)
        theta = rule_probability(support, self.rule, self.lead)
        pi, h = pt["interception_prob"], pt["probe_damage"]
        intercepts = a.intercept_cost < pi * a.threat * h + a.audience
        wedge = (1 - theta) * pt["wedge_gain"]
        value = (pt["probe_value"] * (1 - pi * intercepts) - pt["probe_cost"] - a.reach_cost
                 - theta * pt["retaliation_damage"] + wedge)
        return TargetAnalysis(a.name, support, theta, bool(intercepts), value, wedge)

    def solve(self, **values: Any) -> AllianceProbeOutcome:
        """Backward induction, exactly: interception by each possible target, then the
        Aggressor's choice (see the module docstring for the tie rules)."""
        pt = self.point(**values)
        targets = tuple(self._analysis(pt, j) for j in range(len(self.allies)))
        best, choice = Fraction(0), 0
        for j, t in enumerate(targets):
            if t.aggressor_payoff > best:
                best, choice = t.aggressor_payoff, j + 1
        profile = (choice,) + tuple(0 if t.intercepts else 1 for t in targets)
        chosen = targets[choice - 1] if choice else None
        return AllianceProbeOutcome(
            chosen.target if chosen else None, targets, profile,
            bool(chosen) and not chosen.pays_without_wedge)

    def arrays(self, **values: Any) -> tuple[np.ndarray, ...]:
        """The normal form at a point: object arrays of Fractions, one per player, of shape
        ``(1 + k, 2, ..., 2)`` (see the module docstring for the payoffs)."""
        pt = self.point(**values)
        k = len(self.allies)
        pi, h, g = pt["interception_prob"], pt["probe_damage"], pt["deterrence_gain"]
        out = [np.empty(self.shape, dtype=object) for _ in range(k + 1)]
        thetas = [rule_probability(self.support(j, **pt), self.rule, self.lead)
                  for j in range(k)]
        for s in itertools.product(*(range(n) for n in self.shape)):
            if s[0] == 0:
                for u in out:
                    u[s] = Fraction(0)
                continue
            j = s[0] - 1
            a, theta, caught = self.allies[j], thetas[j], s[1 + j] == 0
            out[0][s] = (pt["probe_value"] * (1 - pi * caught) - pt["probe_cost"]
                         - a.reach_cost - theta * pt["retaliation_damage"]
                         + (1 - theta) * pt["wedge_gain"])
            for i, b in enumerate(self.allies):
                u = -(1 - pi * caught) * b.threat * h + theta * (b.threat * g
                                                                 - b.retaliation_cost)
                if i == j:
                    u -= b.intercept_cost if caught else b.audience
                out[1 + i][s] = u
        return tuple(out)

    payoffs = arrays

    def pure_equilibria(self, **values: Any) -> list[tuple[int, ...]]:
        """Every pure Nash equilibrium of the normal form (the n-player solver)."""
        return pure_equilibria_n(self.arrays(**values))

    def labels(self, profile: Sequence[int]) -> tuple[str, ...]:
        return tuple(self.strategies[i][k] for i, k in enumerate(profile))


@register_model(
    title="Probe versus an alliance of k members: whom to probe, cohesion from the rule",
    result="cohesion derived as the probability that the decision rule is met; the "
           "Aggressor probes the ally where interception and cohesion are weakest",
    citation="after docs/model.md; Condorcet (1785) for the quota rules",
    returns="AllianceProbe", parameters=tuple(PARAMETERS))
def alliance_probe(allies: Sequence[Ally] | None = None, rule: str | int = "unanimity",
                   lead: str | None = None, **overrides: ParameterValue) -> AllianceProbe:
    r"""A probe against an alliance of k members with a decision rule for retaliation.

    Parameters
    ----------
    allies : sequence of Ally, optional
        Default :data:`DEFAULT_ALLIES` (illustrative).
    rule : {"unanimity", "majority", "lead"} or int
        Decision rule for collective retaliation; an int is a quota of supporters.
    lead : str, optional
        The lead nation's name for ``rule="lead"`` (default: the first ally).
    **overrides
        New defaults of the common parameters: ``probe_value`` :math:`v` (4),
        ``probe_cost`` :math:`c_p` (1), ``interception_prob`` :math:`\pi` (3/4),
        ``retaliation_damage`` :math:`s` (6), ``probe_damage`` :math:`h` (2),
        ``deterrence_gain`` :math:`g` (3), ``wedge_gain`` :math:`w` (1),
        ``support_noise`` :math:`\sigma` (2).

    Returns
    -------
    AllianceProbe

    Notes
    -----
    Cohesion :math:`\theta_j` is derived: the probability that independent allies, each
    supporting with probability :math:`p_{ij}`, meet the rule.

    Examples
    --------
    >>> import gametheory as gt
    >>> m = gt.models.alliance_probe(rule="majority")
    >>> m.cohesion()["Poland"]
    Fraction(3, 32)
    >>> m.solve().describe()
    'the Aggressor probes Estonia (cohesion 3/32, not intercepted, payoff 107/32)'
    >>> m.solve(probe_value=1).describe()
    'the Aggressor probes Estonia (cohesion 3/32, not intercepted, payoff 11/32, the wedge works)'
    """
    members = tuple(DEFAULT_ALLIES if allies is None else allies)
    if not 1 <= len(members) <= MAX_ALLIES or not all(isinstance(a, Ally) for a in members):
        raise ParameterError(f"allies must be 1 to {MAX_ALLIES} gt.models.Ally values")
    names = [a.name for a in members]
    if len(set(names)) != len(names):
        raise ParameterError(f"ally names must be distinct; got {names}")
    if rule != "lead":
        _quota(rule, len(members))
    index = 0
    if lead is not None:
        if rule != "lead":
            raise ParameterError("lead= names the lead nation of rule='lead'")
        if lead not in names:
            raise ParameterError(f"lead nation {lead!r} is not an ally; allies are {names}")
        index = names.index(lead)
    params = make_parameters(PARAMETERS, list(PARAMETERS), overrides, "alliance_probe")
    return AllianceProbe(members, rule, index, tuple(params))
