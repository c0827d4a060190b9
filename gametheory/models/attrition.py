r"""A drone-attrition campaign: cheap salvos against costly interceptors, round by round.

The game
--------
The campaign lasts :math:`T` rounds (or is discounted by :math:`\delta` and has no end).
The Defender starts with :math:`s_0` interceptors in a magazine of capacity :math:`S`.
In each round, with :math:`s` interceptors in stock:

1. the **Aggressor** launches a salvo of :math:`n \in \{0, \dots, N\}` drones at
   :math:`c_d` each;
2. the **Defender**, having seen the salvo, either fires :math:`m \le \min(n, s)`
   interceptors and buys :math:`r \in \{0, \rho\}` new ones at :math:`c_r` each (stock
   capped at :math:`S`), or strikes the launch sites, which ends the campaign with
   :math:`(-K_A, -K_D)` (the escalation the strike risks, in expectation).

Saturation: each interceptor fired kills its drone with probability
:math:`q(n) = q_0\,\sigma/(\sigma + n)`, falling with the salvo size. A drone that gets
through is worth :math:`d_A` to the Aggressor and costs the Defender :math:`d_D`. The round
pays (all in expectation, exactly)

.. math::
    u_A = d_A\,(n - m\,q(n)) - c_d\,n, \qquad
    u_D = -d_D\,(n - m\,q(n)) - c_i\,m - c_r\,r ,

where :math:`c_i` is the cost of firing an interceptor; the stock moves to
:math:`\min(S, s - m + r)`. The exchange ratio of a round is the Defender's spending over
the Aggressor's: :math:`(c_i m + c_r r)/(c_d n)`.

Solution
--------
Each round is a perfect-information stage (salvo, then reply), so the campaign is a
finite perfect-information game and backward induction over the state
:math:`(t, s)` solves it exactly (Fractions) in :math:`O(T\,S\,N^2)` operations: the
recursion is value iteration on the stage operator of a stochastic game (Shapley 1953),
run for :math:`T` sweeps, so long campaigns (thousands of rounds) need no tree. With
discounting the :math:`T`-round values need not settle as :math:`T` grows: the
Defender's reply can switch with the horizon's parity (at the defaults and
:math:`\delta = 9/10` they alternate between rounds 100, 101 and 102), so no stationary
value is claimed. At indifference the
Defender takes the first reply in a fixed order (fewer interceptors, no purchase, then
the strike) and the Aggressor the smaller salvo; :func:`solve_campaign` reports how many
such ties it broke. The tests check the recursion against the project's generic backward
induction on the full game tree (:func:`campaign_tree`) for short campaigns.

References
----------
Shapley, L. S. (1953). Stochastic games. *Proceedings of the National Academy of
Sciences* 39(10), 1095-1100.

Examples
--------
>>> import gametheory as gt
>>> c = gt.models.attrition_campaign(rounds=3)
>>> plan = c.solve()
>>> [(r.salvo, r.fired, r.bought, r.strike) for r in plan.path]
[(2, 2, 0, False), (2, 2, 2, False), (2, 2, 0, False)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .._numbers import as_fraction, format_number, to_number
from ..core.tree import GameTree, decision, terminal
from ..core.tree_nodes import Node
from ..errors import GameError
from .registry import register_model

__all__ = ["AttritionCampaign", "CampaignRound", "CampaignSolution", "attrition_campaign",
           "campaign_tree"]

#: Bounds on the state space: salvo options, magazine size and rounds.
MAX_SALVO = 50
MAX_STOCK = 500
MAX_ROUNDS = 10_000


def _exact(value: Any, name: str) -> Fraction:
    try:
        return as_fraction(to_number(value))
    except Exception as exc:  # NotANumber and friends: restate with the field's name
        raise GameError(f"{name}: {exc}") from None


@dataclass(frozen=True)
class AttritionCampaign:
    r"""The campaign's parameters (see the module docstring for the payoffs).

    Attributes
    ----------
    rounds : int
        :math:`T` for a finite campaign.
    max_salvo : int
        :math:`N`, the largest salvo.
    stock, capacity, restock : int
        :math:`s_0`, :math:`S`, :math:`\rho`.
    kill_prob, saturation : Fraction
        :math:`q_0` and :math:`\sigma` of :math:`q(n) = q_0 \sigma/(\sigma+n)`.
    drone_cost, interceptor_cost, restock_cost : Fraction
        :math:`c_d`, :math:`c_i`, :math:`c_r` per unit.
    leak_value, leak_damage : Fraction
        :math:`d_A`, :math:`d_D` per drone that gets through.
    strike_cost_aggressor, strike_cost_defender : Fraction
        :math:`K_A`, :math:`K_D`: the payoffs of a strike on the launch sites are
        :math:`(-K_A, -K_D)`.
    """

    rounds: int = 3
    max_salvo: int = 2
    stock: int = 4
    capacity: int = 6
    restock: int = 2
    kill_prob: Any = Fraction(9, 10)
    saturation: Any = 4
    drone_cost: Any = Fraction(1, 10)
    interceptor_cost: Any = Fraction(1, 2)
    restock_cost: Any = Fraction(1, 4)
    leak_value: Any = 1
    leak_damage: Any = 2
    strike_cost_aggressor: Any = 4
    strike_cost_defender: Any = 12

    def __post_init__(self) -> None:
        for name, hi in (("rounds", MAX_ROUNDS), ("max_salvo", MAX_SALVO),
                         ("stock", MAX_STOCK), ("capacity", MAX_STOCK),
                         ("restock", MAX_STOCK)):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= hi:
                raise GameError(f"{name} must be an integer in [0, {hi}], got {v!r}")
        if self.rounds < 1 or self.capacity < 1:
            raise GameError("a campaign needs at least one round and a magazine of size >= 1")
        if self.stock > self.capacity:
            raise GameError(f"stock {self.stock} exceeds capacity {self.capacity}")
        for name in ("kill_prob", "saturation", "drone_cost", "interceptor_cost",
                     "restock_cost", "leak_value", "leak_damage", "strike_cost_aggressor",
                     "strike_cost_defender"):
            object.__setattr__(self, name, _exact(getattr(self, name), name))
        if not 0 <= self.kill_prob <= 1:
            raise GameError(f"kill_prob must lie in [0, 1], got {self.kill_prob}")
        if self.saturation <= 0:
            raise GameError(f"saturation must be positive, got {self.saturation}")

    def kill(self, salvo: int) -> Fraction:
        r"""Per-interceptor kill probability :math:`q(n) = q_0\sigma/(\sigma + n)`."""
        return self.kill_prob * self.saturation / (self.saturation + salvo)

    def replies(self, salvo: int, stock: int) -> Iterator[tuple[int, int, bool]]:
        """The Defender's replies ``(fired, bought, strike)`` in tie-breaking order."""
        for m in range(min(salvo, stock) + 1):
            for r in sorted({0, self.restock}):
                yield m, r, False
        yield 0, 0, True

    def stage(self, salvo: int, fired: int, bought: int) -> tuple[Fraction, Fraction]:
        """Round payoffs (Aggressor, Defender) of a salvo and a reply without a strike."""
        leak = salvo - fired * self.kill(salvo)
        return (self.leak_value * leak - self.drone_cost * salvo,
                -self.leak_damage * leak - self.interceptor_cost * fired
                - self.restock_cost * bought)

    def next_stock(self, stock: int, fired: int, bought: int) -> int:
        return min(self.capacity, stock - fired + bought)

    def solve(self, discount: Any = 1) -> CampaignSolution:
        """Solve the finite campaign exactly by backward induction (see :func:`solve_campaign`)."""
        return solve_campaign(self, discount)


