"""The learning prober: an independent check of its sequential equilibrium on the whole
tree (every information set of both players, Bayes' rule on and off the path), Kreps
and Wilson's (1982) thresholds b^n where the model reduces to their chain store, and the
comparative statics in the prior, the response cost, the horizon and the patience."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest

import gametheory as gt
from gametheory.analysis.repeated.reputation import ChainStore
from gametheory.errors import ParameterError
from gametheory.models.learning_prober import OUTCOMES, learning_prober

F = Fraction


# ---------------------------------------------------------------- independent check
def histories(T: int):
    for k in range(T + 1):
        yield from itertools.product(OUTCOMES, repeat=k)


def check_sequential_equilibrium(m, brute_force: bool = False) -> int:
    """Rebuild the tree from the model's behaviour strategies and check, at every
    information set, Bayes-consistent beliefs and that no player gains by any deviation.
    Returns the number of information sets checked."""
    T, g, l, d = m.rounds, m.probe_gain, m.answered_loss, m.patience
    a, c = m.peace_value, m.response_cost
    beh = {h: m.assessment(h) for h in histories(T)}

    # Beliefs: Bayes' rule step by step from the strategies (resolute always answers);
    # a zero-probability outcome keeps the only type that can produce it.
    belief = {(): m.prior}
    for h in histories(T - 1):
        mu, beta = belief[h], beh[h]["answer"]
        belief[h + ("refrain",)] = mu
        ans = mu + (1 - mu) * beta
        belief[h + ("answered",)] = mu / ans if ans else F(0)
        belief[h + ("unanswered",)] = F(0)
    for h in histories(T):
        assert beh[h]["belief"] == belief[h], h

    # On the path, the same beliefs from the reach probabilities of the whole tree.
    reach = {(True, ()): m.prior, (False, ()): 1 - m.prior}
    for h in histories(T - 1):
        x, beta = beh[h]["probe"], beh[h]["answer"]
        for res in (True, False):
            r = reach[(res, h)]
            ans = F(1) if res else beta
            reach[(res, h + ("refrain",))] = r * (1 - x)
            reach[(res, h + ("answered",))] = r * x * ans
            reach[(res, h + ("unanswered",))] = r * x * (1 - ans)
    for h in histories(T):
        tot = reach[(True, h)] + reach[(False, h)]
        if tot:
            assert reach[(True, h)] / tot == belief[h], h

    # The Prober: equilibrium value and best value over all continuation plans, by
    # type weights (linear in the weights, so unnormalised weights are fine).
    def eq_value(h, wr, ws):
        if len(h) == T:
            return F(0)
        x, beta = beh[h]["probe"], beh[h]["answer"]
        probe = ((wr + ws * beta) * (-l) + ws * (1 - beta) * g
                 + d * (eq_value(h + ("answered",), wr, ws * beta)
                        + eq_value(h + ("unanswered",), F(0), ws * (1 - beta))))
        refrain = d * eq_value(h + ("refrain",), wr, ws)
        return x * probe + (1 - x) * refrain

    def best_value(h, wr, ws):
        if len(h) == T:
            return F(0)
        beta = beh[h]["answer"]
        probe = ((wr + ws * beta) * (-l) + ws * (1 - beta) * g
                 + d * (best_value(h + ("answered",), wr, ws * beta)
                        + best_value(h + ("unanswered",), F(0), ws * (1 - beta))))
        return max(probe, d * best_value(h + ("refrain",), wr, ws))

    def plan_value(h, wr, ws, plan):
        """Literal evaluation of one pure plan (a dict history -> probe?)."""
        if len(h) == T:
            return F(0)
        beta = beh[h]["answer"]
        if not plan[h]:
            return d * plan_value(h + ("refrain",), wr, ws, plan)
        return ((wr + ws * beta) * (-l) + ws * (1 - beta) * g
                + d * (plan_value(h + ("answered",), wr, ws * beta, plan)
                       + plan_value(h + ("unanswered",), F(0), ws * (1 - beta), plan)))

    count = 0
    for h in histories(T - 1):
        mu = belief[h]
        assert eq_value(h, mu, 1 - mu) == best_value(h, mu, 1 - mu), ("Prober", h)
        count += 1
    if brute_force:
        info = [h for h in histories(T - 1)]
        best = max(plan_value((), m.prior, 1 - m.prior, dict(zip(info, bits, strict=True)))
                   for bits in itertools.product((False, True), repeat=len(info)))
        assert best == eq_value((), m.prior, 1 - m.prior)

    # The strategic Defender: at each information set (a history, then a probe).
    def d_eq(h):
        if len(h) == T:
            return F(0)
        x, beta = beh[h]["probe"], beh[h]["answer"]
        probed = beta * (-c + d_eq(h + ("answered",))) + (1 - beta) * d_eq(h + ("unanswered",))
        return x * probed + (1 - x) * (a + d_eq(h + ("refrain",)))

    def d_best(h):
        if len(h) == T:
            return F(0)
        x = beh[h]["probe"]
        probed = max(-c + d_best(h + ("answered",)), d_best(h + ("unanswered",)))
        return x * probed + (1 - x) * (a + d_best(h + ("refrain",)))

    for h in histories(T - 1):
        beta = beh[h]["answer"]
        answer, let_pass = -c + d_eq(h + ("answered",)), d_eq(h + ("unanswered",))
        assert max(answer, let_pass) == max(-c + d_best(h + ("answered",)),
                                            d_best(h + ("unanswered",))), ("Defender", h)
        if beta > 0:
            assert answer >= let_pass, ("Defender answers at a loss", h)
        if beta < 1:
            assert let_pass >= answer, ("Defender passes at a loss", h)
        count += 1
    return count


POINTS = [
    # (prior, g, l, a, c, delta)
    (F(1, 5), 1, 1, 2, 1, F(0)),            # Kreps-Wilson, myopic
    (F(1, 5), 1, 1, 2, 1, F(9, 10)),        # Kreps-Wilson costs, patient prober
    (F(1, 3), 2, 1, 3, 2, F(1, 2)),
    (F(1, 5), 1, 1, 2, 3, F(9, 10)),        # c > a: reputation only with rounds left
    (F(1, 10), 1, 2, 1, 3, F(1)),
    (F(2, 5), 3, 1, 1, 2, F(1, 2)),
    (F(0), 1, 1, 2, 1, F(1, 2)),            # complete information
]


@pytest.mark.parametrize("point", POINTS)
@pytest.mark.parametrize("T", [2, 3])
def test_sequential_equilibrium_on_the_whole_tree(point, T):
    p, g, l, a, c, d = point
    m = learning_prober(rounds=T, prior=p, probe_gain=g, answered_loss=l, peace_value=a,
                        response_cost=c, patience=d)
    n = check_sequential_equilibrium(m, brute_force=(T == 2))
    assert n == 2 * sum(3 ** k for k in range(T))


def test_checker_catches_a_wrong_strategy():
    """The check is not vacuous: a Prober who never probes fails it."""
    m = learning_prober(rounds=2, prior="1/5", patience=0)
    real = m.assessment
    m.assessment = lambda h: {**real(h), "probe": F(0)} if len(h) < 2 else real(h)
    with pytest.raises(AssertionError):
        check_sequential_equilibrium(m)


# ---------------------------------------------------------------- Kreps-Wilson
@pytest.mark.parametrize("b,a,p,T", [(F(1, 2), 2, F(1, 10), 6), (F(1, 3), 3, F(1, 20), 5),
                                     (F(2, 3), F(3, 2), F(1, 7), 6)])
def test_reduces_to_kreps_wilson(b, a, p, T):
    """Myopic probers with g = b, l = 1 - b and c = 1 are Kreps and Wilson's (1982,
    section 3) entrants: the Prober's threshold with n rounds left is b^n, the strategic
    type answers with probability mu (1 - b^(n-1)) / ((1 - mu) b^(n-1)) below b^(n-1), and
    the path of beliefs and entry probabilities is the chain store's."""
    m = learning_prober(rounds=T, prior=p, probe_gain=b, answered_loss=1 - b, peace_value=a,
                        response_cost=1, patience=0)
    for n in range(1, T + 1):
        assert m.threshold(n) == b ** n
        assert m.landing(n) == (b ** (n - 1) if n > 1 else None)
        mu = b ** (n + 1) / 3
        if n > 1:
            assert m.response_probability(n, mu) == (mu * (1 - b ** (n - 1))
                                                     / ((1 - mu) * b ** (n - 1)))
    cs = ChainStore(stages=T, prior=p, entrant_gain=b, incumbent_gain=a)
    rows = m.reputation_path()
    for mine, kw in zip(rows, cs.belief_path(), strict=True):
        assert mine["belief"] == kw["belief"]
        assert mine["probe_probability"] == kw["entry_probability"]
        assert mine["answer_probability"] == kw["weak_fight_probability"]
    assert sum(m.probe_probability_by_round()) == cs.expected_entries()
    # probing starts where the prior first exceeds b^n no more: about ln p / ln b
    # rounds from the end
    first = next(r["rounds_left"] for r in rows if r["probe_probability"] > 0)
    assert cs.first_entry_market() == first
    assert first == max(n for n in range(1, T + 1) if b ** n >= p)


