r"""Logit quantal response equilibria by path following, for any number of players.

In a logit quantal response equilibrium (McKelvey and Palfrey 1995, *Games and Economic
Behavior* 10, 6-38) each player chooses strategy :math:`j` with probability proportional
to :math:`\exp(\lambda\, u_{ij}(\sigma))`, where :math:`u_{ij}(\sigma)` is the expected
payoff of :math:`j` against the others' mixed strategies and :math:`\lambda \ge 0` is the
precision. At :math:`\lambda = 0` every player mixes uniformly; as
:math:`\lambda \to \infty` the *principal branch* of the correspondence that starts there
converges to a Nash equilibrium (the limiting logit equilibrium, a refinement used in
strategic estimation, Signorino 1999, *American Political Science Review* 93).

Writing :math:`z_{ij} = \log \sigma_{ij}`, the branch is the solution curve of

.. math::

    z_{ij} - z_{i1} - \lambda\,(u_{ij}(\sigma) - u_{i1}(\sigma)) = 0 \ (j \ge 2), \qquad
    \textstyle\sum_j e^{z_{ij}} = 1,

:math:`\sum_i |S_i|` equations in :math:`\sum_i |S_i| + 1` unknowns. It is followed by
arc length with an Euler predictor along the Jacobian's null vector and a Newton
(Moore-Penrose) corrector, so that it passes backward bends in :math:`\lambda` (Turocy
2005, *Games and Economic Behavior* 51, 243-263; Allgower and Georg 1990, *Numerical
Continuation Methods*, ch. 2). Precision is reparametrised as :math:`\lambda =
\mu/(1-\mu)` on :math:`[0, 1)` so the path has finite length.

The end point is a float approximation of an equilibrium: it is returned with its
maximal regret, and :attr:`LogitPath.converged` says whether that regret is within the
stated tolerance. It is never returned as an equilibrium without saying so.

Examples
--------
Matching pennies: the branch stays at the uniform mix, the unique equilibrium.

>>> import numpy as np
>>> A = np.array([[1, -1], [-1, 1]])
>>> path = logit_path([A, -A])
>>> [[round(p, 6) for p in x] for x in path.profile], path.converged
([[0.5, 0.5], [0.5, 0.5]], True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .._numbers import payoff_scale
from ..errors import PayoffError, SolverError

__all__ = ["logit_path", "logit_profiles", "LogitPath", "expected_payoffs", "max_regret"]


def _contract(u: np.ndarray, sigma: Sequence[np.ndarray], keep: Sequence[int]) -> np.ndarray:
    """``u`` contracted with every player's mix except those in ``keep`` (order kept)."""
    out = u
    for k in reversed(range(len(sigma))):
        if k not in keep:
            out = np.tensordot(out, sigma[k], axes=([k], [0]))
    return out


def expected_payoffs(payoffs: Sequence[np.ndarray], sigma: Sequence[np.ndarray]
                     ) -> list[np.ndarray]:
    """:math:`u_{ij}(\\sigma)`: each player's expected payoff of each pure strategy.

    >>> A = np.array([[3, 0], [5, 1]])
    >>> [v.tolist() for v in expected_payoffs([A, A.T], [np.array([1., 0.]), np.array([.5, .5])])]
    [[1.5, 3.0], [3.0, 5.0]]
    """
    return [_contract(np.asarray(u, dtype=float), sigma, (i,)) for i, u in enumerate(payoffs)]


def max_regret(payoffs: Sequence[np.ndarray], sigma: Sequence[np.ndarray]) -> float:
    """The largest gain any player has from a pure deviation at ``sigma``."""
    values = expected_payoffs(payoffs, sigma)
    return max(float(v.max() - v @ s) for v, s in zip(values, sigma, strict=True))


