"""The ``gametheory`` command: outputs, exit statuses, error messages, the report job.

Expected regimes come from docs/model.md's closed form (intercepting beats under-reacting iff
c_I + e_I W_D + r_I < pi h + r_U) at the example's parameter values.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pandas as pd
import pytest
from support import EXAMPLES

import gametheory.app.sources as sources
from gametheory.app.cli import build_parser, main

EXAMPLE = EXAMPLES / "probe_response.toml"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_models_lists_catalog(capsys):
    code, out, err = run(["models"], capsys)
    assert code == 0 and err == ""
    assert out.startswith("probe_response:") and "chicken:" in out
    assert "variants: sequential, posture" in out


def test_solve_default_model_shows_subgame_perfection(capsys):
    code, out, _ = run(["solve", "probe_response"], capsys)
    assert code == 0
    assert "Subgame perfect" in out and "regime: deterrence by denial" in out
    # the pure equilibrium (Refrain, Intercept if probed) is the SPE; (Refrain, Retaliate
    # if probed) rests on a non-credible threat (docs/model.md, sequential variant)
    rows = {line.split()[0]: line for line in out.splitlines() if line[:1].isdigit()}
    spe = [r for r in rows.values() if r.rstrip().endswith("yes")]
    assert len(spe) == 1 and "Intercept if probed" in spe[0]


def test_solve_scenario_with_set(capsys):
    # r_U = 1/2: c_I + e_I W_D + r_I = 1 + 1 + 1/2 > pi h + r_U = 3/2 + 1/2: under-react,
    # and A_U = v - c_p = 3 > 0: tolerated probing
    code, out, _ = run(["solve", str(EXAMPLE), "--set", "credibility_loss=1/2"], capsys)
    assert code == 0 and "regime: tolerated probing" in out
    assert "[3*, -5/2*]" in out  # (Probe, Under-react) is a pure equilibrium: A_U=3, D_U=-5/2


@pytest.mark.parametrize("fmt, marker", [("sgame", r"\begin{game}{2}{3}"),
                                         ("booktabs", r"\toprule"),
                                         ("markdown", "| **Probe** |"),
                                         ("html", "<table"), ("text", "Refrain")])
def test_table_formats(tmp_path, capsys, fmt, marker):
    out_file = tmp_path / f"t.{fmt}"
    code, out, err = run(["table", str(EXAMPLE), "--format", fmt, "--out", str(out_file)],
                         capsys)
    assert code == 0 and out == "" and "wrote" in err
    text = out_file.read_text()
    assert marker in text
    if fmt in ("sgame", "booktabs"):
        assert "c_p" in text and r"\theta" in text  # symbolic, with the file's symbols


def test_table_numeric_to_stdout(capsys):
    code, out, _ = run(["table", "chicken", "--format", "text", "--numeric",
                        "--numbers", "decimal", "--digits", "2"], capsys)
    assert code == 0 and "-1.50" in out


def test_sweep_writes_csv(tmp_path, capsys):
    out_file = tmp_path / "sweep.csv"
    code, _, err = run(["sweep", str(EXAMPLE), "--param", "credibility_loss=1:5:5",
                        "--out", str(out_file)], capsys)
    assert code == 0
    df = pd.read_csv(out_file)
    assert sorted(df["credibility_loss"].unique()) == [1, 2, 3, 4, 5]
    assert {"point", "equilibrium", "regime", "payoff: Defender"} <= set(df.columns)
    # threshold r_U = 1 (W_D = 100): tolerated probing up to 1 (tie: under-react), then denial
    regimes = df.groupby("credibility_loss")["regime"].first()
    assert regimes[1.0] == "tolerated probing" and regimes[2.0] == "deterrence by denial"
    assert "wrote" in err
    big = tmp_path / "big.csv"
    code, _, err = run(["sweep", str(EXAMPLE), "--param", "credibility_loss=0.5:12:41",
                        "--param", "war_cost_defender=0:300:41", "--out", str(big)], capsys)
    assert code == 0 and "%" in err and "chunk" in err  # tqdm progress bar on stderr
    assert pd.read_csv(big)["point"].nunique() == 41 * 41


@pytest.mark.parametrize("argv, message", [
    (["solve", "no_such_model"], "no model 'no_such_model'"),
    (["solve", "chicken", "--set", "c"], "--set expects NAME=VALUE"),
    (["solve", "chicken", "--set", "c=abc"], "is not a number"),
    (["solve", "chicken", "--set", "nope=1"], "nope"),
    (["solve", "probe_response", "--set", "credibility_loss=1e4000"], "magnitude limit"),
    (["solve", "probe_response", "--set", "cohesion=2"], "outside its bounds"),
    (["table", "chicken", "--digits", "99"], "digits"),
    (["table", "chicken", "--out", "no/such/dir/t.tex"], "No such file or directory"),
    (["solve", "missing.toml"], "no such scenario file"),
    (["sweep", "chicken", "--param", "x=0:1", "--out", "x.csv"], "NAME=START:STOP:NUM"),
    (["sweep", "chicken", "--param", "x=0:1:99999999", "--out", "x.csv"], "NUM must be"),
    (["table", "chicken", "--format", "pdf"], "invalid choice"),
    (["report", "--resolution", "1"], "--resolution"),
    (["frobnicate"], "invalid choice"),
    ([], "required"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(argv, capsys)
    assert code == 2
    assert err.count("\n") == 1 and message in err
    assert "Traceback" not in err


HOSTILE = {
    "code": ('players = ["A", "B"]\nstrategies = [["x"], ["y"]]\n[parameters.a]\ndefault = 1\n'
             '[payoffs]\nrow = [["__import__(\'os\').system(\'touch PWNED\')"]]\n'
             'column = [["a"]]\n', "payoffs.row[0][0]"),
    "unknown key": ('players = ["A", "B"]\nstrategies = [["x"], ["y"]]\nrun = "rm -rf /"\n'
                    '[payoffs]\nrow = [[1]]\ncolumn = [[1]]\n', "unknown key 'run'"),
    "wrong type": ('players = ["A", "B"]\nstrategies = [["x"], ["y"]]\n[payoffs]\n'
                   'row = [[true]]\ncolumn = [[1]]\n', "payoffs.row[0][0]"),
    "huge": ('players = ["A", "B"]\nstrategies = [["x"], ["y"]]\n[parameters.a]\ndefault = 1\n'
             '[payoffs]\nrow = [["a^999999999"]]\ncolumn = [["a"]]\n', "too large"),
    "syntax": ('players = ["A", "B"\n', "TOML syntax error"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_scenarios_refused_by_every_command(tmp_path, monkeypatch, capsys, kind):
    text, message = HOSTILE[kind]
    f = tmp_path / "bad.toml"
    f.write_text(text)
    monkeypatch.chdir(tmp_path)
    for argv in (["solve", str(f)], ["table", str(f)], ["report", str(f), "--out", "o"],
                 ["sweep", str(f), "--param", "a=0:1:3", "--out", "s.csv"]):
        code, out, err = run(argv, capsys)
        assert code == 2, argv
        assert message in err and err.count("\n") == 1 and "Traceback" not in err
        assert "line" in err or kind == "syntax"
    assert not (tmp_path / "PWNED").exists()
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_hostile_scenario_in_a_fresh_process(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text(HOSTILE["code"][0])
    proc = subprocess.run([sys.executable, "-m", "gametheory", "solve", str(f)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("gametheory: error: payoffs.row[0][0]")
    assert proc.stderr.count("\n") == 1
    assert not (tmp_path / "PWNED").exists()


def test_report_writes_every_file_in_under_60_seconds(tmp_path):
    exe = shutil.which("gametheory")
    cmd = [exe] if exe else [sys.executable, "-m", "gametheory"]
    out_dir = tmp_path / "out"
    start = time.perf_counter()
    proc = subprocess.run([*cmd, "report", "--out", str(out_dir)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr
    assert elapsed < 60, f"gametheory report took {elapsed:.1f} s"
    names = {p.name for p in out_dir.iterdir()}
    for required in ("payoff_table.tex", "payoff_table.md", "equilibria.tex", "equilibria.md",
                     "equilibria.csv", "regimes.tex", "regimes.md", "regime_map.pdf",
                     "regime_map.png", "regime_map.csv", "thresholds.tex", "thresholds.csv",
                     "repeated.tex", "report.tex", "report.md", "summary.txt", "sweep.csv",
                     "sweep_summary.tex", "tornado_delta.pdf", "tornado_delta.png",
                     "equilibrium_path.pdf", "equilibrium_path.png", "folk_region.pdf",
                     "folk_region.png"):
        assert required in names, required
    if shutil.which("pdflatex"):
        assert "report.pdf" in names
    for p in out_dir.iterdir():
        assert p.stat().st_size > 0, p
    assert (out_dir / "regime_map.pdf").read_bytes()[:5] == b"%PDF-"
    assert (out_dir / "regime_map.png").read_bytes()[:4] == b"\x89PNG"
    summary = proc.stdout
    assert "Regime at the analysed point: deterrence by denial" in summary
    # repeated game: delta* = (D_U - D_I)/(-D_I) = (-5/2 + 3)/3 = 1/6 at r_U = 1/2
    assert "delta* = 1/6" in summary
    # the regime boundary of the map at the defaults: r_U = W_D / 100 (docs/model.md)
    assert "r_U = W_D/100" in summary
    eq = pd.read_csv(out_dir / "equilibria.csv")
    assert eq["subgame_perfect"].sum() == 1
    grid = pd.read_csv(out_dir / "regime_map.csv")
    assert set(grid["regime"]) >= {"deterrence by denial", "tolerated probing"}
    assert len(summary.splitlines()) < 60  # one page


def test_version_and_module_entry():
    proc = subprocess.run([sys.executable, "-m", "gametheory", "--version"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("gametheory ")


def test_report_of_a_numeric_scenario(tmp_path, capsys):
    import gametheory as gt

    pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                            strategies=(("C", "D"), ("C", "D")), title="PD & co_1")
    f = tmp_path / "pd.toml"
    gt.dump_scenario(pd_, f)
    code, out, err = run(["report", str(f), "--out", str(tmp_path / "r")], capsys)
    assert code == 0, err
    names = {p.name for p in (tmp_path / "r").iterdir()}
    assert {"payoff_table.tex", "equilibria.csv", "folk_region.pdf", "folk_region.png",
            "report.tex", "report.md"} <= names
    assert "[1*, 1*]" in out  # (D, D), the unique equilibrium of the prisoner's dilemma


def test_sweep_of_a_scenario_reads_the_file_once(tmp_path, monkeypatch, capsys):
    calls = []
    reader = sources.READERS[".toml"]

    def counting(path):
        calls.append(path)
        return reader(path)

    monkeypatch.setitem(sources.READERS, ".toml", counting)
    code, _, err = run(["sweep", str(EXAMPLE), "--out", str(tmp_path / "s.csv"),
                        "--no-progress"], capsys)  # the grid is the file's [sweep]
    assert code == 0, err
    assert len(calls) == 1


def test_choices_come_from_the_registries():
    from gametheory.report.tables import FORMATS
    from gametheory.solve import METHODS

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices
    choices = {a.dest: a.choices for cmd in ("solve", "table") for a in sub[cmd]._actions}
    assert choices["method"] == sorted(METHODS)
    assert choices["format"] == sorted(FORMATS)


def test_set_on_a_numeric_game_names_the_flag(tmp_path, capsys):
    f = tmp_path / "pd.nfg"
    import gametheory as gt

    f.write_text(gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]]).to_nfg())
    code, _, err = run(["solve", str(f), "--set", "x=1"], capsys)
    assert code == 2 and "--set needs a parametric model" in err
