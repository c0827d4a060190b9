r"""Parametric two-player games: payoffs as symbolic expressions of named parameters.

A parametric bimatrix game is a pair of :math:`m \times n` matrices
:math:`(A(\theta), B(\theta))` whose entries are expressions in a parameter vector
:math:`\theta = (\theta_1, \dots, \theta_k)` that ranges over a box of bounds
:math:`\ell_i \le \theta_i \le u_i` intersected with declared relations (constraints such
as :math:`r_I \le r_U`). Each point :math:`\theta` gives an ordinary
:class:`~gametheory.core.game.NormalFormGame`; :meth:`ParametricGame.at` computes it (exactly
when :math:`\theta` is rational) and :meth:`ParametricGame.lambdify` evaluates
:math:`(A, B)` at many points at once for sweeps. The symbolic analysis (pure-equilibrium
conditions, closed-form mixed equilibria, regimes, comparative statics) is in
:mod:`gametheory.solve.symbolic` and reached through the methods of this class.

The model is written once: its numeric games, its vectorised sweep, its LaTeX table and
its closed-form conditions are all derived from the same sympy matrices. Payoff strings
are parsed by :mod:`gametheory.core.expressions`, never evaluated as code.

Examples
--------
>>> import gametheory as gt
>>> p = gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
...                       parameters=[gt.Parameter("R", default=3), gt.Parameter("S", default=0),
...                                   gt.Parameter("T", default=5), gt.Parameter("P", default=1)],
...                       strategies=(("C", "D"), ("C", "D")), title="Prisoner's dilemma",
...                       constraints=["T > R", "R > P", "P > S"])
>>> g = p.at()
>>> [e.pure_labels() for e in g.equilibria()]
[('D', 'D')]
>>> p.at(R=4).A[0, 0]
Fraction(4, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy

from .._labels import DEFAULT_PLAYERS, LabelledGame, validate_labels
from .._latex import escape_latex
from .._numbers import NotANumber, format_number, to_number
from ..errors import ParameterError, ParseError, PayoffError
from .evaluation import compile_exact, substitute
from .expressions import (
    parse_condition,
    parse_entry,
    parse_expression,
    rebind,
    to_sympy_number,
)
from .game import NormalFormGame
from .parameters import (
    Parameter,
    Parametrised,
    Value,
    as_parameter,
    check_names,
    is_parametric,
    resolve_arrays,
    resolve_point,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..solve.symbolic.equilibria import SymbolicEquilibrium
    from ..solve.symbolic.regimes import Regime
    from ..solve.symbolic.statics import ComparativeStatics

#: Parameter and the point resolution live in .parameters; re-exported here.
__all__ = ["Parameter", "ParametricGame", "PayoffFunction", "Parametrised", "is_parametric",
           "resolve_point", "resolve_arrays", "check_names"]

class ParametricGame(LabelledGame):
    """A two-player normal-form game whose payoffs are expressions in named parameters.

    Parameters
    ----------
    A, B : 2-D array-likes
        Payoffs of the row and column player: sympy expressions, numbers, or strings
        such as ``"(1 - pi)*v - c_p"`` parsed safely over the declared parameter names.
    parameters : sequence of str or Parameter
        The parameters, in order. Every symbol in the payoffs must be declared.
    players, strategies, title :
        As in :class:`~gametheory.core.game.NormalFormGame`.
    constraints : sequence of str or sympy relational
        Relations the parameters must satisfy (``"r_I <= r_U"``), checked by :meth:`at`.
    regime_rules : sequence of (label, condition)
        Ordered rules naming regions of parameter space, used by :meth:`classify`.

    Examples
    --------
    >>> import gametheory as gt
    >>> chicken = gt.ParametricGame([[0, -1], [1, "-c"]], [[0, 1], [-1, "-c"]],
    ...                             parameters=[gt.Parameter("c", default=2, bounds=(0, None))],
    ...                             strategies=(("Swerve", "Straight"), ("Swerve", "Straight")))
    >>> chicken.shape, chicken.parameter_names
    ((2, 2), ('c',))
    >>> chicken.at(c="3/2").B[1, 1]
    Fraction(-3, 2)
    >>> A, B = chicken.lambdify()(c=np.array([1.0, 2.0, 4.0]))
    >>> A.shape, A[:, 1, 1].tolist()
    ((3, 2, 2), [-1.0, -2.0, -4.0])
    """

    __slots__ = ("_A", "_B", "_parameters", "_players", "_strategies", "_title",
                 "_constraints", "_regime_rules", "_cache", "__weakref__")

    def __init__(
        self,
        A: Any,
        B: Any,
        parameters: Iterable[str | Parameter] = (),
        players: Sequence[str] = DEFAULT_PLAYERS,
        strategies: Sequence[Sequence[str]] | None = None,
        title: str = "",
        constraints: Iterable[Any] = (),
        regime_rules: Iterable[tuple[str, Any]] = (),
    ) -> None:
        if isinstance(parameters, str | Parameter):
            parameters = [parameters]
        params = tuple(as_parameter(p) for p in parameters)
        names = [p.name for p in params]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ParameterError(f"parameter {sorted(dup)[0]!r} is declared twice")
        self._parameters = params
        syms = {p.name: p.sympy for p in params}
        a = self._matrix(A, "A (row player)", syms)
        b = self._matrix(B, "B (column player)", syms)
        if a.shape != b.shape:
            raise PayoffError(f"payoff matrices have different shapes: A is "
                              f"{a.shape[0]}x{a.shape[1]}, B is {b.shape[0]}x{b.shape[1]}")
        m, n = a.shape
        self._players, self._strategies, self._title = validate_labels(
            players, strategies, title, (m, n))
        self._A, self._B = a, b
        self._constraints = tuple(self._condition(c, syms, f"constraint {k}")
                                  for k, c in enumerate(constraints))
        for c in self._constraints:
            if c == sympy.false:
                raise ParameterError("a constraint is always false")
        rules = []
        for k, rule in enumerate(regime_rules):
            if isinstance(rule, str) or not isinstance(rule, Sequence) or len(rule) != 2:
                raise ParameterError(f"regime rule {k} must be a pair (label, condition), "
                                     f"got {rule!r}")
            label, cond = rule
            if not isinstance(label, str) or not label:
                raise ParameterError(f"regime rule {k}: label must be a non-empty string")
            rules.append((label, self._condition(cond, syms, f"regime rule {label!r}")))
        self._regime_rules = tuple(rules)
        self._cache: dict[str, Any] = {}

    # ------------------------------------------------------------------ construction
    def _matrix(self, data: Any, name: str, syms: dict[str, sympy.Symbol]
                ) -> sympy.ImmutableMatrix:
        if isinstance(data, sympy.MatrixBase):
            rows = data.tolist()
        elif isinstance(data, np.ndarray):
            if data.ndim != 2:
                raise PayoffError(f"payoff matrix {name} must be 2-D, got shape {data.shape}")
            rows = data.tolist()
        elif isinstance(data, str) or not isinstance(data, Sequence):
            raise PayoffError(f"payoff matrix {name} must be a 2-D array-like, got "
                              f"{type(data).__name__}")
        else:
            rows = [list(r) if isinstance(r, Sequence | np.ndarray) and not isinstance(r, str)
                    else r for r in data]
        if not rows:
            raise PayoffError(f"payoff matrix {name} is empty")
        width = None
        out = []
        for i, row in enumerate(rows):
            if not isinstance(row, list):
                raise PayoffError(f"payoff matrix {name} must be 2-D: row {i} is "
                                  f"{type(row).__name__}, not a sequence")
            if width is None:
                width = len(row)
                if width == 0:
                    raise PayoffError(f"payoff matrix {name} has an empty row {i}")
            elif len(row) != width:
                raise PayoffError(f"payoff matrix {name} is ragged: row {i} has {len(row)} "
                                  f"entries, row 0 has {width}")
            out.append([parse_entry(v, syms, f"payoff matrix {name}, cell ({i}, {j})")
                        for j, v in enumerate(row)])
        return sympy.ImmutableMatrix(out)

    def _condition(self, cond: Any, syms: dict[str, sympy.Symbol], where: str) -> sympy.Basic:
        if isinstance(cond, str):
            try:
                return parse_condition(cond, syms, symbols=syms)
            except ParseError as err:
                raise ParseError(f"{where}: {err}", line=err.line, column=err.column,
                                 token=err.token) from None
        if isinstance(cond, bool):
            return sympy.true if cond else sympy.false
        if isinstance(cond, sympy.logic.boolalg.Boolean) and not isinstance(cond, sympy.Expr):
            return rebind(cond, syms, where)
        raise ParameterError(f"{where} must be a string such as 'r_I <= r_U' or a sympy "
                             f"relation, got {cond!r}")

    # ------------------------------------------------------------------ data access
    @property
    def A(self) -> sympy.ImmutableMatrix:
        """Row player's payoffs as a sympy ImmutableMatrix."""
        return self._A

    @property
    def B(self) -> sympy.ImmutableMatrix:
        """Column player's payoffs as a sympy ImmutableMatrix."""
        return self._B

    @property
    def parameters(self) -> tuple[Parameter, ...]:
        return self._parameters

    @property
    def parameter_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self._parameters)

    @property
    def symbols(self) -> dict[str, sympy.Symbol]:
        """``{name: sympy.Symbol(name, real=True)}`` for every parameter."""
        syms = self._cache.get("symbols")
        if syms is None:
            syms = self._cache["symbols"] = {p.name: p.sympy for p in self._parameters}
        return dict(syms)

    def parameter(self, name: str) -> Parameter:
        """The :class:`Parameter` called ``name``."""
        for p in self._parameters:
            if p.name == name:
                return p
        check_names(self._parameters, [name])
        raise AssertionError(name)  # pragma: no cover - check_names raised

    @property
    def constraints(self) -> tuple[sympy.Basic, ...]:
        return self._constraints

    @property
    def regime_rules(self) -> tuple[tuple[str, sympy.Basic], ...]:
        return self._regime_rules

    def defaults(self) -> dict[str, Value]:
        """``{name: default}`` for the parameters that have a default."""
        return {p.name: p.default for p in self._parameters if p.default is not None}

    # ------------------------------------------------------------------ evaluation
    def values(self, **values: Any) -> dict[str, Value]:
        """Validated parameter values: given ones converted, defaults filling the rest.

        Raises :class:`ParameterError` for unknown names, missing values without a
        default, values outside the bounds and broken constraints.

        >>> import gametheory as gt
        >>> p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", default=1), "b"])
        >>> p.values(b="0.5")
        {'a': Fraction(1, 1), 'b': Fraction(1, 2)}
        """
        return self.resolve(values)

    def resolve(self, values: Mapping[str, Any], *, check_constraints: bool = True
                ) -> dict[str, Value]:
        """The parameter point of ``values`` (:func:`resolve_point`), constraints checked.

        >>> import gametheory as gt
        >>> p = gt.ParametricGame([["a"]], [["b"]], ["a", "b"], constraints=["a <= b"])
        >>> p.resolve({"a": 2, "b": 1})
        Traceback (most recent call last):
        ...
        gametheory.errors.ParameterError: constraint a <= b is broken at a=2, b=1
        >>> p.resolve({"a": 2, "b": 1}, check_constraints=False)
        {'a': Fraction(2, 1), 'b': Fraction(1, 1)}
        """
        out = resolve_point(self._parameters, values)
        if check_constraints and self._constraints:
            floats = any(isinstance(v, float) for v in out.values())
            sub = {} if floats else self.subs_map(out)
            args = [float(out[p.name]) for p in self._parameters] if floats else []
            for c in self._constraints:
                if floats:
                    ok = sympy.true if bool(_bool_lambdify(self, c)(*args)) else sympy.false
                else:
                    ok = _exact_truth(self, c, out)
                    if ok is None:
                        ok = substitute(c, sub, f"constraint {c}")
                if ok != sympy.true:
                    involved = sorted(s.name for s in c.free_symbols)
                    shown = ", ".join(f"{n}={format_number(out[n])}" for n in involved)
                    raise ParameterError(f"constraint {c} is broken at {shown}")
        return out

    def subs_map(self, point: Mapping[str, Value]) -> dict[sympy.Symbol, sympy.Expr]:
        """``{symbol: sympy number}`` of a resolved point, for ``expr.xreplace``.

        >>> import gametheory as gt
        >>> p = gt.ParametricGame([["a"]], [[0]], ["a"])
        >>> p.A[0, 0].xreplace(p.subs_map(p.values(a="1/3")))
        1/3
        """
        self.symbols  # noqa: B018 - fills the cache
        syms = self._cache["symbols"]
        return {syms[k]: to_sympy_number(v) for k, v in point.items()}

    def at(self, **values: Any) -> NormalFormGame:
        """The numeric game at a parameter point (defaults fill missing parameters).

        Exact (Fraction payoffs) when every value is rational (ints, Fractions, strings
        such as ``"3/4"`` or ``"0.2"``) and the payoffs are rational there; floats
        otherwise.

        Raises
        ------
        ParameterError
            For unknown names, missing values without defaults, values outside the
            bounds, broken constraints, or payoffs that are not finite at the point.

        Examples
        --------
        >>> import gametheory as gt
        >>> p = gt.ParametricGame([["1 - c", 0]], [["c^2", 1]], ["c"])
        >>> p.at(c="1/3").A[0, 0], float(p.at(c=0.5).B[0, 0])
        (Fraction(2, 3), 0.25)
        """
        point = self.resolve(values)
        return self._game_at(point)

    def _game_at(self, point: Mapping[str, Value]) -> NormalFormGame:
        if any(isinstance(v, float) for v in point.values()):
            # a float game: the vectorised evaluator is much faster than substitution
            A, B = self.lambdify()(**point)
            if np.all(np.isfinite(A)) and np.all(np.isfinite(B)):
                return NormalFormGame(A, B, players=self._players,
                                      strategies=self._strategies, title=self._title)
        else:
            fast = self._exact_entries()
            try:
                mats = [[[f(point) for f in row] for row in mat] for mat in fast]
                if all(v is not None for mat in mats for row in mat for v in row):
                    return NormalFormGame(mats[0], mats[1], players=self._players,
                                          strategies=self._strategies, title=self._title)
            except ZeroDivisionError:
                pass  # the slow path below names the cell
        sub = self.subs_map(point)
        mats = []
        for mat, name in ((self._A, "A"), (self._B, "B")):
            rows = []
            for i in range(mat.shape[0]):
                row = []
                for j in range(mat.shape[1]):
                    v = substitute(mat[i, j], sub, f"payoff {name}[{i}, {j}]")
                    if v.is_Rational:
                        row.append(Fraction(int(v.p), int(v.q)))
                        continue
                    try:
                        f = float(v)
                    except (TypeError, ValueError):
                        f = float("nan")
                    if not np.isfinite(f):
                        shown = ", ".join(f"{k}={format_number(x)}" for k, x in point.items())
                        raise ParameterError(f"payoff {name}[{i}, {j}] = {mat[i, j]} is not a "
                                             f"finite real number at {shown}")
                    row.append(f)
                rows.append(row)
            mats.append(rows)
        return NormalFormGame(mats[0], mats[1], players=self._players,
                              strategies=self._strategies, title=self._title)

    def _exact_entries(self) -> list[list[list[Any]]]:
        fast = self._cache.get("exact")
        if fast is None:
            m, n = self.shape
            none = _none
            fast = self._cache["exact"] = [
                [[compile_exact(mat[i, j]) or none for j in range(n)] for i in range(m)]
                for mat in (self._A, self._B)]
        return fast

    def lambdify(self) -> PayoffFunction:
        """A vectorised evaluator ``f(**arrays) -> (A, B)`` for sweeps.

        The returned callable takes parameter values as numbers or numpy arrays (missing
        ones take their defaults), broadcasts them together, and returns two float arrays
        of shape ``(*broadcast_shape, m, n)``. It is built with ``sympy.lambdify`` on
        the trusted sympy payoffs and pickles (for process pools). Bounds and constraints
        are not checked (see :meth:`feasible`).

        >>> import gametheory as gt, numpy as np
        >>> p = gt.ParametricGame([["a", "a*b"]], [[0, "b"]], ["a", "b"])
        >>> A, B = p.lambdify()(a=np.arange(3.0)[:, None], b=np.array([1.0, 2.0]))
        >>> A.shape, A[2, 1].tolist()
        ((3, 2, 1, 2), [[2.0, 4.0]])
        """
        f = self._cache.get("lambdify")
        if f is None:
            f = self._cache["lambdify"] = PayoffFunction(self)
        return f

    def feasible(self, **arrays: Any) -> np.ndarray | bool:
        """Vectorised check of bounds and constraints; ``True`` where a point is valid.

        >>> import gametheory as gt, numpy as np
        >>> p = gt.ParametricGame([["a"]], [["b"]], [gt.Parameter("a", bounds=(0, 1)), "b"],
        ...                       constraints=["a <= b"])
        >>> p.feasible(a=np.array([0.5, 0.5, 2.0]), b=np.array([1.0, 0.0, 3.0])).tolist()
        [True, False, False]
        """
        args = np.broadcast_arrays(*self.lambdify()._arrays(arrays))
        ok = np.ones(args[0].shape if args else (), dtype=bool)
        for p, a in zip(self._parameters, args, strict=True):
            if p.bounds is not None:
                lo, hi = p.bounds
                if lo is not None:
                    ok &= a >= float(lo)
                if hi is not None:
                    ok &= a <= float(hi)
        for c in self._constraints:
            ok &= np.broadcast_to(_bool_lambdify(self, c)(*args), ok.shape)
        return bool(ok) if ok.ndim == 0 else ok

    def classify(self, **values: Any) -> str | np.ndarray:
        """The label of the first regime rule that holds, ``"unclassified"`` if none.

        Vectorised: with array values it returns an array of labels (dtype object).

        >>> import gametheory as gt, numpy as np
        >>> p = gt.ParametricGame([["v - c"]], [[0]], ["v", "c"],
        ...                       regime_rules=[("no incentive", "v <= c"), ("probing", "v > c")])
        >>> p.classify(v=1, c=2), p.classify(v=np.array([1.0, 3.0]), c=2).tolist()
        ('no incentive', ['no incentive', 'probing'])
        """
        args = np.broadcast_arrays(*self.lambdify()._arrays(values))
        shape = args[0].shape if args else ()
        labels = np.full(shape, "unclassified", dtype=object)
        done = np.zeros(shape, dtype=bool)
        for label, cond in self._regime_rules:
            hit = np.broadcast_to(_bool_lambdify(self, cond)(*args), shape) & ~done
            labels[hit] = label
            done |= hit
        return str(labels[()]) if labels.ndim == 0 else labels

    def substitute(self, **values: Any) -> ParametricGame:
        """The game with some parameters fixed (numbers or expressions in the others).

        >>> import gametheory as gt
        >>> p = gt.ParametricGame([["a + b"]], [["a"]], ["a", "b"])
        >>> q = p.substitute(b=2)
        >>> q.parameter_names, q.A[0, 0]
        (('a',), a + 2)
        """
        syms = self.symbols
        sub: dict[sympy.Symbol, sympy.Expr] = {}
        check_names(self._parameters, values)
        for name, v in values.items():
            if isinstance(v, sympy.Basic) and not v.is_number:
                sub[syms[name]] = rebind(v, syms, f"value of {name!r}")
            elif isinstance(v, str):
                sub[syms[name]] = parse_expression(v, syms, symbols=syms)
            else:
                try:
                    num = to_number(v)
                except NotANumber as err:
                    raise ParameterError(f"parameter {name!r}: {err}") from None
                self.parameter(name).check(num)
                sub[syms[name]] = to_sympy_number(num)
        kept = [p for p in self._parameters if p.name not in values]
        constraints = []
        for c in self._constraints:
            c2 = c.xreplace(sub)
            if c2 == sympy.false:
                raise ParameterError(f"constraint {c} is broken by {values}")
            if c2 != sympy.true:
                constraints.append(c2)
        rules = [(lab, cond.xreplace(sub)) for lab, cond in self._regime_rules]
        return ParametricGame(self._A.xreplace(sub), self._B.xreplace(sub), kept,
                              players=self._players, strategies=self._strategies,
                              title=self._title, constraints=constraints, regime_rules=rules)

    # ------------------------------------------------------------------ symbolic analysis
    def conditions(self, profile: Sequence[int | str], *, assume_bounds: bool = True
                   ) -> sympy.Basic:
        """Condition on the parameters under which a pure profile is a Nash equilibrium.

        See :func:`gametheory.solve.symbolic.pure_conditions`.

        >>> import gametheory as gt
        >>> pd = gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
        ...                        ["R", "S", "T", "P"], strategies=(("C", "D"), ("C", "D")))
        >>> pd.conditions(("D", "D"))
        P >= S
        """
        from ..solve.symbolic.equilibria import pure_conditions

        return pure_conditions(self, profile, assume_bounds=assume_bounds)

    def mixed_equilibrium(self, support: Sequence[Sequence[int | str]], *,
                          tight: Sequence[Sequence[int | str]] = ((), ()),
                          assume_bounds: bool = True, strict: bool = False
                          ) -> SymbolicEquilibrium:
        """Closed-form equilibrium on a support pair, with its validity conditions.

        See :func:`gametheory.solve.symbolic.mixed_equilibrium`.

        >>> import gametheory as gt
        >>> mp = gt.ParametricGame([["a", "-a"], ["-a", "a"]], [["-a", "a"], ["a", "-a"]],
        ...                        [gt.Parameter("a", bounds=(1, None))])
        >>> mp.mixed_equilibrium(((0, 1), (0, 1))).row
        (1/2, 1/2)
        """
        from ..solve.symbolic.equilibria import mixed_equilibrium

        return mixed_equilibrium(self, support, tight=tight, assume_bounds=assume_bounds,
                                 strict=strict)

    def regimes(self, **options: Any) -> list[Regime]:
        """Partition of parameter space by equilibrium structure (small games).

        See :func:`gametheory.solve.symbolic.regimes`.
        """
        from ..solve.symbolic.regimes import regimes

        return regimes(self, **options)

    def comparative_statics(self, quantity: Any, parameter: str, *,
                            support: Sequence[Sequence[int | str]] | None = None
                            ) -> ComparativeStatics:
        """Derivative of an equilibrium quantity in a parameter and its sign.

        See :func:`gametheory.solve.symbolic.comparative_statics`.
        """
        from ..solve.symbolic.statics import comparative_statics

        return comparative_statics(self, quantity, parameter, support=support)

    def threshold(self, condition: Any, parameter: str) -> list[sympy.Expr]:
        """Values of ``parameter`` where an inequality becomes an equality.

        See :func:`gametheory.solve.symbolic.threshold`.
        """
        from ..solve.symbolic.statics import threshold

        return threshold(self, condition, parameter)

    # ------------------------------------------------------------------ value semantics
    def _key(self) -> tuple:
        return (self._A, self._B, self._parameters, self._players, self._strategies,
                self._title, self._constraints, self._regime_rules)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParametricGame):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "_cache"):
            raise AttributeError("ParametricGame is immutable")
        object.__setattr__(self, name, value)

    def __reduce__(self):  # pickling for process pools and dask
        return (_rebuild, (self._A, self._B, self._parameters, self._players,
                           self._strategies, self._title, self._constraints,
                           self._regime_rules))

    def __repr__(self) -> str:
        t = f"{self._title!r}, " if self._title else ""
        s0 = ", ".join(self._strategies[0])
        s1 = ", ".join(self._strategies[1])
        ps = ", ".join(self.parameter_names)
        return (f"ParametricGame({t}{self._players[0]}: {s0}; {self._players[1]}: {s1}; "
                f"parameters: {ps})")

    def latex_names(self) -> dict[sympy.Symbol, str]:
        """``{symbol: LaTeX}`` of the parameters, for ``sympy.latex(symbol_names=...)``."""
        return {p.sympy: p.latex for p in self._parameters}

    def latex_entry(self, i: int, j: int) -> tuple[str, str]:
        """LaTeX of the payoff pair in cell ``(i, j)``, using the parameters' symbols."""
        names = self.latex_names()
        return (sympy.latex(self._A[i, j], symbol_names=names),
                sympy.latex(self._B[i, j], symbol_names=names))

    def _repr_latex_(self) -> str:
        m, n = self.shape
        esc = escape_latex
        head = " & ".join(rf"\text{{{esc(s)}}}" for s in self._strategies[1])
        rows = []
        for i in range(m):
            cells = " & ".join("{}, {}".format(*self.latex_entry(i, j)) for j in range(n))
            rows.append(rf"\text{{{esc(self._strategies[0][i])}}} & {cells}")
        body = r" \\ ".join(rows)
        return (rf"$\begin{{array}}{{l{'c' * n}}} & {head} \\ \hline {body}"
                r"\end{array}$")

    # No _repr_html_: Jupyter prefers HTML to LaTeX, and a plain-text HTML dump would hide
    # the parameters' symbols; the LaTeX bimatrix above is what a notebook shows.