def test_patience_changes_nothing_when_one_answer_costs_less_than_one_round_of_peace():
    """c < a: the strategic type's mixing leaves a long-lived Prober indifferent at every
    posterior it can reach, so it probes exactly as myopic ones do."""
    base = learning_prober(rounds=5, prior="1/10", patience=0)
    for d in (F(1, 2), F(1)):
        m = learning_prober(rounds=5, prior="1/10", patience=d)
        assert [m.threshold(n) for n in range(1, 6)] == [base.threshold(n) for n in range(1, 6)]
        assert m.probe_probability_by_round() == base.probe_probability_by_round()


def test_a_patient_prober_probes_early_to_learn_when_answers_are_dear():
    """c > a: with two rounds left no reputation is worth one answer ((n-1) a < c), the
    strategic type never answers, so a probe reveals the type. Hand derivation: at
    mu >= b the last Prober refrains (value 0), so probing now is worth
    g - mu (g + l) + delta (1 - mu) g (a strategic type found out is probed again next
    round) against 0 for refraining: the threshold is mu_2 = g (1 + delta) /
    (g (1 + delta) + l), above the myopic b = g / (g + l) whenever delta > 0."""
    g, l = F(1), F(2)
    for d in (F(0), F(1, 2), F(9, 10)):
        m = learning_prober(rounds=3, prior="1/5", probe_gain=g, answered_loss=l,
                            peace_value=2, response_cost=3, patience=d)
        assert m.landing(2) is None and m.response_probability(2, F(1, 5)) == 0
        assert m.threshold(2) == g * (1 + d) / (g * (1 + d) + l)
    early = [learning_prober(rounds=4, prior="2/5", peace_value=2, response_cost=3,
                             patience=d).probe_probability_by_round()[1] for d in (0, F(9, 10))]
    assert early[1] > early[0]


