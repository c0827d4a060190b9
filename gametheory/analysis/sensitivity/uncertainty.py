r"""Uncertainty: Monte Carlo over parameter distributions, local and global sensitivity.

Parameters nobody knows precisely are given distributions :math:`\theta_k \sim F_k`
(independent). Samples are drawn by inverse transform, :math:`\theta_k = F_k^{-1}(U_k)`
with :math:`U \sim \mathrm{Uniform}[0, 1]^d`, so the same unit-cube designs serve plain
Monte Carlo and SALib's Sobol and Morris designs.

*Equilibrium selection.* Where a point has several equilibria an explicit policy picks
what counts:

``"all"``
    every extreme equilibrium; an outcome's probability is the share of points where it
    is *one of* the equilibria (shares need not sum to one), and numeric outputs are
    averaged over a point's equilibria;
``"payoff-dominant"``
    an equilibrium no other equilibrium payoff-dominates (both players weakly better,
    one strictly; Harsanyi and Selten 1988, *A General Theory of Equilibrium Selection in
    Games*, MIT Press), the largest payoff sum among those;
``"risk-dominant"``
    among pure equilibria, the one with the largest Nash product of deviation losses
    :math:`(A_{ij} - \max_{k \ne i} A_{kj})(B_{ij} - \max_{l \ne j} B_{il})`, which is
    Harsanyi-Selten risk dominance in 2x2 games with two strict equilibria; points without
    a pure equilibrium keep their first (in the exact solver's order) equilibrium;
``"worst-for-defender"``
    the equilibrium with the lowest payoff to the defender (the column player unless
    ``defender=`` names another), a cautious planning assumption.

Ties go to the first equilibrium in the exact solver's order.

*Regime probabilities* are binomial proportions over the samples, reported with Wilson
score intervals (Wilson 1927, "Probable inference, the law of succession, and statistical
inference", *JASA* 22): with :math:`\hat p = k/n` and :math:`z` the normal quantile,
:math:`\big(\hat p + \tfrac{z^2}{2n} \pm z\sqrt{\hat p(1-\hat p)/n + z^2/(4n^2)}\big)
/ (1 + z^2/n)`.

*Local sensitivity*: central differences of an output :math:`Y` at a point give
:math:`\partial Y/\partial\theta_k` and the elasticity
:math:`(\partial Y/\partial\theta_k)\,\theta_k / Y`; the tornado data are :math:`Y` at a
low and a high value of each parameter, the others held at the point.

*Global sensitivity*: first-order and total Sobol indices
:math:`S_k = \mathrm{Var}(E[Y\mid\theta_k])/\mathrm{Var}(Y)`,
:math:`S_{Tk} = E[\mathrm{Var}(Y\mid\theta_{-k})]/\mathrm{Var}(Y)` (Sobol 2001; Saltelli
et al. 2010, *Computer Physics Communications* 181) and Morris elementary effects
(Morris 1991, *Technometrics* 33; :math:`\mu^*` of Campolongo et al. 2007), both computed
by SALib (Herman and Usher 2017, *JOSS* 2(9)), with its sampling designs.

*Outputs* (``output=``): ``"regime:<label>"``, the indicator that a point is in that
regime (for example ``"regime:tolerated probing"``); the name of a column of the sweep
frame (``"Aggressor: Probe"``, ``"payoff: Defender"``) for the selected equilibrium; or a
function of the selected frame returning one value per point.

Examples
--------
>>> import gametheory as gt
>>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
...                       players=("Aggressor", "Defender"),
...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
>>> mc = gt.monte_carlo(p, {"v": gt.uniform(0, 4), "r": gt.uniform(0, 2)}, n=2000, seed=1,
...                     selection="worst-for-defender", progress=False)
>>> row = mc.outcome_probabilities.set_index("outcome").loc["Probe / Tolerate"]
>>> bool(0.3 < row["probability"] < 0.45 and row["ci_low"] < row["probability"] < row["ci_high"])
True
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..._lazy import lazy
from ..._numbers import NotANumber, round_decimal, to_number
from ...core.parameters import resolve_arrays
from ...errors import GameError, ParameterError
from .model import Model, as_parametric, resolve_point
from .result import SweepResult
from .sweep import evaluate_points

pd = lazy("pandas")
stats = lazy("scipy.stats")

__all__ = ["uniform", "triangular", "beta", "normal", "truncated_normal", "wilson_interval",
           "select_equilibria", "monte_carlo", "MonteCarloResult", "local_sensitivity",
           "one_at_a_time",
           "sobol_indices", "morris", "SELECTION_POLICIES"]

SELECTION_POLICIES = ("all", "payoff-dominant", "risk-dominant", "worst-for-defender")


@runtime_checkable
class Distribution(Protocol):
    """A parameter's distribution: its quantile function (a frozen scipy.stats one)."""

    def ppf(self, q: np.ndarray) -> np.ndarray: ...


