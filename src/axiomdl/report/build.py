"""Turn an analysis into the pydantic payloads that every output format renders."""

from __future__ import annotations

from collections import Counter

from axiomdl.model import (
    AssumptionRow,
    Counts,
    Derivation,
    Finding,
    ImpactResult,
    PathStep,
    Report,
    RestsOn,
    TheoremRow,
    WhyResult,
)
from axiomdl.probes.evidence import ProbeEvidence, measured_for
from axiomdl.queries import RESULT_ROLES
from axiomdl.session import Session
from axiomdl.weakest import summary
from axiomdl.witnesses import compute_coverage

FOUNDATION_AXIOMS = ("propext", "Classical.choice", "Quot.sound")


def audit_findings(s: Session) -> list[Finding]:
    """sorry, admit, native_decide, ``decide := true``, declared axioms, unreadable input."""
    out = list(s.input_findings())
    messages = {
        "sorry": "uses `sorry`",
        "admit": "uses `admit`",
        "native_decide": "uses `native_decide` (adds the Lean.ofReduceBool axiom)",
        "decide_true": "uses `decide := true` (kernel reduction trusted via native code)",
        "axiom": "declares an `axiom`: state assumptions as hypotheses instead",
    }
    for name, d in s.project.decls.items():
        for flag in sorted(d.flags):
            fs = s.project.file_of(name)
            out.append(
                Finding(
                    code=flag,
                    message=f"`{name}` {messages[flag]}",
                    file=fs.path,
                    line=d.line,
                    declaration=name,
                )
            )
    return out


def rests_on(s: Session, name: str) -> RestsOn:
    """requires / establishes / uses of one declaration, with derivation paths."""
    a = s.analysis
    req = a.requires(name)
    est, refutes = _sides(s, name, a.establishes(name))
    uses = a.uses(name)
    derived = []
    for hyp in uses:
        if hyp not in req and hyp not in est:
            steps = a.why(name, hyp, through_proof=True)
            derived.append(Derivation(assumption=hyp, path=[name] + [st[1] for st in steps]))
    cov = compute_coverage(s)
    statuses = {x: s.project.decls[x].meta.get("status") for x in req}
    return RestsOn(
        mode=a.mode,  # type: ignore[arg-type]
        name=name,
        role=a.roles[name],  # type: ignore[arg-type]
        requires=req,
        establishes=est,
        uses=uses,
        refutes=refutes,
        derived=derived,
        witnessed=cov.status.get(name),
        witnessed_by=cov.witnesses.get(name, []),
        statuses=statuses,
        summary=summary(statuses.values()),
    )


def why(s: Session, src: str, dst: str) -> WhyResult:
    """The why chain as a payload."""
    steps = [
        PathStep(source=u, target=v, label=lab, position=pos)
        for u, v, lab, pos in s.analysis.why(src, dst)
    ]  # type: ignore[arg-type]
    return WhyResult(mode=s.analysis.mode, source=src, target=dst, steps=steps)  # type: ignore[arg-type]


def impact(s: Session, assumption: str) -> ImpactResult:
    """What falls if ``assumption`` is dropped."""
    st, pr, bu = s.analysis.impact(assumption)
    return ImpactResult(
        mode=s.analysis.mode, assumption=assumption, statement=st, proof=pr, bundles=bu
    )  # type: ignore[arg-type]


def build_report(
    s: Session, root_label: str, evidence: dict[str, ProbeEvidence] | None = None
) -> Report:
    """The whole-library report; ``evidence`` (from probe results) fills ``measured``."""
    a = s.analysis
    p = s.project
    req_count: Counter[str] = Counter()
    use_count = a.used_by()
    established: dict[str, list[str]] = {}
    theorems: list[TheoremRow] = []
    cov = compute_coverage(s)
    for n, role in sorted(a.roles.items()):
        if role not in RESULT_ROLES:
            continue
        req = a.requires(n)
        est, refutes = _sides(s, n, a.establishes(n))
        uses = a.uses(n)
        for x in req:
            req_count[x] += 1
        for x in est:
            if role in ("discharge", "witness"):
                established.setdefault(x, []).append(n)
        d = p.decls[n]
        theorems.append(
            TheoremRow(
                name=n,
                role=role,
                requires=req,
                establishes=est,  # type: ignore[arg-type]
                refutes=refutes,
                derived=[x for x in uses if x not in req and x not in est + refutes],
                witnessed=cov.status.get(n),
                witnessed_by=cov.witnesses.get(n, []),
                summary=summary(p.decls[x].meta.get("status") for x in req),
                file=p.file_of(n).path,
                line=d.line,
            )
        )

    def row(n: str) -> AssumptionRow:
        d = p.decls[n]
        return AssumptionRow(
            name=n,
            area=d.meta.get("area"),
            status=d.meta.get("status"),
            evidence=d.meta.get("evidence"),
            refs=d.meta.get("refs"),
            probe=d.meta.get("probe"),
            measured=measured_for(n, d.meta.get("probe"), evidence or {}),
            required_by=req_count[n],
            used_by=use_count[n],
            established_by=sorted(established.get(n, [])),
            file=p.file_of(n).path,
            line=d.line,
        )

    roles = Counter(a.roles.values())
    by_area: dict[str, dict[str, int]] = {}
    for n, d in p.decls.items():
        area = d.meta.get("area") or _area_of_module(p.file_of(n).module)
        by_area.setdefault(area, Counter())[d.role] += 1  # type: ignore[index]
    counts = Counts(
        files=len(p.files),
        declarations=len(p.decls),
        assumptions=roles["assumption"],
        conjectures=roles["conjecture"],
        theorems=roles["theorem"],
        discharges=roles["discharge"],
        witnesses=roles["witness"],
        separations=roles["separation"],
        definitions=roles["definition"],
        edges=s.graph.number_of_edges(),
        external_references=p.external_count,
        by_area={k: dict(v) for k, v in sorted(by_area.items())},
    )
    return Report(
        basis=_basis(s),
        mode=a.mode,  # type: ignore[arg-type]
        project=root_label,
        counts=counts,
        assumptions=[row(n) for n in a.hyps if a.roles[n] == "assumption"],
        conjectures=[row(n) for n in a.hyps if a.roles[n] == "conjecture"],
        theorems=theorems,
        unused=a.unused(),
        findings=audit_findings(s),
    )


def _sides(s: Session, name: str, est: list[str]) -> tuple[list[str], list[str]]:
    """(establishes, refutes): a separation's conclusion split as the lattice reads it (an
    unreadable one keeps every assumption of its conclusion, as for any result)."""
    if s.analysis.roles.get(name) != "separation":
        return est, []
    from axiomdl.lattice.read import separation_sides

    sides = separation_sides(s, name)
    return sides if sides is not None else (est, [])


def _basis(s: Session):
    """The minimal basis of the lattice (None without assumptions)."""
    if not s.analysis.hyps:
        return None
    from axiomdl.lattice.basis import minimal_basis
    from axiomdl.lattice.lint import project_lattice

    return minimal_basis(s, project_lattice(s))


def _area_of_module(module: str) -> str:
    parts = module.split(".")
    for area in ("Foundations", "Landscape", "Expressivity", "Generalization"):
        if area in parts:
            return area.lower()
    return "other"
