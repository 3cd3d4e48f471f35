"""Follow a project's imports into its dependencies, reading only the modules it imports.

From the project's own files, every ``import`` is looked up among its Lake packages and
the bundled library (:mod:`axiomdl.scan.packages`); each module found is read, and its
imports in turn, until the import closure is complete. A project importing two Mathlib
files reads those two and what they import, never the rest of Mathlib.

A dependency's scans are cached per package (``pkg-…`` beside the project caches),
keyed by the package's name and manifest revision (its folder for path packages and the
bundled library), each file by its content hash: every project on the same version
shares them, and an edited checkout is never served stale scans.

The survey of a project records what the closure was made of (:func:`record_digest`):
each dependency file with its hash, every lakefile, manifest and config file consulted,
and every path a missing module was looked for at. A run on unchanged sources stats
those and reuses the whole resolved project without reading any dependency.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from axiomdl.scan import cache as cache_mod
from axiomdl.scan.files import SourceFile
from axiomdl.scan.lake import LAKEFILES, LakeConfig
from axiomdl.scan.packages import (
    CORE_ROOTS,
    MANIFEST,
    PACKAGE_DIRS,
    InputWarning,
    Package,
    PackageIndex,
    load_packages,
)
from axiomdl.scan.records import FileScan

CONFIG_FILES = ("axiomdl.toml", "pyproject.toml")

# Scan (bytes, source) pairs, in parallel where the caller can.
ScanMany = Callable[[list[tuple[bytes, SourceFile]]], list[FileScan]]


@dataclass(slots=True, frozen=True)
class PackageInfo:
    """A dependency as the reports name it: which version, how much of it was read."""

    name: str
    kind: str  # git | path | folder | bundled
    rev: str | None
    root: str
    files: int
    declarations: int = 0


@dataclass
class Closure:
    """The dependency files a project's imports reach, and what was learnt on the way."""

    files: list[FileScan] = field(default_factory=list)
    packages: list[PackageInfo] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    record: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # (package name, folder) of each package read: its own axiomdl.toml applies to its files
    roots: list[tuple[str, Path]] = field(default_factory=list)