#: What a study measures at each point: ``"regime:<label>"`` (an indicator), a column of
#: the equilibrium frame (averaged over the selected equilibria) or a function of the
#: selected rows returning one value per point.
#: What to measure: a regime name, or a function of the frame of selected equilibria.
Output = "str | Callable[[pd.DataFrame], Any]"  # a string: pandas loads on first use


# --------------------------------------------------------------------------- distributions
def _real(what: str, value: Any, *, infinite: bool = False) -> float:
    """A distribution argument as a float: Fractions, ints and number strings are welcome."""
    try:
        x = float(to_number(value)) if isinstance(value, str) else float(value)
    except (TypeError, ValueError, NotANumber):
        raise ParameterError(f"{what} must be a real number, got {value!r}") from None
    if np.isnan(x) or (np.isinf(x) and not infinite):
        raise ParameterError(f"{what} must be finite, got {value!r}")
    return x


def uniform(low: float, high: float):
    """Uniform on ``[low, high]`` (a frozen :mod:`scipy.stats` distribution).

    >>> uniform(1, 3).mean()
    np.float64(2.0)
    """
    low, high = _real("uniform low", low), _real("uniform high", high)
    if not high > low:
        raise ParameterError(f"uniform needs low < high, got [{low}, {high}]")
    return stats.uniform(loc=low, scale=high - low)


def triangular(low: float, mode: float, high: float):
    """Triangular on ``[low, high]`` with the given mode.

    >>> round(float(triangular(0, 1, 2).mean()), 6)
    1.0
    """
    low, mode, high = (_real(f"triangular {w}", v)
                       for w, v in (("low", low), ("mode", mode), ("high", high)))
    if not (low <= mode <= high and low < high):
        raise ParameterError(f"triangular needs low <= mode <= high, low < high; got "
                             f"{low}, {mode}, {high}")
    return stats.triang(c=(mode - low) / (high - low), loc=low, scale=high - low)


def beta(a: float, b: float, low: float = 0.0, high: float = 1.0):
    """Beta(a, b) rescaled to ``[low, high]`` (probabilities such as interception_prob).

    >>> round(float(beta(2, 2).mean()), 6)
    0.5
    """
    a, b = _real("beta a", a), _real("beta b", b)
    low, high = _real("beta low", low), _real("beta high", high)
    if a <= 0 or b <= 0 or not high > low:
        raise ParameterError(f"beta needs a, b > 0 and low < high; got {a}, {b}, [{low}, {high}]")
    return stats.beta(a, b, loc=low, scale=high - low)


def normal(mean: float, sd: float):
    """Normal with mean and standard deviation.

    >>> float(normal(1, 2).std())
    2.0
    """
    mean, sd = _real("normal mean", mean), _real("normal sd", sd)
    if not sd > 0:
        raise ParameterError(f"normal needs sd > 0, got {sd}")
    return stats.norm(loc=mean, scale=sd)


