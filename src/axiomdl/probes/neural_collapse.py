"""Probe ``neural-collapse``: the four neural-collapse properties of last-layer features.

A 3-layer ReLU MLP (width 64) is trained with heavy-ball GD (momentum 0.9), weight decay and
square loss on one-hot targets, far into the terminal phase (training accuracy 100 %). At
checkpoints the probe measures, on the training features h_i, class means μ_c, global mean μ_G,
centred means M_c = μ_c − μ_G and the last layer (W, b), exactly the quantities of
``AxiomDL.Expressivity.NeuralCollapse``:

* NC1 ``WithinClassCollapse``: ε = max_i ‖h_i − μ_{y_i}‖² / ‖M_{y_i}‖², the smallest tolerance
  for which the Lean statement holds (also Papyan's Tr(Σ_W Σ_B⁺)/k);
* NC2 ``SimplexETF``: the spread of ‖M_c‖² (std/mean) and max |cos(M_c, M_c') + 1/(k − 1)|;
* NC3 ``SelfDuality``: Papyan's ‖W/‖W‖ − M/‖M‖‖_F and the best scale s = ⟨W, M⟩/‖M‖²;
* NC4 ``NearestCentreDecision``: the fraction of training features where argmax (W h + b)
  differs from the nearest class mean.

Settings: balanced digits (10 classes), a balanced synthetic Gaussian mixture (5 classes), and
digits with 20:1 class imbalance (five classes of 60, five of 3), the minority-collapse regime.
"""

from __future__ import annotations

import numpy as np

from axiomdl.probes.context import Context, new_figure
from axiomdl.probes.judge import Outcome, by_threshold, combine
from axiomdl.probes.model import ProbeResult, Series, Verdict
from axiomdl.probes.nets import MLP, penultimate, train_momentum

NAME = "neural-collapse"
WIDTH = 64
LR, MOMENTUM = 0.2, 0.9
WD = 2e-3  # weight decay of the balanced runs: they reach 100 % training accuracy
WD_IMBALANCED = 5e-3  # minority collapse needs regularisation (Fang et al. 2021)
NC1_TOL = 1.0  # ε: every feature nearer its class mean than that mean is to the global mean
NC2_NORM_TOL, NC2_ANGLE_TOL = 0.3, 0.2
NC3_TOL = 0.4
NC4_TOL = 0.01
REGIME = {
    "digits-balanced": "balanced digits",
    "synthetic-balanced": "balanced Gaussian mixture",
    "digits-imbalanced": f"digits with 20:1 class imbalance, weight decay {WD_IMBALANCED:g}",
}


def collapse_metrics(h: np.ndarray, lab: np.ndarray, w: np.ndarray, b: np.ndarray, k: int) -> dict:
    """NC1–NC4 of features ``h`` (n × d) with labels ``lab`` and classifier ``h ↦ W h + b``."""
    mu = np.stack([h[lab == c].mean(axis=0) for c in range(k)])
    m = mu - mu.mean(axis=0)
    sq = (m * m).sum(axis=1)
    eps_i = ((h - mu[lab]) ** 2).sum(axis=1) / sq[lab]
    within = sum((h[lab == c] - mu[c]).T @ (h[lab == c] - mu[c]) for c in range(k)) / len(h)
    between = m.T @ m / k
    cos = (m @ m.T) / np.sqrt(np.outer(sq, sq))
    off = cos[~np.eye(k, dtype=bool)] + 1.0 / (k - 1)
    wn = w / np.linalg.norm(w)
    mn = m / np.linalg.norm(m)
    pred = (h @ w.T + b).argmax(axis=1)
    ncc = ((h[:, None, :] - mu[None]) ** 2).sum(axis=2).argmin(axis=1)
    return {
        "nc1_eps": float(eps_i.max()),
        "nc1_eps_mean": float(eps_i.mean()),
        "nc1_papyan": float(np.trace(within @ np.linalg.pinv(between)) / k),
        "nc2_norm_spread": float(sq.std() / sq.mean()),
        "nc2_angle_dev": float(np.abs(off).max()),
        "nc2_angle_dev_mean": float(np.abs(off).mean()),
        "nc3_dist": float(np.linalg.norm(wn - mn)),
        "nc3_scale": float((w * m).sum() / (m * m).sum()),
        "nc4_mismatch": float(np.mean(pred != ncc)),
        "train_acc": float(np.mean(pred == lab)),
    }


