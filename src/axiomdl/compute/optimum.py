"""The optimal value ``f*`` and the PL constant of a loss, proved by sympy or left open.

``f*`` is proved where the structure allows: one variable (sympy's ``minimum``, piece by
piece for a non-smooth loss), a separable sum (block by block), a ridge ``φ(aᵀw)`` (the 1-D
case for ``φ``), a convex loss with a critical point (a global minimiser), a loss proved
nonnegative with a zero. PL (``μ (f − f*) ≤ ½‖∇f‖²`` everywhere) is proved from strong
convexity, for a convex quadratic (its least positive eigenvalue), in one variable (the exact
infimum of ``½ f'² / (f − f*)``), and through ridges and separable sums. It is refuted by a
stationary point above ``f*`` or by the ratio tending to 0 along a ray (sympy limits).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy.calculus.util import minimum

from axiomdl.compute.budget import attempt
from axiomdl.compute.exact import (
    STEP,
    Domain,
    finite_points,
    prove_nonneg,
    ridge_form,
    separable_blocks,
    tidy,
)
from axiomdl.compute.kinks import Piece, inside_point


@dataclass
class Optimum:
    """What is proved about ``inf f`` over the domain."""

    value: Any = None  # the exact infimum, when proved
    attained: bool | None = None
    minimizer: dict[sympy.Symbol, Any] | None = None
    lower: Any = None  # a proved lower bound (the infimum itself, or 0 when f ≥ 0)
    unbounded: bool = False
    why: str = ""


@dataclass
class Fact:
    """A property decided exactly (``holds`` True/False) or not (None), with the reason."""

    holds: bool | None
    constant: Any = None
    why: str = ""
    at: dict[str, float] | None = None  # where a refutation happens, if at a point


def _eq(a: Any, b: Any) -> bool:
    d = attempt(STEP, lambda: sympy.simplify(a - b))
    return d is not None and d == 0


# ------------------------------------------------------------------ f*


def optimum(
    f: sympy.Expr,
    xs: list[sympy.Symbol],
    dom: Domain,
    convex: bool | None,
    pieces: list[Piece] | None = None,
    guesses: list[dict[sympy.Symbol, Any]] | None = None,
) -> Optimum:
    """Prove ``inf f`` over the domain (see the module doc), or say why it is unknown."""
    if len(xs) == 1:
        return _one_dim(f, xs[0], dom, pieces)
    blocks = separable_blocks(f, xs)
    if len(blocks) > 1:
        return _blocks(f, xs, dom, blocks)
    ridge = ridge_form(f, xs)
    if ridge is not None and dom is None:
        phi, z, a = ridge
        inner = _one_dim(phi, z, None, None)
        out = Optimum(inner.value, inner.attained, None, inner.lower, inner.unbounded)
        form = " + ".join(f"{sympy.sstr(ai)}·{x}" for ai, x in zip(a, xs, strict=True))
        out.why = f"f = φ({form}): {inner.why}"
        if inner.attained and inner.minimizer:
            zs = next(iter(inner.minimizer.values()))
            n2 = sum(ai**2 for ai in a)
            out.minimizer = {x: sympy.simplify(zs * ai / n2) for ai, x in zip(a, xs, strict=True)}
        return out
    out = Optimum()
    crit = _critical_points(f, xs, dom)
    if convex and crit:
        best = min(crit, key=lambda c: float(f.subs(c)))
        out.value = out.lower = sympy.simplify(f.subs(best))
        out.attained, out.minimizer = True, best
        out.why = "a critical point of a convex loss is a global minimum (sympy's solve)"
        return out
    nonneg = prove_nonneg(f, dom)
    if nonneg is not None:
        out.lower = sympy.Integer(0)
        for c in [*crit, *(guesses or [])]:
            if _eq(f.subs(c), 0):
                out.value, out.attained, out.minimizer = sympy.Integer(0), True, c
                out.why = f"f ≥ 0 ({nonneg}) and f = 0 at {show(c)}"
                return out
        out.why = f"f ≥ 0 ({nonneg}); no zero found, so f* is not proved"
        return out
    if dom is None:
        ray = _unbounded(f, xs)
        if ray is not None:
            out.unbounded, out.why = True, ray
            return out
    out.why = "sympy cannot prove the infimum" + (
        f" (critical points: {len(crit)}, but the loss is not proved convex)" if crit else ""
    )
    return out


def _one_dim(f: sympy.Expr, x: sympy.Symbol, dom: Domain, pieces: list[Piece] | None) -> Optimum:
    """inf over ℝ or the interval: sympy's ``minimum`` (per smooth piece for a kinked loss)."""
    lo, hi = (-sympy.oo, sympy.oo) if dom is None else dom[x]
    parts = pieces or [Piece(lo, hi, f)]
    infs = []
    cands: list[Any] = [p.lo for p in parts[1:]]  # breakpoints
    if dom is not None:
        cands += [lo, hi]
    for p in parts:
        m = tidy(attempt(STEP, lambda p=p: minimum(p.expr, x, sympy.Interval(p.lo, p.hi))))
        if m is None or not m.is_extended_real:
            return Optimum(why="sympy cannot find the minimum")
        infs.append(m)
        crit = attempt(
            STEP,
            lambda p=p: sympy.solveset(sympy.diff(p.expr, x), x, sympy.Interval.open(p.lo, p.hi)),
        )
        cands += finite_points(crit) or []
        if finite_points(crit) is None and _eq(sympy.diff(p.expr, x), 0):  # a constant piece
            cands.append(inside_point(p.lo, p.hi))
    inf = min(
        infs, key=lambda v: float(v) if v.is_finite else (-1e308 if v == -sympy.oo else 1e308)
    )
    if inf == -sympy.oo:
        return Optimum(unbounded=True, why="inf f = -∞ (sympy's minimum)")
    out = Optimum(value=inf, lower=inf)
    for c in cands:
        if c.is_finite and _eq(f.subs(x, c), inf):
            out.attained, out.minimizer = True, {x: c}
            out.why = f"min f = {sympy.sstr(inf)} at {x} = {sympy.sstr(c)} (sympy's minimum)"
            return out
    out.attained = False
    out.why = f"inf f = {sympy.sstr(inf)}, not attained (sympy's minimum)"
    return out


