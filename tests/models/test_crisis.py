"""Classic crisis and deterrence models: each docstring's closed form, derived with the
toolkit's symbolic functions and checked against exact numeric equilibria.

Expected formulas are the published ones (cited in the model docstrings), typed here.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy
from model_checks import profiles, pure, truth, val

import gametheory as gt
from gametheory.models.kit import symbol

F = Fraction


# ------------------------------------------------------------------ chicken
def chicken_points():
    rng = random.Random(1)
    for _ in range(5):
        VA, VD = F(rng.randint(1, 20), 4), F(rng.randint(1, 20), 4)
        yield {"stake_aggressor": VA, "stake_defender": VD,
               "fight_cost_aggressor": VA + F(rng.randint(1, 20), 3),
               "fight_cost_defender": VD + F(rng.randint(1, 20), 3)}


def test_chicken_mixed_equilibrium_closed_form():
    p = gt.models.chicken()
    eq = p.mixed_equilibrium((("Hawk", "Dove"), ("Hawk", "Dove")))
    VA, VD, CA, CD = (symbol(n) for n in ("stake_aggressor", "stake_defender",
                                          "fight_cost_aggressor", "fight_cost_defender"))
    assert sympy.simplify(eq.row[0] - VD / CD) == 0  # Aggressor's Hawk probability
    assert sympy.simplify(eq.col[0] - VA / CA) == 0
    for point in chicken_points():
        g = p.at(**point)
        x = (point["stake_defender"] / point["fight_cost_defender"],
             1 - point["stake_defender"] / point["fight_cost_defender"])
        y = (point["stake_aggressor"] / point["fight_cost_aggressor"],
             1 - point["stake_aggressor"] / point["fight_cost_aggressor"])
        assert profiles(g) == {(pure(0), pure(1)), (pure(1), pure(0)), (x, y)}
        assert eq.holds(**point)


def test_chicken_pure_conditions_and_symmetric_ess():
    p = gt.models.chicken()
    cond = p.conditions(("Hawk", "Dove"))
    for point in chicken_points():
        assert truth(cond, point)
        assert not truth(p.conditions(("Hawk", "Hawk")), point)
    # Hawk-Dove is Chicken only while V < C: with V_D > C_D the Defender always fights back
    assert not truth(cond, {"stake_aggressor": 2, "stake_defender": 8,
                            "fight_cost_aggressor": 6, "fight_cost_defender": 6})
    for V, C in ((1, 2), (2, 6), (F(3, 2), 5)):
        g = p.at(stake_aggressor=V, stake_defender=V, fight_cost_aggressor=C,
                 fight_cost_defender=C)
        mixed = [e for e in g.equilibria() if not e.is_pure]
        assert [e.row[0] for e in mixed] == [F(V) / C]  # Maynard Smith's (1974) ESS V/C


# ------------------------------------------------------------------ stag hunt
def stag_points(punishment_above_temptation: bool = False):
    """Random stag hunts: R > T >= P > S (Skyrms 2004), or R > P > T and P > S."""
    rng = random.Random(3 if punishment_above_temptation else 2)
    for _ in range(6):
        S = F(rng.randint(-10, 10), 3)
        P = S + F(rng.randint(1, 40 if punishment_above_temptation else 12), 4)
        if punishment_above_temptation:
            T = P - F(rng.randint(1, 12), 4)  # may fall below S too
            R = P + F(rng.randint(1, 12), 4)
        else:
            T = P + F(rng.randint(0, 12), 4)
            R = T + F(rng.randint(1, 12), 4)
        yield {"cooperation_reward": R, "temptation": T, "punishment": P, "sucker_payoff": S}


@pytest.mark.parametrize("punishment_above_temptation", [False, True],
                         ids=["T>=P", "P>T"])
def test_stag_hunt_equilibria_and_risk_dominance(punishment_above_temptation):
    p = gt.models.stag_hunt()
    R, T, P, S = (symbol(n) for n in ("cooperation_reward", "temptation", "punishment",
                                      "sucker_payoff"))
    eq = p.mixed_equilibrium((("Cooperate", "Defect"), ("Cooperate", "Defect")))
    pstar = (P - S) / ((R - T) + (P - S))
    assert sympy.simplify(eq.row[0] - pstar) == 0
    assert sympy.simplify(eq.col[0] - pstar) == 0
    cc = p.conditions(("Cooperate", "Cooperate"))
    dd = p.conditions(("Defect", "Defect"))
    rd = gt.models.stag_hunt_risk_dominance()
    outcomes = set()
    for point in stag_points(punishment_above_temptation):
        assert (point["punishment"] > point["temptation"]) == punishment_above_temptation
        assert p.resolve(point)  # the declared constraints accept it
        assert truth(cc, point) and truth(dd, point)
        g = p.at(**point)
        ps = val(pstar, point)
        assert profiles(g) == {(pure(0), pure(0)), (pure(1), pure(1)),
                               ((ps, 1 - ps), (ps, 1 - ps))}
        # Harsanyi-Selten: compare the Nash products of deviation losses, from the matrix.
        A, B = g.A, g.B
        at_cc = (A[0, 0] - A[1, 0]) * (B[0, 0] - B[0, 1])
        at_dd = (A[1, 1] - A[0, 1]) * (B[1, 1] - B[1, 0])
        assert truth(rd, point) == (at_cc > at_dd) == (ps < F(1, 2))
        outcomes.add(at_cc > at_dd)
    assert outcomes == {True, False}


def test_stag_hunt_constraints_are_the_standard_definition():
    """R > T, R > P, P > S: a game failing one of them is not a stag hunt and is refused."""
    p = gt.models.stag_hunt()
    R, T, P, S = (symbol(n) for n in ("cooperation_reward", "temptation", "punishment",
                                      "sucker_payoff"))
    assert set(p.constraints) == {R > T, R > P, P > S}
    p.resolve({"cooperation_reward": 4, "temptation": 1, "punishment": 3, "sucker_payoff": 2})
    for broken in ({"cooperation_reward": 3, "temptation": 3},  # R = T
                   {"cooperation_reward": 2, "temptation": 1, "punishment": 3},  # P > R
                   {"punishment": 0}):  # P = S
        with pytest.raises(gt.ParameterError, match="constraint"):
            p.resolve(broken)


# ------------------------------------------------------------------ inspection
def inspection_points():
    rng = random.Random(3)
    for _ in range(5):
        c = F(rng.randint(1, 20), 4)
        yield {"violation_gain": F(rng.randint(1, 20), 4), "penalty": F(rng.randint(1, 40), 4),
               "inspection_cost": c, "violation_loss": c + F(rng.randint(1, 20), 4)}


def test_inspection_game_closed_form_and_tsebelis_paradox():
    p = gt.models.inspection_game()
    g_, f_, c_, l_ = (symbol(n) for n in ("violation_gain", "penalty", "inspection_cost",
                                          "violation_loss"))
    eq = p.mixed_equilibrium((("Comply", "Violate"), ("Inspect", "Trust")))
    assert sympy.simplify(eq.row[1] - c_ / l_) == 0          # violation probability
    assert sympy.simplify(eq.col[0] - g_ / (g_ + f_)) == 0    # inspection probability
    # Tsebelis: the penalty does not move the violation rate, only the inspection rate.
    assert sympy.diff(eq.row[1], f_) == 0
    assert sympy.simplify(sympy.diff(eq.col[0], f_) + g_ / (g_ + f_) ** 2) == 0
    support = (("Comply", "Violate"), ("Inspect", "Trust"))
    assert p.comparative_statics("Inspectee: Violate", "penalty", support=support).sign == 0
    assert p.comparative_statics("Inspector: Inspect", "penalty", support=support).sign == -1
    for prof in (("Comply", "Inspect"), ("Comply", "Trust"), ("Violate", "Inspect"),
                 ("Violate", "Trust")):
        for point in inspection_points():
            assert not truth(p.conditions(prof), point)
    for point in inspection_points():
        viol = point["inspection_cost"] / point["violation_loss"]
        insp = point["violation_gain"] / (point["violation_gain"] + point["penalty"])
        assert profiles(p.at(**point)) == {((1 - viol, viol), (insp, 1 - insp))}
        harsher = p.at(**{**point, "penalty": point["penalty"] * 3}).equilibria()[0]
        assert harsher.row[1] == viol and harsher.col[0] < insp


# ------------------------------------------------------------------ Zagare-Kilgour deterrence
def test_deterrence_threshold_by_backward_induction():
    tree = gt.models.deterrence_game()
    c = gt.models.deterrence_threshold()
    point = {"challenger_wins": 1, "challenger_status_quo": F(1, 2), "challenger_conflict": -1}
    assert val(c, point) == F(1, 4)  # (1 - 1/2) / (1 - (-1))
    rng = random.Random(4)
    for _ in range(6):
        uDD = F(rng.randint(-20, 0), 4)
        uSQ = uDD + F(rng.randint(1, 10), 4)
        uDC = uSQ + F(rng.randint(1, 10), 4)
        pt = {"challenger_wins": uDC, "challenger_status_quo": uSQ, "challenger_conflict": uDD}
        cstar = (uDC - uSQ) / (uDC - uDD)
        for cred in (cstar / 2, cstar, (1 + cstar) / 2):
            spes = tree.backward_induction(**pt, credibility=cred)
            moves = {e.labels[0] for e in spes}
            assert {e.labels[1] for e in spes} == {"Deny if Hard, Concede if Soft"}
            if cred > cstar:
                assert moves == {"Cooperate"}
            elif cred < cstar:
                assert moves == {"Defect"}
            else:
                assert moves == {"Cooperate", "Defect"}  # indifferent at the threshold


def test_costlier_conflict_can_lower_credibility_perfect_deterrence():
    """Zagare and Kilgour (2000): a threat is credible only if carrying it out beats
    backing down. Raising the Defender's cost of conflict until conflict is worse than
    conceding turns the Hard type Soft and deterrence fails at any prior, although the
    same rise in the Challenger's cost only strengthens deterrence."""
    tree = gt.models.deterrence_game()
    vH = F(1, 2)  # the default Hard conflict payoff, above conceding (0)
    for cost in (F(0), F(1, 4), F(3, 4), F(2)):
        spes = tree.backward_induction(defender_conflict_hard=vH - cost, credibility=F(9, 10))
        hard_denies = vH - cost > 0
        assert {e.labels[1].split(",")[0] for e in spes} == \
            {"Deny if Hard" if hard_denies else "Concede if Hard"}
        assert {e.labels[0] for e in spes} == {"Cooperate" if hard_denies else "Defect"}
    # the Challenger's own cost of conflict pushes the other way: the threshold falls
    c = gt.models.deterrence_threshold()
    pt = {"challenger_wins": 1, "challenger_status_quo": F(1, 2)}
    thresholds = [val(c, {**pt, "challenger_conflict": -cost}) for cost in (1, 2, 4)]
    assert thresholds == sorted(thresholds, reverse=True) and len(set(thresholds)) == 3


def test_deterrence_by_bluff_is_a_non_credible_nash_equilibrium():
    tree = gt.models.deterrence_game()
    low = {"credibility": F(1, 10)}  # below the threshold 1/4: deterrence fails in the SPE
    verdict = {c.equilibrium.pure_labels(): c.subgame_perfect
               for c in tree.classify_equilibria(**low) if c.equilibrium.is_pure}
    assert verdict[("Cooperate", "Deny if Hard, Deny if Soft")] is False
    assert verdict[("Defect", "Deny if Hard, Concede if Soft")] is True
    nf = tree.to_normal_form()
    cond = nf.conditions(("Cooperate", "Deny if Hard, Concede if Soft"))
    for cred in (F(1, 10), F(1, 4), F(1, 3), F(9, 10)):
        assert truth(cond, {**nf.defaults(), "credibility": cred}) == (cred >= F(1, 4))
        nash = {e.pure_labels() for e in nf.at(credibility=cred).equilibria() if e.is_pure}
        assert (("Cooperate", "Deny if Hard, Concede if Soft") in nash) == (cred >= F(1, 4))
        assert (("Defect", "Deny if Hard, Concede if Soft") in nash) == (cred <= F(1, 4))
