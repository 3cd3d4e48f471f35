"""The assumption map draws separations apart from implications, in real headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from axiomdl.site.browser import CHROMIUM_ARGS
from tests.test_site_browser import CHROMIUM, playwright_api  # skips here too without them
from tests.test_site_fixtures import axiomdl

from .conftest import FIXTURES

pytestmark = pytest.mark.browser

EDGES_JS = """(cls) => [...document.querySelectorAll(`#svg path.edge.${cls}`)].map(p => ({
    a: AXIOMDL_SITE.names[+p.dataset.a], b: AXIOMDL_SITE.names[+p.dataset.b],
    dash: getComputedStyle(p).strokeDasharray, stroke: getComputedStyle(p).stroke,
    marker: p.getAttribute('marker-end'), title: p.querySelector('title').textContent }))"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    out = tmp_path_factory.mktemp("lattice-site") / "out"
    r = axiomdl("site", "-C", str(FIXTURES / "lattice" / "basis"), str(out))
    assert r.returncode == 0, r.stderr
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        pg = b.new_page(viewport={"width": 1366, "height": 768})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.goto((Path(out) / "graph.html").as_uri())
        pg.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)
        pg.errors = errors
        yield pg
        b.close()


def test_map_draws_separations_distinctly(page) -> None:
    seps = page.evaluate(EDGES_JS, "separates")
    # the five pairs the fixture's three separations state themselves (derived ones are not drawn)
    assert sorted((e["a"], e["b"]) for e in seps) == [
        ("Bas.Cvx", "Bas.PL"),
        ("Bas.EB", "Bas.SC"),
        ("Bas.Lin", "Bas.SC"),
        ("Bas.PL", "Bas.Cvx"),
        ("Bas.Smooth", "Bas.PL"),
    ]
    imps = page.evaluate(EDGES_JS, "implies")
    assert imps and all(e["dash"] == "none" and e["marker"] == "url(#arrow-implies)" for e in imps)
    for e in seps:
        assert e["dash"] not in ("none", "") and e["marker"] == "url(#tee-separates)"
        assert e["stroke"] != imps[0]["stroke"]
        assert e["title"].startswith(f"{e['a']} does not imply {e['b']}")
    pl_cvx = next(e for e in seps if (e["a"], e["b"]) == ("Bas.PL", "Bas.Cvx"))
    assert pl_cvx["title"].endswith("(Bas.pl_not_cvx)")
    # no arrow from the space: it is a parameter of each condition, not a premise implying it
    assert not any(e["a"] == "Bas.Space" for e in imps)
    assert "5 separations (A does not imply B)" in page.inner_text("#status")
    legend = page.inner_text(".map-legend")
    assert "A ⊣ B (dashed red): a separation shows a model of A where B fails" in legend
    assert page.errors == []


def test_hovering_an_assumption_highlights_its_separations(page) -> None:
    i = page.evaluate("() => AXIOMDL_SITE.names.indexOf('Bas.SC')")
    page.hover(f'#svg a.node[data-id="{i}"]')
    hot = page.evaluate(
        """() => [...document.querySelectorAll('#svg path.edge.separates.hot')].map(p =>
             AXIOMDL_SITE.names[+p.dataset.a])"""
    )
    assert sorted(hot) == ["Bas.EB", "Bas.Lin"]


def test_separation_page_shows_what_holds_and_what_fails(page) -> None:
    page.goto(page.url.replace("graph.html", "decl.html").split("#")[0] + "#name=Bas.pl_not_cvx")
    page.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)
    assert page.inner_text("h1") == "Bas.pl_not_cvx"
    assert "separation" in page.inner_text(".meta")
    assert page.inner_text("#refutes").split() == ["Bas.Cvx"]
    body = page.inner_text("main")
    assert "Establishes: 1" in body and "Refutes: 1" in body
    assert page.errors == []
