"""``axiomdl diff REV1 [REV2]``: how each result's requires set changed between revisions.

Each revision's Lean tree is exported with ``git archive`` into a temporary
directory and scanned without touching the work tree.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from axiomdl.errors import EXIT_USAGE, AxiomdlError
from axiomdl.graph import build_graph
from axiomdl.model import DiffResult, RequiresChange
from axiomdl.queries import Analysis
from axiomdl.scan.project import scan_project

GIT_TIMEOUT = 120


def _git(repo: Path, *args: str) -> bytes:
    try:
        proc = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, timeout=GIT_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise AxiomdlError("git is not installed; `diff` needs git") from None
    except subprocess.TimeoutExpired:
        raise AxiomdlError(f"git {args[0]} timed out after {GIT_TIMEOUT}s") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise AxiomdlError(msg[-1] if msg else f"git {args[0]} failed", file=repo)
    return proc.stdout


def repo_root(path: Path) -> Path:
    """The git work-tree root containing ``path``, or a usage error."""
    if not path.exists():
        raise AxiomdlError(f"no such directory: {path}")
    try:
        out = subprocess.run(
            ["git", "-C", str(path), "rev-parse", "--show-toplevel"],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise AxiomdlError("git is not installed; `diff` needs git") from None
    if out.returncode != 0:
        raise AxiomdlError(
            "not a git repository (diff compares git revisions)", file=path, exit_code=EXIT_USAGE
        )
    return Path(out.stdout.decode().strip())


def _requires_at(repo: Path, rev: str | None, sub: str) -> dict[str, list[str]]:
    with tempfile.TemporaryDirectory(prefix="axiomdl-diff-") as tmp:
        if rev is None:
            target = repo / sub
        else:
            _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
            data = _git(repo, "archive", "--format=tar", rev, "--", sub)
            with tarfile.open(fileobj=io.BytesIO(data)) as tf:
                tf.extractall(tmp, filter="data")
            target = Path(tmp) / sub
            if not target.exists():
                return {}
        if not any(target.rglob("*.lean")):
            return {}
        project = scan_project(target, use_cache=False)
        return Analysis(build_graph(project)).all_requires()


def diff_revisions(path: Path, rev1: str, rev2: str | None, sub: str | None) -> DiffResult:
    """Compare requires sets of every result between ``rev1`` and ``rev2`` (default: work tree)."""
    repo = repo_root(path)
    if sub is None:
        rel = path.resolve().relative_to(repo.resolve())
        sub = rel.as_posix() if rel.parts else ("lean" if (repo / "lean").is_dir() else ".")
    before = _requires_at(repo, rev1, sub)
    after = _requires_at(repo, rev2, sub)
    grew, shrank = [], []
    for name in sorted(set(before) & set(after)):
        a, b = set(before[name]), set(after[name])
        if b - a:
            grew.append(RequiresChange(name=name, added=sorted(b - a), removed=sorted(a - b)))
        elif a - b:
            shrank.append(RequiresChange(name=name, added=[], removed=sorted(a - b)))
    return DiffResult(
        rev1=rev1,
        rev2=rev2 or "WORKTREE",
        grew=grew,
        shrank=shrank,
        added_results=sorted(set(after) - set(before)),
        removed_results=sorted(set(before) - set(after)),
    )
