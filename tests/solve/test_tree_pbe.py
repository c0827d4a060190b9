"""Perfect Bayesian and sequential equilibria of game trees, on the textbook trees where
they part from Nash and subgame perfection, each equilibrium re-checked here by brute
force (every pure deviation at every information set, Bayes' rule on the path) and, where
pygambit is installed, against Gambit's pure Nash equilibria of the same tree."""

from __future__ import annotations

import itertools
from fractions import Fraction as F

import pytest

import gametheory as gt
from gametheory.errors import ProfileError, SolverError
from gametheory.models import beer_quiche
from gametheory.solve.signaling import perfect_bayesian_equilibria as signalling_pbe
from gametheory.solve.tree_pbe import Assessment, is_sequential, perfect_bayesian_equilibria

T = gt.GameTree


def horse():
    # Selten (1975, Int. J. Game Theory 4): 1 plays D (to 3's node) or A; 2 plays d (to
    # 3's other node) or a, ending the game; 3 does not know which node it is at.
    return T(T.decision("1", {
        "D": T.decision("3", {"L": T.terminal(3, 3, 2), "R": T.terminal(0, 0, 0)}, "three"),
        "A": T.decision("2", {
            "d": T.decision("3", {"L": T.terminal(4, 4, 0), "R": T.terminal(0, 0, 1)},
                            "three"),
            "a": T.terminal(1, 1, 1)}, "two")}, "one"), players=("1", "2", "3"))


def entry():
    # Mas-Colell, Whinston and Green (1995, Microeconomic Theory, example 9.C.1): two ways
    # to enter that the incumbent cannot tell apart; accommodating beats fighting at both.
    return T(T.decision("Entrant", {
        "Out": T.terminal(0, 2),
        "In1": T.decision("Incumbent", {"Fight": T.terminal(-1, -1),
                                        "Accommodate": T.terminal(3, 0)}, "entered"),
        "In2": T.decision("Incumbent", {"Fight": T.terminal(-1, -1),
                                        "Accommodate": T.terminal(2, 1)}, "entered")},
        "entrant"))


def hidden_type():
    # chance draws a strong (2/3) or weak (1/3) incumbent that nobody observes; the
    # incumbent should fight only if mu(weak) >= 1/2 (payoffs chosen here)
    def after(strong):
        return T.decision("Entrant", {
            "Out": T.terminal(1, 2),
            "In": T.decision("Incumbent", {
                "Fight": T.terminal(0, 0 if strong else 1),
                "Accommodate": T.terminal(2, 1 if strong else 0)}, "entered")}, "entrant")
    return T(T.chance({"strong": ("2/3", after(True)), "weak": ("1/3", after(False))}),
             players=("Entrant", "Incumbent"))


def pure_check(tree, profile, beliefs):
    """Independent check: Bayes on the path from the root (all these trees have no proper
    subgame), and no profitable pure deviation of the mover's whole continuation."""
    nodes, sets = tree.nodes, tree.information_sets()

    def reach(prof):
        pr = {0: F(1)}
        for n in nodes:
            if n.kind == "chance":
                for p, c in zip(n.probabilities, n.children, strict=True):
                    pr[c] = pr[n.id] * p
            elif n.kind == "decision":
                a = prof[sets[n.infoset].name]
                for b, c in zip(n.actions, n.children, strict=True):
                    pr[c] = pr[n.id] * (1 if b == a else 0)
        return pr

    def value(x, prof, i):
        n = nodes[x]
        if n.kind == "terminal":
            return n.payoffs[i]
        if n.kind == "chance":
            return sum(p * value(c, prof, i) for p, c in zip(n.probabilities, n.children,
                                                             strict=True))
        return value(n.child(prof[sets[n.infoset].name]), prof, i)

    pr = reach(profile)
    for h in sets:
        mass = sum(pr[x] for x in h.nodes)
        labels = {x: " > ".join(nodes[x].history) for x in h.nodes}
        if mass:
            mu = {x: pr[x] / mass for x in h.nodes}
            if len(h.nodes) > 1:
                assert beliefs[h.name] == {labels[x]: mu[x] for x in h.nodes}
        else:
            mu = {x: F(beliefs[h.name][labels[x]]) if len(h.nodes) > 1 else F(1)
                  for x in h.nodes}
        own = [g for g in sets if g.player == h.player]
        for choice in itertools.product(*(g.actions for g in own)):
            alt = {**profile, **{g.name: a for g, a in zip(own, choice, strict=True)}}
            gain = sum(mu[x] * (value(x, alt, h.player) - value(x, profile, h.player))
                       for x in h.nodes)
            assert gain <= 0, (h.name, choice)


