r"""Finitely repeated games: subgame-perfect play by backward induction, and the normal
form of the repeated game (nashpy's encoding) with a size check.

In the last period any subgame-perfect equilibrium plays a stage equilibrium; when the
stage has a unique one the continuation is fixed whatever happened, so the argument
unravels to the first period (Luce and Raiffa 1957 for the prisoner's dilemma; Selten
1978's chain-store paradox for a sequential stage). With several stage equilibria every
sequence of them is a subgame-perfect outcome, and threats to switch between them can
sustain more (Benoit and Krishna 1985).

References
----------
Luce, R. D. and Raiffa, H. (1957). *Games and Decisions*. Wiley, chapter 5.
Selten, R. (1978). The chain store paradox. *Theory and Decision* 9, 127-159.
Benoit, J.-P. and Krishna, V. (1985). Finitely repeated games. *Econometrica* 53,
905-922.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> finite_horizon(StageData(pd), 2).periods
[[('D', 'D')], [('D', 'D')]]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ...core.game import NormalFormGame
from ...errors import GameError, ParameterError, SolverError
from .joint import StageData

__all__ = ["FiniteHorizonResult", "finite_horizon", "repeated_game_size",
           "obtain_repeated_game"]


@dataclass(frozen=True)
class FiniteHorizonResult:
    """Subgame-perfect play of a finitely repeated game built by backward induction.

    ``periods[t]`` lists, for period ``t`` (0 first), the stage outcomes the backward
    induction allows (pure profiles as label pairs, or Equilibrium values); ``unique`` says
    whether the subgame-perfect outcome is unique; ``totals`` are the summed stage payoffs
    along the first outcome; ``note`` explains the result.
    """

    horizon: int
    periods: list
    unique: bool
    totals: tuple
    note: str




def finite_horizon(data: StageData, horizon: int) -> FiniteHorizonResult:
    """Subgame-perfect play of the ``horizon``-times repeated stage, by backward induction
    (see :meth:`RepeatedGame.finite_horizon`).

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> finite_horizon(StageData(pd), 4).totals
    (Fraction(4, 1), Fraction(4, 1))
    """
    if not isinstance(horizon, int) or isinstance(horizon, bool) or horizon < 1:
        raise ParameterError(f"horizon must be a positive integer, got {horizon!r}")
    if data.symbolic:
        raise GameError("finite_horizon needs a numeric stage; use the stage's .at(...)")
    m, n = data.shape
    lab0, lab1 = data.strategies
    if data.follows is not None:
        # backward induction inside the stage: follower's replies, then the leader
        reply = {}
        for i in data.follows:
            col = [data.B[i][j] for j in range(n)]
            best = max(col)
            reply[i] = [j for j in range(n) if col[j] == best]
        outcomes = []
        leader_vals = []
        for i in range(m):
            js = reply.get(i, [0])
            for j in js:
                leader_vals.append((data.A[i][j], i, j))
        top = max(v for v, _, _ in leader_vals)
        outcomes = [(lab0[i], lab1[j] if i in data.follows else "-")
                    for v, i, j in leader_vals if v == top]
        first = next((i, j) for v, i, j in leader_vals if v == top)
        unique = len(outcomes) == 1
        note = ("unique backward-induction outcome of the stage, repeated: the "
                "chain-store paradox unravels every period" if unique else
                "several backward-induction outcomes of the stage (ties)")
        tot = (data.A[first[0]][first[1]] * horizon, data.B[first[0]][first[1]] * horizon)
        return FiniteHorizonResult(horizon, [list(outcomes) for _ in range(horizon)],
                                   unique, tot, note)
    eqs = data.game.equilibria()
    unique = len(eqs) == 1
    items = [e.pure_labels() or e for e in eqs]
    e0 = eqs[0]
    tot = (e0.payoffs[0] * horizon, e0.payoffs[1] * horizon)
    note = ("unique stage equilibrium: the unique subgame-perfect outcome repeats it in "
            "every period" if unique else
            f"{len(eqs)} stage equilibria: any sequence of them is a subgame-perfect "
            "outcome, and threats to switch between them may sustain others "
            "(Benoit and Krishna 1985)")
    return FiniteHorizonResult(horizon, [list(items) for _ in range(horizon)], unique,
                               tot, note)



# ============================================================================ nashpy
def repeated_game_size(shape: tuple[int, int], repetitions: int) -> tuple[int, int]:
    """Rows and columns of the normal form of a finitely repeated game (nashpy's encoding).

    A pure strategy picks an action after each history of the first ``repetitions - 1``
    periods; there are :math:`H = \\sum_{t<T} (mn)^t` histories, so :math:`m^H` and
    :math:`n^H` strategies.

    >>> repeated_game_size((2, 3), 2)
    (128, 2187)
    """
    m, n = shape
    H = sum((m * n) ** t for t in range(repetitions))
    return m ** H, n ** H


def obtain_repeated_game(stage: NormalFormGame, repetitions: int,
                         max_cells: int = 1_000_000) -> NormalFormGame:
    """nashpy's ``obtain_repeated_game`` with a size check first.

    The normal form of a ``repetitions``-times repeated game has
    :func:`repeated_game_size` strategies per player, built cell by cell in Python by
    nashpy; anything beyond ``max_cells`` cells is refused with a :class:`SolverError`
    before any memory is used.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> gt.repeated.obtain_repeated_game(pd, 2).shape
    (32, 32)
    """
    if not isinstance(repetitions, int) or isinstance(repetitions, bool) or repetitions < 1:
        raise ParameterError(f"repetitions must be a positive integer, got {repetitions!r}")
    if not isinstance(stage, NormalFormGame):
        raise GameError("obtain_repeated_game needs a NormalFormGame stage")
    m, n = stage.shape
    # sizes grow doubly exponentially: bound them without building huge integers
    H = sum((m * n) ** t for t in range(repetitions))
    log_cells = H * (math.log10(m) + math.log10(n))
    if log_cells > math.log10(max_cells) + 1e-12:
        if log_cells < 300:
            rows, cols = repeated_game_size((m, n), repetitions)
            size = f"{rows} x {cols} = {rows * cols:.3e} cells"
        else:
            size = f"about 10^{log_cells:.0f} cells"
        raise SolverError(
            f"the {repetitions}-times repeated {m}x{n} game has {size} in its normal form "
            f"(nashpy builds every cell in Python; limit max_cells={max_cells}); use "
            "RepeatedGame with automaton strategies, or finite_horizon, instead")
    import nashpy
    from nashpy.repeated_games import obtain_repeated_game as _nashpy_repeated

    A, B = stage.as_float()
    big = _nashpy_repeated(nashpy.Game(A, B), repetitions)
    RA, RB = big.payoff_matrices
    return NormalFormGame(np.asarray(RA, dtype=float), np.asarray(RB, dtype=float),
                          players=stage.players,
                          title=f"{stage.title or 'stage'} repeated {repetitions} times")
