"""The resource limits are documented in one place: each has a docstring comment and a
row in docs/security.md."""

import re

from support import DOCS

from gametheory import _limits


def test_every_limit_is_documented_in_the_security_page():
    page = (DOCS / "security.md").read_text(encoding="utf-8")
    for name in _limits.__all__:
        row = re.search(rf"^\| `{name}` \| ([^|]+) \|", page, re.M)
        assert row, f"{name} has no row in docs/security.md"
        shown = int(re.sub(r"[^0-9]", "", row.group(1).split()[0]))
        assert shown == getattr(_limits, name), f"docs/security.md shows {name} = {shown}"


def test_every_limit_is_a_positive_integer():
    for name in _limits.__all__:
        value = getattr(_limits, name)
        assert isinstance(value, int) and value > 0, name
