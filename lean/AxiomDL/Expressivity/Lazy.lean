import AxiomDL.Foundations.LeastSquares
import AxiomDL.Foundations.Models
import AxiomDL.Expressivity.Relu
import AxiomDL.Landscape.PL

/-!
# Expressivity: lazy training and the neural tangent kernel

In the lazy (NTK) regime a wide network stays close to its linearisation around the
initialisation `θ₀`:
`f θ x ≈ f θ₀ x + ⟪J x, θ - θ₀⟫`, with `J x` the parameter gradient at `θ₀`.
`LazyTraining` states this with an explicit linearisation-error budget `ε` on a ball of
positive squared radius `R`.

In the displacement `w = θ - θ₀` the linearised squared loss is linear least squares on the
tangent data `(J xᵢ, yᵢ - f θ₀ xᵢ)` (`tangentData`). If the tangent kernel has a positive margin
on these data (`KernelMargin`: `‖∑ᵢ cᵢ J xᵢ‖² ≥ λ ∑ᵢ cᵢ²` for coefficients indexed by sample
position, i.e. the NTK Gram matrix has smallest eigenvalue at least `λ`), the linearised loss
satisfies the `λ`-PL inequality of `AxiomDL.PolyakLojasiewicz`
(`kernelMargin_polyakLojasiewicz`). Under exact lazy training the model's own loss equals the
linearised loss on the ball, so the model's loss satisfies the PL* inequality
`AxiomDL.PLStarOn` on the ball (`lazy_polyakLojasiewicz`), with the gradient whose Jacobian is
frozen at `θ₀` (`lazyGrad`), which is the model's loss gradient wherever the model agrees with
its linearisation.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Expressivity

section Lazy

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- The linearisation `f θ₀ x + ⟪J x, θ - θ₀⟫` of a model around `θ₀`. -/
def linearise {X : Type w} (E : InnerProductSpace K V) (f : V → X → K) (θ₀ : V) (J : X → V)
    (θ : V) (x : X) : K :=
  f θ₀ x + E.inner (J x) (E.sub θ θ₀)

/-- Assumption: lazy training (the NTK regime) with an explicit linearisation-error budget: on
the ball `‖θ - θ₀‖² ≤ R` of positive squared radius `0 < R` the model differs from its
linearisation at `θ₀` by at most `ε` at every input (so `ε ≥ 0`; `ε = 0` is exact lazy
training). It is a statement about the model on the ball; that training stays in the ball is
the separate conjecture `AxiomDL.Expressivity.LazyTrainingAtPracticalWidth`.
Area: expressivity
Status: refuted-in-regime
Evidence: Holds with ε → 0 as width → ∞ under NTK parameterisation (Jacot et al. 2018; Chizat et al. 2019); fails in the feature-learning (mean-field / µP) regime and for practical widths, where the tangent kernel moves substantially during training (Fort et al. 2020).
Refs: Jacot, Gabriel, Hongler (NeurIPS 2018); Lee et al. (NeurIPS 2019); Chizat, Oyallon, Bach, "On lazy training" (NeurIPS 2019); Fort et al. (NeurIPS 2020); Yang, Hu (ICML 2021).
Probe: lazy-training
-/
structure LazyTraining {X : Type w} (E : InnerProductSpace K V) (f : V → X → K) (θ₀ : V)
    (J : X → V) (R ε : K) : Prop where
  /-- The ball has positive radius. -/
  radius_pos : 0 < R
  /-- The linearisation error is at most `ε` on the ball. -/
  close : ∀ θ : V, E.normSq (E.sub θ θ₀) ≤ R → ∀ x : X,
    f θ x - linearise E f θ₀ J θ x ≤ ε ∧ linearise E f θ₀ J θ x - f θ x ≤ ε

