"""The registry of equilibrium methods: one entry per ``method=`` name of ``equilibria``.

A method is an algorithm on payoff arrays: it takes the two :math:`m \\times n` payoff
arrays :math:`(A, B)` of a bimatrix game (entries Fractions or floats) and keyword
options, and returns the extreme equilibria it finds as plain data, each a profile
``(x, y)`` of probability tuples or ``(x, y, (row payoff, column payoff))`` when the
algorithm knows the payoffs. It never sees a game object: the solve facade
(:mod:`gametheory.solve.facade`) hands it the arrays, then sorts, deduplicates and labels
the profiles as :class:`~gametheory.Equilibrium` values.

A method may also (or only) solve games of any number of players: its ``nplayer``
algorithm takes the list of n payoff arrays (shape ``(s_1, ..., s_n)`` each) and returns
profiles as tuples of n probability tuples, optionally with the n payoffs. A two-player
game goes to ``solve`` when the method has one, else to ``nplayer`` with ``[A, B]``; a
game of three or more players needs ``nplayer``.

Adding a method is one new module with the algorithm plus one :func:`register_method`
line in :mod:`gametheory.solve` (the CLI and the sweeps read their choices from
``sorted(METHODS)``).

Examples
--------
>>> from gametheory.solve import METHODS
>>> sorted(METHODS)  # doctest: +NORMALIZE_WHITESPACE
['enumpoly', 'exact', 'gnm', 'ipa', 'lemke-howson', 'logit', 'pure', 'reference',
 'simpdiv', 'support', 'vertex']
>>> METHODS["exact"].exact, METHODS["support"].options
(True, ('tol',))
>>> [name for name, spec in sorted(METHODS.items()) if spec.nplayer is not None]
['enumpoly', 'exact', 'gnm', 'ipa', 'logit', 'pure', 'simpdiv']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import SolverError

__all__ = ["MethodSpec", "MethodSolver", "NPlayerSolver", "METHODS", "register_method",
           "method_spec", "nplayer_methods"]

#: One mixed strategy, a tuple of probabilities (Fractions or floats).
Strategy = tuple[Any, ...]


class MethodSolver(Protocol):
    """``solve(A, B, **options)`` -> profiles ``(x, y)`` or ``(x, y, payoffs)``."""

    def __call__(self, A: Any, B: Any, /, **options: Any
                 ) -> Sequence[tuple[Strategy, ...]]: ...


class NPlayerSolver(Protocol):
    """``solve([U1, ..., Un], **options)`` -> profiles ``(x1, ..., xn)`` or
    ``((x1, ..., xn), payoffs)`` (marked by the method's ``with_payoffs``)."""

    def __call__(self, payoffs: Sequence[Any], /, **options: Any
                 ) -> Sequence[Any]: ...


@dataclass(frozen=True)
class MethodSpec:
    """One equilibrium method.

    Attributes
    ----------
    name : str
        The ``method=`` name.
    summary : str
        One line for help texts.
    exact : bool
        True when the method computes in exact arithmetic: its probabilities are exact
        for exact games (and rounded to floats at the end for float games). Inexact
        methods return floats.
    solve : MethodSolver or None
        The algorithm on the two payoff matrices; None when only ``nplayer`` exists.
    options : tuple of str
        The keyword options ``solve`` accepts.
    ordered : bool
        True when ``solve`` returns each profile once, already in the order of
        :func:`gametheory.solve.exact.profile_key`; the facade then keeps its order
        instead of sorting and merging again.
    nplayer : NPlayerSolver or None
        The algorithm on n payoff arrays (any number of players); it returns profiles
        ``(x1, ..., xn)`` or, when ``with_payoffs``, pairs ``(profile, payoffs)``.
    with_payoffs : bool
        True when ``nplayer`` returns ``(profile, payoffs)`` pairs.
    nplayer_options : tuple of str
        Options only the n-player algorithm takes (refused for two-player games that go to
        ``solve``).
    """

    name: str
    summary: str
    exact: bool
    solve: MethodSolver | None
    options: tuple[str, ...] = ()
    ordered: bool = False
    nplayer: NPlayerSolver | None = None
    with_payoffs: bool = False
    nplayer_options: tuple[str, ...] = ()

    def check_options(self, options: dict[str, Any], nplayer: bool = False) -> None:
        """Raise :class:`SolverError` for options this method does not accept (``nplayer``:
        for its n-player algorithm, which may take more)."""
        accepted = self.options + (self.nplayer_options if nplayer else ())
        bad = sorted(set(options) - set(accepted))
        if not bad:
            return
        owners = sorted(name for name, spec in METHODS.items() if set(bad) & set(spec.options))
        hint = f" (options of {', '.join(map(repr, owners))})" if owners else ""
        if not accepted:
            raise SolverError(f"method {self.name!r} takes no options; got {bad}{hint}")
        raise SolverError(f"method {self.name!r} accepts the options {list(accepted)}; "
                          f"got {bad}{hint}")


#: Every registered method by name; ``sorted(METHODS)`` lists the choices.
METHODS: dict[str, MethodSpec] = {}


def register_method(name: str, solve: MethodSolver | None, *, summary: str, exact: bool,
                    options: Sequence[str] = (), ordered: bool = False,
                    nplayer: NPlayerSolver | None = None, with_payoffs: bool = False,
                    nplayer_options: Sequence[str] = ()) -> MethodSpec:
    """Add a method to :data:`METHODS` (replacing one of the same name) and return its spec.

    Examples
    --------
    >>> spec = register_method("first-cell", lambda A, B: [((1, 0), (1, 0))],
    ...                        summary="the top-left cell, whatever it is", exact=True)
    >>> spec.name in METHODS
    True
    >>> del METHODS["first-cell"]
    """
    if solve is None and nplayer is None:
        raise SolverError(f"method {name!r} needs an algorithm: solve (two players) or "
                          "nplayer (any number)")
    spec = MethodSpec(name, summary, exact, solve, tuple(options), ordered, nplayer,
                      with_payoffs, tuple(nplayer_options))
    METHODS[name] = spec
    return spec


def method_spec(name: str) -> MethodSpec:
    """The registered method ``name``; :class:`SolverError` naming the choices otherwise.

    >>> method_spec("exact").summary  # doctest: +NORMALIZE_WHITESPACE
    'exact vertex enumeration: every extreme equilibrium, also on degenerate games
     (n players: exact support enumeration)'
    """
    try:
        return METHODS[name]
    except (KeyError, TypeError):
        raise SolverError(f"unknown equilibrium method {name!r}; choose one of "
                          f"{', '.join(repr(m) for m in sorted(METHODS))}") from None


def nplayer_methods() -> list[str]:
    """The methods that solve games of any number of players.

    >>> nplayer_methods()[:3]
    ['enumpoly', 'exact', 'gnm']
    """
    return sorted(name for name, spec in METHODS.items() if spec.nplayer is not None)
