import AxiomDL.Foundations.InnerProduct

/-!
# Foundations: gradient descent and stochastic gradient descent

The gradient-descent step `x ↦ x - η • g x` and its iterates, and the stochastic variant
in which the step uses a sampled gradient `sg (ξ t) x` for a sample sequence `ξ : Nat → ι`.
Iterates are defined by structural recursion on `Nat`, so their defining equations hold by
`rfl`.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL

section GD

variable {K : Type u} [Lean.Grind.Field K] [LE K] {V : Type v}

/-- One gradient-descent step with step size `η`: `x - η • g x`. -/
def gdStep (E : InnerProductSpace K V) (g : V → V) (η : K) (x : V) : V :=
  E.sub x (E.smul η (g x))

/-- The gradient-descent iterates `x_0, x_1, …` from `x0` with step size `η`. -/
def gdIter (E : InnerProductSpace K V) (g : V → V) (η : K) (x0 : V) : Nat → V
  | 0 => x0
  | t + 1 => gdStep E g η (gdIter E g η x0 t)

/-- Unfolding one gradient-descent step. -/
theorem gdStep_def (E : InnerProductSpace K V) (g : V → V) (η : K) (x : V) :
    gdStep E g η x = E.sub x (E.smul η (g x)) :=
  rfl

/-- The zeroth iterate is the initial point. -/
theorem gdIter_zero (E : InnerProductSpace K V) (g : V → V) (η : K) (x0 : V) :
    gdIter E g η x0 0 = x0 :=
  rfl

/-- The next iterate is one step from the current one. -/
theorem gdIter_succ (E : InnerProductSpace K V) (g : V → V) (η : K) (x0 : V) (t : Nat) :
    gdIter E g η x0 (t + 1) = gdStep E g η (gdIter E g η x0 t) :=
  rfl

/-- One stochastic-gradient step with the sampled gradient `s`: `x - η • s x`. -/
def sgdStep {ι : Type w} (E : InnerProductSpace K V) (sg : ι → V → V) (η : K) (i : ι)
    (x : V) : V :=
  E.sub x (E.smul η (sg i x))

/-- The SGD iterates driven by the sample sequence `ξ`. -/
def sgdIter {ι : Type w} (E : InnerProductSpace K V) (sg : ι → V → V) (η : K) (ξ : Nat → ι)
    (x0 : V) : Nat → V
  | 0 => x0
  | t + 1 => sgdStep E sg η (ξ t) (sgdIter E sg η ξ x0 t)

/-- The zeroth SGD iterate is the initial point. -/
theorem sgdIter_zero {ι : Type w} (E : InnerProductSpace K V) (sg : ι → V → V) (η : K)
    (ξ : Nat → ι) (x0 : V) : sgdIter E sg η ξ x0 0 = x0 :=
  rfl

/-- The next SGD iterate is one sampled step from the current one. -/
theorem sgdIter_succ {ι : Type w} (E : InnerProductSpace K V) (sg : ι → V → V) (η : K)
    (ξ : Nat → ι) (x0 : V) (t : Nat) :
    sgdIter E sg η ξ x0 (t + 1) = sgdStep E sg η (ξ t) (sgdIter E sg η ξ x0 t) :=
  rfl

end GD

end AxiomDL
