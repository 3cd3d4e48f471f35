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


# -- a whole project: modules that import each other, with assumptions that matter --------

_P_HEADER = """/-
Copyright (c) 2026 Benchmark. All rights reserved.
-/
{imports}
/-!
# Module {k} of a generated project

Assumptions, the definitions that bundle them, discharges, witnesses and results
whose proofs cite results of earlier modules.
-/

set_option autoImplicit false

namespace Proj.M{k}

open Nat

"""

_P_ASSUMPTION = """/-- Assumption: property {i} of the loss in module {k}.
Area: {area}
Status: plausible
Evidence: generated for the benchmark
Refs: none -/
structure A{i} (f : Nat → Nat) : Prop where
  bound : ∀ x, f x ≤ f x + {num}

"""

_P_BUNDLE = """/-- The conditions of section {i}: `{a}` and `{b}` together. -/
def Good{i} (f : Nat → Nat) : Prop := {a} f ∧ {b} f

"""

_P_DISCHARGE = """/-- Discharge: `{a}` gives `{b}`. -/
theorem dis_{i} (f : Nat → Nat) (h : {a} f) : {b} f :=
  ⟨fun x => Nat.le_add_right _ _⟩

"""

_P_WITNESS = """/-- Witness: the identity satisfies `{a}`. -/
example : {a} (fun x => x) := ⟨fun x => Nat.le_add_right _ _⟩

"""

_P_THEOREM = """/-- Result {i}: a bound under {hyps_doc}. -/
theorem thm_{i} (f : Nat → Nat) {binders}(n : Nat) : f n ≤ f n + {num} := by
{cites}{pad}  exact Nat.le_add_right _ _

"""

_P_LEMMA = """/-- Arithmetic helper {i}. -/
theorem lem_{i} {{a b : Nat}} (hab : a ≤ b) : a ≤ b + {num} :=
  Nat.le_trans hab (Nat.le_add_right b {num})

"""

_P_DEF = """/-- A helper function {i}, by structural recursion. -/
def fn_{i} : Nat → Nat
  | 0 => {num}
  | n + 1 => fn_{i} n + {cite}

"""

_KINDS = ("assumption", "bundle", "discharge", "theorem", "lemma")
_AREAS = ("landscape", "expressivity", "generalization", "foundations")


def project_module(
    k: int,
    n_decls: int,
    pad_bytes: int,
    rng: random.Random,
    by_module: list[dict[str, list[str]]],
    assumption_share: float = 0.06,
) -> str:
    """Module ``k`` of :func:`write_project`: ``n_decls`` declarations; ``by_module[j]``
    holds the names module ``j`` declared (by kind), and this module's are appended.
    A proof cites only its own module and the modules it imports, as Lean requires (a
    name in a module that is not imported does not exist there)."""
    imports = sorted({rng.randrange(k) for _ in range(min(k, 3))})
    known = {kind: [n for j in imports for n in by_module[j][kind]] for kind in _KINDS}
    parts = [
        _P_HEADER.format(
            k=k, imports="".join(f"import Proj.M{j}\n" for j in imports) or "import Init\n"
        )
    ]
    own: dict[str, list[str]] = {k: [] for k in _KINDS}

    def pick(kind: str) -> str | None:
        mine = own[kind]
        if mine and (rng.random() < 0.6 or not known[kind]):
            return rng.choice(mine)
        pool = known[kind]
        return rng.choice(pool) if pool else None

    for i in range(n_decls):
        q = f"{k}_{i}"
        num = k * n_decls + i
        r = rng.random()
        if i == 0 or r < assumption_share:
            parts.append(_P_ASSUMPTION.format(i=q, num=num, k=k, area=_AREAS[k % 4]))
            own["assumption"].append(f"Proj.M{k}.A{q}")
        elif r < assumption_share + 0.06:
            a, b = pick("assumption"), pick("assumption")
            parts.append(_P_BUNDLE.format(i=q, a=a, b=b))
            own["bundle"].append(f"Proj.M{k}.Good{q}")
        elif r < assumption_share + 0.09:
            parts.append(_P_DISCHARGE.format(i=q, a=pick("assumption"), b=pick("assumption")))
            own["discharge"].append(f"Proj.M{k}.dis_{q}")
        elif r < assumption_share + 0.11:
            parts.append(_P_WITNESS.format(a=pick("assumption")))
        elif r < 0.70:
            hyps = [pick("assumption") for _ in range(rng.choice((0, 1, 1, 2, 3)))]
            if rng.random() < 0.3 and (own["bundle"] or known["bundle"]):
                hyps.append(pick("bundle"))
            hyps = [h for h in dict.fromkeys(hyps) if h]
            binders = "".join(f"(h{j} : {h} f) " for j, h in enumerate(hyps))
            # mostly arithmetic lemmas; a result or a discharge now and then (derived sets)
            cited = [pick(rng.choice(("lemma", "lemma", "lemma", "theorem", "discharge")))]
            cited += [pick("lemma") for _ in range(rng.choice((0, 1, 1, 2)))]
            cites = "".join(f"  have c{j} := {c} f\n" for j, c in enumerate(cited) if c)
            pad = ""
            while len(pad) < pad_bytes:
                pad += f"  have _ : {len(pad)} ≤ {len(pad)} + n := Nat.le_add_right _ _\n"
            parts.append(
                _P_THEOREM.format(
                    i=q,
                    num=num,
                    binders=binders,
                    hyps_doc=", ".join(f"`{h.rsplit('.', 1)[-1]}`" for h in hyps) or "nothing",
                    cites=cites,
                    pad=pad,
                )
            )
            own["theorem"].append(f"Proj.M{k}.thm_{q}")
        elif r < 0.85:
            parts.append(_P_LEMMA.format(i=q, num=num))
            own["lemma"].append(f"Proj.M{k}.lem_{q}")
        else:
            parts.append(_P_DEF.format(i=q, num=num, cite=rng.randrange(1, 9)))
    parts.append(f"end Proj.M{k}\n")
    by_module.append(own)
    return "".join(parts)


def write_project(
    out: Path,
    decls: int,
    mb: float,
    per_module: int = 18,
    seed: int = 1,
    assumption_share: float = 0.06,
) -> dict:
    """A Lean project of about ``decls`` declarations and ``mb`` megabytes.

    Modules of ``per_module`` declarations import earlier ones and cite the results
    of those they import, so requires sets, derived assumptions and cross-module edges are all
    exercised; theorem proofs are padded with tactic lines to reach the size.
    ``assumption_share`` of the declarations are assumptions (6%: a library like
    AxiomDL; a general library names far fewer).
    Returns {"files", "bytes", "declarations"} (declarations as generated).
    """
    rng = random.Random(seed)
    modules = max(1, decls // per_module)
    theorems = modules * per_module * 0.53
    # bytes left after the fixed text of ~260 bytes/declaration, spent on theorem proofs
    pad = max(0, int((mb * 1e6 - modules * per_module * 260) / max(theorems, 1)))
    by_module: list[dict[str, list[str]]] = []
    written = 0
    for k in range(modules):
        text = project_module(k, per_module, pad, rng, by_module, assumption_share)
        p = out / "Proj" / f"M{k}.lean"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        written += len(text.encode())
    return {"files": modules, "bytes": written, "declarations": modules * per_module}
