"""Read one Lean 4 file into declarations, scopes and problems, in linear time.

The file is cleaned (comments and strings blanked), split into commands at
command keywords, and each command is interpreted against a scope stack
(``namespace``/``section``/``mutual``, ``open``, ``variable``, ``universe``,
``include``/``omit``). Only declaration headers are tokenised in Python; bodies
are read with whole-text regexes, which keeps a 50 MB file within seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from axiomdl.scan.binders import (
    BinderGroup,
    body_bound_names,
    parse_binder_groups,
)
from axiomdl.scan.clean import clean
from axiomdl.scan.docmeta import parse_doc
from axiomdl.scan.instname import MARK, instance_name, split_scanned
from axiomdl.scan.lexicon import (
    COLUMN0_ONLY,
    COMMAND_WORDS,
    DECL_KINDS,
    IDENT,
    IDENT_RE,
    KEYWORDS,
    RESERVED,
)
from axiomdl.scan.records import Context, FileScan, OpenDirective, RawDecl

try:  # the compiled core is optional: without a C compiler the reference code runs
    from axiomdl.scan import _cscan  # type: ignore[attr-defined]

    if getattr(_cscan, "ABI", None) != 8:  # a stale build from an older checkout
        _cscan = None
except ImportError:  # pragma: no cover - depends on the build
    _cscan = None

_ATTR = r"@\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]"
_MODS = r"(?:private|protected|noncomputable|partial|unsafe|nonrec|local|scoped|public|meta)"


def _trie_regex(words: list[str]) -> str:
    """An alternation compiled as a trie, so the regex engine never retries a shared prefix."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return emit(trie)


_KW_ALT = _trie_regex(sorted(COMMAND_WORDS))
_CMD_TAIL = (
    r"[ \t]*(?P<pre>(?:" + _ATTR + r"\s*)*(?:" + _MODS + r"\s+)*)"
    r"(?P<kw>" + _KW_ALT + r"|#[A-Za-z_]\w*)(?![\w'!?%])"
)
# Both start with a literal ("\n" / "in") so the regex engine can skip ahead fast.
COMMAND_RE = re.compile(r"\n" + _CMD_TAIL)
# `open Foo in theorem ...` on one line: a command chained after `in`.
CHAINED_RE = re.compile(r"in(?=[ \t])" + _CMD_TAIL)
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
    public: bool = False  # inside a `public section` (module system), inherited like Lean's


@dataclass(slots=True)
class _InScope:
    """What `open … in`, `variable … in`, `include … in` and `omit … in` give the next
    command only (Lean reads `cmd in cmd'` as `section cmd cmd' end`)."""

    opens: list[OpenDirective] = field(default_factory=list)
    variables: list[BinderGroup] = field(default_factory=list)
    includes: set[str] = field(default_factory=set)
    omits: set[str] = field(default_factory=set)

    @staticmethod
    def after(prev: _InScope | None, **more: object) -> _InScope:
        """``prev`` (an earlier `… in` of the same chain) plus this command's part."""
        out = (
            _InScope()
            if prev is None
            else _InScope(
                list(prev.opens), list(prev.variables), set(prev.includes), set(prev.omits)
            )
        )
        out.opens += more.get("opens", [])  # type: ignore[arg-type]
        out.variables += more.get("variables", [])  # type: ignore[arg-type]
        out.includes |= more.get("includes", set())  # type: ignore[arg-type]
        out.omits |= more.get("omits", set())  # type: ignore[arg-type]
        return out

    def key(self) -> tuple:
        """Equal for the same extras (memoised variable states are reused for them)."""
        return (frozenset(self.includes), frozenset(self.omits), tuple(map(id, self.variables)))

    def scoped_vars(self) -> bool:
        """Whether it changes the variables in play (not only the opens)."""
        return bool(self.variables or self.includes or self.omits)

    def var_state(self, stack: list[_Frame]) -> _VarState:
        """The variable state of the scope with this command's extras on top."""
        extra = _Frame("in", "", stack[-1].namespace, variables=self.variables)
        extra.includes, extra.omits = self.includes, self.omits
        return _VarState([*stack, extra])


