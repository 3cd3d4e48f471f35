"""The explorer in real headless Chromium over file://: search, focus, URLs, XSS, keyboard."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from axiomdl.site.browser import CHROMIUM_ARGS
from tests.test_site_fixtures import axiomdl, write_hostile_project

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if CHROMIUM is None:
    pytest.skip(
        "no chromium binary on PATH (install Debian's `chromium` package)", allow_module_level=True
    )
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the `playwright` Python package is not installed"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page that records console errors, page errors and dialogs."""

    def __init__(self, browser) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def on_dialog(d) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-site") / "out"
    r = axiomdl("site", str(out))
    assert r.returncode == 0, r.stderr
    return out


def pick_theorem(site: Path) -> str:
    """A theorem with at least two required assumptions (from the CLI's report)."""
    r = axiomdl("report", "-f", "json")
    rows = json.loads(r.stdout)["theorems"]
    good = [t["name"] for t in rows if t["role"] == "theorem" and len(t["requires"]) >= 2]
    assert good, "the bundled library should have a theorem with two requirements"
    return good[0]


def test_search_focus_and_requires_match_cli(browser, bundled_site: Path) -> None:
    name = pick_theorem(bundled_site)
    w = Watched(browser)
    w.open((bundled_site / "index.html").as_uri())
    short = name.rsplit(".", 1)[1]
    w.page.fill("#q", short)
    result = w.page.locator("#results li", has=w.page.locator(f'a.name:text-is("{name}")'))
    assert result.count() == 1
    assert short in w.page.url  # the search is in the URL
    result.locator("a.graphlink").click()
    w.page.wait_for_selector("#requires-list", timeout=30_000)
    shown = w.page.eval_on_selector_all(
        "#requires-list a[data-name]", "els => els.map(e => e.dataset.name)"
    )
    cli = json.loads(axiomdl("rests-on", name, "-f", "json").stdout)
    assert shown == cli["requires"]
    assert w.page.inner_text("#focus-name") == name
    assert w.errors == [] and w.dialogs == []


def test_depth_change_survives_reload(browser, bundled_site: Path) -> None:
    name = pick_theorem(bundled_site)
    w = Watched(browser)
    w.open((bundled_site / "graph.html").as_uri() + "#focus=" + name)
    before = w.page.inner_text("#status")
    w.page.select_option("#depth", "3")
    w.page.select_option("#dir", "down")
    w.page.wait_for_function(
        "location.hash.includes('depth=3') && location.hash.includes('dir=down')"
    )
    view = w.page.inner_text("#status")
    info = w.page.inner_text("#info")
    nodes = w.page.evaluate("Object.keys(window.axiomdlGraph.network.getPositions()).sort()")
    assert "depth 3" in view and view != before
    url = w.page.url
    w2 = Watched(browser)
    w2.open(url)
    assert w2.page.inner_text("#status") == view
    assert w2.page.inner_text("#info") == info
    assert w2.page.input_value("#depth") == "3"
    assert (
        w2.page.evaluate("Object.keys(window.axiomdlGraph.network.getPositions()).sort()") == nodes
    )
    # Hiding a kind is part of the URL too, and removes those nodes (never the focus).
    w2.page.check('input[name="hide"][value="definition"]')
    w2.page.wait_for_function("location.hash.includes('hide=definition')")
    roles = w2.page.evaluate(
        """Object.keys(window.axiomdlGraph.network.getPositions()).map(
             i => AXIOMDL_SITE.roles[AXIOMDL_SITE.role[i]])"""
    )
    assert "definition" not in roles
    assert w.errors == [] and w2.errors == []


def test_focus_by_typing_and_unknown_name(browser, bundled_site: Path) -> None:
    name = pick_theorem(bundled_site)
    w = Watched(browser)
    w.open((bundled_site / "graph.html").as_uri() + "#focus=No.Such.Thing")
    assert "No declaration named No.Such.Thing" in w.page.inner_text("#status")
    w.page.focus("#focus-input")
    w.page.keyboard.type(name.rsplit(".", 1)[1])
    w.page.keyboard.press("Enter")
    w.page.wait_for_selector("#focus-name")
    assert w.page.inner_text("#focus-name") == name
    assert "focus=" in w.page.url
    assert w.errors == []


