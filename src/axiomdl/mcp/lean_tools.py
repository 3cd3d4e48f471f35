"""``try`` and ``build``: Lean's own verdict when a toolchain is installed.

``try`` elaborates a snippet with ``lake env lean --json`` in the project's Lake root, so
it imports the built library exactly as a new module would (no optional extra needed);
``build`` is ``axiomdl build`` (``lake build`` plus per-file diagnostics). Without Lean
both return ``toolchain: missing`` with the install hint: a result, not an error.
"""

from __future__ import annotations

import difflib
import sys

from axiomdl.errors import AxiomdlError
from axiomdl.lean import proc
from axiomdl.lean import toolchain as tcmod
from axiomdl.lean.build import run_build
from axiomdl.lean.messages import is_sorry, parse_messages
from axiomdl.lean.models import Diagnostic
from axiomdl.mcp.models import LeanCheck
from axiomdl.mcp.snippets import SNIPPET_FILE, check_source, overlay
from axiomdl.mcp.state import ProjectState
from axiomdl.scan.records import FileScan

DEFAULT_TRY_TIMEOUT = 300.0
DEFAULT_BUILD_TIMEOUT = 3600.0


def _missing(tc: tcmod.Toolchain, what: str) -> LeanCheck:
    return LeanCheck(
        toolchain="missing",
        ok=None,
        message=tcmod.missing_message(tc, what)
        + ". Meanwhile `lint` and `falsify` check a snippet without Lean.",
    )


def _declaration_at(fs: FileScan, line: int) -> str | None:
    best: tuple[int, str] | None = None
    for d in fs.decls:
        if d.line <= line <= d.end_line and (best is None or d.end_line - d.line <= best[0]):
            best = (d.end_line - d.line, d.name)
    return best[1] if best else None


def _say(line: str) -> None:
    print(f"axiomdl mcp: {line}", file=sys.stderr, flush=True)


def try_source(state: ProjectState, source: str, timeout: float) -> LeanCheck:
    """Elaborate ``source`` against the built project; Lean's messages as diagnostics."""
    check_source(source)
    tc = state.toolchain()
    if not tc.usable:
        return _missing(tc, "`try`")
    assert tc.lake is not None
    with overlay(state.session(), source) as ov:
        done = proc.run(
            [str(tc.lake), "env", "lean", "--json", str(ov.path)],
            cwd=state.lake_root,
            timeout=timeout,
        )
        msgs, other = parse_messages(done.stdout, source=f"lean --json {SNIPPET_FILE}")
        diags = [
            Diagnostic(
                file=SNIPPET_FILE,
                line=m.pos.line,
                column=m.pos.column,
                end_line=m.end_pos.line if m.end_pos else None,
                end_column=m.end_pos.column if m.end_pos else None,
                severity=m.severity,
                message=f"{m.caption}:\n{m.data}" if m.caption else m.data,
                declaration=_declaration_at(ov.file, m.pos.line),
                sorry=is_sorry(m),
            )
            for m in msgs
        ]
    if done.returncode != 0 and not any(d.severity == "error" for d in diags):
        lines = other or done.stderr.strip().splitlines() or [f"lean exited with {done.returncode}"]
        diags.append(Diagnostic(file=SNIPPET_FILE, line=1, severity="error", message=lines[-1]))
    errors = sum(d.severity == "error" for d in diags)
    sorries = sum(d.sorry for d in diags)
    return LeanCheck(
        toolchain="found",
        ok=errors == 0,
        message=f"{errors} error(s), {sorries} sorry warning(s), {len(diags)} message(s)",
        lean_version=tc.lean_version,
        diagnostics=diags,
        sorries=sorries,
    )


def build(state: ProjectState, path: str | None, timeout: float) -> LeanCheck:
    """``lake build`` of the project, or of the module of one of its files."""
    s = state.session()
    target = None
    if path:
        by_path = {fs.path: fs.module for fs in s.project.files}
        modules = set(by_path.values())
        if path in by_path:
            target = by_path[path]
        elif path in modules:
            target = path
        else:
            near = difflib.get_close_matches(path, [*by_path, *modules], n=3, cutoff=0.5)
            hint = "; did you mean " + ", ".join(f"`{n}`" for n in near) + "?" if near else ""
            raise AxiomdlError(f"`{path}` is not a file or module of the project{hint}")
    tc = state.toolchain()
    if not tc.usable:
        return _missing(tc, "`build`")
    result = run_build(
        tc,
        s.project,
        state.scan_root,
        state.lake_root,
        target=target,
        timeout=timeout,
        progress=_say,
    )
    c = result.counts
    return LeanCheck(
        toolchain="found",
        ok=result.ok,
        message=f"lake build {'succeeded' if result.ok else 'failed'}: {c.compiled} compiled, "
        f"{c.error} with errors, {c.sorry} with sorry",
        lean_version=tc.lean_version,
        diagnostics=result.diagnostics,
        sorries=c.sorry,
        build=result,
    )
