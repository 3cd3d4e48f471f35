"""Joint witnesses: is a theorem's set of hypotheses satisfiable at all?

A theorem whose hypotheses contradict each other is vacuous: it proves nothing about
any model. A witness whose docstring carries ``Covers: NAME …`` claims to exhibit one
concrete model for all of NAME's requirements at once. It *covers* NAME when its
establishes set contains NAME's requires set. Both sets come from the engine, so
the check needs no Lean; that the conjuncts share one model (the same ``E``, ``f``,
constants) is the Lean proof's job, and the kernel checks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from axiomdl.model import Finding, WitnessStatus
from axiomdl.queries import RESULT_ROLES
from axiomdl.scan.resolve import decl_namespace
from axiomdl.session import Session

_COVERS_LINE = re.compile(r"^\s*Covers\s*:\s*(.*?)\s*$", re.M)
_NAME_SEP = re.compile(r"[\s,;]+")


def covers_names(doc: str | None) -> list[str]:
    """Names listed on the ``Covers:`` lines of a docstring, backticks removed."""
    if not doc:
        return []
    out: list[str] = []
    for line in _COVERS_LINE.findall(doc):
        out += [t.strip("`") for t in _NAME_SEP.split(line) if t.strip("`")]
    return out


@dataclass
class Coverage:
    """Per-result witness status, and the findings met while computing it."""

    status: dict[str, WitnessStatus] = field(default_factory=dict)
    witnesses: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def _resolve_cover(s: Session, witness: str, name: str) -> str | None:
    """``name`` as written in ``witness``'s docstring: full, or relative to its namespaces."""
    nodes = s.graph
    if name in nodes:
        return name
    d = s.project.decls[witness]
    ns = decl_namespace(witness, s.project.file_of(witness).contexts[d.ctx])
    parts = ns.split(".") if ns else []
    for i in range(len(parts), 0, -1):
        cand = ".".join(parts[:i]) + "." + name
        if cand in nodes:
            return cand
    return None


def _covers_line(s: Session, witness: str, name: str) -> int:
    """The source line of the ``Covers:`` entry naming ``name`` (else the witness's line)."""
    d = s.project.decls[witness]
    fs = s.project.file_of(witness)
    try:
        lines = (s.project.root / fs.path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return d.line
    token = re.compile(r"(?<![\w.'])" + re.escape(name) + r"(?![\w'])")
    for i in range(d.line - 1, max(-1, d.line - 200), -1):
        if i < len(lines) and "Covers" in lines[i] and token.search(lines[i]):
            return i + 1
    return d.line


def compute_coverage(s: Session) -> Coverage:
    """Witness status of every result, and findings for wrong ``Covers:`` claims.

    - ``joint``: two or more requirements, and a witness covers them all at once;
    - ``single``: one requirement, and some witness establishes it;
    - ``none-needed``: no requirement;
    - ``missing``: requirements that no witness shows satisfiable (together).
    """
    a = s.analysis
    p = s.project
    cov = Coverage()
    claimed: dict[str, list[str]] = {}
    established_by_witness: dict[str, list[str]] = {}
    for w, role in a.roles.items():
        if w not in p.decls:
            continue
        if role == "witness":
            for x in a.establishes(w):
                established_by_witness.setdefault(x, []).append(w)
        names = covers_names(p.decls[w].doc)
        if not names:
            continue
        fs = p.file_of(w)
        if role != "witness":
            cov.findings.append(
                Finding(
                    code="covers",
                    file=fs.path,
                    line=p.decls[w].line,
                    declaration=w,
                    message=f"`{w}` has a `Covers:` line but is not a `Witness:`",
                )
            )
            continue
        est = a.establishes_bits(w)
        for raw in names:
            target = _resolve_cover(s, w, raw)
            if target is None and fs.package is not None:
                continue  # a dependency's module the project does not import: not read
            line = _covers_line(s, w, raw)
            if target is None or a.roles.get(target) not in RESULT_ROLES:
                what = (
                    "no declaration"
                    if target is None
                    else f"a {a.roles.get(target)}, not a theorem"
                )
                cov.findings.append(
                    Finding(
                        code="covers",
                        file=fs.path,
                        line=line,
                        declaration=w,
                        message=f"`Covers: {raw}` in `{w}` names {what}",
                    )
                )
                continue
            missing = a.names(a.requires_bits(target) & ~est)
            if missing:
                cov.findings.append(
                    Finding(
                        code="covers",
                        file=fs.path,
                        line=line,
                        declaration=w,
                        message=f"`{w}` claims to cover `{target}` but does not establish "
                        + ", ".join(f"`{m}`" for m in missing),
                    )
                )
                continue
            claimed.setdefault(target, []).append(w)
    for n, role in a.roles.items():
        if role not in RESULT_ROLES or role == "witness":
            continue
        req = a.requires(n)
        if not req:
            cov.status[n] = "none-needed"
            cov.witnesses[n] = []
        elif n in claimed:
            cov.status[n] = "joint" if len(req) > 1 else "single"
            cov.witnesses[n] = sorted(claimed[n])
        elif len(req) == 1 and established_by_witness.get(req[0]):
            cov.status[n] = "single"
            cov.witnesses[n] = sorted(established_by_witness[req[0]])
        else:
            cov.status[n] = "missing"
            cov.witnesses[n] = []
    return cov


def unwitnessed_findings(s: Session, cov: Coverage) -> list[Finding]:
    """A warning per own result with several requirements that no witness covers.

    Only for projects that use ``Covers:`` at all: the check is opt-in by use, so a
    project that never heard of joint witnesses is not flooded with warnings.
    """
    p = s.project
    own = (d for n, d in p.decls.items() if p.package_of(n) is None)  # not a dependency's use
    if not any(covers_names(d.doc) for d in own):
        return []
    out = []
    for n, st in sorted(cov.status.items()):
        if st != "missing" or len(s.analysis.requires(n)) < 2 or n not in p.decls:
            continue
        out.append(
            Finding(
                code="unwitnessed",
                severity="warning",
                file=p.file_of(n).path,
                line=p.decls[n].line,
                declaration=n,
                message=f"no witness covers the {len(s.analysis.requires(n))} requirements of "
                f"`{n}` at once (add a `Witness:` with `Covers: {n}`)",
            )
        )
    return out
