"""requires vs uses vs establishes, discharge paths, impact, unused — on a real Lean fixture."""

from __future__ import annotations

import networkx as nx
import pytest

from axiomdl.errors import AxiomdlError
from axiomdl.queries import Analysis
from axiomdl.report import build
from axiomdl.session import Session

from .conftest import FIXTURES, SCANNERS, session_of


@pytest.fixture(scope="module", params=SCANNERS)
def toy(request: pytest.FixtureRequest) -> Session:
    return session_of(FIXTURES / "graph", request.param)


def test_requires_is_hypotheses_only(toy: Session) -> None:
    a = toy.analysis
    assert a.requires("Toy.rate") == ["Toy.PL", "Toy.Smooth"]
    assert a.requires("Toy.rate_sc") == ["Toy.Smooth", "Toy.StrongConvex"]
    assert a.requires("Toy.plain") == []


def test_bundles_unfold_in_requires(toy: Session) -> None:
    assert toy.analysis.requires("Toy.good_rate") == ["Toy.PL", "Toy.Smooth"]


def test_discharge_requires_and_establishes(toy: Session) -> None:
    a = toy.analysis
    assert a.requires("Toy.pl_of_strongConvex") == ["Toy.StrongConvex"]
    assert a.establishes("Toy.pl_of_strongConvex") == ["Toy.PL"]
    assert "Toy.PL" not in a.requires("Toy.pl_of_strongConvex")


def test_definition_binders_are_not_bundles(toy: Session) -> None:
    a = toy.analysis
    assert a.requires("Toy.step_eq") == ["Toy.Smooth"]
    assert a.establishes("Toy.step_eq") == []


def test_witness_requires_nothing_and_establishes(toy: Session) -> None:
    a = toy.analysis
    witness = next(n for n, r in a.roles.items() if r == "witness")
    assert a.requires(witness) == []
    assert a.establishes(witness) == ["Toy.PL"]


def test_uses_includes_discharged_assumption_with_path(toy: Session) -> None:
    a = toy.analysis
    assert a.uses("Toy.rate_sc") == ["Toy.PL", "Toy.Smooth", "Toy.StrongConvex"]
    r = build.rests_on(toy, "Toy.rate_sc")
    assert [d.assumption for d in r.derived] == ["Toy.PL"]
    assert r.derived[0].path == ["Toy.rate_sc", "Toy.pl_of_strongConvex", "Toy.PL"]


def test_why_is_a_labelled_chain(toy: Session) -> None:
    steps = toy.analysis.why("Toy.rate_sc", "Toy.PL")
    assert steps == [
        ("Toy.rate_sc", "Toy.pl_of_strongConvex", "proof", "value"),
        ("Toy.pl_of_strongConvex", "Toy.PL", "statement", "conclusion"),
    ]
    assert toy.analysis.why("Toy.plain", "Toy.PL") == []


def test_impact_splits_statement_and_proof(toy: Session) -> None:
    st, pr, bundles = toy.analysis.impact("Toy.PL")
    assert st == ["Toy.good_rate", "Toy.rate"]
    assert pr == ["Toy.rate_sc"]
    assert bundles == ["Toy.Good"]


def test_impact_of_non_assumption_is_an_error(toy: Session) -> None:
    with pytest.raises(AxiomdlError, match="not an assumption"):
        toy.analysis.impact("Toy.rate")


def test_unused(toy: Session) -> None:
    assert toy.analysis.unused() == ["Toy.Unused"]


def test_unknown_name_suggests(toy: Session) -> None:
    with pytest.raises(AxiomdlError, match=r"did you mean `Toy\.rate_sc`"):
        toy.analysis.check("Toy.rate_cs")
    with pytest.raises(AxiomdlError, match="did you mean"):
        toy.resolve_name("rate_scc")
    assert toy.resolve_name("rate_sc") == "Toy.rate_sc"


