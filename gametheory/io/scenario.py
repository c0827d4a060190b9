r"""Scenario files: a game, its parameters and its sweep in one TOML file.

A scenario file describes a two-player game :math:`(A(\theta), B(\theta))` whose payoffs
are expressions in named parameters :math:`\theta`, together with each parameter's
default, bounds, meaning, LaTeX symbol and unit, the relations the parameters must
satisfy, optional regime rules (ordered ``(name, condition)`` pairs naming regions of
parameter space) and an optional sweep grid. It is the model of a paper in a file that
others can rerun: ``gametheory report model.toml``.

The format is TOML 1.0 (https://toml.io/en/v1.0.0), read with the standard library's
:mod:`tomllib`. Payoff expressions and conditions are parsed by
:mod:`gametheory.core.expressions`, a whitelist grammar; nothing in a file is evaluated as
code. The full format, with a complete example, is in ``docs/scenario-format.md``::

    title = "Prisoner's dilemma"
    players = ["Row", "Column"]
    strategies = [["C", "D"], ["C", "D"]]

    [parameters.T]
    default = 5
    symbol = "T"

    [payoffs]
    row = [["3", "0"], ["T", "1"]]
    column = [["3", "T"], ["0", "1"]]

Every error is a :class:`~gametheory.errors.ScenarioError` naming the key (``payoffs.row[1][0]``)
and the line in the file.

Examples
--------
>>> from gametheory.io.scenario import load_scenario
>>> s = load_scenario('''
... title = "Chicken"
... players = ["Ann", "Bob"]
... strategies = [["Swerve", "Straight"], ["Swerve", "Straight"]]
... [parameters.crash_cost]
... default = 10
... bounds = [0, "inf"]
... symbol = "c"
... [payoffs]
... row = [[0, -1], [1, "-crash_cost"]]
... column = [[0, 1], [-1, "-crash_cost"]]
... ''')
>>> s.game.at().B[1, 1], s.game.parameters[0].symbol
(Fraction(-10, 1), 'c')
>>> load_scenario('title = "x"\nplayrs = ["a", "b"]')  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
gametheory.errors.ScenarioError: playrs: unknown key 'playrs'; ... (at line 2)
"""

from __future__ import annotations

import html
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from .._latex import check_symbol
from .._limits import MAX_FILE_BYTES
from .._numbers import NotANumber, format_number, parse_number_text
from ..core.expressions import is_valid_name, parse_condition, parse_entry
from ..core.game import NormalFormGame
from ..core.parametric import Parameter, ParametricGame
from ..errors import GameError, ParameterError, ParseError, ScenarioError
from .files import read_limited

__all__ = ["Scenario", "load_scenario", "dump_scenario", "LIMITS"]

#: Size limits that keep a hostile file from exhausting memory or time.
LIMITS = {
    "file_bytes": MAX_FILE_BYTES,
    "string_chars": 2_000,
    "strategies_per_player": 100,
    "parameters": 200,
    "constraints": 200,
    "regimes": 100,
    "sweep_points_per_axis": 10_001,
    "sweep_points_total": 1_000_000,
    "sweep_axes": 6,
    "abs_number": 1e15,
}

_TOP_KEYS = {"title", "description", "source", "format_version", "players", "strategies",
             "parameters", "constraints", "payoffs", "sweep", "regimes"}
