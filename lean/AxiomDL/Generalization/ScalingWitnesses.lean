import AxiomDL.Generalization.ComputeOptimal

/-!
# Generalisation: witnesses and separations for the scaling-law assumptions

The models are rational functions of the resource size: `invNat n = 1 / n` halves at each
doubling (the power law `L n = 1/n`, exponent `α = 1`, irreducible loss `0`), and
`invNat n * invNat n = 1 / n²` quarters. They give witnesses strictly inside each assumption's
regime over `Rat`, and four separations:

* a broken power law (ratio `1/8` up to the break at `2`, then `1/2`) that is no single power
  law (`brokenPowerLaw_not_powerLaw`);
* a power law (`1/n`) that has no break (`powerLaw_not_brokenPowerLaw`);
* a loss that never rises with more data but follows no power law, a saturated constant loss
  (`moreDataHelps_not_powerLaw`); with `moreDataHelps_of_powerLaw` this shows that
  `MoreDataHelps` is strictly weaker than `PowerLawScaling`;
* a loss `1 + 1/(N D)` that is a power law in the data at every model size but is not of the
  additive Chinchilla form (`powerLaw_data_not_chinchilla`); with `powerLaw_data_of_chinchilla`
  this shows the Chinchilla form is strictly stronger.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Generalization.Scaling

section Models

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The reciprocal `1 / n` of a natural number, as a scalar. -/
def invNat (n : Nat) : K := 1 / natToScalar n

/-- `2 n` as a scalar is twice `n`. -/
theorem natToScalar_two_mul (n : Nat) : (natToScalar (2 * n) : K) = 2 * natToScalar n := by
  have e : 2 * n = n + n := by omega
  rw [e, natToScalar_add_nat]
  grind

/-- `1` as a scalar. -/
theorem natToScalar_one : (natToScalar 1 : K) = 1 := by
  have e1 : (natToScalar 1 : K) = natToScalar 0 + 1 := natToScalar_succ 0
  have e0 : (natToScalar 0 : K) = 0 := natToScalar_zero
  grind

/-- `1 / n` is positive for `n > 0`. -/
theorem invNat_pos {n : Nat} (hn : 0 < n) : (0 : K) < invNat n :=
  AxiomDL.one_div_pos (natToScalar_pos hn)

/-- `1 / 1 = 1`. -/
theorem invNat_one : (invNat 1 : K) = 1 := by
  have h1 : (natToScalar 1 : K) * (1 / natToScalar 1) = 1 :=
    AxiomDL.mul_one_div_cancel (by rw [natToScalar_one]; grind)
  show (1 : K) / natToScalar 1 = 1
  rw [natToScalar_one] at h1 ⊢
  grind

/-- Doubling halves `1 / n`: `1 / (2 n) = (1/2) (1/n)` for `n > 0`. -/
theorem invNat_two_mul (n : Nat) (hn : 0 < n) : (invNat (2 * n) : K) = 1 / 2 * invNat n := by
  have ha : (0 : K) < natToScalar n := natToScalar_pos hn
  have hne : (natToScalar n : K) ≠ 0 := by grind
  have hne2 : (2 * natToScalar n : K) ≠ 0 := by grind
  have hL : (2 * natToScalar n) * (1 / (2 * natToScalar n)) = (1 : K) :=
    AxiomDL.mul_one_div_cancel hne2
  have ha1 : natToScalar n * (1 / natToScalar n) = (1 : K) := AxiomDL.mul_one_div_cancel hne
  have h21 : (2 : K) * (1 / 2) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have hR : (2 * natToScalar n) * (1 / 2 * (1 / natToScalar n)) = (1 : K) := by
    -- the ascription fixes the scalar type (an unannotated numeral would default to `Nat`)
    have e : (2 * natToScalar n : K) * (1 / 2 * (1 / natToScalar n))
        = (2 * (1 / 2)) * (natToScalar n * (1 / natToScalar n)) := by grind
    rw [e, h21, ha1]
    grind
  show 1 / natToScalar (2 * n) = 1 / 2 * (1 / natToScalar n)
  rw [natToScalar_two_mul n]
  exact AxiomDL.eq_of_mul_eq_mul_left hne2 (by rw [hL, hR])

/-- `1/2 = 1/(2 · 1)`. -/
theorem invNat_two : (invNat 2 : K) = 1 / 2 := by
  have e : (invNat 2 : K) = invNat (2 * 1) := rfl
  rw [e, invNat_two_mul 1 (by omega), invNat_one]
  grind

/-- `0 < 1/2 < 1`. -/
theorem half_pos_lt_one : (0 : K) < 1 / 2 ∧ (1 : K) / 2 < 1 := by
  have h : (2 : K) * (1 / 2) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have hp : (0 : K) < 1 / 2 := AxiomDL.one_div_pos (by grind)
  exact ⟨hp, by grind⟩

