import AxiomDL.Generalization.Probability

/-!
# Generalisation: empirical and population risk

* The empirical risk of a hypothesis `h` on a sample `S` is the average of the losses,
  `empRisk loss h S = (∑_{z ∈ S} loss h z) / |S|`. On the empty sample this is `0 / 0 = 0`
  in Lean; theorems that need a genuine average assume `S ≠ []`.
* The population risk is an abstract expectation `D.E (loss h)` for an `Expectation K Z`, an
  axiomatic linear, monotone, normalised functional on *all* of `Z → K`. Its models are the
  finite weighted averages: the point mass `Expectation.pointMass` and the equal-weight mixture
  `Expectation.mix` of two expectations (so the average over two points). Integration against
  a measure is a model only where every function `Z → K` is integrable (for example a finite
  `Z`); on a general space it must first be extended to all functions.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization

/-- Assumption: an abstract expectation on scalar functions of `Z`: additive, homogeneous,
monotone and normalised.
Area: foundations
Status: established
Evidence: The models are the normalised positive linear functionals on all functions `Z → K`: finite weighted averages (point masses and their mixtures); integration against a probability measure is one only where every function is integrable (finite `Z`), otherwise only after extension to all functions.
Refs: Kolmogorov (1933); Billingsley, "Probability and Measure", ch. 3.
-/
structure Expectation (K : Type u) [Lean.Grind.Field K] [LE K] (Z : Type v) where
  /-- The expectation of a function. -/
  E : (Z → K) → K
  /-- Additivity. -/
  map_add : ∀ f g : Z → K, E (fun z => f z + g z) = E f + E g
  /-- Homogeneity. -/
  map_smul : ∀ (c : K) (f : Z → K), E (fun z => c * f z) = c * E f
  /-- Monotonicity. -/
  mono : ∀ f g : Z → K, (∀ z, f z ≤ g z) → E f ≤ E g
  /-- Normalisation on constants. -/
  map_const : ∀ c : K, E (fun _ => c) = c

namespace Expectation

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Z : Type v}

/-- The expectation of a difference is the difference of expectations. -/
theorem map_sub (D : Expectation K Z) (f g : Z → K) :
    D.E (fun z => f z - g z) = D.E f - D.E g := by
  have hadd : D.E (fun z => (f z - g z) + g z) = D.E (fun z => f z - g z) + D.E g :=
    D.map_add (fun z => f z - g z) g
  have hfun : (fun z => (f z - g z) + g z) = f := by
    funext z
    grind
  rw [hfun] at hadd
  grind

/-- A pointwise bound on a difference bounds the difference of expectations. -/
theorem sub_le_of_forall_sub_le (D : Expectation K Z) (f g : Z → K) (β : K)
    (h : ∀ z, f z - g z ≤ β) : D.E f - D.E g ≤ β := by
  have h1 : D.E (fun z => f z - g z) ≤ D.E (fun _ => β) := D.mono _ _ h
  have h2 : D.E (fun _ => β) = β := D.map_const β
  have h3 : D.E (fun z => f z - g z) = D.E f - D.E g := D.map_sub f g
  grind

/-- Expectations of nonnegative functions are nonnegative. -/
theorem nonneg (D : Expectation K Z) (f : Z → K) (h : ∀ z, 0 ≤ f z) : 0 ≤ D.E f := by
  have h1 : D.E (fun _ => (0 : K)) ≤ D.E f := D.mono _ _ h
  have h2 : D.E (fun _ => (0 : K)) = 0 := D.map_const 0
  grind

/-- The point evaluation `f ↦ f z₀` is an expectation (the point mass at `z₀`). -/
def pointMass (z₀ : Z) : Expectation K Z where
  E := fun f => f z₀
  map_add := fun _ _ => rfl
  map_smul := fun _ _ => rfl
  mono := fun _ _ h => h z₀
  map_const := fun _ => rfl

