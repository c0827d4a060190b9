"""Equilibrium computation for two-player normal-form games.

A profile :math:`(x, y)` is a Nash equilibrium when each mixed strategy is a best reply to
the other. The equilibrium set of a bimatrix game is a finite union of convex polytopes
(*maximal Nash subsets*); its *extreme equilibria* are their vertices, finitely many, and
they describe the whole set (von Stengel 2007, ch. 3 of Nisan et al., *Algorithmic Game
Theory*; Avis, Rosenberg, Savani and von Stengel 2010, *Economic Theory* 42).

``equilibria(game, method=...)`` is the single entry point; ``NormalFormGame.equilibria``
calls it. The algorithms work on payoff arrays and return profiles: :mod:`.exact` (exact
vertex enumeration), :mod:`.nashpy_backend` (nashpy's algorithms, cleaned),
:mod:`.reference` (brute force, the independent check), :mod:`.pure`, :mod:`.components`
(maximal Nash subsets and components), :mod:`.dominance` (iterated elimination) and
:mod:`.batch` (many games at once, vectorised). :mod:`.facade` and :mod:`.elimination`
turn games into arrays and the answers into labelled values. :mod:`.registry` holds the
methods of :func:`equilibria`; they are registered below, one line each.

Games of three or more players are solved by the methods with an n-player algorithm:
``"exact"`` (:mod:`.nplayer_support`, exact support enumeration), ``"pure"``
(:mod:`.nplayer_pure`), ``"logit"`` (:mod:`.logit_qre`) and pygambit's ``"gnm"``,
``"ipa"``, ``"simpdiv"`` and ``"enumpoly"`` (:mod:`.gambit_backend`, optional).
"""

from __future__ import annotations

from functools import partial

from .components import EquilibriumComponent
from .elimination import EliminationResult, dominating_strategy, eliminate_dominated
from .exact import extreme_equilibria
from .facade import equilibria, equilibrium_components, is_degenerate, pure_equilibria
from .gambit_backend import enumpoly_profiles, gnm_profiles, ipa_profiles, simpdiv_profiles
from .logit_qre import logit_profiles
from .nashpy_backend import GameWarning, nashpy_solutions
from .nplayer_pure import pure_profiles_n
from .nplayer_support import ContinuumWarning, support_profiles_n
from .reference import reference_equilibria
from .registry import METHODS, MethodSpec, nplayer_methods, register_method

__all__ = ["equilibria", "pure_equilibria", "reference_equilibria", "is_degenerate",
           "extreme_equilibria", "METHODS", "MethodSpec", "register_method", "GameWarning",
           "EquilibriumComponent", "equilibrium_components", "eliminate_dominated",
           "dominating_strategy", "EliminationResult", "nplayer_methods", "ContinuumWarning"]

# One line per method: the algorithm on arrays, and what the facade needs to know of it.
register_method("exact", extreme_equilibria, exact=True, ordered=True,
                nplayer=support_profiles_n, with_payoffs=True,
                nplayer_options=("max_supports", "on_continuum"),
                summary="exact vertex enumeration: every extreme equilibrium, also on "
                        "degenerate games (n players: exact support enumeration)")
register_method("support", partial(nashpy_solutions, method="support"), exact=False,
                ordered=True, options=("tol",),
                summary="nashpy's support enumeration, cleaned (floats)")
register_method("vertex", partial(nashpy_solutions, method="vertex"), exact=False,
                ordered=True, options=("tol",),
                summary="nashpy's vertex enumeration, cleaned (floats)")
register_method("lemke-howson", partial(nashpy_solutions, method="lemke-howson"),
                exact=False, ordered=True, options=("tol", "max_iterations"),
                summary="nashpy's Lemke-Howson from every label (some equilibria; floats)")
register_method("reference", reference_equilibria, exact=True, ordered=True,
                summary="brute-force exact enumeration, the slow independent check")
register_method("pure", None, nplayer=pure_profiles_n, exact=True, options=("tol",),
                summary="every pure equilibrium, vectorised (any number of players)")
register_method("logit", None, nplayer=logit_profiles, exact=False,
                options=("tol", "max_lambda"),
                summary="limit of the principal logit QRE branch (one equilibrium; floats)")
for _name, _fn, _what in (("gnm", gnm_profiles, "global Newton method"),
                          ("ipa", ipa_profiles, "iterated polymatrix approximation"),
                          ("simpdiv", simpdiv_profiles, "simplicial subdivision"),
                          ("enumpoly", enumpoly_profiles, "polynomial support enumeration")):
    register_method(_name, None, nplayer=_fn, exact=False,
                    summary=f"pygambit's {_what}, verified (floats; needs pygambit)")
