r"""Maximal Nash subsets and connected components of a bimatrix game's equilibrium set.

Mathematics
-----------
Let :math:`E` be the finite set of extreme equilibria :math:`(x, y)` of a bimatrix game
(:mod:`gametheory.solve.exact`). Form the bipartite graph whose left nodes are the
distinct extreme row strategies :math:`x`, whose right nodes are the distinct extreme
column strategies :math:`y`, and whose edges are the pairs in :math:`E`. If
:math:`X' \times Y'` is a complete bipartite subgraph (a *biclique*: every pair is in
:math:`E`), every profile in :math:`\mathrm{conv}(X') \times \mathrm{conv}(Y')` is an
equilibrium, because each point of the best-response polytopes carries the labels common
to the vertices it is a convex combination of. Such a product is a *Nash subset*; the
maximal bicliques give the *maximal Nash subsets*, and the equilibrium set is their
(finite) union (Winkels 1979; Jansen 1981; Avis, Rosenberg, Savani and von Stengel 2010,
"Enumeration of Nash equilibria for two-player games", *Economic Theory* 42, Sec. 6).

Two maximal Nash subsets intersect exactly when they share an extreme equilibrium (their
intersection is again a product of faces of the best-response polytopes, whose vertices
are extreme equilibria), so the *connected components* of the equilibrium set are the
unions of maximal Nash subsets linked by shared extreme equilibria, i.e. the connected
components of the bipartite graph above. A component with one extreme equilibrium is an
isolated equilibrium; any other is a continuum, which :meth:`EquilibriumComponent.describe`
spells out as "from here to here".

Algorithm
---------
1. Take the extreme equilibria, solved exactly (the solve facade,
   :func:`gametheory.solve.equilibrium_components`, does this); number the distinct
   :math:`x` and :math:`y` in the order they first appear in the sorted list.
2. Enumerate the maximal bicliques by a Bron-Kerbosch-style backtracking search over the
   left nodes (candidate set, excluded set, and the common neighbourhood of the current
   left set; Bron and Kerbosch 1973, adapted to bipartite graphs as in Avis et al. 2010
   Sec. 6 and Zhang et al. 2014, "On finding bicliques in bipartite graphs", BMC
   Bioinformatics 15:110): a branch reports a biclique only if no excluded node could
   extend it, so every maximal biclique is reported once.
3. Group the bicliques by the connected components of the graph (union-find on the
   equilibria's endpoints).

Order: components by their first extreme equilibrium in the solver's order; within a
component, equilibria in that order and Nash subsets by their smallest row strategy
index, then column index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .._numbers import format_number

__all__ = ["EquilibriumComponent", "components_from_equilibria", "maximal_bicliques"]

Strategy = tuple[Any, ...]


class EquilibriumLike(Protocol):
    """What a component needs of an equilibrium (:class:`gametheory.Equilibrium` has it)."""

    @property
    def row(self) -> Strategy: ...

    @property
    def col(self) -> Strategy: ...

    def describe(self) -> str: ...


def maximal_bicliques(adjacency: Sequence[frozenset[int]]) -> list[tuple[frozenset[int],
                                                                       frozenset[int]]]:
    """Every maximal biclique ``(L, R)`` (both nonempty) of a bipartite graph, once each.

    ``adjacency[u]`` is the set of right nodes joined to left node ``u``. Left nodes with
    no neighbours are ignored. Order: as found by the backtracking search.

    >>> sorted((sorted(a), sorted(b)) for a, b in
    ...        maximal_bicliques([frozenset({0, 1}), frozenset({1, 2})]))
    [([0], [0, 1]), ([0, 1], [1]), ([1], [1, 2])]
    """
    out: list[tuple[frozenset[int], frozenset[int]]] = []
    right_all = frozenset().union(*adjacency) if adjacency else frozenset()
    cands = [u for u in range(len(adjacency)) if adjacency[u]]
    _extend(adjacency, frozenset(), right_all, cands, [], out)
    return out


def _extend(adj: Sequence[frozenset[int]], left: frozenset[int], right: frozenset[int],
            cands: list[int], excluded: list[int],
            out: list[tuple[frozenset[int], frozenset[int]]]) -> None:
    cands = list(cands)
    excluded = list(excluded)
    while cands:
        u = cands.pop(0)
        new_right = right & adj[u]
        new_left = set(left)
        new_left.add(u)
        maximal = True
        new_excluded = []
        for v in excluded:
            common = adj[v] & new_right
            if common == new_right:
                maximal = False
                break
            if common:
                new_excluded.append(v)
        if maximal:
            new_cands = []
            for v in cands:
                common = adj[v] & new_right
                if common == new_right:
                    new_left.add(v)
                elif common:
                    new_cands.append(v)
            out.append((frozenset(new_left), new_right))
            if new_cands:
                _extend(adj, frozenset(new_left), new_right, new_cands, new_excluded, out)
        excluded.append(u)


def _mix_text(probs: Sequence, labels: Sequence[str]) -> str:
    return " + ".join(labels[k] if p == 1 else f"{format_number(p)} {labels[k]}"
                      for k, p in enumerate(probs) if p > 0)


def _hull_text(points: Sequence[Strategy], labels: Sequence[str]) -> str:
    texts = [_mix_text(p, labels) for p in points]
    if len(texts) == 1:
        return texts[0]
    if len(texts) == 2:
        return f"from {texts[0]} to {texts[1]}"
    return "any mixture of " + "; ".join(texts)


@dataclass(frozen=True, eq=True)
class EquilibriumComponent:
    """A connected component of the equilibrium set.

    Attributes
    ----------
    equilibria : list of Equilibrium
        Its extreme equilibria, in the solver's order.
    nash_subsets : list of (list, list)
        Its maximal Nash subsets: each is a pair (extreme row strategies, extreme column
        strategies) whose convex hulls' product consists of equilibria.
    players, strategies :
        Labels used by :meth:`describe`; not part of equality.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.NormalFormGame([[1, 1], [0, 0]], [[2, 2], [0, 1]],
    ...                       strategies=(("Probe", "Refrain"), ("Tolerate", "Intercept")))
    >>> [c] = g.equilibrium_components()
    >>> print(c.describe())
    A continuum (2 extreme equilibria, 1 maximal Nash subset):
      Row: Probe; Column: from Tolerate to Intercept
    """

    equilibria: list[EquilibriumLike]
    nash_subsets: list[tuple[list[Strategy], list[Strategy]]]
    players: tuple[str, str] = ("Row", "Column")
    strategies: tuple[tuple[str, ...], tuple[str, ...]] | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EquilibriumComponent):
            return NotImplemented
        return (self.equilibria, self.nash_subsets) == (other.equilibria, other.nash_subsets)

    def __hash__(self) -> int:
        return hash((tuple(self.equilibria),
                     tuple((tuple(a), tuple(b)) for a, b in self.nash_subsets)))

    @property
    def is_isolated(self) -> bool:
        """True for a single equilibrium (the component is a point)."""
        return len(self.equilibria) == 1

    @property
    def row_strategies(self) -> list[Strategy]:
        """The distinct extreme row strategies of the component, in order."""
        return list(dict.fromkeys(e.row for e in self.equilibria))

    @property
    def col_strategies(self) -> list[Strategy]:
        """The distinct extreme column strategies of the component, in order."""
        return list(dict.fromkeys(e.col for e in self.equilibria))

    def _labels(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if self.strategies is not None:
            return self.strategies
        e = self.equilibria[0]
        return (tuple(f"R{k + 1}" for k in range(len(e.row))),
                tuple(f"C{k + 1}" for k in range(len(e.col))))

    def describe(self) -> str:
        """A readable account: the isolated equilibrium, or each Nash subset as a range."""
        if self.is_isolated:
            return f"An isolated equilibrium: {self.equilibria[0].describe()}"
        labs = self._labels()
        k, s = len(self.equilibria), len(self.nash_subsets)
        lines = [f"A continuum ({k} extreme equilibria, {s} maximal Nash "
                 f"subset{'s' if s != 1 else ''}):"]
        for xs, ys in self.nash_subsets:
            lines.append(f"  {self.players[0]}: {_hull_text(xs, labs[0])}; "
                         f"{self.players[1]}: {_hull_text(ys, labs[1])}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        if self.is_isolated:
            return f"EquilibriumComponent(isolated: {self.equilibria[0].describe()})"
        return (f"EquilibriumComponent({len(self.equilibria)} extreme equilibria, "
                f"{len(self.nash_subsets)} maximal Nash subsets)")

    def _repr_html_(self) -> str:
        import html

        return "<pre>" + html.escape(self.describe()) + "</pre>"


def components_from_equilibria(equilibria: Sequence[EquilibriumLike],
                               players: tuple[str, str] = ("Row", "Column"),
                               strategies: tuple[tuple[str, ...], tuple[str, ...]] | None
                               = None) -> list[EquilibriumComponent]:
    """Group a complete list of extreme equilibria into components (see module docstring).

    ``equilibria`` must be every extreme equilibrium, in the solver's order; ``players``
    and ``strategies`` label the descriptions.
    """
    xs: dict[Strategy, int] = {}
    ys: dict[Strategy, int] = {}
    for e in equilibria:
        xs.setdefault(e.row, len(xs))
        ys.setdefault(e.col, len(ys))
    x_list, y_list = list(xs), list(ys)
    adj_sets: list[set[int]] = [set() for _ in x_list]
    by_pair = {}
    for e in equilibria:
        adj_sets[xs[e.row]].add(ys[e.col])
        by_pair[(xs[e.row], ys[e.col])] = e
    adj = [frozenset(s) for s in adj_sets]
    # union-find over left nodes 0..X-1 and right nodes X..X+Y-1
    parent = list(range(len(x_list) + len(y_list)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, j in by_pair:
        ra, rb = find(i), find(len(x_list) + j)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[EquilibriumLike]] = {}
    for e in equilibria:
        groups.setdefault(find(xs[e.row]), []).append(e)
    subsets: dict[int, list[tuple[list[int], list[int]]]] = {}
    for left, right in maximal_bicliques(adj):
        lo, ro = sorted(left), sorted(right)
        subsets.setdefault(find(lo[0]), []).append((lo, ro))
    out = []
    for root, eqs in groups.items():
        subs = sorted(subsets.get(root, []))
        out.append(EquilibriumComponent(
            list(eqs), [([x_list[i] for i in lo], [y_list[j] for j in ro]) for lo, ro in subs],
            players, strategies))
    return out
