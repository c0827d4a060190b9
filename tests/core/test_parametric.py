"""Tests of Parameter and ParametricGame: construction, exact evaluation, vectorisation."""

from __future__ import annotations

import pickle
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.errors import LabelError, ParameterError, ParseError, PayoffError


def probe_game() -> gt.ParametricGame:
    """The docs/model.md probe-response payoffs after a probe, with the no-probe row at 0."""
    params = [
        gt.Parameter("v", default=4, bounds=(0, None), description="probe value"),
        gt.Parameter("c_p", default=1, bounds=(0, None)),
        gt.Parameter("pi", default="1/2", bounds=(0, 1), symbol=r"\pi"),
        gt.Parameter("e_I", default="1/10", bounds=(0, 1)),
        gt.Parameter("W_A", default=10, bounds=(0, None)),
        gt.Parameter("W_D", default=10, bounds=(0, None)),
        gt.Parameter("h", default=2, bounds=(0, None)),
        gt.Parameter("r_U", default=3, bounds=(0, None)),
        gt.Parameter("r_I", default=1, bounds=(0, None)),
        gt.Parameter("c_I", default="1/2", bounds=(0, None)),
    ]
    A = [[0, 0], ["v - c_p", "(1 - pi)*v - c_p - e_I*W_A"]]
    B = [[0, 0], ["-h - r_U", "-(1 - pi)*h - c_I - e_I*W_D - r_I"]]
    return gt.ParametricGame(A, B, params, players=("Aggressor", "Defender"),
                             strategies=(("Refrain", "Probe"), ("Under-react", "Intercept")),
                             title="Probe", constraints=["r_I <= r_U"])


def test_construction_and_properties():
    p = probe_game()
    assert p.shape == (2, 2)
    assert p.parameter_names[:3] == ("v", "c_p", "pi")
    assert isinstance(p.A, sympy.ImmutableMatrix)
    v, c_p, pi, e_I, W_A = (sympy.Symbol(n, real=True) for n in ("v", "c_p", "pi", "e_I", "W_A"))
    assert p.A[1, 1] == (1 - pi) * v - c_p - e_I * W_A
    assert p.symbols["pi"] == pi
    assert p.parameter("pi").latex == r"\pi"
    assert p.defaults()["pi"] == Fraction(1, 2)
    assert p.players == ("Aggressor", "Defender")
    assert p.strategies[1] == ("Under-react", "Intercept")


def test_sympy_entries_rebound_to_real_symbols():
    x = sympy.Symbol("x")  # no assumptions
    p = gt.ParametricGame([[x, 1]], [[0, x ** 2]], ["x"])
    assert p.A[0, 0] == sympy.Symbol("x", real=True)
    with pytest.raises(ParameterError, match="'y' is not a declared"):
        gt.ParametricGame([[sympy.Symbol("y")]], [[0]], ["x"])


def test_bad_construction():
    with pytest.raises(ParseError, match=r"cell \(0, 0\).*'z'"):
        gt.ParametricGame([["z"]], [[0]], ["x"])
    with pytest.raises(ParseError):
        gt.ParametricGame([["x.__class__"]], [[0]], ["x"])
    with pytest.raises(PayoffError, match="ragged"):
        gt.ParametricGame([["x", 1], [2]], [[0, 0], [0, 0]], ["x"])
    with pytest.raises(PayoffError, match="different shapes"):
        gt.ParametricGame([["x", 1]], [[0]], ["x"])
    with pytest.raises(ParameterError, match="declared twice"):
        gt.ParametricGame([["x"]], [[0]], ["x", "x"])
    with pytest.raises(ParameterError, match="reserved"):
        gt.Parameter("min")
    with pytest.raises(ParameterError, match="not a valid name"):
        gt.Parameter("__class__")
    with pytest.raises(ParameterError, match="outside its bounds"):
        gt.Parameter("x", default=2, bounds=(0, 1))
    with pytest.raises(ParameterError, match="empty bounds"):
        gt.Parameter("x", bounds=(1, 0))
    with pytest.raises(LabelError):
        gt.ParametricGame([["x"]], [[0]], ["x"], strategies=(("a", "b"), ("c",)))
    with pytest.raises(PayoffError):
        gt.ParametricGame([[True]], [[0]], ["x"])


def test_at_is_exact_for_rational_values():
    p = probe_game()
    g = p.at()
    assert g.is_exact
    # A_I = (1 - 1/2)*4 - 1 - (1/10)*10 = 0 ; D_I = -(1/2)*2 - 1/2 - 1 - 1 = -7/2
    assert g.A[1, 1] == Fraction(0)
    assert g.B[1, 1] == Fraction(-7, 2)
    g2 = p.at(pi="0.3", v=Fraction(5, 2))
    assert g2.A[1, 1] == Fraction(7, 10) * Fraction(5, 2) - 1 - 1
    assert g2.players == p.players and g2.strategies == p.strategies and g2.title == "Probe"


