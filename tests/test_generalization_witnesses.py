"""The generalisation area of the bundled library: joint witnesses and faithful requirements.

A theorem whose hypotheses cannot hold together proves nothing. These tests read the real
bundled Lean library through the CLI (report, graph, rests-on) and check that every
generalisation result with two or more requirements names, on a ``Covers:`` line, a witness
that establishes all of them, and that the PAC and stability theorems rest on the assumptions
that make them the literature's statements.
"""

from __future__ import annotations

import json
import re

import pytest

from .conftest import cli_stdout as _cli

COVERS = re.compile(r"^\s*Covers\s*:\s*(.*?)\s*$", re.M)


def _covered(doc: str) -> set[str]:
    return {
        name.strip("`")
        for line in COVERS.findall(doc)
        for name in re.split(r"[\s,;]+", line)
        if name.strip("`")
    }


def test_every_multi_assumption_generalization_result_is_jointly_witnessed(
    library_report: dict, library_docs: dict[str, str]
) -> None:
    report, docs = library_report, library_docs
    by_name = {t["name"]: t for t in report["theorems"]}
    witnesses = [t for t in report["theorems"] if t["role"] == "witness"]
    needing = [
        t
        for t in report["theorems"]
        if t["role"] in ("theorem", "discharge")
        and t["file"].startswith("AxiomDL/Generalization/")
        and len(t["requires"]) >= 2
    ]
    assert len(needing) >= 10, [t["name"] for t in needing]
    missing = []
    for t in needing:
        ok = [
            w["name"]
            for w in witnesses
            if t["name"] in _covered(docs.get(w["name"], ""))
            and set(t["requires"]) <= set(w["establishes"])
        ]
        if not ok:
            missing.append(t["name"])
    assert not missing, f"no joint witness covers: {missing}"
    # Every Covers: claim in the area names an existing result and is backed by the witness.
    for w in witnesses:
        if not w["file"].startswith("AxiomDL/Generalization/"):
            continue
        for target in _covered(docs.get(w["name"], "")):
            assert target in by_name, (w["name"], target)
            assert set(by_name[target]["requires"]) <= set(w["establishes"]), (w["name"], target)


@pytest.mark.parametrize(
    ("theorem", "assumptions"),
    [
        (
            "erm_realizable_consistency",
            {"Realizable", "SampleMarginals", "BadRarelyConsistent", "FinAddProb"},
        ),
        ("stability_generalization", {"ReplaceOneExchangeable", "UniformStability"}),
        ("uniform_convergence_finite", {"Concentration", "FinAddProb", "Expectation"}),
        ("MaxMarginBias.wstar_ne_zero", {"MaxMarginBias", "InnerProductSpace"}),
    ],
)
def test_generalization_theorems_rest_on_their_assumptions(
    theorem: str, assumptions: set[str]
) -> None:
    out = json.loads(_cli("rests-on", theorem, "-f", "json"))
    required = {r.rsplit(".", 1)[-1] for r in out["requires"]}
    assert assumptions <= required, (theorem, required)
