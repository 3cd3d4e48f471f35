"""What a grid over a box can tell about a loss: estimates, never proofs.

Every figure here is labelled by the caller as *estimated on the box*: the extreme Hessian
eigenvalues, the least value and the least PL ratio ``½‖∇f‖² / (f − f*)`` over the grid
points. The grid also proposes points where sympy then checks something exactly (a negative
curvature, a stationary point above ``f*``, a place where the loss is undefined).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from axiomdl.errors import AxiomdlError

Box = dict[str, tuple[float, float]]


def grid(box: Box, names: list[str], total: int) -> list[tuple[float, ...]]:
    """At most ``total`` points (at least 3 per axis), an odd number per axis, so that a
    symmetric box contains its centre."""
    k = max(3, int(total ** (1 / max(len(names), 1)) + 1e-9))
    k -= 1 - k % 2  # at most `total` points in all
    axes = []
    for n in names:
        lo, hi = box[n]
        axes.append([lo + (hi - lo) * i / (k - 1) for i in range(k)])
    return list(itertools.product(*axes))


def exact_point(
    syms: list[sympy.Symbol], pt: tuple[float, ...]
) -> dict[sympy.Symbol, sympy.Rational]:
    """The grid point as exact rationals. A grid coordinate is ``lo + (hi − lo)·i/(k − 1)``
    in floats; the nearest fraction with a denominator up to 10⁹ recovers it exactly for
    the boxes users write (``-60/31``, where rounding to six decimals gave
    ``-483871/250000``), and costs microseconds where ``nsimplify`` costs milliseconds."""
    out = {}
    for s, v in zip(syms, pt, strict=True):
        q = Fraction(v).limit_denominator(10**9)
        out[s] = sympy.Rational(q.numerator, q.denominator)
    return out


def eig(m: list[list[float]]) -> tuple[list[float], list[list[float]]]:
    """Eigenvalues (ascending) and unit eigenvectors of a small symmetric matrix."""
    n = len(m)
    if n == 1:
        return [m[0][0]], [[1.0]]
    sym = [[(m[i][j] + m[j][i]) / 2 for j in range(n)] for i in range(n)]
    if n == 2:  # closed form: the grid evaluates thousands of these
        a, b, d = sym[0][0], sym[0][1], sym[1][1]
        mid, rad = (a + d) / 2, math.hypot((a - d) / 2, b)
        lo, hi = mid - rad, mid + rad
        if b == 0:
            vl, vh = ([1.0, 0.0], [0.0, 1.0]) if a <= d else ([0.0, 1.0], [1.0, 0.0])
        else:
            vl, vh = _unit([lo - d, b]), _unit([hi - d, b])
        return [lo, hi], [vl, vh]
    vals, vecs = _jacobi(sym)
    order = sorted(range(n), key=lambda i: vals[i])
    return [vals[i] for i in order], [[vecs[r][i] for r in range(n)] for i in order]


def _jacobi(a: list[list[float]], sweeps: int = 30) -> tuple[list[float], list[list[float]]]:
    """Cyclic Jacobi rotations for a small symmetric matrix: eigenvalues and eigenvector
    columns, in floats (mpmath's eigsy is exact-minded and 50x slower on a grid)."""
    n = len(a)
    a = [row[:] for row in a]
    v = [[float(i == j) for j in range(n)] for i in range(n)]
    for _ in range(sweeps):
        off = sum(a[i][j] ** 2 for i in range(n) for j in range(n) if i != j)
        if off <= 1e-22 * max(1.0, sum(a[i][i] ** 2 for i in range(n))):
            break
        for p in range(n - 1):
            for q in range(p + 1, n):
                if a[p][q] == 0.0:
                    continue
                theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                t = math.copysign(1.0, theta) / (abs(theta) + math.sqrt(theta * theta + 1))
                c = 1 / math.sqrt(t * t + 1)
                s = t * c
                for k in range(n):  # A ← A·J
                    akp, akq = a[k][p], a[k][q]
                    a[k][p], a[k][q] = c * akp - s * akq, s * akp + c * akq
                for k in range(n):  # A ← Jᵀ·A
                    apk, aqk = a[p][k], a[q][k]
                    a[p][k], a[q][k] = c * apk - s * aqk, s * apk + c * aqk
                for k in range(n):
                    vkp, vkq = v[k][p], v[k][q]
                    v[k][p], v[k][q] = c * vkp - s * vkq, s * vkp + c * vkq
    return [a[i][i] for i in range(n)], v


def _unit(v: list[float]) -> list[float]:
    n = math.hypot(*v)
    return [x / n for x in v] if n else v


@dataclass
class GridStats:
    """Extremes over the grid, with the points (and eigenvectors) where they occur, and
    every point where value, gradient and Hessian are finite reals (``pts``, ``fs``, ``gs``:
    arrays of shape (N, n), (N,), (N, n))."""

    points: int = 0
    lam_min: float = math.inf
    lam_min_at: tuple[float, ...] = ()
    lam_min_vec: list[float] = field(default_factory=list)
    lam_max: float = -math.inf
    lam_max_at: tuple[float, ...] = ()
    lam_max_vec: list[float] = field(default_factory=list)
    f_min: float = math.inf
    f_min_at: tuple[float, ...] = ()
    pts: Any = None
    fs: Any = None
    gs: Any = None


def _on_grid(fn: Any, cols: list[Any]) -> Any:
    """A numpy-lambdified function on the grid columns, as a float array whose last axis
    runs over the points (a constant entry comes back as a bare number: broadcast it)."""
    import numpy as np

    m = len(cols[0])
    out = fn(*cols)
    if not isinstance(out, list):
        return np.broadcast_to(np.asarray(out, dtype=float), (m,))
    return np.stack([_on_grid(lambda *_c, x=x: x, cols) for x in out])


def sample(
    ae: sympy.Expr, syms: list[sympy.Symbol], box: Box, total: int
) -> tuple[GridStats, Any, Any]:
    """Evaluate value, gradient and Hessian (piecewise, so a.e.) on the whole grid at once
    with numpy; a point where any of them is not a finite real is left out (numpy gives
    NaN or ±inf where the scalar functions raised). Returns the stats and the numeric value
    and gradient functions."""
    import numpy as np

    names = [str(s) for s in syms]
    n = len(syms)
    grad = [sympy.diff(ae, s) for s in syms]
    hess = [[sympy.diff(g, s) for s in syms] for g in grad]
    fn = sympy.lambdify(syms, ae, modules="numpy")
    gfn = sympy.lambdify(syms, grad, modules="numpy")
    hfn = sympy.lambdify(syms, hess, modules="numpy")
    pts = np.array(grid(box, names, total), dtype=float).reshape(-1, n)
    cols = [pts[:, i] for i in range(n)]
    with np.errstate(all="ignore"):
        fs = _on_grid(fn, cols)
        gs = _on_grid(gfn, cols).T
        hs = _on_grid(hfn, cols).transpose(2, 0, 1)
        ok = np.isfinite(fs) & np.isfinite(gs).all(1) & np.isfinite(hs).all((1, 2))
        pts, fs, gs, hs = pts[ok], fs[ok], gs[ok], hs[ok]
        lo, hi = _extreme_eigenvalues((hs + hs.transpose(0, 2, 1)) / 2)
    st = GridStats(points=len(pts), pts=pts, fs=fs, gs=gs)
    if not st.points:
        raise AxiomdlError("the loss cannot be evaluated (as a real number) anywhere on the box")
    i, j, k = int(np.argmin(lo)), int(np.argmax(hi)), int(np.argmin(fs))
    st.lam_min, st.lam_min_at = float(lo[i]), tuple(map(float, pts[i]))
    st.lam_min_vec = eig(hs[i].tolist())[1][0]
    st.lam_max, st.lam_max_at = float(hi[j]), tuple(map(float, pts[j]))
    st.lam_max_vec = eig(hs[j].tolist())[1][-1]
    st.f_min, st.f_min_at = float(fs[k]), tuple(map(float, pts[k]))
    return st, fn, gfn


def _extreme_eigenvalues(sym: Any) -> tuple[Any, Any]:
    """Least and largest eigenvalue of each symmetric matrix in the stack (closed forms for
    1×1 and 2×2, as :func:`eig` computes them; LAPACK above)."""
    import numpy as np

    n = sym.shape[1]
    if n == 1:
        return sym[:, 0, 0], sym[:, 0, 0]
    if n == 2:
        a, b, d = sym[:, 0, 0], sym[:, 0, 1], sym[:, 1, 1]
        mid, rad = (a + d) / 2, np.hypot((a - d) / 2, b)
        return mid - rad, mid + rad
    vals = np.linalg.eigvalsh(sym)
    return vals[:, 0], vals[:, -1]


def undefined_point(
    f: sympy.Expr, syms: list[sympy.Symbol], box: Box
) -> dict[sympy.Symbol, sympy.Rational] | None:
    """A rational point of the box where ``f`` is not a finite real number, if the grid
    finds one (checked exactly)."""
    import numpy as np

    names = [str(s) for s in syms]
    fn = sympy.lambdify(syms, f, modules="numpy")
    pts = np.array(grid(box, names, 400), dtype=float).reshape(-1, len(syms))
    with np.errstate(all="ignore"):
        bad = ~np.isfinite(_on_grid(fn, [pts[:, i] for i in range(len(syms))]))
    for pt in pts[bad]:
        at = exact_point(syms, tuple(map(float, pt)))
        val = f.subs(at)
        if val.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or val.is_real is False:
            return at
    return None


def pl_ratio_min(
    st: GridStats, fstar: float, names: list[str]
) -> tuple[float, tuple[float, ...]] | None:
    """The least ``½‖∇f‖² / (f − f*)`` over grid points with ``f > f*``."""
    import numpy as np

    gap = st.fs - fstar
    above = gap > 1e-9 * max(1.0, abs(fstar))
    if not above.any():
        return None
    ratio = 0.5 * (st.gs[above] ** 2).sum(1) / gap[above]
    i = int(np.argmin(ratio))
    return float(ratio[i]), tuple(map(float, st.pts[above][i]))


def show_point(names: list[str], pt: tuple[float, ...]) -> str:
    return "(" + ", ".join(f"{n}={v:.4g}" for n, v in zip(names, pt, strict=True)) + ")"


def show_box(box: Box) -> str:
    return ", ".join(f"{k} ∈ [{a:g}, {b:g}]" for k, (a, b) in box.items())
