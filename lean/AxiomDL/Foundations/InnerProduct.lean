import AxiomDL.Foundations.Scalar

/-!
# Foundations: an axiomatic real inner-product space

A parameter space `V` over the scalars `K` is given by a structure `InnerProductSpace K V`
bundling the vector operations (`add`, `sub`, `smul`, `zero`), the inner product `inner`, the
vector-space laws (so `V` is a genuine vector space over `K`) and the inner-product laws
(symmetry, linearity in the first argument, positive definiteness). The structure is passed
explicitly (`(E : InnerProductSpace K V)`) and its operations are written with dot notation
(`E.inner x y`, `E.normSq v`, `E.sub x (E.smul η v)`), so no type-class resolution on `V` is
ever needed. Most vector computations of the library reduce, through the inner-product laws,
to scalar algebra that `grind` can check.

The derived lemmas of this file compute the inner products and squared norms of the
displacement `(x - c • w) - x` of a gradient step, expand `‖a + b‖²`, and prove the
completing-the-square inequality used to turn strong convexity into the PL inequality.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

/-- Assumption: the parameter space is a real inner-product space over the scalars `K`: a
vector space over `K` (an abelian group under `add` with neutral element `zero` and subtraction
`sub`, and a `K`-module under `smul`) with a symmetric inner product that is linear in each
argument and positive definite. "Real" means that `K` is an ordered field: the structure's own
parameters are only `[Lean.Grind.Field K] [LE K]` (so that purely algebraic definitions such as
spans need no order instances), and every theorem of the library that uses it assumes the full
ordered-field context `[LT K] [Std.LawfulOrderLT K] [Std.IsLinearOrder K]
[Lean.Grind.OrderedRing K]` as well. The laws `inner_sub_left` and `inner_zero_left` follow
from the others (`inner_sub_left_of_laws`, `inner_zero_left_of_laws`); they are kept as fields
because the library's proofs cite them directly.
Area: foundations
Status: established
Evidence: Euclidean space `Kⁿ` with the dot product satisfies every law; so does the 1-D model `selfSpace`.
Refs: Standard linear algebra, e.g. Axler, "Linear Algebra Done Right", ch. 1 (vector spaces) and ch. 6 (inner-product spaces).
-/
structure InnerProductSpace (K : Type u) [Lean.Grind.Field K] [LE K] (V : Type v) where
  /-- Vector addition. -/
  add : V → V → V
  /-- Vector subtraction. -/
  sub : V → V → V
  /-- Scalar multiplication. -/
  smul : K → V → V
  /-- The zero vector. -/
  zero : V
  /-- The inner product. -/
  inner : V → V → K
  /-- Addition is associative. -/
  add_assoc : ∀ x y z : V, add (add x y) z = add x (add y z)
  /-- Addition is commutative. -/
  add_comm : ∀ x y : V, add x y = add y x
  /-- `zero` is neutral for addition. -/
  add_zero : ∀ x : V, add x zero = x
  /-- Subtraction undoes addition; with the three laws above this makes `V` an abelian group
  (`sub zero y` is the inverse of `y`, and `sub x y = add x (sub zero y)`). -/
  sub_add_cancel : ∀ x y : V, add (sub x y) y = x
  /-- Scalar multiplication distributes over vector addition. -/
  smul_add : ∀ (c : K) (x y : V), smul c (add x y) = add (smul c x) (smul c y)
  /-- Scalar multiplication distributes over scalar addition. -/
  add_smul : ∀ (a b : K) (x : V), smul (a + b) x = add (smul a x) (smul b x)
  /-- Scalar multiplication is compatible with the product of scalars. -/
  mul_smul : ∀ (a b : K) (x : V), smul (a * b) x = smul a (smul b x)
  /-- The scalar `1` acts as the identity. -/
  one_smul : ∀ x : V, smul 1 x = x
  /-- The inner product is symmetric. -/
  inner_comm : ∀ x y : V, inner x y = inner y x
  /-- The inner product is additive in its first argument. -/
  inner_add_left : ∀ x y z : V, inner (add x y) z = inner x z + inner y z
  /-- The inner product is subtractive in its first argument. -/
  inner_sub_left : ∀ x y z : V, inner (sub x y) z = inner x z - inner y z
  /-- The inner product is homogeneous in its first argument. -/
  inner_smul_left : ∀ (c : K) (x y : V), inner (smul c x) y = c * inner x y
  /-- The zero vector is orthogonal to everything. -/
  inner_zero_left : ∀ y : V, inner zero y = 0
  /-- Squared norms are nonnegative. -/
  inner_self_nonneg : ∀ x : V, 0 ≤ inner x x
  /-- Only the zero vector has zero squared norm. -/
  inner_self_eq_zero : ∀ x : V, inner x x = 0 → x = zero

