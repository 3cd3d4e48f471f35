"""Evaluate the quantitative conclusion of a theorem for concrete parameters.

The conclusion's main inequality ``quantity ≤ bound`` is read from the statement; subterms
outside the arithmetic fragment (``f x0``, ``E.normSq (E.sub x0 xstar)``, ``hs.length``)
become named parameters, casts such as ``natToScalar T`` are recognised by evaluating the
definition, and the arithmetic hypotheses (``0 < L``, ``μ ≤ L``) are checked against the
given values before anything is computed: a violated hypothesis is bad input (exit 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import mpmath
import sympy

from axiomdl.compute.semantics import Evaluator, F, N, Z
from axiomdl.compute.syntax import (
    App,
    Ascribe,
    Bin,
    Ite,
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
from axiomdl.compute.translate import DefCache, FileContext, scalar_types
from axiomdl.errors import AxiomdlError

_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "θ": "theta",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ν": "nu",
    "ξ": "xi",
    "ρ": "rho",
    "σ": "sigma",
    "τ": "tau",
    "φ": "phi",
    "ω": "omega",
}
_SUB = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


def ascii_name(name: str) -> str:
    """``μ`` → ``mu``, ``x₀`` → ``x0``, ``σsq`` → ``sigmasq``: what users can type."""
    out = "".join(_GREEK.get(ch, ch) for ch in name.translate(_SUB))
    out = re.sub(r"[^\w]+", "_", out).strip("_")
    return out


MAX_DIGITS = 1000  # Python refuses to print integers above 4300 digits; nobody needs them


def parse_number(text: str, what: str) -> Fraction:
    """Read ``3``, ``0.5``, ``1e-3`` or ``1/3`` exactly; anything else is bad input."""
    try:
        x = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise AxiomdlError(f"{what}: `{text}` is not a number (use 3, 0.5, 1e-3 or 1/3)") from None
    if abs(x.numerator) > 10**MAX_DIGITS or x.denominator > 10**MAX_DIGITS:
        raise AxiomdlError(f"{what}: `{text}` has more than {MAX_DIGITS} digits")
    return x


@dataclass
class Quantitative:
    """A theorem's main inequality in sympy form, with its parameters."""

    name: str
    statement: str
    quantity: sympy.Expr
    bound: sympy.Expr
    quantity_text: str
    bound_text: str
    strict: bool
    symbols: dict[str, sympy.Symbol]  # ascii name → symbol
    display: dict[str, str]  # ascii name → Lean name/text
    nat_params: set[str]
    hyps: list[tuple[str, Node]] = field(default_factory=list)  # (binder, prop AST)
    types: dict[str, str] = field(default_factory=dict)


class _ToSympy:
    """AST → sympy, turning non-arithmetic subterms into named atoms."""

    def __init__(self, types: dict[str, str], casts: set[str], opaque_heads: set[str]) -> None:
        self.types = types
        self.casts = casts
        self.opaque_heads = opaque_heads
        self.symbols: dict[str, sympy.Symbol] = {}
        self.display: dict[str, str] = {}
        self.nat: set[str] = set()

    def atom(self, text: str, lean: str, nat: bool = False) -> sympy.Symbol:
        key = ascii_name(text) or "x"
        if key not in self.symbols:
            self.symbols[key] = sympy.Symbol(key, real=True)
            self.display[key] = lean
            if nat:
                self.nat.add(key)
        return self.symbols[key]

    def __call__(self, e: Node) -> sympy.Expr:
        if isinstance(e, Num):
            return sympy.Rational(e.value.numerator, e.value.denominator)
        if isinstance(e, Var):
            ty = self.types.get(e.name)
            return self.atom(e.name, e.name, nat=ty == N)
        if isinstance(e, Bin):
            a, b = self(e.a), self(e.b)
            if e.op == "+":
                return a + b
            if e.op == "-":
                return a - b
            if e.op == "*":
                return a * b
            if e.op == "/":
                return a / b
            if e.op == "^":
                return a**b
            raise Unsupported(f"`{e.op}` in a bound")
        if isinstance(e, Un) and e.op == "-":
            return -self(e.a)
        if isinstance(e, Un) and e.op == "inv":
            return 1 / self(e.a)
        if isinstance(e, Un) and e.op == "↑":
            return self(e.a)
        if isinstance(e, Ascribe):
            return self(e.e)
        if isinstance(e, App) and e.fn.split(".")[-1] in self.casts and len(e.args) == 1:
            return self(e.args[0])
        if isinstance(e, App | Var | Ite):
            text = show(e)
            for h in self.opaque_heads:
                text = re.sub(rf"(?<![\w.]){re.escape(h)}\.", "", text)
            return self.atom(text, show(e))
        raise Unsupported(f"`{show(e)}` in a bound")