def _stat(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _own_roots(lake: LakeConfig | None) -> set[str]:
    """The first components of the modules the project's own libraries hold."""
    if lake is None:
        return set()
    roots = {r.split(".")[0] for lib in lake.libraries for r in lib.roots}
    return roots | {g.module.split(".")[0] for lib in lake.libraries for g in lib.globs}


def _watched(root: Path, idx: PackageIndex) -> list[str]:
    """Every file whose content or existence decides where modules resolve."""
    paths = [root / MANIFEST, *(root / d for d in PACKAGE_DIRS)]
    paths += [root / f for f in (*CONFIG_FILES, *LAKEFILES)]
    for pkg in idx.packages:
        paths += [pkg.root, *(pkg.root / f for f in (*LAKEFILES, *CONFIG_FILES))]
    return sorted({str(p) for p in paths})


def record_digest(record: dict) -> str:
    """The digest of a closure record: what the dependency part of a project is."""
    h = hashlib.blake2b(digest_size=16)
    for path, st in record.get("watch", ()):
        h.update(f"w{path}:{st}\n".encode())
    for path, module, key, _size, _mtime, digest in record.get("files", ()):
        h.update(f"f{path}:{module}:{key}:{digest}\n".encode())
    for path in record.get("probes", ()):
        h.update(f"p{path}\n".encode())
    return h.hexdigest()


def check_record(record: object) -> tuple[str | None, dict | None]:
    """(digest, refreshed record) if the recorded closure still holds, else (None, None).

    Stats every watched file, every dependency file (a touched one is re-hashed; equal
    content keeps the record valid, with its new stat) and every probed path.
    """
    if not isinstance(record, dict):
        return None, None
    try:
        for path, st in record["watch"]:
            if _stat(path) != (tuple(st) if st is not None else None):
                return None, None
        for path in record["probes"]:
            if os.path.exists(path):
                return None, None
        files = []
        for path, module, key, size, mtime, digest in record["files"]:
            st = _stat(path)
            if st is None:
                return None, None
            if st != (size, mtime):
                with open(path, "rb") as fh:
                    if cache_mod.content_hash(fh.read()) != digest:
                        return None, None
                size, mtime = st
            files.append((path, module, key, size, mtime, digest))
    except (KeyError, TypeError, ValueError, OSError):
        return None, None
    fresh = {**record, "files": files}
    return record_digest(fresh), (fresh if files != list(record["files"]) else None)


class _Store:
    """One package's cached scans (stats and scans by content hash), loaded on first use."""

    def __init__(self, base: Path | None, pkg: Package, version: str, notes: list[str]) -> None:
        self.cache = cache_mod.CacheDir.named(base, pkg.cache_key, version) if base else None
        self.index: dict = {}
        self.files: dict = {}
        self.dirty = False
        if self.cache is not None:
            index = self.cache.load("index", notes)
            files = self.cache.load("files", notes)
            self.index = index if isinstance(index, dict) else {}
            self.files = files if isinstance(files, dict) else {}

    def known_hash(self, path: str, st: tuple[int, int]) -> str | None:
        prev = self.index.get(path)
        if isinstance(prev, tuple) and len(prev) == 3 and tuple(prev[:2]) == st:
            return prev[2]
        return None

    def scan_of(self, digest: str, module: str) -> FileScan | None:
        hit = self.files.get(f"{digest}:{module}")
        return hit if isinstance(hit, FileScan) else None

    def put(self, path: str, st: tuple[int, int], digest: str, module: str, fs: FileScan | None):
        if self.index.get(path) != (*st, digest):
            self.index[path] = (*st, digest)
            self.dirty = True
        if fs is not None:
            self.files[f"{digest}:{module}"] = fs
            self.dirty = True

    def save(self, notes: list[str]) -> None:
        if self.cache is None or not self.dirty:
            return
        live = {f"{v[2]}:" for v in self.index.values()}
        keep = {k: v for k, v in self.files.items() if k[: k.index(":") + 1] in live}
        self.cache.save("files", keep, notes)
        self.cache.save("index", self.index, notes)


def follow(
    root: Path,
    own: list[FileScan],
    lake: LakeConfig | None,
    *,
    scan_many: ScanMany,
    version: str,
    store_base: Path | None = None,
    packages_root: Path | None = None,
) -> Closure:
    """The dependency files that ``own``'s imports reach, transitively.

    ``store_base``: where package caches live (None: no cache). ``packages_root``:
    where the Lake packages are (default ``root``; ``diff`` scans an old revision
    against the work tree's checkouts).
    """
    out = Closure()
    idx = load_packages(packages_root or root, _own_roots(lake))
    out.warnings += idx.warnings
    own_modules = {fs.module for fs in own}
    stores: dict[str, _Store] = {}
    found: dict[str, tuple[FileScan, Package]] = {}
    entries: list[tuple] = []
    unresolved: dict[str, tuple[str, int]] = {}
    probes: set[str] = set()
    frontier = [(m, fs.path, line) for fs in own for m, line in fs.imports]
    while frontier:
        todo: list[tuple[bytes, SourceFile, Package, str, tuple[int, int]]] = []
        new: list[FileScan] = []
        for module, where, line in frontier:
            if (
                module in own_modules
                or module in found
                or module in unresolved
                or module.split(".")[0] in CORE_ROOTS
            ):
                continue
            hit = idx.locate(module)
            if hit is None:
                unresolved[module] = (where, line)
                probes.update(str(p) for p in idx.probes(module))
                continue
            pkg, path = hit
            store = stores.get(pkg.cache_key)
            if store is None:
                store = stores[pkg.cache_key] = _Store(store_base, pkg, version, out.notes)
            src = SourceFile(str(path), _shown(root, path), module)
            fs, st, digest, data = _cached_or_read(store, src)
            if fs is None and data is None:  # unreadable: one problem, as for own files
                fs = FileScan(path=src.rel, module=module)
                fs.problems.append((0, "io", "cannot read file"))
            if fs is not None:
                _adopt(fs, pkg, src.rel)
                found[module] = (fs, pkg)
                new.append(fs)
                if st is not None:
                    store.put(src.path, st, digest, module, None)
                    entries.append((src.path, module, pkg.cache_key, *st, digest))
            else:
                assert data is not None and st is not None
                found[module] = (FileScan(path=src.rel, module=module), pkg)  # placeholder
                todo.append((data, src, pkg, digest, st))
        for (_, src, pkg, digest, st), fs in zip(
            todo, scan_many([(t[0], t[1]) for t in todo]), strict=True
        ):
            stores[pkg.cache_key].put(src.path, st, digest, src.module, fs)
            _adopt(fs, pkg, src.rel)
            found[src.module] = (fs, pkg)
            new.append(fs)
            entries.append((src.path, src.module, pkg.cache_key, *st, digest))
        frontier = [(m, fs.path, line) for fs in new for m, line in fs.imports]
    for store in stores.values():
        store.save(out.notes)
    order = {p.cache_key: i for i, p in enumerate(idx.packages)}
    deps = sorted(found.values(), key=lambda fp: (order[fp[1].cache_key], fp[0].module))
    out.files = [fs for fs, _ in deps]
    out.packages = _summaries(root, deps)
    out.roots = list({pkg.cache_key: (pkg.name, pkg.root) for _, pkg in deps}.values())
    out.warnings += _unresolved_warnings(unresolved, idx, own)
    out.warnings += import_cycles([*own, *out.files])
    out.record = {
        "watch": [(p, _stat(p)) for p in _watched(packages_root or root, idx)],
        "files": sorted(entries),
        "probes": sorted(probes),
    }
    return out


def _shown(root: Path, path: Path) -> str:
    """How a dependency file is named in findings: from the project root, else absolute."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _adopt(fs: FileScan, pkg: Package, shown: str) -> None:
    fs.path = shown  # a cached scan may come from another project's checkout
    fs.package = pkg.name


def _cached_or_read(
    store: _Store, src: SourceFile
) -> tuple[FileScan | None, tuple[int, int] | None, str, bytes | None]:
    """(cached scan or None, stat, content hash, bytes if read)."""
    st = _stat(src.path)
    if st is None:
        return None, None, "", None
    digest = store.known_hash(src.path, st)
    data = None
    if digest is None:
        try:
            with open(src.path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None, None, "", None
        digest = cache_mod.content_hash(data)
    hit = store.scan_of(digest, src.module)
    if hit is not None:
        return hit, st, digest, None
    if data is None:
        try:
            with open(src.path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None, None, "", None
    return None, st, digest, data


def _summaries(root: Path, deps: list[tuple[FileScan, Package]]) -> list[PackageInfo]:
    by: dict[str, list] = {}
    for fs, pkg in deps:
        slot = by.setdefault(pkg.cache_key, [pkg, 0, 0])
        slot[1] += 1
        slot[2] += len(fs.decls)
    return [
        PackageInfo(pkg.name, pkg.kind, pkg.rev, _shown(root, pkg.root), n, d)
        for pkg, n, d in by.values()
    ]


def _unresolved_warnings(
    unresolved: dict[str, tuple[str, int]], idx: PackageIndex, own: list[FileScan]
) -> list[InputWarning]:
    """An import Lean could not satisfy: a module missing from a package that should hold
    it, or (dependencies fetched) from every package. Without a manifest, imports of
    packages never fetched stay external without a word, as before."""
    out = []
    for module, (where, line) in sorted(unresolved.items(), key=lambda kv: kv[1]):
        first = module.split(".")[0]
        pkg = idx.owner(module)
        if pkg is not None:
            looked = ", ".join(_shown(idx.root, p) for p in pkg.candidates(module)) or "-"
            why = f"package `{pkg.name}` has no module `{module}` (looked for {looked})"
        elif first in idx.own_roots:
            why = f"this project has no module `{module}`"
        elif idx.manifest and not idx.missing:  # (a missing checkout was said already)
            why = f"no package in {MANIFEST} holds `{module}`"
        else:
            continue
        out.append(
            InputWarning(where, line, "import", f"import `{module}`: {why}; it stays external")
        )
    return out


def import_cycles(files: list[FileScan]) -> list[InputWarning]:
    """One warning per import cycle (Lean rejects them; the scan goes on)."""
    import networkx as nx

    index: dict[str, FileScan] = {}
    for fs in files:
        index.setdefault(fs.module, fs)
    g = nx.DiGraph()
    for fs in files:
        for module, _ in fs.imports:
            if module in index:
                g.add_edge(fs.module, module)
    out = []
    for comp in nx.strongly_connected_components(g):
        if len(comp) == 1 and not g.has_edge(next(iter(comp)), next(iter(comp))):
            continue
        start = min(comp)
        cycle = [u for u, _ in nx.find_cycle(g.subgraph(comp), source=start)]
        fs = index[cycle[0]]
        nxt = cycle[1] if len(cycle) > 1 else cycle[0]
        line = next((ln for m, ln in fs.imports if m == nxt), None)
        chain = " → ".join([*cycle, cycle[0]])
        out.append(InputWarning(fs.path, line, "import-cycle", f"import cycle: {chain}"))
    return sorted(out, key=lambda w: (w.file, w.line or 0))
