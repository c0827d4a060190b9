"""Tests of the Gambit .nfg reader and writer (gametheory.io.nfg).

Expected matrices are written down by hand from the files' text, using the profile
order of Gambit's format documentation ("The strategic game (.nfg) file format,
payoff version": the first player's strategy changes fastest), never from the reader.
"""

from __future__ import annotations

import tempfile
from fractions import Fraction as F
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import DATA as TESTS_DATA

import gametheory as gt
from gametheory.io.nfg import gambit_number, gambit_quote, gambit_safe_labels, parse_nfg, to_nfg

SAMPLES = TESTS_DATA / "gambit"  # the project's own Gambit-format games
DATA = TESTS_DATA / "nfg"


def _fr(rows):
    return [[F(str(v)) for v in row] for row in rows]


# ---------------------------------------------------------------------- Gambit samples
# tests/data/gambit: name -> (title, players, strategies, A, B, body), written out by hand
# from each file (profiles are listed with the first player's strategy fastest)
SAMPLE_EXPECTED = {
    "decimal_counts.nfg": ("Decimal payoffs with strategy counts", ("Row", "Column"),
                           (("1", "2", "3"), ("1", "2")),
                           [[1, 0], ["1/2", 2], [-1, 0]], [[0, 3], [2, "-1/4"], [1, 0]],
                           "payoff"),
    "empty_names.nfg": ("Empty player names, scientific numbers", ("Player 1", "Player 2"),
                        (("1", "2"), ("1", "2")), [[15, 0], [0, 5]], [["1/5", 0], [0, 1]],
                        "payoff"),
    "null_outcome.nfg": ("Inspection with a null outcome", ("Inspector", "Inspectee"),
                         (("Inspect", "Trust"), ("Comply", "Cheat")),
                         [[-1, 1], [0, -3]], [[0, -4], [0, 2]], "outcome"),
    "number_labels.nfg": ("Coordination with number-like labels", ("1", "2"),
                          (("1", "2"), ("1", "2")), [[3, 0], [0, 2]], [[2, 0], [0, 3]],
                          "payoff"),
    "posture_payoffs.nfg": ("Posture game", ("Aggressor", "Defender"),
                            (("Refrain", "Probe"), ("Stand down", "Ready")),
                            [[0, 0], [2, -1]], [[0, "-1/2"], [-3, "-3/2"]], "payoff"),
    "probe_outcomes.nfg": ("Probe or refrain: contingent plans", ("Aggressor", "Defender"),
                           (("Refrain", "Probe"), ("Under-react", "Intercept", "Retaliate")),
                           [[0, 0, 0], [2, -1, -4]], [[0, 0, 0], [-2, -3, -6]], "outcome"),
    "rock_paper_scissors.nfg": (
        "Rock, paper, scissors with a double win for scissors over paper", ("Ann", "Bob"),
        (("Rock", "Paper", "Scissors"), ("Rock", "Paper", "Scissors")),
        [[0, -1, 1], [1, 0, -2], [-1, 2, 0]], [[0, 1, -1], [-1, 0, 2], [1, -2, 0]],
        "payoff"),
}



def needs_samples(f):  # the files are in the repository: nothing to skip
    return f


@needs_samples
@pytest.mark.parametrize("name", sorted(SAMPLE_EXPECTED))
def test_gambit_sample_files_read_into_the_right_matrices(name):
    title, players, strategies, A, B, body = SAMPLE_EXPECTED[name]
    g = gt.read_nfg(SAMPLES / name)
    assert g.title == title
    assert g.players == players
    assert g.strategies == strategies
    assert g.A.tolist() == _fr(A)
    assert g.B.tolist() == _fr(B)
    assert g.is_exact
    assert parse_nfg(SAMPLES / name).body == body


@pytest.mark.filterwarnings("ignore:Gambit 16.7 will not read")
@needs_samples
def test_every_sample_file_is_covered_and_round_trips():
    files = sorted(p.name for p in SAMPLES.glob("*.nfg"))
    assert files == sorted(SAMPLE_EXPECTED)
    for name in files:
        g = gt.read_nfg(SAMPLES / name)
        assert gt.read_nfg(g.to_nfg()) == g


