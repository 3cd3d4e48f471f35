"""The exporter's JSON Lines: validate, cache, and run the exporter incrementally.

One file per module is kept in ``<lake root>/.lake/axiomdl/modules/<Module>.jsonl``;
a module is exported again only when its ``.olean`` is newer than its JSONL. The
concatenation, ``.lake/axiomdl/export.jsonl``, is what exact mode reads.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from axiomdl.errors import AxiomdlError
from axiomdl.lean import proc
from axiomdl.lean.models import ExportDecl, ExportHeader
from axiomdl.lean.toolchain import Toolchain
from axiomdl.scan.cache import atomic_write_text
from axiomdl.scan.files import bundled_root

SCHEMA = "axiomdl-export/1"
EXE_NAME = "axiomdl-export"
_EXE_RE = re.compile(r"lean_exe\s+(?:«axiomdl-export»|\"axiomdl-export\"|axiomdl-export)")


@dataclass
class Export:
    """A parsed export: declarations by name, and what produced them."""

    decls: dict[str, ExportDecl] = field(default_factory=dict)
    lean_versions: set[str] = field(default_factory=set)
    modules: set[str] = field(default_factory=set)
    source: str = "<export>"
    # One line per name met twice: both origins; the first record is kept.
    duplicates: list[str] = field(default_factory=list)
    _origin: dict[str, int] = field(default_factory=dict, repr=False)

    def add(self, d: ExportDecl, line: int) -> None:
        """Keep ``d`` unless its name was seen; a repeat is a warning naming both origins.

        An old exporter (or an unusual environment) can emit a constant from two modules,
        for example a realized ``hcongr`` lemma. That is the exporter's fault, not the
        user's, so it must not stop exact mode: the first record wins and the user is told.
        """
        first = self.decls.get(d.name)
        if first is not None:
            self.duplicates.append(
                f"{self.source}:{line}: warning: `{d.name}` is exported twice: "
                f"first at line {self._origin[d.name]} (module {first.module}), again here "
                f"(module {d.module}); keeping the first"
            )
            return
        self.decls[d.name] = d
        self._origin[d.name] = line
        self.modules.add(d.module)

    def warn(self, quiet: bool = False) -> None:
        """Print the duplicate warnings on stderr (at most 20, then a count)."""
        if quiet:
            return
        for w in self.duplicates[:20]:
            print(f"axiomdl: {w}", file=sys.stderr)
        if len(self.duplicates) > 20:
            print(
                f"axiomdl: warning: {len(self.duplicates) - 20} more duplicate record(s)",
                file=sys.stderr,
            )


def cache_dir(lake_root: Path) -> Path:
    """Where exports of this project are cached."""
    return lake_root / ".lake" / "axiomdl"


def export_path(lake_root: Path) -> Path:
    """The combined export that exact mode reads by default."""
    return cache_dir(lake_root) / "export.jsonl"


def parse_export(lines: Iterable[str], source: str = "<export>") -> Export:
    """Validate JSON Lines against schema ``axiomdl-export/1``; errors name ``source:line``."""
    ex = Export(source=source)
    for i, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if '"type":"decl"' in line:  # fast path: validate in pydantic-core, no dict step
            try:
                d = ExportDecl.model_validate_json(line)
            except ValidationError:
                pass  # the slow path below reports the error precisely
            else:
                ex.add(d, i)
                continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise AxiomdlError(
                f"not JSON ({e.msg} at column {e.colno})", file=source, line=i
            ) from None
        if not isinstance(obj, dict):
            raise AxiomdlError("expected a JSON object per line", file=source, line=i)
        kind = obj.get("type")
        try:
            if kind == "header":
                h = ExportHeader.model_validate(obj)
                if h.lean_version:
                    ex.lean_versions.add(h.lean_version)
                if h.module:
                    ex.modules.add(h.module)
            elif kind == "decl":
                ex.add(ExportDecl.model_validate(obj), i)
            else:
                raise AxiomdlError(
                    f"unknown record type {kind!r} (expected 'header' or 'decl')",
                    file=source,
                    line=i,
                )
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "record"
            raise AxiomdlError(
                f"invalid {SCHEMA} record: {where}: {first['msg']}", file=source, line=i
            ) from None
    return ex


def load_export(path: Path) -> Export:
    """Read and validate an export file."""
    try:
        with path.open(encoding="utf-8") as fh:
            return parse_export(fh, source=str(path))
    except FileNotFoundError:
        raise AxiomdlError("no such export file", file=path) from None
    except UnicodeDecodeError:
        raise AxiomdlError("export file is not UTF-8 text", file=path) from None
    except OSError as e:
        raise AxiomdlError(f"cannot read export: {e.strerror}", file=path) from None


def exporter_command(lake: Path, lake_root: Path) -> list[str]:
    """``lake exe axiomdl-export`` if the project defines it, else run the bundled source."""
    for lf in ("lakefile.lean", "lakefile.toml"):
        p = lake_root / lf
        if p.is_file() and (
            _EXE_RE.search(p.read_text(encoding="utf-8", errors="replace"))
            or f'name = "{EXE_NAME}"' in p.read_text(encoding="utf-8", errors="replace")
        ):
            return [str(lake), "exe", EXE_NAME]
    src = bundled_root() / "exporter" / "AxiomdlExport.lean"
    return [str(lake), "env", "lean", "--run", str(src)]


def olean_path(lake_root: Path, module: str) -> Path:
    """Where Lake puts a module's ``.olean``."""
    return lake_root / ".lake" / "build" / "lib" / "lean" / (module.replace(".", "/") + ".olean")


