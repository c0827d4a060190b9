r"""The ``gametheory report`` job: one model, every table and figure, one summary page.

For a parametric two-player game :math:`(A(\theta), B(\theta))` with regime rules the
report writes

* the parameters: symbol, name, meaning, unit, the value used at the analysed point
  :math:`\theta_0` and the bounds; the constraints, and what "infeasible" means (a point
  outside a parameter's bounds or breaking a constraint such as :math:`r_I \le r_U`);
* the payoff table, symbolic (each parameter's LaTeX symbol) and at
  :math:`\theta_0`, with best replies and pure equilibria marked;
* every extreme Nash equilibrium at :math:`\theta_0` (exact), which of them are the
  extreme equilibria of one component (a continuum), and for a sequential model whether
  each is subgame perfect (Selten 1975);
* the regime at :math:`\theta_0` and the symbolic condition of every regime;
* a regime map over two parameters (for the default model escalation cost, through the
  Defender's war cost :math:`W_D`, against credibility loss :math:`r_U`) with the exact
  boundary lines, as PDF and PNG, and its grid as CSV;
* the thresholds of each map parameter at :math:`\theta_0` (``gt.thresholds``, exact);
* every equilibrium on the scenario's declared ``[sweep]`` grid (else a 41x41 grid of the
  map; ``gt.sweep``), summarised by regime, and the equilibrium probabilities and payoffs
  along the map's second parameter;
* for the probe-response model, the repeated game's credibility threshold
  :math:`\delta^* = (D_U - D_I)/(-D_I)` (Friedman 1971; Mailath and Samuelson 2006,
  sec. 2.4), as a formula and at the repeated variant's defaults (saying which values
  differ from :math:`\theta_0` and why), a tornado chart of its sensitivity (each bar
  ends where the parameter leaves the feasible region) and the stage game's folk region
  (Fudenberg and Maskin 1986);

as ``.tex`` (tables and a compilable ``report.tex``; ``report.pdf`` when pdflatex is
installed), ``.md``, ``.csv``, ``.pdf`` and ``.png`` files, and returns a short text
summary (under 60 lines).

The output directory is the user's: files are written into a temporary directory inside
it and moved in at the end (a failure leaves the directory as it was); a non-empty
directory that no earlier report wrote is refused unless ``force=True``; a symbolic link
in it is replaced, never followed.

Examples
--------
>>> import tempfile, gametheory as gt
>>> from gametheory.app.report_job import build_report
>>> rep = build_report(None, tempfile.mkdtemp(), resolution=41, compile_pdf=False)
>>> rep.regime
'deterrence by denial'
>>> sorted(p.suffix for p in rep.files if p.name.startswith("regime_map"))
['.csv', '.pdf', '.png']
"""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .._numbers import CSV_FLOAT_FORMAT, format_number
from ..core.game import Equilibrium, NormalFormGame
from ..core.parametric import ParametricGame
from ..core.tree import GameTree
from ..errors import GameError
from ..report import tables
from ..report.figures import Boundary
from ..report.latex import (
    compile_pdf,
    latex_expr,
    latex_symbol_names,
    plain_expr,
    standalone_document,
)
from ..report.tables.base import fit_width
from .report_repeated import _folk, _plain_name, _repeated, _write
from .sources import Source, resolve_source

__all__ = ["Report", "EquilibriumCache", "build_report", "map_axes", "DEFAULT_AXES",
           "SWEEP_POINTS", "MARKER"]

#: The default regime map: escalation cost (through W_D) against credibility loss.
DEFAULT_AXES = {"war_cost_defender": (0, 300), "credibility_loss": (0, 12)}

#: Points per axis of the sweep when the source declares no ``[sweep]`` grid.
SWEEP_POINTS = 41

#: The file a report leaves in its directory: it lists the files the report wrote, and
#: marks the directory as one a later report may write into without ``force``.
MARKER = ".gametheory-report"


@dataclass
class Report:
    """The result of :func:`build_report`: the files written and the summary text."""

    out_dir: Path
    files: list[Path]
    summary: str
    regime: str | None
    seconds: float