/-- Under lazy training, a residual of the model and of its linearisation differ by at most `ε`
on the ball. -/
theorem LazyTraining.residual_close {X : Type w} {E : InnerProductSpace K V} {f : V → X → K}
    {θ₀ : V} {J : X → V} {R ε : K} (h : LazyTraining E f θ₀ J R ε) {θ : V}
    (hθ : E.normSq (E.sub θ θ₀) ≤ R) (x : X) (y : K) :
    (f θ x - y) - (linearise E f θ₀ J θ x - y) ≤ ε ∧
      (linearise E f θ₀ J θ x - y) - (f θ x - y) ≤ ε := by
  obtain ⟨h1, h2⟩ := h.close θ hθ x
  constructor
  · grind
  · grind

/-- Under exact lazy training (`ε = 0` on the ball) the model equals its linearisation there. -/
theorem LazyTraining.eq_linearise {X : Type w} {E : InnerProductSpace K V} {f : V → X → K}
    {θ₀ : V} {J : X → V} {R : K} (h : LazyTraining E f θ₀ J R 0) {θ : V}
    (hθ : E.normSq (E.sub θ θ₀) ≤ R) (x : X) : f θ x = linearise E f θ₀ J θ x := by
  obtain ⟨h1, h2⟩ := h.close θ hθ x
  grind

/-- The combination `∑ᵢ cᵢ • xᵢ` of the data features, with the coefficients `c` listed by
sample position (surplus coefficients or samples are ignored). -/
def comboAt (E : InnerProductSpace K V) : List (V × K) → List K → V
  | [], _ => E.zero
  | p :: ps, cs =>
    match cs with
    | [] => E.zero
    | c :: cs' => E.add (E.smul c p.1) (comboAt E ps cs')

/-- The sum of squares `∑ᵢ cᵢ²` of the coefficients paired with sample positions. -/
def coefSq {α : Type w} : List α → List K → K
  | [], _ => 0
  | _ :: ps, cs =>
    match cs with
    | [] => 0
    | c :: cs' => c * c + coefSq ps cs'

/-- Assumption: the tangent kernel has margin `λ > 0` on a nonempty list of data features: for
every choice of coefficients `cᵢ`, one per sample position, `λ ∑ᵢ cᵢ² ≤ ‖∑ᵢ cᵢ xᵢ‖²` (the Gram
matrix `⟪xᵢ, xⱼ⟫` of the samples, duplicates included, has smallest eigenvalue at least `λ`).
Area: expressivity
Status: plausible
Evidence: For wide networks and non-degenerate data the NTK Gram matrix is positive definite (Du et al. 2019; Oymak, Soltanolkotabi 2020); it fails for duplicated inputs (take `cᵢ = 1`, `cⱼ = -1` on two copies) or fewer parameters than data points.
Refs: Du, Zhai, Poczos, Singh (ICLR 2019); Oymak, Soltanolkotabi (IEEE JSAIT 2020); Liu, Zhu, Belkin (ACHA 2022).
-/
structure KernelMargin (E : InnerProductSpace K V) (data : List (V × K)) (lam : K) : Prop where
  /-- The margin is positive. -/
  pos : 0 < lam
  /-- There is at least one sample. -/
  nonempty : 0 < data.length
  /-- The margin inequality, for coefficients indexed by sample position. -/
  margin : ∀ c : List K, lam * coefSq data c ≤ E.normSq (comboAt E data c)

/-- The residuals `⟪w, xᵢ⟫ - yᵢ` of the linear model, listed by sample position. -/
def residuals (E : InnerProductSpace K V) (w : V) : List (V × K) → List K
  | [] => []
  | p :: ps => lsResidual E w p :: residuals E w ps

/-- The squared residuals by position sum to the least-squares sum. -/
theorem coefSq_residuals (E : InnerProductSpace K V) (w : V) (data : List (V × K)) :
    coefSq data (residuals E w data) = sumOver data (fun p => lsResidual E w p * lsResidual E w p) := by
  induction data with
  | nil => rfl
  | cons p ps ih =>
    show lsResidual E w p * lsResidual E w p + coefSq ps (residuals E w ps)
      = lsResidual E w p * lsResidual E w p
        + sumOver ps (fun p => lsResidual E w p * lsResidual E w p)
    rw [ih]

