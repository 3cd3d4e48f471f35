/-!
# Foundations: the scalar context

Scalars in AxiomDL are a type `K` carrying core's ordered-field classes, which `grind`
understands natively. Every file that works with scalars uses exactly this binder line:

```
variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
```

`Lean.Grind.OrderedRing K` needs `Lean.Grind.Semiring K` (found through `Lean.Grind.Field K`)
and `Std.IsPreorder K` (found through `Std.IsLinearOrder K`).
`Rat` carries all of these classes in core, which makes it the concrete model for witnesses.

`grind` does ring normalisation and *linear* arithmetic over these classes, with nonlinear
monomials treated as atoms. It does not multiply inequalities. The lemmas of this file are the
small nonlinear facts that we then feed to `grind` as explicit `have` steps. The only core facts
they cite by name are the order axiom `Lean.Grind.OrderedRing.mul_lt_mul_of_pos_left`, the field
axioms `Lean.Grind.Field.mul_inv_cancel` and `Lean.Grind.Field.div_eq_mul_inv`, and the
semiring axioms `Lean.Grind.Semiring.pow_zero`/`pow_succ`; every other step is a short `grind`
call (ring normalisation or linear arithmetic), so a change in core's lemma library breaks this
file only, and a change in `grind` shows up first in these small goals.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section Scalar

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Left multiplication by a positive scalar is strictly monotone (the ordered-ring axiom). -/
theorem mul_lt_mul_of_pos_left {a b c : K} (h : a < b) (hc : 0 < c) : c * a < c * b :=
  Lean.Grind.OrderedRing.mul_lt_mul_of_pos_left h hc

/-- Left multiplication by a nonnegative scalar is monotone. -/
theorem mul_le_mul_of_nonneg_left {a b c : K} (h : a ≤ b) (hc : 0 ≤ c) : c * a ≤ c * b := by
  by_cases hab : a = b
  · subst hab
    grind
  · by_cases hc0 : c = 0
    · subst hc0
      grind
    · have hlt : a < b := by grind
      have hcpos : 0 < c := by grind
      have hm : c * a < c * b := mul_lt_mul_of_pos_left hlt hcpos
      grind

/-- Right multiplication by a nonnegative scalar is monotone. -/
theorem mul_le_mul_of_nonneg_right {a b c : K} (h : a ≤ b) (hc : 0 ≤ c) : a * c ≤ b * c := by
  have hm : c * a ≤ c * b := mul_le_mul_of_nonneg_left h hc
  grind

/-- The product of two nonnegative scalars is nonnegative. -/
theorem mul_nonneg {a b : K} (ha : 0 ≤ a) (hb : 0 ≤ b) : 0 ≤ a * b := by
  have hm : a * 0 ≤ a * b := mul_le_mul_of_nonneg_left hb ha
  grind

/-- The product of two positive scalars is positive. -/
theorem mul_pos {a b : K} (ha : 0 < a) (hb : 0 < b) : 0 < a * b := by
  have hm : a * 0 < a * b := mul_lt_mul_of_pos_left hb ha
  grind

/-- A square is nonnegative. -/
theorem mul_self_nonneg (a : K) : 0 ≤ a * a := by
  by_cases ha : 0 ≤ a
  · exact mul_nonneg ha ha
  · have hna : 0 ≤ -a := by grind
    have hm : 0 ≤ (-a) * (-a) := mul_nonneg hna hna
    grind

/-- A scalar whose square is zero is zero. -/
theorem eq_zero_of_mul_self_eq_zero {a : K} (h : a * a = 0) : a = 0 := by
  by_cases ha : a = 0
  · exact ha
  · by_cases hpos : 0 < a
    · have hm : 0 < a * a := mul_pos hpos hpos
      grind
    · have hneg : 0 < -a := by grind
      have hm : 0 < (-a) * (-a) := mul_pos hneg hneg
      grind

/-- The elementary inequality `2ab ≤ a² + b²`, from `0 ≤ (a - b)²`. -/
theorem two_mul_le_add_mul_self (a b : K) : 2 * (a * b) ≤ a * a + b * b := by
  have hm : 0 ≤ (a - b) * (a - b) := mul_self_nonneg (a - b)
  grind

