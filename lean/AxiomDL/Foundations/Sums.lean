import AxiomDL.Foundations.Scalar

/-!
# Foundations: finite sums and natural-number scalars

Core has no big-operator notation, so finite sums `∑_{t < T} a t` are our own
`sumRange a T`, defined by structural recursion on `T`. Natural numbers are mapped into the
scalars by our own `natToScalar`, also by structural recursion, so that no lemma about core's
`NatCast` is needed. The lemmas here are what the telescoping and best-iterate arguments use.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section Sums

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The finite sum `a 0 + a 1 + ⋯ + a (T - 1)`. -/
def sumRange (a : Nat → K) : Nat → K
  | 0 => 0
  | n + 1 => sumRange a n + a n

/-- The natural number `n` as a scalar: `1 + 1 + ⋯ + 1`. -/
def natToScalar : Nat → K
  | 0 => 0
  | n + 1 => natToScalar n + 1

/-- The empty sum is zero. -/
theorem sumRange_zero (a : Nat → K) : sumRange a 0 = 0 :=
  rfl

/-- Peeling off the last term of a finite sum. -/
theorem sumRange_succ (a : Nat → K) (n : Nat) : sumRange a (n + 1) = sumRange a n + a n :=
  rfl

/-- `natToScalar 0 = 0`. -/
theorem natToScalar_zero : (natToScalar 0 : K) = 0 :=
  rfl

/-- `natToScalar (n + 1) = natToScalar n + 1`. -/
theorem natToScalar_succ (n : Nat) : (natToScalar (n + 1) : K) = natToScalar n + 1 :=
  rfl

/-- Natural numbers are nonnegative scalars. -/
theorem natToScalar_nonneg (n : Nat) : (0 : K) ≤ natToScalar n := by
  induction n with
  | zero =>
    have h0 : (natToScalar 0 : K) = 0 := natToScalar_zero
    grind
  | succ k ih =>
    have hs : (natToScalar (k + 1) : K) = natToScalar k + 1 := natToScalar_succ k
    grind

/-- Positive natural numbers are positive scalars. -/
theorem natToScalar_pos {n : Nat} (hn : 0 < n) : (0 : K) < natToScalar n := by
  cases n with
  | zero =>
    exfalso
    omega
  | succ k =>
    have hk : (0 : K) ≤ natToScalar k := natToScalar_nonneg k
    have hs : (natToScalar (k + 1) : K) = natToScalar k + 1 := natToScalar_succ k
    grind

/-- Termwise comparison of finite sums. -/
theorem sumRange_le_sumRange (a b : Nat → K) (T : Nat) :
    (∀ t, t < T → a t ≤ b t) → sumRange a T ≤ sumRange b T := by
  induction T with
  | zero =>
    intro _
    have ha : sumRange a 0 = 0 := sumRange_zero a
    have hb : sumRange b 0 = 0 := sumRange_zero b
    grind
  | succ k ih =>
    intro h
    have h1 : sumRange a k ≤ sumRange b k := ih (fun t ht => h t (by omega))
    have h2 : a k ≤ b k := h k (by omega)
    have ha : sumRange a (k + 1) = sumRange a k + a k := sumRange_succ a k
    have hb : sumRange b (k + 1) = sumRange b k + b k := sumRange_succ b k
    grind

/-- Strict termwise comparison of nonempty finite sums. -/
theorem sumRange_lt_sumRange (a b : Nat → K) (T : Nat) (hT : 0 < T)
    (h : ∀ t, t < T → a t < b t) : sumRange a T < sumRange b T := by
  cases T with
  | zero =>
    exfalso
    omega
  | succ k =>
    have h1 : sumRange a k ≤ sumRange b k :=
      sumRange_le_sumRange a b k (fun t ht => by
        have hlt : a t < b t := h t (by omega)
        grind)
    have h2 : a k < b k := h k (by omega)
    have ha : sumRange a (k + 1) = sumRange a k + a k := sumRange_succ a k
    have hb : sumRange b (k + 1) = sumRange b k + b k := sumRange_succ b k
    grind

