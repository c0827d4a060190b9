"""The solve facade: games in, :class:`~gametheory.Equilibrium` values out.

The algorithms of :mod:`gametheory.solve` work on payoff arrays and return profiles
``(x, y)`` (probability tuples), sometimes with their payoffs. This module is where a
:class:`~gametheory.NormalFormGame` meets them: it hands the game's arrays to the method
registered under the requested name (:data:`gametheory.solve.METHODS`), then sorts,
deduplicates and labels the profiles as :class:`~gametheory.Equilibrium` values. It is,
with :mod:`gametheory.solve.elimination`, the only solve module that knows the game class.

Games of three or more players go to a method's ``nplayer`` algorithm (and two-player
games too when the method has no two-player one, e.g. ``"pure"``, ``"logit"``, ``"gnm"``).
Every profile it returns is verified here before it becomes an equilibrium: exactly (all
regrets zero) when it is exact and rational, and otherwise within the tolerance ``tol``
(default ``1e-6`` times the payoff scale for inexact methods, ``1e-9`` times it for
algebraic coordinates); profiles that fail are dropped with a :class:`GameWarning`.
Duplicates (equal profiles, or for floats profiles within ``1e-6``) are merged and the
list is sorted like the two-player one: the first player's strategy in decreasing
lexicographic order of its probabilities, then the second's, and so on.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .._numbers import payoff_scale
from ..core.game import Equilibrium, NormalFormGame
from ..core.nplayer import deviation_payoffs
from ..core.results import EquilibriumList
from ..errors import SolverError
from .components import EquilibriumComponent, components_from_equilibria
from .exact import is_degenerate_exact
from .nashpy_backend import GameWarning
from .nplayer_pure import pure_profiles_n
from .pure import pure_solutions
from .registry import MethodSpec, method_spec, nplayer_methods

__all__ = ["equilibria", "pure_equilibria", "is_degenerate", "equilibrium_components",
           "labelled"]


def labelled(game: NormalFormGame, found: Sequence[tuple[Any, ...]], exact: bool,
             ordered: bool = False) -> list[Equilibrium]:
    """Equilibria of ``game`` from an algorithm's profiles, sorted, each once.

    ``found`` holds ``(x, y)`` or ``(x, y, payoffs)``; missing payoffs are computed
    (:meth:`NormalFormGame.expected_payoffs`). When ``exact`` (the algorithm computed in
    exact arithmetic) a float game's numbers are rounded to floats; otherwise they are
    kept as given. ``ordered`` promises that ``found`` is sorted and has no repeats.

    >>> import gametheory as gt
    >>> g = gt.NormalFormGame([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    >>> [e.pure_labels() for e in labelled(g, [((0, 1), (0, 1)), ((1, 0), (1, 0))], True)]
    [('R1', 'C1'), ('R2', 'C2')]
    """
    if not ordered:
        found = _sorted_unique(found)
    to_float = exact and not game.is_exact
    players, strategies = game.players, game.strategies
    out = []
    for x, y, *rest in found:
        if to_float:
            x, y = tuple(map(float, x)), tuple(map(float, y))
        if not rest:
            pay = game.expected_payoffs((x, y))
        elif to_float:
            pay = (float(rest[0][0]), float(rest[0][1]))
        else:
            pay = tuple(rest[0])
        out.append(Equilibrium(tuple(x), tuple(y), pay, players, strategies))
    return out


def _sorted_unique(found: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``found`` in the order of ``profile_key`` ((x, y) decreasing), each profile once.

    Decided on the algorithm's own numbers: rounding to floats first could tie
    ``1 - 1e-139`` with ``1`` and reorder.
    """
    out: list[tuple[Any, ...]] = []
    for item in sorted(found, key=lambda e: (tuple(e[0]), tuple(e[1])), reverse=True):
        if not out or (tuple(out[-1][0]), tuple(out[-1][1])) != (tuple(item[0]),
                                                                 tuple(item[1])):
            out.append(item)
    return out


def equilibria(game: NormalFormGame, method: str = "exact", **options: Any
               ) -> EquilibriumList:
    """Extreme Nash equilibria of ``game``, each once, in a deterministic order.

    Parameters
    ----------
    game : NormalFormGame
    method : str
        A name in :data:`gametheory.solve.METHODS` (``sorted(METHODS)`` lists them):

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
    EquilibriumList
        A read-only list of :class:`~gametheory.Equilibrium` (an HTML table in Jupyter,
        ``.to_frame()`` for pandas), sorted with the row strategy in decreasing
        lexicographic order of its probabilities, then the column strategy likewise
        (pure strategies of low index first).

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
    spec = method_spec(method)
    nplayer_path = game.n_players > 2 or spec.solve is None
    tol = options.get("tol") if nplayer_path else None
    if nplayer_path and "tol" not in spec.options:
        options.pop("tol", None)  # the regret tolerance of the verification only
    extra = sorted(set(options) & set(spec.nplayer_options) - set(spec.options))
    if extra and not nplayer_path:
        raise SolverError(f"options {extra} of method {method!r} apply to games of three "
                          "or more players only")
    spec.check_options(options, nplayer=nplayer_path)
    if not nplayer_path:
        A, B = game.payoff_matrices
        return EquilibriumList(labelled(game, spec.solve(A.tolist(), B.tolist(), **options),
                                        spec.exact, spec.ordered))
    if spec.nplayer is None:
        raise SolverError(f"method {method!r} solves two-player games only; for "
                          f"{game.n_players} players choose one of "
                          f"{', '.join(map(repr, nplayer_methods()))}")
    found = spec.nplayer(list(game.payoff_arrays), **options)
    return EquilibriumList(verified_n(game, found, spec, tol))


def _float_regret(arrays: Sequence[np.ndarray], mixes: Sequence[Sequence[Any]]) -> float:
    floats = [[float(p) for p in x] for x in mixes]
    worst = 0.0
    for i, u in enumerate(arrays):
        dev = np.array(deviation_payoffs(u, i, floats), dtype=float)
        worst = max(worst, float(dev.max() - dev @ np.array(floats[i])))
    return worst


def verified_n(game: NormalFormGame, found: Sequence[Any], spec: MethodSpec,
               tol: float | None = None) -> list[Equilibrium]:
    """Equilibria of ``game`` from an n-player algorithm's profiles: checked, merged, sorted.

    ``found`` holds profiles ``(x1, ..., xn)``, or ``(profile, payoffs)`` pairs when
    ``spec.with_payoffs``. Exact rational profiles of exact games must have every regret
    exactly zero (else :class:`SolverError`: an exact method erred); other profiles must
    have maximal regret at most ``tol`` (default ``1e-6`` times the payoff scale for
    inexact methods, ``1e-9`` times it for exact algebraic ones), else they are dropped
    with a :class:`GameWarning`.

    >>> import gametheory as gt
    >>> from gametheory.solve import METHODS
    >>> g = gt.NormalFormGame([[[1, 0], [0, 0]], [[0, 0], [0, 1]]], [[[1, 0], [0, 0]],
    ...                       [[0, 0], [0, 1]]], [[[1, 0], [0, 0]], [[0, 0], [0, 1]]])
    >>> one = ((1, 0), (1, 0), (1, 0))
    >>> [e.pure_labels() for e in verified_n(g, [one, one], METHODS["pure"])]
    [('s1', 's1', 's1')]
    """
    arrays = game.payoff_arrays
    scale = payoff_scale(*game.as_float())
    default = (1e-9 if spec.exact else 1e-6) * scale
    bound = default if tol is None else float(tol)
    kept: list[tuple[tuple[tuple[Any, ...], ...], tuple[Any, ...] | None]] = []
    dropped: list[float] = []
    for item in found:
        mixes, pays = (item if spec.with_payoffs else (item, None))
        mixes = tuple(tuple(x) for x in mixes)
        rational = all(isinstance(p, Fraction | int) for x in mixes for p in x)
        if rational and game.is_exact and spec.exact:
            mixes = tuple(tuple(Fraction(p) for p in x) for x in mixes)
            if any(r != 0 for r in game.regret(mixes)):
                raise SolverError(f"method {spec.name!r} returned a profile that is not an "
                                  f"equilibrium: {mixes} (regrets {game.regret(mixes)})")
        else:
            worst = _float_regret([np.asarray(a) for a in arrays], mixes)
            if not worst <= bound:
                dropped.append(worst)
                continue
        kept.append((mixes, None if pays is None else tuple(pays)))
    if dropped:
        warnings.warn(f"method {spec.name!r}: dropped {len(dropped)} profile(s) whose regret "
                      f"(largest {max(dropped):.3g}) exceeds the tolerance {bound:.3g}",
                      GameWarning, stacklevel=3)
    to_float = not spec.exact or not game.is_exact
    kept.sort(key=lambda e: tuple(-float(p) for x in e[0] for p in x))
    out: list[Equilibrium] = []
    seen: list[tuple[tuple[Any, ...], ...]] = []
    for mixes, pays in kept:
        if any(_same(mixes, s, exact=not to_float) for s in seen):
            continue
        seen.append(mixes)
        if to_float:
            mixes = tuple(tuple(float(p) for p in x) for x in mixes)
            pays = None if pays is None else tuple(float(v) for v in pays)
        if pays is None:
            pays = game.expected_payoffs(mixes)
        out.append(Equilibrium.of(mixes, pays, game.players, game.strategies))
    return out


def _same(a: tuple[tuple[Any, ...], ...], b: tuple[tuple[Any, ...], ...], exact: bool) -> bool:
    if exact:
        return a == b
    return all(abs(float(p) - float(q)) <= 1e-6 for x, y in zip(a, b, strict=True)
               for p, q in zip(x, y, strict=True))


def pure_equilibria(game: NormalFormGame, tol: float | None = None) -> EquilibriumList:
    """Cells ``(i, j)`` where ``i`` is a best reply to ``j`` and ``j`` to ``i``, row-major.

    Exact games are compared exactly; float games with tolerance ``tol`` (default
    ``1e-9`` times the payoff scale). See :mod:`gametheory.solve.pure`.

    Examples
    --------
    >>> import gametheory as gt
    >>> coord = gt.NormalFormGame([[2, 0], [0, 1]], [[2, 0], [0, 1]])
    >>> [e.support for e in gt.solve.pure_equilibria(coord)]
    [((0,), (0,)), ((1,), (1,))]
    """
    if game.n_players > 2:
        return EquilibriumList(
            Equilibrium.of(mixes, game.expected_payoffs(mixes), game.players, game.strategies)
            for mixes in pure_profiles_n(list(game.payoff_arrays), tol))
    A, B = game.payoff_matrices
    return EquilibriumList(Equilibrium(x, y, pay, game.players, game.strategies)
                           for x, y, pay in pure_solutions(A, B, tol))


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


def equilibrium_components(game: NormalFormGame) -> list[EquilibriumComponent]:
    """The connected components of ``game``'s equilibrium set, with their maximal Nash subsets.

    Exact for exact games (floats are solved exactly and reported as floats); see
    :mod:`gametheory.solve.components`.

    Examples
    --------
    >>> import gametheory as gt
    >>> # entry deterrence: Fight is a threat only off the path, a continuum of equilibria
    >>> g = gt.NormalFormGame([[0, 0], [-1, 2]], [[2, 2], [-1, 1]],
    ...                       players=("Entrant", "Incumbent"),
    ...                       strategies=(("Out", "In"), ("Fight", "Accommodate")))
    >>> comps = equilibrium_components(g)
    >>> [len(c.equilibria) for c in comps]
    [2, 1]
    >>> print(comps[0].describe())
    A continuum (2 extreme equilibria, 1 maximal Nash subset):
      Entrant: Out; Incumbent: from Fight to 2/3 Fight + 1/3 Accommodate
    """
    return components_from_equilibria(equilibria(game), game.players, game.strategies)
