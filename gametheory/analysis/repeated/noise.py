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

Exact values (:func:`noisy_values`). Any noise that turns the intended profile
:math:`a` into outcomes :math:`o` with probabilities :math:`q(o \mid a)`, each with stage
payoffs :math:`u(o)` and a profile :math:`s_1(o), s_2(o)` that each player's automaton
*sees*, makes the joint automaton a Markov chain on pairs of states
:math:`w = (w_1, w_2)`: from :math:`w` the outcome :math:`o` of
:math:`q(\cdot \mid f(w))` leads to :math:`(\tau_1(w_1, s_1(o)), \tau_2(w_2, s_2(o)))`.
Its discounted average values solve the linear system

.. math:: V = (1 - \delta)\, r + \delta P V, \qquad
          r(w) = \sum_o q(o \mid f(w))\, u(o),

solved exactly (Fractions, by Gaussian elimination) on the states reachable from the
initial one. :func:`perception_kernel` gives the noise of :func:`simulate` in this form,
so the Monte Carlo estimates can be checked against exact values; a model supplies its
own kernel (missed detections and false alarms in the repeated probe-response game,
:mod:`gametheory.models.repeated_probe`).

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
from fractions import Fraction
from typing import Any, Protocol

import numpy as np

from ..._numbers import NotANumber, to_number
from ...errors import LabelError, ParameterError, SolverError
from .automata import Automaton
from .game import RepeatedGame

__all__ = ["simulate", "NoiseResult", "compare_under_noise", "NoiseKernel", "NoisyOutcome",
           "NoisyValues", "noisy_values", "perception_kernel", "MAX_NOISY_STATES"]

#: Largest number of joint states :func:`noisy_values` solves for (a dense exact system).
MAX_NOISY_STATES = 400

#: One outcome of a noisy period: ``(probability, (row payoff, column payoff), cell the row
#: player's automaton sees, cell the column player's automaton sees)``; cells are pairs of
#: action indices ``(row action, column action)``.
NoisyOutcome = tuple[Any, tuple[Any, Any], tuple[int, int], tuple[int, int]]

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


class NoiseKernel(Protocol):
    """What noise does to an intended action profile: its outcomes with probabilities.

    Called with the intended row and column action indices, returns
    :data:`NoisyOutcome` tuples whose probabilities sum to one.
    """

    def __call__(self, row: int, col: int) -> Sequence[NoisyOutcome]: ...


@dataclass(frozen=True)
class NoisyValues:
    """Exact discounted average values of an automaton profile under noise.

    Attributes
    ----------
    values : tuple
        Both players' values from the initial joint state.
    states : dict
        ``{(row state, column state): (row value, column value)}`` for every joint state
        reachable from the initial one.
    discount : Fraction or float
    """

    values: tuple[Any, Any]
    states: dict[tuple[str, str], tuple[Any, Any]]
    discount: Any


def _solve(M: list[list[Any]], b: list[list[Any]]) -> list[list[Any]]:
    """Solve ``M X = b`` (b with several columns) by Gauss-Jordan elimination; exact for
    Fractions (pivot: first non-zero), partial pivoting for floats."""
    n = len(M)
    rows = [M[k][:] + b[k][:] for k in range(n)]
    for c in range(n):
        cand = [r for r in range(c, n) if rows[r][c] != 0]
        if not cand:
            raise SolverError("the noisy joint automaton's linear system is singular")
        piv = max(cand, key=lambda r: abs(rows[r][c])) if isinstance(rows[c][c], float) \
            else cand[0]
        rows[c], rows[piv] = rows[piv], rows[c]
        p = rows[c][c]
        rows[c] = [x / p for x in rows[c]]
        for r in range(n):
            if r != c and rows[r][c] != 0:
                f = rows[r][c]
                rows[r] = [x - f * y for x, y in zip(rows[r], rows[c], strict=True)]
    return [r[n:] for r in rows]


