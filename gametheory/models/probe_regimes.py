r"""Regimes of the probe-versus-response model: labels that name the equilibrium set.

A regime label is a statement about the game's equilibria, so it is defined here from the
equilibrium structure and nothing else. The functions take the six reduced-form payoffs
after a probe (``A_U, A_I, A_X`` for the Aggressor and ``D_U, D_I, D_X`` for the Defender,
replies Under-react, Intercept, Retaliate; see
:func:`gametheory.models.probe_response.probe_response_payoffs`) either as numbers (a
label) or as sympy expressions (each label's defining condition, for regime maps).

Sequential game (subgame perfection)
------------------------------------
After a probe the Defender plays a best reply :math:`r \in BR = \arg\max_r D_r`; the
Aggressor probes iff :math:`A_r > 0`. Each best reply :math:`r` has a regime

=====================================  ====================================================
regime of reply :math:`r`              when
=====================================  ====================================================
no incentive to probe                  :math:`A_U \le 0` and :math:`A_r \le 0`: probing
                                       would not pay even unanswered, and the reply does
                                       not make it pay
invited probing                        :math:`A_U \le 0 < A_r`: only the reaction makes
                                       probing pay (information, cost imposition)
tolerated probing                      :math:`r` = Under-react, :math:`A_U > 0`
deterrence by denial                   :math:`r` = Intercept, :math:`A_I < 0 < A_U`
contested probing                      :math:`r` = Intercept, :math:`A_I > 0, A_U > 0`
deterrence by punishment               :math:`r` = Retaliate, :math:`A_X < 0 < A_U`
retaliation risking escalation         :math:`r` = Retaliate, :math:`A_X > 0, A_U > 0`
knife edge (several equilibria)        :math:`A_U > 0` and :math:`A_r = 0` (the Aggressor
                                       is indifferent)
=====================================  ====================================================

and the point's label is the regime shared by every best reply, else ``"knife edge
(several equilibria)"``. So each label is true of *every* pure subgame-perfect
equilibrium: "no incentive to probe" means every one gives the Aggressor 0 and
:math:`A_U \le 0`; "invited probing" that in every one the Aggressor probes at a gain
although :math:`A_U \le 0`; with :math:`A_U > 0` the other labels mean a unique
equilibrium ((Probe, Under-react), (Refrain, Intercept), (Probe, Intercept),
(Refrain, Retaliate), (Probe, Retaliate)) and the knife edge two or more.

Posture game (Nash equilibrium)
-------------------------------
The Defender picks a posture :math:`c` before knowing whether a probe comes and pays
:math:`m_c` (:math:`m_U = 0`). Its pure equilibria are (Refrain, :math:`c`) when
:math:`m_c = \min m = 0` and :math:`A_c \le 0`, and (Probe, :math:`c`) when :math:`c`
maximises :math:`D_c - m_c` and :math:`A_c \ge 0`. With :math:`A_U \le 0`, (Refrain,
Under-react) is always one; the label is "invited probing" when another has the
Aggressor probe at a gain, else "no incentive to probe". With :math:`A_U > 0`: no pure
equilibrium is "mixed probing" (then in every equilibrium the Aggressor probes with a
probability strictly between 0 and 1); a single one with :math:`A_c \ne 0` is named as in
the sequential game ("deterrence by denial" is then a costless interception posture,
:math:`m_I = 0`); two or more, or one at which the Aggressor is indifferent, are the knife
edge.

Examples
--------
>>> from fractions import Fraction as F
>>> pay = dict(A_U=3, A_I=F(-1, 4), A_X=-8, D_U=-5, D_I=F(-7, 2), D_X=F(-25, 4))
>>> sequential_label(pay)
'deterrence by denial'
>>> sequential_label({**pay, "D_U": F(-7, 2)})     # the Defender indifferent: two SPE
'knife edge (several equilibria)'
>>> posture_label(pay, F(1, 2), 1), posture_label(pay, 0, 1)
('mixed probing', 'deterrence by denial')
>>> posture_pure_equilibria({**pay, "A_U": -1, "A_I": 2}, F(1, 2), 1)
[('Refrain', 'Under-react'), ('Probe', 'Intercept')]
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TypeVar

import sympy

__all__ = ["REGIMES", "SEQUENTIAL_REGIMES", "POSTURE_REGIMES", "KNIFE_EDGE",
           "sequential_label", "posture_label", "posture_pure_equilibria",
           "sequential_regime_conditions", "posture_regime_conditions"]

NO_INCENTIVE = "no incentive to probe"
TOLERATED = "tolerated probing"
DENIAL = "deterrence by denial"
CONTESTED = "contested probing"
INVITED = "invited probing"
PUNISHMENT = "deterrence by punishment"
RISKING = "retaliation risking escalation"
MIXED = "mixed probing"
#: The label of points where the equilibria disagree (ties, an indifferent Aggressor).
KNIFE_EDGE = "knife edge (several equilibria)"

#: Every regime label of the family, in docs/model.md's order.
REGIMES: tuple[str, ...] = (NO_INCENTIVE, TOLERATED, DENIAL, CONTESTED, INVITED, PUNISHMENT,
                            RISKING, MIXED, KNIFE_EDGE)
#: The labels of the sequential game (all but mixed probing).
SEQUENTIAL_REGIMES: tuple[str, ...] = tuple(r for r in REGIMES if r != MIXED)
#: The labels of the posture game.
POSTURE_REGIMES: tuple[str, ...] = REGIMES

_REPLIES = ("Under-react", "Intercept", "Retaliate")
_KEYS = ("U", "I", "X")
_BY_REPLY = {"U": (TOLERATED, TOLERATED), "I": (DENIAL, CONTESTED), "X": (PUNISHMENT, RISKING)}

T = TypeVar("T", Fraction, float, int)


def _reply_regime(key: str, a_u: T, a_r: T) -> str:
    """The regime of one best reply (key U, I or X) given A_U and that reply's A_r."""
    if a_u <= 0:
        return NO_INCENTIVE if a_r <= 0 else INVITED
    if a_r == 0:
        return KNIFE_EDGE
    return _BY_REPLY[key][a_r > 0]


