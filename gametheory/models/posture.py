r"""Posture that can be seen: the Defender's readiness observed, or seen only sometimes.

The ``posture`` variant of :mod:`gametheory.models.probe_response` is simultaneous: the
Aggressor decides whether to probe without seeing the Defender's readiness, and the
posture *is* the reply. A posture such as Eastern Sentry is public, so two variants here
let it be seen.

Readiness as capability
-----------------------
The Defender holds one of three postures, paying its readiness cost whether or not a
probe comes: ``Unready`` (cost 0: only ``Under-react`` is possible after a probe),
``Intercept-ready`` (:math:`m_I`: ``Under-react`` or ``Intercept``) or
``Retaliate-ready`` (:math:`m_X`: strike forces on top of interception, so all three
replies). After a probe the Defender chooses among the replies its posture allows, with
the reduced-form payoffs :math:`(A_r, D_r)` of
:func:`~gametheory.models.probe_response.probe_response_payoffs`; the readiness cost is
sunk by then. A posture deters only if the Defender would use it: with
:math:`BR_k` the best reply available in posture :math:`k` (ties to the less escalatory
reply), posture :math:`k` gives the Aggressor :math:`A_{BR_k}` from probing.

``observed-posture`` (:func:`observed_posture_game`)
    The Defender picks a posture, the Aggressor sees it and probes or refrains, the
    Defender replies: a perfect-information :class:`~gametheory.core.tree.GameTree`
    solved by backward induction (Selten 1975). The Aggressor probes posture :math:`k`
    iff :math:`A_{BR_k} > 0`, and the Defender picks the posture maximising
    :math:`-m_k + [A_{BR_k} > 0]\,D_{BR_k}`: a leader's commitment (von Stackelberg
    1934) limited to credible replies. Probing happens only on the equilibrium path if
    no posture worth its cost deters it, so there is no mixed probing: the inspection-game
    logic of the simultaneous variant (Tsebelis 1989: the probing rate set by the
    *Defender's* indifference, :math:`m_I/(D_I - D_U)`, rising with the readiness cost
    and independent of the Aggressor's probe cost) disappears.
``partial-posture`` (:func:`partial_posture_game`)
    As above, but the Aggressor sees the posture only with probability :math:`\lambda`
    (``posture_visibility``: reconnaissance, public reporting); otherwise it decides
    without knowing it (one information set over the three postures). The Defender does
    not know whether its posture was seen. :math:`\lambda = 1` is the observed game;
    :math:`\lambda = 0` is the simultaneous posture game with credible replies. When
    interception is credible and deters (:math:`D_I > D_U`, :math:`A_I < 0 < A_U`) and
    ``Retaliate-ready`` is not worth its cost, the equilibrium (:func:`partial_posture_equilibria`)
    is: if :math:`\lambda \ge \lambda^* = m_I / (-D_U)`, the Defender is ready for sure
    and nobody probes; otherwise the Defender is ready with probability
    :math:`y = A_U/(A_U - A_I)`, a seen unready posture is probed, and an unseen one is
    probed with probability

    .. math:: p = \frac{m_I + \lambda D_U}{(1 - \lambda)(D_I - D_U)},

    which makes the Defender indifferent. Visibility lowers the probing rate and removes
    it altogether above :math:`\lambda^*` (1/10 at the defaults).

References
----------
Selten, R. (1975). Reexamination of the perfectness concept for equilibrium points in
extensive games. *International Journal of Game Theory* 4, 25-55.
Tsebelis, G. (1989). The abuse of probability in political analysis: the Robinson Crusoe
fallacy. *American Political Science Review* 83, 77-91.
von Stackelberg, H. (1934). *Marktform und Gleichgewicht*. Springer.

Examples
--------
>>> import gametheory as gt
>>> tree = gt.models.probe_response("observed-posture")
>>> [e.path for e in tree.backward_induction()]
[('Intercept-ready', 'Refrain')]
>>> [e.probe_probability for e in partial_posture_equilibria(posture_visibility="1/20")]
[Fraction(67, 520)]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import sympy

from ..core.game import NormalFormGame
from ..core.tree import GameTree, Node, chance, decision, terminal
from ..errors import ParameterError
from .kit import ParameterSpec, ParameterValue, make_parameters, resolve_point, spec, symbol
from .probe_response import PARAMETERS, REPLIES, probe_response_payoffs
from .registry import register_variant

__all__ = ["POSTURES", "POSTURE_PARAMETERS", "PostureEquilibrium", "available_replies",
           "observed_posture_game", "partial_posture_equilibria", "partial_posture_game"]

#: Relative tolerance of float comparisons (times the largest absolute payoff, at least 1).
FLOAT_TOL = 1e-9

#: The Defender's postures, least ready first.
POSTURES: tuple[str, str, str] = ("Unready", "Intercept-ready", "Retaliate-ready")

_READINESS = {"Unready": None, "Intercept-ready": "readiness_cost_intercept",
              "Retaliate-ready": "readiness_cost_retaliate"}
_KEYS = {"Under-react": ("A_U", "D_U"), "Intercept": ("A_I", "D_I"),
         "Retaliate": ("A_X", "D_X")}

#: The probe-response parameters and the visibility of the posture.
POSTURE_PARAMETERS: dict[str, ParameterSpec] = {
    **PARAMETERS,
    "posture_visibility": spec(
        "posture_visibility", r"\lambda", "1/2", "probability that the Aggressor sees the "
        "Defender's readiness posture before deciding whether to probe (partial-posture "
        "variant)", bounds=(0, 1), unit="probability"),
}


def available_replies(posture: str) -> tuple[str, ...]:
    """The replies a posture allows after a probe (readiness as capability).

    >>> available_replies("Intercept-ready")
    ('Under-react', 'Intercept')
    """
    if posture not in POSTURES:
        raise ParameterError(f"unknown posture {posture!r}; postures are {list(POSTURES)}")
    return REPLIES[:POSTURES.index(posture) + 1]


def _cost(posture: str) -> sympy.Expr:
    name = _READINESS[posture]
    return sympy.Integer(0) if name is None else symbol(name)


def _after_probe(posture: str, infoset: str) -> Node:
    """The Defender's reply node after a probe against ``posture`` (a leaf if unready)."""
    pay = probe_response_payoffs()
    m = _cost(posture)
    leaves = {r: terminal(pay[_KEYS[r][0]], pay[_KEYS[r][1]] - m)
              for r in available_replies(posture)}
    if len(leaves) == 1:
        return next(iter(leaves.values()))
    return decision("Defender", leaves, infoset=infoset)


