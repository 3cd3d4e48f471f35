"""The assumption lattice: proved implications, proved and derived separations, open pairs.

- **A ⇒ B** when B follows from A by proved discharges, closed transitively. A
  discharge is a Horn clause ``requires(D) ⇒ B`` for each assumption B its conclusion
  asserts; an assumption's own parameters (``E : InnerProductSpace K V``) come with
  every model of it, so they count as implied (*presupposed*).
- **A ⇏ B** when a ``Separation:`` theorem exhibits a model of A refuting B. Its model
  also satisfies everything A implies and refutes everything that implies B (given
  what the model satisfies), so those pairs are *derived*, each with its discharges.
- **open**: same-area pairs with neither proved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from axiomdl.lattice.horn import Horn
from axiomdl.lattice.models import (
    Conflict,
    Implication,
    JointImplication,
    LatticeNode,
    LatticeNote,
    LatticeResult,
    NonImplication,
    OpenQuestion,
    Separation,
)
from axiomdl.lattice.read import Clause, KnownExternal, Note, Reader
from axiomdl.session import Session

OPEN_LIST_CAP = 10_000  # longer open lists are cut (open_total still counts them all)


@dataclass
class SeparationModel:
    """What one separation's model satisfies (closed) and refutes."""

    name: str
    holds: set[str]
    fails: set[str]
    model: set[str]
    refuted: dict[str, list[str]]  # refuted assumption -> discharges showing it


@dataclass
class LatticeData:
    """Everything the lattice computed, for the command, the report, lint and the site."""

    hyps: list[str]
    presupposes: dict[str, set[str]]
    clauses: list[Clause]
    horn: Horn
    models: list[SeparationModel] = field(default_factory=list)
    non_impl: dict[tuple[str, str], NonImplication] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[LatticeNote] = field(default_factory=list)
    separations: list[Separation] = field(default_factory=list)
    _up: dict[str, set[str]] | None = None  # conclusion -> premises, built on first use
    _closure: dict[str, dict[str, int | None]] = field(default_factory=dict)

    def closure(self, a: str) -> dict[str, int | None]:
        """What follows from ``a`` alone, each fact with the clause deriving it (cached)."""
        how = self._closure.get(a)
        if how is None:
            how = self._closure[a] = self.horn.close({a})
        return how

    def implies(self, a: str, b: str) -> bool:
        """Is A ⇒ B proved (A's closure contains B)?"""
        return b in self.closure(a)

    def ancestors(self, b: str) -> set[str]:
        """``b`` and every assumption with a path of clauses (premise to conclusion) to it."""
        if self._up is None:
            self._up = {}
            for c in self.clauses:
                self._up.setdefault(c.conclusion, set()).update(c.premises)
        seen = {b}
        stack = [b]
        while stack:
            for p in self._up.get(stack.pop(), ()):
                if p not in seen:
                    seen.add(p)
                    stack.append(p)
        return seen


def compute(s: Session, known_external: KnownExternal | None = None) -> LatticeData:
    """Read every assumption, discharge and separation, and close the lattice."""
    a = s.analysis
    p = s.project
    reader = Reader(s, known_external)
    hyps = [h for h in a.hyps if h in p.decls]
    presupposes = {h: reader.presupposes(h) for h in hyps}
    clauses = [Clause(frozenset([h]), q, None) for h in hyps for q in sorted(presupposes[h])]
    notes: list[Note] = []
    for n, role in sorted(a.roles.items()):
        if role == "discharge" and n in p.decls:
            clauses += reader.discharge(n, notes)
    horn = Horn(clauses)
    data = LatticeData(hyps, presupposes, clauses, horn)
    data.notes = [_note(s, x.name, x.reason, x.code) for x in notes]
    for n, role in sorted(a.roles.items()):
        if role == "separation" and n in p.decls:
            _add_separation(s, data, reader, n)
    return data


def _note(s: Session, name: str, reason: str, code: str | None) -> LatticeNote:
    d = s.project.decls[name]
    return LatticeNote(
        name=name,
        role=d.role,
        reason=reason,
        code=code,
        file=s.project.file_of(name).path,
        line=d.line,
    )


