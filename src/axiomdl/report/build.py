"""Turn an analysis into the pydantic payloads that every output format renders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from axiomdl.derivation import DerivationIndex
from axiomdl.model import (
    AssumptionRow,
    Counts,
    DependencyRow,
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
        "input_warnings": s.input_warnings(),
        "dependency_files": s.dependency_files(),
    }


def in_scope(s: Session, findings: list[Finding], include_deps: bool) -> list[Finding]:
    """The findings in the project's own files (all of them with ``include_deps``)."""
    if include_deps:
        return findings
    deps = s.dependency_files()
    return [f for f in findings if f.file not in deps] if deps else findings


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


def impact(s: Session, assumption: str, include_deps: bool = False) -> ImpactResult:
    """What falls if ``assumption`` is dropped: the project's own results (through its
    dependencies' lemmas), and with ``include_deps`` the dependencies' as well."""
    st, pr, bu = s.analysis.impact(assumption)
    left = 0
    if not include_deps:
        own = [[n for n in xs if s.owns(n)] for xs in (st, pr, bu)]
        left = len(st) + len(pr) + len(bu) - sum(map(len, own))
        st, pr, bu = own
    return ImpactResult(
        mode=s.analysis.mode,
        assumption=assumption,
        statement=st,
        proof=pr,
        bundles=bu,
        in_dependencies=left,
    )  # type: ignore[arg-type]


def build_report(
    s: Session,
    root_label: str,
    evidence: dict[str, ProbeEvidence] | None = None,
    include_deps: bool = False,
) -> Report:
    """The whole-library report; ``evidence`` (from probe results) fills ``measured``.

    A project's dependencies are known, not owned: it lists the project's own results,
    and the dependencies' assumptions those rest on (``include_deps``: everything).
    """
    a = s.analysis
    p = s.project
    listed = (lambda n: True) if include_deps else s.owns
    req_count: Counter[str] = Counter()
    use_count = a.used_by(None if include_deps else listed)
    established: dict[str, list[str]] = {}
    theorems: list[TheoremRow] = []
    names, files, decl_file, decls = a.names, p.files, p.decl_file, p.decls
    cov = s.remember("coverage", compute_coverage)
    derivations = DerivationIndex(a)
    unsupported: list[Finding] = []
    for n, role in sorted(a.roles.items()):
        if role not in RESULT_ROLES or not listed(n):
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
                package=files[decl_file[n]].package,
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
            package=p.file_of(n).package,
        )

    def shown(n: str) -> bool:  # a dependency's assumption: when a listed result uses it
        return listed(n) or bool(req_count[n] or use_count[n])

    roles = Counter(r for n, r in a.roles.items() if listed(n))
    module_area = [_area_of_module(fs.module) for fs in files]
    pairs = Counter(
        (d.meta.get("area") or module_area[decl_file[n]], d.role)
        for n, d in decls.items()
        if listed(n)
    )
    by_area: dict[str, dict[str, int]] = {}
    for (area, role), k in pairs.items():
        by_area.setdefault(area, {})[role] = k
    counts = Counts(
        files=sum(1 for fs in files if include_deps or fs.package is None),
        declarations=sum(1 for n in decls if listed(n)),
        assumptions=roles["assumption"],
        conjectures=roles["conjecture"],
        theorems=roles["theorem"],
        discharges=roles["discharge"],
        witnesses=roles["witness"],
        separations=roles["separation"],
        definitions=roles["definition"],
        edges=sum(len(t) for n, t in s.graph._succ.items() if listed(n)),
        external_references=len({e for n, r in p.refs.items() if listed(n) for e in r.external}),
        by_area={k: by_area[k] for k in sorted(by_area)},
    )
    return Report(
        basis=_basis(s, None if include_deps else s.owns),
        mode=a.mode,  # type: ignore[arg-type]
        project=root_label,
        counts=counts,
        targets=p.lake.target_names() if p.lake is not None else [],
        assumptions=[row(n) for n in a.hyps if a.roles[n] == "assumption" and shown(n)],
        conjectures=[row(n) for n in a.hyps if a.roles[n] == "conjecture" and shown(n)],
        theorems=theorems,
        unused=[n for n in a.unused() if listed(n)],
        findings=in_scope(s, audit_findings(s), include_deps) + unsupported,
        dependencies=[DependencyRow(**asdict(d)) for d in p.packages],
        dependencies_listed=include_deps and bool(p.packages),
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


def _basis(s: Session, listed: Callable[[str], bool] | None):
    """The minimal basis of the lattice (None without assumptions), of what the listed
    results require: a project's own, unless ``--include-deps``."""
    if not s.analysis.hyps:
        return None
    from axiomdl.lattice.basis import minimal_basis
    from axiomdl.lattice.lint import project_lattice

    return minimal_basis(s, project_lattice(s), listed=listed)


def _area_of_module(module: str) -> str:
    parts = module.split(".")
    for area in ("Foundations", "Landscape", "Expressivity", "Generalization"):
        if area in parts:
            return area.lower()
    return "other"