@needs_samples
def test_sample_descriptions_and_data_types():
    probe = parse_nfg(SAMPLES / "probe_outcomes.nfg")
    assert probe.description.startswith("The sequential probe-response game")
    assert probe.description.count("\n") == 2  # three lines, the last one empty
    assert [o[0] for o in probe.outcomes] == ["probe intercepted", "status quo",
                                               "probe unanswered", "retaliation"]
    assert parse_nfg(SAMPLES / "decimal_counts.nfg").data_type == "D"
    assert parse_nfg(SAMPLES / "empty_names.nfg").raw_players == ("", "")
    assert parse_nfg(SAMPLES / "number_labels.nfg").raw_strategies == (("1", "2"), ("1", "2"))
    assert parse_nfg(SAMPLES / "empty_names.nfg").raw_strategies is None


@needs_samples
def test_text_path_string_and_file_object_inputs_agree():
    path = SAMPLES / "rock_paper_scissors.nfg"
    text = path.read_text()
    g = gt.read_nfg(path)
    assert gt.read_nfg(str(path)) == g
    assert gt.read_nfg(text) == g
    assert gt.read_nfg("\n  " + text) == g
    assert gt.read_nfg(text.encode()) == g
    with open(path) as fh:
        assert gt.read_nfg(fh) == g


# ---------------------------------------------------------------------- own files
def test_outcome_version_with_permuted_reused_and_null_outcomes():
    f = parse_nfg(DATA / "outcome_permuted_reused.nfg")
    g = f.game()
    assert g.title == 'Probe or refrain, "deniable" edition'
    assert g.players == ("Aggressor", "Defender")
    assert g.strategies == (("Refrain", "Probe", "Swarm"), ("Tolerate", "Intercept"))
    # body "0 2 4 / 0 3 4" in the order (1,1) (2,1) (3,1) (1,2) (2,2) (3,2)
    assert g.A.tolist() == _fr([[0, 0], [2, "-1/2"], ["3/2", "3/2"]])
    assert g.B.tolist() == _fr([[0, 0], [-1, "-1/4"], [-3, -3]])
    assert f.description.splitlines()[2] == "This description spans three lines."
    assert len(f.outcomes) == 4 and f.outcomes[2] == ("probe intercepted", (F(-1, 2), F(-1, 4)))


def test_payoff_version_number_formats():
    f = parse_nfg(DATA / "payoff_counts_numbers.nfg")
    assert f.data_type == "D" and f.body == "payoff"
    g = f.game()
    assert g.strategies == (("1", "2"), ("1", "2", "3"))
    # 007 -3/4 | 0.5 .25 | -2.50 1e2 | 1.5E-1 +4 | -0/5 00.100 | 12 -7
    assert g.A.tolist() == [[F(7), F(-5, 2), F(0)], [F(1, 2), F(3, 20), F(12)]]
    assert g.B.tolist() == [[F(-3, 4), F(100), F(1, 10)], [F(1, 4), F(4), F(-7)]]


def test_empty_and_repeated_labels_are_normalised_by_the_documented_rule():
    f = parse_nfg(DATA / "empty_repeated_labels.nfg")
    assert f.raw_players == ("", "")
    assert f.players == ("Player 1", "Player 2")
    assert f.raw_strategies == (("", "Up", "", "Up"), ("L", "L", "L_1"))
    # empty -> 1-based position; then every repeat -> label_k, skipping labels in use
    assert f.strategies == (("1", "Up_1", "3", "Up_2"), ("L_2", "L_3", "L_1"))
    g = f.game()
    assert g.A[3, 2] == 23 and g.B[3, 2] == 24  # 12th profile: (4, 3)
    assert g.A[1, 0] == 3 and g.A[0, 1] == 9


@pytest.mark.filterwarnings("ignore:Gambit 16.7 will not read")
def test_unicode_labels_tabs_crlf_and_newlines_inside_labels():
    g = gt.read_nfg(DATA / "unicode_tabs_crlf.nfg")
    assert g.players == ("Ēlis", "Böb 🛩")
    assert g.strategies == (("Ärger", 'ne"in'), ("α", "tab\there", "new\nline"))
    # outcomes o1 = (1, 2), o2 = (3, 4); body 1 0 2 0 1 2
    assert g.A.tolist() == _fr([[1, 3, 1], [0, 0, 3]])
    assert g.B.tolist() == _fr([[2, 4, 2], [0, 0, 4]])
    assert gt.read_nfg(g.to_nfg()) == g


