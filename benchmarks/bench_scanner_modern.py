"""Modern Lean: what module-system handling costs, and declaration counts against an
independent count.

Throughput is end to end (discover, read, scan, resolve; no cache), each run in a
fresh process, on two generated corpora: the engine benchmark's plain one, and the
same text in the module system (``module``, ``public import``, ``@[expose] public
section``, anonymous instances, protected names, ``include … in``). With
``--compare OTHER_SRC`` (another checkout's ``src``, e.g. the commit before a change)
the two scanners run interleaved, run for run, so a loaded machine slows both alike;
the figure is the median over ``--repeat`` runs, by wall clock and by the process's
CPU time (steadier when other processes compete for the cores).

Declaration counts: the scanner's against ``decl_count.independent_count`` on the
test fixtures and the bundled library.

Run: ``python benchmarks/bench_scanner_modern.py [--corpus-mb 20] [--compare DIR]``.
Writes ``benchmarks/results/scanner_modern.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(SRC))

from corpus import write_corpus  # noqa: E402
from decl_count import independent_count  # noqa: E402

_CHILD = r"""
import json, sys, time
sys.path.insert(0, {src!r})
from pathlib import Path
from axiomdl.scan.project import scan_project
from axiomdl.scan.parse import native_available
root = Path({root!r})
size = sum(p.stat().st_size for p in root.rglob("*.lean"))
t, c = time.perf_counter(), time.process_time()
p = scan_project(root, use_cache=False)
dt, dc = time.perf_counter() - t, time.process_time() - c
print(json.dumps({{"mb_s": size / 1e6 / dt, "cpu_mb_s": size / 1e6 / dc, "decls": len(p.decls),
                  "native": native_available()}}))
"""


def scan_once(src: Path, root: Path) -> dict:
    """One cold end-to-end scan of ``root`` by the scanner in ``src``."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(src=str(src), root=str(root))],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def counts() -> list[dict]:
    """Scanner vs independent declaration counts on the fixtures and the library."""
    from axiomdl.scan.files import bundled_root
    from axiomdl.scan.project import scan_project

    roots = sorted(p for p in (HERE.parent / "tests" / "fixtures").iterdir() if p.is_dir())
    roots.append(bundled_root() / "lean")
    rows = []
    for root in roots:
        p = scan_project(root, use_cache=False)
        rows.append(
            {
                "project": root.name,
                "files": len(p.files),
                "scanner": sum(len(fs.decls) for fs in p.files),
                "independent": sum(independent_count(root / fs.path) for fs in p.files),
            }
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus-mb", type=float, default=20.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare", type=Path, default=None, help="another checkout's src/")
    args = ap.parse_args()
    scanners = {"this": SRC} | ({"other": args.compare.resolve()} if args.compare else {})
    runs: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    decls: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="axiomdl-modern-") as tmp_s:
        tmp = Path(tmp_s)
        for kind in ("plain", "modern"):
            write_corpus(tmp / kind, int(args.corpus_mb * 1e6), modern=kind == "modern")
        for _ in range(args.repeat):
            for kind in ("plain", "modern"):
                for who, src in scanners.items():
                    r = scan_once(src, tmp / kind)
                    runs.setdefault(f"{who}/{kind}", []).append(r["mb_s"])
                    cpu.setdefault(f"{who}/{kind}", []).append(r["cpu_mb_s"])
                    decls[f"{who}/{kind}"] = r["decls"]
    results: dict[str, object] = {
        "corpus_mb": args.corpus_mb,
        "repeat": args.repeat,
        "median_mb_s": {k: statistics.median(v) for k, v in runs.items()},
        "median_cpu_mb_s": {k: statistics.median(v) for k, v in cpu.items()},
        "runs_mb_s": runs,
        "runs_cpu_mb_s": cpu,
        "declarations": decls,
        "counts": counts(),
    }
    med = results["median_mb_s"]
    mcpu = results["median_cpu_mb_s"]
    for k, v in med.items():
        print(f"{k:<14} {v:6.2f} MB/s wall, {mcpu[k]:6.2f} MB/s CPU  ({decls[k]} declarations)")
    if args.compare:
        for kind in ("plain", "modern"):
            ratio = med[f"this/{kind}"] / med[f"other/{kind}"]
            ratio_cpu = mcpu[f"this/{kind}"] / mcpu[f"other/{kind}"]
            print(f"{kind}: this / other = {ratio:.3f} (wall), {ratio_cpu:.3f} (CPU)")
            results[f"ratio_{kind}"] = ratio
            results[f"ratio_cpu_{kind}"] = ratio_cpu
    print("declaration counts (scanner vs independent):")
    for row in results["counts"]:
        d = row["scanner"] - row["independent"]
        print(
            f"  {row['project']:<12} {row['files']:>4} files  {row['scanner']:>5} vs {row['independent']:>5} ({d:+d})"
        )
    out = HERE / "results" / "scanner_modern.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
