"""Find a project's Lean files and read them, turning bad bytes into one-line problems."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from axiomdl.bundled import bundled_root  # noqa: F401 (re-exported)
from axiomdl.errors import AxiomdlError
from axiomdl.scan.lake import LAKEFILES, LakeConfig, LakeConfigError, load_lake_config

_SKIP_DIRS = {".lake", "lake-packages", ".git", "build", "node_modules", "__pycache__"}


@dataclass(slots=True, frozen=True)
class SourceFile:
    """One ``.lean`` file: where it is and the module name Lean gives it."""

    path: str  # a plain string: 5,000 Path objects cost more than the stats themselves
    rel: str
    module: str


@dataclass(slots=True)
class Discovery:
    """What to scan: the project root, its Lean files, and what was learnt on the way."""

    root: Path
    sources: list[SourceFile]
    lake: LakeConfig | None = None
    # the configuration exists but could not be understood: the whole tree is scanned
    note: str | None = None
    # (path relative to the root, why): special files, symlink loops -- skipped
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # (target, message): a library or executable whose sources are missing
    missing: list[tuple[str, str]] = field(default_factory=list)


def discover(path: Path) -> Discovery:
    """The project root and its Lean files (sorted by path), as Lake would build them.

    With a Lake configuration, every ``lean_lib`` and ``lean_exe`` source folder is
    walked and modules are named from their folder; without one (or when it cannot be
    understood, which ``note`` says) every ``.lean`` file under ``path`` is scanned.
    """
    if not path.exists():
        raise AxiomdlError(f"no such file or directory: {path}", file=None)
    if path.is_file():
        if path.suffix != ".lean":
            raise AxiomdlError(f"{path} is not a .lean file or a directory")
        return Discovery(path.parent, [SourceFile(str(path), path.name, path.stem)])
    root = path
    found = Discovery(root, [])
    try:
        found.lake = load_lake_config(root)
    except LakeConfigError as e:
        found.note = f"{e}; scanning every .lean file under {root}"
    walker = _Walker(root, found)
    if found.lake is None:
        walker.walk(root, "", "")
    else:
        dirs = sorted({t.src_dir for t in (*found.lake.libraries, *found.lake.executables)})
        walker.other_sources = {(root / d).resolve() for d in dirs if d != "."}
        for d in dirs:
            src = root / d
            if not src.is_dir():
                for t in (*found.lake.libraries, *found.lake.executables):
                    if t.src_dir == d:
                        found.missing.append((t.name, f"source folder `{d}` does not exist"))
                continue
            prefix = "" if d == "." else d + "/"
            walker.walk(src, prefix, prefix)
        _check_roots(found)
    if not found.sources:
        raise AxiomdlError(f"no .lean files found under {path}")
    found.sources.sort(key=lambda s: s.rel)
    return found


def _check_roots(found: Discovery) -> None:
    """Name every target whose root module has no file (Lake could not build it)."""
    assert found.lake is not None
    modules = {s.module for s in found.sources}
    for lib in found.lake.libraries:
        for r in lib.roots:
            if r not in modules and not any(m.startswith(r + ".") for m in modules):
                found.missing.append(
                    (lib.name, f"root module `{r}` has no file in `{lib.src_dir}`")
                )
    for exe in found.lake.executables:
        if exe.root not in modules:
            found.missing.append(
                (exe.name, f"root module `{exe.root}` has no file in `{exe.src_dir}`")
            )


class _Walker:
    """Walk folders for ``.lean`` files: never into a loop, never opening a FIFO."""

    def __init__(self, root: Path, found: Discovery) -> None:
        self.root = root
        self.found = found
        self.seen_dirs: set[tuple[int, int]] = set()
        self.other_sources: set[Path] = set()

    def walk(self, start: Path, rel_prefix: str, src_prefix: str) -> None:
        """Add the ``.lean`` files under ``start`` (``rel_prefix``: its path from the root)."""
        lake = self.found.lake is not None
        stack: list[tuple[str, str]] = [(str(start), rel_prefix)]
        try:
            st = os.stat(start)
            self.seen_dirs.add((st.st_dev, st.st_ino))
        except OSError:
            pass
        out = self.found.sources
        while stack:
            d, rel_dir = stack.pop()
            try:
                with os.scandir(d) as it:
                    entries = list(it)
            except OSError as e:
                raise AxiomdlError(f"cannot read directory: {e.strerror}", file=d) from None
            for e in entries:
                name = e.name
                try:
                    is_file = e.is_file()
                    is_dir = not is_file and e.is_dir()
                except OSError as err:  # a symlink loop: is_file() follows it and fails
                    if name.endswith(".lean"):
                        self._skip(rel_dir + name, err)
                    continue
                if is_file:
                    if name.endswith(".lean") and name != "lakefile.lean":
                        rel = rel_dir + name
                        mod_rel = rel[len(src_prefix) :] if rel.startswith(src_prefix) else rel
                        out.append(SourceFile(e.path, rel, mod_rel[:-5].replace("/", ".")))
                elif is_dir:
                    if name in _SKIP_DIRS or name.startswith("."):
                        continue
                    if lake and (
                        any((Path(e.path) / lf).is_file() for lf in LAKEFILES)  # a nested package
                        or Path(e.path).resolve() in self.other_sources
                    ):
                        continue
                    try:
                        st = os.stat(e.path)
                    except OSError as err:
                        self._skip(rel_dir + name, err)
                        continue
                    key = (st.st_dev, st.st_ino)
                    if key in self.seen_dirs:
                        self.found.skipped.append(
                            (rel_dir + name, "a symlink back to a folder already scanned (a loop)")
                        )
                        continue
                    self.seen_dirs.add(key)
                    stack.append((e.path, f"{rel_dir}{name}/"))
                elif name.endswith(".lean"):
                    self._special(e.path, rel_dir + name)

    def _special(self, path: str, rel: str) -> None:
        """A ``*.lean`` entry that is not a regular file: say what it is, never open it."""
        try:
            mode = os.stat(path).st_mode
        except OSError as err:
            self._skip(rel, err)
            return
        kind = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "not a regular file"
        )
        self.found.skipped.append((rel, f"{kind}, not a source file"))

    def _skip(self, rel: str, err: OSError) -> None:
        why = (
            "a symlink loop"
            if err.errno == errno.ELOOP
            else "a broken symlink"
            if err.errno == errno.ENOENT
            else f"cannot read it: {err.strerror}"
        )
        self.found.skipped.append((rel, why))


def decode(data: bytes) -> tuple[str | None, tuple[int, str] | None]:
    """Decode file bytes as UTF-8, or say (line, why) it cannot be read as Lean source."""
    if b"\x00" in data[:65536] or b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, (line, "binary file (contains NUL bytes); not Lean source")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return None, (line, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None
