import AxiomDL.Expressivity.Lazy

/-!
# Expressivity: infinite width, the kernel regime and feature learning

How much do a network's features move during training? Write `h t x` for the features of the
input `x` after `t` training steps: the tangent features (the parameter gradient of the output,
whose Gram matrix is the neural tangent kernel) or the last hidden layer's activations, in an
inner-product space `F`.

* `NTKRegime` (lazy training; Jacot et al. 2018, Chizat–Oyallon–Bach 2019): along the whole
  trajectory every feature moves by at most a fraction `ε ∈ (0, 1)` of its initial squared norm,
  `‖h t x - h 0 x‖² ≤ ε ‖h 0 x‖²`;
* `FeatureLearning` (the mean-field / µP regime; Mei–Montanari–Nguyen 2018, Chizat–Bach 2018,
  Yang–Hu 2021): some feature with nonzero initial norm moves by at least a fraction `δ > 0`.

They exclude each other when `ε < δ` (`not_featureLearning_of_ntkRegime`), and concrete
gradient-descent trajectories over `Rat` satisfy each one without the other
(`RegimesWitnesses`). The infinite-width statements are about a family indexed by the width `n`:
`NTKWidthScaling` (relative squared movement at most `C/n`, the NTK parameterisation) and
`MeanFieldScaling` (relative movement at least `δ` at every width, the mean-field and µP
parameterisations). Both cannot hold at any width `n` with `C < n δ`
(`not_meanFieldScaling_of_ntkWidthScaling`, the dichotomy of Yang and Hu in its elementary form);
a width-`n` member of an NTK-scaled family is in the NTK regime with `ε = C/n`
(`ntkRegime_of_ntkWidthScaling`).

The function-space form of lazy training is `LinearisedAlongTrajectory`: the model stays within
`ε` of its linearisation at initialisation along the trajectory. It follows from
`Expressivity.LazyTraining` on a ball that the trajectory does not leave
(`linearisedAlongTrajectory_of_lazyTraining`); that training stays in the ball at practical
widths is the open problem `Expressivity.LazyTrainingAtPracticalWidth`.
-/

set_option autoImplicit false

universe u v w z

namespace AxiomDL.Expressivity

section Regimes

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Assumption: the NTK (lazy) regime with relative feature movement `ε`, `0 < ε < 1`: along
the training trajectory, for every step `t` and input `x`, the features move by at most
`‖h t x - h 0 x‖² ≤ ε ‖h 0 x‖²` (squared norms, so the relative movement is at most `√ε`).
Area: expressivity
Status: refuted-in-regime
Evidence: Under the NTK parameterisation the tangent kernel and the features move by O(1/√width) and are frozen in the infinite-width limit (Jacot et al. 2018; Lee et al. 2019), and any model with a large output scale trains lazily (Chizat et al. 2019); practical networks and the mean-field and µP parameterisations move their tangent kernel by order one early in training (Fort et al. 2020; Yang, Hu 2021).
Refs: Jacot, Gabriel, Hongler, "Neural Tangent Kernel" (NeurIPS 2018); Lee et al., "Wide Neural Networks of Any Depth Evolve as Linear Models Under Gradient Descent" (NeurIPS 2019); Chizat, Oyallon, Bach, "On Lazy Training in Differentiable Programming" (NeurIPS 2019); Fort et al., "Deep learning versus kernel learning" (NeurIPS 2020).
-/
structure NTKRegime {X : Type w} {F : Type v} (EF : AxiomDL.InnerProductSpace K F)
    (h : Nat → X → F) (ε : K) : Prop where
  /-- The movement budget is positive. -/
  eps_pos : 0 < ε
  /-- The movement budget is a fraction of the initial norm. -/
  eps_lt_one : ε < 1
  /-- The features move little. -/
  lazy : ∀ (t : Nat) (x : X), EF.normSq (EF.sub (h t x) (h 0 x)) ≤ ε * EF.normSq (h 0 x)

