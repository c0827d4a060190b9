r"""Textbook signalling games, the checks of the perfect Bayesian solver.

Beer-quiche (Cho and Kreps 1987) is the standard test of equilibrium refinements: with a
likely strong sender both pooling equilibria are perfect Bayesian, and the intuitive
criterion keeps only pooling on beer. The job-market game is a two-type, two-message
version of Spence's (1973) education signalling, with a separating equilibrium and
pooling equilibria that the intuitive criterion sorts; :func:`spence_education` puts the
education levels and wages on a grid, where D1 selects the least-cost separating (Riley)
outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from .._numbers import format_number
from ..core.signaling import SignalingGame, exact_value
from .registry import register_model

__all__ = ["beer_quiche", "job_market", "spence_education"]


@register_model(
    title="Beer-quiche: pooling equilibria and the intuitive criterion",
    result="prior(strong) > 1/2: pooling on beer and on quiche; only beer survives the "
           "intuitive criterion",
    citation="Cho and Kreps (1987)", returns="SignalingGame", parameters=("prior_strong",))
def beer_quiche(prior_strong: Any = Fraction(9, 10)) -> SignalingGame:
    """Cho and Kreps's (1987) beer-quiche game (*Quarterly Journal of Economics* 102,
    179-221, section II), with the strong type's prior ``prior_strong``.

    The sender gets 1 for the breakfast its type prefers (beer if strong, quiche if weak)
    plus 2 if not dueled; the receiver gets 1 for dueling a weak sender or for leaving a
    strong one alone.

    Examples
    --------
    >>> beer_quiche("1/2").prior
    {'strong': Fraction(1, 2), 'weak': Fraction(1, 2)}
    >>> beer_quiche().payoff("strong", "beer", "not")
    (Fraction(3, 1), Fraction(1, 1))
    """
    p = exact_value(prior_strong, "prior_strong")
    pay = {}
    for t in ("strong", "weak"):
        for m in ("beer", "quiche"):
            for a in ("duel", "not"):
                liked = (t == "strong") == (m == "beer")
                sender = int(liked) + (2 if a == "not" else 0)
                receiver = int((a == "duel") == (t == "weak"))
                pay[(t, m, a)] = (sender, receiver)
    return SignalingGame(("strong", "weak"), {"strong": p, "weak": 1 - p}, ("beer", "quiche"),
                         ("duel", "not"), pay, players=("Sender", "Receiver"),
                         title="Beer-quiche")


@register_model(
    title="Job-market signalling: education as a costly signal of ability",
    result="separating (High educates) when cost_low > manager_wage - clerk_wage > cost_high",
    citation="Spence (1973)", returns="SignalingGame",
    parameters=("prior_high", "cost_high", "cost_low"))
def job_market(prior_high: Any = Fraction(1, 2), cost_high: Any = 1, cost_low: Any = 3,
               manager_wage: Any = 4, clerk_wage: Any = 2) -> SignalingGame:
    """A discrete Spence (1973, *Quarterly Journal of Economics* 87, 355-374) job market.

    A worker of High (prior ``prior_high``) or Low ability chooses to Educate (costing
    ``cost_high`` or ``cost_low``) or Skip; the employer, seeing only that choice, hires
    as Manager (wage ``manager_wage``) or Clerk (``clerk_wage``) and gets 1 for matching
    the job to the ability.

    Examples
    --------
    >>> job_market().payoff("Low", "Educate", "Manager")
    (Fraction(1, 1), Fraction(0, 1))
    """
    prior = exact_value(prior_high, "prior_high")
    costs = {"High": exact_value(cost_high, "cost_high"), "Low": exact_value(cost_low, "cost_low")}
    wages = {"Manager": exact_value(manager_wage, "manager_wage"),
             "Clerk": exact_value(clerk_wage, "clerk_wage")}
    pay = {}
    for t in ("High", "Low"):
        for m in ("Educate", "Skip"):
            for a in ("Manager", "Clerk"):
                sender = wages[a] - (costs[t] if m == "Educate" else 0)
                pay[(t, m, a)] = (sender, int((a == "Manager") == (t == "High")))
    return SignalingGame(("High", "Low"), {"High": prior, "Low": 1 - prior},
                         ("Educate", "Skip"), ("Manager", "Clerk"), pay,
                         players=("Worker", "Employer"), title="Job market")


@register_model(
    title="Spence education signalling on a grid: D1 selects the Riley outcome",
    result="of 15 extreme perfect Bayesian equilibria (pooling, separating, semi-separating) "
           "only the least-cost separating (Riley) outcome survives D1",
    citation="Spence (1973); Riley (1979); Cho and Kreps (1987)", returns="SignalingGame",
    parameters=("prior_high", "cost_high", "cost_low"))
def spence_education(prior_high: Any = Fraction(1, 3), cost_high: Any = Fraction(1, 8),
                     cost_low: Any = Fraction(3, 4), levels: Sequence[Any] = (0, 1, 2),
                     wages: Sequence[Any] = (1, Fraction(3, 2), 2),
                     productivity_high: Any = 2, productivity_low: Any = 1) -> SignalingGame:
    r"""Spence's (1973) job market with education levels and a grid of wages.

    A worker of High (prior ``prior_high``, productivity ``productivity_high``) or Low
    ability picks an education level :math:`e` at cost :math:`c_\theta e` per unit; the
    employer offers a wage :math:`w` from ``wages`` and gets :math:`-(w - \theta)^2`, so
    its best reply is the wage nearest the expected productivity. The worker gets
    :math:`w - c_\theta e`. The *Riley outcome* (Riley 1979, *Econometrica* 47) is the
    least-cost separating one: Low gets no education, High the least level at which Low
    would not mimic (here 2, as :math:`2 - \tfrac34 \cdot 1 > 1`); D1 (Cho and Kreps 1987)
    selects it.

    Examples
    --------
    >>> g = spence_education()
    >>> g.messages, g.actions
    (('e=0', 'e=1', 'e=2'), ('w=1', 'w=3/2', 'w=2'))
    >>> g.payoff("High", "e=2", "w=2")
    (Fraction(7, 4), Fraction(0, 1))
    """
    prior = exact_value(prior_high, "prior_high")
    cost = {"High": exact_value(cost_high, "cost_high"), "Low": exact_value(cost_low, "cost_low")}
    prod = {"High": exact_value(productivity_high, "productivity_high"),
            "Low": exact_value(productivity_low, "productivity_low")}
    es = [exact_value(e, "an education level") for e in levels]
    ws = [exact_value(w, "a wage") for w in wages]
    msg = {e: f"e={format_number(e)}" for e in es}
    act = {w: f"w={format_number(w)}" for w in ws}
    pay = {(t, msg[e], act[w]): (w - cost[t] * e, -(w - prod[t]) ** 2)
           for t in ("High", "Low") for e in es for w in ws}
    return SignalingGame(("High", "Low"), {"High": prior, "Low": 1 - prior},
                         tuple(msg.values()), tuple(act.values()), pay,
                         players=("Worker", "Employer"), title="Spence education")