def noisy_values(repeated: RepeatedGame, profile: Sequence[Automaton], kernel: NoiseKernel,
                 discount: Any = "9/10") -> NoisyValues:
    r"""Exact values of an automaton profile when ``kernel`` adds noise to every period.

    See the module docstring for the linear system. Rational probabilities, payoffs and
    discount factor give Fractions; any float makes the computation floating point.

    Parameters
    ----------
    repeated : RepeatedGame
        Only its labels are used (and its numeric stage by kernels that read it).
    profile : pair of Automaton
    kernel : NoiseKernel
        ``kernel(i, j)`` -> outcomes of the intended profile ``(i, j)``.
    discount : number
        In [0, 1).

    Raises
    ------
    ParameterError
        For a bad discount factor or kernel probabilities that do not sum to one.
    SolverError
        Beyond :data:`MAX_NOISY_STATES` reachable joint states.

    Examples
    --------
    Grim trigger in the prisoner's dilemma when each player misreads the other's action
    with probability 1/10 (:func:`perception_kernel`):

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
    ...                        strategies=(("C", "D"), ("C", "D")))
    >>> rg = gt.RepeatedGame(pd)
    >>> grim = (gt.strategies.grim_trigger(pd, 0), gt.strategies.grim_trigger(pd, 1))
    >>> noisy_values(rg, grim, perception_kernel(rg, "1/10"), "9/10").values[0]
    Fraction(45291, 24661)
    """
    a, b = repeated._profile(profile)
    kind, d = repeated._data.discount(discount)
    if kind != "number":
        raise ParameterError("noisy_values needs a numeric discount factor")
    ta, tb, fa, fb = a.table, b.table, a.actions, b.actions
    k2 = b.size
    z0 = a.initial * k2 + b.initial
    order, index = [z0], {z0: 0}
    trans: list[list[tuple[Any, int]]] = []
    rew: list[tuple[Any, Any]] = []
    k = 0
    while k < len(order):
        z = order[k]
        s1, s2 = divmod(z, k2)
        outs = kernel(int(fa[s1]), int(fb[s2]))
        total = sum(o[0] for o in outs)
        if abs(total - 1) > (1e-12 if isinstance(total, float) else 0):
            raise ParameterError(f"noise kernel probabilities at {(fa[s1], fb[s2])} sum to "
                                 f"{total}, not 1")
        row: list[tuple[Any, int]] = []
        r0 = r1 = 0
        for prob, (u0, u1), seen_a, seen_b in outs:
            if prob == 0:
                continue
            w = int(ta[s1, seen_a[0], seen_a[1]]) * k2 + int(tb[s2, seen_b[0], seen_b[1]])
            if w not in index:
                if len(order) >= MAX_NOISY_STATES:
                    raise SolverError(f"more than {MAX_NOISY_STATES} reachable joint states")
                index[w] = len(order)
                order.append(w)
            row.append((prob, index[w]))
            r0 += prob * u0
            r1 += prob * u1
        trans.append(row)
        rew.append((r0, r1))
        k += 1
    n = len(order)
    exact = isinstance(d, Fraction) and all(
        isinstance(x, Fraction | int) for r in rew for x in r) and all(
        isinstance(p, Fraction | int) for row in trans for p, _ in row)
    one = Fraction(1) if exact else 1.0
    delta = d if exact else float(d)
    M = [[0 * one for _ in range(n)] for _ in range(n)]
    rhs = []
    for i in range(n):
        M[i][i] += one
        for p, j in trans[i]:
            M[i][j] -= delta * p
        rhs.append([(one - delta) * rew[i][0], (one - delta) * rew[i][1]])
    V = _solve(M, rhs)
    states = {(a.states[z // k2], b.states[z % k2]): (V[i][0], V[i][1])
              for i, z in enumerate(order)}
    return NoisyValues((V[0][0], V[0][1]), states, d)


def perception_kernel(repeated: RepeatedGame, perception_error: Any = 0,
                      execution_error: Any = 0) -> NoiseKernel:
    """The noise of :func:`simulate` as an exact kernel: trembles, then misperceptions.

    Each realised action differs from the intended one with probability
    ``execution_error`` (uniformly among the others); each player then sees the
    opponent's realised action replaced by another one with probability
    ``perception_error`` (uniformly), its own correctly. Payoffs are the realised cell's.

    >>> import gametheory as gt
    >>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> len(perception_kernel(gt.RepeatedGame(pd), "1/10")(0, 0))
    4
    """
    pe = to_number(perception_error)
    ee = to_number(execution_error)
    for v, name in ((pe, "perception_error"), (ee, "execution_error")):
        if not 0 <= v <= 1:
            raise ParameterError(f"{name} must be a probability in [0, 1], got {v}")
    m, n = repeated._data.shape
    if repeated.is_symbolic:
        raise ParameterError("perception_kernel needs a numeric stage; use the stage's .at()")
    A, B = repeated._data.A, repeated._data.B

    def flips(x: int, k: int, p: Any) -> list[tuple[Any, int]]:
        if k < 2 or p == 0:
            return [(1 - p + p, x)]
        return [(1 - p, x)] + [(p / (k - 1), y) for y in range(k) if y != x]

    def kernel(row: int, col: int) -> list[NoisyOutcome]:
        out: list[NoisyOutcome] = []
        for p1, i in flips(row, m, ee):
            for p2, j in flips(col, n, ee):
                for p3, j_seen in flips(j, n, pe):
                    for p4, i_seen in flips(i, m, pe):
                        out.append((p1 * p2 * p3 * p4, (A[i][j], B[i][j]), (i, j_seen),
                                    (i_seen, j)))
        return out

    return kernel
