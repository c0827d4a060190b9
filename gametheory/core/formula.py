r"""Formulas in a game's parameters that display with the parameters' LaTeX symbols.

A symbolic result (a critical discount factor :math:`\delta^*(\theta)`, a threshold, a
condition such as :math:`A_I \le 0`) is a sympy expression in symbols named after the
parameters (``interception_prob``). Displayed as it is, Jupyter prints those names with
sympy's subscript convention (``interception_{prob}``), although every parameter has a
LaTeX symbol (:math:`\pi`). A :class:`Formula` is the expression together with the map
``name -> LaTeX symbol`` (:func:`~gametheory._latex.latex_symbol_names`, the one home
of that map) and an optional left-hand side, and renders as
``$\delta^* = \frac{...}{...}$`` in the symbols.

It stays a sympy expression for every other purpose: ``formula.expr`` is the expression,
arithmetic and comparisons give sympy results, sympy functions accept it (it has
``_sympy_``), other attributes (``.subs``, ``.free_symbols``) are the expression's, and
a formula equals (and hashes like) its expression. A :class:`Conditions` list holds
sympy relations and shows them the same way.

Examples
--------
>>> import sympy as sp
>>> v, c = sp.symbols("probe_value probe_cost")
>>> f = Formula(v - c, {"probe_value": "v", "probe_cost": "c_p"}, lhs="A_U")
>>> f
-probe_cost + probe_value
>>> f._repr_latex_()
'$A_U = v - c_p$'
>>> f == v - c, f.subs({v: 3, c: 1}), sp.simplify(2 * f - (v - c))
(True, 2, -probe_cost + probe_value)
>>> Conditions([v > c, c >= 0], {"probe_value": "v", "probe_cost": "c_p"})._repr_latex_()
'$v > c_p,\\ c_p \\geq 0$'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .._latex import latex_expr, latex_symbol_names

__all__ = ["Formula", "Conditions", "symbols_of"]


def symbols_of(parameters: Iterable[Any]) -> dict[str, str]:
    r"""``{name: LaTeX symbol}`` of parameters (names or objects with ``.name``/``.symbol``).

    The same map as :func:`~gametheory._latex.latex_symbol_names` (declared symbols,
    sympy's rendering of short names, ``\mathit{long\_name}`` otherwise).

    >>> symbols_of(["theta", "probe_value"])
    {'theta': '\\theta', 'probe_value': '\\mathit{probe\\_value}'}
    """
    return latex_symbol_names(parameters)


def _unwrap(x: Any) -> Any:
    return x.expr if isinstance(x, Formula) else x


class Formula:
    r"""A sympy expression in a game's parameters, shown with the parameters' LaTeX symbols.

    Parameters
    ----------
    expr : sympy expression
        The formula (a number is kept as given).
    symbols : mapping, optional
        LaTeX symbol per parameter name, e.g. from :func:`symbols_of`; names without an
        entry are written by :func:`~gametheory._latex.symbol_for`.
    lhs : str, optional
        LaTeX of a left-hand side (``\delta^*``): the display is ``lhs = formula``.

    Examples
    --------
    >>> import sympy as sp
    >>> T, R, P = sp.symbols("T R P")
    >>> crit = Formula((T - R) / (T - P), lhs=r"\delta^*")
    >>> crit._repr_latex_()
    '$\\delta^* = \\frac{T - R}{T - P}$'
    >>> crit.expr.subs({T: 5, R: 3, P: 1}), float(crit.subs({T: 5, R: 3, P: 1}))
    (1/2, 0.5)
    """

    __slots__ = ("expr", "symbols", "lhs")

    def __init__(self, expr: Any, symbols: Mapping[str, str] | None = None,
                 lhs: str = "") -> None:
        object.__setattr__(self, "expr", _unwrap(expr))
        object.__setattr__(self, "symbols", dict(symbols or {}))
        object.__setattr__(self, "lhs", str(lhs))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a Formula is immutable")

    # ------------------------------------------------------------ display
    def latex(self) -> str:
        """The expression in LaTeX (no dollars, no left-hand side), in the symbols."""
        return latex_expr(self.expr, self.symbols)

    def _repr_latex_(self) -> str:
        body = self.latex()
        return f"${self.lhs} = {body}$" if self.lhs else f"${body}$"

    def __repr__(self) -> str:
        return repr(self.expr)

    def __str__(self) -> str:
        return str(self.expr)

    # ------------------------------------------------------------ sympy behaviour
    def _sympy_(self) -> Any:
        """What ``sympy.sympify`` (and every sympy function) sees: the expression."""
        import sympy as sp

        return sp.sympify(self.expr)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in Formula.__slots__:
            raise AttributeError(name)
        return getattr(self.expr, name)

    def __eq__(self, other: object) -> bool:
        return bool(self.expr == _unwrap(other))

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.expr)

    def __bool__(self) -> bool:
        return bool(self.expr)  # as sympy: a relation in free symbols refuses (TypeError)

    def __float__(self) -> float:
        return float(self.expr)

    def __reduce__(self) -> tuple:
        return (Formula, (self.expr, self.symbols, self.lhs))

    def __neg__(self) -> Any:
        return -self.expr

    def __pos__(self) -> Any:
        return self.expr

    def __abs__(self) -> Any:
        return abs(self.expr)

    def __add__(self, o: Any) -> Any:
        return self.expr + _unwrap(o)

    def __radd__(self, o: Any) -> Any:
        return _unwrap(o) + self.expr

    def __sub__(self, o: Any) -> Any:
        return self.expr - _unwrap(o)

    def __rsub__(self, o: Any) -> Any:
        return _unwrap(o) - self.expr

    def __mul__(self, o: Any) -> Any:
        return self.expr * _unwrap(o)

    def __rmul__(self, o: Any) -> Any:
        return _unwrap(o) * self.expr

    def __truediv__(self, o: Any) -> Any:
        return self.expr / _unwrap(o)

    def __rtruediv__(self, o: Any) -> Any:
        return _unwrap(o) / self.expr

    def __pow__(self, o: Any) -> Any:
        return self.expr ** _unwrap(o)

    def __rpow__(self, o: Any) -> Any:
        return _unwrap(o) ** self.expr

    def __lt__(self, o: Any) -> Any:
        return self.expr < _unwrap(o)

    def __le__(self, o: Any) -> Any:
        return self.expr <= _unwrap(o)

    def __gt__(self, o: Any) -> Any:
        return self.expr > _unwrap(o)

    def __ge__(self, o: Any) -> Any:
        return self.expr >= _unwrap(o)


class Conditions(list):
    r"""A list of sympy conditions (relations) shown with the parameters' LaTeX symbols.

    Elements stay sympy objects (``c.lhs``, ``sympy.And(*conditions)`` work); only the
    list's display changes: ``$v > c_p,\ c_p \geq 0$`` in Jupyter.

    >>> import sympy as sp
    >>> x = sp.Symbol("interception_prob")
    >>> cs = Conditions([x < 1], {"interception_prob": r"\pi"})
    >>> cs, cs._repr_latex_(), cs == [x < 1]
    ([interception_prob < 1], '$\\pi < 1$', True)
    """

    def __init__(self, items: Iterable[Any] = (), symbols: Mapping[str, str] | None = None
                 ) -> None:
        super().__init__(items)
        self.symbols = dict(symbols or {})

    def _repr_latex_(self) -> str:
        if not self:
            return r"$\text{no conditions}$"
        return "$" + r",\ ".join(latex_expr(c, self.symbols) for c in self) + "$"
