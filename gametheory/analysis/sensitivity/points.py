r"""Parameter values and point sets: the exact rational a value stands for, grid axes, and
the flat list of points a sweep visits.

A grid :math:`\Theta = \Theta_1 \times \dots \times \Theta_d` is visited in C order (the
last parameter varies fastest): flat index :math:`k` is the point whose axis indices are
``numpy.unravel_index(k, shape)``. Scattered points (Monte Carlo samples) are equal-length
arrays, point :math:`k` taking the :math:`k`-th value of each. Every value is kept twice:
as a float for vectorised evaluation and as the exact rational it stands for (``0.1`` as
:math:`1/10`, its shortest repr), for the exact re-solves at ties.

Examples
--------
>>> from gametheory.analysis.sensitivity.points import PointSet, grid_axis
>>> pts = PointSet(axes={"a": grid_axis("a", [0, 0.5]), "b": grid_axis("b", ["1/3", 1, 2])})
>>> pts.n, pts.shape
(6, (2, 3))
>>> pts.exact(4)
{'a': Fraction(1, 2), 'b': Fraction(1, 1)}
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

import numpy as np

from ... import _limits
from ..._numbers import NotANumber, to_number
from ...errors import ParameterError

__all__ = ["exact_value", "grid_axis", "PointSet", "Number", "check_point_count"]

#: A parameter value as given: a number or a number string such as ``"3/4"``.
Number = int | float | Fraction | str
Axis = tuple[np.ndarray, list[Fraction]]


def exact_value(v: Number | np.number) -> Fraction:
    """The exact rational a parameter value stands for: floats by their shortest repr.

    >>> exact_value(0.1), exact_value("3/4"), exact_value(2)
    (Fraction(1, 10), Fraction(3, 4), Fraction(2, 1))
    """
    if isinstance(v, Fraction):
        return v
    if isinstance(v, float | np.floating):
        if not np.isfinite(v):
            raise ParameterError(f"{v!r} is not a finite parameter value")
        return Fraction(repr(float(v)))
    if isinstance(v, int | np.integer) and not isinstance(v, bool):
        return Fraction(int(v))
    try:
        num = to_number(v)
    except NotANumber as err:
        raise ParameterError(f"{v!r} is not a parameter value: {err}") from None
    return num if isinstance(num, Fraction) else Fraction(repr(float(num)))


def check_point_count(shape: Sequence[int]) -> int:
    """The number of points of a grid of ``shape`` (exact), refused over the limit.

    The product is taken in Python integers, so it cannot wrap around as an int64 product
    does (7 axes of 600 values are :math:`2.8 \\times 10^{19}` points, not a negative
    number); more than :data:`gametheory._limits.MAX_SWEEP_POINTS` points, or more than
    :data:`gametheory._limits.MAX_SWEEP_AXES` axes, raise a :class:`ParameterError`.

    >>> check_point_count((600, 600))
    360000
    >>> check_point_count((600,) * 7)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gametheory.errors.ParameterError: the sweep has 2.8e+19 points (600 x 600 x ...
    """
    if len(shape) > _limits.MAX_SWEEP_AXES:
        raise ParameterError(f"the sweep has {len(shape)} axes, over the limit "
                             f"MAX_SWEEP_AXES = {_limits.MAX_SWEEP_AXES} (gametheory._limits)")
    n = math.prod(int(k) for k in shape)
    if n > _limits.MAX_SWEEP_POINTS:
        dims = " x ".join(str(int(k)) for k in shape)
        raise ParameterError(f"the sweep has {n:.2g} points ({dims}), over the limit "
                             f"MAX_SWEEP_POINTS = {_limits.MAX_SWEEP_POINTS:,} "
                             "(gametheory._limits); use fewer values or fix some parameters")
    return n


def grid_axis(name: str, values: Number | Sequence[Number] | np.ndarray) -> Axis:
    """A grid axis as floats and as exact values (a scalar is a one-value axis).

    >>> grid_axis("c", [0.1, "1/4"])
    (array([0.1 , 0.25]), [Fraction(1, 10), Fraction(1, 4)])
    """
    if isinstance(values, str) or np.ndim(values) == 0:
        values = [values]
    seq = list(np.asarray(values, dtype=object).ravel()) if not isinstance(values, list) \
        else list(values)
    if not seq:
        raise ParameterError(f"grid axis {name!r} is empty")
    exact = [exact_value(v) for v in seq]
    floats = np.array([float(v) if isinstance(v, float | np.floating) else float(e)
                       for v, e in zip(seq, exact, strict=True)])
    if not np.isfinite(floats).all():
        raise ParameterError(f"grid axis {name!r} has a value that is not finite")
    return floats, exact


class PointSet:
    """Flat parameter points: a grid (``axes``) or scattered samples (``arrays``).

    Attributes
    ----------
    names : list of str
        The varied parameters.
    shape : tuple of int or None
        The grid's shape (None for scattered points).
    n : int
        Number of points.
    """

    def __init__(self, axes: Mapping[str, Axis] | None = None,
                 arrays: Mapping[str, np.ndarray] | None = None) -> None:
        self.axes = None if axes is None else dict(axes)
        self.arrays = None if arrays is None else dict(arrays)
        if self.axes is not None:
            self.names = list(self.axes)
            self.shape: tuple[int, ...] | None = tuple(len(a[0]) for a in self.axes.values())
            self.n = check_point_count(self.shape)
        else:
            self.arrays = self.arrays or {}
            self.names = list(self.arrays)
            lens = {len(v) for v in self.arrays.values()}
            if len(lens) > 1:
                raise ParameterError(f"point arrays have different lengths {sorted(lens)}")
            self.shape = None
            self.n = check_point_count([lens.pop()]) if lens else 0

    def grid(self) -> dict[str, np.ndarray] | None:
        """The grid axes as float arrays (None for scattered points)."""
        return None if self.axes is None else {k: a[0] for k, a in self.axes.items()}

    def floats(self, lo: int, hi: int) -> dict[str, np.ndarray]:
        """The values of points ``lo..hi-1`` as float arrays."""
        if self.axes is None:
            return {k: np.asarray(v[lo:hi], dtype=float) for k, v in self.arrays.items()}
        idx = np.unravel_index(np.arange(lo, hi), self.shape)
        return {k: a[0][i] for (k, a), i in zip(self.axes.items(), idx, strict=True)}

    def exact(self, i: int) -> dict[str, Fraction]:
        """The exact values of point ``i``."""
        if self.axes is None:
            return {k: exact_value(float(v[i])) for k, v in self.arrays.items()}
        idx = np.unravel_index(i, self.shape)
        return {k: a[1][j] for (k, a), j in zip(self.axes.items(), idx, strict=True)}

    def digest(self) -> str:
        """A hash of the points (part of a chunked run's fingerprint)."""
        h = hashlib.sha256()
        if self.axes is not None:
            for k, (_, ex) in self.axes.items():
                h.update(k.encode())
                h.update(repr(ex).encode())
        else:
            for k, v in self.arrays.items():
                h.update(k.encode())
                h.update(np.ascontiguousarray(v, dtype=float).tobytes())
        return h.hexdigest()
