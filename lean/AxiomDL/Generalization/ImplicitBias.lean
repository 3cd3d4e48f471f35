import AxiomDL.Foundations.LeastSquares
import AxiomDL.Foundations.GradientDescent
import AxiomDL.Foundations.Models

/-!
# Generalisation: the minimum-norm implicit bias of gradient descent

For over-parameterised linear least squares (`AxiomDL.lsLoss`), gradient descent started at
zero never leaves the span of the data features:

* the span `InSpan E data` is defined inductively (zero, features, sums, differences, scalar
  multiples);
* every gradient is a combination of features (`lsGrad_inSpan`), so every iterate from `0` is in
  the span (`gdIter_inSpan`);
* a vector orthogonal to every feature is orthogonal to the whole span
  (`inner_eq_zero_of_inSpan`); the difference `v - w` of two interpolants is orthogonal to every
  feature, so by Pythagoras `‖v‖² = ‖w‖² + ‖v - w‖²` when `w` is in the span
  (`normSq_sub_eq_of_inSpan`);
* hence an interpolant in the span has minimum norm among all interpolants
  (`normSq_le_of_inSpan`), and an interpolating GD iterate started at zero is the minimum-norm
  interpolant (`gdIter_minNorm`, and the discharge `minNormBias_of_gdIter`).
-/

set_option autoImplicit false

universe u v

namespace AxiomDL.Generalization

/-- The linear span of the data features, defined inductively. -/
inductive InSpan {K : Type u} [Lean.Grind.Field K] [LE K] {V : Type v}
    (E : AxiomDL.InnerProductSpace K V) (data : List (V × K)) : V → Prop
  /-- The zero vector is in the span. -/
  | zero : InSpan E data E.zero
  /-- Every data feature is in the span. -/
  | basis {p : V × K} : p ∈ data → InSpan E data p.1
  /-- The span is closed under sums. -/
  | add {u w : V} : InSpan E data u → InSpan E data w → InSpan E data (E.add u w)
  /-- The span is closed under differences. -/
  | sub {u w : V} : InSpan E data u → InSpan E data w → InSpan E data (E.sub u w)
  /-- The span is closed under scalar multiples. -/
  | smul (c : K) {u : V} : InSpan E data u → InSpan E data (E.smul c u)

section ImplicitBias

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- A combination of features drawn from `data` is in the span. -/
theorem combo_inSpan (E : AxiomDL.InnerProductSpace K V) (data : List (V × K))
    (a : V × K → K) (ps : List (V × K)) (hps : ∀ p ∈ ps, p ∈ data) :
    InSpan E data (AxiomDL.combo E ps a) := by
  induction ps with
  | nil => exact InSpan.zero
  | cons p ps ih =>
    have hp : p ∈ data := hps p (List.mem_cons.mpr (Or.inl rfl))
    have hrest : InSpan E data (AxiomDL.combo E ps a) :=
      ih (fun q hq => hps q (List.mem_cons.mpr (Or.inr hq)))
    show InSpan E data (E.add (E.smul (a p) p.1) (AxiomDL.combo E ps a))
    exact InSpan.add (InSpan.smul (a p) (InSpan.basis hp)) hrest

/-- Every least-squares gradient is in the span of the data. -/
theorem lsGrad_inSpan (E : AxiomDL.InnerProductSpace K V) (data : List (V × K)) (w : V) :
    InSpan E data (AxiomDL.lsGrad E data w) :=
  combo_inSpan E data (AxiomDL.lsResidual E w) data (fun _ hp => hp)

/-- Gradient descent on linear least squares from a point in the span stays in the span. -/
theorem gdIter_inSpan_of_init (E : AxiomDL.InnerProductSpace K V) (data : List (V × K)) (η : K)
    {x0 : V} (h0 : InSpan E data x0) (t : Nat) :
    InSpan E data (AxiomDL.gdIter E (AxiomDL.lsGrad E data) η x0 t) := by
  induction t with
  | zero => exact h0
  | succ k ih =>
    show InSpan E data (E.sub (AxiomDL.gdIter E (AxiomDL.lsGrad E data) η x0 k)
      (E.smul η (AxiomDL.lsGrad E data (AxiomDL.gdIter E (AxiomDL.lsGrad E data) η x0 k))))
    exact InSpan.sub ih (InSpan.smul η (lsGrad_inSpan E data _))

