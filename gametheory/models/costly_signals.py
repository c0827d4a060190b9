r"""Sinking costs versus tying hands: which signal separates a resolute Defender.

The game
--------
A signalling game (:class:`~gametheory.core.signaling.SignalingGame`) in the spirit of
Fearon (1997). The Defender is *resolute* (prior :math:`p`) or *irresolute*; it knows
which. It stays ``Silent`` or sends a signal; the **Prober** sees the signal, not the
type, and chooses ``Refrain`` or ``Probe``. Even if the Prober refrains, a probe comes
with probability :math:`\rho` (a rogue unit, a stray drone, a hardliner acting on its
own): the part of a challenge the signaller cannot deter, and what makes a bluff risky.

After a probe the Defender fights (cost :math:`w`) or concedes (it loses its stake,
:math:`V_R > w` if resolute, :math:`V_L < w` if irresolute). The Prober gains
:math:`G > 0` from a concession and loses :math:`F > 0` when fought. The two signals:

* **sinking costs** (``signal="sunk"``, "Eastern Sentry"): deploying air defence costs
  :math:`k` at once, whatever follows;
* **tying hands** (``signal="tied"``, "Red line"): a public red line costs nothing
  unless the Defender concedes after it, when it pays the audience cost :math:`a` (so it
  fights iff :math:`w < V_t + a`).

Each type fights or concedes after a probe as it prefers (its loss after a probe is
:math:`\min(w, V_t + a[\text{red line}])`), so the Defender's payoffs are, with
:math:`L_t(m)` that loss: :math:`-k[m = \text{sunk}] - L_t(m)` if probed and
:math:`-k[m = \text{sunk}] - \rho L_t(m)` if the Prober refrains.

Separating conditions (derived here; checked against the enumerated perfect Bayesian
equilibria in the tests)
-----------------------------------------------------------------------------------
In a separating equilibrium the resolute type signals, the irresolute stays silent, the
Prober refrains after the signal and probes after silence. It exists iff

* sinking costs: :math:`(1 - \rho) V_L \le k \le (1 - \rho) w`: dear enough that the
  irresolute type would rather be probed than pay it, cheap enough that the resolute type
  pays it to be spared a probe;
* tying hands: :math:`\rho \min(w, V_L + a) \ge V_L`, i.e. :math:`\rho w \ge V_L` and
  :math:`a \ge (1 - \rho) V_L / \rho`: the red line separates only because it may be
  tested anyway (:math:`\rho > 0`); an untested red line is cheap talk, which is Fearon's
  (1997) distinction: a sunk cost is paid whatever happens, a tied hand only when the
  bluff is called.

In the interior of the sunk-cost interval a pooling equilibrium on silence (where it
exists) fails the intuitive criterion (Cho and Kreps 1987): the signal is equilibrium
dominated for the irresolute type and the resolute type gains from it.

References
----------
Fearon, J. D. (1997). Signaling foreign policy interests: tying hands versus sinking
costs. *Journal of Conflict Resolution* 41(1), 68-90.
Cho, I.-K. and Kreps, D. M. (1987). Signaling games and stable equilibria. *Quarterly
Journal of Economics* 102(2), 179-221.
Schelling, T. C. (1960). *The Strategy of Conflict*. Harvard University Press.

Examples
--------
>>> from gametheory.solve.refinements import intuitive_criterion
>>> from gametheory.solve.signaling import perfect_bayesian_equilibria
>>> g = costly_signals("sunk")
>>> pure = perfect_bayesian_equilibria(g, pure=True)
>>> [(e.kind, intuitive_criterion(g, e).survives) for e in pure]
[('pooling', False), ('separating', True)]
>>> separation_interval("tied")
(Fraction(3, 1), None)
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..core.signaling import SignalingGame, exact_value
from ..errors import ParameterError
from .registry import register_model

__all__ = ["costly_signals", "separation_interval", "separates", "SIGNALS"]

#: The two signals and their message labels.
SIGNALS = {"sunk": "Eastern Sentry", "tied": "Red line"}

_DEFAULTS: dict[str, Fraction] = {
    "prior_resolute": Fraction(1, 3), "stake_resolute": Fraction(8),
    "stake_irresolute": Fraction(1), "fight_cost": Fraction(5), "sunk_cost": Fraction(2),
    "audience_cost": Fraction(7, 2), "test_prob": Fraction(1, 4),
    "probe_gain": Fraction(2), "probe_loss": Fraction(3)}


def _params(values: dict[str, Any]) -> dict[str, Fraction]:
    unknown = set(values) - set(_DEFAULTS)
    if unknown:
        raise ParameterError(f"costly_signals: unknown parameters {sorted(unknown)}; "
                             f"known: {list(_DEFAULTS)}")
    p = {k: exact_value(values.get(k, v), k) for k, v in _DEFAULTS.items()}
    if not 0 < p["prior_resolute"] < 1:
        raise ParameterError(f"prior_resolute must lie in (0, 1), got {p['prior_resolute']}")
    if not 0 <= p["test_prob"] < 1:
        raise ParameterError(f"test_prob must lie in [0, 1), got {p['test_prob']}")
    if not 0 < p["stake_irresolute"] < p["fight_cost"] < p["stake_resolute"]:
        raise ParameterError("need 0 < stake_irresolute < fight_cost < stake_resolute (the "
                             "irresolute type concedes a probe, the resolute one fights it)")
    for k in ("sunk_cost", "audience_cost", "probe_gain", "probe_loss"):
        if p[k] < 0 or (k.startswith("probe") and p[k] == 0):
            raise ParameterError(f"{k} must be positive, got {p[k]}")
    return p


def _signal(signal: str) -> str:
    if signal not in SIGNALS:
        raise ParameterError(f"signal must be one of {list(SIGNALS)}, got {signal!r}")
    return signal


@register_model(
    title="Sinking costs versus tying hands: Eastern Sentry and a red line as signals of "
          "resolve",
    result="sunk cost k separates iff (1-rho)V_L <= k <= (1-rho)w; a red line iff "
           "rho min(w, V_L + a) >= V_L",
    citation="Fearon (1997)", returns="SignalingGame",
    parameters=("signal", *_DEFAULTS))
def costly_signals(signal: str = "sunk", **params: Any) -> SignalingGame:
    r"""The signalling game of the module docstring, with ``signal`` ``"sunk"`` or
    ``"tied"``.

    Parameters
    ----------
    signal : {"sunk", "tied"}
        Eastern Sentry as a sunk cost, or a public red line as an audience cost.
    **params
        ``prior_resolute`` :math:`p` (1/3), ``stake_resolute`` :math:`V_R` (8),
        ``stake_irresolute`` :math:`V_L` (1), ``fight_cost`` :math:`w` (5),
        ``sunk_cost`` :math:`k` (2), ``audience_cost`` :math:`a` (7/2), ``test_prob``
        :math:`\rho` (1/4), ``probe_gain`` :math:`G` (2), ``probe_loss`` :math:`F` (3).

    Returns
    -------
    SignalingGame
        Sender ``Defender`` with types ``("resolute", "irresolute")`` and messages
        ``("Silent", "Eastern Sentry" | "Red line")``; receiver ``Prober`` with actions
        ``("Refrain", "Probe")``.

    Examples
    --------
    >>> g = costly_signals("tied", audience_cost=1)
    >>> g.messages, g.payoff("irresolute", "Red line", "Refrain")
    (('Silent', 'Red line'), (Fraction(-1, 2), Fraction(1, 2)))
    """
    sig = _signal(signal)
    p = _params(params)
    stakes = {"resolute": p["stake_resolute"], "irresolute": p["stake_irresolute"]}
    rho, w = p["test_prob"], p["fight_cost"]
    pay = {}
    for t, stake in stakes.items():
        for m in ("Silent", SIGNALS[sig]):
            signalled = m != "Silent"
            concede = stake + (p["audience_cost"] if signalled and sig == "tied" else 0)
            fights = w < concede
            loss = min(w, concede)
            upfront = p["sunk_cost"] if signalled and sig == "sunk" else 0
            prober = -p["probe_loss"] if fights else p["probe_gain"]
            pay[(t, m, "Probe")] = (-upfront - loss, prober)
            pay[(t, m, "Refrain")] = (-upfront - rho * loss, rho * prober)
    return SignalingGame(("resolute", "irresolute"),
                         {"resolute": p["prior_resolute"],
                          "irresolute": 1 - p["prior_resolute"]},
                         ("Silent", SIGNALS[sig]), ("Refrain", "Probe"), pay,
                         players=("Defender", "Prober"),
                         title=f"Signalling resolve: {SIGNALS[sig]} ({sig})")


def separation_interval(signal: str = "sunk", **params: Any
                        ) -> tuple[Fraction, Fraction | None] | None:
    r"""The values of the signal's own cost that separate the types, exactly.

    For ``"sunk"`` the interval of :math:`k`, :math:`[(1-\rho) V_L, (1-\rho) w]`; for
    ``"tied"`` the interval of :math:`a`, :math:`[(1-\rho) V_L / \rho, \infty)` (upper
    end ``None``) when :math:`\rho w \ge V_L`, else ``None`` (no audience cost separates).

    Examples
    --------
    >>> separation_interval("sunk")
    (Fraction(3, 4), Fraction(15, 4))
    >>> separation_interval("tied", test_prob=0) is None
    True
    """
    sig = _signal(signal)
    p = _params(params)
    rho, VL, w = p["test_prob"], p["stake_irresolute"], p["fight_cost"]
    if sig == "sunk":
        return ((1 - rho) * VL, (1 - rho) * w)
    if rho == 0 or rho * w < VL:
        return None
    return ((1 - rho) * VL / rho, None)


def separates(signal: str = "sunk", **params: Any) -> bool:
    """Whether the separating equilibrium exists at these parameters (closed form).

    >>> separates("sunk", sunk_cost="1/2"), separates("sunk"), separates("sunk", sunk_cost=4)
    (False, True, False)
    """
    interval = separation_interval(signal, **params)
    if interval is None:
        return False
    p = _params(params)
    value = p["sunk_cost"] if signal == "sunk" else p["audience_cost"]
    low, high = interval
    return low <= value and (high is None or value <= high)
