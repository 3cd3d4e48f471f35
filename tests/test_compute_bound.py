"""`axiomdl bound`: quantitative conclusions of library theorems for concrete parameters."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from axiomdl.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ei:
        main(argv)
    out, err = capsys.readouterr()
    return int(ei.value.code or 0), out, err


@pytest.fixture
def cache(tmp_path: Path) -> list[str]:
    return ["--cache-dir", str(tmp_path)]


LIN = ["bound", "gd_linear_convergence_inv", "-f", "json"]


def test_linear_rate_value(capsys: pytest.CaptureFixture[str], cache: list[str]) -> None:
    args = ["--param", "L=10", "--param", "mu=1", "--param", "t=50", "--param", "f_x0=1"]
    code, out, _ = run([*LIN, *args, "--param", "fstar=0", *cache], capsys)
    assert code == 0
    d = json.loads(out)
    assert math.isclose(d["value"], 0.9**50, rel_tol=1e-12)
    assert d["exact"] == str(9**50) + "/" + str(10**50)


def test_linear_rate_steps_needed(capsys: pytest.CaptureFixture[str], cache: list[str]) -> None:
    args = ["--param", "L=10", "--param", "μ=1", "--param", "f x0=1", "--param", "fstar=0"]
    code, out, _ = run([*LIN, *args, "--solve-for", "t", "--target", "1e-3", *cache], capsys)
    assert code == 0
    d = json.loads(out)
    want = math.ceil(math.log(1e-3) / math.log(0.9))
    assert d["needed"] == want
    assert d["needed_bound"] <= 1e-3 < 0.9 ** (want - 1)


def test_gradient_bound_samples(capsys: pytest.CaptureFixture[str], cache: list[str]) -> None:
    code, out, _ = run(
        [
            "bound",
            "gd_exists_small_gradient_div",
            "--param",
            "L=2",
            "--param",
            "f_x0=3",
            "--param",
            "fstar=0",
            "--solve-for",
            "T",
            "--target",
            "0.01",
            "-f",
            "json",
            *cache,
        ],
        capsys,
    )
    assert code == 0
    assert json.loads(out)["needed"] == 1200  # 2·L·(f(x0) − f*)/T ≤ 0.01


def test_finite_class_bound(capsys: pytest.CaptureFixture[str], cache: list[str]) -> None:
    code, out, _ = run(
        [
            "bound",
            "uniform_convergence_finite",
            "--param",
            "hs.length=1000",
            "--param",
            "delta=1e-5",
            *cache,
        ],
        capsys,
    )
    assert code == 0
    assert "exact      1/100" in out


@pytest.mark.parametrize(
    ("params", "msg"),
    [
        (["L=1", "mu=2", "t=3", "f_x0=1", "fstar=0"], "μ ≤ L"),
        (["L=0", "mu=-1", "t=3", "f_x0=1", "fstar=0"], "0 < L"),
        (["L=1"], "missing parameters"),
        (["L=1", "nope=2"], "unknown parameter"),
        (["L=x"], "not a number"),
        (["L=1", "mu=1", "t=0.5", "f_x0=1", "fstar=0"], "natural number"),
    ],
)
def test_bad_parameters_are_exit_2(
    params: list[str], msg: str, capsys: pytest.CaptureFixture[str], cache: list[str]
) -> None:
    argv = ["bound", "gd_linear_convergence_inv", *cache]
    for p in params:
        argv += ["--param", p]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert msg in err and "Traceback" not in err


def test_non_quantitative_theorem_is_exit_2(
    capsys: pytest.CaptureFixture[str], cache: list[str]
) -> None:
    code, _, err = run(["bound", "relu_nonneg", *cache], capsys)
    assert code == 2 and "no quantitative bound" in err


def test_hypothesis_only_parameters_are_checked(
    capsys: pytest.CaptureFixture[str], cache: list[str]
) -> None:
    base = ["bound", "gd_linear_convergence", "--param", "L=10", "--param", "mu=1"]
    rest = ["--param", "t=3", "--param", "f_x0=1", "--param", "fstar=0", *cache]
    code, _, err = run([*base, "--param", "eta=0.2", *rest], capsys)
    assert code == 2 and "L * η" in err  # L only occurs in the hypothesis `L * η ≤ 1`
    code, out, _ = run([*base, "--param", "eta=0.1", *rest, "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["exact"] == "729/1000"
