"""Probe ``double-descent``: test risk of the minimum-norm least-squares fit against the number
of parameters ``p``, at a fixed sample size ``n``.

For each ``p`` on a grid from ``n/8`` to ``10n`` (with ``n/2``, ``0.9n``, ``n`` and ``1.1n``), the
fit is least squares for ``p < n`` and the minimum-norm interpolant for ``p ≥ n`` (both are
``pinv(Φ_p) y``, the estimator of ``AxiomDL.Generalization.MinNormBias``). Three settings:

* ``digits-rf``: sklearn digits, 10 centred one-hot outputs, the first ``p`` of a draw of random
  ReLU features; test risk on 497 held-out digits;
* ``synthetic-rf``: Gaussian inputs (d = 20), target tanh(2⟨x, β⟩) plus noise of s.d. 0.3,
  random ReLU features;
* ``linear-well-specified``: Hastie et al.'s isotropic model, x ~ N(0, I_D), D = 10n, y = ⟨x, β⟩
  + ε with β on the first 10 coordinates and ‖β‖² = 9 σ² (signal stronger than noise); the
  model with ``p`` parameters uses the first ``p`` coordinates; exact risk σ² + ‖ŵ − β‖².

Each draw resamples the training set and the features; a comparison counts when at least 80 % of
the draws agree (``judge.AGREE``). The plotted risk is the median over draws.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from axiomdl.probes.context import Context, new_figure
from axiomdl.probes.judge import (
    AGREE,
    Outcome,
    by_agreement,
    combine,
    frac_less,
    relu_features,
)
from axiomdl.probes.model import ProbeResult, Series, Verdict, VerdictKind
from axiomdl.probes.nets import digits

NAME = "double-descent"
N_TEST = 497  # digits held out for the test risk (1,300 remain for training draws)
SNR = 9.0  # ‖β‖²/σ² of the well-specified linear model

# How each setting is named in a verdict's regime and notes.
REGIME = {
    "digits-rf": "random ReLU features of digits",
    "synthetic-rf": "random ReLU features of a noisy tanh teacher",
    "linear-well-specified": f"well-specified isotropic linear model, SNR {SNR:g}",
}

# One draw of a setting: the risk of the p-parameter model for every p on the grid.
DrawFn = Callable[[list[int], np.random.Generator], np.ndarray]


def grid(n: int) -> list[int]:
    """Parameter counts: 15 geometric steps from n/8 to 10n, plus n/2, 0.9n, n and 1.1n (a
    geometric point within 10 % of one of these is dropped, so no step is too small to measure)."""
    special = {n // 2, int(0.9 * n), n, int(1.1 * n)}
    geo = {round(float(v)) for v in np.geomspace(max(2, n // 8), 10 * n, 15)}
    keep = {g for g in geo if all(abs(g - s) > 0.1 * s for s in special)}
    return sorted(keep | special)


def _min_norm_risk(ftr: np.ndarray, ytr: np.ndarray, fte: np.ndarray, yte: np.ndarray) -> float:
    """Test mean squared error (summed over outputs) of ``pinv(ftr) ytr``."""
    w = np.linalg.lstsq(ftr, ytr, rcond=None)[0]
    r = fte @ w - yte
    return float((r * r).reshape(len(r), -1).sum(axis=1).mean())


def _rf_setting(x: np.ndarray, y: np.ndarray, n: int, n_test: int) -> DrawFn:
    """Random ReLU features on (x, y): the last ``n_test`` rows are the test set."""
    pool, test = np.arange(len(x) - n_test), np.arange(len(x) - n_test, len(x))

    def draw(ps: list[int], rng: np.random.Generator) -> np.ndarray:
        tr = rng.choice(pool, n, replace=False)
        feats = relu_features(np.concatenate([x[tr], x[test]]), max(ps), rng)
        ftr, fte = feats[:n], feats[n:]
        return np.array([_min_norm_risk(ftr[:, :p], y[tr], fte[:, :p], y[test]) for p in ps])

    return draw


def _linear_setting(n: int) -> DrawFn:
    """Hastie et al.'s well-specified isotropic model with exact test risk."""
    dim, k0, sigma = 10 * n, 10, 1.0

    def draw(ps: list[int], rng: np.random.Generator) -> np.ndarray:
        beta = np.zeros(dim)
        beta[:k0] = np.sqrt(SNR / k0) * sigma
        x = rng.standard_normal((n, dim))
        y = x @ beta + sigma * rng.standard_normal(n)
        out = []
        for p in ps:
            w = np.linalg.lstsq(x[:, :p], y, rcond=None)[0]
            err = beta.copy()
            err[:p] -= w
            out.append(sigma**2 + float(err @ err))
        return np.array(out)

    return draw


