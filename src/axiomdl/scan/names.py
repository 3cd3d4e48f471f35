"""Which declaration a name means when more than one file could declare it.

Lean accepts the same full name in several files when no module ever sees two of
them: private declarations are private to their file (and to `import all`), and two
modules that are never imported together may both declare ``foo``. Anonymous
instances are named by Lean from their type (:mod:`axiomdl.scan.instname`) and never
clash. Only a clash that some module would see is a ``duplicate`` finding.

A name declared by several files is kept once per file, keyed ``foo@Module`` (the
part before ``@`` is the Lean name), and references to ``foo`` go to the copy the
referring file can see: its own, else one its imports reach.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from axiomdl.scan.instname import MARK, finish_name
from axiomdl.scan.records import FileScan, RawDecl
from axiomdl.scan.resolve import candidates

# A name declared by several files: its copies (key, file, private); a private name
# declared once: just its file (visible there, and to `import all`).
Variants = dict[str, tuple[tuple[str, int, bool], ...] | int]


@dataclass
class Index:
    """The project's declarations by name, as resolve_project indexed them."""

    files: list[FileScan]
    decls: dict[str, RawDecl]
    decl_file: dict[str, int]
    parents: dict[str, str]
    field_heads: set[str]


def restore_names(files: list[FileScan]) -> None:
    """Give every declaration back the name it was scanned with (cached scans were
    renamed by an earlier resolution, which this one redoes from the start)."""
    for fs in files:
        if fs.renamed:
            for i, original in fs.renamed:
                fs.decls[i].name = original
            fs.renamed = []
        for i, scanned, _ in fs.anon_instances:
            fs.decls[i].name = scanned


@dataclass
class Visibility:
    """Which files a file sees: its imports (transitively), and `import all` for privates."""

    files: list[FileScan]
    variants: Variants = field(default_factory=dict)
    _module_file: dict[str, int] | None = None
    _closure: dict[int, set[int]] = field(default_factory=dict)
    _importers: dict[int, set[int]] = field(default_factory=dict)
    _reverse: dict[int, list[int]] | None = None

    def reaches(self, fi: int, fj: int) -> bool:
        """Whether file ``fi`` imports file ``fj``, directly or not (or is it)."""
        return fj in self.closure(fi)

    def closure(self, fi: int) -> set[int]:
        """The project files that file ``fi`` imports, transitively, and itself."""
        hit = self._closure.get(fi)
        if hit is not None:
            return hit
        seen = {fi}
        stack = [fi]
        while stack:
            for j in self._imports(stack.pop()):
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        self._closure[fi] = seen
        return seen

    def _modules(self) -> dict[str, int]:
        """Module name → the (first) file declaring it."""
        if self._module_file is None:
            self._module_file = {}
            for k, fs in enumerate(self.files):
                self._module_file.setdefault(fs.module, k)
        return self._module_file

    def _imports(self, fi: int) -> list[int]:
        modules = self._modules()
        found = (modules.get(mod) for mod, _ in self.files[fi].imports)
        return [j for j in found if j is not None]

    def masks(self) -> list[int | None]:
        """Per file, the bit set of the project files it sees (itself and what its imports
        reach, as Lean makes visible), or None where the scan cannot tell.

        A file cannot tell when an import in its closure names a project module that was
        not read (its first component is a project root, or a project module is a suffix
        of it, as when a sub-folder was scanned and ``AxiomDL.Landscape.Basic`` became
        ``Basic``), or when its imports form a cycle (Lean rejects those). Such a file sees
        every project declaration, as before imports were followed; a reference never
        disappears because the import graph was read wrongly.
        """
        import networkx as nx

        modules = self._modules()
        roots = {m.partition(".")[0] for m in modules}
        g = nx.DiGraph()
        g.add_nodes_from(range(len(self.files)))
        unsure: set[int] = set()
        for k, fs in enumerate(self.files):
            g.add_edges_from((k, j) for j in self._imports(k))
            if any(
                mod not in modules and _names_a_project_module(mod, roots, modules)
                for mod, _ in fs.imports
            ):
                unsure.add(k)
        dag = nx.condensation(g)
        masks: list[int | None] = [None] * len(self.files)
        for c in reversed(list(nx.topological_sort(dag))):  # imports before their importers
            members = dag.nodes[c]["members"]
            if len(members) > 1 or members & unsure:
                continue  # a cycle, or an import that was not read: every file stays visible
            (k,) = members
            mask = 1 << k
            for d in dag.successors(c):
                sub = masks[next(iter(dag.nodes[d]["members"]))]
                if sub is None:
                    break
                mask |= sub
            else:
                masks[k] = mask
        return masks

    def importers(self, fi: int) -> set[int]:
        """The project files that import file ``fi``, transitively, and itself."""
        hit = self._importers.get(fi)
        if hit is not None:
            return hit
        if self._reverse is None:
            self._reverse = {}
            for k in range(len(self.files)):
                for j in self._imports(k):
                    self._reverse.setdefault(j, []).append(k)
        seen = {fi}
        stack = [fi]
        while stack:
            for j in self._reverse.get(stack.pop(), ()):
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        self._importers[fi] = seen
        return seen

    def choose(self, name: str, fi: int) -> str | None:
        """The declaration ``name`` denotes in file ``fi``: its own, else a private one it
        imports with `import all`, else a public one its imports reach; None if none."""
        copies = self.variants[name]
        if isinstance(copies, int):
            copies = ((name, copies, True),)
        for key, f, _ in copies:
            if f == fi:
                return key
        for key, f, private in copies:
            if private:
                if self.files[f].module in self.files[fi].imports_all:
                    return key
            elif self.reaches(fi, f):
                return key
        return None

    def seen_together(self, fi: int, fj: int) -> bool:
        """Whether some project module imports both files (or one imports the other)."""
        return not self.importers(fi).isdisjoint(self.importers(fj))


