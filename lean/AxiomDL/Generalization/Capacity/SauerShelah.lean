import AxiomDL.Generalization.Capacity.VC

/-!
# Capacity: the Sauer–Shelah lemma

* **Sauer–Shelah** (`sauer_shelah`): if the class `C` has VC dimension at most `d`, every
  family of members of `C` with distinct traces on `n` distinct points has at most
  `∑_{i ≤ d} C(n, i) = binomSum n (d + 1)` members; hence at most `(n + 1) ^ d`
  (`sauer_shelah_pow`), a polynomial instead of `2 ^ n`. The proof is the standard induction on
  the points (`length_le_binomSum_of_shatters_lt`): split the family by the label of the first
  point `x`; the traces on the remaining points of the union of the two halves shatter no more
  than the family, and those of their intersection shatter no set that, with `x` added, the
  family would not shatter.
* `GrowthLE C n N` is the growth-function bound `Π_C(n) ≤ N`; Sauer–Shelah gives
  `GrowthLE C n (binomSum n (d + 1))` (`growthLE_of_vcDimLE`), and every class satisfies
  `GrowthLE C n (2 ^ n)` (`growthLE_two_pow`).
-/

set_option autoImplicit false

universe v

namespace AxiomDL.Generalization.Capacity

section SauerShelah

variable {X : Type v}

/-- The members of `D` that give the point `x` the label `b`. -/
noncomputable def labelled (x : X) (b : Bool) (D : List (X → Bool)) : List (X → Bool) :=
  filterP (fun h => h x = b) D

/-- Membership in `labelled`. -/
theorem mem_labelled {x : X} {b : Bool} {D : List (X → Bool)} {h : X → Bool} :
    h ∈ labelled x b D ↔ h ∈ D ∧ h x = b :=
  mem_filterP

/-- `h` has the same trace on `S` as some member of `D₁`. -/
def Matched (S : List X) (D₁ : List (X → Bool)) (h : X → Bool) : Prop :=
  ∃ g ∈ D₁, restrict S g = restrict S h

/-- The "union" half of the Sauer–Shelah split at the point `x`: the members labelling `x`
with `true`, and those labelling it `false` whose trace on `S` no `true`-member has. -/
noncomputable def unionPart (x : X) (S : List X) (D : List (X → Bool)) : List (X → Bool) :=
  labelled x true D ++ filterP (fun h => ¬ Matched S (labelled x true D) h) (labelled x false D)

/-- The "intersection" half: the members labelling `x` with `false` whose trace on `S` some
`true`-member also has. -/
noncomputable def interPart (x : X) (S : List X) (D : List (X → Bool)) : List (X → Bool) :=
  filterP (Matched S (labelled x true D)) (labelled x false D)

/-- The two halves together have as many members as `D`. -/
theorem length_unionPart_add_interPart (x : X) (S : List X) (D : List (X → Bool)) :
    (unionPart x S D).length + (interPart x S D).length = D.length := by
  have hb : ∀ h : X → Bool, h x = true ∨ h x = false := by
    intro h
    cases h x with
    | false => exact Or.inr rfl
    | true => exact Or.inl rfl
  have hbx : ∀ h : X → Bool, h x = true → h x = false → False := by
    intro h h1 h2
    rw [h1] at h2
    cases h2
  have e1 : (labelled x true D).length + (labelled x false D).length = D.length :=
    length_filterP_add hb hbx D
  have e2 : (interPart x S D).length
      + (filterP (fun h => ¬ Matched S (labelled x true D) h) (labelled x false D)).length
      = (labelled x false D).length :=
    length_filterP_add (fun h => Classical.em (Matched S (labelled x true D) h))
      (fun _ hm hn => hn hm) (labelled x false D)
  have e3 : (unionPart x S D).length = (labelled x true D).length
      + (filterP (fun h => ¬ Matched S (labelled x true D) h) (labelled x false D)).length := by
    show (labelled x true D
      ++ filterP (fun h => ¬ Matched S (labelled x true D) h) (labelled x false D)).length = _
    rw [List.length_append]
  omega

