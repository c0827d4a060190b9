r"""Audience costs as a public red line: tying hands under complete information.

The game
--------
A stylised tying-hands game of *complete information* (Schelling 1960 on commitment;
Fearon 1997 on tying hands): both sides know every payoff, so the red line commits the
Defender rather than signals its resolve. Fearon's own models (1994, 1997) give the
Defender private information and read audience costs as a costly signal; that
signalling side is not modelled here. The Defender first draws a public
``Red line`` or stays ``Silent``; the Aggressor then refrains or probes; after a probe
the Defender chooses ``Back down`` (damage :math:`h`, credibility loss :math:`r_U`,
and the audience cost :math:`a` if it drew a red line) or ``Respond`` (cost :math:`k`;
the Aggressor loses :math:`s`). Without a red line the Defender backs down iff
:math:`h + r_U \le k`, so probing pays; a red line makes responding credible iff
:math:`h + r_U + a > k`, and then (if :math:`v - c_p - s < 0`) the Aggressor refrains
and the red line is never tested: a public commitment whose cost is paid only if it
fails, which is what makes it credible (Schelling 1960; Fearon 1997).

The Aggressor's payoffs and the probe's damage are those of the probe-response model
(:mod:`gametheory.models.probe_response`), with a lower default credibility loss.

References
----------
Schelling, T. C. (1960). *The Strategy of Conflict*. Harvard University Press.
Fearon, J. D. (1997). Signaling foreign policy interests: tying hands versus sinking
costs. *Journal of Conflict Resolution* 41(1), 68-90.
Fearon, J. D. (1994). Domestic political audiences and the escalation of international
disputes. *American Political Science Review* 88(3), 577-592 (the audience-cost concept,
in an incomplete-information crisis).
"""

from __future__ import annotations

import sympy

from ..core.tree import Decision, GameTree, decision, terminal
from .kit import ParameterSpec, ParameterValue, make_parameters, spec, specs, symbol
from .probe_response import PARAMETERS
from .registry import register_model

__all__ = ["audience_costs"]

_U = "payoff units"

AUDIENCE_PARAMETERS: dict[str, ParameterSpec] = {
    **{n: PARAMETERS[n] for n in ("probe_value", "probe_cost", "retaliation_damage",
                                  "probe_damage")},
    "credibility_loss": spec("credibility_loss", "r_U", 1, "Defender's loss of credibility "
                             "from backing down, red line or not", unit=_U),
    **specs(
        spec("response_cost", "k", 5, "Defender's cost of responding to a probe (including "
             "escalation risk)", unit=_U),
        spec("audience_cost", "a", 3, "extra cost of backing down after a public red line "
             "(domestic and allied audiences)", unit=_U),
    ),
}


@register_model(
    title="Audience costs: a public red line ties the Defender's hands (complete "
          "information)",
    result="red line credible iff h + r_U + a > k; then the Aggressor refrains",
    citation="Schelling (1960); Fearon (1997)", returns="GameTree")
def audience_costs(**overrides: ParameterValue) -> GameTree:
    r"""Audience costs as a public red line: tying hands under complete information.

    Parameters
    ----------
    **overrides
        New defaults for ``probe_value`` :math:`v` (4), ``probe_cost`` :math:`c_p` (1),
        ``retaliation_damage`` :math:`s` (6), ``probe_damage`` :math:`h` (2),
        ``credibility_loss`` :math:`r_U` (1), ``response_cost`` :math:`k` (5) and
        ``audience_cost`` :math:`a` (3).

    Returns
    -------
    GameTree
        Defender (``Red line`` / ``Silent``), then Aggressor (``Refrain`` / ``Probe``),
        then Defender (``Back down`` / ``Respond``).

    Notes
    -----
    A complete-information commitment game (Schelling 1960; Fearon 1997), not Fearon's
    (1994) incomplete-information audience-cost crisis. Closed form (module docstring):
    the red line is credible iff :math:`h + r_U + a > k`; when moreover
    :math:`h + r_U < k` and :math:`v - c_p > 0 > v - c_p - s`, the unique SPE is: draw
    the red line, the Aggressor refrains after it and probes after silence, and the
    Defender responds only after a red line.

    Examples
    --------
    >>> import gametheory as gt
    >>> (spe,) = gt.models.audience_costs().backward_induction()
    >>> spe.path, spe.payoffs
    (('Red line', 'Refrain'), (Fraction(0, 1), Fraction(0, 1)))
    >>> spe.labels[1]  # the Aggressor's plan
    'Refrain if red line drawn, Probe if no red line'
    >>> gt.models.audience_costs().backward_induction(audience_cost=1)[0].path
    ('Silent', 'Probe', 'Back down')
    """
    v, cp, s, h, rU, k, a = (symbol(n) for n in AUDIENCE_PARAMETERS)
    params = make_parameters(AUDIENCE_PARAMETERS, AUDIENCE_PARAMETERS, overrides,
                             "audience_costs")
    zero = sympy.Integer(0)

    def crisis(cost_of_backing_down: sympy.Expr, tag: str) -> Decision:
        return decision("Aggressor", {
            "Refrain": terminal(zero, zero),
            "Probe": decision("Defender", {  # payoffs (Defender, Aggressor)
                "Back down": terminal(-cost_of_backing_down, v - cp),
                "Respond": terminal(-k, v - cp - s),
            }, infoset=f"probed, {tag}"),
        }, infoset=tag)
    # the Aggressor's information sets are named by what it saw: "Refrain if red line drawn"

    root = decision("Defender", {"Red line": crisis(h + rU + a, "red line drawn"),
                                   "Silent": crisis(h + rU, "no red line")})
    return GameTree(root, players=("Defender", "Aggressor"), parameters=params,
             title="Audience costs: a public red line (tying hands)")