@pytest.mark.filterwarnings("ignore:Gambit 16.7 will not read")
def test_escaped_quotes_and_backslashes_in_text():
    text = r'NFG 1 R "a \"b\" c\\" { "x\y" "back\\\"q" } { 1 1 } 0 0'
    g = gt.read_nfg(text)
    assert g.title == 'a "b" c\\'
    assert g.players == ("x\\y", 'back\\"q')
    assert gt.read_nfg(g.to_nfg()) == g


def test_strategy_counts_with_labels_body_and_commas_in_flat_list():
    g = gt.read_nfg('NFG 1 R "c" { "A" "B" } { { "u" "d" } { "l" } } 1, 2, 3, 4')
    assert g.A.tolist() == [[F(1)], [F(3)]] and g.B.tolist() == [[F(2)], [F(4)]]


def test_layout_is_free_whitespace():
    one_line = 'NFG 1 R "t" { "A" "B" } { 2 1 } 1 2 3 4'
    spread = 'NFG\n1\n\tR\n"t"\n{\n"A"\n"B"\n}\n{\n2\n1\n}\n1\n2\n3\n4\n'
    assert gt.read_nfg(one_line) == gt.read_nfg(spread)


def test_exact_false_gives_a_float_game():
    g = gt.read_nfg('NFG 1 R "" { "A" "B" } { 1 1 } 7.32 1/3', exact=False)
    assert not g.is_exact and g.A[0, 0] == 7.32 and g.B[0, 0] == pytest.approx(1 / 3)


def test_edge_case_numbers_in_outcomes():
    f = parse_nfg(DATA / "edge_numbers_outcomes.nfg")
    assert f.description == "" and f.body == "outcome"
    big = F(123456789012345678901234567890)
    assert f.outcomes[4] == ("big integer", (big, F(-98765432109876543210)))
    assert f.outcomes[5] == ("", (F(250), F(-1, 3)))  # an outcome without a label
    g = f.game()
    # body 1 2 / 3 4 / 5 6: (top,left)=1 (bottom,left)=2 (top,centre)=3 ...
    assert g.A.tolist() == [[F(7), F(1), big], [F(1, 2), F(1000), F(250)]]
    assert g.B.tolist() == [[F(-3, 4), F(-1, 2), F(-98765432109876543210)],
                            [F(0), F(1, 20), F(-1, 3)]]


def test_labels_that_look_like_syntax_and_a_one_row_game():
    f = parse_nfg(DATA / "degenerate_shapes.nfg")
    assert f.players == ("NFG", "{")
    assert f.strategies == ((",",), ("}", '"', "1 2", "R"))
    assert f.description.splitlines()[1] == "   they are text because they are quoted."
    g = f.game()
    assert g.shape == (1, 4)
    assert g.A.tolist() == [[F(1), F(2), F(3), F(4)]]
    assert g.B.tolist() == [[F(-1), F(-2), F(-3), F(-4)]]
    assert gt.read_nfg(g.to_nfg()) == g
    assert gt.read_nfg(g.swap_players().to_nfg()) == g.swap_players()  # 4 x 1


def test_form_feeds_vertical_tabs_and_stray_commas():
    g = gt.read_nfg(DATA / "odd_whitespace.nfg")
    assert g.title == "form feed, vertical tab" and g.players == ("A", "B")
    assert g.A.tolist() == [[F(-1, 2)]] and g.B.tolist() == [[F(1, 2)]]


def test_path_strings_starting_with_nfg_are_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("NFG_games").mkdir()
    gt.write_nfg(gt.NormalFormGame([[1]], [[2]]), "NFG_games/one.nfg")
    assert gt.read_nfg("NFG_games/one.nfg").A.tolist() == [[F(1)]]


_SEPARATORS = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", " \n\t ", "\n\n", "\f"])
_plain_labels = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",),
                                               exclude_characters="\\"),
                        min_size=1, max_size=6)