/-- A family with distinct traces on `x :: S` whose members all label `x` alike has distinct
traces on `S`. -/
theorem distinctOn_restrict_of_label {x : X} {S : List X} {b : Bool} {D : List (X → Bool)}
    (hD : DistinctOn (restrict (x :: S)) D) (hb : ∀ h ∈ D, h x = b) :
    DistinctOn (restrict S) D := by
  induction D with
  | nil => exact distinctOn_nil _
  | cons a D ih =>
    have h1 : ∀ g ∈ D, restrict (x :: S) g ≠ restrict (x :: S) a := (distinctOn_cons.mp hD).1
    have h2 : DistinctOn (restrict (x :: S)) D := (distinctOn_cons.mp hD).2
    have hb' : ∀ h ∈ D, h x = b := fun h hh => hb h (List.mem_cons.mpr (Or.inr hh))
    refine distinctOn_cons.mpr ⟨?_, ih h2 hb'⟩
    intro g hg heq
    have hga : g x = b := hb g (List.mem_cons.mpr (Or.inr hg))
    have haa : a x = b := hb a (List.mem_cons.mpr (Or.inl rfl))
    have hfull : restrict (x :: S) g = restrict (x :: S) a := by
      show g x :: restrict S g = a x :: restrict S a
      rw [hga, haa, heq]
    exact h1 g hg hfull

/-- The `b`-labelled members have distinct traces on `S`. -/
theorem distinctOn_labelled {x : X} {S : List X} {D : List (X → Bool)}
    (hD : DistinctOn (restrict (x :: S)) D) (b : Bool) :
    DistinctOn (restrict S) (labelled x b D) :=
  distinctOn_restrict_of_label (distinctOn_filterP (fun h => h x = b) hD)
    (fun _ hh => (mem_filterP.mp hh).2)

/-- The union half has distinct traces on `S`. -/
theorem distinctOn_unionPart {x : X} {S : List X} {D : List (X → Bool)}
    (hD : DistinctOn (restrict (x :: S)) D) : DistinctOn (restrict S) (unionPart x S D) := by
  have h1 : DistinctOn (restrict S) (labelled x true D) := distinctOn_labelled hD true
  have h2 : DistinctOn (restrict S)
      (filterP (fun h => ¬ Matched S (labelled x true D) h) (labelled x false D)) :=
    distinctOn_filterP _ (distinctOn_labelled hD false)
  show DistinctOn (restrict S) (labelled x true D
    ++ filterP (fun h => ¬ Matched S (labelled x true D) h) (labelled x false D))
  refine distinctOn_append h1 h2 ?_
  intro a ha c hc heq
  have hn : ¬ Matched S (labelled x true D) c := (mem_filterP.mp hc).2
  exact hn ⟨a, ha, heq.symm⟩

/-- The intersection half has distinct traces on `S`. -/
theorem distinctOn_interPart {x : X} {S : List X} {D : List (X → Bool)}
    (hD : DistinctOn (restrict (x :: S)) D) : DistinctOn (restrict S) (interPart x S D) :=
  distinctOn_filterP _ (distinctOn_labelled hD false)

/-- Whatever the union half shatters, the family shatters. -/
theorem shatters_of_unionPart {x : X} {S A : List X} {D : List (X → Bool)}
    (hs : Shatters (unionPart x S D) A) : Shatters D A := by
  refine shatters_mono ?_ hs
  intro h hh
  have hh' : h ∈ labelled x true D
      ++ filterP (fun h => ¬ Matched S (labelled x true D) h) (labelled x false D) := hh
  rcases List.mem_append.mp hh' with h1 | h2
  · exact (mem_labelled.mp h1).1
  · exact (mem_labelled.mp (mem_filterP.mp h2).1).1

