"""Every lint rule fires, once, on a fixture written to break it; and nothing else fires.

``fixtures/lint`` is a Lake project whose library is named ``AxiomDL``, so the AxiomDL
library's own rules (allowlisted names, core-only imports, ``autoImplicit`` off) apply
to it. Each file breaks one rule (see the comments in ``EXPECTED``); ``Other.lean`` is a
second library whose names are checked only with ``--strict-names``. Errors make
``lint`` exit 1; warnings alone exit 0.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from axiomdl.lint import library_files, load_core_names, run_lint

from .conftest import FIXTURES, ROOT, SCANNERS, session_of

LINT = FIXTURES / "lint"
ALLOW = LINT / "core-names.txt"

# (code, file, line, severity), in lint's order: by file, line, code.
WARNINGS = [
    # Step's docstring says 0 < η; its only witness takes η = 0
    ("degenerate-witness", "AxiomDL/Assumptions.lean", 38, "warning"),
    # rate_sharp has two requirements and no witness covers both (the project uses Covers:)
    ("unwitnessed", "AxiomDL/Results.lean", 11, "warning"),
    # no target imports it
    ("unbuilt", "AxiomDL/Scratch.lean", 1, "warning"),
    # lean_exe `gone` has no root file
    ("lake", "lakefile.toml", None, "warning"),
]
ERRORS = [
    ("covers", "AxiomDL/BadCovers.lean", 8, "error"),  # Covers: a name that does not exist
    ("brackets", "AxiomDL/Brackets.lean", 5, "error"),  # `(` never closed
    ("docstring", "AxiomDL/Docs.lean", 9, "error"),  # no Refs: line
    ("docstring", "AxiomDL/Docs.lean", 17, "error"),  # Area: astrology
    ("docstring", "AxiomDL/Docs.lean", 25, "error"),  # Status: rumoured
    ("sorry", "AxiomDL/Flags.lean", 5, "error"),
    ("admit", "AxiomDL/Flags.lean", 7, "error"),
    ("axiom", "AxiomDL/Flags.lean", 9, "error"),
    ("native_decide", "AxiomDL/Flags.lean", 11, "error"),
    ("import", "AxiomDL/Imports.lean", 1, "error"),  # Mathlib in the core-only library
    ("unknown-name", "AxiomDL/Names.lean", 5, "error"),  # `trivail`
    ("autoimplicit", "AxiomDL/NoOption.lean", 1, "error"),
    # Fix.rate again: files are read in path order, so Duplicate.lean's comes first
    ("duplicate", "AxiomDL/Results.lean", 8, "error"),
    ("scope", "AxiomDL/Scopes.lean", 7, "error"),  # `end Wrong` closes `namespace Fix`
    ("allowlist", str(ALLOW), 9, "error"),  # `Nat.succ  Init/Prelude.lean`: no src/
]
# The lattice's rules: Separations.lean breaks each once (High ⇒ Low is discharged there).
SEPARATION: list[tuple[str, str, int | None, str]] = [
    ("separation-shape", "AxiomDL/Separations.lean", 31, "error"),  # `High f ∨ ¬ Low f`
    ("unknown-assumption", "AxiomDL/Separations.lean", 35, "error"),  # `¬ Lowe f`
    ("unknown-name", "AxiomDL/Separations.lean", 35, "error"),  # `Lowe`, as a name too
    ("separation-conflict", "AxiomDL/Separations.lean", 40, "error"),  # High ∧ ¬ Low
]
EXPECTED = sorted(WARNINGS + ERRORS + SEPARATION, key=lambda r: (r[1], r[2] or 0, r[0]))
STRICT_ONLY = [("unknown-name", "Other.lean", 7, "error")]  # `Nat.succ`: not allowlisted


def _rows(findings) -> list[tuple[str, str | None, int | None, str]]:
    return [(f.code, f.file, f.line, f.severity) for f in findings]


@pytest.fixture(scope="module", params=SCANNERS)
def lint_session(request: pytest.FixtureRequest):
    return session_of(LINT, request.param)


def test_every_rule_fires_once(lint_session) -> None:
    library = library_files(lint_session, bundled=False)
    assert "Other.lean" not in library and "AxiomDL/Scratch.lean" in library
    result = run_lint(lint_session, ALLOW, library=library)
    assert _rows(result.findings) == EXPECTED
    assert result.name_checks is True and result.files == 16
    by_code = {f.code: f for f in reversed(result.findings)}  # each code's first finding
    assert "`trivail`" in by_code["unknown-name"].message
    assert by_code["unknown-name"].declaration == "Fix.typo"
    assert "`Mathlib.Logic.Basic`" in by_code["import"].message
    assert "`η`" in by_code["degenerate-witness"].message
    assert "`Fix.rate_sharp`" in by_code["unwitnessed"].message
    assert "no_such_theorem" in by_code["covers"].message
    assert by_code["sorry"].declaration == "Fix.gap"
    assert by_code["separation-conflict"].declaration == "Fix.high_not_low"
    assert "`Fix.low_of_high`" in by_code["separation-conflict"].message
    assert "`High f ∨ ¬ Low f`" in by_code["separation-shape"].message
    assert "`Lowe`" in by_code["unknown-assumption"].message
    docs = [f.message for f in result.findings if f.code == "docstring"]
    assert docs == [
        "assumption `Fix.NoRefs` lacks docstring line(s): Refs:",
        "Area `astrology` is not one of landscape, expressivity, generalization, foundations",
        "Status `rumoured` is not one of established, plausible, contested, refuted-in-regime",
    ]


def test_strict_names_checks_every_library(lint_session) -> None:
    library = library_files(lint_session, bundled=False)
    result = run_lint(lint_session, ALLOW, library=library, strict_names=True)
    want = sorted(EXPECTED + STRICT_ONLY, key=lambda r: (r[1], r[2] or 0, r[0]))
    assert _rows(result.findings) == want
    # Other.lean's Mathlib import and missing option stay unflagged: not the library
    assert (
        result.identifiers_checked
        > run_lint(lint_session, ALLOW, library=library).identifiers_checked
    )


def test_no_allowlist_means_every_core_name_is_unknown(lint_session) -> None:
    result = run_lint(lint_session, None, library=library_files(lint_session, bundled=False))
    unknown = {f.message.split("`")[1] for f in result.findings if f.code == "unknown-name"}
    # (`trivial` and `rfl` are also tactic words, which the name check leaves alone)
    assert unknown == {"Lowe", "Nat", "Nat.le_refl", "Nat.zero_le", "True", "trivail"}
    assert not any(f.code == "allowlist" for f in result.findings)


def test_the_allowlist_parser(tmp_path: Path) -> None:
    names, bad = load_core_names(ALLOW)
    assert names == {
        "Nat": "src/Init/Prelude.lean",
        "Nat.le_refl": "src/Init/Prelude.lean",
        "True": "src/Init/Prelude.lean",
        "trivial": "src/Init/Core.lean",
        "rfl": "src/Init/Prelude.lean",
        "Nat.zero_le": "src/Init/Prelude.lean",
    }
    assert [(f.code, f.line) for f in bad] == [("allowlist", 9)]
    odd = tmp_path / "names.txt"
    odd.write_text(
        "A  src/Init/A.lean  # a trailing comment\n"
        "\n"
        "   # an indented comment\n"
        "B src/Init/B.lean extra\n"
        "C  src/Init/C.txt\n"
        "D\n",
        encoding="utf-8",
    )
    names, bad = load_core_names(odd)
    assert names == {"A": "src/Init/A.lean"}
    assert [f.line for f in bad] == [4, 5, 6]


def test_cli_json_github_and_exit_code(run_cli) -> None:
    proc = run_cli("lint", str(LINT), "-f", "json", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    got = [(f["code"], f["file"], f["line"], f["severity"]) for f in data["findings"]]
    assert got == EXPECTED
    gh = run_cli("lint", str(LINT), "-f", "github", "--no-cache")
    assert gh.returncode == 1
    lines = gh.stdout.splitlines()
    assert len(lines) == len(EXPECTED)
    # paths are relative to the git checkout; in a copy outside one, to the project
    where = "tests/fixtures/lint/" if (ROOT / ".git").exists() else ""
    assert (
        f"::error file={where}AxiomDL/NoOption.lean,line=1,"
        "title=axiomdl autoimplicit::missing `set_option autoImplicit false`"
    ) in lines
    text = run_cli("lint", str(LINT), "--no-cache")
    assert text.returncode == 1
    assert text.stdout.splitlines()[-1] == (
        f"{len(EXPECTED)} finding(s) in 16 files ({data['identifiers_checked']} identifiers checked)"
    )


def test_warnings_alone_exit_zero(tmp_path: Path, run_cli) -> None:
    """Remove every file that breaks an error rule, and the malformed allowlist line:
    the four warnings remain, and lint succeeds."""
    proj = tmp_path / "lint"
    shutil.copytree(LINT, proj)
    erroneous = {row[1] for row in ERRORS + SEPARATION if row[1].startswith("AxiomDL/")}
    erroneous.discard("AxiomDL/Results.lean")  # the duplicate's other half goes instead
    erroneous.add("AxiomDL/Duplicate.lean")
    for rel in erroneous:
        (proj / rel).unlink()
    root = proj / "AxiomDL.lean"
    root.write_text(
        "".join(
            line
            for line in root.read_text().splitlines(keepends=True)
            if not line.startswith("import ")
            or f"{line.split()[1].replace('.', '/')}.lean" not in erroneous
        )
    )
    allow = proj / "core-names.txt"
    allow.write_text(allow.read_text().replace("Nat.succ  Init/Prelude.lean\n", ""))
    proc = run_cli("lint", str(proj), "-f", "json", "--no-cache")
    data = json.loads(proc.stdout)
    got = [(f["code"], f["file"], f["line"], f["severity"]) for f in data["findings"]]
    assert got == sorted(WARNINGS, key=lambda r: (r[1], r[2] or 0, r[0]))
    assert proc.returncode == 0, proc.stdout
