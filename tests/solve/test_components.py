"""Maximal Nash subsets and components of the equilibrium set."""

from __future__ import annotations

import random
from fractions import Fraction
from itertools import combinations, product

import pytest
from reference_games import REFERENCE_GAMES, by_name

import gametheory as gt
from gametheory.solve.components import maximal_bicliques

F = Fraction


@pytest.mark.parametrize("ref", REFERENCE_GAMES, ids=lambda r: r.name)
def test_component_sizes_of_reference_games(ref):
    comps = gt.NormalFormGame(ref.A, ref.B).equilibrium_components()
    assert [len(c.equilibria) for c in comps] == ref.components
    # the components partition the extreme equilibria, in solver order
    flat = [(e.row, e.col) for c in comps for e in c.equilibria]
    assert sorted(flat, key=lambda e: (tuple(-v for v in e[0]), tuple(-v for v in e[1]))) \
        == ref.expected()


def test_outside_option_component():
    # [KM86]: Out against any y with y_L <= 2/3 -- one segment
    ref = by_name("outside option battle of the sexes")
    g = gt.NormalFormGame(ref.A, ref.B, strategies=(("Out", "InT", "InB"), ("L", "R")))
    cont, iso = g.equilibrium_components()
    assert cont.nash_subsets == [([(1, 0, 0)], [(F(2, 3), F(1, 3)), (0, 1)])]
    assert not cont.is_isolated and iso.is_isolated
    assert cont.describe().splitlines()[1].strip() == "Row: Out; Column: from 2/3 L + 1/3 R to R"
    assert iso.describe() == "An isolated equilibrium: " + iso.equilibria[0].describe()


def test_two_subsets_sharing_a_vertex():
    """Row indifferent; column indifferent against R1, prefers C1 against R2: the set is
    ({R1} x Delta) union (Delta x {C1}), two segments meeting at (R1, C1)."""
    g = gt.NormalFormGame([[0, 0], [0, 0]], [[1, 1], [1, 0]])
    [c] = g.equilibrium_components()
    assert len(c.equilibria) == 3
    assert sorted(c.nash_subsets) == sorted([([(1, 0)], [(1, 0), (0, 1)]),
                                             ([(1, 0), (0, 1)], [(1, 0)])])
    assert c.row_strategies == [(1, 0), (0, 1)]
    assert "2 maximal Nash subsets" in c.describe()


def test_all_zero_game_is_one_subset():
    g = gt.NormalFormGame([[0] * 3] * 2, [[0] * 3] * 2)
    [c] = g.equilibrium_components()
    [(xs, ys)] = c.nash_subsets
    assert len(xs) == 2 and len(ys) == 3
    assert "any mixture of" in c.describe()


def _check_subsets(g, comps):
    eqset = {(e.row, e.col) for e in g.equilibria()}
    for c in comps:
        covered = set()
        for xs, ys in c.nash_subsets:
            # every vertex pair is an extreme equilibrium, and so is every midpoint
            for x, y in product(xs, ys):
                assert (x, y) in eqset
                covered.add((x, y))
            mid_x = tuple(sum(v) / len(xs) for v in zip(*xs, strict=True))
            mid_y = tuple(sum(v) / len(ys) for v in zip(*ys, strict=True))
            assert g.is_equilibrium((mid_x, mid_y))
            # maximal: no other extreme strategy of the component extends it
            for x in c.row_strategies:
                if x not in xs:
                    assert not all((x, y) in eqset for y in ys)
            for y in c.col_strategies:
                if y not in ys:
                    assert not all((x, y) in eqset for x in xs)
        assert covered == {(e.row, e.col) for e in c.equilibria}
    # different components share no extreme strategy of either player (a shared one would
    # join them through the segment between its two partners)
    for a, b in combinations(comps, 2):
        assert not set(a.row_strategies) & set(b.row_strategies)
        assert not set(a.col_strategies) & set(b.col_strategies)


def test_random_degenerate_games():
    rng = random.Random(8)
    for _ in range(40):
        m, n = rng.randint(1, 4), rng.randint(1, 4)
        A = [[rng.randint(0, 1) for _ in range(n)] for _ in range(m)]
        B = [[rng.randint(0, 1) for _ in range(n)] for _ in range(m)]
        g = gt.NormalFormGame(A, B)
        _check_subsets(g, g.equilibrium_components())


def test_sequential_game_components():
    """Leader Probe/Refrain, defender plans Tolerate/Intercept after a high and a low probe."""
    # rows: Refrain, Low, High; columns: TT, TI, IT, II (answer to Low, answer to High)
    A = [[0, 0, 0, 0], [1, 1, -1, -1], [3, -2, 3, -2]]
    B = [[0, 0, 0, 0], [-1, -1, -2, -2], [-3, -4, -3, -4]]
    g = gt.NormalFormGame(A, B)
    comps = g.equilibrium_components()
    _check_subsets(g, comps)
    assert sum(len(c.equilibria) for c in comps) == len(g.equilibria())


def test_maximal_bicliques_against_brute_force():
    rng = random.Random(0)
    for _ in range(300):
        L, R, p = rng.randint(1, 6), rng.randint(1, 6), rng.random()
        adj = [frozenset(j for j in range(R) if rng.random() < p) for _ in range(L)]
        got = maximal_bicliques(adj)
        assert len(got) == len(set(got))
        ref = set()
        for k in range(1, L + 1):
            for S in combinations(range(L), k):
                common = frozenset.intersection(*(adj[u] for u in S))
                if common:
                    ref.add((frozenset(u for u in range(L) if common <= adj[u]), common))
        assert set(got) == ref


def test_value_semantics():
    g = gt.NormalFormGame([[0, 0], [0, 0]], [[1, 1], [1, 0]])
    a, b = g.equilibrium_components(), g.equilibrium_components()
    assert a == b and hash(a[0]) == hash(b[0])
    assert "EquilibriumComponent(3 extreme equilibria, 2 maximal Nash subsets)" == repr(a[0])
    assert a[0]._repr_html_().startswith("<pre>")
    with pytest.raises(AttributeError):
        a[0].equilibria = []
    assert isinstance(a[0], gt.EquilibriumComponent)


def test_float_game_components():
    g = gt.NormalFormGame([[0.0, 0.0], [0.0, 0.0]], [[1.0, 1.0], [1.0, 0.0]])
    [c] = g.equilibrium_components()
    assert all(isinstance(v, float) for e in c.equilibria for v in e.row)
