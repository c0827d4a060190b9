"""The exact solver against published equilibrium sets, brute force and Gambit."""

from __future__ import annotations

import random
from fractions import Fraction

import numpy as np
import pytest
from reference_games import REFERENCE_GAMES, by_name
from support import DATA

import gametheory as gt
from gametheory.solve.exact import (
    extreme_equilibria,
    integer_game,
    is_degenerate_exact,
    iter_extreme_equilibria,
    polytope_vertices,
)
from gametheory.solve.reference import reference_equilibria


def pairs(eqs):
    return [(e.row, e.col) for e in eqs]


def random_game(rng: random.Random, m: int, n: int, spread: int):
    return ([[rng.randint(-spread, spread) for _ in range(n)] for _ in range(m)],
            [[rng.randint(-spread, spread) for _ in range(n)] for _ in range(m)])


def sort_key(e):
    x, y = e
    return tuple(-v for v in x), tuple(-v for v in y)


# ------------------------------------------------------------------ published games
@pytest.mark.parametrize("ref", REFERENCE_GAMES, ids=lambda r: r.name)
def test_reference_game_matches_published_set(ref):
    g = gt.NormalFormGame(ref.A, ref.B)
    got = g.equilibria()
    assert pairs(got) == ref.expected()
    assert pairs(got) == reference_equilibria(ref.A, ref.B)
    assert g.is_degenerate() is ref.degenerate
    for e in got:
        assert e.is_exact
        assert g.is_equilibrium(e)                       # exact: zero regret
        assert e.payoffs == g.expected_payoffs((e.row, e.col))


@pytest.mark.parametrize("ref", REFERENCE_GAMES, ids=lambda r: r.name)
def test_reference_game_as_floats(ref):
    """Float payoffs are solved at their exact values; the answer comes back as floats."""
    A = [[float(v) for v in row] for row in ref.A]
    B = [[float(v) for v in row] for row in ref.B]
    g = gt.NormalFormGame(A, B)
    assert not g.is_exact
    got = g.equilibria()
    exact = reference_equilibria([[Fraction(v) for v in r] for r in A],
                                 [[Fraction(v) for v in r] for r in B])
    assert len(got) == len(exact)
    for e, (x, y) in zip(got, exact, strict=True):
        assert all(isinstance(v, float) for v in (*e.row, *e.col, *e.payoffs))
        assert e.row == tuple(map(float, x)) and e.col == tuple(map(float, y))


def test_von_stengel_payoffs():
    # von Stengel (2007) Sec. 3.3: payoffs (3, 3), (3, 14/5), (4, 8/3)
    g = gt.NormalFormGame(by_name("von Stengel 3x2").A, by_name("von Stengel 3x2").B)
    assert [e.payoffs for e in g.equilibria()] == [
        (3, 3), (3, Fraction(14, 5)), (4, Fraction(8, 3))]


def test_equilibrium_labels_and_types():
    ref = by_name("Selten entry stage game")
    g = gt.NormalFormGame(ref.A, ref.B, players=("Entrant", "Incumbent"),
                          strategies=(("Out", "In"), ("Fight", "Accommodate")))
    eqs = g.equilibria()
    assert eqs[0].pure_labels() == ("Out", "Fight")
    assert eqs[-1].pure_labels() == ("In", "Accommodate")
    assert eqs[1].players == ("Entrant", "Incumbent")
    assert all(type(v) is Fraction for e in eqs for v in (*e.row, *e.col, *e.payoffs))


# ------------------------------------------------------------------ random games
@pytest.mark.parametrize("seed", range(6))
def test_random_games_against_brute_force(seed):
    rng = random.Random(seed)
    for _ in range(40):
        m, n = rng.randint(1, 4), rng.randint(1, 4)
        A, B = random_game(rng, m, n, rng.choice([1, 2, 5, 100]))   # small spreads: ties
        got = [(x, y) for x, y, _ in extreme_equilibria(A, B)]
        assert got == reference_equilibria(A, B), (A, B)
        assert len(set(got)) == len(got)


@pytest.mark.slow
def test_larger_random_games_against_brute_force():
    rng = random.Random(99)
    for _ in range(12):
        m, n = rng.randint(4, 5), rng.randint(4, 5)
        A, B = random_game(rng, m, n, rng.choice([1, 3, 50]))
        assert [(x, y) for x, y, _ in extreme_equilibria(A, B)] == reference_equilibria(A, B)