def _q(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_layout_of_a_payoff_file_reads_the_same(data):
    """Files laid out with random whitespace and optional commas, built by the test itself."""
    m = data.draw(st.integers(1, 3))
    n = data.draw(st.integers(1, 3))
    A = [[data.draw(payoff) for _ in range(n)] for _ in range(m)]
    B = [[data.draw(payoff) for _ in range(n)] for _ in range(m)]
    rows = data.draw(st.lists(_plain_labels, min_size=m, max_size=m, unique=True))
    cols = data.draw(st.lists(_plain_labels, min_size=n, max_size=n, unique=True))
    labelled = data.draw(st.booleans())
    tokens = ["NFG", "1", data.draw(st.sampled_from(["R", "D"])), _q("title"), "{",
              _q("P1"), _q("P2"), "}", "{"]
    if labelled:
        tokens += ["{", *map(_q, rows), "}", "{", *map(_q, cols), "}"]
    else:
        tokens += [str(m), str(n)]
    tokens.append("}")
    if data.draw(st.booleans()):
        tokens.append(_q("a description\nover two lines"))
    for j in range(n):  # Gambit's order: the first player's strategy changes fastest
        for i in range(m):
            for v in (A[i][j], B[i][j]):
                tokens.append(f"{v.numerator}/{v.denominator}" if isinstance(v, F) and
                              v.denominator != 1 else str(int(v)))
                if data.draw(st.booleans()):
                    tokens.append(",")
    text = "".join(tok + data.draw(_SEPARATORS) for tok in tokens)
    g = gt.read_nfg(text)
    assert g.A.tolist() == [[F(v) for v in row] for row in A]
    assert g.B.tolist() == [[F(v) for v in row] for row in B]
    if labelled:
        assert g.strategies == (tuple(rows), tuple(cols))
    else:
        assert g.strategies == (tuple(str(k + 1) for k in range(m)),
                                tuple(str(k + 1) for k in range(n)))


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize("text, line, fragment", [
    ('NFG 1 R "t" { "a" "b" "c" } { 2 2 2 }', 1, "expected the body"),  # 3 players: fine
    ('NFG 1 R "t" { "a" "b" "c" } { 2 2 1 } 1 2 3', 1, "ends after 3 payoffs; a 2 x 2 x 1"),
    ('NFG 1 R "t"\n{ "a" }\n{ 2 }\n1 2', 2, "1 player"),
    ('NFG 1 R "t" { } { }', 1, "0 players"),
    ('NFG 1 R "t" { "a" "b" }\n{ 2 2 }\n1 2 3 4\n5 6 7', 4, "ends after 7 payoffs"),
    ('NFG 1 R "t" { "a" "b" }\n{ 1 1 }\n1 2\n3', 4, "unexpected '3'"),
    ('NFG 1 R "t" { "a" "b" } { 1 2 }\n{ { "" 1 2 } }\n1\n3', 4, "out of range"),
    ('NFG 1 R "t" { "a" "b" } { 1 2 }\n{ { "" 1 2 } }\n1', 3, "ends after 1 outcome"),
    ('NFG 1 R "t" { "a" "b" } { 1 1 }\n{ { "" 1 } }\n1', 2, "has 1 payoff"),
    ('NFG 1 R "t" { "a" "b" } { 1 1 }\n{ { "" 1 2 3 } }\n1', 2, "more than 2 payoffs"),
    ('NFG 1 R "t" { "a" "b" } { 1 1 }\n{ { "" 1 2 } }\n1.5', 3, "outcome number"),
    ('NFG 1 R "t" { "a" "b" }\n{ 2 2 }\n1 2 x 4 5 6 7 8', 3, "expected payoff"),
    ('NFG 1 R "t" { "a" "b" } { 1 1 }\n\n1 2/0', 3, "divides by zero"),
    ('NFG 1 R "t" { "a" "b" } { 1 1 }\n1.2.3 4', 2, "'1.2.3'"),
    ('NFG 2 R "t" { "a" "b" } { 1 1 } 1 2', 1, "version"),
    ('NFG 1 X "t" { "a" "b" } { 1 1 } 1 2', 1, "R or D"),
    ('NFG 1 R { "a" "b" } { 1 1 } 1 2', 1, "title"),
    ('NFG 1 R "t" { "a" "b" }\n{ 0 1 } 1 2', 2, "0 strategies"),
    ('NFG 1 R "t" { "a" "b" }\n{ { } { "x" } } 1 2', 2, "no strategies"),
    ('NFG 1 R "t" { "a" "b" }\n{ { "x" } { "y" } { "z" } } 1 2', 2, "closing the strategy"),
    ('NFG 1 R "t" { "a" "b" } { 1 1 }\n"unterminated\n1 2', 2, "no closing double quote"),
    ('NFG 1 R "t" { "a" "b" } { 1 1 }', 1, "expected the body"),
    ('EFG 2 R "t" { "a" "b" }', 1, "extensive-form"),
    ('NFG 1 R "t" { "a" "b" }\n{ 100000 100000 } 1 2', 2, "more than the limit"),
    ('NFG 1 R "t" { "a" "b" }\n{ 3 -1 } 1 2', 2, "positive integer"),
])
def test_errors_name_the_line(text, line, fragment):
    with pytest.raises(gt.ParseError) as info:
        gt.read_nfg(text)
    err = info.value
    assert err.line == line, str(err)
    assert fragment in str(err)
    assert f"line {line}" in str(err)
    assert isinstance(err, gt.GameError) and isinstance(err, ValueError)


def test_absurd_strategy_counts_are_refused_before_any_allocation():
    import time

    t0 = time.perf_counter()
    with pytest.raises(gt.ParseError, match="81000000000000 profiles"):
        gt.read_nfg('NFG 1 R "t" { "a" "b" }\n{ 9000000 9000000 } 1 2')
    with pytest.raises(gt.ParseError, match="limit of 10000000"):
        gt.read_nfg('NFG 1 R "t" { "a" "b" }\n{ 99999999999999999999 1 } 1 2')
    assert time.perf_counter() - t0 < 1.0


def test_max_cells_is_adjustable():
    text = 'NFG 1 R "t" { "a" "b" } { 2 2 } 1 2 3 4 5 6 7 8'
    with pytest.raises(gt.ParseError, match="limit of 3"):
        gt.read_nfg(text, max_cells=3)
    assert gt.read_nfg(text, max_cells=4).shape == (2, 2)


def test_latin1_files_and_byte_order_marks(tmp_path):
    body = 'NFG 1 R "Caf\u00e9" { "A" "B" } { { "cr\u00e8me" } { "x" } } 1 2'
    p = tmp_path / "latin1.nfg"
    p.write_bytes(body.encode("latin-1"))
    g = gt.read_nfg(p)
    assert g.title == "Caf\u00e9" and g.strategies[0] == ("cr\u00e8me",)
    p.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert gt.read_nfg(p) == g
    assert gt.read_nfg("\ufeff" + body) == g


def test_public_names_are_reachable():
    g = gt.NormalFormGame([[1]], [[2]])
    assert gt.io.read_nfg is gt.read_nfg and gt.io.nfg.write_nfg is gt.write_nfg
    assert g.to_nfg() == gt.io.to_nfg(g) == gt.io.nfg.to_nfg(g)
    assert isinstance(gt.io.parse_nfg(g.to_nfg()), gt.io.NfgFile)


def test_bad_sources():
    with pytest.raises(FileNotFoundError):
        gt.read_nfg("no/such/file.nfg")
    with pytest.raises(gt.ParseError, match="starts with 'NFG 1 R'"):
        gt.read_nfg('{ "a" "b" }\n1 2')
    with pytest.raises(TypeError):
        gt.read_nfg(42)


# ---------------------------------------------------------------------- writing
def test_written_file_layout_is_gambit_outcome_version():
    g = gt.NormalFormGame([[0, 0], [2, -1]], [[0, 0], [-2, -3]],
                          players=("Aggressor", "Defender"),
                          strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")),
                          title="Probe or refrain")
    text = g.to_nfg()
    assert text.startswith('NFG 1 R "Probe or refrain" { "Aggressor" "Defender" }\n')
    f = parse_nfg(text)
    assert f.body == "outcome"
    # one outcome per profile, first player fastest: (R,T) (P,T) (R,I) (P,I)
    assert [o[1] for o in f.outcomes] == [(0, 0), (2, -2), (0, 0), (-1, -3)]
    assert text.rstrip().endswith("1 2 3 4")


@pytest.mark.filterwarnings("ignore:Gambit 16.7 will not read")
def test_write_nfg_and_description(tmp_path):
    g = gt.NormalFormGame([[1, 2]], [[3, 4]], title="w")
    p = gt.write_nfg(g, tmp_path / "w.nfg", description='two\nlines "quoted"')
    assert parse_nfg(p).description == 'two\nlines "quoted"'
    assert gt.read_nfg(p) == g


def test_float_games_round_trip_to_equal_values():
    g = gt.NormalFormGame([[0.1, 1e-300], [2.5, -1e300]], [[1 / 3, 0.0], [-0.0, 7.0]])
    back = gt.read_nfg(g.to_nfg())
    assert back == g  # exact decimal expansions: each Fraction equals its float
    assert back.as_float()[0][0, 0] == 0.1


labels = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                 min_size=1, max_size=8)
payoff = st.one_of(st.integers(-10**6, 10**6),
                   st.fractions(max_denominator=1000).filter(lambda q: abs(q) < 10**6))


