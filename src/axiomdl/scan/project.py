"""Scan a whole Lean project: files in parallel, through the cache, then resolve names."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from axiomdl.scan import cache as cache_mod
from axiomdl.scan.closure import Closure, PackageInfo, check_record, follow, record_digest
from axiomdl.scan.files import Discovery, SourceFile, decode, discover
from axiomdl.scan.lake import LakeConfig
from axiomdl.scan.names import (
    Index,
    Variants,
    Visibility,
    add_private_variants,
    finish_instances,
    restore_names,
    settle_duplicates,
)
from axiomdl.scan.packages import InputWarning
from axiomdl.scan.records import FileScan, RawDecl
from axiomdl.scan.resolve import AUTO_SUFFIXES, Resolver, decl_namespace

# 0.2.0-5: builds_inline flag, packages of files (import closure), pattern-variable binding
# 0.2.0-6: the word before `:=` ending a type annotation (`(n : Foo := d)`) is no binder
# 0.2.0-7: superscript digits are no part of a name (`x⁻¹`, `a²`)
# 0.2.0-8: a name resolves only to a declaration the file's imports reach
SCANNER_VERSION = "0.2.0-8"
THEOREM_KINDS = frozenset({"theorem", "lemma", "example", "instance"})
_MISS = object()


@dataclass
class Refs:
    """A declaration's resolved references, by where they occur."""

    hyp: set[str] = field(default_factory=set)
    concl: set[str] = field(default_factory=set)
    proof: set[str] = field(default_factory=set)
    external: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Project:
    """A scanned project: files, declarations by full name, and resolved references."""

    root: Path
    files: list[FileScan]
    decls: dict[str, RawDecl]
    decl_file: dict[str, int]
    refs: dict[str, Refs]
    duplicates: list[tuple[str, int, str]] = field(default_factory=list)
    cache_note: str | None = None
    # From discovery: the Lake configuration (None without one), why it was not used,
    # special files skipped, and targets whose sources are missing.
    lake: LakeConfig | None = None
    lake_note: str | None = None
    skipped: list[tuple[str, str]] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    # Dependencies the imports reached (axiomdl.scan.closure), and problems with them or
    # with axiomdl.toml: warnings, never fatal.
    packages: list[PackageInfo] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)

    def file_of(self, name: str) -> FileScan:
        """The file that declares ``name``."""
        return self.files[self.decl_file[name]]

    def package_of(self, name: str) -> str | None:
        """The dependency that declares ``name``; None for the project's own."""
        return self.files[self.decl_file[name]].package

    @property
    def external_count(self) -> int:
        """How many distinct unresolved (external) names the project references."""
        return len({e for r in self.refs.values() for e in r.external})


def scan_file(src: SourceFile) -> FileScan:
    """Read and scan one file; unreadable bytes become a problem, never an exception."""
    try:
        data = _read(src.path)
    except OSError as e:
        fs = FileScan(path=src.rel, module=src.module)
        fs.problems.append((0, "io", f"cannot read file: {e.strerror}"))
        return fs
    return scan_bytes(data, src)


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def scan_bytes(data: bytes, src: SourceFile, native: bool | None = None) -> FileScan:
    """Scan already-read bytes of ``src`` (``native``: see :func:`scan_text`)."""
    text, bad = decode(data)
    if text is None:
        fs = FileScan(path=src.rel, module=src.module, size=len(data))
        assert bad is not None
        fs.problems.append((bad[0], "encoding", bad[1]))
        return fs
    if not text.strip():
        fs = FileScan(path=src.rel, module=src.module, size=len(data))
        fs.problems.append((1, "empty", "empty file"))
        return fs
    try:
        from axiomdl.scan.parse import scan_text  # only when a file is (re)scanned

        return scan_text(text, src.rel, src.module, native=native)
    except RecursionError:  # pragma: no cover - the scanner is iterative
        fs = FileScan(path=src.rel, module=src.module, size=len(data))
        fs.problems.append((0, "internal", "scanner recursion limit"))
        return fs


def _scan_for_pool(args: tuple[bytes, SourceFile, bool | None]) -> tuple[FileScan, list[dict]]:
    """Scan in a worker; declarations travel as plain dicts, which unpickle in C."""
    fs = scan_bytes(*args)
    decls = [d.__dict__ for d in fs.decls]
    fs.decls = []
    return fs, decls