def _aggressor(posture: str, infoset: str, reply_infoset: str) -> Node:
    return decision("Aggressor", {
        "Refrain": terminal(sympy.Integer(0), -_cost(posture)),
        "Probe": _after_probe(posture, reply_infoset)}, infoset=infoset)


def _parameters(root: Node, overrides: Mapping[str, object], model: str) -> list:
    """The declared parameters: those of the table whose symbols occur in the tree."""
    used: set[sympy.Basic] = set()

    def walk(node: Node) -> None:
        for v in getattr(node, "payoffs", ()):
            if isinstance(v, sympy.Basic):
                used.update(v.free_symbols)
        for _, sub in getattr(node, "moves", ()):
            walk(sub)
        for _, prob, sub in getattr(node, "outcomes", ()):
            if isinstance(prob, sympy.Basic):
                used.update(prob.free_symbols)
            walk(sub)

    walk(root)
    names = [n for n in POSTURE_PARAMETERS if symbol(n) in used]
    return make_parameters(POSTURE_PARAMETERS, names, overrides, model)


@register_variant("probe_response", "observed-posture")
def observed_posture_game(**overrides: ParameterValue) -> GameTree:
    r"""The ``observed-posture`` variant: readiness chosen and seen before the probe.

    The Defender picks ``Unready``, ``Intercept-ready`` or ``Retaliate-ready`` (paying
    0, :math:`m_I` or :math:`m_X`); the Aggressor sees it and refrains (0 to it) or
    probes; the Defender replies with a reply its posture allows (module docstring).
    Backward induction gives the subgame-perfect equilibria.

    Examples
    --------
    At the defaults interception is credible (:math:`D_I = -3 > D_U = -5`) and deters
    (:math:`A_I = -1`), so the Defender holds the interception posture and nobody probes;
    the simultaneous posture game has probing with probability 1/4 instead:

    >>> import gametheory as gt
    >>> tree = gt.models.probe_response("observed-posture")
    >>> [(e.path, e.payoffs) for e in tree.backward_induction()]
    [(('Intercept-ready', 'Refrain'), (Fraction(0, 1), Fraction(-1, 2)))]
    >>> [e.row[1] for e in gt.models.probe_response("posture").at().equilibria()]
    [Fraction(1, 4)]

    A readiness the Defender would not use deters nothing: with a low credibility loss
    it under-reacts even when ready, so it saves the cost and probing is tolerated:

    >>> [e.path for e in tree.backward_induction(credibility_loss="1/2")]
    [('Unready', 'Probe')]
    """
    root = decision("Defender", {
        k: _aggressor(k, f"saw {k}", f"probed when {k}") for k in POSTURES})
    params = _parameters(root, overrides, "probe_response('observed-posture')")
    return GameTree(root, players=("Aggressor", "Defender"), parameters=params,
                    title="Readiness posture seen before the probe")


