r"""Built-in automaton strategies for repeated games (``gt.strategies``).

Every strategy is a :class:`~gametheory.analysis.repeated.automata.Automaton` written with the
stage game's strategy labels, so it works for any number of actions: "cooperate" and
"punish" are labels of the player's own stage strategies, and the opponent's
*cooperative* action defaults to the same label (give ``opponent_cooperate`` when the
players' labels differ, e.g. an Aggressor's ``Refrain`` against a Defender's
``Intercept``).

* :func:`always` -- one state, one action (ALLC, ALLD).
* :func:`grim_trigger` -- cooperate until a deviation from the cooperative profile is
  observed, then punish forever (Friedman 1971).
* :func:`tit_for_tat` -- cooperate first, then cooperate iff the opponent cooperated last
  period (Rapoport; Axelrod 1984).
* :func:`punish_then_forgive` -- k periods of punishment, then back to cooperation (the
  forgiving trigger strategies of Green and Porter 1984; Abreu 1988's stick and carrot).
* :func:`graduated` -- the n-th defection is answered by n punishments (capped), then two
  calm periods (Beaufils, Delahaye and Mathieu 1997's "gradual").
* :func:`proportionate` -- answer the opponent's last action with a matched action
  (a many-action tit-for-tat: the response scale follows the provocation).
* :func:`automaton` -- any user automaton.

References
----------
Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of Economic
Studies* 38, 1-12.
Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.
Green, E. J. and Porter, R. H. (1984). Noncooperative collusion under imperfect price
information. *Econometrica* 52, 87-100.
Beaufils, B., Delahaye, J.-P. and Mathieu, P. (1997). Our meeting with gradual: a good
strategy for the iterated prisoner's dilemma. *Artificial Life V*, 202-209.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> rg = gt.RepeatedGame(pd)
>>> rg.payoffs((gt.strategies.grim_trigger(pd, 0), gt.strategies.always(pd, 1, "D")), "1/2")
(Fraction(1, 2), Fraction(3, 1))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...errors import LabelError
from .automata import ANY, Automaton, LabelledStage, _player_index, _stage_labels

__all__ = ["always", "grim_trigger", "tit_for_tat", "punish_then_forgive", "graduated",
           "proportionate", "automaton", "Automaton"]


def _labels(stage: LabelledStage, player: int | str, cooperate: str, punish: str | None,
            opponent_cooperate: str | None) -> tuple[int, str, str | None, str]:
    players, strategies = _stage_labels(stage)
    p = _player_index(players, player)
    for lab, what in ((cooperate, "cooperate"), (punish, "punish")):
        if lab is not None and lab not in strategies[p]:
            raise LabelError(f"{what}={lab!r} is not a strategy of {players[p]}; choose from "
                             f"{list(strategies[p])}")
    opp = cooperate if opponent_cooperate is None else opponent_cooperate
    if opp not in strategies[1 - p]:
        raise LabelError(f"the opponent's cooperative action {opp!r} is not a strategy of "
                         f"{players[1 - p]} ({list(strategies[1 - p])}); pass "
                         "opponent_cooperate=<label>")
    return p, cooperate, punish, opp


def _on_path(p: int, own: str, opp: str) -> tuple[str, str]:
    return (own, opp) if p == 0 else (opp, own)


def _opponent_only(p: int, opp: str) -> tuple[str, str]:
    return (ANY, opp) if p == 0 else (opp, ANY)


def always(stage: LabelledStage, player: int | str, action: str,
           name: str | None = None) -> Automaton:
    """Play ``action`` in every period whatever happens (e.g. ALLC, ALLD).

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> gt.strategies.always(pd, 0, "D")
    Automaton('always D', Row, 1 states: play->D)
    """
    return Automaton(stage, player, {"play": action}, {}, name=name or f"always {action}")


def grim_trigger(stage: LabelledStage, player: int | str, cooperate: str = "C",
                 punish: str = "D", *, opponent_cooperate: str | None = None, trigger: str = "any",
                 name: str | None = None) -> Automaton:
    """Cooperate until a deviation is observed, then punish forever (Friedman 1971).

    Parameters
    ----------
    stage : NormalFormGame or ParametricGame
    player : int or str
    cooperate, punish : str
        The player's own stage labels on the cooperative path and in punishment.
    opponent_cooperate : str, optional
        The opponent's cooperative label; default ``cooperate``.
    trigger : {"any", "opponent"}
        ``"any"`` (default): any observed profile other than the cooperative one starts the
        punishment, the player's own deviation included, as in the subgame-perfect
        version; ``"opponent"``: only the opponent's deviation does.
    name : str, optional

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> g = gt.strategies.grim_trigger(pd, "Row")
    >>> [g.next_state("cooperate", prof) for prof in (("C", "C"), ("D", "C"), ("C", "D"))]
    ['cooperate', 'punish', 'punish']
    """
    p, coop, pun, opp = _labels(stage, player, cooperate, punish, opponent_cooperate)
    if trigger == "any":
        rules = [(_on_path(p, coop, opp), "cooperate"), ((ANY, ANY), "punish")]
    elif trigger == "opponent":
        rules = [(_opponent_only(p, opp), "cooperate"), ((ANY, ANY), "punish")]
    else:
        raise LabelError(f"trigger must be 'any' or 'opponent', got {trigger!r}")
    return Automaton(stage, p, {"cooperate": coop, "punish": pun}, {"cooperate": rules},
                     name=name or "grim trigger")


def tit_for_tat(stage: LabelledStage, player: int | str, cooperate: str = "C", punish: str = "D", *,
                opponent_cooperate: str | None = None, name: str | None = None) -> Automaton:
    """Cooperate first; then cooperate iff the opponent cooperated in the last period.

    With more than two actions, any opponent action other than its cooperative one is
    answered with ``punish``.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> t = gt.strategies.tit_for_tat(pd, 1)
    >>> t.next_state("punish", ("C", "D")), t.next_state("cooperate", ("D", "C"))
    ('cooperate', 'punish')
    """
    p, coop, pun, opp = _labels(stage, player, cooperate, punish, opponent_cooperate)
    rules = [(_opponent_only(p, opp), "cooperate"), ((ANY, ANY), "punish")]
    return Automaton(stage, p, {"cooperate": coop, "punish": pun},
                     {"cooperate": rules, "punish": rules}, name=name or "tit for tat")


def punish_then_forgive(stage: LabelledStage, player: int | str, cooperate: str = "C",
                        punish: str = "D", periods: int = 1, *,
                        opponent_cooperate: str | None = None, trigger: str = "any",
                        restart: bool = False, name: str | None = None) -> Automaton:
    """Punish a deviation for ``periods`` periods, then return to cooperation.

    States ``cooperate, punish 1, ..., punish k``. A deviation (``trigger`` as in
    :func:`grim_trigger`) in ``cooperate`` starts the punishment; each punishment state
    moves on whatever is observed. With ``restart=True`` the punished opponent must accept
    the punishment by playing its cooperative action: anything else restarts it (the
    "stick" of Abreu 1988's stick-and-carrot).

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> a = gt.strategies.punish_then_forgive(pd, 0, periods=2)
    >>> a.states
    ('cooperate', 'punish 1', 'punish 2')
    >>> a.next_state("punish 2", ("D", "D"))
    'cooperate'
    """
    if not isinstance(periods, int) or isinstance(periods, bool) or periods < 1:
        raise LabelError(f"periods must be a positive integer, got {periods!r}")
    p, coop, pun, opp = _labels(stage, player, cooperate, punish, opponent_cooperate)
    states = {"cooperate": coop}
    for k in range(1, periods + 1):
        states[f"punish {k}"] = pun
    if trigger == "any":
        ok = _on_path(p, coop, opp)
    elif trigger == "opponent":
        ok = _opponent_only(p, opp)
    else:
        raise LabelError(f"trigger must be 'any' or 'opponent', got {trigger!r}")
    trans: dict[str, Any] = {"cooperate": [(ok, "cooperate"), ((ANY, ANY), "punish 1")]}
    for k in range(1, periods + 1):
        after = "cooperate" if k == periods else f"punish {k + 1}"
        if restart:
            # the punished opponent is expected to keep cooperating while punished
            trans[f"punish {k}"] = [(_opponent_only(p, opp), after), ((ANY, ANY), "punish 1")]
        else:
            trans[f"punish {k}"] = after
    return Automaton(stage, p, states, trans,
                     name=name or f"punish {periods} then forgive")


def graduated(stage: LabelledStage, player: int | str, cooperate: str = "C", punish: str = "D",
              max_count: int = 3, calm: int = 2, *, opponent_cooperate: str | None = None,
              name: str | None = None) -> Automaton:
    """Graduated response: the n-th defection is punished n times, then ``calm`` periods.

    Beaufils, Delahaye and Mathieu (1997)'s *gradual*, made finite by capping the
    defection count at ``max_count``. Defections seen while punishing or calming are not
    counted. States: ``cooperate c`` (c defections counted), ``punish c r`` (r punishments
    left), ``calm c r``.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> g = gt.strategies.graduated(pd, 0, max_count=2)
    >>> g.size
    10
    >>> g.next_state("cooperate 1", ("C", "D"))
    'punish 2 2'
    """
    if not isinstance(max_count, int) or max_count < 1 or not isinstance(calm, int) or calm < 0:
        raise LabelError("max_count must be a positive integer and calm a non-negative one")
    p, coop, pun, opp = _labels(stage, player, cooperate, punish, opponent_cooperate)
    states: dict[str, str] = {}
    trans: dict[str, Any] = {}
    for c in range(max_count + 1):
        states[f"cooperate {c}"] = coop
    for c in range(1, max_count + 1):
        for r in range(c, 0, -1):
            states[f"punish {c} {r}"] = pun
        for r in range(calm, 0, -1):
            states[f"calm {c} {r}"] = coop
    for c in range(max_count + 1):
        c2 = min(c + 1, max_count)
        trans[f"cooperate {c}"] = [(_opponent_only(p, opp), f"cooperate {c}"),
                                   ((ANY, ANY), f"punish {c2} {c2}")]
    for c in range(1, max_count + 1):
        for r in range(c, 0, -1):
            trans[f"punish {c} {r}"] = (f"punish {c} {r - 1}" if r > 1 else
                                        f"calm {c} {calm}" if calm else f"cooperate {c}")
        for r in range(calm, 0, -1):
            trans[f"calm {c} {r}"] = f"calm {c} {r - 1}" if r > 1 else f"cooperate {c}"
    return Automaton(stage, p, states, trans, initial="cooperate 0",
                     name=name or "graduated")


def proportionate(stage: LabelledStage, player: int | str, response: Mapping[str, str],
                  first: str | None = None, name: str | None = None) -> Automaton:
    """Answer the opponent's last action with ``response[that action]``.

    A many-action tit-for-tat: the state is the opponent's last action. ``first`` is the
    opening action (default: the response to the opponent's first strategy).

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.NormalFormGame([[0, -1, -3], [1, 0, -2]], [[0, 1, 2], [-1, 0, 1]],
    ...                       strategies=(("Refrain", "Probe"), ("Low", "Mid", "High")))
    >>> d = gt.strategies.proportionate(g, 1, {"Refrain": "Low", "Probe": "Mid"})
    >>> d.next_state("start", ("Probe", "Low")), d.action_label("after Probe")
    ('after Probe', 'Mid')
    """
    players, strategies = _stage_labels(stage)
    p = _player_index(players, player)
    opp_labels = strategies[1 - p]
    missing = [lab for lab in opp_labels if lab not in response]
    if missing:
        raise LabelError(f"response must give an answer to every action of {players[1 - p]}; "
                         f"missing {missing}")
    unknown = [lab for lab in response if lab not in opp_labels]
    if unknown:
        raise LabelError(f"response names {unknown}, which are not strategies of "
                         f"{players[1 - p]} ({list(opp_labels)})")
    opening = response[opp_labels[0]] if first is None else first
    states = {"start": opening}
    states.update({f"after {lab}": response[lab] for lab in opp_labels})

    def move(_state: str, row: str, col: str) -> str:
        return f"after {col if p == 0 else row}"

    return Automaton(stage, p, states, move, name=name or "proportionate")


def automaton(stage: LabelledStage, player: int | str, states: Mapping[str, str],
              transitions: Mapping[str, Any] | Callable[[str, str, str], str],
              initial: str | None = None, name: str = "") -> Automaton:
    """A user automaton; see :class:`~gametheory.analysis.repeated.automata.Automaton`.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> pavlov = gt.strategies.automaton(pd, 0, {"C": "C", "D": "D"},
    ...     lambda s, r, c: "C" if r == c else "D", name="win-stay lose-shift")
    >>> pavlov.next_state("C", ("C", "D")), pavlov.next_state("D", ("D", "D"))
    ('D', 'C')
    """
    return Automaton(stage, player, states, transitions, initial=initial, name=name)