/-- The residual-weighted combination by position is the least-squares gradient. -/
theorem comboAt_residuals (E : InnerProductSpace K V) (w : V) (data : List (V × K)) :
    comboAt E data (residuals E w data) = combo E data (lsResidual E w) := by
  induction data with
  | nil => rfl
  | cons p ps ih =>
    show E.add (E.smul (lsResidual E w p) p.1) (comboAt E ps (residuals E w ps))
      = E.add (E.smul (lsResidual E w p) p.1) (combo E ps (lsResidual E w))
    rw [ih]

/-- Halving both sides of `a s ≤ n`: `a (s / 2 - 0) ≤ n / 2`. -/
theorem mul_half_sub_zero_le {a s n : K} (h : a * s ≤ n) : a * (s / 2 - 0) ≤ n / 2 := by
  have h2 : (0 : K) < 2 := by grind
  have hh : (0 : K) < 1 / 2 := AxiomDL.one_div_pos h2
  have hs : s / 2 = s * (1 / 2) := AxiomDL.div_eq_mul_one_div s 2
  have hn : n / 2 = n * (1 / 2) := AxiomDL.div_eq_mul_one_div n 2
  have hm : a * s * (1 / 2) ≤ n * (1 / 2) := AxiomDL.mul_le_mul_of_nonneg_right h (by grind)
  have he : a * (s * (1 / 2) - 0) = a * s * (1 / 2) := by grind
  rw [hs, hn, he]
  exact hm

/-- Discharge: a positive tangent-kernel margin `λ` makes the (linearised) least-squares loss
`λ`-PL with optimal value `0`: `λ · loss ≤ ½ ‖∇ loss‖²`. -/
theorem kernelMargin_polyakLojasiewicz (E : InnerProductSpace K V) (data : List (V × K)) {lam : K}
    (hk : KernelMargin E data lam) :
    AxiomDL.PolyakLojasiewicz E (lsLoss E data) (lsGrad E data) lam 0 := by
  refine ⟨?_⟩
  intro w
  have h1 : lam * coefSq data (residuals E w data)
      ≤ E.normSq (comboAt E data (residuals E w data)) := hk.margin (residuals E w data)
  have h2 : coefSq data (residuals E w data)
      = sumOver data (fun p => lsResidual E w p * lsResidual E w p) := coefSq_residuals E w data
  have h3 : comboAt E data (residuals E w data) = combo E data (lsResidual E w) :=
    comboAt_residuals E w data
  rw [h2, h3] at h1
  show lam * (sumOver data (fun p => lsResidual E w p * lsResidual E w p) / 2 - 0)
      ≤ E.normSq (combo E data (lsResidual E w)) / 2
  exact mul_half_sub_zero_le h1

/-- The empirical squared loss `½ ∑ (f θ xᵢ - yᵢ)²` of a model on the samples `(xᵢ, yᵢ)`. -/
def modelLoss {X : Type w} (f : V → X → K) (samples : List (X × K)) (θ : V) : K :=
  sumOver samples (fun s => (f θ s.1 - s.2) * (f θ s.1 - s.2)) / 2

/-- The gradient of the model loss with the Jacobian frozen at initialisation,
`∑ (f θ xᵢ - yᵢ) • J xᵢ`. Wherever the model agrees with its linearisation (on the ball, under
exact lazy training) its parameter gradient is `J`, and this is the loss gradient. -/
def lazyGrad {X : Type w} (E : InnerProductSpace K V) (f : V → X → K) (J : X → V) :
    List (X × K) → V → V
  | [], _ => E.zero
  | s :: ss, θ => E.add (E.smul (f θ s.1 - s.2) (J s.1)) (lazyGrad E f J ss θ)

