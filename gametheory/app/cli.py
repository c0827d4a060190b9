"""The ``gametheory`` command: a thin layer over the library.

::

    gametheory models
    gametheory examples [--copy DIR]
    gametheory solve  FILE|MODEL [--set name=value ...] [--method METHOD]
    gametheory table  FILE|MODEL [--format FORMAT] [--out F|-]
    gametheory sweep  FILE|MODEL --param name=start:stop:num ... --out results.csv|.json|.parquet|-
    gametheory report [FILE|MODEL] --out DIR [--force]

FILE is a scenario ``.toml`` file (``docs/scenario-format.md``) or a Gambit ``.nfg`` file;
MODEL a name from ``gametheory models``, optionally with a variant
(``probe_response:posture``); each is resolved once (:mod:`gametheory.app.sources`). The
choices of METHOD, FORMAT and file suffix are read from their registries
(``gametheory.solve.METHODS``, ``gametheory.report.tables.FORMATS``, the file readers), so
a registered solver or table format is offered here without touching this module.
``--out -`` writes to standard output; a sweep's file format follows the suffix of
``--out`` (:data:`FRAME_WRITERS`). Exit status 0 on success, 2 on any failure (a one-line
message on stderr, no traceback), 130 when interrupted. Labels printed to the terminal have
their control characters escaped (:func:`terminal_safe`), so a file cannot move the cursor,
recolour the terminal or forge lines of output.

Examples
--------
>>> from gametheory.app.cli import main
>>> main(["solve", "chicken"])  # doctest: +ELLIPSIS
Chicken...
0
"""

from __future__ import annotations

import argparse
import io
import sys
import unicodedata
import warnings
from collections.abc import Sequence
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from .._numbers import CSV_FLOAT_FORMAT, NotANumber, parse_number_text
from .._version import __version__
from ..errors import GameError, ParameterError, ScenarioError
from ..io import READERS
from ..io.scenario import LIMITS
from ..report.latex import NUMBER_FORMATS
from ..report.tables import FORMATS
from ..solve import METHODS
from .sources import Source, resolve_source

#: The example scenarios shipped inside the package (``gametheory examples``).
EXAMPLES = resources.files("gametheory.app") / "examples"

#: ``--out`` suffix of ``gametheory sweep`` -> writer of the tidy frame (``-``: CSV on
#: standard output). Parquet needs pyarrow.
FRAME_WRITERS: dict[str, Any] = {
    ".csv": lambda df, f: df.to_csv(f, index=False, float_format=CSV_FLOAT_FORMAT),
    ".json": lambda df, f: df.to_json(f, orient="records", indent=1),
    ".parquet": lambda df, f: df.to_parquet(f, index=False),
}

__all__ = ["main", "build_parser", "terminal_safe", "FRAME_WRITERS", "EXAMPLES"]

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

    e = sub.add_parser("examples", help="list the example scenario files shipped with the "
                                        "package, or copy them")
    e.add_argument("--copy", metavar="DIR",
                   help="copy the example files into DIR (created if missing; existing "
                        "files are never overwritten)")

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
    t.add_argument("--digits", type=int, default=3,
                   help="significant digits of decimal numbers (default 3)")
    t.add_argument("--numeric", action="store_true",
                   help="payoffs at the parameter values instead of the formulas")
    t.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                   help="parameter value (exact: 3, 0.25, 3/4); repeatable; implies "
                        "--numeric")
    t.add_argument("--caption", help="table caption (LaTeX and HTML formats)")
    t.add_argument("--label", help=r"LaTeX \label of the table, e.g. tab:payoffs")
    t.add_argument("--out", metavar="FILE", help="write to FILE ('-' or none: stdout)")

    w = sub.add_parser("sweep", help="equilibria over a parameter grid, as a tidy table")
    w.add_argument("source", metavar="FILE|MODEL", help=src_help)
    w.add_argument("--param", dest="params", action="append", default=[],
                   metavar="NAME=START:STOP:NUM",
                   help="a grid axis; repeatable (default: the scenario's [sweep])")
    w.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                   help="fixed value of another parameter; repeatable")
    w.add_argument("--out", metavar="FILE", required=True,
                   help="file to write; its suffix chooses the format ("
                        + ", ".join(FRAME_WRITERS) + "; .parquet needs pyarrow); '-' "
                        "writes CSV to stdout")
    w.add_argument("--no-progress", action="store_true", help="no progress bar")

    r = sub.add_parser("report", help="the full analysis: tables, figures, summary")
    r.add_argument("source", metavar="FILE|MODEL", nargs="?", default=None,
                   help=src_help + "; default: the probe-versus-response model")
    r.add_argument("--out", metavar="DIR", default="gametheory-report",
                   help="directory for the files (default ./gametheory-report); an existing "
                        "non-empty directory is refused unless an earlier report wrote it "
                        "or --force is given")
    r.add_argument("--force", action="store_true",
                   help="write into a non-empty directory, replacing files of the same "
                        "names (other files are left alone)")
    r.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                   help="parameter value analysed (exact: 3, 0.25, 3/4); repeatable")
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

    print(terminal_safe(str(catalog())))
    return EXIT_OK


