"""Heavy libraries imported on first use, so that ``import gametheory`` stays fast.

pandas, scipy.stats and SALib take most of a cold import's time and are needed only by
sweeps, sensitivity indices and tables of results. A module writes
``pd = lazy("pandas")`` instead of ``import pandas as pd``: the name is bound at once and
the library is imported the first time an attribute is read (``pd.DataFrame``). Type
annotations stay strings under ``from __future__ import annotations`` and never trigger it.

>>> stats = lazy("statistics")
>>> stats.median([3, 1, 2])
2
"""

from __future__ import annotations

import importlib
import types

__all__ = ["lazy"]


class _LazyModule(types.ModuleType):
    """A stand-in module that imports the real one when an attribute is first read."""

    def __getattr__(self, attr: str) -> object:
        real = importlib.import_module(self.__name__)
        value = getattr(real, attr)
        setattr(self, attr, value)  # later reads are plain attribute lookups
        return value


def lazy(name: str) -> types.ModuleType:
    """A module object for ``name`` whose import is deferred to its first use."""
    return _LazyModule(name)
