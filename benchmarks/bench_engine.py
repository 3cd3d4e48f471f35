"""Engine benchmarks: scan throughput, no-change rescan, and million-edge graph queries.

Scan figures are end to end (discover, read, scan every file, resolve all names,
no cache), each in a fresh process (cold, as a CLI run), with the native core
when it is built; a 5 MB slice is also scanned by the pure-Python reference for
the ratio. Peak RSS of the graph process is its own (VmHWM), not inherited.

Run: ``python benchmarks/bench_engine.py [--corpus-mb 50] [--quick]``.
Prints a table and writes ``benchmarks/results/engine.json``. Throughput is also
reported as a ratio to a calibration loop (one ``\\w+`` regex pass over the same
bytes) so figures from machines of different speed can be compared.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from axiomdl.scan.files import bundled_root  # noqa: E402
from axiomdl.scan.parse import native_available  # noqa: E402
from axiomdl.scan.project import scan_project  # noqa: E402  (rescan timing, in process)
from corpus import module_text, write_corpus  # noqa: E402
from table import emit  # noqa: E402


def _tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*.lean"))


def calibration_mb_s(root: Path) -> float:
    """MB/s of the simplest possible pass (read + one regex) on this machine."""
    rx = re.compile(r"\w+")
    t = time.perf_counter()
    n = 0
    for p in root.rglob("*.lean"):
        text = p.read_text(encoding="utf-8")
        rx.findall(text)
        n += len(text.encode())
    return n / 1e6 / (time.perf_counter() - t)


_SCAN_CHILD = r"""
import json, sys, time
sys.path.insert(0, {src!r})
from pathlib import Path
from axiomdl.scan.project import scan_project
root = Path({root!r})
size = sum(p.stat().st_size for p in root.rglob("*.lean"))
t = time.perf_counter()
p = scan_project(root, jobs={jobs}, use_cache=False, native={native})
print(json.dumps({{"mb_s": size / 1e6 / (time.perf_counter() - t), "decls": len(p.decls)}}))
"""


def scan_mb_s(root: Path, jobs: int, native: bool | None = None) -> tuple[float, int]:
    """End to end (discover, read, scan every file, resolve all names; no cache), in a
    fresh process: a cold run, as the CLI makes, and independent of earlier runs."""
    code = _SCAN_CHILD.format(
        src=str(HERE.parent / "src"), root=str(root), jobs=jobs, native=native
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=3600
    )
    res = json.loads(out.stdout.strip().splitlines()[-1])
    return res["mb_s"], res["decls"]


def _slice(src: Path, dst: Path, mb: float) -> Path:
    """The first files of ``src`` up to ``mb`` megabytes, copied to ``dst``."""
    total = 0
    for p in sorted(src.rglob("*.lean")):
        if total >= mb * 1e6:
            break
        out = dst / p.relative_to(src)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, out)
        total += p.stat().st_size
    return dst


def rescan_seconds(tmp: Path, files: int) -> float:
    root = tmp / "rescan"
    for i in range(files):
        d = root / f"D{i // 100}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"M{i}.lean").write_text(module_text(i, 3), encoding="utf-8")
    cache = tmp / "cache"
    scan_project(root, cache_dir=cache)
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        scan_project(root, cache_dir=cache)
        best = min(best, time.perf_counter() - t)
    return best


_GRAPH_CHILD = r"""
import json, random, resource, sys, time
sys.path.insert(0, {src!r})
from axiomdl.scan.records import FileScan, RawDecl
from axiomdl.scan.project import Project, Refs
from axiomdl.graph import build_graph
from axiomdl.queries import Analysis
from pathlib import Path
rng = random.Random(7)
N, E, A, D = {n}, {e}, 1000, 5000
names = [f"N{{i}}" for i in range(N)]
fs = FileScan(path="Synthetic.lean", module="Synthetic")
decls, refs, files = {{}}, {{}}, {{}}
for i, n in enumerate(names):
    role = "assumption" if i < A else ("definition" if i < A + D else "theorem")
    d = RawDecl(name=n, kind="structure" if i < A + D else "theorem", line=i + 1, end_line=i + 1, ctx=0, role=role)
    decls[n] = d
    files[n] = 0
    refs[n] = Refs()
