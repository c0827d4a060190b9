r"""Credibility: which Nash equilibria of a tree's normal form are subgame perfect.

A Nash equilibrium of the reduced normal form that is not subgame perfect rests on a
*non-credible threat*: behaviour at a node off the equilibrium path that the mover would
not carry out if the node were reached, as in Selten's (1978) chain-store stage game.
To decide, the equilibrium's mixed plans are turned into Kuhn's (1953)
realisation-equivalent behaviour strategy: at an information set :math:`h` reached with
positive probability :math:`\rho(h)` by the player's own plan, action :math:`a` is played
with probability :math:`\sum_{s : s(h) = a} x_s / \rho(h)`. Where :math:`\rho(h) = 0` the
behaviour is left open and is completed over pure actions. A completion is subgame
perfect when no player gains by deviating in any subgame (by best-response values); with
perfect information the one-shot deviation principle reduces this to a best reply at
every node, and only completions optimal at the open nodes are searched.

References: H. W. Kuhn (1953), *Contributions to the Theory of Games II*, 193-216.
R. Selten (1978), The chain store paradox, *Theory and Decision* 9, 127-159.

Examples
--------
>>> import gametheory as gt
>>> from gametheory.solve.tree_credibility import classify_equilibria
>>> T = gt.GameTree
>>> t = T(T.decision("E", {"Out": T.terminal(1, 5), "In": T.decision("I", {
...     "Fight": T.terminal(0, 0), "Accommodate": T.terminal(2, 2)}, "entered")}))
>>> [(c.equilibrium.pure_labels(), c.subgame_perfect) for c in classify_equilibria(t, pure=True)]
[(('Out', 'Fight if entered'), False), (('In', 'Accommodate if entered'), True)]
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .._numbers import format_number
from ..core.game import Equilibrium, NormalFormGame
from ..core.results import EquilibriumList
from ..core.tree import MAX_ENUMERATION, GameTree
from ..errors import GameError, SolverError
from .tree import PayoffOrder, to_normal_form

__all__ = ["NonCredibleThreat", "ClassifiedEquilibrium", "classify_equilibria", "classify"]

#: Behaviour: ``{information set index: probability of each of its actions}``.
Behaviour = dict[int, tuple[Any, ...]]


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

    def table_row(self) -> tuple[tuple[tuple[str, str], Any], ...]:
        """The equilibrium's cells, then ``subgame perfect`` and the threats."""
        threats = "; ".join(t.describe() for t in self.threats)
        return (*self.equilibrium.table_row(), (("subgame perfect", ""), self.subgame_perfect),
                (("threats", ""), threats))

    def __repr__(self) -> str:
        return f"ClassifiedEquilibrium({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"


# --------------------------------------------------------------------------- classification
def classify_equilibria(tree: GameTree, method: str = "exact", pure: bool = False,
                        **values: Any) -> list[ClassifiedEquilibrium]:
    """Each extreme Nash equilibrium of the reduced normal form, labelled by credibility.

    An equilibrium is *subgame perfect* when its behaviour (Kuhn's realisation-equivalent
    behaviour strategy, completed at information sets its own plan excludes) is a Nash
    equilibrium of every subgame; otherwise it rests on a non-credible threat, and the
    subgames where a player would deviate are reported. Completions are searched over
    pure actions, so the verdict is exact whenever no completion needs mixing (always
    when the excluded nodes have no ties). ``method`` chooses the normal-form solver;
    ``pure=True`` classifies only the pure equilibria.

    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
    ...     "x": T.terminal(2, 2), "y": T.terminal(0, 0)}, "right")}))
    >>> sorted(c.subgame_perfect for c in classify_equilibria(t))
    [False, False, True]
    """
    tree = tree.numeric(values, "classify_equilibria()")
    tree.require_perfect_recall("classify_equilibria() (credibility of threats)")
    game = _normal_form(tree)
    eqs = game.pure_equilibria() if pure else game.equilibria(method=method)
    checker = _Checker(tree)
    return EquilibriumList(checker.classify(eq) for eq in eqs)


