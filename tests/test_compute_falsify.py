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


# Every planted false statement with its counterexample as `falsify` reports it with the
# default seed: the values after shrinking (edge values first, then the smallest), which
# a reader can check against each statement's planted mistake.
COUNTEREXAMPLES = {
    # a 0-based sum's new term is a n, not a (n + 1): any a with a 0 ≠ a 1 at n = 0
    "bad_sum_off_by_one": {"a": "{0 ↦ 7/8, 1 ↦ 1/1000000}", "n": "0"},
    "bad_sum_pos": {"a": "fun _ => 0", "T": "0"},  # the empty sum is 0
    "bad_wrong_sign": {"a": "0", "b": "1", "c": "1"},  # shrunk: c * 1 ≤ c * 0 fails
    "bad_missing_hyp": {"a": "0", "b": "1", "c": "-1"},  # shrunk: needs c < 0
    "bad_div_cancel": {"a": "1", "b": "0"},  # a / 0 * 0 = 0
    "bad_strict": {"x": "0"},  # 0 < 0 * 0 fails
    "bad_relu": {"x": "-1"},
    "bad_forall": {"x": "1/2"},  # 1/2 ≤ 1/4 fails
    "bad_boundary": {"x": "1/7", "y": "0"},  # 7 * x = 7 * y + 1: the boundary only
    "bad_nat_sub": {"n": "0", "m": "1"},  # 0 - 1 + 1 = 1 in Nat
    "bad_int_div": {"a": "1"},  # 1 / 2 * 2 = 0
    "bad_nat_div_zero": {"n": "1"},  # 1 / 0 = 0
}


def test_every_planted_false_statement_is_caught(planted: dict[str, object]) -> None:
    bad = {n: o for n, o in planted.items() if n.startswith("bad_")}
    assert sorted(bad) == sorted(COUNTEREXAMPLES)
    for n, o in bad.items():
        assert o.status == "counterexample", (n, o.status, o.reason)  # type: ignore[attr-defined]
        assert o.values == COUNTEREXAMPLES[n], n  # type: ignore[attr-defined]


def test_true_statements_are_never_flagged(planted: dict[str, object]) -> None:
    ok = {n: o for n, o in planted.items() if n.startswith("ok_")}
    assert len(ok) >= 11
    for n, o in ok.items():
        assert o.status == "checked", (n, o.status, o.reason)  # type: ignore[attr-defined]
        assert o.instances >= 1  # type: ignore[attr-defined]
    # n + m = 3 is solved for one variable; the solved Nat must stay >= 0: the four
    # instances are exactly n = 0..3 (a negative m would be a false counterexample)
    assert planted["ok_nat_solved"].instances == 4  # type: ignore[attr-defined]


def test_results_are_reproducible_and_the_seed_matters() -> None:
    s = load(FIXTURE, use_cache=False, quiet=True)

    def run_with(seed: int) -> list[tuple[str, str, object]]:
        return [(o.name, o.status, o.values) for o in falsify(s.project, seed=seed)]

    three = run_with(3)
    assert three == run_with(3)
    seven = dict((n, v) for n, _, v in run_with(7))
    # the sampled function of the off-by-one sum is drawn from the seed
    assert seven["Planted.bad_sum_off_by_one"] == {
        "a": "{0 ↦ 110279000/433, 1 ↦ 327/742799953}",
        "n": "0",
    }
    assert dict((n, v) for n, _, v in three)["Planted.bad_sum_off_by_one"] == {
        "a": "{0 ↦ 477/33578087, 1 ↦ -624547403/309}",
        "n": "0",
    }
    # the verdicts never depend on it
    assert [(n, st) for n, st, _ in three] == [(n, st) for n, st, _ in run_with(0)]


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
    assert len(lines) == len(COUNTEREXAMPLES)  # the planted false statements, nothing else
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


def test_cli_json_goes_to_the_output_file(
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
    assert json.loads(dest.read_text())["counts"]["counterexample"] == len(COUNTEREXAMPLES)


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


def test_cli_seed_reaches_the_search(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    argv = ["falsify", "-C", str(FIXTURE), "--cache-dir", str(tmp_path), "-f", "json"]
    code, out, _ = run([*argv, "--seed", "7", "bad_sum_off_by_one"], capsys)
    data = json.loads(out)
    assert code == 1 and data["seed"] == 7
    assert data["results"][0]["values"]["a"] == "{0 ↦ 110279000/433, 1 ↦ 327/742799953}"
    code, out, _ = run([*argv, "bad_sum_off_by_one"], capsys)
    data = json.loads(out)
    assert data["seed"] == 0
    assert data["results"][0]["values"]["a"] == COUNTEREXAMPLES["bad_sum_off_by_one"]["a"]