@dataclass
class EquilibriumCache:
    """Each equilibrium set of a report job, solved once and kept (keyed by the game).

    ``equilibria(g)`` is every extreme Nash equilibrium of the numeric game ``g``
    (``g.equilibria()``); ``classified(tree, values)`` the equilibria of a game tree's
    reduced normal form at ``values``, each with whether it is subgame perfect.

    Examples
    --------
    >>> import gametheory as gt
    >>> cache = EquilibriumCache()
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> cache.equilibria(pd) is cache.equilibria(gt.NormalFormGame([[3, 0], [5, 1]],
    ...                                                             [[3, 5], [0, 1]]))
    True
    """

    _sets: dict[NormalFormGame, list[Equilibrium]] = field(default_factory=dict)
    _trees: dict[tuple[int, tuple[tuple[str, str], ...]], list[Any]] = field(
        default_factory=dict)

    def equilibria(self, game: NormalFormGame) -> list[Equilibrium]:
        """Every extreme Nash equilibrium of ``game``, solved on the first request."""
        if game not in self._sets:
            self._sets[game] = game.equilibria()
        return self._sets[game]

    def classified(self, tree: GameTree, values: Mapping[str, Any]
                   ) -> tuple[list[Equilibrium], list[bool]]:
        """The equilibria of ``tree`` at ``values`` and whether each is subgame perfect.

        Keyed by the tree's identity (trees are mutable, so unhashable) and the values.
        """
        key = (id(tree), tuple(sorted((k, str(v)) for k, v in values.items())))
        if key not in self._trees:
            self._trees[key] = tree.classify_equilibria(**values)
        found = self._trees[key]
        return [c.equilibrium for c in found], [bool(c.subgame_perfect) for c in found]


def map_axes(source: Source) -> dict[str, tuple[float, float]]:
    """The two parameters of the regime map and their ranges.

    A scenario's first two ``[sweep]`` axes (their extent); else escalation cost x
    credibility loss when the game has them (the probe-response family); else the first
    two parameters, from 0 (or the lower bound) to twice the default. Empty for a game
    without parameters.

    Examples
    --------
    >>> from gametheory.app.sources import resolve_source
    >>> map_axes(resolve_source("chicken"))
    {'stake_aggressor': (0.0, 4.0), 'stake_defender': (0.0, 6.0)}
    """
    game = source.game
    if not isinstance(game, ParametricGame):
        return {}
    grid = source.sweep_grid()
    if grid:
        return {k: (float(v.min()), float(v.max())) for k, v in list(grid.items())[:2]}
    if all(name in game.parameter_names for name in DEFAULT_AXES):
        return dict(DEFAULT_AXES)
    out = {}
    for p in game.parameters[:2]:
        d = float(p.default) if p.default is not None else 1.0
        lo = float(p.bounds[0]) if p.bounds and p.bounds[0] is not None else min(0.0, 2 * d)
        hi = float(p.bounds[1]) if p.bounds and p.bounds[1] is not None else max(2 * d, lo + 1)
        out[p.name] = (lo, hi)
    return out


