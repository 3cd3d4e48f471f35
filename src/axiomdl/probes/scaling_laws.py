"""Probe ``scaling-laws``: test loss against data and parameters, fitted by power laws.

Ridge regression on ``p`` random ReLU features (the model size) from ``n`` training examples
(the data size), both on doubling grids, the ridge chosen on a validation set for every cell
(optimally tuned models, as in compute-optimal scaling). Two data sets: sklearn digits (10
centred one-hot outputs; 300 test and 200 validation digits held out) and a synthetic teacher
(x ~ N(0, I/16) in 16 dimensions, y = a random tanh net 16-32-1 plus noise of s.d. 0.1). Each
draw resamples the training set (nested in n) and the features; losses are means over draws.

Measured against the Lean statements (``ScalingLaws.lean``, ``ComputeOptimal.lean``):

* ``PowerLawScaling``: L = E + A x^{-α} on the data curve (largest p) and the parameter curve
  (largest n): worst relative residual over the longest window of ≥ 5 doublings ending at the
  largest size, and the error of predicting the last point from the others;
* ``BrokenPowerLaw``: the same curves with one exponent before a break and another after;
* ``ChinchillaScaling``: L = E + A p^{-α} + B n^{-β} on the largest top-right window of the
  grid (≥ 4 × 4 cells) that it fits;
* ``MoreDataHelps``: does doubling n ever raise the loss, with the tuned ridge and with the
  ridgeless (minimum-norm) fit at a middle p (sample-wise double descent, Nakkiran 2019)?
"""

from __future__ import annotations

import numpy as np

from axiomdl.probes.context import Context, new_figure, plain_log_ticks
from axiomdl.probes.judge import AGREE, Outcome, combine, frac_less, relu_features
from axiomdl.probes.model import ProbeResult, Series, Verdict
from axiomdl.probes.nets import digits
from axiomdl.probes.powerlaw import fit_broken, fit_chinchilla, fit_power

NAME = "scaling-laws"
FIT_TOL = 0.05  # worst relative residual of a power law that counts as a fit
EXTRAP_TOL = 0.10  # error of predicting the last doubling from the others
CHIN_TOL = 0.10  # worst relative residual of the two-term Chinchilla fit
MIN_WINDOW = 5  # points (4 doublings) a power-law fit needs
RIDGES = np.geomspace(1e-9, 1.0, 19)  # λ / σ_max(Φ)², searched on the validation set