/-- The tangent data `(J xᵢ, yᵢ - f θ₀ xᵢ)`: in the displacement `θ - θ₀`, the linearised
problem is least squares on these. -/
def tangentData {X : Type w} (f : V → X → K) (θ₀ : V) (J : X → V) : List (X × K) → List (V × K)
  | [] => []
  | s :: ss => (J s.1, s.2 - f θ₀ s.1) :: tangentData f θ₀ J ss

/-- Where the model equals its linearisation, its residual is the least-squares residual of the
displacement on the tangent data. -/
theorem lsResidual_tangent {X : Type w} (E : InnerProductSpace K V) {f : V → X → K} {θ₀ θ : V}
    {J : X → V} (hlin : ∀ x, f θ x = linearise E f θ₀ J θ x) (x : X) (y : K) :
    lsResidual E (E.sub θ θ₀) (J x, y - f θ₀ x) = f θ x - y := by
  have h1 : f θ x = f θ₀ x + E.inner (J x) (E.sub θ θ₀) := hlin x
  have h2 : E.inner (E.sub θ θ₀) (J x) = E.inner (J x) (E.sub θ θ₀) :=
    E.inner_comm (E.sub θ θ₀) (J x)
  show E.inner (E.sub θ θ₀) (J x) - (y - f θ₀ x) = f θ x - y
  grind

/-- Where the model equals its linearisation, the linearised squared sum is the model's. -/
theorem sumOver_tangentData {X : Type w} (E : InnerProductSpace K V) {f : V → X → K}
    {θ₀ θ : V} {J : X → V} (hlin : ∀ x, f θ x = linearise E f θ₀ J θ x)
    (samples : List (X × K)) :
    sumOver (tangentData f θ₀ J samples)
        (fun p => lsResidual E (E.sub θ θ₀) p * lsResidual E (E.sub θ θ₀) p)
      = sumOver samples (fun s => (f θ s.1 - s.2) * (f θ s.1 - s.2)) := by
  induction samples with
  | nil => rfl
  | cons s ss ih =>
    have hr : lsResidual E (E.sub θ θ₀) (J s.1, s.2 - f θ₀ s.1) = f θ s.1 - s.2 :=
      lsResidual_tangent E hlin s.1 s.2
    show lsResidual E (E.sub θ θ₀) (J s.1, s.2 - f θ₀ s.1)
          * lsResidual E (E.sub θ θ₀) (J s.1, s.2 - f θ₀ s.1)
        + sumOver (tangentData f θ₀ J ss)
          (fun p => lsResidual E (E.sub θ θ₀) p * lsResidual E (E.sub θ θ₀) p)
      = (f θ s.1 - s.2) * (f θ s.1 - s.2)
        + sumOver ss (fun s => (f θ s.1 - s.2) * (f θ s.1 - s.2))
    rw [hr, ih]

/-- Where the model equals its linearisation, the linearised gradient is the lazy gradient. -/
theorem combo_tangentData {X : Type w} (E : InnerProductSpace K V) {f : V → X → K}
    {θ₀ θ : V} {J : X → V} (hlin : ∀ x, f θ x = linearise E f θ₀ J θ x)
    (samples : List (X × K)) :
    combo E (tangentData f θ₀ J samples) (lsResidual E (E.sub θ θ₀)) = lazyGrad E f J samples θ := by
  induction samples with
  | nil => rfl
  | cons s ss ih =>
    have hr : lsResidual E (E.sub θ θ₀) (J s.1, s.2 - f θ₀ s.1) = f θ s.1 - s.2 :=
      lsResidual_tangent E hlin s.1 s.2
    show E.add (E.smul (lsResidual E (E.sub θ θ₀) (J s.1, s.2 - f θ₀ s.1)) (J s.1))
        (combo E (tangentData f θ₀ J ss) (lsResidual E (E.sub θ θ₀)))
      = E.add (E.smul (f θ s.1 - s.2) (J s.1)) (lazyGrad E f J ss θ)
    rw [hr, ih]

