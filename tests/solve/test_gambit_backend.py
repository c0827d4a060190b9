"""pygambit's n-player solvers as methods: every profile verified by the facade."""

from __future__ import annotations

import builtins
import json

import numpy as np
import pytest
from support import DATA

import gametheory as gt
from gametheory.solve import gambit_backend

NPLAYER = DATA / "gambit-nplayer"


def test_missing_pygambit_is_a_clear_error(monkeypatch):
    real = builtins.__import__

    def no_gambit(name, *args, **kwargs):
        if name == "pygambit":
            raise ImportError("no pygambit")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_gambit)
    assert not gambit_backend.gambit_available()
    g = gt.NormalFormGame([[1, 0]], [[0, 1]])
    with pytest.raises(gt.SolverError, match=r"pip install 'gametheory\[gambit\]'"):
        g.equilibria(method="gnm")


def test_unknown_gambit_method():
    with pytest.raises(gt.SolverError, match="unknown pygambit method 'lcp'"):
        gambit_backend.gambit_profiles([np.zeros((1, 1)), np.zeros((1, 1))], "lcp")


@pytest.mark.parametrize("method", ["gnm", "ipa", "simpdiv", "enumpoly"])
def test_each_method_returns_verified_equilibria_of_a_three_player_game(method):
    pytest.importorskip("pygambit")
    g = gt.read_nfg(NPLAYER / "g1.nfg")     # van der Laan et al.: one, totally mixed
    eqs = g.equilibria(method=method)
    assert len(eqs) == 1
    assert all(g.is_equilibrium(e, tol=1e-6 * g.payoff_scale()) for e in eqs)
    assert eqs[0].profile[0] == pytest.approx((0.2, 0.8), abs=1e-3)


def test_enumpoly_on_the_vendored_games_matches_the_vendored_results():
    pytest.importorskip("pygambit")
    expected = json.loads((NPLAYER / "expected.json").read_text())["games"]
    for name in ("2x2x2", "local_max_cut", "nau2004_sec4"):
        g = gt.read_nfg(NPLAYER / f"{name}.nfg")
        ours = g.equilibria(method="enumpoly")
        theirs = expected[name]["enumpoly"]
        assert len(ours) == len(theirs)          # the facade merges pygambit's repeats
        for prof in theirs:
            assert any(np.allclose(np.concatenate(e.profile), np.concatenate(prof),
                                   atol=1e-4) for e in ours)