_PARAM_KEYS = {"default", "bounds", "description", "symbol", "unit"}
_PAYOFF_KEYS = {"row", "column"}
_SWEEP_AXIS_KEYS = {"start", "stop", "num", "values"}
_REGIME_KEYS = {"name", "condition", "description"}
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Scenario:
    """A loaded scenario: the game, its sweep grid and descriptive text.

    Attributes
    ----------
    game : ParametricGame or NormalFormGame
        A NormalFormGame when the file declares no parameters.
    sweep : dict of str to numpy.ndarray
        Grid values per swept parameter (empty when the file has no ``[sweep]``).
    title, description, source : str
    regimes : tuple of (name, description)
        Names of the regime rules (their conditions are in ``game.regime_rules``).
    """

    game: ParametricGame | NormalFormGame
    sweep: dict[str, np.ndarray] = field(default_factory=dict)
    title: str = ""
    description: str = ""
    source: str = ""
    regimes: tuple[tuple[str, str], ...] = ()

    @property
    def is_parametric(self) -> bool:
        """Whether the file declares parameters (the game is a ParametricGame)."""
        return isinstance(self.game, ParametricGame)

    def sweep_grid(self) -> dict[str, np.ndarray]:
        """A copy of the sweep grid, ready for ``gt.sweep(scenario.game, grid)``."""
        return {k: v.copy() for k, v in self.sweep.items()}

    def _sweep_text(self) -> str:
        return ", ".join(f"{k} ({len(v)} values, {format_number(float(v.min()))} to "
                         f"{format_number(float(v.max()))})" if len(v) else f"{k} (empty)"
                         for k, v in self.sweep.items())

    def __repr__(self) -> str:
        """``Scenario('Chicken', ParametricGame(...), sweep: c (11 values, 0 to 10))``."""
        parts = [repr(self.title), repr(self.game)]
        if self.sweep:
            parts.append(f"sweep: {self._sweep_text()}")
        if self.regimes:
            parts.append(f"regimes: {', '.join(name for name, _ in self.regimes)}")
        return f"Scenario({', '.join(parts)})"

    def _repr_markdown_(self) -> str:
        """Jupyter: title, description, source, the game (LaTeX when parametric), sweep.

        Text from the file is HTML-escaped (Markdown passes HTML through).
        """
        _esc = html.escape
        lines = [f"**{_esc(self.title or 'Scenario')}**"]
        if self.description:
            lines.append(_esc(self.description))
        if self.source:
            lines.append(f"*Source:* {_esc(self.source)}")
        lines.append(self.game._repr_latex_() if isinstance(self.game, ParametricGame)
                     else self.game._repr_html_())
        if self.sweep:
            lines.append(f"*Sweep:* {_esc(self._sweep_text())}")
        if self.regimes:
            lines.append("*Regimes:* " + "; ".join(
                _esc(f"{n}: {d}" if d else n) for n, d in self.regimes))
        return "\n\n".join(lines)


# --------------------------------------------------------------------------- locating keys
def _key_path(path: Sequence[str | int]) -> str:
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + (p if re.match(r"^[A-Za-z0-9_-]+$", p) else f'"{p}"')
    return out or "(top level)"


def _line_of(text: str, path: Sequence[str | int]) -> int | None:
    """1-based line where the key path is written, found by scanning the text.

    Each string component is searched as a key (``name =``, ``[a.name]``, ``name.x``,
    ``{ name = ``) from the line of the previous component on; list indices are
    skipped. A best effort: it is exact for the layouts TOML files normally use.
    """
    lines = text.splitlines()
    start, found = 0, None
    for comp in path:
        if isinstance(comp, int):
            continue
        pat = re.compile(r'(^|[\s{,.\[])("?)' + re.escape(comp) + r'\2\s*(=|\]|\.)')
        for k in range(start, len(lines)):
            stripped = lines[k].split("#", 1)[0] if '"' not in lines[k] else lines[k]
            if pat.search(stripped):
                start, found = k, k + 1
                break
        else:
            return found
    return found


class _Ctx:
    """The file text, for error locations."""

    def __init__(self, text: str) -> None:
        self.text = text

    def error(self, path: Sequence[str | int], message: str) -> ScenarioError:
        return ScenarioError(f"{_key_path(path)}: {message}", line=_line_of(self.text, path),
                             token=str(path[-1]) if path else None)


# --------------------------------------------------------------------------- value checks
def _check_keys(ctx: _Ctx, table: Any, allowed: set[str], path: list[str | int],
                required: Sequence[str] = ()) -> dict[str, Any]:
    if not isinstance(table, Mapping):
        raise ctx.error(path, f"must be a table, got {_type(table)}")
    for k in table:
        if k not in allowed:
            raise ctx.error([*path, k], f"unknown key {k!r}; accepted keys here: "
                                        f"{', '.join(sorted(allowed))}")
    for k in required:
        if k not in table:
            raise ctx.error([*path, k], f"missing required key {k!r}")
    return dict(table)


def _type(v: Any) -> str:
    return {str: "a string", int: "an integer", float: "a float", bool: "a boolean",
            list: "an array", dict: "a table"}.get(type(v), type(v).__name__)


