"""The bundled AxiomDL library: counts per area through the JSON report, witnesses, lint."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from axiomdl.scan.files import bundled_root

_DOC_DECL = re.compile(r"/--(.*?)-/\s*(?:theorem|lemma|example)\s+([^\s:(]+)", re.S)
_COVERS = re.compile(r"^Covers:(.*)$", re.M)


@pytest.fixture(scope="module")
def report(run_cli_module) -> dict:
    proc = run_cli_module("report", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def run_cli_module():
    import os
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "axiomdl", *args],
            capture_output=True,
            text=True,
            env=dict(os.environ),
            timeout=600,
        )

    return run


def _results(area: dict) -> int:
    return area.get("theorem", 0) + area.get("discharge", 0) + area.get("witness", 0)


def test_landscape_counts(report: dict) -> None:
    area = report["counts"]["by_area"]["landscape"]
    assert area["assumption"] >= 12
    assert _results(area) >= 40
    assert area["conjecture"] >= 4


def test_expressivity_and_generalization_counts(report: dict) -> None:
    ex = report["counts"]["by_area"]["expressivity"]
    ge = report["counts"]["by_area"]["generalization"]
    assert ex["assumption"] >= 6
    assert _results(ex) >= 20
    assert ge["assumption"] >= 8
    assert _results(ge) >= 20
    assert ex.get("conjecture", 0) + ge.get("conjecture", 0) >= 4


def test_every_assumption_has_a_witness(report: dict) -> None:
    roles = {t["name"]: t["role"] for t in report["theorems"]}
    missing = [
        a["name"]
        for a in report["assumptions"]
        if not any(roles.get(x) == "witness" for x in a["established_by"])
    ]
    assert not missing, f"assumptions without a Witness: {missing}"


def test_every_assumption_has_honest_metadata(report: dict) -> None:
    for a in report["assumptions"] + report["conjectures"]:
        assert a["area"] in ("landscape", "expressivity", "generalization", "foundations"), a[
            "name"
        ]
        assert a["status"] in ("established", "plausible", "contested", "refuted-in-regime"), a[
            "name"
        ]
        assert a["evidence"] and a["refs"], a["name"]
    statuses = {a["status"] for a in report["assumptions"]}
    assert "contested" in statuses  # e.g. the edge-of-stability hypothesis


def test_discharges_are_visible_as_derived_assumptions(report: dict) -> None:
    by_name = {a["name"]: a for a in report["assumptions"]}
    pl = by_name["AxiomDL.PolyakLojasiewicz"]
    assert "AxiomDL.pl_of_strongConvex" in pl["established_by"]
    derived = [t for t in report["theorems"] if t["derived"]]
    assert derived, "some result should use an assumption it does not require (via a discharge)"


def test_no_findings_in_the_library(report: dict) -> None:
    assert report["findings"] == []


def test_lint_is_clean_on_the_library(run_cli_module) -> None:
    proc = run_cli_module("lint")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert proc.stdout.strip().endswith("identifiers checked)")
    findings = proc.stdout.strip().splitlines()[:-1]
    # The only findings allowed are `unwitnessed` warnings (results whose hypotheses no
    # `Covers:` witness shows jointly satisfiable yet), and none in the expressivity area,
    # whose joint witnesses are complete.
    assert all(": warning: " in f and f.endswith("[unwitnessed]") for f in findings), findings
    assert not [f for f in findings if f.startswith("AxiomDL/Expressivity/")], findings


def test_expressivity_results_are_jointly_witnessed(report: dict) -> None:
    several = [
        t
        for t in report["theorems"]
        if t["name"].startswith("AxiomDL.Expressivity.") and len(t["requires"]) >= 2
    ]
    assert len(several) >= 5
    for t in several:
        assert t["witnessed"] == "joint", (t["name"], t["witnessed"])
        assert t["witnessed_by"], t["name"]


def test_lazy_pl_discharge_rests_on_lazy_training(report: dict) -> None:
    by_name = {t["name"]: t for t in report["theorems"]}
    lazy = by_name["AxiomDL.Expressivity.lazy_polyakLojasiewicz"]
    assert "AxiomDL.Expressivity.LazyTraining" in lazy["requires"]
    assert "AxiomDL.Expressivity.KernelMargin" in lazy["requires"]
    assert lazy["establishes"] == ["AxiomDL.PLStarOn"]


def test_flat_minima_impact_and_min_norm_why(run_cli_module) -> None:
    imp = json.loads(run_cli_module("impact", "FlatMinimaGeneralize", "-f", "json").stdout)
    assert imp["statement"], imp
    why = run_cli_module("why", "minNormBias_of_gdIter", "MinNormBias")
    assert why.returncode == 0
    assert "MinNormBias" in why.stdout.splitlines()[-1]


def _covers_lines(lean_root: Path) -> dict[tuple[str, str], list[str]]:
    """(file, short name) of each witness with a `Covers:` line → the theorems it names."""
    out: dict[tuple[str, str], list[str]] = {}
    for path in sorted((lean_root / "AxiomDL").rglob("*.lean")):
        for m in _DOC_DECL.finditer(path.read_text(encoding="utf-8")):
            c = _COVERS.search(m.group(1))
            if c:
                out[(path.relative_to(lean_root).as_posix(), m.group(2))] = c.group(1).split()
    return out


def test_landscape_and_foundations_hypotheses_are_jointly_witnessed(report: dict) -> None:
    """Every theorem of the two areas with two or more assumptions has a witness establishing
    all of them at once, and every `Covers:` claim is backed by the witness's conclusion."""
    by_name = {t["name"]: t for t in report["theorems"]}
    by_place = {(t["file"], t["name"].rsplit(".", 1)[-1]): t for t in report["theorems"]}
    covers = _covers_lines(bundled_root() / "lean")
    assert covers, "no witness carries a Covers: line"
    covered: set[str] = set()
    for place, names in covers.items():
        w = by_place[place]
        assert w["role"] == "witness", w["name"]
        for n in names:
            assert n in by_name, f"{w['name']} covers unknown {n}"
            missing = set(by_name[n]["requires"]) - set(w["establishes"])
            assert not missing, f"{w['name']} does not establish {missing} required by {n}"
            covered.add(n)
    needing = {
        t["name"]
        for t in report["theorems"]
        if t["role"] in ("theorem", "discharge")
        and ("/Landscape/" in t["file"] or "/Foundations/" in t["file"])
        and len(t["requires"]) >= 2
    }
    assert len(needing) >= 44
    assert needing <= covered, f"not jointly witnessed: {sorted(needing - covered)}"
