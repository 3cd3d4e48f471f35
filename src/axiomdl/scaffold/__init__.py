"""``axiomdl new PATH``: scaffold a researcher's Lean project that proves against AxiomDL.

The project requires AxiomDL from git (URL and revision are options: AxiomDL has no public
URL, so the default is a placeholder the README and the lakefile ask the user to set), pins
the same Lean release as the bundled library, holds one example theorem proved from two
library assumptions with a joint witness, an ``axiomdl.toml``, a GitHub workflow and a
README. Everything is written into a temporary folder first and moved into place at once:
never a half-written project.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from axiomdl.bundled import bundled_root
from axiomdl.errors import AxiomdlError

PLACEHOLDER_URL = "https://github.com/REPLACE-ME/axiomdl.git"
DEFAULT_REV = "main"
TEMPLATES = Path(__file__).resolve().parent / "templates"
_LIB = re.compile(r"[A-Z][A-Za-z0-9_]*\Z")
_SAFE_VALUE = re.compile(r'[^\s"\'\\]+\Z')


@dataclass
class Scaffold:
    """What ``new`` wrote: the folder, the library's name, and the files (relative)."""

    path: Path
    lib: str
    files: list[str] = field(default_factory=list)


def lib_name(folder: str) -> str:
    """The Lean library name for a folder: ``my-proofs`` → ``MyProofs``."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", folder) if w]
    name = "".join(w[:1].upper() + w[1:] for w in words)
    if not name or not name[0].isalpha():
        name = "Proofs" + name
    return name


def new_project(
    path: Path,
    *,
    name: str | None = None,
    url: str = PLACEHOLDER_URL,
    rev: str = DEFAULT_REV,
    lakefile: str = "toml",
) -> Scaffold:
    """Write the project into ``path`` (new, or an empty folder); exit 2 on bad input."""
    if path.exists() and not path.is_dir():
        raise AxiomdlError("exists and is not a folder", file=path)
    if path.is_dir() and any(path.iterdir()):
        raise AxiomdlError(
            "is not empty; `axiomdl new` writes into a new or empty folder", file=path
        )
    lib = name or lib_name(path.resolve().name)
    if not _LIB.match(lib):
        raise AxiomdlError(
            f"`{lib}` is not a library name (a capital letter, then letters, digits or `_`); "
            "choose one with --name"
        )
    for what, value in (("--axiomdl-url", url), ("--axiomdl-rev", rev)):
        if not _SAFE_VALUE.match(value):
            raise AxiomdlError(f"{what} `{value}` must be one word without quotes or spaces")
    if lakefile not in ("toml", "lean"):
        raise AxiomdlError(f"--lakefile must be toml or lean, not `{lakefile}`")
    package = path.resolve().name if re.fullmatch(r"[A-Za-z0-9_.-]+", path.resolve().name) else lib
    values = {
        "LIB": lib,
        "PACKAGE": package,
        "URL": url,
        "REV": rev,
        "LAKEFILE": f"lakefile.{lakefile}",
    }
    files = {
        f"lakefile.{lakefile}": f"lakefile.{lakefile}.tmpl",
        f"{lib}.lean": "LIB.lean.tmpl",
        f"{lib}/Basic.lean": "Basic.lean.tmpl",
        "axiomdl.toml": "axiomdl.toml.tmpl",
        "README.md": "README.md.tmpl",
        ".gitignore": "gitignore.tmpl",
        ".github/workflows/axiomdl.yml": "workflow.yml.tmpl",
    }
    toolchain = (bundled_root() / "lean-toolchain").read_text(encoding="utf-8")
    parent = path.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=parent))
    except OSError as e:
        raise AxiomdlError(f"cannot create the project: {e.strerror}", file=parent) from None
    try:
        for rel, template in files.items():
            text = (TEMPLATES / template).read_text(encoding="utf-8")
            for key, value in values.items():
                text = text.replace(f"%%{key}%%", value)
            _write(tmp / rel, text)
        _write(tmp / "lean-toolchain", toolchain)
        os.replace(tmp, path)  # onto a missing or empty folder: all files appear at once
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise AxiomdlError(f"cannot create the project: {e.strerror}", file=path) from None
    return Scaffold(path, lib, sorted([*files, "lean-toolchain"]))


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
