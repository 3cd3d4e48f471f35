"""Non-smooth losses (``abs``, ``max``/``min``, ``relu``, ``Heaviside``, ``sign``, ``Piecewise``).

Differentiating ``abs(w)`` gives ``sign(w)`` and then ``DiracDelta(w)``: a Hessian that says
nothing about the kink. The library's assumptions quantify over a function ``g`` that plays
the gradient, and at a kink the question becomes whether *some* ``g`` works:

- along any line through a point ``p`` in direction ``d``, with one-sided derivatives
  ``D₊ = f'(p; d)`` and ``D₋ = f'(p; -d)``: ``Smooth`` forces ``D₊ + D₋ ≤ 0`` and
  ``Convex`` forces ``D₊ + D₋ ≥ 0`` (put ``y = p ± t d`` in each inequality, t → 0⁺). So
  an upward kink (``D₊ + D₋ > 0``, as in ``|w|`` at 0) refutes smoothness for every ``g``
  and ``L``, a downward kink refutes convexity, and a jump refutes both;
- in one variable the loss splits into smooth pieces between finitely many breakpoints, and
  the verdicts are exact: convex iff every piece is convex and every kink bends upwards
  (then ``g`` at a kink is any subgradient); ``Smooth L`` iff ``L/2·w² − f`` is convex, i.e.
  every piece has ``f'' ≤ L`` and every kink bends downwards; ``StrongConvex μ`` iff every
  piece has ``f'' ≥ μ`` and every kink bends upwards;
- in several variables, convexity is proved by composition rules (:func:`dcp`): affine maps,
  ``abs``/``max`` of convex terms, even powers of affine maps, softplus, ``exp``, sums and
  positive multiples.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy

from axiomdl.compute.budget import attempt
from axiomdl.compute.exact import STEP, finite_points

NONSMOOTH = (sympy.Abs, sympy.Max, sympy.Min, sympy.Heaviside, sympy.sign, sympy.Piecewise)


def is_nonsmooth(f: sympy.Expr) -> bool:
    return bool(f.has(*NONSMOOTH))


def switches(f: sympy.Expr) -> list[sympy.Expr]:
    """The expressions whose zero sets are where ``f`` may have a kink or a jump."""
    out: list[sympy.Expr] = []
    for a in sympy.preorder_traversal(f):
        if isinstance(a, sympy.Abs | sympy.Heaviside | sympy.sign):
            out.append(a.args[0])
        elif isinstance(a, sympy.Max | sympy.Min):
            out += [p - q for p, q in itertools.combinations(a.args, 2)]
        elif isinstance(a, sympy.Piecewise):
            for _e, c in a.args:
                out += [r.lhs - r.rhs for r in c.atoms(sympy.core.relational.Relational)]
    seen: list[sympy.Expr] = []
    for s in out:
        if s.free_symbols and all(
            sympy.simplify(s - t) != 0 and sympy.simplify(s + t) != 0 for t in seen
        ):
            seen.append(s)
    return seen


def branch(f: sympy.Expr, point: dict[sympy.Symbol, Any]) -> sympy.Expr:
    """The smooth expression equal to ``f`` near ``point`` (where no switch is zero)."""
    if isinstance(f, sympy.Piecewise):
        for e, c in f.args:
            if bool(c.subs(point)):
                return branch(e, point)
        return f
    if not f.args or f.is_Atom:
        return f
    args = [branch(a, point) for a in f.args]
    if isinstance(f, sympy.Abs):
        return args[0] if bool(args[0].subs(point) >= 0) else -args[0]
    if isinstance(f, sympy.Max | sympy.Min):
        vals = [a.subs(point) for a in args]
        pick = max if isinstance(f, sympy.Max) else min
        return args[vals.index(pick(vals, key=lambda v: float(v)))]
    if isinstance(f, sympy.Heaviside):
        return sympy.Integer(1 if bool(args[0].subs(point) > 0) else 0)
    if isinstance(f, sympy.sign):
        return sympy.Integer(1 if bool(args[0].subs(point) > 0) else -1)
    return f.func(*args)


def almost_everywhere(f: sympy.Expr) -> sympy.Expr:
    """``f`` as a Piecewise, so that derivatives are taken piece by piece (no DiracDelta)."""
    return f.rewrite(sympy.Piecewise) if is_nonsmooth(f) else f


# ------------------------------------------------------------------ one variable, exactly


@dataclass
class Piece:
    """``f`` equals the smooth ``expr`` on the open interval ``(lo, hi)``."""

    lo: Any
    hi: Any
    expr: sympy.Expr


@dataclass
class Kink:
    """A breakpoint: the value there, the one-sided limits, the one-sided slopes."""

    at: Any
    value: Any
    left: Any
    right: Any
    slope_left: Any
    slope_right: Any

    @property
    def continuous(self) -> bool:
        return bool(sympy.simplify(self.left - self.value) == 0) and bool(
            sympy.simplify(self.right - self.value) == 0
        )

    @property
    def bend(self) -> int:
        """+1 upward (``|w|``), -1 downward (``-|w|``), 0 differentiable."""
        d = sympy.simplify(self.slope_right - self.slope_left)
        return 0 if d == 0 else (1 if bool(d > 0) else -1)


def inside_point(a: Any, b: Any) -> sympy.Rational:
    """A rational point strictly between a and b (either may be infinite)."""
    if a == -sympy.oo and b == sympy.oo:
        return sympy.Integer(0)
    if a == -sympy.oo:
        return sympy.floor(b) - 1
    if b == sympy.oo:
        return sympy.ceiling(a) + 1
    m = sympy.nsimplify(round(float((a + b) / 2), 9), rational=True)
    return m if bool(a < m) and bool(m < b) else sympy.nsimplify((a + b) / 2)


def pieces_1d(
    f: sympy.Expr, x: sympy.Symbol, lo: Any = -sympy.oo, hi: Any = sympy.oo
) -> tuple[list[Piece], list[Kink]] | None:
    """Split a one-variable non-smooth ``f`` on ``(lo, hi)`` at its breakpoints (exact), or
    ``None`` when sympy cannot list them (e.g. infinitely many, as for ``abs(sin w)``)."""
    pts: set[Any] = set()
    for s in switches(f):
        sol = finite_points(
            attempt(STEP, lambda s=s: sympy.solveset(s, x, domain=sympy.Interval(lo, hi)))
        )
        if sol is None:
            return None
        pts |= {p for p in sol if bool(lo < p) and bool(p < hi)}
    bounds = [lo, *sorted(pts, key=float), hi]
    pieces = [
        Piece(a, b, branch(f, {x: inside_point(a, b)})) for a, b in itertools.pairwise(bounds)
    ]
    kinks = []
    for k, c in enumerate(bounds[1:-1]):
        left, right = pieces[k].expr, pieces[k + 1].expr
        kinks.append(
            Kink(
                at=c,
                value=sympy.simplify(f.subs(x, c)),
                left=sympy.simplify(left.subs(x, c)),
                right=sympy.simplify(right.subs(x, c)),
                slope_left=sympy.simplify(sympy.diff(left, x).subs(x, c)),
                slope_right=sympy.simplify(sympy.diff(right, x).subs(x, c)),
            )
        )
    return pieces, kinks


# ------------------------------------------------------------------ several variables


@dataclass
class KinkWitness:
    """A point and direction where ``f`` bends (or jumps), with the one-sided slopes."""

    point: dict[sympy.Symbol, Any]
    direction: list[Any]
    slope_plus: Any
    slope_minus: Any
    jump: bool

    def where(self) -> str:
        pts = sorted(self.point.items(), key=lambda kv: kv[0].sort_key())
        return "(" + ", ".join(f"{k}={sympy.sstr(v)}" for k, v in pts) + ")"


def probe_kinks(
    f: sympy.Expr, xs: list[sympy.Symbol]
) -> tuple[KinkWitness | None, KinkWitness | None]:
    """Exact witnesses of an upward kink or jump (refutes smoothness) and of a downward kink
    or jump (refutes convexity), found on the switch surfaces ``s = 0``."""
    up: KinkWitness | None = None
    down: KinkWitness | None = None
    t = sympy.Symbol("t", positive=True)
    for s in switches(f):
        free = [x for x in xs if x in s.free_symbols]
        if not free:
            continue
        v = free[0]
        for base in (1, -1, 2, sympy.Rational(1, 2), -2, 3):
            rest = {x: sympy.sympify(base) for x in xs if x != v}
            sol = finite_points(
                attempt(
                    STEP, lambda rest=rest, s=s, v=v: sympy.solveset(s.subs(rest), v, sympy.S.Reals)
                )
            )
            for c in (sol or [])[:2]:
                w = _witness(f, xs, {**rest, v: c}, s, t)
                if w is None:
                    continue
                total = w.slope_plus + w.slope_minus
                if up is None and (w.jump or bool(total > 0)):
                    up = w
                if down is None and (w.jump or bool(total < 0)):
                    down = w
            if up is not None and down is not None:
                return up, down
    return up, down


def _witness(
    f: sympy.Expr,
    xs: list[sympy.Symbol],
    p: dict[sympy.Symbol, Any],
    s: sympy.Expr,
    t: sympy.Symbol,
) -> KinkWitness | None:
    d = [sympy.simplify(sympy.diff(s, x).subs(p)) for x in xs]
    if all(di == 0 for di in d) or any(not di.is_real for di in d):
        return None
    f0 = f.subs(p)
    plus = f.subs({x: p[x] + t * di for x, di in zip(xs, d, strict=True)}, simultaneous=True)
    minus = f.subs({x: p[x] - t * di for x, di in zip(xs, d, strict=True)}, simultaneous=True)
    vals = []
    for g in (plus, minus):
        lim_f = attempt(STEP / 2, lambda g=g: sympy.limit(g, t, 0, "+"))
        slope = attempt(STEP / 2, lambda g=g: sympy.limit((g - f0) / t, t, 0, "+"))
        if lim_f is None or slope is None or not f0.is_real:
            return None
        vals.append((lim_f, slope))
    jump = any(sympy.simplify(lim - f0) != 0 for lim, _ in vals)
    if not jump and any(not sl.is_real for _, sl in vals):
        return None
    return KinkWitness(p, d, vals[0][1], vals[1][1], jump)


# ------------------------------------------------------------------ convexity by composition


def dcp(e: sympy.Expr) -> str | None:
    """Curvature by composition rules: ``affine``, ``convex``, ``concave`` or ``None``."""
    if not e.free_symbols:
        return "affine"
    if e.is_polynomial() and sympy.Poly(e, *sorted(e.free_symbols, key=str)).total_degree() <= 1:
        return "affine"
    if isinstance(e, sympy.Add):
        kinds = {dcp(a) for a in e.args}
        if None in kinds or {"convex", "concave"} <= kinds:
            return None
        return "convex" if "convex" in kinds else "concave" if "concave" in kinds else "affine"
    if isinstance(e, sympy.Mul):
        consts = [a for a in e.args if not a.free_symbols]
        rest = [a for a in e.args if a.free_symbols]
        if len(rest) != 1:
            return None
        inner = dcp(rest[0])
        c = sympy.Mul(*consts)
        if inner in (None, "affine") or c == 0:
            return inner
        return inner if bool(c > 0) else {"convex": "concave", "concave": "convex"}[inner]
    if isinstance(e, sympy.Pow) and not e.exp.free_symbols:
        b, p = e.base, e.exp
        kind = dcp(b)
        if p == 1:
            return kind
        if kind == "affine" and p.is_integer and p.is_even and bool(p > 0):
            return "convex"
        if kind in ("convex", "affine") and bool(p >= 1) and _nonneg(b):
            return "convex"
        if p == sympy.Rational(1, 2) and _norm_like(b):
            return "convex"
        return None
    if isinstance(e, sympy.Abs):
        return "convex" if dcp(e.args[0]) == "affine" else None
    if isinstance(e, sympy.Max):
        return "convex" if all(dcp(a) in ("affine", "convex") for a in e.args) else None
    if isinstance(e, sympy.Min):
        return "concave" if all(dcp(a) in ("affine", "concave") for a in e.args) else None
    if isinstance(e, sympy.exp):
        return "convex" if dcp(e.args[0]) in ("affine", "convex") else None
    if isinstance(e, sympy.log) and _log_sum_exp(e.args[0]):
        return "convex"
    return None


def _nonneg(b: sympy.Expr) -> bool:
    if b.is_nonnegative or isinstance(b, sympy.Abs):
        return True
    return isinstance(b, sympy.Max) and any(a.is_nonnegative for a in b.args)


def _norm_like(b: sympy.Expr) -> bool:
    """``Σ (affine)² + c`` with ``c ≥ 0``: its square root is a Euclidean norm, convex."""
    for a in sympy.Add.make_args(b):
        if not a.free_symbols:
            if not bool(a >= 0):
                return False
        elif not (isinstance(a, sympy.Pow) and a.exp == 2 and dcp(a.base) == "affine"):
            c, rest = a.as_coeff_Mul()
            if not (
                bool(c > 0)
                and isinstance(rest, sympy.Pow)
                and rest.exp == 2
                and dcp(rest.base) == "affine"
            ):
                return False
    return True


def _log_sum_exp(b: sympy.Expr) -> bool:
    """``log(Σ cᵢ exp(aᵢ))`` with ``cᵢ > 0`` and affine ``aᵢ`` (softplus, log-sum-exp)."""
    for a in sympy.Add.make_args(b):
        c, rest = a.as_coeff_Mul()
        if not bool(c > 0):
            return False
        if rest == 1:
            continue
        if not (isinstance(rest, sympy.exp) and dcp(rest.args[0]) == "affine"):
            return False
    return True
