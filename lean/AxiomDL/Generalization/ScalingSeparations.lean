import AxiomDL.Generalization.ScalingWitnesses

/-!
# Generalisation: separations between the scaling-law assumptions

Each theorem exhibits one concrete loss curve over `Rat` that satisfies one assumption and
refutes another (see `Generalization/ScalingWitnesses.lean` for the models `1/n`, `1/n²`):

* `brokenPowerLaw_not_powerLaw`: `BrokenPowerLaw` does not imply `PowerLawScaling` from the
  start of the curve;
* `powerLaw_not_brokenPowerLaw`: `PowerLawScaling` does not imply `BrokenPowerLaw`;
* `moreDataHelps_not_powerLaw`: `MoreDataHelps` does not imply `PowerLawScaling` (the converse
  is the discharge `moreDataHelps_of_powerLaw`);
* `powerLaw_data_not_chinchilla`: a power law in the data at each model size does not imply
  `ChinchillaScaling` (the converse is the discharge `powerLaw_data_of_chinchilla`).
-/

set_option autoImplicit false

namespace AxiomDL.Generalization.Scaling

/-- The broken model: loss `4` below size `2`, then `1/n`. -/
def brokenModel (n : Nat) : Rat := if n < 2 then 4 else invNat n

/-- Below the break the model is `4`. -/
theorem brokenModel_of_lt {n : Nat} (h : n < 2) : brokenModel n = 4 := by
  unfold brokenModel
  exact if_pos h

/-- From the break on the model is `1/n`. -/
theorem brokenModel_of_ge {n : Nat} (h : 2 ≤ n) : brokenModel n = invNat n := by
  unfold brokenModel
  exact if_neg (by omega)

/-- Witness: a broken power law over `Rat`: the model `brokenModel` (loss `4` below size `2`,
then `1/n`) has ratio `1/8` for the doubling `1 ↦ 2` up to the break at `2`, then `1/2`, with
irreducible loss `0`.
Covers: AxiomDL.Generalization.Scaling.powerLaw_of_brokenPowerLaw
-/
theorem brokenPowerLaw_brokenModel : BrokenPowerLaw brokenModel 0 (1 / 8) (1 / 2) 1 2 := by
  have h8 : (8 : Rat) * (1 / 8) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have h2 : (2 : Rat) * (1 / 2) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have hi2 : (invNat 2 : Rat) = 1 / 2 := invNat_two
  refine ⟨Nat.succ_pos 0, Nat.le_refl 2, AxiomDL.one_div_pos (by grind), by grind,
    AxiomDL.one_div_pos (by grind), by grind, ?_, ?_, ?_, ?_⟩
  · intro h
    grind
  · intro n hn
    by_cases hn2 : n < 2
    · rw [brokenModel_of_lt hn2]
      grind
    · rw [brokenModel_of_ge (by omega : 2 ≤ n)]
      exact invNat_pos (by omega)
  · intro n hn h2n
    have e : n = 1 := by omega
    subst e
    have b2 : brokenModel (2 * 1) = invNat 2 := brokenModel_of_ge (by omega)
    have b1 : brokenModel 1 = 4 := brokenModel_of_lt (by omega)
    rw [b2, b1, hi2]
    grind
  · intro n hn
    rw [brokenModel_of_ge (by omega : 2 ≤ 2 * n), brokenModel_of_ge hn,
      invNat_two_mul n (by omega)]
    grind