def test_seltens_horse_nash_equilibrium_that_is_not_sequential():
    t = horse()
    eqs = perfect_bayesian_equilibria(t)
    # the only pure PBE: (A, a, R), supported by 3's belief mu(A > d) >= 2/3 (hand
    # derivation: R gives 3 the payoff 1 at A > d, L gives 2 at D)
    assert [e.profile for e in eqs] == [{"one": "A", "two": "a", "three": "R"}]
    bs = eqs[0].off_path["three"]
    assert bs.interval == (F(2, 3), F(1))
    pure_check(t, eqs[0].profile, {"three": {"D": F(1, 3), "A > d": F(2, 3)}})
    assert is_sequential(t, eqs[0].assessment({"three": {"D": F(1, 3), "A > d": F(2, 3)}}))
    # (D, a, L) is a Nash equilibrium (2 is never asked to move) and, the game having no
    # proper subgame, subgame perfect; it is not sequential: 2 would play d against L
    nash = {c.equilibrium.labels for c in t.classify_equilibria(pure=True)} \
        if len(t.players) == 2 else None
    assert nash is None  # three players: the normal-form classifier does not apply
    assert t.subgame_roots() == [0]
    v = t.is_sequential(Assessment({"one": "D", "two": "a", "three": "L"},
                                   {"three": {"D": 1, "A > d": 0}}))
    assert not v and v.consistent and not v.rational
    assert v.reasons == ("at 'two', 2 gains 3 by deviating to d",)
    # a belief of 3 that no trembles generate: weight on A > d above D is fine (2 trembles
    # less), but with 1 playing D for sure the node D must get all the weight
    v = is_sequential(t, Assessment({"one": "D", "two": "d", "three": "L"},
                                    {"three": {"D": F(1, 2), "A > d": F(1, 2)}}))
    assert not v.consistent


@pytest.mark.slow  # importing pygambit the first time takes seconds
def test_horse_against_gambit_pure_nash_equilibria():
    pygambit = pytest.importorskip("pygambit")
    g = pygambit.read_efg(_efg_file(horse()))
    found = set()
    for prof in pygambit.nash.enumpure_solve(g).equilibria:
        b = prof.as_behavior()
        found.add(tuple(a.label for p in g.players for h in p.infosets
                        for a in h.actions if b[a] == 1))
    assert found == {("A", "a", "R"), ("D", "a", "L")}
    pbe = {tuple(e.profile[h] for h in ("one", "two", "three"))
           for e in perfect_bayesian_equilibria(horse())}
    assert pbe < found  # PBE refines Nash here


def test_semi_separating_beer_quiche_is_gambits_only_nash_equilibrium():
    # at prior 1/10 every Nash equilibrium of the tree (Gambit's exact enumeration of the
    # extreme ones) is the semi-separating PBE found by the signalling solver
    pygambit = pytest.importorskip("pygambit")
    g = beer_quiche(F(1, 10))
    gb = pygambit.read_efg(_efg_file(g.to_tree()))
    found = []
    for prof in pygambit.nash.enummixed_solve(gb, rational=True).equilibria:
        b = prof.as_behavior()
        found.append({(h.label, a.label): F(str(b[a])) for p in gb.players
                      for h in p.infosets for a in h.actions})
    (e,) = signalling_pbe(g)
    ours = {(f"if {t}", m): e.sender_mix(t).get(m, F(0)) for t in g.types for m in g.messages}
    ours |= {(f"after {m}", a): e.receiver_mix(m).get(a, F(0))
             for m in g.messages for a in g.actions}
    assert found == [ours]


def _efg_file(tree):
    import tempfile

    f = tempfile.NamedTemporaryFile("w", suffix=".efg", delete=False)
    f.write(tree.to_efg())
    f.close()
    return f.name