def sequential_label(pay: Mapping[str, T]) -> str:
    """The regime of the sequential game from the six payoffs after a probe (numbers).

    Exact for exact input (no tolerance: ties are ties); see the module docstring.

    Examples
    --------
    >>> sequential_label(dict(A_U=0, A_I=-1, A_X=-2, D_U=-1, D_I=-1, D_X=-3))
    'no incentive to probe'
    """
    d = {k: pay["D_" + k] for k in _KEYS}
    best = max(d.values())
    found = {_reply_regime(k, pay["A_U"], pay["A_" + k]) for k in _KEYS if d[k] == best}
    return found.pop() if len(found) == 1 else KNIFE_EDGE


def posture_pure_equilibria(pay: Mapping[str, T], m_i: T, m_x: T) -> list[tuple[str, str]]:
    """Every pure Nash equilibrium of the posture game, Refrain rows first.

    The Defender's payoff from posture ``c`` is ``-m_c`` if no probe comes and
    ``D_c - m_c`` after a probe (``m_U = 0``); the Aggressor's is 0 or ``A_c``.

    Examples
    --------
    >>> posture_pure_equilibria(dict(A_U=1, A_I=-1, A_X=-1, D_U=-4, D_I=-2, D_X=-3), 0, 1)
    [('Refrain', 'Intercept')]
    """
    m = {"U": 0, "I": m_i, "X": m_x}
    a = {k: pay["A_" + k] for k in _KEYS}
    e = {k: pay["D_" + k] - m[k] for k in _KEYS}
    out = [("Refrain", r) for k, r in zip(_KEYS, _REPLIES, strict=True)
           if -m[k] >= -min(m.values()) and a[k] <= 0]
    out += [("Probe", r) for k, r in zip(_KEYS, _REPLIES, strict=True)
            if e[k] >= max(e.values()) and a[k] >= 0]
    return out


