"""Toolchain discovery, exit code 3 without Lean, and the build/export pipeline.

No Lean toolchain exists where these tests run, so the pipeline is driven by small
stand-in ``lake``/``lean`` executables (written below, in Python) that print the
hand-written fixtures of tests/fixtures/lean_backend/ in Lean's documented formats.
They exercise the real subprocess handling: streaming, timeouts, exit codes,
per-file ``lean --json`` collection, and the incremental exporter cache.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from axiomdl.errors import AxiomdlError
from axiomdl.lean import toolchain
from axiomdl.lean.build import problem_files
from axiomdl.lean.export import stale_modules

from .conftest import assert_schema

FIX = Path(__file__).resolve().parent / "fixtures" / "lean_backend"

FAKE_LAKE = r'''#!{python}
"""Stand-in for lake (tests only): replays fixtures in Lean's formats."""
import os, shutil, sys, time
from pathlib import Path
args = sys.argv[1:]
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write(" ".join(args) + "\n")
mode = os.environ.get("FAKE_BUILD", "ok")
if args[:1] == ["build"]:
    print("⚠ [1/2] Built Demo", flush=True)
    if mode == "slow":
        time.sleep(60)
    if mode == "broken":
        print("error: lakefile.lean: unknown package 'x'", file=sys.stderr, flush=True)
        sys.exit(1)
    if mode == "fail":
        print("error: ./Demo/Basic.lean:39:2: type mismatch", flush=True)
        print("✖ [2/2] Building Demo.Basic", flush=True)
        sys.exit(1)
    print("Build completed successfully.", flush=True)
    sys.exit(0)
def export(rest):
    out = rest[rest.index("--out") + 1]
    only = [rest[i + 1] for i, a in enumerate(rest) if a == "--only"]
    Path(out).mkdir(parents=True, exist_ok=True)
    for mod in ["Demo", "Demo.Basic"]:
        if only and mod not in only:
            continue
        src = os.environ["FAKE_EXPORT"] if mod == "Demo.Basic" else None
        text = Path(src).read_text() if src else '{{"type":"header","schema":"axiomdl-export/1","module":"Demo"}}\n'
        Path(out, mod + ".jsonl").write_text(text)
    print("axiomdl-export: done", file=sys.stderr)
if args[:3] == ["env", "lean", "--json"]:
    sys.stdout.write(Path(os.environ["FAKE_MESSAGES"]).read_text())
    sys.exit(1)
if args[:3] == ["env", "lean", "--run"]:
    export(args[3:]); sys.exit(0)
if args[:2] == ["exe", "axiomdl-export"]:
    export(args[2:]); sys.exit(0)