/-- The equal-weight mixture `f ↦ (D₁.E f + D₂.E f) / 2` of two expectations. -/
def mix (D₁ D₂ : Expectation K Z) : Expectation K Z where
  E := fun f => (D₁.E f + D₂.E f) / 2
  map_add := by
    intro f g
    show (D₁.E (fun z => f z + g z) + D₂.E (fun z => f z + g z)) / 2
      = (D₁.E f + D₂.E f) / 2 + (D₁.E g + D₂.E g) / 2
    rw [D₁.map_add f g, D₂.map_add f g]
    have e : D₁.E f + D₁.E g + (D₂.E f + D₂.E g) = (D₁.E f + D₂.E f) + (D₁.E g + D₂.E g) := by
      grind
    rw [e]
    exact add_div_same_denom _ _ _
  map_smul := by
    intro c f
    show (D₁.E (fun z => c * f z) + D₂.E (fun z => c * f z)) / 2 = c * ((D₁.E f + D₂.E f) / 2)
    rw [D₁.map_smul c f, D₂.map_smul c f]
    have h1 : (c * D₁.E f + c * D₂.E f) / 2 = (c * D₁.E f + c * D₂.E f) * (1 / 2) :=
      AxiomDL.div_eq_mul_one_div _ _
    have h2 : (D₁.E f + D₂.E f) / 2 = (D₁.E f + D₂.E f) * (1 / 2) :=
      AxiomDL.div_eq_mul_one_div _ _
    rw [h1, h2]
    grind
  mono := by
    intro f g h
    show (D₁.E f + D₂.E f) / 2 ≤ (D₁.E g + D₂.E g) / 2
    have h1 : D₁.E f ≤ D₁.E g := D₁.mono f g h
    have h2 : D₂.E f ≤ D₂.E g := D₂.mono f g h
    have h12 : D₁.E f + D₂.E f ≤ D₁.E g + D₂.E g := by grind
    have htwo : (0 : K) < 2 := by grind
    exact div_le_div_of_le_of_pos h12 htwo
  map_const := by
    intro c
    show (D₁.E (fun _ => c) + D₂.E (fun _ => c)) / 2 = c
    rw [D₁.map_const c, D₂.map_const c]
    have htwo : (2 : K) ≠ 0 := by grind
    have h1 : (c + c) / 2 = (c + c) * (1 / 2) := AxiomDL.div_eq_mul_one_div _ _
    have h2 : (2 : K) * (1 / 2) = 1 := AxiomDL.mul_one_div_cancel htwo
    have h3 : (c + c) * (1 / 2) = c * (2 * (1 / 2)) := by grind
    rw [h1, h3, h2]
    grind

end Expectation

/-- Witness: `Expectation` is satisfiable over `Rat`: evaluation at a point of `Unit`. -/
example : Expectation Rat Unit := Expectation.pointMass ()

/-- Witness: `Expectation` is satisfiable over `Rat` by an expectation that is not a point
evaluation: the average `f ↦ (f true + f false) / 2` over the two booleans. -/
example : Expectation Rat Bool :=
  Expectation.mix (Expectation.pointMass true) (Expectation.pointMass false)

section Risk

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {H : Type w} {Z : Type v}

/-- The empirical risk: the average loss of `h` on the sample `S` (`0` on the empty sample). -/
def empRisk (loss : H → Z → K) (h : H) (S : List Z) : K :=
  sumOver S (loss h) / natToScalar S.length

/-- The population risk: the expected loss of `h` under `D`. -/
def popRisk (D : Expectation K Z) (loss : H → Z → K) (h : H) : K := D.E (loss h)

/-- The generalisation gap `popRisk - empRisk`. -/
def genGap (D : Expectation K Z) (loss : H → Z → K) (h : H) (S : List Z) : K :=
  popRisk D loss h - empRisk loss h S

/-- On a nonempty sample, `|S| · empRisk = ∑ losses`. -/
theorem natToScalar_mul_empRisk (loss : H → Z → K) (h : H) {S : List Z} (hS : S ≠ []) :
    natToScalar S.length * empRisk loss h S = sumOver S (loss h) := by
  have hpos : (0 : K) < natToScalar S.length := by
    apply natToScalar_pos
    cases S with
    | nil => exact absurd rfl hS
    | cons z zs => exact Nat.succ_pos zs.length
  have hne : (natToScalar S.length : K) ≠ 0 := by grind
  exact AxiomDL.mul_div_cancel_left hne