def _digits_classes(counts: list[int], rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``counts[c]`` digits of class c (scaled like ``nets.digits``)."""
    from sklearn.datasets import load_digits

    d = load_digits()
    idx = np.concatenate(
        [rng.permutation(np.flatnonzero(d.target == c))[:m] for c, m in enumerate(counts)]
    )
    x = d.data[idx] / 16.0
    x = x - x.mean(axis=0)
    return x / np.sqrt((x * x).sum(axis=1).mean()), d.target[idx]


def _mixture(k: int, per: int, dim: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``per`` points of each of ``k`` Gaussian classes N(m_c, I) in ``dim`` dimensions."""
    centres = rng.standard_normal((k, dim))
    lab = np.repeat(np.arange(k), per)
    x = centres[lab] + rng.standard_normal((k * per, dim))
    x = x - x.mean(axis=0)
    return x / np.sqrt((x * x).sum(axis=1).mean()), lab


def _train(
    ctx: Context, x: np.ndarray, lab: np.ndarray, k: int, steps: int, key: int, wd: float
) -> dict:
    net = MLP((x.shape[1], WIDTH, WIDTH, k), act="relu")
    y = np.eye(k)[lab]
    hist: list[dict] = []

    def hook(t: int, th: np.ndarray) -> None:
        w, b = net.unpack(th)[-1]
        m = collapse_metrics(penultimate(net, th, x), lab, w, b, k)
        hist.append({"step": t, "loss": net.loss(th, x, y), **m})

    th = train_momentum(
        net,
        net.init(ctx.rng(key)),
        x,
        y,
        LR,
        steps,
        momentum=MOMENTUM,
        wd=wd,
        every=max(1, steps // 15),
        hook=hook,
    )
    # the first checkpoint of the terminal phase (100 % training accuracy), if reached
    tpt = next((h for h in hist if h["train_acc"] == 1.0), None)
    return {"history": hist, "final": hist[-1], "init": hist[0], "tpt": tpt, "theta": th}


def minority_geometry(h: np.ndarray, lab: np.ndarray, minority: list[int], k: int) -> dict:
    """Minority collapse: mean cosine between minority centred means (the ETF value is
    −1/(k−1)) and the mean minority-to-majority ratio of their norms."""
    mu = np.stack([h[lab == c].mean(axis=0) for c in range(k)])
    m = mu - mu.mean(axis=0)
    nrm = np.linalg.norm(m, axis=1)
    cos = (m @ m.T) / np.outer(nrm, nrm)
    pairs = [cos[a, b] for a in minority for b in minority if a < b]
    major = [c for c in range(k) if c not in minority]
    return {
        "minority_cos_mean": float(np.mean(pairs)),
        "etf_cos": -1.0 / (k - 1),
        "minority_norm_ratio": float(nrm[minority].mean() / nrm[major].mean()),
    }


def run(ctx: Context) -> ProbeResult:
    """Train the three settings and judge NC1–NC4 on their final features."""
    steps = ctx.pick(1500, 6000)
    per = 30
    settings = [
        (
            "digits-balanced",
            f"sklearn load_digits, {per} per class",
            _digits_classes([per] * 10, ctx.rng(0)),
            10,
            WD,
        ),
        (
            "synthetic-balanced",
            "Gaussian mixture, 5 classes × 40 in 30 dimensions",
            _mixture(5, 40, 30, ctx.rng(1)),
            5,
            WD,
        ),
        (
            "digits-imbalanced",
            "sklearn load_digits, classes 0–4 × 60, classes 5–9 × 3 (20:1)",
            _digits_classes([60] * 5 + [3] * 5, ctx.rng(2)),
            10,
            WD_IMBALANCED,
        ),
    ]
    runs, series = [], []
    for j, (key, label, (x, lab), k, wd) in enumerate(settings):
        r = _train(ctx, x, lab, k, steps, 10 + j, wd)
        r.update({"setting": key, "data": label, "n": len(lab), "classes": k, "weight_decay": wd})
        th = r.pop("theta")
        if key == "digits-imbalanced":
            net = MLP((x.shape[1], WIDTH, WIDTH, k), act="relu")
            r.update(minority_geometry(penultimate(net, th, x), lab, [5, 6, 7, 8, 9], k))
            # control: the balanced digits at the imbalanced run's weight decay
            xb, lb = settings[0][2]
            c = _train(ctx, xb, lb, 10, steps, 10, wd)["final"]
            r["control_balanced_same_wd"] = {
                q: c[q] for q in ("nc2_norm_spread", "nc2_angle_dev", "train_acc")
            }
        runs.append(r)
        ts = [float(h["step"]) for h in r["history"]]
        for q in ("nc1_eps", "nc2_angle_dev", "nc3_dist", "nc4_mismatch"):
            series.append(Series(name=f"{key} {q}", x=ts, y=[h[q] for h in r["history"]]))
        ctx.progress((j + 1) / len(settings))
    verdicts = _verdicts(runs)
    plots = _plots(ctx, runs)
    f = runs[0]["final"]
    g = runs[2]["final"]
    headline = (
        f"digits, {steps} steps: NC1 ε {runs[0]['init']['nc1_eps']:.1f} → {f['nc1_eps']:.2f}, "
        f"NC2 angle dev {f['nc2_angle_dev']:.2f}, NC3 {f['nc3_dist']:.2f}, NC4 mismatch "
        f"{f['nc4_mismatch']:.1%}; imbalanced 20:1: NC2 angle dev {g['nc2_angle_dev']:.2f}, "
        f"minority cosines {runs[2]['minority_cos_mean']:.2f} (ETF −0.11), minority norms "
        f"{runs[2]['minority_norm_ratio']:.2f}× majority"
    )
    return ProbeResult(
        probe=NAME,
        title="Neural collapse of last-layer features in the terminal phase",
        quick=ctx.quick,
        seed=ctx.seed,
        data=[r["data"] for r in runs],
        config={
            "model": f"ReLU MLP d-{WIDTH}-{WIDTH}-k, standard init, square loss on one-hot targets",
            "optimiser": f"full-batch heavy ball, lr {LR}, momentum {MOMENTUM}",
            "weight_decay": {"balanced": WD, "imbalanced": WD_IMBALANCED},
            "steps": steps,
            "tolerances": {
                "nc1_eps": NC1_TOL,
                "nc2_norm_spread": NC2_NORM_TOL,
                "nc2_angle_dev": NC2_ANGLE_TOL,
                "nc3_dist": NC3_TOL,
                "nc4_mismatch": NC4_TOL,
            },
            "runs": [{k: v for k, v in r.items() if k != "history"} for r in runs],
        },
        verdicts=verdicts,
        headline=headline,
        series=series,
        plots=plots,
    )


def _in_tpt(r: dict) -> str | None:
    """Why a run is outside the terminal phase, or None when it is in it."""
    acc = r["final"]["train_acc"]
    return None if acc == 1.0 else f"terminal phase not reached (training accuracy {acc:.1%})"


def _nc1(r: dict) -> Outcome:
    if why := _in_tpt(r):
        return Outcome(REGIME[r["setting"]], None, why)
    e0, et, e = r["init"]["nc1_eps"], r["tpt"]["nc1_eps"], r["final"]["nc1_eps"]
    why = f"ε {e0:.3g} at init, {et:.3g} at 100 % accuracy (step {r['tpt']['step']}), {e:.3g} at the end"
    if e >= et:
        return Outcome(
            REGIME[r["setting"]], "contradicted", why + ": no collapse in the terminal phase"
        )
    return by_threshold(REGIME[r["setting"]], e, NC1_TOL, np.inf, why)


def _nc2(r: dict) -> Outcome:
    f = r["final"]
    ns, ad = f["nc2_norm_spread"], f["nc2_angle_dev"]
    why = f"norm spread {ns:.2f}, max angle deviation {ad:.2f}"
    if outside := _in_tpt(r):
        why += f" ({outside}: measured on the final features)"
    if "minority_cos_mean" in r:
        c = r["control_balanced_same_wd"]
        why += (
            f"; minority means: cosine {r['minority_cos_mean']:.2f} (ETF {r['etf_cos']:.2f}), "
            f"norms {r['minority_norm_ratio']:.2f}× the majority's (balanced control at the same "
            f"weight decay: spread {c['nc2_norm_spread']:.2f}, deviation {c['nc2_angle_dev']:.2f})"
        )
    # both measures in units of their tolerance: ≤ 1 is an ETF, > 2 is far from one
    worst = max(ns / NC2_NORM_TOL, ad / NC2_ANGLE_TOL)
    return by_threshold(REGIME[r["setting"]], worst, 1.0, 2.0, why)


def _nc3(r: dict) -> Outcome:
    if why := _in_tpt(r):
        return Outcome(REGIME[r["setting"]], None, why)
    f = r["final"]
    why = f"‖W̃ − M̃‖ {f['nc3_dist']:.2f}, s {f['nc3_scale']:.2g}"
    dist = f["nc3_dist"] if f["nc3_scale"] > 0 else np.inf
    return by_threshold(REGIME[r["setting"]], dist, NC3_TOL, 2 * NC3_TOL, why)


def _nc4(r: dict) -> Outcome:
    if why := _in_tpt(r):
        return Outcome(REGIME[r["setting"]], None, why)
    mm = r["final"]["nc4_mismatch"]
    why = f"classifier and nearest centre disagree on {mm:.1%} of training features"
    return by_threshold(REGIME[r["setting"]], mm, 0.0, NC4_TOL, why)


def _verdicts(runs: list[dict]) -> list[Verdict]:
    def nums(*keys: str) -> dict:
        return {f"{r['setting']}_{q}": r["final"][q] for r in runs for q in (*keys, "train_acc")}

    return [
        combine(
            "WithinClassCollapse",
            f"in the terminal phase NC1 holds with ε = max ‖h−μ_c‖²/‖μ_c−μ_G‖² ≤ {NC1_TOL:g}, "
            "and ε keeps falling",
            [_nc1(r) for r in runs],
            nums("nc1_eps", "nc1_papyan"),
        ),
        combine(
            "SimplexETF",
            f"centred class means have equal norms (spread ≤ {NC2_NORM_TOL:g}) and cosines "
            f"−1/(k−1) (max deviation ≤ {NC2_ANGLE_TOL:g})",
            [_nc2(r) for r in runs],
            nums("nc2_norm_spread", "nc2_angle_dev"),
        ),
        combine(
            "SelfDuality",
            f"classifier rows are a positive multiple of the centred means "
            f"(‖W/‖W‖ − M/‖M‖‖ ≤ {NC3_TOL:g})",
            [_nc3(r) for r in runs],
            nums("nc3_dist", "nc3_scale"),
        ),
        combine(
            "NearestCentreDecision",
            "on every training feature the classifier picks the nearest class mean",
            [_nc4(r) for r in runs],
            nums("nc4_mismatch"),
        ),
    ]


def _plots(ctx: Context, runs: list[dict]) -> list[str]:
    fig, axes = new_figure(4, width=3.6)
    titles = {
        "nc1_eps": ("NC1: ε = max ‖h−μ_c‖²/‖M_c‖²", NC1_TOL),
        "nc2_angle_dev": ("NC2: max |cos + 1/(k−1)|", NC2_ANGLE_TOL),
        "nc3_dist": ("NC3: ‖W̃ − M̃‖", NC3_TOL),
        "nc4_mismatch": ("NC4: mismatch with nearest centre (0 at 1e-4)", NC4_TOL),
    }
    for ax, (q, (title, tol)) in zip(axes, titles.items(), strict=True):
        for r in runs:
            ts = [h["step"] for h in r["history"]]
            ys = [max(h[q], 1e-4) for h in r["history"]]
            ax.semilogy(ts, ys, "o-", ms=2, label=r["setting"])
        ax.axhline(tol, ls="--", color="grey", lw=1, label="tolerance")
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("step")
    axes[0].legend(fontsize=6)
    return ctx.savefig(fig, "neural-collapse")
