r"""Figures of learning over rounds: the Prober's posterior path and probing by round.

A prober who tests resolve over :math:`T` rounds updates its belief :math:`\mu_t` that
the Defender is resolute after each answer (Bayes' rule); its probing probability in
round :math:`t` is :math:`P(\text{probe}_t)`. These functions draw such sequences; they
compute nothing (the numbers come from, e.g.,
:meth:`gametheory.models.LearningProber.expected_belief_by_round` and
:meth:`~gametheory.models.LearningProber.probe_probability_by_round`). Same contract as
:mod:`gametheory.report.figures`: draw into ``ax=`` when given, return the ``Axes``,
show user labels literally, Okabe-Ito colours with dashes and markers.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> ax = posterior_paths({"resolute": [0.2, 0.3, 0.5], "strategic": [0.2, 0.1, 0.0]},
...                      thresholds=[0.125, 0.25, 0.5])
>>> [ln.get_label() for ln in ax.get_lines()]
['resolute', 'strategic', 'threshold']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from numbers import Real
from typing import TYPE_CHECKING

from ..errors import GameError
from .style import line_style

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["posterior_paths", "probing_by_round"]


def _series(data: Mapping[str, Sequence[Real]], what: str, unit: bool) -> dict[str, list[float]]:
    if not isinstance(data, Mapping) or not data:
        raise GameError(f"{what} must map a label to a sequence of numbers")
    out = {}
    for label, values in data.items():
        try:
            xs = [float(v) for v in values]
        except (TypeError, ValueError):
            raise GameError(f"{what} {label!r}: values must be numbers") from None
        if not xs:
            raise GameError(f"{what} {label!r} is empty")
        if unit and any(not 0 <= v <= 1 for v in xs):
            raise GameError(f"{what} {label!r}: probabilities must lie in [0, 1]")
        out[str(label)] = xs
    return out


def _new_axes(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=(5.5, 3.4), layout="constrained")
    return new


def _literal(text: str) -> str:
    return text.replace("$", r"\$")


def posterior_paths(paths: Mapping[str, Sequence[Real]], *,
                    thresholds: Sequence[Real | None] | None = None, ax: Axes | None = None,
                    title: str | None = None, ylabel: str = "belief that the Defender is "
                    "resolute") -> Axes:
    """Beliefs after each round (index 0: the prior), one line per path.

    Parameters
    ----------
    paths : mapping label -> sequence of probabilities
        For instance the expected belief given each type, or the belief along the path
        where every probe is answered.
    thresholds : sequence, optional
        The Prober's threshold belief in each round (``None`` where there is none), drawn
        as a step line from the belief it applies to (after the previous round) to the
        next: below it the Prober probes.
    ax : Axes, optional
    title, ylabel : str

    Returns
    -------
    Axes
    """
    series = _series(paths, "path", unit=True)
    ax = _new_axes(ax)
    for k, (label, ys) in enumerate(series.items()):
        ax.plot(range(len(ys)), ys, label=_literal(label), **line_style(k))
    if thresholds is not None:
        ts = [math.nan if v is None else float(v) for v in thresholds]
        if ts:  # round t's threshold applies to the belief before it, at x = t - 1
            ax.plot(range(len(ts) + 1), ts + ts[-1:], drawstyle="steps-post", color="0.4",
                    linestyle=":", label="threshold")
    ax.set_xlabel("rounds played (0: the prior)")
    ax.set_ylabel(_literal(ylabel))
    ax.set_ylim(-0.02, 1.02)
    if title:
        ax.set_title(_literal(title))
    ax.legend(loc="best")
    return ax


def probing_by_round(probabilities: Mapping[str, Sequence[Real]], *, ax: Axes | None = None,
                     title: str | None = None) -> Axes:
    """Probability of a probe in each round (round 1 first), one line per scenario.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = probing_by_round({"myopic": [0, 0, 1, 0.8], "patient": [0, 0.2, 1, 0.8]})
    >>> ax.get_xlabel(), len(ax.get_lines())
    ('round', 2)
    """
    series = _series(probabilities, "probabilities", unit=True)
    ax = _new_axes(ax)
    for k, (label, ys) in enumerate(series.items()):
        ax.plot(range(1, len(ys) + 1), ys, label=_literal(label), **line_style(k))
    ax.set_xlabel("round")
    ax.set_ylabel("probability of a probe")
    ax.set_ylim(-0.02, 1.02)
    if title:
        ax.set_title(_literal(title))
    ax.legend(loc="best")
    return ax
