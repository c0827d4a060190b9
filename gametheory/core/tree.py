r"""Finite extensive-form games: game trees, backward induction, subgame perfection.

A finite extensive-form game (Kuhn 1953; Osborne and Rubinstein 1994, ch. 6 and 11) is a
finite rooted tree. Each non-terminal node is either a *decision node* of a player
:math:`i \in N`, whose outgoing edges are labelled by that player's actions, or a
*chance node*, whose edges carry probabilities summing to one. Each terminal node
:math:`z` carries a payoff vector :math:`u(z) \in \mathbb{R}^N`. A player's decision
nodes are partitioned into *information sets*: nodes the player cannot tell apart, with
the same actions. The game has *perfect information* when every information set is a
single node, and *perfect recall* when all nodes of an information set share the
owner's own past information sets and actions (Kuhn 1953); this module requires perfect
recall.

A pure strategy of player :math:`i` picks an action at each of its information sets. A
*plan* (the reduced strategy of the *reduced normal form*) leaves out the information
sets that the player's own earlier actions exclude; strategies that differ only there
are payoff equivalent for every opponent behaviour. Expected payoffs average over the
chance moves. By Kuhn's theorem (1953), under perfect recall every mixed strategy is
realisation-equivalent to a behaviour strategy: at an information set :math:`h` reached
with positive probability :math:`\rho(h) = \sum_{s : h \text{ relevant}} x_s` by the
player's own plan, the action :math:`a` is played with probability
:math:`\sum_{s : s(h) = a} x_s / \rho(h)`; where :math:`\rho(h) = 0` the behaviour is left
open by the normal form.

A *subgame* starts at a node :math:`r` whose subtree contains every information set it
touches. A profile is a *subgame-perfect equilibrium* (Selten 1965, 1975) when it induces
a Nash equilibrium in every subgame. In a perfect-information game every decision node
starts a subgame, and by the one-shot deviation principle a profile is subgame perfect
iff each mover's action at each node maximises its payoff given the continuation;
*backward induction* (Zermelo 1913; Kuhn 1953) constructs all pure ones, branching
where a mover is indifferent (a *tie*). A Nash equilibrium of the normal form that is
not subgame perfect rests on a *non-credible threat*: behaviour at a node off the
equilibrium path that the mover would not carry out if the node were reached, as in
Selten's (1978) chain-store stage game, where the incumbent's threat to fight entry
keeps the entrant out although fighting is worse than accommodating once entry occurs.

Payoffs and chance probabilities may be numbers (exact when rational) or sympy
expressions of declared parameters; strings are read by the restricted expression
parser :func:`gametheory.core.expressions.parse_expression`, never by ``eval``. A
symbolic tree's normal form is a :class:`~gametheory.core.parametric.ParametricGame`;
:meth:`GameTree.spe_conditions` gives the parameter conditions under which each pure
profile of a perfect-information tree is subgame perfect.

References: H. W. Kuhn (1953), Extensive games and the problem of information,
*Contributions to the Theory of Games II*, 193-216. R. Selten (1965), Spieltheoretische
Behandlung eines Oligopolmodells mit Nachfrageträgheit, *Z. ges. Staatswiss.* 121;
(1975), Reexamination of the perfectness concept for equilibrium points in extensive
games, *Int. J. Game Theory* 4, 25-55; (1978), The chain store paradox, *Theory and
Decision* 9, 127-159. M. J. Osborne and A. Rubinstein (1994), *A Course in Game
Theory*, MIT Press, ch. 6.

Examples
--------
Selten's (1978) chain-store stage game: the entrant stays out (1 to it, 5 to the
incumbent) or enters; after entry the incumbent fights (0, 0) or accommodates (2, 2).

>>> import gametheory as gt
>>> T = gt.GameTree
>>> tree = T(T.decision("Entrant", {
...          "Out": T.terminal(1, 5),
...          "In": T.decision("Incumbent", {"Fight": T.terminal(0, 0),
...                                         "Accommodate": T.terminal(2, 2)},
...                           infoset="entered")}),
...      players=("Entrant", "Incumbent"), title="Chain store")
>>> [spe.labels for spe in tree.backward_induction()]
[('In', 'Accommodate if entered')]
>>> for c in tree.classify_equilibria():
...     if c.equilibrium.is_pure:
...         print(c.describe())
Entrant: Out; Incumbent: Fight if entered  (payoffs 1, 5): rests on a non-credible threat:
at 'entered', Incumbent's Fight is not credible: Accommodate gains 2
Entrant: In; Incumbent: Accommodate if entered  (payoffs 2, 2): subgame perfect
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Union

import sympy as sp

from .._numbers import NotANumber, format_number, parse_number_text, to_number
from ..errors import (
    GameError,
    LabelError,
    ParameterError,
    ParseError,
    PayoffError,
    SolverError,
)
from .game import Equilibrium, NormalFormGame

__all__ = [
    "GameTree",
    "Terminal",
    "Decision",
    "Chance",
    "terminal",
    "decision",
    "chance",
    "SubgamePerfectEquilibrium",
    "Tie",
    "ClassifiedEquilibrium",
    "NonCredibleThreat",
]

#: Largest tree (nodes) accepted.
MAX_NODES = 100_000
#: Largest number of pure strategies (or profiles) enumerated before giving up.
MAX_ENUMERATION = 50_000
#: Relative tolerance of float comparisons (times the payoff scale).
FLOAT_TOL = 1e-9


# --------------------------------------------------------------------- public nodes
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

    >>> from gametheory.core.tree import terminal
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

    >>> from gametheory.core.tree import decision, terminal
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

    >>> from gametheory.core.tree import chance, terminal
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


# --------------------------------------------------------------------- result values
@dataclass(frozen=True)
class Tie:
    """A node where the mover is indifferent between several best actions.

    Attributes
    ----------
    node : str
        The node's name ("entered", "after Probe", "at the root").
    player : str
    actions : tuple of str
        The tied best actions, in the tree's order.
    value :
        The mover's payoff from each of them.
    """

    node: str
    player: str
    actions: tuple[str, ...]
    value: Any

    def describe(self) -> str:
        return (f"tie at {self.node!r}: {self.player} is indifferent between "
                f"{' and '.join(self.actions)} (payoff {format_number(self.value)})")

    def __repr__(self) -> str:
        return f"Tie({self.describe()})"


@dataclass(frozen=True)
class SubgamePerfectEquilibrium:
    """A pure subgame-perfect equilibrium of a game tree.

    Attributes
    ----------
    players : tuple of str
    plans : tuple
        Per player, the full plan ``((node name, action), ...)`` at every decision node of
        that player, in the tree's order.
    labels : tuple of str
        Per player, the label of the plan's reduced strategy in :meth:`GameTree.to_normal_form`.
    payoffs : tuple
        Expected payoffs (sympy expressions for :meth:`GameTree.spe_conditions`).
    path : tuple of str
        Moves played from the root until the first chance node or the end.
    outcomes : tuple
        ``(probability, history, payoffs)`` of each terminal reached with positive
        probability.
    ties : tuple of Tie
        Nodes where this equilibrium picked one of several equally good actions.
    condition : sympy Boolean or True
        Where the profile is subgame perfect (from :meth:`GameTree.spe_conditions`).
    """

    players: tuple[str, ...]
    plans: tuple[tuple[tuple[str, str], ...], ...]
    labels: tuple[str, ...]
    payoffs: tuple[Any, ...]
    path: tuple[str, ...]
    outcomes: tuple[tuple[Any, tuple[str, ...], tuple[Any, ...]], ...] = field(compare=False)
    ties: tuple[Tie, ...] = ()
    condition: Any = True

    def plan(self, player: str | int) -> dict[str, str]:
        """``{node name: action}`` of one player."""
        k = player if isinstance(player, int) else self.players.index(player)
        return dict(self.plans[k])

    def describe(self) -> str:
        parts = [f"{p}: {lab}" for p, lab in zip(self.players, self.labels, strict=True)]
        pay = ", ".join(format_number(v) for v in self.payoffs)
        text = f"{'; '.join(parts)}  (path {' > '.join(self.path) or '-'}; payoffs {pay})"
        if self.ties:
            text += "; " + "; ".join(t.describe() for t in self.ties)
        if self.condition is not True and self.condition != sp.true:
            text += f"; if {self.condition}"
        return text

    def __repr__(self) -> str:
        return f"SubgamePerfectEquilibrium({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"


@dataclass(frozen=True)
class NonCredibleThreat:
    """Behaviour in a subgame that is not a Nash equilibrium of that subgame.

    Attributes
    ----------
    node : str
        The root of the subgame.
    player : str
        The player who gains by deviating in the subgame.
    gain :
        That player's gain from its best deviation in the subgame.
    prescribed : dict
        ``{action: probability}`` prescribed at the subgame's root when the player moves
        there (empty otherwise).
    better : tuple of str
        The player's best actions at the subgame's root given the continuation (empty when
        the player does not move there).
    """

    node: str
    player: str
    gain: Any
    prescribed: dict[str, Any] = field(compare=False)
    better: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.prescribed:
            pres = " + ".join(a if p == 1 else f"{format_number(p)} {a}"
                              for a, p in self.prescribed.items())
            return (f"at {self.node!r}, {self.player}'s {pres} is not credible: "
                    f"{' or '.join(self.better)} gains {format_number(self.gain)}")
        return (f"in the subgame at {self.node!r}, {self.player} gains "
                f"{format_number(self.gain)} by deviating")

    def __repr__(self) -> str:
        return f"NonCredibleThreat({self.describe()})"


@dataclass(frozen=True)
class ClassifiedEquilibrium:
    """A Nash equilibrium of a tree's reduced normal form, labelled by credibility.

    Attributes
    ----------
    equilibrium : Equilibrium
        The normal-form equilibrium (strategies are plans).
    subgame_perfect : bool
        Whether some behaviour consistent with it is a Nash equilibrium in every subgame.
    threats : tuple of NonCredibleThreat
        Why not, when it is not (empty when it is).
    """

    equilibrium: Equilibrium
    subgame_perfect: bool
    threats: tuple[NonCredibleThreat, ...] = ()

    @property
    def non_credible(self) -> bool:
        """True when the equilibrium rests on a non-credible threat."""
        return not self.subgame_perfect

    def describe(self) -> str:
        verdict = "subgame perfect" if self.subgame_perfect else \
            "rests on a non-credible threat: " + "; ".join(t.describe() for t in self.threats)
        return f"{self.equilibrium.describe()}: {verdict}"

    def __repr__(self) -> str:
        return f"ClassifiedEquilibrium({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"


# --------------------------------------------------------------------- compiled tree
@dataclass
class _N:
    id: int
    kind: str  # "d" decision, "c" chance, "t" terminal
    history: tuple[str, ...]
    parent: int | None
    player: int | None = None
    infoset: int | None = None
    actions: tuple[str, ...] = ()
    children: tuple[int, ...] = ()
    probs: tuple[Any, ...] = ()
    payoffs: tuple[Any, ...] = ()
    name: str | None = None
    end: int = 0  # preorder ids of the subtree are id..end-1


@dataclass
class _Infoset:
    index: int
    player: int
    user_name: str | None
    actions: tuple[str, ...]
    nodes: list[int]
    own_history: tuple[tuple[int, str], ...] = ()
    name: str = ""


def _history_name(histories: Sequence[tuple[str, ...]]) -> str:
    if len(histories) == 1 and not histories[0]:
        return "at the root"
    return "after " + " or ".join(", ".join(h) if h else "the start" for h in histories)


def _is_symbolic(v: Any) -> bool:
    return isinstance(v, sp.Basic) and bool(v.free_symbols)


def _parameter_name(p: Any) -> str:
    name = p if isinstance(p, str) else getattr(p, "name", None)
    if not isinstance(name, str) or not name:
        raise ParameterError(f"a parameter must be a name or a gt.Parameter, got {p!r}")
    return name


class GameTree:
    """A finite extensive-form game with perfect or imperfect information and chance moves.

    Build the tree with the static constructors :meth:`decision`, :meth:`chance` and
    :meth:`terminal` (also available as module functions) and hand its root here.

    Parameters
    ----------
    root : node
        The root, built with :meth:`decision`, :meth:`chance` or :meth:`terminal`.
    players : sequence of str, optional
        Player names in payoff order; default: the players of the decision nodes in
        order of first appearance (depth first).
    parameters : sequence of str or gt.Parameter, optional
        Parameters that symbolic payoffs and probabilities may use. Default: the free
        symbols of sympy payoffs, if any.
    title : str, optional

    Raises
    ------
    GameError
        Unknown players, a wrong number of payoffs, invalid or non-summing chance
        probabilities, information sets mixing players or actions, imperfect recall,
        undeclared parameters; each message names the node by its history.

    Examples
    --------
    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> tree = T(T.decision("Aggressor", {
    ...     "Refrain": T.terminal(0, 0),
    ...     "Probe": T.decision("Defender", {"Under-react": T.terminal(2, -5),
    ...                                      "Intercept": T.terminal("-1/2", -4)},
    ...                         infoset="probed")}))
    >>> tree.to_normal_form().strategies
    (('Refrain', 'Probe'), ('Under-react if probed', 'Intercept if probed'))
    >>> tree.backward_induction()[0].labels
    ('Refrain', 'Intercept if probed')
    """

    decision = staticmethod(decision)
    chance = staticmethod(chance)
    terminal = staticmethod(terminal)

    def __init__(self, root: Node, players: Sequence[str] | None = None,
                 parameters: Sequence[Any] | None = None, title: str = "") -> None:
        if not isinstance(root, Terminal | Decision | Chance):
            raise GameError(f"the root must be a node built with GameTree.decision, .chance "
                            f"or .terminal, got {type(root).__name__}")
        if not isinstance(title, str):
            raise LabelError(f"title must be a string, got {title!r}")
        self._root = root
        self._title = title
        self._players = self._resolve_players(root, players)
        self._parameters, self._symbols = self._resolve_parameters(root, parameters)
        self._nodes: list[_N] = []
        self._infosets: list[_Infoset] = []
        self._compile()
        self._symbolic = any(_is_symbolic(v) for n in self._nodes
                             for v in (*n.payoffs, *n.probs))

    # ------------------------------------------------------------ construction
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
    def _resolve_parameters(root: Node, parameters: Sequence[Any] | None
                            ) -> tuple[tuple[Any, ...], dict[str, sp.Symbol]]:
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
            params: tuple[Any, ...] = tuple(sorted(names))
        else:
            if isinstance(parameters, str) or not isinstance(parameters, Sequence):
                raise ParameterError(f"parameters must be a sequence, got {parameters!r}")
            params = tuple(parameters)
        symbols: dict[str, sp.Symbol] = {}
        for p in params:
            name = _parameter_name(p)
            if name in symbols:
                raise ParameterError(f"parameter {name!r} is declared twice")
            symbols[name] = _symbol_of(p)
        return params, symbols

    def _value(self, raw: Any, where: str) -> Any:
        if isinstance(raw, sp.Basic) and not isinstance(raw, sp.Expr):
            raise PayoffError(f"{where}: {raw!r} is not an expression")
        if isinstance(raw, sp.Expr):
            if raw.free_symbols:
                unknown = sorted(s.name for s in raw.free_symbols
                                 if s.name not in self._symbols)
                if unknown:
                    raise ParameterError(f"{where}: {raw} uses undeclared parameter(s) "
                                         f"{unknown}; declared: {sorted(self._symbols)}")
                # use the declared symbols (same name, possibly other assumptions)
                return raw.xreplace({s: self._symbols[s.name] for s in raw.free_symbols})
        if isinstance(raw, str):
            try:
                return parse_number_text(raw)
            except NotANumber:
                pass
            return _parse(raw, self._symbols, where)
        try:
            return to_number(raw)
        except NotANumber as err:
            raise PayoffError(f"{where}: {err}") from None

    def _compile(self) -> None:
        nodes = self._nodes
        infoset_by_name: dict[str, int] = {}
        n_players = len(self._players)
        stack: list[tuple[Node, tuple[str, ...], int | None]] = [(self._root, (), None)]
        # iterative preorder; children appended in reverse so they come out in order
        pending_children: dict[int, list[int]] = {}
        order: list[tuple[Node, tuple[str, ...], int | None]] = []
        while stack:
            node, hist, parent = stack.pop()
            nid = len(nodes)
            if nid >= MAX_NODES:
                raise SolverError(f"the tree has more than {MAX_NODES} nodes")
            where = f"node {_history_name([hist])}"
            rec = _N(nid, "", hist, parent)
            nodes.append(rec)
            order.append((node, hist, parent))
            if parent is not None:
                pending_children.setdefault(parent, []).append(nid)
            if isinstance(node, Terminal):
                rec.kind = "t"
                if len(node.payoffs) != n_players:
                    raise PayoffError(f"terminal {where} has {len(node.payoffs)} payoffs; the "
                                      f"tree has {n_players} players {list(self._players)}")
                rec.payoffs = tuple(self._value(v, f"terminal {where}, payoff of {pl}")
                                    for v, pl in zip(node.payoffs, self._players, strict=True))
            elif isinstance(node, Decision):
                rec.kind = "d"
                rec.player = self._player_index(node.player, where)
                rec.actions = tuple(a for a, _ in node.moves)
                if node.infoset is not None and node.infoset in infoset_by_name:
                    h = self._infosets[infoset_by_name[node.infoset]]
                    if h.player != rec.player:
                        raise GameError(
                            f"information set {node.infoset!r} mixes players: "
                            f"{self._players[h.player]} moves at "
                            f"{_history_name([nodes[h.nodes[0]].history])}, "
                            f"{self._players[rec.player]} at {_history_name([hist])}")
                    if set(h.actions) != set(rec.actions):
                        raise GameError(
                            f"information set {node.infoset!r} has inconsistent actions: "
                            f"{list(h.actions)} at {_history_name([nodes[h.nodes[0]].history])}"
                            f" but {list(rec.actions)} at {_history_name([hist])}; all nodes "
                            "of an information set must offer the same actions")
                    h.nodes.append(nid)
                    rec.infoset = h.index
                else:
                    h = _Infoset(len(self._infosets), rec.player, node.infoset, rec.actions, [nid])
                    self._infosets.append(h)
                    rec.infoset = h.index
                    if node.infoset is not None:
                        infoset_by_name[node.infoset] = h.index
                for a, sub in reversed(node.moves):
                    stack.append((sub, (*hist, a), nid))
            elif isinstance(node, Chance):
                rec.kind = "c"
                rec.name = node.name
                rec.actions = tuple(a for a, _, _ in node.outcomes)
                rec.probs = tuple(self._value(p, f"chance {where}, probability of {a!r}")
                                  for a, p, _ in node.outcomes)
                self._check_probabilities(rec.probs, rec.actions, where)
                for a, _, sub in reversed(node.outcomes):
                    stack.append((sub, (*hist, a), nid))
            else:
                raise GameError(f"{where}: {node!r} is not a node")
        for nid, kids in pending_children.items():
            rec = nodes[nid]
            # kids were created in action order because of the reversed push
            if rec.kind == "d" and rec.actions != self._infosets[rec.infoset].actions:
                by_label = dict(zip(rec.actions, kids, strict=True))
                rec.actions = self._infosets[rec.infoset].actions
                kids = [by_label[a] for a in rec.actions]
            rec.children = tuple(kids)
        for rec in reversed(nodes):
            rec.end = max([rec.id + 1] + [nodes[c].end for c in rec.children])
        self._finish_infosets()

    def _player_index(self, player: str | int, where: str) -> int:
        if isinstance(player, int) and not isinstance(player, bool):
            if 0 <= player < len(self._players):
                return player
            raise LabelError(f"{where}: player index {player} is out of range; players are "
                             f"{list(self._players)}")
        if player in self._players:
            return self._players.index(player)
        raise LabelError(f"{where}: unknown player {player!r}; players are {list(self._players)}")

    @staticmethod
    def _check_probabilities(probs: tuple[Any, ...], labels: tuple[str, ...], where: str) -> None:
        if any(_is_symbolic(p) for p in probs):
            total = sp.simplify(sp.Add(*[sp.sympify(p) for p in probs]))
            if total != 1:
                raise GameError(f"chance {where}: probabilities sum to {total}, not 1")
            return
        for p, a in zip(probs, labels, strict=True):
            if p < 0 or p > 1:
                raise GameError(f"chance {where}: probability of {a!r} is {format_number(p)}, "
                                "outside [0, 1]")
        total = sum(probs)
        exact = all(isinstance(p, Fraction) for p in probs)
        if (exact and total != 1) or (not exact and abs(float(total) - 1) > 1e-9):
            raise GameError(f"chance {where}: probabilities sum to {format_number(total)}, not 1")

    def _finish_infosets(self) -> None:
        nodes = self._nodes
        # own history: the owner's (infoset, action) pairs on the path to a node
        for h in self._infosets:
            owns = []
            for nid in h.nodes:
                own = []
                child = nid
                parent = nodes[nid].parent
                while parent is not None:
                    pr = nodes[parent]
                    if pr.kind == "d" and pr.player == h.player:
                        own.append((pr.infoset, pr.actions[pr.children.index(child)]))
                    child, parent = parent, pr.parent
                owns.append(tuple(reversed(own)))
            for nid, own in zip(h.nodes[1:], owns[1:], strict=True):
                if own != owns[0]:
                    raise GameError(
                        f"information set {h.user_name!r} of {self._players[h.player]} violates "
                        f"perfect recall: the node {_history_name([nodes[h.nodes[0]].history])} "
                        f"and the node {_history_name([nodes[nid].history])} follow different "
                        f"own moves; only games with perfect recall are supported")
            h.own_history = owns[0]
            h.name = h.user_name if h.user_name is not None else \
                _history_name([nodes[nid].history for nid in h.nodes])

    # ------------------------------------------------------------ properties
    @property
    def players(self) -> tuple[str, ...]:
        return self._players

    @property
    def title(self) -> str:
        return self._title

    @property
    def root(self) -> Node:
        """The root node as given."""
        return self._root

    @property
    def parameters(self) -> tuple[Any, ...]:
        """Declared parameters (names or gt.Parameter values)."""
        return self._parameters

    @property
    def is_symbolic(self) -> bool:
        """True when some payoff or probability depends on parameters."""
        return self._symbolic

    @property
    def is_perfect_information(self) -> bool:
        """True when every information set is a single node."""
        return all(len(h.nodes) == 1 for h in self._infosets)

    @property
    def information_sets(self) -> list[tuple[str, str, tuple[str, ...], int]]:
        """``(player, name, actions, number of nodes)`` of each information set."""
        return [(self._players[h.player], h.name, h.actions, len(h.nodes))
                for h in self._infosets]

    @property
    def n_nodes(self) -> int:
        return len(self._nodes)

    # ------------------------------------------------------------ parameters
    def at(self, **values: Any) -> GameTree:
        """The numeric tree at given parameter values (declared defaults fill the rest).

        >>> import gametheory as gt, sympy as sp
        >>> c = sp.Symbol("c")
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"x": T.terminal(c, 0), "y": T.terminal(1, 0)}),
        ...       players=("A", "B"))
        >>> t.at(c=2).backward_induction()[0].labels
        ('x', 'No move')
        """
        subs = self._substitution(values)
        return self._map_values(lambda v: _to_exact(v.xreplace(subs), "")
                                if _is_symbolic(v) else v, parameters=None)

    def _substitution(self, values: Mapping[str, Any]) -> dict[sp.Symbol, Any]:
        unknown = sorted(set(values) - set(self._symbols))
        if unknown:
            raise ParameterError(f"unknown parameter(s) {unknown}; the tree's parameters are "
                                 f"{sorted(self._symbols)}")
        subs: dict[sp.Symbol, Any] = {}
        for p in self._parameters:
            name = _parameter_name(p)
            if name in values:
                raw = values[name]
            elif getattr(p, "default", None) is not None:
                raw = p.default
            else:
                raise ParameterError(f"parameter {name!r} has no value and no default; pass "
                                     f"{name}=...")
            try:
                val = to_number(raw)
            except NotANumber as err:
                raise ParameterError(f"parameter {name!r}: {err}") from None
            check = getattr(p, "check", None)
            if callable(check):
                check(val)
            subs[self._symbols[name]] = sp.Rational(val.numerator, val.denominator) \
                if isinstance(val, Fraction) else sp.Float(val)
        return subs

    def _numeric(self, values: Mapping[str, Any], what: str) -> GameTree:
        if self._symbolic:
            return self.at(**values)
        if values:
            raise ParameterError(f"{what}: the tree has no parameters, got {sorted(values)}")
        return self

    def _map_values(self, fn: Any, parameters: Sequence[Any] | None) -> GameTree:
        nodes = self._nodes

        def build(nid: int) -> Node:
            n = nodes[nid]
            if n.kind == "t":
                return Terminal(tuple(fn(v) for v in n.payoffs))
            kids = [build(c) for c in n.children]
            if n.kind == "c":
                return Chance(tuple((a, fn(p), k) for a, p, k
                                    in zip(n.actions, n.probs, kids, strict=True)), n.name)
            h = self._infosets[n.infoset]
            return Decision(self._players[n.player], tuple(zip(n.actions, kids, strict=True)),
                            h.user_name)

        return GameTree(build(0), players=self._players, parameters=parameters,
                        title=self._title)

    # ------------------------------------------------------------ helpers
    def _name(self, nid: int) -> str:
        n = self._nodes[nid]
        if n.kind == "d":
            return self._infosets[n.infoset].name
        if n.kind == "c" and n.name:
            return n.name
        return _history_name([n.history])

    def _tol(self) -> float:
        scale = 1.0
        for n in self._nodes:
            for v in n.payoffs:
                if not _is_symbolic(v):
                    scale = max(scale, abs(float(v)))
        return FLOAT_TOL * scale

    def _ge(self, a: Any, b: Any) -> bool:
        if isinstance(a, Fraction) and isinstance(b, Fraction):
            return a >= b
        return float(a) >= float(b) - self._tol()

    def _player_infosets(self, i: int) -> list[_Infoset]:
        return [h for h in self._infosets if h.player == i]

    # ------------------------------------------------------------ plans
    def _reduced_plans(self, i: int) -> list[tuple[tuple[int, str], ...]]:
        hs = self._player_infosets(i)
        count = 1
        for h in hs:
            count *= len(h.actions)
        if count > MAX_ENUMERATION:
            raise SolverError(f"{self._players[i]} has {count} pure strategies; at most "
                              f"{MAX_ENUMERATION} are enumerated")
        seen: dict[tuple[tuple[int, str], ...], None] = {}
        for choice in itertools.product(*(h.actions for h in hs)):
            full = {h.index: a for h, a in zip(hs, choice, strict=True)}
            plan = tuple((h.index, full[h.index]) for h in hs
                         if all(full[g] == a for g, a in h.own_history))
            seen.setdefault(plan, None)
        return list(seen)

    def _plan_label(self, i: int, plan: Sequence[tuple[int, str]]) -> str:
        if not plan:
            return "No move"
        groups: dict[tuple[tuple[int, str], ...], int] = {}
        for h in self._player_infosets(i):
            groups[h.own_history] = groups.get(h.own_history, 0) + 1
        parts = []
        for hid, a in plan:
            h = self._infosets[hid]
            if h.user_name is not None:
                parts.append(f"{a} if {h.user_name}")
            elif groups[h.own_history] == 1:
                parts.append(a)
            else:
                parts.append(f"{a} {h.name}")
        return ", ".join(parts)

    def plans(self, player: str | int) -> list[str]:
        """Labels of a player's reduced strategies (plans), in normal-form order.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("P1", {"Stop": T.terminal(1, 0), "Go": T.decision("P2", {
        ...     "Stop": T.terminal(0, 2), "Go": T.decision("P1", {
        ...         "Stop": T.terminal(3, 1), "Go": T.terminal(2, 4)})})}))
        >>> t.plans("P1")
        ['Stop', 'Go, Stop', 'Go, Go']
        """
        i = self._player_index(player, "plans()")
        return [self._plan_label(i, p) for p in self._reduced_plans(i)]

    def _play(self, plans: Sequence[dict[int, str]]) -> tuple[Any, ...]:
        """Expected payoffs of pure plans (``{infoset: action}`` per player)."""

        def value(nid: int) -> tuple[Any, ...]:
            n = self._nodes[nid]
            if n.kind == "t":
                return n.payoffs
            if n.kind == "d":
                a = plans[n.player][n.infoset]
                return value(n.children[n.actions.index(a)])
            total: list[Any] = [0] * len(self._players)
            for p, c in zip(n.probs, n.children, strict=True):
                if p == 0:
                    continue
                v = value(c)
                total = [t + p * x for t, x in zip(total, v, strict=True)]
            return tuple(total)

        return value(0)

    # ------------------------------------------------------------ normal form
    def to_normal_form(self) -> Any:
        """The reduced normal form: strategies are plans, payoffs are expected over chance.

        Returns a :class:`NormalFormGame` for a numeric tree and a
        :class:`~gametheory.core.parametric.ParametricGame` for a symbolic one. Two players only.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("Row", {
        ...     "C": T.decision("Col", {"C": T.terminal(3, 3), "D": T.terminal(0, 5)}, "move"),
        ...     "D": T.decision("Col", {"C": T.terminal(5, 0), "D": T.terminal(1, 1)}, "move")}))
        >>> print(t.to_normal_form())
        Row \\ Col  C if move  D if move
        C          3, 3       0, 5
        D          5, 0       1, 1
        """
        if len(self._players) != 2:
            raise GameError(f"to_normal_form() needs two players; the tree has "
                            f"{len(self._players)}: {list(self._players)}")
        p0, p1 = self._reduced_plans(0), self._reduced_plans(1)
        if len(p0) * len(p1) > MAX_ENUMERATION:
            raise SolverError(f"the normal form would have {len(p0)}x{len(p1)} cells; at most "
                              f"{MAX_ENUMERATION} are built")
        A: list[list[Any]] = []
        B: list[list[Any]] = []
        for r in p0:
            ra, rb = [], []
            for c in p1:
                u = self._play([dict(r), dict(c)])
                ra.append(u[0])
                rb.append(u[1])
            A.append(ra)
            B.append(rb)
        strategies = ([self._plan_label(0, p) for p in p0], [self._plan_label(1, p) for p in p1])
        if self._symbolic:
            from .parametric import ParametricGame

            return ParametricGame([[sp.sympify(v) for v in row] for row in A],
                                  [[sp.sympify(v) for v in row] for row in B],
                                  parameters=list(self._parameters), players=self._players,
                                  strategies=strategies, title=self._title)
        return NormalFormGame(A, B, players=self._players, strategies=strategies,
                              title=self._title)

    # ------------------------------------------------------------ backward induction
    def _require_perfect_information(self, what: str) -> None:
        for h in self._infosets:
            if len(h.nodes) > 1:
                raise GameError(f"{what} needs perfect information, but the information set "
                                f"{h.name!r} of {self._players[h.player]} has {len(h.nodes)} "
                                "nodes; use classify_equilibria() for imperfect information")

    def backward_induction(self, **values: Any) -> list[SubgamePerfectEquilibrium]:
        """Every pure subgame-perfect equilibrium of a perfect-information tree.

        At each node the mover picks a payoff-maximising action given the continuation
        (expected over chance); where several tie, each choice gives its own equilibrium
        and the tie is recorded. Symbolic trees are evaluated at ``values`` (defaults fill
        the rest). Works for any number of players.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)})}))
        >>> for e in t.backward_induction():
        ...     print(e.describe())
        A: R; B: x  (path R > x; payoffs 2, 0); tie at 'after R': B is indifferent ...
        A: L; B: y  (path L; payoffs 1, 1); tie at 'after R': B is indifferent between x and y ...
        """
        tree = self._numeric(values, "backward_induction()")
        tree._require_perfect_information("backward_induction()")
        return tree._backward_induction()

    def _backward_induction(self) -> list[SubgamePerfectEquilibrium]:
        nodes = self._nodes
        # a partial solution: (choices {node: action}, payoff vector, ties)
        Sol = tuple[dict[int, str], tuple[Any, ...], tuple[Tie, ...]]

        def solve(nid: int) -> list[Sol]:
            n = nodes[nid]
            if n.kind == "t":
                return [({}, n.payoffs, ())]
            child_sols = [solve(c) for c in n.children]
            total = 1
            for s in child_sols:
                total *= len(s)
            if total > MAX_ENUMERATION:
                raise SolverError(f"more than {MAX_ENUMERATION} subgame-perfect equilibria "
                                  f"below {self._name(nid)!r}; too many ties to enumerate")
            out: list[Sol] = []
            for combo in itertools.product(*child_sols):
                choices: dict[int, str] = {}
                ties: tuple[Tie, ...] = ()
                for ch, _, t in combo:
                    choices.update(ch)
                    ties += t
                if n.kind == "c":
                    pay: list[Any] = [0] * len(self._players)
                    for p, (_, v, _) in zip(n.probs, combo, strict=True):
                        pay = [x + p * y for x, y in zip(pay, v, strict=True)]
                    out.append((choices, tuple(pay), ties))
                    continue
                i = n.player
                vals = [v[i] for _, v, _ in combo]
                best = vals[0]
                for v in vals[1:]:
                    if not self._ge(best, v):
                        best = v
                tied = [k for k, v in enumerate(vals) if self._ge(v, best)]
                tie = (Tie(self._name(nid), self._players[i],
                           tuple(n.actions[k] for k in tied), best),) if len(tied) > 1 else ()
                for k in tied:
                    out.append(({**choices, nid: n.actions[k]}, combo[k][1], ties + tie))
            return out

        return [self._spe_from(choices, pay, ties) for choices, pay, ties in solve(0)]

    def _spe_from(self, choices: dict[int, str], payoffs: tuple[Any, ...],
                  ties: tuple[Tie, ...], condition: Any = True) -> SubgamePerfectEquilibrium:
        nodes = self._nodes
        plans = []
        labels = []
        for i in range(len(self._players)):
            full = {nodes[nid].infoset: a for nid, a in choices.items()
                    if nodes[nid].player == i}
            plans.append(tuple((self._infosets[h].name, a) for h, a in sorted(full.items())))
            hs = self._player_infosets(i)
            reduced = tuple((h.index, full[h.index]) for h in hs
                            if all(full[g] == a for g, a in h.own_history))
            labels.append(self._plan_label(i, reduced))
        # path and outcome distribution
        path: list[str] = []
        nid = 0
        while nodes[nid].kind == "d":
            n = nodes[nid]
            a = choices[nid]
            path.append(a)
            nid = n.children[n.actions.index(a)]
        outcomes = []
        stack: list[tuple[int, Any]] = [(0, Fraction(1))]
        while stack:
            nid, pr = stack.pop()
            n = nodes[nid]
            if n.kind == "t":
                outcomes.append((pr, n.history, n.payoffs))
            elif n.kind == "d":
                stack.append((n.children[n.actions.index(choices[nid])], pr))
            else:
                for p, c in reversed(list(zip(n.probs, n.children, strict=True))):
                    if p != 0:
                        stack.append((c, pr * p))
        return SubgamePerfectEquilibrium(self._players, tuple(plans), tuple(labels),
                                         tuple(payoffs), tuple(path), tuple(outcomes),
                                         tuple(ties), condition)

    def spe_conditions(self, simplify: bool = False) -> list[SubgamePerfectEquilibrium]:
        """Each pure profile of a perfect-information tree, with where it is subgame perfect.

        The condition is the conjunction, over all decision nodes, of "the prescribed
        action is at least as good for the mover as each alternative, given the
        continuation" (the one-shot deviation principle), as sympy inequalities in the
        parameters, each written with positive terms on the left. Profiles whose condition
        is identically false are dropped. Common factors that are positive by the declared
        bounds (a parameter with a positive lower bound) are divided out.
        ``simplify=True`` also runs ``sympy.simplify`` on each condition (slow with many
        parameters).

        >>> import gametheory as gt, sympy as sp
        >>> c = sp.Symbol("c")
        >>> T = gt.GameTree
        >>> t = T(T.decision("Entrant", {"Out": T.terminal(0, 2), "In": T.decision(
        ...     "Incumbent", {"Fight": T.terminal(-1, -c), "Accommodate": T.terminal(1, 1)},
        ...     "entered")}))
        >>> for e in t.spe_conditions():
        ...     print(e.labels, e.condition)
        ('Out', 'Fight if entered') c <= -1
        ('In', 'Accommodate if entered') c >= -1
        """
        self._require_perfect_information("spe_conditions()")
        nodes = self._nodes
        dec = [n.id for n in nodes if n.kind == "d"]
        count = 1
        for nid in dec:
            count *= len(nodes[nid].actions)
        if count > MAX_ENUMERATION:
            raise SolverError(f"{count} pure profiles; at most {MAX_ENUMERATION} are enumerated")
        positive = {}
        for p in self._parameters:
            bounds = getattr(p, "bounds", None)
            if bounds and bounds[0] is not None and bounds[0] > 0:
                sym = self._symbols[_parameter_name(p)]
                positive[sym] = sp.Dummy(sym.name, positive=True)
        out = []
        for choice in itertools.product(*(nodes[nid].actions for nid in dec)):
            choices = dict(zip(dec, choice, strict=True))
            values: dict[int, tuple[Any, ...]] = {}
            conds: list[Any] = []
            for n in reversed(nodes):  # children before parents
                if n.kind == "t":
                    values[n.id] = n.payoffs
                elif n.kind == "c":
                    pay: list[Any] = [0] * len(self._players)
                    for p, c in zip(n.probs, n.children, strict=True):
                        pay = [x + p * y for x, y in zip(pay, values[c], strict=True)]
                    values[n.id] = tuple(pay)
                else:
                    k = n.actions.index(choices[n.id])
                    mine = values[n.children[k]][n.player]
                    for j, c in enumerate(n.children):
                        if j != k:
                            conds.append(_ge_condition(mine, values[c][n.player],
                                                       positive))
                    values[n.id] = values[n.children[k]]
            cond = sp.And(*conds) if conds else sp.true
            if simplify and cond not in (sp.true, sp.false):
                cond = _simplify_condition(cond)
            pay = tuple(sp.simplify(v) if isinstance(v, sp.Basic) else v for v in values[0])
            if self._symbolic:
                pay = tuple(sp.sympify(v) for v in pay)
            out.append(self._spe_from(choices, pay, (), cond))
        return self._drop_false(out)

    @staticmethod
    def _drop_false(out: list[SubgamePerfectEquilibrium]) -> list[SubgamePerfectEquilibrium]:
        return [e for e in out if not _is_false(e.condition)]

    # ------------------------------------------------------------ classification
    def subgames(self) -> list[str]:
        """Names of the nodes that start a subgame (the root first).

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)}, "right")}))
        >>> t.subgames()
        ['at the root', 'right']
        """
        return [self._name(r) for r in self._subgame_roots()]

    def _subgame_roots(self) -> list[int]:
        roots = []
        for n in self._nodes:
            if n.kind == "t":
                continue
            ok = True
            for h in self._infosets:
                inside = [n.id <= m < n.end for m in h.nodes]
                if any(inside) and not all(inside):
                    ok = False
                    break
            if ok:
                roots.append(n.id)
        return roots

    def classify_equilibria(self, method: str = "exact", pure: bool = False, **values: Any
                            ) -> list[ClassifiedEquilibrium]:
        """Each extreme Nash equilibrium of the reduced normal form, labelled by credibility.

        An equilibrium is *subgame perfect* when its behaviour (Kuhn's realisation-
        equivalent behaviour strategy, completed at information sets its own plan
        excludes) is a Nash equilibrium of every subgame; otherwise it rests on a
        non-credible threat, and the subgames where a player would deviate are reported.
        Completions are searched over pure actions, so the verdict is exact whenever no
        completion needs mixing (always when the excluded nodes have no ties). In a game
        without proper subgames (a signalling game, say) every Nash equilibrium is subgame
        perfect; refinements such as perfect Bayesian equilibrium are not applied.
        ``method`` chooses the normal-form solver (see :func:`gametheory.solve.equilibria`);
        the exhaustive default can be slow on large normal forms (sequential games give
        degenerate ones), where ``pure=True`` classifies only the pure equilibria and
        :meth:`classify` a single equilibrium, both cheaply.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 2), "y": T.terminal(0, 0)}, "right")}))
        >>> for c in sorted(t.classify_equilibria(), key=lambda c: c.equilibrium.describe()):
        ...     print(c.describe())
        A: L; B: 1/2 x if right + 1/2 y if right  (payoffs 1, 1): rests on a non-credible
        threat: at 'right', B's 1/2 x + 1/2 y is not credible: x gains 1
        A: L; B: y if right  (payoffs 1, 1): rests on a non-credible threat: at 'right',
        B's y is not credible: x gains 2
        A: R; B: x if right  (payoffs 2, 2): subgame perfect
        """
        tree = self._numeric(values, "classify_equilibria()")
        game = tree.to_normal_form()
        eqs = game.pure_equilibria() if pure else game.equilibria(method=method)
        return [tree._classify(game, eq) for eq in eqs]

    def classify(self, equilibrium: Equilibrium, **values: Any) -> ClassifiedEquilibrium:
        """Classify one equilibrium (or any profile) of :meth:`to_normal_form`.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 2), "y": T.terminal(0, 0)}, "right")}))
        >>> g = t.to_normal_form()
        >>> t.classify(gt.Equilibrium.from_game(g, (1, 0), (0, 1))).subgame_perfect
        False
        """
        tree = self._numeric(values, "classify()")
        game = tree.to_normal_form()
        if not game.is_equilibrium((equilibrium.row, equilibrium.col)):
            raise GameError("the profile is not a Nash equilibrium of the tree's normal form")
        return tree._classify(game, equilibrium)

    def nash_equilibria(self, method: str = "exact", pure: bool = False, **values: Any
                        ) -> list[ClassifiedEquilibrium]:
        """Alias of :meth:`classify_equilibria`."""
        return self.classify_equilibria(method=method, pure=pure, **values)

    def _behaviour(self, game: NormalFormGame, eq: Equilibrium
                   ) -> tuple[dict[int, tuple[Any, ...]], list[int]]:
        beh: dict[int, tuple[Any, ...]] = {}
        undefined: list[int] = []
        for i, mix in enumerate((eq.row, eq.col)):
            plans = self._reduced_plans(i)
            for h in self._player_infosets(i):
                real: Any = 0
                mass = {a: 0 for a in h.actions}
                for plan, x in zip(plans, mix, strict=True):
                    d = dict(plan)
                    if x and h.index in d:
                        real += x
                        mass[d[h.index]] += x
                if real > 0:
                    beh[h.index] = tuple(mass[a] / real for a in h.actions)
                else:
                    undefined.append(h.index)
        return beh, undefined

    def _classify(self, game: NormalFormGame, eq: Equilibrium, one_shot: bool | None = None
                  ) -> ClassifiedEquilibrium:
        beh, undefined = self._behaviour(game, eq)
        perfect = self.is_perfect_information if one_shot is None else one_shot
        completions = self._completions_pi(beh, undefined) if perfect \
            else self._completions_all(beh, undefined)
        roots = [] if perfect else self._subgame_roots()
        best: tuple[NonCredibleThreat, ...] | None = None
        for count, full in enumerate(completions):
            if count >= MAX_ENUMERATION:
                raise SolverError(f"more than {MAX_ENUMERATION} completions of unreached "
                                  "behaviour; too many to search")
            threats = self._one_shot_violations(full) if perfect else \
                self._violations(full, roots)
            if not threats:
                return ClassifiedEquilibrium(eq, True, ())
            if best is None or len(threats) < len(best):
                best = threats
        return ClassifiedEquilibrium(eq, False, best or ())

    def _pure(self, h: int, a: str) -> tuple[Fraction, ...]:
        return tuple(Fraction(int(b == a)) for b in self._infosets[h].actions)

    def _completions_all(self, beh: dict[int, tuple[Any, ...]], undefined: list[int]
                         ) -> Iterator[dict[int, tuple[Any, ...]]]:
        """Every pure completion of the behaviour at ``undefined`` information sets."""
        for choice in itertools.product(*(self._infosets[h].actions for h in undefined)):
            full = dict(beh)
            for h, a in zip(undefined, choice, strict=True):
                full[h] = self._pure(h, a)
            yield full

    def _completions_pi(self, beh: dict[int, tuple[Any, ...]], undefined: list[int]
                        ) -> Iterator[dict[int, tuple[Any, ...]]]:
        """Perfect information: completions that are optimal at each undefined node given
        the continuation (deepest first), branching only where the mover ties. A
        completion that is not optimal at an undefined node is never subgame perfect."""
        order = sorted(undefined, key=lambda h: -self._infosets[h].nodes[0])

        def extend(k: int, full: dict[int, tuple[Any, ...]]
                   ) -> Iterator[dict[int, tuple[Any, ...]]]:
            if k == len(order):
                yield full
                return
            h = order[k]
            n = self._nodes[self._infosets[h].nodes[0]]
            q = [self._values(full, c)[n.player] for c in n.children]
            top = q[0]
            for v in q[1:]:
                if not self._ge(top, v):
                    top = v
            for a, v in zip(n.actions, q, strict=True):
                if self._ge(v, top):
                    yield from extend(k + 1, {**full, h: self._pure(h, a)})

        return extend(0, dict(beh))

    def _one_shot_violations(self, beh: dict[int, tuple[Any, ...]]
                             ) -> tuple[NonCredibleThreat, ...]:
        """Perfect information: nodes where the mover's behaviour is not a best reply to
        the continuation (the one-shot deviation principle; equivalent to a Nash
        equilibrium in every subgame)."""
        nodes = self._nodes
        values: dict[int, tuple[Any, ...]] = {}
        out = []
        for n in reversed(nodes):  # children before parents
            if n.kind == "t":
                values[n.id] = n.payoffs
                continue
            probs = n.probs if n.kind == "c" else beh[n.infoset]
            total: list[Any] = [0] * len(self._players)
            for p, c in zip(probs, n.children, strict=True):
                if p != 0:
                    total = [t + p * x for t, x in zip(total, values[c], strict=True)]
            values[n.id] = tuple(total)
            if n.kind != "d":
                continue
            i = n.player
            q = [values[c][i] for c in n.children]
            top = q[0]
            for v in q[1:]:
                if not self._ge(top, v):
                    top = v
            if self._ge(values[n.id][i], top):
                continue
            prescribed = {a: p for a, p in zip(n.actions, probs, strict=True) if p != 0}
            better = tuple(a for a, v in zip(n.actions, q, strict=True) if self._ge(v, top))
            out.append(NonCredibleThreat(self._name(n.id), self._players[i],
                                         top - values[n.id][i], prescribed, better))
        return tuple(reversed(out))

    def _values(self, beh: dict[int, tuple[Any, ...]], root: int,
                override: tuple[int, dict[int, str]] | None = None) -> tuple[Any, ...]:
        """Expected payoffs from ``root`` under behaviour; ``override`` fixes one player's
        actions at some information sets."""
        nodes = self._nodes

        def val(nid: int) -> tuple[Any, ...]:
            n = nodes[nid]
            if n.kind == "t":
                return n.payoffs
            if n.kind == "c":
                probs = n.probs
            elif override is not None and n.player == override[0] \
                    and n.infoset in override[1]:
                a = override[1][n.infoset]
                probs = tuple(Fraction(int(b == a)) for b in n.actions)
            else:
                probs = beh[n.infoset]
            total: list[Any] = [0] * len(self._players)
            for p, c in zip(probs, n.children, strict=True):
                if p == 0:
                    continue
                v = val(c)
                total = [t + p * x for t, x in zip(total, v, strict=True)]
            return tuple(total)

        return val(root)

    def _reach(self, beh: dict[int, tuple[Any, ...]], root: int, nid: int, i: int) -> Any:
        """Probability that others and chance lead from ``root`` to ``nid``."""
        nodes = self._nodes
        w: Any = Fraction(1)
        child = nid
        while child != root:
            pr = nodes[nodes[child].parent]
            k = pr.children.index(child)
            if pr.kind == "c":
                w *= pr.probs[k]
            elif pr.player != i:
                w *= beh[pr.infoset][k]
            child = pr.id
        return w

    def _best_response_value(self, beh: dict[int, tuple[Any, ...]], root: int, i: int) -> Any:
        """Player i's best payoff in the subgame at ``root`` against the others' behaviour."""
        n0 = self._nodes[root]
        mine = [h for h in self._player_infosets(i) if n0.id <= h.nodes[0] < n0.end]
        mine.sort(key=lambda h: -len(h.own_history))
        choice: dict[int, str] = {}
        for h in mine:
            weights = [(nid, self._reach(beh, root, nid, i)) for nid in h.nodes]
            best_a, best_q = None, None
            for k, a in enumerate(h.actions):
                q: Any = 0
                for nid, w in weights:
                    if w:
                        q += w * self._values(beh, self._nodes[nid].children[k],
                                              (i, choice))[i]
                if best_q is None or not self._ge(best_q, q):
                    best_a, best_q = a, q
            choice[h.index] = best_a  # type: ignore[assignment]
        return self._values(beh, root, (i, choice))[i]

    def _violations(self, beh: dict[int, tuple[Any, ...]], roots: list[int]
                    ) -> tuple[NonCredibleThreat, ...]:
        out = []
        for r in roots:
            here = self._values(beh, r)
            for i in range(len(self._players)):
                br = self._best_response_value(beh, r, i)
                if self._ge(here[i], br):
                    continue
                n = self._nodes[r]
                prescribed: dict[str, Any] = {}
                better: tuple[str, ...] = ()
                if n.kind == "d" and n.player == i:
                    prescribed = {a: p for a, p in zip(n.actions, beh[n.infoset], strict=True)
                                  if p != 0}
                    q = [self._values(beh, c)[i] for c in n.children]
                    top = q[0]
                    for v in q[1:]:
                        if not self._ge(top, v):
                            top = v
                    better = tuple(a for a, v in zip(n.actions, q, strict=True)
                                   if self._ge(v, top))
                out.append(NonCredibleThreat(self._name(r), self._players[i], br - here[i],
                                             prescribed, better))
        return tuple(out)

    # ------------------------------------------------------------ export and display
    def to_efg(self) -> str:
        """The tree as a Gambit ``.efg`` file (numeric trees; use ``at()`` first).

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, "1/2"), "R": T.terminal(0, 0)}),
        ...       players=("A", "B"), title="tiny")
        >>> print(t.to_efg())
        EFG 2 R "tiny" { "A" "B" }
        ""
        <BLANKLINE>
        p "" 1 1 "at the root" { "L" "R" } 0
        t "" 1 "L" { 1, 1/2 }
        t "" 2 "R" { 0, 0 }
        <BLANKLINE>
        """
        if self._symbolic:
            raise GameError("to_efg() needs numbers; evaluate the tree with .at(...) first")

        def q(s: str) -> str:
            return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

        def num(v: Any) -> str:
            return format_number(v) if isinstance(v, Fraction) else repr(float(v))

        lines = [f"EFG 2 R {q(self._title)} {{ {' '.join(q(p) for p in self._players)} }}",
                 '""', ""]
        numbers: dict[int, int] = {}
        per_player: dict[int, int] = {}
        chance_count = 0
        outcome = 0
        for n in self._nodes:
            if n.kind == "t":
                outcome += 1
                pays = ", ".join(num(v) for v in n.payoffs)
                lines.append(f't "" {outcome} {q(", ".join(n.history))} {{ {pays} }}')
            elif n.kind == "c":
                chance_count += 1
                acts = " ".join(f"{q(a)} {num(p)}" for a, p in zip(n.actions, n.probs,
                                                                   strict=True))
                lines.append(f'c {q(n.name or "")} {chance_count} "" {{ {acts} }} 0')
            else:
                h = self._infosets[n.infoset]
                if h.index not in numbers:
                    per_player[n.player] = per_player.get(n.player, 0) + 1
                    numbers[h.index] = per_player[n.player]
                acts = " ".join(q(a) for a in n.actions)
                lines.append(f'p "" {n.player + 1} {numbers[h.index]} {q(h.name)} '
                             f"{{ {acts} }} 0")
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        lines = [self._title] if self._title else []

        def show(nid: int, indent: str, label: str) -> None:
            n = self._nodes[nid]
            if n.kind == "t":
                lines.append(f"{indent}{label}({', '.join(map(format_number, n.payoffs))})")
                return
            if n.kind == "c":
                lines.append(f"{indent}{label}Chance")
                for a, p, c in zip(n.actions, n.probs, n.children, strict=True):
                    show(c, indent + "  ", f"{a} [{format_number(p)}] -> ")
                return
            h = self._infosets[n.infoset]
            tag = f" [{h.user_name}]" if h.user_name else ""
            lines.append(f"{indent}{label}{self._players[n.player]}{tag}")
            for a, c in zip(n.actions, n.children, strict=True):
                show(c, indent + "  ", f"{a} -> ")

        show(0, "", "")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(str(self))}</pre>"

    def __repr__(self) -> str:
        t = f"{self._title!r}, " if self._title else ""
        kind = "perfect" if self.is_perfect_information else "imperfect"
        sym = ", symbolic" if self._symbolic else ""
        return (f"GameTree({t}players {', '.join(self._players)}; {len(self._nodes)} nodes, "
                f"{kind} information{sym})")

    def _key(self) -> tuple:
        return (self._players, self._title, tuple(
            (n.kind, n.history, n.player, self._infosets[n.infoset].name
             if n.infoset is not None else None, n.actions, n.probs, n.payoffs)
            for n in self._nodes))

    def __eq__(self, other: object) -> bool:
        """Same players, title, structure, information sets, probabilities and payoffs."""
        if not isinstance(other, GameTree):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]


# --------------------------------------------------------------------- helpers
def _symbol_of(p: Any) -> sp.Symbol:
    """The sympy symbol of a parameter: ``gt.Parameter.sympy``, else ``Symbol(name, real=True)``."""
    s = getattr(p, "sympy", None)
    if isinstance(s, sp.Symbol):
        return s
    return sp.Symbol(_parameter_name(p), real=True)


def _parse(text: str, symbols: Mapping[str, sp.Symbol], where: str) -> Any:
    try:
        from .expressions import parse_expression
    except ImportError:  # pragma: no cover - the parser lands with the parametric module
        raise PayoffError(f"{where}: {text!r} is not a number, and symbolic payoff strings "
                          "need gametheory.core.expressions (not installed)") from None
    try:
        expr = parse_expression(text, list(symbols), symbols=symbols)
    except ParseError as err:
        raise _located(err, where) from None
    if not _is_symbolic(expr):
        return _to_exact(expr, where)
    return expr


def _to_exact(v: Any, where: str) -> Any:
    if _is_symbolic(v):
        names = sorted(map(str, v.free_symbols))
        raise ParameterError(f"{where}: {v} still has parameters {names}")
    try:
        return to_number(v)
    except NotANumber as err:
        raise PayoffError(f"{where}: {err}") from None


def _is_false(cond: Any) -> bool:
    return cond is False or cond == sp.false


def _ge_condition(a: Any, b: Any, positive: Mapping[sp.Symbol, sp.Symbol] | None = None
                  ) -> Any:
    """``a >= b`` as a readable sympy relation: positive terms left, negative terms and the
    constant right (``pi*h + r_U >= c_I + r_I``, ``c <= -1``). Common factors that are
    positive given ``positive`` (parameters whose lower bound is positive, mapped to
    positive dummies) are divided out."""
    d = sp.expand(sp.sympify(a) - sp.sympify(b))
    if positive and d.free_symbols:
        g = sp.factor_terms(d)
        if g.is_Mul:
            kept = [f for f in g.args if not f.xreplace(positive).is_positive]
            d = sp.expand(sp.Mul(*kept))
    if not d.free_symbols:
        return sp.true if d >= 0 else sp.false
    pos, neg, const = [], [], sp.Integer(0)
    for term in sp.Add.make_args(d):
        if term.is_number:
            const += term
        elif term.could_extract_minus_sign():
            neg.append(-term)
        else:
            pos.append(term)
    if not pos:
        return sp.Le(sp.Add(*neg), const)
    return sp.Ge(sp.Add(*pos), sp.Add(*neg) - const)


def _simplify_condition(cond: Any) -> Any:
    try:
        return sp.simplify(cond)
    except Exception:  # pragma: no cover - sympy may give up on exotic conditions
        return cond


def _located(err: ParseError, where: str) -> ParseError:
    """``err`` with ``where`` prefixed, keeping its position and token."""
    out = ParseError(f"{where}: {err}")
    out.line, out.column, out.token = err.line, err.column, err.token
    return out
