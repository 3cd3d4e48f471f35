"""Fitting the scaling-law forms of ``AxiomDL.Generalization.Scaling`` to measured losses.

All fits minimise squared errors of log L (relative errors), with the irreducible loss E in
[0, min L): the continuous forms whose doubling ratios are the Lean statements' ``r = 2^{-α}``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class PowerFit:
    """``L n = E + A n^{-α}``, its doubling ratio ``2^{-α}`` and relative residuals."""

    E: float
    A: float
    alpha: float
    residuals: list[float]

    @property
    def ratio(self) -> float:
        return float(2.0**-self.alpha)

    @property
    def max_residual(self) -> float:
        return float(np.abs(self.residuals).max())

    def predict(self, n: Array | float) -> Array:
        return self.E + self.A * np.asarray(n, float) ** -self.alpha


def fit_power(n: Array | list, loss: Array | list) -> PowerFit:
    """Least-squares fit of ``E + A n^{-α}`` (several starts, best kept)."""
    from scipy.optimize import least_squares

    x, y = np.asarray(n, float), np.asarray(loss, float)
    lo = float(y.min())

    def resid(q: Array) -> Array:
        return np.log(q[0] + np.exp(q[1]) * x ** -q[2]) - np.log(y)

    best = None
    for a0 in (0.2, 0.5, 1.0):
        for e0 in (0.0, 0.5):
            start = [e0 * lo, float(np.log(max(y[0] - e0 * lo, 1e-12)) + a0 * np.log(x[0])), a0]
            r = least_squares(resid, start, bounds=([0.0, -60.0, 1e-4], [0.999 * lo, 60.0, 5.0]))
            if best is None or r.cost < best.cost:
                best = r
    assert best is not None
    e, la, al = (float(v) for v in best.x)
    fit = PowerFit(e, float(np.exp(la)), al, [])
    return PowerFit(e, fit.A, al, (fit.predict(x) / y - 1.0).tolist())


def fit_broken(n: Array | list, loss: Array | list) -> tuple[PowerFit, PowerFit, int, float]:
    """Best broken power law: excess ``A (n/n_k)^{-α₁}`` up to the break ``n_k`` and
    ``A (n/n_k)^{-α₂}`` from it, above a common E (the Lean ``BrokenPowerLaw``: one doubling
    ratio before the break, another after, continuous at the break).

    Every break with ≥ 3 points on each side (the break counted in both) is tried; the one
    with the smallest largest relative residual wins. Returns (before, after, k, max residual).
    """
    from scipy.optimize import least_squares

    x, y = np.asarray(n, float), np.asarray(loss, float)
    lo = float(y.min())
    single = fit_power(x, y)
    best: tuple[PowerFit, PowerFit, int, float] | None = None
    for k in range(2, len(x) - 2):

        def model(q: Array, k: int = k) -> Array:
            alpha = np.where(x <= x[k], q[2], q[3])
            return q[0] + np.exp(q[1]) * (x / x[k]) ** -alpha

        for e0 in (single.E, 0.0):
            start = [e0, float(np.log(max(y[k] - e0, 1e-12))), single.alpha, single.alpha]
            r = least_squares(
                lambda q, model=model: np.log(model(q)) - np.log(y),
                start,
                bounds=([0.0, -60.0, 1e-4, 1e-4], [0.999 * lo, 60.0, 5.0, 5.0]),
            )
            res = model(r.x) / y - 1.0
            worst = float(np.abs(res).max())
            if best is None or worst < best[3]:
                e, la, a1, a2 = (float(v) for v in r.x)
                amp = float(np.exp(la)) * x[k] ** a1  # A of the first piece, in n^{-α₁}
                amp2 = float(np.exp(la)) * x[k] ** a2
                before = PowerFit(e, amp, a1, res[: k + 1].tolist())
                after = PowerFit(e, amp2, a2, res[k:].tolist())
                best = (before, after, k, worst)
    assert best is not None
    return best


@dataclass(frozen=True)
class ChinchillaFit:
    """``L N D = E + A N^{-α} + B D^{-β}`` and its relative residuals on the grid."""

    E: float
    A: float
    alpha: float
    B: float
    beta: float
    residuals: list[list[float]]

    @property
    def max_residual(self) -> float:
        return float(np.abs(np.asarray(self.residuals)).max())


def fit_chinchilla(ns: Array | list, ds: Array | list, loss: Array) -> ChinchillaFit:
    """Fit the additive form on a grid ``loss[i, j]`` at (``ns[i]``, ``ds[j]``)."""
    from scipy.optimize import least_squares

    nn, dd = np.meshgrid(np.asarray(ns, float), np.asarray(ds, float), indexing="ij")
    y = np.asarray(loss, float)
    lo = float(y.min())

    def model(q: Array) -> Array:
        return q[0] + np.exp(q[1]) * nn ** -q[2] + np.exp(q[3]) * dd ** -q[4]

    best = None
    for a0 in (0.3, 0.7):
        for b0 in (0.3, 0.7):
            r = least_squares(
                lambda q: (np.log(model(q)) - np.log(y)).ravel(),
                [0.5 * lo, 0.0, a0, 0.0, b0],
                bounds=([0.0, -60.0, 1e-4, -60.0, 1e-4], [0.999 * lo, 60.0, 5.0, 60.0, 5.0]),
            )
            if best is None or r.cost < best.cost:
                best = r
    assert best is not None
    q = best.x
    res = model(q) / y - 1.0
    return ChinchillaFit(
        float(q[0]),
        float(np.exp(q[1])),
        float(q[2]),
        float(np.exp(q[3])),
        float(q[4]),
        res.tolist(),
    )
