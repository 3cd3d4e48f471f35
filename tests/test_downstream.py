"""A researcher's own project: imports followed into Lake packages and the bundled library
(issue 15).

The fixture `research` proves theorems against AxiomDL (Lake's checkout under
`.lake/packages/axiomdl`, here a copy of this repository's library) and against `probkit`, a
probability library whose hypotheses are `Prop` classes named in its own `axiomdl.toml`.
Every test runs the CLI or the scanner on real files laid out as Lake lays them out.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
from pathlib import Path

import pytest

from axiomdl.scan.cache import CacheDir
from axiomdl.scan.project import SCANNER_VERSION, scan_project
from tests.conftest import FIXTURES, ROOT

RESEARCH = FIXTURES / "downstream" / "research"
PROBKIT = FIXTURES / "probkit"
PROBKIT_REV = "9b8a7c6d5e4f30211f0e9d8c7b6a5f4e3d2c1b0a"


def checkout_library(dst: Path) -> None:
    """Lake's checkout of AxiomDL: the repository's lakefile and its `lean/` sources."""
    dst.mkdir(parents=True)
    shutil.copy2(ROOT / "lakefile.lean", dst / "lakefile.lean")
    shutil.copytree(ROOT / "lean", dst / "lean")


def make_research(where: Path) -> Path:
    proj = where / "research"
    shutil.copytree(RESEARCH, proj)
    checkout_library(proj / ".lake" / "packages" / "axiomdl")
    shutil.copytree(PROBKIT, proj / ".lake" / "packages" / "probkit")
    return proj


@pytest.fixture
def research(tmp_path: Path) -> Path:
    return make_research(tmp_path)


def library_closure(start: list[str]) -> set[str]:
    """The AxiomDL modules ``start`` imports, transitively, read from the import lines."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        mod = todo.pop()
        if mod in seen or not mod.startswith("AxiomDL"):
            continue
        seen.add(mod)
        text = (ROOT / "lean" / (mod.replace(".", "/") + ".lean")).read_text(encoding="utf-8")
        todo += re.findall(r"^import (\S+)", text, re.M)
    return seen


# -- following imports ---------------------------------------------------------------


def test_rests_on_goes_through_the_dependencies(research: Path, run_cli) -> None:
    proc = run_cli("rests-on", "-C", str(research), "rate_of_wellConditioned", "-f", "json")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    r = json.loads(proc.stdout)
    # through the project's own bundle `WellConditioned := Smooth ∧ PolyakLojasiewicz`
    assert r["requires"] == [
        "AxiomDL.InnerProductSpace",
        "AxiomDL.PolyakLojasiewicz",
        "AxiomDL.Smooth",
    ]
    # requires nothing, yet its proof applies the library's rate to the library's witness
    q = json.loads(run_cli("rests-on", "-C", str(research), "quad_rate", "-f", "json").stdout)
    assert q["requires"] == [] and {"AxiomDL.Smooth", "AxiomDL.PolyakLojasiewicz"} <= set(q["uses"])
    assert {d["assumption"]: d["path"] for d in q["derived"]}["AxiomDL.Smooth"] == [
        "Research.quad_rate",
        "AxiomDL.gd_joint_witness_rat",
        "AxiomDL.Smooth",
    ]
    # a dependency's own axiomdl.toml names its hypotheses (probkit has no docstring headers)
    m = run_cli("rests-on", "-C", str(research), "minibatch_concentration").stdout
    assert (
        "requires:    Probkit.IndepFun (plausible), Probkit.Integrable (plausible), "
        "Probkit.IsProbabilityMeasure (established)"
    ) in m


