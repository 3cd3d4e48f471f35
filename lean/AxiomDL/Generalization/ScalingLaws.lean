import AxiomDL.Generalization.Counting

/-!
# Generalisation: empirical scaling laws

The loss of a trained model as a function of a resource `n` (training examples or tokens,
or parameters) is observed to follow a power law above an irreducible loss:
`L n = E + A n^{-α}`. Core Lean has no real powers, so the assumptions use the exact discrete
ratio form: each doubling of `n` multiplies the excess loss `L n - E` by `r = 2^{-α}`,
`0 < r < 1` (`PowerLawScaling`). Consequences:

* after `t` doublings the excess loss is `r^t` times the starting one (`excess_dbl`), it falls
  at least like `1 / (1 + t (1 - r))` (`excess_dbl_mul_le`), the loss strictly decreases along
  doublings (`loss_dbl_succ_lt`), and of two power laws from the same start the steeper one
  (smaller `r`) stays below (`steeper_exponent_wins`);
* the weaker `MoreDataHelps` (doubling the data never raises the loss) follows
  (`moreDataHelps_of_powerLaw`), but is refuted in the regime of sample-wise double descent;
* the Chinchilla form `L N D = E + P N + Q D` in parameters `N` and tokens `D`
  (`ChinchillaScaling`, in `Generalization/ComputeOptimal.lean`) gives a power law in each
  resource at fixed size of the other
  (`powerLaw_data_of_chinchilla`, `powerLaw_params_of_chinchilla`) and the compute-allocation
  rule: at equal compute (`2N · D = N · 2D`), doubling the parameters beats doubling the data
  exactly when `(1 - r_N) P N > (1 - r_D) Q D` (`chinchilla_reallocation`,
  `chinchilla_params_better`);
* a broken power law (`BrokenPowerLaw`, one ratio before a break, another after; also in
  `Generalization/ComputeOptimal.lean`) is a power law beyond the break
  (`powerLaw_of_brokenPowerLaw`).

The witnesses and the separations (a broken law that is no single power law, a power law with no
break, a monotone loss that is no power law, a power law in data at every model size that is not
of the Chinchilla form) are in `Generalization/ScalingWitnesses.lean`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Generalization.Scaling

/-- `dbl t n = 2^t · n`: `n` doubled `t` times. -/
def dbl : Nat → Nat → Nat
  | 0, n => n
  | t + 1, n => 2 * dbl t n

/-- `dbl t n = 2^t · n`. -/
theorem dbl_eq (t n : Nat) : dbl t n = 2 ^ t * n := by
  induction t with
  | zero =>
    have e1 : 2 ^ 0 = 1 := rfl
    have e : 2 ^ 0 * n = n := by rw [e1, Nat.one_mul]
    exact e.symm
  | succ t ih =>
    have e1 : dbl (t + 1) n = 2 * dbl t n := rfl
    have e2 : 2 ^ (t + 1) = 2 ^ t * 2 := rfl
    rw [e1, ih, e2, Nat.mul_comm (2 ^ t) 2, Nat.mul_assoc]

/-- Doubling never goes below the start: `n ≤ dbl t n`. -/
theorem le_dbl (t n : Nat) : n ≤ dbl t n := by
  induction t with
  | zero => exact Nat.le_refl n
  | succ t ih =>
    have e : dbl (t + 1) n = 2 * dbl t n := rfl
    omega

section Power

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Powers are monotone in the base on the nonnegative scalars. -/
theorem pow_le_pow_left_of_le {a b : K} (ha : 0 ≤ a) (hab : a ≤ b) (t : Nat) :
    a ^ t ≤ b ^ t := by
  induction t with
  | zero =>
    have e1 : a ^ (0 : Nat) = 1 := AxiomDL.pow_zero' a
    have e2 : b ^ (0 : Nat) = 1 := AxiomDL.pow_zero' b
    grind
  | succ t ih =>
    have e1 : a ^ (t + 1) = a ^ t * a := AxiomDL.pow_succ' a t
    have e2 : b ^ (t + 1) = b ^ t * b := AxiomDL.pow_succ' b t
    have hb : 0 ≤ b ^ t := AxiomDL.pow_nonneg (by grind) t
    have h1 : a ^ t * a ≤ b ^ t * a := AxiomDL.mul_le_mul_of_nonneg_right ih ha
    have h2 : b ^ t * a ≤ b ^ t * b := AxiomDL.mul_le_mul_of_nonneg_left hab hb
    grind

