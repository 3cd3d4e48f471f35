import AxiomDL.Foundations.ExtraAlgebra
import AxiomDL.Foundations.Models

/-!
# Generalisation: finitely additive probability

Events over a sample space `Ω` are predicates `Ω → Prop`. A finitely additive probability
`FinAddProb K Ω` assigns each event a scalar, is nonnegative, gives the sure event mass `1`,
is additive on disjoint pairs, and respects logical equivalence of events (which saves us from
appealing to function and propositional extensionality).

Derived here: the empty event has mass `0`, monotonicity, `P A ≤ 1`, complements, the
two-event union bound, and the union bound over a finite list of events by induction
(`FinAddProb.prob_exists_le_sumOver`), which with a per-event bound `δ` gives `|H| · δ`, and
its indexed form over the indices `i < m` (`FinAddProb.prob_exists_lt_le`), which bounds the
probability that one of the `m` examples of a sample is misclassified.

The models are finitely additive probabilities defined on *every* predicate: the point mass
`dirac` (here) and the uniform distribution on a finite list (`uniformOn`, in
`Generalization/Counting.lean`). A σ-additive measure is a model only where every set is
measurable (for example a countable `Ω` with all subsets measurable); on a general space it is
one only after extension to all subsets, which exists (by a Hahn–Banach or ultrafilter
argument) but is not canonical.

The file also proves three small facts about quotients (`add_div_same_denom`,
`div_le_div_of_le_of_pos`, `self_div_self_eq_one`) that the uniform distributions and the
two-point expectation of the area use.

`AxiomDL.Foundations.Models` is imported for its `Init.Grind.Ordered.Rat` import: the `Rat`
witnesses of this file and of every file of the area that imports it need core's `grind`
instances for `Rat` (`Std.IsLinearOrder Rat`, `Std.LawfulOrderLT Rat`,
`Lean.Grind.OrderedRing Rat`), which the default `Init` import is not relied on to provide.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization

/-- Assumption: a finitely additive probability on the events (predicates) of `Ω`.
Area: foundations
Status: established
Evidence: The models are the finitely additive probabilities on all predicates of `Ω` (point masses, uniform distributions on finite lists, their mixtures, every measure on a countable `Ω` with all subsets measurable); a σ-additive measure on a σ-algebra is one only after a non-canonical extension to all subsets; finite additivity is all the union-bound arguments of this library use.
Refs: Kolmogorov (1933), "Grundbegriffe der Wahrscheinlichkeitsrechnung"; de Finetti (1974), "Theory of Probability".
-/
structure FinAddProb (K : Type u) [Lean.Grind.Field K] [LE K] (Ω : Type v) where
  /-- The probability of an event. -/
  P : (Ω → Prop) → K
  /-- Probabilities are nonnegative. -/
  nonneg : ∀ A : Ω → Prop, 0 ≤ P A
  /-- The sure event has probability one. -/
  univ : P (fun _ => True) = 1
  /-- Finite additivity on disjoint events. -/
  add_disjoint : ∀ A B : Ω → Prop, (∀ ω, A ω → B ω → False) →
    P (fun ω => A ω ∨ B ω) = P A + P B
  /-- Equivalent events have equal probability. -/
  congr : ∀ A B : Ω → Prop, (∀ ω, A ω ↔ B ω) → P A = P B

section Quotients

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- A sum over a common denominator splits: `(a + b) / n = a / n + b / n`. -/
theorem add_div_same_denom (a b n : K) : (a + b) / n = a / n + b / n := by
  have h1 : (a + b) / n = (a + b) * (1 / n) := AxiomDL.div_eq_mul_one_div (a + b) n
  have h2 : a / n = a * (1 / n) := AxiomDL.div_eq_mul_one_div a n
  have h3 : b / n = b * (1 / n) := AxiomDL.div_eq_mul_one_div b n
  rw [h1, h2, h3]
  grind

