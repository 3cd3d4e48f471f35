"""Write the static explorer: index, graph view, one page per declaration, data and assets.

The site is built in a temporary sibling folder and moved into place at the
end, so OUT is either the previous site or the complete new one, never half.
A non-empty OUT that is not an axiomdl site is refused rather than clobbered.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from axiomdl import __version__
from axiomdl.errors import AxiomdlError
from axiomdl.session import Session
from axiomdl.site import render
from axiomdl.site.data import ROLES, Node, SiteData, browser_payload, collect, doc_body
from axiomdl.site.vendor import copy_graph_library

MARKER = ".axiomdl-site"
_ASSETS = ("site.css", "common.js", "index.js", "graph.js")
_STATUS_CLASS = re.compile(r"[^a-z-]")
LIST_CAP = 60  # longer lists on a page end with "… and N more" and a graph link
PARALLEL_MIN = 1500  # declarations above which pages render in several processes
EDGE_TEXT = {"hypothesis": "hypothesis", "conclusion": "conclusion", "value": "proof"}


@dataclass(slots=True)
class SiteResult:
    """What was written, for the command's one-line summary."""

    out: Path
    pages: int
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
    return env


def status_class(status: str | None) -> str:
    """A CSS class fragment from a free-text status (only ``[a-z-]`` survives)."""
    return _STATUS_CLASS.sub("", (status or "").lower())[:40] or "unknown"


def build_site(
    s: Session,
    out: Path,
    *,
    label: str,
    repo_url: str | None = None,
    jobs: int | None = None,
    evidence: dict | None = None,
) -> SiteResult:
    """Scan results of ``s`` (and probe evidence, if any) → a static site in ``out``."""
    sd = collect(s, label)
    if evidence:
        sd.measured = measured_map(sd, evidence)
    return write_site(sd, out, repo_url=repo_url, jobs=jobs)


def measured_map(sd: SiteData, evidence: dict) -> dict[str, tuple[str, bool]]:
    """Each probed assumption's measured verdict, and whether it contradicts its Status."""
    from axiomdl.probes.evidence import disagrees, measured_for

    out: dict[str, tuple[str, bool]] = {}
    for name, n in sd.nodes.items():
        if n.role not in ("assumption", "conjecture"):
            continue
        text = measured_for(name, n.meta.get("probe"), evidence)
        if text:
            out[name] = (text, disagrees(n.meta.get("status"), text))
    return out


