"""Probe ``edge-of-stability``: sharpness during full-batch GD at several step sizes vs 2/η.

A 2-hidden-layer tanh MLP on digits (10-way one-hot, square loss, as in Cohen et al. 2021)
is trained by full-batch GD with step sizes η = 2/(c·λ₀), where λ₀ is the sharpness at
initialisation. Sharpness is the top Hessian eigenvalue by power iteration on exact (R-operator)
Hessian-vector products, warm-started between checkpoints.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from axiomdl.probes.context import Context, new_figure
from axiomdl.probes.model import ProbeResult, Series, Verdict
from axiomdl.probes.nets import MLP, digits, sharpness, top_eig

NAME = "edge-of-stability"
BAND = 0.15  # "hovers at 2/η" means within ±15 %


def run(ctx: Context) -> ProbeResult:
    """Train at each step size, record loss every step and sharpness at checkpoints."""
    n = ctx.pick(200, 300)
    width = 32
    steps = ctx.pick(1500, 4000)
    factors = ctx.pick([1.5, 2.5], [1.5, 2.5, 4.0])
    checkpoints = ctx.pick(15, 40)
    every = steps // checkpoints
    x, y, _ = digits(n, ctx.rng(0))
    net = MLP((x.shape[1], width, width, 10), act="tanh", param="standard")
    th0 = net.init(ctx.rng(1))
    lam0 = sharpness(net, th0, x, y, ctx.rng(2), iters=50)

    runs = []
    series: list[Series] = []
    for k, c in enumerate(factors):
        eta = 2.0 / (c * lam0)
        th = th0.copy()
        v = None
        losses: list[float] = []
        ts: list[float] = []
        sharp: list[float] = []
        for t in range(steps + 1):
            loss, g = net.loss_grad(th, x, y)
            losses.append(loss)
            if t % every == 0 or t == steps:
                lam, v = top_eig(
                    lambda u, th=th: net.hvp(th, u, x, y), net.n_params, ctx.rng(3), iters=20, v0=v
                )
                ts.append(float(t))
                sharp.append(lam)
                ctx.progress((k + t / steps) / len(factors))
            if not np.isfinite(loss):
                break
            th = th - eta * g
        late = [s for tt, s in zip(ts, sharp, strict=True) if tt >= 0.7 * steps]
        late_rel = [s * eta / 2 for s in late]
        half = len(losses) // 2
        runs.append(
            {
                "eta": eta,
                "two_over_eta": 2 / eta,
                "factor": c,
                "sharpness_0": sharp[0],
                "sharpness_max": max(sharp),
                "late_sharpness_over_2_eta_mean": float(np.mean(late_rel)),
                "late_sharpness_over_2_eta_min": float(min(late_rel)),
                "late_sharpness_over_2_eta_max": float(max(late_rel)),
                "max_eta_lambda": max(sharp) * eta,
                "loss_0": losses[0],
                "loss_T": losses[-1],
                "late_loss_decreases": bool(min(losses[half:]) < min(losses[: half + 1])),
                "nonmonotone_steps": int(sum(b > a for a, b in pairwise(losses))),
                "diverged": bool(not np.isfinite(losses[-1])),
            }
        )
        series.append(Series(name=f"sharpness eta={eta:.4g}", x=ts, y=sharp))
        stride = max(1, len(losses) // 300)
        series.append(
            Series(
                name=f"loss eta={eta:.4g}",
                x=[float(i) for i in range(0, len(losses), stride)],
                y=losses[::stride],
            )
        )

    verdicts = _verdicts(runs)
    plots = _plots(ctx, runs, series)
    parts = ", ".join(
        f"η={r['eta']:.3g}: late λ/(2/η)={r['late_sharpness_over_2_eta_mean']:.2f}" for r in runs
    )
    return ProbeResult(
        probe=NAME,
        title="Sharpness during full-batch GD against 2/η",
        quick=ctx.quick,
        seed=ctx.seed,
        data=[f"sklearn load_digits (n={n}, 10-class one-hot, centred)"],
        config={
            "model": f"MLP 64-{width}-{width}-10 tanh, standard init",
            "loss": "½·mean squared error",
            "steps": steps,
            "step_sizes": [r["eta"] for r in runs],
            "eta_rule": "η = 2/(c·λ₀) for c in factors",
            "factors": factors,
            "sharpness_at_init": lam0,
            "sharpness_method": "power iteration (≤20 steps, warm start) on exact Hessian-vector products",
            "band": BAND,
            "runs": runs,
        },
        verdicts=verdicts,
        headline=f"λ₀={lam0:.3g}; {parts}",
        series=series,
        plots=plots,
    )


def _verdicts(runs: list[dict]) -> list[Verdict]:
    at_edge = [
        r
        for r in runs
        if abs(r["late_sharpness_over_2_eta_mean"] - 1) <= BAND and not r["diverged"]
    ]
    below = [r for r in runs if r["late_sharpness_over_2_eta_max"] < 1 - BAND]
    nums: dict = {
        f"late_ratio_eta_{r['eta']:.4g}": r["late_sharpness_over_2_eta_mean"] for r in runs
    }
    nums.update({f"loss_T_eta_{r['eta']:.4g}": r["loss_T"] for r in runs})
    claim = "after a transient the sharpness hovers at 2/η while the loss keeps decreasing"
    if at_edge and all(r["late_loss_decreases"] for r in at_edge):
        note = f"{len(at_edge)}/{len(runs)} step sizes reached the edge"
        if below:
            note += (
                f"; η ≤ {max(r['eta'] for r in below):.3g} still sharpening at the end of the run"
            )
        eos = Verdict(
            assumption="EdgeOfStability", claim=claim, verdict="supported", numbers=nums, note=note
        )
    elif at_edge:
        eos = Verdict(
            assumption="EdgeOfStability",
            claim=claim,
            verdict="contradicted",
            regime="loss stalls at the edge",
            numbers=nums,
        )
    else:
        eos = Verdict(
            assumption="EdgeOfStability",
            claim=claim,
            verdict="inconclusive",
            numbers=nums,
            note="no step size reached 2/η within the run",
        )
    worst = max(r["max_eta_lambda"] for r in runs)
    snums = {
        "max_eta_times_sharpness": worst,
        "nonmonotone_steps": sum(r["nonmonotone_steps"] for r in runs),
    }
    sclaim = "the loss is L-smooth with η ≤ 1/L along GD (the descent-lemma regime)"
    if worst > 1.0:
        sm = Verdict(
            assumption="Smooth",
            claim=sclaim,
            verdict="contradicted",
            regime="η > 1/L (GD trains at η·λ_max ≈ 2)",
            numbers=snums,
            note="local sharpness exceeds 1/η while the loss still decreases",
        )
    else:
        sm = Verdict(assumption="Smooth", claim=sclaim, verdict="supported", numbers=snums)
    return [eos, sm]


def _plots(ctx: Context, runs: list[dict], series: list[Series]) -> list[str]:
    fig, (ax1, ax2) = new_figure(2)
    for r in runs:
        s = next(q for q in series if q.name == f"sharpness eta={r['eta']:.4g}")
        lo = next(q for q in series if q.name == f"loss eta={r['eta']:.4g}")
        (line,) = ax1.plot(s.x, s.y, "o-", ms=3, label=f"η={r['eta']:.3g}")
        ax1.axhline(r["two_over_eta"], ls="--", color=line.get_color(), lw=1)
        ax2.semilogy(lo.x, lo.y, color=line.get_color(), lw=1, label=f"η={r['eta']:.3g}")
    ax1.set_xlabel("GD step")
    ax1.set_ylabel("sharpness λ_max (dashed: 2/η)")
    ax1.set_title("observed sharpness vs the 2/η prediction")
    ax1.legend(fontsize=7)
    ax2.set_xlabel("GD step")
    ax2.set_ylabel("training loss")
    ax2.set_title("loss keeps decreasing (non-monotonically)")
    ax2.legend(fontsize=7)
    return ctx.savefig(fig, "edge-of-stability")
