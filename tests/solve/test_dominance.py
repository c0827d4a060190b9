"""Tests of iterated elimination of dominated strategies (gametheory.solve.dominance).

Expected results come from textbooks (cited per test) or from independent checks:
the equilibrium set (strict elimination keeps every Nash equilibrium), Pearce's (1984)
lemma (a strategy is strictly dominated by a mixture iff it is never a best response,
checked with a float LP), order independence of strict elimination, and Gambit's own
one-round elimination (pygambit, where installed).
"""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import DATA

import gametheory as gt
from gametheory.solve.elimination import (
    EliminationResult,
    EliminationStep,
    dominating_strategy,
    eliminate_dominated,
)

SAMPLES = DATA / "gambit"


def labels_left(res: EliminationResult):
    return res.game.strategies


# ---------------------------------------------------------------------- textbook games
def test_prisoners_dilemma():
    # Osborne (2004), section 2.2 / 2.9: Quiet is strictly dominated by Fink for both.
    pd = gt.NormalFormGame([[2, 0], [3, 1]], [[2, 3], [0, 1]], players=("Suspect 1", "Suspect 2"),
                           strategies=(("Quiet", "Fink"), ("Quiet", "Fink")))
    res = pd.eliminate_dominated()
    assert isinstance(res, gt.EliminationResult)
    assert labels_left(res) == (("Fink",), ("Fink",))
    assert res.remaining == ((1,), (1,))
    assert res.rounds == 1
    assert [(s.player, s.strategy, s.dominated_by, s.strict) for s in res.steps] == [
        ("Suspect 1", "Quiet", "Fink", True), ("Suspect 2", "Quiet", "Fink", True)]
    assert res.steps[0].reason == ("Suspect 1: Quiet is strictly dominated by Fink "
                                   "(2 < 3 against Quiet, 0 < 1 against Fink)")
    assert res.game.A.tolist() == [[F(1)]]


def test_fudenberg_tirole_iterated_strict_dominance():
    # Fudenberg and Tirole (1991), Game Theory, figure 2.1: iterated strict dominance
    # leaves (U, L): M is dominated by R for player 2, then M and D by U, then R by L.
    A = [[4, 5, 6], [2, 8, 3], [3, 9, 2]]
    B = [[3, 1, 2], [1, 4, 6], [0, 6, 8]]
    g = gt.NormalFormGame(A, B, strategies=(("U", "M", "D"), ("L", "M", "R")))
    res = eliminate_dominated(g)
    assert labels_left(res) == (("U",), ("L",))
    assert [(s.round, s.player_index, s.strategy, s.dominated_by) for s in res.steps] == [
        (1, 1, "M", "R"), (2, 0, "M", "U"), (2, 0, "D", "U"), (3, 1, "R", "L")]
    assert res.rounds == 3
    # the unique equilibrium survives (strict elimination keeps the equilibrium set)
    assert [e.pure_labels() for e in g.equilibria()] == [("U", "L")]


def test_fudenberg_tirole_mixed_dominance():
    # Fudenberg and Tirole (1991), figure 2.2: M is dominated by neither U nor D but by
    # the mixture (1/2 U + 1/2 D), which pays 1/2 against both L and R.
    g = gt.NormalFormGame([[2, -1], [0, 0], [-1, 2]], [[0, 0], [0, 0], [0, 0]],
                          strategies=(("U", "M", "D"), ("L", "R")))
    assert eliminate_dominated(g).steps == ()
    res = eliminate_dominated(g, mixed=True)
    assert labels_left(res) == (("U", "D"), ("L", "R"))
    (step,) = res.steps
    assert step.dominated_by == {"U": F(1, 2), "D": F(1, 2)}
    assert step.by_mixed and step.strict
    assert "1/2 U + 1/2 D" in step.reason and "0 < 1/2 against L" in step.reason