def _rebuild(A, B, parameters, players, strategies, title, constraints, regime_rules
             ) -> ParametricGame:
    return ParametricGame(A, B, parameters, players=players, strategies=strategies,
                          title=title, constraints=constraints, regime_rules=regime_rules)


def _none(point: Mapping[str, Value]) -> None:
    return None


def _exact_truth(game: ParametricGame, cond: sympy.Basic, point: Mapping[str, Value]
                 ) -> sympy.Basic | None:
    cache = game._cache.setdefault("exact_conditions", {})
    if cond not in cache:
        cache[cond] = compile_exact(cond)
    f = cache[cond]
    if f is None:
        return None
    try:
        return sympy.true if f(point) else sympy.false
    except ZeroDivisionError:
        return None


def _bool_lambdify(game: ParametricGame, cond: sympy.Basic):
    cache = game._cache.setdefault("conditions", {})
    f = cache.get(cond)
    if f is None:
        syms = [p.sympy for p in game.parameters]
        f = cache[cond] = sympy.lambdify(syms, cond, modules="numpy")
    return f


class PayoffFunction:
    """Vectorised payoff evaluation of a ParametricGame (returned by ``lambdify``).

    Calling it with parameter values (numbers or arrays; defaults fill the rest) returns
    ``(A, B)``, float arrays of shape ``(*broadcast_shape, m, n)``.
    """

    def __init__(self, game: ParametricGame) -> None:
        self.game = game
        syms = [p.sympy for p in game.parameters]
        m, n = game.shape
        self._fA = [[sympy.lambdify(syms, game.A[i, j], modules="numpy") for j in range(n)]
                    for i in range(m)]
        self._fB = [[sympy.lambdify(syms, game.B[i, j], modules="numpy") for j in range(n)]
                    for i in range(m)]

    def _arrays(self, values: Mapping[str, Any]) -> list[np.ndarray]:
        return resolve_arrays(self.game.parameters, values)

    def __call__(self, **values: Any) -> tuple[np.ndarray, np.ndarray]:
        args = self._arrays(values)
        shape = np.broadcast_shapes(*(a.shape for a in args)) if args else ()
        m, n = self.game.shape
        A = np.empty((*shape, m, n))
        B = np.empty((*shape, m, n))
        with np.errstate(divide="ignore", invalid="ignore"):
            for i in range(m):
                for j in range(n):
                    A[..., i, j] = self._fA[i][j](*args)
                    B[..., i, j] = self._fB[i][j](*args)
        return A, B

    def __reduce__(self):
        return (PayoffFunction, (self.game,))

    def __repr__(self) -> str:
        return f"PayoffFunction({self.game!r})"