def build_report(source: Source | str | None, out_dir: str | Path, *,
                 values: Mapping[str, Any] | None = None, resolution: int = 161,
                 compile_pdf: bool = True, force: bool = False) -> Report:
    """Analyse a model and write the report files into ``out_dir``.

    Each equilibrium set is solved once (:class:`EquilibriumCache`) and the sections
    hand each other data: the regime boundaries tabulated are those the map draws,
    computed from the game (:func:`gametheory.analysis.sensitivity.boundaries.boundary_curves`).

    Parameters
    ----------
    source : Source, str or None
        A resolved :class:`~gametheory.app.sources.Source`, or what
        :func:`~gametheory.app.sources.resolve_source` takes: a scenario file, a game file,
        a catalog model name (``name[:variant]``) or None for the default
        probe-versus-response model.
    out_dir : path
        Created if missing. An existing directory must be empty or hold an earlier
        report (its :data:`MARKER` file), unless ``force``.
    values : dict, optional
        Parameter values overriding the defaults (the point analysed); for a Source,
        overriding its own values.
    resolution : int
        Grid points per axis of the regime map.
    compile_pdf : bool
        Compile ``report.tex`` to ``report.pdf`` when pdflatex is installed.
    force : bool
        Write into a non-empty directory no report wrote, replacing files of the report's
        names (other files are left alone).

    Returns
    -------
    Report

    Raises
    ------
    GameError
        ``out_dir`` is not a directory, is a symbolic link, or is non-empty and not an
        earlier report's without ``force``; and whatever the analysis raises. On any
        failure the directory is left as it was (removed if this call created it).
    """
    t0 = time.perf_counter()
    if not isinstance(source, Source):
        src = resolve_source(source, values)
    else:
        src = source.with_values(values) if values is not None else source
    final = Path(out_dir)
    created = _claim(final, force)
    work = Path(tempfile.mkdtemp(prefix=".gametheory-tmp-", dir=final))
    try:
        rep = _write_report(src, work, final, resolution, compile_pdf, t0)
        names = [p.name for p in rep.files]
        blocked = [n for n in names if (final / n).is_dir() and not (final / n).is_symlink()]
        if blocked:
            raise GameError(f"report directory {final}: {', '.join(blocked)} is a directory "
                            "there; nothing written")
        (work / MARKER).write_text("files written by gametheory report:\n"
                                   + "\n".join(names) + "\n", encoding="utf-8")
        for name in [*names, MARKER]:
            os.replace(work / name, final / name)  # replaces a link, never follows it
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if created:
            shutil.rmtree(final, ignore_errors=True)
        raise
    shutil.rmtree(work, ignore_errors=True)
    rep.out_dir, rep.files = final, [final / n for n in names]
    return rep


def _claim(out: Path, force: bool) -> bool:
    """Check that the report may write into ``out``; create it if missing (then True)."""
    if out.is_symlink():
        raise GameError(f"report directory {out} is a symbolic link; give the directory "
                        "itself")
    if out.exists():
        if not out.is_dir():
            raise GameError(f"report directory {out} exists and is not a directory")
        entries = [e.name for e in os.scandir(out)]
        ours = (out / MARKER).is_file() and not (out / MARKER).is_symlink()
        if entries and not ours and not force:
            raise GameError(f"report directory {out} is not empty and no earlier report "
                            f"wrote it ({len(entries)} entries, e.g. {sorted(entries)[0]!r});"
                            " nothing written: choose a new or empty directory, or pass "
                            "--force (force=True) to replace files of the report's names")
        return False
    out.mkdir(parents=True)
    return True


