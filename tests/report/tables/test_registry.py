"""gametheory.report.tables.registry: a new table format is one TableFormat and one
register_format call; every table function then renders in it."""

from __future__ import annotations

import pytest

import gametheory as gt
from gametheory.report import tables
from gametheory.report.tables.base import ListTable, PayoffGrid, payoff_cells
from gametheory.report.tables.registry import list_formats

PD = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
                       strategies=(("C", "D"), ("C", "D")))


def _csv_payoff(grid: PayoffGrid) -> str:
    cells = payoff_cells(grid, lambda v: grid.value(v, False), lambda s: s + "!")
    return "\n".join(";".join(f"{x}/{y}" for x, y, _ in row) for row in cells)


def _csv_rows(table: ListTable) -> str:
    return "\n".join(";".join(c if isinstance(c, str) else c.text for c in r)
                     for r in [table.header, *table.rows])


@pytest.fixture
def toy_format():
    tables.register_format("csv", tables.TableFormat(payoff=_csv_payoff, rows=_csv_rows))
    yield "csv"
    tables.unregister_format("csv")


def test_a_registered_toy_format_renders_every_table(toy_format):
    assert toy_format in tables.FORMATS and toy_format in list_formats()
    out = tables.payoff_table(PD, format=toy_format)
    assert out.format == "csv"
    # (D, D) is the equilibrium: both payoffs best replies
    assert out == "3/3;0/5!\n5!/0;1!/1!"
    eq = tables.equilibrium_table(PD, format=toy_format)
    assert eq.splitlines()[1] == "1;D;D;1;1;pure"


def test_unregistering_removes_the_format(toy_format):
    tables.unregister_format(toy_format)
    assert toy_format not in tables.FORMATS
    with pytest.raises(gt.GameError, match="csv"):
        tables.payoff_table(PD, format=toy_format)


def test_builtin_formats_and_alias():
    assert list(tables.FORMATS) == ["sgame", "booktabs", "markdown", "html", "text"]
    assert list_formats() == ["booktabs", "latex", "markdown", "html", "text"]
    latex = tables.equilibrium_table(PD, format="latex")
    assert latex.format == "booktabs" and latex == tables.equilibrium_table(PD)


def test_a_payoff_only_format_refuses_list_tables():
    with pytest.raises(gt.GameError, match="payoff tables only"):
        tables.equilibrium_table(PD, format="sgame")


def test_register_format_checks_its_arguments():
    with pytest.raises(gt.GameError, match="TableFormat"):
        tables.register_format("bad", _csv_payoff)  # type: ignore[arg-type]
    with pytest.raises(gt.GameError, match="name"):
        tables.register_format("", tables.TableFormat(payoff=_csv_payoff))
    assert "bad" not in tables.FORMATS
