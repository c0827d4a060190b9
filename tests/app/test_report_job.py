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
    assert [ln.get_label() for ln in figs[0].axes[0].get_lines()] == labels
    rows = [line for line in (tmp_path / "report.md").read_text().splitlines()
            if line.startswith("| $")]
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
