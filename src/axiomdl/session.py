"""Load a project once per command: scan, graph, analysis, each on first use.

When no file changed since the last run, the graph, the query sets and the
audit findings come from a derived cache beside the scan, keyed by the sources'
content digest and by the code that computed them; the project itself is then
read only if the command needs it. Whole outputs (a report) are cached the same
way through :meth:`Session.cached`. A cache that is stale, foreign or damaged is
rebuilt without a word (one line with ``--verbose``): it can cost time, never an
answer.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from axiomdl.bundled import bundled_root
from axiomdl.errors import AxiomdlError
from axiomdl.progress import progress_display, progress_enabled
from axiomdl.scan.cache import code_fingerprint
from axiomdl.scan.project import SCANNER_VERSION, Project, Survey, scan_project, survey_project

# networkx, the pydantic models and the engine load when a part is first needed: a warm
# `report` served whole from the cache never imports them.
if TYPE_CHECKING:
    import networkx as nx

    from axiomdl.model import Finding
    from axiomdl.queries import Analysis

T = TypeVar("T")


class Source:
    """Where a lazy session gets its parts: the survey of the files and the derived cache."""

    def __init__(self, survey: Survey, *, jobs: int, verbose: bool, show_progress: bool) -> None:
        self.survey = survey
        self.jobs = jobs
        self.verbose = verbose
        self.show_progress = show_progress
        self._code: str | None = None
        self.report(survey.notes)

    @property
    def key(self) -> str | None:
        """The sources' digest, or None when nothing may be cached (no cache, unreadable files)."""
        return self.survey.key

    def report(self, notes: list[str]) -> None:
        """Cache trouble never changes an answer, so it is shown only with ``--verbose``."""
        if self.verbose:
            for n in notes:
                print(f"axiomdl: cache: {n}", file=sys.stderr)
        notes.clear()

    def meta(self, kind: str, **extra: str) -> dict[str, str]:
        """What a derived blob must have been written under to be reused."""
        if self._code is None:
            self._code = code_fingerprint()
        assert self.key is not None
        return {
            "kind": kind,
            "digest": self.key,
            "scanner": SCANNER_VERSION,
            "code": self._code,
            **extra,
        }

    def scan(self) -> Project:
        """Load (or build) the project the survey describes."""
        with progress_display(self.show_progress) as work:
            work.step("scanning files", len(self.survey.sources))
            project = scan_project(
                self.survey.root, jobs=self.jobs, progress=work, survey=self.survey
            )
        if project.cache_note:
            self.report([project.cache_note])
        return project

    def load(self, name: str, meta: dict[str, str]) -> Any:
        """A derived blob, or None."""
        notes: list[str] = []
        value = self.survey.store.load_blob(name, meta, notes)
        if value is not None:  # the scan will not run: keep its index current (it was damaged,
            self.survey.save_index(notes)  # or files were touched without a change)
        self.report(notes)
        return value

    def save(self, name: str, meta: dict[str, str], value: Any) -> None:
        """Write a derived blob (a failure is a ``--verbose`` note)."""
        notes: list[str] = []
        self.survey.store.save_blob(name, meta, value, notes)
        self.report(notes)


