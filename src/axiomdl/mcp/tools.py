"""What each MCP tool computes, as plain functions over a :class:`ProjectState`.

Kept free of the MCP SDK so the benchmark and the CLI can call them directly; bad
input raises :class:`AxiomdlError`, which the server turns into a tool error.
"""

from __future__ import annotations

import re
import time

from axiomdl.compute.models import FalsifyReport, LossReport
from axiomdl.errors import AxiomdlError
from axiomdl.graph import declaration_model
from axiomdl.mcp.models import (
    AssumptionInfo,
    Measured,
    SearchHit,
    SearchResult,
    UnusedResult,
)
from axiomdl.mcp.snippets import overlay
from axiomdl.mcp.state import ProjectState
from axiomdl.model import ImpactResult, LintResult, RestsOn, WhyResult
from axiomdl.probes.evidence import disagrees
from axiomdl.queries import unknown_name_message
from axiomdl.report import build
from axiomdl.search import Entry, index, rank, summary
from axiomdl.session import Session

DEFAULT_LIMIT = 20
_DECL_RE = re.compile(
    r"^\s*(?:@\[[^\]]*\]\s*)?(?:(?:private|protected|noncomputable)\s+)*(theorem|lemma|example)\b",
    re.M,
)


def entries(state: ProjectState) -> list[Entry]:
    """The search index of the current load."""
    return state.memo("search-index", lambda s: index(s.project))


def resolve(state: ProjectState, name: str, pool: list[str] | None = None) -> str:
    """A full name from a full name or an unambiguous suffix; unknown → "did you mean".

    ``pool`` narrows the suggestions (to assumptions, for ``assumption`` and ``impact``);
    when spelling finds nothing close, the search ranking supplies them (``PL``).
    """
    s = state.session()
    try:
        return s.resolve_name(name)
    except AxiomdlError as e:
        if "ambiguous" in e.message:
            raise
        msg = unknown_name_message(name, pool if pool is not None else s.graph.nodes)
    if "did you mean" not in msg:
        allowed = set(pool) if pool is not None else None
        near = [h.entry.name for h in rank(entries(state), name)]
        near = [n for n in near if allowed is None or n in allowed][:3]
        if near:
            msg += "; did you mean " + ", ".join(f"`{n}`" for n in near) + "?"
    raise AxiomdlError(msg)


def _hypothesis(state: ProjectState, name: str) -> tuple[Session, str]:
    s = state.session()
    full = resolve(state, name, s.analysis.hyps)
    role = s.analysis.roles.get(full)
    if full not in s.analysis.bit:
        raise AxiomdlError(
            f"`{full}` is a {role}, not an assumption or conjecture "
            "(use `rests_on` for what a result rests on)"
        )
    return s, full