/-- Gradient descent on linear least squares started at zero keeps every iterate in the span
of the data. -/
theorem gdIter_inSpan (E : AxiomDL.InnerProductSpace K V) (data : List (V × K)) (η : K)
    (t : Nat) : InSpan E data (AxiomDL.gdIter E (AxiomDL.lsGrad E data) η E.zero t) :=
  gdIter_inSpan_of_init E data η InSpan.zero t

/-- A vector orthogonal to every feature is orthogonal to the whole span. -/
theorem inner_eq_zero_of_inSpan (E : AxiomDL.InnerProductSpace K V) (data : List (V × K))
    {d : V} (hd : ∀ p ∈ data, E.inner d p.1 = 0) {s : V} (hs : InSpan E data s) :
    E.inner d s = 0 := by
  induction hs with
  | zero => exact E.inner_zero_right d
  | basis hp => exact hd _ hp
  | add _ _ ihu ihw =>
    rw [E.inner_add_right]
    grind
  | sub _ _ ihu ihw =>
    rw [E.inner_sub_right]
    grind
  | smul c _ ih =>
    rw [E.inner_smul_right]
    grind

/-- The difference of two interpolants is orthogonal to every feature. -/
theorem inner_sub_feature_eq_zero (E : AxiomDL.InnerProductSpace K V) (data : List (V × K))
    {v w : V} (hv : AxiomDL.Interpolates E data v) (hw : AxiomDL.Interpolates E data w) :
    ∀ p ∈ data, E.inner (E.sub v w) p.1 = 0 := by
  intro p hp
  have h1 : E.inner (E.sub v w) p.1 = E.inner v p.1 - E.inner w p.1 := E.inner_sub_left v w p.1
  have h2 : E.inner v p.1 = p.2 := hv p hp
  have h3 : E.inner w p.1 = p.2 := hw p hp
  grind

/-- Pythagoras for interpolants: if `w` is an interpolant in the span and `v` any interpolant,
then `‖v - w‖² = ‖v‖² - ‖w‖²`. -/
theorem normSq_sub_eq_of_inSpan (E : AxiomDL.InnerProductSpace K V) (data : List (V × K))
    {v w : V} (hwspan : InSpan E data w) (hw : AxiomDL.Interpolates E data w)
    (hv : AxiomDL.Interpolates E data v) :
    E.normSq (E.sub v w) = E.normSq v - E.normSq w := by
  have horth : E.inner (E.sub v w) w = 0 :=
    inner_eq_zero_of_inSpan E data (inner_sub_feature_eq_zero E data hv hw) hwspan
  have h1 : E.inner (E.sub v w) w = E.inner v w - E.inner w w := E.inner_sub_left v w w
  have h2 : E.normSq (E.sub v w) = E.normSq v - 2 * E.inner v w + E.normSq w := E.normSq_sub v w
  have h3 : E.normSq w = E.inner w w := E.normSq_def w
  grind

/-- Minimum norm: an interpolant in the span of the data has squared norm at most that of any
interpolant. -/
theorem normSq_le_of_inSpan (E : AxiomDL.InnerProductSpace K V) (data : List (V × K))
    {v w : V} (hwspan : InSpan E data w) (hw : AxiomDL.Interpolates E data w)
    (hv : AxiomDL.Interpolates E data v) : E.normSq w ≤ E.normSq v := by
  have h1 : E.normSq (E.sub v w) = E.normSq v - E.normSq w :=
    normSq_sub_eq_of_inSpan E data hwspan hw hv
  have h2 : 0 ≤ E.normSq (E.sub v w) := E.normSq_nonneg (E.sub v w)
  grind

/-- Uniqueness: an interpolant of the same norm as the interpolant `w` in the span differs
from it by the zero vector. -/
theorem sub_eq_zero_of_inSpan_of_normSq_eq (E : AxiomDL.InnerProductSpace K V)
    (data : List (V × K)) {v w : V} (hwspan : InSpan E data w)
    (hw : AxiomDL.Interpolates E data w) (hv : AxiomDL.Interpolates E data v)
    (hnorm : E.normSq v = E.normSq w) : E.sub v w = E.zero := by
  have h1 : E.normSq (E.sub v w) = E.normSq v - E.normSq w :=
    normSq_sub_eq_of_inSpan E data hwspan hw hv
  have h2 : E.normSq (E.sub v w) = 0 := by grind
  exact E.eq_zero_of_normSq_eq_zero h2

/-- Implicit bias of gradient descent: if the `t`-th iterate of GD on linear least squares
started at zero interpolates the data, it has minimum norm among all interpolants.