# Realistic shape: definitions bundle a few assumptions (and sometimes an earlier
# definition); theorems take assumptions/bundles as hypotheses and cite earlier
# theorems in statements and proofs, with a few back edges making cycles.
for i in range(A, A + D):
    r = refs[names[i]]
    for _ in range(rng.randint(1, 3)):
        r.concl.add(names[rng.randrange(0, A)])
    if i > A and rng.random() < 0.2:
        r.proof.add(names[rng.randrange(A, i)])
remaining = E - sum(len(r.concl) + len(r.proof) for r in refs.values())
per = remaining // (N - A - D)
for i in range(A + D, N):
    r = refs[names[i]]
    for _ in range(per):
        u = rng.random()
        if u < 0.15:
            r.hyp.add(names[rng.randrange(0, A)])
        elif u < 0.25:
            r.hyp.add(names[rng.randrange(A, A + D)])
        elif u < 0.35:
            r.concl.add(names[rng.randrange(0, A)])
        else:
            lo = A + D
            j = rng.randrange(lo, i) if (i > lo and rng.random() < 0.995) else rng.randrange(lo, N)
            r.proof.add(names[j])
p = Project(Path("."), [fs], decls, files, refs)
t = time.perf_counter(); g = build_graph(p); a = Analysis(g); a.reach; build = time.perf_counter() - t  # reach: the whole-graph pass
t = time.perf_counter(); req = a.all_requires(); t_req = time.perf_counter() - t
src = names[-1]
target = a.names(a.uses_bits(src))[0]
t = time.perf_counter()
for _ in range(20):
    a.why(src, target)