namespace InnerProductSpace

section Defs

variable {K : Type u} [Lean.Grind.Field K] [LE K] {V : Type v}

/-- The squared norm `‖v‖² = ⟪v, v⟫`. -/
def normSq (E : InnerProductSpace K V) (v : V) : K :=
  E.inner v v

/-- Unfolding the squared norm. -/
theorem normSq_def (E : InnerProductSpace K V) (v : V) : E.normSq v = E.inner v v :=
  rfl

end Defs

section Lemmas

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {V : Type v}

/-- Squared norms are nonnegative. -/
theorem normSq_nonneg (E : InnerProductSpace K V) (v : V) : 0 ≤ E.normSq v :=
  E.inner_self_nonneg v

/-- The zero vector has squared norm zero. -/
theorem normSq_zero (E : InnerProductSpace K V) : E.normSq E.zero = 0 :=
  E.inner_zero_left E.zero

/-- A vector with squared norm zero is the zero vector. -/
theorem eq_zero_of_normSq_eq_zero (E : InnerProductSpace K V) {v : V} (h : E.normSq v = 0) :
    v = E.zero :=
  E.inner_self_eq_zero v h

/-- A vector is zero exactly when its squared norm is zero. -/
theorem normSq_eq_zero_iff (E : InnerProductSpace K V) (v : V) : E.normSq v = 0 ↔ v = E.zero := by
  constructor
  · intro h
    exact E.eq_zero_of_normSq_eq_zero h
  · intro h
    rw [h]
    exact E.normSq_zero

/-- A vector minus itself has squared norm zero: `‖x - x‖² = 0` (from `inner_sub_left`). -/
theorem normSq_sub_self (E : InnerProductSpace K V) (x : V) : E.normSq (E.sub x x) = 0 := by
  have h : E.inner (E.sub x x) (E.sub x x) = E.inner x (E.sub x x) - E.inner x (E.sub x x) :=
    E.inner_sub_left x x (E.sub x x)
  show E.inner (E.sub x x) (E.sub x x) = 0
  grind

/-- `zero` is also a left neutral element (from `add_comm` and `add_zero`). -/
theorem zero_add (E : InnerProductSpace K V) (x : V) : E.add E.zero x = x := by
  rw [E.add_comm E.zero x]
  exact E.add_zero x

/-- `inner_sub_left` follows from the other laws: `x = (x - y) + y` and additivity. -/
theorem inner_sub_left_of_laws (E : InnerProductSpace K V) (x y z : V) :
    E.inner (E.sub x y) z = E.inner x z - E.inner y z := by
  have h1 : E.inner (E.add (E.sub x y) y) z = E.inner (E.sub x y) z + E.inner y z :=
    E.inner_add_left (E.sub x y) y z
  have h2 : E.add (E.sub x y) y = x := E.sub_add_cancel x y
  rw [h2] at h1
  grind