The hypothesis is *exact* interpolation by the iterate at a finite step `t`. In general GD on
least squares reaches an interpolant only in the limit `t → ∞`; the library has no limits, so
the literature's statement about the limit of GD is not what is proved here. Exact
interpolation at a finite step does happen, for example for one data point `(x, y)` with step
`η = 1 / ‖x‖²` at `t = 1` (`AxiomDL.Generalization.minNormBias_gd_witness`). -/
theorem gdIter_minNorm (E : AxiomDL.InnerProductSpace K V) (data : List (V × K)) (η : K)
    (t : Nat)
    (hint : AxiomDL.Interpolates E data (AxiomDL.gdIter E (AxiomDL.lsGrad E data) η E.zero t))
    {v : V} (hv : AxiomDL.Interpolates E data v) :
    E.normSq (AxiomDL.gdIter E (AxiomDL.lsGrad E data) η E.zero t) ≤ E.normSq v :=
  normSq_le_of_inSpan E data (gdIter_inSpan E data η t) hint hv

/-- Assumption: minimum-norm implicit bias: the parameter `w` found by training interpolates
the data and has the least squared norm among all interpolants.
Area: generalization
Status: refuted-in-regime
Evidence: Established for gradient descent from zero on linear least squares (discharged by `AxiomDL.Generalization.minNormBias_of_gdIter`) and for kernel regression in the NTK regime; for deep and nonlinear networks the implicit bias is not captured by any norm in general (Razin, Cohen 2020; Vardi, Shamir 2021).
Refs: Gunasekar, Lee, Soudry, Srebro (ICML 2018); Zhang et al. (ICLR 2017); Razin, Cohen (NeurIPS 2020); Vardi, Shamir (COLT 2021).
Probe: min-norm
-/
structure MinNormBias (E : AxiomDL.InnerProductSpace K V) (data : List (V × K)) (w : V) :
    Prop where
  /-- The trained parameter interpolates. -/
  interpolates : AxiomDL.Interpolates E data w
  /-- It has minimum squared norm among interpolants. -/
  minimal : ∀ v, AxiomDL.Interpolates E data v → E.normSq w ≤ E.normSq v

/-- Discharge: an iterate of gradient descent from zero on linear least squares that
interpolates the data exactly (at the finite step `t`, see `gdIter_minNorm`) satisfies the
minimum-norm implicit-bias assumption. -/
theorem minNormBias_of_gdIter (E : AxiomDL.InnerProductSpace K V) (data : List (V × K)) (η : K)
    (t : Nat)
    (hint : AxiomDL.Interpolates E data (AxiomDL.gdIter E (AxiomDL.lsGrad E data) η E.zero t)) :
    MinNormBias E data (AxiomDL.gdIter E (AxiomDL.lsGrad E data) η E.zero t) :=
  ⟨hint, fun _ hv => gdIter_minNorm E data η t hint hv⟩

/-- Under the minimum-norm bias, the trained parameter has zero training loss. -/
theorem MinNormBias.lsLoss_eq_zero {E : AxiomDL.InnerProductSpace K V} {data : List (V × K)}
    {w : V} (h : MinNormBias E data w) : AxiomDL.lsLoss E data w = 0 :=
  AxiomDL.lsLoss_eq_zero_of_interpolates E data w h.interpolates

/-- Witness: in the 1-D space with the single data point `(1, 2)` (nonempty data, a nonzero
target), the parameter `2` satisfies `MinNormBias`: it is the only interpolant. -/
theorem minNormBias_witness : MinNormBias (AxiomDL.selfSpace (K := K)) [((1 : K), (2 : K))] 2 := by
  refine ⟨?_, ?_⟩
  · intro p hp
    rcases List.mem_cons.mp hp with e | hnil
    · subst e
      show (2 : K) * 1 = 2
      grind
    · exact nomatch hnil
  · intro v hv
    have hv1 : v * 1 = 2 := hv (1, 2) (List.mem_cons.mpr (Or.inl rfl))
    have hv2 : v = 2 := by grind
    subst hv2
    show (2 : K) * 2 ≤ 2 * 2
    grind

end ImplicitBias

/-- Witness: `MinNormBias` over `Rat`, with nonempty data. -/
example : MinNormBias (AxiomDL.selfSpace (K := Rat)) [((1 : Rat), (2 : Rat))] 2 :=
  minNormBias_witness

end AxiomDL.Generalization