def write_site(
    sd: SiteData, out: Path, *, repo_url: str | None = None, jobs: int | None = None
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
        _render_all(sd, tmp, repo_url, jobs)
        _swap_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return SiteResult(out=out, pages=len(sd.nodes) + 2, seconds=time.perf_counter() - t0)


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


def _render_all(sd: SiteData, root: Path, repo_url: str | None, jobs: int | None) -> None:
    env = _env()
    common = {"label": sd.label, "mode": sd.mode, "version": __version__}
    (root / "assets").mkdir()
    (root / "data").mkdir()
    (root / "d").mkdir()
    here = Path(__file__).parent / "assets"
    for name in _ASSETS:
        shutil.copyfile(here / name, root / "assets" / name)
    (root / "assets" / "pygments.css").write_text(render.pygments_css(), encoding="utf-8")
    copy_graph_library(root / "assets" / "vendor")
    payload = json.dumps(browser_payload(sd), ensure_ascii=False, separators=(",", ":"))
    # A JS file, not JSON: file:// pages cannot fetch() their data, but they can load a script.
    (root / "data" / "site.js").write_text(
        "window.AXIOMDL_SITE = JSON.parse(" + json.dumps(payload) + ");\n", encoding="utf-8"
    )
    (root / "index.html").write_text(
        env.get_template("index.html").render(root="", **common, **_index_context(sd)),
        encoding="utf-8",
    )
    (root / "graph.html").write_text(
        env.get_template("graph.html").render(root="", roles=ROLES, **common), encoding="utf-8"
    )
    _render_pages(sd, root, repo_url, common, jobs)
    (root / MARKER).write_text(f"axiomdl {__version__} explorer\n", encoding="utf-8")


def _render_pages(
    sd: SiteData, root: Path, repo_url: str | None, common: dict[str, str], jobs: int | None
) -> None:
    """One page per declaration; large sites are split across forked worker processes."""
    names = list(sd.nodes)
    if jobs is None:
        jobs = min(os.cpu_count() or 1, 4) if len(names) >= PARALLEL_MIN else 1
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        _render_chunk(sd, root, repo_url, common, names)
        return
    global _FORK_STATE
    _FORK_STATE = (sd, root, repo_url, common, names, jobs)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pool.map(_render_worker, range(jobs))
    finally:
        _FORK_STATE = None


_FORK_STATE: tuple | None = None


def _render_worker(k: int) -> None:
    assert _FORK_STATE is not None  # set by the parent before forking
    sd, root, repo_url, common, names, jobs = _FORK_STATE
    _render_chunk(sd, root, repo_url, common, names[k::jobs])


class _Lists:
    """Pre-escaped list items, built once per process: pages repeat the same links a lot."""

    def __init__(self, sd: SiteData) -> None:
        self.item = {
            name: f'<li><a href="{escape(node.slug)}.html">{escape(name)}</a>'
            for name, node in sd.nodes.items()
        }
        self.quoted = {name: quote(name, safe="") for name in sd.nodes}

    def more(self, items: list, graph_link: str) -> str:
        if len(items) <= LIST_CAP:
            return ""
        return (
            f'<p class="more">… and {len(items) - LIST_CAP} more: see '
            f'<a href="{escape(graph_link)}">the graph view</a>.</p>'
        )

    def names(self, items: list[str], empty: str, graph_link: str) -> Markup:
        if not items:
            return Markup(f'<p class="none">{escape(empty)}</p>')
        body = "</li>".join(self.item[x] for x in items[:LIST_CAP])
        return Markup(f'<ul class="names">{body}</li></ul>{self.more(items, graph_link)}')

    def uses(self, n: Node, graph_link: str) -> Markup:
        if not n.uses:
            return Markup('<p class="none">no assumptions</p>')
        req = set(n.requires)
        parts = []
        base = f"../graph.html#focus={self.quoted[n.name]}&amp;why="
        for x in n.uses[:LIST_CAP]:
            if x in req or x == n.name:
                parts.append(self.item[x] + "</li>")
            else:
                why = base + self.quoted[x]
                parts.append(
                    f'{self.item[x]} <span class="derived">derived</span> '
                    f'<a class="why" href="{why}">why?</a></li>'
                )
        return Markup(f'<ul class="names">{"".join(parts)}</ul>{self.more(n.uses, graph_link)}')

    def edges(self, items: list[tuple[str, str]], graph_link: str) -> Markup:
        if not items:
            return Markup('<p class="none">nothing</p>')
        body = "".join(
            f'{self.item[x]} <span class="edge edge-{pos}">{EDGE_TEXT[pos]}</span></li>'
            for x, pos in items[:LIST_CAP]
        )
        return Markup(f'<ul class="names">{body}</ul>{self.more(items, graph_link)}')


def _render_chunk(
    sd: SiteData, root: Path, repo_url: str | None, common: dict[str, str], names: list[str]
) -> None:
    decl = _env().get_template("decl.html")
    lists = _Lists(sd)
    for name in names:
        n = sd.nodes[name]
        graph_link = render.hash_link("../graph.html", focus=name)
        succ = sd.successors(name)
        pred = sd.predecessors(name)
        html = decl.render(
            root="../",
            n=n,
            ul=lambda items, empty, gl=graph_link: lists.names(items, empty, gl),
            uses_html=lists.uses(n, graph_link),
            succ=succ,
            pred=pred,
            succ_html=lists.edges(succ, graph_link),
            pred_html=lists.edges(pred, graph_link),
            graph_link=graph_link,
            src_url=render.source_url(repo_url, n.file, n.line, n.end_line),
            statement=render.lean_html(n.statement),
            doc=render.markdown(doc_body(n.doc)),
            evidence=render.markdown_inline(n.meta.get("evidence")),
            refs=render.markdown_inline(n.meta.get("refs")),
            status_class=status_class(n.meta.get("status")),
            measured=sd.measured.get(name),
            impact=sd.impact.get(name),
            **common,
        )
        (root / "d" / f"{n.slug}.html").write_text(html, encoding="utf-8")


def _index_context(sd: SiteData) -> dict[str, object]:
    roles = Counter(n.role for n in sd.nodes.values())
    hyps = [n for n in sd.nodes.values() if n.role in ("assumption", "conjecture")]
    statuses = sorted({n.meta["status"] for n in hyps if n.meta.get("status")})
    areas = sorted({n.meta.get("area") or "(none)" for n in hyps})
    matrix = []
    for area in areas:
        row = [
            sum(
                1
                for n in hyps
                if (n.meta.get("area") or "(none)") == area and n.meta.get("status") == st
            )
            for st in statuses
        ]
        total = sum(1 for n in hyps if (n.meta.get("area") or "(none)") == area)
        matrix.append((area, row, total))
    rows = []
    for n in sorted(hyps, key=lambda n: n.name):
        imp = sd.impact.get(n.name)
        rows.append(
            {
                "name": n.name,
                "slug": n.slug,
                "role": n.role,
                "area": n.meta.get("area"),
                "status": n.meta.get("status"),
                "status_class": status_class(n.meta.get("status")),
                "required_by": len(imp.statement) if imp else 0,
                "used_by": len(imp.statement) + len(imp.proof) if imp else 0,
                "measured": sd.measured.get(n.name),
            }
        )
    return {
        "counts": {
            "total": len(sd.nodes),
            "roles": [(r, roles[r]) for r in ROLES if roles[r]],
            "edges": sd.graph.number_of_edges(),
        },
        "statuses": statuses,
        "areas": sorted({n.meta["area"] for n in sd.nodes.values() if n.meta.get("area")}),
        "roles": ROLES,
        "matrix": matrix,
        "hyps": rows,
    }