def test_weak_dominance_is_order_dependent_and_simultaneous_here():
    # A standard order-dependence example (constructed): T and B are each weakly
    # dominated by M. Removing T first leads to R, removing B first to L; maximal
    # simultaneous elimination removes both and keeps L and R.
    A = [[1, 0], [1, 2], [0, 2]]
    B = [[1, 0], [1, 1], [0, 1]]
    g = gt.NormalFormGame(A, B, strategies=(("T", "M", "B"), ("L", "R")))
    assert eliminate_dominated(g).steps == ()  # nothing is strictly dominated
    res = eliminate_dominated(g, weak=True)
    assert labels_left(res) == (("M",), ("L", "R"))
    assert [(s.strategy, s.dominated_by, s.strict) for s in res.steps] == [
        ("T", "M", False), ("B", "M", False)]
    # the other orders, done by hand on sub-games:
    after_t = eliminate_dominated(g.restrict(["M", "B"], ["L", "R"]), weak=True)
    assert labels_left(after_t)[1] == ("R",)
    after_b = eliminate_dominated(g.restrict(["T", "M"], ["L", "R"]), weak=True)
    assert labels_left(after_b)[1] == ("L",)
    assert "order dependent" in res.describe()


def test_weak_dominance_reports_strict_when_it_is_strict():
    g = gt.NormalFormGame([[3, 1], [2, 1], [1, 0]], [[0, 0], [0, 0], [0, 0]],
                          strategies=(("a", "b", "c"), ("x", "y")))
    res = eliminate_dominated(g, weak=True)
    kinds = {s.strategy: (s.dominated_by, s.strict) for s in res.steps}
    assert kinds["b"] == ("a", False)
    assert kinds["c"] == ("a", True)
    # column strategies pay the same: neither weakly dominates the other
    assert labels_left(res) == (("a",), ("x", "y"))


def test_weak_mixed_dominance():
    # constructed: A = (2, 0, 1), B = (0, 2, 1), C = (1, 1, 0); 1/2 A + 1/2 B pays
    # (1, 1, 1), so it weakly (not strictly) dominates C, and no pure strategy does.
    g = gt.NormalFormGame([[2, 0, 1], [0, 2, 1], [1, 1, 0]], [[0] * 3] * 3,
                          strategies=(("A", "B", "C"), ("x", "y", "z")))
    assert eliminate_dominated(g, weak=True).steps == ()
    assert eliminate_dominated(g, mixed=True).steps == ()  # ties against x and y
    res = eliminate_dominated(g, weak=True, mixed=True)
    (step,) = res.steps
    assert step.strategy == "C" and not step.strict
    assert step.dominated_by == {"A": F(1, 2), "B": F(1, 2)}


def test_rock_paper_scissors_file_has_no_dominated_strategies():
    # every strategy is the unique best reply to one pure strategy of the opponent, so none
    # is dominated, weakly or by a mixture
    g = gt.read_nfg(SAMPLES / "rock_paper_scissors.nfg")
    assert eliminate_dominated(g, weak=True, mixed=True).steps == ()


def test_nothing_dominated_and_one_strategy_games():
    mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    res = mp.eliminate_dominated(weak=True, mixed=True)
    assert res.steps == () and res.game == mp and res.rounds == 0
    assert "nothing is dominated" in str(res)
    one = gt.NormalFormGame([[1, 2, 0]], [[0, 1, 1]], strategies=(("only",), ("a", "b", "c")))
    res = one.eliminate_dominated(weak=True)
    assert labels_left(res) == (("only",), ("b", "c"))


def test_float_games_are_compared_exactly():
    g = gt.NormalFormGame([[0.1, 0.2], [0.1 + 1e-12, 0.2 + 1e-12]], [[0.0, 0.0], [0.0, 0.0]])
    res = g.eliminate_dominated()
    assert labels_left(res)[0] == ("R2",)
    assert not res.game.is_exact


def test_dominating_strategy_helper():
    g = gt.NormalFormGame([[2, -1], [0, 0], [-1, 2]], [[0, 0], [0, 0], [0, 0]],
                          strategies=(("U", "M", "D"), ("L", "R")))
    assert dominating_strategy(g, 0, "M") is None
    assert dominating_strategy(g, "Row", 1, mixed=True) == {"U": F(1, 2), "D": F(1, 2)}
    assert dominating_strategy(g, 1, "L", weak=True) is None


