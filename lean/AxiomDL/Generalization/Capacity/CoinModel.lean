import AxiomDL.Generalization.Witnesses

/-!
# Capacity: the fair-coin model used by the witnesses

The witnesses of the capacity assumptions live on one small model over `Rat`: the sample is
one fair coin flip `ω ∈ {true, false}` (as a probability, `coinProb`, the uniform distribution
on the two booleans; as an expectation, `coinExp`, the average of the two values), the example
is the flip itself, and the hypotheses are the two constant predictions, scored by the 0-1 loss.
Every hypothesis then has population risk `1/2`, and its empirical risk on the one-example
sample is `0` or `1`. This file collects the facts about the model that the witnesses use:
the two descriptions of the coin agree (`coin_same_law`), and the risks are as stated.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL.Generalization.Capacity

section Events

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v}

/-- An event that never happens has probability at most any `δ ≥ 0`. -/
theorem prob_le_of_forall_not (μ : FinAddProb K Ω) {A : Ω → Prop} (h : ∀ ω, ¬ A ω) {δ : K}
    (hδ : 0 ≤ δ) : μ.P A ≤ δ := by
  have h1 : μ.P A ≤ μ.P (fun _ => False) := μ.prob_mono (fun ω ha => h ω ha)
  have h2 : μ.P (fun _ => False) = 0 := μ.prob_false
  grind

/-- An event that always happens has probability at least `1 - δ` for any `δ ≥ 0`. -/
theorem sub_le_prob_of_forall (μ : FinAddProb K Ω) {A : Ω → Prop} (h : ∀ ω, A ω) {δ : K}
    (hδ : 0 ≤ δ) : 1 - δ ≤ μ.P A := by
  have h1 : μ.P (fun _ => True) ≤ μ.P A := μ.prob_mono (fun ω _ => h ω)
  have h2 : μ.P (fun _ => True) = 1 := μ.univ
  grind

end Events

/-- The fair coin as a finitely additive probability on `Bool`. -/
noncomputable def coinProb : FinAddProb Rat Bool := uniformOn [true, false] bool_list_ne_nil

/-- The fair coin as an expectation on `Bool`: `f ↦ (f true + f false) / 2`. -/
def coinExp : Expectation Rat Bool :=
  Expectation.mix (Expectation.pointMass true) (Expectation.pointMass false)

/-- Unfolding the fair-coin expectation. -/
theorem coinExp_E (f : Bool → Rat) : Expectation.E coinExp f = (f true + f false) / 2 := rfl

/-- `2` as a scalar. -/
theorem natToScalar_two_rat : (natToScalar 2 : Rat) = 2 := by
  have e2 : (natToScalar 2 : Rat) = natToScalar 1 + 1 := natToScalar_succ 1
  have e1 : (natToScalar 1 : Rat) = natToScalar 0 + 1 := natToScalar_succ 0
  have e0 : (natToScalar 0 : Rat) = 0 := natToScalar_zero
  grind

/-- The `Nat` indicator and the scalar indicator agree. -/
theorem natToScalar_natInd (p : Prop) : (natToScalar (natInd p) : Rat) = indicator p := by
  by_cases hp : p
  · have e1 : natInd p = 1 := natInd_of_pos hp
    have e2 : (indicator p : Rat) = 1 := indicator_of_pos hp
    have e3 : (natToScalar 1 : Rat) = natToScalar 0 + 1 := natToScalar_succ 0
    have e0 : (natToScalar 0 : Rat) = 0 := natToScalar_zero
    rw [e1, e2]
    grind
  · have e1 : natInd p = 0 := natInd_of_neg hp
    have e2 : (indicator p : Rat) = 0 := indicator_of_neg hp
    rw [e1, e2, natToScalar_zero]