def test_only_the_import_closure_is_read(research: Path) -> None:
    p = scan_project(research, use_cache=False)
    deps = {fs.module for fs in p.files if fs.package == "axiomdl"}
    want = library_closure(["AxiomDL.Landscape.Convergence", "AxiomDL.Landscape.JointWitnesses"])
    assert deps == want
    library = {str(f) for f in (ROOT / "lean").rglob("*.lean")}
    assert len(deps) < len(library) / 2  # Expressivity, Generalization, … are never read
    assert not any(m.startswith("AxiomDL.Expressivity") for m in deps)
    probkit = {fs.module for fs in p.files if fs.package == "probkit"}
    assert probkit == {
        "Probkit.WeakLaw",
        "Probkit.Independence",
        "Probkit.Chebyshev",
        "Probkit.Integral",
        "Probkit.Measure",
    }  # `Probkit` (the root module) is not imported by anyone
    assert {fs.module for fs in p.files if fs.package is None} == {
        "Research",
        "Research.Rates",
        "Research.Sampling",
    }
    shown = {fs.path for fs in p.files if fs.package == "probkit"}
    assert ".lake/packages/probkit/Probkit/WeakLaw.lean" in shown
    assert [(d.name, d.kind, d.rev, d.files) for d in p.packages] == [
        ("axiomdl", "git", "5d0f3c9a1e2b4c6d8e0f1a2b3c4d5e6f7a8b9c0d", len(want)),
        ("probkit", "git", PROBKIT_REV, 5),
    ]


def test_the_checkout_wins_over_the_bundled_library(research: Path, run_cli) -> None:
    pl = research / ".lake/packages/axiomdl/lean/AxiomDL/Landscape/PL.lean"
    text = pl.read_text(encoding="utf-8")
    head = text.index("structure PolyakLojasiewicz")
    doc_at = text.rindex("Status: plausible", 0, head)
    pl.write_text(text[:doc_at] + "Status: contested" + text[doc_at + 17 :], encoding="utf-8")
    out = run_cli("rests-on", "-C", str(research), "rate_of_wellConditioned").stdout
    assert "AxiomDL.PolyakLojasiewicz (contested)" in out
    # the bundled copy still says plausible: it was not read
    assert (
        "AxiomDL.PolyakLojasiewicz (plausible)"
        in run_cli("rests-on", "gd_linear_convergence").stdout
    )


def test_without_a_checkout_axiomdl_resolves_to_the_bundled_library(
    tmp_path: Path, run_cli
) -> None:
    proj = tmp_path / "research"
    shutil.copytree(RESEARCH, proj)
    (proj / "lake-manifest.json").unlink()  # never `lake update`d: no manifest, no checkouts
    proc = run_cli("report", str(proj), "-f", "json")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    r = json.loads(proc.stdout)
    assert [(d["name"], d["kind"]) for d in r["dependencies"]] == [("axiomdl", "bundled")]
    by = {t["name"]: t for t in r["theorems"]}
    assert by["Research.rate_of_wellConditioned"]["requires"] == [
        "AxiomDL.InnerProductSpace",
        "AxiomDL.PolyakLojasiewicz",
        "AxiomDL.Smooth",
    ]
    assert by["Research.minibatch_concentration"]["requires"] == []  # probkit: never fetched


def test_the_old_lake_packages_layout_is_read(tmp_path: Path, run_cli) -> None:
    """Lake before `.lake/`: checkouts under `lake-packages/`, here without a manifest (one
    package configured by lakefile.lean with `srcDir := "lean"`, one by lakefile.toml)."""
    proj = tmp_path / "research"
    shutil.copytree(RESEARCH, proj)
    (proj / "lake-manifest.json").unlink()
    checkout_library(proj / "lake-packages" / "axiomdl")
    shutil.copytree(PROBKIT, proj / "lake-packages" / "probkit")
    proc = run_cli("report", str(proj), "-f", "json")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    r = json.loads(proc.stdout)
    deps = {d["name"]: (d["kind"], d["root"]) for d in r["dependencies"]}
    assert deps == {
        "axiomdl": ("folder", "lake-packages/axiomdl"),
        "probkit": ("folder", "lake-packages/probkit"),
    }
    by = {t["name"]: t["requires"] for t in r["theorems"]}
    assert by["Research.minibatch_concentration"] == [
        "Probkit.IndepFun",
        "Probkit.Integrable",
        "Probkit.IsProbabilityMeasure",
    ]
    # the checkout is read, not the bundled copy: its files are named under lake-packages/
    full = json.loads(run_cli("report", str(proj), "-f", "json", "--include-deps").stdout)
    gd = next(x for x in full["theorems"] if x["name"] == "AxiomDL.gd_linear_convergence")
    assert (gd["package"], gd["file"]) == (
        "axiomdl",
        "lake-packages/axiomdl/lean/AxiomDL/Landscape/Convergence.lean",
    )


