"""Compiling a user-built game tree into validated, numbered records.

:func:`compile_tree` walks the root given to :class:`~gametheory.core.tree.GameTree` in
preorder and checks it: the players and declared parameters, one payoff per player at
each terminal node, chance probabilities in [0, 1] summing to one (symbolically when they
depend on parameters), information sets of one player with the same actions, and perfect
recall (every node of an information set follows the same own earlier moves, Kuhn 1953).
A tree without perfect recall is refused unless ``perfect_recall="allow"``; it is then
compiled with :attr:`CompiledTree.recall_violation` saying which information set breaks
perfect recall and how.
Payoff and probability strings are read by the restricted expression parser, never by
``eval``. The result is the frozen :class:`~gametheory.core.tree_nodes.TreeNode` and
:class:`~gametheory.core.tree_nodes.InformationSet` records the tree exposes.

>>> from gametheory.core.tree_compile import compile_tree
>>> from gametheory.core.tree_nodes import decision, terminal
>>> c = compile_tree(decision("A", {"L": terminal(1, "1/2")}), ("A", "B"), None)
>>> c.nodes[1].payoffs
(Fraction(1, 1), Fraction(1, 2))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sympy as sp

from .._numbers import NotANumber, to_number
from ..errors import GameError, LabelError, ParameterError, PayoffError, SolverError
from .expressions import entry_value
from .tree_nodes import (
    Chance,
    Decision,
    InformationSet,
    Node,
    NodeKind,
    Plan,
    Terminal,
    TreeNode,
)
from .values import (
    Declared,
    check_distribution,
    declared_parameters,
    is_symbolic_value,
)

__all__ = ["CompiledTree", "compile_tree", "player_index", "history_name", "to_exact",
           "MAX_NODES", "RECALL_MODES", "reachable_plan"]

#: Values of ``perfect_recall``: refuse a tree without perfect recall, or build it.
RECALL_MODES = ("require", "allow")

#: Largest tree (nodes) accepted.
MAX_NODES = 100_000


@dataclass
class _N:
    """A node while the tree is compiled (frozen into a :class:`TreeNode` at the end)."""

    id: int
    kind: NodeKind | None
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


@dataclass
class _Infoset:
    """An information set while the tree is compiled."""

    index: int
    player: int
    label: str | None
    actions: tuple[str, ...]
    nodes: list[int]
    own_history: Plan = ()
    name: str = ""


def history_name(histories: Sequence[tuple[str, ...]]) -> str:
    if len(histories) == 1 and not histories[0]:
        return "at the root"
    return "after " + " or ".join(", ".join(h) if h else "the start" for h in histories)


@dataclass(frozen=True)
class CompiledTree:
    """The validated content of a tree: players, parameters, nodes and information sets."""

    players: tuple[str, ...]
    parameters: tuple[Any, ...]
    symbols: dict[str, sp.Symbol]
    nodes: tuple[TreeNode, ...]
    infosets: tuple[InformationSet, ...]
    #: None with perfect recall, else which information set breaks it and how.
    recall_violation: str | None = None


def compile_tree(root: Node, players: Sequence[str] | None,
                 parameters: Sequence[Declared] | None,
                 perfect_recall: str = "require") -> CompiledTree:
    """Validate a tree and number its nodes in preorder (see the module docstring).

    ``perfect_recall="require"`` (the default) raises :class:`GameError` naming the first
    information set that violates perfect recall; ``"allow"`` compiles the tree and
    records that message in :attr:`CompiledTree.recall_violation`.

    >>> from gametheory.core.tree_nodes import decision, terminal
    >>> driver = decision("D", {"Exit": terminal(0), "Continue": decision(
    ...     "D", {"Exit": terminal(4), "Continue": terminal(1)}, "crossing")}, "crossing")
    >>> print(compile_tree(driver, None, None, "allow").recall_violation)
    information set 'crossing' of D violates perfect recall: the node at the root and the
    node after Continue follow different own moves (absent-minded: the node after
    Continue follows a move at 'crossing' itself)
    """
    if perfect_recall not in RECALL_MODES:
        raise GameError(f"perfect_recall must be one of {list(RECALL_MODES)}, got "
                        f"{perfect_recall!r}")
    c = _Compiler(root, players, parameters)
    nodes, infosets = c.compile()
    violation = c.violation
    if violation is not None and perfect_recall == "require":
        raise GameError(f"{violation}; pass perfect_recall='allow' to build a tree without "
                        "perfect recall (its normal form and Nash equilibria are available, "
                        "backward induction and subgame perfection are not)")
    return CompiledTree(
        c.players, c.parameters, c.symbols, tuple(TreeNode(**vars(n)) for n in nodes),
        tuple(InformationSet(**{**vars(h), "nodes": tuple(h.nodes)}) for h in infosets),
        violation)


def player_index(players: Sequence[str], player: str | int, where: str) -> int:
    """The index of ``player`` (a name or an index) among ``players``."""
    if isinstance(player, int) and not isinstance(player, bool):
        if 0 <= player < len(players):
            return player
        raise LabelError(f"{where}: player index {player} is out of range; players are "
                         f"{list(players)}")
    if player in players:
        return list(players).index(player)
    raise LabelError(f"{where}: unknown player {player!r}; players are {list(players)}")


class _Compiler:
    def __init__(self, root: Node, players: Sequence[str] | None,
                 parameters: Sequence[Declared] | None) -> None:
        self._root = root
        self.players = self._players = self._resolve_players(root, players)
        self.parameters, self.symbols = self._resolve_parameters(root, parameters)
        self._symbols = self.symbols
        self.violation: str | None = None

    @staticmethod
    def _resolve_players(root: Node, players: Sequence[str] | None) -> tuple[str, ...]:
        if players is None:
            found: list[str] = []
            stack = [root]
            while stack:
                n = stack.pop()
                if isinstance(n, Decision):
                    if not isinstance(n.player, str):
                        raise LabelError("players are given by index in the tree; pass "
                                         "players=(...) to name them")
                    if n.player not in found:
                        found.append(n.player)
                    stack.extend(sub for _, sub in reversed(n.moves))
                elif isinstance(n, Chance):
                    stack.extend(sub for _, _, sub in reversed(n.outcomes))
            if not found:
                raise LabelError("the tree has no decision nodes; pass players=(...) to name "
                                 "the players its payoffs belong to")
            return tuple(found)
        if isinstance(players, str) or not isinstance(players, Sequence) or not players:
            raise LabelError(f"players must be a sequence of names, got {players!r}")
        for k, p in enumerate(players):
            if not isinstance(p, str) or not p:
                raise LabelError(f"player {k} name must be a non-empty string, got {p!r}")
        if len(set(players)) != len(players):
            raise LabelError(f"player names must be unique, got {list(players)}")
        return tuple(players)

    @staticmethod
    def _resolve_parameters(root: Node, parameters: Sequence[Declared] | None
                            ) -> tuple[tuple[Declared, ...], dict[str, sp.Symbol]]:
        if parameters is None:
            names: set[str] = set()
            stack = [root]
            while stack:
                n = stack.pop()
                vals: tuple[Any, ...] = ()
                if isinstance(n, Terminal):
                    vals = n.payoffs
                elif isinstance(n, Decision):
                    stack.extend(sub for _, sub in n.moves)
                else:
                    vals = tuple(p for _, p, _ in n.outcomes)
                    stack.extend(sub for _, _, sub in n.outcomes)
                for v in vals:
                    if isinstance(v, sp.Basic):
                        names.update(s.name for s in v.free_symbols)
        return declared_parameters(parameters, sorted(names) if parameters is None else ())

    def _value(self, raw: Any, where: str) -> Any:
        return entry_value(raw, self._symbols, where)

    def compile(self) -> tuple[list[_N], list[_Infoset]]:
        """The nodes in preorder and the information sets, validated."""
        nodes: list[_N] = []
        infosets: list[_Infoset] = []
        infoset_by_name: dict[str, int] = {}
        n_players = len(self._players)
        stack: list[tuple[Node, tuple[str, ...], int | None]] = [(self._root, (), None)]
        # iterative preorder; children appended in reverse so they come out in order
        pending_children: dict[int, list[int]] = {}
        while stack:
            node, hist, parent = stack.pop()
            nid = len(nodes)
            if nid >= MAX_NODES:
                raise SolverError(f"the tree has more than {MAX_NODES} nodes")
            where = f"node {history_name([hist])}"
            rec = _N(nid, None, hist, parent)
            nodes.append(rec)
            if parent is not None:
                pending_children.setdefault(parent, []).append(nid)
            if isinstance(node, Terminal):
                rec.kind = "terminal"
                if len(node.payoffs) != n_players:
                    raise PayoffError(f"terminal {where} has {len(node.payoffs)} payoffs; the "
                                      f"tree has {n_players} players {list(self._players)}")
                rec.payoffs = tuple(self._value(v, f"terminal {where}, payoff of {pl}")
                                    for v, pl in zip(node.payoffs, self._players, strict=True))
            elif isinstance(node, Decision):
                rec.kind = "decision"
                rec.player = self._player_index(node.player, where)
                rec.actions = tuple(a for a, _ in node.moves)
                if node.infoset is not None and node.infoset in infoset_by_name:
                    h = infosets[infoset_by_name[node.infoset]]
                    if h.player != rec.player:
                        raise GameError(
                            f"information set {node.infoset!r} mixes players: "
                            f"{self._players[h.player]} moves at "
                            f"{history_name([nodes[h.nodes[0]].history])}, "
                            f"{self._players[rec.player]} at {history_name([hist])}")
                    if set(h.actions) != set(rec.actions):
                        raise GameError(
                            f"information set {node.infoset!r} has inconsistent actions: "
                            f"{list(h.actions)} at {history_name([nodes[h.nodes[0]].history])}"
                            f" but {list(rec.actions)} at {history_name([hist])}; all nodes "
                            "of an information set must offer the same actions")
                    h.nodes.append(nid)
                    rec.infoset = h.index
                else:
                    h = _Infoset(len(infosets), rec.player, node.infoset, rec.actions, [nid])
                    infosets.append(h)
                    rec.infoset = h.index
                    if node.infoset is not None:
                        infoset_by_name[node.infoset] = h.index
                for a, sub in reversed(node.moves):
                    stack.append((sub, (*hist, a), nid))
            elif isinstance(node, Chance):
                rec.kind = "chance"
                rec.name = node.name
                rec.actions = tuple(a for a, _, _ in node.outcomes)
                rec.probabilities = tuple(self._value(p, f"chance {where}, probability of {a!r}")
                                  for a, p, _ in node.outcomes)
                check_distribution(dict(zip(rec.actions, rec.probabilities, strict=True)),
                                   f"chance {where}")
                for a, _, sub in reversed(node.outcomes):
                    stack.append((sub, (*hist, a), nid))
            else:
                raise GameError(f"{where}: {node!r} is not a node")
        for nid, kids in pending_children.items():
            rec = nodes[nid]
            # kids were created in action order because of the reversed push
            if rec.kind == "decision" and rec.actions != infosets[rec.infoset].actions:
                by_label = dict(zip(rec.actions, kids, strict=True))
                rec.actions = infosets[rec.infoset].actions
                kids = [by_label[a] for a in rec.actions]
            rec.children = tuple(kids)
        for rec in reversed(nodes):
            rec.end = max([rec.id + 1] + [nodes[c].end for c in rec.children])
        self._finish_infosets(nodes, infosets)
        return nodes, infosets

    def _player_index(self, player: str | int, where: str) -> int:
        return player_index(self._players, player, where)

    def _finish_infosets(self, nodes: list[_N], infosets: list[_Infoset]) -> None:
        """Own histories (checking perfect recall) and names of the information sets.

        Without perfect recall an information set's own history is the longest prefix
        common to its nodes' own histories, and the first violation is recorded."""
        for h in infosets:
            owns = []
            for nid in h.nodes:
                own = []
                child = nid
                parent = nodes[nid].parent
                while parent is not None:
                    pr = nodes[parent]
                    if pr.kind == "decision" and pr.player == h.player:
                        own.append((pr.infoset, pr.actions[pr.children.index(child)]))
                    child, parent = parent, pr.parent
                owns.append(tuple(reversed(own)))
            for nid, own in zip(h.nodes[1:], owns[1:], strict=True):
                if own != owns[0] and self.violation is None:
                    self.violation = self._recall_message(nodes, h, nid, owns)
            common = owns[0]
            for own in owns[1:]:
                k = 0
                while k < min(len(common), len(own)) and common[k] == own[k]:
                    k += 1
                common = common[:k]
            h.own_history = common
            h.name = h.label if h.label is not None else \
                history_name([nodes[nid].history for nid in h.nodes])

    def _recall_message(self, nodes: list[_N], h: _Infoset, nid: int,
                        owns: list[Plan]) -> str:
        """Which information set breaks perfect recall, at which two nodes, and whether
        its player is absent-minded (a node of the set follows a move at the set itself)."""
        label = h.label if h.label is not None else \
            history_name([nodes[m].history for m in h.nodes])
        text = (f"information set {label!r} of {self._players[h.player]} violates perfect "
                f"recall: the node {history_name([nodes[h.nodes[0]].history])} and the "
                f"node {history_name([nodes[nid].history])} follow different own moves")
        for m, own in zip(h.nodes, owns, strict=True):
            if any(g == h.index for g, _ in own):
                text += (f" (absent-minded: the node {history_name([nodes[m].history])} "
                         f"follows a move at {label!r} itself)")
                break
        return text


