"""CLI start-up: how much a command costs above bare Python, measured in one session.

Each command runs as a fresh process (``python -m axiomdl …``, as a user's shell would),
timed from spawn to exit; ``python -c pass`` is timed in the same loop so the figures are
differences and ratios to bare Python, comparable across machines. The child's CPU time
(user + sys, from ``wait4``) is reported too: on a loaded machine wall time includes waiting
for a core, CPU time does not. Medians of ``--repeat`` runs, interleaved.

Targets (issue 16): ``--version`` and ``--help`` ≤ 0.15 s above bare Python; ``rests-on`` on
the bundled library with a warm cache ≤ 0.4 s above bare Python. The package's bytecode is
compiled first, as an installed package's is.

Run: ``python benchmarks/bench_startup.py [--repeat 7]``. Writes
``benchmarks/results/startup.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

CASES: list[tuple[str, list[str], float | None]] = [
    ("bare python", ["-c", "pass"], None),
    ("axiomdl --version", ["-m", "axiomdl", "--version"], 0.15),
    ("axiomdl --help", ["-m", "axiomdl", "--help"], 0.15),
    ("axiomdl check-loss --help", ["-m", "axiomdl", "check-loss", "--help"], 0.15),
    ("axiomdl rests-on (warm cache)", ["-m", "axiomdl", "rests-on", "gd_convex_rate"], 0.4),
    ("axiomdl why (warm cache)", ["-m", "axiomdl", "why", "gd_convex_rate", "Smooth"], 0.4),
]


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from spawn to exit, and the child's user + sys CPU seconds."""
    t = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode() if p.stderr else ""
    if p.stderr:
        p.stderr.close()
    if p.returncode != 0:
        raise SystemExit(f"bench_startup: {' '.join(args)} exited {p.returncode}: {err.strip()}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ns = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, AXIOMDL_CACHE_DIR=cache)
        env.pop("AXIOMDL_DEBUG", None)
        # An installed package has its bytecode; a shell with PYTHONDONTWRITEBYTECODE set
        # would recompile every changed module on every run and time the compiler.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        import axiomdl

        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(Path(axiomdl.__file__).parent)],
            env=env,
            check=True,
            capture_output=True,
        )
        # warm the scan cache once, untimed
        subprocess.run(
            [sys.executable, "-m", "axiomdl", "rests-on", "gd_convex_rate"],
            env=env,
            check=True,
            capture_output=True,
        )
        walls: dict[str, list[float]] = {n: [] for n, _, _ in CASES}
        cpus: dict[str, list[float]] = {n: [] for n, _, _ in CASES}
        for _ in range(ns.repeat):  # interleaved, so load spikes hit every case alike
            for name, args, _ in CASES:
                w, c = run_once(args, env)
                walls[name].append(w)
                cpus[name].append(c)
    bare_w = statistics.median(walls["bare python"])
    bare_c = statistics.median(cpus["bare python"])
    rows = []
    print(f"{'command':<32}{'wall s':>8}{'above':>8}{'ratio':>7}{'cpu s':>8}{'above':>8}  target")
    for name, _, target in CASES:
        w, c = statistics.median(walls[name]), statistics.median(cpus[name])
        row = {
            "command": name,
            "wall_s": round(w, 4),
            "wall_above_bare_s": round(w - bare_w, 4),
            "ratio_to_bare": round(w / bare_w, 2),
            "cpu_s": round(c, 4),
            "cpu_above_bare_s": round(c - bare_c, 4),
            "target_above_bare_s": target,
            "meets_target": None if target is None else (w - bare_w) <= target,
        }
        rows.append(row)
        tgt = (
            ""
            if target is None
            else f"≤ {target:g} s above: " + ("ok" if row["meets_target"] else "MISSED")
        )
        print(
            f"{name:<32}{w:>8.3f}{w - bare_w:>8.3f}{w / bare_w:>7.1f}{c:>8.3f}{c - bare_c:>8.3f}"
            f"  {tgt}"
        )
    out = HERE / "results" / "startup.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"repeat": ns.repeat, "rows": rows}, indent=2) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
