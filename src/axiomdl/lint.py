"""``axiomdl lint``: the strict static checks that stand in for a compiler.

Every identifier must be a project declaration, a local, or a verified core name
listed in ``core-names.txt`` (``Name  src/Init/File.lean`` per line).
"""

from __future__ import annotations

import re
from pathlib import Path

from axiomdl.errors import AxiomdlError
from axiomdl.model import Finding, LintResult
from axiomdl.regime import degenerate_witness_findings
from axiomdl.scan.docmeta import AREAS, REQUIRED_META, STATUSES
from axiomdl.scan.resolve import Resolver, decl_namespace
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


def run_lint(s: Session, core_names: Path | None) -> LintResult:
    """All lint findings for a scanned project."""
    p = s.project
    findings: list[Finding] = []
    allow: dict[str, str] = {}
    if core_names is not None:
        allow, bad = load_core_names(core_names)
        findings += bad
    # `List.mem_cons.mpr`: field notation on a verified theorem (lower-case last component).
    theorem_like = {n for n in allow if n.rsplit(".", 1)[-1][:1].islower()}
    resolver = Resolver(allow, field_heads=theorem_like)
    own_roots = {fs.module.split(".")[0] for fs in p.files}
    findings += s.input_findings()
    checked = 0
    for fs in p.files:
        if fs.size and not any(code in ("encoding", "empty") for _, code, _ in fs.problems):
            if not fs.autoimplicit_off:
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
        for flag in ("sorry", "admit", "axiom", "native_decide", "decide_true"):
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
        if d.role in ("assumption", "conjecture"):
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
        if r is None:
            continue
        checked += len(r.hyp) + len(r.concl) + len(r.proof) + len(r.external)
        ctx = fs.contexts[d.ctx]
        ns = decl_namespace(name, ctx)
        for ident in sorted(r.external):
            if resolver.resolve(ident, ctx, id(fs) * 1000003 + d.ctx, ns) is not None:
                continue
            line = _first_line(p.root, fs.path, d.line, d.end_line, ident, lines_cache)
            findings.append(
                Finding(
                    code="unknown-name",
                    file=fs.path,
                    line=line,
                    declaration=name,
                    message=f"`{ident}` is neither declared in this project nor listed in core-names.txt",
                )
            )
    cov = compute_coverage(s)
    findings += cov.findings + unwitnessed_findings(s, cov) + degenerate_witness_findings(s)
    from axiomdl.lattice.lint import lint_findings  # separations and implications

    findings += lint_findings(s, allow if core_names is not None else None)
    findings.sort(key=lambda f: (f.file or "", f.line or 0, f.code))
    return LintResult(files=len(p.files), identifiers_checked=checked, findings=findings)


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