/-- Dividing by a positive scalar is monotone: `a ≤ b → a / n ≤ b / n`. -/
theorem div_le_div_of_le_of_pos {a b n : K} (hab : a ≤ b) (hn : 0 < n) : a / n ≤ b / n := by
  have h1 : a / n = a * (1 / n) := AxiomDL.div_eq_mul_one_div a n
  have h2 : b / n = b * (1 / n) := AxiomDL.div_eq_mul_one_div b n
  have hr : 0 < 1 / n := AxiomDL.one_div_pos hn
  have hr0 : 0 ≤ 1 / n := by grind
  have hm : a * (1 / n) ≤ b * (1 / n) := AxiomDL.mul_le_mul_of_nonneg_right hab hr0
  rw [h1, h2]
  exact hm

/-- A nonzero scalar divided by itself is one. -/
theorem self_div_self_eq_one {n : K} (hn : n ≠ 0) : n / n = 1 := by
  have h1 : n / n = n * (1 / n) := AxiomDL.div_eq_mul_one_div n n
  have h2 : n * (1 / n) = 1 := AxiomDL.mul_one_div_cancel hn
  rw [h1]
  exact h2

/-- A quotient of a smaller by a larger positive scalar is below one: `a < b → a / b < 1`. -/
theorem div_lt_one_of_lt_of_pos {a b : K} (hab : a < b) (hb : 0 < b) : a / b < 1 := by
  have hne : b ≠ 0 := by grind
  have h1 : a / b = a * (1 / b) := AxiomDL.div_eq_mul_one_div a b
  have h2 : b * (1 / b) = 1 := AxiomDL.mul_one_div_cancel hne
  have hr : 0 < 1 / b := AxiomDL.one_div_pos hb
  have hm : 1 / b * a < 1 / b * b := AxiomDL.mul_lt_mul_of_pos_left hab hr
  have e1 : 1 / b * a = a * (1 / b) := by grind
  have e2 : 1 / b * b = b * (1 / b) := by grind
  rw [h1]
  rw [e1, e2, h2] at hm
  exact hm

end Quotients

namespace FinAddProb

section Lemmas

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v}

/-- The impossible event has probability zero. -/
theorem prob_false (μ : FinAddProb K Ω) : μ.P (fun _ => False) = 0 := by
  have hadd : μ.P (fun _ => False ∨ False) = μ.P (fun _ => False) + μ.P (fun _ => False) :=
    μ.add_disjoint (fun _ => False) (fun _ => False) (fun _ h _ => h)
  have hcongr : μ.P (fun _ => False ∨ False) = μ.P (fun _ => False) := by
    apply μ.congr
    intro ω
    constructor
    · intro h
      rcases h with h | h
      · exact h
      · exact h
    · intro h
      exact Or.inl h
  grind

/-- Monotonicity: a sub-event has smaller probability. -/
theorem prob_mono (μ : FinAddProb K Ω) {A B : Ω → Prop} (hAB : ∀ ω, A ω → B ω) :
    μ.P A ≤ μ.P B := by
  have hadd : μ.P (fun ω => A ω ∨ (B ω ∧ ¬ A ω)) = μ.P A + μ.P (fun ω => B ω ∧ ¬ A ω) :=
    μ.add_disjoint A (fun ω => B ω ∧ ¬ A ω) (fun _ ha hb => hb.2 ha)
  have hcongr : μ.P (fun ω => A ω ∨ (B ω ∧ ¬ A ω)) = μ.P B := by
    apply μ.congr
    intro ω
    constructor
    · intro h
      rcases h with ha | hb
      · exact hAB ω ha
      · exact hb.1
    · intro hb
      by_cases ha : A ω
      · exact Or.inl ha
      · exact Or.inr ⟨hb, ha⟩
  have hnn : 0 ≤ μ.P (fun ω => B ω ∧ ¬ A ω) := μ.nonneg _
  grind

/-- Every probability is at most one. -/
theorem prob_le_one (μ : FinAddProb K Ω) (A : Ω → Prop) : μ.P A ≤ 1 := by
  have h : μ.P A ≤ μ.P (fun _ => True) := μ.prob_mono (fun _ _ => True.intro)
  have h1 : μ.P (fun _ => True) = 1 := μ.univ
  grind