def _from_pool(result: tuple[FileScan, list[dict]]) -> FileScan:
    fs, states = result
    new = object.__new__
    for state in states:
        d = new(RawDecl)
        d.__dict__ = state
        fs.decls.append(d)
    return fs


@dataclass
class Survey:
    """What a scan knows before it reads the big cache files: the sources and their digest.

    Cheap (discover, stat, one small index pickle), so a caller can look up work
    cached under the digest before deciding to load or build the project itself.
    """

    root: Path
    sources: list[SourceFile]
    store: cache_mod.CacheDir
    use_cache: bool
    notes: list[str]
    index: dict
    hashes: list[str]
    stats: list[tuple[int, int]]
    data_of: dict[int, bytes]
    unreadable: dict[int, FileScan]
    digest: str
    found: Discovery | None = None  # what discovery learnt: Lake targets, skipped files
    index_saved: bool = False
    # The dependency part (axiomdl.scan.closure): the own files' digest, the closure record
    # the digest was computed with (refreshed stats: save it), and where packages are.
    own_digest: str = ""
    record: dict | None = None
    record_dirty: bool = False
    packages_root: Path | None = None

    def save_index(self, notes: list[str]) -> None:
        """Record the stats and digest, if they differ from the index read (safe at any time:
        every cached scan is checked against its own content hash or digest when loaded)."""
        if (
            self.use_cache
            and not self.index_saved
            and (self.index.get("digest") != self.digest or self.data_of or self.record_dirty)
        ):
            self.index_saved = True
            new_stats = {
                s.rel: (self.stats[i][0], self.stats[i][1], self.hashes[i], s.module)
                for i, s in enumerate(self.sources)
                if self.hashes[i] and i not in self.unreadable
            }
            self.store.save(
                "index", {"stats": new_stats, "digest": self.digest, "deps": self.record}, notes
            )

    @property
    def key(self) -> str | None:
        """The content digest when it identifies the project exactly (cache on, all readable)."""
        return self.digest if self.use_cache and not self.unreadable else None


def survey_project(
    path: Path,
    *,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    packages_root: Path | None = None,
) -> Survey:
    """Discover the files under ``path``, stat them against the cache index, digest them.

    The digest covers the dependencies too: the closure recorded by the last scan is
    checked by stat (:func:`axiomdl.scan.closure.check_record`); if it no longer holds,
    the digest matches nothing cached and the scan follows the imports again.
    """
    found = discover(path)
    root, sources = found.root, found.sources
    store = cache_mod.CacheDir(cache_dir or cache_mod.default_cache_dir(), root, SCANNER_VERSION)
    notes: list[str] = []
    index: dict = {}
    if use_cache:
        index = store.load("index", notes) or {}
    old_stats: dict[str, tuple[int, int, str, str]] = index.get("stats", {})

    hashes: list[str] = [""] * len(sources)
    stats: list[tuple[int, int]] = [(0, 0)] * len(sources)
    data_of: dict[int, bytes] = {}
    unreadable: dict[int, FileScan] = {}
    for i, src in enumerate(sources):
        try:
            st = os.stat(src.path)
        except OSError:
            unreadable[i] = scan_file(src)
            continue
        stats[i] = (st.st_size, st.st_mtime_ns)
        prev = old_stats.get(src.rel)
        if prev and prev[0] == st.st_size and prev[1] == st.st_mtime_ns and prev[3] == src.module:
            hashes[i] = prev[2]
            continue
        try:
            data = _read(src.path)
        except OSError:
            unreadable[i] = scan_file(src)
            continue
        hashes[i] = cache_mod.content_hash(data) if use_cache else "-"  # hashes key the cache only
        data_of[i] = data
    own_digest = hashlib.blake2b(
        "\n".join(f"{s.rel}:{s.module}:{h}" for s, h in zip(sources, hashes, strict=True)).encode(),
        digest_size=16,
    ).hexdigest()
    record = index.get("deps") if use_cache else None
    dep_digest, refreshed = check_record(record)
    digest = _combined(own_digest, dep_digest, packages_root)
    sv = Survey(
        root,
        sources,
        store,
        use_cache,
        notes,
        index,
        hashes,
        stats,
        data_of,
        unreadable,
        digest,
        found=found,
        own_digest=own_digest,
        record=(refreshed or record) if dep_digest is not None else None,
        record_dirty=refreshed is not None,
        packages_root=packages_root,
    )
    return sv