@dataclass(frozen=True)
class CampaignRound:
    """One round on the equilibrium path."""

    round: int
    stock: int
    salvo: int
    fired: int
    bought: int
    strike: bool
    payoffs: tuple[Fraction, Fraction]
    exchange_ratio: Fraction | None

    def describe(self) -> str:
        if self.strike:
            return f"round {self.round}: salvo {self.salvo}, the Defender strikes launch sites"
        ratio = "-" if self.exchange_ratio is None else format_number(self.exchange_ratio)
        return (f"round {self.round} (stock {self.stock}): salvo {self.salvo}, "
                f"fired {self.fired}, bought {self.bought}, exchange ratio {ratio}")


@dataclass(frozen=True)
class CampaignSolution:
    """The subgame-perfect campaign: values by state and the path from the start.

    Attributes
    ----------
    values : tuple of dict
        ``values[t][s]`` is the pair of continuation values with ``t`` rounds played and
        ``s`` interceptors in stock.
    path : tuple of CampaignRound
    payoffs : tuple of Fraction
        The campaign's total (discounted) payoffs from the start.
    ties : int
        Decisions where the fixed tie-breaking order chose among equally good moves.
    """

    values: tuple[dict[int, tuple[Fraction, Fraction]], ...] = field(repr=False)
    path: tuple[CampaignRound, ...]
    payoffs: tuple[Fraction, Fraction]
    ties: int


def _best(options: list[tuple[Fraction, Any]]) -> tuple[Fraction, Any, bool]:
    best = max(v for v, _ in options)
    firsts = [o for v, o in options if v == best]
    return best, firsts[0], len(firsts) > 1