def test_steps_are_values():
    g = gt.NormalFormGame([[2, -1], [0, 0], [-1, 2]], [[0, 0], [0, 0], [0, 0]])
    a = eliminate_dominated(g, mixed=True).steps[0]
    b = eliminate_dominated(g, mixed=True).steps[0]
    assert isinstance(a, EliminationStep) and a == b and hash(a) == hash(b)
    assert str(a) == a.reason


# ---------------------------------------------------------------------- exact LP
# ---------------------------------------------------------------------- properties
small = st.integers(-4, 4)


@st.composite
def int_games(draw, max_size=4):
    m = draw(st.integers(1, max_size))
    n = draw(st.integers(1, max_size))
    A = [[draw(small) for _ in range(n)] for _ in range(m)]
    B = [[draw(small) for _ in range(n)] for _ in range(m)]
    return gt.NormalFormGame(A, B)


def _check_certificates(g: gt.NormalFormGame, res: EliminationResult) -> None:
    """Replay the trace: each removal is dominated, in the game at the start of its round."""
    alive = [list(range(g.shape[0])), list(range(g.shape[1]))]
    A, B = g.as_fraction()
    for rnd in range(1, res.rounds + 1):
        steps = [s for s in res.steps if s.round == rnd]
        for s in steps:
            p = s.player_index
            pay = (lambda i, j: A[i, j]) if p == 0 else (lambda i, j: B[j, i])
            labels = g.strategies[p]
            mix = (s.dominated_by if isinstance(s.dominated_by, dict)
                   else {s.dominated_by: F(1)})
            assert sum(mix.values()) == 1 and all(v > 0 for v in mix.values())
            gains = [sum(pr * pay(labels.index(k), j) for k, pr in mix.items()) - pay(s.index, j)
                     for j in alive[1 - p]]
            if s.strict:
                assert all(x > 0 for x in gains)
            else:
                assert all(x >= 0 for x in gains) and any(x > 0 for x in gains)
            for k in mix:  # the dominator survives its round
                assert labels.index(k) in alive[p]
                assert all(k != t.strategy or t.player_index != p for t in steps)
        for s in steps:
            alive[s.player_index].remove(s.index)
    assert tuple(map(tuple, alive)) == res.remaining


@settings(max_examples=80, deadline=None)
@given(int_games(), st.booleans(), st.booleans())
def test_trace_certificates_replay(g, weak, mixed):
    res = eliminate_dominated(g, weak=weak, mixed=mixed)
    _check_certificates(g, res)
    assert res.game == g.restrict(*res.remaining)
    # nothing left is dominated
    again = eliminate_dominated(res.game, weak=weak, mixed=mixed)
    assert again.steps == ()


@settings(max_examples=60, deadline=None)
@given(int_games(max_size=3), st.booleans())
def test_strict_elimination_keeps_the_equilibrium_set(g, mixed):
    res = eliminate_dominated(g, mixed=mixed)
    rows, cols = res.remaining
    full = {(e.row, e.col) for e in g.equilibria()}
    reduced = set()
    for e in res.game.equilibria():
        x = [F(0)] * g.shape[0]
        y = [F(0)] * g.shape[1]
        for k, i in enumerate(rows):
            x[i] = e.row[k]
        for k, j in enumerate(cols):
            y[j] = e.col[k]
        reduced.add((tuple(x), tuple(y)))
    assert reduced == full


@settings(max_examples=60, deadline=None)
@given(int_games(), st.booleans(), st.randoms(use_true_random=False))
def test_strict_elimination_is_order_independent(g, mixed, rnd):
    ro = list(range(g.shape[0]))
    co = list(range(g.shape[1]))
    rnd.shuffle(ro)
    rnd.shuffle(co)
    a = eliminate_dominated(g, mixed=mixed).game
    b = eliminate_dominated(g.permute(ro, co), mixed=mixed).game
    assert sorted(a.strategies[0]) == sorted(b.strategies[0])
    assert sorted(a.strategies[1]) == sorted(b.strategies[1])