def _settings(ctx: Context, n: int) -> list[tuple[str, str, DrawFn]]:
    xd, yd, _ = digits(1797, ctx.rng(0))
    rng = ctx.rng(1)
    xs = rng.standard_normal((n + 1000, 20))
    beta = rng.standard_normal(20) / np.sqrt(20)
    ys = np.tanh(2.0 * xs @ beta) + 0.3 * rng.standard_normal(n + 1000)
    return [
        ("digits-rf", "sklearn load_digits, random ReLU features", _rf_setting(xd, yd, n, N_TEST)),
        (
            "synthetic-rf",
            "synthetic tanh teacher (d=20, noise 0.3), random ReLU features",
            _rf_setting(xs, ys, n, 1000),
        ),
        (
            "linear-well-specified",
            f"synthetic isotropic linear model, 10 informative coordinates, SNR {SNR:g}",
            _linear_setting(n),
        ),
    ]


def _analyse(ps: list[int], n: int, risks: np.ndarray) -> dict:
    """The comparisons each assumption needs, as fractions of agreeing draws."""
    i_n = ps.index(n)
    med = np.median(risks, axis=0)
    rise = [frac_less(risks[:, j], risks[:, j + 1]) for j in range(len(ps) - 1)]
    below_peak = [frac_less(risks[:, j], risks[:, i_n]) for j in range(len(ps)) if j != i_n]
    over = risks[:, [j for j, p in enumerate(ps) if p > n]].min(axis=1)
    under = risks[:, [j for j, p in enumerate(ps) if p <= n]].min(axis=1)
    arm = i_n  # smallest grid index from which every step up to n rises in ≥ AGREE of draws
    while arm > 0 and rise[arm - 1] >= AGREE:
        arm -= 1
    return {
        "median_risk": med.tolist(),
        "argmax_p": ps[int(np.argmax(med))],
        "min_frac_below_peak": min(below_peak),
        "rise_frac": rise,
        "benign_frac": frac_less(over, under),
        "best_over_p": ps[int(np.argmin(np.where(np.array(ps) > n, med, np.inf)))],
        "best_under_p": ps[int(np.argmin(np.where(np.array(ps) <= n, med, np.inf)))],
        "ascent_from_p": ps[arm],
        "peak_over_ends": float(med[i_n] / max(med[0], med[-1])),
    }


def run(ctx: Context) -> ProbeResult:
    """Risk curves for every setting, then the four verdicts."""
    n = ctx.pick(100, 200)
    draws = ctx.pick(10, 20)
    ps = grid(n)
    rows, series = [], []
    settings = _settings(ctx, n)
    for k, (key, label, draw) in enumerate(settings):
        risks = np.stack([draw(ps, ctx.rng(100 * (k + 1) + r)) for r in range(draws)])
        row = {"setting": key, "data": label, **_analyse(ps, n, risks)}
        row["q25"] = np.quantile(risks, 0.25, axis=0).tolist()
        row["q75"] = np.quantile(risks, 0.75, axis=0).tolist()
        rows.append(row)
        series.append(
            Series(name=f"median risk {key}", x=[float(p) for p in ps], y=row["median_risk"])
        )
        ctx.progress((k + 1) / len(settings))
    verdicts = _verdicts(rows, ps, n, draws)
    plots = _plots(ctx, rows, ps, n)

    def best(r: dict) -> int:
        return ps[int(np.argmin(r["median_risk"]))]

    headline = f"n={n}, {draws} draws; " + "; ".join(
        f"{r['setting']}: median risk peaks at p={r['argmax_p']} "
        f"({r['peak_over_ends']:.0f}× the larger end), lowest at p={best(r)}"
        for r in rows
    )
    return ProbeResult(
        probe=NAME,
        title="Double descent of the minimum-norm least-squares fit in the number of parameters",
        quick=ctx.quick,
        seed=ctx.seed,
        data=[r["data"] for r in rows],
        config={
            "n": n,
            "draws": draws,
            "grid": ps,
            "estimator": "pinv(Φ_p) y: least squares for p < n, minimum-norm interpolant for p ≥ n",
            "agree": AGREE,
            "test_digits": N_TEST,
            "settings": [{k: v for k, v in r.items() if k not in ("q25", "q75")} for r in rows],
        },
        verdicts=verdicts,
        headline=headline,
        series=series,
        plots=plots,
    )


