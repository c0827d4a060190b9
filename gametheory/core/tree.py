r"""Finite extensive-form games as data: game trees, their nodes, information sets and plans.

A finite extensive-form game (Kuhn 1953; Osborne and Rubinstein 1994, ch. 6 and 11) is a
finite rooted tree. Each non-terminal node is either a *decision node* of a player
:math:`i \in N`, whose outgoing edges are labelled by that player's actions, or a
*chance node*, whose edges carry probabilities summing to one. Each terminal node
:math:`z` carries a payoff vector :math:`u(z) \in \mathbb{R}^N`. A player's decision
nodes are partitioned into *information sets*: nodes the player cannot tell apart, with
the same actions. The game has *perfect information* when every information set is a
single node, and *perfect recall* when all nodes of an information set share the
owner's own past information sets and actions (Kuhn 1953). A tree without it (a player
forgets a move, or is *absent-minded*, Piccione and Rubinstein 1997) is built only with
``perfect_recall="allow"``: its normal form and Nash equilibria work, while the solvers
that read behaviour at information sets (backward induction, subgame perfection,
credibility, perfect Bayesian and sequential equilibria) refuse it by name.

A pure strategy of player :math:`i` picks an action at each of its information sets. A
*plan* (the reduced strategy of the *reduced normal form*) leaves out the information
sets that the player's own earlier actions exclude; strategies that differ only there
are payoff equivalent for every opponent behaviour. Expected payoffs average over the
chance moves.

:class:`GameTree` is plain validated data with a traversal API: its nodes in preorder
(:attr:`GameTree.nodes`), information sets, subgame roots, plans, and the play-out of a
pure profile. Solving reads the tree through that API: backward induction, subgame-perfect
conditions and the reduced normal form live in :mod:`gametheory.solve.tree`, the
credibility of Nash equilibria (non-credible threats) in
:mod:`gametheory.solve.tree_credibility`, perfect Bayesian and sequential equilibria
(assessments: behaviour and beliefs) in :mod:`gametheory.solve.tree_pbe`, and the Gambit
writer in :mod:`gametheory.io.efg`; the methods of the same names here call them.

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
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import sympy as sp

from .._numbers import format_number
from ..errors import GameError, LabelError, ParameterError, SolverError
from .evaluation import substitute
from .tree_compile import (
    compile_tree,
    history_name,
    player_index,
    reachable_plan,
    to_exact,
)
from .tree_nodes import (
    Chance,
    Decision,
    InformationSet,
    Node,
    Plan,
    Terminal,
    TreeNode,
    chance,
    decision,
    terminal,
)
from .values import Declared, is_symbolic_value, substitution

if TYPE_CHECKING:
    from ..solve.tree import SubgamePerfectEquilibrium
    from ..solve.tree_credibility import ClassifiedEquilibrium
    from ..solve.tree_pbe import Assessment, PerfectBayesianAssessment, SequentialVerdict
    from ..solve.tree_pbe_mixed import MixedPBESolution
    from .game import Equilibrium, NormalFormGame
    from .parametric import ParametricGame

__all__ = ["GameTree", "Terminal", "Decision", "Chance", "TreeNode", "InformationSet",
           "terminal", "decision", "chance"]

#: Largest number of pure strategies (or profiles) enumerated before giving up.
MAX_ENUMERATION = 50_000


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
    perfect_recall : {"require", "allow"}, optional
        ``"require"`` (default) refuses a tree without perfect recall; ``"allow"`` builds
        it (see :attr:`has_perfect_recall`).

    Raises
    ------
    GameError
        Unknown players, a wrong number of payoffs, invalid or non-summing chance
        probabilities, information sets mixing players or actions, imperfect recall
        (unless allowed), undeclared parameters; each message names the node.

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
                 parameters: Sequence[Declared] | None = None, title: str = "",
                 perfect_recall: str = "require") -> None:
        if not isinstance(root, Terminal | Decision | Chance):
            raise GameError(f"the root must be a node built with GameTree.decision, .chance "
                            f"or .terminal, got {type(root).__name__}")
        if not isinstance(title, str):
            raise LabelError(f"title must be a string, got {title!r}")
        self._root = root
        self._title = title
        c = compile_tree(root, players, parameters, perfect_recall)
        self._recall_mode, self._recall_violation = perfect_recall, c.recall_violation
        self._players, self._parameters, self._symbols = c.players, c.parameters, c.symbols
        self._nodes, self._infosets = c.nodes, c.infosets
        self._symbolic = any(is_symbolic_value(v) for n in self._nodes
                             for v in (*n.payoffs, *n.probabilities))

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
    def parameters(self) -> tuple[Declared, ...]:
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
    def has_perfect_recall(self) -> bool:
        """Whether all nodes of each information set follow the same own earlier moves.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> T(T.decision("A", {"x": T.terminal(1, 0)}), players=("A", "B")).has_perfect_recall
        True
        """
        return self._recall_violation is None

    def require_perfect_recall(self, what: str) -> None:
        """Raise :class:`GameError` naming the information set that breaks perfect recall."""
        if self._recall_violation is not None:
            raise GameError(f"{what} needs perfect recall, but {self._recall_violation}; "
                            "use to_normal_form() and its Nash equilibria instead")

    @property
    def n_nodes(self) -> int:
        return len(self._nodes)

    @property
    def symbols(self) -> dict[str, sp.Symbol]:
        """``{parameter name: sympy symbol}`` of the declared parameters."""
        return dict(self._symbols)

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
        subs = substitution(self._parameters, self._symbols, values, owner="tree")
        return self._map_values(lambda v: to_exact(substitute(v, subs, "a tree payoff"), "")
                                if is_symbolic_value(v) else v, parameters=None)

    def numeric(self, values: Mapping[str, Any], what: str = "the tree") -> GameTree:
        """The tree itself when it has no parameters, else :meth:`at` ``(**values)``.

        ``what`` names the caller in the message when values are given to a numeric tree.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"x": T.terminal(1, 0)}), players=("A", "B"))
        >>> t.numeric({}) is t
        True
        """
        if self._symbolic:
            return self.at(**values)
        if values:
            raise ParameterError(f"{what}: the tree has no parameters, got {sorted(values)}")
        return self

    def _map_values(self, fn: Callable[[Any], Any], parameters: Sequence[Declared] | None
                    ) -> GameTree:
        nodes = self._nodes

        def build(nid: int) -> Node:
            n = nodes[nid]
            if n.kind == "terminal":
                return Terminal(tuple(fn(v) for v in n.payoffs))
            kids = [build(c) for c in n.children]
            if n.kind == "chance":
                return Chance(tuple((a, fn(p), k) for a, p, k
                                    in zip(n.actions, n.probabilities, kids, strict=True)), n.name)
            h = self._infosets[n.infoset]
            return Decision(self._players[n.player], tuple(zip(n.actions, kids, strict=True)),
                            h.label)

        return GameTree(build(0), players=self._players, parameters=parameters,
                        title=self._title, perfect_recall=self._recall_mode)


    # ------------------------------------------------------------ traversal
    @property
    def nodes(self) -> tuple[TreeNode, ...]:
        """Every node, in preorder: ``tree.nodes[k].id == k``; children come after parents.

        Examples
        --------
        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.chance({"H": ("1/2", T.decision("A", {"x": T.terminal(1, 0)})),
        ...                 "T": ("1/2", T.terminal(0, 1))}), players=("A", "B"))
        >>> [(n.kind, n.children, n.probabilities) for n in t.nodes][0]
        ('chance', (1, 3), (Fraction(1, 2), Fraction(1, 2)))
        >>> t.nodes[2].payoffs, t.nodes[1].player
        ((Fraction(1, 1), Fraction(0, 1)), 0)
        """
        return self._nodes

    def node_name(self, node: int) -> str:
        """How messages name a node: its information set, a chance node's name, or its history.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 0), "R": T.terminal(0, 1)}),
        ...       players=("A", "B"))
        >>> t.node_name(0), t.node_name(2)
        ('at the root', 'after R')
        """
        n = self._nodes[node]
        if n.kind == "decision":
            return self._infosets[n.infoset].name
        if n.kind == "chance" and n.name:
            return n.name
        return history_name([n.history])

    def information_sets(self, player: str | int | None = None) -> tuple[InformationSet, ...]:
        """The information sets (of one player, if given), in order of first node.

        Examples
        --------
        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {
        ...     "L": T.decision("B", {"x": T.terminal(1, 0), "y": T.terminal(0, 1)}, "h"),
        ...     "R": T.decision("B", {"x": T.terminal(0, 0), "y": T.terminal(1, 1)}, "h")}))
        >>> [(h.name, h.nodes) for h in t.information_sets("B")]
        [('h', (1, 4))]
        """
        if player is None:
            return self._infosets
        i = self.player_index(player)
        return tuple(h for h in self._infosets if h.player == i)

    def player_index(self, player: str | int) -> int:
        """The index of a player given by name or index.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> T(T.decision("A", {"x": T.terminal(1, 0)}), players=("A", "B")).player_index("B")
        1
        """
        return player_index(self._players, player, "player")

    def subgame_roots(self) -> list[int]:
        """Ids of the non-terminal nodes that start a subgame (their subtree holds every
        information set it touches), the root first.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)})}))
        >>> t.subgame_roots()
        [0, 2]
        """
        roots = []
        for n in self._nodes:
            if n.kind == "terminal":
                continue
            if all(all(n.id <= m < n.end for m in h.nodes)
                   or not any(n.id <= m < n.end for m in h.nodes) for h in self._infosets):
                roots.append(n.id)
        return roots

    def subgames(self) -> list[str]:
        """Names of the nodes that start a subgame (the root first).

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)}, "right")}))
        >>> t.subgames()
        ['at the root', 'right']
        """
        return [self.node_name(r) for r in self.subgame_roots()]

    # ------------------------------------------------------------ plans and play
    def reduced_plans(self, player: str | int) -> list[Plan]:
        """A player's plans (reduced strategies) as ``((information set, action), ...)``.

        A plan chooses an action at each of the player's information sets that its own
        earlier choices do not exclude (without perfect recall: that a node reaches when
        the player follows it); the order is the normal form's.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 0), "R": T.decision("A", {
        ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)})}), players=("A", "B"))
        >>> t.reduced_plans("A")
        [((0, 'L'),), ((0, 'R'), (1, 'x')), ((0, 'R'), (1, 'y'))]
        """
        i = player_index(self._players, player, "reduced_plans()")
        hs = self.information_sets(i)
        count = 1
        for h in hs:
            count *= len(h.actions)
        if count > MAX_ENUMERATION:
            raise SolverError(f"{self._players[i]} has {count} pure strategies; at most "
                              f"{MAX_ENUMERATION} are enumerated")
        seen: dict[Plan, None] = {}
        for choice in itertools.product(*(h.actions for h in hs)):
            seen.setdefault(self.reduce(i, dict(zip([h.index for h in hs], choice,
                                                    strict=True))), None)
        return list(seen)

    def reduce(self, player: str | int, strategy: Mapping[int, str]) -> Plan:
        """The plan of a full strategy ``{information set: action}`` of one player: the
        choices at information sets its own earlier choices do not exclude.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 0), "R": T.decision("A", {
        ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)})}), players=("A", "B"))
        >>> t.reduce("A", {0: "L", 1: "y"})
        ((0, 'L'),)
        """
        i = player_index(self._players, player, "reduce()")
        if self._recall_violation is not None:
            return reachable_plan(self._nodes, self._infosets, i, strategy)
        return tuple((h.index, strategy[h.index]) for h in self.information_sets(i)
                     if all(strategy[g] == a for g, a in h.own_history))

    def plan_label(self, player: str | int, plan: Plan) -> str:
        """The label of a plan in the normal form (``"No move"`` for the empty plan).

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 0), "R": T.decision("B", {
        ...     "x": T.terminal(2, 0)}, "right")}))
        >>> t.plan_label("B", ((1, "x"),)), t.plan_label("B", ())
        ('x if right', 'No move')
        """
        if not plan:
            return "No move"
        i = player_index(self._players, player, "plan_label()")
        groups: dict[Plan, int] = {}
        for h in self.information_sets(i):
            groups[h.own_history] = groups.get(h.own_history, 0) + 1
        parts = []
        for hid, a in plan:
            h = self._infosets[hid]
            if h.label is not None:
                parts.append(f"{a} if {h.label}")
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
        return [self.plan_label(player, p) for p in self.reduced_plans(player)]

    def outcomes(self, profile: Mapping[int, str]) -> tuple[tuple[Any, tuple[str, ...],
                                                                  tuple[Any, ...]], ...]:
        """``(probability, history, payoffs)`` of each terminal node reached with positive
        probability when play follows ``profile``, ``{information set: action}`` for
        every information set on the way (the union of the players' plans).

        Examples
        --------
        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.chance({"H": ("1/4", T.decision("A", {"x": T.terminal(1, 0),
        ...                                               "y": T.terminal(2, 0)})),
        ...                 "T": ("3/4", T.terminal(0, 1))}), players=("A", "B"))
        >>> [(str(p), h) for p, h, _ in t.outcomes({0: "y"})]
        [('1/4', ('H', 'y')), ('3/4', ('T',))]
        """
        out = []
        stack: list[tuple[int, Any]] = [(0, Fraction(1))]
        while stack:
            nid, pr = stack.pop()
            n = self._nodes[nid]
            if n.kind == "terminal":
                out.append((pr, n.history, n.payoffs))
            elif n.kind == "decision":
                stack.append((n.child(profile[n.infoset]), pr))
            else:
                for p, c in reversed(list(zip(n.probabilities, n.children, strict=True))):
                    if p != 0:
                        stack.append((c, pr * p))
        return tuple(out)

    def expected_payoffs(self, profile: Mapping[int, str]) -> tuple[Any, ...]:
        """Expected payoffs (over chance) of a pure profile ``{information set: action}``.

        Examples
        --------
        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.chance({"H": ("1/4", T.decision("A", {"x": T.terminal(1, 0),
        ...                                               "y": T.terminal(2, 0)})),
        ...                 "T": ("3/4", T.terminal(0, 1))}), players=("A", "B"))
        >>> [str(v) for v in t.expected_payoffs({0: "y"})]
        ['1/2', '3/4']
        """

        def value(nid: int) -> tuple[Any, ...]:
            n = self._nodes[nid]
            if n.kind == "terminal":
                return n.payoffs
            if n.kind == "decision":
                return value(n.child(profile[n.infoset]))
            total: list[Any] = [0] * len(self._players)
            for p, c in zip(n.probabilities, n.children, strict=True):
                if p != 0:
                    total = [t + p * x for t, x in zip(total, value(c), strict=True)]
            return tuple(total)

        return value(0)

    def path(self, profile: Mapping[int, str]) -> tuple[str, ...]:
        """The moves played under ``profile`` from the root to the first chance or terminal
        node.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)})}))
        >>> t.path({0: "R", 1: "y"})
        ('R', 'y')
        """
        out: list[str] = []
        n = self._nodes[0]
        while n.kind == "decision":
            a = profile[n.infoset]
            out.append(a)
            n = self._nodes[n.child(a)]
        return tuple(out)

    # ------------------------------------------------------------ solving (facades in solve/)
    def to_normal_form(self) -> NormalFormGame | ParametricGame:
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
        from ..solve.tree import to_normal_form

        return to_normal_form(self)

    def backward_induction(self, **values: Any) -> list[SubgamePerfectEquilibrium]:
        """Every pure subgame-perfect equilibrium of a perfect-information tree.

        Ties branch and are recorded (see :func:`gametheory.solve.tree.backward_induction`);
        symbolic trees are evaluated at ``values``. Any number of players.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)})}))
        >>> for e in t.backward_induction():
        ...     print(e.describe())
        A: R; B: x  (path R > x; payoffs 2, 0); tie at 'after R': B is indifferent ...
        A: L; B: y  (path L; payoffs 1, 1); tie at 'after R': B is indifferent between x and y ...
        """
        from ..solve.tree import backward_induction

        return backward_induction(self, **values)

    def spe_conditions(self, simplify: bool = False) -> list[SubgamePerfectEquilibrium]:
        """Each pure profile of a perfect-information tree, with where it is subgame perfect.

        The one-shot deviation conditions as sympy inequalities in the parameters (see
        :func:`gametheory.solve.tree.spe_conditions`); ``simplify=True`` also simplifies.

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
        from ..solve.tree import spe_conditions

        return spe_conditions(self, simplify)

    def classify_equilibria(self, method: str = "exact", pure: bool = False, **values: Any
                            ) -> list[ClassifiedEquilibrium]:
        """Each extreme Nash equilibrium of the reduced normal form, labelled by credibility.

        Subgame perfect, or resting on a non-credible threat (the subgames where a player
        would deviate are reported); see
        :func:`gametheory.solve.tree_credibility.classify_equilibria`. ``method`` chooses
        the normal-form solver; ``pure=True`` classifies only the pure equilibria (cheap
        on the large, degenerate normal forms of sequential games).

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
        from ..solve.tree_credibility import classify_equilibria

        return classify_equilibria(self, method=method, pure=pure, **values)

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
        from ..solve.tree_credibility import classify

        return classify(self, equilibrium, **values)

    def nash_equilibria(self, method: str = "exact", pure: bool = False, **values: Any
                        ) -> list[ClassifiedEquilibrium]:
        """Alias of :meth:`classify_equilibria`."""
        return self.classify_equilibria(method=method, pure=pure, **values)

    def perfect_bayesian_equilibria(self, mixed: bool = False, **values: Any
                                    ) -> list[PerfectBayesianAssessment] | MixedPBESolution:
        """Every pure perfect Bayesian equilibrium, with its beliefs: Bayes' rule wherever
        the profile reaches an information set from the root of its smallest subgame, and
        elsewhere the exact set of supporting beliefs (see
        :func:`gametheory.solve.tree_pbe.perfect_bayesian_equilibria`). With
        ``mixed=True``, every extreme pure or mixed one of a small tree (see
        :func:`gametheory.solve.tree_pbe_mixed.mixed_perfect_bayesian_equilibria`).

        Unlike subgame perfection this removes threats that no belief justifies in games
        without proper subgames. Symbolic trees are evaluated at ``values``.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("Entrant", {"Out": T.terminal(0, 2),
        ...     "In1": T.decision("Incumbent", {"Fight": T.terminal(-1, -1),
        ...                                     "Accommodate": T.terminal(3, 0)}, "entered"),
        ...     "In2": T.decision("Incumbent", {"Fight": T.terminal(-1, -1),
        ...                                     "Accommodate": T.terminal(2, 1)}, "entered")}))
        >>> for e in t.perfect_bayesian_equilibria():
        ...     print(e.describe())
        Entrant: In1; Incumbent: Accommodate  (payoffs 3, 0); beliefs entered: mu(In1) = 1,
        mu(In2) = 0
        """
        if mixed:
            from ..solve.tree_pbe_mixed import mixed_perfect_bayesian_equilibria

            return mixed_perfect_bayesian_equilibria(self, **values)
        from ..solve.tree_pbe import perfect_bayesian_equilibria

        return perfect_bayesian_equilibria(self, **values)

    def pbe_conditions(self, simplify: bool = False) -> list[PerfectBayesianAssessment]:
        """Each pure profile of a symbolic tree with the parameter conditions under which it
        is a perfect Bayesian equilibrium (see
        :func:`gametheory.solve.tree_pbe.pbe_conditions`; unreached information sets of at
        most two nodes).

        >>> import gametheory as gt, sympy as sp
        >>> c = sp.Symbol("c")
        >>> T = gt.GameTree
        >>> t = T(T.decision("Entrant", {"Out": T.terminal(0, 2), "In": T.decision(
        ...     "Incumbent", {"Fight": T.terminal(-1, -c), "Accommodate": T.terminal(1, 1)},
        ...     "entered")}))
        >>> for e in t.pbe_conditions():
        ...     print(e.profile["entered"], e.condition)
        Fight c <= -1
        Accommodate c >= -1
        """
        from ..solve.tree_pbe import pbe_conditions

        return pbe_conditions(self, simplify)

    def is_sequential(self, assessment: Assessment, **values: Any) -> SequentialVerdict:
        """Whether an assessment (behaviour and beliefs) is a sequential equilibrium of
        Kreps and Wilson (1982): sequentially rational, with consistent beliefs (see
        :func:`gametheory.solve.tree_pbe.is_sequential`).

        >>> import gametheory as gt
        >>> from gametheory.solve.tree_pbe import Assessment
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
        ...     "x": T.terminal(2, 2), "y": T.terminal(0, 0)}, "right")}))
        >>> t.is_sequential(Assessment({"at the root": "L", "right": "y"}, {})).reasons
        ("at 'right', B gains 2 by deviating to x",)
        """
        from ..solve.tree_pbe import is_sequential

        return is_sequential(self, assessment, **values)

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
        from ..io.efg import to_efg

        return to_efg(self)

    def to_tikz(self, highlight: Any = None, *, payoffs: str = "auto",
                symbols: Mapping[str, str] | None = None, caption: str | None = None,
                label: str | None = None, width: str | None = "linewidth",
                **values: Any) -> str:
        r"""The tree as an ``istgame`` (TikZ) picture for a paper; see
        :func:`gametheory.report.tree_tikz.tree_to_tikz`.

        ``highlight=True`` draws the moves of the first subgame-perfect equilibrium
        (:meth:`backward_induction` at ``values``) thick; an SPE or a mapping
        ``{information set name: action}`` picks the moves.

        >>> import gametheory as gt
        >>> tikz = gt.models.chain_store().to_tikz(highlight=True)
        >>> tikz.count(r"\istroot"), tikz.count("[very thick]")
        (2, 2)
        """
        from ..report.tree_tikz import tree_to_tikz

        if highlight is True:
            highlight = self.backward_induction(**values)[0]
        return tree_to_tikz(self, highlight=highlight or None, payoffs=payoffs,
                            symbols=symbols, caption=caption, label=label, width=width)

    def __str__(self) -> str:
        lines = [self._title] if self._title else []

        def show(nid: int, indent: str, label: str) -> None:
            n = self._nodes[nid]
            if n.kind == "terminal":
                lines.append(f"{indent}{label}({', '.join(map(format_number, n.payoffs))})")
                return
            if n.kind == "chance":
                lines.append(f"{indent}{label}Chance")
                for a, p, c in zip(n.actions, n.probabilities, n.children, strict=True):
                    show(c, indent + "  ", f"{a} [{format_number(p)}] -> ")
                return
            h = self._infosets[n.infoset]
            tag = f" [{h.label}]" if h.label else ""
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
             if n.infoset is not None else None, n.actions, n.probabilities, n.payoffs)
            for n in self._nodes))

    def __eq__(self, other: object) -> bool:
        """Same players, title, structure, information sets, probabilities and payoffs."""
        if not isinstance(other, GameTree):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]


