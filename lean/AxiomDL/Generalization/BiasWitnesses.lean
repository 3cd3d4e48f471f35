import AxiomDL.Generalization.Bias

/-!
# Generalisation: joint witnesses (implicit bias, flat minima, benign overfitting)

Concrete instances over `Rat`, strictly inside the intended regime, for the theorems of
`Generalization/ImplicitBias.lean` and `Generalization/Bias.lean` whose hypotheses name two or
more assumptions (each on its `Covers:` line), and a witness of the flat-minima assumption in
the network setting of `flatMinima_gap_nonpos`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Generalization

section Scalar

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The squared-cosine bound of the max-margin witness, from two ring identities and the
monotonicity of multiplication by `a * a ≥ 0`:
`(1 - ε) (a² · 1²) ≤ (a · 1)²` for `ε > 0`. -/
theorem one_sub_mul_sq_le (a ε : K) (hε : 0 < ε) :
    (1 - ε) * ((a * a) * (1 * 1)) ≤ (a * 1) * (a * 1) := by
  have hs : 0 ≤ a * a := AxiomDL.mul_self_nonneg a
  have hle : 1 - ε ≤ 1 := by grind
  have e1 : (a * a) * (1 * 1) = a * a := by grind
  have e2 : (a * 1) * (a * 1) = 1 * (a * a) := by grind
  have hm : (1 - ε) * (a * a) ≤ 1 * (a * a) := AxiomDL.mul_le_mul_of_nonneg_right hle hs
  rw [e1, e2]
  exact hm

end Scalar

/-- Witness: the minimum-norm implicit bias, reached by gradient descent: in the 1-D space
with the single data point `(1, 2)` and step `η = 1 = 1 / ‖1‖²`, one GD step from zero lands
on the interpolant `2` exactly, so `minNormBias_of_gdIter` applies (nonempty data, a nonzero
target, a positive step).
Covers: AxiomDL.Generalization.MinNormBias.lsLoss_eq_zero
-/
theorem minNormBias_gd_witness :
    MinNormBias (AxiomDL.selfSpace (K := Rat)) [((1 : Rat), (2 : Rat))]
      (AxiomDL.gdIter AxiomDL.selfSpace (AxiomDL.lsGrad AxiomDL.selfSpace [((1 : Rat), (2 : Rat))])
        1 (AxiomDL.selfSpace (K := Rat)).zero 1) := by
  apply minNormBias_of_gdIter
  intro p hp
  rcases List.mem_cons.mp hp with e | hnil
  · subst e
    show ((0 : Rat) - 1 * ((0 * 1 - 2) * 1 + 0)) * 1 = 2
    grind
  · exact nomatch hnil

/-- The gradient-descent iterates of the max-margin witness: the margin loss with `ℓ' = -1` on
the data `(1, 1), (-1, -1)` in the 1-D space, step `1`, from zero. -/
def marginWitnessIter (t : Nat) : Rat :=
  AxiomDL.gdIter AxiomDL.selfSpace
    (marginGrad AxiomDL.selfSpace [((1 : Rat), (1 : Rat)), (-1, -1)] (fun _ => -1)) 1
    (AxiomDL.selfSpace (K := Rat)).zero t

