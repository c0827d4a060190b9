"""The labelled face of iterated elimination (gametheory.solve.elimination)."""

from __future__ import annotations

from fractions import Fraction

import gametheory as gt
from gametheory.solve.dominance import iterated_elimination
from gametheory.solve.elimination import dominating_strategy, eliminate_dominated

G = gt.NormalFormGame([[3, 0], [0, 3], [1, 1]], [[1, 0], [0, 1], [1, 1]],
                      players=("Attacker", "Defender"),
                      strategies=(("T", "M", "B"), ("L", "R")), title="mixed")


def test_steps_carry_labels_and_reasons_of_the_array_trace():
    res = eliminate_dominated(G, mixed=True)
    trace = iterated_elimination(G.A, G.B, mixed=True)
    assert [(s.player_index, s.index, s.round, s.strict) for s in res.steps] == \
        [(r.player, r.index, r.round, r.strict) for r in trace.removals]
    assert res.remaining == trace.remaining and res.rounds == trace.rounds
    step = res.steps[0]
    assert (step.player, step.strategy) == ("Attacker", "B")
    assert step.dominated_by == {"T": Fraction(1, 2), "M": Fraction(1, 2)}
    assert step.reason == ("Attacker: B is strictly dominated by 1/2 T + 1/2 M "
                           "(1 < 3/2 against L, 1 < 3/2 against R)")
    assert res.game == G.restrict(["T", "M"], ["L", "R"]) and res.original is G


def test_describe_names_the_title_and_what_remains():
    text = eliminate_dominated(G, mixed=True).describe()
    assert text.startswith("Iterated elimination of strictly (pure or mixed) dominated "
                           "strategies in 'mixed':")
    assert text.endswith("Remaining: Attacker: T, M; Defender: L, R.")


def test_numeric_labels_are_quoted_in_mixtures():
    g = G.relabel(strategies=(("1", "2", "3"), ("L", "R")))
    [step] = eliminate_dominated(g, mixed=True).steps
    assert "1/2 '1' + 1/2 '2'" in step.reason


def test_many_opponent_strategies_are_summarised():
    g = gt.NormalFormGame([[1] * 7, [0] * 7], [[0] * 7, [0] * 7])
    [step] = eliminate_dominated(g).steps
    assert step.reason.endswith("(pays less against 7 of the 7 remaining strategies of Column)")


def test_dominating_strategy_by_label():
    assert dominating_strategy(G, "Attacker", "B") is None
    assert dominating_strategy(G, 0, 2, mixed=True) == {"T": Fraction(1, 2), "M": Fraction(1, 2)}
