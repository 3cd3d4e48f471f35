"""Probe ``lazy-training``: how far parameters and the tangent kernel move, against width.

One-hidden-layer tanh nets on digits (even vs odd, ±1), trained by full-batch GD for a fixed
number of steps, in two parameterisations: NTK (output scaled 1/√m; theory predicts relative
parameter and kernel change ∝ m^-1/2, i.e. lazy training) and mean-field (output scaled 1/m
with step size ∝ m; features keep moving at every width).
"""

from __future__ import annotations

import numpy as np

from axiomdl.probes.context import Context, new_figure, width_ticks
from axiomdl.probes.model import ProbeResult, Series, Verdict
from axiomdl.probes.nets import MLP, digits, loglog_slope, ntk_one_hidden, train_gd

NAME = "lazy-training"
ACT = "tanh"
GAIN = 2.0
LR_FACTOR = 0.5
EPS = 0.05  # linearisation error (relative to the output scale) counted as "lazy"


def _ntk(net: MLP, theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Tangent kernel without the output bias, comparable across parameterisations."""
    return ntk_one_hidden(net, theta, x, output_bias=False)


def _one(ctx: Context, x: np.ndarray, y: np.ndarray, m: int, mode: str, steps: int, k: int) -> dict:
    net = MLP((x.shape[1], m, 1), act=ACT, param="ntk", gain=GAIN)
    if mode == "mean-field":
        net.scale[-1] = 1.0 / m
    th0 = net.init(ctx.rng(10 + k))
    k0 = _ntk(net, th0, x)
    n = x.shape[0]
    lr = LR_FACTOR / (float(np.linalg.eigvalsh(k0)[-1]) / n)
    # per-parameter steps: the output bias keeps a stable step at every width
    lrs = np.full(net.n_params, lr)
    lrs[-1] = min(lr, 0.5)
    th = train_gd(net, th0, x, y, lrs, steps)  # type: ignore[arg-type]
    kt = _ntk(net, th, x)
    d = th - th0
    # linearisation f(θ0) + J(θ0)(θ−θ0), with the JVP by central differences
    h = 1e-4 / max(float(np.linalg.norm(d)), 1e-12)
    jvp = (net.forward(th0 + h * d, x) - net.forward(th0 - h * d, x)) / (2 * h)
    f_lin = net.forward(th0, x) + jvp
    f_t = net.forward(th, x)
    return {
        "width": m,
        "mode": mode,
        "lr": lr,
        "loss_0": net.loss(th0, x, y),
        "loss_T": net.loss(th, x, y),
        "param_change": float(np.linalg.norm(d) / np.linalg.norm(th0)),
        "kernel_change": float(np.linalg.norm(kt - k0) / np.linalg.norm(k0)),
        "linearisation_error": float(np.abs(f_t - f_lin).max() / np.abs(y).max()),
    }


def run(ctx: Context) -> ProbeResult:
    """Train every (parameterisation, width) pair for the same number of steps."""
    n = ctx.pick(60, 100)
    widths = ctx.pick([32, 128, 512], [32, 128, 512, 2048])
    steps = ctx.pick(200, 500)
    x, _, lab = digits(n, ctx.rng(0))
    y = np.where(lab % 2 == 0, 1.0, -1.0)[:, None]
    rows = []
    jobs = [(mode, m) for mode in ("ntk", "mean-field") for m in widths]
    for k, (mode, m) in enumerate(jobs):
        rows.append(_one(ctx, x, y, m, mode, steps, k))
        ctx.progress((k + 1) / len(jobs))
    series: list[Series] = []
    slopes = {}
    for mode in ("ntk", "mean-field"):
        rs = [r for r in rows if r["mode"] == mode]
        for key in ("param_change", "kernel_change", "linearisation_error"):
            series.append(
                Series(name=f"{mode} {key}", x=[float(w) for w in widths], y=[r[key] for r in rs])
            )
            slopes[f"{mode}_{key}_slope"] = loglog_slope(widths, [r[key] for r in rs])
    verdicts = _verdicts(rows, widths, slopes)
    plots = _plots(ctx, series, widths)
    ntk = [r for r in rows if r["mode"] == "ntk"]
    mf = [r for r in rows if r["mode"] == "mean-field"]
    headline = (
        f"NTK param: kernel change {ntk[0]['kernel_change']:.3f} (m={widths[0]}) → "
        f"{ntk[-1]['kernel_change']:.4f} (m={widths[-1]}), slope "
        f"{slopes['ntk_kernel_change_slope']:.2f} (theory −0.5); mean-field: "
        f"{mf[0]['kernel_change']:.3f} → {mf[-1]['kernel_change']:.3f}, slope "
        f"{slopes['mean-field_kernel_change_slope']:.2f}"
    )
    return ProbeResult(
        probe=NAME,
        title="Lazy training: parameter and tangent-kernel movement against width",
        quick=ctx.quick,
        seed=ctx.seed,
        data=[f"sklearn load_digits (n={n}, even vs odd, ±1 targets)"],
        config={
            "model": f"1-hidden-layer {ACT} MLP (gain {GAIN}), scalar output",
            "parameterisations": {
                "ntk": "output scaled 1/√m",
                "mean-field": "output scaled 1/m (lr from the kernel scale, ∝ m)",
            },
            "widths": widths,
            "steps": steps,
            "lr": f"{LR_FACTOR}/λ_max(K_0/n); output bias step ≤ 0.5",
            "eps": EPS,
            "slopes": slopes,
            "runs": rows,
        },
        verdicts=verdicts,
        headline=headline,
        series=series,
        plots=plots,
    )


def _verdicts(rows: list[dict], widths: list[int], slopes: dict) -> list[Verdict]:
    ntk = [r for r in rows if r["mode"] == "ntk"]
    mf = [r for r in rows if r["mode"] == "mean-field"]
    nums = dict(slopes)
    nums["ntk_kernel_change_widest"] = ntk[-1]["kernel_change"]
    nums["mean_field_kernel_change_widest"] = mf[-1]["kernel_change"]
    claim = "the model stays within ε of its linearisation at θ₀, with ε → 0 as width grows"
    ntk_lazy = slopes["ntk_kernel_change_slope"] < -0.3
    mf_moves = slopes["mean-field_kernel_change_slope"] > -0.2 and mf[-1]["kernel_change"] > 0.1
    if ntk_lazy and mf_moves:
        lazy = Verdict(
            assumption="LazyTraining",
            claim=claim,
            verdict="contradicted",
            regime="mean-field parameterisation (feature learning)",
            numbers=nums,
            note=(
                "holds in the NTK parameterisation (kernel change ∝ m^"
                f"{slopes['ntk_kernel_change_slope']:.2f}); in mean-field scaling the kernel "
                f"moves {mf[-1]['kernel_change']:.2f} at width {widths[-1]}"
            ),
        )
    elif ntk_lazy:
        lazy = Verdict(assumption="LazyTraining", claim=claim, verdict="supported", numbers=nums)
    else:
        lazy = Verdict(
            assumption="LazyTraining",
            claim=claim,
            verdict="inconclusive",
            numbers=nums,
            note="kernel change did not shrink with width even in the NTK parameterisation",
        )
    not_lazy = [
        r["width"] for r in ntk if r["linearisation_error"] > EPS or r["kernel_change"] > 0.1
    ]
    pnums = {f"linearisation_error_w{r['width']}": r["linearisation_error"] for r in ntk}
    pnums.update({f"kernel_change_w{r['width']}": r["kernel_change"] for r in ntk})
    pclaim = f"at practical widths trained nets stay within ε={EPS} of their linearisation"
    if not_lazy:
        prac = Verdict(
            assumption="LazyTrainingAtPracticalWidth",
            claim=pclaim,
            verdict="contradicted",
            regime=f"width ≤ {max(not_lazy)}",
            numbers=pnums,
            note="linearisation error above ε or tangent kernel moved more than 10 %",
        )
    else:
        prac = Verdict(
            assumption="LazyTrainingAtPracticalWidth",
            claim=pclaim,
            verdict="supported",
            numbers=pnums,
            note=f"at widths {widths[0]}–{widths[-1]} on this small task",
        )
    return [lazy, prac]


def _plots(ctx: Context, series: list[Series], widths: list[int]) -> list[str]:
    fig, (ax1, ax2) = new_figure(2)
    for mode, mk in (("ntk", "o-"), ("mean-field", "s--")):
        for key, ax in (("kernel_change", ax1), ("param_change", ax2)):
            s = next(q for q in series if q.name == f"{mode} {key}")
            ax.loglog(s.x, s.y, mk, label=f"{mode} (observed)")
    for ax, key in ((ax1, "kernel_change"), (ax2, "param_change")):
        ref = next(q for q in series if q.name == f"ntk {key}")
        pred = [ref.y[0] * (w / widths[0]) ** -0.5 for w in widths]
        ax.loglog(widths, pred, ":", color="grey", label="NTK prediction ∝ m^-1/2")
        ax.set_xlabel("width m")
        width_ticks(ax, widths)
        ax.legend(fontsize=7)
    ax1.set_ylabel("‖K_T − K_0‖ / ‖K_0‖")
    ax1.set_title("tangent-kernel movement")
    ax2.set_ylabel("‖θ_T − θ_0‖ / ‖θ_0‖")
    ax2.set_title("parameter movement")
    return ctx.savefig(fig, "lazy-training")
