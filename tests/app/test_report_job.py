"""The report job: each equilibrium set solved once; data, not figures, between sections."""

from __future__ import annotations

import collections

import matplotlib
import pytest

matplotlib.use("Agg")

import gametheory as gt  # noqa: E402
import gametheory.solve as solve  # noqa: E402
from gametheory.app import report_job  # noqa: E402
from gametheory.app.report_job import EquilibriumCache, build_report, map_axes  # noqa: E402
from gametheory.app.sources import resolve_source  # noqa: E402


@pytest.fixture
def solver_calls(monkeypatch):
    """Count calls of the solve facade, by game (payoffs, players and strategy labels).

    Every equilibrium computation goes through ``gametheory.solve.equilibria``
    (``game.equilibria()``, ``GameTree.classify_equilibria``, the batch solver's exact
    fallback, the thresholds' probes)."""
    calls: collections.Counter = collections.Counter()
    real = solve.equilibria

    def counting(game, *args, **kwargs):
        calls[(repr(game.A.tolist()), repr(game.B.tolist()), tuple(game.players),
               tuple(map(tuple, game.strategies)))] += 1
        return real(game, *args, **kwargs)

    monkeypatch.setattr(solve, "equilibria", counting)
    return calls


def test_default_report_solves_each_equilibrium_set_once(tmp_path, solver_calls):
    rep = build_report(None, tmp_path, resolution=21, compile_pdf=False)
    assert rep.regime == "deterrence by denial"
    assert solver_calls, "the solve facade was not called"
    repeated = {k: n for k, n in solver_calls.items() if n > 1}
    assert not repeated, f"solved more than once: {repeated}"


def test_numeric_report_shares_the_equilibria_with_the_folk_region(tmp_path, solver_calls):
    pd_ = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                            strategies=(("C", "D"), ("C", "D")), title="PD")
    f = tmp_path / "pd.toml"
    gt.dump_scenario(pd_, f)
    build_report(str(f), tmp_path / "r", compile_pdf=False)
    key = (repr(pd_.A.tolist()), repr(pd_.B.tolist()), pd_.players,
           tuple(map(tuple, pd_.strategies)))
    assert solver_calls[key] == 1  # the equilibria table, the CSV and the folk region


def test_boundaries_tabulated_are_the_ones_drawn(tmp_path, monkeypatch):
    from gametheory.report import figures

    drawn, figs = [], []
    real = figures.regime_map

    def capture(*args, **kwargs):
        drawn.extend(kwargs["thresholds"])
        figs.append(real(*args, **kwargs))
        return figs[-1]

    monkeypatch.setattr(figures, "regime_map", capture)
    rep = build_report(None, tmp_path, resolution=21, compile_pdf=False)
    assert drawn and "r_U = W_D/100" in rep.summary
    labels = [f"${b.latex}$" for b in drawn]
    assert [ln.get_label() for ln in figs[0].get_lines()] == labels  # the Axes drawn in
    md = (tmp_path / "report.md").read_text()
    section = md[md.index("## Regime map"):].split("\n## ")[0]  # the boundaries drawn
    rows = [line for line in section.splitlines() if line.startswith("| $")]
    assert [r.split(" | ")[0][2:] for r in rows] == labels


def test_a_resolved_source_is_not_resolved_again(tmp_path, monkeypatch):
    src = resolve_source("chicken")

    def fail(*args, **kwargs):
        raise AssertionError("resolved twice")

    monkeypatch.setattr(report_job, "resolve_source", fail)
    rep = build_report(src, tmp_path, resolution=11, compile_pdf=False)
    assert (tmp_path / "payoff_table.tex").exists() and rep.files


def test_values_of_a_source_can_be_overridden(tmp_path):
    src = resolve_source("probe_response")
    rep = build_report(src, tmp_path, values={"credibility_loss": "1/2"}, resolution=11,
                       compile_pdf=False)
    assert rep.regime == "tolerated probing"


def test_equilibrium_cache_solves_once(solver_calls):
    cache = EquilibriumCache()
    g = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    assert cache.equilibria(g) is cache.equilibria(g)
    tree = gt.models.probe_response("sequential")
    first = cache.classified(tree, {"credibility_loss": "1/2"})
    assert cache.classified(tree, {"credibility_loss": "1/2"}) == first
    assert sum(solver_calls.values()) == 2


def test_map_axes():
    assert map_axes(resolve_source(None)) == report_job.DEFAULT_AXES
    scenario = resolve_source(str(report_job.Path(__file__).resolve().parents[2] / "examples"
                                  / "probe_response.toml"))
    assert list(map_axes(scenario)) == list(scenario.sweep_grid())[:2]
    assert map_axes(resolve_source("chicken")) == {"stake_aggressor": (0.0, 4.0),
                                                   "stake_defender": (0.0, 6.0)}


# --------------------------------------------------------------------- what was computed
@pytest.fixture(scope="module")
def default_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    rep = build_report(None, out, values={"credibility_loss": 2}, resolution=21,
                       compile_pdf=False)
    return rep, out


