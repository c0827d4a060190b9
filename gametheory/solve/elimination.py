"""Iterated elimination of dominated strategies of a labelled game, with a readable trace.

The game-level face of :mod:`gametheory.solve.dominance` (which works on payoff arrays
and indices; see there for the mathematics and the order of elimination): it hands the
game's payoffs to :func:`~gametheory.solve.dominance.iterated_elimination`, then writes
each removal as a sentence with the game's labels and builds the reduced game.

Examples
--------
>>> import gametheory as gt
>>> pd = gt.NormalFormGame([[3, 0], [5, 1]], [[3, 5], [0, 1]],
...                        strategies=(("Cooperate", "Defect"), ("Cooperate", "Defect")))
>>> res = pd.eliminate_dominated()
>>> res.game.strategies
(('Defect',), ('Defect',))
>>> print(res.steps[0].reason)
Row: Cooperate is strictly dominated by Defect (3 < 5 against Cooperate, 0 < 1 against Defect)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .._numbers import format_number
from ..core.game import NormalFormGame
from .dominance import Removal, find_dominator, iterated_elimination

__all__ = ["eliminate_dominated", "EliminationResult", "EliminationStep", "dominating_strategy"]

@dataclass(frozen=True)
class EliminationStep:
    """One removed strategy.

    Attributes
    ----------
    round : int
        1-based round of the maximal simultaneous elimination.
    player : str
        Name of the player whose strategy goes; ``player_index`` is 0 (row) or 1.
    strategy : str
        Label of the removed strategy; ``index`` is its index in the original game.
    dominated_by : str or dict
        The dominating strategy: a label, or a mixed strategy ``{label: Fraction}``.
    strict : bool
        True for strict dominance, False for weak.
    reason : str
        A sentence saying what dominates what, with the payoff comparison.
    """

    round: int
    player: str
    player_index: int
    strategy: str
    index: int
    dominated_by: str | dict[str, Fraction] = field(hash=False)
    strict: bool
    reason: str = field(compare=False)

    @property
    def by_mixed(self) -> bool:
        """True when the dominating strategy is a proper mixture."""
        return isinstance(self.dominated_by, dict)

    def __str__(self) -> str:
        return self.reason


@dataclass(frozen=True)
class EliminationResult:
    """The outcome of iterated elimination of dominated strategies.

    Attributes
    ----------
    game : NormalFormGame
        The reduced game, with the original labels.
    original : NormalFormGame
        The game the elimination started from.
    steps : tuple of EliminationStep
        Every removal, in order (by round, row player first, then by strategy index).
    remaining : tuple of two tuples of int
        Indices (in ``original``) of the surviving row and column strategies.
    weak, mixed : bool
        Whether weak dominance and dominance by mixed strategies were used.
    rounds : int
        Number of rounds that removed something.
    """

    game: NormalFormGame
    original: NormalFormGame = field(repr=False)
    steps: tuple[EliminationStep, ...]
    remaining: tuple[tuple[int, ...], tuple[int, ...]]
    weak: bool = False
    mixed: bool = False
    rounds: int = 0

    @property
    def removed(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Labels of the removed strategies of each player."""
        return (tuple(s.strategy for s in self.steps if s.player_index == 0),
                tuple(s.strategy for s in self.steps if s.player_index == 1))

    def describe(self) -> str:
        """A multi-line human-readable account of the elimination."""
        kind = ("weakly" if self.weak else "strictly") + (
            " (pure or mixed)" if self.mixed else " (by pure strategies)")
        head = f"Iterated elimination of {kind} dominated strategies"
        if self.original.title:
            head += f" in {self.original.title!r}"
        lines = [head + ":"]
        if not self.steps:
            lines.append("  nothing is dominated; the game is unchanged.")
        for s in self.steps:
            lines.append(f"  round {s.round}: {s.reason}")
        left = "; ".join(f"{p}: {', '.join(labs)}"
                         for p, labs in zip(self.game.players, self.game.strategies,
                                            strict=True))
        lines.append(f"Remaining: {left}.")
        if self.weak and self.steps:
            lines.append("(Weak dominance is order dependent; this is maximal simultaneous "
                         "elimination.)")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()

    def _repr_html_(self) -> str:
        import html

        lines = self.describe().splitlines()
        items = "".join(f"<li>{html.escape(x.strip())}</li>" for x in lines[1:])
        return f"<p>{html.escape(lines[0])}</p><ul>{items}</ul>"


