"""Grid helpers shared by sweeps and figures."""

from __future__ import annotations

import numpy as np

__all__ = ["cell_edges"]


def cell_edges(v: np.ndarray) -> np.ndarray:
    """Edges of the cells centred on grid values ``v`` (for ``pcolormesh``).

    >>> cell_edges(np.array([0.0, 1.0, 3.0])).tolist()
    [-0.5, 0.5, 2.0, 4.0]
    """
    v = np.asarray(v, dtype=float)
    if v.size == 1:
        return np.array([v[0] - 0.5, v[0] + 0.5])
    mid = (v[1:] + v[:-1]) / 2
    return np.concatenate([[2 * v[0] - mid[0]], mid, [2 * v[-1] - mid[-1]]])
