"""Bimatrix games written down by hand, each with its source and known extreme equilibria.

Every entry records the payoff matrices, where they come from, and the complete set of
extreme Nash equilibria (the vertices of the maximal Nash subsets, as Gambit's
``enummixed`` reports them) derived by hand from the source or, for the constructed
degenerate games, by the short derivation in the comment. The tests compare
``equilibria()`` with these sets and with the brute-force reference solver.

Sources
-------
[OR94] M. J. Osborne and A. Rubinstein (1994), *A Course in Game Theory*, MIT Press,
       Sec. 2.3 (Battle of the Sexes, coordination game, Prisoner's Dilemma, Hawk-Dove,
       Matching Pennies) and Sec. 3.2 (their mixed equilibria).
[vS07] B. von Stengel (2007), Equilibrium computation for two-player games in strategic
       and extensive form, ch. 3 of Nisan et al. (eds.), *Algorithmic Game Theory*: the
       3x2 example game of Sec. 3.2-3.3 and its degenerate variant of Sec. 3.4.
[Au74] R. J. Aumann (1974), Subjectivity and correlation in randomized strategies,
       J. Math. Econ. 1, 67-96: the game of Chicken with payoffs 6, 7, 2, 0.
[Sh64] L. S. Shapley (1964), Some topics in two-person games, Annals of Mathematics
       Studies 52: the cyclic 3x3 game on which fictitious play fails to converge.
[Se78] R. Selten (1978), The chain store paradox, Theory and Decision 9, 127-159: the
       entry stage game (out: 1 and 5; in and accommodate: 2 and 2; in and fight: 0, 0).
[KM86] E. Kohlberg and J.-F. Mertens (1986), On the strategic stability of equilibria,
       Econometrica 54, 1003-1037: the battle of the sexes with an outside option.
[My78] R. B. Myerson (1978), Refinements of the Nash equilibrium concept, International
       Journal of Game Theory 7, 73-80: the 3x3 game in which (y, y) is perfect but not
       proper (a dominated strategy z with payoffs -9 and -7 added to a 2x2 game).
[vN44] J. von Neumann and O. Morgenstern (1944), rock-paper-scissors as the standard
       symmetric zero-sum example.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

__all__ = ["ReferenceGame", "REFERENCE_GAMES", "by_name"]


def _vec(spec: str) -> tuple[Fraction, ...]:
    return tuple(Fraction(s) for s in spec.split())


@dataclass(frozen=True)
class ReferenceGame:
    """A game with its known extreme equilibria.

    ``equilibria`` are pairs of space-separated probability strings; ``components`` lists
    the number of extreme equilibria in each connected component (in solver order);
    ``degenerate`` is the known answer to ``is_degenerate``.
    """

    name: str
    A: list
    B: list
    equilibria: list[tuple[str, str]]
    source: str
    degenerate: bool
    components: list[int] | None = None

    def expected(self) -> list[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]]:
        """The equilibria as Fraction pairs, in the solver's documented order."""
        pairs = [(_vec(x), _vec(y)) for x, y in self.equilibria]
        return sorted(pairs, key=lambda e: (tuple(-v for v in e[0]), tuple(-v for v in e[1])))


