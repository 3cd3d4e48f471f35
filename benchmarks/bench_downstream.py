"""A researcher's project on top of a large dependency: only the import closure is read.

A generated 50-file downstream project imports a generated dependency of about 100,000
declarations (Lake's layout: ``.lake/packages/dep`` at a manifest revision) so that the
transitive import closure is about 20% of the dependency. Measured, each one CLI run in a
fresh process (``report -f json``):

- cold (empty cache) vs the closure alone scanned as a project of its own: following the
  imports must cost about what reading the closure costs, never the whole dependency.
  Both are timed on ``rests-on`` (scan, resolve, graph, one query): a ``report`` of the
  closure alone would list its 20,000 results where the downstream lists its own 1,000,
  and time the report rather than the scan; the downstream's cold ``report`` is shown too;
- warm (nothing changed; target < 1 s): the project's 50 files plus the cached closure;
- one own file edited (a new result each run, best of ``--reps``): the dependency's scans
  come from its per-version cache; the report is checked against ``--no-cache``;
- a second project on the same dependency version (own cache cold, package cache warm);
- with ``--whole``, the whole dependency as a project, for contrast.

Run: ``python benchmarks/bench_downstream.py [--dep-decls 100000 --share 0.2] [--quick]``.
Prints a table, writes ``benchmarks/results/downstream.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scale import best, run  # noqa: E402
from corpus import write_project  # noqa: E402
from table import emit  # noqa: E402

REV = "4f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6"
_IMPORT = re.compile(r"^import (Proj\.M\d+)", re.M)
_THEOREM = re.compile(r"^theorem (thm_\d+_\d+) ", re.M)


def make_dependency(pkg: Path, decls: int, mb: float) -> dict:
    """The dependency package: ``Proj/M*.lean`` and a lakefile naming its library."""
    gen = write_project(pkg, decls, mb)
    (pkg / "lakefile.toml").write_text('name = "dep"\n\n[[lean_lib]]\nname = "Proj"\n')
    return gen


def imports_of(pkg: Path) -> dict[str, list[str]]:
    out = {}
    for p in (pkg / "Proj").glob("*.lean"):
        out[f"Proj.{p.stem}"] = _IMPORT.findall(p.read_text(encoding="utf-8"))
    return out


def closure(imports: dict[str, list[str]], roots: list[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo += imports[m]
    return seen


def pick_roots(imports: dict[str, list[str]], share: float, count: int) -> list[str]:
    """``count`` modules whose joint import closure is about ``share`` of the dependency:
    the closure of module k lies below k, so the roots are the highest modules that keep
    the closure under the target."""
    n = len(imports)
    target = int(share * n)
    order = sorted(imports, key=lambda m: int(m.split("M")[-1]))
    lo, hi = 0, n - 1
    while lo < hi:  # the highest module whose own closure is within the target
        mid = (lo + hi + 1) // 2
        if len(closure(imports, [order[mid]])) <= target:
            lo = mid
        else:
            hi = mid - 1
    roots = [order[lo]]
    k = lo - 1
    while len(roots) < count and k >= 0:
        if len(closure(imports, [*roots, order[k]])) <= target:
            roots.append(order[k])
        k -= 1
    return roots


def make_downstream(proj: Path, pkg_src: Path, roots: list[str], files: int) -> None:
    """``files`` modules, each importing one root of the dependency (and its predecessor),
    whose theorems take the root's first assumption and cite its results."""
    (proj / "Down").mkdir(parents=True)
    (proj / "lakefile.toml").write_text(
        'name = "down"\n\n[[require]]\nname = "dep"\ngit = "https://example.org/dep.git"\n'
        'rev = "main"\n\n[[lean_lib]]\nname = "Down"\nglobs = ["Down.+"]\n'
    )
    manifest = {
        "version": "1.1.0",
        "packagesDir": ".lake/packages",
        "packages": [
            {
                "url": "https://example.org/dep.git",
                "type": "git",
                "subDir": None,
                "scope": "",
                "rev": REV,
                "name": "dep",
                "manifestFile": "lake-manifest.json",
                "inputRev": "main",
                "inherited": False,
                "configFile": "lakefile.toml",
            }
        ],
        "name": "down",
        "lakeDir": ".lake",
    }
    (proj / "lake-manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    shutil.copytree(pkg_src, proj / ".lake" / "packages" / "dep", symlinks=True)
    for i in range(files):
        root = roots[i % len(roots)]
        k = root.split("M")[-1]
        text = (pkg_src / "Proj" / f"M{k}.lean").read_text(encoding="utf-8")
        cited = _THEOREM.findall(text)[:3] or ["lem_0"]
        parts = [f"import {root}\n"]
        if i:
            parts.append(f"import Down.F{i - 1}\n")
        parts.append(f"\nset_option autoImplicit false\n\nnamespace Down.F{i}\n\n")
        for j in range(20):
            cite = cited[j % len(cited)]
            parts.append(
                f"/-- Result {j} of file {i}, under the dependency's `A{k}_0`. -/\n"
                f"theorem t_{j} (f : Nat → Nat) (h : Proj.M{k}.A{k}_0 f) (n : Nat) :\n"
                f"    f n ≤ f n + {j} := by\n"
                f"  have c := Proj.M{k}.{cite} f\n"
                "  exact Nat.le_add_right _ _\n\n"
            )
        parts.append(f"end Down.F{i}\n")
        (proj / "Down" / f"F{i}.lean").write_text("".join(parts), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dep-decls", type=int, default=100_000)
    ap.add_argument("--dep-mb", type=float, default=45.0)
    ap.add_argument("--share", type=float, default=0.2, help="the closure's share of the dep")
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--whole", action="store_true", help="also scan the whole dependency")
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    args = ap.parse_args()
    if args.quick:
        args.dep_decls, args.dep_mb, args.files, args.reps = 6000, 3.0, 10, 1
    res: dict = {}
    with tempfile.TemporaryDirectory(prefix="axiomdl-downstream-") as tmp_s:
        tmp = Path(tmp_s)
        src = tmp / "dep"
        res["dependency"] = make_dependency(src, args.dep_decls, args.dep_mb)
        imports = imports_of(src)
        roots = pick_roots(imports, args.share, 10)
        reach = closure(imports, roots)
        res["closure_modules"] = len(reach)
        res["dependency_modules"] = len(imports)
        # the closure alone, as a project of its own (what following the imports must cost)
        alone = tmp / "alone"
        for m in reach:
            rel = m.replace(".", "/") + ".lean"
            (alone / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / rel, alone / rel)
        proj = tmp / "down"
        make_downstream(proj, src, roots, args.files)
        out = tmp / "out.json"
        cache = tmp / "cache"
        cache_alone = tmp / "cache-alone"

        def report(where: Path, c: Path, *extra: str) -> list[str]:
            return [
                "report",
                str(where),
                "-f",
                "json",
                "-o",
                str(out),
                "--cache-dir",
                str(c),
                *extra,
            ]

        dep_name = _THEOREM.findall((src / (roots[0].replace(".", "/") + ".lean")).read_text())[0]
        dep_name = f"{roots[0]}.{dep_name}"
        own_name = "Down.F0.t_0"

        def rests_on(where: Path, c: Path, name: str) -> list[str]:
            return ["rests-on", name, "-C", str(where), "--cache-dir", str(c)]

        res["closure_alone_cold"] = best(
            rests_on(alone, cache_alone, dep_name),
            out,
            2,
            before=lambda: shutil.rmtree(cache_alone, True),
        )
        res["cold"] = best(
            rests_on(proj, cache, own_name), out, 2, before=lambda: shutil.rmtree(cache, True)
        )
        res["cold_report"] = best(
            report(proj, cache), out, 1, before=lambda: shutil.rmtree(cache, True)
        )
        r = json.loads(out.read_text(encoding="utf-8"))
        res["own_results"] = len(r["theorems"])
        res["read"] = r["dependencies"]
        res["warm"] = best(report(proj, cache), out, args.reps)
        name = own_name
        res["warm_rests_on"] = best(
            ["rests-on", name, "-C", str(proj), "--cache-dir", str(cache)], out, args.reps
        )
        victim = proj / "Down" / f"F{args.files // 2}.lean"
        text = victim.read_text(encoding="utf-8")
        edits = iter(range(1_000))

        def edit_own() -> None:  # a new result each time: the own file's scan is stale
            k = next(edits)
            victim.write_text(
                text.replace("end Down.", f"theorem edited_{k} : True := trivial\n\nend Down.")
            )

        res["one_own_file_edited"] = best(report(proj, cache), out, args.reps, before=edit_own)
        edited = out.read_text(encoding="utf-8")
        run(["report", str(proj), "-f", "json", "-o", str(out), "--no-cache"], out)
        res["edit_equals_no_cache"] = out.read_text(encoding="utf-8") == edited
        if not res["edit_equals_no_cache"]:
            raise SystemExit("the report after an edit differs from a --no-cache run")
        victim.write_text(text, encoding="utf-8")
        twin = tmp / "twin"
        shutil.copytree(proj, twin, symlinks=True)  # same dependency version, another folder
        res["second_project_same_version"] = run(report(twin, cache), out)
        if args.whole:
            whole_cache = tmp / "cache-whole"
            res["whole_dependency_cold"] = run(report(src, whole_cache), out)

    def t(x: dict) -> str:
        return f"{x['cpu_s']:.2f} cpu / {x['s']:.2f} wall s"

    cold, alone_t = res["cold"], res["closure_alone_cold"]
    read = sum(d["files"] for d in res["read"])
    rows = [
        (
            f"dependency: {res['dependency']['declarations']:,} decls",
            f"{res['dependency_modules']:,} files",
            f"{res['dependency']['bytes'] / 1e6:.0f} MB",
        ),
        (
            "import closure",
            f"{res['closure_modules']:,} files",
            f"{res['closure_modules'] / res['dependency_modules']:.0%} of the dependency; "
            f"read: {read:,} files",
        ),
        ("closure alone, cold rests-on", t(alone_t), "the closure as a project of its own"),
        (
            f"downstream ({args.files} files), cold rests-on",
            t(cold),
            f"{cold['cpu_s'] / alone_t['cpu_s']:.2f}x the closure alone "
            f"(wall {cold['s'] / alone_t['s']:.2f}x)",
        ),
        ("downstream, cold report", t(res["cold_report"]), "report -f json, empty cache"),
        (
            "downstream report, nothing changed",
            t(res["warm"]),
            f"target < 1 s; {res['warm']['cpu_s'] / res['cold_report']['cpu_s']:.3f} of cold",
        ),
        ("rests-on, nothing changed", t(res["warm_rests_on"]), ""),
        (
            "one own file edited",
            t(res["one_own_file_edited"]),
            f"{res['one_own_file_edited']['cpu_s'] / res['cold_report']['cpu_s']:.2f} of cold; "
            "dependency scans from its per-version cache; the same report as --no-cache",
        ),
        (
            "second project, same dep version",
            t(res["second_project_same_version"]),
            "own cache cold, package cache shared",
        ),
    ]
    if "whole_dependency_cold" in res:
        w = res["whole_dependency_cold"]
        rows.append(
            ("whole dependency, cold", t(w), f"{w['cpu_s'] / cold['cpu_s']:.1f}x the downstream")
        )
    emit("downstream", rows, res, width=26)


if __name__ == "__main__":
    main()
