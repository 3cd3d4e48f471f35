"""Elaborate the arithmetic fragment with Lean's typing rules, then evaluate it exactly.

Faithfulness is the point, so this follows Lean 4 core rather than school algebra:
- Arithmetic trees are elaborated like ``binop%``: the leaves of a tree of ``+ - * / %``
  (and both sides of a relation) are coerced to the largest leaf type, the expected type
  included, so ``(n - m : Int)`` is ``↑n - ↑m`` while ``((n - m : Nat) : Int)`` truncates.
- Junk values: in a field ``x / 0 = 0`` and ``0⁻¹ = 0``; ``Nat`` subtraction truncates at 0;
  ``Nat`` ``/`` floors and ``n / 0 = 0``, ``n % 0 = n``; ``Int`` ``/`` is ``Int.ediv``
  (floor for a positive divisor, ceiling for a negative one, ``x / 0 = 0``) and ``%`` is
  ``Int.emod`` (``0 ≤ x % y < |y|``, ``x % 0 = x``), as in ``Init/Data/Int/DivMod/Basic.lean``.
- Numerals with no typed leaf in their tree default to ``Nat``; exponents of ``^`` are
  elaborated on their own as ``Nat`` (``Monoid.npow``).
Field values are :class:`fractions.Fraction` (the scalar field is modelled by ``Rat``, the
concrete model the library itself uses), ``Nat`` and ``Int`` values are Python ints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from axiomdl.compute.syntax import (
    ARITH,
    RELS,
    App,
    Ascribe,
    Bin,
    Ite,
    Lam,
    Node,
    Num,
    Quant,
    Un,
    Unsupported,
    Var,
    show,
)

N, Z, F, P = "Nat", "Int", "K", "Prop"
_RANK = {N: 0, Z: 1, F: 2}
NAT_NAMES = {"Nat", "ℕ"}
INT_NAMES = {"Int", "ℤ"}
FIELD_NAMES = {"Rat", "ℚ", "Real", "ℝ"}
MAX_EXPONENT = 4096
MAX_ENUMERATION = 5000


class BadInstance(Exception):
    """This instance cannot be evaluated (exponent too large, recursion too deep)."""


@dataclass
class DefInfo:
    """A project definition the evaluator can unfold."""

    name: str
    params: list[tuple[str, str]]  # (name, type) in order, explicit ones only
    result: str
    body: Node | None = None
    equations: list[tuple[list[Node], Node]] = field(default_factory=list)
    n_fixed: int = 0  # leading params bound by binders before the equations


@dataclass
class Scope:
    """What elaboration knows: variable types, scalar type names, unfoldable definitions."""

    vars: dict[str, str | None]
    scalar_types: set[str]
    defs: dict[str, DefInfo]
    resolve: Callable[[str], DefInfo | None]
    unknown_as_var: Callable[[str], str | None] = lambda _n: None

    def type_of(self, ty: Node | None) -> str | None:
        """Map a type term to N/Z/F/Prop, or None when it is not a scalar type."""
        if isinstance(ty, Var):
            if ty.name in NAT_NAMES:
                return N
            if ty.name in INT_NAMES:
                return Z
            if ty.name in FIELD_NAMES or ty.name in self.scalar_types:
                return F
            if ty.name == "Prop":
                return P
        if isinstance(ty, Bin) and ty.op == "→":
            parts: list[str] = []
            cur: Node = ty
            while isinstance(cur, Bin) and cur.op == "→":
                parts.append(self.type_of(cur.a) or "?")
                cur = cur.b
            parts.append(self.type_of(cur) or "?")
            if all(p in _RANK for p in parts):
                return "→".join(parts)  # a function type, e.g. "Nat→K"
        return None


def is_fn(ty: str | None) -> bool:
    """Function types are written ``Nat→K``."""
    return ty is not None and "→" in ty


def fn_parts(ty: str) -> tuple[list[str], str]:
    """``Nat→Nat→K`` → (["Nat", "Nat"], "K")."""
    parts = ty.split("→")
    return parts[:-1], parts[-1]


# ---------------------------------------------------------------- typed IR
# Typed nodes are tuples: (tag, type, ...). Kept as tuples: they are compiled once.

T = tuple[Any, ...]


def _join(a: str | None, b: str | None) -> str | None:
    if is_fn(a) or is_fn(b):
        raise Unsupported("a function used as a number")
    if a is None:
        return b
    if b is None:
        return a
    return a if _RANK[a] >= _RANK[b] else b


def cast_to(t: T, to: str) -> T:
    if t[1] == to:
        return t
    if is_fn(t[1]) or is_fn(to):
        raise Unsupported("a function used as a number")
    if t[1] is None:
        return _retype(t, to)
    if _RANK[t[1]] > _RANK[to]:
        raise Unsupported(f"needs a coercion from {t[1]} down to {to}")
    return ("cast", to, t)


def _retype(t: T, to: str) -> T:
    """Give a type to a still-untyped numeral tree."""
    tag = t[0]
    if tag == "num":
        v = t[2]
        if to != F and v.denominator != 1:
            raise Unsupported(f"decimal literal in {to}")
        return ("num", to, v if to == F else int(v))
    if tag in ARITH:
        return (tag, to, _retype(t[2], to), _retype(t[3], to))
    if tag == "neg":
        return ("neg", to, _retype(t[2], to))
    if tag == "pow":
        return ("pow", to, _retype(t[2], to), t[3])
    if tag == "flex":
        return ("var", to, t[2])
    return t


class Elaborator:
    """Turn AST into typed IR following Lean's uniform-coercion rule."""

    def __init__(self, scope: Scope) -> None:
        self.s = scope

    # -- propositions
    def prop(self, e: Node) -> T:
        if isinstance(e, Bin) and e.op in ("∧", "∨", "→", "↔"):
            return (e.op, P, self.prop(e.a), self.prop(e.b))
        if isinstance(e, Un) and e.op == "¬":
            return ("¬", P, self.prop(e.a))
        if isinstance(e, Bin) and e.op in RELS:
            return self.relation(e)
        if isinstance(e, Var) and self.s.vars.get(e.name) == P:
            return ("var", P, e.name)
        if isinstance(e, Var) and e.name in ("True", "False"):
            return ("bool", P, e.name == "True")
        if isinstance(e, Ascribe) and self.s.type_of(e.ty) == P:
            return self.prop(e.e)
        if isinstance(e, Quant):
            return self.bounded(e)
        if isinstance(e, App | Var):
            d = self.s.resolve(e.fn if isinstance(e, App) else e.name)
            if d is not None and d.result == P:
                return self.call(d, e.args if isinstance(e, App) else ())
            name = e.fn if isinstance(e, App) else e.name
            raise Unsupported(f"`{name}` is not an arithmetic proposition")
        raise Unsupported(f"`{show(e)}` is not an arithmetic proposition")

    def bounded(self, e: Quant) -> T:
        """A quantifier over ``t < T`` (Nat): decided exactly by enumerating ``t``."""
        from axiomdl.compute.translate import bounded_quantifier

        bq = bounded_quantifier(e)
        if bq is None:
            raise Unsupported("a quantifier in a position that cannot be sampled")
        name, bound, inclusive, body = bq
        tb = self.term(bound, N)
        if tb[1] != N:
            raise Unsupported("a bounded quantifier whose bound is not a Nat")
        saved = self.s.vars.get(name, "__absent__")
        self.s.vars[name] = N
        try:
            tbody = self.prop(body)
        finally:
            if saved == "__absent__":
                self.s.vars.pop(name, None)
            else:
                self.s.vars[name] = saved  # type: ignore[assignment]
        return ("bq", P, e.q, name, tb, inclusive, tbody)

    def relation(self, e: Bin) -> T:
        leaves: list[Node] = []
        self._leaves(e.a, leaves)
        self._leaves(e.b, leaves)
        ty = self._max_type(leaves, None)
        a = self.term(e.a, ty, uniform=True)
        b = self.term(e.b, ty, uniform=True)
        return ("rel", P, e.op, a, b)

    # -- terms
    def _leaves(self, e: Node, out: list[Node]) -> None:
        if isinstance(e, Bin) and e.op in ARITH:
            self._leaves(e.a, out)
            self._leaves(e.b, out)
        elif (isinstance(e, Bin) and e.op == "^") or (isinstance(e, Un) and e.op == "-"):
            self._leaves(e.a, out)
        else:
            out.append(e)

    def _leaf_type(self, e: Node) -> str | None:
        if isinstance(e, Num):
            return None if e.value.denominator == 1 else F
        if isinstance(e, Un) and e.op == "↑":
            return None
        if isinstance(e, Var) and e.name in self.s.vars and self.s.vars[e.name] is None:
            return None
        return self.leaf(e, None)[1]

    def _max_type(self, leaves: list[Node], expected: str | None) -> str:
        ty = expected if expected in _RANK else None
        for x in leaves:
            ty = _join(ty, self._leaf_type(x))
        return ty or N

    def term(self, e: Node, expected: str | None, uniform: bool = False) -> T:
        """Elaborate an arithmetic term; ``uniform``: the caller already fixed the tree type."""
        if not uniform:
            leaves: list[Node] = []
            self._leaves(e, leaves)
            expected = self._max_type(leaves, expected)
        assert expected is not None
        return self._tree(e, expected)

    def _tree(self, e: Node, ty: str) -> T:
        if isinstance(e, Bin) and e.op in ARITH:
            return (e.op, ty, self._tree(e.a, ty), self._tree(e.b, ty))
        if isinstance(e, Bin) and e.op == "^":
            exp = self.term(e.b, N)
            if exp[1] != N:
                raise Unsupported("a non-Nat exponent")
            return ("pow", ty, self._tree(e.a, ty), exp)
        if isinstance(e, Un) and e.op == "-":
            if ty == N:
                raise Unsupported("negation of a Nat")
            return ("neg", ty, self._tree(e.a, ty))
        t = self.leaf(e, ty)
        return cast_to(t, ty)

    def leaf(self, e: Node, expected: str | None) -> T:
        if isinstance(e, Num):
            v = e.value
            if expected is None:
                return ("num", None, v) if v.denominator == 1 else ("num", F, v)
            return _retype(("num", None, v), expected)
        if isinstance(e, Var):
            return self.var(e.name, expected)
        if isinstance(e, Ascribe):
            to = self.s.type_of(e.ty)
            if to is None or to == P:
                raise Unsupported(f"ascription to `{show(e.ty)}`")
            return cast_to(self.term(e.e, to), to)
        if isinstance(e, Un) and e.op == "↑":
            inner = self.term(e.a, None)
            return cast_to(inner, expected) if expected else inner
        if isinstance(e, Un) and e.op == "inv":
            ty = expected or F
            if ty != F:
                raise Unsupported("`⁻¹` outside a field")
            return ("inv", F, self.term(e.a, F))
        if isinstance(e, Ite):
            c = self.prop(e.c)
            leaves: list[Node] = []
            self._leaves(e.a, leaves)
            self._leaves(e.b, leaves)
            ty = self._max_type(leaves, expected)
            return ("ite", ty, c, self.term(e.a, ty, True), self.term(e.b, ty, True))
        if isinstance(e, App):
            return self.app(e, expected)
        if isinstance(e, Bin | Un):
            return self.term(e, expected)
        raise Unsupported(f"`{show(e)}` is not an arithmetic term")

    def function(self, e: Node, fty: str) -> T:
        """A function-typed argument: a lambda or a function variable of the same type."""
        arg_tys, res = fn_parts(fty)
        if isinstance(e, Var) and self.s.vars.get(e.name) == fty:
            return ("var", fty, e.name)
        if isinstance(e, Lam):
            if len(e.names) != len(arg_tys):
                raise Unsupported("a lambda of the wrong arity")
            saved = {n: self.s.vars.get(n, "__absent__") for n in e.names}
            for n, t in zip(e.names, arg_tys, strict=True):
                self.s.vars[n] = t
            try:
                body = cast_to(self.term(e.body, res), res)
            finally:
                for n, old in saved.items():
                    if old == "__absent__":
                        self.s.vars.pop(n, None)
                    else:
                        self.s.vars[n] = old  # type: ignore[assignment]
            return ("lam", fty, e.names, body)
        raise Unsupported(f"`{show(e)}` as a function argument")

    def var(self, name: str, expected: str | None) -> T:
        s = self.s
        if name in s.vars:
            ty = s.vars[name]
            if ty is None:  # an untyped ∀-variable: takes the type of its tree
                ty = expected or N
                s.vars[name] = ty
            if ty == P:
                raise Unsupported(f"`{name}` is a proposition used as a term")
            if is_fn(ty):
                raise Unsupported(f"the function `{name}` used as a number")
            return ("var", ty, name)
        d = s.resolve(name)
        if d is not None:
            return self.call(d, ())
        ty = s.unknown_as_var(name)
        if ty is not None:
            s.vars[name] = ty
            return ("var", ty, name)
        raise Unsupported(f"unknown constant `{name}`")

    def app(self, e: App, expected: str | None) -> T:
        fn = e.fn.split(".")[-1] if e.fn.startswith(("Max.", "Min.")) else e.fn
        args = e.args
        if fn in ("max", "min") and len(args) == 2:
            leaves: list[Node] = []
            self._leaves(args[0], leaves)
            self._leaves(args[1], leaves)
            ty = self._max_type(leaves, expected)
            return (fn, ty, self.term(args[0], ty, True), self.term(args[1], ty, True))
        if fn in ("Nat.succ",) and len(args) == 1:
            return ("+", N, self.term(args[0], N), ("num", N, 1))
        if fn in ("Nat.cast", "Int.cast", "Int.ofNat", "NatCast.natCast", "IntCast.intCast"):
            inner = self.term(args[0], None)
            to = expected or (Z if fn == "Int.ofNat" else F)
            return cast_to(inner, to)
        if fn == "Int.toNat" and len(args) == 1:
            return ("toNat", N, self.term(args[0], Z))
        if fn == "Int.natAbs" and len(args) == 1:
            return ("natAbs", N, self.term(args[0], Z))
        if fn == "abs" and len(args) == 1:
            a = self.term(args[0], expected)
            return ("abs", a[1], a)
        fty = self.s.vars.get(e.fn)
        if is_fn(fty):
            assert fty is not None
            arg_tys, res = fn_parts(fty)
            if len(args) != len(arg_tys):
                raise Unsupported(f"partial application of `{e.fn}`")
            targs = tuple(
                cast_to(self.term(a, at), at) for a, at in zip(args, arg_tys, strict=True)
            )
            return ("apply", res, e.fn, targs)
        d = self.s.resolve(e.fn)
        if d is None:
            self.s.unknown_as_var(e.fn)  # raises with the binder's type when it is data
            raise Unsupported(f"unknown function `{e.fn}`")
        return self.call(d, args)

    def call(self, d: DefInfo, args: tuple[Node, ...]) -> T:
        args = tuple(a for a in args if not (isinstance(a, Var) and a.name == "__named_arg__"))
        if len(args) != len(d.params):
            raise Unsupported(f"partial application of `{d.name}`")
        targs = []
        for a, (_pn, pty) in zip(args, d.params, strict=True):
            if pty == P:
                targs.append(self.prop(a))
            elif is_fn(pty):
                targs.append(self.function(a, pty))
            else:
                targs.append(cast_to(self.term(a, pty), pty))
        return ("call", d.result, d, tuple(targs))


