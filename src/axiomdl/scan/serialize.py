"""A resolved project as plain tuples, for a cache that loads in C speed.

Unpickling dataclasses runs Python per object; tuples, dicts and strings do not.
The no-change rescan path loads this form and rebuilds the records in one pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axiomdl.scan.cache import gc_paused
from axiomdl.scan.project import Project, Refs
from axiomdl.scan.records import Context, FileScan, OpenDirective, RawDecl


def _decl_state(d: RawDecl) -> dict:
    # The instance dict itself (raw name sets dropped): pickle rebuilds dicts in C.
    return {**d.__dict__, "hyp": set(), "concl": set(), "proof": set(), "binder_heads": {}}


_NEW = object.__new__


def _decl_from(state: dict) -> RawDecl:
    d = _NEW(RawDecl)
    d.__dict__ = state
    return d


def _ctx_state(c: Context) -> tuple:
    return (
        c.namespace,
        tuple((o.namespace, o.base, o.only, o.hiding, o.renaming) for o in c.opens),
    )


def _ctx_from(t: tuple) -> Context:
    return Context(t[0], tuple(OpenDirective(*o) for o in t[1]))


def project_state(p: Project) -> tuple:
    """Everything queries and reports need, without the raw per-file name sets."""
    files = [
        (
            fs.path,
            fs.module,
            [_decl_state(d) for d in fs.decls],
            [_ctx_state(c) for c in fs.contexts],
            fs.imports,
            fs.autoimplicit_off,
            fs.module_doc,
            fs.problems,
            fs.aliases,
            tuple(fs.namespaces),
            fs.size,
            (fs.is_module, fs.imports_all, fs.private, fs.protected, fs.anon_instances, fs.renamed),
            fs.package,
        )
        for fs in p.files
    ]
    refs = {n: (r.hyp, r.concl, r.proof, r.external) for n, r in p.refs.items()}
    extras = {"packages": p.packages, "warnings": p.warnings}
    return (files, p.decl_file, refs, p.duplicates, extras)


def project_from_state(root: Path, state: Any) -> Project:
    """Rebuild a Project from :func:`project_state` output."""
    with gc_paused():
        return _rebuild(root, state)


def _rebuild(root: Path, state: Any) -> Project:
    files_s, decl_file, refs_s, duplicates, extras = state
    files: list[FileScan] = []
    decls: dict[str, RawDecl] = {}
    for fi, t in enumerate(files_s):
        fs = FileScan(path=t[0], module=t[1])
        fs.decls = [_decl_from(x) for x in t[2]]
        fs.contexts = [_ctx_from(x) for x in t[3]]
        fs.imports, fs.autoimplicit_off, fs.module_doc, fs.problems, fs.aliases = (
            t[4],
            t[5],
            t[6],
            t[7],
            t[8],
        )
        fs.namespaces, fs.size = set(t[9]), t[10]
        (
            fs.is_module,
            fs.imports_all,
            fs.private,
            fs.protected,
            fs.anon_instances,
            fs.renamed,
        ) = t[11]
        fs.package = t[12]
        files.append(fs)
        for d in fs.decls:
            if decl_file.get(d.name) == fi and d.name not in decls:
                decls[d.name] = d
    refs = {}
    for n, (h, c, pr, e) in refs_s.items():
        r = _NEW(Refs)
        r.__dict__ = {"hyp": h, "concl": c, "proof": pr, "external": e}
        refs[n] = r
    return Project(
        root,
        files,
        decls,
        decl_file,
        refs,
        duplicates,
        packages=extras["packages"],
        warnings=extras["warnings"],
    )