def _combined(own: str, deps: str | None, packages_root: Path | None) -> str:
    """The project's digest: its own files and its dependency closure (None: unknown, so
    the digest matches nothing cached)."""
    where = str(packages_root.resolve()) if packages_root is not None else ""
    key = f"{own}|{deps if deps is not None else 'unknown'}|{where}"
    return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


def scan_project(
    path: Path,
    *,
    jobs: int = 1,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    native: bool | None = None,
    survey: Survey | None = None,
    packages_root: Path | None = None,
) -> Project:
    """Scan every Lean file under ``path``, and the dependency modules they import, and
    resolve references between them.

    ``native`` picks the compiled scanner core (default: whenever it is built) or
    the pure-Python reference; both give the same project. ``survey`` (from
    :func:`survey_project` on the same path and cache settings) skips that step.
    ``packages_root``: where the Lake packages are (default: the project itself).

    The cache is three pickles: a small stat index, per-file scans keyed by content
    hash, and the resolved project keyed by the hash of all file hashes. A no-change
    rescan stats the files, reads the index and loads the resolved project.
    """
    with cache_mod.gc_paused():
        sv = survey or survey_project(
            path, use_cache=use_cache, cache_dir=cache_dir, packages_root=packages_root
        )
        return _scan_project(sv, jobs, progress, native)


def _scan_project(
    sv: Survey,
    jobs: int,
    progress: Callable[[int, int], None] | None,
    native: bool | None = None,
) -> Project:
    root, sources, store, use_cache, index = sv.root, sv.sources, sv.store, sv.use_cache, sv.index
    hashes, data_of, unreadable, digest = sv.hashes, sv.data_of, sv.unreadable, sv.digest
    notes = list(sv.notes)

    project: Project | None = None
    if use_cache and not unreadable and index.get("digest") == digest:
        cached = store.load("project", notes)
        if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == digest:
            from axiomdl.scan.serialize import project_from_state

            try:
                project = project_from_state(root, cached[1])
            except Exception as e:  # stale or foreign layout: rebuild, never crash
                notes.append(f"ignored unreadable cached project ({type(e).__name__}); rebuilding")
                project = None
            if progress and project is not None:
                progress(0, 0)
    if project is None:
        from axiomdl.config import load_config

        config = load_config(root)  # a bad axiomdl.toml is exit 2, before any work

        def deps(own: list[FileScan]) -> Closure:
            return _follow(sv, own, jobs, native)

        per_file: dict[str, FileScan] = (store.load("files", notes) or {}) if use_cache else {}
        try:
            project, results, closure = _build(
                root, sources, hashes, data_of, unreadable, per_file, jobs, progress, native, deps
            )
        except (TypeError, AttributeError, ValueError, KeyError, IndexError) as e:
            if not per_file:
                raise
            # cached scans that unpickled but hold the wrong shapes: rescan everything
            notes.append(f"ignored corrupt cache ({type(e).__name__}: {e}); rebuilding")
            per_file = {}
            project, results, closure = _build(
                root, sources, hashes, data_of, unreadable, per_file, jobs, progress, native, deps
            )
        notes += closure.notes
        if use_cache:
            keep = {
                f"{hashes[i]}:{s.rel}:{s.module}": results[i]
                for i, s in enumerate(sources)
                if hashes[i] and results[i] is not None and i not in unreadable
            }
            store.save("files", keep, notes)
        # after the per-file save (cached scans keep their own roles): the project's
        # configuration, then each dependency's own for its files
        project.warnings += _configure(project, config, closure)
        # the digest of what was really read: later saves (graph, outputs) go under it
        sv.record, sv.record_dirty = closure.record, False
        sv.digest = digest = _combined(
            sv.own_digest, record_digest(closure.record), sv.packages_root
        )
        if use_cache:
            from axiomdl.scan.serialize import project_state

            store.save("project", (digest, project_state(project)), notes)
    sv.save_index(notes)
    project.cache_note = "; ".join(notes) if notes else None
    found = sv.found
    if found is not None:
        project.lake, project.lake_note = found.lake, found.note
        project.skipped, project.missing = found.skipped, found.missing
    return project


