"""Modern Lean 4 projects read as Lake and Lean read them (issue 14).

The fixtures `tally` (Batteries style: the module system, a Lake TOML file with a
test library and an executable) and `tessellate` (a Mathlib research project: a Lake
DSL file, private lemmas, sections left open) compile under Lean's rules, so the
scanner must report no finding on them. Each test runs on real Lean text, through
both scanner implementations where the construct lives in the scanner.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from axiomdl.scan.lake import Glob, LakeConfigError, load_lake_config, read_lean
from axiomdl.scan.parse import native_available, scan_text
from axiomdl.scan.project import Project, scan_project
from tests.conftest import FIXTURES

TALLY = FIXTURES / "tally"
TESS = FIXTURES / "tessellate"
NATIVE = [False, True] if native_available() else [False]


@pytest.fixture(scope="module")
def tally() -> Project:
    return scan_project(TALLY, use_cache=False)


@pytest.fixture(scope="module")
def tess() -> Project:
    return scan_project(TESS, use_cache=False)


# -- 1. Lake configuration -----------------------------------------------------------


def test_lakefile_toml_gives_every_library_and_executable() -> None:
    cfg = load_lake_config(TALLY)
    assert cfg is not None and cfg.file == "lakefile.toml" and cfg.package == "tally"
    libs = {lib.name: lib for lib in cfg.libraries}
    assert libs["Tally"].roots == ["Tally"] and libs["Tally"].src_dir == "."
    assert [str(g) for g in libs["Tally"].globs] == ["Tally"]  # Lake's default: Glob.one
    assert [str(g) for g in libs["TallyTest"].globs] == ["TallyTest.+"]
    (exe,) = cfg.executables
    assert (exe.name, exe.src_dir, exe.root, exe.default) == (
        "tallyLint",
        "scripts",
        "tallyLint",
        True,
    )
    assert cfg.default_targets == ["Tally", "tallyLint"]


def test_an_executables_src_dir_is_not_the_librarys(tally: Project) -> None:
    # the Batteries case: `srcDir = "scripts"` of a [[lean_exe]] must not hide the library
    modules = {fs.path: fs.module for fs in tally.files}
    assert modules["Tally/Data/Counter/Basic.lean"] == "Tally.Data.Counter.Basic"
    assert modules["TallyTest/Sums.lean"] == "TallyTest.Sums"
    assert modules["scripts/tallyLint.lean"] == "tallyLint"  # named from its own srcDir
    assert len(tally.files) == 7 and tally.lake_note is None


def test_lakefile_lean_gives_package_libraries_and_requires() -> None:
    cfg = load_lake_config(TESS)
    assert cfg is not None and cfg.file == "lakefile.lean" and cfg.package == "tessellate"
    (lib,) = cfg.libraries
    assert lib.default and lib.roots == ["Tessellate"]
    assert lib.globs == [Glob(module="Tessellate", kind="andSubmodules")]
    req = {r.name: r for r in cfg.requires}
    assert (req["mathlib"].scope, req["mathlib"].rev) == ("leanprover-community", "v4.20.0")
    assert req["checkdecls"].git == "https://github.com/PatrickMassot/checkdecls.git"
    assert cfg.lean_options["autoImplicit"] is False


def test_lakefile_lean_dsl_forms_and_defaults(tmp_path: Path) -> None:
    text = """import Lake
open Lake DSL

package «my-pkg» where
  srcDir := "src" -- a comment, not part of the value
  leanOptions := #[⟨`autoImplicit, false⟩]

require batteries from git "https://example.org/batteries" @ "main" / "sub"
require local_dep from "../local"

/- a lean_lib in a comment is not a library:
lean_lib Ghost
-/
lean_lib Alpha

@[default_target]
lean_lib Beta where
  srcDir := "beta" / "lean"
  roots := #[`Beta, `BetaExtra]
  globs := #[.submodules `Beta, Glob.one `BetaExtra, `Beta.Internal.*]

