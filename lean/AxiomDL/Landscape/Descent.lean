import AxiomDL.Landscape.Smoothness
import AxiomDL.Landscape.Basic

/-!
# The descent lemma and monotone decrease along gradient descent

For an L-smooth loss, a gradient step with `0 ≤ η` and `L η ≤ 1` decreases the loss by at least
`η/2 ‖g x‖²`; with `η = 1/L` by `‖g x‖² / (2L)`. Consequences: the loss is monotonically
nonincreasing along GD, and the gradient vanishes at global minimisers of a smooth loss.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Descent

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- The descent lemma: for an L-smooth loss and a step size with `0 ≤ η`, `L η ≤ 1`,
`f (x - η g x) ≤ f x - η/2 ‖g x‖²`. -/
theorem descent_lemma (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L η : K}
    (hS : Smooth E f g L) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (x : V) :
    f (gdStep E g η x) ≤ f x - η / 2 * E.normSq (g x) := by
  have h1 : f (gdStep E g η x) ≤ f x + E.inner (g x) (E.sub (gdStep E g η x) x)
      + L / 2 * E.normSq (E.sub (gdStep E g η x) x) :=
    hS.upper x (gdStep E g η x)
  have h2 : E.inner (g x) (E.sub (gdStep E g η x) x) = -(η * E.normSq (g x)) :=
    E.inner_self_step x (g x) η
  have h3 : E.normSq (E.sub (gdStep E g η x) x) = η * η * E.normSq (g x) :=
    E.normSq_step x (g x) η
  rw [h2, h3] at h1
  have hn : 0 ≤ E.normSq (g x) := E.normSq_nonneg (g x)
  have hprod : 0 ≤ (1 - L * η) * (η * E.normSq (g x)) :=
    mul_nonneg (by grind) (mul_nonneg hη hn)
  grind

/-- The descent lemma for the step size `η = 1/L`: `f (x - (1/L) g x) ≤ f x - ‖g x‖² / (2L)`. -/
theorem descent_lemma_inv (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L : K}
    (hS : Smooth E f g L) (hL : 0 < L) (x : V) :
    f (gdStep E g (1 / L) x) ≤ f x - E.normSq (g x) / (2 * L) := by
  have hη : 0 < 1 / L := one_div_pos hL
  have hLη : L * (1 / L) = 1 := mul_one_div_cancel (by grind)
  have h1 : f (gdStep E g (1 / L) x) ≤ f x - 1 / L / 2 * E.normSq (g x) :=
    descent_lemma E f g hS (by grind) (by grind) x
  have hLne : L ≠ 0 := by grind
  have h2 : 1 / L / 2 * E.normSq (g x) = E.normSq (g x) / (2 * L) :=
    one_div_div_two_mul hLne (E.normSq (g x))
  grind

/-- One GD step does not increase an L-smooth loss when `0 ≤ η` and `L η ≤ 1`. -/
theorem gdStep_le (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L η : K}
    (hS : Smooth E f g L) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (x : V) :
    f (gdStep E g η x) ≤ f x := by
  have h1 : f (gdStep E g η x) ≤ f x - η / 2 * E.normSq (g x) := descent_lemma E f g hS hη hLη x
  have h2 : 0 ≤ η * E.normSq (g x) := mul_nonneg hη (E.normSq_nonneg (g x))
  grind

/-- Monotone decrease along GD: `f (x_{t+1}) ≤ f (x_t)`. -/
theorem gdIter_succ_le (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L η : K}
    (hS : Smooth E f g L) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (x0 : V) (t : Nat) :
    f (gdIter E g η x0 (t + 1)) ≤ f (gdIter E g η x0 t) :=
  gdStep_le E f g hS hη hLη (gdIter E g η x0 t)

/-- Monotone decrease along GD over any horizon: `f (x_{t+k}) ≤ f (x_t)`. -/
theorem gdIter_add_le (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L η : K}
    (hS : Smooth E f g L) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (x0 : V) (t k : Nat) :
    f (gdIter E g η x0 (t + k)) ≤ f (gdIter E g η x0 t) := by
  induction k with
  | zero =>
    show f (gdIter E g η x0 t) ≤ f (gdIter E g η x0 t)
    grind
  | succ k ih =>
    have h1 : f (gdIter E g η x0 (t + k + 1)) ≤ f (gdIter E g η x0 (t + k)) :=
      gdIter_succ_le E f g hS hη hLη x0 (t + k)
    show f (gdIter E g η x0 (t + k + 1)) ≤ f (gdIter E g η x0 t)
    grind

/-- Monotone decrease along GD, order form: `t ≤ s → f (x_s) ≤ f (x_t)`. -/
theorem gdIter_antitone (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L η : K}
    (hS : Smooth E f g L) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (x0 : V) {t s : Nat} (hts : t ≤ s) :
    f (gdIter E g η x0 s) ≤ f (gdIter E g η x0 t) := by
  obtain ⟨k, hk⟩ : ∃ k, s = t + k := ⟨s - t, by omega⟩
  subst hk
  exact gdIter_add_le E f g hS hη hLη x0 t k

/-- The gradient of an L-smooth loss vanishes at every global minimiser. -/
theorem isStationary_of_isGlobalMin_of_smooth (E : InnerProductSpace K V) (f : V → K)
    (g : V → V) {L : K} (hS : Smooth E f g L) (hL : 0 < L) {x : V} (hx : IsGlobalMin f x) :
    IsStationary E g x := by
  have hη : 0 < 1 / L := one_div_pos hL
  have hLη : L * (1 / L) = 1 := mul_one_div_cancel (by grind)
  have h1 : f (gdStep E g (1 / L) x) ≤ f x - 1 / L / 2 * E.normSq (g x) :=
    descent_lemma E f g hS (by grind) (by grind) x
  have h2 : f x ≤ f (gdStep E g (1 / L) x) := hx (gdStep E g (1 / L) x)
  have h3 : 1 / L / 2 * E.normSq (g x) ≤ 0 := by grind
  have hc : 0 < 1 / L / 2 := by grind
  have h4 : E.normSq (g x) ≤ 0 := nonpos_of_mul_nonpos_left h3 hc
  have h5 : 0 ≤ E.normSq (g x) := E.normSq_nonneg (g x)
  have h6 : E.normSq (g x) = 0 := by grind
  exact isStationary_of_normSq_eq_zero E g h6

end Descent

end AxiomDL