/-- A broken power law (ratio `1/8` up to the break at `2`, then `1/2`) that is no single power
law *from its start* `n0 = 1`: `PowerLawScaling L 0 r 1` fails for every ratio `r`. This is not a
separation of the two assumptions: beyond its break every broken power law is a power law
(`powerLaw_of_brokenPowerLaw`), so `BrokenPowerLaw ⇒ PowerLawScaling` holds for other
parameters. It shows that the start of the power-law regime matters. -/
theorem brokenPowerLaw_not_powerLaw :
    ∃ L : Nat → Rat, BrokenPowerLaw L 0 (1 / 8) (1 / 2) 1 2 ∧
      ¬ ∃ r : Rat, PowerLawScaling L 0 r 1 := by
  refine ⟨brokenModel, brokenPowerLaw_brokenModel, ?_⟩
  intro hex
  obtain ⟨r, hp⟩ := hex
  have d1 : brokenModel (2 * 1) - 0 = r * (brokenModel 1 - 0) := hp.doubling 1 (Nat.le_refl 1)
  have d2 : brokenModel (2 * 2) - 0 = r * (brokenModel 2 - 0) := hp.doubling 2 (by omega)
  have b1 : brokenModel 1 = 4 := brokenModel_of_lt (by omega)
  have b2 : brokenModel (2 * 1) = invNat 2 := brokenModel_of_ge (by omega)
  have b2' : brokenModel 2 = invNat 2 := brokenModel_of_ge (by omega)
  have b4 : brokenModel (2 * 2) = invNat (2 * 2) := brokenModel_of_ge (by omega)
  have i4 : (invNat (2 * 2) : Rat) = 1 / 2 * invNat 2 := invNat_two_mul 2 (by omega)
  have hi2 : (invNat 2 : Rat) = 1 / 2 := invNat_two
  rw [b2, b1, hi2] at d1
  rw [b4, i4, b2', hi2] at d2
  grind

/-- Separation: the power law `1/n` (ratio `1/2`) has no break: `PowerLawScaling` holds and
`BrokenPowerLaw` fails from `n0 = 1` for every pair of ratios and every break. -/
theorem powerLaw_not_brokenPowerLaw :
    ∃ L : Nat → Rat, PowerLawScaling L 0 (1 / 2) 1 ∧
      ¬ ∃ (r₁ r₂ : Rat) (nb : Nat), BrokenPowerLaw L 0 r₁ r₂ 1 nb := by
  refine ⟨fun n => invNat n, powerLawScaling_invNat, ?_⟩
  intro hex
  obtain ⟨r₁, r₂, nb, hb⟩ := hex
  have hnb : 2 * 1 ≤ nb := hb.break_after
  have d1 : (invNat (2 * 1) : Rat) - 0 = r₁ * (invNat 1 - 0) := hb.before 1 (Nat.le_refl 1) hnb
  have d2 : (invNat (2 * nb) : Rat) - 0 = r₂ * (invNat nb - 0) := hb.after nb (Nat.le_refl nb)
  have i2 : (invNat (2 * 1) : Rat) = 1 / 2 * invNat 1 := invNat_two_mul 1 (by omega)
  have i1 : (invNat 1 : Rat) = 1 := invNat_one
  have inb : (invNat (2 * nb) : Rat) = 1 / 2 * invNat nb := invNat_two_mul nb (by omega)
  have hpos : (0 : Rat) < invNat nb := invNat_pos (by omega)
  rw [i2, i1] at d1
  rw [inb] at d2
  have hm : invNat nb * r₂ = invNat nb * (1 / 2) := by grind
  have hr₂ : r₂ = 1 / 2 := AxiomDL.eq_of_mul_eq_mul_left (by grind) hm
  have hr₁ : r₁ = 1 / 2 := by grind
  exact hb.ratio_ne (by rw [hr₁, hr₂])

/-- Separation: a saturated loss (constant `1`) never rises with more data but follows no power
law: `MoreDataHelps` holds and `PowerLawScaling` fails from `n0 = 1` for every irreducible loss
and ratio. -/
theorem moreDataHelps_not_powerLaw :
    ∃ L : Nat → Rat, MoreDataHelps L 1 ∧ ¬ ∃ E r : Rat, PowerLawScaling L E r 1 := by
  refine ⟨fun _ => 1, ⟨Nat.succ_pos 0, fun _ _ => by
    show (1 : Rat) ≤ 1
    grind⟩, ?_⟩
  intro hex
  obtain ⟨E, r, hp⟩ := hex
  have d : (1 : Rat) - E = r * (1 - E) := hp.doubling 1 (Nat.le_refl 1)
  have ha : E < 1 := hp.above 1 (Nat.le_refl 1)
  have hr : r < 1 := hp.r_lt_one
  have hm : 0 < (1 - r) * (1 - E) := AxiomDL.mul_pos (by grind) (by grind)
  have e : (1 - r) * (1 - E) = (1 - E) - r * (1 - E) := by grind
  grind

/-- The loss `1 + 1/(N D)` is a power law in the data `D` at every model size `N ≥ 1`, with
irreducible loss `1` and ratio `1/2`. -/
theorem powerLaw_data_invNat_mul (N : Nat) (hN : 1 ≤ N) :
    PowerLawScaling (fun D => (1 + invNat N * invNat D : Rat)) 1 (1 / 2) 1 := by
  refine ⟨Nat.succ_pos 0, half_pos_lt_one.1, half_pos_lt_one.2, ?_, ?_⟩
  · intro D hD
    have hp : (0 : Rat) < invNat N * invNat D :=
      AxiomDL.mul_pos (invNat_pos (by omega)) (invNat_pos (by omega))
    show (1 : Rat) < 1 + invNat N * invNat D
    grind
  · intro D hD
    show (1 + invNat N * invNat (2 * D) : Rat) - 1 = 1 / 2 * (1 + invNat N * invNat D - 1)
    rw [invNat_two_mul D (by omega)]
    grind

/-- Separation: the loss `1 + 1/(N D)` is a power law in the data at the model sizes `N = 1`
and `N = 2` (a data scaling law with irreducible loss `1` and ratio `1/2`; in fact at every
model size, `powerLaw_data_invNat_mul`), but it is not of the additive Chinchilla form for any
parameters: `PowerLawScaling` holds in `D` at both sizes and `ChinchillaScaling` fails, since an
additive law forces `L 1 1 + L 2 2 = L 1 2 + L 2 1`. -/
theorem powerLaw_data_not_chinchilla :
    ∃ L : Nat → Nat → Rat, PowerLawScaling (fun D => L 1 D) 1 (1 / 2) 1
      ∧ PowerLawScaling (fun D => L 2 D) 1 (1 / 2) 1
      ∧ ¬ ∃ (E : Rat) (P Q : Nat → Rat) (rN rD : Rat), ChinchillaScaling L E P Q rN rD 1 1 := by
  refine ⟨fun N D => 1 + invNat N * invNat D, powerLaw_data_invNat_mul 1 (Nat.le_refl 1),
    powerLaw_data_invNat_mul 2 (by omega), ?_⟩
  intro hex
  obtain ⟨E, P, Q, rN, rD, hc⟩ := hex
  have d11 : (1 + invNat 1 * invNat 1 : Rat) = E + P 1 + Q 1 :=
    hc.decomp 1 1 (Nat.le_refl 1) (Nat.le_refl 1)
  have d22 : (1 + invNat 2 * invNat 2 : Rat) = E + P 2 + Q 2 :=
    hc.decomp 2 2 (by omega) (by omega)
  have d12 : (1 + invNat 1 * invNat 2 : Rat) = E + P 1 + Q 2 :=
    hc.decomp 1 2 (Nat.le_refl 1) (by omega)
  have d21 : (1 + invNat 2 * invNat 1 : Rat) = E + P 2 + Q 1 :=
    hc.decomp 2 1 (by omega) (Nat.le_refl 1)
  have i1 : (invNat 1 : Rat) = 1 := invNat_one
  have i2 : (invNat 2 : Rat) = 1 / 2 := invNat_two
  rw [i1] at d11
  rw [i2] at d22
  rw [i1, i2] at d12 d21
  grind

end AxiomDL.Generalization.Scaling