lean_exe «beta-cli» where
  root := `Main
"""
    cfg = read_lean(text, tmp_path / "lakefile.lean")
    libs = {lib.name: lib for lib in cfg.libraries}
    assert set(libs) == {"Alpha", "Beta"}
    assert (libs["Alpha"].src_dir, libs["Alpha"].roots) == ("src", ["Alpha"])
    assert [str(g) for g in libs["Alpha"].globs] == ["Alpha"]
    assert libs["Beta"].src_dir == "src/beta/lean" and libs["Beta"].default
    assert libs["Beta"].roots == ["Beta", "BetaExtra"]
    assert [str(g) for g in libs["Beta"].globs] == ["Beta.+", "BetaExtra", "Beta.Internal.*"]
    (exe,) = cfg.executables
    assert (exe.name, exe.root, exe.src_dir) == ("beta-cli", "Main", "src")
    req = {r.name: r for r in cfg.requires}
    assert (req["batteries"].rev, req["batteries"].subdir) == ("main", "sub")
    assert req["local_dep"].path == "../local" and req["local_dep"].git is None


def test_a_computed_configuration_is_not_understood(tmp_path: Path, run_cli) -> None:
    (tmp_path / "lakefile.lean").write_text(
        'import Lake\nopen Lake DSL\npackage p\nlean_lib P where\n  srcDir := s!"{"src"}"\n'
    )
    with pytest.raises(LakeConfigError, match="computed"):
        load_lake_config(tmp_path)
    (tmp_path / "P.lean").write_text("theorem p : True := trivial\n")
    (tmp_path / "Other").mkdir()
    (tmp_path / "Other" / "Q.lean").write_text("theorem q : True := trivial\n")
    proc = run_cli("report", str(tmp_path), "-f", "json", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["counts"]["declarations"] == 2  # the whole tree
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "scanning every .lean file" in lines[0], lines


def test_nested_packages_are_not_part_of_the_project(tmp_path: Path) -> None:
    shutil.copytree(TESS, tmp_path / "p")
    nested = tmp_path / "p" / "blueprint"
    nested.mkdir()
    (nested / "lakefile.toml").write_text('name = "bp"\n[[lean_lib]]\nname = "Bp"\n')
    (nested / "Bp.lean").write_text("theorem bp : True := trivial\n")
    p = scan_project(tmp_path / "p", use_cache=False)
    assert not any(fs.path.startswith("blueprint/") for fs in p.files)


# -- 2-4. The module system, scopes and names: no findings on code that compiles -------


@pytest.mark.parametrize("root", [TALLY, TESS], ids=lambda p: p.name)
def test_projects_that_compile_get_no_findings(root: Path, run_cli) -> None:
    for cmd in ("audit", "lint"):
        proc = run_cli(cmd, str(root), "-f", "json", "--no-cache")
        assert proc.returncode == 0, (cmd, proc.stdout, proc.stderr)
        assert json.loads(proc.stdout)["findings"] == [], cmd
        assert proc.stderr == ""
    report = json.loads(run_cli("report", str(root), "-f", "json", "--no-cache").stdout)
    assert report["findings"] == []


@pytest.mark.parametrize("native", NATIVE)
def test_module_system_headers(native: bool) -> None:
    path = TALLY / "Tally" / "Data" / "Counter" / "Lemmas.lean"
    fs = scan_text(path.read_text(), "Lemmas.lean", "Tally.Data.Counter.Lemmas", native=native)
    assert fs.is_module
    # `public`, `meta` and `all` qualify an import: they are never module names
    assert [m for m, _ in fs.imports] == [
        "Tally.Data.Counter.Basic",
        "Tally.Data.Counter.Basic",
        "Init.Meta",
    ]
    assert fs.imports_all == ["Tally.Data.Counter.Basic"]
    assert not fs.problems


@pytest.mark.parametrize("native", NATIVE)
def test_module_declarations_are_private_unless_public(native: bool) -> None:
    src = """module

def hidden : Nat := 1
public def shown : Nat := 2

@[expose] public section
def inSection : Nat := 3
private def stillPrivate : Nat := 4
section Inner
def inherits : Nat := 5
end Inner
end

public meta section
meta def helper : Nat := 6
end
"""
    fs = scan_text(src, "M.lean", "M", native=native)
    private = {fs.decls[i].name for i in fs.private}
    assert private == {"hidden", "stillPrivate"}
    assert not fs.problems
    plain = scan_text("def a : Nat := 1\nprivate def b : Nat := 2\n", "N.lean", "N", native=native)
    assert [plain.decls[i].name for i in plain.private] == ["b"]  # not a module


@pytest.mark.parametrize("native", NATIVE)
def test_scopes_as_lean_closes_them(native: bool) -> None:
    ok = """namespace A.B.C
theorem t : True := trivial
end A.B.C
namespace A
namespace B.C
theorem u : True := trivial
end B.C
end A
section Outer.Inner
theorem v : True := trivial
end Outer.Inner
noncomputable section
namespace Left.Open
def w : Nat := 0
"""
    fs = scan_text(ok, "S.lean", "S", native=native)
    assert fs.problems == []  # Lean closes the last section and namespace at the end
    assert [d.name for d in fs.decls] == ["A.B.C.t", "A.B.C.u", "v", "Left.Open.w"]
    assert fs.namespaces >= {"A", "A.B", "A.B.C", "Left", "Left.Open"}
    bad = {
        "namespace A.B\nend B.A\n": "does not match `end A.B`",
        "namespace A\nend\n": "`end` does not match `end A`",
        "section\nend S\n": "`end S` does not match `end`",
        "namespace A\nend A.B\n": "closes more scopes than are open",
        "end X\n": "without an open namespace or section",
        "mutual\ndef f : Nat := 0\n": "`mutual` block is never closed",
    }
    for text, message in bad.items():
        problems = scan_text(text, "B.lean", "B", native=native).problems
        assert [code for _, code, _ in problems] == ["scope"], text
        assert message in problems[0][2], (text, problems)


@pytest.mark.parametrize("native", NATIVE)
def test_include_omit_and_variable_in_apply_to_the_next_declaration_only(native: bool) -> None:
    src = """structure Smooth (f : Nat → Nat) : Prop where
  le : ∀ x, f x ≤ f x
structure Tame (f : Nat → Nat) : Prop where
  le : ∀ x, f x ≤ f x
section
variable (f : Nat → Nat) (hS : Smooth f) [inst : Tame f]
include hS in
theorem uses_smooth : f 0 = f 0 := rfl
theorem no_smooth : f 0 = f 0 := rfl
omit inst in
theorem no_tame : f 0 = f 0 := rfl
theorem with_tame : f 0 = f 0 := rfl
variable (hT : Tame f) in
theorem mentions_hT : hT = hT := rfl
theorem after : f 0 = f 0 := rfl
end
"""
    d = {x.name: x for x in scan_text(src, "V.lean", "V", native=native).decls}
    assert "Smooth" in d["uses_smooth"].hyp
    assert "Smooth" not in d["no_smooth"].hyp  # before: the include leaked into this one
    assert "Tame" not in d["no_tame"].hyp and "Tame" in d["with_tame"].hyp
    assert "Tame" in d["mentions_hT"].hyp
    assert "hT" not in d["after"].hyp | d["after"].proof


@pytest.mark.parametrize("native", NATIVE)
def test_commands_inside_syntax_quotations_are_terms(native: bool) -> None:
    path = TALLY / "Tally" / "Tactic" / "Normalize.lean"
    fs = scan_text(path.read_text(), "Normalize.lean", "Tally.Tactic.Normalize", native=native)
    assert [d.name for d in fs.decls] == ["Tally.Tactic.elabTallyFacts"]
    assert fs.problems == []


def test_anonymous_instances_get_leans_names(tally: Project, tess: Project) -> None:
    names = set(tally.decls)
    assert {
        "Tally.Counter.instInhabited",  # `Counter` is the namespace: not repeated
        "Tally.Counter.instDecidableEq",
        "Tally.Counter.instInhabitedBounded",
        "Tally.Counter.instToStringProdList",  # `List α × Counter` is `Prod (List α) Counter`
        "Tally.instAppendCounter",  # `Counter` is declared in this module: no suffix
        "Tally.instNonemptyCounter_tally",  # declared elsewhere in the project: `_tally`
        # from another project (`TallyTest` is not `Tally`): the module's suffix
        "instInhabitedListCounter_tallyTest_counter",
        "instInhabitedListCounter_tallyTest_sums",
    } <= names
    assert "Tessellate.Combinatorics.instNonemptyTilingOfIsEmpty" in tess.decls
    assert tally.duplicates == [] and tess.duplicates == []


def test_anonymous_instances_in_one_file_are_numbered(tmp_path: Path) -> None:
    (tmp_path / "I.lean").write_text(
        "structure Foo where\n  n : Nat\n"
        "instance : Inhabited Foo := ⟨⟨0⟩⟩\n"
        "instance : Inhabited Foo := ⟨⟨1⟩⟩\n"
        "instance : Inhabited Foo := ⟨⟨2⟩⟩\n"
    )
    p = scan_project(tmp_path, use_cache=False)
    assert {"instInhabitedFoo", "instInhabitedFoo_1", "instInhabitedFoo_2"} <= set(p.decls)
    assert p.duplicates == []


def test_private_declarations_are_distinct_per_file(tess: Project) -> None:
    a = "Tessellate.Geometry.Tile.aux_volume@Tessellate.Geometry.Area"
    t = "Tessellate.Geometry.Tile.aux_volume@Tessellate.Geometry.Tile"
    assert {a, t} <= set(tess.decls)
    # each file's reference goes to its own private lemma
    assert tess.refs["Tessellate.Geometry.Tile.volume_ne_zero"].proof == {t}
    assert tess.refs["Tessellate.Geometry.Tile.volume_ne_top_or_true"].proof == {a}


def test_a_private_declaration_is_invisible_to_other_files(tmp_path: Path) -> None:
    (tmp_path / "A.lean").write_text("private def helper : Nat := 1\n")
    (tmp_path / "B.lean").write_text("import A\ntheorem t : helper = helper := rfl\n")
    (tmp_path / "C.lean").write_text("module\nimport all A\ntheorem u : helper = helper := rfl\n")
    p = scan_project(tmp_path, use_cache=False)
    assert p.refs["t"].concl == set() and p.refs["t"].external == {"helper"}
    assert p.refs["u"].concl == {"helper"}  # `import all` opens A's private scope


def test_one_name_in_unrelated_modules_is_legal(tally: Project) -> None:
    # two test modules both declare `sample`; no module imports both
    assert {"sample@TallyTest.Counter", "sample@TallyTest.Sums"} <= set(tally.decls)
    assert tally.refs["example@TallyTest.Counter:12"].concl == {"sample@TallyTest.Counter"}


def test_one_name_that_some_module_sees_twice_is_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "A.lean").write_text("def foo : Nat := 1\n")
    (tmp_path / "B.lean").write_text("import A\ndef foo : Nat := 2\n")
    (tmp_path / "C.lean").write_text("def bar : Nat := 1\n")
    (tmp_path / "D.lean").write_text("def bar : Nat := 2\n")
    (tmp_path / "E.lean").write_text("import C\nimport D\n")
    (tmp_path / "F.lean").write_text("def baz : Nat := 1\ndef baz : Nat := 2\n")
    p = scan_project(tmp_path, use_cache=False)
    assert sorted(p.duplicates) == [
        ("B.lean", 2, "foo"),
        ("D.lean", 1, "bar"),
        ("F.lean", 2, "baz"),
    ]


def test_protected_names_need_their_namespace(tally: Project) -> None:
    refs = tally.refs["Tally.Counter.listTotal"]
    assert "Tally.Counter.sum" not in refs.hyp | refs.concl | refs.proof
    assert "sum" in refs.external


def test_root_export_and_mutual(tally: Project) -> None:
    assert "Nat.tally_even_zero" in tally.decls
    assert tally.refs["Tally.even"].proof == {"Tally.odd"}
    assert tally.refs["Tally.odd"].proof == {"Tally.even"}
    concl = tally.refs["Tally.size_of_add"].concl
    assert concl == {"Tally.Counter.add", "Tally.Counter.size"}  # through `export`


# -- 5-6. lint on other projects ------------------------------------------------------


def test_lint_leaves_names_alone_on_other_projects(tmp_path: Path, run_cli) -> None:
    (tmp_path / "Core.lean").write_text(
        "theorem uses_core : Nat.succ 0 = 1 ∧ True := ⟨rfl, trivial⟩\n"
    )
    plain = run_cli("lint", str(tmp_path), "-f", "json", "--no-cache")
    assert plain.returncode == 0, plain.stdout
    data = json.loads(plain.stdout)
    assert data["findings"] == [] and data["name_checks"] is False
    strict = run_cli("lint", str(tmp_path), "-f", "json", "--no-cache", "--strict-names")
    assert strict.returncode == 1
    unknown = {f["message"].split("`")[1] for f in json.loads(strict.stdout)["findings"]}
    assert {"Nat.succ", "True"} <= unknown


