r"""The report's repeated-game section: the credibility threshold, its sensitivity, folk region.

For a repeated model with stage game :math:`G(\theta)` and credibility threshold
:math:`\delta^*(\theta)` (Friedman 1971; Mailath and Samuelson 2006, sec. 2.4) the
section states :math:`\delta^*` as a formula and at the repeated variant's defaults,
says which of those values differ from the point the rest of the report analyses and
why, draws a tornado chart of :math:`\delta^*` (each parameter moved 10 % each way, each
bar stopped where the parameter leaves the feasible region) and the stage game's folk
region (Fudenberg and Maskin 1986). Also the small writing helpers the report job's
sections share.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from .._numbers import format_number
from ..core.game import Equilibrium, NormalFormGame
from ..core.parametric import ParametricGame
from ..errors import GameError
from ..report import tables
from ..report.latex import latex_expr, latex_symbol_names, plain_expr
from .sources import RepeatedModel, Source

__all__: list[str] = []  # the report job's parts; the public entry is build_report


class EquilibriumSets(Protocol):
    """Where a section gets a game's equilibria, each set solved once (the job's cache)."""

    def equilibria(self, game: NormalFormGame) -> list[Equilibrium]: ...


def _other_values(src: Source, rep: RepeatedModel, formula: Any) -> tuple[str, str]:
    r"""Which values the repeated section uses that differ from the analysed point, and why.

    Returns ``("", "")`` when the repeated variant's defaults are the analysed point;
    else the differing values (``"r_U = 1/2 instead of 3"``) and the reason, read from
    the threshold formula at the analysed point: there :math:`\delta^* \le 0` (the
    costly response is already a best reply in the one-shot game) or undefined.
    """
    import sympy

    stage = rep.stage
    game = src.game
    if not isinstance(game, ParametricGame):
        return "", ""
    analysed = game.values(**src.values)
    stage_at = stage.values()
    names = latex_symbol_names(stage.parameters)
    differ = {k: (v, analysed[k]) for k, v in stage_at.items()
              if k in analysed and analysed[k] != v}
    if not differ:
        return "", ""
    what = ", ".join(f"{_plain_name(names[k])} = {format_number(v)} instead of "
                     f"{format_number(a)}" for k, (v, a) in differ.items())
    try:
        here = sympy.nsimplify(formula.subs({x: sympy.Rational(str(analysed[x.name]))
                                             for x in formula.free_symbols
                                             if x.name in analysed}))
    except (TypeError, ValueError, ZeroDivisionError):  # pragma: no cover - model specific
        here = sympy.nan
    if here.is_number and here.is_finite and here <= 0:
        why = (f"at the analysed point delta* = {here} <= 0: the costly response is "
               "already the Defender's best reply in the one-shot game, so repetition has "
               "nothing to add there; the repeated variant's defaults are chosen where it is "
               "not, so that the discount factor decides")
    elif here.is_number and here.is_finite and here < 1:
        why = f"at the analysed point delta* = {here}"
    else:
        why = "at the analysed point no discount factor in [0, 1) makes the response credible"
    return what, why


def _repeated(src: Source, rep: RepeatedModel, cache: EquilibriumSets, out: Path,
              files: list[Path], tex_parts: list[str], md_parts: list[str],
              lines: list[str]) -> None:
    stage = rep.stage
    names = latex_symbol_names(stage.parameters)
    try:
        formula = rep.credibility_threshold()
        value = rep.critical_discount_at()
    except GameError as err:  # pragma: no cover - depends on the repeated model
        lines += [f"Repeated game: not analysed ({err})", ""]
        return
    what, why = _other_values(src, rep, formula)
    where = f"which differ from the analysed point: {what}" if what else \
        "the analysed point"
    val_txt = "none (no discount factor in [0, 1) works)" if value is None else \
        format_number(value)
    tex = latex_expr(formula, names)
    text = (f"Repeated game: the Defender's costly response is credible iff delta >= delta*,"
            f" delta* = {val_txt} at the repeated variant's defaults ({where})")
    note = f"Why other values: {why}." if what else ""
    items = [{"parameter": "discount factor", "value": value if value is not None else "",
              "expression": formula,
              "description": "least discount factor making the costly response credible"}]
    if value is None:
        items[0]["value"] = "none"
    t_tex = tables.threshold_table(items, format="booktabs", symbols=names,
                                   caption="Repeated game: credibility threshold",
                                   label="tab:repeated")
    _write(out / "repeated.tex", t_tex, files)
    md = (f"## Repeated game\n\n{text}.\n\n$$\\delta^* = {tex}$$\n"
          + (f"\n{note}\n" if note else ""))
    _write(out / "repeated.md", md, files)
    tex_parts.append(rf"\noindent Repeated game: the costly response is credible iff "
                     rf"$\delta \ge \delta^*$ with\[\delta^* = {tex},\] "
                     rf"$\delta^* = {'' if value is None else latex_expr(value, names)}$"
                     rf" at the repeated variant's defaults ({tables.escape_latex(where)})."
                     + (" " + tables.escape_latex(note) if note else ""))
    md_parts += [md]
    _tornado(src, rep, formula, names, out, files, tex_parts, md_parts)
    _folk(rep.stage.at(), cache, out, files, tex_parts, md_parts,
          "Repeated game: feasible, individually rational payoffs")
    import sympy

    num, den = sympy.fraction(sympy.together(formula))
    if num.could_extract_minus_sign() and den.could_extract_minus_sign():
        num, den = -num, -den
    head, _, rest = text.partition(" at the repeated")
    lines += [head, *textwrap.wrap("  at the repeated" + rest, 90, subsequent_indent="  "),
              f"  delta* = ({plain_expr(sympy.expand(num), names)}) / "
              f"({plain_expr(sympy.expand(den), names)})",
              *textwrap.wrap(note, 90), ""]


def _feasible_spans(base: Mapping[str, float], feasible: Callable[[Mapping[str, float]], bool],
                    rel: float = 0.1, steps: int = 40
                    ) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """Each parameter's one-at-a-time span ``base * (1 -+ rel)``, cut to the feasible region.

    ``feasible(point)`` says whether a full point (every name of ``base``) is feasible.
    Each end moves from the base value towards ``base * (1 -+ rel)`` and stops at the last
    feasible point (bisection, ``steps`` halvings), so no bar of a tornado chart is drawn
    through infeasible points. Returns the spans and the names whose span was cut.

    Examples
    --------
    >>> spans, cut = _feasible_spans({"r_I": 0.5, "r_U": 0.5},
    ...                              lambda p: p["r_I"] <= p["r_U"])
    >>> spans["r_U"], spans["r_I"], cut
    ((0.5, 0.55), (0.45, 0.5), ['r_I', 'r_U'])
    """
    spans: dict[str, tuple[float, float]] = {}
    cut = []
    for name, v in base.items():
        ends = []
        for target in (v * (1 - rel), v * (1 + rel)):
            if feasible({**base, name: target}):
                ends.append(target)
                continue
            ok, bad = 0.0, 1.0  # fractions of the way from the base value to the target
            for _ in range(steps):
                mid = (ok + bad) / 2
                if feasible({**base, name: v + mid * (target - v)}):
                    ok = mid
                else:
                    bad = mid
            ends.append(v + ok * (target - v))
            cut.append(name)
        spans[name] = (ends[0], ends[1])
    return spans, sorted(set(cut))


def _tornado(src: Source, rep: RepeatedModel, formula: Any, names: Mapping[str, str],
             out: Path, files: list[Path], tex_parts: list[str], md_parts: list[str]
             ) -> None:
    """Tornado chart of the credibility threshold delta*: each parameter -+10 %, feasible.

    A point is feasible for the stage game's bounds and constraints and for those of the
    analysed game (the report's own constraints), other parameters at the variant's
    defaults.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    import sympy

    from ..analysis.sensitivity.uncertainty import one_at_a_time
    from ..report.figures import tornado
    from ..report.style import house_style, save_figure

    stage = rep.stage
    used = {s.name for s in formula.free_symbols}
    params = [p for p in stage.parameters if p.name in used]
    base = {p.name: float(p.default) for p in params if p.default is not None}
    if len(base) != len(params) or not base:
        return
    by_name = {s.name: s for s in formula.free_symbols}
    f = sympy.lambdify([by_name[p.name] for p in params], formula, "math")

    def delta_star(**v: float) -> float:
        return float(f(*(v[p.name] for p in params)))

    games = [g for g in (stage, src.game) if isinstance(g, ParametricGame)]
    full = {k: float(v) for k, v in stage.values().items()}

    def feasible(point: Mapping[str, float]) -> bool:
        at = {**full, **point}
        return all(bool(g.feasible(**{p.name: at.get(p.name, float(p.default or 0))
                                      for p in g.parameters})) for g in games)

    if not feasible(base):  # pragma: no cover - the variant's defaults are feasible
        return
    spans, cut = _feasible_spans(base, feasible, rel=0.1)
    try:
        data = one_at_a_time(delta_star, base, spans=spans)
    except (ZeroDivisionError, ValueError, TypeError):  # pragma: no cover - model specific
        return
    data.round(12).to_csv(out / "tornado_delta.csv", index=False)
    files.append(out / "tornado_delta.csv")
    with house_style():  # labels are literal text: the symbols in Unicode
        fig = tornado(data, output="credibility threshold \u03b4*", game=stage,
                      title="Sensitivity of the credibility threshold (each parameter "
                            "\u00b110 %)").figure
        files += save_figure(fig, out / "tornado_delta")
    plt.close(fig)
    tex_parts.append(r"\begin{center}\includegraphics[width=0.8\linewidth]{tornado_delta.pdf}"
                     r"\end{center}")
    md_parts += ["![Tornado chart of delta*](tornado_delta.png)", ""]
    if cut:
        cut_txt = ", ".join(_plain_name(names[n]) for n in cut)
        msg = (f"Bars end where a parameter leaves the feasible region (bounds and "
               f"constraints): {cut_txt} cannot move the full 10 % both ways; spans in "
               "tornado_delta.csv.")
        md_parts += [msg, ""]
        tex_parts.append(r"\noindent " + tables.escape_latex(msg))


def _folk(stage: NormalFormGame, cache: EquilibriumSets, out: Path, files: list[Path],
          tex_parts: list[str], md_parts: list[str], title: str) -> None:
    """Feasible and individually rational payoffs of a stage game (folk region)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from ..analysis.repeated.folk import folk_region as folk_region_of
    from ..report.figures import folk_region
    from ..report.style import house_style, save_figure

    with house_style():
        fig = folk_region(folk_region_of(stage), title=title,
                          equilibria=[e.payoffs for e in cache.equilibria(stage)]).figure
        files += save_figure(fig, out / "folk_region")
    plt.close(fig)
    tex_parts.append(r"\begin{center}\includegraphics[width=0.8\linewidth]{folk_region.pdf}"
                     r"\end{center}")
    md_parts += ["![Folk region](folk_region.png)", ""]


def _write(path: Path, text: str, files: list[Path]) -> None:
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    files.append(path)


def _plain_name(symbol: str) -> str:
    import re

    return re.sub(r"[\\{} ]", "", symbol)
