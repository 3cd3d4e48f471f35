import AxiomDL.Expressivity.Regimes
import AxiomDL.Foundations.GradientDescent

/-!
# Kernel regime and feature learning: witnesses and separations over `Rat`

The fixed-width models are gradient descent with step `1/2` on the 1-D loss `½ (θ - θ*)²`
(gradient `θ - θ*`, `pullGrad`), started at `θ₀`; the feature of the single input is the
parameter itself (a 1-D linear model's hidden feature). Each step halves the distance to the
target, so the iterates stay between `θ₀` and `θ*` (`pullIter_between`). From `θ₀ = 1`:

* towards `θ* = 11/10` the feature moves by at most `1/10`: the NTK regime with `ε = 1/100`,
  and no feature learning with `δ = 1/4`;
* towards `θ* = 3` the feature is `2` after one step: feature learning with `δ = 1`, and not the
  NTK regime with `ε = 1/2`.

The width-indexed families have the feature `n + [t ≥ 1]` (a feature of squared norm `n²` that
moves by `1`: relative squared movement `1/n²`, NTK scaling with `C = 1`) and `1 + [t ≥ 1]`
(relative movement `1` at every width: mean-field scaling with `δ = 1`).
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Models

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The gradient `θ - θ*` of the loss `½ (θ - θ*)²`. -/
def pullGrad (target θ : K) : K :=
  θ - target

/-- Gradient descent with step `1/2` on `½ (θ - θ*)²` from `start`. -/
def pullIter (start target : K) (t : Nat) : K :=
  AxiomDL.gdIter AxiomDL.selfSpace (pullGrad target) (1 / 2) start t

/-- The feature trajectory of the single input: the GD iterate from `θ₀ = 1`. -/
def pullFeatures (target : K) (t : Nat) (_ : Unit) : K :=
  pullIter 1 target t

/-- One step of `pullIter` halves the distance to the target. -/
theorem pullIter_succ (start target : K) (t : Nat) :
    pullIter start target (t + 1)
      = pullIter start target t - 1 / 2 * (pullIter start target t - target) :=
  rfl

/-- From `start ≤ target`, the GD iterates stay between `start` and `target`. -/
theorem pullIter_between {start target : K} (hst : start ≤ target) (t : Nat) :
    start ≤ pullIter start target t ∧ pullIter start target t ≤ target := by
  induction t with
  | zero =>
    have e : pullIter start target 0 = start := rfl
    rw [e]
    constructor
    · grind
    · exact hst
  | succ k ih =>
    obtain ⟨h1, h2⟩ := ih
    rw [pullIter_succ]
    constructor
    · grind
    · grind

/-- Witness: GD from `1` towards `11/10` is in the NTK regime with relative squared movement
`ε = 1/100`. -/
theorem pull_ntkRegime :
    NTKRegime (AxiomDL.selfSpace (K := K)) (pullFeatures (11 / 10)) (1 / 100) := by
  refine ⟨by grind, by grind, ?_⟩
  intro t x
  have hb := pullIter_between (K := K) (start := 1) (target := 11 / 10) (by grind) t
  obtain ⟨h1, h2⟩ := hb
  have hm : (pullIter 1 (11 / 10 : K) t - 1) * (pullIter 1 (11 / 10 : K) t - 1)
      ≤ (pullIter 1 (11 / 10 : K) t - 1) * (1 / 10) :=
    AxiomDL.mul_le_mul_of_nonneg_left (by grind) (by grind)
  show (pullIter 1 (11 / 10 : K) t - pullIter 1 (11 / 10) 0)
      * (pullIter 1 (11 / 10 : K) t - pullIter 1 (11 / 10) 0)
      ≤ 1 / 100 * (pullIter 1 (11 / 10 : K) 0 * pullIter 1 (11 / 10) 0)
  have e0 : pullIter 1 (11 / 10 : K) 0 = 1 := rfl
  rw [e0]
  grind

/-- Witness: GD from `1` towards `3` learns features with threshold `δ = 1`: after one step the
feature is `2`. -/
theorem pull_featureLearning :
    FeatureLearning (AxiomDL.selfSpace (K := K)) (pullFeatures 3) 1 := by
  have e0 : pullIter 1 (3 : K) 0 = 1 := rfl
  have e1 : pullIter 1 (3 : K) 1 = 1 - 1 / 2 * (1 - 3) := rfl
  refine ⟨by grind, 1, (), ?_, ?_⟩
  · show (0 : K) < pullIter 1 3 0 * pullIter 1 3 0
    rw [e0]
    grind
  · show (1 : K) * (pullIter 1 3 0 * pullIter 1 3 0)
      ≤ (pullIter 1 3 1 - pullIter 1 3 0) * (pullIter 1 3 1 - pullIter 1 3 0)
    rw [e0, e1]
    grind

/-- The step feature `[t ≥ 1]`: `0` at initialisation, `1` afterwards. -/
def stepOn : Nat → K
  | 0 => 0
  | _ + 1 => 1

/-- The step feature is `0` or `1`, so its square is at most `1`. -/
theorem stepOn_sq_le (t : Nat) : (0 : K) ≤ stepOn t * stepOn t ∧ (stepOn t : K) * stepOn t ≤ 1 := by
  cases t with
  | zero =>
    show (0 : K) ≤ 0 * 0 ∧ (0 : K) * 0 ≤ 1
    constructor
    · grind
    · grind
  | succ m =>
    show (0 : K) ≤ 1 * 1 ∧ (1 : K) * 1 ≤ 1
    constructor
    · grind
    · grind

/-- A width-indexed family with NTK scaling: the feature `n + [t ≥ 1]` of squared norm `n²`
moves by `1`. -/
def ntkFamily (n t : Nat) (_ : Unit) : K :=
  AxiomDL.natToScalar n + stepOn t

/-- A width-indexed family with mean-field scaling: the feature `1 + [t ≥ 1]` moves by `1` at
every width. -/
def meanFieldFamily (_ t : Nat) (_ : Unit) : K :=
  1 + stepOn t

/-- Witness: `ntkFamily` has NTK scaling with constant `C = 1`:
`n · [t ≥ 1]² ≤ n ≤ n²` for `n ≥ 1`. -/
theorem ntkFamily_scaling :
    NTKWidthScaling (fun _ => AxiomDL.selfSpace (K := K)) ntkFamily 1 := by
  refine ⟨by grind, ?_⟩
  intro n hn t x
  have hN : (1 : K) ≤ AxiomDL.natToScalar n := one_le_natToScalar hn
  have hs := stepOn_sq_le (K := K) t
  obtain ⟨hs0, hs1⟩ := hs
  have e0 : (stepOn 0 : K) = 0 := rfl
  have h1 : AxiomDL.natToScalar n * (stepOn t * stepOn t) ≤ AxiomDL.natToScalar n * 1 :=
    AxiomDL.mul_le_mul_of_nonneg_left hs1 (by grind)
  have h2 : AxiomDL.natToScalar n * 1 ≤ AxiomDL.natToScalar n * AxiomDL.natToScalar n :=
    AxiomDL.mul_le_mul_of_nonneg_left hN (by grind)
  show AxiomDL.natToScalar n
        * ((AxiomDL.natToScalar n + stepOn t - (AxiomDL.natToScalar n + stepOn 0))
          * (AxiomDL.natToScalar n + stepOn t - (AxiomDL.natToScalar n + stepOn 0)))
      ≤ 1 * ((AxiomDL.natToScalar n + stepOn 0) * (AxiomDL.natToScalar n + stepOn 0))
  rw [e0]
  grind

/-- Witness: `meanFieldFamily` has mean-field scaling with threshold `δ = 1`: at every width the
feature moves from `1` to `2`. -/
theorem meanFieldFamily_scaling :
    MeanFieldScaling (fun _ => AxiomDL.selfSpace (K := K)) meanFieldFamily 1 := by
  refine ⟨by grind, ?_⟩
  intro n _
  have e0 : (stepOn 0 : K) = 0 := rfl
  have e1 : (stepOn 1 : K) = 1 := rfl
  refine ⟨1, (), ?_, ?_⟩
  · show (0 : K) < (1 + stepOn 0) * (1 + stepOn 0)
    rw [e0]
    grind
  · show (1 : K) * ((1 + stepOn 0) * (1 + stepOn 0))
      ≤ (1 + stepOn 1 - (1 + stepOn 0)) * (1 + stepOn 1 - (1 + stepOn 0))
    rw [e0, e1]
    grind

/-- A model that moves: GD from `0` towards `1/2` stays in the unit ball around `0`. -/
theorem pullIter_half_in_ball (t : Nat) :
    (AxiomDL.selfSpace (K := K)).normSq
        ((AxiomDL.selfSpace (K := K)).sub (pullIter 0 (1 / 2) t) (pullIter 0 (1 / 2) 0)) ≤ 1 := by
  have hb := pullIter_between (K := K) (start := 0) (target := 1 / 2) (by grind) t
  obtain ⟨h1, h2⟩ := hb
  have e0 : pullIter 0 (1 / 2 : K) 0 = 0 := rfl
  have hm : pullIter 0 (1 / 2 : K) t * pullIter 0 (1 / 2) t
      ≤ pullIter 0 (1 / 2 : K) t * (1 / 2) :=
    AxiomDL.mul_le_mul_of_nonneg_left h2 h1
  show (pullIter 0 (1 / 2 : K) t - pullIter 0 (1 / 2) 0)
      * (pullIter 0 (1 / 2) t - pullIter 0 (1 / 2) 0) ≤ 1
  rw [e0]
  grind

/-- GD from `1` towards `11/10` does not learn features with threshold `1/4`
(it is in the NTK regime with `ε = 1/100 < 1/4`). -/
theorem pull_not_featureLearning :
    ¬ FeatureLearning (AxiomDL.selfSpace (K := K)) (pullFeatures (11 / 10)) (1 / 4) :=
  not_featureLearning_of_ntkRegime pull_ntkRegime (by grind)

/-- GD from `1` towards `3` is not in the NTK regime with `ε = 1/2` (it learns features with
`δ = 1 > 1/2`). -/
theorem pull_not_ntkRegime : ¬ NTKRegime (AxiomDL.selfSpace (K := K)) (pullFeatures 3) (1 / 2) :=
  fun hn => not_featureLearning_of_ntkRegime hn (by grind) pull_featureLearning

/-- `ntkFamily` is not mean-field scaled with `δ = 1`: at width `2`, `C = 1 < 2 · 1`. -/
theorem ntkFamily_not_meanField :
    ¬ MeanFieldScaling (fun _ => AxiomDL.selfSpace (K := K)) ntkFamily 1 := by
  have e2 : (AxiomDL.natToScalar 2 : K) = 0 + 1 + 1 := rfl
  exact not_meanFieldScaling_of_ntkWidthScaling ntkFamily_scaling (n := 2) (by omega) (by grind)

/-- `meanFieldFamily` does not have NTK scaling with `C = 1`: that would forbid its movement at
width `2`. -/
theorem meanFieldFamily_not_ntkWidth :
    ¬ NTKWidthScaling (fun _ => AxiomDL.selfSpace (K := K)) meanFieldFamily 1 := by
  have e2 : (AxiomDL.natToScalar 2 : K) = 0 + 1 + 1 := rfl
  intro hs
  exact not_meanFieldScaling_of_ntkWidthScaling hs (n := 2) (by omega) (by grind)
    meanFieldFamily_scaling

end Models

/-- Witness: over `Rat`, GD from `1` towards `11/10` is in the NTK regime with `ε = 1/100`
(`0 < ε < 1`).
Covers: AxiomDL.Expressivity.NTKRegime.mono AxiomDL.Expressivity.NTKRegime.normSq_le AxiomDL.Expressivity.not_featureLearning_of_ntkRegime -/
theorem ntkRegime_witness_rat :
    NTKRegime AxiomDL.ratSpace (pullFeatures (11 / 10 : Rat)) (1 / 100) :=
  pull_ntkRegime

/-- Witness: over `Rat`, GD from `1` towards `3` learns features with `δ = 1 > 0`.
Covers: AxiomDL.Expressivity.FeatureLearning.mono -/
theorem featureLearning_witness_rat :
    FeatureLearning AxiomDL.ratSpace (pullFeatures (3 : Rat)) 1 :=
  pull_featureLearning

/-- Witness: over `Rat`, the family `n + [t ≥ 1]` has NTK scaling with `C = 1 > 0`.
Covers: AxiomDL.Expressivity.ntkRegime_of_ntkWidthScaling AxiomDL.Expressivity.not_featureLearning_of_ntkWidthScaling AxiomDL.Expressivity.not_meanFieldScaling_of_ntkWidthScaling -/
theorem ntkWidthScaling_witness_rat :
    NTKWidthScaling (fun _ => AxiomDL.ratSpace) (ntkFamily (K := Rat)) 1 :=
  ntkFamily_scaling

/-- Witness: over `Rat`, the family `1 + [t ≥ 1]` has mean-field scaling with `δ = 1 > 0`.
Covers: AxiomDL.Expressivity.featureLearning_of_meanFieldScaling -/
theorem meanFieldScaling_witness_rat :
    MeanFieldScaling (fun _ => AxiomDL.ratSpace) (meanFieldFamily (K := Rat)) 1 :=
  meanFieldFamily_scaling

/-- Witness: over `Rat`, the model `kinkedModel` (linear on the unit ball around `0`) is lazily
trained with budget `0` on that ball, and GD from `0` towards `1/2` stays in the ball (the
hypothesis `hstay` of the covered discharge, stated for the same trajectory), so the model
equals its linearisation along the trajectory.
Covers: AxiomDL.Expressivity.linearisedAlongTrajectory_of_lazyTraining AxiomDL.Expressivity.LinearisedAlongTrajectory.residual_close -/
theorem lazyTrajectory_witness_rat :
    LazyTraining AxiomDL.ratSpace kinkedModel (pullIter 0 (1 / 2 : Rat) 0) (fun _ => 1) 1 0 ∧
      (∀ t : Nat, (AxiomDL.ratSpace).normSq
        ((AxiomDL.ratSpace).sub (pullIter 0 (1 / 2 : Rat) t) (pullIter 0 (1 / 2 : Rat) 0)) ≤ 1) ∧
      LinearisedAlongTrajectory AxiomDL.ratSpace kinkedModel (fun _ => 1)
        (pullIter 0 (1 / 2 : Rat)) 0 :=
  ⟨lazyTraining_exact_witness, pullIter_half_in_ball,
    linearisedAlongTrajectory_of_lazyTraining AxiomDL.ratSpace lazyTraining_exact_witness
      pullIter_half_in_ball⟩

/-- Separation: `NTKRegime` does not imply `FeatureLearning`. Over `Rat`, GD from `1` towards
`11/10` moves the feature by at most `1/10` (the NTK regime with `ε = 1/100`), so no feature
moves by the fraction `δ = 1/4`. -/
theorem ntk_not_featureLearning_sep :
    NTKRegime AxiomDL.ratSpace (pullFeatures (11 / 10 : Rat)) (1 / 100) ∧
      ¬ FeatureLearning AxiomDL.ratSpace (pullFeatures (11 / 10 : Rat)) (1 / 4) :=
  ⟨pull_ntkRegime, pull_not_featureLearning⟩

/-- Separation: `FeatureLearning` does not imply `NTKRegime`. Over `Rat`, GD from `1` towards
`3` moves the feature to `2` in one step (feature learning with `δ = 1`), which the NTK regime
with `ε = 1/2` forbids. -/
theorem featureLearning_not_ntk_sep :
    FeatureLearning AxiomDL.ratSpace (pullFeatures (3 : Rat)) 1 ∧
      ¬ NTKRegime AxiomDL.ratSpace (pullFeatures (3 : Rat)) (1 / 2) :=
  ⟨pull_featureLearning, pull_not_ntkRegime⟩

/-- Separation: `NTKWidthScaling` does not imply `MeanFieldScaling`. Over `Rat`, the family
`n + [t ≥ 1]` has NTK scaling with `C = 1`; at width `2`, `C < 2 · 1`, so it is not mean-field
scaled with `δ = 1`. -/
theorem ntkWidth_not_meanField_sep :
    NTKWidthScaling (fun _ => AxiomDL.ratSpace) (ntkFamily (K := Rat)) 1 ∧
      ¬ MeanFieldScaling (fun _ => AxiomDL.ratSpace) (ntkFamily (K := Rat)) 1 :=
  ⟨ntkFamily_scaling, ntkFamily_not_meanField⟩

/-- Separation: `MeanFieldScaling` does not imply `NTKWidthScaling`. Over `Rat`, the family
`1 + [t ≥ 1]` is mean-field scaled with `δ = 1`; NTK scaling with `C = 1` would forbid that at
width `2`. -/
theorem meanField_not_ntkWidth_sep :
    MeanFieldScaling (fun _ => AxiomDL.ratSpace) (meanFieldFamily (K := Rat)) 1 ∧
      ¬ NTKWidthScaling (fun _ => AxiomDL.ratSpace) (meanFieldFamily (K := Rat)) 1 :=
  ⟨meanFieldFamily_scaling, meanFieldFamily_not_ntkWidth⟩

end AxiomDL.Expressivity