def test_lint_still_checks_the_axiomdl_library(tmp_path: Path, run_cli) -> None:
    lib = tmp_path / "AxiomDL"
    lib.mkdir()
    (lib / "Typo.lean").write_text("set_option autoImplicit false\ntheorem t : True := trivail\n")
    (tmp_path / "core-names.txt").write_text("True  src/Init/Prelude.lean\n")
    proc = run_cli("lint", str(tmp_path), "-f", "json", "--no-cache")
    assert proc.returncode == 1
    (finding,) = json.loads(proc.stdout)["findings"]
    assert finding["code"] == "unknown-name" and "`trivail`" in finding["message"]
    bundled = json.loads(run_cli("lint", "-f", "json").stdout)
    assert bundled["name_checks"] and bundled["identifiers_checked"] > 1000


def test_files_no_target_builds_are_lint_warnings(tmp_path: Path, run_cli) -> None:
    root = tmp_path / "tally"
    shutil.copytree(TALLY, root)
    (root / "Tally" / "Scratch.lean").write_text("theorem scratch : True := trivial\n")
    with (root / "lakefile.toml").open("a") as fh:
        fh.write('\n[[lean_exe]]\nname = "gone"\n')
    proc = run_cli("lint", str(root), "-f", "json", "--no-cache")
    assert proc.returncode == 0  # warnings only
    found = {(f["code"], f["file"], f["severity"]) for f in json.loads(proc.stdout)["findings"]}
    assert found == {
        ("unbuilt", "Tally/Scratch.lean", "warning"),
        ("lake", "lakefile.toml", "warning"),
    }


