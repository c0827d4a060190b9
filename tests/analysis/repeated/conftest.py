"""Stage games shared by the repeated-play tests."""

import pytest

import gametheory as gt


@pytest.fixture
def axelrod():
    """Axelrod's prisoner's dilemma (T, R, P, S) = (5, 3, 1, 0)."""
    return gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                             strategies=(("C", "D"), ("C", "D")), title="PD")


@pytest.fixture
def symbolic_pd():
    """The prisoner's dilemma with parameters R, S, T, P (defaults Axelrod's)."""
    return gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
                             parameters=[gt.Parameter("R", default=3),
                                         gt.Parameter("S", default=0),
                                         gt.Parameter("T", default=5),
                                         gt.Parameter("P", default=1)],
                             strategies=(("C", "D"), ("C", "D")))


@pytest.fixture
def pd(axelrod):
    """The prisoner's dilemma (Axelrod's payoffs), for tests about labels only."""
    return axelrod


@pytest.fixture
def three():
    """A 2x3 probe-response stage: the Aggressor refrains or probes; the Defender
    tolerates, intercepts or retaliates."""
    return gt.NormalFormGame([[0, 0, 0], [2, -1, -3]], [[0, 0, 0], [-2, -3, -4]],
                             players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept",
                                                                "Retaliate")))
