import AxiomDL.Generalization.FiniteClass

/-!
# Generalisation: the counting form of realisable ERM consistency

Over a finite list of equally likely samples, everything is a count. `countWhere p l` is the
number of elements of `l` satisfying `p`. The union bound becomes
`#{s | ∃ h ∈ H, E h s} ≤ ∑_{h ∈ H} #{s | E h s}` (`countWhere_exists_le`), and realisable ERM
consistency becomes: if every bad hypothesis is consistent with at most `k` of the samples,
then any consistent learner is bad on at most `|H| · k` of them (`erm_counting`). Dividing by
the number of samples gives the probabilistic statement `erm_realizable_consistency` with
`δ = k / #samples`.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization

section Counting

variable {α : Type v} {H : Type w}

open Classical in
/-- The indicator `1` / `0` of a proposition, in `Nat`. -/
noncomputable def natInd (p : Prop) : Nat := if p then 1 else 0

/-- The indicator of a true proposition is one. -/
theorem natInd_of_pos {p : Prop} (h : p) : natInd p = 1 := by
  unfold natInd
  exact if_pos h

/-- The indicator of a false proposition is zero. -/
theorem natInd_of_neg {p : Prop} (h : ¬ p) : natInd p = 0 := by
  unfold natInd
  exact if_neg h

/-- The number of elements of a list satisfying `p`. -/
noncomputable def countWhere (p : α → Prop) : List α → Nat
  | [] => 0
  | a :: as => natInd (p a) + countWhere p as

/-- The sum of a `Nat`-valued function over a list. -/
def natSum (l : List H) (f : H → Nat) : Nat :=
  match l with
  | [] => 0
  | h :: hs => f h + natSum hs f

/-- Counting is monotone in the predicate. -/
theorem countWhere_mono {p q : α → Prop} (hpq : ∀ a, p a → q a) (l : List α) :
    countWhere p l ≤ countWhere q l := by
  induction l with
  | nil => exact Nat.le_refl 0
  | cons a as ih =>
    show natInd (p a) + countWhere p as ≤ natInd (q a) + countWhere q as
    by_cases hp : p a
    · have e1 : natInd (p a) = 1 := natInd_of_pos hp
      have e2 : natInd (q a) = 1 := natInd_of_pos (hpq a hp)
      omega
    · have e1 : natInd (p a) = 0 := natInd_of_neg hp
      by_cases hq : q a
      · have e2 : natInd (q a) = 1 := natInd_of_pos hq
        omega
      · have e2 : natInd (q a) = 0 := natInd_of_neg hq
        omega

/-- Nothing satisfies `False`. -/
theorem countWhere_false (l : List α) : countWhere (fun _ => False) l = 0 := by
  induction l with
  | nil => rfl
  | cons a as ih =>
    show natInd False + countWhere (fun _ => False) as = 0
    have e : natInd False = 0 := natInd_of_neg (fun h => h)
    omega

/-- Counting a disjunction: `#(p ∨ q) ≤ #p + #q`. -/
theorem countWhere_or_le (p q : α → Prop) (l : List α) :
    countWhere (fun a => p a ∨ q a) l ≤ countWhere p l + countWhere q l := by
  induction l with
  | nil => exact Nat.le_refl 0
  | cons a as ih =>
    show natInd (p a ∨ q a) + countWhere (fun a => p a ∨ q a) as
      ≤ (natInd (p a) + countWhere p as) + (natInd (q a) + countWhere q as)
    by_cases hp : p a
    · have e0 : natInd (p a ∨ q a) = 1 := natInd_of_pos (Or.inl hp)
      have e1 : natInd (p a) = 1 := natInd_of_pos hp
      omega
    · have e1 : natInd (p a) = 0 := natInd_of_neg hp
      by_cases hq : q a
      · have e0 : natInd (p a ∨ q a) = 1 := natInd_of_pos (Or.inr hq)
        have e2 : natInd (q a) = 1 := natInd_of_pos hq
        omega
      · have e0 : natInd (p a ∨ q a) = 0 := natInd_of_neg (fun h => h.elim hp hq)
        omega

