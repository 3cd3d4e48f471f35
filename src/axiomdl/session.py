"""Load a project once per command: scan (with progress and cache), graph, analysis."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from axiomdl.errors import AxiomdlError
from axiomdl.graph import build_graph
from axiomdl.model import Finding
from axiomdl.queries import Analysis, unknown_name_message
from axiomdl.scan.files import bundled_root
from axiomdl.scan.problems import BAD_FILE_CODES, bad_file_findings
from axiomdl.scan.project import Project, scan_project


@dataclass
class Session:
    """A scanned project with its graph and query engine."""

    project: Project
    graph: nx.DiGraph
    analysis: Analysis
    # The exporter's records when the graph is exact (axiomdl.lean.export.Export), else None.
    export: object | None = None

    def resolve_name(self, name: str) -> str:
        """Accept a full name or an unambiguous suffix (``pl_linear_convergence``)."""
        if name in self.graph:
            return name
        hits = [n for n in self.graph.nodes if n.endswith("." + name)]
        if not hits:  # a name several unrelated modules declare: `name@Module` each
            lean = (n.partition("@")[0] for n in self.graph.nodes)
            hits = [
                n
                for n, base in zip(self.graph.nodes, lean, strict=True)
                if "@" in n and (base == name or base.endswith("." + name))
            ]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise AxiomdlError(f"`{name}` is ambiguous: " + ", ".join(sorted(hits)[:6]))
        raise AxiomdlError(unknown_name_message(name, self.graph.nodes))

    def input_findings(self) -> list[Finding]:
        """Problems in readable source (scopes, brackets, duplicates), one per line."""
        out: list[Finding] = []
        for fs in self.project.files:
            for line, code, msg in fs.problems:
                if code in BAD_FILE_CODES:
                    continue
                out.append(Finding(code=code, message=msg, file=fs.path, line=line or None))
        for path, line, name in self.project.duplicates:
            out.append(
                Finding(
                    code="duplicate", message=f"`{name}` is declared twice", file=path, line=line
                )
            )
        return out

    def bad_files(self) -> list[Finding]:
        """Files that could not be read as Lean source: skipped special files and
        unreadable ones (warnings), bad encoding and unterminated text (errors)."""
        return bad_file_findings(self.project)


def load(
    path: Path | None,
    *,
    jobs: int = 1,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    quiet: bool = False,
    exact: Path | bool = False,
) -> Session:
    """Scan ``path`` (default: the bundled AxiomDL library) and build the analysis."""
    root = path if path is not None else bundled_root() / "lean"
    progress = None
    bar = None
    if not quiet and sys.stdout.isatty() and sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(transient=True)
        task = bar.add_task("scanning", total=None)

        def progress(done: int, total: int) -> None:
            if total >= 50:
                bar.start()
                bar.update(task, completed=done, total=total)

    try:
        project = scan_project(
            root, jobs=jobs, use_cache=use_cache, cache_dir=cache_dir, progress=progress
        )
    finally:
        if bar is not None:
            bar.stop()
    if project.cache_note and not quiet:
        print(f"axiomdl: warning: {project.cache_note}", file=sys.stderr)
    g = build_graph(project)
    if exact:
        # Exact mode: edges from the compiled environment (see axiomdl.lean.exact).
        from axiomdl.lean.exact import load_exact

        g, export = load_exact(project, g, path, exact, quiet=quiet)
        return Session(project, g, Analysis(g, mode="exact"), export)
    return Session(project, g, Analysis(g))