def test_comparative_statics_in_prior_cost_and_horizon():
    total = {p: sum(learning_prober(rounds=5, prior=p).probe_probability_by_round())
             for p in (F(1, 40), F(1, 10), F(3, 10))}
    assert total[F(1, 40)] > total[F(1, 10)] > total[F(3, 10)]   # more resolve, fewer probes
    # a dearer answer (c > a) ends reputation building with few rounds left
    cheap = learning_prober(rounds=3, prior="1/5", response_cost=1)
    dear = learning_prober(rounds=3, prior="1/5", response_cost=5)
    assert cheap.landing(3) is not None and dear.landing(3) is None
    assert sum(dear.probe_probability_by_round()) > sum(cheap.probe_probability_by_round())
    # a longer horizon defers the first probe: the first rounds are quiet
    long = learning_prober(rounds=8, prior="1/5", patience=0)
    assert long.probe_probability_by_round()[:5] == [0] * 5


def test_learning_by_type_and_values():
    m = learning_prober(rounds=4, prior="1/5", response_cost=3, peace_value=2)
    res, strat = m.expected_belief_by_round(True), m.expected_belief_by_round(False)
    assert res[0] == strat[0] == F(1, 5) and len(res) == 5
    assert res[-1] > F(1, 5) > strat[-1]          # the Prober learns the type
    # the martingale property: expected posterior under the prior is the prior
    assert F(1, 5) * res[-1] + F(4, 5) * strat[-1] == F(1, 5)
    assert m.prober_value() > 0
    assert m.probe_probability_by_round(resolute=True) != m.probe_probability_by_round(
        resolute=False)


def test_the_strategic_defenders_incentive_to_answer():
    """Mixing where the reputation is worth exactly c, a strict reason to answer above
    b^(n-1) (the peace it keeps: (n-1) a - c in the chain store), none in the last round."""
    m = learning_prober(rounds=3, prior="1/5", probe_gain=1, answered_loss=1, patience=0)
    for n, mu in ((3, F(1, 5)), (2, F(1, 3))):
        inc = m.answer_incentive(n, mu)
        assert inc["answer"] == inc["let pass"] == 0 and 0 < m.response_probability(n, mu) < 1
    assert m.answer_incentive(3, "1/2") == {"answer": 2 * 2 - 1, "let pass": 0}
    assert m.answer_incentive(1, "1/2")["answer"] == -1 and m.response_probability(1, F(1, 2)) == 0


def test_validation_and_catalog():
    with pytest.raises(ParameterError):
        learning_prober(rounds=0)
    with pytest.raises(ParameterError):
        learning_prober(prior=1)
    with pytest.raises(ParameterError):
        learning_prober(patience="3/2")
    with pytest.raises(ParameterError):
        learning_prober(response_cost=0)
    with pytest.raises(ParameterError):
        learning_prober().assessment(("probe",))
    assert "learning_prober" in gt.models.catalog().names()
    assert gt.models.learning_prober is learning_prober
    assert "LearningProber(rounds=4" in repr(learning_prober())
    assert "<table>" in learning_prober()._repr_html_()
