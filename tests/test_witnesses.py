"""Joint witnesses (`Covers:`) and witnesses inside the regime, on a real Lean fixture."""

from __future__ import annotations

import json

import pytest

from axiomdl.lint import run_lint
from axiomdl.regime import explicit_params, is_positive, positive_in_doc
from axiomdl.report import build
from axiomdl.session import Session, load
from axiomdl.witnesses import compute_coverage, covers_names

from .conftest import FIXTURES

WIT = FIXTURES / "witness"


@pytest.fixture(scope="module")
def wit() -> Session:
    return load(WIT, use_cache=False, quiet=True)


def test_covers_lines_are_parsed() -> None:
    doc = "Witness: both at once.\nCovers: `A.b`, A.c\nCovers: d\nArea: x"
    assert covers_names(doc) == ["A.b", "A.c", "d"]
    assert covers_names(None) == []
    assert covers_names("Witness: no covers line") == []


def test_status_of_each_result(wit: Session) -> None:
    cov = compute_coverage(wit)
    assert cov.status["Wit.rate"] == "joint"
    assert cov.witnesses["Wit.rate"] == ["Wit.rate_joint"]
    # One requirement: any witness establishing it will do.
    assert cov.status["Wit.smooth_only"] == "single"
    assert cov.witnesses["Wit.smooth_only"] == ["Wit.rate_joint", "Wit.smooth_zero"]
    # A Covers claim that misses StrongConvex does not count.
    assert cov.status["Wit.uncovered"] == "missing"
    assert cov.status["Wit.plain"] == "none-needed"
    assert "Wit.rate_joint" not in cov.status  # witnesses are not rated


def test_lint_findings_exact(wit: Session) -> None:
    result = run_lint(wit, WIT / "core-names.txt")
    got = [(f.code, f.file, f.line, f.severity) for f in result.findings]
    assert got == [
        ("degenerate-witness", "Wit/Basic.lean", 42, "warning"),
        ("unwitnessed", "Wit/Basic.lean", 51, "warning"),
        ("covers", "Wit/Witnesses.lean", 16, "error"),
        ("covers", "Wit/Witnesses.lean", 20, "error"),
        ("covers", "Wit/Witnesses.lean", 30, "error"),
    ]
    msgs = [f.message for f in result.findings]
    assert "`γ`" in msgs[0]
    assert "does not establish `Wit.StrongConvex`" in msgs[2]
    assert "names no declaration" in msgs[3]
    assert "is not a `Witness:`" in msgs[4]


def test_report_and_rests_on_show_witnesses(wit: Session, run_cli) -> None:
    r = build.rests_on(wit, "Wit.rate")
    assert (r.witnessed, r.witnessed_by) == ("joint", ["Wit.rate_joint"])
    rows = {t.name: t for t in build.build_report(wit, "fixture").theorems}
    assert rows["Wit.uncovered"].witnessed == "missing"
    out = run_cli("rests-on", "-C", str(WIT), "uncovered")
    assert out.returncode == 0, out.stderr
    assert (
        "witnessed:   no — no witness shows these requirements satisfiable together" in out.stdout
    )
    js = json.loads(run_cli("report", "-C", str(WIT), "-f", "json").stdout)
    by_name = {t["name"]: t for t in js["theorems"]}
    assert by_name["Wit.rate"]["witnessed_by"] == ["Wit.rate_joint"]
    text = run_cli("report", "-C", str(WIT)).stdout
    assert "1 of 2 results with several requirements have a joint witness" in text


def test_lint_exit_code_counts_errors_only(run_cli, tmp_path) -> None:
    bad = run_cli("lint", "-C", str(WIT), "-f", "github")
    assert bad.returncode == 1
    assert "::warning file=Wit/Basic.lean,line=42::" in bad.stdout
    assert "::error file=Wit/Witnesses.lean,line=16::" in bad.stdout
    # Only warnings left: exit 0.
    proj = tmp_path / "p"
    (proj / "Wit").mkdir(parents=True)
    (proj / "core-names.txt").write_text((WIT / "core-names.txt").read_text())
    (proj / "Wit" / "Basic.lean").write_text((WIT / "Wit" / "Basic.lean").read_text())
    ok = run_cli("lint", "-C", str(proj))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "[degenerate-witness]" not in ok.stdout  # no witness at all: nothing to judge


def test_regime_helpers() -> None:
    st = "structure Smooth (E : InnerProductSpace K V) (f : V → K) {x : K} (L μ : K) : Prop where"
    assert explicit_params(st, "Smooth") == [
        ("E", "InnerProductSpace K V"),
        ("f", "V → K"),
        ("L", "K"),
        ("μ", "K"),
    ]
    assert positive_in_doc("needs 0 < L and `μ` > 0, positive ε", ["L", "μ", "ε", "f"]) == {
        "L",
        "μ",
        "ε",
    }
    assert positive_in_doc("0 < Lx", ["L"]) == set()
    for lit in ("2", "(2 : Rat)", "1/2", "((3 : Rat) / 4)"):
        assert is_positive(lit, ""), lit
    for lit in ("0", "(0 : Rat)", "-1", "0/1"):
        assert not is_positive(lit, ""), lit
    assert is_positive("c", "theorem w (c : Rat) (hc : 0 < c) : P c")
    assert not is_positive("c", "theorem w (c : Rat) : P c")
