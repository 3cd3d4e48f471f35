"""Exact facts about a smooth loss's Hessian spectrum, each with the reason it holds.

The library's landscape assumptions are one-sided quadratic bounds, so they are statements
about the Hessian's spectrum over the whole domain:

- ``Convex`` ⇔ ``inf λ_min(∇²f) ≥ 0``; ``StrongConvex μ`` ⇔ ``inf λ_min ≥ μ``;
- ``Smooth L`` ⇔ ``sup λ_max(∇²f) ≤ L`` (one-sided: ``f y ≤ f x + ⟨∇f x, y-x⟩ + L/2‖y-x‖²``).

A :class:`Spectrum` holds four one-sided facts, each proved by sympy or absent: a lower and an
upper bound on ``inf λ_min``, and the same on ``sup λ_max``. A verdict is "holds" only from a
proved bound on the right side, "fails" only from a proved bound on the other side (an exact
point, or a limit along a ray); anything else is left undecided, for the grid to estimate.

Where sympy proves the bounds:
- a constant Hessian: its exact eigenvalues;
- one variable: sympy's ``minimum``/``maximum`` of ``f''`` over ℝ or the interval;
- a ridge ``f = φ(aᵀw)`` (logistic regression on one sample): eigenvalues ``0`` and
  ``φ''(z)‖a‖²``, so the 1-D case again;
- a separable sum (terms over disjoint variables): a block-diagonal Hessian, combined exactly;
- any other sum: Weyl's inequalities ``λ_min(A+B) ≥ λ_min(A) + λ_min(B)`` (and the same for
  ``λ_max``): valid bounds, not always tight, and said so;
- convexity alone: every principal minor of the Hessian proved nonnegative.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy.calculus.util import function_range, minimum

from axiomdl.compute.budget import attempt

Domain = dict[sympy.Symbol, tuple[sympy.Rational, sympy.Rational]] | None
STEP = 6.0  # seconds allowed for one sympy step (simplify, minimum, limit)


@dataclass
class Side:
    """One proved inequality about an extreme eigenvalue, and why it holds."""

    value: Any  # an exact sympy number, or ±oo
    why: str


@dataclass
class Spectrum:
    """Proved bounds: ``inf_lo ≤ inf λ_min ≤ inf_hi`` and ``sup_lo ≤ sup λ_max ≤ sup_hi``."""

    inf_lo: Side | None = None
    inf_hi: Side | None = None
    sup_lo: Side | None = None
    sup_hi: Side | None = None
    notes: list[str] = field(default_factory=list)

    def tighten(self, other: Spectrum) -> None:
        """Keep the sharper of each pair of proved bounds."""
        self.inf_lo = _pick(self.inf_lo, other.inf_lo, max)
        self.inf_hi = _pick(self.inf_hi, other.inf_hi, min)
        self.sup_lo = _pick(self.sup_lo, other.sup_lo, max)
        self.sup_hi = _pick(self.sup_hi, other.sup_hi, min)


def _pick(a: Side | None, b: Side | None, better: Any) -> Side | None:
    if a is None or b is None:
        return a or b
    return a if better(a.value, b.value, key=_key) is a.value else b


def _key(v: Any) -> float:
    return float("inf") if v == sympy.oo else float("-inf") if v == -sympy.oo else float(v)


def interval(dom: Domain, x: sympy.Symbol) -> sympy.Set:
    """The variable's range: ℝ, or its box interval."""
    if dom is None:
        return sympy.S.Reals
    lo, hi = dom[x]
    return sympy.Interval(lo, hi)