def truncated_normal(mean: float, sd: float, low: float = -np.inf, high: float = np.inf):
    """Normal(mean, sd) truncated to ``[low, high]`` (e.g. a cost that cannot be negative).

    >>> float(truncated_normal(0, 1, low=0).ppf(0.0))
    0.0
    """
    mean, sd = _real("truncated_normal mean", mean), _real("truncated_normal sd", sd)
    low = _real("truncated_normal low", low, infinite=True)
    high = _real("truncated_normal high", high, infinite=True)
    if not sd > 0 or not high > low:
        raise ParameterError(f"truncated_normal needs sd > 0 and low < high; got sd={sd}, "
                             f"[{low}, {high}]")
    return stats.truncnorm((low - mean) / sd, (high - mean) / sd, loc=mean, scale=sd)


def _check_dists(distributions: Mapping[str, Any]) -> dict[str, Distribution]:
    if not isinstance(distributions, Mapping) or not distributions:
        raise ParameterError("distributions must be a non-empty dict {parameter: distribution}")
    for k, d in distributions.items():
        if not isinstance(d, Distribution):
            raise ParameterError(f"distribution of {k!r} must be a scipy.stats frozen "
                                 f"distribution (e.g. gt.uniform(0, 1)), got {d!r}")
    return dict(distributions)


def _transform(u: np.ndarray, dists: Mapping[str, Distribution]) -> dict[str, np.ndarray]:
    return {k: np.asarray(d.ppf(u[:, i]), dtype=float) for i, (k, d) in enumerate(dists.items())}


