"""Find a project's Lean files and read them, turning bad bytes into one-line problems."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from axiomdl.errors import AxiomdlError

_SKIP_DIRS = {".lake", "lake-packages", ".git", "build", "node_modules", "__pycache__"}
_SRC_DIR = re.compile(r"""srcDir\s*(?::=|=)\s*"([^"]+)\"""")


@dataclass(slots=True, frozen=True)
class SourceFile:
    """One ``.lean`` file: where it is and the module name Lean gives it."""

    path: str  # a plain string: 5,000 Path objects cost more than the stats themselves
    rel: str
    module: str


def bundled_root() -> Path:
    """The AxiomDL library shipped with this package (source checkout or installed wheel)."""
    here = Path(__file__).resolve()
    checkout = here.parents[3]
    if (checkout / "lakefile.lean").is_file() and (checkout / "lean").is_dir():
        return checkout
    return here.parents[1] / "_bundled"


def source_root(root: Path) -> Path:
    """The directory modules are named from: the lakefile's ``srcDir``, else the root."""
    for lf in ("lakefile.lean", "lakefile.toml"):
        p = root / lf
        if p.is_file():
            try:
                m = _SRC_DIR.search(p.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                m = None
            if m and (root / m.group(1)).is_dir():
                return root / m.group(1)
    return root


def discover(path: Path) -> tuple[Path, list[SourceFile]]:
    """Return the project root and its Lean files, sorted by relative path."""
    if not path.exists():
        raise AxiomdlError(f"no such file or directory: {path}", file=None)
    if path.is_file():
        if path.suffix != ".lean":
            raise AxiomdlError(f"{path} is not a .lean file or a directory")
        return path.parent, [SourceFile(str(path), path.name, path.stem)]
    root = path
    src = source_root(root)
    if src != root:
        # a Lake project: its library lives in srcDir (tests and tools elsewhere are not part of it)
        root = src
    src_prefix = "" if src == root else src.relative_to(root).as_posix() + "/"
    out: list[SourceFile] = []
    stack: list[tuple[str, str]] = [(str(root), "")]
    while stack:
        d, rel_dir = stack.pop()
        try:
            with os.scandir(d) as it:
                entries = list(it)
        except OSError as e:
            raise AxiomdlError(f"cannot read directory: {e.strerror}", file=d) from None
        for e in entries:
            name = e.name
            if e.is_dir():
                if name not in _SKIP_DIRS and not name.startswith("."):
                    stack.append((e.path, f"{rel_dir}{name}/"))
            elif name.endswith(".lean") and name != "lakefile.lean":
                rel = rel_dir + name
                mod_rel = (
                    rel[len(src_prefix) :] if src_prefix and rel.startswith(src_prefix) else rel
                )
                out.append(SourceFile(e.path, rel, mod_rel[:-5].replace("/", ".")))
    if not out:
        raise AxiomdlError(f"no .lean files found under {path}")
    out.sort(key=lambda s: s.rel)
    return root, out


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
