"""From a scanned declaration to an arithmetic problem: variables, hypotheses, conclusion.

The statement text from the scanner gives binders and type; ``variable`` lines of the file
supply the types of section variables (they are not in the header text); project
definitions are unfolded from their source lines. Quantifiers are pulled to the front where
that is sound (``∀`` in the conclusion, ``∃`` in a hypothesis) so each becomes one more
sampled variable; everything else outside the fragment raises :class:`Unsupported`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axiomdl.compute.semantics import (
    DefInfo,
    Elaborator,
    F,
    P,
    Scope,
    cast_to,
)
from axiomdl.compute.syntax import (
    App,
    Ascribe,
    Bin,
    Binder,
    Ite,
    Node,
    Num,
    Quant,
    Un,
    Unsupported,
    Var,
    free_idents,
    parse_binder_group,
    parse_header,
    parse_term,
    show,
)

CHECKED_KINDS = ("theorem", "lemma", "example")
_FIELD_CLASS = re.compile(r"Field|OrderedRing|OrderedSemiring|LinearOrderedRing|Real|Rat")
_SINGLE = re.compile(r"^[A-Za-z\u03b1-\u03c9\u0391-\u03a9][\u2080-\u2089\d']*$")
_TYPE_UNIVERSE = re.compile(r"^(Type|Sort)\b")


@dataclass
class Problem:
    """A statement as a sampling problem: typed variables, hypotheses and a conclusion."""

    name: str
    vars: dict[str, str]
    hyps: list[Any]  # typed IR propositions
    hyp_text: list[str]
    concl: Any
    concl_text: str
    elab: Elaborator
    defs: DefCache
    make_scope: Any
    file: str = ""
    line: int = 0


@dataclass
class FileContext:
    """What the ``variable`` lines of one file declare."""

    binders: list[Binder] = field(default_factory=list)
    instances: list[str] = field(default_factory=list)


_CMD_START = re.compile(
    r"^(?:@\[|/--|/-!|theorem|lemma|def|abbrev|example|instance|structure|class|inductive|"
    r"section|namespace|end|open|variable|universe|set_option|noncomputable|private|protected|"
    r"import|attribute|#)"
)


def strip_comments(text: str) -> str:
    """Remove ``--`` line comments and (non-nested) ``/- … -/`` block comments."""
    text = re.sub(r"/-.*?-/", " ", text, flags=re.S)
    return re.sub(r"--[^\n]*", "", text)


def file_context(text: str) -> FileContext:
    """Collect binders of every ``variable`` command in a file."""
    ctx = FileContext()
    lines = strip_comments(text).split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("variable"):
            chunk = [ln[len("variable") :]]
            i += 1
            while i < len(lines) and lines[i].strip() and not _CMD_START.match(lines[i]):
                chunk.append(lines[i])
                i += 1
            _read_groups(" ".join(chunk), ctx)
            continue
        i += 1
    return ctx


def _read_groups(text: str, ctx: FileContext) -> None:
    pairs = {"(": ")", "{": "}", "[": "]", "⦃": "⦄"}
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in pairs:
            depth, j = 0, i
            while j < len(text):
                if text[j] in "([{⦃":
                    depth += 1
                elif text[j] in ")]}⦄":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            try:
                bs, inst = parse_binder_group(ch, text[i + 1 : j])
            except Unsupported:
                bs, inst = [], None
            ctx.binders.extend(bs)
            if inst is not None:
                ctx.instances.append(inst)
            i = j + 1
        else:
            i += 1


class DefCache:
    """Unfoldable project definitions, read lazily from their source lines."""

    def __init__(self, project: Any) -> None:
        self.project = project
        self.infos: dict[str, DefInfo | str] = {}
        self.compiled: dict[str, Any] = {}
        self.file_text: dict[str, str] = {}
        self.file_ctx: dict[str, FileContext] = {}
        self._def_names = [n for n, d in project.decls.items() if d.kind in ("def", "abbrev")]

    # -- files
    def text_of(self, rel: str) -> str:
        if rel not in self.file_text:
            try:
                self.file_text[rel] = (Path(self.project.root) / rel).read_text(encoding="utf-8")
            except OSError:
                self.file_text[rel] = ""
        return self.file_text[rel]

    def context_of(self, rel: str) -> FileContext:
        if rel not in self.file_ctx:
            self.file_ctx[rel] = file_context(self.text_of(rel))
        return self.file_ctx[rel]

    # -- lookup
    def lookup(self, name: str, where: str) -> DefInfo | None:
        """Resolve ``name`` as seen from declaration ``where``; raise if found but unusable."""
        full = self._find(name, where)
        if full is None:
            return None
        info = self.infos.get(full)
        if info is None:
            try:
                info = self._build(full)
            except Unsupported as e:
                info = f"`{name}` cannot be unfolded ({e})"
            self.infos[full] = info
        if isinstance(info, str):
            raise Unsupported(info)
        return info

    def _find(self, name: str, where: str) -> str | None:
        decls = self.project.decls
        parts = where.split(".")[:-1]
        while True:
            cand = ".".join([*parts, name])
            d = decls.get(cand)
            if d is not None and d.kind in ("def", "abbrev"):
                return cand
            if not parts:
                break
            parts.pop()
        hits = [n for n in self._def_names if n.endswith("." + name)]
        return hits[0] if len(hits) == 1 else None

    def _build(self, full: str) -> DefInfo:
        d = self.project.decls[full]
        fs = self.project.file_of(full)
        h = parse_header(d.statement)
        ctx = self.context_of(fs.path)
        scalars = scalar_types(h.binders, h.inst_text, ctx)
        scope = Scope({}, scalars, {}, lambda _n: None)
        params: list[tuple[str, str]] = []
        for b in h.binders:
            if b.kind != "(":
                continue
            ty = scope.type_of(b.ty)
            if ty is None:
                raise Unsupported(f"parameter `{b.name} : {b.ty_text}` is not a scalar")
            params.append((b.name, ty))
        n_fixed = len(params)
        # result type, possibly an arrow `Nat → K` (equation compiler style)
        rtype = parse_term(h.type_text) if h.type_text else None
        extra: list[str] = []
        while isinstance(rtype, Bin) and rtype.op == "→":
            t = scope.type_of(rtype.a)
            if t is None or t == P:
                raise Unsupported(f"argument type `{show(rtype.a)}`")
            extra.append(t)
            rtype = rtype.b
        result = scope.type_of(rtype)
        if result is None:
            raise Unsupported(f"result type `{h.type_text}` is not a scalar or Prop")
        body_text, is_eq = self._body(full, fs.path, d.line, d.end_line)
        info = DefInfo(full, params, result, n_fixed=n_fixed)
        for k, t in enumerate(extra):
            info.params.append((f"_arg{k}", t))
        if is_eq:
            info.equations = _equations(body_text, len(extra))
        else:
            if extra:
                raise Unsupported("a function-valued body")
            info.body = parse_term(body_text)
        self.compiled[full] = ("pending", scalars, fs.path)
        return info

    def _body(self, full: str, rel: str, line: int, end_line: int) -> tuple[str, bool]:
        lines = self.text_of(rel).split("\n")[line - 1 : end_line]
        text = strip_comments("\n".join(lines))
        depth = 0
        for k, ch in enumerate(text):
            if ch in "([{⦃⟨":
                depth += 1
            elif ch in ")]}⦄⟩":
                depth -= 1
            elif depth == 0 and text.startswith(":=", k):
                body = text[k + 2 :].strip()
                if re.search(r"(?<![\w.])(where|termination_by|decreasing_by)(?![\w'])", body):
                    raise Unsupported("`where`/`termination_by` clauses")
                return body, False
            elif depth == 0 and ch == "|" and (k == 0 or text[k - 1] in " \n"):
                line_start = text.rfind("\n", 0, k)
                if text[line_start + 1 : k].strip() == "":
                    return text[k:], True
        raise Unsupported("no definition body")

    def elaborated(self, d: DefInfo, make_scope: Any) -> Any:
        """Elaborate a definition body once (typed IR), cached by name."""
        c = self.compiled.get(d.name)
        if c is not None and c[0] != "pending":
            return c
        scalars = c[1] if c else {"K"}
        if d.body is not None:
            scope = make_scope(dict(d.params), scalars)
            el = Elaborator(scope)
            body = el.prop(d.body) if d.result == P else el.term(d.body, d.result)
            if d.result != P and body[1] != d.result:
                body = cast_to(body, d.result)
            out: Any = ("body", body)
        else:
            eqs = []
            matched_types = [t for _n, t in d.params[d.n_fixed :]]
            for pats, rhs in d.equations:
                vars_: dict[str, str | None] = dict(d.params[: d.n_fixed])
                tpats = []
                for p, ty in zip(pats, matched_types, strict=True):
                    tpats.append(p)
                    if p[0] in ("succ", "bind") and p[1] != "_":
                        vars_[p[1]] = ty
                scope = make_scope(vars_, scalars)
                eqs.append((tpats, Elaborator(scope).term(rhs, d.result)))
            out = ("eqs", eqs)
        self.compiled[d.name] = out
        return out


def _pattern(text: str) -> tuple[Any, ...]:
    s = text.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if re.fullmatch(r"\d+", s):
        return ("lit", int(s))
    if s in (".zero", "Nat.zero"):
        return ("lit", 0)
    m = re.fullmatch(r"([^\W\d][\w']*)\s*\+\s*(\d+)", s)
    if m:
        return ("succ", m.group(1), int(m.group(2)))
    m = re.fullmatch(r"(?:\.succ|Nat\.succ)\s+([^\W\d][\w']*)", s) or re.fullmatch(
        r"([^\W\d][\w']*)\.succ", s
    )
    if m:
        return ("succ", m.group(1), 1)
    if re.fullmatch(r"[^\W\d][\w']*|_", s):
        return ("bind", s)
    raise Unsupported(f"pattern `{s}`")


def _equations(text: str, arity: int) -> list[tuple[list[Any], Node]]:
    alts = [a for a in re.split(r"(?:^|\n)\s*\|", text) if a.strip()]
    out = []
    for a in alts:
        if "=>" not in a:
            raise Unsupported("unreadable equation")
        lhs, rhs = a.split("=>", 1)
        pats = [_pattern(p) for p in lhs.split(",")]
        if len(pats) != arity:
            raise Unsupported("equations with a different arity")
        out.append((pats, parse_term(rhs)))
    return out


def scalar_types(binders: list[Binder], inst_text: list[str], ctx: FileContext) -> set[str]:
    """Type variables carrying field-like instances (and `K` by convention)."""
    tvars = {
        b.name for b in [*ctx.binders, *binders] if b.ty_text and _TYPE_UNIVERSE.match(b.ty_text)
    }
    out = {"K"}
    for inst in [*ctx.instances, *inst_text]:
        if _FIELD_CLASS.search(inst):
            for w in re.findall(r"[^\W\d][\w']*", inst):
                if w in tvars:
                    out.add(w)
    return out


# ---------------------------------------------------------------- prenex


def _rename(e: Node, old: str, new: str) -> Node:
    if isinstance(e, Var):
        return Var(new) if e.name == old else e
    if isinstance(e, App):
        return App(new if e.fn == old else e.fn, tuple(_rename(a, old, new) for a in e.args))
    if isinstance(e, Bin):
        return Bin(e.op, _rename(e.a, old, new), _rename(e.b, old, new))
    if isinstance(e, Un):
        return Un(e.op, _rename(e.a, old, new))
    if isinstance(e, Ascribe):
        return Ascribe(_rename(e.e, old, new), e.ty)
    if isinstance(e, Ite):
        return Ite(_rename(e.c, old, new), _rename(e.a, old, new), _rename(e.b, old, new))
    if isinstance(e, Quant):
        if old in e.names:
            return e
        pred = (e.pred[0], _rename(e.pred[1], old, new)) if e.pred else None
        return Quant(e.q, e.names, e.ty, _rename(e.body, old, new), pred)
    return e


def bounded_quantifier(e: Quant) -> tuple[str, Node, bool, Node] | None:
    """``∀ t < T, P`` / ``∀ t, t ≤ T → P`` / ``∃ t, t < T ∧ P`` → (t, T, inclusive, P)."""
    if len(e.names) != 1:
        return None
    t = e.names[0]
    if e.ty is not None and not (isinstance(e.ty, Var) and e.ty.name in ("Nat", "ℕ")):
        return None
    if e.pred is not None:
        op, bound = e.pred
        return (t, bound, op == "≤", e.body) if op in ("<", "≤") else None
    link = "→" if e.q == "forall" else "∧"
    b = e.body
    if (
        isinstance(b, Bin)
        and b.op == link
        and isinstance(b.a, Bin)
        and b.a.op in ("<", "≤")
        and isinstance(b.a.a, Var)
        and b.a.a.name == t
    ):
        return (t, b.a.b, b.a.op == "≤", b.b)
    return None


def _has_quant(e: Node) -> bool:
    if isinstance(e, Quant):
        return True
    if isinstance(e, Bin):
        return _has_quant(e.a) or _has_quant(e.b)
    if isinstance(e, Un):
        return _has_quant(e.a)
    return False


def pull_quantifiers(
    e: Node, positive: bool, used: set[str], out: list[tuple[str, Node | None]]
) -> Node:
    """Move sound quantifiers to the front: ∀ in positive, ∃ in negative position."""
    if isinstance(e, Quant):
        universal = (e.q == "forall") == positive
        if not universal and bounded_quantifier(e) is not None:
            return e  # `∀ t < T, …` / `∃ t, t < T ∧ …`: decided by enumeration
        if not universal:
            raise Unsupported(
                "an existential conclusion" if positive else "a `∀` inside a hypothesis"
            )
        body = e.body
        pred = e.pred
        for n in e.names:
            new = n
            while new in used:
                new += "'"
            used.add(new)
            if new != n:
                body = _rename(body, n, new)
            out.append((new, e.ty))
            if pred is not None:
                guard = Bin(pred[0], Var(new), pred[1])
                body = Bin("→", guard, body) if e.q == "forall" else Bin("∧", guard, body)
        return pull_quantifiers(body, positive, used, out)
    if isinstance(e, Bin) and e.op in ("∧", "∨"):
        return Bin(
            e.op,
            pull_quantifiers(e.a, positive, used, out),
            pull_quantifiers(e.b, positive, used, out),
        )
    if isinstance(e, Bin) and e.op == "→":
        return Bin(
            "→",
            pull_quantifiers(e.a, not positive, used, out),
            pull_quantifiers(e.b, positive, used, out),
        )
    if isinstance(e, Un) and e.op == "¬":
        return Un("¬", pull_quantifiers(e.a, not positive, used, out))
    if isinstance(e, Bin) and e.op == "↔" and (_has_quant(e.a) or _has_quant(e.b)):
        raise Unsupported("a quantifier under `↔`")
    return e


def _split_premises(e: Node) -> tuple[list[Node], Node]:
    hyps: list[Node] = []
    while isinstance(e, Bin) and e.op == "→":
        hyps.extend(_conjuncts(e.a))
        e = e.b
    return hyps, e


def _conjuncts(e: Node) -> list[Node]:
    if isinstance(e, Bin) and e.op == "∧":
        return _conjuncts(e.a) + _conjuncts(e.b)
    return [e]


# ---------------------------------------------------------------- problem


def ctx_types(ctx: FileContext, probe: Scope) -> dict[str, str]:
    """Scalar types of the variables declared by the file's `variable` lines."""
    out = {}
    for b in ctx.binders:
        t = probe.type_of(b.ty)
        if t is not None and t != P:
            out[b.name] = t
    return out