def _cell(ftr: np.ndarray, ytr: np.ndarray, fva, yva, fte, yte) -> tuple[float, float]:
    """(tuned-ridge test loss, ridgeless test loss) of one (p, n) cell, via one SVD."""

    def loss(f: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
        r = f @ w - y
        return float((r * r).reshape(len(r), -1).sum(axis=1).mean())

    u, s, vt = np.linalg.svd(ftr, full_matrices=False)
    uy = u.T @ ytr
    shape = (-1,) + (1,) * (uy.ndim - 1)
    best = (np.inf, np.inf)
    for lam in RIDGES * s[0] ** 2:
        w = vt.T @ ((s / (s * s + lam)).reshape(shape) * uy)
        v = loss(fva, yva, w)
        if v < best[0]:
            best = (v, loss(fte, yte, w))
    keep = s > 1e-10 * s[0]
    w0 = vt[keep].T @ ((1.0 / s[keep]).reshape(shape) * uy[keep])
    return best[1], loss(fte, yte, w0)


def _teacher(m: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.standard_normal((m, 16)) / 4.0
    w = 2.0 * rng.standard_normal((32, 16))
    v = rng.standard_normal(32) / np.sqrt(32)
    return x, np.tanh(x @ w.T) @ v + 0.1 * rng.standard_normal(m)


def _grids(
    ctx: Context,
    x: np.ndarray,
    y: np.ndarray,
    n_test: int,
    ps: list[int],
    ns: list[int],
    draws: int,
    key: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Tuned and ridgeless losses, shape (draws, len(ps), len(ns))."""
    test, val = np.arange(n_test), np.arange(n_test, n_test + 200)
    pool = np.arange(n_test + 200, len(x))
    tuned = np.zeros((draws, len(ps), len(ns)))
    plain = np.zeros_like(tuned)
    for r in range(draws):
        rng = ctx.rng(key + r)
        tr = rng.permutation(pool)[: max(ns)]
        f = relu_features(x, max(ps), rng)
        for i, p in enumerate(ps):
            for j, n in enumerate(ns):
                sub = tr[:n]
                tuned[r, i, j], plain[r, i, j] = _cell(
                    f[sub, :p], y[sub], f[val, :p], y[val], f[test, :p], y[test]
                )
    return tuned, plain


def _curve(xs: list[int], loss: np.ndarray) -> dict:
    """Power-law and broken-power-law fits of one curve (mean over draws)."""
    window = None
    for start in range(len(xs) - MIN_WINDOW + 1):
        f = fit_power(xs[start:], loss[start:])
        if f.max_residual <= FIT_TOL:
            window = start
            break
    start = window if window is not None else len(xs) - MIN_WINDOW
    fit = fit_power(xs[start:], loss[start:])
    head = fit_power(xs[start:-1], loss[start:-1])
    full = fit_power(xs, loss)
    b1, b2, k, bres = fit_broken(xs, loss)
    return {
        "x": xs,
        "loss": loss.tolist(),
        "fits": window is not None,
        "x0": xs[start],
        "E": fit.E,
        "A": fit.A,
        "alpha": fit.alpha,
        "ratio": fit.ratio,
        "max_residual": fit.max_residual,
        "extrapolation_error": float(abs(head.predict(xs[-1]) / loss[-1] - 1.0)),
        "full_range_residual": full.max_residual,
        "broken_at": xs[k],
        "broken_alphas": [b1.alpha, b2.alpha],
        "broken_residual": bres,
    }


def _chinchilla(ps: list[int], ns: list[int], loss: np.ndarray) -> dict:
    """The largest top-right window (≥ 4 × 4) that the additive form fits within CHIN_TOL."""
    full = fit_chinchilla(ps, ns, loss)
    found = None
    windows = sorted(
        ((i, j) for i in range(len(ps) - 3) for j in range(len(ns) - 3)),
        key=lambda ij: (len(ps) - ij[0]) * (len(ns) - ij[1]),
        reverse=True,
    )
    for i, j in windows:
        f = fit_chinchilla(ps[i:], ns[j:], loss[i:, j:])
        if f.max_residual <= CHIN_TOL:
            found = (i, j, f)
            break
    i, j, f = found or (len(ps) - 4, len(ns) - 4, fit_chinchilla(ps[-4:], ns[-4:], loss[-4:, -4:]))
    return {
        "fits": found is not None,
        "p0": ps[i],
        "n0": ns[j],
        "cells": (len(ps) - i) * (len(ns) - j),
        "E": f.E,
        "alpha_p": f.alpha,
        "beta_n": f.beta,
        "ratio_p": 2.0**-f.alpha,
        "ratio_n": 2.0**-f.beta,
        "max_residual": f.max_residual,
        "full_grid_residual": full.max_residual,
    }


def _more_data(ns: list[int], curves: np.ndarray) -> dict:
    """Doublings n → 2n along the last axis where the loss rises in ≥ AGREE of the draws."""
    fr = [frac_less(curves[:, j], curves[:, j + 1]) for j in range(len(ns) - 1)]
    return {
        "rise_frac": fr,
        "rises": [[ns[j], ns[j + 1]] for j, f in enumerate(fr) if f >= AGREE],
        "max_rise_frac": max(fr),
    }


def run(ctx: Context) -> ProbeResult:
    """Both data sets: the (p, n) grid, then the fits and the verdicts."""
    ps = ctx.pick([16, 32, 64, 128, 256, 512], [16, 32, 64, 128, 256, 512, 1024])
    ns = ctx.pick([20, 40, 80, 160, 320, 640], [20, 40, 80, 160, 320, 640, 1280])
    draws = ctx.pick(3, 5)
    p_mid = 128
    xd, yd, _ = digits(1797, ctx.rng(0))
    xt, yt = _teacher(1000 + 200 + max(ns), ctx.rng(1))
    results = []
    for k, (key, x, y, n_test) in enumerate((("digits", xd, yd, 300), ("teacher", xt, yt, 1000))):
        tuned, plain = _grids(ctx, x, y, n_test, ps, ns, draws, 100 * (k + 1))
        mean = tuned.mean(axis=0)
        results.append(
            {
                "setting": key,
                "data_curve": _curve(ns, mean[-1]),
                "param_curve": _curve(ps, mean[:, -1]),
                "chinchilla": _chinchilla(ps, ns, mean),
                "more_data_tuned": _more_data(ns, tuned[:, -1, :]),
                "more_data_ridgeless": _more_data(ns, plain[:, ps.index(p_mid), :]),
                "grid_tuned": mean.tolist(),
                "ridgeless_p_mid": plain[:, ps.index(p_mid), :].mean(axis=0).tolist(),
            }
        )
        ctx.progress((k + 1) / 2)
    verdicts = _verdicts(results, p_mid)
    plots = _plots(ctx, results, ps, ns, p_mid)
    series = []
    for r in results:
        series.append(
            Series(
                name=f"{r['setting']} loss vs n (p={ps[-1]})",
                x=[float(v) for v in ns],
                y=r["data_curve"]["loss"],
            )
        )
        series.append(
            Series(
                name=f"{r['setting']} loss vs p (n={ns[-1]})",
                x=[float(v) for v in ps],
                y=r["param_curve"]["loss"],
            )
        )
        series.append(
            Series(
                name=f"{r['setting']} ridgeless loss vs n (p={p_mid})",
                x=[float(v) for v in ns],
                y=r["ridgeless_p_mid"],
            )
        )
    headline = "; ".join(
        f"{r['setting']}: α_n {r['data_curve']['alpha']:.2f} (resid {r['data_curve']['max_residual']:.1%}), "
        f"α_p {r['param_curve']['alpha']:.2f} (resid {r['param_curve']['max_residual']:.1%}), "
        f"ridgeless p={p_mid} rises at n={','.join(f'{a}→{b}' for a, b in r['more_data_ridgeless']['rises']) or 'none'}"
        for r in results
    )
    return ProbeResult(
        probe=NAME,
        title="Power-law scaling of test loss in data and parameters",
        quick=ctx.quick,
        seed=ctx.seed,
        data=[
            "sklearn load_digits through random ReLU features",
            "synthetic tanh teacher 16-32-1 (noise 0.1) through random ReLU features",
        ],
        config={
            "model": "ridge regression on p random ReLU features, ridge tuned on 200 validation points",
            "params_grid": ps,
            "data_grid": ns,
            "draws": draws,
            "p_mid": p_mid,
            "tolerances": {
                "fit": FIT_TOL,
                "extrapolation": EXTRAP_TOL,
                "chinchilla": CHIN_TOL,
                "agree": AGREE,
            },
            "results": results,
        },
        verdicts=verdicts,
        headline=headline,
        series=series,
        plots=plots,
    )


def _power_outcome(label: str, c: dict) -> Outcome:
    msg = (
        f"from {c['x0']}: α {c['alpha']:.2f} (r = {c['ratio']:.2f}), E {c['E']:.3g}, worst residual "
        f"{c['max_residual']:.1%}, last point predicted to {c['extrapolation_error']:.1%}"
    )
    if c["fits"] and c["extrapolation_error"] <= EXTRAP_TOL:
        return Outcome(label, "supported", msg)
    if c["max_residual"] > 3 * FIT_TOL:
        return Outcome(label, "contradicted", msg)
    return Outcome(label, "inconclusive", msg)


def _broken_outcome(label: str, c: dict) -> Outcome:
    a1, a2 = c["broken_alphas"]
    msg = (
        f"one exponent over the whole range: worst residual {c['full_range_residual']:.1%}; "
        f"best break at {c['broken_at']}: α {a1:.2f} → {a2:.2f}, worst residual {c['broken_residual']:.1%}"
    )
    if c["full_range_residual"] <= FIT_TOL:
        return Outcome(label, "inconclusive", msg + " (no break needed in this range)")
    if c["broken_residual"] <= FIT_TOL and abs(a1 - a2) >= 0.1:
        return Outcome(label, "supported", msg)
    if c["broken_residual"] > 3 * FIT_TOL:
        return Outcome(label, "contradicted", msg)
    return Outcome(label, "inconclusive", msg)


def _verdicts(results: list[dict], p_mid: int) -> list[Verdict]:
    curves = [
        (r["setting"], axis, r[f"{axis}_curve"]) for r in results for axis in ("data", "param")
    ]
    pnums: dict = {}
    for s, axis, c in curves:
        pnums.update(
            {
                f"{s}_{axis}_alpha": c["alpha"],
                f"{s}_{axis}_max_residual": c["max_residual"],
                f"{s}_{axis}_extrapolation_error": c["extrapolation_error"],
            }
        )
    power = combine(
        "PowerLawScaling",
        f"test loss = E + A x^(−α) in data x = n and parameters x = p over ≥ {MIN_WINDOW - 1} "
        f"doublings (worst residual ≤ {FIT_TOL:.0%}, last point predicted to ≤ {EXTRAP_TOL:.0%})",
        [_power_outcome(f"{s}, loss vs {'n' if a == 'data' else 'p'}", c) for s, a, c in curves],
        pnums,
    )
    bnums = {
        f"{s}_{a}_broken_alphas": f"{c['broken_alphas'][0]:.3f}→{c['broken_alphas'][1]:.3f}"
        for s, a, c in curves
    }
    bnums.update({f"{s}_{a}_full_range_residual": c["full_range_residual"] for s, a, c in curves})
    broken = combine(
        "BrokenPowerLaw",
        f"the exponent changes at a break: one exponent misfits (> {FIT_TOL:.0%}) and two fit",
        [_broken_outcome(f"{s}, loss vs {'n' if a == 'data' else 'p'}", c) for s, a, c in curves],
        bnums,
    )
    cout, cnums = [], {}
    for r in results:
        c = r["chinchilla"]
        msg = (
            f"fits p ≥ {c['p0']}, n ≥ {c['n0']} ({c['cells']} cells) to {c['max_residual']:.1%} "
            f"(α_p {c['alpha_p']:.2f}, β_n {c['beta_n']:.2f}); whole grid {c['full_grid_residual']:.1%}"
        )
        kind = (
            "supported"
            if c["fits"]
            else ("contradicted" if c["max_residual"] > 2 * CHIN_TOL else "inconclusive")
        )
        cout.append(Outcome(r["setting"], kind, msg))  # type: ignore[arg-type]
        cnums.update(
            {
                f"{r['setting']}_{q}": c[q]
                for q in ("p0", "n0", "max_residual", "full_grid_residual")
            }
        )
    chin = combine(
        "ChinchillaScaling",
        f"test loss = E + A p^(−α) + B n^(−β) on a top-right window of ≥ 4 × 4 cells of the (p, n) "
        f"grid (worst residual ≤ {CHIN_TOL:.0%})",
        cout,
        cnums,
    )
    mout, mnums = [], {}
    for r in results:
        for kind, key in (
            ("tuned ridge, largest p", "more_data_tuned"),
            (f"ridgeless, p = {p_mid}", "more_data_ridgeless"),
        ):
            m = r[key]
            label = f"{r['setting']}, {kind}"
            if m["rises"]:
                a, b = m["rises"][0]
                mout.append(
                    Outcome(
                        label,
                        "contradicted",
                        f"loss rises from n={a} to n={b} in ≥{AGREE:.0%} of draws",
                    )
                )
            elif m["max_rise_frac"] <= 1 - AGREE:
                mout.append(
                    Outcome(
                        label,
                        "supported",
                        f"every doubling of n lowers the loss in ≥{1 - m['max_rise_frac']:.0%} "
                        "of draws",
                    )
                )
            else:
                mout.append(
                    Outcome(
                        label,
                        "inconclusive",
                        f"a doubling raises the loss in {m['max_rise_frac']:.0%} of draws",
                    )
                )
            mnums[f"{r['setting']}_{key}_max_rise_frac"] = m["max_rise_frac"]
    more = combine(
        "MoreDataHelps",
        "doubling the training set never raises the test loss",
        mout,
        mnums,
    )
    return [power, broken, chin, more]


def _plots(
    ctx: Context, results: list[dict], ps: list[int], ns: list[int], p_mid: int
) -> list[str]:
    fig, axes = new_figure(3, width=4.2)
    for r in results:
        for ax, axis, xs in ((axes[0], "data", ns), (axes[1], "param", ps)):
            c = r[f"{axis}_curve"]
            (line,) = ax.loglog(xs, c["loss"], "o", ms=4, label=f"{r['setting']} measured")
            grid = np.geomspace(c["x0"], xs[-1], 100)
            fitted = c["E"] + c["A"] * grid ** -c["alpha"]
            ax.loglog(
                grid, fitted, "-", color=line.get_color(), lw=1, label=f"fit, α = {c['alpha']:.2f}"
            )
        axes[2].semilogx(ns, r["ridgeless_p_mid"], "o-", ms=3, label=f"{r['setting']} ridgeless")
        axes[2].semilogx(
            ns,
            np.asarray(r["grid_tuned"])[ps.index(p_mid)],
            "s--",
            ms=3,
            label=f"{r['setting']} tuned ridge",
        )
    axes[0].set_xlabel("training examples n")
    axes[0].set_title(f"data scaling (p = {ps[-1]})", fontsize=9)
    axes[1].set_xlabel("random features p")
    axes[1].set_title(f"parameter scaling (n = {ns[-1]})", fontsize=9)
    axes[2].axvline(p_mid, ls=":", color="grey", lw=1)
    axes[2].set_yscale("log")
    axes[2].set_xlabel("training examples n")
    axes[2].set_title(f"more data can hurt (p = {p_mid})", fontsize=9)
    for ax, xs in zip(axes, (ns, ps, ns), strict=True):
        plain_log_ticks(ax, xs)
        ax.legend(fontsize=6)
    axes[0].set_ylabel("test loss")
    return ctx.savefig(fig, "scaling-laws")
