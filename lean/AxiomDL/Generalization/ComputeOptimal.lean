import AxiomDL.Generalization.ScalingLaws

/-!
# Generalisation: compute-optimal scaling and broken power laws

* `ChinchillaScaling`: the loss in parameters `N` and training tokens `D` is
  `L N D = E + P N + Q D`, with `P N = A / N^α` and `Q D = B / D^β` in the discrete ratio form
  (each doubling of `N` multiplies `P N` by `r_N = 2^{-α}`, each doubling of `D` multiplies
  `Q D` by `r_D = 2^{-β}`). At a fixed model size it is a data power law whose irreducible loss
  `E + P N` includes the finite-model term (`powerLaw_data_of_chinchilla`), and symmetrically in
  `N` (`powerLaw_params_of_chinchilla`). Compute is `C ≈ 6 N D`, so `(2N, D)` and `(N, 2D)` cost
  the same; `chinchilla_reallocation` computes the difference of their losses, and
  `chinchilla_params_better` says when the extra compute should go to parameters.
* `BrokenPowerLaw`: one doubling ratio `r₁` before a break at `nb`, another `r₂ ≠ r₁` after it.
  Beyond the break it is a power law (`powerLaw_of_brokenPowerLaw`).
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Generalization.Scaling

section Chinchilla

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Assumption: the Chinchilla scaling law: for `N ≥ N0 > 0` parameters and `D ≥ D0 > 0`
training tokens the loss is `L N D = E + P N + Q D`, with positive reducible terms
`P N = A / N^α` and `Q D = B / D^β` in the discrete ratio form: doubling `N` multiplies `P N` by
`r_N = 2^{-α}` and doubling `D` multiplies `Q D` by `r_D = 2^{-β}`, with `0 < r_N < 1` and
`0 < r_D < 1`.
Area: generalization
Status: plausible
Evidence: Fitted by Hoffmann et al. 2022 (`E ≈ 1.69`, `α ≈ 0.34`, `β ≈ 0.28`), whose compute-optimal models scale `N` and `D` about equally with compute (against Kaplan et al. 2020, who favoured parameters); a replication found the published fit inconsistent with the paper's other estimates (Besiroglu et al. 2024); the additive form has no interaction term between `N` and `D`, and repeated data breaks it (Muennighoff et al. 2023).
Refs: Hoffmann et al., "Training Compute-Optimal Large Language Models" (NeurIPS 2022); Kaplan et al. (2020); Besiroglu, Erdil, Barnett, You, "Chinchilla Scaling: A replication attempt" (2024); Muennighoff et al., "Scaling Data-Constrained Language Models" (NeurIPS 2023).
Probe: scaling-laws
-/
structure ChinchillaScaling (L : Nat → Nat → K) (E : K) (P Q : Nat → K) (rN rD : K)
    (N0 D0 : Nat) : Prop where
  /-- The law starts at a positive model size. -/
  N0_pos : 0 < N0
  /-- The law starts at a positive data size. -/
  D0_pos : 0 < D0
  /-- The parameter ratio is positive. -/
  rN_pos : 0 < rN
  /-- The parameter ratio is below one. -/
  rN_lt_one : rN < 1
  /-- The data ratio is positive. -/
  rD_pos : 0 < rD
  /-- The data ratio is below one. -/
  rD_lt_one : rD < 1
  /-- The parameter term is positive. -/
  P_pos : ∀ N, N0 ≤ N → 0 < P N
  /-- The data term is positive. -/
  Q_pos : ∀ D, D0 ≤ D → 0 < Q D
  /-- The additive decomposition. -/
  decomp : ∀ N D, N0 ≤ N → D0 ≤ D → L N D = E + P N + Q D
  /-- Doubling the parameters. -/
  P_double : ∀ N, N0 ≤ N → P (2 * N) = rN * P N
  /-- Doubling the data. -/
  Q_double : ∀ D, D0 ≤ D → Q (2 * D) = rD * Q D

/-- Discharge: at a fixed model size `N ≥ N0`, the Chinchilla law is a power law in the data,
with irreducible loss `E + P N` (the finite-model error) and doubling ratio `r_D`. -/
theorem powerLaw_data_of_chinchilla {L : Nat → Nat → K} {E : K} {P Q : Nat → K} {rN rD : K}
    {N0 D0 : Nat} (hc : ChinchillaScaling L E P Q rN rD N0 D0) {N : Nat} (hN : N0 ≤ N) :
    PowerLawScaling (fun D => L N D) (E + P N) rD D0 := by
  refine ⟨hc.D0_pos, hc.rD_pos, hc.rD_lt_one, ?_, ?_⟩
  · intro D hD
    have h1 : L N D = E + P N + Q D := hc.decomp N D hN hD
    have h2 : 0 < Q D := hc.Q_pos D hD
    show E + P N < L N D
    grind
  · intro D hD
    have h1 : L N (2 * D) = E + P N + Q (2 * D) := hc.decomp N (2 * D) hN (by omega)
    have h2 : L N D = E + P N + Q D := hc.decomp N D hN hD
    have h3 : Q (2 * D) = rD * Q D := hc.Q_double D hD
    show L N (2 * D) - (E + P N) = rD * (L N D - (E + P N))
    rw [h1, h2, h3]
    grind

