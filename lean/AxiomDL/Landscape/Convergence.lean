import AxiomDL.Landscape.Descent
import AxiomDL.Landscape.PL

/-!
# Linear convergence of gradient descent under smoothness and PL

The contraction `f(x⁺) - f* ≤ (1 - μη)(f(x) - f*)` for one GD step, and by induction (the
discrete Grönwall lemma of `Foundations.Recurrence`) the linear rate
`f(x_t) - f* ≤ (1 - μη)^t (f(x_0) - f*)`, in particular `(1 - μ/L)^t` for `η = 1/L`.
Under interpolation (`f* = 0`) the loss itself decreases geometrically, and the PL* version
needs PL* only along the trajectory.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Convergence

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- One GD step contracts the suboptimality at a point where the PL inequality holds:
`f(x⁺) - f* ≤ (1 - μη)(f(x) - f*)`. -/
theorem gdStep_sub_le_of_pl_at (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L η μ fstar : K} (hS : Smooth E f g L) (hη : 0 ≤ η) (hLη : L * η ≤ 1) {x : V}
    (hpl : μ * (f x - fstar) ≤ E.normSq (g x) / 2) :
    f (gdStep E g η x) - fstar ≤ (1 - μ * η) * (f x - fstar) := by
  have h1 : f (gdStep E g η x) ≤ f x - η / 2 * E.normSq (g x) := descent_lemma E f g hS hη hLη x
  have h2 : η * (μ * (f x - fstar)) ≤ η * (E.normSq (g x) / 2) :=
    mul_le_mul_of_nonneg_left hpl hη
  grind

/-- One GD step contracts the suboptimality under smoothness and μ-PL (`μ > 0`). -/
theorem gdStep_sub_le (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L η μ fstar : K}
    (hS : Smooth E f g L) (hPL : PolyakLojasiewicz E f g μ fstar) (hμ : 0 < μ) (hη : 0 ≤ η)
    (hLη : L * η ≤ 1) (x : V) : f (gdStep E g η x) - fstar ≤ (1 - μ * η) * (f x - fstar) :=
  gdStep_sub_le_of_pl_at E f g hS hη hLη (hPL.pl x)

/-- Linear convergence of GD under L-smoothness and μ-PL (`μ > 0`), for a step size with
`0 ≤ η`, `L η ≤ 1` and `μ η ≤ 1`: `f(x_t) - f* ≤ (1 - μη)^t (f(x_0) - f*)`. -/
theorem gd_linear_convergence (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L η μ fstar : K} (hS : Smooth E f g L) (hPL : PolyakLojasiewicz E f g μ fstar)
    (hμ : 0 < μ) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (hμη : μ * η ≤ 1) (x0 : V) (t : Nat) :
    f (gdIter E g η x0 t) - fstar ≤ (1 - μ * η) ^ t * (f x0 - fstar) := by
  have hρ : 0 ≤ 1 - μ * η := by grind
  have hstep : ∀ s : Nat, f (gdIter E g η x0 (s + 1)) - fstar
      ≤ (1 - μ * η) * (f (gdIter E g η x0 s) - fstar) :=
    fun s => gdStep_sub_le E f g hS hPL hμ hη hLη (gdIter E g η x0 s)
  have hmain : f (gdIter E g η x0 t) - fstar
      ≤ (1 - μ * η) ^ t * (f (gdIter E g η x0 0) - fstar) :=
    le_pow_mul_of_step (fun s => f (gdIter E g η x0 s) - fstar) (1 - μ * η) hρ hstep t
  exact hmain