@st.composite
def games(draw):
    m = draw(st.integers(1, 4))
    n = draw(st.integers(1, 4))
    A = [[draw(payoff) for _ in range(n)] for _ in range(m)]
    B = [[draw(payoff) for _ in range(n)] for _ in range(m)]
    rows = draw(st.lists(labels, min_size=m, max_size=m, unique=True))
    cols = draw(st.lists(labels, min_size=n, max_size=n, unique=True))
    players = draw(st.lists(labels, min_size=2, max_size=2, unique=True))
    title = draw(st.text(max_size=20))
    return gt.NormalFormGame(A, B, players=players, strategies=(rows, cols), title=title)


@pytest.mark.filterwarnings("ignore:Gambit 16.7 will not read")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(games())
def test_round_trip_property(g):
    text = to_nfg(g)
    back = gt.read_nfg(text)
    assert back == g
    assert back.players == g.players and back.strategies == g.strategies
    assert back.title == g.title
    assert back.A.tolist() == g.A.tolist() and back.B.tolist() == g.B.tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=3), min_size=1, max_size=6))
def test_label_normalisation_gives_unique_nonempty_labels(raw):
    from gametheory.io.nfg import _normalise_labels

    out = _normalise_labels([s or str(k + 1) for k, s in enumerate(raw)])
    assert len(set(out)) == len(out) and all(out)
    filled = [s or str(k + 1) for k, s in enumerate(raw)]
    for a, b in zip(filled, out, strict=True):
        if filled.count(a) == 1:
            assert a == b  # a unique label is kept
        else:
            assert b.startswith(a + "_")