def _scope_factory(
    defs: DefCache, where: str, scalars: set[str], ctx: FileContext, opaque: dict[str, str]
) -> Any:
    file_vars = {}
    probe = Scope({}, scalars, {}, lambda _n: None)
    for b in ctx.binders:
        t = probe.type_of(b.ty)
        if t is not None and t != P:
            file_vars[b.name] = t

    def unknown_as_var(name: str) -> str | None:
        head = name.split(".")[0]
        if head in opaque:
            raise Unsupported(f"`{head} : {opaque[head]}` is not a scalar")
        if name in file_vars:
            return file_vars[name]
        if _SINGLE.match(name) and name not in scalars:
            return F
        return None

    def make(vars_: dict[str, str | None], sc: set[str] | None = None) -> Scope:
        scope = Scope(vars_, sc or scalars, {}, lambda n: defs.lookup(n, where), unknown_as_var)
        return scope

    return make


def build_problem(project: Any, name: str, defs: DefCache) -> Problem:
    """Translate one declaration; raise :class:`Unsupported` with the reason to skip it."""
    d = project.decls[name]
    if d.kind not in CHECKED_KINDS:
        raise Unsupported(f"a {d.kind}, not a theorem")
    fs = project.file_of(name)
    h = parse_header(d.statement)
    if not h.type_text:
        raise Unsupported("no stated type (`example := …`)")
    for inst in h.inst_text:  # hypotheses passed as instances must not be dropped
        if re.match(r"(Fact|NeZero|NeZero\.|Nontrivial)\b", inst.strip()):
            raise Unsupported(f"an instance hypothesis `[{inst.strip()}]`")
    ctx = defs.context_of(fs.path)
    scalars = scalar_types(h.binders, h.inst_text, ctx)
    probe = Scope({}, scalars, {}, lambda _n: None)
    vars_: dict[str, str | None] = {}
    premises: list[Node] = []
    opaque: dict[str, str] = {}
    mentioned = _mentioned(h)
    tvars = {
        b.name for b in [*ctx.binders, *h.binders] if b.ty_text and _TYPE_UNIVERSE.match(b.ty_text)
    }
    for b in h.binders:
        if b.kind == "[":
            continue
        t = probe.type_of(b.ty)
        if t is not None:
            vars_[b.name] = t
        elif b.ty_text and _TYPE_UNIVERSE.match(b.ty_text):
            continue
        elif b.name in mentioned or _is_data_type(b.ty, tvars):
            opaque[b.name] = b.ty_text
        else:
            premises.append(b.ty if b.ty is not None else Var("True"))
    try:
        stmt = parse_term(h.type_text)
    except Unsupported as e:
        raise Unsupported(f"statement: {e}") from None
    # hypotheses declared with `variable` (e.g. `variable (hk : 0 < k)` + `include hk`) are
    # part of the statement when Lean includes them; to never report a false counterexample,
    # every such hypothesis about a variable the statement mentions is assumed.
    stated = free_idents(stmt) | {b.name for b in h.binders}
    for b in ctx.binders:
        if (
            b.ty is not None
            and b.name not in stated
            and _is_hypothesis_type(b.ty)
            and free_idents(b.ty) & stated
        ):
            premises.insert(0, b.ty)
    if _looks_opaque(stmt):
        raise Unsupported("statement is not an arithmetic proposition")
    formula: Node = stmt
    for p in reversed(premises):
        formula = Bin("→", p, formula)
    used = set(vars_) | {b.name for b in h.binders}
    pulled: list[tuple[str, Node | None]] = []
    formula = pull_quantifiers(formula, True, used, pulled)
    make = _scope_factory(defs, name, scalars, ctx, opaque)
    for n, ty in pulled:
        if ty is None:
            vars_[n] = None
        else:
            t = probe.type_of(ty)
            if t is None or t == P:
                raise Unsupported(f"bound variable `{n} : {show(ty)}` is not a scalar")
            vars_[n] = t
    hyps_ast, concl_ast = _split_premises(formula)
    # undeclared single letters: with `autoImplicit false` they can only come from a
    # `variable` line (default: the scalar type K); with auto-bound implicits Lean infers
    # their type from use, so they take the type of their arithmetic tree (numerals: Nat)
    free = free_idents(formula) - set(vars_) - opaque.keys() - tvars - scalars
    for x in sorted(free):
        if not _SINGLE.match(x) or x in ("True", "False"):
            continue
        try:
            if defs.lookup(x, name) is not None:
                continue
        except Unsupported:
            continue
        ft = ctx_types(ctx, probe).get(x)
        vars_[x] = ft if ft is not None else (F if fs.autoimplicit_off else None)
    scope = make(vars_)
    el = Elaborator(scope)
    hyps = []
    for hp in hyps_ast:
        try:
            hyps.append(el.prop(hp))
        except Unsupported as e:
            raise Unsupported(f"hypothesis `{show(hp)}`: {e}") from None
    concl = el.prop(concl_ast)
    concrete = {k: (v or "Nat") for k, v in scope.vars.items()}
    return Problem(
        name=name,
        vars=concrete,
        hyps=hyps,
        hyp_text=[show(x) for x in hyps_ast],
        concl=concl,
        concl_text=show(concl_ast),
        elab=el,
        defs=defs,
        make_scope=make,
        file=fs.path,
        line=d.line,
    )


