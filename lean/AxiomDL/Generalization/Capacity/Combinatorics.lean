import AxiomDL.Foundations

/-!
# Capacity: finite combinatorics on lists

The counting tools behind the capacity bounds, all on `Nat` and lists, proved with `omega`
and structural induction:

* `filterP p l`, the elements of `l` satisfying a proposition (decided classically), with its
  membership and length lemmas (a partition of `l` into two filters has `|l|` elements);
* `DistinctOn r l`: the keys `r a` of the elements of `l` are pairwise distinct (a
  duplicate-free list of keys, without a decidable equality);
* binomial coefficients `binom n k` by Pascal's rule (core Lean has no `Nat.choose`), and the
  partial row sums `binomSum n k = ∑_{i < k} C(n, i)` with their own Pascal recurrence
  `binomSum (n + 1) (k + 1) = binomSum n (k + 1) + binomSum n k` (`binomSum_succ_succ`), the
  full row `binomSum n (n + 1) = 2 ^ n` and the polynomial bound
  `binomSum n (d + 1) ≤ (n + 1) ^ d` (`binomSum_le_pow`);
* `consAll a L`, which puts `a` in front of every list of `L` (used to enumerate sign vectors
  and index sets).
-/

set_option autoImplicit false

universe v w

namespace AxiomDL.Generalization.Capacity

section Filter

variable {α : Type v} {β : Type w}

open Classical in
/-- The elements of `l` that satisfy the proposition `p`, in order (decided classically). -/
noncomputable def filterP (p : α → Prop) : List α → List α
  | [] => []
  | a :: l => if p a then a :: filterP p l else filterP p l

/-- Filtering the empty list gives the empty list. -/
theorem filterP_nil (p : α → Prop) : filterP p ([] : List α) = [] := rfl

open Classical in
/-- Unfolding `filterP` on a cons. -/
theorem filterP_cons (p : α → Prop) (a : α) (l : List α) :
    filterP p (a :: l) = if p a then a :: filterP p l else filterP p l := rfl

/-- An element satisfying `p` is kept. -/
theorem filterP_cons_pos (p : α → Prop) {a : α} (l : List α) (h : p a) :
    filterP p (a :: l) = a :: filterP p l := by
  rw [filterP_cons]
  exact if_pos h

/-- An element not satisfying `p` is dropped. -/
theorem filterP_cons_neg (p : α → Prop) {a : α} (l : List α) (h : ¬ p a) :
    filterP p (a :: l) = filterP p l := by
  rw [filterP_cons]
  exact if_neg h