# ---------------------------------------------------------------- evaluation

Value = Any
Env = dict[str, Value]


def _ediv(a: int, b: int) -> int:
    if b == 0:
        return 0
    return a // b if b > 0 else -((-a) // b)


def _emod(a: int, b: int) -> int:
    if b == 0:
        return a
    return a - b * _ediv(a, b)


def _div(ty: str, a: Value, b: Value) -> Value:
    if ty == F:
        return Fraction(0) if b == 0 else Fraction(a) / b
    if ty == N:
        return 0 if b == 0 else a // b
    return _ediv(a, b)


def _mod(ty: str, a: Value, b: Value) -> Value:
    if ty == F:
        return Fraction(0)  # `%` on a field: Lean has no such instance; never reached
    if ty == N:
        return a if b == 0 else a % b
    return _emod(a, b)


def _pow(a: Value, n: int) -> Value:
    if n > MAX_EXPONENT:
        raise BadInstance("exponent too large")
    if isinstance(a, Fraction):
        bits = max(a.numerator.bit_length(), a.denominator.bit_length())
    else:
        bits = int(a).bit_length()
    if bits * n > 1_000_000:  # keep exact arithmetic bounded (nested powers)
        raise BadInstance("value too large")
    return a**n


_REL: dict[str, Callable[[Value, Value], bool]] = {
    "≤": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "=": lambda a, b: a == b,
    "≠": lambda a, b: a != b,
    "≥": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
}