def _write_report(src: Source, out: Path, final: Path, resolution: int, compile_pdf: bool,
                  t0: float) -> Report:
    """Every section written into the working directory ``out`` (moved to ``final``)."""
    files: list[Path] = []
    cache = EquilibriumCache()
    game, numeric, values = src.game, src.numeric, dict(src.values)
    parametric = src.parametric
    axes = map_axes(src)
    tex_parts: list[str] = []
    md_parts: list[str] = [f"# {game.title or src.name}", ""]
    if src.description:
        md_parts += [src.description, ""]
    title = game.title or src.name
    lines: list[str] = [title, "=" * len(title), ""]  # the terminal summary

    # ---------------------------------------------------------------- parameters
    if parametric:
        _parameters(src, out, files, tex_parts, md_parts, lines)

    # ---------------------------------------------------------------- payoff tables
    point = ", ".join(f"{k} = {v}" for k, v in values.items())
    at_caption = f"Payoffs at {'the defaults' if not values else point}"
    sym_tex = tables.payoff_table(game, format="sgame", caption="Payoffs (symbolic)",
                                  label="tab:payoffs-symbolic") if parametric else ""
    num_tex = tables.payoff_table(numeric, format="sgame", caption=at_caption,
                                  label="tab:payoffs")
    num_bt = tables.payoff_table(numeric, format="booktabs", caption=at_caption,
                                 label="tab:payoffs-booktabs")
    _write(out / "payoff_table.tex", "\n\n".join(x for x in (sym_tex, num_tex, num_bt) if x),
           files)
    md_pay = []
    if parametric:
        md_pay += ["## Payoffs (symbolic)", "", tables.payoff_table(game, format="markdown",
                                                                    caption=""), ""]
        md_pay += ["Symbols: " + ", ".join(f"${latex_symbol_names([p])[p.name]}$ "
                                           f"`{p.name}`" for p in game.parameters), ""]
    md_pay += [f"## {at_caption}", "", tables.payoff_table(numeric, format="markdown",
                                                         caption=""), "",
               "Best replies underlined; pure equilibria in bold.", ""]
    _write(out / "payoff_table.md", "\n".join(md_pay), files)
    tex_parts += [x for x in (sym_tex, num_tex) if x]  # tables fit \linewidth themselves
    md_parts += md_pay
    lines += [tables.payoff_table(numeric, format="text", caption=at_caption + ":"), ""]

    # ---------------------------------------------------------------- equilibria
    if src.tree is not None:
        eqs, spe = cache.classified(src.tree, values)
        if not eqs:
            raise GameError("the game tree has no equilibria to tabulate")
    else:
        eqs, spe = cache.equilibria(numeric), None
    eq_tex = tables.equilibrium_table(eqs, format="booktabs", subgame_perfect=spe,
                                      caption="Nash equilibria" + (
                                          " (subgame perfect or not)" if src.tree else ""),
                                      label="tab:equilibria")
    eq_md = tables.equilibrium_table(eqs, format="markdown", subgame_perfect=spe, caption="")
    eq_txt = tables.equilibrium_table(eqs, format="text", subgame_perfect=spe, caption="")
    component, notes = _components(eqs, numeric)
    eq_md += "".join(f"\n\n{n}" for n in notes)
    _write(out / "equilibria.tex", eq_tex, files)
    _write(out / "equilibria.md", eq_md, files)
    _equilibria_csv(eqs, spe, component, out / "equilibria.csv", files)
    tex_parts.append(eq_tex)
    tex_parts += [r"\noindent " + tables.escape_latex(n) for n in notes]
    md_parts += ["## Equilibria", "", eq_md, ""]
    lines += ["Equilibria:", eq_txt, *(w for n in notes for w in textwrap.wrap(n, 90)), ""]

    # ---------------------------------------------------------------- regimes
    regime = None
    rules = game.regime_rules if isinstance(game, ParametricGame) else ()
    if rules:
        regime = str(game.classify(**values))
        names = latex_symbol_names(game.parameters)
        reg_items = [{"name": n, "condition": c} for n, c in rules]
        reg_tex = tables.regime_table(reg_items, format="booktabs", symbols=names,
                                      caption="Regimes and their conditions",
                                      label="tab:regimes")
        reg_md = tables.regime_table(reg_items, format="markdown", symbols=names)
        _write(out / "regimes.tex", reg_tex, files)
        _write(out / "regimes.md", f"Regime at the analysed point: **{regime}**\n\n{reg_md}",
               files)
        tex_parts.append(rf"\noindent Regime at the analysed point: \textbf{{"
                         rf"{tables.escape_latex(regime)}}}.")
        tex_parts.append(r"{\small" + "\n" + reg_tex + "\n}")
        md_parts += ["## Regimes", "", f"Regime at the analysed point: **{regime}**", "",
                     reg_md, ""]
        lines += [f"Regime at the analysed point: {regime}", ""]

    # ---------------------------------------------------------------- regime map
    if parametric and len(axes) == 2 and rules:
        _regime_map(src, axes, resolution, out, files, tex_parts, md_parts, lines)

    # ---------------------------------------------------------------- sweep summary
    if parametric and len(axes) == 2:
        _sweep_summary(src, axes, out, files, tex_parts, md_parts, lines)

    # ---------------------------------------------------------------- thresholds
    if parametric:
        _thresholds(src, axes, out, files, tex_parts, md_parts, lines)

    # ---------------------------------------------------------------- repeated game
    if src.repeated is not None:
        _repeated(src, src.repeated, cache, out, files, tex_parts, md_parts, lines)
    elif not parametric:  # a numeric game: what repeated play could sustain
        _folk(numeric, cache, out, files, tex_parts, md_parts,
              "If repeated: feasible, individually rational payoffs")

    # ---------------------------------------------------------------- documents
    body = "\n\n".join([rf"\section*{{{tables.escape_latex(game.title or src.name)}}}",
                        *tex_parts])
    doc = standalone_document(body, extra_preamble=r"\usepackage[margin=2cm]{geometry}")
    _write(out / "report.tex", doc, files)
    _write(out / "report.md", "\n".join(md_parts), files)
    pdf_note = _compile(out / "report.tex", files) if compile_pdf else "not compiled"
    seconds = time.perf_counter() - t0
    lines += ["Files written to " + str(final) + ":",
              "  " + ", ".join(p.name for p in files),
              f"report.pdf: {pdf_note}; {seconds:.1f} s"]
    summary = "\n".join(lines)
    _write(out / "summary.txt", summary, files)
    return Report(out, files, summary, regime, seconds)