def solve_campaign(campaign: AttritionCampaign, discount: Any = 1) -> CampaignSolution:
    r"""Backward induction over rounds and stocks: exact values and the equilibrium path.

    For :math:`t = T-1, \dots, 0` and every stock :math:`s`,

    .. math::
        V_t(s) = \text{stage}(n^*, a^*) + \delta\, V_{t+1}(s'),\quad
        a^*(n) \in \arg\max_a\ u_D(n, a) + \delta V^D_{t+1}(s'(a)),\quad
        n^* \in \arg\max_n\ u_A(n, a^*(n)) + \delta V^A_{t+1}(s'(a^*(n))),

    with :math:`V_T = 0` and a strike worth :math:`(-K_A, -K_D)` with no continuation.
    Cost: :math:`O(T\,S\,N^2)` exact operations.
    """
    d = _exact(discount, "discount")
    if not 0 < d <= 1:
        raise GameError(f"discount must lie in (0, 1], got {d}")
    c = campaign
    stocks = range(c.capacity + 1)
    values: list[dict[int, tuple[Fraction, Fraction]]] = [dict() for _ in range(c.rounds + 1)]
    policy: list[dict[int, tuple[int, tuple[int, int, bool]]]] = [
        dict() for _ in range(c.rounds)]
    values[c.rounds] = {s: (Fraction(0), Fraction(0)) for s in stocks}
    ties = 0
    for t in range(c.rounds - 1, -1, -1):
        nxt = values[t + 1]
        for s in stocks:
            salvo_options = []
            for n in range(c.max_salvo + 1):
                reply_options = []
                for m, r, strike in c.replies(n, s):
                    if strike:
                        val = (-c.strike_cost_aggressor, -c.strike_cost_defender)
                    else:
                        ua, ud = c.stage(n, m, r)
                        va, vd = nxt[c.next_stock(s, m, r)]
                        val = (ua + d * va, ud + d * vd)
                    reply_options.append((val[1], (val, (m, r, strike))))
                _, (val, reply), tie = _best(reply_options)
                ties += tie
                salvo_options.append((val[0], (val, (n, reply))))
            _, (val, choice), tie = _best(salvo_options)
            ties += tie
            values[t][s] = val
            policy[t][s] = choice
    path = []
    s = c.stock
    for t in range(c.rounds):
        n, (m, r, strike) = policy[t][s]
        stage = ((-c.strike_cost_aggressor, -c.strike_cost_defender) if strike
                 else c.stage(n, m, r))
        ratio = (None if strike or n == 0 or c.drone_cost == 0 else
                 (c.interceptor_cost * m + c.restock_cost * r) / (c.drone_cost * n))
        path.append(CampaignRound(t, s, n, m, r, strike, stage, ratio))
        if strike:
            break
        s = c.next_stock(s, m, r)
    return CampaignSolution(tuple(values), tuple(path), values[0][c.stock], ties)


@register_model(
    title="Drone attrition campaign: salvos, saturation, magazine depth, strikes on "
          "launch sites",
    result="exact subgame-perfect campaign by backward induction (value iteration on the "
           "stage operator; Shapley 1953), checked against the generic tree solver",
    citation="Shapley (1953)", returns="AttritionCampaign",
    parameters=("rounds", "max_salvo", "stock", "capacity", "restock", "kill_prob",
                "saturation", "drone_cost", "interceptor_cost", "restock_cost", "leak_value",
                "leak_damage", "strike_cost_aggressor", "strike_cost_defender"))
def attrition_campaign(**fields: Any) -> AttritionCampaign:
    """An :class:`AttritionCampaign` with the given fields (defaults otherwise).

    Examples
    --------
    >>> import gametheory as gt
    >>> gt.models.attrition_campaign(rounds=2, stock=1).solve().payoffs[1]
    Fraction(-32, 5)
    """
    try:
        return AttritionCampaign(**fields)
    except TypeError as exc:
        raise GameError(f"attrition_campaign: {exc}") from None


def campaign_tree(campaign: AttritionCampaign, max_nodes: int = 200_000) -> GameTree:
    """The campaign as an explicit game tree (for checking the recursion on short campaigns).

    Raises
    ------
    GameError
        If the tree would have more than ``max_nodes`` nodes.
    """
    c = campaign
    count = [0]

    def grow(t: int, s: int, acc: tuple[Fraction, Fraction]) -> Node:
        count[0] += 1
        if count[0] > max_nodes:
            raise GameError(f"the campaign tree exceeds {max_nodes} nodes; use "
                            "AttritionCampaign.solve(), which needs no tree")
        if t == c.rounds:
            return terminal(*acc)
        salvos: dict[str, Node] = {}
        for n in range(c.max_salvo + 1):
            replies: dict[str, Node] = {}
            for m, r, strike in c.replies(n, s):
                if strike:
                    replies["strike"] = terminal(acc[0] - c.strike_cost_aggressor,
                                                 acc[1] - c.strike_cost_defender)
                    continue
                ua, ud = c.stage(n, m, r)
                replies[f"fire {m} buy {r}"] = grow(t + 1, c.next_stock(s, m, r),
                                                    (acc[0] + ua, acc[1] + ud))
            salvos[f"salvo {n}"] = decision("Defender", replies,
                                            infoset=f"t{t} s{s} n{n} {count[0]}")
        return decision("Aggressor", salvos, infoset=f"t{t} s{s} {count[0]}")

    return GameTree(grow(0, c.stock, (Fraction(0), Fraction(0))),
                    players=("Aggressor", "Defender"), title="Attrition campaign")

