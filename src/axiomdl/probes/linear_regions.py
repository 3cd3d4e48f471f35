"""Probe ``linear-regions``: linear pieces of ReLU nets along 1-D input lines vs the bounds.

Restricted to a line x₀ + t·v, a ReLU net is a 1-D piecewise-linear network of the same
widths, so the library's bound applies: at most ``pieceBound [n₁, …, n_L] = Π (n_l + 1)``
pieces. We count the activation regions crossed along the whole line exactly (breakpoints
layer by layer; the function's pieces are at most these) for random and trained nets on
digits, for 1-D-input random nets, and for Telgarsky's tent-map net (width 2, 2^L pieces).
"""

from __future__ import annotations

import math

import numpy as np

from axiomdl.probes.context import Context, new_figure
from axiomdl.probes.model import ProbeResult, Series, Verdict
from axiomdl.probes.nets import MLP, digits, train_gd

NAME = "linear-regions"


def count_pieces(layers: list[tuple[np.ndarray, np.ndarray]], x0: np.ndarray, v: np.ndarray) -> int:
    """Exact number of activation regions of the hidden ReLU layers along ``x0 + t v``, t ∈ ℝ.

    ``layers`` holds the hidden layers' effective ``(W, b)`` (z = W h + b); the output layer is
    affine and adds no pieces.
    """
    bp = np.empty(0)
    slope = v[None, :].astype(np.float64)
    icpt = x0[None, :].astype(np.float64)
    for w, b in layers:
        zs = slope @ w.T  # (intervals, m)
        zi = icpt @ w.T + b
        lo = np.concatenate(([-np.inf], bp))
        hi = np.concatenate((bp, [np.inf]))
        with np.errstate(divide="ignore", invalid="ignore"):
            t = -zi / zs
        ok = np.isfinite(t) & (t > lo[:, None]) & (t < hi[:, None])
        new = np.unique(np.concatenate((bp, t[ok])))
        if len(new) > 1:  # merge breakpoints closer than rounding noise
            keep = np.concatenate(([True], np.diff(new) > 1e-12 * (1 + np.abs(new[1:]))))
            new = new[keep]
        nlo = np.concatenate(([-np.inf], new))
        nhi = np.concatenate((new, [np.inf]))
        mid = np.where(
            np.isinf(nlo) & np.isinf(nhi),
            0.0,
            np.where(
                np.isinf(nlo), nhi - 1.0, np.where(np.isinf(nhi), nlo + 1.0, 0.5 * (nlo + nhi))
            ),
        )
        parent = np.searchsorted(bp, mid)  # index of the old interval containing mid
        ps, pi = zs[parent], zi[parent]
        on = (ps * mid[:, None] + pi) > 0
        slope, icpt, bp = ps * on, pi * on, new
    return len(bp) + 1


