r"""Finite-automaton strategies for repeated two-player games.

A strategy of a repeated game with perfect monitoring maps every history of action
profiles to an action. A *finite automaton* (Moore machine) represents the strategies
used in practice with a finite memory (Rubinstein 1986; Kalai and Stanford 1988;
Mailath and Samuelson 2006, section 2.3): a finite set of states :math:`W`, an initial
state :math:`w^0 \in W`, an output function :math:`f: W \to A_i` (the stage action the
player takes in each state) and a transition function :math:`\tau: W \times A \to W`
(the next state after the observed action profile :math:`a = (a_1, a_2)`). The
strategy plays :math:`f(w^0)` in period 0 and :math:`f(w^t)` with
:math:`w^{t+1} = \tau(w^t, a^t)` thereafter.

Automata here are written with the *strategy labels* of the stage game, so the same
constructor works for any number of actions, and are stored as an integer table
``table[state, row action, column action] -> next state``, which makes the joint
automaton of a profile (and everything :class:`~gametheory.analysis.repeated.game.RepeatedGame`
computes from it) a matter of array look-ups.

References
----------
Rubinstein, A. (1986). Finite automata play the repeated prisoner's dilemma. *Journal of
Economic Theory* 39, 83-96.
Kalai, E. and Stanford, W. (1988). Finite rationality and interpersonal complexity in
repeated games. *Econometrica* 56, 397-410.
Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
University Press, section 2.3.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> grim = gt.strategies.grim_trigger(pd, 0)
>>> grim.action_label("cooperate"), grim.next_state("cooperate", ("C", "D"))
('C', 'punish')
"""

from __future__ import annotations

import html as _html
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

import numpy as np

from ...errors import LabelError, ProfileError

__all__ = ["Automaton", "ANY", "LabelledStage", "mirror"]

#: Wildcard in a transition pattern: matches every action of that player.
ANY = "*"

Pattern = tuple[Any, Any]
Rules = str | Mapping[Pattern, str] | Sequence[tuple[Pattern, str]]


class LabelledStage(Protocol):
    """What an automaton needs of a stage game: the player names and strategy labels
    (a NormalFormGame or ParametricGame, or any object with these two attributes)."""

    @property
    def players(self) -> Sequence[str]: ...

    @property
    def strategies(self) -> Sequence[Sequence[str]]: ...


class _Labels(NamedTuple):
    players: tuple[str, str]
    strategies: tuple[tuple[str, ...], tuple[str, ...]]


def _stage_labels(stage: LabelledStage
                  ) -> tuple[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]]:
    try:
        players = tuple(stage.players)
        strategies = tuple(tuple(s) for s in stage.strategies)
    except AttributeError:
        raise LabelError("an automaton needs a stage game with .players and .strategies "
                         f"(a NormalFormGame or ParametricGame), got {type(stage).__name__}"
                         ) from None
    return players, strategies  # type: ignore[return-value]


def _player_index(players: tuple[str, str], player: int | str) -> int:
    if isinstance(player, int | np.integer) and not isinstance(player, bool) \
            and int(player) in (0, 1):
        return int(player)
    if isinstance(player, str) and player in players:
        return players.index(player)
    raise LabelError(f"unknown player {player!r}; players are {list(players)} (or 0, 1)")


def _label_set(spec: Any, labels: tuple[str, ...], who: str) -> frozenset[int]:
    """Indices matched by one side of a pattern: a label, a collection of labels, or ANY."""
    if spec is None or (isinstance(spec, str) and spec == ANY):
        return frozenset(range(len(labels)))
    items = [spec] if isinstance(spec, str) else list(spec)
    out = set()
    for lab in items:
        if lab not in labels:
            raise LabelError(f"transition pattern names {lab!r}, which is not a strategy of "
                             f"{who}; choose from {list(labels)} or {ANY!r} for any")
        out.add(labels.index(lab))
    return frozenset(out)