/-- `inner_zero_left` follows from the other laws: `0 = 0 + 0` and additivity. -/
theorem inner_zero_left_of_laws (E : InnerProductSpace K V) (y : V) : E.inner E.zero y = 0 := by
  have h1 : E.inner (E.add E.zero E.zero) y = E.inner E.zero y + E.inner E.zero y :=
    E.inner_add_left E.zero E.zero y
  have h2 : E.add E.zero E.zero = E.zero := E.add_zero E.zero
  rw [h2] at h1
  grind

/-- The inner product is additive in its second argument. -/
theorem inner_add_right (E : InnerProductSpace K V) (x y z : V) :
    E.inner x (E.add y z) = E.inner x y + E.inner x z := by
  have h1 : E.inner x (E.add y z) = E.inner (E.add y z) x := E.inner_comm x (E.add y z)
  have h2 : E.inner (E.add y z) x = E.inner y x + E.inner z x := E.inner_add_left y z x
  have h3 : E.inner y x = E.inner x y := E.inner_comm y x
  have h4 : E.inner z x = E.inner x z := E.inner_comm z x
  grind

/-- The inner product is subtractive in its second argument. -/
theorem inner_sub_right (E : InnerProductSpace K V) (x y z : V) :
    E.inner x (E.sub y z) = E.inner x y - E.inner x z := by
  have h1 : E.inner x (E.sub y z) = E.inner (E.sub y z) x := E.inner_comm x (E.sub y z)
  have h2 : E.inner (E.sub y z) x = E.inner y x - E.inner z x := E.inner_sub_left y z x
  have h3 : E.inner y x = E.inner x y := E.inner_comm y x
  have h4 : E.inner z x = E.inner x z := E.inner_comm z x
  grind

/-- The inner product is homogeneous in its second argument. -/
theorem inner_smul_right (E : InnerProductSpace K V) (c : K) (x y : V) :
    E.inner x (E.smul c y) = c * E.inner x y := by
  have h1 : E.inner x (E.smul c y) = E.inner (E.smul c y) x := E.inner_comm x (E.smul c y)
  have h2 : E.inner (E.smul c y) x = c * E.inner y x := E.inner_smul_left c y x
  have h3 : E.inner y x = E.inner x y := E.inner_comm y x
  grind

/-- `⟪x, 0⟫ = 0`. -/
theorem inner_zero_right (E : InnerProductSpace K V) (x : V) : E.inner x E.zero = 0 := by
  have h1 : E.inner x E.zero = E.inner E.zero x := E.inner_comm x E.zero
  have h2 : E.inner E.zero x = 0 := E.inner_zero_left x
  grind

/-- Inner product with the displacement of a step: `⟪(x - c • w) - x, v⟫ = -(c ⟪w, v⟫)`. -/
theorem inner_step_left (E : InnerProductSpace K V) (x w v : V) (c : K) :
    E.inner (E.sub (E.sub x (E.smul c w)) x) v = -(c * E.inner w v) := by
  have h1 : E.inner (E.sub (E.sub x (E.smul c w)) x) v
      = E.inner (E.sub x (E.smul c w)) v - E.inner x v :=
    E.inner_sub_left (E.sub x (E.smul c w)) x v
  have h2 : E.inner (E.sub x (E.smul c w)) v = E.inner x v - E.inner (E.smul c w) v :=
    E.inner_sub_left x (E.smul c w) v
  have h3 : E.inner (E.smul c w) v = c * E.inner w v := E.inner_smul_left c w v
  grind

/-- Inner product with the displacement of a step: `⟪v, (x - c • w) - x⟫ = -(c ⟪v, w⟫)`. -/
theorem inner_step_right (E : InnerProductSpace K V) (x w v : V) (c : K) :
    E.inner v (E.sub (E.sub x (E.smul c w)) x) = -(c * E.inner v w) := by
  have h1 : E.inner v (E.sub (E.sub x (E.smul c w)) x)
      = E.inner (E.sub (E.sub x (E.smul c w)) x) v :=
    E.inner_comm v (E.sub (E.sub x (E.smul c w)) x)
  have h2 : E.inner (E.sub (E.sub x (E.smul c w)) x) v = -(c * E.inner w v) :=
    E.inner_step_left x w v c
  have h3 : E.inner w v = E.inner v w := E.inner_comm w v
  grind