sys.exit(2)
'''

FAKE_LEAN = r"""#!{python}
import os, sys
if len(sys.argv) > 1 and sys.argv[1].endswith(".lean") and os.environ.get("FAKE_LEAN_BROKEN"):
    print("error: unknown module prefix 'Init'", file=sys.stderr)
    sys.exit(1)
print("Lean (version " + os.environ.get("FAKE_LEAN_VERSION", "4.35.0") + ", x86_64-unknown-linux-gnu, commit 0000, Release)")
"""


@pytest.fixture
def no_lean(tmp_path):
    """An environment in which neither PATH nor ~/.elan/bin has Lean."""
    return {"PATH": "/usr/bin:/bin", "ELAN_HOME": str(tmp_path / "no-elan"), "HOME": str(tmp_path)}


@pytest.fixture
def fake_lean(tmp_path):
    """A stand-in toolchain on PATH, and a copy of the fixture project to run it in."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("lake", FAKE_LAKE), ("lean", FAKE_LEAN)):
        p = bin_dir / name
        p.write_text(text.replace("{python}", sys.executable).replace("{{", "{").replace("}}", "}"))
        p.chmod(0o755)
    proj = tmp_path / "proj"
    shutil.copytree(FIX / "proj", proj)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "ELAN_HOME": str(tmp_path / "no-elan"),
        "FAKE_LOG": str(tmp_path / "lake.log"),
        "FAKE_MESSAGES": str(FIX / "demo.lean-json.jsonl"),
        "FAKE_EXPORT": str(FIX / "demo.export.jsonl"),
    }
    return proj, env, tmp_path / "lake.log"


# -- discovery -----------------------------------------------------------------------


def test_version_and_pin_parsing(tmp_path):
    assert toolchain.parse_version("Lean (version 4.35.0, x86_64, commit ab, Release)") == "4.35.0"
    assert toolchain.parse_version("Lean (version 4.36.0-rc1, arm64)") == "4.36.0-rc1"
    assert toolchain.parse_version("garbage") is None
    (tmp_path / "lean-toolchain").write_text("leanprover/lean4:v4.35.0\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    pin, f = toolchain.read_pin(sub)
    assert pin == "4.35.0" and f == tmp_path / "lean-toolchain"


def test_discovery_finds_tools_in_elan_home_and_warns_on_mismatch(tmp_path, monkeypatch):
    elan_bin = tmp_path / "elan" / "bin"
    elan_bin.mkdir(parents=True)
    for name, text in (("lake", FAKE_LAKE), ("lean", FAKE_LEAN), ("elan", FAKE_LEAN)):
        p = elan_bin / name
        p.write_text(text.replace("{python}", sys.executable))
        p.chmod(0o755)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setenv("ELAN_HOME", str(tmp_path / "elan"))
    monkeypatch.setenv("FAKE_LEAN_VERSION", "4.30.0")
    (tmp_path / "lean-toolchain").write_text("leanprover/lean4:v4.35.0\n")
    tc = toolchain.discover(tmp_path)
    assert tc.usable and tc.paths["elan"] == elan_bin / "elan"
    assert tc.lean_version == "4.30.0" and tc.pin == "4.35.0"
    assert tc.mismatch and "4.35.0" in tc.mismatch and "4.30.0" in tc.mismatch
    monkeypatch.setenv("FAKE_LEAN_VERSION", "4.35.0")
    assert toolchain.discover(tmp_path).mismatch is None


def test_require_raises_exit_3_with_install_hint(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setenv("ELAN_HOME", str(tmp_path))
    with pytest.raises(AxiomdlError) as ei:
        toolchain.require("`axiomdl build`")
    assert ei.value.exit_code == 3
    assert "elan" in ei.value.message and "lake and lean" in ei.value.message


# -- without Lean: exit 3 --------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("build",),
        ("try", "-"),
        ("export",),
        ("dojo", "trace"),
        ("rests-on", "pl_linear_convergence", "--exact"),
        ("audit", "--exact"),
    ],
)
def test_commands_needing_lean_exit_3(run_cli, no_lean, args, tmp_path):
    r = run_cli(*args, env=no_lean, cwd=tmp_path)
    assert r.returncode == 3, (r.stdout, r.stderr)
    assert "needs a Lean toolchain" in r.stderr and "elan" in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_doctor_without_lean_is_ok_but_says_what_is_missing(run_cli, no_lean):
    r = run_cli("doctor", env=no_lean)
    assert r.returncode == 0, r.stderr
    assert "lake              MISSING" in r.stdout and "install elan" in r.stdout
    assert run_cli("doctor", "--require-lean", env=no_lean).returncode == 3
    js = json.loads(run_cli("doctor", "-f", "json", env=no_lean).stdout)
    assert js["tools"]["lake"] is None and js["pin"] == "4.35.0"


# -- with the stand-in toolchain ----------------------------------------------------------


def test_doctor_with_toolchain(run_cli, fake_lean):
    proj, env, _log = fake_lean
    r = run_cli("doctor", "-C", str(proj), env=env)
    assert r.returncode == 0 and "lean version      4.35.0 (pinned: 4.35.0)" in r.stdout
    r2 = run_cli("doctor", "-C", str(proj), env={**env, "FAKE_LEAN_VERSION": "4.1.0"})
    assert "warning: lean-toolchain pins 4.35.0" in r2.stdout


def test_doctor_require_lean_runs_the_toolchain(run_cli, fake_lean):
    proj, env, _log = fake_lean
    ok = run_cli("doctor", "--require-lean", "-C", str(proj), env=env)
    assert ok.returncode == 0, ok.stderr
    assert "smoke test        ok" in ok.stdout
    # The proxies exist but lean cannot elaborate anything (no core library): exit 3.
    bad = run_cli("doctor", "--require-lean", "-C", str(proj), env={**env, "FAKE_LEAN_BROKEN": "1"})
    assert bad.returncode == 3
    assert bad.stderr.count("\n") == 1
    assert "does not run" in bad.stderr and "unknown module prefix 'Init'" in bad.stderr


def test_build_success_streams_progress_and_exits_0(run_cli, fake_lean):
    proj, env, log = fake_lean
    r = run_cli("build", str(proj), env=env)
    assert r.returncode == 0, r.stderr
    assert "Build completed successfully." in r.stderr  # streamed lake output
    assert "build ok: 8 compiled, 0 with errors, 0 with sorry" in r.stdout
    assert log.read_text().splitlines() == ["build"]  # no file needed lean --json


def test_build_failure_collects_per_file_diagnostics(run_cli, fake_lean):
    proj, env, log = fake_lean
    r = run_cli("build", str(proj), "-f", "json", env={**env, "FAKE_BUILD": "fail"})
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert_schema("build", data)
    assert data["ok"] is False and data["lake_returncode"] == 1
    assert data["checked_files"] == ["Demo/Basic.lean"]
    assert data["counts"] == {"compiled": 6, "error": 1, "sorry": 1}
    assert "env lean --json Demo/Basic.lean" in log.read_text()
    gh = run_cli("build", str(proj), "-f", "github", env={**env, "FAKE_BUILD": "fail"})
    assert "::error file=Demo/Basic.lean,line=39," in gh.stdout


def test_build_timeout_is_a_clean_error(run_cli, fake_lean):
    proj, env, _log = fake_lean
    r = run_cli("build", str(proj), "--timeout", "1", env={**env, "FAKE_BUILD": "slow"})
    assert r.returncode == 2
    assert "timed out after 1s" in r.stderr and "Traceback" not in r.stderr


def test_try_with_lean_but_without_the_extra_exits_2(run_cli, fake_lean):
    if __import__("importlib").util.find_spec("lean_interact") is not None:
        pytest.skip("lean-interact is installed here; the missing-extra path cannot be shown")
    proj, env, _log = fake_lean
    r = run_cli("try", "-", "-C", str(proj), env=env)
    assert r.returncode == 2
    assert "pip install 'axiomdl[interact]'" in r.stderr


def test_export_runs_exporter_and_is_incremental(run_cli, fake_lean):
    proj, env, log = fake_lean
    r = run_cli("export", str(proj), env=env)
    assert r.returncode == 0, r.stderr
    assert "exported 7 declarations from 2 module(s) (2 re-exported)" in r.stderr
    cached = proj / ".lake" / "axiomdl" / "export.jsonl"
    assert cached.is_file()
    calls = log.read_text().splitlines()
    assert calls[0] == "build" and "--run" in calls[1] and "--root Demo" in calls[1]
    # nothing changed: the exporter does not run again
    r2 = run_cli("export", str(proj), "--no-build", env=env)
    assert r2.returncode == 0 and "(0 re-exported)" in r2.stderr
    assert len(log.read_text().splitlines()) == 2
    # a newer .olean for one module: only that module is exported again
    olean = proj / ".lake" / "build" / "lib" / "lean" / "Demo" / "Basic.olean"
    olean.parent.mkdir(parents=True)
    olean.write_bytes(b"")
    future = time.time() + 100
    os.utime(olean, (future, future))
    r3 = run_cli("export", str(proj), "--no-build", env=env)
    assert r3.returncode == 0 and "(1 re-exported)" in r3.stderr
    last = log.read_text().splitlines()[-1]
    assert "--only Demo.Basic" in last and "--only Demo " not in last + " "
    # the cached export now serves --exact without running anything
    q = run_cli("rests-on", "main_result", "-C", str(proj), "--exact", "-f", "json", env=env)
    assert q.returncode == 0 and json.loads(q.stdout)["mode"] == "exact"


def test_export_prefers_the_projects_own_exporter_target(run_cli, fake_lean):
    proj, env, log = fake_lean
    lf = proj / "lakefile.lean"
    lf.write_text(lf.read_text() + '\nlean_exe «axiomdl-export» where\n  srcDir := "exporter"\n')
    r = run_cli("export", str(proj), "--no-build", env=env)
    assert r.returncode == 0, r.stderr
    assert log.read_text().splitlines()[0].startswith("exe axiomdl-export --root Demo")


def test_problem_files_from_lake_output(tmp_path):
    out = (
        "✖ [3/9] Building Demo.Other\n"
        "error: ./Demo/Basic.lean:39:2: type mismatch\n"
        "warning: Demo/Basic.lean:30:8: declaration uses 'sorry'\n"
        "error: /elsewhere/X.lean:1:0: outside\n"
    )
    files = problem_files(out, tmp_path, {"Demo.Other": "Demo/Other.lean"})
    assert files == ["Demo/Basic.lean", "Demo/Other.lean"]


def test_stale_modules(tmp_path):
    mdir = tmp_path / ".lake" / "axiomdl" / "modules"
    mdir.mkdir(parents=True)
    (mdir / "A.jsonl").write_text("")
    assert stale_modules(tmp_path, ["A", "B"]) == ["B"]
    assert stale_modules(tmp_path, ["A", "B"], force=True) == ["A", "B"]


def test_exact_without_cache_builds_and_exports_when_lean_is_there(run_cli, fake_lean):
    proj, env, log = fake_lean
    r = run_cli("rests-on", "bounded_of_grows", "-C", str(proj), "--exact", "-f", "json", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["foundations"] == ["sorryAx"]
    calls = log.read_text().splitlines()
    assert calls[0] == "build" and "--root Demo" in calls[1]
    assert "axiomdl: exporting 2 module(s)" in r.stderr  # progress goes to stderr
    assert (proj / ".lake" / "axiomdl" / "export.jsonl").is_file()


def test_build_failure_outside_lean_files_is_reported(run_cli, fake_lean):
    proj, env, _log = fake_lean
    r = run_cli("build", str(proj), "-f", "github", env={**env, "FAKE_BUILD": "broken"})
    assert r.returncode == 1
    assert "::error file=lakefile.lean,line=1," in r.stdout
    assert "unknown package" in r.stdout


def test_try_rendering_of_a_leaninteract_answer():
    from axiomdl.lean.adapters import render_try

    # The shape LeanInteract's CommandResponse gives (messages with pos/endPos, sorries with goal)
    out = {
        "messages": [
            {
                "severity": "warning",
                "pos": {"line": 2, "column": 8},
                "data": "declaration uses 'sorry'",
            },
            {
                "severity": "error",
                "pos": {"line": 3, "column": 2},
                "data": "unknown identifier 'x'",
            },
        ],
        "sorries": [{"pos": {"line": 2, "column": 40}, "goal": "f : Nat → Nat\n⊢ True"}],
    }
    text = render_try(out, "<stdin>")
    assert "<stdin>:3:2: error: unknown identifier 'x'" in text
    assert "<stdin>:2:40: goal at sorry:\n    f : Nat → Nat\n    ⊢ True" in text
    assert text.endswith("try: 1 error(s), 1 sorry goal(s)\n")


def test_adapter_worker_reports_errors_as_one_json_line(capsys):
    from axiomdl.lean.adapters import main

    assert main(["nonsense"]) == 0
    assert json.loads(capsys.readouterr().out) == {"error": "unknown worker 'nonsense'"}