def test_float_random_games_against_brute_force():
    rng = np.random.default_rng(7)
    for _ in range(30):
        m, n = rng.integers(2, 5, size=2)
        A, B = rng.normal(size=(m, n)), rng.normal(size=(m, n))
        g = gt.NormalFormGame(A, B)
        ref = reference_equilibria([[Fraction(v) for v in r] for r in A.tolist()],
                                   [[Fraction(v) for v in r] for r in B.tolist()])
        got = g.equilibria()
        assert [(e.row, e.col) for e in got] == [
            (tuple(map(float, x)), tuple(map(float, y))) for x, y in ref]
        assert all(g.is_equilibrium(e) for e in got)


def test_huge_float_payoffs():
    """Payoffs near 1e19 with differences of 1: floats at exact value keep the structure."""
    base = 1e19
    A = [[base, base + 2048.0], [base + 4096.0, base]]
    B = [[base + 2048.0, base], [base, base + 4096.0]]
    g = gt.NormalFormGame(A, B)
    eqs = g.equilibria()
    assert len(eqs) == 1
    assert eqs[0].row == (2 / 3, 1 / 3) and eqs[0].col == (1 / 3, 2 / 3)


def test_sequential_normal_form_is_degenerate_and_complete():
    """Leader picks 1 of 3 moves, follower answers each: 3 x 27 strategies, many ties."""
    from itertools import product
    rng = random.Random(3)
    L = [[rng.randint(-2, 2) for _ in range(3)] for _ in range(3)]
    F = [[rng.randint(-2, 2) for _ in range(3)] for _ in range(3)]
    plans = list(product(range(3), repeat=3))
    A = [[L[i][p[i]] for p in plans] for i in range(3)]
    B = [[F[i][p[i]] for p in plans] for i in range(3)]
    g = gt.NormalFormGame(A, B)
    assert g.is_degenerate()
    eqs = g.equilibria()
    assert len({(e.row, e.col) for e in eqs}) == len(eqs)
    assert all(g.is_equilibrium(e) for e in eqs)
    # every pure equilibrium is an extreme equilibrium
    assert {(e.row, e.col) for e in g.pure_equilibria()} <= {(e.row, e.col) for e in eqs}


# ------------------------------------------------------------------ Gambit
def _gambit_set(A, B, rational=True):
    gbt = pytest.importorskip("pygambit")
    g = gbt.Game.from_arrays(np.array(A, dtype=object), np.array(B, dtype=object))
    p1, p2 = list(g.players)
    res = gbt.nash.enummixed_solve(g, rational=rational)
    out = set()
    for eq in res.equilibria:
        out.add((tuple(Fraction(str(eq[s])) for s in p1.strategies),
                 tuple(Fraction(str(eq[s])) for s in p2.strategies)))
    return sorted(out, key=sort_key)      # Gambit repeats equilibria on degenerate games


@pytest.mark.parametrize("seed", range(3))
def test_random_games_against_gambit(seed):
    rng = random.Random(100 + seed)
    for _ in range(10):
        m, n = rng.randint(2, 5), rng.randint(2, 5)
        A, B = random_game(rng, m, n, rng.choice([1, 2, 9]))
        assert [(x, y) for x, y, _ in extreme_equilibria(A, B)] == _gambit_set(A, B), (A, B)


@pytest.mark.parametrize("ref", [r for r in REFERENCE_GAMES
                                 if not r.source.startswith("constructed")], ids=lambda r: r.name)
def test_textbook_games_against_gambit(ref):
    assert ref.expected() == _gambit_set(ref.A, ref.B)


# ------------------------------------------------------------------ degeneracy
def _degenerate_by_definition(A, B):
    """Some pure-support mixed strategy with support size k has > k best replies, found
    by brute force over supports with the reference polytope vertices."""
    from gametheory.solve.reference import polytope_vertices_bruteforce
    m, n = len(A), len(A[0])
    A2, B2, _, _ = integer_game(A, B)
    BT = [[B2[i][j] for i in range(m)] for j in range(n)]
    return any(len(lab) > m for _, lab in polytope_vertices_bruteforce(BT, True)) or \
        any(len(lab) > n for _, lab in polytope_vertices_bruteforce(A2, False))


