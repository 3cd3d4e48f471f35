"""Write the static explorer: four page shells, the data files, evidence plots and assets.

The site is a small single-page app per view (index, declaration, graph, guide):
the shells are fixed HTML, and every declaration is rendered in the browser from
sharded data (see :mod:`axiomdl.site.payload`), so a 40,000-declaration project
gives a few hundred files rather than one page each.

The site is built in a temporary sibling folder and moved into place at the
end, so OUT is either the previous site or the complete new one, never half.
A non-empty OUT that is not an axiomdl site is refused rather than clobbered.
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape

from axiomdl import __version__
from axiomdl.errors import AxiomdlError
from axiomdl.session import Session
from axiomdl.site import render
from axiomdl.site.data import HYP_ROLES, ROLES, Measured, SiteData, collect
from axiomdl.site.guide import worked_example
from axiomdl.site.payload import SHARD, write_data
from axiomdl.weakest import STATUS_ORDER

MARKER = ".axiomdl-site"
_ASSETS = ("site.css", "common.js", "index.js", "decl.js", "graph.js")
_VENDOR = ("dagre.min.js", "dagre.LICENSE.txt", "markdown-it.min.js", "markdown-it.LICENSE.txt")
_STATUS_CLASS = re.compile(r"[^a-z-]")
_PLOT_SUFFIXES = (".png", ".svg")

# (what is done, how much of it) → a progress bar in the CLI; None when nobody watches.
Progress = Callable[[str, int], None]


@dataclass(slots=True)
class SiteResult:
    """What was written, for the command's one-line summary."""

    out: Path
    pages: int
    declarations: int
    files: int
    seconds: float


