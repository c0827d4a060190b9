"""gametheory.report.tables.regimes: regime tables of parametric games and the readable
rewriting of their conditions (equivalent at random points)."""

from __future__ import annotations

import sympy as sp
from support import EXAMPLES

import gametheory as gt
from gametheory.report import tables


def test_regime_table_of_parametric_games():
    # named rules when the game has them (docs/model.md's posture regimes) ...
    md = tables.regime_table(gt.models.probe_response("posture"), format="markdown")
    assert "| no incentive to probe | $v \\leq c_p" in md
    assert md.count("\n") == 1 + len(gt.models.probe_response("posture").regime_rules)
    # ... else the equilibrium-structure partition: chicken with positive costs always has
    # two pure equilibria and a mixed one (Maynard Smith 1974, 1982)
    text = tables.regime_table(gt.models.chicken(), format="text")
    assert "(Hawk, Dove); (Dove, Hawk); mixed" in text


def test_readable_condition_is_equivalent():
    from gametheory.report.tables import readable_condition

    s = gt.load_scenario(str(EXAMPLES / "probe_response.toml"))
    import numpy as np

    rng = np.random.default_rng(3)
    for _, cond in s.game.regime_rules:
        new = readable_condition(cond)
        syms = sorted(cond.free_symbols, key=lambda x: x.name)
        f_old = sp.lambdify(syms, cond, "numpy")
        f_new = sp.lambdify(syms, new, "numpy")
        for _ in range(200):
            vals = rng.uniform(0, 5, len(syms)).round(1)
            assert bool(f_old(*vals)) == bool(f_new(*vals))
