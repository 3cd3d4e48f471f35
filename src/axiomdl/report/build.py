"""Turn an analysis into the pydantic payloads that every output format renders."""

from __future__ import annotations

from collections import Counter
from typing import Any

from axiomdl.derivation import DerivationIndex
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
from axiomdl.scan.problems import bad_file_findings
from axiomdl.session import Session
from axiomdl.weakest import summary
from axiomdl.witnesses import compute_coverage

FOUNDATION_AXIOMS = ("propext", "Classical.choice", "Quot.sound")


def warm_values(s: Session) -> dict[str, Any]:
    """The whole-project values a session keeps with its cached graph, so that a warm
    ``rests-on`` or ``audit`` never loads the project (see :meth:`Session.remember`)."""
    return {
        "findings": _scan_findings(s),
        "coverage": compute_coverage(s),
        "statuses": hypothesis_statuses(s),
        "bad_files": bad_file_findings(s.project),
        "lake_note": s.project.lake_note,
    }


def hypothesis_statuses(s: Session) -> dict[str, str | None]:
    """Each assumption's and conjecture's ``Status:``."""
    decls = s.project.decls
    return {h: decls[h].meta.get("status") for h in s.analysis.hyps if h in decls}


def audit_findings(s: Session) -> list[Finding]:
    """sorry, admit, native_decide, declared axioms; scope and duplicate problems.

    (``decide := true``, a ``simp``/``decide`` option, is checked by the kernel: no finding.)
    """
    return list(s.remember("findings", _scan_findings))


def _scan_findings(s: Session) -> list[Finding]:
    out = list(s.input_findings())
    messages = {
        "sorry": "uses `sorry`",
        "admit": "uses `admit`",
        "native_decide": "uses `native_decide` (adds the Lean.ofReduceBool axiom)",
        "axiom": "declares an `axiom`: state assumptions as hypotheses instead",
    }
    for name, d in s.project.decls.items():
        for flag in sorted(d.flags & messages.keys()):
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
    got = DerivationIndex(a).of(name)
    derived = [Derivation(assumption=x, path=p) for x, p in sorted(got.derived.items())]
    unsupported = [
        Derivation(assumption=x, path=[name, lemma]) for x, lemma in sorted(got.unsupported.items())
    ]
    cov = s.remember("coverage", compute_coverage)
    known = s.remember("statuses", hypothesis_statuses)
    statuses = {x: known.get(x) for x in req}
    return RestsOn(
        mode=a.mode,  # type: ignore[arg-type]
        name=name,
        role=a.roles[name],  # type: ignore[arg-type]
        requires=req,
        establishes=est,
        uses=uses,
        refutes=refutes,
        derived=derived,
        unsupported=unsupported,
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
    names, files, decl_file, decls = a.names, p.files, p.decl_file, p.decls
    cov = s.remember("coverage", compute_coverage)
    derivations = DerivationIndex(a)
    unsupported: list[Finding] = []
    for n, role in sorted(a.roles.items()):
        if role not in RESULT_ROLES:
            continue
        req_b = a.requires_bits(n)
        req = names(req_b)
        est, refutes = _sides(s, n, names(a.establishes_bits(n)))
        req_count.update(req)
        if role in ("discharge", "witness"):
            for x in est:
                established.setdefault(x, []).append(n)
        d = decls[n]
        got = derivations.of(n)
        for x, lemma in sorted(got.unsupported.items()):
            unsupported.append(_unsupported(n, x, lemma, files[decl_file[n]].path, d.line))
        theorems.append(
            TheoremRow(
                name=n,
                role=role,
                requires=req,
                establishes=est,  # type: ignore[arg-type]
                refutes=refutes,
                derived=sorted(got.derived),
                witnessed=cov.status.get(n),
                witnessed_by=cov.witnesses.get(n, []),
                summary=summary(decls[x].meta.get("status") for x in req),
                file=files[decl_file[n]].path,
                line=decls[n].line,
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
    module_area = [_area_of_module(fs.module) for fs in files]
    pairs = Counter(
        (d.meta.get("area") or module_area[decl_file[n]], d.role) for n, d in decls.items()
    )
    by_area: dict[str, dict[str, int]] = {}
    for (area, role), k in pairs.items():
        by_area.setdefault(area, {})[role] = k
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
        edges=sum(map(len, s.graph._succ.values())),  # number_of_edges(), without a view
        external_references=p.external_count,
        by_area={k: by_area[k] for k in sorted(by_area)},
    )
    return Report(
        basis=_basis(s),
        mode=a.mode,  # type: ignore[arg-type]
        project=root_label,
        counts=counts,
        targets=p.lake.target_names() if p.lake is not None else [],
        assumptions=[row(n) for n in a.hyps if a.roles[n] == "assumption"],
        conjectures=[row(n) for n in a.hyps if a.roles[n] == "conjecture"],
        theorems=theorems,
        unused=a.unused(),
        findings=audit_findings(s) + unsupported,
    )


def _unsupported(name: str, assumption: str, lemma: str, file: str, line: int) -> Finding:
    return Finding(
        code="unsupported",
        file=file,
        line=line,
        declaration=name,
        message=f"`{name}` applies `{lemma}`, which requires `{assumption}`, but `{name}` "
        "neither requires it nor derives it through a discharge: as written the proof "
        "cannot typecheck",
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
