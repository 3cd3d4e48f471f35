"""Capacity, PAC-Bayes, compression and scaling laws in the bundled library (issue 20).

These tests read the real bundled Lean library through the CLI (report, rests-on, lint) and
check that the new assumptions exist with their docstring metadata, that every new result
whose hypotheses name two or more assumptions is jointly witnessed, that the key theorems rest
on exactly the assumptions that make them the literature's statements, and that the
separations establish one assumption while refuting another.
"""

from __future__ import annotations

import pytest

from .conftest import cli_json

CAPACITY = "AxiomDL.Generalization.Capacity."
SCALING = "AxiomDL.Generalization.Scaling."
NEW_FILES = (
    "AxiomDL/Generalization/Capacity/",
    "AxiomDL/Generalization/ScalingLaws.lean",
    "AxiomDL/Generalization/ComputeOptimal.lean",
    "AxiomDL/Generalization/ScalingWitnesses.lean",
    "AxiomDL/Generalization/ScalingSeparations.lean",
)

# name -> (area, status)
ASSUMPTIONS = {
    CAPACITY + "VCDimLE": ("generalization", "established"),
    CAPACITY + "VCInequality": ("generalization", "established"),
    CAPACITY + "Symmetrization": ("generalization", "established"),
    CAPACITY + "McDiarmid": ("generalization", "established"),
    CAPACITY + "RademacherDeviation": ("generalization", "established"),
    CAPACITY + "LogBounds": ("foundations", "established"),
    CAPACITY + "OccamConcentration": ("generalization", "established"),
    CAPACITY + "PACBayesBound": ("generalization", "established"),
    CAPACITY + "CompressionScheme": ("generalization", "plausible"),
    CAPACITY + "CompressionConcentration": ("generalization", "established"),
    SCALING + "PowerLawScaling": ("generalization", "plausible"),
    SCALING + "MoreDataHelps": ("generalization", "refuted-in-regime"),
    SCALING + "ChinchillaScaling": ("generalization", "plausible"),
    SCALING + "BrokenPowerLaw": ("generalization", "plausible"),
}


@pytest.fixture(scope="module")
def report() -> dict:
    return cli_json("report")


@pytest.fixture(scope="module")
def nodes() -> dict[str, dict]:
    return {n["name"]: n for n in cli_json("graph")["nodes"]}


def _is_new(file: str) -> bool:
    return file.startswith(NEW_FILES)


def test_new_assumptions_exist_with_metadata(report: dict) -> None:
    by_name = {a["name"]: a for a in report["assumptions"]}
    roles = {t["name"]: t["role"] for t in report["theorems"]}
    for name, (area, status) in ASSUMPTIONS.items():
        assert name in by_name, name
        a = by_name[name]
        assert (a["area"], a["status"]) == (area, status), (name, a["area"], a["status"])
        assert len(a["evidence"]) > 40 and len(a["refs"]) > 20, name
        assert _is_new(a["file"]), (name, a["file"])
        # every new assumption is required by some result and shown satisfiable by a witness
        assert a["required_by"] >= 1, name
        assert any(roles.get(w) == "witness" for w in a["established_by"]), name
    new = {a["name"] for a in report["assumptions"] if _is_new(a["file"])}
    assert new == set(ASSUMPTIONS), new ^ set(ASSUMPTIONS)


def test_new_results_are_jointly_witnessed(report: dict) -> None:
    results = [
        t
        for t in report["theorems"]
        if _is_new(t["file"]) and t["role"] in ("theorem", "discharge")
    ]
    assert len(results) >= 30
    multi = [t for t in results if len(t["requires"]) >= 2]
    assert len(multi) >= 12, [t["name"] for t in multi]
    not_joint = [t["name"] for t in multi if t["witnessed"] != "joint"]
    assert not not_joint, not_joint
    missing = [t["name"] for t in results if t["witnessed"] == "missing"]
    assert not missing, missing


def test_new_files_lint_clean() -> None:
    out = cli_json("lint")
    mine = [f for f in out["findings"] if _is_new(f.get("file") or "")]
    assert not mine, mine