class Session:
    """A scanned project with its graph and query engine.

    Built from parts (tests, the synthetic site) or by :func:`load`, which fills
    each part on first use from ``source``.
    """

    def __init__(
        self,
        project: Project | None = None,
        graph: nx.DiGraph | None = None,
        analysis: Analysis | None = None,
        export: object | None = None,
        *,
        source: Source | None = None,
    ) -> None:
        self._project = project
        self._graph = graph
        self._analysis = analysis
        # The exporter's records when the graph is exact (axiomdl.lean.export.Export), else None.
        self.export = export
        self.source = source
        # Whole-project values (findings, witness coverage, statuses) that :meth:`remember`
        # computed, or that came with the cached graph.
        self._values: dict[str, Any] = {}

    @property
    def project(self) -> Project:
        """The scanned project (loaded on first use)."""
        if self._project is None:
            assert self.source is not None, "a Session needs a project or a source"
            self._project = self.source.scan()
        return self._project

    @property
    def graph(self) -> nx.DiGraph:
        """The dependency graph (from the derived cache when the sources are unchanged)."""
        if self._graph is None:
            self._fill()
        assert self._graph is not None
        return self._graph

    @property
    def analysis(self) -> Analysis:
        """The query engine over :attr:`graph`."""
        if self._analysis is None:
            self._fill()
        assert self._analysis is not None
        return self._analysis

    def remember(self, name: str, compute: Callable[[Session], T]) -> T:
        """``compute(self)``, once per session; on a warm start, the value cached with the
        graph (see :func:`axiomdl.report.build.warm_values` for which are kept)."""
        if name not in self._values:
            if self._graph is None and self.source is not None:
                self._fill()  # a warm start brings the values along
            if name not in self._values:
                self._values[name] = compute(self)
        return self._values[name]

    def _fill(self) -> None:
        from axiomdl.graph import build_graph
        from axiomdl.queries import Analysis

        src = self.source
        if self._graph is not None:  # built from parts without an analysis
            self._analysis = Analysis(self._graph)
            return
        meta = src.meta("graph") if src is not None and src.key is not None else None
        hit = src.load("graph", meta) if src is not None and meta is not None else None
        if _well_formed(hit):
            g, memo, values = hit
            reach_meta = src.meta("reach")  # type: ignore[union-attr]
            self._graph = g
            self._analysis = Analysis(
                g, memo=memo, load_reach=lambda: _reach_of(src.load("reach", reach_meta))
            )
            self._values.update(values)
            return
        project = self.project
        with progress_display(src is not None and src.show_progress) as work:
            work.step("building the graph")
            g = build_graph(project)
            work.step("computing requires sets")
            a = Analysis(g)
            memo = a.memo()
            self._graph, self._analysis = g, a
            if src is not None and meta is not None:
                from axiomdl.report.build import warm_values

                meta = src.meta("graph")  # the scan settles the digest (dependencies read)
                self._values.update(warm_values(self))
                work.step("writing the cache")
                # the reach sets, the bulk, apart: a warm rests-on never reads them
                src.save(
                    "graph",
                    meta,
                    (g, {"hyps": memo["hyps"], "bundle": memo["bundle"]}, self._values),
                )
                src.save("reach", src.meta("reach"), {"reach": _interned(memo["reach"])})

    def cached(self, key: tuple[str, ...], produce: Callable[[], T]) -> T:
        """``produce()``, or the value it gave for the same ``key`` on the same sources and code.

        The value must pickle; ``key`` must name everything else it depends on
        (options, labels, evidence).
        """
        src = self.source
        if src is None or src.key is None:
            return produce()
        ident = hashlib.blake2b(repr(key).encode(), digest_size=8).hexdigest()
        name = f"out-{src.key[:16]}-{ident}"
        meta = src.meta("output", key=repr(key))
        hit = src.load(name, meta)
        if hit is not None:
            return hit
        value = produce()
        if src.key is None:
            return value
        name = f"out-{src.key[:16]}-{ident}"  # the scan may have settled the digest
        meta = src.meta("output", key=repr(key))
        src.save(name, meta, value)
        src.survey.store.discard_blobs("out-", keep_prefix=f"out-{src.key[:16]}-")
        return value

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
        if len(hits) > 1:  # the project's own first: a dependency may use the same name
            own = [n for n in hits if self.owns(n)]
            hits = own if len(own) == 1 else hits
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise AxiomdlError(f"`{name}` is ambiguous: " + ", ".join(sorted(hits)[:6]))
        from axiomdl.queries import unknown_name_message

        raise AxiomdlError(unknown_name_message(name, self.graph.nodes))

    def input_findings(self) -> list[Finding]:
        """Problems in readable source (scopes, brackets, duplicates), one per line."""
        from axiomdl.model import Finding
        from axiomdl.scan.problems import BAD_FILE_CODES

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
        unreadable ones (warnings), bad encoding and unterminated text (errors).
        Kept with the warm cache, so a warm command does not load the project for it."""
        from axiomdl.scan.problems import bad_file_findings

        return self.remember("bad_files", lambda s: bad_file_findings(s.project))

    def lake_note(self) -> str | None:
        """Why the Lake configuration could not be understood (the whole tree was scanned)."""
        return self.remember("lake_note", lambda s: s.project.lake_note)

    def input_warnings(self) -> list[Finding]:
        """Problems with the dependencies (manifest, missing checkouts and modules, import
        cycles) and with ``axiomdl.toml``: warnings, the scan went on."""
        from axiomdl.model import Finding

        def compute(s: Session) -> list[Finding]:
            return [
                Finding(
                    code=w.code, message=w.message, file=w.file, line=w.line, severity="warning"
                )
                for w in s.project.warnings
            ]

        return self.remember("input_warnings", compute)

    def dependency_files(self) -> frozenset[str]:
        """The files read from dependencies (their findings are listed on request only)."""
        return self.remember(
            "dependency_files",
            lambda s: frozenset(fs.path for fs in s.project.files if fs.package is not None),
        )

    def package_of(self, name: str) -> str | None:
        """The dependency that declares ``name``; None for the project's own."""
        return self.graph.nodes[name].get("package")

    def owns(self, name: str) -> bool:
        """Whether ``name`` is the project's own (not a dependency's)."""
        return "package" not in self.graph.nodes[name]

    def own_scope(self, also: frozenset[str] = frozenset()) -> set[str] | None:
        """The project's own declarations (and ``also``) and every declaration they reach
        (what they rest on in the dependencies); None when the project has no dependencies."""
        g = self.graph
        own = [n for n, attrs in g.nodes(data=True) if "package" not in attrs]
        if len(own) == len(g):
            return None
        seen = set(own) | also
        stack = list(seen)
        while stack:
            for t in g._succ[stack.pop()]:
                if t not in seen:
                    seen.add(t)
                    stack.append(t)
        return seen