def _example_files() -> list[Any]:
    return sorted((f for f in EXAMPLES.iterdir() if f.name.endswith(".toml")),
                  key=lambda f: f.name)


def _cmd_examples(args: argparse.Namespace) -> int:
    files = _example_files()
    if args.copy is None:
        for f in files:
            import tomllib

            title = str(tomllib.loads(f.read_text(encoding="utf-8")).get("title", ""))
            print(f"{f.name}: {title}" if title else f.name)
        print("\ncopy them with: gametheory examples --copy DIR", file=sys.stderr)
        return EXIT_OK
    dest = Path(args.copy)
    clash = [f.name for f in files if (dest / f.name).exists() or (dest / f.name).is_symlink()]
    if clash:
        raise ScenarioError(f"--copy {dest}: {', '.join(clash)} already exist(s) there; "
                            "nothing copied (remove them or choose another directory)")
    dest.mkdir(parents=True, exist_ok=True)
    for f in files:
        with open(dest / f.name, "x", encoding="utf-8") as fh:  # never replaces a file
            fh.write(f.read_text(encoding="utf-8"))
        print(f"copied {dest / f.name}", file=sys.stderr)
    return EXIT_OK


def _cmd_solve(args: argparse.Namespace) -> int:
    from ..report import tables

    src = _source(args)
    # everything is computed before anything is printed: a failing solver prints nothing
    parts = [tables.payoff_table(src.numeric, format="text"), ""]
    if src.tree is not None and args.method == "exact":
        parts.append(tables.equilibrium_table(src.tree, format="text", at=src.values))
    else:
        parts.append(tables.equilibrium_table(src.numeric, format="text", method=args.method))
    if src.parametric and src.game.regime_rules:
        parts.append(f"\nregime: {src.game.classify(**src.values)}")
    print(_escaped(src, "\n".join(parts)))
    return EXIT_OK


def _cmd_table(args: argparse.Namespace) -> int:
    from ..report import tables

    src = _source(args)
    game = src.numeric if src.values or args.numeric else src.game
    text = tables.payoff_table(game, format=args.format, number_format=args.numbers,
                               digits=args.digits, caption=args.caption, label=args.label)
    if args.out and args.out != "-":
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        print(_escaped(src, text))
    return EXIT_OK


def _frame_writer(out: str) -> Any:
    """The writer for ``--out``, checked before any work is done."""
    if out == "-":
        return FRAME_WRITERS[".csv"]
    suffix = Path(out).suffix.lower()
    if suffix not in FRAME_WRITERS:
        raise ParameterError(f"--out {out}: unknown file format {suffix or '(no suffix)'!r}; "
                             f"accepted: {', '.join(FRAME_WRITERS)}, or '-' for CSV on stdout")
    if suffix == ".parquet":
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None:
            raise ParameterError(f"--out {out}: writing Parquet needs pyarrow (pip install "
                                 "pyarrow); use .csv or .json instead")
    return FRAME_WRITERS[suffix]