def test_at_with_floats_is_float():
    g = probe_game().at(pi=0.25)
    assert not g.is_exact
    assert g.A[1, 1] == pytest.approx(0.75 * 4 - 1 - 1)


def test_at_errors_name_the_parameter():
    p = probe_game()
    with pytest.raises(ParameterError, match="unknown parameter 'nope'"):
        p.at(nope=1)
    with pytest.raises(ParameterError, match="'pi' = 2 is outside"):
        p.at(pi=2)
    with pytest.raises(ParameterError, match="r_I <= r_U"):
        p.at(r_I=5, r_U=1)
    with pytest.raises(ParameterError, match="'pi'"):
        p.at(pi="abc")
    q = gt.ParametricGame([["x"]], [[0]], ["x"])
    with pytest.raises(ParameterError, match="'x' has no value"):
        q.at()
    r = gt.ParametricGame([["1/x"]], [[0]], ["x"])
    with pytest.raises(ParameterError, match="not a finite"):
        r.at(x=0)


def test_lambdify_agrees_with_at_on_random_points():
    p = probe_game()
    f = p.lambdify()
    rng = np.random.default_rng(1)
    pts = {"v": rng.uniform(0, 5, 20), "pi": rng.uniform(0, 1, 20), "h": rng.uniform(0, 3, 20),
           "e_I": rng.uniform(0, 0.3, 20)}
    A, B = f(**pts)
    assert A.shape == (20, 2, 2) and B.shape == (20, 2, 2)
    for k in range(20):
        g = p.at(**{name: float(arr[k]) for name, arr in pts.items()})
        a, b = g.as_float()
        np.testing.assert_allclose(A[k], a, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(B[k], b, rtol=1e-12, atol=1e-12)


def test_lambdify_broadcasts_and_handles_constants_and_minmax():
    p = gt.ParametricGame([["min(a, 0)", 3], ["max(a, b, 1)", "a*b"]], [[0, "b"], [1, 2]],
                          ["a", "b"])
    A, B = p.lambdify()(a=np.linspace(-1, 2, 4)[:, None], b=np.array([0.5, 3.0]))
    assert A.shape == (4, 2, 2, 2)
    assert np.all(A[..., 0, 1] == 3)
    np.testing.assert_allclose(A[:, 1, 1, 1], np.linspace(-1, 2, 4) * 3.0)
    np.testing.assert_allclose(A[:, 0, 0, 0], np.minimum(np.linspace(-1, 2, 4), 0))
    np.testing.assert_allclose(A[0, :, 1, 0], [1.0, 3.0])
    # scalars give shape (m, n)
    A0, _ = p.lambdify()(a=1, b=2)
    assert A0.shape == (2, 2)


def test_lambdify_pickles():
    f = probe_game().lambdify()
    g = pickle.loads(pickle.dumps(f))
    A1, _ = f(v=np.array([1.0, 2.0]))
    A2, _ = g(v=np.array([1.0, 2.0]))
    np.testing.assert_array_equal(A1, A2)


def test_value_semantics_and_pickle():
    p, q = probe_game(), probe_game()
    assert p == q and hash(p) == hash(q)
    assert pickle.loads(pickle.dumps(p)) == p
    assert p != p.substitute(v=3)
    with pytest.raises(AttributeError):
        p._A = None  # type: ignore[misc]
    assert "ParametricGame('Probe'" in repr(p)
    assert r"\pi" in p._repr_latex_()
    # Jupyter shows the LaTeX (with the declared symbols), not an HTML text dump
    assert not hasattr(p, "_repr_html_")


def test_substitute():
    p = probe_game()
    q = p.substitute(pi="1/2", e_I=0)
    assert "pi" not in q.parameter_names and "e_I" not in q.parameter_names
    assert q.at() == p.at(pi="1/2", e_I=0)
    r = p.substitute(r_I=sympy.Symbol("r_U") / 2)  # a relation between parameters
    assert r.at(r_U=4) == p.at(r_U=4, r_I=2)


def test_feasible_and_classify():
    p = gt.ParametricGame(
        [[0, 0], ["v - c", "v/2 - c"]], [[0, 0], [-1, -2]],
        [gt.Parameter("v", bounds=(0, None)), gt.Parameter("c", default=1)],
        regime_rules=[("no incentive", "v <= c"), ("contested", "v/2 > c"), ("deterred", True)],
    )
    v = np.array([0.5, 1.5, 3.0, -1.0])
    assert p.classify(v=v).tolist() == ["no incentive", "deterred", "contested",
                                         "no incentive"]
    assert p.classify(v=3) == "contested"
    assert p.feasible(v=v).tolist() == [True, True, True, False]
    q = gt.ParametricGame([["x"]], [[0]], ["x"], regime_rules=[("big", "x > 10")])
    assert q.classify(x=np.array([1.0, 20.0])).tolist() == ["unclassified", "big"]


def test_at_equilibria_follow_payoffs():
    # Deterrence by denial when A_I <= 0 and intercepting beats under-reacting.
    p = probe_game()
    g = p.at(pi="3/4")  # A_I = 1 - 1 - 1 = -1 < 0 ; D_I = -1/2 - 1/2 - 1 - 1 = -3 > -5
    labels = [e.pure_labels() for e in g.pure_equilibria()]
    assert ("Refrain", "Intercept") in labels


# ---------------------------------------------------------------- fast exact evaluation
_ENTRY_TEXTS = ["a*b - 3/4", "min(a, b) + max(a, 1, b)", "abs(a - b)^2", "(a + 1)/(b^2 + 1)",
                "-a^3 + 0.5*b", "exp(a) - 1", "sqrt(b^2 + 1)", "2^-1*a*b*a"]


_FAST = gt.ParametricGame([_ENTRY_TEXTS[:4], _ENTRY_TEXTS[4:]],
                          [_ENTRY_TEXTS[4:], _ENTRY_TEXTS[:4]], ["a", "b"],
                          constraints=["a <= 4 or not b > -4", "abs(a) <= 4"])


@settings(max_examples=40, deadline=None)
@given(st.fractions(-4, 4, max_denominator=20), st.fractions(-4, 4, max_denominator=20))
def test_at_agrees_with_sympy_substitution(va, vb):
    """The compiled exact evaluator matches plain sympy substitution on every entry."""
    p = _FAST
    g = p.at(a=va, b=vb)
    refs = []
    sub = {sympy.Symbol("a", real=True): sympy.Rational(va.numerator, va.denominator),
           sympy.Symbol("b", real=True): sympy.Rational(vb.numerator, vb.denominator)}
    for mat, num in ((p.A, g.A), (p.B, g.B)):
        for i in range(2):
            for j in range(4):
                ref = mat[i, j].xreplace(sub)
                refs.append(ref)
                if g.is_exact:
                    assert num[i, j] == Fraction(int(ref.p), int(ref.q))
                else:
                    assert float(num[i, j]) == pytest.approx(float(ref), rel=1e-12)
    # exact exactly when every entry is rational there (exp(0) - 1 = 0, sqrt(0 + 1) = 1)
    assert g.is_exact == all(r.is_Rational for r in refs)


def test_constraints_with_logic_checked_exactly():
    p = gt.ParametricGame([["a"]], [["b"]], ["a", "b"],
                          constraints=["a < b or a == 0", "not (b > 10)"])
    p.at(a=0, b=-1)
    p.at(a="1/3", b="1/2")
    with pytest.raises(ParameterError, match="a < b"):
        p.at(a="1/2", b="1/3")
    with pytest.raises(ParameterError, match="b"):
        p.at(a=1, b=11)
    with pytest.raises(ParameterError, match="a < b"):
        p.at(a=0.5, b=0.25)  # float path


def test_classify_and_feasible_broadcast_compound_conditions():
    p = gt.ParametricGame([["v - c"]], [[0]], ["v", "c"],
                          regime_rules=[("a", "v <= c and c > 0"), ("b", "v > c or c < -1")],
                          constraints=["v > 0 and c >= 0"])
    v = np.array([1.0, 3.0])
    assert p.classify(v=v, c=2).tolist() == ["a", "b"]
    assert p.classify(v=v, c=np.array([[2.0], [0.5]])).tolist() == [["a", "b"], ["b", "b"]]
    assert p.feasible(v=v, c=2).tolist() == [True, True]
    assert p.feasible(v=v, c=-1).tolist() == [False, False]


def test_parametric_latex_shows_declared_and_long_name_symbols():
    g = gt.ParametricGame([["probe_value", 0]], [["-probe_value", 1]],
                          ["probe_value", gt.Parameter("c", symbol=r"\kappa")])
    out = g._repr_latex_()
    assert "probe_{value}" not in out and r"probe\_value" in out
def test_repr_latex_escapes_labels_with_the_one_latex_escaper():
    from gametheory._latex import escape_latex

    p = gt.ParametricGame([["a", 0]], [[0, 0]], ["a"], strategies=(["Hold_&_see"], ["50%", "x"]))
    text = p._repr_latex_()
    assert rf"\text{{{escape_latex('Hold_&_see')}}}" in text
    assert r"\text{50\%}" in text and "Hold_&" not in text
