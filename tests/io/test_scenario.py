"""Scenario TOML files: loading, writing, the shipped example, and hostile input.

The example's payoffs are compared with the model module's own matrices
(``sequential_normal_form``) and its regime rules with ``models.probe_response.regime``,
which decides the regime by direct numeric comparison of the six reduced-form payoffs
(docs/model.md) rather than through the file's conditions.
"""

from __future__ import annotations

import builtins
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from support import EXAMPLES

import gametheory as gt
from gametheory.io.scenario import LIMITS, Scenario, dump_scenario, load_scenario

EXAMPLE = EXAMPLES / "probe_response.toml"

MINIMAL = """\
title = "Chicken"
players = ["Ann", "Bob"]
strategies = [["Swerve", "Straight"], ["Swerve", "Straight"]]

[parameters.crash_cost]
default = 10
bounds = [0, "inf"]
symbol = "c"
description = "cost of a crash"

[payoffs]
row = [[0, -1], [1, "-crash_cost"]]
column = [[0, 1], [-1, "-crash_cost"]]

[sweep]
crash_cost = { start = 0, stop = 4, num = 5 }
"""


def test_minimal_scenario():
    s = load_scenario(MINIMAL)
    assert isinstance(s, Scenario) and s.title == "Chicken" and s.is_parametric
    g = s.game.at(crash_cost=3)
    assert g.A[1, 1] == Fraction(-3) and g.B[0, 1] == 1
    assert s.game.parameter("crash_cost").bounds == (0, None)
    assert np.allclose(s.sweep["crash_cost"], [0, 1, 2, 3, 4])


def test_file_path_and_numbers_stay_exact(tmp_path):
    f = tmp_path / "pd.toml"
    f.write_text('players = ["A", "B"]\nstrategies = [["x", "y"], ["z"]]\n[payoffs]\n'
                 'row = [[0.1], ["2/3"]]\ncolumn = [[1], [-2]]\n', encoding="utf-8")
    s = load_scenario(f)
    assert not s.is_parametric
    assert s.game.A[0, 0] == Fraction(1, 10) and s.game.A[1, 0] == Fraction(2, 3)


def test_example_matches_model_module():
    from gametheory.models.probe_response import regime, sequential_normal_form

    s = load_scenario(EXAMPLE)
    model = sequential_normal_form()
    assert s.game.strategies == model.strategies and s.game.players == model.players
    for mine, theirs in ((s.game.A, model.A), (s.game.B, model.B)):
        assert all(sp.expand(a - b) == 0 for a, b in zip(mine, theirs, strict=True))
    assert {p.name: p.default for p in s.game.parameters} == {
        p.name: p.default for p in model.parameters}
    assert set(s.sweep) == {"war_cost_defender", "credibility_loss"}
    rng = np.random.default_rng(7)
    points = [dict(war_cost_defender=20, cohesion=1),  # punishment
              dict(war_cost_defender=20, cohesion=1, retaliation_damage=0,
                   war_cost_aggressor=10, interception_prob=Fraction(1, 4)),  # risking
              dict(probe_value=1, intercept_cost=8, credibility_loss=12),  # invited
              dict(credibility_loss=1),  # knife edge: D_U = D_I
              dict(probe_value=1)]  # no incentive
    for _ in range(150):
        points.append({
            "war_cost_defender": Fraction(int(rng.integers(0, 300))),
            "credibility_loss": Fraction(int(rng.integers(1, 40)), 2),
            "cohesion": Fraction(int(rng.integers(0, 5)), 4),
            "probe_value": Fraction(int(rng.integers(0, 8))),
            "interception_prob": Fraction(int(rng.integers(0, 5)), 4),
            "escalation_prob_retaliate": Fraction(int(rng.integers(1, 5)), 100)})
    seen = set()
    for vals in points:
        expected = regime(**vals)
        seen.add(expected)
        assert s.game.classify(**vals) == expected, vals
    assert {"deterrence by punishment", "retaliation risking escalation", "deterrence by denial",
            "tolerated probing", "invited probing", "no incentive to probe",
            "knife edge (several equilibria)"} <= seen


def _first_rules(g, n):
    """The game with only its first ``n`` regime rules (the posture game's exact rules are
    longer than the scenario format's 2,000-character strings)."""
    return gt.ParametricGame(g.A, g.B, parameters=g.parameters, players=g.players,
                             strategies=g.strategies, title=g.title,
                             constraints=g.constraints, regime_rules=g.regime_rules[:n])


