"""Docstring headers: the kind word and the one-per-line metadata of design.md."""

from __future__ import annotations

import re

ROLE_WORDS = {
    "Assumption": "assumption",
    "Conjecture": "conjecture",
    "Discharge": "discharge",
    "Witness": "witness",
    "Separation": "separation",
}
META_KEYS = ("Area", "Status", "Evidence", "Refs", "Probe")
REQUIRED_META = ("Area", "Status", "Evidence", "Refs")
AREAS = ("landscape", "expressivity", "generalization", "foundations")
STATUSES = ("established", "plausible", "contested", "refuted-in-regime")
_META_RE = re.compile(r"^\s*(" + "|".join(META_KEYS) + r")\s*:\s*(.*?)\s*$", re.M)
_ROLE_RE = re.compile(r"^\s*(" + "|".join(ROLE_WORDS) + r")\s*:")

_DEFAULT_ROLE = {
    "theorem": "theorem",
    "lemma": "theorem",
    "example": "theorem",
    "axiom": "axiom",
}


def parse_doc(doc: str | None, kind: str) -> tuple[str, dict[str, str]]:
    """Return the declaration's role and its metadata lines (keys lowercased)."""
    role = _DEFAULT_ROLE.get(kind, "definition")
    if not doc:
        return role, {}
    m = _ROLE_RE.match(doc)
    if m:
        role = ROLE_WORDS[m.group(1)]
    meta = {k.lower(): v for k, v in _META_RE.findall(doc)}
    return role, meta
