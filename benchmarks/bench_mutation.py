"""Mutation score of the test suite: how many small planted bugs do the tests catch?

For each engine module, mutmut 3 plants every mutant it knows (flipped comparisons,
changed constants, dropped calls, swapped operators...) and runs the tests that cover
the mutated function. A mutant is *killed* when some test fails (or times out), and
*survives* when all pass; "no tests" means no selected test runs the function at all.
Mutants that cannot change any observable behaviour are *equivalent*: they are listed,
with the reason, in ``mutation_equivalent.toml`` beside this file and left out of the
score. Score = killed / (mutants - equivalent). Target: ≥ 70 % per module.

Run: ``pip install -e '.[bench]'`` then ``python benchmarks/bench_mutation.py [MODULE ...]``
(every mutant: hours on 2 loaded cores; not part of CI). ``--sample N`` tests N mutants
per module drawn at random with a fixed ``--seed`` (default 0), and the score is then a
*sample estimate*, labelled as one in the table and the JSON. ``run_all.py --mutation``
runs it sampled. Each module runs in a fresh copy of the checkout (tracked files plus the
built C core), so the work tree is never mutated. Results:
``benchmarks/results/mutation.json`` and a table; ``--survivors`` prints every live
surviving mutant's change.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
EQUIVALENT = Path(__file__).with_name("mutation_equivalent.toml")

# module → (file, the fast in-process tests that exercise it)
MODULES: dict[str, tuple[str, list[str]]] = {
    "queries": (
        "src/axiomdl/queries.py",
        ["tests/test_graph_semantics.py", "tests/test_graph_shapes.py"],
    ),
    "graph": (
        "src/axiomdl/graph.py",
        ["tests/test_graph_semantics.py", "tests/test_graph_shapes.py"],
    ),
    "binders": (
        "src/axiomdl/scan/binders.py",
        ["tests/test_scanner_constructs.py", "tests/test_native_core.py"],
    ),
    "resolve": (
        "src/axiomdl/scan/resolve.py",
        [
            "tests/test_scanner_constructs.py",
            "tests/test_modern_lean.py",
            "tests/test_native_core.py",
            "tests/test_graph_shapes.py",
        ],
    ),
    "diff": (
        "src/axiomdl/diff.py",
        ["tests/test_diff_scenarios.py", "tests/test_diff_identity.py"],
    ),
    "lint": (
        "src/axiomdl/lint.py",
        ["tests/test_lint_rules.py", "tests/test_witnesses.py", "tests/test_modern_lean.py"],
    ),
    "falsify": ("src/axiomdl/compute/falsify.py", ["tests/test_compute_falsify.py"]),
    "derivation": (
        "src/axiomdl/derivation.py",
        ["tests/test_graph_semantics.py", "tests/test_graph_shapes.py"],
    ),
    "witnesses": (
        "src/axiomdl/witnesses.py",
        ["tests/test_witnesses.py", "tests/test_lint_rules.py"],
    ),
}

# Besides src/ and tests/ (mutmut copies those), what the tests read from a checkout.
ALSO_COPY = ["benchmarks/", "lean/", "docs/", "exporter/", "lakefile.lean", "lean-toolchain"]


def _copy_checkout(dest: Path) -> None:
    """The tracked files of this checkout, and the compiled scanner core, into ``dest``."""
    files = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.split(b"\0")
    for raw in files:
        if not raw:
            continue
        rel = raw.decode()
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    for so in (ROOT / "src" / "axiomdl" / "scan").glob("_cscan*.so"):
        shutil.copy2(so, dest / "src" / "axiomdl" / "scan" / so.name)


def _configure(dest: Path, file: str, tests: list[str]) -> None:
    cfg = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/"]\n'
        f"only_mutate = [{json.dumps(file)}]\n"
        f"also_copy = {json.dumps(ALSO_COPY)}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q", "-x"]\n'
    )
    with (dest / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write(cfg)


def _mutmut(dest: Path, *args: str, timeout: float = 6 * 3600, check: bool = True) -> str:
    env = dict(os.environ)
    # subprocess CLI runs in the tests import the mutated copy too (and inherit the
    # active mutant through MUTANT_UNDER_TEST)
    # (made now: a folder missing at start-up would be cached as "no modules here")
    (dest / "mutants" / "src").mkdir(parents=True, exist_ok=True)
    env["PYTHONPATH"] = str(dest / "mutants" / "src")
    env.pop("AXIOMDL_DEBUG", None)
    exe = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    proc = subprocess.run(
        [exe, *args], cwd=dest, env=env, capture_output=True, text=True, timeout=timeout
    )
    if check and proc.returncode != 0 and args[0] == "run":
        raise SystemExit(
            f"mutmut run failed in {dest}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        )
    return proc.stdout


_STATUS = re.compile(r"^\s*(\S+): (.+)$")


def _changed_lines(diff: str) -> list[str]:
    return [ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]


def equivalence_key(function: str, diff: str) -> str:
    """A mutant's identity that survives renumbering: its function and changed lines."""
    return function + "\n" + "\n".join(ln[0] + ln[1:].strip() for ln in _changed_lines(diff))


def _function_of(mutant: str) -> str:
    """``axiomdl.queries.xǁAnalysisǁimpact__mutmut_3`` → ``Analysis.impact``."""
    name = mutant.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    if name.startswith("x_"):
        return name[2:]
    return ".".join(p for p in name.split("ǁ")[1:] if p)


def load_equivalent() -> dict[str, dict[str, str]]:
    """module → {equivalence key: reason}."""
    if not EQUIVALENT.is_file():
        return {}
    data = tomllib.loads(EQUIVALENT.read_text(encoding="utf-8"))
    out: dict[str, dict[str, str]] = {}
    for e in data.get("mutant", []):
        key = e["function"] + "\n" + "\n".join(e["change"])
        out.setdefault(e["module"], {})[key] = e["reason"]
    return out


