import AxiomDL.Foundations.Sums

/-!
# Foundations: sums over lists

`List.sum` needs a `Zero` instance, which the scalar context does not provide, so the
library's sum over the elements of a list, `sumOver l f = f a₁ + ⋯ + f aₙ`, is defined here by
structural recursion. Together with `natToScalar` (`Foundations/Sums.lean`) it states the
finite-class bounds `∑_{h ∈ H} P(Bad h) ≤ |H| · δ` of the generalisation area.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section ExtraAlgebra

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

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

/-- A sum of terms bounded by `δ` is at most `|l| · δ`. -/
theorem sumOver_le_length_mul {α : Type v} (l : List α) {f : α → K} {δ : K}
    (hf : ∀ a ∈ l, f a ≤ δ) : sumOver l f ≤ natToScalar l.length * δ := by
  induction l with
  | nil =>
    have h0 : sumOver ([] : List α) f = 0 := sumOver_nil f
    have h0' : (natToScalar ([] : List α).length : K) = 0 := natToScalar_zero
    -- the product identity, so that the final `grind` is linear in the atom `|[]| · δ`
    have hm0 : natToScalar ([] : List α).length * δ = 0 := by
      rw [h0']
      grind
    grind
  | cons a as ih =>
    have h1 : f a ≤ δ := hf a (List.mem_cons.mpr (Or.inl rfl))
    have h2 : sumOver as f ≤ natToScalar as.length * δ :=
      ih (fun b hb => hf b (List.mem_cons.mpr (Or.inr hb)))
    have hs : sumOver (a :: as) f = f a + sumOver as f := sumOver_cons a as f
    have hn : (natToScalar (a :: as).length : K) = natToScalar as.length + 1 :=
      natToScalar_succ as.length
    -- the product identity: linear arithmetic never substitutes `hn` inside `_ * δ`
    have hm : natToScalar (a :: as).length * δ = natToScalar as.length * δ + δ := by
      rw [hn]
      grind
    grind

/-- A sum of zeros is zero. -/
theorem sumOver_zero {α : Type v} (l : List α) : sumOver l (fun _ => (0 : K)) = 0 := by
  induction l with
  | nil => rfl
  | cons a as ih =>
    have hs : sumOver (a :: as) (fun _ => (0 : K)) = 0 + sumOver as (fun _ => (0 : K)) :=
      sumOver_cons a as (fun _ => (0 : K))
    grind

/-- Sums agree when the summands agree on the list. -/
theorem sumOver_congr {α : Type v} (l : List α) {f g : α → K} (h : ∀ a ∈ l, f a = g a) :
    sumOver l f = sumOver l g := by
  have h1 : sumOver l f ≤ sumOver l g := sumOver_le_sumOver l (fun a ha => by
    have e : f a = g a := h a ha
    grind)
  have h2 : sumOver l g ≤ sumOver l f := sumOver_le_sumOver l (fun a ha => by
    have e : f a = g a := h a ha
    grind)
  grind

/-- A sum of sums is the sum of the two sums. -/
theorem sumOver_add {α : Type v} (l : List α) (f g : α → K) :
    sumOver l (fun a => f a + g a) = sumOver l f + sumOver l g := by
  induction l with
  | nil =>
    have h0 : sumOver ([] : List α) (fun a => f a + g a) = 0 := sumOver_nil _
    have hf : sumOver ([] : List α) f = 0 := sumOver_nil f
    have hg : sumOver ([] : List α) g = 0 := sumOver_nil g
    grind
  | cons a as ih =>
    have hs : sumOver (a :: as) (fun b => f b + g b)
        = (f a + g a) + sumOver as (fun b => f b + g b) :=
      sumOver_cons a as (fun b => f b + g b)
    have hf : sumOver (a :: as) f = f a + sumOver as f := sumOver_cons a as f
    have hg : sumOver (a :: as) g = g a + sumOver as g := sumOver_cons a as g
    grind

/-- Pulling a constant factor out of a sum over a list. -/
theorem sumOver_mul_left {α : Type v} (c : K) (l : List α) (f : α → K) :
    sumOver l (fun a => c * f a) = c * sumOver l f := by
  induction l with
  | nil =>
    have h0 : sumOver ([] : List α) (fun a => c * f a) = 0 := sumOver_nil _
    have hf : sumOver ([] : List α) f = 0 := sumOver_nil f
    rw [h0, hf]
    grind
  | cons a as ih =>
    have hs : sumOver (a :: as) (fun b => c * f b) = c * f a + sumOver as (fun b => c * f b) :=
      sumOver_cons a as (fun b => c * f b)
    have hf : sumOver (a :: as) f = f a + sumOver as f := sumOver_cons a as f
    rw [hs, hf, ih]
    grind

end ExtraAlgebra

end AxiomDL
