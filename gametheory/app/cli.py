"""The ``gametheory`` command: a thin layer over the library.

::

    gametheory models
    gametheory solve  FILE|MODEL [--set name=value ...] [--method METHOD]
    gametheory table  FILE|MODEL [--format FORMAT] [--out F]
    gametheory sweep  FILE|MODEL --param name=start:stop:num ... --out results.csv
    gametheory report [FILE|MODEL] --out DIR

FILE is a scenario ``.toml`` file (``docs/scenario-format.md``) or a Gambit ``.nfg`` file;
MODEL a name from ``gametheory models``, optionally with a variant
(``probe_response:posture``); each is resolved once (:mod:`gametheory.app.sources`). The
choices of METHOD, FORMAT and file suffix are read from their registries
(``gametheory.solve.METHODS``, ``gametheory.report.tables.FORMATS``, the file readers), so
a registered solver or table format is offered here without touching this module. Exit
status 0 on success, 2 on bad input (a one-line message on stderr, no traceback), 130 when
interrupted.

Examples
--------
>>> from gametheory.app.cli import main
>>> main(["solve", "chicken"])  # doctest: +ELLIPSIS
Chicken...
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import NoReturn

import numpy as np

from .._numbers import CSV_FLOAT_FORMAT, NotANumber, parse_number_text
from .._version import __version__
from ..errors import GameError, ParameterError
from ..io.scenario import LIMITS
from ..report.latex import NUMBER_FORMATS
from ..report.tables import FORMATS
from ..solve import METHODS
from .sources import READERS, Source, resolve_source

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_USAGE, EXIT_INTERRUPTED = 0, 2, 130


class _UsageError(Exception):
    """Bad command-line arguments (argparse's errors, re-raised as one-line messages)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``gametheory`` command."""
    p = _Parser(prog="gametheory",
                description="Game-theoretic analysis of deterrence dilemmas: equilibria, "
                            "tables, sweeps and reports.")
    p.add_argument("--version", action="version", version=f"gametheory {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    src_help = (f"a file ({', '.join(sorted(READERS))}) or a model name from 'gametheory "
                "models' (name:variant for a variant)")

    sub.add_parser("models", help="list the model catalog")

    s = sub.add_parser("solve", help="print the payoff table and the equilibria")
    s.add_argument("source", metavar="FILE|MODEL", help=src_help)
    s.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                   help="parameter value (exact: 3, 0.25, 3/4); repeatable")
    s.add_argument("--method", default="exact", choices=sorted(METHODS),
                   help="solver (default exact)")

    t = sub.add_parser("table", help="write the payoff table")
    t.add_argument("source", metavar="FILE|MODEL", help=src_help)
    t.add_argument("--format", default="sgame", choices=sorted(FORMATS),
                   help="table format (default sgame)")
    t.add_argument("--numbers", choices=list(NUMBER_FORMATS), default="exact",
                   help="number format (default exact fractions)")
    t.add_argument("--digits", type=int, default=3)
    t.add_argument("--numeric", action="store_true",
                   help="payoffs at the parameter values instead of the formulas")
    t.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE")
    t.add_argument("--caption")
    t.add_argument("--label")
    t.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")

    w = sub.add_parser("sweep", help="equilibria over a parameter grid, as CSV")
    w.add_argument("source", metavar="FILE|MODEL", help=src_help)
    w.add_argument("--param", dest="params", action="append", default=[],
                   metavar="NAME=START:STOP:NUM",
                   help="a grid axis; repeatable (default: the scenario's [sweep])")
    w.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                   help="fixed value of another parameter; repeatable")
    w.add_argument("--out", metavar="FILE", required=True, help="CSV file to write")
    w.add_argument("--no-progress", action="store_true", help="no progress bar")

    r = sub.add_parser("report", help="the full analysis: tables, figures, summary")
    r.add_argument("source", metavar="FILE|MODEL", nargs="?", default=None,
                   help=src_help + "; default: the probe-versus-response model")
    r.add_argument("--out", metavar="DIR", default="gametheory-report",
                   help="directory for the files (default ./gametheory-report)")
    r.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE")
    r.add_argument("--resolution", type=int, default=161,
                   help="regime-map grid points per axis (default 161)")
    r.add_argument("--no-pdf", action="store_true", help="do not compile report.tex")
    return p


# --------------------------------------------------------------------------- helpers
def _values(items: Sequence[str]) -> dict[str, Fraction]:
    out: dict[str, Fraction] = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise ParameterError(f"--set expects NAME=VALUE, got {item!r}")
        try:
            out[name.strip()] = _bounded(parse_number_text(text))
        except NotANumber as err:
            raise ParameterError(f"--set {name.strip()}: {err}") from None
    return out


