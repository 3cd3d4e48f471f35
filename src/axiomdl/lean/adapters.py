"""Optional adapters: LeanInteract (``axiomdl try``) and LeanDojo (``axiomdl dojo trace``).

Both libraries are optional extras and run in a child Python process
(``python -m axiomdl.lean.adapters …``) so that one hard timeout covers
everything they do, including starting or building their REPL. The child prints
one JSON object on stdout; the parent renders it.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from axiomdl.errors import EXIT_USAGE, AxiomdlError
from axiomdl.lean import proc

EXTRAS = {"interact": "lean_interact", "dojo": "lean_dojo"}


def has_extra(extra: str) -> bool:
    """Whether the extra's package can be imported."""
    return importlib.util.find_spec(EXTRAS[extra]) is not None


def require_extra(extra: str, what: str) -> None:
    """Exit 2 with the pip command when the extra is missing."""
    if not has_extra(extra):
        raise AxiomdlError(
            f"{what} needs the optional `{EXTRAS[extra]}` package: pip install 'axiomdl[{extra}]'",
            exit_code=EXIT_USAGE,
        )


def run_worker(args: list[str], timeout: float) -> dict[str, Any]:
    """Run this module as a child process and parse its JSON answer."""
    done = proc.run(
        [sys.executable, "-m", "axiomdl.lean.adapters", *args], timeout=timeout, on_line=None
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        tail = (done.stderr.strip() or "no output").splitlines()[-1]
        raise AxiomdlError(f"{args[0]} worker failed: {tail}")
    out = json.loads(lines[-1])
    if "error" in out:
        raise AxiomdlError(f"{args[0]}: {out['error']}")
    return out


# -- child side ---------------------------------------------------------------------


def _pos(p: Any) -> dict[str, int] | None:
    return {"line": p.line, "column": p.column} if p is not None else None


def _try(project: str, code: str, timeout: float) -> dict[str, Any]:
    """Check ``code`` with LeanInteract against ``project``; messages and sorry goals."""
    from lean_interact import Command, LeanREPLConfig, LeanServer, LocalProject
    from lean_interact.interface import LeanError

    config = LeanREPLConfig(project=LocalProject(directory=project, auto_build=False))
    server = LeanServer(config)
    try:
        r = server.run(Command(cmd=code), timeout=timeout)
    finally:
        server.kill()
    if isinstance(r, LeanError):
        return {"error": r.message}
    return {
        "messages": [
            {
                "severity": m.severity,
                "pos": _pos(m.start_pos),
                "endPos": _pos(m.end_pos),
                "data": m.data,
            }
            for m in r.messages
        ],
        "sorries": [
            {"pos": _pos(s.start_pos), "endPos": _pos(s.end_pos), "goal": s.goal} for s in r.sorries
        ],
    }


def _trace(project: str, dst: str) -> dict[str, Any]:
    """Trace the repository with LeanDojo into ``dst``; count files and theorems."""
    from lean_dojo import LeanGitRepo, trace

    if hasattr(LeanGitRepo, "from_path"):
        repo = LeanGitRepo.from_path(project)
    else:  # older lean-dojo: a local path plus a commit
        commit = subprocess.run(
            ["git", "-C", project, "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        repo = LeanGitRepo(project, commit)
    traced = trace(repo, dst_dir=dst)
    theorems = traced.get_traced_theorems()
    return {"dst": dst, "files": len(list(traced.traced_files)), "theorems": len(theorems)}


def main(argv: list[str]) -> int:
    """Child entry point: ``try PROJECT TIMEOUT`` (code on stdin) or ``trace PROJECT DST``."""
    try:
        if argv[0] == "try":
            out = _try(argv[1], sys.stdin.read(), float(argv[2]))
        elif argv[0] == "trace":
            out = _trace(argv[1], argv[2])
        else:
            out = {"error": f"unknown worker {argv[0]!r}"}
    except Exception as e:  # reported to the parent as one line
        out = {"error": f"{type(e).__name__}: {e}"}
    print(json.dumps(out))
    return 0


def try_code(project: Path, code: str, timeout: float) -> dict[str, Any]:
    """Parent side of ``axiomdl try``."""
    done = proc.run(
        [sys.executable, "-m", "axiomdl.lean.adapters", "try", str(project), str(timeout)],
        timeout=timeout + 600,  # REPL setup on first use can take a while
        stdin_text=code,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        tail = (done.stderr.strip() or "no output").splitlines()[-1]
        raise AxiomdlError(f"try worker failed: {tail}")
    out = json.loads(lines[-1])
    if "error" in out:
        raise AxiomdlError(f"LeanInteract: {out['error']}")
    return out


def render_try(out: dict[str, Any], source: str) -> str:
    """Messages as ``source:line:col: severity: text``, then the goal at each sorry."""
    lines = []
    for m in out.get("messages", []):
        p = m.get("pos") or {"line": 0, "column": 0}
        body = str(m.get("data", "")).replace("\n", "\n    ")
        lines.append(f"{source}:{p['line']}:{p['column']}: {m.get('severity')}: {body}\n")
    for s in out.get("sorries", []):
        p = s.get("pos") or {"line": 0, "column": 0}
        goal = str(s.get("goal", "")).replace("\n", "\n    ")
        lines.append(f"{source}:{p['line']}:{p['column']}: goal at sorry:\n    {goal}\n")
    errs = sum(1 for m in out.get("messages", []) if m.get("severity") == "error")
    lines.append(f"try: {errs} error(s), {len(out.get('sorries', []))} sorry goal(s)\n")
    return "".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
