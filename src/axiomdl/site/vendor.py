"""The graph-rendering library: vis-network, copied from the installed ``pyvis`` package.

Nothing third-party lives in this repository and nothing loads from a CDN: the
generator finds the files inside the installed registry package and copies
them (with their licence header intact) into the site.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from axiomdl.errors import AxiomdlError

VIS_VERSION = "9.1.2"
_FILES = ("vis-network.min.js", "vis-network.css")


def graph_library_dir() -> Path:
    """Folder of the vis-network build inside the installed pyvis package (not imported)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise AxiomdlError(
            "the explorer's graph view needs the `pyvis` package, which ships vis-network; "
            "install it with `pip install pyvis`"
        )
    for base in spec.submodule_search_locations:
        d = Path(base) / "templates" / "lib" / f"vis-{VIS_VERSION}"
        if all((d / f).is_file() for f in _FILES):
            return d
    raise AxiomdlError(
        f"the installed pyvis package does not ship vis-network {VIS_VERSION}; "
        "reinstall it with `pip install --force-reinstall pyvis`"
    )


def copy_graph_library(dest: Path) -> None:
    """Copy vis-network's script and stylesheet into ``dest/vis-network/``."""
    src = graph_library_dir()
    target = dest / "vis-network"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src / "vis-network.min.js", target / "vis-network.min.js")
    shutil.copyfile(src / "vis-network.css", target / "vis-network.min.css")
    (target / "NOTICE.txt").write_text(
        f"vis-network {VIS_VERSION} (https://github.com/visjs/vis-network), copied from the "
        "installed pyvis package.\nDual licensed under Apache-2.0 and MIT; see the header "
        "of vis-network.min.js.\n",
        encoding="utf-8",
    )
