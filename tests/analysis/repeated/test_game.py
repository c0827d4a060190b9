"""RepeatedGame: construction and validation, discounted payoffs, play paths, meta-games."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy

import gametheory as gt

S = gt.strategies


def both(fn, g, **kw):
    return fn(g, 0, **kw), fn(g, 1, **kw)


def test_payoffs_closed_forms(axelrod):
    rg = gt.RepeatedGame(axelrod)
    d = sympy.Symbol("delta")
    alld = S.always(axelrod, 0, "D")
    # ALLD against TFT: T then P forever; TFT gets S then P
    u = rg.payoffs((alld, S.tit_for_tat(axelrod, 1)), d)
    assert sympy.simplify(u[0] - ((1 - d) * 5 + d * 1)) == 0
    assert sympy.simplify(u[1] - ((1 - d) * 0 + d * 1)) == 0
    assert rg.payoffs(both(S.grim_trigger, axelrod), F(9, 10)) == (F(3), F(3))
    # alternation (D,C),(C,D),...: (T + delta S)/(1 + delta) for the first defector
    alt0 = gt.Automaton(axelrod, 0, {"a": "D", "b": "C"}, {"a": "b", "b": "a"})
    alt1 = gt.Automaton(axelrod, 1, {"a": "C", "b": "D"}, {"a": "b", "b": "a"})
    u = rg.payoffs((alt0, alt1), "1/2")
    assert u == (F(5, 1) / F(3, 2), F(5, 2) / F(3, 2))
    assert isinstance(rg.payoffs((alt0, alt1), 0.5)[0], float)
    assert rg.payoffs((alt0, alt1), 0) == (F(5), F(0))


def test_payoffs_match_truncated_simulation(axelrod):
    rg = gt.RepeatedGame(axelrod)
    prof = (S.graduated(axelrod, 0), S.punish_then_forgive(axelrod, 1, periods=2))
    delta = 0.8
    path = rg.path(prof, 400)
    A, B = axelrod.as_float()
    lab = axelrod.strategies
    tot = [0.0, 0.0]
    for t, (r, c) in enumerate(path):
        i, j = lab[0].index(r), lab[1].index(c)
        tot[0] += (1 - delta) * delta ** t * A[i, j]
        tot[1] += (1 - delta) * delta ** t * B[i, j]
    u = rg.payoffs(prof, delta)
    assert u[0] == pytest.approx(tot[0], abs=1e-12)
    assert u[1] == pytest.approx(tot[1], abs=1e-12)


def test_meta_game(axelrod):
    rg = gt.RepeatedGame(axelrod)
    pool = [S.always(axelrod, 0, "D"), S.always(axelrod, 0, "C"), S.grim_trigger(axelrod, 0),
            S.tit_for_tat(axelrod, 0)]
    meta = rg.meta_game(pool, discount="9/10")
    assert meta.shape == (4, 4)
    assert meta.strategies[0] == ("always D", "always C", "grim trigger", "tit for tat")
    # grim vs ALLD: S then P forever for grim
    assert meta.A[2, 0] == F(1, 10) * 0 + F(9, 10) * 1
    pure = {e.pure_labels() for e in meta.pure_equilibria()}
    assert ("grim trigger", "tit for tat") in pure and ("always D", "always D") in pure
    assert meta.equilibria()  # solved by the core solvers
    merged = rg.meta_game(pool, discount="9/10", merge_duplicates=True)
    # against this pool grim trigger and tit for tat earn the same, row and column alike
    assert merged.shape == (3, 3)
    assert "grim trigger = tit for tat" in merged.strategies[0]


def test_errors(axelrod, symbolic_pd):
    rg = gt.RepeatedGame(axelrod)
    grim = both(S.grim_trigger, axelrod)
    with pytest.raises(gt.ProfileError, match="entry 0"):
        rg.payoffs(grim[::-1], "1/2")
    with pytest.raises(gt.ParameterError, match=r"\[0, 1\)"):
        rg.payoffs(grim, 1)
    with pytest.raises(gt.ProfileError):
        rg.payoffs((grim[0],), "1/2")
    with pytest.raises(gt.GameError, match="critical_discount"):
        gt.RepeatedGame(symbolic_pd).is_subgame_perfect(both(S.grim_trigger, symbolic_pd),
                                                        "1/2")
    with pytest.raises(gt.GameError, match="payoffs in that row"):
        gt.RepeatedGame(axelrod, follower_moves_after=["D"])


def test_repeated_game_markdown_shows_the_stage(axelrod, symbolic_pd):
    numeric = gt.RepeatedGame(axelrod)._repr_markdown_()
    assert "**Repeated game**" in numeric and axelrod._repr_html_() in numeric
    symbolic = gt.RepeatedGame(symbolic_pd)._repr_markdown_()
    assert symbolic_pd._repr_latex_() in symbolic
    assert "RepeatedGame(PD" in repr(gt.RepeatedGame(axelrod))