class _Lines:
    """Offset to 1-based line number; fast for the mostly increasing offsets of a scan."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._off = 0
        self._line = 1

    def state(self) -> tuple[int, int]:
        """The last (offset, line) pair, for the native core to count on from."""
        return self._off, self._line

    def __call__(self, offset: int) -> int:
        if offset >= self._off:
            self._line += self._text.count("\n", self._off, offset)
        else:
            self._line -= self._text.count("\n", offset, self._off)
        self._off = offset
        return self._line


def native_available() -> bool:
    """Whether the compiled scanner core is importable (it is optional)."""
    return _cscan is not None


def native_core() -> ModuleType | None:
    """The compiled scanner core, or None where it was not built."""
    return _cscan


def scan_text(text: str, path: str, module: str, *, native: bool | None = None) -> FileScan:
    """Scan the source ``text`` of ``path`` (module ``module``).

    ``native`` picks the compiled core (default: whenever it is available) or the
    pure-Python reference; both give identical scans.
    """
    core = _cscan if native is None or native else None
    if native and core is None:
        raise RuntimeError("the native scanner core is not built")
    fs = FileScan(path=path, module=module, size=len(text))
    line_of = _Lines(text)
    docs_by_end: dict[int, tuple[str, int]] = {}
    if core is not None:
        ct, docs, problems = core.clean(text)
        for off, msg in problems:
            fs.problems.append((line_of(off), "syntax", msg))
        for start, end, doc_text, module_doc in docs:
            if not module_doc:
                docs_by_end[end] = (doc_text, start)
            elif fs.module_doc is None:
                fs.module_doc = doc_text
        bad = core.check_brackets(ct)
        if bad is not None:
            fs.problems.append((line_of(bad[0]), "brackets", bad[1]))
        starts = core.command_starts(ct, COMMAND_WORDS, COLUMN0_ONLY)
    else:
        cl = clean(text)
        ct = cl.text
        for off, msg in cl.problems:
            fs.problems.append((line_of(off), "syntax", msg))
        docs_by_end = {d.end: (d.text, d.start) for d in cl.docs if not d.module_doc}
        mdocs = [d for d in cl.docs if d.module_doc]
        if mdocs:
            fs.module_doc = mdocs[0].text
        _check_brackets(ct, line_of, fs)
        starts = _command_starts(ct)

    if "`(" in ct:  # commands written inside syntax quotations are terms, not commands
        starts = _outside_quotations(ct, starts)
    fs.is_module = _MODULE_HEADER.match(ct) is not None
    stack = [_Frame("file", "", "")]
    vars_ = _VarState(stack)
    vars_native = vars_.native()
    pending: _InScope | None = None  # what `… in` commands give the next command only
    once_cache: dict[tuple, _VarState] = {}  # one-shot variable states of this scope
    public_marks = [(0, False)]  # (first declaration, in a public scope) as it changes
    ctx_index: dict[Context, int] = {}
    scope_cid: int | None = None  # the context id while no scope command intervenes
    bufs = core.buffers(text, ct) if core is not None else None
    idx = 0
    while idx < len(starts):
        hstart, kstart, kw, pre = starts[idx]
        end = starts[idx + 1][0] if idx + 1 < len(starts) else len(ct)
        top = stack[-1]
        this = pending
        pending = None
        this_opens = this.opens if this is not None else []
        if kw in DECL_KINDS:
            cid = scope_cid if not this_opens else None
            if cid is None:
                cid = _context_id(fs, ctx_index, stack, this_opens)
                if not this_opens:
                    scope_cid = cid
            once = None
            if this is not None and this.scoped_vars():
                key = this.key()
                once = once_cache.get(key)
                if once is None:
                    once = once_cache[key] = this.var_state(stack)
            if fs.is_module and top.public != public_marks[-1][1]:
                public_marks.append((len(fs.decls), top.public))
            if core is not None:
                # the whole run of declarations up to the next scope command, in one call
                run_end = idx + 1
                if once is None:
                    while run_end < len(starts) and starts[run_end][2] in DECL_KINDS:
                        run_end += 1
                if scope_cid is None and run_end > idx + 1:
                    scope_cid = _context_id(fs, ctx_index, stack, [])
                fs.decls.extend(
                    core.parse_run(
                        _CFG,
                        bufs,
                        starts,
                        idx,
                        run_end,
                        cid,
                        cid if scope_cid is None else scope_cid,
                        top.namespace,
                        docs_by_end,
                        module,
                        vars_native if once is None else once.native(),
                        *line_of.state(),
                        RawDecl,
                    )
                )
                idx = run_end
            else:
                line = line_of(kstart)
                last_code = _last_nonspace(ct, hstart, end)
                fs.decls.append(
                    _parse_decl(
                        kw,
                        pre,
                        ct[kstart + len(kw) : end],
                        text[hstart:end],
                        line,
                        line_of(last_code),
                        stack,
                        cid,
                        _doc_before(text, hstart, docs_by_end),
                        module,
                        vars_ if once is None else once,
                        last_code + 1 - hstart,
                    )
                )
                idx += 1
            continue
        idx += 1
        line = line_of(kstart)
        scope_cid = None
        body = ct[kstart + len(kw) : end]
        words = body.split()
        if kw == "namespace":
            # `namespace A.B` opens one scope per component, as Lean does
            for part in _components(words[0] if words else ""):
                full = f"{stack[-1].namespace}.{part}" if stack[-1].namespace else part
                fs.namespaces.add(full)
                stack.append(_Frame("namespace", part, full, public=stack[-1].public))
        elif kw == "section":
            name = _scope_name(body)
            public = stack[-1].public or "public" in pre.split()
            for part in _components(name) or [""]:
                stack.append(_Frame("section", part, stack[-1].namespace, public=public))
        elif kw == "mutual":
            stack.append(_Frame("mutual", "", top.namespace, public=top.public))
        elif kw == "end":
            _end_scope(stack, _scope_name(body), line, fs)
        elif kw == "open":
            directives, is_in = _parse_open(body, top.namespace)
            if is_in:
                pending = _InScope.after(this, opens=directives)
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
            if words and words[-1] == "in":
                groups = _binder_groups(body[: body.rindex("in")], core)
                pending = _InScope.after(this, variables=groups)
                continue  # the scope itself is unchanged
            top.variables.extend(_binder_groups(body, core))
        elif kw == "universe":
            top.universes.update(w for w in words if IDENT_RE.fullmatch(w))
        elif kw in ("include", "omit"):
            names = {w for w in IDENT_RE.findall(body) if w != "in"}
            if words and words[-1] == "in":
                pending = _InScope.after(this, **{kw + "s": names})
                continue  # the scope itself is unchanged
            (top.includes if kw == "include" else top.omits).update(names)
        elif kw == "set_option":
            if words[:2] == ["autoImplicit", "false"] and "in" not in words[2:3]:
                fs.autoimplicit_off = True
            if words and words[-1] == "in":
                pending = this
        elif kw == "import":
            _read_import(words, line, fs)
        if kw in _SCOPE_CHANGES:
            vars_ = _VarState(stack)
            vars_native = vars_.native()
            once_cache = {}
    _note_visibility(fs, public_marks)
    for frame in stack[1:]:
        # Lean closes namespaces and sections at the end of a file; a `mutual` needs its `end`
        if frame.kind == "mutual":
            fs.problems.append(
                (line_of(len(ct)), "scope", "`mutual` block is never closed with `end`")
            )
    return fs


_SCOPE_CHANGES = frozenset(
    ["namespace", "section", "mutual", "end", "variable", "universe", "include", "omit"]
)
_MODULE_HEADER = re.compile(r"\s*module(?![\w'.!?])")


def _components(name: str) -> list[str]:
    """The parts of a dotted scope name (`A.B.C` opens three scopes); «a.b» stays whole."""
    if not name:
        return []
    if "«" not in name:
        return name.split(".")
    return [m.group() for m in re.finditer(r"«[^»]*»|[^.«]+", name)]


def _scope_name(body: str) -> str:
    """The optional name after ``section``/``end``: on the same line (Lean's parser takes
    it only right after the keyword; the next line starts another command)."""
    words = body.split("\n", 1)[0].split()
    return words[0] if words and IDENT_RE.fullmatch(words[0]) else ""


def _end_scope(stack: list[_Frame], name: str, line: int, fs: FileScan) -> None:
    """``end`` as Lean's ``elabEnd`` reads it: ``end A.B`` closes the two innermost scopes
    and their names must be ``A`` then ``B``; on a mismatch Lean closes nothing."""
    if stack[-1].kind == "mutual":  # the `end` of a mutual block is part of its syntax
        stack.pop()
        return
    shown = f"`end {name}`" if name else "`end`"
    if len(stack) == 1:
        fs.problems.append((line, "scope", f"{shown} without an open namespace or section"))
        return
    parts = _components(name)
    size = len(parts) or 1
    if size >= len(stack):
        fs.problems.append((line, "scope", f"{shown} closes more scopes than are open"))
        return
    inner: list[str] = []
    for frame in reversed(stack[-size:]):
        if not frame.name:
            break
        inner.append(frame.name)
    expected = ".".join(reversed(inner))
    if expected != name:
        want = f"`end {expected}`" if expected else "`end`"
        kind = stack[-1].kind
        fs.problems.append(
            (line, "scope", f"{shown} does not match {want} ({kind} opened earlier)")
        )
        return
    del stack[-size:]


def _read_import(words: list[str], line: int, fs: FileScan) -> None:
    """One import: ``import [all] M`` (``public``/``meta`` are read as modifiers before it)."""
    i = 0
    is_all = False
    while i < len(words) and words[i] in ("all", "runtime"):
        is_all = is_all or words[i] == "all"
        i += 1
    if i < len(words) and IDENT_RE.fullmatch(words[i]):
        fs.imports.append((words[i], line))
        if is_all:
            fs.imports_all.append(words[i])


def _note_visibility(fs: FileScan, public_marks: list[tuple[int, bool]]) -> None:
    """Record which declarations are private or protected (the resolver needs both),
    and which are anonymous instances (their names are finished in resolution).

    In a ``module`` file declarations are private unless marked ``public`` or inside a
    ``public section`` (``public_marks``: where that changes); elsewhere only ``private``
    ones are (Lean's module system)."""
    decls = fs.decls
    n = len(decls)
    with_mods = [i for i in range(n) if decls[i].modifiers]
    fs.private = [i for i in with_mods if "private" in decls[i].modifiers]
    fs.protected = [i for i in with_mods if "protected" in decls[i].modifiers]
    if fs.is_module:
        ends = [m[0] for m in public_marks[1:]] + [n]
        for (start, public), end in zip(public_marks, ends, strict=True):
            if not public:
                fs.private.extend(
                    i
                    for i in range(start, end)
                    if decls[i].kind != "example"
                    and "public" not in decls[i].modifiers
                    and "private" not in decls[i].modifiers
                )
        fs.private.sort()
    for i in [i for i in range(n) if decls[i].kind == "instance"]:
        name = decls[i].name
        if MARK in name:
            fs.anon_instances.append((i, name, split_scanned(name)))


def _outside_quotations(
    ct: str, starts: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """Drop command starts inside syntax quotations (`` `(section … end) `` is a term)."""
    spans: list[tuple[int, int]] = []
    i = ct.find("`(")
    while i >= 0:
        depth = 0
        j = i + 1
        n = len(ct)
        while j < n:
            c = ct[j]
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        spans.append((i, j))
        i = ct.find("`(", j)
    out = []
    k = 0
    for st in starts:
        while k < len(spans) and spans[k][1] < st[1]:
            k += 1
        if k < len(spans) and spans[k][0] < st[1] <= spans[k][1]:
            continue
        out.append(st)
    return out


def _context_id(
    fs: FileScan,
    ctx_index: dict[Context, int],
    stack: list[_Frame],
    extra_opens: list[OpenDirective],
) -> int:
    """The index in ``fs.contexts`` of the scope's context (namespace and opens), added once."""
    opens = tuple(o for f in stack for o in f.opens) + tuple(extra_opens)
    ctx = Context(stack[-1].namespace, opens)
    cid = ctx_index.get(ctx)
    if cid is None:
        cid = ctx_index[ctx] = len(fs.contexts)
        fs.contexts.append(ctx)
    return cid


def _command_starts(ct: str) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    text = "\n" + ct  # offsets below are shifted back by one
    matches = [(m, False) for m in COMMAND_RE.finditer(text)]
    if " in " in ct or " in\t" in ct:
        chained = [
            (m, True)
            for m in CHAINED_RE.finditer(text)
            if text[m.start() - 1] not in _IDENT_TAIL and not text[m.start() - 1].isalnum()
        ]
        if chained:
            matches = sorted(matches + chained, key=lambda x: x[0].start("kw"))
    for m, after_in in matches:
        kw = m.group("kw")
        pre = m.group("pre")
        kstart = m.start("kw") - 1
        hstart = (m.start("pre") - 1) if pre else kstart
        if (
            kw in COLUMN0_ONLY
            and not pre
            and not after_in
            and kstart != ct.rfind("\n", 0, kstart) + 1
        ):
            continue
        if kw == "deriving" and not ct.startswith("instance", _skip_ws(ct, m.end() - 1)):
            continue
        if kw[0] == "#" and kstart != ct.rfind("\n", 0, kstart) + 1:
            continue
        if after_in and (not out or out[-1][2] not in _IN_PREFIXES):
            continue
        out.append((hstart, kstart, kw, pre))
    return out


_IDENT_TAIL = frozenset("_'.!?")
# Commands that take `in` and then apply to the one command after it.
_IN_PREFIXES = frozenset({"open", "set_option", "include", "omit", "variable"})


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\r\n":
        i += 1
    return i


def _last_nonspace(ct: str, start: int, end: int) -> int:
    return start + max(0, len(ct[start:end].rstrip()) - 1)


def _doc_before(
    text: str, hstart: int, docs_by_end: dict[int, tuple[str, int]]
) -> tuple[str, int] | None:
    j = hstart
    while j > 0 and text[j - 1] in " \t\r\n":
        j -= 1
    return docs_by_end.get(j)


def _binder_groups(text: str, core: ModuleType | None) -> list[BinderGroup]:
    if core is None:
        return parse_binder_groups(text)
    return [
        BinderGroup(names, refs, bracket, head)
        for names, refs, bracket, head in core.binder_groups(_CFG, text)
    ]


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


_HDR_RE = re.compile(r":=|[()\[\]{}⟨⟩⦃⦄|:]|(?<![\w.'])(?:where|deriving)(?![\w'])")


def _depth0(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of ``rx`` in ``text`` outside any bracket (brackets must be in ``rx``)."""
    depth = 0
    for m in rx.finditer(text):
        tok = m.group()
        if tok in "([{⟨⦃":
            depth += 1
        elif tok in ")]}⟩⦄":
            depth -= 1
        elif depth <= 0:
            yield m


def _split_header(body: str, kind: str) -> tuple[str, str, str, int]:
    """Split a declaration after its keyword into (signature, terminator, rest, colon offset)."""
    colon = -1
    bar_ends = kind not in ("structure", "class")
    for m in _depth0(_HDR_RE, body):
        tok = m.group()
        if tok == ":":
            if colon < 0:
                colon = m.start()
        elif tok == ":=" or tok in ("where", "deriving") or (tok == "|" and bar_ends):
            return body[: m.start()], tok, body[m.end() :], colon
    return body, "", "", colon


_TYPE_RE = re.compile(r"[()\[\]{}⟨⟩⦃⦄,→↔∃]|->")


def _split_type(type_text: str) -> tuple[list[str], list[str], str]:
    """Split a type into ``∀`` binder lists, ``→`` premises and the conclusion (at depth 0)."""
    binders: list[str] = []
    hyps: list[str] = []
    rest = type_text
    for _ in range(64):
        stripped = rest.lstrip()
        is_forall = stripped.startswith("∀") or stripped.startswith("forall ")
        cuts: list[tuple[int, int]] = []
        for m in _depth0(_TYPE_RE, stripped):
            t = m.group()
            if is_forall:
                if t == ",":
                    cuts.append((m.start(), m.end()))
                    break
            elif t in ("∃", "↔"):
                break
            elif t in ("→", "->"):
                cuts.append((m.start(), m.end()))
        if is_forall:
            if not cuts:
                break
            start = 1 if stripped[0] == "∀" else 6
            binders.append(stripped[start : cuts[0][0]])
            rest = stripped[cuts[0][1] :]
            continue
        if not cuts:
            s2 = stripped.rstrip()
            if s2.startswith("(") and s2.endswith(")") and _balanced_inner(s2):
                inner = s2[1:-1]
                if "→" in inner or "->" in inner or inner.lstrip().startswith("∀"):
                    rest = inner
                    continue
            break
        prev = 0
        for a, b in cuts:
            hyps.append(stripped[prev:a])
            prev = b
        rest = stripped[prev:]
    return binders, hyps, rest


def _balanced_inner(s: str) -> bool:
    depth = 0
    for m in _BRACKETS.finditer(s, 0, len(s) - 1):
        depth += 1 if m.group() in "([{⟨⦃" else -1
        if depth == 0:
            return False
    return True


def _idents(text: str) -> set[str]:
    return {t for t in IDENT_RE.findall(text) if t not in KEYWORDS}


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
    vars_: _VarState,
    code_len: int,
) -> RawDecl:
    top = stack[-1]
    attrs, modifiers = _pre_parts(pre) if pre else ((), ())
    rest = body
    name = ""
    if kind == "instance":
        rest = rest.lstrip()
        if rest.startswith("(priority"):
            close = rest.find(")")
            rest = rest[close + 1 :] if close > 0 else rest
    if kind != "example":
        stripped = rest.lstrip()
        m = IDENT_RE.match(stripped)
        if m and m.group() not in RESERVED:
            name = m.group()
            rest = stripped[m.end() :]
    sig, term, tail, colon = _split_header(rest, kind)
    binder_text, type_text = (sig[:colon], sig[colon + 1 :]) if colon >= 0 else (sig, "")
    extends = ""
    if kind in ("structure", "class") and "extends" in binder_text:
        binder_text, extends = binder_text.split("extends", 1)
    groups = parse_binder_groups(binder_text) if binder_text.strip() else []

    bound: set[str] = set(vars_.universes)
    binder_heads: dict[str, str] = {}
    hyp: set[str] = set()
    for g in groups:
        bound.update(g.names)
        hyp |= g.type_refs
        if g.head:
            for nm in g.names:
                binder_heads[nm] = g.head
    if extends:
        hyp |= _idents(extends)
    concl: set[str]
    type_words = set(IDENT_RE.findall(type_text)) if type_text else set()
    if type_text:
        binder_segs, hyp_segs, concl_text = _split_type(type_text)
        for seg in binder_segs:
            hyp |= _idents(seg)
            bound |= body_bound_names("∀" + seg + ",")
        for seg in hyp_segs:
            hyp |= _idents(seg)
        concl = _idents(concl_text)
    else:
        concl = set()

    subnames: list[str] = []
    proof_text = ""
    if kind in ("structure", "class", "inductive"):
        fields_text = ("| " + tail) if term == "|" else (tail if term in ("where", ":=") else "")
        concl |= _idents(fields_text)
        subnames = _fields(fields_text, kind)
        bound.update(subnames)
        if "(" in fields_text or "{" in fields_text:
            for g in parse_binder_groups(fields_text):
                bound.update(g.names)
        bound |= body_bound_names(sig + "\n" + fields_text)
        proof = set()
    else:
        proof_text = tail
        words = set(IDENT_RE.findall(proof_text))
        # equations `def f : T | pat => …`: the first arm keeps its bar, so its pattern binds
        bar = "|" if term == "|" else ""
        bound |= body_bound_names(
            sig + "\n" + bar + proof_text, words | type_words | set(IDENT_RE.findall(binder_text))
        )
        if kind != "instance" and term in (":=", "|") and "where" in words:
            subnames = _where_aux(proof_text)
            bound.update(subnames)
        elif kind == "instance" and term == "where":
            bound.update(_fields(proof_text, "structure"))
        proof = {w for w in words if w not in KEYWORDS} if proof_text else set()

    # variables: Lean 4 inclusion rule
    if vars_.groups:
        mentioned = {t.split(".", 1)[0] for t in hyp}
        mentioned |= {t.split(".", 1)[0] for t in concl}
        if kind not in ("theorem", "lemma", "example"):
            mentioned |= {t.split(".", 1)[0] for t in proof}
        var_hyp, var_heads = vars_.included(mentioned)
        hyp |= var_hyp
        bound |= vars_.names
        for k, v in var_heads.items():
            binder_heads.setdefault(k, v)

    def keep(names: set[str]) -> set[str]:
        out = set()
        for t in names:
            first, dot, _ = t.partition(".")
            if first not in bound or (dot and first in binder_heads):
                out.add(t)
        return out

    hyp = keep(hyp)
    concl = keep(concl) - hyp
    proof = keep(proof) - hyp - concl

    flags: set[str] = set()
    for w in _RAW_FLAGS.findall(proof_text) + _RAW_FLAGS.findall(sig):
        flags.add("decide_true" if w.startswith("decide") else w)
    if kind == "axiom":
        flags.add("axiom")
    if kind not in ("structure", "class", "inductive") and (
        term == "where" or _BUILDS_INLINE.search(proof_text)
    ):
        flags.add("builds_inline")

    if kind == "example":
        full = f"example@{module}:{line}"
    else:
        if not name:
            name = (
                instance_name(binder_text, type_text, bound)
                if kind == "instance"
                else f"_anon_{line}"
            )
        if name.startswith("_root_."):
            full = name[len("_root_.") :]
        else:
            full = f"{top.namespace}.{name}" if top.namespace else name
    d = RawDecl(name=full, kind=kind, line=line, end_line=max(line, end_line), ctx=cid)
    d.attrs = list(attrs)
    d.modifiers = list(modifiers)
    d.hyp, d.concl, d.proof = hyp, concl, proof
    d.flags = flags
    d.binder_heads = binder_heads
    d.subnames = [f"{full}.{x}" for x in subnames]
    # up to the last code character: never the next declaration's docstring or trailing comments
    stmt_end = code_len
    if kind not in ("structure", "class", "inductive") and term:
        stmt_end = min(code_len, len(original) - len(tail) - len(term))
    d.statement = " ".join(original[: min(stmt_end, _STATEMENT_LIMIT * 2)].split())[
        :_STATEMENT_LIMIT
    ]
    d.doc = doc[0] if doc else None
    d.role, d.meta = parse_doc(d.doc, kind)
    return d


# An anonymous constructor, a structure instance, a `where` block or a tactic block:
# the proof may build any structure inline, unseen by a static reading (derivation.py).
_BUILDS_INLINE = re.compile(r"⟨|\{|(?<![\w.'])(?:by|where)(?![\w'!?])")
_RAW_FLAGS = re.compile(
    r"(?<![\w.'])(?:sorry|admit|native_decide)(?![\w'!?])|\bdecide\s*:=\s*true\b"
)


@lru_cache(maxsize=256)
def _pre_parts(pre: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Attributes and modifiers written before a declaration keyword (few distinct ones)."""
    attrs = tuple(a.strip() for a in re.findall(r"@\[([^\]]*)\]", pre))
    modifiers = tuple(w for w in re.sub(_ATTR, " ", pre).split() if w)
    return attrs, modifiers


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
        names.extend(t for t in IDENT_RE.findall(head) if "." not in t and t not in RESERVED)
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
        if tok not in RESERVED and "." not in tok:
            out.append(tok)
    return out[:50]


class _VarState:
    """The variables, universes, includes and omits in scope, flattened once per change."""

    def __init__(self, stack: list[_Frame]) -> None:
        self.groups = [g for f in stack for g in f.variables]
        self.universes = {u for f in stack for u in f.universes}
        self.includes = {n for f in stack for n in f.includes}
        self.omits = {n for f in stack for n in f.omits}
        self.names = {n for g in self.groups for n in g.names}
        self.deps = [{t.split(".", 1)[0] for t in g.type_refs} & self.names for g in self.groups]
        self._memo: dict[frozenset[str], tuple[set[str], dict[str, str]]] = {}

    def native(self) -> tuple:
        """What the native core reads, in one tuple (built by the caller, never stored on
        self: a bound method kept on its own object would be a reference cycle)."""
        return (self.universes, self.names, bool(self.groups), self.included, self._memo)

    def included(self, mentioned: set[str]) -> tuple[set[str], dict[str, str]]:
        """Lean 4's rule: mentioned variables, what their types mention, and instance
        binders whose variables are all included (unless omitted).

        The result depends only on which variables are mentioned, so it is memoised;
        callers must not mutate it."""
        key = frozenset(mentioned & self.names)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._included(key)
        return hit

    def _included(self, mentioned: frozenset[str]) -> tuple[set[str], dict[str, str]]:
        included = set(mentioned | self.includes) & self.names
        taken: set[int] = set()
        changed = True
        while changed:
            changed = False
            for i, g in enumerate(self.groups):
                if i in taken:
                    continue
                if g.names and not included.isdisjoint(g.names):
                    take = True
                elif g.bracket == "[":
                    take = (
                        self.deps[i] <= included
                        and (g.head or "") not in self.omits
                        and self.omits.isdisjoint(g.names)
                    )
                else:
                    take = False
                if take:
                    taken.add(i)
                    included |= self.deps[i]
                    included.update(g.names)
                    changed = True
        hyp: set[str] = set()
        heads: dict[str, str] = {}
        for i in taken:
            g = self.groups[i]
            hyp |= {t for t in g.type_refs if t not in KEYWORDS}
            if g.head:
                for n in g.names:
                    heads[n] = g.head
        return hyp, heads


_CFG = (KEYWORDS, RESERVED, _pre_parts, _fields, _where_aux, instance_name, parse_doc)
