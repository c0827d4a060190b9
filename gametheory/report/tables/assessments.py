r"""Assessment tables: perfect Bayesian equilibria with their beliefs.

Row :math:`k` lists equilibrium :math:`k`'s behaviour and its belief system: for a
signalling game the sender's message (or mixture) by type, the receiver's action by
message, the posterior :math:`\mu(\cdot \mid m)` after each message sent and, after each
unsent one, the set of beliefs that supports the reply (as an interval or inequalities);
for a game tree the action at each information set, Bayes' beliefs where they apply and
the supporting sets elsewhere. The table computes nothing: it shows the values of
:func:`gametheory.solve.signaling.perfect_bayesian_equilibria` or
:func:`gametheory.solve.tree_pbe.perfect_bayesian_equilibria`.

Examples
--------
Selten's horse (Selten 1975): player 3's information set is off the path, and R is
supported by every belief putting at least 2/3 on the node after A, d.

>>> import gametheory as gt
>>> T = gt.GameTree
>>> horse = T(T.decision("1", {
...     "D": T.decision("3", {"L": T.terminal(3, 3, 2), "R": T.terminal(0, 0, 0)}, "3"),
...     "A": T.decision("2", {
...         "d": T.decision("3", {"L": T.terminal(4, 4, 0), "R": T.terminal(0, 0, 1)}, "3"),
...         "a": T.terminal(1, 1, 1)}, "2")}, "1"), players=("1", "2", "3"))
>>> print(assessment_table(horse.perfect_bayesian_equilibria(), format="markdown"))
| \# | Profile | Beliefs | Payoffs |
|---|---|---|---|
| 1 | 1: A; 3: R; 2: a | 3: mu(A \> d \| 3) \>= 2/3 | 1: 1; 2: 1; 3: 1 |
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Protocol, runtime_checkable

from ..._numbers import format_number
from ...errors import GameError
from .base import Cell, Table
from .registry import render_rows

__all__ = ["assessment_table"]


class _BeliefSetLike(Protocol):
    def describe(self) -> str: ...


@runtime_checkable
class SignallingAssessment(Protocol):
    """A signalling equilibrium: sender and receiver strategies, beliefs, payoffs."""

    sender: Mapping[str, Any]
    receiver: Mapping[str, Any]
    beliefs: Mapping[str, Mapping[str, Fraction]]
    off_path: Mapping[str, _BeliefSetLike]
    kind: str
    sender_payoffs: Mapping[str, Any]
    receiver_payoff: Any


@runtime_checkable
class TreeAssessment(Protocol):
    """A tree equilibrium: actions and beliefs by information set, payoffs by player."""

    players: Sequence[str]
    profile: Mapping[str, str]
    beliefs: Mapping[str, Mapping[str, Fraction]]
    off_path: Mapping[str, _BeliefSetLike]
    payoffs: Sequence[Any]


def _mix(v: Any) -> str:
    if isinstance(v, str):
        return v
    return " + ".join(f"{format_number(p)} {k}" for k, p in v.items())


def _posterior(b: Mapping[str, Fraction]) -> str:
    live = {k: p for k, p in b.items() if p}
    return next(iter(live)) if len(live) == 1 else _mix(live)


def _beliefs(e: SignallingAssessment | TreeAssessment) -> str:
    parts = [f"{m}: {_posterior(b)}" for m, b in e.beliefs.items()]
    parts += [f"{m}: {bs.describe()}" for m, bs in e.off_path.items()]
    return "; ".join(parts)


def assessment_table(equilibria: Sequence[Any], format: str = "booktabs",
                     caption: str | None = None, label: str | None = None,
                     width: str | None = "linewidth") -> Table:
    """A table of perfect Bayesian equilibria with their beliefs.

    Parameters
    ----------
    equilibria : sequence
        Signalling equilibria (``SignalingGame.perfect_bayesian_equilibria()``) or tree
        assessments (``GameTree.perfect_bayesian_equilibria()``), not mixed.
    format : {"booktabs", "markdown", "html", "text"}
    caption, label, width : as for the other list tables.

    Raises
    ------
    GameError
        For an empty list, a list mixing the two kinds, or other values.

    Examples
    --------
    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("E", {"Out": T.terminal(0, 2),
    ...     "In1": T.decision("I", {"F": T.terminal(-1, -1), "A": T.terminal(3, 0)}, "in"),
    ...     "In2": T.decision("I", {"F": T.terminal(-1, -1), "A": T.terminal(2, 1)}, "in")}))
    >>> print(assessment_table(t.perfect_bayesian_equilibria(), format="text"))
    #  Profile                  Beliefs  Payoffs
    -  -----------------------  -------  ----------
    1  at the root: In1; in: A  in: In1  E: 3; I: 0
    """
    eqs = list(equilibria)
    if not eqs:
        raise GameError("assessment_table needs at least one equilibrium")
    if all(isinstance(e, SignallingAssessment) for e in eqs):
        header: list[Cell] = ["#", "Kind", "Sender", "Receiver", "Beliefs", "Sender payoffs",
                              "Receiver payoff"]
        rows = [[str(k), e.kind,
                 "; ".join(f"{t}: {_mix(m)}" for t, m in e.sender.items()),
                 "; ".join(f"{m}: {_mix(a)}" for m, a in e.receiver.items()),
                 _beliefs(e),
                 "; ".join(f"{t}: {format_number(v)}" for t, v in e.sender_payoffs.items()),
                 format_number(e.receiver_payoff)] for k, e in enumerate(eqs, 1)]
        align = "rllllll"
    elif all(isinstance(e, TreeAssessment) for e in eqs):
        header = ["#", "Profile", "Beliefs", "Payoffs"]
        rows = [[str(k), "; ".join(f"{h}: {a}" for h, a in e.profile.items()), _beliefs(e),
                 "; ".join(f"{p}: {format_number(v)}"
                           for p, v in zip(e.players, e.payoffs, strict=True))]
                for k, e in enumerate(eqs, 1)]
        align = "rlll"
    else:
        raise GameError("assessment_table takes perfect Bayesian equilibria of one kind "
                        "(a signalling game's or a game tree's)")
    return render_rows(header, rows, format, caption=caption, label=label, align=align,
                       width=width)