NO_SUCH_MUTANT = "axiomdl_bench_no_such_mutant"


def _sampled(dest: Path, file: str, sample: int, seed: int) -> tuple[int, list[str]]:
    """Every mutant's name (mutmut generates them, then stops at the unmatched filter),
    and ``sample`` of them drawn with ``seed``."""
    _mutmut(dest, "run", NO_SUCH_MUTANT, check=False)
    meta = dest / "mutants" / (file + ".meta")
    names = sorted(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    if sample >= len(names):
        return len(names), names
    return len(names), sorted(random.Random(seed).sample(names, sample))


def run_module(name: str, keep: bool, sample: int | None = None, seed: int = 0) -> dict:
    file, tests = MODULES[name]
    dest = Path(tempfile.mkdtemp(prefix=f"axiomdl-mut-{name}-"))
    try:
        _copy_checkout(dest)
        _configure(dest, file, tests)
        # the tests run in mutants/: a git root there, as in a checkout (lint's github
        # format gives paths relative to it)
        (dest / "mutants").mkdir()
        subprocess.run(["git", "init", "-q", str(dest / "mutants")], check=True)
        t0 = time.perf_counter()
        children = ("--max-children", str(os.cpu_count() or 2))
        population, chosen = None, None
        if sample is not None:
            population, chosen = _sampled(dest, file, sample, seed)
            _mutmut(dest, "run", *children, *chosen)
        else:
            _mutmut(dest, "run", *children)
        seconds = time.perf_counter() - t0
        statuses: dict[str, str] = {}
        for line in _mutmut(dest, "results", "--all", "true").splitlines():
            m = _STATUS.match(line)
            if m and (chosen is None or m.group(1) in chosen):
                statuses[m.group(1)] = m.group(2).strip()
        survivors = []
        for mutant, st in sorted(statuses.items()):
            if st in ("survived", "no tests"):
                diff = _mutmut(dest, "show", mutant)
                survivors.append(
                    {
                        "mutant": mutant,
                        "status": st,
                        "function": _function_of(mutant),
                        "change": [ln[0] + ln[1:].strip() for ln in _changed_lines(diff)],
                    }
                )
        return {
            "module": name,
            "file": file,
            "tests": tests,
            "seconds": seconds,
            "population": population if population is not None else len(statuses),
            "sample": None if sample is None else {"size": len(statuses), "seed": seed},
            "statuses": statuses,
            "survivors": survivors,
        }
    finally:
        if keep:
            print(f"kept {dest}", file=sys.stderr)
        else:
            shutil.rmtree(dest, ignore_errors=True)


def score(result: dict, equivalent: dict[str, str]) -> dict:
    """Counts and the score of one module's run, equivalent mutants left out."""
    st = list(result["statuses"].values())
    killed = sum(s in ("killed", "timeout", "segfault") for s in st)
    eq = [
        s
        for s in result["survivors"]
        if s["function"] + "\n" + "\n".join(s["change"]) in equivalent
    ]
    live = [s for s in result["survivors"] if s not in eq]
    total = len(st)
    counted = total - len(eq) - sum(s in ("skipped", "suspicious") for s in st)
    return {
        "mutants": total,
        "killed": killed,
        "survived": sum(s == "survived" for s in st),
        "no_tests": sum(s == "no tests" for s in st),
        "equivalent": len(eq),
        "score": round(100 * killed / counted, 1) if counted else 100.0,
        "live_survivors": live,
        "seconds": round(result["seconds"]),
        "population": result["population"],
        "sample": result["sample"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("modules", nargs="*", choices=[[], *MODULES], default=[])
    ap.add_argument("--survivors", action="store_true", help="print each live survivor")
    ap.add_argument("--keep", action="store_true", help="keep the mutated copies")
    ap.add_argument(
        "--sample", type=int, metavar="N", help="test N mutants per module (an estimate)"
    )
    ap.add_argument("--seed", type=int, default=0, help="the sample's seed (default 0)")
    args = ap.parse_args()
    names = args.modules or list(MODULES)
    equivalent = load_equivalent()
    RESULTS.mkdir(parents=True, exist_ok=True)
    out_file = RESULTS / "mutation.json"
    previous = json.loads(out_file.read_text()) if out_file.is_file() else {}
    rows = []
    for name in names:
        print(f"-- {name}: mutating {MODULES[name][0]}", flush=True)
        res = run_module(name, args.keep, args.sample, args.seed)
        sc = score(res, equivalent.get(name, {}))
        previous[name] = {**sc, "file": res["file"], "tests": res["tests"]}
        out_file.write_text(json.dumps(previous, indent=2, ensure_ascii=False) + "\n")
        rows.append((name, sc))
        if args.survivors:
            for s in sc["live_survivors"]:
                print(f"   {s['status']:9} {s['function']}: " + " | ".join(s["change"]))
    print(
        f"\n{'module':<11} {'mutants':>7} {'killed':>6} {'survived':>8} {'no tests':>8} "
        f"{'equiv.':>6} {'score':>6} {'time':>6}"
    )
    if args.sample is not None:
        print(f"(a sample: at most {args.sample} mutants per module, seed {args.seed})")
    failed = 0
    for name, sc in rows:
        print(
            f"{name:<11} {sc['mutants']:>7} {sc['killed']:>6} {sc['survived']:>8} "
            f"{sc['no_tests']:>8} {sc['equivalent']:>6} {sc['score']:>5}% {sc['seconds']:>5}s"
            + (f"  (of {sc['population']})" if sc["sample"] else "")
        )
        failed += sc["score"] < 70
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
