"""Shared helpers for the explorer tests: a small Lean project with hostile docstrings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAYLOADS = (
    "<script>window.__pwned = 1; alert('script')</script>",
    '"><img src=x onerror="window.__pwned = 2; alert(\'img\')">',
    "[click me](javascript:alert('md-link'))",
    "<a href=\"javascript:alert('raw-link')\">raw link</a>",
)

HOSTILE_LEAN = """
/-- Assumption: the loss is benign. {p0}
Area: landscape
Status: contested
Evidence: {p1} see [paper](javascript:alert('evidence'))
Refs: {p2} {p3} -/
structure Benign (f : Nat → Nat) : Prop where
  ok : ∀ x, f x = f x

/-- Assumption: smoothness. Plain and safe.
Area: landscape
Status: established
Evidence: common.
Refs: none -/
structure Smooth (f : Nat → Nat) : Prop where
  ok : ∀ x, f x = f x

/-- Discharge: smooth functions are benign. {p1} -/
theorem benign_of_smooth (f : Nat → Nat) (h : Smooth f) : Benign f := ⟨fun _ => rfl⟩

/-- A result about `f`: {p0} and {p2} and {p3}. -/
theorem hostile_result (f : Nat → Nat) (h : Smooth f) : f 0 = f 0 := by
  have hb : Benign f := benign_of_smooth f h
  rfl

/-- The name itself is hostile. -/
theorem «<img src=y onerror=alert(9)>» (f : Nat → Nat) (h : Benign f) : f 1 = f 1 := rfl
"""


def write_hostile_project(root: Path) -> Path:
    """A one-file Lean project whose docstrings, metadata and names carry XSS payloads."""
    (root / "Hostile").mkdir(parents=True)
    (root / "lakefile.lean").write_text(
        "import Lake\nopen Lake DSL\npackage hostile\n@[default_target] lean_lib Hostile\n",
        encoding="utf-8",
    )
    body = HOSTILE_LEAN.format(p0=PAYLOADS[0], p1=PAYLOADS[1], p2=PAYLOADS[2], p3=PAYLOADS[3])
    (root / "Hostile" / "Basic.lean").write_text(
        "namespace Hostile\n" + body + "\nend Hostile\n", encoding="utf-8"
    )
    return root


def axiomdl(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "axiomdl", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )
