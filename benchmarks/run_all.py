"""Run every benchmark in one session, so the figures are comparable side by side.

Run: ``python benchmarks/run_all.py`` (about 10 minutes on 2 cores). Each benchmark
prints its own table and writes ``benchmarks/results/<name>.json``. ``--mutation`` also
runs the mutation score (``bench_mutation.py --sample 20``: far longer than the rest,
and it needs ``pip install -e '.[bench]'``), so it is opt-in.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    ("engine", ["bench_engine.py"]),
    ("scanner_modern", ["bench_scanner_modern.py"]),
    ("scale", ["bench_scale.py"]),
    ("compute", ["bench_compute.py"]),
    ("startup", ["bench_startup.py"]),
    ("site", ["bench_site.py"]),
    ("lean", ["bench_lean.py"]),
    ("mcp", ["bench_mcp.py"]),
    ("lattice", ["bench_lattice.py"]),
    ("probes", ["bench_probes.py"]),
    ("downstream", ["bench_downstream.py"]),
]


MUTATION = ("mutation", ["bench_mutation.py", "--sample", "20"])


def main() -> int:
    failed = 0
    benches = BENCHES + ([MUTATION] if "--mutation" in sys.argv[1:] else [])
    for name, args in benches:
        print(f"== {name} ==", flush=True)
        t = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / args[0]), *args[1:]])
        print(f"== {name}: exit {code}, {time.perf_counter() - t:.0f} s ==\n", flush=True)
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
