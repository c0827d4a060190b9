"""The report's repeated-game section: tornado spans cut to the feasible region."""

import pytest

from gametheory.app.report_repeated import _feasible_spans


def test_spans_stop_at_the_feasible_boundary():
    # r_I <= r_U: raising r_I or lowering r_U from a tie is infeasible at once
    spans, cut = _feasible_spans({"r_I": 0.5, "r_U": 0.5}, lambda p: p["r_I"] <= p["r_U"])
    assert spans["r_I"] == (pytest.approx(0.45), pytest.approx(0.5))
    assert spans["r_U"] == (pytest.approx(0.5), pytest.approx(0.55))
    assert cut == ["r_I", "r_U"]


def test_spans_are_full_where_everything_is_feasible():
    spans, cut = _feasible_spans({"a": 2.0}, lambda p: True, rel=0.25)
    assert spans == {"a": (1.5, 2.5)} and cut == []


def test_a_bound_inside_the_span_is_found_by_bisection():
    spans, _ = _feasible_spans({"p": 0.95}, lambda p: p["p"] <= 1.0)
    assert spans["p"][1] == pytest.approx(1.0, abs=1e-9)
