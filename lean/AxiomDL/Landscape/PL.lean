import AxiomDL.Foundations

/-!
# Landscape assumptions: the Polyak–Łojasiewicz inequality

The μ-PL inequality `μ (f x - f*) ≤ ½ ‖g x‖²`, and its PL* variant for nonnegative losses of
over-parameterised models (Liu–Zhu–Belkin), stated on a region `S` of parameter space (in
their theorem, a ball around the initialisation).
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section PL

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: the μ-Polyak–Łojasiewicz inequality relative to the value `fstar`,
`μ (f x - fstar) ≤ ½ ‖g x‖²` for every `x`. The notion needs `μ > 0` (at `μ ≤ 0` it holds for
every loss bounded below by `fstar`); the structure keeps the single field `pl`, every theorem
of the landscape area that assumes it also assumes `0 < μ`, and every discharge of the area that
concludes it does so with a positive constant.
Area: landscape
Status: plausible
Evidence: Holds near initialisation for sufficiently wide networks (via the NTK's smallest eigenvalue, Liu–Zhu–Belkin 2022) and along many measured training trajectories; fails globally where spurious local minima or saddles exist.
Refs: Polyak, "Gradient methods for minimizing functionals" (1963); Łojasiewicz (1963); Karimi, Nutini, Schmidt (ECML-PKDD 2016); Liu, Zhu, Belkin (ACHA 2022).
Probe: pl-trajectory
-/
structure PolyakLojasiewicz (E : InnerProductSpace K V) (f : V → K) (g : V → V) (μ fstar : K) :
    Prop where
  /-- The PL inequality. -/
  pl : ∀ x : V, μ * (f x - fstar) ≤ E.normSq (g x) / 2

/-- Assumption: the μ-PL* inequality of Liu–Zhu–Belkin on a nonempty region `S`, with `μ > 0`:
for a nonnegative loss of an over-parameterised model, `μ f x ≤ ½ ‖g x‖²` for every `x ∈ S` (PL
with `f* = 0`).
Area: landscape
Status: plausible
Evidence: Proved for sufficiently wide networks on a ball around initialisation whose radius grows with width (Liu–Zhu–Belkin 2022); for practical widths it is measured, not proved, and it fails at non-global minima outside `S`.
Refs: Liu, Zhu, Belkin, "Loss landscapes and optimization in over-parameterized non-linear systems and neural networks" (ACHA 2022); Jacot, Gabriel, Hongler, "Neural Tangent Kernel" (NeurIPS 2018).
Probe: pl-trajectory
-/
structure PLStarOn (E : InnerProductSpace K V) (f : V → K) (g : V → V) (μ : K) (S : V → Prop) :
    Prop where
  /-- The PL* constant is positive. -/
  pos : 0 < μ
  /-- The region is nonempty (in Liu–Zhu–Belkin, a ball around the initialisation). -/
  nonempty : ∃ x : V, S x
  /-- The PL* inequality on `S`. -/
  pl_star : ∀ x : V, S x → μ * f x ≤ E.normSq (g x) / 2

end PL

end AxiomDL
