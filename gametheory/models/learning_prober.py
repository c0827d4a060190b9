r"""A long-lived prober who tests the Defender's resolve over :math:`T` rounds.

The game
--------
Nature makes the Defender *resolute* (prior :math:`p`) or *strategic*. In each of
:math:`T` rounds (counted by :math:`n`, the rounds left, this one included) the **Prober**
refrains or probes; after a probe the Defender *answers* it or lets it pass. The Prober
sees every answer, never the type, and updates its belief that the Defender is resolute.

* Prober, per round: 0 if it refrains, :math:`g > 0` for an unanswered probe,
  :math:`-\ell < 0` for an answered one; it discounts later rounds by
  :math:`\delta \in [0, 1]` (:math:`\delta = 0`: a new, myopic prober each round, the
  short-lived entrants of Kreps and Wilson; :math:`\delta > 0`: one long-lived prober
  who values what it learns).
* Resolute Defender: answers every probe (a commitment type).
* Strategic Defender, per round: :math:`a > 0` if not probed, 0 for an unanswered probe,
  :math:`-c` for an answered one (the response cost); undiscounted sum, as in Kreps and
  Wilson (1982).

A myopic prober probes iff the probability of an answer is below
:math:`b = g / (g + \ell)`.

The equilibrium
---------------
The module computes a sequential equilibrium (Kreps and Wilson 1982, *Econometrica*
50) by backward recursion on the Prober's posterior :math:`\mu`, exactly (Fractions).
With :math:`n` rounds left the strategic Defender's value :math:`V^D_n(\mu)` is a step
function and the Prober's value :math:`V^P_n(\mu)` is piecewise linear; both are
represented by their breakpoints.

* After a probe at belief :math:`\mu` the strategic type answers with probability
  :math:`\beta_n(\mu)`. An answer costs :math:`c` now and leaves the posterior
  :math:`\mu' = \mu / (\mu + (1 - \mu)\beta)`; letting it pass reveals the type (belief 0)
  and, with complete information, probing every remaining round (value 0). So it answers
  for sure when :math:`V^D_{n-1}(\mu) \ge c`; never if even a perfect reputation is worth
  less, :math:`V^D_{n-1}(1) < c`; otherwise it mixes so that the posterior lands on the
  *landing belief* :math:`\lambda_n = \min\{\mu' : V^D_{n-1}(\mu') \ge c\}`, where the
  Prober of the next round is indifferent and mixes so that the reputation is worth
  exactly :math:`c`: :math:`\beta_n(\mu) = \mu (1 - \lambda_n) / ((1 - \mu) \lambda_n)`.
* The Prober probes when probing (immediate payoff plus discounted continuation at the
  posteriors) beats refraining (the continuation at an unchanged belief); its threshold
  beliefs are the exact roots of that piecewise-linear difference.

Published results reproduced
----------------------------
* With :math:`c < a` the landing beliefs and the Prober's thresholds are Kreps and
  Wilson's :math:`b^{n}` (the prior threshold for the :math:`n`-th round from the end;
  Kreps and Wilson 1982, *Journal of Economic Theory* 27, section 3; Milgrom and Roberts
  1982, same issue): no probing while :math:`\mu > b^n`; the strategic type answers with
  probability :math:`\mu (1 - b^{n-1}) / ((1 - \mu) b^{n-1})` below :math:`b^{n-1}`, for
  *any* patience :math:`\delta`. A long-lived prober gains nothing from learning here:
  the strategic type's mixing leaves it indifferent at every posterior it can reach, so
  its value is linear where it learns.
* With :math:`c > a` (one answer costs more than one round of peace) reputation is worth
  building only with enough rounds left (:math:`V^D_{n-1}(1) = (n - 1) a \ge c`), and a
  patient prober probes *early* at beliefs a myopic one would not: an answer that the
  strategic type gives with probability 0 reveals the type, so the probe is an
  experiment. This case is the model's own (derived here and checked on the tree);
  compare Sobel (1985, *Review of Economic Studies* 52), where an adversary builds
  credibility by costly early honesty to exploit it when the stakes are high, and
  Sartori (2005, *Deterrence by Diplomacy*, Princeton University Press) on reputations
  carried across crises.

The test suite checks the equilibrium independently: it builds the whole tree for
:math:`T = 2, 3`, computes the beliefs by Bayes' rule from the strategies, and compares
each player's equilibrium value at every information set with the best of all its pure
continuation plans.

References
----------
Kreps, D. M. and Wilson, R. (1982). Reputation and imperfect information. *Journal of
Economic Theory* 27, 253-279.
Kreps, D. M. and Wilson, R. (1982). Sequential equilibria. *Econometrica* 50, 863-894.
Milgrom, P. and Roberts, J. (1982). Predation, reputation, and entry deterrence. *Journal
of Economic Theory* 27, 280-312.
Sobel, J. (1985). A theory of credibility. *Review of Economic Studies* 52, 557-573.
Sartori, A. E. (2005). *Deterrence by Diplomacy*. Princeton University Press.

Examples
--------
>>> m = learning_prober(rounds=3, prior="1/5", probe_gain=1, answered_loss=1)
>>> m.threshold(1), m.threshold(2), m.threshold(3)
(Fraction(1, 2), Fraction(1, 4), Fraction(1, 8))
>>> m.probe_probability_by_round()
[Fraction(0, 1), Fraction(1, 1), Fraction(4, 5)]
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any, TypeAlias

from .._numbers import NotANumber, format_number, to_number
from ..errors import ParameterError, SolverError
from .registry import register_model

__all__ = ["LearningProber", "learning_prober", "OUTCOMES", "MAX_ROUNDS"]

_F0, _F1 = Fraction(0), Fraction(1)
#: The outcomes of a round, as the Prober sees them.
OUTCOMES = ("refrain", "answered", "unanswered")
#: Most rounds solved (the forward distribution grows as 3^T histories at worst).
MAX_ROUNDS = 12


def _frac(value: Any, name: str) -> Fraction:
    try:
        v = to_number(value)
    except NotANumber as err:
        raise ParameterError(f"{name}: {err}") from None
    return v if isinstance(v, Fraction) else Fraction(v)


_Range: TypeAlias = tuple[Fraction, Fraction]


@dataclass(frozen=True)
class _Level:
    """The solved stage with ``n`` rounds left: landing belief and breakpoints."""

    n: int
    landing: Fraction | None          # lambda_n; None: the strategic type never answers
    breaks: tuple[Fraction, ...]      # breakpoints of V^P_n and V^D_n, 0 and 1 included


class LearningProber:
    """The solved learning-prober game (see the module docstring for the model).

    Parameters
    ----------
    rounds : int
        :math:`T`, from 1 to :data:`MAX_ROUNDS`.
    prior : number
        :math:`p`, the prior that the Defender is resolute, in [0, 1).
    probe_gain, answered_loss : number
        :math:`g > 0` and :math:`\\ell > 0`, the Prober's payoffs ``g`` and ``-l``.
    peace_value, response_cost : number
        :math:`a > 0` and :math:`c > 0`, the strategic Defender's value of a round
        without a probe and its cost of answering one.
    patience : number
        :math:`\\delta \\in [0, 1]`, the Prober's discount factor (0: myopic).

    Raises
    ------
    ParameterError
        For values out of range.
    SolverError
        At a knife-edge point outside the equilibrium class the recursion builds (the
        reputation value jumps over :math:`c` where the next Prober is not indifferent).
    """

    def __init__(self, rounds: int, prior: Any, probe_gain: Any, answered_loss: Any,
                 peace_value: Any, response_cost: Any, patience: Any) -> None:
        if not isinstance(rounds, int) or isinstance(rounds, bool) or not (
                1 <= rounds <= MAX_ROUNDS):
            raise ParameterError(f"rounds must be an integer in [1, {MAX_ROUNDS}], "
                                 f"got {rounds!r}")
        self.rounds = rounds
        self.prior = _frac(prior, "prior")
        self.probe_gain = _frac(probe_gain, "probe_gain")
        self.answered_loss = _frac(answered_loss, "answered_loss")
        self.peace_value = _frac(peace_value, "peace_value")
        self.response_cost = _frac(response_cost, "response_cost")
        self.patience = _frac(patience, "patience")
        if not 0 <= self.prior < 1:
            raise ParameterError(f"prior must lie in [0, 1), got {self.prior}")
        for name in ("probe_gain", "answered_loss", "peace_value", "response_cost"):
            if getattr(self, name) <= 0:
                raise ParameterError(f"{name} must be positive, got {getattr(self, name)}")
        if not 0 <= self.patience <= 1:
            raise ParameterError(f"patience must lie in [0, 1], got {self.patience}")
        self._vp_memo: dict[tuple[int, Fraction], Fraction] = {}
        self._vd_memo: dict[tuple[int, Fraction], Fraction] = {}
        self._range_memo: dict[tuple[int, Fraction], _Range] = {}
        self._levels: dict[int, _Level] = {}
        for n in range(1, rounds + 1):
            self._levels[n] = self._solve_level(n)

    # ------------------------------------------------------------------ parameters
    @property
    def myopic_threshold(self) -> Fraction:
        """:math:`b = g / (g + \\ell)`: a myopic prober probes iff P(answer) < b."""
        return self.probe_gain / (self.probe_gain + self.answered_loss)

    def _arguments(self) -> str:
        return ", ".join(f"{k}={format_number(getattr(self, k))}" for k in (
            "prior", "probe_gain", "answered_loss", "peace_value", "response_cost",
            "patience"))

    def __repr__(self) -> str:
        return f"LearningProber(rounds={self.rounds}, {self._arguments()})"

    # ------------------------------------------------------------------ stage pieces
    def posterior(self, n: int, belief: Fraction, outcome: str) -> Fraction:
        """Belief after ``outcome`` of the round with ``n`` rounds left (Bayes' rule on the
        equilibrium; an unanswered probe reveals the strategic type, and with belief 0
        an answer is the strategic type's, so belief stays 0).

        >>> m = learning_prober(rounds=3, prior="1/5", probe_gain=1, answered_loss=1)
        >>> m.posterior(3, Fraction(1, 5), "answered")   # lands on b^2 = 1/4
        Fraction(1, 4)
        """
        q = Fraction(belief)
        if outcome == "refrain":
            return q
        if outcome == "unanswered" or q == 0:
            return _F0
        if outcome != "answered":
            raise ParameterError(f"outcome must be one of {OUTCOMES}, got {outcome!r}")
        beta = self.response_probability(n, q)
        return q / (q + (1 - q) * beta)

    def response_probability(self, n: int, belief: Fraction) -> Fraction:
        """:math:`\\beta_n(\\mu)`: probability that the strategic type answers a probe."""
        lam = self._level(n).landing
        q = Fraction(belief)
        if lam is None:
            return _F0
        if q >= lam:
            return _F1
        return q * (1 - lam) / ((1 - q) * lam)

    def _probe_value(self, n: int, q: Fraction) -> Fraction:
        g, l, d = self.probe_gain, self.answered_loss, self.patience
        beta = self.response_probability(n, q)
        answer = q + (1 - q) * beta
        after = self.posterior(n, q, "answered") if answer > 0 else q
        return ((1 - answer) * (g + d * self._vp(n - 1, _F0))
                + answer * (-l + d * self._vp(n - 1, after)))

    def _refrain_value(self, n: int, q: Fraction) -> Fraction:
        return self.patience * self._vp(n - 1, q)

    def _vp(self, n: int, q: Fraction) -> Fraction:
        if n == 0:
            return _F0
        key = (n, q)
        if key not in self._vp_memo:
            self._vp_memo[key] = max(self._probe_value(n, q), self._refrain_value(n, q))
        return self._vp_memo[key]

    def _indifferent(self, n: int, q: Fraction) -> int:
        """Sign of the Prober's gain from probing: 1 probe, -1 refrain, 0 indifferent."""
        diff = self._probe_value(n, q) - self._refrain_value(n, q)
        return (diff > 0) - (diff < 0)

    def probe_probability(self, n: int, belief: Any) -> Fraction:
        """Probability that the Prober probes with ``n`` rounds left at ``belief`` when no
        earlier answer needs a particular continuation value (it refrains where it is
        indifferent; see :meth:`assessment` for the behaviour after a history).

        >>> m = learning_prober(rounds=2, prior="1/5", probe_gain=1, answered_loss=1)
        >>> m.probe_probability(1, "1/3"), m.probe_probability(1, "2/3")
        (Fraction(1, 1), Fraction(0, 1))
        """
        return self._plan(self._checked_n(n), _frac(belief, "belief"), None)[0]

    def _checked_n(self, n: int) -> int:
        self._level(n)
        return n

    def _vd(self, n: int, q: Fraction) -> Fraction:
        """Strategic Defender's value under the default assessment (refrain where the
        Prober is indifferent, no target below)."""
        if n == 0:
            return _F0
        key = (n, q)
        if key not in self._vd_memo:
            sign = self._indifferent(n, q)
            if sign > 0:
                value = (self._vd(n - 1, q) - self.response_cost
                         if self.response_probability(n, q) == 1 else _F0)
            else:
                value = self.peace_value + self._vd(n - 1, q)
            self._vd_memo[key] = value
        return self._vd_memo[key]

    def _sides(self, n: int, q: Fraction) -> tuple[_Range | None, _Range | None]:
        """Ranges of the strategic Defender's value if probed and if not (``None``: that
        side is not open to the Prober's choice)."""
        sign = self._indifferent(n, q)
        probed = not_probed = None
        if sign >= 0:
            if self.response_probability(n, q) == 1:
                lo, hi = self._range(n - 1, q)
                lo = max(lo, self.response_cost)
                if lo <= hi:
                    probed = (lo - self.response_cost, hi - self.response_cost)
            else:
                probed = (_F0, _F0)
        if sign <= 0:
            lo, hi = self._range(n - 1, q)
            not_probed = (lo + self.peace_value, hi + self.peace_value)
        return probed, not_probed

    def _range(self, n: int, q: Fraction) -> _Range:
        """The strategic Defender's values that mixing at the Prober's indifferent
        information sets from ``(n, q)`` on can deliver (an interval)."""
        if n == 0:
            return (_F0, _F0)
        key = (n, q)
        if key not in self._range_memo:
            sides = [r for r in self._sides(n, q) if r is not None]
            if not sides:
                raise SolverError(f"no sequentially rational answer after a probe with {n} "
                                  f"rounds left at belief {format_number(q)}")
            self._range_memo[key] = (min(r[0] for r in sides), max(r[1] for r in sides))
        return self._range_memo[key]

    def _plan(self, n: int, q: Fraction, target: Fraction | None
              ) -> tuple[Fraction, Fraction | None, Fraction | None]:
        """Behaviour at a node with a value ``target`` the strategic Defender's
        continuation must have (``None``: the default): the probing probability and the
        targets after a refrained and after an answered probe."""
        c, a = self.response_cost, self.peace_value
        beta = self.response_probability(n, q)
        never = self._level(n).landing is None or q == 0
        default_answer = None if never or (beta == 1 and self._vd(n - 1, q) >= c) else c
        if target is None:
            return (_F1 if self._indifferent(n, q) > 0 else _F0), None, default_answer
        probed, not_probed = self._sides(n, q)

        def inside(r: _Range | None) -> bool:
            return r is not None and r[0] <= target <= r[1]

        def after_answer(value: Fraction) -> Fraction | None:
            return value + c if beta == 1 else default_answer

        if inside(not_probed):
            return _F0, target - a, (default_answer if probed is None
                                     else after_answer(probed[0]))
        if inside(probed):
            return _F1, None, after_answer(target)
        if probed is None or not_probed is None:
            raise SolverError(f"the strategic Defender's value {format_number(target)} "
                              f"cannot be reached with {n} rounds left at belief "
                              f"{format_number(q)}")
        pv = min(probed, key=lambda v: abs(v - target))
        rv = min(not_probed, key=lambda v: abs(v - target))
        x = (rv - target) / (rv - pv)
        if not 0 < x < 1:
            raise SolverError(f"target {format_number(target)} outside the reachable values "
                              f"with {n} rounds left at belief {format_number(q)}")
        return x, rv - a, after_answer(pv)

    # ------------------------------------------------------------------ recursion
    def _level(self, n: int) -> _Level:
        try:
            return self._levels[n]
        except KeyError:
            raise ParameterError(f"rounds left must be in 1..{self.rounds}, got {n}") from None

    def _solve_level(self, n: int) -> _Level:
        prev = self._levels[n - 1].breaks if n > 1 else (_F0, _F1)
        landing = self._landing(n, prev)
        # provisional level so that response_probability(n, .) works while searching
        base = sorted(set(prev) | ({landing} if landing is not None else set()))
        self._levels[n] = _Level(n, landing, tuple(base))
        roots = set()
        for u, w in zip(base, base[1:], strict=False):
            s, t = u + (w - u) / 3, u + 2 * (w - u) / 3
            ds = self._probe_value(n, s) - self._refrain_value(n, s)
            dt = self._probe_value(n, t) - self._refrain_value(n, t)
            if ds != dt:  # linear on (u, w): root of the line through (s, ds), (t, dt)
                r = s - ds * (t - s) / (dt - ds)
                if u < r < w:
                    roots.add(r)
        return _Level(n, landing, tuple(sorted(set(base) | roots)))

    def _landing(self, n: int, prev: tuple[Fraction, ...]) -> Fraction | None:
        """:math:`\\lambda_n`: the left end of the last stretch of beliefs where the
        reputation is worth at least ``c``, where mixing later makes it worth exactly ``c``."""
        c = self.response_cost
        if n == 1 or self._vd(n - 1, _F1) < c:
            return None
        landing = _F1
        for u, w in reversed(list(zip(prev, prev[1:], strict=False))):
            if self._vd(n - 1, (u + w) / 2) < c:
                break
            landing = u
            if self._vd(n - 1, u) < c:
                break
        lo, hi = self._range(n - 1, landing)
        if not lo <= c <= hi:
            raise SolverError(
                f"with {n} rounds left the reputation value jumps over the response cost "
                f"{format_number(c)} at belief {format_number(landing)} and no later mixing "
                f"makes it worth exactly that; this knife-edge point is outside the "
                f"equilibria this model constructs")
        return landing

    # ------------------------------------------------------------------ results
    def threshold(self, n: int) -> Fraction | None:
        """The least belief at which the Prober with ``n`` rounds left does not probe for
        sure (``None`` if it probes at every belief below 1)."""
        breaks = self._level(n).breaks
        for u, w in zip(breaks, breaks[1:], strict=False):
            if u > 0 and self._indifferent(n, u) <= 0:
                return u
            if self._indifferent(n, (u + w) / 2) <= 0:
                return u
        return None

    def landing(self, n: int) -> Fraction | None:
        """:math:`\\lambda_n`: the posterior after an answer when the strategic type mixes
        (``None``: it never answers with ``n`` rounds left)."""
        return self._level(n).landing

    def _children(self, n: int, q: Fraction, target: Fraction | None
                  ) -> tuple[Fraction, dict[str, tuple[Fraction, Fraction | None]]]:
        x, t_refrain, t_answer = self._plan(n, q, target)
        return x, {"refrain": (q, t_refrain),
                   "answered": (self.posterior(n, q, "answered"), t_answer),
                   "unanswered": (_F0, None)}

    def assessment(self, history: tuple[str, ...]) -> dict[str, Any]:
        """The assessment at the Prober's information set after ``history`` (outcomes of
        the rounds so far): its belief, its probing probability and the strategic
        Defender's answer probability there. Behaviour depends on the history, not only
        on the belief: where the Prober is indifferent it mixes so that an earlier
        answer was worth exactly its cost.

        >>> m = learning_prober(rounds=2, prior="1/5", probe_gain=1, answered_loss=1)
        >>> m.assessment(("answered",))
        {'belief': Fraction(1, 2), 'rounds_left': 1, 'probe': Fraction(1, 2),
         'answer': Fraction(0, 1)}
        """
        q, target = self.prior, None
        for k, outcome in enumerate(history):
            if outcome not in OUTCOMES:
                raise ParameterError(f"outcome must be one of {OUTCOMES}, got {outcome!r}")
            _, kids = self._children(self.rounds - k, q, target)
            q, target = kids[outcome]
        n = self.rounds - len(history)
        if n < 0:
            raise ParameterError(f"a history has at most {self.rounds} rounds")
        if n == 0:
            return {"belief": q, "rounds_left": 0}
        return {"belief": q, "rounds_left": n, "probe": self._plan(n, q, target)[0],
                "answer": self.response_probability(n, q)}

    @cached_property
    def _forward(self) -> list[dict[tuple[bool, Fraction, Fraction | None], Fraction]]:
        """Before each round (and after the last): probability of (resolute?, belief,
        target) under the equilibrium."""
        dist = {(r, self.prior, None): w for r, w in ((True, self.prior),
                                                       (False, 1 - self.prior)) if w > 0}
        out = []
        for n in range(self.rounds, 0, -1):
            out.append(dist)
            nxt: dict[tuple[bool, Fraction, Fraction | None], Fraction] = {}
            for (res, q, t), pr in dist.items():
                x, kids = self._children(n, q, t)
                ans = _F1 if res else self.response_probability(n, q)
                for outcome, w in (("refrain", 1 - x), ("answered", x * ans),
                                   ("unanswered", x * (1 - ans))):
                    if w:
                        key = (res, *kids[outcome])
                        nxt[key] = nxt.get(key, _F0) + pr * w
            dist = nxt
        out.append(dist)
        return out

    def probe_probability_by_round(self, resolute: bool | None = None) -> list[Fraction]:
        """Probability of a probe in each round, first round first (``resolute``:
        conditional on the type; ``None``: averaged over the prior)."""
        out = []
        for k, dist in enumerate(self._forward[:-1]):
            n = self.rounds - k
            sel = {key: w for key, w in dist.items() if resolute is None or key[0] == resolute}
            mass = sum(sel.values(), _F0)
            probe = sum((w * self._plan(n, q, t)[0] for (_, q, t), w in sel.items()), _F0)
            out.append(probe / mass if mass else _F0)
        return out

    def expected_belief_by_round(self, resolute: bool) -> list[Fraction]:
        """The Prober's expected belief before each round and after the last, given the
        Defender's type: how fast it learns."""
        out = []
        for dist in self._forward:
            sel = [(q, w) for (r, q, _), w in dist.items() if r == resolute]
            mass = sum((w for _, w in sel), _F0)
            out.append(sum((w * q for q, w in sel), _F0) / mass if mass else _F0)
        return out

    def reputation_path(self) -> list[dict[str, Any]]:
        """Round by round along the path where every probe is answered: belief,
        threshold, probing probability, the strategic type's answer probability and the
        posterior after an answer.

        >>> m = learning_prober(rounds=3, prior="1/5", probe_gain=1, answered_loss=1)
        >>> [str(r["belief"]) for r in m.reputation_path()]
        ['1/5', '1/5', '1/2']
        """
        rows, q, target = [], self.prior, None
        for k in range(self.rounds):
            n = self.rounds - k
            x, kids = self._children(n, q, target)
            beta = self.response_probability(n, q)
            q2, t2 = kids["answered"] if x > 0 else kids["refrain"]
            rows.append({"round": k + 1, "rounds_left": n, "belief": q,
                         "threshold": self.threshold(n), "probe_probability": x,
                         "answer_probability": beta, "belief_after": q2})
            q, target = q2, t2
        return rows

    def answer_incentive(self, n: int, belief: Any) -> dict[str, Fraction]:
        """The strategic Defender's reason to answer a probe with ``n`` rounds left: its
        value from answering (the cost now plus the reputation it keeps) and from letting
        the probe pass (found out, probed every round after: 0), under the equilibrium.

        >>> m = learning_prober(rounds=3, prior="1/5", probe_gain=1, answered_loss=1)
        >>> m.answer_incentive(3, "1/2")   # above b^2: answering keeps the peace
        {'answer': Fraction(3, 1), 'let pass': Fraction(0, 1)}
        """
        q = _frac(belief, "belief")
        n = self._checked_n(n)
        lam = self._level(n).landing
        after = self.posterior(n, q, "answered")
        keep = (self.response_cost if lam is not None and 0 < q < lam
                else self._vd(n - 1, after))
        return {"answer": keep - self.response_cost, "let pass": self._vd(n - 1, _F0)}

    def prober_value(self) -> Fraction:
        """The Prober's expected discounted payoff at the prior."""
        return self._vp(self.rounds, self.prior)

    def defender_value(self) -> Fraction:
        """The strategic Defender's expected payoff at the prior (default assessment)."""
        return self._vd(self.rounds, self.prior)

    def _repr_html_(self) -> str:
        def cell(v: Any) -> str:
            return "<td>" + ("-" if v is None else html.escape(format_number(v))) + "</td>"

        rows = "".join("<tr>" + "".join(cell(v) for v in r.values()) + "</tr>"
                       for r in self.reputation_path())
        head = "".join(f"<th>{k.replace('_', ' ')}</th>" for k in self.reputation_path()[0])
        return (f"<p><b>Learning prober</b> (T = {self.rounds}): "
                f"{html.escape(self._arguments())}</p><table><tr>{head}</tr>{rows}</table>")


@register_model(
    title="A long-lived prober learns the Defender's resolve over T rounds",
    result="c < a: Kreps-Wilson thresholds b^n whatever the prober's patience; c > a: "
           "reputation needs (n-1)a >= c and a patient prober probes early to learn",
    citation="Kreps and Wilson (1982); Milgrom and Roberts (1982); Sobel (1985); "
             "Sartori (2005)",
    returns="LearningProber",
    parameters=("rounds", "prior", "probe_gain", "answered_loss", "peace_value",
                "response_cost", "patience"))
def learning_prober(rounds: int = 4, prior: Any = Fraction(1, 5), probe_gain: Any = 1,
                    answered_loss: Any = 1, peace_value: Any = 2, response_cost: Any = 1,
                    patience: Any = Fraction(9, 10)) -> LearningProber:
    r"""A prober testing resolve over ``rounds`` rounds, solved exactly.

    Parameters
    ----------
    rounds : int
        :math:`T` (default 4).
    prior : number
        :math:`p`, prior that the Defender is resolute (1/5).
    probe_gain, answered_loss : number
        :math:`g` (1) and :math:`\ell` (1): the Prober's payoff of an unanswered probe
        and its loss from an answered one (:math:`b = g/(g+\ell) = 1/2`).
    peace_value, response_cost : number
        :math:`a` (2) and :math:`c` (1) of the strategic Defender.
    patience : number
        :math:`\delta` (9/10), the Prober's discount factor.

    Returns
    -------
    LearningProber

    Notes
    -----
    With :math:`c < a` the thresholds are Kreps and Wilson's (1982) :math:`b^n`; see the
    module docstring for the model and the recursion.

    Examples
    --------
    >>> m = learning_prober(rounds=4, prior="1/5")
    >>> [m.threshold(n) for n in (1, 2, 3, 4)]
    [Fraction(1, 2), Fraction(1, 4), Fraction(1, 8), Fraction(1, 16)]
    >>> m.probe_probability_by_round()
    [Fraction(0, 1), Fraction(0, 1), Fraction(1, 1), Fraction(4, 5)]
    """
    return LearningProber(rounds, prior, probe_gain, answered_loss, peace_value,
                          response_cost, patience)