/-- The power law `L n = 1/n`: irreducible loss `0`, doubling ratio `1/2` (exponent `1`). -/
theorem powerLawScaling_invNat : PowerLawScaling (fun n => (invNat n : K)) 0 (1 / 2) 1 := by
  refine ⟨Nat.succ_pos 0, half_pos_lt_one.1, half_pos_lt_one.2, ?_, ?_⟩
  · intro n hn
    show (0 : K) < invNat n
    exact invNat_pos (by omega)
  · intro n hn
    show (invNat (2 * n) : K) - 0 = 1 / 2 * (invNat n - 0)
    rw [invNat_two_mul n (by omega)]
    grind

/-- The power law `L n = 1/n²`: irreducible loss `0`, doubling ratio `1/4` (exponent `2`). -/
theorem powerLawScaling_invNat_sq :
    PowerLawScaling (fun n => (invNat n * invNat n : K)) 0 (1 / 4) 1 := by
  have h4 : (4 : K) * (1 / 4) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  refine ⟨Nat.succ_pos 0, AxiomDL.one_div_pos (by grind), by grind, ?_, ?_⟩
  · intro n hn
    show (0 : K) < invNat n * invNat n
    exact AxiomDL.mul_pos (invNat_pos (by omega)) (invNat_pos (by omega))
  · intro n hn
    show (invNat (2 * n) * invNat (2 * n) : K) - 0 = 1 / 4 * (invNat n * invNat n - 0)
    rw [invNat_two_mul n (by omega)]
    grind

/-- The additive Chinchilla model `L N D = 1 + 1/N + 1/D`. -/
theorem chinchillaScaling_invNat :
    ChinchillaScaling (fun N D => (1 + invNat N + invNat D : K)) 1 invNat invNat (1 / 2) (1 / 2)
      1 1 := by
  refine ⟨Nat.succ_pos 0, Nat.succ_pos 0, half_pos_lt_one.1, half_pos_lt_one.2,
    half_pos_lt_one.1, half_pos_lt_one.2, ?_, ?_, fun _ _ _ _ => rfl, ?_, ?_⟩
  · intro N hN
    exact invNat_pos (by omega)
  · intro D hD
    exact invNat_pos (by omega)
  · intro N hN
    exact invNat_two_mul N (by omega)
  · intro D hD
    exact invNat_two_mul D (by omega)

end Models

/-- Witness: the power law `L n = 1/n` over `Rat` (irreducible loss `0`, doubling ratio `1/2`,
from `n0 = 1`), and the steeper `1/n²` (ratio `1/4`), which starts at the same loss `1` at
`n = 1`.
Covers: AxiomDL.Generalization.Scaling.steeper_exponent_wins AxiomDL.Generalization.Scaling.excess_dbl AxiomDL.Generalization.Scaling.excess_dbl_mul_le AxiomDL.Generalization.Scaling.loss_dbl_succ_lt AxiomDL.Generalization.Scaling.moreDataHelps_of_powerLaw
-/
theorem powerLawScaling_witness :
    PowerLawScaling (fun n => (invNat n : Rat)) 0 (1 / 2) 1
      ∧ PowerLawScaling (fun n => (invNat n * invNat n : Rat)) 0 (1 / 4) 1
      ∧ (invNat 1 * invNat 1 : Rat) = invNat 1 := by
  refine ⟨powerLawScaling_invNat, powerLawScaling_invNat_sq, ?_⟩
  rw [invNat_one]
  grind

/-- Witness: doubling the data never raises the loss `1/n` over `Rat`. -/
theorem moreDataHelps_witness : MoreDataHelps (fun n => (invNat n : Rat)) 1 :=
  moreDataHelps_of_powerLaw powerLawScaling_invNat

/-- Witness: the additive Chinchilla model `L N D = 1 + 1/N + 1/D` over `Rat` (irreducible loss
`1`, both doubling ratios `1/2`, from `N0 = D0 = 1`).
Covers: AxiomDL.Generalization.Scaling.powerLaw_data_of_chinchilla AxiomDL.Generalization.Scaling.powerLaw_params_of_chinchilla AxiomDL.Generalization.Scaling.chinchilla_reallocation AxiomDL.Generalization.Scaling.chinchilla_params_better
-/
theorem chinchillaScaling_witness :
    ChinchillaScaling (fun N D => (1 + invNat N + invNat D : Rat)) 1 invNat invNat (1 / 2) (1 / 2)
      1 1 :=
  chinchillaScaling_invNat

end AxiomDL.Generalization.Scaling
