"""Lean source sent by a client: checked, then scanned as one more module of the project.

The snippet is written to ``Snippet.lean`` in a fresh temporary folder (never into the
user's project) and scanned there; its declarations are resolved together with the
project's already-scanned files, so it sees every project name exactly as a new module
would. Nothing of the project is copied or rescanned, which keeps a call in milliseconds.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from axiomdl.errors import AxiomdlError
from axiomdl.graph import build_graph
from axiomdl.queries import Analysis
from axiomdl.scan.files import SourceFile
from axiomdl.scan.project import resolve_project, scan_bytes
from axiomdl.scan.records import FileScan
from axiomdl.session import Session

MAX_SNIPPET_BYTES = 1_000_000
SNIPPET_FILE = "Snippet.lean"
SNIPPET_MODULE = "Snippet"


def check_source(text: str, what: str = "source") -> bytes:
    """The snippet as UTF-8 bytes, or one clear error: not UTF-8, too large, or empty."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as e:
        line = text.count("\n", 0, e.start) + 1
        raise AxiomdlError(
            f"{what} is not valid UTF-8: a lone surrogate (U+{ord(text[e.start]):04X}) at "
            f"line {line}; send Lean source as UTF-8 text"
        ) from None
    if len(data) > MAX_SNIPPET_BYTES:
        raise AxiomdlError(
            f"{what} is {len(data):,} bytes; the limit is {MAX_SNIPPET_BYTES:,} "
            "(send one module, not a whole project; `build` checks files on disk)"
        )
    bad = text.find("\ufffd")
    if bad >= 0:
        # the stdio transport decodes with errors="replace": U+FFFD marks bytes that were not UTF-8
        line = text.count("\n", 0, bad) + 1
        raise AxiomdlError(
            f"{what} is not valid UTF-8: U+FFFD (a replaced undecodable byte) at line {line}; "
            "send Lean source as UTF-8 text"
        )
    if not text.strip():
        raise AxiomdlError(f"{what} is empty: nothing to check")
    return data


@dataclass
class Overlay:
    """The project with the snippet added as module ``Snippet``."""

    session: Session
    file: FileScan
    path: Path

    def own_decls(self) -> list[str]:
        """The snippet's declarations, in source order (those not shadowed by a project name)."""
        decls = self.session.project.decls
        return [d.name for d in self.file.decls if decls.get(d.name) is d]

    def label(self, file: str | None) -> str | None:
        """Findings name the snippet ``Snippet.lean``, not its temporary path."""
        return SNIPPET_FILE if file == self.file.path else file


@contextmanager
def overlay(base: Session, text: str, what: str = "source") -> Iterator[Overlay]:
    """Scan ``text`` as a new module next to ``base``'s files; the temp folder goes after."""
    data = check_source(text, what)
    with tempfile.TemporaryDirectory(prefix="axiomdl-snippet-") as tmp:
        path = Path(tmp) / SNIPPET_FILE
        path.write_bytes(data)
        # An absolute `rel`: code that reads `project.root / rel` reaches the temp file.
        fs = scan_bytes(data, SourceFile(str(path), str(path), SNIPPET_MODULE))
        project = resolve_project(base.project.root, [*base.project.files, fs])
        g = build_graph(project)
        yield Overlay(Session(project, g, Analysis(g, mode=base.analysis.mode)), fs, path)
