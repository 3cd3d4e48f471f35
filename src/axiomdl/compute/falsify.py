"""Search for counterexamples to arithmetic statements by exact computation.

Instances come from three sources: edge cases (0, ±1, ±2, ½, tiny and huge values), random
rationals, and sympy: an equality hypothesis is solved for one of its variables, and each
inequality hypothesis is also tried at its boundary (solved as an equality), where
off-by-one mistakes such as ``<`` for ``≤`` live. Only instances that satisfy every
hypothesis count; the conclusion is then evaluated exactly with Lean's junk values.
"""

from __future__ import annotations

import os
import random
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from axiomdl.compute.semantics import (
    BadInstance,
    Evaluator,
    F,
    N,
    P,
    Z,
    fn_parts,
    is_fn,
    sym,
    to_sympy,
)
from axiomdl.compute.syntax import Unsupported
from axiomdl.compute.translate import DefCache, Problem, build_problem

DEFAULT_INSTANCES = 300

_EDGE_F = [
    Fraction(0),
    Fraction(1),
    Fraction(-1),
    Fraction(2),
    Fraction(-2),
    Fraction(1, 2),
    Fraction(-1, 2),
    Fraction(3),
    Fraction(-3),
    Fraction(1, 3),
    Fraction(10**6),
    Fraction(-(10**6)),
    Fraction(1, 10**6),
    Fraction(-1, 10**6),
]
_EDGE_Z = [0, 1, -1, 2, -2, 3, -3, 5, -7, 10, -10, 100, -100, 10**6, -(10**6)]
_EDGE_N = [0, 1, 2, 3, 4, 5, 7, 10, 12, 100]


@dataclass
class Outcome:
    """The result for one declaration."""

    name: str
    status: str  # checked | counterexample | skipped | unsatisfied
    instances: int = 0
    reason: str = ""
    values: dict[str, str] | None = None
    detail: str = ""
    seconds: float = 0.0
    file: str = ""
    line: int = 0


class RandomFunction:
    """A random function ``Nat → K`` (or any scalar signature), fixed per instance.

    Values are drawn lazily but deterministically from ``seed`` and the arguments, and every
    point used is recorded so a counterexample can show the table it depended on.
    """

    def __init__(self, ty: str, seed: int, kind: str = "random") -> None:
        self.arg_tys, self.res = fn_parts(ty)
        self.seed = seed
        self.kind = kind
        self.table: dict[tuple[Any, ...], Any] = {}

    def __call__(self, *args: Any) -> Any:
        if args in self.table:
            return self.table[args]
        if self.kind == "zero":
            v: Any = Fraction(0) if self.res == F else 0
        elif self.kind == "one":
            v = Fraction(1) if self.res == F else 1
        else:
            rng = random.Random(hash((self.seed, *args)))
            v = _random_value(self.res, rng)
        self.table[args] = v
        return v

    def __repr__(self) -> str:
        if self.kind != "random":
            return "fun _ => " + ("0" if self.kind == "zero" else "1")
        pts = sorted(self.table.items(), key=lambda kv: [float(x) for x in kv[0]])[:8]
        body = ", ".join(f"{' '.join(fmt(a) for a in k)} ↦ {fmt(v)}" for k, v in pts)
        more = ", …" if len(self.table) > 8 else ""
        return "{" + body + more + "}"


def fmt(v: Any) -> str:
    """Render an exact value the way Lean would print it."""
    if isinstance(v, RandomFunction):
        return repr(v)
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, Fraction):
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    return str(v)


def _random_value(ty: str, rng: random.Random) -> Any:
    if is_fn(ty):
        return RandomFunction(ty, rng.getrandbits(48))
    r = rng.random()
    if ty == P:
        return r < 0.5
    if ty == N:
        if r < 0.6:
            return rng.randint(0, 12)
        return rng.randint(0, 60)
    if ty == Z:
        if r < 0.6:
            return rng.randint(-12, 12)
        return rng.randint(-1000, 1000)
    if r < 0.15:
        return rng.choice(_EDGE_F)
    if r < 0.7:
        return Fraction(rng.randint(-20, 20), rng.randint(1, 12))
    if r < 0.85:
        return Fraction(rng.randint(-(10**9), 10**9), rng.randint(1, 1000))
    return Fraction(rng.randint(-1000, 1000), rng.randint(1, 10**9))


def _edge(ty: str) -> list[Any]:
    if ty == P:
        return [True, False]
    if is_fn(ty):
        return [RandomFunction(ty, 0, "zero"), RandomFunction(ty, 0, "one")]
    return _EDGE_N if ty == N else _EDGE_Z if ty == Z else _EDGE_F