@pytest.mark.parametrize(
    ("theorem", "assumptions"),
    [
        ("sauer_shelah", {"VCDimLE"}),
        ("length_le_binomSum_of_shatters_lt", set()),
        ("growthLE_two_pow", set()),
        ("vc_uniform_convergence", {"VCInequality", "VCDimLE", "FinAddProb", "Expectation"}),
        ("rademacher_singleton", set()),
        (
            "rademacherDeviation_of_symmetrization_mcDiarmid",
            {"Symmetrization", "McDiarmid", "FinAddProb", "Expectation"},
        ),
        ("rademacher_generalization", {"RademacherDeviation", "FinAddProb", "Expectation"}),
        ("kl_nonneg", {"LogBounds"}),
        ("occam_bound", {"OccamConcentration", "FinAddProb", "Expectation"}),
        (
            "occamConcentration_of_concentration",
            {"Concentration", "FinAddProb", "Expectation"},
        ),
        (
            "pacBayes_chiSq",
            {"PACBayesBound", "LogBounds", "FinAddProb", "Expectation"},
        ),
        (
            "compression_bound",
            {"CompressionScheme", "CompressionConcentration", "FinAddProb"},
        ),
        ("excess_dbl", {"PowerLawScaling"}),
        ("chinchilla_params_better", {"ChinchillaScaling"}),
        ("powerLaw_of_brokenPowerLaw", {"BrokenPowerLaw"}),
    ],
)
def test_key_theorems_rest_on_exactly_their_assumptions(
    theorem: str, assumptions: set[str], report: dict
) -> None:
    [t] = [t for t in report["theorems"] if t["name"].rsplit(".", 1)[-1] == theorem]
    required = {r.rsplit(".", 1)[-1] for r in t["requires"]}
    assert required == assumptions, (theorem, required)


@pytest.mark.parametrize(
    ("theorem", "assumptions"),
    [
        ("sauer_shelah", {"VCDimLE"}),
        ("vc_uniform_convergence", {"VCInequality", "VCDimLE", "FinAddProb", "Expectation"}),
    ],
)
def test_rests_on_cli_agrees(theorem: str, assumptions: set[str]) -> None:
    out = cli_json("rests-on", theorem)
    assert {r.rsplit(".", 1)[-1] for r in out["requires"]} == assumptions
    assert out["witnessed"] in ("single", "joint")


@pytest.mark.parametrize(
    ("discharge", "established"),
    [
        ("rademacherDeviation_of_symmetrization_mcDiarmid", "RademacherDeviation"),
        ("occamConcentration_of_concentration", "OccamConcentration"),
        ("moreDataHelps_of_powerLaw", "MoreDataHelps"),
        ("powerLaw_data_of_chinchilla", "PowerLawScaling"),
        ("powerLaw_params_of_chinchilla", "PowerLawScaling"),
        ("powerLaw_of_brokenPowerLaw", "PowerLawScaling"),
    ],
)
def test_discharges_establish_their_target(discharge: str, established: str, report: dict) -> None:
    [t] = [t for t in report["theorems"] if t["name"].rsplit(".", 1)[-1] == discharge]
    assert t["role"] == "discharge"
    assert established in {e.rsplit(".", 1)[-1] for e in t["establishes"]}


def test_broken_power_law_start_is_not_a_separation(report: dict, nodes: dict[str, dict]) -> None:
    # Beyond its break a broken power law *is* a power law, so "not a power law from n0 = 1"
    # is a fact about parameters, not a separation of the two assumptions.
    name = SCALING + "brokenPowerLaw_not_powerLaw"
    [t] = [t for t in report["theorems"] if t["name"] == name]
    assert t["role"] == "theorem" and not (nodes[name].get("doc") or "").startswith("Separation:")


@pytest.mark.parametrize(
    ("separation", "holds", "fails"),
    [
        (SCALING + "powerLaw_not_brokenPowerLaw", "PowerLawScaling", "BrokenPowerLaw"),
        (SCALING + "moreDataHelps_not_powerLaw", "MoreDataHelps", "PowerLawScaling"),
        (SCALING + "powerLaw_data_not_chinchilla", "PowerLawScaling", "ChinchillaScaling"),
        (CAPACITY + "mcDiarmid_not_symmetrization", "McDiarmid", "Symmetrization"),
    ],
)
def test_separations_mention_both_assumptions_and_require_none(
    separation: str, holds: str, fails: str, report: dict, nodes: dict[str, dict]
) -> None:
    [t] = [t for t in report["theorems"] if t["name"] == separation]
    assert t["requires"] == []
    # The model satisfies A (establishes) and refutes B (refutes), as the lattice reads it.
    assert holds in {e.rsplit(".", 1)[-1] for e in t["establishes"]}, t
    assert fails in {e.rsplit(".", 1)[-1] for e in t["refutes"]}, t
    node = nodes[separation]
    assert (node.get("doc") or "").startswith("Separation:"), node.get("doc")
    # the statement has the shape `∃ …, A … ∧ ¬ …B…`, with A before B
    stmt = " ".join((node.get("statement") or "").split())
    head, _, tail = stmt.partition("∧ ¬")
    assert "∃" in head and holds in head and fails in tail, stmt