/-- The two descriptions of the fair coin agree: the probability of every event is the
expectation of its indicator. -/
theorem coin_same_law (A : Bool → Prop) :
    FinAddProb.P coinProb A = Expectation.E coinExp (fun ω => indicator (A ω)) := by
  have e1 : FinAddProb.P coinProb A
      = natToScalar (countWhere A [true, false]) / natToScalar [true, false].length :=
    uniformOn_P [true, false] bool_list_ne_nil A
  have e2 : countWhere A [true, false] = natInd (A true) + (natInd (A false) + 0) := rfl
  have e3 : (natToScalar (natInd (A true) + (natInd (A false) + 0)) : Rat)
      = natToScalar (natInd (A true)) + (natToScalar (natInd (A false)) + natToScalar 0) := by
    rw [natToScalar_add_nat, natToScalar_add_nat]
  have e4 : (natToScalar [true, false].length : Rat) = 2 := natToScalar_two_rat
  have e5 : (natToScalar (natInd (A true)) : Rat) = indicator (A true) := natToScalar_natInd _
  have e6 : (natToScalar (natInd (A false)) : Rat) = indicator (A false) := natToScalar_natInd _
  have e0 : (natToScalar 0 : Rat) = 0 := natToScalar_zero
  have e7 : Expectation.E coinExp (fun ω => indicator (A ω))
      = ((indicator (A true) : Rat) + indicator (A false)) / 2 := rfl
  rw [e1, e2, e3, e4, e5, e6, e0, e7]
  grind

/-- The two booleans, each a member of `[true, false]`. -/
theorem mem_bools (b : Bool) : b ∈ [true, false] := by
  cases b with
  | true => exact List.mem_cons.mpr (Or.inl rfl)
  | false => exact List.mem_cons.mpr (Or.inr (List.mem_cons.mpr (Or.inl rfl)))

/-- `false ≠ true`. -/
theorem bool_false_ne_true : (false = true) → False := fun h => bool_true_ne_false h.symm

/-- Averaged over the two labels, the 0-1 loss of any prediction is `1/2`. -/
theorem zeroOneLoss_avg (b : Bool) :
    ((zeroOneLoss b true : Rat) + zeroOneLoss b false) / 2 = 1 / 2 := by
  cases b with
  | true =>
    have e1 : (zeroOneLoss true true : Rat) = 0 := zeroOneLoss_self true
    have e2 : (zeroOneLoss true false : Rat) = 1 := zeroOneLoss_of_ne bool_true_ne_false
    rw [e1, e2]
    grind
  | false =>
    have e1 : (zeroOneLoss false true : Rat) = 1 := zeroOneLoss_of_ne bool_false_ne_true
    have e2 : (zeroOneLoss false false : Rat) = 0 := zeroOneLoss_self false
    rw [e1, e2]
    grind

/-- Under the fair coin, every constant prediction has population risk `1/2`. -/
theorem popRisk_coin (h : Bool) : popRisk coinExp zeroOneLoss h = (1 : Rat) / 2 :=
  zeroOneLoss_avg h

/-- On the one-flip sample, the generalisation gap of `h` is `1/2 - ℓ(h, ω)`. -/
theorem gap_coin (h ω : Bool) :
    popRisk coinExp zeroOneLoss h - empRisk zeroOneLoss h [ω] = (1 : Rat) / 2 - zeroOneLoss h ω := by
  rw [popRisk_coin h, empRisk_singleton]

/-- The 0-1 loss lies in `[0, 1]` (over `Rat`). -/
theorem zeroOneLoss_bounds (h z : Bool) :
    (0 : Rat) ≤ zeroOneLoss h z ∧ (zeroOneLoss h z : Rat) ≤ 1 :=
  zeroOneLoss_mem_Icc h z

/-- `1` as a scalar. -/
theorem natToScalar_one_rat : (natToScalar 1 : Rat) = 1 := by
  have e1 : (natToScalar 1 : Rat) = natToScalar 0 + 1 := natToScalar_succ 0
  have e0 : (natToScalar 0 : Rat) = 0 := natToScalar_zero
  grind

/-- Every boolean has a different one. -/
theorem exists_ne_bool (b : Bool) : ∃ c : Bool, c ≠ b := by
  cases b with
  | true => exact ⟨false, bool_false_ne_true⟩
  | false => exact ⟨true, bool_true_ne_false⟩

/-- `1/2` is strictly between `0` and `1`. -/
theorem half_pos_lt_one_rat : (0 : Rat) < 1 / 2 ∧ (1 : Rat) / 2 < 1 := by
  have h : (2 : Rat) * (1 / 2) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have hp : (0 : Rat) < 1 / 2 := AxiomDL.one_div_pos (by grind)
  exact ⟨hp, by grind⟩

end AxiomDL.Generalization.Capacity