def _bounds_text(bounds: Any) -> tuple[str, str]:
    """A parameter's bounds as plain and LaTeX interval text ("[0, inf)", "any")."""
    if bounds is None or bounds == (None, None):
        return "any", "any"
    lo, hi = bounds
    plain = (f"{'(-inf' if lo is None else '[' + format_number(lo)}, "
             f"{'inf)' if hi is None else format_number(hi) + ']'}")
    low = r"(-\infty" if lo is None else "[" + format_number(lo)
    high = r"\infty)" if hi is None else format_number(hi) + "]"
    return plain, f"${low}, {high}$"


INFEASIBLE = ("A point is feasible when every parameter lies within its bounds and every "
              "constraint holds; a point that breaks any of them is infeasible: the model is "
              "not defined there, so the regime map shows it as \"infeasible\", sweeps "
              "skip it and threshold searches stop at it.")


def _parameters(src: Source, out: Path, files: list[Path], tex_parts: list[str],
                md_parts: list[str], lines: list[str]) -> None:
    """The parameter table (symbol, name, meaning, unit, value used, bounds), constraints."""
    import pandas as pd

    game = src.game
    assert isinstance(game, ParametricGame)
    used = game.values(**src.values)
    names = latex_symbol_names(game.parameters)
    rows = []
    for p in game.parameters:
        value = used.get(p.name)
        set_here = p.name in src.values and value != p.default
        shown = ("(none)" if value is None else format_number(value)) + (
            f" (default {format_number(p.default)})" if set_here else "")
        b_plain, b_tex = _bounds_text(p.bounds)
        rows.append({"symbol": names[p.name], "name": p.name, "meaning": p.description,
                     "unit": p.unit, "value": shown, "bounds": b_plain, "bounds_tex": b_tex,
                     "plain_symbol": _plain_name(names[p.name])})
    cons = [(latex_expr(c, names), plain_expr(c, names)) for c in game.constraints]
    md = ["## Parameters", "",
          "| symbol | name | meaning | unit | value used | bounds |", "|---|---|---|---|---|---|"]
    md += [f"| ${r['symbol']}$ | `{r['name']}` | {_md_cell(r['meaning'])} | "
           f"{_md_cell(r['unit'])} | {r['value']} | {r['bounds']} |" for r in rows]
    md += ["", "Constraints: " + ("; ".join(f"${t}$" for t, _ in cons) if cons else "none "
                                  "beyond the bounds") + ".", "", INFEASIBLE, ""]
    _write(out / "parameters.md", "\n".join(md), files)
    md_parts += md
    esc = tables.escape_latex
    tex_rows = "\n".join(
        f"${r['symbol']}$ & \\raggedright\\texttt{{{_breakable(esc(r['name']))}}} & "
        f"{esc(r['meaning'])} & "
        f"{esc(r['unit'])} & {esc(r['value'])} & {r['bounds_tex']} \\\\" for r in rows)
    tabular = ("\\begin{tabular}{@{}l p{3.2cm} p{5.6cm} p{2.2cm} p{1.4cm} l@{}}\\toprule\n"
               "Symbol & Name & Meaning & Unit & Value used & Bounds \\\\ \\midrule\n"
               + tex_rows + "\n\\bottomrule\\end{tabular}")
    tex = ("\\begin{table}[ht]\\centering\\footnotesize\n" + fit_width(tabular, "linewidth")
           + "\n\\caption{Parameters and the values used}\\label{tab:parameters}\\end{table}")
    tex_cons = ("Constraints: " + ("; ".join(f"${t}$" for t, _ in cons) if cons else
                                   "none beyond the bounds") + ". " + esc(INFEASIBLE))
    _write(out / "parameters.tex", tex + "\n\n" + tex_cons, files)
    tex_parts += [tex, r"\noindent " + tex_cons]
    pd.DataFrame([{k: r[k] for k in ("name", "plain_symbol", "meaning", "unit", "value",
                                     "bounds")} for r in rows]).rename(
        columns={"plain_symbol": "symbol"}).to_csv(out / "parameters.csv", index=False)
    files.append(out / "parameters.csv")
    point = ", ".join(f"{r['plain_symbol']} = {r['value'].split(' (')[0]}" for r in rows)
    lines += textwrap.wrap("Parameters used (symbols, meanings, units and bounds in "
                           f"parameters.md): {point}", 90)
    lines += textwrap.wrap("Constraints: " + ("; ".join(p for _, p in cons) if cons else
                                              "none") + " and each parameter within its "
                           "bounds; a point breaking one is infeasible (not analysed).", 90)
    lines.append("")