@settings(max_examples=60, deadline=None)
@given(int_games())
def test_strict_mixed_survivors_are_among_the_pure_survivors(g):
    p0, p1 = eliminate_dominated(g).game.strategies
    m0, m1 = eliminate_dominated(g, mixed=True).game.strategies
    assert set(m0) <= set(p0) and set(m1) <= set(p1)


def _best_response_margin(M: np.ndarray, i: int) -> float:
    """max over beliefs y of min_k (M y)_i - (M y)_k: >= 0 iff row i is a best response."""
    from scipy.optimize import linprog

    m, n = M.shape
    if m == 1:
        return 0.0
    # variables y (n), t; maximise t s.t. (M_k - M_i) y + t <= 0 for k != i, sum y = 1
    rows = [np.append(M[k] - M[i], 1.0) for k in range(m) if k != i]
    res = linprog(np.append(np.zeros(n), -1.0), A_ub=np.array(rows), b_ub=np.zeros(len(rows)),
                  A_eq=np.append(np.ones(n), 0.0)[None, :], b_eq=[1.0],
                  bounds=[(0, None)] * n + [(None, None)], method="highs")
    assert res.status == 0
    return -res.fun


@settings(max_examples=60, deadline=None)
@given(int_games())
def test_pearce_never_best_response_equivalence(g):
    """Pearce (1984), lemma 3: strictly dominated (by a mixture) iff never a best response."""
    res = eliminate_dominated(g, mixed=True)
    A, B = (np.array(M, dtype=float) for M in g.as_float())
    rows, cols = res.remaining
    sub_a = A[np.ix_(rows, cols)]
    sub_b = B[np.ix_(rows, cols)].T
    for i in range(len(rows)):
        assert _best_response_margin(sub_a, i) >= -1e-9
    for j in range(len(cols)):
        assert _best_response_margin(sub_b, j) >= -1e-9
    # and each strictly dominated strategy was never a best response when removed
    alive = [list(range(g.shape[0])), list(range(g.shape[1]))]
    for rnd in range(1, res.rounds + 1):
        steps = [s for s in res.steps if s.round == rnd]
        for s in steps:
            M = (A[np.ix_(alive[0], alive[1])] if s.player_index == 0
                 else B[np.ix_(alive[0], alive[1])].T)
            assert _best_response_margin(M, alive[s.player_index].index(s.index)) < -1e-9
        for s in steps:
            alive[s.player_index].remove(s.index)


# ---------------------------------------------------------------------- Gambit
def _gambit_iterated(g: gt.NormalFormGame, strict: bool):
    """Maximal simultaneous elimination driven by Gambit's own dominance test.

    Uses ``StrategySupportProfile.is_dominated`` per strategy: Gambit 16.7's
    ``undominated_strategies_solve`` (weak) removed an undominated strategy in the game of
    ``test_game_where_gambit_16_7_undominated_solve_disagrees`` below.
    """
    pg = pytest.importorskip("pygambit")
    gg = pg.Game.from_arrays(np.array(g.A.tolist(), dtype=object),
                             np.array(g.B.tolist(), dtype=object))
    players = list(gg.players)
    sp = gg.strategy_support_profile()
    alive = [list(p.strategies) for p in players]
    while True:
        gone = [[s for s in alive[p] if len(alive[p]) > 1 and sp.is_dominated(s, strict=strict)]
                for p in (0, 1)]
        if not any(gone):
            break
        for p in (0, 1):
            for s in gone[p]:
                sp = sp.remove(s)
                alive[p].remove(s)
    return tuple(tuple(list(players[p].strategies).index(s) for s in alive[p]) for p in (0, 1))


@settings(max_examples=40, deadline=None)
@given(int_games(), st.booleans())
def test_pure_elimination_agrees_with_gambit(g, weak):
    expected = _gambit_iterated(g, strict=not weak)
    assert eliminate_dominated(g, weak=weak).remaining == expected