def tidy(v: Any) -> Any:
    """Resolve ``Min``/``Max`` of closed-form numbers that sympy left unevaluated: equal
    arguments (simplify proves it) or clearly ordered ones (50 digits apart) pick one."""
    if not isinstance(v, sympy.Basic) or not v.has(sympy.Min, sympy.Max):
        return v

    def pick(e: Any) -> Any:
        if not isinstance(e, sympy.Min | sympy.Max) or e.free_symbols:
            return e
        args = sorted(e.args, key=sympy.count_ops)
        best = args[0]
        for a in args[1:]:
            if attempt(STEP, lambda a=a, b=best: sympy.simplify(a - b)) == 0:
                continue
            d = (a - best).evalf(50)
            if not d.is_Number or abs(d) < sympy.Float("1e-40"):
                return e  # too close to call: keep the exact Min/Max
            if (d < 0) == isinstance(e, sympy.Min):
                best = a
        return best

    return v.replace(lambda e: isinstance(e, sympy.Min | sympy.Max), pick)


def finite_points(sol: Any) -> list[Any] | None:
    """The points of a solveset answer, or None when it is not a finite set (an interval,
    a ConditionSet, an image set: sympy could not list them)."""
    if sol is None:
        return None
    if sol is sympy.S.EmptySet:
        return []
    if isinstance(sol, sympy.FiniteSet):
        return [p for p in sol if p.is_real]
    return None


def where(dom: Domain) -> str:
    return "over ℝ" if dom is None else "over the box"


# ------------------------------------------------------------------ nonnegativity


def prove_nonneg(e: sympy.Expr, dom: Domain = None) -> str | None:
    """A reason why ``e ≥ 0`` everywhere on the domain, or ``None`` if sympy cannot show it."""
    e = sympy.sympify(e)
    if not e.free_symbols:
        return "a nonnegative constant" if bool(e >= 0) else None
    if dom is None and e.is_nonnegative:
        return "sympy's sign rules (sums and products of squares and positive terms)"
    for form in (
        attempt(STEP, lambda: sympy.factor(sympy.cancel(e))),
        attempt(STEP, lambda: sympy.simplify(e)),
    ):
        if form is not None and dom is None and form.is_nonnegative:
            return f"sympy's sign rules on `{sympy.sstr(form)}`"
    free = sorted(e.free_symbols, key=str)
    if len(free) == 1:
        x = free[0]
        if e.is_polynomial(x) and dom is None:
            return _poly_nonneg(sympy.Poly(e, x))
        m = attempt(STEP, lambda: minimum(e, x, interval(dom, x)))
        if m is not None and m.is_extended_real and bool(m >= 0):
            return f"its minimum {where(dom)} is {sympy.sstr(m)} (sympy)"
        return None
    if dom is None and e.is_polynomial(*free) and sympy.Poly(e, *free).total_degree() == 2:
        return _quadratic_nonneg(e, free)
    return None


def _poly_nonneg(p: sympy.Poly) -> str | None:
    """Exact: a real polynomial is ≥ 0 on ℝ iff it is positive somewhere and no real root
    has odd multiplicity."""
    if p.degree() <= 0:
        return "a nonnegative constant" if p.LC() >= 0 else None
    _, factors = p.sqf_list()
    for q, k in factors:
        if k % 2 == 1 and q.count_roots() > 0:
            return None
    x0 = next(v for v in itertools.count() if p.eval(v) != 0)
    if p.eval(x0) < 0:
        return None
    return "a polynomial with no real root of odd multiplicity (exact root count)"


def _quadratic_nonneg(e: sympy.Expr, xs: list[sympy.Symbol]) -> str | None:
    """Exact: a quadratic is ≥ 0 iff its Hessian is PSD and its minimum value is ≥ 0."""
    h = sympy.hessian(e, xs)
    eigs = list(h.eigenvals(multiple=True))
    if any(bool(v < 0) for v in eigs):
        return None
    sols = sympy.solve([sympy.diff(e, x) for x in xs], xs, dict=True)
    if not sols:
        return None  # a PSD quadratic without a critical point is unbounded below
    at = {x: sols[0].get(x, 0) for x in xs}
    val = sympy.simplify(e.subs(sols[0]).subs(at))
    if val.free_symbols or not bool(val >= 0):
        return None
    return f"a convex quadratic whose minimum is {sympy.sstr(val)}"


# ------------------------------------------------------------------ the spectrum


