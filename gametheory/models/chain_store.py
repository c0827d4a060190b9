r"""Selten's chain-store stage game (1978): a threat to fight that is not credible.

The game
--------
An **Entrant** (here: an Aggressor about to probe one more sector of allied airspace)
stays ``Out`` or goes ``In``. After entry the **Incumbent** (the Defender of that sector)
chooses ``Fight`` or ``Accommodate``. Payoffs (Entrant, Incumbent), with Selten's numbers
as defaults:

===========================  =========================  ==========================
outcome                      Entrant                    Incumbent
===========================  =========================  ==========================
Out                          :math:`o_E = 1`            :math:`m_I = 5` (monopoly)
In, Accommodate              :math:`a_E = 2`            :math:`a_I = 2`
In, Fight                    :math:`f_E = 0`            :math:`f_I = 0`
===========================  =========================  ==========================

Result (Selten 1978)
--------------------
With :math:`a_E > o_E` and :math:`a_I > f_I`, backward induction gives the unique
subgame-perfect equilibrium (In, Accommodate): once entry has happened, fighting only
hurts the Incumbent. The reduced normal form also has the Nash equilibrium
(Out, Fight if entered), valid whenever :math:`o_E \ge f_E`: the Entrant stays out
because of a threat the Incumbent would not carry out. Selten's *chain-store paradox*:
even with a chain of :math:`N` towns, backward induction unravels the threat town by
town and every entrant enters; a reputation for toughness needs incomplete information
about the Incumbent (Kreps and Wilson 1982; Milgrom and Roberts 1982).

References
----------
Selten, R. (1978). The chain store paradox. *Theory and Decision* 9(2), 127-159.
Kreps, D. M. and Wilson, R. (1982). Reputation and imperfect information. *Journal of
Economic Theory* 27, 253-279.
Milgrom, P. and Roberts, J. (1982). Predation, reputation, and entry deterrence. *Journal of
Economic Theory* 27, 280-312.
"""

from __future__ import annotations

from ..core.tree import GameTree, decision, terminal
from .kit import ParameterSpec, ParameterValue, make_parameters, spec, specs, symbol
from .registry import register_model

__all__ = ["chain_store"]

_U = "payoff units"

CHAIN_STORE_PARAMETERS: dict[str, ParameterSpec] = specs(
    spec("entrant_outside", "o_E", 1, "Entrant's payoff from staying out", bounds=None,
         unit=_U),
    spec("entrant_accommodated", "a_E", 2, "Entrant's payoff when entry is accommodated",
         bounds=None, unit=_U),
    spec("entrant_fought", "f_E", 0, "Entrant's payoff when entry is fought", bounds=None,
         unit=_U),
    spec("incumbent_monopoly", "m_I", 5, "Incumbent's payoff when the Entrant stays out",
         bounds=None, unit=_U),
    spec("incumbent_accommodates", "a_I", 2, "Incumbent's payoff from accommodating entry",
         bounds=None, unit=_U),
    spec("incumbent_fights", "f_I", 0, "Incumbent's payoff from fighting entry",
         bounds=None, unit=_U),
)


@register_model(
    title="Chain-store stage game: entry, then fight or accommodate",
    result="unique SPE (In, Accommodate); (Out, Fight) rests on a non-credible threat",
    citation="Selten (1978)", returns="GameTree")
def chain_store(**overrides: ParameterValue) -> GameTree:
    r"""Selten's (1978) chain-store stage game as a perfect-information game tree.

    Parameters
    ----------
    **overrides
        New defaults for ``entrant_outside`` :math:`o_E` (1), ``entrant_accommodated``
        :math:`a_E` (2), ``entrant_fought`` :math:`f_E` (0), ``incumbent_monopoly``
        :math:`m_I` (5), ``incumbent_accommodates`` :math:`a_I` (2), ``incumbent_fights``
        :math:`f_I` (0).

    Returns
    -------
    GameTree
        Players ``("Entrant", "Incumbent")``; the Incumbent's plans read
        ``"Fight if entered"`` and ``"Accommodate if entered"``.

    Notes
    -----
    Closed form: the SPE is (In, Accommodate if entered) iff :math:`a_I > f_I` and
    :math:`a_E > o_E`; (Out, Fight if entered) is a Nash equilibrium iff
    :math:`o_E \ge f_E`, resting on a non-credible threat when :math:`a_I > f_I`.

    Examples
    --------
    >>> import gametheory as gt
    >>> tree = gt.models.chain_store()
    >>> [e.labels for e in tree.backward_induction()]
    [('In', 'Accommodate if entered')]
    >>> [(c.equilibrium.pure_labels(), c.subgame_perfect)
    ...  for c in tree.classify_equilibria() if c.equilibrium.is_pure]
    [(('Out', 'Fight if entered'), False), (('In', 'Accommodate if entered'), True)]
    """
    oE, aE, fE, mI, aI, fI = (symbol(n) for n in CHAIN_STORE_PARAMETERS)
    params = make_parameters(CHAIN_STORE_PARAMETERS, CHAIN_STORE_PARAMETERS, overrides,
                             "chain_store")
    root = decision("Entrant", {
        "Out": terminal(oE, mI),
        "In": decision("Incumbent", {"Fight": terminal(fE, fI),
                                       "Accommodate": terminal(aE, aI)}, infoset="entered"),
    })
    return GameTree(root, players=("Entrant", "Incumbent"), parameters=params,
             title="Chain store (Selten 1978)")
