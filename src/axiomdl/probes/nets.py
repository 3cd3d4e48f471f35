"""Small numpy MLPs with exact backprop, Hessian-vector products and power iteration.

Everything is float64 and driven by explicit ``numpy.random.Generator`` objects, so a
probe run is a pure function of its seed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


def digits(n: int, rng: np.random.Generator) -> tuple[Array, Array, Array]:
    """``n`` scikit-learn digits (bundled in the package, nothing downloaded).

    Returns inputs scaled to unit average norm and centred, one-hot targets centred to
    mean zero per class, and the integer labels.
    """
    from sklearn.datasets import load_digits

    d = load_digits()
    idx = rng.permutation(len(d.target))[:n]
    x = d.data[idx].astype(np.float64) / 16.0
    x = x - x.mean(axis=0)
    x = x / np.sqrt((x**2).sum(axis=1).mean())
    lab = d.target[idx]
    y = np.eye(10)[lab]
    y = y - y.mean(axis=0)
    return x, y, lab


@dataclass
class MLP:
    """Fully connected net ``sizes[0] → … → sizes[-1]``.

    ``param="ntk"``: weights N(0,1) and pre-activations scaled by ``gain/√fan_in`` (the NTK
    parameterisation, whose tangent kernel has a width limit); ``"standard"``: weights
    N(0, gain²/fan_in), no scaling.
    """

    sizes: tuple[int, ...]
    act: str = "relu"
    param: str = "standard"
    gain: float | None = None

    def __post_init__(self) -> None:
        self.shapes = [(o, i) for i, o in zip(self.sizes[:-1], self.sizes[1:], strict=True)]
        gain = self.gain or (np.sqrt(2.0) if self.act == "relu" else 1.0)
        self.scale = []
        self.std = []
        for li, (_o, i) in enumerate(self.shapes):
            g = 1.0 if li == len(self.shapes) - 1 else gain
            if self.param == "ntk":
                self.scale.append(g / np.sqrt(i))
                self.std.append(1.0)
            else:
                self.scale.append(1.0)
                self.std.append(g / np.sqrt(i))
        self.n_params = sum(o * i + o for o, i in self.shapes)

    def init(self, rng: np.random.Generator) -> Array:
        """Gaussian weights, zero biases, as one flat vector."""
        parts = []
        for (o, i), s in zip(self.shapes, self.std, strict=True):
            parts.append(rng.standard_normal(o * i) * s)
            parts.append(np.zeros(o))
        return np.concatenate(parts)

    def unpack(self, theta: Array) -> list[tuple[Array, Array]]:
        """Views ``(W, b)`` per layer into the flat vector."""
        out, k = [], 0
        for o, i in self.shapes:
            w = theta[k : k + o * i].reshape(o, i)
            k += o * i
            out.append((w, theta[k : k + o]))
            k += o
        return out

    def _act(self, z: Array) -> Array:
        return np.maximum(z, 0.0) if self.act == "relu" else np.tanh(z)

    def _dact(self, z: Array, a: Array) -> Array:
        return (z > 0).astype(z.dtype) if self.act == "relu" else 1.0 - a * a

    def forward(self, theta: Array, x: Array) -> Array:
        """Network outputs for inputs ``x`` (n × d)."""
        h = x
        layers = self.unpack(theta)
        for li, ((w, b), s) in enumerate(zip(layers, self.scale, strict=True)):
            z = s * (h @ w.T) + b
            h = z if li == len(layers) - 1 else self._act(z)
        return h

    def loss_grad(self, theta: Array, x: Array, y: Array) -> tuple[float, Array]:
        """Mean squared error ``1/(2n) Σ‖f(x)−y‖²`` and its exact gradient."""
        layers = self.unpack(theta)
        hs, zs = [x], []
        h = x
        for li, ((w, b), s) in enumerate(zip(layers, self.scale, strict=True)):
            z = s * (h @ w.T) + b
            zs.append(z)
            h = z if li == len(layers) - 1 else self._act(z)
            hs.append(h)
        n = x.shape[0]
        r = h - y
        loss = 0.5 * float((r * r).sum()) / n
        grads: list[Array] = []
        dz = r / n
        for li in range(len(layers) - 1, -1, -1):
            w, _b = layers[li]
            s = self.scale[li]
            grads.append(dz.sum(axis=0))
            grads.append((s * (dz.T @ hs[li])).ravel())
            if li:
                dh = s * (dz @ w)
                dz = dh * self._dact(zs[li - 1], hs[li])
        return loss, np.concatenate(grads[::-1])

    def hvp(self, theta: Array, v: Array, x: Array, y: Array) -> Array:
        """Exact Hessian-vector product of the loss (Pearlmutter's R-operator).

        Exact for ReLU too, where finite differences of gradients jump across kinks.
        """
        layers = self.unpack(theta)
        vl = self.unpack(v)
        last = len(layers) - 1
        hs, zs, rhs, rzs = [x], [], [np.zeros_like(x)], []
        h, rh = x, np.zeros_like(x)
        for li, (((w, b), (vw, vb)), s) in enumerate(
            zip(zip(layers, vl, strict=True), self.scale, strict=True)
        ):
            z = s * (h @ w.T) + b
            rz = s * (rh @ w.T + h @ vw.T) + vb
            if li == last:
                h, rh = z, rz
            else:
                h = self._act(z)
                rh = self._dact(z, h) * rz
            zs.append(z)
            rzs.append(rz)
            hs.append(h)
            rhs.append(rh)
        n = x.shape[0]
        dz = (h - y) / n
        rdz = rh / n
        out: list[Array] = []
        for li in range(last, -1, -1):
            w, _ = layers[li]
            vw, _ = vl[li]
            s = self.scale[li]
            out.append(rdz.sum(axis=0))
            out.append((s * (rdz.T @ hs[li] + dz.T @ rhs[li])).ravel())
            if li:
                dh = s * (dz @ w)
                rdh = s * (rdz @ w + dz @ vw)
                zp, hp = zs[li - 1], hs[li]
                d1 = self._dact(zp, hp)
                if self.act == "relu":
                    rdz = rdh * d1
                else:
                    rdz = rdh * d1 + dh * (-2.0 * hp * d1) * rzs[li - 1]
                dz = dh * d1
        return np.concatenate(out[::-1])

    def loss(self, theta: Array, x: Array, y: Array) -> float:
        """Mean squared error only."""
        r = self.forward(theta, x) - y
        return 0.5 * float((r * r).sum()) / x.shape[0]


def top_eig(
    matvec: Callable[[Array], Array],
    dim: int,
    rng: np.random.Generator,
    iters: int = 20,
    v0: Array | None = None,
    tol: float = 1e-4,
) -> tuple[float, Array]:
    """Largest-magnitude eigenvalue of a symmetric operator by power iteration."""
    v = rng.standard_normal(dim) if v0 is None else v0.copy()
    v /= np.linalg.norm(v)
    lam = 0.0
    for _ in range(iters):
        hv = matvec(v)
        new = float(v @ hv)
        nrm = float(np.linalg.norm(hv))
        if nrm == 0.0:
            return 0.0, v
        v = hv / nrm
        if abs(new - lam) <= tol * abs(new):
            lam = new
            break
        lam = new
    return lam, v


def top_eig_lanczos(
    matvec: Callable[[Array], Array], dim: int, rng: np.random.Generator, tol: float = 1e-10
) -> float:
    """Largest algebraic eigenvalue by Lanczos (scipy ``eigsh``): accurate where power
    iteration stalls on a small spectral gap."""
    from scipy.sparse.linalg import LinearOperator, eigsh

    op = LinearOperator((dim, dim), matvec=matvec, dtype=np.float64)
    vals = eigsh(
        op, k=1, which="LA", tol=tol, v0=rng.standard_normal(dim), return_eigenvectors=False
    )
    return float(vals[0])


def sharpness(
    net: MLP, theta: Array, x: Array, y: Array, rng: np.random.Generator, iters: int = 30
) -> float:
    """Top Hessian eigenvalue of the training loss at ``theta``."""

    lam, _ = top_eig(lambda v: net.hvp(theta, v, x, y), net.n_params, rng, iters=iters)
    return lam


def train_gd(
    net: MLP,
    theta: Array,
    x: Array,
    y: Array,
    lr: float,
    steps: int,
    every: int = 0,
    hook: Callable[[int, Array, float, Array], None] | None = None,
) -> Array:
    """Full-batch gradient descent; ``hook(t, θ, loss, grad)`` runs every ``every`` steps."""
    th = theta.copy()
    for t in range(steps + 1):
        loss, g = net.loss_grad(th, x, y)
        if hook is not None and every and (t % every == 0 or t == steps):
            hook(t, th, loss, g)
        if t < steps:
            th -= lr * g
    return th


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman rank correlation (no ties expected in measured floats)."""
    ra = np.argsort(np.argsort(a)).astype(float)
    rb = np.argsort(np.argsort(b)).astype(float)
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def loglog_slope(x: list[float], y: list[float]) -> float:
    """Least-squares slope of log y against log x."""
    lx, ly = np.log(np.asarray(x, float)), np.log(np.asarray(y, float))
    return float(np.polyfit(lx, ly, 1)[0])


def ntk_one_hidden(net: MLP, theta: Array, x: Array, output_bias: bool = True) -> Array:
    """Exact tangent kernel Gram matrix of a one-hidden-layer scalar-output net.

    ``output_bias=False`` drops the output bias's constant contribution (1 at every width),
    which would otherwise dominate the mean-field kernel.
    """
    (w, c), (a, _b) = net.unpack(theta)
    s1, s2 = net.scale
    z = s1 * (x @ w.T) + c
    if net.act == "relu":
        h = np.maximum(z, 0.0)
        d = (z > 0) * a[0]
    else:
        h = np.tanh(z)
        d = (1.0 - h * h) * a[0]
    k = s2**2 * (h @ h.T) + s2**2 * (d @ d.T) * (s1**2 * (x @ x.T) + 1.0)
    return k + 1.0 if output_bias else k


def penultimate(net: MLP, theta: Array, x: Array) -> Array:
    """Last-layer features: the activations that feed the output layer."""
    h = x
    for (w, b), s in zip(net.unpack(theta)[:-1], net.scale[:-1], strict=True):
        h = net._act(s * (h @ w.T) + b)
    return h


def train_momentum(
    net: MLP,
    theta: Array,
    x: Array,
    y: Array,
    lr: float,
    steps: int,
    *,
    momentum: float = 0.9,
    wd: float = 0.0,
    batch: int | None = None,
    rng: np.random.Generator | None = None,
    every: int = 0,
    hook: Callable[[int, Array], None] | None = None,
) -> Array:
    """Heavy-ball gradient descent on the squared loss plus ``wd/2 ‖θ‖²``.

    Full batch when ``batch`` is None, else minibatches of ``batch`` examples drawn by ``rng``
    in shuffled epochs; ``hook(t, θ)`` runs every ``every`` steps and after the last.
    """
    th = theta.copy()
    vel = np.zeros_like(th)
    order: Array = np.empty(0, dtype=int)
    for t in range(steps + 1):
        if hook is not None and every and (t % every == 0 or t == steps):
            hook(t, th)
        if t == steps:
            break
        if batch is None:
            xb, yb = x, y
        else:
            assert rng is not None, "minibatches need a generator"
            if len(order) < batch:
                order = np.concatenate([order, rng.permutation(len(x))])
            idx, order = order[:batch], order[batch:]
            xb, yb = x[idx], y[idx]
        _, g = net.loss_grad(th, xb, yb)
        vel = momentum * vel - lr * (g + wd * th)
        th += vel
    return th
