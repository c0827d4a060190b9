"""Core types: games as plain, validated data.

:mod:`.game` (normal-form games and equilibria), :mod:`.expressions` (the restricted
payoff-expression language), :mod:`.parametric` (parameters and symbolic games),
:mod:`.tree` (game trees) and :mod:`.bayesian` (Bayesian games). Solving lives in
:mod:`gametheory.solve`; a few facade methods on these classes call down into it (see
``docs/architecture.md``).
"""