def test_writer_warns_when_gambit_would_refuse_labels_and_gambit_safe_fixes_it():
    g = gt.NormalFormGame([[1, 2]], [[3, 4]], players=("Défense", "B"),
                          strategies=(("a  b",), ("x", "x\\")), title="Köln")
    with pytest.warns(UserWarning, match="Gambit 16.7 will not read"):
        text = to_nfg(g)
    assert gt.read_nfg(text) == g  # verbatim labels still round-trip through our reader
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        safe_text = to_nfg(g, gambit_safe=True)
        to_nfg(gt.NormalFormGame([[1]], [[2]], strategies=(("ok label",), ("a\\b",))))
    back = gt.read_nfg(safe_text)
    assert back.players == ("Defense", "B")
    assert back.strategies == (("a b",), ("x", "x/"))
    assert back.title == "Koln"
    assert back.A.tolist() == g.A.tolist()


def test_gambit_safe_labels_resolve_clashes():
    g = gt.NormalFormGame([[1, 2, 3]], [[0, 0, 0]], players=("é", "e"),
                          strategies=(("🛩",), ("ä", "a", "\t")))
    s = gambit_safe_labels(g)
    assert s.players == ("e_1", "e_2")
    assert s.strategies == (("1",), ("a_1", "a_2", "3"))