@dataclass(frozen=True)
class LogitPath:
    """The principal branch, sampled, and its end point.

    Attributes
    ----------
    lambdas : numpy.ndarray
        Precision at each sampled point (not monotone where the branch bends back).
    profiles : tuple of numpy.ndarray
        ``profiles[i][k]`` is player ``i``'s mixed strategy at point ``k``.
    profile : tuple of tuple of float
        The last point's mixed strategies.
    regret : float
        The last point's maximal regret.
    tol : float
        The regret tolerance that :attr:`converged` is judged by.
    stopped : str
        Why the path ended: ``"reached max_lambda"``, ``"step size collapsed"`` (far out
        the branch, where the Jacobian becomes ill-conditioned) or ``"max_steps"``.
    """

    lambdas: np.ndarray
    profiles: tuple[np.ndarray, ...]
    regret: float
    tol: float
    stopped: str = "reached max_lambda"

    @property
    def profile(self) -> tuple[tuple[float, ...], ...]:
        return tuple(tuple(float(p) for p in x[-1]) for x in self.profiles)

    @property
    def converged(self) -> bool:
        """Whether the end point's maximal regret is within ``tol`` (an approximate
        equilibrium); if not, the end point is only a point of the branch."""
        return self.regret <= self.tol


def _unpack(x: np.ndarray, sizes: Sequence[int]) -> tuple[list[np.ndarray], float]:
    z, out, k = x[:-1], [], 0
    for s in sizes:
        out.append(np.exp(z[k:k + s]))
        k += s
    return out, float(x[-1])


def _lam(mu: float) -> float:
    return mu / (1.0 - mu)


def _residual_and_jacobian(x: np.ndarray, payoffs: Sequence[np.ndarray], sizes: Sequence[int]
                           ) -> tuple[np.ndarray, np.ndarray]:
    sigma, mu = _unpack(x, sizes)
    lam, dlam = _lam(mu), 1.0 / (1.0 - mu) ** 2
    n, N = len(sizes), int(sum(sizes))
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(int)
    values = expected_payoffs(payoffs, sigma)
    H = np.empty(N)
    J = np.zeros((N, N + 1))
    for i in range(n):
        o, s = offsets[i], sizes[i]
        z = x[o:o + s]
        v = values[i]
        H[o] = sigma[i].sum() - 1.0
        J[o, o:o + s] = sigma[i]
        diff = v[1:] - v[0]
        H[o + 1:o + s] = z[1:] - z[0] - lam * diff
        J[o + 1:o + s, o + 1:o + s] += np.eye(s - 1)
        J[o + 1:o + s, o] -= 1.0
        J[o + 1:o + s, N] = -dlam * diff
        for k in range(n):
            if k == i:
                continue
            m = _contract(np.asarray(payoffs[i], dtype=float), sigma, (i, k))
            if k < i:
                m = m.T  # rows: player i's strategies, columns: player k's
            dv = m * sigma[k][None, :]  # d u_ij / d z_kl
            ok = offsets[k]
            J[o + 1:o + s, ok:ok + sizes[k]] -= lam * (dv[1:] - dv[0])
    return H, J


def _tangent(J: np.ndarray, previous: np.ndarray | None) -> np.ndarray:
    q, _ = np.linalg.qr(J.T, mode="complete")
    t = q[:, -1]
    if previous is None:
        t = t if t[-1] > 0 else -t
    elif t @ previous < 0:
        t = -t
    return t