def _string(ctx: _Ctx, v: Any, path: list[str | int], allow_empty: bool = False) -> str:
    if not isinstance(v, str):
        raise ctx.error(path, f"must be a string, got {_type(v)}")
    if len(v) > LIMITS["string_chars"]:
        raise ctx.error(path, f"string of {len(v)} characters exceeds the limit of "
                              f"{LIMITS['string_chars']}")
    if not allow_empty and not v.strip():
        raise ctx.error(path, "must not be empty")
    return v


def _number(ctx: _Ctx, v: Any, path: list[str | int], allow_inf: bool = False
            ) -> Fraction | float | None:
    """A number from TOML: int, float (kept exact as its decimal text) or "3/4"."""
    if isinstance(v, bool):
        raise ctx.error(path, "must be a number, got a boolean")
    if isinstance(v, str) and allow_inf and v.strip().lower() in ("inf", "+inf", "-inf"):
        return None
    try:
        if isinstance(v, int):
            x: Fraction | float = Fraction(v)
        elif isinstance(v, float):
            if not math.isfinite(v):
                raise NotANumber("is not finite")
            x = parse_number_text(repr(v))
        elif isinstance(v, str):
            _string(ctx, v, path)
            x = parse_number_text(v)
        else:
            raise NotANumber(f"must be a number, got {_type(v)}")
    except NotANumber as err:
        raise ctx.error(path, f"{err} (write e.g. 2, 0.75 or \"3/4\"" +
                        (', or "inf"/"-inf" for an open side)' if allow_inf else ")")) from None
    if abs(x) > LIMITS["abs_number"]:
        raise ctx.error(path, f"{float(x):g} exceeds the magnitude limit {LIMITS['abs_number']:g}")
    return x


def _list(ctx: _Ctx, v: Any, path: list[str | int], limit: int, what: str) -> list[Any]:
    if not isinstance(v, list):
        raise ctx.error(path, f"must be an array of {what}, got {_type(v)}")
    if len(v) > limit:
        raise ctx.error(path, f"has {len(v)} entries, more than the limit of {limit}")
    return v


# --------------------------------------------------------------------------- loading
def load_scenario(source: str | Path) -> Scenario:
    r"""Read a scenario from a file path or from TOML text.

    Parameters
    ----------
    source : str or pathlib.Path
        A path to a ``.toml`` file, or the TOML text itself (a string containing a
        newline or ``=`` is taken as text).

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        For TOML syntax errors, unknown keys, wrong types, missing fields, bad
        expressions or sizes beyond :data:`LIMITS`; the message names the key and line.
    OSError
        When the file cannot be read.

    Examples
    --------
    >>> s = load_scenario('players = ["A", "B"]\nstrategies = [["x"], ["y", "z"]]\n'
    ...                   '[payoffs]\nrow = [[1, 2]]\ncolumn = [[0, "1/2"]]')
    >>> s.game.B[0, 1], s.is_parametric
    (Fraction(1, 2), False)
    """
    if isinstance(source, Path) or ("\n" not in source and "=" not in source):
        path = Path(source)
        raw = read_limited(path, LIMITS["file_bytes"], "scenario file", ScenarioError)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise ScenarioError(f"{path}: not UTF-8 text ({err.reason} at byte "
                                f"{err.start})") from None
    else:
        text = source
        if len(text.encode("utf-8")) > LIMITS["file_bytes"]:
            raise ScenarioError(f"scenario text exceeds the limit of {LIMITS['file_bytes']} "
                                "bytes")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        base = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        end = "at end of document" in msg
        raise ScenarioError(f"TOML syntax error: {base}",
                            line=int(m.group(1)) if m else (text.count("\n") + 1 if end else None),
                            column=int(m.group(2)) if m else None) from None
    except RecursionError:
        raise ScenarioError("TOML nesting too deep") from None
    return _build(_Ctx(text), data)


