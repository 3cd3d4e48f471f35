"""Explorer benchmark: a synthetic 5,000-node / 20,000-edge graph, in headless Chromium.

Measures site generation (same generator functions as ``axiomdl site``), first
contentful paint of the index and graph pages over file://, a focus change in
the graph view, and the whole-graph view (first draw and one pan/zoom frame).
Run: ``python benchmarks/bench_site.py [--nodes N --edges E]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from axiomdl.site.browser import CHROMIUM_ARGS
from axiomdl.site.build import write_site
from axiomdl.site.data import collect
from axiomdl.site.synthetic import synthetic_session

ARGS = CHROMIUM_ARGS
TARGETS = {"generation_s": 10.0, "fcp_index_ms": 2000.0, "focus_change_median_ms": 200.0}


def fcp(page, url: str) -> float:
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
    return page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
    )


def browser_figures(out: Path, focus_names: list[str]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("bench_site: no chromium binary on PATH")
    res: dict[str, float] = {}
    print("measuring in headless Chromium ...", flush=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = b.new_page(viewport={"width": 1400, "height": 900})
        res["fcp_index_ms"] = fcp(page, out.joinpath("index.html").as_uri())
        page2 = b.new_page(viewport={"width": 1400, "height": 900})
        res["fcp_graph_ms"] = fcp(
            page2, out.joinpath("graph.html").as_uri() + "#focus=" + focus_names[0]
        )
        times = []
        for name in focus_names[1:]:
            ms = page2.evaluate(
                """async (n) => { const t = performance.now();
                   await window.axiomdlGraph.focus(n); return performance.now() - t; }""",
                name,
            )
            times.append(ms)
        res["focus_change_median_ms"] = statistics.median(times)
        res["focus_change_max_ms"] = max(times)
        res["focus_visible_nodes_last"] = page2.evaluate(
            "Object.keys(window.axiomdlGraph.network.getPositions()).length"
        )
        page3 = b.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        page3.goto(out.joinpath("graph.html").as_uri())
        page3.wait_for_selector("body[data-ready]", state="attached", timeout=300_000)
        page3.wait_for_function(
            "window.axiomdlGraph && window.axiomdlGraph.network.body.nodeIndices.length > 0"
        )
        res["whole_graph_first_draw_ms"] = (time.perf_counter() - t) * 1000
        res["whole_graph_nodes"] = page3.evaluate(
            "Object.keys(window.axiomdlGraph.network.getPositions()).length"
        )
        frames = []
        for k in range(4):
            frames.append(
                page3.evaluate(
                    """(k) => new Promise(res => { const n = window.axiomdlGraph.network;
                       const t = performance.now();
                       n.once('afterDrawing', () => res(performance.now() - t));
                       n.moveTo({ scale: 0.05 + 0.05 * k, position: { x: 3000 * k, y: 0 } }); })""",
                    k,
                )
            )
        res["whole_graph_pan_zoom_frame_median_ms"] = statistics.median(frames)
        b.close()
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=20000)
    ap.add_argument("--jobs", type=int, default=None, help="page-rendering processes")
    ap.add_argument("--no-browser", action="store_true")
    a = ap.parse_args()

    s = synthetic_session(a.nodes, a.edges)
    tmp = Path(tempfile.mkdtemp(prefix="bench-site-"))
    out = tmp / "site"
    t0 = time.perf_counter()
    sd = collect(s, f"synthetic {a.nodes} nodes / {a.edges} edges")
    t1 = time.perf_counter()
    write_site(sd, out, jobs=a.jobs)
    t2 = time.perf_counter()
    print(f"generated the site in {t2 - t0:.1f} s", flush=True)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    res: dict[str, float] = {
        "nodes": a.nodes,
        "edges": s.graph.number_of_edges(),
        "collect_s": t1 - t0,
        "render_s": t2 - t1,
        "generation_s": t2 - t0,
        "site_mb": size / 1e6,
        "data_js_mb": (out / "data" / "site.js").stat().st_size / 1e6,
    }
    if not a.no_browser:
        theorems = [n for n, node in sd.nodes.items() if node.role == "theorem"]
        picks = theorems[:: max(1, len(theorems) // 12)][:12]
        res.update(browser_figures(out, picks))
    shutil.rmtree(tmp, ignore_errors=True)

    print(f"{'measure':40s} {'value':>12s} {'target':>10s}")
    for k, v in res.items():
        tgt = TARGETS.get(k)
        print(f"{k:40s} {v:12.2f} {('< ' + format(tgt, 'g')) if tgt else '':>10s}")
    dest = Path(__file__).parent / "results" / "site.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps({"targets": TARGETS, "results": res}, indent=2) + "\n")
    print(f"wrote {dest}")


if __name__ == "__main__":
    main()
