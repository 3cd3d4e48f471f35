"""The explorer as the library grows, in real headless Chromium at a laptop's 1366×768: the
assumption map of twice today's assumptions, the whole graph past its limit, and derived
marks that say what `axiomdl rests-on` says."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.test_site_browser import (
    BOXES_JS,
    LABELS_JS,
    LAPTOP,
    SCROLL_JS,
    UNREACHABLE_JS,
    Watched,
    browser,  # noqa: F401 (a fixture)
    bundled_site,  # noqa: F401 (a fixture)
    overlaps,
)
from tests.test_site_build import shard_record, site_data
from tests.test_site_fixtures import axiomdl, write_growth_project

pytestmark = pytest.mark.browser

RESULT_ROLES = {"theorem", "discharge", "witness", "separation"}


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A site over 150 assumptions and conjectures (the library at twice its size)."""
    root = tmp_path_factory.mktemp("grown")
    proj = write_growth_project(root / "proj", 150)
    out = root / "out"
    r = axiomdl("site", "-C", str(proj), str(out), "--no-cache")
    assert r.returncode == 0, r.stderr
    report = json.loads(axiomdl("report", "-C", str(proj), "-f", "json", "--no-cache").stdout)
    return out, report


def test_map_of_150_assumptions_scrolls_and_stays_legible(browser, grown) -> None:  # noqa: F811
    out, report = grown
    hyps = report["assumptions"] + report["conjectures"]
    assert len(hyps) == 150
    w = Watched(browser, LAPTOP)
    w.open((out / "graph.html").as_uri())
    assert set(w.page.evaluate("window.axiomdlGraph.nodes()")) == {a["name"] for a in hyps}
    sizes = w.page.evaluate(LABELS_JS)
    assert len(sizes) == 150 and min(sizes) >= 11.0, min(sizes)
    assert overlaps(w.page.evaluate(BOXES_JS)) == []
    # It does not fit at 11 px: the canvas scrolls down (never across), and scrolling
    # brings every box wholly into view.
    scroll = w.page.evaluate(SCROLL_JS)
    assert scroll["height"] > scroll["ch"] and scroll["width"] <= scroll["cw"]
    assert w.page.evaluate(UNREACHABLE_JS) == []
    # Grouped by area, sized within bounds (12 to 16 px on the box), implications drawn.
    bands = w.page.eval_on_selector_all(
        "#svg .group-label", "els => els.map(e => e.textContent.split(' (')[0])"
    )
    assert sorted(bands) == sorted({a["area"] for a in hyps})
    fonts = w.page.eval_on_selector_all(
        "#svg a.node text.label", "els => els.map(e => +e.getAttribute('font-size'))"
    )
    assert min(fonts) == 12 and max(fonts) <= 16 and len(set(fonts)) >= 3
    assert w.page.locator("#svg path.edge.implies").count() >= 20
    # Long names are cut on the box; the tooltip keeps the full name.
    cut = w.page.evaluate(
        """() => [...document.querySelectorAll('#svg a.node')].map(a =>
             [a.querySelector('text').textContent, a.querySelector('title').textContent.split('\\n')[0]])
             .filter(([shown]) => shown.includes('…'))"""
    )
    assert cut and all(len(shown) <= 22 and full.startswith("Grow.") for shown, full in cut)
    # The last box, reached by keyboard, is scrolled into view by the browser itself.
    last = w.page.locator("#svg a.node").last
    last.focus()
    box = last.locator("rect").bounding_box()
    canvas = w.page.locator("#canvas").bounding_box()
    assert (
        box
        and canvas
        and canvas["y"] <= box["y"]
        and box["y"] + box["height"] <= canvas["y"] + canvas["height"]
    )
    assert w.errors == []


