"""The joint automaton: arithmetic domains, the stage as payoff lists, and discounted values
on functional graphs (cycle formula, then back along the paths)."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy

import gametheory as gt
from gametheory.analysis.repeated.joint import (
    Domain,
    StageData,
    discounted_values,
    states_option,
)

S = gt.strategies


def test_values_on_a_cycle_and_a_tail():
    # 0 -> 1 -> 2 -> 1: a tail into a two-cycle
    dom = Domain("fraction", F(1, 2))
    succ = {0: 1, 1: 2, 2: 1}
    r = {0: F(4), 1: F(5), 2: F(0)}
    V0, V1 = discounted_values(succ, r, {0: 0, 1: 0, 2: 0}, dom)
    d = F(1, 2)
    v1 = (5 + d * 0) / (1 + d)           # cycle formula at its first node
    assert V0[1] == v1
    assert V0[2] == (1 - d) * 0 + d * v1
    assert V0[0] == (1 - d) * 4 + d * v1
    assert V1 == {0: 0, 1: 0, 2: 0}


def test_values_extend_a_memo_and_only_the_nodes_asked():
    dom = Domain("fraction", F(9, 10))
    memo: tuple[dict, dict] = ({}, {})
    discounted_values([1, 1, 0], [5, 1, 0], [0, 1, 0], dom, nodes=[1], memo=memo)
    assert memo[0] == {1: 1}
    discounted_values([1, 1, 0], [5, 1, 0], [0, 1, 0], dom, nodes=[0], memo=memo)
    assert memo[0][0] == F(1, 10) * 5 + F(9, 10) * 1 and 2 not in memo[0]


def test_symbolic_values_are_rational_functions():
    d = sympy.Symbol("d")
    dom = StageData(gt.NormalFormGame([[1]], [[1]])).domain(d)
    V0, _ = discounted_values([1, 0], [dom.convert(1), dom.convert(0)],
                              [dom.zero, dom.zero], dom)
    assert sympy.simplify(dom.output(V0[0]) - 1 / (1 + d)) == 0


def test_domains(axelrod, symbolic_pd):
    data = StageData(axelrod)
    assert data.domain("1/2").kind == "fraction"
    assert data.domain(0.5).kind == "float"
    assert data.domain(sympy.Symbol("d")).kind == "field"
    assert StageData(symbolic_pd).domain("1/2").kind == "field"
    assert data.tol(data.domain("1/2")) == 0
    assert data.tol(data.domain(0.5)) == pytest.approx(5e-9)
    A, _ = data.payoff_lists(data.domain(0.5))
    assert A == [[3.0, 0.0], [5.0, 1.0]]


def test_discount_validation(axelrod):
    data = StageData(axelrod)
    d = sympy.Symbol("d")
    assert data.discount(d) == ("symbol", d)
    assert data.discount("3/4") == ("number", F(3, 4))
    with pytest.raises(gt.ParameterError, match=r"\[0, 1\)"):
        data.discount(1)
    with pytest.raises(gt.ParameterError, match="single sympy Symbol"):
        data.discount(d + 1)
    with pytest.raises(gt.ParameterError, match="discount factor"):
        data.discount("soon")


def test_stage_data(axelrod, symbolic_pd):
    data = StageData(axelrod)
    assert data.shape == (2, 2) and data.exact and not data.symbolic and data.follows is None
    sym = StageData(symbolic_pd)
    assert sym.symbolic and [s.name for s in sym.params] == ["R", "S", "T", "P"]
    flat = StageData(symbolic_pd.at(R=3, S=0, T=5, P=1))
    assert not flat.symbolic and flat.exact and flat.A == [[3, 0], [5, 1]]
    with pytest.raises(gt.GameError, match="NormalFormGame or ParametricGame"):
        StageData([[1, 2], [3, 4]])  # type: ignore[arg-type]


def test_sequential_stage_validation():
    stage = gt.NormalFormGame([[0, 0], [-1, 2]], [[5, 5], [-1, 1]],
                              strategies=(("Out", "In"), ("Fight", "Acquiesce")))
    assert StageData(stage, "In").follows == frozenset({1})
    with pytest.raises(gt.LabelError, match="not a strategy"):
        StageData(stage, ["Enter"])
    with pytest.raises(gt.GameError, match="payoffs in that row"):
        StageData(stage, ["Out"])


def test_joint_automaton_accessible_states(axelrod):
    data = StageData(axelrod)
    grim = S.grim_trigger(axelrod, 0), S.grim_trigger(axelrod, 1)
    dom = data.domain("1/2")
    acc = data.joint(*grim, dom)
    every = data.joint(*grim, dom, accessible=False)
    assert acc.nodes == [0, 3] and every.nodes == [0, 1, 2, 3]   # (c, c) and (p, p)
    assert acc.cells[0] == (0, 0) and acc.succ[0] == 0
    assert acc.V[0][0] == 3 and acc.V[0][3] == 1
    assert data.path_values(*grim, dom) == (3, 3)


def test_states_option():
    assert states_option("accessible") and not states_option("all")
    with pytest.raises(gt.GameError, match="'accessible' or 'all'"):
        states_option("some")
