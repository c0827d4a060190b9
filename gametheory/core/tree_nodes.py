r"""The nodes of a game tree: what a user builds and what a compiled tree shows.

A finite extensive-form game is a rooted tree (Kuhn 1953). The user builds it from three
kinds of node, :func:`decision` (a player moves; edges are its actions), :func:`chance`
(edges carry probabilities summing to one) and :func:`terminal` (one payoff per player),
and hands the root to :class:`~gametheory.core.tree.GameTree`. The compiled tree shows
its nodes as :class:`TreeNode` records numbered in preorder (the root is 0, and the
subtree of node :math:`v` is the id range ``v.id .. v.end - 1``), and its information
sets as :class:`InformationSet` records.

>>> from gametheory.core.tree_nodes import decision, terminal
>>> decision("A", {"L": terminal(1, 0), "R": terminal(0, 1)})
decision('A', {'L': terminal(1, 0), 'R': terminal(0, 1)})
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union

from .._numbers import format_number
from ..errors import GameError, LabelError, PayoffError

__all__ = ["Terminal", "Decision", "Chance", "Node", "terminal", "decision", "chance",
           "TreeNode", "InformationSet", "Plan", "NodeKind"]

# --------------------------------------------------------------------- user nodes
@dataclass(frozen=True)
class Terminal:
    """A terminal node: one payoff per player, in the tree's player order."""

    payoffs: tuple[Any, ...]

    def __repr__(self) -> str:
        return f"terminal({', '.join(map(_show, self.payoffs))})"


@dataclass(frozen=True)
class Decision:
    """A decision node of ``player`` with labelled moves ``((action, subtree), ...)``.

    ``infoset`` names the information set: decision nodes sharing a name form one
    information set; the name also reads in plan labels ("Intercept if probed").
    """

    player: str | int
    moves: tuple[tuple[str, Node], ...]
    infoset: str | None = None

    def __repr__(self) -> str:
        inner = ", ".join(f"{a!r}: {sub!r}" for a, sub in self.moves)
        extra = f", infoset={self.infoset!r}" if self.infoset is not None else ""
        return f"decision({self.player!r}, {{{inner}}}{extra})"


@dataclass(frozen=True)
class Chance:
    """A chance node with outcomes ``((label, probability, subtree), ...)``."""

    outcomes: tuple[tuple[str, Any, Node], ...]
    name: str | None = None

    def __repr__(self) -> str:
        inner = ", ".join(f"{a!r}: ({_show(p)}, {sub!r})" for a, p, sub in self.outcomes)
        return f"chance({{{inner}}})"


Node = Union[Terminal, Decision, Chance]  # noqa: UP007 (used at runtime in isinstance)


def _show(v: Any) -> str:
    return format_number(v) if not isinstance(v, str) else repr(v)


def _check_label(label: Any, what: str) -> str:
    if not isinstance(label, str) or label.strip() == "":
        raise LabelError(f"{what} must be a non-empty string, got {label!r}")
    return label


def terminal(*payoffs: Any) -> Terminal:
    """A terminal node with one payoff per player (numbers, sympy expressions or strings).

    >>> from gametheory.core.tree_nodes import terminal
    >>> terminal(1, "3/4")
    terminal(1, '3/4')
    """
    if len(payoffs) == 1 and isinstance(payoffs[0], Sequence) and not isinstance(payoffs[0], str):
        payoffs = tuple(payoffs[0])
    if len(payoffs) == 0:
        raise PayoffError("a terminal node needs one payoff per player, got none")
    return Terminal(tuple(payoffs))


def _moves(moves: Any, what: str) -> list[tuple[str, Any]]:
    if isinstance(moves, Mapping):
        items = list(moves.items())
    elif isinstance(moves, Sequence) and not isinstance(moves, str):
        items = []
        for k, item in enumerate(moves):
            if not isinstance(item, Sequence) or isinstance(item, str) or len(item) != 2:
                raise GameError(f"{what}: item {k} must be a pair (label, subtree), got {item!r}")
            items.append((item[0], item[1]))
    else:
        raise GameError(f"{what} must be a mapping {{label: ...}}, got {type(moves).__name__}")
    if not items:
        raise GameError(f"{what} is empty; a node needs at least one move")
    seen = set()
    for label, _ in items:
        _check_label(label, f"{what}: a label")
        if label in seen:
            raise LabelError(f"{what}: label {label!r} is used twice")
        seen.add(label)
    return items


