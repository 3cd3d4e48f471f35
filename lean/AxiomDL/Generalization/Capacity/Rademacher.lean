import AxiomDL.Generalization.Capacity.Sup
import AxiomDL.Generalization.Counting

/-!
# Capacity: the empirical Rademacher complexity of a finite class

For a finite class `C` of hypotheses, evaluated by `ev : H → Z → K` (a loss, or a real-valued
predictor), and a sample `S = z₁, …, z_m`, the empirical Rademacher complexity is the exact
finite average over all `2 ^ m` sign vectors `σ ∈ {±1}^m`:

`R̂(C, S) = 2^{-m} ∑_σ max_{h ∈ C} (1/m) ∑ᵢ σᵢ ev h zᵢ = (∑_σ max_h ∑ᵢ σᵢ ev h zᵢ) / (2^m · m)`

(`rademacher`; the two forms agree because the maximum commutes with the positive factor
`1/m`). Sign vectors are lists of booleans (`true` is `+1`), enumerated by `signVectors m`
(`length_signVectors`: there are `2 ^ m`). Facts proved:

* every sign pattern is balanced by its negative: `∑_σ ∑ᵢ σᵢ vᵢ = 0`
  (`sumOver_signVectors_corr`), so a single hypothesis has complexity `0`
  (`rademacher_singleton`);
* the complexity of a nonempty class is nonnegative (`rademacher_nonneg`), monotone in the
  class (`rademacher_mono`), and at most `B` when `|ev h z| ≤ B` on the sample
  (`rademacher_le_of_abs_le`).

On the empty sample the definition divides by zero and gives `0`; the theorems assume `S ≠ []`.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization.Capacity

section Rademacher

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {H : Type w} {Z : Type v}

/-- The sign `b` applied to `x`: `x` for `b = true` (`+1`), `-x` for `b = false` (`-1`). -/
def signed (b : Bool) (x : K) : K :=
  match b with
  | true => x
  | false => -x

/-- The correlation `∑ᵢ σᵢ vᵢ` of the sign vector `σ` with the values `v` (over the common
length). -/
def corr : List Bool → List K → K
  | [], _ => 0
  | _ :: _, [] => 0
  | b :: σ, x :: v => signed b x + corr σ v

/-- No signs, no correlation. -/
theorem corr_nil_left (v : List K) : corr [] v = 0 := by
  cases v with
  | nil => rfl
  | cons x v => rfl

/-- No values, no correlation. -/
theorem corr_nil_right (σ : List Bool) : corr σ ([] : List K) = 0 := by
  cases σ with
  | nil => rfl
  | cons b σ => rfl

/-- The values `ev h z` of the hypothesis `h` on the sample `S`. -/
def vals (ev : H → Z → K) (h : H) : List Z → List K
  | [] => []
  | z :: S => ev h z :: vals ev h S

/-- All `2 ^ m` sign vectors of length `m` (`true` is `+1`). -/
def signVectors : Nat → List (List Bool)
  | 0 => [[]]
  | m + 1 => consAll true (signVectors m) ++ consAll false (signVectors m)

/-- There are `2 ^ m` sign vectors of length `m`. -/
theorem length_signVectors (m : Nat) : (signVectors m).length = 2 ^ m := by
  induction m with
  | zero => rfl
  | succ m ih =>
    have e : (signVectors (m + 1)).length
        = (consAll true (signVectors m)).length + (consAll false (signVectors m)).length := by
      show (consAll true (signVectors m) ++ consAll false (signVectors m)).length = _
      rw [List.length_append]
    have e1 : (consAll true (signVectors m)).length = (signVectors m).length :=
      length_consAll true (signVectors m)
    have e2 : (consAll false (signVectors m)).length = (signVectors m).length :=
      length_consAll false (signVectors m)
    have e3 : 2 ^ (m + 1) = 2 ^ m * 2 := rfl
    omega

/-- There is at least one sign vector. -/
theorem length_signVectors_pos (m : Nat) : 0 < (signVectors m).length := by
  induction m with
  | zero => exact Nat.succ_pos 0
  | succ m ih =>
    have e : (signVectors (m + 1)).length
        = (consAll true (signVectors m)).length + (consAll false (signVectors m)).length := by
      show (consAll true (signVectors m) ++ consAll false (signVectors m)).length = _
      rw [List.length_append]
    have e1 : (consAll true (signVectors m)).length = (signVectors m).length :=
      length_consAll true (signVectors m)
    omega

