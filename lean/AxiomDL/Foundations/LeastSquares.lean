import AxiomDL.Foundations.ExtraAlgebra
import AxiomDL.Foundations.InnerProduct

/-!
# Foundations: linear least squares

Data are pairs `(x, y)` of a feature vector `x : V` and a target `y : K`. The linear model
`w ↦ ⟪w, x⟫` has residuals `⟪w, x⟫ - y`, least-squares loss `½ ∑ residual²`, and gradient
`∑ residual • x`. The library has no derivatives; `lsLoss_add` is what makes `lsGrad` the
gradient of `lsLoss`: the exact expansion `lsLoss (w + v) = lsLoss w + ⟪lsGrad w, v⟫ + ½ ∑ ⟪x, v⟫²`,
whose remainder is quadratic in `v`. The gradient is a linear combination of the data features
(`combo`), which is
what both the implicit-bias argument (`Generalization/ImplicitBias.lean`) and the lazy-training
PL discharge (`Expressivity/Lazy.lean`) use.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section LeastSquares

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- The linear combination `∑_{p ∈ data} a p • p.1` of the data features. -/
def combo (E : InnerProductSpace K V) : List (V × K) → (V × K → K) → V
  | [], _ => E.zero
  | p :: ps, a => E.add (E.smul (a p) p.1) (combo E ps a)

/-- The empty combination is the zero vector. -/
theorem combo_nil (E : InnerProductSpace K V) (a : V × K → K) : combo E [] a = E.zero := rfl

/-- A combination over a cons splits off the head. -/
theorem combo_cons (E : InnerProductSpace K V) (p : V × K) (ps : List (V × K)) (a : V × K → K) :
    combo E (p :: ps) a = E.add (E.smul (a p) p.1) (combo E ps a) := rfl

/-- The residual `⟪w, x⟫ - y` of the linear model at the data point `(x, y)`. -/
def lsResidual (E : InnerProductSpace K V) (w : V) (p : V × K) : K := E.inner w p.1 - p.2

/-- The least-squares loss `½ ∑ (⟪w, x⟫ - y)²`. -/
def lsLoss (E : InnerProductSpace K V) (data : List (V × K)) (w : V) : K :=
  sumOver data (fun p => lsResidual E w p * lsResidual E w p) / 2

/-- The gradient of the least-squares loss in closed form, `∑ (⟪w, x⟫ - y) • x`. It is the
gradient of `lsLoss` in the sense of `lsLoss_add`: the change of the loss along `v` is
`⟪lsGrad w, v⟫` plus a remainder quadratic in `v`. -/
def lsGrad (E : InnerProductSpace K V) (data : List (V × K)) (w : V) : V :=
  combo E data (lsResidual E w)

/-- `w` interpolates the data: every residual is zero. -/
def Interpolates (E : InnerProductSpace K V) (data : List (V × K)) (w : V) : Prop :=
  ∀ p ∈ data, E.inner w p.1 = p.2

/-- The least-squares loss is nonnegative. -/
theorem lsLoss_nonneg (E : InnerProductSpace K V) (data : List (V × K)) (w : V) :
    0 ≤ lsLoss E data w := by
  have hs : 0 ≤ sumOver data (fun p => lsResidual E w p * lsResidual E w p) :=
    sumOver_nonneg data (fun p _ => mul_self_nonneg (lsResidual E w p))
  have h2 : (0 : K) < 2 := by grind
  show 0 ≤ sumOver data (fun p => lsResidual E w p * lsResidual E w p) / 2
  exact AxiomDL.div_nonneg hs h2

/-- An interpolating parameter has zero least-squares loss. -/
theorem lsLoss_eq_zero_of_interpolates (E : InnerProductSpace K V) (data : List (V × K)) (w : V)
    (h : Interpolates E data w) : lsLoss E data w = 0 := by
  have hle : sumOver data (fun p => lsResidual E w p * lsResidual E w p)
      ≤ sumOver data (fun _ => (0 : K)) :=
    sumOver_le_sumOver data (fun p hp => by
      have hr : E.inner w p.1 = p.2 := h p hp
      show (E.inner w p.1 - p.2) * (E.inner w p.1 - p.2) ≤ 0
      rw [hr]
      grind)
  have hz : sumOver data (fun _ => (0 : K)) = 0 := sumOver_zero data
  have hs : 0 ≤ sumOver data (fun p => lsResidual E w p * lsResidual E w p) :=
    sumOver_nonneg data (fun p _ => mul_self_nonneg (lsResidual E w p))
  have hsum : sumOver data (fun p => lsResidual E w p * lsResidual E w p) = 0 := by grind
  have hdiv : sumOver data (fun p => lsResidual E w p * lsResidual E w p) / 2
      = sumOver data (fun p => lsResidual E w p * lsResidual E w p) * (2 : K)⁻¹ :=
    Lean.Grind.Field.div_eq_mul_inv _ _
  show sumOver data (fun p => lsResidual E w p * lsResidual E w p) / 2 = 0
  rw [hdiv, hsum]
  grind