def _breakable(tex: str) -> str:
    r"""Escaped identifier text with a line-break opportunity after each ``\_``."""
    return tex.replace(r"\_", r"\_\allowbreak{}")


def _md_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _components(eqs: Sequence[Equilibrium], game: NormalFormGame
                ) -> tuple[list[int], list[str]]:
    """Component number (from 1) of each listed equilibrium, and a note per continuum.

    The listed equilibria are extreme points; several of them are the extreme equilibria
    of one component when the equilibrium set is a continuum joining them
    (:func:`gametheory.solve.components.components_from_equilibria`, the grouping behind
    ``game.equilibrium_components()``, applied to the equilibria already solved).
    """
    from ..solve.components import components_from_equilibria

    comps = components_from_equilibria(list(eqs), game.players, game.strategies)
    number = [0] * len(eqs)
    notes = []
    for c, comp in enumerate(comps, start=1):
        members = [k for k, e in enumerate(eqs) if any(e is m or e == m for m in comp.equilibria)]
        for k in members:
            number[k] = c
        if len(members) > 1:
            listed = ", ".join(str(k + 1) for k in members)
            body = comp.describe().splitlines()[1:]
            notes.append(f"Equilibria {listed} are the extreme equilibria of one component "
                         f"(a continuum of equilibria, {len(comp.nash_subsets)} maximal Nash "
                         "subset(s)): " + "; ".join(" ".join(b.split()) for b in body))
    return number, notes


def _equilibria_csv(eqs: Sequence[Equilibrium], spe: Sequence[bool] | None,
                    component: Sequence[int], path: Path, files: list[Path]) -> None:
    import pandas as pd

    rows = []
    for k, e in enumerate(eqs):
        labs = e.strategies
        row: dict[str, Any] = {"equilibrium": k + 1, "component": component[k]}
        for p, mix in enumerate((e.row, e.col)):
            for s, v in zip(labs[p], mix, strict=True):
                row[f"{e.players[p]}: {s}"] = str(v)
        row[f"payoff: {e.players[0]}"] = str(e.payoffs[0])
        row[f"payoff: {e.players[1]}"] = str(e.payoffs[1])
        row["pure"] = e.is_pure
        if spe is not None:
            row["subgame_perfect"] = spe[k]
        rows.append(row)
    pd.DataFrame(rows).to_csv(path, index=False, float_format=CSV_FLOAT_FORMAT)
    files.append(path)