def test_a_path_package_with_a_source_folder(tmp_path: Path, run_cli) -> None:
    """A manifest `path` package outside the project whose lakefile.toml sets `srcDir`:
    module `Probkit.WeakLaw` is `<dir>/src/Probkit/WeakLaw.lean`."""
    proj = make_research(tmp_path)
    shutil.rmtree(proj / ".lake/packages/probkit")
    vendored = tmp_path / "vendor" / "probkit"
    (vendored / "src").mkdir(parents=True)
    shutil.copytree(PROBKIT / "Probkit", vendored / "src" / "Probkit")
    shutil.copy2(PROBKIT / "Probkit.lean", vendored / "src" / "Probkit.lean")
    shutil.copy2(PROBKIT / "axiomdl.toml", vendored / "axiomdl.toml")
    toml = (PROBKIT / "lakefile.toml").read_text(encoding="utf-8")
    (vendored / "lakefile.toml").write_text(
        toml.replace("defaultTargets", 'srcDir = "src"\ndefaultTargets'), encoding="utf-8"
    )
    manifest = proj / "lake-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["packages"][1] = {
        "type": "path",
        "name": "probkit",
        "dir": "../vendor/probkit",
        "scope": "",
        "inherited": False,
        "configFile": "lakefile.toml",
    }
    manifest.write_text(json.dumps(data, indent=1), encoding="utf-8")
    proc = run_cli("report", str(proj), "-f", "json")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    r = json.loads(proc.stdout)
    probkit = next(d for d in r["dependencies"] if d["name"] == "probkit")
    assert (probkit["kind"], probkit["rev"]) == ("path", None)
    by = {t["name"]: t["requires"] for t in r["theorems"]}
    assert "Probkit.IndepFun" in by["Research.minibatch_concentration"]


# -- known, not owned ----------------------------------------------------------------


def test_reports_list_the_projects_own_results(research: Path, run_cli) -> None:
    r = json.loads(run_cli("report", str(research), "-f", "json").stdout)
    assert sorted(t["name"] for t in r["theorems"]) == [
        "Research.minibatch_concentration",
        "Research.quad_rate",
        "Research.rate_of_wellConditioned",
    ]
    assert all(t["package"] is None for t in r["theorems"])
    assumptions = {a["name"]: a for a in r["assumptions"]}
    # the dependencies' assumptions the project rests on, counted over its own results
    assert assumptions["AxiomDL.Smooth"]["package"] == "axiomdl"
    assert assumptions["AxiomDL.Smooth"]["required_by"] == 1
    assert assumptions["Probkit.IndepFun"]["package"] == "probkit"
    assert "AxiomDL.Convex" not in assumptions  # in the closure, but nothing here uses it
    assert r["counts"]["files"] == 3 and r["counts"]["theorems"] == 3
    assert r["unused"] == []
    every = json.loads(run_cli("report", str(research), "-f", "json", "--include-deps").stdout)
    names = {t["name"]: t for t in every["theorems"]}
    assert names["AxiomDL.gd_linear_convergence"]["package"] == "axiomdl"
    assert names["Probkit.weak_law_pairwise"]["package"] == "probkit"
    assert every["counts"]["files"] > 30
    assert (r["dependencies_listed"], every["dependencies_listed"]) == (False, True)
    assert "Dependencies (their results are listed): axiomdl @ 5d0f3c9a1e2b: " in (
        run_cli("report", str(research), "--include-deps").stdout
    )
    text = run_cli("report", str(research)).stdout
    assert (
        "Dependencies (their results are not listed; --include-deps lists them): "
        "axiomdl @ 5d0f3c9a1e2b: "
    ) in text
    unused = run_cli("unused", "-C", str(research)).stdout
    assert unused == "no unused assumptions\n"
    assert "AxiomDL." in run_cli("unused", "-C", str(research), "--include-deps").stdout