def test_dump_load_round_trip():
    for g in (_first_rules(gt.models.probe_response("posture"), 1),
              load_scenario(EXAMPLE).game):
        text = dump_scenario(g, sweep={"credibility_loss": [0.0, 0.5, 1.0]})
        back = load_scenario(text)
        assert back.game.A == g.A and back.game.B == g.B
        assert back.game.parameters == g.parameters
        assert back.game.constraints == g.constraints
        assert [n for n, _ in back.game.regime_rules] == [n for n, _ in g.regime_rules]
        assert back.game.classify() == g.classify()
        assert np.allclose(back.sweep["credibility_loss"], [0, 0.5, 1])
    s = load_scenario(EXAMPLE)
    again = load_scenario(dump_scenario(s))
    assert again.description == s.description and again.regimes == s.regimes


def test_numeric_game_round_trip():
    g = gt.NormalFormGame([["1/3", 2], [0, -1]], [[1, 0], [0, "7/2"]], players=("P & Q", "R"),
                          strategies=(('say "hi"', "b\\c"), ("x", "y")), title="Test\nline")
    assert load_scenario(dump_scenario(g)).game == g


# --------------------------------------------------------------------------- hostile files
BASE = MINIMAL.split("[sweep]")[0]


HOSTILE = [
    (BASE + "\n[extra]\nx = 1\n", "extra", 16),
    (BASE.replace('title = "Chicken"', 'tittle = "Chicken"'), "tittle", 1),
    (BASE.replace("default = 10", "default = 10\ncolour = 3"), "parameters.crash_cost.colour", 7),
    (BASE.replace('"-crash_cost"]]\ncolumn', '"__import__(\'os\').system(\'touch pwned\')"]]'
                  "\ncolumn"), "payoffs.row[1][1]", 12),
    (BASE.replace('"-crash_cost"]]\ncolumn', '"crash_cost.__class__"]]\ncolumn'),
     "payoffs.row[1][1]", 12),
    (BASE.replace('"-crash_cost"]]\ncolumn', '"open(\'x\')"]]\ncolumn'), "payoffs.row[1][1]",
     12),
    (BASE.replace('"-crash_cost"]]\ncolumn', '"lambda: 1"]]\ncolumn'), "payoffs.row[1][1]",
     12),
    (BASE.replace('"-crash_cost"]]\ncolumn', '"9**9**9**9"]]\ncolumn'), "payoffs.row[1][1]",
     12),
    (BASE.replace('"-crash_cost"]]\ncolumn', '"1e999999"]]\ncolumn'), "payoffs.row[1][1]",
     12),
    (BASE.replace('"-crash_cost"]]\ncolumn', '"undeclared + 1"]]\ncolumn'),
     "payoffs.row[1][1]", 12),
    (BASE.replace("default = 10", 'default = "ten"'), "parameters.crash_cost.default", 6),
    (BASE.replace("default = 10", "default = true"), "parameters.crash_cost.default", 6),
    (BASE.replace("default = 10", "default = [1, 2]"), "parameters.crash_cost.default", 6),
    (BASE.replace("default = 10", "default = 1e300"), "parameters.crash_cost.default", 6),
    (BASE.replace("default = 10", "default = -5"), "parameters.crash_cost", 5),
    (BASE.replace('symbol = "c"', 'symbol = "\\\\input{/etc/passwd}"'),
     "parameters.crash_cost.symbol", 8),
    (BASE.replace('players = ["Ann", "Bob"]', 'players = "Ann"'), "players", 2),
    (BASE.replace('players = ["Ann", "Bob"]', 'players = ["Ann", "Ann"]'), "players", 2),
    (BASE.replace('players = ["Ann", "Bob"]', 'players = ["Ann", 3]'), "players[1]", 2),
    (BASE.replace('players = ["Ann", "Bob"]\n', ""), "players", None),
    (BASE.replace("column = [[0, 1], [-1, \"-crash_cost\"]]", "column = [[0, 1]]"),
     "payoffs.column", 13),
    (BASE.replace("column = [[0, 1], [-1, \"-crash_cost\"]]",
                  "column = [[0, 1, 2], [-1, 0, 0]]"), "payoffs.column[0]", 13),
    (BASE.replace('title = "Chicken"', 'title = "' + "x" * 5000 + '"'), "title", 1),
    (BASE.replace('[["Swerve", "Straight"], ["Swerve", "Straight"]]',
                  "[" + str([f"s{k}" for k in range(500)]).replace("'", '"')
                  + ', ["a"]]'), "strategies[0]", 3),
    (BASE + "\n[sweep]\ncrash_cost = { start = 0, stop = 1, num = 100000000 }\n",
     "sweep.crash_cost.num", 17),
    (BASE + "\n[sweep]\nnope = { start = 0, stop = 1, num = 3 }\n", "sweep.nope", 17),
    (BASE + '\nconstraints = ["crash_cost + 1"]\n', None, None),
    (BASE + '\n[[regimes]]\nname = "a"\ncondition = "exec(1) > 0"\n',
     "regimes[0].condition", 18),
]


