r"""Symbolic equilibrium analysis of parametric two-player games.

For an :math:`m \times n` bimatrix game :math:`(A(\theta), B(\theta))` with payoffs that
are expressions in parameters :math:`\theta`, the package derives equilibria in closed
form together with the conditions on :math:`\theta` under which they hold:

- :mod:`.signs`: the sign of an expression and the truth of a relation for every
  :math:`\theta` within the declared bounds;
- :mod:`.equilibria`: pure-equilibrium conditions and mixed equilibria on a support pair
  by support enumeration (:class:`SymbolicEquilibrium`);
- :mod:`.regimes`: the partition of generic parameter space by equilibrium structure
  (:class:`Regime`);
- :mod:`.statics`: comparative statics of equilibrium quantities
  (:class:`ComparativeStatics`) and the thresholds where a condition switches.

The arrows run signs <- equilibria <- regimes, statics.

Examples
--------
>>> import gametheory as gt
>>> mp = gt.ParametricGame([["a", "-a"], ["-a", "a"]], [["-a", "a"], ["a", "-a"]],
...                        [gt.Parameter("a", bounds=(0, None))])
>>> mp.conditions((0, 0))
a <= 0
"""

from .equilibria import SymbolicEquilibrium, mixed_equilibrium, pure_conditions, pure_equilibrium
from .regimes import Regime, regimes
from .signs import sign
from .statics import ComparativeStatics, comparative_statics, threshold

__all__ = [
    "pure_conditions",
    "pure_equilibrium",
    "mixed_equilibrium",
    "regimes",
    "comparative_statics",
    "threshold",
    "sign",
    "SymbolicEquilibrium",
    "Regime",
    "ComparativeStatics",
]