def search(
    state: ProjectState,
    query: str,
    kind: str | None = None,
    area: str | None = None,
    status: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> SearchResult:
    """Declarations ranked by name (exact, acronym, prefix, substring), then docstring text."""
    if not query.strip():
        raise AxiomdlError("the query is empty: give a name, an acronym (PL) or words")
    hits = rank(entries(state), query, role=kind, area=area, status=status)
    return SearchResult(
        query=query,
        total=len(hits),
        hits=[
            SearchHit(
                name=h.entry.name,
                role=h.entry.role,  # type: ignore[arg-type]
                kind=h.entry.kind,
                match=h.match,
                area=h.entry.area,
                status=h.entry.status,
                file=h.entry.file,
                line=h.entry.line,
                summary=summary(h.entry.doc),
            )
            for h in hits[:limit]
        ],
    )


def _establishers(s: Session) -> dict[str, dict[str, list[str]]]:
    """assumption → {"discharge": [...], "witness": [...]} that establish it."""
    out: dict[str, dict[str, list[str]]] = {}
    a = s.analysis
    for n, role in sorted(a.roles.items()):
        if role in ("discharge", "witness"):
            for x in a.establishes(n):
                out.setdefault(x, {}).setdefault(role, []).append(n)
    return out


def _joint_witnesses(s: Session) -> set[str]:
    """Witnesses that cover (``Covers:``) some result with several requirements."""
    from axiomdl.witnesses import compute_coverage

    cov = compute_coverage(s)
    return {w for n, st in cov.status.items() if st == "joint" for w in cov.witnesses[n]}


def assumption(state: ProjectState, name: str) -> AssumptionInfo:
    """Statement, docstring metadata, measured evidence, dependents and establishers."""
    s, full = _hypothesis(state, name)
    d = s.project.decls[full]
    decl = declaration_model(s.project, full)
    measured = None
    if decl.probe:
        ev = state.evidence().get(decl.probe)
        if ev is not None:
            v = ev.verdict_for(full)
            label = v.label if v is not None else "no verdict"
            measured = Measured(
                probe=ev.probe,
                seed=ev.seed,
                quick=ev.quick,
                verdict=v,
                label=label,
                disagrees_with_status=disagrees(decl.status, label),
                file=ev.file,
            )
    statement, proof, bundles = s.analysis.impact(full)
    est = state.memo("establishers", _establishers).get(full, {})
    witnesses = est.get("witness", [])
    joint = state.memo("joint-witnesses", _joint_witnesses)
    return AssumptionInfo(
        mode=s.analysis.mode,  # type: ignore[arg-type]
        declaration=decl,
        summary=summary(d.doc or "", limit=2000),
        measured=measured,
        required_by=statement,
        used_by_proof=proof,
        bundled_by=bundles,
        established_by_discharges=est.get("discharge", []),
        witnesses=witnesses,
        joint_witnesses=[w for w in witnesses if w in joint],
    )


def rests_on(state: ProjectState, name: str) -> RestsOn:
    """requires / establishes / uses, derivations and witness status of one result."""
    s = state.session()
    r = build.rests_on(s, resolve(state, name))
    if s.export is not None:  # exact mode: the Lean axioms the result depends on
        from axiomdl.lean.audit import foundations

        r.foundations = foundations(s.export, r.name)
    return r


def why(state: ProjectState, name: str, assumption: str) -> WhyResult:
    """The shortest labelled path from a result to an assumption (empty: no dependency)."""
    s = state.session()
    return build.why(s, resolve(state, name), resolve(state, assumption, s.analysis.hyps))


def impact(state: ProjectState, assumption: str) -> ImpactResult:
    """What falls if the assumption is dropped: statement dependents, proof dependents."""
    s, full = _hypothesis(state, assumption)
    return build.impact(s, full)


def unused(state: ProjectState) -> UnusedResult:
    """Assumptions that no result requires or uses."""
    s = state.session()
    return UnusedResult(mode=s.analysis.mode, unused=s.analysis.unused())  # type: ignore[arg-type]


def lint(state: ProjectState, source: str) -> LintResult:
    """The strict lint on a snippet, as a new module of the project."""
    from axiomdl.lint import find_core_names, run_lint

    root = state.scan_root
    allow = find_core_names(root if root.is_dir() else root.parent)
    with overlay(state.session(), source) as ov:
        result = run_lint(ov.session, allow)
        refs = ov.session.project.refs
        checked = 0
        for n in ov.own_decls():
            r = refs.get(n)
            if r is not None:
                checked += len(r.hyp) + len(r.concl) + len(r.proof) + len(r.external)
        findings = []
        for f in result.findings:
            if f.file == ov.file.path:
                findings.append(f.model_copy(update={"file": ov.label(f.file)}))
    return LintResult(files=1, identifiers_checked=checked, findings=findings)


def as_declaration(statement: str) -> str:
    """A snippet with a theorem as is; a bare statement wrapped as ``theorem statement``."""
    if _DECL_RE.search(statement):
        return statement
    body = statement.strip()
    sep = " " if body[:1] in "({[⦃" else " : "
    return f"theorem statement{sep}{body} := by sorry\n"


def falsify(state: ProjectState, statement: str, instances: int, seed: int) -> FalsifyReport:
    """Search for counterexamples to the snippet's theorems (exact rational arithmetic)."""
    from axiomdl.compute.falsify import falsify as run
    from axiomdl.compute.report import falsify_report

    if not statement.strip():
        raise AxiomdlError("statement is empty: nothing to check")
    with overlay(state.session(), as_declaration(statement), "statement") as ov:
        decls = ov.session.project.decls
        for d in ov.file.decls:
            if decls.get(d.name) is not d and not d.name.startswith("example@"):
                raise AxiomdlError(
                    f"`{d.name}` is already declared in the project; rename it in the snippet"
                )
        names = [n for n in ov.own_decls() if decls[n].kind in ("theorem", "lemma", "example")]
        if not names:
            raise AxiomdlError("no theorem, lemma or example in the statement to check")
        t0 = time.perf_counter()
        outs = run(ov.session.project, names, instances, seed)
        rep = falsify_report(outs, "snippet", instances, seed, time.perf_counter() - t0)
        for r in rep.results:
            r.file = ov.label(r.file) or ""
    return rep


def check_loss(
    state: ProjectState,
    expr: str,
    variables: list[str],
    box: dict[str, tuple[float, float]] | None,
    grid: int,
) -> LossReport:
    """Landscape properties of a concrete loss and the library theorems that then apply."""
    from axiomdl.compute.report import loss_report

    spec = None
    if box:
        spec = ",".join(f"{k}={lo!r}:{hi!r}" for k, (lo, hi) in box.items())
    rep, _la = loss_report(state.session, expr, [v.strip() for v in variables], spec, grid)
    return rep
