"""``axiomdl diff`` on real git histories: every kind of change, whole-JSON answers.

One repository, two commits: a theorem that gains one assumption and loses another,
one that only loses, one whose text is unchanged but whose bundle grew, one deleted,
one added. A second repository has no Lean folder in its first commit.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from axiomdl.diff import diff_revisions
from axiomdl.errors import AxiomdlError

from .conftest import FIXTURES

ASSUMPTIONS = (FIXTURES / "graph" / "Toy" / "Assumptions.lean").read_text()

BEFORE = """import Toy.Assumptions
set_option autoImplicit false
namespace Toy
theorem t_mixed (f : Nat → Nat) (m : Nat) (h : PL f m) (s : Smooth f m) : True := trivial
theorem t_shrinks (f : Nat → Nat) (m : Nat) (h : PL f m) (s : Smooth f m) : True := trivial
theorem t_gone (f : Nat → Nat) (m : Nat) (h : PL f m) : True := trivial
theorem t_same (f : Nat → Nat) (m : Nat) (s : Smooth f m) : True := trivial
theorem t_bundle (f : Nat → Nat) (m : Nat) (g : Good f m m) : True := trivial
end Toy
"""

AFTER = """import Toy.Assumptions
set_option autoImplicit false
namespace Toy
theorem t_mixed (f : Nat → Nat) (m : Nat) (h : PL f m) (c : StrongConvex f m) : True := trivial
theorem t_shrinks (f : Nat → Nat) (m : Nat) (h : PL f m) : True := trivial
theorem t_same (f : Nat → Nat) (m : Nat) (s : Smooth f m) : True := trivial
theorem t_bundle (f : Nat → Nat) (m : Nat) (g : Good f m m) : True := trivial
theorem t_new (f : Nat → Nat) (u : Unused f) : True := trivial
end Toy
"""

GOOD = "def Good (f : Nat → Nat) (m l : Nat) : Prop := PL f m ∧ Smooth f l"
GOOD_AFTER = "def Good (f : Nat → Nat) (m l : Nat) : Prop := PL f m ∧ Smooth f l ∧ StrongConvex f m"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.email=t@e", "-c", "user.name=t", *args],
        check=True,
        capture_output=True,
    )


def _commit(repo: Path, msg: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", msg)


def _write(repo: Path, assumptions: str, results: str) -> None:
    toy = repo / "lean" / "Toy"
    toy.mkdir(parents=True, exist_ok=True)
    (toy / "Assumptions.lean").write_text(assumptions)
    (toy / "T.lean").write_text(results)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("diff") / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    assert GOOD in ASSUMPTIONS
    _write(repo, ASSUMPTIONS, BEFORE)
    _commit(repo, "before")
    _write(repo, ASSUMPTIONS.replace(GOOD, GOOD_AFTER), AFTER)
    _commit(repo, "after")
    return repo


FORWARD = {
    "schema_version": "1.0",
    "rev1": "HEAD~1",
    "rev2": "HEAD",
    "grew": [
        # the text is unchanged; the bundle it names grew
        {"name": "Toy.t_bundle", "added": ["Toy.StrongConvex"], "removed": []},
        # gained one assumption and lost another: it grew (and says what it lost)
        {"name": "Toy.t_mixed", "added": ["Toy.StrongConvex"], "removed": ["Toy.Smooth"]},
    ],
    "shrank": [{"name": "Toy.t_shrinks", "added": [], "removed": ["Toy.Smooth"]}],
    "added_results": ["Toy.t_new"],
    "removed_results": ["Toy.t_gone"],
}

BACKWARD = {
    "schema_version": "1.0",
    "rev1": "HEAD",
    "rev2": "HEAD~1",
    "grew": [
        {"name": "Toy.t_mixed", "added": ["Toy.Smooth"], "removed": ["Toy.StrongConvex"]},
        {"name": "Toy.t_shrinks", "added": ["Toy.Smooth"], "removed": []},
    ],
    "shrank": [{"name": "Toy.t_bundle", "added": [], "removed": ["Toy.StrongConvex"]}],
    "added_results": ["Toy.t_gone"],
    "removed_results": ["Toy.t_new"],
}


def test_every_kind_of_change_in_process(repo: Path) -> None:
    assert diff_revisions(repo, "HEAD~1", "HEAD", None).model_dump(mode="json") == FORWARD
    assert diff_revisions(repo, "HEAD", "HEAD~1", None).model_dump(mode="json") == BACKWARD
    same = diff_revisions(repo, "HEAD", "HEAD", None).model_dump(mode="json")
    assert same == {
        "schema_version": "1.0",
        "rev1": "HEAD",
        "rev2": "HEAD",
        "grew": [],
        "shrank": [],
        "added_results": [],
        "removed_results": [],
    }


def test_cli_json_exit_codes_and_allow_growth(repo: Path, run_cli) -> None:
    fwd = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repo), "-f", "json")
    assert fwd.returncode == 1, fwd.stderr
    assert json.loads(fwd.stdout) == FORWARD
    allowed = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repo), "-f", "json", "--allow-growth")
    assert allowed.returncode == 0, allowed.stderr
    assert json.loads(allowed.stdout) == FORWARD  # the answer is the same; only the exit
    back = run_cli("diff", "HEAD", "HEAD~1", "-C", str(repo), "-f", "json")
    assert back.returncode == 1
    assert json.loads(back.stdout) == BACKWARD


def test_cli_text(repo: Path, run_cli) -> None:
    proc = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repo))
    assert proc.stdout.splitlines() == [
        "requires-set changes HEAD~1 → HEAD:",
        "  GREW   Toy.t_bundle: +Toy.StrongConvex",
        "  GREW   Toy.t_mixed: +Toy.StrongConvex -Toy.Smooth",
        "  shrank Toy.t_shrinks: -Toy.Smooth",
        "  new    Toy.t_new",
        "  gone   Toy.t_gone",
    ]


def test_the_lean_folder_itself_and_the_path_option(repo: Path) -> None:
    from_lean = diff_revisions(repo / "lean", "HEAD~1", "HEAD", None)
    assert from_lean.model_dump(mode="json") == FORWARD
    via_path = diff_revisions(repo, "HEAD~1", "HEAD", "lean/Toy")
    # scanned from lean/Toy, modules lose their `Toy.` prefix but names do not change
    assert via_path.model_dump(mode="json") == FORWARD


def test_the_work_tree_is_the_default_second_revision(repo: Path, tmp_path: Path) -> None:
    t = repo / "lean" / "Toy" / "T.lean"
    saved = t.read_text()
    try:
        t.write_text(saved.replace("(h : PL f m) : True", "(h : PL f m) (s : Smooth f m) : True"))
        d = diff_revisions(repo, "HEAD", None, None).model_dump(mode="json")
        assert d == {
            "schema_version": "1.0",
            "rev1": "HEAD",
            "rev2": "WORKTREE",
            "grew": [{"name": "Toy.t_shrinks", "added": ["Toy.Smooth"], "removed": []}],
            "shrank": [],
            "added_results": [],
            "removed_results": [],
        }
    finally:
        t.write_text(saved)


def test_a_folder_absent_in_one_revision(tmp_path: Path, run_cli) -> None:
    repo = tmp_path / "late"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "README.md").write_text("no Lean yet\n")
    _commit(repo, "no lean folder")
    _write(repo, ASSUMPTIONS, BEFORE)
    _commit(repo, "lean folder")
    results = ["Toy.t_bundle", "Toy.t_gone", "Toy.t_mixed", "Toy.t_same", "Toy.t_shrinks"]
    empty = {"grew": [], "shrank": []}
    fwd = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repo), "-f", "json")
    assert fwd.returncode == 0, fwd.stderr  # new results are not growth
    assert json.loads(fwd.stdout) == {
        "schema_version": "1.0",
        "rev1": "HEAD~1",
        "rev2": "HEAD",
        **empty,
        "added_results": results,
        "removed_results": [],
    }
    back = diff_revisions(repo, "HEAD", "HEAD~1", None).model_dump(mode="json")
    assert back == {
        "schema_version": "1.0",
        "rev1": "HEAD",
        "rev2": "HEAD~1",
        **empty,
        "added_results": [],
        "removed_results": results,
    }


def test_bad_revisions_and_unreadable_files(repo: Path, tmp_path: Path, run_cli) -> None:
    with pytest.raises(AxiomdlError):
        diff_revisions(repo, "no-such-rev", "HEAD", None)
    not_git = tmp_path / "plain"
    not_git.mkdir()
    proc = run_cli("diff", "HEAD", "-C", str(not_git))
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("not a git repository (diff compares git revisions)")
    bad = repo / "lean" / "Toy" / "Bad.lean"
    bad.write_bytes(b"theorem caf\xe9 : True := trivial\n")
    try:
        proc = run_cli("diff", "HEAD", "-C", str(repo), "-f", "json")
    finally:
        bad.unlink()
    assert proc.returncode == 2, proc.stderr
    (line,) = [ln for ln in proc.stderr.splitlines() if "Bad.lean" in ln]
    assert line.startswith("axiomdl: Toy/Bad.lean:1: error:") and line.endswith(
        "(in work tree) [encoding]"
    ), line
    assert json.loads(proc.stdout)["grew"] == []  # the readable files still compared


def test_a_lean_folder_without_lean_files_has_no_results(tmp_path: Path) -> None:
    """A revision whose Lean folder holds only a README has no results (it is not scanned
    as an empty project)."""
    repo = tmp_path / "readme"
    (repo / "lean").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "lean" / "README.md").write_text("Lean files come later\n")
    _commit(repo, "a README only")
    _write(repo, ASSUMPTIONS, BEFORE)
    _commit(repo, "Lean files")
    fwd = diff_revisions(repo, "HEAD~1", "HEAD", "lean").model_dump(mode="json")
    assert fwd["added_results"] == [
        "Toy.t_bundle",
        "Toy.t_gone",
        "Toy.t_mixed",
        "Toy.t_same",
        "Toy.t_shrinks",
    ]
    assert fwd["removed_results"] == [] and fwd["grew"] == [] and fwd["shrank"] == []