def test_impact_and_why_go_through_the_dependencies(research: Path, run_cli) -> None:
    i = json.loads(run_cli("impact", "PolyakLojasiewicz", "-C", str(research), "-f", "json").stdout)
    assert i["statement"] == ["Research.rate_of_wellConditioned"]
    assert i["proof"] == ["Research.quad_rate"]
    assert i["bundles"] == ["Research.WellConditioned"]
    assert i["in_dependencies"] > 0
    every = json.loads(
        run_cli(
            "impact", "PolyakLojasiewicz", "-C", str(research), "-f", "json", "--include-deps"
        ).stdout
    )
    assert "AxiomDL.gd_linear_convergence" in every["statement"]
    assert every["in_dependencies"] == 0
    why = run_cli("why", "quad_rate", "PolyakLojasiewicz", "-C", str(research)).stdout
    assert why == (
        "Research.quad_rate\n"
        "  —proof/value→ AxiomDL.gd_joint_witness_rat\n"
        "  —statement/conclusion→ AxiomDL.PolyakLojasiewicz\n"
    )


def test_audit_lists_a_dependencys_findings_on_request(research: Path, run_cli) -> None:
    cheb = research / ".lake/packages/probkit/Probkit/Chebyshev.lean"
    text = cheb.read_text(encoding="utf-8")
    cheb.write_text(text.replace("  have hv := variance_nonneg μ X\n", "  sorry\n"), "utf-8")
    line = 1 + text.split("theorem meas_ge_le_variance_div_sq")[0].count("\n")
    proc = run_cli("audit", str(research))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "audit (static): 0 finding(s)\n"
    assert "1 finding(s) in dependencies not listed (--include-deps lists them)" in proc.stderr
    every = run_cli("audit", str(research), "--include-deps")
    assert every.returncode == 1
    assert (
        f".lake/packages/probkit/Probkit/Chebyshev.lean:{line}: error: "
        "`Probkit.meas_ge_le_variance_div_sq` uses `sorry` [sorry]"
    ) in every.stdout
    lint = run_cli("lint", str(research))
    assert lint.returncode == 0 and "0 finding(s) in 3 files" in lint.stdout


def test_the_site_shows_the_project_and_what_it_rests_on(
    research: Path, tmp_path: Path, run_cli
) -> None:
    out = tmp_path / "site"
    proc = run_cli("site", str(out), "-C", str(research), "-q")
    assert proc.returncode == 0, proc.stderr
    index = (out / "data" / "index.js").read_text(encoding="utf-8")
    assert "Research.quad_rate" in index and "AxiomDL.gd_joint_witness_rat" in index
    # in the closure (Convergence.lean) but used by nothing of the project's
    assert "AxiomDL.gd_interpolation_geometric" not in index
    every = tmp_path / "every"
    run_cli("site", str(every), "-C", str(research), "-q", "--include-deps")
    assert "AxiomDL.gd_interpolation_geometric" in (every / "data" / "index.js").read_text(
        encoding="utf-8"
    )


# -- bad input: one warning each, the scan goes on ---------------------------------