def posture_label(pay: Mapping[str, T], m_i: T, m_x: T) -> str:
    """The regime of the posture game from its payoffs and readiness costs (numbers).

    Examples
    --------
    >>> posture_label(dict(A_U=1, A_I=-1, A_X=-1, D_U=-4, D_I=-2, D_X=-3), 0, 0)
    'knife edge (several equilibria)'
    """
    pure = posture_pure_equilibria(pay, m_i, m_x)
    a = {r: pay["A_" + k] for k, r in zip(_KEYS, _REPLIES, strict=True)}
    if pay["A_U"] <= 0:
        return INVITED if any(mv == "Probe" and a[r] > 0 for mv, r in pure) else NO_INCENTIVE
    if not pure:
        return MIXED
    if len(pure) > 1 or a[pure[0][1]] == 0:
        return KNIFE_EDGE
    return _reply_regime(_KEYS[_REPLIES.index(pure[0][1])], pay["A_U"], a[pure[0][1]])


# ---------------------------------------------------------------- symbolic conditions
# Each relation compares an expanded difference with 0 (short enough for scenario files).
_ZERO = sympy.Integer(0)


def _gt(x: sympy.Expr, y: sympy.Expr = _ZERO) -> sympy.Basic:
    return sympy.expand(x - y) > 0


def _ge(x: sympy.Expr, y: sympy.Expr = _ZERO) -> sympy.Basic:
    return sympy.expand(x - y) >= 0


def _eq(x: sympy.Expr, y: sympy.Expr = _ZERO) -> sympy.Basic:
    return sympy.Eq(sympy.expand(x - y), 0)


def _best(d: Mapping[str, sympy.Expr], k: str, strict: bool) -> sympy.Basic:
    """``k`` is a best reply (``strict``: the only one) among the values ``d``."""
    rel = _gt if strict else _ge
    return sympy.And(*(rel(d[k], d[j]) for j in _KEYS if j != k))


def _ties(d: Mapping[str, sympy.Expr]) -> dict[str, sympy.Basic]:
    """Two replies both best: ``"UI"``, ``"UX"``, ``"IX"``."""
    return {"UI": sympy.And(_eq(d["U"], d["I"]), _ge(d["U"], d["X"])),
            "UX": sympy.And(_eq(d["U"], d["X"]), _ge(d["U"], d["I"])),
            "IX": sympy.And(_eq(d["I"], d["X"]), _ge(d["I"], d["U"]))}


def sequential_regime_conditions(pay: Mapping[str, sympy.Expr]) -> dict[str, sympy.Basic]:
    """Each sequential regime's condition as a sympy Boolean (mutually exclusive, exhaustive).

    Examples
    --------
    >>> a_u, a_i, a_x, d_u, d_i, d_x = sympy.symbols("A_U A_I A_X D_U D_I D_X", real=True)
    >>> c = sequential_regime_conditions(dict(A_U=a_u, A_I=a_i, A_X=a_x, D_U=d_u,
    ...                                       D_I=d_i, D_X=d_x))
    >>> c["tolerated probing"]
    (A_U > 0) & (-D_I + D_U > 0) & (D_U - D_X > 0)
    """
    d = {k: pay["D_" + k] for k in _KEYS}
    a_u, a_i, a_x = pay["A_U"], pay["A_I"], pay["A_X"]
    only = {k: _best(d, k, strict=True) for k in _KEYS}
    tie = _ties(d)
    gain = _gt(a_u)
    not_u = sympy.Or(_gt(d["I"], d["U"]), _gt(d["X"], d["U"]))
    not_i = sympy.Or(_gt(d["U"], d["I"]), _gt(d["X"], d["I"]))
    not_x = sympy.Or(_gt(d["U"], d["X"]), _gt(d["I"], d["X"]))
    return {
        NO_INCENTIVE: sympy.And(~gain, sympy.Or(not_i, ~_gt(a_i)), sympy.Or(not_x, ~_gt(a_x))),
        TOLERATED: sympy.And(gain, only["U"]),
        DENIAL: sympy.And(gain, only["I"], _gt(0, a_i)),
        CONTESTED: sympy.And(gain, only["I"], _gt(a_i)),
        INVITED: sympy.And(~gain, not_u, sympy.Or(not_i, _gt(a_i)), sympy.Or(not_x, _gt(a_x))),
        PUNISHMENT: sympy.And(gain, only["X"], _gt(0, a_x)),
        RISKING: sympy.And(gain, only["X"], _gt(a_x)),
        KNIFE_EDGE: sympy.Or(
            sympy.And(gain, sympy.Or(*tie.values(), sympy.And(only["I"], _eq(a_i)),
                                     sympy.And(only["X"], _eq(a_x)))),
            sympy.And(~gain, sympy.Or(
                sympy.And(tie["UI"], _gt(a_i)), sympy.And(tie["UX"], _gt(a_x)),
                sympy.And(tie["IX"], sympy.Or(sympy.And(_gt(a_i), ~_gt(a_x)),
                                              sympy.And(~_gt(a_i), _gt(a_x))))))),
    }


