"""The deniable probe: better attribution moves the Defender from interception
(denial) to retaliation after an attributing signal (punishment), and lowers probing,
as the closed form says (after Baliga, Bueno de Mesquita and Wolitzky 2020); the closed
form is checked against the exact solver on the normal form of signal-contingent
plans."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

import gametheory as gt
from gametheory.errors import SolverError

F = Fraction
PLANS = [f"{a} / {n}" for a in "UIX" for n in "UIX"]


def solver_equilibria(**point):
    """Equilibria of the normal form by the exact solver: (probe probability, the
    Defender's reply distributions after each signal)."""
    out = []
    for e in gt.models.deniable_probe().at(**point).equilibria():
        attributed = {r: F(0) for r in "UIX"}
        unattributed = {r: F(0) for r in "UIX"}
        for label, w in zip(PLANS, e.col, strict=True):
            a, n = label.split(" / ")
            attributed[a] += w
            unattributed[n] += w
        out.append((e.row[1], attributed, unattributed))
    return out


@pytest.mark.parametrize("q", [F(1, 2), F(11, 20), F(3, 5), F(3, 4), F(9, 10), F(99, 100)])
def test_closed_form_is_the_unique_equilibrium(q):
    (solved,) = solver_equilibria(attribution_quality=q)
    eq = gt.models.deniable_probe_equilibrium(attribution_quality=q)
    assert solved == (eq.probe, eq.defender["attributed"], eq.defender["unattributed"])


def test_closed_form_at_random_points():
    """25 seeded points within the stated assumptions: the closed form is the solver's
    unique equilibrium, including points where even certain retaliation does not deter
    (A_I > q s: probe and retaliate for sure)."""
    rng = random.Random(3)
    checked = 0
    while checked < 25:
        point = {"attribution_quality": F(rng.randint(50, 99), 100),
                 "other_incursion_prob": F(rng.randint(1, 9), 10),
                 "wrong_target_cost": rng.randint(0, 6), "retaliation_damage": rng.randint(1, 8),
                 "probe_value": rng.randint(2, 6),
                 "residual_credibility_loss": rng.randint(1, 4),
                 "retaliation_cost": F(rng.randint(1, 6), 2)}
        try:
            eq = gt.models.deniable_probe_equilibrium(**point)
        except SolverError:
            continue
        checked += 1
        assert solver_equilibria(**point) == [
            (eq.probe, eq.defender["attributed"], eq.defender["unattributed"])], point


def test_better_attribution_switches_the_defender_from_interception_to_retaliation():
    """mu* = (c_X + M)/(r_I + M) = 5/7 and q_1 = mu* eta / (1 - mu* + mu* eta) = 5/9 at
    the defaults (hand derivation): below q_1 every incursion is intercepted and the
    Aggressor probes for sure; above it an attributed incursion is met by retaliation
    with probability A_I/(q s) = 1/(6q) and probing falls to 5(1 - q)/(4q)."""
    q1 = F(5, 9)
    for q in (F(1, 2), F(27, 50), q1 - F(1, 1000)):
        eq = gt.models.deniable_probe_equilibrium(attribution_quality=q)
        assert eq.regime.startswith("denial") and eq.probe == 1
        assert eq.defender["attributed"]["X"] == 0 == eq.defender["unattributed"]["X"]
        assert eq.posterior["attributed"] < F(5, 7)
    probes = []
    for q in (q1 + F(1, 1000), F(3, 5), F(3, 4), F(9, 10)):
        eq = gt.models.deniable_probe_equilibrium(attribution_quality=q)
        assert eq.regime.startswith("punishment")
        assert eq.defender["attributed"]["X"] == 1 / (6 * q) > 0
        assert eq.defender["unattributed"]["X"] == 0      # no retaliation without attribution
        assert eq.probe == 5 * (1 - q) / (4 * q)
        assert eq.posterior["attributed"] == F(5, 7)      # indifferent where it mixes
        probes.append(eq.probe)
    assert probes == sorted(probes, reverse=True)


def test_more_innocent_culprits_delay_retaliation():
    """The threshold q_1 rises with the other culprit's rate eta: ambiguity pushes the
    Defender towards denial."""
    def regime(eta, q):
        return gt.models.deniable_probe_equilibrium(attribution_quality=q,
                                                    other_incursion_prob=eta).regime
    assert regime(F(1, 10), F(3, 5)).startswith("punishment")
    assert regime(F(9, 10), F(3, 5)).startswith("denial")
    (solved,) = solver_equilibria(attribution_quality=F(3, 5), other_incursion_prob=F(9, 10))
    assert solved[0] == 1 and solved[1]["I"] == 1


def test_outside_assumptions_refuses():
    with pytest.raises(SolverError):
        gt.models.deniable_probe_equilibrium(residual_credibility_loss="1/2")
    with pytest.raises(SolverError):
        gt.models.deniable_probe_equilibrium(attribution_quality=1)
    assert "deniable_probe" in gt.models.catalog().names()
