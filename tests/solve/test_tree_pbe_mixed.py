"""Mixed perfect Bayesian equilibria of small trees: against the signalling solver on
Beer-Quiche, against hand derivations of subgame-perfect mixed equilibria, on Selten's
horse, and (Nash part) against Gambit. Every equilibrium is re-checked here by an
independent evaluator written in this file (one-shot deviations at every information
set against the stated beliefs, Bayes' rule on the path)."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

import gametheory as gt
from gametheory.errors import SolverError
from gametheory.models import beer_quiche, costly_signals, job_market
from gametheory.solve.signaling import perfect_bayesian_equilibria as signalling_pbe
from gametheory.solve.tree_pbe import is_sequential, node_label, perfect_bayesian_equilibria
from gametheory.solve.tree_pbe_mixed import mixed_perfect_bayesian_equilibria as mixed_pbe

T = gt.GameTree


def horse():
    # Selten (1975, Int. J. Game Theory 4, "Reexamination of the perfectness concept for
    # equilibrium points in extensive games"), the horse.
    return T(T.decision("1", {
        "D": T.decision("3", {"L": T.terminal(3, 3, 2), "R": T.terminal(0, 0, 0)}, "three"),
        "A": T.decision("2", {
            "d": T.decision("3", {"L": T.terminal(4, 4, 0), "R": T.terminal(0, 0, 1)},
                            "three"),
            "a": T.terminal(1, 1, 1)}, "two")}, "one"), players=("1", "2", "3"))


def entry_with_mixed_subgame(out=(1, 5)):
    # The entrant stays Out or enters; after entry it picks Big or Small while the
    # incumbent, not seeing which, Fights or Accommodates. The post-entry game has no
    # pure equilibrium (see test_entry_game_with_a_mixed_post_entry_subgame).
    def inc(f, a):
        return T.decision("I", {"F": T.terminal(*f), "A": T.terminal(*a)}, "respond")
    return T(T.decision("E", {
        "Out": T.terminal(*out),
        "In": T.decision("E", {"B": inc((-2, 1), (3, 0)), "S": inc((1, -1), (0, 2))},
                         "size")}, "enter"), players=("E", "I"))


def pennies_after_entry(out):
    def guess(h, t):
        return T.decision("C", {"h": T.terminal(*h), "t": T.terminal(*t)}, "guess")
    return T(T.decision("R", {"Out": T.terminal(*out), "In": T.decision("R", {
        "H": guess((1, 0), (0, 1)), "T": guess((0, 1), (1, 0))}, "coin")}, "enter"),
        players=("R", "C"))


# ------------------------------------------------------------ independent re-check
def _value(tree, node, b, player):
    n = tree.nodes[node]
    if n.kind == "terminal":
        return F(n.payoffs[player])
    probs = (n.probabilities if n.kind == "chance"
             else [b[n.infoset].get(a, F(0)) for a in n.actions])
    return sum((F(p) * _value(tree, c, b, player) for p, c in zip(probs, n.children, strict=True)
                if p), F(0))


def _reach(tree, node, b):
    p = F(1)
    while tree.nodes[node].parent is not None:
        par = tree.nodes[node].parent
        n = tree.nodes[par]
        k = n.children.index(node)
        p *= F(n.probabilities[k]) if n.kind == "chance" else b[n.infoset].get(n.actions[k],
                                                                               F(0))
        node = par
    return p


def assert_pbe(tree, e):
    """One-shot deviations at every information set against e's beliefs (Bayes from the
    root where the root reaches the set, else the stated belief or a point of the set)."""
    sets = tree.information_sets()
    b = {h.index: dict(e.behaviour[h.name]) for h in sets}
    a = e.assessment()
    for h in sets:
        mass = {x: _reach(tree, x, b) for x in h.nodes}
        total = sum(mass.values())
        if total:
            mu = {x: m / total for x, m in mass.items()}
            if len(h.nodes) > 1 and h.name in e.beliefs:
                assert {node_label(tree, x): mu[x] for x in h.nodes} == e.beliefs[h.name]
        elif len(h.nodes) == 1:
            mu = {h.nodes[0]: F(1)}
        else:
            mu = {x: F(a.beliefs[h.name][node_label(tree, x)]) for x in h.nodes}
        i = h.player
        value = {}
        for act in h.actions:
            value[act] = sum((mu[x] * _value(tree, tree.nodes[x].children[
                tree.nodes[x].actions.index(act)], b, i) for x in h.nodes), F(0))
        best = max(value.values())
        assert all(value[act] == best for act in b[h.index]), (h.name, value)


def _table(e):
    return {h: {a: p for a, p in d.items() if p} for h, d in e.behaviour.items()}


# ---------------------------------------------------------------------- Beer-Quiche
@pytest.mark.parametrize("prior", [F(1, 10), F(9, 10), F(1, 2)])
def test_beer_quiche_tree_equals_the_signalling_solver(prior):
    # Cho and Kreps (1987, Quarterly Journal of Economics 102, "Signaling games and stable
    # equilibria"): the signalling solver's extreme PBE, from the tree alone
    g = beer_quiche(prior)
    tree = g.to_tree()
    sol = mixed_pbe(tree)
    ours = []
    for e in sol:
        assert_pbe(tree, e)
        ours.append((_table(e), {h.split(" ", 1)[1]: bs.interval
                                 for h, bs in e.off_path.items()}))
    theirs = []
    for e in signalling_pbe(g):
        table = {f"if {t}": e.sender_mix(t) for t in g.types}
        table |= {f"after {m}": e.receiver_mix(m) for m in g.messages}
        theirs.append((table, {m: bs.interval for m, bs in e.off_path.items()}))
    assert len(ours) == len(theirs) > 0
    assert all(x in theirs for x in ours) and all(x in ours for x in theirs)


def _random_signalling_game(seed):
    import random

    rng = random.Random(seed)
    types, messages, actions = ("a", "b", "c"), ("m", "n"), ("x", "y")
    pay = {(t, m, a): (rng.randint(0, 4), rng.randint(0, 4))
           for t in types for m in messages for a in actions}
    return gt.SignalingGame(types, {"a": F(1, 2), "b": F(1, 3), "c": F(1, 6)}, messages,
                            actions, pay)


@pytest.mark.parametrize("game", [job_market(), costly_signals("sunk"),
                                  costly_signals("tied"), _random_signalling_game(3)],
                         ids=["job-market", "sunk-cost", "tied-hands", "random-3-types"])
def test_other_signalling_games_equal_the_signalling_solver(game):
    # the two solvers share no equation-solving code: the signalling one intersects
    # polytopes per pattern, this one solves the tree's indifference systems
    ours = [_table(e) for e in mixed_pbe(game.to_tree())]
    theirs = [{f"if {t}": e.sender_mix(t) for t in game.types}
              | {f"after {m}": e.receiver_mix(m) for m in game.messages}
              for e in signalling_pbe(game)]
    assert len(ours) == len(theirs) > 0
    assert all(x in theirs for x in ours) and all(x in ours for x in theirs)


def test_beer_quiche_semi_separating_beliefs_are_bayes():
    (e,) = mixed_pbe(beer_quiche(F(1, 10)).to_tree())
    assert e.behaviour["if weak"] == {"beer": F(1, 9), "quiche": F(8, 9)}
    assert e.beliefs["after beer"] == {"strong > beer": F(1, 2), "weak > beer": F(1, 2)}
    assert e.payoffs == (F(11, 10), F(9, 10))


# ------------------------------------------------------- mixed proper subgames, by hand
def test_entry_game_with_a_mixed_post_entry_subgame():
    # By hand: after entry, I is indifferent when p*1 + (1-p)(-1) = (1-p)*2, p(B) = 3/4;
    # E is indifferent when -2q + 3(1-q) = q, q(F) = 1/2, so entering is worth
    # 1/2 * 1 + 1/2 * 0 = 1/2 to E (Small against q) and E stays Out (1 > 1/2). No pure
    # profile of the subgame is an equilibrium, so this is the only subgame-perfect
    # equilibrium and, as PBE are subgame perfect, the only PBE.
    tree = entry_with_mixed_subgame()
    (e,) = mixed_pbe(tree)
    assert _table(e) == {"enter": {"Out": 1}, "size": {"B": F(3, 4), "S": F(1, 4)},
                         "respond": {"F": F(1, 2), "A": F(1, 2)}}
    # the belief at the incumbent's set is Bayes' rule from the subgame's root, although
    # the set is off the path from the root of the whole tree
    assert e.beliefs["respond"] == {"In > B": F(3, 4), "In > S": F(1, 4)}
    assert e.off_path == {}
    assert e.payoffs == (1, 5)
    assert_pbe(tree, e)
    assert perfect_bayesian_equilibria(tree) == []  # no pure PBE
    # with a worse outside option the entrant enters: payoffs 1/2 and 3/4 * 1/2 + ... = 1/2
    (e,) = mixed_pbe(entry_with_mixed_subgame(out=(0, 5)))
    assert e.behaviour["enter"] == {"In": 1} and e.payoffs == (F(1, 2), F(1, 2))


def test_matching_pennies_after_entry_with_a_tie_has_a_continuum():
    # Out pays R 1/2, the value of the pennies subgame: R is indifferent between Out and
    # In, and every mixture of them with the subgame's half-half equilibrium is a PBE.
    tree = pennies_after_entry(("1/2", "1/2"))
    sol = mixed_pbe(tree)
    assert [_table(e)["enter"] for e in sol] == [{"Out": 1}, {"In": 1}]
    for e in sol:
        assert _table(e)["coin"] == {"H": F(1, 2), "T": F(1, 2)}
        assert _table(e)["guess"] == {"h": F(1, 2), "t": F(1, 2)}
        assert_pbe(tree, e)
    assert {"enter": ("Out", "In"), "coin": ("H", "T"), "guess": ("h", "t")} in sol.continua
    # a point inside the continuum is an equilibrium too (checked independently)
    a = gt.Assessment({"enter": {"Out": F(1, 3), "In": F(2, 3)},
                       "coin": {"H": F(1, 2), "T": F(1, 2)},
                       "guess": {"h": F(1, 2), "t": F(1, 2)}},
                      {"guess": {"In > H": F(1, 2), "In > T": F(1, 2)}})
    assert is_sequential(tree, a).sequential
    # and with Out worth 1/4 the only PBE is In
    (e,) = mixed_pbe(pennies_after_entry(("1/4", 1)))
    assert e.behaviour["enter"] == {"In": 1}


# ---------------------------------------------------------------------- Selten's horse
def test_seltens_horse_mixed_component():
    # By hand: 3 plays L with probability q. With 1: A and 2: a, 3's set is unreached; 2
    # keeps a iff 1 >= 4q and 1 keeps A iff 1 >= 3q, so q <= 1/4; 3 mixes iff indifferent,
    # 2 mu(D) = 1 - mu(D), mu(D) = 1/3, and plays R iff mu(D) <= 1/3. No PBE has 1 play
    # D (then 3 plays L, so 2 would play d, so 1 prefers A: 4 > 3). The PBE form one
    # component, q in [0, 1/4], whose extreme points are returned.
    tree = horse()
    sol = mixed_pbe(tree)
    assert [_table(e) for e in sol] == [
        {"one": {"A": 1}, "two": {"a": 1}, "three": {"R": 1}},
        {"one": {"A": 1}, "two": {"a": 1}, "three": {"L": F(1, 4), "R": F(3, 4)}}]
    pure, mixed = sol
    assert pure.off_path["three"].interval == (F(2, 3), 1)  # mu(A > d) >= 2/3
    assert mixed.off_path["three"].interval == (F(2, 3), F(2, 3))
    assert {"one": ("A",), "two": ("a",), "three": ("L", "R")} in sol.continua
    for e in sol:
        assert_pbe(tree, e)
        assert e.payoffs == (1, 1, 1)
        assert is_sequential(tree, e.assessment()).sequential
    # inside the component: q = 1/8 with mu(D) = 1/3 is sequential; q = 1/3 is not a PBE
    inside = gt.Assessment({"one": "A", "two": "a", "three": {"L": F(1, 8), "R": F(7, 8)}},
                           {"three": {"D": F(1, 3), "A > d": F(2, 3)}})
    assert is_sequential(tree, inside).sequential
    beyond = gt.Assessment({"one": "A", "two": "a", "three": {"L": F(1, 3), "R": F(2, 3)}},
                           {"three": {"D": F(1, 3), "A > d": F(2, 3)}})
    assert not is_sequential(tree, beyond).rational


@pytest.mark.parametrize("tree", [horse(), beer_quiche(F(9, 10)).to_tree(),
                                  pennies_after_entry(("1/2", "1/2"))],
                         ids=["horse", "beer-quiche", "pennies"])
def test_pure_members_are_the_pure_solvers(tree):
    pure = [e.profile for e in perfect_bayesian_equilibria(tree)]
    ours = [{h: next(iter(d)) for h, d in e.behaviour.items()} for e in mixed_pbe(tree)
            if e.is_pure]
    assert ours == pure


# ---------------------------------------------------------------------- Gambit
def _efg_file(tree, tmp_path):
    f = tmp_path / "tree.efg"
    f.write_text(tree.to_efg())
    return str(f)


def _gambit_profile(g, e):
    import pygambit

    prof = g.mixed_behavior_profile(rational=True)
    for p in g.players:
        for h in p.infosets:
            for a in h.actions:
                prob = e.behaviour[h.label].get(a.label, F(0))
                prof[a] = pygambit.Rational(prob.numerator, prob.denominator)
    return prof


@pytest.mark.slow  # importing pygambit the first time takes seconds
def test_every_pbe_is_a_gambit_nash_equilibrium(tmp_path):
    pygambit = pytest.importorskip("pygambit")
    for tree in (horse(), entry_with_mixed_subgame(), beer_quiche(F(1, 2)).to_tree()):
        g = pygambit.read_efg(_efg_file(tree, tmp_path))
        for e in mixed_pbe(tree):
            assert _gambit_profile(g, e).max_regret() == 0


@pytest.mark.slow
def test_entry_game_against_gambit(tmp_path):
    # Gambit's exact enumeration of the extreme Nash equilibria: of the post-entry
    # subgame alone, exactly the mixed equilibrium the PBE plays there; of the whole tree,
    # equilibria in which the entrant stays Out (Gambit leaves unreached sets undefined)
    pygambit = pytest.importorskip("pygambit")
    (e,) = mixed_pbe(entry_with_mixed_subgame())

    def gambit(tree):
        g = pygambit.read_efg(_efg_file(tree, tmp_path))
        out = []
        for prof in pygambit.nash.enummixed_solve(g, rational=True).equilibria:
            beh = prof.as_behavior()
            out.append({h.label: {a.label: F(str(beh[a])) for a in h.actions if beh[a]}
                        for p in g.players for h in p.infosets})
        return out

    subgame = T(T.decision("E", {"B": T.decision("I", {"F": T.terminal(-2, 1),
                                                      "A": T.terminal(3, 0)}, "respond"),
                                 "S": T.decision("I", {"F": T.terminal(1, -1),
                                                      "A": T.terminal(0, 2)}, "respond")},
                           "size"), players=("E", "I"))
    assert gambit(subgame) == [{"size": _table(e)["size"], "respond": _table(e)["respond"]}]
    whole = gambit(entry_with_mixed_subgame())
    assert whole and all(x["enter"] == {"Out": 1} for x in whole)


# ---------------------------------------------------------------------- API and limits
def test_facade_and_limits():
    tree = horse()
    sol = tree.perfect_bayesian_equilibria(mixed=True)
    assert isinstance(sol, gt.MixedPBESolution) and sol.profiles == 27 and len(sol) == 2
    assert isinstance(sol[0], gt.MixedPerfectBayesianAssessment)
    assert "1/4 L + 3/4 R" in sol[1].describe()
    with pytest.raises(SolverError, match="27 support profiles"):
        mixed_pbe(tree, max_profiles=26)
    c = gt.GameTree(gt.GameTree.decision("A", {"x": gt.GameTree.terminal("c", 0),
                                               "y": gt.GameTree.terminal(0, 0)}),
                    players=("A", "B"), parameters=("c",))
    (e,) = mixed_pbe(c, c=1)
    assert e.behaviour == {"at the root": {"x": 1}}