def _names_a_project_module(mod: str, roots: set[str], modules: dict[str, int]) -> bool:
    if mod.partition(".")[0] in roots:
        return True
    parts = mod.split(".")
    return any(".".join(parts[i:]) in modules for i in range(1, len(parts)))


def _position(fs: FileScan, d: RawDecl) -> int:
    return next(i for i, x in enumerate(fs.decls) if x is d)


def finish_instances(
    ix: Index, duplicates: list[tuple[str, int, str]]
) -> list[tuple[str, int, str]]:
    """Name anonymous instances as Lean does; returns the duplicates that remain."""
    anon = [
        (fi, fs.decls[i], scanned, parts)
        for fi, fs in enumerate(ix.files)
        for i, scanned, parts in fs.anon_instances
    ]
    if not anon:
        return duplicates
    gone = set()
    for fi, d, _, _ in anon:  # out of the index: their names are not final yet
        if ix.decls.get(d.name) is d:
            del ix.decls[d.name]
            del ix.decl_file[d.name]
        gone.add((ix.files[fi].path, d.line, d.name))
    left = [t for t in duplicates if t not in gone]
    vis = Visibility(ix.files)

    def module_of(name: str | None) -> str | None:
        if name is None:
            return None
        fi = ix.decl_file.get(name)
        if fi is None and name in ix.parents:
            fi = ix.decl_file.get(ix.parents[name])
        return ix.files[fi].module if fi is not None else None

    memo: dict[tuple[int, int, str, str], str | None] = {}
    for fi, d, scanned, parts in anon:
        fs = ix.files[fi]
        ns = scanned.partition(MARK)[0].rpartition(".")[0]
        ctx = fs.contexts[d.ctx]

        def resolve(ident: str, fi=fi, cid=d.ctx, ctx=ctx, ns=ns) -> str | None:
            key = (fi, cid, ns, ident)
            if key not in memo:
                memo[key] = next(
                    (
                        ix.parents.get(c, c)
                        for c in candidates(ident, ctx, ns)
                        if c in ix.decls or c in ix.parents
                    ),
                    None,
                )
            return memo[key]

        def taken(name: str, fi: int = fi) -> bool:
            other = ix.decls.get(name)
            return other is not None and vis.reaches(fi, ix.decl_file[name])

        d.name = finish_name(ns, parts, fs.module, resolve, module_of, taken)
        if d.name in ix.decls:  # declared by a module this one never sees: settled later
            left.append((fs.path, d.line, d.name))
        else:
            ix.decls[d.name] = d
            ix.decl_file[d.name] = fi
    return left


def settle_duplicates(
    ix: Index, duplicates: list[tuple[str, int, str]], variants: Variants
) -> list[tuple[str, int, str]]:
    """Keep the repeated names Lean accepts (as ``name@Module`` variants); return the
    real duplicates: a second declaration in the same file, or one a module sees twice."""
    path_index = {fs.path: fi for fi, fs in enumerate(ix.files)}
    private = {id(fs.decls[i]) for fs in ix.files for i in fs.private}
    groups: dict[str, list[tuple[int, RawDecl]]] = {}
    for path, line, name in duplicates:
        fi = path_index[path]
        d = next(x for x in ix.files[fi].decls if x.name == name and x.line == line)
        if name not in groups:
            groups[name] = [(ix.decl_file[name], ix.decls[name])]
        groups[name].append((fi, d))
    vis = Visibility(ix.files)

    def clash(a: tuple[int, RawDecl], b: tuple[int, RawDecl]) -> bool:
        if a[0] == b[0]:
            return True
        if id(a[1]) in private or id(b[1]) in private:
            return False
        return vis.seen_together(a[0], b[0])

    real: list[tuple[str, int, str]] = []
    for name, copies in groups.items():
        kept: list[tuple[int, RawDecl]] = []
        for copy in copies:
            if any(clash(k, copy) for k in kept):
                real.append((ix.files[copy[0]].path, copy[1].line, name))
            else:
                kept.append(copy)
        if len(kept) > 1:
            variants[name] = tuple(_rename(ix, name, fi, d, id(d) in private) for fi, d in kept)
    return real


def _rename(ix: Index, name: str, fi: int, d: RawDecl, private: bool) -> tuple[str, int, bool]:
    """Key one of several legal copies of ``name`` as ``name@Module``."""
    fs = ix.files[fi]
    key = f"{name}@{fs.module}"
    if key in ix.decls:  # two source folders with the same module name
        key = f"{name}@{fs.path}"
    if ix.decls.get(name) is d:
        del ix.decls[name]
        del ix.decl_file[name]
    fs.renamed.append((_position(fs, d), d.name))
    d.name = key
    ix.decls[key] = d
    ix.decl_file[key] = fi
    if d.kind in ("theorem", "lemma"):
        ix.field_heads.add(key)
    for sub in d.subnames:  # fields resolve to the name, then to the copy in view
        ix.parents.setdefault(sub, name)
    return key, fi, private


def add_private_variants(ix: Index, variants: Variants) -> set[str]:
    """Private declarations become variants of one (visible only in their file and to
    `import all`); returns the protected names, by their Lean names."""
    protected: set[str] = set()
    for fi, fs in enumerate(ix.files):
        for i in fs.protected:
            protected.add(fs.decls[i].name.partition("@")[0])
        for i in fs.private:
            d = fs.decls[i]
            if d.name not in variants and ix.decls.get(d.name) is d:
                variants[d.name] = fi
    return protected
