import AxiomDL.Generalization.Capacity.Combinatorics

/-!
# Capacity: traces, shattering and VC dimension

Hypotheses are binary classifiers `X → Bool`, classes and point sets are lists.

* `restrict S h` is the trace of `h` on the points `S` (its list of labels); a family `D` of
  hypotheses has pairwise distinct traces on `S` when `DistinctOn (restrict S) D`. The number
  of distinct traces of a class `C` on `S` is the largest length of such a family drawn from `C`.
* `IsSublist A S`: `A` keeps some of the points of `S`, in order.
* `Shatters C A`: every labelling of the points `A` is realised by a member of `C`.
* `VCDimLE C d` (an assumption about the class): no list of distinct points longer than `d` is
  shattered; `IsVCDim C d` adds a shattered list of `d` distinct points, and the VC dimension
  so defined is unique (`isVCDim_unique`).

The Sauer–Shelah lemma is in `Generalization/Capacity/SauerShelah.lean`.
-/

set_option autoImplicit false

universe v

namespace AxiomDL.Generalization.Capacity

section Traces

variable {X : Type v}

/-- The trace of the hypothesis `h` on the points `S`: the list of its labels `h x`, `x ∈ S`. -/
def restrict (S : List X) (h : X → Bool) : List Bool :=
  match S with
  | [] => []
  | x :: S' => h x :: restrict S' h

/-- Unfolding the trace on a cons. -/
theorem restrict_cons (x : X) (S : List X) (h : X → Bool) :
    restrict (x :: S) h = h x :: restrict S h := rfl

/-- Equal traces on `S` mean equal labels at every point of `S`. -/
theorem apply_eq_of_restrict_eq {S : List X} {g h : X → Bool} (he : restrict S g = restrict S h)
    {a : X} (ha : a ∈ S) : g a = h a := by
  induction S with
  | nil => exact nomatch ha
  | cons y S ih =>
    have he' : g y :: restrict S g = h y :: restrict S h := he
    injection he' with h1 h2
    rcases List.mem_cons.mp ha with e | ha'
    · rw [e]
      exact h1
    · exact ih h2 ha'

/-- `A` is a sublist of `S`: it keeps some of the points of `S`, in order. -/
inductive IsSublist : List X → List X → Prop
  /-- The empty list is a sublist of itself. -/
  | nil : IsSublist [] []
  /-- Skip the first point of `S`. -/
  | skip {A S : List X} (x : X) : IsSublist A S → IsSublist A (x :: S)
  /-- Keep the first point of `S`. -/
  | take {A S : List X} (x : X) : IsSublist A S → IsSublist (x :: A) (x :: S)

/-- The empty list is a sublist of every list. -/
theorem isSublist_nil_left (S : List X) : IsSublist [] S := by
  induction S with
  | nil => exact IsSublist.nil
  | cons x S ih => exact IsSublist.skip x ih

/-- The points of a sublist are points of the list. -/
theorem mem_of_isSublist {A S : List X} (h : IsSublist A S) {a : X} (ha : a ∈ A) : a ∈ S := by
  induction h with
  | nil => exact nomatch ha
  | skip x _ ih => exact List.mem_cons.mpr (Or.inr (ih ha))
  | take x _ ih =>
    rcases List.mem_cons.mp ha with e | h'
    · exact List.mem_cons.mpr (Or.inl e)
    · exact List.mem_cons.mpr (Or.inr (ih h'))

/-- A sublist of a list of distinct points has distinct points. -/
theorem distinctOn_of_isSublist {A S : List X} (h : IsSublist A S) (hS : DistinctOn id S) :
    DistinctOn id A := by
  induction h with
  | nil => exact hS
  | skip x _ ih => exact ih (distinctOn_cons.mp hS).2
  | take x hsub ih =>
    refine distinctOn_cons.mpr ⟨?_, ih (distinctOn_cons.mp hS).2⟩
    intro b hb
    exact (distinctOn_cons.mp hS).1 b (mem_of_isSublist hsub hb)

/-- A sublist is no longer than the list. -/
theorem length_le_of_isSublist {A S : List X} (h : IsSublist A S) : A.length ≤ S.length := by
  induction h with
  | nil => exact Nat.le_refl 0
  | skip x _ ih =>
    rw [List.length_cons]
    omega
  | take x _ ih =>
    rw [List.length_cons, List.length_cons]
    omega

end Traces

section Shattering

variable {X : Type v}

/-- The hypotheses `C` shatter the points `A`: every labelling `f` of the points of `A` is
realised by some member of `C`. -/
def Shatters (C : List (X → Bool)) (A : List X) : Prop :=
  ∀ f : X → Bool, ∃ h ∈ C, ∀ a ∈ A, h a = f a

/-- Shattering is monotone in the class. -/
theorem shatters_mono {C C' : List (X → Bool)} (hCC' : ∀ h ∈ C, h ∈ C') {A : List X}
    (hs : Shatters C A) : Shatters C' A := by
  intro f
  obtain ⟨h, hC, hA⟩ := hs f
  exact ⟨h, hCC' h hC, hA⟩

/-- A nonempty family shatters the empty list. -/
theorem shatters_nil {h : X → Bool} {D : List (X → Bool)} : Shatters (h :: D) [] :=
  fun _ => ⟨h, List.mem_cons.mpr (Or.inl rfl), fun _ ha => nomatch ha⟩

/-- Assumption: the finite class `C` of binary classifiers has VC dimension at most `d`: every
list of distinct points that `C` shatters has at most `d` points.
Area: generalization
Status: established
Evidence: Finite for networks of a fixed architecture: `O(W L log W)` for piecewise-linear networks with `W` weights and `L` layers (Bartlett et al. 2019), tight up to the log factor; but for modern networks it exceeds the training-set size, so the VC bounds it gives are vacuous (Zhang et al. 2017 fit random labels).
Refs: Vapnik, Chervonenkis (1971); Bartlett, Harvey, Liaw, Mehrabian, "Nearly-tight VC-dimension and Pseudodimension Bounds for Piecewise Linear Neural Networks" (JMLR 2019); Zhang, Bengio, Hardt, Recht, Vinyals (ICLR 2017).
-/
def VCDimLE (C : List (X → Bool)) (d : Nat) : Prop :=
  ∀ A : List X, DistinctOn id A → Shatters C A → A.length ≤ d

/-- The VC dimension of `C` is exactly `d`: at most `d`, and some list of `d` distinct points
is shattered. -/
def IsVCDim (C : List (X → Bool)) (d : Nat) : Prop :=
  VCDimLE C d ∧ ∃ A : List X, DistinctOn id A ∧ A.length = d ∧ Shatters C A

/-- A VC-dimension bound can be relaxed. -/
theorem vcDimLE_mono {C : List (X → Bool)} {d d' : Nat} (h : VCDimLE C d) (hd : d ≤ d') :
    VCDimLE C d' := by
  intro A hA hs
  have h1 : A.length ≤ d := h A hA hs
  omega

/-- The VC dimension is well defined: `IsVCDim C d` and `IsVCDim C d'` force `d = d'`. -/
theorem isVCDim_unique {C : List (X → Bool)} {d d' : Nat} (h : IsVCDim C d)
    (h' : IsVCDim C d') : d = d' := by
  obtain ⟨A, hA, hlen, hs⟩ := h.2
  obtain ⟨A', hA', hlen', hs'⟩ := h'.2
  have h1 : A.length ≤ d' := h'.1 A hA hs
  have h2 : A'.length ≤ d := h.1 A' hA' hs'
  omega

end Shattering

end AxiomDL.Generalization.Capacity