def test_edges_are_labelled_and_static(toy: Session) -> None:
    for _, _, data in toy.graph.edges(data=True):
        assert data["label"] in ("statement", "proof")
        assert data["provenance"] == "static"
    assert toy.graph["Toy.rate"]["Toy.PL"]["position"] == "hypothesis"


def test_cycles_are_handled_by_the_condensation() -> None:
    g = nx.DiGraph()
    g.add_node("A", role="assumption", kind="structure")
    g.add_node("B", role="assumption", kind="structure")
    for n in ("d1", "d2", "t"):
        g.add_node(n, role="definition" if n != "t" else "theorem", kind="def")
    attrs = {"label": "statement", "position": "hypothesis", "provenance": "static"}
    val = {"label": "proof", "position": "value", "provenance": "static"}
    g.add_edge("d1", "d2", **val)
    g.add_edge("d2", "d1", **val)  # mutual definitions
    g.add_edge("d1", "A", **val)
    g.add_edge("d2", "B", **val)
    g.add_edge("t", "d1", **attrs)
    a = Analysis(g)
    assert a.requires("t") == ["A", "B"]
    assert a.uses("t") == ["A", "B"]


def test_report_counts(toy: Session) -> None:
    r = build.build_report(toy, "toy")
    assert r.counts.assumptions == 4
    assert r.counts.discharges == 1
    assert r.counts.witnesses == 1
    assert r.unused == ["Toy.Unused"]
    assert not r.findings
    row = next(x for x in r.assumptions if x.name == "Toy.PL")
    assert row.required_by == 2 and row.used_by == 3
    assert "Toy.pl_of_strongConvex" in row.established_by


@pytest.fixture(scope="module", params=SCANNERS)
def deriv(request: pytest.FixtureRequest) -> Session:
    return session_of(FIXTURES / "derivation", request.param)


def test_derived_only_through_a_discharge(deriv: Session) -> None:
    via = build.rests_on(deriv, "Deriv.via_discharge")
    assert [(d.assumption, d.path) for d in via.derived] == [
        ("Deriv.PL", ["Deriv.via_discharge", "Deriv.pl_of_strongConvex", "Deriv.PL"])
    ]
    # PL reached through a definition's body is used, but nothing derives it
    through = build.rests_on(deriv, "Deriv.through_definition")
    assert "Deriv.PL" in through.uses and through.derived == [] and through.unsupported == []
    passes = build.rests_on(deriv, "Deriv.passes_on")
    assert passes.derived == [] and passes.unsupported == []


def test_a_structure_built_inline_or_received_from_the_statement_is_no_finding(
    deriv: Session,
) -> None:
    """An anonymous constructor may build PL unseen; a statement `PL f → …` receives it."""
    for name in ("Deriv.builds_pl", "Deriv.from_statement"):
        r = build.rests_on(deriv, name)
        assert r.unsupported == [], name
    report = build.build_report(deriv, "derivation fixture")
    assert [f.declaration for f in report.findings if f.code == "unsupported"] == [
        "Deriv.missing_pl"
    ]


def test_a_lemma_hypothesis_the_caller_never_had_is_a_finding(deriv: Session) -> None:
    r = build.rests_on(deriv, "Deriv.missing_pl")
    assert r.derived == []  # before: "derived via descent", an ordinary hypothesis
    assert [(d.assumption, d.path) for d in r.unsupported] == [
        ("Deriv.PL", ["Deriv.missing_pl", "Deriv.descent"])
    ]
    report = build.build_report(deriv, "derivation fixture")
    (finding,) = [f for f in report.findings if f.code == "unsupported"]
    assert finding.declaration == "Deriv.missing_pl" and finding.severity == "error"
    assert "`Deriv.descent`, which requires `Deriv.PL`" in finding.message
    rows = {t.name: t for t in report.theorems}
    assert rows["Deriv.via_discharge"].derived == ["Deriv.PL"]
    assert rows["Deriv.missing_pl"].derived == []
