"""Wall time of every probe, quick and full: ``python benchmarks/bench_probes.py [--quick-only]``.

Targets (issues 9 and 20): all probes under 2 minutes with --quick, under 15 minutes in full,
on 2 CPU cores. The over-parameterisation probes of issue 20 are also totalled on their own.
``--probes NAME …`` times only those. Writes benchmarks/results/probes.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from axiomdl.probes import PROBES
from axiomdl.probes.runner import run_one

OUT = Path(__file__).resolve().parent / "results" / "probes.json"
TARGET_S = {"quick": 120.0, "full": 900.0}
ISSUE_20 = ("double-descent", "neural-collapse", "mode-connectivity", "scaling-laws")


def bench(quick: bool, seed: int, names: list[str]) -> dict:
    """Run the probes once (with plots, as users do) and time each."""
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            t0 = time.perf_counter()
            c0 = time.process_time()
            r = run_one(name, quick=quick, seed=seed, results_dir=Path(tmp))
            rows[name] = {
                "wall_s": round(time.perf_counter() - t0, 2),
                "cpu_s": round(time.process_time() - c0, 2),
                "verdicts": {v.assumption: v.label for v in r.verdicts},
            }
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick-only", action="store_true", help="skip the full run")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--probes", nargs="+", choices=list(PROBES), default=list(PROBES))
    args = ap.parse_args()
    result = {
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "seed": args.seed,
        "modes": {},
    }
    for mode in ("quick",) if args.quick_only else ("quick", "full"):
        rows = bench(mode == "quick", args.seed, args.probes)
        total = sum(r["wall_s"] for r in rows.values())
        new = sum(r["wall_s"] for n, r in rows.items() if n in ISSUE_20)
        result["modes"][mode] = {
            "probes": rows,
            "total_wall_s": round(total, 2),
            "issue_20_wall_s": round(new, 2),
            "total_cpu_s": round(sum(r["cpu_s"] for r in rows.values()), 2),
            "target_s": TARGET_S[mode],
        }
        print(f"\n{mode} run (seed {args.seed})")
        print(f"{'probe':<22}{'wall s':>8}{'cpu s':>8}")
        for name, r in rows.items():
            print(f"{name:<22}{r['wall_s']:>8.1f}{r['cpu_s']:>8.1f}")
        print(f"{'issue-20 probes':<22}{new:>8.1f}")
        print(f"{'total':<22}{total:>8.1f}{'':>8}  target < {TARGET_S[mode]:.0f} s")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {OUT}")


if __name__ == "__main__":
    main()
