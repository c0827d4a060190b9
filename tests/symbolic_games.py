"""Parametric games with textbook closed forms, shared by the symbolic-analysis tests.

Closed forms used:
- Prisoner's dilemma with T > R > P > S: (D, D) is the unique equilibrium; (C, C) is one
  iff R >= T (Osborne, An Introduction to Game Theory, 2004, sec. 2.2).
- Hawk-Dove with value V and cost C (Maynard Smith 1974, J. Theor. Biol. 47; Maynard
  Smith, Evolution and the Theory of Games, 1982): payoffs HH (V - C)/2, HD V, DH 0,
  DD V/2; for C > V the mixed equilibrium plays Hawk with probability V/C and the pure
  equilibria are (H, D) and (D, H); for V > C, (H, H) is the unique equilibrium.
- Matching pennies with stake a > 0: no pure equilibrium, unique mixed (1/2, 1/2).
- Inspection game (Tsebelis 1989, APSR 83(1); Avenhaus, von Stengel and Zamir 2002,
  Handbook of Game Theory vol. 3, ch. 51): inspectee Violate/Comply, inspector
  Inspect/Trust; inspectee gets g - f if caught, g if not, 0 by complying; inspector pays
  c to inspect and loses l from an undetected violation. For f > g and l > c the unique
  equilibrium is mixed: violate with probability c/l, inspect with probability g/f.
"""

from __future__ import annotations

import sympy

import gametheory as gt


def sym(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, real=True)


def prisoners_dilemma(**kw) -> gt.ParametricGame:
    return gt.ParametricGame([["R", "S"], ["T", "P"]], [["R", "T"], ["S", "P"]],
                             ["R", "S", "T", "P"], strategies=(("C", "D"), ("C", "D")), **kw)


def hawk_dove() -> gt.ParametricGame:
    pos = (0, None)
    return gt.ParametricGame(
        [["(V - C)/2", "V"], [0, "V/2"]], [["(V - C)/2", 0], ["V", "V/2"]],
        [gt.Parameter("V", bounds=pos, default=2), gt.Parameter("C", bounds=pos, default=6)],
        strategies=(("Hawk", "Dove"), ("Hawk", "Dove")), title="Hawk-Dove")


def inspection() -> gt.ParametricGame:
    return gt.ParametricGame(
        [["g - f", "g"], [0, 0]], [["-c", "-l"], ["-c", 0]],
        [gt.Parameter(n, bounds=(0, None), default=d)
         for n, d in (("g", 1), ("f", 4), ("c", 1), ("l", 3))],
        players=("Inspectee", "Inspector"),
        strategies=(("Violate", "Comply"), ("Inspect", "Trust")),
        constraints=["f > g", "l > c"])


def pure_set(game: gt.NormalFormGame) -> set[tuple[str, str]]:
    return {e.pure_labels() for e in game.equilibria() if e.is_pure}

