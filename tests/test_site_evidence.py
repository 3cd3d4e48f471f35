"""The explorer shows each probed assumption's measured verdict, its plot and the command
that reproduces it, beside the stated Status; the map marks probe contradictions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from axiomdl.site.browser import CHROMIUM_ARGS
from tests.test_site_build import site_data


@pytest.fixture(scope="module")
def evidence_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    import os
    import subprocess
    import sys

    tmp = tmp_path_factory.mktemp("evidence")
    results = tmp / "probe-results"

    env = dict(os.environ, AXIOMDL_CACHE_DIR=str(tmp / "cache"))

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "axiomdl", *args],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
        )

    probe = run("probe", "min-norm", "--quick", "--results", str(results))
    assert probe.returncode == 0, probe.stderr
    result = json.loads((results / "min-norm" / "result.json").read_text())
    out = tmp / "site"
    proc = run("site", str(out), "--evidence", str(results))
    assert proc.returncode == 0, proc.stderr
    return out, result


def test_site_data_carries_verdict_plot_and_command(evidence_site) -> None:
    out, result = evidence_site
    data = site_data(out)
    i = data["names"].index("AxiomDL.Generalization.MinNormBias")
    text, _disagrees = data["measured"][str(i)]
    mine = next(v for v in result["verdicts"] if v["assumption"] == "MinNormBias")
    assert text.startswith(mine["verdict"]) and "(min-norm, quick, seed 0)" in text
    plots = list((out / "evidence").iterdir())
    assert plots and all(p.suffix == ".png" for p in plots)
    assert plots[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    index = (out / "index.html").read_text()
    assert 'class="measured' in index


@pytest.mark.browser
def test_assumption_page_embeds_the_plot(evidence_site) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("no chromium binary on PATH")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    out, result = evidence_site
    name = "AxiomDL.Generalization.MinNormBias"
    mine = next(v for v in result["verdicts"] if v["assumption"] == "MinNormBias")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = b.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(out.joinpath("decl.html").as_uri() + "#name=" + quote(name, safe=""))
        page.wait_for_selector("body[data-ready]", state="attached")
        page.wait_for_function("document.querySelector('#measured img')?.complete")
        facts = page.inner_text("#facts")
        assert "Status" in facts and "Measured" in facts
        assert mine["verdict"] in page.inner_text("#measured")
        assert "axiomdl probe min-norm --seed 0 --quick" in page.inner_text("#measured .cmd")
        assert page.evaluate("document.querySelector('#measured img').naturalWidth") > 100
        # The map marks the assumption when the probe contradicts it.
        page.goto(out.joinpath("graph.html").as_uri())
        page.wait_for_selector("body[data-ready]", state="attached")
        i = page.evaluate("(n) => AXIOMDL_SITE.names.indexOf(n)", name)
        marked = page.locator(f'#svg a.node[data-id="{i}"] .refuted-marker').count()
        data = site_data(out)
        text, disagrees = data["measured"][str(i)]
        assert marked == (1 if text.startswith("contradicted") or disagrees else 0)
        b.close()
    assert errors == []


def test_site_rejects_a_missing_evidence_folder(run_cli, tmp_path: Path) -> None:
    proc = run_cli("site", str(tmp_path / "site"), "--evidence", str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert "no probe results there" in proc.stderr
    assert not (tmp_path / "site").exists()
