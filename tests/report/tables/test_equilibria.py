"""gametheory.report.tables.equilibria: every equilibrium listed, mixed strategies written
over their supports (battle of the sexes, Osborne 2004, ex. 4.2)."""

from __future__ import annotations

import pytest

import gametheory as gt
from gametheory.report import tables


def test_equilibrium_table_lists_every_equilibrium():
    # battle of the sexes: (A, A), (B, B) and the mix (2/3, 1/3), (1/3, 2/3);
    # payoffs of the mix are 2/3 each (Osborne 2004, ex. 4.2 / 4.13)
    bos = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]],
                            strategies=(("A", "B"), ("A", "B")))
    text = tables.equilibrium_table(bos, format="text")
    assert "2/3 A + 1/3 B" in text and "1/3 A + 2/3 B" in text
    assert text.count("pure") == 2 and "mixed 2x2" in text
    md = tables.equilibrium_table(bos, format="markdown", subgame_perfect=[True, False, None])
    assert "Subgame perfect" in md and "| yes |" in md and "| unknown |" in md
    with pytest.raises(gt.GameError, match="flags"):
        tables.equilibrium_table(bos, subgame_perfect=[True])
    eqs = bos.equilibria()
    assert tables.equilibrium_table(eqs, format="text") == text