/-- Sign vectors cancel: `∑_σ ∑ᵢ σᵢ vᵢ = 0` over all sign vectors of any length `m`, since
flipping the first sign negates its term. -/
theorem sumOver_signVectors_corr (m : Nat) :
    ∀ v : List K, sumOver (signVectors m) (fun σ => corr σ v) = 0 := by
  induction m with
  | zero =>
    intro v
    have e : sumOver (signVectors 0) (fun σ => corr σ v)
        = corr [] v + sumOver ([] : List (List Bool)) (fun σ => corr σ v) := rfl
    have e1 : corr [] v = (0 : K) := corr_nil_left v
    have e2 : sumOver ([] : List (List Bool)) (fun σ => corr σ v) = 0 := rfl
    grind
  | succ m ih =>
    intro v
    have hs : sumOver (signVectors (m + 1)) (fun σ => corr σ v)
        = sumOver (signVectors m) (fun σ => corr (true :: σ) v)
          + sumOver (signVectors m) (fun σ => corr (false :: σ) v) := by
      show sumOver (consAll true (signVectors m) ++ consAll false (signVectors m))
        (fun σ => corr σ v) = _
      rw [sumOver_append, sumOver_consAll, sumOver_consAll]
    cases v with
    | nil =>
      have h1 : sumOver (signVectors m) (fun σ => corr (true :: σ) ([] : List K)) = 0 :=
        sumOver_eq_zero _ (fun _ _ => rfl)
      have h2 : sumOver (signVectors m) (fun σ => corr (false :: σ) ([] : List K)) = 0 :=
        sumOver_eq_zero _ (fun _ _ => rfl)
      grind
    | cons x v =>
      have h1 : sumOver (signVectors m) (fun σ => corr (true :: σ) (x :: v))
          = sumOver (signVectors m) (fun σ => x + corr σ v) :=
        sumOver_congr _ (fun _ _ => rfl)
      have h2 : sumOver (signVectors m) (fun σ => corr (false :: σ) (x :: v))
          = sumOver (signVectors m) (fun σ => -x + corr σ v) :=
        sumOver_congr _ (fun _ _ => rfl)
      have h3 : sumOver (signVectors m) (fun σ => x + corr σ v)
          = sumOver (signVectors m) (fun _ => x) + sumOver (signVectors m) (fun σ => corr σ v) :=
        sumOver_add _ (fun _ => x) (fun σ => corr σ v)
      have h4 : sumOver (signVectors m) (fun σ => -x + corr σ v)
          = sumOver (signVectors m) (fun _ => -x)
            + sumOver (signVectors m) (fun σ => corr σ v) :=
        sumOver_add _ (fun _ => -x) (fun σ => corr σ v)
      have h5 : sumOver (signVectors m) (fun _ => x + -x)
          = sumOver (signVectors m) (fun _ => x) + sumOver (signVectors m) (fun _ => -x) :=
        sumOver_add _ (fun _ => x) (fun _ => -x)
      have h6 : sumOver (signVectors m) (fun _ => x + -x) = 0 :=
        sumOver_eq_zero _ (fun _ _ => by
          show x + -x = 0
          grind)
      have h0 : sumOver (signVectors m) (fun σ => corr σ v) = 0 := ih v
      grind

/-- The numerator of the Rademacher complexity: `∑_σ max_{h ∈ C} ∑ᵢ σᵢ ev h zᵢ`. -/
noncomputable def radSum (ev : H → Z → K) (C : List H) (S : List Z) : K :=
  sumOver (signVectors S.length) (fun σ => supOver C (fun h => corr σ (vals ev h S)))

/-- The normaliser of the Rademacher complexity: `2 ^ m · m` for a sample of `m` points. -/
def radDen (S : List Z) : K :=
  natToScalar (signVectors S.length).length * natToScalar S.length

/-- The empirical Rademacher complexity of the finite class `C` (evaluated by `ev`) on the
sample `S` of `m` points: `2^{-m} ∑_{σ ∈ {±1}^m} max_{h ∈ C} (1/m) ∑ᵢ σᵢ ev h zᵢ`, computed
exactly as `radSum / radDen`. -/
noncomputable def rademacher (ev : H → Z → K) (C : List H) (S : List Z) : K :=
  radSum ev C S / radDen S

/-- The normaliser is positive on a nonempty sample. -/
theorem radDen_pos {S : List Z} (hS : S ≠ []) : (0 : K) < radDen S := by
  have h1 : (0 : K) < natToScalar (signVectors S.length).length :=
    natToScalar_pos (length_signVectors_pos S.length)
  have h2 : (0 : K) < natToScalar S.length := natToScalar_pos (pos_length_of_ne_nil hS)
  exact AxiomDL.mul_pos h1 h2

/-- A single hypothesis has Rademacher complexity zero: random signs do not correlate with a
fixed function on average. -/
theorem rademacher_singleton (ev : H → Z → K) (h : H) (S : List Z) :
    rademacher ev [h] S = 0 := by
  have e : radSum ev [h] S = sumOver (signVectors S.length) (fun σ => corr σ (vals ev h S)) :=
    rfl
  have e0 : sumOver (signVectors S.length) (fun σ => corr σ (vals ev h S)) = 0 :=
    sumOver_signVectors_corr S.length (vals ev h S)
  have hdiv : radSum ev [h] S / radDen S = radSum ev [h] S * (radDen S)⁻¹ :=
    Lean.Grind.Field.div_eq_mul_inv _ _
  show radSum ev [h] S / radDen S = 0
  rw [hdiv, e, e0]
  grind

