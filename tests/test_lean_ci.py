"""The Lean job in CI, the lakefile target and packaging of the exporter (real repo files)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ci_workflow_runs_python_and_lean_jobs():
    yaml = pytest.importorskip("yaml")
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    jobs = wf["jobs"]
    py = " ".join(s.get("run", "") for s in jobs["python"]["steps"])
    assert 'pip install -e ".[test]" && pytest' in py
    lean_steps = jobs["lean"]["steps"]
    runs = "\n".join(s.get("run", "") for s in lean_steps)
    for needle in (
        "elan-init.sh",
        "axiomdl build -f github",
        "lake exe axiomdl-export",
        "axiomdl audit --export-file",
        'axiomdl diff "origin/${{ github.base_ref }}"',
        "pytest -m lean",
    ):
        assert needle in runs, needle
    uses = [s.get("uses", "") for s in lean_steps]
    assert any(u.startswith("actions/cache@") for u in uses)
    caches = [
        s["with"]["path"] for s in lean_steps if s.get("uses", "").startswith("actions/cache@")
    ]
    assert caches == ["~/.elan", ".lake"]
    # A failing `axiomdl diff` before `| tee` must fail the step: bash with pipefail.
    assert jobs["lean"]["defaults"]["run"]["shell"] == "bash"
    diff = next(s for s in lean_steps if "axiomdl diff" in s.get("run", ""))
    assert diff["shell"] == "bash" and "set -o pipefail" in diff["run"]
    assert "axiomdl doctor --require-lean" in runs
    upload = next(s for s in lean_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "always()"


def test_lakefile_declares_the_exporter_target():
    text = (ROOT / "lakefile.lean").read_text(encoding="utf-8")
    m = re.search(r"lean_exe «axiomdl-export» where\n((?:  .*\n?)+)", text)
    assert m, "lean_exe «axiomdl-export» missing from lakefile.lean"
    body = m.group(1)
    assert 'srcDir := "exporter"' in body and "root := `AxiomdlExport" in body
    assert (ROOT / "exporter" / "AxiomdlExport.lean").is_file()


def test_exporter_source_documents_its_verified_core_names():
    src = (ROOT / "exporter" / "AxiomdlExport.lean").read_text(encoding="utf-8")
    header = src.split("-/", 1)[0]
    assert "NOT COMPILED HERE" in header
    for name in (
        "Lean.collectAxioms",
        "Lean.importModules",
        "Expr.getUsedConstants",
        "Lean.findDocString?",
        "Lean.findDeclarationRanges?",
        "Name.isInternal",
        "Lean.isAuxRecursor",
        "Lean.Meta.isMatcherCore",
        "Environment.getModuleIdxFor?",
        "Lean.isPrivateName",
        "Lean.isReservedName",
        "Environment.isConstructor",
    ):
        assert name in header, name
    assert "import Lean\n" in src and "def main (args : List String) : IO UInt32" in src
    # Realized constants are exported only by their owning module, and never twice.
    assert "env.getModuleIdxFor? n" in src and "emitted.contains u" in src
    for suffix in ("congr_simp", "injEq", "sizeOf_spec", "noConfusionType"):
        assert f'"{suffix}"' in src, suffix
    # Every name Lean reserves (`f.induct`, `C.hinj`, ...) is hidden; the other generated names
    # only when the prefix is of the kind Lean generates the name for.
    assert "if isReservedName env n then true" in src and "env.isConstructor p" in src


def test_wheel_ships_the_exporter():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    fi = cfg["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert fi["exporter"] == "axiomdl/_bundled/exporter"
    assert "lean-interact" in " ".join(cfg["project"]["optional-dependencies"]["interact"])
    assert "lean-dojo" in " ".join(cfg["project"]["optional-dependencies"]["dojo"])
