import Init.GrindInstances.Ring.Rat
import Init.Grind.Ordered.Rat
import AxiomDL.Foundations.InnerProduct

/-!
# Foundations: concrete models

The scalars `K` themselves form a 1-D inner-product space (`selfSpace`), with the inner
product given by multiplication. Specialised to `K := Rat` this is a fully concrete model in
core Lean, which is what every witness of the library is built on.
The `selfSpace_*` lemmas unfold its operations; they hold by `rfl`.

The `Rat` instances of core's `grind` classes (`Lean.Grind.Field Rat`, `Std.IsLinearOrder Rat`,
`Std.LawfulOrderLT Rat`, `Lean.Grind.OrderedRing Rat`) are declared in the core modules
`Init.GrindInstances.Ring.Rat` and `Init.Grind.Ordered.Rat`. Both are imported by name: in the
core sources we could read, the umbrella `Init.Grind.Ordered` does not import
`Init.Grind.Ordered.Rat`, so we do not rely on the default `Init` import to provide them.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section Models

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The scalars as a 1-D inner-product space: `⟪a, b⟫ = a * b`. -/
def selfSpace : InnerProductSpace K K where
  add := fun a b => a + b
  sub := fun a b => a - b
  smul := fun c a => c * a
  zero := 0
  inner := fun a b => a * b
  add_assoc := by
    intro x y z
    show (x + y) + z = x + (y + z)
    grind
  add_comm := by
    intro x y
    show x + y = y + x
    grind
  add_zero := by
    intro x
    show x + (0 : K) = x
    grind
  sub_add_cancel := by
    intro x y
    show (x - y) + y = x
    grind
  smul_add := by
    intro c x y
    show c * (x + y) = c * x + c * y
    grind
  add_smul := by
    intro a b x
    show (a + b) * x = a * x + b * x
    grind
  mul_smul := by
    intro a b x
    show (a * b) * x = a * (b * x)
    grind
  one_smul := by
    intro x
    show (1 : K) * x = x
    grind
  inner_comm := by
    intro x y
    show x * y = y * x
    grind
  inner_add_left := by
    intro x y z
    show (x + y) * z = x * z + y * z
    grind
  inner_sub_left := by
    intro x y z
    show (x - y) * z = x * z - y * z
    grind
  inner_smul_left := by
    intro c x y
    show (c * x) * y = c * (x * y)
    grind
  inner_zero_left := by
    intro y
    show (0 : K) * y = 0
    grind
  inner_self_nonneg := by
    intro x
    show (0 : K) ≤ x * x
    exact mul_self_nonneg x
  inner_self_eq_zero := by
    intro x hx
    show x = 0
    exact eq_zero_of_mul_self_eq_zero hx

/-- In the 1-D model, addition is scalar addition. -/
theorem selfSpace_add (a b : K) : (selfSpace (K := K)).add a b = a + b :=
  rfl

/-- In the 1-D model, subtraction is scalar subtraction. -/
theorem selfSpace_sub (a b : K) : (selfSpace (K := K)).sub a b = a - b :=
  rfl

/-- In the 1-D model, scalar multiplication is multiplication. -/
theorem selfSpace_smul (c a : K) : (selfSpace (K := K)).smul c a = c * a :=
  rfl

/-- In the 1-D model, the zero vector is `0`. -/
theorem selfSpace_zero : (selfSpace (K := K)).zero = 0 :=
  rfl

/-- In the 1-D model, the inner product is multiplication. -/
theorem selfSpace_inner (a b : K) : (selfSpace (K := K)).inner a b = a * b :=
  rfl

/-- In the 1-D model, the squared norm is the square. -/
theorem selfSpace_normSq (a : K) : (selfSpace (K := K)).normSq a = a * a :=
  rfl

end Models

/-- The rationals as a 1-D inner-product space. -/
def ratSpace : InnerProductSpace Rat Rat :=
  selfSpace

/-- Witness: the Foundations assumption `InnerProductSpace` is satisfiable; the rationals,
with `⟪a, b⟫ = a * b`, form a model. -/
theorem innerProductSpace_rat_nonempty : Nonempty (InnerProductSpace Rat Rat) :=
  ⟨ratSpace⟩

/-- Witness: every ordered field `K` carries an inner-product space, the 1-D model `selfSpace`
(this is conditional on the ordered-field instances; the concrete witness over `Rat` is
`innerProductSpace_rat_nonempty`). -/
theorem innerProductSpace_self_nonempty {K : Type u} [Lean.Grind.Field K] [LE K] [LT K]
    [Std.LawfulOrderLT K] [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] :
    Nonempty (InnerProductSpace K K) :=
  ⟨selfSpace⟩

end AxiomDL