def test_why_path_and_derived_marks(browser, bundled_site: Path) -> None:
    rows = json.loads(axiomdl("report", "-f", "json").stdout)["theorems"]
    row = next((t for t in rows if t["derived"]), None)
    if row is None:
        pytest.skip("the bundled library has no derived assumption yet")
    w = Watched(browser)
    w.open((bundled_site / "graph.html").as_uri() + "#focus=" + row["name"])
    target = row["derived"][0]
    assert w.page.locator("#uses-list .derived").count() >= 1
    w.page.select_option("#why", target)
    w.page.wait_for_selector("#why-path")
    path = w.page.eval_on_selector_all(
        "#why-path a[data-name]", "els => els.map(e => e.dataset.name)"
    )
    cli = json.loads(axiomdl("why", row["name"], target, "-f", "json").stdout)
    assert path[0] == row["name"] and path[-1] == target
    assert len(path) == len(cli["steps"]) + 1
    assert "why=" in w.page.url
    assert w.errors == []


def test_declaration_page_and_no_console_errors(browser, bundled_site: Path) -> None:
    w = Watched(browser)
    w.open((bundled_site / "index.html").as_uri() + "#kind=assumption")
    first = w.page.locator("#results a.name").first
    name = first.inner_text()
    first.click()
    w.page.wait_for_load_state()
    assert w.page.inner_text("h1") == name
    assert w.page.locator("pre.highlight span").count() > 3  # pygments tokens
    assert w.page.locator("#impact").count() == 1
    assert w.errors == []


def test_keyboard_navigation(browser, bundled_site: Path) -> None:
    w = Watched(browser)
    w.open((bundled_site / "index.html").as_uri())
    w.page.keyboard.press("Tab")
    assert w.page.evaluate("document.activeElement.className") == "skip"
    for _ in range(8):
        w.page.keyboard.press("Tab")
        if w.page.evaluate("document.activeElement.id") == "q":
            break
    assert w.page.evaluate("document.activeElement.id") == "q"
    w.page.keyboard.type("convergence")
    for _ in range(6):
        w.page.keyboard.press("Tab")
        if w.page.evaluate("document.activeElement.closest('#results') !== null"):
            break
    target = w.page.evaluate("document.activeElement.textContent")
    w.page.keyboard.press("Enter")
    w.page.wait_for_load_state()
    assert w.page.inner_text("h1") == target
    assert w.errors == []


def test_xss_payloads_do_not_run(browser, tmp_path: Path) -> None:
    proj = write_hostile_project(tmp_path / "proj")
    out = tmp_path / "out"
    r = axiomdl("site", "-C", str(proj), str(out), "--no-cache")
    assert r.returncode == 0, r.stderr
    w = Watched(browser)
    urls = [
        out.joinpath("index.html").as_uri() + "#q=loss",
        out.joinpath("index.html").as_uri() + "#q=pwned",
        out.joinpath("graph.html").as_uri() + "#focus=Hostile.hostile_result&depth=all",
        out.joinpath("graph.html").as_uri() + "#focus=Hostile.Benign&why=Hostile.Benign",
    ]
    for url in urls:
        w.open(url)
        w.page.wait_for_timeout(200)
    for page in sorted((out / "d").glob("*.html")):
        w.page.goto(page.as_uri())
        w.page.wait_for_load_state()
        # Click every link whose text came from a docstring: none may run script.
        for link in w.page.locator(".doc a, dd a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript:"), href
        w.page.wait_for_timeout(100)
        assert w.page.evaluate("window.__pwned") is None
        assert w.page.locator("main img").count() == 0
    w.open(out.joinpath("index.html").as_uri() + "#q=pwned")
    assert w.page.locator("#results li").count() >= 1  # the payload is searchable text
    assert w.page.evaluate("window.__pwned") is None
    assert w.dialogs == []
    assert w.errors == []