/-- A Bernoulli-type bound: `r^t (1 + t (1 - r)) ≤ 1` for `0 ≤ r ≤ 1`. -/
theorem pow_mul_one_add_le_one {r : K} (hr0 : 0 ≤ r) (hr1 : r ≤ 1) (t : Nat) :
    r ^ t * (1 + natToScalar t * (1 - r)) ≤ 1 := by
  induction t with
  | zero =>
    have e1 : r ^ (0 : Nat) = 1 := AxiomDL.pow_zero' r
    have e2 : (natToScalar 0 : K) = 0 := natToScalar_zero
    rw [e1, e2]
    grind
  | succ t ih =>
    have e1 : r ^ (t + 1) = r ^ t * r := AxiomDL.pow_succ' r t
    have e2 : (natToScalar (t + 1) : K) = natToScalar t + 1 := natToScalar_succ t
    have e3 : r ^ (t + 1) * (1 + natToScalar (t + 1) * (1 - r))
        = r * (r ^ t * (1 + natToScalar t * (1 - r))) + (1 - r) * r ^ (t + 1) := by
      rw [e2, e1]
      grind
    have hA : r * (r ^ t * (1 + natToScalar t * (1 - r))) ≤ r * 1 :=
      AxiomDL.mul_le_mul_of_nonneg_left ih hr0
    have hp : r ^ (t + 1) ≤ 1 := AxiomDL.pow_le_one hr0 hr1 (t + 1)
    have hB : (1 - r) * r ^ (t + 1) ≤ (1 - r) * 1 :=
      AxiomDL.mul_le_mul_of_nonneg_left hp (by grind)
    grind

end Power

section Laws

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Assumption: the loss `L n` at resource size `n` (training tokens, or parameters) follows a
power law above the irreducible loss `E`, `L n = E + A n^{-α}` for `n ≥ n0 > 0`, in the exact
discrete ratio form: `L n > E`, and each doubling of `n` multiplies the excess loss `L n - E` by
the ratio `r = 2^{-α}`, with `0 < r < 1`.
Area: generalization
Status: plausible
Evidence: Language models follow power laws in data and parameters over about seven orders of magnitude (Kaplan et al. 2020: `α_D ≈ 0.095`, `α_N ≈ 0.076`); Hoffmann et al. 2022 (Chinchilla) refit with an irreducible loss `E ≈ 1.69`; reported breaks: broken power laws with changing exponents (Caballero et al. 2023), data pruning beating the power law (Sorscher et al. 2022), diminishing returns from repeated data (Muennighoff et al. 2023), and sudden jumps in downstream metrics (Wei et al. 2022), partly an artefact of the metric (Schaeffer et al. 2023).
Refs: Kaplan et al., "Scaling Laws for Neural Language Models" (2020); Hoffmann et al., "Training Compute-Optimal Large Language Models" (NeurIPS 2022); Hestness et al., "Deep Learning Scaling is Predictable, Empirically" (2017); Caballero et al., "Broken Neural Scaling Laws" (ICLR 2023); Sorscher et al. (NeurIPS 2022); Muennighoff et al. (NeurIPS 2023).
Probe: scaling-laws
-/
structure PowerLawScaling (L : Nat → K) (E r : K) (n0 : Nat) : Prop where
  /-- The law starts at a positive size. -/
  n0_pos : 0 < n0
  /-- The doubling ratio is positive. -/
  r_pos : 0 < r
  /-- The doubling ratio is below one: the loss improves. -/
  r_lt_one : r < 1
  /-- The loss stays above the irreducible loss. -/
  above : ∀ n, n0 ≤ n → E < L n
  /-- Each doubling multiplies the excess loss by `r`. -/
  doubling : ∀ n, n0 ≤ n → L (2 * n) - E = r * (L n - E)