# --------------------------------------------------------------------------- statistics
def wilson_interval(k: Any, n: int, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a binomial proportion ``k / n``.

    >>> lo, hi = wilson_interval(0, 10)
    >>> float(lo), round(float(hi), 4)
    (0.0, 0.2775)
    """
    k = np.asarray(k, dtype=float)
    if n <= 0:
        raise ParameterError("wilson_interval needs n > 0")
    z = stats.norm.ppf(0.5 + confidence / 2)
    p = k / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


# --------------------------------------------------------------------------- selection
def _padded(frame: pd.DataFrame, values: np.ndarray, n_points: int, fill: float):
    point = frame["point"].to_numpy()
    eq = frame["equilibrium"].to_numpy()
    kmax = int(eq.max()) + 1 if len(eq) else 1
    out = np.full((n_points, kmax, *values.shape[1:]), fill, dtype=float)
    out[point, eq] = values
    return out


def select_equilibria(result: SweepResult, policy: str = "all", *, defender: str | None = None,
                      payoffs: tuple[np.ndarray, np.ndarray] | None = None) -> pd.DataFrame:
    """The rows of ``result.frame`` chosen by an equilibrium-selection policy.

    ``payoffs`` (stacked ``A, B`` of shape (N, m, n)) is needed for ``"risk-dominant"``.
    See the module docstring for the policies.

    The stag hunt: (Stag, Stag) payoff-dominates, (Hare, Hare) risk-dominates (deviation
    losses 1 x 1 against 3 x 3):

    >>> import gametheory as gt
    >>> stag = gt.ParametricGame([[4, 0], [3, 3]], [[4, 3], [0, 3]], ["x"],
    ...                          strategies=(("Stag", "Hare"), ("Stag", "Hare")))
    >>> r = gt.evaluate_points(stag, {"x": [0.0]}, progress=False)
    >>> AB = stag.lambdify()(x=[0.0])
    >>> [select_equilibria(r, s, payoffs=AB)["support"].tolist()
    ...  for s in ("payoff-dominant", "risk-dominant")]
    [['Stag / Stag'], ['Hare / Hare']]
    """
    if policy not in SELECTION_POLICIES:
        raise GameError(f"unknown selection policy {policy!r}; choose one of "
                        f"{', '.join(SELECTION_POLICIES)}")
    f = result.frame
    if policy == "all" or f.empty:
        return f
    N = len(result.points)
    pl = result.players
    pay = f[[f"payoff: {pl[0]}", f"payoff: {pl[1]}"]].to_numpy()
    if policy == "worst-for-defender":
        d = pl[1] if defender is None else defender
        if d not in pl:
            raise ParameterError(f"unknown defender {d!r}; players are {pl}")
        score = -_padded(f, pay[:, pl.index(d)], N, np.inf)
    elif policy == "payoff-dominant":
        P = _padded(f, pay, N, -np.inf)  # (N, K, 2)
        valid = np.isfinite(P[..., 0])
        ge = (P[:, None, :, :] >= P[:, :, None, :]).all(axis=3)  # other j >= i in both
        gt_ = (P[:, None, :, :] > P[:, :, None, :]).any(axis=3)
        dominated = (ge & gt_ & valid[:, None, :]).any(axis=2)
        score = np.where(valid & ~dominated, P.sum(axis=2), -np.inf)
    else:  # risk-dominant
        if payoffs is None:
            raise GameError("risk-dominant selection needs the payoff matrices (payoffs=)")
        A, B = payoffs
        m, n = A.shape[1:]
        rows = f[[c for c in f.columns if c.startswith(f"{pl[0]}: ")]].to_numpy()
        cols = f[[c for c in f.columns if c.startswith(f"{pl[1]}: ")]].to_numpy()
        pure = (rows.max(axis=1) == 1.0) & (cols.max(axis=1) == 1.0)
        i, j = rows.argmax(axis=1), cols.argmax(axis=1)
        pt = f["point"].to_numpy()
        Aj = A[pt, :, j]  # (E, m): row player's payoffs in column j
        Bi = B[pt, i, :]  # (E, n)
        own_a = Aj[np.arange(len(f)), i]
        own_b = Bi[np.arange(len(f)), j]
        Aj_other = np.where(np.arange(m)[None, :] == i[:, None], -np.inf, Aj).max(axis=1) \
            if m > 1 else np.full(len(f), -np.inf)
        Bi_other = np.where(np.arange(n)[None, :] == j[:, None], -np.inf, Bi).max(axis=1) \
            if n > 1 else np.full(len(f), -np.inf)
        nash_product = (own_a - Aj_other) * (own_b - Bi_other)
        nash_product = np.where(np.isfinite(nash_product), nash_product, np.finfo(float).max)
        score = _padded(f, np.where(pure, nash_product, -np.inf), N, -np.inf)
        none_pure = ~np.isfinite(score).any(axis=1)
        score[none_pure, 0] = 0.0
    best = np.argmax(score, axis=1)  # first maximiser: ties to the exact solver's order
    has = np.bincount(f["point"].to_numpy(), minlength=N) > 0
    key = pd.MultiIndex.from_arrays([np.flatnonzero(has), best[has]])
    idx = pd.MultiIndex.from_arrays([f["point"].to_numpy(), f["equilibrium"].to_numpy()])
    return f[idx.isin(key)]


# --------------------------------------------------------------------------- outputs
def _output(result: SweepResult, selected: pd.DataFrame, output: Output) -> np.ndarray:
    N = len(result.points)
    if callable(output):
        y = np.asarray(output(selected), dtype=float)
        if y.shape != (N,):
            raise GameError(f"the output function must return one value per point ({N}), "
                            f"got shape {y.shape}")
        return y
    if isinstance(output, str) and output.startswith("regime:"):
        label = output[len("regime:"):].strip()
        regs = result.points["regime"].astype(str).to_numpy()
        return (regs == label).astype(float)  # an absent regime: identically 0
    if isinstance(output, str) and output in selected.columns:
        s = selected.groupby("point")[output].mean()
        y = np.full(N, np.nan)
        y[s.index.to_numpy()] = s.to_numpy()
        return y
    raise GameError(f"unknown output {output!r}: use 'regime:<label>', a frame column "
                    f"({', '.join(c for c in selected.columns if ':' in c)}), or a function")


def _payoff_arrays(model: Model, points: Mapping[str, np.ndarray], fixed: Mapping[str, Any]
                   ) -> tuple[np.ndarray, np.ndarray]:
    p = as_parametric(model, [*points, *fixed], "risk-dominant selection needs a ParametricGame")
    n = len(next(iter(points.values())))
    point = resolve_point(p, fixed, free=list(points), hint="give them in fixed")
    arrays = resolve_arrays(p.parameters, {**point, **points}, shape=n)
    return p.lambdify()(**dict(zip(p.parameter_names, arrays, strict=True)))


# --------------------------------------------------------------------------- Monte Carlo
class MonteCarloResult:
    """Monte Carlo over parameter distributions.

    Attributes
    ----------
    samples : pandas.DataFrame
        The sampled parameter values, one row per point.
    sweep : SweepResult
        All equilibria at the samples (``sweep.frame``, ``sweep.points``).
    selected : pandas.DataFrame
        The equilibria kept by the selection policy.
    selection : str
    regime_probabilities : pandas.DataFrame
        ``regime``, ``count``, ``probability``, ``ci_low``, ``ci_high`` (Wilson).
    outcome_probabilities : pandas.DataFrame
        The same for the selected equilibria's supports (``outcome``).
    """

    def __init__(self, samples, sweep_result, selected, selection, confidence) -> None:
        self.samples = samples
        self.sweep = sweep_result
        self.selected = selected
        self.selection = selection
        self.confidence = confidence
        n = len(samples)
        pts = sweep_result.points
        counts = pts["regime"].astype(str).value_counts()
        self.regime_probabilities = self._table("regime", counts, n)
        per = selected.groupby("point", observed=True)["support"].apply(
            lambda s: sorted(set(s.astype(str)))) if len(selected) else pd.Series(dtype=object)
        out_counts = pd.Series([o for lst in per for o in lst]).value_counts() if len(per) \
            else pd.Series(dtype=int)
        self.outcome_probabilities = self._table("outcome", out_counts, n)

    def _table(self, name: str, counts: pd.Series, n: int) -> pd.DataFrame:
        lo, hi = wilson_interval(counts.to_numpy(), n, self.confidence)
        return pd.DataFrame({name: counts.index.astype(str), "count": counts.to_numpy(),
                             "probability": counts.to_numpy() / n, "ci_low": lo,
                             "ci_high": hi}).reset_index(drop=True)

    def __repr__(self) -> str:
        top = self.regime_probabilities.head(3)
        body = ", ".join(f"{r}: {p:.3f}" for r, p in zip(top.iloc[:, 0], top["probability"],
                                                         strict=True))
        return f"MonteCarloResult(n={len(self.samples)}, selection={self.selection!r}; {body})"

    def to_markdown(self, digits: int = 4) -> str:
        """Regime probabilities with their Wilson intervals as a Markdown table.

        Each row: the regime, its count :math:`k` of the :math:`n` samples, the share
        :math:`k/n` and the Wilson interval, to ``digits`` decimals. A facade: the report
        layer's table renderer is imported here, in the method, so the analysis layer
        never loads the report layer; regime names are escaped for Markdown there.
        """
        from ...report.tables.registry import render_rows

        header = ["regime", "count", "probability", "CI low", "CI high"]
        rows = [[str(r.regime), str(r.count),
                 *(round_decimal(x, digits) for x in (r.probability, r.ci_low, r.ci_high))]
                for r in self.regime_probabilities.itertuples(index=False)]
        return str(render_rows(header, rows, "markdown"))

    def _repr_html_(self) -> str:
        return (f"<p><b>{html.escape(repr(self))}</b></p>"
                + self.regime_probabilities.to_html(index=False, float_format="%.4f")
                + self.outcome_probabilities.to_html(index=False, float_format="%.4f"))


def monte_carlo(model: Model, distributions: Mapping[str, Distribution], n: int = 10_000,
                seed: int | None = None, *, fixed: Mapping[str, Any] | None = None,
                selection: str = "all", defender: str | None = None,
                confidence: float = 0.95, executor: Executor | None = None,
                chunk_size: int = 50_000, out_dir: Any = None, progress: bool = True
                ) -> MonteCarloResult:
    """Regime and outcome probabilities under parameter uncertainty.

    Parameters
    ----------
    model : ParametricGame, GameTree or callable
    distributions : dict
        ``{parameter: frozen scipy.stats distribution}``, e.g. from :func:`uniform`,
        :func:`triangular`, :func:`beta`, :func:`normal`, :func:`truncated_normal`.
    n : int
        Number of samples.
    seed : int, optional
        Seed of the sample draw (reproducible; independent of executor and chunking).
    fixed : dict, optional
        Values for other parameters.
    selection : str
        Equilibrium-selection policy (module docstring).
    defender : str, optional
        The player whose payoff ``"worst-for-defender"`` minimises (default: column).
    confidence : float
        Level of the Wilson intervals.
    executor, chunk_size, out_dir, progress
        As in :func:`gametheory.sweep`.

    Returns
    -------
    MonteCarloResult
    """
    dists = _check_dists(distributions)
    if selection not in SELECTION_POLICIES:
        raise GameError(f"unknown selection policy {selection!r}; choose one of "
                        f"{', '.join(SELECTION_POLICIES)}")
    if n < 1:
        raise ParameterError(f"n must be positive, got {n}")
    rng = np.random.default_rng(seed)
    u = rng.random((int(n), len(dists)))
    pts = _transform(u, dists)
    res = evaluate_points(model, pts, fixed=fixed, executor=executor, chunk_size=chunk_size,
                          out_dir=out_dir, progress=progress, seed=seed)
    payoffs = _payoff_arrays(model, pts, fixed or {}) if selection == "risk-dominant" else None
    sel = select_equilibria(res, selection, defender=defender, payoffs=payoffs)
    return MonteCarloResult(pd.DataFrame(pts), res, sel, selection, confidence)


# --------------------------------------------------------------------------- local
def local_sensitivity(model: Model, output: Output, at: Mapping[str, Any] | None = None, *,
                      parameters: Sequence[str] | None = None, rel_step: float = 1e-3,
                      ranges: Mapping[str, tuple[float, float]] | None = None,
                      swing: float = 0.1, selection: str = "payoff-dominant",
                      defender: str | None = None) -> pd.DataFrame:
    """Derivatives, elasticities and tornado data of an output at a parameter point.

    Parameters
    ----------
    model : ParametricGame
    output : str or callable
        See the module docstring (``"payoff: Defender"``, ``"regime:<label>"``, ...).
    at : dict, optional
        The point (defaults fill the rest).
    parameters : list of str, optional
        Parameters to vary (default: all of the model's).
    rel_step : float
        Relative step of the central differences (absolute ``rel_step`` at 0).
    ranges : dict, optional
        Tornado low/high value per parameter; default ``value * (1 -+ swing)``.
    selection : str
        Equilibrium-selection policy for equilibrium outputs.

    Returns
    -------
    pandas.DataFrame
        ``parameter``, ``value``, ``output``, ``derivative``, ``elasticity``, ``low``,
        ``high``, ``output_low``, ``output_high``, ``swing`` (|high - low| output), sorted
        by swing, largest first (tornado order).

    Examples
    --------
    >>> import gametheory as gt
    >>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]],
    ...                       [gt.Parameter("v", default=4), gt.Parameter("r", default=2)],
    ...                       players=("Aggressor", "Defender"),
    ...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
    >>> t = gt.local_sensitivity(p, "payoff: Aggressor")
    >>> t.set_index("parameter").loc["v", ["derivative", "elasticity"]].round(6).tolist()
    [1.0, 4.0]
    """
    at = dict(at or {})
    p = as_parametric(model, list(at), "local_sensitivity needs a ParametricGame")
    base = resolve_point(p, at, hint="give them in at=")
    names = list(parameters) if parameters is not None else list(p.parameter_names)
    for k in names:
        if k not in base:
            raise ParameterError(f"parameter {k!r} has no value; give it in at=")
    x0 = {k: float(v) for k, v in base.items()}
    rows = [dict(x0)]
    meta = []
    for k in names:
        v = x0[k]
        h = rel_step * abs(v) if v != 0 else rel_step
        lo, hi = (ranges or {}).get(k, (v * (1 - swing), v * (1 + swing)) if v != 0
                                    else (-swing, swing))
        for val in (v - h, v + h, lo, hi):
            rows.append({**x0, k: val})
        meta.append((k, v, h, lo, hi))
    pts = {k: np.array([r[k] for r in rows]) for k in x0}
    res = evaluate_points(p, pts, progress=False)
    payoffs = _payoff_arrays(p, pts, {}) if selection == "risk-dominant" else None
    sel = select_equilibria(res, selection, defender=defender, payoffs=payoffs)
    y = _output(res, sel, output)
    out = []
    for q, (k, v, h, lo, hi) in enumerate(meta):
        ym, yp, ylo, yhi = y[1 + 4 * q: 5 + 4 * q]
        d = (yp - ym) / (2 * h)
        out.append({"parameter": k, "value": v, "output": y[0], "derivative": d,
                    "elasticity": d * v / y[0] if y[0] != 0 else np.nan, "low": lo,
                    "high": hi, "output_low": ylo, "output_high": yhi,
                    "swing": abs(yhi - ylo)})
    return pd.DataFrame(out).sort_values("swing", ascending=False, kind="stable") \
        .reset_index(drop=True)


def one_at_a_time(func: Callable[..., float], base: Mapping[str, Any],
                  spans: Mapping[str, tuple[Any, Any]] | None = None,
                  rel: float = 0.1) -> pd.DataFrame:
    r"""One-at-a-time sensitivity of any function: the data of a tornado chart.

    For each parameter :math:`k` with base value :math:`b_k`, the output
    :math:`f(b_{-k}, \ell_k)` and :math:`f(b_{-k}, h_k)` at its low and high value with the
    others at their base values; the swing is :math:`|f(\dots h_k) - f(\dots \ell_k)|`
    (Saltelli et al. 2008, *Global Sensitivity Analysis: The Primer*, sec. 1.2.1). Drawn
    by :func:`gametheory.report.figures.tornado`; for a game's equilibrium outputs see
    :func:`local_sensitivity`.

    Parameters
    ----------
    func : callable
        ``func(**values) -> float``, e.g. a closed-form threshold.
    base : dict
        Base values of the parameters to vary.
    spans : dict, optional
        ``{name: (low, high)}``; default ``base * (1 - rel)`` and ``base * (1 + rel)``.
    rel : float
        Relative change when ``spans`` is not given.

    Returns
    -------
    pandas.DataFrame
        Columns ``parameter, low, high, output_low, output_high, base_output, swing``,
        sorted by swing (largest first).

    Examples
    --------
    >>> import gametheory as gt
    >>> d = gt.one_at_a_time(lambda a, b: a + 2 * b, {"a": 1.0, "b": 1.0})
    >>> d[["parameter", "output_low", "output_high"]].values.tolist()
    [['b', 2.8, 3.2], ['a', 2.9, 3.1]]
    """
    base = dict(base)
    b0 = float(func(**base))
    rows = []
    for name, v in base.items():
        lo, hi = (spans or {}).get(name, (float(v) * (1 - rel), float(v) * (1 + rel)))
        out_lo = float(func(**{**base, name: lo}))
        out_hi = float(func(**{**base, name: hi}))
        rows.append({"parameter": name, "low": lo, "high": hi, "output_low": out_lo,
                     "output_high": out_hi, "base_output": b0,
                     "swing": abs(out_hi - out_lo)})
    df = pd.DataFrame(rows).sort_values("swing", ascending=False, kind="stable")
    return df.reset_index(drop=True)


# --------------------------------------------------------------------------- global
def _global_eval(model, dists, fixed, output, selection, defender, X, executor, chunk_size,
                 progress) -> np.ndarray:
    pts = _transform(X, dists)
    res = evaluate_points(model, pts, fixed=fixed, executor=executor, chunk_size=chunk_size,
                          progress=progress)
    payoffs = _payoff_arrays(model, pts, fixed or {}) if selection == "risk-dominant" else None
    sel = select_equilibria(res, selection, defender=defender, payoffs=payoffs)
    y = _output(res, sel, output)
    if not np.isfinite(y).all():
        raise GameError("the output is undefined at some samples (infeasible points?); "
                        "restrict the distributions to the model's domain")
    return y


def _problem(dists: Mapping[str, Any]) -> dict[str, Any]:
    # SALib designs on the unit cube; samples are mapped through each distribution's ppf
    eps = 1e-12
    return {"num_vars": len(dists), "names": list(dists), "bounds": [[eps, 1 - eps]] * len(dists)}


def sobol_indices(model: Model, distributions: Mapping[str, Distribution], output: Output,
                  n: int = 1024, seed: int | None = None, *, fixed: Mapping[str, Any] | None = None,
                  selection: str = "payoff-dominant", defender: str | None = None,
                  second_order: bool = False, executor: Executor | None = None,
                  chunk_size: int = 50_000, progress: bool = False,
                  confidence: float = 0.95) -> pd.DataFrame:
    """First-order and total Sobol indices of an output, computed by SALib.

    Uses SALib's Saltelli/Sobol' sequence design (``SALib.sample.sobol.sample``, ``n``
    base samples, a power of two; ``n (d + 2)`` model evaluations) and
    ``SALib.analyze.sobol.analyze``.

    Returns
    -------
    pandas.DataFrame
        ``parameter``, ``S1``, ``S1_conf``, ``ST``, ``ST_conf`` (bootstrap half-widths).

    Examples
    --------
    >>> import gametheory as gt
    >>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
    ...                       players=("Aggressor", "Defender"),
    ...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
    >>> s = gt.sobol_indices(p, {"v": gt.uniform(0, 4), "r": gt.uniform(0, 2)},
    ...                      "Aggressor: Probe", n=256, seed=1)
    >>> s["parameter"].tolist()
    ['v', 'r']
    """
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    dists = _check_dists(distributions)
    problem = _problem(dists)
    X = sobol_sample.sample(problem, int(n), calc_second_order=second_order, seed=seed)
    y = _global_eval(model, dists, fixed, output, selection, defender, X, executor,
                     chunk_size, progress)
    Si = sobol_analyze.analyze(problem, y, calc_second_order=second_order, seed=seed,
                               conf_level=confidence)
    return pd.DataFrame({"parameter": problem["names"], "S1": Si["S1"],
                         "S1_conf": Si["S1_conf"], "ST": Si["ST"], "ST_conf": Si["ST_conf"]})


def morris(model: Model, distributions: Mapping[str, Distribution], output: Output,
           trajectories: int = 50, seed: int | None = None, *,
           fixed: Mapping[str, Any] | None = None, levels: int = 4,
           selection: str = "payoff-dominant", defender: str | None = None,
           executor: Executor | None = None, chunk_size: int = 50_000,
           progress: bool = False) -> pd.DataFrame:
    """Morris elementary effects (``mu``, ``mu_star``, ``sigma``), computed by SALib.

    The design is ``SALib.sample.morris.sample`` on the unit cube (``trajectories``
    trajectories of ``d + 1`` points, ``levels`` grid levels) mapped through the
    distributions; effects are in units of the output per unit-cube step.

    Examples
    --------
    >>> import gametheory as gt
    >>> p = gt.ParametricGame([[0, 0], ["v - 1", "v - 3"]], [[0, 0], ["-r", -1]], ["v", "r"],
    ...                       players=("Aggressor", "Defender"),
    ...                       strategies=(("Refrain", "Probe"), ("Tolerate", "Intercept")))
    >>> m = gt.morris(p, {"v": gt.uniform(0, 4), "r": gt.uniform(0, 2)}, "payoff: Aggressor",
    ...               trajectories=20, seed=2)
    >>> list(m.columns)
    ['parameter', 'mu', 'mu_star', 'sigma', 'mu_star_conf']
    """
    from SALib.analyze import morris as morris_analyze
    from SALib.sample import morris as morris_sample

    dists = _check_dists(distributions)
    problem = _problem(dists)
    X = morris_sample.sample(problem, int(trajectories), num_levels=levels, seed=seed)
    y = _global_eval(model, dists, fixed, output, selection, defender, X, executor,
                     chunk_size, progress)
    Si = morris_analyze.analyze(problem, X, y, num_levels=levels, seed=seed)
    return pd.DataFrame({"parameter": problem["names"], "mu": Si["mu"],
                         "mu_star": Si["mu_star"], "sigma": Si["sigma"],
                         "mu_star_conf": Si["mu_star_conf"]})


OutputSpec = "str | Callable[[pd.DataFrame], np.ndarray]"  # a string: pandas loads on first use
