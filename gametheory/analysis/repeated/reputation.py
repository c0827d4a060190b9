r"""Reputation in a finite chain store: Kreps and Wilson (1982), Milgrom and Roberts (1982).

The model
---------
An incumbent (the Defender) faces :math:`N` entrants (probes) in turn, market
:math:`n = N, N-1, \dots, 1` counting the markets left. Each entrant stays out (0) or
enters; after entry the incumbent fights or acquiesces. Payoffs in Kreps and Wilson's
normalisation:

* entrant: 0 if out, :math:`b` if entry is accommodated, :math:`b - 1` if fought
  (:math:`0 < b < 1`);
* *weak* incumbent: :math:`a` if the entrant stays out, 0 if it acquiesces, :math:`-1` if
  it fights (:math:`a > 1`); it maximises the undiscounted sum over markets;
* *tough* incumbent (prior probability :math:`p_N = p`): always fights.

With complete information (:math:`p = 0`) backward induction unravels any threat (Selten's
chain-store paradox): every entrant enters and the weak incumbent acquiesces.

The sequential equilibrium (Kreps and Wilson 1982, section 3; Fudenberg and Tirole 1991,
section 9.1.3). Let :math:`p_n` be the entrants' belief that the incumbent is tough at
market :math:`n`.

* Entrant: enters if :math:`p_n < b^n`, stays out if :math:`p_n > b^n`, and stays out with
  probability :math:`1/a` if :math:`p_n = b^n`.
* Weak incumbent after entry: acquiesces at :math:`n = 1`; for :math:`n > 1` fights if
  :math:`p_n \ge b^{n-1}`, else fights with probability
  :math:`\beta_n = \dfrac{(1 - b^{n-1})\, p_n}{(1 - p_n)\, b^{n-1}}`,
  which makes the posterior after a fight exactly :math:`b^{n-1}`.
* Beliefs: unchanged without entry; :math:`\max(b^{n-1}, p_n)` after a fight; 0 after
  acquiescence.

So the reputation thresholds are :math:`b^n`: as long as the reputation exceeds
:math:`b^n` no one enters; entry starts roughly :math:`\ln p / \ln b` markets from the end,
however long the chain, so the expected number of entries stays bounded as
:math:`N \to \infty`. The entrant's probability of being fought at :math:`p_n < b^{n-1}`
is :math:`p_n + (1 - p_n)\beta_n = p_n / b^{n-1}`; at :math:`p_n = b^n` it is exactly
:math:`b`, the entrant's indifference point; the weak incumbent is indifferent because
its continuation value at reputation :math:`b^{n-1}` is exactly 1.

Everything here is exact (Fractions) by backward recursion over the finitely many beliefs
the equilibrium reaches (the prior, the thresholds, 0).

References
----------
Kreps, D. M. and Wilson, R. (1982). Reputation and imperfect information. *Journal of
Economic Theory* 27, 253-279.
Milgrom, P. and Roberts, J. (1982). Predation, reputation, and entry deterrence. *Journal
of Economic Theory* 27, 280-312.
Fudenberg, D. and Tirole, J. (1991). *Game Theory*. MIT Press, section 9.1.3.
Selten, R. (1978). The chain store paradox. *Theory and Decision* 9, 127-159.

Examples
--------
>>> from fractions import Fraction
>>> cs = ChainStore(stages=10, prior=Fraction(1, 10), entrant_gain=Fraction(1, 2),
...                 incumbent_gain=2)
>>> cs.threshold(3), cs.first_entry_market()
(Fraction(1, 8), 3)
>>> cs.expected_entries()
Fraction(11, 4)
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

import numpy as np

from ..._numbers import NotANumber, format_number, to_number
from ...errors import ParameterError

__all__ = ["ChainStore", "ReputationSimulation", "chain_store_from_payoffs"]


def _frac(v: Any, name: str) -> Fraction:
    try:
        f = to_number(v)
    except NotANumber as err:
        raise ParameterError(f"{name}: {err}") from None
    return f if isinstance(f, Fraction) else Fraction(f)


@dataclass(frozen=True)
class ReputationSimulation:
    """Simulated chain-store campaigns: entries per run, with means and 95% intervals."""

    runs: int
    seed: int | None
    entries: np.ndarray
    tough: np.ndarray
    weak_payoff: np.ndarray

    def mean_entries(self) -> tuple[float, float, float]:
        """Mean number of entries and its 95% normal-approximation interval."""
        return _mean_ci(self.entries)

    def mean_entries_given(self, tough: bool) -> tuple[float, float, float]:
        return _mean_ci(self.entries[self.tough == tough])

    def __repr__(self) -> str:
        m, lo, hi = self.mean_entries()
        return f"ReputationSimulation({self.runs} runs: mean entries {m:.3f} [{lo:.3f}, {hi:.3f}])"


def _mean_ci(x: np.ndarray) -> tuple[float, float, float]:
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        return (math.nan, math.nan, math.nan)
    m = float(x.mean())
    half = 1.959963984540054 * float(x.std(ddof=1)) / math.sqrt(x.size) if x.size > 1 else 0.0
    return m, m - half, m + half


@dataclass(frozen=True)
class ChainStore:
    """The Kreps-Wilson chain store with a tough type, and its sequential equilibrium.

    Parameters
    ----------
    stages : int
        Number of markets (entrants, probes) :math:`N`.
    prior : number
        Prior probability :math:`p` that the incumbent is tough, in [0, 1).
    entrant_gain : number
        :math:`b \\in (0, 1)`, the entrant's gain from accommodated entry (its loss when
        fought is :math:`1 - b`).
    incumbent_gain : number
        :math:`a > 1`, the weak incumbent's gain when an entrant stays out.

    Examples
    --------
    >>> cs = ChainStore(stages=4, prior="1/5", entrant_gain="1/2", incumbent_gain=2)
    >>> [row["entry_probability"] for row in cs.belief_path()]
    [Fraction(0, 1), Fraction(0, 1), Fraction(1, 1), Fraction(1, 2)]
    """

    stages: int
    prior: Any
    entrant_gain: Any
    incumbent_gain: Any

    def __post_init__(self) -> None:
        if not isinstance(self.stages, int) or isinstance(self.stages, bool) or self.stages < 1:
            raise ParameterError(f"stages must be a positive integer, got {self.stages!r}")
        p = _frac(self.prior, "prior")
        b = _frac(self.entrant_gain, "entrant_gain")
        a = _frac(self.incumbent_gain, "incumbent_gain")
        if not 0 <= p < 1:
            raise ParameterError(f"prior must lie in [0, 1), got {p}")
        if not 0 < b < 1:
            raise ParameterError(f"entrant_gain b must lie in (0, 1) (entry pays against a "
                                 f"weak incumbent, not against a fight), got {b}")
        if not a > 1:
            raise ParameterError(f"incumbent_gain a must exceed 1 (Kreps-Wilson's assumption "
                                 f"that deterring one entrant is worth more than one fight), "
                                 f"got {a}")
        object.__setattr__(self, "prior", p)
        object.__setattr__(self, "entrant_gain", b)
        object.__setattr__(self, "incumbent_gain", a)

    def __repr__(self) -> str:
        """``ChainStore(stages=4, prior=1/5, entrant_gain=1/2, incumbent_gain=2)``."""
        return f"ChainStore({self._arguments()})"

    def _arguments(self) -> str:
        return (f"stages={self.stages}, prior={format_number(self.prior)}, "
                f"entrant_gain={format_number(self.entrant_gain)}, "
                f"incumbent_gain={format_number(self.incumbent_gain)}")

    def _repr_html_(self) -> str:
        """Jupyter: the parameters, then the belief path market by market."""
        import pandas as pd

        frame = pd.DataFrame([{k.replace("_", " "): format_number(v) for k, v in row.items()}
                              for row in self.belief_path()])
        return (f"<p><b>Chain store</b> (Kreps-Wilson): {html.escape(self._arguments())}; "
                "the path where every entry is fought:</p>" + frame.to_html(index=False))

    # ------------------------------------------------------------------ equilibrium
    def threshold(self, n: int) -> Fraction:
        """Reputation threshold :math:`b^n` at market ``n`` (markets left, this one included)."""
        return self.entrant_gain ** n

    def entry_probability(self, n: int, belief: Any) -> Fraction:
        """Probability that the entrant at market ``n`` enters, given its belief."""
        p = _frac(belief, "belief")
        t = self.threshold(n)
        if p < t:
            return Fraction(1)
        if p > t:
            return Fraction(0)
        return 1 - 1 / self.incumbent_gain

    def fight_probability(self, n: int, belief: Any) -> Fraction:
        """Probability that the *weak* incumbent fights entry at market ``n``: :math:`\\beta_n`.

        >>> cs = ChainStore(stages=5, prior="1/10", entrant_gain="1/2", incumbent_gain=2)
        >>> cs.fight_probability(3, "1/10")   # posterior after a fight becomes b^2 = 1/4
        Fraction(1, 3)
        """
        p = _frac(belief, "belief")
        if n <= 1:
            return Fraction(0)
        t = self.threshold(n - 1)
        if p >= t:
            return Fraction(1)
        return (1 - t) * p / ((1 - p) * t)

    def posterior_after_fight(self, n: int, belief: Any) -> Fraction:
        """Belief after entry was fought at market ``n`` (Bayes' rule on the equilibrium)."""
        p = _frac(belief, "belief")
        if n <= 1:
            return Fraction(1)  # only the tough type fights at the last market
        return max(self.threshold(n - 1), p)

    def first_entry_market(self) -> int | None:
        """The market (counted from the end) where entry first has positive probability."""
        for n in range(self.stages, 0, -1):
            if self.entry_probability(n, self._belief_before(n)) > 0:
                return n
        return None

    def _belief_before(self, n: int) -> Fraction:
        """Belief at market n if every earlier entry was fought (the reputation path)."""
        p = self.prior
        for k in range(self.stages, n, -1):
            if self.entry_probability(k, p) > 0:
                p = self.posterior_after_fight(k, p)
        return p

    def belief_path(self) -> list[dict[str, Any]]:
        """Market by market along the path where every entry is fought: the belief, the
        threshold :math:`b^n`, the entry probability, the weak incumbent's fight
        probability and the belief after a fight.

        Examples
        --------
        >>> cs = ChainStore(stages=3, prior="1/5", entrant_gain="1/2", incumbent_gain=2)
        >>> [(r["market"], str(r["belief"]), str(r["threshold"])) for r in cs.belief_path()]
        [(3, '1/5', '1/8'), (2, '1/5', '1/4'), (1, '1/2', '1/2')]
        """
        rows = []
        p = self.prior
        for n in range(self.stages, 0, -1):
            q = self.entry_probability(n, p)
            beta = self.fight_probability(n, p)
            post = self.posterior_after_fight(n, p) if q > 0 else p
            rows.append({"market": n, "belief": p, "threshold": self.threshold(n),
                         "entry_probability": q, "weak_fight_probability": beta,
                         "belief_after_fight": post})
            p = post
        return rows

    # ------------------------------------------------------------------ values
    def _step(self, n: int, p: Fraction, tough: bool) -> list[tuple[Fraction, str, Fraction]]:
        """Outcomes at market n: (probability, outcome, next belief)."""
        q = self.entry_probability(n, p)
        f = Fraction(1) if tough else self.fight_probability(n, p)
        out = []
        if q < 1:
            out.append((1 - q, "out", p))
        if q > 0:
            if f > 0:
                out.append((q * f, "fight", self.posterior_after_fight(n, p)))
            if f < 1:
                out.append((q * (1 - f), "acquiesce", Fraction(0)))
        return out

    def expected_entries(self, tough: bool | None = None) -> Fraction:
        """Expected number of entries (probes) in equilibrium, exactly.

        ``tough=None`` averages over the prior; True/False condition on the type.
        """
        @cache
        def E(n: int, p: Fraction, t: bool) -> Fraction:
            if n == 0:
                return Fraction(0)
            return sum((pr * ((o != "out") + E(n - 1, nxt, t))
                        for pr, o, nxt in self._step(n, p, t)), Fraction(0))

        if tough is None:
            p = self.prior
            return p * E(self.stages, p, True) + (1 - p) * E(self.stages, p, False)
        return E(self.stages, self.prior, bool(tough))

    def weak_value(self, n: int | None = None, belief: Any = None) -> Fraction:
        """The weak incumbent's expected total payoff from market ``n`` on at ``belief``
        (default: the whole game at the prior).

        >>> cs = ChainStore(stages=6, prior="1/10", entrant_gain="1/2", incumbent_gain=2)
        >>> cs.weak_value(3, cs.threshold(3))   # at a threshold the weak type is indifferent
        Fraction(1, 1)
        """
        a = self.incumbent_gain

        @cache
        def W(n: int, p: Fraction) -> Fraction:
            if n == 0:
                return Fraction(0)
            total = Fraction(0)
            for pr, o, nxt in self._step(n, p, False):
                gain = a if o == "out" else (-1 if o == "fight" else 0)
                total += pr * (gain + W(n - 1, nxt))
            return total

        n = self.stages if n is None else n
        p = self.prior if belief is None else _frac(belief, "belief")
        return W(n, p)

    # ------------------------------------------------------------------ simulation
    def simulate(self, runs: int = 10_000, seed: int | None = 0) -> ReputationSimulation:
        """Play the equilibrium ``runs`` times (types drawn from the prior), reproducibly.

        >>> cs = ChainStore(stages=10, prior="1/10", entrant_gain="1/2", incumbent_gain=2)
        >>> sim = cs.simulate(2000, seed=1)
        >>> abs(sim.mean_entries()[0] - float(cs.expected_entries())) < 0.1
        True
        """
        if not isinstance(runs, int) or runs < 1:
            raise ParameterError(f"runs must be a positive integer, got {runs!r}")
        rng = np.random.default_rng(seed)
        tough = rng.random(runs) < float(self.prior)
        # beliefs are coded: the finitely many values the equilibrium reaches
        codes: dict[Fraction, int] = {}
        values: list[Fraction] = []

        def code(p: Fraction) -> int:
            if p not in codes:
                codes[p] = len(values)
                values.append(p)
            return codes[p]

        state = np.full(runs, code(self.prior), dtype=np.int64)
        entries = np.zeros(runs, dtype=np.int64)
        weak_pay = np.zeros(runs, dtype=float)
        a = float(self.incumbent_gain)
        for n in range(self.stages, 0, -1):
            uniq = np.unique(state)
            q = np.empty(runs)
            fw = np.empty(runs)
            nxt_fight = np.empty(runs, dtype=np.int64)
            for c in uniq:
                p = values[c]
                mask = state == c
                q[mask] = float(self.entry_probability(n, p))
                fw[mask] = float(self.fight_probability(n, p))
                nxt_fight[mask] = code(self.posterior_after_fight(n, p))
            enter = rng.random(runs) < q
            fight = tough | (rng.random(runs) < fw)
            entries += enter
            weak_pay += np.where(~enter, a, np.where(fight, -1.0, 0.0))
            zero = code(Fraction(0))
            state = np.where(enter, np.where(fight, nxt_fight, zero), state)
        return ReputationSimulation(runs, seed, entries, tough, weak_pay)


def chain_store_from_payoffs(stages: int, prior: Any, entrant: tuple[Any, Any, Any],
                             weak_incumbent: tuple[Any, Any, Any]) -> ChainStore:
    """A :class:`ChainStore` from raw payoffs, normalised as Kreps and Wilson do.

    ``entrant = (out, accommodated, fought)`` and ``weak_incumbent = (out, acquiesce,
    fight)``; with :math:`x_F < x_O < x_A` for the entrant and :math:`y_F < y_A < y_O` for
    the incumbent, :math:`b = (x_A - x_O)/(x_A - x_F)` and
    :math:`a = (y_O - y_A)/(y_A - y_F)`.

    >>> cs = chain_store_from_payoffs(5, "1/10", entrant=(0, 3, -1), weak_incumbent=(0, "-5/2", -3))
    >>> cs.entrant_gain, cs.incumbent_gain
    (Fraction(3, 4), Fraction(5, 1))
    """
    xo, xa, xf = (_frac(v, "entrant payoff") for v in entrant)
    yo, ya, yf = (_frac(v, "incumbent payoff") for v in weak_incumbent)
    if not xf < xo < xa:
        raise ParameterError("the entrant must prefer accommodated entry to staying out to "
                             f"being fought (got out={xo}, accommodated={xa}, fought={xf})")
    if not yf < ya:
        raise ParameterError("the weak incumbent must find fighting costly in the stage "
                             f"(acquiesce={ya} > fight={yf}); otherwise no reputation is needed")
    b = (xa - xo) / (xa - xf)
    a = (yo - ya) / (ya - yf)
    return ChainStore(stages, prior, b, a)
