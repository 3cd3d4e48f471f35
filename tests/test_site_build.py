"""The explorer's generator: files, data that agrees with the CLI, escaping, bad input."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from axiomdl.session import load
from axiomdl.site import build_site
from axiomdl.site.build import MARKER, write_site
from axiomdl.site.data import collect, source_statement
from axiomdl.site.payload import SHARD
from axiomdl.site.synthetic import synthetic_session
from tests.test_site_fixtures import PAYLOADS, axiomdl, write_hostile_project

OWN_SCRIPTS = {
    "data/index.js",
    "data/edges.js",
    "assets/common.js",
    "assets/index.js",
    "assets/decl.js",
    "assets/graph.js",
    "assets/vendor/dagre.min.js",
    "assets/vendor/markdown-it.min.js",
}


def _unwrap(text: str) -> object:
    m = re.fullmatch(r"window\.\w+ = JSON\.parse\((.*)\);\n", text, re.S) or re.fullmatch(
        r"axiomdlShard\(\d+, JSON\.parse\((.*)\)\);\n", text, re.S
    )
    assert m, "a data file has an unexpected shape"
    return json.loads(json.loads(m.group(1)))


def site_data(out: Path) -> dict:
    """The JSON inside data/index.js."""
    return _unwrap((out / "data" / "index.js").read_text(encoding="utf-8"))  # type: ignore[return-value]


def shard_record(out: Path, i: int) -> dict:
    """Declaration i's record from its shard file."""
    recs = _unwrap((out / "data" / "d" / f"{i // SHARD}.js").read_text(encoding="utf-8"))
    return recs[i % SHARD]  # type: ignore[index]