def spectrum(f: sympy.Expr, xs: list[sympy.Symbol], dom: Domain) -> Spectrum:
    """Proved bounds on the Hessian spectrum of ``f`` over the domain (see the module doc)."""
    h = sympy.hessian(f, xs)
    if not h.free_symbols:
        return _constant(h)
    blocks = separable_blocks(f, xs)
    if len(blocks) > 1:
        return _combine_blocks([(b, spectrum(g, b, dom)) for g, b in blocks], len(xs))
    if len(xs) == 1:
        return _one_dim(h[0, 0], xs[0], dom, "f''")
    ridge = ridge_form(f, xs)
    if ridge is not None:
        return _ridge(*ridge, xs, dom)
    terms = [t for t in sympy.Add.make_args(f) if sympy.hessian(t, xs) != sympy.zeros(len(xs))]
    if len(terms) == 1 and terms[0] != f:  # affine terms do not change the Hessian
        return spectrum(terms[0], xs, dom)
    out = Spectrum()
    if len(terms) > 1:
        out = _weyl([(t, spectrum(t, _vars(t, xs), dom), _vars(t, xs)) for t in terms], xs)
    if out.inf_lo is None or _key(out.inf_lo.value) < 0:
        why = _psd_by_minors(h, dom)
        if why is not None:
            out.tighten(Spectrum(inf_lo=Side(sympy.Integer(0), why)))
    return out


def _vars(t: sympy.Expr, xs: list[sympy.Symbol]) -> list[sympy.Symbol]:
    return [x for x in xs if x in t.free_symbols]


def _constant(h: sympy.Matrix) -> Spectrum:
    eigs = [sympy.nsimplify(v) for v in h.eigenvals(multiple=True)]
    eigs = [sympy.simplify(v) for v in eigs]
    lo, hi = min(eigs, key=_key), max(eigs, key=_key)
    why = "the Hessian is constant; its eigenvalues are exact"
    return Spectrum(Side(lo, why), Side(lo, why), Side(hi, why), Side(hi, why))


def _one_dim(h: sympy.Expr, x: sympy.Symbol, dom: Domain, label: str) -> Spectrum:
    """inf and sup of a second derivative over ℝ or an interval (exact when sympy finds them)."""
    s = attempt(STEP, lambda: sympy.simplify(h)) or h
    dom_x = interval(dom, x)
    out = Spectrum()
    # sympy's minimum and maximum are the inf and sup of one function_range: compute it once
    rng = attempt(2 * STEP, lambda: function_range(s, x, dom_x))
    lo = None if rng is None else tidy(attempt(STEP, lambda: rng.inf))
    if lo is not None and lo.is_extended_real:
        why = f"inf {label} = {sympy.sstr(lo)} {where(dom)} (sympy's minimum)"
        out.inf_lo = out.inf_hi = Side(lo, why)
    hi = None if rng is None else tidy(attempt(STEP, lambda: rng.sup))
    if hi is not None and hi.is_extended_real:
        why = f"sup {label} = {sympy.sstr(hi)} {where(dom)} (sympy's maximum)"
        out.sup_lo = out.sup_hi = Side(hi, why)
    if out.inf_lo is None:
        why = prove_nonneg(s, None if dom is None else {x: dom[x]})
        if why is not None:
            out.inf_lo = Side(sympy.Integer(0), f"{label} ≥ 0: {why}")
    return out


def separable_blocks(
    f: sympy.Expr, xs: list[sympy.Symbol]
) -> list[tuple[sympy.Expr, list[sympy.Symbol]]]:
    """Split ``f`` into sums over disjoint groups of variables (its Hessian's blocks)."""
    groups: list[tuple[list[sympy.Expr], set[sympy.Symbol]]] = []
    for t in sympy.Add.make_args(f):
        vs = t.free_symbols & set(xs)
        if not vs:
            continue
        hit = [g for g in groups if g[1] & vs]
        merged_terms = [t] + [u for g in hit for u in g[0]]
        merged_vars = set(vs).union(*(g[1] for g in hit)) if hit else set(vs)
        groups = [g for g in groups if g not in hit] + [(merged_terms, merged_vars)]
    return [(sympy.Add(*ts), [x for x in xs if x in vs]) for ts, vs in groups]