def _bounded(x: Fraction) -> Fraction:
    """Refuse magnitudes beyond the scenario limit (1e15): they overflow float payoffs."""
    if abs(x) > LIMITS["abs_number"]:
        raise NotANumber(f"the value exceeds the magnitude limit {LIMITS['abs_number']:g}")
    return x


def _axis(item: str) -> tuple[str, np.ndarray]:
    name, sep, spec = item.partition("=")
    parts = spec.split(":")
    if not sep or not name.strip() or len(parts) != 3:
        raise ParameterError(f"--param expects NAME=START:STOP:NUM, got {item!r}")
    try:
        start, stop = (float(_bounded(parse_number_text(x))) for x in parts[:2])
        num = int(parts[2])
    except (NotANumber, ValueError):
        raise ParameterError(f"--param {name.strip()}: START and STOP must be numbers (at "
                             f"most 1e15 in magnitude) and NUM an integer, got {spec!r}"
                             ) from None
    if not 1 <= num <= 100_001:
        raise ParameterError(f"--param {name.strip()}: NUM must be between 1 and 100001, "
                             f"got {num}")
    return name.strip(), np.linspace(start, stop, num)


def _source(args: argparse.Namespace) -> Source:
    """The command's source, resolved once, at the ``--set`` values."""
    src = resolve_source(args.source)
    values = _values(args.values)
    if values and not src.parametric:
        raise ParameterError("--set needs a parametric model; this game has no parameters")
    return src.with_values(values) if values else src


# --------------------------------------------------------------------------- commands
def _cmd_models(args: argparse.Namespace) -> int:
    from ..models import catalog

    print(catalog())
    return EXIT_OK


def _cmd_solve(args: argparse.Namespace) -> int:
    from ..report import tables

    src = _source(args)
    print(tables.payoff_table(src.numeric, format="text"))
    print()
    if src.tree is not None and args.method == "exact":
        print(tables.equilibrium_table(src.tree, format="text", at=src.values))
    else:
        print(tables.equilibrium_table(src.numeric, format="text", method=args.method))
    if src.parametric and src.game.regime_rules:
        print(f"\nregime: {src.game.classify(**src.values)}")
    return EXIT_OK


def _cmd_table(args: argparse.Namespace) -> int:
    from ..report import tables

    src = _source(args)
    game = src.numeric if src.values or args.numeric else src.game
    text = tables.payoff_table(game, format=args.format, number_format=args.numbers,
                               digits=args.digits, caption=args.caption, label=args.label)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        print(text)
    return EXIT_OK


def _cmd_sweep(args: argparse.Namespace) -> int:
    from ..analysis.sensitivity.sweep import sweep

    src = _source(args)
    if not src.parametric:
        raise ParameterError(f"{args.source} has no parameters to sweep")
    grid = dict(_axis(p) for p in args.params) or src.sweep_grid()
    if not grid:
        raise ParameterError("give at least one --param NAME=START:STOP:NUM (or a scenario "
                             "file with a [sweep] table)")
    points = 1
    for v in grid.values():
        points *= len(v)
    # chunks of at least 500 points, about 50 of them: a progress bar that moves
    res = sweep(src.game, grid, fixed=dict(src.values) or None,
                progress=not args.no_progress, chunk_size=max(500, -(-points // 50)))
    out = Path(args.out)
    res.frame.to_csv(out, index=False, float_format=CSV_FLOAT_FORMAT)
    print(f"wrote {out}: {len(res.frame)} equilibria at {points} points; regimes: "
          + ", ".join(sorted(map(str, res.frame["regime"].unique()))), file=sys.stderr)
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from .report_job import build_report

    if args.resolution < 3 or args.resolution > 2001:
        raise ParameterError(f"--resolution must be between 3 and 2001, got {args.resolution}")
    rep = build_report(_source(args), args.out, resolution=args.resolution,
                       compile_pdf=not args.no_pdf)
    print(rep.summary)
    return EXIT_OK


_COMMANDS = {"models": _cmd_models, "solve": _cmd_solve, "table": _cmd_table,
             "sweep": _cmd_sweep, "report": _cmd_report}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input, 130 interrupted).

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default ``sys.argv[1:]``).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return _COMMANDS[args.command](args)
    except _UsageError as err:
        print(_one_line(str(err)), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into head & co: stop quietly
        _silence_stdout()
        return EXIT_OK
    except (GameError, OSError) as err:
        print(f"gametheory: error: {_one_line(_describe(err))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("gametheory: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def _describe(err: BaseException) -> str:
    if isinstance(err, OSError) and not isinstance(err, GameError):
        what = err.strerror or str(err)
        return f"{err.filename}: {what}" if err.filename else what
    return str(err)


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
