r"""An escalation ladder: both sides climb, hold or step down, rung by rung, at a risk of war.

The game
--------
A crisis climbs a ladder of named rungs :math:`1, \dots, K` (for the drone crisis: a drone
incursion, interception under Eastern Sentry, massed incursions, Article 4 consultations
with countermeasures over Ukraine, a strike on allied soil, Article 5). The **Aggressor**
moves first, at rung 0 (the status quo); the movers then alternate. At rung :math:`j` the
mover chooses

* ``Climb``: the crisis moves to rung :math:`j+1`. Climbing generates risk in Schelling's
  (1960, ch. 8) sense: with probability :math:`p_{j+1}` (the rung's *war risk*) events
  slip out of control and the crisis ends in war, payoffs :math:`(-w_A, -w_D)`; otherwise
  the other side moves at rung :math:`j+1`. By choosing whether to climb the movers choose
  the level of risk they run (brinkmanship, Powell 1990). A rung with :math:`p = 1` is
  war itself;
* ``Hold`` (only with ``hold=True``): stay at rung :math:`j` and hand the move over; two
  holds in a row settle the crisis at rung :math:`j`, a *stalemate* worth
  :math:`(g_j - c^A_j,\ v_D - g_j - c^D_j)`: the Aggressor keeps the gain :math:`g_j` of the
  level of violation it has normalised, taken from the Defender, and each side pays the
  standing cost :math:`c^i_j` of the rung;
* ``Yield`` (from rung 1): concede. If the Aggressor yields it keeps nothing and pays its
  back-down (audience) cost: :math:`(-c^A_j - a_A,\ v_D - c^D_j)`. If the Defender
  yields, the Aggressor wins the stake: :math:`(v_A - c^A_j,\ -c^D_j - a_D)`.

At rung 0 the Aggressor's ``Hold`` is "do not challenge" and ends the game at the status
quo :math:`(0, v_D)`. At the top rung nobody can climb.

Result: the complete-information benchmark
-------------------------------------------
With no standing gains or costs, no back-down costs and no holds (``hold=False``; the
pure contest in risk taking of Schelling 1966, ch. 3, and Powell 1990, ch. 2), write
:math:`\rho_i = v_i / (v_i + w_i)` for side :math:`i`'s *resolve*, the highest risk of war
it would run to win the stake. Backward induction gives, for :math:`w_i > 0` and
:math:`p_K = 1` (derived in :func:`brinkmanship_outcome`):

* the mover at rung :math:`j` yields, :math:`y(j)`, iff :math:`y(j+1)` fails or
  :math:`p_{j+1} \ge \rho_{\text{mover}(j)}` (with :math:`y(K) = ` true), so the Aggressor
  challenges iff the Defender yields at rung 1 and :math:`p_1 < \rho_A`;
* on the path the crisis never climbs past rung 1: the side that would give up at some
  rung gives up at its first move (the Aggressor by not challenging), so the only risk
  of war run is the first rung's :math:`p_1`. Under complete information escalation
  buys nothing; escalation on the
  path needs private information about resolve (Powell 1987, 1988; Fearon 1995) or, in
  this ladder, standing gains that make a higher rung worth settling at;
* the Aggressor's war-cost ratio thresholds are exact: it is willing to climb to rung
  :math:`j` iff :math:`w_A / v_A < (1 - p_j)/p_j` (:func:`climb_thresholds`).

References
----------
Schelling, T. C. (1960). *The Strategy of Conflict*. Harvard University Press.
Schelling, T. C. (1966). *Arms and Influence*. Yale University Press.
Powell, R. (1987). Crisis bargaining, escalation, and MAD. *American Political Science
Review* 81(3), 717-735.
Powell, R. (1988). Nuclear brinkmanship with two-sided incomplete information. *American
Political Science Review* 82(1), 155-178.
Powell, R. (1990). *Nuclear Deterrence Theory: The Search for Credibility*. Cambridge
University Press.
Fearon, J. D. (1995). Rationalist explanations for war. *International Organization*
49(3), 379-414.

Examples
--------
>>> import gametheory as gt
>>> tree = gt.models.escalation_ladder()
>>> [o.describe() for o in gt.models.ladder_outcomes(tree)]
['stalemate at interception (Eastern Sentry) (Aggressor holds first); war risk 1/100']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .._numbers import as_fraction, format_number, to_number
from ..core.tree import GameTree, chance, decision, terminal
from ..core.tree_nodes import Node
from ..errors import GameError
from .kit import ParameterSpec, ParameterValue, make_parameters, spec, specs, symbol
from .registry import register_model

__all__ = ["Rung", "LadderOutcome", "DRONE_LADDER", "escalation_ladder", "ladder_outcomes",
           "climb_thresholds", "brinkmanship_outcome"]

_U = "payoff units"
PLAYERS = ("Aggressor", "Defender")
#: Bound on the ladder's length: with holds the tree doubles with each rung.
MAX_RUNGS = 10

LADDER_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("stake_aggressor", "v_A", 4, "Aggressor's value of winning the stake", unit=_U),
    spec("stake_defender", "v_D", 6, "Defender's value of keeping the stake", unit=_U),
    spec("war_cost_aggressor", "w_A", 40, "Aggressor's cost of war", unit=_U),
    spec("war_cost_defender", "w_D", 30, "Defender's cost of war", unit=_U),
    spec("backdown_cost_aggressor", "a_A", 1, "Aggressor's cost of backing down after "
         "climbing (audience cost)", unit=_U),
    spec("backdown_cost_defender", "a_D", 2, "Defender's cost of backing down after the "
         "crisis began (lost credibility)", unit=_U),
)


def _exact(value: Any) -> Fraction:
    return as_fraction(to_number(value))


@dataclass(frozen=True)
class Rung:
    r"""One rung of the ladder.

    Attributes
    ----------
    name : str
        What the rung is ("Article 4 consultations").
    war_risk : Fraction
        :math:`p_j`, the probability that climbing onto the rung ends in war.
    aggressor_gain : Fraction
        :math:`g_j`, what the Aggressor gains (and the Defender loses) if the crisis
        settles at this rung.
    aggressor_cost, defender_cost : Fraction
        :math:`c^A_j, c^D_j`, the standing cost of being at this rung.
    """

    name: str
    war_risk: Any
    aggressor_gain: Any = 0
    aggressor_cost: Any = 0
    defender_cost: Any = 0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise GameError(f"a rung needs a non-empty name, got {self.name!r}")
        for field_ in ("war_risk", "aggressor_gain", "aggressor_cost", "defender_cost"):
            object.__setattr__(self, field_, _exact(getattr(self, field_)))
        if not 0 <= self.war_risk <= 1:
            raise GameError(f"rung {self.name!r}: war risk must lie in [0, 1], "
                            f"got {format_number(self.war_risk)}")


#: The drone crisis of September 2025 as a ladder (illustrative calibration, documented in
#: docs/model.md): odd rungs are the Aggressor's climbs, even rungs the Defender's.
DRONE_LADDER: tuple[Rung, ...] = (
    Rung("drone incursion", "0", aggressor_gain="2", aggressor_cost="0", defender_cost="1/2"),
    Rung("interception (Eastern Sentry)", "1/100", aggressor_gain="1",
         aggressor_cost="1/4", defender_cost="1"),
    Rung("massed incursions", "1/20", aggressor_gain="2", aggressor_cost="1",
         defender_cost="2"),
    Rung("Article 4 and countermeasures over Ukraine", "1/10", aggressor_gain="1/2",
         aggressor_cost="2", defender_cost="2"),
    Rung("strike on allied soil", "1/4", aggressor_gain="3", aggressor_cost="4",
         defender_cost="4"),
    Rung("Article 5 collective defence", "1"),
)


def _mover(j: int) -> int:
    return j % 2  # rung 0: Aggressor; the movers alternate with each climb


@register_model(
    title="Escalation ladder: climb, hold or yield at a chosen risk of war",
    result="complete information: no escalation past the first rung on the path; the "
           "Aggressor climbs to rung j iff w_A/v_A < (1-p_j)/p_j (brinkmanship benchmark)",
    citation="Schelling (1960); Schelling (1966); Powell (1987); Powell (1990)", returns="GameTree")
def escalation_ladder(rungs: Sequence[Rung] = DRONE_LADDER, hold: bool = True,
                      **overrides: ParameterValue) -> GameTree:
    r"""The escalation ladder as a parametric perfect-information tree with chance moves.

    Parameters
    ----------
    rungs : sequence of Rung
        The rungs above the status quo, lowest first (at most :data:`MAX_RUNGS`).
    hold : bool
        Whether a mover may hold (stay and hand the move over); without it each mover
        climbs or yields (the pure contest in risk taking).
    **overrides
        New defaults for ``stake_aggressor`` :math:`v_A` (4), ``stake_defender``
        :math:`v_D` (6), ``war_cost_aggressor`` :math:`w_A` (40), ``war_cost_defender``
        :math:`w_D` (30), ``backdown_cost_aggressor`` :math:`a_A` (1),
        ``backdown_cost_defender`` :math:`a_D` (2).

    Returns
    -------
    GameTree
        Players ``("Aggressor", "Defender")``; moves read ``"Climb to <rung>"``,
        ``"Hold"``, ``"Yield"``.

    Examples
    --------
    >>> import gametheory as gt
    >>> pure = (gt.models.Rung("threat", "1/4"), gt.models.Rung("war", 1))
    >>> tree = gt.models.escalation_ladder(pure, hold=False)
    >>> [o.describe() for o in gt.models.ladder_outcomes(tree, war_cost_aggressor=4)]
    ['yield at threat by Defender; war risk 1/4']
    """
    rungs = tuple(rungs)
    if not rungs or len(rungs) > MAX_RUNGS:
        raise GameError(f"a ladder needs 1 to {MAX_RUNGS} rungs, got {len(rungs)}")
    if not all(isinstance(r, Rung) for r in rungs):
        raise GameError("rungs must be Rung values")
    names = [r.name for r in rungs]
    if len(set(names)) != len(names):
        raise GameError(f"rung names must be distinct, got {names}")
    vA, vD, wA, wD, aA, aD = (symbol(n) for n in LADDER_PARAMETERS)
    params = make_parameters(LADDER_PARAMETERS, LADDER_PARAMETERS, overrides,
                             "escalation_ladder")
    top = len(rungs)
    war = terminal(-wA, -wD)

    def at(j: int) -> Rung | None:
        return rungs[j - 1] if j >= 1 else None

    def stalemate(j: int) -> Node:
        r = at(j)
        if r is None:
            return terminal(0, vD)
        return terminal(r.aggressor_gain - r.aggressor_cost, vD - r.aggressor_gain
                        - r.defender_cost)

    def yielded(j: int, mover: int) -> Node:
        r = at(j)
        assert r is not None
        if mover == 0:
            return terminal(-r.aggressor_cost - aA, vD - r.defender_cost)
        return terminal(vA - r.aggressor_cost, -r.defender_cost - aD)

    def node(j: int, mover: int, held: bool, history: str) -> Node:
        moves: dict[str, Node] = {}
        if j < top:
            nxt = rungs[j]
            cont = node(j + 1, 1 - mover, False, history + "C")
            p = nxt.war_risk
            moves[f"Climb to {nxt.name}"] = (
                war if p == 1 else cont if p == 0 else
                chance({"war": (p, war), "contained": (1 - p, cont)},
                       name=f"risk at {nxt.name} ({history}C)"))
        if j == 0 and mover == 0:
            moves["Hold"] = stalemate(0)
        elif hold:
            moves["Hold"] = stalemate(j) if held else node(j, 1 - mover, True, history + "H")
        if j >= 1:
            moves["Yield"] = yielded(j, mover)
        if len(moves) == 1:  # the top rung without holds: the mover can only yield
            return next(iter(moves.values()))
        where = at(j).name if j else "the status quo"  # type: ignore[union-attr]
        return decision(PLAYERS[mover], moves,
                        infoset=f"{PLAYERS[mover]} at {where} ({history or 'start'})")

    return GameTree(node(0, 0, False, ""), players=PLAYERS, parameters=params,
                    title="Escalation ladder (brinkmanship after Schelling 1960, Powell 1990)")


@dataclass(frozen=True)
class LadderOutcome:
    """Where a subgame-perfect path of the ladder stops.

    Attributes
    ----------
    rung : str
        The rung at which the crisis ends if war does not break out first.
    stopper : str or None
        Who yields, or for a stalemate who holds first (declines to climb); None at the
        status quo or in war.
    how : str
        ``"status quo"``, ``"stalemate"``, ``"yield"`` or ``"war"`` (the top rung).
    war_probability : Fraction
        Probability that the path ends in war.
    payoffs : tuple
        Expected payoffs (Aggressor, Defender).
    path : tuple of str
        The moves on the path, chance outcome "contained" included.
    """

    rung: str
    stopper: str | None
    how: str
    war_probability: Any
    payoffs: tuple[Any, ...]
    path: tuple[str, ...]

    def describe(self) -> str:
        who = {"stalemate": f" ({self.stopper} holds first)", "yield": f" by {self.stopper}",
               }.get(self.how, "")
        where = "" if self.how == "status quo" else f" at {self.rung}"
        return (f"{self.how}{where}{who}; war risk "
                f"{format_number(self.war_probability)}")

    def __repr__(self) -> str:
        return f"LadderOutcome({self.describe()})"


def ladder_outcomes(tree: GameTree, **values: ParameterValue) -> list[LadderOutcome]:
    """Where each subgame-perfect equilibrium of a ladder stops, at a parameter point.

    Follows each equilibrium of ``tree.backward_induction(**values)`` along its path
    (chance moves taken as "contained", their war probability accumulated).

    Examples
    --------
    >>> import gametheory as gt
    >>> tree = gt.models.escalation_ladder()
    >>> [o.how for o in gt.models.ladder_outcomes(tree, war_cost_aggressor=80)]
    ['status quo']
    """
    out = []
    for eq in tree.backward_induction(**values):
        war = sum((p for p, hist, _ in eq.outcomes if hist and hist[-1] == "war"),
                  Fraction(0))
        main = max(eq.outcomes, key=lambda o: (o[1][-1] != "war", o[0]))
        hist = tuple(main[1])
        moves = [h for h in hist if h != "contained"]
        rung, stopper, how = _locate(moves)
        out.append(LadderOutcome(rung, stopper, how, war, tuple(eq.payoffs), hist))
    return out


def _locate(moves: Sequence[str]) -> tuple[str, str | None, str]:
    rung, mover = "the status quo", 0
    last_hold: int | None = None
    for mv in moves:
        if mv.startswith("Climb to "):
            rung, mover, last_hold = mv[len("Climb to "):], 1 - mover, None
        elif mv == "Hold":
            if rung == "the status quo":
                return rung, None, "status quo"
            if last_hold is None:
                last_hold = mover
            mover = 1 - mover
        elif mv == "Yield":
            return rung, PLAYERS[mover], "yield"
        elif mv == "war":
            return rung, None, "war"
    if last_hold is not None:
        return rung, PLAYERS[last_hold], "stalemate"
    return rung, None, "war"


def climb_thresholds(rungs: Sequence[Rung] = DRONE_LADDER) -> dict[str, Fraction | None]:
    r"""The war-cost ratio :math:`w_A / v_A` below which a side would climb onto each rung.

    In the pure contest in risk taking a side climbs onto rung :math:`j` (when the other
    side will then yield) iff :math:`p_j < \rho = v/(v+w)`, i.e. iff
    :math:`w/v < (1 - p_j)/p_j`. A rung without risk has no threshold (None: always
    worth climbing); a rung of certain war has threshold 0.

    Examples
    --------
    >>> import gametheory as gt
    >>> gt.models.climb_thresholds((gt.models.Rung("threat", "1/4"),
    ...                             gt.models.Rung("war", 1)))
    {'threat': Fraction(3, 1), 'war': Fraction(0, 1)}
    """
    return {r.name: None if r.war_risk == 0 else (1 - r.war_risk) / r.war_risk
            for r in rungs}


def brinkmanship_outcome(rungs: Sequence[Rung], values: Mapping[str, ParameterValue]
                         ) -> tuple[bool, list[bool]]:
    r"""The closed form of the pure contest in risk taking: who yields at each rung.

    With resolve :math:`\rho_i = v_i/(v_i + w_i)`, the mover at rung :math:`j` yields iff
    the mover at :math:`j+1` would not yield, or the next rung's risk is at least its
    resolve: :math:`y(j) = \lnot y(j+1) \lor p_{j+1} \ge \rho_{\text{mover}(j)}`, with
    :math:`y(K)` true (nobody can climb from the top). Proof: if the next mover climbs,
    the mover at :math:`j` moves again at :math:`j+2` where (by induction) it yields,
    so yielding at once saves the risk of war in between; if the next mover yields,
    climbing is worth :math:`(1-p_{j+1}) v_i - p_{j+1} w_i` against 0 for yielding.
    At an exact tie (:math:`p_{j+1} = \rho`) the rule picks yielding; the tree reports
    both. The proof needs every rung below the top to carry some risk
    (:math:`0 < p_j`); at a riskless rung, climbing only to yield later ties with
    yielding at once.

    Returns
    -------
    (challenge, yields)
        Whether the Aggressor challenges (it "yields" at rung 0 by holding) and, per rung
        :math:`0..K-1`, whether its mover yields.

    Examples
    --------
    >>> import gametheory as gt
    >>> rungs = (gt.models.Rung("threat", "1/4"), gt.models.Rung("war", 1))
    >>> gt.models.brinkmanship_outcome(rungs, {"war_cost_aggressor": 4})
    (True, [False, True])
    """
    point = {n: _exact(values.get(n, s.default)) for n, s in LADDER_PARAMETERS.items()}
    rho = (point["stake_aggressor"] / (point["stake_aggressor"] + point["war_cost_aggressor"]),
           point["stake_defender"] / (point["stake_defender"] + point["war_cost_defender"]))
    k = len(rungs)
    y = [False] * (k + 1)
    y[k] = True
    for j in range(k - 1, -1, -1):
        y[j] = (not y[j + 1]) or rungs[j].war_risk >= rho[_mover(j)]
    return (not y[0]), y[:k]

