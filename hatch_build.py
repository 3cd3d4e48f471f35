"""Build hook: compile the scanner's optional C core (``axiomdl.scan._cscan``).

The pure-Python scanner is the reference and always ships; the compiled core only
makes it faster. Without a C compiler (or with ``AXIOMDL_PURE_PYTHON=1``) the
build still succeeds and prints why the core was left out.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_SOURCE = Path("src/axiomdl/scan/_cscan.c")
_MODULE = "axiomdl.scan._cscan"


def compile_extension(root: Path, out_dir: Path) -> Path:
    """Compile the C core into ``out_dir`` with setuptools' portable build_ext."""
    from setuptools import Distribution, Extension

    ext = Extension(_MODULE, [str(root / _SOURCE)], extra_compile_args=_cflags())
    dist = Distribution({"name": "axiomdl-cscan", "ext_modules": [ext]})
    cmd = dist.get_command_obj("build_ext")
    cmd.build_lib = str(out_dir)
    cmd.build_temp = str(out_dir / "tmp")
    cmd.ensure_finalized()
    cmd.run()
    return Path(cmd.get_ext_fullpath(_MODULE))


def _cflags() -> list[str]:
    return [] if os.name == "nt" else ["-O2", "-std=c99", "-Wno-unused-function"]


class NativeScannerHook(BuildHookInterface):
    """Adds the compiled scanner to wheels; falls back to pure Python when it cannot."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        if os.environ.get("AXIOMDL_PURE_PYTHON"):
            self.app.display_info(
                "axiomdl: AXIOMDL_PURE_PYTHON set; the C scanner core is left out"
            )
            return
        root = Path(self.root)
        tmp = Path(tempfile.mkdtemp(prefix="axiomdl-cscan-"))
        try:
            built = compile_extension(root, tmp)
        except Exception as e:  # no compiler, no headers: the reference scanner still works
            self.app.display_warning(
                f"axiomdl: C scanner core not built ({type(e).__name__}: {e}); "
                "the pure-Python scanner will be used (same results, slower)"
            )
            shutil.rmtree(tmp, ignore_errors=True)
            return
        rel = f"axiomdl/scan/{built.name}"
        if version == "editable":
            # editable installs import from src/: put the module next to its source
            dest = root / "src" / rel
            shutil.copyfile(built, dest)
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            build_data["force_include"][str(built)] = rel
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
