"""Exporter JSON Lines: schema validation, merging into the graph, compare, exact audit.

The export is the hand-written fixture tests/fixtures/lean_backend/demo.export.jsonl
(documented format axiomdl-export/1; see its header line), for the fixture project
tests/fixtures/lean_backend/proj.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from axiomdl.errors import AxiomdlError
from axiomdl.graph import build_graph
from axiomdl.lean.audit import axiom_findings, load_allowlist
from axiomdl.lean.exact import compare, exact_graph
from axiomdl.lean.export import load_export, parse_export
from axiomdl.queries import Analysis
from axiomdl.session import load

from .conftest import assert_schema

FIX = Path(__file__).resolve().parent / "fixtures" / "lean_backend"
PROJ = FIX / "proj"
EXPORT = FIX / "demo.export.jsonl"


@pytest.fixture(scope="module")
def static():
    return load(PROJ, quiet=True, use_cache=False)


@pytest.fixture(scope="module")
def export():
    return load_export(EXPORT)


def test_fixture_export_validates(export):
    assert export.lean_versions == {"4.35.0"}
    assert "Demo.main_result" in export.decls
    d = export.decls["Demo.main_result"]
    assert d.kind == "theorem" and d.module == "Demo.Basic"
    assert d.range is not None and d.range.pos.line == 34
    assert d.axioms == ["sorryAx", "propext"]
    assert export.decls["Demo.private_aux"].type_hyp_consts is None  # optional split


def _line(**kw) -> str:
    rec = {"type": "decl", "name": "A.b", "kind": "theorem", "module": "A"}
    rec.update(kw)
    return json.dumps(rec)


@pytest.mark.parametrize(
    ("lines", "line_no", "why"),
    [
        (['{"type": "header", "schema": "axiomdl-export/1"}', "{oops"], 2, "not JSON"),
        (["[1, 2]"], 1, "JSON object"),
        (['{"type": "header", "schema": "axiomdl-export/9"}'], 1, "schema"),
        (['{"type": "node", "name": "x"}'], 1, "unknown record type"),
        ([_line(name="")], 1, "name"),
        ([_line(type_consts="Nat")], 1, "type_consts"),
        ([_line(axioms=[1])], 1, "axioms"),
    ],
)
def test_schema_errors_name_the_line(lines, line_no, why):
    with pytest.raises(AxiomdlError) as ei:
        parse_export(lines, source="x.jsonl")
    assert ei.value.file == "x.jsonl" and ei.value.line == line_no
    assert why in ei.value.message


def test_a_name_exported_twice_is_a_warning_with_both_origins(tmp_path):
    ex = parse_export([_line(module="A"), "", _line(module="B", kind="def")], source="x.jsonl")
    assert ex.decls["A.b"].module == "A" and ex.decls["A.b"].kind == "theorem"  # first kept
    assert ex.duplicates == [
        "x.jsonl:3: warning: `A.b` is exported twice: first at line 1 (module A), "
        "again here (module B); keeping the first"
    ]
    # Through the CLI: exact mode goes on and says so once on stderr.
    p = tmp_path / "dup.jsonl"
    p.write_text("\n".join([_line(module="A"), _line(module="B")]) + "\n")
    assert load_export(p).duplicates[0].startswith(f"{p}:2: warning: `A.b` is exported twice")


def test_missing_and_binary_export_files(tmp_path):
    with pytest.raises(AxiomdlError, match="no such export file"):
        load_export(tmp_path / "none.jsonl")
    b = tmp_path / "bin.jsonl"
    b.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(AxiomdlError) as ei:
        load_export(b)
    assert ei.value.file == str(b)


def test_merge_gives_exact_edges_with_positions(static, export):
    g = exact_graph(static.project, static.graph, export)
    e = g.edges
    # type split from the exporter: binder domains are hypotheses, the rest conclusion
    assert e["Demo.bounded_of_grows", "Demo.Grows"]["position"] == "hypothesis"
    assert e["Demo.bounded_of_grows", "Demo.Bounded"]["position"] == "conclusion"
    assert e["Demo.bounded_of_grows", "Demo.Bounded"]["provenance"] == "exact"
    # value constants are proof edges; `Demo.Grows.grow` is attributed to `Demo.Grows`
    assert e["Demo.main_result", "Demo.bounded_of_grows"]["label"] == "proof"
    assert e["Demo.helper", "Demo.Grows"]["position"] == "hypothesis"  # statement beats proof
    # external constants (Nat, LE.le, sorryAx) are dropped; no self-edges
    assert all(v.startswith("Demo") for _, v in g.edges)
    assert not any(u == v for u, v in g.edges)


def test_declarations_missing_from_the_export_keep_static_edges(static, export):
    g = exact_graph(static.project, static.graph, export)
    ex = "example@Demo.Basic:42"  # Lean never adds an `example` to the environment
    assert g.edges[ex, "Demo.Grows"]["provenance"] == "static"
    assert g.edges["Demo.broken", "Demo.helper"]["provenance"] == "static"


def test_records_without_split_fall_back_to_static_split_else_hypothesis(static, export):
    g = exact_graph(static.project, static.graph, export)
    # Demo.private_aux is unknown to the scanner: no node (compare lists it)
    assert "Demo.private_aux" not in g
    assert set(g.nodes) == set(static.graph.nodes)
    # A known declaration without the split uses the scanner's conclusion set.
    rec = export.decls["Demo.bounded_of_grows"].model_copy(
        update={"type_hyp_consts": None, "type_concl_consts": None}
    )
    ex2 = load_export(EXPORT)
    ex2.decls["Demo.bounded_of_grows"] = rec
    g2 = exact_graph(static.project, static.graph, ex2)
    assert g2.edges["Demo.bounded_of_grows", "Demo.Bounded"]["position"] == "conclusion"
    assert g2.edges["Demo.bounded_of_grows", "Demo.Grows"]["position"] == "hypothesis"


def test_exact_analysis_answers_queries(static, export):
    a = Analysis(exact_graph(static.project, static.graph, export), mode="exact")
    assert a.requires("Demo.main_result") == ["Demo.Bounded", "Demo.Grows"]  # via Good
    assert a.requires("Demo.bounded_of_grows") == ["Demo.Grows"]
    assert a.establishes("Demo.bounded_of_grows") == ["Demo.Bounded"]


def test_compare_lists_edges_found_by_one_mode_only(static, export):
    c = compare(static.project, build_graph(static.project), export, label="demo")
    only_exact = {(x.source, x.target) for x in c.only_exact}
    assert ("Demo.main_result", "Demo.bounded_of_grows") in only_exact
    assert not c.only_static
    assert c.not_exported == ["Demo.broken"]  # examples are expected to be missing
    assert c.only_exported == ["Demo.private_aux"]
    assert c.common_edges == c.static_edges and c.precision == 1.0
    assert c.recall is not None and c.recall < 1.0


def test_axiom_audit_uses_the_allowlist(static, export):
    found = axiom_findings(static.project, export, ["propext", "Classical.choice", "Quot.sound"])
    by_decl = {f.declaration: f for f in found}
    assert by_decl["Demo.bounded_of_grows"].code == "sorry"
    assert by_decl["Demo.main_result"].code == "sorry"  # sorry below, via a lemma
    assert by_decl["Demo.private_aux"].code == "foreign_axiom"
    assert by_decl["Demo.private_aux"].file == "Demo/Basic.lean"
    assert "Demo.helper" not in by_decl
    relaxed = axiom_findings(static.project, export, ["propext", "sorryAx", "Classical.choice"])
    assert {f.declaration for f in relaxed} == {"Demo.private_aux"}


def test_allowlist_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.axiomdl]\naxiom-allowlist = ["propext"]\n', encoding="utf-8"
    )
    (tmp_path / "lean").mkdir()
    allow, src = load_allowlist(tmp_path / "lean")
    assert allow == ["propext"] and src == tmp_path / "pyproject.toml"
    (tmp_path / "pyproject.toml").write_text("[tool.axiomdl]\naxiom-allowlist = 3\n")
    with pytest.raises(AxiomdlError, match="must be a list"):
        load_allowlist(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool\n")
    with pytest.raises(AxiomdlError, match="invalid TOML"):
        load_allowlist(tmp_path)


def test_repository_pyproject_pins_the_default_allowlist():
    allow, src = load_allowlist(Path(__file__).resolve().parents[1])
    assert src is not None and allow == ["propext", "Classical.choice", "Quot.sound"]


# -- through the CLI -----------------------------------------------------------------


def _copy_project(tmp_path: Path) -> Path:
    dst = tmp_path / "proj"
    shutil.copytree(PROJ, dst)
    return dst


def test_cli_exact_queries_and_audit(run_cli, tmp_path):
    proj = _copy_project(tmp_path)
    r = run_cli("rests-on", "main_result", "-C", str(proj), "--export-file", str(EXPORT))
    assert r.returncode == 0, r.stderr
    assert "exact mode" in r.stdout and "foundations (exact): propext, sorryAx" in r.stdout
    j = run_cli(
        "rests-on", "main_result", "-C", str(proj), "--export-file", str(EXPORT), "-f", "json"
    )
    data = json.loads(j.stdout)
    assert data["mode"] == "exact" and data["foundations"] == ["propext", "sorryAx"]
    a = run_cli("audit", str(proj), "--export-file", str(EXPORT), "-f", "json")
    assert a.returncode == 1
    audit = json.loads(a.stdout)
    assert audit["mode"] == "exact"
    assert {f["code"] for f in audit["findings"]} >= {"sorry", "foreign_axiom"}
    w = run_cli("why", "main_result", "Grows", "-C", str(proj), "--export-file", str(EXPORT))
    # the exported proof term mentions Grows directly (implicit argument of And.right)
    assert w.returncode == 0 and "proof/value→ Demo.Grows" in w.stdout
    i = run_cli("impact", "Grows", "-C", str(proj), "--export-file", str(EXPORT), "-f", "json")
    assert "Demo.main_result" in json.loads(i.stdout)["statement"]
    rep = run_cli("report", str(proj), "--export-file", str(EXPORT), "-f", "json")
    assert json.loads(rep.stdout)["mode"] == "exact"


def test_cli_cached_export_is_used_by_exact(run_cli, tmp_path):
    proj = _copy_project(tmp_path)
    cache = proj / ".lake" / "axiomdl"
    cache.mkdir(parents=True)
    shutil.copy(EXPORT, cache / "export.jsonl")
    r = run_cli("rests-on", "bounded_of_grows", "-C", str(proj), "--exact", "-f", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["foundations"] == ["sorryAx"]


def test_cli_compare(run_cli, tmp_path):
    proj = _copy_project(tmp_path)
    r = run_cli("compare", str(proj), "--export-file", str(EXPORT))
    assert r.returncode == 0, r.stderr
    assert "only in exact (the scanner missed it): " in r.stdout
    assert "Demo.main_result -> Demo.bounded_of_grows" in r.stdout
    js = json.loads(
        run_cli("compare", str(proj), "--export-file", str(EXPORT), "-f", "json").stdout
    )
    assert_schema("compare", js)
    assert js["not_exported"] == ["Demo.broken"] and js["only_exported"] == ["Demo.private_aux"]


def test_cli_bad_export_file_is_exit_2_with_file_line(run_cli, tmp_path):
    proj = _copy_project(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(EXPORT.read_text(encoding="utf-8") + '{"type": "decl"}\n', encoding="utf-8")
    r = run_cli("report", str(proj), "--export-file", str(bad))
    assert r.returncode == 2
    assert f"{bad}:9: error: invalid axiomdl-export/1 record" in r.stderr
    assert r.stdout == "" and "Traceback" not in r.stderr
    gone = run_cli("report", str(proj), "--export-file", str(tmp_path / "nope.jsonl"))
    assert gone.returncode == 2 and "no such export file" in gone.stderr


def test_cli_exact_mode_survives_a_duplicate_record(run_cli, tmp_path):
    proj = _copy_project(tmp_path)
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    dup = next(x for x in lines if '"Demo.main_result"' in x)
    bad = tmp_path / "dup.jsonl"
    bad.write_text("\n".join([*lines, dup.replace('"Demo.Basic"', '"Demo.Other"')]) + "\n")
    r = run_cli("rests-on", "main_result", "-C", str(proj), "--export-file", str(bad))
    assert r.returncode == 0, r.stderr
    assert "exact mode" in r.stdout
    assert r.stderr.count("is exported twice") == 1
    assert "(module Demo.Basic), again here (module Demo.Other); keeping the first" in r.stderr