@functools.cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("axiomdl.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["status_class"] = status_class
    env.filters["decl_url"] = decl_url
    return env


def status_class(status: str | None) -> str:
    """A CSS class fragment from a free-text status (only ``[a-z-]`` survives)."""
    return _STATUS_CLASS.sub("", (status or "").lower())[:40] or "unknown"


def decl_url(name: str) -> str:
    """The declaration view's URL (relative to the site root)."""
    return "decl.html#name=" + quote(name, safe="")


def project_title(project: Path | None) -> str:
    """What the pages call the project: its folder's name, or deep learning for the bundled one."""
    if project is None:
        return "deep learning"
    return project.resolve().name or str(project)


def build_site(
    s: Session,
    out: Path,
    *,
    label: str,
    title: str | None = None,
    repo_url: str | None = None,
    evidence: dict | None = None,
    progress: Progress | None = None,
    include_deps: bool = False,
) -> SiteResult:
    """Scan results of ``s`` (and probe evidence, if any) → a static site in ``out``.

    The project's own declarations and what they rest on in its dependencies are shown;
    ``include_deps`` shows every declaration read."""
    if progress:
        progress("collect", 0)
    sd = collect(s, label, title, include_deps=include_deps)
    if evidence:
        sd.measured = measured_map(sd, evidence)
    return write_site(sd, out, repo_url=repo_url, progress=progress)


def measured_map(sd: SiteData, evidence: dict) -> dict[str, Measured]:
    """Each probed assumption's measured verdict, plots and reproducing command."""
    from axiomdl.probes.evidence import disagrees, measured_for

    out: dict[str, Measured] = {}
    for name, n in sd.nodes.items():
        if n.role not in HYP_ROLES:
            continue
        probe = n.meta.get("probe")
        text = measured_for(name, probe, evidence)
        if not text or probe is None:
            continue
        ev = evidence[probe]
        base = Path(ev.file).parent.resolve()
        plots = []
        for rel in ev.plots:
            p = (base / rel).resolve()
            # Only image files inside the result's own folder: result.json is input too.
            if p.suffix.lower() in _PLOT_SUFFIXES and p.is_relative_to(base) and p.is_file():
                plots.append(p)
        pngs = [p for p in plots if p.suffix.lower() == ".png"]
        command = f"axiomdl probe {probe} --seed {ev.seed}" + (" --quick" if ev.quick else "")
        out[name] = Measured(
            text=text,
            disagrees=disagrees(n.meta.get("status"), text),
            plots=pngs or plots,
            command=command,
        )
    return out


def write_site(
    sd: SiteData,
    out: Path,
    *,
    repo_url: str | None = None,
    progress: Progress | None = None,
) -> SiteResult:
    """Render ``sd`` into ``out`` atomically (see the module docstring)."""
    t0 = time.perf_counter()
    if repo_url is not None:
        problem = render.check_repo_url(repo_url)
        if problem:
            raise AxiomdlError(problem)
    _check_target(out)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        _render_all(sd, tmp, repo_url, progress)
        files = sum(1 for p in tmp.rglob("*") if p.is_file())
        _swap_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return SiteResult(
        out=out,
        pages=4,
        declarations=len(sd.nodes),
        files=files,
        seconds=time.perf_counter() - t0,
    )


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise AxiomdlError("output exists and is not a folder", file=out)
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise AxiomdlError(
            "output folder is not empty and is not an axiomdl site; "
            "choose an empty or new folder (nothing was written)",
            file=out,
        )


def _swap_into_place(tmp: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{time.time_ns()}")
        out.rename(old)
    tmp.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _copy_plots(sd: SiteData, root: Path) -> dict[str, list[str]]:
    """Copy each probe plot once into ``evidence/``; return assumption → plot URLs."""
    urls: dict[str, list[str]] = {}
    copied: dict[Path, str] = {}
    for name, m in sorted(sd.measured.items()):
        for p in m.plots:
            if p not in copied:
                rel = f"evidence/{len(copied)}-{re.sub(r'[^A-Za-z0-9_.-]', '_', p.name)}"
                (root / "evidence").mkdir(exist_ok=True)
                shutil.copyfile(p, root / rel)
                copied[p] = rel
            urls.setdefault(name, []).append(copied[p])
    return urls


def _render_all(
    sd: SiteData,
    root: Path,
    repo_url: str | None,
    progress: Progress | None,
) -> None:
    env = _env()
    common = {
        "label": sd.label,
        "title": sd.title,
        "mode": sd.mode,
        "version": __version__,
        "roles": ROLES,
        "status_order": STATUS_ORDER,
    }
    (root / "assets" / "vendor").mkdir(parents=True)
    here = Path(__file__).parent / "assets"
    for name in _ASSETS:
        shutil.copyfile(here / name, root / "assets" / name)
    for name in _VENDOR:
        shutil.copyfile(here / "vendor" / name, root / "assets" / "vendor" / name)
    (root / "assets" / "vendor" / "NOTICE.txt").write_text(_NOTICE, encoding="utf-8")
    plot_urls = _copy_plots(sd, root)
    tick = None
    if progress:
        progress("data", len(sd.nodes))

        def tick(n: int) -> None:
            progress("advance", n)

    write_data(sd, root, repo_url, plot_urls, tick)
    pages = {
        "index.html": _index_context(sd),
        "decl.html": {},
        "graph.html": {},
        "guide.html": {"example": worked_example(sd)},
    }
    for page, ctx in pages.items():
        html = env.get_template(page).render(**common, **ctx)
        (root / page).write_text(html, encoding="utf-8")
    (root / MARKER).write_text(f"axiomdl {__version__} explorer\n", encoding="utf-8")


_NOTICE = """Third-party files in this folder, copied unchanged from their registry packages:

dagre.min.js: @dagrejs/dagre 3.1.3 (npm), graph layout. MIT licence, see dagre.LICENSE.txt.
markdown-it.min.js: markdown-it 15.0.3 (npm, dist/browser/markdown-it.umd.min.js), Markdown
rendering with raw HTML disabled. MIT licence, see markdown-it.LICENSE.txt.
"""


def _index_context(sd: SiteData) -> dict[str, object]:
    roles = Counter(n.role for n in sd.nodes.values())
    hyps = [n for n in sd.nodes.values() if n.role in HYP_ROLES]
    statuses = [st for st in STATUS_ORDER if any(n.meta.get("status") == st for n in hyps)]
    statuses += sorted({n.meta["status"] for n in hyps if n.meta.get("status")} - set(statuses))
    areas = sorted({n.area or "(none)" for n in hyps})
    matrix = []
    for area in areas:
        row = [
            sum(1 for n in hyps if (n.area or "(none)") == area and n.meta.get("status") == st)
            for st in statuses
        ]
        total = sum(1 for n in hyps if (n.area or "(none)") == area)
        matrix.append((area, row, total))
    rows = []
    for n in sorted(hyps, key=lambda n: n.name):
        m = sd.measured.get(n.name)
        rows.append(
            {
                "name": n.name,
                "role": n.role,
                "area": n.area,
                "status": n.meta.get("status"),
                "required_by": len(sd.impact[n.name].statement),
                "used_by": sd.used_by.get(n.name, 0),
                "measured": (m.text, m.disagrees) if m else None,
            }
        )
    return {
        "counts": {
            "total": len(sd.nodes),
            "roles": [(r, roles[r]) for r in ROLES if roles[r]],
            "edges": sd.graph.number_of_edges(),
            "shards": -(-len(sd.nodes) // SHARD),
        },
        "statuses": statuses,
        "areas": sorted({n.area for n in sd.nodes.values() if n.area}),
        "matrix": matrix,
        "hyps": rows,
    }