def _blocks(
    f: sympy.Expr,
    xs: list[sympy.Symbol],
    dom: Domain,
    blocks: list[tuple[sympy.Expr, list[sympy.Symbol]]],
) -> Optimum:
    parts = [optimum(g, b, dom, None) for g, b in blocks]
    const = f - sum(g for g, _ in blocks)
    if any(p.unbounded for p in parts):
        return Optimum(unbounded=True, why="separable loss with a block unbounded below")
    if any(p.value is None for p in parts):
        lows = [p.lower for p in parts]
        out = Optimum(why="separable loss: " + "; ".join(p.why for p in parts))
        if all(v is not None for v in lows):
            out.lower = sympy.simplify(sum(lows) + const)
        return out
    value = sympy.simplify(sum(p.value for p in parts) + const)
    out = Optimum(value=value, lower=value, why="separable loss: the sum of the blocks' minima")
    if all(p.attained for p in parts):
        out.attained = True
        out.minimizer = {x: sympy.Integer(0) for x in xs}
        for p in parts:
            out.minimizer.update(p.minimizer or {})
    else:
        out.attained = False
    return out


def _critical_points(
    f: sympy.Expr, xs: list[sympy.Symbol], dom: Domain
) -> list[dict[sympy.Symbol, Any]]:
    sols = attempt(STEP, lambda: sympy.solve([sympy.diff(f, x) for x in xs], xs, dict=True)) or []
    out = []
    for sol in sols[:40]:
        pt = {x: sympy.sympify(sol.get(x, 1)) for x in xs}  # a curve: free coordinates = 1
        pt = {x: sympy.simplify(v.subs(pt)) for x, v in pt.items()}
        if any(v.free_symbols or not v.is_real for v in pt.values()):
            continue
        if dom is not None and any(not (dom[x][0] <= v <= dom[x][1]) for x, v in pt.items()):
            continue
        out.append(pt)
    return out


