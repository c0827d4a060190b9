r"""Gambit extensive-form (``.efg``) files: writing game trees.

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

from ..core.tree import GameTree
from ..errors import GameError
from .nfg import gambit_number, gambit_quote

__all__ = ["to_efg"]


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