def _build(ctx: _Ctx, data: dict[str, Any]) -> Scenario:
    _check_keys(ctx, data, _TOP_KEYS, [], required=("players", "strategies", "payoffs"))
    if "format_version" in data:
        v = data["format_version"]
        if v != FORMAT_VERSION or isinstance(v, bool):
            raise ctx.error(["format_version"], f"unsupported format version {v!r}; this "
                                                f"reader knows version {FORMAT_VERSION}")
    texts = {k: _string(ctx, data[k], [k], allow_empty=True) if k in data else ""
             for k in ("title", "description", "source")}

    players = _list(ctx, data["players"], ["players"], 2, "two player names")
    if len(players) != 2:
        raise ctx.error(["players"], f"must name exactly two players, got {len(players)}")
    players = [_string(ctx, p, ["players", k]) for k, p in enumerate(players)]
    if players[0] == players[1]:
        raise ctx.error(["players"], f"the two players have the same name {players[0]!r}")

    strategies = _list(ctx, data["strategies"], ["strategies"], 2,
                       "two arrays of strategy labels")
    if len(strategies) != 2:
        raise ctx.error(["strategies"], "must hold two arrays (row player's labels, column "
                                        f"player's labels), got {len(strategies)}")
    labels: list[list[str]] = []
    for k, labs in enumerate(strategies):
        labs = _list(ctx, labs, ["strategies", k], LIMITS["strategies_per_player"],
                     "strategy labels")
        if not labs:
            raise ctx.error(["strategies", k], f"{players[k]} needs at least one strategy")
        labs = [_string(ctx, s, ["strategies", k, j]) for j, s in enumerate(labs)]
        if len(set(labs)) != len(labs):
            dup = next(s for s in labs if labs.count(s) > 1)
            raise ctx.error(["strategies", k], f"label {dup!r} is used twice for {players[k]}")
        labels.append(labs)
    m, n = len(labels[0]), len(labels[1])

    params: list[Parameter] = []
    ptab = data.get("parameters", {})
    if not isinstance(ptab, Mapping):
        raise ctx.error(["parameters"], f"must be a table of parameters, got {_type(ptab)}")
    if len(ptab) > LIMITS["parameters"]:
        raise ctx.error(["parameters"], f"{len(ptab)} parameters exceed the limit of "
                                        f"{LIMITS['parameters']}")
    for name, spec in ptab.items():
        path: list[str | int] = ["parameters", name]
        if not is_valid_name(name):
            raise ctx.error(path, f"{name!r} is not a valid parameter name (ASCII letters, "
                                  "digits and underscores, not a function name or keyword)")
        if isinstance(spec, bool) or not isinstance(spec, Mapping | int | float | str):
            raise ctx.error(path, f"must be a table (default, bounds, description, symbol, "
                                  f"unit) or a number, got {_type(spec)}")
        if not isinstance(spec, Mapping):
            spec = {"default": spec}
        spec = _check_keys(ctx, spec, _PARAM_KEYS, path)
        kw: dict[str, Any] = {}
        if "default" in spec:
            kw["default"] = _number(ctx, spec["default"], [*path, "default"])
        if "bounds" in spec:
            b = _list(ctx, spec["bounds"], [*path, "bounds"], 2, "two numbers")
            if len(b) != 2:
                raise ctx.error([*path, "bounds"], "must be [low, high]")
            kw["bounds"] = (_number(ctx, b[0], [*path, "bounds"], allow_inf=True),
                            _number(ctx, b[1], [*path, "bounds"], allow_inf=True))
        for key in ("description", "symbol", "unit"):
            if key in spec:
                kw[key] = _string(ctx, spec[key], [*path, key], allow_empty=key != "symbol")
        if "symbol" in kw:
            _check_symbol(ctx, kw["symbol"], [*path, "symbol"])
        try:
            params.append(Parameter(name, **kw))
        except GameError as err:
            raise ctx.error(path, str(err)) from None
    names = [p.name for p in params]
    syms = {p.name: p.sympy for p in params}

    pay = _check_keys(ctx, data["payoffs"], _PAYOFF_KEYS, ["payoffs"],
                      required=("row", "column"))
    mats = []
    for who in ("row", "column"):
        path = ["payoffs", who]
        rows = _list(ctx, pay[who], path, LIMITS["strategies_per_player"], "rows")
        if len(rows) != m:
            raise ctx.error(path, f"has {len(rows)} rows; {players[0]} has {m} strategies")
        mat = []
        for i, r in enumerate(rows):
            r = _list(ctx, r, [*path, i], LIMITS["strategies_per_player"], "payoffs")
            if len(r) != n:
                raise ctx.error([*path, i], f"row {i} has {len(r)} entries; {players[1]} has "
                                            f"{n} strategies")
            mat.append([_payoff(ctx, v, [*path, i, j], syms) for j, v in enumerate(r)])
        mats.append(mat)

    constraints = []
    for k, c in enumerate(_list(ctx, data.get("constraints", []), ["constraints"],
                                LIMITS["constraints"], "condition strings")):
        constraints.append(_condition(ctx, c, ["constraints", k], names, syms))

    rules, regime_names = [], []
    for k, r in enumerate(_list(ctx, data.get("regimes", []), ["regimes"], LIMITS["regimes"],
                                "regime tables")):
        path = ["regimes", k]
        r = _check_keys(ctx, r, _REGIME_KEYS, path, required=("name", "condition"))
        name = _string(ctx, r["name"], [*path, "name"])
        cond = _condition(ctx, r["condition"], [*path, "condition"], names, syms)
        desc = _string(ctx, r.get("description", ""), [*path, "description"], allow_empty=True)
        rules.append((name, cond))
        regime_names.append((name, desc))

    sweep = _sweep(ctx, data.get("sweep", {}), names)

    try:
        if params:
            game: ParametricGame | NormalFormGame = ParametricGame(
                mats[0], mats[1], parameters=params, players=players, strategies=labels,
                title=texts["title"], constraints=constraints, regime_rules=rules)
            game.at()  # defaults must satisfy bounds and constraints
        else:
            if constraints or rules or sweep:
                raise ctx.error(["parameters"], "constraints, regimes and sweep need declared "
                                                "parameters")
            game = NormalFormGame([[_as_number(v) for v in r] for r in mats[0]],
                                  [[_as_number(v) for v in r] for r in mats[1]],
                                  players=players, strategies=labels, title=texts["title"])
    except ScenarioError:
        raise
    except GameError as err:
        raise ctx.error(["parameters"] if params else ["payoffs"], str(err)) from None
    return Scenario(game=game, sweep=sweep, title=texts["title"],
                    description=texts["description"], source=texts["source"],
                    regimes=tuple(regime_names))


