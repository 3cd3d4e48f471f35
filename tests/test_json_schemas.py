"""Every command's ``-f json`` output validates against its committed schema file.

The schemas in ``docs/schema/`` are what users validate against; checking output with
the pydantic models that wrote it would be circular. ``report``, ``rests-on``,
``impact`` and ``graph`` are checked in ``test_cli.py``; ``build`` and ``compare`` (which
need the stand-in Lean toolchain) in ``test_lean_toolchain.py`` and
``test_lean_export.py``; ``probe`` in ``test_probe_cli.py``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from .conftest import FIXTURES, ROOT, assert_schema

TOY = str(FIXTURES / "graph")
PLANTED = str(FIXTURES / "compute" / "planted")


def _json(run_cli, *args: str, code: int = 0) -> dict:
    proc = run_cli(*args, "-f", "json")
    assert proc.returncode == code, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize(
    ("schema", "args", "code"),
    [
        ("why", ("why", "rate_sc", "PL", "-C", TOY), 0),
        ("unused", ("unused", "-C", TOY), 0),
        ("audit", ("audit", str(FIXTURES / "scanner")), 1),
        ("lint", ("lint", str(FIXTURES / "lint")), 1),
        ("falsify", ("falsify", "-C", PLANTED), 1),
        ("check-loss", ("check-loss", "(w1*w2 - 1)^2", "--vars", "w1,w2"), 0),
        (
            "bound",
            (
                "bound",
                "gd_linear_convergence_inv",
                *("--param", "L=10", "--param", "mu=1", "--param", "t=50"),
                *("--param", "f_x0=1", "--param", "fstar=0"),
            ),
            0,
        ),
        ("search", ("search", "smooth", "--kind", "discharge"), 0),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_command_output_matches_committed_schema(run_cli, schema, args, code) -> None:
    data = _json(run_cli, *args, code=code)
    assert_schema(schema, data)
    schema_file = json.loads((ROOT / "docs" / "schema" / f"{schema}.schema.json").read_text())
    assert data["schema_version"] == schema_file["properties"]["schema_version"]["default"]


def test_diff_output_matches_committed_schema(run_cli, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "lean" / "Toy").mkdir(parents=True)
    for f in ("Assumptions.lean", "Results.lean"):
        (repo / "lean" / "Toy" / f).write_text((FIXTURES / "graph" / "Toy" / f).read_text())
    git = ["git", "-C", str(repo), "-c", "user.email=t@e", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    data = _json(run_cli, "diff", "HEAD", "-C", str(repo))
    assert_schema("diff", data)
    assert data["rev2"] == "WORKTREE"


def test_the_committed_schemas_reject_broken_output(run_cli) -> None:
    """Validation is not vacuous: a missing field or a wrong type is rejected."""
    lint = _json(run_cli, "lint", str(FIXTURES / "lint"), code=1)
    for broken in (
        {k: v for k, v in lint.items() if k != "findings"},
        {**lint, "files": "fifteen"},
        {**lint, "findings": [{**lint["findings"][0], "severity": "fatal"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            assert_schema("lint", broken)
    schemas = sorted(p.name for p in (ROOT / "docs" / "schema").glob("*.schema.json"))
    assert len(schemas) >= 17
