import AxiomDL.Generalization.Probability

/-!
# Generalisation: counting, and the uniform distribution on a finite list

Over a finite list of equally likely samples, everything is a count. `countWhere p l` is the
number of elements of `l` satisfying `p`. The union bound becomes
`#{s | ∃ h ∈ H, E h s} ≤ ∑_{h ∈ H} #{s | E h s}` (`countWhere_exists_le`), and realisable ERM
consistency becomes: if every bad hypothesis is consistent with at most `k` of the samples,
then any consistent learner is bad on at most `|H| · k` of them (`erm_counting`).

Dividing counts by the length of the list gives the uniform distribution `uniformOn l` on a
nonempty list, a finitely additive probability (and, unlike `dirac`, not a point mass when `l`
has two distinct elements). The bridge from counts to probabilities with `δ = k / #samples` is
the discharge `AxiomDL.Generalization.badRarelyConsistent_of_count` in
`Generalization/FiniteClass.lean`, which turns a counting bound into the assumption
`BadRarelyConsistent` for `uniformOn samples`.
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

/-- Counting over a cons splits off the head. -/
theorem countWhere_cons (p : α → Prop) (a : α) (as : List α) :
    countWhere p (a :: as) = natInd (p a) + countWhere p as :=
  rfl

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

/-- Counting respects equivalence of predicates. -/
theorem countWhere_congr {p q : α → Prop} (hpq : ∀ a, p a ↔ q a) (l : List α) :
    countWhere p l = countWhere q l := by
  have hpq' : ∀ a, p a → q a := fun a ha => (hpq a).mp ha
  have hqp' : ∀ a, q a → p a := fun a ha => (hpq a).mpr ha
  have h1 : countWhere p l ≤ countWhere q l := countWhere_mono hpq' l
  have h2 : countWhere q l ≤ countWhere p l := countWhere_mono hqp' l
  omega

/-- Nothing satisfies `False`. -/
theorem countWhere_false (l : List α) : countWhere (fun _ => False) l = 0 := by
  induction l with
  | nil => rfl
  | cons a as ih =>
    show natInd False + countWhere (fun _ => False) as = 0
    have e : natInd False = 0 := natInd_of_neg (fun h => h)
    omega

/-- Everything satisfies `True`: the count is the length. -/
theorem countWhere_true (l : List α) : countWhere (fun _ => True) l = l.length := by
  induction l with
  | nil => rfl
  | cons a as ih =>
    show natInd True + countWhere (fun _ => True) as = as.length + 1
    have e : natInd True = 1 := natInd_of_pos True.intro
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

/-- Counting a disjunction of disjoint predicates: `#(p ∨ q) = #p + #q`. -/
theorem countWhere_or_of_disjoint (p q : α → Prop) (hdis : ∀ a, p a → q a → False)
    (l : List α) : countWhere (fun a => p a ∨ q a) l = countWhere p l + countWhere q l := by
  induction l with
  | nil => rfl
  | cons a as ih =>
    show natInd (p a ∨ q a) + countWhere (fun a => p a ∨ q a) as
      = (natInd (p a) + countWhere p as) + (natInd (q a) + countWhere q as)
    by_cases hp : p a
    · have hq : ¬ q a := fun hq => hdis a hp hq
      have e0 : natInd (p a ∨ q a) = 1 := natInd_of_pos (Or.inl hp)
      have e1 : natInd (p a) = 1 := natInd_of_pos hp
      have e2 : natInd (q a) = 0 := natInd_of_neg hq
      omega
    · have e1 : natInd (p a) = 0 := natInd_of_neg hp
      by_cases hq : q a
      · have e0 : natInd (p a ∨ q a) = 1 := natInd_of_pos (Or.inr hq)
        have e2 : natInd (q a) = 1 := natInd_of_pos hq
        omega
      · have e0 : natInd (p a ∨ q a) = 0 := natInd_of_neg (fun h => h.elim hp hq)
        have e2 : natInd (q a) = 0 := natInd_of_neg hq
        omega

/-- The counting union bound: `#{s | ∃ h ∈ hs, E h s} ≤ ∑_{h ∈ hs} #{s | E h s}`. Every
`countWhere_mono` below gets its implication as a `have` with a stated type, so no argument
is elaborated against a not-yet-known predicate. -/
theorem countWhere_exists_le (E : H → α → Prop) (hs : List H) (l : List α) :
    countWhere (fun s => ∃ h ∈ hs, E h s) l ≤ natSum hs (fun h => countWhere (E h) l) := by
  induction hs with
  | nil =>
    have himp : ∀ s, (∃ h ∈ ([] : List H), E h s) → False := by
      intro s hex
      obtain ⟨_, hmem, _⟩ := hex
      exact nomatch hmem
    have hle : countWhere (fun s => ∃ h ∈ ([] : List H), E h s) l
        ≤ countWhere (fun _ => False) l :=
      countWhere_mono (p := fun s => ∃ h ∈ ([] : List H), E h s) (q := fun _ => False) himp l
    have h0 : countWhere (fun _ => False) l = 0 := countWhere_false l
    show countWhere (fun s => ∃ h ∈ ([] : List H), E h s) l ≤ 0
    omega
  | cons h0 hs ih =>
    have himp : ∀ s, (∃ h ∈ h0 :: hs, E h s) → (E h0 s ∨ ∃ h ∈ hs, E h s) := by
      intro s hex
      obtain ⟨h, hmem, he⟩ := hex
      rcases List.mem_cons.mp hmem with heq | hm
      · rw [heq] at he
        exact Or.inl he
      · exact Or.inr ⟨h, hm, he⟩
    have hsub : countWhere (fun s => ∃ h ∈ h0 :: hs, E h s) l
        ≤ countWhere (fun s => E h0 s ∨ ∃ h ∈ hs, E h s) l :=
      countWhere_mono (p := fun s => ∃ h ∈ h0 :: hs, E h s)
        (q := fun s => E h0 s ∨ ∃ h ∈ hs, E h s) himp l
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
  have himp : ∀ s, Bad (erm s) → ∃ h ∈ hs, Bad h ∧ Consistent h s :=
    fun s hb => ⟨erm s, hmem s, hb, hcons s⟩
  have h1 : countWhere (fun s => Bad (erm s)) samples
      ≤ countWhere (fun s => ∃ h ∈ hs, Bad h ∧ Consistent h s) samples :=
    countWhere_mono (p := fun s => Bad (erm s))
      (q := fun s => ∃ h ∈ hs, Bad h ∧ Consistent h s) himp samples
  have h2 : countWhere (fun s => ∃ h ∈ hs, Bad h ∧ Consistent h s) samples
      ≤ natSum hs (fun h => countWhere (fun s => Bad h ∧ Consistent h s) samples) :=
    countWhere_exists_le (fun h s => Bad h ∧ Consistent h s) hs samples
  have hterm : ∀ h ∈ hs, countWhere (fun s => Bad h ∧ Consistent h s) samples ≤ k := by
    intro h hh
    by_cases hb : Bad h
    · have himp' : ∀ s, Bad h ∧ Consistent h s → Consistent h s := fun _ hw => hw.2
      have hc : countWhere (fun s => Bad h ∧ Consistent h s) samples
          ≤ countWhere (Consistent h) samples :=
        countWhere_mono (p := fun s => Bad h ∧ Consistent h s) (q := Consistent h) himp' samples
      have hkb : countWhere (Consistent h) samples ≤ k := hk h hh hb
      omega
    · have himp' : ∀ s, Bad h ∧ Consistent h s → False := fun _ hw => hb hw.1
      have hc : countWhere (fun s => Bad h ∧ Consistent h s) samples
          ≤ countWhere (fun _ => False) samples :=
        countWhere_mono (p := fun s => Bad h ∧ Consistent h s) (q := fun _ => False) himp'
          samples
      have h0 : countWhere (fun _ => False) samples = 0 := countWhere_false samples
      omega
  have h3 : natSum hs (fun h => countWhere (fun s => Bad h ∧ Consistent h s) samples)
      ≤ hs.length * k :=
    natSum_le_length_mul hs (fun h => countWhere (fun s => Bad h ∧ Consistent h s) samples) k
      hterm
  omega

end Counting

section Uniform

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {α : Type v}