def classify(tree: GameTree, equilibrium: Equilibrium, *, one_shot: bool | None = None,
             **values: Any) -> ClassifiedEquilibrium:
    """Classify one Nash equilibrium of the tree's reduced normal form.

    ``one_shot`` forces the perfect-information check (a best reply at every node,
    ``True``) or the general one (no gain from deviating in any subgame, ``False``);
    by default the tree's kind decides.

    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("A", {"L": T.terminal(1, 1), "R": T.decision("B", {
    ...     "x": T.terminal(2, 2), "y": T.terminal(0, 0)}, "right")}))
    >>> g = t.to_normal_form()
    >>> classify(t, gt.Equilibrium.from_game(g, (1, 0), (0, 1)), one_shot=False).threats
    (NonCredibleThreat(at 'right', B's y is not credible: x gains 2),)
    """
    tree = tree.numeric(values, "classify()")
    tree.require_perfect_recall("classify() (credibility of threats)")
    game = _normal_form(tree)
    if not game.is_equilibrium((equilibrium.row, equilibrium.col)):
        raise GameError("the profile is not a Nash equilibrium of the tree's normal form")
    return _Checker(tree).classify(equilibrium, one_shot)


def _normal_form(tree: GameTree) -> NormalFormGame:
    """The reduced normal form of a numeric tree."""
    game = to_normal_form(tree)
    if not isinstance(game, NormalFormGame):
        raise GameError("classifying equilibria needs numbers; evaluate the tree first")
    return game