def decision(player: str | int, moves: Mapping[str, Node] | Sequence[tuple[str, Node]],
             infoset: str | None = None) -> Decision:
    """A decision node of ``player`` (name or index) with moves ``{action: subtree}``.

    Decision nodes given the same ``infoset`` name form one information set (the player
    cannot tell them apart); they must belong to the same player and offer the same
    actions. The name also labels plans: ``"Intercept if probed"``.

    >>> from gametheory.core.tree_nodes import decision, terminal
    >>> decision("Defender", {"Intercept": terminal(0, 1), "Ignore": terminal(1, 0)},
    ...          infoset="probed")
    decision('Defender', {'Intercept': terminal(0, 1), 'Ignore': terminal(1, 0)}, infoset='probed')
    """
    if isinstance(player, bool) or not isinstance(player, str | int):
        raise LabelError(f"a decision node's player must be a name or an index, got {player!r}")
    if infoset is not None:
        _check_label(infoset, "an information set name")
    items = _moves(moves, f"moves of {player!r}")
    for label, sub in items:
        if not isinstance(sub, Terminal | Decision | Chance):
            raise GameError(f"move {label!r} of {player!r} leads to {sub!r}, not a node "
                            "(build subtrees with terminal(), decision() or chance())")
    return Decision(player, tuple(items), infoset)


def chance(outcomes: Mapping[str, tuple[Any, Node]] | Sequence[tuple[str, tuple[Any, Node]]],
           name: str | None = None) -> Chance:
    """A chance node with outcomes ``{label: (probability, subtree)}``.

    Probabilities are numbers, strings such as ``"1/3"`` or symbolic expressions; the
    tree checks that they are in [0, 1] and sum to 1.

    >>> from gametheory.core.tree_nodes import chance, terminal
    >>> chance({"Good": ("1/3", terminal(3)), "Bad": ("2/3", terminal(0))})
    chance({'Good': ('1/3', terminal(3)), 'Bad': ('2/3', terminal(0))})
    """
    if name is not None:
        _check_label(name, "a chance node name")
    items = _moves(outcomes, "outcomes of a chance node")
    out = []
    for label, pair in items:
        if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2 \
                or not isinstance(pair[1], Terminal | Decision | Chance):
            raise GameError(f"chance outcome {label!r} must be a pair (probability, subtree), "
                            f"got {pair!r}")
        out.append((label, pair[0], pair[1]))
    return Chance(tuple(out), name)


# --------------------------------------------------------------------- compiled records
NodeKind = Literal["decision", "chance", "terminal"]

#: A pure plan (or profile): ``((information set index, action), ...)``.
Plan = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class TreeNode:
    """One node of a compiled tree, numbered in preorder.

    Attributes
    ----------
    id : int
        Preorder number (the root is 0).
    kind : {"decision", "chance", "terminal"}
    history : tuple of str
        The action and outcome labels on the path from the root.
    parent : int or None
    player : int or None
        Index of the mover (decision nodes).
    infoset : int or None
        Index of the node's information set (decision nodes).
    actions : tuple of str
        The labels of the outgoing edges, in the information set's order.
    children : tuple of int
        The ids of the children, one per action.
    probabilities : tuple
        Chance nodes: the probability of each outcome.
    payoffs : tuple
        Terminal nodes: one payoff per player.
    name : str or None
        Chance nodes: the name given to it, if any.
    end : int
        One past the last id of the node's subtree.

    Examples
    --------
    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("A", {"L": T.terminal(1, 0), "R": T.terminal(0, 1)}),
    ...       players=("A", "B"))
    >>> [(n.id, n.kind, n.history) for n in t.nodes]
    [(0, 'decision', ()), (1, 'terminal', ('L',)), (2, 'terminal', ('R',))]
    """

    id: int
    kind: NodeKind
    history: tuple[str, ...]
    parent: int | None
    player: int | None = None
    infoset: int | None = None
    actions: tuple[str, ...] = ()
    children: tuple[int, ...] = ()
    probabilities: tuple[Any, ...] = ()
    payoffs: tuple[Any, ...] = ()
    name: str | None = None
    end: int = 0

    def child(self, action: str) -> int:
        """The id of the child that ``action`` leads to."""
        return self.children[self.actions.index(action)]


@dataclass(frozen=True)
class InformationSet:
    """An information set of a compiled tree: decision nodes its player cannot tell apart.

    Attributes
    ----------
    index : int
    player : int
    label : str or None
        The name given in the tree (``infoset=``), if any.
    actions : tuple of str
    nodes : tuple of int
        Ids of its nodes, in preorder.
    own_history : tuple of (int, str)
        The owner's own earlier (information set, action) pairs, the same at every node
        by perfect recall (in a tree without it: the longest prefix common to its nodes).
    name : str
        ``label``, else a name from the nodes' histories ("after Probe").

    Examples
    --------
    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("A", {"L": T.terminal(1, 0),
    ...                        "R": T.decision("B", {"x": T.terminal(0, 1)})}))
    >>> [(h.player, h.name, h.actions) for h in t.information_sets()]
    [(0, 'at the root', ('L', 'R')), (1, 'after R', ('x',))]
    """

    index: int
    player: int
    label: str | None
    actions: tuple[str, ...]
    nodes: tuple[int, ...]
    own_history: Plan = ()
    name: str = ""