/-- Assumption: more data never hurts along doublings: `L (2 n) ≤ L n` for every `n ≥ n0`, with
`0 < n0`.
Area: generalization
Status: refuted-in-regime
Evidence: Holds in the power-law regime of large models; refuted near the interpolation threshold, where adding data raises the test loss (sample-wise double descent in linear regression and in transformers, Nakkiran 2019; Nakkiran et al. 2020).
Refs: Nakkiran, "More Data Can Hurt for Linear Regression: Sample-wise Double Descent" (2019); Nakkiran, Kaplun, Bansal, Yang, Barak, Sutskever, "Deep Double Descent" (ICLR 2020).
Probe: scaling-laws
-/
structure MoreDataHelps (L : Nat → K) (n0 : Nat) : Prop where
  /-- The claim starts at a positive size. -/
  n0_pos : 0 < n0
  /-- Doubling the data does not raise the loss. -/
  antitone_dbl : ∀ n, n0 ≤ n → L (2 * n) ≤ L n

/-- Under a power law the excess loss is positive. -/
theorem PowerLawScaling.excess_pos {L : Nat → K} {E r : K} {n0 : Nat}
    (hp : PowerLawScaling L E r n0) {n : Nat} (hn : n0 ≤ n) : 0 < L n - E := by
  have h := hp.above n hn
  grind

/-- After `t` doublings of `n ≥ n0`, the excess loss is `r^t` times the excess loss at `n`. -/
theorem excess_dbl {L : Nat → K} {E r : K} {n0 : Nat} (hp : PowerLawScaling L E r n0)
    {n : Nat} (hn : n0 ≤ n) (t : Nat) : L (dbl t n) - E = r ^ t * (L n - E) := by
  induction t with
  | zero =>
    have e1 : r ^ (0 : Nat) = 1 := AxiomDL.pow_zero' r
    have e2 : dbl 0 n = n := rfl
    rw [e1, e2]
    grind
  | succ t ih =>
    have e1 : dbl (t + 1) n = 2 * dbl t n := rfl
    have e2 : r ^ (t + 1) = r ^ t * r := AxiomDL.pow_succ' r t
    have hd : n0 ≤ dbl t n := by
      have := le_dbl t n
      omega
    have h1 : L (2 * dbl t n) - E = r * (L (dbl t n) - E) := hp.doubling (dbl t n) hd
    have h2 : r * (L (dbl t n) - E) = r * (r ^ t * (L n - E)) := by rw [ih]
    rw [e1, e2, h1, h2]
    grind

/-- The excess loss falls at least harmonically in the number of doublings:
`(L (2^t n) - E) (1 + t (1 - r)) ≤ L n - E`. -/
theorem excess_dbl_mul_le {L : Nat → K} {E r : K} {n0 : Nat} (hp : PowerLawScaling L E r n0)
    {n : Nat} (hn : n0 ≤ n) (t : Nat) :
    (L (dbl t n) - E) * (1 + natToScalar t * (1 - r)) ≤ L n - E := by
  have h1 : L (dbl t n) - E = r ^ t * (L n - E) := excess_dbl hp hn t
  have he : 0 ≤ L n - E := by
    have := hp.excess_pos hn
    grind
  have hb : r ^ t * (1 + natToScalar t * (1 - r)) ≤ 1 :=
    pow_mul_one_add_le_one (by have := hp.r_pos; grind) (by have := hp.r_lt_one; grind) t
  have h2 : (L n - E) * (r ^ t * (1 + natToScalar t * (1 - r))) ≤ (L n - E) * 1 :=
    AxiomDL.mul_le_mul_of_nonneg_left hb he
  have e : (L (dbl t n) - E) * (1 + natToScalar t * (1 - r))
      = (L n - E) * (r ^ t * (1 + natToScalar t * (1 - r))) := by
    rw [h1]
    grind
  grind

