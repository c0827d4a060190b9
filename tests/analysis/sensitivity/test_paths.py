"""Equilibria along one parameter as branches (what the equilibrium-path figure draws).

Chicken with crash cost c (payoff -c to both for Straight/Straight, -1 for swerving
against Straight): (Straight, Straight) is an equilibrium iff -c >= -1, i.e. c <= 1 (by
hand); for c > 1 the two pure asymmetric equilibria and one mixed one."""

from __future__ import annotations

import numpy as np
import pytest

import gametheory as gt
from gametheory.analysis.sensitivity.paths import equilibrium_branches


def chicken():
    return gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]], ["c"],
                             strategies=(("Swerve", "Straight"),) * 2)


def test_branches_follow_supports_across_neighbouring_points():
    xs = np.linspace(-2, 3, 11)  # grid points at -2, -1.5, ..., 3: c = 1 is on it
    res = gt.sweep(chicken(), {"c": xs}, progress=False)
    p = equilibrium_branches(res)
    assert p.x == "c" and len(p.rows) == len(res.frame)
    # every row is on exactly one branch; a branch keeps its support at consecutive points
    assert sum(len(b) for b in p.branches) == len(p.rows)
    for b in p.branches:
        assert b["support"].nunique() == 1
        steps = np.diff(np.searchsorted(xs, b["c"].to_numpy()))
        assert (steps == 1).all()
    # the (Straight, Straight) branch runs from the start of the grid to c = 1
    straight = [b for b in p.branches if (b["Row: Straight"] == 1).all()
                and (b["Column: Straight"] == 1).all()]
    assert len(straight) == 1
    assert straight[0]["c"].tolist() == [c for c in xs.tolist() if c <= 1]
    # several equilibria exactly where the frame has more than one row per point
    counts = res.frame.groupby("c").size()
    multi = counts.index[counts > 1].to_numpy()
    for a, b in p.several:
        inside = counts.index[(counts.index >= a) & (counts.index <= b)].to_numpy()
        assert set(inside) <= set(multi)
    assert {float(c) for c in multi} <= {float(c) for c in counts.index
                                         if any(a <= c <= b for a, b in p.several)}
    # changes lie between neighbours whose equilibrium sets differ
    assert all(xs[0] < c < xs[-1] for c in p.changes) and p.changes == sorted(p.changes)


def test_other_swept_parameters_must_be_fixed():
    g = gt.ParametricGame([["a", 0], [0, "b"]], [[1, 0], [0, 1]], ["a", "b"])
    res = gt.sweep(g, {"a": [-1, 1], "b": [-1, 1]}, progress=False)
    with pytest.raises(gt.ParameterError, match="swept too"):
        equilibrium_branches(res, "a")
    p = equilibrium_branches(res, "a", at={"b": 0.9})
    assert set(p.rows["b"]) == {1}
    with pytest.raises(gt.ParameterError, match="swept parameter"):
        equilibrium_branches(res, "v")