_OPAQUE_SYNTAX = re.compile(r"\bfun\b|=>|∈|⟨|·|λ")


def opaque_groups(text: str) -> str:
    """Hide parenthesised subterms outside the fragment (lambdas, ∈) as «atoms»."""
    out = text
    changed = True
    while changed:
        changed = False
        stack: list[int] = []
        for k, ch in enumerate(out):
            if ch == "(":
                stack.append(k)
            elif ch == ")" and stack:
                start = stack.pop()
                inner = out[start + 1 : k]
                if _OPAQUE_SYNTAX.search(inner) and "«" not in inner:
                    label = "«" + " ".join(inner.replace("»", "").split()) + "»"
                    out = out[:start] + label + out[k + 1 :]
                    changed = True
                    break
    return out


def _is_cast(defs: DefCache, name: str, where: str) -> bool:
    """A definition ``Nat → K`` that evaluates to ``n`` at 0..6 is a cast (``natToScalar``)."""
    try:
        d = defs.lookup(name, where)
    except Unsupported:
        return False
    if d is None or len(d.params) != 1 or d.params[0][1] != N or d.result != F:
        return False
    from axiomdl.compute.translate import _scope_factory

    make = _scope_factory(defs, where, {"K"}, FileContext(), {})
    ev = Evaluator(lambda dd: defs.elaborated(dd, make))
    try:
        return all(ev.call(d, [k]) == k for k in range(7))
    except Exception:  # any failure: not a cast we can trust
        return False


def _conjuncts(e: Node) -> list[Node]:
    if isinstance(e, Bin) and e.op == "∧":
        return _conjuncts(e.a) + _conjuncts(e.b)
    return [e]


def read_quantitative(project: Any, name: str) -> Quantitative:
    """Extract ``quantity ≤ bound`` and the arithmetic hypotheses of a theorem."""
    d = project.decls[name]
    fs = project.file_of(name)
    try:
        h = parse_header(d.statement)
        concl = parse_term(opaque_groups(h.type_text))
    except Unsupported as e:
        raise AxiomdlError(
            f"`{name}` has no quantitative conclusion ({e})", file=fs.path, line=d.line
        ) from None
    defs = DefCache(project)
    ctx = defs.context_of(fs.path)
    scalars = scalar_types(h.binders, h.inst_text, ctx)
    types: dict[str, str] = {}
    opaque_heads: set[str] = set()
    hyps: list[tuple[str, Node]] = []
    for b in [*ctx.binders, *h.binders]:
        if b.kind == "[":
            continue
        if isinstance(b.ty, Var):
            t = b.ty.name
            if t in ("Nat", "ℕ"):
                types[b.name] = N
            elif t in ("Int", "ℤ"):
                types[b.name] = Z
            elif t in scalars or t in ("Rat", "ℚ", "Real", "ℝ"):
                types[b.name] = F
            elif not t.startswith("Type"):
                opaque_heads.add(b.name)
        elif isinstance(b.ty, App):
            if b.ty.fn.split(".")[-1] not in ("List", "Array"):
                opaque_heads.add(b.name)
        elif isinstance(b.ty, Bin) and b.ty.op in ("≤", "<", "=", "≠", "≥", ">"):
            hyps.append((b.name, b.ty))
    # strip leading quantifiers of the conclusion: ∃ t, t < T ∧ …, ∀ x, …
    while isinstance(concl, Quant):
        for n in concl.names:
            types.setdefault(n, F if concl.ty is None else _ty(concl.ty, scalars))
        concl = concl.body
    while isinstance(concl, Bin) and concl.op == "→":
        concl = concl.b
    rels = [c for c in _conjuncts(concl) if isinstance(c, Bin) and c.op in ("≤", "<", "≥", ">")]
    if not rels:
        raise AxiomdlError(
            f"`{name}` has no inequality in its conclusion to evaluate", file=fs.path, line=d.line
        )
    casts = {w for w in set(re.findall(r"[^\W\d][\w']*", h.type_text)) if _is_cast(defs, w, name)}
    conv = _ToSympy(types, casts, opaque_heads)
    best: tuple[int, Any] | None = None
    for r in rels:
        small, big = (r.a, r.b) if r.op in ("≤", "<") else (r.b, r.a)
        try:
            qs, bs = conv(small), conv(big)
        except Unsupported:
            continue
        score = len(bs.free_symbols)
        if best is None or score >= best[0]:
            best = (score, (small, big, qs, bs, r.op in ("<", ">")))
    if best is None:
        raise AxiomdlError(f"`{name}`: the conclusion is not arithmetic enough to evaluate")
    small, big, qs, bs, strict = best[1]
    declared_syms = {ascii_name(n) for n in types}
    if not {str(x) for x in bs.free_symbols} & declared_syms:
        raise AxiomdlError(
            f"`{name}` has no quantitative bound: its conclusion `{show(small)} "
            f"{'<' if strict else '≤'} {show(big)}` involves no scalar parameter",
            file=fs.path,
            line=d.line,
        )
    # `c * Q ≤ B` where c involves only declared parameters: present it as `Q ≤ B / c`
    if qs.is_Mul:
        declared = {ascii_name(n) for n in types}
        params = [
            f for f in qs.as_ordered_factors() if {str(x) for x in f.free_symbols} <= declared
        ]
        rest = [f for f in qs.as_ordered_factors() if f not in params]
        if params and rest:
            c = sympy.Mul(*params)
            qs, bs = sympy.Mul(*rest), bs / c
    for b in h.binders:
        if b.name in types and types[b.name] == N:
            conv.nat.add(ascii_name(b.name))
    for n, t in types.items():  # parameters that only occur in hypotheses (`L * η ≤ 1`)
        if any(n in show(hp) for _h, hp in hyps):
            conv.atom(n, n, nat=t == N)
    return Quantitative(
        name=name,
        statement=h.type_text,
        quantity=qs,
        bound=bs,
        quantity_text=show(small),
        bound_text=show(big),
        strict=strict,
        symbols=conv.symbols,
        display=conv.display,
        nat_params=conv.nat,
        hyps=hyps,
        types=types,
    )