def _mentioned(h: Any) -> set[str]:
    words = set(re.findall(r"[^\W\d][\w'.]*", h.type_text))
    for b in h.binders:
        words |= set(re.findall(r"[^\W\d][\w'.]*", b.ty_text))
    return {w.split(".")[0] for w in words} | words


_DATA_HEADS = {
    "List",
    "Array",
    "Fin",
    "Option",
    "Set",
    "Finset",
    "Prod",
    "Vector",
    "InnerProductSpace",
}


def _is_data_type(ty: Node | None, tvars: set[str]) -> bool:
    if isinstance(ty, Var):
        return ty.name in tvars or ty.name.startswith("__opaque")
    if isinstance(ty, App):
        return ty.fn.split(".")[-1] in _DATA_HEADS
    if isinstance(ty, Bin) and ty.op == "→":
        return not _looks_prop(ty.a) or isinstance(ty.a, Var)
    return False


def _is_hypothesis_type(e: Node) -> bool:
    if isinstance(e, Bin):
        return e.op in ("≤", "<", "=", "≠", "≥", ">", "∧", "∨", "↔")
    return isinstance(e, Un) and e.op == "¬"


def _looks_prop(e: Node) -> bool:
    if isinstance(e, Bin):
        return e.op in ("≤", "<", "=", "≠", "≥", ">", "∧", "∨", "→", "↔")
    if isinstance(e, Un):
        return e.op == "¬"
    if isinstance(e, Quant):
        return True
    return isinstance(e, App | Var)


def _looks_opaque(e: Node) -> bool:
    return isinstance(e, Num)