def test_parameter_table_states_every_value_used(default_report):
    import pandas as pd

    rep, out = default_report
    src = resolve_source(None, {"credibility_loss": 2})
    table = pd.read_csv(out / "parameters.csv", dtype=str, keep_default_na=False)
    assert list(table["name"]) == list(src.game.parameter_names)
    assert list(table.columns) == ["name", "symbol", "meaning", "unit", "value", "bounds"]
    used = src.game.values(**src.values)
    for row in table.itertuples():
        p = src.game.parameter(row.name)
        assert row.value.split(" (")[0] == gt._numbers.format_number(used[row.name])
        assert row.meaning == p.description and row.unit == p.unit
    changed = table.set_index("name").loc["credibility_loss", "value"]
    assert changed == "2 (default 3)"
    assert table.set_index("name").loc["interception_prob", "bounds"] == "[0, 1]"
    md = (out / "report.md").read_text()
    assert "| symbol | name | meaning | unit | value used | bounds |" in md
    assert r"\begin{tabular}" in (out / "parameters.tex").read_text()
    assert "r_U = 2" in rep.summary


def test_constraints_and_infeasible_are_explained(default_report):
    rep, out = default_report
    md = (out / "report.md").read_text()
    assert "$r_I \\leq r_U$" in md and "infeasible" in md
    assert report_job.INFEASIBLE in md
    assert "Constraints: e_X >= e_I; r_I <= r_U" in rep.summary


def test_repeated_section_says_which_values_differ_and_why(default_report):
    rep, out = default_report
    text = (out / "repeated.md").read_text()
    assert "r_U = 1/2 instead of 2" in text
    # at r_U = 2: delta* = (c_I + e_I W_D + r_I - pi h - r_U)/(...) = (2.5 - 1.5 - 2)/... < 0
    assert "Why other values" in text and "<= 0" in text
    assert "r_U = 1/2 instead of 2" in " ".join(rep.summary.split())  # wrapped lines


def test_repeated_section_at_the_variant_point_has_no_excuse(tmp_path):
    rep = build_report(None, tmp_path, values={"credibility_loss": "1/2"}, resolution=11,
                       compile_pdf=False)
    assert "instead of" not in rep.summary and "Why other values" not in rep.summary


def test_extreme_equilibria_of_one_component_are_said_so(default_report):
    import pandas as pd

    rep, out = default_report
    eq = pd.read_csv(out / "equilibria.csv")
    src = resolve_source(None, {"credibility_loss": 2})
    comps = src.numeric.equilibrium_components()
    assert eq["component"].nunique() == len(comps)
    big = [c for c in comps if len(c.equilibria) > 1]
    assert big, "the default point has a continuum of equilibria"
    listed = ", ".join(str(k) for k in eq["equilibrium"][eq["component"] == 1])
    assert f"Equilibria {listed} are the extreme equilibria of one component" in (
        out / "equilibria.md").read_text()


def test_separate_equilibria_are_not_called_one_component(tmp_path):
    pd_ = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]], title="Battle")
    f = tmp_path / "bos.toml"
    gt.dump_scenario(pd_, f)
    rep = build_report(str(f), tmp_path / "r", compile_pdf=False)
    assert "one component" not in rep.summary  # three isolated equilibria


def test_the_scenarios_sweep_grid_is_used(tmp_path):
    import pandas as pd
    from support import EXAMPLES

    src = resolve_source(str(EXAMPLES / "probe_response.toml"))
    grid = src.sweep_grid()
    rep = build_report(src, tmp_path, resolution=11, compile_pdf=False)
    frame = pd.read_csv(tmp_path / "sweep.csv")
    for name, axis in grid.items():  # infeasible points (r_U < r_I) have no rows
        assert set(frame[name].round(9)) <= set(axis.round(9))
    assert frame["war_cost_defender"].nunique() == len(grid["war_cost_defender"]) == 61
    shape = "x".join(str(len(v)) for v in grid.values())
    assert f"Sweep on the scenario's [sweep] grid ({shape} points)" in rep.summary


def test_tornado_bars_only_at_feasible_points(default_report):
    import pandas as pd

    rep, out = default_report
    data = pd.read_csv(out / "tornado_delta.csv")
    src = resolve_source(None)
    stage = src.repeated.stage
    base = {k: float(v) for k, v in stage.values().items()}
    for row in data.itertuples():
        for end in (row.low, row.high):
            point = {**base, row.parameter: end}
            assert src.game.feasible(**point) and stage.feasible(**point), (row, end)
    # r_U = r_I = 1/2 at the variant's defaults: r_U cannot fall, r_I cannot rise
    by = data.set_index("parameter")
    assert by.loc["credibility_loss", "low"] == pytest.approx(0.5)
    assert by.loc["residual_credibility_loss", "high"] == pytest.approx(0.5)
    assert "Bars end where a parameter leaves the feasible region" in (
        out / "report.md").read_text()

def test_report_tables_fit_the_page_and_csvs_have_no_float_noise(tmp_path):
    import re
    import shutil

    from gametheory.report.latex import compile_pdf

    build_report(None, tmp_path, resolution=11, compile_pdf=False)
    for csv in tmp_path.glob("*.csv"):
        noise = re.findall(r"\d\.\d*(?:0{6,}|9{6,})\d", csv.read_text(encoding="utf-8"))
        assert not noise, f"{csv.name}: {noise[:3]}"
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not installed")
    figures = [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".png")]
    result = compile_pdf((tmp_path / "report.tex").read_text(encoding="utf-8"), files=figures)
    assert result.ok, result.reason
    assert [w for w in result.overfull if w > 1.0] == []