def _cmd_sweep(args: argparse.Namespace) -> int:
    from ..analysis.sensitivity.sweep import sweep

    writer = _frame_writer(args.out)
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
    if res.frame.empty:
        ranges = ", ".join(f"{k} from {v.min():g} to {v.max():g}" for k, v in grid.items())
        raise ParameterError(f"every one of the {points} points is infeasible ({ranges}): "
                             "each breaks a parameter's bounds or a constraint of the game; "
                             "nothing written")
    if args.out == "-":
        buf = io.StringIO()
        writer(res.frame, buf)
        sys.stdout.write(terminal_safe(buf.getvalue(), keep="\n"))
    else:
        writer(res.frame, Path(args.out))
    print(f"wrote {args.out if args.out != '-' else 'stdout'}: {len(res.frame)} equilibria "
          f"at {points} points; regimes: "
          + terminal_safe(", ".join(sorted(map(str, res.frame["regime"].unique())))),
          file=sys.stderr)
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from .report_job import build_report

    if args.resolution < 3 or args.resolution > 2001:
        raise ParameterError(f"--resolution must be between 3 and 2001, got {args.resolution}")
    if args.out == "-":
        raise ParameterError("--out -: a report is a directory of files; give a directory")
    rep = build_report(_source(args), args.out, resolution=args.resolution,
                       compile_pdf=not args.no_pdf, force=args.force)
    print(terminal_safe(rep.summary, keep="\n"))
    return EXIT_OK


_COMMANDS = {"models": _cmd_models, "examples": _cmd_examples, "solve": _cmd_solve,
             "table": _cmd_table, "sweep": _cmd_sweep, "report": _cmd_report}


def terminal_safe(text: str, keep: str = "") -> str:
    r"""``text`` with control characters escaped, for printing to a terminal.

    Every character of Unicode category C (controls such as ESC and newline, format
    characters such as the bidirectional overrides, unassigned and private-use code
    points) except those in ``keep`` is replaced by its Python escape (``\x1b``, ``\n``,
    ``\u202e``), so printed labels cannot drive the terminal or forge lines.

    Examples
    --------
    >>> print(terminal_safe("a\x1b[31mred\nline"))
    a\x1b[31mred\nline
    >>> print(terminal_safe("two\nlines", keep="\n"))
    two
    lines
    """
    return "".join(c if c in keep or unicodedata.category(c)[0] != "C"
                   else repr(c)[1:-1] for c in text)


def _escaped(src: Source, text: str) -> str:
    """Rendered output with each label's control characters escaped, layout kept."""
    game = src.game
    labels = {game.title or "", *game.players, *(s for ss in game.strategies for s in ss)}
    for lab in sorted((x for x in labels if x and terminal_safe(x) != x), key=len,
                      reverse=True):
        text = text.replace(lab, terminal_safe(lab))
    return terminal_safe(text, keep="\n\t")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 any failure, 130 interrupted).

    Every failure is reported as one line on stderr (``gametheory: error: ...``), never a
    traceback: bad input (the GameError family, OSError) by its message, anything else as
    an internal error naming its type. Warnings are printed as one line each.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name (default ``sys.argv[1:]``).
    """
    parser = build_parser()
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
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
    except Exception as err:  # noqa: BLE001 - the contract: one line, exit 2, no traceback
        print(f"gametheory: error: internal error ({type(err).__name__}): "
              f"{_one_line(str(err))[:300]}", file=sys.stderr)
        return EXIT_USAGE


def _show_warning(message: Warning | str, category: type[Warning], filename: str,
                  lineno: int, file: Any = None, line: str | None = None) -> None:
    print(f"gametheory: warning: {_one_line(str(message))}", file=sys.stderr)


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
    return terminal_safe(" ".join(text.split()))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