@dataclass
class _Plan:
    """Solve ``var`` from the others: ``var = expr`` (sympy), used for some instances."""

    var: str
    expr: sympy.Expr
    needs: tuple[str, ...]
    func: Any
    ty: str = F


def _plans(p: Problem) -> tuple[list[_Plan], list[_Plan]]:
    """Equality plans (always applied) and boundary plans (tried for some instances)."""
    must: list[_Plan] = []
    boundary: list[_Plan] = []
    solved: set[str] = set()
    for h in p.hyps:
        if h[0] != "rel":
            continue
        op = h[2]
        try:
            diff = sympy.expand(to_sympy(h[3]) - to_sympy(h[4]))
        except Unsupported:
            continue
        if sympy.count_ops(diff) > 60:  # solving large expressions can take minutes
            continue
        free = sorted(
            (str(s) for s in diff.free_symbols),
            key=lambda n: (sympy.degree(diff, sym(n)) if diff.is_polynomial(sym(n)) else 99, n),
        )
        if not free:
            continue
        for v in free:
            if op == "=" and v in solved:
                continue
            if p.vars.get(v) not in (F, Z, N):
                continue
            if not diff.is_polynomial(sym(v)) or sympy.degree(diff, sym(v)) > 4:
                continue
            try:
                sols = sympy.solve(diff, sym(v), dict=False)
            except Exception:  # sympy raises many types on hard input
                continue
            sols = [s for s in sols if s.is_real is not False]
            if not sols:
                continue
            s = sols[0]
            needs = tuple(sorted(str(x) for x in s.free_symbols))
            if v in needs:
                continue
            try:
                func = _compile(s)
            except Unsupported:
                continue
            plan = _Plan(v, s, needs, func, p.vars[v])
            if op == "=":
                must.append(plan)
                solved.add(v)
            else:
                boundary.append(plan)
            break
    return must, boundary


def _compile(e: sympy.Expr) -> Any:
    """A closure evaluating a rational function exactly on Fractions (no floats)."""
    if e.is_Rational:
        c = Fraction(int(e.p), int(e.q))
        return lambda env: c
    if e.is_Symbol:
        n = str(e)
        return lambda env: env[n]
    if e.is_Add or e.is_Mul:
        parts = [_compile(a) for a in e.args]
        if e.is_Add:
            return lambda env: sum((f(env) for f in parts), Fraction(0))

        def mul(env: dict[str, Any]) -> Any:
            out = Fraction(1)
            for f in parts:
                out *= f(env)
            return out

        return mul
    if e.is_Pow and e.exp.is_Integer:
        base, k = _compile(e.base), int(e.exp)
        return lambda env: Fraction(base(env)) ** k
    raise Unsupported("not a rational function")


def _apply(plan: _Plan, env: dict[str, Any]) -> bool:
    try:
        val = Fraction(plan.func(env))
    except (ZeroDivisionError, OverflowError):
        return False
    ty = plan.ty
    if ty == F:
        env[plan.var] = val
        return True
    if val.denominator != 1 or (ty == N and val < 0):
        return False
    env[plan.var] = int(val)
    return True


def _candidates(p: Problem, budget: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    names = list(p.vars)
    if not names:
        yield {}
        return
    # 1. edge-case grid (complete for one or two variables)
    pools = [_edge(p.vars[n]) for n in names]
    total = 1
    for pool in pools:
        total *= len(pool)
    if total <= budget:
        idx = [0] * len(names)
        while True:
            yield {n: pools[k][idx[k]] for k, n in enumerate(names)}
            k = 0
            while k < len(idx):
                idx[k] += 1
                if idx[k] < len(pools[k]):
                    break
                idx[k] = 0
                k += 1
            if k == len(idx):
                break
    else:
        for _ in range(budget // 2):
            yield {n: rng.choice(pools[k]) for k, n in enumerate(names)}
    # 2. mixed edge/random, then random
    while True:
        env = {}
        for k, n in enumerate(names):
            env[n] = rng.choice(pools[k]) if rng.random() < 0.3 else _random_value(p.vars[n], rng)
        yield env


def check_problem(p: Problem, instances: int = DEFAULT_INSTANCES, seed: int = 0) -> Outcome:
    """Search for a counterexample; the result is deterministic for a given seed."""
    t0 = time.perf_counter()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))  # recursive definitions
    rng = random.Random(zlib.crc32(p.name.encode()) ^ seed)
    make = p.make_scope
    ev = Evaluator(lambda d: p.defs.elaborated(d, make))
    must, boundary = _plans(p)
    satisfied = 0
    attempts = 0
    max_attempts = max(instances * 25, 200)
    seen: set[tuple[Any, ...]] = set()
    for env in _candidates(p, instances, rng):
        attempts += 1
        if attempts > max_attempts or satisfied >= instances:
            break
        if boundary and attempts % 3 == 0:
            plan = rng.choice(boundary)
            if not _apply(plan, env):
                continue
        ok = True
        for plan in must:
            if not _apply(plan, env):
                ok = False
                break
        if not ok:
            continue
        key = tuple(env.values())
        if key in seen:
            continue
        seen.add(key)
        try:
            if not all(ev.ev(h, env) for h in p.hyps):
                continue
            satisfied += 1
            holds = ev.ev(p.concl, env)
        except BadInstance:
            continue
        except RecursionError:
            continue
        if not holds:
            env = _shrink(p, ev, env, must)
            # re-evaluate once from scratch so sampled functions show only the points used
            ev.memo.clear()
            for v in env.values():
                if isinstance(v, RandomFunction):
                    v.table.clear()
            _is_counterexample(p, ev, env)
            return Outcome(
                p.name,
                "counterexample",
                satisfied,
                values={k: fmt(v) for k, v in env.items()},
                detail=_explain(p, ev, env),
                seconds=time.perf_counter() - t0,
                file=p.file,
                line=p.line,
            )
    dt = time.perf_counter() - t0
    if satisfied == 0:
        return Outcome(
            p.name,
            "unsatisfied",
            0,
            reason=f"no tried instance satisfies the hypotheses ({attempts} tried); possibly vacuous",
            seconds=dt,
            file=p.file,
            line=p.line,
        )
    return Outcome(p.name, "checked", satisfied, seconds=dt, file=p.file, line=p.line)