def _check_symbol(ctx: _Ctx, sym: str, path: list[str | int]) -> None:
    """A LaTeX symbol must pass the allowlist grammar of :func:`~gametheory._latex.check_symbol`."""
    try:
        check_symbol(sym)
    except ParameterError as err:
        raise ctx.error(path, str(err)) from None


def _payoff(ctx: _Ctx, v: Any, path: list[str | int], syms: dict) -> Any:
    """A payoff cell: the file's limits checked here, the entry read by ``parse_entry``."""
    if isinstance(v, bool) or not isinstance(v, int | float | str):
        raise ctx.error(path, f"a payoff must be a number or an expression string, got "
                              f"{_type(v)}")
    if isinstance(v, int | float):
        v = _number(ctx, v, path)  # TOML floats kept exact as their decimal text
    else:
        _string(ctx, v, path)
    try:
        return parse_entry(v, syms, f"bad payoff expression {v!r}")
    except ParseError as err:
        raise ctx.error(path, _inner(err)) from None


def _condition(ctx: _Ctx, v: Any, path: list[str | int], names: list[str], syms: dict) -> Any:
    _string(ctx, v, path)
    try:
        return parse_condition(v, names, symbols=syms)
    except ParseError as err:
        raise ctx.error(path, f"bad condition {v!r}: {_inner(err)}") from None


def _inner(err: ParseError) -> str:
    """A parse error of one expression string, its position given within the string."""
    msg = re.sub(r"\s*\(at line \d+(, column \d+)?\)$", "", str(err))
    return f"{msg} (character {err.column} of the expression)" if err.column else msg


def _as_number(v: Any) -> Fraction:
    return Fraction(int(v.p), int(v.q)) if v.is_Rational else float(v)