/-- If the intersection half shatters a sublist `A` of `S`, the family shatters `x :: A`: for
each labelling, the matched pair (one member labelling `x` with `false`, one with `true`, with
the same trace on `S`) supplies whichever label `x` needs. -/
theorem shatters_cons_of_interPart {x : X} {S A : List X} {D : List (X → Bool)}
    (hA : IsSublist A S) (hs : Shatters (interPart x S D) A) : Shatters D (x :: A) := by
  intro f
  obtain ⟨h0, hv, hagree⟩ := hs f
  have hv' : h0 ∈ labelled x false D ∧ Matched S (labelled x true D) h0 := mem_filterP.mp hv
  obtain ⟨g, hg, hgeq⟩ := hv'.2
  have h0D : h0 ∈ D ∧ h0 x = false := mem_labelled.mp hv'.1
  have gD : g ∈ D ∧ g x = true := mem_labelled.mp hg
  have hgA : ∀ a ∈ A, g a = f a := by
    intro a ha
    rw [apply_eq_of_restrict_eq hgeq (mem_of_isSublist hA ha)]
    exact hagree a ha
  by_cases hfx : f x = true
  · refine ⟨g, gD.1, ?_⟩
    intro a ha
    rcases List.mem_cons.mp ha with e | ha'
    · rw [e, gD.2, hfx]
    · exact hgA a ha'
  · have hfx' : f x = false := eq_false_of_ne_true hfx
    refine ⟨h0, h0D.1, ?_⟩
    intro a ha
    rcases List.mem_cons.mp ha with e | ha'
    · rw [e, h0D.2, hfx']
    · exact hagree a ha'

/-- A family that shatters no sublist at all (every shattered sublist has length `< 0`) is
empty: a nonempty family shatters the empty list. -/
theorem eq_nil_of_shatters_lt_zero {S : List X} {D : List (X → Bool)}
    (hsh : ∀ A, IsSublist A S → Shatters D A → A.length < 0) : D = [] := by
  cases D with
  | nil => rfl
  | cons h D =>
    exfalso
    have hlt : ([] : List X).length < 0 := hsh [] (isSublist_nil_left S) shatters_nil
    omega

/-- On no points, all traces are empty, so a family with distinct traces has at most one
member. -/
theorem length_le_one_of_distinctOn_restrict_nil {D : List (X → Bool)}
    (hD : DistinctOn (restrict ([] : List X)) D) : D.length ≤ 1 := by
  cases D with
  | nil => exact Nat.zero_le _
  | cons a D =>
    cases D with
    | nil =>
      have e : (a :: ([] : List (X → Bool))).length = 1 := rfl
      omega
    | cons b D =>
      exfalso
      have hne : restrict ([] : List X) b ≠ restrict ([] : List X) a :=
        (distinctOn_cons.mp hD).1 b (List.mem_cons.mpr (Or.inl rfl))
      exact hne rfl

/-- The Sauer–Shelah induction (Pajor's form, for sublists): a family of hypotheses with
pairwise distinct traces on `S`, every sublist of `S` that it shatters having fewer than `k`
points, has at most `binomSum |S| k = ∑_{i < k} C(|S|, i)` members. -/
theorem length_le_binomSum_of_shatters_lt (S : List X) :
    ∀ (k : Nat) (D : List (X → Bool)), DistinctOn (restrict S) D →
      (∀ A, IsSublist A S → Shatters D A → A.length < k) →
      D.length ≤ binomSum S.length k := by
  induction S with
  | nil =>
    intro k D hD hsh
    cases k with
    | zero =>
      rw [eq_nil_of_shatters_lt_zero hsh]
      exact Nat.zero_le _
    | succ k =>
      have h1 : D.length ≤ 1 := length_le_one_of_distinctOn_restrict_nil hD
      have e : binomSum ([] : List X).length (k + 1) = 1 := binomSum_zero_succ k
      omega
  | cons x S ih =>
    intro k D hD hsh
    cases k with
    | zero =>
      rw [eq_nil_of_shatters_lt_zero hsh]
      exact Nat.zero_le _
    | succ k =>
      have hsplit : (unionPart x S D).length + (interPart x S D).length = D.length :=
        length_unionPart_add_interPart x S D
      have hU : (unionPart x S D).length ≤ binomSum S.length (k + 1) :=
        ih (k + 1) (unionPart x S D) (distinctOn_unionPart hD)
          (fun A hA hsA => hsh A (IsSublist.skip x hA) (shatters_of_unionPart hsA))
      have hV : (interPart x S D).length ≤ binomSum S.length k := by
        refine ih k (interPart x S D) (distinctOn_interPart hD) ?_
        intro A hA hsA
        have h1 : (x :: A).length < k + 1 :=
          hsh (x :: A) (IsSublist.take x hA) (shatters_cons_of_interPart hA hsA)
        have e : (x :: A).length = A.length + 1 := rfl
        omega
      have hrec : binomSum (x :: S).length (k + 1)
          = binomSum S.length (k + 1) + binomSum S.length k :=
        binomSum_succ_succ S.length k
      omega

/-- **Sauer–Shelah lemma.** If the class `C` has VC dimension at most `d`, then on any list `S`
of `n` distinct points, every family of members of `C` with pairwise distinct traces on `S` has
at most `∑_{i ≤ d} C(n, i) = binomSum n (d + 1)` members: `C` has at most that many distinct
traces on `S`. -/
theorem sauer_shelah {C : List (X → Bool)} {d : Nat} (hvc : VCDimLE C d) {S : List X}
    (hS : DistinctOn id S) {D : List (X → Bool)} (hDC : ∀ h ∈ D, h ∈ C)
    (hD : DistinctOn (restrict S) D) : D.length ≤ binomSum S.length (d + 1) := by
  refine length_le_binomSum_of_shatters_lt S (d + 1) D hD ?_
  intro A hA hs
  have h1 : A.length ≤ d := hvc A (distinctOn_of_isSublist hA hS) (shatters_mono hDC hs)
  omega

/-- Sauer–Shelah, polynomial form: under VC dimension at most `d`, the class has at most
`(n + 1) ^ d` distinct traces on `n` distinct points. -/
theorem sauer_shelah_pow {C : List (X → Bool)} {d : Nat} (hvc : VCDimLE C d) {S : List X}
    (hS : DistinctOn id S) {D : List (X → Bool)} (hDC : ∀ h ∈ D, h ∈ C)
    (hD : DistinctOn (restrict S) D) : D.length ≤ (S.length + 1) ^ d := by
  have h1 : D.length ≤ binomSum S.length (d + 1) := sauer_shelah hvc hS hDC hD
  have h2 : binomSum S.length (d + 1) ≤ (S.length + 1) ^ d := binomSum_le_pow S.length d
  omega

/-- The growth-function bound `Π_C(n) ≤ N`: on every list of at most `n` distinct points, every
family of members of `C` with pairwise distinct traces has at most `N` members. -/
def GrowthLE (C : List (X → Bool)) (n N : Nat) : Prop :=
  ∀ S : List X, DistinctOn id S → S.length ≤ n →
    ∀ D : List (X → Bool), (∀ h ∈ D, h ∈ C) → DistinctOn (restrict S) D → D.length ≤ N

/-- Sauer–Shelah as a growth-function bound: VC dimension at most `d` gives
`Π_C(n) ≤ ∑_{i ≤ d} C(n, i)`. -/
theorem growthLE_of_vcDimLE {C : List (X → Bool)} {d : Nat} (hvc : VCDimLE C d) (n : Nat) :
    GrowthLE C n (binomSum n (d + 1)) := by
  intro S hS hn D hDC hD
  have h1 : D.length ≤ binomSum S.length (d + 1) := sauer_shelah hvc hS hDC hD
  have h2 : binomSum S.length (d + 1) ≤ binomSum n (d + 1) := binomSum_mono hn (d + 1)
  omega

/-- The trivial growth bound, with no assumption on the class: at most `2 ^ n` distinct traces
on at most `n` points. -/
theorem growthLE_two_pow (C : List (X → Bool)) (n : Nat) : GrowthLE C n (2 ^ n) := by
  intro S _ hn D _ hD
  have h1 : D.length ≤ binomSum S.length (S.length + 1) := by
    refine length_le_binomSum_of_shatters_lt S (S.length + 1) D hD ?_
    intro A hA _
    have h2 : A.length ≤ S.length := length_le_of_isSublist hA
    omega
  have h3 : binomSum S.length (S.length + 1) = 2 ^ S.length :=
    binomSum_eq_two_pow S.length (S.length + 1) (by omega)
  obtain ⟨e, he⟩ : ∃ e, n = S.length + e := ⟨n - S.length, by omega⟩
  have h4 : ∀ j : Nat, 2 ^ S.length ≤ 2 ^ (S.length + j) := by
    intro j
    induction j with
    | zero => exact Nat.le_refl _
    | succ j ih =>
      have e1 : 2 ^ (S.length + (j + 1)) = 2 ^ (S.length + j) * 2 := rfl
      omega
  have h5 : 2 ^ S.length ≤ 2 ^ n := by
    rw [he]
    exact h4 e
  omega

end SauerShelah

end AxiomDL.Generalization.Capacity
