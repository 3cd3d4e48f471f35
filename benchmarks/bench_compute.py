"""Benchmark: ``falsify`` over the whole bundled library, time per declaration.

Target: under 30 s in total at the default instance count. Also times ``check-loss`` on the
README losses and a few harder ones (kinks, a ridge, Rosenbrock) and a ``bound --solve-for``. Prints a table and writes
``benchmarks/results/compute.json``.

    python benchmarks/bench_compute.py [--instances N]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections import Counter
from pathlib import Path

from axiomdl.compute.bound import evaluate, read_quantitative
from axiomdl.compute.falsify import DEFAULT_INSTANCES, falsify
from axiomdl.compute.loss import analyse, parse_loss
from axiomdl.scan.cache import atomic_write_text
from axiomdl.session import load

RESULTS = Path(__file__).parent / "results" / "compute.json"
LOSSES = [
    ("least squares", "(w1 + 2*w2 - 1)^2 + (w1 - w2)^2", "w1,w2"),
    ("logistic", "log(1 + exp(-w))", "w"),
    ("logistic 2-D", "log(1 + exp(-(w1 + 2*w2)))", "w1,w2"),
    ("sqrt(w²+1)", "sqrt(w^2 + 1)", "w"),
    ("factorisation", "(w1*w2 - 1)^2", "w1,w2"),
    ("abs", "abs(w)", "w"),
    ("ReLU unit", "(relu(w1)*w2 - 1)^2", "w1,w2"),
    ("Rosenbrock", "(1 - w1)^2 + 100*(w2 - w1^2)^2", "w1,w2"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--instances", type=int, default=DEFAULT_INSTANCES)
    args = ap.parse_args()

    t0 = time.perf_counter()
    s = load(None, quiet=True)
    t_load = time.perf_counter() - t0

    t0 = time.perf_counter()
    outs = falsify(s.project, instances=args.instances)
    t_falsify = time.perf_counter() - t0
    counts = Counter(o.status for o in outs)
    checked = [o for o in outs if o.status == "checked"]
    per = [o.seconds for o in outs]
    slowest = sorted(outs, key=lambda o: -o.seconds)[:8]

    loss_times = {}
    for label, expr, vars_ in LOSSES:
        t0 = time.perf_counter()
        e, syms = parse_loss(expr, vars_.split(","))
        analyse(e, syms, None)
        loss_times[label] = time.perf_counter() - t0

    t0 = time.perf_counter()
    q = read_quantitative(s.project, s.resolve_name("gd_linear_convergence_inv"))
    r = evaluate(q, {"L": "10", "mu": "1", "f_x0": "1", "fstar": "0"}, "t", 1e-6)
    t_bound = time.perf_counter() - t0

    print(f"{'measure':<44}{'value':>14}")
    rows = [
        ("declarations", len(outs)),
        ("checked", counts.get("checked", 0)),
        ("counterexamples", counts.get("counterexample", 0)),
        ("without instances", counts.get("unsatisfied", 0)),
        ("skipped (outside the fragment)", counts.get("skipped", 0)),
        ("instances per declaration (target)", args.instances),
        ("scan + graph (s)", f"{t_load:.2f}"),
        ("falsify total (s)", f"{t_falsify:.2f}"),
        ("falsify, target < 30 s", "met" if t_falsify < 30 else "MISSED"),
        ("mean per declaration (ms)", f"{1000 * statistics.mean(per):.1f}"),
        (
            "mean per checked declaration (ms)",
            f"{1000 * statistics.mean(o.seconds for o in checked):.1f}" if checked else "-",
        ),
        (
            "checked instances per second",
            f"{sum(o.instances for o in checked) / max(sum(o.seconds for o in checked), 1e-9):.0f}",
        ),
        *[(f"check-loss {k} (s)", f"{v:.2f}") for k, v in loss_times.items()],
        ("bound --solve-for t (s)", f"{t_bound:.3f}"),
    ]
    for k, v in rows:
        print(f"{k:<44}{v!s:>14}")
    print("\nslowest declarations:")
    for o in slowest:
        print(f"  {1000 * o.seconds:8.1f} ms  {o.status:<14} {o.name}")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "instances": args.instances,
        "declarations": len(outs),
        "counts": dict(counts),
        "load_seconds": round(t_load, 3),
        "falsify_seconds": round(t_falsify, 3),
        "target_seconds": 30,
        "target_met": t_falsify < 30,
        "per_declaration_ms": {o.name: round(1000 * o.seconds, 2) for o in outs},
        "check_loss_seconds": {k: round(v, 3) for k, v in loss_times.items()},
        "bound_solve_seconds": round(t_bound, 4),
        "bound_solve_answer": r.needed,
    }
    atomic_write_text(RESULTS, json.dumps(payload, indent=2) + "\n")
    print(f"\nwrote {RESULTS}")


if __name__ == "__main__":
    main()
