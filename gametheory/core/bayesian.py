r"""Two-player Bayesian games, their Harsanyi normal form and Bayes-Nash equilibria.

A finite Bayesian game (Harsanyi 1967-68) has players :math:`i = 1, 2`, each with a
finite set of *types* :math:`T_i` and of actions :math:`A_i`, a *common prior*
:math:`p` on :math:`T_1 \times T_2` (independent, :math:`p(t) = p_1(t_1) p_2(t_2)`, or a
joint table), and payoffs :math:`u_i(a_1, a_2; t_1, t_2)` that depend on the type
profile. Each player learns its own type and chooses an action; a (pure) strategy is a
map :math:`s_i : T_i \to A_i`.

The *Harsanyi transformation* turns the game into an ordinary normal-form game whose
strategies are these maps, :math:`|A_i|^{|T_i|}` of them, with *ex-ante* expected
payoffs

.. math:: U_i(s_1, s_2) = \sum_{t \in T_1 \times T_2} p(t)\, u_i(s_1(t_1), s_2(t_2); t).

A *Bayes-Nash equilibrium* is a Nash equilibrium of this game. When every type has
positive prior probability it is equivalently a profile in which each type
:math:`t_i` best responds, given its *interim* belief :math:`p(t_{-i} \mid t_i)`, to the
others' strategies (Harsanyi 1967-68, part II; Osborne 2004, ch. 9; Gibbons 1992,
sec. 3.1). A mixed equilibrium of the Harsanyi form is reported as what it means for
play, a probability over actions for each type (the marginal of the mixture at that
type), so realisation-equivalent mixtures appear once.

*Prior thresholds.* When the prior depends on a parameter :math:`\rho`, a pure profile
is an equilibrium iff finitely many differences :math:`U_i(s) - U_i(s_i', s_{-i})` are
non-negative. Each is a function of :math:`\rho`; the equilibrium set can change only
where one of them changes sign or where the support structure of a mixed equilibrium
changes. :meth:`BayesianGame.prior_threshold` solves these differences for
:math:`\rho`: in closed form when they are linear in :math:`\rho` (exactly, in the other
parameters, when those are left free), by exact real-root isolation when they are
polynomial and the other parameters are fixed, and otherwise by bisection to a stated
tolerance; with numbers fixed it keeps only the values where the equilibrium set
actually changes, and finds changes of mixed equilibria by bisection as well.

References: J. C. Harsanyi (1967-68), Games with incomplete information played by
"Bayesian" players, parts I-III, *Management Science* 14, 159-182, 320-334, 486-502.
R. Gibbons (1992), *Game Theory for Applied Economists*, Princeton, ch. 3.
M. J. Osborne (2004), *An Introduction to Game Theory*, Oxford, ch. 9.

Examples
--------
Osborne's (2004, sec. 9.2) Battle of the Sexes in which player 1 does not know whether
player 2 wishes to meet her or to avoid her, each with probability 1/2:

>>> import gametheory as gt
>>> bos = gt.BayesianGame(
...     players=("P1", "P2"), types=(("-",), ("meet", "avoid")),
...     actions=(("B", "S"), ("B", "S")),
...     prior={"P2": {"meet": "1/2", "avoid": "1/2"}},
...     payoffs={("-", "meet"): ([[2, 0], [0, 1]], [[1, 0], [0, 2]]),
...              ("-", "avoid"): ([[2, 0], [0, 1]], [[0, 2], [1, 0]])})
>>> [e.describe() for e in bos.bayes_nash_equilibria() if e.is_pure]
['P1: B; P2: B if meet, S if avoid  (payoffs 1, 3/2)']
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from .._labels import label_tuple
from .._numbers import NotANumber, format_number, parse_number_text, to_number
from ..errors import (
    GameError,
    LabelError,
    ParameterError,
    ParseError,
    PayoffError,
    SolverError,
)
from .game import Equilibrium, NormalFormGame

__all__ = ["BayesianGame", "BayesNashEquilibrium", "PriorThreshold"]

#: Largest Harsanyi normal form (cells) built.
MAX_CELLS = 100_000
#: Grid points per interval when scanning for sign changes and mixed-equilibrium changes.
SCAN_POINTS = 64


def _is_symbolic(v: Any) -> bool:
    return isinstance(v, sp.Basic) and bool(v.free_symbols)


def _param_name(p: Any) -> str:
    name = p if isinstance(p, str) else getattr(p, "name", None)
    if not isinstance(name, str) or not name:
        raise ParameterError(f"a parameter must be a name or a gt.Parameter, got {p!r}")
    return name


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class BayesNashEquilibrium:
    """A Bayes-Nash equilibrium, as behaviour per type.

    Attributes
    ----------
    players : pair of str
    types, actions : pair of tuples of labels
    behaviour : pair of tuples
        ``behaviour[i][k]`` is the probability vector over player ``i``'s actions played
        by its ``k``-th type.
    payoffs : pair
        Ex-ante expected payoffs.
    interim : pair of tuples
        Each type's expected payoff given its own type (``None`` for a type of prior
        probability zero).
    equilibrium : Equilibrium
        One Harsanyi normal-form equilibrium that induces this behaviour.
    """

    players: tuple[str, str]
    types: tuple[tuple[str, ...], tuple[str, ...]]
    actions: tuple[tuple[str, ...], tuple[str, ...]]
    behaviour: tuple[tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...]]
    payoffs: tuple[Any, Any]
    interim: tuple[tuple[Any, ...], tuple[Any, ...]] = field(compare=False)
    equilibrium: Equilibrium | None = field(default=None, compare=False)

    @property
    def is_pure(self) -> bool:
        """True when every type plays one action for sure."""
        return all(sum(1 for q in vec if q > 0) == 1 for side in self.behaviour for vec in side)

    def action(self, player: str | int, type_: str) -> dict[str, Any]:
        """``{action: probability}`` of one type of one player (positive entries)."""
        i = player if isinstance(player, int) else self.players.index(player)
        vec = self.behaviour[i][self.types[i].index(type_)]
        return {a: q for a, q in zip(self.actions[i], vec, strict=True) if q > 0}

    def describe(self) -> str:
        parts = []
        for i in range(2):
            per_type = []
            for t, vec in zip(self.types[i], self.behaviour[i], strict=True):
                mix = " + ".join(a if q == 1 else f"{format_number(q)} {a}"
                                 for a, q in zip(self.actions[i], vec, strict=True) if q > 0)
                if len(self.types[i]) == 1:
                    per_type.append(mix)
                else:
                    per_type.append(f"{mix} if {t}" if "+" not in mix else f"({mix}) if {t}")
            parts.append(f"{self.players[i]}: {', '.join(per_type)}")
        pay = ", ".join(format_number(v) for v in self.payoffs)
        return f"{'; '.join(parts)}  (payoffs {pay})"

    def __repr__(self) -> str:
        return f"BayesNashEquilibrium({self.describe()})"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(self.describe())}</code>"


@dataclass(frozen=True)
class PriorThreshold:
    """A value of a prior parameter at which the Bayes-Nash equilibria change.

    Attributes
    ----------
    parameter : str
    value :
        The threshold: a sympy expression in the other parameters (``method ==
        "symbolic"``), an exact number (``"exact"``), or a float (``"bisection"``).
    method : str
        ``"symbolic"``, ``"exact"`` or ``"bisection"``.
    tolerance : float or None
        Width of the final bisection bracket (``None`` when exact).
    profiles : tuple of pairs of str
        Pure Harsanyi profiles whose equilibrium condition has a boundary here.
    below, above : tuple of BayesNashEquilibrium
        The equilibria at ``below_at`` and ``above_at``, sample points on either side
        (numeric thresholds only).
    below_at, above_at :
        Those sample points.
    """

    parameter: str
    value: Any
    method: str
    tolerance: float | None = None
    profiles: tuple[tuple[str, str], ...] = ()
    below: tuple[BayesNashEquilibrium, ...] = field(default=(), compare=False)
    above: tuple[BayesNashEquilibrium, ...] = field(default=(), compare=False)
    below_at: Any = field(default=None, compare=False)
    above_at: Any = field(default=None, compare=False)

    def describe(self) -> str:
        val = format_number(self.value) if isinstance(self.value, Fraction | float) \
            else str(self.value)
        tol = f" (+-{self.tolerance:.1e})" if self.tolerance else ""
        text = f"{self.parameter} = {val}{tol} [{self.method}]"
        if self.below or self.above:
            b = "; ".join(e.describe() for e in self.below) or "none"
            a = "; ".join(e.describe() for e in self.above) or "none"
            text += f": below {b} | above {a}"
        elif self.profiles:
            text += ": boundary of " + "; ".join(f"({r}, {c})" for r, c in self.profiles)
        return text

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        return f"PriorThreshold({self.describe()})"


# --------------------------------------------------------------------------- the game
class BayesianGame:
    """A two-player Bayesian game with finite types, a common prior and typed payoffs.

    Parameters
    ----------
    players : pair of str
    types : pair of sequences of str
        Each player's types (a single type for a player without private information).
    actions : pair of sequences of str
        Each player's actions (the same for all its types).
    prior : mapping
        Either a joint table ``{(t1, t2): probability}`` over type profiles (missing
        profiles have probability 0), or independent marginals ``{player: {type:
        probability}}`` (a player with one type may be left out). Probabilities are
        numbers, strings (``"1/3"``, ``"rho"``, ``"1 - rho"``) or sympy expressions.
    payoffs : mapping
        ``{(t1, t2): (A, B)}``: the two payoff matrices (rows: player 1's actions,
        columns: player 2's) for each type profile, or a NormalFormGame. When only one
        player has several types, its type alone may be the key. Entries are numbers,
        strings or sympy expressions.
    parameters : sequence of str or gt.Parameter, optional
        Parameters the prior and payoffs may use (default: the free symbols of sympy
        inputs).
    title : str

    Raises
    ------
    GameError
        Unknown types or players, missing or misshapen payoffs, probabilities outside
        [0, 1] or not summing to 1, undeclared parameters.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.BayesianGame(("Aggressor", "Defender"), (("-",), ("resolute", "weak")),
    ...     (("Refrain", "Probe"), ("Ignore", "Intercept")),
    ...     prior={"Defender": {"resolute": "rho", "weak": "1 - rho"}},
    ...     payoffs={"resolute": ([[0, 0], [2, -1]], [[0, 0], [-5, -4]]),
    ...              "weak": ([[0, 0], [2, -1]], [[0, 0], [-5, -6]])},
    ...     parameters=[gt.Parameter("rho", bounds=(0, 1))])
    >>> g.to_normal_form().strategies[1][1]
    'Ignore if resolute, Intercept if weak'
    >>> [str(t.value) for t in g.prior_threshold("rho")]
    ['1/3', '2/3']
    """

    def __init__(self, players: Sequence[str], types: Sequence[Sequence[str]],
                 actions: Sequence[Sequence[str]], prior: Mapping[Any, Any],
                 payoffs: Mapping[Any, Any], parameters: Sequence[Any] | None = None,
                 title: str = "") -> None:
        if isinstance(players, str) or not isinstance(players, Sequence) or len(players) != 2:
            raise LabelError(f"players must be a pair of names, got {players!r}")
        for k, p in enumerate(players):
            if not isinstance(p, str) or not p:
                raise LabelError(f"player {k} name must be a non-empty string, got {p!r}")
        if players[0] == players[1]:
            raise LabelError(f"the two players have the same name {players[0]!r}")
        self._players = (players[0], players[1])
        for what, val in (("types", types), ("actions", actions)):
            if isinstance(val, str) or not isinstance(val, Sequence) or len(val) != 2:
                raise LabelError(f"{what} must be a pair (player 1's, player 2's), got {val!r}")
        self._types = (label_tuple(types[0], None, f"types of {players[0]}"),
                       label_tuple(types[1], None, f"types of {players[1]}"))
        self._actions = (label_tuple(actions[0], None, f"actions of {players[0]}"),
                         label_tuple(actions[1], None, f"actions of {players[1]}"))
        if not isinstance(title, str):
            raise LabelError(f"title must be a string, got {title!r}")
        self._title = title
        self._parameters, self._symbols = self._declare(parameters, prior, payoffs)
        self._prior = self._read_prior(prior)
        self._payoffs = self._read_payoffs(payoffs)
        self._symbolic = any(_is_symbolic(v) for v in self._prior.values()) or any(
            _is_symbolic(v) for mats in self._payoffs.values() for m in mats
            for row in m for v in row)

    # ------------------------------------------------------------ construction
    def _declare(self, parameters: Sequence[Any] | None, prior: Any, payoffs: Any
                 ) -> tuple[tuple[Any, ...], dict[str, sp.Symbol]]:
        if parameters is None:
            names: set[str] = set()

            def scan(x: Any) -> None:
                if isinstance(x, sp.Basic):
                    names.update(s.name for s in x.free_symbols)
                elif isinstance(x, Mapping):
                    for v in x.values():
                        scan(v)
                elif isinstance(x, Sequence | np.ndarray) and not isinstance(x, str):
                    for v in x:
                        scan(v)

            scan(prior)
            scan(payoffs)
            params: tuple[Any, ...] = tuple(sorted(names))
        else:
            if isinstance(parameters, str) or not isinstance(parameters, Sequence):
                raise ParameterError(f"parameters must be a sequence, got {parameters!r}")
            params = tuple(parameters)
        symbols: dict[str, sp.Symbol] = {}
        for p in params:
            name = _param_name(p)
            if name in symbols:
                raise ParameterError(f"parameter {name!r} is declared twice")
            s = getattr(p, "sympy", None)
            symbols[name] = s if isinstance(s, sp.Symbol) else sp.Symbol(name, real=True)
        return params, symbols

    def _value(self, raw: Any, where: str) -> Any:
        if isinstance(raw, sp.Basic):
            if not isinstance(raw, sp.Expr):
                raise PayoffError(f"{where}: {raw!r} is not an expression")
            unknown = sorted(s.name for s in raw.free_symbols if s.name not in self._symbols)
            if unknown:
                raise ParameterError(f"{where}: {raw} uses undeclared parameter(s) {unknown}; "
                                     f"declared: {sorted(self._symbols)}")
            if not raw.free_symbols:
                return _number(raw, where)
            return raw.xreplace({s: self._symbols[s.name] for s in raw.free_symbols})
        if isinstance(raw, str):
            try:
                return parse_number_text(raw)
            except NotANumber:
                pass
            from .expressions import parse_expression

            try:
                expr = parse_expression(raw, list(self._symbols), symbols=self._symbols)
            except ParseError as err:
                raise _located(err, where) from None
            return expr if expr.free_symbols else _number(expr, where)
        return _number(raw, where)

    def _type_profile(self, key: Any, where: str) -> tuple[str, str]:
        if isinstance(key, str):
            multi = [i for i in range(2) if len(self._types[i]) > 1]
            if len(multi) != 1:
                raise LabelError(f"{where}: key {key!r} must be a type profile (t1, t2) "
                                 "because both players have several types (or none has)")
            i = multi[0]
            if key not in self._types[i]:
                raise LabelError(f"{where}: {self._players[i]} has no type {key!r}; types "
                                 f"are {list(self._types[i])}")
            other = self._types[1 - i][0]
            return (key, other) if i == 0 else (other, key)
        if isinstance(key, Sequence) and len(key) == 2:
            for i in range(2):
                if key[i] not in self._types[i]:
                    raise LabelError(f"{where}: {self._players[i]} has no type {key[i]!r}; "
                                     f"types are {list(self._types[i])}")
            return (key[0], key[1])
        raise LabelError(f"{where}: {key!r} is not a type profile (t1, t2)")

    def _read_prior(self, prior: Any) -> dict[tuple[str, str], Any]:
        if not isinstance(prior, Mapping) or not prior:
            raise GameError("prior must be a non-empty mapping: {(t1, t2): probability} or "
                            "{player: {type: probability}}")
        keys = list(prior)
        if all(k in self._players for k in keys):
            marg = []
            for i in range(2):
                given = prior.get(self._players[i])
                if given is None:
                    if len(self._types[i]) > 1:
                        raise GameError(f"prior: no marginal for {self._players[i]}, who has "
                                        f"types {list(self._types[i])}")
                    given = {self._types[i][0]: 1}
                if not isinstance(given, Mapping):
                    raise GameError(f"prior of {self._players[i]} must be a mapping "
                                    f"{{type: probability}}, got {given!r}")
                probs = {}
                for t, v in given.items():
                    if t not in self._types[i]:
                        raise LabelError(f"prior of {self._players[i]}: unknown type {t!r}; "
                                         f"types are {list(self._types[i])}")
                    probs[t] = self._value(v, f"prior of {self._players[i]}, type {t!r}")
                self._check_distribution(probs, f"prior of {self._players[i]}")
                marg.append(probs)
            return {(t1, t2): marg[0].get(t1, Fraction(0)) * marg[1].get(t2, Fraction(0))
                    for t1 in self._types[0] for t2 in self._types[1]}
        table = {}
        for k, v in prior.items():
            prof = self._type_profile(k, "prior")
            if prof in table:
                raise GameError(f"prior: type profile {prof} is given twice")
            table[prof] = self._value(v, f"prior of type profile {prof}")
        full = {(t1, t2): table.get((t1, t2), Fraction(0))
                for t1 in self._types[0] for t2 in self._types[1]}
        self._check_distribution(full, "prior")
        return full

    @staticmethod
    def _check_distribution(probs: Mapping[Any, Any], what: str) -> None:
        vals = list(probs.values())
        if any(_is_symbolic(v) for v in vals):
            total = sp.simplify(sp.Add(*[sp.sympify(v) for v in vals]))
            if total != 1:
                raise GameError(f"{what}: probabilities sum to {total}, not 1")
            return
        for k, v in probs.items():
            if v < 0 or v > 1:
                raise GameError(f"{what}: probability of {k!r} is {format_number(v)}, "
                                "outside [0, 1]")
        total = sum(vals)
        exact = all(isinstance(v, Fraction) for v in vals)
        if (exact and total != 1) or (not exact and abs(float(total) - 1) > 1e-9):
            raise GameError(f"{what}: probabilities sum to {format_number(total)}, not 1")

    def _read_payoffs(self, payoffs: Any) -> dict[tuple[str, str], tuple[list, list]]:
        if not isinstance(payoffs, Mapping):
            raise PayoffError("payoffs must be a mapping {(t1, t2): (A, B)}")
        m, n = len(self._actions[0]), len(self._actions[1])
        out: dict[tuple[str, str], tuple[list, list]] = {}
        for key, val in payoffs.items():
            prof = self._type_profile(key, "payoffs")
            if prof in out:
                raise PayoffError(f"payoffs: type profile {prof} is given twice")
            if isinstance(val, NormalFormGame):
                val = (val.A.tolist(), val.B.tolist())
            if isinstance(val, str) or not isinstance(val, Sequence) or len(val) != 2:
                raise PayoffError(f"payoffs of type profile {prof} must be a pair (A, B) of "
                                  "matrices or a NormalFormGame")
            mats = []
            for who, mat in zip(self._players, val, strict=True):
                where = f"payoffs of {who} at type profile {prof}"
                rows = mat.tolist() if isinstance(mat, np.ndarray) else mat
                if isinstance(rows, str) or not isinstance(rows, Sequence) or len(rows) != m \
                        or any(isinstance(r, str) or not isinstance(r, Sequence | np.ndarray)
                               or len(r) != n for r in rows):
                    raise PayoffError(f"{where} must be a {m}x{n} matrix (rows: actions of "
                                      f"{self._players[0]}, columns: actions of "
                                      f"{self._players[1]})")
                mats.append([[self._value(v, f"{where}, cell ({i}, {j})")
                              for j, v in enumerate(r)] for i, r in enumerate(rows)])
            out[prof] = (mats[0], mats[1])
        missing = [(t1, t2) for t1 in self._types[0] for t2 in self._types[1]
                   if (t1, t2) not in out]
        if missing:
            raise PayoffError(f"payoffs missing for type profile(s) {missing}")
        return out

    # ------------------------------------------------------------ properties
    @property
    def players(self) -> tuple[str, str]:
        return self._players

    @property
    def types(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self._types

    @property
    def actions(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self._actions

    @property
    def title(self) -> str:
        return self._title

    @property
    def parameters(self) -> tuple[Any, ...]:
        return self._parameters

    @property
    def is_symbolic(self) -> bool:
        return self._symbolic

    def prior(self, t1: str, t2: str) -> Any:
        """Prior probability of the type profile ``(t1, t2)``."""
        return self._prior[self._type_profile((t1, t2), "prior()")]

    # ------------------------------------------------------------ Harsanyi form
    def _strategies(self, i: int) -> list[tuple[str, ...]]:
        return list(itertools.product(self._actions[i], repeat=len(self._types[i])))

    def _strategy_label(self, i: int, s: tuple[str, ...]) -> str:
        if len(self._types[i]) == 1:
            return s[0]
        return ", ".join(f"{a} if {t}" for a, t in zip(s, self._types[i], strict=True))

    def to_normal_form(self) -> Any:
        """The Harsanyi normal form: strategies map types to actions; ex-ante payoffs.

        A :class:`NormalFormGame` for numeric games, a
        :class:`~gametheory.core.parametric.ParametricGame` when the prior or payoffs are
        symbolic.

        >>> import gametheory as gt
        >>> g = gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U", "D"), ("L", "R")),
        ...     prior={"B": {"h": "1/4", "l": "3/4"}},
        ...     payoffs={"h": ([[4, 0], [0, 0]], [[1, 0], [0, 1]]),
        ...              "l": ([[0, 0], [0, 4]], [[0, 1], [1, 0]])})
        >>> nf = g.to_normal_form()
        >>> nf.strategies[1]
        ('L if h, L if l', 'L if h, R if l', 'R if h, L if l', 'R if h, R if l')
        >>> nf.A[1].tolist()
        [Fraction(0, 1), Fraction(3, 1), Fraction(0, 1), Fraction(3, 1)]
        """
        s0, s1 = self._strategies(0), self._strategies(1)
        if len(s0) * len(s1) > MAX_CELLS:
            raise SolverError(f"the Harsanyi normal form would have {len(s0)}x{len(s1)} cells; "
                              f"at most {MAX_CELLS} are built")
        ai = [{a: k for k, a in enumerate(self._actions[i])} for i in range(2)]
        A: list[list[Any]] = []
        B: list[list[Any]] = []
        for r in s0:
            ra, rb = [], []
            for c in s1:
                ua: Any = 0
                ub: Any = 0
                for x, t1 in enumerate(self._types[0]):
                    for y, t2 in enumerate(self._types[1]):
                        p = self._prior[(t1, t2)]
                        if p == 0:
                            continue
                        ma, mb = self._payoffs[(t1, t2)]
                        i, j = ai[0][r[x]], ai[1][c[y]]
                        ua += p * ma[i][j]
                        ub += p * mb[i][j]
                ra.append(ua)
                rb.append(ub)
            A.append(ra)
            B.append(rb)
        labels = ([self._strategy_label(0, s) for s in s0], [self._strategy_label(1, s)
                                                              for s in s1])
        if self._symbolic:
            from .parametric import ParametricGame

            return ParametricGame([[sp.expand(sp.sympify(v)) for v in row] for row in A],
                                  [[sp.expand(sp.sympify(v)) for v in row] for row in B],
                                  parameters=list(self._parameters), players=self._players,
                                  strategies=labels, title=self._title)
        return NormalFormGame(A, B, players=self._players, strategies=labels, title=self._title)

    # ------------------------------------------------------------ parameters
    def at(self, **values: Any) -> BayesianGame:
        """The numeric game at given parameter values (declared defaults fill the rest).

        >>> import gametheory as gt
        >>> g = gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U",), ("L",)),
        ...     prior={"B": {"h": "q", "l": "1 - q"}},
        ...     payoffs={"h": ([[1]], [[0]]), "l": ([[0]], [[0]])}, parameters=["q"])
        >>> g.at(q="1/3").prior("x", "h")
        Fraction(1, 3)
        """
        subs = self._substitution(values, fill_defaults=True)

        def num(v: Any, where: str) -> Any:
            return _number(v.xreplace(subs), where) if _is_symbolic(v) else v

        prior = {k: num(v, f"prior of {k}") for k, v in self._prior.items()}
        payoffs = {k: tuple([[num(v, f"payoffs at {k}") for v in row] for row in m]
                            for m in mats) for k, mats in self._payoffs.items()}
        return BayesianGame(self._players, self._types, self._actions, prior, payoffs,
                            parameters=(), title=self._title)

    def _substitution(self, values: Mapping[str, Any], fill_defaults: bool
                      ) -> dict[sp.Symbol, Any]:
        unknown = sorted(set(values) - set(self._symbols))
        if unknown:
            raise ParameterError(f"unknown parameter(s) {unknown}; the game's parameters are "
                                 f"{sorted(self._symbols)}")
        subs: dict[sp.Symbol, Any] = {}
        for p in self._parameters:
            name = _param_name(p)
            if name in values:
                raw = values[name]
            elif fill_defaults and getattr(p, "default", None) is not None:
                raw = p.default
            elif fill_defaults:
                raise ParameterError(f"parameter {name!r} has no value and no default; pass "
                                     f"{name}=...")
            else:
                continue
            try:
                val = to_number(raw)
            except NotANumber as err:
                raise ParameterError(f"parameter {name!r}: {err}") from None
            check = getattr(p, "check", None)
            if callable(check):
                check(val)
            subs[self._symbols[name]] = _sym(val)
        return subs

    # ------------------------------------------------------------ equilibria
    def bayes_nash_equilibria(self, pure: bool = False, **values: Any
                              ) -> list[BayesNashEquilibrium]:
        """Bayes-Nash equilibria: the Harsanyi form's extreme equilibria, per type.

        Symbolic games are evaluated at ``values`` (defaults fill the rest). Mixtures that
        induce the same behaviour at every type are reported once. ``pure=True`` returns
        only the pure equilibria (fast on large Harsanyi forms).

        >>> import gametheory as gt
        >>> g = gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U", "D"), ("L", "R")),
        ...     prior={"B": {"h": "1/4", "l": "3/4"}},
        ...     payoffs={"h": ([[4, 0], [0, 0]], [[1, 0], [0, 1]]),
        ...              "l": ([[0, 0], [0, 4]], [[0, 1], [1, 0]])})
        >>> [e.describe() for e in g.bayes_nash_equilibria() if e.is_pure]
        ['A: D; B: R if h, L if l  (payoffs 0, 1)']
        """
        game = self.at(**values) if self._symbolic else self._no_values(values)
        return game._equilibria(pure)

    def _no_values(self, values: Mapping[str, Any]) -> BayesianGame:
        if values:
            raise ParameterError(f"the game has no parameters, got {sorted(values)}")
        return self

    def _equilibria(self, pure: bool = False) -> list[BayesNashEquilibrium]:
        nf = self.to_normal_form()
        out: list[BayesNashEquilibrium] = []
        seen = set()
        for eq in (nf.pure_equilibria() if pure else nf.equilibria()):
            bne = self._per_type(nf, eq)
            key = bne.behaviour
            if key not in seen:
                seen.add(key)
                out.append(bne)
        return out

    def _per_type(self, nf: NormalFormGame, eq: Equilibrium) -> BayesNashEquilibrium:
        behaviour = []
        for i, mix in enumerate((eq.row, eq.col)):
            strategies = self._strategies(i)
            per_type = []
            for k in range(len(self._types[i])):
                vec = []
                for a in self._actions[i]:
                    vec.append(sum((x for s, x in zip(strategies, mix, strict=True)
                                    if s[k] == a), start=Fraction(0) if nf.is_exact else 0.0))
                per_type.append(tuple(vec))
            behaviour.append(tuple(per_type))
        interim = self._interim(behaviour)
        return BayesNashEquilibrium(self._players, self._types, self._actions,
                                    (behaviour[0], behaviour[1]), eq.payoffs, interim, eq)

    def _interim(self, behaviour: Sequence[Sequence[Sequence[Any]]]
                 ) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        out = []
        for i in range(2):
            vals = []
            for k, t in enumerate(self._types[i]):
                mass: Any = 0
                total: Any = 0
                for kk, u in enumerate(self._types[1 - i]):
                    prof = (t, u) if i == 0 else (u, t)
                    p = self._prior[prof]
                    if p == 0:
                        continue
                    mass += p
                    mat = self._payoffs[prof][i]
                    x = behaviour[0][k if i == 0 else kk]
                    y = behaviour[1][kk if i == 0 else k]
                    total += p * sum(x[a] * mat[a][b] * y[b] for a in range(len(x))
                                     for b in range(len(y)))
                vals.append(total / mass if mass else None)
            out.append(tuple(vals))
        return out[0], out[1]

    # ------------------------------------------------------------ thresholds
    def prior_threshold(self, parameter: str, *, lower: Any = None, upper: Any = None,
                        tol: float = 1e-12, **values: Any) -> list[PriorThreshold]:
        """Values of a prior parameter at which the Bayes-Nash equilibria change.

        Parameters
        ----------
        parameter : str
            The parameter to vary (usually one the prior depends on).
        lower, upper : number, optional
            The range searched; default the parameter's bounds, else [0, 1].
        tol : float
            Bracket width at which bisection stops.
        **values
            Values of other parameters. Parameters left out stay symbolic: then the
            thresholds are closed forms in them, from the boundaries of the pure
            profiles' equilibrium conditions that are linear in ``parameter``
            (``method == "symbolic"``). When no other parameter remains, the thresholds
            are the points where the equilibrium set changes, exact where the conditions
            are polynomial in ``parameter`` and by bisection otherwise, with the
            equilibria on either side.

        Examples
        --------
        >>> import gametheory as gt
        >>> bos = gt.BayesianGame(("P1", "P2"), (("-",), ("meet", "avoid")),
        ...     (("B", "S"), ("B", "S")), prior={"P2": {"meet": "p", "avoid": "1 - p"}},
        ...     payoffs={"meet": ([[2, 0], [0, 1]], [[1, 0], [0, 2]]),
        ...              "avoid": ([[2, 0], [0, 1]], [[0, 2], [1, 0]])}, parameters=["p"])
        >>> [(str(t.value), t.method) for t in bos.prior_threshold("p")]
        [('1/3', 'exact'), ('2/3', 'exact')]
        """
        if not self._symbolic:
            raise GameError("the game has no parameters; prior_threshold() needs a symbolic "
                            "prior or payoffs")
        if parameter not in self._symbols:
            raise ParameterError(f"unknown parameter {parameter!r}; the game's parameters are "
                                 f"{sorted(self._symbols)}")
        if parameter in values:
            raise ParameterError(f"{parameter!r} is the parameter to vary; do not give it a "
                                 "value")
        x = self._symbols[parameter]
        lo, hi = self._range(parameter, lower, upper)
        subs = self._substitution(values, fill_defaults=False)
        p = self.to_normal_form()
        A = p.A.xreplace(subs)
        B = p.B.xreplace(subs)
        free = set().union(*(e.free_symbols for e in (*A, *B)))
        others = free - {x}
        if others:
            return self._symbolic_thresholds(parameter, x, A, B, lo, hi, p.strategies)
        return self._numeric_thresholds(parameter, x, A, B, lo, hi, tol, values,
                                        p.strategies)

    def _range(self, parameter: str, lower: Any, upper: Any) -> tuple[Fraction, Fraction]:
        spec = next(p for p in self._parameters if _param_name(p) == parameter)
        bounds = getattr(spec, "bounds", None) or (None, None)
        lo = lower if lower is not None else bounds[0] if bounds[0] is not None else 0
        hi = upper if upper is not None else bounds[1] if bounds[1] is not None else 1
        try:
            lo_v, hi_v = to_number(lo), to_number(hi)
        except NotANumber as err:
            raise ParameterError(f"range of {parameter!r}: {err}") from None
        if not lo_v < hi_v:
            raise ParameterError(f"range of {parameter!r} is empty: [{lo}, {hi}]")
        return Fraction(lo_v), Fraction(hi_v)

    @staticmethod
    def _deviations(A: Any, B: Any, i: int, j: int) -> list[Any]:
        m, n = A.shape
        diffs = [sp.expand(A[i, j] - A[k, j]) for k in range(m) if k != i]
        diffs += [sp.expand(B[i, j] - B[i, ll]) for ll in range(n) if ll != j]
        return diffs

    def _symbolic_thresholds(self, parameter: str, x: sp.Symbol, A: Any, B: Any,
                             lo: Fraction, hi: Fraction,
                             labels: tuple[tuple[str, ...], tuple[str, ...]]
                             ) -> list[PriorThreshold]:
        found: list[tuple[Any, list[tuple[str, str]]]] = []
        m, n = A.shape
        for i in range(m):
            for j in range(n):
                diffs = self._deviations(A, B, i, j)
                if any(not d.free_symbols and d < 0 for d in diffs):
                    continue
                numeric = [d for d in diffs if d.free_symbols == {x}]
                if numeric and not _feasible_somewhere(numeric, x, lo, hi):
                    continue
                for d in diffs:
                    if x not in d.free_symbols or d.free_symbols == {x}:
                        continue
                    poly = sp.Poly(d, x) if d.is_polynomial(x) else None
                    if poly is None or poly.degree() != 1:
                        raise ParameterError(
                            f"the equilibrium condition {d} >= 0 of ({labels[0][i]}, "
                            f"{labels[1][j]}) is not linear in {parameter!r}; give values for "
                            f"the other parameters {sorted(s.name for s in d.free_symbols - {x})}"
                            " to get a numeric threshold")
                    a, b = poly.all_coeffs()
                    root = sp.simplify(-b / a)
                    self._add_root(found, root, (labels[0][i], labels[1][j]))
        # roots of deviations in the parameter alone (numeric coefficients) are kept too
        for i in range(m):
            for j in range(n):
                diffs = self._deviations(A, B, i, j)
                if any(not d.free_symbols and d < 0 for d in diffs):
                    continue
                numeric = [d for d in diffs if d.free_symbols == {x}]
                if not numeric or not _feasible_somewhere(numeric, x, lo, hi):
                    continue
                for d in numeric:
                    for r in _real_roots(d, x):
                        if lo < r < hi:
                            self._add_root(found, r, (labels[0][i], labels[1][j]))
        out = [PriorThreshold(parameter, _clean(r), "symbolic", None, tuple(profs))
               for r, profs in found]
        return sorted(out, key=lambda t: str(t.value))

    @staticmethod
    def _add_root(found: list[tuple[Any, list[tuple[str, str]]]], root: Any,
                  profile: tuple[str, str]) -> None:
        for r, profs in found:
            if sp.simplify(r - root) == 0:
                if profile not in profs:
                    profs.append(profile)
                return
        found.append((root, [profile]))

    def _numeric_thresholds(self, parameter: str, x: sp.Symbol, A: Any, B: Any,
                            lo: Fraction, hi: Fraction, tol: float, values: Mapping[str, Any],
                            labels: tuple[tuple[str, ...], tuple[str, ...]]
                            ) -> list[PriorThreshold]:
        m, n = A.shape
        cands: dict[Any, tuple[str, set[tuple[str, str]]]] = {}

        def add(r: Any, method: str, prof: tuple[str, str]) -> None:
            for key in cands:
                if abs(float(key) - float(r)) <= max(tol, 1e-15):
                    cands[key][1].add(prof)
                    return
            cands[r] = (method, {prof})

        for i in range(m):
            for j in range(n):
                for d in self._deviations(A, B, i, j):
                    if x not in d.free_symbols:
                        continue
                    prof = (labels[0][i], labels[1][j])
                    if d.is_polynomial(x) or sp.fraction(sp.together(d))[0].is_polynomial(x):
                        for r in _real_roots(d, x):
                            if lo < r < hi:
                                add(r, "exact", prof)
                    else:
                        for r in _bisect_roots(sp.lambdify(x, d, "math"), lo, hi, tol):
                            add(r, "bisection", prof)
        name = parameter

        def bnes(v: Any) -> list[BayesNashEquilibrium]:
            return self.at(**{**values, name: _point(v)})._equilibria()

        def signature(v: Any) -> frozenset:
            return frozenset(_support_key(e) for e in bnes(v))

        points = sorted(cands, key=float)
        edges = [lo, *points, hi]
        # scan each open interval between candidates for changes of mixed equilibria
        extra: list[Any] = []
        for a, b in zip(edges[:-1], edges[1:], strict=True):
            fa, fb = float(a), float(b)
            grid = [fa + (fb - fa) * (k + 0.5) / 8 for k in range(8)]
            sigs = [signature(Fraction(g)) for g in grid]
            for g0, g1, s0, s1 in zip(grid[:-1], grid[1:], sigs[:-1], sigs[1:], strict=True):
                if s0 != s1:
                    left, right = g0, g1
                    while right - left > tol:
                        mid = (left + right) / 2
                        if signature(Fraction(mid)) == s0:
                            left = mid
                        else:
                            right = mid
                    extra.append((left + right) / 2)
        for r in extra:
            cands.setdefault(r, ("bisection", set()))
        points = sorted(cands, key=float)
        edges = [lo, *points, hi]
        out = []
        for k, r in enumerate(points):
            below_at = _midpoint(edges[k], r)
            above_at = _midpoint(r, edges[k + 2])
            below, above = bnes(below_at), bnes(above_at)
            if {_support_key(e) for e in below} == {_support_key(e) for e in above}:
                continue
            method, profs = cands[r]
            out.append(PriorThreshold(parameter, _clean(r), method,
                                      tol if method == "bisection" else None,
                                      tuple(sorted(profs)), tuple(below), tuple(above),
                                      below_at, above_at))
        return out

    # ------------------------------------------------------------ display
    def __str__(self) -> str:
        """The prior and the payoff table of each type profile.

        >>> import gametheory as gt
        >>> print(gt.BayesianGame(("A", "B"), (("-",), ("h", "l")), (("U",), ("L", "R")),
        ...     prior={"B": {"h": "1/4", "l": "3/4"}},
        ...     payoffs={"h": ([[1, 2]], [[0, 1]]), "l": ([[3, 4]], [[1, 0]])}))
        types (-, h), prior 1/4
          A \\ B  L     R
          U      1, 0  2, 1
        types (-, l), prior 3/4
          A \\ B  L     R
          U      3, 1  4, 0
        """
        lines = [self._title] if self._title else []
        for (t1, t2), (ma, mb) in self._payoffs.items():
            lines.append(f"types ({t1}, {t2}), prior {_show(self._prior[(t1, t2)])}")
            head = [f"{self._players[0]} \\ {self._players[1]}", *self._actions[1]]
            body = [[a, *(f"{_show(ma[i][j])}, {_show(mb[i][j])}"
                          for j in range(len(self._actions[1])))]
                    for i, a in enumerate(self._actions[0])]
            widths = [max(len(r[k]) for r in [head, *body]) for k in range(len(head))]
            for r in [head, *body]:
                lines.append("  " + "  ".join(c.ljust(w) for c, w in
                                              zip(r, widths, strict=True)).rstrip())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(str(self))}</pre>"

    def __repr__(self) -> str:
        t = f"{self._title!r}, " if self._title else ""
        types = "; ".join(f"{p}: {', '.join(ts)}" for p, ts in zip(self._players, self._types,
                                                                   strict=True))
        sym = ", symbolic" if self._symbolic else ""
        return f"BayesianGame({t}types {types}{sym})"


# --------------------------------------------------------------------------- helpers
def _number(v: Any, where: str) -> Fraction | float:
    try:
        return to_number(v)
    except NotANumber as err:
        raise PayoffError(f"{where}: {err}") from None


def _show(v: Any) -> str:
    return format_number(v) if isinstance(v, Fraction | float) else str(v)


def _sym(v: Fraction | float) -> sp.Expr:
    return sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else sp.Float(v)


def _point(v: Any) -> Any:
    if isinstance(v, Fraction | float | int):
        return v
    if isinstance(v, sp.Rational):
        return Fraction(int(v.p), int(v.q))
    return float(v)


def _clean(r: Any) -> Any:
    if isinstance(r, sp.Rational):
        return Fraction(int(r.p), int(r.q))
    return r


def _midpoint(a: Any, b: Any) -> Any:
    if isinstance(a, Fraction | int) and isinstance(b, Fraction | int):
        return Fraction(a + b) / 2
    if isinstance(a, sp.Rational | Fraction) and isinstance(b, sp.Rational | Fraction):
        return (_point(a) + _point(b)) / 2
    return (float(a) + float(b)) / 2


def _real_roots(d: sp.Expr, x: sp.Symbol) -> list[Any]:
    num = sp.fraction(sp.together(d))[0]
    poly = sp.Poly(sp.expand(num), x)
    if poly.degree() <= 0:
        return []
    roots = []
    for r in sp.real_roots(poly):
        roots.append(sp.nsimplify(r) if r.is_Rational else r)
    return roots


def _bisect_roots(f: Any, lo: Fraction, hi: Fraction, tol: float) -> list[float]:
    a, b = float(lo), float(hi)
    grid = [a + (b - a) * k / SCAN_POINTS for k in range(SCAN_POINTS + 1)]
    vals = []
    for g in grid:
        try:
            vals.append(float(f(g)))
        except (ValueError, ZeroDivisionError, OverflowError):
            vals.append(math.nan)
    roots = []
    for g0, g1, v0, v1 in zip(grid[:-1], grid[1:], vals[:-1], vals[1:], strict=True):
        if math.isnan(v0) or math.isnan(v1) or v0 * v1 > 0:
            continue
        if v0 == 0:
            if g0 != a:
                roots.append(g0)
            continue
        left, right = g0, g1
        while right - left > tol:
            mid = (left + right) / 2
            vm = float(f(mid))
            if vm == 0:
                left = right = mid
                break
            if (vm > 0) == (v0 > 0):
                left = mid
            else:
                right = mid
        r = (left + right) / 2
        if a < r < b:
            roots.append(r)
    return roots


def _feasible_somewhere(diffs: Sequence[sp.Expr], x: sp.Symbol, lo: Fraction,
                        hi: Fraction) -> bool:
    """Whether all ``d(x) >= 0`` hold on some open sub-interval of ``(lo, hi)``."""
    cuts = {lo, hi}
    for d in diffs:
        if d.is_polynomial(x):
            for r in _real_roots(d, x):
                if lo < r < hi:
                    cuts.add(r)
    pts = sorted(cuts, key=float)
    for a, b in zip(pts[:-1], pts[1:], strict=True):
        mid = (sp.sympify(a) + sp.sympify(b)) / 2 if all(
            isinstance(v, Fraction | sp.Rational) for v in (a, b)) else (float(a) + float(b)) / 2
        if all(float(d.subs(x, mid)) >= 0 for d in diffs):
            return True
    return False


def _support_key(e: BayesNashEquilibrium) -> tuple:
    """The support pattern of an equilibrium (which actions each type uses)."""
    return tuple(tuple(tuple(q > 0 for q in vec) for vec in side) for side in e.behaviour)


def _located(err: ParseError, where: str) -> ParseError:
    """``err`` with ``where`` prefixed, keeping its position and token."""
    out = ParseError(f"{where}: {err}")
    out.line, out.column, out.token = err.line, err.column, err.token
    return out
