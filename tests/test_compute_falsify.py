"""`axiomdl falsify`: planted false statements are caught, true ones never flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from axiomdl.cli import main
from axiomdl.compute.falsify import falsify
from axiomdl.session import load

FIXTURE = Path(__file__).parent / "fixtures" / "compute" / "planted"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ei:
        main(argv)
    out, err = capsys.readouterr()
    return int(ei.value.code or 0), out, err


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    s = load(FIXTURE, use_cache=False, quiet=True)
    return {o.name.split(".")[-1]: o for o in falsify(s.project)}


def test_every_planted_false_statement_is_caught(planted: dict[str, object]) -> None:
    bad = {n: o for n, o in planted.items() if n.startswith("bad_")}
    assert len(bad) >= 11
    for n, o in bad.items():
        assert o.status == "counterexample", (n, o.status, o.reason)  # type: ignore[attr-defined]


def test_true_statements_are_never_flagged(planted: dict[str, object]) -> None:
    ok = {n: o for n, o in planted.items() if n.startswith("ok_")}
    assert len(ok) >= 10
    for n, o in ok.items():
        assert o.status == "checked", (n, o.status, o.reason)  # type: ignore[attr-defined]
        assert o.instances >= 1  # type: ignore[attr-defined]


def test_counterexamples_model_lean_junk_values(planted: dict[str, object]) -> None:
    # division by zero: b = 0 makes a / b * b = 0 ≠ a
    assert planted["bad_div_cancel"].values["b"] == "0"  # type: ignore[attr-defined]
    # truncated Nat subtraction needs n < m
    v = planted["bad_nat_sub"].values  # type: ignore[attr-defined]
    assert int(v["n"]) < int(v["m"])
    # strict vs non-strict: the boundary x = 0
    assert planted["bad_strict"].values == {"x": "0"}  # type: ignore[attr-defined]
    # Int division rounds: an odd a
    assert int(planted["bad_int_div"].values["a"]) % 2 == 1  # type: ignore[attr-defined]
    # the off-by-one sum is refuted by a sampled function, shown as a table
    assert "↦" in planted["bad_sum_off_by_one"].values["a"]  # type: ignore[attr-defined]
    # the empty sum: a bounded ∀ hypothesis holds vacuously at T = 0
    assert planted["bad_sum_pos"].values["T"] == "0"  # type: ignore[attr-defined]
    # the missing hypothesis `0 ≤ c`: the counterexample has c < 0
    assert planted["bad_missing_hyp"].values["c"].startswith("-")  # type: ignore[attr-defined]


def test_results_are_reproducible() -> None:
    s = load(FIXTURE, use_cache=False, quiet=True)
    a = [(o.name, o.status, o.values) for o in falsify(s.project, seed=3)]
    b = [(o.name, o.status, o.values) for o in falsify(s.project, seed=3)]
    assert a == b


def test_cli_exits_1_on_counterexample(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(["falsify", "-C", str(FIXTURE), "--cache-dir", str(tmp_path)], capsys)
    assert code == 1
    assert "Planted.bad_wrong_sign" in out and "counterexample {" in out
    assert "checked (" in out


def test_cli_quiet_prints_only_counterexamples(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(["falsify", "-q", "-C", str(FIXTURE), "--cache-dir", str(tmp_path)], capsys)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 11  # the planted false statements, nothing else
    assert all("counterexample {" in ln for ln in lines)
    code, out, _ = run(
        ["falsify", "-q", "-C", str(FIXTURE), "--cache-dir", str(tmp_path), "ok_sum_nonneg"], capsys
    )
    assert code == 0 and out == ""


def test_cli_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        ["falsify", "-C", str(FIXTURE), "--cache-dir", str(tmp_path), "-f", "json", "bad_relu"],
        capsys,
    )
    assert code == 1
    data = json.loads(out)
    assert data["schema_version"]
    [r] = data["results"]
    assert r["status"] == "counterexample" and r["values"] == {"x": "-1"}
    assert r["file"].endswith("Arith.lean") and r["line"] > 0


def test_cli_named_true_statement_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        ["falsify", "-C", str(FIXTURE), "--cache-dir", str(tmp_path), "ok_eq_hyp", "ok_even"],
        capsys,
    )
    assert code == 0
    assert out.count("checked (") == 2


def test_cli_output_file_is_written_atomically(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dest = tmp_path / "out.json"
    code, out, _ = run(
        [
            "falsify",
            "-C",
            str(FIXTURE),
            "--cache-dir",
            str(tmp_path),
            "-f",
            "json",
            "-o",
            str(dest),
        ],
        capsys,
    )
    assert code == 1 and out == ""
    assert json.loads(dest.read_text())["counts"]["counterexample"] >= 11


def test_bundled_library_has_no_counterexample(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(["falsify", "--cache-dir", str(tmp_path), "-f", "json"], capsys)
    data = json.loads(out)
    bad = [r for r in data["results"] if r["status"] == "counterexample"]
    assert code == 0, bad
    assert data["counts"].get("checked", 0) >= 10
    # everything outside the fragment says why
    assert all(r["reason"] for r in data["results"] if r["status"] == "skipped")


def test_non_arithmetic_name_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(["falsify", "--cache-dir", str(tmp_path), "gd_linear_convergence"], capsys)
    assert code == 2
    assert "not arithmetic" in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_unknown_name_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(["falsify", "--cache-dir", str(tmp_path), "no_such_theorem_xyz"], capsys)
    assert code == 2 and "Traceback" not in err
