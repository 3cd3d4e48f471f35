import AxiomDL.Foundations.Scalar

/-!
# Foundations: linear recurrences

A bound for linear recurrence inequalities (a discrete Grönwall-type lemma for the
constant-coefficient case). If a sequence of scalars satisfies `e (t + 1) ≤ ρ e t + c` with
`0 ≤ ρ`, `0 ≤ B` and `c ≤ (1 - ρ) B`, then `e t ≤ ρ^t e 0 + B` for every `t`. With `c = B = 0` this is
the linear-convergence recursion of gradient descent; with `c > 0` it is the noise ball of SGD.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section Recurrence

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Linear recurrence bound (discrete Grönwall-type, constant coefficients):
`e (t+1) ≤ ρ e t + c`, `0 ≤ ρ`, `0 ≤ B` and `c ≤ (1 - ρ) B` give `e t ≤ ρ^t e 0 + B`. -/
theorem le_pow_mul_add_of_step (e : Nat → K) (ρ c B : K) (hρ : 0 ≤ ρ) (hB : 0 ≤ B)
    (hc : c ≤ (1 - ρ) * B) (h : ∀ t : Nat, e (t + 1) ≤ ρ * e t + c) (t : Nat) :
    e t ≤ ρ ^ t * e 0 + B := by
  induction t with
  | zero =>
    have h0 : ρ ^ (0 : Nat) = 1 := pow_zero' ρ
    have h3 : ρ ^ (0 : Nat) * e 0 = e 0 := by
      rw [h0]
      grind
    grind
  | succ k ih =>
    have h1 : e (k + 1) ≤ ρ * e k + c := h k
    have h2 : ρ * e k ≤ ρ * (ρ ^ k * e 0 + B) := mul_le_mul_of_nonneg_left ih hρ
    have hs : ρ ^ (k + 1) = ρ ^ k * ρ := pow_succ' ρ k
    have h3 : ρ ^ (k + 1) * e 0 = ρ * (ρ ^ k * e 0) := by
      rw [hs]
      grind
    grind

/-- Linear convergence of a contracting recursion: `e (t+1) ≤ ρ e t` and `0 ≤ ρ` give
`e t ≤ ρ^t e 0`. -/
theorem le_pow_mul_of_step (e : Nat → K) (ρ : K) (hρ : 0 ≤ ρ)
    (h : ∀ t : Nat, e (t + 1) ≤ ρ * e t) (t : Nat) : e t ≤ ρ ^ t * e 0 := by
  have h' : ∀ s : Nat, e (s + 1) ≤ ρ * e s + 0 := by
    intro s
    have hs : e (s + 1) ≤ ρ * e s := h s
    grind
  have hc : (0 : K) ≤ (1 - ρ) * 0 := by grind
  have hB : (0 : K) ≤ 0 := by grind
  have hmain : e t ≤ ρ ^ t * e 0 + 0 := le_pow_mul_add_of_step e ρ 0 0 hρ hB hc h' t
  grind

end Recurrence

end AxiomDL