def _build(
    root: Path,
    sources: list[SourceFile],
    hashes: list[str],
    data_of: dict[int, bytes],
    unreadable: dict[int, FileScan],
    per_file: dict[str, FileScan],
    jobs: int,
    progress: Callable[[int, int], None] | None,
    native: bool | None,
    deps: Callable[[list[FileScan]], Closure],
) -> tuple[Project, list[FileScan | None], Closure]:
    """Scan what the per-file cache does not hold, follow the imports into the
    dependencies (``deps``), then resolve the whole project."""
    results: list[FileScan | None] = [None] * len(sources)
    todo: list[tuple[int, bytes]] = []
    for i, src in enumerate(sources):
        if i in unreadable:
            results[i] = unreadable[i]
            continue
        hit = per_file.get(f"{hashes[i]}:{src.rel}:{src.module}")
        if hit is not None:
            results[i] = hit
            continue
        data = data_of.get(i)
        if data is None:
            try:
                data = _read(src.path)
            except OSError:
                results[i] = scan_file(src)
                continue
        todo.append((i, data))
    _scan_all(todo, sources, results, jobs, progress, native)
    files = [r for r in results if r is not None]
    closure = deps(files)
    project = resolve_project(root, [*files, *closure.files], native=native)
    project.packages, project.warnings = closure.packages, list(closure.warnings)
    return project, results, closure


def _configure(project: Project, config: object, closure: Closure) -> list[InputWarning]:
    """Apply ``axiomdl.toml`` rules: the project's to every declaration, each package's
    to its own files (a bad one there is a warning: it is not the user's file)."""
    from axiomdl.config import load_config
    from axiomdl.errors import AxiomdlError

    out = config.apply(project) if config is not None else []  # type: ignore[attr-defined]
    for name, root in closure.roots:
        try:
            cfg = load_config(root)
        except AxiomdlError as e:
            out.append(InputWarning(e.file or "", e.line, "config", f"{e.message}; ignored"))
            continue
        if cfg is not None:
            out += cfg.apply(project, package=name)
    return out


def _follow(sv: Survey, own: list[FileScan], jobs: int, native: bool | None) -> Closure:
    """The dependency files ``own`` imports (axiomdl.scan.closure), scanned like the rest."""

    def scan_many(pairs: list[tuple[bytes, SourceFile]]) -> list[FileScan]:
        out: list[FileScan | None] = [None] * len(pairs)
        todo = [(i, data) for i, (data, _) in enumerate(pairs)]
        _scan_all(todo, [src for _, src in pairs], out, jobs, None, native)
        return [fs for fs in out if fs is not None]

    return follow(
        sv.root,
        own,
        sv.found.lake if sv.found is not None else None,
        scan_many=scan_many,
        version=SCANNER_VERSION,
        store_base=sv.store.dir.parent if sv.use_cache else None,
        packages_root=sv.packages_root,
    )