/-- Assumption: feature learning (the mean-field / µP regime) with relative movement `δ > 0`:
at some step `t` some input `x` with a nonzero initial feature has moved by at least
`δ ‖h 0 x‖² ≤ ‖h t x - h 0 x‖²`.
Area: expressivity
Status: plausible
Evidence: In the mean-field limit of two-layer networks each neuron moves by order one (Mei, Montanari, Nguyen 2018; Chizat, Bach 2018; Rotskoff, Vanden-Eijnden 2018), µP keeps order-one feature updates at every width (Yang, Hu 2021), and the tangent kernel of practical networks changes rapidly early in training (Fort et al. 2020); it fails under the NTK parameterisation at large width.
Refs: Mei, Montanari, Nguyen, "A mean field view of the landscape of two-layer neural networks" (PNAS 2018); Chizat, Bach, "On the Global Convergence of Gradient Descent for Over-parameterized Models using Optimal Transport" (NeurIPS 2018); Yang, Hu, "Tensor Programs IV: Feature Learning in Infinite-Width Neural Networks" (ICML 2021); Fort et al. (NeurIPS 2020).
-/
structure FeatureLearning {X : Type w} {F : Type v} (EF : AxiomDL.InnerProductSpace K F)
    (h : Nat → X → F) (δ : K) : Prop where
  /-- The movement threshold is positive. -/
  delta_pos : 0 < δ
  /-- Some feature moves by a fraction `δ` of its nonzero initial norm. -/
  moves : ∃ (t : Nat) (x : X), 0 < EF.normSq (h 0 x) ∧
    δ * EF.normSq (h 0 x) ≤ EF.normSq (EF.sub (h t x) (h 0 x))