class Automaton:
    """A finite-automaton strategy of one player in a repeated two-player game.

    Parameters
    ----------
    stage : NormalFormGame or ParametricGame
        The stage game; only its player names and strategy labels are used.
    player : int or str
        The player (0 or the row player's name, 1 or the column player's name).
    states : mapping of str to str
        State name -> the stage strategy label the player takes in that state, in order.
    transitions : mapping or callable
        Either a callable ``f(state, row_label, column_label) -> next state`` or a mapping
        ``state -> rules``. ``rules`` is a state name (move there whatever is observed) or
        an ordered collection of ``(pattern, next_state)`` pairs (a dict or a list), where
        a pattern ``(row_spec, column_spec)`` matches an observed profile when each spec
        is the observed label, a collection containing it, or ``"*"``. The first matching
        rule wins; a profile no rule matches leaves the state unchanged. States missing
        from the mapping never move.
    initial : str, optional
        Initial state; default the first state.
    name : str, optional
        A name for tables and meta-games.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> tft = gt.Automaton(pd, 1, {"nice": "C", "angry": "D"},
    ...                    {"nice": [(("D", "*"), "angry")], "angry": [(("C", "*"), "nice")]},
    ...                    name="tit for tat")
    >>> tft
    Automaton('tit for tat', Column, 2 states: nice->C, angry->D)
    >>> tft.next_state("nice", ("D", "C"))
    'angry'
    """

    __slots__ = ("_players", "_strategies", "_player", "_names", "_actions", "_table",
                 "_initial", "_name", "__weakref__")

    def __init__(self, stage: LabelledStage, player: int | str, states: Mapping[str, str],
                 transitions: Mapping[str, Rules] | Callable[[str, str, str], str],
                 initial: str | None = None, name: str = "") -> None:
        players, strategies = _stage_labels(stage)
        p = _player_index(players, player)
        own = strategies[p]
        if not isinstance(states, Mapping) or len(states) == 0:
            raise LabelError("states must be a non-empty mapping state name -> action label")
        names = tuple(states)
        for s in names:
            if not isinstance(s, str) or s == "":
                raise LabelError(f"state names must be non-empty strings, got {s!r}")
        actions = []
        for s in names:
            lab = states[s]
            if lab not in own:
                raise LabelError(f"state {s!r} plays {lab!r}, which is not a strategy of "
                                 f"{players[p]}; choose from {list(own)}")
            actions.append(own.index(lab))
        m, n = len(strategies[0]), len(strategies[1])
        k = len(names)
        table = np.empty((k, m, n), dtype=np.int64)
        for si in range(k):
            table[si, :, :] = si
        if callable(transitions):
            for si, s in enumerate(names):
                for i in range(m):
                    for j in range(n):
                        nxt = transitions(s, strategies[0][i], strategies[1][j])
                        if nxt not in names:
                            raise LabelError(f"transition from {s!r} after "
                                             f"({strategies[0][i]}, {strategies[1][j]}) goes "
                                             f"to unknown state {nxt!r}; states are "
                                             f"{list(names)}")
                        table[si, i, j] = names.index(nxt)
        elif isinstance(transitions, Mapping):
            for s, rules in transitions.items():
                if s not in names:
                    raise LabelError(f"transitions given for unknown state {s!r}; states "
                                     f"are {list(names)}")
                self._fill(table, names.index(s), s, rules, names, players, strategies)
        else:
            raise LabelError("transitions must be a mapping state -> rules or a callable "
                             f"(state, row label, column label) -> state, got "
                             f"{type(transitions).__name__}")
        if initial is None:
            initial = names[0]
        if initial not in names:
            raise LabelError(f"initial state {initial!r} is not one of {list(names)}")
        table.flags.writeable = False
        self._players = players
        self._strategies = strategies
        self._player = p
        self._names = names
        self._actions = tuple(actions)
        self._table = table
        self._initial = names.index(initial)
        self._name = str(name)

    @staticmethod
    def _fill(table: np.ndarray, si: int, s: str, rules: Rules, names: tuple[str, ...],
              players: tuple[str, str], strategies: tuple[tuple[str, ...], ...]) -> None:
        if isinstance(rules, str):
            if rules not in names:
                raise LabelError(f"transition from {s!r} goes to unknown state {rules!r}; "
                                 f"states are {list(names)}")
            table[si, :, :] = names.index(rules)
            return
        pairs: Iterable[Any] = rules.items() if isinstance(rules, Mapping) else rules
        m, n = table.shape[1:]
        done = np.zeros((m, n), dtype=bool)
        for item in pairs:
            try:
                pattern, nxt = item
                row_spec, col_spec = pattern
            except (TypeError, ValueError):
                raise LabelError(f"a transition rule of state {s!r} must be ((row label, "
                                 f"column label), next state), got {item!r}") from None
            if nxt not in names:
                raise LabelError(f"transition from {s!r} on {pattern!r} goes to unknown "
                                 f"state {nxt!r}; states are {list(names)}")
            rows = _label_set(row_spec, strategies[0], players[0])
            cols = _label_set(col_spec, strategies[1], players[1])
            for i in rows:
                for j in cols:
                    if not done[i, j]:
                        table[si, i, j] = names.index(nxt)
                        done[i, j] = True

    @classmethod
    def from_table(cls, stage: LabelledStage, player: int | str, actions: Sequence[str],
                   table: Any, initial: int = 0, name: str = "",
                   state_names: Sequence[str] | None = None) -> Automaton:
        """An automaton from an action label per state and an integer transition table.

        ``table[s][i][j]`` is the next state index after profile ``(i, j)`` in state ``s``.

        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> a = gt.Automaton.from_table(pd, 0, ["C", "D"], [[[0, 1], [1, 1]], [[1, 1], [1, 1]]])
        >>> a.size, a.action_label(1)
        (2, 'D')
        """
        arr = np.asarray(table, dtype=np.int64)
        k = len(actions)
        names = tuple(state_names) if state_names is not None else tuple(
            f"s{q}" for q in range(k))
        _, strategies = _stage_labels(stage)
        shape = (k, len(strategies[0]), len(strategies[1]))
        if arr.shape != shape:
            raise LabelError(f"transition table has shape {arr.shape}; expected {shape} "
                             "(states, row actions, column actions)")
        if arr.min() < 0 or arr.max() >= k:
            raise LabelError(f"transition table entries must be state indices 0..{k - 1}")
        if len(names) != k:
            raise LabelError(f"{len(names)} state names for {k} states")
        init = names[initial] if not isinstance(initial, str) else initial
        return cls(stage, player, dict(zip(names, actions, strict=True)),
                   lambda s, r, c: names[arr[names.index(s), strategies[0].index(r),
                                             strategies[1].index(c)]],
                   initial=init, name=name)

    # ----------------------------------------------------------------- data access
    @property
    def player(self) -> int:
        """0 (row) or 1 (column)."""
        return self._player

    @property
    def player_name(self) -> str:
        return self._players[self._player]

    @property
    def name(self) -> str:
        return self._name or f"automaton({self.size} states)"

    @property
    def states(self) -> tuple[str, ...]:
        """State names, in order."""
        return self._names

    @property
    def size(self) -> int:
        return len(self._names)

    @property
    def initial(self) -> int:
        """Index of the initial state."""
        return self._initial

    @property
    def actions(self) -> tuple[int, ...]:
        """The stage strategy index played in each state."""
        return self._actions

    @property
    def table(self) -> np.ndarray:
        """Read-only ``table[state, row action, column action] -> next state`` array."""
        return self._table

    @property
    def stage_labels(self) -> tuple[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]]:
        """``(players, strategies)`` of the stage game the automaton was written for."""
        return self._players, self._strategies

    def _state(self, state: int | str) -> int:
        if isinstance(state, str):
            if state not in self._names:
                raise LabelError(f"unknown state {state!r}; states are {list(self._names)}")
            return self._names.index(state)
        if not 0 <= int(state) < self.size:
            raise LabelError(f"state index {state} out of range 0..{self.size - 1}")
        return int(state)

    def action_label(self, state: int | str) -> str:
        """The stage strategy label played in ``state``."""
        return self._strategies[self._player][self._actions[self._state(state)]]

    def next_state(self, state: int | str, profile: tuple[str, str]) -> str:
        """The state after observing ``profile`` (a pair of stage labels) in ``state``."""
        i = self._strategies[0].index(profile[0]) if profile[0] in self._strategies[0] else None
        j = self._strategies[1].index(profile[1]) if profile[1] in self._strategies[1] else None
        if i is None or j is None:
            raise LabelError(f"profile {profile!r} is not a pair of stage strategy labels "
                             f"{list(self._strategies[0])} x {list(self._strategies[1])}")
        return self._names[self._table[self._state(state), i, j]]

    def renamed(self, name: str) -> Automaton:
        """A copy with another name."""
        out = object.__new__(Automaton)
        for slot in Automaton.__slots__[:-1]:
            object.__setattr__(out, slot, getattr(self, slot))
        out._name = name
        return out

    def describe(self) -> str:
        """A readable table: each state, its action, and where each observed profile leads."""
        lines = [f"{self.name} ({self.player_name}), initial state {self._names[self._initial]}"]
        s0, s1 = self._strategies
        for si, s in enumerate(self._names):
            moves = {}
            for i, ri in enumerate(s0):
                for j, cj in enumerate(s1):
                    moves.setdefault(self._names[self._table[si, i, j]], []).append(
                        f"({ri}, {cj})")
            where = "; ".join(f"{dst} after {', '.join(ps)}" for dst, ps in moves.items())
            lines.append(f"  {s}: play {self.action_label(si)}; {where}")
        return "\n".join(lines)

    # ----------------------------------------------------------------- value semantics
    def _key(self) -> tuple:
        return (self._players, self._strategies, self._player, self._names, self._actions,
                self._table.tobytes(), self._initial, self._name)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Automaton):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        body = ", ".join(f"{s}->{self.action_label(k)}" for k, s in enumerate(self._names))
        return f"Automaton({self.name!r}, {self.player_name}, {self.size} states: {body})"

    def _repr_html_(self) -> str:
        """Jupyter: one row per state (the initial one marked), its action and, per
        observed profile, the next state."""
        import pandas as pd

        s0, s1 = self._strategies
        rows = {("* " if si == self._initial else "") + s: {
            "play": self.action_label(si),
            **{f"after ({ri}, {cj})": self._names[self._table[si, i, j]]
               for i, ri in enumerate(s0) for j, cj in enumerate(s1)}}
            for si, s in enumerate(self._names)}
        caption = f"{self.name} ({self.player_name}); * initial state"
        return pd.DataFrame.from_dict(rows, orient="index").to_html(escape=True) \
            .replace(">\n  <thead>", f">\n  <caption>{_html.escape(caption)}</caption>"
                     "\n  <thead>", 1)


def mirror(aut: Automaton) -> Automaton:
    """The same automaton for the other player of a stage whose players share labels.

    The mirror plays in each state what ``aut`` plays there and moves on the observed
    profile :math:`(a_1, a_2)` as ``aut`` moves on :math:`(a_2, a_1)`.

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> mirror(gt.strategies.tit_for_tat(pd, 0)).player
    1
    """
    players, strategies = aut.stage_labels
    if strategies[0] != strategies[1]:
        raise ProfileError("mirroring an automaton needs the same strategy labels for both "
                           "players; pass column_strategies explicitly")
    names = aut.states
    t = aut.table
    return Automaton(_Labels(players, strategies), 1 - aut.player,
                     {s: aut.action_label(s) for s in names},
                     lambda s, r, c: names[t[names.index(s), strategies[0].index(c),
                                             strategies[1].index(r)]],
                     initial=names[aut.initial], name=aut.name)