def _well_formed(hit: Any) -> bool:
    """A derived graph blob of the expected shape (anything else is rebuilt)."""
    import networkx as nx

    return (
        isinstance(hit, tuple)
        and len(hit) == 3
        and isinstance(hit[0], nx.DiGraph)
        and isinstance(hit[1], dict)
        and isinstance(hit[1].get("bundle"), dict)
        and isinstance(hit[2], dict)
    )


def _reach_of(hit: Any) -> dict[str, int] | None:
    """The reach sets from a reach blob, or None (then they are computed)."""
    reach = hit.get("reach") if isinstance(hit, dict) else None
    return reach if isinstance(reach, dict) else None


def _interned(sets: dict[str, int]) -> dict[str, int]:
    """Equal sets share one int object, so the pickle writes each distinct set once."""
    seen: dict[int, int] = {}
    return {n: seen.setdefault(v, v) for n, v in sets.items()}


def load(
    path: Path | None,
    *,
    jobs: int = 1,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    quiet: bool = False,
    verbose: bool = False,
    exact: Path | bool = False,
) -> Session:
    """A session on ``path`` (default: the bundled AxiomDL library); parts load on first use."""
    root = path if path is not None else bundled_root() / "lean"
    survey = survey_project(root, use_cache=use_cache, cache_dir=cache_dir)
    source = Source(survey, jobs=jobs, verbose=verbose, show_progress=progress_enabled(quiet))
    if not exact:
        return Session(source=source)
    # Exact mode: edges from the compiled environment (see axiomdl.lean.exact).
    from axiomdl.graph import build_graph
    from axiomdl.lean.exact import load_exact
    from axiomdl.queries import Analysis

    project = source.scan()
    g, export = load_exact(project, build_graph(project), path, exact, quiet=quiet)
    return Session(project, g, Analysis(g, mode="exact"), export)