def _combine_blocks(parts: list[tuple[list[sympy.Symbol], Spectrum]], n: int) -> Spectrum:
    """Block-diagonal: inf λ_min is the least block's, sup λ_max the largest block's."""
    covered = sum(len(b) for b, _ in parts)
    zero = Side(sympy.Integer(0), "a variable the loss does not depend on")
    sides: list[tuple[list[Side | None], str]] = []
    for attr in ("inf_lo", "inf_hi", "sup_lo", "sup_hi"):
        vals = [getattr(s, attr) for _, s in parts]
        if covered < n:
            vals.append(zero)
        sides.append((vals, attr))
    out = Spectrum()
    for vals, attr in sides:
        known = [v for v in vals if v is not None]
        # inf_lo/sup_hi need every block; inf_hi/sup_lo need one block (it bounds the whole)
        pick = min if attr.startswith("inf") else max
        if attr in ("inf_lo", "sup_hi") and len(known) < len(vals):
            continue
        if not known:
            continue
        best = pick(known, key=lambda s: _key(s.value))
        setattr(out, attr, Side(best.value, f"block-diagonal Hessian (separable loss): {best.why}"))
    return out


def _weyl(
    parts: list[tuple[sympy.Expr, Spectrum, list[sympy.Symbol]]], xs: list[sympy.Symbol]
) -> Spectrum:
    """Weyl: λ_min(ΣH_i) ≥ Σ λ_min(H_i), λ_max(ΣH_i) ≤ Σ λ_max(H_i) (a term on fewer
    variables has the extra eigenvalue 0)."""
    out = Spectrum()
    lo_sum: Any = sympy.Integer(0)
    hi_sum: Any = sympy.Integer(0)
    for _t, s, vs in parts:
        pad = len(vs) < len(xs)
        if lo_sum is not None:
            lo_sum = (
                None
                if s.inf_lo is None
                else lo_sum + (sympy.Min(s.inf_lo.value, 0) if pad else s.inf_lo.value)
            )
        if hi_sum is not None:
            hi_sum = (
                None
                if s.sup_hi is None
                else hi_sum + (sympy.Max(s.sup_hi.value, 0) if pad else s.sup_hi.value)
            )
    why = "Weyl's inequality over the terms of the sum (a valid bound, possibly not the tightest)"
    if lo_sum is not None:
        out.inf_lo = Side(sympy.simplify(lo_sum), why)
    if hi_sum is not None:
        out.sup_hi = Side(sympy.simplify(hi_sum), why)
    return out


def _psd_by_minors(h: sympy.Matrix, dom: Domain) -> str | None:
    """Convexity: a symmetric matrix is PSD iff every principal minor is ≥ 0."""
    n = h.shape[0]
    if n > 3:
        return None
    for k in range(1, n + 1):
        for idx in itertools.combinations(range(n), k):
            m = h.extract(list(idx), list(idx)).det()
            if prove_nonneg(m, dom) is None:
                return None
    return "every principal minor of the Hessian is ≥ 0 (sympy)"


def ridge_form(
    f: sympy.Expr, xs: list[sympy.Symbol]
) -> tuple[sympy.Expr, sympy.Symbol, list[sympy.Expr]] | None:
    """``f = φ(aᵀw)``: returns ``(φ(z), z, a)`` when the gradient keeps one direction."""
    g = [sympy.diff(f, x) for x in xs]
    k0 = next((k for k, gk in enumerate(g) if gk != 0), None)
    if k0 is None:
        return None
    a: list[sympy.Expr] = []
    for gk in g:
        r = attempt(STEP, lambda gk=gk: sympy.simplify(gk / g[k0]))
        if r is None or r.free_symbols:
            return None
        a.append(r)
    names = {str(x) for x in xs}
    z = sympy.Symbol(next(n for n in ("z", "ζ", "z_") if n not in names), real=True)
    phi = f.subs({x: (z if k == k0 else 0) for k, x in enumerate(xs)}, simultaneous=True)
    return phi, z, a


