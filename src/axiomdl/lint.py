"""``axiomdl lint``: the strict static checks that stand in for a compiler.

On every project: ``sorry``/``admit``/``native_decide``/``axiom``, scopes, brackets,
duplicate declarations, docstring metadata of assumptions, and files that no Lake
target compiles. The AxiomDL library's own rules apply to it alone (or with
``--strict-names``): every identifier must be a project declaration, a local, or a
verified core name listed in ``core-names.txt`` (``Name  src/Init/File.lean`` per
line); imports stay within Init/Std/Lean; every file sets ``autoImplicit false``.
Other projects depend on Mathlib and packages the scanner may not read, so an
unknown name there proves nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from axiomdl.errors import AxiomdlError
from axiomdl.model import Finding, LintResult
from axiomdl.regime import degenerate_witness_findings
from axiomdl.scan.docmeta import AREAS, REQUIRED_META, STATUSES
from axiomdl.scan.project import Project
from axiomdl.scan.resolve import Resolver, decl_namespace
from axiomdl.scan.targets import built_files
from axiomdl.session import Session
from axiomdl.witnesses import compute_coverage, unwitnessed_findings

ALLOWED_IMPORT_ROOTS = ("Init", "Std", "Lean")
_CORE_LINE = re.compile(r"^(\S+)\s+(src/\S+\.lean)\s*(?:#.*)?$")


def find_core_names(root: Path) -> Path | None:
    """``core-names.txt`` at the scanned root, or in its ``lean/`` folder, or one level up."""
    for cand in (
        root / "core-names.txt",
        root / "lean" / "core-names.txt",
        root.parent / "lean" / "core-names.txt",
    ):
        if cand.is_file():
            return cand
    return None


def load_core_names(path: Path) -> tuple[dict[str, str], list[Finding]]:
    """Parse the allowlist; malformed lines are findings, not crashes."""
    names: dict[str, str] = {}
    findings: list[Finding] = []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise AxiomdlError(f"not valid UTF-8 at offset {e.start}", file=path) from None
    except OSError as e:
        raise AxiomdlError(f"cannot read allowlist: {e.strerror}", file=path) from None
    for i, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _CORE_LINE.match(line)
        if not m:
            findings.append(
                Finding(
                    code="allowlist",
                    file=str(path),
                    line=i,
                    message="expected `Name  src/Path/To/File.lean` (the core file that declares it)",
                )
            )
            continue
        names[m.group(1)] = m.group(2)
    return names, findings


def library_files(s: Session, bundled: bool) -> set[str]:
    """The files the AxiomDL library's own rules apply to: all of the bundled library;
    in a Lake project, the modules of its ``lean_lib AxiomDL``; else none."""
    files = s.project.files
    if bundled:
        return {fs.path for fs in files}
    lake = s.project.lake
    if lake is not None:
        libs = [lib for lib in lake.libraries if lib.name == "AxiomDL"]
        return {fs.path for fs in files if any(lib.is_local(fs.module) for lib in libs)}
    if files and all(fs.module.split(".")[0] == "AxiomDL" for fs in files):
        return {fs.path for fs in files}
    return set()


def run_lint(
    s: Session,
    core_names: Path | None,
    *,
    library: set[str] | None = None,
    strict_names: bool = False,
) -> LintResult:
    """All lint findings for a scanned project.

    ``library``: the files under the AxiomDL library's rules (allowlisted names,
    core-only imports, ``autoImplicit`` off); None means every file.
    ``strict_names``: check names in every file, not only the library's.
    """
    p = s.project

    def ruled(path: str) -> bool:
        return library is None or path in library

    check_names = strict_names or library is None or bool(library)
    findings: list[Finding] = []
    allow: dict[str, str] = {}
    if core_names is not None and check_names:
        allow, bad = load_core_names(core_names)
        findings += bad
    # `List.mem_cons.mpr`: field notation on a verified theorem (lower-case last component).
    theorem_like = {n for n in allow if n.rsplit(".", 1)[-1][:1].islower()}
    resolver = Resolver(allow, field_heads=theorem_like)
    # the project's names as if every file saw every file: a name Lean cannot see only
    # because its module is not imported gets a message that says so
    unimported = Resolver(p.decls, field_heads=theorem_like)
    own_roots = {fs.module.split(".")[0] for fs in p.files}
    findings += s.input_findings()
    findings += _build_findings(p)
    checked = 0
    lake_off = p.lake is not None and p.lake.lean_options.get("autoImplicit") is False
    for fs in p.files:
        if not ruled(fs.path):
            continue
        if fs.size and not any(code in ("encoding", "empty") for _, code, _ in fs.problems):
            if not fs.autoimplicit_off and not lake_off:
                findings.append(
                    Finding(
                        code="autoimplicit",
                        file=fs.path,
                        line=1,
                        message="missing `set_option autoImplicit false`",
                    )
                )
            for mod, line in fs.imports:
                if mod.split(".")[0] not in ALLOWED_IMPORT_ROOTS + tuple(own_roots):
                    findings.append(
                        Finding(
                            code="import",
                            file=fs.path,
                            line=line,
                            message=f"import `{mod}` is outside Init/Std/Lean and this project",
                        )
                    )
    lines_cache: dict[str, list[str]] = {}
    for name, d in p.decls.items():
        fs = p.file_of(name)
        for flag in ("sorry", "admit", "axiom", "native_decide"):
            if flag in d.flags:
                findings.append(
                    Finding(
                        code=flag,
                        file=fs.path,
                        line=d.line,
                        declaration=name,
                        message=f"`{name}` uses `{flag.replace('_true', ' := true')}`",
                    )
                )
        if d.role in ("assumption", "conjecture") and "named-by" not in d.meta:
            # (a role given by axiomdl.toml has no docstring header to check)
            missing = [k for k in REQUIRED_META if k.lower() not in d.meta]
            if missing:
                findings.append(
                    Finding(
                        code="docstring",
                        file=fs.path,
                        line=d.line,
                        declaration=name,
                        message=f"{d.role} `{name}` lacks docstring line(s): "
                        + ", ".join(f"{k}:" for k in missing),
                    )
                )
            for key, allowed in (("area", AREAS), ("status", STATUSES)):
                value = d.meta.get(key)
                if value and value not in allowed:
                    findings.append(
                        Finding(
                            code="docstring",
                            file=fs.path,
                            line=d.line,
                            declaration=name,
                            message=f"{key.capitalize()} `{value}` is not one of {', '.join(allowed)}",
                        )
                    )
        r = p.refs.get(name)
        if r is None or not (strict_names or ruled(fs.path)):
            continue
        checked += len(r.hyp) + len(r.concl) + len(r.proof) + len(r.external)
        ctx = fs.contexts[d.ctx]
        ns = decl_namespace(name, ctx)
        for ident in sorted(r.external):
            if resolver.resolve(ident, ctx, id(fs) * 1000003 + d.ctx, ns) is not None:
                continue
            line = _first_line(p.root, fs.path, d.line, d.end_line, ident, lines_cache)
            hidden = unimported.resolve(ident, ctx, id(fs) * 1000003 + d.ctx, ns)
            if hidden is not None:
                where = p.files[p.decl_file[hidden]]
                message = (
                    f"`{ident}` is `{hidden}`, declared in {where.path}, which this file does "
                    f"not import (add `import {where.module}`)"
                )
            else:
                message = (
                    f"`{ident}` is neither declared in this project nor listed in core-names.txt"
                )
            findings.append(
                Finding(
                    code="unknown-name",
                    file=fs.path,
                    line=line,
                    declaration=name,
                    message=message,
                )
            )
    cov = compute_coverage(s)
    findings += cov.findings + unwitnessed_findings(s, cov) + degenerate_witness_findings(s)
    from axiomdl.lattice.lint import lint_findings  # separations and implications

    findings += lint_findings(s, allow if core_names is not None else None)
    findings.sort(key=lambda f: (f.file or "", f.line or 0, f.code))
    return LintResult(
        files=sum(1 for fs in p.files if fs.package is None),
        identifiers_checked=checked,
        name_checks=check_names,
        findings=findings,
    )


def _build_findings(p: Project) -> list[Finding]:
    """Files no Lake target compiles, and targets whose sources are missing (warnings)."""
    if p.lake is None:
        return []
    out = [
        Finding(
            code="lake",
            severity="warning",
            file=p.lake.file,
            message=f"target `{target}`: {why}",
        )
        for target, why in p.missing
    ]
    built = built_files(p.files, p.lake)
    for i, fs in enumerate(p.files):
        if i not in built and fs.size and fs.package is None:  # dependencies build themselves
            out.append(
                Finding(
                    code="unbuilt",
                    severity="warning",
                    file=fs.path,
                    line=1,
                    message=f"no Lake target imports `{fs.module}` ({p.lake.file}): "
                    "`lake build` never compiles it, so its proofs are never checked",
                )
            )
    return out


def _first_line(
    root: Path, rel: str, start: int, end: int, ident: str, cache: dict[str, list[str]]
) -> int:
    if rel not in cache:
        try:
            cache[rel] = (root / rel).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[rel] = []
    rx = re.compile(r"(?<![\w.'])" + re.escape(ident) + r"(?![\w'])")
    for i in range(start - 1, min(end, len(cache[rel]))):
        if rx.search(cache[rel][i]):
            return i + 1
    return start
