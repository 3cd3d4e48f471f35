"""No internal errors: every command, fed hostile options and arguments, exits 0-3.

The command table is read from the real click group (a command added later is fuzzed too).
Each option's values come from its type: integers at and beyond their bounds, negative and
huge numbers, `nan`/`inf`, empty strings, unicode, paths that are missing, files, folders
or devices. Each example runs `axiomdl.cli.main` in process (the code path of the console
script, with its error mapping) inside a scratch folder; a few real subprocess runs check
that the in-process runs stand for the installed command.

A failure is: exit 4 (internal error), a traceback, or an exit 2 without exactly one
`axiomdl: … error: …` line. Examples per command: ``AXIOMDL_FUZZ_EXAMPLES`` (default 20,
derandomised so CI is reproducible; set it higher locally for a random, longer search).

Kept cheap on purpose (CI budget): project commands run on small fixtures or the bundled
library with a warm cache; `probe` always gets `--quick --no-plots` and a quarter of the
examples (a valid probe name runs a real experiment); `falsify -n` stops short
of its upper bound on projects with arithmetic statements; `check-loss --grid` is tried at
and beyond its lower bound and beyond its upper one; the Lean commands are fuzzed only where
no Lean toolchain is installed (they then stop at exit 3).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from axiomdl.cli import cli, main

from .conftest import FIXTURES

N_EXAMPLES = int(os.environ.get("AXIOMDL_FUZZ_EXAMPLES", "20"))
FUZZ = settings(
    max_examples=N_EXAMPLES,
    deadline=None,
    derandomize="AXIOMDL_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TOY = str(FIXTURES / "graph")
PLANTED = str(FIXTURES / "compute" / "planted")
HAS_LEAN = shutil.which("lake") is not None or shutil.which("lean") is not None
LEAN_COMMANDS = {"build", "export", "compare", "try", "dojo trace", "doctor"}

# -- value pools -------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=16
)
NAMES = st.one_of(
    st.sampled_from(
        [
            "gd_convex_rate",
            "gd_linear_convergence_inv",
            "AxiomDL.Smooth",
            "Smooth",
            "PolyakLojasiewicz",
            "Unknown",
            "mul_pos",
            "rate_sc",
            "Toy.PL",
            "PL",
            "",
            " ",
            ".",
            "..",
            "AxiomDL.",
            "é∀ℝ",
            "x" * 300,
            "-",
            "pl-trajectory",
        ]
    ),
    TEXT,
)
PATHS = st.sampled_from(
    [
        "",
        ".",
        "out.txt",
        "sub/dir/out.json",
        "no/such/thing",
        "/dev/null",
        "a_file.txt",
        "a_dir",
        "é ∀.md",
        "/",
    ]
)  # no fixture folder here: these may be written to (outputs, caches, results)
PROJECTS = st.sampled_from([None, TOY, PLANTED, "", "/dev/null", "no/such", "a_file.txt", "é"])
FLOATS = st.sampled_from(
    ["0", "-1", "1", "0.5", "1e-300", "1e308", "1e999", "nan", "inf", "-inf", "x", ""]
)
INTS = st.sampled_from(
    ["0", "-1", "1", "2", "7", str(2**63), str(-(2**63)), "1e3", "x", "", "9" * 40]
)
EXPRS = st.one_of(
    st.sampled_from(
        [
            "w^2",
            "(w1 + 2*w2 - 1)^2 + (w1 - w2)^2",
            "abs(w)",
            "max(w, 0)^2",
            "relu(w)",
            "sqrt(w^2 + 1)",
            "log(1 + exp(-w))",
            "w**w",
            "1/w",
            "log(w)",
            "exp(exp(w))",
            "w1*w2",
            "(w1*w2 - 1)^2",
            "sign(w)",
            "Heaviside(w)",
            "Piecewise((w, w > 0), (0, True))",
            "floor(w)",
            "w > 1",
            "",
            "1e400*w",
            "w.diff()",
            "__import__('os')",
            "0",
            "I*w",
            "zoo",
        ]
    ),
    TEXT,
)
VARS = st.sampled_from(["w", "w1,w2", "", ",", "é", "w,w", "x" * 50, "sin", "w1,w2,w3,w4", "1w"])
BOXES = st.sampled_from(
    ["w=-1:1", "w=1:0", "w=a:b", "", "=", "w=1e400:1e401", "w=-1e6:1e6", "w1=0:1,w2=-1:1", "w=0:0"]
)
PARAMS = st.sampled_from(
    [
        "L=1",
        "L=3",
        "mu=1/2",
        "μ=1",
        "t=5",
        "T=2",
        "f_x0=1",
        "fstar=0",
        "L=0",
        "L=-1",
        "L=1e400",
        "L=nan",
        "=",
        "x",
        "mu=",
        "T=0",
        "t=1e9",
        "t=-1",
        "t=1/2",
        "hs.length=10",
    ]
)

# option name → a strategy of raw argv strings, for options whose type alone says too little
SPECIAL: dict[tuple[str, str], Any] = {
    ("check-loss", "expr"): EXPRS,
    ("check-loss", "vars_"): VARS,
    ("check-loss", "box"): BOXES,
    ("check-loss", "grid"): st.sampled_from(["9", "8", "10", "200001", "0", "-1", str(2**70), "x"]),
    ("bound", "params"): PARAMS,
    ("bound", "solve_for"): st.sampled_from(["t", "T", "delta", "L", "", "é", "f_x0"]),
    ("falsify", "instances"): st.sampled_from(["1", "0", "-1", "2", "1000001", "x", ""]),
    ("diff", "repo"): st.sampled_from([".", "", "/dev/null", "no/such", "a_file.txt"]),
    ("probe", "names"): st.sampled_from(["pl-trajectory", "nope", "", "é"]),
}


def _value(cmd: str, p: click.Parameter) -> Any:
    """A strategy of argv strings for one parameter."""
    if (cmd, p.name) in SPECIAL:
        return SPECIAL[(cmd, p.name)]
    t = p.type
    if p.name in ("project", "path"):  # read, never written: fixture folders are fine here
        return PROJECTS.filter(lambda x: x is not None)
    if isinstance(t, click.Choice):
        return st.sampled_from([*map(str, t.choices), "", "XML", "tExt"])
    if isinstance(t, click.IntRange):
        edge = [x for b in (t.min, t.max) if b is not None for x in (b, b - 1, b + 1)]
        return st.one_of(st.sampled_from([str(x) for x in edge]), INTS)
    if isinstance(t, (click.types.IntParamType,)):
        return INTS
    if isinstance(t, (click.types.FloatParamType, click.FloatRange)) or t.name == "seconds":
        return FLOATS
    if isinstance(t, click.Path):
        return PATHS
    return NAMES


def _commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(cli)
    out: list[tuple[str, click.Command]] = []

    def walk(group: click.Group, prefix: str) -> None:
        for name in group.list_commands(ctx):
            c = group.get_command(ctx, name)
            full = f"{prefix}{name}"
            if isinstance(c, click.Group):
                walk(c, full + " ")
            elif c is not None:
                out.append((full, c))

    walk(cli, "")
    return out


COMMANDS = _commands()


@st.composite
def _argv(draw: Any, path: str, cmd: click.Command) -> list[str]:
    argv = path.split()
    name = argv[-1]
    for p in cmd.params:
        if isinstance(p, click.Option):
            if p.name in ("help",):
                continue
            if p.is_flag:
                if draw(st.booleans()):
                    argv.append(p.opts[0])
                continue
            if p.name == "project":
                proj = draw(PROJECTS)
                if proj is not None:
                    argv += [p.opts[0], proj]
                continue
            n = draw(st.integers(0, 2 if p.multiple else 1))
            if p.required:
                n = max(n, 1)
            for _ in range(n):
                argv += [draw(st.sampled_from(p.opts)), draw(_value(name, p))]
        else:  # an argument
            if p.nargs == -1:
                argv += draw(st.lists(_value(name, p), max_size=2))
            elif p.required or draw(st.booleans()):
                argv.append(draw(_value(name, p)))
    return _constrain(name, argv)


def _constrain(name: str, argv: list[str]) -> list[str]:
    """Keep each example cheap and inside the scratch folder (see the module docstring)."""
    if name == "probe":
        argv += ["--quick", "--no-plots"]
        if "--results" not in argv:
            argv += ["--results", "probe-out"]
    if name == "docs" and "--check" not in argv:
        argv += ["--output", "catalogue.md"]  # never the checkout's docs/axioms.md
    if name == "schema":
        argv += ["--output", "schemas"]
    if name == "falsify" and "1000001" not in argv:
        argv += ["--project", TOY]  # no arithmetic statements: -n at its bound stays cheap
    return argv


def _run_in_process(argv: list[str]) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        try:
            main(argv)
            code = 0
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
        stdout = out.getvalue().decode("utf-8", "replace")
        stderr = err.getvalue().decode("utf-8", "replace")
    return code, stdout, stderr


def _check(argv: list[str], code: int, stderr: str) -> None:
    shown = " ".join(repr(a) if (" " in a or not a) else a for a in argv)
    assert code in (0, 1, 2, 3), f"axiomdl {shown}: exit {code}\n{stderr}"
    assert "Traceback" not in stderr and "internal error" not in stderr, (
        f"axiomdl {shown}\n{stderr}"
    )
    if code == 2:
        errors = [ln for ln in stderr.splitlines() if "error:" in ln]
        assert len(errors) == 1 and errors[0].startswith("axiomdl: "), f"axiomdl {shown}\n{stderr}"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("fuzz")
    (d / "a_file.txt").write_text("not lean\n", encoding="utf-8")
    (d / "a_dir").mkdir()
    return d


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_no_internal_error(
    path: str, cmd: click.Command, scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if path in LEAN_COMMANDS and HAS_LEAN:
        pytest.skip("a Lean toolchain is installed: fuzzing it would run real builds")
    monkeypatch.chdir(scratch)
    monkeypatch.delenv("AXIOMDL_DEBUG", raising=False)

    @settings(FUZZ, max_examples=max(1, N_EXAMPLES // 4) if path == "probe" else N_EXAMPLES)
    @given(_argv(path, cmd))
    def run(argv: list[str]) -> None:
        code, _, stderr = _run_in_process(argv)
        _check(argv, code, stderr)

    run()


FORMULA_LEAVES = st.sampled_from(["w1", "w2", "1", "2", "-1", "1/2", "3"])


def _formula(leaves: Any) -> Any:
    """Well-formed losses in the accepted language, so the analysis itself is exercised."""
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(["+", "-", "*"]), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            st.tuples(inner, st.sampled_from(["2", "3", "4"])).map(lambda t: f"({t[0]})^{t[1]}"),
            st.tuples(st.sampled_from(["abs", "relu", "exp", "sqrt", "tanh", "sin"]), inner).map(
                lambda t: f"{t[0]}({t[1]})" if t[0] != "sqrt" else f"sqrt(({t[1]})^2 + 1)"
            ),
            st.tuples(inner, inner).map(lambda t: f"max({t[0]}, {t[1]})"),
            inner.map(lambda a: f"log(1 + exp({a}))"),
        ),
        max_leaves=5,
    )


@pytest.mark.parametrize("vs", ["w1", "w1,w2"])
def test_check_loss_on_random_formulas(
    vs: str, scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit 0 or a one-line exit 2 (e.g. a loss undefined somewhere), never an internal error."""
    monkeypatch.chdir(scratch)
    leaves = FORMULA_LEAVES.filter(lambda x: vs == "w1,w2" or x != "w2")

    @settings(FUZZ, max_examples=max(2, N_EXAMPLES // 3))
    @given(_formula(leaves), st.sampled_from(["", "w1=-1:1"]))
    def run(expr: str, box: str) -> None:
        argv = ["check-loss", expr, "--vars", vs, "--grid", "400"] + (["--box", box] if box else [])
        code, _, stderr = _run_in_process(argv)
        _check(argv, code, stderr)
        assert code in (0, 2)

    run()


def test_the_table_covers_every_command() -> None:
    """A command that the group lists but the fuzz cannot reach would go untested."""
    names = {p for p, _ in COMMANDS}
    assert {"rests-on", "check-loss", "bound", "falsify", "probe", "site", "dojo trace"} <= names


# Found by the fuzz or by hand, pinned so they stay fixed; two run as real subprocesses.
KNOWN = [
    (["probe", "--seed", "-1", "--quick", "--no-plots", "nope"], 2, "--seed"),
    (["check-loss", "w**w", "--vars", "w"], None, ""),
    (["check-loss", "abs(w)", "--vars", "w"], 0, ""),
    (["build", "--timeout", "nan"], 2, "--timeout"),
    (["bound", "gd_linear_convergence_inv", "--param", "f_x0=1e5000"], 2, "digits"),
    (["check-loss", "w.diff()", "--vars", "w"], 2, "cannot parse"),
]


@pytest.mark.parametrize(("argv", "want", "msg"), KNOWN)
def test_known_cases(
    argv: list[str], want: int | None, msg: str, scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scratch)
    code, _, stderr = _run_in_process(argv)
    _check(argv, code, stderr)
    if want is not None:
        assert code == want, stderr
    assert msg in stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["probe", "--seed", "-1", "pl-trajectory"],
        ["bound", "gd_linear_convergence_inv", "--param", "L=3", "--param", "t=1e7"],
    ],
)
def test_subprocess_agrees(argv: list[str], run_cli, scratch: Path) -> None:
    """The installed entry point behaves as the in-process runs above."""
    proc = run_cli(*argv, cwd=scratch)
    code, _, err = _run_in_process(argv)
    assert proc.returncode == code == 2
    assert proc.stderr.strip() == err.strip()
    assert proc.stderr.count("\n") == 1  # one line
