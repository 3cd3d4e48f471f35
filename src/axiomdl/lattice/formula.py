"""The top-level shape of a Lean proposition, read from its text.

The lattice needs to know *how* a statement mentions an assumption, not only *that*
it does: a separation asserts `A …` and negates `B …`; a discharge concludes `B …`.
This module parses just enough of Lean 4's term syntax for that: quantifier
prefixes, `→`, `↔`, `∨`, `∧`, `¬`/`Not`/`… → False`, and applications. Everything
else is an opaque atom, so a shape the parser does not know is never misread as one
it does.

Precedences follow Lean 4 core: `↔` 20, `→` 25, `∨` 30, `∧` 35, `¬` takes an
argument at 40 (so `¬ A ∧ B` is `(¬ A) ∧ B`), comparisons 50. A binder notation
(`∃`, `∀`, `fun`, `λ`) extends as far right as possible.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from axiomdl.scan.lexicon import IDENT

_OPEN = "([{⟨⦃"
_CLOSE = ")]}⟩⦄"
# «…» is one token, so nothing inside guillemets counts as syntax.
_TOKEN = re.compile(
    r"«[^»\n]*»|:=|<->|->|/\\|\\/|[()\[\]{}⟨⟩⦃⦄→↔∧∨¬,:]|∃!?|∀|Π|Σ"
    r"|(?<![\w.'!?])(?:fun|λ|exists|forall|Not|where)(?![\w'!?])"
)
_BINDER_STARTS = ("∃", "∃!", "∀", "exists", "forall", "fun", "λ", "Π", "Σ")
_ARROWS = ("→", "->")
_IFF = ("↔", "<->")
_OR = ("∨", "\\/")
_AND = ("∧", "/\\")
_HEAD = re.compile(r"@?(" + IDENT + r")")
# What may follow a head at depth 0 in an application: arguments, never operators.
_APP_REST = re.compile(r"[\s\w.'!?@_\u2080-\u209c\u1d62-\u1d6a]*")


@dataclass(frozen=True)
class Prop:
    """One node of a parsed proposition.

    ``op`` is ``atom`` (``head`` set when the text is an identifier applied to
    arguments), ``not``, ``and``, ``imp`` (``parts`` = premise, conclusion),
    ``forall``/``exists`` (``parts`` = body; ``text`` holds the binders), or
    ``other`` (`∨`, `↔`, `∃!`, anything not read further).
    """

    op: str
    text: str
    parts: tuple[Prop, ...] = ()
    head: str | None = None


def _walk(text: str) -> Iterator[tuple[re.Match[str], int]]:
    """Every token with the bracket depth outside it (an opening bracket: before it; a
    closing one: after it), so depth 0 means "at the top level"."""
    depth = 0
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok in _OPEN:
            yield m, depth
            depth += 1
        else:
            if tok in _CLOSE:
                depth = max(0, depth - 1)
            yield m, depth


def depth0(text: str) -> Iterator[tuple[int, int, str]]:
    """Syntax tokens of ``text`` outside every bracket, as (start, end, token)."""
    for m, depth in _walk(text):
        tok = m.group()
        if depth == 0 and tok not in _OPEN and tok not in _CLOSE and not tok.startswith("«"):
            yield m.start(), m.end(), tok


def strip_parens(text: str) -> str:
    """``((A))`` → ``A``: remove brackets that wrap the whole text."""
    t = text.strip()
    while t.startswith("(") and t.endswith(")") and _wraps(t):
        t = t[1:-1].strip()
    return t


def _wraps(t: str) -> bool:
    """Does the bracket opening ``t`` close at its very end?"""
    for m, depth in _walk(t):
        if depth == 0 and m.group() in _CLOSE:
            return m.end() == len(t)
    return False


def signature(statement: str) -> tuple[str, str] | None:
    """(binders, type) of a declaration header, split at its first top-level ``:``."""
    for s, e, tok in depth0(statement):
        if tok == ":":
            type_text = statement[e:]
            for s2, _e2, tok2 in depth0(type_text):
                if tok2 in (":=", "where"):
                    type_text = type_text[:s2]
                    break
            return statement[:s], type_text.strip()
        if tok == ":=":
            break
    return None


def binder_types(binders: str) -> list[tuple[list[str], str]]:
    """``(a b : T) [C x]`` → ``[(["a", "b"], "T"), ([], "C x")]``: each group's names and type."""
    out: list[tuple[list[str], str]] = []
    start = 0
    for m, depth in _walk(binders):
        if depth != 0:
            continue
        if m.group() in _OPEN:
            start = m.end()
        elif m.group() in _CLOSE:
            inner = binders[start : m.start()]
            colon = next((s for s, _e, t in depth0(inner) if t == ":"), -1)
            if colon < 0:
                out.append(([], inner.strip()))
                continue
            names = re.findall(IDENT, inner[:colon])
            ty = inner[colon + 1 :]
            dflt = next((s for s, _e, t in depth0(ty) if t == ":="), -1)
            out.append((names, (ty[:dflt] if dflt >= 0 else ty).strip()))
    return out


