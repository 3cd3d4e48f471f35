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


_WORDS = [
    "Smooth",
    "Lipschitz",
    "Convex",
    "Gradient",
    "Bounded",
    "Noise",
    "Kernel",
    "Margin",
    "Width",
    "Depth",
    "Stable",
    "Flat",
    "Minima",
    "Sharp",
    "Implicit",
    "Bias",
    "Lazy",
    "Feature",
    "Learning",
    "Uniform",
    "Concentration",
    "Spectral",
    "Decay",
    "Overparam",
    "Interpolation",
    "Benign",
    "Overfitting",
    "Compression",
    "Scaling",
    "Power",
    "Law",
    "Mean",
    "Field",
    "Neural",
    "Tangent",
    "Edge",
    "Stability",
    "Landscape",
    "Connected",
    "Mode",
    "Rademacher",
    "Sample",
    "Complexity",
]
_AREAS = ("landscape", "expressivity", "generalization", "foundations")
_STATUSES = ("established", "plausible", "contested", "refuted-in-regime")


def growth_names(n: int) -> list[str]:
    """n distinct CamelCase names of 1–4 words (6 to about 40 characters), deterministic."""
    names: list[str] = []
    seen: set[str] = set()
    k = 0
    while len(names) < n:
        words = 1 + (k * 7) % 4
        name = "".join(_WORDS[(k * 13 + j * 17) % len(_WORDS)] for j in range(words))
        if name in seen:
            name += str(k)
        seen.add(name)
        names.append(name)
        k += 1
    return names


def write_growth_project(root: Path, n: int = 150) -> Path:
    """A Lean project with n assumptions and conjectures in four areas (the library grown to
    twice its size): discharges between neighbours of an area, and theorems requiring a
    skewed selection of them, so some are required by many results and most by few."""
    names = growth_names(n)
    parts = ["namespace Grow\n"]
    for k, name in enumerate(names):
        meta = f"Area: {_AREAS[k % 4]}\nStatus: {_STATUSES[(k // 4) % 4]}"
        if k % 9 == 8:
            parts.append(
                f"/-- Conjecture: property {k}.\n{meta} -/\n"
                f"def {name} (f : Nat → Nat) : Prop := ∀ x, f x = f x\n"
            )
        else:
            parts.append(
                f"/-- Assumption: property {k}.\n{meta} -/\n"
                f"structure {name} (f : Nat → Nat) : Prop where\n  ok : ∀ x, f x = f x\n"
            )
    for k in range(0, n - 4, 3):  # k and k + 4 share an area
        a, b = names[k], names[k + 4]
        if k % 9 == 8 or (k + 4) % 9 == 8:
            continue
        parts.append(
            f"/-- Discharge: {a} gives {b}. -/\n"
            f"theorem d{k} (f : Nat → Nat) (h : {a} f) : {b} f := ⟨fun _ => rfl⟩\n"
        )
    for t in range(2 * n):
        a, b = names[(t * t) % (n // 3)], names[(t * 7) % n]
        parts.append(f"theorem t{t} (f : Nat → Nat) (h : {a} f) (h' : {b} f) : f 0 = f 0 := rfl\n")
    parts.append("end Grow\n")
    (root / "Grow").mkdir(parents=True)
    (root / "lakefile.lean").write_text(
        "import Lake\nopen Lake DSL\npackage grow\n@[default_target] lean_lib Grow\n",
        encoding="utf-8",
    )
    (root / "Grow" / "Basic.lean").write_text("\n".join(parts), encoding="utf-8")
    return root
