"""Local names: which identifiers in a declaration are bound, not global references.

Lean resolves a bound variable before any global, so an identifier bound anywhere
in a declaration (a binder, ``fun``, ``intro``, a match arm, ``have h``...) is
treated as local throughout that declaration. This over-approximates scoping in a
way that only matters when a proof both binds ``x`` and means a global ``x``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from axiomdl.scan.lexicon import IDENT, IDENT_RE, KEYWORDS

_OPEN = "([{⟨⦃"
_CLOSE = ")]}⟩⦄"

TOKEN_RE = re.compile(
    r"(?P<id>(?<![.\w'!?])" + IDENT + r")|(?P<sym>:=|=>|->|::|[()\[\]{}⟨⟩⦃⦄:,|→∀∃λ↦∈∉⊆<>≤≥≠=]|\.)"
)

# Binding sites: each binding keyword has a regex reading the span of names it binds.
_UNTIL_ARROW = re.compile(r"(.{0,400}?)(?:=>|↦)", re.S)
_UNTIL_COMMA = re.compile(r"(.{0,400}?),", re.S)
_UNTIL_EOL = re.compile(r"([^\n;]{0,400}?)(?:=>|<;>|;|\n|\Z)")
_UNTIL_COLON = re.compile(r"([^\n]{0,400}?)(?::=|:|\n|\Z)")
_WITH = re.compile(r"[ \t]*([^|\s][^\n]{0,400}?)(?:\n|\Z)")
_CASE = re.compile(r"\s+([^\n]{0,400}?)=>")
_ARM = re.compile(r"([^|\n]{0,400}?)=>")
_IF = re.compile(r"\s+(\w[\w']*)\s*:(?!=)")
# Spans are bounded (400 characters) so that hostile one-line input stays linear.
_GEN = re.compile(r"\s+(?:(\w[\w']*)\s*:)?[^\n]{0,400}?=\s*(\w[\w']*)")
_SETB = re.compile(r"\s*(\w[\w']*)\s*(?::[^|}\n]{0,400})?(?:\||//)")
_SPAN_OF = {
    **dict.fromkeys(("fun", "λ"), _UNTIL_ARROW),
    **dict.fromkeys(
        ("∀", "∃", "∃!", "∑", "∏", "⋃", "⋂", "⨆", "⨅", "forall", "exists"), _UNTIL_COMMA
    ),
    **dict.fromkeys(
        (
            "intro",
            "intros",
            "rintro",
            "rintros",
            "rename_i",
            "next",
            "funext",
            "ext",
            "by_contra",
            "by_contra!",
            "introv",
            "generalizing",
            "choose",
        ),
        _UNTIL_EOL,
    ),
    **dict.fromkeys(
        ("obtain", "have", "haveI", "let", "letI", "suffices", "set", "by_cases"), _UNTIL_COLON
    ),
    "with": _WITH,
    "case": _CASE,
    "case'": _CASE,
    "if": _IF,
    "generalize": _GEN,
}


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


_KW_SPAN: dict[str, re.Pattern[str]] = {
    kw: re.compile(r"(?<![\w.'])" + re.escape(kw) + r"(?![\w'!?])" + rx.pattern, rx.flags)
    for kw, rx in _SPAN_OF.items()
    if kw[0].isascii()
}
_SYMBOL_SPANS = [
    ("λ", re.compile(r"λ" + _UNTIL_ARROW.pattern, re.S)),
    ("∀", re.compile(r"∀" + _UNTIL_COMMA.pattern, re.S)),
    ("∃", re.compile(r"∃!?" + _UNTIL_COMMA.pattern, re.S)),
    ("|", re.compile(r"\|(?!\|)" + _ARM.pattern)),
    ("{", re.compile(r"\{" + _SETB.pattern)),
    ("∑", re.compile(r"[∑∏⋃⋂⨆⨅]" + _UNTIL_COMMA.pattern, re.S)),
]
_ASSIGN = re.compile(r"(?<![\w.'])(\w[\w'!?]*)[ \t]*:=(?!=)")


_OPENERS, _CLOSERS = "([{⦃⟨", ")]}⦄⟩"


def _ends_a_type(text: str, i: int) -> bool:
    """Is the word at ``i``, just before a ``:=``, the end of a type annotation (``(n :
    Foo := d)``, ``let x : List Nat := v``, ``have : a = b := p``) rather than the name the
    ``:=`` binds? Walk back at bracket depth 0 to a ``:`` (a type) or to an opener, a
    comma, a semicolon, a newline or an earlier ``:=`` (a name), at most 400 characters."""
    depth = 0
    for j in range(i - 1, max(-1, i - 401), -1):
        c = text[j]
        if c in _CLOSERS:
            depth += 1
        elif c in _OPENERS:
            if depth == 0:
                return False
            depth -= 1
        elif depth == 0:
            if c in ",;\n":
                return False
            if c == ":":
                nxt = text[j + 1] if j + 1 < len(text) else ""
                if nxt == "=":
                    return False
                if nxt != ":" and (j == 0 or text[j - 1] != ":"):
                    return True
    return False


def body_bound_names(text: str, words: set[str] | None = None) -> set[str]:
    """All names bound anywhere in ``text`` by terms or tactics.

    Only the binding keywords that occur among ``words`` (the text's identifiers)
    are searched for, each with its own literal-prefixed regex.
    """
    if words is None:
        words = set(IDENT_RE.findall(text))
    bound: set[str] = set()
    spans: list[str] = []
    for kw in words & _KW_SPAN.keys():
        for m in _KW_SPAN[kw].finditer(text):
            spans.extend(g for g in m.groups() if g)
    for sym, rx in _SYMBOL_SPANS:
        if sym in text or (sym == "∑" and ("∏" in text or "⋃" in text or "⨆" in text)):
            for m in rx.finditer(text):
                spans.extend(g for g in m.groups() if g)
    if ":=" in text:
        bound.update(
            m.group(1) for m in _ASSIGN.finditer(text) if not _ends_a_type(text, m.start())
        )
    for span in spans:
        bound.update(_atoms_before_colon(span))
    return bound


_BRACKET_RE = re.compile(r"[()\[\]{}⟨⟩⦃⦄]")


def parse_binder_groups(text: str) -> list[BinderGroup]:
    """Split ``(a b : T) {c} [C a]`` into binder groups (used by headers and ``variable``)."""
    groups: list[BinderGroup] = []
    depth = 0
    start = 0
    opener = ""
    for m in _BRACKET_RE.finditer(text):
        c = m.group()
        if c in _OPEN:
            if depth == 0:
                start, opener = m.end(), c
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                if opener != "⟨":
                    inner = text[start : m.start()]
                    if opener == "{" and inner.startswith("{") and inner.endswith("}"):
                        inner = inner[1:-1]
                    groups.append(_group(inner, opener))
            elif depth < 0:
                depth = 0
    return groups


def _group(inner: str, bracket: str) -> BinderGroup:
    colon = _top_level_colon(inner)
    if colon < 0:
        idents = [t for t in IDENT_RE.findall(inner) if t not in KEYWORDS]
        if bracket == "[":
            return BinderGroup([], set(idents), bracket, idents[0] if idents else None)
        return BinderGroup([t for t in idents if "." not in t], set(), bracket, None)
    head_part, type_part = inner[:colon], inner[colon + 1 :]
    dflt = type_part.find(":=")
    if dflt >= 0:
        type_part = type_part[:dflt] + " " + type_part[dflt + 2 :]
    names = [t for t in IDENT_RE.findall(head_part) if "." not in t and t not in KEYWORDS]
    type_idents = [t for t in IDENT_RE.findall(type_part) if t not in KEYWORDS]
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
