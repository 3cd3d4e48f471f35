"""Make docs/img/explorer.png: the explorer's graph view of the bundled library, in headless Chromium.

Uses the same browser and launch flags as the tests. Run from the repository:
``python scripts/screenshot.py [--focus NAME] [--why ASSUMPTION] [--out docs/img/explorer.png]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from axiomdl.site.browser import CHROMIUM_ARGS

ARGS = CHROMIUM_ARGS
ROOT = Path(__file__).resolve().parents[1]


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
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "explorer.png")
    a = ap.parse_args()
    focus, why = (a.focus, a.why) if a.focus else default_focus()
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("screenshot: no chromium binary on PATH (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "axiomdl", "site", str(site)], check=True)
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = b.new_page(viewport={"width": 1400, "height": 860})
            url = site.joinpath("graph.html").as_uri() + f"#focus={focus}&depth=1"
            if why:
                url += f"&why={why}"
            page.goto(url)
            page.wait_for_selector("body[data-ready]", state="attached")
            page.wait_for_timeout(500)
            a.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(a.out))
            b.close()
    print(f"wrote {a.out} ({focus}{' → ' + why if why else ''})")


if __name__ == "__main__":
    main()