class TagAudit(HTMLParser):
    """Collects every script tag, event-handler attribute and javascript: URL."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str | None] = []
        self.handlers: list[tuple[str, str]] = []
        self.js_urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))
        for k, v in attrs:
            if k.lower().startswith("on"):
                self.handlers.append((tag, k))
            if k in ("href", "src", "action") and v and v.strip().lower().startswith("javascript:"):
                self.js_urls.append(v)


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    r = axiomdl("site", str(out))
    assert r.returncode == 0, r.stderr
    return out


def test_site_layout_and_vendored_libraries(bundled_site: Path) -> None:
    for page in ("index.html", "graph.html", "decl.html", "guide.html", MARKER):
        assert (bundled_site / page).is_file(), page
    vendor = bundled_site / "assets" / "vendor"
    assert "Chris Pettitt" in (vendor / "dagre.LICENSE.txt").read_text(encoding="utf-8")
    assert "dagre" in (vendor / "dagre.min.js").read_text(encoding="utf-8")[-3000:]
    assert "markdownit" in (vendor / "markdown-it.min.js").read_text(encoding="utf-8")[:400]
    assert "MIT" in (vendor / "NOTICE.txt").read_text(encoding="utf-8")
    data = site_data(bundled_site)
    assert len(data["names"]) >= 50
    edges = _unwrap((bundled_site / "data" / "edges.js").read_text(encoding="utf-8"))
    assert len(edges) % 3 == 0 and len(edges) >= 300  # type: ignore[arg-type]
    # No page per declaration: a handful of shells and one shard per SHARD declarations.
    shards = list((bundled_site / "data" / "d").glob("*.js"))
    assert len(shards) == -(-len(data["names"]) // SHARD)
    assert not list(bundled_site.glob("d/*.html"))
    for page in bundled_site.glob("*.html"):
        audit = TagAudit()
        audit.feed(page.read_text(encoding="utf-8"))
        for src in audit.scripts:
            assert src in OWN_SCRIPTS, (page, src)


def test_requires_uses_and_weakest_link_match_cli(bundled_site: Path) -> None:
    data = site_data(bundled_site)
    names = data["names"]
    results = [i for i, r in enumerate(data["role"]) if data["roles"][r] == "theorem"]
    picked = [i for i in results if len(data["req"][i]) >= 2][:3]
    assert picked
    for i in picked:
        r = axiomdl("rests-on", names[i], "-f", "json")
        assert r.returncode == 0, r.stderr
        cli = json.loads(r.stdout)
        rec = shard_record(bundled_site, i)
        assert [names[j] for j in data["req"][i]] == cli["requires"]
        assert [names[j] for j in rec["use"]] == cli["uses"]
        assert rec["w"] == cli["summary"] and cli["summary"].startswith("rests on")
        assert set(cli["statuses"]) == set(cli["requires"])


def test_impact_and_used_by_agree_with_report_and_unused(bundled_site: Path) -> None:
    data = site_data(bundled_site)
    names = data["names"]
    report = json.loads(axiomdl("report", "-f", "json").stdout)
    rows = {a["name"]: a for a in report["assumptions"] + report["conjectures"]}
    unused = set(json.loads(axiomdl("unused", "-f", "json").stdout)["unused"])
    assert unused == set(report["unused"])
    index_html = (bundled_site / "index.html").read_text(encoding="utf-8")
    for k, i in enumerate(data["hyps"]):
        name = names[i]
        assert data["usedBy"][k] == rows[name]["used_by"], name
        assert data["reqBy"][k] == rows[name]["required_by"], name
        row = index_html.split(f'<tr data-name="{name}">', 1)[1].split("</tr>", 1)[0]
        assert f'<td class="used-by">{rows[name]["used_by"]}</td>' in row
        if data["roles"][data["role"][i]] == "assumption":
            assert (rows[name]["used_by"] == 0) == (name in unused), name
    # an assumption whose impact has both parts, so both lists are compared by name
    hyp = next(
        i
        for i in data["hyps"]
        if shard_record(bundled_site, i)["imp"]["s"] and shard_record(bundled_site, i)["imp"]["p"]
    )
    cli = json.loads(axiomdl("impact", names[hyp], "-f", "json").stdout)
    imp = shard_record(bundled_site, hyp)["imp"]
    assert cli["statement"] and cli["proof"]
    assert [names[j] for j in imp["s"]] == cli["statement"]
    assert [names[j] for j in imp["p"]] == cli["proof"]


def test_map_edges_come_from_discharges(bundled_site: Path) -> None:
    """Each arrow A → B is a discharge's premise and conclusion as `axiomdl lattice` reads
    them: a proved implication, or one premise of a joint one; never a parameter of B."""
    data = site_data(bundled_site)
    names = data["names"]
    lattice = json.loads(axiomdl("lattice", "-f", "json").stdout)
    single = {
        (i["premise"], i["conclusion"], i["via"][0])
        for i in lattice["implications"]
        if len(i["via"]) == 1
    }
    joint = {(p, j["conclusion"], j["by"]) for j in lattice["joint"] for p in j["premises"]}
    params = {(q, n["name"]) for n in lattice["assumptions"] for q in n["presupposes"]}
    got = sorted((names[a], names[b], names[d]) for a, b, d in data["implies"])
    # Two discharges may prove one pair; the lattice names one of them, the map draws each.
    pairs = {(a, b) for a, b, _d in single | joint}
    assert {(a, b) for a, b, _d in got} <= pairs and len(got) >= 10
    roles = {n: data["roles"][r] for n, r in zip(names, data["role"], strict=True)}
    assert all(roles[d] == "discharge" for _a, _b, d in got)
    assert not any((a, b) in params for a, b, _d in got)
    assert ("AxiomDL.StrongConvex", "AxiomDL.Convex", "AxiomDL.convex_of_strongConvex") in got


def test_map_draws_joint_premises_apart_from_implications(bundled_site: Path) -> None:
    """A premise of a joint discharge (A ∧ C ⇒ B) is not "A implies B": the site lists it
    under `joint`, exactly the lattice's joint implications, and never under `implies`."""
    data = site_data(bundled_site)
    names = data["names"]
    lattice = json.loads(axiomdl("lattice", "-f", "json").stdout)
    joint = sorted((p, j["conclusion"], j["by"]) for j in lattice["joint"] for p in j["premises"])
    got = sorted((names[a], names[b], names[d]) for a, b, d in data["joint"])
    assert got == joint and len({d for _a, _b, d in got}) >= 5
    by_joint = {d for _a, _b, d in joint}
    assert not any(names[d] in by_joint for _a, _b, d in data["implies"])
    # Smooth and ErrorBound together give PL, while a separation shows Smooth alone does not.
    smooth, pl = "AxiomDL.Smooth", "AxiomDL.PolyakLojasiewicz"
    assert (smooth, pl) in {(a, b) for a, b, _d in got}
    assert (smooth, pl) not in {(names[a], names[b]) for a, b, _d in data["implies"]}
    assert (smooth, pl) in {(names[a], names[b]) for a, b, _d in data["separates"]}


def test_theorem_area_is_its_module_area(bundled_site: Path) -> None:
    data = site_data(bundled_site)
    area_of = {
        n: data["areas"][a] if a >= 0 else None
        for n, a in zip(data["names"], data["area"], strict=True)
    }
    assert area_of["AxiomDL.gd_linear_convergence"] == "landscape"
    thms = [
        n for n, r in zip(data["names"], data["role"], strict=True) if data["roles"][r] == "theorem"
    ]
    assert sum(1 for n in thms if area_of[n] == "generalization") >= 5


def test_statement_keeps_line_breaks_and_indentation() -> None:
    s = load(None, quiet=True)
    sd = collect(s, "bundled")
    st = sd.nodes["AxiomDL.gd_linear_convergence"].statement
    src = (s.project.root / sd.nodes["AxiomDL.gd_linear_convergence"].file).read_text()
    assert "\n    {L η μ fstar : K}" in st and st.split("\n")[1] in src
    # A source that no longer matches the scan falls back to the scanned text.
    assert source_statement(["theorem foo : True := trivial"], 1, "theorem bar : True") == (
        "theorem bar : True"
    )


