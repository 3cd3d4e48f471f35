import AxiomDL.Landscape.Curvature

/-!
# Landscape assumptions: the edge-of-stability hypothesis

Cohen et al. (2021) observe that full-batch GD with step size `η` on neural networks first
sharpens (the largest Hessian eigenvalue grows) until the sharpness reaches about `2/η`, and then
hovers there while the loss keeps decreasing over long horizons, non-monotonically. The
sharpness is an oracle `sharp : V → K` tied to the loss by `IsSharpness` (`Landscape.Curvature`):
`sharp x` is the least upper curvature of `f` at `x`, which for twice continuously
differentiable losses is the top Hessian eigenvalue.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section EoS

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: the edge-of-stability hypothesis for GD from `x0` with step size `η > 0` and
tolerance `ε > 0`. The oracle `sharp` is the sharpness of `f` (`IsSharpness`); after some time
`T0` the sharpness of the iterates stays within `ε` of `2/η`, and yet the loss keeps decreasing
in the long run (every iterate is beaten by a later one).
Area: landscape
Status: contested
Evidence: Observed across architectures for full-batch GD (Cohen et al. 2021); mechanisms are debated (self-stabilisation, Damian et al. 2023; Arora et al. 2022), and for SGD the sharpness settles below `2/η`, depending on batch size.
Refs: Cohen, Kaur, Li, Kolter, Talwalkar, "Gradient Descent on Neural Networks Typically Occurs at the Edge of Stability" (ICLR 2021); Damian, Nichani, Lee, "Self-Stabilization" (ICLR 2023); Arora, Li, Panigrahi (ICML 2022).
Probe: edge-of-stability
-/
structure EdgeOfStability (E : InnerProductSpace K V) (f : V → K) (g : V → V) (sharp : V → K)
    (η ε : K) (x0 : V) : Prop where
  /-- The step size is positive (so `2/η` is not the junk value `2/0 = 0`). -/
  step_pos : 0 < η
  /-- The tolerance is positive. -/
  tol_pos : 0 < ε
  /-- `sharp` is the sharpness of `f`. -/
  sharpness : IsSharpness E f g sharp
  /-- The sharpness hovers in `[2/η - ε, 2/η + ε]` after some time. -/
  hovers : ∃ T0 : Nat, ∀ t : Nat, T0 ≤ t →
    2 / η - ε ≤ sharp (gdIter E g η x0 t) ∧ sharp (gdIter E g η x0 t) ≤ 2 / η + ε
  /-- The loss still decreases in the long run. -/
  long_run_decrease : ∀ t : Nat, ∃ s : Nat, t < s ∧ f (gdIter E g η x0 s) < f (gdIter E g η x0 t)

end EoS

end AxiomDL
