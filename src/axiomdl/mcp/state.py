"""The project a server process answers about: loaded once, reloaded when its files change.

Every tool call first asks :meth:`ProjectState.session`. That stats the project's Lean
files (about a millisecond for the bundled library) and compares size and mtime with
the last load; only a change reloads, through the same scan cache as the CLI, so an edit
is seen on the next call without restarting the server. Things computed from a session
(the search index, coverage, the report) are memoised per load.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from axiomdl.lean import toolchain as tcmod
from axiomdl.probes.evidence import DEFAULT_RESULTS_DIR, ProbeEvidence, measured_evidence
from axiomdl.scan.files import bundled_root, discover
from axiomdl.session import Session

T = TypeVar("T")
Stamp = tuple[tuple[str, int, int], ...]


def file_stamp(paths: list[tuple[str, str]]) -> Stamp:
    """(label, size, mtime) of each ``(label, path)``; a missing file stamps as -1."""
    out = []
    for label, path in paths:
        try:
            st = os.stat(path)
            out.append((label, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((label, -1, -1))
    return tuple(out)


class ProjectState:
    """One project, its evidence folder and the Lean toolchain, for one server process."""

    def __init__(
        self,
        project: Path | None,
        open_session: Callable[[Path | None], Session],
        evidence_dir: Path | None = None,
    ) -> None:
        self.project = project
        self.scan_root = project if project is not None else bundled_root() / "lean"
        self.lake_root = tcmod.lake_root(project)
        self.label = str(project) if project is not None else "bundled AxiomDL library"
        self._open = open_session
        # `--evidence DIR`, else ./probe-results as the CLI reads it (fixed at start-up)
        self.evidence_dir = (evidence_dir or DEFAULT_RESULTS_DIR).resolve()
        self._lock = threading.Lock()
        self._session: Session | None = None
        self._stamp: Stamp | None = None
        self._memo: dict[str, Any] = {}
        self._evidence: tuple[Stamp, dict[str, ProbeEvidence]] | None = None
        self._toolchain: tcmod.Toolchain | None = None
        self.loads = 0

    def _source_stamp(self) -> Stamp:
        _root, sources = discover(self.scan_root)
        return file_stamp([(s.rel, s.path) for s in sources])

    def session(self) -> Session:
        """The loaded project, reloaded first if any Lean file changed since the last load."""
        with self._lock:
            stamp = self._source_stamp()
            if self._session is None or stamp != self._stamp:
                session = self._open(self.project)
                note = session.project.cache_note
                if note:
                    print(f"axiomdl mcp: warning: {note}", file=sys.stderr, flush=True)
                self._session, self._stamp, self._memo = session, stamp, {}
                self.loads += 1
            return self._session

    def memo(self, key: str, make: Callable[[Session], T]) -> T:
        """``make(session)``, computed once per load of the project."""
        s = self.session()
        with self._lock:
            hit = self._memo.get(key)
            if hit is not None and hit[0] is s:
                return hit[1]
        value = make(s)
        with self._lock:
            if self._session is s:
                self._memo[key] = (s, value)
        return value

    def evidence(self) -> dict[str, ProbeEvidence]:
        """Measured probe verdicts, re-read when a ``result.json`` appears or changes."""
        files = sorted(str(p) for p in self.evidence_dir.glob("*/result.json"))
        stamp = file_stamp([(f, f) for f in files])
        cached = self._evidence
        if cached is not None and cached[0] == stamp:
            return cached[1]
        ev = measured_evidence(self.evidence_dir)
        self._evidence = (stamp, ev)
        return ev

    def toolchain(self) -> tcmod.Toolchain:
        """Lake and Lean, looked up once found (and again on every call while missing)."""
        tc = self._toolchain
        if tc is None or not tc.usable:
            tc = tcmod.discover(self.lake_root)
            if tc.usable:
                self._toolchain = tc
        return tc