class Evaluator:
    """Exact evaluation of typed IR under one assignment, unfolding definitions."""

    def __init__(self, defs_elab: Callable[[DefInfo], Any], max_depth: int = 400) -> None:
        self.defs_elab = defs_elab
        self.depth = 0
        self.max_depth = max_depth
        self.memo: dict[tuple[str, tuple[Value, ...]], Value] = {}

    def ev(self, t: T, env: Env) -> Value:
        tag = t[0]
        if tag == "num":
            return t[2]
        if tag == "var":
            return env[t[2]]
        if tag == "+":
            return self.ev(t[2], env) + self.ev(t[3], env)
        if tag == "-":
            v = self.ev(t[2], env) - self.ev(t[3], env)
            return max(v, 0) if t[1] == N else v
        if tag == "*":
            return self.ev(t[2], env) * self.ev(t[3], env)
        if tag == "/":
            return _div(t[1], self.ev(t[2], env), self.ev(t[3], env))
        if tag == "%":
            return _mod(t[1], self.ev(t[2], env), self.ev(t[3], env))
        if tag == "neg":
            return -self.ev(t[2], env)
        if tag == "pow":
            return _pow(self.ev(t[2], env), self.ev(t[3], env))
        if tag == "inv":
            v = self.ev(t[2], env)
            return Fraction(0) if v == 0 else 1 / Fraction(v)
        if tag == "cast":
            v = self.ev(t[2], env)
            return Fraction(v) if t[1] == F else int(v)
        if tag == "max":
            return max(self.ev(t[2], env), self.ev(t[3], env))
        if tag == "min":
            return min(self.ev(t[2], env), self.ev(t[3], env))
        if tag == "abs":
            return abs(self.ev(t[2], env))
        if tag == "toNat":
            return max(self.ev(t[2], env), 0)
        if tag == "natAbs":
            return abs(self.ev(t[2], env))
        if tag == "ite":
            return self.ev(t[3], env) if self.ev(t[2], env) else self.ev(t[4], env)
        if tag == "rel":
            return _REL[t[2]](self.ev(t[3], env), self.ev(t[4], env))
        if tag == "∧":
            return self.ev(t[2], env) and self.ev(t[3], env)
        if tag == "∨":
            return self.ev(t[2], env) or self.ev(t[3], env)
        if tag == "→":
            return (not self.ev(t[2], env)) or self.ev(t[3], env)
        if tag == "↔":
            return bool(self.ev(t[2], env)) == bool(self.ev(t[3], env))
        if tag == "¬":
            return not self.ev(t[2], env)
        if tag == "bool":
            return t[2]
        if tag == "call":
            return self.call(t[2], [self.ev(a, env) for a in t[3]])
        if tag == "bq":
            q, name, inclusive, body = t[2], t[3], t[5], t[6]
            n = self.ev(t[4], env) + (1 if inclusive else 0)
            if n > MAX_ENUMERATION:
                raise BadInstance("bounded quantifier too large")
            local = dict(env)
            for k in range(n):
                local[name] = k
                v = self.ev(body, local)
                if q == "forall" and not v:
                    return False
                if q == "exists" and v:
                    return True
            return q == "forall"
        if tag == "apply":
            return env[t[2]](*[self.ev(a, env) for a in t[3]])
        if tag == "lam":
            names, body = t[2], t[3]

            def closure(*vals: Value) -> Value:
                return self.ev(body, {**env, **dict(zip(names, vals, strict=True))})

            return closure
        raise Unsupported(f"cannot evaluate `{tag}`")

    def call(self, d: DefInfo, vals: list[Value]) -> Value:
        key = (d.name, tuple(vals))
        if key in self.memo:
            return self.memo[key]
        self.depth += 1
        if self.depth > self.max_depth:
            self.depth = 0
            raise BadInstance(f"recursion of `{d.name}` too deep")
        try:
            compiled = self.defs_elab(d)
            env = {pn: v for (pn, _), v in zip(d.params, vals, strict=True)}
            if compiled[0] == "body":
                out = self.ev(compiled[1], env)
            else:
                out = self._equations(d, compiled[1], vals, env)
        finally:
            self.depth = max(self.depth - 1, 0)
        if len(self.memo) < 100_000:
            self.memo[key] = out
        return out

    def _equations(self, d: DefInfo, eqs: list[Any], vals: list[Value], env: Env) -> Value:
        matched = vals[d.n_fixed :]
        for pats, rhs in eqs:
            local = dict(env)
            ok = True
            for pat, v in zip(pats, matched, strict=True):
                kind = pat[0]
                if kind == "lit":
                    ok = v == pat[1]
                elif kind == "succ":
                    ok = isinstance(v, int) and v >= pat[2]
                    if ok:
                        local[pat[1]] = v - pat[2]
                elif kind == "bind":
                    local[pat[1]] = v
                if not ok:
                    break
            if ok:
                return self.ev(rhs, local)
        raise BadInstance(f"no equation of `{d.name}` matches")


