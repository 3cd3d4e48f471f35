"""Local names: which identifiers in a declaration are bound, not global references.

Lean resolves a bound variable before any global, so an identifier bound anywhere
in a declaration (a binder, ``fun``, ``intro``, a match arm, ``have h``...) is
treated as local throughout that declaration. This over-approximates scoping in a
way that only matters when a proof both binds ``x`` and means a global ``x``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from axiomdl.scan.lexicon import IDENT, IDENT_RE

_OPEN = "([{⟨⦃"
_CLOSE = ")]}⟩⦄"
_PAIR = dict(zip(_CLOSE, _OPEN, strict=True))

TOKEN_RE = re.compile(
    r"(?P<id>(?<![.\w'!?])" + IDENT + r")|(?P<sym>:=|=>|->|::|[()\[\]{}⟨⟩⦃⦄:,|→∀∃λ↦∈∉⊆<>≤≥≠=]|\.)"
)

# Spans after binding keywords, each ending where its binder list ends.
_BODY_BINDERS = [
    re.compile(r"(?<![\w.])(?:fun|λ)(?![\w'])(.*?)(?:=>|↦)", re.S),
    re.compile(r"(?:∀|∃!?|∑|∏|⋃|⋂|⨆|⨅|(?<![\w.])(?:forall|exists)(?![\w']))(.*?),", re.S),
    re.compile(
        r"(?<![\w.])(?:intro|intros|rintro|rename_i|next|funext|ext|by_contra!?|introv|"
        r"generalizing|choose)(?![\w'])([^\n;]*?)(?:=>|;|<;>|\n|$)"
    ),
    re.compile(
        r"(?<![\w.])(?:obtain|rcases|cases'|induction'|have|haveI|let|letI|suffices|set|"
        r"by_cases)(?![\w'])([^\n]*?)(?::=|:|\n|$)"
    ),
    re.compile(r"(?<![\w.])with(?![\w'])[ \t]*([^|\s][^\n]*?)(?:\n|$)"),
    re.compile(r"(?<![\w.])case'?\s+([^\n]*?)=>"),
    re.compile(r"\|([^|\n]*?)=>"),
    re.compile(r"(?<![\w.])if\s+(\w[\w']*)\s*:"),
    re.compile(r"(?<![\w.])generalize\s+(?:(\w[\w']*)\s*:)?[^\n]*?=\s*(\w[\w']*)"),
    re.compile(r"\{\s*(\w[\w']*)\s*(?::[^|}\n]*)?(?:\||//)"),
    re.compile(r"(?<![\w.'])(\w[\w'!?]*)\s*:=(?!=)"),
]


@dataclass(slots=True)
class BinderGroup:
    """One bracketed binder group ``(a b : T)``: its names and the identifiers of T."""

    names: list[str]
    type_refs: set[str]
    bracket: str
    head: str | None


def _atoms_before_colon(span: str) -> list[str]:
    """Names bound by a binder span: identifiers not inside a type annotation."""
    names: list[str] = []
    depth_types: list[bool] = []  # per open bracket: are we past its ':'?
    in_type_top = False
    for m in TOKEN_RE.finditer(span):
        tok = m.group()
        if m.lastgroup == "id":
            in_type = in_type_top if not depth_types else depth_types[-1]
            if not in_type and "." not in tok:
                names.append(tok)
            continue
        if tok in _OPEN:
            depth_types.append(False)
        elif tok in _CLOSE:
            if depth_types:
                depth_types.pop()
        elif tok in (":", "∈", "∉", "⊆", "<", ">", "≤", "≥", "≠", "="):
            if depth_types:
                depth_types[-1] = True
            else:
                in_type_top = True
        elif tok == "," and depth_types and depth_types[-1] and span:
            # ⟨a, b⟩ patterns reset at commas; (a : T) groups never contain commas
            depth_types[-1] = False
    return names


def body_bound_names(text: str) -> set[str]:
    """All names bound anywhere in ``text`` by terms or tactics."""
    bound: set[str] = set()
    for rx in _BODY_BINDERS:
        for m in rx.finditer(text):
            for span in m.groups():
                if span:
                    bound.update(_atoms_before_colon(span))
    return bound


def parse_binder_groups(text: str) -> list[BinderGroup]:
    """Split ``(a b : T) {c} [C a]`` into binder groups (used by headers and ``variable``)."""
    groups: list[BinderGroup] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN and ch != "⟨":
            close = _match_close(text, i)
            inner = text[i + 1 : close] if close > 0 else text[i + 1 :]
            if ch == "{" and inner.startswith("{"):
                inner = inner[1:-1]
            groups.append(_group(inner, ch))
            i = close + 1 if close > 0 else n
        else:
            i += 1
    return groups


def _match_close(text: str, start: int) -> int:
    depth = 0
    for j in range(start, len(text)):
        c = text[j]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
            if depth == 0:
                return j
    return -1


def _group(inner: str, bracket: str) -> BinderGroup:
    colon = _top_level_colon(inner)
    if colon < 0:
        idents = IDENT_RE.findall(inner)
        if bracket == "[":
            return BinderGroup([], set(idents), bracket, idents[0] if idents else None)
        return BinderGroup([t for t in idents if "." not in t], set(), bracket, None)
    head_part, type_part = inner[:colon], inner[colon + 1 :]
    dflt = type_part.find(":=")
    if dflt >= 0:
        type_part = type_part[:dflt] + " " + type_part[dflt + 2 :]
    names = [t for t in IDENT_RE.findall(head_part) if "." not in t]
    type_idents = IDENT_RE.findall(type_part)
    head = type_idents[0] if type_idents else None
    return BinderGroup(names, set(type_idents), bracket, head)


def _top_level_colon(s: str) -> int:
    depth = 0
    for j, c in enumerate(s):
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
        elif c == ":" and depth == 0:
            nxt = s[j + 1 : j + 2]
            prev = s[j - 1 : j] if j else ""
            if nxt not in ("=", ":") and prev != ":":
                return j
    return -1