def _regime_map(src: Source, axes: Mapping[str, tuple[float, float]], resolution: int,
                out: Path, files: list[Path], tex_parts: list[str], md_parts: list[str],
                lines: list[str]) -> None:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    import pandas as pd

    from ..analysis.sensitivity.boundaries import boundary_curves
    from ..report import figures
    from ..report.style import house_style, save_figure

    game, values = src.game, src.values
    (xn, xr), (yn, yr) = axes.items()
    grid = figures.regime_grid(game, {xn: tuple(xr), yn: tuple(yr)}, at=values,
                               resolution=resolution)
    # the boundaries the map draws (where the regime changes across them), as data: the
    # figure draws them and the table below lists them
    drawn = [c.boundary for c in boundary_curves(game, xn, yn, grid["x"], grid["y"],
                                                  at=values)]
    with house_style():
        fig = figures.regime_map(grid, game=game, at=values, thresholds=drawn,
                                 title=f"Regimes of {game.title or src.name}").figure
        files += save_figure(fig, out / "regime_map")
    plt.close(fig)
    X, Y = np.meshgrid(grid["x"], grid["y"], indexing="ij")
    labels = np.array([*grid["labels"], "infeasible"], dtype=object)
    codes = np.where(grid["codes"] < 0, len(grid["labels"]), grid["codes"])
    pd.DataFrame({xn: X.ravel(), yn: Y.ravel(), "regime": labels[codes].ravel()}).to_csv(
        out / "regime_map.csv", index=False, float_format=CSV_FLOAT_FORMAT)
    files.append(out / "regime_map.csv")
    items = [_BoundaryText.of(b, latex_symbol_names(game.parameters)) for b in drawn]
    tex_parts.append(r"\begin{center}\includegraphics[width=\linewidth]{regime_map.pdf}"
                     r"\end{center}")
    md_parts += ["## Regime map", "", "![Regime map](regime_map.png)", ""]
    if items:
        rows = [[f"${it.at_point}$", f"${it.general}$"] for it in items]
        md_parts += ["Boundaries drawn (at the analysed point | in general):", "",
                     "| at the analysed point | in general |", "|---|---|"]
        md_parts += [f"| {a} | {b} |" for a, b in rows] + [""]
        tex_rows = "\n".join(f"{a} & {b} \\\\" for a, b in rows)
        tex_parts.append(r"{\small\begin{tabular}{ll}\toprule Boundary at the analysed point"
                         r" & In general \\ \midrule" + "\n" + tex_rows + "\n"
                         r"\bottomrule\end{tabular}}")
    shares = pd.Series(labels[codes].ravel()).value_counts(normalize=True)
    lines += [f"Regime map over {xn} x {yn} ({resolution}x{resolution} points): "
              + ", ".join(f"{k} {100 * v:.0f}%" for k, v in shares.items())]
    for it in items:
        lines.append(f"  boundary {it.plain}   (in general: {it.plain_general})")
    lines.append("")


@dataclass(frozen=True)
class _BoundaryText:
    """A drawn regime boundary as LaTeX and plain text, at the point and in general."""

    at_point: str
    general: str
    plain: str
    plain_general: str

    @classmethod
    def of(cls, b: Boundary, names: Mapping[str, str]) -> _BoundaryText:
        if b.solved_for is not None and b.general_solution is not None:
            general = f"{names[b.solved_for]} = {latex_expr(b.general_solution, names)}"
            plain_general = (f"{_plain_name(names[b.solved_for])} = "
                             f"{plain_expr(b.general_solution, names)}")
        else:
            general = latex_expr(b.general, names) + " = 0"
            plain_general = f"{plain_expr(b.general, names)} = 0"
        plain = (f"{_plain_name(names[b.solved_for])} = {plain_expr(b.solution, names)}"
                 if b.solved_for is not None and b.solution is not None
                 else f"{plain_expr(b.expr, names)} = 0")
        return cls(b.latex, general, plain, plain_general)


