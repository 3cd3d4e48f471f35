"""GitHub workflow annotations (``-f github``) with paths the pull-request view knows.

GitHub attaches ``::error file=…`` to a changed file only when the path is relative
to the repository root, so paths are rewritten from the scanned project's root to
the folder holding ``.git`` (unchanged outside a git checkout).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from axiomdl.model import Finding


def git_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``.git`` (a folder or a file)."""
    p = start.resolve()
    for d in (p, *p.parents):
        if (d / ".git").exists():
            return d
    return None


def repo_path(root: Path, file: str, base: Path | None) -> str:
    """``file`` (relative to the project ``root``, or absolute) relative to ``base``."""
    if base is None:
        return file
    try:
        return (root / file).resolve().relative_to(base).as_posix()
    except (ValueError, OSError):
        return file


def gh_data(s: str) -> str:
    """Escape a workflow-command message (``%``, CR, LF)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_prop(s: str) -> str:
    """Escape a workflow-command property (also ``:`` and ``,``)."""
    return gh_data(s).replace(":", "%3A").replace(",", "%2C")


def github_lines(findings: Iterable[Finding], root: Path) -> str:
    """One ``::error``/``::warning`` line per finding, paths relative to the repository."""
    base = git_root(root)
    out = []
    for f in findings:
        props = []
        if f.file:
            props.append(f"file={gh_prop(repo_path(root, f.file, base))}")
            props.append(f"line={f.line or 1}")
        props.append(f"title={gh_prop('axiomdl ' + f.code)}")
        out.append(f"::{f.severity} {','.join(props)}::{gh_data(f.message)}\n")
    return "".join(out)