/-- Inner product of the gradient with the displacement of a step along it:
`⟪w, (x - c • w) - x⟫ = -(c ‖w‖²)`. -/
theorem inner_self_step (E : InnerProductSpace K V) (x w : V) (c : K) :
    E.inner w (E.sub (E.sub x (E.smul c w)) x) = -(c * E.normSq w) := by
  have h1 : E.inner w (E.sub (E.sub x (E.smul c w)) x) = -(c * E.inner w w) :=
    E.inner_step_right x w w c
  have h2 : E.normSq w = E.inner w w := E.normSq_def w
  grind

/-- Squared length of the displacement of a step: `‖(x - c • w) - x‖² = c² ‖w‖²`. -/
theorem normSq_step (E : InnerProductSpace K V) (x w : V) (c : K) :
    E.normSq (E.sub (E.sub x (E.smul c w)) x) = c * c * E.normSq w := by
  have h0 : E.normSq (E.sub (E.sub x (E.smul c w)) x)
      = E.inner (E.sub (E.sub x (E.smul c w)) x) (E.sub (E.sub x (E.smul c w)) x) :=
    E.normSq_def (E.sub (E.sub x (E.smul c w)) x)
  have h1 : E.inner (E.sub (E.sub x (E.smul c w)) x) (E.sub (E.sub x (E.smul c w)) x)
      = -(c * E.inner w (E.sub (E.sub x (E.smul c w)) x)) :=
    E.inner_step_left x w (E.sub (E.sub x (E.smul c w)) x) c
  have h2 : E.inner w (E.sub (E.sub x (E.smul c w)) x) = -(c * E.normSq w) :=
    E.inner_self_step x w c
  grind

/-- Expansion of a squared norm of a sum: `‖a + b‖² = ‖a‖² + 2⟪a, b⟫ + ‖b‖²`. -/
theorem normSq_add (E : InnerProductSpace K V) (a b : V) :
    E.normSq (E.add a b) = E.normSq a + 2 * E.inner a b + E.normSq b := by
  have h0 : E.normSq (E.add a b) = E.inner (E.add a b) (E.add a b) := E.normSq_def (E.add a b)
  have h1 : E.inner (E.add a b) (E.add a b) = E.inner a (E.add a b) + E.inner b (E.add a b) :=
    E.inner_add_left a b (E.add a b)
  have h2 : E.inner a (E.add a b) = E.inner a a + E.inner a b := E.inner_add_right a a b
  have h3 : E.inner b (E.add a b) = E.inner b a + E.inner b b := E.inner_add_right b a b
  have h4 : E.inner b a = E.inner a b := E.inner_comm b a
  have h5 : E.normSq a = E.inner a a := E.normSq_def a
  have h6 : E.normSq b = E.inner b b := E.normSq_def b
  grind

/-- Expansion of a squared norm of a difference: `‖a - b‖² = ‖a‖² - 2⟪a, b⟫ + ‖b‖²`. -/
theorem normSq_sub (E : InnerProductSpace K V) (a b : V) :
    E.normSq (E.sub a b) = E.normSq a - 2 * E.inner a b + E.normSq b := by
  have h0 : E.normSq (E.sub a b) = E.inner (E.sub a b) (E.sub a b) := E.normSq_def (E.sub a b)
  have h1 : E.inner (E.sub a b) (E.sub a b) = E.inner a (E.sub a b) - E.inner b (E.sub a b) :=
    E.inner_sub_left a b (E.sub a b)
  have h2 : E.inner a (E.sub a b) = E.inner a a - E.inner a b := E.inner_sub_right a a b
  have h3 : E.inner b (E.sub a b) = E.inner b a - E.inner b b := E.inner_sub_right b a b
  have h4 : E.inner b a = E.inner a b := E.inner_comm b a
  have h5 : E.normSq a = E.inner a a := E.normSq_def a
  have h6 : E.normSq b = E.inner b b := E.normSq_def b
  grind