def _scan_all(
    todo: list[tuple[int, bytes]],
    sources: list[SourceFile],
    results: list[FileScan | None],
    jobs: int,
    progress: Callable[[int, int], None] | None,
    native: bool | None,
) -> None:
    total = len(todo)
    if progress:
        progress(0, total)
    if jobs > 1 and total > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            args = [(data, sources[i], native) for i, data in todo]
            chunk = max(1, total // (jobs * 8))
            mapped = pool.map(_scan_for_pool, args, chunksize=chunk)
            for k, ((i, _), res) in enumerate(zip(todo, mapped, strict=True)):
                results[i] = _from_pool(res)
                if progress:
                    progress(k + 1, total)
    else:
        for k, (i, data) in enumerate(todo):
            results[i] = scan_bytes(data, sources[i], native)
            if progress:
                progress(k + 1, total)


def _closed_structure(d: RawDecl | None) -> bool:
    """A structure/class without `extends`, so its fields are exactly its subnames."""
    return d is not None and d.kind in ("structure", "class") and " extends " not in d.statement


def resolve_project(root: Path, files: list[FileScan], *, native: bool | None = None) -> Project:
    """Index declarations and resolve every raw reference against them.

    ``native`` picks the compiled loop (default: when built) or the reference one.
    Before resolving, the names Lean gives anonymous instances are finished, and a
    name that several files declare is settled (:mod:`axiomdl.scan.names`).
    """
    restore_names(files)
    decls: dict[str, RawDecl] = {}
    decl_file: dict[str, int] = {}
    parents: dict[str, str] = {}
    aliases: dict[str, str] = {}
    duplicates: list[tuple[str, int, str]] = []
    field_heads: set[str] = set()  # theorems: `foo_iff.mpr` is field notation on a proof
    from axiomdl.scan.parse import native_core

    core = native_core() if native is None or native else None
    if core is not None:
        core.index_decls(files, decls, decl_file, parents, aliases, duplicates, field_heads)
    else:
        for fi, fs in enumerate(files):
            for d in fs.decls:
                if d.name in decls and not d.name.startswith("example@"):
                    duplicates.append((fs.path, d.line, d.name))
                    continue
                decls[d.name] = d
                decl_file[d.name] = fi
                if d.kind in ("theorem", "lemma"):
                    field_heads.add(d.name)
                for sub in d.subnames:
                    parents.setdefault(sub, d.name)
            for alias, target, _ in fs.aliases:
                aliases[alias] = target
    index = Index(files, decls, decl_file, parents, field_heads)
    duplicates = finish_instances(index, duplicates)
    variants: Variants = {}
    if duplicates:
        duplicates = settle_duplicates(index, duplicates, variants)
    protected = add_private_variants(index, variants)
    visibility = Visibility(files, variants)
    choose = visibility.choose
    names = set(decls) | set(parents) | set(variants)
    for alias, target in list(aliases.items()):
        ns = alias.rsplit(".", 1)[0] if "." in alias else ""
        parts = ns.split(".") if ns else []
        for i in range(len(parts), -1, -1):
            cand = ".".join([*parts[:i], target])
            if cand in names:
                aliases[alias] = cand
                break
    names |= set(aliases)
    masks = visibility.masks()
    resolver = Resolver(
        names, parents, aliases, field_heads, protected, variants, choose, decl_file, masks
    )
    refs: dict[str, Refs] = {}
    if core is not None:
        core.resolve_refs(
            files,
            decls,
            resolver.names,
            resolver.parents,
            resolver.aliases,
            resolver.field_heads,
            resolver.lasts,
            resolver.field_lasts,
            AUTO_SUFFIXES,
            _closed_structure,
            Refs,
            refs,
            resolver.protected,
            resolver.variants,
            choose,
            decl_file,
            [None if m is None else m.to_bytes((len(files) + 7) // 8, "little") for m in masks],
        )
    else:
        _resolve_refs(files, decls, resolver, refs)
    return Project(root, files, decls, decl_file, refs, duplicates)


def _resolve_refs(
    files: list[FileScan], decls: dict[str, RawDecl], resolver: Resolver, refs: dict[str, Refs]
) -> None:
    """Resolve every kept declaration's raw names into ``refs`` (the reference loop)."""
    memo = resolver.memo
    resolve = resolver.resolve
    for fi, fs in enumerate(files):
        resolver.cur_file = fi
        fid = id(fs) * 1000003
        for d in fs.decls:
            if decls.get(d.name) is not d:
                continue
            ctx = fs.contexts[d.ctx]
            ns = decl_namespace(d.name, ctx)
            ctx_key = fid + d.ctx
            heads = d.binder_heads
            external: set[str] = set()
            found: list[set[str]] = []
            for bucket in (d.hyp, d.concl, d.proof):
                target: set[str] = set()
                for ident in bucket:
                    if heads and "." in ident:
                        first, _, rest = ident.partition(".")
                        if first in heads:
                            head = resolve(heads[first], ctx, ctx_key, ns)
                            hit = resolver.lookup(f"{head}.{rest}") if head else None
                            if hit:
                                target.add(hit)
                            elif head and _closed_structure(decls.get(head)):
                                # `h.fieldTypo` on a structure we can see whole: unknown name
                                external.add(f"{head}.{rest}")
                            continue
                    hit = memo.get((ident, ctx_key, ns), _MISS)
                    if hit is _MISS:
                        hit = resolve(ident, ctx, ctx_key, ns)
                    if hit is None:
                        external.add(ident)
                    elif hit != d.name:
                        target.add(hit)
                found.append(target)
            hyp, concl, proof = found
            concl -= hyp
            proof -= hyp
            proof -= concl
            refs[d.name] = Refs(hyp, concl, proof, external)
