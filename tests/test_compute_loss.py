"""`axiomdl check-loss`: landscape assumptions of concrete losses, and what follows."""

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


def check(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> dict:
    code, out, err = run(["check-loss", *args, "-f", "json", "--cache-dir", str(tmp_path)], capsys)
    assert code == 0, err
    return json.loads(out)


def props(d: dict) -> dict[str, dict]:
    return {p["name"]: p for p in d["properties"]}


def test_least_squares_is_symbolic(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    d = check(capsys, tmp_path, "(w1 + 2*w2 - 1)^2 + (w1 - w2)^2", "--vars", "w1,w2")
    p = props(d)
    assert d["domain"].startswith("global")
    assert p["convex"]["holds"] and p["convex"]["method"] == "symbolic"
    assert math.isclose(p["smooth"]["constant_float"], 7 + math.sqrt(13))
    assert math.isclose(p["strongly_convex"]["constant_float"], 7 - math.sqrt(13))
    assert p["pl"]["method"] == "estimated"
    names = {t["name"].split(".")[-1]: t for t in d["theorems"]}
    lin = names["gd_linear_convergence_inv"]
    assert "**t" in lin["instantiated"] and "0.6799" in lin["instantiated"]


def test_logistic_is_convex_smooth_not_strongly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = check(capsys, tmp_path, "log(1 + exp(-w))", "--vars", "w")
    p = props(d)
    assert p["convex"]["holds"] and p["smooth"]["constant"] == "1/4"
    assert p["strongly_convex"]["holds"] is False
    assert p["pl"]["holds"] is False  # the infimum 0 is not attained
    names = {t["name"].split(".")[-1] for t in d["theorems"]}
    assert "gd_convex_rate" in names and "gd_linear_convergence_inv" not in names


def test_logistic_on_a_box_is_strongly_convex(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = check(capsys, tmp_path, "log(1 + exp(-w))", "--vars", "w", "--box", "w=-2:2")
    p = props(d)
    assert p["strongly_convex"]["holds"] and p["strongly_convex"]["constant_float"] > 0
    assert d["theorems_scope"].startswith("box")


def test_factorisation_is_not_convex_nor_pl(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = check(capsys, tmp_path, "(w1*w2 - 1)^2", "--vars", "w1,w2")
    p = props(d)
    # both refutations come with an exact witness point
    assert p["convex"]["holds"] is False and "λ_min" in p["convex"]["note"]
    assert p["pl"]["holds"] is False and "(w1=0, w2=0)" in p["pl"]["note"]  # the saddle
    assert p["smooth"]["method"] == "sampled"
    assert "default box" in d["domain"]
    names = {t["name"].split(".")[-1] for t in d["theorems"]}
    assert "gd_linear_convergence_inv" not in names and "gd_convex_rate" not in names


@pytest.mark.parametrize(
    ("args", "msg"),
    [
        (["w1 +* 2", "--vars", "w1"], "cannot parse"),
        (["w1 + z", "--vars", "w1"], "unknown variable"),
        (["w1^2", "--vars", "w1", "--box", "w2=0:1"], "unknown variable"),
        (["w1^2", "--vars", "w1", "--box", "w1=1:0"], "empty interval"),
        (["w1^2", "--vars", "w1", "--box", "w1=a:1"], "non-numeric"),
        (["__import__('os')", "--vars", "w1"], "cannot parse"),
    ],
)
def test_bad_input_is_exit_2(
    args: list[str], msg: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(["check-loss", *args, "--cache-dir", str(tmp_path)], capsys)
    assert code == 2
    assert msg in err and "Traceback" not in err


def test_quartic_is_convex_but_not_smooth_nor_pl(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    p = props(check(capsys, tmp_path, "w^4", "--vars", "w"))
    assert p["convex"]["holds"] and p["convex"]["method"] == "symbolic"
    assert p["smooth"]["holds"] is False  # f'' = 12 w² is unbounded
    assert p["pl"]["holds"] is False  # ½ f'² / f = 8 w² → 0 at the minimiser


def test_unbounded_loss_has_no_optimal_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    d = check(capsys, tmp_path, "w^3", "--vars", "w")
    assert "unbounded below" in d["minimum"]
    assert not any("PolyakLojasiewicz" in r for t in d["theorems"] for r in t["requires"])
