"""`axiomdl.toml`: a project names its assumptions without editing its sources (issue 15).

The fixture `probkit` is a probability library in Mathlib's style: its hypotheses are
`class … : Prop` and `def … : Prop`, and no docstring carries an `Assumption:` header.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from axiomdl.config import compile_glob, glob_problem, is_prop_valued, result_type
from tests.conftest import FIXTURES

PROBKIT = FIXTURES / "probkit"


@pytest.fixture
def probkit(tmp_path: Path) -> Path:
    dst = tmp_path / "probkit"
    shutil.copytree(PROBKIT, dst)
    return dst


def requires(run_cli, project: Path, name: str) -> list[str]:
    proc = run_cli("rests-on", name, "-C", str(project), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["requires"]


def test_the_configuration_names_the_assumptions(probkit: Path, run_cli) -> None:
    proc = run_cli("report", str(probkit), "-f", "json")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    r = json.loads(proc.stdout)
    rows = {a["name"]: (a["area"], a["status"]) for a in r["assumptions"]}
    assert rows == {
        "Probkit.IndepFun": ("probability", "plausible"),  # names = [...]
        "Probkit.Integrable": ("probability", "plausible"),
        "Probkit.IsFiniteMeasure": ("probability", "established"),  # prop-classes-in
        "Probkit.IsProbabilityMeasure": ("probability", "established"),
    }
    by = {t["name"]: t["requires"] for t in r["theorems"]}
    assert by["Probkit.weak_law_pairwise"] == [
        "Probkit.IndepFun",
        "Probkit.Integrable",
        "Probkit.IsProbabilityMeasure",
    ]
    assert by["Probkit.massOf_le_mass"] == ["Probkit.IsFiniteMeasure"]  # an instance binder
    lint = run_cli("lint", str(probkit))
    assert lint.returncode == 0, lint.stdout  # no docstring headers to demand
    (probkit / "axiomdl.toml").unlink()
    assert requires(run_cli, probkit, "weak_law_pairwise") == []


def test_pyproject_tool_table_works_the_same(probkit: Path, run_cli) -> None:
    config = (probkit / "axiomdl.toml").read_text(encoding="utf-8")
    (probkit / "axiomdl.toml").unlink()
    (probkit / "pyproject.toml").write_text(
        '[project]\nname = "probkit-tools"\n\n[tool.axiomdl]\n'
        'axiom-allowlist = ["propext", "Quot.sound"]\n\n'
        + config.replace("[[assumptions]]", "[[tool.axiomdl.assumptions]]"),
        encoding="utf-8",
    )
    assert requires(run_cli, probkit, "weak_law_pairwise") == [
        "Probkit.IndepFun",
        "Probkit.Integrable",
        "Probkit.IsProbabilityMeasure",
    ]
    # axiomdl.toml, when present, is the one read
    (probkit / "axiomdl.toml").write_text(
        '[[assumptions]]\nnames = ["Probkit.IndepFun"]\n', encoding="utf-8"
    )
    assert requires(run_cli, probkit, "weak_law_pairwise") == ["Probkit.IndepFun"]


def test_globs_select_prop_valued_declarations(probkit: Path, run_cli) -> None:
    (probkit / "axiomdl.toml").write_text(
        '[[assumptions]]\nmatch = ["Probkit.*"]\nstatus = "contested"\n', encoding="utf-8"
    )
    r = json.loads(run_cli("report", str(probkit), "-f", "json").stdout)
    # `def expect … : Rat` and `structure Measure` (a Type) are not hypotheses
    assert {a["name"] for a in r["assumptions"]} == {
        "Probkit.IndepFun",
        "Probkit.Integrable",
        "Probkit.IsFiniteMeasure",
        "Probkit.IsProbabilityMeasure",
    }
    assert {a["status"] for a in r["assumptions"]} == {"contested"}


def test_an_edited_configuration_is_seen_at_once(probkit: Path, tmp_path: Path, run_cli) -> None:
    cache = ("--cache-dir", str(tmp_path / "cache"))
    before = run_cli("rests-on", "weak_law_pairwise", "-C", str(probkit), *cache).stdout
    assert "Probkit.IndepFun (plausible)" in before
    cfg = probkit / "axiomdl.toml"
    cfg.write_text(cfg.read_text().replace('"plausible"', '"refuted-in-regime"'), "utf-8")
    after = run_cli("rests-on", "weak_law_pairwise", "-C", str(probkit), *cache).stdout
    assert "Probkit.IndepFun (refuted-in-regime)" in after


def test_names_that_select_nothing_are_warnings(probkit: Path, run_cli) -> None:
    (probkit / "axiomdl.toml").write_text(
        '[[assumptions]]\nnames = ["Probkit.IndepFunc", "Probkit.expect_const"]\n',
        encoding="utf-8",
    )
    proc = run_cli("report", str(probkit), "-f", "json")
    assert proc.returncode == 0
    cfg = probkit / "axiomdl.toml"
    assert proc.stderr.splitlines() == [
        f"axiomdl: {cfg}:2: warning: `Probkit.IndepFunc` names no declaration of the project "
        "or its imports [config]",
        f"axiomdl: {cfg}:2: warning: `Probkit.expect_const` is a theorem, not a Prop-valued "
        "definition; left as it is [config]",
    ]
    assert json.loads(proc.stdout)["assumptions"] == []


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            '[[assumptions]]\nnames = ["Probkit.IndepFun"]\nstauts = "plausible"\n',
            3,
            "unknown key `stauts` in assumptions[1] (known: names, match, prop-classes-in, "
            "role, area, status, evidence, refs)",
        ),
        (
            "assumption = []\n",
            1,
            "unknown key `assumption` in the file (known: assumptions)",
        ),
        (
            '[[assumptions]]\nmatch = ["Probkit.*", "Probkit..Indep"]\n',
            2,
            "`assumptions[1].match`: bad glob `Probkit..Indep`: empty name component",
        ),
        (
            '[[assumptions]]\nprop-classes-in = ["Probkit.[A-Z]*"]\n',
            2,
            "`assumptions[1].prop-classes-in`: bad glob `Probkit.[A-Z]*`: `[` is not allowed",
        ),
        (
            '[[assumptions]]\nnames = ["Probkit.IndepFun"]\nstatus = "likely"\n',
            3,
            "`assumptions[1].status`: Input should be 'established', 'plausible', 'contested' "
            "or 'refuted-in-regime'",
        ),
        ('[[assumptions]\nnames = ["x"]\n', 1, "not valid TOML"),
        (
            'axiom-allowlist = ["propext"]\n',
            1,
            "unknown key `axiom-allowlist` in the file (known: assumptions); `axiom-allowlist` "
            "is read from pyproject.toml's [tool.axiomdl]",
        ),
    ],
)
def test_a_bad_configuration_is_exit_2_naming_the_key(
    probkit: Path, run_cli, text: str, line: int, message: str
) -> None:
    cfg = probkit / "axiomdl.toml"
    cfg.write_text(text, encoding="utf-8")
    for args in (("report", str(probkit)), ("rests-on", "weak_law_pairwise", "-C", str(probkit))):
        proc = run_cli(*args)
        assert proc.returncode == 2, proc.stdout
        assert proc.stdout == ""
        (err,) = proc.stderr.splitlines()
        assert err.startswith(f"axiomdl: {cfg}:{line}: error: {message}"), err


def test_a_bad_configuration_fails_even_after_a_cached_run(
    probkit: Path, tmp_path: Path, run_cli
) -> None:
    cache = ("--cache-dir", str(tmp_path / "cache"))
    assert run_cli("report", str(probkit), *cache).returncode == 0
    (probkit / "axiomdl.toml").write_text("[[assumptions]]\nnmes = []\n", encoding="utf-8")
    proc = run_cli("report", str(probkit), *cache)
    assert proc.returncode == 2 and "unknown key `nmes`" in proc.stderr


def test_glob_syntax() -> None:
    assert glob_problem("Probkit.*") is None and glob_problem("**.Indep*") is None
    assert glob_problem("") == "empty"
    assert glob_problem("A.***") == "`**` must be a whole component"
    assert glob_problem("A B") is not None
    children = compile_glob("Probkit.*")
    assert children.match("Probkit.IndepFun") and not children.match("Probkit.A.IndepFun")
    below = compile_glob("Probkit.**")
    assert below.match("Probkit.A.B") and not below.match("ProbkitX.A")
    anywhere = compile_glob("**.Indep*")
    assert anywhere.match("Indep") and anywhere.match("A.B.IndepFun")
    assert not anywhere.match("A.B.iIndep")


def test_what_counts_as_prop_valued() -> None:
    assert result_type("class IsProb (m : Nat) : Prop where total : m = 1") == "Prop"
    assert result_type("structure S (n : Nat) : Prop extends T n where z : n = n") == "Prop"
    assert result_type("structure Data (n : Nat) where z : Nat") is None
    assert result_type("def f {α : Type} (x : α) : α → Prop") == "α → Prop"
    assert is_prop_valued("def", "def Good (f : Nat → Nat) : Prop")
    assert is_prop_valued("def", "def Pred : Nat → Prop")
    assert not is_prop_valued("def", "def expect (μ : Measure α) (X : α → Rat) : Rat")
    assert not is_prop_valued("theorem", "theorem t : Prop")