/-- The complement rule `P (¬A) = 1 - P A`. -/
theorem prob_not (μ : FinAddProb K Ω) (A : Ω → Prop) : μ.P (fun ω => ¬ A ω) = 1 - μ.P A := by
  have hadd : μ.P (fun ω => A ω ∨ ¬ A ω) = μ.P A + μ.P (fun ω => ¬ A ω) :=
    μ.add_disjoint A (fun ω => ¬ A ω) (fun _ ha hna => hna ha)
  have hcongr : μ.P (fun ω => A ω ∨ ¬ A ω) = μ.P (fun _ => True) :=
    μ.congr _ _ (fun ω => ⟨fun _ => True.intro, fun _ => Classical.em (A ω)⟩)
  have h1 : μ.P (fun _ => True) = 1 := μ.univ
  grind

/-- The union bound for two events: `P (A ∨ B) ≤ P A + P B`. -/
theorem prob_or_le (μ : FinAddProb K Ω) (A B : Ω → Prop) :
    μ.P (fun ω => A ω ∨ B ω) ≤ μ.P A + μ.P B := by
  have hadd : μ.P (fun ω => A ω ∨ (B ω ∧ ¬ A ω)) = μ.P A + μ.P (fun ω => B ω ∧ ¬ A ω) :=
    μ.add_disjoint A (fun ω => B ω ∧ ¬ A ω) (fun _ ha hb => hb.2 ha)
  have hcongr : μ.P (fun ω => A ω ∨ (B ω ∧ ¬ A ω)) = μ.P (fun ω => A ω ∨ B ω) := by
    apply μ.congr
    intro ω
    constructor
    · intro h
      rcases h with ha | hb
      · exact Or.inl ha
      · exact Or.inr hb.1
    · intro h
      by_cases ha : A ω
      · exact Or.inl ha
      · rcases h with ha' | hb
        · exact absurd ha' ha
        · exact Or.inr ⟨hb, ha⟩
  have hsub : μ.P (fun ω => B ω ∧ ¬ A ω) ≤ μ.P B := μ.prob_mono (fun _ h => h.1)
  grind

/-- The union bound over a finite list: the probability that some index `h ∈ hs` has its event
`Ev h` occur is at most the sum of the probabilities. -/
theorem prob_exists_le_sumOver {H : Type w} (μ : FinAddProb K Ω) (hs : List H)
    (Ev : H → Ω → Prop) :
    μ.P (fun ω => ∃ h ∈ hs, Ev h ω) ≤ sumOver hs (fun h => μ.P (Ev h)) := by
  induction hs with
  | nil =>
    have hcongr : μ.P (fun ω => ∃ h ∈ ([] : List H), Ev h ω) = μ.P (fun _ => False) := by
      apply μ.congr
      intro ω
      constructor
      · intro h
        obtain ⟨_, hmem, _⟩ := h
        exact nomatch hmem
      · intro h
        exact False.elim h
    have h0 : μ.P (fun _ => False) = 0 := μ.prob_false
    have hs0 : sumOver ([] : List H) (fun h => μ.P (Ev h)) = 0 := sumOver_nil _
    grind
  | cons h0 hs ih =>
    have hcongr : μ.P (fun ω => ∃ h ∈ h0 :: hs, Ev h ω)
        = μ.P (fun ω => Ev h0 ω ∨ ∃ h ∈ hs, Ev h ω) := by
      apply μ.congr
      intro ω
      constructor
      · intro hex
        obtain ⟨h, hmem, he⟩ := hex
        rcases List.mem_cons.mp hmem with heq | hm
        · rw [heq] at he
          exact Or.inl he
        · exact Or.inr ⟨h, hm, he⟩
      · intro hor
        rcases hor with he | hex
        · exact ⟨h0, List.mem_cons.mpr (Or.inl rfl), he⟩
        · obtain ⟨h, hm, he⟩ := hex
          exact ⟨h, List.mem_cons.mpr (Or.inr hm), he⟩
    have hor : μ.P (fun ω => Ev h0 ω ∨ ∃ h ∈ hs, Ev h ω)
        ≤ μ.P (Ev h0) + μ.P (fun ω => ∃ h ∈ hs, Ev h ω) :=
      μ.prob_or_le (Ev h0) (fun ω => ∃ h ∈ hs, Ev h ω)
    have hsum : sumOver (h0 :: hs) (fun h => μ.P (Ev h))
        = μ.P (Ev h0) + sumOver hs (fun h => μ.P (Ev h)) := sumOver_cons _ _ _
    grind