/-- Discharge: exact lazy training on the ball `‖θ - θ₀‖² ≤ R` plus a positive tangent-kernel
margin `λ` on the tangent data make the model's own squared loss `λ`-PL* on that ball, with the
frozen-Jacobian gradient `lazyGrad` (the loss gradient where the model is its linearisation):
`λ · loss θ ≤ ½ ‖∇ loss θ‖²` for every `θ` in the ball. -/
theorem lazy_polyakLojasiewicz {X : Type w} (E : InnerProductSpace K V) {f : V → X → K}
    {θ₀ : V} {J : X → V} {R lam : K} (hlazy : LazyTraining E f θ₀ J R 0)
    (samples : List (X × K)) (hk : KernelMargin E (tangentData f θ₀ J samples) lam) :
    AxiomDL.PLStarOn E (modelLoss f samples) (lazyGrad E f J samples) lam
      (fun θ => E.normSq (E.sub θ θ₀) ≤ R) := by
  have hpl : AxiomDL.PolyakLojasiewicz E (lsLoss E (tangentData f θ₀ J samples))
      (lsGrad E (tangentData f θ₀ J samples)) lam 0 :=
    kernelMargin_polyakLojasiewicz E (tangentData f θ₀ J samples) hk
  -- `PLStarOn` has three fields: the positive constant, a point of the ball (`θ₀`), the bound
  refine ⟨hk.pos, ⟨θ₀, ?_⟩, ?_⟩
  · have h0 : E.normSq (E.sub θ₀ θ₀) = 0 := E.normSq_sub_self θ₀
    have hR : 0 < R := hlazy.radius_pos
    show E.normSq (E.sub θ₀ θ₀) ≤ R
    grind
  intro θ hθ
  have hball : E.normSq (E.sub θ θ₀) ≤ R := hθ
  have hlin : ∀ x, f θ x = linearise E f θ₀ J θ x := fun x => hlazy.eq_linearise hball x
  have h1 : lam * (lsLoss E (tangentData f θ₀ J samples) (E.sub θ θ₀) - 0)
      ≤ E.normSq (lsGrad E (tangentData f θ₀ J samples) (E.sub θ θ₀)) / 2 :=
    hpl.pl (E.sub θ θ₀)
  have hs := sumOver_tangentData E hlin samples
  have hloss : lsLoss E (tangentData f θ₀ J samples) (E.sub θ θ₀) = modelLoss f samples θ := by
    show sumOver (tangentData f θ₀ J samples)
          (fun p => lsResidual E (E.sub θ θ₀) p * lsResidual E (E.sub θ θ₀) p) / 2
      = sumOver samples (fun s => (f θ s.1 - s.2) * (f θ s.1 - s.2)) / 2
    rw [hs]
  have hgrad : lsGrad E (tangentData f θ₀ J samples) (E.sub θ θ₀) = lazyGrad E f J samples θ :=
    combo_tangentData E hlin samples
  rw [hloss, hgrad] at h1
  have he : lam * (modelLoss f samples θ - 0) = lam * modelLoss f samples θ := by grind
  rw [he] at h1
  exact h1

/-- Witness: `LazyTraining` holds with error budget `1` on the ball of squared radius `1` for the
nonlinear model `f θ x = θ + θ²` on the 1-D space `selfSpace` (`θ₀ = 0`, `J x = 1`): the
linearisation error is `θ² ≤ 1`. -/
theorem lazyTraining_witness :
    LazyTraining (AxiomDL.selfSpace (K := K)) (fun (θ : K) (_ : Unit) => θ + θ * θ) 0
      (fun _ => 1) 1 1 := by
  refine ⟨by grind, ?_⟩
  intro θ hθ x
  have hθ' : (θ - 0) * (θ - 0) ≤ 1 := hθ
  have hsq : 0 ≤ θ * θ := AxiomDL.mul_self_nonneg θ
  show θ + θ * θ - ((0 + 0 * 0) + 1 * (θ - 0)) ≤ 1 ∧ ((0 + 0 * 0) + 1 * (θ - 0)) - (θ + θ * θ) ≤ 1
  constructor
  · grind
  · grind

