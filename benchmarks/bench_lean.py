"""Lean backend benchmark: JSON Lines export validation and merge into the exact graph.

Run: ``python benchmarks/bench_lean.py [--decls 100000] [--seed 7]``.
A synthetic export of N declarations (100 modules; 2% assumptions, 10% definitions,
the rest theorems; realistic constant lists including external names and
sub-constants like ``X.mk``) is validated with the real schema, merged into a graph
over the matching scanned project, and compared with the static graph. Prints a
table and writes ``benchmarks/results/lean.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from axiomdl.graph import build_graph  # noqa: E402
from axiomdl.lean.exact import compare, exact_graph  # noqa: E402
from axiomdl.lean.export import parse_export  # noqa: E402
from axiomdl.scan.project import Project, Refs  # noqa: E402
from axiomdl.scan.records import FileScan, RawDecl  # noqa: E402

EXTERNAL = ["Nat", "LE.le", "instLENat", "HAdd.hAdd", "Eq", "And", "propext", "OfNat.ofNat"]


def synthetic(n: int, seed: int) -> tuple[Project, list[str]]:
    """A scanned-project stand-in and its export lines (one static edge per decl)."""
    rng = random.Random(seed)
    files = [FileScan(path=f"Bench/M{m}.lean", module=f"Bench.M{m}") for m in range(100)]
    decls: dict[str, RawDecl] = {}
    decl_file: dict[str, int] = {}
    refs: dict[str, Refs] = {}
    names: list[str] = []
    hyps: list[str] = []
    defs: list[str] = []
    thms: list[str] = []
    lines = ['{"type":"header","schema":"axiomdl-export/1","lean_version":"4.35.0"}']
    for i in range(n):
        m = i * 100 // n
        name = f"Bench.M{m}.d{i}"
        r = rng.random()
        kind, role = (
            ("structure", "assumption")
            if r < 0.02 or i < 5
            else ("def", "definition")
            if r < 0.12
            else ("theorem", "theorem")
        )
        d = RawDecl(
            name=name,
            kind=kind,
            line=10 + 5 * (i % 1000),
            end_line=13 + 5 * (i % 1000),
            ctx=0,
            role=role,
        )
        decls[name] = d
        decl_file[name] = m
        files[m].decls.append(d)
        hyp = rng.sample(hyps, min(len(hyps), rng.randint(1, 3))) + rng.sample(
            defs, min(len(defs), 1)
        )
        concl = (
            rng.sample(hyps, min(len(hyps), 1)) if role == "theorem" and rng.random() < 0.1 else []
        )
        value = rng.sample(thms, min(len(thms), rng.randint(2, 5)))
        value += [f"{h}.mk" for h in rng.sample(hyps, min(len(hyps), 1))]  # sub-constants
        refs[name] = Refs(hyp=set(hyp[:1]), proof=set(value[:1]) - set(hyp[:1]))
        rec = {
            "type": "decl",
            "name": name,
            "kind": kind,
            "module": files[m].module,
            "range": {
                "pos": {"line": d.line, "column": 0},
                "endPos": {"line": d.end_line, "column": 4},
            },
            "doc": None,
            "type_consts": EXTERNAL[:3] + hyp + concl,
            "type_hyp_consts": EXTERNAL[:1] + hyp,
            "type_concl_consts": EXTERNAL[1:3] + concl,
            "value_consts": EXTERNAL[3:] + value,
            "field_consts": [],
            "axioms": ["propext"],
        }
        lines.append(json.dumps(rec, separators=(",", ":")))
        names.append(name)
        (hyps if role == "assumption" else defs if role == "definition" else thms).append(name)
    return Project(Path("."), files, decls, decl_file, refs), lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--decls", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    project, lines = synthetic(args.decls, args.seed)
    size_mb = sum(len(x) + 1 for x in lines) / 1e6
    t = time.perf_counter()
    for line in lines:  # calibration: plain json.loads of the same lines
        json.loads(line)
    json_s = time.perf_counter() - t
    t = time.perf_counter()
    export = parse_export(lines, source="synthetic")
    parse_s = time.perf_counter() - t
    static_g = build_graph(project)
    t = time.perf_counter()
    g = exact_graph(project, static_g, export)
    merge_s = time.perf_counter() - t
    edges = g.number_of_edges()
    t = time.perf_counter()
    c = compare(project, static_g, export, exact_g=g)
    compare_s = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    res = {
        "declarations": args.decls,
        "export_mb": round(size_mb, 2),
        "parse_s": round(parse_s, 3),
        "parse_records_per_s": round(args.decls / parse_s),
        "parse_mb_s": round(size_mb / parse_s, 2),
        "json_loads_records_per_s": round(args.decls / json_s),
        "parse_vs_json_loads": round(json_s / parse_s, 3),
        "merge_s": round(merge_s, 3),
        "exact_edges": edges,
        "merge_edges_per_s": round(edges / merge_s),
        "compare_s": round(compare_s, 3),
        "compare_edges_per_s": round((edges + c.static_edges) / compare_s),
        "static_edges": c.static_edges,
        "peak_rss_mb": round(rss, 1),
    }
    rows = [
        ("declarations", f"{args.decls:,}"),
        ("export size", f"{size_mb:.1f} MB"),
        ("validate JSONL", f"{res['parse_records_per_s']:,} records/s ({res['parse_mb_s']} MB/s)"),
        (
            "  json.loads alone",
            f"{res['json_loads_records_per_s']:,} records/s "
            f"(validation runs at {res['parse_vs_json_loads']:.2f}x its speed)",
        ),
        (
            "merge into graph",
            f"{res['merge_edges_per_s']:,} edges/s ({edges:,} edges, {merge_s:.2f}s)",
        ),
        ("compare static/exact", f"{res['compare_edges_per_s']:,} edges/s ({compare_s:.2f}s)"),
        ("peak RSS", f"{rss:.0f} MB"),
    ]
    w = max(len(a) for a, _ in rows)
    for a, b in rows:
        print(f"{a:<{w}}  {b}")
    out = HERE / "results" / "lean.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