def test_labels_equal_to_a_later_strategys_number_are_made_gambit_safe():
    # Gambit 16.7 names strategies "1", "2", ... before reading the labels, so "3" on the
    # second of four strategies clashes with the third's default name.
    g = gt.NormalFormGame([[0], [0], [0], [0]], [[0], [0], [0], [0]], players=("2", "1"),
                          strategies=(("a", "3", "b", "4"), ("x",)))
    with pytest.warns(UserWarning, match="label '2' .it is the number of a later entry"):
        to_nfg(g)
    with pytest.warns(UserWarning, match="label '3' .it is the number of a later entry"):
        to_nfg(g.relabel(players=("A", "B")))
    safe = gambit_safe_labels(g)
    assert safe.players == ("#2", "1")
    assert safe.strategies == (("a", "#3", "b", "4"), ("x",))
    ok = gt.NormalFormGame([[0], [0]], [[0], [0]], strategies=(("1", "2"), ("1",)))
    assert gambit_safe_labels(ok) == ok


# ---------------------------------------------------------------------- pygambit
def _gambit_read(text: str):
    pg = pytest.importorskip("pygambit")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "g.nfg"
        path.write_text(text, encoding="utf-8")
        if hasattr(pg, "read_nfg"):
            return pg.read_nfg(str(path))
        return pg.Game.read_game(str(path))  # pragma: no cover (older pygambit)


def _gambit_matrices(gg):
    p1, p2 = list(gg.players)
    m, n = len(p1.strategies), len(p2.strategies)

    def pay(i, j, player):  # pygambit gives None for the null outcome, which pays 0
        outcome = gg[i, j]
        return F(0) if outcome is None else F(str(outcome[player]))

    A = [[pay(i, j, p1) for j in range(n)] for i in range(m)]
    B = [[pay(i, j, p2) for j in range(n)] for i in range(m)]
    return A, B


def test_pygambit_reads_what_to_nfg_writes():
    g = gt.NormalFormGame([[0, "1/3"], ["-7/2", 5], [2, 0]], [[1, 0], ["2/7", -1], [0, 9]],
                          players=("Aggressor", "Defender"),
                          strategies=(("Refrain", "Probe \"cheap\"", "Swarm"),
                                      ("Tolerate", "Intercept")),
                          title="Probe or refrain")
    gg = _gambit_read(g.to_nfg())
    A, B = _gambit_matrices(gg)
    assert A == g.A.tolist() and B == g.B.tolist()
    assert gg.title == g.title
    assert [p.label for p in gg.players] == list(g.players)
    assert [[s.label for s in p.strategies] for p in gg.players] == [list(s) for s in g.strategies]


@settings(max_examples=40, deadline=None)
@given(games())
def test_pygambit_reads_gambit_safe_files_of_random_games(g):
    pytest.importorskip("pygambit")
    safe = gambit_safe_labels(g)
    gg = _gambit_read(to_nfg(g, gambit_safe=True))
    A, B = _gambit_matrices(gg)
    assert A == g.A.tolist() and B == g.B.tolist()
    assert [p.label for p in gg.players] == list(safe.players)
    assert [[s.label for s in p.strategies] for p in gg.players] == [list(s) for s in
                                                                      safe.strategies]
    assert gg.title == safe.title
    # and when to_nfg does not warn, Gambit reads the verbatim labels unchanged
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = to_nfg(g)
    if not caught:
        gg = _gambit_read(text)
        assert [p.label for p in gg.players] == list(g.players)
        assert [[s.label for s in p.strategies] for p in gg.players] == [list(s) for s in
                                                                          g.strategies]


def test_pygambit_reads_number_like_labels_once_made_safe():
    g = gt.NormalFormGame([[1], [2], [3]], [[4], [5], [6]], players=("2", "x"),
                          strategies=(("0", "3", "00"), ("1",)))
    gg = _gambit_read(to_nfg(g, gambit_safe=True))
    assert [[s.label for s in p.strategies] for p in gg.players] == [["0", "#3", "00"], ["1"]]
    assert _gambit_matrices(gg)[0] == g.A.tolist()


@needs_samples
@pytest.mark.parametrize("name", sorted(SAMPLE_EXPECTED))
def test_reader_agrees_with_pygambit_on_sample_files(name):
    gg = _gambit_read((SAMPLES / name).read_text())
    A, B = _gambit_matrices(gg)
    g = gt.read_nfg(SAMPLES / name)
    assert g.A.tolist() == A and g.B.tolist() == B
    assert g.title == gg.title
    assert [[s.label for s in p.strategies] for p in gg.players] == [list(s) for s in g.strategies]