/-- The Rademacher complexity of a nonempty class is nonnegative: the maximum over the class
is at least the correlation of one fixed member, which averages to zero. -/
theorem rademacher_nonneg (ev : H → Z → K) {C : List H} {h₀ : H} (hmem : h₀ ∈ C) {S : List Z}
    (hS : S ≠ []) : 0 ≤ rademacher ev C S := by
  have h1 : sumOver (signVectors S.length) (fun σ => corr σ (vals ev h₀ S)) ≤ radSum ev C S :=
    sumOver_le_sumOver _ (fun σ _ => le_supOver (g := fun h => corr σ (vals ev h S)) hmem)
  have h2 : sumOver (signVectors S.length) (fun σ => corr σ (vals ev h₀ S)) = 0 :=
    sumOver_signVectors_corr S.length (vals ev h₀ S)
  have h3 : 0 ≤ radSum ev C S := by grind
  exact AxiomDL.div_nonneg h3 (radDen_pos hS)

/-- The Rademacher complexity is monotone in the class: a nonempty class whose members are
members of `C'` has complexity at most that of `C'`. -/
theorem rademacher_mono (ev : H → Z → K) {C C' : List H} (hC : C ≠ [])
    (hsub : ∀ h ∈ C, h ∈ C') {S : List Z} (hS : S ≠ []) :
    rademacher ev C S ≤ rademacher ev C' S := by
  have h1 : radSum ev C S ≤ radSum ev C' S :=
    sumOver_le_sumOver _ (fun σ _ => supOver_mono hC hsub (fun h => corr σ (vals ev h S)))
  exact div_le_div_of_le_of_pos h1 (radDen_pos hS)

/-- A correlation with values in `[-B, B]` is at most `m · B` on a sample of `m` points. -/
theorem corr_vals_le (ev : H → Z → K) (h : H) {B : K} (hB0 : 0 ≤ B) :
    ∀ S : List Z, (∀ z ∈ S, -B ≤ ev h z ∧ ev h z ≤ B) →
      ∀ σ : List Bool, corr σ (vals ev h S) ≤ natToScalar S.length * B := by
  intro S
  induction S with
  | nil =>
    intro _ σ
    have e1 : corr σ (vals ev h ([] : List Z)) = 0 := corr_nil_right σ
    have e2 : (natToScalar ([] : List Z).length : K) = 0 := natToScalar_zero
    have e3 : (natToScalar ([] : List Z).length : K) * B = 0 := by
      rw [e2]
      grind
    grind
  | cons z S ih =>
    intro hz σ
    have hpos : (0 : K) ≤ natToScalar (z :: S).length * B :=
      AxiomDL.mul_nonneg (natToScalar_nonneg _) hB0
    have hn : (natToScalar (z :: S).length : K) = natToScalar S.length + 1 :=
      natToScalar_succ S.length
    have hm : (natToScalar (z :: S).length : K) * B = natToScalar S.length * B + B := by
      rw [hn]
      grind
    cases σ with
    | nil =>
      have e : corr ([] : List Bool) (vals ev h (z :: S)) = 0 := corr_nil_left _
      grind
    | cons b σ =>
      have e : corr (b :: σ) (vals ev h (z :: S)) = signed b (ev h z) + corr σ (vals ev h S) :=
        rfl
      have h1 : corr σ (vals ev h S) ≤ natToScalar S.length * B :=
        ih (fun w hw => hz w (List.mem_cons.mpr (Or.inr hw))) σ
      have hzb : -B ≤ ev h z ∧ ev h z ≤ B := hz z (List.mem_cons.mpr (Or.inl rfl))
      have h2 : signed b (ev h z) ≤ B := by
        cases b with
        | true =>
          have e' : signed true (ev h z) = ev h z := rfl
          grind
        | false =>
          have e' : signed false (ev h z) = -(ev h z) := rfl
          grind
      grind

/-- The Rademacher complexity of a nonempty class whose values on the sample lie in `[-B, B]`
is at most `B`. -/
theorem rademacher_le_of_abs_le (ev : H → Z → K) {C : List H} (hC : C ≠ []) {S : List Z}
    (hS : S ≠ []) {B : K} (hB0 : 0 ≤ B) (hB : ∀ h ∈ C, ∀ z ∈ S, -B ≤ ev h z ∧ ev h z ≤ B) :
    rademacher ev C S ≤ B := by
  have hterm : ∀ σ ∈ signVectors S.length,
      supOver C (fun h => corr σ (vals ev h S)) ≤ natToScalar S.length * B :=
    fun σ _ => supOver_le hC (fun h hh => corr_vals_le ev h hB0 S (hB h hh) σ)
  have h1 : radSum ev C S
      ≤ natToScalar (signVectors S.length).length * (natToScalar S.length * B) :=
    sumOver_le_length_mul _ hterm
  have e : natToScalar (signVectors S.length).length * (natToScalar S.length * B)
      = radDen S * B := by
    show _ = natToScalar (signVectors S.length).length * natToScalar S.length * B
    grind
  have h2 : radSum ev C S ≤ radDen S * B := by grind
  exact AxiomDL.div_le_of_le_mul (radDen_pos hS) h2

end Rademacher

end AxiomDL.Generalization.Capacity
