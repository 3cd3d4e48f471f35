"""Probe ``mode-connectivity``: loss barriers between two trained small networks.

One-hidden-layer ReLU nets (width 64, square loss) are trained by minibatch SGD with momentum on
digits (10 classes, one-hot targets) and on a synthetic teacher–student regression. For a pair
of solutions ``a``, ``b`` the probe evaluates the training loss ``f`` (the loss the nets were
trained on) along

* the straight segment ``a + t (b − a)``: the barrier of ``LinearModeConnected`` is
  max_t f(a + t(b − a)) − ((1 − t) f a + t f b);
* a two-segment path ``a → m → b`` whose bend ``m`` is trained (Garipov et al. 2018: SGD on the
  loss at uniformly sampled points of the path): the barrier of ``PiecewiseLinearConnected`` is
  max over the path of f − max(f a, f b).

Pairs: independent initialisations; a shared initialisation with different minibatch orders
(Frankle et al.'s stability to SGD noise); and the independent pair after permuting ``b``'s hidden
units to match ``a``'s activations (Hungarian matching on correlations, Entezari et al. 2022). The
tolerance is ε = 5 % of the loss drop from initialisation, ``EPS_FRAC · (f θ₀ − max(f a, f b))``.
"""

from __future__ import annotations

import numpy as np

from axiomdl.probes.context import Context, new_figure
from axiomdl.probes.judge import Outcome, by_threshold, combine
from axiomdl.probes.model import ProbeResult, Series, Verdict
from axiomdl.probes.nets import MLP, digits, train_momentum

NAME = "mode-connectivity"
WIDTH = 64
LR, MOMENTUM, BATCH = 0.05, 0.9, 32
EPS_FRAC = 0.05
BATCH_BEND = 64
TS = np.linspace(0.0, 1.0, 41)


