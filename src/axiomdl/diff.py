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
from axiomdl.model import DiffResult, Finding, RequiresChange
from axiomdl.queries import Analysis
from axiomdl.scan.problems import bad_file_findings
from axiomdl.scan.project import Project, scan_project

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


def _scope_keys(project: Project) -> dict[str, tuple[str, str, str]]:
    """``example``s and anonymous instances by (module, namespace, statement): their names
    come from line numbers or generated text, so they are matched by content instead."""
    out: dict[str, tuple[str, str, str]] = {}
    for fs in project.files:
        anon = {fs.decls[i].name for i, _, _ in fs.anon_instances}
        for d in fs.decls:
            if (d.name.startswith("example@") or d.name in anon) and project.decls.get(d.name) is d:
                out[d.name] = (fs.module, fs.contexts[d.ctx].namespace, d.statement)
    return out


def match_unnamed(
    before: dict[str, tuple[str, str, str]], after: dict[str, tuple[str, str, str]]
) -> dict[str, str]:
    """Pair unnamed results across revisions (after-name → before-name): first by equal
    statement within the same module and namespace, in order; then the rest of each
    scope by position."""
    pairs: dict[str, str] = {}
    left_b: dict[tuple[str, str], list[str]] = {}
    left_a: dict[tuple[str, str], list[str]] = {}
    by_text: dict[tuple[str, str, str], list[str]] = {}
    for name, key in before.items():
        by_text.setdefault(key, []).append(name)
    for name, key in after.items():
        queue = by_text.get(key)
        if queue:
            pairs[name] = queue.pop(0)
        else:
            left_a.setdefault(key[:2], []).append(name)
    for key, names in by_text.items():
        left_b.setdefault(key[:2], []).extend(names)
    for scope, names in left_a.items():
        for a, b in zip(names, left_b.get(scope, []), strict=False):
            pairs[a] = b
    return pairs


def _requires_at(
    repo: Path, rev: str | None, sub: str, bad: list[Finding]
) -> tuple[dict[str, list[str]], dict[str, tuple[str, str, str]]]:
    with tempfile.TemporaryDirectory(prefix="axiomdl-diff-") as tmp:
        if rev is None:
            target = repo / sub
        else:
            _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
            if not _git(repo, "ls-tree", "--name-only", rev, "--", sub).strip():
                return {}, {}  # the folder does not exist in this revision: no results yet
            data = _git(repo, "archive", "--format=tar", rev, "--", sub)
            with tarfile.open(fileobj=io.BytesIO(data)) as tf:
                tf.extractall(tmp, filter="data")
            target = Path(tmp) / sub
            if not target.exists():
                return {}, {}
        if not any(target.rglob("*.lean")):
            return {}, {}
        # an old revision's imports resolve against the work tree's Lake checkouts
        project = scan_project(target, use_cache=False, packages_root=repo / sub)
        label = rev or "work tree"
        for f in bad_file_findings(project):
            bad.append(f.model_copy(update={"message": f"{f.message} (in {label})"}))
        requires = Analysis(build_graph(project)).all_requires()
        own = {n: r for n, r in requires.items() if project.package_of(n) is None}
        return own, _scope_keys(project)


def diff_revisions(
    path: Path, rev1: str, rev2: str | None, sub: str | None, bad: list[Finding] | None = None
) -> DiffResult:
    """Compare requires sets of every result between ``rev1`` and ``rev2`` (default: work tree).

    Files that could not be read in either revision are appended to ``bad``."""
    bad = [] if bad is None else bad
    repo = repo_root(path)
    if sub is None:
        rel = path.resolve().relative_to(repo.resolve())
        sub = rel.as_posix() if rel.parts else ("lean" if (repo / "lean").is_dir() else ".")
    before, keys_before = _requires_at(repo, rev1, sub, bad)
    after, keys_after = _requires_at(repo, rev2, sub, bad)
    # unnamed results are known by the name they have now (after) and had (before)
    was = {n: n for n in after if n not in keys_after}
    was.update(match_unnamed(keys_before, keys_after))
    matched = {n for n in was if was[n] in before}
    grew, shrank = [], []
    for name in sorted(matched):
        a, b = set(before[was[name]]), set(after[name])
        if b - a:
            grew.append(RequiresChange(name=name, added=sorted(b - a), removed=sorted(a - b)))
        elif a - b:
            shrank.append(RequiresChange(name=name, added=[], removed=sorted(a - b)))
    return DiffResult(
        rev1=rev1,
        rev2=rev2 or "WORKTREE",
        grew=grew,
        shrank=shrank,
        added_results=sorted(set(after) - matched),
        removed_results=sorted(set(before) - {was[n] for n in matched}),
    )