def _peak(r: dict, n: int) -> Outcome:
    f, top = r["min_frac_below_peak"], r["argmax_p"]
    why = f"risk(p) < risk(n) at every other grid p in ≥{f:.0%} of draws; median peaks at p={top}"
    kind: VerdictKind = (
        "supported" if f >= AGREE else "contradicted" if top != n else "inconclusive"
    )
    return Outcome(REGIME[r["setting"]], kind, why)


def _descent(r: dict, ps: list[int], n: int) -> Outcome:
    steps = [(ps[j], ps[j + 1], f) for j, f in enumerate(r["rise_frac"]) if ps[j] >= n]
    a, b, worst = max(steps, key=lambda s: s[2])
    why = f"the most consistent rise beyond n, p={a} → {b}, occurs in {worst:.0%} of draws"
    return by_agreement(REGIME[r["setting"]], 1.0 - worst, why)


def _ascent(r: dict, ps: list[int], n: int) -> Outcome:
    least = min(f for j, f in enumerate(r["rise_frac"]) if n // 2 <= ps[j] < n)
    why = (
        f"every step on [n/2, n] rises in ≥{least:.0%} of draws; rising from p={r['ascent_from_p']}"
    )
    return by_agreement(REGIME[r["setting"]], least, why)


def _benign(r: dict) -> Outcome:
    f = r["benign_frac"]
    why = (
        f"best p>n beats best p≤n in {f:.0%} of draws "
        f"(on the median curve the best p>n is {r['best_over_p']}, the best p≤n {r['best_under_p']})"
    )
    return by_agreement(REGIME[r["setting"]], f, why)


def _verdicts(rows: list[dict], ps: list[int], n: int, draws: int) -> list[Verdict]:
    on = f"on p ∈ [{ps[0]}, {ps[-1]}], n = {n}, {draws} draws"
    nums: dict = {}
    for r in rows:
        s = r["setting"]
        nums[f"{s}_argmax_p"] = r["argmax_p"]
        nums[f"{s}_min_frac_below_peak"] = r["min_frac_below_peak"]
        nums[f"{s}_peak_over_ends"] = r["peak_over_ends"]
    peak = combine(
        "InterpolationPeak",
        f"the test risk has a strict peak at p = n ({on})",
        [_peak(r, n) for r in rows],
        nums,
    )
    dnums = {
        f"{r['setting']}_max_rise_frac_beyond_n": max(
            f for j, f in enumerate(r["rise_frac"]) if ps[j] >= n
        )
        for r in rows
    }
    descent = combine(
        "OverparamDescent",
        f"the risk falls at every step p → p' beyond p = n ({on})",
        [_descent(r, ps, n) for r in rows],
        dnums,
    )
    anums = {f"{r['setting']}_ascent_from_p": r["ascent_from_p"] for r in rows}
    anums["p0"] = n // 2
    ascent = combine(
        "UnderparamAscent",
        f"the risk rises at every step on [p0, n] with p0 = n/2 ({on})",
        [_ascent(r, ps, n) for r in rows],
        anums,
    )
    bnums = {f"{r['setting']}_benign_frac": r["benign_frac"] for r in rows}
    bnums.update({f"{r['setting']}_best_over_p": r["best_over_p"] for r in rows})
    benign = combine(
        "BenignOverparam",
        f"some p > n has lower risk than every p ≤ n ({on})",
        [_benign(r) for r in rows],
        bnums,
    )
    return [peak, descent, ascent, benign]


def _plots(ctx: Context, rows: list[dict], ps: list[int], n: int) -> list[str]:
    fig, axes = new_figure(len(rows), width=4.2)
    for ax, r in zip(axes, rows, strict=True):
        ax.fill_between(ps, r["q25"], r["q75"], alpha=0.25, lw=0)
        ax.loglog(ps, r["median_risk"], "o-", ms=3, label="median test risk")
        ax.axvline(n, ls="--", color="grey", lw=1, label=f"p = n = {n}")
        ax.set_xlabel("parameters p")
        ax.set_title(REGIME[r["setting"]], fontsize=8)
        ax.legend(fontsize=7)
    axes[0].set_ylabel("test risk (min-norm fit)")
    return ctx.savefig(fig, "double-descent")
