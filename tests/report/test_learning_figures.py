"""Figures of learning over rounds: they draw the numbers they are given (lines, a
threshold step), keep user labels literal and refuse what is not a probability."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import gametheory as gt  # noqa: E402
from gametheory.errors import GameError  # noqa: E402
from gametheory.report.learning_figures import posterior_paths, probing_by_round  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_posterior_paths_draws_the_model_numbers():
    m = gt.models.learning_prober(rounds=4, prior="1/5", response_cost=3)
    paths = {"resolute": m.expected_belief_by_round(True),
             "strategic": m.expected_belief_by_round(False)}
    ax = posterior_paths(paths, thresholds=[m.threshold(n) for n in range(4, 0, -1)],
                         title="cost $3")
    lines = {ln.get_label(): ln for ln in ax.get_lines()}
    assert set(lines) == {"resolute", "strategic", "threshold"}
    assert list(lines["resolute"].get_ydata()) == [float(v) for v in paths["resolute"]]
    assert list(lines["strategic"].get_xdata()) == [0, 1, 2, 3, 4]
    assert ax.get_title() == r"cost \$3"            # literal, not mathtext
    th = lines["threshold"]
    assert list(th.get_xdata()) == [0, 1, 2, 3, 4] and th.get_drawstyle() == "steps-post"
    expected = [float(m.threshold(n)) for n in (4, 3, 2, 1)]
    assert list(th.get_ydata()) == expected + expected[-1:]


def test_probing_by_round_into_given_axes():
    fig, ax = plt.subplots()
    out = probing_by_round({"a $b": [0, 0.5, 1]}, ax=ax)
    assert out is ax
    (line,) = ax.get_lines()
    assert line.get_label() == r"a \$b" and list(line.get_xdata()) == [1, 2, 3]
    assert gt.figures.probing_by_round is probing_by_round
    assert gt.figures.posterior_paths is posterior_paths


@pytest.mark.parametrize("bad", [{}, {"x": []}, {"x": [0.5, 2]}, {"x": ["a"]}, [0.1]])
def test_refuses_bad_data(bad):
    with pytest.raises(GameError):
        probing_by_round(bad)
