r"""Discounted repeated games with finite-automaton strategies.

The repeated game
-----------------
A stage game :math:`G = (A_1, A_2, u_1, u_2)` is played in periods
:math:`t = 0, 1, 2, \dots` with perfect monitoring; payoffs are discounted *averages*

.. math::  U_i = (1 - \delta) \sum_{t \ge 0} \delta^t u_i(a^t), \qquad 0 \le \delta < 1,

so they are on the scale of stage payoffs. A profile of finite automata
(:mod:`gametheory.analysis.repeated.automata`) induces a joint automaton whose values are
computed exactly in :mod:`.joint`. :class:`RepeatedGame` validates a stage and profiles
and gathers the analyses of its sibling modules as methods:

- :mod:`.deviations`: subgame perfection by the one-shot deviation principle, and Nash
  equilibrium by exact policy iteration;
- :mod:`.discount`: the critical discount factor, exactly (roots of the gains'
  numerators), or as a formula in the parameters of a parametric stage;
- :mod:`.finite`: the finitely repeated game by backward induction.

Joint states no history leads to are irrelevant to subgame perfection (checking them
would reject grim trigger in the prisoner's dilemma at the impossible state "I cooperate,
you punish"). With ``follower_moves_after`` the row player moves first and the column
player, having seen the row's action, moves only after the listed actions (its strategy
labels are replies, as in the probe-response game).

References
----------
Mailath, G. J. and Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
University Press, chapter 2.

Examples
--------
>>> import gametheory as gt, sympy
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> rg = gt.RepeatedGame(pd)
>>> grim = (gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1))
>>> rg.critical_discount(grim)
Fraction(1, 2)
>>> bool(rg.is_subgame_perfect(grim, "1/3"))
False
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np

from ..._numbers import format_number
from ...core.game import NormalFormGame
from ...core.parametric import ParametricGame
from ...errors import GameError, ProfileError
from .automata import Automaton, mirror
from .deviations import Deviation, NashCheck, SubgamePerfection, nash_check, subgame_perfection
from .discount import DiscountAnalysis, discount_analysis
from .finite import FiniteHorizonResult, finite_horizon
from .joint import Stage, StageData

__all__ = ["RepeatedGame"]


class RepeatedGame:
    """The infinitely repeated game of a two-player stage game, with discounting.

    Parameters
    ----------
    stage : NormalFormGame or ParametricGame
        The stage game (a parametric stage gives answers as sympy expressions of its
        parameters).
    follower_moves_after : collection of str, optional
        Makes the stage sequential: the row player moves first and the column player,
        seeing it, replies only after these row actions; after the other row actions the
        stage ends, so the column player's payoffs there must not depend on its label and
        automata must not condition on the (unobserved) column label there.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> rg = gt.RepeatedGame(pd)
    >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
    >>> rg.payoffs(tft, "9/10")
    (Fraction(3, 1), Fraction(3, 1))
    >>> rg.critical_discount(tft) is None  # Axelrod's payoffs: never subgame perfect
    True
    """


    def __init__(self, stage: Stage, follower_moves_after: Collection[str] | None = None
                 ) -> None:
        self._data = StageData(stage, follower_moves_after)
        self._stage = stage

    # ------------------------------------------------------------------ properties
    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def players(self) -> tuple[str, str]:
        return self._data.players

    @property
    def strategies(self) -> tuple[tuple[str, ...], ...]:
        return self._data.strategies

    @property
    def is_symbolic(self) -> bool:
        """True for a stage with free parameters."""
        return self._data.symbolic

    @property
    def parameters(self) -> tuple:
        """The sympy symbols of a parametric stage, in the field's order."""
        return self._data.params

    @property
    def is_sequential(self) -> bool:
        return self._data.follows is not None

    def __repr__(self) -> str:
        kind = "sequential" if self.is_sequential else "simultaneous"
        title = self._stage.title
        m, n = self._data.shape
        return (f"RepeatedGame({title + ', ' if title else ''}{self.players[0]} x "
                f"{self.players[1]}, {m}x{n} {kind} stage)")

    def _repr_markdown_(self) -> str:
        """Jupyter: what is repeated, then the stage game (its LaTeX when parametric)."""
        kind = "sequential" if self.is_sequential else "simultaneous"
        head = (f"**Repeated game** (infinitely repeated, discounted; {kind} stage): "
                f"{self.players[0]} x {self.players[1]}")
        stage = self._stage._repr_latex_() if isinstance(self._stage, ParametricGame) \
            else self._stage._repr_html_()
        return f"{head}\n\n{stage}"

    # ------------------------------------------------------------------ validation
    def _profile(self, profile: object) -> tuple[Automaton, Automaton]:
        """The profile as (row automaton, column automaton), checked against the stage."""
        data = self._data
        if not isinstance(profile, Sequence) or len(profile) != 2:
            raise ProfileError("a profile of the repeated game is a pair (row automaton, "
                               f"column automaton); got {profile!r}")
        a, b = profile
        for k, aut in enumerate((a, b)):
            if not isinstance(aut, Automaton):
                raise ProfileError(f"profile entry {k} is {type(aut).__name__}, not an "
                                   "Automaton (see gt.strategies)")
            if aut.player != k:
                raise ProfileError(f"profile entry {k} is an automaton of "
                                   f"{aut.player_name!r}; entry {k} must be "
                                   f"{data.players[k]!r}'s")
            if aut.stage_labels[1] != data.strategies:
                raise ProfileError(f"automaton {aut.name!r} was written for strategies "
                                   f"{aut.stage_labels[1]}, not this stage's "
                                   f"{data.strategies}")
        if data.follows is not None:
            for aut in (a, b):
                t = aut.table
                for i in range(data.shape[0]):
                    if i in data.follows:
                        continue
                    if (t[:, i, :] != t[:, i, :1]).any():
                        raise ProfileError(
                            f"automaton {aut.name!r} reacts to the column player's label "
                            f"after {data.strategies[0][i]!r}, but the column player does "
                            "not move then, so nothing is observed")
        return a, b

    # ------------------------------------------------------------------ public API
    def payoffs(self, profile: Sequence[Automaton], discount: Any) -> tuple[Any, Any]:
        """Discounted average payoffs :math:`(1-\\delta)\\sum_t \\delta^t u_i(a^t)`.

        Parameters
        ----------
        profile : pair of Automaton
        discount : number or sympy Symbol
            A number in [0, 1) (rational input with an exact stage gives Fractions) or a
            Symbol (sympy expressions in it).

        Examples
        --------
        >>> import gametheory as gt, sympy
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> d = sympy.Symbol("delta")
        >>> prof = (gt.strategies.always(pd, 0, "D"), gt.strategies.tit_for_tat(pd, 1))
        >>> rg.payoffs(prof, d)
        (5 - 4*delta, delta)
        """
        a, b = self._profile(profile)
        return self._data.path_values(a, b, self._data.domain(discount))

    def path(self, profile: Sequence[Automaton], periods: int = 10) -> list[tuple[str, str]]:
        """The action profiles played in the first ``periods`` periods.

        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> rg.path((gt.strategies.always(pd, 0, "D"), gt.strategies.tit_for_tat(pd, 1)), 3)
        [('D', 'C'), ('D', 'D'), ('D', 'D')]
        """
        a, b = self._profile(profile)
        s1, s2 = a.initial, b.initial
        out = []
        for _ in range(int(periods)):
            i, j = a.actions[s1], b.actions[s2]
            out.append((self._data.strategies[0][i], self._data.strategies[1][j]))
            s1, s2 = int(a.table[s1, i, j]), int(b.table[s2, i, j])
        return out

    def is_subgame_perfect(self, profile: Sequence[Automaton], discount: Any,
                           states: str = "accessible") -> SubgamePerfection:
        """One-shot deviation check at every joint state some history leads to.

        Returns a :class:`SubgamePerfection` that is truthy iff the profile is a
        subgame-perfect equilibrium and reports every profitable deviation (state,
        player, action, gain). Exact for exact stages and rational discounts; float
        comparisons use a tolerance of 1e-9 times the largest absolute payoff.

        ``states="accessible"`` (default) checks every joint state some history leads to,
        on or off the path of play, which is what subgame perfection requires;
        ``states="all"`` checks every pair of automaton states, including pairs no
        history can produce (a stronger, history-free requirement: grim trigger fails it
        at "I cooperate, you punish").

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
        >>> rg.is_subgame_perfect(tft, "2/3").deviation
        Deviation(state (punish, punish): Row plays C instead of D, gain 1 at discount 2/3)
        """
        return subgame_perfection(self._data, *self._profile(profile), discount, states)

    def is_nash(self, profile: Sequence[Automaton], discount: Any) -> NashCheck:
        """Whether the profile is a Nash equilibrium of the repeated game.

        Each player's best response to the other's automaton is found by exact policy
        iteration over the opponent's states.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
        >>> bool(rg.is_nash(tft, "2/3")), bool(rg.is_nash(tft, "1/2"))
        (True, False)
        """
        return nash_check(self._data, *self._profile(profile), discount)

    # ------------------------------------------------------------------ thresholds
    def critical_discount(self, profile: Sequence[Automaton], concept: str = "spe",
                          at: Mapping[Any, Any] | None = None, states: str = "accessible") -> Any:
        """The least discount factor at which the profile is an equilibrium, exactly.

        Parameters
        ----------
        profile : pair of Automaton
        concept : {"spe", "nash"}
            Subgame perfection (default) or Nash equilibrium.
        at : dict, optional
            Parametric stages: a reference point (parameter name or symbol -> value) that
            fixes the signs of the parameter expressions; default the stage's parameter
            defaults. The answer holds on the region of parameter space with those signs
            (see :meth:`discount_analysis` ``.conditions``).

        Returns
        -------
        Fraction, float, Formula or None
            A parametric stage gives a :class:`~gametheory.core.formula.Formula` (a sympy
            expression that displays in the parameters' LaTeX symbols; ``.expr`` is the
            bare expression). None when no discount factor in [0, 1) works; then
            ``discount_analysis(profile).breaking`` names the state whose one-shot
            deviation breaks the profile.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
        >>> rg.critical_discount(tft, concept="nash")
        Fraction(2, 3)
        """
        return self.discount_analysis(profile, concept=concept, at=at, states=states).critical

    def breaking_deviation(self, profile: Sequence[Automaton], concept: str = "spe",
                           at: Mapping[Any, Any] | None = None) -> Deviation | None:
        """The deviation that leaves no discount factor working (None if one works)."""
        return self.discount_analysis(profile, concept=concept, at=at).breaking

    def discount_analysis(self, profile: Sequence[Automaton], concept: str = "spe",
                          at: Mapping[Any, Any] | None = None, states: str = "accessible"
                          ) -> DiscountAnalysis:
        """Every constraint on the discount factor, the region where all hold, its least
        element, and (when empty) the breaking deviation. See :meth:`critical_discount`.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> tft = (gt.strategies.tit_for_tat(pd, 0), gt.strategies.tit_for_tat(pd, 1))
        >>> rg.discount_analysis(tft).breaking.state
        ('punish', 'punish')
        """
        return discount_analysis(self._data, *self._profile(profile), concept=concept, at=at,
                                 states=states)

    # ------------------------------------------------------------------ meta-game
    def meta_game(self, row_strategies: Sequence[Automaton],
                  column_strategies: Sequence[Automaton] | None = None,
                  discount: Any = "9/10", title: str = "",
                  merge_duplicates: bool = False) -> NormalFormGame:
        """The normal-form game whose strategies are automata and payoffs discounted payoffs.

        With ``column_strategies`` omitted and the same labels for both players, the
        column player gets the mirror images of ``row_strategies``. Solve it with
        ``.equilibria()`` like any game.

        Automata that behave alike against the whole pool (e.g. tit for tat and grim
        trigger among nice strategies) give identical payoff rows; each duplicate
        multiplies the extreme equilibria of the (degenerate) meta-game. With
        ``merge_duplicates=True`` strategies whose payoff rows (columns) are identical for
        both players are merged into one, labelled ``"a = b"``.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> rg = gt.RepeatedGame(pd)
        >>> S = gt.strategies
        >>> meta = rg.meta_game([S.always(pd, 0, "D"), S.grim_trigger(pd, 0)], discount="3/4")
        >>> [e.pure_labels() for e in meta.pure_equilibria()]
        [('always D', 'always D'), ('grim trigger', 'grim trigger')]
        """
        if self._data.symbolic:
            raise GameError("meta_game needs a numeric stage; use the stage's .at(...) first")
        rows = list(row_strategies)
        cols = list(column_strategies) if column_strategies is not None else [
            mirror(s) for s in rows]
        if not rows or not cols:
            raise ProfileError("meta_game needs at least one automaton per player")
        dom = self._data.domain(discount)
        A = np.empty((len(rows), len(cols)), dtype=object)
        B = np.empty((len(rows), len(cols)), dtype=object)
        for i, s in enumerate(rows):
            for j, t in enumerate(cols):
                A[i, j], B[i, j] = self.payoffs((s, t), discount)
        if dom.kind == "float":
            A, B = A.astype(float), B.astype(float)

        def labels(auts: list[Automaton]) -> list[str]:
            names = [x.name for x in auts]
            return [nm if names.count(nm) == 1 else f"{nm} #{k + 1}"
                    for k, nm in enumerate(names)]

        rlab, clab = labels(rows), labels(cols)
        if merge_duplicates:
            def groups(keys: list) -> list[list[int]]:
                seen: dict = {}
                for k, key in enumerate(keys):
                    seen.setdefault(key, []).append(k)
                return list(seen.values())

            rg_ = groups([(tuple(A[i, :]), tuple(B[i, :])) for i in range(A.shape[0])])
            cg_ = groups([(tuple(A[:, j]), tuple(B[:, j])) for j in range(A.shape[1])])
            ri, ci = [g[0] for g in rg_], [g[0] for g in cg_]
            A, B = A[np.ix_(ri, ci)], B[np.ix_(ri, ci)]
            rlab = [" = ".join(rlab[k] for k in g) for g in rg_]
            clab = [" = ".join(clab[k] for k in g) for g in cg_]
        return NormalFormGame(A, B, players=self._data.players, strategies=(rlab, clab),
                              title=title or f"meta-game at discount {format_number(dom.delta)}")

    # ------------------------------------------------------------------ finite horizon
    def finite_horizon(self, horizon: int) -> FiniteHorizonResult:
        """Subgame-perfect play of the ``horizon``-times repeated stage, by backward induction.

        In the last period any subgame-perfect equilibrium plays a stage equilibrium; when
        the stage has a unique one (for a sequential stage: a unique backward-induction
        outcome) the continuation is fixed whatever happened, so the argument unravels to
        the first period (Selten 1978's chain-store paradox; Luce and Raiffa 1957 for the
        prisoner's dilemma). With several stage equilibria, every sequence of them is a
        subgame-perfect outcome, and threats to switch between them can sustain more
        (Benoit and Krishna 1985); the result then lists the stage equilibria per period.

        Examples
        --------
        >>> import gametheory as gt
        >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
        ...                        strategies=(("C", "D"), ("C", "D")))
        >>> res = gt.RepeatedGame(pd).finite_horizon(3)
        >>> res.periods[0], res.unique, res.totals
        ([('D', 'D')], True, (Fraction(3, 1), Fraction(3, 1)))
        """
        return finite_horizon(self._data, horizon)
