"""The explorer shows each probed assumption's measured verdict beside its stated Status."""

from __future__ import annotations

import json
from pathlib import Path


def test_site_shows_measured_evidence(run_cli, tmp_path: Path) -> None:
    results = tmp_path / "probe-results"
    probe = run_cli("probe", "min-norm", "--quick", "--results", str(results))
    assert probe.returncode == 0, probe.stderr
    verdicts = json.loads((results / "min-norm" / "result.json").read_text())["verdicts"]
    out = tmp_path / "site"
    proc = run_cli("site", str(out), "--evidence", str(results))
    assert proc.returncode == 0, proc.stderr
    page = (out / "d" / "AxiomDL.Generalization.MinNormBias.html").read_text()
    assert "<dt>Measured</dt>" in page
    mine = next(v for v in verdicts if v["assumption"] == "MinNormBias")
    assert "(min-norm, quick, seed 0)" in page
    assert mine["verdict"].split()[0] in page
    index = (out / "index.html").read_text()
    assert 'class="measured' in index


def test_site_rejects_a_missing_evidence_folder(run_cli, tmp_path: Path) -> None:
    proc = run_cli("site", str(tmp_path / "site"), "--evidence", str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert "no probe results there" in proc.stderr
    assert not (tmp_path / "site").exists()
