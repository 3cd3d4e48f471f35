"""End-to-end runs of the real Lean toolchain on the bundled library (marked ``lean``).

They skip, with the reason, where ``lake`` is not installed (as on the machines
axiomdl is developed on); CI's Lean job runs them after installing elan.
"""

from __future__ import annotations

import json

import pytest

from axiomdl.lean import toolchain
from axiomdl.lean.export import load_export
from axiomdl.scan.files import bundled_root

pytestmark = [
    pytest.mark.lean,
    pytest.mark.slow,
    pytest.mark.skipif(
        toolchain.which("lake") is None,
        reason="needs a Lean toolchain: `lake` is not on PATH or in ~/.elan/bin (install elan)",
    ),
]


def test_build_bundled_library(run_cli):
    r = run_cli("build", "-f", "json")
    data = json.loads(r.stdout)
    # the library compiles: no error and no sorry (lint forbids both)
    assert r.returncode == 0 and data["ok"], r.stderr
    assert data["counts"]["compiled"] > 0
    assert data["counts"]["error"] == 0 and data["counts"]["sorry"] == 0
    assert {d["status"] for d in data["declarations"]} == {"compiled"}


def test_export_bundled_library_and_compare(run_cli):
    r = run_cli("export")
    assert r.returncode == 0, r.stderr
    ex = load_export(bundled_root() / ".lake" / "axiomdl" / "export.jsonl")
    assert len(ex.decls) > 50
    assert all(d.axioms is not None for d in ex.decls.values())
    c = run_cli("compare", "-f", "json", "--exact")
    assert c.returncode == 0, c.stderr
    assert json.loads(c.stdout)["exact_edges"] > 0


def test_exact_audit_of_bundled_library(run_cli):
    r = run_cli("audit", "--exact", "-f", "json")
    data = json.loads(r.stdout)
    assert data["mode"] == "exact"
    # no sorry, no axiom beyond Lean's own, no native_decide anywhere in the library
    assert [f["code"] for f in data["findings"] if f["severity"] == "error"] == []
