import AxiomDL.Foundations.LeastSquares
import AxiomDL.Foundations.Models
import AxiomDL.Landscape.PL

/-!
# Expressivity: lazy training and the neural tangent kernel

In the lazy (NTK) regime a wide network stays close to its linearisation around the
initialisation `θ₀`:
`f θ x ≈ f θ₀ x + ⟪J x, θ - θ₀⟫`, with `J x` the parameter gradient at `θ₀`.
`LazyTraining` states this with an explicit linearisation-error budget `ε` on a ball of
squared radius `R`.

In the displacement `w = θ - θ₀` the linearised squared loss is linear least squares on the
data `(J xᵢ, yᵢ - f θ₀ xᵢ)`. If the tangent kernel has a positive margin on the data
(`KernelMargin`: `‖∑ aᵢ J xᵢ‖² ≥ λ ∑ aᵢ²`, i.e. the NTK Gram matrix has smallest eigenvalue at
least `λ`), the linearised loss satisfies the `λ`-PL inequality of
`AxiomDL.PolyakLojasiewicz` (`kernelMargin_polyakLojasiewicz`), so it inherits every
PL-based convergence result of the landscape area.
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
the ball `‖θ - θ₀‖² ≤ R` the model differs from its linearisation at `θ₀` by at most `ε` at
every input.
Area: expressivity
Status: refuted-in-regime
Evidence: Holds with ε → 0 as width → ∞ under NTK parameterisation (Jacot et al. 2018; Chizat et al. 2019); fails in the feature-learning (mean-field / µP) regime and for practical widths, where the tangent kernel moves substantially during training (Fort et al. 2020).
Refs: Jacot, Gabriel, Hongler (NeurIPS 2018); Lee et al. (NeurIPS 2019); Chizat, Oyallon, Bach, "On lazy training" (NeurIPS 2019); Fort et al. (NeurIPS 2020); Yang, Hu (ICML 2021).
Probe: lazy-training
-/
structure LazyTraining {X : Type w} (E : InnerProductSpace K V) (f : V → X → K) (θ₀ : V)
    (J : X → V) (R ε : K) : Prop where
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

/-- Assumption: the tangent kernel has margin `λ > 0` on the data features: for every choice of
coefficients, `λ ∑ aᵢ² ≤ ‖∑ aᵢ xᵢ‖²` (the Gram matrix `⟪xᵢ, xⱼ⟫` has smallest eigenvalue at
least `λ`).
Area: expressivity
Status: plausible
Evidence: For wide networks and non-degenerate data the NTK Gram matrix is positive definite (Du et al. 2019; Oymak, Soltanolkotabi 2020); it fails for duplicated inputs or fewer parameters than data points.
Refs: Du, Zhai, Poczos, Singh (ICLR 2019); Oymak, Soltanolkotabi (IEEE JSAIT 2020); Liu, Zhu, Belkin (ACHA 2022).
-/
structure KernelMargin (E : InnerProductSpace K V) (data : List (V × K)) (lam : K) : Prop where
  /-- The margin is positive. -/
  pos : 0 < lam
  /-- The margin inequality. -/
  margin : ∀ a : V × K → K, lam * sumOver data (fun p => a p * a p) ≤ E.normSq (combo E data a)

/-- Discharge: a positive tangent-kernel margin `λ` makes the (linearised) least-squares loss
`λ`-PL with optimal value `0`: `λ · loss ≤ ½ ‖∇ loss‖²`. -/
theorem kernelMargin_polyakLojasiewicz (E : InnerProductSpace K V) (data : List (V × K)) {lam : K}
    (hk : KernelMargin E data lam) :
    AxiomDL.PolyakLojasiewicz E (lsLoss E data) (lsGrad E data) lam 0 := by
  refine ⟨?_⟩
  intro w
  have h1 : lam * sumOver data (fun p => lsResidual E w p * lsResidual E w p)
      ≤ E.normSq (combo E data (lsResidual E w)) := hk.margin (lsResidual E w)
  show lam * (sumOver data (fun p => lsResidual E w p * lsResidual E w p) / 2 - 0)
      ≤ E.normSq (combo E data (lsResidual E w)) / 2
  grind

/-- Discharge: if the model's loss and gradient oracle coincide with the linearised
least-squares loss in the displacement `θ - θ₀` on the data `(J xᵢ, yᵢ - f θ₀ xᵢ)` (as they do
under exact lazy training, `LazyTraining.eq_linearise`), a positive kernel margin `λ` makes the
model's loss `λ`-PL with optimal value `0`. -/
theorem lazy_polyakLojasiewicz (E : InnerProductSpace K V) (θ₀ : V) (data : List (V × K))
    {lam : K} (hk : KernelMargin E data lam) (loss : V → K) (g : V → V)
    (hloss : ∀ θ, loss θ = lsLoss E data (E.sub θ θ₀))
    (hgrad : ∀ θ, g θ = lsGrad E data (E.sub θ θ₀)) :
    AxiomDL.PolyakLojasiewicz E loss g lam 0 := by
  have hpl : AxiomDL.PolyakLojasiewicz E (lsLoss E data) (lsGrad E data) lam 0 :=
    kernelMargin_polyakLojasiewicz E data hk
  refine ⟨?_⟩
  intro θ
  have h1 : lam * (lsLoss E data (E.sub θ θ₀) - 0)
      ≤ E.normSq (lsGrad E data (E.sub θ θ₀)) / 2 := hpl.pl (E.sub θ θ₀)
  rw [hloss θ, hgrad θ]
  exact h1

/-- Witness: `LazyTraining` holds with error budget `0` for the identity model on the 1-D space
`selfSpace` (`f θ x = θ`, `θ₀ = 0`, `J x = 1`), which equals its own linearisation. -/
theorem lazyTraining_witness :
    LazyTraining (AxiomDL.selfSpace (K := K)) (fun (θ : K) (_ : Unit) => θ) 0 (fun _ => 1) 1 0 := by
  refine ⟨?_⟩
  intro θ _ x
  show θ - (0 + 1 * (θ - 0)) ≤ 0 ∧ (0 + 1 * (θ - 0)) - θ ≤ 0
  constructor
  · grind
  · grind

/-- Witness: `KernelMargin` holds with margin `1` for the single feature `1` in the 1-D space:
`1 · a² ≤ (a · 1)²`. -/
theorem kernelMargin_witness :
    KernelMargin (AxiomDL.selfSpace (K := K)) [((1 : K), (0 : K))] 1 := by
  refine ⟨by grind, ?_⟩
  intro a
  show 1 * (a ((1 : K), (0 : K)) * a ((1 : K), (0 : K)) + 0)
      ≤ (a ((1 : K), (0 : K)) * 1 + 0) * (a ((1 : K), (0 : K)) * 1 + 0)
  grind

end Lazy

/-- Witness: `LazyTraining` over `Rat`. -/
example := lazyTraining_witness (K := Rat)

/-- Witness: `KernelMargin` over `Rat`. -/
example := kernelMargin_witness (K := Rat)

end AxiomDL.Expressivity