@register_variant("probe_response", "partial-posture")
def partial_posture_game(**overrides: ParameterValue) -> GameTree:
    r"""The ``partial-posture`` variant: the posture is seen with probability :math:`\lambda`.

    The Defender picks a posture; Nature reveals it to the Aggressor with probability
    :math:`\lambda` (``posture_visibility``), else the Aggressor decides at one
    information set (``"posture unseen"``) spanning the three postures; the Defender,
    who does not know whether its posture was seen, replies after a probe. A tree with
    imperfect information: its equilibria with credible replies are
    :func:`partial_posture_equilibria`.

    Examples
    --------
    >>> import gametheory as gt
    >>> tree = gt.models.probe_response("partial-posture")
    >>> [h.name for h in tree.information_sets("Aggressor") if len(h.nodes) > 1]
    ['posture unseen']
    >>> tree.to_normal_form().shape
    (16, 6)
    """
    lam = symbol("posture_visibility")
    root = decision("Defender", {
        k: chance({"Seen": (lam, _aggressor(k, f"saw {k}", f"probed when {k}")),
                   "Unseen": (1 - lam, _aggressor(k, "posture unseen", f"probed when {k}"))},
                  name=f"{k} seen?")
        for k in POSTURES})
    params = _parameters(root, overrides, "probe_response('partial-posture')")
    return GameTree(root, players=("Aggressor", "Defender"), parameters=params,
                    title="Readiness posture seen with probability lambda")


@dataclass(frozen=True)
class PostureEquilibrium:
    """An equilibrium of the partial-posture game with credible replies.

    Attributes
    ----------
    posture : dict
        Probability of each posture.
    replies : dict
        The Defender's (credible) reply to a probe in each posture.
    probe_if_seen : dict
        The Aggressor's action when it sees each posture.
    probe_if_unseen : Fraction or float or None
        Its probability of probing when it does not see the posture (None when
        :math:`\\lambda = 1`: that information set is never reached).
    probe_probability : Fraction or float
        The probability that a probe comes.
    payoffs : tuple
        Expected payoffs (Aggressor, Defender).
    """

    posture: dict[str, Fraction | float]
    replies: dict[str, str]
    probe_if_seen: dict[str, str]
    probe_if_unseen: Fraction | float | None
    probe_probability: Fraction | float
    payoffs: tuple[Fraction | float, Fraction | float]


def _point(values: Mapping[str, object]) -> dict[str, Fraction | float]:
    names = [n for n in POSTURE_PARAMETERS]
    out = resolve_point(POSTURE_PARAMETERS, values, names, "probe_response('partial-posture')")
    if out["escalation_prob_retaliate"] < out["escalation_prob_intercept"]:
        raise ParameterError("escalation_prob_retaliate (e_X) must be at least "
                             "escalation_prob_intercept (e_I)")
    if out["residual_credibility_loss"] > out["credibility_loss"]:
        raise ParameterError("residual_credibility_loss (r_I) must be at most "
                             "credibility_loss (r_U)")
    return out


def _value(expr: sympy.Expr, point: Mapping[str, Fraction | float]) -> Fraction | float:
    exact = all(isinstance(point[s.name], Fraction) for s in expr.free_symbols)
    if exact:
        v = sympy.Rational(expr.xreplace({s: sympy.Rational(point[s.name].numerator,
                                                             point[s.name].denominator)
                                          for s in expr.free_symbols}))
        return Fraction(int(v.p), int(v.q))
    return float(expr.xreplace({s: sympy.Float(float(point[s.name]))
                                for s in expr.free_symbols}))


