"""Parse ``lean --json`` output and place each message in its declaration.

Format (verified against leanprover/lean4 sources):

* ``src/Lean/Language/Basic.lean`` ``reportMessages``: with ``json`` set, each
  non-silent message is printed as ``(← msg.toJson).compress``, one per line.
* ``src/Lean/Message.lean``: ``Message.toJson`` is ``toJson (← msg.serialize)``, a
  ``SerialMessage``, which ``extends BaseMessage String`` with ``kind : Name`` and
  ``deriving ToJson``; ``BaseMessage`` has ``fileName``, ``pos``, ``endPos :
  Option Position``, ``keepFullRange``, ``severity``, ``isSilent``, ``caption``, ``data``.
* ``src/Lean/Elab/Deriving/FromToJson.lean``: a structure's derived ``ToJson`` is a
  flat object of ``getStructureFieldsFlattened`` (parent fields inlined), ``none`` is
  ``null``; an enum constructor is its name as a string (``"error"``).
* ``src/Lean/Data/Position.lean``: ``Position`` derives ``ToJson``: ``{"line", "column"}``
  (line 1-based, column 0-based in codepoints).

Older toolchains omit ``kind``, ``isSilent`` and ``keepFullRange``; they are optional here.
The sorry warning reads ``declaration uses 'sorry'`` (newer releases quote it with
backticks; both are accepted).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from axiomdl.errors import AxiomdlError
from axiomdl.lean.models import (
    BuildCounts,
    BuildResult,
    DeclStatus,
    Diagnostic,
    LeanMessage,
)
from axiomdl.scan.project import Project

SORRY_RE = re.compile(r"declaration uses ['`‘]sorry['`’]")


def parse_messages(text: str, source: str = "<lean --json>") -> tuple[list[LeanMessage], list[str]]:
    """Messages from ``lean --json`` stdout, and the non-JSON lines (kept for the user).

    A line that starts with ``{`` but is not a valid message is an input error
    reported as ``source:line``.
    """
    msgs: list[LeanMessage] = []
    other: list[str] = []
    for i, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("{"):
            other.append(raw)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise AxiomdlError(
                f"not a JSON object ({e.msg} at column {e.colno})", file=source, line=i
            ) from None
        try:
            msg = LeanMessage.model_validate(obj)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "message"
            raise AxiomdlError(
                f"not a lean --json message: {where}: {first['msg']}", file=source, line=i
            ) from None
        if not msg.is_silent:
            msgs.append(msg)
    return msgs, other


def is_sorry(msg: LeanMessage) -> bool:
    """The "declaration uses 'sorry'" warning."""
    return msg.severity == "warning" and bool(SORRY_RE.search(msg.data))


def _text(msg: LeanMessage) -> str:
    return f"{msg.caption}:\n{msg.data}" if msg.caption else msg.data


class DeclIndex:
    """Line spans of the scanned declarations, per file, for message placement."""

    def __init__(self, project: Project, scan_root: Path, lake_root: Path) -> None:
        self.scan_root = scan_root.resolve()
        self.lake_root = lake_root.resolve()
        self.by_file: dict[str, list[tuple[int, int, str]]] = {}
        for fs in project.files:
            spans = sorted(
                ((d.line, d.end_line, d.name) for d in fs.decls if d.name in project.decls),
                key=lambda s: (s[0], -s[1]),
            )
            self.by_file[fs.path] = spans

    def scan_path(self, file_name: str) -> str | None:
        """The scanner's relative path for a file as Lean named it (absolute or lake-relative)."""
        p = Path(file_name)
        if not p.is_absolute():
            p = self.lake_root / p
        try:
            rel = p.resolve().relative_to(self.scan_root).as_posix()
        except ValueError:
            return None
        return rel if rel in self.by_file else None

    def lake_path(self, file_name: str) -> str:
        """The path relative to the Lake root (what CI annotations need)."""
        p = Path(file_name)
        if not p.is_absolute():
            p = self.lake_root / p
        try:
            return p.resolve().relative_to(self.lake_root).as_posix()
        except ValueError:
            return file_name

    def declaration_at(self, scan_path: str, line: int) -> str | None:
        """The innermost declaration whose span contains ``line``."""
        best: tuple[int, str] | None = None
        for start, end, name in self.by_file.get(scan_path, ()):
            if start > line:
                break
            if start <= line <= end:
                width = end - start
                if best is None or width <= best[0]:
                    best = (width, name)
        return best[1] if best else None


def place(msgs: Iterable[LeanMessage], index: DeclIndex) -> list[Diagnostic]:
    """Turn messages into diagnostics with their declaration."""
    out: list[Diagnostic] = []
    for m in msgs:
        sp = index.scan_path(m.file_name)
        decl = index.declaration_at(sp, m.pos.line) if sp else None
        out.append(
            Diagnostic(
                file=index.lake_path(m.file_name),
                line=m.pos.line,
                column=m.pos.column,
                end_line=m.end_pos.line if m.end_pos else None,
                end_column=m.end_pos.column if m.end_pos else None,
                severity=m.severity,
                message=_text(m),
                declaration=decl,
                sorry=is_sorry(m),
            )
        )
    return out


def statuses(
    project: Project, index: DeclIndex, diags: list[Diagnostic], checked: Iterable[str]
) -> list[DeclStatus]:
    """compiled / error / sorry for every scanned declaration.

    An error outside every declaration (a failed import, a parse error between
    commands) marks every declaration of a checked file as ``error``: nothing
    after it was elaborated reliably.
    """
    checked_scan = {index.scan_path(f) for f in checked} - {None}
    err: set[str] = set()
    sorry: set[str] = set()
    broken_files: set[str] = set()
    for d in diags:
        sp = index.scan_path(d.file)
        if d.severity == "error":
            if d.declaration:
                err.add(d.declaration)
            elif sp:
                broken_files.add(sp)
        elif d.sorry and d.declaration:
            sorry.add(d.declaration)
    out: list[DeclStatus] = []
    for fs in project.files:
        for dcl in fs.decls:
            if dcl.name not in project.decls or project.decls[dcl.name] is not dcl:
                continue
            if dcl.name in err or (fs.path in broken_files and fs.path in checked_scan):
                st = "error"
            elif dcl.name in sorry:
                st = "sorry"
            else:
                st = "compiled"
            out.append(DeclStatus(name=dcl.name, file=fs.path, line=dcl.line, status=st))
    return out


def count(decls: list[DeclStatus]) -> BuildCounts:
    """Tally of statuses."""
    c = BuildCounts()
    for d in decls:
        setattr(c, d.status, getattr(c, d.status) + 1)
    return c


# -- rendering -----------------------------------------------------------------


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def github_annotations(diags: Iterable[Diagnostic], root: Path | None = None) -> str:
    """GitHub workflow commands: ``::error file=…,line=…,col=…::message``.

    Escaping follows GitHub's workflow-command rules (``%``, CR, LF in data; also
    ``:`` and ``,`` in properties). Information messages become ``::notice``. With
    ``root`` (the folder the paths are relative to), paths become relative to the
    git repository, as GitHub needs to attach them to a pull request's files.
    """
    from axiomdl.report.github import git_root, repo_path

    base = git_root(root) if root is not None else None
    lines = []
    for d in diags:
        level = {"error": "error", "warning": "warning", "information": "notice"}[d.severity]
        file = repo_path(root, d.file, base) if root is not None else d.file
        props = [f"file={_gh_prop(file)}", f"line={max(d.line, 1)}", f"col={d.column + 1}"]
        if d.end_line is not None:
            props.append(f"endLine={d.end_line}")
            if d.end_column is not None and d.end_line == d.line:
                props.append(f"endColumn={d.end_column + 1}")
        title = f"Lean: {d.declaration}" if d.declaration else "Lean"
        props.append(f"title={_gh_prop(title)}")
        lines.append(f"::{level} {','.join(props)}::{_gh_data(d.message)}\n")
    return "".join(lines)


def text_report(r: BuildResult) -> str:
    """Compiler-style lines, then one summary line."""
    out = []
    for d in r.diagnostics:
        where = f" [{d.declaration}]" if d.declaration else ""
        body = d.message.replace("\n", "\n    ")
        out.append(f"{d.file}:{d.line}:{d.column}: {d.severity}: {body}{where}\n")
    c = r.counts
    verdict = "ok" if r.ok else "FAILED"
    out.append(
        f"build {verdict}: {c.compiled} compiled, {c.error} with errors, {c.sorry} with sorry "
        f"({len(r.checked_files)} file(s) checked with lean --json, {r.seconds:.1f}s)\n"
    )
    return "".join(out)