def _unbounded(f: sympy.Expr, xs: list[sympy.Symbol]) -> str | None:
    t = sympy.Symbol("t", positive=True)
    n = len(xs)
    axes = [tuple(int(j == k) for j in range(n)) for k in range(n)]
    for d in [*axes, *(tuple(-v for v in a) for a in axes), (1,) * n, (-1,) * n]:
        e = f.subs({x: di * t for x, di in zip(xs, d, strict=True)})
        lim = attempt(STEP, lambda e=e: sympy.limit(e, t, sympy.oo))
        if lim == -sympy.oo:
            ray = "(" + ", ".join({0: "0", 1: "t", -1: "-t"}[v] for v in d) + ")"
            return f"f → -∞ along w = {ray}, t → ∞ (sympy limit)"
    return None


def _at(pt: dict[sympy.Symbol, Any]) -> dict[str, float]:
    return {str(k): float(v) for k, v in pt.items()}


def show(pt: dict[sympy.Symbol, Any]) -> str:
    return "(" + ", ".join(f"{k}={sympy.sstr(v)}" for k, v in pt.items()) + ")"


# ------------------------------------------------------------------ PL


def pl_fact(
    f: sympy.Expr,
    xs: list[sympy.Symbol],
    dom: Domain,
    opt: Optimum,
    strong: Fact,
    pieces: list[Piece] | None = None,
) -> Fact:
    """Prove or refute ``μ (f − f*) ≤ ½‖∇f‖²`` on the domain (see the module doc)."""
    if opt.unbounded or opt.value is None:
        return Fact(None, why="no proved optimal value f*" + (f": {opt.why}" if opt.why else ""))
    if strong.holds and opt.attained:
        return Fact(True, strong.constant, "strong convexity with μ implies PL with the same μ")
    h = sympy.hessian(f, xs)
    if not h.free_symbols and opt.attained:
        pos = [v for v in (sympy.nsimplify(e) for e in h.eigenvals(multiple=True)) if bool(v > 0)]
        if pos and all(bool(v >= 0) for v in h.eigenvals(multiple=True)):
            mu = min(pos, key=float)
            return Fact(True, mu, "a convex quadratic: μ is the least positive Hessian eigenvalue")
    if len(xs) == 1:
        return _pl_one_dim(f, xs[0], dom, opt, pieces)
    blocks = separable_blocks(f, xs)
    if len(blocks) > 1 and dom is None:
        facts = []
        for g, b in blocks:
            o = optimum(g, b, dom, None)
            facts.append(pl_fact(g, b, dom, o, Fact(None)))
        if any(x.holds is False for x in facts):
            bad = next(x for x in facts if x.holds is False)
            return Fact(False, None, f"separable loss, one block is not PL: {bad.why}")
        if all(x.holds for x in facts):
            mu = min((x.constant for x in facts), key=float)
            return Fact(True, mu, "separable loss: the least of the blocks' PL constants")
    ridge = ridge_form(f, xs)
    if ridge is not None and dom is None:
        phi, z, a = ridge
        inner = _pl_one_dim(phi, z, None, _one_dim(phi, z, None, None), None)
        n2 = sympy.simplify(sum(ai**2 for ai in a))
        if inner.holds is not None:
            mu = None if inner.constant is None else sympy.simplify(inner.constant * n2)
            return Fact(
                inner.holds, mu, f"f = φ(aᵀw), ‖∇f‖² = φ'² ‖a‖² = φ'²·{sympy.sstr(n2)}: {inner.why}"
            )
    return _refute(f, xs, dom, opt)