def test_is_degenerate_against_brute_force():
    rng = random.Random(5)
    seen = set()
    for _ in range(150):
        m, n = rng.randint(1, 4), rng.randint(1, 4)
        A, B = random_game(rng, m, n, rng.choice([1, 2, 30]))
        d = is_degenerate_exact(A, B)
        assert d == _degenerate_by_definition(A, B), (A, B)
        seen.add(d)
    assert seen == {True, False}


def test_is_degenerate_small_cases():
    # a strictly ordered 1xN game is nondegenerate; a tie at the top is degenerate, a tie
    # below the top is not
    assert not gt.NormalFormGame([[0, 0, 0]], [[1, 3, 2]]).is_degenerate()
    assert gt.NormalFormGame([[0, 0, 0]], [[1, 3, 3]]).is_degenerate()
    assert not gt.NormalFormGame([[0, 0, 0]], [[1, 1, 3]]).is_degenerate()
    # mixed-strategy degeneracy: x = (1/2, 1/2) has three best replies
    assert gt.NormalFormGame([[0, 0, 0], [0, 0, 0]], [[1, 0, 2], [1, 2, 0]]).is_degenerate()


# ------------------------------------------------------------------ internals
def test_polytope_vertices_of_the_unit_square():
    # {z >= 0 : z1 <= 1, z2 <= 1}: nonzero vertices (1,0), (0,1), (1,1)
    verts = {v.weights: v for v in polytope_vertices([[1, 0], [0, 1]])}
    assert set(verts) == {(1, 0), (0, 1), (1, 1)}
    assert verts[(1, 1)].value == Fraction(1, 2)   # 1 / (1 + 1)


def test_polytope_vertices_against_brute_force():
    from gametheory.solve.reference import polytope_vertices_bruteforce
    rng = random.Random(11)
    for _ in range(60):
        k, d = rng.randint(1, 5), rng.randint(1, 4)
        G = [[rng.randint(1, 4) for _ in range(d)] for _ in range(k)]
        got = {}
        for v in polytope_vertices(G):
            got[tuple(Fraction(w, sum(v.weights)) for w in v.weights)] = v.labels
        ref = {}
        for z, labels in polytope_vertices_bruteforce(G, True):
            if any(z):
                ref[tuple(w / sum(z) for w in z)] = sum(1 << lab for lab in labels)
        assert got == ref, G


def test_generator_stops_early_and_covers_the_sorted_list():
    A, B = by_name("all-zero 2x3").A, by_name("all-zero 2x3").B
    it = iter_extreme_equilibria(A, B)
    first = next(it)
    assert first[0] in {(1, 0), (0, 1)}
    rest = list(it)
    assert sorted([first, *rest], key=lambda e: sort_key(e[:2])) == extreme_equilibria(A, B)


def test_deterministic_order_is_documented_order():
    rng = random.Random(2)
    for _ in range(20):
        A, B = random_game(rng, 3, 3, 1)
        got = [(x, y) for x, y, _ in extreme_equilibria(A, B)]
        assert got == sorted(got, key=sort_key)
        assert got == [(x, y) for x, y, _ in extreme_equilibria(A, B)]


def test_integer_game_is_a_positive_affine_image():
    A = [[Fraction(1, 3), -2], [Fraction(5, 6), 0]]
    A2, _, (s, t), _ = integer_game(A, A)
    assert min(min(r) for r in A2) == 1
    assert all(A2[i][j] == s * A[i][j] + t for i in range(2) for j in range(2))


# ------------------------------------------------------------------ dispatcher
def test_dispatcher_rejects_unknown_method_and_options():
    g = gt.NormalFormGame([[1]], [[1]])
    with pytest.raises(gt.SolverError, match="unknown equilibrium method 'lrs'"):
        g.equilibria(method="lrs")
    with pytest.raises(gt.SolverError, match="takes no options"):
        g.equilibria(method="exact", tol=1e-3)


def test_reference_method_agrees():
    g = gt.NormalFormGame(by_name("tie").A, by_name("tie").B)
    assert g.equilibria(method="reference") == g.equilibria()


