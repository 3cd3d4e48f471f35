"""How this project starts a headless Chromium (tests, benchmarks, the screenshot script).

Playwright's own browser download does not work offline, so the system `chromium`
is launched directly; the flags keep it from reaching for the network at start-up.
"""

from __future__ import annotations

import shutil

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The system Chromium binary, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")