def _effective(net: MLP, theta: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Hidden layers as plain (W, b), folding in the parameterisation scale."""
    return [(s * w, b) for (w, b), s in zip(net.unpack(theta)[:-1], net.scale[:-1], strict=False)]


def tent_layers(depth: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Telgarsky's width-2 ReLU net computing the tent map composed ``depth`` times."""
    # T(x) = 2 relu(x) − 4 relu(x − ½); each later layer reads T from the previous two units
    first = (np.array([[1.0], [1.0]]), np.array([0.0, -0.5]))
    later = (np.array([[2.0, -4.0], [2.0, -4.0]]), np.array([0.0, -0.5]))
    return [first] + [later] * (depth - 1)


def piece_bound(widths: list[int]) -> int:
    """``pieceBound`` from AxiomDL.Expressivity.LinearPieces: Π (n + 1)."""
    return math.prod(n + 1 for n in widths)


def run(ctx: Context) -> ProbeResult:
    """Count pieces for every (width, depth) on random, trained and 1-D nets."""
    widths = ctx.pick([8, 16], [4, 8, 16, 32])
    depths = ctx.pick([1, 2, 3], [1, 2, 3, 4])
    n_lines = ctx.pick(6, 20)
    steps = ctx.pick(150, 600)
    x, y, _ = digits(ctx.pick(200, 400), ctx.rng(0))
    rng = ctx.rng(1)
    pairs = [rng.choice(len(x), 2, replace=False) for _ in range(n_lines)]
    lines = [(x[i], x[j] - x[i]) for i, j in pairs]
    lines1d = [(rng.standard_normal(1), np.ones(1)) for _ in range(n_lines)]
    rows = []
    jobs = [(w, d) for d in depths for w in widths]
    for k, (w, d) in enumerate(jobs):
        hidden = [w] * d
        bound = piece_bound(hidden)
        net = MLP((x.shape[1], *hidden, 10), act="relu", param="standard")
        th = net.init(ctx.rng(10 + k))
        th[: net.n_params] += 0.0
        # small random biases so that hyperplanes do not all pass through the data's mean
        for _w, b in net.unpack(th)[:-1]:
            b += 0.1 * ctx.rng(100 + k).standard_normal(b.shape)
        trained = train_gd(net, th, x, y, 0.05, steps)
        net1 = MLP((1, *hidden, 1), act="relu", param="standard")
        th1 = net1.init(ctx.rng(200 + k))
        for _w, b in net1.unpack(th1)[:-1]:
            b += ctx.rng(300 + k).standard_normal(b.shape)
        for state, layers, ls in (
            ("random", _effective(net, th), lines),
            ("trained", _effective(net, trained), lines),
            ("random 1-D input", _effective(net1, th1), lines1d),
        ):
            counts = [count_pieces(layers, x0, v) for x0, v in ls]
            rows.append(
                {
                    "state": state,
                    "width": w,
                    "depth": d,
                    "neurons": w * d,
                    "bound": bound,
                    "mean_pieces": float(np.mean(counts)),
                    "max_pieces": int(max(counts)),
                    "max_over_bound": max(counts) / bound,
                    "mean_over_neurons": float(np.mean(counts)) / (w * d),
                }
            )
        ctx.progress((k + 1) / (len(jobs) + 1))
    tent = []
    for d in range(1, max(depths) + 3):
        pieces = count_pieces(tent_layers(d), np.zeros(1), np.ones(1))
        tent.append({"depth": d, "pieces": pieces, "bound": piece_bound([2] * d), "2^L": 2**d})
    ctx.progress(1.0)
    verdicts = _verdicts(rows, tent)
    series = [
        Series(
            name=f"{st} depth={d}",
            x=[float(r["neurons"]) for r in rows if r["state"] == st and r["depth"] == d],
            y=[r["mean_pieces"] for r in rows if r["state"] == st and r["depth"] == d],
        )
        for st in ("random", "trained", "random 1-D input")
        for d in depths
    ]
    plots = _plots(ctx, rows, tent, depths)
    worst = max(rows, key=lambda r: r["max_over_bound"])
    headline = (
        f"no line exceeds the bound (worst {worst['max_pieces']}/{worst['bound']} at width "
        f"{worst['width']}, depth {worst['depth']}); mean pieces/neuron "
        f"{min(r['mean_over_neurons'] for r in rows):.2f}–{max(r['mean_over_neurons'] for r in rows):.2f}; "
        f"tent map depth {tent[-1]['depth']}: {tent[-1]['pieces']} of ≤ {tent[-1]['bound']}"
    )
    return ProbeResult(
        probe=NAME,
        title="Linear pieces along input lines against the width/depth bound",
        quick=ctx.quick,
        seed=ctx.seed,
        data=[
            "sklearn load_digits: lines through pairs of digit images",
            "synthetic 1-D inputs",
        ],
        config={
            "widths": widths,
            "depths": depths,
            "lines": n_lines,
            "train_steps": steps,
            "model": "ReLU MLP 64-(w×d)-10 (He init, bias N(0, 0.1²)); 1-D nets 1-(w×d)-1",
            "counting": "exact breakpoints along the whole line, layer by layer",
            "bound": "pieceBound [n₁,…,n_L] = Π(n_l + 1)",
            "rows": rows,
            "tent_map": tent,
        },
        verdicts=verdicts,
        headline=headline,
        series=series,
        plots=plots,
    )


def _verdicts(rows: list[dict], tent: list[dict]) -> list[Verdict]:
    over = [r for r in rows if r["max_pieces"] > r["bound"]] + [
        t for t in tent if t["pieces"] > t["bound"]
    ]
    nums = {
        "configurations": len(rows),
        "violations": len(over),
        "max_pieces_over_bound": max(r["max_over_bound"] for r in rows),
        "max_pieces_over_bound_trained": max(
            r["max_over_bound"] for r in rows if r["state"] == "trained"
        ),
        "mean_pieces_per_neuron": float(np.mean([r["mean_over_neurons"] for r in rows])),
        "tent_pieces_deepest": tent[-1]["pieces"],
        "tent_bound_deepest": tent[-1]["bound"],
    }
    claim = "pieces along a line ≤ Π(n_l + 1) for every ReLU net of widths n_1…n_L"
    if over:
        return [
            Verdict(
                assumption="LinearRegionsBound",
                claim=claim,
                verdict="contradicted",
                regime=f"width {over[0].get('width', 2)}, depth {over[0]['depth']}",
                numbers=nums,
            )
        ]
    return [
        Verdict(
            assumption="LinearRegionsBound",
            claim=claim,
            verdict="supported",
            numbers=nums,
            note="never violated; deep random and trained nets stay far below the bound "
            "(counts grow about linearly in neurons); the width-2 tent map reaches 2^L + 2",
        )
    ]


def _plots(ctx: Context, rows: list[dict], tent: list[dict], depths: list[int]) -> list[str]:
    fig, (ax1, ax2) = new_figure(2)
    marks = {"random": "o-", "trained": "s--", "random 1-D input": "^:"}
    for d in depths:
        for st, mk in marks.items():
            rs = [r for r in rows if r["state"] == st and r["depth"] == d]
            ax1.semilogy(
                [r["neurons"] for r in rs],
                [r["mean_pieces"] for r in rs],
                mk,
                label=f"{st}, depth {d}",
            )
        rs = [r for r in rows if r["state"] == "random" and r["depth"] == d]
        ax1.semilogy([r["neurons"] for r in rs], [r["bound"] for r in rs], "k-", lw=0.6)
    ax1.set_xlabel("neurons (width × depth)")
    ax1.set_ylabel("pieces along a line (black: bound)")
    ax1.set_title("observed vs Π(n_l+1)")
    ax1.legend(fontsize=5, ncol=2)
    ds = [t["depth"] for t in tent]
    ax2.semilogy(ds, [t["pieces"] for t in tent], "o-", label="tent map pieces")
    ax2.semilogy(ds, [t["bound"] for t in tent], "k--", label="bound 3^L")
    ax2.set_xlabel("depth L (width 2)")
    ax2.set_title("depth separation: 2^L pieces")
    ax2.legend(fontsize=7)
    return ctx.savefig(fig, "linear-regions")