def test_entry_game_where_subgame_perfection_does_not_refine_but_pbe_does():
    t = entry()
    spe = {tuple(c.equilibrium.pure_labels()) for c in t.classify_equilibria(pure=True)
           if c.subgame_perfect}
    assert spe == {("Out if entrant", "Fight if entered"),
                   ("In1 if entrant", "Accommodate if entered")}
    eqs = perfect_bayesian_equilibria(t)
    assert [e.profile for e in eqs] == [{"entrant": "In1", "entered": "Accommodate"}]
    assert eqs[0].beliefs == {"entered": {"In1": F(1), "In2": F(0)}}
    assert eqs[0].payoffs == (F(3), F(0))
    pure_check(t, eqs[0].profile, eqs[0].beliefs)
    # fighting is a best reply to no belief: the (Out, Fight) profile fails for all of them
    for q in (F(0), F(1, 2), F(1)):
        v = t.is_sequential(Assessment({"entrant": "Out", "entered": "Fight"},
                                       {"entered": {"In1": 1 - q, "In2": q}}))
        assert not v.rational


def test_pbe_that_is_not_sequential_because_its_beliefs_are_inconsistent():
    t = hidden_type()
    eqs = perfect_bayesian_equilibria(t)
    assert [e.profile for e in eqs] == [{"entrant": "Out", "entered": "Fight"},
                                        {"entrant": "In", "entered": "Accommodate"}]
    # fighting is supported off the path by mu(weak) >= 1/2 ...
    assert eqs[0].off_path["entered"].interval == (F(1, 2), F(1))
    assert eqs[0].beliefs["entrant"] == {"strong": F(2, 3), "weak": F(1, 3)}
    for e in eqs:
        pure_check(t, e.profile, e.assessment().beliefs)
    # ... but the entrant trembles alike at both nodes, so the only consistent belief is
    # the prior, mu(weak) = 1/3 < 1/2: (Out, Fight) is not sequential, for any belief
    for q in (F(1, 2), F(1)):
        v = t.is_sequential(eqs[0].assessment({"entered": {"strong > In": 1 - q,
                                                            "weak > In": q}}))
        assert v.rational and not v.consistent and not v.sequential
        assert "at 'entered'" in v.reasons[0]
    assert t.is_sequential(eqs[1].assessment()).sequential
    # the prior itself is consistent but does not support fighting
    v = t.is_sequential(eqs[0].assessment({"entered": {"strong > In": F(2, 3),
                                                       "weak > In": F(1, 3)}}))
    assert v.consistent and not v.rational


def test_mixed_behaviour_sequential_check():
    # a receiver indifferent at the prior may mix; consistency then needs the prior
    t = hidden_type()
    mixed = {"entrant": "Out", "entered": {"Fight": F(1, 2), "Accommodate": F(1, 2)}}
    prior = {"strong": F(2, 3), "weak": F(1, 3)}
    v = t.is_sequential(Assessment(mixed, {"entrant": prior,
                                           "entered": {"strong > In": F(1, 2),
                                                       "weak > In": F(1, 2)}}))
    assert v.rational and not v.consistent  # 1/2-1/2 makes mixing rational, not consistent
    v = t.is_sequential(Assessment(mixed, {"entrant": prior,
                                           "entered": {"strong > In": F(2, 3),
                                                       "weak > In": F(1, 3)}}))
    assert v.consistent and not v.rational


def test_signalling_tree_gives_the_signalling_solvers_pure_equilibria():
    for prior in (F(9, 10), F(1, 3)):
        g = beer_quiche(prior)
        tree_eqs = perfect_bayesian_equilibria(g.to_tree())
        sig = signalling_pbe(g, pure=True)
        as_tree = [{f"if {t}": m for t, m in e.sender.items()}
                   | {f"after {m}": a for m, a in e.receiver.items()} for e in sig]
        assert sorted(map(sorted, (e.profile.items() for e in tree_eqs))) == \
            sorted(map(sorted, (p.items() for p in as_tree)))
        for e in tree_eqs:
            for name, bs in e.off_path.items():
                m = name.removeprefix("after ")
                twin = next(s for s in sig if s.receiver[m] == e.profile[name]
                            and all(e.profile[f"if {t}"] == s.sender[t] for t in g.types))
                assert bs.interval == twin.off_path[m].interval