def _reason(game: NormalFormGame, r: Removal) -> str:
    """The sentence for one removal: what dominates what, with the payoff comparison."""
    labels = game.strategies[r.player]
    opp = game.strategies[1 - r.player]
    if isinstance(r.dominator, dict):
        # quote labels that look like numbers, so "3/5 '2'" is not read as a product
        shown = [repr(labels[k]) if labels[k][:1] in "0123456789+-." else labels[k]
                 for k in r.dominator]
        name = " + ".join(f"{format_number(p)} {lab}"
                          for p, lab in zip(r.dominator.values(), shown, strict=True))
    else:
        name = labels[r.dominator]
    kind = "strictly" if r.strict else "weakly"
    text = f"{game.players[r.player]}: {labels[r.index]} is {kind} dominated by {name}"
    pairs = list(zip(r.payoffs, r.dominator_payoffs, strict=True))
    if len(r.against) <= 6:
        parts = [f"{format_number(w)} {'<' if w < b else '='} {format_number(b)} "
                 f"against {opp[j]}" for (w, b), j in zip(pairs, r.against, strict=True)]
        text += " (" + ", ".join(parts) + ")"
    else:
        n_less = sum(w < b for w, b in pairs)
        text += (f" (pays less against {n_less} of the {len(r.against)} remaining strategies "
                 f"of {game.players[1 - r.player]}" + ("" if r.strict else ", never more") + ")")
    return text


def dominating_strategy(game: NormalFormGame, player: int | str, strategy: int | str,
                        weak: bool = False, mixed: bool = False
                        ) -> str | dict[str, Fraction] | None:
    """A strategy of ``player`` that dominates ``strategy`` in ``game``, or None.

    Strict dominance is tried first; with ``weak=True`` weak dominance next. The answer
    is a label, or with ``mixed=True`` possibly a mixed strategy ``{label: Fraction}``.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.NormalFormGame([[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]],
    ...                       strategies=(("T", "M", "B"), ("L", "R")))
    >>> gt.solve.dominating_strategy(g, 0, "B") is None
    True
    >>> gt.solve.dominating_strategy(g, 0, "B", mixed=True)
    {'T': Fraction(1, 2), 'M': Fraction(1, 2)}
    """
    p = game.player_index(player)
    i = game.strategy_index(p, strategy)
    dom = find_dominator(game.A, game.B, p, i, weak=weak, mixed=mixed)
    if dom is None:
        return None
    labels = game.strategies[p]
    if isinstance(dom, dict):
        return {labels[k]: pr for k, pr in dom.items()}
    return labels[dom]


def eliminate_dominated(game: NormalFormGame, weak: bool = False, mixed: bool = False
                        ) -> EliminationResult:
    """Iterated elimination of dominated strategies, with a trace.

    Parameters
    ----------
    game : NormalFormGame
    weak : bool, default False
        Also remove weakly dominated strategies. Order dependent: this function uses
        maximal simultaneous elimination (see :mod:`gametheory.solve.dominance`).
    mixed : bool, default False
        Also consider domination by mixed strategies (exact linear programming).

    Returns
    -------
    EliminationResult
        ``.game`` the reduced game with the original labels, ``.steps`` the removals with
        their reasons, ``.remaining`` the surviving strategy indices.

    Examples
    --------
    A strategy that only a mixed strategy dominates (the standard example, cf. Osborne
    2004, section 4.4): B is never a best response, yet neither T nor M alone dominates it.

    >>> import gametheory as gt
    >>> g = gt.NormalFormGame([[3, 0], [0, 3], [1, 1]], [[1, 0], [0, 1], [1, 1]],
    ...                       strategies=(("T", "M", "B"), ("L", "R")))
    >>> g.eliminate_dominated().steps
    ()
    >>> res = g.eliminate_dominated(mixed=True)
    >>> res.steps[0].dominated_by
    {'T': Fraction(1, 2), 'M': Fraction(1, 2)}
    >>> res.game.strategies
    (('T', 'M'), ('L', 'R'))
    """
    trace = iterated_elimination(game.A, game.B, weak=weak, mixed=mixed)
    steps = []
    for r in trace.removals:
        labels = game.strategies[r.player]
        shown = ({labels[k]: pr for k, pr in r.dominator.items()}
                 if isinstance(r.dominator, dict) else labels[r.dominator])
        steps.append(EliminationStep(
            round=r.round, player=game.players[r.player], player_index=r.player,
            strategy=labels[r.index], index=r.index, dominated_by=shown, strict=r.strict,
            reason=_reason(game, r)))
    rows, cols = trace.remaining
    return EliminationResult(game=game.restrict(rows, cols), original=game,
                             steps=tuple(steps), remaining=trace.remaining, weak=weak,
                             mixed=mixed, rounds=trace.rounds)
