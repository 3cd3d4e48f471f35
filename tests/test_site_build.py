"""The explorer's generator: files, data that agrees with the CLI, escaping, bad input."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from axiomdl.session import load
from axiomdl.site import build_site
from axiomdl.site.build import MARKER
from axiomdl.site.data import slug_for
from tests.test_site_fixtures import PAYLOADS, axiomdl, write_hostile_project

OWN_SCRIPTS = {"data/site.js", "assets/common.js", "assets/index.js", "assets/graph.js"}


def site_data(out: Path) -> dict:
    """The JSON embedded in data/site.js."""
    text = (out / "data" / "site.js").read_text(encoding="utf-8")
    m = re.fullmatch(r"window\.AXIOMDL_SITE = JSON\.parse\((.*)\);\n", text, re.S)
    assert m, "data/site.js has an unexpected shape"
    return json.loads(json.loads(m.group(1)))


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


def test_site_layout_and_vendored_library(bundled_site: Path) -> None:
    assert (bundled_site / "index.html").is_file()
    assert (bundled_site / "graph.html").is_file()
    assert (bundled_site / MARKER).is_file()
    vis = bundled_site / "assets" / "vendor" / "vis-network" / "vis-network.min.js"
    assert vis.stat().st_size > 100_000
    assert "vis-network" in vis.read_text(encoding="utf-8")[:2000]
    data = site_data(bundled_site)
    assert len(data["names"]) >= 50
    assert len(data["edges"]) % 3 == 0 and len(data["edges"]) >= 100
    pages = list((bundled_site / "d").glob("*.html"))
    assert len(pages) == len(data["names"])
    # No CDN or remote script anywhere.
    for page in [bundled_site / "index.html", bundled_site / "graph.html", *pages[:50]]:
        audit = TagAudit()
        audit.feed(page.read_text(encoding="utf-8"))
        for src in audit.scripts:
            assert src is not None and not re.match(r"(https?:)?//", src), (page, src)


def test_requires_match_cli(bundled_site: Path) -> None:
    data = site_data(bundled_site)
    names = data["names"]
    results = [i for i, r in enumerate(data["role"]) if data["roles"][r] == "theorem"]
    picked = [i for i in results if len(data["req"][i]) >= 2][:3] or results[:3]
    assert picked
    for i in picked:
        r = axiomdl("rests-on", names[i], "-f", "json")
        assert r.returncode == 0, r.stderr
        cli = json.loads(r.stdout)
        assert [names[j] for j in data["req"][i]] == cli["requires"]
        assert [names[j] for j in data["use"][i]] == cli["uses"]
        page = (bundled_site / "d" / f"{data['slug'][i]}.html").read_text(encoding="utf-8")
        block = page.split('<div id="requires">', 1)[1].split("</div>", 1)[0]
        assert re.findall(r">([^<]+)</a>", block) == cli["requires"]


def test_impact_matches_cli(bundled_site: Path) -> None:
    data = site_data(bundled_site)
    names = data["names"]
    hyp = next(
        i
        for i, r in enumerate(data["role"])
        if data["roles"][r] == "assumption" and data["req"] is not None
    )
    r = axiomdl("impact", names[hyp], "-f", "json")
    assert r.returncode == 0, r.stderr
    cli = json.loads(r.stdout)
    page = (bundled_site / "d" / f"{data['slug'][hyp]}.html").read_text(encoding="utf-8")
    assert f"Statement (requires it): {len(cli['statement'])}<" in page
    assert f"Proof only (uses it): {len(cli['proof'])}<" in page


def test_hostile_docstrings_are_escaped(tmp_path: Path) -> None:
    proj = write_hostile_project(tmp_path / "proj")
    out = tmp_path / "out"
    r = axiomdl("site", "-C", str(proj), str(out), "--no-cache")
    assert r.returncode == 0, r.stderr
    pages = [out / "index.html", out / "graph.html", *(out / "d").glob("*.html")]
    assert len(pages) == 7
    seen_payload_text = False
    for page in pages:
        html = page.read_text(encoding="utf-8")
        audit = TagAudit()
        audit.feed(html)
        assert set(audit.scripts) <= {f"../{s}" for s in OWN_SCRIPTS} | OWN_SCRIPTS | {
            "assets/vendor/vis-network/vis-network.min.js"
        }, page
        assert audit.handlers == [], (page, audit.handlers)
        assert audit.js_urls == [], (page, audit.js_urls)
        seen_payload_text |= "&lt;script&gt;window.__pwned = 1" in html
    assert seen_payload_text, "the payload should be shown as text, not dropped"
    # The payload reaches the browser data only as JSON string content.
    data = site_data(out)
    assert any(PAYLOADS[0][:20] in d for d in data["doc"])


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


def test_rebuild_replaces_previous_site_and_links_sources(tmp_path: Path) -> None:
    proj = write_hostile_project(tmp_path / "proj")
    out = tmp_path / "out"
    assert axiomdl("site", "-C", str(proj), str(out), "--no-cache").returncode == 0
    stale = out / "d" / "stale.html"
    stale.write_text("old", encoding="utf-8")
    url = "https://example.org/repo/blob/main"
    r = axiomdl("site", "-C", str(proj), str(out), "--no-cache", "--repo-url", url)
    assert r.returncode == 0, r.stderr
    assert not stale.exists()
    page = (out / "d" / "Hostile.Smooth.html").read_text(encoding="utf-8")
    assert f'href="{url}/Hostile/Basic.lean#L' in page


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


def test_slugs_are_unique_and_safe() -> None:
    taken: set[str] = set()
    names = ["A.b", "A.B", "A.«x/y»", "A.«x\\y»", "A." + "z" * 300, "example@A.lean:3"]
    slugs = [slug_for(n, taken) for n in names]
    assert len({s.lower() for s in slugs}) == len(names)
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]{1,140}", s) for s in slugs)


def test_build_site_api_on_bundled_library(tmp_path: Path) -> None:
    s = load(None, quiet=True)
    r = build_site(s, tmp_path / "api", label="bundled")
    assert r.pages == len(s.project.decls) + 2


def test_impact_for_every_assumption_matches_engine() -> None:
    from axiomdl.site.data import collect

    s = load(None, quiet=True)
    sd = collect(s, "bundled")
    assert len(s.analysis.hyps) >= 5
    for h in s.analysis.hyps:
        imp = sd.impact[h]
        assert (imp.statement, imp.proof, imp.bundles) == tuple(
            list(x) for x in s.analysis.impact(h)
        ), h