def test_a_malformed_manifest_is_one_warning(research: Path, run_cli) -> None:
    (research / "lake-manifest.json").write_text('{"version": "1.1.0",\n "packages": [\n', "utf-8")
    proc = run_cli("rests-on", "-C", str(research), "rate_of_wellConditioned")
    assert proc.returncode == 0
    (warning,) = proc.stderr.splitlines()
    assert warning.startswith("axiomdl: lake-manifest.json:3: warning: not valid JSON")
    # the folders under .lake/packages are still read
    assert "AxiomDL.PolyakLojasiewicz (plausible), AxiomDL.Smooth" in proc.stdout


def test_a_missing_checkout_is_one_warning(research: Path, run_cli) -> None:
    shutil.rmtree(research / ".lake/packages/probkit")
    proc = run_cli("rests-on", "-C", str(research), "minibatch_concentration")
    assert proc.returncode == 0
    assert proc.stderr.splitlines() == [
        "axiomdl: lake-manifest.json:19: warning: package `probkit` has no checkout at "
        ".lake/packages/probkit (run `lake update`); its modules are not read [package]"
    ]
    assert "requires:    nothing" in proc.stdout


def test_a_module_that_exists_nowhere_is_one_warning(research: Path, run_cli) -> None:
    rates = research / "Research/Rates.lean"
    text = rates.read_text(encoding="utf-8")
    rates.write_text("import AxiomDL.Landscape.Nope\n" + text, encoding="utf-8")
    proc = run_cli("report", str(research), "-f", "json")
    assert proc.returncode == 0
    assert proc.stderr.splitlines() == [
        "axiomdl: Research/Rates.lean:1: warning: import `AxiomDL.Landscape.Nope`: package "
        "`axiomdl` has no module `AxiomDL.Landscape.Nope` (looked for "
        ".lake/packages/axiomdl/lean/AxiomDL/Landscape/Nope.lean); it stays external [import]"
    ]
    # the module appears: the cached scan sees it (the path it was looked for at is watched)
    nope = research / ".lake/packages/axiomdl/lean/AxiomDL/Landscape/Nope.lean"
    nope.write_text("namespace AxiomDL\ntheorem nope_holds : True := trivial\nend AxiomDL\n")
    again = run_cli("report", str(research), "-f", "json", "--include-deps")
    assert again.returncode == 0 and again.stderr == ""
    assert "AxiomDL.nope_holds" in {t["name"] for t in json.loads(again.stdout)["theorems"]}


def test_an_import_cycle_is_one_warning(research: Path, run_cli) -> None:
    measure = research / ".lake/packages/probkit/Probkit/Measure.lean"
    measure.write_text("import Probkit.WeakLaw\n" + measure.read_text(encoding="utf-8"))
    proc = run_cli("rests-on", "-C", str(research), "minibatch_concentration")
    assert proc.returncode == 0
    (warning,) = proc.stderr.splitlines()
    assert warning.startswith("axiomdl: .lake/packages/probkit/Probkit/")
    assert "warning: import cycle: " in warning and warning.endswith("[import-cycle]")
    cycle = warning.split("import cycle: ")[1].removesuffix(" [import-cycle]").split(" → ")
    assert cycle[0] == cycle[-1] and {"Probkit.Measure", "Probkit.WeakLaw"} <= set(cycle)
    assert "Probkit.IndepFun" in proc.stdout  # the scan went on


def test_an_unreadable_lakefile_of_a_package_is_one_warning(research: Path, run_cli) -> None:
    lakefile = research / ".lake/packages/probkit/lakefile.toml"
    lakefile.write_text('name = "probkit"\n[[lean_lib]\nname = "Probkit"\n', encoding="utf-8")
    proc = run_cli("rests-on", "-C", str(research), "minibatch_concentration")
    assert proc.returncode == 0
    (warning,) = proc.stderr.splitlines()
    assert warning.startswith(
        "axiomdl: .lake/packages/probkit/lakefile.toml:2: warning: package `probkit`: "
        "not valid TOML"
    )
    assert warning.endswith("its modules are looked for under its folder [lakefile]")
    # Lake's default layout still finds Probkit.* under the package folder
    assert "Probkit.IndepFun (plausible)" in proc.stdout


