import AxiomDL.Foundations.Models

/-!
# Foundations: the plane `K × K`

The 1-D model `selfSpace` cannot tell a straight segment from a bent path: in one dimension
every path between two points passes through the whole segment between them. The separations
of mode connectivity (`Landscape/ModeConnectivity.lean`) need a second dimension, so this file
gives the plane `K × K` with the dot product `⟪x, y⟫ = x₁ y₁ + x₂ y₂` as an
`InnerProductSpace` (`planeSpace`). Every law reduces, coordinate by coordinate, to a scalar
identity that `grind` checks; the pairs are taken apart with `obtain` and put together with
`pair_congr`, so no lemma about `Prod` is needed.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section Plane

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Two pairs with equal coordinates are equal. -/
theorem pair_congr {a b c d : K} (h1 : a = c) (h2 : b = d) : ((a, b) : K × K) = (c, d) := by
  rw [h1, h2]

/-- The plane `K × K` with coordinatewise operations and the dot product
`⟪x, y⟫ = x₁ y₁ + x₂ y₂`. -/
def planeSpace : InnerProductSpace K (K × K) where
  add := fun x y => (x.1 + y.1, x.2 + y.2)
  sub := fun x y => (x.1 - y.1, x.2 - y.2)
  smul := fun c x => (c * x.1, c * x.2)
  zero := (0, 0)
  inner := fun x y => x.1 * y.1 + x.2 * y.2
  add_assoc := by
    intro x y z
    obtain ⟨x1, x2⟩ := x
    obtain ⟨y1, y2⟩ := y
    obtain ⟨z1, z2⟩ := z
    show ((x1 + y1) + z1, (x2 + y2) + z2) = (x1 + (y1 + z1), x2 + (y2 + z2))
    exact pair_congr (by grind) (by grind)
  add_comm := by
    intro x y
    obtain ⟨x1, x2⟩ := x
    obtain ⟨y1, y2⟩ := y
    show (x1 + y1, x2 + y2) = (y1 + x1, y2 + x2)
    exact pair_congr (by grind) (by grind)
  add_zero := by
    intro x
    obtain ⟨x1, x2⟩ := x
    show (x1 + 0, x2 + 0) = (x1, x2)
    exact pair_congr (by grind) (by grind)
  sub_add_cancel := by
    intro x y
    obtain ⟨x1, x2⟩ := x
    obtain ⟨y1, y2⟩ := y
    show ((x1 - y1) + y1, (x2 - y2) + y2) = (x1, x2)
    exact pair_congr (by grind) (by grind)
  smul_add := by
    intro c x y
    obtain ⟨x1, x2⟩ := x
    obtain ⟨y1, y2⟩ := y
    show (c * (x1 + y1), c * (x2 + y2)) = (c * x1 + c * y1, c * x2 + c * y2)
    exact pair_congr (by grind) (by grind)
  add_smul := by
    intro a b x
    obtain ⟨x1, x2⟩ := x
    show ((a + b) * x1, (a + b) * x2) = (a * x1 + b * x1, a * x2 + b * x2)
    exact pair_congr (by grind) (by grind)
  mul_smul := by
    intro a b x
    obtain ⟨x1, x2⟩ := x
    show ((a * b) * x1, (a * b) * x2) = (a * (b * x1), a * (b * x2))
    exact pair_congr (by grind) (by grind)
  one_smul := by
    intro x
    obtain ⟨x1, x2⟩ := x
    show ((1 : K) * x1, (1 : K) * x2) = (x1, x2)
    exact pair_congr (by grind) (by grind)
  inner_comm := by
    intro x y
    obtain ⟨x1, x2⟩ := x
    obtain ⟨y1, y2⟩ := y
    show x1 * y1 + x2 * y2 = y1 * x1 + y2 * x2
    grind
  inner_add_left := by
    intro x y z
    obtain ⟨x1, x2⟩ := x
    obtain ⟨y1, y2⟩ := y
    obtain ⟨z1, z2⟩ := z
    show (x1 + y1) * z1 + (x2 + y2) * z2 = (x1 * z1 + x2 * z2) + (y1 * z1 + y2 * z2)
    grind
  inner_sub_left := by
    intro x y z
    obtain ⟨x1, x2⟩ := x
    obtain ⟨y1, y2⟩ := y
    obtain ⟨z1, z2⟩ := z
    show (x1 - y1) * z1 + (x2 - y2) * z2 = (x1 * z1 + x2 * z2) - (y1 * z1 + y2 * z2)
    grind
  inner_smul_left := by
    intro c x y
    obtain ⟨x1, x2⟩ := x
    obtain ⟨y1, y2⟩ := y
    show (c * x1) * y1 + (c * x2) * y2 = c * (x1 * y1 + x2 * y2)
    grind
  inner_zero_left := by
    intro y
    obtain ⟨y1, y2⟩ := y
    show (0 : K) * y1 + (0 : K) * y2 = 0
    grind
  inner_self_nonneg := by
    intro x
    obtain ⟨x1, x2⟩ := x
    show (0 : K) ≤ x1 * x1 + x2 * x2
    have h1 : 0 ≤ x1 * x1 := mul_self_nonneg x1
    have h2 : 0 ≤ x2 * x2 := mul_self_nonneg x2
    grind
  inner_self_eq_zero := by
    intro x hx
    obtain ⟨x1, x2⟩ := x
    have hx' : x1 * x1 + x2 * x2 = 0 := hx
    have h1 : 0 ≤ x1 * x1 := mul_self_nonneg x1
    have h2 : 0 ≤ x2 * x2 := mul_self_nonneg x2
    have e1 : x1 * x1 = 0 := by grind
    have e2 : x2 * x2 = 0 := by grind
    have z1 : x1 = 0 := eq_zero_of_mul_self_eq_zero e1
    have z2 : x2 = 0 := eq_zero_of_mul_self_eq_zero e2
    show (x1, x2) = ((0 : K), (0 : K))
    exact pair_congr z1 z2

/-- In the plane, addition is coordinatewise. -/
theorem planeSpace_add (a1 a2 b1 b2 : K) :
    (planeSpace (K := K)).add (a1, a2) (b1, b2) = (a1 + b1, a2 + b2) :=
  rfl

/-- In the plane, subtraction is coordinatewise. -/
theorem planeSpace_sub (a1 a2 b1 b2 : K) :
    (planeSpace (K := K)).sub (a1, a2) (b1, b2) = (a1 - b1, a2 - b2) :=
  rfl

/-- In the plane, scalar multiplication is coordinatewise. -/
theorem planeSpace_smul (c a1 a2 : K) :
    (planeSpace (K := K)).smul c (a1, a2) = (c * a1, c * a2) :=
  rfl

/-- In the plane, the inner product is the dot product. -/
theorem planeSpace_inner (a1 a2 b1 b2 : K) :
    (planeSpace (K := K)).inner (a1, a2) (b1, b2) = a1 * b1 + a2 * b2 :=
  rfl

end Plane

/-- The rational plane `Rat × Rat` as an inner-product space. -/
def ratPlane : InnerProductSpace Rat (Rat × Rat) :=
  planeSpace

/-- Witness: the rational plane is a model of `InnerProductSpace` of dimension two. -/
theorem innerProductSpace_ratPlane_nonempty : Nonempty (InnerProductSpace Rat (Rat × Rat)) :=
  ⟨ratPlane⟩

end AxiomDL