def posture_regime_conditions(pay: Mapping[str, sympy.Expr], m_i: sympy.Expr,
                              m_x: sympy.Expr) -> dict[str, sympy.Basic]:
    """Each posture regime's condition as a sympy Boolean, for readiness costs >= 0.

    Written from the pure-equilibrium conditions of :func:`posture_pure_equilibria`
    (with :math:`m_I, m_X \\ge 0`, Intercept is a best posture against Refrain iff
    :math:`m_I = 0`); mutually exclusive and exhaustive on that domain.

    Examples
    --------
    >>> a_u, a_i, a_x, d_u, d_i, d_x, m = sympy.symbols("A_U A_I A_X D_U D_I D_X m",
    ...                                                 real=True)
    >>> c = posture_regime_conditions(dict(A_U=a_u, A_I=a_i, A_X=a_x, D_U=d_u, D_I=d_i,
    ...                                    D_X=d_x), m, m)
    >>> print(c["invited probing"])  # doctest: +NORMALIZE_WHITESPACE
    (A_U <= 0) & (((A_I > 0) & (D_I - D_X >= 0) & (D_I - D_U - m >= 0)) |
    ((A_X > 0) & (-D_I + D_X >= 0) & (-D_U + D_X - m >= 0)))
    """
    e = {"U": pay["D_U"], "I": pay["D_I"] - m_i, "X": pay["D_X"] - m_x}
    a = {k: pay["A_" + k] for k in _KEYS}
    gain = _gt(a["U"])
    # the pure equilibria other than (Refrain, Under-react), which needs A_U <= 0
    eq = {("R", "I"): sympy.And(_eq(m_i), ~_gt(a["I"])),
          ("R", "X"): sympy.And(_eq(m_x), ~_gt(a["X"])),
          **{("P", k): sympy.And(_ge(a[k]), _best(e, k, strict=False)) for k in _KEYS}}
    names = list(eq)

    def alone(key: tuple[str, str]) -> sympy.Basic:
        return sympy.And(eq[key], *(sympy.Not(eq[o]) for o in names if o != key))

    two = sympy.Or(*(sympy.And(eq[p], eq[q]) for i, p in enumerate(names)
                     for q in names[i + 1:]))
    zero = sympy.Or(*(sympy.And(eq[key], _eq(a[key[1]])) for key in names))
    invited = sympy.Or(*(sympy.And(_gt(a[k]), _best(e, k, strict=False)) for k in ("I", "X")))
    return {
        NO_INCENTIVE: sympy.And(~gain, sympy.Not(invited)),
        TOLERATED: sympy.And(gain, alone(("P", "U"))),
        DENIAL: sympy.And(gain, alone(("R", "I")), _gt(0, a["I"])),
        CONTESTED: sympy.And(gain, alone(("P", "I")), _gt(a["I"])),
        INVITED: sympy.And(~gain, invited),
        PUNISHMENT: sympy.And(gain, alone(("R", "X")), _gt(0, a["X"])),
        RISKING: sympy.And(gain, alone(("P", "X")), _gt(a["X"])),
        MIXED: sympy.And(gain, *(sympy.Not(c) for c in eq.values())),
        KNIFE_EDGE: sympy.And(gain, sympy.Or(two, zero)),
    }
