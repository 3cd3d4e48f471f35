"""Which landscape assumptions does a concrete loss satisfy, and with which constants?

Two kinds of answer, never mixed up:

- **proved** (symbolic): sympy shows the property with its quantifier over the whole domain
  (ℝⁿ, or the ``--box`` the user asked about), or refutes it with an exact witness (a point,
  a kink, a limit along a ray). See :mod:`~axiomdl.compute.exact` (Hessian spectrum),
  :mod:`~axiomdl.compute.kinks` (non-smooth losses) and :mod:`~axiomdl.compute.optimum`
  (``f*`` and PL).
- **estimated on a box**: what a grid over a named box shows (:mod:`~axiomdl.compute.sampling`).
  An estimate is never reported as holding globally, and PL from a grid is never "yes".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

from axiomdl.compute.budget import attempt, bounded
from axiomdl.compute.exact import (
    STEP,
    Domain,
    Side,
    Spectrum,
    prove_nonneg,
    ray_limits,
    rayleigh_at,
    spectrum,
    tidy,
)
from axiomdl.compute.kinks import (
    Kink,
    KinkWitness,
    Piece,
    almost_everywhere,
    branch,
    dcp,
    is_nonsmooth,
    pieces_1d,
    probe_kinks,
    switches,
)
from axiomdl.compute.optimum import Fact, Optimum, optimum, pl_fact, show
from axiomdl.compute.sampling import (
    Box,
    GridStats,
    exact_point,
    pl_ratio_min,
    sample,
    show_box,
    show_point,
    undefined_point,
)
from axiomdl.errors import AxiomdlError

_ALLOWED_FUNCS: dict[str, Any] = {
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
    "relu": lambda x: sympy.Max(x, 0),
    "Heaviside": sympy.Heaviside,
    "sign": sympy.sign,
    "Piecewise": sympy.Piecewise,
    "pi": sympy.pi,
    "E": sympy.E,
}
DEFAULT_BOX = (-2.0, 2.0)
TOL = 1e-9
MAX_EXPONENT = 100
PHASE = 20.0  # seconds for each exact phase (curvature, f*, PL); each sympy step has STEP


@dataclass
class Estimate:
    """What the grid over the sampling box shows (never a proof)."""

    holds: bool | None
    value: float | None
    why: str
    ref: Any = None  # for PL: the f* the ratio was taken against (exact, or a float)


@dataclass
class Verdict:
    """One property: the proved fact over the domain, and the estimate on the box."""

    name: str
    fact: Fact
    estimate: Estimate | None = None


@dataclass
class LossAnalysis:
    """Everything ``check-loss`` found about one loss."""

    expr: sympy.Expr
    vars: list[sympy.Symbol]
    box: Box | None  # the user's --box: the domain of the question
    sample_box: Box  # where the grid is (the user's box, or the default box)
    hessian: sympy.Matrix
    nonsmooth: bool = False
    optimum: Optimum = field(default_factory=Optimum)
    est_fstar: tuple[float, dict[str, float]] | None = None
    verdicts: dict[str, Verdict] = field(default_factory=dict)

    @property
    def space(self) -> str:
        return "ℝ" if len(self.vars) == 1 else f"ℝ^{len(self.vars)}"

    @property
    def domain(self) -> str:
        if self.box is None:
            return f"{self.space} (global)"
        return f"the box {show_box(self.box)}"

    @property
    def sample_text(self) -> str:
        return show_box(self.sample_box) + ("" if self.box else " (default box)")

    def proved(self, name: str) -> bool:
        return self.verdicts[name].fact.holds is True


def parse_loss(text: str, var_names: list[str]) -> tuple[sympy.Expr, list[sympy.Symbol]]:
    """Parse a sympy expression over the declared variables; reject anything else."""
    if not var_names:
        raise AxiomdlError("--vars is empty: name the parameters, e.g. --vars w1,w2")
    for v in var_names:
        if not v.isidentifier() or v in _ALLOWED_FUNCS or not v.isascii():
            raise AxiomdlError(
                f"--vars: `{v}` is not a usable variable name (use ASCII: w, w1, x_2)"
            )
    if "__" in text or ";" in text or "lambda" in text or re.search(r"\.\s*[A-Za-z_]", text):
        raise AxiomdlError(f"cannot parse loss `{text}`")
    for name in re.findall(r"([A-Za-z_]\w*)\s*\(", text):
        if name not in _ALLOWED_FUNCS:
            known = ", ".join(k for k in _ALLOWED_FUNCS if k not in ("pi", "E"))
            raise AxiomdlError(f"unknown function `{name}` in the loss (known: {known})")
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
                "Function": sympy.Function,
            },
            transformations=(*standard_transformations, convert_xor),
            evaluate=True,
        )
    except Exception as e:  # sympy raises SyntaxError, TypeError, TokenError, ...
        raise AxiomdlError(f"cannot parse loss `{text}`: {type(e).__name__}: {e}") from None
    if not isinstance(expr, sympy.Expr) or isinstance(expr, sympy.core.relational.Relational):
        raise AxiomdlError(f"`{text}` is not a real-valued expression")
    unknown = sorted(str(s) for s in expr.free_symbols if s not in syms)
    if unknown:
        raise AxiomdlError(
            f"unknown variable(s) {', '.join(unknown)} in the loss (declared with --vars: "
            f"{', '.join(var_names)})"
        )
    if expr.has(sympy.I) or expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise AxiomdlError(f"`{text}` is not a real-valued expression")
    big = [p for p in expr.atoms(sympy.Pow) if p.exp.is_Number and abs(p.exp) > MAX_EXPONENT]
    if big:
        raise AxiomdlError(
            f"`{sympy.sstr(big[0])}`: exponents above {MAX_EXPONENT} are not analysed "
            "(the exact Hessian would carry numbers of thousands of digits)"
        )
    if expr.atoms(sympy.Float) and any(
        not sympy.Float(x).is_finite for x in expr.atoms(sympy.Float)
    ):
        raise AxiomdlError(f"`{text}` has a number too large to be real")
    return sympy.nsimplify(expr, rational=True) if expr.atoms(sympy.Float) else expr, syms


def parse_box(spec: str | None, var_names: list[str]) -> Box | None:
    """``w1=-2:2,w2=0:1`` → bounds per variable (missing ones get the default box)."""
    if not spec:
        return None
    out: Box = {}
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
        if not (abs(lo) < 1e12 and abs(hi) < 1e12):
            raise AxiomdlError(f"--box: `{part}` has a bound beyond ±10¹²")
        if not lo < hi:
            raise AxiomdlError(f"--box: empty interval for `{name}` ({lo:g} ≥ {hi:g})")
        out[name] = (lo, hi)
    if not out:
        return None
    for v in var_names:
        out.setdefault(v, DEFAULT_BOX)
    return out


def _exact_box(box: Box | None, syms: list[sympy.Symbol]) -> Domain:
    if box is None:
        return None
    return {s: tuple(sympy.nsimplify(v, rational=True) for v in box[str(s)]) for s in syms}  # type: ignore[misc]


# ------------------------------------------------------------------ domain of definition


def _check_defined(
    expr: sympy.Expr, syms: list[sympy.Symbol], dom: Domain, sample_box: Box
) -> None:
    """The library's losses are total functions ``V → K``: the loss must be a finite real
    number everywhere on the domain (exit 2 otherwise, naming a point or the culprit)."""
    where = "ℝ" + (f"^{len(syms)}" if len(syms) > 1 else "") if dom is None else "the box"
    bad = undefined_point(expr, syms, sample_box)
    if bad is not None:
        raise AxiomdlError(
            f"the loss is not a finite real number at {show(bad)}, so it is not a loss on "
            f"{where}" + ("; pass --box to restrict the domain" if dom is None else "")
        )
    for need, arg in _requirements(expr):
        if not _proved(need, arg, dom):
            raise AxiomdlError(
                f"cannot show that the loss is defined on all of {where}: it needs "
                f"`{sympy.sstr(arg)}` {need} 0, which sympy cannot prove"
                + ("; pass --box to restrict the domain" if dom is None else "")
            )


def _requirements(expr: sympy.Expr) -> list[tuple[str, sympy.Expr]]:
    out: list[tuple[str, sympy.Expr]] = []
    for a in sympy.preorder_traversal(expr):
        if isinstance(a, sympy.log):
            out.append((">", a.args[0]))
        elif isinstance(a, sympy.Pow) and a.base.free_symbols:
            p = a.exp
            if p.free_symbols:
                out.append((">", a.base))
            elif not p.is_integer:
                out.append((">" if p.is_negative else "≥", a.base))
            elif p.is_negative:
                out.append(("≠", a.base))
    return out


def _proved(need: str, arg: sympy.Expr, dom: Domain) -> bool:
    if (need == ">" and arg.is_positive) or (need == "≥" and arg.is_nonnegative):
        return True
    if need == "≠" and (arg.is_positive or arg.is_negative):
        return True
    free = sorted(arg.free_symbols, key=str)
    if len(free) == 1:
        from sympy.calculus.util import minimum

        x = free[0]
        rng = sympy.S.Reals if dom is None else sympy.Interval(*dom[x])
        m = attempt(STEP, lambda: minimum(arg if need != "≠" else arg**2, x, rng))
        if m is not None and m.is_extended_real:
            return bool(m > 0) if need in (">", "≠") else bool(m >= 0)
    if need == "≥":
        return prove_nonneg(arg, dom) is not None
    return False


# ------------------------------------------------------------------ the analysis


def analyse(
    expr: sympy.Expr, syms: list[sympy.Symbol], box: Box | None, grid: int = 4000
) -> LossAnalysis:
    """Decide (or estimate) convexity, smoothness, strong convexity, f* and PL for one loss."""
    names = [str(s) for s in syms]
    dom = _exact_box(box, syms)
    sample_box = box or {n: DEFAULT_BOX for n in names}
    _check_defined(expr, syms, dom, sample_box)
    ns = is_nonsmooth(expr)
    ae = almost_everywhere(expr)
    la = LossAnalysis(expr, syms, box, sample_box, sympy.hessian(ae, syms), nonsmooth=ns)
    st, fn, gfn = sample(ae, syms, sample_box, grid)
    late = Fact(None, why="sympy ran out of time (the estimate below is all there is)")
    if not ns:
        convex, smooth, strong = bounded(
            PHASE, lambda: _smooth_facts(expr, syms, dom, st), (late,) * 3
        )
        pieces: list[Piece] | None = None
    else:
        convex, smooth, strong, pieces = bounded(
            PHASE, lambda: _kinked_facts(expr, syms, dom, st), (late, late, late, None)
        )
    guesses = [exact_point(syms, st.f_min_at)]
    la.optimum = bounded(
        PHASE,
        lambda: optimum(expr, syms, dom, convex.holds, pieces, guesses),
        Optimum(why="sympy ran out of time"),
    )
    if ns and len(syms) > 1:
        pl = Fact(None, why="not decided by sympy for a non-smooth loss in several variables")
    else:
        pl = bounded(PHASE, lambda: pl_fact(expr, syms, dom, la.optimum, strong, pieces), late)
    la.est_fstar = (st.f_min, dict(zip(names, st.f_min_at, strict=True)))
    box_txt = la.sample_text
    la.verdicts["convex"] = Verdict(
        "convex", convex, _estimate_convex(convex, st, names, sample_box)
    )
    la.verdicts["smooth"] = Verdict(
        "smooth", smooth, _estimate_smooth(smooth, st, names, sample_box)
    )
    la.verdicts["strongly_convex"] = Verdict(
        "strongly_convex", strong, _estimate_strong(strong, st, sample_box)
    )
    la.verdicts["pl"] = Verdict("pl", pl, _estimate_pl(la, pl, st, names, gfn, fn))
    for v in la.verdicts.values():
        if v.estimate is not None:
            v.estimate.why = f"on {box_txt}: {v.estimate.why}"
    return la


def _smooth_with(sup: Any, why: str) -> Fact:
    """``Smooth … L`` needs ``0 < L`` (its ``pos`` field) and ``L ≥ sup λ_max``: the proved
    constant is the sup when positive; otherwise every ``L > 0`` works and none is singled
    out (no theorem is listed from it)."""
    if bool(sup > 0):
        return Fact(True, sup, why)
    return Fact(True, None, f"{why}; sup λ_max ≤ 0, so Smooth holds for every L > 0")


def _facts_from_spectrum(s: Spectrum) -> tuple[Fact, Fact, Fact]:
    def val(side: Side | None) -> float | None:
        if side is None:
            return None
        return (
            float("inf")
            if side.value == sympy.oo
            else float("-inf")
            if side.value == -sympy.oo
            else float(side.value)
        )

    lo, lo_up, hi_low, hi = val(s.inf_lo), val(s.inf_hi), val(s.sup_lo), val(s.sup_hi)
    if lo is not None and lo >= 0:
        convex = Fact(True, None, s.inf_lo.why)  # type: ignore[union-attr]
    elif lo_up is not None and lo_up < 0:
        convex = Fact(False, None, s.inf_hi.why)  # type: ignore[union-attr]
    else:
        convex = Fact(None, why="sympy cannot bound the Hessian's least eigenvalue")
    if hi is not None and hi < float("inf"):
        smooth = _smooth_with(s.sup_hi.value, s.sup_hi.why)  # type: ignore[union-attr]
    elif hi_low == float("inf"):
        smooth = Fact(False, None, f"sup λ_max(∇²f) = ∞: {s.sup_lo.why}")  # type: ignore[union-attr]
    else:
        smooth = Fact(None, why="sympy cannot bound the Hessian's largest eigenvalue")
    if lo is not None and lo > 0:
        strong = Fact(True, s.inf_lo.value, s.inf_lo.why)  # type: ignore[union-attr]
    elif lo_up is not None and lo_up <= 0:
        strong = Fact(False, None, f"inf λ_min(∇²f) ≤ {sympy.sstr(s.inf_hi.value)}: {s.inf_hi.why}")  # type: ignore[union-attr]
    else:
        strong = Fact(None, why="sympy cannot bound the Hessian's least eigenvalue from below")
    return convex, smooth, strong


def _smooth_facts(
    expr: sympy.Expr, syms: list[sympy.Symbol], dom: Domain, st: GridStats
) -> tuple[Fact, Fact, Fact]:
    s = bounded(PHASE / 2, lambda: spectrum(expr, syms, dom), Spectrum())
    h = sympy.hessian(expr, syms)
    _grid_witnesses(s, h, syms, st)
    if dom is None and (s.sup_hi is None and s.sup_lo is None):
        side = ray_limits(h, syms, "sup")
        if side is not None:
            s.sup_lo = side
    if dom is None and s.inf_hi is None and (s.inf_lo is None or float(s.inf_lo.value) <= 0):
        side = ray_limits(h, syms, "inf")
        if side is not None:
            s.inf_hi = side
    convex, smooth, strong = _facts_from_spectrum(s)
    if convex.holds is None and dcp(expr) in ("convex", "affine"):
        convex = Fact(
            True, None, "convex by composition rules (affine maps, norms, softplus, sums)"
        )
    return convex, smooth, strong


def _grid_witnesses(s: Spectrum, h: sympy.Matrix, syms: list[sympy.Symbol], st: GridStats) -> None:
    """Exact Rayleigh quotients at the grid's extreme points: a negative curvature refutes
    convexity exactly; a large one bounds sup λ_max from below."""
    if st.lam_min < -TOL and (s.inf_hi is None or float(s.inf_hi.value) >= 0):
        at = exact_point(syms, st.lam_min_at)
        q = rayleigh_at(h, syms, at, st.lam_min_vec)
        if q is not None and bool(q < 0):
            s.inf_hi = Side(q, f"vᵀ∇²f v / ‖v‖² = {sympy.sstr(q)} < 0 at {show(at)} (exact)")


def _kinked_facts(
    expr: sympy.Expr, syms: list[sympy.Symbol], dom: Domain, st: GridStats
) -> tuple[Fact, Fact, Fact, list[Piece] | None]:
    if len(syms) == 1:
        x = syms[0]
        lo, hi = (-sympy.oo, sympy.oo) if dom is None else dom[x]
        split = pieces_1d(expr, x, lo, hi)
        if split is not None:
            return (*_piece_facts(*split, x), split[0])
    up, down = probe_kinks(expr, syms)
    if down is not None:
        convex = _kink_fact(down, "bends downward", "< 0", "")
    elif dcp(expr) in ("convex", "affine"):
        convex = Fact(
            True,
            None,
            "convex by composition rules (abs/max of affine maps, norms, sums); "
            "g at a kink: any subgradient",
        )
    else:
        convex = _refute_convex_on_piece(expr, syms, st)
    if up is not None:
        smooth = _kink_fact(
            up,
            "is not differentiable",
            "> 0",
            ": no g and L give the quadratic upper bound there; smoothness does not hold",
        )
    else:
        smooth = Fact(None, why="sympy cannot decide smoothness for this non-smooth loss")
    strong = (
        Fact(False, None, "it is not convex", convex.at)
        if convex.holds is False
        else Fact(None, why="sympy cannot bound the curvature of this non-smooth loss from below")
    )
    return convex, smooth, strong, None


def _kink_fact(w: KinkWitness, what: str, sign: str, tail: str) -> Fact:
    """A refutation at a kink (or a jump) found by :func:`probe_kinks`."""
    return Fact(
        False,
        None,
        f"f {'jumps' if w.jump else what} at {w.where()} (one-sided slopes "
        f"{sympy.sstr(w.slope_plus)} and {sympy.sstr(w.slope_minus)} add up to {sign}){tail}",
        _floats(w.point),
    )


def _floats(pt: dict[sympy.Symbol, Any]) -> dict[str, float]:
    return {str(k): float(v) for k, v in pt.items()}


def _refute_convex_on_piece(expr: sympy.Expr, syms: list[sympy.Symbol], st: GridStats) -> Fact:
    """A negative curvature strictly inside a smooth piece (no switch is zero there, so f
    equals one smooth branch around the point) refutes convexity exactly."""
    if st.lam_min >= -TOL:
        return Fact(None, why="sympy cannot decide convexity for this non-smooth loss")
    sw = switches(expr)
    for nudge in (0, sympy.Rational(1, 1000), sympy.Rational(-1, 997)):
        at = {x: v + nudge for x, v in exact_point(syms, st.lam_min_at).items()}
        if any(s.subs(at) == 0 for s in sw):
            continue  # on a kink: a branch's Hessian says nothing there
        q = attempt(
            STEP,
            lambda at=at: rayleigh_at(
                sympy.hessian(branch(expr, at), syms), syms, at, st.lam_min_vec
            ),
        )
        if q is not None and bool(q < 0):
            return Fact(
                False,
                None,
                f"vᵀ∇²f v / ‖v‖² = {sympy.sstr(q)} < 0 at {show(at)} (exact)",
                _floats(at),
            )
    return Fact(None, why="sympy cannot decide convexity for this non-smooth loss")


def _piece_facts(
    pieces: list[Piece], kinks: list[Kink], x: sympy.Symbol
) -> tuple[Fact, Fact, Fact]:
    """Exact verdicts for a one-variable loss made of smooth pieces (see kinks.py)."""
    from sympy.calculus.util import maximum, minimum

    jumps = [k for k in kinks if not k.continuous]
    ups = [k for k in kinks if k.continuous and k.bend > 0]
    downs = [k for k in kinks if k.continuous and k.bend < 0]
    infs: list[Any] = []
    sups: list[Any] = []
    for p in pieces:
        h = sympy.diff(p.expr, x, 2)
        rng = sympy.Interval(p.lo, p.hi)
        infs.append(tidy(attempt(STEP, lambda h=h, rng=rng: minimum(h, x, rng))))
        sups.append(tidy(attempt(STEP, lambda h=h, rng=rng: maximum(h, x, rng))))

    def at(k: Kink) -> str:
        return f"{x} = {sympy.sstr(k.at)}"

    def slopes(k: Kink) -> str:
        return f"slope {sympy.sstr(k.slope_left)} on the left, {sympy.sstr(k.slope_right)} on the right"

    known_inf = all(v is not None and v.is_extended_real for v in infs)
    known_sup = all(v is not None and v.is_extended_real for v in sups)
    if jumps:
        bad = f"f jumps at {at(jumps[0])} (from {sympy.sstr(jumps[0].left)} to {sympy.sstr(jumps[0].right)})"
        pt = {str(x): float(jumps[0].at)}
        return (
            Fact(False, None, bad, pt),
            Fact(False, None, bad + "; smoothness does not hold", pt),
            Fact(False, None, bad, pt),
        )
    neg = [
        (p, v)
        for p, v in zip(pieces, infs, strict=True)
        if v is not None and v.is_extended_real and bool(v < 0)
    ]
    if downs:
        convex = Fact(
            False,
            None,
            f"f bends downward at {at(downs[0])} ({slopes(downs[0])})",
            {str(x): float(downs[0].at)},
        )
    elif neg:
        convex = Fact(
            False,
            None,
            f"f'' reaches {sympy.sstr(neg[0][1])} < 0 on ({sympy.sstr(neg[0][0].lo)}, {sympy.sstr(neg[0][0].hi)})",
        )
    elif known_inf:
        sub = "".join(
            f"; at {at(k)} take g in [{sympy.sstr(k.slope_left)}, {sympy.sstr(k.slope_right)}] (a subgradient)"
            for k in ups
        )
        convex = Fact(
            True,
            None,
            "every smooth piece has f'' ≥ 0 and every kink bends upward (sympy, exact)" + sub,
        )
    else:
        convex = Fact(None, why="sympy cannot find f'' on every piece")
    if ups:
        smooth = Fact(
            False,
            None,
            f"not differentiable at {at(ups[0])} ({slopes(ups[0])}): no g and L give "
            "the quadratic upper bound there; smoothness does not hold",
            {str(x): float(ups[0].at)},
        )
    elif known_sup and any(v == sympy.oo for v in sups):
        smooth = Fact(False, None, "sup f'' = ∞ on a piece (sympy's maximum)")
    elif known_sup:
        big = max(sups, key=float)
        sub = "".join(
            f"; at {at(k)} take g in [{sympy.sstr(k.slope_right)}, {sympy.sstr(k.slope_left)}]"
            for k in downs
        )
        smooth = _smooth_with(
            big,
            f"every piece has f'' ≤ {sympy.sstr(big)} and no kink bends upward (sympy, exact)"
            + sub,
        )
    else:
        smooth = Fact(None, why="sympy cannot find f'' on every piece")
    if convex.holds is False:
        strong = Fact(False, None, "it is not convex", convex.at)
    elif known_inf:
        small = min(infs, key=float)
        strong = (
            Fact(
                True,
                small,
                f"every piece has f'' ≥ {sympy.sstr(small)} and every kink bends upward (sympy, exact)",
            )
            if bool(small > 0)
            else Fact(False, None, f"inf f'' = {sympy.sstr(small)} on a piece (sympy's minimum)")
        )
    else:
        strong = Fact(None, why="sympy cannot find f'' on every piece")
    return convex, smooth, strong


# ------------------------------------------------------------------ estimates on the box


def _local_failure(fact: Fact, box: Box) -> bool:
    """A refutation at a point inside the box (a kink, a saddle) refutes it there too; one
    that happens only far out (a limit at infinity) says nothing about the box."""
    if fact.holds is not False or fact.at is None:
        return False
    return all(box[k][0] - 1e-9 <= v <= box[k][1] + 1e-9 for k, v in fact.at.items())


def _estimate_convex(fact: Fact, st: GridStats, names: list[str], box: Box) -> Estimate | None:
    if fact.holds is True:
        return None
    if _local_failure(fact, box):
        return Estimate(False, None, "the refutation above lies in the box")
    ok = st.lam_min >= -TOL
    return Estimate(
        ok,
        None,
        f"least Hessian eigenvalue over a {st.points}-point grid is "
        f"{st.lam_min:.4g}" + ("" if ok else f" at {show_point(names, st.lam_min_at)}"),
    )


def _estimate_smooth(fact: Fact, st: GridStats, names: list[str], box: Box) -> Estimate | None:
    if fact.holds is True:
        return None
    if _local_failure(fact, box):
        return Estimate(False, None, "the refutation above lies in the box")
    return Estimate(
        True,
        max(st.lam_max, 0.0),
        f"largest Hessian eigenvalue over a {st.points}-point grid "
        f"is {st.lam_max:.4g} at {show_point(names, st.lam_max_at)}",
    )


def _estimate_strong(fact: Fact, st: GridStats, box: Box) -> Estimate | None:
    if fact.holds is True:
        return None
    if _local_failure(fact, box):
        return Estimate(False, None, "the refutation above lies in the box")
    ok = st.lam_min > 1e-6
    return Estimate(
        ok,
        st.lam_min if ok else None,
        f"least Hessian eigenvalue over the grid is {st.lam_min:.4g}",
    )


def _estimate_pl(
    la: LossAnalysis, fact: Fact, st: GridStats, names: list[str], gfn: Any, fn: Any
) -> Estimate | None:
    """μ̂ = the least ½‖∇f‖²/(f − f*) over the grid, f* exact when proved (else the grid
    minimum): an estimate of the PL constant on the box, never a proof of PL."""
    if fact.holds is True:
        return None
    if _local_failure(fact, la.sample_box):
        return Estimate(False, None, "the refutation above lies in the box")
    o = la.optimum
    exact_here = bool(
        o.value is not None
        and o.attained
        and o.minimizer
        and la.box is None
        and all(
            la.sample_box[str(k)][0] <= float(v) <= la.sample_box[str(k)][1]
            for k, v in o.minimizer.items()
        )
    )
    fstar = float(o.value) if exact_here else st.f_min
    at_min = (
        [float(o.minimizer[s]) for s in la.vars]
        if exact_here and o.minimizer
        else list(st.f_min_at)
    )
    label = f"f* = {sympy.sstr(o.value)}" if exact_here else f"f* ≈ {st.f_min:.4g} (grid minimum)"
    r = pl_ratio_min(st, fstar, names)
    if r is None:
        return Estimate(None, None, "f is constant on the grid")
    mu, pt = r
    shrink = _shrinks_near(fn, gfn, at_min, fstar, names)
    if shrink is not None:
        return Estimate(
            False, None, f"½‖∇f‖²/(f − f*) keeps shrinking approaching the minimiser along {shrink}"
        )
    ok = mu > 1e-6
    return Estimate(
        ok,
        mu if ok else None,
        f"least ½‖∇f‖²/(f − f*) over the grid is {mu:.4g} at "
        f"{show_point(names, pt)}, with {label}; the infimum over the box may be lower",
        ref=o.value if exact_here else st.f_min,
    )


def _shrinks_near(fn: Any, gfn: Any, xs: list[float], fstar: float, names: list[str]) -> str | None:
    """Numerically, does the PL ratio tend to 0 towards the minimiser (as for w⁴)?"""
    import numpy as np

    for k, name in enumerate(names):
        ratios = []
        for delta in (1e-2, 1e-3, 1e-4):
            pt = list(xs)
            pt[k] += delta
            with np.errstate(all="ignore"):  # numpy functions: NaN or inf, never a raise
                gap = float(fn(*pt)) - fstar
                g = [float(x) for x in gfn(*pt)]
            if not (math.isfinite(gap) and all(math.isfinite(x) for x in g)):
                break
            if gap > 1e-300:
                ratios.append(0.5 * sum(x * x for x in g) / gap)
        if len(ratios) == 3 and ratios[2] < 0.1 * ratios[0]:
            return name
    return None