/-- Membership in a filter: `a ∈ filterP p l ↔ a ∈ l ∧ p a`. -/
theorem mem_filterP {p : α → Prop} {a : α} {l : List α} : a ∈ filterP p l ↔ a ∈ l ∧ p a := by
  induction l with
  | nil =>
    rw [filterP_nil]
    constructor
    · intro h
      exact nomatch h
    · intro h
      exact nomatch h.1
  | cons b l ih =>
    by_cases hb : p b
    · rw [filterP_cons_pos p l hb]
      constructor
      · intro h
        rcases List.mem_cons.mp h with e | h'
        · rw [e]
          exact ⟨List.mem_cons.mpr (Or.inl rfl), hb⟩
        · have hl : a ∈ l ∧ p a := ih.mp h'
          exact ⟨List.mem_cons.mpr (Or.inr hl.1), hl.2⟩
      · intro h
        rcases List.mem_cons.mp h.1 with e | h'
        · exact List.mem_cons.mpr (Or.inl e)
        · exact List.mem_cons.mpr (Or.inr (ih.mpr ⟨h', h.2⟩))
    · rw [filterP_cons_neg p l hb]
      constructor
      · intro h
        have hl : a ∈ l ∧ p a := ih.mp h
        exact ⟨List.mem_cons.mpr (Or.inr hl.1), hl.2⟩
      · intro h
        rcases List.mem_cons.mp h.1 with e | h'
        · have hpa : p a := h.2
          rw [e] at hpa
          exact absurd hpa hb
        · exact ih.mpr ⟨h', h.2⟩

/-- Two complementary filters split a list: if every element satisfies exactly one of `p` and
`q`, then `|filterP p l| + |filterP q l| = |l|`. -/
theorem length_filterP_add {p q : α → Prop} (hpq : ∀ a, p a ∨ q a)
    (hex : ∀ a, p a → q a → False) (l : List α) :
    (filterP p l).length + (filterP q l).length = l.length := by
  induction l with
  | nil => rfl
  | cons a l ih =>
    have e0 : (a :: l).length = l.length + 1 := rfl
    rcases hpq a with hp | hq
    · have hq : ¬ q a := fun hq => hex a hp hq
      rw [filterP_cons_pos p l hp, filterP_cons_neg q l hq]
      have e1 : (a :: filterP p l).length = (filterP p l).length + 1 := rfl
      omega
    · have hp : ¬ p a := fun hp => hex a hp hq
      rw [filterP_cons_neg p l hp, filterP_cons_pos q l hq]
      have e1 : (a :: filterP q l).length = (filterP q l).length + 1 := rfl
      omega

end Filter

section Bools

/-- A boolean that is not `true` is `false`. -/
theorem eq_false_of_ne_true {b : Bool} (h : ¬ b = true) : b = false := by
  cases b with
  | false => rfl
  | true => exact absurd rfl h

end Bools

section Distinct

variable {α : Type v} {β : Type w}

/-- The keys `r a` of the elements of `l` are pairwise distinct. -/
def DistinctOn (r : α → β) : List α → Prop
  | [] => True
  | a :: l => (∀ b ∈ l, r b ≠ r a) ∧ DistinctOn r l

/-- The empty list has distinct keys. -/
theorem distinctOn_nil (r : α → β) : DistinctOn r ([] : List α) := True.intro

/-- Unfolding `DistinctOn` on a cons. -/
theorem distinctOn_cons {r : α → β} {a : α} {l : List α} :
    DistinctOn r (a :: l) ↔ (∀ b ∈ l, r b ≠ r a) ∧ DistinctOn r l :=
  Iff.rfl

/-- A filter of a list with distinct keys has distinct keys. -/
theorem distinctOn_filterP {r : α → β} (p : α → Prop) {l : List α} (h : DistinctOn r l) :
    DistinctOn r (filterP p l) := by
  induction l with
  | nil =>
    rw [filterP_nil]
    exact distinctOn_nil r
  | cons a l ih =>
    have h1 : ∀ b ∈ l, r b ≠ r a := (distinctOn_cons.mp h).1
    have h2 : DistinctOn r l := (distinctOn_cons.mp h).2
    by_cases hp : p a
    · rw [filterP_cons_pos p l hp]
      exact distinctOn_cons.mpr ⟨fun b hb => h1 b (mem_filterP.mp hb).1, ih h2⟩
    · rw [filterP_cons_neg p l hp]
      exact ih h2

/-- Two lists with distinct keys, no key of the second equal to a key of the first, append
to a list with distinct keys. -/
theorem distinctOn_append {r : α → β} {l₁ l₂ : List α} (h₁ : DistinctOn r l₁)
    (h₂ : DistinctOn r l₂) (hx : ∀ a ∈ l₁, ∀ b ∈ l₂, r b ≠ r a) :
    DistinctOn r (l₁ ++ l₂) := by
  induction l₁ with
  | nil =>
    rw [List.nil_append]
    exact h₂
  | cons a l ih =>
    rw [List.cons_append]
    have hd1 : ∀ b ∈ l, r b ≠ r a := (distinctOn_cons.mp h₁).1
    have hd2 : DistinctOn r l := (distinctOn_cons.mp h₁).2
    have hx' : ∀ c ∈ l, ∀ b ∈ l₂, r b ≠ r c :=
      fun c hc b hb => hx c (List.mem_cons.mpr (Or.inr hc)) b hb
    refine distinctOn_cons.mpr ⟨?_, ih hd2 hx'⟩
    intro b hb
    rcases List.mem_append.mp hb with hb1 | hb2
    · exact hd1 b hb1
    · exact hx a (List.mem_cons.mpr (Or.inl rfl)) b hb2

end Distinct

section Binomial

/-- Binomial coefficients by Pascal's rule: `binom n k` is the number of `k`-element subsets of
an `n`-element set (`C(n, 0) = 1`, `C(0, k + 1) = 0`, `C(n + 1, k + 1) = C(n, k) + C(n, k + 1)`). -/
def binom : Nat → Nat → Nat
  | _, 0 => 1
  | 0, _ + 1 => 0
  | n + 1, k + 1 => binom n k + binom n (k + 1)

/-- `C(n, 0) = 1`. -/
theorem binom_zero_right (n : Nat) : binom n 0 = 1 := by
  cases n with
  | zero => rfl
  | succ n => rfl

/-- `C(0, k + 1) = 0`. -/
theorem binom_zero_succ (k : Nat) : binom 0 (k + 1) = 0 := rfl

/-- Pascal's rule `C(n + 1, k + 1) = C(n, k) + C(n, k + 1)`. -/
theorem binom_succ_succ (n k : Nat) : binom (n + 1) (k + 1) = binom n k + binom n (k + 1) :=
  rfl

/-- `C(n, k) = 0` for `k > n`. -/
theorem binom_eq_zero_of_lt : ∀ (n k : Nat), n < k → binom n k = 0 := by
  intro n
  induction n with
  | zero =>
    intro k hk
    cases k with
    | zero => omega
    | succ k => rfl
  | succ n ih =>
    intro k hk
    cases k with
    | zero => omega
    | succ k =>
      have e : binom (n + 1) (k + 1) = binom n k + binom n (k + 1) := rfl
      have h1 : binom n k = 0 := ih k (by omega)
      have h2 : binom n (k + 1) = 0 := ih (k + 1) (by omega)
      omega

/-- The partial row sum `binomSum n k = ∑_{i < k} C(n, i)`: the number of subsets of an
`n`-element set with fewer than `k` elements. -/
def binomSum (n : Nat) : Nat → Nat
  | 0 => 0
  | k + 1 => binomSum n k + binom n k

/-- The empty partial sum is zero. -/
theorem binomSum_zero (n : Nat) : binomSum n 0 = 0 := rfl

/-- Adding one more term to the partial sum. -/
theorem binomSum_succ (n k : Nat) : binomSum n (k + 1) = binomSum n k + binom n k := rfl

/-- The only subset of the empty set is empty: `binomSum 0 (k + 1) = 1`. -/
theorem binomSum_zero_succ (k : Nat) : binomSum 0 (k + 1) = 1 := by
  induction k with
  | zero => rfl
  | succ k ih =>
    have e : binomSum 0 (k + 1 + 1) = binomSum 0 (k + 1) + binom 0 (k + 1) := rfl
    have e0 : binom 0 (k + 1) = 0 := rfl
    omega

/-- `binomSum n 1 = C(n, 0) = 1`. -/
theorem binomSum_one (n : Nat) : binomSum n 1 = 1 := by
  have e : binomSum n (0 + 1) = binomSum n 0 + binom n 0 := rfl
  have e0 : binomSum n 0 = 0 := rfl
  have e1 : binom n 0 = 1 := binom_zero_right n
  show binomSum n (0 + 1) = 1
  omega

/-- Pascal's recurrence for the partial row sums:
`binomSum (n + 1) (k + 1) = binomSum n (k + 1) + binomSum n k`. -/
theorem binomSum_succ_succ (n k : Nat) :
    binomSum (n + 1) (k + 1) = binomSum n (k + 1) + binomSum n k := by
  induction k with
  | zero =>
    have a1 : binomSum (n + 1) (0 + 1) = 1 := binomSum_one (n + 1)
    have a2 : binomSum n (0 + 1) = 1 := binomSum_one n
    have a3 : binomSum n 0 = 0 := rfl
    omega
  | succ k ih =>
    have e1 : binomSum (n + 1) (k + 1 + 1) = binomSum (n + 1) (k + 1) + binom (n + 1) (k + 1) :=
      rfl
    have e2 : binom (n + 1) (k + 1) = binom n k + binom n (k + 1) := rfl
    have e3 : binomSum n (k + 1 + 1) = binomSum n (k + 1) + binom n (k + 1) := rfl
    have e4 : binomSum n (k + 1) = binomSum n k + binom n k := rfl
    omega

/-- The partial row sums grow with the row: `binomSum n k ≤ binomSum (n + 1) k`. -/
theorem binomSum_le_succ (n k : Nat) : binomSum n k ≤ binomSum (n + 1) k := by
  cases k with
  | zero => exact Nat.le_refl 0
  | succ k =>
    have e : binomSum (n + 1) (k + 1) = binomSum n (k + 1) + binomSum n k :=
      binomSum_succ_succ n k
    omega

/-- The partial row sums are monotone in the row: `n ≤ m → binomSum n k ≤ binomSum m k`. -/
theorem binomSum_mono {n m : Nat} (h : n ≤ m) (k : Nat) : binomSum n k ≤ binomSum m k := by
  have hall : ∀ d : Nat, binomSum n k ≤ binomSum (n + d) k := by
    intro d
    induction d with
    | zero => exact Nat.le_refl _
    | succ d ih =>
      have h1 : binomSum (n + d) k ≤ binomSum (n + d + 1) k := binomSum_le_succ (n + d) k
      have e : n + (d + 1) = n + d + 1 := by omega
      rw [e]
      omega
  have e : m = n + (m - n) := by omega
  rw [e]
  exact hall (m - n)

/-- The whole row: `binomSum n k = 2 ^ n` once `k > n` (every subset has fewer than `k`
elements). -/
theorem binomSum_eq_two_pow : ∀ (n k : Nat), n < k → binomSum n k = 2 ^ n := by
  intro n
  induction n with
  | zero =>
    intro k hk
    cases k with
    | zero => omega
    | succ k =>
      have e : binomSum 0 (k + 1) = 1 := binomSum_zero_succ k
      have e2 : 2 ^ 0 = 1 := rfl
      omega
  | succ n ih =>
    intro k hk
    cases k with
    | zero => omega
    | succ k =>
      have e : binomSum (n + 1) (k + 1) = binomSum n (k + 1) + binomSum n k :=
        binomSum_succ_succ n k
      have h1 : binomSum n (k + 1) = 2 ^ n := ih (k + 1) (by omega)
      have h2 : binomSum n k = 2 ^ n := ih k (by omega)
      have e2 : 2 ^ (n + 1) = 2 ^ n * 2 := rfl
      omega

/-- Powers are monotone in the base: `a ≤ b → a ^ j ≤ b ^ j`. -/
theorem pow_le_pow_of_le {a b : Nat} (h : a ≤ b) : ∀ j : Nat, a ^ j ≤ b ^ j := by
  intro j
  induction j with
  | zero => exact Nat.le_refl 1
  | succ j ih =>
    have e1 : a ^ (j + 1) = a ^ j * a := rfl
    have e2 : b ^ (j + 1) = b ^ j * b := rfl
    rw [e1, e2]
    exact Nat.mul_le_mul ih h

/-- `1 ^ j = 1`. -/
theorem one_pow' (j : Nat) : 1 ^ j = 1 := by
  induction j with
  | zero => rfl
  | succ j ih =>
    have e : 1 ^ (j + 1) = 1 ^ j * 1 := rfl
    omega

/-- The polynomial form of the Sauer–Shelah bound: `∑_{i ≤ d} C(n, i) ≤ (n + 1) ^ d`. -/
theorem binomSum_le_pow : ∀ (n d : Nat), binomSum n (d + 1) ≤ (n + 1) ^ d := by
  intro n
  induction n with
  | zero =>
    intro d
    have e : binomSum 0 (d + 1) = 1 := binomSum_zero_succ d
    have e1 : (0 + 1) ^ d = 1 := one_pow' d
    omega
  | succ n ih =>
    intro d
    cases d with
    | zero =>
      have e : binomSum (n + 1) (0 + 1) = 1 := binomSum_one (n + 1)
      have e1 : (n + 1 + 1) ^ 0 = 1 := rfl
      omega
    | succ j =>
      have e : binomSum (n + 1) (j + 1 + 1) = binomSum n (j + 1 + 1) + binomSum n (j + 1) :=
        binomSum_succ_succ n (j + 1)
      have h1 : binomSum n (j + 1 + 1) ≤ (n + 1) ^ (j + 1) := ih (j + 1)
      have h2 : binomSum n (j + 1) ≤ (n + 1) ^ j := ih j
      have e1 : (n + 1) ^ (j + 1) = (n + 1) ^ j * (n + 1) := rfl
      have e2 : (n + 1) ^ j * (n + 1 + 1) = (n + 1) ^ j * (n + 1) + (n + 1) ^ j := rfl
      have h3 : (n + 1) ^ j ≤ (n + 1 + 1) ^ j := pow_le_pow_of_le (by omega) j
      have h4 : (n + 1) ^ j * (n + 1 + 1) ≤ (n + 1 + 1) ^ j * (n + 1 + 1) :=
        Nat.mul_le_mul h3 (Nat.le_refl (n + 1 + 1))
      have e3 : (n + 1 + 1) ^ (j + 1) = (n + 1 + 1) ^ j * (n + 1 + 1) := rfl
      omega

end Binomial

section ConsAll

variable {α : Type v}

/-- Put `a` in front of every list of `L`. -/
def consAll (a : α) : List (List α) → List (List α)
  | [] => []
  | l :: L => (a :: l) :: consAll a L

/-- `consAll` keeps the number of lists. -/
theorem length_consAll (a : α) (L : List (List α)) : (consAll a L).length = L.length := by
  induction L with
  | nil => rfl
  | cons l L ih =>
    have e1 : (consAll a (l :: L)).length = (consAll a L).length + 1 := rfl
    have e2 : (l :: L).length = L.length + 1 := rfl
    omega

/-- Every list of `consAll a L` is `a :: l` for some `l ∈ L`. -/
theorem mem_consAll {a : α} {L : List (List α)} {m : List α} (h : m ∈ consAll a L) :
    ∃ l ∈ L, m = a :: l := by
  induction L with
  | nil =>
    have h' : m ∈ ([] : List (List α)) := h
    exact nomatch h'
  | cons l L ih =>
    have h' : m ∈ (a :: l) :: consAll a L := h
    rcases List.mem_cons.mp h' with e | hm
    · exact ⟨l, List.mem_cons.mpr (Or.inl rfl), e⟩
    · obtain ⟨l', hl', e'⟩ := ih hm
      exact ⟨l', List.mem_cons.mpr (Or.inr hl'), e'⟩

end ConsAll

end AxiomDL.Generalization.Capacity
