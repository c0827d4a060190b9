"""n-member burden sharing: Olson and Zeckhauser's (1966) exploitation of the great by the
small and under-provision, in every pure Nash equilibrium the n-player solver finds;
the equilibria are checked against the first-order conditions derived by hand."""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import pytest

import gametheory as gt
from gametheory.models.alliance_burden import burden_shares


def _conditions_hold(q, b, c, delta, units):
    """Hand derivation: each contributor's last unit is worth its cost to it, and nobody
    below capacity wants one more."""
    Q = sum(q)
    return all((qi == 0 or bi * delta**(Q - 1) >= c) and (qi == units or bi * delta**Q <= c)
               for qi, bi in zip(q, b, strict=True))


@pytest.mark.parametrize("values,units", [
    ({}, 3),
    ({"defence_value_1": 7, "defence_value_2": 3, "defence_value_3": 1,
      "defence_unit_cost": 2}, 3),
    ({"defence_value_1": 9, "defence_value_2": 4, "defence_value_3": 2,
      "returns_decay": "2/3", "defence_unit_cost": 2}, 5),
    ({"defence_value_1": 12, "defence_value_2": 5, "defence_value_3": 5,
      "defence_unit_cost": 1}, 5),
])
def test_olson_zeckhauser_in_every_pure_equilibrium(values, units):
    """Olson and Zeckhauser (1966), Rev. Econ. Stat. 48(3), for members with b_i < delta b_L
    and a large member below capacity: the member valuing defence most carries the whole
    burden, more than its share of the benefit, and the alliance under-provides (its
    optimum total, the largest Q with sum_j b_j delta^(Q-1) >= c, is larger)."""
    g = gt.models.burden_sharing_n(3, units=units, **values)
    pt = g.point(**values)
    b = [pt[f"defence_value_{k}"] for k in (1, 2, 3)]
    c, delta = pt["defence_unit_cost"], pt["returns_decay"]
    assert all(bi < delta * b[0] for bi in b[1:])
    eqs = g.pure_equilibria(**values)
    expected = [q for q in itertools.product(range(units + 1), repeat=3)
                if _conditions_hold(q, b, c, delta, units)]
    assert eqs == expected and eqs
    for q in eqs:
        assert q[0] < units  # below capacity
        assert burden_shares(q) == (1, 0, 0) and 1 > b[0] / sum(b)
        optimum = max(Q for Q in range(3 * units + 1) if Q == 0 or sum(b) * delta**(Q - 1) >= c)
        assert sum(q) < optimum  # under-provision: the Samuelson condition fails at sum(q)
        assert sum(b) * delta**sum(q) > c


def test_close_valuations_let_a_smaller_member_carry_on_the_grid():
    """b = (5, 3, 1), c = 7/5, two units each: 3/2 >= 7/5 >= 5/4, so (0, 2, 0) is also an
    equilibrium (member 2's second unit pays, member 1's first would not at Q = 2)."""
    values = {"defence_value_1": 5, "defence_value_2": 3, "defence_value_3": 1,
              "defence_unit_cost": "7/5"}
    eqs = gt.models.burden_sharing_n(3, units=2, **values).pure_equilibria(**values)
    assert (0, 2, 0) in eqs and (2, 0, 0) in eqs


def test_defaults_the_large_member_carries_everything():
    g = gt.models.burden_sharing_n(4, units=3)
    (q,) = g.pure_equilibria()
    # b = (27, 9, 3, 1), c = 3, delta = 1/2: member 1 provides units while 27 / 2^(Q-1) >= 3
    assert q == (3, 0, 0, 0)  # at capacity: 27/8 >= 3
    assert burden_shares(q)[0] == 1 > F(27, 40)


def test_validation_and_labels():
    g = gt.models.burden_sharing_n(["Poland", "Germany"], units=2)
    assert g.players == ("Poland", "Germany")
    assert g.strategies[0] == ("0 units", "1 unit", "2 units")
    with pytest.raises(gt.ParameterError, match="units"):
        gt.models.burden_sharing_n(3, units=0)
    with pytest.raises(gt.ParameterError, match="members"):
        gt.models.burden_sharing_n(1)
    with pytest.raises(gt.ParameterError, match="constraint"):
        gt.models.burden_sharing_n(2, returns_decay=1)
    assert burden_shares((0, 0)) == (0, 0)