/-- Union bound with a uniform per-event bound: if each of the `|hs|` events has probability at
most `δ`, then some event occurs with probability at most `|hs| · δ`. -/
theorem prob_exists_le_length_mul {H : Type w} (μ : FinAddProb K Ω) (hs : List H)
    (Ev : H → Ω → Prop) {δ : K} (hδ : ∀ h ∈ hs, μ.P (Ev h) ≤ δ) :
    μ.P (fun ω => ∃ h ∈ hs, Ev h ω) ≤ natToScalar hs.length * δ := by
  have h1 : μ.P (fun ω => ∃ h ∈ hs, Ev h ω) ≤ sumOver hs (fun h => μ.P (Ev h)) :=
    μ.prob_exists_le_sumOver hs Ev
  have h2 : sumOver hs (fun h => μ.P (Ev h)) ≤ natToScalar hs.length * δ :=
    sumOver_le_length_mul hs hδ
  grind

/-- The union bound over the indices `i < m`: if each event `Ev i` has probability at most `δ`,
then some `Ev i` with `i < m` occurs with probability at most `m · δ`. -/
theorem prob_exists_lt_le (μ : FinAddProb K Ω) (Ev : Nat → Ω → Prop) {δ : K} (m : Nat)
    (hδ : ∀ i, i < m → μ.P (Ev i) ≤ δ) :
    μ.P (fun ω => ∃ i, i < m ∧ Ev i ω) ≤ natToScalar m * δ := by
  induction m with
  | zero =>
    have hcongr : μ.P (fun ω => ∃ i, i < 0 ∧ Ev i ω) = μ.P (fun _ => False) := by
      apply μ.congr
      intro ω
      constructor
      · intro h
        obtain ⟨i, hi, _⟩ := h
        omega
      · intro h
        exact False.elim h
    have h0 : μ.P (fun _ => False) = 0 := μ.prob_false
    have hn : (natToScalar 0 : K) * δ = 0 := by
      have hz : (natToScalar 0 : K) = 0 := natToScalar_zero
      rw [hz]
      grind
    grind
  | succ k ih =>
    have hk : μ.P (fun ω => ∃ i, i < k ∧ Ev i ω) ≤ natToScalar k * δ :=
      ih (fun i hi => hδ i (by omega))
    have hlast : μ.P (Ev k) ≤ δ := hδ k (by omega)
    have hcongr : μ.P (fun ω => ∃ i, i < k + 1 ∧ Ev i ω)
        = μ.P (fun ω => Ev k ω ∨ ∃ i, i < k ∧ Ev i ω) := by
      apply μ.congr
      intro ω
      constructor
      · intro h
        obtain ⟨i, hi, he⟩ := h
        by_cases hik : i = k
        · rw [hik] at he
          exact Or.inl he
        · have hi' : i < k := by omega
          exact Or.inr ⟨i, hi', he⟩
      · intro h
        rcases h with he | hex
        · have hk' : k < k + 1 := by omega
          exact ⟨k, hk', he⟩
        · obtain ⟨i, hi, he⟩ := hex
          have hi' : i < k + 1 := by omega
          exact ⟨i, hi', he⟩
    have hor : μ.P (fun ω => Ev k ω ∨ ∃ i, i < k ∧ Ev i ω)
        ≤ μ.P (Ev k) + μ.P (fun ω => ∃ i, i < k ∧ Ev i ω) :=
      μ.prob_or_le (Ev k) (fun ω => ∃ i, i < k ∧ Ev i ω)
    have hmul : (natToScalar (k + 1) : K) * δ = natToScalar k * δ + δ := by
      have hs : (natToScalar (k + 1) : K) = natToScalar k + 1 := natToScalar_succ k
      rw [hs]
      grind
    grind