/-- Witness: max-margin bias on a separable dataset with both labels: in the 1-D space the data
`(1, 1)` and `(-1, -1)` are separated with margin one by `wstar = 1 ≠ 0`, the least-norm such
separator; gradient descent with step `1` on the margin loss with `ℓ' = -1 < 0` moves by `2`
per step, so from `t = 1` on its iterates are positive multiples of `wstar`.
Covers: AxiomDL.Generalization.MaxMarginBias.wstar_ne_zero AxiomDL.Generalization.MaxMarginBias.eventually_ne_zero
-/
theorem maxMarginBias_witness :
    MaxMarginBias (AxiomDL.selfSpace (K := Rat)) [((1 : Rat), (1 : Rat)), (-1, -1)]
      (fun _ => -1) 1 1 := by
  have hg : ∀ x : Rat,
      marginGrad AxiomDL.selfSpace [((1 : Rat), (1 : Rat)), (-1, -1)] (fun _ => -1) x = -2 := by
    intro x
    show ((-1 : Rat) * 1) * 1 + (((-1) * (-1)) * (-1) + 0) = -2
    grind
  have hstep : ∀ t : Nat, marginWitnessIter (t + 1) = marginWitnessIter t + 2 := by
    intro t
    have h := hg (marginWitnessIter t)
    show marginWitnessIter t - 1 * marginGrad AxiomDL.selfSpace
        [((1 : Rat), (1 : Rat)), (-1, -1)] (fun _ => -1) (marginWitnessIter t)
      = marginWitnessIter t + 2
    rw [h]
    grind
  have hnn : ∀ t : Nat, 0 ≤ marginWitnessIter t := by
    intro t
    induction t with
    | zero =>
      show (0 : Rat) ≤ 0
      grind
    | succ k ih =>
      have hk := hstep k
      grind
  have hpos : ∀ t : Nat, 1 ≤ t → 0 < marginWitnessIter t := by
    intro t ht
    obtain ⟨s, hs⟩ : ∃ s, t = s + 1 := ⟨t - 1, by omega⟩
    rw [hs]
    have h1 := hstep s
    have h2 := hnn s
    grind
  refine ⟨by grind, fun u => ?_, ?_, ?_, ?_, ?_, ?_⟩
  · show (-1 : Rat) < 0
    grind
  · intro h
    cases h
  · intro p hp
    rcases List.mem_cons.mp hp with e | hp
    · subst e
      exact Or.inl rfl
    rcases List.mem_cons.mp hp with e | hnil
    · subst e
      exact Or.inr rfl
    · exact nomatch hnil
  · intro p hp
    rcases List.mem_cons.mp hp with e | hp
    · subst e
      show (1 : Rat) ≤ 1 * (1 * 1)
      grind
    rcases List.mem_cons.mp hp with e | hnil
    · subst e
      show (1 : Rat) ≤ (-1) * (1 * (-1))
      grind
    · exact nomatch hnil
  · intro v hv
    have h1 : (1 : Rat) ≤ 1 * (v * 1) := hv (1, 1) (List.mem_cons.mpr (Or.inl rfl))
    have hsq : 0 ≤ (v - 1) * (v - 1) := AxiomDL.mul_self_nonneg (v - 1)
    have e1 : (v - 1) * (v - 1) = v * v - 2 * v + 1 := by grind
    have e2 : (1 : Rat) * (v * 1) = v := by grind
    show (1 : Rat) * 1 ≤ v * v
    grind
  · intro ε hε
    refine ⟨1, fun t ht => ?_⟩
    have hp : 0 < marginWitnessIter t := hpos t ht
    have e : marginWitnessIter t * 1 = marginWitnessIter t := by grind
    show 0 < marginWitnessIter t * 1 ∧
      (1 - ε) * ((marginWitnessIter t * marginWitnessIter t) * (1 * 1))
        ≤ (marginWitnessIter t * 1) * (marginWitnessIter t * 1)
    refine ⟨?_, one_sub_mul_sq_le (marginWitnessIter t) ε hε⟩
    rw [e]
    exact hp

/-- Training data of the benign-overfitting witness: `n` examples at the inputs
`2, 3, …, n + 1`, all labelled `1` (the regression function is `0`, so every label is noise). -/
def spikeData : Nat → List (Nat × Rat)
  | 0 => []
  | n + 1 => (n + 2, 1) :: spikeData n

/-- The interpolant of the benign-overfitting witness: `1` on the inputs `≥ 2` (where the
training data lie), `0` elsewhere. -/
def spikeFit (x : Nat) : Rat := if 2 ≤ x then 1 else 0

/-- `spikeData n` has `n` examples. -/
theorem spikeData_length (n : Nat) : (spikeData n).length = n := by
  induction n with
  | zero => rfl
  | succ k ih =>
    show (spikeData k).length + 1 = k + 1
    rw [ih]