/-- Homogeneity of the squared norm: `‖c • a‖² = c² ‖a‖²`. -/
theorem normSq_smul (E : InnerProductSpace K V) (c : K) (a : V) :
    E.normSq (E.smul c a) = c * c * E.normSq a := by
  have h0 : E.normSq (E.smul c a) = E.inner (E.smul c a) (E.smul c a) :=
    E.normSq_def (E.smul c a)
  have h1 : E.inner (E.smul c a) (E.smul c a) = c * E.inner a (E.smul c a) :=
    E.inner_smul_left c a (E.smul c a)
  have h2 : E.inner a (E.smul c a) = c * E.inner a a := E.inner_smul_right c a a
  have h3 : E.normSq a = E.inner a a := E.normSq_def a
  grind

/-- Completing the square: for every scalar `c` and vectors `d`, `w`,
`-‖w‖² ≤ 2c⟪w, d⟫ + c²‖d‖²`, because the difference is `‖c • d + w‖² ≥ 0`. -/
theorem neg_normSq_le_complete_square (E : InnerProductSpace K V) (c : K) (w d : V) :
    -E.normSq w ≤ 2 * c * E.inner w d + c * c * E.normSq d := by
  have h0 : 0 ≤ E.normSq (E.add (E.smul c d) w) := E.normSq_nonneg (E.add (E.smul c d) w)
  have h1 : E.normSq (E.add (E.smul c d) w)
      = E.normSq (E.smul c d) + 2 * E.inner (E.smul c d) w + E.normSq w :=
    E.normSq_add (E.smul c d) w
  have h2 : E.normSq (E.smul c d) = c * c * E.normSq d := E.normSq_smul c d
  have h3 : E.inner (E.smul c d) w = c * E.inner d w := E.inner_smul_left c d w
  have h4 : E.inner d w = E.inner w d := E.inner_comm d w
  have h5 : 2 * E.inner (E.smul c d) w = 2 * c * E.inner w d := by grind
  grind

/-- Young's inequality for the inner product: `2⟪a, b⟫ ≤ ‖a‖² + ‖b‖²`. -/
theorem two_mul_inner_le (E : InnerProductSpace K V) (a b : V) :
    2 * E.inner a b ≤ E.normSq a + E.normSq b := by
  have h0 : 0 ≤ E.normSq (E.sub a b) := E.normSq_nonneg (E.sub a b)
  have h1 : E.normSq (E.sub a b) = E.normSq a - 2 * E.inner a b + E.normSq b := E.normSq_sub a b
  grind

/-- Swapping a difference in the second argument: `⟪v, a - b⟫ = -⟪v, b - a⟫`. -/
theorem inner_sub_swap_right (E : InnerProductSpace K V) (v a b : V) :
    E.inner v (E.sub a b) = -E.inner v (E.sub b a) := by
  have h1 : E.inner v (E.sub a b) = E.inner v a - E.inner v b := E.inner_sub_right v a b
  have h2 : E.inner v (E.sub b a) = E.inner v b - E.inner v a := E.inner_sub_right v b a
  grind

/-- The squared distance is symmetric: `‖a - b‖² = ‖b - a‖²`. -/
theorem normSq_sub_comm (E : InnerProductSpace K V) (a b : V) :
    E.normSq (E.sub a b) = E.normSq (E.sub b a) := by
  have h1 : E.normSq (E.sub a b) = E.normSq a - 2 * E.inner a b + E.normSq b := E.normSq_sub a b
  have h2 : E.normSq (E.sub b a) = E.normSq b - 2 * E.inner b a + E.normSq a := E.normSq_sub b a
  have h3 : E.inner b a = E.inner a b := E.inner_comm b a
  grind

