"""What the lattice reads from each declaration: presuppositions, discharges, separations.

Every reading resolves the identifiers heading the statement's atoms through the
scanner's own resolution of that statement (its ``hyp``/``concl`` references), so a
head means the declaration Lean would pick. A shape the reader does not know is
reported, never guessed at: the lattice would rather leave a fact out than state a
wrong one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from axiomdl.lattice.formula import (
    Prop,
    binder_types,
    flatten_and,
    idents,
    parse,
    premises_and_conclusion,
    signature,
    strip_exists,
)
from axiomdl.scan.clean import clean
from axiomdl.session import Session

SHAPE = "separation-shape"
UNKNOWN = "unknown-assumption"

# Is an identifier that the project does not declare a known outside name (a core
# name on the allowlist)? Arguments: the identifier, the declaration it occurs in.
KnownExternal = Callable[[str, str], bool]


@dataclass(frozen=True)
class Head:
    """What the identifier heading an atom denotes.

    ``kind``: ``assumption`` (an assumption or conjecture), ``bundle`` (a definition
    bundling assumptions, ``names`` = the bundled ones), ``other`` (any other
    declaration), ``external`` (a name outside the project, known), ``unknown`` (not
    declared and not a known outside name), ``local`` (a bound variable) or
    ``ambiguous``.
    """

    kind: str
    ident: str
    name: str | None = None
    names: tuple[str, ...] = ()


@dataclass
class Clause:
    """``premises ⇒ conclusion``: from a discharge (``by``) or a presupposition (``by`` None)."""

    premises: frozenset[str]
    conclusion: str
    by: str | None


@dataclass
class SeparationRead:
    """A ``Separation:`` theorem as read: the model satisfies ``holds`` and refutes ``fails``."""

    name: str
    holds: set[str] = field(default_factory=set)
    fails: set[str] = field(default_factory=set)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (finding code, message)

    def problem(self, message: str, code: str = SHAPE) -> None:
        """Record why the separation cannot be read."""
        self.problems.append((code, message))


@dataclass
class Note:
    """A declaration (or part of one) the lattice could not use, and why."""

    name: str
    reason: str
    code: str | None = None  # a finding code when it is an error, else None


class Reader:
    """Reads statements of one session; ``known_external`` decides unresolved names."""

    def __init__(self, s: Session, known_external: KnownExternal | None = None) -> None:
        self.s = s
        self.a = s.analysis
        self.known_external = known_external
        self._files: dict[str, tuple[str, str]] = {}  # path -> (source, cleaned)
        self._pre: dict[str, set[str]] = {}

    # -- text -------------------------------------------------------------
    def statement(self, name: str) -> str:
        """The declaration's header with comments blanked out."""
        d = self.s.project.decls[name]
        st = d.statement
        if "--" not in st and "/-" not in st:
            return st
        fs = self.s.project.file_of(name)
        if fs.path not in self._files:
            try:
                raw = (self.s.project.root / fs.path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                raw = ""
            self._files[fs.path] = (raw, clean(raw).text)
        source, cleaned = self._files[fs.path]
        return _uncommented(source, cleaned, d.line, st)

    # -- heads ------------------------------------------------------------
    def head(self, decl: str, ident: str | None) -> Head | None:
        """Resolve an atom's head identifier as the scanner resolved it in ``decl``."""
        if ident is None:
            return None
        ident = ident.removeprefix("_root_.")
        r = self.s.project.refs.get(decl)
        stmt = (r.hyp | r.concl) if r is not None else set()
        hits = sorted(t for t in stmt if t == ident or t.endswith("." + ident))
        if len(hits) > 1:
            return Head("ambiguous", ident)
        if hits:
            full = hits[0]
            role = self.a.roles.get(full)
            if full in self.a.bit:
                return Head("assumption", ident, full)
            bundled = self.a.bundle.get(full, 0)
            if role == "definition" and bundled:
                return Head("bundle", ident, full, tuple(self.a.names(bundled)))
            return Head("other", ident, full)
        if r is not None and ident in r.external:
            if self.known_external is None or self.known_external(ident, decl):
                return Head("external", ident)
            return Head("unknown", ident)
        return Head("local", ident)

    def mentions(self, decl: str, p: Prop, bundles: bool = False) -> list[str]:
        """Assumptions a proposition names (with ``bundles``, also through definitions that
        bundle some, such as an instance ``selfSpace : InnerProductSpace …``)."""
        out: list[str] = []
        for ident in idents(p.text):
            h = self.head(decl, ident)
            if h is not None and h.kind == "assumption":
                out.append(h.name)
            elif h is not None and h.kind == "bundle" and bundles:
                out += list(h.names)
        return out

    def _unknown(self, decl: str, p: Prop) -> list[str]:
        h = self.head(decl, p.head) if p.op == "atom" else None
        return [h.ident] if h is not None and h.kind == "unknown" else []

    # -- presuppositions ---------------------------------------------------
    def presupposes(self, name: str) -> set[str]:
        """Assumptions ``name``'s own parameters are instances of (cached; see ``_presupposes``)."""
        if name not in self._pre:
            self._pre[name] = self._presupposes(name)
        return self._pre[name]

    def _presupposes(self, name: str) -> set[str]:
        """Assumptions ``name``'s own parameters are instances of: ``(E : InnerProductSpace K V)``.

        A statement cannot even be formed without its parameters, so every model of
        ``name`` comes with one of each. Only a binder whose whole type is an
        application of an assumption counts (never ``(h : ¬ B)`` or ``(h : B → C)``).
        """
        required = self.a.requires_bits(name) & ~self.a.bit.get(name, 0)
        if not required:  # the answer is cut down to what it requires: nothing to read
            return set()
        d = self.s.project.decls[name]
        sig = signature(self.statement(name))
        binders = sig[0] if sig else self.statement(name)
        written = {n: ty for names, ty in binder_types(binders) for n in names}
        out: set[str] = set()
        for _names, ty in binder_types(binders):
            h = self.head(name, self._family_head(name, parse(ty)))
            if h is not None and h.kind == "assumption":
                out.add(h.name)
        for bname, head_ident in d.binder_heads.items():
            if bname in written:
                continue  # read from its text above
            h = self.head(name, head_ident)  # a `variable` Lean includes: no text to check
            if h is not None and h.kind == "assumption":
                out.add(h.name)
        out.discard(name)
        return out & set(self.a.names(self.a.requires_bits(name)))

    def _family_head(self, name: str, p: Prop) -> str | None:
        """The head of a binder type, looking through a family's index binders:
        ``(n : Nat) → InnerProductSpace K (F n)`` presupposes ``InnerProductSpace`` (every
        model comes with one per index), while ``B → C`` between assumptions is an
        implication, not a family, and presupposes nothing."""
        while p.op in ("imp", "forall"):
            if p.op == "imp":
                prem = self.head(name, p.parts[0].head)
                if prem is not None and prem.kind == "assumption":
                    return None
                p = p.parts[1]
            else:
                p = p.parts[0]
        return p.head

    # -- discharges --------------------------------------------------------
    def discharge(self, name: str, notes: list[Note]) -> list[Clause]:
        """Clauses ``requires(D) ⇒ B`` for each assumption B that D's conclusion asserts."""
        premises = frozenset(self.a.names(self.a.requires_bits(name)))
        first_note = len(notes)
        sig = signature(self.statement(name))
        if sig is None:
            notes.append(Note(name, "no statement type to read"))
            return []
        binders, type_text = sig
        hyps, concl = premises_and_conclusion(type_text)
        hyp_props = hyps + [parse(ty) for _n, ty in binder_types(binders)]
        for p in hyp_props:
            for ident in self._unknown(name, p):
                notes.append(Note(name, _undeclared(ident, "a premise"), UNKNOWN))
                return []
            if _negates(p) and self.mentions(name, p, bundles=True):
                notes.append(Note(name, f"a premise negates an assumption (`{_short(p.text)}`)"))
                return []
        if not premises:
            notes.append(Note(name, "requires no assumption: it shows a model, not an implication"))
            return []
        out: list[Clause] = []
        for part in flatten_and(strip_exists(concl)):
            part = strip_exists(part)
            for q in flatten_and(part):
                for ident in self._unknown(name, q):
                    notes.append(Note(name, _undeclared(ident, "its conclusion"), UNKNOWN))
                h = self.head(name, q.head) if q.op == "atom" else None
                if h is not None and h.kind == "assumption":
                    b = h.name
                    if b in premises:
                        continue
                    if premises <= self.presupposes(b):
                        notes.append(Note(name, _CONSTRUCTION.format(b=b)))
                        continue
                    out.append(Clause(premises, b, name))
                elif h is not None and h.kind == "bundle":
                    notes.append(Note(name, _BUNDLE.format(text=_short(q.text))))
                elif self.mentions(name, q):
                    notes.append(Note(name, f"conclusion part `{_short(q.text)}` not read"))
        if not out and not any(n.name == name for n in notes[first_note:]):
            notes.append(Note(name, "its conclusion asserts no assumption"))
        return out

    # -- separations -------------------------------------------------------
    def separation(self, name: str) -> SeparationRead:
        """Split the conclusion into what the model satisfies and what it refutes."""
        sep = SeparationRead(name)
        sig = signature(self.statement(name))
        if sig is None:
            sep.problem("it has no statement type")
            return sep
        _hyps, concl = premises_and_conclusion(sig[1])
        body = strip_exists(concl)
        if body.op != "and":
            sep.problem(
                f"its conclusion `{_short(body.text)}` is not a conjunction "
                "`A … ∧ ¬ B …` (an assumption that holds and one that fails)"
            )
            return sep
        for part in flatten_and(body):
            self._separation_part(name, part, sep)
        if not sep.problems:
            params = set().union(*(self.presupposes(x) for x in sep.holds | sep.fails))
            extra = [x for x in self.a.names(self.a.requires_bits(name)) if x not in params]
            if extra:
                sep.problem(
                    "its model exists only under the hypothesis "
                    + ", ".join(f"`{x}`" for x in extra)
                    + ", which might fail; state the model outright"
                )
            if not sep.holds:
                sep.problem("no conjunct asserts an assumption (the `A …` of `A … ∧ ¬ B …`)")
            if not sep.fails:
                sep.problem("no conjunct negates an assumption (the `¬ B …` of `A … ∧ ¬ B …`)")
        return sep

    def _separation_part(self, name: str, part: Prop, sep: SeparationRead) -> None:
        neg = _negated_body(part)
        if neg is not None:
            atoms = [q for q in flatten_and(strip_exists(neg)) if self.mentions(name, q)]
            for q in flatten_and(strip_exists(neg)):
                for ident in self._unknown(name, q):
                    sep.problem(_undeclared(ident, "a negated conjunct"), UNKNOWN)
            h = (
                self.head(name, atoms[0].head)
                if len(atoms) == 1 and atoms[0].op == "atom"
                else None
            )
            if h is not None and h.kind == "assumption":
                sep.fails.add(h.name)
            elif not atoms and not sep.problems:
                sep.problem(f"`{_short(part.text)}` negates no assumption")
            elif atoms:
                sep.problem(
                    f"`{_short(part.text)}` does not negate exactly one assumption "
                    "(write one `¬ B …` per refuted assumption)"
                )
            return
        inner = strip_exists(part)
        for q in flatten_and(inner):
            for ident in self._unknown(name, q):
                sep.problem(_undeclared(ident, "a conjunct"), UNKNOWN)
            h = self.head(name, q.head) if q.op == "atom" else None
            if h is not None and h.kind == "assumption":
                sep.holds.add(h.name)
            elif h is not None and h.kind == "bundle":
                sep.problem(_BUNDLE.format(text=_short(q.text)))
            elif self.mentions(name, q):
                sep.problem(
                    f"`{_short(q.text)}` neither asserts nor negates an assumption as a whole"
                )


def separation_sides(s: Session, name: str) -> tuple[list[str], list[str]] | None:
    """(what a separation's model satisfies, what it refutes), or None if it cannot be read."""
    sep = Reader(s).separation(name)
    return None if sep.problems else (sorted(sep.holds), sorted(sep.fails))


def _undeclared(ident: str, where: str) -> str:
    return (
        f"{where} names `{ident}`, which is neither declared in this project nor a known "
        "outside name (an assumption is expected there)"
    )


_BUNDLE = (
    "`{text}` asserts a definition that bundles assumptions; the lattice reads assumptions "
    "named directly (write them as a conjunction)"
)
_CONSTRUCTION = (
    "it proves `{b}` from its own parameters and conditions that are not assumptions: "
    "a construction, not an implication"
)


def _negates(p: Prop) -> bool:
    """Does ``p`` contain a negation anywhere (``¬``, ``Not``, ``… → False``)?"""
    return "¬" in p.text or "False" in p.text or "Not " in p.text or "Not(" in p.text


def _negated_body(p: Prop) -> Prop | None:
    """``¬ X``, ``X → False``, and ``∀ x, side → ¬ X`` (side conditions only): X, else None."""
    while p.op in ("forall", "imp"):
        if p.op == "imp":
            if _negates(p.parts[0]):
                return None
            p = p.parts[1]
        else:
            p = p.parts[0]
    if p.op != "not":
        return None
    q = p.parts[0]
    while q.op in ("forall", "exists"):
        q = q.parts[0]
    return q


def _short(text: str, limit: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def _uncommented(source: str, cleaned: str, line: int, statement: str) -> str:
    """``statement`` as it reads in ``source`` from ``line`` on, with comments blanked.

    The scanner keeps the header with its whitespace collapsed; walking the source and
    the statement's non-space characters together finds the same span, then the
    cleaned text of that span replaces it.
    """
    lines = source.splitlines(keepends=True)
    if not source or line < 1 or line > len(lines):
        return statement
    start = sum(len(x) for x in lines[: line - 1])
    want = [c for c in statement if not c.isspace()]
    out: list[str] = []
    k = 0
    i = start
    while i < len(source) and k < len(want):
        c = source[i]
        if not c.isspace():
            if c != want[k]:
                return statement  # not the same span: keep the scanner's text
            k += 1
        out.append(cleaned[i])
        i += 1
    return " ".join("".join(out).split())