# -- caching per package version -----------------------------------------------------


def _pkg_dirs(cache: Path) -> list[Path]:
    return sorted(cache.glob("pkg-*"))


def test_a_warm_run_reads_no_dependency(research: Path, tmp_path: Path, run_cli) -> None:
    cache = tmp_path / "cache"
    args = ("rests-on", "-C", str(research), "rate_of_wellConditioned", "--cache-dir", str(cache))
    cold = run_cli(*args)
    assert cold.returncode == 0 and len(_pkg_dirs(cache)) == 2  # axiomdl@rev, probkit@rev
    for d in _pkg_dirs(cache):
        shutil.rmtree(d)
    warm = run_cli(*args)
    assert warm.stdout == cold.stdout
    assert _pkg_dirs(cache) == []  # nothing followed the imports again
    # an edited checkout is seen at once (its files are checked by stat, then by content)
    pl = research / ".lake/packages/axiomdl/lean/AxiomDL/Landscape/PL.lean"
    text = pl.read_text(encoding="utf-8")
    at = text.rindex("Status: plausible", 0, text.index("structure PolyakLojasiewicz"))
    pl.write_text(text[:at] + "Status: contested" + text[at + 17 :], encoding="utf-8")
    edited = run_cli(*args)
    assert "AxiomDL.PolyakLojasiewicz (contested)" in edited.stdout
    assert edited.stdout == run_cli(*args, "--no-cache").stdout


def test_a_package_version_is_scanned_once_for_every_project(tmp_path: Path, run_cli) -> None:
    cache = tmp_path / "cache"
    first = make_research(tmp_path / "a")
    run_cli("report", str(first), "--cache-dir", str(cache), "-q")
    # Plant a mark in probkit's cached scans (keyed by name and manifest revision, then by
    # content hash): a project that reuses them, instead of scanning again, shows it.
    store = CacheDir.named(cache, f"probkit@{PROBKIT_REV}", SCANNER_VERSION)
    wrapped = pickle.loads(store.path("files").read_bytes())
    (key,) = [k for k in wrapped["value"] if k.endswith(":Probkit.Independence")]
    fs = wrapped["value"][key]
    (indep,) = [d for d in fs.decls if d.name == "Probkit.IndepFun"]
    indep.meta = {**indep.meta, "status": "contested"}
    store.save("files", wrapped["value"], [])
    second = make_research(tmp_path / "b")  # another project, another checkout, same version
    out = run_cli(
        "rests-on", "-C", str(second), "minibatch_concentration", "--cache-dir", str(cache)
    )
    assert "Probkit.IndepFun (contested)" in out.stdout
    # another revision has a cache of its own: scanned afresh
    third = make_research(tmp_path / "c")
    manifest = third / "lake-manifest.json"
    manifest.write_text(manifest.read_text().replace(PROBKIT_REV, "0" * 40), encoding="utf-8")
    fresh = run_cli(
        "rests-on", "-C", str(third), "minibatch_concentration", "--cache-dir", str(cache)
    )
    assert "Probkit.IndepFun (plausible)" in fresh.stdout


def test_cached_and_uncached_answers_agree(research: Path, tmp_path: Path, run_cli) -> None:
    cache = ("--cache-dir", str(tmp_path / "cache"))
    for args in (
        ("report", str(research), "-f", "json"),
        ("report", str(research), "-f", "json", "--include-deps"),
        ("impact", "Smooth", "-C", str(research), "-f", "json"),
    ):
        cold = run_cli(*args, *cache).stdout
        assert run_cli(*args, *cache).stdout == cold == run_cli(*args, "--no-cache").stdout