def test_all_supports_of_all_zero_game():
    g = gt.NormalFormGame(np.zeros((3, 4), dtype=int), np.zeros((3, 4), dtype=int))
    assert sorted(e.support for e in g.equilibria()) == sorted(
        ((i,), (j,)) for i in range(3) for j in range(4))


# ------------------------------------------------------------------ Gambit sample files
# the project's own Gambit-format games (tests/data/gambit)
SAMPLES = sorted((DATA / "gambit").glob("*.nfg"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_gambit_sample_files_against_gambit(path):
    gbt = pytest.importorskip("pygambit")
    g = gt.read_nfg(path)
    gg = gbt.read_nfg(str(path))
    if len(gg.players) != 2:
        pytest.skip("not a two-player game")
    p1, p2 = list(gg.players)
    res = gbt.nash.enummixed_solve(gg, rational=True)
    theirs = {(tuple(Fraction(str(eq[s])) for s in p1.strategies),
               tuple(Fraction(str(eq[s])) for s in p2.strategies)) for eq in res.equilibria}
    mine = [(tuple(map(Fraction, e.row)), tuple(map(Fraction, e.col))) for e in g.equilibria()]
    assert len(set(mine)) == len(mine)
    assert set(mine) == theirs


def test_highly_degenerate_larger_games_against_brute_force():
    """Payoffs in {-1, 0, 1} on 4x5 and 5x4 games: many ties, so many lexicographic bases
    share a vertex; the search must still find every extreme equilibrium exactly once."""
    rng = random.Random(2026)
    degenerate = 0
    for m, n in [(4, 5), (5, 4)] * 3:
        A, B = random_game(rng, m, n, 1)
        got = [(x, y) for x, y, _ in extreme_equilibria(A, B)]
        assert got == reference_equilibria(A, B), (A, B)
        degenerate += is_degenerate_exact(A, B)
    assert degenerate >= 3


# ----------------------------------------------------------------- size limit (issue 16)
def test_size_limit_is_the_upper_bound_theorem_on_both_polytopes():
    from gametheory import _limits
    from gametheory.solve.exact import check_size

    # McMullen's bound for each 15x15 polytope (d = 15, f = 30) is 2 * C(22, 7)
    assert check_size(15, 15) == 2 * (2 * 170544)
    assert check_size(16, 16) <= _limits.MAX_EXACT_BASES
    assert check_size(1, 5000) == 5000  # one row: answered directly, no enumeration
    for m, n in [(17, 17), (100, 100), (6, 200), (10, 30)]:
        with pytest.raises(gt.SolverError, match=rf"{m}x{n} game.*MAX_EXACT_BASES = "
                                                 r"2,000,000.*lemke-howson"):
            check_size(m, n)


def test_large_games_are_refused_before_any_work():
    import time

    rng = np.random.default_rng(3)
    g = gt.NormalFormGame(rng.integers(0, 5, (60, 60)).tolist(),
                          rng.integers(0, 5, (60, 60)).tolist())
    start = time.perf_counter()
    for call in (g.equilibria, g.is_degenerate, lambda: extreme_equilibria(g.A, g.B)):
        with pytest.raises(gt.SolverError, match="MAX_EXACT_BASES"):
            call()
    assert time.perf_counter() - start < 2


@pytest.mark.filterwarnings("ignore:Lemke-Howson hit the iteration cap")
def test_the_methods_the_refusal_names_handle_the_game():
    rng = np.random.default_rng(4)
    A, B = np.round(rng.normal(size=(2, 20, 20)), 2)  # nondegenerate: Lemke-Howson's case
    g = gt.NormalFormGame(A, B)
    with pytest.warns(gt.GameWarning, match="too large to decide its degeneracy"):
        found = g.equilibria(method="lemke-howson")
    assert found  # Lemke-Howson always finds an equilibrium; each is verified by regret
    for e in found:
        x, y = np.array(e.row, float), np.array(e.col, float)
        assert (A @ y).max() - x @ A @ y <= 1e-6 and (x @ B).max() - x @ B @ y <= 1e-6
    pure = gt.solve.pure_equilibria(g)
    for e in pure:
        i, j = e.support[0][0], e.support[1][0]
        assert A[i, j] == A[:, j].max() and B[i, j] == B[i, :].max()