/-- Linear convergence of GD with step size `1/L` under L-smoothness and μ-PL, `0 < μ ≤ L`:
`f(x_t) - f* ≤ (1 - μ/L)^t (f(x_0) - f*)`. -/
theorem gd_linear_convergence_inv (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L μ fstar : K} (hS : Smooth E f g L) (hPL : PolyakLojasiewicz E f g μ fstar) (hL : 0 < L)
    (hμ : 0 < μ) (hμL : μ ≤ L) (x0 : V) (t : Nat) :
    f (gdIter E g (1 / L) x0 t) - fstar ≤ (1 - μ / L) ^ t * (f x0 - fstar) := by
  have hη : 0 < 1 / L := one_div_pos hL
  have hLη : L * (1 / L) = 1 := mul_one_div_cancel (by grind)
  have hm : μ * (1 / L) ≤ L * (1 / L) := mul_le_mul_of_nonneg_right hμL (by grind)
  have hdiv : μ / L = μ * (1 / L) := div_eq_mul_one_div μ L
  rw [hdiv]
  exact gd_linear_convergence E f g hS hPL hμ (by grind) (by grind) (by grind) x0 t

/-- Interpolation + μ-PL (`μ > 0`) ⇒ geometric decrease of the loss itself: with `f* = 0`
attained and step size `1/L`, `0 ≤ f(x_t) ≤ (1 - μ/L)^t f(x_0)`. -/
theorem gd_interpolation_geometric (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L μ : K} (hI : Interpolation f) (hS : Smooth E f g L) (hPL : PolyakLojasiewicz E f g μ 0)
    (hL : 0 < L) (hμ : 0 < μ) (hμL : μ ≤ L) (x0 : V) (t : Nat) :
    0 ≤ f (gdIter E g (1 / L) x0 t) ∧ f (gdIter E g (1 / L) x0 t) ≤ (1 - μ / L) ^ t * f x0 := by
  have h1 : f (gdIter E g (1 / L) x0 t) - 0 ≤ (1 - μ / L) ^ t * (f x0 - 0) :=
    gd_linear_convergence_inv E f g hS hPL hL hμ hμL x0 t
  have h2 : 0 ≤ f (gdIter E g (1 / L) x0 t) := hI.nonneg (gdIter E g (1 / L) x0 t)
  constructor
  · exact h2
  · grind

/-- PL* along the trajectory ⇒ geometric decrease of a nonnegative loss (Liu–Zhu–Belkin):
if the GD iterates with step `η` (`0 ≤ η`, `L η ≤ 1`, `μ η ≤ 1`) stay in a region `S` on which
μ-PL* holds, then `f(x_t) ≤ (1 - μη)^t f(x_0)`. That the iterates stay in `S` is the hypothesis
`hstay` here; in Liu–Zhu–Belkin it is the hard part, proved from the width of the network. -/
theorem gd_plStar_geometric (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L η μ : K} {S : V → Prop} (hP : PLStarOn E f g μ S) (hS : Smooth E f g L) (hη : 0 ≤ η)
    (hLη : L * η ≤ 1) (hμη : μ * η ≤ 1) (x0 : V)
    (hstay : ∀ t : Nat, S (gdIter E g η x0 t)) (t : Nat) :
    f (gdIter E g η x0 t) ≤ (1 - μ * η) ^ t * f x0 := by
  have hρ : 0 ≤ 1 - μ * η := by grind
  have hstep : ∀ s : Nat, f (gdIter E g η x0 (s + 1)) ≤ (1 - μ * η) * f (gdIter E g η x0 s) := by
    intro s
    have hpl : μ * (f (gdIter E g η x0 s) - 0) ≤ E.normSq (g (gdIter E g η x0 s)) / 2 := by
      have h := hP.pl_star (gdIter E g η x0 s) (hstay s)
      grind
    have h1 : f (gdStep E g η (gdIter E g η x0 s)) - 0
        ≤ (1 - μ * η) * (f (gdIter E g η x0 s) - 0) :=
      gdStep_sub_le_of_pl_at E f g hS hη hLη hpl
    have h2 : f (gdIter E g η x0 (s + 1)) = f (gdStep E g η (gdIter E g η x0 s)) := rfl
    grind
  have hmain : f (gdIter E g η x0 t) ≤ (1 - μ * η) ^ t * f (gdIter E g η x0 0) :=
    le_pow_mul_of_step (fun s => f (gdIter E g η x0 s)) (1 - μ * η) hρ hstep t
  exact hmain

end Convergence

end AxiomDL