def _sweep(ctx: _Ctx, table: Any, names: list[str]) -> dict[str, np.ndarray]:
    if not isinstance(table, Mapping):
        raise ctx.error(["sweep"], f"must be a table of parameter ranges, got {_type(table)}")
    if len(table) > LIMITS["sweep_axes"]:
        raise ctx.error(["sweep"], f"{len(table)} swept parameters exceed the limit of "
                                   f"{LIMITS['sweep_axes']}")
    out: dict[str, np.ndarray] = {}
    total = 1
    for name, spec in table.items():
        path: list[str | int] = ["sweep", name]
        if name not in names:
            raise ctx.error(path, f"{name!r} is not a declared parameter; declared: "
                                  f"{', '.join(names) or 'none'}")
        if isinstance(spec, list):
            spec = {"values": spec}
        spec = _check_keys(ctx, spec, _SWEEP_AXIS_KEYS, path)
        if "values" in spec:
            if set(spec) != {"values"}:
                raise ctx.error(path, "give either values = [...] or start, stop and num")
            vals = _list(ctx, spec["values"], [*path, "values"],
                         LIMITS["sweep_points_per_axis"], "numbers")
            if not vals:
                raise ctx.error([*path, "values"], "must not be empty")
            grid = np.array([float(_number(ctx, x, [*path, "values", k]))
                             for k, x in enumerate(vals)])
        else:
            for key in ("start", "stop", "num"):
                if key not in spec:
                    raise ctx.error(path, f"missing required key {key!r} (or give values)")
            lo = float(_number(ctx, spec["start"], [*path, "start"]))
            hi = float(_number(ctx, spec["stop"], [*path, "stop"]))
            num = spec["num"]
            if isinstance(num, bool) or not isinstance(num, int) or num < 1:
                raise ctx.error([*path, "num"], f"must be a positive integer, got {num!r}")
            if num > LIMITS["sweep_points_per_axis"]:
                raise ctx.error([*path, "num"], f"{num} points exceed the limit of "
                                                f"{LIMITS['sweep_points_per_axis']} per axis")
            grid = np.linspace(lo, hi, num)
        total *= len(grid)
        if total > LIMITS["sweep_points_total"]:
            raise ctx.error(path, f"the sweep grid has more than {LIMITS['sweep_points_total']} "
                                  "points")
        out[name] = grid
    return out


# --------------------------------------------------------------------------- writing
def _toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_num(x: Any) -> str:
    if isinstance(x, Fraction):
        return str(x.numerator) if x.denominator == 1 else _toml_str(f"{x.numerator}/"
                                                                      f"{x.denominator}")
    if isinstance(x, int):
        return str(x)
    return repr(float(x))


def _expr_text(expr: Any) -> str:
    """An expression as text the safe parser reads back (min/max/abs in lower case)."""
    import sympy
    from sympy.printing.str import StrPrinter

    class _Printer(StrPrinter):
        def _print_Max(self, e: Any) -> str:
            return "max(" + ", ".join(self._print(a) for a in e.args) + ")"

        def _print_Min(self, e: Any) -> str:
            return "min(" + ", ".join(self._print(a) for a in e.args) + ")"

        def _print_Abs(self, e: Any) -> str:
            return f"abs({self._print(e.args[0])})"

    if isinstance(expr, Fraction | int):
        return str(expr)
    return _Printer({"order": "none"}).doprint(sympy.sympify(expr) if not isinstance(
        expr, sympy.Basic) else expr)


