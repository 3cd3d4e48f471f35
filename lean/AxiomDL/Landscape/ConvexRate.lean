import AxiomDL.Landscape.Descent
import AxiomDL.Landscape.Convexity

/-!
# The convex + smooth rate of gradient descent

For a convex, L-smooth loss with a minimiser `xstar` (`f xstar = fstar`), GD with step `1/L`
satisfies the one-step bound `f(x_{t+1}) - f* ≤ L/2 (‖x_t - x*‖² - ‖x_{t+1} - x*‖²)`;
telescoping and monotone decrease give the `O(1/T)` rate
`T (f(x_T) - f*) ≤ L/2 ‖x_0 - x*‖²`.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section ConvexRate

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- One-step bound for convex + L-smooth losses, step `1/L`:
`f(x⁺) - f* ≤ L/2 (‖x - x*‖² - ‖x⁺ - x*‖²)`. -/
theorem gdStep_convex_bound (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L fstar : K} {xstar : V} (hC : Convex E f g) (hS : Smooth E f g L) (hL : 0 < L)
    (hstar : f xstar = fstar) (x : V) :
    f (gdStep E g (1 / L) x) - fstar
      ≤ L / 2 * (E.normSq (E.sub x xstar) - E.normSq (E.sub (gdStep E g (1 / L) x) xstar)) := by
  have hLη : L * (1 / L) = 1 := mul_one_div_cancel (by grind)
  -- descent: `f(x⁺) ≤ f x - (1/L)/2 ‖g x‖²`
  have hd : f (gdStep E g (1 / L) x) ≤ f x - 1 / L / 2 * E.normSq (g x) := by
    have hη : 0 < 1 / L := one_div_pos hL
    exact descent_lemma E f g hS (by grind) (by grind) x
  -- convexity towards the minimiser: `f x - f* ≤ ⟪g x, x - x*⟫`
  have hconv : f x - fstar ≤ E.inner (g x) (E.sub x xstar) := by
    have hc : f x + E.inner (g x) (E.sub xstar x) ≤ f xstar := hC.first_order x xstar
    have hswap : E.inner (g x) (E.sub xstar x) = -E.inner (g x) (E.sub x xstar) :=
      E.inner_sub_swap_right (g x) xstar x
    grind
  -- the two combine linearly: `f(x⁺) - f* ≤ ⟪g x, x - x*⟫ - (1/L)/2 ‖g x‖²`
  have hstep : f (gdStep E g (1 / L) x) - fstar
      ≤ E.inner (g x) (E.sub x xstar) - 1 / L / 2 * E.normSq (g x) := by
    grind
  -- the squared distance after the step
  have hdiff : E.normSq (E.sub x xstar) - E.normSq (E.sub (gdStep E g (1 / L) x) xstar)
      = 2 * (1 / L) * E.inner (g x) (E.sub x xstar) - 1 / L * (1 / L) * E.normSq (g x) := by
    have hD : E.normSq (E.sub (gdStep E g (1 / L) x) xstar)
        = E.normSq (E.sub x xstar) - 2 * (1 / L) * E.inner (g x) (E.sub x xstar)
          + 1 / L * (1 / L) * E.normSq (g x) :=
      E.normSq_step_sub x (g x) xstar (1 / L)
    rw [hD]
    grind
  -- ring identities with the factor `L * (1 / L) = 1`
  have hmul : L / 2 * (2 * (1 / L) * E.inner (g x) (E.sub x xstar)
        - 1 / L * (1 / L) * E.normSq (g x))
      = L * (1 / L) * E.inner (g x) (E.sub x xstar)
        - L * (1 / L) * (1 / L / 2 * E.normSq (g x)) := by
    grind
  have e1 : L * (1 / L) * E.inner (g x) (E.sub x xstar) = E.inner (g x) (E.sub x xstar) := by
    rw [hLη]
    grind
  have e2 : L * (1 / L) * (1 / L / 2 * E.normSq (g x)) = 1 / L / 2 * E.normSq (g x) := by
    rw [hLη]
    grind
  calc f (gdStep E g (1 / L) x) - fstar
      ≤ E.inner (g x) (E.sub x xstar) - 1 / L / 2 * E.normSq (g x) := hstep
    _ = L * (1 / L) * E.inner (g x) (E.sub x xstar)
          - L * (1 / L) * (1 / L / 2 * E.normSq (g x)) := by rw [e1, e2]
    _ = L / 2 * (2 * (1 / L) * E.inner (g x) (E.sub x xstar)
          - 1 / L * (1 / L) * E.normSq (g x)) := hmul.symm
    _ = L / 2 * (E.normSq (E.sub x xstar)
          - E.normSq (E.sub (gdStep E g (1 / L) x) xstar)) := by rw [hdiff]