# -- 9. GitHub annotations ------------------------------------------------------------


def test_github_annotations_are_relative_to_the_repository(tmp_path: Path, run_cli) -> None:
    import subprocess

    repo = tmp_path / "repo"
    proj = repo / "proofs" / "lean"
    shutil.copytree(TESS, proj)
    (proj / "Tessellate" / "Combinatorics" / "Gap.lean").write_text(
        "theorem gap : True := by sorry\n"
    )
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for cmd in ("audit", "lint"):
        proc = run_cli(cmd, "-C", str(proj), "-f", "github", "--no-cache")
        assert proc.returncode == 1, proc.stderr
        lines = [ln for ln in proc.stdout.splitlines() if "sorry" in ln]
        assert lines and all(
            ln.startswith("::error file=proofs/lean/Tessellate/Combinatorics/Gap.lean,line=1")
            for ln in lines
        ), lines


def test_the_report_names_every_lake_target(run_cli) -> None:
    proc = run_cli("report", str(TALLY), "-f", "json", "--no-cache")
    report = json.loads(proc.stdout)
    assert report["targets"] == ["lean_lib Tally", "lean_lib TallyTest", "lean_exe tallyLint"]
    assert report["counts"]["files"] == 7
    text = run_cli("report", str(TALLY), "--no-cache").stdout
    assert "Lake targets: lean_lib Tally, lean_lib TallyTest, lean_exe tallyLint" in text


def test_a_repeated_name_is_asked_for_by_module(run_cli) -> None:
    proc = run_cli("rests-on", "sample", "-C", str(TALLY), "--no-cache")
    assert proc.returncode == 2
    assert "`sample` is ambiguous: sample@TallyTest.Counter, sample@TallyTest.Sums" in proc.stderr
    ok = run_cli("rests-on", "sample@TallyTest.Sums", "-C", str(TALLY), "--no-cache")
    assert ok.returncode == 0 and ok.stdout.startswith("sample@TallyTest.Sums (definition")