/-- A constant sum: `∑_{t < T} c = T · c`. -/
theorem sumRange_const (c : K) (T : Nat) : sumRange (fun _ => c) T = natToScalar T * c := by
  induction T with
  | zero =>
    have h1 : sumRange (fun _ => c) 0 = 0 := sumRange_zero (fun _ => c)
    have h2 : (natToScalar 0 : K) = 0 := natToScalar_zero
    grind
  | succ k ih =>
    have h1 : sumRange (fun _ => c) (k + 1) = sumRange (fun _ => c) k + c :=
      sumRange_succ (fun _ => c) k
    have h2 : (natToScalar (k + 1) : K) = natToScalar k + 1 := natToScalar_succ k
    grind

/-- Pulling a constant factor out of a finite sum. -/
theorem sumRange_mul_left (c : K) (a : Nat → K) (T : Nat) :
    sumRange (fun t => c * a t) T = c * sumRange a T := by
  induction T with
  | zero =>
    have h1 : sumRange (fun t => c * a t) 0 = 0 := sumRange_zero (fun t => c * a t)
    have h2 : sumRange a 0 = 0 := sumRange_zero a
    grind
  | succ k ih =>
    have h1 : sumRange (fun t => c * a t) (k + 1) = sumRange (fun t => c * a t) k + c * a k :=
      sumRange_succ (fun t => c * a t) k
    have h2 : sumRange a (k + 1) = sumRange a k + a k := sumRange_succ a k
    grind

/-- Telescoping: `∑_{t < T} (e t - e (t + 1)) = e 0 - e T`. -/
theorem sumRange_telescope (e : Nat → K) (T : Nat) :
    sumRange (fun t => e t - e (t + 1)) T = e 0 - e T := by
  induction T with
  | zero =>
    have h1 : sumRange (fun t => e t - e (t + 1)) 0 = 0 := sumRange_zero (fun t => e t - e (t + 1))
    grind
  | succ k ih =>
    have h1 : sumRange (fun t => e t - e (t + 1)) (k + 1)
        = sumRange (fun t => e t - e (t + 1)) k + (e k - e (k + 1)) :=
      sumRange_succ (fun t => e t - e (t + 1)) k
    grind

/-- A sum of nonnegative terms is nonnegative. -/
theorem sumRange_nonneg (a : Nat → K) (T : Nat) (h : ∀ t, t < T → 0 ≤ a t) :
    0 ≤ sumRange a T := by
  have h1 : sumRange (fun _ => (0 : K)) T ≤ sumRange a T :=
    sumRange_le_sumRange (fun _ => (0 : K)) a T h
  have h2 : sumRange (fun _ => (0 : K)) T = natToScalar T * 0 := sumRange_const 0 T
  grind

/-- The minimum is at most the average: for `T > 0` some `t < T` has
`T · a t ≤ ∑_{s < T} a s`. -/
theorem exists_mul_le_sumRange (a : Nat → K) (T : Nat) (hT : 0 < T) :
    ∃ t, t < T ∧ natToScalar T * a t ≤ sumRange a T := by
  by_cases hex : ∃ t, t < T ∧ natToScalar T * a t ≤ sumRange a T
  · exact hex
  · have hall : ∀ t, t < T → sumRange a T < natToScalar T * a t := by
      intro t ht
      by_cases hle : natToScalar T * a t ≤ sumRange a T
      · exfalso
        exact hex ⟨t, ht, hle⟩
      · grind
    have hlt : sumRange (fun _ => sumRange a T) T < sumRange (fun t => natToScalar T * a t) T :=
      sumRange_lt_sumRange (fun _ => sumRange a T) (fun t => natToScalar T * a t) T hT hall
    have h1 : sumRange (fun _ => sumRange a T) T = natToScalar T * sumRange a T :=
      sumRange_const (sumRange a T) T
    have h2 : sumRange (fun t => natToScalar T * a t) T = natToScalar T * sumRange a T :=
      sumRange_mul_left (natToScalar T) a T
    exfalso
    grind

end Sums

end AxiomDL
