import AxiomDL.Generalization.Capacity.Combinatorics

/-!
# Capacity: finite sums and maxima over lists

Scalar facts behind the Rademacher complexity of a finite class:

* more sums over lists: over an append (`sumOver_append`), over `consAll` (`sumOver_consAll`),
  and a sum of zeros (`sumOver_eq_zero`);
* the larger of two scalars `maxOf a b` (decided classically, since the scalar context has no
  decidable order) and the largest value `supOver C g` of `g` over a finite list `C` (`0` on
  the empty list): every value is at most the maximum (`le_supOver`), and on a nonempty list a
  common upper bound bounds the maximum (`supOver_le`).
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization.Capacity

section Sums

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {α : Type v}

/-- A sum over an append is the sum of the two sums. -/
theorem sumOver_append (l₁ l₂ : List α) (f : α → K) :
    sumOver (l₁ ++ l₂) f = sumOver l₁ f + sumOver l₂ f := by
  induction l₁ with
  | nil =>
    rw [List.nil_append]
    have h0 : sumOver ([] : List α) f = 0 := sumOver_nil f
    grind
  | cons a l ih =>
    rw [List.cons_append]
    have e1 : sumOver (a :: (l ++ l₂)) f = f a + sumOver (l ++ l₂) f := sumOver_cons a (l ++ l₂) f
    have e2 : sumOver (a :: l) f = f a + sumOver l f := sumOver_cons a l f
    grind

/-- A sum over `consAll b L` is the sum over `L` of the function at `b :: l`. -/
theorem sumOver_consAll (b : α) (L : List (List α)) (f : List α → K) :
    sumOver (consAll b L) f = sumOver L (fun l => f (b :: l)) := by
  induction L with
  | nil => rfl
  | cons l L ih =>
    have e1 : sumOver (consAll b (l :: L)) f = f (b :: l) + sumOver (consAll b L) f := rfl
    have e2 : sumOver (l :: L) (fun m => f (b :: m))
        = f (b :: l) + sumOver L (fun m => f (b :: m)) := rfl
    grind

/-- A sum of terms that vanish on the list is zero. -/
theorem sumOver_eq_zero (l : List α) {f : α → K} (h : ∀ a ∈ l, f a = 0) : sumOver l f = 0 := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    have e : sumOver (a :: l) f = f a + sumOver l f := sumOver_cons a l f
    have h1 : f a = 0 := h a (List.mem_cons.mpr (Or.inl rfl))
    have h2 : sumOver l f = 0 := ih (fun b hb => h b (List.mem_cons.mpr (Or.inr hb)))
    grind

end Sums

section Max

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

open Classical in
/-- The larger of two scalars (decided classically). -/
noncomputable def maxOf (a b : K) : K := if a ≤ b then b else a

/-- `maxOf a b = b` when `a ≤ b`. -/
theorem maxOf_of_le {a b : K} (h : a ≤ b) : maxOf a b = b := by
  unfold maxOf
  exact if_pos h

/-- `maxOf a b = a` when `¬ a ≤ b`. -/
theorem maxOf_of_not_le {a b : K} (h : ¬ a ≤ b) : maxOf a b = a := by
  unfold maxOf
  exact if_neg h

/-- The first argument is at most the maximum. -/
theorem le_maxOf_left (a b : K) : a ≤ maxOf a b := by
  by_cases h : a ≤ b
  · have e : maxOf a b = b := maxOf_of_le h
    grind
  · have e : maxOf a b = a := maxOf_of_not_le h
    grind

/-- The second argument is at most the maximum. -/
theorem le_maxOf_right (a b : K) : b ≤ maxOf a b := by
  by_cases h : a ≤ b
  · have e : maxOf a b = b := maxOf_of_le h
    grind
  · have e : maxOf a b = a := maxOf_of_not_le h
    grind

/-- A common upper bound bounds the maximum. -/
theorem maxOf_le {a b c : K} (ha : a ≤ c) (hb : b ≤ c) : maxOf a b ≤ c := by
  by_cases h : a ≤ b
  · have e : maxOf a b = b := maxOf_of_le h
    grind
  · have e : maxOf a b = a := maxOf_of_not_le h
    grind

end Max

section Sup

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {H : Type w}

/-- The largest value of `g` over the nonempty list `h :: hs`. -/
noncomputable def supFrom (g : H → K) : H → List H → K
  | h, [] => g h
  | h, h' :: hs => maxOf (g h) (supFrom g h' hs)

