"""Invariances of the equilibrium set (hypothesis).

Best replies, hence equilibria, are unchanged when a constant is added to one player's
payoffs or they are multiplied by a positive number; relabelling strategies permutes the
equilibria; exchanging the roles of the players swaps the two strategies of each
equilibrium. Every returned profile has zero regret, exactly.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt

SETTINGS = settings(max_examples=60, deadline=None)
payoff = st.integers(-3, 3)            # a small range: many ties, many degenerate games


@st.composite
def games(draw, max_size: int = 4):
    m = draw(st.integers(1, max_size))
    n = draw(st.integers(1, max_size))
    A = draw(st.lists(st.lists(payoff, min_size=n, max_size=n), min_size=m, max_size=m))
    B = draw(st.lists(st.lists(payoff, min_size=n, max_size=n), min_size=m, max_size=m))
    return gt.NormalFormGame(A, B)


def profile_set(game):
    return {(e.row, e.col) for e in game.equilibria()}


@SETTINGS
@given(games(), st.fractions(-10, 10), st.booleans())
def test_adding_a_constant(g, c, to_row):
    A, B = g.A.tolist(), g.B.tolist()
    if to_row:
        h = gt.NormalFormGame([[v + c for v in r] for r in A], B)
    else:
        h = gt.NormalFormGame(A, [[v + c for v in r] for r in B])
    assert [(e.row, e.col) for e in h.equilibria()] == [(e.row, e.col) for e in g.equilibria()]
    for e, f in zip(g.equilibria(), h.equilibria(), strict=True):
        assert f.payoffs == ((e.payoffs[0] + c, e.payoffs[1]) if to_row
                             else (e.payoffs[0], e.payoffs[1] + c))


@SETTINGS
@given(games(), st.fractions(Fraction(1, 100), 100), st.booleans())
def test_scaling_by_a_positive_number(g, s, to_row):
    A, B = g.A.tolist(), g.B.tolist()
    if to_row:
        h = gt.NormalFormGame([[v * s for v in r] for r in A], B)
    else:
        h = gt.NormalFormGame(A, [[v * s for v in r] for r in B])
    assert [(e.row, e.col) for e in h.equilibria()] == [(e.row, e.col) for e in g.equilibria()]


@SETTINGS
@given(games(), st.data())
def test_permuting_strategies(g, data):
    m, n = g.shape
    ro = data.draw(st.permutations(range(m)))
    co = data.draw(st.permutations(range(n)))
    h = g.permute(ro, co)
    # new row k is old row ro[k]: new x_k = old x_{ro[k]}
    expected = {(tuple(x[i] for i in ro), tuple(y[j] for j in co)) for x, y in profile_set(g)}
    assert profile_set(h) == expected
    assert len(h.equilibria()) == len(g.equilibria())


@SETTINGS
@given(games())
def test_swapping_players(g):
    assert profile_set(g.swap_players()) == {(y, x) for x, y in profile_set(g)}
    assert g.swap_players().is_degenerate() == g.is_degenerate()


@SETTINGS
@given(games())
def test_zero_regret_and_no_duplicates(g):
    eqs = g.equilibria()
    assert eqs, "every finite game has an equilibrium"
    assert len({(e.row, e.col) for e in eqs}) == len(eqs)
    for e in eqs:
        assert g.regret(e) == (0, 0)
        assert sum(e.row) == 1 and sum(e.col) == 1
        assert e.payoffs == g.expected_payoffs(e)


@SETTINGS
@given(games(max_size=3))
def test_agrees_with_brute_force(g):
    assert g.equilibria() == g.equilibria(method="reference")


@SETTINGS
@given(games(), st.data())
def test_components_follow_permutations(g, data):
    m, n = g.shape
    ro = data.draw(st.permutations(range(m)))
    co = data.draw(st.permutations(range(n)))
    sizes = sorted(len(c.equilibria) for c in g.equilibrium_components())
    assert sorted(len(c.equilibria) for c in g.permute(ro, co).equilibrium_components()) == sizes


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=8, max_size=8))
def test_float_games_have_verified_float_equilibria(vals):
    g = gt.NormalFormGame([vals[0:2], vals[2:4]], [vals[4:6], vals[6:8]])
    exact = gt.NormalFormGame([[Fraction(v) for v in vals[0:2]], [Fraction(v) for v in vals[2:4]]],
                              [[Fraction(v) for v in vals[4:6]], [Fraction(v) for v in vals[6:8]]])
    got = g.equilibria()
    assert [(e.row, e.col) for e in got] == [
        (tuple(map(float, e.row)), tuple(map(float, e.col))) for e in exact.equilibria()]
    assert all(g.is_equilibrium(e) for e in got)
