"""gametheory._latex.escape_latex: every special character escaped, pure ASCII out, braces
balanced; unrenderable characters warn."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gametheory._latex import escape_latex


@pytest.mark.parametrize("text, expected", [
    ("a&b", r"a\&b"), ("x_1", r"x\_1"), ("50%", r"50\%"), ("#2", r"\#2"), ("$5", r"\$5"),
    ("{}", r"\{\}"), ("~", r"\textasciitilde{}"), ("^", r"\textasciicircum{}"),
    ("\\", r"\textbackslash{}"), ("é", r"\'{e}"), ("ü", r'\"{u}'), ("ç", r"\c{c}"),
    ("ß", r"\ss{}"), ("Ł", r"\L{}"), ("π", r"\ensuremath{\pi}"), ("ï", r'\"{\i{}}'),
])
def test_escape_latex(text, expected):
    out = escape_latex(text)
    assert out == expected
    assert out.isascii()


def test_escape_unrenderable_character_warns():
    with pytest.warns(UserWarning, match="U\\+4E2D"):
        assert escape_latex("中") == "?"


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_escape_latex_invariants(text):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = escape_latex(text)
    assert out.isascii()
    assert not re.search(r"(?<!\\)[&%$#_]", out)  # every special character escaped
    depth = 0
    for m in re.finditer(r"\\[{}]|[{}]", out):  # braces balanced (escaped ones aside)
        tok = m.group()
        if tok in ("{", "}"):
            depth += 1 if tok == "{" else -1
            assert depth >= 0
    assert depth == 0
    assert "\n" not in out