def _ty(ty: Node, scalars: set[str]) -> str:
    if isinstance(ty, Var):
        if ty.name in ("Nat", "ℕ"):
            return N
        if ty.name in ("Int", "ℤ"):
            return Z
    return F


def _lookup(q: Quantitative, key: str) -> str | None:
    k = ascii_name(key)
    if k in q.symbols:
        return k
    for name, lean in q.display.items():
        if ascii_name(lean) == k:
            return name
    return None


def check_hypotheses(q: Quantitative, values: dict[str, Fraction]) -> None:
    """Every arithmetic hypothesis whose variables are all given must hold (else exit 2)."""
    for hname, prop in q.hyps:
        if not isinstance(prop, Bin):
            continue
        conv = _ToSympy(q.types, set(), set())
        try:
            a, b = conv(prop.a), conv(prop.b)
        except Unsupported:
            continue
        subs = {}
        for s in (a - b).free_symbols:
            key = str(s)
            if key not in values:
                break
            subs[s] = sympy.Rational(values[key].numerator, values[key].denominator)
        else:
            av, bv = a.subs(subs), b.subs(subs)
            ok = {
                "≤": av <= bv,
                "<": av < bv,
                "≥": av >= bv,
                ">": av > bv,
                "=": sympy.Eq(av, bv),
                "≠": sympy.Ne(av, bv),
            }.get(prop.op, True)
            if ok is sympy.false or ok is False:
                shown = ", ".join(
                    f"{q.display.get(str(s), str(s))} = {_fmt(values[str(s)])}"
                    for s in sorted((a - b).free_symbols, key=str)
                )
                raise AxiomdlError(
                    f"parameters violate hypothesis `{hname} : {show(prop)}` of `{q.name}` "
                    f"({shown})"
                )


