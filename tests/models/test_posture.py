"""Observed and partially observed posture: subgame-perfect equilibria against backward
induction done by hand, the limits of the partial game (lambda = 0 is the simultaneous
posture game, lambda = 1 the observed one), its closed form, and a brute-force Nash check
on the tree's own payoffs."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy

import gametheory as gt
from gametheory.models.kit import symbol
from gametheory.models.posture import (
    POSTURE_PARAMETERS,
    POSTURES,
    available_replies,
    observed_posture_game,
    partial_posture_equilibria,
    partial_posture_game,
)
from gametheory.models.registry import variant_names

F = Fraction
KEYS = {"Under-react": "U", "Intercept": "I", "Retaliate": "X"}
COST = {"Unready": None, "Intercept-ready": "readiness_cost_intercept",
        "Retaliate-ready": "readiness_cost_retaliate"}

#: The base point, pinned (today's defaults; the payoff terms the model revision of issue
#: #12 adds, where present, switched off) so that the hand derivations below keep holding
#: if the family's defaults move.
PIN = {"probe_value": 4, "probe_cost": 1, "interception_prob": F(3, 4),
       "retaliation_damage": 6, "escalation_prob_intercept": F(1, 100),
       "escalation_prob_retaliate": F(1, 10), "war_cost_aggressor": 100,
       "war_cost_defender": 100, "probe_damage": 2, "credibility_loss": 3,
       "residual_credibility_loss": F(1, 2), "intercept_cost": 1, "retaliation_cost": 2,
       "cohesion": F(3, 4), "readiness_cost_intercept": F(1, 2),
       "readiness_cost_retaliate": 1, "posture_visibility": F(1, 2),
       **{n: 0 for n in ("information_gain", "cost_imposition", "disunity_cost")
          if n in POSTURE_PARAMETERS}}


def pinned(tree_or_none=None, **values):
    """The pinned point with ``values`` on top, limited to the parameters of a tree."""
    point = {**PIN, **values}
    if tree_or_none is not None:
        names = {p.name for p in tree_or_none.parameters}
        point = {k: v for k, v in point.items() if k in names}
    return point


#: Exact points: defaults (interception credible and deterring), a low credibility loss
#: (a ready Defender would not intercept), a costly readiness, an unprofitable probe,
#: interception that does not deter, and a credible deterring retaliation.
POINTS = [
    {},
    {"credibility_loss": "1/2"},
    {"readiness_cost_intercept": 6},
    {"probe_cost": 5},
    {"interception_prob": "1/4"},
    {"interception_prob": 0, "credibility_loss": 30, "residual_credibility_loss": 10,
     "escalation_prob_retaliate": "1/100", "cohesion": 1},
]


def point_values(**values):
    """Every parameter at the point: defaults, then the given values, exact."""
    out = {n: sp.default for n, sp in POSTURE_PARAMETERS.items()}
    out.update({k: F(v) for k, v in {**PIN, **values}.items()})
    return out


def payoffs_at(**values):
    vals = point_values(**values)
    subs = {symbol(n): sympy.Rational(v.numerator, v.denominator) for n, v in vals.items()}
    pay = {k: e.xreplace(subs) for k, e in gt.models.probe_response_payoffs().items()}
    return {k: F(int(v.p), int(v.q)) for k, v in pay.items()}, vals


def hand_backward_induction(**values):
    """Backward induction written out: reply, then probe-or-refrain, then posture."""
    pay, vals = payoffs_at(**values)
    outcomes = {}
    for k in POSTURES:
        m = F(0) if COST[k] is None else vals[COST[k]]
        d = {r: pay["D_" + KEYS[r]] for r in available_replies(k)}
        br = max(d, key=lambda r: (d[r], -available_replies(k).index(r)))  # least escalatory
        a = pay["A_" + KEYS[br]]
        assert a != 0, "points are chosen without ties"
        outcomes[k] = ("Probe", a, d[br] - m) if a > 0 else ("Refrain", F(0), -m)
    best = max(v[2] for v in outcomes.values())
    return {(k, outcomes[k][0], outcomes[k][1], outcomes[k][2])
            for k in POSTURES if outcomes[k][2] == best}


def test_variants_are_registered():
    assert isinstance(gt.models.probe_response("observed-posture"), gt.GameTree)
    assert isinstance(gt.models.probe_response("partial-posture"), gt.GameTree)
    assert {"observed-posture", "partial-posture"} <= set(variant_names("probe_response"))
    assert available_replies("Unready") == ("Under-react",)
    with pytest.raises(gt.ParameterError, match="unknown posture"):
        available_replies("Alert")


@pytest.mark.parametrize("point", POINTS)
def test_observed_spe_is_backward_induction_by_hand(point):
    tree = observed_posture_game()
    assert tree.is_perfect_information
    got = {(e.path[0], e.path[1], *e.payoffs)
           for e in tree.backward_induction(**pinned(tree, **point))}
    assert got == hand_backward_induction(**point)


def test_observed_outcomes_at_named_points():
    tree = observed_posture_game()

    def paths(**point):
        return [e.path[:2] for e in tree.backward_induction(**pinned(tree, **point))]

    # defaults: a credible interception posture deters, nobody probes
    assert paths() == [("Intercept-ready", "Refrain")]
    # a ready Defender that would not intercept deters nothing: it saves the cost
    assert paths(credibility_loss="1/2") == [("Unready", "Probe")]
    # credible retaliation deters where interception cannot (pi = 0)
    assert paths(**POINTS[-1]) == [("Retaliate-ready", "Refrain")]


def probe_probability_simultaneous(**values):
    game = gt.models.probe_response("posture")
    eqs = game.at(**pinned(game, **values)).equilibria()
    assert len(eqs) == 1
    return eqs[0].row[1], eqs[0].col[1]


def probe_probability_observed(**values):
    tree = observed_posture_game()
    (e,) = tree.backward_induction(**pinned(tree, **values))
    return F(int(e.path[1] == "Probe")), F(int(e.path[0] == "Intercept-ready"))


def test_tsebelis_logic_disappears_under_observation():
    pay, vals = payoffs_at()
    # simultaneous: P(Probe) = m_I / (D_I - D_U), set by the Defender's indifference
    for m_i in (F(1, 2), F(3, 4)):
        p, _ = probe_probability_simultaneous(readiness_cost_intercept=m_i)
        assert p == m_i / (pay["D_I"] - pay["D_U"])
    assert probe_probability_simultaneous(readiness_cost_intercept="3/4")[0] > \
        probe_probability_simultaneous()[0]
    # ... unchanged by the Aggressor's probe cost, which lowers readiness instead
    p1, y1 = probe_probability_simultaneous()
    p2, y2 = probe_probability_simultaneous(probe_cost="3/2")
    assert p1 == p2 and y2 < y1
    # observed: nobody probes at any of these points and the Defender is ready for sure
    for point in ({}, {"readiness_cost_intercept": "3/4"}, {"probe_cost": "3/2"}):
        assert probe_probability_observed(**point) == (0, 1)
    # observation removes probing until readiness costs more than a tolerated probe
    assert probe_probability_observed(readiness_cost_intercept=6,
                                      readiness_cost_retaliate=7) == (1, 0)
    # (with m_I > m_X the retaliation posture, which also intercepts, deters more cheaply)
    tree = observed_posture_game()
    (e,) = tree.backward_induction(**pinned(tree, readiness_cost_intercept=6))
    assert e.path == ("Retaliate-ready", "Refrain")


def test_partial_limits_are_the_simultaneous_and_observed_games():
    for point in ({}, {"readiness_cost_intercept": "3/4"}, {"probe_cost": "3/2"}):
        (e,) = partial_posture_equilibria(**pinned(**point, posture_visibility=0))
        game = gt.models.probe_response("posture")
        g = game.at(**pinned(game, **point))
        (s,) = g.equilibria()
        assert e.probe_if_unseen == s.row[1] == e.probe_probability
        assert tuple(e.posture.values()) == s.col
    for point in POINTS:
        got = {(k, e.probe_if_seen[k], e.payoffs[1])
               for e in partial_posture_equilibria(**pinned(**point, posture_visibility=1))
               for k, y in e.posture.items() if y == 1}
        assert got == {(k, act, d) for k, act, _, d in hand_backward_induction(**point)}


@pytest.mark.parametrize("lam", [F(0), F(1, 20), F(1, 11), F(1, 10), F(1, 5), F(9, 10)])
def test_partial_closed_form(lam):
    pay, vals = payoffs_at()
    m_i = vals["readiness_cost_intercept"]
    eqs = partial_posture_equilibria(**pinned(posture_visibility=lam))
    lam_star = m_i / (-pay["D_U"])
    assert lam_star == F(1, 10)
    y = pay["A_U"] / (pay["A_U"] - pay["A_I"])
    if lam == lam_star:
        # the knife edge: nobody probes an unseen posture, readiness anywhere in [y, 1]
        assert sorted(e.posture["Intercept-ready"] for e in eqs) == [y, 1]
        assert all(e.probe_if_unseen == 0 for e in eqs)
        return
    (e,) = eqs
    if lam < lam_star:
        p = (m_i + lam * pay["D_U"]) / ((1 - lam) * (pay["D_I"] - pay["D_U"]))
        assert e.posture == {"Unready": 1 - y, "Intercept-ready": y, "Retaliate-ready": 0}
        assert e.probe_if_unseen == p
        assert e.probe_probability == (1 - lam) * p + lam * (1 - y)
    else:
        assert e.posture["Intercept-ready"] == 1 and e.probe_probability == 0
    assert e.replies["Intercept-ready"] == "Intercept"
    assert e.probe_if_seen == {"Unready": "Probe", "Intercept-ready": "Refrain",
                               "Retaliate-ready": "Refrain"}


def behaviour_payoffs(tree, posture, seen, unseen_p, replies, deviation=None):
    """Expected payoffs of a behaviour profile, summed over pure profiles of the tree."""
    sets = tree.information_sets()
    index = {h.name: h.index for h in sets}
    index["posture"] = sets[0].index  # the root: the Defender's posture
    total = [F(0), F(0)]
    for k, y in posture.items():
        for act, q in (("Probe", unseen_p), ("Refrain", 1 - unseen_p)):
            w = y * q
            if w == 0:
                continue
            prof = {index["posture"]: k, index["posture unseen"]: act}
            for kk in POSTURES:
                prof[index[f"saw {kk}"]] = seen[kk]
                if f"probed when {kk}" in index:
                    prof[index[f"probed when {kk}"]] = replies[kk]
            if deviation:
                prof.update({index[n]: a for n, a in deviation.items()})
            u = tree.expected_payoffs(prof)
            total = [t + w * x for t, x in zip(total, u, strict=True)]
    return tuple(total)


@pytest.mark.parametrize("point", [{"posture_visibility": "1/20"},
                                   {"posture_visibility": "1/2"},
                                   {"posture_visibility": "1/4", "credibility_loss": "1/2"},
                                   {"posture_visibility": "1/20",
                                    "readiness_cost_intercept": 2}])
def test_partial_equilibria_are_nash_of_the_tree(point):
    tree = partial_posture_game()
    tree = tree.at(**pinned(tree, **point))
    sets = tree.information_sets()
    eqs = partial_posture_equilibria(**pinned(**point))
    assert eqs
    for e in eqs:
        q = e.probe_if_unseen
        base = behaviour_payoffs(tree, e.posture, e.probe_if_seen, q, e.replies)
        assert base == e.payoffs
        for who in (0, 1):
            mine = [h for h in sets if h.player == who]
            for acts in itertools.product(*(h.actions for h in mine)):
                dev = {h.name: a for h, a in zip(mine, acts, strict=True)}
                if who == 1:
                    dev["posture"] = acts[0]
                if who == 0:
                    seen = {k: dev[f"saw {k}"] for k in POSTURES}
                    u = behaviour_payoffs(tree, e.posture, seen,
                                          F(int(dev["posture unseen"] == "Probe")), e.replies)
                else:
                    reps = {**e.replies, **{k: dev[f"probed when {k}"] for k in POSTURES
                                            if f"probed when {k}" in dev}}
                    u = behaviour_payoffs(tree, {dev["posture"]: F(1)}, e.probe_if_seen, q,
                                          reps)
                assert u[who] <= base[who]


def test_partial_validation_and_normal_form():
    with pytest.raises(gt.ParameterError):
        partial_posture_equilibria(posture_visibility=2)
    with pytest.raises(gt.ParameterError, match="r_I"):
        partial_posture_equilibria(credibility_loss="1/4")
    tree = partial_posture_game()
    assert "posture_visibility" in [p.name for p in tree.parameters]
    assert [h.name for h in tree.information_sets("Aggressor") if len(h.nodes) > 1] == \
        ["posture unseen"]


@pytest.mark.parametrize("point", [{"posture_visibility": 0}, {"posture_visibility": "1/20"},
                                   {"posture_visibility": "1/2"},
                                   {"posture_visibility": "1/20", "probe_cost": "3/2"}])
def test_partial_equilibrium_path_agrees_with_gambit(point):
    """Gambit's sequence-form LCP on the tree (written by to_efg) finds a Nash equilibrium
    with the same posture mix, unseen probing rate and payoffs; off the path (an unused
    Retaliate-ready reply) Gambit need not be sequentially rational, so that is not compared."""
    gbt = pytest.importorskip("pygambit")
    import io

    tree = partial_posture_game()
    tree = tree.at(**pinned(tree, **point))
    (ours,) = partial_posture_equilibria(**pinned(**point))
    game = gbt.read_efg(io.StringIO(tree.to_efg()))
    (eq,) = gbt.nash.lcp_solve(game, rational=True).equilibria
    sets = {(p.label, h.label): h for p in game.players for h in p.infosets}
    root = sets[("Defender", "at the root")]
    assert {a.label: F(str(eq[a])) for a in root.actions} == ours.posture
    unseen = sets[("Aggressor", "posture unseen")]
    probe = {a.label: F(str(eq[a])) for a in unseen.actions}["Probe"]
    assert probe == ours.probe_if_unseen
    assert tuple(F(str(eq.payoff(p))) for p in game.players) == ours.payoffs
