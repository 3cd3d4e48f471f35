"""The tail every benchmark shares: print its rows as a table and save its results."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def emit(name: str, rows: list[tuple[str, str, str]], results: dict, width: int = 22) -> None:
    """Print ``(measure, value, note)`` rows aligned, write ``results/<name>.json``."""
    w = max(len(r[0]) for r in rows)
    for measure, val, note in rows:
        print(f"{measure:<{w}}  {val:>{width}}  {note}")
    out = RESULTS / f"{name}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out}")