/-- Inner product with a shifted step: `⟪(x - c • w) - z, v⟫ = ⟪x - z, v⟫ - c ⟪w, v⟫`. -/
theorem inner_step_sub_left (E : InnerProductSpace K V) (x w z v : V) (c : K) :
    E.inner (E.sub (E.sub x (E.smul c w)) z) v = E.inner (E.sub x z) v - c * E.inner w v := by
  have h1 : E.inner (E.sub (E.sub x (E.smul c w)) z) v
      = E.inner (E.sub x (E.smul c w)) v - E.inner z v :=
    E.inner_sub_left (E.sub x (E.smul c w)) z v
  have h2 : E.inner (E.sub x (E.smul c w)) v = E.inner x v - E.inner (E.smul c w) v :=
    E.inner_sub_left x (E.smul c w) v
  have h3 : E.inner (E.smul c w) v = c * E.inner w v := E.inner_smul_left c w v
  have h4 : E.inner (E.sub x z) v = E.inner x v - E.inner z v := E.inner_sub_left x z v
  grind

/-- Squared distance after a step: `‖(x - c • w) - z‖² = ‖x - z‖² - 2c⟪w, x - z⟫ + c²‖w‖²`. -/
theorem normSq_step_sub (E : InnerProductSpace K V) (x w z : V) (c : K) :
    E.normSq (E.sub (E.sub x (E.smul c w)) z)
      = E.normSq (E.sub x z) - 2 * c * E.inner w (E.sub x z) + c * c * E.normSq w := by
  have h0 : E.normSq (E.sub (E.sub x (E.smul c w)) z)
      = E.inner (E.sub (E.sub x (E.smul c w)) z) (E.sub (E.sub x (E.smul c w)) z) :=
    E.normSq_def (E.sub (E.sub x (E.smul c w)) z)
  have h1 : E.inner (E.sub (E.sub x (E.smul c w)) z) (E.sub (E.sub x (E.smul c w)) z)
      = E.inner (E.sub x z) (E.sub (E.sub x (E.smul c w)) z)
        - c * E.inner w (E.sub (E.sub x (E.smul c w)) z) :=
    E.inner_step_sub_left x w z (E.sub (E.sub x (E.smul c w)) z) c
  have h2 : E.inner (E.sub x z) (E.sub (E.sub x (E.smul c w)) z)
      = E.inner (E.sub (E.sub x (E.smul c w)) z) (E.sub x z) :=
    E.inner_comm (E.sub x z) (E.sub (E.sub x (E.smul c w)) z)
  have h3 : E.inner (E.sub (E.sub x (E.smul c w)) z) (E.sub x z)
      = E.inner (E.sub x z) (E.sub x z) - c * E.inner w (E.sub x z) :=
    E.inner_step_sub_left x w z (E.sub x z) c
  have h4 : E.inner w (E.sub (E.sub x (E.smul c w)) z)
      = E.inner (E.sub (E.sub x (E.smul c w)) z) w :=
    E.inner_comm w (E.sub (E.sub x (E.smul c w)) z)
  have h5 : E.inner (E.sub (E.sub x (E.smul c w)) z) w
      = E.inner (E.sub x z) w - c * E.inner w w :=
    E.inner_step_sub_left x w z w c
  have h6 : E.inner (E.sub x z) w = E.inner w (E.sub x z) := E.inner_comm (E.sub x z) w
  have h7 : E.normSq (E.sub x z) = E.inner (E.sub x z) (E.sub x z) := E.normSq_def (E.sub x z)
  have h8 : E.normSq w = E.inner w w := E.normSq_def w
  grind

end Lemmas

end InnerProductSpace

end AxiomDL
