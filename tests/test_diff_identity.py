"""``diff`` knows examples and anonymous instances by content and place, not line number.

Adding a comment above a witness must not make it "new" and "gone"; a witness or
discharge that gains a requirement is reported like any result.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from axiomdl.diff import diff_revisions, match_unnamed
from tests.conftest import FIXTURES

WITNESSES = """import Toy.Assumptions
set_option autoImplicit false
namespace Toy

/-- Witness: PL holds for the zero function. -/
example : PL (fun _ => 0) 0 := ⟨fun _ => Nat.le_refl _⟩

/-- Witness: smoothness of the zero function. -/
example : Smooth (fun _ => 0) 0 := ⟨fun _ => Nat.zero_le _⟩

/-- Witness: an instance-shaped one. -/
instance : Inhabited (PL (fun _ => 0) 0) := ⟨⟨fun _ => Nat.le_refl _⟩⟩

end Toy
"""


def _repo(tmp_path: Path) -> tuple[Path, callable]:
    repo = tmp_path / "repo"
    (repo / "lean" / "Toy").mkdir(parents=True)
    src = (FIXTURES / "graph" / "Toy" / "Assumptions.lean").read_text()
    (repo / "lean" / "Toy" / "Assumptions.lean").write_text(src)
    (repo / "lean" / "Toy" / "W.lean").write_text(WITNESSES)

    def commit(msg: str) -> None:
        for args in (["add", "-A"], ["commit", "-qm", msg]):
            subprocess.run(
                ["git", "-C", str(repo), "-c", "user.email=t@e", "-c", "user.name=t", *args],
                check=True,
                capture_output=True,
            )

    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    commit("one")
    return repo, commit


def test_a_comment_moves_nothing(tmp_path: Path, run_cli) -> None:
    repo, commit = _repo(tmp_path)
    w = repo / "lean" / "Toy" / "W.lean"
    w.write_text(w.read_text().replace("namespace Toy\n", "namespace Toy\n-- a note\n\n"))
    commit("comment")
    proc = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repo), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert d["added_results"] == [] and d["removed_results"] == [] and d["grew"] == []


def test_a_comment_moves_nothing_in_process(tmp_path: Path) -> None:
    """The same, in-process: the examples and the anonymous instance (named by their line)
    are matched by their statements, so nothing is added or removed."""
    repo, commit = _repo(tmp_path)
    w = repo / "lean" / "Toy" / "W.lean"
    w.write_text(w.read_text().replace("namespace Toy\n", "namespace Toy\n-- a note\n\n"))
    commit("comment")
    d = diff_revisions(repo, "HEAD~1", "HEAD", None)
    assert (d.added_results, d.removed_results, d.grew, d.shrank) == ([], [], [], [])


def test_a_witness_that_gains_a_requirement_is_reported(tmp_path: Path, run_cli) -> None:
    repo, commit = _repo(tmp_path)
    w = repo / "lean" / "Toy" / "W.lean"
    text = w.read_text().replace("namespace Toy\n", "namespace Toy\n-- moved down\n")
    text = text.replace(
        "example : Smooth (fun _ => 0) 0 :=",
        "example (_h : StrongConvex (fun _ => 0) 0) : Smooth (fun _ => 0) 0 :=",
    )
    w.write_text(text)
    commit("needs more")
    proc = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repo), "-f", "json")
    assert proc.returncode == 1, proc.stderr
    d = json.loads(proc.stdout)
    # matched by its place in the scope, shown by its name in the newer revision
    assert d["grew"] == [{"name": "example@Toy.W:10", "added": ["Toy.StrongConvex"], "removed": []}]
    assert d["added_results"] == [] and d["removed_results"] == []


def test_unnamed_results_match_by_statement_then_position() -> None:
    before = {
        "example@M:3": ("M", "N", "example : A"),
        "example@M:5": ("M", "N", "example : B"),
        "example@M:9": ("M", "Other", "example : A"),
    }
    after = {
        "example@M:4": ("M", "N", "example : B"),  # moved: same text
        "example@M:7": ("M", "N", "example : A'"),  # edited: the scope's leftover
        "example@M:12": ("M", "Other", "example : A"),
        "example@M:20": ("M", "Fresh", "example : A"),  # a new scope: unmatched
    }
    assert match_unnamed(before, after) == {
        "example@M:4": "example@M:5",
        "example@M:7": "example@M:3",
        "example@M:12": "example@M:9",
    }