/-- Cancelling a positive left factor in a non-strict inequality. -/
theorem le_of_mul_le_mul_left {a b c : K} (h : c * a ≤ c * b) (hc : 0 < c) : a ≤ b := by
  by_cases hab : a ≤ b
  · exact hab
  · have hlt : b < a := by grind
    have hm : c * b < c * a := mul_lt_mul_of_pos_left hlt hc
    grind

/-- If `c > 0` and `c * a ≤ 0` then `a ≤ 0`. -/
theorem nonpos_of_mul_nonpos_left {a c : K} (h : c * a ≤ 0) (hc : 0 < c) : a ≤ 0 := by
  have h' : c * a ≤ c * 0 := by grind
  exact le_of_mul_le_mul_left h' hc

/-- A nonzero scalar times its reciprocal is one. -/
theorem mul_one_div_cancel {a : K} (h : a ≠ 0) : a * (1 / a) = 1 := by
  have h1 : a * a⁻¹ = 1 := Lean.Grind.Field.mul_inv_cancel h
  have h2 : (1 : K) / a = 1 * a⁻¹ := Lean.Grind.Field.div_eq_mul_inv 1 a
  rw [h2]
  grind

/-- Division is multiplication by the reciprocal. -/
theorem div_eq_mul_one_div (a b : K) : a / b = a * (1 / b) := by
  have h1 : a / b = a * b⁻¹ := Lean.Grind.Field.div_eq_mul_inv a b
  have h2 : (1 : K) / b = 1 * b⁻¹ := Lean.Grind.Field.div_eq_mul_inv 1 b
  rw [h1, h2]
  grind

/-- The reciprocal of a positive scalar is positive. -/
theorem one_div_pos {a : K} (h : 0 < a) : 0 < 1 / a := by
  have hne : a ≠ 0 := by grind
  have h1 : a * (1 / a) = 1 := mul_one_div_cancel hne
  by_cases hle : 1 / a ≤ 0
  · have h2 : a * (1 / a) ≤ a * 0 := mul_le_mul_of_nonneg_left hle (by grind)
    grind
  · grind

/-- Multiplying a quotient by its nonzero denominator. -/
theorem mul_div_cancel_left {a c : K} (hc : c ≠ 0) : c * (a / c) = a := by
  have h1 : c * (1 / c) = 1 := mul_one_div_cancel hc
  have h2 : a / c = a * (1 / c) := div_eq_mul_one_div a c
  have h3 : c * (a * (1 / c)) = a * (c * (1 / c)) := by grind
  rw [h2, h3, h1]
  grind

/-- A quotient by a positive scalar preserves nonnegativity. -/
theorem div_nonneg {a c : K} (ha : 0 ≤ a) (hc : 0 < c) : 0 ≤ a / c := by
  have h1 : 0 < 1 / c := one_div_pos hc
  have h2 : a / c = a * (1 / c) := div_eq_mul_one_div a c
  have h3 : 0 ≤ a * (1 / c) := mul_nonneg ha (by grind)
  rw [h2]
  exact h3

/-- Division by a positive scalar: `c * a ≤ b → a ≤ b / c`. -/
theorem le_div_of_mul_le {a b c : K} (hc : 0 < c) (h : c * a ≤ b) : a ≤ b / c := by
  have hne : c ≠ 0 := by grind
  have hcb : c * (b / c) = b := mul_div_cancel_left hne
  have hfinal : c * a ≤ c * (b / c) := by grind
  exact le_of_mul_le_mul_left hfinal hc

/-- Division by a positive scalar: `a ≤ c * b → a / c ≤ b`. -/
theorem div_le_of_le_mul {a b c : K} (hc : 0 < c) (h : a ≤ c * b) : a / c ≤ b := by
  have hne : c ≠ 0 := by grind
  have h1 : c * (a / c) = a := mul_div_cancel_left hne
  have hfinal : c * (a / c) ≤ c * b := by grind
  exact le_of_mul_le_mul_left hfinal hc