# ---------------------------------------------------------------- sympy translation

_SYM_CACHE: dict[str, sympy.Symbol] = {}


def sym(name: str) -> sympy.Symbol:
    """The sympy symbol for a Lean variable (cached)."""
    s = _SYM_CACHE.get(name)
    if s is None:
        s = _SYM_CACHE[name] = sympy.Symbol(name, real=True)
    return s


def to_sympy(t: T) -> sympy.Expr:
    """Translate a polynomial term to sympy (for solving equality hypotheses).

    Division, ``%``, ``max``/``min``, calls and ``Nat`` subtraction are refused: solving
    through them would ignore Lean's junk values and truncation.
    """
    tag = t[0]
    ty = t[1]
    if tag == "num":
        v = Fraction(t[2])
        return sympy.Rational(v.numerator, v.denominator)
    if tag == "var":
        return sym(t[2])
    if tag == "+":
        return to_sympy(t[2]) + to_sympy(t[3])
    if tag == "-" and ty != N:
        return to_sympy(t[2]) - to_sympy(t[3])
    if tag == "*":
        return to_sympy(t[2]) * to_sympy(t[3])
    if tag == "neg":
        return -to_sympy(t[2])
    if tag == "pow" and t[3][0] == "num":
        return to_sympy(t[2]) ** int(t[3][2])
    if tag == "cast" and t[2][1] in (N, Z):
        return to_sympy(t[2])
    raise Unsupported(f"`{tag}` is not polynomial")
