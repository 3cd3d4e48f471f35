import AxiomDL.Foundations

/-!
# Landscape assumptions: gradient noise

A deterministic, worst-case form of the bounded-variance assumption for SGD: every sampled
gradient `sg i x` is within squared distance `σsq` of the true gradient `g x`. Stated this way
the SGD analysis needs no probability theory: it holds for every sample sequence.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL

section Noise

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: bounded gradient noise (deterministic worst case). For every sample `i` and
parameter `x`, `‖sg i x - g x‖² ≤ σsq`.
Area: landscape
Status: contested
Evidence: Stronger than the usual bounded-variance assumption; gradient noise of deep networks is reported heavy-tailed (Simsekli et al. 2019, contested by Panigrahi et al. 2019) and, under interpolation, scales with the loss rather than being uniformly bounded.
Refs: Bottou, Curtis, Nocedal, "Optimization Methods for Large-Scale Machine Learning" (SIAM Review 2018), §4; Simsekli, Sagun, Gürbüzbalaban (ICML 2019); Panigrahi, Somani, Goyal, Netrapalli, "Non-Gaussianity of stochastic gradient noise" (2019).
-/
structure BoundedGradientNoise {ι : Type w} (E : InnerProductSpace K V) (g : V → V)
    (sg : ι → V → V) (σsq : K) : Prop where
  /-- Every sampled gradient is within `σsq` (squared) of the true gradient. -/
  noise : ∀ (i : ι) (x : V), E.normSq (E.sub (sg i x) (g x)) ≤ σsq

end Noise

end AxiomDL