_SIMPLE = {
    F: [Fraction(0), Fraction(1), Fraction(-1), Fraction(2), Fraction(-2), Fraction(1, 2)],
    Z: [0, 1, -1, 2, -2, 3],
    N: [0, 1, 2, 3],
    P: [True, False],
}


def _is_counterexample(p: Problem, ev: Evaluator, env: dict[str, Any]) -> bool:
    try:
        return all(ev.ev(h, env) for h in p.hyps) and not ev.ev(p.concl, env)
    except (BadInstance, RecursionError):
        return False


def _shrink(p: Problem, ev: Evaluator, env: dict[str, Any], must: list[_Plan]) -> dict[str, Any]:
    """Replace values by simpler ones while the instance stays a counterexample."""
    solved = {pl.var for pl in must}
    for name in list(env):
        if name in solved:
            continue
        for cand in _SIMPLE.get(p.vars.get(name, F), []):
            if env[name] == cand:
                break
            trial = dict(env)
            trial[name] = cand
            if all(_apply(pl, trial) for pl in must) and _is_counterexample(p, ev, trial):
                env = trial
                break
    return env


def _explain(p: Problem, ev: Evaluator, env: dict[str, Any]) -> str:
    c = p.concl
    parts = []
    atoms = [c]
    while atoms:
        a = atoms.pop(0)
        if a[0] == "rel":
            try:
                lhs, rhs = ev.ev(a[3], env), ev.ev(a[4], env)
            except (BadInstance, RecursionError):
                continue
            if not ev.ev(a, env):
                parts.append(f"{fmt(lhs)} {a[2]} {fmt(rhs)} is false")
        elif a[0] in ("∧", "∨", "→", "↔"):
            atoms.extend([a[2], a[3]])
        elif a[0] == "¬":
            atoms.append(a[2])
    return "; ".join(parts[:3])


def falsify(
    project: Any,
    names: list[str] | None = None,
    instances: int = DEFAULT_INSTANCES,
    seed: int = 0,
    strict_names: bool = False,
) -> list[Outcome]:
    """Check the named declarations (default: every theorem, lemma and example)."""
    defs = DefCache(project)
    if names is None:
        names = [n for n, d in project.decls.items() if d.kind in ("theorem", "lemma", "example")]
    out: list[Outcome] = []
    for n in names:
        t0 = time.perf_counter()
        d = project.decls[n]
        fs = project.file_of(n)
        try:
            prob = build_problem(project, n, defs)
            out.append(check_problem(prob, instances, seed))
        except Unsupported as e:
            out.append(_skip(n, str(e), t0, fs.path, d.line))
        except RecursionError:
            out.append(_skip(n, "term too deeply nested", t0, fs.path, d.line))
        except Exception as e:  # one odd declaration must not stop a whole-project run
            if os.environ.get("AXIOMDL_DEBUG"):
                raise
            out.append(
                _skip(n, f"could not translate ({type(e).__name__}: {e})", t0, fs.path, d.line)
            )
    return out


def _skip(name: str, reason: str, t0: float, file: str, line: int) -> Outcome:
    return Outcome(
        name, "skipped", reason=reason, seconds=time.perf_counter() - t0, file=file, line=line
    )
