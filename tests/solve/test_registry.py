"""The registry of equilibrium methods: equilibria() dispatches through METHODS."""

from __future__ import annotations

from fractions import Fraction

import pytest

import gametheory as gt
from gametheory.solve import METHODS, MethodSpec, nplayer_methods, register_method
from gametheory.solve.registry import method_spec


@pytest.fixture
def toy_method():
    """A toy method, registered for one test and removed afterwards."""

    def first_cell(A, B):
        """Claims the top-left cell is the only equilibrium (right for this test's game)."""
        m, n = len(A), len(A[0])
        return [(tuple(Fraction(int(i == 0)) for i in range(m)),
                 tuple(Fraction(int(j == 0)) for j in range(n)))]

    spec = register_method("first-cell", first_cell, summary="the top-left cell", exact=True)
    yield spec
    del METHODS["first-cell"]


def test_methods_names_the_builtin_methods():
    assert sorted(METHODS) == ["enumpoly", "exact", "gnm", "ipa", "lemke-howson", "logit",
                               "pure", "reference", "simpdiv", "support", "vertex"]
    assert all(isinstance(spec, MethodSpec) and spec.name == name
               for name, spec in METHODS.items())
    assert [n for n, s in sorted(METHODS.items()) if s.exact] == ["exact", "pure", "reference"]
    assert nplayer_methods() == ["enumpoly", "exact", "gnm", "ipa", "logit", "pure", "simpdiv"]
    assert METHODS["exact"].nplayer_options == ("max_supports", "on_continuum")
    assert METHODS["lemke-howson"].options == ("tol", "max_iterations")


def test_adding_a_method_is_one_registry_line(toy_method):
    assert "first-cell" in sorted(METHODS)
    pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    [eq] = pd.equilibria(method="first-cell")
    assert eq.profile == ((1, 0), (1, 0))
    assert eq.payoffs == (3, 3) and eq.is_exact           # the facade adds the payoffs
    float_game = gt.NormalFormGame([[3.0, 0], [5, 1]], [[3, 5], [0, 1]])
    [eq] = float_game.equilibria(method="first-cell")
    assert eq.row == (1.0, 0.0) and isinstance(eq.row[0], float)  # exact method, float game


def test_the_toy_method_is_gone_after_the_test():
    assert "first-cell" not in METHODS
    with pytest.raises(gt.SolverError, match="unknown equilibrium method 'first-cell'"):
        gt.NormalFormGame([[1]], [[1]]).equilibria(method="first-cell")


def test_unknown_method_lists_the_registered_ones(toy_method):
    with pytest.raises(gt.SolverError) as err:
        method_spec("lrs")
    assert "'exact', 'first-cell', 'gnm', 'ipa', 'lemke-howson', 'logit', 'pure', " \
        "'reference', 'simpdiv', 'support', 'vertex'" in str(err.value)


def test_an_nplayer_method_is_one_registry_line_too():
    def everybody_first(payoffs):
        return [tuple(tuple(int(k == 0) for k in range(n)) for n in payoffs[0].shape)]

    register_method("all-first", None, nplayer=everybody_first, exact=True,
                    summary="every player's first strategy, equilibrium or not")
    try:
        U = [[[1, 0], [0, 0]], [[0, 0], [0, 1]]]
        g = gt.NormalFormGame(U, U, U)
        [eq] = g.equilibria(method="all-first")
        assert eq.profile == ((1, 0), (1, 0), (1, 0)) and eq.payoffs == (1, 1, 1)
        # a two-player game goes to the n-player algorithm when there is no other one
        [eq] = gt.NormalFormGame([[1, 0]], [[1, 0]]).equilibria(method="all-first")
        assert eq.profile == ((1,), (1, 0))
        # and an exact method's non-equilibrium is an error, never an answer
        bad = gt.NormalFormGame([[0, 1]], [[0, 1]])
        with pytest.raises(gt.SolverError, match="not an equilibrium"):
            bad.equilibria(method="all-first")
    finally:
        del METHODS["all-first"]


def test_a_method_needs_an_algorithm():
    with pytest.raises(gt.SolverError, match="needs an algorithm"):
        register_method("nothing", None, summary="", exact=True)


def test_two_player_only_methods_refuse_more_players():
    U = [[[1, 0], [0, 0]], [[0, 0], [0, 1]]]
    with pytest.raises(gt.SolverError, match="two-player games only; for 3 players choose "
                       "one of 'enumpoly', 'exact'"):
        gt.NormalFormGame(U, U, U).equilibria(method="vertex")
    with pytest.raises(gt.SolverError, match="three or more players only"):
        gt.NormalFormGame([[1]], [[1]]).equilibria(method="exact", max_supports=3)


def test_options_are_checked_against_the_spec(toy_method):
    g = gt.NormalFormGame([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(gt.SolverError, match="'first-cell' takes no options"):
        g.equilibria(method="first-cell", tol=1e-3)
    with pytest.raises(gt.SolverError, match=r"accepts the options \['tol'\].*'lemke-howson'"):
        g.equilibria(method="vertex", max_iterations=5)