def parse(text: str) -> Prop:
    """Parse a proposition's top level (see the module docstring for what is read)."""
    t = strip_parens(text)
    for start in ("∃!", "∃", "∀", "exists", "forall"):
        if t.startswith(start) and (
            start[0] in "∃∀" or not t[len(start) : len(start) + 1].isalnum()
        ):
            comma = next((s for s, _e, tok in depth0(t[len(start) :]) if tok == ","), -1)
            if comma < 0 or start == "∃!":
                return Prop("other", t)
            binders = t[len(start) : len(start) + comma]
            body = parse(t[len(start) + comma + 1 :])
            return Prop("exists" if start in ("∃", "exists") else "forall", binders, (body,))
    ops: dict[str, list[tuple[int, int]]] = {"→": [], "↔": [], "∨": [], "∧": []}
    for s, e, tok in depth0(t):
        if s > 0 and tok in _BINDER_STARTS:
            break  # a binder notation reaches to the end: the rest is one operand
        for key, group in (("→", _ARROWS), ("↔", _IFF), ("∨", _OR), ("∧", _AND)):
            if tok in group:
                ops[key].append((s, e))
    if ops["↔"] or (ops["∨"] and not ops["→"]):
        return Prop("other", t)
    if ops["→"]:
        s, e = ops["→"][0]  # right associative: split at the first arrow
        left, right = t[:s], t[e:]
        if strip_parens(right) == "False":
            return Prop("not", t, (parse(left),))
        return Prop("imp", t, (parse(left), parse(right)))
    if ops["∧"]:
        parts, prev = [], 0
        for s, e in ops["∧"]:
            parts.append(t[prev:s])
            prev = e
        parts.append(t[prev:])
        return Prop("and", t, tuple(parse(p) for p in parts))
    if t.startswith("¬"):
        return Prop("not", t, (parse(t[1:]),))
    m = re.match(r"Not(?![\w'!?])", t)
    if m:
        return Prop("not", t, (parse(t[m.end() :]),))
    return Prop("atom", t, head=application_head(t))


def application_head(text: str) -> str | None:
    """``PL E f g 1 0`` → ``PL``; ``0 < μ``, ``f x = 0``, ``True`` → None."""
    m = _HEAD.match(text)
    if not m or m.group(1) in ("True", "False"):
        return None
    rest = _flatten(text[m.end() :])
    return m.group(1) if _APP_REST.fullmatch(rest) else None


def _flatten(text: str) -> str:
    """``text`` with every bracketed group and «name» removed (what stays is depth 0)."""
    out, prev = [], 0
    for m, depth in _walk(text):
        tok = m.group()
        if depth != 0:
            continue
        if tok in _OPEN or tok.startswith("«"):
            out.append(text[prev : m.start()])
        if tok in _CLOSE or tok.startswith("«"):
            prev = m.end()
    if not any(depth for _m, depth in _walk(text[prev:])):
        out.append(text[prev:])
    return "".join(out)


def premises_and_conclusion(type_text: str) -> tuple[list[Prop], Prop]:
    """Peel ``∀ x,`` binders and ``P →`` premises: (premises, the conclusion proper)."""
    premises: list[Prop] = []
    p = parse(type_text)
    while p.op in ("forall", "imp"):
        if p.op == "imp":
            premises.append(p.parts[0])
            p = p.parts[1]
        else:
            p = p.parts[0]
    return premises, p


def strip_exists(p: Prop) -> Prop:
    """The body under a prefix of ``∃`` binders."""
    while p.op == "exists":
        p = p.parts[0]
    return p


def flatten_and(p: Prop) -> list[Prop]:
    """The conjuncts of a (possibly nested) conjunction."""
    if p.op == "and":
        return [q for part in p.parts for q in flatten_and(part)]
    return [p]


def idents(text: str) -> list[str]:
    """Identifiers in ``text`` (candidates for a name the statement mentions)."""
    return re.findall(r"(?<![.\w'!?])@?(" + IDENT + r")", text)