/-- The counting union bound: `#{s | ∃ h ∈ hs, E h s} ≤ ∑_{h ∈ hs} #{s | E h s}`. -/
theorem countWhere_exists_le (E : H → α → Prop) (hs : List H) (l : List α) :
    countWhere (fun s => ∃ h ∈ hs, E h s) l ≤ natSum hs (fun h => countWhere (E h) l) := by
  induction hs with
  | nil =>
    have hle : countWhere (fun s => ∃ h ∈ ([] : List H), E h s) l
        ≤ countWhere (fun _ => False) l :=
      countWhere_mono (fun _ hex => by
        obtain ⟨_, hmem, _⟩ := hex
        exact nomatch hmem) l
    have h0 : countWhere (fun _ => False) l = 0 := countWhere_false l
    show countWhere (fun s => ∃ h ∈ ([] : List H), E h s) l ≤ 0
    omega
  | cons h0 hs ih =>
    have hsub : countWhere (fun s => ∃ h ∈ h0 :: hs, E h s) l
        ≤ countWhere (fun s => E h0 s ∨ ∃ h ∈ hs, E h s) l :=
      countWhere_mono (fun s hex => by
        obtain ⟨h, hmem, he⟩ := hex
        rcases List.mem_cons.mp hmem with heq | hm
        · rw [heq] at he
          exact Or.inl he
        · exact Or.inr ⟨h, hm, he⟩) l
    have hor : countWhere (fun s => E h0 s ∨ ∃ h ∈ hs, E h s) l
        ≤ countWhere (E h0) l + countWhere (fun s => ∃ h ∈ hs, E h s) l :=
      countWhere_or_le (E h0) (fun s => ∃ h ∈ hs, E h s) l
    show countWhere (fun s => ∃ h ∈ h0 :: hs, E h s) l
      ≤ countWhere (E h0) l + natSum hs (fun h => countWhere (E h) l)
    omega

/-- A sum of terms bounded by `k` is at most `|l| · k`. -/
theorem natSum_le_length_mul (l : List H) (f : H → Nat) (k : Nat) (hf : ∀ h ∈ l, f h ≤ k) :
    natSum l f ≤ l.length * k := by
  induction l with
  | nil => exact Nat.zero_le _
  | cons h hs ih =>
    have h1 : f h ≤ k := hf h (List.mem_cons.mpr (Or.inl rfl))
    have h2 : natSum hs f ≤ hs.length * k :=
      ih (fun g hg => hf g (List.mem_cons.mpr (Or.inr hg)))
    have e : (hs.length + 1) * k = hs.length * k + 1 * k := Nat.add_mul hs.length 1 k
    have e1 : 1 * k = k := Nat.one_mul k
    show f h + natSum hs f ≤ (hs.length + 1) * k
    omega

/-- Realisable finite-class ERM consistency, counting form: over a finite list of samples, if
every bad hypothesis of `hs` is consistent with at most `k` samples, a learner that always
returns a hypothesis of `hs` consistent with its sample is bad on at most `|hs| · k` samples. -/
theorem erm_counting {Bad : H → Prop} {Consistent : H → α → Prop} (hs : List H)
    (samples : List α) (erm : α → H) (hmem : ∀ s, erm s ∈ hs)
    (hcons : ∀ s, Consistent (erm s) s) (k : Nat)
    (hk : ∀ h ∈ hs, Bad h → countWhere (Consistent h) samples ≤ k) :
    countWhere (fun s => Bad (erm s)) samples ≤ hs.length * k := by
  have h1 : countWhere (fun s => Bad (erm s)) samples
      ≤ countWhere (fun s => ∃ h ∈ hs, Bad h ∧ Consistent h s) samples :=
    countWhere_mono (fun s hb => ⟨erm s, hmem s, hb, hcons s⟩) samples
  have h2 : countWhere (fun s => ∃ h ∈ hs, Bad h ∧ Consistent h s) samples
      ≤ natSum hs (fun h => countWhere (fun s => Bad h ∧ Consistent h s) samples) :=
    countWhere_exists_le (fun h s => Bad h ∧ Consistent h s) hs samples
  have h3 : natSum hs (fun h => countWhere (fun s => Bad h ∧ Consistent h s) samples)
      ≤ hs.length * k := by
    apply natSum_le_length_mul
    intro h hh
    by_cases hb : Bad h
    · have hc : countWhere (fun s => Bad h ∧ Consistent h s) samples
          ≤ countWhere (Consistent h) samples :=
        countWhere_mono (fun _ hw => hw.2) samples
      have hkb : countWhere (Consistent h) samples ≤ k := hk h hh hb
      show countWhere (fun s => Bad h ∧ Consistent h s) samples ≤ k
      omega
    · have hc : countWhere (fun s => Bad h ∧ Consistent h s) samples
          ≤ countWhere (fun _ => False) samples :=
        countWhere_mono (fun _ hw => hb hw.1) samples
      have h0 : countWhere (fun _ => False) samples = 0 := countWhere_false samples
      show countWhere (fun s => Bad h ∧ Consistent h s) samples ≤ k
      omega
  omega

end Counting

end AxiomDL.Generalization
