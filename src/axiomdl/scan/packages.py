"""Where an imported module lives: the project's Lake packages, then the bundled library.

Lake records a workspace's resolved dependencies in ``lake-manifest.json``
(``Lake/Load/Manifest.lean``): every package, inherited ones included, with its
``type``: ``git`` packages are checked out at ``<packagesDir>/<name>`` (under
``subDir`` if set) at ``rev``; ``path`` packages live at ``dir``, relative to the
project. Each package's own lakefile says which modules its libraries hold
(``lean_lib`` roots and globs, under ``srcDir``): module ``A.B.C`` of a library is
the file ``<package>/<srcDir>/A/B/C.lean``. Without a manifest, the folders under
``.lake/packages`` (or the old ``lake-packages``) are read as packages.

``import AxiomDL…`` with no package providing it resolves to the AxiomDL library
shipped with this tool. Core (``Init``, ``Std``, ``Lean``, ``Lake``) is never read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from axiomdl.bundled import bundled_root
from axiomdl.scan.lake import LakeConfigError, LeanLib, load_lake_config

MANIFEST = "lake-manifest.json"
PACKAGE_DIRS = (".lake/packages", "lake-packages")
CORE_ROOTS = frozenset({"Init", "Std", "Lean", "Lake"})
BUNDLED_NAME = "axiomdl"


@dataclass(slots=True, frozen=True)
class InputWarning:
    """One problem with the project's dependencies: where, and what (never fatal)."""

    file: str
    line: int | None
    code: str
    message: str


@dataclass
class Package:
    """One dependency: where its sources are, which version, which modules it holds."""

    name: str
    root: Path
    kind: str  # git | path | folder (no manifest) | bundled
    rev: str | None = None
    libs: list[LeanLib] = field(default_factory=list)
    # its lakefile could not be read: modules are looked up under its root (Lake's default)
    note: str | None = None
    lakefile: Path | None = None

    @property
    def cache_key(self) -> str:
        """What identifies its sources: name and manifest revision, else its folder."""
        if self.kind == "git" and self.rev:
            return f"{self.name}@{self.rev}"
        return f"{self.name}@{self.kind}:{self.root.resolve()}"

    @property
    def roots(self) -> set[str]:
        """The first components of the modules its libraries hold."""
        out = {r.split(".")[0] for lib in self.libs for r in lib.roots}
        return out | {g.module.split(".")[0] for lib in self.libs for g in lib.globs}

    def candidates(self, module: str) -> list[Path]:
        """Where ``module`` would be, for each library that would hold it."""
        rel = module.replace(".", "/") + ".lean"
        if not self.libs:
            return [self.root / rel]
        out: list[Path] = []
        for lib in self.libs:
            if lib.is_local(module):
                p = self.root / lib.src_dir / rel if lib.src_dir != "." else self.root / rel
                if p not in out:
                    out.append(p)
        return out


@dataclass
class PackageIndex:
    """The project's packages in lookup order, and what was wrong on the way."""

    root: Path
    packages: list[Package] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    manifest: bool = False  # a manifest was read: the dependencies were fetched
    missing: list[str] = field(default_factory=list)  # manifest packages with no checkout
    own_roots: set[str] = field(default_factory=set)

    def locate(self, module: str) -> tuple[Package, Path] | None:
        """The package file that holds ``module``, or None (core and unknown modules)."""
        if module.split(".")[0] in CORE_ROOTS:
            return None
        for pkg in self.packages:
            for p in pkg.candidates(module):
                if p.is_file():
                    return pkg, p
        return None

    def probes(self, module: str) -> list[Path]:
        """Every path ``module`` was looked for at (if one appears, the answer changes)."""
        return [p for pkg in self.packages for p in pkg.candidates(module)]

    def owner(self, module: str) -> Package | None:
        """A package whose libraries claim ``module``'s root (it should hold the module)."""
        first = module.split(".")[0]
        return next((p for p in self.packages if p.libs and first in p.roots), None)


