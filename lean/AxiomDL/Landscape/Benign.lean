import AxiomDL.Foundations

/-!
# Landscape assumptions: benign landscape

The hypothesis that a loss has no spurious stationary points: every stationary point of the
gradient oracle is a global minimiser.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Benign

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: benign landscape. Every stationary point (`g x = 0`) is a global minimiser.
Area: landscape
Status: refuted-in-regime
Evidence: True for deep linear networks (all local minima global) and matrix completion; false for small ReLU networks, where spurious local minima are common (Safran–Shamir 2018), and in general saddle points are stationary but not minimal.
Refs: Kawaguchi, "Deep Learning without Poor Local Minima" (NeurIPS 2016); Ge, Lee, Ma, "Matrix Completion has No Spurious Local Minimum" (NeurIPS 2016); Safran, Shamir, "Spurious Local Minima are Common in Two-Layer ReLU Neural Networks" (ICML 2018); Yun, Sra, Jadbabaie (ICLR 2019).
-/
structure BenignLandscape (E : InnerProductSpace K V) (f : V → K) (g : V → V) : Prop where
  /-- Stationary points are global minimisers. -/
  stationary_global : ∀ x : V, IsStationary E g x → IsGlobalMin f x

end Benign

end AxiomDL
