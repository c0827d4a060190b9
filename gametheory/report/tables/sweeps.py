r"""Sweep summaries: each regime's share of a parameter sweep and its parameter ranges.

For a sweep over points :math:`\theta_1, \dots, \theta_N`, the row of regime :math:`r`
gives :math:`N_r` (points in :math:`r`), the share :math:`N_r / N` and, per parameter,
the range :math:`[\min, \max]` over those points.

Examples
--------
>>> f = pd.DataFrame({"c": [0.0, 1.0], "point": [0, 1], "regime": ["a", "b"]})
>>> print(sweep_summary_table(f, format="markdown", digits=1))
| Regime | Points | Share | c |
|---|---|---|---|
| a | 1 | 50% | 0.0 |
| b | 1 | 50% | 1.0 |
"""

from __future__ import annotations

from ..._latex import text_number
from ..._lazy import lazy
from ...analysis.sensitivity.result import SweepFrame, sweep_frame
from ...errors import GameError
from .base import Cell, Table
from .registry import render_rows

pd = lazy("pandas")

__all__ = ["sweep_summary_table"]

_NON_PARAMETER = {"point", "equilibrium", "support", "regime"}


def _parameter_columns(frame: pd.DataFrame, params: list[str]) -> list[str]:
    if params:
        return [c for c in params if c in frame.columns]
    return [c for c in frame.columns if c not in _NON_PARAMETER and ":" not in c
            and frame[c].dtype.kind in "fiu"]


def sweep_summary_table(
    sweep_result: SweepFrame | pd.DataFrame,
    format: str = "booktabs",
    by: str = "regime",
    digits: int = 3,
    caption: str | None = None,
    label: str | None = None,
    width: str | None = "linewidth",
) -> Table:
    r"""Summary of a sensitivity sweep: each regime's share of points and parameter ranges.

    Parameters
    ----------
    sweep_result : SweepResult or pandas.DataFrame
        ``gt.sweep`` output (its ``.frame``) with a ``"point"`` column (one id per
        parameter point) and the ``by`` column.
    format : {"booktabs", "markdown", "html", "text"}
    by : str
        Column to group by (default ``"regime"``).
    digits : int
        Decimals of the parameter ranges.
    caption, label : str, optional
    width : {"linewidth", None}
        LaTeX width policy (booktabs): ``"linewidth"`` (default) fits the table to
        ``\linewidth`` (headers and long text wrapped, then scaled down if still
        too wide, never up); None keeps the natural width. Other formats ignore it.

    Examples
    --------
    >>> import pandas as pd, gametheory as gt
    >>> f = pd.DataFrame({"cost": [0.0, 1.0, 2.0, 3.0], "point": [0, 1, 2, 3],
    ...                   "regime": ["deterrence", "deterrence", "spiral", "spiral"]})
    >>> print(gt.tables.sweep_summary_table(f, format="text", digits=1))
    Regime      Points  Share  cost
    ----------  ------  -----  ---------
    deterrence  2       50%    0.0 - 1.0
    spiral      2       50%    2.0 - 3.0
    """
    frame, swept = sweep_frame(sweep_result, "sweep_summary_table")
    if by not in frame.columns:
        raise GameError(f"sweep_summary_table needs a SweepResult or DataFrame with a {by!r} "
                        "column")
    params = _parameter_columns(frame, swept)
    point = frame["point"] if "point" in frame.columns else frame.index.to_series()
    total = point.nunique()
    header: list[Cell] = [by.capitalize(), "Points", "Share", *params]
    body = []
    for key, grp in frame.groupby(by, sort=False, dropna=False):
        npts = (grp["point"] if "point" in grp.columns else grp.index.to_series()).nunique()
        row: list[Cell] = [str(key), str(npts), f"{100 * npts / max(total, 1):.0f}%"]
        for p in params:
            lo, hi = float(grp[p].min()), float(grp[p].max())
            a, b = text_number(lo, "decimal", digits), text_number(hi, "decimal", digits)
            row.append(a if lo == hi else f"{a} - {b}")
        body.append(row)
    return render_rows(header, body, format, caption, label, width=width)