t_why = (time.perf_counter() - t) / 20
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:  # VmHWM is this address space's own peak; ru_maxrss can carry the parent's RSS over exec
    with open("/proc/self/status") as fh:
        rss = next(int(ln.split()[1]) / 1024 for ln in fh if ln.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
print(json.dumps({{"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "build_s": build,
                  "requires_all_s": t_req, "results": len(req), "why_ms": t_why * 1000, "peak_rss_mb": rss}}))
"""


def graph_bench(nodes: int, edges: int) -> dict:
    code = _GRAPH_CHILD.format(src=str(HERE.parent / "src"), n=nodes, e=edges)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=1800
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus-mb", type=float, default=50.0)
    ap.add_argument("--rescan-files", type=int, default=5000)
    ap.add_argument("--graph-nodes", type=int, default=100_000)
    ap.add_argument("--graph-edges", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = ap.parse_args()
    if args.quick:
        args.corpus_mb, args.rescan_files, args.graph_nodes, args.graph_edges = (
            2,
            300,
            10_000,
            100_000,
        )
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="axiomdl-bench-") as tmp_s:
        tmp = Path(tmp_s)
        corpus = tmp / "corpus"
        files, size = write_corpus(corpus, int(args.corpus_mb * 1e6))
        results["corpus"] = {"files": files, "mb": size / 1e6}
        results["calibration_regex_mb_s"] = calibration_mb_s(corpus)
        results["native_core"] = native_available()
        for jobs in (1, 2):
            mbs, decls = scan_mb_s(corpus, jobs)
            results[f"corpus_scan_mb_s_jobs{jobs}"] = mbs
            results["corpus_declarations"] = decls
        # the pure-Python reference on a 5 MB slice (it is ~8x slower), same code path
        part = _slice(corpus, tmp / "slice", min(5.0, args.corpus_mb))
        results["slice_mb"] = _tree_bytes(part) / 1e6
        results["slice_native_mb_s"] = scan_mb_s(part, 1, native=None)[0]
        results["slice_reference_mb_s"] = scan_mb_s(part, 1, native=False)[0]
        lib = bundled_root() / "lean"
        results["library_mb"] = _tree_bytes(lib) / 1e6
        results["library_scan_mb_s_jobs1"] = scan_mb_s(lib, 1)[0]
        results["library_scan_mb_s_jobs2"] = scan_mb_s(lib, 2)[0]
        # one big file: linear time means equal MB/s at 1/10 and full size
        big = tmp / "big"
        big.mkdir()
        per_module = len(module_text(0, 60).encode())
        one = "".join(module_text(i, 60) for i in range(int(args.corpus_mb * 1e6 / per_module)))
        (big / "Big.lean").write_text(one, encoding="utf-8")
        small = tmp / "small"
        small.mkdir()
        (small / "Small.lean").write_text(one[: len(one) // 10], encoding="utf-8")
        results["single_file_mb"] = len(one.encode()) / 1e6
        results["single_file_mb_s"] = scan_mb_s(big, 1)[0]
        results["single_file_tenth_mb_s"] = scan_mb_s(small, 1)[0]
        results["rescan_files"] = args.rescan_files
        results["no_change_rescan_s"] = rescan_seconds(tmp, args.rescan_files)
        shutil.rmtree(corpus, ignore_errors=True)
    results["graph"] = graph_bench(args.graph_nodes, args.graph_edges)
    results["bench_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    cal = results["calibration_regex_mb_s"]
    g = results["graph"]
    core = "native C core" if results["native_core"] else "pure Python (core not built)"
    rows = [
        (
            "corpus scan, 1 process",
            f"{results['corpus_scan_mb_s_jobs1']:.2f} MB/s",
            f"{core}; {results['corpus_declarations'] / results['corpus']['mb']:.0f} decls/MB; "
            f"{results['corpus_scan_mb_s_jobs1'] / cal:.2f} of calibration; target >= 5",
        ),
        (
            "corpus scan, --jobs 2",
            f"{results['corpus_scan_mb_s_jobs2']:.2f} MB/s",
            f"{results['corpus_scan_mb_s_jobs2'] / results['corpus_scan_mb_s_jobs1']:.2f}x vs 1 process",
        ),
        (
            f"{results['slice_mb']:.1f} MB slice: native vs reference",
            f"{results['slice_native_mb_s']:.2f} vs {results['slice_reference_mb_s']:.2f} MB/s",
            f"{results['slice_native_mb_s'] / results['slice_reference_mb_s']:.1f}x; identical scans (tests)",
        ),
        (
            "AxiomDL lean/, 1 process",
            f"{results['library_scan_mb_s_jobs1']:.2f} MB/s",
            f"{results['library_mb']:.2f} MB",
        ),
        ("AxiomDL lean/, --jobs 2", f"{results['library_scan_mb_s_jobs2']:.2f} MB/s", ""),
        (
            "one file, full vs 1/10",
            f"{results['single_file_mb_s']:.2f} vs {results['single_file_tenth_mb_s']:.2f} MB/s",
            f"{results['single_file_mb']:.0f} MB; ratio {results['single_file_mb_s'] / results['single_file_tenth_mb_s']:.2f} (1.0 = linear)",
        ),
        (
            f"no-change rescan, {args.rescan_files} files",
            f"{results['no_change_rescan_s']:.3f} s",
            "target < 0.5 s",
        ),
        (
            f"graph build, {g['nodes']} nodes / {g['edges']} edges",
            f"{g['build_s']:.2f} s",
            "target < 15 s",
        ),
        (
            "requires for every result",
            f"{g['requires_all_s']:.2f} s",
            f"{g['results']} results; target < 10 s",
        ),
        ("one why", f"{g['why_ms']:.1f} ms", "target < 50 ms"),
        ("peak RSS (graph process)", f"{g['peak_rss_mb']:.0f} MB", "target < 1500 MB"),
        ("calibration: read + \\w+ regex", f"{cal:.1f} MB/s", "machine speed reference"),
    ]
    emit("engine", rows, results, width=22)


if __name__ == "__main__":
    main()