/-- Under a power law the loss strictly decreases along doublings. -/
theorem loss_dbl_succ_lt {L : Nat → K} {E r : K} {n0 : Nat} (hp : PowerLawScaling L E r n0)
    {n : Nat} (hn : n0 ≤ n) (t : Nat) : L (dbl (t + 1) n) < L (dbl t n) := by
  have hd : n0 ≤ dbl t n := by
    have := le_dbl t n
    omega
  have e1 : dbl (t + 1) n = 2 * dbl t n := rfl
  have h1 : L (2 * dbl t n) - E = r * (L (dbl t n) - E) := hp.doubling (dbl t n) hd
  have hpos : 0 < (1 - r) * (L (dbl t n) - E) :=
    AxiomDL.mul_pos (by have := hp.r_lt_one; grind) (hp.excess_pos hd)
  have e2 : (1 - r) * (L (dbl t n) - E) = (L (dbl t n) - E) - r * (L (dbl t n) - E) := by grind
  rw [e1]
  grind

/-- Discharge: a power law makes doubling the data never hurt. -/
theorem moreDataHelps_of_powerLaw {L : Nat → K} {E r : K} {n0 : Nat}
    (hp : PowerLawScaling L E r n0) : MoreDataHelps L n0 := by
  refine ⟨hp.n0_pos, ?_⟩
  intro n hn
  have h1 : L (dbl (0 + 1) n) < L (dbl 0 n) := loss_dbl_succ_lt hp hn 0
  have e1 : dbl (0 + 1) n = 2 * n := rfl
  have e2 : dbl 0 n = n := rfl
  rw [e1, e2] at h1
  grind

/-- If doubling the data never hurts, then no number of doublings of `n ≥ n0` raises the loss
above its value at `n`. -/
theorem MoreDataHelps.loss_dbl_le {L : Nat → K} {n0 : Nat} (hm : MoreDataHelps L n0) {n : Nat}
    (hn : n0 ≤ n) (t : Nat) : L (dbl t n) ≤ L n := by
  induction t with
  | zero =>
    show L n ≤ L n
    grind
  | succ t ih =>
    have e : dbl (t + 1) n = 2 * dbl t n := rfl
    have hd : n0 ≤ dbl t n := by
      have := le_dbl t n
      omega
    have h1 : L (2 * dbl t n) ≤ L (dbl t n) := hm.antitone_dbl (dbl t n) hd
    rw [e]
    grind

/-- Of two power laws with the same irreducible loss and the same loss at a start `n ≥ n0`, the
steeper one (smaller doubling ratio) stays at or below the other after any number of
doublings. -/
theorem steeper_exponent_wins {L₁ L₂ : Nat → K} {E r₁ r₂ : K} {n0 : Nat}
    (hp₁ : PowerLawScaling L₁ E r₁ n0) (hp₂ : PowerLawScaling L₂ E r₂ n0) (hr : r₁ ≤ r₂)
    {n : Nat} (hn : n0 ≤ n) (hstart : L₁ n = L₂ n) (t : Nat) :
    L₁ (dbl t n) ≤ L₂ (dbl t n) := by
  have h1 : L₁ (dbl t n) - E = r₁ ^ t * (L₁ n - E) := excess_dbl hp₁ hn t
  have h2 : L₂ (dbl t n) - E = r₂ ^ t * (L₂ n - E) := excess_dbl hp₂ hn t
  have hpow : r₁ ^ t ≤ r₂ ^ t :=
    pow_le_pow_left_of_le (by have := hp₁.r_pos; grind) hr t
  have he : 0 ≤ L₂ n - E := by
    have := hp₂.excess_pos hn
    grind
  have h3 : r₁ ^ t * (L₂ n - E) ≤ r₂ ^ t * (L₂ n - E) :=
    AxiomDL.mul_le_mul_of_nonneg_right hpow he
  rw [hstart] at h1
  grind

end Laws

end AxiomDL.Generalization.Scaling