def test_game_where_gambit_16_7_undominated_solve_disagrees():
    # Found by the property test above. Column payoffs: C1 (0, 2, -2), C2 (2, -1, 2),
    # C3 (0, 2, 0), C4 (-1, 1, -1). C3 weakly dominates C1 and strictly dominates C4;
    # nothing dominates C2 (it beats C3 against R1 and loses against R2). Then R1
    # (-2, 0 against C2, C3) is strictly dominated by R2 (-1, 1); nothing else goes.
    # pygambit 16.7's undominated_strategies_solve(strict=False) also drops C2.
    A = [[-1, -2, 0, -1], [-2, -1, 1, -1], [-1, 0, -1, -2]]
    B = [[0, 2, 0, -1], [2, -1, 2, 1], [-2, 2, 0, -1]]
    res = eliminate_dominated(gt.NormalFormGame(A, B), weak=True)
    assert res.remaining == ((1, 2), (1, 2))
    assert [(s.strategy, s.dominated_by, s.strict) for s in res.steps] == [
        ("C1", "C3", False), ("C4", "C3", True), ("R1", "R2", True)]


def test_larger_mixed_elimination_is_reasonably_fast():
    import time

    rng = np.random.default_rng(7)
    A = rng.integers(-5, 6, size=(12, 12)).tolist()
    B = rng.integers(-5, 6, size=(12, 12)).tolist()
    g = gt.NormalFormGame(A, B)
    t0 = time.perf_counter()
    res = eliminate_dominated(g, weak=True, mixed=True)
    assert time.perf_counter() - t0 < 20
    _check_certificates(g, res)


def test_html_and_text_renderings():
    pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], title="PD <classic>")
    res = pd.eliminate_dominated()
    html_text = res._repr_html_()
    assert "&lt;classic&gt;" in html_text and html_text.count("<li>") == 3
    text = str(res)
    assert text.splitlines()[0].endswith("in 'PD <classic>':")
    assert text.splitlines()[-1] == "Remaining: Row: R2; Column: C2."


def test_weak_elimination_removes_the_non_credible_threat_of_a_probe_game():
    # Probe, then respond: the normal form of a one-shot sequential game (as in the
    # module example of gametheory.core.game). Intercepting costs the Defender more than
    # tolerating (-3 < -2), so Intercept is weakly dominated by Tolerate (they tie when
    # the Aggressor refrains). Removing it leaves Probe as the Aggressor's best reply:
    # iterated weak dominance gives the backward-induction (subgame-perfect) outcome,
    # as is usual for generic perfect-information games (cf. Osborne 2004, chapter 5, on
    # backward induction), and drops the Nash equilibrium (Refrain, Intercept) that
    # rests on the threat.
    g = gt.NormalFormGame([[0, 0], [2, -1]], [[0, 0], [-2, -3]],
                          players=("Aggressor", "Defender"),
                          strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
    assert ("Refrain", "Intercept") in [e.pure_labels() for e in g.pure_equilibria()]
    assert eliminate_dominated(g).steps == ()  # nothing is strictly dominated
    res = eliminate_dominated(g, weak=True)
    assert labels_left(res) == (("Probe",), ("Tolerate",))
    assert [(s.round, s.strategy, s.dominated_by, s.strict) for s in res.steps] == [
        (1, "Intercept", "Tolerate", False), (2, "Refrain", "Probe", True)]
    assert res.steps[0].reason == ("Defender: Intercept is weakly dominated by Tolerate "
                                   "(0 = 0 against Refrain, -3 < -2 against Probe)")


def test_numeric_labels_are_quoted_in_mixtures():
    g = gt.NormalFormGame([[2, -1], [0, 0], [-1, 2]], [[0, 0], [0, 0], [0, 0]],
                          strategies=(("1", "2", "3"), ("L", "R")))
    (step,) = eliminate_dominated(g, mixed=True).steps
    assert step.reason.startswith("Row: 2 is strictly dominated by 1/2 '1' + 1/2 '3' (")
    assert step.dominated_by == {"1": F(1, 2), "3": F(1, 2)}
