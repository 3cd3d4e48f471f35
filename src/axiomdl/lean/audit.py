"""Exact axiom audit: every axiom a declaration depends on must be on the allowlist.

The default allowlist is Lean's three foundational axioms. A project changes it in
``pyproject.toml``::

    [tool.axiomdl]
    axiom-allowlist = ["propext", "Classical.choice", "Quot.sound"]

Anything else is a finding: ``sorryAx`` (a ``sorry`` somewhere below), the
compiler-trust axioms ``Lean.ofReduceBool``/``Lean.ofReduceNat`` (``native_decide``),
and every user ``axiom``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from axiomdl.errors import AxiomdlError
from axiomdl.lean.exact import Resolver
from axiomdl.lean.export import Export
from axiomdl.model import Finding
from axiomdl.scan.project import Project

DEFAULT_ALLOWLIST = ("propext", "Classical.choice", "Quot.sound")
NATIVE = ("Lean.ofReduceBool", "Lean.ofReduceNat", "Lean.trustCompiler")


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    d = start.resolve()
    if d.is_file():
        d = d.parent
    for cand in (d, *d.parents):
        p = cand / "pyproject.toml"
        if p.is_file():
            return p
    return None


def load_allowlist(start: Path | None) -> tuple[list[str], Path | None]:
    """``[tool.axiomdl] axiom-allowlist`` from the nearest pyproject, else the default."""
    p = find_pyproject(start) if start is not None else None
    if p is None:
        return list(DEFAULT_ALLOWLIST), None
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise AxiomdlError(f"invalid TOML: {e}", file=p) from None
    raw = data.get("tool", {}).get("axiomdl", {}).get("axiom-allowlist")
    if raw is None:
        return list(DEFAULT_ALLOWLIST), None
    if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
        raise AxiomdlError("[tool.axiomdl] axiom-allowlist must be a list of axiom names", file=p)
    return list(raw), p


def _code(ax: str) -> str:
    if ax == "sorryAx":
        return "sorry"
    if ax in NATIVE:
        return "native_axiom"
    return "foreign_axiom"


def axiom_findings(project: Project, export: Export, allowlist: list[str]) -> list[Finding]:
    """One finding per declaration that depends on an axiom outside the allowlist."""
    allow = set(allowlist)
    owner_of = Resolver(set(project.decls))
    module_file = {f.module: f.path for f in project.files}
    out: list[Finding] = []
    for name in sorted(export.decls):
        d = export.decls[name]
        owner = owner_of(name)
        file = line = None
        if owner is not None:
            file = project.file_of(owner).path
            line = project.decls[owner].line
        else:
            file = module_file.get(d.module)
            line = d.range.pos.line if d.range is not None else None
        if d.axioms is None:
            out.append(
                Finding(
                    code="axioms_unknown",
                    message=f"`{name}`: the exporter could not collect its axioms",
                    file=file,
                    line=line,
                    declaration=owner or name,
                    severity="warning",
                )
            )
            continue
        bad = sorted(a for a in d.axioms if a not in allow)
        if not bad:
            continue
        codes = sorted({_code(a) for a in bad})
        what = ", ".join(f"`{a}`" for a in bad)
        own = " (declares an axiom)" if d.kind == "axiom" and name in bad else ""
        out.append(
            Finding(
                code=codes[0] if len(codes) == 1 else "axioms",
                message=f"`{name}` depends on {what}, outside the axiom allowlist{own}",
                file=file,
                line=line,
                declaration=owner or name,
            )
        )
    return out


def foundations(export: Export, name: str) -> list[str]:
    """The axioms of ``name`` (an exported declaration), sorted; empty if unknown."""
    d = export.decls.get(name)
    return sorted(d.axioms) if d and d.axioms else []


def session_axiom_findings(s: object) -> list[Finding]:
    """Exact-mode axiom findings for a loaded session (``axiomdl audit --exact``)."""
    export = getattr(s, "export", None)
    if export is None:
        return []
    project: Project = s.project  # type: ignore[attr-defined]
    allow, _src = load_allowlist(project.root)
    return axiom_findings(project, export, allow)
