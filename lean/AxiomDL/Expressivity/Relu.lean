import AxiomDL.Foundations.Scalar

/-!
# Expressivity: the rectified linear unit

`relu x = max x 0`. Since the scalar context of `AxiomDL.Foundations.Scalar` carries no `Max`
instance and no decidable order, `relu` is written as `if 0 ≤ x then x else 0` with the
classical decision procedure; `AxiomDL.Expressivity.relu_eq_max` (in `ReluMax.lean`) shows that
it agrees with `max x 0` for every lawful `Max`.

Every lemma here is proved by splitting on the sign of the argument and closing the two
branches with `grind`; the only nonlinear facts (signs of products) come from
`AxiomDL.mul_nonneg` and friends in `Foundations/Scalar.lean`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Relu

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

open Classical in
/-- The rectified linear unit `relu x = max x 0`. -/
noncomputable def relu (x : K) : K := if 0 ≤ x then x else 0

/-- On a nonnegative argument ReLU is the identity. -/
theorem relu_of_nonneg {x : K} (h : 0 ≤ x) : relu x = x := by
  unfold relu
  exact if_pos h

/-- Where `0 ≤ x` fails, ReLU is zero. -/
theorem relu_of_not_nonneg {x : K} (h : ¬ 0 ≤ x) : relu x = 0 := by
  unfold relu
  exact if_neg h

/-- On a nonpositive argument ReLU is zero. -/
theorem relu_of_nonpos {x : K} (h : x ≤ 0) : relu x = 0 := by
  by_cases hx : 0 ≤ x
  · have hx0 : x = 0 := by grind
    rw [relu_of_nonneg hx]
    exact hx0
  · exact relu_of_not_nonneg hx

/-- ReLU is nonnegative. -/
theorem relu_nonneg (x : K) : 0 ≤ relu x := by
  by_cases hx : 0 ≤ x
  · have hr : relu x = x := relu_of_nonneg hx
    grind
  · have hr : relu x = 0 := relu_of_not_nonneg hx
    grind

/-- ReLU dominates its argument. -/
theorem le_relu (x : K) : x ≤ relu x := by
  by_cases hx : 0 ≤ x
  · have hr : relu x = x := relu_of_nonneg hx
    grind
  · have hr : relu x = 0 := relu_of_not_nonneg hx
    grind

/-- `relu 0 = 0`. -/
theorem relu_zero : relu (0 : K) = 0 :=
  relu_of_nonpos (by grind)

/-- `relu 1 = 1`. -/
theorem relu_one : relu (1 : K) = 1 :=
  relu_of_nonneg (by grind)

/-- ReLU is monotone. -/
theorem relu_le_relu {x y : K} (h : x ≤ y) : relu x ≤ relu y := by
  by_cases hx : 0 ≤ x
  · have hy : 0 ≤ y := by grind
    have hrx : relu x = x := relu_of_nonneg hx
    have hry : relu y = y := relu_of_nonneg hy
    grind
  · have hrx : relu x = 0 := relu_of_not_nonneg hx
    have hry : 0 ≤ relu y := relu_nonneg y
    grind

/-- The identity `relu x - relu (-x) = x`: two ReLU units represent the identity map. -/
theorem relu_sub_relu_neg (x : K) : relu x - relu (-x) = x := by
  by_cases hx : 0 ≤ x
  · have hnx : -x ≤ 0 := by grind
    rw [relu_of_nonneg hx, relu_of_nonpos hnx]
    grind
  · have hnx : 0 ≤ -x := by grind
    rw [relu_of_not_nonneg hx, relu_of_nonneg hnx]
    grind

/-- `relu x + relu (-x)` dominates both `x` and `-x` (an upper bound for `|x|`; the identity
`relu x + relu (-x) = |x|` itself is `relu_add_relu_neg_of_nonneg` and
`relu_add_relu_neg_of_nonpos`). -/
theorem relu_add_relu_neg_ge (x : K) : x ≤ relu x + relu (-x) ∧ -x ≤ relu x + relu (-x) := by
  have h1 : x ≤ relu x := le_relu x
  have h2 : -x ≤ relu (-x) := le_relu (-x)
  have h3 : 0 ≤ relu x := relu_nonneg x
  have h4 : 0 ≤ relu (-x) := relu_nonneg (-x)
  constructor
  · grind
  · grind

/-- `relu x + relu (-x) = x` for `x ≥ 0`: with `relu_add_relu_neg_of_nonpos`, this is the
identity `relu x + relu (-x) = |x|`. -/
theorem relu_add_relu_neg_of_nonneg {x : K} (hx : 0 ≤ x) : relu x + relu (-x) = x := by
  have hnx : -x ≤ 0 := by grind
  have h1 : relu x = x := relu_of_nonneg hx
  have h2 : relu (-x) = 0 := relu_of_nonpos hnx
  rw [h1, h2]
  grind

/-- `relu x + relu (-x) = -x` for `x ≤ 0`: with `relu_add_relu_neg_of_nonneg`, this is the
identity `relu x + relu (-x) = |x|`. -/
theorem relu_add_relu_neg_of_nonpos {x : K} (hx : x ≤ 0) : relu x + relu (-x) = -x := by
  have hnx : 0 ≤ -x := by grind
  have h1 : relu x = 0 := relu_of_nonpos hx
  have h2 : relu (-x) = -x := relu_of_nonneg hnx
  rw [h1, h2]
  grind

/-- Positive homogeneity: `relu (c * x) = c * relu x` for `c ≥ 0`. -/
theorem relu_mul_of_nonneg {c : K} (hc : 0 ≤ c) (x : K) : relu (c * x) = c * relu x := by
  by_cases hx : 0 ≤ x
  · have hcx : 0 ≤ c * x := AxiomDL.mul_nonneg hc hx
    rw [relu_of_nonneg hcx, relu_of_nonneg hx]
  · have hx' : x ≤ 0 := by grind
    have hm : c * x ≤ c * 0 := AxiomDL.mul_le_mul_of_nonneg_left hx' hc
    have hcx : c * x ≤ 0 := by grind
    rw [relu_of_nonpos hcx, relu_of_nonpos hx']
    grind

/-- ReLU is piecewise linear with a single kink at `0`: on each side it is affine. -/
theorem relu_affine_pieces (x : K) : (0 ≤ x → relu x = x) ∧ (x ≤ 0 → relu x = 0) :=
  ⟨fun h => relu_of_nonneg h, fun h => relu_of_nonpos h⟩

end Relu

end AxiomDL.Expressivity