def _add_separation(s: Session, data: LatticeData, reader: Reader, name: str) -> None:
    sep = reader.separation(name)
    if sep.problems:
        for code, msg in sep.problems:
            data.notes.append(_note(s, name, msg, code))
        return
    d = s.project.decls[name]
    where = {"file": s.project.file_of(name).path, "line": d.line}
    horn = data.horn
    model = horn.close(sep.holds)
    clash = [b for b in sorted(sep.fails) if b in model]
    for b in clash:
        via, _ = horn.via(model, b)
        data.conflicts.append(
            Conflict(separation=name, holds=sorted(sep.holds), fails=b, via=via, **where)
        )
    if clash:
        return  # a separation contradicting proved implications is a conflict, not a fact
    data.separations.append(
        Separation(
            name=name,
            holds=sorted(sep.holds),
            fails=sorted(sep.fails),
            requires=s.analysis.requires(name),
            **where,
        )
    )
    refuted: dict[str, list[str]] = {}
    # only an assumption with a path of clauses to a refuted one can be refuted with it
    reach = set().union(*(data.ancestors(b) for b in sep.fails))
    for c in data.hyps:
        if c in model or c not in reach:
            continue
        if c in sep.fails:
            refuted[c] = []
            continue
        with_c = horn.close(set(model) | {c})
        for b in sorted(sep.fails):
            if b in with_c:
                refuted[c] = horn.via(with_c, b)[0]
                break
    data.models.append(SeparationModel(name, sep.holds, sep.fails, set(model), refuted))
    hyp_set = set(data.hyps)
    for x in sorted(model):
        if x not in hyp_set:
            continue  # not an assumption of this lattice
        up = horn.via(model, x)[0]
        for c, down in sorted(refuted.items()):
            if c == x:
                continue
            derived = not (x in sep.holds and c in sep.fails)
            via = up + [v for v in down if v not in up]
            cand = NonImplication(
                premise=x, conclusion=c, separation=name, derived=derived, via=via
            )
            old = data.non_impl.get((x, c))
            if old is None or _better(cand, old):
                data.non_impl[(x, c)] = cand


def _better(new: NonImplication, old: NonImplication) -> bool:
    return (new.derived, len(new.via), new.separation) < (old.derived, len(old.via), old.separation)


def lattice_result(s: Session, label: str, data: LatticeData) -> LatticeResult:
    """The payload of ``axiomdl lattice``."""
    p = s.project
    area = {h: p.decls[h].meta.get("area") for h in data.hyps}
    nodes = [
        LatticeNode(
            name=h,
            role=s.analysis.roles[h],  # type: ignore[arg-type]
            area=area[h],
            status=p.decls[h].meta.get("status"),
            presupposes=sorted(data.presupposes[h]),
        )
        for h in data.hyps
    ]
    implications = []
    for h in data.hyps:
        how = data.closure(h)
        for b in sorted(how):
            if b == h or b not in area:
                continue
            via, pre = data.horn.via(how, b)
            implications.append(
                Implication(
                    premise=h,
                    conclusion=b,
                    via=via,
                    chain=len(via) > 1,
                    presupposed=pre and not via,
                )
            )
    opens: list[OpenQuestion] = []
    open_total = cross = 0
    for x in data.hyps:
        for y in data.hyps:
            if x == y or data.implies(x, y) or (x, y) in data.non_impl:
                continue
            if area[x] != area[y]:
                cross += 1
                continue
            open_total += 1
            if len(opens) < OPEN_LIST_CAP:
                opens.append(OpenQuestion(premise=x, conclusion=y, area=area[x]))
    return LatticeResult(
        mode=s.analysis.mode,  # type: ignore[arg-type]
        project=label,
        assumptions=nodes,
        implications=implications,
        joint=joint_implications(data),
        separations=data.separations,
        non_implications=[data.non_impl[k] for k in sorted(data.non_impl)],
        open=opens,
        open_total=open_total,
        cross_area_undecided=cross,
        conflicts=data.conflicts,
        notes=sorted(data.notes, key=lambda n: (n.file, n.line, n.reason)),
    )


def effective_premises(data: LatticeData, c: Clause) -> list[str]:
    """A clause's premises without those another premise implies (its parameters, say)."""
    return sorted(
        q for q in c.premises if not any(data.implies(r, q) for r in c.premises if r != q)
    )


def needed_premises(data: LatticeData, c: Clause) -> list[str] | None:
    """The premises a discharge really adds (``effective_premises``), or None when fewer of
    them already give its conclusion through other discharges (the clause is redundant)."""
    eff = effective_premises(data, c)
    if len(eff) > 1 and any(c.conclusion in data.horn.close(set(eff) - {q}) for q in eff):
        return None
    return eff


def joint_implications(data: LatticeData) -> list[JointImplication]:
    """Discharges that need several premises together, none of them redundant."""
    out: dict[tuple[tuple[str, ...], str, str], JointImplication] = {}
    for c in data.clauses:
        if c.by is None:
            continue
        eff = needed_premises(data, c)
        if eff is None or len(eff) < 2:
            continue
        key = (tuple(eff), c.conclusion, c.by)
        out[key] = JointImplication(premises=eff, conclusion=c.conclusion, by=c.by)
    return [out[k] for k in sorted(out)]
