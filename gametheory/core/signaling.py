r"""Sender-receiver signalling games as data.

Nature draws the sender's *type* :math:`t \in T` with prior :math:`p(t) > 0`; the sender
sees it and sends a *message* :math:`m \in M`; the receiver sees the message, not the
type, and takes an *action* :math:`a \in A`. Payoffs :math:`u_S(t, m, a)` and
:math:`u_R(t, m, a)` depend on all three. This is the form of most crisis-signalling
models: a defender of unknown resolve signals (a costly posture, a public red line) and a
prober decides whether to probe (Fearon 1997, *Journal of Conflict Resolution* 41;
Banks 1991, *Signaling Games in Political Science*).

As an extensive form it is a chance move, one single-node information set of the sender
per type, and one information set of the receiver per message (all the nodes after that
message): :meth:`SignalingGame.to_tree` builds that :class:`~gametheory.core.tree.GameTree`.
Its perfect Bayesian equilibria (:mod:`gametheory.solve.signaling`) are reached through
:meth:`SignalingGame.perfect_bayesian_equilibria`.

Examples
--------
Cho and Kreps's (1987) beer-quiche game: a strong (prior 9/10) or weak sender chooses
breakfast; the receiver duels or not. The sender gets 1 for the breakfast its type
prefers (beer if strong, quiche if weak) plus 2 if not dueled; the receiver gets 1 for
dueling a weak sender or for not dueling a strong one.

>>> from gametheory.models import beer_quiche
>>> g = beer_quiche()
>>> g.types, g.messages, g.actions
(('strong', 'weak'), ('beer', 'quiche'), ('duel', 'not'))
>>> g.payoff("strong", "beer", "not")
(Fraction(3, 1), Fraction(1, 1))
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .._labels import label_tuple
from .._numbers import NotANumber, format_number, to_number
from ..errors import PayoffError, ProfileError
from .tree_nodes import chance, decision, terminal

if TYPE_CHECKING:  # pragma: no cover
    from ..solve.signaling import PerfectBayesianEquilibrium
    from .tree import GameTree

__all__ = ["SignalingGame", "exact_value"]


def exact_value(value: Any, where: str) -> Fraction:
    """``value`` as an exact Fraction (floats at their binary value), errors naming ``where``."""
    try:
        v = to_number(value)
    except NotANumber as err:
        raise PayoffError(f"{where}: {err}") from None
    if not isinstance(v, Fraction):
        v = Fraction(v)  # a float at its exact binary value
    return v


class SignalingGame:
    """A sender-receiver game: types with a prior, messages, actions and payoffs.

    Parameters
    ----------
    types, messages, actions : sequence of str
        Non-empty, unique labels.
    prior : mapping type -> probability
        Positive probabilities summing to exactly 1 (numbers or strings such as ``"1/3"``).
    payoffs : mapping (type, message, action) -> (sender payoff, receiver payoff)
        One entry for every triple. Rational input stays exact.
    players : pair of str
        Names of the sender and the receiver.
    title : str

    Raises
    ------
    LabelError, PayoffError, ProfileError
        For bad labels, a missing or extra payoff entry, or a prior that is not a
        positive distribution over the types; each message names the entry.
    """

    def __init__(self, types: Sequence[str], prior: Mapping[str, Any],
                 messages: Sequence[str], actions: Sequence[str],
                 payoffs: Mapping[tuple[str, str, str], Sequence[Any]],
                 players: Sequence[str] = ("Sender", "Receiver"), title: str = "") -> None:
        self._types = label_tuple(types, None, "types")
        self._messages = label_tuple(messages, None, "messages")
        self._actions = label_tuple(actions, None, "actions")
        self._players = label_tuple(players, 2, "players")
        if not isinstance(title, str):
            raise PayoffError(f"title must be a string, got {title!r}")
        self._title = title
        if not isinstance(prior, Mapping) or set(prior) != set(self._types):
            raise ProfileError(f"prior must map each type {list(self._types)} to a probability; "
                               f"got {prior!r}")
        self._prior = {t: exact_value(prior[t], f"prior of type {t!r}") for t in self._types}
        if any(p <= 0 for p in self._prior.values()) or sum(self._prior.values()) != 1:
            raise ProfileError("prior probabilities must be positive and sum to 1; got "
                               + ", ".join(f"{t}: {format_number(p)}"
                                           for t, p in self._prior.items()))
        wanted = {(t, m, a) for t in self._types for m in self._messages for a in self._actions}
        if not isinstance(payoffs, Mapping):
            raise PayoffError("payoffs must map (type, message, action) to a pair of payoffs")
        missing, extra = wanted - set(payoffs), set(payoffs) - wanted
        if missing or extra:
            raise PayoffError("payoffs need exactly one entry per (type, message, action); "
                              f"missing {sorted(missing)[:3]}, "
                              f"unknown {sorted(extra, key=str)[:3]}")
        self._payoffs: dict[tuple[str, str, str], tuple[Fraction, Fraction]] = {}
        for key in sorted(wanted):
            pair = payoffs[key]
            if isinstance(pair, str) or not isinstance(pair, Sequence) or len(pair) != 2:
                raise PayoffError(f"payoff of {key} must be a (sender, receiver) pair, "
                                  f"got {pair!r}")
            self._payoffs[key] = (exact_value(pair[0], f"sender payoff of {key}"),
                                  exact_value(pair[1], f"receiver payoff of {key}"))

    # ------------------------------------------------------------------ data
    @property
    def types(self) -> tuple[str, ...]:
        return self._types

    @property
    def messages(self) -> tuple[str, ...]:
        return self._messages

    @property
    def actions(self) -> tuple[str, ...]:
        return self._actions

    @property
    def players(self) -> tuple[str, str]:
        return (self._players[0], self._players[1])

    @property
    def title(self) -> str:
        return self._title

    @property
    def prior(self) -> dict[str, Fraction]:
        return dict(self._prior)

    def payoff(self, type_: str, message: str, action: str) -> tuple[Fraction, Fraction]:
        """(sender, receiver) payoffs of a type sending a message answered by an action."""
        try:
            return self._payoffs[(type_, message, action)]
        except KeyError:
            raise ProfileError(f"no payoff for ({type_!r}, {message!r}, {action!r})") from None

    # ------------------------------------------------------------------ views
    def to_tree(self) -> GameTree:
        """The extensive form: chance, then the sender by type, then the receiver, who has
        one information set per message.

        >>> from gametheory.models import beer_quiche
        >>> t = beer_quiche().to_tree()
        >>> sorted({s.name for s in t.information_sets("Receiver")})
        ['after beer', 'after quiche']
        """
        from .tree import GameTree

        def receiver(t: str, m: str) -> Any:
            return decision(self._players[1], {
                a: terminal(*self._payoffs[(t, m, a)]) for a in self._actions},
                infoset=f"after {m}")

        root = chance({t: (self._prior[t], decision(
            self._players[0], {m: receiver(t, m) for m in self._messages}, infoset=f"if {t}"))
            for t in self._types})
        return GameTree(root, players=self.players, title=self._title)

    def perfect_bayesian_equilibria(self, pure: bool = False
                                    ) -> list[PerfectBayesianEquilibrium]:
        """Every pure perfect Bayesian equilibrium with its belief sets and, unless
        ``pure``, every extreme mixed (semi-separating) one (see
        :func:`gametheory.solve.signaling.perfect_bayesian_equilibria`).

        >>> from gametheory.models import beer_quiche
        >>> for e in beer_quiche("1/10").perfect_bayesian_equilibria():
        ...     print(e.kind, e.sender["weak"])
        semi-separating {'beer': Fraction(1, 9), 'quiche': Fraction(8, 9)}
        """
        from ..solve.signaling import perfect_bayesian_equilibria

        return perfect_bayesian_equilibria(self, pure=pure)

    def __repr__(self) -> str:
        return (f"SignalingGame(types={list(self._types)}, messages={list(self._messages)}, "
                f"actions={list(self._actions)}, title={self._title!r})")

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(t)}</td><td>{html.escape(m)}</td><td>{html.escape(a)}</td>"
            f"<td>{format_number(s)}</td><td>{format_number(r)}</td></tr>"
            for (t, m, a), (s, r) in self._payoffs.items())
        prior = ", ".join(f"{html.escape(t)}: {format_number(p)}" for t, p in self._prior.items())
        return (f"<b>{html.escape(self._title or 'Signalling game')}</b> (prior {prior})"
                f"<table><tr><th>type</th><th>message</th><th>action</th>"
                f"<th>{html.escape(self._players[0])}</th><th>{html.escape(self._players[1])}"
                f"</th></tr>{rows}</table>")