/-- The model `θ + relu (θ² - 1)`: equal to its linearisation `θ` on the ball `θ² ≤ 1`, and
nonlinear outside it. -/
noncomputable def kinkedModel (θ : K) (_ : Unit) : K := θ + relu (θ * θ - 1)

/-- Witness: exact lazy training (`ε = 0`) holds on the ball of squared radius `1` for the
model `kinkedModel`, which is linear on the ball but not outside it. -/
theorem lazyTraining_exact_witness :
    LazyTraining (AxiomDL.selfSpace (K := K)) kinkedModel 0 (fun _ => 1) 1 0 := by
  refine ⟨by grind, ?_⟩
  intro θ hθ x
  have hθ' : (θ - 0) * (θ - 0) ≤ 1 := hθ
  have h0 : relu ((0 : K) * 0 - 1) = 0 := relu_of_nonpos (by grind)
  have hr : relu (θ * θ - 1) = 0 := relu_of_nonpos (by grind)
  show θ + relu (θ * θ - 1) - ((0 + relu (0 * 0 - 1)) + 1 * (θ - 0)) ≤ 0
    ∧ ((0 + relu (0 * 0 - 1)) + 1 * (θ - 0)) - (θ + relu (θ * θ - 1)) ≤ 0
  rw [h0, hr]
  constructor
  · grind
  · grind

/-- Witness: `KernelMargin` holds with margin `1` for the single feature `1` in the 1-D space:
`1 · c² ≤ (c · 1)²`, whatever the target `y`. -/
theorem kernelMargin_witness (y : K) :
    KernelMargin (AxiomDL.selfSpace (K := K)) [((1 : K), y)] 1 := by
  refine ⟨by grind, by show 0 < 0 + 1; omega, ?_⟩
  intro c
  cases c with
  | nil =>
    show (1 : K) * 0 ≤ 0 * 0
    grind
  | cons c0 cs =>
    show (1 : K) * (c0 * c0 + 0) ≤ (c0 * 1 + 0) * (c0 * 1 + 0)
    grind

end Lazy

/-- Witness: over `Rat`, the model `θ + θ²` is lazily trained with budget `1` on the unit ball of
`selfSpace`.
Covers: AxiomDL.Expressivity.LazyTraining.residual_close -/
theorem lazyTraining_witness_rat :
    LazyTraining (AxiomDL.selfSpace (K := Rat)) (fun (θ : Rat) (_ : Unit) => θ + θ * θ) 0
      (fun _ => 1) 1 1 :=
  lazyTraining_witness

/-- Witness: over `Rat`, the single feature `1` with target `2` has tangent-kernel margin `1`.
Covers: AxiomDL.Expressivity.kernelMargin_polyakLojasiewicz -/
theorem kernelMargin_witness_rat :
    KernelMargin (AxiomDL.selfSpace (K := Rat)) [((1 : Rat), (2 : Rat))] 1 :=
  kernelMargin_witness 2

/-- Witness: over `Rat`, one instance satisfies exact lazy training and a tangent-kernel margin
at once: the model `kinkedModel` (linear on the unit ball, nonlinear outside) with `θ₀ = 0`,
`J x = 1`, and the sample `((), 2)`, whose tangent data `[(1, 2 - f 0 ())]` have margin `1`.
Covers: AxiomDL.Expressivity.lazy_polyakLojasiewicz AxiomDL.Expressivity.LazyTraining.eq_linearise -/
theorem lazyPL_witness :
    LazyTraining (AxiomDL.selfSpace (K := Rat)) kinkedModel 0 (fun _ => 1) 1 0 ∧
      KernelMargin (AxiomDL.selfSpace (K := Rat))
        (tangentData kinkedModel 0 (fun _ => 1) [((), (2 : Rat))]) 1 :=
  ⟨lazyTraining_exact_witness, kernelMargin_witness (2 - kinkedModel 0 ())⟩

end AxiomDL.Expressivity