def test_hostile_docstrings_stay_data(tmp_path: Path) -> None:
    proj = write_hostile_project(tmp_path / "proj")
    out = tmp_path / "out"
    r = axiomdl("site", "-C", str(proj), str(out), "--no-cache")
    assert r.returncode == 0, r.stderr
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        audit = TagAudit()
        audit.feed(html)
        assert set(audit.scripts) <= OWN_SCRIPTS, page
        assert audit.handlers == [], (page, audit.handlers)
        assert audit.js_urls == [], (page, audit.js_urls)
    # The payloads reach the browser only as JSON string content inside JSON.parse("…").
    data = site_data(out)
    assert any(PAYLOADS[0][:20] in d for d in data["doc"])
    raw = (out / "data" / "d" / "0.js").read_text(encoding="utf-8")
    assert "<script>" in json.dumps(_unwrap(raw)) and raw.startswith("axiomdlShard(0, JSON.parse(")
    # The project is named after its folder, not "deep learning".
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>Assumptions of proj, and what rests on them</h1>" in index
    assert "<title>Index · proj · axiomdl explorer</title>" in index


def test_refuses_foreign_nonempty_folder(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.tex").write_text("precious", encoding="utf-8")
    r = axiomdl("site", str(out))
    assert r.returncode == 2
    assert "not an axiomdl site" in r.stderr and "Traceback" not in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["thesis.tex"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".mine.")]


def test_rejects_bad_repo_url_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = axiomdl("site", str(out), "--repo-url", "javascript:alert(1)")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "--repo-url" in r.stderr
    assert not out.exists()


def test_rebuild_replaces_previous_site_and_keeps_repo_url(tmp_path: Path) -> None:
    proj = write_hostile_project(tmp_path / "proj")
    out = tmp_path / "out"
    assert axiomdl("site", "-C", str(proj), str(out), "--no-cache").returncode == 0
    stale = out / "data" / "stale.js"
    stale.write_text("old", encoding="utf-8")
    url = "https://example.org/repo/blob/main"
    r = axiomdl("site", "-C", str(proj), str(out), "--no-cache", "--repo-url", url)
    assert r.returncode == 0, r.stderr
    assert not stale.exists()
    assert site_data(out)["repoUrl"] == url


def test_missing_project_is_one_line_error(tmp_path: Path) -> None:
    r = axiomdl("site", "-C", str(tmp_path / "nope"), str(tmp_path / "out"))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and r.stderr.strip().count("\n") == 0
    assert not (tmp_path / "out").exists()


def test_report_site_option(tmp_path: Path) -> None:
    proj = write_hostile_project(tmp_path / "proj")
    out = tmp_path / "site"
    r = axiomdl("report", "-C", str(proj), "--no-cache", "-f", "json", "--site", str(out))
    assert r.returncode in (0, 1), r.stderr
    assert json.loads(r.stdout)["counts"]["declarations"] == 5
    assert (out / "index.html").is_file() and (out / MARKER).is_file()


def test_no_progress_bar_without_a_terminal(tmp_path: Path) -> None:
    r = axiomdl("site", str(tmp_path / "out"))
    assert r.returncode == 0
    assert r.stderr == ""  # stderr is a pipe here: no bar, no escape codes
    assert r.stdout.startswith("wrote the explorer for ")


def test_large_project_is_a_few_hundred_files(tmp_path: Path) -> None:
    s = synthetic_session(3000, 9000)
    sd = collect(s, "synthetic")
    r = write_site(sd, tmp_path / "big")
    assert r.declarations == 3000
    assert r.files < 40  # shells, assets, 3 data files + 8 shards, not 3,000 pages
    data = site_data(tmp_path / "big")
    i = 2999
    rec = shard_record(tmp_path / "big", i)
    assert rec["m"] == sd.nodes[data["names"][i]].module


def test_build_site_api_on_bundled_library(tmp_path: Path) -> None:
    s = load(None, quiet=True)
    r = build_site(s, tmp_path / "api", label="bundled")
    assert r.declarations == len(s.project.decls)


def test_impact_for_every_assumption_matches_engine() -> None:
    s = load(None, quiet=True)
    sd = collect(s, "bundled")
    assert len(s.analysis.hyps) >= 5
    for h in s.analysis.hyps:
        imp = sd.impact[h]
        assert (imp.statement, imp.proof, imp.bundles) == tuple(
            list(x) for x in s.analysis.impact(h)
        ), h


def test_guide_example_derivation_is_the_one_rests_on_prints(bundled_site: Path) -> None:
    html = (bundled_site / "guide.html").read_text(encoding="utf-8")
    name = re.search(r"Take <a [^>]*><code>([^<]+)</code>", html)
    path = re.search(r'<ol id="example-path">(.*?)</ol>', html, re.S)
    assert name and path, "the bundled library's guide should show a derivation"
    shown = re.findall(r"<li><a [^>]*>([^<]+)</a>", path.group(1))
    cli = json.loads(axiomdl("rests-on", name.group(1), "-f", "json").stdout)
    assert shown in [d["path"] for d in cli["derived"]]
    assert shown[0] == name.group(1) and len(shown) >= 3  # through a discharge, not directly
