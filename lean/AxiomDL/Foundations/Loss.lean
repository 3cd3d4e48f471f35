import AxiomDL.Foundations.InnerProduct

/-!
# Foundations: losses and the gradient oracle

A loss is a function `f : V → K` on the parameter space, and its gradient is an oracle
`g : V → V`. Nothing ties `g` to `f` here: the link is made by the landscape assumptions
themselves (convexity, smoothness, PL, … are inequalities mentioning both `f` and `g`).
This file defines the vocabulary shared by the landscape theorems: stationary points,
global minimisers, and local minimisers.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Loss

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] {V : Type v}

/-- `x` is a stationary point of the gradient oracle `g`: `g x = 0`. -/
def IsStationary (E : InnerProductSpace K V) (g : V → V) (x : V) : Prop :=
  g x = E.zero

/-- `x` is a global minimiser of the loss `f`. -/
def IsGlobalMin (f : V → K) (x : V) : Prop :=
  ∀ y : V, f x ≤ f y

/-- `x` is a local minimiser of `f`: it is a minimiser on some ball of positive squared
radius `r` around it. -/
def IsLocalMin (E : InnerProductSpace K V) (f : V → K) (x : V) : Prop :=
  ∃ r : K, 0 < r ∧ ∀ y : V, E.normSq (E.sub y x) ≤ r → f x ≤ f y

/-- Unfolding `IsStationary`. -/
theorem isStationary_iff (E : InnerProductSpace K V) (g : V → V) (x : V) :
    IsStationary E g x ↔ g x = E.zero :=
  Iff.rfl

/-- Unfolding `IsGlobalMin`. -/
theorem isGlobalMin_iff (f : V → K) (x : V) : IsGlobalMin f x ↔ ∀ y : V, f x ≤ f y :=
  Iff.rfl

end Loss

section LossLemmas

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- At a stationary point the squared gradient norm vanishes. -/
theorem normSq_eq_zero_of_isStationary (E : InnerProductSpace K V) (g : V → V) {x : V}
    (hx : IsStationary E g x) : E.normSq (g x) = 0 := by
  have h : g x = E.zero := hx
  rw [h]
  exact E.normSq_zero

/-- A point whose squared gradient norm vanishes is stationary. -/
theorem isStationary_of_normSq_eq_zero (E : InnerProductSpace K V) (g : V → V) {x : V}
    (h : E.normSq (g x) = 0) : IsStationary E g x :=
  E.eq_zero_of_normSq_eq_zero h

/-- A global minimiser is a local minimiser. -/
theorem isLocalMin_of_isGlobalMin (E : InnerProductSpace K V) (f : V → K) {x : V}
    (hx : IsGlobalMin f x) : IsLocalMin E f x := by
  show ∃ r : K, 0 < r ∧ ∀ y : V, E.normSq (E.sub y x) ≤ r → f x ≤ f y
  refine ⟨1, ?_, ?_⟩
  · grind
  · intro y _
    exact hx y

end LossLemmas

end AxiomDL
