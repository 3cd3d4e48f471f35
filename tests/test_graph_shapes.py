"""Graph shapes the Toy fixture lacks, with every expected set derived by hand.

The fixture ``fixtures/shapes`` is real Lean 4 text. Each test runs under both scanners:
the compiled core (where it is built) and the pure-Python reference, so the reference is
tested on its own behaviour and not only for agreement with the core.

How the sets follow from the text (``S.`` is ``Shapes.``):

- ``convex_of_sharp``, ``pl_of_sharp``: the only users of ``Sharp`` are discharges; a
  discharge rests on what it requires, so ``Sharp`` is used (``used_by`` 2), not unused.
- ``pl_of_sharp`` establishes ``PL`` and its proof applies ``pl_of_convex``, which also
  establishes ``PL``: ``PL`` is in its uses, yet dropping ``PL`` does not make it fall.
- ``Bounded`` takes a ``Lip`` proof as an argument; ``bounded_use`` mentions ``Bounded`` in
  a hypothesis: ``Lip`` is used (reachable), not required (a definition's binders are
  not a bundle), and ``Bounded`` is among the declarations ``impact Lip`` lists.
- ``outer`` reaches ``PL`` only at depth two, through ``inner``, whose proof applies both
  ``descent`` (PL as a hypothesis) and ``pl_of_convex`` (PL as its conclusion): the two
  paths are equally short, and the one through the discharge is the one shown.
- ``Great`` bundles ``Good`` (PL, Smooth) and ``Tame``: requires unfold both levels.
- ``Conj`` and ``Open`` are conjectures: requirable, never reported unused.
- ``Idle`` is exhibited by a witness only: witnesses do not use what they establish.
"""

from __future__ import annotations

import pytest

from axiomdl.queries import Analysis
from axiomdl.report import build
from axiomdl.session import Session

from .conftest import FIXTURES, SCANNERS, session_of

SHAPES = FIXTURES / "shapes"


def S(*names: str) -> list[str]:
    return [f"Shapes.{n}" for n in names]


@pytest.fixture(scope="module", params=SCANNERS)
def shapes(request: pytest.FixtureRequest) -> Session:
    return session_of(SHAPES, request.param)


# name: (requires, establishes, uses)
EXPECTED = {
    "convex_of_sharp": (S("Sharp"), S("Convex"), S("Sharp")),
    "pl_of_convex": (S("Convex"), S("PL"), S("Convex")),
    "pl_of_sharp": (S("Sharp"), S("PL"), S("Convex", "PL", "Sharp")),
    "descent": (S("PL", "Smooth"), [], S("PL", "Smooth")),
    "inner": (S("Convex", "Smooth"), [], S("Convex", "PL", "Smooth")),
    "outer": (S("Convex", "Smooth"), [], S("Convex", "PL", "Smooth")),
    "bounded_use": ([], [], S("Lip")),
    "great_rate": (S("PL", "Smooth", "Tame"), [], S("PL", "Smooth", "Tame")),
    "conj_use": (S("Conj"), [], S("Conj")),
}


def _witness(a: Analysis) -> str:
    (w,) = [n for n, r in a.roles.items() if r == "witness"]
    return w