/-- `natToScalar` turns sums of naturals into sums of scalars. -/
theorem natToScalar_add_nat (a b : Nat) :
    (natToScalar (a + b) : K) = natToScalar a + natToScalar b := by
  induction b with
  | zero =>
    have hk : a + 0 = a := by omega
    have h0 : (natToScalar 0 : K) = 0 := natToScalar_zero
    rw [hk]
    grind
  | succ k ih =>
    have hk : a + (k + 1) = (a + k) + 1 := by omega
    have e1 : (natToScalar (a + k + 1) : K) = natToScalar (a + k) + 1 := natToScalar_succ (a + k)
    have e2 : (natToScalar (k + 1) : K) = natToScalar k + 1 := natToScalar_succ k
    rw [hk]
    grind

/-- `natToScalar` is monotone. -/
theorem natToScalar_mono_le {a b : Nat} (h : a ≤ b) : (natToScalar a : K) ≤ natToScalar b := by
  obtain ⟨d, hd⟩ : ∃ d, b = a + d := ⟨b - a, by omega⟩
  have e : (natToScalar (a + d) : K) = natToScalar a + natToScalar d := natToScalar_add_nat a d
  have hd0 : (0 : K) ≤ natToScalar d := natToScalar_nonneg d
  rw [hd]
  grind

/-- `natToScalar` is strictly monotone. -/
theorem natToScalar_strictMono_lt {a b : Nat} (h : a < b) :
    (natToScalar a : K) < natToScalar b := by
  obtain ⟨d, hd⟩ : ∃ d, b = a + (d + 1) := ⟨b - a - 1, by omega⟩
  have e : (natToScalar (a + (d + 1)) : K) = natToScalar a + natToScalar (d + 1) :=
    natToScalar_add_nat a (d + 1)
  have hd0 : (0 : K) < natToScalar (d + 1) := natToScalar_pos (Nat.succ_pos d)
  rw [hd]
  grind

/-- A nonempty list has positive length. -/
theorem pos_length_of_ne_nil {l : List α} (hl : l ≠ []) : 0 < l.length := by
  cases l with
  | nil => exact absurd rfl hl
  | cons a as => exact Nat.succ_pos as.length

/-- The uniform distribution on a nonempty list `l`: an event has probability
`#{x ∈ l | A x} / |l|` (elements counted with multiplicity). -/
noncomputable def uniformOn (l : List α) (hl : l ≠ []) : FinAddProb K α where
  P := fun A => natToScalar (countWhere A l) / natToScalar l.length
  nonneg := by
    intro A
    show (0 : K) ≤ natToScalar (countWhere A l) / natToScalar l.length
    exact AxiomDL.div_nonneg (natToScalar_nonneg _) (natToScalar_pos (pos_length_of_ne_nil hl))
  univ := by
    show (natToScalar (countWhere (fun _ => True) l) : K) / natToScalar l.length = 1
    have hpos : (0 : K) < natToScalar l.length := natToScalar_pos (pos_length_of_ne_nil hl)
    have hne : (natToScalar l.length : K) ≠ 0 := by grind
    rw [countWhere_true l]
    exact self_div_self_eq_one hne
  add_disjoint := by
    intro A B hdis
    show (natToScalar (countWhere (fun ω => A ω ∨ B ω) l) : K) / natToScalar l.length
      = natToScalar (countWhere A l) / natToScalar l.length
        + natToScalar (countWhere B l) / natToScalar l.length
    rw [countWhere_or_of_disjoint A B hdis l, natToScalar_add_nat]
    exact add_div_same_denom _ _ _
  congr := by
    intro A B hAB
    show (natToScalar (countWhere A l) : K) / natToScalar l.length
      = natToScalar (countWhere B l) / natToScalar l.length
    rw [countWhere_congr hAB l]

/-- Unfolding the uniform distribution. -/
theorem uniformOn_P (l : List α) (hl : l ≠ []) (A : α → Prop) :
    (uniformOn (K := K) l hl).P A = natToScalar (countWhere A l) / natToScalar l.length :=
  rfl

end Uniform

/-- The two booleans, as a nonempty list. -/
theorem bool_list_ne_nil : [true, false] ≠ ([] : List Bool) := by
  intro h
  cases h

/-- Witness: `FinAddProb` is satisfiable over `Rat` by a distribution that is not a point mass:
the fair coin, uniform on `[true, false]`. -/
noncomputable example : FinAddProb Rat Bool := uniformOn [true, false] bool_list_ne_nil

end AxiomDL.Generalization
