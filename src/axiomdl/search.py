"""Find declarations by name or docstring text, ranked the way people type names.

Tiers, best first (within a tier: assumptions before conjectures, discharges,
theorems, witnesses and definitions, then shorter names):

1. ``exact``: the short or full name, as typed;
2. ``acronym``: an all-capitals query that is a name's acronym (``PL`` →
   ``PolyakLojasiewicz``), and exact names with other letter case. Capitals are how
   people write abbreviations, so ``PL`` means the assumption, not every name that
   happens to start with ``PL``;
3. ``prefix``: the short name starts with the query (case first as typed, then ignored),
   then the full name does (``AxiomDL.Generalization.``);
4. ``acronym`` again, weaker: the query starts a name's acronym, or is its acronym in
   lower case;
5. ``substring``: the query occurs in the name;
6. ``text``: every word of the query occurs in the docstring or statement. A qualified
   name (``AxiomDL.Generalization.Min``) is a name query and gets no text tier: split into
   words it would match every docstring that mentions some ``AxiomDL.Generalization.…`` name.

Letter case and accents are ignored from tier 3 on (``lojasiewicz`` finds
``Łojasiewicz`` in a docstring).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from axiomdl.scan.project import Project

MatchKind = Literal["exact", "acronym", "prefix", "substring", "text"]
ROLE_ORDER = (
    "assumption",
    "conjecture",
    "discharge",
    "separation",
    "theorem",
    "witness",
    "definition",
    "axiom",
)
_WORD_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# Area and Status have their own filters; their words ("plausible") are not text matches.
_META_LINES = re.compile(r"^\s*(?:Area|Status)\s*:.*$", re.M)
# `AxiomDL.Generalization.Min`, `Nat.succ_pos`: dotted name segments, nothing else.
_QUALIFIED = re.compile(r"[\w']+(?:\.[\w']+)+\.?")
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case without accents: ``Łojasiewicz`` → ``lojasiewicz``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def acronym(short: str) -> str:
    """Initials of a name's words; an all-capitals word keeps every letter.

    ``PolyakLojasiewicz`` → ``PL``, ``PLStarOn`` → ``PLSO``, ``gd_linear_convergence`` → ``GLC``.
    """
    out = []
    for w in _WORD_RE.findall(short):
        out.append(w if w.isupper() else w[0].upper())
    return "".join(out)


@dataclass(frozen=True)
class Entry:
    """What search looks at for one declaration (precomputed once per project)."""

    name: str
    short: str
    role: str
    kind: str
    area: str | None
    status: str | None
    file: str
    line: int
    doc: str
    acronym: str
    folded_name: str
    folded_short: str
    folded_text: str


@dataclass(frozen=True)
class Hit:
    """A ranked match: the entry, how it matched, and its sort key."""

    entry: Entry
    match: MatchKind
    key: tuple


def area_of(meta_area: str | None, module: str) -> str:
    """The declared ``Area:``, else the area folder the module lives in, else ``other``."""
    if meta_area:
        return meta_area
    parts = module.split(".")
    for area in ("Foundations", "Landscape", "Expressivity", "Generalization"):
        if area in parts:
            return area.lower()
    return "other"


def index(project: Project) -> list[Entry]:
    """One entry per declaration, with the folded texts the ranking compares."""
    out = []
    for name, d in project.decls.items():
        short = name.rsplit(".", 1)[-1]
        fs = project.file_of(name)
        doc = d.doc or ""
        out.append(
            Entry(
                name=name,
                short=short,
                role=d.role,
                kind=d.kind,
                area=area_of(d.meta.get("area"), fs.module),
                status=d.meta.get("status"),
                file=fs.path,
                line=d.line,
                doc=doc,
                acronym=acronym(short),
                folded_name=fold(name),
                folded_short=fold(short),
                folded_text=fold(_META_LINES.sub("", doc) + "\n" + d.statement),
            )
        )
    return out


def _tier(e: Entry, q: str, fq: str, caps: bool) -> tuple[float, MatchKind] | None:
    if q in (e.short, e.name):
        return 1, "exact"
    # `PL` names a concept written in capitals (`PolyakLojasiewicz`), not `padLayers`.
    if caps and len(q) >= 2 and e.acronym == q and e.short[:1].isupper():
        return 2, "acronym"
    if fq in (e.folded_short, e.folded_name):
        return 2.1, "exact"
    if e.short.startswith(q):
        return 3, "prefix"
    if e.folded_short.startswith(fq):
        return 3.1, "prefix"
    if e.folded_name.startswith(fq):
        return 3.2, "prefix"
    if len(q) >= 2 and q.isalnum() and e.acronym.startswith(q.upper()):
        return 4, "acronym"
    if fq in e.folded_name:
        return 5, "substring"
    return None


def _text_score(e: Entry, words: list[re.Pattern[str]]) -> int | None:
    """Words of the docstring and statement that start with a query word (each must occur)."""
    total = 0
    for w in words:
        n = len(w.findall(e.folded_text))
        if not n:
            return None
        total += n
    return total


def rank(
    entries: Iterable[Entry],
    query: str,
    *,
    role: str | None = None,
    area: str | None = None,
    status: str | None = None,
) -> list[Hit]:
    """Every entry that matches ``query`` and the filters, best first."""
    q = query.strip()
    fq = fold(q)
    caps = q.isalpha() and q.isupper()
    split = [] if _QUALIFIED.fullmatch(q) else re.split(r"[^\w]+", fq)
    words = [re.compile(r"\b" + re.escape(w)) for w in split if w]
    hits = []
    for e in entries:
        if role is not None and e.role != role:
            continue
        if area is not None and e.area != area:
            continue
        if status is not None and e.status != status:
            continue
        t = _tier(e, q, fq, caps) if q else None
        if t is not None:
            tier, kind = t
            extra = 0
        elif words:
            score = _text_score(e, words)
            if score is None:
                continue
            tier, kind, extra = 6, "text", -score
        else:
            continue
        order = ROLE_ORDER.index(e.role) if e.role in ROLE_ORDER else len(ROLE_ORDER)
        hits.append(Hit(e, kind, (tier, extra, order, len(e.short), e.name)))
    hits.sort(key=lambda h: h.key)
    return hits


def summary(doc: str, limit: int = 200) -> str:
    """The docstring's prose without the kind word and metadata lines, cut at ``limit``."""
    keep = []
    for ln in doc.splitlines():
        s = ln.strip()
        if re.match(r"^(Area|Status|Evidence|Refs|Probe|Covers)\s*:", s):
            continue
        keep.append(s)
    text = " ".join(k for k in keep if k)
    text = re.sub(r"^(Assumption|Conjecture|Discharge|Witness|Separation)\s*:\s*", "", text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "then",
        "than",
        "are",
        "its",
        "into",
        "under",
        "over",
        "each",
        "all",
        "any",
        "has",
        "have",
        "not",
        "but",
        "when",
        "where",
        "which",
        "what",
        "how",
        "does",
        "can",
        "must",
    ]
)