def logit_path(payoffs: Sequence[np.ndarray], *, max_lambda: float = 1e6,
               tol: float | None = None, step: float = 0.05, max_steps: int = 20_000
               ) -> LogitPath:
    """Follow the logit QRE branch from :math:`\\lambda = 0` to ``max_lambda``.

    Parameters
    ----------
    payoffs : sequence of n arrays of shape ``(s_1, ..., s_n)``
        ``payoffs[i][s]`` is player ``i``'s payoff at pure profile ``s``.
    max_lambda : float
        Stop once the precision reaches this value (default 1e6).
    tol : float, optional
        Regret tolerance for :attr:`LogitPath.converged`; default ``1e-6`` times the
        payoff scale.
    step : float
        Initial arc-length step (adapted: halved when the corrector fails, grown when it
        converges fast).
    max_steps : int
        Bound on the number of steps.

    Returns
    -------
    LogitPath

    Raises
    ------
    PayoffError
        For arrays whose shape does not match the number of players, or non-finite payoffs.
    SolverError
        For a non-positive ``step``, ``max_lambda`` or ``tol``. A path that stops early
        (step size collapsed, ``max_steps``) is returned with :attr:`LogitPath.stopped`
        saying so and :attr:`LogitPath.converged` judged by its end point's regret.

    Examples
    --------
    In the prisoner's dilemma the branch goes to mutual defection:

    >>> A = np.array([[3, 0], [5, 1]])
    >>> path = logit_path([A, A.T])
    >>> [[round(p, 4) for p in x] for x in path.profile]
    [[0.0, 1.0], [0.0, 1.0]]
    """
    arrays = [np.asarray(u, dtype=float) for u in payoffs]
    shape = arrays[0].shape
    if len(arrays) < 2 or any(a.shape != shape for a in arrays) or len(shape) != len(arrays):
        raise PayoffError("logit_path needs n payoff arrays of one n-dimensional shape")
    if not all(np.isfinite(a).all() for a in arrays):
        raise PayoffError("payoffs must be finite numbers")
    if not (max_lambda > 0 and np.isfinite(max_lambda)) or not step > 0 or max_steps < 1:
        raise SolverError("max_lambda and step must be positive and finite, max_steps >= 1")
    scale = payoff_scale(*arrays)
    arrays = [a / scale for a in arrays]  # precision is then in units of the payoff scale
    tol = 1e-6 if tol is None else tol / scale
    if not tol > 0:
        raise SolverError(f"tol must be positive, got {tol!r}")
    sizes = list(shape)
    x = np.concatenate([np.full(s, -np.log(s)) for s in sizes] + [np.zeros(1)])
    mu_max = max_lambda / (1.0 + max_lambda)
    points, tangent, h = [x.copy()], None, step
    stopped = "max_steps"
    for _ in range(max_steps):
        _, J = _residual_and_jacobian(x, arrays, sizes)
        tangent = _tangent(J, tangent)
        while h >= 1e-12:
            if tangent[-1] > 0 and x[-1] + h * tangent[-1] > mu_max:
                h = (mu_max - x[-1]) / tangent[-1]  # land on the last precision
            y = x + h * tangent
            delta = np.full_like(y, np.inf)
            for _newton in range(8):
                if not (np.isfinite(y).all() and y[-1] < 1.0):
                    break
                H, Jy = _residual_and_jacobian(y, arrays, sizes)
                delta = np.linalg.lstsq(Jy, H, rcond=None)[0]
                y = y - delta
                if np.abs(delta).max() < 1e-10:
                    break
            if np.abs(delta).max() < 1e-8 and np.isfinite(y).all() and y[-1] < 1.0:
                break
            h /= 2
        else:
            stopped = "step size collapsed"
            break
        x = y
        points.append(x.copy())
        h = min(h * 2.0, 1e6)  # far out the branch is nearly straight in (z, mu)
        if x[-1] >= mu_max * (1 - 1e-12):
            stopped = "reached max_lambda"
            break
    profiles = []
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(int)
    P = np.array(points)
    for i, s in enumerate(sizes):
        block = np.exp(P[:, offsets[i]:offsets[i] + s])
        profiles.append(block / block.sum(axis=1, keepdims=True))
    lambdas = P[:, -1] / (1.0 - P[:, -1]) / scale
    last = [p[-1] for p in profiles]
    return LogitPath(lambdas, tuple(profiles), max_regret(arrays, last) * scale, tol * scale,
                     stopped)



def logit_profiles(payoffs: Sequence[np.ndarray], *, max_lambda: float = 1e6,
                   tol: float | None = None) -> list[tuple[tuple[float, ...], ...]]:
    """The end point of the principal logit branch, for the solve facade (``"logit"``).

    Raises :class:`SolverError` when the end point is not an approximate equilibrium (its
    regret exceeds ``tol``, default ``1e-6`` times the payoff scale), instead of returning it.

    >>> A = np.array([[3, 0], [5, 1]])
    >>> [[round(p, 4) for p in x] for x in logit_profiles([A, A.T])[0]]
    [[0.0, 1.0], [0.0, 1.0]]
    """
    path = logit_path(payoffs, max_lambda=max_lambda, tol=tol)
    if not path.converged:
        raise SolverError(f"the logit branch ended ({path.stopped}) at a profile with regret "
                          f"{path.regret:.3g}, above the tolerance {path.tol:.3g}; raise "
                          "max_lambda, or use method='exact' or 'simpdiv'")
    return [path.profile]
