"""A name resolves only to a declaration its file can see: its own, or one in a module
its imports reach (transitively), as Lean makes names visible.

Before imports were followed, a library lemma whose auto-bound variable ``m`` happened to
share a name with a ``def m`` in a test file nobody imports was reported as resting on
that test file (batteries had 865 such false edges out of 6,051). Both scanners apply
the rule; where the import graph cannot be read (an import of a project module that was
not scanned, a sub-folder scanned on its own, an import cycle) every file still sees
every file, so no reference is lost to a misread import.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SCANNERS, session_of


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


LIB = {
    "Proj/Core.lean": "namespace Proj\ntheorem base : True := trivial\nend Proj\n",
    # `m` and `x` are the lemma's own (auto-bound) variables: Lean never looks in Test
    "Proj/Lemmas.lean": (
        "import Proj.Core\nnamespace Proj\ntheorem uses (h : m = x) : True := base\nend Proj\n"
    ),
    # a test module that nobody imports declares names that look like variables
    "Test/Names.lean": "import Proj.Core\ndef m : Nat := 0\ndef x : Nat := 1\n",
}


@pytest.mark.parametrize("native", SCANNERS)
def test_an_unimported_module_is_invisible(tmp_path: Path, native: bool) -> None:
    g = session_of(_write(tmp_path, LIB), native).graph
    assert sorted(g.successors("Proj.uses")) == ["Proj.base"]
    # the test module sees what it imports
    assert sorted(g.successors("m")) == []


@pytest.mark.parametrize("native", SCANNERS)
def test_importing_the_module_makes_it_visible(tmp_path: Path, native: bool) -> None:
    files = dict(LIB)
    files["Proj/Lemmas.lean"] = "import Test.Names\n" + files["Proj/Lemmas.lean"]
    g = session_of(_write(tmp_path, files), native).graph
    assert sorted(g.successors("Proj.uses")) == ["Proj.base", "m", "x"]
    assert g.edges["Proj.uses", "m"]["position"] == "hypothesis"


CASES = {
    # what an import reaches, directly or not, is visible
    "transitive imports": (
        {
            "P/A.lean": "def deep : Nat := 0\n",
            "P/B.lean": "import P.A\n",
            "P/C.lean": "import P.B\ntheorem t : deep = deep := rfl\n",
        },
        {"t": ["deep"]},
    ),
    # `open Foo` makes `Foo.helper` the first candidate for `helper`; when its module is
    # not imported, Lean goes on to the root `helper`
    "an invisible candidate does not shadow": (
        {
            "P/Root.lean": "def helper : Nat := 0\n",
            "P/Hidden.lean": "namespace Foo\ndef helper : Nat := 1\nend Foo\n",
            "P/Use.lean": "import P.Root\nopen Foo\ntheorem t : helper = helper := rfl\n",
        },
        {"t": ["helper"]},
    ),
    # `import P.Missing` names a project module that is not there: the file's closure is
    # unknown, so nothing is hidden from it (nor from files importing it)
    "an unread project import": (
        {
            "P/Other.lean": "def other : Nat := 0\n",
            "P/Use.lean": "import P.Missing\ntheorem t : other = other := rfl\n",
            "P/Top.lean": "import P.Use\ntheorem u : other = other := rfl\n",
        },
        {"t": ["other"], "u": ["other"]},
    ),
    # Lean rejects an import cycle; its files see everything rather than lose references
    "an import cycle": (
        {
            "P/A.lean": "import P.B\ndef a1 : Nat := 0\n",
            "P/B.lean": "import P.A\ntheorem t : lone = a1 := rfl\n",
            "P/Lone.lean": "def lone : Nat := 0\n",
        },
        {"t": ["a1", "lone"]},
    ),
}


@pytest.mark.parametrize("native", SCANNERS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_visibility_cases(tmp_path: Path, native: bool, case: str) -> None:
    files, want = CASES[case]
    g = session_of(_write(tmp_path, files), native).graph
    assert {n: sorted(g.successors(n)) for n in want} == want


@pytest.mark.parametrize("native", SCANNERS)
def test_a_sub_folder_scanned_alone_loses_no_edge(native: bool) -> None:
    """Scanning ``lean/AxiomDL/Landscape`` names its modules ``Basic``, ``PL``, … while
    their imports say ``AxiomDL.Landscape.Basic``: the imports are unreadable there, and
    every reference found in the whole library is still found."""
    root = Path(__file__).resolve().parents[1] / "lean"
    whole = session_of(root, native).graph
    sub = session_of(root / "AxiomDL" / "Landscape", native).graph
    compared = 0
    for n in sub.nodes:
        if n not in whole:
            continue
        inside = {t for t in whole.successors(n) if t in sub}
        assert inside <= set(sub.successors(n)), n
        compared += len(inside)
    assert compared > 300  # the landscape files cite each other: not a vacuous check


def test_lint_says_which_import_is_missing(tmp_path: Path, run_cli) -> None:
    files = {
        "P/Defs.lean": "/-- A constant. -/\ndef seven : Nat := 7\n",
        "P/Use.lean": "/-- Uses it. -/\ntheorem t : seven = 7 := rfl\n",
    }
    r = run_cli("lint", str(_write(tmp_path, files)), "--strict-names")
    assert r.returncode == 1, r.stderr
    line = next(x for x in r.stdout.splitlines() if "`seven`" in x)
    assert line.startswith("P/Use.lean:2: error:")
    assert "declared in P/Defs.lean, which this file does not import" in line
    assert "add `import P.Defs`" in line
