import AxiomDL.Expressivity.Relu

/-!
# Expressivity: ReLU is `max x 0`

For any `Max K` instance that is left-leaning lawful (`max a b = a` when `b ≤ a`, and `= b`
otherwise, core's `Std.LawfulOrderLeftLeaningMax`), our `relu` agrees with `max x 0`.
This file is a leaf: nothing else in the library depends on it.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section ReluMax

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- `relu x = max x 0` for every lawful left-leaning `max`. -/
theorem relu_eq_max [Max K] [Std.LawfulOrderLeftLeaningMax K] (x : K) : relu x = max x 0 := by
  by_cases hx : 0 ≤ x
  · rw [relu_of_nonneg hx, Std.LawfulOrderLeftLeaningMax.max_eq_left x 0 hx]
  · rw [relu_of_not_nonneg hx, Std.LawfulOrderLeftLeaningMax.max_eq_right x 0 hx]

end ReluMax

end AxiomDL.Expressivity