/-- The NTK regime with budget `ε` implies it with every larger budget `ε' < 1`. -/
theorem NTKRegime.mono {X : Type w} {F : Type v} {EF : AxiomDL.InnerProductSpace K F}
    {h : Nat → X → F} {ε ε' : K} (hn : NTKRegime EF h ε) (hle : ε ≤ ε') (hlt : ε' < 1) :
    NTKRegime EF h ε' := by
  have h0 : 0 < ε := hn.eps_pos
  refine ⟨by grind, hlt, ?_⟩
  intro t x
  have h1 := hn.lazy t x
  have h2 : 0 ≤ EF.normSq (h 0 x) := EF.normSq_nonneg _
  have h3 : ε * EF.normSq (h 0 x) ≤ ε' * EF.normSq (h 0 x) :=
    AxiomDL.mul_le_mul_of_nonneg_right hle h2
  grind

/-- Feature learning with threshold `δ` implies it with every smaller positive threshold. -/
theorem FeatureLearning.mono {X : Type w} {F : Type v} {EF : AxiomDL.InnerProductSpace K F}
    {h : Nat → X → F} {δ δ' : K} (hf : FeatureLearning EF h δ) (hpos : 0 < δ') (hle : δ' ≤ δ) :
    FeatureLearning EF h δ' := by
  obtain ⟨t, x, hx, hm⟩ := hf.moves
  have h3 : δ' * EF.normSq (h 0 x) ≤ δ * EF.normSq (h 0 x) :=
    AxiomDL.mul_le_mul_of_nonneg_right hle (by grind)
  exact ⟨hpos, t, x, hx, by grind⟩

/-- In the NTK regime with budget `ε`, no feature learns with a threshold `δ > ε`: the two
regimes exclude each other. -/
theorem not_featureLearning_of_ntkRegime {X : Type w} {F : Type v}
    {EF : AxiomDL.InnerProductSpace K F} {h : Nat → X → F} {ε δ : K} (hn : NTKRegime EF h ε)
    (hεδ : ε < δ) : ¬ FeatureLearning EF h δ := by
  intro hf
  obtain ⟨t, x, hx, hm⟩ := hf.moves
  have h1 := hn.lazy t x
  have hp : 0 < (δ - ε) * EF.normSq (h 0 x) := AxiomDL.mul_pos (by grind) hx
  grind

/-- In the NTK regime the features stay bounded: `‖h t x‖² ≤ 2 (1 + ε) ‖h 0 x‖²` (the diagonal
of the feature kernel grows by a bounded factor), from `‖a‖² ≤ 2‖a - b‖² + 2‖b‖²`. -/
theorem NTKRegime.normSq_le {X : Type w} {F : Type v} {EF : AxiomDL.InnerProductSpace K F}
    {h : Nat → X → F} {ε : K} (hn : NTKRegime EF h ε) (t : Nat) (x : X) :
    EF.normSq (h t x) ≤ 2 * (1 + ε) * EF.normSq (h 0 x) := by
  have h1 := hn.lazy t x
  have e1 : EF.normSq (EF.sub (h t x) (h 0 x))
      = EF.normSq (h t x) - 2 * EF.inner (h t x) (h 0 x) + EF.normSq (h 0 x) :=
    EF.normSq_sub (h t x) (h 0 x)
  have e2 : EF.normSq (EF.sub (h t x) (EF.smul 2 (h 0 x)))
      = EF.normSq (h t x) - 2 * EF.inner (h t x) (EF.smul 2 (h 0 x))
        + EF.normSq (EF.smul 2 (h 0 x)) :=
    EF.normSq_sub (h t x) (EF.smul 2 (h 0 x))
  have e3 : EF.inner (h t x) (EF.smul 2 (h 0 x)) = 2 * EF.inner (h t x) (h 0 x) :=
    EF.inner_smul_right 2 (h t x) (h 0 x)
  have e4 : EF.normSq (EF.smul 2 (h 0 x)) = 2 * 2 * EF.normSq (h 0 x) :=
    EF.normSq_smul 2 (h 0 x)
  have h2 : 0 ≤ EF.normSq (EF.sub (h t x) (EF.smul 2 (h 0 x))) := EF.normSq_nonneg _
  grind

/-- Assumption: NTK scaling of a width-indexed family with constant `C > 0`: at every width
`n ≥ 1` the relative squared movement of the features is at most `C/n`:
`n ‖h n t x - h n 0 x‖² ≤ C ‖h n 0 x‖²` for all steps `t` and inputs `x` (relative movement
`O(1/√n)`, so the features, and the tangent kernel, freeze as the width grows).
Area: expressivity
Status: established
Evidence: Proved for gradient descent under the NTK parameterisation with the squared loss: weights, features and tangent kernel move by O(1/√n) at width n (Jacot et al. 2018; Lee et al. 2019; Du et al. 2019); it is a property of that parameterisation, not of the standard or µP parameterisations used in practice (Yang, Hu 2021).
Refs: Jacot, Gabriel, Hongler (NeurIPS 2018); Lee et al. (NeurIPS 2019); Du, Zhai, Poczos, Singh, "Gradient Descent Provably Optimizes Over-parameterized Neural Networks" (ICLR 2019); Yang, Hu (ICML 2021).
-/
structure NTKWidthScaling {X : Type w} {F : Nat → Type v}
    (EF : (n : Nat) → AxiomDL.InnerProductSpace K (F n)) (h : (n : Nat) → Nat → X → F n) (C : K) :
    Prop where
  /-- The constant is positive. -/
  C_pos : 0 < C
  /-- Relative squared movement at most `C/n` at width `n`. -/
  rate : ∀ n : Nat, 1 ≤ n → ∀ (t : Nat) (x : X),
    AxiomDL.natToScalar n * (EF n).normSq ((EF n).sub (h n t x) (h n 0 x))
      ≤ C * (EF n).normSq (h n 0 x)

/-- Assumption: mean-field (or µP) scaling of a width-indexed family with threshold `δ > 0`: at
every width `n ≥ 1` some feature with nonzero initial norm moves by at least a fraction `δ`
(feature learning that does not vanish as the width grows).
Area: expressivity
Status: established
Evidence: Proved for two-layer networks in the mean-field scaling, whose neuron distribution follows a Wasserstein gradient flow with order-one movement (Mei, Montanari, Nguyen 2018; Chizat, Bach 2018), and for every layer under µP (Yang, Hu 2021); it is a property of those parameterisations, and fails under the NTK parameterisation.
Refs: Mei, Montanari, Nguyen (PNAS 2018); Chizat, Bach (NeurIPS 2018); Rotskoff, Vanden-Eijnden, "Trainability and Accuracy of Artificial Neural Networks: An Interacting Particle System Approach" (CPAM 2022); Yang, Hu (ICML 2021).
-/
structure MeanFieldScaling {X : Type w} {F : Nat → Type v}
    (EF : (n : Nat) → AxiomDL.InnerProductSpace K (F n)) (h : (n : Nat) → Nat → X → F n) (δ : K) :
    Prop where
  /-- The threshold is positive. -/
  delta_pos : 0 < δ
  /-- Order-one movement at every width. -/
  moves : ∀ n : Nat, 1 ≤ n → ∃ (t : Nat) (x : X), 0 < (EF n).normSq (h n 0 x) ∧
    δ * (EF n).normSq (h n 0 x) ≤ (EF n).normSq ((EF n).sub (h n t x) (h n 0 x))

/-- Discharge: under mean-field scaling, the network of every width `n ≥ 1` learns features with
the same threshold `δ`. -/
theorem featureLearning_of_meanFieldScaling {X : Type w} {F : Nat → Type v}
    {EF : (n : Nat) → AxiomDL.InnerProductSpace K (F n)} {h : (n : Nat) → Nat → X → F n} {δ : K}
    (hm : MeanFieldScaling EF h δ) {n : Nat} (hn : 1 ≤ n) : FeatureLearning (EF n) (h n) δ :=
  ⟨hm.delta_pos, hm.moves n hn⟩

/-- `1 ≤ n` as a scalar for `n ≥ 1`. -/
theorem one_le_natToScalar {n : Nat} (hn : 1 ≤ n) : (1 : K) ≤ AxiomDL.natToScalar n := by
  obtain ⟨m, rfl⟩ : ∃ m, n = m + 1 := ⟨n - 1, by omega⟩
  have h1 : (AxiomDL.natToScalar (m + 1) : K) = AxiomDL.natToScalar m + 1 :=
    AxiomDL.natToScalar_succ m
  have h0 : (0 : K) ≤ AxiomDL.natToScalar m := AxiomDL.natToScalar_nonneg m
  grind

/-- Discharge: under NTK scaling with constant `C`, the network of width `n` with `C < n` is in
the NTK regime with budget `ε = C / n < 1`. -/
theorem ntkRegime_of_ntkWidthScaling {X : Type w} {F : Nat → Type v}
    {EF : (n : Nat) → AxiomDL.InnerProductSpace K (F n)} {h : (n : Nat) → Nat → X → F n} {C : K}
    (hs : NTKWidthScaling EF h C) {n : Nat} (hn : 1 ≤ n) (hC : C < AxiomDL.natToScalar n) :
    NTKRegime (EF n) (h n) (C / AxiomDL.natToScalar n) := by
  have hN : (1 : K) ≤ AxiomDL.natToScalar n := one_le_natToScalar hn
  have hNne : (AxiomDL.natToScalar n : K) ≠ 0 := by grind
  have hCpos : 0 < C := hs.C_pos
  -- name the budget `q = C / n`; once `hq : n q = C` is known the division is cleared, so every
  -- `grind` below works with the atom `q` and the product facts, never with a division
  obtain ⟨q, hqdef⟩ : ∃ q : K, q = C / AxiomDL.natToScalar n := ⟨_, rfl⟩
  have hq : AxiomDL.natToScalar n * q = C := by
    rw [hqdef]
    exact AxiomDL.mul_div_cancel_left hNne
  rw [← hqdef]
  clear hqdef
  have hqpos : 0 < q := by
    by_cases hle : q ≤ 0
    · have hm : AxiomDL.natToScalar n * q ≤ AxiomDL.natToScalar n * 0 :=
        AxiomDL.mul_le_mul_of_nonneg_left hle (by grind)
      grind
    · grind
  have hqlt : q < 1 := by
    by_cases hge : 1 ≤ q
    · have hm : AxiomDL.natToScalar n * 1 ≤ AxiomDL.natToScalar n * q :=
        AxiomDL.mul_le_mul_of_nonneg_left hge (by grind)
      grind
    · grind
  refine ⟨hqpos, hqlt, ?_⟩
  intro t x
  have h1 := hs.rate n hn t x
  have h2 : C * (EF n).normSq (h n 0 x)
      = AxiomDL.natToScalar n * (q * (EF n).normSq (h n 0 x)) := by
    have e : AxiomDL.natToScalar n * (q * (EF n).normSq (h n 0 x))
        = (AxiomDL.natToScalar n * q) * (EF n).normSq (h n 0 x) := by
      grind
    rw [e, hq]
  have h3 : AxiomDL.natToScalar n * (EF n).normSq ((EF n).sub (h n t x) (h n 0 x))
      ≤ AxiomDL.natToScalar n * (q * (EF n).normSq (h n 0 x)) := by
    grind
  exact AxiomDL.le_of_mul_le_mul_left h3 (by grind)

/-- Under NTK scaling with constant `C`, the network of every width `n ≥ 1` with `C < n δ` does
not learn features with threshold `δ`. -/
theorem not_featureLearning_of_ntkWidthScaling {X : Type w} {F : Nat → Type v}
    {EF : (n : Nat) → AxiomDL.InnerProductSpace K (F n)} {h : (n : Nat) → Nat → X → F n}
    {C δ : K} (hs : NTKWidthScaling EF h C) {n : Nat} (hn : 1 ≤ n)
    (hC : C < AxiomDL.natToScalar n * δ) : ¬ FeatureLearning (EF n) (h n) δ := by
  intro hf
  obtain ⟨t, x, hx, hm⟩ := hf.moves
  have h1 := hs.rate n hn t x
  have hN : (0 : K) ≤ AxiomDL.natToScalar n := AxiomDL.natToScalar_nonneg n
  have h2 : AxiomDL.natToScalar n * (δ * (EF n).normSq (h n 0 x))
      ≤ AxiomDL.natToScalar n * (EF n).normSq ((EF n).sub (h n t x) (h n 0 x)) :=
    AxiomDL.mul_le_mul_of_nonneg_left hm hN
  have h3 : 0 < (AxiomDL.natToScalar n * δ - C) * (EF n).normSq (h n 0 x) :=
    AxiomDL.mul_pos (by grind) hx
  grind

/-- The dichotomy: a width-indexed family with NTK scaling (constant `C`) is not mean-field
scaled with any threshold `δ` for which some width `n ≥ 1` has `C < n δ`. -/
theorem not_meanFieldScaling_of_ntkWidthScaling {X : Type w} {F : Nat → Type v}
    {EF : (n : Nat) → AxiomDL.InnerProductSpace K (F n)} {h : (n : Nat) → Nat → X → F n}
    {C δ : K} (hs : NTKWidthScaling EF h C) {n : Nat} (hn : 1 ≤ n)
    (hC : C < AxiomDL.natToScalar n * δ) : ¬ MeanFieldScaling EF h δ := fun hm =>
  not_featureLearning_of_ntkWidthScaling hs hn hC (featureLearning_of_meanFieldScaling hm hn)

end Regimes

section Trajectory

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: lazy training in function space along a training trajectory `θ` (Chizat,
Oyallon, Bach 2019): at every step `t` and input `x` the model is within `ε` of its
linearisation at the initialisation `θ 0` with the tangent features `J`, so training behaves
like kernel regression with the tangent kernel (`ε ≥ 0` whenever there is an input).
Area: expressivity
Status: refuted-in-regime
Evidence: Holds with ε → 0 for wide networks under the NTK parameterisation and for models with a large output scale (Lee et al. 2019; Chizat et al. 2019); fails for practical widths and in the mean-field and µP regimes, where the trained network outperforms its linearisation (Chizat et al. 2019, §3; Fort et al. 2020).
Refs: Chizat, Oyallon, Bach (NeurIPS 2019); Lee et al. (NeurIPS 2019); Fort et al. (NeurIPS 2020).
-/
structure LinearisedAlongTrajectory {X : Type w} (E : AxiomDL.InnerProductSpace K V)
    (f : V → X → K) (J : X → V) (θ : Nat → V) (ε : K) : Prop where
  /-- The model is close to its linearisation along the trajectory. -/
  close : ∀ (t : Nat) (x : X), f (θ t) x - linearise E f (θ 0) J (θ t) x ≤ ε ∧
    linearise E f (θ 0) J (θ t) x - f (θ t) x ≤ ε

/-- Discharge: lazy training on the ball `‖θ - θ 0‖² ≤ R` (`Expressivity.LazyTraining`, a
statement about the model) and a trajectory that stays in that ball give lazy training along
the trajectory with the same budget `ε`. -/
theorem linearisedAlongTrajectory_of_lazyTraining {X : Type w} (E : AxiomDL.InnerProductSpace K V)
    {f : V → X → K} {J : X → V} {θ : Nat → V} {R ε : K} (hl : LazyTraining E f (θ 0) J R ε)
    (hstay : ∀ t : Nat, E.normSq (E.sub (θ t) (θ 0)) ≤ R) : LinearisedAlongTrajectory E f J θ ε :=
  ⟨fun t x => hl.close (θ t) (hstay t) x⟩

/-- Along a lazily trained trajectory, the residual `f (θ t) x - y` of every target `y` is within
`ε` of the linearised residual. -/
theorem LinearisedAlongTrajectory.residual_close {X : Type w} {E : AxiomDL.InnerProductSpace K V}
    {f : V → X → K} {J : X → V} {θ : Nat → V} {ε : K} (h : LinearisedAlongTrajectory E f J θ ε)
    (t : Nat) (x : X) (y : K) :
    (f (θ t) x - y) - (linearise E f (θ 0) J (θ t) x - y) ≤ ε ∧
      (linearise E f (θ 0) J (θ t) x - y) - (f (θ t) x - y) ≤ ε := by
  obtain ⟨h1, h2⟩ := h.close t x
  constructor
  · grind
  · grind

end Trajectory

end AxiomDL.Expressivity