@pytest.mark.parametrize("text, key, line", HOSTILE,
                         ids=[f"{k}-{str(key)}" for k, (_, key, _) in enumerate(HOSTILE)])
def test_hostile_files_are_refused(tmp_path, monkeypatch, text, key, line):
    # any attempt to evaluate text as code would hit these
    def forbidden(*a, **k):  # pragma: no cover - must never run
        raise AssertionError("scenario text reached eval/exec")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    monkeypatch.setattr(sp, "sympify", forbidden)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(gt.ScenarioError) as info:
        load_scenario(text)
    msg = str(info.value)
    assert "\n" not in msg
    if key is not None:
        assert msg.startswith(key), msg
    if line is not None:
        assert info.value.line == line, msg
    assert not (tmp_path / "pwned").exists()


def test_toml_syntax_error_has_line_and_column():
    with pytest.raises(gt.ScenarioError, match="TOML syntax error") as info:
        load_scenario('title = "x"\nplayers = ["a", "b"\n')
    assert info.value.line == 3


def test_huge_file_refused(tmp_path):
    f = tmp_path / "big.toml"
    f.write_text("# " + "x" * (LIMITS["file_bytes"] + 10) + "\n")
    with pytest.raises(gt.ScenarioError, match="exceeds the limit"):
        load_scenario(f)


def test_deep_nesting_refused():
    with pytest.raises(gt.ScenarioError, match="nesting"):
        load_scenario("x = " + "[" * 200_000 + "]" * 200_000)
    deep = "(" * 900 + "1" + ")" * 900  # within the string limit, beyond the parser's depth
    with pytest.raises(gt.ScenarioError, match="payoffs.row"):
        load_scenario(BASE.replace('"-crash_cost"]]\ncolumn', f'"{deep}"]]\ncolumn'))


def test_not_utf8_refused(tmp_path):
    f = tmp_path / "bin.toml"
    f.write_bytes(b"title = \"\xff\xfe\"\n")
    with pytest.raises(gt.ScenarioError, match="UTF-8"):
        load_scenario(f)


def test_scenario_repr_and_markdown():
    s = load_scenario('''
title = "Chicken <b>"
description = "Two drivers"
players = ["Ann", "Bob"]
strategies = [["Swerve", "Straight"], ["Swerve", "Straight"]]
[parameters.crash_cost]
default = 10
symbol = "c"
[payoffs]
row = [[0, -1], [1, "-crash_cost"]]
column = [[0, 1], [-1, "-crash_cost"]]
[sweep]
crash_cost = {start = 0, stop = 10, num = 11}
''')
    text = repr(s)
    assert text.startswith("Scenario('Chicken <b>', ParametricGame(")
    assert "crash_cost (11 values, 0 to 10)" in text and "array(" not in text
    md = s._repr_markdown_()
    assert "Chicken &lt;b&gt;" in md and "<b>" not in md.replace("**", "")
    assert s.game._repr_latex_() in md and "Two drivers" in md
    plain = load_scenario('title = "PD"\nplayers = ["A", "B"]\nstrategies = [["x"], ["y"]]\n'
                          '[payoffs]\nrow = [[1]]\ncolumn = [[2]]\n')
    assert plain.game._repr_html_() in plain._repr_markdown_()


def test_dump_scenario_names_what_it_writes():
    with pytest.raises(gt.GameError, match="dump_scenario writes a Scenario, a ParametricGame "
                                           "or a NormalFormGame .* got GameTree"):
        dump_scenario(gt.models.chain_store())
