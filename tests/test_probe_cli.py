"""`axiomdl probe` bad input, and probe evidence in `axiomdl report`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from axiomdl.probes.evidence import disagrees, measured_evidence, measured_for
from axiomdl.probes.model import ProbeResult, Verdict

from .conftest import assert_schema


def axiomdl(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess (to see exactly what a user sees)."""
    return subprocess.run(
        [sys.executable, "-m", "axiomdl", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """The CLI in-process (faster): returns (exit code, stdout, stderr)."""
    from axiomdl.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as e:
            main(list(args))
        out, err = capsys.readouterr()
        return int(e.value.code or 0), out, err

    return run


def test_unknown_probe_exits_2_with_suggestion(tmp_path: Path) -> None:
    p = axiomdl("probe", "min-nrom", "--results", str(tmp_path / "r"))
    assert p.returncode == 2
    assert "did you mean `min-norm`" in p.stderr
    assert "Traceback" not in p.stderr
    assert not (tmp_path / "r").exists()


def test_unwritable_results_dir_exits_2(tmp_path: Path) -> None:
    f = tmp_path / "a-file"
    f.write_text("x")
    p = axiomdl("probe", "min-norm", "--quick", "--results", str(f))
    assert p.returncode == 2 and "not a directory" in p.stderr
    assert "Traceback" not in p.stderr
    if os.geteuid() != 0:  # root can write anywhere
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        p = axiomdl("probe", "min-norm", "--quick", "--results", str(ro / "sub"))
        assert p.returncode == 2 and "cannot write" in p.stderr
    p = axiomdl("probe", "min-norm", "--quick", "--results", str(f / "sub"))
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_probe_list(cli) -> None:
    code, out, _ = cli("probe", "--list")
    assert code == 0
    for name in (
        "pl-trajectory",
        "edge-of-stability",
        "lazy-training",
        "min-norm",
        "rescaling-sharpness",
        "linear-regions",
        "double-descent",
        "neural-collapse",
        "mode-connectivity",
        "scaling-laws",
    ):
        assert name in out


def _fake(tmp: Path, probe: str, verdicts: list[Verdict]) -> None:
    r = ProbeResult(
        probe=probe, title="t", quick=True, seed=7, data=[], verdicts=verdicts, headline="h"
    )
    (tmp / probe).mkdir(parents=True)
    (tmp / probe / "result.json").write_text(r.model_dump_json())


def test_measured_evidence_and_disagreement(tmp_path: Path) -> None:
    _fake(
        tmp_path,
        "edge-of-stability",
        [
            Verdict(assumption="EdgeOfStability", claim="c", verdict="supported"),
            Verdict(assumption="Smooth", claim="c", verdict="contradicted", regime="η > 1/L"),
        ],
    )
    ev = measured_evidence(tmp_path)
    assert set(ev) == {"edge-of-stability"}
    m = measured_for("AxiomDL.Smooth", "edge-of-stability", ev)
    assert m == "contradicted in regime η > 1/L (edge-of-stability, quick, seed 7)"
    assert measured_for("AxiomDL.Other", None, ev) is None
    assert measured_for("AxiomDL.Other", "min-norm", ev) is None
    assert disagrees("established", m) and disagrees("plausible", m)
    assert not disagrees("refuted-in-regime", m)
    assert disagrees("contested", "supported (x, quick, seed 0)")
    assert not disagrees("plausible", "supported (x)")
    assert not disagrees("contested", "inconclusive (x)")
    assert not disagrees(None, m)
    assert measured_evidence(tmp_path / "missing") == {}


def test_report_shows_measured_evidence(tmp_path: Path, cli) -> None:
    _fake(
        tmp_path,
        "edge-of-stability",
        [
            Verdict(assumption="EdgeOfStability", claim="c", verdict="supported"),
            Verdict(assumption="Smooth", claim="c", verdict="contradicted", regime="η > 1/L"),
        ],
    )
    code, out, err = cli("report", "-f", "json", "--evidence", str(tmp_path))
    assert code in (0, 1), err
    rows = {a["name"].rsplit(".", 1)[-1]: a for a in json.loads(out)["assumptions"]}
    # the bundled Smooth names its probe, and EdgeOfStability is contested: both are
    # asserted (not skipped over), so the checks below cannot switch off unnoticed
    assert rows["Smooth"]["probe"] == "edge-of-stability"
    assert rows["EdgeOfStability"]["status"] in ("contested", "refuted-in-regime")
    assert rows["Smooth"]["measured"].startswith("contradicted in regime η > 1/L")
    text = cli("report", "--evidence", str(tmp_path))[1]
    assert "measured" in text
    assert "⚠ supported" in text and "disagree" in text
    md = cli("report", "-f", "md", "--evidence", str(tmp_path))[1]
    assert "| measured |" in md


def test_report_without_evidence_has_no_measured_column(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./probe-results here
    assert "measured" not in cli("report")[1]
    _fake(
        tmp_path / "probe-results",
        "min-norm",
        [
            Verdict(assumption="MinNormBias", claim="c", verdict="inconclusive"),
        ],
    )
    assert "measured" in cli("report")[1]  # ./probe-results is the default


def test_report_bad_evidence(tmp_path: Path, cli) -> None:
    code, _, err = cli("report", "--evidence", str(tmp_path / "nope"))
    assert code == 2 and "no probe results" in err
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "result.json").write_text('{"probe": 1}')
    p = axiomdl("report", "--evidence", str(tmp_path))
    assert p.returncode == 2 and "not a probe result" in p.stderr
    assert "Traceback" not in p.stderr


def test_cli_runs_one_probe_as_json(tmp_path: Path, cli) -> None:
    code, out, err = cli(
        "probe", "min-norm", "--quick", "--no-plots", "-f", "json", "--results", str(tmp_path)
    )
    assert code == 0, err
    run = json.loads(out)
    assert_schema("probe-run", run)
    assert [r["probe"] for r in run["results"]] == ["min-norm"]
    assert_schema("probe", json.loads((tmp_path / "min-norm" / "result.json").read_text()))
    assert (tmp_path / "min-norm" / "result.json").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("neural-colapse",), "did you mean `neural-collapse`"),
        (("--seed", "-1", "double-descent"), "--seed"),
        (("--seed", "one", "scaling-laws"), "--seed"),
        (("--seed", str(2**63), "mode-connectivity"), "--seed"),
    ],
)
def test_bad_input_to_the_new_probes_is_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    p = axiomdl("probe", *args, "--quick", "--results", str(tmp_path / "r"))
    assert p.returncode == 2
    assert message in p.stderr and p.stderr.startswith("axiomdl: error:")
    assert len(p.stderr.strip().splitlines()) == 1 and p.stdout == ""
    assert not (tmp_path / "r").exists()


@pytest.mark.slow
def test_new_probe_json_matches_the_committed_schema(tmp_path: Path) -> None:
    """`-f json` of a new probe, checked against docs/schema as users and tools see it."""
    import jsonschema

    schema = json.loads(
        (Path(__file__).resolve().parents[1] / "docs" / "schema" / "probe.schema.json").read_text()
    )
    p = axiomdl(
        "probe", "double-descent", "--quick", "--no-plots", "-f", "json", "--seed", "3",
        "--results", str(tmp_path),
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    (result,) = json.loads(p.stdout)["results"]
    jsonschema.validate(result, schema)
    assert result["seed"] == 3 and result["probe"] == "double-descent"
    on_disk = json.loads((tmp_path / "double-descent" / "result.json").read_text())
    jsonschema.validate(on_disk, schema)
    assert on_disk["verdicts"] == result["verdicts"]