/-- Discharge: at a fixed data size `D ≥ D0`, the Chinchilla law is a power law in the
parameters, with irreducible loss `E + Q D` (the finite-data error) and doubling ratio `r_N`. -/
theorem powerLaw_params_of_chinchilla {L : Nat → Nat → K} {E : K} {P Q : Nat → K} {rN rD : K}
    {N0 D0 : Nat} (hc : ChinchillaScaling L E P Q rN rD N0 D0) {D : Nat} (hD : D0 ≤ D) :
    PowerLawScaling (fun N => L N D) (E + Q D) rN N0 := by
  refine ⟨hc.N0_pos, hc.rN_pos, hc.rN_lt_one, ?_, ?_⟩
  · intro N hN
    have h1 : L N D = E + P N + Q D := hc.decomp N D hN hD
    have h2 : 0 < P N := hc.P_pos N hN
    show E + Q D < L N D
    grind
  · intro N hN
    have h1 : L (2 * N) D = E + P (2 * N) + Q D := hc.decomp (2 * N) D (by omega) hD
    have h2 : L N D = E + P N + Q D := hc.decomp N D hN hD
    have h3 : P (2 * N) = rN * P N := hc.P_double N hN
    show L (2 * N) D - (E + Q D) = rN * (L N D - (E + Q D))
    rw [h1, h2, h3]
    grind

/-- At equal compute, doubling the parameters instead of the data changes the loss by
`L (2N) D - L N (2D) = (1 - r_D) Q D - (1 - r_N) P N`. -/
theorem chinchilla_reallocation {L : Nat → Nat → K} {E : K} {P Q : Nat → K} {rN rD : K}
    {N0 D0 : Nat} (hc : ChinchillaScaling L E P Q rN rD N0 D0) {N D : Nat} (hN : N0 ≤ N)
    (hD : D0 ≤ D) : L (2 * N) D - L N (2 * D) = (1 - rD) * Q D - (1 - rN) * P N := by
  have h1 : L (2 * N) D = E + P (2 * N) + Q D := hc.decomp (2 * N) D (by omega) hD
  have h2 : L N (2 * D) = E + P N + Q (2 * D) := hc.decomp N (2 * D) hN (by omega)
  have h3 : P (2 * N) = rN * P N := hc.P_double N hN
  have h4 : Q (2 * D) = rD * Q D := hc.Q_double D hD
  rw [h1, h2, h3, h4]
  grind

/-- The compute-allocation rule: when the parameter term's reducible part dominates,
`(1 - r_N) P N > (1 - r_D) Q D`, spending the doubled compute on parameters gives a lower loss
than spending it on data. -/
theorem chinchilla_params_better {L : Nat → Nat → K} {E : K} {P Q : Nat → K} {rN rD : K}
    {N0 D0 : Nat} (hc : ChinchillaScaling L E P Q rN rD N0 D0) {N D : Nat} (hN : N0 ≤ N)
    (hD : D0 ≤ D) (hdom : (1 - rD) * Q D < (1 - rN) * P N) : L (2 * N) D < L N (2 * D) := by
  have h := chinchilla_reallocation hc hN hD
  grind

end Chinchilla

section Broken

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Assumption: a broken power law: above the irreducible loss `E`, the excess loss is
multiplied by `r₁` at each doubling that stays at or below the break `nb`, and by a different
ratio `r₂ ≠ r₁` at each doubling from `nb` on, where `0 < n0`, `2 n0 ≤ nb`, `0 < r₁ < 1` and
`0 < r₂ < 1`.
Area: generalization
Status: plausible
Evidence: Smoothly broken power laws fit the scaling curves of many tasks where a single power law does not (Caballero et al. 2023), including the double-descent bump and inflections; data pruning can change the exponent (Sorscher et al. 2022); where the break falls is hard to predict before it is observed.
Refs: Caballero, Gupta, Rish, Krueger, "Broken Neural Scaling Laws" (ICLR 2023); Sorscher, Geirhos, Shekhar, Ganguli, Morcos, "Beyond neural scaling laws" (NeurIPS 2022).
Probe: scaling-laws
-/
structure BrokenPowerLaw (L : Nat → K) (E r₁ r₂ : K) (n0 nb : Nat) : Prop where
  /-- The law starts at a positive size. -/
  n0_pos : 0 < n0
  /-- The break comes after at least one doubling. -/
  break_after : 2 * n0 ≤ nb
  /-- The first ratio is positive. -/
  r₁_pos : 0 < r₁
  /-- The first ratio is below one. -/
  r₁_lt_one : r₁ < 1
  /-- The second ratio is positive. -/
  r₂_pos : 0 < r₂
  /-- The second ratio is below one. -/
  r₂_lt_one : r₂ < 1
  /-- The exponent changes at the break. -/
  ratio_ne : r₁ ≠ r₂
  /-- The loss stays above the irreducible loss. -/
  above : ∀ n, n0 ≤ n → E < L n
  /-- Doublings up to the break. -/
  before : ∀ n, n0 ≤ n → 2 * n ≤ nb → L (2 * n) - E = r₁ * (L n - E)
  /-- Doublings from the break on. -/
  after : ∀ n, nb ≤ n → L (2 * n) - E = r₂ * (L n - E)

/-- Discharge: beyond its break, a broken power law is a power law with the second ratio. -/
theorem powerLaw_of_brokenPowerLaw {L : Nat → K} {E r₁ r₂ : K} {n0 nb : Nat}
    (hb : BrokenPowerLaw L E r₁ r₂ n0 nb) : PowerLawScaling L E r₂ nb := by
  have hn0 := hb.n0_pos
  have hnb := hb.break_after
  refine ⟨by omega, hb.r₂_pos, hb.r₂_lt_one, ?_, hb.after⟩
  intro n hn
  exact hb.above n (by omega)

end Broken

end AxiomDL.Generalization.Scaling
