"""Find ``lake``, ``lean`` and ``elan``; compare the found Lean with the ``lean-toolchain`` pin.

Everything that needs Lean calls :func:`require` first, which raises the one
"Lean toolchain needed" error (exit code 3) with install instructions. Every
subprocess run here has a timeout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from axiomdl.errors import EXIT_NO_LEAN, AxiomdlError

VERSION_TIMEOUT = 30
INSTALL_HINT = (
    "install elan (the Lean version manager): "
    "`curl https://raw.githubusercontent.com/leanprover/elan/master/elan-init.sh -sSf | sh`, "
    "then open a new shell so that ~/.elan/bin is on PATH; elan installs the Lean version "
    "pinned in lean-toolchain on first use"
)
_VERSION_RE = re.compile(r"version\s+(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)")
_PIN_RE = re.compile(r"v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\s*$")
TOOLS = ("lake", "lean", "elan")


@dataclass
class Toolchain:
    """What was found: tool paths, the Lean version, the pin and whether they agree."""

    paths: dict[str, Path | None] = field(default_factory=dict)
    lean_version: str | None = None
    pin: str | None = None
    pin_file: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def lake(self) -> Path | None:
        """The ``lake`` binary, if found."""
        return self.paths.get("lake")

    @property
    def lean(self) -> Path | None:
        """The ``lean`` binary, if found."""
        return self.paths.get("lean")

    @property
    def usable(self) -> bool:
        """``lake`` and ``lean`` are both present (elan is optional)."""
        return self.lake is not None and self.lean is not None

    @property
    def mismatch(self) -> str | None:
        """A warning when the found Lean differs from the pinned version, else None."""
        if self.pin and self.lean_version and self.pin != self.lean_version:
            return (
                f"lean-toolchain pins {self.pin} but `lean --version` reports "
                f"{self.lean_version}; results may differ (elan selects the pinned version "
                f"automatically when lean is elan's proxy)"
            )
        return None


def search_dirs() -> list[Path]:
    """PATH entries, then ``$ELAN_HOME/bin`` (default ``~/.elan/bin``)."""
    dirs = [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    elan_home = os.environ.get("ELAN_HOME")
    dirs.append(Path(elan_home) / "bin" if elan_home else Path.home() / ".elan" / "bin")
    return dirs


def which(tool: str) -> Path | None:
    """The first executable ``tool`` in :func:`search_dirs`."""
    for d in search_dirs():
        hit = shutil.which(tool, path=str(d))
        if hit:
            return Path(hit)
    return None


def read_pin(root: Path | None) -> tuple[str | None, Path | None]:
    """The version pinned by ``lean-toolchain`` in ``root`` or its parents."""
    if root is None:
        return None, None
    d = root if root.is_dir() else root.parent
    for cand in (d, *d.parents):
        f = cand / "lean-toolchain"
        if f.is_file():
            text = f.read_text(encoding="utf-8", errors="replace").strip()
            m = _PIN_RE.search(text)
            return (m.group(1) if m else text or None), f
    return None, None


def parse_version(text: str) -> str | None:
    """``Lean (version 4.35.0, x86_64-unknown-linux-gnu, …)`` → ``4.35.0``."""
    m = _VERSION_RE.search(text)
    return m.group(1) if m else None


def discover(root: Path | None = None) -> Toolchain:
    """Look for the tools and compare the Lean version with the pin under ``root``."""
    tc = Toolchain(paths={t: which(t) for t in TOOLS})
    tc.pin, tc.pin_file = read_pin(root)
    if tc.lean is not None:
        try:
            proc = subprocess.run(
                [str(tc.lean), "--version"],
                capture_output=True,
                text=True,
                timeout=VERSION_TIMEOUT,
                check=False,
                cwd=str(tc.pin_file.parent) if tc.pin_file else None,
            )
            tc.lean_version = parse_version(proc.stdout + proc.stderr)
            if tc.lean_version is None:
                tc.notes.append(f"could not read `lean --version` output: {proc.stdout.strip()!r}")
        except subprocess.TimeoutExpired:
            tc.notes.append(f"`lean --version` timed out after {VERSION_TIMEOUT}s")
        except OSError as e:
            tc.notes.append(f"cannot run {tc.lean}: {e.strerror}")
    return tc


SMOKE_TIMEOUT = 900
_SMOKE_SOURCE = (
    "-- axiomdl doctor: the toolchain elaborates a file that needs Init\n"
    "example : 2 + 2 = 4 := rfl\n"
)


def smoke_test(tc: Toolchain, timeout: float = SMOKE_TIMEOUT) -> str | None:
    """Elaborate a one-line file with ``lean``; None when it works, else why not.

    Finding the ``lean`` proxy proves little: elan may still have to download the
    pinned release, and a toolchain without its core library cannot elaborate
    anything. Checking a real file (which imports ``Init`` implicitly) proves both.
    The timeout is generous because elan's first download happens here.
    """
    import tempfile

    if tc.lean is None:
        return "`lean` was not found"
    with tempfile.TemporaryDirectory(prefix="axiomdl-smoke-") as d:
        f = Path(d) / "Smoke.lean"
        f.write_text(_SMOKE_SOURCE, encoding="utf-8")
        try:
            proc = subprocess.run(
                [str(tc.lean), str(f)],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
                cwd=str(tc.pin_file.parent) if tc.pin_file else d,
            )
        except subprocess.TimeoutExpired:
            return f"`lean` did not finish a one-line file within {timeout:.0f}s"
        except OSError as e:
            return f"cannot run {tc.lean}: {e.strerror}"
    if proc.returncode != 0:
        said = " ".join((proc.stderr + proc.stdout).split())[:300]
        return f"`lean` failed on a one-line file (exit {proc.returncode}): {said}"
    return None


def missing_message(tc: Toolchain, what: str) -> str:
    """The one-line error for a command that needs Lean."""
    gone = [t for t in ("lake", "lean") if tc.paths.get(t) is None]
    return (
        f"{what} needs a Lean toolchain, but {' and '.join(gone)} "
        f"{'is' if len(gone) == 1 else 'are'} not on PATH or in ~/.elan/bin; {INSTALL_HINT} "
        "(run `axiomdl doctor` to check)"
    )


def require(what: str, root: Path | None = None) -> Toolchain:
    """The toolchain, or exit 3 with install instructions; warns on a pin mismatch."""
    tc = discover(root)
    if not tc.usable:
        raise AxiomdlError(missing_message(tc, what), exit_code=EXIT_NO_LEAN)
    return tc


def lake_root(path: Path | None) -> Path:
    """The Lake project root: the nearest folder at or above ``path`` with a lakefile."""
    from axiomdl.scan.files import bundled_root

    if path is None:
        return bundled_root()
    d = path.resolve()
    if d.is_file():
        d = d.parent
    for cand in (d, *d.parents):
        if (cand / "lakefile.lean").is_file() or (cand / "lakefile.toml").is_file():
            return cand
    return d