def _fmt(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


@dataclass
class BoundResult:
    """The evaluated bound (and the solve-for answer, if asked)."""

    exact: sympy.Expr | None
    value: float | None
    needed: int | float | None = None
    needed_bound: float | None = None
    note: str = ""
    params: dict[str, str] = field(default_factory=dict)


def evaluate(
    q: Quantitative,
    raw: dict[str, str],
    solve_for: str | None = None,
    target: float | None = None,
) -> BoundResult:
    """Substitute the parameters, check hypotheses, evaluate; optionally solve for one."""
    values: dict[str, Fraction] = {}
    for k, v in raw.items():
        key = _lookup(q, k)
        if key is None:
            raise AxiomdlError(
                f"unknown parameter `{k}` for `{q.name}` (parameters: {', '.join(sorted(q.symbols))})"
            )
        values[key] = parse_number(v, f"--param {k}")
        if key in q.nat_params and (values[key].denominator != 1 or values[key] < 0):
            raise AxiomdlError(f"parameter `{k}` is a natural number, got `{v}`")
    sf: str | None = None
    if solve_for is not None:
        sf = _lookup(q, solve_for)
        if sf is None:
            raise AxiomdlError(
                f"--solve-for `{solve_for}` is not a parameter of `{q.name}` "
                f"(parameters: {', '.join(sorted(q.symbols))})"
            )
        if target is None:
            raise AxiomdlError("--solve-for needs --target EPS")
        values.pop(sf, None)
    needed_syms = {str(s) for s in q.bound.free_symbols}
    missing = sorted(needed_syms - set(values) - ({sf} if sf else set()))
    if missing:
        raise AxiomdlError(
            f"missing parameters for `{q.name}`: {', '.join(missing)} "
            f"(pass --param NAME=VALUE; the bound is {q.bound_text})"
        )
    check_hypotheses(q, values)
    subs = {q.symbols[k]: sympy.Rational(v.numerator, v.denominator) for k, v in values.items()}
    shown = {q.display.get(k, k): _fmt(v) for k, v in values.items()}
    if sf is None:
        if _exact_too_large(q.bound, subs):
            return _numeric_only(q, subs, shown)
        exact = sympy.nsimplify(q.bound.subs(subs)) if q.bound.free_symbols else q.bound
        exact = sympy.simplify(exact) if exact.free_symbols else exact
        if exact.has(sympy.zoo, sympy.nan):
            raise AxiomdlError(
                f"the bound of `{q.name}` divides by zero for these parameters "
                "(in Lean `x / 0 = 0`, so the bound says nothing here)"
            )
        val = float(sympy.N(exact, 30)) if not exact.free_symbols else None
        return BoundResult(exact, val, params=shown)
    assert target is not None
    expr = q.bound.subs(subs)
    var = q.symbols[sf]
    if expr.has(sympy.zoo, sympy.nan):
        raise AxiomdlError("the bound divides by zero for these parameters")
    if sf in q.nat_params:
        f = sympy.lambdify([var], expr, modules="mpmath")
        lo = 0
        for _h, prop in q.hyps:  # `0 < T` style lower bounds on the solved variable
            if (
                isinstance(prop, Bin)
                and prop.op == "<"
                and show(prop.b) == q.display.get(sf)
                and isinstance(prop.a, Num)
            ):
                lo = max(lo, int(prop.a.value) + 1)
        n = _first_below(f, target, lo)
        if n is None:
            return BoundResult(
                None,
                None,
                params=shown,
                note=f"the bound never drops to {target:g} (tried up to 2^62)",
            )
        return BoundResult(None, None, needed=n, needed_bound=float(f(n)), params=shown)
    sols = sympy.solve(sympy.Eq(expr, sympy.Float(target)), var)
    sols = [s for s in sols if s.is_real]
    if not sols:
        return BoundResult(None, None, params=shown, note="no real solution")
    best = max(float(s) for s in sols)
    return BoundResult(None, None, needed=best, needed_bound=target, params=shown)


# An exact power with a larger exponent has more digits than anyone reads (and (2/3)^(10^7)
# takes minutes): such bounds are evaluated with mpmath only.
MAX_EXACT_EXPONENT = 4096


def _exact_too_large(bound: sympy.Expr, subs: dict[sympy.Symbol, sympy.Rational]) -> bool:
    for p in bound.atoms(sympy.Pow):
        e = p.exp.xreplace(subs)
        if e.is_Number and abs(e) > MAX_EXACT_EXPONENT:
            return True
    return False


def _numeric_only(
    q: Quantitative, subs: dict[sympy.Symbol, sympy.Rational], shown: dict[str, str]
) -> BoundResult:
    """The bound's value at 30 digits, without the exact rational."""
    mpmath.mp.dps = 30
    syms = sorted(subs, key=str)
    f = sympy.lambdify(syms, q.bound, modules="mpmath")
    try:
        v = f(*[mpmath.mpf(x.p) / x.q for x in (subs[s_] for s_ in syms)])
    except (ZeroDivisionError, OverflowError, ValueError):
        raise AxiomdlError(
            f"the bound of `{q.name}` cannot be evaluated for these parameters"
        ) from None
    if mpmath.im(v) != 0:
        raise AxiomdlError(f"the bound of `{q.name}` is not real for these parameters")
    v = mpmath.re(v)
    note = (
        f"exact value omitted (an exponent above {MAX_EXACT_EXPONENT}); "
        f"value {mpmath.nstr(v, 6)} (mpmath, 30 digits)"
    )
    return BoundResult(None, float(v), params=shown, note=note)


def _first_below(f: Any, target: float, lo: int) -> int | None:
    """Smallest integer n ≥ lo with f(n) ≤ target, for a non-increasing f."""
    mpmath.mp.dps = 30

    def ok(n: int) -> bool:
        try:
            v = f(n)
        except (ZeroDivisionError, OverflowError, ValueError):
            return False
        return bool(mpmath.re(v) <= target)

    if ok(lo):
        return lo
    hi = max(lo, 1)
    while not ok(hi):
        hi *= 2
        if hi > 2**62:
            return None
    a = hi // 2 if hi // 2 >= lo else lo
    while a + 1 < hi:
        mid = (a + hi) // 2
        if ok(mid):
            hi = mid
        else:
            a = mid
    return hi
