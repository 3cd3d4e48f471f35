import AxiomDL.Foundations.Scalar

/-!
# Foundations: finite sums and natural multiples of scalars

Core's `Lean.Grind.Semiring` does not make its `NatCast` a global instance, and `List.sum`
needs a `Zero` instance, so the library defines the two finite sums it needs by structural
recursion:

* `natScale n δ`, the natural multiple `n • δ = δ + ⋯ + δ`;
* `sumOver l f`, the sum of `f` over the elements of a list.

Their lemmas are proved by induction with `grind` closing each step.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section ExtraAlgebra

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The natural multiple `n • δ = δ + ⋯ + δ` (`n` summands). -/
def natScale (n : Nat) (δ : K) : K :=
  match n with
  | 0 => 0
  | k + 1 => natScale k δ + δ

/-- `0 • δ = 0`. -/
theorem natScale_zero (δ : K) : natScale 0 δ = 0 := rfl

/-- `(k + 1) • δ = k • δ + δ`. -/
theorem natScale_succ (k : Nat) (δ : K) : natScale (k + 1) δ = natScale k δ + δ := rfl

/-- Natural multiples of a nonnegative scalar are nonnegative. -/
theorem natScale_nonneg (n : Nat) {δ : K} (hδ : 0 ≤ δ) : 0 ≤ natScale n δ := by
  induction n with
  | zero =>
    have h0 : natScale 0 δ = 0 := natScale_zero δ
    grind
  | succ k ih =>
    have hs : natScale (k + 1) δ = natScale k δ + δ := natScale_succ k δ
    grind

/-- Natural multiples of a nonnegative scalar grow with the multiplier. -/
theorem natScale_le_natScale {n m : Nat} (hnm : n ≤ m) {δ : K} (hδ : 0 ≤ δ) :
    natScale n δ ≤ natScale m δ := by
  induction m with
  | zero =>
    have hn : n = 0 := by omega
    subst hn
    grind
  | succ k ih =>
    by_cases hk : n ≤ k
    · have h1 : natScale n δ ≤ natScale k δ := ih hk
      have hs : natScale (k + 1) δ = natScale k δ + δ := natScale_succ k δ
      grind
    · have hn : n = k + 1 := by omega
      subst hn
      grind

/-- `n • 1` is positive for `n ≥ 1`. -/
theorem natScale_one_pos {n : Nat} (hn : 0 < n) : (0 : K) < natScale n 1 := by
  induction n with
  | zero => omega
  | succ k ih =>
    have hs : natScale (k + 1) (1 : K) = natScale k 1 + 1 := natScale_succ k 1
    have h0 : (0 : K) ≤ natScale k 1 := natScale_nonneg k (by grind)
    grind

/-- Multiplying a natural multiple: `(n • δ) * c = n • (δ * c)`. -/
theorem natScale_mul (n : Nat) (δ c : K) : natScale n δ * c = natScale n (δ * c) := by
  induction n with
  | zero =>
    rw [natScale_zero, natScale_zero]
    grind
  | succ k ih =>
    rw [natScale_succ, natScale_succ, ← ih]
    grind

/-- The sum of `f` over the elements of a list. -/
def sumOver {α : Type v} (l : List α) (f : α → K) : K :=
  match l with
  | [] => 0
  | a :: as => f a + sumOver as f

/-- The empty sum is zero. -/
theorem sumOver_nil {α : Type v} (f : α → K) : sumOver ([] : List α) f = 0 := rfl

/-- A sum over a cons splits off the head. -/
theorem sumOver_cons {α : Type v} (a : α) (as : List α) (f : α → K) :
    sumOver (a :: as) f = f a + sumOver as f := rfl

/-- A sum of nonnegative terms is nonnegative. -/
theorem sumOver_nonneg {α : Type v} (l : List α) {f : α → K} (hf : ∀ a ∈ l, 0 ≤ f a) :
    0 ≤ sumOver l f := by
  induction l with
  | nil =>
    have h0 : sumOver ([] : List α) f = 0 := sumOver_nil f
    grind
  | cons a as ih =>
    have h1 : 0 ≤ f a := hf a (List.mem_cons.mpr (Or.inl rfl))
    have h2 : 0 ≤ sumOver as f := ih (fun b hb => hf b (List.mem_cons.mpr (Or.inr hb)))
    have hs : sumOver (a :: as) f = f a + sumOver as f := sumOver_cons a as f
    grind

/-- Sums are monotone in the summand. -/
theorem sumOver_le_sumOver {α : Type v} (l : List α) {f g : α → K} (hfg : ∀ a ∈ l, f a ≤ g a) :
    sumOver l f ≤ sumOver l g := by
  induction l with
  | nil =>
    have h0 : sumOver ([] : List α) f = 0 := sumOver_nil f
    have h0' : sumOver ([] : List α) g = 0 := sumOver_nil g
    grind
  | cons a as ih =>
    have h1 : f a ≤ g a := hfg a (List.mem_cons.mpr (Or.inl rfl))
    have h2 : sumOver as f ≤ sumOver as g :=
      ih (fun b hb => hfg b (List.mem_cons.mpr (Or.inr hb)))
    have hsf : sumOver (a :: as) f = f a + sumOver as f := sumOver_cons a as f
    have hsg : sumOver (a :: as) g = g a + sumOver as g := sumOver_cons a as g
    grind

/-- A sum of terms bounded by `δ` is at most `|l| • δ`. -/
theorem sumOver_le_natScale {α : Type v} (l : List α) {f : α → K} {δ : K}
    (hf : ∀ a ∈ l, f a ≤ δ) : sumOver l f ≤ natScale l.length δ := by
  induction l with
  | nil =>
    have h0 : sumOver ([] : List α) f = 0 := sumOver_nil f
    have h0' : natScale ([] : List α).length δ = 0 := natScale_zero δ
    grind
  | cons a as ih =>
    have h1 : f a ≤ δ := hf a (List.mem_cons.mpr (Or.inl rfl))
    have h2 : sumOver as f ≤ natScale as.length δ :=
      ih (fun b hb => hf b (List.mem_cons.mpr (Or.inr hb)))
    have hs : sumOver (a :: as) f = f a + sumOver as f := sumOver_cons a as f
    have hn : natScale (a :: as).length δ = natScale as.length δ + δ :=
      natScale_succ as.length δ
    grind

/-- A sum of zeros is zero. -/
theorem sumOver_zero {α : Type v} (l : List α) : sumOver l (fun _ => (0 : K)) = 0 := by
  induction l with
  | nil => rfl
  | cons a as ih =>
    rw [sumOver_cons, ih]
    grind

end ExtraAlgebra

end AxiomDL
