"""Over-parameterisation in the bundled library: double descent, neural collapse, mode
connectivity, and the kernel regime against feature learning.

These tests run the real CLI on the bundled Lean library. They check that the new assumptions
exist with their catalogue metadata, that every result in the new files whose hypotheses name
two or more assumptions has a joint witness (a ``Covers:`` witness establishing all of them),
that each discharge requires and establishes exactly what its statement says, and that each
separation requires nothing and establishes the assumption it exhibits.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import cli_stdout as _cli

NEW_FILES = (
    "AxiomDL/Generalization/DoubleDescent",
    "AxiomDL/Expressivity/NeuralCollapse",
    "AxiomDL/Landscape/ModeConnectivity",
    "AxiomDL/Expressivity/Regimes",
    "AxiomDL/Foundations/Plane",
)

G = "AxiomDL.Generalization."
E = "AxiomDL.Expressivity."
L = "AxiomDL."
IPS = "AxiomDL.InnerProductSpace"

# name -> (area, status)
ASSUMPTIONS = {
    G + "InterpolationPeak": ("generalization", "plausible"),
    G + "OverparamDescent": ("generalization", "refuted-in-regime"),
    G + "UnderparamAscent": ("generalization", "plausible"),
    G + "BenignOverparam": ("generalization", "contested"),
    E + "WithinClassCollapse": ("expressivity", "plausible"),
    E + "SimplexETF": ("expressivity", "refuted-in-regime"),
    E + "SelfDuality": ("expressivity", "plausible"),
    E + "NearestCentreDecision": ("expressivity", "plausible"),
    L + "LinearModeConnected": ("landscape", "refuted-in-regime"),
    L + "PiecewiseLinearConnected": ("landscape", "plausible"),
    E + "NTKRegime": ("expressivity", "refuted-in-regime"),
    E + "FeatureLearning": ("expressivity", "plausible"),
    E + "NTKWidthScaling": ("expressivity", "established"),
    E + "MeanFieldScaling": ("expressivity", "established"),
    E + "LinearisedAlongTrajectory": ("expressivity", "refuted-in-regime"),
}

# discharge -> (requires, establishes)
DISCHARGES = {
    G + "underparamAscent_of_interpolationPeak": (
        {G + "InterpolationPeak"},
        {G + "UnderparamAscent"},
    ),
    L + "piecewiseLinearConnected_of_linearModeConnected": (
        {IPS, L + "LinearModeConnected"},
        {L + "PiecewiseLinearConnected"},
    ),
    L + "linearModeConnected_of_convex": ({IPS, L + "Convex"}, {L + "LinearModeConnected"}),
    E + "nearestCentreDecision_of_simplexETF_selfDuality": (
        {IPS, E + "SimplexETF", E + "SelfDuality"},
        {E + "NearestCentreDecision"},
    ),
    E + "featureLearning_of_meanFieldScaling": (
        {IPS, E + "MeanFieldScaling"},
        {E + "FeatureLearning"},
    ),
    E + "ntkRegime_of_ntkWidthScaling": ({IPS, E + "NTKWidthScaling"}, {E + "NTKRegime"}),
    E + "linearisedAlongTrajectory_of_lazyTraining": (
        {IPS, E + "LazyTraining"},
        {E + "LinearisedAlongTrajectory"},
    ),
}

# separation -> (the assumption it exhibits, the assumption it refutes)
SEPARATIONS = {
    G + "peak_not_descent_sep": (G + "InterpolationPeak", G + "OverparamDescent"),
    G + "descent_not_peak_sep": (G + "OverparamDescent", G + "InterpolationPeak"),
    G + "peak_descent_not_benign_sep": (G + "OverparamDescent", G + "BenignOverparam"),
    G + "ascent_not_peak_sep": (G + "UnderparamAscent", G + "InterpolationPeak"),
    E + "nc2_not_nc1_sep": (E + "SimplexETF", E + "WithinClassCollapse"),
    E + "nc4_not_nc1_sep": (E + "NearestCentreDecision", E + "WithinClassCollapse"),
    E + "nc1_not_nc2_sep": (E + "WithinClassCollapse", E + "SimplexETF"),
    E + "nc1_nc3_not_nc4_sep": (E + "SelfDuality", E + "NearestCentreDecision"),
    L + "piecewise_not_linear_sep": (L + "PiecewiseLinearConnected", L + "LinearModeConnected"),
    L + "linear_not_convex_sep": (L + "LinearModeConnected", L + "Convex"),
    E + "ntk_not_featureLearning_sep": (E + "NTKRegime", E + "FeatureLearning"),
    E + "featureLearning_not_ntk_sep": (E + "FeatureLearning", E + "NTKRegime"),
    E + "ntkWidth_not_meanField_sep": (E + "NTKWidthScaling", E + "MeanFieldScaling"),
    E + "meanField_not_ntkWidth_sep": (E + "MeanFieldScaling", E + "NTKWidthScaling"),
}


def _new(t: dict) -> bool:
    return t["file"].startswith(NEW_FILES)


def test_new_assumptions_carry_their_metadata(library_report: dict) -> None:
    by_name = {a["name"]: a for a in library_report["assumptions"]}
    for name, (area, status) in ASSUMPTIONS.items():
        assert name in by_name, name
        a = by_name[name]
        assert (a["area"], a["status"]) == (area, status), name
        assert len(a["evidence"]) > 80, name
        assert "(" in a["refs"] and len(a["refs"]) > 40, name
        # Each is established by at least one witness or separation over a concrete model.
        assert a["established_by"], name
    new = [a for a in library_report["assumptions"] if a["file"].startswith(NEW_FILES)]
    assert len(new) >= 12
    assert {a["name"] for a in new} == set(ASSUMPTIONS)


def test_new_results_are_jointly_witnessed(
    library_report: dict, library_docs: dict[str, str]
) -> None:
    new = [
        t for t in library_report["theorems"] if _new(t) and t["role"] in ("theorem", "discharge")
    ]
    assert len(new) >= 30
    needing = [t for t in new if len(t["requires"]) >= 2]
    assert len(needing) >= 20, [t["name"] for t in needing]
    unwitnessed = [t["name"] for t in needing if t["witnessed"] != "joint"]
    assert not unwitnessed, unwitnessed
    # The joint witness named for each one really establishes every requirement.
    by_name = {t["name"]: t for t in library_report["theorems"]}
    for t in needing:
        assert t["witnessed_by"], t["name"]
        for w in t["witnessed_by"]:
            assert library_docs[w].startswith("Witness:"), w
            assert set(t["requires"]) <= set(by_name[w]["establishes"]), (t["name"], w)
            assert t["name"] in library_docs[w], (t["name"], w)


def test_single_requirement_results_have_a_witness(library_report: dict) -> None:
    single = [t for t in library_report["theorems"] if _new(t) and len(t["requires"]) == 1]
    assert single
    assert all(t["witnessed"] in ("single", "joint") for t in single), [
        t["name"] for t in single if t["witnessed"] not in ("single", "joint")
    ]


@pytest.mark.parametrize(("name", "sets"), sorted(DISCHARGES.items()))
def test_discharge_requires_and_establishes(
    name: str, sets: tuple[set[str], set[str]], library_docs: dict[str, str]
) -> None:
    out = json.loads(_cli("rests-on", name, "-f", "json"))
    requires, establishes = sets
    assert set(out["requires"]) == requires, out["requires"]
    assert set(out["establishes"]) == establishes, out["establishes"]
    assert library_docs[name].startswith("Discharge:"), name


def test_separations_exhibit_one_model_and_refute_the_other(
    library_report: dict, library_docs: dict[str, str]
) -> None:
    by_name = {t["name"]: t for t in library_report["theorems"]}
    for name, (holds, fails) in SEPARATIONS.items():
        t = by_name[name]
        doc = library_docs[name]
        assert doc.startswith("Separation:"), name
        short_holds, short_fails = holds.rsplit(".", 1)[-1], fails.rsplit(".", 1)[-1]
        # The docstring names both assumptions.
        assert short_holds in doc and short_fails in doc, name
        assert "Rat" in doc, name
        # A concrete model: nothing is required, the exhibited assumption is established.
        assert t["requires"] == [], (name, t["requires"])
        assert holds in t["establishes"], (name, t["establishes"])
        assert t["witnessed"] == "none-needed", name
    # Every new assumption is separated from at least one other in some direction.
    separated = {a for pair in SEPARATIONS.values() for a in pair}
    assert set(ASSUMPTIONS) - {E + "LinearisedAlongTrajectory"} <= separated


def test_rests_on_text_names_the_joint_witness() -> None:
    out = _cli("rests-on", "nearestCentreDecision_of_simplexETF_selfDuality")
    assert "requires:" in out
    assert "SimplexETF" in out and "SelfDuality" in out
    assert "witnessed:   jointly by AxiomDL.Expressivity.neuralCollapse_joint_witness_rat" in out


def test_catalogue_lists_the_new_assumptions() -> None:
    catalogue = Path(__file__).resolve().parents[1] / "docs" / "axioms.md"
    text = catalogue.read_text(encoding="utf-8")
    for name in ASSUMPTIONS:
        assert f"### `{name}`" in text, name
