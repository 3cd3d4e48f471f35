"""Which scanned files ``lake`` compiles: those its targets reach through imports.

Lake builds each library's glob-selected modules and every local module they import
(``LeanLibConfig.globs``), and each executable's root with its imports. A file in a
source folder that no target reaches is never compiled, so its proofs are never
checked: ``lint`` warns about it.
"""

from __future__ import annotations

from axiomdl.scan.lake import LakeConfig
from axiomdl.scan.records import FileScan


def _src_dir_of(path: str, src_dirs: list[str]) -> str:
    """The most specific source folder holding ``path`` (``.`` holds everything)."""
    hits = [d for d in src_dirs if d != "." and path.startswith(d + "/")]
    return max(hits, key=len) if hits else "."


def built_files(files: list[FileScan], lake: LakeConfig) -> set[int]:
    """Indices of the files some Lake target compiles (its globs or root, then imports)."""
    src_dirs = sorted({t.src_dir for t in (*lake.libraries, *lake.executables)})
    by_module: dict[str, list[int]] = {}
    folder: list[str] = []
    for i, fs in enumerate(files):
        by_module.setdefault(fs.module, []).append(i)
        folder.append(_src_dir_of(fs.path, src_dirs))
    todo: list[int] = []
    for i, fs in enumerate(files):
        for lib in lake.libraries:
            if folder[i] == lib.src_dir and any(g.matches(fs.module) for g in lib.globs):
                todo.append(i)
        for exe in lake.executables:
            if folder[i] == exe.src_dir and fs.module == exe.root:
                todo.append(i)
    seen = set(todo)
    while todo:
        fs = files[todo.pop()]
        for mod, _ in fs.imports:
            for j in by_module.get(mod, ()):
                if j not in seen:
                    seen.add(j)
                    todo.append(j)
    return seen
