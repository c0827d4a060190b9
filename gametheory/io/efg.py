r"""Gambit extensive-form (``.efg``) files: reading and writing game trees.

A Gambit ``.efg`` file (McKelvey, McLennan and Turocy, *Gambit: Software Tools for Game
Theory*, "Game representation formats": "The extensive game (.efg) file format") lists
the nodes of a tree in preorder after a prologue ``EFG 2 R "title" { "player" ... }`` and
a quoted description. Each node is one line:

* personal (decision) node: ``p "" player infoset "infoset name" { "action" ... } 0``,
  where ``player`` counts from 1 and ``infoset`` numbers the player's information sets
  from 1 in order of first appearance;
* chance node: ``c "name" number "" { "outcome" probability ... } 0``;
* terminal node: ``t "" outcome "name" { payoff, payoff, ... }``, one outcome per
  terminal node, named by the node's history.

Text is quoted and numbers are written exactly as in :mod:`gametheory.io.nfg`, so the
file reads back into Gambit (``pygambit.read_efg``) with the same tree, information sets,
probabilities and payoffs. Only numeric trees are written; evaluate a symbolic one with
:meth:`~gametheory.core.tree.GameTree.at` first.

Reading (:func:`read_efg`) accepts what Gambit writes and documents: any number of
players; outcomes at any node (a node's outcome payoffs are added to every terminal
below it, as Gambit's own payoff computation does), given in full at an outcome's first
appearance and by number afterwards; the information-set name and action list at an
information set's first node and optionally again later (then they must agree); empty
names (filled in as ``"Player 2"`` or the action's position) and repeated action names
(made distinct by appending their position, since a tree's moves are addressed by name).
Every number is kept exact.
Errors name the line and column of the offending token; the size of the tree is bounded
(:data:`MAX_NODES`). Games without perfect recall (absent-minded drivers and the like),
which Gambit reads, are read as trees built with ``perfect_recall="allow"``
(:attr:`~gametheory.core.tree.GameTree.has_perfect_recall` is False): their normal form
and Nash equilibria work, and the solvers that need perfect recall refuse them naming the
information set; ``read_efg(..., perfect_recall="require")`` refuses them on reading. The
test suite reads every two-player ``.efg`` file of the Gambit repository that pygambit
reads (``tests/data/gambit-efg/``) and compares the pure equilibria of each reduced
normal form with pygambit's.

Examples
--------
>>> import gametheory as gt
>>> from gametheory.io.efg import to_efg
>>> T = gt.GameTree
>>> t = T(T.chance({"H": ("1/2", T.terminal(1, 0)), "T": ("1/2", T.terminal(0, 1))}),
...       players=("A", "B"))
>>> print(to_efg(t), end="")
EFG 2 R "" { "A" "B" }
""
<BLANKLINE>
c "" 1 "" { "H" 1/2 "T" 1/2 } 0
t "" 1 "H" { 1, 0 }
t "" 2 "T" { 0, 1 }
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ..core.tree import GameTree
from ..core.tree_nodes import chance, decision, terminal
from ..errors import GameError
from .nfg import _describe, _Parser, _source_text, gambit_number, gambit_quote

__all__ = ["to_efg", "read_efg", "MAX_NODES"]

#: Largest number of nodes :func:`read_efg` accepts by default.
MAX_NODES = 200_000


def to_efg(tree: GameTree) -> str:
    """The tree as the text of a Gambit ``.efg`` file (numeric trees only).

    >>> import gametheory as gt
    >>> T = gt.GameTree
    >>> t = T(T.decision("A", {"L": T.terminal(1, "1/2"), "R": T.terminal(0, 0)}),
    ...       players=("A", "B"), title="tiny")
    >>> print(to_efg(t))
    EFG 2 R "tiny" { "A" "B" }
    ""
    <BLANKLINE>
    p "" 1 1 "at the root" { "L" "R" } 0
    t "" 1 "L" { 1, 1/2 }
    t "" 2 "R" { 0, 0 }
    <BLANKLINE>
    """
    if tree.is_symbolic:
        raise GameError("to_efg() needs numbers; evaluate the tree with .at(...) first")
    q = gambit_quote
    lines = [f"EFG 2 R {q(tree.title)} {{ {' '.join(q(p) for p in tree.players)} }}",
             '""', ""]
    infosets = tree.information_sets()
    numbers: dict[int, int] = {}
    per_player: dict[int, int] = {}
    chance_count = 0
    outcome = 0
    for n in tree.nodes:
        if n.kind == "terminal":
            outcome += 1
            pays = ", ".join(gambit_number(v) for v in n.payoffs)
            lines.append(f't "" {outcome} {q(", ".join(n.history))} {{ {pays} }}')
        elif n.kind == "chance":
            chance_count += 1
            acts = " ".join(f"{q(a)} {gambit_number(p)}"
                            for a, p in zip(n.actions, n.probabilities, strict=True))
            lines.append(f'c {q(n.name or "")} {chance_count} "" {{ {acts} }} 0')
        else:
            h = infosets[n.infoset]
            if h.index not in numbers:
                per_player[n.player] = per_player.get(n.player, 0) + 1
                numbers[h.index] = per_player[n.player]
            acts = " ".join(q(a) for a in n.actions)
            lines.append(f'p "" {n.player + 1} {numbers[h.index]} {q(h.name)} '
                         f"{{ {acts} }} 0")
    return "\n".join(lines) + "\n"


class _EfgParser(_Parser):
    """The ``.efg`` grammar on the shared Gambit tokenizer and number reader."""

    def __init__(self, text: str, max_nodes: int) -> None:
        super().__init__(text, max_cells=max_nodes)
        self.max_nodes = max_nodes
        self.outcomes: dict[int, tuple[Fraction, ...]] = {}
        self.infosets: dict[tuple[int, int], tuple[str, tuple[str, ...]]] = {}
        self.chance_sets: dict[int, tuple[str, tuple[tuple[str, Fraction], ...]]] = {}
        self.count = 0
        self.n = 0

    def labels(self, what: str) -> list[str]:
        self.expect("{", f"'{{' opening the {what}")
        out = []
        while self.tok.kind == "text":
            out.append(self.advance().text)
        self.expect("}", f"a name in double quotes or '}}' closing the {what}")
        return out

    def header(self) -> tuple[str, list[str]]:  # type: ignore[override]
        tok = self.tok
        if tok.kind != "symbol" or tok.text != "EFG":
            raise self.error(f"a Gambit extensive-form file starts with 'EFG 2 R', found "
                             f"{_describe(tok)}")
        self.advance()
        if self.tok.kind != "number" or self.tok.text != "2":
            raise self.error(f"expected version 2 ('EFG 2'), found {_describe(self.tok)}")
        self.advance()
        if self.tok.kind != "symbol" or self.tok.text not in ("R", "D"):
            raise self.error(f"expected the data type R or D, found {_describe(self.tok)}")
        self.advance()
        title = self.expect("text", 'the game title in double quotes (it may be "")').text
        names = self.labels("list of player names")
        if not names:
            raise self.error("the file defines no players")
        self.n = len(names)
        return title, [p or f"Player {k + 1}" for k, p in enumerate(names)]

    def outcome(self) -> tuple[Fraction, ...] | None:
        tok = self.tok
        number = self.number("the outcome number (0 for none)")
        if number.denominator != 1 or number < 0:
            raise self.error("an outcome number is a whole number >= 0", tok)
        k = int(number)
        if self.tok.kind == "text":
            self.advance()  # the outcome's name
            self.expect("{", "'{' opening the outcome's payoffs")
            pays = []
            while self.tok.kind != "}":
                pays.append(self.number("a payoff"))
                self.skip_comma()
            self.advance()
            if len(pays) != self.n:
                raise self.error(f"outcome {k} has {len(pays)} payoffs for {self.n} players",
                                 tok)
            if k in self.outcomes and self.outcomes[k] != tuple(pays):
                raise self.error(f"outcome {k} is given twice with different payoffs", tok)
            if k == 0:
                raise self.error("outcome 0 is the null outcome and has no payoffs", tok)
            self.outcomes[k] = tuple(pays)
        if k == 0:
            return None
        if k not in self.outcomes:
            raise self.error(f"outcome {k} is used before its payoffs are given", tok)
        return self.outcomes[k]

    def node(self, carried: tuple[Fraction, ...]) -> Any:
        self.count += 1
        if self.count > self.max_nodes:
            raise self.error(f"the tree has more than {self.max_nodes} nodes (raise max_nodes "
                             "to read larger games)")
        tok = self.tok
        if tok.kind != "symbol" or tok.text not in ("p", "c", "t"):
            raise self.error(f"expected a node ('p', 'c' or 't'), found {_describe(tok)}")
        kind = self.advance().text
        self.expect("text", "the node's name in double quotes")

        def add(pays: tuple[Fraction, ...] | None) -> tuple[Fraction, ...]:
            return carried if pays is None else tuple(a + b for a, b in
                                                      zip(carried, pays, strict=True))

        if kind == "t":
            return terminal(*add(self.outcome()))
        if kind == "c":
            number = self.whole("the chance information set number")
            name = self.advance().text if self.tok.kind == "text" else ""
            moves: Sequence[tuple[str, Fraction]] | None = None
            if self.tok.kind == "{":
                open_tok = self.advance()
                pairs = []
                while self.tok.kind == "text":
                    label = self.advance().text
                    pairs.append((label, self.number("a chance probability")))
                    self.skip_comma()
                self.expect("}", "an action name or '}' closing the chance moves")
                if not pairs:
                    raise self.error("a chance node needs at least one move", open_tok)
                moves = tuple(pairs)
                known = self.chance_sets.get(number)
                if known is not None and known[1] != moves:
                    raise self.error(f"chance information set {number} is given twice with "
                                     "different moves", open_tok)
                self.chance_sets[number] = (name, moves)
            elif number in self.chance_sets:
                moves = self.chance_sets[number][1]
            else:
                raise self.error(f"chance information set {number} is used before its moves "
                                 "are given", tok)
            here = add(self.outcome())
            labels = _fill([a for a, _ in moves])
            return chance([(a, (p, self.node(here))) for a, (_, p) in zip(labels, moves,
                                                                           strict=True)])
        player = self.whole("the player number")
        if not 1 <= player <= self.n:
            raise self.error(f"player {player} is not one of the {self.n} players", tok)
        number = self.whole("the information set number")
        name = self.advance().text if self.tok.kind == "text" else None
        actions = tuple(self.labels("list of actions")) if self.tok.kind == "{" else None
        key = (player, number)
        if key in self.infosets:
            known_name, known_actions = self.infosets[key]
            if actions is not None and actions != known_actions:
                raise self.error(f"information set {number} of player {player} is given "
                                 "again with different actions", tok)
            actions = known_actions
            infoset = known_name
        else:
            if not actions:
                raise self.error(f"information set {number} of player {player} needs its "
                                 "list of actions at its first node", tok)
            taken = {known for known, _ in self.infosets.values()}
            infoset = name if name and name not in taken else f"{player}:{number}"
            self.infosets[key] = (infoset, actions)
        here = add(self.outcome())
        labels = _fill(list(actions))
        return decision(player - 1, [(a, self.node(here)) for a in labels], infoset=infoset)

    def whole(self, what: str) -> int:
        tok = self.tok
        value = self.number(what)
        if value.denominator != 1 or value < 0:
            raise self.error(f"{what} must be a whole number >= 0", tok)
        return int(value)


def _fill(labels: list[str]) -> list[str]:
    """Empty action names become their 1-based position (as Gambit shows them); a name
    that repeats an earlier one (Gambit allows it, e.g. chance moves named by their
    probability, ``"1/2" 1/2 "1/2" 1/2``) gets its position appended, ``"1/2 (2)"``.

    >>> _fill(["", "a", "a", "1/2", "1/2"])
    ['1', 'a', 'a (3)', '1/2', '1/2 (5)']
    """
    out: list[str] = []
    for k, a in enumerate(labels):
        name = a or str(k + 1)
        while name in out:
            name = f"{name} ({k + 1})"
        out.append(name)
    return out


def read_efg(path_or_text: Any, *, max_nodes: int = MAX_NODES,
             perfect_recall: str = "allow") -> GameTree:
    """Read a Gambit ``.efg`` file (a path, an open file or the text) into a
    :class:`~gametheory.core.tree.GameTree`.

    Raises
    ------
    ParseError
        With the line and column of the first token that breaks the grammar, an outcome
        or information set used before it is defined or defined twice differently, a
        player number out of range, or more than ``max_nodes`` nodes.
    GameError
        When the tree itself is invalid (e.g. chance probabilities that do not sum to 1),
        or lacks perfect recall and ``perfect_recall="require"``.

    Examples
    --------
    >>> t = read_efg('''EFG 2 R "Matching" { "A" "B" } ""
    ... p "" 1 1 "" { "H" "T" } 0
    ... p "" 2 1 "" { "h" "t" } 0
    ... t "" 1 "" { 1, -1 }
    ... t "" 2 "" { -1, 1 }
    ... p "" 2 1 "" { "h" "t" } 0
    ... t "" 2 "" { -1, 1 }
    ... t "" 1 "" { 1, -1 }''')
    >>> t.players, len(t.information_sets())
    (('A', 'B'), 2)
    >>> read_efg(to_efg(t)) == t
    True
    """
    text = _source_text(path_or_text)
    parser = _EfgParser(text, max_nodes)
    title, players = parser.header()
    if parser.tok.kind == "text":
        parser.advance()  # the description
    root = parser.node(tuple(Fraction(0) for _ in players))
    if parser.tok.kind != "eof":
        raise parser.error(f"expected the end of the file after the last node, found "
                           f"{_describe(parser.tok)}")
    return GameTree(root, players=players, title=title, perfect_recall=perfect_recall)
