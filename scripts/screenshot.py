"""Make the explorer's pictures in docs/img/ from the bundled library, in headless Chromium.

Writes ``map.png`` (the assumption map), ``focus.png`` (a focused graph with a `why`
path), ``whole.png`` (the whole graph in level bands) and ``assumption.png`` (an
assumption's page, down to its probe plot), at a laptop's 1366×768. Uses the
same browser and launch flags as the tests. Run from the repository:
``python scripts/screenshot.py [--evidence probe-results] [--out docs/img]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

from axiomdl.site.browser import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
LAPTOP = {"width": 1366, "height": 768}


def default_focus() -> tuple[str, str]:
    """A theorem with a derived assumption, so the picture shows a `why` path."""
    r = subprocess.run(
        [sys.executable, "-m", "axiomdl", "report", "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    rows = json.loads(r.stdout)["theorems"]
    rows = [t for t in rows if t["role"] == "theorem"] or rows
    rows.sort(key=lambda t: (not t["derived"], -len(t["requires"]), t["name"]))
    best = rows[0]
    return best["name"], (best["derived"] or [""])[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--focus")
    ap.add_argument("--why", default="")
    ap.add_argument("--assumption", default="AxiomDL.Smooth")
    ap.add_argument("--evidence", type=Path, default=None, help="probe results to show")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    a = ap.parse_args()
    focus, why = (a.focus, a.why) if a.focus else default_focus()
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("screenshot: no chromium binary on PATH (apt-get install chromium)")
    a.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        cmd = [sys.executable, "-m", "axiomdl", "site", str(site), "-q"]
        if a.evidence:
            cmd += ["--evidence", str(a.evidence)]
        subprocess.run(cmd, check=True)
        shots = {
            "map.png": site.joinpath("graph.html").as_uri(),
            "focus.png": site.joinpath("graph.html").as_uri()
            + f"#focus={quote(focus, safe='')}&depth=1"
            + (f"&why={quote(why, safe='')}" if why else ""),
            "whole.png": site.joinpath("graph.html").as_uri() + "#view=all",
            "assumption.png": site.joinpath("decl.html").as_uri()
            + "#name="
            + quote(a.assumption, safe=""),
        }
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for name, url in shots.items():
                page = b.new_page(viewport=LAPTOP)
                page.goto(url)
                page.wait_for_selector("body[data-ready]", state="attached")
                page.wait_for_timeout(300)
                if name == "assumption.png":  # down to the probe's plot, below the fold
                    clip = {"x": 0, "y": 0, "width": LAPTOP["width"], "height": 1150}
                    page.screenshot(path=str(a.out / name), full_page=True, clip=clip)
                else:
                    page.screenshot(path=str(a.out / name))
                print(f"wrote {a.out / name}")
            b.close()


if __name__ == "__main__":
    main()
