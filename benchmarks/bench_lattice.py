"""Benchmark: the assumption lattice and the minimal basis, on the bundled library and on
generated Lean projects of growing size.

A generated project has N assumptions in four areas, 70% of them derived by a discharge from
one of the eight below it (two premises for every fifth: joint), N/4 separations ``P_b ∧ ¬ P_a`` with
``a < b`` (never contradicting a discharge) and N/2 theorems requiring random pairs. The
table shows, per project, the time to read and close the lattice (``compute``), to build
the payload (every ordered pair decided or open), and to find the minimal basis, and
whether the basis search stayed exact. Scanning is not included (see bench_engine).
Writes ``benchmarks/results/lattice.json``.

    python benchmarks/bench_lattice.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

from axiomdl.lattice.basis import minimal_basis
from axiomdl.lattice.build import compute, lattice_result
from axiomdl.lattice.lint import project_lattice
from axiomdl.scan.cache import atomic_write_text
from axiomdl.session import load

RESULTS = Path(__file__).parent / "results" / "lattice.json"
AREAS = ("landscape", "expressivity", "generalization", "foundations")


def generate(root: Path, n: int, seed: int = 0) -> None:
    """Write a Lean project with ``n`` assumptions, their discharges and separations."""
    rng = random.Random(seed)
    pkg = root / "Gen"
    pkg.mkdir(parents=True)
    out = ["set_option autoImplicit false", "", "namespace Gen", ""]
    for i in range(n):
        out += [
            f"/-- Assumption: condition {i}.",
            f"Area: {AREAS[i % 4]}",
            "Status: plausible",
            "Evidence: generated.",
            "Refs: none. -/",
            f"structure P{i} (f : Rat → Rat) : Prop where",
            f"  h : ∀ x : Rat, f x ≤ f x + {i}",
            "",
        ]
    for i in range(1, n):
        if rng.random() < 0.3:
            continue  # a root: nothing derives it
        j = rng.randrange(max(0, i - 8), i)
        if i % 5 == 0 and i > 1:
            k = rng.randrange(max(0, i - 8), i)
            out += [
                f"/-- Discharge: {j} and {k} give {i}. -/",
                f"theorem d{i} {{f : Rat → Rat}} (h1 : P{j} f) (h2 : P{k} f) : P{i} f :=",
                "  ⟨fun x => by grind⟩",
                "",
            ]
        else:
            out += [
                f"/-- Discharge: {j} gives {i}. -/",
                f"theorem d{i} {{f : Rat → Rat}} (h : P{j} f) : P{i} f := ⟨fun x => by grind⟩",
                "",
            ]
    for k in range(n // 4):
        a = rng.randrange(n - 1)
        b = rng.randrange(a + 1, n)
        out += [
            f"/-- Separation: {b} without {a}. -/",
            f"theorem s{k} : ∃ f : Rat → Rat, P{b} f ∧ ¬ P{a} f := by",
            "  exact ⟨fun _ => 0, ⟨fun x => by grind⟩, fun h => by grind⟩",
            "",
        ]
    for k in range(n // 2):
        a, b = rng.randrange(n), rng.randrange(n)
        out += [
            f"/-- Needs {a} and {b}. -/",
            f"theorem t{k} {{f : Rat → Rat}} (ha : P{a} f) (hb : P{b} f) : True := trivial",
            "",
        ]
    out.append("end Gen")
    (pkg / "All.lean").write_text("\n".join(out) + "\n", encoding="utf-8")


def measure(label: str, s) -> dict:
    """Time compute, the payload and the basis on one loaded session."""
    t0 = time.perf_counter()
    data = project_lattice(s) if label == "bundled library" else compute(s)
    t1 = time.perf_counter()
    r = lattice_result(s, label, data)
    t2 = time.perf_counter()
    b = minimal_basis(s, data)
    t3 = time.perf_counter()
    return {
        "project": label,
        "assumptions": len(data.hyps),
        "clauses": len(data.clauses),
        "separations": len(r.separations),
        "non_implications": len(r.non_implications),
        "open_total": r.open_total,
        "required": len(b.required),
        "basis": len(b.members),
        "exact": b.exact,
        "compute_s": round(t1 - t0, 4),
        "payload_s": round(t2 - t1, 4),
        "basis_s": round(t3 - t2, 4),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small projects only")
    args = ap.parse_args(argv)
    sizes = [40, 120] if args.quick else [40, 200, 600]
    rows = [measure("bundled library", load(None, quiet=True))]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            root = Path(tmp) / f"gen{n}"
            generate(root, n)
            rows.append(
                measure(f"generated, {n} assumptions", load(root, use_cache=False, quiet=True))
            )
    head = (
        "project",
        "assumptions",
        "clauses",
        "separations",
        "basis",
        "exact",
        "compute_s",
        "payload_s",
        "basis_s",
    )
    print(" | ".join(head))
    for r in rows:
        print(" | ".join(str(r[k]) for k in head))
    payload = {
        "machine": {"python": sys.version.split()[0], "platform": platform.platform()},
        "quick": args.quick,
        "rows": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(RESULTS, json.dumps(payload, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