# --------------------------------------------------------------------- helpers
def to_exact(v: Any, where: str) -> Any:
    if is_symbolic_value(v):
        names = sorted(map(str, v.free_symbols))
        raise ParameterError(f"{where}: {v} still has parameters {names}")
    try:
        return to_number(v)
    except NotANumber as err:
        raise PayoffError(f"{where}: {err}") from None


def reachable_plan(nodes: Sequence[TreeNode], infosets: Sequence[InformationSet],
                   player: int, strategy: Mapping[int, str]) -> Plan:
    """The plan of a pure strategy ``{information set: action}`` in any tree: its choices
    at the player's information sets that some node reaches when the player follows the
    strategy (at every visit, so an absent-minded player repeats its action) and the
    others and chance may do anything. With perfect recall this is the choices whose own
    history the strategy follows (the usual reduced strategy).

    >>> from gametheory.core.tree import GameTree as T
    >>> driver = T(T.decision("D", {"Exit": T.terminal(0), "Continue": T.decision(
    ...     "D", {"Exit": T.terminal(4), "Continue": T.terminal(1)}, "x")}, "x"),
    ...     perfect_recall="allow")
    >>> reachable_plan(driver.nodes, driver.information_sets(), 0, {0: "Exit"})
    ((0, 'Exit'),)
    """
    seen: set[int] = set()
    stack = [0]
    while stack:
        n = nodes[stack.pop()]
        if n.kind == "decision" and n.player == player:
            seen.add(n.infoset)
            stack.append(n.child(strategy[n.infoset]))
        else:
            stack.extend(n.children)
    return tuple((h.index, strategy[h.index]) for h in infosets
                 if h.player == player and h.index in seen)