def partial_posture_equilibria(**values: ParameterValue) -> list[PostureEquilibrium]:
    r"""Every equilibrium of the partial-posture game with credible replies, exactly.

    After a probe the Defender's payoffs do not depend on whether its posture was seen,
    so sequential rationality fixes its reply in each posture: the best available one
    (each tied best reply gives its own equilibria). With those replies the Aggressor
    who sees posture :math:`k` probes iff :math:`A_{BR_k} > 0` (both at a tie), and what
    remains is a simultaneous game between the Defender's posture and the Aggressor's
    action when it does not see it, with payoffs weighted by :math:`\lambda` and
    :math:`1 - \lambda`; its Nash equilibria are found by the exact solver. At
    :math:`\lambda = 1` the unseen information set is unreached and the Defender simply
    picks its best posture (the observed game). Rational values give Fractions; with any
    float, payoffs within :data:`FLOAT_TOL` times the largest absolute payoff count as tied.

    Examples
    --------
    Below :math:`\lambda^* = m_I/(-D_U) = 1/10` the Defender mixes (ready with
    probability :math:`A_U/(A_U - A_I) = 12/13`) and an unseen posture is probed with
    probability :math:`(m_I + \lambda D_U)/((1-\lambda)(D_I - D_U)) = 5/38` at
    :math:`\lambda = 1/20`; above it nobody probes:

    >>> e, = partial_posture_equilibria(posture_visibility="1/20")
    >>> e.posture["Intercept-ready"], e.probe_if_unseen
    (Fraction(12, 13), Fraction(5, 38))
    >>> e, = partial_posture_equilibria(posture_visibility="1/5")
    >>> e.posture["Intercept-ready"], e.probe_if_unseen, e.probe_probability
    (Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))
    """
    point = _point(values)
    pay = {k: _value(e, point) for k, e in probe_response_payoffs().items()}
    lam = point["posture_visibility"]
    cost = {k: (0 if _READINESS[k] is None else point[_READINESS[k]]) for k in POSTURES}
    exact = all(isinstance(v, Fraction) for v in [*pay.values(), *cost.values(), lam])
    tol = 0 if exact else FLOAT_TOL * max([1.0, *(abs(float(v)) for v in pay.values())])
    tied = []
    for k in POSTURES:
        d = {r: pay[_KEYS[r][1]] for r in available_replies(k)}
        best = max(d.values())
        tied.append([r for r in available_replies(k) if d[r] >= best - tol])
    out: list[PostureEquilibrium] = []
    for replies in itertools.product(*tied):
        a = [pay[_KEYS[r][0]] for r in replies]
        d = [pay[_KEYS[r][1]] for r in replies]
        seen_opts = [["Probe"] if x > tol else ["Refrain"] if x < -tol
                     else ["Refrain", "Probe"] for x in a]
        for seen in itertools.product(*seen_opts):
            out += _solve_unseen(replies, seen, a, d, cost, lam, tol)
    return out


def _solve_unseen(replies: tuple[str, ...], seen: tuple[str, ...], a: list, d: list,
                  cost: Mapping[str, Fraction | float], lam: Fraction | float,
                  tol: float = 0) -> list[PostureEquilibrium]:
    m = [cost[k] for k in POSTURES]
    # seen branch: payoffs of each posture given the Aggressor's seen action
    sa = [a[k] if seen[k] == "Probe" else 0 for k in range(3)]
    sd = [-m[k] + (d[k] if seen[k] == "Probe" else 0) for k in range(3)]
    if lam == 1:
        best = max(sd)
        res = []
        for k in range(3):
            if sd[k] >= best - tol:
                y = {p: Fraction(int(j == k)) for j, p in enumerate(POSTURES)}
                res.append(_equilibrium(y, replies, seen, None, sa, sd, lam, m, a, d))
        return res
    # the simultaneous game at the unseen information set, whole payoffs (both branches)
    A = [[lam * sa[k] for k in range(3)], [lam * sa[k] + (1 - lam) * a[k] for k in range(3)]]
    B = [[lam * sd[k] - (1 - lam) * m[k] for k in range(3)],
         [lam * sd[k] + (1 - lam) * (d[k] - m[k]) for k in range(3)]]
    game = NormalFormGame(A, B, players=("Aggressor", "Defender"),
                          strategies=(("Refrain", "Probe"), POSTURES))
    res = []
    for eq in game.equilibria():
        y = dict(zip(POSTURES, eq.col, strict=True))
        res.append(_equilibrium(y, replies, seen, eq.row[1], sa, sd, lam, m, a, d))
    return res


def _equilibrium(y: dict, replies: tuple[str, ...], seen: tuple[str, ...], p: object,
                 sa: list, sd: list, lam: Fraction | float, m: list, a: list, d: list
                 ) -> PostureEquilibrium:
    q = 0 if p is None else p
    probe = sum(y[k] * (lam * (seen[i] == "Probe") + (1 - lam) * q)
                for i, k in enumerate(POSTURES))
    ua = sum(y[k] * (lam * sa[i] + (1 - lam) * q * a[i]) for i, k in enumerate(POSTURES))
    ud = sum(y[k] * (lam * sd[i] + (1 - lam) * (q * d[i] - m[i]))
             for i, k in enumerate(POSTURES))
    return PostureEquilibrium(y, dict(zip(POSTURES, replies, strict=True)),
                              dict(zip(POSTURES, seen, strict=True)), p, probe, (ua, ud))
