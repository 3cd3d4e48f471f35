"""``axiomdl build``: ``lake build`` with streaming progress, then per-file diagnostics.

``lake build`` prints human text whose shape changes between Lake versions, so it is
only used for the verdict and to find which files had problems (any
``path.lean:line:col`` it mentions, and modules it marks as failed). Each such
file is then elaborated once more with ``lake env lean --json FILE``, whose output
has a fixed format (see :mod:`axiomdl.lean.messages`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from axiomdl.lean import proc
from axiomdl.lean.messages import DeclIndex, count, parse_messages, place, statuses
from axiomdl.lean.models import BuildResult, Diagnostic
from axiomdl.lean.toolchain import Toolchain
from axiomdl.scan.project import Project

_FILE_RE = re.compile(r"(?:^|[\s(])((?:\./)*[^\s:()]+\.lean):(\d+):(\d+)")
_FAILED_MOD_RE = re.compile(
    r"(?:✖|error:?)\s*(?:\[\d+/\d+\]\s*)?(?:Building|Compiling)\s+([\w.«»']+)"
)


def problem_files(lake_output: str, lake_root: Path, modules: dict[str, str]) -> list[str]:
    """Lake-relative paths of the files ``lake build`` complained about, in order.

    ``modules`` maps module names to lake-relative paths (for "✖ Building Mod" lines).
    """
    seen: dict[str, None] = {}
    for m in _FILE_RE.finditer(lake_output):
        p = Path(m.group(1))
        if not p.is_absolute():
            p = lake_root / p
        try:
            rel = p.resolve().relative_to(lake_root.resolve()).as_posix()
        except ValueError:
            continue
        if rel.endswith(".lean") and not rel.startswith(".lake/"):
            seen.setdefault(rel, None)
    for m in _FAILED_MOD_RE.finditer(lake_output):
        rel = modules.get(m.group(1))
        if rel:
            seen.setdefault(rel, None)
    return list(seen)


def module_paths(project: Project, scan_root: Path, lake_root: Path) -> dict[str, str]:
    """Module name → lake-relative path for every scanned file."""
    out = {}
    for fs in project.files:
        p = (scan_root / fs.path).resolve()
        try:
            out[fs.module] = p.relative_to(lake_root.resolve()).as_posix()
        except ValueError:
            continue
    return out


def run_build(
    tc: Toolchain,
    project: Project,
    scan_root: Path,
    lake_root: Path,
    *,
    target: str | None = None,
    timeout: float = 3600.0,
    file_timeout: float = 600.0,
    all_files: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build, collect diagnostics for the files with problems (or all), and map them."""
    assert tc.lake is not None
    say = progress or (lambda line: print(line, file=sys.stderr, flush=True))
    cmd = [str(tc.lake), "build"] + ([target] if target else [])
    done = proc.run(cmd, cwd=lake_root, timeout=timeout, on_line=say)
    mods = module_paths(project, scan_root, lake_root)
    files = (
        sorted(mods.values())
        if all_files
        else problem_files(done.stdout + "\n" + done.stderr, lake_root, mods)
    )
    index = DeclIndex(project, scan_root, lake_root)
    diags: list[Diagnostic] = []
    checked: list[str] = []
    for rel in files:
        say(f"axiomdl: checking {rel} with lean --json")
        r = proc.run(
            [str(tc.lake), "env", "lean", "--json", rel], cwd=lake_root, timeout=file_timeout
        )
        msgs, other = parse_messages(r.stdout, source=f"lean --json {rel}")
        if r.returncode != 0 and not msgs:  # lean failed before elaborating anything
            lines = other or r.stderr.strip().splitlines() or [f"lean exited with {r.returncode}"]
            diags.append(Diagnostic(file=rel, line=1, severity="error", message=lines[-1]))
        diags.extend(place(msgs, index))
        checked.append(rel)
    if done.returncode != 0 and not any(d.severity == "error" for d in diags):
        # lake failed outside any Lean file we could check (lakefile, dependency, I/O)
        tail = (done.stderr.strip() or done.stdout.strip() or "no output").splitlines()[-1]
        diags.append(
            Diagnostic(
                file="lakefile.lean", line=1, severity="error", message=f"lake build: {tail}"
            )
        )
    decls = statuses(project, index, diags, checked)
    ok = done.returncode == 0 and not any(d.severity == "error" for d in diags)
    return BuildResult(
        project=str(lake_root),
        ok=ok,
        lake_returncode=done.returncode,
        seconds=done.seconds,
        checked_files=checked,
        diagnostics=diags,
        declarations=decls,
        counts=count(decls),
    )
