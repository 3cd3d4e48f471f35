"""Lint findings of the lattice: unreadable separations, unknown assumption names, conflicts."""

from __future__ import annotations

from pathlib import Path

from axiomdl.lattice.build import LatticeData, compute
from axiomdl.lattice.read import KnownExternal
from axiomdl.lattice.render import short
from axiomdl.model import Finding
from axiomdl.scan.resolve import Resolver, decl_namespace
from axiomdl.session import Session


def known_external(s: Session, allow: dict[str, str] | set[str]) -> KnownExternal:
    """Is an identifier a verified outside name (``core-names.txt``) where it occurs?"""
    theorem_like = {n for n in allow if n.rsplit(".", 1)[-1][:1].islower()}
    resolver = Resolver(allow, field_heads=theorem_like)
    p = s.project

    def known(ident: str, decl: str) -> bool:
        fs = p.file_of(decl)
        d = p.decls[decl]
        ctx = fs.contexts[d.ctx]
        key = id(fs) * 1000003 + d.ctx
        return resolver.resolve(ident, ctx, key, decl_namespace(decl, ctx)) is not None

    return known


def project_lattice(s: Session, core_names: Path | None = None) -> LatticeData:
    """The lattice, checking outside names against ``core_names`` (default: the allowlist
    ``axiomdl lint`` finds beside the project; without one, every outside name is accepted)."""
    from axiomdl.lint import find_core_names, load_core_names

    path = core_names or find_core_names(s.project.root)
    known = known_external(s, load_core_names(path)[0]) if path is not None else None
    return compute(s, known)


def lint_findings(s: Session, allow: dict[str, str] | None) -> list[Finding]:
    """``axiomdl lint``'s lattice checks, with ``allow`` the verified outside names (or None)."""
    if not s.analysis.hyps:
        return []
    return lattice_findings(s, compute(s, known_external(s, allow) if allow is not None else None))


def lattice_findings(s: Session, data: LatticeData | None = None) -> list[Finding]:
    """Errors: a ``Separation:`` not of the shape ``A … ∧ ¬ B …``, a separation or discharge
    naming an undeclared assumption, and a separation contradicting a proved implication."""
    data = data if data is not None else compute(s)
    out = [
        Finding(
            code=n.code,
            file=n.file,
            line=n.line,
            declaration=n.name,
            message=f"{n.role} `{n.name}`: {n.reason}",
        )
        for n in data.notes
        if n.code
    ]
    for c in data.conflicts:
        holds = " ∧ ".join(f"`{short(h)}`" for h in c.holds)
        out.append(
            Finding(
                code="separation-conflict",
                file=c.file,
                line=c.line,
                declaration=c.separation,
                message=f"separation `{c.separation}` shows {holds} ⇏ `{short(c.fails)}`, but "
                f"{holds} ⇒ `{short(c.fails)}` is proved by "
                + " → ".join(f"`{v}`" for v in c.via)
                + ": both cannot hold of one model (the library would be inconsistent, unless a "
                "condition of those discharges that is not an assumption fails in the model)",
            )
        )
    return out
