"""Deterministic generator of realistic Lean 4 source for benchmarks.

The text mixes Mathlib- and Batteries-style idioms: module docs, namespaces,
variables, structures with docstring headers, theorems with tactic proofs,
term-mode proofs, match arms, calc blocks and comments.
"""

from __future__ import annotations

import random
from pathlib import Path

_HEADER = """/-
Copyright (c) 2026 Benchmark. All rights reserved.
-/
import Init
import Std

/-!
# Generated module {mod}

Synthetic but realistic Lean 4 text with «names» and nested
/- comments /- inside -/ comments -/.
-/

set_option autoImplicit false

namespace Bench.{ns}

open Nat in
variable {{K : Type}} [Add K] [Mul K] (f : K → K)

"""

_ASSUMPTION = """/-- Assumption: property {i} of the loss.
Area: landscape
Status: plausible
Evidence: synthetic
Refs: none -/
structure Prop{i} (g : K → K) (c : K) : Prop where
  bound : ∀ x, g x = g x
  other : c = c

"""

_THEOREM = """/-- Result {i}: uses `Prop{j}`, with a `string` below. -/
@[simp] theorem thm_{i} (c : K) (h : Prop{j} f c) (n : Nat) : n + 0 = n ∧ c = c := by
  have hb : ∀ x, f x = f x := h.bound
  constructor
  · induction n with
    | zero => rfl
    | succ k ih => simp only [Nat.add_zero]
  · exact h.other  -- trailing comment with `sorry` in a comment

/-- Monotonicity {i} in the style of core's `Nat` lemmas. -/
theorem mono_{i} {{a b c : Nat}} (h₁ : a ≤ b) (h₂ : b ≤ c) : a + {i} ≤ c + {i} := by
  have h₃ : a ≤ c := Nat.le_trans h₁ h₂
  omega

"""

_TERM = """theorem term_{i} {{a b : Nat}} (hab : a ≤ b) : a ≤ b + {i} :=
  Nat.le_trans hab (Nat.le_add_right b {i})

def str_{i} : String := "-- /- not a comment {i}"

private def helper_{i} : Nat → Nat
  | 0 => {i}
  | n + 1 => helper_{i} n + 1

lemma calc_{i} (x : Nat) : x + {i} = {i} + x := by
  calc x + {i} = {i} + x := Nat.add_comm x {i}
    _ = {i} + x := rfl

"""

_INSTANCE = """instance inst_{i} : Inhabited (Fin ({i} + 1)) := ⟨0⟩

example : thm_{j} = thm_{j} := rfl

"""


_MODERN_HEADER = """/-
Copyright (c) 2026 Benchmark. All rights reserved.
-/
module

public import Init
public meta import Std

/-!
# Generated module {mod} (module system)
-/

@[expose] public section

set_option autoImplicit false

namespace Bench.{ns}

open Nat in
variable {{K : Type}} [Add K] [Mul K] (f : K → K)

"""

_MODERN_EXTRA = """instance : Inhabited (Prop{j} f 0 → Prop{j} f 0) := ⟨id⟩

protected def size_{i} (n : Nat) : Nat := n + {i}

include f in
theorem uses_f_{i} : f = f := rfl

"""


def module_text(seed: int, decls: int, modern: bool = False) -> str:
    """One module of about ``decls`` declarations; ``modern``: in the module system, with
    anonymous instances, protected names and `include … in` (Batteries style)."""
    rng = random.Random(seed)
    header = _MODERN_HEADER if modern else _HEADER
    parts = [header.format(mod=seed, ns=f"M{seed}")]
    for i in range(decls):
        r = rng.random()
        if i == 0 or r < 0.15:
            parts.append(_ASSUMPTION.format(i=i))
            last = i
        elif r < 0.55:
            parts.append(_THEOREM.format(i=i, j=last))
        elif r < 0.85:
            parts.append(_TERM.format(i=i))
        else:
            parts.append(_INSTANCE.format(i=i, j=max(0, i - 1) if i - 1 != last else i - 1))
        if modern and r > 0.9:
            parts.append(_MODERN_EXTRA.format(i=i, j=last))
    parts.append(f"end Bench.M{seed}\n")
    return "".join(parts)


def write_corpus(
    out: Path, total_bytes: int, file_bytes: int = 100_000, modern: bool = False
) -> tuple[int, int]:
    """Write modules under ``out`` until ``total_bytes``; return (files, bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    written = files = 0
    seed = 0
    while written < total_bytes:
        text = module_text(seed, max(4, file_bytes // 600), modern)
        p = out / f"Bench/M{seed:05d}.lean"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        written += len(text.encode())
        files += 1
        seed += 1
    return files, written
