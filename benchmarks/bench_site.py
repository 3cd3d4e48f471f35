"""Explorer benchmark, in headless Chromium over file:// (laptop viewport, 1366×768).

Three projects:
- the bundled library: the assumption map's first paint (target ≤ 500 ms) and the whole
  graph's (about 1,200 declarations, in level bands);
- a synthetic 5,000-declaration / 20,000-edge graph (``axiomdl.site.synthetic``): the map
  and a focused graph (targets ≤ 2 s), and the whole graph in level bands;
- a generated 40,000-declaration Lean project (``corpus.py``), scanned for real: site
  generation (≤ 10 s), size (≤ 40 MB), index first paint (≤ 2 s), a declaration view (≤ 300 ms).

"Paint" times are from navigation start to the view being drawn (``axiomdlReadyMs``,
set after the page's data is read and its view rendered); FCP is the browser's own.
Run: ``python benchmarks/bench_site.py [--decls 40000] [--no-browser]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from axiomdl.session import load
from axiomdl.site.browser import CHROMIUM_ARGS
from axiomdl.site.build import build_site, write_site
from axiomdl.site.data import collect
from axiomdl.site.synthetic import synthetic_session

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus

LAPTOP = {"width": 1366, "height": 768}
TARGETS = {
    "bundled_map_paint_ms": 500.0,
    "synth5k_map_paint_ms": 2000.0,
    "synth5k_focus_median_ms": 2000.0,
    "big_generation_s": 10.0,
    "big_site_mb": 40.0,
    "big_fcp_index_ms": 2000.0,
    "big_index_ready_ms": 2000.0,
    "big_decl_view_median_ms": 300.0,
}


def site_size(out: Path) -> tuple[float, int]:
    files = [f for f in out.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files) / 1e6, len(files)


def ready_ms(page, url: str) -> float:
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
    return page.evaluate("window.axiomdlReadyMs")


def fcp(page) -> float:
    return page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
    )


def best_of(page, url: str, n: int = 3) -> float:
    """Fastest of n fresh loads (the first one also pays for the disk cache)."""
    return min(ready_ms(page, url) for _ in range(n))


def fresh_best_of(browser, url: str, n: int = 3) -> float:
    """Fastest of n loads, each in a new page (a URL that differs only in its fragment
    would otherwise not load the page again)."""
    times = []
    for _ in range(n):
        page = browser.new_page(viewport=LAPTOP)
        times.append(ready_ms(page, url))
        page.close()
    return min(times)


def timed_views(page, call: str, names: list[str]) -> list[float]:
    return [
        page.evaluate(
            f"async (n) => {{ const t = performance.now(); await {call}; return performance.now() - t; }}",
            n,
        )
        for n in names
    ]


def browser_figures(sites: dict[str, Path], picks: dict[str, list[str]]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("bench_site: no chromium binary on PATH")
    res: dict[str, float] = {}
    print("measuring in headless Chromium ...", flush=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = b.new_page(viewport=LAPTOP)
        res["bundled_map_paint_ms"] = best_of(
            page, sites["bundled"].joinpath("graph.html").as_uri()
        )
        res["bundled_whole_paint_ms"] = fresh_best_of(
            b, sites["bundled"].joinpath("graph.html").as_uri() + "#view=all"
        )
        res["synth5k_whole_paint_ms"] = fresh_best_of(
            b, sites["synth"].joinpath("graph.html").as_uri() + "#view=all", n=1
        )
        page = b.new_page(viewport=LAPTOP)
        res["synth5k_map_paint_ms"] = best_of(page, sites["synth"].joinpath("graph.html").as_uri())
        first = picks["synth"][0]
        res["synth5k_focus_paint_ms"] = ready_ms(
            page, sites["synth"].joinpath("graph.html").as_uri() + "#focus=" + quote(first)
        )
        times = timed_views(page, "window.axiomdlGraph.focus(n)", picks["synth"][1:])
        res["synth5k_focus_median_ms"] = statistics.median(times)
        res["synth5k_focus_max_ms"] = max(times)
        res["synth5k_focus_nodes_last"] = len(page.evaluate("window.axiomdlGraph.nodes()"))
        big = sites["big"]
        page = b.new_page(viewport=LAPTOP)
        res["big_index_ready_ms"] = ready_ms(page, big.joinpath("index.html").as_uri())
        res["big_fcp_index_ms"] = fcp(page)
        page = b.new_page(viewport=LAPTOP)
        url = big.joinpath("decl.html").as_uri() + "#name=" + quote(picks["big"][0], safe="")
        res["big_decl_first_ms"] = ready_ms(page, url)
        times = timed_views(page, "window.axiomdlDecl.show(n)", picks["big"][1:])
        res["big_decl_view_median_ms"] = statistics.median(times)
        res["big_decl_view_max_ms"] = max(times)
        page = b.new_page(viewport=LAPTOP)
        res["big_map_paint_ms"] = ready_ms(page, big.joinpath("graph.html").as_uri())
        b.close()
    return res


def spread(names: list[str], k: int) -> list[str]:
    return names[:: max(1, len(names) // k)][:k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--decls", type=int, default=40_000, help="size of the generated project")
    ap.add_argument("--no-browser", action="store_true")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-site-"))
    res: dict[str, float] = {}
    sites: dict[str, Path] = {}
    picks: dict[str, list[str]] = {}
    try:
        sites["bundled"] = tmp / "bundled"
        build_site(load(None, quiet=True), sites["bundled"], label="bundled")

        s = synthetic_session(5000, 20000)
        t0 = time.perf_counter()
        sd = collect(s, "synthetic 5,000")
        sites["synth"] = tmp / "synth"
        write_site(sd, sites["synth"])
        res["synth5k_generation_s"] = time.perf_counter() - t0
        thms = [n for n, node in sd.nodes.items() if node.role == "theorem"]
        picks["synth"] = spread(thms, 9)

        # A generated Lean project of about --decls declarations (≈ 6.5 per kB of source).
        proj = tmp / "big-project"
        write_corpus(proj / "Bench", total_bytes=a.decls * 154)
        cache = tmp / "cache"
        cmd = [sys.executable, "-m", "axiomdl", "site", str(tmp / "big"), "-C", str(proj)]
        env_cmd = [*cmd, "--cache-dir", str(cache)]
        t0 = time.perf_counter()
        r = subprocess.run(env_cmd, capture_output=True, text=True, check=True)
        res["big_cli_cold_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run(env_cmd, capture_output=True, text=True, check=True)
        res["big_cli_warm_scan_s"] = time.perf_counter() - t0
        print(r.stdout.strip(), flush=True)
        s = load(proj, quiet=True, use_cache=True, cache_dir=cache)
        t0 = time.perf_counter()
        sd = collect(s, "generated")
        t1 = time.perf_counter()
        sites["big"] = tmp / "big"
        write_site(sd, sites["big"])
        t2 = time.perf_counter()
        res["big_declarations"] = len(sd.nodes)
        res["big_edges"] = sd.graph.number_of_edges()
        res["big_collect_s"] = t1 - t0
        res["big_write_s"] = t2 - t1
        res["big_generation_s"] = t2 - t0
        res["big_site_mb"], res["big_files"] = site_size(sites["big"])
        picks["big"] = spread(list(sd.nodes), 13)
        if not a.no_browser:
            res.update(browser_figures(sites, picks))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"{'measure':34s} {'value':>12s} {'target':>10s}")
    for k, v in res.items():
        tgt = TARGETS.get(k)
        print(f"{k:34s} {v:12.2f} {('≤ ' + format(tgt, 'g')) if tgt else '':>10s}")
    dest = Path(__file__).parent / "results" / "site.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps({"targets": TARGETS, "results": res}, indent=2) + "\n")
    print(f"wrote {dest}")


if __name__ == "__main__":
    main()
