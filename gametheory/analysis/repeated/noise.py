r"""Automaton play with noise: misperceived and mis-executed actions, seeded Monte Carlo.

In each period :math:`t` both automata choose their actions; with probability
:math:`\varepsilon_e` (execution error, a "tremble") a player's realised action is
replaced by one of its other actions drawn uniformly. Payoffs accrue on the realised
profile. Each player then *observes* the realised profile with private errors: with
probability :math:`\varepsilon_p` (perception error: a probe misattributed, a response
misread) it sees the opponent's action replaced by another one (uniformly among the
others, or as given by ``misread``), and its automaton moves on what it saw. Its own action
it sees correctly.

Reported are discounted averages over the simulated horizon :math:`T`,

.. math:: \hat U_i = \frac{1 - \delta}{1 - \delta^T} \sum_{t<T} \delta^t u_i(a^t),

with means over independent runs and 95% confidence intervals
(:math:`\bar x \pm 1.96\, s / \sqrt n`). With noise, grim trigger's cooperation collapses
after the first error (both end in permanent punishment), tit for tat echoes errors into
alternating punishments, and forgiving strategies (punish a few periods, then return)
recover (Axelrod 1984, ch. 9 on "echo effects"; Bendor, Kramer and Stout 1991; Nowak and
Sigmund 1993).

References
----------
Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.
Bendor, J., Kramer, R. M. and Stout, S. (1991). When in doubt...: cooperation in a noisy
prisoner's dilemma. *Journal of Conflict Resolution* 35, 691-719.
Nowak, M. and Sigmund, K. (1993). A strategy of win-stay, lose-shift that outperforms
tit-for-tat in the prisoner's dilemma game. *Nature* 364, 56-58.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("C", "D"), ("C", "D")))
>>> rg = gt.RepeatedGame(pd)
>>> grim = (gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1))
>>> res = simulate(rg, grim, discount="99/100", rounds=300, runs=200, perception_error=0.02,
...                seed=1)
>>> res.mean[0] < 2.5       # far below the noiseless 3
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..._numbers import NotANumber, to_number
from ...errors import LabelError, ParameterError
from .automata import Automaton
from .game import RepeatedGame

__all__ = ["simulate", "NoiseResult", "compare_under_noise"]

Z95 = 1.959963984540054


@dataclass(frozen=True)
class NoiseResult:
    """Monte Carlo results of noisy automaton play.

    Attributes
    ----------
    payoffs : ndarray, shape (runs, 2)
        Each run's discounted average payoffs.
    mean, ci_low, ci_high : tuple of float
        Per-player mean and 95% confidence interval.
    cooperation : ndarray, shape (rounds,)
        Share of runs in which the profile played in period t is the noiseless first
        period's profile (e.g. mutual cooperation), by period.
    seed : int or None
    """

    payoffs: np.ndarray
    mean: tuple[float, float]
    ci_low: tuple[float, float]
    ci_high: tuple[float, float]
    cooperation: np.ndarray
    seed: int | None
    perception_error: float
    execution_error: float

    def __repr__(self) -> str:
        parts = [f"{m:.3f} [{lo:.3f}, {hi:.3f}]"
                 for m, lo, hi in zip(self.mean, self.ci_low, self.ci_high, strict=True)]
        return (f"NoiseResult({self.payoffs.shape[0]} runs, perception error "
                f"{self.perception_error}, execution error {self.execution_error}: "
                f"{'; '.join(parts)})")


def _prob(v: Any, name: str) -> float:
    try:
        f = float(to_number(v))
    except NotANumber as err:
        raise ParameterError(f"{name}: {err}") from None
    if not 0 <= f <= 1:
        raise ParameterError(f"{name} must be a probability in [0, 1], got {f}")
    return f


def _flip(rng: np.random.Generator, actions: np.ndarray, k: int, p: float,
          misread: np.ndarray | None) -> np.ndarray:
    """Replace each action, with probability p, by another one (uniform or ``misread``)."""
    if p == 0 or k < 2:
        return actions
    hit = rng.random(actions.shape[0]) < p
    if misread is not None:
        other = misread[actions]
    else:
        shift = rng.integers(1, k, size=actions.shape[0])
        other = (actions + shift) % k
    return np.where(hit, other, actions)


def simulate(repeated: RepeatedGame, profile: Sequence[Automaton], discount: Any = "99/100",
             rounds: int = 200, runs: int = 1000, perception_error: Any = 0.05,
             execution_error: Any = 0.0, seed: int | None = 0,
             misread: Mapping[str, str] | None = None) -> NoiseResult:
    """Simulate noisy play of an automaton profile; reproducible for a given ``seed``.

    Parameters
    ----------
    repeated : RepeatedGame
        The repeated game (its numeric stage gives the payoffs).
    profile : pair of Automaton
    discount : number
        Discount factor in [0, 1).
    rounds, runs : int
        Horizon of each run and number of runs.
    perception_error, execution_error : number
        Probabilities of misperceiving the opponent's action and of a trembling hand.
    seed : int or None
        Seed of ``numpy.random.default_rng``; the same seed gives the same result.
    misread : mapping, optional
        Label -> label a misperceived action is mistaken for (e.g. ``{"Probe":
        "Refrain", "Refrain": "Probe"}``); the default is uniform among the other labels.

    Returns
    -------
    NoiseResult
    """
    a, b = repeated._profile(profile)
    if repeated.is_symbolic:
        raise ParameterError("noise simulation needs a numeric stage; use the stage's .at()")
    kind, d = repeated._data.discount(discount)
    if kind != "number":
        raise ParameterError("noise simulation needs a numeric discount factor")
    delta = float(d)
    pe = _prob(perception_error, "perception_error")
    ee = _prob(execution_error, "execution_error")
    if not isinstance(rounds, int) or rounds < 1 or not isinstance(runs, int) or runs < 2:
        raise ParameterError("rounds must be a positive integer and runs at least 2")
    m, n = repeated._data.shape
    labels = repeated.strategies
    mis: list[np.ndarray | None] = [None, None]
    if misread:
        for p in (0, 1):
            arr = np.arange(len(labels[p]))
            for src, dst in misread.items():
                if src in labels[p]:
                    if dst not in labels[p]:
                        raise LabelError(f"misread maps {src!r} to {dst!r}, which is not a "
                                         f"strategy of {repeated.players[p]}")
                    arr[labels[p].index(src)] = labels[p].index(dst)
            mis[p] = arr
    A = np.array([[float(v) for v in r] for r in repeated._data.A])
    B = np.array([[float(v) for v in r] for r in repeated._data.B])
    ta, tb = np.asarray(a.table), np.asarray(b.table)
    fa, fb = np.asarray(a.actions), np.asarray(b.actions)
    rng = np.random.default_rng(seed)
    sa = np.full(runs, a.initial, dtype=np.int64)
    sb = np.full(runs, b.initial, dtype=np.int64)
    tot = np.zeros((runs, 2))
    weight = 1.0
    coop = np.empty(rounds)
    i0, j0 = fa[a.initial], fb[b.initial]
    for t in range(rounds):
        i = _flip(rng, fa[sa], m, ee, None)
        j = _flip(rng, fb[sb], n, ee, None)
        coop[t] = float(np.mean((i == i0) & (j == j0)))
        tot[:, 0] += weight * A[i, j]
        tot[:, 1] += weight * B[i, j]
        seen_by_a = _flip(rng, j, n, pe, mis[1])   # row misreads the column's action
        seen_by_b = _flip(rng, i, m, pe, mis[0])
        sa = ta[sa, i, seen_by_a]
        sb = tb[sb, seen_by_b, j]
        weight *= delta
    norm = (1 - delta) / (1 - delta ** rounds) if delta > 0 else 1.0
    pay = tot * norm
    mean = pay.mean(axis=0)
    half = Z95 * pay.std(axis=0, ddof=1) / math.sqrt(runs)
    return NoiseResult(pay, (float(mean[0]), float(mean[1])),
                       (float(mean[0] - half[0]), float(mean[1] - half[1])),
                       (float(mean[0] + half[0]), float(mean[1] + half[1])), coop, seed,
                       pe, ee)


def compare_under_noise(repeated: RepeatedGame, profiles: Mapping[str, Sequence[Automaton]],
                        errors: Sequence[Any] = (0.0, 0.01, 0.05, 0.1), **options: Any
                        ) -> Any:
    """A table (pandas DataFrame) of mean payoffs with confidence intervals by profile and
    perception error; every cell uses the same ``seed`` (common random numbers).

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> rg = gt.RepeatedGame(pd)
    >>> S = gt.strategies
    >>> t = compare_under_noise(rg, {"grim": (S.grim_trigger(pd, 0), S.grim_trigger(pd, 1))},
    ...                         errors=(0, 0.05), runs=50, rounds=100)
    >>> list(t.columns)[:4]
    ['profile', 'perception_error', 'mean: Row', 'low: Row']
    """
    import pandas as pd

    rows = []
    for name, prof in profiles.items():
        for e in errors:
            r = simulate(repeated, prof, perception_error=e, **options)
            row = {"profile": name, "perception_error": float(e)}
            for p, player in enumerate(repeated.players):
                row[f"mean: {player}"] = r.mean[p]
                row[f"low: {player}"] = r.ci_low[p]
                row[f"high: {player}"] = r.ci_high[p]
            rows.append(row)
    return pd.DataFrame(rows)