def test_gambit_quote_and_number_are_read_back_exactly():
    for text in ['plain', 'say "hi"', "back\\slash", "end\\", ""]:
        assert parse_nfg(f"NFG 1 R {gambit_quote(text)} {{ \"a\" \"b\" }} {{ 1 1 }}\n0 0"
                         ).title == text
    assert [gambit_number(v) for v in (F(3), F(-3, 4), 7, 0.25)] == ["3", "-3/4", "7", "0.25"]


def test_numbers_over_python_digit_limit_refused_with_a_position():
    """Issue 16: a 5,000-digit integer raised Python's ValueError, not a located error."""
    from gametheory._limits import MAX_NFG_NUMBER_LENGTH as MAX_LITERAL_LENGTH

    head = 'NFG 1 R "" { "A" "B" } { 1 1 } '
    for number in ("1" * 5000, "1/" + "7" * 5000, "2." + "5" * 4400):
        with pytest.raises(gt.ParseError, match=f"at most {MAX_LITERAL_LENGTH}") as info:
            gt.io.read_nfg(head + number + " 0")
        assert info.value.column == len(head) + 1
    longest = "9" * MAX_LITERAL_LENGTH
    assert gt.io.read_nfg(head + longest + " 0").A[0, 0] == int(longest)


def test_huge_numeric_label_read_as_text():
    big = "1" * 5000
    g = gt.io.read_nfg(f'NFG 1 R "" {{ "A" "B" }} {{ {{ "{big}" "2" }} {{ "x" }} }} 1 0 0 1')
    assert g.strategies[0][0] == big


# ---------------------------------------------------------------------- n players
NPLAYER = Path(__file__).resolve().parents[1] / "data" / "gambit-nplayer"


def test_reads_three_players_in_both_bodies():
    payoff = gt.read_nfg('NFG 1 R "t" { "a" "b" "c" } { 2 1 2 } 1 2 3 4 5 6 7 8 9 10 11 12')
    assert payoff.shape == (2, 1, 2) and payoff.players == ("a", "b", "c")
    # profiles (1,1,1), (2,1,1), (1,1,2), (2,1,2) in Gambit's order
    assert payoff.payoff_array(0)[:, 0, :].tolist() == [[1, 7], [4, 10]]
    assert payoff.payoff_array(2)[1, 0, 1] == 12
    outcome = gt.read_nfg('NFG 1 R "t" { "a" "b" "c" } { 2 1 2 } '
                          '{ { "" 1, 2, 3 } { "" 4 5 6 } { "" 7, 8, 9 } { "" 10 11 12 } } '
                          '1 2 3 4')
    assert outcome == payoff
    f = parse_nfg('NFG 1 R "t" { "a" "b" "c" } { 1 1 1 } { { "o" 1 2 3 } } 1')
    assert f.outcomes == (("o", (F(1), F(2), F(3))),) and f.n_players == 3
    assert len(f.payoffs) == 3
    with pytest.raises(gt.ParseError, match="outcome 1 has 2 payoffs; a 3-player game needs "
                                            "exactly 3"):
        gt.read_nfg('NFG 1 R "t" { "a" "b" "c" } { 1 1 1 } { { "" 1 2 } } 1')
    with pytest.raises(gt.ParseError, match="profile .1, 1, 2."):
        gt.read_nfg('NFG 1 R "t" { "a" "b" "c" } { 1 1 2 } { { "" 1 2 3 } } 1 x')


@pytest.mark.parametrize("path", sorted(NPLAYER.glob("*.nfg")), ids=lambda p: p.stem)
def test_reader_agrees_with_pygambit_on_nplayer_files(path):
    gbt = pytest.importorskip("pygambit")
    g = gt.read_nfg(path)
    gg = gbt.read_nfg(str(path))
    assert g.shape == tuple(len(p.strategies) for p in gg.players)
    assert g.title == gg.title
    for idx in np.ndindex(*g.shape):
        outcome = gg[list(idx)]
        for k, player in enumerate(gg.players):
            value = F(0) if outcome is None else F(str(outcome[player]))
            assert g.payoff_array(k)[idx] == value