def test_bad_assessments_and_limits_are_refused():
    t = entry()
    with pytest.raises(ProfileError, match="no behaviour"):
        t.is_sequential(Assessment({"entrant": "Out"}, {}))
    with pytest.raises(ProfileError, match="distribution"):
        t.is_sequential(Assessment({"entrant": "Out", "entered": {"Fight": F(1, 2)}},
                                   {"entered": {"In1": 1}}))
    with pytest.raises(ProfileError, match="unknown nodes"):
        t.is_sequential(Assessment({"entrant": "Out", "entered": "Fight"},
                                   {"entered": {"Out": 1}}))
    with pytest.raises(ProfileError, match="no belief"):
        t.is_sequential(Assessment({"entrant": "Out", "entered": "Fight"}, {}))
    # a long chain of binary moves exceeds the enumeration bound
    node = T.terminal(0, 0)
    for k in range(17):
        node = T.decision("A" if k % 2 else "B", {"x": node, "y": T.terminal(k, 0)})
    with pytest.raises(SolverError, match="pure profiles"):
        perfect_bayesian_equilibria(T(node, players=("A", "B")))


def test_symbolic_tree_is_solved_at_a_point():
    import sympy as sp

    c = sp.Symbol("c")
    t = T(T.decision("Entrant", {"Out": T.terminal(0, 2), "In": T.decision(
        "Incumbent", {"Fight": T.terminal(-1, -c), "Accommodate": T.terminal(1, 1)},
        "entered")}))
    assert [e.profile["entered"] for e in t.perfect_bayesian_equilibria(c=-2)] == ["Fight"]
    assert [e.profile["entered"] for e in t.perfect_bayesian_equilibria(c=2)] == [
        "Accommodate"]


def linked_beliefs():
    # 1 stays Out or enters by M or R; 2 (not seeing which) plays x or y; after x, 3 (not
    # seeing which either) plays a or b. Payoffs are all zero: only consistency matters.
    def after(m):
        return T.decision("2", {"x": T.decision("3", {"a": T.terminal(0, 0, 0),
                                                      "b": T.terminal(0, 0, 0)}, "three"),
                                "y": T.terminal(0, 0, 0)}, "two")
    return T(T.decision("1", {"Out": T.terminal(0, 0, 0), "M": after("M"), "R": after("R")},
                        "one"), players=("1", "2", "3"))


@pytest.mark.parametrize("two, three, consistent", [
    ((F(1, 3), F(2, 3)), (F(1, 3), F(2, 3)), True),
    ((F(1, 2), F(1, 2)), (F(1, 3), F(2, 3)), False),   # the ratio c_M / c_R is shared
    ((F(1), F(0)), (F(1), F(0)), True),                # M infinitely more likely than R
    ((F(1), F(0)), (F(1, 2), F(1, 2)), False),         # ... then so at 3's set too
    ((F(0), F(1)), (F(0), F(1)), True),
])
def test_consistency_links_beliefs_along_the_same_trembles(two, three, consistent):
    # Kreps and Wilson (1982): 2's and 3's beliefs are limits of the same ratio
    # P(M) / P(R) (2's x is played at both of its nodes), so they must coincide
    t = linked_beliefs()
    a = Assessment({"one": "Out", "two": "x", "three": "a"},
                   {"two": {"M": two[0], "R": two[1]},
                    "three": {"M > x": three[0], "R > x": three[1]}})
    v = t.is_sequential(a)
    assert v.rational and v.consistent == consistent
    if not consistent and two[1] and three[1]:
        assert v.reasons == ("the belief ratios at 'two' and 'three' cannot be the limit of "
                             "Bayes beliefs under any trembles",)
    # with 2 playing y, 3's set is reached only by 2's tremble, alike after M and R
    a = Assessment({"one": "Out", "two": "y", "three": "a"}, a.beliefs)
    assert t.is_sequential(a).consistent == consistent


def _holds(cond, **point):
    if cond is True:
        return True
    import sympy as sp

    out = cond.subs({s: sp.Rational(point[s.name].numerator, point[s.name].denominator)
                     for s in cond.free_symbols})
    assert out in (sp.true, sp.false), out
    return out == sp.true


def middle_action(m):
    # 1 ends the game (Out) or moves X or Y, which 2 cannot tell apart; 2's middle action
    # pays m at both nodes and is a best reply to some belief iff m >= 1/2 (at q = 1/2)
    def after(x):
        return T.decision("2", {"L": T.terminal(0, 1 if x else 0), "M": T.terminal(0, m),
                                "R": T.terminal(0, 0 if x else 1)}, "two")
    return T(T.decision("1", {"Out": T.terminal(1, 0), "X": after(True), "Y": after(False)},
                        "one"))