/-- Cancelling a nonzero left factor in an equation: `c * a = c * b → a = b`. -/
theorem eq_of_mul_eq_mul_left {a b c : K} (hc : c ≠ 0) (h : c * a = c * b) : a = b := by
  have h1 : c * (1 / c) = 1 := mul_one_div_cancel hc
  have ha : 1 / c * (c * a) = a := by
    have e : 1 / c * (c * a) = c * (1 / c) * a := by grind
    rw [e, h1]
    grind
  have hb : 1 / c * (c * b) = b := by
    have e : 1 / c * (c * b) = c * (1 / c) * b := by grind
    rw [e, h1]
    grind
  calc a = 1 / c * (c * a) := ha.symm
    _ = 1 / c * (c * b) := by rw [h]
    _ = b := hb

/-- A field identity used for the step size `1/L`: `(1 / L) / 2 * n = n / (2 * L)` for
`L ≠ 0`. Both sides are the unique solution `z` of `2 L z = n`. -/
theorem one_div_div_two_mul {L : K} (hL : L ≠ 0) (n : K) : 1 / L / 2 * n = n / (2 * L) := by
  have h2L : (2 : K) * L ≠ 0 := by grind
  have hA : 2 * L * (n / (2 * L)) = n := mul_div_cancel_left h2L
  have hL1 : L * (1 / L) = 1 := mul_one_div_cancel hL
  have h21 : (2 : K) * (1 / 2) = 1 := mul_one_div_cancel (by grind)
  have hd : 1 / L / 2 = 1 / L * (1 / 2) := div_eq_mul_one_div (1 / L) 2
  have hB : 2 * L * (1 / L / 2 * n) = n := by
    have e : 2 * L * (1 / L / 2 * n) = L * (1 / L) * (2 * (1 / 2)) * n := by
      rw [hd]
      grind
    rw [e, hL1, h21]
    grind
  exact eq_of_mul_eq_mul_left h2L (hB.trans hA.symm)

/-- `a ^ 0 = 1` (the semiring axiom). -/
theorem pow_zero' (a : K) : a ^ (0 : Nat) = 1 :=
  Lean.Grind.Semiring.pow_zero a

/-- `a ^ (n + 1) = a ^ n * a` (the semiring axiom). -/
theorem pow_succ' (a : K) (n : Nat) : a ^ (n + 1) = a ^ n * a :=
  Lean.Grind.Semiring.pow_succ a n

/-- Powers of a nonnegative scalar are nonnegative. -/
theorem pow_nonneg {a : K} (ha : 0 ≤ a) (n : Nat) : 0 ≤ a ^ n := by
  induction n with
  | zero =>
    have h0 : a ^ (0 : Nat) = 1 := pow_zero' a
    grind
  | succ k ih =>
    have hs : a ^ (k + 1) = a ^ k * a := pow_succ' a k
    have hm : 0 ≤ a ^ k * a := mul_nonneg ih ha
    grind

/-- Powers of a scalar in `[0, 1]` are at most one. -/
theorem pow_le_one {a : K} (h0 : 0 ≤ a) (h1 : a ≤ 1) (n : Nat) : a ^ n ≤ 1 := by
  induction n with
  | zero =>
    have hz : a ^ (0 : Nat) = 1 := pow_zero' a
    grind
  | succ k ih =>
    have hs : a ^ (k + 1) = a ^ k * a := pow_succ' a k
    have hk : 0 ≤ a ^ k := pow_nonneg h0 k
    have hm : a ^ k * a ≤ a ^ k * 1 := mul_le_mul_of_nonneg_left h1 hk
    grind

/-- Every positive scalar bounds a positive square: for `0 < r` some `d` has
`0 < d * d ≤ r` (take `d = 1` if `1 ≤ r`, else `d = r`). -/
theorem exists_pos_mul_self_le {r : K} (hr : 0 < r) : ∃ d : K, 0 < d * d ∧ d * d ≤ r := by
  by_cases h : 1 ≤ r
  · have h1 : (0 : K) < 1 * 1 := by grind
    have h2 : (1 : K) * 1 ≤ r := by grind
    exact ⟨1, h1, h2⟩
  · have hr1 : r ≤ 1 := by grind
    have hm : r * r ≤ r * 1 := mul_le_mul_of_nonneg_left hr1 (by grind)
    have hp : 0 < r * r := mul_pos hr hr
    have hle : r * r ≤ r := by grind
    exact ⟨r, hp, hle⟩

end Scalar

end AxiomDL
