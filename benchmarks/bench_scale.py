"""Scale benchmarks: cold vs warm vs the bare tokenizer, text vs JSON, a Mathlib-scale run.

Every timed figure is one end-to-end CLI run in a fresh process, as a user runs
it (``python -m axiomdl ...``, stdout to a file), best of a few where it is cheap.
"Cold" starts from an empty cache directory; "warm" repeats the command with no
file changed. Peak RSS is the child's own (``wait4``'s ``ru_maxrss``).

Run: ``python benchmarks/bench_scale.py [--decls 40000 --mb 28] [--mathlib-decls 450000
--mathlib-mb 120] [--quick]``. Prints a table, writes ``benchmarks/results/scale.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_project  # noqa: E402
from table import emit  # noqa: E402


def run(args: list[str], out: Path, cwd: Path | None = None) -> dict:
    """One CLI run: wall seconds, peak RSS (MB) and exit code."""
    env = {k: v for k, v in os.environ.items() if k != "AXIOMDL_DEBUG"}
    t = time.perf_counter()
    with out.open("wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "axiomdl", *args],
            stdout=fh,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"axiomdl {' '.join(args)} exited {code}: {err[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime  # steadier than wall time on a shared machine
    return {"s": wall, "cpu_s": cpu, "rss_mb": usage.ru_maxrss / 1024, "code": code}


def best(args: list[str], out: Path, times: int, before=None) -> dict:
    """The fastest of ``times`` runs (``before()`` runs ahead of each, untimed)."""
    runs = []
    for _ in range(times):
        if before:
            before()
        runs.append(run(args, out))
    return min(runs, key=lambda r: r["cpu_s"])


def tokenizer_s(root: Path) -> float:
    """The bare tokenizer: read every file and split it into words with one regex pass."""
    rx = re.compile(r"\w+")
    t = time.perf_counter()
    for p in root.rglob("*.lean"):
        rx.findall(p.read_text(encoding="utf-8"))
    return time.perf_counter() - t


def _drop_outputs(cache: Path) -> None:
    for p in cache.glob("scan-*/out-*.blob"):
        p.unlink()


def _dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def project_bench(tmp: Path, decls: int, mb: float, reps: int) -> dict:
    """Cold vs warm vs tokenizer, and text vs JSON, on a generated project."""
    proj = tmp / "proj"
    gen = write_project(proj, decls, mb)
    cache = tmp / "cache"
    out = tmp / "out.txt"
    res: dict = {"project": gen, "mb": gen["bytes"] / 1e6}
    res["tokenizer_s"] = min(tokenizer_s(proj) for _ in range(2))
    res["startup"] = best(["--version"], out, reps)
    json_args = ["report", str(proj), "-f", "json", "--cache-dir", str(cache)]
    res["cold_json"] = best(json_args, out, 2, before=lambda: shutil.rmtree(cache, True))
    report = json.loads(out.read_text(encoding="utf-8"))
    res["declarations"] = report["counts"]["declarations"]
    res["edges"] = report["counts"]["edges"]
    res["results"] = len(report["theorems"])
    res["json_mb"] = out.stat().st_size / 1e6
    name = next((t["name"] for t in report["theorems"] if t["derived"]), report["theorems"][0])
    res["warm_json"] = best(json_args, out, reps)
    res["warm_rests_on"] = best(
        ["rests-on", name, "-C", str(proj), "--cache-dir", str(cache)], out, reps
    )
    res["warm_audit"] = best(["audit", str(proj), "--cache-dir", str(cache)], out, reps)
    res["cache_mb"] = _dir_mb(cache)
    # text vs JSON, the graph cached but not the output (the first text run after a JSON one)
    for key, extra in (("json", ["-f", "json"]), ("text_all", ["--all"]), ("text", [])):
        args = ["report", str(proj), *extra, "--cache-dir", str(cache)]
        res[f"graph_warm_{key}"] = best(args, out, reps, before=lambda: _drop_outputs(cache))
        res[f"{key}_mb"] = out.stat().st_size / 1e6
    for key, extra in (("json", ["-f", "json"]), ("text_all", ["--all"])):
        res[f"nocache_{key}"] = run(["report", str(proj), *extra, "--no-cache"], out)
    # one file edited: the scan rescans it, the graph and sets are rebuilt
    victim = sorted((proj / "Proj").glob("*.lean"))[gen["files"] // 2]
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("end Proj.", "theorem edited : True := trivial\n\nend Proj."))
    res["one_file_changed_json"] = run(json_args, out)
    victim.write_text(text, encoding="utf-8")
    shutil.rmtree(proj, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return res


def mathlib_bench(tmp: Path, decls: int, mb: float) -> dict:
    """A Mathlib-sized generated project: cold and warm runs with their peak RSS."""
    proj = tmp / "mathlib"
    t = time.perf_counter()
    gen = write_project(proj, decls, mb, per_module=90, assumption_share=0.01)
    res: dict = {"project": gen, "mb": gen["bytes"] / 1e6, "generate_s": time.perf_counter() - t}
    cache = tmp / "mcache"
    out = tmp / "mout.txt"
    json_args = ["report", str(proj), "-f", "json", "--cache-dir", str(cache)]
    res["cold_json"] = run(json_args, out)
    report = json.loads(out.read_text(encoding="utf-8"))
    res["declarations"] = report["counts"]["declarations"]
    res["edges"] = report["counts"]["edges"]
    res["json_mb"] = out.stat().st_size / 1e6
    name = next((t["name"] for t in report["theorems"] if t["derived"]), report["theorems"][0])
    del report
    res["tokenizer_s"] = tokenizer_s(proj)
    res["warm_json"] = best(json_args, out, 2)
    res["warm_rests_on"] = best(
        ["rests-on", name, "-C", str(proj), "--cache-dir", str(cache)], out, 2
    )
    res["cache_mb"] = _dir_mb(cache)
    shutil.rmtree(proj, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--decls", type=int, default=40_000)
    ap.add_argument("--mb", type=float, default=28.0)
    ap.add_argument("--mathlib-decls", type=int, default=450_000)
    ap.add_argument("--mathlib-mb", type=float, default=120.0)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = ap.parse_args()
    if args.quick:
        args.decls, args.mb, args.mathlib_decls, args.mathlib_mb, args.reps = (
            2000,
            1.4,
            9000,
            2.4,
            1,
        )
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="axiomdl-scale-") as tmp_s:
        tmp = Path(tmp_s)
        results["project"] = p = project_bench(tmp, args.decls, args.mb, args.reps)
        results["mathlib"] = m = mathlib_bench(tmp, args.mathlib_decls, args.mathlib_mb)

    def t(r: dict) -> str:
        """CPU seconds (the steady figure on a shared machine), then wall seconds."""
        return f"{r['cpu_s']:.2f} cpu / {r['s']:.2f} wall s"

    def ratio(r: dict, base: dict) -> str:
        return f"{r['cpu_s'] / base['cpu_s']:.3f} (wall {r['s'] / base['s']:.3f})"

    cold = p["cold_json"]
    up = p["startup"]["cpu_s"]
    rows = [
        (
            f"generated project: {p['declarations']:,} decls, {p['mb']:.0f} MB",
            f"{p['results']:,} results",
            f"{p['edges']:,} edges, {p['project']['files']:,} files",
        ),
        ("bare tokenizer (read + \\w+ regex)", f"{p['tokenizer_s']:.2f} s", "in process"),
        ("start-up (axiomdl --version)", t(p["startup"]), "floor of every run"),
        (
            "report -f json, cold",
            t(cold),
            f"tokenizer/cold {p['tokenizer_s'] / cold['cpu_s']:.2f}; {cold['rss_mb']:.0f} MB peak",
        ),
        (
            "report -f json, nothing changed",
            t(p["warm_json"]),
            f"{ratio(p['warm_json'], cold)} of cold (target <= 0.15); beyond start-up "
            f"{(p['warm_json']['cpu_s'] - up) / (cold['cpu_s'] - up):.3f}",
        ),
        ("rests-on, nothing changed", t(p["warm_rests_on"]), "target < 0.5 s"),
        ("audit, nothing changed", t(p["warm_audit"]), ""),
        (
            "report -f json, one file changed",
            t(p["one_file_changed_json"]),
            f"{ratio(p['one_file_changed_json'], cold)} of cold",
        ),
        ("graph cached: report -f json", t(p["graph_warm_json"]), ""),
        (
            "graph cached: report --all (text)",
            t(p["graph_warm_text_all"]),
            f"{ratio(p['graph_warm_text_all'], p['graph_warm_json'])} x json (target <= 1.5)",
        ),
        ("graph cached: report (text summary)", t(p["graph_warm_text"]), ""),
        (
            "no cache: report --all vs -f json",
            t(p["nocache_text_all"]),
            f"{ratio(p['nocache_text_all'], p['nocache_json'])} x json ({t(p['nocache_json'])})",
        ),
        (
            "output sizes: json / text --all / text",
            f"{p['json_mb']:.1f} / {p['text_all_mb']:.1f} / {p['text_mb']:.2f} MB",
            f"cache {p['cache_mb']:.0f} MB",
        ),
        (
            f"Mathlib-scale: {m['declarations']:,} decls, {m['mb']:.0f} MB",
            f"{m['edges']:,} edges",
            f"{m['project']['files']:,} files; generated in {m['generate_s']:.0f} s",
        ),
        (
            "  report -f json, cold",
            t(m["cold_json"]),
            f"peak RSS {m['cold_json']['rss_mb']:.0f} MB; tokenizer {m['tokenizer_s']:.1f} s",
        ),
        (
            "  report -f json, nothing changed",
            t(m["warm_json"]),
            f"{ratio(m['warm_json'], m['cold_json'])} of cold; "
            f"peak RSS {m['warm_json']['rss_mb']:.0f} MB",
        ),
        (
            "  rests-on, nothing changed",
            t(m["warm_rests_on"]),
            f"peak RSS {m['warm_rests_on']['rss_mb']:.0f} MB; cache {m['cache_mb']:.0f} MB",
        ),
    ]
    emit("scale", rows, results, width=30)


if __name__ == "__main__":
    main()
