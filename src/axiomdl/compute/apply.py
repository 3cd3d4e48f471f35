"""Map loss verdicts to the library's assumption names and list the theorems that apply.

Names are matched by pattern on the last name component (``Convex``, ``Smooth``/``LSmooth``,
``StrongConvex``/``StronglyConvex``, ``PolyakLojasiewicz``/``PL``, …), so renaming the
namespace or the spelling within these patterns keeps working; an assumption the library
does not have is simply not mapped. A theorem applies when every assumption it requires
(``Analysis.requires``) is met. It applies **globally** when every one of them is proved
over ℝⁿ, and **on the box only** when one of them is only estimated there (or the user
asked about a box). Each listed theorem carries:

- its constants, read from the hypothesis binders (``hS : Smooth E f g L`` names ``L``) and
  substituted into its conclusion;
- its arithmetic hypotheses with the constants filled in: checked when every variable is
  known (``0 < L``, ``μ ≤ L``; a violated one drops the theorem), else a remaining side
  condition, solved for its one free variable when linear (``L * η ≤ 1`` → ``η ≤ 1/L = 0.094``);
- its other hypotheses as remaining side conditions (``f xstar = fstar``), and its
  quantifiers (``∀ x0 ∈ ℝ², T ∈ ℕ``, ``∃ t < T``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from axiomdl.compute.bound import (
    Quantitative,
    ascii_name,
    check_hypotheses,
    opaque_groups,
    read_quantitative,
)
from axiomdl.compute.loss import LossAnalysis
from axiomdl.compute.models import ApplicableTheorem
from axiomdl.compute.syntax import (
    App,
    Bin,
    Node,
    Num,
    Quant,
    Un,
    Unsupported,
    Var,
    parse_header,
    parse_term,
    show,
)
from axiomdl.errors import AxiomdlError

# verdict key → pattern on the assumption's short name
PATTERNS: dict[str, re.Pattern[str]] = {
    "convex": re.compile(r"^(Is)?Convex(Fn|Function)?$", re.I),
    "strongly_convex": re.compile(r"^(Is)?Strong(ly)?Convex", re.I),
    "smooth": re.compile(r"^(L|Is)?Smooth$|^Lipschitz(Grad|Gradient)", re.I),
    "pl": re.compile(r"^(PolyakLojasiewicz|PL|PLInequality)$", re.I),
    "star_convex": re.compile(r"^StarConvex$", re.I),
    "bounded_below": re.compile(r"^BoundedBelow$", re.I),
    "interpolation": re.compile(r"^Interpolation$", re.I),
    "projects": re.compile(r"^ProjectsToMinimi[sz]ers$", re.I),
    "space": re.compile(r"^InnerProductSpace$", re.I),
}
LANDSCAPE = {"convex", "strongly_convex", "smooth", "pl"}
_RELS = ("≤", "<", "=", "≠", "≥", ">")


@dataclass
class Have:
    """A property the loss has: its constant (or True), where it holds, and the f* used."""

    value: Any
    scope: str  # "global" (proved over ℝⁿ) | "box" (on the box: estimated, or asked for)
    fstar: Any = None


def map_assumptions(assumptions: list[str]) -> dict[str, str]:
    """Verdict key → full assumption name, for the assumptions this library has."""
    out: dict[str, str] = {}
    for key, pat in PATTERNS.items():
        hits = sorted(a for a in assumptions if pat.search(a.split(".")[-1]))
        if hits:
            out[key] = hits[0]
    return out


def met(la: LossAnalysis) -> dict[str, Have]:
    """Verdict key → what the loss has, proved (global) or estimated (box)."""
    proved_scope = "global" if la.box is None else "box"
    out: dict[str, Have] = {"space": Have(True, "global")}
    o = la.optimum
    fstar: Any = o.value if o.value is not None else None
    est_f = la.est_fstar[0] if la.est_fstar else None
    for key in ("convex", "smooth", "strongly_convex", "pl"):
        v = la.verdicts[key]
        if v.fact.holds and (key == "convex" or v.fact.constant is not None):
            out[key] = Have(True if key == "convex" else v.fact.constant, proved_scope, fstar)
        elif v.estimate is not None and v.estimate.holds:  # fails far out, may hold on the box
            val = True if key == "convex" else v.estimate.value
            ref = v.estimate.ref if key == "pl" else (fstar if fstar is not None else est_f)
            out[key] = Have(val, "box", ref)
    if o.lower is not None:
        out["bounded_below"] = Have(o.lower, proved_scope)
    elif est_f is not None:
        out["bounded_below"] = Have(est_f, "box")
    if o.attained and o.value is not None:
        out["projects"] = Have(o.value, proved_scope)
        if o.value == 0 and o.lower == 0:
            out["interpolation"] = Have(True, proved_scope)
        if "convex" in out:
            out["star_convex"] = Have(True, out["convex"].scope)
    if "pl" in out and out["pl"].fstar is None:
        del out["pl"]  # PL is relative to a value f*: without one there is nothing to state
    return out


def applicable(session: Any, la: LossAnalysis) -> tuple[dict[str, str], list[ApplicableTheorem]]:
    """The theorems whose requires-sets the loss meets, with side conditions filled in."""
    a = session.analysis
    project = session.project
    assumptions = [n for n in a.hyps if a.roles.get(n) == "assumption"]
    amap = map_assumptions(assumptions)
    have = met(la)
    have_names = {amap[k]: k for k in have if k in amap}
    landscape_names = {amap[k] for k in LANDSCAPE if k in amap}
    pos_cache: dict[str, list[int]] = {}
    out: list[ApplicableTheorem] = []
    for n, role in sorted(a.roles.items()):
        if role not in ("theorem", "discharge"):
            continue
        req = a.requires(n)
        if not req or not set(req) & landscape_names or not set(req) <= set(have_names):
            continue
        h = session.remember(f"compute.header:{n}", lambda s, n=n: _header(s.project, n))
        values = _constants(project, h, have, have_names, pos_cache)
        if values is None:
            continue
        scope = "global" if all(have[have_names[r]].scope == "global" for r in req) else "box"
        checked, remaining, violated = _side_conditions(h, values, la) if h else ([], [], None)
        if violated:
            continue
        q = session.remember(
            f"compute.quantitative:{n}", lambda s, n=n: _quantitative(s.project, n)
        )
        inst, conclusion = _instantiate(project, n, q, values)
        if inst == "__violated__":
            continue
        out.append(
            ApplicableTheorem(
                name=n,
                requires=[r.split(".")[-1] for r in req],
                conclusion=conclusion,
                instantiated=inst,
                scope=scope,
                constants={k: _num_text(v) for k, v in values.items()},
                quantifiers=_quantifiers(h, values, la, scope) if h else "",
                checked=checked,
                side_conditions=remaining,
            )
        )
    return dict(amap), out


def _scalar_positions(project: Any, full: str, defs_cache: dict[str, list[int]]) -> list[int]:
    """Positions of the scalar (``K``) parameters of an assumption structure."""
    if full in defs_cache:
        return defs_cache[full]
    pos: list[int] = []
    try:
        h = parse_header(
            project.decls[full].statement.replace("structure", "def", 1).replace("class", "def", 1)
        )
        explicit = [b for b in h.binders if b.kind == "("]
        pos = [k for k, b in enumerate(explicit) if b.ty_text in ("K", "Rat", "ℝ", "Real")]
    except (Unsupported, KeyError):
        pos = []
    defs_cache[full] = pos
    return pos


def _num(x: Any) -> sympy.Expr:
    if isinstance(x, sympy.Expr):
        return x
    if isinstance(x, float):
        return sympy.Float(x, 6)
    return sympy.nsimplify(x)


def _num_text(v: Any) -> str:
    if isinstance(v, float):  # a grid estimate, never an exact constant
        return f"≈ {v:.4g} (estimated)"
    e = _num(v)
    s = sympy.sstr(e)
    if e.is_Rational or e.is_Float or e.free_symbols:
        return s
    try:
        return f"{s} ≈ {float(e):.4g}"
    except TypeError:
        return s


def _constants(
    project: Any,
    h: Any,
    have: dict[str, Have],
    have_names: dict[str, str],
    cache: dict[str, list[int]],
) -> dict[str, Any] | None:
    """Constants named in the theorem's assumption binders (``h``: its parsed header, None
    beyond the parser) → values; None if incompatible."""
    if h is None:
        return {}
    values: dict[str, Any] = {}
    for b in h.binders:
        ty = b.ty
        if not isinstance(ty, App):
            continue
        full = next((f for f in have_names if f.split(".")[-1] == ty.fn.split(".")[-1]), None)
        if full is None:
            continue
        key = have_names[full]
        hv = have[key]
        pos = _scalar_positions(project, full, cache)
        for j, p in enumerate(pos):
            if p >= len(ty.args):
                continue
            arg = ty.args[p]
            want = hv.value if j == 0 or key in ("bounded_below", "projects") else None
            if key == "pl" and j == 1:
                want = hv.fstar
            if want is None or want is True:
                continue
            if isinstance(arg, Var):
                values[arg.name] = want
            elif isinstance(arg, Num):
                lit, w = float(arg.value), float(want)
                ok = {
                    "smooth": lit >= w - 1e-12,
                    "strongly_convex": lit <= w + 1e-12,
                    "pl": (lit <= w + 1e-12) if j == 0 else abs(lit - w) < 1e-12,
                }.get(key, abs(lit - w) < 1e-12)
                if not ok:
                    return None
    return values


# ------------------------------------------------------------------ side conditions


def _arith(e: Node) -> sympy.Expr | None:
    """A Lean arithmetic term as sympy (variables keep their Lean names), or None."""
    if isinstance(e, Num):
        return sympy.Rational(e.value.numerator, e.value.denominator)
    if isinstance(e, Var):
        return sympy.Symbol(e.name, real=True)
    if isinstance(e, Un) and e.op == "-":
        a = _arith(e.a)
        return None if a is None else -a
    if isinstance(e, App) and e.fn.split(".")[-1] == "natToScalar" and len(e.args) == 1:
        return _arith(e.args[0])
    if isinstance(e, Bin) and e.op in "+-*/^":
        a, b = _arith(e.a), _arith(e.b)
        if a is None or b is None:
            return None
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b, "^": a**b}[e.op]
    return None


def _side_conditions(
    h: Any, values: dict[str, Any], la: LossAnalysis
) -> tuple[list[str], list[str], str | None]:
    """(checked hypotheses, remaining side conditions, a violated hypothesis if any)."""
    subs = {sympy.Symbol(k, real=True): _num(v) for k, v in values.items()}
    checked: list[str] = []
    remaining: list[str] = []
    assumption_heads = set(PATTERNS)
    for b in h.binders:
        if b.kind == "[" or b.ty is None:
            continue
        if isinstance(b.ty, App) and any(
            PATTERNS[k].search(b.ty.fn.split(".")[-1]) for k in assumption_heads
        ):
            continue  # an assumption the loss meets
        if isinstance(b.ty, Bin) and b.ty.op in _RELS:
            a, c = _arith(b.ty.a), _arith(b.ty.b)
            if a is None or c is None:
                remaining.append(_fill(b.ty_text, values, la))
                continue
            lhs, rhs = a.subs(subs), c.subs(subs)
            free = (lhs - rhs).free_symbols
            if not free:
                ok = _holds(b.ty.op, lhs, rhs)
                if not ok:
                    return checked, remaining, b.ty_text
                checked.append(f"{b.ty_text} ✓")
                continue
            remaining.append(_solved(b.ty.op, a, c, subs, free))
        elif _is_prop(b.ty_text):
            remaining.append(_fill(b.ty_text, values, la))
    return checked, remaining, None


def _is_prop(ty_text: str) -> bool:
    """Hypotheses (``f xstar = fstar``, ``∀ t, S …``, ``IsGlobalMin f x``), not data binders."""
    t = ty_text.strip()
    if (
        t in ("K", "V", "Nat", "ℕ", "Int", "ℤ", "Prop")
        or t.startswith("Type")
        or ("→" in t and "∀" not in t)
    ):
        return False
    if re.match(r"^(InnerProductSpace|Finset|List|Array)\b", t):
        return False
    return bool(re.search(r"[=≤<≥>≠∀∃]", t)) or bool(re.match(r"^Is[A-Z]", t))


def _holds(op: str, a: sympy.Expr, b: sympy.Expr) -> bool:
    fa, fb = float(a), float(b)
    eps = 1e-12 * max(1.0, abs(fa), abs(fb))
    return {
        "≤": fa <= fb + eps,
        "<": fa < fb,
        "=": abs(fa - fb) <= eps,
        "≠": abs(fa - fb) > eps,
        "≥": fa >= fb - eps,
        ">": fa > fb,
    }[op]


_FLIP = {"≤": "≥", "<": ">", "≥": "≤", ">": "<", "=": "=", "≠": "≠"}


def _solved(
    op: str, a: sympy.Expr, c: sympy.Expr, subs: dict[sympy.Symbol, Any], free: set[Any]
) -> str:
    """``L * η ≤ 1`` with L known → ``η ≤ 1/L = 0.0943``; otherwise the relation, filled in."""
    if len(free) == 1:
        v = next(iter(free))
        form = _linear_in(a - c, v)
        if form is not None:
            coef, bound = form
            coef_num = _fold(coef.subs(subs))
            if coef_num.is_number and coef_num != 0:
                val = _fold(bound.subs(subs))
                rel = op if bool(coef_num > 0) else _FLIP[op]
                shown = sympy.sstr(bound)
                if bound.free_symbols:
                    return f"{v} {rel} {shown} = {_short(val)}"
                return f"{v} {rel} {shown}"
    return f"{sympy.sstr(a.subs(subs))} {op} {sympy.sstr(c.subs(subs))}"


@functools.lru_cache(maxsize=1024)
def _linear_in(expr: sympy.Expr, v: sympy.Symbol) -> tuple[sympy.Expr, sympy.Expr] | None:
    """``coef·v + rest`` → (coef, −rest/coef simplified), or None where ``expr`` is not of
    degree 1 in ``v``. Symbolic in the theorem's constants, so one computation serves
    every loss."""
    p = sympy.Poly(expr, v) if expr.is_polynomial(v) else None
    if p is None or p.degree() != 1:
        return None
    coef, rest = p.all_coeffs()
    return coef, _simplify(-rest / coef)


def _short(x: sympy.Expr) -> str:
    try:
        f = float(x)
    except TypeError:
        return sympy.sstr(x)
    return sympy.sstr(x) if x.is_Integer else f"{f:.3g}"


def _fill(text: str, values: dict[str, Any], la: LossAnalysis) -> str:
    out = _text_subst(text, values)
    if "xstar" in text and la.optimum.minimizer:
        pt = ", ".join(f"{k}={sympy.sstr(v)}" for k, v in la.optimum.minimizer.items())
        out += f"  (take xstar = ({pt}), a minimiser)"
    return out


def _quantifiers(h: Any, values: dict[str, Any], la: LossAnalysis, scope: str) -> str:
    """``∀ x0 ∈ ℝ², t ∈ ℕ`` from the data binders, then ``∃ t < T`` from the conclusion."""
    space = la.space if scope == "global" else "the box"
    parts: list[str] = []
    for b in h.binders:
        t = b.ty_text.strip()
        if b.kind == "[" or b.name in values:
            continue
        if t == "V":
            parts.append(f"{b.name} ∈ {space}")
        elif t in ("Nat", "ℕ"):
            parts.append(f"{b.name} ∈ ℕ")
        elif t == "K":
            parts.append(f"{b.name} ∈ ℝ")
    text = ("∀ " + ", ".join(parts)) if parts else ""
    try:
        c = parse_term(opaque_groups(h.type_text))
    except Unsupported:
        return text
    inner: list[str] = []
    while isinstance(c, Quant):
        sym = "∃" if c.q == "exists" else "∀"
        names = ", ".join(c.names)
        body = c.body
        guard = body.a if isinstance(body, Bin) and body.op in ("∧", "→") else None
        bound = isinstance(guard, Bin) and isinstance(guard.a, Var) and guard.a.name in c.names
        if isinstance(guard, Bin) and guard.op in _RELS and bound:
            inner.append(f"{sym} {names} {guard.op} {show(guard.b)}")
            c = body.b  # type: ignore[union-attr]
            continue
        inner.append(f"{sym} {names}" + (f" {c.pred[0]} {show(c.pred[1])}" if c.pred else ""))
        c = body
    if inner:
        text = (text + ": " if text else "") + ", ".join(inner)
    return text


# ------------------------------------------------------------------ the conclusion


def _simplify(e: Any) -> Any:
    """``sympy.simplify``, skipped for numbers and symbols, which it returns unchanged
    (most filled-in constants are; simplify costs milliseconds even on those)."""
    e = sympy.sympify(e)
    return e if e.is_Atom else _simplify_expr(e)


@functools.lru_cache(maxsize=4096)
def _simplify_expr(e: Any) -> Any:
    """A pure function of an immutable expression: many theorems share a bound (``1/L``),
    and a loss checked again (an agent's retry) repeats all of them."""
    return sympy.simplify(e)


def _fold(e: Any) -> Any:
    """Simplify the number-valued parts of an instantiated bound (``(E − e⁻¹)·e⁻¹`` →
    ``1 − e⁻²``) and leave the shape of the rest as the theorem states it: sympy already
    folds rational arithmetic, and ``simplify`` on the whole bound cost ~10 ms per theorem
    for every new loss while often only flipping signs (``f·(1 − 20η)`` → ``−f·(20η − 1)``)."""
    if e.is_Atom:
        return e
    if not e.free_symbols:
        return _simplify(e)
    return e.func(*(_fold(a) for a in e.args))


def _header(project: Any, n: str) -> Any:
    """The theorem's parsed header, or None where the statement is beyond the parser
    (parsed once per session: the library does not change between loss checks)."""
    try:
        return parse_header(project.decls[n].statement)
    except Unsupported:
        return None


def _quantitative(project: Any, n: str) -> Quantitative | None:
    """The theorem's ``quantity ≤ bound``, or None where it has none (once per session)."""
    try:
        return read_quantitative(project, n)
    except AxiomdlError:
        return None


def _instantiate(
    project: Any, n: str, q: Quantitative | None, values: dict[str, Any]
) -> tuple[str, str]:
    """Substitute the constants into the theorem's main inequality (if it has one)."""
    if q is None:
        stmt = project.decls[n].statement
        concl = stmt.split(" : ")[-1] if " : " in stmt else stmt
        return _text_subst(concl, values), concl
    known = {ascii_name(k): v for k, v in values.items()}
    try:
        frac = {k: Fraction(float(v)).limit_denominator(10**9) for k, v in known.items()}
        check_hypotheses(q, {k: v for k, v in frac.items() if k in q.symbols})
    except AxiomdlError:
        return "__violated__", ""
    subs = {q.symbols[k]: _num(v) for k, v in known.items() if k in q.symbols}
    bound = _fold(q.bound.subs(subs))
    approx = bound.evalf(4)
    quantity = q.quantity.subs(subs)
    text = f"{sympy.sstr(quantity)} {'<' if q.strict else '≤'} {sympy.sstr(bound)}"
    if approx != bound:
        text += f"  (≈ {sympy.sstr(approx)})"
    text = _pretty_atoms(text, q)
    return text, f"{q.quantity_text} ≤ {q.bound_text}"


def _pretty_atoms(text: str, q: Quantitative) -> str:
    for k, lean in sorted(q.display.items(), key=lambda kv: -len(kv[0])):
        if k != lean and " " in lean:
            text = re.sub(rf"\b{re.escape(k)}\b", f"[{lean}]", text)
        elif k != lean:
            text = re.sub(rf"\b{re.escape(k)}\b", lean, text)
    return text


def _text_subst(text: str, values: dict[str, Any]) -> str:
    for k, v in values.items():
        val = sympy.sstr(_num(v))
        val = val if re.fullmatch(r"-?\d+", val) and not val.startswith("-") else f"({val})"
        text = re.sub(rf"(?<![\w.]){re.escape(k)}(?![\w'])", val, text)
    return text
