"""gametheory.core.formula: symbolic results that display in the parameters' LaTeX
symbols and behave as their sympy expressions everywhere else."""

from __future__ import annotations

import pickle
import re
from fractions import Fraction

import pytest
import sympy

import gametheory as gt
from gametheory.core.formula import Conditions, Formula, symbols_of

V, C = sympy.symbols("probe_value probe_cost", real=True)
SYMS = {"probe_value": "v", "probe_cost": "c_p"}

#: sympy's own rendering of a long parameter name: the subscript convention the
#: Formula display must avoid (``probe_{value}``).
SUBSCRIPTED = re.compile(r"[A-Za-z]+_\{[A-Za-z]+\}")


def test_display_uses_the_symbols_not_sympy_subscripts():
    f = Formula(V - C, SYMS, lhs="A_U")
    assert SUBSCRIPTED.search(sympy.latex(V - C))  # what a bare expression shows
    assert f._repr_latex_() == "$A_U = v - c_p$"
    assert Formula(V - C)._repr_latex_() == r"$\mathit{probe\_value} - \mathit{probe\_cost}$"
    assert f.latex() == "v - c_p"


def test_behaves_as_its_sympy_expression():
    f = Formula((V - C) / V, SYMS)
    assert f == (V - C) / V and hash(f) == hash((V - C) / V)
    assert f != V and Formula(V, {}) == Formula(V, SYMS)  # symbols do not count
    assert sympy.simplify(f - (1 - C / V)) == 0            # Formula on the left
    assert sympy.simplify((1 - C / V) - f) == 0            # sympy on the left
    assert sympy.simplify(f) == sympy.simplify((V - C) / V)
    assert f.subs({V: 2, C: 1}) == sympy.Rational(1, 2) and f.free_symbols == {V, C}
    assert float(Formula(sympy.Rational(1, 4))) == 0.25
    assert not Formula(sympy.Integer(0)) and Formula(V)
    with pytest.raises(TypeError):  # as sympy: a relation has no truth value yet
        bool(Formula(V > C))
    assert isinstance(f * 2, sympy.Expr) and isinstance(-f, sympy.Expr)
    assert (f > 0).lhs == f.expr
    assert repr(f) == repr(f.expr) and str(f) == str(f.expr)
    assert sympy.And(Formula(V > C, SYMS), C > 0) == sympy.And(V > C, C > 0)
    back = pickle.loads(pickle.dumps(Formula(V - C, SYMS, lhs="x")))
    assert back == V - C and back.symbols == SYMS and back.lhs == "x"
    with pytest.raises(AttributeError):
        f.expr = V
    with pytest.raises(AttributeError):
        f.no_such_attribute  # noqa: B018


def test_conditions_list_keeps_sympy_elements():
    cs = Conditions([V > C, C >= 0], SYMS)
    assert cs == [V > C, C >= 0] and cs[0].lhs == V
    assert cs._repr_latex_() == r"$v > c_p,\ c_p \geq 0$"
    assert Conditions()._repr_latex_() == r"$\text{no conditions}$"


def test_symbols_of_is_the_one_map():
    ps = [gt.Parameter("interception_prob", symbol=r"\pi"), gt.Parameter("probe_damage")]
    assert symbols_of(ps) == {"interception_prob": r"\pi",
                              "probe_damage": r"\mathit{probe\_damage}"}


def test_exported_at_the_top():
    assert gt.Formula is Formula and gt.Conditions is Conditions


# --------------------------------------------------- the symbolic results of issue 11
def _no_subscripted_names(latex: str, names: list[str]) -> None:
    for n in names:
        head, _, tail = n.partition("_")
        assert f"{head}_{{{tail}}}" not in latex, latex
        assert n not in latex, latex


def test_critical_discount_and_credibility_threshold_render_with_symbols():
    m = gt.models.probe_response("repeated")
    names = [p.name for p in m.stage.parameters]
    thr = m.credibility_threshold()
    assert isinstance(thr, Formula)
    out = thr._repr_latex_()
    assert out.startswith(r"$\delta^* = ") and r"\pi" in out and "r_U" in out
    _no_subscripted_names(out, names)
    conds = m.analysis().conditions
    assert isinstance(conds, Conditions) and len(conds) >= 3
    _no_subscripted_names(conds._repr_latex_(), names)
    # the same formula as the hand derivation, and the exact value at the defaults
    pay = gt.models.probe_response_payoffs()
    assert sympy.simplify(thr - (pay["D_U"] - pay["D_I"]) / (-pay["D_I"])) == 0
    at = {m.stage.symbols[p.name]: sympy.Rational(str(p.default)) for p in m.stage.parameters}
    assert Fraction(str(thr.subs(at))) == m.critical_discount_at() == Fraction(1, 6)


def test_repeated_game_critical_discount_is_a_formula_only_when_symbolic():
    ps = [gt.Parameter("temptation", default=5, symbol="T"),
          gt.Parameter("reward", default=3, symbol="R"),
          gt.Parameter("punishment", default=1, symbol="P"),
          gt.Parameter("sucker", default=0, symbol="S")]
    pd = gt.ParametricGame([["reward", "sucker"], ["temptation", "punishment"]],
                           [["reward", "temptation"], ["sucker", "punishment"]], ps,
                           strategies=(("C", "D"), ("C", "D")))
    grim = (gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1))
    crit = gt.RepeatedGame(pd).critical_discount(grim)
    T, R, P = (pd.symbols[k] for k in ("temptation", "reward", "punishment"))
    assert isinstance(crit, Formula) and sympy.simplify(crit - (T - R) / (T - P)) == 0
    assert crit._repr_latex_() == r"$\delta^* = \frac{R - T}{P - T}$"  # = (T-R)/(T-P)
    num = gt.RepeatedGame(pd.at())
    assert num.critical_discount((gt.strategies.grim_trigger(num.stage, 0),
                                  gt.strategies.grim_trigger(num.stage, 1))) == Fraction(1, 2)


def test_formulas_go_through_the_report_helpers():
    from gametheory.report import tables
    from gametheory.report.latex import latex_expr, plain_expr

    f = Formula(V - C, SYMS)
    assert latex_expr(f, SYMS) == "v - c_p" and plain_expr(f, SYMS) == "v - c_p"
    t = tables.threshold_table([{"parameter": "x", "value": 1, "expression": f}],
                               format="markdown", symbols=SYMS)
    assert "$v - c_p$" in t