/-- Telescoped bound for convex + L-smooth losses, step `1/L`:
`∑_{t < T} (f(x_{t+1}) - f*) ≤ L/2 (‖x_0 - x*‖² - ‖x_T - x*‖²)`. -/
theorem gd_convex_sum_le (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L fstar : K} {xstar : V} (hC : Convex E f g) (hS : Smooth E f g L) (hL : 0 < L)
    (hstar : f xstar = fstar) (x0 : V) (T : Nat) :
    sumRange (fun t => f (gdIter E g (1 / L) x0 (t + 1)) - fstar) T
      ≤ L / 2 * (E.normSq (E.sub x0 xstar)
        - E.normSq (E.sub (gdIter E g (1 / L) x0 T) xstar)) := by
  induction T with
  | zero =>
    have h0 : sumRange (fun t => f (gdIter E g (1 / L) x0 (t + 1)) - fstar) 0 = 0 :=
      sumRange_zero (fun t => f (gdIter E g (1 / L) x0 (t + 1)) - fstar)
    have h1 : gdIter E g (1 / L) x0 0 = x0 := gdIter_zero E g (1 / L) x0
    rw [h0, h1]
    grind
  | succ k ih =>
    have hs : sumRange (fun t => f (gdIter E g (1 / L) x0 (t + 1)) - fstar) (k + 1)
        = sumRange (fun t => f (gdIter E g (1 / L) x0 (t + 1)) - fstar) k
          + (f (gdIter E g (1 / L) x0 (k + 1)) - fstar) :=
      sumRange_succ (fun t => f (gdIter E g (1 / L) x0 (t + 1)) - fstar) k
    have hstep : f (gdIter E g (1 / L) x0 (k + 1)) - fstar
        ≤ L / 2 * (E.normSq (E.sub (gdIter E g (1 / L) x0 k) xstar)
          - E.normSq (E.sub (gdIter E g (1 / L) x0 (k + 1)) xstar)) :=
      gdStep_convex_bound E f g hC hS hL hstar (gdIter E g (1 / L) x0 k)
    rw [hs]
    grind

/-- The `O(1/T)` rate of GD for convex, L-smooth losses with step `1/L`:
`T · (f(x_T) - f*) ≤ L/2 ‖x_0 - x*‖²`. -/
theorem gd_convex_rate (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L fstar : K} {xstar : V} (hC : Convex E f g) (hS : Smooth E f g L) (hL : 0 < L)
    (hstar : f xstar = fstar) (x0 : V) (T : Nat) :
    natToScalar T * (f (gdIter E g (1 / L) x0 T) - fstar)
      ≤ L / 2 * E.normSq (E.sub x0 xstar) := by
  have hη : 0 < 1 / L := one_div_pos hL
  have hLη : L * (1 / L) = 1 := mul_one_div_cancel (by grind)
  have hsum := gd_convex_sum_le E f g hC hS hL hstar x0 T
  have hmono : sumRange (fun _ => f (gdIter E g (1 / L) x0 T) - fstar) T
      ≤ sumRange (fun t => f (gdIter E g (1 / L) x0 (t + 1)) - fstar) T := by
    apply sumRange_le_sumRange
    intro t ht
    have hle : f (gdIter E g (1 / L) x0 T) ≤ f (gdIter E g (1 / L) x0 (t + 1)) :=
      gdIter_antitone E f g hS (by grind) (by grind) x0 (by omega)
    grind
  have hconst : sumRange (fun _ => f (gdIter E g (1 / L) x0 T) - fstar) T
      = natToScalar T * (f (gdIter E g (1 / L) x0 T) - fstar) :=
    sumRange_const (f (gdIter E g (1 / L) x0 T) - fstar) T
  have hDT : 0 ≤ E.normSq (E.sub (gdIter E g (1 / L) x0 T) xstar) :=
    E.normSq_nonneg (E.sub (gdIter E g (1 / L) x0 T) xstar)
  have hL2 : 0 ≤ L / 2 * E.normSq (E.sub (gdIter E g (1 / L) x0 T) xstar) :=
    mul_nonneg (by grind) hDT
  grind

/-- The `O(1/T)` rate, division form: for `T > 0`,
`f(x_T) - f* ≤ (L/2 ‖x_0 - x*‖²) / T`. -/
theorem gd_convex_rate_div (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L fstar : K} {xstar : V} (hC : Convex E f g) (hS : Smooth E f g L) (hL : 0 < L)
    (hstar : f xstar = fstar) (x0 : V) {T : Nat} (hT : 0 < T) :
    f (gdIter E g (1 / L) x0 T) - fstar ≤ L / 2 * E.normSq (E.sub x0 xstar) / natToScalar T :=
  le_div_of_mul_le (natToScalar_pos hT) (gd_convex_rate E f g hC hS hL hstar x0 T)

end ConvexRate

end AxiomDL