@pytest.mark.parametrize("build, name", [
    (lambda c: T(T.decision("Entrant", {"Out": T.terminal(0, 2), "In": T.decision(
        "Incumbent", {"Fight": T.terminal(-1, -c), "Accommodate": T.terminal(1, 1)},
        "entered")})), "c"),
    (lambda c: T(T.decision("Entrant", {"Out": T.terminal(0, 2),
        "In1": T.decision("Incumbent", {"Fight": T.terminal(-1, -c),
                                        "Accommodate": T.terminal(3, 0)}, "entered"),
        "In2": T.decision("Incumbent", {"Fight": T.terminal(-1, -c),
                                        "Accommodate": T.terminal(2, 1)}, "entered")})), "c"),
    (middle_action, "m"),
])
def test_symbolic_conditions_agree_with_the_numeric_solver_at_points(build, name):
    import sympy as sp

    from gametheory.solve.tree_pbe import pbe_conditions

    x = sp.Symbol(name)
    conds = pbe_conditions(build(x))
    for v in (F(-2), F(-1), F(-1, 2), F(0), F(1, 4), F(1, 2), F(3, 4), F(1), F(2)):
        numeric = [e.profile for e in perfect_bayesian_equilibria(build(v))]
        symbolic = [e.profile for e in conds if _holds(e.condition, **{name: v})]
        assert numeric == symbolic, v


def test_symbolic_conditions_match_subgame_perfection_with_perfect_information():
    import sympy as sp

    from gametheory.solve.tree_pbe import pbe_conditions

    c = sp.Symbol("c")
    t = T(T.decision("Entrant", {"Out": T.terminal(0, 2), "In": T.decision(
        "Incumbent", {"Fight": T.terminal(-1, -c), "Accommodate": T.terminal(1, 1)},
        "entered")}))
    assert [str(e.condition) for e in pbe_conditions(t)] == [
        str(e.condition) for e in t.spe_conditions()] == ["c <= -1", "c >= -1"]
    (e,) = [e for e in pbe_conditions(middle_action(sp.Symbol("m")))
            if e.profile == {"one": "Out", "two": "M"}]
    assert str(sp.simplify(e.condition)) == "m >= 1/2"
    assert e.off_path["two"].interval is None  # symbolic rows: no numeric interval
    assert "if" in e.describe()


def test_symbolic_limits():
    import sympy as sp

    from gametheory.solve.tree_pbe import pbe_conditions

    m = sp.Symbol("m")

    def after(k):
        return T.decision("2", {"L": T.terminal(0, k), "R": T.terminal(0, m)}, "two")
    three = T(T.decision("1", {"Out": T.terminal(1, 0), "X": after(0), "Y": after(1),
                               "Z": after(2)}, "one"))
    with pytest.raises(SolverError, match="three|3 nodes"):
        pbe_conditions(three)
    p = sp.Symbol("p")
    chance = T(T.chance({"a": (p, T.terminal(1, 0)), "b": (1 - p, T.terminal(0, 0))}),
               players=("A", "B"), parameters=["p"])
    with pytest.raises(SolverError, match="numeric chance"):
        pbe_conditions(chance)


def test_signalling_equilibria_are_sequential_on_the_tree():
    # in a signalling game each type moves at its own information set, so any belief
    # after an unsent message is a limit of Bayes beliefs: every PBE is sequential
    g = beer_quiche()
    t = g.to_tree()
    for e in perfect_bayesian_equilibria(t):
        assert t.is_sequential(e.assessment()).sequential
    # the semi-separating equilibrium at prior 1/10, mixed behaviour on the tree
    g = beer_quiche(F(1, 10))
    (e,) = signalling_pbe(g)
    behaviour = {f"if {ty}": e.sender_mix(ty) for ty in g.types}
    behaviour |= {f"after {m}": e.receiver_mix(m) for m in g.messages}
    beliefs = {f"after {m}": {f"{ty} > {m}": e.beliefs[m][ty] for ty in g.types}
               for m in g.messages}
    v = g.to_tree().is_sequential(Assessment(behaviour, beliefs))
    assert v.sequential, v.reasons
    # the same behaviour with the prior as the belief after beer is not even Bayesian
    beliefs["after beer"] = {"strong > beer": F(1, 10), "weak > beer": F(9, 10)}
    v = g.to_tree().is_sequential(Assessment(behaviour, beliefs))
    assert not v.consistent and not v.rational