/-- Every example of `spikeData n` has input at least `2` and label `1`. -/
theorem spikeData_mem {n : Nat} {p : Nat × Rat} (hp : p ∈ spikeData n) : 2 ≤ p.1 ∧ p.2 = 1 := by
  induction n with
  | zero =>
    have h0 : spikeData 0 = [] := rfl
    rw [h0] at hp
    exact nomatch hp
  | succ k ih =>
    have hk' : spikeData (k + 1) = (k + 2, 1) :: spikeData k := rfl
    rw [hk'] at hp
    rcases List.mem_cons.mp hp with e | hk
    · subst e
      constructor
      · show 2 ≤ k + 2
        omega
      · rfl
    · exact ih hk

/-- The squared deviations of the `spikeData n` labels from `0` sum to `n`. -/
theorem spikeData_sum (n : Nat) :
    AxiomDL.sumOver (spikeData n) (sqErr (fun _ : Nat => (0 : Rat))) = natToScalar n := by
  induction n with
  | zero => rfl
  | succ k ih =>
    have hs : (natToScalar (k + 1) : Rat) = natToScalar k + 1 := natToScalar_succ k
    show ((0 : Rat) - 1) * (0 - 1)
        + AxiomDL.sumOver (spikeData k) (sqErr (fun _ : Nat => (0 : Rat)))
      = natToScalar (k + 1)
    rw [ih, hs]
    grind

/-- Witness: benign overfitting with noise level `σ² = 1 > 0`: the regression function is `0`,
every training label is `1` (pure noise), the predictor `spikeFit` interpolates every training
set, and under the input distribution uniform on `{0, 1}` (not a point mass), where no
training input lies, its excess risk is `0`. The interpolating spikes sit where the data
distribution puts no mass, the finite shadow of the spiky-smooth interpolants of the
literature.
Covers: AxiomDL.Generalization.BenignOverfitting.excess_vanishes AxiomDL.Generalization.BenignOverfitting.trainError_eq_zero AxiomDL.Generalization.BenignOverfitting.fits_noise
-/
theorem benignOverfitting_witness :
    BenignOverfitting
      (Expectation.mix (K := Rat) (Expectation.pointMass 0) (Expectation.pointMass 1))
      (fun _ : Nat => (0 : Rat)) spikeData (fun _ => spikeFit) 1 := by
  have h0 : spikeFit 0 = 0 := by
    unfold spikeFit
    exact if_neg (by omega)
  have h1 : spikeFit 1 = 0 := by
    unfold spikeFit
    exact if_neg (by omega)
  refine ⟨by grind, spikeData_length, ?_, ?_, ?_⟩
  · intro n p hp
    have hm := spikeData_mem hp
    have hfit : spikeFit p.1 = 1 := by
      unfold spikeFit
      exact if_pos hm.1
    show spikeFit p.1 = p.2
    rw [hfit, hm.2]
  · intro n hn
    have hsum := spikeData_sum n
    have hpos : (0 : Rat) < natToScalar n := natToScalar_pos hn
    have hne : (natToScalar n : Rat) ≠ 0 := by grind
    have hone : (natToScalar n : Rat) / natToScalar n = 1 := self_div_self_eq_one hne
    show (1 : Rat) ≤ AxiomDL.sumOver (spikeData n) (sqErr (fun _ : Nat => (0 : Rat)))
      / natToScalar (spikeData n).length
    rw [hsum, spikeData_length n]
    grind
  · intro ε hε
    refine ⟨0, fun n _ => ?_⟩
    show ((spikeFit 0 - 0) * (spikeFit 0 - 0) + (spikeFit 1 - 0) * (spikeFit 1 - 0)) / 2 ≤ ε
    rw [h0, h1]
    have hz : ((0 : Rat) - 0) * (0 - 0) + (0 - 0) * (0 - 0) = 0 := by grind
    have hd : (0 : Rat) / 2 = 0 * (1 / 2) := AxiomDL.div_eq_mul_one_div 0 2
    rw [hz, hd]
    grind

/-- Witness: flat minima "generalise" for 1-D ReLU networks with the output-layer curvature at
`0` as sharpness and `C = 1`, for the zero gap: the only gaps this bound allows at minima are
the nonpositive ones (`flatMinima_gap_nonpos`), and the zero gap is one.
-/
theorem flatMinimaGeneralize_curvature_witness :
    FlatMinimaGeneralize (fun (_ : List (Expressivity.Neuron Rat)) => (0 : Rat))
      (fun net => Expressivity.outputCurvature net 0) (fun _ => 0) 1 := by
  refine ⟨by grind, fun net _ => ?_⟩
  have h : (0 : Rat) ≤ Expressivity.outputCurvature net 0 := outputCurvature_nonneg net 0
  show (0 : Rat) ≤ 1 * Expressivity.outputCurvature net 0
  grind

end AxiomDL.Generalization