REFERENCE_GAMES: list[ReferenceGame] = [
    # ---------------------------------------------------------------- textbook games
    ReferenceGame("matching pennies", [[1, -1], [-1, 1]], [[-1, 1], [1, -1]],
                  [("1/2 1/2", "1/2 1/2")], "[OR94] Sec. 2.3, 3.2", False, [1]),
    ReferenceGame("battle of the sexes", [[2, 0], [0, 1]], [[1, 0], [0, 2]],
                  [("1 0", "1 0"), ("2/3 1/3", "1/3 2/3"), ("0 1", "0 1")],
                  "[OR94] Sec. 2.3, 3.2", False, [1, 1, 1]),
    # coordination (Mozart or Mahler): column indifferent when 2 x1 = x2
    ReferenceGame("coordination", [[2, 0], [0, 1]], [[2, 0], [0, 1]],
                  [("1 0", "1 0"), ("1/3 2/3", "1/3 2/3"), ("0 1", "0 1")],
                  "[OR94] Sec. 2.3", False, [1, 1, 1]),
    ReferenceGame("prisoner's dilemma", [[3, 0], [4, 1]], [[3, 4], [0, 1]],
                  [("0 1", "0 1")], "[OR94] Sec. 2.3", False, [1]),
    # Hawk-Dove (Dove, Hawk): 3 - 2q = 4 - 4q at q = 1/2
    ReferenceGame("hawk-dove", [[3, 1], [4, 0]], [[3, 4], [1, 0]],
                  [("1 0", "0 1"), ("1/2 1/2", "1/2 1/2"), ("0 1", "1 0")],
                  "[OR94] Sec. 2.3, 3.2", False, [1, 1, 1]),
    # Chicken: 6q + 2(1 - q) = 7q at q = 2/3
    ReferenceGame("chicken (Aumann)", [[6, 2], [7, 0]], [[6, 7], [2, 0]],
                  [("1 0", "0 1"), ("2/3 1/3", "2/3 1/3"), ("0 1", "1 0")],
                  "[Au74] Sec. 8", False, [1, 1, 1]),
    ReferenceGame("rock-paper-scissors", [[0, -1, 1], [1, 0, -1], [-1, 1, 0]],
                  [[0, 1, -1], [-1, 0, 1], [1, -1, 0]],
                  [("1/3 1/3 1/3", "1/3 1/3 1/3")], "[vN44]", False, [1]),
    ReferenceGame("Shapley's cyclic game", [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
                  [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
                  [("1/3 1/3 1/3", "1/3 1/3 1/3")], "[Sh64]", False, [1]),
    ReferenceGame("von Stengel 3x2", [[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]],
                  [("1 0 0", "1 0"), ("4/5 1/5 0", "2/3 1/3"), ("0 1/3 2/3", "1/3 2/3")],
                  "[vS07] Sec. 3.2-3.3", False, [1, 1, 1]),
    # the degenerate variant: pure top row has two best replies; component from (1, 0)
    # to (2/3, 1/3) for the column player
    ReferenceGame("von Stengel 3x2 degenerate", [[3, 3], [2, 5], [0, 6]],
                  [[3, 3], [2, 6], [3, 1]],
                  [("1 0 0", "1 0"), ("1 0 0", "2/3 1/3"), ("0 1/3 2/3", "1/3 2/3")],
                  "[vS07] Sec. 3.4", True, [2, 1]),
    # entry: Out is a best reply iff the incumbent fights with probability >= 1/2
    ReferenceGame("Selten entry stage game", [[1, 1], [0, 2]], [[5, 5], [0, 2]],
                  [("1 0", "1 0"), ("1 0", "1/2 1/2"), ("0 1", "0 1")],
                  "[Se78] Sec. 2 (normal form of the stage game)", True, [2, 1]),
    # rows Out, In-T, In-B; columns L, R. Out is best iff y_L <= 2/3; (In-T, L) is the
    # forward-induction equilibrium; no equilibrium mixes In-T and In-B (3/4 < 2)
    ReferenceGame("outside option battle of the sexes", [[2, 2], [3, 0], [0, 1]],
                  [[0, 0], [1, 0], [0, 3]],
                  [("1 0 0", "2/3 1/3"), ("1 0 0", "0 1"), ("0 1 0", "1 0")],
                  "[KM86] Sec. 2", True, [2, 1]),
    # Myerson's game: against y both x and y are best replies, against z both y and z (so
    # degenerate), yet no mixture is an equilibrium: mixing x in makes the opponent's x
    # strictly better than y, mixing y into z makes y strictly better than z
    ReferenceGame("Myerson proper-equilibrium game",
                  [[1, 0, -9], [0, 0, -7], [-9, -7, -7]], [[1, 0, -9], [0, 0, -7], [-9, -7, -7]],
                  [("1 0 0", "1 0 0"), ("0 1 0", "0 1 0"), ("0 0 1", "0 0 1")],
                  "[My78] Sec. 2", True, [1, 1, 1]),
    # ---------------------------------------------------------------- built degenerate
    # probe or refrain, the defender answers a probe (game.py's example): Refrain is a
    # best reply iff 2 yT - (1 - yT) <= 0, i.e. yT <= 1/3
    ReferenceGame("probe-response sequential", [[0, 0], [2, -1]], [[0, 0], [-2, -3]],
                  [("1 0", "1/3 2/3"), ("1 0", "0 1"), ("0 1", "1 0")],
                  "constructed: normal form of a one-shot probe/response tree", True, [2, 1]),
    # identical columns for the column player and a dominant row: (R1, any y)
    ReferenceGame("identical columns", [[1, 1], [0, 0]], [[1, 1], [0, 0]],
                  [("1 0", "1 0"), ("1 0", "0 1")], "constructed", True, [2]),
    # identical rows: the row player is indifferent; the column player's best reply to
    # either row is C2
    ReferenceGame("identical rows", [[1, 0], [1, 0]], [[0, 1], [0, 1]],
                  [("1 0", "0 1"), ("0 1", "0 1")], "constructed", True, [2]),
    # an all-equal row: R1 pays 2 whatever happens, so R1 is best iff 3 yC1 <= 2
    ReferenceGame("all-equal row", [[2, 2], [3, 0]], [[1, 1], [0, 1]],
                  [("1 0", "2/3 1/3"), ("1 0", "0 1")], "constructed", True, [2]),
    # a tie for the column player against R1: (R1, yC1 >= 1/2) and (R2, C2)
    ReferenceGame("tie", [[1, 0], [0, 1]], [[1, 1], [0, 1]],
                  [("1 0", "1 0"), ("1 0", "1/2 1/2"), ("0 1", "0 1")],
                  "constructed", True, [2, 1]),
    ReferenceGame("1x1", [[5]], [[-2]], [("1", "1")], "constructed", False, [1]),
    # 1xN: every best reply of the column player; two of them tie
    ReferenceGame("1x4 with a tie", [[0, 1, 2, 3]], [[1, 3, 3, 2]],
                  [("1", "0 1 0 0"), ("1", "0 0 1 0")], "constructed", True, [2]),
    ReferenceGame("1x3 strict", [[0, 0, 0]], [[1, 3, 2]], [("1", "0 1 0")],
                  "constructed", False, [1]),
    ReferenceGame("3x1 with a tie", [[4], [1], [4]], [[0], [1], [2]],
                  [("1 0 0", "1"), ("0 0 1", "1")], "constructed", True, [2]),
    # all-zero: every pure profile is an extreme equilibrium, one component
    ReferenceGame("all-zero 2x3", [[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0]],
                  [("1 0", "1 0 0"), ("1 0", "0 1 0"), ("1 0", "0 0 1"),
                   ("0 1", "1 0 0"), ("0 1", "0 1 0"), ("0 1", "0 0 1")],
                  "constructed", True, [6]),
    # matching pennies shifted to payoffs around one million
    ReferenceGame("matching pennies near 1e6", [[1000001, 999999], [999999, 1000001]],
                  [[999999, 1000001], [1000001, 999999]],
                  [("1/2 1/2", "1/2 1/2")], "constructed from [OR94]", False, [1]),
    # battle of the sexes scaled to payoffs around 1e19 (beyond int64)
    ReferenceGame("battle of the sexes near 1e19",
                  [[2 * 10**19, 0], [0, 10**19]], [[10**19, 0], [0, 2 * 10**19]],
                  [("1 0", "1 0"), ("2/3 1/3", "1/3 2/3"), ("0 1", "0 1")],
                  "constructed from [OR94]", False, [1, 1, 1]),
    # tiny and huge payoffs together: the column player's 1e-9 edge decides
    ReferenceGame("mixed magnitudes", [[10**19, 0], [0, 10**19]],
                  [[Fraction(1, 10**9), 0], [0, Fraction(2, 10**9)]],
                  [("1 0", "1 0"), ("2/3 1/3", "1/2 1/2"), ("0 1", "0 1")],
                  "constructed", False, [1, 1, 1]),
]


def by_name(name: str) -> ReferenceGame:
    """The reference game called ``name``."""
    for g in REFERENCE_GAMES:
        if g.name == name:
            return g
    raise KeyError(name)