def test_whole_graph_past_its_limit_says_so(browser, tmp_path: Path) -> None:  # noqa: F811
    proj = tmp_path / "proj"
    (proj / "Big").mkdir(parents=True)
    body = ["namespace Big\n"]
    body += [
        "/-- Assumption: a property.\nArea: landscape\nStatus: plausible -/\n"
        "structure Nice (f : Nat → Nat) : Prop where\n  ok : ∀ x, f x = f x\n"
    ]
    body += [
        f"theorem t{k} (f : Nat → Nat) (h : Nice f) : f {k} = f {k} := rfl\n" for k in range(6001)
    ]
    (proj / "Big" / "Basic.lean").write_text("\n".join(body) + "end Big\n", encoding="utf-8")
    out = tmp_path / "out"
    r = axiomdl("site", "-C", str(proj), str(out), "--no-cache")
    assert r.returncode == 0, r.stderr
    w = Watched(browser, LAPTOP)
    w.open((out / "graph.html").as_uri() + "#view=all")
    assert w.page.evaluate("window.axiomdlGraph.nodes()") == []
    assert w.page.inner_text("#status") == (
        "The whole graph has 6002 declarations to show, more than the 6000 this page draws: "
        "focus on a declaration, hide kinds, or export it with axiomdl graph -f dot."
    )
    # Hiding the theorems brings it under the limit: what is left is drawn.
    w.open((out / "graph.html").as_uri() + "#view=all&hide=theorem")
    assert w.page.evaluate("window.axiomdlGraph.nodes()") == ["Big.Nice"]
    assert w.errors == []


def derived_cases(site: Path) -> list[tuple[str, dict]]:
    """Results whose uses minus requires and establishes is not empty, with `rests-on -f json`:
    three the engine calls derived and three where it derives less (a reading of uses minus
    requires would mark too much there)."""
    data = site_data(site)
    names = data["names"]
    more, less = [], []
    for i, r in enumerate(data["role"]):
        if data["roles"][r] not in RESULT_ROLES:
            continue
        rec = shard_record(site, i)
        loose = set(rec["use"]) - set(data["req"][i]) - set(rec.get("est", [])) - {i}
        if not loose or (len(more) >= 3 and len(less) >= 3):
            continue
        cli = json.loads(axiomdl("rests-on", names[i], "-f", "json").stdout)
        engine = {d["assumption"] for d in cli["derived"]}
        if engine and len(more) < 3:
            more.append((names[i], cli))
        elif {names[j] for j in loose} != engine and len(less) < 3:
            less.append((names[i], cli))
    assert len(more) == 3 and len(less) == 3, (more, less)
    return more + less


def test_derived_marks_are_the_engines(browser, bundled_site: Path) -> None:  # noqa: F811
    w = Watched(browser, LAPTOP)
    marked = 0
    for name, cli in derived_cases(bundled_site):
        want = {d["assumption"]: d["path"] for d in cli["derived"]}
        # the declaration view
        w.open((bundled_site / "decl.html").as_uri() + "#name=" + quote(name, safe=""))
        marks = w.page.evaluate(
            """() => [...document.querySelectorAll('#uses li')].filter(li => li.querySelector('.derived'))
                 .map(li => [li.querySelector('a[data-name]').dataset.name,
                             li.querySelector('.derived').title, li.querySelector('a.via').textContent])"""
        )
        assert {m[0] for m in marks} == set(want), name
        for x, title, via in marks:
            assert title == "derived along " + " → ".join(want[x])
            assert via == want[x][-2].rsplit(".", 1)[-1]
        # the focused graph's panel and its boxes
        w.open((bundled_site / "graph.html").as_uri() + "#focus=" + quote(name, safe=""))
        listed = w.page.evaluate(
            """() => [...document.querySelectorAll('#uses-list li')].filter(li => li.querySelector('.derived'))
                 .map(li => li.querySelector('a[data-name]').dataset.name)"""
        )
        assert set(listed) == set(want), name
        boxes = w.page.evaluate(
            """() => [...document.querySelectorAll('#svg a.node')]
                 .filter(a => a.querySelectorAll('text')[1].textContent.endsWith(' · derived'))
                 .map(a => AXIOMDL_SITE.names[a.dataset.id])"""
        )
        drawn = set(w.page.evaluate("window.axiomdlGraph.nodes()"))
        assert set(boxes) == set(want) & drawn, name
        marked += len(boxes)
    assert marked > 0
    assert w.errors == []