class _Checker:
    """The credibility checks of one numeric tree."""

    def __init__(self, tree: GameTree) -> None:
        self.tree = tree
        self.nodes = tree.nodes
        self.infosets = tree.information_sets()
        self.players = tree.players
        self.order = PayoffOrder(tree)

    def _behaviour(self, eq: Equilibrium) -> tuple[Behaviour, list[int]]:
        """Kuhn's behaviour of each information set its own plan reaches; the others."""
        beh: Behaviour = {}
        undefined: list[int] = []
        for i, mix in enumerate((eq.row, eq.col)):
            plans = self.tree.reduced_plans(i)
            for h in self.tree.information_sets(i):
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

    def classify(self, eq: Equilibrium, one_shot: bool | None = None
                 ) -> ClassifiedEquilibrium:
        beh, undefined = self._behaviour(eq)
        perfect = self.tree.is_perfect_information if one_shot is None else one_shot
        completions = self._completions_pi(beh, undefined) if perfect \
            else self._completions_all(beh, undefined)
        roots = [] if perfect else self.tree.subgame_roots()
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
        return tuple(Fraction(int(b == a)) for b in self.infosets[h].actions)

    def _completions_all(self, beh: Behaviour, undefined: list[int]
                         ) -> Iterator[Behaviour]:
        """Every pure completion of the behaviour at ``undefined`` information sets."""
        for choice in itertools.product(*(self.infosets[h].actions for h in undefined)):
            full = dict(beh)
            for h, a in zip(undefined, choice, strict=True):
                full[h] = self._pure(h, a)
            yield full

    def _completions_pi(self, beh: Behaviour, undefined: list[int]
                        ) -> Iterator[Behaviour]:
        """Perfect information: completions that are optimal at each undefined node given
        the continuation (deepest first), branching only where the mover ties. A
        completion that is not optimal at an undefined node is never subgame perfect."""
        order = sorted(undefined, key=lambda h: -self.infosets[h].nodes[0])

        def extend(k: int, full: Behaviour
                   ) -> Iterator[Behaviour]:
            if k == len(order):
                yield full
                return
            h = order[k]
            n = self.nodes[self.infosets[h].nodes[0]]
            q = [self._values(full, c)[n.player] for c in n.children]
            top = self.order.best(q)
            for a, v in zip(n.actions, q, strict=True):
                if self.order.ge(v, top):
                    yield from extend(k + 1, {**full, h: self._pure(h, a)})

        return extend(0, dict(beh))

    def _one_shot_violations(self, beh: Behaviour
                             ) -> tuple[NonCredibleThreat, ...]:
        """Perfect information: nodes where the mover's behaviour is not a best reply to
        the continuation (the one-shot deviation principle; equivalent to a Nash
        equilibrium in every subgame)."""
        nodes = self.nodes
        values: Behaviour = {}
        out = []
        for n in reversed(nodes):  # children before parents
            if n.kind == "terminal":
                values[n.id] = n.payoffs
                continue
            probs = n.probabilities if n.kind == "chance" else beh[n.infoset]
            total: list[Any] = [0] * len(self.players)
            for p, c in zip(probs, n.children, strict=True):
                if p != 0:
                    total = [t + p * x for t, x in zip(total, values[c], strict=True)]
            values[n.id] = tuple(total)
            if n.kind != "decision":
                continue
            i = n.player
            q = [values[c][i] for c in n.children]
            top = self.order.best(q)
            if self.order.ge(values[n.id][i], top):
                continue
            prescribed = {a: p for a, p in zip(n.actions, probs, strict=True) if p != 0}
            better = tuple(a for a, v in zip(n.actions, q, strict=True) if self.order.ge(v, top))
            out.append(NonCredibleThreat(self.tree.node_name(n.id), self.players[i],
                                         top - values[n.id][i], prescribed, better))
        return tuple(reversed(out))

    def _values(self, beh: Behaviour, root: int,
                override: tuple[int, dict[int, str]] | None = None) -> tuple[Any, ...]:
        """Expected payoffs from ``root`` under behaviour; ``override`` fixes one player's
        actions at some information sets."""
        nodes = self.nodes

        def val(nid: int) -> tuple[Any, ...]:
            n = nodes[nid]
            if n.kind == "terminal":
                return n.payoffs
            if n.kind == "chance":
                probs = n.probabilities
            elif override is not None and n.player == override[0] \
                    and n.infoset in override[1]:
                a = override[1][n.infoset]
                probs = tuple(Fraction(int(b == a)) for b in n.actions)
            else:
                probs = beh[n.infoset]
            total: list[Any] = [0] * len(self.players)
            for p, c in zip(probs, n.children, strict=True):
                if p == 0:
                    continue
                v = val(c)
                total = [t + p * x for t, x in zip(total, v, strict=True)]
            return tuple(total)

        return val(root)

    def _reach(self, beh: Behaviour, root: int, nid: int, i: int) -> Any:
        """Probability that others and chance lead from ``root`` to ``nid``."""
        nodes = self.nodes
        w: Any = Fraction(1)
        child = nid
        while child != root:
            pr = nodes[nodes[child].parent]
            k = pr.children.index(child)
            if pr.kind == "chance":
                w *= pr.probabilities[k]
            elif pr.player != i:
                w *= beh[pr.infoset][k]
            child = pr.id
        return w

    def _best_response_value(self, beh: Behaviour, root: int, i: int) -> Any:
        """Player i's best payoff in the subgame at ``root`` against the others' behaviour."""
        n0 = self.nodes[root]
        mine = [h for h in self.tree.information_sets(i) if n0.id <= h.nodes[0] < n0.end]
        mine.sort(key=lambda h: -len(h.own_history))
        choice: dict[int, str] = {}
        for h in mine:
            weights = [(nid, self._reach(beh, root, nid, i)) for nid in h.nodes]
            best_a, best_q = None, None
            for k, a in enumerate(h.actions):
                q: Any = 0
                for nid, w in weights:
                    if w:
                        q += w * self._values(beh, self.nodes[nid].children[k],
                                              (i, choice))[i]
                if best_q is None or not self.order.ge(best_q, q):
                    best_a, best_q = a, q
            choice[h.index] = best_a  # type: ignore[assignment]
        return self._values(beh, root, (i, choice))[i]

    def _violations(self, beh: Behaviour, roots: list[int]
                    ) -> tuple[NonCredibleThreat, ...]:
        out = []
        for r in roots:
            here = self._values(beh, r)
            for i in range(len(self.players)):
                br = self._best_response_value(beh, r, i)
                if self.order.ge(here[i], br):
                    continue
                n = self.nodes[r]
                prescribed: dict[str, Any] = {}
                better: tuple[str, ...] = ()
                if n.kind == "decision" and n.player == i:
                    prescribed = {a: p for a, p in zip(n.actions, beh[n.infoset], strict=True)
                                  if p != 0}
                    q = [self._values(beh, c)[i] for c in n.children]
                    top = self.order.best(q)
                    better = tuple(a for a, v in zip(n.actions, q, strict=True)
                                   if self.order.ge(v, top))
                out.append(NonCredibleThreat(self.tree.node_name(r), self.players[i], br - here[i],
                                             prescribed, better))
        return tuple(out)