def _pl_one_dim(
    f: sympy.Expr, x: sympy.Symbol, dom: Domain, opt: Optimum, pieces: list[Piece] | None
) -> Fact:
    """The exact infimum of ``½ f'² / (f − f*)`` over the domain minus the minimisers."""
    if opt.value is None:
        return Fact(None, why="no proved optimal value f*")
    lo, hi = (-sympy.oo, sympy.oo) if dom is None else dom[x]
    parts = pieces or [Piece(lo, hi, f)]
    infs = []
    for p in parts:
        if _eq(p.expr, opt.value):
            continue  # f = f* on this whole piece: nothing to check there
        zeros = finite_points(
            attempt(
                STEP,
                lambda p=p: sympy.solveset(p.expr - opt.value, x, sympy.Interval.open(p.lo, p.hi)),
            )
        )
        if zeros is None:
            return Fact(None, why="sympy cannot list the minimisers")
        cuts = [p.lo, *sorted(zeros, key=float), p.hi]
        raw = sympy.diff(p.expr, x) ** 2 / (2 * (p.expr - opt.value))
        ratio = attempt(STEP, lambda raw=raw: sympy.simplify(raw)) or raw
        for a, b in itertools.pairwise(cuts):
            if not ratio.free_symbols:
                m = ratio
            else:  # a limit of 0 at an end settles it (cheap); else the exact minimum
                m = _ratio_limit_zero(ratio, x, a, b)
                if m is None:
                    m = tidy(
                        attempt(
                            STEP, lambda a=a, b=b, r=ratio: minimum(r, x, sympy.Interval.open(a, b))
                        )
                    )
            if m is None or not m.is_extended_real:
                return Fact(None, why="sympy cannot find the infimum of ½ f'² / (f − f*)")
            infs.append(m)
    if not infs:
        return Fact(None, why="f = f* everywhere: every μ works, so there is no constant to report")
    mu = min(infs, key=lambda v: float(v) if v.is_finite else 1e308)
    if bool(mu > 0):
        return Fact(True, mu, f"inf ½ f'² / (f − f*) = {sympy.sstr(mu)} (sympy's minimum, exact)")
    return Fact(
        False,
        None,
        f"inf ½ f'² / (f − f*) = {sympy.sstr(mu)}: no μ > 0 works (sympy's minimum and limits)",
    )


def _ratio_limit_zero(ratio: sympy.Expr, x: sympy.Symbol, a: Any, b: Any) -> Any:
    """When sympy cannot minimise the ratio, a limit of 0 at an end of (a, b) still proves
    that its infimum is 0 (then PL fails)."""
    for end, side in ((a, "+"), (b, "-")):
        lim = attempt(STEP, lambda end=end, side=side: sympy.limit(ratio, x, end, side))
        if lim == 0:
            return sympy.Integer(0)
    return None


def _refute(f: sympy.Expr, xs: list[sympy.Symbol], dom: Domain, opt: Optimum) -> Fact:
    """A stationary point above f*, or the PL ratio tending to 0 along a ray."""
    for c in _critical_points(f, xs, dom):
        gap = attempt(STEP, lambda c=c: sympy.simplify(f.subs(c) - opt.value))
        if gap is not None and gap.is_positive:
            return Fact(
                False, None, f"∇f = 0 but f − f* = {sympy.sstr(gap)} > 0 at {show(c)}", _at(c)
            )
    if dom is None and opt.attained and opt.minimizer:
        t = sympy.Symbol("t", positive=True)
        grad = [sympy.diff(f, x) for x in xs]
        ratio = sum(g**2 for g in grad) / (2 * (f - opt.value))
        for k, xk in enumerate(xs):
            for sgn, end in itertools.product((1, -1), (sympy.oo, 0)):
                sub = {x: opt.minimizer[x] + (sgn * t if j == k else 0) for j, x in enumerate(xs)}
                e = ratio.subs(sub)
                lim = attempt(STEP, lambda e=e, end=end: sympy.limit(e, t, end))
                if lim == 0:
                    side = "far out" if end == sympy.oo else "approaching the minimiser"
                    return Fact(
                        False,
                        None,
                        f"½‖∇f‖²/(f − f*) → 0 {side} along {xk} (sympy limit): no μ > 0 works",
                        None if end == sympy.oo else _at(opt.minimizer),
                    )
    return Fact(None, why="not decided by sympy")