def load_packages(root: Path, own_roots: set[str] | None = None) -> PackageIndex:
    """The packages of the project at ``root``: its manifest's (or the folders under
    ``.lake/packages``), then the bundled AxiomDL library unless one of them has it."""
    idx = PackageIndex(root, own_roots=set(own_roots or ()))
    manifest = root / MANIFEST
    entries = _read_manifest(manifest, idx) if manifest.is_file() else None
    if entries is not None:
        idx.manifest = True
        text = manifest.read_text(encoding="utf-8", errors="replace")
        pkg_dir = entries[1]
        for entry in entries[0]:
            pkg = _from_entry(root, pkg_dir, entry, manifest, text, idx)
            if pkg is not None:
                idx.packages.append(pkg)
    else:
        for d in PACKAGE_DIRS:
            base = root / d
            if base.is_dir():
                for sub in sorted(base.iterdir()):
                    if sub.is_dir() and not sub.name.startswith("."):
                        idx.packages.append(_loaded(Package(sub.name, sub, "folder")))
    for pkg in idx.packages:
        if pkg.note is not None:  # Lake's default: modules under the package's folder
            idx.warnings.append(
                InputWarning(
                    _rel(root, pkg.lakefile or pkg.root),
                    int(m.group(1)) if (m := re.search(r"at line (\d+)", pkg.note)) else None,
                    "lakefile",
                    f"package `{pkg.name}`: {pkg.note}; its modules are looked for under "
                    "its folder",
                )
            )
    if not any("AxiomDL" in p.roots for p in idx.packages) and not _inside_bundled(root):
        idx.packages.append(_loaded(Package(BUNDLED_NAME, bundled_root(), "bundled")))
    return idx


def _inside_bundled(root: Path) -> bool:
    """Scanning (part of) the bundled library itself: its imports are its own."""
    lib = (bundled_root() / "lean").resolve()
    here = root.resolve()
    return here == lib or lib in here.parents or here == lib.parent


def _loaded(pkg: Package) -> Package:
    """Read the package's lakefile for its libraries (a note if it cannot be read)."""
    try:
        cfg = load_lake_config(pkg.root)
    except LakeConfigError as e:
        pkg.note = str(e).removeprefix(f"{e.file.name}: ")
        pkg.lakefile = e.file
        return pkg
    if cfg is not None:
        pkg.libs = list(cfg.libraries)
    return pkg


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _line_of(text: str, needle: str) -> int | None:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _read_manifest(path: Path, idx: PackageIndex) -> tuple[list[dict], str] | None:
    """(package entries, packagesDir), or None with a warning if the file is malformed."""
    rel = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as e:
        idx.warnings.append(InputWarning(rel, None, "manifest", f"not valid UTF-8 ({e.reason})"))
        return None
    except json.JSONDecodeError as e:
        idx.warnings.append(
            InputWarning(
                rel, e.lineno, "manifest", f"not valid JSON ({e.msg}); dependencies not read"
            )
        )
        return None
    except OSError as e:
        idx.warnings.append(InputWarning(rel, None, "manifest", f"cannot read it ({e.strerror})"))
        return None
    packages = data.get("packages", []) if isinstance(data, dict) else None
    if not isinstance(packages, list):
        idx.warnings.append(
            InputWarning(
                rel,
                1,
                "manifest",
                "expected an object with a `packages` array; dependencies not read",
            )
        )
        return None
    pkg_dir = data.get("packagesDir")
    if not isinstance(pkg_dir, str) or not pkg_dir:
        pkg_dir = next((d for d in PACKAGE_DIRS if (idx.root / d).is_dir()), PACKAGE_DIRS[0])
    return [e for e in packages if isinstance(e, dict)], pkg_dir


def _from_entry(
    root: Path, pkg_dir: str, entry: dict, manifest: Path, text: str, idx: PackageIndex
) -> Package | None:
    name = entry.get("name")
    kind = entry.get("type")
    if not isinstance(name, str) or not name or kind not in ("git", "path"):
        line = _line_of(text, json.dumps(name)) if isinstance(name, str) else None
        idx.warnings.append(
            InputWarning(
                manifest.name,
                line,
                "manifest",
                f"package entry {name!r} has no name or an unknown type {kind!r}; skipped",
            )
        )
        return None
    line = _line_of(text, f'"name": {json.dumps(name)}')
    if kind == "git":
        where = root / pkg_dir / name
        sub = entry.get("subDir")
        if isinstance(sub, str) and sub:
            where = where / sub
        rev = entry.get("rev") if isinstance(entry.get("rev"), str) else None
    else:
        d = entry.get("dir")
        if not isinstance(d, str) or not d:
            idx.warnings.append(
                InputWarning(manifest.name, line, "manifest", f"path package `{name}` has no `dir`")
            )
            return None
        where, rev = root / d, None
    if not where.is_dir():
        shown = _rel(root, where)
        idx.missing.append(name)
        idx.warnings.append(
            InputWarning(
                manifest.name,
                line,
                "package",
                f"package `{name}` has no checkout at {shown} (run `lake update`); "
                "its modules are not read",
            )
        )
        return None
    return _loaded(Package(name, where, kind, rev))
