"""Shared fixtures: paths to the Lean fixture projects and a CLI runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def _scanner_params() -> list:
    from axiomdl.scan.parse import native_available

    return [
        pytest.param(
            True,
            id="native",
            marks=pytest.mark.skipif(not native_available(), reason="C scanner core not built"),
        ),
        pytest.param(False, id="python"),
    ]


# Parametrise a fixture with ``params=SCANNERS`` to run its tests under the compiled
# scanner core and under the pure-Python reference (``native=`` of ``scan_project``).
SCANNERS = _scanner_params()


def session_of(path: Path, native: bool):
    """A session on ``path`` scanned by the chosen scanner, with no cache."""
    from axiomdl.graph import build_graph
    from axiomdl.scan.project import scan_project
    from axiomdl.session import Session

    project = scan_project(path, use_cache=False, native=native)
    return Session(project, build_graph(project))


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test's scan cache out of the user's cache directory."""
    monkeypatch.setenv("AXIOMDL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def run_cli():
    """Run ``axiomdl`` in a subprocess, as a user would; returns CompletedProcess."""
    return cli_runner()


def cli_runner():
    """The runner behind :func:`run_cli`, for fixtures of wider scope."""

    def run(
        *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess:
        full_env = dict(os.environ, **(env or {}))
        full_env.pop("AXIOMDL_DEBUG", None)
        return subprocess.run(
            [sys.executable, "-m", "axiomdl", *args],
            capture_output=True,
            text=True,
            cwd=cwd or ROOT,
            env=full_env,
            timeout=600,
        )

    return run


def cli_stdout(*args: str) -> str:
    """Run ``axiomdl ARGS`` in a subprocess as a user would; the run must succeed.

    For module-scoped fixtures, which cannot use the function-scoped ``run_cli``.
    """
    proc = subprocess.run(
        [sys.executable, "-m", "axiomdl", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def assert_schema(name: str, data: object) -> None:
    """Validate command output against the committed ``docs/schema/NAME.schema.json``:
    the contract users see, not the models that produced the output."""
    import jsonschema

    path = ROOT / "docs" / "schema" / f"{name}.schema.json"
    jsonschema.validate(data, json.loads(path.read_text(encoding="utf-8")))


def cli_json(*args: str) -> dict:
    """Run ``axiomdl ARGS -f json`` as a user would, and parse its output."""
    return json.loads(cli_stdout(*args, "-f", "json"))


@pytest.fixture(scope="module")
def library_report() -> dict:
    """The bundled library's JSON report, computed once per test module."""
    return json.loads(cli_stdout("report", "-f", "json"))


@pytest.fixture(scope="module")
def library_docs() -> dict[str, str]:
    """Every bundled declaration's docstring (from the JSON graph), once per test module."""
    graph = json.loads(cli_stdout("graph", "-f", "json"))
    return {n["name"]: n.get("doc") or "" for n in graph["nodes"]}
