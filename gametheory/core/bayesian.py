r"""Two-player Bayesian games as data, and their Harsanyi normal form.

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

A *Bayes-Nash equilibrium* is a Nash equilibrium of this game. This module holds the
game as validated data and builds its Harsanyi form; the equilibria, reported per type,
and the prior thresholds where they change are computed in
:mod:`gametheory.solve.bayesian` (and reached from :meth:`BayesianGame.bayes_nash_equilibria`
and :meth:`BayesianGame.prior_threshold`).

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
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from .._labels import label_tuple
from .._numbers import NotANumber, format_number, to_number
from ..errors import (
    GameError,
    LabelError,
    PayoffError,
    SolverError,
)
from .evaluation import substitute
from .expressions import entry_value
from .game import NormalFormGame
from .values import (
    Declared,
    check_distribution,
    declared_parameters,
    is_symbolic_value,
    substitution,
)

if TYPE_CHECKING:
    from ..solve.bayesian import BayesNashEquilibrium, PriorThreshold

__all__ = ["BayesianGame"]

#: Largest Harsanyi normal form (cells) built.
MAX_CELLS = 100_000


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
                 payoffs: Mapping[Any, Any], parameters: Sequence[Declared] | None = None,
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
        self._symbolic = any(is_symbolic_value(v) for v in self._prior.values()) or any(
            is_symbolic_value(v) for mats in self._payoffs.values() for m in mats
            for row in m for v in row)

    # ------------------------------------------------------------ construction
    def _declare(self, parameters: Sequence[Declared] | None, prior: Any, payoffs: Any
                 ) -> tuple[tuple[Declared, ...], dict[str, sp.Symbol]]:
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
        return declared_parameters(parameters, sorted(names) if parameters is None else ())

    def _value(self, raw: Any, where: str) -> Any:
        return entry_value(raw, self._symbols, where)

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
                check_distribution(probs, f"prior of {self._players[i]}")
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
        check_distribution(full, "prior")
        return full

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
    def parameters(self) -> tuple[Declared, ...]:
        return self._parameters

    @property
    def is_symbolic(self) -> bool:
        return self._symbolic

    @property
    def symbols(self) -> dict[str, sp.Symbol]:
        """``{parameter name: sympy symbol}`` of the declared parameters."""
        return dict(self._symbols)

    def prior(self, t1: str, t2: str) -> Any:
        """Prior probability of the type profile ``(t1, t2)``."""
        return self._prior[self._type_profile((t1, t2), "prior()")]

    def payoffs(self, t1: str, t2: str) -> tuple[list[list[Any]], list[list[Any]]]:
        """The payoff matrices ``(A, B)`` at the type profile ``(t1, t2)`` (rows: player
        1's actions, columns: player 2's).

        Examples
        --------
        >>> import gametheory as gt
        >>> g = gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U",), ("L", "R")),
        ...     prior={"B": {"h": "1/4", "l": "3/4"}},
        ...     payoffs={"h": ([[1, 2]], [[0, 1]]), "l": ([[3, 4]], [[1, 0]])})
        >>> [[int(v) for v in row] for row in g.payoffs("x", "l")[0]]
        [[3, 4]]
        """
        return self._payoffs[self._type_profile((t1, t2), "payoffs()")]

    # ------------------------------------------------------------ Harsanyi form
    def strategies(self, player: int) -> list[tuple[str, ...]]:
        """Pure strategies of player 0 or 1: one action per own type, in type order
        (the Harsanyi form's strategies, in its order).

        >>> import gametheory as gt
        >>> g = gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U",), ("L", "R")),
        ...     prior={"B": {"h": "1/4", "l": "3/4"}},
        ...     payoffs={"h": ([[1, 2]], [[0, 1]]), "l": ([[3, 4]], [[1, 0]])})
        >>> g.strategies(1)
        [('L', 'L'), ('L', 'R'), ('R', 'L'), ('R', 'R')]
        """
        return list(itertools.product(self._actions[player],
                                      repeat=len(self._types[player])))

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
        s0, s1 = self.strategies(0), self.strategies(1)
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
        subs = self.substitution(values, fill_defaults=True)

        def num(v: Any, where: str) -> Any:
            return _number(substitute(v, subs, where), where) if is_symbolic_value(v) else v

        prior = {k: num(v, f"prior of {k}") for k, v in self._prior.items()}
        payoffs = {k: tuple([[num(v, f"payoffs at {k}") for v in row] for row in m]
                            for m in mats) for k, mats in self._payoffs.items()}
        return BayesianGame(self._players, self._types, self._actions, prior, payoffs,
                            parameters=(), title=self._title)

    def substitution(self, values: Mapping[str, Any], fill_defaults: bool
                     ) -> dict[sp.Symbol, Any]:
        """``{symbol: value}`` for the given parameter values, checked against the declared
        parameters; with ``fill_defaults`` the others take their defaults (or raise).

        >>> import gametheory as gt
        >>> g = gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U",), ("L",)),
        ...     prior={"B": {"h": "q", "l": "1 - q"}},
        ...     payoffs={"h": ([[1]], [[0]]), "l": ([[0]], [[0]])}, parameters=["q"])
        >>> g.substitution({"q": "1/3"}, fill_defaults=False)
        {q: 1/3}
        """
        return substitution(self._parameters, self._symbols, values,
                            fill_defaults=fill_defaults)

    # ------------------------------------------------------------ equilibria
    # ------------------------------------------------------------ solving (facades in solve/)
    def bayes_nash_equilibria(self, pure: bool = False, **values: Any
                              ) -> list[BayesNashEquilibrium]:
        """Bayes-Nash equilibria: the Harsanyi form's extreme equilibria, per type.

        Symbolic games are evaluated at ``values`` (defaults fill the rest). Mixtures that
        induce the same behaviour at every type are reported once. ``pure=True`` returns
        only the pure equilibria (fast on large Harsanyi forms). See
        :func:`gametheory.solve.bayesian.bayes_nash_equilibria`.

        Examples
        --------
        >>> import gametheory as gt
        >>> g = gt.BayesianGame(("A", "B"), (("x",), ("h", "l")), (("U", "D"), ("L", "R")),
        ...     prior={"B": {"h": "1/4", "l": "3/4"}},
        ...     payoffs={"h": ([[4, 0], [0, 0]], [[1, 0], [0, 1]]),
        ...              "l": ([[0, 0], [0, 4]], [[0, 1], [1, 0]])})
        >>> [e.describe() for e in g.bayes_nash_equilibria() if e.is_pure]
        ['A: D; B: R if h, L if l  (payoffs 0, 1)']
        """
        from ..solve.bayesian import bayes_nash_equilibria

        return bayes_nash_equilibria(self, pure, **values)

    def prior_threshold(self, parameter: str, *, lower: Any = None, upper: Any = None,
                        tol: float = 1e-12, **values: Any) -> list[PriorThreshold]:
        """Values of a prior parameter at which the Bayes-Nash equilibria change.

        ``lower`` and ``upper`` bound the search (default: the parameter's bounds, else
        [0, 1]); ``tol`` is the bracket width where bisection stops; ``values`` fix other
        parameters (those left out stay symbolic and the thresholds are closed forms in
        them). See :func:`gametheory.solve.bayesian.prior_threshold`.

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
        from ..solve.bayesian import prior_threshold

        return prior_threshold(self, parameter, lower=lower, upper=upper, tol=tol, **values)

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
            lines.append(f"types ({t1}, {t2}), prior {format_number(self._prior[(t1, t2)])}")
            head = [f"{self._players[0]} \\ {self._players[1]}", *self._actions[1]]
            body = [[a, *(f"{format_number(ma[i][j])}, {format_number(mb[i][j])}"
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


