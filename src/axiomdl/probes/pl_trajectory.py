"""Probe ``pl-trajectory``: the PL ratio ½‖∇f‖²/(f−f*) along GD, against width.

One-hidden-layer tanh nets in the NTK parameterisation are trained by full-batch GD on
digits (even vs odd, ±1 targets; f* = 0 since they interpolate). For square loss the PL
ratio equals rᵀK r/(n‖r‖²) ≥ λ_min(K_t)/n, where K_t is the tangent kernel: PL* (Liu–Zhu–
Belkin) predicts that λ_min(K_t)/n stays bounded below along training, and that this bound
grows with width (the kernel moves less). We measure both.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from axiomdl.probes.context import Context, new_figure, width_ticks
from axiomdl.probes.model import ProbeResult, Series, Verdict
from axiomdl.probes.nets import MLP, digits, ntk_one_hidden, spearman, train_gd

NAME = "pl-trajectory"
GAIN = 3.0  # tanh pre-activation gain: keeps the kernel away from the (low-rank) linear kernel


def _recorder(net: MLP, x: np.ndarray, rec: dict[str, list[float]]):
    """A GD hook that records step, loss, PL ratio and λ_min(K_t)/n into ``rec``."""
    n = x.shape[0]

    def hook(t: int, th: np.ndarray, loss: float, g: np.ndarray) -> None:
        rec["t"].append(float(t))
        rec["loss"].append(loss)
        rec["ratio"].append(0.5 * float(g @ g) / loss)
        rec["mu"].append(float(np.linalg.eigvalsh(ntk_one_hidden(net, th, x))[0]) / n)

    return hook


def run(ctx: Context) -> ProbeResult:
    """Train each width, record the PL ratio and λ_min(K_t)/n at checkpoints."""
    n = ctx.pick(60, 120)
    widths = ctx.pick([16, 64, 256], [16, 64, 256, 1024])
    steps = ctx.pick(600, 2000)
    every = max(1, steps // 30)
    x, _, lab = digits(n, ctx.rng(0))
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    y = np.where(lab % 2 == 0, 1.0, -1.0)[:, None]

    rows = []
    series: list[Series] = []
    for k, m in enumerate(widths):
        net = MLP((x.shape[1], m, 1), act="tanh", param="ntk", gain=GAIN)
        th0 = net.init(ctx.rng(1 + k))
        k0 = ntk_one_hidden(net, th0, x)
        lam_max = float(np.linalg.eigvalsh(k0)[-1]) / n
        lr = 1.0 / lam_max
        rec: dict[str, list[float]] = {"t": [], "loss": [], "ratio": [], "mu": []}
        ts, losses, ratio, mu_t = rec["t"], rec["loss"], rec["ratio"], rec["mu"]
        hook = _recorder(net, x, rec)
        th_t = train_gd(net, th0, x, y, lr, steps, every=every, hook=hook)
        k_t = ntk_one_hidden(net, th_t, x)
        rows.append(
            {
                "width": m,
                "params": net.n_params,
                "lr": lr,
                "loss_0": losses[0],
                "loss_T": losses[-1],
                "ratio_0": ratio[0],
                "ratio_min": min(ratio),
                "mu_0": mu_t[0],
                "mu_min": min(mu_t),
                "ratio_over_mu_min": min(r / u for r, u in zip(ratio, mu_t, strict=True)),
                "kernel_change": float(np.linalg.norm(k_t - k0) / np.linalg.norm(k0)),
            }
        )
        series.append(Series(name=f"ratio width={m}", x=ts, y=ratio))
        series.append(Series(name=f"mu width={m}", x=ts, y=mu_t))
        ctx.progress((k + 1) / len(widths))

    verdicts = _verdicts(rows, widths)
    plots = _plots(ctx, rows, series, widths)
    mus = ", ".join(f"{r['width']}:{r['mu_min']:.2e}" for r in rows)
    headline = (
        f"PL ratio ≥ λ_min(K_t)/n along GD at all widths; trajectory PL* bound by width {mus}; "
        f"kernel change {rows[0]['kernel_change']:.2f} → {rows[-1]['kernel_change']:.3f}"
    )
    return ProbeResult(
        probe=NAME,
        title="PL ratio along gradient descent against width",
        quick=ctx.quick,
        seed=ctx.seed,
        data=[f"sklearn load_digits (n={n}, even vs odd, ±1 targets)"],
        config={
            "model": "1-hidden-layer tanh MLP, NTK parameterisation, scalar output",
            "gain": GAIN,
            "widths": widths,
            "steps": steps,
            "lr": "1/λ_max(K_0/n) per width",
            "loss": "½·mean squared error, f* = 0 (interpolation)",
            "per_width": rows,
        },
        verdicts=verdicts,
        headline=headline,
        series=series,
        plots=plots,
    )


def _verdicts(rows: list[dict], widths: list[int]) -> list[Verdict]:
    drop = [r["ratio_min"] / r["ratio_0"] for r in rows]
    loss_drop = min(r["loss_0"] / r["loss_T"] for r in rows)
    collapsed = [r["width"] for r, d in zip(rows, drop, strict=True) if d < 1e-3]
    nums = {
        "min_ratio_over_initial": min(drop),
        "min_loss_reduction": loss_drop,
        "min_ratio_over_mu": min(r["ratio_over_mu_min"] for r in rows),
    }
    pl_v = partial(
        Verdict,
        assumption="PolyakLojasiewicz",
        claim="½‖∇f‖² ≥ μ (f − f*) with f* = 0 along the GD trajectory",
        numbers=nums,
    )
    if loss_drop < 5:
        pl = pl_v(verdict="inconclusive", note="training did not reduce the loss 5-fold")
    elif collapsed:
        pl = pl_v(
            verdict="contradicted",
            regime=f"width ≤ {max(collapsed)}",
            note="the ratio fell below 1e-3 of its initial value",
        )
    else:
        pl = pl_v(
            verdict="supported",
            note="the ratio stays within 1e-3 of its initial value and above λ_min(K_t)/n",
        )
    mu = [r["mu_min"] for r in rows]
    rho = spearman([float(w) for w in widths], mu)
    growth = mu[-1] / mu[0]
    star_nums = {"spearman_width_mu": rho, "mu_growth_widest_over_narrowest": growth}
    star_nums.update({f"mu_min_w{r['width']}": r["mu_min"] for r in rows})
    star_v = partial(
        Verdict,
        assumption="PLStarOn",
        claim="the trajectory PL* constant min_t λ_min(K_t)/n is positive and grows with width",
        numbers=star_nums,
    )
    if rho >= 0.8 and growth > 1.5:
        star = star_v(verdict="supported")
    elif rho <= 0:
        star = star_v(verdict="contradicted", regime=f"widths {widths[0]}–{widths[-1]} on digits")
    else:
        star = star_v(verdict="inconclusive")
    fell = [r["width"] for r in rows if r["mu_min"] < 0.5 * r["mu_0"]]
    traj_nums = {f"mu_min_over_mu0_w{r['width']}": r["mu_min"] / r["mu_0"] for r in rows}
    traj_nums.update({f"kernel_change_w{r['width']}": r["kernel_change"] for r in rows})
    traj_v = partial(
        Verdict,
        assumption="PLStarAlongTrajectory",
        claim="one μ > 0 serves every GD iterate (λ_min(K_t) does not collapse in training)",
        numbers=traj_nums,
    )
    if fell:
        traj = traj_v(
            verdict="contradicted",
            regime=f"width ≤ {max(fell)}",
            note="λ_min(K_t) fell below half its initial value",
        )
    else:
        traj = traj_v(
            verdict="supported",
            note="on this finite, small-data run; the kernel still moves most at small width",
        )
    return [pl, star, traj]


def _plots(ctx: Context, rows: list[dict], series: list[Series], widths: list[int]) -> list[str]:
    fig, (ax1, ax2) = new_figure(2)
    for m in widths:
        r = next(s for s in series if s.name == f"ratio width={m}")
        u = next(s for s in series if s.name == f"mu width={m}")
        (line,) = ax1.semilogy(r.x, r.y, label=f"width {m}: ½‖∇f‖²/f")
        ax1.semilogy(u.x, u.y, "--", color=line.get_color(), lw=1)
    ax1.set_xlabel("GD step")
    ax1.set_ylabel("PL ratio (solid), λ_min(K_t)/n (dashed)")
    ax1.set_title("observed ratio vs PL* lower bound")
    ax1.legend(fontsize=7)
    ax2.loglog(widths, [r["mu_min"] for r in rows], "o-", label="PL* bound min_t λ_min(K_t)/n")
    ax2.loglog(widths, [r["ratio_min"] for r in rows], "s-", label="observed min ratio")
    ax2.set_xlabel("width")
    width_ticks(ax2, widths)
    ax2.set_title("PL* predicts the bound grows with width")
    ax2.legend(fontsize=7)
    return ctx.savefig(fig, "pl-trajectory")
