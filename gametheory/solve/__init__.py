"""Equilibrium computation for two-player normal-form games.

A profile :math:`(x, y)` is a Nash equilibrium when each mixed strategy is a best reply to
the other. The equilibrium set of a bimatrix game is a finite union of convex polytopes
(*maximal Nash subsets*); its *extreme equilibria* are their vertices, finitely many, and
they describe the whole set (von Stengel 2007, ch. 3 of Nisan et al., *Algorithmic Game
Theory*; Avis, Rosenberg, Savani and von Stengel 2010, *Economic Theory* 42).

``equilibria(game, method=...)`` is the single entry point; ``NormalFormGame.equilibria``
calls it. Submodules: :mod:`.exact` (exact vertex enumeration), :mod:`.nashpy_backend`
(nashpy's algorithms, cleaned), :mod:`.components` (maximal Nash subsets and components),
:mod:`.pure`, :mod:`.reference` (brute force, the independent check).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .components import EquilibriumComponent, equilibrium_components
from .exact import exact_equilibria, extreme_equilibria, is_degenerate_exact
from .nashpy_backend import GameWarning
from .pure import pure_equilibria
from .reference import reference_equilibria

if TYPE_CHECKING:  # pragma: no cover
    from ..core.game import Equilibrium, NormalFormGame

__all__ = ["equilibria", "pure_equilibria", "reference_equilibria", "is_degenerate",
           "exact_equilibria", "extreme_equilibria", "METHODS", "GameWarning",
           "EquilibriumComponent", "equilibrium_components"]

#: The accepted ``method`` names of :func:`equilibria`.
METHODS = ("exact", "support", "vertex", "lemke-howson", "reference")


def _from_reference(game: NormalFormGame) -> list[Equilibrium]:
    from ..core.game import Equilibrium

    A, B = game.as_fraction()
    out = []
    for x, y in reference_equilibria(A.tolist(), B.tolist()):
        if not game.is_exact:
            x, y = tuple(map(float, x)), tuple(map(float, y))
        out.append(Equilibrium.from_game(game, x, y))
    return out


def equilibria(game: NormalFormGame, method: str = "exact", **options: Any) -> list[Equilibrium]:
    """Extreme Nash equilibria of ``game``, each once, in a deterministic order.

    Parameters
    ----------
    game : NormalFormGame
    method : {"exact", "support", "vertex", "lemke-howson", "reference"}
        ``"exact"`` (the default) is the toolkit's own exact vertex enumeration of the
        best-response polytopes (:mod:`gametheory.solve.exact`): it returns *every*
        extreme equilibrium exactly once, also on degenerate games (the same set as
        Gambit's ``enummixed``), with Fraction probabilities and payoffs for exact games.
        Float games are solved on the exact rational values of their floats, so ties and
        payoffs of very different magnitude (1e-3 next to 1e19) cannot fool it, and the
        result is rounded to floats at the end. It is the default because it is the only
        method that is both complete and exact, and it is also the fastest on the games
        this project meets (see ``benchmarks/solve.py``).

        ``"support"``, ``"vertex"`` and ``"lemke-howson"`` run nashpy's support
        enumeration, vertex enumeration and Lemke-Howson (all labels) on float payoffs
        and clean the output (:mod:`gametheory.solve.nashpy_backend`): supports are
        re-derived with a tolerance, every candidate passes a regret check, duplicates are
        merged, and a :class:`GameWarning` names the risk of missed equilibria when the
        game is degenerate. Results are floats. Options: ``tol`` (regret tolerance) and,
        for Lemke-Howson, ``max_iterations``.

        ``"reference"`` is a brute-force exact enumeration (:mod:`.reference`), slow and
        obviously correct, kept as an independent check for small games.

    Returns
    -------
    list of Equilibrium
        For ``"exact"`` and ``"reference"``: sorted with the row strategy in decreasing
        lexicographic order of its probabilities, then the column strategy likewise (pure
        strategies of low index first). The nashpy methods return the same order.

    Raises
    ------
    SolverError
        For an unknown method or options a method does not accept.

    Examples
    --------
    >>> import gametheory as gt
    >>> bos = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> [e.describe() for e in gt.solve.equilibria(bos)]  # doctest: +NORMALIZE_WHITESPACE
    ['Row: R1; Column: C1  (payoffs 2, 1)',
     'Row: 2/3 R1 + 1/3 R2; Column: 1/3 C1 + 2/3 C2  (payoffs 2/3, 2/3)',
     'Row: R2; Column: C2  (payoffs 1, 2)']
    """
    from ..errors import SolverError

    if method == "exact":
        if options:
            raise SolverError(f"method 'exact' takes no options; got {sorted(options)}")
        return exact_equilibria(game)
    if method == "reference":
        if options:
            raise SolverError(f"method 'reference' takes no options; got {sorted(options)}")
        return _from_reference(game)
    if method in ("support", "vertex", "lemke-howson"):
        from .nashpy_backend import nashpy_equilibria

        return nashpy_equilibria(game, method, **options)
    raise SolverError(f"unknown equilibrium method {method!r}; choose one of "
                      f"{', '.join(repr(m) for m in METHODS)}")


def is_degenerate(game: NormalFormGame) -> bool:
    """Whether some mixed strategy with support size k has more than k pure best replies.

    Decided exactly (floats at their exact rational values) by enumerating the vertices of
    the best-response polytopes and looking for one with more labels than its dimension
    (von Stengel 2007, Thm. 3.6); stops at the first such vertex.

    Examples
    --------
    >>> import gametheory as gt
    >>> gt.solve.is_degenerate(gt.NormalFormGame([[1, 1], [0, 2]], [[0, 0], [1, 1]]))
    True
    """
    A, B = game.payoff_matrices
    return is_degenerate_exact(A.tolist(), B.tolist())