def stale_modules(lake_root: Path, modules: Iterable[str], force: bool = False) -> list[str]:
    """Modules whose cached JSONL is missing or older than their ``.olean``."""
    mdir = cache_dir(lake_root) / "modules"
    out = []
    for m in sorted(set(modules)):
        j = mdir / f"{m}.jsonl"
        if force or not j.is_file():
            out.append(m)
            continue
        o = olean_path(lake_root, m)
        if o.is_file() and o.stat().st_mtime_ns > j.stat().st_mtime_ns:
            out.append(m)
    return out


def combine(lake_root: Path, modules: Iterable[str]) -> Path:
    """Concatenate the per-module files into the combined export (atomically)."""
    mdir = cache_dir(lake_root) / "modules"
    parts = []
    for m in sorted(set(modules)):
        p = mdir / f"{m}.jsonl"
        if p.is_file():
            parts.append(p.read_text(encoding="utf-8"))
    out = export_path(lake_root)
    atomic_write_text(out, "".join(s if s.endswith("\n") else s + "\n" for s in parts if s))
    return out


def run_export(
    tc: Toolchain,
    lake_root: Path,
    modules: list[str],
    *,
    force: bool = False,
    timeout: float = 1800.0,
    progress: Callable[[str], None] | None = None,
) -> tuple[Path, list[str]]:
    """Export the stale modules, then rebuild the combined file; return it and what ran."""
    assert tc.lake is not None
    say = progress or (lambda line: print(line, file=sys.stderr, flush=True))
    roots = sorted({m.split(".", 1)[0] for m in modules})
    stale = stale_modules(lake_root, modules, force)
    if stale:
        cmd = exporter_command(tc.lake, lake_root)
        for r in roots:
            cmd += ["--root", r]
        cmd += ["--out", str(cache_dir(lake_root) / "modules")]
        if len(stale) < len(set(modules)):
            for m in stale:
                cmd += ["--only", m]
        say(f"axiomdl: exporting {len(stale)} module(s): {' '.join(cmd[:4])} …")
        done = proc.run(cmd, cwd=lake_root, timeout=timeout, on_line=say)
        if done.returncode != 0:
            tail = (done.stderr.strip() or done.stdout.strip() or "no output").splitlines()[-1]
            raise AxiomdlError(
                f"the exporter failed (exit {done.returncode}): {tail}; run `lake build` and "
                "fix the build first",
                file=lake_root,
            )
    return combine(lake_root, modules), stale