/-- The inner product of a combination of the features with `v`:
`⟪∑ a p • p.1, v⟫ = ∑ a p ⟪p.1, v⟫`. -/
theorem inner_combo_left (E : InnerProductSpace K V) (data : List (V × K)) (a : V × K → K)
    (v : V) : E.inner (combo E data a) v = sumOver data (fun p => a p * E.inner p.1 v) := by
  induction data with
  | nil =>
    have h1 : E.inner E.zero v = 0 := E.inner_zero_left v
    have h2 : sumOver ([] : List (V × K)) (fun p => a p * E.inner p.1 v) = 0 := sumOver_nil _
    show E.inner E.zero v = sumOver ([] : List (V × K)) (fun p => a p * E.inner p.1 v)
    grind
  | cons p ps ih =>
    have h1 : E.inner (E.add (E.smul (a p) p.1) (combo E ps a)) v
        = E.inner (E.smul (a p) p.1) v + E.inner (combo E ps a) v :=
      E.inner_add_left (E.smul (a p) p.1) (combo E ps a) v
    have h2 : E.inner (E.smul (a p) p.1) v = a p * E.inner p.1 v := E.inner_smul_left (a p) p.1 v
    have h3 : sumOver (p :: ps) (fun q => a q * E.inner q.1 v)
        = a p * E.inner p.1 v + sumOver ps (fun q => a q * E.inner q.1 v) :=
      sumOver_cons p ps (fun q => a q * E.inner q.1 v)
    show E.inner (E.add (E.smul (a p) p.1) (combo E ps a)) v
      = sumOver (p :: ps) (fun q => a q * E.inner q.1 v)
    grind

/-- The residual is affine in the parameter: `r (w + v) = r w + ⟪x, v⟫`. -/
theorem lsResidual_add (E : InnerProductSpace K V) (w v : V) (p : V × K) :
    lsResidual E (E.add w v) p = lsResidual E w p + E.inner p.1 v := by
  have h1 : E.inner (E.add w v) p.1 = E.inner w p.1 + E.inner v p.1 := E.inner_add_left w v p.1
  have h2 : E.inner v p.1 = E.inner p.1 v := E.inner_comm v p.1
  show E.inner (E.add w v) p.1 - p.2 = (E.inner w p.1 - p.2) + E.inner p.1 v
  grind

/-- `lsGrad` is the gradient of `lsLoss`: the exact second-order expansion
`lsLoss (w + v) = lsLoss w + ⟪lsGrad w, v⟫ + ½ ∑ ⟪x, v⟫²`. -/
theorem lsLoss_add (E : InnerProductSpace K V) (data : List (V × K)) (w v : V) :
    lsLoss E data (E.add w v)
      = lsLoss E data w + E.inner (lsGrad E data w) v
        + sumOver data (fun p => E.inner p.1 v * E.inner p.1 v) / 2 := by
  have hsq : sumOver data (fun p => lsResidual E (E.add w v) p * lsResidual E (E.add w v) p)
      = sumOver data (fun p => lsResidual E w p * lsResidual E w p
          + (2 * (lsResidual E w p * E.inner p.1 v) + E.inner p.1 v * E.inner p.1 v)) :=
    sumOver_congr data (fun p _ => by
      have hr : lsResidual E (E.add w v) p = lsResidual E w p + E.inner p.1 v :=
        lsResidual_add E w v p
      show lsResidual E (E.add w v) p * lsResidual E (E.add w v) p
        = lsResidual E w p * lsResidual E w p
          + (2 * (lsResidual E w p * E.inner p.1 v) + E.inner p.1 v * E.inner p.1 v)
      rw [hr]
      grind)
  have h1 : sumOver data (fun p => lsResidual E w p * lsResidual E w p
          + (2 * (lsResidual E w p * E.inner p.1 v) + E.inner p.1 v * E.inner p.1 v))
      = sumOver data (fun p => lsResidual E w p * lsResidual E w p)
        + sumOver data (fun p => 2 * (lsResidual E w p * E.inner p.1 v)
          + E.inner p.1 v * E.inner p.1 v) :=
    sumOver_add data (fun p => lsResidual E w p * lsResidual E w p)
      (fun p => 2 * (lsResidual E w p * E.inner p.1 v) + E.inner p.1 v * E.inner p.1 v)
  have h2 : sumOver data (fun p => 2 * (lsResidual E w p * E.inner p.1 v)
          + E.inner p.1 v * E.inner p.1 v)
      = sumOver data (fun p => 2 * (lsResidual E w p * E.inner p.1 v))
        + sumOver data (fun p => E.inner p.1 v * E.inner p.1 v) :=
    sumOver_add data (fun p => 2 * (lsResidual E w p * E.inner p.1 v))
      (fun p => E.inner p.1 v * E.inner p.1 v)
  have h3 : sumOver data (fun p => 2 * (lsResidual E w p * E.inner p.1 v))
      = 2 * sumOver data (fun p => lsResidual E w p * E.inner p.1 v) :=
    sumOver_mul_left 2 data (fun p => lsResidual E w p * E.inner p.1 v)
  have h4 : E.inner (lsGrad E data w) v
      = sumOver data (fun p => lsResidual E w p * E.inner p.1 v) :=
    inner_combo_left E data (lsResidual E w) v
  show sumOver data (fun p => lsResidual E (E.add w v) p * lsResidual E (E.add w v) p) / 2
      = sumOver data (fun p => lsResidual E w p * lsResidual E w p) / 2
        + E.inner (lsGrad E data w) v
        + sumOver data (fun p => E.inner p.1 v * E.inner p.1 v) / 2
  grind

end LeastSquares

end AxiomDL