end Lemmas

end FinAddProb

section Dirac

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

open Classical in
/-- The indicator of a proposition: `1` if it holds, `0` otherwise. -/
noncomputable def indicator (p : Prop) : K := if p then 1 else 0

/-- The indicator of a true proposition is one. -/
theorem indicator_of_pos {p : Prop} (h : p) : (indicator p : K) = 1 := by
  unfold indicator
  exact if_pos h

/-- The indicator of a false proposition is zero. -/
theorem indicator_of_neg {p : Prop} (h : ¬ p) : (indicator p : K) = 0 := by
  unfold indicator
  exact if_neg h

/-- The point mass at `ω₀`: an event has probability `1` if it holds at `ω₀`, else `0`. -/
noncomputable def dirac {Ω : Type v} (ω₀ : Ω) : FinAddProb K Ω where
  P := fun A => indicator (A ω₀)
  nonneg := by
    intro A
    show (0 : K) ≤ indicator (A ω₀)
    by_cases h : A ω₀
    · have e : (indicator (A ω₀) : K) = 1 := indicator_of_pos h
      grind
    · have e : (indicator (A ω₀) : K) = 0 := indicator_of_neg h
      grind
  univ := by
    show (indicator True : K) = 1
    exact indicator_of_pos True.intro
  add_disjoint := by
    intro A B hdis
    show (indicator (A ω₀ ∨ B ω₀) : K) = indicator (A ω₀) + indicator (B ω₀)
    by_cases ha : A ω₀
    · have hb : ¬ B ω₀ := fun hb => hdis ω₀ ha hb
      have e1 : (indicator (A ω₀ ∨ B ω₀) : K) = 1 := indicator_of_pos (Or.inl ha)
      have e2 : (indicator (A ω₀) : K) = 1 := indicator_of_pos ha
      have e3 : (indicator (B ω₀) : K) = 0 := indicator_of_neg hb
      grind
    · by_cases hb : B ω₀
      · have e1 : (indicator (A ω₀ ∨ B ω₀) : K) = 1 := indicator_of_pos (Or.inr hb)
        have e2 : (indicator (A ω₀) : K) = 0 := indicator_of_neg ha
        have e3 : (indicator (B ω₀) : K) = 1 := indicator_of_pos hb
        grind
      · have hab : ¬ (A ω₀ ∨ B ω₀) := fun h => h.elim ha hb
        have e1 : (indicator (A ω₀ ∨ B ω₀) : K) = 0 := indicator_of_neg hab
        have e2 : (indicator (A ω₀) : K) = 0 := indicator_of_neg ha
        have e3 : (indicator (B ω₀) : K) = 0 := indicator_of_neg hb
        grind
  congr := by
    intro A B hAB
    show (indicator (A ω₀) : K) = indicator (B ω₀)
    by_cases ha : A ω₀
    · have hb : B ω₀ := (hAB ω₀).mp ha
      have e1 : (indicator (A ω₀) : K) = 1 := indicator_of_pos ha
      have e2 : (indicator (B ω₀) : K) = 1 := indicator_of_pos hb
      grind
    · have hb : ¬ B ω₀ := fun hb => ha ((hAB ω₀).mpr hb)
      have e1 : (indicator (A ω₀) : K) = 0 := indicator_of_neg ha
      have e2 : (indicator (B ω₀) : K) = 0 := indicator_of_neg hb
      grind

end Dirac

/-- Witness: `FinAddProb` is satisfiable over `Rat`: the point mass on `Unit`. -/
noncomputable example : FinAddProb Rat Unit := dirac ()

end AxiomDL.Generalization