def hidden(net: MLP, theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Hidden ReLU activations of a one-hidden-layer net."""
    (w, c), _ = net.unpack(theta)
    return np.maximum(net.scale[0] * (x @ w.T) + c, 0.0)


def align(net: MLP, a: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``b`` with its hidden units permuted to best match ``a``'s (the same function as ``b``)."""
    from scipy.optimize import linear_sum_assignment

    ha, hb = hidden(net, a, x), hidden(net, b, x)
    za = (ha - ha.mean(axis=0)) / (ha.std(axis=0) + 1e-12)
    zb = (hb - hb.mean(axis=0)) / (hb.std(axis=0) + 1e-12)
    _, perm = linear_sum_assignment(-(za.T @ zb))
    (w, c), (v, d) = net.unpack(b)
    return np.concatenate([w[perm].ravel(), c[perm], v[:, perm].ravel(), d])


def segment_losses(
    net: MLP, a: np.ndarray, b: np.ndarray, x: np.ndarray, y: np.ndarray
) -> np.ndarray:
    """The loss at ``a + t (b − a)`` for every t in ``TS``."""
    return np.array([net.loss(a + t * (b - a), x, y) for t in TS])


def linear_barrier(losses: np.ndarray) -> float:
    """Largest excess of the loss over the interpolation of the endpoint losses."""
    return float((losses - ((1 - TS) * losses[0] + TS * losses[-1])).max())


def train_bend(
    net: MLP,
    a: np.ndarray,
    b: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    steps: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Bend ``m`` of the path a → m → b, trained from the midpoint by SGD on the path loss.

    For ``t`` on the first half the point is a + 2t(m − a) (∂/∂m = 2t), on the second
    m + (2t − 1)(b − m) (∂/∂m = 2 − 2t).
    """
    m = 0.5 * (a + b)
    vel = np.zeros_like(m)
    for _ in range(steps):
        g = np.zeros_like(m)
        for t in rng.uniform(0.0, 1.0, 4):
            coef, p = (
                (2 * t, a + 2 * t * (m - a)) if t <= 0.5 else (2 - 2 * t, m + (2 * t - 1) * (b - m))
            )
            idx = rng.choice(len(x), min(len(x), BATCH_BEND), replace=False)
            g += coef * net.loss_grad(p, x[idx], y[idx])[1]
        vel = MOMENTUM * vel - LR * g / 4
        m += vel
    return m


def _teacher(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Inputs N(0, I/10) in 10 dimensions; targets of a random tanh net 10-8-1 plus noise 0.05."""
    x = rng.standard_normal((n, 10)) / np.sqrt(10)
    w = rng.standard_normal((8, 10)) * 2.0
    v = rng.standard_normal(8) / np.sqrt(8)
    y = np.tanh(x @ w.T) @ v + 0.05 * rng.standard_normal(n)
    return x, y[:, None]


def _pairs(
    ctx: Context, key: str, x: np.ndarray, y: np.ndarray, steps: int, bend_steps: int, base: int
) -> list[dict]:
    net = MLP((x.shape[1], WIDTH, y.shape[1]), act="relu")

    def sgd(theta0: np.ndarray, k: int) -> np.ndarray:
        return train_momentum(
            net, theta0, x, y, LR, steps, momentum=MOMENTUM, batch=BATCH, rng=ctx.rng(base + k)
        )

    th_a0, th_b0 = net.init(ctx.rng(base)), net.init(ctx.rng(base + 1))
    a, b, c = sgd(th_a0, 10), sgd(th_b0, 11), sgd(th_a0, 12)
    drop = net.loss(th_a0, x, y) - max(net.loss(a, x, y), net.loss(b, x, y))
    eps = EPS_FRAC * drop
    out = []
    for kind, q in (
        ("independent", b),
        ("shared-init", c),
        ("aligned", align(net, a, b, x)),
    ):
        ls = segment_losses(net, a, q, x, y)
        row = {
            "setting": key,
            "pair": kind,
            "loss_a": float(ls[0]),
            "loss_b": float(ls[-1]),
            "eps": eps,
            "linear_barrier": linear_barrier(ls),
            "rel_distance": float(np.linalg.norm(q - a) / np.linalg.norm(a)),
            "losses": ls.tolist(),
        }
        if kind == "independent":
            m = train_bend(net, a, b, x, y, bend_steps, ctx.rng(base + 20))
            path = np.concatenate(
                [segment_losses(net, a, m, x, y), segment_losses(net, m, b, x, y)[1:]]
            )
            row["bend_barrier"] = float(path.max() - max(ls[0], ls[-1]))
            row["bend_losses"] = path.tolist()
        out.append(row)
    return out


def run(ctx: Context) -> ProbeResult:
    """Train the pairs on both data sets, then measure the barriers."""
    steps = ctx.pick(1500, 4000)
    bend_steps = ctx.pick(2000, 5000)
    n = ctx.pick(500, 1000)
    xd, yd, _ = digits(n, ctx.rng(0))
    xs, ys = _teacher(n, ctx.rng(1))
    rows: list[dict] = []
    for j, (key, x, y) in enumerate((("digits", xd, yd), ("teacher", xs, ys))):
        rows += _pairs(ctx, key, x, y, steps, bend_steps, 100 * (j + 1))
        ctx.progress((j + 1) / 2)
    series = [
        Series(name=f"{r['setting']} {r['pair']} segment", x=TS.tolist(), y=r["losses"])
        for r in rows
    ]
    series += [
        Series(
            name=f"{r['setting']} bend path",
            x=np.linspace(0, 1, 2 * len(TS) - 1).tolist(),
            y=r["bend_losses"],
        )
        for r in rows
        if "bend_losses" in r
    ]
    verdicts = _verdicts(rows)
    plots = _plots(ctx, rows)
    ind = [r for r in rows if r["pair"] == "independent"]
    headline = "; ".join(
        f"{r['setting']}: barrier/ε independent {r['linear_barrier'] / r['eps']:.1f}, "
        f"shared init {_get(rows, r['setting'], 'shared-init')['linear_barrier'] / r['eps']:.2f}, "
        f"aligned {_get(rows, r['setting'], 'aligned')['linear_barrier'] / r['eps']:.2f}, "
        f"one bend {r['bend_barrier'] / r['eps']:.2f}"
        for r in ind
    )
    return ProbeResult(
        probe=NAME,
        title="Linear and piecewise-linear mode connectivity of two trained networks",
        quick=ctx.quick,
        seed=ctx.seed,
        data=[
            f"sklearn load_digits (n={n}, 10 one-hot outputs)",
            f"synthetic teacher–student regression (n={n}, tanh teacher 10-8-1, noise 0.05)",
        ],
        config={
            "model": f"1-hidden-layer ReLU MLP, width {WIDTH}, square loss",
            "optimiser": f"SGD, lr {LR}, momentum {MOMENTUM}, batch {BATCH}, {steps} steps",
            "bend": f"{bend_steps} SGD steps on the path loss, 4 points t per step",
            "eps": f"{EPS_FRAC} × (loss at initialisation − max endpoint loss)",
            "path_points": len(TS),
            "pairs": [{k: v for k, v in r.items() if not k.endswith("losses")} for r in rows],
        },
        verdicts=verdicts,
        headline=headline,
        series=series,
        plots=plots,
    )


def _get(rows: list[dict], setting: str, pair: str) -> dict:
    return next(r for r in rows if r["setting"] == setting and r["pair"] == pair)


REGIME = {
    "independent": "independent initialisations",
    "shared-init": "shared initialisation, different minibatch order",
    "aligned": "independent initialisations after hidden-unit alignment",
}


def _judge(value: float, eps: float, label: str, what: str) -> Outcome:
    return by_threshold(label, value / eps, 1.0, 2.0, f"{what} {value:.3g} = {value / eps:.2f} ε")


def _verdicts(rows: list[dict]) -> list[Verdict]:
    lin = [
        _judge(r["linear_barrier"], r["eps"], f"{r['setting']}, {REGIME[r['pair']]}", "barrier")
        for r in rows
    ]
    lnums = {
        f"{r['setting']}_{r['pair']}_barrier_over_eps": r["linear_barrier"] / r["eps"] for r in rows
    }
    lnums["eps_frac"] = EPS_FRAC
    bend = [
        _judge(
            r["bend_barrier"], r["eps"], f"{r['setting']}, {REGIME[r['pair']]}", "one-bend barrier"
        )
        for r in rows
        if "bend_barrier" in r
    ]
    bnums = {
        f"{r['setting']}_bend_barrier_over_eps": r["bend_barrier"] / r["eps"]
        for r in rows
        if "bend_barrier" in r
    }
    bnums.update(
        {
            f"{r['setting']}_linear_barrier_over_eps": r["linear_barrier"] / r["eps"]
            for r in rows
            if "bend_barrier" in r
        }
    )
    bnums["segments"] = 2
    return [
        combine(
            "LinearModeConnected",
            f"on the straight segment (at {len(TS)} evenly spaced t) the training loss exceeds the "
            f"interpolation of the endpoint losses by at most ε = {EPS_FRAC:g} × the loss drop "
            "from initialisation",
            lin,
            lnums,
        ),
        combine(
            "PiecewiseLinearConnected",
            f"a two-segment path with a trained bend joins independently trained nets below "
            f"max(f a, f b) + ε at {len(TS)} evenly spaced t per segment, ε = {EPS_FRAC:g} × the "
            "loss drop from initialisation",
            bend,
            bnums,
        ),
    ]


def _plots(ctx: Context, rows: list[dict]) -> list[str]:
    settings = sorted({r["setting"] for r in rows}, key=[r["setting"] for r in rows].index)
    fig, axes = new_figure(len(settings), width=4.6)
    for ax, s in zip(axes, settings, strict=True):
        for r in (r for r in rows if r["setting"] == s):
            ax.plot(TS, r["losses"], label=f"segment, {r['pair']}")
            if "bend_losses" in r:
                ax.plot(
                    np.linspace(0, 1, len(r["bend_losses"])),
                    r["bend_losses"],
                    "--",
                    label="one trained bend",
                )
                ax.axhline(
                    max(r["loss_a"], r["loss_b"]) + r["eps"],
                    ls=":",
                    color="grey",
                    lw=1,
                    label="max endpoint + ε",
                )
        ax.set_xlabel("t along the path")
        ax.set_title(s, fontsize=9)
        ax.legend(fontsize=7)
    axes[0].set_ylabel("training loss")
    return ctx.savefig(fig, "mode-connectivity")
