"""Which landscape assumptions does a concrete loss satisfy, and with which constants?

The library's assumptions are one-sided quadratic bounds, so they are read off the Hessian:
``Smooth … L`` (``f y ≤ f x + ⟨∇f x, y-x⟩ + L/2‖y-x‖²``) holds with ``L = sup λ_max(∇²f)``,
``StrongConvex … μ`` with ``μ = inf λ_min(∇²f) > 0``, ``Convex`` when ``λ_min ≥ 0``.
Where sympy can decide these (constant Hessian, one variable) the verdict is *symbolic*;
otherwise the Hessian is evaluated on a grid over the box and the verdict is *sampled*.
The PL constant ``inf ½‖∇f‖² / (f - f*)`` is always *estimated* on the grid.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import mpmath
import sympy
from sympy.parsing.sympy_parser import (
    convert_xor,
    parse_expr,
    standard_transformations,
)

from axiomdl.errors import AxiomdlError

_ALLOWED_FUNCS = {
    "exp": sympy.exp,
    "log": sympy.log,
    "sqrt": sympy.sqrt,
    "sin": sympy.sin,
    "cos": sympy.cos,
    "tanh": sympy.tanh,
    "Abs": sympy.Abs,
    "abs": sympy.Abs,
    "Max": sympy.Max,
    "Min": sympy.Min,
    "max": sympy.Max,
    "min": sympy.Min,
    "pi": sympy.pi,
    "E": sympy.E,
}
DEFAULT_BOX = (-2.0, 2.0)


@dataclass
class Verdict:
    """One property: does it hold, with which constant, decided how."""

    name: str
    holds: bool | None
    constant: Any = None
    method: str = "symbolic"
    note: str = ""


@dataclass
class LossAnalysis:
    """Everything ``check-loss`` found about one loss."""

    expr: sympy.Expr
    vars: list[sympy.Symbol]
    box: dict[str, tuple[float, float]] | None
    hessian: sympy.Matrix
    fstar: Any = None
    fstar_method: str = ""
    minimizer: dict[str, float] | None = None
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    bounded_below: bool | None = None
    nonnegative: bool | None = None
    default_box: bool = False

    @property
    def domain(self) -> str:
        if not self.box:
            return f"global (ℝ^{len(self.vars)})"
        text = "box " + ", ".join(f"{k} ∈ [{a:g}, {b:g}]" for k, (a, b) in self.box.items())
        if self.default_box:
            text += " (default box: sympy could not decide the Hessian globally; pass --box)"
        return text


def parse_loss(text: str, var_names: list[str]) -> tuple[sympy.Expr, list[sympy.Symbol]]:
    """Parse a sympy expression over the declared variables; reject anything else."""
    if not var_names:
        raise AxiomdlError("--vars is empty: name the parameters, e.g. --vars w1,w2")
    for v in var_names:
        if not v.isidentifier() or v in _ALLOWED_FUNCS:
            raise AxiomdlError(f"--vars: `{v}` is not a usable variable name")
    if "__" in text or ";" in text or "lambda" in text:
        raise AxiomdlError(f"cannot parse loss `{text}`")
    syms = [sympy.Symbol(v, real=True) for v in var_names]
    local: dict[str, Any] = dict(_ALLOWED_FUNCS)
    local.update({v: s for v, s in zip(var_names, syms, strict=True)})
    try:
        expr = parse_expr(
            text,
            local_dict=local,
            global_dict={
                "Integer": sympy.Integer,
                "Float": sympy.Float,
                "Rational": sympy.Rational,
                "Symbol": sympy.Symbol,
            },
            transformations=(*standard_transformations, convert_xor),
            evaluate=True,
        )
    except Exception as e:  # sympy raises SyntaxError, TypeError, TokenError, ...
        raise AxiomdlError(f"cannot parse loss `{text}`: {type(e).__name__}: {e}") from None
    if not isinstance(expr, sympy.Expr):
        raise AxiomdlError(f"`{text}` is not a real-valued expression")
    unknown = sorted(str(s) for s in expr.free_symbols if s not in syms)
    if unknown:
        raise AxiomdlError(
            f"unknown variable(s) {', '.join(unknown)} in the loss (declared with --vars: "
            f"{', '.join(var_names)})"
        )
    if expr.has(sympy.I) or expr.has(sympy.zoo, sympy.nan):
        raise AxiomdlError(f"`{text}` is not a real-valued expression")
    return expr, syms


def parse_box(spec: str | None, var_names: list[str]) -> dict[str, tuple[float, float]] | None:
    """``w1=-2:2,w2=0:1`` → bounds per variable (missing ones get the default box)."""
    if not spec:
        return None
    out: dict[str, tuple[float, float]] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        if "=" not in part or ":" not in part:
            raise AxiomdlError(f"--box: `{part}` is not NAME=LO:HI")
        name, rng = part.split("=", 1)
        name = name.strip()
        if name not in var_names:
            raise AxiomdlError(
                f"--box: unknown variable `{name}` (declared: {', '.join(var_names)})"
            )
        lo_s, hi_s = rng.split(":", 1)
        try:
            lo, hi = float(sympy.Rational(lo_s.strip())), float(sympy.Rational(hi_s.strip()))
        except (TypeError, ValueError, sympy.SympifyError):
            raise AxiomdlError(f"--box: `{part}` has a non-numeric bound") from None
        if not lo < hi:
            raise AxiomdlError(f"--box: empty interval for `{name}` ({lo:g} ≥ {hi:g})")
        out[name] = (lo, hi)
    for v in var_names:
        out.setdefault(v, DEFAULT_BOX)
    return out


def _eigs(m: list[list[float]]) -> list[float]:
    n = len(m)
    if n == 1:
        return [m[0][0]]
    if n == 2:
        a, b, d = m[0][0], (m[0][1] + m[1][0]) / 2, m[1][1]
        tr, disc = (a + d) / 2, math.sqrt(max(((a - d) / 2) ** 2 + b * b, 0.0))
        return [tr - disc, tr + disc]
    ev = mpmath.eigsy(mpmath.matrix(m), eigvals_only=True)
    return sorted(float(x) for x in ev)


def _grid(
    box: dict[str, tuple[float, float]], names: list[str], total: int = 4000
) -> list[tuple[float, ...]]:
    k = max(3, round(total ** (1 / max(len(names), 1))))
    k += 1 - k % 2  # odd: a symmetric box then contains its centre
    axes = []
    for n in names:
        lo, hi = box[n]
        axes.append([lo + (hi - lo) * i / (k - 1) for i in range(k)])
    return list(itertools.product(*axes))


def analyse(
    expr: sympy.Expr,
    syms: list[sympy.Symbol],
    box: dict[str, tuple[float, float]] | None,
    grid: int = 4000,
) -> LossAnalysis:
    """Decide convexity, smoothness, strong convexity and estimate PL for one loss."""
    names = [str(s) for s in syms]
    grad = [sympy.diff(expr, s) for s in syms]
    hess = sympy.hessian(expr, syms)
    la = LossAnalysis(expr, syms, box, hess)
    region = box or {n: DEFAULT_BOX for n in names}
    fn = sympy.lambdify(syms, expr, modules="math")
    gfn = sympy.lambdify(syms, grad, modules="math")
    hfn = sympy.lambdify(syms, hess.tolist(), modules="math")

    # -- Hessian spectrum: symbolic when constant or 1-D, otherwise sampled on the grid
    lo_eig: Any = None
    hi_eig: Any = None
    method = "sampled"
    note = ""
    if not hess.free_symbols:
        eigs = [sympy.nsimplify(e) for e in hess.eigenvals(multiple=True)]
        eigs = [sympy.simplify(e) for e in eigs]
        lo_eig, hi_eig = min(eigs, key=float), max(eigs, key=float)
        method = "symbolic"
        note = "constant Hessian"
    elif len(syms) == 1:
        h = sympy.simplify(hess[0, 0])
        dom = (
            sympy.Interval(*[sympy.nsimplify(x) for x in region[names[0]]])
            if box
            else sympy.S.Reals
        )
        try:
            from sympy.calculus.util import maximum, minimum

            lo_eig = sympy.simplify(minimum(h, syms[0], dom))
            hi_eig = sympy.simplify(maximum(h, syms[0], dom))
            if lo_eig.is_extended_real and hi_eig.is_extended_real:
                method = "symbolic"
                note = f"inf f'' = {lo_eig}, sup f'' = {hi_eig} over the " + (
                    "box" if box else "real line"
                )
            else:
                raise ValueError
        except Exception:  # sympy cannot always optimise: fall back to the grid
            lo_eig = hi_eig = None
    if method == "sampled":
        los, his = [], []
        worst: tuple[float, tuple[float, ...]] | None = None
        for pt in _grid(region, names, grid):
            try:
                m = hfn(*pt)
                e = _eigs([[float(x) for x in row] for row in m])
            except (ValueError, ZeroDivisionError, OverflowError):
                continue
            los.append(e[0])
            his.append(e[-1])
            if worst is None or e[0] < worst[0]:
                worst = (e[0], pt)
        if not los:
            raise AxiomdlError("the loss cannot be evaluated on the box")
        lo_eig, hi_eig = min(los), max(his)
        note = f"Hessian eigenvalues on a {len(los)}-point grid over the box"
        if not box:
            # no symbolic global verdict: say so, and work on the default box from here on
            la.box = region
            la.default_box = True
    lo_f = float(lo_eig) if lo_eig is not None else math.nan
    hi_f = float(hi_eig) if hi_eig is not None else math.nan
    if hi_eig == sympy.oo:
        hi_f = math.inf
    tol = 1e-12
    unbounded = hi_eig == sympy.oo
    la.verdicts["convex"] = Verdict("convex", lo_f >= -tol, None, method, note)
    if method == "sampled" and lo_f < -tol and worst is not None:
        # a negative Hessian eigenvalue at one point, recomputed exactly, refutes convexity
        at = {s_: sympy.nsimplify(round(v, 6)) for s_, v in zip(syms, worst[1], strict=True)}
        exact = [sympy.nsimplify(x) for x in hess.subs(at).eigenvals(multiple=True)]
        neg = min(exact, key=float)
        if float(neg) < 0:
            where = ", ".join(f"{k}={v}" for k, v in at.items())
            la.verdicts["convex"] = Verdict(
                "convex", False, None, "symbolic", f"λ_min(∇²f) = {neg} < 0 at ({where})"
            )
    la.verdicts["smooth"] = Verdict(
        "smooth",
        (not unbounded) and not math.isnan(hi_f) and math.isfinite(hi_f),
        (max(hi_eig, 0) if method == "symbolic" else max(hi_f, 0.0)) if not unbounded else None,
        method,
        "L = sup λ_max(∇²f)" + ("" if method == "symbolic" else " (grid maximum)"),
    )
    la.verdicts["strongly_convex"] = Verdict(
        "strongly_convex",
        lo_f > tol,
        (lo_eig if method == "symbolic" else lo_f) if lo_f > tol else None,
        method,
        "μ = inf λ_min(∇²f)" + ("" if method == "symbolic" else " (grid minimum)"),
    )
    # -- optimal value f*, then PL (estimated on the grid)
    _optimum(la, grad, fn, region)
    _pl(la, fn, gfn, region, names, grid)
    return la


def _optimum(
    la: LossAnalysis, grad: list[sympy.Expr], fn: Any, region: dict[str, tuple[float, float]]
) -> None:
    """f* from critical points (symbolic), the 1-D infimum, or the grid minimum on a box."""
    syms = la.vars
    names = [str(s) for s in syms]
    cands: list[tuple[Any, dict[str, float]]] = []
    try:
        sols = sympy.solve(grad, syms, dict=True)
    except Exception:  # NotImplementedError and friends
        sols = []
    for sol in sols[:50]:
        full = dict(sol)
        for s_ in syms:  # a curve of critical points: pick the point with free coordinates = 1
            if s_ not in full:
                full[s_] = sympy.Integer(1)
        try:
            full = {k: sympy.nsimplify(sympy.sympify(v).subs(full)) for k, v in full.items()}
            if any(not v.is_real for v in full.values()):
                continue
            pt = {str(k): float(v) for k, v in full.items()}
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if la.box and any(not (la.box[n][0] <= pt[n] <= la.box[n][1]) for n in names):
            continue
        val = sympy.simplify(la.expr.subs(full))
        if val.is_real:
            cands.append((val, pt))
    try:
        la.nonnegative = la.expr.is_nonnegative
    except TypeError:
        la.nonnegative = None
    grid_min = math.inf
    grid_pt: tuple[float, ...] | None = None
    for pt in _grid(region, names, 2500):
        try:
            v = fn(*pt)
        except (ValueError, ZeroDivisionError, OverflowError):
            continue
        if v < grid_min:
            grid_min, grid_pt = v, pt
    best = min(cands, key=lambda c: float(c[0])) if cands else None
    if la.box is None and len(syms) == 1:
        from sympy.calculus.util import minimum

        try:
            inf = sympy.simplify(minimum(la.expr, syms[0], sympy.S.Reals))
        except Exception:  # sympy cannot always optimise
            inf = None
        if inf == -sympy.oo:
            la.fstar, la.minimizer, la.bounded_below = None, None, False
            la.fstar_method = "unbounded below (inf f = -oo, symbolic)"
            return
        if inf is not None and inf.is_real:
            attained = best is not None and sympy.simplify(best[0] - inf) == 0
            la.fstar = inf
            la.minimizer = best[1] if attained else None
            la.fstar_method = "symbolic" + ("" if attained else " infimum, not attained")
            la.bounded_below = True
            return
    if best is not None and float(best[0]) <= grid_min + 1e-9:
        la.fstar, la.minimizer = best[0], best[1]
        la.fstar_method = "symbolic (critical points" + (
            ", compared with a grid)" if la.box is None else " in the box)"
        )
        la.bounded_below = True if la.box is not None or la.nonnegative else None
        if la.nonnegative and best[0] == 0:
            la.bounded_below = True
        return
    if la.box is not None and grid_pt is not None:
        la.fstar, la.minimizer = grid_min, dict(zip(names, grid_pt, strict=True))
        la.fstar_method = "grid minimum over the box"
        la.bounded_below = True
        return
    la.fstar = None
    if best is not None and grid_pt is not None:
        at = ", ".join(f"{n}={v:.3g}" for n, v in zip(names, grid_pt, strict=True))
        la.fstar_method = (
            f"unknown: no critical point is a global minimum (f = {grid_min:.4g} at ({at}) is "
            "lower); the loss may be unbounded below"
        )
    else:
        la.fstar_method = "unknown (no critical point found; the infimum may not be attained)"
    la.bounded_below = True if la.nonnegative else None


def _pl(
    la: LossAnalysis,
    fn: Any,
    gfn: Any,
    region: dict[str, tuple[float, float]],
    names: list[str],
    grid: int,
) -> None:
    if la.fstar is None or la.minimizer is None:
        la.verdicts["pl"] = Verdict(
            "pl",
            False if la.fstar is not None else None,
            None,
            "estimated",
            "f* is not attained, so ½‖∇f‖² ≥ μ(f − f*) fails far out for every μ > 0"
            if la.fstar is not None
            else "no optimal value found",
        )
        return
    fstar = float(la.fstar)
    best = math.inf
    where: tuple[float, ...] | None = None
    for pt in _grid(region, names, grid):
        try:
            gap = fn(*pt) - fstar
            g = gfn(*pt)
        except (ValueError, ZeroDivisionError, OverflowError):
            continue
        if gap <= 1e-9:
            continue
        ratio = 0.5 * sum(float(x) ** 2 for x in g) / gap
        if ratio < best:
            best, where = ratio, pt
    if where is None:
        la.verdicts["pl"] = Verdict(
            "pl", None, None, "estimated", "the loss is constant on the grid"
        )
        return
    if best < 1e-12:
        # a stationary point above f* refutes PL exactly (e.g. the saddle of (w1*w2 - 1)^2)
        pt_exact = {s_: sympy.nsimplify(round(v, 6)) for s_, v in zip(la.vars, where, strict=True)}
        grad_at = [sympy.diff(la.expr, s_).subs(pt_exact) for s_ in la.vars]
        gap = sympy.simplify(la.expr.subs(pt_exact) - sympy.nsimplify(la.fstar))
        if all(sympy.simplify(g) == 0 for g in grad_at) and gap.is_positive:
            shown = ", ".join(f"{k}={v}" for k, v in pt_exact.items())
            la.verdicts["pl"] = Verdict(
                "pl", False, None, "symbolic", f"∇f = 0 but f − f* = {gap} > 0 at ({shown})"
            )
            return
    at = ", ".join(f"{n}={v:.3g}" for n, v in zip(names, where, strict=True))
    holds = best > 1e-6
    # approach the minimiser: a ratio that keeps shrinking means PL fails there (e.g. w⁴)
    xs = [la.minimizer[n] for n in names]
    for k in range(len(names)):
        ratios = []
        for delta in (1e-2, 1e-3, 1e-4):
            pt = list(xs)
            pt[k] += delta
            try:
                gap = fn(*pt) - fstar
                g = gfn(*pt)
            except (ValueError, ZeroDivisionError, OverflowError):
                break
            if gap > 1e-300:
                ratios.append(0.5 * sum(float(x) ** 2 for x in g) / gap)
        if len(ratios) == 3 and ratios[2] < 0.1 * ratios[0]:
            holds = False
            best = ratios[2]
            at = f"the ratio tends to 0 approaching the minimiser along {names[k]}"
            break
    la.verdicts["pl"] = Verdict(
        "pl",
        holds,
        best if holds else None,
        "estimated",
        f"min ½‖∇f‖²/(f − f*) on the grid is {best:.4g} at ({at})" if "tends" not in at else at,
    )
