r"""Solving game trees: reduced normal form, backward induction, subgame-perfect conditions.

The *reduced normal form* of a two-player tree has the players' plans as strategies
(:meth:`~gametheory.core.tree.GameTree.reduced_plans`) and the expected payoffs over
chance of each plan profile as payoffs. A *subgame-perfect equilibrium* (Selten 1965,
1975) induces a Nash equilibrium in every subgame. In a perfect-information tree every
decision node starts a subgame, and by the one-shot deviation principle a pure profile
is subgame perfect iff each mover's action at each node maximises its payoff given the
continuation; *backward induction* (Zermelo 1913; Kuhn 1953) constructs all of them,
branching where a mover is indifferent (a :class:`Tie`). With symbolic payoffs the
same one-shot conditions, as inequalities in the parameters, say where each pure profile
is subgame perfect (:func:`spe_conditions`). Classification of the normal form's Nash
equilibria by credibility is in :mod:`gametheory.solve.tree_credibility`.

Everything here reads the tree through its public traversal API (nodes, information
sets, plans, play-outs); floats are compared with a tolerance relative to the payoff
scale, Fractions exactly (:class:`PayoffOrder`).

References: H. W. Kuhn (1953), Extensive games and the problem of information,
*Contributions to the Theory of Games II*, 193-216. R. Selten (1965), *Z. ges.
Staatswiss.* 121; (1975), *Int. J. Game Theory* 4, 25-55.

Examples
--------
>>> import gametheory as gt
>>> from gametheory.solve.tree import backward_induction
>>> T = gt.GameTree
>>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
...     "x": T.terminal(2, 2), "y": T.terminal(0, 0)})}))
>>> [e.labels for e in backward_induction(t)]
[('R', 'x')]
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy as sp

from .._numbers import format_number
from ..core.game import NormalFormGame
from ..core.parametric import ParametricGame
from ..core.results import EquilibriumList
from ..core.tree import MAX_ENUMERATION, GameTree
from ..core.values import is_symbolic_value, parameter_bounds, parameter_name
from ..errors import GameError, SolverError

__all__ = ["Tie", "SubgamePerfectEquilibrium", "PayoffOrder", "to_normal_form",
           "backward_induction", "spe_conditions", "require_perfect_information"]

#: Relative tolerance of float comparisons (times the payoff scale).
FLOAT_TOL = 1e-9


class PayoffOrder:
    """Compare payoffs of one tree: exactly for Fractions, else as floats within
    ``FLOAT_TOL`` times the largest absolute numeric payoff (at least 1).

    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> order = PayoffOrder(T(T.decision("A", {"x": T.terminal(1.0, 0)}), players=("A", "B")))
    >>> order.ge(1.0, 1.0 + 1e-12), order.best([0.5, 2.0, 1.0])
    (True, 2.0)
    """

    def __init__(self, tree: GameTree) -> None:
        scale = 1.0
        for n in tree.nodes:
            for v in n.payoffs:
                if not is_symbolic_value(v):
                    scale = max(scale, abs(float(v)))
        self.tol = FLOAT_TOL * scale

    def ge(self, a: Any, b: Any) -> bool:
        """``a >= b`` (within the tolerance for floats)."""
        if isinstance(a, Fraction) and isinstance(b, Fraction):
            return a >= b
        return float(a) >= float(b) - self.tol

    def best(self, values: Iterable[Any]) -> Any:
        """A largest value (the first one no later value beats)."""
        it = iter(values)
        top = next(it)
        for v in it:
            if not self.ge(top, v):
                top = v
        return top


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
        Per player, the label of the plan's reduced strategy in :func:`to_normal_form`.
    payoffs : tuple
        Expected payoffs (sympy expressions for :func:`spe_conditions`).
    path : tuple of str
        Moves played from the root until the first chance node or the end.
    outcomes : tuple
        ``(probability, history, payoffs)`` of each terminal reached with positive
        probability.
    ties : tuple of Tie
        Nodes where this equilibrium picked one of several equally good actions.
    condition : sympy Boolean or True
        Where the profile is subgame perfect (from :func:`spe_conditions`).
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

    def table_row(self) -> tuple[tuple[tuple[str, str], Any], ...]:
        """Cells for :class:`~gametheory.EquilibriumList`: plans, path, payoffs, ties.

        >>> import gametheory as gt
        >>> T = gt.GameTree
        >>> t = T(T.decision("A", {"L": T.terminal(1), "R": T.terminal(0)}))
        >>> t.backward_induction()[0].table_row()
        ((('plan', 'A'), 'L'), (('path', ''), 'L'), (('payoff', 'A'), Fraction(1, 1)))
        """
        cells: list[tuple[tuple[str, str], Any]] = [
            (("plan", p), lab) for p, lab in zip(self.players, self.labels, strict=True)]
        cells.append((("path", ""), " > ".join(self.path) or "-"))
        cells += [(("payoff", p), v) for p, v in zip(self.players, self.payoffs, strict=True)]
        if self.ties:
            cells.append((("ties", ""), "; ".join(t.describe() for t in self.ties)))
        return tuple(cells)

    def __repr__(self) -> str:
        return f"SubgamePerfectEquilibrium({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"


# --------------------------------------------------------------------------- normal form
def to_normal_form(tree: GameTree) -> NormalFormGame | ParametricGame:
    """The reduced normal form of a two-player tree: plans as strategies, payoffs expected
    over chance (a :class:`ParametricGame` when the tree is symbolic).

    A pure strategy picks one action per information set; a plan keeps the choices at the
    information sets the player's own choices let play reach. This is well defined without
    perfect recall too (``GameTree(..., perfect_recall="allow")``): an absent-minded player
    repeats its action at every visit of an information set, and a plan keeps the sets
    some node of which is reached. The Nash equilibria of this normal form are then the
    equilibria in *mixed* strategies; behaviour strategies are no longer equivalent to
    them without perfect recall (Kuhn 1953), and an absent-minded player may do better
    with a behaviour strategy than with any pure or mixed one (Piccione and Rubinstein
    1997, On the interpretation of decision problems with imperfect recall, *Games and
    Economic Behavior* 20, 3-24).

    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("Row", {
    ...     "C": T.decision("Col", {"C": T.terminal(3, 3), "D": T.terminal(0, 5)}, "move"),
    ...     "D": T.decision("Col", {"C": T.terminal(5, 0), "D": T.terminal(1, 1)}, "move")}))
    >>> to_normal_form(t).strategies[1]
    ('C if move', 'D if move')
    """
    players = tree.players
    if len(players) != 2:
        raise GameError(f"to_normal_form() needs two players; the tree has "
                        f"{len(players)}: {list(players)}")
    p0, p1 = tree.reduced_plans(0), tree.reduced_plans(1)
    if len(p0) * len(p1) > MAX_ENUMERATION:
        raise SolverError(f"the normal form would have {len(p0)}x{len(p1)} cells; at most "
                          f"{MAX_ENUMERATION} are built")
    A: list[list[Any]] = []
    B: list[list[Any]] = []
    for r in p0:
        ra, rb = [], []
        for c in p1:
            u = tree.expected_payoffs({**dict(r), **dict(c)})
            ra.append(u[0])
            rb.append(u[1])
        A.append(ra)
        B.append(rb)
    strategies = ([tree.plan_label(0, p) for p in p0], [tree.plan_label(1, p) for p in p1])
    if tree.is_symbolic:
        return ParametricGame([[sp.sympify(v) for v in row] for row in A],
                              [[sp.sympify(v) for v in row] for row in B],
                              parameters=list(tree.parameters), players=players,
                              strategies=strategies, title=tree.title)
    return NormalFormGame(A, B, players=players, strategies=strategies, title=tree.title)


# --------------------------------------------------------------------------- backward induction
def require_perfect_information(tree: GameTree, what: str) -> None:
    """Raise :class:`GameError` naming the first information set with several nodes."""
    for h in tree.information_sets():
        if len(h.nodes) > 1:
            raise GameError(f"{what} needs perfect information, but the information set "
                            f"{h.name!r} of {tree.players[h.player]} has {len(h.nodes)} "
                            "nodes; use classify_equilibria() for imperfect information")


def backward_induction(tree: GameTree, **values: Any) -> EquilibriumList:
    """Every pure subgame-perfect equilibrium of a perfect-information tree.

    At each node, children first, the mover picks a payoff-maximising action given the
    continuation (expected over chance); where several tie, each choice gives its own
    equilibrium and the tie is recorded. Symbolic trees are evaluated at ``values``
    (defaults fill the rest). Any number of players.

    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
    ...     "x": T.terminal(2, 0), "y": T.terminal(0, 0)})}))
    >>> [(e.labels, len(e.ties)) for e in backward_induction(t)]
    [(('R', 'x'), 1), (('L', 'y'), 1)]
    """
    tree = tree.numeric(values, "backward_induction()")
    tree.require_perfect_recall("backward_induction()")
    require_perfect_information(tree, "backward_induction()")
    nodes, order, n_players = tree.nodes, PayoffOrder(tree), len(tree.players)
    # a partial solution: (choices {information set: action}, payoff vector, ties)
    Sol = tuple[dict[int, str], tuple[Any, ...], tuple[Tie, ...]]

    def solve(nid: int) -> list[Sol]:
        n = nodes[nid]
        if n.kind == "terminal":
            return [({}, n.payoffs, ())]
        child_sols = [solve(c) for c in n.children]
        total = 1
        for s in child_sols:
            total *= len(s)
        if total > MAX_ENUMERATION:
            raise SolverError(f"more than {MAX_ENUMERATION} subgame-perfect equilibria "
                              f"below {tree.node_name(nid)!r}; too many ties to enumerate")
        out: list[Sol] = []
        for combo in itertools.product(*child_sols):
            choices: dict[int, str] = {}
            ties: tuple[Tie, ...] = ()
            for ch, _, t in combo:
                choices.update(ch)
                ties += t
            if n.kind == "chance":
                pay: list[Any] = [0] * n_players
                for p, (_, v, _) in zip(n.probabilities, combo, strict=True):
                    pay = [x + p * y for x, y in zip(pay, v, strict=True)]
                out.append((choices, tuple(pay), ties))
                continue
            i = n.player
            vals = [v[i] for _, v, _ in combo]
            best = order.best(vals)
            tied = [k for k, v in enumerate(vals) if order.ge(v, best)]
            tie = (Tie(tree.node_name(nid), tree.players[i],
                       tuple(n.actions[k] for k in tied), best),) if len(tied) > 1 else ()
            for k in tied:
                out.append(({**choices, n.infoset: n.actions[k]}, combo[k][1], ties + tie))
        return out

    return EquilibriumList(_spe(tree, choices, pay, ties) for choices, pay, ties in solve(0))


def _spe(tree: GameTree, profile: Mapping[int, str], payoffs: tuple[Any, ...],
         ties: tuple[Tie, ...], condition: Any = True) -> SubgamePerfectEquilibrium:
    """The equilibrium value of a pure profile ``{information set: action}``."""
    infosets = tree.information_sets()
    plans = []
    labels = []
    for i in range(len(tree.players)):
        full = {h: a for h, a in profile.items() if infosets[h].player == i}
        plans.append(tuple((infosets[h].name, a) for h, a in sorted(full.items())))
        labels.append(tree.plan_label(i, tree.reduce(i, full)))
    return SubgamePerfectEquilibrium(tree.players, tuple(plans), tuple(labels),
                                     tuple(payoffs), tree.path(profile), tree.outcomes(profile),
                                     tuple(ties), condition)


def spe_conditions(tree: GameTree, simplify: bool = False) -> list[SubgamePerfectEquilibrium]:
    """Each pure profile of a perfect-information tree, with where it is subgame perfect.

    The condition is the conjunction, over all decision nodes, of "the prescribed action
    is at least as good for the mover as each alternative, given the continuation" (the
    one-shot deviation principle), as sympy inequalities in the parameters, each written
    with positive terms on the left. Profiles whose condition is identically false are
    dropped. Common factors that are positive by the declared bounds (a parameter with a
    positive lower bound) are divided out. ``simplify=True`` also runs ``sympy.simplify``
    on each condition (slow with many parameters).

    >>> import gametheory as gt, sympy as sp
    >>> c = sp.Symbol("c")
    >>> T = gt.GameTree
    >>> t = T(T.decision("Entrant", {"Out": T.terminal(0, 2), "In": T.decision(
    ...     "Incumbent", {"Fight": T.terminal(-1, -c), "Accommodate": T.terminal(1, 1)})}))
    >>> [str(e.condition) for e in spe_conditions(t)]
    ['c <= -1', 'c >= -1']
    """
    tree.require_perfect_recall("spe_conditions()")
    require_perfect_information(tree, "spe_conditions()")
    nodes = tree.nodes
    dec = [n for n in nodes if n.kind == "decision"]
    count = 1
    for n in dec:
        count *= len(n.actions)
    if count > MAX_ENUMERATION:
        raise SolverError(f"{count} pure profiles; at most {MAX_ENUMERATION} are enumerated")
    symbols = tree.symbols
    positive = {}
    for p in tree.parameters:
        lower = parameter_bounds(p)[0]
        if lower is not None and lower > 0:
            sym = symbols[parameter_name(p)]
            positive[sym] = sp.Dummy(sym.name, positive=True)
    out = []
    for choice in itertools.product(*(n.actions for n in dec)):
        choices = {n.infoset: a for n, a in zip(dec, choice, strict=True)}
        values: dict[int, tuple[Any, ...]] = {}
        conds: list[Any] = []
        for n in reversed(nodes):  # children before parents
            if n.kind == "terminal":
                values[n.id] = n.payoffs
            elif n.kind == "chance":
                pay: list[Any] = [0] * len(tree.players)
                for p, c in zip(n.probabilities, n.children, strict=True):
                    pay = [x + p * y for x, y in zip(pay, values[c], strict=True)]
                values[n.id] = tuple(pay)
            else:
                k = n.actions.index(choices[n.infoset])
                mine = values[n.children[k]][n.player]
                for j, c in enumerate(n.children):
                    if j != k:
                        conds.append(_ge_condition(mine, values[c][n.player], positive))
                values[n.id] = values[n.children[k]]
        cond = sp.And(*conds) if conds else sp.true
        if simplify and cond not in (sp.true, sp.false):
            cond = _simplify_condition(cond)
        pay = tuple(sp.simplify(v) if isinstance(v, sp.Basic) else v for v in values[0])
        if tree.is_symbolic:
            pay = tuple(sp.sympify(v) for v in pay)
        out.append(_spe(tree, choices, pay, (), cond))
    return [e for e in out if not _is_false(e.condition)]


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