_SUFFIXES = ("ness", "ingly", "ing", "edly", "ed", "ly", "es", "s")


def stem(word: str) -> str:
    """A crude stem, so ``converges`` meets ``convergence`` and ``smoothness`` ``Smooth``."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def relevant(
    entries: Iterable[Entry], text: str, *, roles: frozenset[str], limit: int
) -> list[Entry]:
    """Entries of ``roles`` that a free-text goal mentions, most mentioned first.

    A name or acronym written in the goal counts most, a word inside a name next, a word
    of the docstring least; words of two letters or fewer and common words are ignored.
    """
    tokens = re.findall(r"\w+", text)
    caps = {t for t in tokens if len(t) >= 2 and t.isalpha() and t.isupper()}
    words = {stem(w) for w in (fold(t) for t in tokens if len(t) >= 3) if w not in _STOP}
    named = set(tokens)
    scored = []
    for e in entries:
        if e.role not in roles:
            continue
        score = 5 * (e.short in named or e.name in named) + 5 * (e.acronym in caps)
        for w in words:
            if w in e.folded_short:
                score += 3
            elif w in e.folded_text:
                score += 1
        if score:
            scored.append((-score, len(e.short), e.name, e))
    scored.sort(key=lambda x: x[:3])
    return [x[3] for x in scored[:limit]]