def test_roles(shapes: Session) -> None:
    by_role: dict[str, list[str]] = {}
    for n, r in shapes.analysis.roles.items():
        by_role.setdefault(r, []).append(n)
    assert sorted(by_role["assumption"]) == S(
        "Convex", "Idle", "Lip", "PL", "Sharp", "Smooth", "Tame"
    )
    assert sorted(by_role["conjecture"]) == S("Conj", "Open")
    assert sorted(by_role["discharge"]) == S("convex_of_sharp", "pl_of_convex", "pl_of_sharp")
    assert sorted(by_role["definition"]) == S("Bounded", "Good", "Great")
    assert shapes.analysis.hyps == S(
        "Conj", "Convex", "Idle", "Lip", "Open", "PL", "Sharp", "Smooth", "Tame"
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_requires_establishes_uses(shapes: Session, name: str) -> None:
    a = shapes.analysis
    full = f"Shapes.{name}"
    assert (a.requires(full), a.establishes(full), a.uses(full)) == EXPECTED[name]


def test_the_witness_requires_and_uses_nothing(shapes: Session) -> None:
    a = shapes.analysis
    w = _witness(a)
    assert (a.requires(w), a.establishes(w), a.uses(w)) == ([], S("Idle"), [])


def test_all_requires_lists_every_result(shapes: Session) -> None:
    a = shapes.analysis
    want = {f"Shapes.{n}": req for n, (req, _, _) in EXPECTED.items()}
    want[_witness(a)] = []
    assert a.all_requires() == want


# assumption: (statement, proof, bundles)
IMPACT = {
    "PL": (S("descent", "great_rate"), S("inner", "outer"), S("Good", "Great")),
    "Smooth": (S("descent", "great_rate", "inner", "outer"), [], S("Good", "Great")),
    "Convex": (S("inner", "outer", "pl_of_convex"), S("pl_of_sharp"), []),
    "Sharp": (S("convex_of_sharp", "pl_of_sharp"), [], []),
    "Lip": ([], S("bounded_use"), S("Bounded")),
    "Tame": (S("great_rate"), [], S("Great")),
    "Conj": (S("conj_use"), [], []),
    "Open": ([], [], []),
    "Idle": ([], [], []),
}


@pytest.mark.parametrize("assumption", sorted(IMPACT))
def test_impact(shapes: Session, assumption: str) -> None:
    assert shapes.analysis.impact(f"Shapes.{assumption}") == IMPACT[assumption]


def test_used_by_and_unused(shapes: Session) -> None:
    a = shapes.analysis
    assert a.used_by() == {
        "Shapes.Conj": 1,
        "Shapes.Convex": 4,  # inner, outer, pl_of_convex, pl_of_sharp (through its proof)
        "Shapes.Idle": 0,  # the witness does not count
        "Shapes.Lip": 1,  # bounded_use, through Bounded's argument
        "Shapes.Open": 0,
        "Shapes.PL": 4,  # descent, great_rate, inner, outer; not the discharges establishing it
        "Shapes.Sharp": 2,  # two discharges
        "Shapes.Smooth": 4,
        "Shapes.Tame": 1,
    }
    # Open (a conjecture) is never "unused"; Lip and Sharp are used.
    assert a.unused() == ["Shapes.Idle"]


def test_the_tie_at_depth_two_shows_the_discharge(shapes: Session) -> None:
    a = shapes.analysis
    assert a.why("Shapes.outer", "Shapes.PL", through_proof=True) == [
        ("Shapes.outer", "Shapes.inner", "proof", "value"),
        ("Shapes.inner", "Shapes.pl_of_convex", "proof", "value"),
        ("Shapes.pl_of_convex", "Shapes.PL", "statement", "conclusion"),
    ]
    # Without through_proof the path is any shortest one: three steps, ending at PL.
    plain = a.why("Shapes.outer", "Shapes.PL")
    assert len(plain) == 3 and plain[0][:2] == ("Shapes.outer", "Shapes.inner")
    assert plain[-1][1] == "Shapes.PL"
    # Through a bundle: the hypothesis, then the definition's body (its value).
    assert a.why("Shapes.great_rate", "Shapes.Tame") == [
        ("Shapes.great_rate", "Shapes.Great", "statement", "hypothesis"),
        ("Shapes.Great", "Shapes.Tame", "proof", "value"),
    ]
    assert a.why("Shapes.conj_use", "Shapes.PL") == []
    assert a.why("Shapes.conj_use", "Shapes.PL", through_proof=True) == []


def test_rests_on_derivations(shapes: Session) -> None:
    outer = build.rests_on(shapes, "Shapes.outer")
    assert [(d.assumption, d.path) for d in outer.derived] == [
        ("Shapes.PL", S("outer", "inner", "pl_of_convex", "PL"))
    ]
    assert outer.unsupported == []
    inner = build.rests_on(shapes, "Shapes.inner")
    assert [(d.assumption, d.path) for d in inner.derived] == [
        ("Shapes.PL", S("inner", "pl_of_convex", "PL"))
    ]
    sharp = build.rests_on(shapes, "Shapes.pl_of_sharp")
    # PL is established, not derived; Convex is derived on the way.
    assert [(d.assumption, d.path) for d in sharp.derived] == [
        ("Shapes.Convex", S("pl_of_sharp", "convex_of_sharp", "Convex"))
    ]
    # Lip is reached through a definition, not derived by a discharge, and not lacking.
    bounded = build.rests_on(shapes, "Shapes.bounded_use")
    assert (bounded.uses, bounded.derived, bounded.unsupported) == (S("Lip"), [], [])
    great = build.rests_on(shapes, "Shapes.great_rate")
    assert (great.derived, great.unsupported) == ([], [])


def test_report_counts_and_rows(shapes: Session) -> None:
    r = build.build_report(shapes, "shapes")
    c = r.counts
    assert (c.assumptions, c.conjectures, c.discharges, c.witnesses) == (7, 2, 3, 1)
    assert r.unused == ["Shapes.Idle"]
    rows = {x.name: x for x in r.assumptions}
    assert (rows["Shapes.PL"].required_by, rows["Shapes.PL"].used_by) == (2, 4)
    assert sorted(rows["Shapes.PL"].established_by) == S("pl_of_convex", "pl_of_sharp")
    assert (rows["Shapes.Lip"].required_by, rows["Shapes.Lip"].used_by) == (0, 1)
    theorems = {t.name: t for t in r.theorems}
    assert theorems["Shapes.outer"].derived == ["Shapes.PL"]
    assert theorems["Shapes.great_rate"].requires == S("PL", "Smooth", "Tame")


def test_graph_export_models(shapes: Session) -> None:
    """``graph -f json``/graphml's nodes and edges, read off the fixture's text by hand."""
    import io

    import networkx as nx

    from axiomdl.report.graph_formats import to_graphml, to_json_model

    out = to_json_model(shapes)
    nodes = {d.name: d for d in out.nodes}
    assert [d.name for d in out.nodes] == sorted(nodes)
    convex = nodes["Shapes.Convex"].model_dump()
    assert convex["statement"].startswith("structure Convex (f : Nat → Nat) : Prop")
    assert convex["doc"].startswith("Assumption: a strong-convexity stand-in.\nArea: landscape")
    del convex["statement"], convex["doc"]
    assert convex == {
        "name": "Shapes.Convex",
        "kind": "structure",
        "role": "assumption",
        "module": "Shapes.Assumptions",
        "file": "Shapes/Assumptions.lean",
        "line": 20,
        "end_line": 21,
        "area": "landscape",
        "status": "established",
        "evidence": "fixture",
        "refs": "none",
        "probe": None,
        "flags": [],
        "attributes": [],
        "package": None,
    }
    edges = [(e.source, e.target, e.label, e.position, e.provenance) for e in out.edges]
    assert edges == sorted(edges)
    assert len(edges) == shapes.graph.number_of_edges()
    # `Nat` and `Nat.le_refl` are not the project's: no edge to them
    assert [e for e in edges if e[0] == "Shapes.convex_of_sharp"] == [
        ("Shapes.convex_of_sharp", "Shapes.Convex", "statement", "conclusion", "static"),
        ("Shapes.convex_of_sharp", "Shapes.Sharp", "statement", "hypothesis", "static"),
    ]
    assert [e for e in edges if e[0] == "Shapes.pl_of_sharp"] == [
        ("Shapes.pl_of_sharp", "Shapes.PL", "statement", "conclusion", "static"),
        ("Shapes.pl_of_sharp", "Shapes.Sharp", "statement", "hypothesis", "static"),
        ("Shapes.pl_of_sharp", "Shapes.convex_of_sharp", "proof", "value", "static"),
        ("Shapes.pl_of_sharp", "Shapes.pl_of_convex", "proof", "value", "static"),
    ]
    g = nx.read_graphml(io.BytesIO(to_graphml(shapes).encode("utf-8")))
    assert g.nodes["Shapes.Convex"]["kind"] == "structure"
    assert g.nodes["Shapes.Convex"]["role"] == "assumption"
    assert g.nodes["Shapes.pl_of_sharp"]["kind"] == "theorem"
    assert g.edges["Shapes.pl_of_sharp", "Shapes.Sharp"]["position"] == "hypothesis"
