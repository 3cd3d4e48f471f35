"""Read one Lean 4 file into declarations, scopes and problems, in linear time.

The file is cleaned (comments and strings blanked), split into commands at
command keywords, and each command is interpreted against a scope stack
(``namespace``/``section``/``mutual``, ``open``, ``variable``, ``universe``,
``include``/``omit``). Only declaration headers are tokenised in Python; bodies
are read with whole-text regexes, which keeps a 50 MB file within seconds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from axiomdl.scan.binders import (
    TOKEN_RE,
    BinderGroup,
    body_bound_names,
    parse_binder_groups,
)
from axiomdl.scan.clean import clean
from axiomdl.scan.docmeta import parse_doc
from axiomdl.scan.lexicon import (
    COLUMN0_ONLY,
    COMMAND_WORDS,
    DECL_KINDS,
    IDENT,
    IDENT_RE,
    KEYWORDS,
)
from axiomdl.scan.records import Context, FileScan, OpenDirective, RawDecl

_ATTR = r"@\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]"
_MODS = r"(?:private|protected|noncomputable|partial|unsafe|nonrec|local|scoped)"
_KW_ALT = "|".join(sorted((re.escape(w) for w in COMMAND_WORDS), key=len, reverse=True))
COMMAND_RE = re.compile(
    r"(?:^|(?<=\bin))[ \t]*(?P<pre>(?:" + _ATTR + r"\s*)*(?:" + _MODS + r"\s+)*)"
    r"(?P<kw>" + _KW_ALT + r"|#[A-Za-z_]\w*)(?![\w'!?%])",
    re.M,
)
_DECIDE_TRUE = re.compile(r"\bdecide\s*:=\s*true\b")
_BRACKETS = re.compile(r"[()\[\]{}⟨⟩⦃⦄]")
_CLOSERS = {")": "(", "]": "[", "}": "{", "⟩": "⟨", "⦄": "⦃"}
_AUX_WHERE = re.compile(r"^([ \t]+)(" + IDENT + r")", re.M)
_CTOR = re.compile(r"(?:^|\s)\|\s*(" + IDENT_RE.pattern + r")")
_STATEMENT_LIMIT = 4000


@dataclass(slots=True)
class _Frame:
    kind: str  # file | namespace | section | mutual
    name: str
    namespace: str
    opens: list[OpenDirective] = field(default_factory=list)
    variables: list[BinderGroup] = field(default_factory=list)
    universes: set[str] = field(default_factory=set)
    includes: set[str] = field(default_factory=set)
    omits: set[str] = field(default_factory=set)


class _Lines:
    """Offset to 1-based line number, by bisection over newline offsets."""

    def __init__(self, text: str) -> None:
        self._nl = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_right(self._nl, offset - 1) + 1 if offset > 0 else 1


def scan_text(text: str, path: str, module: str) -> FileScan:
    """Scan the source ``text`` of ``path`` (module ``module``)."""
    fs = FileScan(path=path, module=module, size=len(text))
    cl = clean(text)
    ct = cl.text
    line_of = _Lines(text)
    for off, msg in cl.problems:
        fs.problems.append((line_of(off), "syntax", msg))
    docs_by_end = {d.end: d for d in cl.docs if not d.module_doc}
    mdocs = [d for d in cl.docs if d.module_doc]
    if mdocs:
        fs.module_doc = mdocs[0].text
    _check_brackets(ct, line_of, fs)

    starts = _command_starts(ct)
    stack = [_Frame("file", "", "")]
    pending_opens: list[OpenDirective] = []
    ctx_index: dict[Context, int] = {}
    for idx, (hstart, kstart, kw, pre) in enumerate(starts):
        end = starts[idx + 1][0] if idx + 1 < len(starts) else len(ct)
        body = ct[kstart + len(kw) : end]
        line = line_of(kstart)
        top = stack[-1]
        this_opens = pending_opens
        pending_opens = []
        if kw in DECL_KINDS:
            doc = _doc_before(text, hstart, docs_by_end)
            opens = tuple(o for f in stack for o in f.opens) + tuple(this_opens)
            ctx = Context(top.namespace, opens)
            cid = ctx_index.get(ctx)
            if cid is None:
                cid = ctx_index[ctx] = len(fs.contexts)
                fs.contexts.append(ctx)
            decl = _parse_decl(
                kw,
                pre,
                body,
                text[hstart:end],
                line,
                line_of(_last_nonspace(ct, hstart, end)),
                stack,
                cid,
                doc,
                module,
            )
            fs.decls.append(decl)
            continue
        words = body.split()
        if kw == "namespace":
            name = words[0] if words else ""
            full = f"{top.namespace}.{name}" if top.namespace else name
            fs.namespaces.add(full)
            stack.append(_Frame("namespace", name, full, universes=set()))
        elif kw == "section":
            name = words[0] if words and IDENT_RE.fullmatch(words[0]) else ""
            stack.append(_Frame("section", name, top.namespace))
        elif kw == "mutual":
            stack.append(_Frame("mutual", "", top.namespace))
        elif kw == "end":
            name = words[0] if words and IDENT_RE.fullmatch(words[0]) else ""
            if len(stack) == 1:
                fs.problems.append(
                    (
                        line,
                        "scope",
                        f"`end {name}`".replace(" `", "`")
                        + " without an open namespace or section",
                    )
                )
            else:
                frame = stack.pop()
                if frame.kind != "mutual" and frame.name != name:
                    want = f"end {frame.name}".strip()
                    fs.problems.append(
                        (
                            line,
                            "scope",
                            f"`end {name}`".replace(" `", "`")
                            + f" does not match `{want}` ({frame.kind} opened earlier)",
                        )
                    )
        elif kw == "open":
            directives, is_in = _parse_open(body, top.namespace)
            if is_in:
                pending_opens = directives
            else:
                top.opens.extend(directives)
        elif kw == "export":
            directives, _ = _parse_open(body, top.namespace)
            for d in directives:
                for nm in d.only or ():
                    alias = f"{top.namespace}.{nm}" if top.namespace else nm
                    fs.aliases.append((alias, f"{d.namespace}.{nm}", len(fs.contexts)))
                fs.contexts.append(Context(top.namespace, tuple(o for f in stack for o in f.opens)))
        elif kw == "variable":
            top.variables.extend(parse_binder_groups(body))
        elif kw == "universe":
            top.universes.update(w for w in words if IDENT_RE.fullmatch(w))
        elif kw == "include":
            top.includes.update(w for w in IDENT_RE.findall(body))
        elif kw == "omit":
            top.omits.update(w for w in IDENT_RE.findall(body))
        elif kw == "set_option":
            if words[:2] == ["autoImplicit", "false"] and "in" not in words[2:3]:
                fs.autoimplicit_off = True
            if words and words[-1] == "in":
                pending_opens = this_opens
        elif kw == "import":
            for w in words:
                if IDENT_RE.fullmatch(w):
                    fs.imports.append((w, line))
    for frame in stack[1:]:
        if frame.kind != "mutual":
            fs.problems.append(
                (
                    line_of(len(ct)),
                    "scope",
                    f"{frame.kind} `{frame.name}` is never closed with `end`".replace(" ``", ""),
                )
            )
    return fs


def _command_starts(ct: str) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    for m in COMMAND_RE.finditer(ct):
        kw = m.group("kw")
        pre = m.group("pre")
        hstart = m.start("pre") if pre else m.start("kw")
        after_in = (
            m.start() > 0 and ct[m.start() - 1] == "n" and ct[m.start() - 2 : m.start()] == "in"
        )
        if kw in COLUMN0_ONLY and not pre and not after_in:
            ls = ct.rfind("\n", 0, m.start("kw")) + 1
            if m.start("kw") != ls:
                continue
        if kw == "deriving" and not ct.startswith("instance", _skip_ws(ct, m.end())):
            continue
        if kw.startswith("#") and m.start("kw") != ct.rfind("\n", 0, m.start("kw")) + 1:
            continue
        if out and after_in and out[-1][2] not in ("open", "set_option"):
            continue
        out.append((hstart, m.start("kw"), kw, pre))
    return out


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\r\n":
        i += 1
    return i


def _last_nonspace(ct: str, start: int, end: int) -> int:
    j = end
    while j > start and ct[j - 1] in " \t\r\n":
        j -= 1
    return max(start, j - 1)


def _doc_before(text: str, hstart: int, docs_by_end: dict) -> tuple[str, int] | None:
    j = hstart
    while j > 0 and text[j - 1] in " \t\r\n":
        j -= 1
    d = docs_by_end.get(j)
    return (d.text, d.start) if d else None


def _check_brackets(ct: str, line_of: _Lines, fs: FileScan) -> None:
    stack: list[tuple[str, int]] = []
    for m in _BRACKETS.finditer(ct):
        c = m.group()
        if c in _CLOSERS:
            if not stack or stack[-1][0] != _CLOSERS[c]:
                fs.problems.append((line_of(m.start()), "brackets", f"unmatched `{c}`"))
                return
            stack.pop()
        else:
            stack.append((c, m.start()))
    if stack:
        c, off = stack[-1]
        fs.problems.append((line_of(off), "brackets", f"`{c}` is never closed"))


def _parse_open(body: str, current: str) -> tuple[list[OpenDirective], bool]:
    words = body.replace("(", " ( ").replace(")", " ) ").split()
    is_in = bool(words) and words[-1] == "in"
    if is_in:
        words = words[:-1]
    out: list[OpenDirective] = []
    i = 0
    if words and words[0] == "scoped":
        i = 1
    while i < len(words):
        w = words[i]
        if not IDENT_RE.fullmatch(w) or w in KEYWORDS:
            i += 1
            continue
        only: tuple[str, ...] | None = None
        hiding: tuple[str, ...] = ()
        renaming: list[tuple[str, str]] = []
        j = i + 1
        if j < len(words) and words[j] == "(":
            k = words.index(")", j) if ")" in words[j:] else len(words)
            only = tuple(words[j + 1 : k])
            j = k + 1
        elif j < len(words) and words[j] == "hiding":
            hiding = tuple(words[j + 1 :])
            j = len(words)
        elif j < len(words) and words[j] == "renaming":
            rest = " ".join(words[j + 1 :]).replace("->", "→")
            for part in rest.split(","):
                if "→" in part:
                    a, b = part.split("→", 1)
                    renaming.append((a.strip(), b.strip()))
            j = len(words)
        out.append(OpenDirective(w, current, only, hiding, tuple(renaming)))
        i = j
    return out, is_in


def _split_header(body: str, kind: str) -> tuple[str, str, str]:
    """Split a declaration after its keyword into (signature, terminator, rest)."""
    depth = 0
    for m in TOKEN_RE.finditer(body):
        tok = m.group()
        if tok in "([{⟨⦃" and tok:
            depth += 1
        elif tok in ")]}⟩⦄":
            depth -= 1
        elif depth <= 0:
            if tok == ":=" or (tok == "|" and kind not in ("structure", "class")):
                return body[: m.start()], tok, body[m.end() :]
            if tok in ("where", "deriving"):
                return body[: m.start()], tok, body[m.end() :]
    return body, "", ""


def _split_type(type_text: str) -> tuple[list[str], list[str], str]:
    """Split a type into ``∀`` binder lists, ``→`` premises and the conclusion (at depth 0)."""
    binders: list[str] = []
    hyps: list[str] = []
    rest = type_text
    for _ in range(64):
        stripped = rest.lstrip()
        if stripped.startswith(("∀", "forall ")):
            comma = _depth0(stripped, ",")
            if comma < 0:
                break
            binders.append(stripped[1:comma] if stripped[0] == "∀" else stripped[6:comma])
            rest = stripped[comma + 1 :]
            continue
        arrows = _depth0_all(stripped, ("→", "->"))
        if not arrows:
            if stripped.startswith("(") and _close_of(stripped, 0) == len(stripped.rstrip()) - 1:
                inner = stripped.rstrip()[1:-1]
                if _depth0_all(inner, ("→", "->")) or inner.lstrip().startswith("∀"):
                    rest = inner
                    continue
            break
        prev = 0
        for a, width in arrows:
            hyps.append(stripped[prev:a])
            prev = a + width
        rest = stripped[prev:]
    return binders, hyps, rest


def _depth0(s: str, target: str) -> int:
    depth = 0
    for i, c in enumerate(s):
        if c in "([{⟨⦃":
            depth += 1
        elif c in ")]}⟩⦄":
            depth -= 1
        elif c == target and depth == 0:
            return i
    return -1


def _depth0_all(s: str, targets: tuple[str, ...]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    depth = 0
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in "([{⟨⦃":
            depth += 1
        elif c in ")]}⟩⦄":
            depth -= 1
        elif depth == 0:
            if c == "→":
                out.append((i, 1))
            elif c == "-" and s.startswith("->", i):
                out.append((i, 2))
                i += 1
            elif c == "∃" or (c == "↔"):
                break
        i += 1
    return out


def _close_of(s: str, i: int) -> int:
    depth = 0
    for j in range(i, len(s)):
        if s[j] in "([{⟨⦃":
            depth += 1
        elif s[j] in ")]}⟩⦄":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _idents(text: str) -> set[str]:
    return {t for t in IDENT_RE.findall(text) if t not in KEYWORDS}


def _instance_name(type_text: str, bound: set[str]) -> str:
    heads = [
        t.split(".")[-1]
        for t in IDENT_RE.findall(type_text)
        if t not in KEYWORDS and t.split(".")[0] not in bound
    ]
    return "inst" + "".join(h[:1].upper() + h[1:] for h in heads[:4])


def _parse_decl(
    kind: str,
    pre: str,
    body: str,
    original: str,
    line: int,
    end_line: int,
    stack: list[_Frame],
    cid: int,
    doc: tuple[str, int] | None,
    module: str,
) -> RawDecl:
    top = stack[-1]
    attrs = re.findall(r"@\[([^\]]*)\]", pre)
    modifiers = [w for w in re.sub(_ATTR, " ", pre).split() if w]
    rest = body
    name = ""
    if kind == "instance":
        rest = rest.lstrip()
        if rest.startswith("(priority"):
            close = _close_of(rest, 0)
            rest = rest[close + 1 :] if close > 0 else rest
    m = IDENT_RE.match(rest.lstrip())
    if (
        kind != "example"
        and m
        and m.group() not in KEYWORDS
        and not (kind == "instance" and m.group() in ("where",))
    ):
        name = m.group()
        rest = rest.lstrip()[m.end() :]
    sig, term, tail = _split_header(rest, kind)
    colon = _depth0_colon(sig)
    binder_text, type_text = (sig[:colon], sig[colon + 1 :]) if colon >= 0 else (sig, "")
    extends = ""
    if kind in ("structure", "class") and "extends" in binder_text:
        binder_text, extends = binder_text.split("extends", 1)
    groups = parse_binder_groups(binder_text)

    bound: set[str] = set()
    for f in stack:
        bound |= f.universes
    binder_heads: dict[str, str] = {}
    hyp: set[str] = set()
    for g in groups:
        bound.update(g.names)
        hyp |= g.type_refs
        if g.head:
            for nm in g.names:
                binder_heads[nm] = g.head
    hyp |= _idents(extends)
    binder_segs, hyp_segs, concl_text = _split_type(type_text)
    for seg in binder_segs:
        hyp |= _idents(seg)
        bound |= body_bound_names("∀" + seg + ",")
    for seg in hyp_segs:
        hyp |= _idents(seg)
    concl = _idents(concl_text)
    bound |= body_bound_names(type_text)

    # where-fields / constructors / equations
    subnames: list[str] = []
    proof_text = ""
    if kind in ("structure", "class", "inductive"):
        fields_text = tail if term in ("where", ":=", "|") else ""
        if term == "|":
            fields_text = "| " + tail
        concl |= _idents(fields_text)
        subnames = _fields(fields_text, kind)
        bound |= body_bound_names(fields_text)
        for g in parse_binder_groups(fields_text):
            bound.update(g.names)
        bound.update(s for s in subnames)
    else:
        proof_text = tail
        if term == "where" and kind != "instance":
            proof_text = tail
        bound |= body_bound_names(proof_text)
        if kind != "instance" and term in (":=", "|"):
            subnames = _where_aux(proof_text)
    proof = _idents(proof_text)

    # variables: Lean 4 inclusion rule
    mentioned = {t.split(".")[0] for t in (hyp | concl)}
    if kind not in ("theorem", "lemma", "example"):
        mentioned |= {t.split(".")[0] for t in proof}
    var_hyp, var_bound, var_heads = _included_variables(stack, mentioned)
    hyp |= var_hyp
    bound |= var_bound
    for k, v in var_heads.items():
        binder_heads.setdefault(k, v)

    def keep(names: set[str]) -> set[str]:
        return {
            t
            for t in names
            if t.split(".")[0] not in bound or (t.split(".")[0] in binder_heads and "." in t)
        }

    hyp = keep(hyp)
    concl = keep(concl) - hyp
    proof = keep(proof) - hyp - concl

    flags: set[str] = set()
    all_words = proof_text + " " + sig
    for flag in ("sorry", "admit", "native_decide"):
        if re.search(r"(?<![\w.'])" + flag + r"(?![\w'!?])", all_words):
            flags.add(flag)
    if _DECIDE_TRUE.search(all_words):
        flags.add("decide_true")
    if kind == "axiom":
        flags.add("axiom")

    if kind == "example":
        full = f"example@{module}:{line}"
    else:
        if not name:
            name = _instance_name(type_text, bound) if kind == "instance" else f"_anon_{line}"
        if name.startswith("_root_."):
            full = name[len("_root_.") :]
        else:
            full = f"{top.namespace}.{name}" if top.namespace else name
    d = RawDecl(name=full, kind=kind, line=line, end_line=max(line, end_line), ctx=cid)
    d.attrs = [a.strip() for a in attrs]
    d.modifiers = modifiers
    d.hyp, d.concl, d.proof = hyp, concl, proof
    d.flags = flags
    d.binder_heads = binder_heads
    d.subnames = [f"{full}.{s}" for s in subnames]
    stmt_end = len(original)
    if kind not in ("structure", "class", "inductive") and term:
        stmt_end = len(original) - len(tail) - len(term)
    d.statement = " ".join(original[:stmt_end].split())[:_STATEMENT_LIMIT]
    if doc:
        d.doc = doc[0]
        d.role, d.meta = parse_doc(doc[0], kind)
    else:
        d.role, d.meta = parse_doc(None, kind)
    return d


def _depth0_colon(s: str) -> int:
    depth = 0
    n = len(s)
    for i, c in enumerate(s):
        if c in "([{⟨⦃":
            depth += 1
        elif c in ")]}⟩⦄":
            depth -= 1
        elif c == ":" and depth == 0:
            nxt = s[i + 1] if i + 1 < n else ""
            prv = s[i - 1] if i else ""
            if nxt not in ":=" and prv != ":":
                return i
    return -1


def _fields(text: str, kind: str) -> list[str]:
    if kind == "inductive":
        return [m.group(1) for m in _CTOR.finditer(text) if "." not in m.group(1)]
    names: list[str] = []
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return names
    indent = min(len(ln) - len(ln.lstrip()) for ln in lines)
    for ln in lines:
        if len(ln) - len(ln.lstrip()) != indent:
            continue
        s = ln.strip()
        if s.startswith("deriving"):
            continue
        if "::" in s and s.split("::")[0].strip().isidentifier():
            names.append(s.split("::")[0].strip())
            s = s.split("::", 1)[1].strip()
            if not s:
                continue
        head = re.split(r"[:({\[⦃]|:=", s, maxsplit=1)[0]
        names.extend(t for t in IDENT_RE.findall(head) if "." not in t and t not in KEYWORDS)
    if not any(n == "mk" for n in names):
        names.append("mk")
    return names


def _where_aux(text: str) -> list[str]:
    m = re.search(r"(?<![\w.])where(?![\w'])", text)
    if not m:
        return []
    out: list[str] = []
    sub = text[m.end() :]
    for am in _AUX_WHERE.finditer(sub):
        tok = am.group(2)
        if tok not in KEYWORDS and "." not in tok:
            out.append(tok)
    return out[:50]


def _included_variables(
    stack: list[_Frame], mentioned: set[str]
) -> tuple[set[str], set[str], dict[str, str]]:
    groups = [g for f in stack for g in f.variables]
    if not groups:
        return set(), set(), {}
    includes = {n for f in stack for n in f.includes}
    omits = {n for f in stack for n in f.omits}
    var_names = {n for g in groups for n in g.names}
    included: set[str] = (mentioned | includes) & var_names
    inc_groups: set[int] = set()
    changed = True
    while changed:
        changed = False
        for i, g in enumerate(groups):
            if i in inc_groups:
                continue
            if g.names and any(n in included for n in g.names):
                take = True
            elif g.bracket == "[":
                deps = {t.split(".")[0] for t in g.type_refs} & var_names
                head = g.head or ""
                take = deps <= included and head not in omits and not (set(g.names) & omits)
            else:
                take = False
            if take:
                inc_groups.add(i)
                included |= {t.split(".")[0] for t in g.type_refs} & var_names
                included |= set(g.names)
                changed = True
    hyp: set[str] = set()
    heads: dict[str, str] = {}
    for i in inc_groups:
        g = groups[i]
        hyp |= {t for t in g.type_refs if t not in KEYWORDS}
        if g.head:
            for n in g.names:
                heads[n] = g.head
    return hyp, var_names, heads