/-- The largest value of `g` over the list `C`; `0` on the empty list. -/
noncomputable def supOver (C : List H) (g : H → K) : K :=
  match C with
  | [] => 0
  | h :: hs => supFrom g h hs

/-- The maximum over one element is its value. -/
theorem supOver_singleton (h : H) (g : H → K) : supOver [h] g = g h := rfl

/-- The maximum over two elements. -/
theorem supOver_pair (h h' : H) (g : H → K) : supOver [h, h'] g = maxOf (g h) (g h') := rfl

/-- Every value on `h :: hs` is at most `supFrom g h hs`. -/
theorem le_supFrom (g : H → K) : ∀ (hs : List H) (h a : H), a ∈ h :: hs → g a ≤ supFrom g h hs := by
  intro hs
  induction hs with
  | nil =>
    intro h a ha
    have e : supFrom g h [] = g h := rfl
    rcases List.mem_cons.mp ha with ea | hn
    · have e2 : g a = g h := by rw [ea]
      grind
    · exact nomatch hn
  | cons h' hs ih =>
    intro h a ha
    have e : supFrom g h (h' :: hs) = maxOf (g h) (supFrom g h' hs) := rfl
    have hl : g h ≤ maxOf (g h) (supFrom g h' hs) := le_maxOf_left _ _
    have hr : supFrom g h' hs ≤ maxOf (g h) (supFrom g h' hs) := le_maxOf_right _ _
    rcases List.mem_cons.mp ha with ea | hn
    · have e2 : g a = g h := by rw [ea]
      grind
    · have h1 : g a ≤ supFrom g h' hs := ih h' a hn
      grind

/-- A common upper bound of the values on `h :: hs` bounds `supFrom g h hs`. -/
theorem supFrom_le (g : H → K) {c : K} :
    ∀ (hs : List H) (h : H), (∀ a ∈ h :: hs, g a ≤ c) → supFrom g h hs ≤ c := by
  intro hs
  induction hs with
  | nil =>
    intro h hall
    have e : supFrom g h [] = g h := rfl
    have h1 : g h ≤ c := hall h (List.mem_cons.mpr (Or.inl rfl))
    grind
  | cons h' hs ih =>
    intro h hall
    have e : supFrom g h (h' :: hs) = maxOf (g h) (supFrom g h' hs) := rfl
    have h1 : g h ≤ c := hall h (List.mem_cons.mpr (Or.inl rfl))
    have h2 : supFrom g h' hs ≤ c := ih h' (fun a ha => hall a (List.mem_cons.mpr (Or.inr ha)))
    have h3 : maxOf (g h) (supFrom g h' hs) ≤ c := maxOf_le h1 h2
    grind

/-- Every value on `C` is at most the maximum over `C`. -/
theorem le_supOver {C : List H} {g : H → K} {a : H} (ha : a ∈ C) : g a ≤ supOver C g := by
  cases C with
  | nil => exact nomatch ha
  | cons h hs => exact le_supFrom g hs h a ha

/-- On a nonempty list, a common upper bound of the values bounds the maximum. -/
theorem supOver_le {C : List H} (hC : C ≠ []) {g : H → K} {c : K} (hall : ∀ a ∈ C, g a ≤ c) :
    supOver C g ≤ c := by
  cases C with
  | nil => exact absurd rfl hC
  | cons h hs => exact supFrom_le g hs h hall

/-- The maximum is monotone in the list: a nonempty `C` whose members are members of `C'`. -/
theorem supOver_mono {C C' : List H} (hC : C ≠ []) (hsub : ∀ h ∈ C, h ∈ C') (g : H → K) :
    supOver C g ≤ supOver C' g :=
  supOver_le hC (fun a ha => le_supOver (hsub a ha))

/-- The maximum is monotone in the function. -/
theorem supOver_le_supOver {C : List H} (hC : C ≠ []) {g g' : H → K}
    (hgg' : ∀ a ∈ C, g a ≤ g' a) : supOver C g ≤ supOver C g' := by
  refine supOver_le hC ?_
  intro a ha
  have h1 : g a ≤ g' a := hgg' a ha
  have h2 : g' a ≤ supOver C g' := le_supOver ha
  grind

end Sup

end AxiomDL.Generalization.Capacity