def _sweep_summary(src: Source, axes: Mapping[str, tuple[float, float]], out: Path,
                   files: list[Path], tex_parts: list[str], md_parts: list[str],
                   lines: list[str]) -> None:
    """Every equilibrium on the declared sweep grid (else a 41x41 grid of the map's axes)."""
    from ..analysis.sensitivity.sweep import sweep

    game, values = src.game, src.values
    grid = src.sweep_grid() or {k: np.linspace(lo, hi, SWEEP_POINTS)
                                for k, (lo, hi) in axes.items()}
    shape = "x".join(str(len(v)) for v in grid.values())
    whose = "the scenario's [sweep] grid" if src.sweep_grid() else "a grid of the map"
    fixed = {k: v for k, v in values.items() if k not in grid} or None
    res = sweep(game, grid, fixed=fixed, progress=False)
    res.frame.to_csv(out / "sweep.csv", index=False, float_format=CSV_FLOAT_FORMAT)
    files.append(out / "sweep.csv")
    feasible = res.points[res.points["feasible"]].assign(
        regime=lambda d: d["regime"].astype(str))
    from types import SimpleNamespace

    view = SimpleNamespace(frame=feasible, parameters=list(grid))
    s_tex = tables.sweep_summary_table(view, format="booktabs", digits=2,
                                       caption=f"Regimes on {whose}, {shape} points "
                                               "(feasible points)", label="tab:sweep")
    s_md = tables.sweep_summary_table(view, format="markdown", digits=2)
    _write(out / "sweep_summary.tex", s_tex, files)
    _write(out / "sweep_summary.md", s_md, files)
    tex_parts.append(s_tex)
    md_parts += [f"## Sweep ({whose}, {shape} points, every equilibrium in sweep.csv)", "",
                 s_md, ""]
    lines += [f"Sweep on {whose} ({shape} points): {len(res.frame)} equilibria -> "
              "sweep.csv", ""]
    # equilibrium probabilities and payoffs along the map's second parameter
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from ..report.figures import equilibrium_path
    from ..report.style import house_style, save_figure

    yname = list(grid)[1]
    line = sweep(game, {yname: np.linspace(*axes[yname], 49)},
                 fixed={k: v for k, v in values.items() if k != yname} or None, progress=False)
    with house_style():
        fig = equilibrium_path(line, yname, game=game,
                               title=f"Equilibria along {yname.replace('_', ' ')}").figure
        files += save_figure(fig, out / "equilibrium_path")
    plt.close(fig)
    tex_parts.append(r"\begin{center}\includegraphics[width=\linewidth]{equilibrium_path.pdf}"
                     r"\end{center}")
    md_parts += ["![Equilibrium path](equilibrium_path.png)", ""]


def _thresholds(src: Source, axes: Mapping[str, tuple[float, float]], out: Path,
                files: list[Path], tex_parts: list[str], md_parts: list[str],
                lines: list[str]) -> None:
    import pandas as pd

    from ..analysis.sensitivity.thresholds import thresholds

    game, values = src.game, src.values
    names = list(axes) or [p.name for p in game.parameters[:2]]
    found = []
    for name in names:
        lo, hi = axes.get(name, (None, None))
        try:
            found += list(thresholds(game, name, at=values, lower=lo, upper=hi))
        except GameError as err:
            lines.append(f"thresholds of {name}: not computed ({err})")
    params = game.parameters
    if not found:
        lines += ["Thresholds: none in the mapped ranges", ""]
        return
    t_tex = tables.threshold_table(found, format="booktabs", parameters=params,
                                   caption="Thresholds at the analysed point",
                                   label="tab:thresholds")
    t_md = tables.threshold_table(found, format="markdown", parameters=params)
    t_txt = tables.threshold_table(found, format="text", parameters=params)
    _write(out / "thresholds.tex", t_tex, files)
    _write(out / "thresholds.md", t_md, files)
    pd.DataFrame([{"parameter": t.parameter, "value": float(t.value),
                   "exact": str(t.value) if t.exact else "", "kind": t.kind,
                   "before": t.regime_before or t.before, "after": t.regime_after or t.after}
                  for t in found]).to_csv(out / "thresholds.csv", index=False,
                                          float_format=CSV_FLOAT_FORMAT)
    files.append(out / "thresholds.csv")
    tex_parts.append(t_tex)
    md_parts += ["## Thresholds", "", t_md, ""]
    lines += ["Thresholds (other parameters at the analysed point):", t_txt, ""]


def _compile(tex: Path, files: list[Path]) -> str:
    """Compile ``tex`` with the toolkit's one pdflatex runner (the figures it includes
    copied beside it); the PDF goes next to ``tex``, the log too when it fails."""
    figures = [f for f in files if f.suffix in (".pdf", ".png") and f.parent == tex.parent]
    result = compile_pdf(tex.read_text(encoding="utf-8"), files=figures)
    if result.reason == "pdflatex not installed":
        return result.reason
    if not result.ok or result.pdf is None:
        if not result.log:
            return result.reason
        tex.with_suffix(".log").write_text(result.log, encoding="utf-8")
        return f"pdflatex failed (see {tex.with_suffix('.log').name})"
    tex.with_suffix(".pdf").write_bytes(result.pdf)
    files.append(tex.with_suffix(".pdf"))
    return "compiled"