def dump_scenario(scenario_or_game: Scenario | ParametricGame | NormalFormGame,
                  path: str | Path | None = None, *,
                  sweep: Mapping[str, Sequence[float]] | None = None,
                  description: str = "", source: str = "") -> str:
    r"""Write a scenario (or a game) as TOML text that :func:`load_scenario` reads back.

    Parameters
    ----------
    scenario_or_game : Scenario, ParametricGame or NormalFormGame
    path : str or Path, optional
        Also write the text to this file.
    sweep : mapping, optional
        Grid values per parameter (default: the scenario's sweep).
    description, source : str
        Text for a game without a scenario.

    Returns
    -------
    str

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> text = dump_scenario(pd)
    >>> load_scenario(text).game == pd
    True
    """
    if isinstance(scenario_or_game, Scenario):
        sc = scenario_or_game
        game, title = sc.game, sc.title
        description, source = description or sc.description, source or sc.source
        grid = dict(sc.sweep) if sweep is None else dict(sweep)
        regime_desc = dict(sc.regimes)
    elif isinstance(scenario_or_game, ParametricGame | NormalFormGame):
        game, title = scenario_or_game, scenario_or_game.title
        grid = dict(sweep or {})
        regime_desc = {}
    else:
        raise GameError("dump_scenario writes a Scenario, a ParametricGame or a NormalFormGame "
                        f"(convert trees with to_normal_form()); got "
                        f"{type(scenario_or_game).__name__}")
    lines = [f"format_version = {FORMAT_VERSION}"]
    for key, val in (("title", title), ("description", description), ("source", source)):
        if val:
            lines.append(f"{key} = {_toml_str(val)}")
    lines.append("players = [" + ", ".join(map(_toml_str, game.players)) + "]")
    lines.append("strategies = [\n" + ",\n".join(
        "  [" + ", ".join(map(_toml_str, s)) + "]" for s in game.strategies) + "\n]")
    parametric = isinstance(game, ParametricGame)
    if parametric:
        cons = list(game.constraints)
        if cons:
            lines.append("constraints = [\n" + ",\n".join(
                "  " + _toml_str(_cond_text(c)) for c in cons) + "\n]")
        for p in game.parameters:
            lines += ["", f"[parameters.{p.name}]"]
            if p.default is not None:
                lines.append(f"default = {_toml_num(p.default)}")
            if p.bounds is not None:
                lo, hi = p.bounds
                lines.append("bounds = [" + (_toml_str("-inf") if lo is None else _toml_num(lo))
                             + ", " + (_toml_str("inf") if hi is None else _toml_num(hi)) + "]")
            for key in ("description", "symbol", "unit"):
                val = getattr(p, key, "")
                if val and not (key == "symbol" and val == p.name):
                    lines.append(f"{key} = {_toml_str(val)}")
    m, n = game.shape
    lines += ["", "[payoffs]"]
    for who, mat in (("row", game.A), ("column", game.B)):
        rows = []
        for i in range(m):
            cells = []
            for j in range(n):
                v = mat[i, j]
                if parametric:
                    cells.append(_toml_str(_expr_text(v)))
                elif isinstance(v, Fraction):
                    cells.append(_toml_num(v))
                else:
                    cells.append(repr(float(v)))
            rows.append("  [" + ", ".join(cells) + "]")
        lines.append(f"{who} = [\n" + ",\n".join(rows) + "\n]")
    if grid:
        lines += ["", "[sweep]"]
        for name, vals in grid.items():
            vals = np.asarray(vals, dtype=float)
            if len(vals) > 2 and np.allclose(vals, np.linspace(vals[0], vals[-1], len(vals))):
                lines.append(f"{name} = {{ start = {float(vals[0])!r}, "
                             f"stop = {float(vals[-1])!r}, "
                             f"num = {len(vals)} }}")
            else:
                lines.append(f"{name} = {{ values = [" + ", ".join(repr(float(v))
                                                                 for v in vals) + "] }")
    for name, cond in game.regime_rules if isinstance(game, ParametricGame) else ():
        lines += ["", "[[regimes]]", f"name = {_toml_str(name)}",
                  f"condition = {_toml_str(_cond_text(cond))}"]
        if regime_desc.get(name):
            lines.append(f"description = {_toml_str(regime_desc[name])}")
    text = "\n".join(lines) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


def _cond_text(cond: Any) -> str:
    """A sympy Boolean as a condition string of the safe grammar."""
    import sympy

    if cond is sympy.true or cond is True:
        return "0 <= 1"
    if cond is sympy.false or cond is False:
        return "1 <= 0"
    if isinstance(cond, sympy.And):
        return " and ".join(f"({_cond_text(a)})" for a in cond.args)
    if isinstance(cond, sympy.Or):
        return " or ".join(f"({_cond_text(a)})" for a in cond.args)
    if isinstance(cond, sympy.Not):
        return f"not ({_cond_text(cond.args[0])})"
    if isinstance(cond, sympy.core.relational.Relational):
        op = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "==", "!=": "!="}[cond.rel_op]
        return f"{_expr_text(cond.lhs)} {op} {_expr_text(cond.rhs)}"
    raise GameError(f"cannot write condition {cond} in the scenario grammar")