/-- On a one-example sample the empirical risk is the loss at that example. -/
theorem empRisk_singleton (loss : H → Z → K) (h : H) (z : Z) : empRisk loss h [z] = loss h z := by
  have hne : [z] ≠ ([] : List Z) := by
    intro hz
    cases hz
  have hmul : natToScalar [z].length * empRisk loss h [z] = sumOver [z] (loss h) :=
    natToScalar_mul_empRisk loss h hne
  have hn : (natToScalar [z].length : K) = 1 := by
    have e1 : (natToScalar 1 : K) = natToScalar 0 + 1 := natToScalar_succ 0
    have e0 : (natToScalar 0 : K) = 0 := natToScalar_zero
    show (natToScalar 1 : K) = 1
    grind
  have hs : sumOver [z] (loss h) = loss h z + sumOver ([] : List Z) (loss h) :=
    sumOver_cons z [] (loss h)
  have hs0 : sumOver ([] : List Z) (loss h) = 0 := sumOver_nil (loss h)
  rw [hn] at hmul
  grind

/-- The empirical risk of a nonnegative loss is nonnegative. -/
theorem empRisk_nonneg (loss : H → Z → K) (h : H) (S : List Z) (hl : ∀ z, 0 ≤ loss h z) :
    0 ≤ empRisk loss h S := by
  have hsum : 0 ≤ sumOver S (loss h) := sumOver_nonneg S (fun z _ => hl z)
  cases S with
  | nil =>
    have h0 : sumOver ([] : List Z) (loss h) = 0 := sumOver_nil _
    have hdiv : (0 : K) / natToScalar ([] : List Z).length
        = 0 * (natToScalar ([] : List Z).length)⁻¹ :=
      Lean.Grind.Field.div_eq_mul_inv _ _
    show 0 ≤ sumOver ([] : List Z) (loss h) / natToScalar ([] : List Z).length
    rw [h0]
    grind
  | cons z zs =>
    have hpos : (0 : K) < natToScalar (z :: zs).length :=
      natToScalar_pos (Nat.succ_pos zs.length)
    exact AxiomDL.div_nonneg hsum hpos

/-- The empirical risk of a zero-loss hypothesis is zero. -/
theorem empRisk_eq_zero (loss : H → Z → K) (h : H) (S : List Z) (hl : ∀ z ∈ S, loss h z = 0) :
    empRisk loss h S = 0 := by
  have hsum : sumOver S (loss h) = 0 := by
    have hle : sumOver S (loss h) ≤ sumOver S (fun _ => (0 : K)) :=
      sumOver_le_sumOver S (fun z hz => by
        have hz0 : loss h z = 0 := hl z hz
        show loss h z ≤ 0
        grind)
    have hge : sumOver S (fun _ => (0 : K)) ≤ sumOver S (loss h) :=
      sumOver_le_sumOver S (fun z hz => by
        have hz0 : loss h z = 0 := hl z hz
        show (0 : K) ≤ loss h z
        grind)
    have hz : sumOver S (fun _ => (0 : K)) = 0 := sumOver_zero S
    grind
  have hdiv : sumOver S (loss h) / natToScalar S.length
      = sumOver S (loss h) * (natToScalar S.length)⁻¹ :=
    Lean.Grind.Field.div_eq_mul_inv _ _
  show sumOver S (loss h) / natToScalar S.length = 0
  rw [hdiv, hsum]
  grind

/-- The population risk of a nonnegative loss is nonnegative. -/
theorem popRisk_nonneg (D : Expectation K Z) (loss : H → Z → K) (h : H)
    (hl : ∀ z, 0 ≤ loss h z) : 0 ≤ popRisk D loss h :=
  D.nonneg (loss h) hl

end Risk

end AxiomDL.Generalization
