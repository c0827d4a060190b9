"""gametheory.report.tables.base: Markdown escaping keeps one cell; a Table is a str that
knows its format, renders in Jupyter, saves and pickles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.report import tables

PD = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]], players=("Row", "Col"),
                       strategies=(("C", "D"), ("C", "D")), title="Prisoner's dilemma")


@given(st.text(max_size=30))
@settings(max_examples=200, deadline=None)
def test_escape_markdown_keeps_one_table_cell(text):
    out = tables.escape_markdown(text)
    assert "\n" not in out
    assert not re.search(r"(?<!\\)\|", out)  # no raw pipe ends the cell


def test_tables_are_strings_that_render_in_jupyter(tmp_path):
    import pickle

    h = tables.payoff_table(PD, format="html")
    assert isinstance(h, str) and h.format == "html" and h._repr_html_() == str(h)
    m = tables.equilibrium_table(PD, format="markdown")
    assert m._repr_markdown_() == str(m) and m._repr_html_() is None
    path = m.save(tmp_path / "eq.md")
    assert path.read_text() == str(m) + "\n"
    back = pickle.loads(pickle.dumps(h))
    assert back == h and back.format == "html"


def test_text_and_latex_tables_display_as_preformatted_text_not_python_strings():
    pretty = pytest.importorskip("IPython.lib.pretty").pretty
    for fmt in ("text", "booktabs"):
        t = tables.payoff_table(PD, format=fmt)
        assert t._repr_html_().startswith("<pre>") and t._repr_html_().count("\n") == \
            str(t).count("\n")
        assert pretty(t) == str(t) and t == str(t)
    assert tables.payoff_table(PD, format="text")._repr_markdown_() is None
