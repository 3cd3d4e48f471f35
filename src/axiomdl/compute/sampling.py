"""What a grid over a box can tell about a loss: estimates, never proofs.

Every figure here is labelled by the caller as *estimated on the box*: the extreme Hessian
eigenvalues, the least value and the least PL ratio ``½‖∇f‖² / (f − f*)`` over the grid
points. The grid also proposes points where sympy then checks something exactly (a negative
curvature, a stationary point above ``f*``, a place where the loss is undefined).
"""

from __future__ import annotations

import cmath
import itertools
import math
from dataclasses import dataclass, field
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


def _real(v: Any) -> float | None:
    if isinstance(v, complex):
        if abs(v.imag) > 1e-12 * max(1.0, abs(v.real)) or cmath.isnan(v):
            return None
        v = v.real
    x = float(v)
    return x if math.isfinite(x) else None


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
    """Extremes over the grid, with the points (and eigenvectors) where they occur."""

    points: int = 0
    lam_min: float = math.inf
    lam_min_at: tuple[float, ...] = ()
    lam_min_vec: list[float] = field(default_factory=list)
    lam_max: float = -math.inf
    lam_max_at: tuple[float, ...] = ()
    lam_max_vec: list[float] = field(default_factory=list)
    f_min: float = math.inf
    f_min_at: tuple[float, ...] = ()
    samples: list[tuple[tuple[float, ...], float, list[float]]] = field(default_factory=list)
    small_grad: list[tuple[float, tuple[float, ...]]] = field(default_factory=list)


def sample(
    ae: sympy.Expr, syms: list[sympy.Symbol], box: Box, total: int
) -> tuple[GridStats, Any, Any]:
    """Evaluate value, gradient and Hessian (piecewise, so a.e.) on the grid; returns the
    stats and the numeric value and gradient functions."""
    names = [str(s) for s in syms]
    grad = [sympy.diff(ae, s) for s in syms]
    hess = [[sympy.diff(g, s) for s in syms] for g in grad]
    fn = sympy.lambdify(syms, ae, modules=["math", "mpmath"])
    gfn = sympy.lambdify(syms, grad, modules=["math", "mpmath"])
    hfn = sympy.lambdify(syms, hess, modules=["math", "mpmath"])
    st = GridStats()
    for pt in grid(box, names, total):
        try:
            f = _real(fn(*pt))
            g = [_real(x) for x in gfn(*pt)]
            h = [[_real(x) for x in row] for row in hfn(*pt)]
        except (ValueError, ZeroDivisionError, OverflowError, TypeError):
            continue
        if f is None or None in g or any(None in row for row in h):
            continue
        vals, vecs = eig(h)  # type: ignore[arg-type]
        st.points += 1
        if vals[0] < st.lam_min:
            st.lam_min, st.lam_min_at, st.lam_min_vec = vals[0], pt, vecs[0]
        if vals[-1] > st.lam_max:
            st.lam_max, st.lam_max_at, st.lam_max_vec = vals[-1], pt, vecs[-1]
        if f < st.f_min:
            st.f_min, st.f_min_at = f, pt
        st.samples.append((pt, f, g))  # type: ignore[arg-type]
        st.small_grad.append((math.sqrt(sum(x * x for x in g)), pt))  # type: ignore[misc]
    st.small_grad.sort()
    del st.small_grad[8:]
    if not st.points:
        raise AxiomdlError("the loss cannot be evaluated (as a real number) anywhere on the box")
    return st, fn, gfn


def undefined_point(
    f: sympy.Expr, syms: list[sympy.Symbol], box: Box
) -> dict[sympy.Symbol, sympy.Rational] | None:
    """A rational point of the box where ``f`` is not a finite real number, if the grid
    finds one (checked exactly)."""
    names = [str(s) for s in syms]
    fn = sympy.lambdify(syms, f, modules=["math", "mpmath"])
    for pt in grid(box, names, 400):
        try:
            ok = _real(fn(*pt)) is not None
        except (ValueError, ZeroDivisionError, OverflowError, TypeError):
            ok = False
        if ok:
            continue
        at = {s: sympy.nsimplify(round(v, 9), rational=True) for s, v in zip(syms, pt, strict=True)}
        val = f.subs(at)
        if val.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or val.is_real is False:
            return at
    return None


def pl_ratio_min(
    st: GridStats, fstar: float, names: list[str]
) -> tuple[float, tuple[float, ...]] | None:
    """The least ``½‖∇f‖² / (f − f*)`` over grid points with ``f > f*``."""
    best: tuple[float, tuple[float, ...]] | None = None
    for pt, f, g in st.samples:
        gap = f - fstar
        if gap <= 1e-9 * max(1.0, abs(fstar)):
            continue
        r = 0.5 * sum(x * x for x in g) / gap
        if best is None or r < best[0]:
            best = (r, pt)
    return best


def show_point(names: list[str], pt: tuple[float, ...]) -> str:
    return "(" + ", ".join(f"{n}={v:.4g}" for n, v in zip(names, pt, strict=True)) + ")"


def show_box(box: Box) -> str:
    return ", ".join(f"{k} ∈ [{a:g}, {b:g}]" for k, (a, b) in box.items())
