"""Map loss verdicts to the library's assumption names and list the theorems that apply.

Names are matched by pattern on the last name component (``Convex``, ``Smooth``/``LSmooth``,
``StrongConvex``/``StronglyConvex``, ``PolyakLojasiewicz``/``PL``, …), so renaming the
namespace or the spelling within these patterns keeps working; an assumption the library
does not have is simply not mapped. A theorem applies when every assumption it requires
(``Analysis.requires``) is met; its constants are read from the hypothesis binders
(``hS : Smooth E f g L`` names ``L``) and substituted into its conclusion.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

import sympy

from axiomdl.compute.bound import Quantitative, ascii_name, check_hypotheses, read_quantitative
from axiomdl.compute.loss import LossAnalysis
from axiomdl.compute.models import ApplicableTheorem
from axiomdl.compute.syntax import App, Num, Unsupported, Var, parse_header
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


def map_assumptions(assumptions: list[str]) -> dict[str, str]:
    """Verdict key → full assumption name, for the assumptions this library has."""
    out: dict[str, str] = {}
    for key, pat in PATTERNS.items():
        hits = sorted(a for a in assumptions if pat.search(a.split(".")[-1]))
        if hits:
            out[key] = hits[0]
    return out


def met(la: LossAnalysis) -> dict[str, Any]:
    """Verdict key → constant (or True) for every property the loss has."""
    v = la.verdicts
    out: dict[str, Any] = {"space": True}
    if v["convex"].holds:
        out["convex"] = True
        if la.minimizer is not None:
            out["star_convex"] = True
    if v["smooth"].holds:
        out["smooth"] = v["smooth"].constant
    if v["strongly_convex"].holds:
        out["strongly_convex"] = v["strongly_convex"].constant
    if v["strongly_convex"].holds and la.minimizer is not None:
        out["pl"] = v["strongly_convex"].constant  # strong convexity ⇒ PL with the same μ
    elif v["pl"].holds:
        out["pl"] = v["pl"].constant
    if la.bounded_below and la.fstar is not None:
        out["bounded_below"] = la.fstar
    if la.minimizer is not None and la.fstar is not None:
        out["projects"] = la.fstar
        if la.nonnegative and la.fstar == 0:
            out["interpolation"] = True
    return out


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
    return sympy.nsimplify(x) if not isinstance(x, sympy.Expr) else x


def applicable(session: Any, la: LossAnalysis) -> tuple[dict[str, str], list[ApplicableTheorem]]:
    """The theorems whose requires-sets the loss meets, with instantiated conclusions."""
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
        values = _constants(project, n, have, have_names, pos_cache)
        if values is None:
            continue
        inst, conclusion = _instantiate(project, n, values)
        if inst == "__violated__":
            continue
        out.append(
            ApplicableTheorem(
                name=n,
                requires=[r.split(".")[-1] for r in req],
                conclusion=conclusion,
                instantiated=inst,
            )
        )
    return {k: v for k, v in amap.items()}, out


def _constants(
    project: Any,
    n: str,
    have: dict[str, Any],
    have_names: dict[str, str],
    cache: dict[str, list[int]],
) -> dict[str, Any] | None:
    """Constants named in the theorem's assumption binders → values; None if incompatible."""
    try:
        h = parse_header(project.decls[n].statement)
    except Unsupported:
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
        pos = _scalar_positions(project, full, cache)
        args = ty.args
        for j, p in enumerate(pos):
            if p >= len(args):
                continue
            arg = args[p]
            want = have[key] if j == 0 or key in ("bounded_below", "projects") else None
            if key == "pl" and j == 1:
                want = have.get("bounded_below")
            if want is None or want is True:
                continue
            if isinstance(arg, Var):
                values[arg.name] = want
            elif isinstance(arg, Num):
                lit = arg.value
                w = float(want)
                ok = {
                    "smooth": lit >= w - 1e-12,
                    "strongly_convex": lit <= w + 1e-12,
                    "pl": (lit <= w + 1e-12) if j == 0 else abs(float(lit) - w) < 1e-12,
                }.get(key, abs(float(lit) - w) < 1e-12)
                if not ok:
                    return None
    return values


def _instantiate(project: Any, n: str, values: dict[str, Any]) -> tuple[str, str]:
    """Substitute the constants into the theorem's main inequality (if it has one)."""
    try:
        q: Quantitative = read_quantitative(project, n)
    except AxiomdlError:
        stmt = project.decls[n].statement
        concl = stmt.split(" : ")[-1] if " : " in stmt else stmt
        return _text_subst(concl, values), concl
    known = {ascii_name(k): v for k, v in values.items()}
    try:
        frac = {}
        for k, v in known.items():
            fv = float(v)
            frac[k] = Fraction(fv).limit_denominator(10**9)
        check_hypotheses(q, {k: v for k, v in frac.items() if k in q.symbols})
    except AxiomdlError:
        return "__violated__", ""
    subs = {q.symbols[k]: _num(v) for k, v in known.items() if k in q.symbols}
    bound = sympy.simplify(q.bound.subs(subs))
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