def _ridge(
    phi: sympy.Expr, z: sympy.Symbol, a: list[sympy.Expr], xs: list[sympy.Symbol], dom: Domain
) -> Spectrum:
    """Eigenvalues of ``φ''(aᵀw) a aᵀ``: 0 (n-1 times) and ``φ''·‖a‖²``."""
    norm2 = sympy.simplify(sum(ai**2 for ai in a))
    zdom: Domain = None
    if dom is not None:
        lo = sum(min(ai * dom[x][0], ai * dom[x][1]) for ai, x in zip(a, xs, strict=True))
        hi = sum(max(ai * dom[x][0], ai * dom[x][1]) for ai, x in zip(a, xs, strict=True))
        zdom = {z: (lo, hi)}
    inner = _one_dim(sympy.diff(phi, z, 2), z, zdom, "φ''")
    form = " + ".join(f"{sympy.sstr(ai)}·{x}" for ai, x in zip(a, xs, strict=True))
    out = Spectrum()
    pre = f"f = φ(z) with z = {form}: eigenvalues 0 and φ''(z)·‖a‖² = φ''·{sympy.sstr(norm2)}; "
    for attr, pick in (
        ("inf_lo", sympy.Min),
        ("inf_hi", sympy.Min),
        ("sup_lo", sympy.Max),
        ("sup_hi", sympy.Max),
    ):
        s = getattr(inner, attr)
        if s is not None:
            setattr(out, attr, Side(sympy.simplify(pick(s.value * norm2, 0)), pre + s.why))
    return out


# ------------------------------------------------------------------ refutations


def rayleigh_at(
    h: sympy.Matrix,
    xs: list[sympy.Symbol],
    point: dict[sympy.Symbol, sympy.Rational],
    v: list[float],
) -> sympy.Expr | None:
    """The exact Rayleigh quotient ``vᵀH(p)v / vᵀv`` at a rational point (v rounded to rationals):
    a proved upper bound on λ_min(H(p)) and lower bound on λ_max(H(p))."""
    vr = sympy.Matrix([sympy.Rational(round(c * 1000), 1000) for c in v])
    if all(c == 0 for c in vr):
        return None
    m = h.subs(point)
    if m.free_symbols or m.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return None
    q = attempt(STEP, lambda: sympy.nsimplify((vr.T * m * vr)[0, 0] / (vr.T * vr)[0, 0]))
    return q if q is not None and q.is_real else None


def ray_limits(h: sympy.Matrix, xs: list[sympy.Symbol], want: str) -> Side | None:
    """Along a ray ``t·d`` (t → ∞), a diagonal entry ``∂²f/∂w_j²`` bounds λ_min from above and
    λ_max from below: ``want='sup'`` looks for +∞ (not smooth), ``'inf'`` for a limit ≤ 0."""
    t = sympy.Symbol("t", positive=True)
    n = len(xs)
    dirs: list[tuple[int, ...]] = []
    for k in range(n):
        dirs += [tuple(int(j == k) for j in range(n)), tuple(-int(j == k) for j in range(n))]
    dirs += [tuple([1] * n), tuple([-1] * n)]
    for d in dirs:
        sub = {x: di * t for x, di in zip(xs, d, strict=True)}
        for j, xj in enumerate(xs):
            e = h[j, j].subs(sub)
            lim = attempt(STEP, lambda e=e: sympy.limit(e, t, sympy.oo))
            if lim is None or not lim.is_extended_real:
                continue
            ray = "(" + ", ".join({0: "0", 1: "t", -1: "-t"}[di] for di in d) + ")"
            if want == "sup" and lim == sympy.oo:
                return Side(sympy.oo, f"∂²f/∂{xj}² → ∞ along w = {ray}, t → ∞ (sympy limit)")
            if want == "inf" and bool(lim <= 0):
                return Side(
                    lim, f"∂²f/∂{xj}² → {sympy.sstr(lim)} along w = {ray}, t → ∞ (sympy limit)"
                )
    return None
